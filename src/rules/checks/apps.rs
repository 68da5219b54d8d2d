//! APPs: platforms, package names, signing fingerprints and public keys, duplicates, the
//! icon. Every platform is read through `Draft::app_platforms`, so these kinds work the same
//! for `[[app.platform]]` tables and for the single-platform app-level keys.

use super::*;
use crate::draft::{Os, PlatformView};
use crate::validators::app as v;

/// Every platform of every APP this order submits (in a new_service, filed APPs are only
/// context). App-level keys shared by several platforms are one key: the checks that report
/// on a key's value report each key once (`once`).
fn platforms<'a>(cx: &Ctx<'a>) -> Vec<PlatformView<'a>> {
    cx.apps_in_scope().flat_map(|(i, a)| a.platform_views(i)).collect()
}

fn os_list(list: &[String]) -> Vec<Os> {
    list.iter().filter_map(|s| Os::parse(s)).collect()
}

/// The platform's value for a key of `[[app.platform]]`.
fn value<'v>(p: &'v PlatformView<'_>, key: &str) -> Option<&'v crate::draft::AppValue<'v>> {
    match key {
        "package" => Some(&p.package),
        "signing_md5" => Some(&p.signing_md5),
        "signing_sha1" => Some(&p.signing_sha1),
        "public_key" => Some(&p.public_key),
        _ => None,
    }
}

fn os_name(os: Option<Os>) -> Text {
    match os {
        Some(Os::Android) => Text::new("安卓", "Android"),
        Some(Os::Ios) => Text::new("苹果（iOS）", "iOS"),
        Some(Os::HarmonyOs) => Text::new("鸿蒙", "HarmonyOS"),
        Some(Os::Other) => Text::new("其他", "other"),
        None => Text::new("未知", "unknown"),
    }
}

fn fingerprint_name(key: &str) -> &'static str {
    match key {
        "signing_md5" => "MD5",
        "signing_sha1" => "SHA-1",
        _ => "",
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

pub(super) fn run(check: &Check, cx: &Ctx, hits: &mut Vec<Hit>) {
    let d = cx.draft;
    let mut seen = std::collections::HashSet::new();
    let mut once = |path: &str| seen.insert(path.to_string());
    match check {
        Check::AppFields => {
            for p in platforms(cx) {
                for (val, digits) in [(&p.signing_md5, 32), (&p.signing_sha1, 40)] {
                    if let Some(x) = val.value
                        && once(&val.path)
                        && let Err(e) = v::fingerprint(x, digits)
                    {
                        hits.push(Hit::at(val.path.clone()).var("value", x).var_text("expected", problem_text(&e)));
                    }
                }
                if let Some(x) = p.public_key.value
                    && once(&p.public_key.path)
                    && let Err(e) = v::public_key(x)
                {
                    let shown: String = x.chars().take(24).collect();
                    hits.push(
                        Hit::at(p.public_key.path.clone())
                            .var("value", shown)
                            .var_text("expected", problem_text(&e)),
                    );
                }
            }
        }
        Check::AppPackageSyntax => {
            for p in platforms(cx) {
                if let (Some(os), Some(x)) = (p.os, p.package.value)
                    && let Err(e) = v::package(os, x)
                    && once(&p.package.path)
                {
                    hits.push(
                        Hit::at(p.package.path.clone())
                            .var("value", x)
                            .var_text("os", os_name(Some(os)))
                            .var_text("problem", problem_text(&e)),
                    );
                }
            }
        }
        Check::AppPlatformsGiven => {
            for (i, a) in cx.apps_in_scope() {
                if a.platform.is_empty() && a.platforms.is_empty() {
                    hits.push(Hit::at(format!("app.{i}.platforms")));
                }
                for (j, t) in a.platform.iter().enumerate() {
                    if t.os_text.is_none() {
                        hits.push(Hit::at(format!("app.{i}.platform.{j}.os")));
                    }
                }
            }
        }
        Check::AppPlatformRequired { keys } => {
            for p in platforms(cx) {
                for k in keys {
                    if let Some(val) = value(&p, k)
                        && val.value.is_none()
                        && once(&val.path)
                    {
                        hits.push(Hit::at(val.path.clone()).var("key", val.path.clone()).var_text("os", os_name(p.os)));
                    }
                }
            }
        }
        Check::AppFingerprintRequired { os, any_of, only_if } => {
            let os = os_list(os);
            for p in platforms(cx) {
                if !p.os.is_some_and(|o| os.contains(&o)) {
                    continue;
                }
                if let Some(k) = only_if
                    && value(&p, k).and_then(|x| x.value).is_none()
                {
                    continue;
                }
                let has = any_of.iter().any(|k| value(&p, k).is_some_and(|x| x.value.is_some()));
                if has {
                    continue;
                }
                // The other fingerprint, when it is the one given, is the likely mistake.
                let other = ["signing_md5", "signing_sha1"]
                    .into_iter()
                    .find(|k| !any_of.iter().any(|a| a == k) && value(&p, k).is_some_and(|x| x.value.is_some()));
                let note = match other {
                    Some(k) => Text::new(
                        format!("（只填写了 {}，该平台不接受）", fingerprint_name(k)),
                        format!(" (only the {} is given, which this platform does not take)", fingerprint_name(k)),
                    ),
                    None => Text::same(""),
                };
                let Some(want) = any_of.first().and_then(|k| value(&p, k)) else {
                    continue;
                };
                hits.push(Hit::at(want.path.clone()).var_text("os", os_name(p.os)).var_text("note", note));
            }
        }
        Check::AppLegacyKeys => {
            for (i, a) in cx.apps_in_scope() {
                if a.platform.is_empty() {
                    continue;
                }
                for (k, val) in [
                    ("package_name", &a.package_name),
                    ("signing_md5", &a.signing_md5),
                    ("signing_sha1", &a.signing_sha1),
                    ("public_key", &a.public_key),
                ] {
                    if val.is_some() {
                        hits.push(Hit::at(format!("app.{i}.{k}")).var("key", format!("app.{i}.{k}")));
                    }
                }
            }
        }
        Check::AppPlatformsAgree => {
            for (i, a) in cx.apps_in_scope() {
                if a.platform.is_empty() || a.platforms.is_empty() {
                    continue;
                }
                let tables: Vec<Os> = a.platform.iter().filter_map(|t| t.os).collect();
                let listed: Vec<Os> = os_list(&a.platforms);
                for (k, s) in a.platforms.iter().enumerate() {
                    if let Some(o) = Os::parse(s)
                        && !tables.contains(&o)
                    {
                        hits.push(Hit::at(format!("app.{i}.platforms.{k}")).var_text("os", os_name(Some(o))));
                    }
                }
                for (j, t) in a.platform.iter().enumerate() {
                    if let Some(o) = t.os
                        && !listed.contains(&o)
                    {
                        hits.push(Hit::at(format!("app.{i}.platform.{j}.os")).var_text("os", os_name(Some(o))));
                    }
                }
            }
        }
        Check::AppNameDuplicate => {
            let mut names: Vec<(String, usize)> = Vec::new();
            for (i, a) in d.apps.iter().enumerate() {
                let Some(n) = a.name.as_deref().map(squash).filter(|n| !n.is_empty()) else {
                    continue;
                };
                match names.iter().find(|(m, _)| *m == n) {
                    Some((_, first)) => hits.push(
                        Hit::at(format!("app.{i}.name"))
                            .var("name", a.name.clone().unwrap_or_default())
                            .var("other", format!("app.{first}.name")),
                    ),
                    None => names.push((n, i)),
                }
            }
        }
        Check::AppPackageDuplicate => {
            // (package, app, os) of every platform seen so far; the app-level key shared by
            // several platforms of one APP is one use, not a duplicate.
            let mut used: Vec<(String, usize, Option<Os>, String)> = Vec::new();
            for p in platforms(cx) {
                let Some(pkg) = p.package.value.map(str::trim).filter(|x| !x.is_empty()) else {
                    continue;
                };
                let clash = used.iter().find(|(q, app, os, path)| {
                    q.eq_ignore_ascii_case(pkg) && *path != p.package.path && (*app != p.app || (*os == p.os && p.os.is_some()))
                });
                if let Some((_, _, _, path)) = clash {
                    if once(&p.package.path) {
                        hits.push(Hit::at(p.package.path.clone()).var("value", pkg).var("other", path.clone()));
                    }
                } else {
                    used.push((pkg.to_string(), p.app, p.os, p.package.path.clone()));
                }
            }
        }
        Check::WebsiteAppSameDomain => {
            // Only what this order submits: a website filed before is not in the same order.
            for (i, a) in cx.apps_in_scope() {
                for (j, dn) in a.domains.iter().enumerate() {
                    if let Some((w, _)) = cx.websites_in_scope().find(|(_, w)| w.domains.iter().any(|x| same_domain(x, dn))) {
                        hits.push(
                            Hit::at(format!("app.{i}.domains.{j}"))
                                .var("domain", dn.clone())
                                .var("other", format!("website.{w}.domains")),
                        );
                    }
                }
            }
        }
        Check::MaterialMaxBytes { key, max_bytes } => {
            for (k, f) in &d.materials {
                if k != key {
                    continue;
                }
                let path = crate::rules::materials::material_path(cx.base, f);
                if let Ok(m) = std::fs::metadata(&path)
                    && m.is_file()
                    && m.len() > *max_bytes
                {
                    hits.push(
                        Hit::at(format!("materials.{k}"))
                            .var("file", f.clone())
                            .var("size", m.len().div_ceil(1024).to_string())
                            .var("limit", max_bytes.div_ceil(1024).to_string()),
                    );
                }
            }
        }
        _ => unreachable!("dispatched by Check::run"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(kind: &str, src: &str) -> Vec<String> {
        let check: Check = toml::from_str(kind).unwrap();
        let d = crate::draft::load_str(src).draft.unwrap();
        let cx = Ctx::new(&d, chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        check.run(&cx).into_iter().map(|h| h.field).collect()
    }

    #[test]
    fn app_level_keys_shared_by_platforms_are_reported_once() {
        let src = "[[app]]\nplatforms = [\"android\", \"ios\"]\npackage_name = \"com.example.my-app\"\nsigning_md5 = \"12\"\n";
        assert_eq!(hits("kind = \"app_fields\"", src), ["app.0.signing_md5"]);
        // Valid as a Bundle ID, not as an Android package: one finding, on the shared key.
        assert_eq!(hits("kind = \"app_package_syntax\"", src), ["app.0.package_name"]);
        assert!(hits("kind = \"app_package_duplicate\"", src).is_empty());
    }

    #[test]
    fn fingerprint_kind_per_platform() {
        let ios_md5 = "[[app]]\n[[app.platform]]\nos = \"ios\"\npackage = \"com.a.b\"\nsigning_md5 = \"x\"\n";
        let k = "kind = \"app_fingerprint_required\"\nos = [\"ios\"]\nany_of = [\"signing_sha1\"]";
        assert_eq!(hits(k, ios_md5), ["app.0.platform.0.signing_sha1"]);
        let ios_sha1 = ios_md5.replace("signing_md5", "signing_sha1");
        assert!(hits(k, &ios_sha1).is_empty());
        // Only when the other key is given.
        let only_if = "kind = \"app_fingerprint_required\"\nos = [\"ios\"]\nany_of = [\"signing_sha1\"]\nonly_if = \"signing_md5\"";
        assert!(hits(only_if, "[[app]]\n[[app.platform]]\nos = \"ios\"\n").is_empty());
        assert_eq!(hits(only_if, ios_md5).len(), 1);
    }

    #[test]
    fn duplicates_across_apps_and_within_one_os() {
        let src = "[[app]]\nname = \"甲\"\n[[app.platform]]\nos = \"android\"\npackage = \"com.a.b\"\n[[app.platform]]\nos = \"ios\"\npackage = \"com.a.b\"\n[[app.platform]]\nos = \"android\"\npackage = \"com.a.b\"\n[[app]]\nname = \"甲 \"\npackage_name = \"COM.A.B\"\nplatforms = [\"android\"]\n";
        assert_eq!(
            hits("kind = \"app_package_duplicate\"", src),
            ["app.0.platform.2.package", "app.1.package_name"]
        );
        assert_eq!(hits("kind = \"app_name_duplicate\"", src), ["app.1.name"]);
    }

    /// An APP's backend domains go through the same rules as a website's: listed in
    /// `[[domain]]` and held by the principal.
    #[test]
    fn app_domains_are_listed_and_held_by_the_principal() {
        let base = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/base/enterprise.toml")).unwrap();
        let codes = |extra: &str| {
            let src = format!("{base}\n{extra}");
            let d = crate::draft::load_str(&src).draft.unwrap();
            let as_of = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
            let out = crate::rules::engine::evaluate(crate::rules::rules(), &d, as_of, None);
            out.findings
                .into_iter()
                .map(|f| format!("{}@{}", f.rule, f.field))
                .collect::<Vec<_>>()
        };
        let app = "[[app]]\nname = \"示例记账本\"\ndomains = [\"api-example.cn\"]\n";
        assert!(codes(app).contains(&"WEBSITE-DOMAIN-LISTED@app.0.domains.0".to_string()));
        let held = "[[domain]]\nname = \"api-example.cn\"\nholder = \"别的公司\"\n";
        let got = codes(&format!("{held}{app}"));
        // The national DOMAIN-HOLDER, or the province's own version of it (广东 has one).
        assert!(got.iter().any(|f| f.ends_with("DOMAIN-HOLDER@domain.1.holder")), "{got:?}");
    }

    /// The province rules on a website's responsible person read an APP's too (Fujian wants a
    /// resident ID card for both).
    #[test]
    fn app_responsible_person_meets_the_website_person_rules() {
        let base = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/base/enterprise.toml")).unwrap();
        let src = format!(
            "{}\n[[app]]\nname = \"示例记账本\"\ndomains = [\"example.com\"]\n[app.responsible]\nname = \"John Smith\"\n[app.responsible.document]\ntype = \"passport\"\nnumber = \"E12345678\"\n",
            base.replace("province = \"广东\"", "province = \"福建\"")
        );
        let d = crate::draft::load_str(&src).draft.unwrap();
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let out = crate::rules::engine::evaluate(crate::rules::rules(), &d, as_of, None);
        assert!(
            out.findings
                .iter()
                .any(|f| f.rule == "FJ-WEB-RESP-ID" && f.field == "app.0.responsible.document.type"),
            "{:?}",
            out.findings.iter().map(|f| &f.rule).collect::<Vec<_>>()
        );
    }
}
