//! The JSON Schema (2020-12) of a draft, generated from the key table (`keys.rs`) and the
//! checklist's `[materials]` keys: `beian schema` prints it, `schema/draft.schema.json` is the
//! committed copy that editors (Taplo / Even Better TOML) load.
//!
//! It describes the shape the reader takes without a type error or an unknown-key warning:
//! closed lists are enums of every accepted spelling (ids, Chinese names, aliases; the reader
//! also takes ids in any ASCII case, the schema only as written), open lists accept any string
//! (an unknown one is only a warning) and name the known values for completion. Required keys
//! are left to `beian check`, which says what is missing and why.

use super::keys::{self, Group, Key, Ty, Vals};
use super::model::{Choice, LONG_TERM, SAME_AS_PRINCIPAL};
use crate::province::PROVINCES;
use serde_json::{Map, Value, json};

/// The schema as pretty-printed JSON with a final newline.
pub fn draft_schema_json() -> String {
    let mut s = serde_json::to_string_pretty(&draft_schema()).expect("a JSON value always serialises");
    s.push('\n');
    s
}

pub fn draft_schema() -> Value {
    let mut defs = Map::new();
    for g in keys::GROUPS.iter().filter(|g| g.id != keys::TOP.id) {
        defs.insert(g.id.to_string(), object(g));
    }
    defs.insert("date".into(), date());
    let Value::Object(mut root) = object(&keys::TOP) else {
        unreachable!("object() builds an object")
    };
    root.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
    root.insert("title".into(), json!("beian filing draft (备案草稿)"));
    root.insert(
        "description".into(),
        json!("一份备案订单的草稿，见 docs/draft-format.md — one filing order, see docs/draft-format.md"),
    );
    root.insert("$defs".into(), Value::Object(defs));
    Value::Object(root)
}

fn describe(key: &Key) -> String {
    format!("{} — {}", key.zh, key.en)
}

fn object(g: &Group) -> Value {
    let mut props = Map::new();
    for key in g.keys {
        let mut v = value(key);
        if let Value::Object(m) = &mut v {
            m.insert("description".into(), json!(describe(key)));
        }
        props.insert(key.name.to_string(), v);
    }
    json!({
        "type": "object",
        "title": format!("{} ({})", g.en, g.zh),
        "properties": props,
        "additionalProperties": false,
    })
}

fn reference(g: &Group) -> Value {
    json!({ "$ref": format!("#/$defs/{}", g.id) })
}

fn date() -> Value {
    // A TOML date reaches a validator as an RFC 3339 date string; the reader takes a quoted
    // "YYYY-MM-DD" as well.
    json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
}

fn value(key: &Key) -> Value {
    match key.ty {
        Ty::Int => match key.vals {
            Vals::Ints(v) => json!({ "type": "integer", "enum": v }),
            _ => json!({ "type": "integer" }),
        },
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::Str => string(key.vals),
        Ty::Date => json!({ "$ref": "#/$defs/date" }),
        Ty::Validity => json!({ "anyOf": [{ "$ref": "#/$defs/date" }, { "enum": LONG_TERM }] }),
        Ty::StrList => {
            let item = string(key.vals);
            json!({ "anyOf": [{ "type": "array", "items": item }, item] })
        }
        Ty::Table(g) => reference(g),
        Ty::Tables(g) => json!({ "type": "array", "items": reference(g) }),
        Ty::Responsible(g) => json!({ "anyOf": [{ "enum": SAME_AS_PRINCIPAL }, reference(g)] }),
        Ty::Materials => materials(),
    }
}

/// Every spelling of a choice the reader accepts.
fn spellings(choices: &[Choice], zh: bool) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for c in choices {
        let mut add = |s: &'static str| {
            if !out.contains(&s) {
                out.push(s)
            }
        };
        add(c.id);
        if zh {
            add(c.zh);
            c.aliases.iter().for_each(|a| add(a));
        }
    }
    out
}

fn string(vals: Vals) -> Value {
    match vals {
        Vals::Closed(c) => json!({ "type": "string", "enum": spellings(c, true) }),
        Vals::Open { choices, zh_accepted } => json!({
            "anyOf": [
                { "type": "string", "enum": spellings(choices, zh_accepted) },
                { "type": "string" }
            ]
        }),
        Vals::Province => {
            let mut names: Vec<String> = Vec::new();
            for p in PROVINCES.iter() {
                for s in [
                    p.short.to_string(),
                    p.full.to_string(),
                    p.code.to_string(),
                    format!("{}0000", p.code),
                    p.pinyin.to_string(),
                    p.english.to_string(),
                    p.abbr.to_string(),
                ] {
                    if !names.contains(&s) {
                        names.push(s);
                    }
                }
            }
            json!({ "type": "string", "enum": names })
        }
        Vals::Any | Vals::Ints(_) => json!({ "type": "string" }),
    }
}

fn materials() -> Value {
    let mut props = Map::new();
    for key in crate::rules::material_keys() {
        let names: Vec<String> = crate::rules::rules()
            .materials
            .iter()
            .filter(|(_, m)| m.key == *key)
            .map(|(_, m)| m.name.zh.clone())
            .fold(Vec::new(), |mut v, n| {
                if !v.contains(&n) {
                    v.push(n);
                }
                v
            });
        props.insert(
            key.to_string(),
            json!({ "type": "string", "description": format!("文件路径（相对于草稿）：{}", names.join("；")) }),
        );
    }
    json!({ "type": "object", "properties": props, "additionalProperties": false })
}
