//! `check --format junit`: JUnit XML, one test case per draft so CI lists every client: it
//! fails when the draft has an error finding (or a warning, with `--fail-on warning`), and its
//! findings are the failure text. Cross-draft findings are added to the case of the draft they
//! are reported on. The output validates against the Jenkins xUnit schema (junit-10.xsd) that
//! CI tools accept.
//!
//! JUnit puts the counts on `<testsuite>` before the cases, so this reporter cannot stream
//! straight through: it keeps one small record per draft (its name, counts and masked finding
//! lines) and, at the end, writes the document record by record. (It is written here rather
//! than with an XML library because those build the whole document in memory first: 2 KB a
//! draft, 200 MB for 100,000.)

use super::{DraftReport, Totals};
use crate::batch::cross::CrossFinding;
use crate::batch::{Digest, Render, Sink};
use crate::diag::{Finding, Lang, Severity};
use crate::pii::mask_text;
use std::borrow::Cow;
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

/// Text for an XML attribute value or element: the five special characters as entities, and
/// the characters XML 1.0 cannot carry at all (most control characters) as U+FFFD.
fn escape(s: &str) -> Cow<'_, str> {
    let invalid = |c: char| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}');
    let special = |c: char| matches!(c, '<' | '>' | '&' | '\'' | '"') || invalid(c);
    if !s.contains(special) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\'' => out.push_str("&apos;"),
            '"' => out.push_str("&quot;"),
            c if invalid(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
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
                    format!("另一份草稿：{} {}", c.other_path, mask_text(&c.other_field))
                } else {
                    format!("other draft: {} {}", c.other_path, mask_text(&c.other_field))
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
        let fail_on = self.fail_on;
        let fails = |c: &Case| c.errors > 0 || (fail_on <= Severity::Warning && c.warnings > 0);
        let (tests, failures) = (self.cases.len(), self.cases.iter().filter(|c| fails(c)).count());
        let out = &mut self.out;
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            out,
            "<testsuites name=\"beian\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
        )?;
        writeln!(
            out,
            "    <testsuite name=\"beian check\" tests=\"{tests}\" skipped=\"0\" errors=\"0\" failures=\"{failures}\">"
        )?;
        for c in &self.cases {
            let name = match &c.principal {
                Some(p) => Cow::Owned(format!("{} ({})", c.path, mask_text(p))),
                None => Cow::Borrowed(c.path.as_str()),
            };
            write!(out, "        <testcase name=\"{}\" classname=\"beian\"", escape(&name))?;
            if fails(c) {
                let summary = if lang == Lang::Zh {
                    format!("{} 个错误，{} 个警告", c.errors, c.warnings)
                } else {
                    format!("{} errors, {} warnings", c.errors, c.warnings)
                };
                writeln!(out, ">")?;
                writeln!(
                    out,
                    "            <failure message=\"{}\" type=\"beian\">{}</failure>",
                    escape(&summary),
                    escape(&c.text)
                )?;
                writeln!(out, "        </testcase>")?;
            } else if !c.text.is_empty() {
                writeln!(out, ">")?;
                writeln!(out, "            <system-out>{}</system-out>", escape(&c.text))?;
                writeln!(out, "        </testcase>")?;
            } else {
                writeln!(out, "/>")?;
            }
        }
        self.cases.clear();
        writeln!(out, "    </testsuite>")?;
        writeln!(out, "</testsuites>")?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escape_makes_any_text_well_formed() {
        assert_eq!(escape("plain 文本"), "plain 文本");
        assert_eq!(escape("a<b>&'\""), "a&lt;b&gt;&amp;&apos;&quot;");
        assert_eq!(escape("tab\tnl\ncr\r"), "tab\tnl\ncr\r");
        assert_eq!(escape("bell\u{7}nul\u{0}\u{FFFF}"), "bell\u{FFFD}nul\u{FFFD}\u{FFFD}");
    }
}
