//! The 31 provincial-level regions that have a communications bureau (管局).
//! Reference data, not rules: the names users may type for a filing region.

#[derive(Debug, PartialEq, Eq)]
pub struct Province {
    /// GB/T 2260 two-digit code.
    pub code: u8,
    /// Short Chinese name as used in filing consoles (广东).
    pub short: &'static str,
    /// Full Chinese name (广东省).
    pub full: &'static str,
    pub pinyin: &'static str,
    /// One-character abbreviation used in filing numbers (粤ICP备…).
    pub abbr: &'static str,
    pub english: &'static str,
}

macro_rules! p {
    ($code:expr, $short:expr, $full:expr, $pinyin:expr, $abbr:expr, $en:expr) => {
        Province {
            code: $code,
            short: $short,
            full: $full,
            pinyin: $pinyin,
            abbr: $abbr,
            english: $en,
        }
    };
}

pub static PROVINCES: [Province; 31] = [
    p!(11, "北京", "北京市", "beijing", "京", "Beijing"),
    p!(12, "天津", "天津市", "tianjin", "津", "Tianjin"),
    p!(13, "河北", "河北省", "hebei", "冀", "Hebei"),
    p!(14, "山西", "山西省", "shanxi", "晋", "Shanxi"),
    p!(15, "内蒙古", "内蒙古自治区", "neimenggu", "蒙", "Inner Mongolia"),
    p!(21, "辽宁", "辽宁省", "liaoning", "辽", "Liaoning"),
    p!(22, "吉林", "吉林省", "jilin", "吉", "Jilin"),
    p!(23, "黑龙江", "黑龙江省", "heilongjiang", "黑", "Heilongjiang"),
    p!(31, "上海", "上海市", "shanghai", "沪", "Shanghai"),
    p!(32, "江苏", "江苏省", "jiangsu", "苏", "Jiangsu"),
    p!(33, "浙江", "浙江省", "zhejiang", "浙", "Zhejiang"),
    p!(34, "安徽", "安徽省", "anhui", "皖", "Anhui"),
    p!(35, "福建", "福建省", "fujian", "闽", "Fujian"),
    p!(36, "江西", "江西省", "jiangxi", "赣", "Jiangxi"),
    p!(37, "山东", "山东省", "shandong", "鲁", "Shandong"),
    p!(41, "河南", "河南省", "henan", "豫", "Henan"),
    p!(42, "湖北", "湖北省", "hubei", "鄂", "Hubei"),
    p!(43, "湖南", "湖南省", "hunan", "湘", "Hunan"),
    p!(44, "广东", "广东省", "guangdong", "粤", "Guangdong"),
    p!(45, "广西", "广西壮族自治区", "guangxi", "桂", "Guangxi"),
    p!(46, "海南", "海南省", "hainan", "琼", "Hainan"),
    p!(50, "重庆", "重庆市", "chongqing", "渝", "Chongqing"),
    p!(51, "四川", "四川省", "sichuan", "川", "Sichuan"),
    p!(52, "贵州", "贵州省", "guizhou", "黔", "Guizhou"),
    p!(53, "云南", "云南省", "yunnan", "滇", "Yunnan"),
    p!(54, "西藏", "西藏自治区", "xizang", "藏", "Tibet"),
    p!(61, "陕西", "陕西省", "shaanxi", "陕", "Shaanxi"),
    p!(62, "甘肃", "甘肃省", "gansu", "甘", "Gansu"),
    p!(63, "青海", "青海省", "qinghai", "青", "Qinghai"),
    p!(64, "宁夏", "宁夏回族自治区", "ningxia", "宁", "Ningxia"),
    p!(65, "新疆", "新疆维吾尔自治区", "xinjiang", "新", "Xinjiang"),
];

/// Resolve what a user typed: short or full Chinese name, two-digit code, pinyin (any case,
/// spaces ignored) or English name. 山西/陕西 are told apart by pinyin shanxi/shaanxi.
pub fn resolve(input: &str) -> Option<&'static Province> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    // The usual spelling, a short or full Chinese name, without allocating (the loader resolves
    // every draft's province); the names are unique, so this never shadows another match.
    if let Some(p) = PROVINCES.iter().find(|p| p.short == s || p.full == s) {
        return Some(p);
    }
    let folded: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    PROVINCES.iter().find(|p| {
        p.short == s
            || p.full == s
            || p.code.to_string() == s
            || format!("{}0000", p.code) == s
            || p.pinyin == folded
            || p.english.replace(' ', "").to_lowercase() == folded
            || (p.short.chars().count() > 1 && s.starts_with(p.full))
            || p.abbr == s
    })
}

pub fn by_code(code: u8) -> Option<&'static Province> {
    PROVINCES.iter().find(|p| p.code == code)
}

/// The province an address starts with, if any ("广东省深圳市…" → 广东).
pub fn from_address(addr: &str) -> Option<&'static Province> {
    let a = addr.trim();
    PROVINCES.iter().find(|p| a.starts_with(p.short))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_resolves_to_the_same_province() {
        for p in &PROVINCES {
            for s in [
                p.short.to_string(),
                p.full.to_string(),
                p.code.to_string(),
                p.pinyin.to_string(),
                p.pinyin.to_uppercase(),
            ] {
                assert_eq!(resolve(&s).map(|x| x.code), Some(p.code), "{s}");
            }
        }
        assert_eq!(resolve("Shaanxi").unwrap().short, "陕西");
        assert_eq!(resolve("shanxi").unwrap().short, "山西");
        assert_eq!(resolve("Inner Mongolia").unwrap().short, "内蒙古");
        assert!(resolve("香港").is_none());
        assert!(resolve("").is_none());
        assert!(resolve("99").is_none());
    }

    #[test]
    fn address_prefix() {
        assert_eq!(from_address("广东省深圳市南山区").unwrap().code, 44);
        assert_eq!(from_address("内蒙古自治区呼和浩特市").unwrap().code, 15);
        assert!(from_address("深圳市南山区").is_none());
    }
}
