//! The questions about one person (a responsible person, the legal representative): who they
//! are, the residence proof their document calls for, how to reach them.

use super::super::question::{Ans, Bi, Kind, Q, bi};
use super::{Cx, put_str, vocab};
use crate::draft::model::DocType;
use crate::rules::Check;

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
        .owns(vec![rp.clone(), format!("{path}.social_security_months")])
        .with(move |t, _, a| {
            if *a == Ans::Bool(true) {
                put_str(t, &format!("{rp}.province"), prov_short);
            }
        }),
    );
    match cx.meta(&meta_key) {
        Some("yes") => qs.push(
            Q::text(
                format!("{path}.residence_permit.valid_until"),
                w.step,
                bi("居住证有效期至", "Residence permit valid until"),
                Kind::Date,
            )
            .help(bi(
                "格式 2028-05-01；过期的居住证不能用",
                "Like 2028-05-01; an expired permit cannot be used",
            )),
        ),
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
