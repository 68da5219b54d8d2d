//! ICP filing numbers (ICP备案号): `<abbr>ICP备<8 or 10 digits>号` for a principal, plus `-<n>`
//! for a website, `-<n>A` for an APP, `-<n>X` for a mini-program and `-<n>K` for a quick app.
//!
//! The abbreviation is the filing region's one-character name (粤 for 广东). Filing numbers are
//! public (every filed site shows its own in the footer), so messages may repeat them: the most
//! useful message for a typing slip is the number as it should be typed.

use super::Problem;
use crate::province::{PROVINCES, Province};

/// What a service number's suffix says the service is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ServiceKind {
    Website,
    App,
    MiniProgram,
    QuickApp,
}

impl ServiceKind {
    pub fn letter(self) -> &'static str {
        match self {
            ServiceKind::Website => "",
            ServiceKind::App => "A",
            ServiceKind::MiniProgram => "X",
            ServiceKind::QuickApp => "K",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            ServiceKind::Website => "网站",
            ServiceKind::App => "APP",
            ServiceKind::MiniProgram => "小程序",
            ServiceKind::QuickApp => "快应用",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            ServiceKind::Website => "website",
            ServiceKind::App => "APP",
            ServiceKind::MiniProgram => "mini-program",
            ServiceKind::QuickApp => "quick app",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilingNumber {
    pub province: &'static Province,
    /// The region character as written: the province's abbreviation or its other ICP one (蜀, 陇).
    pub abbr: char,
    /// The 8 (older) or 10 digits.
    pub digits: String,
    /// `-n` and what the suffix letter says, for a service's number.
    pub service: Option<(u32, ServiceKind)>,
}

impl FilingNumber {
    /// The principal's number this one belongs to (itself for a principal number).
    pub fn principal(&self) -> String {
        format!("{}ICP备{}号", self.abbr, self.digits)
    }
    pub fn is_principal(&self) -> bool {
        self.service.is_none()
    }
    /// A service number under `principal` (same region letter and digits).
    pub fn extends(&self, principal: &FilingNumber) -> bool {
        self.service.is_some() && self.abbr == principal.abbr && self.digits == principal.digits
    }
}

impl std::fmt::Display for FilingNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.principal())?;
        if let Some((n, k)) = self.service {
            write!(f, "-{n}{}", k.letter())?;
        }
        Ok(())
    }
}

/// Sichuan's and Gansu's bureaus number filings with their other abbreviations: current MIIT
/// numbers read 蜀ICP备… and 陇ICP备… (as Guizhou's read 黔 and Yunnan's 滇), while 川 and 甘
/// appear on older numbers.
const OTHER_ABBRS: &[(char, u8)] = &[('蜀', 51), ('陇', 62)];

/// The province whose filing numbers start with `abbr`.
pub fn province_of(abbr: char) -> Option<&'static Province> {
    PROVINCES.iter().find(|p| p.abbr.chars().eq(std::iter::once(abbr))).or_else(|| {
        let code = OTHER_ABBRS.iter().find(|(c, _)| *c == abbr)?.1;
        PROVINCES.iter().find(|p| p.code == code)
    })
}

/// Every character a region's numbers may start with, for messages: 川 or 蜀.
fn abbrs_of(region: &Province) -> (String, String) {
    let mut all = vec![region.abbr.to_string()];
    all.extend(
        OTHER_ABBRS
            .iter()
            .filter(|(_, code)| *code == region.code)
            .map(|(c, _)| c.to_string()),
    );
    (all.join("”或“"), all.join(" or "))
}

/// Characters people type for the ones the number needs: full-width digits, letters and
/// hyphens (a Chinese input method's defaults), dashes, and any space.
fn normalise(s: &str) -> (String, bool, bool) {
    let (mut out, mut spaces, mut wide) = (String::with_capacity(s.len()), false, false);
    for c in s.trim().chars() {
        match c {
            c if c.is_whitespace() => spaces = true,
            '\u{FF01}'..='\u{FF5E}' => {
                wide = true;
                out.push(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c));
            }
            '—' | '–' | '‐' | '‑' => {
                wide = true;
                out.push('-');
            }
            c => out.push(c),
        }
    }
    (out, spaces, wide)
}

/// Parse a filing number exactly as it must be typed.
fn strict(s: &str) -> Result<FilingNumber, Problem> {
    let mut chars = s.chars();
    let Some(abbr) = chars.next() else {
        return Err(Problem::error("备案号为空", "the filing number is empty"));
    };
    let rest = chars.as_str();
    let province = match province_of(abbr) {
        Some(p) => p,
        None => {
            // 贵 and 云 are the provinces' first characters but not their abbreviations.
            let hint = match abbr {
                '贵' => Some(("黔", "贵州")),
                '云' => Some(("滇", "云南")),
                _ => None,
            };
            return Err(match hint {
                Some((a, name)) => Problem::error(
                    format!("{name}的备案号以“{a}”开头（{a}ICP备…号），不是“{abbr}”"),
                    format!("{name} filing numbers start with {a} ({a}ICP备…号), not {abbr}"),
                ),
                None => Problem::error(
                    format!("备案号应以省份简称开头（如 京、粤、沪），“{abbr}”不是 31 个省级地区的简称"),
                    format!("a filing number starts with the region's one-character abbreviation (京, 粤, 沪 …); {abbr} is none of the 31"),
                ),
            });
        }
    };
    let rest = if let Some(r) = rest.strip_prefix("ICP") {
        r
    } else if rest.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("icp")) {
        return Err(Problem::error(
            "“ICP”须为大写字母：写作 ICP备…号",
            "write “ICP” in capitals: ICP备…号",
        ));
    } else {
        return Err(Problem::error(
            format!("省份简称“{abbr}”之后应是“ICP备”，备案号形如 {abbr}ICP备2021012345号"),
            format!("the abbreviation {abbr} must be followed by ICP备, as in {abbr}ICP备2021012345号"),
        ));
    };
    if let Some(r) = rest.strip_prefix('证') {
        let n: String = r.chars().take_while(char::is_ascii_digit).collect();
        return Err(Problem::error(
            format!(
                "{abbr}ICP证{n}号 是经营性 ICP 许可证编号（增值电信业务经营许可证），不是备案号；非经营性备案号形如 {abbr}ICP备XXXXXXXX号，可在 beian.miit.gov.cn 查询"
            ),
            format!(
                "{abbr}ICP证{n}号 is a commercial ICP licence number (a value-added telecom licence), not a filing number; a filing number reads {abbr}ICP备 followed by 8 or 10 digits and 号 (look it up at beian.miit.gov.cn)"
            ),
        ));
    }
    let Some(rest) = rest.strip_prefix('备') else {
        return Err(Problem::error(
            "“ICP”之后应是“备”（备案号）",
            "“ICP” must be followed by 备 (a filing number)",
        ));
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let rest = &rest[digits.len()..];
    if digits.len() != 8 && digits.len() != 10 {
        return Err(Problem::error(
            format!("“ICP备”之后应有 8 位（较早的备案号）或 10 位数字，这里是 {} 位", digits.len()),
            format!(
                "ICP备 must be followed by 8 digits (older numbers) or 10 digits; found {}",
                digits.len()
            ),
        ));
    }
    let Some(rest) = rest.strip_prefix('号') else {
        return Err(if rest.is_empty() || rest.starts_with('-') {
            Problem::error(
                format!("数字之后缺少“号”：写作 {abbr}ICP备{digits}号{rest}"),
                format!("号 is missing after the digits: write {abbr}ICP备{digits}号{rest}"),
            )
        } else {
            Problem::error(
                format!("数字之后应是“号”，不是“{rest}”"),
                format!("the digits must be followed by 号, not “{rest}”"),
            )
        });
    };
    if rest.is_empty() {
        return Ok(FilingNumber {
            province,
            abbr,
            digits,
            service: None,
        });
    }
    let Some(suffix) = rest.strip_prefix('-') else {
        return Err(Problem::error(
            format!("“号”之后只能是服务序号，如 -1（网站）、-2A（APP），不是“{rest}”"),
            format!("after 号 only a service number may follow, such as -1 (website) or -2A (APP), not “{rest}”"),
        ));
    };
    let n: String = suffix.chars().take_while(char::is_ascii_digit).collect();
    let letter = &suffix[n.len()..];
    let kind = match letter {
        "" => Some(ServiceKind::Website),
        "A" => Some(ServiceKind::App),
        "X" => Some(ServiceKind::MiniProgram),
        "K" => Some(ServiceKind::QuickApp),
        _ => None,
    };
    let num = n.parse::<u32>().ok().filter(|v| *v >= 1 && n.len() <= 4 && !n.starts_with('0'));
    match (num, kind) {
        (Some(num), Some(kind)) => Ok(FilingNumber {
            province,
            abbr,
            digits,
            service: Some((num, kind)),
        }),
        (Some(num), None) if matches!(letter, "a" | "x" | "k") => Err(Problem::error(
            format!("服务序号的字母须大写：写作 -{num}{}", letter.to_ascii_uppercase()),
            format!("the suffix letter is a capital: write -{num}{}", letter.to_ascii_uppercase()),
        )),
        (Some(_), None) => Err(Problem::error(
            format!("服务序号后的字母只能是 A（APP）、X（小程序）或 K（快应用），不是“{letter}”"),
            format!("the suffix letter is A (APP), X (mini-program) or K (quick app), not “{letter}”"),
        )),
        (None, _) => Err(Problem::error(
            "“-”之后应是服务序号（从 1 起的数字），如 -1 或 -2A",
            "“-” must be followed by the service's sequence number (from 1), as in -1 or -2A",
        )),
    }
}

/// Parse a filing number; a number that is right once spaces are removed and full-width
/// characters made half-width gets a message saying exactly what to type.
pub fn parse(input: &str) -> Result<FilingNumber, Problem> {
    let (clean, spaces, wide) = normalise(input);
    if !spaces && !wide {
        return strict(&clean);
    }
    let what = match (spaces, wide) {
        (true, true) => (
            "含有空格和全角字符（数字、字母或连字符）",
            "contains spaces and full-width characters (digits, letters or hyphens)",
        ),
        (true, false) => ("含有空格", "contains spaces"),
        _ => (
            "含有全角字符（数字、字母或连字符）",
            "contains full-width characters (digits, letters or hyphens)",
        ),
    };
    match strict(&clean) {
        Ok(n) => Err(Problem::error(
            format!("备案号{}：请用半角字符、不留空格，写作 {n}", what.0),
            format!(
                "the filing number {}: type it in half-width characters without spaces, as {n}",
                what.1
            ),
        )),
        Err(e) => Err(Problem::error(
            format!("备案号{}，去掉空格、改为半角后仍有问题：{}", what.0, e.zh),
            format!("the filing number {}; even with those fixed: {}", what.1, e.en),
        )),
    }
}

/// The number belongs to the filing region.
pub fn check_region(n: &FilingNumber, region: &Province) -> Result<(), Problem> {
    if n.province.code == region.code {
        return Ok(());
    }
    let (zh, en) = abbrs_of(region);
    Err(Problem::error(
        format!(
            "备案号以“{}”开头，是{}的备案号；本草稿的备案地域是{}（应以“{zh}”开头）。备案号不能跨省沿用，跨省须注销后在新地域重新备案",
            n.abbr, n.province.short, region.short
        ),
        format!(
            "the number starts with {}, a {} number, but the filing region is {} (numbers there start with {en}); a number never moves between provinces: cancel and file again there",
            n.abbr, n.province.english, region.english
        ),
    ))
}

/// A service's number is the principal's number plus its suffix.
pub fn check_extends(service: &FilingNumber, principal: &FilingNumber) -> Result<(), Problem> {
    if service.extends(principal) {
        return Ok(());
    }
    Err(Problem::error(
        format!("{service} 不属于主体备案号 {principal}：服务的备案号是主体备案号加“-序号”，应形如 {principal}-1"),
        format!(
            "{service} does not belong to the principal's number {principal}: a service's number is the principal's plus “-n”, e.g. {principal}-1"
        ),
    ))
}

#[cfg(test)]
mod tests;
