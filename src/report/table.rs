//! The human report: per draft, a findings table (field, message, fix) and the checklist;
//! then totals. ID and phone numbers are masked.

use super::{DraftReport, Totals, totals};
use crate::batch::cross::CrossFinding;
use crate::batch::{Digest, Render, Sink};
use crate::diag::{Lang, Severity};
use crate::rules::materials::Status;
use crate::text::{cut, display};

/// The most characters a table cell shows (a draft value can be a megabyte long).
const MAX_CELL: usize = 400;

/// A cell's text: masked, made harmless, and cut to [`MAX_CELL`].
fn shown(s: &str, lang: Lang) -> String {
    cut(&display(s), MAX_CELL, lang).into_owned()
}
use comfy_table::{Cell, Color, ContentArrangement, Table};
use std::io::{self, Write};

#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    pub width: Option<u16>,
    pub show_checklist: bool,
    /// Colour severities and the status (the caller decides: terminal, NO_COLOR, --color).
    pub color: bool,
}

fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    if lang == Lang::Zh { zh } else { en }
}

fn severity_label(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => t(lang, "错误", "error"),
        Severity::Warning => t(lang, "警告", "warning"),
        Severity::Info => t(lang, "提示", "info"),
    }
}

pub fn new_table(width: Option<u16>) -> Table {
    let mut table = Table::new();
    table.set_content_arrangement(ContentArrangement::Dynamic);
    match width {
        Some(w) => {
            table.set_width(w);
        }
        None => {
            // No terminal, or one that reports no size (a pty from `script`, some IDE consoles).
            if table.width().is_none_or(|w| w < 40) {
                table.set_width(120);
            }
        }
    }
    table
}

pub fn render(out: &mut dyn Write, reports: &[DraftReport], opts: &Options) -> io::Result<()> {
    for r in reports {
        render_draft(out, r, opts)?;
    }
    render_totals(out, &totals(reports), opts.lang)
}

/// The counts of one draft for its summary line: errors, warnings, missing materials.
fn counts(r: &DraftReport, lang: Lang) -> String {
    let (e, w, m) = (r.count(Severity::Error), r.count(Severity::Warning), r.missing());
    if lang == Lang::Zh {
        format!("{e} 个错误 · {w} 个警告 · 缺 {m} 项材料")
    } else {
        let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        format!(
            "{} · {} · {}",
            n(e, "error", "errors"),
            n(w, "warning", "warnings"),
            n(m, "material missing", "materials missing")
        )
    }
}

/// One draft: its summary line (path, ready or not, principal · province · kind, counts), its
/// findings and its checklist.
pub fn render_draft(out: &mut dyn Write, r: &DraftReport, opts: &Options) -> io::Result<()> {
    let lang = opts.lang;
    {
        let status = if r.ready() {
            t(lang, "可以提交", "ready")
        } else {
            t(lang, "需要修改", "not ready")
        };
        let who = shown(&r.who(lang), lang);
        let path = display(&r.path);
        let status = crate::color::paint(opts.color, if r.ready() { crate::color::GREEN } else { crate::color::RED }, status);
        if who.is_empty() {
            writeln!(out, "{}  [{}]  ({})", path, status, counts(r, lang))?;
        } else {
            writeln!(out, "{}  [{}]  {}  ({})", path, status, who, counts(r, lang))?;
        }
        if r.findings.is_empty() {
            writeln!(out, "  {}", t(lang, "没有发现问题。", "No findings."))?;
        } else {
            let mut table = new_table(opts.width);
            if opts.color {
                table.enforce_styling();
            }
            table.set_header(vec![
                t(lang, "级别", "Level"),
                t(lang, "规则", "Rule"),
                t(lang, "字段", "Field"),
                t(lang, "问题", "Problem"),
                t(lang, "修改建议", "Fix"),
            ]);
            for f in &r.findings {
                // The field as people call it, above its key.
                let name = match crate::labels::label(&f.field, lang) {
                    Some(l) => format!("{}\n{}", shown(&l, lang), shown(&f.field, lang)),
                    None => shown(&f.field, lang),
                };
                let field = match f.pos {
                    Some(p) if !f.field.is_empty() => format!("{}\n{}:{}", name, p.line, p.column),
                    Some(p) => format!("{}:{}", p.line, p.column),
                    None => name,
                };
                let mut level = Cell::new(severity_label(f.severity, lang));
                if opts.color {
                    level = level.fg(match f.severity {
                        Severity::Error => Color::Red,
                        Severity::Warning => Color::Yellow,
                        Severity::Info => Color::Cyan,
                    });
                }
                // An unknown key's message suggests a spelling: that stays a key.
                let words = |s: &str| {
                    if f.rule == "DRAFT-UNKNOWN-KEY" {
                        s.to_string()
                    } else {
                        crate::labels::humanize_keys(s, lang)
                    }
                };
                table.add_row(vec![
                    level,
                    Cell::new(&f.rule),
                    Cell::new(field),
                    Cell::new(shown(&words(f.message.get(lang)), lang)),
                    Cell::new(shown(&words(f.fix.get(lang)), lang)),
                ]);
            }
            writeln!(out, "{table}")?;
        }
        if opts.show_checklist && !r.checklist.is_empty() {
            let mut table = new_table(opts.width);
            table.set_header(vec![t(lang, "材料", "Material"), t(lang, "状态", "Status"), t(lang, "说明", "Why")]);
            for c in &r.checklist {
                let st = match c.status {
                    Status::Have => t(lang, "已有", "have"),
                    Status::Missing => t(lang, "缺少", "missing"),
                };
                // A missing item says how to mark it as on hand: the key under [materials].
                let why = match c.status {
                    Status::Have => c.why().get(lang).to_string(),
                    Status::Missing => format!(
                        "{}\n{}[materials] {} = \"…\"",
                        c.why().get(lang),
                        t(lang, "备齐后写入：", "when ready: "),
                        c.key()
                    ),
                };
                table.add_row(vec![c.material().get(lang).to_string(), st.to_string(), why]);
            }
            writeln!(out, "{}", t(lang, "材料清单：", "Checklist:"))?;
            writeln!(out, "{table}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The findings that involve two drafts, after the last draft.
pub fn render_cross(out: &mut dyn Write, cross: &[CrossFinding], opts: &Options) -> io::Result<()> {
    if cross.is_empty() {
        return Ok(());
    }
    let lang = opts.lang;
    writeln!(out, "{}", t(lang, "跨草稿检查：", "Across drafts:"))?;
    let mut table = new_table(opts.width);
    table.set_header(vec![
        t(lang, "级别", "Level"),
        t(lang, "规则", "Rule"),
        t(lang, "草稿", "Draft"),
        t(lang, "另一份草稿", "Other draft"),
        t(lang, "问题", "Problem"),
        t(lang, "修改建议", "Fix"),
    ]);
    for c in cross {
        let f = &c.finding;
        let at = |path: &str, field: &str, pos: Option<crate::draft::node::Pos>| match pos {
            Some(p) => format!("{path}:{}:{}\n{field}", p.line, p.column),
            None => format!("{path}\n{field}"),
        };
        table.add_row(vec![
            severity_label(f.severity, lang).to_string(),
            f.rule.clone(),
            at(&display(&c.path), &display(&f.field), f.pos),
            at(&display(&c.other_path), &display(&c.other_field), c.other_pos),
            shown(f.message.get(lang), lang),
            shown(f.fix.get(lang), lang),
        ]);
    }
    writeln!(out, "{table}")?;
    writeln!(out)
}

pub fn render_totals(out: &mut dyn Write, tt: &Totals, lang: Lang) -> io::Result<()> {
    let missing = if tt.missing == 0 {
        String::new()
    } else if lang == Lang::Zh {
        format!("缺 {} 项材料，", tt.missing)
    } else {
        format!("{} materials missing, ", tt.missing)
    };
    let cross = if tt.cross_draft == 0 {
        String::new()
    } else if lang == Lang::Zh {
        format!("（其中跨草稿问题 {} 个）", tt.cross_draft)
    } else {
        format!(" ({} across drafts)", tt.cross_draft)
    };
    if lang == Lang::Zh {
        writeln!(
            out,
            "共 {} 份草稿：{} 份可以提交，{}{} 个错误，{} 个警告，{} 个提示{}。",
            tt.drafts, tt.ready, missing, tt.errors, tt.warnings, tt.infos, cross
        )
    } else {
        let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        writeln!(
            out,
            "{}: {} ready, {}{}, {}, {}{}.",
            n(tt.drafts, "draft", "drafts"),
            tt.ready,
            missing,
            n(tt.errors, "error", "errors"),
            n(tt.warnings, "warning", "warnings"),
            n(tt.infos, "info", "infos"),
            cross
        )
    }
}

/// The table report, streamed: each draft as it comes, then the cross-draft table and totals.
pub struct TableSink<W: Write> {
    pub out: W,
    pub opts: Options,
}

struct TableRender {
    opts: Options,
}

impl Render for TableRender {
    fn render(&self, r: &DraftReport, out: &mut Vec<u8>) -> io::Result<()> {
        render_draft(out, r, &self.opts)
    }
}

impl<W: Write> Sink for TableSink<W> {
    fn renderer(&self) -> Option<Box<dyn Render>> {
        Some(Box::new(TableRender { opts: self.opts.clone() }))
    }
    fn draft(&mut self, r: &DraftReport) -> io::Result<()> {
        render_draft(&mut self.out, r, &self.opts)
    }
    fn rendered(&mut self, _digest: &Digest, text: &[u8]) -> io::Result<()> {
        self.out.write_all(text)
    }
    fn end(&mut self, cross: &[CrossFinding], totals: &Totals) -> io::Result<()> {
        render_cross(&mut self.out, cross, &self.opts)?;
        render_totals(&mut self.out, totals, self.opts.lang)?;
        self.out.flush()
    }
}
