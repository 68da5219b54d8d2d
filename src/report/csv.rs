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
use crate::batch::Sink;
use crate::batch::cross::CrossFinding;
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

pub struct CsvSink<W: Write> {
    out: csv::Writer<W>,
    lang: Lang,
}

impl<W: Write> CsvSink<W> {
    pub fn new(out: W, lang: Lang) -> Self {
        CsvSink {
            out: csv::WriterBuilder::new().flexible(false).from_writer(out),
            lang,
        }
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
        self.out.write_record(HEADER).map_err(to_io)
    }
    fn draft(&mut self, r: &DraftReport) -> io::Result<()> {
        let n = |s: Severity| r.count(s).to_string();
        let row: [String; 16] = [
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
        ];
        self.out.write_record(&row).map_err(to_io)
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
            self.out.write_record(&row).map_err(to_io)?;
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
        self.out.write_record(&row).map_err(to_io)?;
        self.out.flush()
    }
}
