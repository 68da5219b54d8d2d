//! `beian new`: the interactive wizard and its non-interactive twin.
//!
//! - `flow`: the pure question flow (steps → questions → answers in a TOML table).
//! - `prompter`: the `Prompter` trait, the question types and a scripted prompter for tests.
//! - `tty`: dialoguer on stderr. `answers`: answers file, `--set`, and the never-asking prompter.
//!
//! The draft is saved after every answer (temp file + rename) to the data folder (or
//! `BEIAN_DATA_DIR`), with the wizard's progress in a leading comment so the file stays a
//! valid draft. Ctrl-C restores the cursor and exits 130; `beian new --resume` continues.

pub mod answers;
pub mod flow;
pub mod prompter;
#[cfg(test)]
mod tests;
pub mod tty;

use crate::diag::{Lang, Severity};
use crate::report::{self, DraftReport};
use anyhow::{Context, Result, bail};
use clap::Args;
use flow::{Flow, Progress, tr};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use toml::Table;

#[derive(Args, Debug, Default)]
#[command(
    after_help = "Examples:\n  beian new\n  beian new --out my-filing\n  beian new --resume\n  beian new --no-input --answers draft.toml --set principal.province=广东 --out my-filing"
)]
pub struct NewArgs {
    /// Folder to write the draft and its bundle into (must not exist or be empty)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Continue a wizard that stopped (default: the newest saved draft)
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
}

const PROGRESS_PREFIX: &str = "# beian-wizard-progress: ";

/// Where unfinished drafts are kept: `BEIAN_DATA_DIR`, else the platform data folder.
pub fn data_dir() -> Result<PathBuf> {
    if let Some(d) = std::env::var_os("BEIAN_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(d).join("wizard"));
    }
    directories::ProjectDirs::from("", "", "beian")
        .map(|p| p.data_dir().join("wizard"))
        .context("no home folder to keep the wizard's draft in; set BEIAN_DATA_DIR")
}

/// The saved file: a progress comment, then the draft.
pub fn saved_text(draft: &Table, progress: &Progress) -> String {
    let json = serde_json::to_string(progress).unwrap_or_default();
    let body = toml::to_string(draft).unwrap_or_default();
    format!("{PROGRESS_PREFIX}{json}\n# An unfinished ICP filing draft written by `beian new`; continue with `beian new --resume`.\n{body}")
}

pub fn parse_saved(src: &str) -> Result<(Table, Progress)> {
    let progress = src
        .lines()
        .next()
        .and_then(|l| l.strip_prefix(PROGRESS_PREFIX))
        .and_then(|j| serde_json::from_str(j).ok())
        .unwrap_or_default();
    let draft = src.parse::<Table>().map_err(|e| anyhow::anyhow!("{}", e.message()))?;
    Ok((draft, progress))
}

/// Write a file atomically: temp file beside it, fsync, rename. 0600 on Unix.
pub fn write_atomic(path: &Path, text: &str) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut mk = std::fs::DirBuilder::new();
    mk.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut mk, 0o700);
    mk.create(dir).with_context(|| dir.display().to_string())?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).with_context(|| dir.display().to_string())?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).with_context(|| path.display().to_string())?;
    Ok(())
}

/// A fresh autosave file in the data folder (interactive runs only).
fn new_save_path(interactive: bool) -> Result<Option<PathBuf>> {
    if !interactive {
        return Ok(None);
    }
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    Ok(Some(data_dir()?.join(format!("draft-{stamp}.toml"))))
}

fn newest_saved(dir: &Path) -> Result<PathBuf> {
    let mut best: Option<(std::time::SystemTime, PathBuf)> = None;
    for e in std::fs::read_dir(dir)
        .with_context(|| format!("no saved wizard drafts in {}", dir.display()))?
        .flatten()
    {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "toml")
            && let Ok(m) = e.metadata().and_then(|m| m.modified())
            && best.as_ref().is_none_or(|(t, _)| m > *t)
        {
            best = Some((m, p));
        }
    }
    best.map(|(_, p)| p)
        .with_context(|| format!("no saved wizard drafts in {}", dir.display()))
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

/// Write the output folder: `draft.toml` and `checklist.md`, rendered into a temp folder beside
/// the target and renamed into place, so a crash never leaves half a folder. An existing
/// non-empty target is refused unless `force`. (The bundle writer replaces this on merge.)
pub fn finish(out_dir: &Path, draft_toml_text: &str, lang: Lang, force: bool) -> Result<crate::bundle::BundleSummary> {
    refuse_existing(out_dir, force, lang)?;
    crate::bundle::write_bundle(draft_toml_text, None, out_dir, force, lang, None).map_err(|e| crate::bundle::cmd::localise(e, lang))
}

fn install_ctrlc(saved_to: &Path, lang: Lang) {
    let msg = interrupted_message(saved_to, lang);
    // A second installation (tests) fails harmlessly.
    let _ = ctrlc::set_handler(move || {
        let _ = console::Term::stderr().show_cursor();
        eprintln!("\n{msg}");
        std::process::exit(130);
    });
}

fn interrupted_message(saved_to: &Path, lang: Lang) -> String {
    tr(
        lang,
        &format!("已中断。已回答的内容保存在 {}；用 `beian new --resume` 继续。", saved_to.display()),
        &format!(
            "Interrupted. Your answers are saved in {}; continue with `beian new --resume`.",
            saved_to.display()
        ),
    )
}

/// `beian new`.
pub fn run(args: NewArgs, lang: Lang) -> Result<ExitCode> {
    let rules = crate::rules::rules();
    // Refuse a non-empty --out before asking anything, not after forty answers.
    if let Some(out) = &args.out {
        refuse_existing(out, args.force, lang)?;
    }
    let interactive = !args.no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let (mut draft, progress, save_path) = match &args.resume {
        Some(file) => {
            let path = match file {
                Some(p) => p.clone(),
                None => newest_saved(&data_dir()?)?,
            };
            let src = std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
            let (d, p) = parse_saved(&src).with_context(|| path.display().to_string())?;
            // A hand-written draft (no wizard header) is never rewritten: its comments would
            // be lost. The wizard saves its progress to a new file instead.
            let path = if src.starts_with(PROGRESS_PREFIX) {
                Some(path)
            } else {
                new_save_path(interactive)?
            };
            (d, p, path)
        }
        None => (Table::new(), Progress::default(), new_save_path(interactive)?),
    };
    if let Some(a) = &args.answers {
        answers::merge(&mut draft, answers::load_answers(a)?);
    }
    answers::apply_sets(&mut draft, &args.set)?;

    let mut save_error: Option<String> = None;
    let mut save = |d: &Table, p: &Progress| {
        if let Some(path) = &save_path
            && let Err(e) = write_atomic(path, &saved_text(d, p))
            && save_error.is_none()
        {
            save_error = Some(format!("{e:#}"));
            eprintln!("beian: cannot save the draft: {e:#}");
        }
    };

    if interactive {
        let path = save_path.clone().unwrap_or_default();
        install_ctrlc(&path, lang);
        eprintln!(
            "{}",
            tr(
                lang,
                &format!(
                    "beian new：一步一步填写 ICP 备案信息。每个回答都会立即检查，并自动保存到\n  {}\n随时可按 Ctrl-C 退出，之后用 `beian new --resume` 继续。",
                    path.display()
                ),
                &format!(
                    "beian new: fill in an ICP filing step by step. Each answer is checked at once and saved to\n  {}\nPress Ctrl-C at any time; continue later with `beian new --resume`.",
                    path.display()
                ),
            )
        );
        if args.resume.is_some() {
            let done: Vec<String> = progress.done.iter().map(|s| flow::step_name(s, lang)).collect();
            let list = if done.is_empty() { "-".to_string() } else { done.join("、") };
            eprintln!(
                "{}",
                tr(
                    lang,
                    &format!("继续上次的草稿；已完成：{list}。已回答的问题不会再问。"),
                    &format!("Continuing the saved draft; done: {list}. Answered questions are not asked again.")
                )
            );
        }
        save(&draft, &progress);
        let mut prompter = tty::TtyPrompter::new(lang);
        let mut flow = Flow::new(rules, lang, draft, progress, &mut prompter, &mut save);
        if flow.run().is_err() {
            let _ = console::Term::stderr().show_cursor();
            eprintln!("\n{}", interrupted_message(&path, lang));
            return Ok(ExitCode::from(130));
        }
        let draft = flow.draft.clone();
        drop(flow);
        review_interactive(&args, &draft, lang, &path)
    } else {
        let mut prompter = answers::NoInput::default();
        let mut flow = Flow::new(rules, lang, draft, progress, &mut prompter, &mut save);
        flow.run().ok();
        let (draft, missing) = (flow.draft.clone(), flow.missing.clone());
        drop(flow);
        review_batch(&args, &draft, &missing, lang)
    }
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

fn review_batch(args: &NewArgs, draft: &Table, missing: &[flow::Missing], lang: Lang) -> Result<ExitCode> {
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
                &format!("没有写出任何文件：缺少 {} 个答案，{} 个错误。", missing.len(), errors),
                &format!("Nothing written: {} missing answers, {} errors.", missing.len(), errors)
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

fn review_interactive(args: &NewArgs, draft: &Table, lang: Lang, saved: &Path) -> Result<ExitCode> {
    let text = draft_text(draft);
    let report = crate::commands::check::check_source(crate::rules::rules(), "draft.toml", &text, None, None);
    let term = console::Term::stderr();
    let _ = term.write_line("");
    let _ = term.write_line(&format!(
        "{}",
        console::style(tr(lang, "[6/6] 检查结果", "[6/6] Review")).bold().cyan()
    ));
    print_report(&report, lang)?;
    let theme = dialoguer::theme::ColorfulTheme::default();
    let mut out_dir = args.out.clone();
    loop {
        let dir = match out_dir.take() {
            Some(d) => d,
            None => {
                let s: String = dialoguer::Input::with_theme(&theme)
                    .with_prompt(tr(
                        lang,
                        "把草稿和备案资料包写到哪个文件夹？",
                        "Folder for the draft and its bundle?",
                    ))
                    .default("beian-draft".to_string())
                    .interact_on(&term)
                    .map_err(|_| anyhow::anyhow!("{}", interrupted_message(saved, lang)))?;
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
                        &format!("注意：还有 {errors} 个错误（见上表），改好之后才能提交。修改 draft.toml 后用 `beian check` 再检查。"),
                        &format!("Note: {errors} errors remain (see the table); fix them in draft.toml and run `beian check` again before submitting."),
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
