use beian::cli::{Cli, Command, FailOn, Format, LangArg, RulesCommand};
use beian::commands::{check, rules_cmd};
use beian::diag::{Lang, Severity};
use beian::report;
use clap::Parser;
use std::io;
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
            let opts = check::CheckOptions {
                as_of: args.as_of,
                require_materials: args.require_materials,
                ..Default::default()
            };
            let batch = beian::batch::BatchOptions {
                jobs: args.jobs.map(usize::from),
                progress: !args.quiet,
            };
            let fail_on = match args.fail_on {
                FailOn::Error => Severity::Error,
                FailOn::Warning => Severity::Warning,
            };
            let out = io::BufWriter::new(&mut out);
            let mut sink: Box<dyn beian::batch::Sink + '_> = match args.format {
                Format::Json => Box::new(report::json::JsonSink::new(out, lang)),
                Format::Table => Box::new(report::table::TableSink {
                    out,
                    opts: report::table::Options {
                        lang,
                        width: None,
                        show_checklist: !args.no_checklist,
                    },
                }),
                Format::Csv => Box::new(report::csv::CsvSink::new(out, lang)),
                Format::Junit => Box::new(report::junit::JunitSink::new(out, lang, fail_on)),
                Format::Sarif => Box::new(report::sarif::SarifSink::new(out, lang, rules)),
                Format::Github => Box::new(report::github::GithubSink::new(out, lang)),
            };
            let outcome = beian::batch::run(rules, &files, &opts, &batch, sink.as_mut())?;
            drop(sink);
            Ok(if outcome.failed(fail_on) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Rules(RulesCommand::List { province, json }) => {
            rules_cmd::list(&mut out, rules, province.as_deref(), json, lang)?;
            Ok(ExitCode::SUCCESS)
        }
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

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
