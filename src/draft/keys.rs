//! Every key of the draft format, once: its name, its type, the values it allows and what it
//! means. The reader warns about keys missing here (`DRAFT-UNKNOWN-KEY`), `--set` accepts the
//! paths built from it, and `docs/draft-format.md` and `schema/draft.schema.json` are generated
//! from it (tests/generated.rs fails when they are stale). A new key is one line here plus the
//! reader code that reads it; then `UPDATE_GENERATED=1 cargo test --test generated`.

use super::model::{
    CancelScope, ChangeArea, Choice, DocType, FilingType, LANGUAGE_CHOICES, Os, PROVIDER_CHOICES, PrincipalKind, RESOURCE_KIND_CHOICES,
    SERVICE_CONTENT_CHOICES,
};

/// The shape of a key's value.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    Int,
    Bool,
    Str,
    /// A TOML date, or a `"YYYY-MM-DD"` string.
    Date,
    /// A date, or one of `model::LONG_TERM`.
    Validity,
    /// An array of strings (a single string is taken as a list of one).
    StrList,
    Table(&'static Group),
    /// An array of tables (`[[name]]`).
    Tables(&'static Group),
    /// `"principal"` (one of `model::SAME_AS_PRINCIPAL`) or a person table.
    Responsible(&'static Group),
    /// `[materials]`: checklist keys (from the rule tables) → file paths.
    Materials,
}

/// The values a string key (or each string of a list) allows.
#[derive(Debug, Clone, Copy)]
pub enum Vals {
    Any,
    /// An unknown value is an error (`DRAFT-UNKNOWN-VALUE`); ids match ignoring ASCII case, the
    /// Chinese names and aliases exactly.
    Closed(&'static [Choice]),
    /// An unknown value is a warning (`DRAFT-UNKNOWN-OPTION`). `zh_accepted`: the Chinese names
    /// are accepted spellings too (else they only explain the ids).
    Open {
        choices: &'static [Choice],
        zh_accepted: bool,
    },
    /// One of the 31 provincial-level regions (`province::resolve`).
    Province,
    /// An integer that must be one of these.
    Ints(&'static [i64]),
}

#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: &'static str,
    pub ty: Ty,
    pub vals: Vals,
    /// Chinese name (as on the filing forms) and English meaning.
    pub zh: &'static str,
    pub en: &'static str,
    /// One of our additive extensions to the format contract.
    pub ext: bool,
    /// The field's name in messages for people, English (`labels::label` builds a path's
    /// label from these along the path: "responsible person's" + "document number").
    pub label_en: &'static str,
    /// The Chinese label when the form's name (`zh`) does not read well in a message.
    pub label_zh: Option<&'static str>,
    /// Left out of the labels of the keys under it (`contact` in "主体负责人手机号码").
    pub quiet: bool,
}

impl Key {
    /// The label in one language: `zh` or its `label_zh`, or `label_en`.
    pub fn label_in(&self, lang: crate::diag::Lang) -> &'static str {
        match lang {
            crate::diag::Lang::Zh => self.label_zh.unwrap_or(self.zh),
            crate::diag::Lang::En => self.label_en,
        }
    }
}

/// A table of the format: its keys, and how the docs title its section.
#[derive(Debug)]
pub struct Group {
    /// How the docs name it: `account`, `a person table`, …
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub keys: &'static [Key],
}

impl Group {
    pub fn get(&self, name: &str) -> Option<&'static Key> {
        self.keys.iter().find(|k| k.name == name)
    }
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.keys.iter().map(|k| k.name)
    }
}

const fn k(name: &'static str, ty: Ty, zh: &'static str, en: &'static str) -> Key {
    Key {
        name,
        ty,
        vals: Vals::Any,
        zh,
        en,
        ext: false,
        label_en: "",
        label_zh: None,
        quiet: false,
    }
}

impl Key {
    const fn closed(mut self, c: &'static [Choice]) -> Key {
        self.vals = Vals::Closed(c);
        self
    }
    const fn open(mut self, choices: &'static [Choice], zh_accepted: bool) -> Key {
        self.vals = Vals::Open { choices, zh_accepted };
        self
    }
    const fn vals(mut self, v: Vals) -> Key {
        self.vals = v;
        self
    }
    const fn ext(mut self) -> Key {
        self.ext = true;
        self
    }
    const fn label(mut self, en: &'static str) -> Key {
        self.label_en = en;
        self
    }
    const fn label_zh(mut self, zh: &'static str) -> Key {
        self.label_zh = Some(zh);
        self
    }
    const fn quiet(mut self) -> Key {
        self.quiet = true;
        self
    }
}

use Ty::*;

pub static TOP: Group = Group {
    id: "top",
    zh: "顶层",
    en: "Top level",
    keys: &[
        k("format", Int, "格式版本", "format version: 1")
            .label("format version")
            .vals(Vals::Ints(&[1])),
        k(
            "filing_date",
            Date,
            "提交日期",
            "the day the order will be submitted; every date rule is checked as of this day (absent: today; `--as-of` overrides it)",
        )
        .label("planned submission day")
        .label_zh("计划提交日期"),
        k(
            "account",
            Table(&ACCOUNT),
            "账号与接入",
            "the cloud account and the resource behind the filing",
        )
        .label("cloud account"),
        k(
            "principal",
            Table(&PRINCIPAL),
            "备案主体",
            "who files: the sponsor (主办单位 / 主办人)",
        )
        .label("principal"),
        k("domain", Tables(&DOMAIN), "域名", "each domain in the order").label("domains"),
        k("website", Tables(&WEBSITE), "网站", "each website in the order").label("websites"),
        k("app", Tables(&APP), "APP", "each APP in the order (optional)").label("APPs"),
        k(
            "materials",
            Materials,
            "材料",
            "files on hand: checklist key = path relative to the draft (optional)",
        )
        .label("materials"),
    ],
};

pub static ACCOUNT: Group = Group {
    id: "account",
    zh: "账号与接入",
    en: "The cloud account",
    keys: &[
        k("provider", Str, "接入商", "the access provider that submits the order")
            .label("access provider")
            .open(PROVIDER_CHOICES, false),
        k(
            "real_name_verified",
            Bool,
            "账号已实名认证",
            "the cloud account passed real-name verification",
        )
        .label("cloud account real-name verification")
        .label_zh("云账号实名认证"),
        k("filing_type", Str, "备案类型", "what kind of filing the order is")
            .label("filing type")
            .closed(FilingType::CHOICES),
        k(
            "cancel_scope",
            Str,
            "注销范围",
            "for filing_type = \"cancel\": the principal, one service, or only the access",
        )
        .label("what is cancelled")
        .closed(CancelScope::CHOICES),
        k(
            "changes",
            StrList,
            "变更内容",
            "for filing_type = \"change\": what is changed; only those parts are then required (absent: the whole record)",
        )
        .closed(ChangeArea::CHOICES)
        .label("what is changed"),
        k(
            "previous_provider",
            Str,
            "原接入商",
            "for filing_type = \"new_access\": the provider the filing moves from (optional)",
        )
        .label("previous provider"),
        k("resource", Table(&RESOURCE), "备案资源", "the cloud resource that backs the filing").label("resource"),
    ],
};

pub static RESOURCE: Group = Group {
    id: "account.resource",
    zh: "备案资源",
    en: "The resource behind the filing",
    keys: &[
        k("kind", Str, "资源类型", "what was bought from the provider")
            .label("kind")
            .open(RESOURCE_KIND_CHOICES, false),
        k("region", Str, "地域", "the provider's region id; it must be in mainland China").label("region"),
        k("purchased_months", Int, "购买时长（月）", "months paid for, renewals included").label("months paid for the resource"),
        k("filings_used", Int, "已用备案数", "filings this resource already backs").label("filings the resource backs"),
    ],
};

pub static PRINCIPAL: Group = Group {
    id: "principal",
    zh: "备案主体",
    en: "The principal",
    keys: &[
        k("kind", Str, "主体性质", "what sort of principal files")
            .label("kind of principal")
            .closed(PrincipalKind::CHOICES),
        k(
            "province",
            Str,
            "备案地域",
            "the filing region, which decides the bureau (管局): short or full Chinese name, two-digit code or pinyin",
        )
        .label("filing region")
        .vals(Vals::Province),
        k(
            "name",
            Str,
            "主办单位名称 / 主办人",
            "the organisation's registered name, or the individual's own name",
        )
        .label("principal's name")
        .label_zh("主体名称"),
        k("address", Str, "证件住所", "the address printed on the principal's document").label("address on the certificate"),
        k(
            "mailing_address",
            Str,
            "通信地址",
            "where post reaches the principal, down to the room",
        )
        .label("mailing address"),
        k(
            "document",
            Table(&DOCUMENT),
            "主体证件",
            "the principal's document (an individual's own ID)",
        )
        .label("principal's document"),
        k("responsible", Table(&PERSON), "主体负责人", "the principal's responsible person").label("responsible person"),
        k(
            "legal_representative",
            Table(&PERSON),
            "法定代表人",
            "the legal representative, when someone else is the responsible person (name and document.type suffice)",
        )
        .label("legal representative")
        .ext(),
        k(
            "filing_number",
            Str,
            "主体备案号",
            "the principal's ICP filing number, e.g. 粤ICP备2021012345号; required for every type but first",
        )
        .label("principal's filing number"),
    ],
};

pub static DOCUMENT: Group = Group {
    id: "document",
    zh: "证件",
    en: "A document table",
    keys: &[
        k("type", Str, "证件类型", "which document it is")
            .label("document type")
            .closed(DocType::CHOICES),
        k("number", Str, "证件号码", "the number as printed (spaces are dropped)").label("document number"),
        k(
            "valid_until",
            Validity,
            "有效期至",
            "the last day it is valid, or \"long-term\" / \"长期\"",
        )
        .label("validity")
        .label_zh("有效期"),
        k("address", Str, "证件地址", "the address printed on it").label("address"),
        k("temporary", Bool, "临时证件", "it is a temporary document")
            .label("temporary flag")
            .label_zh("是否临时"),
    ],
};

pub static PERSON: Group = Group {
    id: "person",
    zh: "负责人",
    en: "A person table",
    keys: &[
        k("name", Str, "姓名", "the person's name as on the document").label("name"),
        k("document", Table(&DOCUMENT), "证件", "the person's ID document").label("document"),
        k(
            "is_legal_representative",
            Bool,
            "是否法定代表人",
            "the person is the principal's legal representative",
        )
        .label("legal-representative status"),
        k(
            "residence_permit",
            Table(&PERMIT),
            "居住证",
            "a residence permit in the filing province (for a person from elsewhere)",
        )
        .label("residence permit"),
        k(
            "social_security_months",
            Int,
            "社保缴纳月数",
            "months of social insurance paid in the filing province",
        )
        .label("months of social security"),
        k("contact", Table(&CONTACT), "联系方式", "how to reach the person")
            .label("contact details")
            .quiet(),
    ],
};

pub static PERMIT: Group = Group {
    id: "residence_permit",
    zh: "居住证",
    en: "A residence permit",
    keys: &[
        k("province", Str, "发证省份", "the region that issued it")
            .label("issuing province")
            .vals(Vals::Province),
        k("valid_until", Date, "有效期至", "the last day it is valid")
            .label("validity")
            .label_zh("有效期"),
    ],
};

pub static CONTACT: Group = Group {
    id: "contact",
    zh: "联系方式",
    en: "Contact details",
    keys: &[
        k("mobile", Str, "手机号码", "mainland mobile number, 11 digits").label("mobile number"),
        k(
            "emergency_phone",
            Str,
            "应急联系电话",
            "a second number for emergencies, not the mobile",
        )
        .label("emergency phone"),
        k("phone", Str, "固定电话", "landline with area code, e.g. 020-38801234 (optional)").label("landline"),
        k("email", Str, "电子邮箱", "e-mail address").label("e-mail"),
    ],
};

pub static DOMAIN: Group = Group {
    id: "domain",
    zh: "域名",
    en: "A domain ([[domain]])",
    keys: &[
        k("name", Str, "域名", "the domain, ASCII or Chinese (例子.中国)").label("domain name"),
        k("holder", Str, "域名持有者", "the holder in the registrar's real-name record").label("domain holder"),
        k("holder_document_type", Str, "持有者证件类型", "the type of the holder's document")
            .label("holder's document type")
            .closed(DocType::CHOICES),
        k(
            "holder_document_number",
            Str,
            "持有者证件号码",
            "the number of the holder's document",
        )
        .label("holder's document number"),
        k(
            "real_name_verified",
            Bool,
            "已实名认证",
            "the domain's real-name verification is done",
        )
        .label("real-name verification")
        .label_zh("实名认证"),
        k("real_name_verified_on", Date, "实名认证日期", "the day it was verified").label("real-name verification day"),
        k("registered_on", Date, "注册日期", "the day the domain was registered").label("registration day"),
        k("expires_on", Date, "到期日期", "the day the registration runs out").label("expiry day"),
        k("registrar", Str, "注册商", "the registrar's name").label("registrar"),
    ],
};

pub static WEBSITE: Group = Group {
    id: "website",
    zh: "网站",
    en: "A website ([[website]])",
    keys: &[
        k(
            "name",
            Str,
            "网站名称",
            "the site's name, which must fit the principal and the content",
        )
        .label("website name"),
        k("domains", StrList, "网站域名", "names from [[domain]] that serve this site").label("website's domains"),
        k("home_url", Str, "首页地址", "the home page, without http://")
            .label("home page URL")
            .label_zh("首页网址"),
        k(
            "service_content",
            StrList,
            "网站服务内容",
            "what the site offers; some values need a pre-approval",
        )
        .label("website service content")
        .open(&SERVICE_CONTENT_CHOICES, true),
        k("languages", StrList, "网站语言", "languages of the site")
            .label("website languages")
            .open(LANGUAGE_CHOICES, false),
        k("remark", Str, "备注", "a note for the reviewer: what the site is about").label("remark"),
        k(
            "preapproval",
            Tables(&PREAPPROVAL),
            "前置审批",
            "pre-approvals for licensed content",
        )
        .label("pre-approval"),
        k(
            "responsible",
            Responsible(&PERSON),
            "网站负责人",
            "\"principal\" (the principal's responsible person) or a person table",
        )
        .label("responsible person"),
        k(
            "filing_number",
            Str,
            "网站备案号",
            "the site's number (the principal's plus -n) when the site is already filed",
        )
        .label("website's filing number"),
    ],
};

pub static PREAPPROVAL: Group = Group {
    id: "preapproval",
    zh: "前置审批",
    en: "A pre-approval",
    keys: &[
        k("kind", Str, "审批类型", "which approval, e.g. 新闻 or 药品和医疗器械").label("kind"),
        k("number", Str, "审批文号", "the approval's number").label("number"),
        k("valid_until", Validity, "有效期至", "the last day it is valid, or \"long-term\"")
            .label("validity")
            .label_zh("有效期"),
    ],
};

pub static APP: Group = Group {
    id: "app",
    zh: "APP",
    en: "An APP ([[app]])",
    keys: &[
        k("name", Str, "APP 名称", "the APP's name as in the stores").label("APP name"),
        k(
            "platforms",
            StrList,
            "平台",
            "platforms it runs on (single-platform form; see [[app.platform]])",
        )
        .label("platforms")
        .open(Os::CHOICES, true),
        k(
            "package_name",
            Str,
            "包名",
            "Android package name / iOS Bundle ID (single-platform form)",
        )
        .label("package name"),
        k(
            "signing_md5",
            Str,
            "签名 MD5",
            "MD5 fingerprint of the signing certificate (single-platform form)",
        )
        .label("signing certificate MD5")
        .label_zh("签名证书 MD5"),
        k(
            "signing_sha1",
            Str,
            "签名 SHA-1",
            "SHA-1 fingerprint of the signing certificate (single-platform form)",
        )
        .label("signing certificate SHA-1")
        .label_zh("签名证书 SHA-1"),
        k(
            "public_key",
            Str,
            "公钥",
            "the signing certificate's public key, hex (single-platform form)",
        )
        .label("signing public key")
        .label_zh("签名公钥")
        .ext(),
        k(
            "platform",
            Tables(&APP_PLATFORM),
            "运行平台",
            "one table per platform the APP is listed on",
        )
        .label("platform")
        .quiet(),
        k(
            "service_content",
            StrList,
            "服务内容",
            "what the APP offers (the website values); some need a pre-approval",
        )
        .label("service content")
        .open(&SERVICE_CONTENT_CHOICES, true),
        k("languages", StrList, "语言", "the APP's main language")
            .label("languages")
            .open(LANGUAGE_CHOICES, false),
        k("remark", Str, "备注", "a note for the reviewer: what the APP does").label("remark"),
        k(
            "preapproval",
            Tables(&PREAPPROVAL),
            "前置审批",
            "pre-approvals for licensed content",
        )
        .label("pre-approval"),
        k("domains", StrList, "APP 域名", "names from [[domain]] the APP uses").label("APP domains"),
        k(
            "responsible",
            Responsible(&PERSON),
            "APP 负责人",
            "\"principal\" (the principal's responsible person) or a person table",
        )
        .label("responsible person"),
        k(
            "filing_number",
            Str,
            "APP 备案号",
            "the APP's number (the principal's plus -nA) when the APP is already filed",
        )
        .label("APP's filing number"),
    ],
};

pub static APP_PLATFORM: Group = Group {
    id: "app.platform",
    zh: "APP 运行平台",
    en: "[[app.platform]]",
    keys: &[
        k("os", Str, "运行平台", "android, ios, harmonyos or other (安卓, 苹果, 鸿蒙 …)")
            .label("platform")
            .open(Os::CHOICES, true),
        k(
            "package",
            Str,
            "包名 / Bundle ID",
            "Android package name, iOS Bundle ID, HarmonyOS bundle name",
        )
        .label("package name")
        .label_zh("包名"),
        k(
            "signing_md5",
            Str,
            "签名 MD5",
            "MD5 of the signing certificate (Android, HarmonyOS), 32 hex digits, colons allowed",
        )
        .label("signing certificate MD5")
        .label_zh("签名证书 MD5"),
        k(
            "signing_sha1",
            Str,
            "签名 SHA-1",
            "SHA-1 of the signing certificate (iOS), 40 hex digits, colons allowed",
        )
        .label("signing certificate SHA-1")
        .label_zh("签名证书 SHA-1"),
        k(
            "public_key",
            Str,
            "公钥",
            "the certificate's public key, hex (as the provider's console asks for it)",
        )
        .label("signing public key")
        .label_zh("签名公钥"),
    ],
};

/// Every table of the format, in the order the docs describe them.
pub static GROUPS: &[&Group] = &[
    &TOP,
    &ACCOUNT,
    &RESOURCE,
    &PRINCIPAL,
    &DOCUMENT,
    &PERSON,
    &PERMIT,
    &CONTACT,
    &DOMAIN,
    &WEBSITE,
    &PREAPPROVAL,
    &APP,
    &APP_PLATFORM,
];

/// Every dotted key of the format, with `*` for array indices (`[materials]` keys are the
/// checklist's, not listed): the wizard, `--set` and the docs use the same list.
pub fn known_paths() -> Vec<String> {
    fn walk(g: &Group, prefix: &str, out: &mut Vec<String>) {
        for key in g.keys {
            let path = if prefix.is_empty() {
                key.name.to_string()
            } else {
                format!("{prefix}.{}", key.name)
            };
            match key.ty {
                Table(sub) => walk(sub, &path, out),
                Tables(sub) => walk(sub, &format!("{path}.*"), out),
                Responsible(sub) => {
                    out.push(path.clone());
                    walk(sub, &path, out)
                }
                Materials => {}
                _ => out.push(path),
            }
        }
    }
    let mut out = Vec::new();
    walk(&TOP, "", &mut out);
    out
}
