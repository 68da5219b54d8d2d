//! `beian new` without a terminal: answers file, `--set`, `--no-input`, the output folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/drafts/guangdong-enterprise.toml")
}

fn beian(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_beian"))
        .args(args)
        .current_dir(dir)
        .env("BEIAN_LANG", "zh")
        .env("BEIAN_DATA_DIR", dir.join("data"))
        .env("CLICOLOR", "0")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}
fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn a_complete_answers_file_writes_the_draft_and_checklist() {
    let dir = tempfile::tempdir().unwrap();
    let ex = example();
    let o = beian(
        dir.path(),
        &["new", "--no-input", "--answers", ex.to_str().unwrap(), "--out", "filing"],
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    let target = dir.path().join("filing");
    let draft = std::fs::read_to_string(target.join("draft.toml")).unwrap();
    assert!(draft.contains("广州青禾软件有限公司"));
    assert!(!draft.contains("beian-wizard"), "no wizard state in the written draft");
    let checklist = std::fs::read_to_string(target.join("checklist.md")).unwrap();
    assert!(checklist.contains("互联网信息服务备案承诺书"), "{checklist}");
    // The written draft is clean for `check`.
    let c = beian(dir.path(), &["check", "filing/draft.toml"]);
    assert_eq!(c.status.code(), Some(0), "{}", out(&c));
    // The whole bundle; no temp folder left beside it; nothing saved for a non-interactive run.
    let mut names: Vec<_> = std::fs::read_dir(&target).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".beian-bundle",
            "after-approval.md",
            "checklist.md",
            "draft.toml",
            "forms.md",
            "report.html",
            "sheets"
        ]
    );
    let beside: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(beside, ["filing"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&target), 0o700);
        assert_eq!(mode(&target.join("draft.toml")), 0o600);
    }
    // The ID number is in the file, never on the terminal.
    assert!(!out(&o).contains("44030519900101123X") && !err(&o).contains("44030519900101123X"));
}

#[test]
fn missing_keys_are_all_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("partial.toml"),
        "format = 1\n[principal]\nkind = \"individual\"\nprovince = \"广东\"\nname = \"张三\"\n",
    )
    .unwrap();
    // No --no-input: stdin is not a terminal, so it never prompts either.
    let o = beian(dir.path(), &["new", "--answers", "partial.toml", "--out", "filing"]);
    assert_eq!(o.status.code(), Some(1), "{}{}", out(&o), err(&o));
    let stdout = out(&o);
    for key in [
        "account.real_name_verified",
        "account.filing_type",
        "principal.document.type",
        "principal.document.number",
        "principal.document.valid_until",
        "principal.address",
        "principal.mailing_address",
        "principal.responsible.contact.mobile",
        "principal.responsible.contact.emergency_phone",
        "principal.responsible.contact.email",
        "domain.0.name",
        "domain.0.holder",
        "domain.0.expires_on",
        "website.0.name",
        "website.0.service_content",
        "website.0.responsible",
    ] {
        assert!(stdout.contains(&format!("  {key}  ")), "{key} not named:\n{stdout}");
    }
    // Given keys and optional keys are not named.
    for key in [
        "principal.kind",
        "principal.name",
        "principal.responsible.contact.phone",
        "domain.0.registrar",
    ] {
        assert!(!stdout.contains(&format!("  {key}  ")), "{key} named:\n{stdout}");
    }
    assert!(err(&o).contains("没有写出任何文件"));
    assert!(!dir.path().join("filing").exists());
}

#[test]
fn set_fills_and_overrides_answers_and_invalid_answers_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let ex = example();
    let ex = ex.to_str().unwrap();
    let o = beian(
        dir.path(),
        &[
            "new",
            "--no-input",
            "--answers",
            ex,
            "--set",
            "principal.responsible.contact.mobile=12345",
            "--out",
            "f",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}{}", out(&o), err(&o));
    assert!(out(&o).contains("CONTACT-FORMAT"), "{}", out(&o));
    assert!(!dir.path().join("f").exists());

    let o = beian(
        dir.path(),
        &[
            "new",
            "--no-input",
            "--answers",
            ex,
            "--set",
            "website.0.name=示例网络官网",
            "--out",
            "f",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    assert!(
        std::fs::read_to_string(dir.path().join("f/draft.toml"))
            .unwrap()
            .contains("示例网络官网")
    );

    // A key outside the draft format is a usage error naming the closest key.
    let o = beian(
        dir.path(),
        &["new", "--no-input", "--answers", ex, "--set", "principal.provnce=广东"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("principal.province"), "{}", err(&o));
}

#[test]
fn an_existing_folder_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let ex = example();
    let ex = ex.to_str().unwrap();
    std::fs::create_dir(dir.path().join("f")).unwrap();
    std::fs::write(dir.path().join("f/notes.txt"), "mine").unwrap();
    let o = beian(dir.path(), &["new", "--no-input", "--answers", ex, "--out", "f"]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("--force"), "{}", err(&o));
    assert_eq!(std::fs::read_to_string(dir.path().join("f/notes.txt")).unwrap(), "mine");

    // --force replaces only a folder beian wrote: never someone's own files.
    let o = beian(dir.path(), &["new", "--no-input", "--answers", ex, "--out", "f", "--force"]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert_eq!(std::fs::read_to_string(dir.path().join("f/notes.txt")).unwrap(), "mine");
    std::fs::remove_dir_all(dir.path().join("f")).unwrap();
    let o = beian(dir.path(), &["new", "--no-input", "--answers", ex, "--out", "f"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    std::fs::write(dir.path().join("f/draft.toml"), "old").unwrap();
    let o = beian(dir.path(), &["new", "--no-input", "--answers", ex, "--out", "f", "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_ne!(std::fs::read_to_string(dir.path().join("f/draft.toml")).unwrap(), "old");
    let beside: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(beside, ["f"], "no backup or temp folder left");

    // Refused before any question, even when answers are missing.
    let o = beian(dir.path(), &["new", "--no-input", "--out", "f"]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(out(&o).is_empty(), "{}", out(&o));

    // An empty folder is fine without --force.
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let o = beian(dir.path(), &["new", "--no-input", "--answers", ex, "--out", "empty"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

#[test]
fn english_names_the_missing_answers_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let o = beian(
        dir.path(),
        &["--lang", "en", "new", "--no-input", "--set", "principal.kind=enterprise"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).contains("Missing answers"), "{}", out(&o));
    assert!(out(&o).contains("principal.name  Name of the organisation"), "{}", out(&o));
}

#[test]
fn resume_without_a_saved_draft_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = beian(dir.path(), &["new", "--resume"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("没有保存的向导草稿"), "{}", err(&o));
}
