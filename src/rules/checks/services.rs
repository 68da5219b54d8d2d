//! Websites (and, where a kind takes `of = "app"`, APPs): names, listed domains, service
//! content, pre-approvals, remarks. The APP-only kinds are in `apps.rs`.

use super::*;

pub(super) fn run(check: &Check, cx: &Ctx, hits: &mut Vec<Hit>) {
    let d = cx.draft;
    match check {
        Check::ServiceDomainsListed => {
            let mut check = |base: String, names: &[String]| {
                for (j, n) in names.iter().enumerate() {
                    if !cx.is_draft_domain(n, same_domain) {
                        hits.push(Hit::at(format!("{base}.domains.{j}")).var("domain", n.clone()));
                    }
                }
            };
            for (i, w) in cx.websites_in_scope() {
                check(format!("website.{i}"), &w.domains);
            }
            for (i, a) in cx.apps_in_scope() {
                check(format!("app.{i}"), &a.domains);
            }
        }
        Check::HomeUrlOnDomain => {
            for (i, w) in cx.websites_in_scope() {
                if let Some(u) = &w.home_url {
                    let host = u.trim().trim_start_matches("http://").trim_start_matches("https://");
                    let host = host.split(['/', ':', '?', '#']).next().unwrap_or("");
                    // The usual case, `www.<domain>` or the domain itself, needs no IDNA.
                    let plain = w.domains.iter().any(|dn| {
                        host.eq_ignore_ascii_case(dn)
                            || (host.len() > dn.len() + 1
                                && host.is_char_boundary(host.len() - dn.len() - 1)
                                && host[host.len() - dn.len() - 1..].starts_with('.')
                                && host[host.len() - dn.len()..].eq_ignore_ascii_case(dn))
                    });
                    let ok = plain
                        || match domain_of(host) {
                            Some(h) => w
                                .domains
                                .iter()
                                .filter_map(|x| domain_of(x))
                                .any(|dn| h.ascii == dn.ascii || h.ascii.ends_with(&format!(".{}", dn.ascii))),
                            None => false,
                        };
                    if !ok && !w.domains.is_empty() {
                        hits.push(Hit::at(format!("website.{i}.home_url")).var("value", u.clone()));
                    }
                }
            }
        }
        Check::WebsiteNameMinChars { min } => {
            for (i, w) in cx.websites_in_scope() {
                if let Some(n) = &w.name
                    && name_chars(n) < *min
                {
                    hits.push(
                        Hit::at(format!("website.{i}.name"))
                            .var("name", n.clone())
                            .var("limit", min.to_string()),
                    );
                }
            }
        }
        Check::WebsiteNameNotAscii => {
            for (i, w) in cx.websites_in_scope() {
                if let Some(n) = &w.name
                    && n.is_ascii()
                {
                    hits.push(Hit::at(format!("website.{i}.name")).var("name", n.clone()));
                }
            }
        }
        Check::WebsiteNameNotDomain => {
            for (i, w) in cx.websites_in_scope() {
                if let Some(n) = &w.name
                    && name_is_domain(n, cx)
                {
                    hits.push(Hit::at(format!("website.{i}.name")).var("name", n.clone()));
                }
            }
        }
        Check::WebsiteNameIsPrincipal => {
            let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            if let Some(p) = d.principal.name.as_deref().map(squash).filter(|p| !p.is_empty()) {
                for (i, w) in cx.websites_in_scope() {
                    if let Some(n) = &w.name
                        && squash(n) == p
                    {
                        hits.push(Hit::at(format!("website.{i}.name")).var("name", n.clone()));
                    }
                }
            }
        }
        Check::WebsiteNameSymbols { of } => {
            for w in services(cx, *of) {
                // A domain or URL as the name is SITE-NAME-DOMAIN's finding; its dots are not
                // a second mistake. Emoji are not alphanumeric: they are symbols here too.
                if let Some(n) = w.name
                    && let Some(c) = n.chars().find(|c| !(c.is_alphanumeric() || *c == ' ' || *c == '·' || *c == '-'))
                    && !name_is_domain(n, cx)
                {
                    hits.push(Hit::at(format!("{}.name", w.base)).var("name", n).var("symbol", c.to_string()));
                }
            }
        }
        Check::WebsiteNameWords {
            of,
            words,
            prefix,
            allow_own_name,
        } => {
            let own = d.principal.name.as_deref().filter(|_| *allow_own_name).unwrap_or("");
            for w in services(cx, *of) {
                let Some(n) = w.name else { continue };
                let chars = crate::rules::words::Chars::of(n);
                if let Some(word) = words.iter().find(|x| {
                    let used = if *prefix { n.starts_with(x.as_str()) } else { chars.contains(n, x) };
                    used && !own.contains(x.as_str())
                }) {
                    hits.push(Hit::at(format!("{}.name", w.base)).var("name", n).var("word", word.clone()));
                }
            }
        }
        Check::NameKeywords { words, unless } => {
            // None = the principal's name, Some(i) = website i's.
            let names = std::iter::once((None, &d.principal.name)).chain(cx.websites_in_scope().map(|(i, w)| (Some(i), &w.name)));
            for (at, n) in names {
                let Some(n) = n else { continue };
                // The allowed phrases are cut out first (copying only when one occurs).
                let mut rest = std::borrow::Cow::Borrowed(n.as_str());
                let mut chars = crate::rules::words::Chars::of(n);
                for u in unless {
                    if chars.contains(&rest, u) {
                        rest = rest.replace(u.as_str(), "、").into();
                        chars = crate::rules::words::Chars::of(&rest);
                    }
                }
                if let Some(word) = words.iter().find(|x| chars.contains(&rest, x)) {
                    let covered = d.websites.iter().any(|w| !w.preapproval.is_empty());
                    if !covered {
                        let field = at.map_or_else(|| "principal.name".to_string(), |i| format!("website.{i}.name"));
                        hits.push(Hit::at(field).var("name", n.as_str()).var("word", word.clone()));
                    }
                }
            }
        }
        Check::ServiceContentForbidden { values } => {
            for (i, w) in cx.websites_in_scope() {
                for s in has_service(w, values) {
                    let j = w.service_content.iter().position(|x| *x == s).unwrap_or(0);
                    hits.push(Hit::at(format!("website.{i}.service_content.{j}")).var("value", s));
                }
            }
        }
        Check::ServiceContentOnly { values } => {
            for (i, w) in cx.websites_in_scope() {
                for (j, s) in w.service_content.iter().enumerate() {
                    if !values.contains(s) {
                        hits.push(
                            Hit::at(format!("website.{i}.service_content.{j}"))
                                .var("value", s.clone())
                                .var("allowed", values.join(", ")),
                        );
                    }
                }
            }
        }
        Check::PreapprovalRequired { services: needing, of } => {
            for w in services(cx, *of) {
                let need = w.service_content.iter().filter(|s| needing.contains(s));
                for s in need {
                    let covered = w.preapproval.iter().any(|p| p.kind.as_deref() == Some(s.as_str()));
                    if !covered {
                        let zh = SERVICE_CONTENT.iter().find(|(id, _)| *id == s).map(|(_, z)| *z).unwrap_or("");
                        hits.push(
                            Hit::at(format!("{}.preapproval", w.base))
                                .var("service", s.clone())
                                .var("service_zh", zh),
                        );
                    }
                }
            }
        }
        Check::PreapprovalValid { of } => {
            for w in services(cx, *of) {
                for (j, p) in w.preapproval.iter().enumerate() {
                    if let Some(Validity::Until(u)) = p.valid_until
                        && u < cx.as_of
                    {
                        hits.push(Hit::at(format!("{}.preapproval.{j}.valid_until", w.base)).var("date", fmt_date(u)));
                    }
                }
            }
        }
        Check::RemarkMinChars { min } => {
            for (i, w) in cx.websites_in_scope() {
                let n = w.remark.as_deref().map(name_chars).unwrap_or(0);
                if n < *min {
                    hits.push(
                        Hit::at(format!("website.{i}.remark"))
                            .var("count", n.to_string())
                            .var("limit", min.to_string()),
                    );
                }
            }
        }
        _ => unreachable!("dispatched by Check::run"),
    }
}
