//! `check --format github`: GitHub Actions workflow commands. Each finding is an annotation
//! (`::error file=…,line=…,col=…,title=beian (CODE)::message`) on the draft's line; each draft
//! also gets a plain summary line in the log, and the totals close the run. Newlines and the
//! characters that end a property are escaped the way the runner expects (`%0A`, `%2C`, …).

use super::{DraftReport, Totals};
use crate::batch::cross::CrossFinding;
use crate::batch::{Digest, Render, Sink};
use crate::diag::{Finding, Lang, Severity};
use crate::draft::node::Pos;
use crate::text::display;
use std::io::{self, Write};

/// Escape a message (the text after `::`) as the runner decodes it: `%`, CR and LF. With no
/// line break left, nothing in it can start another command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A plain log line: one line, and neither `::` (a workflow command) nor `##[` (the
/// runner's older `##[command]` syntax) can start one.
pub fn plain_line(s: &str) -> String {
    escape_data(&display(s)).replace("::", ": :").replace("##[", "# #[")
}

/// Escape a property value (`file=`, `title=`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

fn annotation(out: &mut dyn Write, path: &str, f: &Finding, pos: Option<Pos>, extra: &str, lang: Lang) -> io::Result<()> {
    let mut props = format!("file={}", escape_property(&display(path)));
    if let Some(p) = pos {
        props.push_str(&format!(",line={},col={}", p.line, p.column));
    }
    props.push_str(&format!(",title={}", escape_property(&format!("beian ({})", f.rule))));
    let field = if f.field.is_empty() {
        String::new()
    } else {
        format!("{}: ", f.field)
    };
    let fix = f.fix.get(lang);
    let body = if fix.is_empty() {
        format!("{field}{}{extra}", f.message.get(lang))
    } else {
        format!("{field}{}{extra}\n{fix}", f.message.get(lang))
    };
    writeln!(out, "::{} {}::{}", level(f.severity), props, escape_data(&display(&body)))
}

pub struct GithubSink<W: Write> {
    out: W,
    lang: Lang,
}

impl<W: Write> GithubSink<W> {
    pub fn new(out: W, lang: Lang) -> Self {
        GithubSink { out, lang }
    }
}

/// A draft's annotations and its summary line.
fn draft_text(out: &mut dyn Write, r: &DraftReport, lang: Lang) -> io::Result<()> {
    {
        for f in &r.findings {
            annotation(out, &r.path, f, f.pos, "", lang)?;
        }
        let who = r.who(lang);
        let (e, w, m) = (r.count(Severity::Error), r.count(Severity::Warning), r.missing());
        let line = if lang == Lang::Zh {
            let status = if r.ready() { "可以提交" } else { "需要修改" };
            let who = if who.is_empty() { who } else { format!("（{who}）") };
            format!("beian: {}: {status}{who}：{e} 个错误，{w} 个警告，缺 {m} 项材料", r.path)
        } else {
            let status = if r.ready() { "ready" } else { "not ready" };
            let who = if who.is_empty() { who } else { format!(" ({who})") };
            format!("beian: {}: {status}{who}: {e} errors, {w} warnings, {m} materials missing", r.path)
        };
        // A plain log line must not start a workflow command.
        writeln!(out, "{}", plain_line(&line))
    }
}

struct GithubRender {
    lang: Lang,
}

impl Render for GithubRender {
    fn render(&self, r: &DraftReport, out: &mut Vec<u8>) -> io::Result<()> {
        draft_text(out, r, self.lang)
    }
}

impl<W: Write> Sink for GithubSink<W> {
    fn renderer(&self) -> Option<Box<dyn Render>> {
        Some(Box::new(GithubRender { lang: self.lang }))
    }
    fn draft(&mut self, r: &DraftReport) -> io::Result<()> {
        draft_text(&mut self.out, r, self.lang)
    }
    fn rendered(&mut self, _digest: &Digest, text: &[u8]) -> io::Result<()> {
        self.out.write_all(text)
    }
    fn end(&mut self, cross: &[CrossFinding], t: &Totals) -> io::Result<()> {
        let lang = self.lang;
        for c in cross {
            let extra = if lang == Lang::Zh {
                format!("（另一份草稿：{} {}）", c.other_path, c.other_field)
            } else {
                format!(" (other draft: {} {})", c.other_path, c.other_field)
            };
            annotation(&mut self.out, &c.path, &c.finding, c.finding.pos, &extra, lang)?;
        }
        let line = if lang == Lang::Zh {
            format!(
                "beian: 共 {} 份草稿：{} 份可以提交，{} 个错误，{} 个警告（跨草稿 {} 个），缺 {} 项材料",
                t.drafts, t.ready, t.errors, t.warnings, t.cross_draft, t.missing
            )
        } else {
            format!(
                "beian: {} drafts: {} ready, {} errors, {} warnings ({} across drafts), {} materials missing",
                t.drafts, t.ready, t.errors, t.warnings, t.cross_draft, t.missing
            )
        };
        writeln!(self.out, "{}", plain_line(&line))?;
        self.out.flush()
    }
}
