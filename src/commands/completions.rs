//! `beian completions SHELL` and `beian man`: generated from the same localised clap command
//! as the help, so they never drift from the CLI. The committed copies in `completions/` and
//! `man/` are checked by `tests/generated.rs`; `UPDATE_GENERATED=1 cargo test --test generated`
//! rewrites them.

use crate::diag::Lang;
use crate::i18n;
use clap_complete::Shell;
use std::io::Write;

pub const BIN: &str = "beian";

/// Shell, file name under `completions/`.
pub const SHELLS: [(Shell, &str); 5] = [
    (Shell::Bash, "beian.bash"),
    (Shell::Zsh, "_beian"),
    (Shell::Fish, "beian.fish"),
    (Shell::PowerShell, "_beian.ps1"),
    (Shell::Elvish, "beian.elv"),
];

pub fn completion(shell: Shell, lang: Lang) -> Vec<u8> {
    let mut cmd = i18n::command_for_completions(lang);
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, BIN, &mut buf);
    buf
}

/// One man page per visible command: `beian.1`, `beian-check.1`, `beian-rules-list.1`, …
pub fn man_pages(lang: Lang) -> Vec<(String, Vec<u8>)> {
    fn walk(cmd: &clap::Command, out: &mut Vec<(String, Vec<u8>)>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sub, out);
        }
        let man = clap_mangen::Man::new(cmd.clone()).manual("beian");
        let mut buf = Vec::new();
        man.render(&mut buf).expect("rendering into memory cannot fail");
        out.push((man.get_filename(), buf));
    }
    let mut cmd = i18n::command_unbuilt(lang).disable_help_subcommand(true);
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, &mut out);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Every generated file, relative to the repository root: completions (Chinese descriptions,
/// the default language), English man pages in `man/man1/`, Chinese ones in `man/zh_CN/man1/`.
pub fn generated_files() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = SHELLS
        .iter()
        .map(|(shell, name)| (format!("completions/{name}"), completion(*shell, Lang::Zh)))
        .collect();
    for (name, page) in man_pages(Lang::En) {
        out.push((format!("man/man1/{name}"), page));
    }
    for (name, page) in man_pages(Lang::Zh) {
        out.push((format!("man/zh_CN/man1/{name}"), page));
    }
    out
}

pub fn print_completion(out: &mut dyn Write, shell: Shell, lang: Lang) -> std::io::Result<()> {
    out.write_all(&completion(shell, lang))
}

pub fn print_man(out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    let pages = man_pages(lang);
    let root = pages.iter().find(|(n, _)| n == "beian.1").expect("the root page exists");
    out.write_all(&root.1)
}
