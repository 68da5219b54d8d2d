//! `check --format csv`: a spreadsheet of the batch, one row per draft as it is checked, then
//! one row per cross-draft finding, then a totals row. The first column, `record`, says which:
//! `draft`, `cross_draft` or `total`, so a spreadsheet filter shows one kind at a time.
//!
//! | column | `draft` | `cross_draft` | `total` |
//! |---|---|---|---|
//! | path | the draft | the draft the finding is on | |
//! | principal, province, kind | from the draft | | |
//! | ready | true/false | | drafts that are ready |
//! | errors, warnings, infos, missing | counts | | sums (with the cross-draft findings) |
//! | rule, severity, field, other_path, other_field, message | | the finding | |

use super::{DraftReport, Totals};
use crate::batch::cross::CrossFinding;
use crate::batch::{Digest, Render, Sink};
use crate::diag::{Lang, Severity};
use crate::pii::mask_text;
use std::io::{self, Write};

const HEADER: [&str; 16] = [
    "record",
    "path",
    "principal",
    "province",
    "kind",
    "ready",
    "errors",
    "warnings",
    "infos",
    "missing",
    "rule",
    "severity",
    "field",
    "other_path",
    "other_field",
    "message",
];

/// Rows are quoted into bytes first (on the batch workers for draft rows), then written to
/// `out` in order.
pub struct CsvSink<W: Write> {
    out: W,
    lang: Lang,
}

impl<W: Write> CsvSink<W> {
    pub fn new(out: W, lang: Lang) -> Self {
        CsvSink { out, lang }
    }
    fn write_record(&mut self, row: &[String]) -> io::Result<()> {
        let mut text = Vec::new();
        record(&mut text, row)?;
        self.out.write_all(&text)
    }
}

/// One CSV record, quoted as the csv crate does.
fn record(out: &mut Vec<u8>, row: &[impl AsRef<[u8]>]) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new().buffer_capacity(256).from_writer(out);
    w.write_record(row).map_err(to_io)?;
    w.flush()
}

fn draft_row(r: &DraftReport) -> [String; 16] {
    let n = |s: Severity| r.count(s).to_string();
    [
        "draft".into(),
        r.path.clone(),
        r.principal.clone().unwrap_or_default(),
        r.province.clone().unwrap_or_default(),
        r.kind.clone().unwrap_or_default(),
        r.ready().to_string(),
        n(Severity::Error),
        n(Severity::Warning),
        n(Severity::Info),
        r.missing().to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]
}

struct CsvRender;

impl Render for CsvRender {
    fn render(&self, r: &DraftReport, out: &mut Vec<u8>) -> io::Result<()> {
        record(out, &draft_row(r))
    }
}

fn to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

impl<W: Write> Sink for CsvSink<W> {
    fn begin(&mut self, _drafts: usize) -> io::Result<()> {
        let mut text = Vec::new();
        record(&mut text, &HEADER)?;
        self.out.write_all(&text)
    }
    fn renderer(&self) -> Option<Box<dyn Render>> {
        Some(Box::new(CsvRender))
    }
    fn draft(&mut self, r: &DraftReport) -> io::Result<()> {
        self.write_record(&draft_row(r))
    }
    fn rendered(&mut self, _digest: &Digest, text: &[u8]) -> io::Result<()> {
        self.out.write_all(text)
    }
    fn end(&mut self, cross: &[CrossFinding], t: &Totals) -> io::Result<()> {
        for c in cross {
            let f = &c.finding;
            let row: [String; 16] = [
                "cross_draft".into(),
                c.path.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                f.rule.clone(),
                f.severity.as_str().into(),
                f.field.clone(),
                c.other_path.clone(),
                c.other_field.clone(),
                mask_text(f.message.get(self.lang)),
            ];
            self.write_record(&row)?;
        }
        let row: [String; 16] = [
            "total".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            t.ready.to_string(),
            t.errors.to_string(),
            t.warnings.to_string(),
            t.infos.to_string(),
            t.missing.to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ];
        self.write_record(&row)?;
        self.out.flush()
    }
}
