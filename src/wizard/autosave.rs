//! The wizard's autosave: after every answer the draft is written (temp file + rename) to the
//! data folder, with the wizard's progress in a leading comment so the file stays a valid
//! draft. A failed write (a full disk) keeps the answers in memory, is retried on the next
//! answer, and is said in the UI language; nothing ever claims a save that did not happen.

use super::engine::{Progress, tr};
use crate::diag::Lang;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use toml::Table;

pub const PROGRESS_PREFIX: &str = "# beian-wizard-progress: ";

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

/// A fresh autosave file name in the data folder.
pub fn new_save_path(dir: &Path, suffix: &str) -> PathBuf {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let mut p = dir.join(format!("draft-{stamp}{suffix}.toml"));
    let mut n = 2;
    while p.exists() {
        p = dir.join(format!("draft-{stamp}{suffix}-{n}.toml"));
        n += 1;
    }
    p
}

/// A wizard autosave found in the data folder.
pub struct Saved {
    pub path: PathBuf,
    pub modified: std::time::SystemTime,
    /// The principal's name, or the first domain, to tell drafts apart.
    pub what: String,
}

/// The wizard's own autosaves (files that start with its progress line), newest first.
pub fn list_saved(dir: &Path) -> Vec<Saved> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        let Ok(src) = std::fs::read_to_string(&p) else { continue };
        if !src.starts_with(PROGRESS_PREFIX) {
            continue;
        }
        let what = parse_saved(&src)
            .ok()
            .and_then(|(d, _)| {
                super::questions::get(&d, "principal.name")
                    .or_else(|| super::questions::get(&d, "domain.0.name"))
                    .and_then(|v| v.as_str())
                    .map(crate::pii::mask_text)
            })
            .unwrap_or_default();
        let modified = e.metadata().and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH);
        out.push(Saved { path: p, modified, what });
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.modified));
    out
}

pub fn when(t: std::time::SystemTime) -> String {
    chrono::DateTime::<chrono::Local>::from(t).format("%Y-%m-%d %H:%M").to_string()
}

/// What the last save did, shared with the Ctrl-C handler.
#[derive(Debug, Default)]
pub struct State {
    pub path: Option<PathBuf>,
    /// Some save succeeded (the file holds the answers up to then).
    pub ever_saved: bool,
    /// The last attempt failed: answers since then are only in memory.
    pub failing: Option<String>,
}

pub type Shared = Arc<Mutex<State>>;

/// Save now; say (once per failure spell, in the UI language) when it fails and when it
/// works again.
pub fn save(state: &Shared, text: &str, lang: Lang, mut say: impl FnMut(String)) {
    let mut st = state.lock().unwrap_or_else(|e| e.into_inner());
    let Some(path) = st.path.clone() else { return };
    match write_atomic(&path, text) {
        Ok(()) => {
            if st.failing.take().is_some() {
                say(tr(
                    lang,
                    &format!("草稿又能保存了：所有回答已保存到 {}。", path.display()),
                    &format!("The draft can be saved again: every answer is now in {}.", path.display()),
                ));
            }
            st.ever_saved = true;
        }
        Err(e) => {
            let e = format!("{e:#}");
            if st.failing.is_none() {
                say(tr(
                    lang,
                    &format!("无法保存草稿（{e}）。回答暂时只留在内存里，每答一题都会再试；退出前请腾出磁盘空间。"),
                    &format!(
                        "Cannot save the draft ({e}). Your answers are kept in memory and saving is retried after each answer; free some disk space before you quit."
                    ),
                ));
            }
            st.failing = Some(e);
        }
    }
}

/// What Ctrl-C says: where the answers are, and only what is true.
pub fn interrupted_message(st: &State, lang: Lang) -> String {
    match (&st.path, st.failing.is_some(), st.ever_saved) {
        (Some(p), false, true) => tr(
            lang,
            &format!("已中断。已回答的内容保存在 {}；用 `beian new --resume` 继续。", p.display()),
            &format!(
                "Interrupted. Your answers are saved in {}; continue with `beian new --resume`.",
                p.display()
            ),
        ),
        (Some(p), true, true) => tr(
            lang,
            &format!(
                "已中断。最近的回答没能保存（磁盘已满？）；{} 里只有较早的回答，用 `beian new --resume` 可从那里继续。",
                p.display()
            ),
            &format!(
                "Interrupted. The latest answers could not be saved (disk full?); {} holds only earlier answers; `beian new --resume` continues from there.",
                p.display()
            ),
        ),
        _ => tr(lang, "已中断。回答没有保存。", "Interrupted. The answers were not saved."),
    }
}

static SHOWN: Mutex<bool> = Mutex::new(false);

/// Print the interruption once, whoever notices it first (the signal handler or the loop);
/// the other waits until it is printed, so that neither exits before the message is out.
pub fn say_interrupted(state: &Shared, lang: Lang) {
    let mut shown = SHOWN.lock().unwrap_or_else(|e| e.into_inner());
    if *shown {
        return;
    }
    let st = state.lock().unwrap_or_else(|e| e.into_inner());
    let _ = console::Term::stderr().show_cursor();
    eprintln!("\n{}", interrupted_message(&st, lang));
    *shown = true;
}

pub fn install_ctrlc(state: Shared, lang: Lang) {
    // A second installation (tests) fails harmlessly.
    let _ = ctrlc::set_handler(move || {
        say_interrupted(&state, lang);
        std::process::exit(130);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_save_is_said_retried_and_never_claimed() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the data folder should be: every write fails, as on a full disk.
        let blocker = dir.path().join("wizard");
        std::fs::write(&blocker, "in the way").unwrap();
        let state: Shared = Arc::new(Mutex::new(State {
            path: Some(blocker.join("draft.toml")),
            ..State::default()
        }));
        let mut said = Vec::new();
        save(&state, "a = 1\n", Lang::Zh, |s| said.push(s));
        save(&state, "a = 2\n", Lang::Zh, |s| said.push(s));
        assert_eq!(said.len(), 1, "one warning per failure spell: {said:?}");
        assert!(
            said[0].contains("无法保存草稿") && said[0].contains("每答一题都会再试"),
            "{}",
            said[0]
        );
        let msg = interrupted_message(&state.lock().unwrap(), Lang::Zh);
        assert!(msg.contains("没有保存") && !msg.contains("保存在"), "{msg}");
        let en = interrupted_message(&state.lock().unwrap(), Lang::En);
        assert!(en.contains("were not saved"), "{en}");

        // Room again: the retry on the next answer writes everything given so far.
        std::fs::remove_file(&blocker).unwrap();
        save(&state, "a = 3\n", Lang::Zh, |s| said.push(s));
        assert_eq!(said.len(), 2);
        assert!(said[1].contains("又能保存"), "{}", said[1]);
        assert_eq!(std::fs::read_to_string(blocker.join("draft.toml")).unwrap(), "a = 3\n");
        let msg = interrupted_message(&state.lock().unwrap(), Lang::Zh);
        assert!(msg.contains("保存在"), "{msg}");

        // Failing after a good save: the message says the file holds only earlier answers.
        std::fs::remove_dir_all(&blocker).unwrap();
        std::fs::write(&blocker, "full").unwrap();
        save(&state, "a = 4\n", Lang::En, |s| said.push(s));
        assert!(said[2].contains("kept in memory"), "{}", said[2]);
        let en = interrupted_message(&state.lock().unwrap(), Lang::En);
        assert!(en.contains("only earlier answers"), "{en}");
    }
}
