//! beian: prepare and check Chinese ICP filings (ICP备案) offline.
//!
//! Pipeline: `draft` (spanned TOML → typed model) → `rules` (embedded tables, check kinds,
//! checklist) → `diag` findings → `report` (one reporter per format).
pub mod app;
pub mod batch;
pub mod bundle;
pub mod cli;
pub mod color;
pub mod commands;
pub mod config;
pub mod diag;
pub mod draft;
pub mod i18n;
pub mod labels;
pub mod overrides;
pub mod pii;
pub mod province;
pub mod report;
pub mod rules;
pub mod text;
pub mod validators;
pub mod wizard;
