//! How an answer is judged: the rules run on the draft with the answer in it, and the
//! findings that speak to that answer are its reasons to ask again.

use super::nav;
use super::question::{Kind, Q};
use super::questions::evaluate;
use crate::diag::{Finding, Lang, Severity};
use crate::draft::edit;
use crate::rules::{Check, RuleSet};
use toml::Table;

pub use super::answers::parse_answer;
use super::engine::tr;

pub(super) fn under(field: &str, key: &str) -> bool {
    field == key || (field.starts_with(key) && field[key.len()..].starts_with('.'))
}

/// Is a finding on `field` about the answer to `key`? An individual's document is also read
/// as their responsible person's, so rules about that one speak to this answer too.
pub(super) fn about(field: &str, key: &str) -> bool {
    if under(field, key) {
        return true;
    }
    match key.strip_prefix("principal.document") {
        Some(rest) => under(field, &format!("principal.responsible.document{rest}")),
        None => false,
    }
}

/// Where an answer's consequences land: its top-level table, or its list item.
pub(super) fn scope(key: &str) -> String {
    let k = key.trim_start_matches('~');
    let k = if k.starts_with("resp.") { "principal" } else { k };
    let mut parts = k.split('.');
    let first = parts.next().unwrap_or("");
    match (first, parts.next()) {
        ("domain" | "website" | "app", Some(n)) if n.parse::<usize>().is_ok() => format!("{first}.{n}"),
        ("type", _) => "account".into(),
        _ => first.to_string(),
    }
}

pub(super) fn is_required_rule(rules: &RuleSet, code: &str) -> bool {
    matches!(rules.get(code).map(|r| &r.check), Some(Check::Required { .. } | Check::HasDomains))
}

/// Rules answered by a later question rather than by changing this answer.
pub(super) fn is_followup_rule(rules: &RuleSet, code: &str) -> bool {
    matches!(rules.get(code).map(|r| &r.check), Some(Check::OutOfProvince { .. }))
}

/// What, why and the fix, in one block; ID and phone numbers masked; keys named as people say them.
pub fn explain(rules: &RuleSet, f: &Finding, lang: Lang, qs: &[Q]) -> String {
    let why = rules.get(&f.rule).map(|r| r.why.get(lang).to_string()).unwrap_or_default();
    let mut s = format!(
        "[{} {}] {}",
        nav::severity_word(f.severity, lang),
        f.rule,
        nav::humanize(f.message.get(lang), qs, lang)
    );
    if !why.is_empty() {
        s.push_str(&format!("\n    {}{}", tr(lang, "原因：", "Why: "), why));
    }
    if !f.fix.get(lang).is_empty() {
        s.push_str(&format!(
            "\n    {}{}",
            tr(lang, "修改：", "Fix: "),
            nav::humanize(f.fix.get(lang), qs, lang)
        ));
    }
    crate::text::display(&s)
}

/// Error findings about `key` (or inside it), leaving out "this is missing" rules and rules
/// that a later question settles.
pub(super) fn key_errors(rules: &RuleSet, t: &Table, key: &str) -> Vec<Finding> {
    key_errors_but(rules, t, key, &[])
}

/// [`key_errors`] without the rules in `skip` (a dedicated question puts those).
pub(super) fn key_errors_but(rules: &RuleSet, t: &Table, key: &str, skip: &[String]) -> Vec<Finding> {
    evaluate(rules, t)
        .findings
        .iter()
        .filter(|f| {
            f.severity == Severity::Error
                && about(&f.field, key)
                && !is_required_rule(rules, &f.rule)
                && !is_followup_rule(rules, &f.rule)
                && !skip.contains(&f.rule)
        })
        .cloned()
        .collect()
}

/// Why an answer is refused.
pub(super) enum Refusal {
    /// Not even the right shape (not a date …): always asked again. Empty: required.
    Shape(String),
    /// A rule says no. Typing the same answer twice keeps it (the review lists it).
    Rule(String),
}

/// The check a typed answer goes through, shared by every prompter. `q` is the question
/// asked, `qs` every question (to name fields in the reasons).
pub(super) fn judge(rules: &RuleSet, lang: Lang, draft: &Table, q: &Q, kind: Kind, raw: &str, qs: &[Q]) -> Result<(), Refusal> {
    let (key, optional) = (q.key.as_str(), q.optional);
    let value = match parse_answer(kind, raw, lang).map_err(Refusal::Shape)? {
        Some(v) => v,
        None if optional => return Ok(()),
        None => return Err(Refusal::Shape(String::new())),
    };
    let mut t = draft.clone();
    if edit::set(&mut t, key, value).is_err() {
        return Ok(());
    }
    let errs = key_errors_but(rules, &t, key, &q.aftermath);
    if errs.is_empty() {
        Ok(())
    } else {
        Err(Refusal::Rule(
            errs.iter().map(|f| explain(rules, f, lang, qs)).collect::<Vec<_>>().join("\n"),
        ))
    }
}
