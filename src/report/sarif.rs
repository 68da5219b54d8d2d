//! `check --format sarif`: SARIF 2.1.0 for code-scanning tools. One result per finding, with
//! the draft as the artifact and its line and column (Unicode code points, as `columnKind`
//! says); a cross-draft result points at the later draft and relates the earlier one.
//! Streamed: results are written as drafts come; the rule descriptions of the codes that
//! occurred follow them in `tool.driver.rules` (JSON does not order an object's members).

use super::{DraftReport, Totals};
use crate::batch::cross::CrossFinding;
use crate::batch::{Digest, Render, Sink};
use crate::diag::{Finding, Lang, Severity};
use crate::draft::node::Pos;
use crate::pii::mask_text;
use crate::rules::RuleSet;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::io::{self, Write};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// A relative file path as a URI reference: `/` separators, percent-encoding for everything
/// but unreserved characters and `/`.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn location(path: &str, pos: Option<Pos>) -> Value {
    let mut physical = json!({ "artifactLocation": { "uri": uri(path) } });
    if let Some(p) = pos {
        physical["region"] = json!({ "startLine": p.line, "startColumn": p.column });
    }
    json!({ "physicalLocation": physical })
}

fn result(f: &Finding, path: &str, lang: Lang) -> Value {
    json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": { "text": mask_text(f.message.get(lang)) },
        "locations": [location(path, f.pos)],
        "properties": { "field": mask_text(&f.field), "fix": mask_text(f.fix.get(lang)) },
    })
}

pub struct SarifSink<'r, W: Write> {
    out: W,
    lang: Lang,
    rules: &'r RuleSet,
    used: BTreeSet<String>,
    first: bool,
}

impl<'r, W: Write> SarifSink<'r, W> {
    pub fn new(out: W, lang: Lang, rules: &'r RuleSet) -> Self {
        SarifSink {
            out,
            lang,
            rules,
            used: BTreeSet::new(),
            first: true,
        }
    }

    fn write_result(&mut self, v: &Value) -> io::Result<()> {
        self.out.write_all(if self.first { b"\n        " } else { b",\n        " })?;
        self.first = false;
        serde_json::to_writer(&mut self.out, v).map_err(io::Error::other)
    }
}

/// A draft's results, each written as `,\n        {...}`.
struct SarifRender {
    lang: Lang,
}

impl Render for SarifRender {
    fn render(&self, r: &DraftReport, out: &mut Vec<u8>) -> io::Result<()> {
        for f in &r.findings {
            out.extend_from_slice(b",\n        ");
            serde_json::to_writer(&mut *out, &result(f, &r.path, self.lang)).map_err(io::Error::other)?;
        }
        Ok(())
    }
    fn wants_rules(&self) -> bool {
        true
    }
}

impl<W: Write> Sink for SarifSink<'_, W> {
    fn begin(&mut self, _drafts: usize) -> io::Result<()> {
        write!(
            self.out,
            "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ["
        )
    }
    fn renderer(&self) -> Option<Box<dyn Render>> {
        Some(Box::new(SarifRender { lang: self.lang }))
    }
    fn draft(&mut self, r: &DraftReport) -> io::Result<()> {
        for f in &r.findings {
            self.used.insert(f.rule.clone());
            let v = result(f, &r.path, self.lang);
            self.write_result(&v)?;
        }
        Ok(())
    }
    fn rendered(&mut self, digest: &Digest, text: &[u8]) -> io::Result<()> {
        self.used.extend(digest.rules.iter().cloned());
        // Each result came with a leading comma; the first of the document goes without.
        let text = match text.split_first() {
            Some((b',', rest)) if self.first => rest,
            _ => text,
        };
        self.first &= text.is_empty();
        self.out.write_all(text)
    }
    fn end(&mut self, cross: &[CrossFinding], _totals: &Totals) -> io::Result<()> {
        for c in cross {
            self.used.insert(c.finding.rule.clone());
            let mut v = result(&c.finding, &c.path, self.lang);
            let mut related = location(&c.other_path, c.other_pos);
            related["id"] = json!(0);
            related["message"] = json!({ "text": mask_text(&c.other_field) });
            v["relatedLocations"] = json!([related]);
            self.write_result(&v)?;
        }
        let lang = self.lang;
        let rules: Vec<Value> = self
            .used
            .iter()
            .map(|code| match self.rules.get(code) {
                Some(rule) => json!({
                    "id": rule.code,
                    "shortDescription": { "text": rule.title.get(lang) },
                    "fullDescription": { "text": rule.why.get(lang) },
                    "defaultConfiguration": { "level": level(rule.severity) },
                    "properties": { "source": rule.source },
                }),
                None => json!({ "id": code }),
            })
            .collect();
        let driver = json!({
            "name": "beian",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        });
        self.out.write_all(if self.first { b"],\n" } else { b"\n      ],\n" })?;
        let tool = serde_json::to_string_pretty(&json!({ "driver": driver })).map_err(io::Error::other)?;
        write!(self.out, "      \"tool\": {}\n    }}\n  ]\n}}\n", tool.replace('\n', "\n      "))?;
        self.out.flush()
    }
}
