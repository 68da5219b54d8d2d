//! The committed completions, man pages, format reference (`docs/draft-format.md`) and draft
//! schema (`schema/draft.schema.json`) are exactly what the current code generates.
//! Regenerate every generated file with:
//!
//!     UPDATE_GENERATED=1 cargo test --test generated

use beian::commands::completions::generated_files;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Folders that hold only generated files (docs/ may get hand-written pages too).
const DIRS: [&str; 3] = ["completions", "man", "schema"];

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn generated_files_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var("UPDATE_GENERATED").is_ok_and(|v| v == "1");
    let mut generated = generated_files();
    assert!(generated.len() >= 5 + 2 * 8, "only {} generated files", generated.len());
    generated.push((
        "docs/draft-format.md".into(),
        beian::draft::reference::draft_format_md().into_bytes(),
    ));
    generated.push((
        "schema/draft.schema.json".into(),
        beian::draft::schema::draft_schema_json().into_bytes(),
    ));
    let mut problems = Vec::new();
    for (rel, content) in &generated {
        let path = root.join(rel);
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, content).unwrap();
        } else {
            match std::fs::read(&path) {
                Ok(on_disk) if on_disk == *content => {}
                Ok(_) => problems.push(format!("{rel} is stale")),
                Err(_) => problems.push(format!("{rel} is missing")),
            }
        }
    }
    // A file that nothing generates any more (a removed command's man page) is stale too.
    let expected: BTreeSet<PathBuf> = generated.iter().map(|(rel, _)| root.join(rel)).collect();
    for dir in DIRS {
        let mut found = Vec::new();
        files_under(&root.join(dir), &mut found);
        for f in found.into_iter().filter(|f| !expected.contains(f)) {
            if update {
                std::fs::remove_file(&f).unwrap();
            } else {
                problems.push(format!("{} is not generated any more", f.display()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "generated files are out of date:\n  {}\nrun `UPDATE_GENERATED=1 cargo test --test generated` and commit the result",
        problems.join("\n  ")
    );
}
