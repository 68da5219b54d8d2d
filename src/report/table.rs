//! The human report: per draft, a findings table (field, message, fix) and the checklist;
//! then totals. ID and phone numbers are masked.

use super::{DraftReport, totals};
use crate::diag::{Lang, Severity};
use crate::pii::mask_text;
use crate::rules::materials::Status;
use comfy_table::{Cell, Color, ContentArrangement, Table};
use std::io::{self, Write};

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
    let lang = opts.lang;
    for r in reports {
        let status = if r.ready() {
            t(lang, "可以提交", "ready")
        } else {
            t(lang, "需要修改", "not ready")
        };
        let who = [r.principal.as_deref(), r.province.as_deref(), r.kind.as_deref()]
            .iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" · ");
        let status = crate::color::paint(opts.color, if r.ready() { crate::color::GREEN } else { crate::color::RED }, status);
        writeln!(out, "{}  [{}]  {}", r.path, status, who)?;
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
                let field = match f.pos {
                    Some(p) if !f.field.is_empty() => format!("{}\n{}:{}", f.field, p.line, p.column),
                    Some(p) => format!("{}:{}", p.line, p.column),
                    None => f.field.clone(),
                };
                let mut level = Cell::new(severity_label(f.severity, lang));
                if opts.color {
                    level = level.fg(match f.severity {
                        Severity::Error => Color::Red,
                        Severity::Warning => Color::Yellow,
                        Severity::Info => Color::Cyan,
                    });
                }
                table.add_row(vec![
                    level,
                    Cell::new(&f.rule),
                    Cell::new(field),
                    Cell::new(mask_text(f.message.get(lang))),
                    Cell::new(mask_text(f.fix.get(lang))),
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
                table.add_row(vec![c.material.get(lang).to_string(), st.to_string(), c.why.get(lang).to_string()]);
            }
            writeln!(out, "{}", t(lang, "材料清单：", "Checklist:"))?;
            writeln!(out, "{table}")?;
        }
        writeln!(out)?;
    }
    let tt = totals(reports);
    if lang == Lang::Zh {
        writeln!(
            out,
            "共 {} 份草稿：{} 份可以提交，{} 个错误，{} 个警告，{} 个提示。",
            tt.drafts, tt.ready, tt.errors, tt.warnings, tt.infos
        )
    } else {
        writeln!(
            out,
            "{} drafts: {} ready, {} errors, {} warnings, {} infos.",
            tt.drafts, tt.ready, tt.errors, tt.warnings, tt.infos
        )
    }
}
