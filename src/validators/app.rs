//! APP identifiers: package names / Bundle IDs per platform, certificate fingerprints and
//! public keys as the filing consoles take them.

use super::Problem;
use crate::draft::{Os, normalize_hex};

/// The package name's syntax on `os`; `Other` has no rule.
///
/// - Android (`applicationId`): two or more dot-separated segments, each starting with a
///   letter, letters, digits and `_` only (Android developer docs, "Configure the app module").
/// - iOS (Bundle ID): letters, digits, `-` and `.` only, in reverse-DNS form (Apple's glossary
///   entry "bundle ID"), so at least two non-empty segments.
/// - HarmonyOS (`bundleName` in `app.json5`): starts with a letter, letters, digits, `_` and
///   `.`, 7 to 128 bytes, reverse-domain form (HarmonyOS application configuration docs).
pub fn package(os: Os, s: &str) -> Result<(), Problem> {
    let s = s.trim();
    let segs: Vec<&str> = s.split('.').collect();
    let reverse_dns = segs.len() >= 2 && segs.iter().all(|x| !x.is_empty());
    let bad_char = |ok: fn(char) -> bool| s.chars().find(|c| !ok(*c));
    match os {
        Os::Android => {
            if let Some(c) = bad_char(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.') {
                return Err(Problem::error(
                    format!("安卓包名只能含字母、数字、下划线和点，不能含“{c}”"),
                    format!("an Android package name has only letters, digits, `_` and dots, not \"{c}\""),
                ));
            }
            if !reverse_dns {
                return Err(Problem::error(
                    "安卓包名至少两段，以点分隔（如 com.example.app）",
                    "an Android package name has two or more dot-separated segments (e.g. com.example.app)",
                ));
            }
            if let Some(seg) = segs.iter().find(|x| !x.starts_with(|c: char| c.is_ascii_alphabetic())) {
                return Err(Problem::error(
                    format!("安卓包名的每一段须以字母开头，“{seg}”不是"),
                    format!("each segment of an Android package name starts with a letter; \"{seg}\" does not"),
                ));
            }
            Ok(())
        }
        Os::Ios => {
            if let Some(c) = bad_char(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.') {
                return Err(Problem::error(
                    format!("Bundle ID 只能含字母、数字、连字符和点，不能含“{c}”"),
                    format!("a Bundle ID has only letters, digits, hyphens and dots, not \"{c}\""),
                ));
            }
            if !reverse_dns {
                return Err(Problem::error(
                    "Bundle ID 应为反向域名形式（如 com.example.app）",
                    "a Bundle ID is in reverse-DNS form (e.g. com.example.app)",
                ));
            }
            Ok(())
        }
        Os::HarmonyOs => {
            if let Some(c) = bad_char(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.') {
                return Err(Problem::error(
                    format!("鸿蒙应用包名（bundleName）只能含字母、数字、下划线和点，不能含“{c}”"),
                    format!("a HarmonyOS bundle name has only letters, digits, `_` and dots, not \"{c}\""),
                ));
            }
            if !s.starts_with(|c: char| c.is_ascii_alphabetic()) || !reverse_dns || !(7..=128).contains(&s.len()) {
                return Err(Problem::error(
                    "鸿蒙应用包名须以字母开头、为反向域名形式、长 7–128 个字符（如 com.example.app）",
                    "a HarmonyOS bundle name starts with a letter, is in reverse-domain form and is 7–128 characters long (e.g. com.example.app)",
                ));
            }
            Ok(())
        }
        Os::Other => Ok(()),
    }
}

/// A certificate fingerprint of `digits` hex digits (32 for MD5, 40 for SHA-1), colons,
/// spaces, dashes and case tolerated; the normalised form on success. A fingerprint of
/// another length is named (the commonest slip is pasting the SHA-1 or SHA-256 that keytool
/// prints where the MD5 belongs).
pub fn fingerprint(s: &str, digits: usize) -> Result<String, Problem> {
    let hex = normalize_hex(s);
    if let Some(c) = hex.chars().find(|c| !c.is_ascii_hexdigit()) {
        return Err(Problem::error(
            format!("指纹只能含十六进制数字（0–9、A–F），不能含“{c}”"),
            format!("a fingerprint has hex digits (0-9, A-F) only, not \"{c}\""),
        ));
    }
    if hex.len() == digits {
        return Ok(hex);
    }
    let what = match hex.len() {
        32 => Some(("MD5", "an MD5")),
        40 => Some(("SHA-1", "a SHA-1")),
        64 => Some(("SHA-256", "a SHA-256")),
        _ => None,
    };
    Err(match what {
        Some((zh, en)) => Problem::error(
            format!("应为 {digits} 位十六进制，这是 {} 位，像是 {zh} 指纹", hex.len()),
            format!(
                "{digits} hex digits expected; this has {}, which looks like {en} fingerprint",
                hex.len()
            ),
        ),
        None => Problem::error(
            format!("应为 {digits} 位十六进制，实际 {} 位", hex.len()),
            format!("{digits} hex digits expected, found {}", hex.len()),
        ),
    })
}

/// The public key as hex (the RSA modulus or the DER SubjectPublicKeyInfo: guides differ,
/// and one console accepts the visible start of a truncated key, so only the alphabet is
/// checked). The normalised form on success.
pub fn public_key(s: &str) -> Result<String, Problem> {
    let hex = normalize_hex(s);
    match hex.chars().find(|c| !c.is_ascii_hexdigit()) {
        Some(c) => Err(Problem::error(
            format!("公钥应为十六进制数字，不能含“{c}”（PEM 的 Base64 文本须先转换为十六进制）"),
            format!("the public key is hex digits, not \"{c}\" (convert a PEM's Base64 text to hex first)"),
        )),
        None if hex.is_empty() => Err(Problem::error("公钥为空", "the public key is empty")),
        None => Ok(hex),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn android_package_names() {
        for ok in ["com.example.app", "a.b", "com.example.my_app2", "Com.Example.App"] {
            assert!(package(Os::Android, ok).is_ok(), "{ok}");
        }
        for bad in [
            "example",
            "com..app",
            "com.1app",
            "com.example.my-app",
            "com._x",
            ".com.a",
            "com.a.",
            "com.例子",
        ] {
            assert!(package(Os::Android, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ios_bundle_ids() {
        for ok in ["com.example.app", "com.example.my-app", "com.1example.App"] {
            assert!(package(Os::Ios, ok).is_ok(), "{ok}");
        }
        for bad in ["example", "com.example.my_app", "com..app", "com.example.app/x"] {
            assert!(package(Os::Ios, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn harmonyos_bundle_names() {
        assert!(package(Os::HarmonyOs, "com.example.app").is_ok());
        assert!(package(Os::HarmonyOs, "com.example.my_app").is_ok());
        assert!(package(Os::HarmonyOs, "a.b.c").is_err(), "shorter than 7");
        assert!(package(Os::HarmonyOs, "1com.example").is_err());
        assert!(package(Os::HarmonyOs, "com.example.my-app").is_err());
        assert!(package(Os::HarmonyOs, "comexampleapp").is_err());
        assert!(package(Os::HarmonyOs, &format!("com.{}", "a".repeat(130))).is_err());
        assert!(package(Os::Other, "anything at all").is_ok());
    }

    #[test]
    fn fingerprints_tolerate_separators_and_name_the_wrong_kind() {
        assert_eq!(
            fingerprint("9e:10:7d:9d:37:2b:b6:82:6b:d8:1d:35:42:a4:19:d6", 32).unwrap(),
            "9E107D9D372BB6826BD81D3542A419D6"
        );
        assert!(fingerprint("9E 10 7D 9D 37 2B B6 82 6B D8 1D 35 42 A4 19 D6", 32).is_ok());
        let e = fingerprint("2fd4e1c67a2d28fced849ee1bb76e7391b93eb12", 32).unwrap_err();
        assert!(e.en.contains("SHA-1"), "{}", e.en);
        let e = fingerprint(&"ab".repeat(32), 40).unwrap_err();
        assert!(e.en.contains("SHA-256"), "{}", e.en);
        assert!(fingerprint("0123", 32).is_err());
        assert!(fingerprint("zz107d9d372bb6826bd81d3542a419d6", 32).is_err());
    }

    #[test]
    fn public_keys_are_hex() {
        assert_eq!(public_key("30 82 01 22").unwrap(), "30820122");
        assert!(public_key("MIIBIjANBgkq").is_err());
        assert!(public_key(" : ").is_err());
    }
}
