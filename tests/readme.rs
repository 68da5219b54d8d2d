//! The README keeps its promises: it opens with the two commands a new reader needs, and it
//! documents every command, exit code and environment variable the CLI has.

use beian::diag::Lang;
use std::path::Path;

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

#[test]
fn opens_with_the_run_and_test_commands() {
    let r = readme();
    let first_block: String = r.split("```").nth(1).expect("a code block").to_string();
    let before = r.split("```").next().unwrap();
    assert!(
        before.lines().filter(|l| !l.trim().is_empty()).count() <= 1,
        "the README must open with the commands"
    );
    assert!(first_block.contains("cargo run --release -- new"), "{first_block}");
    assert!(first_block.contains("cargo test"), "{first_block}");
}

#[test]
fn documents_every_command_exit_code_and_env_var() {
    let r = readme();
    let cmd = beian::i18n::command(Lang::En);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        assert!(
            r.contains(&format!("beian {}", sub.get_name())),
            "README does not mention `beian {}`",
            sub.get_name()
        );
    }
    for code in ["| 0 |", "| 1 |", "| 2 |", "| 130 |"] {
        assert!(r.contains(code), "README has no exit code row {code}");
    }
    fn envs(c: &clap::Command, out: &mut Vec<String>) {
        for a in c.get_arguments() {
            if let Some(e) = a.get_env() {
                out.push(e.to_string_lossy().into_owned());
            }
        }
        for s in c.get_subcommands() {
            envs(s, out);
        }
    }
    let mut vars = vec![beian::config::ENV_DIR.to_string(), "NO_COLOR".to_string()];
    envs(&cmd, &mut vars);
    for v in vars {
        assert!(r.contains(&v), "README does not mention {v}");
    }
    for section in [
        "## Exit codes",
        "## Report formats",
        "## The draft format",
        "## Config file",
        "## Personal data",
        "长期",
        "checklist[].key",
    ] {
        assert!(r.contains(section), "README lacks {section}");
    }
}
