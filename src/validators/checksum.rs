//! Check-character algorithms shared by several validators.

/// ISO 7064 MOD 11-2 check character for a 17-digit body (GB 11643).
/// Returns None if the body is not 17 ASCII digits.
pub(crate) fn mod11_2(body: &[u8]) -> Option<u8> {
    if body.len() != 17 || !body.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // Weight of position k (1-based, left to right) is 2^(18-k) mod 11.
    let mut weight = 1u32;
    let mut sum = 0u32;
    for &b in body.iter().rev() {
        weight = weight * 2 % 11;
        sum += u32::from(b - b'0') * weight;
    }
    Some(b"10X98765432"[(sum % 11) as usize])
}

/// ISO 7064 MOD 11,10 check digit (GB/T 17710), used by the 15-digit
/// business registration number.
pub(crate) fn mod11_10(body: &[u8]) -> Option<u8> {
    let mut p = 10u32;
    for &b in body {
        if !b.is_ascii_digit() {
            return None;
        }
        let s = match (p + u32::from(b - b'0')) % 10 {
            0 => 10,
            s => s,
        };
        p = s * 2 % 11;
    }
    Some(b'0' + ((11 - p) % 10) as u8)
}

/// GB 11714 organisation-code check character for an 8-character body
/// (digits and A–Z, letters valued 10..35).
pub(crate) fn gb11714(body: &[u8]) -> Option<u8> {
    const W: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    if body.len() != 8 {
        return None;
    }
    let mut sum = 0;
    for (&b, w) in body.iter().zip(W) {
        let v = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return None,
        };
        sum += v * w;
    }
    Some(match 11 - sum % 11 {
        10 => b'X',
        11 => b'0',
        c => b'0' + c as u8,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mod11_2_standard_examples() {
        assert_eq!(mod11_2(b"11010519491231002"), Some(b'X'));
        assert_eq!(mod11_2(b"44052418800101001"), Some(b'4'));
        assert_eq!(mod11_2(b"4405241880010100"), None);
    }

    #[test]
    fn mod11_10_examples() {
        assert_eq!(mod11_10(b"11010800000001"), Some(b'6'));
        assert_eq!(mod11_10(b"44030000000012"), Some(b'1'));
    }

    #[test]
    fn gb11714_examples() {
        assert_eq!(gb11714(b"60003734"), Some(b'1'));
        assert_eq!(gb11714(b"M000100Y"), Some(b'4'));
        assert_eq!(gb11714(b"MA1K3BTP"), Some(b'2'));
        assert_eq!(gb11714(b"6000373a"), None);
    }
}
