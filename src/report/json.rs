//! `check --format json`: the public contract of spec/draft-format.md, extended additively
//! (line/column, checklist keys, totals, the principal, and a top-level `cross_draft` array for
//! the findings that involve two drafts).
//!
//! [`JsonSink`] streams the document draft by draft, so a batch of any size is never held in
//! memory; the text has the same shape `serde_json::to_string_pretty` would give.

use super::{DraftReport, Totals, totals};
use crate::batch::cross::CrossFinding;
use crate::batch::{Digest, Render, Sink};
use crate::diag::{Finding, Lang};
use crate::rules::materials::Status;
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{Value, json};
use std::io::{self, Write};

fn finding_value(f: &Finding, lang: Lang) -> Value {
    let mut v = json!({
        "rule": f.rule,
        "severity": f.severity.as_str(),
        "field": crate::pii::mask_text(&f.field),
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
                "material": c.material().get(lang),
                "why": c.why().get(lang),
                "status": c.status,
                "key": c.key(),
                "step": c.step(),
                "signer": c.signer().map(|s| s.get(lang)),
                "file": c.file,
            })
        })
        .collect();
    json!({
        "path": r.path,
        "ready": r.ready(),
        "findings": findings,
        "checklist": checklist,
        "principal": r.principal.as_deref().map(crate::pii::mask_text),
        "province": r.province,
        "kind": r.kind,
        "filing_type": r.filing_type,
    })
}

/// One entry of `cross_draft`: a finding on `path` that names `other_path`.
pub fn cross_value(c: &CrossFinding, lang: Lang) -> Value {
    let mut v = finding_value(&c.finding, lang);
    v["path"] = json!(c.path);
    v["other_path"] = json!(c.other_path);
    v["other_field"] = json!(crate::pii::mask_text(&c.other_field));
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

// Borrowing mirrors of the `Value`s above, serialised straight to the output (no
// intermediate map per draft). Fields are in alphabetical order, the order serde_json's map
// gives the `Value` form, so both print the same text.

#[derive(Serialize)]
struct FindingOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    field: String,
    fix: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    message: String,
    rule: &'a str,
    severity: &'static str,
    source: &'a str,
}

impl<'a> FindingOut<'a> {
    fn new(f: &'a Finding, lang: Lang) -> Self {
        FindingOut {
            column: f.pos.map(|p| p.column),
            field: crate::pii::mask_text(&f.field),
            fix: crate::pii::mask_text(f.fix.get(lang)),
            line: f.pos.map(|p| p.line),
            message: crate::pii::mask_text(f.message.get(lang)),
            rule: &f.rule,
            severity: f.severity.as_str(),
            source: &f.source,
        }
    }
}

/// A checklist entry: its fixed texts are written as the table's pre-escaped literals.
#[derive(Serialize)]
struct ChecklistOut<'a> {
    file: &'a Option<String>,
    key: &'a RawValue,
    material: &'a RawValue,
    signer: Option<&'a RawValue>,
    status: Status,
    step: &'a RawValue,
    why: &'a RawValue,
}

#[derive(Serialize)]
struct DraftOut<'a> {
    checklist: Vec<ChecklistOut<'a>>,
    filing_type: Option<&'static str>,
    findings: Vec<FindingOut<'a>>,
    kind: &'a Option<String>,
    path: &'a str,
    principal: Option<String>,
    province: &'a Option<String>,
    ready: bool,
}

impl<'a> DraftOut<'a> {
    fn new(r: &'a DraftReport, lang: Lang) -> Self {
        DraftOut {
            checklist: r
                .checklist
                .iter()
                .map(|c| {
                    let j = c.def.json();
                    let l = usize::from(lang == Lang::En);
                    ChecklistOut {
                        file: &c.file,
                        key: &j.key,
                        material: &j.name[l],
                        signer: j.signer.as_ref().map(|s| &*s[l]),
                        status: c.status,
                        step: &j.step,
                        why: &j.why[l],
                    }
                })
                .collect(),
            filing_type: r.filing_type,
            findings: r.findings.iter().map(|f| FindingOut::new(f, lang)).collect(),
            kind: &r.kind,
            path: &r.path,
            principal: r.principal.as_deref().map(crate::pii::mask_text),
            province: &r.province,
            ready: r.ready(),
        }
    }
}

/// serde_json's pretty format (two-space indent) for a value that sits `base` levels deep:
/// every line it starts is indented for that depth, so it can be written straight into the
/// document.
struct Nested {
    base: usize,
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn newline<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        const SPACES: &[u8; 64] = &[b' '; 64];
        w.write_all(b"\n")?;
        let mut n = 2 * (self.base + self.depth);
        while n > 0 {
            let k = n.min(SPACES.len());
            w.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, c: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(c)
    }
    fn close<W: ?Sized + Write>(&mut self, w: &mut W, c: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(w)?;
        }
        w.write_all(c)
    }
    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Pretty-print `v` as an element nested two levels deep (an entry of `drafts` or
/// `cross_draft`), indentation included.
fn write_nested<W: Write + ?Sized>(out: &mut W, v: &impl Serialize) -> io::Result<()> {
    out.write_all(b"    ")?;
    let mut ser = serde_json::Serializer::with_formatter(
        out,
        Nested {
            base: 2,
            depth: 0,
            has_value: false,
        },
    );
    v.serialize(&mut ser).map_err(io::Error::other)
}

/// One entry of `drafts`, made on a batch worker.
struct JsonRender {
    lang: Lang,
}

impl Render for JsonRender {
    fn render(&self, r: &DraftReport, out: &mut Vec<u8>) -> io::Result<()> {
        write_nested(out, &DraftOut::new(r, self.lang))
    }
}

impl<W: Write> JsonSink<W> {
    fn separate(&mut self) -> io::Result<()> {
        self.out.write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        Ok(())
    }
}

impl<W: Write> Sink for JsonSink<W> {
    fn begin(&mut self, _drafts: usize) -> io::Result<()> {
        self.out.write_all(b"{\n  \"drafts\": [")
    }
    fn renderer(&self) -> Option<Box<dyn Render>> {
        Some(Box::new(JsonRender { lang: self.lang }))
    }
    fn draft(&mut self, r: &DraftReport) -> io::Result<()> {
        self.separate()?;
        write_nested(&mut self.out, &DraftOut::new(r, self.lang))
    }
    fn rendered(&mut self, _digest: &Digest, text: &[u8]) -> io::Result<()> {
        self.separate()?;
        self.out.write_all(text)
    }
    fn end(&mut self, cross: &[CrossFinding], t: &Totals) -> io::Result<()> {
        self.out.write_all(if self.first { b"],\n" } else { b"\n  ],\n" })?;
        self.out.write_all(b"  \"cross_draft\": [")?;
        for (i, c) in cross.iter().enumerate() {
            self.out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            write_nested(&mut self.out, &cross_value(c, self.lang))?;
        }
        self.out.write_all(if cross.is_empty() { b"],\n" } else { b"\n  ],\n" })?;
        self.out.write_all(b"  \"summary\": ")?;
        let text = serde_json::to_string_pretty(&summary_value(t)).map_err(io::Error::other)?;
        self.out.write_all(text.replace('\n', "\n  ").as_bytes())?;
        self.out.write_all(b"\n}\n")?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::check::check_source;

    /// The streamed form of a draft is the same text as the `Value` form.
    #[test]
    fn typed_and_value_forms_agree() {
        let rules = crate::rules::rules();
        let src = "format = 1\n[principal]\nkind = \"enterprise\"\nprovince = \"广东\"\nname = \"x\"\n";
        let r = check_source(rules, "a.toml", src, chrono::NaiveDate::from_ymd_opt(2026, 12, 1), None);
        assert!(!r.findings.is_empty() && !r.checklist.is_empty());
        for lang in [Lang::Zh, Lang::En] {
            let mut typed = Vec::new();
            write_nested(&mut typed, &DraftOut::new(&r, lang)).unwrap();
            let mut value = Vec::new();
            write_nested(&mut value, &draft_value(&r, lang)).unwrap();
            assert_eq!(String::from_utf8(typed.clone()).unwrap(), String::from_utf8(value).unwrap());
            // And the same text serde_json's own pretty printer gives, indented two levels.
            let pretty = serde_json::to_string_pretty(&draft_value(&r, lang)).unwrap();
            let indented = format!("    {}", pretty.replace('\n', "\n    "));
            assert_eq!(String::from_utf8(typed).unwrap(), indented);
        }
    }
}
