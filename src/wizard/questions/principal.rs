//! Steps 2 and 3: the principal (who files) and its responsible person, with the legal
//! representative named first for an organisation.

use super::super::question::{Ans, Bi, Kind, Q, bi, opt};
use super::person::{self, Who};
use super::{Cx, put, put_str, vocab};
use crate::draft::model::{DocType, PrincipalKind};
use crate::province;
use crate::rules::Check;
use crate::validators::{resident_id, uscc};
use std::collections::BTreeMap;
use toml::Value;

const S: &str = "principal";

/// The wizard's note of what to do about a credit code of another category than the kind.
pub const CODE_KIND: &str = "~principal.code_kind";

/// The rules that compare the credit code's category with the principal kind.
fn code_kind_rules(cx: &Cx) -> Vec<String> {
    cx.rules
        .rules
        .iter()
        .filter(|r| matches!(r.check, Check::UsccCategory))
        .map(|r| r.code.clone())
        .collect()
}

/// A credit code whose category (positions 1–2) contradicts the kind chosen, said right after
/// the code is entered, with what to do: take the kind the code says (and its document), enter
/// the code again, or keep both (the review lists it). Asked when the rule says so.
fn code_kind_question(cx: &Cx) -> Option<Q> {
    if !cx.interactive {
        return None;
    }
    let codes = code_kind_rules(cx);
    let report = super::evaluate(cx.rules, cx.draft);
    let finding = report.findings.iter().find(|f| codes.contains(&f.rule))?;
    let kind = cx.kind()?;
    let code = uscc::parse(cx.s("principal.document.number")?).ok()?;
    let category = uscc::category_text(&code);
    let doc = cx.s("principal.document.type").and_then(DocType::parse);
    let mut opts = Vec::new();
    let mut docs: BTreeMap<String, String> = BTreeMap::new();
    for k in uscc::principal_kinds(&code).iter().filter_map(|k| PrincipalKind::parse(k)) {
        let allowed = allowed_docs(cx, k);
        let Some(d) = doc.filter(|d| allowed.contains(d)).or_else(|| allowed.first().copied()) else {
            continue;
        };
        let id = format!("kind:{}", k.id());
        docs.insert(id.clone(), d.id().to_string());
        let dn = vocab::doc(d);
        opts.push(opt(
            id,
            bi(
                format!("把主体性质改为“{}”（证件类型：{}）", k.zh(), dn.zh),
                format!("Change the kind to “{}” (document: {})", vocab::kind_en(k), dn.en),
            ),
        ));
    }
    opts.push(opt("reenter", bi("重新输入代码", "Enter the code again")));
    opts.push(opt(
        "keep",
        bi("两者都保留（最后的检查会列出它）", "Keep both (the review will list it)"),
    ));
    let prefix = code.authority.to_string() + &code.category.to_string();
    Some(
        Q::choice(
            CODE_KIND,
            S,
            bi(
                format!("这个代码登记为“{}”，但主体性质选的是“{}”：怎么办？", category.zh, kind.zh()),
                format!(
                    "This code belongs to {} {}, but you chose “{}” as the kind of principal: what now?",
                    if category.en.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" },
                    category.en,
                    vocab::kind_en(kind)
                ),
            ),
            opts,
        )
        .before(bi(
            format!(
                "统一社会信用代码的前两位（{prefix}）标明登记类别，管局按它核对主体性质（{}）。",
                finding.rule
            ),
            format!(
                "The first two characters of the credit code ({prefix}) name its registration category; the bureau checks the kind against it ({}).",
                finding.rule
            ),
        ))
        .with(move |t, meta, a| {
            let Ans::Pick(id) = a else { return };
            if let Some(k) = id.strip_prefix("kind:") {
                put_str(t, "principal.kind", k);
                if let Some(d) = docs.get(id) {
                    put_str(t, "principal.document.type", d);
                }
                meta.remove(CODE_KIND);
            } else if id == "reenter" {
                crate::draft::edit::remove(t, "principal.document.number");
                meta.remove(CODE_KIND);
            }
        }),
    )
}

/// The principal document types the rules allow for a kind, from the rule table.
pub fn allowed_docs(cx: &Cx, kind: PrincipalKind) -> Vec<DocType> {
    let from_rules = cx.rules.rules.iter().find_map(|r| match &r.check {
        Check::PrincipalDocumentType { allowed } => allowed.get(kind.id()).cloned(),
        _ => None,
    });
    match from_rules {
        Some(ids) if !ids.is_empty() => ids.iter().filter_map(|i| DocType::parse(i)).collect(),
        _ => DocType::ALL.to_vec(),
    }
}

/// The province a document number names: a resident ID's first two digits, a credit code's
/// third and fourth.
fn province_of_number(cx: &Cx) -> Option<&'static str> {
    let n = cx.s("principal.document.number")?;
    let code = match cx.s("principal.document.type").and_then(DocType::parse)? {
        DocType::ResidentId => resident_id::parse(n).ok().map(|id| id.province)?,
        DocType::BusinessLicense | DocType::GovernmentCode => n.get(2..4)?.parse().ok()?,
        _ => return None,
    };
    province::by_code(code).map(|p| p.short)
}

pub fn questions(cx: &Cx) -> Vec<Q> {
    let mut qs = Vec::new();
    let kinds = PrincipalKind::ALL
        .iter()
        .map(|k| opt(k.id(), bi(k.zh(), vocab::kind_en(*k))))
        .collect();
    qs.push(
        Q::choice("principal.kind", S, bi("备案主体性质", "Kind of principal"), kinds)
            .help(bi(
                "以个人名义备案选“个人”；公司选“企业”；个体户选“个体工商户”",
                "Filing as a person: individual; a company: enterprise; a sole trader: individual business",
            ))
            .owns(vec![CODE_KIND.into()])
            .aftermath(code_kind_rules(cx)),
    );
    let individual = cx.individual();
    let name = if individual {
        bi("您的姓名（与证件一致）", "Your name (as on your ID)")
    } else {
        bi(
            "主办单位名称（与证件完全一致）",
            "Name of the organisation (exactly as on its certificate)",
        )
    };
    qs.push(Q::text("principal.name", S, name, Kind::Text));
    let allowed = cx.kind().map(|k| allowed_docs(cx, k)).unwrap_or_else(|| DocType::ALL.to_vec());
    if allowed.len() == 1 {
        // Nothing to choose: written by the engine's derive step, and told there.
    } else {
        qs.push(
            Q::choice(
                "principal.document.type",
                S,
                bi("主体证件类型", "Principal's document type"),
                vocab::doc_opts(&allowed),
            )
            .help(bi(
                "内地居民用居民身份证；港澳台及外籍人士选相应证件",
                "Mainland residents: resident ID; Hong Kong, Macao, Taiwan and foreign: the matching document",
            ))
            .consequences(),
        );
    }
    let doc = cx.s("principal.document.type").and_then(DocType::parse);
    let mut q = Q::text(
        "principal.document.number",
        S,
        bi("主体证件号码", "Principal's document number"),
        Kind::Text,
    )
    .help(person::number_help(doc))
    .owns(vec![CODE_KIND.into()])
    .aftermath(code_kind_rules(cx));
    if individual {
        q = q.pii();
    }
    qs.push(q);
    qs.extend(code_kind_question(cx));
    let default = cx
        .defaults
        .province
        .map(|p| p.short)
        .or_else(|| province_of_number(cx))
        .or_else(|| cx.s("principal.address").and_then(province::from_address).map(|p| p.short))
        .unwrap_or("广东");
    qs.push(
        Q::choice(
            "principal.province",
            S,
            bi("备案地域（省份）", "Filing region (province)"),
            vocab::province_opts(),
        )
        .help(bi(
            "个人：身份证或居住证所在省份；单位：证件住所所在省份。它决定由哪个管局审核（可输入文字筛选）",
            "Individuals: the province of the ID or residence permit; organisations: of the certificate's address. It decides the bureau (type to filter)",
        ))
        .default(default),
    );
    qs.push(
        Q::text(
            "principal.document.valid_until",
            S,
            bi("证件有效期至", "Document valid until"),
            Kind::Validity,
        )
        .help(bi(
            "格式 2031-05-01；长期有效写“长期”",
            "Like 2031-05-01; write long-term if it never expires",
        ))
        .default_opt((!individual).then(|| "long-term".to_string())),
    );
    let addr = if individual {
        Q::text("principal.address", S, bi("证件上的住址", "Address printed on your ID"), Kind::Text)
            .help(bi("照抄证件上的住址", "Copy it from the document"))
    } else {
        Q::text(
            "principal.address",
            S,
            bi("证件住所（证件上的地址）", "Address on the certificate"),
            Kind::Text,
        )
        .help(bi(
            "照抄营业执照等证件上的住所，须在备案省份",
            "Copy it from the licence; it must be in the filing province",
        ))
    };
    // A passport prints no address: the mailing address is what the bureau gets.
    if !individual || person::doc_has_address(doc) {
        qs.push(addr);
    }
    qs.push(
        Q::text(
            "principal.mailing_address",
            S,
            bi("通信地址（能收到邮件的详细地址）", "Mailing address (where post reaches you)"),
            Kind::Text,
        )
        .help(bi(
            "写到门牌号；直接回车表示与证件地址相同",
            "Down to the door number; Enter = same as the certificate address",
        ))
        .default_opt(cx.s("principal.address").map(str::to_string)),
    );
    qs
}

/// Who signs for an organisation: 法定代表人, or 经营者 for a sole trader.
fn rep_word(cx: &Cx) -> Bi {
    if cx.kind() == Some(PrincipalKind::IndividualBusiness) {
        bi("经营者", "operator")
    } else {
        bi("法定代表人", "legal representative")
    }
}

pub fn responsible(cx: &Cx) -> Vec<Q> {
    const R: &str = "responsible";
    let path = "principal.responsible";
    if cx.individual() {
        // An individual is their own responsible person: the document is the principal's.
        return person::questions(
            cx,
            &Who {
                path,
                step: R,
                identity: false,
                ask_is_rep: false,
                contacts: true,
                brief: false,
                name: true,
                who: bi("", "Your"),
            },
            Bi::default(),
        );
    }
    let resp_who = bi("负责人", "Responsible person's");
    let meta = cx.meta("~resp.is_rep");
    // Drafts written before the legal representative was asked (and runs without input)
    // keep the one question "is the responsible person the legal representative?".
    let old_style =
        meta.is_none() && !cx.has("principal.legal_representative") && (!cx.interactive || cx.has("principal.responsible.name"));
    if old_style {
        return person::questions(
            cx,
            &Who {
                path,
                step: R,
                identity: true,
                ask_is_rep: true,
                contacts: true,
                brief: false,
                name: true,
                who: resp_who,
            },
            bi("负责人姓名", "Responsible person's name"),
        );
    }
    let word = rep_word(cx);
    let mut qs = Vec::new();
    let rep_path = "principal.legal_representative";
    qs.push(Q::text(
        format!("{rep_path}.name"),
        R,
        bi(
            format!("{}姓名（营业执照上的）", word.zh),
            format!("Name of the {} (as on the licence)", word.en),
        ),
        Kind::Text,
    ));
    let rep = Who {
        path: rep_path,
        step: R,
        identity: true,
        ask_is_rep: false,
        contacts: false,
        brief: true,
        name: false,
        who: bi(word.zh.clone(), format!("The {}'s", word.en)),
    };
    // Name and document first: the province's rule on delegating depends on them (a
    // foreign or Hong Kong representative may authorise someone in 山西).
    person::identity(cx, &rep, &mut qs, Bi::default());
    let is_rep = meta.map(str::to_string).or_else(|| {
        cx.get("principal.responsible.is_legal_representative")
            .and_then(Value::as_bool)
            .map(|b| if b { "yes".into() } else { "no".into() })
    });
    if meta.is_some() || is_rep.is_none() {
        let rule = delegation_rule(cx);
        qs.push(
            Q::yes_no(
                "~resp.is_rep",
                R,
                bi(
                    format!("由{}本人担任主体负责人吗？", word.zh),
                    format!("Is the {} also the principal's responsible person?", word.en),
                ),
            )
            .help(bi(
                "主体负责人接收核验短信并在幕布前拍照；选“否”需另填一位负责人",
                "The responsible person receives the verification SMS and is photographed; No = enter another person",
            ))
            .before(rule)
            .default("yes")
            .consequences()
            .owns(vec![
                "principal.responsible.name".into(),
                "principal.responsible.document".into(),
                "principal.responsible.is_legal_representative".into(),
            ])
            .with(|t, _, a| {
                put(
                    t,
                    "principal.responsible.is_legal_representative",
                    Value::Boolean(*a == Ans::Bool(true)),
                )
            }),
        );
    }
    let Some(is_rep) = is_rep else { return qs };
    let same = is_rep == "yes";
    if same {
        // The representative is the responsible person: their document in full.
        person::identity_tail(cx, &rep, &mut qs);
    }
    qs.extend(person::questions(
        cx,
        &Who {
            path,
            step: R,
            identity: !same,
            ask_is_rep: false,
            contacts: true,
            brief: false,
            name: true,
            who: resp_who,
        },
        bi("负责人姓名", "Responsible person's name"),
    ));
    qs
}

/// What the province says about someone other than the legal representative being
/// responsible: not allowed (an error), allowed with a letter (a material), or allowed.
fn delegation_rule(cx: &Cx) -> Bi {
    let prov = cx.province().map(|p| (p.short, p.english)).unwrap_or(("", "the"));
    let mut t = cx.draft.clone();
    put(&mut t, "principal.responsible.is_legal_representative", Value::Boolean(true));
    let base = super::evaluate(cx.rules, &t);
    put(&mut t, "principal.responsible.is_legal_representative", Value::Boolean(false));
    put(&mut t, "principal.responsible.name", Value::String("-".into()));
    let other = super::evaluate(cx.rules, &t);
    let refusal = other.findings.iter().find(|f| {
        f.severity == crate::diag::Severity::Error
            && f.field.starts_with("principal.responsible")
            && !base.findings.iter().any(|b| b.rule == f.rule)
            && !matches!(cx.rules.get(&f.rule).map(|r| &r.check), Some(Check::Required { .. }))
    });
    if let Some(f) = refusal {
        return bi(
            format!("{}：主体负责人须由法定代表人担任（{}）。", prov.0, f.rule),
            format!("{}: the responsible person must be the legal representative ({}).", prov.1, f.rule),
        );
    }
    let letters: Vec<_> = other
        .checklist
        .iter()
        .filter(|c| !base.checklist.iter().any(|b| b.key() == c.key()))
        .collect();
    if let Some(c) = letters.first() {
        return bi(
            format!(
                "{}：可以由他人担任主体负责人，但需要{}。",
                prov.0,
                c.material().get(crate::diag::Lang::Zh)
            ),
            format!(
                "{}: someone else may be responsible, with {}.",
                prov.1,
                c.material().get(crate::diag::Lang::En)
            ),
        );
    }
    bi(
        format!("{}：可以由他人担任主体负责人。", prov.0),
        format!("{}: someone else may be the responsible person.", prov.1),
    )
}
