//! Every command and argument has help in both languages, and the Chinese table has no entry
//! for something that no longer exists. Adding a command or flag without its Chinese help (in
//! `i18n::HELP_ZH`) fails here, naming the key to add.

use beian::diag::Lang;
use beian::i18n::{self, HELP_ZH};
use std::collections::BTreeSet;

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// (key, English help, Chinese help) for every user-visible command and argument.
fn walk(en: &clap::Command, zh: &clap::Command, path: &str, out: &mut Vec<(String, String, String)>) {
    out.push((
        path.to_string(),
        en.get_about().map(|s| s.to_string()).unwrap_or_default(),
        zh.get_about().map(|s| s.to_string()).unwrap_or_default(),
    ));
    for a in en.get_arguments() {
        let id = a.get_id().as_str();
        // Our own --help/--version get their text from `Msg`; globals are listed at the root.
        if id == "help" || id == "version" || (a.is_global_set() && !path.is_empty()) {
            continue;
        }
        let b = zh.get_arguments().find(|b| b.get_id() == a.get_id()).expect("same tree");
        out.push((
            format!("{path}#{id}"),
            a.get_help().map(|s| s.to_string()).unwrap_or_default(),
            b.get_help().map(|s| s.to_string()).unwrap_or_default(),
        ));
    }
    for s in en.get_subcommands().filter(|s| s.get_name() != "help") {
        let t = zh.find_subcommand(s.get_name()).expect("same tree");
        let p = if path.is_empty() {
            s.get_name().to_string()
        } else {
            format!("{path} {}", s.get_name())
        };
        walk(s, t, &p, out);
    }
}

#[test]
fn every_command_and_argument_has_zh_and_en_help() {
    let (en, zh) = (i18n::command(Lang::En), i18n::command(Lang::Zh));
    let mut items = Vec::new();
    walk(&en, &zh, "", &mut items);
    assert!(items.len() > 20, "{} items", items.len());
    let mut missing = Vec::new();
    for (key, e, z) in &items {
        if e.trim().is_empty() {
            missing.push(format!("{key}: no English help (a doc comment in cli.rs)"));
        }
        if !has_cjk(z) {
            missing.push(format!("{key}: no Chinese help (add (\"{key}\", \"…\") to i18n::HELP_ZH)"));
        }
        if has_cjk(e) && !e.contains("ICP备案") && !e.contains("广东") {
            missing.push(format!("{key}: the English help is Chinese: {e}"));
        }
    }
    assert!(missing.is_empty(), "help texts missing:\n  {}", missing.join("\n  "));
    let keys: BTreeSet<&str> = items.iter().map(|(k, _, _)| k.as_str()).collect();
    let stale: Vec<&str> = HELP_ZH.iter().map(|(k, _)| *k).filter(|k| !keys.contains(k)).collect();
    assert!(stale.is_empty(), "HELP_ZH entries for nothing: {stale:?}");
}

#[test]
fn every_visible_command_has_examples_in_both_languages() {
    fn walk(en: &clap::Command, zh: &clap::Command, path: &str, bad: &mut Vec<String>) {
        let e = en.get_after_help().map(|s| s.to_string()).unwrap_or_default();
        let z = zh.get_after_help().map(|s| s.to_string()).unwrap_or_default();
        if !e.starts_with("Examples:") || !e.contains("\n  beian") {
            bad.push(format!("`beian {path}` has no English examples"));
        }
        if !z.starts_with("示例：") || !z.contains("\n  beian") {
            bad.push(format!("`beian {path}` has no Chinese examples"));
        }
        for s in en.get_subcommands().filter(|s| s.get_name() != "help") {
            let t = zh.find_subcommand(s.get_name()).unwrap();
            walk(s, t, format!("{path} {}", s.get_name()).trim(), bad);
        }
    }
    let mut bad = Vec::new();
    walk(&i18n::command(Lang::En), &i18n::command(Lang::Zh), "", &mut bad);
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn clap_builtin_texts_are_localised() {
    let help = i18n::command(Lang::Zh).render_help().to_string();
    for english in [
        "Usage:",
        "Commands:",
        "Options:",
        "Arguments:",
        "Print help",
        "Print version",
        "possible values",
        "[env:",
    ] {
        assert!(!help.contains(english), "Chinese help contains {english:?}:\n{help}");
    }
    let check = i18n::command(Lang::Zh)
        .find_subcommand_mut("check")
        .unwrap()
        .render_help()
        .to_string();
    for english in ["Usage:", "Options:", "Arguments:", "[default:", "Examples:"] {
        assert!(!check.contains(english), "Chinese check help contains {english:?}:\n{check}");
    }
    let en = i18n::command(Lang::En).render_help().to_string();
    assert!(!has_cjk(&en.replace("ICP备案", "")), "English help has Chinese:\n{en}");
}
