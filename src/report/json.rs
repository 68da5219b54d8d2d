//! `check --format json`: the public contract of spec/draft-format.md, extended additively
//! (line/column, checklist keys, totals).

use super::{DraftReport, totals};
use crate::diag::Lang;
use serde_json::{Value, json};

pub fn render(reports: &[DraftReport], lang: Lang) -> Value {
    let drafts: Vec<Value> = reports
        .iter()
        .map(|r| {
            let findings: Vec<Value> = r
                .findings
                .iter()
                .map(|f| {
                    let mut v = json!({
                        "rule": f.rule,
                        "severity": f.severity.as_str(),
                        "field": f.field,
                        "message": crate::pii::mask_text(f.message.get(lang)),
                        "fix": crate::pii::mask_text(f.fix.get(lang)),
                        "source": f.source,
                    });
                    if let Some(p) = f.pos {
                        v["line"] = json!(p.line);
                        v["column"] = json!(p.column);
                    }
                    v
                })
                .collect();
            let checklist: Vec<Value> = r
                .checklist
                .iter()
                .map(|c| {
                    json!({
                        "material": c.material.get(lang),
                        "why": c.why.get(lang),
                        "status": c.status,
                        "key": c.key,
                        "step": c.step,
                        "signer": c.signer.as_ref().map(|s| s.get(lang)),
                        "file": c.file,
                    })
                })
                .collect();
            json!({
                "path": r.path,
                "ready": r.ready(),
                "findings": findings,
                "checklist": checklist,
                "principal": r.principal,
                "province": r.province,
                "kind": r.kind,
            })
        })
        .collect();
    let t = totals(reports);
    json!({
        "drafts": drafts,
        "summary": {"drafts": t.drafts, "errors": t.errors, "warnings": t.warnings, "infos": t.infos, "ready": t.ready},
    })
}
