//! What the inspected files say against what the draft says → findings (rules APP-INSPECT-*,
//! `kind = "builtin"` in the national table). The draft is read through the typed model
//! ([`Draft::app_platforms`]); `--write` edits the same keys with `toml_edit`.

use super::{Inspected, Problem};
use crate::diag::{Finding, Hit, Text};
use crate::draft::Draft;
use crate::draft::{PlatformView, normalize_hex};
use crate::rules::RuleSet;
use crate::rules::engine::finding;
use chrono::NaiveDate;

/// The draft keys one file is compared with.
#[derive(Debug, Clone)]
pub struct Target {
    pub app: usize,
    /// `None`: the app-level keys (`package_name`, `signing_md5`, …) of a single-platform APP.
    pub platform: Option<usize>,
    pub os: Option<String>,
    pub package: Option<String>,
    pub md5: Option<String>,
    pub sha1: Option<String>,
    pub public_key: Option<String>,
}

impl Target {
    pub fn prefix(&self) -> String {
        match self.platform {
            Some(m) => format!("app.{}.platform.{m}", self.app),
            None => format!("app.{}", self.app),
        }
    }
    pub fn package_key(&self) -> &'static str {
        if self.platform.is_some() { "package" } else { "package_name" }
    }
    pub fn field(&self, key: &str) -> String {
        format!("{}.{key}", self.prefix())
    }
}

/// Which APP and platform of the draft a file belongs to: `--app` (default the first) and
/// `--platform`, else the platform whose `os` matches the file (an APK is Android's). Read
/// through [`Draft::app_platforms`], so `[[app.platform]]` tables and the app-level keys of a
/// single-platform APP are one thing here.
pub fn resolve(draft: &Draft, app: usize, platform: Option<usize>, file_os: Option<&str>) -> Result<Target, Problem> {
    let apps = draft.apps.len();
    if app >= apps {
        return Err(if apps == 0 {
            Problem::new("草稿中没有 [[app]]", "the draft has no [[app]]")
        } else {
            Problem::new(
                format!("--app {app} 超出范围：草稿中有 {apps} 个 [[app]]（从 0 开始计数）"),
                format!("--app {app} is out of range: the draft has {apps} [[app]] (counted from 0)"),
            )
        });
    }
    let views = draft.app_platforms(app);
    let os_of = |v: &PlatformView| v.os.map(|o| o.id().to_string()).or_else(|| v.os_text.map(str::to_string));
    let matches_file = |v: &&PlatformView| file_os.is_some_and(|want| v.os.is_some_and(|o| o.id() == want));
    let tables = views.first().is_some_and(|v| v.table.is_some());
    let chosen: Option<&PlatformView> = if tables {
        let n = views.len();
        match platform {
            Some(m) if m >= n => {
                return Err(Problem::new(
                    format!("--platform {m} 超出范围：app.{app} 有 {n} 个 [[app.platform]]"),
                    format!("--platform {m} is out of range: app.{app} has {n} [[app.platform]]"),
                ));
            }
            Some(m) => views.get(m),
            None => match views.iter().find(matches_file) {
                Some(v) => Some(v),
                None if n == 1 => views.first(),
                None => {
                    return Err(Problem::new(
                        format!("app.{app} 有 {n} 个平台，无法判断文件属于哪一个：请用 --platform 指定"),
                        format!("app.{app} has {n} platforms and the file does not tell which: name one with --platform"),
                    ));
                }
            },
        }
    } else {
        // The app-level keys: every listed platform shares them; the file's os picks one.
        views
            .iter()
            .find(matches_file)
            .or(if views.len() == 1 { views.first() } else { None })
    };
    let val = |v: Option<&str>| v.map(str::to_string).filter(|s| !s.trim().is_empty());
    Ok(Target {
        app,
        platform: chosen.and_then(|v| v.table),
        os: chosen.and_then(os_of),
        package: val(chosen.and_then(|v| v.package.value)),
        md5: val(chosen.and_then(|v| v.signing_md5.value)),
        sha1: val(chosen.and_then(|v| v.signing_sha1.value)),
        public_key: val(chosen.and_then(|v| v.public_key.value)),
    })
}

fn file_name(i: &Inspected) -> String {
    i.path.display().to_string()
}

/// Findings for one inspected file: about the file alone (debug certificate, expired) and,
/// with a target, against the draft.
pub fn findings(rules: &RuleSet, i: &Inspected, target: Option<&Target>, draft: Option<&Draft>, as_of: NaiveDate) -> Vec<Finding> {
    let mut hits: Vec<(&str, Hit)> = Vec::new();
    let file = file_name(i);
    let at = |key: &str| target.map(|t| t.field(key)).unwrap_or_else(|| file.clone());
    let fp_key = match target.and_then(|t| t.os.as_deref()) {
        Some("ios") => "signing_sha1",
        _ => "signing_md5",
    };
    for s in &i.signers {
        if s.cert.debug {
            hits.push((
                "APP-INSPECT-DEBUG",
                Hit::at(at(fp_key)).var("file", &file).var("subject", &s.cert.subject),
            ));
        }
        if s.cert.not_after.date_naive() < as_of {
            hits.push((
                "APP-INSPECT-EXPIRED",
                Hit::at(at(fp_key))
                    .var("file", &file)
                    .var("subject", &s.cert.subject)
                    .var("not_after", s.cert.not_after.format("%Y-%m-%d").to_string())
                    .var("date", as_of.format("%Y-%m-%d").to_string()),
            ));
        }
    }
    if let Some(t) = target {
        if let (Some(found), Some(want)) = (&i.package, &t.package)
            && found != want.trim()
        {
            hits.push((
                "APP-INSPECT-PACKAGE",
                Hit::at(t.field(t.package_key()))
                    .var("file", &file)
                    .var("found", found)
                    .var("value", want),
            ));
        }
        if let (Some(file_os), Some(os)) = (i.kind.os(), &t.os)
            && !file_os.eq_ignore_ascii_case(os)
        {
            hits.push((
                "APP-INSPECT-PLATFORM",
                Hit::at(t.field("os")).var("file", &file).var("found", file_os).var("value", os),
            ));
        }
        let fingerprints = [("signing_md5", &t.md5, "MD5"), ("signing_sha1", &t.sha1, "SHA-1")];
        for (key, value, algo) in fingerprints {
            let Some(value) = value else { continue };
            let v = normalize_hex(value);
            let digest = |s: &super::Signer| {
                if key == "signing_md5" {
                    s.cert.md5.clone()
                } else {
                    s.cert.sha1.clone()
                }
            };
            if i.signers.iter().any(|s| digest(s) == v) {
                continue;
            }
            let expected: Vec<String> = i.signers.iter().map(|s| super::cert::colons(&digest(s))).collect();
            let hint = if key == "signing_md5" && i.signers.iter().any(|s| s.cert.public_key_md5 == v) {
                Text::new(
                    "；草稿中的是公钥的 MD5，备案要的是证书的 MD5",
                    "; the draft holds the public key's MD5, the filing wants the certificate's",
                )
            } else {
                Text::same("")
            };
            hits.push((
                "APP-INSPECT-FINGERPRINT",
                Hit::at(t.field(key))
                    .var("file", &file)
                    .var("algo", algo)
                    .var("value", value.trim())
                    .var("found", expected.join(" / "))
                    .var_text("hint", hint),
            ));
        }
        if let Some(pk) = &t.public_key {
            let v = normalize_hex(pk);
            let matches = i
                .signers
                .iter()
                .any(|s| s.cert.spki.eq_ignore_ascii_case(&v) || s.cert.rsa_modulus.as_deref().is_some_and(|m| m.eq_ignore_ascii_case(&v)));
            if !matches {
                hits.push(("APP-INSPECT-PUBLIC-KEY", Hit::at(t.field("public_key")).var("file", &file)));
            }
        }
    }
    hits.iter().map(|(code, hit)| finding(rules, code, hit, draft)).collect()
}
