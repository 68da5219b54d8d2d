//! beian: prepare and check Chinese ICP filings (ICP备案) offline.
pub mod validators;
