//! Ages, residence, legal representatives and who may be responsible.

use super::*;

pub(super) fn run(check: &Check, cx: &Ctx, hits: &mut Vec<Hit>) {
    let d = cx.draft;
    match check {
        Check::MinAge { min, who, waiver_material } => {
            for p in cx.persons_in(who) {
                if let Some(id) = birth_of(&p.person.document, cx.as_of) {
                    let age = resident_id::age_on(id.birth, cx.as_of);
                    if age < *min {
                        let mut h = Hit::at(format!("{}.document.number", p.path))
                            .var("age", age.to_string())
                            .var("limit", min.to_string());
                        if waiver_material.as_deref().is_some_and(|m| cx.has_material(m)) {
                            h = h.severity(Severity::Warning);
                        }
                        hits.push(h);
                    }
                }
            }
        }
        Check::MaxAge { male, female, who } => {
            for p in cx.persons_in(who) {
                if let Some(id) = birth_of(&p.person.document, cx.as_of) {
                    let age = resident_id::age_on(id.birth, cx.as_of);
                    let limit = if id.male { *male } else { *female };
                    if age >= limit {
                        hits.push(
                            Hit::at(format!("{}.document.number", p.path))
                                .var("age", age.to_string())
                                .var("limit", limit.to_string()),
                        );
                    }
                }
            }
        }
        Check::OutOfProvince {
            residence_permit,
            social_security_months,
            property_material,
            who,
        } => {
            let Some(prov) = cx.province else { return };
            for p in cx.persons_in(who) {
                let doc = &p.person.document;
                if !matches!(doc.doc_type, Some(DocType::ResidentId)) {
                    continue;
                }
                let Some(id) = doc.number.as_deref().and_then(|n| resident_id::parse(n).ok()) else {
                    continue;
                };
                if id.province == prov.code {
                    continue;
                }
                let permit_ok = *residence_permit
                    && p.person
                        .residence_permit
                        .as_ref()
                        .is_some_and(|rp| rp.province.is_some_and(|x| x.code == prov.code) && rp.valid_until.is_none_or(|u| u >= cx.as_of));
                let ss_ok = social_security_months.is_some_and(|m| p.person.social_security_months.unwrap_or(0) >= m);
                let prop_ok = property_material.as_deref().is_some_and(|m| cx.has_material(m));
                if !(permit_ok || ss_ok || prop_ok) {
                    let home = crate::province::by_code(id.province).map(place).unwrap_or_else(|| Text::same("?"));
                    hits.push(
                        Hit::at(format!("{}.document.number", p.path))
                            .var_text("home", home)
                            .var_text("province", place(prov))
                            .var("months", social_security_months.map(|m| m.to_string()).unwrap_or_default()),
                    );
                }
            }
        }
        Check::LegalRepresentative => {
            // A foreign / HK / Macau / Taiwan legal representative must delegate: the
            // province's foreign-representative rule and its authorisation letter apply.
            let delegated_abroad = d
                .principal
                .legal_representative
                .as_ref()
                .and_then(|l| l.document.doc_type)
                .is_some_and(|t| t.is_non_mainland());
            if !cx.is_individual() && d.principal.responsible.is_legal_representative == Some(false) && !delegated_abroad {
                hits.push(Hit::at("principal.responsible.is_legal_representative"));
            }
        }
        Check::ForeignLegalRepresentative => {
            let r = &d.principal.responsible;
            if !cx.is_individual() && r.is_legal_representative != Some(false) && r.document.doc_type.is_some_and(|t| t.is_non_mainland()) {
                hits.push(Hit::at("principal.responsible.document.type").var("doctype", r.document.doc_type.map(|t| t.zh()).unwrap_or("")));
            }
        }
        Check::WebsiteResponsibleNotLegalRep => {
            if cx.is_individual() {
                return;
            }
            for (path, p) in cx.service_responsibles() {
                if cx.is_legal_rep(p) == Some(false) {
                    hits.push(Hit::at(path).var("name", p.name.clone().unwrap_or_default()));
                }
            }
        }
        Check::SameResponsibleWhenDelegated => {
            let pr = &d.principal.responsible;
            if !cx.is_individual() && pr.is_legal_representative == Some(false) {
                for (path, p) in cx.service_responsibles() {
                    if !Ctx::same_person(p, pr) {
                        hits.push(Hit::at(path));
                    }
                }
            }
        }
        Check::SingleWebsiteResponsible => {
            let all = cx.website_responsibles();
            if let Some((_, _, first)) = all.first() {
                for (_, path, p) in all.iter().skip(1) {
                    if !Ctx::same_person(p, first) {
                        hits.push(Hit::at(path.clone()));
                    }
                }
            }
        }
        Check::IndividualAddress => {
            if cx.is_individual()
                && let (Some(a), Some(b)) = (&d.principal.address, &d.principal.responsible.document.address)
                && a.replace(' ', "") != b.replace(' ', "")
            {
                hits.push(Hit::at("principal.address"));
            }
        }
        Check::AddressDetail { fields, markers } => {
            let Some(root) = d.root.as_ref() else { return };
            for f in fields {
                let parts: Vec<&str> = f.split('.').collect();
                for (path, node) in get_path(root, &parts) {
                    if let Some(Node { val: Val::Str(a), .. }) = node
                        && !a.trim().is_empty()
                        && !markers.iter().any(|m| a.contains(m.as_str()))
                    {
                        hits.push(Hit::at(path).var("value", a.clone()));
                    }
                }
            }
        }
        _ => unreachable!("dispatched by Check::run"),
    }
}
