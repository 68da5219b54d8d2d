//! Travel permits, residence permits, passports and the foreign
//! permanent-resident ID (general-rules.md §3).

use std::collections::HashSet;
use std::sync::LazyLock;

use super::resident_id::{ResidentId, is_mainland_province, parse18};
use super::{Problem, normalise};

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// 港澳居民来往内地通行证: H/M + 8-digit lifetime number, optionally followed
/// by a 2-digit renewal count.
pub fn hk_macau_permit(s: &str) -> Result<(), Problem> {
    let s = normalise(s);
    let ok = matches!(s.as_bytes().first(), Some(b'H' | b'M')) && matches!(s.len(), 9 | 11) && all_digits(&s[1..]);
    if ok {
        Ok(())
    } else {
        Err(Problem::error(
            "港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（或 10 位数字）",
            "HK/Macau travel permit number: H or M followed by 8 (or 10) digits",
        ))
    }
}

/// 台湾居民来往大陆通行证. Accepts the 8-digit lifetime number (issued since
/// 2008-09-25), the legacy 10-digit booklet number with an optional bracketed
/// issuing-office code, and a Taiwan national ID number (which filings made with
/// a Taiwan travel permit often carry), validated with [`taiwan_id`].
pub fn taiwan_permit(s: &str) -> Result<(), Problem> {
    let s = normalise(s).replace('（', "(").replace('）', ")");
    if looks_like_taiwan_id(&s) {
        return taiwan_id(&s);
    }
    let digits = match s.find('(') {
        Some(i) => {
            let tail = &s[i..];
            let office_ok = tail.len() == 3 && tail.ends_with(')') && tail.as_bytes()[1].is_ascii_alphanumeric();
            if !office_ok {
                return Err(tw_permit_error());
            }
            &s[..i]
        }
        None => s.as_str(),
    };
    if all_digits(digits) && (digits.len() == 8 || digits.len() == 10) {
        // A bracketed office code only ever followed the 10-digit booklet form.
        if digits.len() == 8 && digits.len() != s.len() {
            return Err(tw_permit_error());
        }
        Ok(())
    } else {
        Err(tw_permit_error())
    }
}

fn tw_permit_error() -> Problem {
    Problem::error(
        "台湾居民来往大陆通行证号码应为 8 位数字（旧版 10 位）",
        "Taiwan travel permit number: 8 digits (legacy booklets: 10 digits)",
    )
}

/// Shape of a Taiwan national ID: letter + 1/2 (sex) + 8 digits.
pub fn looks_like_taiwan_id(s: &str) -> bool {
    let s = normalise(s);
    let b = s.as_bytes();
    b.len() == 10 && b[0].is_ascii_uppercase() && matches!(b[1], b'1' | b'2') && all_digits(&s[1..])
}

/// Taiwan national ID (中華民國國民身分證): letter + 9 digits, weighted checksum
/// where the letter stands for a two-digit area number.
pub fn taiwan_id(s: &str) -> Result<(), Problem> {
    let s = normalise(s);
    if !looks_like_taiwan_id(&s) {
        return Err(Problem::error(
            "台湾身份证号应为 1 个字母加 9 位数字（第 2 位为 1 或 2）",
            "Taiwan ID: one letter followed by 9 digits (second character 1 or 2)",
        ));
    }
    // Area numbers for A..Z (not alphabetical for I, O, W, X, Y, Z...).
    const AREA: [u32; 26] = [
        10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33,
    ];
    let b = s.as_bytes();
    let area = AREA[usize::from(b[0] - b'A')];
    let mut sum = area / 10 + (area % 10) * 9;
    for (i, &d) in b[1..].iter().enumerate() {
        let w = if i == 8 { 1 } else { 8 - i as u32 };
        sum += u32::from(d - b'0') * w;
    }
    if sum.is_multiple_of(10) {
        Ok(())
    } else {
        Err(Problem::error("台湾身份证号校验位不正确", "Taiwan ID check digit is wrong"))
    }
}

/// 港澳台居民居住证: GB 11643 layout with address code 810000 / 820000 / 830000.
pub fn hmt_residence_permit(s: &str) -> Result<ResidentId, Problem> {
    let s = normalise(s);
    parse18(&s, "居住证号码", "residence permit number", |region| {
        if matches!(region, "810000" | "820000" | "830000") {
            Ok(())
        } else {
            Err(Problem::error(
                "港澳台居民居住证号码应以 810000、820000 或 830000 开头",
                "HK/Macau/Taiwan residence permit numbers start with 810000, 820000 or 830000",
            ))
        }
    })
}

/// Chinese passport numbers (ordinary, official and SAR passports).
pub fn passport_cn(s: &str) -> Result<(), Problem> {
    let s = normalise(s);
    let b = s.as_bytes();
    let tail_digits = |from: usize, n: usize| b.len() == from + n && all_digits(&s[from..]);
    let ok = match b.first() {
        // E + 8 digits (to 2017-04-04); E + letter except I/O + 7 digits (since 2017-04-05).
        Some(b'E') => tail_digits(1, 8) || (b.len() == 9 && b[1].is_ascii_uppercase() && !matches!(b[1], b'I' | b'O') && tail_digits(2, 7)),
        // Old non-chip ordinary passport; HK SAR passport.
        Some(b'G' | b'K') => tail_digits(1, 8),
        // Diplomatic / service / public-affairs passports.
        Some(b'D' | b'S' | b'P') => b.get(1) == Some(&b'E') && tail_digits(2, 7),
        // Macau SAR passport.
        Some(b'M') => b.get(1) == Some(&b'A') && tail_digits(2, 7),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Problem::error(
            "中国护照号码格式不正确（如 E 加 8 位数字，或 E 加字母加 7 位数字）",
            "not a Chinese passport number (e.g. E + 8 digits, or E + letter + 7 digits)",
        ))
    }
}

/// ISO 3166-1 codes: (alpha-3 set, numeric set).
static COUNTRIES: LazyLock<(HashSet<&'static str>, HashSet<&'static str>)> = LazyLock::new(|| {
    let rows = include_str!("data/iso3166_countries.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'));
    let (mut a3, mut num) = (HashSet::new(), HashSet::new());
    for (a, n) in rows {
        a3.insert(a);
        num.insert(n);
    }
    (a3, num)
});

/// 外国人永久居留身份证. Ok carries Warning-level problems.
///
/// * 2023 format (18 characters): 9 + 2-digit province of the accepting office
///   + ISO 3166-1 numeric nationality + YYYYMMDD + sequence + MOD 11-2.
/// * 2004/2017 format (15 characters): ISO alpha-3 nationality + 12 digits.
///   The inner layout (office, YYMMDD, sequence, ICAO 7-3-1 check digit) has a
///   single low-confidence source, so mismatches there are only warnings.
pub fn foreign_permanent_resident_id(s: &str) -> Result<Vec<Problem>, Problem> {
    let s = normalise(s);
    if s.len() == 18 && s.starts_with('9') {
        parse18(&s, "永久居留身份证号码", "permanent residence ID number", |region| {
            let province: u8 = region[1..3].parse().unwrap_or(0);
            if !is_mainland_province(province) {
                return Err(Problem::error(
                    format!("第 2–3 位省份代码 {} 不存在", &region[1..3]),
                    format!("province code {} (positions 2–3) does not exist", &region[1..3]),
                ));
            }
            if !COUNTRIES.1.contains(&region[3..6]) {
                return Err(Problem::error(
                    format!("国籍代码 {} 不存在", &region[3..6]),
                    format!("nationality code {} is not an ISO 3166-1 code", &region[3..6]),
                ));
            }
            Ok(())
        })?;
        return Ok(Vec::new());
    }
    let b = s.as_bytes();
    if b.len() == 15 && b[..3].iter().all(u8::is_ascii_uppercase) && all_digits(&s[3..]) {
        if !COUNTRIES.0.contains(&s[..3]) {
            return Err(Problem::error(
                format!("国籍代码 {} 不存在", &s[..3]),
                format!("nationality code {} is not an ISO 3166-1 alpha-3 code", &s[..3]),
            ));
        }
        let mut warnings = Vec::new();
        if chrono::NaiveDate::parse_from_str(&format!("20{}", &s[7..13]), "%Y%m%d").is_err() {
            warnings.push(Problem::warning(
                "号码中的出生日期看起来无效，请核对",
                "the birth date inside the number looks invalid; please verify",
            ));
        }
        let expected = icao_check(&b[..14]);
        if expected != b[14] {
            warnings.push(Problem::warning(
                format!("校验位按 7-3-1 规则应为 {}，请核对", expected as char),
                format!("check digit by the 7-3-1 rule should be {}; please verify", expected as char),
            ));
        }
        return Ok(warnings);
    }
    Err(Problem::error(
        "外国人永久居留身份证号码应为 18 位（以 9 开头）或 3 个字母加 12 位数字",
        "permanent residence ID: 18 characters starting with 9, or 3 letters + 12 digits",
    ))
}

/// ICAO 9303 check digit (weights 7, 3, 1; letters A=10..Z=35).
fn icao_check(body: &[u8]) -> u8 {
    let sum: u32 = body
        .iter()
        .zip([7, 3, 1].into_iter().cycle())
        .map(|(&c, w)| {
            let v = if c.is_ascii_digit() {
                u32::from(c - b'0')
            } else {
                u32::from(c - b'A') + 10
            };
            v * w
        })
        .sum();
    b'0' + (sum % 10) as u8
}

/// Used by tests to build valid numbers.
#[cfg(test)]
pub(crate) fn with_mod11_2(body: &str) -> String {
    let c = super::checksum::mod11_2(body.as_bytes()).unwrap_or(b'?');
    format!("{body}{}", c as char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hk_macau() {
        assert!(hk_macau_permit("h12345678").is_ok());
        assert!(hk_macau_permit("M1234567801").is_ok());
        assert!(hk_macau_permit("H123456789").is_err());
        assert!(hk_macau_permit("Hé234567").is_err());
    }

    #[test]
    fn taiwan() {
        assert!(taiwan_id("A123456789").is_ok());
        assert!(taiwan_id("A123456788").is_err());
        assert!(looks_like_taiwan_id("a123456789"));
        assert!(taiwan_permit("A123456789").is_ok());
        assert!(taiwan_permit("A123456788").is_err());
        assert!(taiwan_permit("12345678").is_ok());
        assert!(taiwan_permit("1234567890（B）").is_ok());
        assert!(taiwan_permit("12345678(B)").is_err());
        assert!(taiwan_permit("1234567890(").is_err());
    }

    #[test]
    fn residence_permit() {
        let id = hmt_residence_permit("81000019980902013X").unwrap();
        assert_eq!(id.province, 81);
        assert!(hmt_residence_permit("840000199001010014").is_err());
        assert!(hmt_residence_permit(&with_mod11_2("11010519491231002")).is_err());
    }

    #[test]
    fn passports() {
        for ok in ["E12345678", "EA1234567", "G12345678", "DE1234567", "K12345678", "MA1234567"] {
            assert!(passport_cn(ok).is_ok(), "{ok}");
        }
        for bad in ["EI1234567", "E1234567", "X12345678", "D12345678", ""] {
            assert!(passport_cn(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn foreign_pr() {
        assert_eq!(foreign_permanent_resident_id("932682198501010017"), Ok(vec![]));
        assert!(foreign_permanent_resident_id("911999199012310021").is_err());
        assert_eq!(foreign_permanent_resident_id("KAZ110090123105"), Ok(vec![]));
        assert_eq!(foreign_permanent_resident_id("KAZ110090123107").unwrap().len(), 1);
        assert!(foreign_permanent_resident_id("KAA110090123105").is_err());
    }

    #[test]
    fn no_panic_on_odd_input() {
        for s in ["", "é", "9ééééééé", "ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ", "Ä1234567890", "9１２３４５６"] {
            let _ = hk_macau_permit(s);
            let _ = taiwan_permit(s);
            let _ = taiwan_id(s);
            let _ = hmt_residence_permit(s);
            let _ = passport_cn(s);
            let _ = foreign_permanent_resident_id(s);
        }
    }
}
