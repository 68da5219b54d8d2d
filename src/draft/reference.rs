//! `docs/draft-format.md`: the hand-written prose of `draft-format.md.in` with its lists
//! filled in from the code's own tables (the key table, the value lists, the provinces, the
//! checklist's `[materials]` keys), so the reference cannot drift from what the reader does.
//! tests/generated.rs fails when the committed file is stale.

use super::keys::{self, Group, Key, Ty, Vals};
use super::model::{Choice, LONG_TERM, SAME_AS_PRINCIPAL};
use crate::province::PROVINCES;
use std::fmt::Write;

const TEMPLATE: &str = include_str!("draft-format.md.in");

/// The document, ready to be written to `docs/draft-format.md`.
pub fn draft_format_md() -> String {
    let mut out = String::new();
    for line in TEMPLATE.lines() {
        match line.trim() {
            "{{keys}}" => keys_section(&mut out),
            "{{values}}" => values_section(&mut out),
            "{{provinces}}" => provinces(&mut out),
            "{{materials}}" => materials(&mut out),
            "{{extensions}}" => extensions(&mut out),
            _ => {
                let line = line
                    .replace("{{long_term}}", &code_list(LONG_TERM))
                    .replace("{{same_as_principal}}", &code_list(SAME_AS_PRINCIPAL));
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}

fn code_list(items: &[&str]) -> String {
    items.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
}

/// Where each group appears in a draft: `principal.document`, `website.N.responsible`, …
fn places(target: &Group) -> Vec<String> {
    fn walk(g: &Group, prefix: &str, target: &Group, out: &mut Vec<String>) {
        for k in g.keys {
            let path = if prefix.is_empty() {
                k.name.to_string()
            } else {
                format!("{prefix}.{}", k.name)
            };
            match k.ty {
                Ty::Table(sub) | Ty::Responsible(sub) => {
                    if std::ptr::eq(sub, target) {
                        out.push(path.clone());
                    }
                    walk(sub, &path, target, out);
                }
                Ty::Tables(sub) => {
                    if std::ptr::eq(sub, target) {
                        out.push(format!("{path}.N"));
                    }
                    walk(sub, &format!("{path}.N"), target, out);
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&keys::TOP, "", target, &mut out);
    out
}

fn type_name(k: &Key) -> String {
    match k.ty {
        Ty::Int => "integer".into(),
        Ty::Bool => "boolean".into(),
        Ty::Str => "string".into(),
        Ty::Date => "date".into(),
        Ty::Validity => "date or `\"long-term\"`".into(),
        Ty::StrList => "array of strings".into(),
        Ty::Table(g) => format!("table ({})", link(g)),
        Ty::Tables(g) => format!("array of tables ({})", link(g)),
        Ty::Responsible(g) => format!("`\"principal\"` or table ({})", link(g)),
        Ty::Materials => "table of strings (see [Materials](#materials))".into(),
    }
}

fn anchor(g: &Group) -> String {
    format!("#keys-{}", g.id.replace(['.', '_'], "-"))
}

fn link(g: &Group) -> String {
    format!("[{}]({})", g.en, anchor(g))
}

fn values_note(k: &Key) -> String {
    match k.vals {
        Vals::Any => String::new(),
        Vals::Closed(_) => format!("closed list, see [values]({})", values_anchor(k)),
        Vals::Open { .. } => format!("open list, see [values]({})", values_anchor(k)),
        Vals::Province => "a province, see [provinces](#provinces)".into(),
        Vals::Ints(v) => v.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", "),
    }
}

/// The anchor of the values table of `k`'s list: named after the first key (in the docs'
/// order) that uses the list, so keys sharing a list link to one table.
fn values_anchor(k: &Key) -> String {
    let list = |k: &Key| match k.vals {
        Vals::Closed(c) | Vals::Open { choices: c, .. } => Some(c as *const [Choice]),
        _ => None,
    };
    let mine = list(k);
    for g in keys::GROUPS {
        for other in g.keys {
            if mine.is_some() && list(other).is_some_and(|p| mine.is_some_and(|m| std::ptr::addr_eq(p, m))) {
                return format!("#values-{}-{}", g.id, other.name).replace(['.', '_'], "-");
            }
        }
    }
    format!("#values-{}", k.name).replace('_', "-")
}

fn keys_section(out: &mut String) {
    for g in keys::GROUPS {
        let where_ = if std::ptr::eq(*g, &keys::TOP) {
            "the file itself".to_string()
        } else {
            places(g).iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ")
        };
        let _ = writeln!(out, "<a id=\"{}\"></a>\n", &anchor(g)[1..]);
        let _ = writeln!(out, "### Keys: {} ({})\n", g.id, g.zh);
        let _ = writeln!(out, "{} — in {where_}.\n", g.en);
        let _ = writeln!(out, "| key | type | 中文 | meaning | values |");
        let _ = writeln!(out, "|---|---|---|---|---|");
        for k in g.keys {
            let ext = if k.ext { " *(extension)*" } else { "" };
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {}{ext} | {} |",
                k.name,
                type_name(k),
                k.zh,
                k.en.replace('|', "\\|"),
                values_note(k)
            );
        }
        out.push('\n');
    }
}

fn values_section(out: &mut String) {
    // A list used by several keys (document types) is described once, naming every key.
    let mut seen: Vec<*const [Choice]> = Vec::new();
    for g in keys::GROUPS {
        for k in g.keys {
            let (choices, closed, zh_ok) = match k.vals {
                Vals::Closed(c) => (c, true, true),
                Vals::Open { choices, zh_accepted } => (choices, false, zh_accepted),
                _ => continue,
            };
            let ptr = choices as *const [Choice];
            if seen.iter().any(|p| std::ptr::addr_eq(*p, ptr)) {
                continue;
            }
            seen.push(ptr);
            let users: Vec<String> = users_of(choices).iter().map(|p| format!("`{p}`")).collect();
            let _ = writeln!(out, "<a id=\"{}\"></a>\n", &values_anchor(k)[1..]);
            let _ = writeln!(out, "### Values: {} ({})\n", k.name, k.zh);
            let rule = if closed {
                "Closed list: any other value is an error (`DRAFT-UNKNOWN-VALUE`). Ids match in any letter case; the Chinese name and the other spellings are accepted as written."
            } else if zh_ok {
                "Open list: another value is a warning (`DRAFT-UNKNOWN-OPTION`) naming these. The Chinese name is accepted too and stored as the id."
            } else {
                "Open list: another value is a warning (`DRAFT-UNKNOWN-OPTION`) naming these. Write the id; the Chinese name only explains it."
            };
            let _ = writeln!(out, "Used by {}. {rule}\n", users.join(", "));
            let _ = writeln!(out, "| value | 中文 | other spellings accepted |");
            let _ = writeln!(out, "|---|---|---|");
            for c in choices {
                let also = c.aliases.iter().map(|x| format!("`{x}`")).collect::<Vec<_>>().join(", ");
                let _ = writeln!(out, "| `{}` | {} | {also} |", c.id, c.zh);
            }
            out.push('\n');
        }
    }
}

/// Every key path whose values come from `choices`.
fn users_of(choices: &'static [Choice]) -> Vec<String> {
    fn walk(g: &Group, prefix: &str, target: *const [Choice], out: &mut Vec<String>) {
        for k in g.keys {
            let path = if prefix.is_empty() {
                k.name.to_string()
            } else {
                format!("{prefix}.{}", k.name)
            };
            match (k.ty, k.vals) {
                (Ty::Table(sub) | Ty::Responsible(sub), _) => walk(sub, &path, target, out),
                (Ty::Tables(sub), _) => walk(sub, &format!("{path}.N"), target, out),
                (_, Vals::Closed(c) | Vals::Open { choices: c, .. }) if std::ptr::addr_eq(c as *const [Choice], target) => out.push(path),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&keys::TOP, "", choices as *const [Choice], &mut out);
    // The same document table sits under several people: name each place once.
    out.dedup();
    out
}

fn provinces(out: &mut String) {
    let _ = writeln!(out, "| code | 简称 | 全称 | pinyin | English | 备案号简称 |");
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    for p in PROVINCES.iter() {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | `{}` | {} | {} |",
            p.code, p.short, p.full, p.pinyin, p.english, p.abbr
        );
    }
}

fn materials(out: &mut String) {
    let rules = crate::rules::rules();
    let _ = writeln!(out, "| key | material (中文) | material | where |");
    let _ = writeln!(out, "|---|---|---|---|");
    for key in crate::rules::material_keys() {
        // One row per distinct material a key stands for: the national entry, then the
        // provinces that ask for a material of their own under the same key.
        let mut rows: Vec<(&str, &str, Vec<String>)> = Vec::new();
        for (prov, m) in rules.materials.iter().filter(|(_, m)| m.key == *key) {
            let place = match prov {
                None => "national".to_string(),
                Some(code) => crate::province::by_code(*code).map_or(code.to_string(), |p| p.short.to_string()),
            };
            match rows.iter_mut().find(|(zh, _, _)| *zh == m.name.zh) {
                Some(row) => row.2.push(place),
                None => rows.push((&m.name.zh, &m.name.en, vec![place])),
            }
        }
        for (i, (zh, en, places)) in rows.iter().enumerate() {
            let k = if i == 0 { format!("`{key}`") } else { String::new() };
            let _ = writeln!(out, "| {k} | {zh} | {en} | {} |", places.join(", "));
        }
    }
}

fn extensions(out: &mut String) {
    let mut found = false;
    fn walk(g: &Group, prefix: &str, out: &mut String, found: &mut bool) {
        for k in g.keys {
            let path = if prefix.is_empty() {
                k.name.to_string()
            } else {
                format!("{prefix}.{}", k.name)
            };
            if k.ext {
                *found = true;
                let _ = writeln!(out, "- `{path}` ({}): {}", k.zh, k.en);
            }
            match k.ty {
                Ty::Table(sub) => walk(sub, &path, out, found),
                Ty::Tables(sub) => walk(sub, &format!("{path}.N"), out, found),
                _ => {}
            }
        }
    }
    walk(&keys::TOP, "", out, &mut found);
    if !found {
        out.push_str("- (none)\n");
    }
}
