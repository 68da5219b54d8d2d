//! The questions about one person (a responsible person, the legal representative): who they
//! are, the residence proof their document calls for, how to reach them.

use super::super::question::{Ans, Bi, Kind, Q, bi, opt};
use super::{Cx, get, put_str, vocab};
use crate::diag::Finding;
use crate::draft::model::DocType;
use crate::province;
use crate::rules::Check;
use toml::Value;

pub struct Who<'p> {
    pub path: &'p str,
    pub step: &'static str,
    /// Ask name and document (false: the principal's copy, an individual).
    pub identity: bool,
    /// Ask "is this the legal representative?" (organisations, old-style drafts).
    pub ask_is_rep: bool,
    pub contacts: bool,
    /// Only the name and the document's type and number (a legal representative who is not
    /// the responsible person: what the authorisation letter names).
    pub brief: bool,
    /// Ask the name (false: asked earlier).
    pub name: bool,
    /// Whose questions these are, as a prompt prefix: 负责人 / "Responsible person's".
    pub who: Bi,
}

/// "负责人证件类型" / "Responsible person's document type".
fn p(w: &Who, zh: &str, en: &str) -> Bi {
    bi(format!("{}{zh}", w.who.zh), format!("{} {en}", w.who.en))
}

pub fn personal_docs() -> Vec<DocType> {
    DocType::ALL.iter().copied().filter(|d| d.is_personal()).collect()
}

/// Documents that print a home address (travel permits and passports do not).
pub fn doc_has_address(d: Option<DocType>) -> bool {
    !matches!(d, Some(DocType::Passport | DocType::HkMacauPermit | DocType::TaiwanPermit))
}

pub fn number_help(d: Option<DocType>) -> Bi {
    match d {
        Some(DocType::ResidentId) => bi(
            "18 位，最后一位可能是 X；出生日期和省份会从号码读出",
            "18 characters, the last may be X; birth date and province are read from it",
        ),
        Some(DocType::TaiwanPermit) => bi(
            "填写台湾身份证号码（1 个字母加 9 位数字），不是 8 位通行证号码",
            "The Taiwan ID number (a letter and 9 digits), not the 8-digit permit number",
        ),
        Some(DocType::BusinessLicense | DocType::GovernmentCode) => {
            bi("18 位统一社会信用代码", "The 18-character unified social credit code")
        }
        _ => bi("与证件上印的完全一致", "Exactly as printed on the document"),
    }
}

pub fn identity(cx: &Cx, w: &Who, qs: &mut Vec<Q>, name_prompt: Bi) {
    let key = |k: &str| format!("{}.{k}", w.path);
    if w.name {
        qs.push(Q::text(key("name"), w.step, name_prompt, Kind::Text));
    }
    if w.ask_is_rep {
        qs.push(
            Q::yes_no(
                key("is_legal_representative"),
                w.step,
                bi("此人是法定代表人吗？", "Is this person the legal representative?"),
            )
            .help(bi("营业执照上的法定代表人/负责人", "The legal representative named on the licence"))
            .default("yes")
            .consequences()
            .optional(),
        );
    }
    qs.push(
        Q::choice(
            key("document.type"),
            w.step,
            p(w, "证件类型", "document type"),
            vocab::doc_opts(&personal_docs()),
        )
        .help(bi(
            "内地居民用居民身份证；港澳台及外籍人士选相应证件",
            "Mainland residents: resident ID; Hong Kong, Macao, Taiwan and foreign: the matching document",
        ))
        .consequences(),
    );
    let doc = cx.s(&key("document.type")).and_then(DocType::parse);
    qs.push(
        Q::text(key("document.number"), w.step, p(w, "证件号码", "document number"), Kind::Text)
            .help(number_help(doc))
            .pii(),
    );
    if !w.brief {
        identity_tail(cx, w, qs);
    }
}

/// The document's validity and printed address.
pub fn identity_tail(cx: &Cx, w: &Who, qs: &mut Vec<Q>) {
    let key = |k: &str| format!("{}.{k}", w.path);
    let doc = cx.s(&key("document.type")).and_then(DocType::parse);
    qs.push(
        Q::text(
            key("document.valid_until"),
            w.step,
            p(w, "证件有效期至", "document valid until"),
            Kind::Validity,
        )
        .help(bi(
            "格式 2031-05-01；长期有效写“长期”",
            "Like 2031-05-01; write long-term if it never expires",
        )),
    );
    if doc_has_address(doc) {
        qs.push(
            Q::text(
                key("document.address"),
                w.step,
                p(w, "证件上的住址（可不填）", "address on the document (optional)"),
                Kind::Text,
            )
            .optional(),
        );
    }
}

pub fn questions(cx: &Cx, w: &Who, name_prompt: Bi) -> Vec<Q> {
    let mut qs = Vec::new();
    if w.identity {
        identity(cx, w, &mut qs, name_prompt);
    }
    residence(cx, w, &mut qs);
    if w.contacts {
        contacts(cx, w, &mut qs);
    }
    qs
}

/// A document from another province, or a travel document: the bureau wants local proof.
fn residence(cx: &Cx, w: &Who, qs: &mut Vec<Q>) {
    let path = w.path;
    let meta_key = format!("~{path}.has_permit");
    let answered = cx.meta(&meta_key).is_some();
    if !answered && (!cx.interactive || cx.has(&format!("{path}.residence_permit")) || cx.has(&format!("{path}.social_security_months"))) {
        return;
    }
    let Some(prov) = cx.province() else { return };
    let doc = cx.s(&format!("{path}.document.type")).and_then(DocType::parse);
    let doc_field = format!("{path}.document.number");
    let out_of_province = super::evaluate(cx.rules, cx.draft)
        .findings
        .iter()
        .any(|f| f.field == doc_field && matches!(cx.rules.get(&f.rule).map(|r| &r.check), Some(Check::OutOfProvince { .. })));
    let travel_doc = cx.individual() && matches!(doc, Some(DocType::HkMacauPermit | DocType::TaiwanPermit | DocType::Passport));
    if !(answered || out_of_province || travel_doc) {
        return;
    }
    let why = if out_of_province {
        bi(
            format!("证件不是{0}的，{0}管局可能要求本省居住证（或社保、房产证明）。", prov.short),
            format!(
                "The ID is not from {0}; the {0} bureau may want a local residence permit (or social security, or property).",
                prov.english
            ),
        )
    } else {
        bi(
            format!("持通行证或护照备案时，{}管局通常要求港澳台居民居住证或本省居住证。", prov.short),
            format!(
                "With a travel permit or passport, the {} bureau usually wants a residence permit.",
                prov.english
            ),
        )
    };
    let prov_short = prov.short;
    let rp = format!("{path}.residence_permit");
    qs.push(
        Q::yes_no(
            meta_key.clone(),
            w.step,
            bi(
                format!("有有效的{}居住证吗？", prov.short),
                format!("Do you hold a valid {} residence permit?", prov.english),
            ),
        )
        .before(why)
        .default("yes")
        .owns(vec![
            rp.clone(),
            format!("{path}.social_security_months"),
            format!("~{path}.permit_check"),
        ])
        .with(move |t, _, a| {
            if *a == Ans::Bool(true) {
                put_str(t, &format!("{rp}.province"), prov_short);
            }
        }),
    );
    match cx.meta(&meta_key) {
        Some("yes") => {
            qs.push(
                Q::text(
                    format!("{path}.residence_permit.valid_until"),
                    w.step,
                    bi("居住证有效期至", "Residence permit valid until"),
                    Kind::Date,
                )
                .help(bi(
                    "格式 2028-05-01；过期的居住证不能用",
                    "Like 2028-05-01; an expired permit cannot be used",
                ))
                .owns(vec![format!("~{path}.permit_check")])
                .aftermath(permit_rules(cx)),
            );
            qs.extend(permit_check(cx, w));
        }
        Some("no") if out_of_province => qs.push(
            Q::text(
                format!("{path}.social_security_months"),
                w.step,
                bi(
                    format!("在{}连续缴纳社保的月数", prov.short),
                    format!("Months of social security paid in {}", prov.english),
                ),
                Kind::Int,
            )
            .default("0"),
        ),
        _ => {}
    }
}

fn is_permit_rule(c: &Check) -> bool {
    matches!(c, Check::OutOfProvince { .. } | Check::ResidencePermitValidity { .. })
}

/// The rules that judge a residence permit: whether it makes an out-of-province ID do, and how
/// long it must still be valid.
fn permit_rules(cx: &Cx) -> Vec<String> {
    cx.rules
        .rules
        .iter()
        .filter(|r| is_permit_rule(&r.check))
        .map(|r| r.code.clone())
        .collect()
}

/// Why the permit does not do, in plain words: from the rules' own findings, and for the
/// out-of-province rule by asking it again with a later date or the filing province on the
/// permit (which of the two it wants).
fn permit_problem(cx: &Cx, path: &str, f: &Finding, prov: &province::Province) -> Bi {
    let rp = format!("{path}.residence_permit");
    if matches!(cx.rules.get(&f.rule).map(|r| &r.check), Some(Check::ResidencePermitValidity { .. })) {
        return bi(format!("{}（{}）", f.message.zh, f.rule), format!("{} ({})", f.message.en, f.rule));
    }
    let gone = |key: &str, v: &str| {
        let mut t = cx.draft.clone();
        super::put(&mut t, &format!("{rp}.{key}"), Value::String(v.to_string()));
        !super::evaluate(cx.rules, &t)
            .findings
            .iter()
            .any(|g| g.rule == f.rule && g.field == f.field)
    };
    let until = get(cx.draft, &format!("{rp}.valid_until"))
        .map(super::super::question::value_text)
        .unwrap_or_default();
    if gone("valid_until", "2099-12-31") {
        let day = get(cx.draft, "filing_date")
            .map(super::super::question::value_text)
            .unwrap_or_else(|| cx.today.to_string());
        return bi(
            format!(
                "居住证有效期至 {until}，早于备案日期 {day}，已过期：{}管局不会认可它（{}）。",
                prov.short, f.rule
            ),
            format!(
                "The residence permit expired on {until}, before the filing date {day}: the {} bureau will not accept it ({}).",
                prov.english, f.rule
            ),
        );
    }
    let other = cx.s(&format!("{rp}.province")).and_then(province::resolve);
    if let Some(o) = other.filter(|o| o.code != prov.code)
        && gone("province", prov.short)
    {
        return bi(
            format!(
                "这张居住证是{}的，但备案地域是{}：{}管局只认本省居住证（{}）。",
                o.short, prov.short, prov.short, f.rule
            ),
            format!(
                "The residence permit is from {}, but you file in {}: the {} bureau only accepts its own ({}).",
                o.english, prov.english, prov.english, f.rule
            ),
        );
    }
    bi(
        format!("{}管局不以居住证代替本省证件：{}（{}）", prov.short, f.fix.zh, f.rule),
        format!(
            "The {} bureau does not take a residence permit instead of a local ID: {} ({})",
            prov.english, f.fix.en, f.rule
        ),
    )
}

/// A residence permit checked as soon as its validity is given: expired, too close to the
/// filing date, or from another province, said with what to do (enter it again, no permit and
/// on to the months of social security, or keep it for the review). Asked when the rules say so.
fn permit_check(cx: &Cx, w: &Who) -> Option<Q> {
    let path = w.path;
    if !cx.interactive || !cx.has(&format!("{path}.residence_permit.valid_until")) {
        return None;
    }
    let prov = cx.province()?;
    let codes = permit_rules(cx);
    let report = super::evaluate(cx.rules, cx.draft);
    let f = report.findings.iter().find(|f| {
        codes.contains(&f.rule)
            && (f.field == format!("{path}.residence_permit.valid_until") || f.field == format!("{path}.document.number"))
    })?;
    let problem = permit_problem(cx, path, f, prov);
    // Without the permit, does the ID still need local proof? Then the months are asked next.
    let out_of_province = {
        let mut t = cx.draft.clone();
        crate::draft::edit::remove(&mut t, &format!("{path}.residence_permit"));
        let doc_field = format!("{path}.document.number");
        super::evaluate(cx.rules, &t)
            .findings
            .iter()
            .any(|g| g.field == doc_field && matches!(cx.rules.get(&g.rule).map(|r| &r.check), Some(Check::OutOfProvince { .. })))
    };
    let from_elsewhere = cx
        .s(&format!("{path}.residence_permit.province"))
        .and_then(province::resolve)
        .is_some_and(|o| o.code != prov.code);
    let mut opts = Vec::new();
    let accepted = !matches!(
        cx.rules.get(&f.rule).map(|r| &r.check),
        Some(Check::OutOfProvince {
            residence_permit: false,
            ..
        })
    );
    if accepted {
        opts.push(opt(
            "reenter",
            if from_elsewhere {
                bi("重新回答居住证的问题", "Answer the residence permit questions again")
            } else {
                bi("重新填写有效期", "Enter the validity again")
            },
        ));
    }
    opts.push(opt(
        "no_permit",
        if out_of_province {
            bi(
                format!("没有有效的居住证：改填在{}缴纳社保的月数", prov.short),
                format!("No valid permit: give the months of social security in {} instead", prov.english),
            )
        } else {
            bi("没有有效的居住证", "No valid permit")
        },
    ));
    opts.push(opt("keep", bi("保留（最后的检查会列出它）", "Keep it (the review will list it)")));
    let own = format!("~{path}.permit_check");
    let has_permit = format!("~{path}.has_permit");
    let rp = format!("{path}.residence_permit");
    let key = own.clone();
    Some(
        Q::choice(
            key,
            w.step,
            bi(format!("{}怎么办？", problem.zh), format!("{} What now?", problem.en)),
            opts,
        )
        .with(move |t, meta, a| {
            let Ans::Pick(id) = a else { return };
            match id.as_str() {
                "reenter" if from_elsewhere => {
                    crate::draft::edit::remove(t, &rp);
                    meta.remove(&has_permit);
                }
                "reenter" => {
                    crate::draft::edit::remove(t, &format!("{rp}.valid_until"));
                }
                "no_permit" => {
                    crate::draft::edit::remove(t, &rp);
                    meta.insert(has_permit.clone(), "no".into());
                }
                _ => return,
            }
            meta.remove(&own);
        }),
    )
}

fn contacts(cx: &Cx, w: &Who, qs: &mut Vec<Q>) {
    let key = |k: &str| format!("{}.{k}", w.path);
    let _ = cx;
    qs.push(
        Q::text(key("contact.mobile"), w.step, bi("手机号码", "Mobile number"), Kind::Text)
            .help(bi(
                "11 位中国内地手机号，须能接收短信核验",
                "11-digit mainland mobile; it receives the verification SMS",
            ))
            .pii(),
    );
    qs.push(
        Q::text(
            key("contact.emergency_phone"),
            w.step,
            bi("应急联系电话", "Emergency phone"),
            Kind::Text,
        )
        .help(bi(
            "另一个能联系到此人的号码，不能与手机号码相同",
            "Another number that reaches this person; not the same as the mobile",
        ))
        .pii(),
    );
    qs.push(
        Q::text(
            key("contact.phone"),
            w.step,
            bi("固定电话（可不填，如 0755-86000000）", "Landline (optional, e.g. 0755-86000000)"),
            Kind::Text,
        )
        .pii()
        .optional(),
    );
    qs.push(
        Q::text(key("contact.email"), w.step, bi("电子邮箱", "E-mail"), Kind::Text)
            .help(bi("管局会发通知到这个邮箱", "The bureau sends notices here")),
    );
}
