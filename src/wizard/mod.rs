//! `beian new`: the interactive wizard and its non-interactive twin.
//!
//! - `question`: a question as data; `questions/`: the questions of each step, pure
//!   functions of the draft; `engine`: the one loop that asks the first unanswered question
//!   (back, edit, resume, `--answers`, `--set`, `--no-input`); `nav`: summaries and review lines.
//! - `prompter`: the `Prompter` trait and a scripted prompter for tests; `tty`: the terminal;
//!   `answers`: answers file, `--set`, and the never-asking prompter.
//! - `autosave`: the draft saved after every answer; Ctrl-C exits 130 and says only what
//!   was really saved; `beian new --resume` continues (and asks which draft when there are several).

pub mod answers;
mod ask;
pub mod autosave;
mod derive;
pub mod engine;
/// The old name of the engine, kept for callers (the fuzz test) written against it.
pub use engine as flow;
pub mod judge;
pub mod nav;
#[cfg(test)]
mod personas;
pub mod prompter;
pub mod question;
pub mod questions;
#[cfg(test)]
mod tests;
pub mod tty;

use crate::diag::{Lang, Severity};
use crate::report::{self, DraftReport};
use anyhow::{Context, Result, bail};
use autosave::{PROGRESS_PREFIX, Shared, data_dir, new_save_path};
use clap::Args;
use engine::{Flow, Progress, tr};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use toml::Table;

pub use autosave::{parse_saved, saved_text, write_atomic};

#[derive(Args, Debug, Default)]
#[command(
    after_help = "Examples:\n  beian new\n  beian new --out my-filing\n  beian new --resume\n  beian new --no-input --answers draft.toml --set principal.province=广东 --out my-filing"
)]
pub struct NewArgs {
    /// Folder to write the draft and its bundle into (must not exist or be empty)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Continue a wizard that stopped (without FILE: choose among the saved drafts)
    #[arg(long, value_name = "FILE", num_args = 0..=1)]
    pub resume: Option<Option<PathBuf>>,
    /// Prefill answers from a draft file (full or partial); prefilled answers are checked, not asked
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Prefill one answer by its dotted key, e.g. principal.province=广东 (repeatable)
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Never prompt: report every missing or invalid answer at once (also when stdin is not a terminal)
    #[arg(long)]
    pub no_input: bool,
    /// Replace a bundle folder that beian wrote before
    #[arg(long)]
    pub force: bool,
    /// Without a terminal: take a signing keystore's password from this environment variable (as app inspect --storepass-env)
    #[arg(long, value_name = "NAME")]
    pub storepass_env: Option<String>,
}

/// An existing output folder that is not empty is replaced only with `--force`.
fn refuse_existing(out_dir: &Path, force: bool, lang: Lang) -> Result<()> {
    let exists = out_dir.exists();
    let empty = exists && out_dir.is_dir() && std::fs::read_dir(out_dir)?.next().is_none();
    if exists && !empty && !force {
        bail!(
            "{}",
            tr(
                lang,
                &format!("{} 已存在且不是空文件夹；换一个 --out，或加 --force 替换它", out_dir.display()),
                &format!(
                    "{} exists and is not empty; choose another --out, or add --force to replace it",
                    out_dir.display()
                )
            )
        );
    }
    Ok(())
}

/// Write the output folder (the bundle), refusing a non-empty target unless `force`.
pub fn finish(out_dir: &Path, draft_toml_text: &str, lang: Lang, force: bool) -> Result<crate::bundle::BundleSummary> {
    refuse_existing(out_dir, force, lang)?;
    crate::bundle::write_bundle(draft_toml_text, None, out_dir, force, lang, None).map_err(|e| crate::bundle::cmd::localise(e, lang))
}

/// Was the language chosen for this run (`--lang`, `BEIAN_LANG`)? Otherwise a resumed draft
/// keeps the language it was started in.
fn lang_given() -> bool {
    std::env::var_os("BEIAN_LANG").is_some_and(|v| !v.is_empty()) || std::env::args().any(|a| a == "--lang" || a.starts_with("--lang="))
}

fn lang_id(lang: Lang) -> &'static str {
    if lang == Lang::Zh { "zh" } else { "en" }
}

/// Which saved draft to resume: the only one, or the one the person picks (offering to delete
/// the older ones, never without asking).
fn pick_saved(dir: &Path, interactive: bool, lang: Lang) -> Result<PathBuf> {
    let saved = autosave::list_saved(dir);
    let none = || {
        anyhow::anyhow!(
            "{}",
            tr(
                lang,
                &format!("{} 里没有保存的向导草稿", dir.display()),
                &format!("no saved wizard drafts in {}", dir.display())
            )
        )
    };
    if saved.len() <= 1 || !interactive {
        return saved.into_iter().next().map(|s| s.path).ok_or_else(none);
    }
    let theme = dialoguer::theme::ColorfulTheme::default();
    let term = console::Term::stderr();
    let items: Vec<String> = saved
        .iter()
        .map(|s| {
            let name = s.path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
            format!("{}  {}  {}", autosave::when(s.modified), s.what, name)
        })
        .collect();
    let i = dialoguer::Select::with_theme(&theme)
        .with_prompt(tr(
            lang,
            &format!("有 {} 份保存的草稿，继续哪一份？", saved.len()),
            &format!("There are {} saved drafts; which one to continue?", saved.len()),
        ))
        .items(&items)
        .default(0)
        .interact_on_opt(&term)?
        .ok_or_else(|| anyhow::anyhow!("{}", tr(lang, "已取消", "Cancelled")))?;
    let chosen = saved[i].path.clone();
    let others: Vec<&autosave::Saved> = saved.iter().filter(|s| s.path != chosen).collect();
    let list = others
        .iter()
        .map(|s| format!("  {}  {}  {}", autosave::when(s.modified), s.what, s.path.display()))
        .collect::<Vec<_>>()
        .join("\n");
    let _ = term.write_line(&list);
    let delete = dialoguer::Confirm::with_theme(&theme)
        .with_prompt(tr(
            lang,
            &format!("删除上面其余 {} 份草稿吗？", others.len()),
            &format!(
                "Delete the other {} draft{} listed above?",
                others.len(),
                if others.len() == 1 { "" } else { "s" }
            ),
        ))
        .default(false)
        .interact_on_opt(&term)?
        .unwrap_or(false);
    if delete {
        for s in others {
            std::fs::remove_file(&s.path).with_context(|| s.path.display().to_string())?;
        }
    }
    Ok(chosen)
}

fn config_defaults() -> questions::Defaults {
    let cfg = crate::config::path()
        .filter(|p| p.exists())
        .and_then(|p| crate::config::load(&p).ok());
    questions::Defaults {
        province: cfg.as_ref().and_then(|c| c.province),
        provider: cfg.and_then(|c| c.provider),
    }
}

/// `beian new`.
pub fn run(args: NewArgs, mut lang: Lang) -> Result<ExitCode> {
    let rules = crate::rules::rules();
    // Refuse a non-empty --out before asking anything, not after forty answers.
    if let Some(out) = &args.out {
        refuse_existing(out, args.force, lang)?;
    }
    let interactive = !args.no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let (mut draft, mut progress, save_path) = match &args.resume {
        Some(file) => {
            let path = match file {
                Some(p) => p.clone(),
                None => pick_saved(&data_dir()?, interactive, lang)?,
            };
            let src = std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
            let (d, p) = parse_saved(&src).with_context(|| path.display().to_string())?;
            // A hand-written draft (no wizard header) is never rewritten: its comments would
            // be lost. The wizard saves its progress to a new file instead.
            let path = if src.starts_with(PROGRESS_PREFIX) {
                Some(path)
            } else if interactive {
                Some(new_save_path(&data_dir()?, ""))
            } else {
                None
            };
            (d, p, path)
        }
        None if interactive => (Table::new(), Progress::default(), Some(new_save_path(&data_dir()?, ""))),
        None => (Table::new(), Progress::default(), None),
    };
    if !lang_given()
        && let Some(l) = progress.lang.as_deref()
    {
        lang = if l == "en" { Lang::En } else { Lang::Zh };
    }
    progress.lang = Some(lang_id(lang).to_string());
    if let Some(a) = &args.answers {
        answers::merge(&mut draft, answers::load_answers(a)?);
    }
    answers::apply_sets(&mut draft, &args.set)?;

    let state: Shared = Arc::new(Mutex::new(autosave::State {
        path: save_path.clone(),
        ..Default::default()
    }));
    let st = state.clone();
    let mut save = move |d: &Table, p: &Progress| {
        autosave::save(&st, &saved_text(d, p), lang, |msg| {
            let _ = console::Term::stderr().write_line(&format!("  {}", console::style(msg).red()));
        });
    };
    let mut split = |d: &Table, p: &Progress| -> Result<String, String> {
        let dir = data_dir().map_err(|e| format!("{e:#}"))?;
        let path = new_save_path(&dir, "-2");
        write_atomic(&path, &saved_text(d, p)).map_err(|e| format!("{e:#}"))?;
        Ok(path.display().to_string())
    };
    let defaults = config_defaults();

    if !interactive {
        let mut prompter = answers::NoInput::new(lang, args.storepass_env.as_deref());
        let mut flow = Flow::new(rules, lang, draft, progress, &mut prompter, &mut save).defaults(defaults);
        flow.run().ok();
        let (draft, missing) = (flow.draft.clone(), flow.missing.clone());
        drop(flow);
        return review_batch(&args, &draft, &missing, lang);
    }
    let path = save_path.clone().unwrap_or_default();
    autosave::install_ctrlc(state.clone(), lang);
    eprintln!(
        "{}",
        tr(
            lang,
            &format!(
                "beian new：一步一步填写 ICP 备案信息。每个回答都会立即检查，并自动保存到\n  {}\n按 Esc 回到上一题；随时可按 Ctrl-C 退出，之后用 `beian new --resume` 继续。",
                path.display()
            ),
            &format!(
                "beian new: fill in an ICP filing step by step. Each answer is checked at once and saved to\n  {}\nPress Esc to go back a question; Ctrl-C at any time, and continue later with `beian new --resume`.",
                path.display()
            ),
        )
    );
    let resumed = args.resume.is_some();
    let mut prompter = tty::TtyPrompter::new(lang);
    let mut flow = Flow::new(rules, lang, draft, progress, &mut prompter, &mut save)
        .defaults(defaults)
        .splitter(&mut split);
    let outcome = (|| {
        if resumed {
            let done: Vec<String> = flow.progress.done.iter().map(|s| engine::step_name(s, lang)).collect();
            let list = if done.is_empty() {
                "-".to_string()
            } else {
                done.join(if lang == Lang::Zh { "、" } else { ", " })
            };
            let s = tr(
                lang,
                &format!("继续上次的草稿；已完成：{list}。"),
                &format!("Continuing the saved draft; done: {list}."),
            );
            flow.prompter.note(&s);
            while flow.summary(None)? {
                flow.run()?;
            }
        }
        flow.run()?;
        let report = questions::evaluate(rules, &flow.draft);
        let _ = console::Term::stderr().write_line("");
        let _ = console::Term::stderr().write_line(&format!(
            "{}",
            console::style(format!(
                "[{0}/{0}] {1}",
                questions::STEPS.len() + 1,
                engine::step_name("review", lang)
            ))
            .bold()
            .cyan()
        ));
        let _ = print_report(&report, lang);
        flow.review()
    })();
    let draft = flow.draft.clone();
    drop(flow);
    if outcome.is_err() {
        autosave::say_interrupted(&state, lang);
        return Ok(ExitCode::from(130));
    }
    review_interactive(&args, &draft, lang, &path, &state)
}

fn draft_text(draft: &Table) -> String {
    let body = toml::to_string(draft).unwrap_or_default();
    format!("# ICP filing draft (备案草稿) written by `beian new`; check it with `beian check draft.toml`.\n{body}")
}

fn print_report(r: &DraftReport, lang: Lang) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    report::table::render(
        &mut out,
        std::slice::from_ref(r),
        &report::table::Options {
            lang,
            width: None,
            show_checklist: true,
            color: crate::color::stdout(crate::cli::ColorArg::Auto),
        },
    )?;
    out.flush()?;
    Ok(())
}

fn review_batch(args: &NewArgs, draft: &Table, missing: &[engine::Missing], lang: Lang) -> Result<ExitCode> {
    let text = draft_text(draft);
    let report = crate::commands::check::check_source(crate::rules::rules(), "draft.toml", &text, None, None);
    let errors = report.count(Severity::Error);
    if !missing.is_empty() || errors > 0 {
        let mut out = std::io::stdout().lock();
        if !missing.is_empty() {
            writeln!(
                out,
                "{}",
                tr(
                    lang,
                    "缺少这些答案（用 --answers 文件或 --set KEY=VALUE 提供）：",
                    "Missing answers (give them in --answers FILE or with --set KEY=VALUE):"
                )
            )?;
            for m in missing {
                writeln!(out, "  {}  {}", m.key, m.prompt)?;
            }
            writeln!(out)?;
        }
        drop(out);
        // Missing keys are listed above; the table shows what is wrong with the answers given.
        let mut shown = report.clone();
        shown.findings.retain(|f| !missing.iter().any(|m| m.key == f.field));
        if shown.count(Severity::Error) > 0 {
            print_report(&shown, lang)?;
        }
        eprintln!(
            "{}",
            tr(
                lang,
                &format!(
                    "没有写出任何文件：缺少 {} 个答案，{}。",
                    missing.len(),
                    nav::count(errors, Severity::Error, lang)
                ),
                &format!(
                    "Nothing written: {} missing answer{}, {}.",
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    nav::count(errors, Severity::Error, lang)
                )
            )
        );
        return Ok(ExitCode::from(1));
    }
    let out_dir = args.out.clone().unwrap_or_else(|| PathBuf::from("beian-draft"));
    let written = finish(&out_dir, &text, lang, args.force)?;
    // Only what was written: a bundle without letters must not claim a letters/ folder.
    let files = crate::bundle::describe_files(&written.files, lang);
    eprintln!(
        "{}",
        tr(
            lang,
            &format!("已写出备案资料包 {0}/：{files}", out_dir.display()),
            &format!("Wrote the filing bundle {0}/: {files}", out_dir.display())
        )
    );
    Ok(ExitCode::SUCCESS)
}

fn review_interactive(args: &NewArgs, draft: &Table, lang: Lang, saved: &Path, state: &Shared) -> Result<ExitCode> {
    let text = draft_text(draft);
    let report = crate::commands::check::check_source(crate::rules::rules(), "draft.toml", &text, None, None);
    let term = console::Term::stderr();
    let theme = dialoguer::theme::ColorfulTheme::default();
    let mut out_dir = args.out.clone();
    loop {
        let dir = match out_dir.take() {
            Some(d) => d,
            None => {
                let s: Result<String, _> = dialoguer::Input::with_theme(&theme)
                    .with_prompt(tr(
                        lang,
                        "把草稿和备案资料包写到哪个文件夹？",
                        "Folder for the draft and its bundle?",
                    ))
                    .default("beian-draft".to_string())
                    .interact_on(&term);
                let Ok(s) = s else {
                    autosave::say_interrupted(state, lang);
                    return Ok(ExitCode::from(130));
                };
                PathBuf::from(s)
            }
        };
        match finish(&dir, &text, lang, args.force) {
            Ok(written) => {
                let files = crate::bundle::describe_files(&written.files, lang);
                let _ = term.write_line(&tr(
                    lang,
                    &format!(
                        "已写出备案资料包 {0}/：{files}。提交前可再运行 `beian check {0}/draft.toml`。",
                        dir.display()
                    ),
                    &format!(
                        "Wrote the filing bundle {0}/: {files}. Run `beian check {0}/draft.toml` again before submitting.",
                        dir.display()
                    ),
                ));
                std::fs::remove_file(saved).ok();
                let errors = report.count(Severity::Error);
                if errors > 0 {
                    let _ = term.write_line(&tr(
                        lang,
                        &format!(
                            "注意：还有 {}（见上表），改好之后才能提交。修改 draft.toml 后用 `beian check` 再检查。",
                            nav::count(errors, Severity::Error, lang)
                        ),
                        &format!(
                            "Note: still to fix: {} (see the table); fix them in draft.toml and run `beian check` again before submitting.",
                            nav::count(errors, Severity::Error, lang)
                        ),
                    ));
                }
                break;
            }
            Err(e) => {
                let _ = term.write_line(&format!("{} {e:#}", console::style("✘").red()));
                if args.out.is_some() && !std::io::stdin().is_terminal() {
                    return Err(e);
                }
            }
        }
    }
    Ok(if report.count(Severity::Error) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
