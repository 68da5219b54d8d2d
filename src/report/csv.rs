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
//! | filing_type | the type it was checked as | | |
//!
//! Cells are masked like every report, control characters are made visible, and a cell that
//! starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so that a
//! spreadsheet shows it as text instead of running it as a formula (OWASP, "CSV Injection").

use super::{DraftReport, Totals};
use crate::batch::cross::CrossFinding;
use crate::batch::{Digest, Render, Sink};
use crate::diag::{Lang, Severity};
use std::io::{self, Write};

const HEADER: [&str; 17] = [
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
    "filing_type",
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

/// A record with the named columns filled and the rest empty. Every cell is masked, has its
/// control characters made visible, and cannot be run as a spreadsheet formula
/// ([`crate::text::csv_cell`]).
fn row(cells: &[(&str, String)]) -> [String; 17] {
    let mut out: [String; 17] = Default::default();
    for (column, value) in cells {
        let i = HEADER.iter().position(|h| h == column).expect("a CSV column");
        let shown = crate::text::display(value);
        out[i] = crate::text::csv_cell(&shown).into_owned();
    }
    out
}

fn draft_row(r: &DraftReport) -> [String; 17] {
    let n = |s: Severity| r.count(s).to_string();
    row(&[
        ("record", "draft".into()),
        ("path", r.path.clone()),
        ("principal", r.principal.clone().unwrap_or_default()),
        ("province", r.province.clone().unwrap_or_default()),
        ("kind", r.kind.clone().unwrap_or_default()),
        ("ready", r.ready().to_string()),
        ("errors", n(Severity::Error)),
        ("warnings", n(Severity::Warning)),
        ("infos", n(Severity::Info)),
        ("missing", r.missing().to_string()),
        ("filing_type", r.filing_type.unwrap_or_default().to_string()),
    ])
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
            self.write_record(&row(&[
                ("record", "cross_draft".into()),
                ("path", c.path.clone()),
                ("rule", f.rule.clone()),
                ("severity", f.severity.as_str().into()),
                ("field", f.field.clone()),
                ("other_path", c.other_path.clone()),
                ("other_field", c.other_field.clone()),
                ("message", f.message.get(self.lang).to_string()),
            ]))?;
        }
        self.write_record(&row(&[
            ("record", "total".into()),
            ("ready", t.ready.to_string()),
            ("errors", t.errors.to_string()),
            ("warnings", t.warnings.to_string()),
            ("infos", t.infos.to_string()),
            ("missing", t.missing.to_string()),
        ]))?;
        self.out.flush()
    }
}
