//! Domain names for ICP filing (general-rules.md §5): syntax, IDNA, the
//! registrable domain, and whether the suffix is approved for filing.

use std::collections::HashMap;
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
    // Letters, digits, hyphens and dots (nearly every name): none of the refusals below can
    // apply and there is no full stop to replace, so they are not searched for.
    let plain = t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    let t: std::borrow::Cow<str> = if plain {
        std::borrow::Cow::Borrowed(t)
    } else {
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
        std::borrow::Cow::Owned(t.replace(['。', '．', '｡'], "."))
    };
    let t = t.strip_suffix('.').unwrap_or(&t);
    if t.is_empty() || t.split('.').any(str::is_empty) {
        return Err(err(
            "域名中有空的标签（连续的点或开头的点）",
            "empty label (two dots in a row, or a leading dot)",
        ));
    }
    // Plain ASCII letters/digits/hyphens without an xn-- label: UTS-46 only lowercases them,
    // so skip the IDNA round trip (the rule engine parses the same names many times).
    if (plain || t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'))
        && !t.split('.').any(|l| l.len() >= 4 && l[..4].eq_ignore_ascii_case("xn--"))
    {
        let ascii = t.to_ascii_lowercase();
        check_labels(&ascii)?;
        let d = DomainName {
            unicode: ascii.clone(),
            ascii,
            is_idn: false,
        };
        not_bare_suffix(&d)?;
        return Ok(d);
    }
    let ascii = idna::domain_to_ascii(t).map_err(|_| err("域名包含不允许的字符", "the domain contains characters that are not allowed"))?;
    check_labels(&ascii)?;
    let (unicode, res) = idna::domain_to_unicode(&ascii);
    res.map_err(|_| err("国际化域名编码无效", "invalid internationalised (xn--) label"))?;
    check_idna2008(&unicode)?;
    let is_idn = ascii.split('.').any(|l| l.starts_with("xn--"));
    let d = DomainName { ascii, unicode, is_idn };
    not_bare_suffix(&d)?;
    Ok(d)
}

/// IDNA 2008 (RFC 5892) refuses what UTS 46's compatibility processing lets through: symbols
/// and emoji (☃, ❤, 😀), punctuation such as the middle dot (·, allowed only between two l's
/// in Catalan, which no ICP registry sells) and other non-letters. A label may hold letters,
/// digits, combining marks and hyphens.
fn check_idna2008(unicode: &str) -> Result<(), Problem> {
    for label in unicode.split('.') {
        if let Some(c) = label
            .chars()
            .find(|&c| !(c.is_alphanumeric() || c == '-' || ('\u{300}'..='\u{36f}').contains(&c)))
        {
            return Err(Problem::error(
                format!(
                    "域名中的字符“{c}”（U+{:04X}）不是字母或数字，IDNA 2008 不允许用于域名",
                    u32::from(c)
                ),
                format!(
                    "the character '{c}' (U+{:04X}) is not a letter or digit; IDNA 2008 does not allow it in a domain",
                    u32::from(c)
                ),
            ));
        }
    }
    Ok(())
}

/// A public suffix on its own (`com.cn`, `gov.cn`, `公司.cn`) is nobody's domain to file.
fn not_bare_suffix(d: &DomainName) -> Result<(), Problem> {
    if suffix_labels(&d.ascii) < d.ascii.split('.').count() {
        return Ok(());
    }
    Err(Problem::error(
        format!(
            "{} 是公共后缀，不是可注册的域名；请填写在其下注册的域名，如 example.{}",
            d.unicode, d.unicode
        ),
        format!(
            "{} is a public suffix, not a registrable domain; enter the domain registered under it, e.g. example.{}",
            d.unicode, d.unicode
        ),
    ))
}

/// LDH and length rules on the ASCII form.
fn check_labels(ascii: &str) -> Result<(), Problem> {
    if ascii.len() > 253 {
        return Err(err("域名总长度超过 253 个字符", "the domain is longer than 253 characters"));
    }
    if !ascii.contains('.') {
        return Err(err(
            "域名至少包含两级，如 example.cn",
            "a domain has at least two labels, e.g. example.cn",
        ));
    }
    for l in ascii.split('.') {
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
        // RFC 5891 §4.2.3.1: "--" in positions 3–4 is reserved for ACE prefixes such as xn--.
        if l.get(2..4) == Some("--") && !l.starts_with("xn--") {
            return Err(Problem::error(
                format!("域名标签 {l} 的第 3–4 位是“--”，这只留给 xn-- 等国际化域名编码使用"),
                format!("label {l} has \"--\" in positions 3–4, which is reserved for encodings such as xn--"),
            ));
        }
    }
    let tld = ascii.rsplit('.').next().unwrap_or("");
    if tld.bytes().all(|b| b.is_ascii_digit()) {
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

const APPROVED_TABLE: &str = include_str!("data/approved_suffixes.txt");

/// Suffix (ASCII) -> approved?
static APPROVED: LazyLock<HashMap<String, bool>> = LazyLock::new(|| {
    table_rows(APPROVED_TABLE)
        .filter(|r| r.len() >= 2)
        .map(|r| (to_ascii(r[0]), r[1] == "approved"))
        .collect()
});

/// Number of labels in the public suffix of an ASCII domain: the Public Suffix List (the
/// snapshot compiled into the `psl` crate; no lookup at run time), or a multi-label suffix
/// of MIIT's approved list that the PSL lacks (公益.cn), whichever is longer.
fn suffix_labels(ascii: &str) -> usize {
    let psl_labels = psl::suffix(ascii.as_bytes()).map_or(1, |s| s.as_bytes().split(|&b| b == b'.').count());
    let n = ascii.split('.').count();
    if n >= 2 && psl_labels < 2 {
        // The last two labels, without allocating (this runs for every domain parsed).
        let cut = ascii.rfind('.').and_then(|i| ascii[..i].rfind('.')).map_or(0, |i| i + 1);
        if APPROVED.contains_key(&ascii[cut..]) {
            return 2;
        }
    }
    psl_labels
}

fn last_labels(s: &str, k: usize) -> String {
    last_labels_of(s, k).to_string()
}

/// The last `k` labels of `s` (all of it if it has fewer), as a slice of it.
fn last_labels_of(s: &str, k: usize) -> &str {
    if k == 0 {
        return "";
    }
    match s.rmatch_indices('.').nth(k - 1) {
        Some((i, _)) => &s[i + 1..],
        None => s,
    }
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
    let sfx = last_labels_of(&d.ascii, suffix_labels(&d.ascii));
    let tld = last_labels_of(&d.ascii, 1);
    match APPROVED.get(sfx).or_else(|| APPROVED.get(tld)) {
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

    /// The slice of the last labels is what joining the split labels gave.
    #[test]
    fn last_labels_of_agrees_with_join() {
        for s in ["example.com.cn", "a.b", "cn", "", "a..b", ".a", "a."] {
            for k in 0..5 {
                let labels: Vec<&str> = s.split('.').collect();
                let joined = labels[labels.len().saturating_sub(k)..].join(".");
                assert_eq!(last_labels_of(s, k), joined, "{s:?} {k}");
            }
        }
    }

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

    /// The vectors: public suffixes the old hand-written table missed, bare suffixes,
    /// and labels IDNA 2008 refuses.
    #[test]
    fn public_suffix_list() {
        for (name, reg, sfx) in [
            ("www.例子.公司.cn", "例子.公司.cn", "公司.cn"),
            ("a.网络.cn", "a.网络.cn", "网络.cn"),
            ("a.網絡.cn", "a.網絡.cn", "網絡.cn"),
            ("shop.a.公司.hk", "a.公司.hk", "公司.hk"),
            ("a.club.tw", "a.club.tw", "club.tw"),
            ("www.example.co.uk", "example.co.uk", "co.uk"),
            ("x.y.example.gov.cn", "example.gov.cn", "gov.cn"),
        ] {
            let d = parse(name).unwrap();
            assert_eq!((registrable(&d).as_str(), suffix(&d).as_str()), (reg, sfx), "{name}");
        }
        for bare in ["com.cn", "gov.cn", "公司.cn", "co.uk", "xn--55qx5d.cn"] {
            let e = parse(bare).unwrap_err();
            assert!(e.en.contains("public suffix"), "{bare}: {e:?}");
        }
        assert!(parse("example.gov.cn").is_ok());
    }

    #[test]
    fn idna2008_refusals() {
        for (bad, why) in [
            ("☃.com", "U+2603"),
            ("😀.cn", "U+1F600"),
            ("l·l.cn", "U+00B7"),
            ("例子❤.中国", "U+2764"),
            ("ab--cd.com", "positions 3–4"),
            ("www.ab--cd.com", "positions 3–4"),
        ] {
            let e = parse(bad).unwrap_err();
            assert!(e.en.contains(why), "{bad}: {e:?}");
        }
        for ok in ["xn--fsqu00a.xn--fiqs8s", "a--b.com", "münchen.de", "例子.中国", "пример.рф"] {
            assert!(parse(ok).is_ok(), "{ok}");
        }
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
