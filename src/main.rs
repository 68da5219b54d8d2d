use beian::cli::{AppCommand, Cli, Command, ConfigCommand, FailOn, Format, RulesCommand};
use beian::commands::{app_cmd, check, completions, config_cmd, rules_cmd};
use beian::config::{self, Config, ConfigError};
use beian::diag::{Lang, Severity};
use beian::i18n::{self, Msg};
use beian::overrides::{Level, Override, Overrides};
use beian::text::{EscapeWriter, Syntax};
use beian::{color, report};
use clap::{ArgMatches, FromArgMatches};
use std::ffi::OsString;
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

/// What `main` knows before dispatch: the language, the colour choice, and the config file
/// (read once; an error is kept until a command that needs the config asks for it).
struct Ctx {
    lang: Lang,
    color: beian::cli::ColorArg,
    config_path: Option<PathBuf>,
    config: Option<Result<Config, ConfigError>>,
}

impl Ctx {
    /// The config for commands that depend on it: a broken file is an error (exit 2), never a
    /// silent default.
    fn config(&self) -> anyhow::Result<Config> {
        match &self.config {
            Some(Ok(c)) => Ok(c.clone()),
            Some(Err(e)) => Err(anyhow::anyhow!(e.message(self.lang))),
            None => Ok(Config::default()),
        }
    }

    fn warn(&self, text: &str) {
        let prefix = color::paint(color::stderr(self.color), color::YELLOW, Msg::WarningPrefix.text(self.lang));
        eprintln!("beian: {prefix}{}", beian::text::sanitize_display(text));
    }
}

/// `--allow/--warn/--deny CODE` in command-line order, so the last one given wins.
fn cli_overrides(m: &ArgMatches, lang: Lang) -> Vec<Override> {
    let mut found = Vec::new();
    for (id, level) in [("allow", Level::Allow), ("warn", Level::Warn), ("deny", Level::Deny)] {
        if let (Some(vals), Some(idx)) = (m.get_many::<String>(id), m.indices_of(id)) {
            for (code, i) in vals.zip(idx) {
                found.push((
                    i,
                    Override {
                        code: code.clone(),
                        level,
                        reason: None,
                        origin: Msg::OverrideCommandLine.text(lang).to_string(),
                    },
                ));
            }
        }
    }
    found.sort_by_key(|(i, _)| *i);
    found.into_iter().map(|(_, o)| o).collect()
}

fn level_name(l: Level) -> &'static str {
    match l {
        Level::Allow => "allow",
        Level::Warn => "warn",
        Level::Deny => "deny",
    }
}

fn run(cli: Cli, matches: &ArgMatches, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let lang = ctx.lang;
    let mut files = match &cli.command {
        Command::Check(args) => Some(check::collect(&args.paths)),
        _ => None,
    };
    let rules = beian::rules::rules();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Check(args) => {
            let cfg = ctx.config()?;
            let mut overrides = Overrides {
                list: cfg.overrides.list.clone(),
            };
            if let Some(m) = matches.subcommand_matches("check") {
                overrides.list.extend(cli_overrides(m, lang));
            }
            for o in overrides.unmatched(rules) {
                ctx.warn(&Msg::OverrideUnmatched.fmt(lang, &[("origin", &o.origin), ("level", level_name(o.level)), ("code", &o.code)]));
            }
            let files = files
                .take()
                .unwrap_or_else(|| check::collect(&args.paths))
                .map_err(|e| anyhow::anyhow!(Msg::PathUnreadable.fmt(lang, &[("detail", &e.to_string())])))?;
            // Nothing to check is a usage error: a CI job pointed at the wrong folder must not
            // pass by checking nothing.
            if files.is_empty() {
                let shown: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
                anyhow::bail!(Msg::NoDrafts.fmt(lang, &[("paths", &shown.join(", "))]));
            }
            let opts = check::CheckOptions {
                as_of: args.as_of,
                require_materials: args.require_materials,
                overrides,
            };
            let batch = beian::batch::BatchOptions {
                jobs: args.jobs.map(usize::from),
                progress: !args.quiet,
            };
            let fail_on = match args.fail_on {
                FailOn::Error => Severity::Error,
                FailOn::Warning => Severity::Warning,
            };
            // The batch's workers write the report themselves, so they get their own handle.
            drop(out);
            let out = io::BufWriter::with_capacity(1 << 16, io::stdout());
            let mut sink: Box<dyn beian::batch::Sink + Send + '_> = match args.format {
                Format::Json => Box::new(report::json::JsonSink::new(EscapeWriter::new(out, Syntax::Json), lang)),
                Format::Table => Box::new(report::table::TableSink {
                    out,
                    opts: report::table::Options {
                        lang,
                        width: None,
                        show_checklist: !args.no_checklist,
                        color: color::stdout(ctx.color),
                    },
                }),
                Format::Csv => Box::new(report::csv::CsvSink::new(out, lang)),
                Format::Junit => Box::new(report::junit::JunitSink::new(EscapeWriter::new(out, Syntax::Xml), lang, fail_on)),
                Format::Sarif => Box::new(report::sarif::SarifSink::new(EscapeWriter::new(out, Syntax::Json), lang, rules)),
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
        Command::Rules(RulesCommand::List {
            province,
            filing_type,
            json,
        }) => {
            ctx.config()?;
            rules_cmd::list(&mut out, rules, province.as_deref(), filing_type.as_deref(), json, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::New(args) => beian::wizard::run(args, lang),
        Command::Types { filing_type, json } => {
            ctx.config()?;
            beian::commands::types_cmd::run(&mut out, rules, filing_type.as_deref(), json, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules(RulesCommand::Explain { code, json }) => {
            ctx.config()?;
            rules_cmd::explain(&mut out, rules, &code, json, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Bundle(args) => Ok(ExitCode::from(beian::bundle::cmd::bundle(&mut out, &args, lang)?)),
        Command::Templates(cmd) => {
            beian::bundle::cmd::templates(&mut out, &cmd, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::App(AppCommand::Inspect(args)) => Ok(ExitCode::from(app_cmd::inspect(&mut out, rules, &args, lang)?)),
        Command::Completions { shell } => {
            completions::print_completion(&mut out, shell, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            io::Write::write_all(&mut out, beian::draft::schema::draft_schema_json().as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            completions::print_man(&mut out, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Config(ConfigCommand::Path) => {
            config_cmd::path(&mut out, ctx.config_path.as_deref(), lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Config(ConfigCommand::Show) => {
            let cfg = match ctx.config_path.as_deref() {
                Some(_) => ctx.config()?,
                None => anyhow::bail!("{}", Msg::ConfigNoDir.text(lang)),
            };
            config_cmd::show(&mut out, &cfg, lang)?;
            for o in cfg.overrides.unmatched(rules) {
                ctx.warn(&Msg::OverrideUnmatched.fmt(lang, &[("origin", &o.origin), ("level", level_name(o.level)), ("code", &o.code)]));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Config(ConfigCommand::Init) => {
            config_cmd::init(&mut io::stderr(), ctx.config_path.as_deref(), lang)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    // Parse the embedded rule tables (a few ms) while the arguments are read and `check`
    // walks its folders; the first real use waits for it.
    std::thread::spawn(beian::rules::rules);
    let args: Vec<OsString> = std::env::args_os().collect();
    // The language and colour must be known before clap renders help or a usage error.
    let pre = i18n::prescan(&args);
    let config_path = config::path();
    let config = config_path.as_deref().map(config::load);
    let config_lang = config.as_ref().and_then(|c| c.as_ref().ok()).and_then(|c| c.lang);
    let env_lang = std::env::var("BEIAN_LANG").ok();
    let lang = i18n::resolve_lang(pre.lang, env_lang.as_deref(), config_lang, i18n::system_locale().as_deref());
    let color_choice = pre.color.unwrap_or(beian::cli::ColorArg::Auto);
    let matches = match i18n::command(lang)
        .color(color::clap_choice(color_choice))
        .try_get_matches_from(&args)
    {
        Ok(m) => m,
        Err(e) => {
            if lang == Lang::Zh
                && let Some(text) = i18n::clap_error_zh(&e)
            {
                eprint!("{text}");
                return ExitCode::from(2);
            }
            let _ = e.print();
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(2);
        }
    };
    let ctx = Ctx {
        lang,
        color: cli.color,
        config_path,
        config,
    };
    match run(cli, &matches, &ctx) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`beian check … | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let prefix = color::paint(color::stderr(ctx.color), color::RED, Msg::ErrorPrefix.text(lang));
            eprintln!("beian: {prefix}{}", beian::text::sanitize_display(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
