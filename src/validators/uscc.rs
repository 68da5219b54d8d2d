//! Unified social credit code (统一社会信用代码, GB 32100-2015) and the
//! legacy identifiers it replaced.

use super::checksum::{gb11714, mod11_10};
use super::{Problem, normalise};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uscc {
    /// Registration-authority code (position 1).
    pub authority: char,
    /// Organisation-category code (position 2).
    pub category: char,
    /// Division code of the registering authority (positions 3–8).
    pub region: String,
}

/// The 31-symbol code alphabet (no I, O, Z, S, V), valued 0..30 in order.
const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Authority code -> (allowed category code, Chinese category name, English name).
/// GB 32100 as amended (general-rules.md §2).
const CATEGORIES: &[(char, char, &str, &str)] = &[
    ('1', '1', "机关", "government body"),
    ('1', '2', "事业单位", "public institution"),
    (
        '1',
        '3',
        "中央编办直接管理机构编制的群众团体",
        "mass organisation staffed by the central establishment office",
    ),
    ('1', '9', "其他（机构编制）", "other (establishment office)"),
    ('2', '1', "外国常驻新闻机构", "resident foreign news agency"),
    ('2', '9', "其他（外交）", "other (foreign affairs)"),
    ('3', '1', "律师执业机构", "law firm"),
    ('3', '2', "公证处", "notary office"),
    ('3', '3', "基层法律服务所", "local legal services office"),
    ('3', '4', "司法鉴定机构", "forensic appraisal body"),
    ('3', '5', "仲裁委员会", "arbitration commission"),
    ('3', '9', "其他（司法行政）", "other (judicial administration)"),
    ('4', '1', "外国在华文化中心", "foreign cultural centre in China"),
    ('4', '9', "其他（文化）", "other (culture)"),
    ('5', '1', "社会团体", "social organisation"),
    ('5', '2', "民办非企业单位", "private non-enterprise unit"),
    ('5', '3', "基金会", "foundation"),
    ('5', '9', "其他（民政）", "other (civil affairs)"),
    (
        '6',
        '1',
        "外国旅游部门常驻代表机构",
        "resident office of a foreign tourism authority",
    ),
    (
        '6',
        '2',
        "港澳台地区旅游部门常驻内地代表机构",
        "mainland office of a Hong Kong, Macao or Taiwan tourism authority",
    ),
    ('6', '9', "其他（旅游）", "other (tourism)"),
    ('7', '1', "宗教活动场所", "place of religious activity"),
    ('7', '2', "宗教院校", "religious college"),
    ('7', '9', "其他（宗教）", "other (religion)"),
    ('8', '1', "基层工会", "local trade union"),
    ('8', '9', "其他（工会）", "other (trade unions)"),
    ('9', '1', "企业", "enterprise"),
    ('9', '2', "个体工商户", "individual business"),
    ('9', '3', "农民专业合作社", "farmers' cooperative"),
    ('A', '1', "军队事业单位", "military public institution"),
    ('A', '9', "其他（军队编制）", "other (military establishment)"),
    ('N', '1', "组级集体经济组织", "group-level collective economic organisation"),
    ('N', '2', "村级集体经济组织", "village-level collective economic organisation"),
    ('N', '3', "乡镇级集体经济组织", "township-level collective economic organisation"),
    ('N', '9', "其他（农业）", "other (agriculture)"),
    ('Y', '1', "其他", "other"),
];

fn value(b: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == b).map(|p| p as u32)
}

/// MOD 31 check character for a 17-character body (weights 3^(i-1) mod 31).
pub(crate) fn check_char(body: &[u8]) -> Option<u8> {
    let mut weight = 1;
    let mut sum = 0;
    for &b in body {
        sum += value(b)? * weight;
        weight = weight * 3 % 31;
    }
    Some(ALPHABET[((31 - sum % 31) % 31) as usize])
}

pub fn parse(s: &str) -> Result<Uscc, Problem> {
    let s = normalise(s);
    let n = s.chars().count();
    if n != 18 {
        return Err(Problem::error(
            format!("统一社会信用代码应为 18 位（当前 {n} 位）"),
            format!("a unified social credit code has 18 characters (found {n})"),
        ));
    }
    let b = s.as_bytes();
    if let Some(c) = s.chars().find(|c| !c.is_ascii() || value(*c as u8).is_none()) {
        return Err(Problem::error(
            format!("含有不允许的字符 {c}（代码不使用 I、O、Z、S、V）"),
            format!("character {c} is not allowed (the code never uses I, O, Z, S, V)"),
        ));
    }
    let (authority, category) = (b[0] as char, b[1] as char);
    if !CATEGORIES.iter().any(|(a, c, _, _)| *a == authority && *c == category) {
        return Err(Problem::error(
            format!("登记管理部门代码与机构类别代码组合 {authority}{category} 不存在"),
            format!("authority/category pair {authority}{category} is not defined"),
        ));
    }
    if !b[2..8].iter().all(u8::is_ascii_digit) {
        return Err(Problem::error(
            "第 3–8 位行政区划码应为数字",
            "positions 3–8 (division code) must be digits",
        ));
    }
    let expected = check_char(&b[..17]).unwrap_or(b'?');
    if expected != b[17] {
        return Err(Problem::error(
            format!("校验位应为 {}", expected as char),
            format!("check character should be {}", expected as char),
        ));
    }
    Ok(Uscc {
        authority,
        category,
        region: s[2..8].to_string(),
    })
}

/// Non-fatal findings for a code that [`parse`] accepted: the embedded GB 11714
/// organisation code (positions 9–17) carries its own check character.
pub fn warnings(code: &str) -> Vec<Problem> {
    let s = normalise(code);
    let b = s.as_bytes();
    if b.len() != 18 {
        return Vec::new();
    }
    match gb11714(&b[8..16]) {
        Some(c) if c == b[16] => Vec::new(),
        Some(c) => vec![Problem::warning(
            format!("内含的组织机构代码校验位应为 {}，请核对", c as char),
            format!("embedded organisation code: check character should be {}; please verify", c as char),
        )],
        None => Vec::new(),
    }
}

/// Principal kinds (主办单位性质) of our draft format consistent with the code.
///
/// Choices: 93 (farmers' cooperative) files as an enterprise; A1 (military
/// public institution) as a public institution; 13 (mass organisations under
/// the central establishment office, e.g. trade-union-like bodies) is filed as
/// a social group or under a dedicated "other" kind, so both are allowed.
pub fn principal_kinds(u: &Uscc) -> &'static [&'static str] {
    match (u.authority, u.category) {
        ('9', '1' | '3') => &["enterprise"],
        ('9', '2') => &["individual_business"],
        ('1', '1') => &["government"],
        ('1', '2') | ('A', '1') => &["public_institution"],
        ('1', '3') => &["social_group", "other"],
        ('5', '1') => &["social_group"],
        ('5', '2') => &["private_non_enterprise"],
        ('5', '3') => &["foundation"],
        ('3', '1') => &["law_firm"],
        _ => &["other"],
    }
}

fn category(u: &Uscc) -> Option<&'static (char, char, &'static str, &'static str)> {
    CATEGORIES.iter().find(|(a, c, _, _)| *a == u.authority && *c == u.category)
}

/// Chinese name of the organisation category, e.g. "企业".
pub fn category_name(u: &Uscc) -> &'static str {
    category(u).map_or("未知", |(_, _, n, _)| n)
}

/// English name of the organisation category, e.g. "enterprise".
pub fn category_name_en(u: &Uscc) -> &'static str {
    category(u).map_or("unknown", |(_, _, _, n)| n)
}

/// The category's name in both languages, for messages that name it.
pub fn category_text(u: &Uscc) -> crate::diag::Text {
    crate::diag::Text::new(category_name(u), category_name_en(u))
}

/// Recognise a valid legacy identifier: the 15-digit business registration
/// number (GS15-2006, MOD 11,10) -> "regno15", or the 9-character GB 11714
/// organisation code (optionally written `XXXXXXXX-X`) -> "orgcode".
pub fn legacy_kind(s: &str) -> Option<&'static str> {
    let s = normalise(s);
    let b = s.as_bytes();
    if b.len() == 15 && b.iter().all(u8::is_ascii_digit) {
        return (mod11_10(&b[..14]) == Some(b[14])).then_some("regno15");
    }
    let compact: Vec<u8> = match b.len() {
        10 if b[8] == b'-' => [&b[..8], &b[9..]].concat(),
        9 => b.to_vec(),
        _ => return None,
    };
    (gb11714(&compact[..8]) == Some(compact[8])).then_some("orgcode")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_example() {
        let u = parse("91350100M000100Y43").unwrap();
        assert_eq!((u.authority, u.category, u.region.as_str()), ('9', '1', "350100"));
        assert_eq!(principal_kinds(&u), &["enterprise"]);
        assert_eq!(category_name(&u), "企业");
        assert_eq!(category_name_en(&u), "enterprise");
        assert!(warnings("91350100M000100Y43").is_empty());
        // Z is outside the code alphabet, so that is what gets reported.
        assert!(parse("91350100M000100Y4Z").unwrap_err().zh.contains('Z'));
        assert_eq!(parse("91350100M000100Y44").unwrap_err().zh, "校验位应为 3");
    }

    #[test]
    fn categories() {
        assert!(parse("951100006000373418").is_err());
        assert!(parse("9D110000600037341F").is_err());
        let u = parse("121200004013590816").unwrap();
        assert_eq!(principal_kinds(&u), &["public_institution"]);
        let u = parse("A1110000MA00AB001G").unwrap();
        assert_eq!(principal_kinds(&u), &["public_institution"]);
        let u = parse("92340602MA2PBMEM24").unwrap();
        assert_eq!(principal_kinds(&u), &["individual_business"]);
    }

    #[test]
    fn every_category_is_named_in_both_languages() {
        for (_, _, zh, en) in CATEGORIES {
            assert!(!zh.is_empty() && !en.is_empty());
            assert!(en.is_ascii(), "{en}");
        }
    }

    #[test]
    fn embedded_orgcode_warning() {
        // Valid outer checksum, wrong inner character: build one.
        let body = b"91350100M000100Y5";
        let c = check_char(body).unwrap();
        let code = format!("{}{}", std::str::from_utf8(body).unwrap(), c as char);
        assert!(parse(&code).is_ok());
        assert_eq!(warnings(&code).len(), 1);
    }

    #[test]
    fn legacy() {
        assert_eq!(legacy_kind("110108000000016"), Some("regno15"));
        assert_eq!(legacy_kind("440300000000122"), None);
        assert_eq!(legacy_kind("60003734-1"), Some("orgcode"));
        assert_eq!(legacy_kind("600037341"), Some("orgcode"));
        assert_eq!(legacy_kind("600037342"), None);
        assert_eq!(legacy_kind("91110000600037341L"), None);
        assert_eq!(legacy_kind("6000é341"), None);
    }

    #[test]
    fn no_panic_on_odd_input() {
        for s in ["", "ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ", "91350100M000100Y4é", "é"] {
            let _ = parse(s);
            let _ = warnings(s);
            let _ = legacy_kind(s);
        }
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn valid_code() -> impl Strategy<Value = String> {
        (0..CATEGORIES.len(), 0u32..1_000_000, proptest::collection::vec(0..31usize, 9)).prop_map(|(k, region, ent)| {
            let (a, c, _, _) = CATEGORIES[k];
            let mut body = format!("{a}{c}{region:06}");
            body.extend(ent.iter().map(|&i| ALPHABET[i] as char));
            let check = check_char(body.as_bytes()).unwrap() as char;
            format!("{body}{check}")
        })
    }

    proptest! {
        #[test]
        fn generated_valid_is_accepted(code in valid_code()) {
            prop_assert!(parse(&code).is_ok());
        }

        #[test]
        fn single_substitution_is_rejected(code in valid_code(), pos in 0usize..18, sym in 0usize..31) {
            let new = ALPHABET[sym];
            prop_assume!(code.as_bytes()[pos] != new);
            let mut m = code.into_bytes();
            m[pos] = new;
            prop_assert!(parse(std::str::from_utf8(&m).unwrap()).is_err());
        }

        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = parse(&s);
            let _ = warnings(&s);
            let _ = legacy_kind(&s);
        }
    }
}
