//! Non-interactive answers: an answers file (a full or partial draft) and `--set KEY=VALUE`.
//! `NoInput` is the prompter that never asks: every question it gets is a missing answer,
//! collected so that a run reports all of them at once.

use super::engine::tr;
use super::prompter::{Asked, Choice, Prompter, Question, Reply, Validator};
use super::question::Kind;
use crate::diag::Lang;
use crate::draft::{edit, load::known_paths};
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use std::path::Path;
use toml::{Table, Value};

/// Typed text → TOML value. `Ok(None)` = left empty.
pub fn parse_answer(kind: Kind, raw: &str, lang: Lang) -> Result<Option<Value>, String> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let date = |s: &str| {
        let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(s, "%Y/%m/%d"))
            .or_else(|_| NaiveDate::parse_from_str(s, "%Y.%m.%d"))
            .or_else(|_| NaiveDate::parse_from_str(&digits, "%Y%m%d"))
            .ok()
    };
    let bad_date = || {
        tr(
            lang,
            &format!("“{s}”不是日期：请写成 2031-05-01 的样子"),
            &format!("\"{s}\" is not a date: write it like 2031-05-01"),
        )
    };
    let list = |s: &str| -> Vec<String> {
        s.split([',', '，', '、', ';', '；'])
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    };
    match kind {
        Kind::Text => Ok(Some(Value::String(s.to_string()))),
        Kind::Date => date(s).map(|d| Some(edit::parse_value(&d.to_string()))).ok_or_else(bad_date),
        Kind::Validity => {
            if ["长期", "长期有效", "long-term", "longterm", "long term"]
                .iter()
                .any(|x| s.eq_ignore_ascii_case(x))
            {
                return Ok(Some(Value::String("long-term".into())));
            }
            date(s).map(|d| Some(edit::parse_value(&d.to_string()))).ok_or_else(|| {
                tr(
                    lang,
                    &format!("“{s}”不是日期：请写成 2031-05-01，或写“长期”"),
                    &format!("\"{s}\" is not a date: write it like 2031-05-01, or \"long-term\""),
                )
            })
        }
        Kind::Int => s
            .parse::<i64>()
            .map(|n| Some(Value::Integer(n)))
            .map_err(|_| tr(lang, &format!("“{s}”不是整数"), &format!("\"{s}\" is not a whole number"))),
        Kind::List => Ok(Some(Value::Array(
            s.split([',', '，', '、', ' '])
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(|x| Value::String(x.to_string()))
                .collect(),
        ))),
        Kind::Languages => {
            let mut codes = Vec::new();
            for name in list(s) {
                match super::questions::vocab::language_code(&name) {
                    Some(c) => codes.push(Value::String(c.to_string())),
                    None => {
                        return Err(tr(
                            lang,
                            &format!("不认识“{name}”这种语言：请写中文、英语、日语等语言名称"),
                            &format!("\"{name}\" is not a language beian knows: write names such as Chinese, English, Japanese"),
                        ));
                    }
                }
            }
            Ok(Some(Value::Array(codes)))
        }
        Kind::Path => {
            if Path::new(s).is_file() {
                Ok(Some(Value::String(s.to_string())))
            } else {
                Err(tr(
                    lang,
                    &format!("找不到文件“{s}”：请写出文件的路径，或直接回车稍后再备"),
                    &format!("No file \"{s}\": give the file's path, or press Enter to prepare it later"),
                ))
            }
        }
    }
}

pub fn load_answers(path: &Path) -> Result<Table> {
    let size = std::fs::metadata(path).with_context(|| format!("{}", path.display()))?.len();
    if let Some(why) = crate::draft::too_large(size) {
        bail!("{}: {}", path.display(), why.en);
    }
    let src = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    src.parse::<Table>()
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.message()))
}

/// Deep merge: `over` wins, tables merge key by key, arrays of tables merge item by item.
pub fn merge(base: &mut Table, over: Table) {
    for (k, v) in over {
        match (base.get_mut(&k), v) {
            (Some(Value::Table(b)), Value::Table(o)) => merge(b, o),
            (Some(Value::Array(b)), Value::Array(o)) if o.iter().all(Value::is_table) && b.iter().all(Value::is_table) => {
                for (i, item) in o.into_iter().enumerate() {
                    match (b.get_mut(i), item) {
                        (Some(Value::Table(bt)), Value::Table(ot)) => merge(bt, ot),
                        (_, item) => b.push(item),
                    }
                }
            }
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

/// Does `key` (with concrete indices) name a key of the draft format?
pub fn is_known_key(key: &str) -> bool {
    let generic: String = key
        .split('.')
        .map(|p| if p.parse::<usize>().is_ok() { "*" } else { p })
        .collect::<Vec<_>>()
        .join(".");
    let known = known_paths();
    known.iter().any(|k| *k == generic || k.starts_with(&format!("{generic}.")))
        || generic.starts_with("materials.")
        || generic == "website.*.responsible"
        || generic.starts_with("principal.legal_representative.")
        || generic.starts_with("app.*.platform.")
        || [
            "principal.filing_number",
            "website.*.filing_number",
            "app.*.filing_number",
            "account.cancel_scope",
            "account.previous_provider",
        ]
        .contains(&generic.as_str())
        || generic.starts_with("website.*.preapproval")
}

/// Apply `--set KEY=VALUE` items in order. A key outside the draft format is a usage error
/// naming the closest known key.
pub fn apply_sets(t: &mut Table, sets: &[String]) -> Result<()> {
    for s in sets {
        let Some((key, raw)) = s.split_once('=') else {
            bail!("--set {s}: expected KEY=VALUE, e.g. --set principal.province=广东");
        };
        let key = key.trim();
        if !is_known_key(key) {
            let generic = key
                .split('.')
                .map(|p| if p.parse::<usize>().is_ok() { "*" } else { p })
                .collect::<Vec<_>>()
                .join(".");
            let best = known_paths()
                .into_iter()
                .min_by(|a, b| strsim::levenshtein(a, &generic).cmp(&strsim::levenshtein(b, &generic)))
                .unwrap_or_default();
            bail!("--set {key}: not a key of the draft format (closest: {best})");
        }
        edit::set(t, key, set_value(key, raw.trim())).map_err(|e| anyhow::anyhow!("--set {e}"))?;
    }
    Ok(())
}

/// Keys of the format that hold whole numbers; everything else that looks like a number
/// (phone numbers, ID numbers) is text.
const INTEGER_KEYS: &[&str] = &["format", "purchased_months", "filings_used", "social_security_months"];

/// A `--set` value: TOML syntax where it parses, but digits are a string unless the key holds
/// a number (`--set principal.responsible.contact.mobile=13800138000`).
pub fn set_value(key: &str, raw: &str) -> Value {
    let v = edit::parse_value(raw);
    let last = key.rsplit('.').next().unwrap_or(key);
    match v {
        Value::Integer(_) | Value::Float(_) if !INTEGER_KEYS.contains(&last) => Value::String(raw.to_string()),
        v => v,
    }
}

/// The prompter of `--no-input` runs and of runs without a terminal.
#[derive(Default)]
pub struct NoInput {
    pub asked: Vec<String>,
    /// `--storepass-env NAME` and the value it held, as `beian app inspect` takes a keystore
    /// password without a terminal; the answers file never holds one.
    pub storepass_env: Option<(String, Option<String>)>,
    /// Why a secret was not given (also printed on stderr).
    pub notes: Vec<String>,
    pub lang: Lang,
}

impl NoInput {
    pub fn new(lang: Lang, storepass_env: Option<&str>) -> Self {
        NoInput {
            lang,
            storepass_env: storepass_env.map(|n| (n.to_string(), std::env::var(n).ok())),
            ..Default::default()
        }
    }

    fn say(&mut self, zh: &str, en: &str) {
        let s = tr(self.lang, zh, en);
        eprintln!("beian: {s}");
        self.notes.push(s);
    }
}

impl Prompter for NoInput {
    /// The keystore password from `--storepass-env`; without it the values are left to be
    /// typed (or written by `beian app inspect --write`), and the run says so.
    fn secret(&mut self, q: &Question, validate: Validator<'_>) -> Asked<String> {
        self.asked.push(q.key.clone());
        match self.storepass_env.clone() {
            Some((_, Some(pw))) => match validate(&pw) {
                Ok(()) => Ok(Reply::Answer(pw)),
                Err(e) => {
                    self.say(&format!("{}（--storepass-env）", e), &format!("{e} (--storepass-env)"));
                    Ok(Reply::Missing)
                }
            },
            Some((name, None)) => {
                self.say(
                    &format!("环境变量 {name} 未设置（--storepass-env）：签名文件是密钥库，其指纹和公钥未读出"),
                    &format!("environment variable {name} is not set (--storepass-env): the signing file is a keystore, its fingerprint and public key were not read"),
                );
                Ok(Reply::Missing)
            }
            None => {
                self.say(
                    "签名文件是密钥库，需要密码：用 --storepass-env 指定存放密码的环境变量，或在终端上运行以输入；其指纹和公钥未读出",
                    "the signing file is a keystore and needs its password: name an environment variable holding it with --storepass-env, or run on a terminal to type it; its fingerprint and public key were not read",
                );
                Ok(Reply::Missing)
            }
        }
    }

    fn input(&mut self, q: &Question, _default: Option<&str>, _validate: Validator<'_>) -> Asked<String> {
        self.asked.push(q.key.clone());
        Ok(Reply::Missing)
    }
    fn select(&mut self, q: &Question, _choices: &[Choice], _default: usize) -> Asked<usize> {
        self.asked.push(q.key.clone());
        Ok(Reply::Missing)
    }
    fn confirm(&mut self, q: &Question, _default: bool) -> Asked<bool> {
        self.asked.push(q.key.clone());
        Ok(Reply::Missing)
    }
    fn note(&mut self, _text: &str) {}
    fn interactive(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_known_keys_and_refuses_unknown_ones() {
        let mut t = Table::new();
        apply_sets(&mut t, &["principal.province=广东".into(), "domain.0.name=example.com".into()]).unwrap();
        assert_eq!(t["principal"]["province"].as_str(), Some("广东"));
        assert_eq!(t["domain"][0]["name"].as_str(), Some("example.com"));
        let e = apply_sets(&mut t, &["principal.provnce=广东".into()]).unwrap_err().to_string();
        assert!(e.contains("closest: principal.province"), "{e}");
        assert!(apply_sets(&mut t, &["no-equals-sign".into()]).is_err());
        // Digits are text, except in the keys that hold numbers.
        apply_sets(
            &mut t,
            &[
                "principal.responsible.contact.mobile=13800138000".into(),
                "account.resource.purchased_months=12".into(),
            ],
        )
        .unwrap();
        assert_eq!(t["principal"]["responsible"]["contact"]["mobile"].as_str(), Some("13800138000"));
        assert_eq!(t["account"]["resource"]["purchased_months"].as_integer(), Some(12));
    }

    #[test]
    fn merge_overrides_leaves_and_keeps_the_rest() {
        let mut a: Table = "[principal]\nname = \"a\"\nkind = \"individual\"\n[[domain]]\nname = \"x.com\"\n"
            .parse()
            .unwrap();
        let b: Table = "[principal]\nname = \"b\"\n[[domain]]\nholder = \"b\"\n".parse().unwrap();
        merge(&mut a, b);
        assert_eq!(a["principal"]["name"].as_str(), Some("b"));
        assert_eq!(a["principal"]["kind"].as_str(), Some("individual"));
        assert_eq!(a["domain"][0]["name"].as_str(), Some("x.com"));
        assert_eq!(a["domain"][0]["holder"].as_str(), Some("b"));
    }
}
