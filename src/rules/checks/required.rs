//! Required keys and the account and its resource.

use super::*;

pub(super) fn run(check: &Check, cx: &Ctx, hits: &mut Vec<Hit>) {
    let d = cx.draft;
    match check {
        Check::Builtin => {}
        Check::Required { fields, tree } => {
            let Some(root) = d.root.as_ref() else { return };
            let tree = tree.get_or_init(|| PathTree::new(fields));
            let mut trail = Vec::with_capacity(8);
            {
                // The concrete path is only spelt out for a missing value (most are there).
                visit_tree(tree, Some(root), &mut trail, &mut |trail, node| {
                    let empty = match node {
                        None => true,
                        Some(Node { val: Val::Str(s), .. }) => s.trim().is_empty(),
                        Some(Node { val: Val::Arr(a), .. }) => a.is_empty(),
                        _ => false,
                    };
                    if !empty {
                        return;
                    }
                    // A new_service's filed websites, APPs and their domains are context only.
                    if let [Seg::Key(list), Seg::Index(i), ..] = trail {
                        let in_scope = match *list {
                            "domain" => cx.domain_in_scope(*i),
                            "website" => cx.website_in_scope(*i),
                            "app" => cx.app_in_scope(*i),
                            _ => true,
                        };
                        if !in_scope {
                            return;
                        }
                    }
                    let path = trail_path(trail);
                    // Individuals give their document once (see the reader).
                    let derived = cx.is_individual()
                        && path.starts_with("principal.responsible.")
                        && (path.starts_with("principal.responsible.document") || path == "principal.responsible.name");
                    if !derived {
                        hits.push(Hit::at(path.clone()).var("key", path));
                    }
                });
            }
        }
        Check::HasDomains => {
            if d.domains.is_empty() && !d.websites.is_empty() {
                hits.push(Hit::at("domain"));
            }
        }
        Check::AccountRealName => {
            if d.account.real_name_verified == Some(false) {
                hits.push(Hit::at("account.real_name_verified"));
            }
        }
        Check::ResourceRegion { non_mainland } => {
            if let Some(r) = &d.account.resource.region
                && first_containing_ignore_case(r, non_mainland).is_some()
            {
                hits.push(Hit::at("account.resource.region").var("value", r.clone()));
            }
        }
        Check::ResourceMinMonths { min } => {
            if let Some(m) = d.account.resource.purchased_months
                && m < *min
            {
                hits.push(
                    Hit::at("account.resource.purchased_months")
                        .var("value", m.to_string())
                        .var("limit", min.to_string()),
                );
            }
        }
        Check::ResourceFilingsMax { max, kinds } => {
            let r = &d.account.resource;
            let kind_ok = kinds.is_empty() || r.kind.as_deref().is_some_and(|k| kinds.iter().any(|x| x == k));
            if let Some(used) = r.filings_used
                && kind_ok
                && used >= *max
            {
                hits.push(
                    Hit::at("account.resource.filings_used")
                        .var("value", used.to_string())
                        .var("limit", max.to_string()),
                );
            }
        }
        _ => unreachable!("dispatched by Check::run"),
    }
}
