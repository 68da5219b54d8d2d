//! Word lists searched in short names (financial words, sensitive words, address markers):
//! a rule tests up to twenty words against each name of every draft, and most of them share
//! no character with the name at all.

/// The characters of a text as a 64-bit filter. A word whose first character is not in the
/// filter does not occur in the text; one whose character is may (two characters can share a
/// bit), so `str::contains` has the last word.
#[derive(Debug, Clone, Copy)]
pub struct Chars(u64);

fn bit(c: char) -> u64 {
    // Fibonacci hashing: the top six bits of the product spread neighbouring code points.
    1 << ((c as u32).wrapping_mul(0x9E37_79B1) >> 26)
}

impl Chars {
    pub fn of(text: &str) -> Self {
        Chars(text.chars().fold(0, |m, c| m | bit(c)))
    }

    /// The same with ASCII letters folded to lower case, for searches that ignore their case.
    pub fn folded(text: &str) -> Self {
        Chars(text.chars().fold(0, |m, c| m | bit(c.to_ascii_lowercase())))
    }

    /// `word` may occur, ASCII letters compared without case, in the text this
    /// [`Chars::folded`] filter was made of.
    pub fn may_have_folded(self, word: &str) -> bool {
        word.chars().next().is_none_or(|c| self.0 & bit(c.to_ascii_lowercase()) != 0)
    }

    /// `word` occurs in `text` (the text this filter was made of).
    pub fn contains(self, text: &str, word: &str) -> bool {
        match word.chars().next() {
            Some(c) if self.0 & bit(c) == 0 => false,
            _ => text.contains(word),
        }
    }
}

/// The first of `words` (in list order) that occurs in `text`.
pub fn first_in<'w>(text: &str, words: &'w [String]) -> Option<&'w String> {
    let chars = Chars::of(text);
    words.iter().find(|w| chars.contains(text, w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn finds_what_contains_finds() {
        let words: Vec<String> = ["金融", "理财", "P2P", "", "基金"].map(String::from).to_vec();
        assert_eq!(first_in("某某理财基金", &words).map(String::as_str), Some("理财"));
        assert_eq!(first_in("某某P2P平台", &words[..3]).map(String::as_str), Some("P2P"));
        assert_eq!(first_in("摄影笔记", &words[..3]), None);
        // The empty word occurs everywhere, as with `str::contains`.
        assert_eq!(first_in("摄影笔记", &words).map(String::as_str), Some(""));
    }

    proptest! {
        /// The folded filter never hides a word that occurs in any case.
        #[test]
        fn folded_never_hides_a_match(text in "[a-cA-C阿里\\-]{0,12}", word in "[a-cA-C阿里]{1,3}") {
            let occurs = text.to_ascii_lowercase().contains(&word.to_ascii_lowercase());
            prop_assert!(!occurs || Chars::folded(&text).may_have_folded(&word));
        }

        /// The filter never hides a word that occurs.
        #[test]
        fn agrees_with_str_contains(text in "[a-c金融理财基\u{3000}-\u{3003}]{0,12}", word in "[a-c金融理财基]{0,3}") {
            prop_assert_eq!(Chars::of(&text).contains(&text, &word), text.contains(word.as_str()));
        }
    }
}
