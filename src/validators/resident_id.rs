//! Resident identity number (公民身份号码, GB 11643-1999).

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

use super::checksum::mod11_2;
use super::{Problem, normalise};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResidentId {
    /// Address code, 6 digits.
    pub region: String,
    /// First two digits of the address code.
    pub province: u8,
    pub birth: NaiveDate,
    /// Odd 17th digit = male.
    pub male: bool,
}

/// The 31 mainland province-level divisions (GB/T 2260), with short names.
const PROVINCES: [(u8, &str); 31] = [
    (11, "北京"),
    (12, "天津"),
    (13, "河北"),
    (14, "山西"),
    (15, "内蒙古"),
    (21, "辽宁"),
    (22, "吉林"),
    (23, "黑龙江"),
    (31, "上海"),
    (32, "江苏"),
    (33, "浙江"),
    (34, "安徽"),
    (35, "福建"),
    (36, "江西"),
    (37, "山东"),
    (41, "河南"),
    (42, "湖北"),
    (43, "湖南"),
    (44, "广东"),
    (45, "广西"),
    (46, "海南"),
    (50, "重庆"),
    (51, "四川"),
    (52, "贵州"),
    (53, "云南"),
    (54, "西藏"),
    (61, "陕西"),
    (62, "甘肃"),
    (63, "青海"),
    (64, "宁夏"),
    (65, "新疆"),
];

/// Chinese short name of a mainland province code, plus 71/81/82/83 which
/// appear in residence permits (83 is the permit code for Taiwan residents).
pub fn province_name(code: u8) -> Option<&'static str> {
    PROVINCES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n).or(match code {
        71 | 83 => Some("台湾"),
        81 => Some("香港"),
        82 => Some("澳门"),
        _ => None,
    })
}

pub(crate) fn is_mainland_province(code: u8) -> bool {
    PROVINCES.iter().any(|(c, _)| *c == code)
}

/// Parse an 18-digit resident ID (baseline rules; see [`warnings`] for the
/// optional historical-county test).
pub fn parse(s: &str) -> Result<ResidentId, Problem> {
    let s = normalise(s);
    if s.len() == 15 && s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::error(
            "15 位一代身份证号码已于 2013-01-01 停止使用，请填写 18 位号码",
            "15-digit first-generation ID numbers ceased to be valid on 2013-01-01; enter the 18-digit number",
        ));
    }
    parse18(&s, "身份证号码", "ID number", |region| {
        let province: u8 = region[..2].parse().unwrap_or(0);
        if is_mainland_province(province) {
            Ok(())
        } else {
            Err(Problem::error(
                format!("地址码省份 {} 不存在", &region[..2]),
                format!("unknown province code {} in the address code", &region[..2]),
            ))
        }
    })
}

/// Structural check of a 15-digit first-generation number (GB 11643-1989):
/// 6-digit address, YYMMDD birth date in the 1900s, 3-digit sequence.
/// Such a number is never acceptable for filing ([`parse`] rejects it); this
/// exists so callers can tell a mistyped number from an outdated one.
pub fn parse15(s: &str) -> Result<ResidentId, Problem> {
    let s = normalise(s);
    if s.len() != 15 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::error("15 位号码应全为数字", "a 15-digit number must be 15 digits"));
    }
    let province: u8 = s[..2].parse().unwrap_or(0);
    if !is_mainland_province(province) {
        return Err(bad_province(&s[..2]));
    }
    let birth = date(&format!("19{}", &s[6..12]))?;
    Ok(ResidentId {
        region: s[..6].to_string(),
        province,
        birth,
        male: (s.as_bytes()[14] - b'0') % 2 == 1,
    })
}

fn bad_province(code: &str) -> Problem {
    Problem::error(
        format!("地址码省份 {code} 不存在"),
        format!("unknown province code {code} in the address code"),
    )
}

/// Shared GB 11643 layout check (also used by residence permits and the 2023
/// foreign permanent-resident ID). `s` must already be normalised.
pub(crate) fn parse18(
    s: &str,
    what_zh: &str,
    what_en: &str,
    region_ok: impl Fn(&str) -> Result<(), Problem>,
) -> Result<ResidentId, Problem> {
    let b = s.as_bytes();
    if s.chars().count() != 18 {
        return Err(Problem::error(
            format!("{what_zh}应为 18 位（当前 {} 位）", s.chars().count()),
            format!("{what_en} must have 18 characters (found {})", s.chars().count()),
        ));
    }
    if !b[..17].iter().all(u8::is_ascii_digit) || !(b[17].is_ascii_digit() || b[17] == b'X') {
        return Err(Problem::error(
            format!("{what_zh}应为 17 位数字加 1 位数字或 X"),
            format!("{what_en} must be 17 digits followed by a digit or X"),
        ));
    }
    let region = &s[..6];
    region_ok(region)?;
    let birth = date(&s[6..14])?;
    let expected = mod11_2(&b[..17]).unwrap_or(b'?');
    if expected != b[17] {
        return Err(Problem::error(
            format!("校验位应为 {}", expected as char),
            format!("check character should be {}", expected as char),
        ));
    }
    Ok(ResidentId {
        region: region.to_string(),
        province: region[..2].parse().unwrap_or(0),
        birth,
        male: (b[16] - b'0') % 2 == 1,
    })
}

/// Eight ASCII digits as a calendar date (no format-string parsing: this runs per ID).
fn ymd(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 8 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |a, &c| a * 10 + u32::from(c - b'0'));
    NaiveDate::from_ymd_opt(i32::try_from(n(0..4)).ok()?, n(4..6), n(6..8))
}

/// The earliest birth year a number may carry. Resident ID numbers were first issued in 1984
/// and no one has lived past 122, so nobody born before 1862 ever held one; the bound is set
/// lower, at 1800, so that only years that cannot be a birth date at all (0000, 0199, a
/// mistyped century) are refused. Years from 1800 to 1899 are only a warning
/// ([`warnings`]): a centenarian's number is rare, not impossible.
pub const MIN_BIRTH_YEAR: i32 = 1800;

/// Birth years before this are warned about (the holder would be over 120 in 2020s filings).
pub const WARN_BIRTH_YEAR: i32 = 1900;

/// A real YYYYMMDD date no earlier than [`MIN_BIRTH_YEAR`]. Whether it lies in the future is a
/// question for the filing's as-of day ([`born_after`]), never the wall clock.
fn date(yyyymmdd: &str) -> Result<NaiveDate, Problem> {
    let d = ymd(yyyymmdd).ok_or_else(|| {
        Problem::error(
            format!("出生日期 {yyyymmdd} 不是有效日期"),
            format!("birth date {yyyymmdd} is not a real date"),
        )
    })?;
    if d.year() < MIN_BIRTH_YEAR {
        return Err(Problem::error(
            format!("出生年份 {:04} 不可能（早于 {MIN_BIRTH_YEAR} 年），请核对号码", d.year()),
            format!(
                "birth year {:04} is impossible (before {MIN_BIRTH_YEAR}); check the number",
                d.year()
            ),
        ));
    }
    Ok(d)
}

/// The birth date lies after the as-of day (the filing date, or `--as-of`).
pub fn born_after(birth: NaiveDate, as_of: NaiveDate) -> Option<Problem> {
    (birth > as_of).then(|| {
        Problem::error(
            format!("出生日期 {birth} 晚于备案日期 {as_of}"),
            format!("birth date {birth} is after the filing date {as_of}"),
        )
    })
}

/// [`parse`], then the birth date judged against `as_of`.
pub fn parse_on(s: &str, as_of: NaiveDate) -> Result<ResidentId, Problem> {
    let id = parse(s)?;
    match born_after(id.birth, as_of) {
        Some(p) => Err(p),
        None => Ok(id),
    }
}

/// Full years of age on `on` (0 if `on` is before `birth`).
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

/// One GB/T 2260 code: the years it was in force and the name it had last (fields of its
/// line in the embedded table).
struct County {
    /// `FIRST-LAST` spans joined by `,` (no FIRST = in force in the first list, no LAST =
    /// still in force); empty = always.
    years: &'static str,
    name: &'static str,
}

/// Every GB/T 2260 code since 1980, one line per code, sorted by code (see `data/README.md`
/// for the source and the script that regenerates it).
const COUNTY_TABLE: &str = include_str!("data/county_codes.tsv");

/// The table's lines after its `#` header.
fn county_rows() -> &'static str {
    let mut t = COUNTY_TABLE;
    while t.starts_with('#') {
        t = t.split_once('\n').map_or("", |(_, rest)| rest);
    }
    t
}

/// Each line's code and where the line starts in [`county_rows`], in table (= code) order:
/// found with one pass over the text the first time an ID is checked, instead of a table of
/// parsed spans and names for all 6,885 codes (which took longer than checking a thousand
/// drafts' IDs). The years and the name are read from the one line found.
static COUNTY_INDEX: LazyLock<(&'static str, Vec<(u32, u32)>)> = LazyLock::new(|| {
    let text = county_rows();
    let mut out = Vec::with_capacity(7000);
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let code = line.as_bytes().get(..6).and_then(|k| {
            k.iter()
                .try_fold(0u32, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
        });
        if let Some(code) = code {
            out.push((code, at as u32));
        }
        at += line.len();
    }
    (text, out)
});

fn county(region: &str) -> Option<County> {
    let code: u32 = region.parse().ok()?;
    let (text, index) = &*COUNTY_INDEX;
    let i = index.binary_search_by_key(&code, |&(c, _)| c).ok()?;
    let rest = &text[index[i].1 as usize..];
    let line = &rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())];
    let mut f = line.split('\t').skip(1);
    let years = f.next().unwrap_or("");
    Some(County {
        years,
        name: f.next().unwrap_or(""),
    })
}

/// Last year a code was in force, `None` if it still is.
fn last_year(c: &County) -> Option<u16> {
    if c.years.is_empty() {
        return None;
    }
    c.years
        .split(',')
        .filter_map(|s| s.split_once('-'))
        .try_fold(0u16, |acc, (_, b)| b.parse::<u16>().ok().map(|b| acc.max(b)))
}

/// Soft checks, Warning level only (the number may still be genuine):
/// * a birth year before [`WARN_BIRTH_YEAR`];
/// * an address code that is in no GB/T 2260 list since 1980;
/// * an address code abolished before the birth year: the code records the residence when
///   the number was assigned, never before birth. (A code created after the birth year is
///   fine: numbers issued in 1984–1999 used the then-current code for people of any age.)
pub fn warnings(id: &ResidentId) -> Vec<Problem> {
    let mut out = Vec::new();
    if id.birth.year() < WARN_BIRTH_YEAR {
        out.push(Problem::warning(
            format!(
                "出生年份 {} 早于 {WARN_BIRTH_YEAR} 年，持有人已超过 120 岁，请核对号码",
                id.birth.year()
            ),
            format!(
                "birth year {} is before {WARN_BIRTH_YEAR}: the holder would be over 120; check the number",
                id.birth.year()
            ),
        ));
    }
    match county(&id.region) {
        None => out.push(Problem::warning(
            format!("地址码 {} 不在 1980 年以来任何一版 GB/T 2260 行政区划代码中，请核对号码", id.region),
            format!(
                "address code {} is in no GB/T 2260 division list since 1980; check the number",
                id.region
            ),
        )),
        Some(c) => {
            if let Some(last) = last_year(&c)
                && id.birth.year() > i32::from(last)
            {
                out.push(Problem::warning(
                    format!("地址码 {}（{}）{last} 年后已撤销，早于出生年份，请核对号码", id.region, c.name),
                    format!(
                        "address code {} was abolished after {last}, before the birth year; check the number",
                        id.region
                    ),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written date reader agrees with chrono's `%Y%m%d` on valid and invalid days.
    #[test]
    fn ymd_agrees_with_chrono() {
        for s in [
            "20000229",
            "19000229",
            "20240229",
            "20230229",
            "20231301",
            "20230001",
            "20230100",
            "20231231",
            "19491001",
            "2023010a",
            "202301011",
            "2023011",
            "18800101",
        ] {
            let want = if s.len() == 8 {
                NaiveDate::parse_from_str(s, "%Y%m%d").ok()
            } else {
                None
            };
            assert_eq!(ymd(s), want, "{s}");
        }
    }

    #[test]
    fn standard_examples() {
        let a = parse("11010519491231002X").unwrap();
        assert_eq!(a.region, "110105");
        assert_eq!(a.province, 11);
        assert!(!a.male);
        assert_eq!(a.birth, NaiveDate::from_ymd_opt(1949, 12, 31).unwrap());
        let b = parse(" 440524188001010014 ").unwrap();
        assert!(b.male);
        // Born 1880: a possible number, but worth a second look.
        let w = warnings(&b);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].en.contains("before 1900"));
    }

    /// Years that cannot be a birth date are refused; 1800–1899 only warned about.
    #[test]
    fn impossible_birth_years() {
        let with_check = |body: &str| format!("{body}{}", mod11_2(body.as_bytes()).unwrap() as char);
        let p = parse(&with_check("11010500000101001")).unwrap_err();
        assert!(p.en.contains("0000") && p.en.contains("impossible"), "{p:?}");
        assert!(parse(&with_check("11010517991231001")).is_err());
        let id = parse(&with_check("11010518000101001")).unwrap();
        assert_eq!(warnings(&id)[0].level, super::super::Level::Warning);
        let id = parse(&with_check("11010519000101001")).unwrap();
        assert!(warnings(&id).iter().all(|w| !w.en.contains("before 1900")));
    }

    /// The future is the as-of day's, not the wall clock's.
    #[test]
    fn birth_after_as_of() {
        let with_check = |body: &str| format!("{body}{}", mod11_2(body.as_bytes()).unwrap() as char);
        let id = with_check("11010520300601001");
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(parse(&id).is_ok());
        let p = parse_on(&id, day("2030-05-31")).unwrap_err();
        assert!(p.en.contains("after the filing date 2030-05-31"), "{p:?}");
        assert!(parse_on(&id, day("2030-06-01")).is_ok());
        assert!(parse_on("11010519491231002X", day("1949-12-30")).is_err());
    }

    #[test]
    fn lowercase_x() {
        assert!(parse("44011320141005001x").is_ok());
    }

    #[test]
    fn fifteen_digits_rejected_with_reason() {
        let p = parse("150102880730303").unwrap_err();
        assert!(p.en.contains("2013-01-01"));
        assert!(!p.zh.contains("150102880730303"));
        assert!(parse15("150102880730303").is_ok());
        assert!(parse15("610104620932690").is_err());
    }

    #[test]
    fn check_character_reported_without_echoing_number() {
        let p = parse("11010519491231001X").unwrap_err();
        assert!(p.zh.starts_with("校验位应为"));
        assert!(!p.en.contains("11010519491231001"));
    }

    #[test]
    fn abolished_county_warning() {
        let id = parse("110201199312010077").unwrap();
        assert_eq!(warnings(&id).len(), 1);
        assert_eq!(warnings(&id)[0].level, super::super::Level::Warning);
        assert!(warnings(&id)[0].en.contains("abolished after 1982"));
    }

    /// The GB/T 2260 history: never listed, abolished before birth, created after birth.
    #[test]
    fn county_history() {
        let with_check = |body: &str| format!("{body}{}", mod11_2(body.as_bytes()).unwrap() as char);
        let w = |body: &str| warnings(&parse(&with_check(body)).unwrap());
        // 崇文区 110103 was in force until 2010.
        assert!(w("11010320100101001").is_empty());
        assert!(w("11010320110101001")[0].en.contains("abolished after 2010"));
        // 110199 was never a code.
        assert!(w("11019919900101001")[0].en.contains("no GB/T 2260"));
        // 通州区 110112 was created in 1997: a 1960 birth registered there later is fine.
        assert!(w("11011219600101001").is_empty());
        // 潮阳县 440524 (1983–1993): the GB 11643 example born 1880 is not "abolished before".
        assert!(w("44052419900101001").is_empty());
        assert!(!w("44052419940101001").is_empty());
        // A code in force, ended, and in force again (吴兴区 330502: 1983–1987, 2003–) is current.
        assert!(w("33050220100101001").is_empty());
    }

    /// The binary search over the table's lines needs every line to be a 6-digit code, then a
    /// tab, in strictly increasing order; every code is then found.
    #[test]
    fn county_table_is_searchable() {
        let mut prev = String::new();
        let mut count = 0;
        for line in county_rows().lines() {
            let code = line.split('\t').next().unwrap_or("");
            assert!(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()), "line {line:?}");
            assert!(line.len() > 6 && line.as_bytes()[6] == b'\t', "line {line:?}");
            assert!(code > prev.as_str(), "{code} after {prev}");
            let found = county(code).unwrap_or_else(|| panic!("{code} not found"));
            assert_eq!(found.name, line.split('\t').nth(2).unwrap_or(""));
            prev = code.to_string();
            count += 1;
        }
        assert_eq!(count, 6885);
        assert!(county("000000").is_none() && county("999999").is_none() && county("110199").is_none());
        assert!(county("1101").is_none() && county("x").is_none());
    }

    #[test]
    fn ages() {
        let b = NaiveDate::from_ymd_opt(2000, 2, 29).unwrap();
        assert_eq!(age_on(b, NaiveDate::from_ymd_opt(2018, 2, 28).unwrap()), 17);
        assert_eq!(age_on(b, NaiveDate::from_ymd_opt(2018, 3, 1).unwrap()), 18);
        assert_eq!(age_on(b, NaiveDate::from_ymd_opt(1999, 1, 1).unwrap()), 0);
    }

    #[test]
    fn province_names() {
        assert_eq!(province_name(44), Some("广东"));
        assert_eq!(province_name(81), Some("香港"));
        assert_eq!(province_name(99), None);
    }

    #[test]
    fn no_panic_on_odd_input() {
        for s in [
            "",
            "X",
            "１１０１０５１９４９１２３１００２Ｘ",
            "11010519491231002é",
            "ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ",
        ] {
            let _ = parse(s);
            let _ = parse15(s);
        }
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    /// A valid body: real province, date 1900..=2020, any sequence.
    fn valid_id() -> impl Strategy<Value = String> {
        (0..PROVINCES.len(), 0u32..10000, 0u32..44000, 0u32..1000).prop_map(|(p, rest, day, seq)| {
            let d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(u64::from(day));
            let body = format!("{:02}{:04}{}{:03}", PROVINCES[p].0, rest, d.format("%Y%m%d"), seq);
            let c = mod11_2(body.as_bytes()).unwrap() as char;
            format!("{body}{c}")
        })
    }

    proptest! {
        #[test]
        fn generated_valid_is_accepted(id in valid_id()) {
            prop_assert!(parse(&id).is_ok());
        }

        #[test]
        fn single_substitution_is_rejected(id in valid_id(), pos in 0usize..18, sym in 0usize..11) {
            let new = b"0123456789X"[sym];
            prop_assume!(id.as_bytes()[pos] != new);
            let mut m = id.into_bytes();
            m[pos] = new;
            let m = String::from_utf8(m).unwrap();
            prop_assert!(parse(&m).is_err());
        }

        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = parse(&s);
        }

        /// Over any as-of day: a number is refused for its birth date exactly when that date
        /// is after the as-of day, and the age on that day never counts the future.
        #[test]
        fn birth_judged_against_as_of(id in valid_id(), offset in -40000i64..40000) {
            let birth = parse(&id).unwrap().birth;
            let as_of = birth + chrono::Duration::days(offset);
            let r = parse_on(&id, as_of);
            prop_assert_eq!(r.is_err(), offset < 0);
            if offset >= 0 {
                let age = i64::from(age_on(birth, as_of));
                prop_assert!(age * 365 <= offset && offset < (age + 1) * 366, "age {} after {} days", age, offset);
            }
        }
    }
}
