//! `bundle --force` never loses the user's files and never leaves the target without a
//! complete bundle, however the run ends (issue 15, items 5 and 6).

use std::path::{Path, PathBuf};
use std::process::Command;

fn draft_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundle/enterprise-shanxi.toml")
}

fn beian(cfg: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_beian"));
    for k in [
        "BEIAN_FORMAT",
        "BEIAN_TEST_FAIL_AFTER_FILES",
        "BEIAN_TEST_ABORT_AT",
        "BEIAN_TEST_SWAP",
        "LANG",
        "LC_ALL",
    ] {
        c.env_remove(k);
    }
    c.env("BEIAN_LANG", "zh").env("BEIAN_CONFIG_DIR", cfg);
    c
}

fn bundle(cfg: &Path, out: &Path, extra: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut c = beian(cfg);
    c.arg("bundle").arg(draft_path()).arg("--out").arg(out).args(extra);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

/// Every file the marker lists is there with the listed size: a complete bundle.
fn assert_complete(out: &Path, context: &str) {
    let marker = std::fs::read_to_string(out.join(".beian-bundle")).unwrap_or_else(|e| panic!("{context}: no marker: {e}"));
    let mut n = 0;
    for line in marker.lines().skip(1) {
        let mut parts = line.splitn(3, ' ');
        let (_, size, rel) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
        let meta = std::fs::metadata(out.join(rel)).unwrap_or_else(|e| panic!("{context}: {rel} missing: {e}"));
        assert_eq!(meta.len().to_string(), size, "{context}: {rel}");
        n += 1;
    }
    assert!(n >= 5, "{context}: marker lists {n} files");
}

/// `bundle` wrote the bundle (1: it did, and the draft still has errors).
fn wrote(o: &std::process::Output) -> bool {
    matches!(o.status.code(), Some(0 | 1))
}

fn hidden(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

#[test]
fn force_refuses_when_the_user_added_or_changed_files() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = tempfile::tempdir().unwrap();
    let out = tmp.path().join("b");
    assert!(wrote(&bundle(cfg.path(), &out, &[], &[])));
    std::fs::write(out.join("letters/signed-scan.jpg"), b"\xff\xd8\xffscan").unwrap();
    std::fs::write(out.join("notes.md"), "call the bureau").unwrap();
    let o = bundle(cfg.path(), &out, &["--force", "--as-of", "2027-01-05"], &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("letters/signed-scan.jpg") && err.contains("notes.md"), "{err}");
    assert_eq!(std::fs::read_to_string(out.join("notes.md")).unwrap(), "call the bureau");
    assert!(out.join("letters/signed-scan.jpg").is_file());

    // An edited file beian wrote is the user's work too.
    std::fs::remove_file(out.join("letters/signed-scan.jpg")).unwrap();
    std::fs::remove_file(out.join("notes.md")).unwrap();
    std::fs::write(out.join("checklist.md"), "my own notes").unwrap();
    let o = bundle(cfg.path(), &out, &["--force"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("checklist.md"));
    assert_eq!(std::fs::read_to_string(out.join("checklist.md")).unwrap(), "my own notes");

    // An untouched bundle is replaced.
    std::fs::remove_file(out.join("checklist.md")).unwrap();
    assert!(wrote(&bundle(cfg.path(), &out, &["--force"], &[])));
    assert_complete(&out, "after --force");
}

#[test]
fn a_killed_force_at_every_step_leaves_a_complete_bundle() {
    let cfg = tempfile::tempdir().unwrap();
    let mut points: Vec<String> = (0..8).map(|i| format!("file-{i}")).collect();
    points.extend(["staged", "swapped", "deleting", "aside"].map(String::from));
    for swap in ["exchange", "rename"] {
        for point in &points {
            let tmp = tempfile::tempdir().unwrap();
            let out = tmp.path().join("b");
            assert!(wrote(&bundle(cfg.path(), &out, &[], &[])));
            let context = format!("{swap} killed at {point}");
            let o = bundle(
                cfg.path(),
                &out,
                &["--force", "--as-of", "2027-01-05"],
                &[("BEIAN_TEST_ABORT_AT", point), ("BEIAN_TEST_SWAP", swap)],
            );
            // An abort ends the process by a signal: no exit code.
            let reached = o.status.code().is_none();
            if point == "aside" && swap == "exchange" {
                assert!(!reached, "{context}: the exchange never moves the old bundle aside");
                assert_complete(&out, &context);
                continue;
            }
            assert!(reached, "{context}: the abort point was never reached");
            // Right after the kill: the target is a complete bundle (old or new), except in
            // the rename fallback killed between its two renames, which the next run repairs.
            if !(swap == "rename" && point == "aside") {
                assert_complete(&out, &context);
            }
            // The next run repairs, cleans up the leftovers (they hold ID numbers) and
            // replaces the bundle.
            let o = bundle(cfg.path(), &out, &["--force"], &[]);
            assert!(wrote(&o), "{context}: {}", String::from_utf8_lossy(&o.stderr));
            assert_complete(&out, &context);
            assert_eq!(hidden(tmp.path()), Vec::<String>::new(), "{context}: leftovers");
        }
    }
}

#[test]
fn a_killed_first_write_leaves_no_leftovers_after_the_next_run() {
    let cfg = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("b");
    let o = bundle(cfg.path(), &out, &[], &[("BEIAN_TEST_ABORT_AT", "file-3")]);
    assert_eq!(o.status.code(), None, "killed");
    assert!(!out.exists());
    assert_eq!(hidden(tmp.path()).len(), 1, "the killed run's temp folder");
    assert!(wrote(&bundle(cfg.path(), &out, &[], &[])));
    assert_complete(&out, "fresh");
    assert_eq!(hidden(tmp.path()), Vec::<String>::new());
}
