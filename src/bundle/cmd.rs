//! `beian bundle` and `beian templates`: arguments and the text they print. stdout carries
//! the summary only; no personal data is printed.

use super::templates::{self, Origin};
use crate::diag::Lang;
use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use std::io::Write;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct BundleArgs {
    /// The filing draft (TOML)
    pub draft: PathBuf,
    /// Bundle folder to write (default: <draft name>-bundle beside the draft)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Replace an existing bundle folder (refused when it holds files beian did not write or that were changed since; they are listed, never deleted)
    #[arg(long)]
    pub force: bool,
    /// Date every letter and deadline as of this day (YYYY-MM-DD) instead of the draft's filing_date
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<chrono::NaiveDate>,
}

#[derive(Subcommand, Debug)]
pub enum TemplatesCommand {
    /// List the bundle templates and where each comes from (built in or your override)
    #[command(after_help = "Examples:\n  beian templates list\n  BEIAN_CONFIG_DIR=~/my-beian beian templates list")]
    List,
    /// Print a template's source (your override if you have one)
    #[command(
        after_help = "Examples:\n  beian templates show authorization-principal.md.j2\n  beian templates show report.html.j2 > ~/.config/beian/templates/report.html.j2"
    )]
    Show {
        /// Template file name, e.g. authorization-principal.md.j2
        name: String,
    },
}

/// `beian bundle`: 0 when the draft has no error findings, 1 when it has (the bundle is
/// written either way: the errors are its to-dos). Errors (exists, IO, template) → `Err`.
pub fn bundle(out: &mut impl Write, args: &BundleArgs, lang: Lang) -> Result<u8> {
    let size = std::fs::metadata(&args.draft)
        .with_context(|| format!("{}", args.draft.display()))?
        .len();
    if let Some(why) = crate::draft::too_large(size) {
        bail!("{}: {}", args.draft.display(), why.get(lang));
    }
    let src = std::fs::read(&args.draft).with_context(|| format!("{}", args.draft.display()))?;
    let src = String::from_utf8(src)
        .map_err(|e| anyhow::anyhow!("{}: not UTF-8 (byte {})", args.draft.display(), e.utf8_error().valid_up_to()))?;
    let target = args.out.clone().unwrap_or_else(|| super::default_out(&args.draft));
    let s = super::write_bundle(&src, Some(&args.draft), &target, args.force, lang, args.as_of).map_err(|e| localise(e, lang))?;
    let zh = lang == Lang::Zh;
    if zh {
        writeln!(out, "已写入备案资料包：{}", s.out.display())?;
    } else {
        writeln!(out, "Bundle written: {}", s.out.display())?;
    }
    for f in s.files.iter().filter(|f| !f.starts_with('.')) {
        writeln!(out, "  {f}")?;
    }
    if zh {
        writeln!(
            out,
            "材料 {} 项，尚缺 {} 项；待处理问题：错误 {}，警告 {}，提示 {}",
            s.materials, s.missing, s.errors, s.warnings, s.infos
        )?;
    } else {
        writeln!(
            out,
            "{} materials, {} missing; open findings: {} errors, {} warnings, {} notes",
            s.materials, s.missing, s.errors, s.warnings, s.infos
        )?;
    }
    Ok(u8::from(s.errors > 0))
}

/// The two refusals a user meets most, in the UI language (also used by `beian new`).
pub fn localise(e: anyhow::Error, lang: Lang) -> anyhow::Error {
    if lang == Lang::En {
        return e;
    }
    if let Some(x) = e.downcast_ref::<super::Exists>() {
        return anyhow::anyhow!("{} 已存在；要替换它请加 --force", x.0.display());
    }
    if let Some(f) = e.downcast_ref::<super::Foreign>() {
        let mut s = format!(
            "{} 中有不是 beian 写入的文件，或写入后被修改过的文件；--force 会删除它们，所以没有替换。",
            f.out.display()
        );
        if !f.added.is_empty() {
            s.push_str(&format!("新增：{}。", f.added.join("、")));
        }
        if !f.changed.is_empty() {
            s.push_str(&format!("已修改：{}。", f.changed.join("、")));
        }
        s.push_str("请把它们移出该文件夹（或换一个 --out）后再运行。");
        return anyhow::anyhow!(s);
    }
    e
}

pub fn templates(out: &mut impl Write, cmd: &TemplatesCommand, lang: Lang) -> Result<()> {
    let dir = templates::override_dir();
    match cmd {
        TemplatesCommand::List => {
            let zh = lang == Lang::Zh;
            for (name, origin) in templates::list(dir.as_deref()) {
                match origin {
                    Origin::BuiltIn => writeln!(out, "{name}\t{}", if zh { "内置" } else { "built-in" })?,
                    Origin::Override(p) => writeln!(out, "{name}\t{} {}", if zh { "覆盖：" } else { "override:" }, p.display())?,
                }
            }
            if let Some(d) = dir {
                writeln!(out, "\n{} {}", if zh { "覆盖模板目录：" } else { "Override folder:" }, d.display())?;
            }
        }
        TemplatesCommand::Show { name } => match templates::source(dir.as_deref(), name)? {
            Some(s) => write!(out, "{s}")?,
            None => bail!("no template named {name}; `beian templates list` shows them"),
        },
    }
    Ok(())
}
