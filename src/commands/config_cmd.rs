//! `beian config path|show|init`.

use crate::config::{self, Config};
use crate::diag::Lang;
use crate::i18n::Msg;
use crate::overrides::Level;
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::Path;

pub fn path(out: &mut dyn Write, path: Option<&Path>, lang: Lang) -> Result<()> {
    match path {
        Some(p) => writeln!(out, "{}", p.display())?,
        None => bail!("{}", Msg::ConfigNoDir.text(lang)),
    }
    Ok(())
}

fn quoted(s: &str) -> String {
    // A TOML basic string.
    serde_json::to_string(s).unwrap_or_else(|_| format!("{s:?}"))
}

/// The effective settings, written as TOML that could be pasted back into the file.
pub fn show(out: &mut dyn Write, cfg: &Config, lang: Lang) -> Result<()> {
    let state = if cfg.exists { Msg::ConfigExists } else { Msg::ConfigMissingFile };
    writeln!(
        out,
        "# {}: {} ({})",
        Msg::ConfigFile.text(lang),
        cfg.path.display(),
        state.text(lang)
    )?;
    let unset = Msg::ConfigUnset.text(lang);
    let line = |out: &mut dyn Write, key: &str, v: Option<String>| -> std::io::Result<()> {
        match v {
            Some(v) => writeln!(out, "{key} = {}", quoted(&v)),
            None => writeln!(out, "# {key}: {unset}"),
        }
    };
    line(
        out,
        "lang",
        cfg.lang.map(|l| match l {
            Lang::Zh => "zh".into(),
            Lang::En => "en".into(),
        }),
    )?;
    line(out, "province", cfg.province.map(|p| p.short.to_string()))?;
    line(out, "provider", cfg.provider.clone())?;
    line(out, "output_dir", cfg.output_dir.as_ref().map(|p| p.display().to_string()))?;
    if cfg.overrides.list.is_empty() {
        writeln!(out, "# {}", Msg::ConfigNoOverrides.text(lang))?;
    }
    for o in &cfg.overrides.list {
        writeln!(out)?;
        writeln!(out, "[[override]]  # {}: {}", Msg::ConfigOrigin.text(lang), o.origin)?;
        writeln!(out, "rule = {}", quoted(&o.code))?;
        let level = match o.level {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        };
        writeln!(out, "level = {}", quoted(level))?;
        if let Some(r) = &o.reason {
            writeln!(out, "reason = {}", quoted(r))?;
        }
    }
    Ok(())
}

/// Write the commented template; never overwrites (create_new, so there is no check-then-write race).
pub fn init(err: &mut dyn Write, path: Option<&Path>, lang: Lang) -> Result<()> {
    let Some(path) = path else {
        bail!("{}", Msg::ConfigNoDir.text(lang))
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    }
    let shown = path.display().to_string();
    let mut f = match std::fs::OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!("{}", Msg::ConfigInitExists.fmt(lang, &[("path", &shown)]))
        }
        Err(e) => return Err(e).context(shown),
    };
    f.write_all(config::TEMPLATE.as_bytes())?;
    f.sync_all()?;
    writeln!(err, "{}", Msg::ConfigInitDone.fmt(lang, &[("path", &shown)]))?;
    Ok(())
}
