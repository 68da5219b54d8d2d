//! Domain names for ICP filing (general-rules.md §5): syntax, IDNA, the
//! registrable domain, and whether the suffix is approved for filing.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::Problem;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainName {
    /// ACE (punycode) form, lowercase.
    pub ascii: String,
    /// Unicode form.
    pub unicode: String,
    /// True if any label is internationalised (xn--).
    pub is_idn: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuffixStatus {
    Approved,
    NotApproved,
    /// Not in our snapshot: check domain.miit.gov.cn.
    Unknown,
}

fn err(zh: &str, en: &str) -> Problem {
    Problem::error(zh, en)
}

pub fn parse(s: &str) -> Result<DomainName, Problem> {
    let t = s.trim();
    if t.is_empty() {
        return Err(err("域名为空", "domain is empty"));
    }
    if t.contains("://") {
        return Err(err(
            "只填域名，不要带 http:// 等协议",
            "enter only the domain, without http:// or another scheme",
        ));
    }
    if t.contains(['/', '\\', '?', '#']) {
        return Err(err("只填域名，不要带路径", "enter only the domain, without a path"));
    }
    if t.contains(':') {
        return Err(err("只填域名，不要带端口", "enter only the domain, without a port"));
    }
    if t.chars().any(char::is_whitespace) {
        return Err(err("域名不能包含空格", "a domain must not contain spaces"));
    }
    if t.contains('*') {
        return Err(err(
            "不能备案通配符域名，请填写具体域名",
            "wildcards cannot be filed; enter the actual domain",
        ));
    }
    if t.contains('@') {
        return Err(err(
            "这看起来是电子邮箱，不是域名",
            "this looks like an e-mail address, not a domain",
        ));
    }
    // Chinese domains may use the ideographic full stop as a separator.
    let t = t.replace(['。', '．', '｡'], ".");
    let t = t.strip_suffix('.').unwrap_or(&t);
    if t.is_empty() || t.split('.').any(str::is_empty) {
        return Err(err(
            "域名中有空的标签（连续的点或开头的点）",
            "empty label (two dots in a row, or a leading dot)",
        ));
    }
    // Plain ASCII letters/digits/hyphens without an xn-- label: UTS-46 only lowercases them,
    // so skip the IDNA round trip (the rule engine parses the same names many times).
    if t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && !t.split('.').any(|l| l.len() >= 4 && l[..4].eq_ignore_ascii_case("xn--"))
    {
        let ascii = t.to_ascii_lowercase();
        check_labels(&ascii)?;
        return Ok(DomainName {
            unicode: ascii.clone(),
            ascii,
            is_idn: false,
        });
    }
    let ascii = idna::domain_to_ascii(t).map_err(|_| err("域名包含不允许的字符", "the domain contains characters that are not allowed"))?;
    check_labels(&ascii)?;
    let (unicode, res) = idna::domain_to_unicode(&ascii);
    res.map_err(|_| err("国际化域名编码无效", "invalid internationalised (xn--) label"))?;
    let is_idn = ascii.split('.').any(|l| l.starts_with("xn--"));
    Ok(DomainName { ascii, unicode, is_idn })
}

/// LDH and length rules on the ASCII form.
fn check_labels(ascii: &str) -> Result<(), Problem> {
    if ascii.len() > 253 {
        return Err(err("域名总长度超过 253 个字符", "the domain is longer than 253 characters"));
    }
    let labels: Vec<&str> = ascii.split('.').collect();
    if labels.len() < 2 {
        return Err(err(
            "域名至少包含两级，如 example.cn",
            "a domain has at least two labels, e.g. example.cn",
        ));
    }
    for l in &labels {
        if l.is_empty() || l.len() > 63 {
            return Err(err("域名每一级长度应为 1–63 个字符", "each label must be 1–63 characters long"));
        }
        if !l.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            return Err(err(
                "域名只能包含字母、数字、连字符和汉字",
                "labels may contain only letters, digits, hyphens and Chinese characters",
            ));
        }
        if l.starts_with('-') || l.ends_with('-') {
            return Err(err("域名标签不能以连字符开头或结尾", "a label must not start or end with a hyphen"));
        }
    }
    if labels.last().is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit())) {
        return Err(err("这看起来是 IP 地址，不是域名", "this looks like an IP address, not a domain"));
    }
    Ok(())
}

fn to_ascii(s: &str) -> String {
    idna::domain_to_ascii(s).unwrap_or_else(|_| s.to_string())
}

fn table_rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Multi-label public suffixes, ASCII form.
static MULTI_SUFFIXES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    table_rows(include_str!("data/public_suffixes.txt"))
        .map(|r| to_ascii(r[0]))
        .collect()
});

const APPROVED_TABLE: &str = include_str!("data/approved_suffixes.txt");

/// Suffix (ASCII) -> approved?
static APPROVED: LazyLock<HashMap<String, bool>> = LazyLock::new(|| {
    table_rows(APPROVED_TABLE)
        .filter(|r| r.len() >= 2)
        .map(|r| (to_ascii(r[0]), r[1] == "approved"))
        .collect()
});

/// Number of labels in the public suffix of an ASCII domain.
fn suffix_labels(ascii: &str) -> usize {
    let labels: Vec<&str> = ascii.split('.').collect();
    let n = labels.len();
    if n >= 2 && MULTI_SUFFIXES.contains(&labels[n - 2..].join(".")) {
        2
    } else {
        1
    }
}

fn last_labels(s: &str, k: usize) -> String {
    let labels: Vec<&str> = s.split('.').collect();
    labels[labels.len().saturating_sub(k)..].join(".")
}

/// The public suffix, Unicode form (e.g. "com.cn", "中国").
pub fn suffix(d: &DomainName) -> String {
    last_labels(&d.unicode, suffix_labels(&d.ascii))
}

/// The registrable domain (what gets filed), Unicode form.
pub fn registrable(d: &DomainName) -> String {
    last_labels(&d.unicode, suffix_labels(&d.ascii) + 1)
}

/// True if `d` has more labels than its registrable domain.
pub fn is_subdomain(d: &DomainName) -> bool {
    d.ascii.split('.').count() > suffix_labels(&d.ascii) + 1
}

/// Whether the suffix may be filed, per the dated snapshot table.
pub fn suffix_status(d: &DomainName) -> SuffixStatus {
    let sfx = last_labels(&d.ascii, suffix_labels(&d.ascii));
    let tld = last_labels(&d.ascii, 1);
    match APPROVED.get(&sfx).or_else(|| APPROVED.get(&tld)) {
        Some(true) => SuffixStatus::Approved,
        Some(false) => SuffixStatus::NotApproved,
        None => SuffixStatus::Unknown,
    }
}

/// Date of the approved-suffix snapshot (from the data file header).
pub fn suffix_table_date() -> &'static str {
    APPROVED_TABLE
        .lines()
        .find_map(|l| l.strip_prefix("# snapshot:"))
        .map_or("unknown", str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII fast path gives what the IDNA path gives.
    #[test]
    fn ascii_fast_path_matches_idna() {
        for name in [
            "Example.COM",
            "a-b.cn",
            "x1.com.cn",
            "-ab.cn",
            "ab-.cn",
            "a..cn",
            "cn",
            "1.2.3.4",
            "a--b.com",
            "XN--fiqs8s",
        ] {
            let slow = idna::domain_to_ascii(name.trim_end_matches('.'))
                .ok()
                .filter(|a| check_labels(a).is_ok());
            let fast = parse(name).ok().map(|d| d.ascii);
            assert_eq!(fast, slow, "{name}");
        }
    }

    #[test]
    fn idn_both_ways() {
        let d = parse(" 例子。中国。 ").unwrap();
        assert_eq!(d.ascii, "xn--fsqu00a.xn--fiqs8s");
        assert_eq!(d.unicode, "例子.中国");
        assert!(d.is_idn);
        let d = parse("XN--FSQU00A.xn--fiqs8s").unwrap();
        assert_eq!(d.unicode, "例子.中国");
        let d = parse("Ｅｘａｍｐｌｅ．ｃｏｍ").unwrap();
        assert_eq!((d.ascii.as_str(), d.is_idn), ("example.com", false));
    }

    #[test]
    fn rejects() {
        for bad in [
            "",
            "https://example.com",
            "example.com/a",
            "example.com:8080",
            "exa mple.com",
            "*.example.com",
            "com",
            "-a.com",
            "a-.com",
            "a..com",
            ".a.com",
            "a_b.com",
            "1.2.3.4",
            "a@b.com",
            &format!("{}.com", "a".repeat(64)),
            &format!("{}com", "a.".repeat(130)),
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert!(parse(&format!("{}.com", "a".repeat(63))).is_ok());
    }

    #[test]
    fn registrable_domains() {
        let d = parse("www.example.com.cn").unwrap();
        assert_eq!((registrable(&d).as_str(), suffix(&d).as_str()), ("example.com.cn", "com.cn"));
        assert!(is_subdomain(&d));
        let d = parse("example.com.cn").unwrap();
        assert!(!is_subdomain(&d));
        let d = parse("a.b.例子.公益.cn").unwrap();
        assert_eq!(registrable(&d), "例子.公益.cn");
        let d = parse("shop.example.com").unwrap();
        assert_eq!((registrable(&d).as_str(), suffix(&d).as_str()), ("example.com", "com"));
        let d = parse("example.gs.cn").unwrap();
        assert_eq!(suffix_status(&d), SuffixStatus::Approved);
    }

    #[test]
    fn statuses() {
        let st = |s: &str| suffix_status(&parse(s).unwrap());
        assert_eq!(st("a.com"), SuffixStatus::Approved);
        assert_eq!(st("例子.公司"), SuffixStatus::Approved);
        assert_eq!(st("a.org"), SuffixStatus::NotApproved);
        assert_eq!(st("a.io"), SuffixStatus::Unknown);
        assert_eq!(st("a.com.hk"), SuffixStatus::Unknown);
        assert_eq!(suffix_table_date(), "2020-07-24");
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            if let Ok(d) = parse(&s) {
                let _ = (registrable(&d), suffix(&d), is_subdomain(&d), suffix_status(&d));
            }
        }

        #[test]
        fn never_panics_domainish(s in "[a-z0-9.。\\-例子中国xn]{0,40}") {
            let _ = parse(&s);
        }

        #[test]
        fn chinese_labels_round_trip(label in "[\u{4e00}-\u{9fa5}]{1,10}", sub in proptest::option::of("[a-z]{1,8}")) {
            let input = match &sub {
                Some(s) => format!("{s}.{label}.中国"),
                None => format!("{label}.中国"),
            };
            let d = parse(&input).unwrap();
            prop_assert!(d.is_idn);
            prop_assert_eq!(&d.unicode, &input);
            let again = parse(&d.ascii).unwrap();
            prop_assert_eq!(&again, &d);
            prop_assert_eq!(registrable(&d), format!("{label}.中国"));
            prop_assert_eq!(is_subdomain(&d), sub.is_some());
        }
    }
}
