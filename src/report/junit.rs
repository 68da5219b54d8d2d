//! `check --format junit`: JUnit XML (via quick-junit, the writer nextest and ruff use), one
//! test case per draft so CI lists every client: it fails when the draft has an error finding
//! (or a warning, with `--fail-on warning`), and its findings are the failure text.
//! Cross-draft findings are added to the case of the draft they are reported on.
//!
//! JUnit puts the counts on `<testsuite>` before the cases, so this reporter cannot stream:
//! it keeps one small record per draft (path, counts, the masked finding lines) and writes
//! the document at the end. Every other format streams.

use super::{DraftReport, Totals};
use crate::batch::cross::CrossFinding;
use crate::batch::{Digest, Render, Sink};
use crate::diag::{Finding, Lang, Severity};
use crate::pii::mask_text;
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
use std::collections::HashMap;
use std::io::{self, Write};

struct Case {
    path: String,
    principal: Option<String>,
    errors: usize,
    warnings: usize,
    text: String,
}

pub struct JunitSink<W: Write> {
    out: W,
    lang: Lang,
    fail_on: Severity,
    cases: Vec<Case>,
}

impl<W: Write> JunitSink<W> {
    pub fn new(out: W, lang: Lang, fail_on: Severity) -> Self {
        JunitSink {
            out,
            lang,
            fail_on,
            cases: Vec::new(),
        }
    }
}

fn line(f: &Finding, lang: Lang) -> String {
    let at = match f.pos {
        Some(p) => format!(" ({}:{})", p.line, p.column),
        None => String::new(),
    };
    mask_text(&format!(
        "{} {} {}{}: {} — {}\n",
        f.severity.as_str(),
        f.rule,
        f.field,
        at,
        f.message.get(lang),
        f.fix.get(lang)
    ))
}

/// A draft's finding lines (its case's text).
struct JunitRender {
    lang: Lang,
}

impl Render for JunitRender {
    fn render(&self, r: &DraftReport, out: &mut Vec<u8>) -> io::Result<()> {
        for f in &r.findings {
            out.extend_from_slice(line(f, self.lang).as_bytes());
        }
        Ok(())
    }
}

impl<W: Write> Sink for JunitSink<W> {
    fn renderer(&self) -> Option<Box<dyn Render>> {
        Some(Box::new(JunitRender { lang: self.lang }))
    }
    fn rendered(&mut self, d: &Digest, text: &[u8]) -> io::Result<()> {
        self.cases.push(Case {
            path: d.path.clone(),
            principal: d.principal.clone(),
            errors: d.errors,
            warnings: d.warnings,
            text: String::from_utf8_lossy(text).into_owned(),
        });
        Ok(())
    }
    fn draft(&mut self, r: &DraftReport) -> io::Result<()> {
        let text: String = r.findings.iter().map(|f| line(f, self.lang)).collect();
        self.cases.push(Case {
            path: r.path.clone(),
            principal: r.principal.clone(),
            errors: r.count(Severity::Error),
            warnings: r.count(Severity::Warning),
            text,
        });
        Ok(())
    }

    fn end(&mut self, cross: &[CrossFinding], _totals: &Totals) -> io::Result<()> {
        let lang = self.lang;
        if !cross.is_empty() {
            let by_path: HashMap<&str, usize> = self.cases.iter().enumerate().map(|(i, c)| (c.path.as_str(), i)).collect();
            let mut adds: Vec<(usize, Severity, String)> = Vec::new();
            for c in cross {
                let Some(&i) = by_path.get(c.path.as_str()) else { continue };
                let other = if lang == Lang::Zh {
                    format!("另一份草稿：{} {}", c.other_path, c.other_field)
                } else {
                    format!("other draft: {} {}", c.other_path, c.other_field)
                };
                let mut l = line(&c.finding, lang);
                l.pop();
                adds.push((i, c.finding.severity, format!("{l} [{other}]\n")));
            }
            for (i, sev, text) in adds {
                let case = &mut self.cases[i];
                match sev {
                    Severity::Error => case.errors += 1,
                    Severity::Warning => case.warnings += 1,
                    Severity::Info => {}
                }
                case.text.push_str(&text);
            }
        }
        let mut suite = TestSuite::new("beian check");
        for c in self.cases.drain(..) {
            let name = match &c.principal {
                Some(p) => format!("{} ({p})", c.path),
                None => c.path,
            };
            let fails = c.errors > 0 || (self.fail_on <= Severity::Warning && c.warnings > 0);
            let summary = if lang == Lang::Zh {
                format!("{} 个错误，{} 个警告", c.errors, c.warnings)
            } else {
                format!("{} errors, {} warnings", c.errors, c.warnings)
            };
            let mut case = if fails {
                let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                status.set_message(summary).set_type("beian").set_description(c.text);
                TestCase::new(name, status)
            } else {
                let mut case = TestCase::new(name, TestCaseStatus::success());
                if !c.text.is_empty() {
                    case.set_system_out(c.text);
                }
                case
            };
            case.set_classname("beian");
            suite.add_test_case(case);
        }
        let mut report = Report::new("beian");
        report.add_test_suite(suite);
        let mut xml = report.to_string().map_err(io::Error::other)?;
        // quick-junit puts `skipped` on <testsuites>, which the widely used Jenkins xUnit schema
        // (junit-10.xsd) does not allow there. Nothing is ever skipped, so leave it out.
        const SKIPPED: &str = " skipped=\"0\"";
        if let Some(start) = xml.find("<testsuites ") {
            let end = start + xml[start..].find('>').unwrap_or(0);
            if let Some(at) = xml[start..end].find(SKIPPED) {
                xml.replace_range(start + at..start + at + SKIPPED.len(), "");
            }
        }
        self.out.write_all(xml.as_bytes())?;
        self.out.flush()
    }
}
