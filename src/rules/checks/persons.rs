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
        Check::ResidencePermitValidity { min_months, who } => {
            for p in cx.persons_in(who) {
                if let Some(until) = p.person.residence_permit.as_ref().and_then(|rp| rp.valid_until)
                    && !cx.at_least_months_left(until, *min_months)
                {
                    hits.push(
                        Hit::at(format!("{}.residence_permit.valid_until", p.path))
                            .var("date", fmt_date(until))
                            .var("limit", min_months.to_string()),
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
                hits.push(
                    Hit::at("principal.responsible.document.type")
                        .var_text("doctype", r.document.doc_type.map(crate::labels::doc_text).unwrap_or_default()),
                );
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
                        && crate::rules::words::first_in(a, markers).is_none()
                    {
                        hits.push(Hit::at(path).var("value", a.clone()));
                    }
                }
            }
        }
        Check::AddressSameCity { fields } => {
            let Some(root) = d.root.as_ref() else { return };
            let value = |f: &str| -> Vec<(String, String)> {
                let parts: Vec<&str> = f.split('.').collect();
                get_path(root, &parts)
                    .into_iter()
                    .filter_map(|(path, node)| match node {
                        Some(Node { val: Val::Str(a), .. }) => Some((path, a.clone())),
                        _ => None,
                    })
                    .collect()
            };
            let Some((first, rest)) = fields.split_first() else { return };
            let Some((_, reference)) = value(first).into_iter().next() else {
                return;
            };
            let Some(city) = city_of(&reference) else { return };
            for f in rest {
                for (path, a) in value(f) {
                    if let Some(other) = city_of(&a)
                        && other != city
                    {
                        hits.push(Hit::at(path).var("city", other).var("reference_city", city));
                    }
                }
            }
        }
        _ => unreachable!("dispatched by Check::run"),
    }
}

/// Birth date and sex, from a resident ID (or an HMT residence permit, same layout). A birth
/// after `as_of` gives nothing: the number's own rule reports it, and an age of "0" would only
/// add a second, wrong finding.
fn birth_of(doc: &Document, as_of: NaiveDate) -> Option<resident_id::ResidentId> {
    let n = doc.number.as_deref()?;
    let id = match doc.doc_type? {
        DocType::ResidentId | DocType::TemporaryId => resident_id::parse(n).ok(),
        DocType::HmtResidencePermit => permits::hmt_residence_permit(n).ok(),
        _ => None,
    }?;
    (id.birth <= as_of).then_some(id)
}

/// The city (地级) an address names: after an optional province (广东省, 广西壮族自治区, or a
/// short name alone), the shortest part ending in 市, 州, 地区 or 盟; the four municipalities
/// are their own city. `None` when no city can be read.
pub(super) fn city_of(addr: &str) -> Option<&str> {
    let a = addr.trim();
    for (m, city) in [("北京", "北京市"), ("天津", "天津市"), ("上海", "上海市"), ("重庆", "重庆市")] {
        if a.starts_with(m) {
            return Some(city);
        }
    }
    let mut rest = a;
    if let Some(p) = crate::province::PROVINCES.iter().find(|p| a.starts_with(p.full)) {
        rest = &a[p.full.len()..];
    } else if let Some(p) = crate::province::PROVINCES.iter().find(|p| a.starts_with(p.short)) {
        rest = &a[p.short.len()..];
        // "广西壮族自治区" with the short name "广西": drop what is left of the full name.
        for tail in ["省", "壮族自治区", "回族自治区", "维吾尔自治区", "自治区"] {
            if let Some(r) = rest.strip_prefix(tail) {
                rest = r;
                break;
            }
        }
    }
    let mut end = ["市", "州", "地区", "盟"]
        .iter()
        .filter_map(|m| rest.find(m).map(|i| i + m.len()))
        .filter(|&e| e > 3)
        .min()?;
    // 郑州市, 杭州市: the 州 is part of the name.
    if rest[end..].starts_with('市') {
        end += '市'.len_utf8();
    }
    Some(&rest[..end])
}

#[cfg(test)]
mod city_tests {
    use super::city_of;

    #[test]
    fn cities() {
        for (addr, city) in [
            ("广东省深圳市南山区科技园路1号", Some("深圳市")),
            ("深圳市南山区", Some("深圳市")),
            ("广东深圳南山区", None),
            ("北京市东城区示例大街1号", Some("北京市")),
            ("北京东城区", Some("北京市")),
            ("河南省郑州市金水区", Some("郑州市")),
            ("郑州市金水区", Some("郑州市")),
            ("贵州省贵阳市南明区", Some("贵阳市")),
            ("贵州贵阳市南明区", Some("贵阳市")),
            ("贵州省黔东南苗族侗族自治州凯里市", Some("黔东南苗族侗族自治州")),
            ("内蒙古自治区兴安盟乌兰浩特市", Some("兴安盟")),
            ("新疆维吾尔自治区乌鲁木齐市天山区", Some("乌鲁木齐市")),
            ("广西壮族自治区南宁市青秀区", Some("南宁市")),
            ("河北省石家庄市长安区", Some("石家庄市")),
            ("河北省廊坊市广阳区", Some("廊坊市")),
            ("", None),
        ] {
            assert_eq!(city_of(addr), city, "{addr}");
        }
    }
}
