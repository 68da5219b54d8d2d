//! Writing the bundle safely: every file is rendered first, then written into a temporary
//! folder beside the target (same file system), synced, and renamed into place. An
//! interrupted run leaves the target absent (or, with `--force`, the previous bundle intact).
//! Folders are 0700 and files 0600: the bundle holds ID numbers.

use anyhow::{Context, Result, anyhow, bail};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Written into every bundle; `--force` only replaces a folder that has it, so a mistyped
/// `--out ~` can never delete a home folder.
pub const MARKER: &str = ".beian-bundle";

/// The target exists and `--force` was not given.
#[derive(Debug)]
pub struct Exists(pub PathBuf);

impl std::fmt::Display for Exists {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} already exists; use --force to replace it", self.0.display())
    }
}
impl std::error::Error for Exists {}

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
    fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let prefix = format!(".{name}.tmp-");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o700));
    }
    let tmp = builder
        .tempdir_in(&parent)
        .with_context(|| format!("creating a temporary folder in {}", parent.display()))?;
    let fault = fault_after();
    for (i, (rel, bytes)) in files.iter().enumerate() {
        if fault == Some(i) {
            bail!("injected failure after {i} files (BEIAN_TEST_FAIL_AFTER_FILES)");
        }
        let rel_path = Path::new(rel);
        if rel_path.is_absolute() || rel_path.components().any(|c| !matches!(c, std::path::Component::Normal(_))) {
            bail!("bundle file name {rel} is not a plain relative path");
        }
        let path = tmp.path().join(rel_path);
        if let Some(dir) = path.parent() {
            let mut missing = Vec::new();
            let mut d = dir;
            while d != tmp.path() && !d.exists() {
                missing.push(d.to_path_buf());
                d = d.parent().unwrap_or(tmp.path());
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
            sync_dir(&tmp.path().join(p));
        }
    }
    sync_dir(tmp.path());
    let staged = tmp.keep();
    let result = if exists {
        replace(&staged, out, &parent, name)
    } else if occupied(out) {
        // Someone filled the target while we rendered.
        Err(Exists(out.to_path_buf()).into())
    } else {
        fs::rename(&staged, out).with_context(|| format!("renaming into {}", out.display()))
    };
    if result.is_err() {
        let _ = fs::remove_dir_all(&staged);
    }
    result?;
    sync_dir(&parent);
    Ok(())
}

/// `--force`: move the old bundle aside, move the new one in, then delete the old one. If
/// the second rename fails, the old bundle is put back.
fn replace(staged: &Path, out: &Path, parent: &Path, name: &str) -> Result<()> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let backup = parent.join(format!(".{name}.old-{}-{nanos}", std::process::id()));
    fs::rename(out, &backup).with_context(|| format!("moving the old {} aside", out.display()))?;
    if let Err(e) = fs::rename(staged, out) {
        let _ = fs::rename(&backup, out);
        return Err(e).with_context(|| format!("renaming into {}", out.display()));
    }
    fs::remove_dir_all(&backup).with_context(|| format!("removing the old bundle {}", backup.display()))?;
    Ok(())
}
