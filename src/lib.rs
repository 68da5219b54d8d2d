//! beian: prepare and check Chinese ICP filings (ICP备案) offline.
//!
//! Pipeline: `draft` (spanned TOML → typed model) → `rules` (embedded tables, check kinds,
//! checklist) → `diag` findings → `report` (one reporter per format).
pub mod batch;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod draft;
pub mod overrides;
pub mod pii;
pub mod province;
pub mod report;
pub mod rules;
pub mod validators;
