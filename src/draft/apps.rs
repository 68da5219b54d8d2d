//! An APP's platforms, as the rules, the bundle and `app inspect` read them.
//!
//! A draft gives an APP's platforms in one of two ways, and every reader goes through
//! [`Draft::app_platforms`] so that none has to know which:
//!
//! - **`[[app.platform]]` tables** (one per platform, the format for a multi-platform APP):
//!   these are the platforms, in file order, each value at `app.N.platform.M.<key>`. The
//!   app-level single-platform keys are then not read into any platform (rule
//!   `APP-LEGACY-KEYS` warns when they are there too), because an Android MD5 copied onto the
//!   iOS platform would be wrong, not helpful.
//! - **the single-platform keys on the app** (`platforms`, `package_name`, `signing_md5`,
//!   `signing_sha1`, `public_key`): one view per entry of `platforms`, all sharing the
//!   app-level values and pointing at the app-level keys (`app.N.package_name` …). With no
//!   `platforms` but a package name or fingerprint, one view whose os is unknown.
//!
//! Every value carries its dotted key path even when it is missing: that is where a finding
//! points and where `app inspect --write` puts what it read.

use super::model::{App, Draft, Os};

/// One value of a platform and the dotted key it is (or would be) written at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppValue<'a> {
    pub value: Option<&'a str>,
    pub path: String,
}

/// The values of one platform of one APP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformView<'a> {
    /// Index of the `[[app]]`.
    pub app: usize,
    /// Index of the `[[app.platform]]` table; `None` for the app-level keys.
    pub table: Option<usize>,
    /// `None` when missing or not a known value (the reader warned about it).
    pub os: Option<Os>,
    /// The os as written.
    pub os_text: Option<&'a str>,
    pub os_path: String,
    pub package: AppValue<'a>,
    pub signing_md5: AppValue<'a>,
    pub signing_sha1: AppValue<'a>,
    pub public_key: AppValue<'a>,
}

impl PlatformView<'_> {
    /// The table the platform's keys live in: `app.0.platform.1`, or `app.0` for the app-level keys.
    pub fn base_path(&self) -> String {
        match self.table {
            Some(j) => format!("app.{}.platform.{j}", self.app),
            None => format!("app.{}", self.app),
        }
    }
}

impl App {
    /// See the module documentation; `i` is the APP's index (for the key paths).
    pub fn platform_views<'s>(&'s self, i: usize) -> Vec<PlatformView<'s>> {
        let v = |value: &'s Option<String>, path: String| AppValue {
            value: value.as_deref(),
            path,
        };
        if !self.platform.is_empty() {
            return self
                .platform
                .iter()
                .enumerate()
                .map(|(j, p)| {
                    let base = format!("app.{i}.platform.{j}");
                    PlatformView {
                        app: i,
                        table: Some(j),
                        os: p.os,
                        os_text: p.os_text.as_deref(),
                        os_path: format!("{base}.os"),
                        package: v(&p.package, format!("{base}.package")),
                        signing_md5: v(&p.signing_md5, format!("{base}.signing_md5")),
                        signing_sha1: v(&p.signing_sha1, format!("{base}.signing_sha1")),
                        public_key: v(&p.public_key, format!("{base}.public_key")),
                    }
                })
                .collect();
        }
        let shared = |os: Option<Os>, os_text: Option<&'s str>, os_path: String| PlatformView {
            app: i,
            table: None,
            os,
            os_text,
            os_path,
            package: v(&self.package_name, format!("app.{i}.package_name")),
            signing_md5: v(&self.signing_md5, format!("app.{i}.signing_md5")),
            signing_sha1: v(&self.signing_sha1, format!("app.{i}.signing_sha1")),
            public_key: v(&self.public_key, format!("app.{i}.public_key")),
        };
        if self.platforms.is_empty() {
            let any = [&self.package_name, &self.signing_md5, &self.signing_sha1, &self.public_key]
                .iter()
                .any(|x| x.is_some());
            return if any {
                vec![shared(None, None, format!("app.{i}.platforms"))]
            } else {
                Vec::new()
            };
        }
        self.platforms
            .iter()
            .enumerate()
            .map(|(k, t)| shared(Os::parse(t), Some(t.as_str()), format!("app.{i}.platforms.{k}")))
            .collect()
    }
}

impl Draft {
    /// The platforms of `[[app]]` number `i` (empty when there is no such APP).
    pub fn app_platforms(&self, i: usize) -> Vec<PlatformView<'_>> {
        self.apps.get(i).map(|a| a.platform_views(i)).unwrap_or_default()
    }
}

/// A certificate fingerprint or public key as the consoles take it: hex digits only, upper
/// case (keytool and openssl print `AB:CD:…`; people paste it with colons, spaces or dashes).
pub fn normalize_hex(s: &str) -> String {
    s.chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, ':' | '-')))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(src: &str) -> Draft {
        crate::draft::load_str(src).draft.unwrap()
    }

    #[test]
    fn platform_tables_are_the_platforms() {
        let d = draft(
            "[[app]]\nname = \"x\"\npackage_name = \"com.a.b\"\n[[app.platform]]\nos = \"安卓\"\npackage = \"com.a.b\"\nsigning_md5 = \"aa\"\n[[app.platform]]\nos = \"ios\"\npackage = \"com.a.ios\"\nsigning_sha1 = \"bb\"\n",
        );
        let v = d.app_platforms(0);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].os, Some(Os::Android));
        assert_eq!(v[0].signing_md5.value, Some("aa"));
        assert_eq!(v[0].signing_md5.path, "app.0.platform.0.signing_md5");
        assert_eq!(v[1].os, Some(Os::Ios));
        assert_eq!(v[1].package.value, Some("com.a.ios"));
        assert_eq!(v[1].signing_md5.value, None);
        assert_eq!(v[1].signing_md5.path, "app.0.platform.1.signing_md5");
        assert_eq!(v[1].base_path(), "app.0.platform.1");
        assert!(d.app_platforms(1).is_empty());
    }

    #[test]
    fn app_level_keys_give_one_view_per_listed_platform() {
        let d = draft("[[app]]\nplatforms = [\"android\", \"苹果\"]\npackage_name = \"com.a.b\"\nsigning_md5 = \"aa\"\n");
        let v = d.app_platforms(0);
        assert_eq!(v.iter().map(|p| p.os).collect::<Vec<_>>(), vec![Some(Os::Android), Some(Os::Ios)]);
        assert!(
            v.iter()
                .all(|p| p.package.path == "app.0.package_name" && p.signing_md5.value == Some("aa"))
        );
        assert_eq!(v[1].os_path, "app.0.platforms.1");
        assert_eq!(v[1].signing_sha1.path, "app.0.signing_sha1");
        // A package name without `platforms`: one platform of unknown os.
        let d = draft("[[app]]\npackage_name = \"com.a.b\"\n");
        let v = d.app_platforms(0);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].os, None);
        assert!(draft("[[app]]\nname = \"x\"\n").app_platforms(0).is_empty());
    }

    #[test]
    fn reader_warns_about_unknown_os_and_reads_app_services() {
        let src = "[[app]]\nplatforms = [\"塞班\"]\nservice_content = [\"新闻\"]\nlanguages = [\"zh-CN\"]\nremark = \"r\"\n[[app.preapproval]]\nkind = \"news\"\nnumber = \"1\"\n[[app.platform]]\nos = \"windows-phone\"\npublic_key = \"ab\"\n";
        let l = crate::draft::load_str(src);
        let unknown: Vec<&str> = l
            .issues
            .iter()
            .filter(|i| i.code == "DRAFT-UNKNOWN-OPTION")
            .map(|i| i.hit.field.as_str())
            .collect();
        assert_eq!(unknown, ["app.0.platforms.0", "app.0.platform.0.os"]);
        assert!(!l.issues.iter().any(|i| i.code == "DRAFT-UNKNOWN-KEY"), "{:?}", l.issues);
        let d = l.draft.unwrap();
        let a = &d.apps[0];
        assert_eq!(a.service_content, ["news"]);
        assert_eq!(a.preapproval[0].kind.as_deref(), Some("news"));
        assert_eq!(a.remark.as_deref(), Some("r"));
        let v = d.app_platforms(0);
        assert_eq!((v[0].os, v[0].os_text), (None, Some("windows-phone")));
        assert_eq!(v[0].public_key.value, Some("ab"));
    }

    #[test]
    fn os_aliases() {
        for (t, os) in [
            ("Android", Os::Android),
            ("安卓", Os::Android),
            ("IOS", Os::Ios),
            ("苹果平台", Os::Ios),
            ("iphone", Os::Ios),
            ("HarmonyOS", Os::HarmonyOs),
            ("鸿蒙", Os::HarmonyOs),
            ("OpenHarmony", Os::HarmonyOs),
            ("其他", Os::Other),
        ] {
            assert_eq!(Os::parse(t), Some(os), "{t}");
        }
        assert_eq!(Os::parse("symbian"), None);
    }

    #[test]
    fn hex_is_normalised() {
        assert_eq!(normalize_hex("ab:cd ef-01\n"), "ABCDEF01");
    }
}
