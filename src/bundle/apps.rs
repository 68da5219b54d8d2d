//! The APP section of the bundle: one block per APP, one sub-block per platform, in the order
//! the consoles ask (name, platforms, then per platform the package / Bundle ID, the public
//! key and the fingerprint, then domains, service content, languages, pre-approvals and the
//! responsible person). Values are read through `Draft::app_platforms`, so single-platform
//! drafts and `[[app.platform]]` tables give the same forms.

use super::context::{Named, PersonView, PreapprovalView, person, preapproval_views, same_person, service_content_views};
use crate::draft::*;
use crate::validators::app as v;
use serde::Serialize;

#[derive(Serialize)]
pub struct PlatformFormView {
    /// 1-based, for headings.
    pub number: usize,
    pub os: Option<&'static str>,
    /// 安卓 / iOS / 鸿蒙 / 其他, or the os as written when it is not a known one.
    pub os_zh: Option<String>,
    pub os_en: Option<String>,
    /// What the console calls the package on this platform (包名, Bundle ID …).
    pub package_label: &'static str,
    pub package_label_en: &'static str,
    pub package: Option<String>,
    /// Hex, upper case, no separators (the consoles' form) when it is valid hex; else as written.
    pub public_key: Option<String>,
    /// What goes into the console's 签名MD5值 field, and what it is on this platform.
    pub fingerprint_label: &'static str,
    pub fingerprint_label_en: &'static str,
    pub fingerprint: Option<String>,
    /// Every fingerprint the draft gives for the platform, for checking against the build.
    pub signing_md5: Option<String>,
    pub signing_sha1: Option<String>,
}

#[derive(Serialize)]
pub struct AppView {
    pub number: usize,
    pub name: Option<String>,
    pub platforms: Vec<PlatformFormView>,
    /// The platforms' names joined, for the 运行平台 row.
    pub platform_names: Vec<String>,
    pub platform_names_en: Vec<String>,
    pub domains: Vec<String>,
    pub service_content: Vec<Named>,
    pub languages: Vec<String>,
    pub remark: Option<String>,
    pub preapproval: Vec<PreapprovalView>,
    pub responsible: Option<PersonView>,
    pub responsible_is_principal: bool,
}

/// The platform's name in Chinese and English (the os as written when it is not a known one).
fn os_names(os: Option<Os>, text: Option<&str>) -> Option<(String, String)> {
    let (zh, en) = match os {
        Some(Os::Android) => ("安卓", "Android"),
        Some(Os::Ios) => ("iOS", "iOS"),
        Some(Os::HarmonyOs) => ("鸿蒙", "HarmonyOS"),
        Some(Os::Other) => ("其他", "other"),
        None => return text.map(|t| (t.to_string(), t.to_string())),
    };
    Some((zh.into(), en.into()))
}

fn hex_or_raw(s: Option<&str>, digits: Option<usize>) -> Option<String> {
    let s = s?;
    let ok = match digits {
        Some(n) => v::fingerprint(s, n).ok(),
        None => v::public_key(s).ok(),
    };
    Some(ok.unwrap_or_else(|| s.to_string()))
}

fn platform(n: usize, p: &PlatformView) -> PlatformFormView {
    let md5 = hex_or_raw(p.signing_md5.value, Some(32));
    let sha1 = hex_or_raw(p.signing_sha1.value, Some(40));
    let md5_label = ("签名MD5值（证书 MD5）", "Signature MD5 (the certificate's MD5)");
    let (package_label, fingerprint_label, fingerprint) = match p.os {
        Some(Os::Android) => (("包名", "Package name"), md5_label, md5.clone()),
        Some(Os::Ios) => (
            ("Bundle ID", "Bundle ID"),
            ("签名MD5值栏（填证书 SHA-1）", "Signature MD5 field (enter the certificate's SHA-1)"),
            sha1.clone(),
        ),
        Some(Os::HarmonyOs) => (("包名（bundleName）", "Bundle name"), md5_label, md5.clone().or(sha1.clone())),
        _ => (
            ("包名", "Package name"),
            ("签名指纹", "Signing fingerprint"),
            md5.clone().or(sha1.clone()),
        ),
    };
    let names = os_names(p.os, p.os_text);
    PlatformFormView {
        number: n,
        os: p.os.map(|o| o.id()),
        os_zh: names.as_ref().map(|n| n.0.clone()),
        os_en: names.map(|n| n.1),
        package_label: package_label.0,
        package_label_en: package_label.1,
        package: p.package.value.map(str::to_string),
        public_key: hex_or_raw(p.public_key.value, None),
        fingerprint_label: fingerprint_label.0,
        fingerprint_label_en: fingerprint_label.1,
        fingerprint,
        signing_md5: md5,
        signing_sha1: sha1,
    }
}

pub fn views(d: &Draft) -> Vec<AppView> {
    let pr = &d.principal.responsible;
    d.apps
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let platforms: Vec<PlatformFormView> = d.app_platforms(i).iter().enumerate().map(|(j, p)| platform(j + 1, p)).collect();
            let (resp, is_principal) = match &a.responsible {
                Some(Responsible::Principal) => (Some(pr), true),
                Some(Responsible::Person(x)) => (Some(&**x), same_person(x, pr)),
                None => (None, false),
            };
            AppView {
                number: i + 1,
                name: a.name.clone(),
                platform_names: platforms.iter().filter_map(|p| p.os_zh.clone()).collect(),
                platform_names_en: platforms.iter().filter_map(|p| p.os_en.clone()).collect(),
                platforms,
                domains: a.domains.clone(),
                service_content: service_content_views(&a.service_content),
                languages: a.languages.clone(),
                remark: a.remark.clone(),
                preapproval: preapproval_views(&a.preapproval),
                responsible: resp.map(person),
                responsible_is_principal: is_principal,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_block_per_platform_with_the_fingerprint_each_console_field_takes() {
        let src = "[[app]]\nname = \"x\"\nresponsible = \"principal\"\n[[app.platform]]\nos = \"ios\"\npackage = \"com.a.b\"\nsigning_md5 = \"9e107d9d372bb6826bd81d3542a419d6\"\nsigning_sha1 = \"2f:d4:e1:c6:7a:2d:28:fc:ed:84:9e:e1:bb:76:e7:39:1b:93:eb:12\"\npublic_key = \"30 82\"\n[[app.platform]]\nos = \"安卓\"\nsigning_md5 = \"9e107d9d372bb6826bd81d3542a419d6\"\n";
        let d = crate::draft::load_str(src).draft.unwrap();
        let v = views(&d);
        let p = &v[0].platforms;
        assert_eq!(v[0].platform_names, ["iOS", "安卓"]);
        assert_eq!(p[0].package_label, "Bundle ID");
        assert_eq!(p[0].fingerprint.as_deref(), Some("2FD4E1C67A2D28FCED849EE1BB76E7391B93EB12"));
        assert_eq!(p[0].public_key.as_deref(), Some("3082"));
        assert_eq!(p[1].fingerprint.as_deref(), Some("9E107D9D372BB6826BD81D3542A419D6"));
        assert!(v[0].responsible_is_principal);
    }
}
