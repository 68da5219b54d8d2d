//! The check kinds. Each is a small, tested primitive; the tables decide which run where, with
//! which parameters, severity and text. Adding a province rule should never need a new kind.

use super::context::{Ctx, Role};
use crate::diag::{Hit, Severity, Text};
use crate::draft::node::{Node, Val};
use crate::draft::*;
use crate::validators::{self, Level, Problem, domain, email, permits, phone, resident_id, uscc};
use chrono::NaiveDate;
use serde::Deserialize;

mod apps;
mod contacts;
mod documents;
mod domains;
mod filing;
mod kinds;
mod paths;
mod persons;
mod required;
mod services;

pub use kinds::*;
pub use paths::*;

fn problem_text(p: &Problem) -> Text {
    Text::new(p.zh.clone(), p.en.clone())
}

fn domain_of(s: &str) -> Option<domain::DomainName> {
    domain::parse(s).ok()
}

fn same_domain(a: &str, b: &str) -> bool {
    // Equal text is the same domain without IDNA processing (the common case).
    if a.trim().eq_ignore_ascii_case(b.trim()) {
        return true;
    }
    match (domain_of(a), domain_of(b)) {
        (Some(x), Some(y)) => x.ascii == y.ascii,
        _ => a.trim().eq_ignore_ascii_case(b.trim()),
    }
}

fn suffix_matches(d: &domain::DomainName, suffix: &str) -> bool {
    let s = suffix.trim_start_matches('.');
    let su = domain::parse(&format!("x.{s}"))
        .map(|x| x.ascii[2..].to_string())
        .unwrap_or_else(|_| s.to_lowercase());
    d.ascii == su || d.ascii.ends_with(&format!(".{su}"))
}

/// `dept.city.gov.cn`: one label below a registrable domain under one of `suffixes`, and not
/// `www` (which is only the parent's web host).
fn department_domain(d: &domain::DomainName, suffixes: &[String]) -> bool {
    let reg = domain::parse(&domain::registrable(d)).map(|r| r.ascii).unwrap_or_default();
    let Some(first) = d.ascii.strip_suffix(&format!(".{reg}")) else {
        return false;
    };
    !first.contains('.') && first != "www" && suffixes.iter().any(|s| suffix_matches(d, s))
}

fn fmt_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn contact_value<'p>(p: &'p Person, key: &str) -> Option<&'p str> {
    match key {
        "mobile" => p.contact.mobile.as_deref(),
        "emergency_phone" => p.contact.emergency_phone.as_deref(),
        "phone" => p.contact.phone.as_deref(),
        "email" => p.contact.email.as_deref(),
        _ => None,
    }
}

fn digits(s: &str) -> String {
    let d: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    d.strip_prefix("86").filter(|r| r.len() == 11).map(str::to_string).unwrap_or(d)
}

fn has_service(w: &Website, values: &[String]) -> Vec<String> {
    w.service_content
        .iter()
        .filter(|s| values.iter().any(|v| v == *s))
        .cloned()
        .collect()
}

/// A website name that is a domain or a URL (or one of the draft's domains).
fn name_is_domain(n: &str, cx: &Ctx) -> bool {
    // Every domain and URL has a dot: most names are settled without parsing anything.
    if !n.contains(['.', '。']) {
        return false;
    }
    let looks_like_url = n.contains("://") || n.starts_with("www.");
    let is_domain = n.contains(['.', '。']) && domain_of(n).is_some();
    looks_like_url || is_domain || cx.is_draft_domain(n, same_domain)
}

/// `needle` occurs in `hay`, ASCII letters compared without case (no allocation: this runs for
/// every draft).
fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    if h.len() < n.len() {
        return false;
    }
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let starts = &h[..=h.len() - n.len()];
    let at = |i: usize| h[i..i + n.len()].eq_ignore_ascii_case(n);
    // Candidates are found by the first byte (either case): most names never contain it.
    // A short name is scanned directly (setting up memchr costs more than that).
    if starts.len() < 32 {
        return starts.iter().enumerate().any(|(i, &b)| (b == lower || b == upper) && at(i));
    }
    memchr::memchr2_iter(lower, upper, starts).any(at)
}

/// The first of `needles` that occurs in `hay` ([`contains_ignore_case`]); a needle whose first
/// character is not in the text at all is not searched for (most of a registrar or region
/// list, for every draft).
fn first_containing_ignore_case<'n>(hay: &str, needles: &'n [String]) -> Option<&'n String> {
    let chars = crate::rules::words::Chars::folded(hay);
    needles.iter().find(|n| chars.may_have_folded(n) && contains_ignore_case(hay, n))
}

/// A province's name in both languages, for messages.
fn place(p: &crate::province::Province) -> Text {
    Text::new(p.short, p.english)
}

fn name_chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}
impl Check {
    pub fn run(&self, cx: &Ctx) -> Vec<Hit> {
        let mut hits = Vec::new();
        // One file per group of check kinds.
        match self {
            Check::Builtin
            | Check::Required { .. }
            | Check::HasDomains
            | Check::AccountRealName
            | Check::ResourceRegion { .. }
            | Check::ResourceMinMonths { .. }
            | Check::ResourceFilingsMax { .. } => required::run(self, cx, &mut hits),
            Check::DocumentNumber
            | Check::DocumentNumberWarnings
            | Check::DocumentValidity { .. }
            | Check::DocumentTypeForbidden { .. }
            | Check::PrincipalDocumentType { .. }
            | Check::UsccCategory
            | Check::IndividualSelf
            | Check::OrganisationInProvince
            | Check::TaiwanIdNumber => documents::run(self, cx, &mut hits),
            Check::MinAge { .. }
            | Check::MaxAge { .. }
            | Check::OutOfProvince { .. }
            | Check::ResidencePermitValidity { .. }
            | Check::LegalRepresentative
            | Check::ForeignLegalRepresentative
            | Check::WebsiteResponsibleNotLegalRep
            | Check::SameResponsibleWhenDelegated
            | Check::SingleWebsiteResponsible
            | Check::IndividualAddress
            | Check::AddressDetail { .. }
            | Check::AddressSameCity { .. } => persons::run(self, cx, &mut hits),
            Check::ContactFormat
            | Check::ContactsDistinct { .. }
            | Check::ContactsAcrossPersons
            | Check::LandlineLocal
            | Check::MobileLocal { .. } => contacts::run(self, cx, &mut hits),
            Check::MaxDomains { .. }
            | Check::MaxDomainsPerWebsite { .. }
            | Check::MaxWebsites { .. }
            | Check::DomainSyntax
            | Check::DomainRegistrable { .. }
            | Check::DomainSuffixStatus { .. }
            | Check::DomainSuffixIn { .. }
            | Check::DomainRealName
            | Check::DomainRealNameAge { .. }
            | Check::DomainHolderName { .. }
            | Check::DomainHolderDocument { .. }
            | Check::DomainExpiry { .. }
            | Check::DomainRegisteredBeforeFiling
            | Check::DomainOverseasRegistrar { .. }
            | Check::DomainUnused => domains::run(self, cx, &mut hits),
            Check::ServiceDomainsListed
            | Check::HomeUrlOnDomain
            | Check::WebsiteNameMinChars { .. }
            | Check::WebsiteNameNotAscii
            | Check::WebsiteNameNotDomain
            | Check::WebsiteNameIsPrincipal
            | Check::WebsiteNameSymbols { .. }
            | Check::WebsiteNameWords { .. }
            | Check::NameKeywords { .. }
            | Check::ServiceContentForbidden { .. }
            | Check::ServiceContentOnly { .. }
            | Check::PreapprovalRequired { .. }
            | Check::PreapprovalValid { .. }
            | Check::RemarkMinChars { .. } => services::run(self, cx, &mut hits),
            Check::FilingNumberFormat
            | Check::FilingNumberRegion
            | Check::FilingNumberKind
            | Check::FilingNumberExtends
            | Check::FirstWithoutNumber
            | Check::PrincipalNumberRequired
            | Check::ServiceNumbersRequired
            | Check::NewServiceAddsSomething
            | Check::CancelScopeRequired
            | Check::CancelScopeWithoutCancel
            | Check::ChangesWithoutChange
            | Check::CancelOneService => filing::run(self, cx, &mut hits),
            Check::AppFields
            | Check::AppPackageSyntax
            | Check::AppPlatformsGiven
            | Check::AppPlatformRequired { .. }
            | Check::AppFingerprintRequired { .. }
            | Check::AppLegacyKeys
            | Check::AppPlatformsAgree
            | Check::AppNameDuplicate
            | Check::AppPackageDuplicate
            | Check::WebsiteAppSameDomain
            | Check::MaterialMaxBytes { .. } => apps::run(self, cx, &mut hits),
        }
        hits
    }
}

/// Keep the validators module referenced here so a missing function is a compile error in
/// this file, where the check that needs it lives.
#[allow(dead_code)]
fn _validators_used(_: validators::Level) {}

#[cfg(test)]
mod path_tests {
    use super::*;

    #[test]
    fn contains_ignore_case_matches_ascii_letters_only_loosely() {
        assert!(contains_ignore_case("GoDaddy.com, LLC", "godaddy"));
        assert!(contains_ignore_case("cn-HONGKONG", "hongkong"));
        assert!(contains_ignore_case("阿里云", "阿里"));
        assert!(contains_ignore_case("xx Gandi", "gandi"));
        assert!(contains_ignore_case("a", "A"));
        assert!(contains_ignore_case("anything", ""));
        assert!(!contains_ignore_case("cn-south-1", "hongkong"));
        assert!(!contains_ignore_case("go", "godaddy"));
        assert!(!contains_ignore_case("Gandhi", "gandi"));
    }

    /// `visit_tree` finds the same concrete paths (and nodes) as `get_path` does path by
    /// path, for one path and for all of them at once (shared prefixes walked once).
    #[test]
    fn visit_tree_agrees_with_get_path() {
        let src = "[principal]\nname = \"x\"\n[principal.responsible]\nname = \"\"\n[[domain]]\nname = \"a.cn\"\n[[domain]]\nholder = \"y\"\n[[website]]\nresponsible = \"principal\"\n";
        let d = crate::draft::load_str(src).draft.unwrap();
        let root = d.root.as_ref().unwrap();
        let patterns: Vec<String> = [
            "principal.name",
            "principal.responsible.name",
            "domain.*.name",
            "website.*.responsible.name",
            "app.*.name",
            "account.resource.kind",
            "domain.*.holder",
            "principal.document.number",
        ]
        .map(String::from)
        .to_vec();
        let by_path = |pattern: &String| -> Vec<(String, bool)> {
            let parts: Vec<&str> = pattern.split('.').collect();
            get_path(root, &parts).into_iter().map(|(p, n)| (p, n.is_some())).collect()
        };
        let by_tree = |list: &[String]| {
            let tree = PathTree::new(list);
            let mut got = Vec::new();
            visit_tree(&tree, Some(root), &mut Vec::new(), &mut |t, n| {
                got.push((trail_path(t), n.is_some()))
            });
            got.sort();
            got
        };
        for p in &patterns {
            assert_eq!(by_tree(std::slice::from_ref(p)), by_path(p), "{p}");
        }
        let mut want: Vec<(String, bool)> = patterns.iter().flat_map(by_path).collect();
        want.sort();
        assert_eq!(by_tree(&patterns), want);
        assert!(want.contains(&("domain.1.name".into(), false)) && want.contains(&("domain.0.name".into(), true)));
    }
}
