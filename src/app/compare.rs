//! What the inspected files say against what the draft says → findings (rules APP-INSPECT-*,
//! `kind = "builtin"` in the national table). The draft is read with `toml_edit` through the
//! keys of the draft format (`app.N.platform.M.signing_md5`, or the app-level keys of a
//! single-platform APP), the same document `--write` edits.

use super::{Inspected, Problem};
use crate::diag::{Finding, Hit, Text};
use crate::draft::Draft;
use crate::rules::RuleSet;
use crate::rules::engine::finding;
use chrono::NaiveDate;
use toml_edit::{DocumentMut, Item};

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

fn str_of(t: &dyn toml_edit::TableLike, key: &str) -> Option<String> {
    t.get(key)
        .and_then(Item::as_str)
        .map(str::to_string)
        .filter(|s| !s.trim().is_empty())
}

/// The tables of an array of tables or of an inline array of tables.
pub fn nth_table(item: Option<&Item>, n: usize) -> Option<&dyn toml_edit::TableLike> {
    match item? {
        Item::ArrayOfTables(a) => a.get(n).map(|t| t as &dyn toml_edit::TableLike),
        Item::Value(toml_edit::Value::Array(a)) => a.get(n)?.as_inline_table().map(|t| t as &dyn toml_edit::TableLike),
        _ => None,
    }
}

fn count(item: Option<&Item>) -> usize {
    match item {
        Some(Item::ArrayOfTables(a)) => a.len(),
        Some(Item::Value(toml_edit::Value::Array(a))) => a.len(),
        _ => 0,
    }
}

/// The draft format's `os` id for what a draft may write (`安卓`, `iOS`, `鸿蒙平台`, …); an
/// unknown value is kept as written. The same aliases as the draft reader's `Os` vocabulary.
pub fn os_id(text: &str) -> String {
    let t = text.trim();
    let l = t.to_ascii_lowercase();
    match (t, l.as_str()) {
        (_, "android") | ("安卓" | "安卓平台", _) => "android",
        (_, "ios" | "iphone" | "ipados") | ("苹果" | "苹果平台", _) => "ios",
        (_, "harmonyos" | "harmonyos next" | "harmony" | "harmony_os" | "openharmony") | ("鸿蒙" | "鸿蒙平台", _) => "harmonyos",
        (_, "other") | ("其他" | "其他平台", _) => "other",
        _ => t,
    }
    .to_string()
}

/// Which APP and platform of the draft a file belongs to: `--app` (default the first) and
/// `--platform`, else the platform whose `os` matches the file (an APK is Android's).
pub fn resolve(doc: &DocumentMut, app: usize, platform: Option<usize>, file_os: Option<&str>) -> Result<Target, Problem> {
    let apps = count(doc.get("app"));
    let Some(a) = nth_table(doc.get("app"), app) else {
        return Err(if apps == 0 {
            Problem::new("草稿中没有 [[app]]", "the draft has no [[app]]")
        } else {
            Problem::new(
                format!("--app {app} 超出范围：草稿中有 {apps} 个 [[app]]（从 0 开始计数）"),
                format!("--app {app} is out of range: the draft has {apps} [[app]] (counted from 0)"),
            )
        });
    };
    let platforms = count(a.get("platform"));
    let os_of = |m: usize| nth_table(a.get("platform"), m).and_then(|p| str_of(p, "os")).map(|o| os_id(&o));
    let chosen = match platform {
        Some(m) if m >= platforms => {
            return Err(Problem::new(
                format!("--platform {m} 超出范围：app.{app} 有 {platforms} 个 [[app.platform]]"),
                format!("--platform {m} is out of range: app.{app} has {platforms} [[app.platform]]"),
            ));
        }
        Some(m) => Some(m),
        None if platforms == 0 => None,
        None => {
            let by_os = file_os.and_then(|want| (0..platforms).find(|&m| os_of(m).is_some_and(|o| o.eq_ignore_ascii_case(want))));
            match by_os {
                Some(m) => Some(m),
                None if platforms == 1 => Some(0),
                None => {
                    return Err(Problem::new(
                        format!("app.{app} 有 {platforms} 个平台，无法判断文件属于哪一个：请用 --platform 指定"),
                        format!("app.{app} has {platforms} platforms and the file does not tell which: name one with --platform"),
                    ));
                }
            }
        }
    };
    Ok(match chosen {
        Some(m) => {
            let p = nth_table(a.get("platform"), m).ok_or_else(|| Problem::new("平台表无法读取", "the platform table cannot be read"))?;
            Target {
                app,
                platform: Some(m),
                os: str_of(p, "os").map(|o| os_id(&o)),
                package: str_of(p, "package"),
                md5: str_of(p, "signing_md5"),
                sha1: str_of(p, "signing_sha1"),
                public_key: str_of(p, "public_key"),
            }
        }
        None => {
            let os = match a.get("platforms").and_then(Item::as_array) {
                Some(list) if list.len() == 1 => list.get(0).and_then(|v| v.as_str()).map(os_id),
                _ => None,
            };
            Target {
                app,
                platform: None,
                os,
                package: str_of(a, "package_name"),
                md5: str_of(a, "signing_md5"),
                sha1: str_of(a, "signing_sha1"),
                public_key: str_of(a, "public_key"),
            }
        }
    })
}

/// Hex as the draft may write it (colons, spaces, either case) → upper-case digits only.
pub fn norm_hex(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ':' | ' ' | '-' | '\n' | '\r' | '\t'))
        .collect::<String>()
        .to_ascii_uppercase()
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
            let v = norm_hex(value);
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
            let v = norm_hex(pk);
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
