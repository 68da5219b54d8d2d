//! Domains: counts, syntax, suffixes, real-name records, holders, dates.

use super::*;

pub(super) fn run(check: &Check, cx: &Ctx, hits: &mut Vec<Hit>) {
    let d = cx.draft;
    match check {
        Check::MaxDomains { max } => {
            // The domains this order adds (a new_service does not count filed sites' domains).
            let count = cx.domains_in_scope().count();
            if count > *max {
                hits.push(Hit::at("domain").var("count", count.to_string()).var("limit", max.to_string()));
            }
        }
        Check::MaxDomainsPerWebsite { max } => {
            for (i, w) in cx.websites_in_scope() {
                if w.domains.len() > *max {
                    hits.push(
                        Hit::at(format!("website.{i}.domains"))
                            .var("count", w.domains.len().to_string())
                            .var("limit", max.to_string()),
                    );
                }
            }
        }
        Check::MaxWebsites { max } => {
            let count = cx.websites_in_scope().count();
            if count > *max {
                hits.push(Hit::at("website").var("count", count.to_string()).var("limit", max.to_string()));
            }
        }
        Check::DomainSyntax => {
            for (i, dm) in cx.domains_in_scope() {
                if let Some(n) = &dm.name
                    && let Some(Err(e)) = cx.parsed_domain(i)
                {
                    hits.push(
                        Hit::at(format!("domain.{i}.name"))
                            .var("value", n.clone())
                            .var_text("detail", problem_text(e)),
                    );
                }
            }
        }
        Check::DomainRegistrable { allow_under } => {
            for i in (0..d.domains.len()).filter(|&i| cx.domain_in_scope(i)) {
                if let Some(p) = cx.domain(i)
                    && domain::is_subdomain(p)
                    && !department_domain(p, allow_under)
                {
                    hits.push(
                        Hit::at(format!("domain.{i}.name"))
                            .var("value", p.unicode.clone())
                            .var("registrable", domain::registrable(p)),
                    );
                }
            }
        }
        Check::DomainSuffixStatus { status } => {
            for i in (0..d.domains.len()).filter(|&i| cx.domain_in_scope(i)) {
                if let Some(p) = cx.domain(i) {
                    let st = domain::suffix_status(p);
                    let m = match st {
                        domain::SuffixStatus::NotApproved => status == "not_approved",
                        domain::SuffixStatus::Unknown => status == "unknown",
                        domain::SuffixStatus::Approved => false,
                    };
                    if m {
                        hits.push(
                            Hit::at(format!("domain.{i}.name"))
                                .var("suffix", domain::suffix(p))
                                .var("table_date", domain::suffix_table_date()),
                        );
                    }
                }
            }
        }
        Check::DomainSuffixIn { allowed, forbidden } => {
            for i in (0..d.domains.len()).filter(|&i| cx.domain_in_scope(i)) {
                if let Some(p) = cx.domain(i) {
                    let bad = (!allowed.is_empty() && !allowed.iter().any(|s| suffix_matches(p, s)))
                        || forbidden.iter().any(|s| suffix_matches(p, s));
                    if bad {
                        hits.push(
                            Hit::at(format!("domain.{i}.name"))
                                .var("suffix", domain::suffix(p))
                                .var("allowed", allowed.join(" "))
                                .var("forbidden", forbidden.join(" ")),
                        );
                    }
                }
            }
        }
        Check::DomainRealName => {
            for (i, dm) in cx.domains_in_scope() {
                if dm.real_name_verified == Some(false) {
                    hits.push(Hit::at(format!("domain.{i}.real_name_verified")).var("domain", dm.name.clone().unwrap_or_default()));
                }
            }
        }
        Check::DomainRealNameAge { min_days } => {
            for (i, dm) in cx.domains_in_scope() {
                if let Some(on) = dm.real_name_verified_on {
                    let days = (cx.as_of - on).num_days();
                    if days < *min_days {
                        hits.push(
                            Hit::at(format!("domain.{i}.real_name_verified_on"))
                                .var("days", days.max(0).to_string())
                                .var("limit", min_days.to_string()),
                        );
                    }
                }
            }
        }
        Check::DomainHolderName { allow_legal_rep } => {
            let principal = d.principal.name.as_deref();
            let rep = d
                .principal
                .responsible
                .name
                .as_deref()
                .filter(|_| *allow_legal_rep && d.principal.responsible.is_legal_representative == Some(true));
            for (i, dm) in cx.domains_in_scope() {
                if let (Some(h), Some(p)) = (dm.holder.as_deref(), principal) {
                    let norm = |s: &str| s.replace(['(', ')', '（', '）', ' '], "");
                    if norm(h) != norm(p) && rep.is_none_or(|r| norm(r) != norm(h)) {
                        hits.push(Hit::at(format!("domain.{i}.holder")).var("holder", h).var("principal", p));
                    }
                }
            }
        }
        Check::DomainHolderDocument { allow_legal_rep } => {
            let pdoc = &d.principal.document;
            let rdoc = &d.principal.responsible.document;
            let rep_ok = *allow_legal_rep && d.principal.responsible.is_legal_representative == Some(true);
            for (i, dm) in cx.domains_in_scope() {
                if let (Some(h), Some(p)) = (dm.holder_document_number.as_deref(), pdoc.number.as_deref()) {
                    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b) || validators::normalise(a) == validators::normalise(b);
                    // The legal representative's ID is accepted only for a domain the
                    // representative holds: one held by the organisation is verified with its
                    // own certificate.
                    let held_by_rep = d.principal.responsible.name.is_some() && dm.holder == d.principal.responsible.name;
                    let matches_rep = rep_ok && held_by_rep && rdoc.number.as_deref().is_some_and(|r| same(r, h));
                    if !same(h, p) && !matches_rep {
                        hits.push(Hit::at(format!("domain.{i}.holder_document_number")));
                        continue;
                    }
                    if !matches_rep
                        && let (Some(ht), Some(pt)) = (dm.holder_document_type, pdoc.doc_type)
                        && ht != pt
                    {
                        hits.push(Hit::at(format!("domain.{i}.holder_document_type")));
                    }
                }
            }
        }
        Check::DomainExpiry { min_months } => {
            for (i, dm) in cx.domains_in_scope() {
                if let Some(e) = dm.expires_on {
                    let hit = if *min_months == 0 {
                        e < cx.as_of
                    } else {
                        e >= cx.as_of && !cx.at_least_months_left(e, *min_months)
                    };
                    if hit {
                        hits.push(
                            Hit::at(format!("domain.{i}.expires_on"))
                                .var("date", fmt_date(e))
                                .var("limit", min_months.to_string()),
                        );
                    }
                }
            }
        }
        Check::DomainRegisteredBeforeFiling => {
            for (i, dm) in cx.domains_in_scope() {
                if let Some(r) = dm.registered_on
                    && r > cx.as_of
                {
                    hits.push(
                        Hit::at(format!("domain.{i}.registered_on"))
                            .var("date", fmt_date(r))
                            .var("as_of", fmt_date(cx.as_of)),
                    );
                }
            }
        }
        Check::DomainOverseasRegistrar { registrars } => {
            for (i, dm) in cx.domains_in_scope() {
                if let Some(r) = &dm.registrar
                    && let Some(hit) = first_containing_ignore_case(r, registrars)
                {
                    hits.push(Hit::at(format!("domain.{i}.registrar")).var("registrar", hit.clone()));
                }
            }
        }
        Check::DomainUnused => {
            for (i, dm) in cx.domains_in_scope() {
                if let Some(n) = &dm.name {
                    let used = cx.is_used_domain(n, same_domain);
                    if !used && (!d.websites.is_empty() || !d.apps.is_empty()) {
                        hits.push(Hit::at(format!("domain.{i}.name")).var("domain", n.clone()));
                    }
                }
            }
        }
        _ => unreachable!("dispatched by Check::run"),
    }
}
