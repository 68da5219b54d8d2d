//! Names for the draft's vocabularies in both languages (the model keeps the Chinese names;
//! English mode must not show them).

use super::super::question::{Bi, Opt, bi, opt};
use crate::draft::model::{DocType, FilingType};
use crate::province::{PROVINCES, Province};

pub use crate::labels::{doc_en, kind_en};

pub fn doc(d: DocType) -> Bi {
    bi(d.zh(), doc_en(d))
}

pub fn doc_opts(ds: &[DocType]) -> Vec<Opt> {
    ds.iter().map(|d| opt(d.id(), doc(*d))).collect()
}

pub fn filing_type(f: FilingType) -> Bi {
    bi(f.zh(), crate::labels::filing_type_en(f))
}

pub fn provider(p: &str) -> Bi {
    match p {
        "huaweicloud" => bi("华为云", "Huawei Cloud"),
        "aliyun" => bi("阿里云", "Alibaba Cloud"),
        "tencentcloud" => bi("腾讯云", "Tencent Cloud"),
        _ => bi("其他", "Other"),
    }
}

pub fn resource(k: &str) -> Bi {
    match k {
        "ecs" => bi("云服务器 ECS", "Cloud server (ECS)"),
        "lightweight" => bi("轻量应用服务器", "Lightweight application server"),
        "authorization_code" => bi("备案授权码", "Filing authorisation code"),
        "cdn" => bi("CDN", "CDN"),
        "oss" => bi("对象存储", "Object storage"),
        "bare_metal" => bi("裸金属服务器", "Bare-metal server"),
        _ => bi("其他", "Other"),
    }
}

pub fn service_en(id: &str) -> &'static str {
    match id {
        "general_portal" => "General portal",
        "enterprise_portal" => "Organisation portal",
        "government_portal" => "Government portal",
        "blog" => "Blog / personal space",
        "e_commerce" => "Online shopping",
        "directory" => "Web directory",
        "search" => "Search engine",
        "online_game" => "Online games",
        "bbs" => "Forum / community",
        "news" => "News",
        "publishing" => "Publishing",
        "education" => "Education",
        "medical" => "Health care",
        "drugs_medical_devices" => "Drugs and medical devices",
        "culture" => "Culture",
        "audio_video" => "Radio, film and TV programmes",
        "finance" => "Finance",
        _ => "Other",
    }
}

/// Languages by name, so nobody has to know `zh-CN`.
pub fn language(code: &str) -> Bi {
    let (zh, en) = match code {
        "zh-CN" => ("简体中文", "Simplified Chinese"),
        "zh-TW" => ("繁体中文", "Traditional Chinese"),
        "en" => ("英语", "English"),
        "ja" => ("日语", "Japanese"),
        "ko" => ("韩语", "Korean"),
        "fr" => ("法语", "French"),
        "de" => ("德语", "German"),
        "es" => ("西班牙语", "Spanish"),
        "ru" => ("俄语", "Russian"),
        "ar" => ("阿拉伯语", "Arabic"),
        "pt" => ("葡萄牙语", "Portuguese"),
        "it" => ("意大利语", "Italian"),
        "vi" => ("越南语", "Vietnamese"),
        "th" => ("泰语", "Thai"),
        "mn" => ("蒙古语", "Mongolian"),
        "bo" => ("藏语", "Tibetan"),
        "ug" => ("维吾尔语", "Uyghur"),
        _ => ("其他", "Other"),
    };
    bi(zh, en)
}

/// A typed language name (中文, English, 日语 …) or code → the code.
pub fn language_code(typed: &str) -> Option<&'static str> {
    let t = typed.trim();
    crate::draft::model::LANGUAGES.iter().copied().find(|c| {
        let n = language(c);
        c.eq_ignore_ascii_case(t)
            || n.zh == t
            || n.en.eq_ignore_ascii_case(t)
            || (*c == "zh-CN" && ["中文", "汉语", "chinese"].iter().any(|x| x.eq_ignore_ascii_case(t)))
    })
}

pub fn province(p: &Province) -> Bi {
    bi(p.short, p.english)
}

pub fn province_opts() -> Vec<Opt> {
    PROVINCES.iter().map(|p| opt(p.short, province(p))).collect()
}

pub fn yes_no(b: bool) -> Bi {
    if b { bi("是", "yes") } else { bi("否", "no") }
}
