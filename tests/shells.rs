//! The committed completion scripts load in real shells and complete real commands.
//! `.ci/run` installs zsh, fish and elvish; a missing shell skips its test with a line naming
//! it, or fails it with BEIAN_REQUIRE_TOOLS=1 (tests/support/tools.rs).

use std::path::Path;
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[path = "support/tools.rs"]
mod tools;

/// Run `program args…` in the repository root; `None` (after the skip line) when the shell is
/// not installed here.
fn shell(program: &str, args: &[&str]) -> Option<Output> {
    let path = tools::require_tool(program, program)?;
    let out = Command::new(&path)
        .args(args)
        .current_dir(root())
        .env_remove("BEIAN_LANG")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", path.display()));
    Some(out)
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

#[test]
fn bash_sources_and_registers_the_completion() {
    let Some(o) = shell("bash", &["-c", "source completions/beian.bash; complete -p beian"]) else {
        return;
    };
    assert!(o.status.success(), "{}", text(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("-F _beian beian"), "{}", text(&o));
}

#[test]
fn bash_completes_commands_and_values() {
    let script = r#"source completions/beian.bash
COMP_WORDS=(beian ch); COMP_CWORD=1; _beian beian ch beian; echo "1:${COMPREPLY[*]}"
COMP_WORDS=(beian check --format ""); COMP_CWORD=3; _beian beian "" --format; echo "2:${COMPREPLY[*]}"
COMP_WORDS=(beian completions ""); COMP_CWORD=2; _beian beian "" completions; echo "3:${COMPREPLY[*]}"
COMP_WORDS=(beian config ""); COMP_CWORD=2; _beian beian "" config; echo "4:${COMPREPLY[*]}""#;
    let Some(o) = shell("bash", &["-c", script]) else {
        return;
    };
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(s.contains("1:check"), "{s}");
    assert!(s.contains("2:table json"), "{s}");
    assert!(
        s.contains("bash") && s.contains("zsh") && s.contains("fish") && s.contains("powershell") && s.contains("elvish"),
        "{s}"
    );
    assert!(s.contains("path") && s.contains("show") && s.contains("init"), "{s}");
}

#[test]
fn zsh_script_parses() {
    let Some(o) = shell("zsh", &["-n", "completions/_beian"]) else {
        return;
    };
    assert!(o.status.success(), "{}", text(&o));
}

#[test]
fn fish_script_parses_and_completes() {
    let Some(o) = shell("fish", &["--no-execute", "completions/beian.fish"]) else {
        return;
    };
    assert!(o.status.success(), "{}", text(&o));
    let o = shell(
        "fish",
        &[
            "--no-config",
            "-c",
            "source completions/beian.fish; complete -C'beian ch'; complete -C'beian check --format '",
        ],
    )
    .unwrap();
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(s.contains("check\t按全国和各省规则检查备案草稿"), "{}", text(&o));
    assert!(s.lines().any(|l| l == "json") && s.lines().any(|l| l == "table"), "{}", text(&o));
}

#[test]
fn elvish_script_parses() {
    // Outside an interactive session elvish has no `edit:` module, so compiling stops there;
    // a syntax error anywhere in the file is reported before that.
    let Some(o) = shell("elvish", &["-norc", "-compileonly", "completions/beian.elv"]) else {
        return;
    };
    let t = text(&o);
    assert!(!t.to_lowercase().contains("parse error"), "{t}");
    assert!(o.status.success() || t.contains("edit:completion:arg-completer"), "{t}");
}

#[test]
fn powershell_script_registers_a_native_completer() {
    // No PowerShell on Debian; check the registration the generator writes.
    let s = std::fs::read_to_string(root().join("completions/_beian.ps1")).unwrap();
    assert!(s.contains("Register-ArgumentCompleter -Native -CommandName 'beian'"), "{s}");
    assert!(s.contains("'beian;check'"));
}
