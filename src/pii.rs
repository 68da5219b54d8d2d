//! Personal data in terminal output: ID numbers and phone numbers are masked everywhere except
//! inside the bundle files the user asked for.
//!
//! [`mask_text`] finds identifiers after normalising: full-width digits and letters count as
//! their ASCII forms, and zero-width or other invisible characters, spaces and hyphens
//! between digits do not split a number (`138 0013 8000`, `1380\u{200b}0138000`). A signed
//! number (`-9223372036854775808 个月`) is a quantity, not an identifier, and stays.

/// `44030519900101123X` → `4403**********123X`; `13800138000` → `138****8000`.
pub fn mask(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    let keep = keep_counts(&chars.iter().map(|c| fold(*c).unwrap_or(*c)).collect::<Vec<_>>());
    let n = chars.len();
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| if i < keep.0 || i >= n - keep.1 { *c } else { '*' })
        .collect()
}

/// How many characters to show at the start and the end of an identifier of this length.
fn keep_counts(chars: &[char]) -> (usize, usize) {
    let n = chars.len();
    match n {
        0..=4 => (0, 0),
        5..=8 => (1, 2),
        11 if chars.iter().all(|c| c.is_ascii_digit()) => (3, 4),
        _ => (4, 4),
    }
}

/// The ASCII letter or digit a character stands for (full-width forms included).
fn fold(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c);
    }
    let u = c as u32;
    if (0xFF10..=0xFF19).contains(&u) || (0xFF21..=0xFF3A).contains(&u) || (0xFF41..=0xFF5A).contains(&u) {
        return char::from_u32(u - 0xFEE0);
    }
    None
}

/// Invisible characters that never split a number.
fn invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{180e}')
}

/// Visible separators people type inside a number: joined only between digits.
fn separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '\u{3000}' | '－' | '\u{a0}')
}

fn identifier_like(sig: &[char]) -> bool {
    let digits = sig.iter().filter(|c| c.is_ascii_digit()).count();
    sig.len() >= 7 && digits >= 6 && !looks_like_date(sig)
}

/// Mask every run that looks like an identifier or phone number (at least 7 letters and
/// digits, at least 6 of them digits) inside free text.
pub fn mask_text(text: &str) -> String {
    // An identifier has at least six digits: text with fewer (most field paths, most
    // messages) is returned without looking further.
    if text
        .chars()
        .filter(|c| fold(*c).is_some_and(|f| f.is_ascii_digit()))
        .nth(5)
        .is_none()
    {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if fold(chars[i]).is_none() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // A run: letters/digits, joined by invisible characters anywhere and by separators
        // between two digits.
        let start = i;
        let mut end = i;
        let mut j = i;
        while j < chars.len() {
            let c = chars[j];
            if fold(c).is_some() {
                j += 1;
                end = j;
            } else if invisible(c) || separator(c) {
                let prev_digit = fold(chars[end - 1]).is_some_and(|f| f.is_ascii_digit());
                let mut k = j;
                while k < chars.len() && (invisible(chars[k]) || (separator(chars[k]) && k == j)) {
                    k += 1;
                }
                let next = chars.get(k).and_then(|c| fold(*c));
                let joins = next.is_some()
                    && (chars[j..k].iter().all(|c| invisible(*c)) || (prev_digit && next.is_some_and(|f| f.is_ascii_digit())));
                if !joins {
                    break;
                }
                j = k;
            } else {
                break;
            }
        }
        let run = &chars[start..end];
        let signed = start > 0
            && matches!(chars[start - 1], '-' | '+' | '－')
            && (start < 2 || fold(chars[start - 2]).is_none())
            && run.iter().all(|c| fold(*c).is_some_and(|f| f.is_ascii_digit()));
        if signed {
            out.extend(run);
        } else {
            mask_run(run, &mut out);
        }
        i = end;
    }
    out
}

/// Mask one joined run; when the whole is no identifier, its separated parts are tried.
fn mask_run(run: &[char], out: &mut String) {
    let sig: Vec<char> = run.iter().filter_map(|c| fold(*c)).collect();
    if identifier_like(&sig) {
        let (head, tail) = keep_counts(&sig);
        let mut seen = 0;
        for c in run {
            if fold(*c).is_some() {
                out.push(if seen < head || seen >= sig.len() - tail { *c } else { '*' });
                seen += 1;
            } else {
                out.push(*c);
            }
        }
        return;
    }
    if run.iter().any(|c| separator(*c)) {
        let mut part_start = 0;
        for (k, c) in run.iter().enumerate() {
            if separator(*c) {
                mask_run(&run[part_start..k], out);
                out.push(*c);
                part_start = k + 1;
            }
        }
        mask_run(&run[part_start..], out);
    } else {
        out.extend(run);
    }
}

fn looks_like_date(s: &[char]) -> bool {
    // 20270101 in messages is a date, not an ID; only plain 8-digit runs qualify.
    s.len() == 8 && s.iter().all(|c| c.is_ascii_digit()) && matches!((s[0], s[1]), ('1', '9') | ('2', '0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn masks_ids_and_phones() {
        assert_eq!(mask("44030519900101123X"), "4403**********123X");
        assert_eq!(mask("13800138000"), "138****8000");
        assert_eq!(mask_text("号码 44030519900101123X 无效"), "号码 4403**********123X 无效");
        assert_eq!(mask_text("手机 13800138000。"), "手机 138****8000。");
        assert_eq!(mask_text("0755-86000000"), "0755-****0000");
        assert_eq!(mask_text("有效期至 2027-01-01"), "有效期至 2027-01-01");
        assert_eq!(mask_text("example.com"), "example.com");
    }

    #[test]
    fn masks_after_normalising() {
        // Zero-width characters, full-width digits and spaces inside do not hide a number.
        assert_eq!(mask_text("1380\u{200b}0138000"), "138*\u{200b}***8000");
        let zw = mask_text("1380\u{200b}0138000");
        assert!(!zw.replace('\u{200b}', "").contains("13800138000"), "{zw}");
        assert_eq!(mask_text("手机 １３８００１３８０００"), "手机 １３８****８０００");
        assert_eq!(mask_text("138 0013 8000"), "138 **** 8000");
        assert_eq!(mask_text("44030519900101123X"), "4403**********123X");
        assert_eq!(mask_text("4403 0519 9001 0112 3X"), "4403 **** **** **12 3X");
        // Quantities and dates are not identifiers.
        assert_eq!(mask_text("-9223372036854775808 个月"), "-9223372036854775808 个月");
        assert_eq!(mask_text("2027-01-01 到期，13800138000"), "2027-01-01 到期，138****8000");
        assert_eq!(mask_text("有效期 2020-01-01 至 2030-01-01"), "有效期 2020-01-01 至 2030-01-01");
    }

    proptest! {
        #[test]
        fn masking_keeps_length_and_never_panics(s in "\\PC{0,60}") {
            prop_assert_eq!(mask_text(&s).chars().count(), s.chars().count());
            prop_assert_eq!(mask(&s).chars().count(), s.chars().count());
        }

        #[test]
        fn no_id_survives(body in "[1-6][0-9]{16}[0-9X]") {
            let out = mask_text(&format!("证件 {body} 有误"));
            prop_assert!(!out.contains(&body));
        }
    }
}
