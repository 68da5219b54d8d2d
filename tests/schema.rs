//! The draft's JSON Schema (`beian schema`, committed as `schema/draft.schema.json`): a valid
//! 2020-12 schema; every example draft and clean fixture validates against it; drafts with a
//! wrong type, an unknown key or a value outside a closed list do not, and `beian check` raises
//! the matching finding for each; Taplo, the editors' TOML language server, agrees on the
//! examples. Freshness of the committed copy is checked in tests/generated.rs.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "support/tools.rs"]
mod tools;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_beian")).arg("schema").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("beian schema prints JSON")
}

/// A draft as the JSON a schema validator sees: TOML dates become their RFC 3339 strings, as
/// editors' TOML tooling presents them.
fn to_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => Value::from(*f),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect()),
    }
}

fn draft_json(src: &str, what: &str) -> Value {
    let t: toml::Table = toml::from_str(src).unwrap_or_else(|e| panic!("{what}: not TOML: {e}"));
    to_json(&toml::Value::Table(t))
}

fn tomls_in(dir: &str) -> Vec<PathBuf> {
    let dir = root().join(dir);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    out.sort();
    out
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

#[test]
fn the_schema_is_a_valid_2020_12_schema() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    jsonschema::draft202012::meta::validate(&s).unwrap_or_else(|e| panic!("not a valid 2020-12 schema: {e}"));
    // Every key of the format is in it, down to the nested tables.
    for path in beian::draft::keys::known_paths() {
        let mut node = &s;
        for part in path.split('.') {
            if part == "*" {
                node = &node["items"];
            } else {
                node = &node["properties"][part];
            }
            if let Some(r) = node["$ref"].as_str().or_else(|| node["anyOf"][1]["$ref"].as_str()) {
                let name = r.trim_start_matches("#/$defs/");
                node = &s["$defs"][name];
            }
        }
        assert!(!node.is_null(), "{path} is not in the schema");
    }
}

#[test]
fn examples_and_clean_fixtures_validate() {
    let v = jsonschema::draft202012::new(&schema()).unwrap();
    let mut files = tomls_in("examples/drafts");
    assert!(files.len() >= 3, "the README's example drafts");
    files.extend(tomls_in("tests/fixtures/clean"));
    files.extend(tomls_in("tests/fixtures/base"));
    for f in files {
        let d = draft_json(&read(&f), &f.display().to_string());
        let errors: Vec<String> = v.iter_errors(&d).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{} does not validate:\n{}", f.display(), errors.join("\n"));
    }
}

/// Each edit makes the 广东 example wrong in one way; the schema must refuse it, and
/// `beian check` must raise `code` for it (the schema and the reader agree).
const BROKEN: &[(&str, &str, &str)] = &[
    ("format = 1", "format = \"1\"", "DRAFT-TYPE"),
    ("format = 1", "format = 2", "DRAFT-FORMAT"),
    ("filing_date = 2026-12-15", "filing_date = 20261215", "DRAFT-TYPE"),
    (
        "real_name_verified = true\nfiling_type",
        "real_name_verified = \"yes\"\nfiling_type",
        "DRAFT-TYPE",
    ),
    ("purchased_months = 12", "purchased_months = \"12\"", "DRAFT-TYPE"),
    ("kind = \"enterprise\"", "kind = \"company\"", "DRAFT-UNKNOWN-VALUE"),
    ("filing_type = \"first\"", "filing_type = \"initial\"", "DRAFT-UNKNOWN-VALUE"),
    ("province = \"广东\"", "province = \"Canton\"", "DRAFT-UNKNOWN-VALUE"),
    ("valid_until = \"长期\"", "valid_until = \"forever\"", "DRAFT-TYPE"),
    ("valid_until = 2034-03-20", "valid_until = true", "DRAFT-TYPE"),
    ("mailing_address =", "mailing_adress =", "DRAFT-UNKNOWN-KEY"),
    ("domains = [\"qinghe-soft.cn\"]", "domains = 5", "DRAFT-TYPE"),
    ("responsible = \"principal\"", "responsible = \"self\"", "DRAFT-TYPE"),
    ("principal_document = ", "principal_documents = ", "DRAFT-UNKNOWN-KEY"),
    (
        "principal_document = \"scans/business-license.jpg\"",
        "principal_document = 1",
        "DRAFT-TYPE",
    ),
    ("[[domain]]", "[domain]", "DRAFT-TYPE"),
];

#[test]
fn wrong_types_unknown_keys_and_values_do_not_validate() {
    let v = jsonschema::draft202012::new(&schema()).unwrap();
    let example = root().join("examples/drafts/guangdong-enterprise.toml");
    let src = read(&example);
    assert!(v.is_valid(&draft_json(&src, "example")));
    let dir = tempfile::tempdir().unwrap();
    for (from, to, code) in BROKEN {
        assert!(src.contains(from), "the example has no {from:?}");
        let bad = src.replacen(from, to, 1);
        assert!(!v.is_valid(&draft_json(&bad, to)), "the schema accepts {to:?}");
        let file = dir.path().join("bad.toml");
        std::fs::write(&file, &bad).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_beian"))
            .args(["check", "--format", "json"])
            .arg(&file)
            .env("BEIAN_LANG", "en")
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let rules: Vec<&str> = report["drafts"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["rule"].as_str())
            .collect();
        assert!(rules.contains(code), "{to:?}: beian check raised {rules:?}, not {code}");
    }
}

#[test]
fn taplo_checks_the_examples_against_the_committed_schema() {
    let Some(taplo) = tools::require_tool_via("taplo", "npm package @taplo/cli") else {
        return;
    };
    let run = |args: &[&str], files: &[PathBuf]| {
        let o = Command::new(&taplo)
            .arg("check")
            .args(args)
            .args(files)
            .current_dir(root())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", taplo.display()));
        let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        (o.status.success(), text)
    };
    // The examples name the schema in their first line (`#:schema`, relative to the file) …
    let examples = tomls_in("examples/drafts");
    let (ok, text) = run(&["--no-auto-config"], &examples);
    assert!(ok, "taplo check (the #:schema line) failed:\n{text}");
    // … and taplo.toml maps the example and clean-fixture folders to it.
    let mut files = examples.clone();
    files.extend(tomls_in("tests/fixtures/clean"));
    let (ok, text) = run(&[], &files);
    assert!(ok, "taplo check (taplo.toml) failed:\n{text}");
    assert!(text.contains("taplo.toml"), "taplo did not load taplo.toml:\n{text}");

    // Taplo really applies the schema: a copy with a wrong type fails.
    let src = read(&root().join("examples/drafts/guangdong-enterprise.toml"));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("wrong-type.toml");
    let schema = root().join("schema/draft.schema.json");
    let bad_src = src
        .replacen(
            "#:schema ../../schema/draft.schema.json",
            &format!("#:schema {}", schema.display()),
            1,
        )
        .replacen("purchased_months = 12", "purchased_months = \"12\"", 1);
    std::fs::write(&bad, bad_src).unwrap();
    let (ok, text) = run(&["--no-auto-config"], std::slice::from_ref(&bad));
    assert!(!ok, "taplo accepted a string for purchased_months:\n{text}");
    assert!(text.contains("integer"), "{text}");
}
