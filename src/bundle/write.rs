//! Writing the bundle safely: every file is rendered first, then written into a temporary
//! folder beside the target (same file system), synced, and swapped into place. Folders are
//! 0700 and files 0600: the bundle holds ID numbers.
//!
//! - The marker file ([`MARKER`]) lists every file beian wrote, with its size and a hash.
//!   `--force` replaces a folder only when it holds exactly those files, unchanged: a file the
//!   user added (a scanned signed letter, notes) or edited makes it refuse, naming the files
//!   ([`Foreign`]). Nothing the user put there is ever deleted. The exception is `draft.toml`,
//!   which every run regenerates from the draft it is given.
//! - The swap: on Linux one `renameat2(RENAME_EXCHANGE)` exchanges the new and the old folder
//!   atomically, so the target always holds a complete bundle; the old one is then deleted
//!   from its temporary name. Elsewhere (or on a file system without the exchange) the old
//!   bundle is renamed aside to `.NAME.old-PID-N`, the new one renamed in; a run killed
//!   between the two renames is repaired by the next run, which puts the old bundle back.
//! - Leftovers of a killed run (`.NAME.tmp-PID-*`, `.NAME.old-PID-*`, holding ID numbers)
//!   are deleted by the next run for that target, unless their process is still alive.

use anyhow::{Context, Result, anyhow, bail};
use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Written into every bundle; `--force` only replaces a folder that has it, so a mistyped
/// `--out ~` can never delete a home folder.
pub const MARKER: &str = ".beian-bundle";

/// The marker's version line says, with this, that the bundle's `draft.toml` is a copy of a draft kept elsewhere
/// (`beian bundle FILE`), as opposed to the only copy (`beian new` writes its draft there).
/// `beian check FOLDER` does not search such a bundle: its copy would be reported as a second
/// draft for the same principal and domains.
pub const COPY_LINE: &str = "draft.toml is a copy of ";

/// `dir` is a bundle whose draft is a copy of one kept elsewhere (see [`COPY_LINE`]).
pub fn holds_draft_copy(dir: &Path) -> bool {
    fs::read_to_string(dir.join(MARKER)).is_ok_and(|m| m.lines().next().is_some_and(|l| l.contains(COPY_LINE)))
}

/// The target exists and `--force` was not given.
#[derive(Debug)]
pub struct Exists(pub PathBuf);

impl std::fmt::Display for Exists {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} already exists; use --force to replace it", self.0.display())
    }
}
impl std::error::Error for Exists {}

/// `--force` over a bundle that holds files beian did not write, or that the user changed.
#[derive(Debug)]
pub struct Foreign {
    pub out: PathBuf,
    /// Relative paths of files beian did not write.
    pub added: Vec<String>,
    /// Relative paths of files beian wrote that have changed since.
    pub changed: Vec<String>,
}

impl std::fmt::Display for Foreign {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} holds files that beian did not write or that were changed since; --force would delete them, so nothing was replaced.",
            self.out.display()
        )?;
        if !self.added.is_empty() {
            write!(f, " Added: {}.", self.added.join(", "))?;
        }
        if !self.changed.is_empty() {
            write!(f, " Changed: {}.", self.changed.join(", "))?;
        }
        write!(f, " Move them out of the folder (or choose another --out) and run again.")
    }
}
impl std::error::Error for Foreign {}

/// FNV-1a, 64 bits: stable across Rust versions (the marker outlives the binary that wrote it).
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The marker's text: a version line, then `HASH SIZE PATH` per file.
pub fn marker_text(files: &[(String, Vec<u8>)]) -> String {
    let mut s = format!("beian {}\n", env!("CARGO_PKG_VERSION"));
    for (rel, bytes) in files.iter().filter(|(r, _)| r != MARKER) {
        s.push_str(&format!("{:016x} {} {rel}\n", fnv(bytes), bytes.len()));
    }
    s
}

/// Files a marker lists: path → (hash, size). `None` for a marker from before manifests.
fn read_manifest(dir: &Path) -> Option<Vec<(String, u64, u64)>> {
    let text = fs::read_to_string(dir.join(MARKER)).ok()?;
    let mut out = Vec::new();
    for line in text.lines().skip(1) {
        let mut parts = line.splitn(3, ' ');
        let (Some(h), Some(n), Some(p)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let (Ok(h), Ok(n)) = (u64::from_str_radix(h, 16), n.parse()) else {
            continue;
        };
        out.push((p.to_string(), h, n));
    }
    (!out.is_empty()).then_some(out)
}

/// Every file and folder below `dir`, relative, `/`-separated; folders end with `/`.
fn list_tree(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, d: &Path, out: &mut Vec<String>, depth: usize) {
        let Ok(rd) = fs::read_dir(d) else { return };
        for e in rd.flatten() {
            let p = e.path();
            let rel = p.strip_prefix(root).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            if is_dir && depth < 32 {
                out.push(format!("{rel}/"));
                walk(root, &p, out, depth + 1);
            } else {
                out.push(rel);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out, 0);
    out.sort();
    out
}

/// What `--force` would lose: files beian did not write and files changed since.
pub fn foreign_files(dir: &Path) -> (Vec<String>, Vec<String>) {
    let manifest = read_manifest(dir);
    let mut added = Vec::new();
    let mut changed = Vec::new();
    let listed: BTreeSet<&str> = manifest.iter().flatten().map(|(p, _, _)| p.as_str()).collect();
    let folders: BTreeSet<String> = listed
        .iter()
        .flat_map(|p| {
            let parts: Vec<&str> = p.split('/').collect();
            (1..parts.len()).map(move |i| format!("{}/", parts[..i].join("/")))
        })
        .collect();
    for rel in list_tree(dir) {
        if rel == MARKER {
            continue;
        }
        let ours = match &manifest {
            Some(_) => listed.contains(rel.as_str()) || folders.contains(&rel),
            // A bundle from before manifests: the names beian has always written.
            None => {
                matches!(
                    rel.as_str(),
                    "draft.toml" | "checklist.md" | "forms.md" | "after-approval.md" | "report.html" | "letters/"
                ) || (rel.starts_with("letters/") && rel.ends_with(".md") && rel.matches('/').count() == 1)
            }
        };
        if !ours {
            added.push(rel);
        }
    }
    // draft.toml is regenerated from the draft being bundled (after `beian new`, the user edits
    // it there and bundles it again), so a changed one is not lost work.
    for (rel, hash, size) in manifest.iter().flatten().filter(|(rel, _, _)| rel != "draft.toml") {
        match fs::read(dir.join(rel)) {
            Ok(bytes) if bytes.len() as u64 == *size && fnv(&bytes) == *hash => {}
            // A file beian wrote and the user deleted is no loss.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            _ => changed.push(rel.clone()),
        }
    }
    (added, changed)
}

#[cfg(unix)]
fn create_file(path: &Path) -> std::io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)
}
#[cfg(not(unix))]
fn create_file(path: &Path) -> std::io::Result<fs::File> {
    // No mode bits on Windows: the user's profile ACL protects the folder.
    fs::OpenOptions::new().write(true).create_new(true).open(path)
}

#[cfg(unix)]
fn create_dir(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new().mode(0o700).create(path)
}
#[cfg(not(unix))]
fn create_dir(path: &Path) -> std::io::Result<()> {
    fs::DirBuilder::new().create(path)
}

fn sync_dir(path: &Path) {
    // Best effort: not every platform lets a folder be opened and synced.
    if let Ok(f) = fs::File::open(path) {
        let _ = f.sync_all();
    }
}

/// Test hook, debug builds only: fail after this many files have been written, as an
/// interrupted run would.
fn fault_after() -> Option<usize> {
    if cfg!(debug_assertions) {
        std::env::var("BEIAN_TEST_FAIL_AFTER_FILES").ok()?.parse().ok()
    } else {
        None
    }
}

/// Test hook, debug builds only: `BEIAN_TEST_ABORT_AT=POINT` aborts the process there, as a
/// kill would (no destructor runs, nothing is cleaned up). Points: `file-N` (after N files
/// are staged), `staged`, `swapped` (new bundle in place, old one not yet deleted),
/// `deleting` (old bundle half deleted), `aside` (rename fallback: old moved aside, new not
/// yet in). `BEIAN_TEST_SWAP=rename` forces the rename fallback.
fn abort_at(point: &str) {
    if cfg!(debug_assertions) && std::env::var("BEIAN_TEST_ABORT_AT").is_ok_and(|p| p == point) {
        std::process::abort();
    }
}

fn force_rename_fallback() -> bool {
    cfg!(debug_assertions) && std::env::var("BEIAN_TEST_SWAP").is_ok_and(|v| v == "rename")
}

fn is_bundle(path: &Path) -> bool {
    path.join(MARKER).is_file()
}

/// Something is at `out` that a bundle would replace. An empty folder (made beforehand with
/// mkdir) holds nothing to lose: the finished bundle is renamed over it like over an absent
/// target (rename(2) replaces an empty directory).
pub fn occupied(out: &Path) -> bool {
    let Ok(meta) = out.symlink_metadata() else { return false };
    !(meta.is_dir() && fs::read_dir(out).is_ok_and(|mut d| d.next().is_none()))
}

/// Whether the process that owns a leftover folder is still running.
#[cfg(unix)]
fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
    // Signal 0 checks existence; EPERM means it exists under another user.
    // SAFETY: kill with signal 0 sends nothing.
    let rc = unsafe { libc::kill(pid, 0) };
    rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}
#[cfg(not(unix))]
fn alive(pid: u32) -> bool {
    pid == std::process::id()
}

/// Whether a leftover named `.NAME.KIND-PID-…` belongs to a process that is gone. Names
/// without a pid come from older versions (random suffixes) and count as gone.
fn dead_leftover(file: &str, prefix: &str) -> bool {
    match file.strip_prefix(prefix) {
        Some(rest) => rest.split('-').next().and_then(|p| p.parse().ok()).is_none_or(|pid| !alive(pid)),
        None => false,
    }
}

/// Repair and clean up after killed runs for the target `parent/name`: an old bundle moved
/// aside with no bundle at the target is put back; every other leftover of a dead process is
/// deleted.
pub fn recover(parent: &Path, name: &str) {
    let Ok(rd) = fs::read_dir(parent) else { return };
    let tmp_prefix = format!(".{name}.tmp-");
    let old_prefix = format!(".{name}.old-");
    let out = parent.join(name);
    let mut olds = Vec::new();
    for e in rd.flatten() {
        let file = e.file_name().to_string_lossy().into_owned();
        if dead_leftover(&file, &tmp_prefix) {
            let _ = fs::remove_dir_all(e.path());
        } else if dead_leftover(&file, &old_prefix) {
            olds.push(e.path());
        }
    }
    olds.sort();
    for old in olds {
        if !occupied(&out) && is_bundle(&old) && fs::rename(&old, &out).is_ok() {
            continue;
        }
        let _ = fs::remove_dir_all(&old);
    }
    sync_dir(parent);
}

fn unique(parent: &Path, name: &str, kind: &str) -> PathBuf {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    parent.join(format!(".{name}.{kind}-{}-{nanos}{n}", std::process::id()))
}

/// Write `files` (relative path → bytes) as the folder `out`.
pub fn write_atomic(out: &Path, files: &[(String, Vec<u8>)], force: bool) -> Result<()> {
    let name = out
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| anyhow!("{}: not a usable folder name", out.display()))?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    recover(&parent, name);
    let exists = occupied(out);
    if exists && !force {
        return Err(Exists(out.to_path_buf()).into());
    }
    if exists && !(out.is_dir() && is_bundle(out)) {
        bail!(
            "{} exists and is not a beian bundle (no {MARKER} in it); refusing to replace it even with --force",
            out.display()
        );
    }
    if exists {
        let (added, changed) = foreign_files(out);
        if !added.is_empty() || !changed.is_empty() {
            return Err(Foreign {
                out: out.to_path_buf(),
                added,
                changed,
            }
            .into());
        }
    }
    fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let staged = unique(&parent, name, "tmp");
    create_dir(&staged).with_context(|| format!("creating a temporary folder in {}", parent.display()))?;
    let result = stage(&staged, files).and_then(|()| {
        abort_at("staged");
        if exists {
            replace(&staged, out, &parent, name)
        } else if occupied(out) {
            // Someone filled the target while we rendered.
            Err(Exists(out.to_path_buf()).into())
        } else {
            fs::rename(&staged, out).with_context(|| format!("renaming into {}", out.display()))
        }
    });
    if result.is_err() {
        let _ = fs::remove_dir_all(&staged);
    }
    result?;
    sync_dir(&parent);
    Ok(())
}

/// Write and sync every file into the (empty) folder `tmp`.
fn stage(tmp: &Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    let fault = fault_after();
    for (i, (rel, bytes)) in files.iter().enumerate() {
        if fault == Some(i) {
            bail!("injected failure after {i} files (BEIAN_TEST_FAIL_AFTER_FILES)");
        }
        abort_at(&format!("file-{i}"));
        let rel_path = Path::new(rel);
        if rel_path.is_absolute() || rel_path.components().any(|c| !matches!(c, std::path::Component::Normal(_))) {
            bail!("bundle file name {rel} is not a plain relative path");
        }
        let path = tmp.join(rel_path);
        if let Some(dir) = path.parent() {
            let mut missing = Vec::new();
            let mut d = dir;
            while d != tmp && !d.exists() {
                missing.push(d.to_path_buf());
                d = d.parent().unwrap_or(tmp);
            }
            for m in missing.iter().rev() {
                create_dir(m).with_context(|| format!("creating {}", m.display()))?;
            }
        }
        let mut f = create_file(&path).with_context(|| format!("writing {rel}"))?;
        f.write_all(bytes).with_context(|| format!("writing {rel}"))?;
        f.sync_all().with_context(|| format!("syncing {rel}"))?;
    }
    for (rel, _) in files {
        if let Some(p) = Path::new(rel).parent().filter(|p| !p.as_os_str().is_empty()) {
            sync_dir(&tmp.join(p));
        }
    }
    sync_dir(tmp);
    Ok(())
}

/// Exchange two paths atomically. `Ok(false)`: not supported here (another OS, or a file
/// system without RENAME_EXCHANGE).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> Result<bool> {
    use std::os::unix::ffi::OsStrExt;
    if force_rename_fallback() {
        return Ok(false);
    }
    let ca = std::ffi::CString::new(a.as_os_str().as_bytes())?;
    let cb = std::ffi::CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: two NUL-terminated paths, relative to the working directory.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(true);
    }
    let err = std::io::Error::last_os_error();
    match err.raw_os_error() {
        Some(libc::ENOSYS | libc::EINVAL | libc::ENOTSUP) => Ok(false),
        _ => Err(err).with_context(|| format!("swapping {} into place", b.display())),
    }
}
#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> Result<bool> {
    Ok(false)
}

/// `--force`: swap the new bundle in, then delete the old one.
fn replace(staged: &Path, out: &Path, parent: &Path, name: &str) -> Result<()> {
    if exchange(staged, out)? {
        // `staged` now holds the old bundle, under a name the next run cleans up.
        sync_dir(parent);
        abort_at("swapped");
        remove_old(staged);
        return Ok(());
    }
    let backup = unique(parent, name, "old");
    fs::rename(out, &backup).with_context(|| format!("moving the old {} aside", out.display()))?;
    abort_at("aside");
    if let Err(e) = fs::rename(staged, out) {
        let _ = fs::rename(&backup, out);
        return Err(e).with_context(|| format!("renaming into {}", out.display()));
    }
    sync_dir(parent);
    abort_at("swapped");
    remove_old(&backup);
    Ok(())
}

/// Delete the replaced bundle (a failure leaves a leftover that the next run deletes).
fn remove_old(old: &Path) {
    if let Ok(rd) = fs::read_dir(old) {
        let mut first = true;
        for e in rd.flatten() {
            let _ = if e.path().is_dir() {
                fs::remove_dir_all(e.path())
            } else {
                fs::remove_file(e.path())
            };
            if first {
                abort_at("deleting");
                first = false;
            }
        }
    }
    let _ = fs::remove_dir_all(old);
}
