//! Personal data in terminal output: ID numbers and phone numbers are masked everywhere except
//! inside the bundle files the user asked for.

/// `44030519900101123X` → `4403**********123X`; `13800138000` → `138****8000`.
pub fn mask(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    let n = chars.len();
    let (head, tail) = match n {
        0..=4 => return "*".repeat(n),
        5..=8 => (1, 2),
        11 if chars.iter().all(|c| c.is_ascii_digit()) => (3, 4),
        _ => (4, 4),
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| if i < head || i >= n - tail { *c } else { '*' })
        .collect()
}

/// Mask every run of letters and digits that looks like an identifier or phone number (at
/// least 7 characters with at least 6 digits) inside free text.
pub fn mask_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        let digits = run.chars().filter(|c| c.is_ascii_digit()).count();
        if run.chars().count() >= 7 && digits >= 6 && !looks_like_date(run) {
            out.push_str(&mask(run));
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn looks_like_date(s: &str) -> bool {
    // 20270101 in messages is a date, not an ID; only plain 8-digit runs qualify.
    s.len() == 8 && s.chars().all(|c| c.is_ascii_digit()) && (s.starts_with("19") || s.starts_with("20"))
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
        assert_eq!(mask_text("0755-86000000"), "0755-8*****00");
        assert_eq!(mask_text("有效期至 2027-01-01"), "有效期至 2027-01-01");
        assert_eq!(mask_text("example.com"), "example.com");
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
