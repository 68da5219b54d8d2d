//! Step 7: the materials the checklist asks for: a file for each, or "later".

use super::super::question::{Apply, Kind, Q, bi};
use super::Cx;
use crate::diag::Lang;

const S: &str = "materials";

pub fn questions(cx: &Cx) -> Vec<Q> {
    if !cx.interactive && !cx.has("materials") {
        return Vec::new();
    }
    let report = super::evaluate(cx.rules, cx.draft);
    if report.checklist.is_empty() {
        return Vec::new();
    }
    let mut qs = vec![
        Q::yes_no(
            "~materials.now",
            S,
            bi(
                "现在就填写已备好的材料文件吗？（否 = 以后再备，清单会列出它们）",
                "Enter the files you already have now? (No = later; the checklist lists them)",
            ),
        )
        .default("no")
        .batch("no")
        .apply(Apply::Meta),
    ];
    if cx.meta("~materials.now") != Some("yes") {
        return qs;
    }
    qs.extend(report.checklist.iter().map(|c| {
        let key = format!("materials.{}", c.key());
        let why = c.why();
        let mut help = bi(
            "文件路径（扫描件或照片）；还没有就直接回车，稍后再备",
            "Path to the file (scan or photo); none yet: press Enter and prepare it later",
        );
        if !why.get(Lang::Zh).is_empty() {
            help = bi(
                format!("{}。{}", why.get(Lang::Zh), help.zh),
                format!("{}. {}", why.get(Lang::En), help.en),
            );
        }
        Q::text(key, S, bi(c.material().get(Lang::Zh), c.material().get(Lang::En)), Kind::Path)
            .help(help)
            .optional()
    }));
    qs
}
