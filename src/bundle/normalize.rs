//! `draft.toml` in the bundle: the draft with every vocabulary value in its canonical form
//! (principal kind, document types and filing type as ids, the province as its short
//! Chinese name) and `[materials]` paths resolved against the original draft's folder, so
//! `beian check bundle/draft.toml` finds the same files. Unknown keys are kept (the check
//! report warns about them).

use crate::draft::{CancelScope, DocType, FilingType, PrincipalKind};
use crate::province;
use std::path::Path;
use toml::{Table, Value};

fn map_str(t: &mut Table, key: &str, f: impl Fn(&str) -> Option<String>) {
    if let Some(Value::String(s)) = t.get(key)
        && let Some(new) = f(s)
    {
        t.insert(key.to_string(), Value::String(new));
    }
}

fn doc_type(s: &str) -> Option<String> {
    DocType::parse(s).map(|t| t.id().to_string())
}

fn province_name(s: &str) -> Option<String> {
    province::resolve(s).map(|p| p.short.to_string())
}

fn person(p: &mut Table) {
    if let Some(Value::Table(d)) = p.get_mut("document") {
        map_str(d, "type", doc_type);
    }
    if let Some(Value::Table(r)) = p.get_mut("residence_permit") {
        map_str(r, "province", province_name);
    }
}

fn each_table(v: Option<&mut Value>, mut f: impl FnMut(&mut Table)) {
    if let Some(Value::Array(items)) = v {
        for item in items {
            if let Value::Table(t) = item {
                f(t);
            }
        }
    }
}

/// The normalised text, or `None` when the source is not a TOML table (the bundle then keeps
/// the source as it is).
pub fn normalise(src: &str, base: Option<&Path>, header: &str) -> Option<String> {
    let mut root: Table = src.parse().ok()?;
    if let Some(Value::Table(a)) = root.get_mut("account") {
        map_str(a, "filing_type", |s| FilingType::parse(s).map(|f| f.id().to_string()));
        map_str(a, "cancel_scope", |s| CancelScope::parse(s).map(|c| c.id().to_string()));
    }
    if let Some(Value::Table(p)) = root.get_mut("principal") {
        map_str(p, "kind", |s| PrincipalKind::parse(s).map(|k| k.id().to_string()));
        map_str(p, "province", province_name);
        if let Some(Value::Table(d)) = p.get_mut("document") {
            map_str(d, "type", doc_type);
        }
        if let Some(Value::Table(r)) = p.get_mut("responsible") {
            person(r);
        }
    }
    each_table(root.get_mut("domain"), |d| map_str(d, "holder_document_type", doc_type));
    for list in ["website", "app"] {
        each_table(root.get_mut(list), |w| {
            if let Some(Value::Table(r)) = w.get_mut("responsible") {
                person(r);
            }
        });
    }
    if let (Some(base), Some(Value::Table(m))) = (base, root.get_mut("materials")) {
        for (_, v) in m.iter_mut() {
            if let Value::String(s) = v
                && Path::new(s.as_str()).is_relative()
            {
                let abs = std::path::absolute(base.join(&*s)).unwrap_or_else(|_| base.join(&*s));
                *s = abs.to_string_lossy().into_owned();
            }
        }
    }
    let body = toml::to_string(&root).ok()?;
    Some(format!("{header}{body}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn canonical_values() {
        let src = "format = 1\n[account]\nfiling_type = \"首次备案\"\n[principal]\nkind = \"公司\"\nprovince = \"44\"\n\
                   [principal.document]\ntype = \"统一社会信用代码\"\n[principal.responsible.document]\ntype = \"身份证\"\n\
                   [[domain]]\nholder_document_type = \"营业执照\"\n[materials]\na = \"scans/a.jpg\"\n";
        let out = super::normalise(src, Some(std::path::Path::new("/drafts")), "# h\n").unwrap();
        for want in [
            "filing_type = \"first\"",
            "kind = \"enterprise\"",
            "province = \"广东\"",
            "type = \"business_license\"",
            "type = \"resident_id\"",
            "holder_document_type = \"business_license\"",
            "a = \"/drafts/scans/a.jpg\"",
        ] {
            assert!(out.contains(want), "{want} missing in:\n{out}");
        }
        assert!(out.starts_with("# h\n"));
        assert!(super::normalise("not toml [", None, "").is_none());
    }
}
