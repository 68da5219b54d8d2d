//! Document numbers, types and validity.

use super::*;

pub(super) fn run(check: &Check, cx: &Ctx, hits: &mut Vec<Hit>) {
    let d = cx.draft;
    match check {
        Check::DocumentNumber => {
            for (path, doc) in cx.documents() {
                if let (Some(t), Some(n)) = (doc.doc_type, doc.number.as_deref())
                    && let Some(p) = number_problem(t, n, cx.as_of)
                {
                    hits.push(
                        Hit::at(format!("{path}.number"))
                            .var_text("doctype", crate::labels::doc_text(t))
                            .var_text("detail", problem_text(&p)),
                    );
                }
            }
        }
        Check::DocumentNumberWarnings => {
            for (path, doc) in cx.documents() {
                if let (Some(t), Some(n)) = (doc.doc_type, doc.number.as_deref()) {
                    for p in number_warnings(t, n) {
                        hits.push(
                            Hit::at(format!("{path}.number"))
                                .var_text("doctype", crate::labels::doc_text(t))
                                .var_text("detail", problem_text(&p)),
                        );
                    }
                }
            }
        }
        Check::DocumentValidity {
            min_months,
            receipt_material,
            who,
        } => {
            let owned: Vec<(String, &Document)>;
            let docs: &[(String, &Document)] = if who.is_empty() {
                cx.documents()
            } else {
                owned = cx
                    .persons_in(who)
                    .map(|p| (format!("{}.document", p.path), &p.person.document))
                    .collect();
                &owned
            };
            for (path, doc) in docs {
                if let Some(Validity::Until(until)) = doc.valid_until {
                    let field = || format!("{path}.valid_until");
                    if until < cx.as_of {
                        hits.push(
                            Hit::at(field())
                                .var("date", fmt_date(until))
                                .var_text("state", Text::new("已过期", "has expired"))
                                .severity(Severity::Error),
                        );
                    } else if !cx.at_least_months_left(until, *min_months) {
                        let mut h = Hit::at(field()).var("date", fmt_date(until)).var_text(
                            "state",
                            Text::new(
                                format!("剩余有效期不足{min_months}个月"),
                                format!("has less than {min_months} months left"),
                            ),
                        );
                        if receipt_material.as_deref().is_some_and(|m| cx.has_material(m)) {
                            h = h.severity(Severity::Warning);
                        }
                        hits.push(h);
                    }
                }
            }
        }
        Check::DocumentTypeForbidden { types, who } => {
            for p in cx.persons_in(who) {
                let doc = &p.person.document;
                let forbidden_type = doc.doc_type.is_some_and(|t| types.iter().any(|x| x == t.id()));
                let temp_flag = doc.temporary == Some(true) && types.iter().any(|x| x == "temporary_id");
                if forbidden_type || temp_flag {
                    let t = if temp_flag {
                        DocType::TemporaryId
                    } else {
                        doc.doc_type.unwrap_or(DocType::Other)
                    };
                    let field = if temp_flag && !forbidden_type { "temporary" } else { "type" };
                    hits.push(Hit::at(format!("{}.document.{field}", p.path)).var_text("doctype", crate::labels::doc_text(t)));
                }
            }
        }
        Check::PrincipalDocumentType { allowed } => {
            if let (Some(k), Some(t)) = (cx.kind(), d.principal.document.doc_type)
                && let Some(list) = allowed.get(k.id())
                && !list.iter().any(|x| x == t.id())
            {
                let names: Vec<crate::diag::Text> = list.iter().filter_map(|x| DocType::parse(x)).map(crate::labels::doc_text).collect();
                hits.push(
                    Hit::at("principal.document.type")
                        .var_text("doctype", crate::labels::doc_text(t))
                        .var_text("kind", crate::labels::kind_text(k))
                        .var_text("allowed", crate::labels::list_text(&names)),
                );
            }
        }
        Check::UsccCategory => {
            if let (Some(k), Some(n)) = (cx.kind(), d.principal.document.number.as_deref())
                && d.principal.document.doc_type.is_some_and(|t| !t.is_personal())
                && let Ok(u) = uscc::parse(n)
            {
                let kinds = uscc::principal_kinds(&u);
                if !kinds.contains(&k.id()) && !kinds.contains(&"other") {
                    let expected: Vec<crate::diag::Text> = kinds
                        .iter()
                        .filter_map(|x| PrincipalKind::parse(x))
                        .map(crate::labels::kind_text)
                        .collect();
                    hits.push(
                        Hit::at("principal.kind")
                            .var_text("kind", crate::labels::kind_text(k))
                            .var_text("category", uscc::category_text(&u))
                            .var_text("expected", crate::labels::list_text(&expected)),
                    );
                }
            }
        }
        Check::IndividualSelf => {
            if cx.is_individual() {
                let (a, b) = (&d.principal.document, &d.principal.responsible.document);
                if let (Some(x), Some(y)) = (&a.number, &b.number)
                    && !x.eq_ignore_ascii_case(y)
                    && validators::normalise(x) != validators::normalise(y)
                {
                    hits.push(Hit::at("principal.responsible.document.number"));
                }
                if let (Some(x), Some(y)) = (&d.principal.name, &d.principal.responsible.name)
                    && x != y
                {
                    hits.push(Hit::at("principal.responsible.name"));
                }
            }
        }
        Check::OrganisationInProvince => {
            let Some(prov) = cx.province else { return };
            if cx.is_individual() {
                return;
            }
            // The certificate address decides. The credit code only records where the unit
            // was first registered (it never changes when a company moves), so it is
            // consulted only when the address names no province, and then only warns.
            let by_address = d.principal.address.as_deref().and_then(crate::province::from_address);
            if let Some(other) = by_address {
                if other.code != prov.code {
                    hits.push(
                        Hit::at("principal.address")
                            .var_text("found", place(other))
                            .var_text("province", place(prov)),
                    );
                }
            } else if let Some(n) = d.principal.document.number.as_deref()
                && d.principal.document.doc_type.is_some_and(|t| !t.is_personal())
                && let Ok(u) = uscc::parse(n)
                && let Ok(code) = u.region[..2].parse::<u8>()
                && code != prov.code
                && let Some(other) = crate::province::by_code(code)
            {
                // Region 10xxxx is a national-level registration: no province to compare.
                hits.push(
                    Hit::at("principal.document.number")
                        .var_text("found", place(other))
                        .var_text("province", place(prov))
                        .severity(Severity::Warning),
                );
            }
        }
        Check::TaiwanIdNumber => {
            for p in cx.persons() {
                let doc = &p.person.document;
                if doc.doc_type == Some(DocType::TaiwanPermit)
                    && let Some(n) = doc.number.as_deref()
                    && !permits::looks_like_taiwan_id(n)
                    && permits::taiwan_permit(n).is_ok()
                {
                    hits.push(Hit::at(format!("{}.document.number", p.path)));
                }
            }
        }
        _ => unreachable!("dispatched by Check::run"),
    }
}

/// The number's problem, with every date in it judged against `as_of` (the filing day).
fn number_problem(t: DocType, n: &str, as_of: NaiveDate) -> Option<Problem> {
    let born = |r: Result<resident_id::ResidentId, Problem>| match r {
        Ok(id) => resident_id::born_after(id.birth, as_of),
        Err(p) => Some(p),
    };
    match t {
        DocType::ResidentId | DocType::TemporaryId => born(resident_id::parse(n)),
        DocType::HkMacauPermit => permits::hk_macau_permit(n).err(),
        DocType::TaiwanPermit => {
            if permits::looks_like_taiwan_id(n) {
                permits::taiwan_id(n).err()
            } else {
                permits::taiwan_permit(n).err()
            }
        }
        DocType::HmtResidencePermit => born(permits::hmt_residence_permit(n)),
        DocType::Passport => {
            // Foreign passports have no common format: only reject what no passport looks like.
            let n = &validators::normalise(n);
            let ok = (5..=20).contains(&n.len()) && n.chars().all(|c| c.is_ascii_alphanumeric());
            (!ok).then(|| Problem {
                level: Level::Error,
                zh: "护照号码应为 5–20 位字母或数字".into(),
                en: "a passport number is 5–20 letters or digits".into(),
            })
        }
        DocType::ForeignPermanentResidentId => permits::foreign_permanent_resident_id(n).err(),
        DocType::BusinessLicense | DocType::PublicInstitutionCertificate | DocType::SocialGroupCertificate | DocType::GovernmentCode => {
            if let Some(kind) = uscc::legacy_kind(n) {
                let what = if kind == "orgcode" {
                    ("组织机构代码", "an organisation code")
                } else {
                    ("旧版工商注册号", "an old registration number")
                };
                return Some(Problem {
                    level: Level::Error,
                    zh: format!("这是{}，三证合一后须填写18位统一社会信用代码", what.0),
                    en: format!(
                        "this is {}; since the 2015 reform the 18-character unified social credit code is required",
                        what.1
                    ),
                });
            }
            uscc::parse(n).err()
        }
        DocType::Other => None,
    }
}

fn number_warnings(t: DocType, n: &str) -> Vec<Problem> {
    match t {
        DocType::ResidentId | DocType::TemporaryId => resident_id::parse(n).map(|id| resident_id::warnings(&id)).unwrap_or_default(),
        DocType::ForeignPermanentResidentId => permits::foreign_permanent_resident_id(n).unwrap_or_default(),
        DocType::BusinessLicense | DocType::PublicInstitutionCertificate | DocType::SocialGroupCertificate | DocType::GovernmentCode => {
            if uscc::parse(n).is_ok() {
                uscc::warnings(n)
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}
