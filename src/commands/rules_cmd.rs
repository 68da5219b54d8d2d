//! `beian rules list` and `beian rules explain CODE`.

use crate::diag::Lang;
use crate::draft::FilingType;
use crate::i18n::Msg;
use crate::province;
use crate::rules::{Rule, RuleSet};
use anyhow::{Result, bail};
use std::io::Write;

fn scope(r: &Rule, lang: Lang) -> String {
    match r.province.and_then(province::by_code) {
        Some(p) => {
            if lang == Lang::Zh {
                p.short.to_string()
            } else {
                p.english.to_string()
            }
        }
        None => {
            if lang == Lang::Zh {
                "全国".into()
            } else {
                "national".into()
            }
        }
    }
}

pub fn list(
    out: &mut dyn Write,
    rules: &RuleSet,
    province_arg: Option<&str>,
    type_arg: Option<&str>,
    json: bool,
    lang: Lang,
) -> Result<()> {
    let filing_type = match type_arg {
        Some(s) => match FilingType::parse(s) {
            Some(t) => Some(t),
            None => bail!(
                "{}",
                Msg::UnknownFilingType.fmt(lang, &[("value", s), ("known", &FilingType::known())])
            ),
        },
        None => None,
    };
    let code = match province_arg {
        Some(p) => match province::resolve(p) {
            Some(pr) => Some(pr.code),
            None => bail!("{}", Msg::UnknownProvince.fmt(lang, &[("value", p)])),
        },
        None => None,
    };
    let selected: Vec<&Rule> = match (code, filing_type) {
        (Some(c), Some(t)) => rules.for_type(Some(c), t).collect(),
        (Some(c), None) => rules.for_province(Some(c)).collect(),
        // Every table's rules for this type (no province chosen: all of them, as without --type).
        (None, Some(t)) => rules.rules.iter().filter(|r| r.when.has_type(t)).collect(),
        (None, None) => rules.rules.iter().collect(),
    };
    if json {
        let v: Vec<_> = selected
            .iter()
            .map(|r| {
                serde_json::json!({
                    "code": r.code, "severity": r.severity.as_str(), "scope": scope(r, Lang::En),
                    "title": r.title.get(lang), "evidence": r.evidence, "source": r.source, "source_date": r.source_date,
                    "filing_types": r.when.filing_types,
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(());
    }
    let mut t = crate::report::table::new_table(None);
    let h = if lang == Lang::Zh {
        vec!["代码", "级别", "范围", "规则"]
    } else {
        vec!["Code", "Severity", "Scope", "Rule"]
    };
    t.set_header(h);
    for r in &selected {
        t.add_row(vec![
            r.code.clone(),
            r.severity.as_str().to_string(),
            scope(r, lang),
            r.title.get(lang).to_string(),
        ]);
    }
    writeln!(out, "{t}")?;
    writeln!(
        out,
        "{}",
        if lang == Lang::Zh {
            format!("共 {} 条规则。", selected.len())
        } else {
            format!("{} rules.", selected.len())
        }
    )?;
    Ok(())
}

/// A rule's text with what is known filled in (the bureau) and the per-finding values shown as
/// ‹placeholders›, so a reader sees which parts come from the draft.
fn template_for_reading(r: &Rule, text: &str, lang: Lang) -> String {
    let mut s = text.to_string();
    if let Some(p) = r.province.and_then(province::by_code) {
        s = s.replace(
            "{bureau}",
            &if lang == Lang::Zh {
                format!("{}管局", p.short)
            } else {
                format!("the {} bureau", p.english)
            },
        );
    }
    s.replace('{', "‹").replace('}', "›")
}

pub fn explain(out: &mut dyn Write, rules: &RuleSet, code: &str, json: bool, lang: Lang) -> Result<()> {
    let Some(r) = rules.get(code) else {
        let near: Vec<&str> = rules
            .rules
            .iter()
            .map(|r| r.code.as_str())
            .filter(|c| strsim::jaro_winkler(c, &code.to_uppercase()) > 0.85)
            .take(5)
            .collect();
        if near.is_empty() {
            bail!("{}", Msg::NoSuchRule.fmt(lang, &[("code", code)]));
        }
        bail!("{}", Msg::NoSuchRuleNear.fmt(lang, &[("code", code), ("near", &near.join(", "))]));
    };
    if json {
        let v = serde_json::json!({
            "code": r.code, "severity": r.severity.as_str(), "scope": scope(r, Lang::En),
            "title": r.title, "message": r.message, "fix": r.fix, "why": r.why,
            "applies_to": {"kinds": r.when.kinds, "not_kinds": r.when.not_kinds, "filing_types": r.when.filing_types, "providers": r.when.providers, "changes": r.when.changes, "unchanged": r.when.unchanged},
            "check": r.check,
            "source": r.source, "also": r.also, "evidence": r.evidence, "source_date": r.source_date,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(());
    }
    let zh = lang == Lang::Zh;
    let l = |a: &'static str, b: &'static str| if zh { a } else { b };
    writeln!(out, "{} — {}", r.code, r.title.get(lang))?;
    writeln!(out)?;
    writeln!(
        out,
        "{}: {}    {}: {}",
        l("级别", "Severity"),
        r.severity.as_str(),
        l("范围", "Scope"),
        scope(r, lang)
    )?;
    let mut applies = Vec::new();
    if !r.when.kinds.is_empty() {
        applies.push(format!("{} {}", l("主体性质", "principal kinds"), r.when.kinds.join(", ")));
    }
    if !r.when.not_kinds.is_empty() {
        applies.push(format!("{} {}", l("不适用于", "not for"), r.when.not_kinds.join(", ")));
    }
    if !r.when.filing_types.is_empty() {
        applies.push(format!("{} {}", l("备案类型", "filing types"), r.when.filing_types.join(", ")));
    }
    if !r.when.providers.is_empty() {
        applies.push(format!("{} {}", l("接入商", "providers"), r.when.providers.join(", ")));
    }
    if !r.when.changes.is_empty() {
        applies.push(format!(
            "{} {}",
            l("变更时仅当变更", "in a change, only when changing"),
            r.when.changes.join(", ")
        ));
    }
    if !r.when.unchanged.is_empty() {
        applies.push(format!(
            "{} {}",
            l("仅当变更订单不变更", "only in a change that leaves unchanged"),
            r.when.unchanged.join(", ")
        ));
    }
    if !applies.is_empty() {
        writeln!(out, "{}: {}", l("适用", "Applies to"), applies.join("; "))?;
    }
    writeln!(out)?;
    writeln!(out, "## {}", l("检查什么", "What it checks"))?;
    writeln!(out, "{}", template_for_reading(r, r.message.get(lang), lang))?;
    let params = serde_json::to_value(&r.check).unwrap_or_default();
    let params: Vec<String> = params
        .as_object()
        .map(|o| o.iter().filter(|(k, _)| *k != "kind").map(|(k, v)| format!("{k} = {v}")).collect())
        .unwrap_or_default();
    let kind = serde_json::to_value(&r.check)
        .ok()
        .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_string))
        .unwrap_or_default();
    if params.is_empty() {
        writeln!(out, "{}: {kind}", l("检查方式", "Check kind"))?;
    } else {
        writeln!(out, "{}: {kind} ({})", l("检查方式", "Check kind"), params.join(", "))?;
    }
    writeln!(out)?;
    writeln!(out, "## {}", l("为什么", "Why"))?;
    writeln!(out, "{}", r.why.get(lang))?;
    writeln!(out)?;
    writeln!(out, "## {}", l("如何修改", "How to fix"))?;
    writeln!(out, "{}", template_for_reading(r, r.fix.get(lang), lang))?;
    writeln!(out)?;
    writeln!(out, "## {}", l("来源", "Source"))?;
    writeln!(out, "{}", r.source)?;
    for a in &r.also {
        writeln!(out, "{a}")?;
    }
    writeln!(
        out,
        "{}: {}    {}: {:?}",
        l("来源日期", "Source date"),
        r.source_date,
        l("可信度", "Evidence"),
        r.evidence
    )?;
    Ok(())
}
