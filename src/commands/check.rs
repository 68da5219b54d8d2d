//! `beian check PATH...`: read drafts, evaluate, report. A broken draft is a finding; the
//! batch goes on.

use crate::diag::Hit;
use crate::draft::{Draft, load_str};
use crate::overrides::Overrides;
use crate::report::DraftReport;
use crate::rules::{self, RuleSet, engine};
use anyhow::{Result, bail};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Expand the command-line paths: files as given, folders searched for `*.toml` (sorted, so
/// the order never depends on the file system). A path that does not exist is a usage error.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => bail!("{}: {}", p.display(), e),
        };
        if meta.is_dir() {
            walk(p, &mut out, 0);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    // Symlinked folders are not followed: a link loop can neither hang nor repeat drafts.
    if depth > 64 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    // Each folder's entries in name order, depth first: the whole list comes out in path
    // order without sorting (and comparing) full paths.
    let mut entries: Vec<_> = entries
        .flatten()
        .filter_map(|e| Some((e.file_name(), e.file_type().ok()?)))
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // A bundle made from a draft kept elsewhere holds a copy of it: not a draft of its own.
    if entries.iter().any(|(n, _)| n == crate::bundle::write::MARKER) && crate::bundle::write::holds_draft_copy(dir) {
        return;
    }
    for (name, ft) in entries {
        let path = dir.join(&name);
        if ft.is_dir() {
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.') || n == "target");
            if !hidden {
                walk(&path, out, depth + 1);
            }
        } else if path.extension().is_some_and(|x| x == "toml") && (ft.is_file() || ft.is_symlink()) {
            out.push(path);
        }
    }
}

/// What a `check` run adds on top of the rules: the as-of day, severity overrides and whether
/// missing materials count as errors. Every way of checking (single, batch, wizard) goes
/// through `check_file`/`check_source` with these.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub as_of: Option<NaiveDate>,
    pub require_materials: bool,
    pub overrides: Overrides,
}

/// Check one draft's text with options applied (overrides last, so they also cover
/// reading errors and missing materials).
pub fn check_with(rules: &RuleSet, path: &str, src: &str, base: Option<&Path>, opts: &CheckOptions) -> DraftReport {
    let mut r = check_source(rules, path, src, opts.as_of, base);
    finish(rules, &mut r, opts);
    r
}

fn finish(rules: &RuleSet, r: &mut DraftReport, opts: &CheckOptions) {
    if opts.require_materials {
        require_materials(rules, r);
    }
    opts.overrides.apply(&mut r.findings);
    engine::sort(&mut r.findings);
}

/// Check one draft's text. `as_of` from the command line wins over the draft's filing_date.
pub fn check_source(rules: &RuleSet, path: &str, src: &str, as_of: Option<NaiveDate>, base: Option<&Path>) -> DraftReport {
    check_source_inspect(rules, path, src, as_of, base, |_| ()).0
}

/// `check_source`, also handing the typed draft (when it could be read) to `inspect` before it
/// is dropped: the batch uses this to keep the few keys its cross-draft checks need.
pub fn check_source_inspect<T>(
    rules: &RuleSet,
    path: &str,
    src: &str,
    as_of: Option<NaiveDate>,
    base: Option<&Path>,
    inspect: impl FnOnce(&Draft) -> T,
) -> (DraftReport, Option<T>) {
    let loaded = load_str(src);
    let mut seen = None;
    let mut findings = engine::load_findings(rules, &loaded.issues, loaded.draft.as_ref());
    let mut checklist = Vec::new();
    let (mut principal, mut province, mut kind, mut filing_type) = (None, None, None, None);
    if let Some(d) = &loaded.draft {
        let day = as_of.or(d.filing_date).unwrap_or_else(|| chrono::Local::now().date_naive());
        let out = engine::evaluate(rules, d, day, base);
        findings.extend(out.findings);
        // Files named in [materials]: present, a format the provider accepts, within its limit.
        findings.extend(crate::bundle::files::material_findings(rules, d, base));
        checklist = out.checklist;
        principal = d.principal.name.clone();
        province = d.principal.province.map(|p| p.short.to_string());
        kind = d.principal.kind.map(|k| k.id().to_string());
        filing_type = Some(crate::draft::filing::effective(d).id());
        seen = Some(inspect(d));
    }
    engine::sort(&mut findings);
    let report = DraftReport {
        path: path.to_string(),
        findings,
        checklist,
        principal,
        province,
        kind,
        filing_type,
    };
    (report, seen)
}

pub fn check_file(rules: &RuleSet, path: &Path, opts: &CheckOptions) -> DraftReport {
    check_file_inspect(rules, path, opts, |_| ()).0
}

/// `check_file` with the `check_source_inspect` hook (the batch's cross-draft keys).
pub fn check_file_inspect<T>(
    rules: &RuleSet,
    path: &Path,
    opts: &CheckOptions,
    inspect: impl FnOnce(&Draft) -> T,
) -> (DraftReport, Option<T>) {
    let shown = path.to_str().map_or_else(|| path.display().to_string(), str::to_owned);
    let read = read_regular(path);
    let (mut r, seen) = match read {
        Ok(bytes) if bytes.len() > crate::draft::MAX_DRAFT_BYTES => {
            let len = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
            let why = crate::draft::too_large(len).unwrap_or_else(|| crate::diag::Text::same("too large"));
            (io_report_text(rules, &shown, why), None)
        }
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(src) => check_source_inspect(rules, &shown, &src, opts.as_of, path.parent(), inspect),
            Err(e) => (
                io_report(rules, &shown, &format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to())),
                None,
            ),
        },
        Err(e) => (io_report(rules, &shown, &e.to_string()), None),
    };
    finish(rules, &mut r, opts);
    (r, seen)
}

/// Read a regular file. Anything else (a FIFO, a device, a folder named `*.toml`) is an error,
/// decided on the open file: one path lookup per draft, and no wait on a FIFO without a writer.
fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    #[cfg(not(unix))]
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut file = opts.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    // One byte past the limit is enough to know a draft is too large: a huge file is never
    // read whole.
    let cap = crate::draft::MAX_DRAFT_BYTES as u64 + 1;
    let mut bytes = Vec::with_capacity(meta.len().min(cap) as usize + 1);
    // Through `Take`: File's own read_to_end would ask the size again (fstat + lseek per draft).
    (&mut file).take(cap).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The report for a draft whose check panicked (a bug): one DRAFT-IO finding, so a batch
/// goes on with the next draft.
pub fn internal_error(rules: &RuleSet, path: &Path) -> DraftReport {
    io_report(
        rules,
        &path.display().to_string(),
        "internal error while checking this draft (please report it)",
    )
}

fn io_report(rules: &RuleSet, path: &str, detail: &str) -> DraftReport {
    io_report_text(rules, path, crate::diag::Text::same(detail))
}

fn io_report_text(rules: &RuleSet, path: &str, detail: crate::diag::Text) -> DraftReport {
    let f = engine::finding(rules, "DRAFT-IO", &Hit::at("").var_text("detail", detail), None);
    DraftReport {
        path: path.to_string(),
        findings: vec![f],
        checklist: vec![],
        principal: None,
        province: None,
        kind: None,
        filing_type: None,
    }
}

/// Materials still missing become errors with `--require-materials`.
pub fn require_materials(rules: &RuleSet, r: &mut DraftReport) {
    for c in &r.checklist {
        if c.status == rules::materials::Status::Missing {
            let hit = Hit::at(format!("materials.{}", c.key()))
                .var_text("material", c.material().clone())
                .var("key", c.key());
            r.findings.push(engine::finding(rules, "MATERIAL-MISSING", &hit, None));
        }
    }
}
