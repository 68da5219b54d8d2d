//! Draft + rule set → findings and checklist.

use super::context::Ctx;
use super::materials::{ChecklistItem, checklist};
use super::{Check, RuleSet};
use crate::diag::{Finding, Hit, Lang, Severity, Text, render_with};
use crate::draft::{Draft, LoadIssue};
use chrono::NaiveDate;
use std::path::Path;

pub struct Outcome {
    pub findings: Vec<Finding>,
    pub checklist: Vec<ChecklistItem>,
}

/// Turn a check's hit into a finding with the rule's text in both languages.
pub fn finding(rules: &RuleSet, code: &str, hit: &Hit, draft: Option<&Draft>) -> Finding {
    let Some(rule) = rules.get(code) else {
        // Only reachable if a builtin code is missing from the national table: a test guards it.
        return Finding {
            rule: code.to_string(),
            severity: hit.severity.unwrap_or(Severity::Error),
            field: hit.field.clone(),
            message: Text::same(code),
            fix: Text::default(),
            source: String::new(),
            pos: None,
        };
    };
    // The hit's own values first, then the field and (for province rules) the bureau.
    let bureau = rule
        .province
        .and_then(crate::province::by_code)
        .map(|p| (format!("{}管局", p.short), format!("the {} bureau", p.english)));
    let r = |t: &str, lang: Lang| {
        render_with(t, |k| match hit.vars.iter().find(|(n, _)| *n == k) {
            Some((_, v)) => Some(v.get(lang)),
            None if k == "field" => Some(hit.field.as_str()),
            None if k == "bureau" => bureau
                .as_ref()
                .map(|(zh, en)| if lang == Lang::Zh { zh.as_str() } else { en.as_str() }),
            None => None,
        })
    };
    let message = Text::new(r(&rule.message.zh, Lang::Zh), r(&rule.message.en, Lang::En));
    let fix = Text::new(r(&rule.fix.zh, Lang::Zh), r(&rule.fix.en, Lang::En));
    let mut source = rule.source.clone();
    for a in &rule.also {
        source.push_str(" ; ");
        source.push_str(a);
    }
    Finding {
        rule: rule.code.clone(),
        severity: hit.severity.unwrap_or(rule.severity),
        field: hit.field.clone(),
        message,
        fix,
        source,
        pos: draft.and_then(|d| d.pos(&hit.field)),
    }
}

pub fn load_findings(rules: &RuleSet, issues: &[LoadIssue], draft: Option<&Draft>) -> Vec<Finding> {
    issues
        .iter()
        .map(|i| {
            let mut f = finding(rules, i.code, &i.hit, draft);
            if i.pos.is_some() {
                f.pos = i.pos;
            }
            f
        })
        .collect()
}

pub fn evaluate(rules: &RuleSet, draft: &Draft, as_of: NaiveDate, base: Option<&Path>) -> Outcome {
    let cx = Ctx::new(draft, as_of).with_base(base);
    let province = cx.province.map(|p| p.code);
    let mut findings = Vec::new();
    for rule in rules.applicable(province, cx.filing_type, draft) {
        if matches!(rule.check, Check::Builtin) {
            continue;
        }
        for hit in rule.check.run(&cx) {
            findings.push(finding(rules, &rule.code, &hit, Some(draft)));
        }
    }
    let checklist = checklist(&cx, rules.applicable_materials(province, cx.filing_type, draft), base);
    Outcome { findings, checklist }
}

/// Stable order: by position in the file, then rule code.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        let pa = a.pos.map(|p| (p.line, p.column)).unwrap_or((usize::MAX, 0));
        let pb = b.pos.map(|p| (p.line, p.column)).unwrap_or((usize::MAX, 0));
        pa.cmp(&pb).then_with(|| a.rule.cmp(&b.rule)).then_with(|| a.field.cmp(&b.field))
    });
}
