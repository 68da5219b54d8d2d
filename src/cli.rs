//! Command-line interface (clap derive). Help texts are English here; `i18n` swaps in Chinese
//! (`i18n::HELP_ZH`, keyed by command path and argument id; a test fails when one is missing).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "beian",
    version,
    about = "Prepare and check Chinese ICP filings (ICP备案) offline",
    long_about = None,
    after_help = "Examples:\n  beian check draft.toml\n  beian --lang en check clients/ --format json\n  beian rules explain ID-VALIDITY\n  beian config show\n  beian completions bash > ~/.local/share/bash-completion/completions/beian"
)]
pub struct Cli {
    /// Language of prompts, messages, reports and help (default Chinese; else the config file's lang or an English locale)
    #[arg(long, global = true, value_enum, env = "BEIAN_LANG")]
    pub lang: Option<LangArg>,
    /// When to colour the output: auto (only on a terminal), always, never; NO_COLOR always turns it off
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Copy, Clone, Debug, ValueEnum, PartialEq, Eq)]
pub enum LangArg {
    Zh,
    En,
}

#[derive(Copy, Clone, Debug, ValueEnum, PartialEq, Eq)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check filing drafts against national and provincial rules
    #[command(
        after_help = "Examples:\n  beian check draft.toml\n  beian check clients/ --format json\n  beian check draft.toml --as-of 2027-01-15\n  beian check clients/ --format csv --jobs 4 > clients.csv\n  beian check clients/ --format github --fail-on warning\n  beian check draft.toml --allow DOMAIN-EXPIRY-SOON --deny ID-VALIDITY"
    )]
    Check(CheckArgs),
    /// List rules or explain one
    #[command(
        subcommand,
        after_help = "Examples:\n  beian rules list --province 广东\n  beian rules explain ID-VALIDITY"
    )]
    Rules(RulesCommand),
    /// Fill in a filing step by step (interactive wizard), or from answers with --no-input
    #[command(
        after_help = "Examples:\n  beian new\n  beian new --out acme-filing\n  beian new --resume\n  beian new --no-input --answers draft.toml --set principal.province=广东 --out acme-filing"
    )]
    New(crate::wizard::NewArgs),
    /// Write the filing bundle: checklist, filled-in forms and letters, printable report
    #[command(after_help = "Examples:\n  beian bundle draft.toml\n  beian bundle draft.toml --out acme-filing --force")]
    Bundle(crate::bundle::cmd::BundleArgs),
    /// List the bundle's templates or show one (override one in $BEIAN_CONFIG_DIR/templates)
    #[command(
        subcommand,
        after_help = "Examples:\n  beian templates list\n  beian templates show authorization-principal.md.j2"
    )]
    Templates(crate::bundle::cmd::TemplatesCommand),
    /// Describe the filing types: when each applies, what it needs, how to choose
    #[command(after_help = "Examples:\n  beian types\n  beian types cancel\n  beian types 新增接入 --json")]
    Types {
        /// Only this type (first, new_service, new_access, change, cancel, transfer, or its Chinese name), with the rules and materials that apply
        filing_type: Option<String>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    #[command(
        after_help = "Examples:\n  beian completions bash > ~/.local/share/bash-completion/completions/beian\n  beian completions zsh > ~/.zfunc/_beian\n  beian completions fish > ~/.config/fish/completions/beian.fish"
    )]
    Completions {
        /// Shell to generate the script for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Read an APP's signing certificates from APKs, keystores and certificate files
    #[command(
        subcommand,
        after_help = "Examples:\n  beian app inspect app-release.apk\n  beian app inspect release.jks --alias release --draft draft.toml --write"
    )]
    App(AppCommand),
    /// Show where the config file is and what it sets
    #[command(
        subcommand,
        after_help = "Examples:\n  beian config path\n  beian config init\n  beian config show"
    )]
    Config(ConfigCommand),
    /// Print the JSON Schema (2020-12) of the draft format, for editors and validators
    #[command(
        after_help = "Examples:\n  beian schema > draft.schema.json\n  # first line of a draft, for Taplo / Even Better TOML:\n  #:schema ./draft.schema.json"
    )]
    Schema,
    /// Print the man page (roff) to stdout
    #[command(hide = true, after_help = "Examples:\n  beian man | man -l -")]
    Man,
}

#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Print the config file's path (it may not exist yet)
    #[command(after_help = "Examples:\n  beian config path\n  BEIAN_CONFIG_DIR=/tmp/beian beian config path")]
    Path,
    /// Print the effective settings and per-rule overrides
    #[command(after_help = "Examples:\n  beian config show\n  beian --lang en config show")]
    Show,
    /// Write a commented config file (refuses to overwrite one)
    #[command(after_help = "Examples:\n  beian config init\n  $EDITOR \"$(beian config path)\"")]
    Init,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Draft files, or folders searched for *.toml
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Report format
    #[arg(long, value_enum, default_value_t = Format::Table, env = "BEIAN_FORMAT")]
    pub format: Format,
    /// Check every date rule as of this day (YYYY-MM-DD) instead of the draft's filing_date
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<chrono::NaiveDate>,
    /// Treat materials missing from [materials] as errors
    #[arg(long)]
    pub require_materials: bool,
    /// Leave the checklist out of the table report
    #[arg(long)]
    pub no_checklist: bool,
    /// Drop this rule's findings for this run (repeatable; after the config file's overrides)
    #[arg(long, value_name = "CODE")]
    pub allow: Vec<String>,
    /// Report this rule's findings as warnings for this run (repeatable)
    #[arg(long, value_name = "CODE")]
    pub warn: Vec<String>,
    /// Report this rule's findings as errors for this run (repeatable)
    #[arg(long, value_name = "CODE")]
    pub deny: Vec<String>,
    /// Check this many drafts at once (default: one per core)
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Exit with status 1 on findings of this severity or worse
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "LEVEL")]
    pub fail_on: FailOn,
    /// No progress bar on stderr (the report on stdout is unchanged)
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

#[derive(Copy, Clone, Debug, ValueEnum, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
}

#[derive(Copy, Clone, Debug, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    /// One row per draft, then cross-draft findings and totals
    Csv,
    /// JUnit XML: one test case per draft
    Junit,
    /// SARIF 2.1.0 for code-scanning tools
    Sarif,
    /// GitHub Actions workflow annotations
    Github,
}

#[derive(Subcommand, Debug)]
pub enum RulesCommand {
    /// List the rules (national and, with --province, that province's)
    #[command(
        after_help = "Examples:\n  beian rules list\n  beian rules list --province 广东\n  beian rules list --province shanxi --json\n  beian rules list --type cancel --province 广东"
    )]
    List {
        /// Filing region: 广东, 广东省, 44 or guangdong
        #[arg(long)]
        province: Option<String>,
        /// Only the rules for this filing type: first, new_service, new_access, change, cancel, transfer (or the Chinese name)
        #[arg(long = "type", value_name = "TYPE")]
        filing_type: Option<String>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Explain one rule: what it checks, why, how to fix it, its source
    #[command(after_help = "Examples:\n  beian rules explain ID-VALIDITY\n  beian rules explain SX-DOMAINS-MAX --json")]
    Explain {
        /// Rule code, e.g. ID-VALIDITY
        code: String,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum AppCommand {
    /// Print each signing certificate's fingerprints (MD5, SHA-1, SHA-256) and public key, and compare them with a draft
    #[command(
        after_help = "Examples:\n  beian app inspect app-release.apk\n  beian app inspect release.jks --alias release\n  BEIAN_STOREPASS=… beian app inspect upload.p12 --storepass-env BEIAN_STOREPASS\n  beian app inspect app-release.apk --draft draft.toml --app 0 --write\n  beian app inspect distribution.cer profile.mobileprovision --format json"
    )]
    Inspect(InspectArgs),
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// APK, JKS or PKCS#12 keystore, DER/PEM certificate (.cer, .crt, .pem) or .mobileprovision
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Report format
    #[arg(long, value_enum, default_value_t = InspectFormat::Table)]
    pub format: InspectFormat,
    /// Keystore entry to read (default: every entry)
    #[arg(long, value_name = "NAME")]
    pub alias: Option<String>,
    /// Take the keystore password from this environment variable instead of asking on the terminal
    #[arg(long, value_name = "VAR")]
    pub storepass_env: Option<String>,
    /// Compare with this draft's APP and report mismatches as findings
    #[arg(long, value_name = "FILE")]
    pub draft: Option<PathBuf>,
    /// Which [[app]] of the draft, counted from 0 (default 0)
    #[arg(long, value_name = "N", requires = "draft")]
    pub app: Option<usize>,
    /// Which [[app.platform]] of that APP, counted from 0 (default: the one whose os matches the file)
    #[arg(long, value_name = "M", requires = "draft")]
    pub platform: Option<usize>,
    /// Write the fingerprint, public key and a missing package name into the draft (comments are kept)
    #[arg(long, requires = "draft")]
    pub write: bool,
    /// Check certificate expiry as of this day (YYYY-MM-DD) instead of the draft's filing_date or today
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<chrono::NaiveDate>,
}

#[derive(Copy, Clone, Debug, ValueEnum, PartialEq, Eq)]
pub enum InspectFormat {
    Table,
    Json,
}
