//! Identifier validators: pure functions, no I/O.
//!
//! Every validator takes the raw user string, trims surrounding whitespace and
//! returns a [`Problem`] on failure. Problems never repeat the full raw number,
//! because reports may be shared.

pub mod domain;
pub mod email;
pub mod filing_number;
pub mod permits;
pub mod phone;
pub mod resident_id;
pub mod uscc;

mod checksum;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
}

/// A short reason in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub level: Level,
    pub zh: String,
    pub en: String,
}

impl Problem {
    pub(crate) fn error(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Problem {
            level: Level::Error,
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub(crate) fn warning(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Problem {
            level: Level::Warning,
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// Trim and upper-case: every ID here is case-insensitive on input.
pub(crate) fn normalise(s: &str) -> String {
    s.trim().to_ascii_uppercase()
}
