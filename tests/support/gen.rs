//! A generator of varied filing drafts, clean and broken, for the batch tests and the
//! benchmark (`cargo run --release --example gen_drafts -- OUT N`). Deterministic: draft `i`
//! of seed `s` is always the same text.
//!
//! The drafts start from the clean base drafts in `tests/fixtures/base/` (enterprise and
//! individual in 广东, government in 四川) and get their own principal, people, numbers and
//! domain. Identifiers carry valid check characters: resident IDs by GB 11643 (ISO 7064
//! MOD 11-2), unified social credit codes by GB 32100 (MOD 31, with the embedded GB 11714
//! organisation code's own check character). Some drafts are broken on purpose (see
//! [`Flaw`]); a few share a mobile, a domain or a principal with an earlier draft, for the
//! cross-draft checks.

#![allow(dead_code)]

const ENTERPRISE: &str = include_str!("../fixtures/base/enterprise.toml");
const INDIVIDUAL: &str = include_str!("../fixtures/base/individual.toml");
const GOVERNMENT: &str = include_str!("../fixtures/base/government.toml");

/// What is wrong with a generated draft on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flaw {
    None,
    /// The responsible person's ID has a wrong check digit.
    BadIdCheck,
    /// The responsible person's ID expired before the filing date.
    ExpiredId,
    /// Not valid TOML.
    Syntax,
    /// `filing_date` is a string.
    WrongType,
    /// Shares its mobile with draft i-1 (another principal): CROSS-MOBILE.
    SharedMobile,
    /// Shares its domain with draft i-3 (same template, so the suffix fits): CROSS-DOMAIN.
    SharedDomain,
    /// Same principal as draft i-3: CROSS-PRINCIPAL.
    SamePrincipal,
}

#[derive(Debug, Clone)]
pub struct Generated {
    /// Relative path: `NNN/draft-NNNNNN.toml`, 1000 drafts a folder.
    pub path: String,
    pub text: String,
    pub flaw: Flaw,
}

/// SplitMix64: small, fast, good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// GB 11643 check character (ISO 7064 MOD 11-2) for a 17-digit body.
pub fn mod11_2(body: &str) -> char {
    assert_eq!(body.len(), 17);
    let sum: u32 = body
        .bytes()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * ((1u32 << (17 - i)) % 11))
        .sum();
    b"10X98765432"[(sum % 11) as usize] as char
}

/// An 18-digit resident ID: 6-digit address code, birth date, sequence, check digit.
pub fn resident_id(region: &str, year: u32, month: u32, day: u32, seq: u32) -> String {
    let body = format!("{region}{year:04}{month:02}{day:02}{:03}", seq % 1000);
    let c = mod11_2(&body);
    format!("{body}{c}")
}

/// GB 11714 organisation-code check character for an 8-character body.
pub fn gb11714(body: &str) -> char {
    const W: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .bytes()
        .zip(W)
        .map(|(b, w)| {
            let v = if b.is_ascii_digit() {
                u32::from(b - b'0')
            } else {
                u32::from(b - b'A') + 10
            };
            v * w
        })
        .sum();
    match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        c => char::from(b'0' + c as u8),
    }
}

const USCC_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// GB 32100 check character (MOD 31) for a 17-character body.
pub fn mod31(body: &str) -> char {
    let mut weight = 1;
    let mut sum = 0;
    for b in body.bytes() {
        let v = USCC_ALPHABET.iter().position(|&a| a == b).expect("USCC alphabet") as u32;
        sum += v * weight;
        weight = weight * 3 % 31;
    }
    USCC_ALPHABET[((31 - sum % 31) % 31) as usize] as char
}

/// A unified social credit code: authority+category, 6-digit division, organisation code
/// (8 digits + GB 11714 check), MOD 31 check.
pub fn uscc(prefix: &str, division: &str, org: u32) -> String {
    let org = format!("{:08}", org % 100_000_000);
    let org_check = gb11714(&org);
    let body = format!("{prefix}{division}{org}{org_check}");
    let c = mod31(&body);
    format!("{body}{c}")
}

/// Mobile numbers on prefixes every dated table has had for years.
pub fn mobile(n: u64) -> String {
    const PREFIXES: [&str; 8] = ["138", "139", "135", "136", "137", "150", "151", "186"];
    format!("{}{:08}", PREFIXES[(n % 8) as usize], (n / 8) % 100_000_000)
}

/// A letters-only label for index `n` (no digits, so PII masking leaves it alone).
pub fn label(mut n: u64) -> String {
    let mut s = String::new();
    loop {
        s.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
        if n == 0 {
            break;
        }
    }
    format!("bj{s}")
}

const WORDS: [&str; 16] = [
    "华", "星", "云", "海", "嘉", "德", "瑞", "博", "信", "达", "恒", "通", "宏", "盛", "科", "源",
];

fn word(n: u64) -> String {
    let a = WORDS[(n % 16) as usize];
    let b = WORDS[((n / 16) % 16) as usize];
    let c = WORDS[((n / 256) % 16) as usize];
    format!("{a}{b}{c}")
}

const SURNAMES: [&str; 8] = ["赵", "钱", "孙", "周", "吴", "郑", "冯", "陈"];
const GIVEN: [&str; 8] = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇"];

fn person(n: u64) -> String {
    format!(
        "{}{}{}",
        SURNAMES[(n % 8) as usize],
        GIVEN[((n / 8) % 8) as usize],
        GIVEN[((n / 64) % 8) as usize]
    )
}

/// The flaw of draft `i` (fixed by its index, so tests can predict it).
pub fn flaw(i: u64) -> Flaw {
    match (i % 100, i % 10) {
        (42, _) => Flaw::SharedMobile,
        (55, _) => Flaw::SharedDomain,
        (77, _) => Flaw::SamePrincipal,
        (7 | 57, _) => Flaw::Syntax,
        (17 | 67, _) => Flaw::WrongType,
        (_, 3) => Flaw::BadIdCheck,
        (_, 6) => Flaw::ExpiredId,
        _ => Flaw::None,
    }
}

/// The values that make draft `i` its own.
struct Values {
    principal: String,
    /// The organisation-code part of the principal's credit code.
    org: u32,
    uscc: String,
    responsible: String,
    id: String,
    mobile: String,
    emergency: String,
    email: String,
    domain: String,
}

fn values(i: u64, seed: u64) -> Values {
    let mut r = Rng::new(seed.wrapping_mul(0x1000_0001).wrapping_add(i));
    let year = 1970 + r.below(35) as u32;
    let month = 1 + r.below(12) as u32;
    let day = 1 + r.below(28) as u32;
    let n = i.wrapping_mul(7919).wrapping_add(seed);
    Values {
        principal: format!("深圳市{}网络科技有限公司", word(n)),
        org: (i + seed * 7) as u32,
        uscc: String::new(),
        responsible: person(n),
        id: String::new(),
        mobile: mobile(2 * i + seed * 1_000_003),
        emergency: mobile(2 * i + 1 + seed * 1_000_003),
        email: format!("{}@example.com", label(i)),
        domain: match i % 3 {
            2 => format!("{}.gov.cn", label(i + seed * 1_000_000)),
            _ => format!("{}.cn", label(i + seed * 1_000_000)),
        },
    }
    .with_ids(i, year, month, day)
}

impl Values {
    fn with_ids(mut self, i: u64, year: u32, month: u32, day: u32) -> Self {
        self.uscc = uscc("91", "440300", self.org);
        self.id = resident_id("440305", year, month, day, (i % 1000) as u32);
        self
    }
}

/// Draft number `i` of `seed`.
pub fn draft(i: u64, seed: u64) -> Generated {
    let flaw = flaw(i);
    let template = i % 3;
    let mut v = values(i, seed);
    match flaw {
        Flaw::SharedMobile if i >= 1 => v.mobile = values(i - 1, seed).mobile,
        Flaw::SharedDomain if i >= 3 => v.domain = values(i - 3, seed).domain,
        Flaw::SamePrincipal if i >= 3 => {
            let other = values(i - 3, seed);
            v.principal = other.principal;
            v.org = other.org;
            v.uscc = other.uscc;
            if template == 1 {
                // An individual principal is the person: same name and ID.
                v.responsible = other.responsible;
                v.id = other.id;
            }
        }
        _ => {}
    }
    // The government template's person is from 成都 (510104): same birth date and sequence.
    let id_now = if template == 2 {
        let body: String = v.id.replacen("440305", "510104", 1).chars().take(17).collect();
        format!("{body}{}", mod11_2(&body))
    } else {
        v.id.clone()
    };
    let mut text = match template {
        0 => ENTERPRISE
            .replace("深圳市示例网络科技有限公司", &v.principal)
            .replace("91440300MA5F000181", &v.uscc)
            .replace("张三", &v.responsible)
            .replace("44030519900101123X", &v.id)
            .replace("13800138000", &v.mobile)
            .replace("13900139000", &v.emergency)
            .replace("zhangsan@example.com", &v.email)
            .replace("example.com", &v.domain),
        1 => INDIVIDUAL
            .replace("李四", &v.responsible)
            .replace("440305199503151232", &v.id)
            .replace("13912345678", &v.mobile)
            .replace("13787654321", &v.emergency)
            .replace("lisi@example.cn", &v.email)
            .replace("lisi-notes.cn", &v.domain),
        _ => {
            let gov = v.principal.replace("深圳市", "成都市").replace("网络科技有限公司", "区数据管理局");
            let code = uscc("11", "510000", v.org);
            GOVERNMENT
                .replace("成都市示例区数据管理局", &gov)
                .replace("11510000MB0000000N", &code)
                .replace("王五", &v.responsible)
                .replace("510104198505053456", &id_now)
                .replace("13512345678", &v.mobile)
                .replace("13612345678", &v.emergency)
                .replace("wangwu@example.gov.cn", &v.email)
                .replace("example.gov.cn", &v.domain)
        }
    };
    match flaw {
        Flaw::BadIdCheck => {
            let last = id_now.chars().last().unwrap_or('0');
            let wrong = if last == '1' { '2' } else { '1' };
            let bad = format!("{}{wrong}", &id_now[..17]);
            text = text.replace(&id_now, &bad);
        }
        Flaw::ExpiredId => {
            // The responsible person's document (the first valid_until after the ID number).
            if let Some(at) = text.find(&id_now)
                && let Some(rel) = text[at..].find("valid_until = ")
            {
                let start = at + rel + "valid_until = ".len();
                let end = start + text[start..].find('\n').unwrap_or(0);
                text.replace_range(start..end, "2020-01-01");
            }
        }
        Flaw::Syntax => {
            let cut = text.len() / 2;
            let cut = (0..=cut).rev().find(|&c| text.is_char_boundary(c)).unwrap_or(0);
            text.truncate(cut);
            text.push_str("\n[principal\nname = \"未闭合\n");
        }
        Flaw::WrongType => text = text.replacen("filing_date = 2026-12-01", "filing_date = \"下周一\"", 1),
        _ => {}
    }
    Generated {
        path: format!("{:03}/draft-{:06}.toml", i / 1000, i),
        text,
        flaw,
    }
}
