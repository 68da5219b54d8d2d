//! Drafts written from the sources alone (the draft format's "Filing types and existing filings",
//! the providers' guides, the seed), one or more per filing type and per contradiction, in
//! tests/fixtures/types/. Each file's header says what the sources expect in a line
//! `# expect: clean` or `# expect: RULE@field[>type] …`: the exact set of errors, and for a
//! contradiction the filing type the message must name in both languages.

use beian::commands::check::check_source;
use beian::diag::Severity;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn drafts() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/types");
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

fn expected(name: &str, src: &str) -> Vec<(String, Option<String>)> {
    let line = src
        .lines()
        .find_map(|l| l.strip_prefix("# expect: "))
        .unwrap_or_else(|| panic!("{name}: no `# expect:` line"));
    if line.trim() == "clean" {
        return Vec::new();
    }
    line.split_whitespace()
        .map(|e| match e.split_once('>') {
            Some((f, ty)) => (f.to_string(), Some(ty.to_string())),
            None => (e.to_string(), None),
        })
        .collect()
}

#[test]
fn source_derived_drafts_meet_exactly_the_errors_the_sources_expect() {
    let all = drafts();
    assert!(all.len() >= 20, "only {} drafts", all.len());
    let mut failures = Vec::new();
    for (name, src) in &all {
        let want = expected(name, src);
        let r = check_source(beian::rules::rules(), name, src, None, None);
        let errors: Vec<_> = r.findings.iter().filter(|f| f.severity == Severity::Error).collect();
        let got: BTreeSet<String> = errors.iter().map(|f| format!("{}@{}", f.rule, f.field)).collect();
        let want_set: BTreeSet<String> = want.iter().map(|(f, _)| f.clone()).collect();
        if got != want_set {
            failures.push(format!("{name}: expected {want_set:?}, got {got:?}"));
            continue;
        }
        for (key, ty) in &want {
            let Some(ty) = ty else { continue };
            let f = errors.iter().find(|f| &format!("{}@{}", f.rule, f.field) == key).unwrap();
            for text in [&f.message.en, &f.message.zh] {
                if !text.contains(ty.as_str()) {
                    failures.push(format!("{name}: {key} does not name {ty}: {text}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_type_and_cancel_scope_has_a_clean_source_derived_draft() {
    let mut seen = BTreeSet::new();
    for (name, src) in drafts() {
        if !expected(&name, &src).is_empty() {
            continue;
        }
        let t: toml::Table = src.parse().unwrap();
        let acct = t["account"].as_table().unwrap();
        let ty = acct["filing_type"].as_str().unwrap().to_string();
        let scope = acct
            .get("cancel_scope")
            .and_then(|v| v.as_str())
            .map(|s| format!("/{s}"))
            .unwrap_or_default();
        seen.insert(format!("{ty}{scope}"));
    }
    for want in [
        "first",
        "new_service",
        "new_access",
        "change",
        "cancel/principal",
        "cancel/service",
        "cancel/access",
        "transfer",
    ] {
        assert!(seen.contains(want), "no clean draft of {want}: {seen:?}");
    }
}

/// Two folders of a consultant's book: a change and a new_service open for one principal, and
/// one principal number under two principals. Each draft alone is clean; the batch names both.
#[test]
fn batch_folders_give_exactly_their_cross_draft_error() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/types/batch");
    for (dir, rule, path, other) in [
        ("open-order", "CROSS-OPEN-ORDER", "./b-new-service.toml", "./a-change.toml"),
        (
            "shared-number",
            "CROSS-FILING-NUMBER",
            "./b-individual-change.toml",
            "./a-cancel-access.toml",
        ),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_beian"))
            .args(["--lang", "en", "check", ".", "--format", "json", "--as-of", "2026-12-01"])
            .current_dir(root.join(dir))
            .env("BEIAN_CONFIG_DIR", root.join(dir))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{dir}: {}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for d in v["drafts"].as_array().unwrap() {
            assert_eq!(d["findings"].as_array().unwrap().len(), 0, "{dir}: each draft alone is clean: {d}");
        }
        let cross: Vec<_> = v["cross_draft"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["rule"].as_str().unwrap(),
                    c["path"].as_str().unwrap(),
                    c["other_path"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(cross, vec![(rule, path, other)], "{dir}");
    }
}

/// The after-approval notes follow the type: a cancel or a transfer opens no site, so it gets
/// no footer snippet and no public-security deadline; a first filing still does.
#[test]
fn bundle_notes_follow_the_filing_type() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/types");
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("filing-type-drafts-bundle");
    for (draft, heading, police) in [
        ("cancel_principal_hn", "After the cancellation", false),
        ("cancel_access_gd", "empty shell", false),
        ("transfer_sx", "no provider or bureau review", false),
        ("change_zj_enterprise_with_app", "does not change the numbers", false),
        ("first_gd_enterprise", "Replace the blank", true),
    ] {
        let out_dir = tmp.join(draft);
        let _ = std::fs::remove_dir_all(&out_dir);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_beian"))
            .args(["--lang", "en", "bundle"])
            .arg(dir.join(format!("{draft}.toml")))
            .arg("--out")
            .arg(&out_dir)
            .env("BEIAN_CONFIG_DIR", &tmp)
            .output()
            .unwrap();
        assert!(out.status.success(), "{draft}: {}", String::from_utf8_lossy(&out.stderr));
        let notes = std::fs::read_to_string(out_dir.join("after-approval.md")).unwrap();
        assert!(notes.contains(heading), "{draft}: {notes}");
        assert_eq!(notes.contains("beian.mps.gov.cn"), police, "{draft}: {notes}");
    }
}
