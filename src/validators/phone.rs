//! Mainland mobile and landline numbers (general-rules.md §4).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Problem;

/// Allocated prefixes (3–5 digits), from the dated data table; `true` where the sources
/// disagree (the number is accepted, with a warning).
static MOBILE_PREFIXES: LazyLock<Vec<(&'static str, bool)>> = LazyLock::new(|| {
    data_rows(include_str!("data/mobile_prefixes.txt"))
        .map(|(p, rest)| (p, rest.starts_with("unverified")))
        .collect()
});

/// Area code (with leading 0) -> province short name, or `=NEW` for a code merged into NEW.
static AREA_CODES: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| data_rows(include_str!("data/area_codes.txt")).collect());

/// Non-comment lines split into (first field, rest of line after a tab).
fn data_rows(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_once('\t').unwrap_or((l, "")))
        .map(|(a, b)| (a.trim(), b.trim()))
}

/// The allocated prefixes sorted, for a binary search per prefix length (a number is checked
/// several times per draft, against 60 prefixes).
/// With the lengths they come in.
static SORTED_PREFIXES: LazyLock<(Vec<&'static str>, Vec<usize>)> = LazyLock::new(|| {
    let mut v: Vec<&'static str> = MOBILE_PREFIXES.iter().map(|(p, _)| *p).collect();
    v.sort_unstable();
    let mut lens: Vec<usize> = v.iter().map(|p| p.len()).collect();
    lens.sort_unstable();
    lens.dedup();
    (v, lens)
});

/// Some allocated prefix starts `digits`.
fn allocated(digits: &str) -> bool {
    let (sorted, lens) = &*SORTED_PREFIXES;
    lens.iter()
        .any(|&n| digits.get(..n).is_some_and(|p| sorted.binary_search(&p).is_ok()))
}

/// Drop spaces, dashes, dots and parentheses; keep a leading '+'. Borrowed when there is
/// nothing to drop (a number typed as plain digits).
fn compact(s: &str) -> std::borrow::Cow<'_, str> {
    let t = s.trim();
    if t.bytes().all(|b| b.is_ascii() && !matches!(b, b' ' | b'-' | b'.' | b'(' | b')')) {
        return std::borrow::Cow::Borrowed(t);
    }
    std::borrow::Cow::Owned(
        super::fold_width(t)
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '（' | '）' | '\u{3000}' | '\u{2014}'))
            .collect(),
    )
}

/// Validate a mainland mobile number; returns the normalised 11 digits.
pub fn mobile(s: &str) -> Result<String, Problem> {
    let c = compact(s);
    let digits = c
        .strip_prefix("+86")
        .or_else(|| c.strip_prefix("0086"))
        .or_else(|| if c.len() == 13 { c.strip_prefix("86") } else { None })
        .unwrap_or(&c);
    if digits.len() != 11 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::error("手机号码应为 11 位数字", "a mobile number has 11 digits"));
    }
    if !digits.starts_with('1') {
        return Err(Problem::error("手机号码应以 1 开头", "a mobile number starts with 1"));
    }
    if digits.starts_with("146") || digits.starts_with("148") || (digits.starts_with("14") && digits.as_bytes()[2] <= b'4') {
        return Err(Problem::error(
            format!("号段 {} 是 13 位物联网号码，不是手机号码", &digits[..3]),
            format!("prefix {} is a 13-digit IoT block, not a mobile number", &digits[..3]),
        ));
    }
    if !allocated(digits) {
        return Err(Problem::error(
            format!("号段 {} 未分配给公众移动通信网", &digits[..3]),
            format!("prefix {} is not allocated to public mobile networks", &digits[..3]),
        ));
    }
    Ok(digits.to_string())
}

/// A valid mobile (normalised, as [`mobile`] returns it) whose prefix the sources disagree on:
/// a warning naming both.
pub fn mobile_doubt(digits: &str) -> Option<Problem> {
    let prefix = MOBILE_PREFIXES.iter().find(|(p, u)| *u && digits.starts_with(p))?.0;
    Some(Problem::warning(
        format!("号段 {prefix} 的来源不一致：工信部 2023 年 3 月号段分配表与 libphonenumber 2026 年数据只有一方列出，请确认号码能接收短信"),
        format!(
            "sources disagree on prefix {prefix}: only one of MIIT's March 2023 allocation table and libphonenumber's 2026 data lists it; make sure the number receives SMS"
        ),
    ))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Landline {
    /// Area code including the leading 0, e.g. "010", "0755".
    pub area_code: String,
    /// Local number, 7 or 8 digits.
    pub local: String,
    pub province: Option<&'static str>,
}

/// Length (with the leading 0) of the area code that `digits` starts with:
/// 010, 020–025 and 027–029 are short; every other 0[3-9]xx is 4 long.
fn area_code_len(digits: &str) -> Option<usize> {
    let b = digits.as_bytes();
    match (b.first(), b.get(1), b.get(2)) {
        (Some(b'0'), Some(b'1'), Some(b'0')) => Some(3),
        (Some(b'0'), Some(b'2'), Some(d)) if d.is_ascii_digit() && *d != b'6' => Some(3),
        (Some(b'0'), Some(b'3'..=b'9'), Some(d)) if d.is_ascii_digit() => Some(4),
        _ => None,
    }
}

/// Split off an extension: `转8001`, `分机8001`, `ext 8001`, `x8001` (1–6 digits). The
/// extension is accepted and ignored; `-8001` after the local number is handled with the parts.
fn strip_extension(s: &str) -> Result<&str, Problem> {
    // Every marker has a non-ASCII character or an e or x: most numbers have neither.
    if s.bytes().all(|b| b.is_ascii() && !matches!(b, b'e' | b'E' | b'x' | b'X')) {
        return Ok(s);
    }
    let cut = ["转", "分机", "ext.", "ext", "EXT", "x", "X"]
        .iter()
        .filter_map(|m| s.find(m).map(|i| (i, m.len())))
        .min_by_key(|&(i, _)| i);
    let Some((i, len)) = cut else { return Ok(s) };
    let ext = s[i + len..].trim().trim_start_matches([':', '：', ' ']);
    if ext.is_empty() || ext.len() > 6 || !ext.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::error(
            "分机号应为 1–6 位数字，如 021-62345678转8001",
            "an extension is 1–6 digits, e.g. 021-62345678 ext 8001",
        ));
    }
    Ok(s[..i].trim_end())
}

/// Validate a mainland landline: `0` + area code + local number whose first digit is 2–8
/// (8 digits after 010 and 02x, 7 or 8 after a four-digit code), optionally with `-`
/// separators and an extension (`-8001`, `转8001`), which is ignored.
/// A `+86`/`0086` prefix replaces the leading 0 of the area code.
pub fn landline(s: &str) -> Result<Landline, Problem> {
    let folded = super::fold_width(s.trim());
    let trimmed = strip_extension(&folded)?;
    let mut parts: Vec<String> = trimmed
        .split(['-', '—', ' ', '\u{3000}'])
        .filter(|p| !p.is_empty())
        .map(|p| p.chars().filter(|c| !matches!(c, '(' | ')' | '（' | '）')).collect())
        .collect();
    // International prefix: "+86 10 ..." or "+8610..." -> "010...".
    if let Some(first) = parts.first().cloned()
        && let Some(rest) = first.strip_prefix("+86").or_else(|| first.strip_prefix("0086"))
    {
        if rest.is_empty() {
            parts.remove(0);
            if let Some(next) = parts.first_mut() {
                next.insert(0, '0');
            }
        } else {
            parts[0] = format!("0{rest}");
        }
    }
    let all = parts.concat();
    if all.is_empty() || !all.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad_landline());
    }
    let Some(len) = area_code_len(&all) else {
        return Err(if all.starts_with('0') {
            let shown = &all[..all.len().min(3)];
            Problem::error(format!("区号 {shown} 不存在"), format!("area code {shown} does not exist"))
        } else {
            Problem::error(
                "固定电话应带区号（以 0 开头）",
                "a landline number needs its area code (starting with 0)",
            )
        });
    };
    let area_code = all[..len].to_string();
    if let Some(cc) = ["0852", "0853", "0886"].iter().find(|c| **c == area_code) {
        let place = match &cc[1..] {
            "852" => ("香港", "Hong Kong"),
            "853" => ("澳门", "Macau"),
            _ => ("台湾", "Taiwan"),
        };
        return Err(Problem::error(
            format!(
                "{} 是{}的国际区号，不是内地长途区号；请填写内地固定电话，或写作 +{}",
                &cc[1..],
                place.0,
                &cc[1..]
            ),
            format!(
                "{} is the country code of {}, not a mainland area code; enter a mainland landline, or write it as +{}",
                &cc[1..],
                place.1,
                &cc[1..]
            ),
        ));
    }
    let entry = AREA_CODES.get(area_code.as_str()).copied();
    if let Some(new) = entry.and_then(|e| e.strip_prefix('=')) {
        return Err(Problem::error(
            format!("区号 {area_code} 已并入 {new}，请改用 {new} 并填写 8 位本地号码"),
            format!("area code {area_code} was merged into {new}; use {new} with the 8-digit local number"),
        ));
    }
    // If the user separated the area code, respect their grouping; the part
    // after the local number, if any, is an extension.
    let local = if parts.len() >= 2 && parts[0] == area_code {
        if parts.len() > 3 || parts.get(2).is_some_and(|e| e.len() > 6) {
            return Err(bad_landline());
        }
        parts[1].clone()
    } else if parts.len() == 1 {
        all[len..].to_string()
    } else {
        return Err(bad_landline());
    };
    let first_ok = matches!(local.as_bytes().first(), Some(b'2'..=b'8'));
    if !first_ok {
        return Err(Problem::error("本地号码首位应为 2–8", "the local number must start with 2–8"));
    }
    if len == 3 && local.len() != 8 {
        return Err(Problem::error(
            format!("区号 {area_code} 后的本地号码应为 8 位（当前 {} 位）", local.len()),
            format!("after area code {area_code} the local number has 8 digits (found {})", local.len()),
        ));
    }
    if !(7..=8).contains(&local.len()) {
        return Err(Problem::error(
            format!("区号 {area_code} 后的本地号码应为 7 或 8 位（当前 {} 位）", local.len()),
            format!(
                "after area code {area_code} the local number has 7 or 8 digits (found {})",
                local.len()
            ),
        ));
    }
    Ok(Landline {
        area_code,
        local,
        province: entry,
    })
}

/// A valid landline whose area code is not in the national list: a warning.
pub fn landline_doubt(l: &Landline) -> Option<Problem> {
    l.province.is_none().then(|| {
        Problem::warning(
            format!("区号 {} 不在国内长途区号表中，请核对", l.area_code),
            format!("area code {} is not in the national area-code list; check it", l.area_code),
        )
    })
}

fn bad_landline() -> Problem {
    Problem::error(
        "固定电话格式应为 区号-号码，如 010-62345678",
        "landline format: area code, then number, e.g. 010-62345678",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles() {
        assert_eq!(mobile("+86 138-0013-8000").unwrap(), "13800138000");
        assert_eq!(mobile("0086 13800138000").unwrap(), "13800138000");
        assert_eq!(mobile("8613800138000").unwrap(), "13800138000");
        assert_eq!(mobile("17410123456").unwrap(), "17410123456");
        assert!(mobile("17413123456").is_err());
        assert!(mobile("15412345678").unwrap_err().zh.contains("154"));
        // Full-width digits are folded, as for every identifier (validators::normalise).
        assert_eq!(mobile("１３８００１３８０００").unwrap(), "13800138000");
        assert_eq!(landline("０７５５－２６５４３２１０").unwrap().local, "26543210");
    }

    /// 146/148 are IoT blocks; 1610 and 1619 pass with a warning naming both sources.
    /// The binary search per prefix length agrees with trying every allocated prefix.
    #[test]
    fn allocated_agrees_with_a_linear_scan() {
        for n in 10_000..20_000u32 {
            let digits = format!("{n}{}", n % 1_000_000);
            let linear = MOBILE_PREFIXES.iter().any(|(p, _)| digits.starts_with(p));
            assert_eq!(allocated(&digits), linear, "{digits}");
        }
    }

    #[test]
    fn iot_and_disputed_prefixes() {
        for iot in ["14612345678", "14812345678", "14012345678"] {
            assert!(mobile(iot).unwrap_err().en.contains("IoT"), "{iot}");
        }
        for (n, disputed) in [
            ("16101234567", true),
            ("16191234567", true),
            ("16212345678", false),
            ("14512345678", false),
        ] {
            let d = mobile(n).unwrap();
            let doubt = mobile_doubt(&d);
            assert_eq!(doubt.is_some(), disputed, "{n}");
            if let Some(p) = doubt {
                assert!(p.en.contains("MIIT") && p.en.contains("libphonenumber"));
            }
        }
        assert!(mobile("16111234567").is_err());
    }

    #[test]
    fn landlines() {
        let l = landline("0755-26543210").unwrap();
        assert_eq!(
            (l.area_code.as_str(), l.local.as_str(), l.province),
            ("0755", "26543210", Some("广东"))
        );
        let l = landline("(010)62345678").unwrap();
        assert_eq!((l.area_code.as_str(), l.province), ("010", Some("北京")));
        let l = landline("+86 10 6234 5678");
        assert!(l.is_err(), "space-split local numbers are ambiguous: {l:?}");
        let l = landline("+86-10-62345678").unwrap();
        assert_eq!(l.area_code, "010");
        assert!(landline("02162345678").is_ok());
        assert!(landline("021-62345678-8001").is_ok());
        assert!(landline("0999-8123456").unwrap().province == Some("新疆"));
        assert_eq!(landline("0349-2123456").unwrap().province, Some("山西"));
        assert!(landline("026-12345678").unwrap_err().zh.contains("026"));
        assert!(landline("12345678").is_err());
        assert!(landline("010-1234567").is_err());
    }

    /// The vectors: codes that do not exist, merged codes, codes added, local-number
    /// lengths and extensions.
    #[test]
    fn landline_vectors() {
        let doubt = |s: &str| landline_doubt(&landline(s).unwrap());
        assert!(doubt("0300-2123456").unwrap().en.contains("0300"));
        assert!(landline("0852-21234567").unwrap_err().en.contains("Hong Kong"));
        assert!(landline("0853-2812345").unwrap_err().en.contains("Macau"));
        for m in ["0410-7212345", "0413-57123456", "0414-4123456"] {
            assert!(landline(m).unwrap_err().en.contains("merged into 024"), "{m}");
        }
        for c in [
            "0349", "0350", "0358", "0482", "0483", "0691", "0692", "0901", "0908", "0970", "0972", "0973", "0974", "0975", "0976", "0977",
            "0979", "0992", "0993",
        ] {
            let l = landline(&format!("{c}-6123456")).unwrap();
            assert!(l.province.is_some() && landline_doubt(&l).is_none(), "{c}");
        }
        // 8 digits after 010/02x; 7 or 8 after a four-digit code.
        assert!(landline("010-6234567").unwrap_err().en.contains("8 digits"));
        assert!(landline("021-623456789").is_err());
        assert!(landline("0755-2654321").is_ok());
        assert!(landline("0755-265432").unwrap_err().en.contains("7 or 8"));
        // Extensions accepted and ignored.
        for e in [
            "021-62345678-8001",
            "021-62345678转8001",
            "021-62345678 转 8001",
            "02162345678ext8001",
            "021-62345678 x8001",
        ] {
            let l = landline(e).unwrap();
            assert_eq!((l.area_code.as_str(), l.local.as_str()), ("021", "62345678"), "{e}");
        }
        assert!(landline("021-62345678转").is_err());
    }

    #[test]
    fn no_panic_on_odd_input() {
        for s in ["", "-", "+86", "0", "0é", "é", "--0--", "（０１０）", "转", "x转ext"] {
            let _ = mobile(s);
            let _ = landline(s);
        }
    }
}
