//! The check kinds. Each is a small, tested primitive; the tables decide which run where, with
//! which parameters, severity and text. Adding a province rule should never need a new kind.

use super::context::{Ctx, Role};
use crate::diag::{Hit, Severity, Text};
use crate::draft::*;
use crate::validators::{self, Level, Problem, domain, email, permits, phone, resident_id, uscc};
use chrono::NaiveDate;
use serde::Deserialize;

mod apps;
mod contacts;
mod documents;
mod domains;
mod filing;
mod persons;
mod required;
mod services;

fn default_who() -> Vec<Role> {
    Vec::new()
}

/// Which internet information services a name or service-content check reads: the website
/// tables (the default, so that older tables keep their meaning) or the APPs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    #[default]
    Website,
    App,
}

impl Service {
    fn is_website(&self) -> bool {
        *self == Service::Website
    }
}

/// A website or an APP, as the checks that apply to both read it.
pub(crate) struct ServiceRef<'a> {
    /// `website.0`, `app.1` (spelt out only for a finding).
    pub base: ServiceBase,
    pub name: Option<&'a str>,
    pub service_content: &'a [String],
    pub preapproval: &'a [Preapproval],
}

/// Where a website or APP is in the draft: displays as `website.0`, `app.1`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ServiceBase(&'static str, usize);

impl std::fmt::Display for ServiceBase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.0, self.1)
    }
}

/// The websites or APPs this order submits (in a new_service, filed ones are only context).
pub(crate) fn services<'a>(cx: &Ctx<'a>, of: Service) -> Vec<ServiceRef<'a>> {
    match of {
        Service::Website => cx
            .websites_in_scope()
            .map(|(i, w)| ServiceRef {
                base: ServiceBase("website", i),
                name: w.name.as_deref(),
                service_content: &w.service_content,
                preapproval: &w.preapproval,
            })
            .collect(),
        Service::App => cx
            .apps_in_scope()
            .map(|(i, a)| ServiceRef {
                base: ServiceBase("app", i),
                name: a.name.as_deref(),
                service_content: &a.service_content,
                preapproval: &a.preapproval,
            })
            .collect(),
    }
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// Raised by the draft reader or the command itself, not evaluated here.
    Builtin,
    /// Dotted keys that must be present; `*` runs over array items.
    Required {
        fields: Vec<String>,
        /// `fields` as a prefix tree, built on first use: one walk of the draft per rule.
        #[serde(skip)]
        tree: std::sync::OnceLock<PathTree>,
    },
    /// The draft names at least one domain (a website filing without a domain is impossible).
    HasDomains,
    AccountRealName,
    /// The resource must be in mainland China; a region containing one of these is not.
    ResourceRegion {
        non_mainland: Vec<String>,
    },
    ResourceMinMonths {
        min: i64,
    },
    /// The resource already backs `max` filings or more (`account.resource.filings_used`), so
    /// it has no room for this one; `kinds` limits the rule to these resource kinds.
    ResourceFilingsMax {
        max: i64,
        #[serde(default)]
        kinds: Vec<String>,
    },
    /// Each document number is valid for its type (GB 11643, GB 32100, permit formats …).
    DocumentNumber,
    /// Soft validator findings (abolished county code, embedded organisation-code check).
    DocumentNumberWarnings,
    /// Expired → always reported; fewer than `min_months` left → reported, lowered to a
    /// warning when `receipt_material` is on hand.
    DocumentValidity {
        min_months: u32,
        #[serde(default)]
        receipt_material: Option<String>,
        #[serde(default = "default_who")]
        who: Vec<Role>,
    },
    /// These document types may not be used by these people.
    DocumentTypeForbidden {
        types: Vec<String>,
        #[serde(default = "default_who")]
        who: Vec<Role>,
    },
    /// The principal's certificate type fits the principal kind.
    PrincipalDocumentType {
        allowed: std::collections::HashMap<String, Vec<String>>,
    },
    /// The USCC category (first two characters) fits the declared principal kind.
    UsccCategory,
    /// An individual's principal document and responsible person's document are the same.
    IndividualSelf,
    /// Organisations: the certificate address (and USCC region) lies in the filing province.
    OrganisationInProvince,
    /// Taiwan travel-permit filings enter the Taiwan ID number, not the 8-digit permit number.
    TaiwanIdNumber,
    MinAge {
        min: u32,
        #[serde(default = "default_who")]
        who: Vec<Role>,
        #[serde(default)]
        waiver_material: Option<String>,
    },
    /// Retirement-age limit (by sex from the ID number).
    MaxAge {
        male: u32,
        female: u32,
        #[serde(default = "default_who")]
        who: Vec<Role>,
    },
    /// A resident ID from another province needs a local residence permit, or (where
    /// `social_security_months` is set) that many months of local social security.
    OutOfProvince {
        #[serde(default = "yes")]
        residence_permit: bool,
        #[serde(default)]
        social_security_months: Option<i64>,
        #[serde(default)]
        property_material: Option<String>,
        #[serde(default = "default_who")]
        who: Vec<Role>,
    },
    /// A residence permit given (`residence_permit.valid_until`) has at least `min_months` left
    /// on the as-of day.
    ResidencePermitValidity {
        min_months: u32,
        #[serde(default = "default_who")]
        who: Vec<Role>,
    },
    /// The principal's responsible person is its legal representative.
    LegalRepresentative,
    /// A foreign / HK / Macau / Taiwan legal representative must authorise a mainland-ID holder.
    ForeignLegalRepresentative,
    /// A website's or APP's responsible person who is not the legal representative (letter needed).
    WebsiteResponsibleNotLegalRep,
    /// When the principal's responsible person is not the legal representative, every
    /// website's and APP's responsible person must be that same person.
    SameResponsibleWhenDelegated,
    /// All website responsible persons are one person.
    SingleWebsiteResponsible,
    /// Mobile, landline and e-mail formats.
    ContactFormat,
    /// Within one person, these contact fields must differ (pairs of contact keys).
    ContactsDistinct {
        pairs: Vec<[String; 2]>,
    },
    /// Different people must not share a mobile or e-mail; nobody's emergency phone may be
    /// another responsible person's mobile.
    ContactsAcrossPersons,
    /// The landline's area code lies in the filing province.
    LandlineLocal,
    /// Mobiles must be from these provinces: cannot be verified offline, so it reminds.
    MobileLocal {
        provinces: Vec<String>,
    },
    MaxDomains {
        max: usize,
    },
    MaxDomainsPerWebsite {
        max: usize,
    },
    MaxWebsites {
        max: usize,
    },
    DomainSyntax,
    /// The registrable domain, not a sub-domain; `allow_under` lists suffixes (e.g. gov.cn)
    /// under which a department's own third-level name (`dept.city.gov.cn`) is filed itself.
    DomainRegistrable {
        #[serde(default)]
        allow_under: Vec<String>,
    },
    /// `status` = "not_approved" or "unknown".
    DomainSuffixStatus {
        status: String,
    },
    /// Suffix rules (empty list = no restriction): allowed only these / never these.
    DomainSuffixIn {
        #[serde(default)]
        allowed: Vec<String>,
        #[serde(default)]
        forbidden: Vec<String>,
    },
    DomainRealName,
    DomainRealNameAge {
        min_days: i64,
    },
    /// The holder is the principal (name); `allow_legal_rep` accepts the legal representative.
    DomainHolderName {
        #[serde(default)]
        allow_legal_rep: bool,
    },
    DomainHolderDocument {
        #[serde(default)]
        allow_legal_rep: bool,
    },
    /// Not expired (`min_months` = 0), or at least `min_months` left.
    DomainExpiry {
        min_months: u32,
    },
    DomainRegisteredBeforeFiling,
    /// Registrar names that are overseas (a substring match, case-insensitive).
    DomainOverseasRegistrar {
        registrars: Vec<String>,
    },
    /// Every [[domain]] is used by a website or an app.
    DomainUnused,
    /// Every domain a website or app names is in [[domain]].
    ServiceDomainsListed,
    /// The home URL is on one of the website's domains.
    HomeUrlOnDomain,
    WebsiteNameMinChars {
        min: usize,
    },
    /// Not only digits and Latin letters.
    WebsiteNameNotAscii,
    WebsiteNameNotDomain,
    /// The website name is just the principal's own name (an individual naming the site after
    /// themself).
    WebsiteNameIsPrincipal,
    WebsiteNameSymbols {
        #[serde(default, skip_serializing_if = "Service::is_website")]
        of: Service,
    },
    /// Words a website name (or, with `of = "app"`, an APP name) may not use: at the start
    /// (`prefix`) or anywhere.
    WebsiteNameWords {
        #[serde(default, skip_serializing_if = "Service::is_website")]
        of: Service,
        words: Vec<String>,
        #[serde(default)]
        prefix: bool,
        /// A word that is also in the principal's own registered name is allowed (a unit may
        /// name its site after itself: 某市人民医院, 中国某集团).
        #[serde(default)]
        allow_own_name: bool,
    },
    /// Words in the principal's or a website's name that need a pre-approval.
    NameKeywords {
        words: Vec<String>,
        /// Longer words that contain a keyword but are not about it (基金会 is a foundation,
        /// not a fund): their occurrences are ignored.
        #[serde(default)]
        unless: Vec<String>,
    },
    ServiceContentForbidden {
        values: Vec<String>,
    },
    ServiceContentOnly {
        values: Vec<String>,
    },
    /// These service contents need a [[website.preapproval]] (or, with `of = "app"`, an
    /// [[app.preapproval]]).
    PreapprovalRequired {
        services: Vec<String>,
        #[serde(default, skip_serializing_if = "Service::is_website")]
        of: Service,
    },
    PreapprovalValid {
        #[serde(default, skip_serializing_if = "Service::is_website")]
        of: Service,
    },
    RemarkMinChars {
        min: usize,
    },
    /// An individual's certificate address should be the address printed on the ID.
    IndividualAddress,
    /// Addresses detailed down to the door: each of `fields` (dotted keys) holds one of `markers`
    /// (号, 室, 栋 …).
    AddressDetail {
        fields: Vec<String>,
        markers: Vec<String>,
    },
    /// The other `fields` (dotted keys) lie in the same city as the first (通讯地址与证件住址同市).
    /// An address whose city cannot be read is not judged.
    AddressSameCity {
        fields: Vec<String>,
    },
    /// APP signing fingerprints (MD5 32, SHA-1 40 hex digits) and public keys (hex), on every
    /// platform.
    AppFields,
    /// Every filing number given is `<abbr>ICP备<8 or 10 digits>号`, with `-n`, `-nA`, `-nX` or
    /// `-nK` for a service.
    FilingNumberFormat,
    /// Every filing number carries the filing region's abbreviation.
    FilingNumberRegion,
    /// The principal's number has no suffix, a website's ends in `-n`, an APP's in `-nA`
    /// (`X` mini-program, `K` quick app).
    FilingNumberKind,
    /// Each service's number is the principal's number plus its suffix.
    FilingNumberExtends,
    /// A first filing carries no filing number: neither the principal's nor a service's (a
    /// filed website or APP means a filed principal).
    FirstWithoutNumber,
    /// Every type but a first filing names the principal's number.
    PrincipalNumberRequired,
    /// A change, a new access and a cancel of a service or of the access act on filed
    /// websites and APPs: each names its number.
    ServiceNumbersRequired,
    /// A new_service adds at least one website or APP without a number.
    NewServiceAddsSomething,
    /// A cancel says what it cancels (`account.cancel_scope`).
    CancelScopeRequired,
    /// `account.cancel_scope` on an order that is not a cancel.
    CancelScopeWithoutCancel,
    /// `account.changes` on an order that is not a change.
    ChangesWithoutChange,
    /// Each platform's package name follows its os's syntax (Java package, Bundle ID, HarmonyOS
    /// bundle name).
    AppPackageSyntax,
    /// Every APP names its platforms, and every `[[app.platform]]` its os.
    AppPlatformsGiven,
    /// Platform keys (`package`, `public_key`) present on every platform.
    AppPlatformRequired {
        keys: Vec<String>,
    },
    /// Platforms of these systems carry one of `any_of` (`signing_md5`, `signing_sha1`);
    /// with `only_if`, only checked when that key is given (a conflict between sources).
    AppFingerprintRequired {
        os: Vec<String>,
        any_of: Vec<String>,
        #[serde(default)]
        only_if: Option<String>,
    },
    /// App-level single-platform keys next to `[[app.platform]]` tables (they are not read).
    AppLegacyKeys,
    /// `platforms` and the `[[app.platform]]` tables name the same systems.
    AppPlatformsAgree,
    /// Two APPs of the order with one name.
    AppNameDuplicate,
    /// One package name for two APPs, or twice on one system of one APP.
    AppPackageDuplicate,
    /// A domain used by a website and by an APP of the same order.
    WebsiteAppSameDomain,
    /// The `[materials]` file under `key` is larger than `max_bytes` (the APP icon).
    MaterialMaxBytes {
        key: String,
        max_bytes: u64,
    },
    /// A cancel of a service names one website or APP: services are cancelled one per order.
    CancelOneService,
}

fn yes() -> bool {
    true
}

fn problem_text(p: &Problem) -> Text {
    Text::new(p.zh.clone(), p.en.clone())
}

pub fn get_path<'a>(node: &'a Node, path: &[&str]) -> Vec<(String, Option<&'a Node>)> {
    // Resolves a dotted path with `*` wildcards to concrete paths (and the node, if present).
    fn walk<'a>(node: Option<&'a Node>, rest: &[&str], prefix: String, out: &mut Vec<(String, Option<&'a Node>)>) {
        let Some((head, tail)) = rest.split_first() else {
            out.push((prefix, node));
            return;
        };
        // A scalar where a table was expected (e.g. `responsible = "principal"`) has no sub-keys
        // to require; its type is the reader's business.
        if node.is_some_and(|n| !matches!(n.val, Val::Table(_) | Val::Arr(_))) {
            return;
        }
        let join = |k: &str| {
            if prefix.is_empty() {
                k.to_string()
            } else {
                format!("{prefix}.{k}")
            }
        };
        if *head == "*" {
            if let Some(Node { val: Val::Arr(items), .. }) = node {
                for (i, it) in items.iter().enumerate() {
                    walk(Some(it), tail, join(&i.to_string()), out);
                }
            }
            return;
        }
        walk(node.and_then(|n| n.get(head)), tail, join(head), out);
    }
    let mut out = Vec::new();
    walk(Some(node), path, String::new(), &mut out);
    out
}

use crate::draft::node::{Node, Val};

/// One step of a concrete path: a key, or an array index where the pattern has `*`.
#[derive(Clone, Copy)]
enum Seg<'p> {
    Key(&'p str),
    Index(usize),
}

fn trail_path(trail: &[Seg]) -> String {
    let mut out = String::new();
    for (i, s) in trail.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        match s {
            Seg::Key(k) => out.push_str(k),
            Seg::Index(n) => out.push_str(&n.to_string()),
        }
    }
    out
}

/// Dotted paths sharing their prefixes (`principal.name`, `principal.document.type`, … walk
/// `principal` once). Children keep the order the paths were listed in.
#[derive(Debug, Clone, Default)]
pub struct PathTree {
    children: Vec<(String, PathTree)>,
    /// A listed path ends here.
    leaf: bool,
}

impl PathTree {
    pub fn new<'a>(paths: impl IntoIterator<Item = &'a String>) -> Self {
        let mut root = PathTree::default();
        for p in paths {
            let mut t = &mut root;
            for seg in p.split('.') {
                let i = match t.children.iter().position(|(k, _)| k == seg) {
                    Some(i) => i,
                    None => {
                        t.children.push((seg.to_string(), PathTree::default()));
                        t.children.len() - 1
                    }
                };
                t = &mut t.children[i].1;
            }
            t.leaf = true;
        }
        root
    }
}

/// `visit_path` for every path of `tree` at once.
fn visit_tree<'a, 'p>(
    tree: &'p PathTree,
    node: Option<&'a Node>,
    trail: &mut Vec<Seg<'p>>,
    f: &mut dyn FnMut(&[Seg<'p>], Option<&'a Node>),
) {
    if tree.leaf {
        f(trail, node);
    }
    if tree.children.is_empty() || node.is_some_and(|n| !matches!(n.val, Val::Table(_) | Val::Arr(_))) {
        return;
    }
    for (seg, child) in &tree.children {
        if seg == "*" {
            if let Some(Node { val: Val::Arr(items), .. }) = node {
                for (i, it) in items.iter().enumerate() {
                    trail.push(Seg::Index(i));
                    visit_tree(child, Some(it), trail, f);
                    trail.pop();
                }
            }
            continue;
        }
        trail.push(Seg::Key(seg));
        visit_tree(child, node.and_then(|n| n.get(seg)), trail, f);
        trail.pop();
    }
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
