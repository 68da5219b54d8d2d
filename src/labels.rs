//! Field labels for people: a dotted draft path (indices as `*`) → its name in both
//! languages. Used where a message would otherwise show a raw key (the wizard, check's table).

use crate::diag::{Lang, Text};
use crate::draft::model::{ChangeArea, DocType, FilingType, PrincipalKind};

pub fn doc_en(d: DocType) -> &'static str {
    match d {
        DocType::ResidentId => "Resident ID card",
        DocType::TemporaryId => "Temporary resident ID card",
        DocType::HkMacauPermit => "Mainland travel permit for Hong Kong and Macao residents",
        DocType::TaiwanPermit => "Mainland travel permit for Taiwan residents",
        DocType::HmtResidencePermit => "Residence permit for Hong Kong, Macao and Taiwan residents",
        DocType::Passport => "Passport",
        DocType::ForeignPermanentResidentId => "Foreign permanent resident ID card",
        DocType::BusinessLicense => "Business licence",
        DocType::PublicInstitutionCertificate => "Public institution legal person certificate",
        DocType::SocialGroupCertificate => "Social organisation registration certificate",
        DocType::GovernmentCode => "Unified social credit code certificate (government)",
        DocType::Other => "Other",
    }
}

pub fn kind_en(k: PrincipalKind) -> &'static str {
    match k {
        PrincipalKind::Individual => "Individual",
        PrincipalKind::Enterprise => "Enterprise (company)",
        PrincipalKind::IndividualBusiness => "Sole trader (individual business)",
        PrincipalKind::Government => "Government body",
        PrincipalKind::PublicInstitution => "Public institution",
        PrincipalKind::SocialGroup => "Social organisation",
        PrincipalKind::PrivateNonEnterprise => "Private non-enterprise unit",
        PrincipalKind::Foundation => "Foundation",
        PrincipalKind::LawFirm => "Law firm",
        PrincipalKind::Other => "Other",
    }
}

/// A document type's name in both languages, for messages that name it.
pub fn filing_type_en(f: FilingType) -> &'static str {
    match f {
        FilingType::First => "First filing",
        FilingType::NewService => "Add a website or APP",
        FilingType::NewAccess => "New access (filed elsewhere, now hosted here)",
        FilingType::Change => "Change a filing",
        FilingType::Cancel => "Cancel",
        FilingType::Transfer => "Transfer",
    }
}

pub fn change_en(c: ChangeArea) -> &'static str {
    match c {
        ChangeArea::Principal => "the principal's details",
        ChangeArea::PrincipalResponsible => "the principal's responsible person",
        ChangeArea::Website => "a website",
        ChangeArea::App => "an APP",
        ChangeArea::Access => "the access details",
    }
}

pub fn doc_text(d: DocType) -> Text {
    Text::new(d.zh(), doc_en(d))
}

pub fn kind_text(k: PrincipalKind) -> Text {
    Text::new(k.zh(), kind_en(k))
}

/// Names joined the way each language lists them.
pub fn list_text(items: &[Text]) -> Text {
    Text::new(
        items.iter().map(|t| t.zh.as_str()).collect::<Vec<_>>().join("、"),
        items.iter().map(|t| t.en.as_str()).collect::<Vec<_>>().join(", "),
    )
}

/// (pattern, zh, en). A pattern matches a path whose numeric segments are replaced by `*`.
const LABELS: &[(&str, &str, &str)] = &[
    ("filing_date", "计划提交日期", "planned submission day"),
    ("account.provider", "接入商", "access provider"),
    (
        "account.real_name_verified",
        "云账号实名认证",
        "cloud account real-name verification",
    ),
    ("account.filing_type", "备案类型", "filing type"),
    ("account.cancel_scope", "注销范围", "what is cancelled"),
    ("account.previous_provider", "原接入商", "previous provider"),
    ("account.resource.kind", "备案资源类型", "resource kind"),
    ("account.resource.region", "资源地域", "resource region"),
    ("account.resource.purchased_months", "资源购买时长", "months paid for the resource"),
    ("account.resource.filings_used", "资源已用备案数", "filings the resource backs"),
    ("principal.kind", "主体性质", "kind of principal"),
    ("principal.province", "备案地域", "filing region"),
    ("principal.name", "主体名称", "principal's name"),
    ("principal.filing_number", "主体备案号", "principal's filing number"),
    ("principal.address", "证件住所", "address on the certificate"),
    ("principal.mailing_address", "通信地址", "mailing address"),
    ("principal.document.type", "主体证件类型", "principal's document type"),
    ("principal.document.number", "主体证件号码", "principal's document number"),
    ("principal.document.valid_until", "主体证件有效期", "principal's document validity"),
    ("*.legal_representative.name", "法定代表人姓名", "legal representative's name"),
    (
        "*.legal_representative.document.type",
        "法定代表人证件类型",
        "legal representative's document type",
    ),
    (
        "*.legal_representative.document.number",
        "法定代表人证件号码",
        "legal representative's document number",
    ),
    ("*.responsible", "负责人", "responsible person"),
    ("*.responsible.name", "负责人姓名", "responsible person's name"),
    (
        "*.responsible.is_legal_representative",
        "负责人是否为法定代表人",
        "whether the responsible person is the legal representative",
    ),
    (
        "*.responsible.document.type",
        "负责人证件类型",
        "responsible person's document type",
    ),
    (
        "*.responsible.document.number",
        "负责人证件号码",
        "responsible person's document number",
    ),
    (
        "*.responsible.document.valid_until",
        "负责人证件有效期",
        "responsible person's document validity",
    ),
    (
        "*.responsible.document.address",
        "负责人证件住址",
        "address on the responsible person's document",
    ),
    ("*.responsible.residence_permit", "居住证", "residence permit"),
    (
        "*.responsible.residence_permit.valid_until",
        "居住证有效期",
        "residence permit validity",
    ),
    ("*.responsible.social_security_months", "社保缴纳月数", "months of social security"),
    ("*.responsible.contact.mobile", "手机号码", "mobile number"),
    ("*.responsible.contact.emergency_phone", "应急联系电话", "emergency phone"),
    ("*.responsible.contact.phone", "固定电话", "landline"),
    ("*.responsible.contact.email", "电子邮箱", "e-mail"),
    ("domain", "域名", "domains"),
    ("domain.*.name", "域名", "domain name"),
    ("domain.*.holder", "域名持有者", "domain holder"),
    (
        "domain.*.holder_document_type",
        "域名持有者证件类型",
        "domain holder's document type",
    ),
    (
        "domain.*.holder_document_number",
        "域名持有者证件号码",
        "domain holder's document number",
    ),
    ("domain.*.real_name_verified", "域名实名认证", "domain real-name verification"),
    (
        "domain.*.real_name_verified_on",
        "域名实名认证日期",
        "domain real-name verification day",
    ),
    ("domain.*.registered_on", "域名注册日期", "domain registration day"),
    ("domain.*.expires_on", "域名到期日期", "domain expiry day"),
    ("domain.*.registrar", "域名注册商", "registrar"),
    ("website.*.name", "网站名称", "website name"),
    ("website.*.filing_number", "网站备案号", "website's filing number"),
    ("website.*.domains", "网站域名", "website's domains"),
    ("website.*.home_url", "网站首页网址", "home page URL"),
    ("website.*.service_content", "网站服务内容", "website service content"),
    ("website.*.languages", "网站语言", "website languages"),
    ("website.*.remark", "网站备注", "website remark"),
    ("*.preapproval", "前置审批", "pre-approval"),
    ("*.preapproval.*.number", "前置审批文号", "pre-approval number"),
    ("*.preapproval.*.valid_until", "前置审批有效期", "pre-approval validity"),
    ("app.*.name", "APP 名称", "APP name"),
    ("app.*.filing_number", "APP 备案号", "APP's filing number"),
    ("app.*.platform.*.os", "APP 平台", "APP platform"),
    ("app.*.platform.*.package", "APP 包名", "APP package name"),
    ("app.*.platform.*.signing_md5", "签名证书 MD5", "signing certificate MD5"),
    ("app.*.platform.*.signing_sha1", "签名证书 SHA-1", "signing certificate SHA-1"),
    ("app.*.package_name", "APP 包名", "APP package name"),
    ("app.*.signing_md5", "签名证书 MD5", "signing certificate MD5"),
    ("app.*.signing_sha1", "签名证书 SHA-1", "signing certificate SHA-1"),
    ("app.*.remark", "APP 备注", "APP remark"),
];

/// Does `path` match `pattern`? `*` stands for one segment; a leading `*` for one or more
/// (`*.responsible.name` matches `principal.responsible.name` and `website.0.responsible.name`).
fn matches(pattern: &str, path: &str) -> bool {
    let p: Vec<&str> = pattern.split('.').collect();
    let s: Vec<&str> = path.split('.').collect();
    if p.first() == Some(&"*") && p.len() > 1 {
        let tail = &p[1..];
        return s.len() > tail.len() && seg_match(tail, &s[s.len() - tail.len()..]);
    }
    p.len() == s.len() && seg_match(&p, &s)
}

fn seg_match(p: &[&str], s: &[&str]) -> bool {
    p.iter().zip(s).all(|(a, b)| *a == "*" || a == b)
}

/// The label of a draft path, with the item's number for lists ("网站 2 的网站名称" is left to
/// the caller: the label names the field).
pub fn label(path: &str, lang: Lang) -> Option<String> {
    LABELS
        .iter()
        .find(|(p, _, _)| matches(p, path))
        .map(|(_, zh, en)| if lang == Lang::Zh { zh.to_string() } else { en.to_string() })
        .map(|l| match item_number(path) {
            Some((what, n)) => match lang {
                Lang::Zh => format!("{what_zh}{n}：{l}", what_zh = what.0),
                Lang::En => format!("{l} ({what_en} {n})", what_en = what.1),
            },
            None => l,
        })
}

/// A rule's message with each quoted `dotted.key` replaced by its label (“网站名称”), for
/// the human reports; keys without a label stay as they are.
pub fn humanize_keys(text: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(a) = rest.find('`') {
        let Some(b) = rest[a + 1..].find('`') else { break };
        let key = &rest[a + 1..a + 1 + b];
        out.push_str(&rest[..a]);
        match label(key, lang) {
            Some(l) => out.push_str(&format!("“{l}”")),
            None => out.push_str(&rest[a..a + b + 2]),
        }
        rest = &rest[a + b + 2..];
    }
    out.push_str(rest);
    out
}

/// "website.1.name" → (网站, website), 2.
fn item_number(path: &str) -> Option<((&'static str, &'static str), usize)> {
    let mut parts = path.split('.');
    let what = match parts.next()? {
        "domain" => ("域名 ", "domain"),
        "website" => ("网站 ", "website"),
        "app" => ("APP ", "APP"),
        _ => return None,
    };
    let n: usize = parts.next()?.parse().ok()?;
    Some((what, n + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_fields_in_both_languages() {
        assert_eq!(
            label("principal.responsible.contact.emergency_phone", Lang::Zh).unwrap(),
            "应急联系电话"
        );
        assert_eq!(
            label("website.1.responsible.contact.mobile", Lang::En).unwrap(),
            "mobile number (website 2)"
        );
        assert_eq!(label("domain.0.expires_on", Lang::Zh).unwrap(), "域名 1：域名到期日期");
        assert!(label("no.such.key", Lang::Zh).is_none());
        assert_eq!(
            humanize_keys("`principal.responsible.contact.emergency_phone` 与 `x.y` 相同", Lang::Zh),
            "“应急联系电话” 与 `x.y` 相同"
        );
        for (p, zh, en) in LABELS {
            assert!(!zh.is_empty() && !en.is_empty(), "{p}");
            assert!(!en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{p}: {en}");
        }
    }
}
