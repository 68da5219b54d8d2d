//! The consultant's folder: bundles written next to the drafts they came from are not checked
//! as drafts of their own, a check of nothing is an error, and `[materials]` keys are checked
//! and explained like every other key.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/drafts").join(name)
}

fn beian(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_beian"))
        .args(args)
        .current_dir(dir)
        .env("BEIAN_LANG", "zh")
        .env("BEIAN_CONFIG_DIR", dir.join("config"))
        .env_remove("BEIAN_FORMAT")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn copy_example(name: &str, to: &Path) {
    let src = example(name);
    std::fs::copy(&src, to).unwrap_or_else(|e| panic!("cannot copy {}: {e}", src.display()));
}

#[test]
fn a_bundle_beside_its_draft_is_not_a_second_draft() {
    let dir = tempfile::tempdir().unwrap();
    let clients = dir.path().join("clients");
    std::fs::create_dir(&clients).unwrap();
    copy_example("guangdong-enterprise.toml", &clients.join("qinghe.toml"));
    copy_example("beijing-individual.toml", &clients.join("liu.toml"));
    // Bundled into the same folder, the way a consultant keeps each client's papers.
    let o = beian(dir.path(), &["bundle", "clients/qinghe.toml", "--out", "clients/qinghe-bundle"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let copy = clients.join("qinghe-bundle/draft.toml");
    assert!(copy.is_file(), "the bundle holds a copy of the draft");

    let o = beian(dir.path(), &["check", "clients/", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let paths: Vec<&str> = v["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths.iter().all(|p| !p.contains("qinghe-bundle")), "{paths:?}");
    assert_eq!(v["cross_draft"].as_array().map(Vec::len), Some(0), "{}", v["cross_draft"]);

    // The copy itself is still checked when named, and it is the same draft: checked together
    // with its original, the cross-draft checks see one principal and one domain twice.
    let o = beian(
        dir.path(),
        &[
            "check",
            "clients/qinghe.toml",
            "clients/qinghe-bundle/draft.toml",
            "--format",
            "json",
        ],
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rules: Vec<&str> = v["cross_draft"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(rules.contains(&"CROSS-DOMAIN") && rules.contains(&"CROSS-PRINCIPAL"), "{rules:?}");
}

#[test]
fn a_folder_written_by_the_wizard_is_still_searched() {
    // `beian new` writes its draft into its bundle folder and keeps no other copy.
    let dir = tempfile::tempdir().unwrap();
    let clients = dir.path().join("clients");
    std::fs::create_dir(&clients).unwrap();
    let answers = example("guangdong-enterprise.toml");
    let o = beian(
        dir.path(),
        &[
            "new",
            "--no-input",
            "--answers",
            answers.to_str().unwrap(),
            "--out",
            "clients/qinghe",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(clients.join("qinghe/.beian-bundle").is_file());
    let o = beian(dir.path(), &["check", "clients/", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["summary"]["drafts"], 1, "{v}");
}

#[test]
fn checking_paths_without_any_draft_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(empty.join("sub")).unwrap();
    std::fs::write(empty.join("notes.txt"), "not a draft").unwrap();
    let o = beian(dir.path(), &["check", "empty"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("没有找到要检查的草稿") && stderr(&o).contains("empty"),
        "{}",
        stderr(&o)
    );
    let o = beian(dir.path(), &["--lang", "en", "check", "empty", "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no drafts (*.toml) found in empty"), "{}", stderr(&o));

    // A folder holding only a bundle made from a draft elsewhere has no draft of its own.
    copy_example("beijing-individual.toml", &dir.path().join("liu.toml"));
    let o = beian(dir.path(), &["bundle", "liu.toml", "--out", "bundles/liu"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = beian(dir.path(), &["check", "bundles"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
}

#[test]
fn unknown_materials_keys_warn_and_missing_materials_name_their_key() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(example("beijing-individual.toml")).unwrap();
    let draft = format!("{src}\n[materials]\nprincipal_responsible_ids = \"id.jpg\"\n");
    std::fs::write(dir.path().join("d.toml"), draft).unwrap();
    std::fs::write(dir.path().join("id.jpg"), b"\xff\xd8\xff\xe0 not really").unwrap();

    let o = beian(dir.path(), &["check", "d.toml", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let unknown: Vec<&Value> = v["drafts"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "DRAFT-UNKNOWN-KEY")
        .collect();
    assert_eq!(unknown.len(), 1, "{:#}", v["drafts"][0]["findings"]);
    assert_eq!(unknown[0]["field"], "materials.principal_responsible_ids");
    assert_eq!(unknown[0]["severity"], "warning");
    assert!(
        unknown[0]["message"]
            .as_str()
            .unwrap()
            .contains("materials.principal_responsible_id`"),
        "{}",
        unknown[0]["message"]
    );
    // The misspelt key marks nothing as on hand.
    let item = v["drafts"][0]["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == "principal_responsible_id")
        .expect("the ID photo is on the checklist");
    assert_eq!(item["status"], "missing");

    // The table names the key that marks each missing material as on hand, in both languages.
    let o = beian(dir.path(), &["check", "d.toml"]);
    let table = stdout(&o);
    assert!(table.contains("[materials] principal_responsible_id = "), "{table}");
    assert!(table.contains("备齐后写入"), "{table}");
    let o = beian(dir.path(), &["--lang", "en", "check", "d.toml"]);
    let table = stdout(&o);
    assert!(table.contains("when ready: [materials] domain_certificate = "), "{table}");
    assert!(!table.contains("备齐"), "{table}");
}
