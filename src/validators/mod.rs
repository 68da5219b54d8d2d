//! Identifier validators: pure functions, no I/O.
//!
//! Every validator takes the raw user string, trims surrounding whitespace and
//! returns a [`Problem`] on failure. Problems never repeat the full raw number,
//! because reports may be shared.

pub mod app;
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

/// The one normalisation every document number and credit code goes through before it is
/// judged (resident IDs, permits, passports, unified social credit codes, legacy codes), and
/// that every comparison of two numbers uses. The decision, documented in the README: such a
/// number is **accepted after normalising**, never refused for its typing:
///
/// * full-width letters and digits (`１１０１０５…`, `Ｘ`) become ASCII;
/// * spaces (including the ideographic space U+3000) and hyphens or dashes anywhere in it
///   (`440305 1995 0315 1232`, `91350100-M000100Y43`) are removed;
/// * letters are upper-cased (`x` → `X`).
///
/// Phone numbers use the same width folding ([`fold_width`]) but keep their own separators,
/// which carry the area code.
pub fn normalise(s: &str) -> std::borrow::Cow<'_, str> {
    let s = s.trim();
    // Nearly every number is already plain ASCII digits and capitals: borrowed as it is (the
    // checks normalise each number several times per draft).
    if s.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()) {
        return std::borrow::Cow::Borrowed(s);
    }
    if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return std::borrow::Cow::Owned(s.to_ascii_uppercase());
    }
    std::borrow::Cow::Owned(
        fold_width(s)
            .chars()
            .filter(|c| !is_separator(*c))
            .map(|c| c.to_ascii_uppercase())
            .collect(),
    )
}

/// Spaces and hyphen-like characters that people type inside long numbers.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}')
}

/// Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space as plain ASCII.
pub fn fold_width(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '\u{3000}' => ' ',
                _ => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod normalise_tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn examples() {
        assert_eq!(normalise(" 11010519491231002x "), "11010519491231002X");
        assert_eq!(normalise("１１０１０５１９４９１２３１００２Ｘ"), "11010519491231002X");
        assert_eq!(normalise("110105 1949 1231 002X"), "11010519491231002X");
        assert_eq!(normalise("110105-19491231-002X"), "11010519491231002X");
        assert_eq!(normalise("110105\u{3000}19491231－002ｘ"), "11010519491231002X");
        assert_eq!(normalise("9135 0100 M000 100Y 43"), "91350100M000100Y43");
        assert_eq!(fold_width("０７５５－２６５４３２１０"), "0755-26543210");
    }

    /// Every identifier validator accepts the normalised spellings of a valid number.
    #[test]
    fn every_validator_normalises() {
        for typed in [
            "１１０１０５１９４９１２３１００２ｘ",
            "110105 19491231 002X",
            "110105-1949-1231-002x",
        ] {
            assert!(resident_id::parse(typed).is_ok(), "{typed}");
        }
        for typed in [
            "9135 0100 M000 100Y 43",
            "91350100-M000100Y43",
            "９１３５０１００Ｍ０００１００Ｙ４３",
        ] {
            assert!(uscc::parse(typed).is_ok(), "{typed}");
        }
        assert!(permits::hk_macau_permit("Ｈ１２３４５６７８").is_ok());
        assert!(permits::hmt_residence_permit("810000 19980902 013X").is_ok());
        assert!(permits::passport_cn("E 1234 5678").is_ok());
    }

    proptest! {
        /// Any mix of widths, spaces and hyphens around and inside a number normalises to the
        /// plain number; normalising twice changes nothing.
        #[test]
        fn separators_and_widths_vanish(n in "[0-9A-Z]{1,20}", seps in proptest::collection::vec(0usize..6, 20), wide in proptest::collection::vec(any::<bool>(), 20)) {
            let mut typed = String::new();
            for (i, c) in n.chars().enumerate() {
                let c = if wide[i] { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { c.to_ascii_lowercase() };
                typed.push(c);
                typed.push_str(["", " ", "-", "\u{3000}", "－", "—"][seps[i]]);
            }
            prop_assert_eq!(&normalise(&typed), &n);
            let once = normalise(&typed);
            prop_assert_eq!(normalise(&once), once.clone());
        }
    }
}
