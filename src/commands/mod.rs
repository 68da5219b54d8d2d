//! One module per subcommand.
pub mod app_cmd;
pub mod check;
pub mod completions;
pub mod config_cmd;
pub mod rules_cmd;
pub mod types_cmd;
