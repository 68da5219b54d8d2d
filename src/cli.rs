//! Command-line interface (clap derive). Help texts are English here; `i18n` swaps in Chinese.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "beian", version, about = "Prepare and check Chinese ICP filings (ICP备案) offline", long_about = None)]
pub struct Cli {
    /// Language of prompts, messages and reports (default: Chinese; also BEIAN_LANG, or an English locale)
    #[arg(long, global = true, value_enum, env = "BEIAN_LANG")]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Copy, Clone, Debug, ValueEnum, PartialEq, Eq)]
pub enum LangArg {
    Zh,
    En,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check filing drafts against national and provincial rules
    #[command(
        after_help = "Examples:\n  beian check draft.toml\n  beian check clients/ --format json\n  beian check draft.toml --as-of 2027-01-15\n  beian check clients/ --format csv --jobs 4 > clients.csv\n  beian check clients/ --format github --fail-on warning"
    )]
    Check(CheckArgs),
    /// List rules or explain one
    #[command(subcommand)]
    Rules(RulesCommand),
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
        after_help = "Examples:\n  beian rules list\n  beian rules list --province 广东\n  beian rules list --province shanxi --json"
    )]
    List {
        /// Filing region: 广东, 广东省, 44 or guangdong
        #[arg(long)]
        province: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Explain one rule: what it checks, why, how to fix it, its source
    #[command(after_help = "Examples:\n  beian rules explain ID-VALIDITY\n  beian rules explain SX-DOMAINS-MAX --json")]
    Explain {
        code: String,
        #[arg(long)]
        json: bool,
    },
}
