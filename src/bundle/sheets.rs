//! Who signs what for this draft, and fill-in sheets for fixed official forms.
//!
//! - [`signer_text`] turns a material's `signs` roles into the people of this draft
//!   ("法定代表人 王五 签字；加盖单位公章"), for the checklist and report.html.
//! - [`sheet`] turns a material's `official_form` into a fill-in sheet: where to get the
//!   form, and blank by blank what to write there from the draft, handwritten blanks marked.
//!   Blank values are paths into the bundle's values (see [`lookup`]), so a table entry
//!   declares a form without code.

use super::context::{BundleCtx, PersonView};
use crate::diag::Lang;
use crate::rules::materials::{OfficialForm, SignRole};
use serde::Serialize;
use serde_json::Value;

/// The person a material's first person-role names, for the `signer.*` paths of its sheet.
#[derive(Serialize, Clone)]
pub struct SignerView {
    /// 法定代表人, 经营者, 本人, 主体负责人, 网站负责人.
    pub title: String,
    /// Flattened: `signer.name`, `signer.document.number`; absent when nobody is known.
    #[serde(flatten)]
    pub person: Option<PersonView>,
}

fn tr(lang: Lang, zh: &str, en: &str) -> String {
    if lang == Lang::En { en.to_string() } else { zh.to_string() }
}

fn name_or_blank(p: Option<&PersonView>, lang: Lang) -> String {
    match p.and_then(|p| p.name.clone()).filter(|n| !n.trim().is_empty()) {
        Some(n) => n,
        None => tr(lang, "（草稿未写姓名）", "(no name in the draft)"),
    }
}

/// The title of whoever signs for the principal: 本人 (an individual), 经营者 (a sole
/// trader's operator), else 法定代表人.
pub fn head_title(ctx: &BundleCtx, lang: Lang) -> String {
    if ctx.principal.is_individual {
        tr(lang, "本人", "the individual")
    } else if ctx.principal.is_sole_trader {
        tr(lang, "经营者", "the operator (经营者)")
    } else {
        tr(lang, "法定代表人", "the legal representative")
    }
}

/// The person who signs for the principal (see [`head_title`]).
pub fn head(ctx: &BundleCtx) -> Option<PersonView> {
    if ctx.principal.is_individual {
        Some(ctx.principal.as_person())
    } else {
        ctx.legal_rep.clone()
    }
}

/// Website responsible persons who are not the principal's (distinct by name).
fn website_people(ctx: &BundleCtx) -> Vec<&PersonView> {
    let mut out: Vec<&PersonView> = Vec::new();
    for w in &ctx.websites {
        if let Some(p) = &w.responsible
            && !out.iter().any(|q| q.name == p.name)
        {
            out.push(p);
        }
    }
    out
}

/// Who signs and seals, for this draft; `None` when the material declares no roles.
pub fn signer_text(roles: &[SignRole], ctx: &BundleCtx, lang: Lang) -> Option<String> {
    if roles.is_empty() {
        return None;
    }
    let ind = ctx.principal.is_individual;
    let sole = ctx.principal.is_sole_trader;
    let mut parts: Vec<String> = Vec::new();
    for role in roles {
        let part = match role {
            SignRole::LegalRep if ind => {
                let n = name_or_blank(head(ctx).as_ref(), lang);
                if lang == Lang::En {
                    format!("{n} signs (yourself)")
                } else {
                    format!("本人 {n} 签字")
                }
            }
            SignRole::LegalRep => {
                let n = name_or_blank(ctx.legal_rep.as_ref(), lang);
                if lang == Lang::En {
                    format!("{} {n} signs", head_title(ctx, lang))
                } else {
                    format!("{} {n} 签字", head_title(ctx, lang))
                }
            }
            SignRole::Seal if ind => continue,
            SignRole::Seal if sole => tr(
                lang,
                "加盖个体工商户印章（没有印章的：经营者按手印并写上证件号码）",
                "the business's seal (without one: the operator adds a fingerprint and the ID number)",
            ),
            SignRole::Seal => tr(lang, "加盖单位公章", "the unit's official seal"),
            SignRole::Fingerprint if ind => tr(lang, "按手印", "a fingerprint"),
            SignRole::Fingerprint => continue,
            SignRole::Responsible => {
                let n = name_or_blank(Some(&ctx.principal.responsible), lang);
                if lang == Lang::En {
                    format!("the responsible person {n} signs")
                } else {
                    format!("主体负责人 {n} 签字")
                }
            }
            SignRole::WebsiteResponsible => {
                let people = website_people(ctx);
                if people.is_empty() {
                    continue;
                }
                let names: Vec<String> = people.iter().map(|p| name_or_blank(Some(p), lang)).collect();
                if lang == Lang::En {
                    format!("the website's responsible person {} signs", names.join(", "))
                } else {
                    format!("网站负责人 {} 签字", names.join("、"))
                }
            }
            SignRole::Supervisor => tr(lang, "主管单位审核盖章", "the supervising body reviews and seals"),
        };
        // An individual who is also the responsible person signs once.
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    let sep = if lang == Lang::En { "; " } else { "；" };
    Some(parts.join(sep))
}

/// The person behind a material's first person-role.
pub fn signer_view(roles: &[SignRole], ctx: &BundleCtx, lang: Lang) -> SignerView {
    for role in roles {
        match role {
            SignRole::LegalRep => {
                return SignerView {
                    title: head_title(ctx, lang),
                    person: head(ctx),
                };
            }
            SignRole::Responsible => {
                return SignerView {
                    title: tr(lang, "主体负责人", "the responsible person"),
                    person: Some(ctx.principal.responsible.clone()),
                };
            }
            SignRole::WebsiteResponsible => {
                return SignerView {
                    title: tr(lang, "网站负责人", "the website's responsible person"),
                    person: website_people(ctx).first().map(|p| (*p).clone()),
                };
            }
            _ => {}
        }
    }
    SignerView {
        title: head_title(ctx, lang),
        person: head(ctx),
    }
}

/// A value at `path` in `root`: dotted keys, `*` over every element of an array. Lists of
/// strings are joined with 、; a missing or empty value is `None`.
pub fn lookup(root: &Value, path: &str) -> Option<String> {
    let mut found = Vec::new();
    collect(root, &path.split('.').collect::<Vec<_>>(), &mut found);
    let found: Vec<String> = found.into_iter().filter(|s| !s.trim().is_empty()).collect();
    (!found.is_empty()).then(|| found.join("、"))
}

fn collect(v: &Value, path: &[&str], out: &mut Vec<String>) {
    let Some((first, rest)) = path.split_first() else {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Number(n) => out.push(n.to_string()),
            Value::Bool(b) => out.push(b.to_string()),
            Value::Array(a) => a.iter().for_each(|x| collect(x, &[], out)),
            Value::Null | Value::Object(_) => {}
        }
        return;
    };
    match (v, *first) {
        (Value::Array(a), "*") => a.iter().for_each(|x| collect(x, rest, out)),
        (Value::Array(a), key) => {
            // A key on an array applies to every element (`websites.name`).
            a.iter().for_each(|x| collect(x, path, out));
            let _ = key;
        }
        (Value::Object(m), key) => {
            if let Some(x) = m.get(key) {
                collect(x, rest, out);
            }
        }
        _ => {}
    }
}

/// One row of a fill-in sheet.
#[derive(Serialize)]
pub struct BlankView {
    pub label: String,
    /// What to write; `None`: a signature, seal or fingerprint, or a value the draft lacks.
    pub value: Option<String>,
    /// The blank names a draft value that the draft does not have.
    pub missing: bool,
    pub by_hand: bool,
    pub note: Option<String>,
}

#[derive(Serialize)]
pub struct SheetView {
    pub where_to_get: String,
    pub url: Option<String>,
    pub note: Option<String>,
    pub blanks: Vec<BlankView>,
    pub handwritten: usize,
}

/// The fill-in sheet for an official form, its values looked up in `values` (the bundle's
/// values plus this item's `signer`).
pub fn sheet(form: &OfficialForm, values: &Value, lang: Lang) -> SheetView {
    let text = |t: &crate::diag::Text| match lang {
        Lang::En if t.en != t.zh => format!("{} ({})", t.en, t.zh),
        _ => t.get(lang).to_string(),
    };
    let blanks: Vec<BlankView> = form
        .blanks
        .iter()
        .map(|b| {
            let value = b.value.as_deref().and_then(|p| lookup(values, p));
            BlankView {
                label: text(&b.label),
                missing: b.value.is_some() && value.is_none(),
                value,
                by_hand: b.by_hand,
                note: b.note.as_ref().map(|n| n.get(lang).to_string()),
            }
        })
        .collect();
    SheetView {
        where_to_get: form.where_.get(lang).to_string(),
        url: form.url.clone(),
        note: form.note.as_ref().map(|n| n.get(lang).to_string()),
        handwritten: blanks.iter().filter(|b| b.by_hand).count(),
        blanks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_reach_nested_values_and_lists() {
        let v = json!({ "principal": { "name": "甲" }, "websites": [
            { "name": "一", "domains": ["a.cn", "b.cn"] }, { "name": "二", "domains": ["c.cn"] } ] });
        assert_eq!(lookup(&v, "principal.name").as_deref(), Some("甲"));
        assert_eq!(lookup(&v, "websites.*.name").as_deref(), Some("一、二"));
        assert_eq!(lookup(&v, "websites.*.domains").as_deref(), Some("a.cn、b.cn、c.cn"));
        assert_eq!(lookup(&v, "principal.nothing"), None);
        assert_eq!(lookup(&v, "principal"), None);
    }
}
