//! `check --format json`: the public contract of spec/draft-format.md, extended additively
//! (line/column, checklist keys, totals, the principal, and a top-level `cross_draft` array for
//! the findings that involve two drafts).
//!
//! [`JsonSink`] streams the document draft by draft, so a batch of any size is never held in
//! memory; the text has the same shape `serde_json::to_string_pretty` would give.

use super::{DraftReport, Totals, totals};
use crate::batch::Sink;
use crate::batch::cross::CrossFinding;
use crate::diag::{Finding, Lang};
use serde_json::{Value, json};
use std::io::{self, Write};

fn finding_value(f: &Finding, lang: Lang) -> Value {
    let mut v = json!({
        "rule": f.rule,
        "severity": f.severity.as_str(),
        "field": f.field,
        "message": crate::pii::mask_text(f.message.get(lang)),
        "fix": crate::pii::mask_text(f.fix.get(lang)),
        "source": f.source,
    });
    if let Some(p) = f.pos {
        v["line"] = json!(p.line);
        v["column"] = json!(p.column);
    }
    v
}

/// One entry of `drafts`.
pub fn draft_value(r: &DraftReport, lang: Lang) -> Value {
    let findings: Vec<Value> = r.findings.iter().map(|f| finding_value(f, lang)).collect();
    let checklist: Vec<Value> = r
        .checklist
        .iter()
        .map(|c| {
            json!({
                "material": c.material.get(lang),
                "why": c.why.get(lang),
                "status": c.status,
                "key": c.key,
                "step": c.step,
                "signer": c.signer.as_ref().map(|s| s.get(lang)),
                "file": c.file,
            })
        })
        .collect();
    json!({
        "path": r.path,
        "ready": r.ready(),
        "findings": findings,
        "checklist": checklist,
        "principal": r.principal,
        "province": r.province,
        "kind": r.kind,
    })
}

/// One entry of `cross_draft`: a finding on `path` that names `other_path`.
pub fn cross_value(c: &CrossFinding, lang: Lang) -> Value {
    let mut v = finding_value(&c.finding, lang);
    v["path"] = json!(c.path);
    v["other_path"] = json!(c.other_path);
    v["other_field"] = json!(c.other_field);
    if let Some(p) = c.other_pos {
        v["other_line"] = json!(p.line);
        v["other_column"] = json!(p.column);
    }
    v
}

pub fn summary_value(t: &Totals) -> Value {
    json!({
        "drafts": t.drafts,
        "errors": t.errors,
        "warnings": t.warnings,
        "infos": t.infos,
        "ready": t.ready,
        "missing": t.missing,
        "cross_draft": t.cross_draft,
    })
}

/// The whole document for reports already in memory (no cross-draft findings).
pub fn render(reports: &[DraftReport], lang: Lang) -> Value {
    let drafts: Vec<Value> = reports.iter().map(|r| draft_value(r, lang)).collect();
    json!({
        "drafts": drafts,
        "cross_draft": [],
        "summary": summary_value(&totals(reports)),
    })
}

/// Streams `{"drafts": [...], "cross_draft": [...], "summary": {...}}`.
pub struct JsonSink<W: Write> {
    out: W,
    lang: Lang,
    first: bool,
}

impl<W: Write> JsonSink<W> {
    pub fn new(out: W, lang: Lang) -> Self {
        JsonSink { out, lang, first: true }
    }
}

/// Pretty-print `v` as an element nested `depth` levels deep (two spaces a level).
fn write_nested(out: &mut dyn Write, v: &Value, depth: usize) -> io::Result<()> {
    let text = serde_json::to_string_pretty(v).map_err(io::Error::other)?;
    let pad = "  ".repeat(depth);
    out.write_all(pad.as_bytes())?;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
            out.write_all(pad.as_bytes())?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

impl<W: Write> Sink for JsonSink<W> {
    fn begin(&mut self, _drafts: usize) -> io::Result<()> {
        self.out.write_all(b"{\n  \"drafts\": [")
    }
    fn draft(&mut self, r: &DraftReport) -> io::Result<()> {
        self.out.write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        write_nested(&mut self.out, &draft_value(r, self.lang), 2)
    }
    fn end(&mut self, cross: &[CrossFinding], t: &Totals) -> io::Result<()> {
        self.out.write_all(if self.first { b"],\n" } else { b"\n  ],\n" })?;
        self.out.write_all(b"  \"cross_draft\": [")?;
        for (i, c) in cross.iter().enumerate() {
            self.out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            write_nested(&mut self.out, &cross_value(c, self.lang), 2)?;
        }
        self.out.write_all(if cross.is_empty() { b"],\n" } else { b"\n  ],\n" })?;
        self.out.write_all(b"  \"summary\": ")?;
        let text = serde_json::to_string_pretty(&summary_value(t)).map_err(io::Error::other)?;
        self.out.write_all(text.replace('\n', "\n  ").as_bytes())?;
        self.out.write_all(b"\n}\n")?;
        self.out.flush()
    }
}
