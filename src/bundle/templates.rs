//! The bundle's templates: minijinja files in `templates/`, embedded in the binary. A user
//! overrides one by placing a file of the same name in `<config dir>/templates/` (the config
//! dir is `$BEIAN_CONFIG_DIR`, else the platform's, e.g. `~/.config/beian`).
//!
//! Escaping follows the file name: `*.html.j2` is HTML-escaped, `*.md.j2` is not.
//! Undefined variables are errors (strict mode), so a misspelt field never leaves a silent
//! blank in a letter.

use crate::pii;
use chrono::NaiveDate;
use minijinja::{Environment, Error, ErrorKind, State, UndefinedBehavior, Value, syntax::SyntaxConfig};
use std::path::{Path, PathBuf};

macro_rules! embedded {
    ($($name:literal),* $(,)?) => { &[$(($name, include_str!(concat!("../../templates/", $name)))),*] };
}

/// Every built-in template: (file name, source).
pub const EMBEDDED: &[(&str, &str)] = embedded!(
    "checklist.md.j2",
    "forms.md.j2",
    "after-approval.md.j2",
    "report.html.j2",
    "authorization-principal.md.j2",
    "authorization-website.md.j2",
    "fill-in-sheet.md.j2",
);

pub fn embedded(name: &str) -> Option<&'static str> {
    EMBEDDED.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// `$BEIAN_CONFIG_DIR`, else the platform config folder for beian.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("BEIAN_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "beian").map(|p| p.config_dir().to_path_buf())
}

/// Where user overrides live: `<config dir>/templates`.
pub fn override_dir() -> Option<PathBuf> {
    config_dir().map(|d| d.join("templates"))
}

/// A template name is a plain file name: no folders, no `..`.
fn plain_name(name: &str) -> bool {
    !name.is_empty() && !name.contains(['/', '\\']) && name != "." && name != ".."
}

/// The user's override of `name`, if there is one.
pub fn override_path(dir: Option<&Path>, name: &str) -> Option<PathBuf> {
    let p = dir?.join(name);
    (plain_name(name) && p.is_file()).then_some(p)
}

/// Where a template comes from.
pub enum Origin {
    BuiltIn,
    Override(PathBuf),
}

/// Every template name known: built-in ones, then extra `*.j2` files in the override folder
/// (a table may name a template that only the user supplies).
pub fn list(dir: Option<&Path>) -> Vec<(String, Origin)> {
    let mut out: Vec<(String, Origin)> = EMBEDDED
        .iter()
        .map(|(n, _)| match override_path(dir, n) {
            Some(p) => (n.to_string(), Origin::Override(p)),
            None => (n.to_string(), Origin::BuiltIn),
        })
        .collect();
    if let Some(d) = dir
        && let Ok(rd) = std::fs::read_dir(d)
    {
        let mut extra: Vec<(String, Origin)> = rd
            .flatten()
            .filter_map(|e| {
                let n = e.file_name().to_str()?.to_string();
                (n.ends_with(".j2") && embedded(&n).is_none() && e.path().is_file()).then(|| (n, Origin::Override(e.path())))
            })
            .collect();
        extra.sort_by(|a, b| a.0.cmp(&b.0));
        out.extend(extra);
    }
    out
}

/// The effective source of a template: the override if present, else the built-in one.
pub fn source(dir: Option<&Path>, name: &str) -> std::io::Result<Option<String>> {
    if let Some(p) = override_path(dir, name) {
        return std::fs::read_to_string(p).map(Some);
    }
    Ok(embedded(name).map(str::to_string))
}

/// The template environment: user folder first, then the embedded templates. Embedded
/// templates are served by the loader (not `add_template`), because added templates would
/// win over the loader and make overrides impossible.
pub fn environment(dir: Option<PathBuf>) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    if let Ok(syntax) = SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    env.set_loader(move |name| {
        if !plain_name(name) {
            return Ok(None);
        }
        if let Some(p) = override_path(dir.as_deref(), name) {
            return std::fs::read_to_string(&p)
                .map(Some)
                .map_err(|e| Error::new(ErrorKind::InvalidOperation, format!("cannot read override {}: {e}", p.display())));
        }
        Ok(embedded(name).map(str::to_string))
    });
    env.add_filter("add_days", add_days);
    env.add_filter("zh_date", zh_date);
    env.add_filter("or_blank", or_blank);
    env.add_filter("cell", cell);
    env.add_function("tr", tr);
    env
}

/// `{{ "2026-12-01" | add_days(30) }}` → `2026-12-31`.
fn add_days(date: &str, days: i64) -> Result<String, Error> {
    let d =
        NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| Error::new(ErrorKind::InvalidOperation, "add_days expects YYYY-MM-DD"))?;
    let out = d
        .checked_add_signed(chrono::Duration::days(days))
        .ok_or_else(|| Error::new(ErrorKind::InvalidOperation, "date out of range"))?;
    Ok(out.format("%Y-%m-%d").to_string())
}

/// `2026-12-01` → `2026年12月1日`; other text unchanged (e.g. 长期).
fn zh_date(date: &str) -> String {
    match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => d.format("%Y年%-m月%-d日").to_string(),
        Err(_) => date.to_string(),
    }
}

/// A value, or a line to fill in by hand when the draft leaves it empty.
fn or_blank(v: Value, width: Option<usize>) -> String {
    if v.is_undefined() || v.is_none() || v.as_str().is_some_and(|s| s.trim().is_empty()) {
        "_".repeat(width.unwrap_or(12))
    } else {
        v.to_string()
    }
}

/// A Markdown table cell: `—` when empty; `|` escaped and line breaks flattened.
fn cell(v: Value) -> String {
    if v.is_undefined() || v.is_none() || v.as_str().is_some_and(|s| s.trim().is_empty()) {
        return "—".to_string();
    }
    v.to_string().replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// `{{ tr("材料清单", "Checklist") }}`: the text in the bundle's language.
fn tr(state: &State, zh: String, en: String) -> String {
    match state.lookup("lang").as_ref().and_then(Value::as_str) {
        Some("en") => en,
        _ => zh,
    }
}

/// A render error as a plain message: kind, detail (ID-like runs masked) and template line.
/// Never the alternate display, which can carry the referenced values.
pub fn describe_error(e: &Error) -> String {
    let mut s = e.kind().to_string();
    if let Some(d) = e.detail() {
        s.push_str(": ");
        s.push_str(&pii::mask_text(d));
    }
    if let Some(n) = e.name() {
        s.push_str(&format!(" (in {n}, line {})", e.line().unwrap_or(0)));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_wins_and_names_stay_plain() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("forms.md.j2"), "mine {{ x }}").unwrap();
        let env = environment(Some(dir.path().to_path_buf()));
        let t = env.get_template("forms.md.j2").unwrap();
        assert_eq!(t.render(minijinja::context! { x => 1 }).unwrap(), "mine 1");
        assert!(env.get_template("checklist.md.j2").is_ok());
        assert!(env.get_template("../forms.md.j2").is_err());
        assert!(env.get_template("nope.md.j2").is_err());
        assert!(matches!(
            list(Some(dir.path())).iter().find(|(n, _)| n == "forms.md.j2").unwrap().1,
            Origin::Override(_)
        ));
    }

    #[test]
    fn strict_undefined_and_filters() {
        let env = environment(None);
        assert!(env.render_str("{{ nothing.here }}", ()).is_err());
        assert_eq!(env.render_str("{{ '2026-12-01' | add_days(30) }}", ()).unwrap(), "2026-12-31");
        assert_eq!(env.render_str("{{ '2026-12-01' | zh_date }}", ()).unwrap(), "2026年12月1日");
        assert_eq!(
            env.render_str("{{ none | or_blank(3) }}|{{ 'a' | or_blank }}", ()).unwrap(),
            "___|a"
        );
        assert_eq!(
            env.render_str("{{ tr('中', 'en') }}", minijinja::context! { lang => "en" })
                .unwrap(),
            "en"
        );
    }
}
