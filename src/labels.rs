//! Field labels for people: a dotted draft path → its name in both languages, built from the
//! key table (`draft::keys`, the one list of the format's keys). Used where a message would
//! otherwise show a raw key (the wizard, check's table).

use crate::diag::{Lang, Text};
use crate::draft::keys::{self, Group, Key, Ty};
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

/// The keys along a dotted path (list indices skipped), from the key table.
fn keys_of(path: &str) -> Option<Vec<&'static Key>> {
    let mut group: &'static Group = &keys::TOP;
    let mut chain: Vec<&'static Key> = Vec::new();
    for part in path.split('.') {
        if part == "*" || part.parse::<usize>().is_ok() {
            continue;
        }
        // A key under a value that is not a table is no key of the format.
        if let Some(last) = chain.last()
            && !matches!(last.ty, Ty::Table(_) | Ty::Tables(_) | Ty::Responsible(_))
        {
            return None;
        }
        let key = group.get(part)?;
        if let Ty::Table(g) | Ty::Tables(g) | Ty::Responsible(g) = key.ty {
            group = g;
        }
        chain.push(key);
    }
    (!chain.is_empty()).then_some(chain)
}

fn is_person(k: &Key) -> bool {
    matches!(k.ty, Ty::Responsible(_)) || matches!(k.ty, Ty::Table(g) if std::ptr::eq(g, &keys::PERSON))
}

/// One label after another: a label that already names the one before stands alone
/// ("网站" + "网站名称"), a shared end is said once ("主体证件" + "证件号码"), a person
/// owns what follows in English ("responsible person's name").
fn join(acc: &str, part: &str, lang: Lang, owner_is_person: bool) -> String {
    if acc.is_empty() || part.contains(acc) {
        return part.to_string();
    }
    match lang {
        Lang::Zh => {
            let chars: Vec<char> = part.chars().collect();
            for n in (2..=chars.len().min(acc.chars().count())).rev() {
                let head: String = chars[..n].iter().collect();
                if acc.ends_with(&head) {
                    return format!("{acc}{}", chars[n..].iter().collect::<String>());
                }
            }
            let ascii_end = acc.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
            let cjk_start = part.chars().next().is_some_and(|c| !c.is_ascii());
            if ascii_end && cjk_start {
                format!("{acc} {part}")
            } else {
                format!("{acc}{part}")
            }
        }
        Lang::En => {
            let a: Vec<&str> = acc.split(' ').collect();
            let p: Vec<&str> = part.split(' ').collect();
            for n in (1..=p.len().min(a.len())).rev() {
                if a[a.len() - n..] == p[..n] {
                    return format!("{acc}{}", &part[p[..n].join(" ").len()..]);
                }
            }
            if owner_is_person {
                format!("{acc}'s {part}")
            } else {
                format!("{acc} {part}")
            }
        }
    }
}

/// A field's label built from the key table along its path: a list item's word (域名,
/// website …), then the tables it sits in (the principal's document, a responsible person),
/// then the key's own label. The singleton top tables (account, principal) and quiet keys
/// (contact details) are left out. English leaves the item's word to the item's number
/// ("(website 2)") when a table of its own follows: "responsible person's name (website 2)".
fn field_label(path: &str, lang: Lang) -> Option<String> {
    let chain = keys_of(path)?;
    let last = chain.len() - 1;
    let nested = chain[1..]
        .iter()
        .any(|k| !k.quiet && matches!(k.ty, Ty::Table(_) | Ty::Tables(_) | Ty::Responsible(_)));
    let mut acc = String::new();
    let mut owner_is_person = false;
    for (i, k) in chain.iter().enumerate() {
        let part = if i == last {
            k.label_in(lang).to_string()
        } else if i == 0 {
            match (k.ty, item_word(k.name)) {
                (Ty::Tables(_), Some(w)) if lang == Lang::Zh || !nested => (if lang == Lang::Zh { w.0 } else { w.1 }).trim().to_string(),
                _ => continue,
            }
        } else if k.quiet {
            continue;
        } else {
            k.label_in(lang).to_string()
        };
        acc = join(&acc, &part, lang, owner_is_person);
        owner_is_person = is_person(k);
    }
    (!acc.is_empty()).then_some(acc)
}

/// The label of a draft path, with the item's number for lists ("网站 2 的网站名称" is left to
/// the caller: the label names the field).
pub fn label(path: &str, lang: Lang) -> Option<String> {
    field_label(path, lang).map(|l| match item_number(path) {
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

/// How one item of a list is called: 域名 / domain.
fn item_word(list: &str) -> Option<(&'static str, &'static str)> {
    Some(match list {
        "domain" => ("域名 ", "domain"),
        "website" => ("网站 ", "website"),
        "app" => ("APP ", "APP"),
        _ => return None,
    })
}

/// "website.1.name" → (网站, website), 2.
fn item_number(path: &str) -> Option<((&'static str, &'static str), usize)> {
    let mut parts = path.split('.');
    let what = item_word(parts.next()?)?;
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
            "主体负责人应急联系电话"
        );
        assert_eq!(
            label("website.1.responsible.contact.mobile", Lang::En).unwrap(),
            "responsible person's mobile number (website 2)"
        );
        assert_eq!(label("domain.0.expires_on", Lang::Zh).unwrap(), "域名 1：域名到期日期");
        assert_eq!(label("domain.0.name", Lang::En).unwrap(), "domain name (domain 1)");
        assert_eq!(label("principal.document.type", Lang::Zh).unwrap(), "主体证件类型");
        assert_eq!(
            label("principal.legal_representative.document.number", Lang::En).unwrap(),
            "legal representative's document number"
        );
        assert_eq!(
            label("website.0.preapproval.1.number", Lang::Zh).unwrap(),
            "网站 1：网站前置审批文号"
        );
        assert_eq!(label("app.0.platform.1.package", Lang::Zh).unwrap(), "APP 1：APP 包名");
        assert_eq!(label("account.resource.kind", Lang::En).unwrap(), "resource kind");
        assert!(label("no.such.key", Lang::Zh).is_none());
        assert!(label("principal.name.first", Lang::Zh).is_none());
        assert_eq!(
            humanize_keys("`principal.responsible.contact.emergency_phone` 与 `x.y` 相同", Lang::Zh),
            "“主体负责人应急联系电话” 与 `x.y` 相同"
        );
        // Every key of the format has a label in both languages, the English without Chinese.
        for g in keys::GROUPS {
            for k in g.keys {
                assert!(!k.label_en.is_empty() && !k.label_in(Lang::Zh).is_empty(), "{}.{}", g.id, k.name);
            }
        }
        for path in keys::known_paths() {
            let path = path.replace('*', "0");
            let zh = label(&path, Lang::Zh).unwrap_or_default();
            let en = label(&path, Lang::En).unwrap_or_default();
            assert!(!zh.is_empty() && !en.is_empty(), "{path}");
            assert!(!en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{path}: {en}");
        }
    }
}
