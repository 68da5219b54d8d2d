use beian::cli::{Cli, Command, Format, LangArg, RulesCommand};
use beian::commands::{check, rules_cmd};
use beian::diag::Lang;
use beian::report;
use clap::Parser;
use std::io::{self, Write};
use std::process::ExitCode;

/// `--lang` / BEIAN_LANG first; otherwise an English locale gives English; else Chinese.
fn lang(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Zh) => Lang::Zh,
        None => {
            let loc = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
                .unwrap_or_default();
            if loc.starts_with("en") { Lang::En } else { Lang::Zh }
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let lang = lang(cli.lang);
    let rules = beian::rules::rules();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Check(args) => {
            let files = check::collect(&args.paths)?;
            let mut reports: Vec<_> = files.iter().map(|p| check::check_file(rules, p, args.as_of)).collect();
            if args.require_materials {
                for r in &mut reports {
                    check::require_materials(rules, r);
                }
            }
            match args.format {
                Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&report::json::render(&reports, lang))?)?,
                Format::Table => report::table::render(
                    &mut out,
                    &reports,
                    &report::table::Options {
                        lang,
                        width: None,
                        show_checklist: !args.no_checklist,
                    },
                )?,
            }
            out.flush()?;
            Ok(if reports.iter().all(|r| r.ready()) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Rules(RulesCommand::List { province, json }) => {
            rules_cmd::list(&mut out, rules, province.as_deref(), json, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::New(args) => beian::wizard::run(args, lang),
        Command::Rules(RulesCommand::Explain { code, json }) => {
            rules_cmd::explain(&mut out, rules, &code, json, lang)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`beian check … | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("beian: {e:#}");
            ExitCode::from(2)
        }
    }
}
