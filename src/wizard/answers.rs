//! Non-interactive answers: an answers file (a full or partial draft) and `--set KEY=VALUE`.
//! `NoInput` is the prompter that never asks: every question it gets is a missing answer,
//! collected so that a run reports all of them at once.

use super::prompter::{Asked, Choice, Prompter, Question, Reply, Validator};
use crate::draft::{edit, load::known_paths};
use anyhow::{Context, Result, bail};
use std::path::Path;
use toml::{Table, Value};

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
}

impl Prompter for NoInput {
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
