//! The typed draft: what the rules read. Every field is optional because a draft may be
//! incomplete; the `required` rules say what is missing.

use crate::province::Province;
use chrono::NaiveDate;

use super::node::{Node, Pos};

/// One allowed value of a list in the draft format: its id, its Chinese name, and the other
/// spellings the reader takes for it. The docs and the JSON Schema are generated from these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub id: &'static str,
    pub zh: &'static str,
    pub aliases: &'static [&'static str],
}

/// Closed vocabularies of the draft format: id, Chinese name, extra accepted spellings.
macro_rules! vocab {
    ($name:ident { $($variant:ident = $id:literal, $zh:literal, [$($alias:literal),*];)* }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),* }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            /// The same list as data, for the generated docs and schema.
            pub const CHOICES: &'static [Choice] = &[$(Choice { id: $id, zh: $zh, aliases: &[$($alias),*] }),*];
            pub fn id(self) -> &'static str { match self { $($name::$variant => $id),* } }
            pub fn zh(self) -> &'static str { match self { $($name::$variant => $zh),* } }
            pub fn parse(s: &str) -> Option<Self> {
                let t = s.trim();
                $( if t.eq_ignore_ascii_case($id) || t == $zh $(|| t == $alias)* { return Some($name::$variant); } )*
                None
            }
            pub fn known() -> String {
                Self::ALL.iter().map(|v| format!("{} ({})", v.id(), v.zh())).collect::<Vec<_>>().join(", ")
            }
        }
    };
}

vocab!(PrincipalKind {
    Individual = "individual", "个人", [];
    Enterprise = "enterprise", "企业", ["公司"];
    IndividualBusiness = "individual_business", "个体工商户", ["个体户"];
    Government = "government", "政府机关", ["党政机关", "机关"];
    PublicInstitution = "public_institution", "事业单位", [];
    SocialGroup = "social_group", "社会团体", ["群众性团体组织", "群团组织"];
    PrivateNonEnterprise = "private_non_enterprise", "民办非企业单位", ["民非"];
    Foundation = "foundation", "基金会", [];
    LawFirm = "law_firm", "律师执业机构", ["律师事务所"];
    Other = "other", "其他", [];
});

vocab!(DocType {
    ResidentId = "resident_id", "居民身份证", ["身份证"];
    TemporaryId = "temporary_id", "临时身份证", [];
    HkMacauPermit = "hk_macau_permit", "港澳居民来往内地通行证", ["回乡证"];
    TaiwanPermit = "taiwan_permit", "台湾居民来往大陆通行证", ["台胞证"];
    HmtResidencePermit = "hmt_residence_permit", "港澳台居民居住证", [];
    Passport = "passport", "护照", [];
    ForeignPermanentResidentId = "foreign_permanent_resident_id", "外国人永久居留身份证", [];
    BusinessLicense = "business_license", "营业执照", ["统一社会信用代码"];
    PublicInstitutionCertificate = "public_institution_certificate", "事业单位法人证书", [];
    SocialGroupCertificate = "social_group_certificate", "社会团体法人登记证书", [];
    GovernmentCode = "government_code", "统一社会信用代码证书", [];
    Other = "other", "其他", [];
});

vocab!(FilingType {
    First = "first", "首次备案", [];
    NewService = "new_service", "新增网站/APP", ["新增网站", "新增APP"];
    NewAccess = "new_access", "新增接入", [];
    Change = "change", "变更备案", ["变更"];
    Cancel = "cancel", "注销备案", ["注销"];
    Transfer = "transfer", "转移备案", ["转移"];
});

vocab!(CancelScope {
    Principal = "principal", "注销主体", [];
    Service = "service", "注销网站/APP", ["注销网站", "注销APP", "注销App", "注销互联网信息服务"];
    Access = "access", "取消接入", [];
});

vocab!(ChangeArea {
    Principal = "principal", "主体信息", ["主体", "变更主体"];
    PrincipalResponsible = "principal_responsible", "主体负责人", ["主体负责人信息"];
    Website = "website", "网站信息", ["网站", "变更网站"];
    App = "app", "APP信息", ["APP", "App信息", "变更APP"];
    Access = "access", "接入信息", ["接入", "变更接入"];
});

vocab!(Os {
    Android = "android", "安卓", ["安卓平台"];
    Ios = "ios", "苹果", ["苹果平台", "iPhone", "iphone", "iPadOS", "ipados"];
    HarmonyOs = "harmonyos", "鸿蒙", ["鸿蒙平台", "HarmonyOS NEXT", "harmonyos next", "harmony", "Harmony", "harmony_os", "OpenHarmony", "openharmony"];
    Other = "other", "其他", ["其他平台"];
});

impl DocType {
    /// Documents of a natural person (as opposed to an organisation certificate).
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            DocType::ResidentId
                | DocType::TemporaryId
                | DocType::HkMacauPermit
                | DocType::TaiwanPermit
                | DocType::HmtResidencePermit
                | DocType::Passport
                | DocType::ForeignPermanentResidentId
        )
    }
    /// Held by someone who is not a mainland resident (foreign, HK, Macau or Taiwan).
    pub fn is_non_mainland(self) -> bool {
        matches!(
            self,
            DocType::HkMacauPermit
                | DocType::TaiwanPermit
                | DocType::HmtResidencePermit
                | DocType::Passport
                | DocType::ForeignPermanentResidentId
        )
    }
}

pub const SERVICE_CONTENT: &[(&str, &str)] = &[
    ("general_portal", "综合门户"),
    ("enterprise_portal", "单位门户"),
    ("government_portal", "政府门户"),
    ("blog", "博客/个人空间"),
    ("e_commerce", "网络购物"),
    ("directory", "网址导航"),
    ("search", "搜索引擎"),
    ("online_game", "网络游戏"),
    ("bbs", "论坛/社区"),
    ("news", "新闻"),
    ("publishing", "出版"),
    ("education", "教育"),
    ("medical", "医疗保健"),
    ("drugs_medical_devices", "药品和医疗器械"),
    ("culture", "文化"),
    ("audio_video", "广播电影电视节目"),
    ("finance", "金融"),
    ("other", "其他"),
];
/// Open vocabularies (an unknown value is a warning): the ids the reader compares with, and
/// each id's Chinese name for the docs, from one list.
macro_rules! open_vocab {
    ($ids:ident, $choices:ident { $($id:literal = $zh:literal),* $(,)? }) => {
        pub const $ids: &[&str] = &[$($id),*];
        pub const $choices: &[Choice] = &[$(Choice { id: $id, zh: $zh, aliases: &[] }),*];
    };
}

open_vocab!(PROVIDERS, PROVIDER_CHOICES {
    "huaweicloud" = "华为云",
    "aliyun" = "阿里云",
    "tencentcloud" = "腾讯云",
    "other" = "其他",
});
open_vocab!(RESOURCE_KINDS, RESOURCE_KIND_CHOICES {
    "ecs" = "云服务器",
    "lightweight" = "轻量应用服务器",
    "authorization_code" = "备案授权码",
    "cdn" = "内容分发网络",
    "oss" = "对象存储",
    "bare_metal" = "裸金属服务器",
    "other" = "其他",
});
open_vocab!(LANGUAGES, LANGUAGE_CHOICES {
    "zh-CN" = "简体中文",
    "zh-TW" = "繁体中文",
    "en" = "英语",
    "ja" = "日语",
    "ko" = "韩语",
    "fr" = "法语",
    "de" = "德语",
    "es" = "西班牙语",
    "ru" = "俄语",
    "ar" = "阿拉伯语",
    "pt" = "葡萄牙语",
    "it" = "意大利语",
    "vi" = "越南语",
    "th" = "泰语",
    "mn" = "蒙古语",
    "bo" = "藏语",
    "ug" = "维吾尔语",
    "other" = "其他",
});

/// Spellings of "valid for good" in a `valid_until`, besides a date.
pub const LONG_TERM: &[&str] = &["long-term", "long_term", "longterm", "长期", "permanent"];
/// Spellings of a website's or app's `responsible` that mean the principal's responsible person.
pub const SAME_AS_PRINCIPAL: &[&str] = &["principal", "主体负责人"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Validity {
    Until(NaiveDate),
    LongTerm,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub doc_type: Option<DocType>,
    pub number: Option<String>,
    pub valid_until: Option<Validity>,
    pub address: Option<String>,
    pub temporary: Option<bool>,
}

#[derive(Debug, Clone, Default)]
pub struct ResidencePermit {
    pub province: Option<&'static Province>,
    pub valid_until: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default)]
pub struct Contact {
    pub mobile: Option<String>,
    pub emergency_phone: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Person {
    pub name: Option<String>,
    pub document: Document,
    pub is_legal_representative: Option<bool>,
    pub residence_permit: Option<ResidencePermit>,
    pub social_security_months: Option<i64>,
    pub contact: Contact,
}

#[derive(Debug, Clone)]
pub enum Responsible {
    /// `responsible = "principal"`: the principal's responsible person.
    Principal,
    Person(Box<Person>),
}

#[derive(Debug, Clone, Default)]
pub struct Resource {
    pub kind: Option<String>,
    pub region: Option<String>,
    pub purchased_months: Option<i64>,
    pub filings_used: Option<i64>,
}

#[derive(Debug, Clone, Default)]
pub struct Account {
    pub provider: Option<String>,
    pub real_name_verified: Option<bool>,
    pub filing_type: Option<FilingType>,
    /// For a cancel: what is cancelled (the principal, one service, or only the access here).
    pub cancel_scope: Option<CancelScope>,
    /// For a change: what is changed. Empty: not said, and the whole record is checked.
    pub changes: Vec<ChangeArea>,
    /// For a new access: the provider the filing is at now (free text: any provider's name).
    pub previous_provider: Option<String>,
    pub resource: Resource,
}

#[derive(Debug, Clone, Default)]
pub struct Principal {
    pub kind: Option<PrincipalKind>,
    pub province: Option<&'static Province>,
    pub name: Option<String>,
    pub address: Option<String>,
    pub mailing_address: Option<String>,
    pub document: Document,
    pub responsible: Person,
    /// Additive key: the legal representative when someone else is the responsible person
    /// (e.g. a foreign legal representative who authorised a mainland-ID holder).
    pub legal_representative: Option<Person>,
    /// The principal's ICP filing number (主体备案号), absent on a first filing.
    pub filing_number: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Domain {
    pub name: Option<String>,
    pub holder: Option<String>,
    pub holder_document_type: Option<DocType>,
    pub holder_document_number: Option<String>,
    pub real_name_verified: Option<bool>,
    pub real_name_verified_on: Option<NaiveDate>,
    pub registered_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub registrar: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Preapproval {
    pub kind: Option<String>,
    pub number: Option<String>,
    pub valid_until: Option<Validity>,
}

#[derive(Debug, Clone, Default)]
pub struct Website {
    pub name: Option<String>,
    pub domains: Vec<String>,
    pub home_url: Option<String>,
    pub service_content: Vec<String>,
    pub languages: Vec<String>,
    pub remark: Option<String>,
    pub preapproval: Vec<Preapproval>,
    pub responsible: Option<Responsible>,
    /// The site's own number (网站备案号): present when the site is already filed, absent
    /// on a site this order adds.
    pub filing_number: Option<String>,
}

/// One `[[app.platform]]` table: the APP's identity on one operating system.
#[derive(Debug, Clone, Default)]
pub struct AppPlatform {
    /// `None` when `os` is missing or not one of [`Os`] (the reader warned; `os_text` keeps it).
    pub os: Option<Os>,
    pub os_text: Option<String>,
    /// Android package name, iOS Bundle ID, HarmonyOS bundle name.
    pub package: Option<String>,
    pub signing_md5: Option<String>,
    pub signing_sha1: Option<String>,
    pub public_key: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct App {
    pub name: Option<String>,
    /// The single-platform keys (`platforms`, `package_name`, `signing_md5`, `signing_sha1`,
    /// `public_key`) as written; [`Draft::app_platforms`] merges them with `platform`.
    pub platforms: Vec<String>,
    pub package_name: Option<String>,
    pub signing_md5: Option<String>,
    pub signing_sha1: Option<String>,
    pub public_key: Option<String>,
    /// `[[app.platform]]` tables, in file order.
    pub platform: Vec<AppPlatform>,
    pub service_content: Vec<String>,
    pub languages: Vec<String>,
    pub remark: Option<String>,
    pub preapproval: Vec<Preapproval>,
    pub domains: Vec<String>,
    pub responsible: Option<Responsible>,
    pub filing_number: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub format: Option<i64>,
    pub filing_date: Option<NaiveDate>,
    pub account: Account,
    pub principal: Principal,
    pub domains: Vec<Domain>,
    pub websites: Vec<Website>,
    pub apps: Vec<App>,
    /// `[materials]`: key → path relative to the draft.
    pub materials: Vec<(String, String)>,
    /// The document as parsed, for writing it back out and for checks over raw keys.
    pub root: Option<Node>,
    /// The text it was read from: line and column are worked out from it when asked for.
    pub text: Box<str>,
    /// Line starts of a big `text`, built at the first position asked for.
    pub lines: std::sync::OnceLock<super::node::LineIndex>,
}

impl Draft {
    /// Where `field` is in the file, or its nearest parent (positions are looked up only when a
    /// finding needs one, so reading a draft builds no index).
    pub fn pos(&self, field: &str) -> Option<Pos> {
        super::node::nearest_at(self.root.as_ref()?, field).map(|at| self.pos_of(at))
    }
    /// Where `field` itself is, if the draft has it.
    pub fn exact_pos(&self, field: &str) -> Option<Pos> {
        super::node::find(self.root.as_ref()?, field).map(|n| self.pos_of(n.at))
    }
    /// Byte offset → position: counted directly in a small draft, through the line index in
    /// a big one.
    pub fn pos_of(&self, at: usize) -> Pos {
        if self.text.len() <= super::node::INDEX_ABOVE {
            super::node::pos_at(&self.text, at)
        } else {
            self.lines
                .get_or_init(|| super::node::LineIndex::new(&self.text))
                .pos(&self.text, at)
        }
    }
    pub fn has_material(&self, key: &str) -> bool {
        self.materials.iter().any(|(k, _)| k == key)
    }
}

/// `SERVICE_CONTENT` as choices (its Chinese names are accepted spellings too).
pub const SERVICE_CONTENT_CHOICES: [Choice; SERVICE_CONTENT.len()] = {
    let mut out = [Choice {
        id: "",
        zh: "",
        aliases: &[],
    }; SERVICE_CONTENT.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = Choice {
            id: SERVICE_CONTENT[i].0,
            zh: SERVICE_CONTENT[i].1,
            aliases: &[],
        };
        i += 1;
    }
    out
};
