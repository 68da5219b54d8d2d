//! Every rule has a failing and a passing fixture: `tests/fixtures/rules/<CODE>.toml`.
//! A fixture names a clean base draft (`tests/fixtures/base/<base>.toml`) and, for `[fail]`
//! and `[pass]`, the keys to set or remove (or a whole `raw` text). The failing variant must
//! produce a finding with the rule's code, the passing one must not.
//!
//! ```toml
//! base = "enterprise"            # enterprise | individual | government | …
//! [fail]
//! set = { "principal.province" = "山西", "domain.0.name" = "www.example.com" }
//! remove = ["principal.responsible.contact.email"]
//! field = "domain.0.name"        # optional: the finding must point here
//! [pass]
//! set = { "principal.province" = "山西" }
//! ```
//!
//! A variant may instead name a file under `tests/fixtures/` (`file = "io/gbk.toml"`),
//! checked as `beian check` reads it from disk (for read errors such as DRAFT-IO).
//! A cross-draft rule (CROSS-*) needs several drafts: `drafts = [ {…}, {…} ]` in `[fail]` and
//! `[pass]`, each item a variant as above with an optional `base` of its own; they are checked
//! together through `beian::batch`.
//! An `app inspect` rule (APP-INSPECT-*) names files under `tests/fixtures/app`:
//! `inspect = ["app/v1v2.apk"]`, compared with the variant's draft (`draft = false`: none),
//! with `storepass` (default `beian-test`) for keystores.

use beian::commands::check::check_source;
use beian::draft::edit;
use std::path::{Path, PathBuf};
use toml::{Table, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn build(base: &str, variant: &Table) -> Result<String, String> {
    if let Some(raw) = variant.get("raw").and_then(Value::as_str) {
        return Ok(raw.to_string());
    }
    let path = root().join("base").join(format!("{base}.toml"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut t: Table = text.parse().map_err(|e| format!("{}: {e}", path.display()))?;
    if let Some(list) = variant.get("remove").and_then(Value::as_array) {
        for k in list.iter().filter_map(Value::as_str) {
            if !edit::remove(&mut t, k) {
                return Err(format!("remove: `{k}` is not in base {base}"));
            }
        }
    }
    if let Some(set) = variant.get("set").and_then(Value::as_table) {
        for (k, v) in set {
            edit::set(&mut t, k, v.clone())?;
        }
    }
    let mut out = toml::to_string(&t).map_err(|e| e.to_string())?;
    if let Some(extra) = variant.get("append").and_then(Value::as_str) {
        out.push('\n');
        out.push_str(extra);
    }
    Ok(out)
}

/// A cross-draft variant: `drafts = [ {base = "individual", set = {...}}, {...} ]`. Each item
/// is built like a single variant (its own `base`, else the fixture's), written to a scratch
/// folder and checked through the batch API; the findings are the drafts' and the
/// cross-draft ones.
fn run_drafts(code: &str, base: &str, which: &str, drafts: &[Value]) -> Result<(Vec<String>, String), String> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("rule_fixtures")
        .join(format!("{code}.{which}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let mut files = Vec::new();
    for (k, item) in drafts.iter().enumerate() {
        let item = item.as_table().ok_or("each of `drafts` is a table")?;
        let b = item.get("base").and_then(Value::as_str).unwrap_or(base);
        let path = dir.join(format!("{k}.toml"));
        std::fs::write(&path, build(b, item)?).map_err(|e| e.to_string())?;
        files.push(path);
    }
    let mut sink = beian::batch::Collect::default();
    let opts = beian::commands::check::CheckOptions::default();
    beian::batch::run(beian::rules::rules(), &files, &opts, &Default::default(), &mut sink).map_err(|e| e.to_string())?;
    let findings = sink
        .reports
        .iter()
        .flat_map(|r| r.findings.iter())
        .chain(sink.cross.iter().map(|c| &c.finding));
    let (mut fields, mut all) = (Vec::new(), Vec::new());
    for f in findings {
        if f.rule == code {
            fields.push(f.field.clone());
        }
        all.push(format!("{}@{}", f.rule, f.field));
    }
    Ok((fields, all.join(", ")))
}

/// Runs one variant and returns the findings for `code` (and all findings, for messages).
fn run(code: &str, fixture: &Table, which: &str, dir: &Path) -> Result<(Vec<String>, String), String> {
    let base = fixture.get("base").and_then(Value::as_str).unwrap_or("enterprise");
    let variant = fixture.get(which).and_then(Value::as_table).ok_or(format!("no [{which}]"))?;
    if let Some(drafts) = variant.get("drafts").and_then(Value::as_array) {
        return run_drafts(code, base, which, drafts);
    }
    if let Some(files) = variant.get("inspect").and_then(Value::as_array) {
        return run_inspect(code, base, variant, files);
    }
    let rules = beian::rules::rules();
    let r = if let Some(file) = variant.get("file").and_then(Value::as_str) {
        beian::commands::check::check_file(rules, &root().join(file), &Default::default())
    } else {
        let src = build(base, variant)?;
        check_source(rules, &format!("{code}.{which}"), &src, None, Some(dir))
    };
    let mut r = r;
    if fixture.get("require_materials").and_then(Value::as_bool) == Some(true) {
        beian::commands::check::require_materials(rules, &mut r);
    }
    let fields: Vec<String> = r.findings.iter().filter(|f| f.rule == code).map(|f| f.field.clone()).collect();
    let all = r
        .findings
        .iter()
        .map(|f| format!("{}@{}", f.rule, f.field))
        .collect::<Vec<_>>()
        .join(", ");
    Ok((fields, all))
}

/// An `app inspect` variant: the files against the variant's draft, through the command's API.
fn run_inspect(code: &str, base: &str, variant: &Table, files: &[Value]) -> Result<(Vec<String>, String), String> {
    let scratch = tempfile::tempdir().map_err(|e| e.to_string())?;
    let draft = if variant.get("draft").and_then(Value::as_bool) == Some(false) {
        None
    } else {
        let path = scratch.path().join("draft.toml");
        std::fs::write(&path, build(base, variant)?).map_err(|e| e.to_string())?;
        Some(path)
    };
    let args = beian::cli::InspectArgs {
        files: files.iter().filter_map(Value::as_str).map(|f| root().join(f)).collect(),
        format: beian::cli::InspectFormat::Json,
        alias: None,
        storepass_env: None,
        draft,
        app: None,
        platform: None,
        write: false,
        as_of: None,
    };
    let pass = variant.get("storepass").and_then(Value::as_str).unwrap_or("beian-test");
    let mut pw = beian::app::FixedPassword(pass.to_string());
    let o = beian::commands::app_cmd::run(beian::rules::rules(), &args, beian::diag::Lang::En, &mut pw, &mut Vec::new())
        .map_err(|e| format!("{e:#}"))?;
    let fields = o.findings.iter().filter(|f| f.rule == code).map(|f| f.field.clone()).collect();
    let all = o
        .findings
        .iter()
        .map(|f| format!("{}@{}", f.rule, f.field))
        .collect::<Vec<_>>()
        .join(", ");
    Ok((fields, all))
}

#[test]
fn every_rule_has_a_failing_and_a_passing_fixture() {
    let rules = beian::rules::rules();
    let dir = root().join("rules");
    let mut missing = Vec::new();
    let mut failures = Vec::new();
    let mut checked = 0;
    for rule in &rules.rules {
        let path = dir.join(format!("{}.toml", rule.code));
        let Ok(text) = std::fs::read_to_string(&path) else {
            missing.push(rule.code.clone());
            continue;
        };
        let fixture: Table = match text.parse() {
            Ok(t) => t,
            Err(e) => {
                failures.push(format!("{}: fixture does not parse: {e}", rule.code));
                continue;
            }
        };
        match run(&rule.code, &fixture, "fail", &dir) {
            Ok((fields, all)) => {
                if fields.is_empty() {
                    failures.push(format!("{}: [fail] raised no {} finding (got: {all})", rule.code, rule.code));
                } else if let Some(want) = fixture.get("fail").and_then(|f| f.get("field")).and_then(Value::as_str)
                    && !fields.iter().any(|f| f == want)
                {
                    failures.push(format!("{}: [fail] finding points at {fields:?}, expected {want}", rule.code));
                }
            }
            Err(e) => failures.push(format!("{}: [fail] {e}", rule.code)),
        }
        match run(&rule.code, &fixture, "pass", &dir) {
            Ok((fields, all)) => {
                if !fields.is_empty() {
                    failures.push(format!("{}: [pass] still raised it at {fields:?} (all: {all})", rule.code));
                }
            }
            Err(e) => failures.push(format!("{}: [pass] {e}", rule.code)),
        }
        checked += 1;
    }
    // Fixtures for codes that no longer exist are stale.
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().trim_end_matches(".toml").to_string();
        if rules.get(&name).is_none() {
            failures.push(format!("{name}: fixture for a rule that does not exist"));
        }
    }
    eprintln!("{checked} rule fixtures checked");
    assert!(
        missing.is_empty() && failures.is_empty(),
        "missing fixtures: {missing:?}\nfailures:\n{}",
        failures.join("\n")
    );
}

#[test]
fn base_drafts_are_clean() {
    let rules = beian::rules::rules();
    for e in std::fs::read_dir(root().join("base")).unwrap().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        let r = check_source(rules, &e.path().display().to_string(), &text, None, None);
        let noisy: Vec<String> = r
            .findings
            .iter()
            .filter(|f| f.severity != beian::diag::Severity::Info)
            .map(|f| format!("{} {}: {}", f.rule, f.field, f.message.zh))
            .collect();
        assert!(noisy.is_empty(), "{}: {noisy:#?}", e.path().display());
    }
}
