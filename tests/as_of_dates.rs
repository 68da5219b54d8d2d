//! Every date rule is judged against the as-of day (`filing_date`, or `--as-of`), never the
//! machine's clock: a birth date after that day is refused even when it is in the past today,
//! and one after today but before the filing date is accepted.

use beian::commands::check::check_source;
use chrono::NaiveDate;
use proptest::prelude::*;

fn base() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/base/individual.toml")).unwrap()
}

/// GB 11643 check character.
fn with_check(body: &str) -> String {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let s: u32 = body.bytes().zip(W).map(|(b, w)| u32::from(b - b'0') * w).sum();
    let c = b"10X98765432"[(s % 11) as usize] as char;
    format!("{body}{c}")
}

fn draft_born(birth: NaiveDate, filing: NaiveDate) -> String {
    let id = with_check(&format!("440305{}123", birth.format("%Y%m%d")));
    base()
        .replace("440305199503151232", &id)
        .replace("filing_date = 2026-12-01", &format!("filing_date = {filing}"))
}

fn rules_hit(src: &str, as_of: Option<NaiveDate>) -> Vec<String> {
    check_source(beian::rules::rules(), "t.toml", src, as_of, None)
        .findings
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn a_birth_after_the_filing_date_is_refused_whatever_the_clock_says() {
    // Born 2000, filed (on paper) in 1999: refused, though 2000 is long past.
    let src = draft_born(day("2000-06-01"), day("1999-12-31"));
    let hit = rules_hit(&src, None);
    assert!(hit.contains(&"ID-NUMBER".to_string()), "{hit:?}");
    // No "aged 0" on top of it.
    assert!(!hit.iter().any(|r| r.starts_with("AGE-")), "{hit:?}");
    // `--as-of` wins over the draft's filing date.
    assert!(!rules_hit(&src, Some(day("2030-01-01"))).contains(&"ID-NUMBER".to_string()));
}

#[test]
fn a_birth_after_today_but_before_the_filing_date_is_accepted() {
    // Born in 2100, filed in 2130: the clock's "future" is no reason to refuse.
    let src = draft_born(day("2100-03-01"), day("2130-03-01"));
    let hit = rules_hit(&src, None);
    assert!(!hit.contains(&"ID-NUMBER".to_string()), "{hit:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// For any as-of day, ID-NUMBER's verdict on the birth date follows that day alone.
    #[test]
    fn id_number_follows_the_as_of_day(birth_day in 0u64..60000, offset in -3000i64..3000) {
        let birth = day("1901-01-01") + chrono::Days::new(birth_day);
        let as_of = birth + chrono::Duration::days(offset);
        let src = draft_born(birth, day("2026-12-01"));
        let refused = rules_hit(&src, Some(as_of)).contains(&"ID-NUMBER".to_string());
        prop_assert_eq!(refused, offset < 0);
    }
}
