//! The filing bundle (`beian bundle DRAFT`): one folder per filing with
//!
//! - `draft.toml`: the normalised draft;
//! - `checklist.md`: every material with who signs it, `have`/`missing`, and every open
//!   finding as a to-do with its fix, grouped by filing step;
//! - `forms.md`: the provider's filing form, field by field, in the console's order;
//! - `letters/<material key>.md`: the letters the checklist calls for, filled in;
//! - `after-approval.md`: the footer snippet and the public-security filing deadline;
//! - `report.html`: one printable page with all of the above.
//!
//! Rendering is pure ([`render`]); writing ([`write_bundle`]) is atomic, 0700/0600, and never
//! replaces an existing folder without `force`; with `force` it replaces only a folder that
//! holds exactly the files beian wrote there, unchanged (else [`Foreign`], naming the user's
//! files). ID numbers are unmasked only inside the bundle's files; nothing here prints them.
//!
//! Environment:
//! - `BEIAN_CONFIG_DIR`: the config folder; template overrides live in its `templates/`
//!   (default: the platform's, e.g. `~/.config/beian`). `beian templates list|show NAME`.
//! - `BEIAN_TEST_FAIL_AFTER_FILES=N` (debug builds only): fail after writing N files, to test
//!   that an interrupted run leaves no bundle.
//! - `BEIAN_TEST_ABORT_AT=POINT`, `BEIAN_TEST_SWAP=rename` (debug builds only): abort the
//!   process at a point of the write, as a kill would (see [`write`]).
//! - `BEIAN_REQUIRE_TOOLS=1` (tests only): the headless-Chromium print test fails instead of
//!   skipping when the browser is not installed (tests/support/tools.rs).
//!
//! A run killed during the write leaves a hidden `.<name>.tmp-PID-*` or `.<name>.old-PID-*`
//! folder (0700) beside the target; the next run for that target deletes it (or, when the
//! kill came between the two renames of the non-Linux swap, puts the old bundle back). The
//! target itself is never half-written.

pub mod apps;
pub mod cmd;
pub mod context;
pub mod files;
pub mod markdown;
pub mod normalize;
pub mod sheets;
pub mod templates;
pub mod write;

use crate::commands::check::check_source;
use crate::diag::Lang;
use crate::draft::load_str;
use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;
use minijinja::{Value, context};
use std::path::{Path, PathBuf};

pub use write::{Exists, Foreign};

/// What a bundle run produced, for the command's summary (no personal data in it).
#[derive(Debug, Clone)]
pub struct BundleSummary {
    /// The bundle folder.
    pub out: PathBuf,
    /// Files in the bundle, relative to `out`, in writing order.
    pub files: Vec<String>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Checklist entries.
    pub materials: usize,
    /// Checklist entries still missing.
    pub missing: usize,
}

/// A rendered bundle, not yet on disk.
pub struct Rendered {
    pub files: Vec<(String, Vec<u8>)>,
    pub summary: BundleSummary,
}

/// The files of a bundle as one line for a final message, folders summarised with what they
/// hold: only what was written, so a bundle without letters names no `letters/`.
pub fn describe_files(files: &[String], lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let explain = |f: &str| match (f, lang) {
        ("checklist.md", Lang::Zh) => "（材料清单）",
        ("checklist.md", Lang::En) => " (materials)",
        ("forms.md", Lang::Zh) => "（照抄到备案系统的表格）",
        ("forms.md", Lang::En) => " (to copy into the filing console)",
        ("letters/", Lang::Zh) => "（填好的函件）",
        ("letters/", Lang::En) => " (filled-in letters)",
        ("sheets/", Lang::Zh) => "（官方表格的填写指引）",
        ("sheets/", Lang::En) => " (how to fill in the official forms)",
        ("report.html", Lang::Zh) => "（可打印）",
        ("report.html", Lang::En) => " (printable)",
        _ => "",
    };
    for f in files.iter().filter(|f| !f.starts_with('.')) {
        let shown = match f.split_once('/') {
            Some((dir, _)) => format!("{dir}/"),
            None => f.clone(),
        };
        let count = files.iter().filter(|g| g.starts_with(&shown)).count();
        let what = explain(&shown);
        let entry = match (shown.ends_with('/'), lang) {
            (true, Lang::Zh) => format!("{shown}（{}，{count} 份）", what.trim_start_matches('（').trim_end_matches('）')),
            (true, Lang::En) => format!("{shown} ({}, {count})", what.trim_start_matches(" (").trim_end_matches(')')),
            (false, _) => format!("{shown}{what}"),
        };
        if !parts.iter().any(|p| p.starts_with(&shown)) {
            parts.push(entry);
        }
    }
    parts.join(if lang == Lang::Zh { "、" } else { ", " })
}

/// Default bundle folder: `<draft stem>-bundle` beside the draft.
pub fn default_out(draft_path: &Path) -> PathBuf {
    let stem = draft_path.file_stem().and_then(|s| s.to_str()).unwrap_or("draft");
    draft_path.with_file_name(format!("{stem}-bundle"))
}

/// Render one template. Control and bidi characters from the draft are made visible
/// ([`crate::text::sanitize_display`]): a letter printed with `cat` or read in a viewer must
/// not be recoloured or reordered by a name in the draft.
fn render_one(env: &minijinja::Environment, name: &str, ctx: Value) -> Result<String> {
    let t = env
        .get_template(name)
        .map_err(|e| anyhow!("template {name}: {}", templates::describe_error(&e)))?;
    let text = t
        .render(ctx)
        .map_err(|e| anyhow!("template {name}: {}", templates::describe_error(&e)))?;
    Ok(match crate::text::sanitize_display(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(o) => o,
    })
}

/// Render every file of the bundle in memory.
///
/// `draft_path` names the draft (for `[materials]` paths and the file name shown); `as_of`
/// overrides the draft's `filing_date` (default: today); `template_dir` is the override
/// folder (`None`: built-in templates only).
pub fn render(
    draft_src: &str,
    draft_path: Option<&Path>,
    lang: Lang,
    as_of: Option<NaiveDate>,
    template_dir: Option<PathBuf>,
) -> Result<Rendered> {
    let rules = crate::rules::rules();
    let base = draft_path.map(|p| match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    });
    let shown = draft_path
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "draft.toml".into());
    let loaded = load_str(draft_src);
    let Some(draft) = loaded.draft.as_ref() else {
        bail!("{shown} cannot be read as a draft; run `beian check {shown}` to see why");
    };
    let day = as_of.or(draft.filing_date).unwrap_or_else(|| chrono::Local::now().date_naive());
    let report = check_source(rules, &shown, draft_src, Some(day), base.as_deref());
    // The same findings as `beian check`, including the [materials] file checks.
    let findings = report.findings;

    let ctx = context::build(&context::Input {
        draft,
        draft_file: shown.clone(),
        checklist: &report.checklist,
        findings: &findings,
        as_of: day,
        lang,
        base: base.as_deref(),
    });
    let env = templates::environment(template_dir);
    let base_ctx = Value::from(minijinja::value::Serde(&ctx));

    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    let header = format!(
        "# {}\n# beian bundle · {} · {}\n\n",
        match lang {
            Lang::En => "Normalised draft: vocabulary values in canonical form, [materials] paths resolved.",
            Lang::Zh => "规范化后的草稿：取值统一为标准写法，[materials] 路径已解析为绝对路径。",
        },
        shown,
        ctx.date
    );
    let normalised = normalize::normalise(draft_src, base.as_deref(), &header).unwrap_or_else(|| draft_src.to_string());
    out.push(("draft.toml".into(), normalised.into_bytes()));
    out.push((
        "checklist.md".into(),
        render_one(&env, "checklist.md.j2", base_ctx.clone())?.into_bytes(),
    ));
    out.push(("forms.md".into(), render_one(&env, "forms.md.j2", base_ctx.clone())?.into_bytes()));
    out.push((
        "after-approval.md".into(),
        render_one(&env, "after-approval.md.j2", base_ctx.clone())?.into_bytes(),
    ));

    // Letters of ours where no fixed form exists; fill-in sheets for official forms.
    let ctx_json = serde_json::to_value(&ctx).unwrap_or_default();
    let mut letters = Vec::new();
    for item in &report.checklist {
        let roles = &item.def.signs;
        let signer = sheets::signer_view(roles, &ctx, lang);
        let signer_zh = sheets::signer_view(roles, &ctx, Lang::Zh);
        let signs_zh = sheets::signer_text(roles, &ctx, Lang::Zh).or_else(|| item.signer().map(|s| s.zh.clone()));
        let (file, md, kind) = if let (Some(form), Some(file)) = (item.official_form(), context::sheet_file(item)) {
            let mut values = ctx_json.clone();
            values["signer"] = serde_json::to_value(&signer).unwrap_or_default();
            let sheet_ctx = context! {
                item => context! {
                    key => item.key(),
                    material => item.material().get(lang).to_string(),
                    signer => sheets::signer_text(roles, &ctx, lang).or_else(|| item.signer().map(|s| s.get(lang).to_string())),
                },
                sheet => Value::from(minijinja::value::Serde(sheets::sheet(form, &values, lang))),
                ..base_ctx.clone()
            };
            (file, render_one(&env, "fill-in-sheet.md.j2", sheet_ctx)?, "sheet")
        } else if let (Some(template), Some(file)) = (item.template(), context::letter_file(item)) {
            let item_ctx = context! {
                item => context! {
                    key => item.key(),
                    material => item.material().zh.clone(),
                    signer => signs_zh,
                },
                // The letter's authoriser: who signs for the principal (letters are Chinese).
                authoriser => Value::from(minijinja::value::Serde(&signer_zh)),
                ..base_ctx.clone()
            };
            (file, render_one(&env, template, item_ctx)?, "letter")
        } else {
            continue;
        };
        letters.push(context! {
            key => item.key(),
            kind => kind,
            title => item.material().get(lang).to_string(),
            file => file.clone(),
            html => Value::from_safe_string(markdown::to_html(&md)),
        });
        out.push((file, md.into_bytes()));
    }
    let report_ctx = context! {
        letters => letters,
        after_approval_html => Value::from_safe_string(markdown::to_html(
            std::str::from_utf8(&out[3].1).unwrap_or_default(),
        )),
        ..base_ctx.clone()
    };
    out.push(("report.html".into(), render_one(&env, "report.html.j2", report_ctx)?.into_bytes()));
    let mut marker = write::marker_text(&out);
    // On the version line, which nothing parses: the lines after it are the manifest.
    if let Some(p) = draft_path {
        marker = marker.replacen('\n', &format!(" ({}{})\n", write::COPY_LINE, p.display()), 1);
    }
    out.push((write::MARKER.into(), marker.into_bytes()));

    let summary = BundleSummary {
        out: PathBuf::new(),
        files: out.iter().map(|(n, _)| n.clone()).collect(),
        errors: ctx.counts.errors,
        warnings: ctx.counts.warnings,
        infos: ctx.counts.infos,
        materials: ctx.counts.materials,
        missing: ctx.counts.missing,
    };
    Ok(Rendered { files: out, summary })
}

/// Render the bundle for one draft and write it as the folder `out`, atomically.
///
/// - `draft_src`: the draft's text; `draft_path`: where it lives (for `[materials]` paths);
/// - `force`: replace an existing bundle folder (never a folder that is not a bundle);
/// - `lang`: language of headings and rule texts (letters are always Chinese);
/// - `as_of`: the day every date is computed from (default: the draft's `filing_date`, else
///   today).
///
/// Templates come from the user's override folder (`$BEIAN_CONFIG_DIR/templates`), else the
/// built-in ones. An existing `out` without `force` fails with [`Exists`]. This is what
/// `beian bundle` and the end of `beian new` call.
pub fn write_bundle(
    draft_src: &str,
    draft_path: Option<&Path>,
    out: &Path,
    force: bool,
    lang: Lang,
    as_of: Option<NaiveDate>,
) -> Result<BundleSummary> {
    write_bundle_using(draft_src, draft_path, out, force, lang, as_of, templates::override_dir())
}

/// [`write_bundle`] with an explicit template override folder (`None`: built-in templates
/// only), for callers and tests that must not depend on the user's config folder.
pub fn write_bundle_using(
    draft_src: &str,
    draft_path: Option<&Path>,
    out: &Path,
    force: bool,
    lang: Lang,
    as_of: Option<NaiveDate>,
    template_dir: Option<PathBuf>,
) -> Result<BundleSummary> {
    // Refuse early, before any work, when the target exists (write_atomic checks again).
    if write::occupied(out) && !force {
        return Err(Exists(out.to_path_buf()).into());
    }
    let rendered = render(draft_src, draft_path, lang, as_of, template_dir)?;
    write::write_atomic(out, &rendered.files, force)?;
    let mut summary = rendered.summary;
    summary.out = out.to_path_buf();
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_message_names_only_written_files() {
        let files: Vec<String> = [
            "draft.toml",
            "checklist.md",
            "sheets/a.md",
            "sheets/b.md",
            "report.html",
            ".beian-bundle",
        ]
        .map(String::from)
        .to_vec();
        let zh = describe_files(&files, Lang::Zh);
        assert_eq!(
            zh,
            "draft.toml、checklist.md（材料清单）、sheets/（官方表格的填写指引，2 份）、report.html（可打印）"
        );
        assert!(!zh.contains("letters/"));
        assert_eq!(
            describe_files(&files, Lang::En),
            "draft.toml, checklist.md (materials), sheets/ (how to fill in the official forms, 2), report.html (printable)"
        );
    }
}
