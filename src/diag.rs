//! Findings: what a rule says about one field of one draft.

use crate::draft::node::Pos;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// A text in both languages. Every user-facing rule text has both; a registry test enforces it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }
    pub fn same(s: impl Into<String>) -> Self {
        let s = s.into();
        Text { zh: s.clone(), en: s }
    }
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// Values a check hands to the rule's message template (`{name}` placeholders).
pub type Vars = Vec<(&'static str, Text)>;

/// What a check reports before the rule table turns it into a finding.
#[derive(Debug, Clone)]
pub struct Hit {
    pub field: String,
    pub vars: Vars,
    /// Set when the check itself lowers or raises the rule's severity (e.g. a material on hand).
    pub severity: Option<Severity>,
}

impl Hit {
    pub fn at(field: impl Into<String>) -> Self {
        Hit {
            field: field.into(),
            vars: Vec::new(),
            severity: None,
        }
    }
    pub fn var(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.vars.push((name, Text::same(value)));
        self
    }
    pub fn var_text(mut self, name: &'static str, value: Text) -> Self {
        self.vars.push((name, value));
        self
    }
    pub fn severity(mut self, s: Severity) -> Self {
        self.severity = Some(s);
        self
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub field: String,
    pub message: Text,
    pub fix: Text,
    pub source: String,
    pub pos: Option<Pos>,
}

/// Fill `{name}` placeholders; unknown placeholders stay visible so a table typo is noticed.
pub fn render(template: &str, vars: &Vars, lang: Lang) -> String {
    render_with(template, |k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.get(lang)))
}

/// [`render`] with the values from `lookup`. One pass over the template: a value that itself
/// contains `{…}` is left as it is.
pub fn render_with<'v>(template: &str, lookup: impl Fn(&str) -> Option<&'v str>) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
        match (after.as_bytes().get(name_len), lookup(&after[..name_len])) {
            (Some(b'}'), Some(v)) if name_len > 0 => {
                out.push_str(v);
                rest = &after[name_len + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_fills_known_placeholders_once() {
        let vars: Vars = vec![("a", Text::new("甲", "A")), ("b", Text::same("{a}")), ("a", Text::same("second"))];
        assert_eq!(render("x {a} y {b} {c} {} {a", &vars, Lang::Zh), "x 甲 y {a} {c} {} {a");
        assert_eq!(render("{a}{a}", &vars, Lang::En), "AA");
        assert_eq!(render("no placeholders", &vars, Lang::En), "no placeholders");
        assert_eq!(render("{{a}}", &vars, Lang::En), "{A}");
    }
}
