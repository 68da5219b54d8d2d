//! The check kinds. Each is a small, tested primitive; the tables decide which run where, with
//! which parameters, severity and text. Adding a province rule should never need a new kind.

use super::context::{Ctx, Role};
use crate::diag::{Hit, Severity, Text};
use crate::draft::*;
use crate::validators::{self, Level, Problem, domain, email, permits, phone, resident_id, uscc};
use chrono::NaiveDate;
use serde::Deserialize;

fn default_who() -> Vec<Role> {
    Vec::new()
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
    /// The principal's responsible person is its legal representative.
    LegalRepresentative,
    /// A foreign / HK / Macau / Taiwan legal representative must authorise a mainland-ID holder.
    ForeignLegalRepresentative,
    /// A website's responsible person who is not the legal representative (letter needed).
    WebsiteResponsibleNotLegalRep,
    /// When the principal's responsible person is not the legal representative, every
    /// website's responsible person must be that same person.
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
    WebsiteNameSymbols,
    /// Words a website name may not use: at the start (`prefix`) or anywhere.
    WebsiteNameWords {
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
    /// These service contents need a [[website.preapproval]].
    PreapprovalRequired {
        services: Vec<String>,
    },
    PreapprovalValid,
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
    /// APP fields: package name and signature fingerprints.
    AppFields,
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

fn number_problem(t: DocType, n: &str) -> Option<Problem> {
    match t {
        DocType::ResidentId | DocType::TemporaryId => resident_id::parse(n).err(),
        DocType::HkMacauPermit => permits::hk_macau_permit(n).err(),
        DocType::TaiwanPermit => {
            if permits::looks_like_taiwan_id(n) {
                permits::taiwan_id(n).err()
            } else {
                permits::taiwan_permit(n).err()
            }
        }
        DocType::HmtResidencePermit => permits::hmt_residence_permit(n).err(),
        DocType::Passport => {
            // Foreign passports have no common format: only reject what no passport looks like.
            let ok = (5..=20).contains(&n.len()) && n.chars().all(|c| c.is_ascii_alphanumeric());
            (!ok).then(|| Problem {
                level: Level::Error,
                zh: "护照号码应为 5–20 位字母或数字".into(),
                en: "a passport number is 5–20 letters or digits".into(),
            })
        }
        DocType::ForeignPermanentResidentId => permits::foreign_permanent_resident_id(n).err(),
        DocType::BusinessLicense | DocType::PublicInstitutionCertificate | DocType::SocialGroupCertificate | DocType::GovernmentCode => {
            if let Some(kind) = uscc::legacy_kind(n) {
                let what = if kind == "orgcode" {
                    ("组织机构代码", "an organisation code")
                } else {
                    ("旧版工商注册号", "an old registration number")
                };
                return Some(Problem {
                    level: Level::Error,
                    zh: format!("这是{}，三证合一后须填写18位统一社会信用代码", what.0),
                    en: format!(
                        "this is {}; since the 2015 reform the 18-character unified social credit code is required",
                        what.1
                    ),
                });
            }
            uscc::parse(n).err()
        }
        DocType::Other => None,
    }
}

fn number_warnings(t: DocType, n: &str) -> Vec<Problem> {
    match t {
        DocType::ResidentId | DocType::TemporaryId => resident_id::parse(n).map(|id| resident_id::warnings(&id)).unwrap_or_default(),
        DocType::ForeignPermanentResidentId => permits::foreign_permanent_resident_id(n).unwrap_or_default(),
        DocType::BusinessLicense | DocType::PublicInstitutionCertificate | DocType::SocialGroupCertificate | DocType::GovernmentCode => {
            if uscc::parse(n).is_ok() {
                uscc::warnings(n)
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}

/// Birth date and sex, from a resident ID (or an HMT residence permit, same layout).
fn birth_of(doc: &Document) -> Option<resident_id::ResidentId> {
    let n = doc.number.as_deref()?;
    match doc.doc_type? {
        DocType::ResidentId | DocType::TemporaryId => resident_id::parse(n).ok(),
        DocType::HmtResidencePermit => permits::hmt_residence_permit(n).ok(),
        _ => None,
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
fn name_is_domain(n: &str, d: &Draft) -> bool {
    // Every domain and URL has a dot: most names are settled without parsing anything.
    if !n.contains(['.', '。']) {
        return false;
    }
    let looks_like_url = n.contains("://") || n.starts_with("www.");
    let is_domain = n.contains(['.', '。']) && domain_of(n).is_some();
    looks_like_url || is_domain || d.domains.iter().filter_map(|x| x.name.as_deref()).any(|x| same_domain(x, n))
}

/// `needle` occurs in `hay`, ASCII letters compared without case (no allocation: this runs for
/// every draft).
fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    // Candidates are found with memchr (either case of the first byte): most names never
    // contain it at all.
    h.len() >= n.len()
        && memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), &h[..=h.len() - n.len()])
            .any(|i| h[i..i + n.len()].eq_ignore_ascii_case(n))
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
        let d = cx.draft;
        let mut hits = Vec::new();
        match self {
            Check::Builtin => {}
            Check::Required { fields, tree } => {
                let Some(root) = d.root.as_ref() else { return hits };
                let tree = tree.get_or_init(|| PathTree::new(fields));
                let mut trail = Vec::with_capacity(8);
                {
                    // The concrete path is only spelt out for a missing value (most are there).
                    visit_tree(tree, Some(root), &mut trail, &mut |trail, node| {
                        let empty = match node {
                            None => true,
                            Some(Node { val: Val::Str(s), .. }) => s.trim().is_empty(),
                            Some(Node { val: Val::Arr(a), .. }) => a.is_empty(),
                            _ => false,
                        };
                        if !empty {
                            return;
                        }
                        let path = trail_path(trail);
                        // Individuals give their document once (see the reader).
                        let derived = cx.is_individual()
                            && path.starts_with("principal.responsible.")
                            && (path.starts_with("principal.responsible.document") || path == "principal.responsible.name");
                        if !derived {
                            hits.push(Hit::at(path.clone()).var("key", path));
                        }
                    });
                }
            }
            Check::HasDomains => {
                if d.domains.is_empty() && !d.websites.is_empty() {
                    hits.push(Hit::at("domain"));
                }
            }
            Check::AccountRealName => {
                if d.account.real_name_verified == Some(false) {
                    hits.push(Hit::at("account.real_name_verified"));
                }
            }
            Check::ResourceRegion { non_mainland } => {
                if let Some(r) = &d.account.resource.region
                    && non_mainland.iter().any(|k| contains_ignore_case(r, k))
                {
                    hits.push(Hit::at("account.resource.region").var("value", r.clone()));
                }
            }
            Check::ResourceMinMonths { min } => {
                if let Some(m) = d.account.resource.purchased_months
                    && m < *min
                {
                    hits.push(
                        Hit::at("account.resource.purchased_months")
                            .var("value", m.to_string())
                            .var("limit", min.to_string()),
                    );
                }
            }
            Check::DocumentNumber => {
                for (path, doc) in cx.documents() {
                    if let (Some(t), Some(n)) = (doc.doc_type, doc.number.as_deref())
                        && let Some(p) = number_problem(t, n)
                    {
                        hits.push(
                            Hit::at(format!("{path}.number"))
                                .var("doctype", t.zh())
                                .var_text("detail", problem_text(&p)),
                        );
                    }
                }
            }
            Check::DocumentNumberWarnings => {
                for (path, doc) in cx.documents() {
                    if let (Some(t), Some(n)) = (doc.doc_type, doc.number.as_deref()) {
                        for p in number_warnings(t, n) {
                            hits.push(
                                Hit::at(format!("{path}.number"))
                                    .var("doctype", t.zh())
                                    .var_text("detail", problem_text(&p)),
                            );
                        }
                    }
                }
            }
            Check::DocumentValidity {
                min_months,
                receipt_material,
                who,
            } => {
                let owned: Vec<(String, &Document)>;
                let docs: &[(String, &Document)] = if who.is_empty() {
                    cx.documents()
                } else {
                    owned = cx
                        .persons_in(who)
                        .map(|p| (format!("{}.document", p.path), &p.person.document))
                        .collect();
                    &owned
                };
                for (path, doc) in docs {
                    if let Some(Validity::Until(until)) = doc.valid_until {
                        let field = || format!("{path}.valid_until");
                        if until < cx.as_of {
                            hits.push(
                                Hit::at(field())
                                    .var("date", fmt_date(until))
                                    .var_text("state", Text::new("已过期", "has expired"))
                                    .severity(Severity::Error),
                            );
                        } else if !cx.at_least_months_left(until, *min_months) {
                            let mut h = Hit::at(field()).var("date", fmt_date(until)).var_text(
                                "state",
                                Text::new(
                                    format!("剩余有效期不足{min_months}个月"),
                                    format!("has less than {min_months} months left"),
                                ),
                            );
                            if receipt_material.as_deref().is_some_and(|m| cx.has_material(m)) {
                                h = h.severity(Severity::Warning);
                            }
                            hits.push(h);
                        }
                    }
                }
            }
            Check::DocumentTypeForbidden { types, who } => {
                for p in cx.persons_in(who) {
                    let doc = &p.person.document;
                    let forbidden_type = doc.doc_type.is_some_and(|t| types.iter().any(|x| x == t.id()));
                    let temp_flag = doc.temporary == Some(true) && types.iter().any(|x| x == "temporary_id");
                    if forbidden_type || temp_flag {
                        let t = if temp_flag {
                            DocType::TemporaryId
                        } else {
                            doc.doc_type.unwrap_or(DocType::Other)
                        };
                        let field = if temp_flag && !forbidden_type { "temporary" } else { "type" };
                        hits.push(Hit::at(format!("{}.document.{field}", p.path)).var("doctype", t.zh()));
                    }
                }
            }
            Check::PrincipalDocumentType { allowed } => {
                if let (Some(k), Some(t)) = (cx.kind(), d.principal.document.doc_type)
                    && let Some(list) = allowed.get(k.id())
                    && !list.iter().any(|x| x == t.id())
                {
                    let names: Vec<String> = list.iter().filter_map(|x| DocType::parse(x)).map(|x| x.zh().to_string()).collect();
                    hits.push(
                        Hit::at("principal.document.type")
                            .var("doctype", t.zh())
                            .var("kind", k.zh())
                            .var("allowed", names.join("、")),
                    );
                }
            }
            Check::UsccCategory => {
                if let (Some(k), Some(n)) = (cx.kind(), d.principal.document.number.as_deref())
                    && d.principal.document.doc_type.is_some_and(|t| !t.is_personal())
                    && let Ok(u) = uscc::parse(n)
                {
                    let kinds = uscc::principal_kinds(&u);
                    if !kinds.contains(&k.id()) && !kinds.contains(&"other") {
                        let expected: Vec<&str> = kinds.iter().filter_map(|x| PrincipalKind::parse(x)).map(|x| x.zh()).collect();
                        hits.push(
                            Hit::at("principal.kind")
                                .var("kind", k.zh())
                                .var("category", uscc::category_name(&u))
                                .var("expected", expected.join("、")),
                        );
                    }
                }
            }
            Check::IndividualSelf => {
                if cx.is_individual() {
                    let (a, b) = (&d.principal.document, &d.principal.responsible.document);
                    if let (Some(x), Some(y)) = (&a.number, &b.number)
                        && !x.eq_ignore_ascii_case(y)
                    {
                        hits.push(Hit::at("principal.responsible.document.number"));
                    }
                    if let (Some(x), Some(y)) = (&d.principal.name, &d.principal.responsible.name)
                        && x != y
                    {
                        hits.push(Hit::at("principal.responsible.name"));
                    }
                }
            }
            Check::OrganisationInProvince => {
                let Some(prov) = cx.province else { return hits };
                if cx.is_individual() {
                    return hits;
                }
                // The certificate address decides. The credit code only records where the unit
                // was first registered (it never changes when a company moves), so it is
                // consulted only when the address names no province, and then only warns.
                let by_address = d.principal.address.as_deref().and_then(crate::province::from_address);
                if let Some(other) = by_address {
                    if other.code != prov.code {
                        hits.push(
                            Hit::at("principal.address")
                                .var_text("found", place(other))
                                .var_text("province", place(prov)),
                        );
                    }
                } else if let Some(n) = d.principal.document.number.as_deref()
                    && d.principal.document.doc_type.is_some_and(|t| !t.is_personal())
                    && let Ok(u) = uscc::parse(n)
                    && let Ok(code) = u.region[..2].parse::<u8>()
                    && code != prov.code
                    && let Some(other) = crate::province::by_code(code)
                {
                    // Region 10xxxx is a national-level registration: no province to compare.
                    hits.push(
                        Hit::at("principal.document.number")
                            .var_text("found", place(other))
                            .var_text("province", place(prov))
                            .severity(Severity::Warning),
                    );
                }
            }
            Check::TaiwanIdNumber => {
                for p in cx.persons() {
                    let doc = &p.person.document;
                    if doc.doc_type == Some(DocType::TaiwanPermit)
                        && let Some(n) = doc.number.as_deref()
                        && !permits::looks_like_taiwan_id(n)
                        && permits::taiwan_permit(n).is_ok()
                    {
                        hits.push(Hit::at(format!("{}.document.number", p.path)));
                    }
                }
            }
            Check::MinAge { min, who, waiver_material } => {
                for p in cx.persons_in(who) {
                    if let Some(id) = birth_of(&p.person.document) {
                        let age = resident_id::age_on(id.birth, cx.as_of);
                        if age < *min {
                            let mut h = Hit::at(format!("{}.document.number", p.path))
                                .var("age", age.to_string())
                                .var("limit", min.to_string());
                            if waiver_material.as_deref().is_some_and(|m| cx.has_material(m)) {
                                h = h.severity(Severity::Warning);
                            }
                            hits.push(h);
                        }
                    }
                }
            }
            Check::MaxAge { male, female, who } => {
                for p in cx.persons_in(who) {
                    if let Some(id) = birth_of(&p.person.document) {
                        let age = resident_id::age_on(id.birth, cx.as_of);
                        let limit = if id.male { *male } else { *female };
                        if age >= limit {
                            hits.push(
                                Hit::at(format!("{}.document.number", p.path))
                                    .var("age", age.to_string())
                                    .var("limit", limit.to_string()),
                            );
                        }
                    }
                }
            }
            Check::OutOfProvince {
                residence_permit,
                social_security_months,
                property_material,
                who,
            } => {
                let Some(prov) = cx.province else { return hits };
                for p in cx.persons_in(who) {
                    let doc = &p.person.document;
                    if !matches!(doc.doc_type, Some(DocType::ResidentId)) {
                        continue;
                    }
                    let Some(id) = doc.number.as_deref().and_then(|n| resident_id::parse(n).ok()) else {
                        continue;
                    };
                    if id.province == prov.code {
                        continue;
                    }
                    let permit_ok = *residence_permit
                        && p.person.residence_permit.as_ref().is_some_and(|rp| {
                            rp.province.is_some_and(|x| x.code == prov.code) && rp.valid_until.is_none_or(|u| u >= cx.as_of)
                        });
                    let ss_ok = social_security_months.is_some_and(|m| p.person.social_security_months.unwrap_or(0) >= m);
                    let prop_ok = property_material.as_deref().is_some_and(|m| cx.has_material(m));
                    if !(permit_ok || ss_ok || prop_ok) {
                        let home = crate::province::by_code(id.province).map(place).unwrap_or_else(|| Text::same("?"));
                        hits.push(
                            Hit::at(format!("{}.document.number", p.path))
                                .var_text("home", home)
                                .var_text("province", place(prov))
                                .var("months", social_security_months.map(|m| m.to_string()).unwrap_or_default()),
                        );
                    }
                }
            }
            Check::LegalRepresentative => {
                // A foreign / HK / Macau / Taiwan legal representative must delegate: the
                // province's foreign-representative rule and its authorisation letter apply.
                let delegated_abroad = d
                    .principal
                    .legal_representative
                    .as_ref()
                    .and_then(|l| l.document.doc_type)
                    .is_some_and(|t| t.is_non_mainland());
                if !cx.is_individual() && d.principal.responsible.is_legal_representative == Some(false) && !delegated_abroad {
                    hits.push(Hit::at("principal.responsible.is_legal_representative"));
                }
            }
            Check::ForeignLegalRepresentative => {
                let r = &d.principal.responsible;
                if !cx.is_individual()
                    && r.is_legal_representative != Some(false)
                    && r.document.doc_type.is_some_and(|t| t.is_non_mainland())
                {
                    hits.push(
                        Hit::at("principal.responsible.document.type").var("doctype", r.document.doc_type.map(|t| t.zh()).unwrap_or("")),
                    );
                }
            }
            Check::WebsiteResponsibleNotLegalRep => {
                if cx.is_individual() {
                    return hits;
                }
                for (_, path, p) in cx.website_responsibles() {
                    if cx.is_legal_rep(p) == Some(false) {
                        hits.push(Hit::at(path).var("name", p.name.clone().unwrap_or_default()));
                    }
                }
            }
            Check::SameResponsibleWhenDelegated => {
                let pr = &d.principal.responsible;
                if !cx.is_individual() && pr.is_legal_representative == Some(false) {
                    for (_, path, p) in cx.website_responsibles() {
                        if !Ctx::same_person(p, pr) {
                            hits.push(Hit::at(path));
                        }
                    }
                }
            }
            Check::SingleWebsiteResponsible => {
                let all = cx.website_responsibles();
                if let Some((_, _, first)) = all.first() {
                    for (_, path, p) in all.iter().skip(1) {
                        if !Ctx::same_person(p, first) {
                            hits.push(Hit::at(path.clone()));
                        }
                    }
                }
            }
            Check::ContactFormat => {
                for p in cx.persons() {
                    let c = &p.person.contact;
                    let base = format_args!("{}.contact", p.path);
                    if let Some(m) = &c.mobile
                        && let Err(e) = phone::mobile(m)
                    {
                        hits.push(Hit::at(format!("{base}.mobile")).var_text("detail", problem_text(&e)));
                    }
                    if let Some(m) = &c.emergency_phone
                        && phone::mobile(m).is_err()
                        && let Err(e) = phone::landline(m)
                    {
                        hits.push(Hit::at(format!("{base}.emergency_phone")).var_text("detail", problem_text(&e)));
                    }
                    if let Some(m) = &c.phone
                        && phone::mobile(m).is_err()
                        && let Err(e) = phone::landline(m)
                    {
                        hits.push(Hit::at(format!("{base}.phone")).var_text("detail", problem_text(&e)));
                    }
                    if let Some(m) = &c.email
                        && let Err(e) = email::email(m)
                    {
                        hits.push(Hit::at(format!("{base}.email")).var_text("detail", problem_text(&e)));
                    }
                }
            }
            Check::ContactsDistinct { pairs } => {
                for p in cx.persons() {
                    for [a, b] in pairs {
                        if let (Some(x), Some(y)) = (contact_value(p.person, a), contact_value(p.person, b))
                            && digits(x) == digits(y)
                            && !digits(x).is_empty()
                        {
                            hits.push(Hit::at(format!("{}.contact.{b}", p.path)).var("a", a.clone()).var("b", b.clone()));
                        }
                    }
                }
            }
            Check::ContactsAcrossPersons => {
                let ps = cx.persons();
                for (i, p) in ps.iter().enumerate() {
                    for q in ps.iter().take(i) {
                        if Ctx::same_person(p.person, q.person) {
                            continue;
                        }
                        for key in ["mobile", "email"] {
                            if let (Some(x), Some(y)) = (contact_value(p.person, key), contact_value(q.person, key))
                                && (if key == "email" {
                                    x.eq_ignore_ascii_case(y)
                                } else {
                                    digits(x) == digits(y)
                                })
                            {
                                hits.push(
                                    Hit::at(format!("{}.contact.{key}", p.path))
                                        .var("key", key)
                                        .var("other", q.path.clone()),
                                );
                            }
                        }
                    }
                    // Nobody's emergency phone may be a responsible person's own mobile.
                    if let Some(e) = p.person.contact.emergency_phone.as_deref() {
                        for q in ps.iter() {
                            if Ctx::same_person(p.person, q.person) {
                                continue;
                            }
                            if q.person.contact.mobile.as_deref().is_some_and(|m| digits(m) == digits(e)) {
                                hits.push(
                                    Hit::at(format!("{}.contact.emergency_phone", p.path))
                                        .var("key", "emergency_phone")
                                        .var("other", q.path.clone()),
                                );
                            }
                        }
                    }
                }
            }
            Check::LandlineLocal => {
                let Some(prov) = cx.province else { return hits };
                for p in cx.persons() {
                    if let Some(ph) = &p.person.contact.phone
                        && let Ok(l) = phone::landline(ph)
                        && let Some(lp) = l.province
                        && lp != prov.short
                    {
                        hits.push(
                            Hit::at(format!("{}.contact.phone", p.path))
                                .var_text("found", crate::province::resolve(lp).map(place).unwrap_or_else(|| Text::same(lp)))
                                .var_text("province", place(prov)),
                        );
                    }
                }
            }
            Check::MobileLocal { provinces } => {
                if d.principal.responsible.contact.mobile.is_some() {
                    hits.push(Hit::at("principal.responsible.contact.mobile").var("provinces", provinces.join("、")));
                }
            }
            Check::MaxDomains { max } => {
                if d.domains.len() > *max {
                    hits.push(
                        Hit::at("domain")
                            .var("count", d.domains.len().to_string())
                            .var("limit", max.to_string()),
                    );
                }
            }
            Check::MaxDomainsPerWebsite { max } => {
                for (i, w) in d.websites.iter().enumerate() {
                    if w.domains.len() > *max {
                        hits.push(
                            Hit::at(format!("website.{i}.domains"))
                                .var("count", w.domains.len().to_string())
                                .var("limit", max.to_string()),
                        );
                    }
                }
            }
            Check::MaxWebsites { max } => {
                if d.websites.len() > *max {
                    hits.push(
                        Hit::at("website")
                            .var("count", d.websites.len().to_string())
                            .var("limit", max.to_string()),
                    );
                }
            }
            Check::DomainSyntax => {
                for (i, dm) in d.domains.iter().enumerate() {
                    if let Some(n) = &dm.name
                        && let Err(e) = domain::parse(n)
                    {
                        hits.push(
                            Hit::at(format!("domain.{i}.name"))
                                .var("value", n.clone())
                                .var_text("detail", problem_text(&e)),
                        );
                    }
                }
            }
            Check::DomainRegistrable { allow_under } => {
                for i in 0..d.domains.len() {
                    if let Some(p) = cx.domain(i)
                        && domain::is_subdomain(p)
                        && !department_domain(p, allow_under)
                    {
                        hits.push(
                            Hit::at(format!("domain.{i}.name"))
                                .var("value", p.unicode.clone())
                                .var("registrable", domain::registrable(p)),
                        );
                    }
                }
            }
            Check::DomainSuffixStatus { status } => {
                for i in 0..d.domains.len() {
                    if let Some(p) = cx.domain(i) {
                        let st = domain::suffix_status(p);
                        let m = match st {
                            domain::SuffixStatus::NotApproved => status == "not_approved",
                            domain::SuffixStatus::Unknown => status == "unknown",
                            domain::SuffixStatus::Approved => false,
                        };
                        if m {
                            hits.push(
                                Hit::at(format!("domain.{i}.name"))
                                    .var("suffix", domain::suffix(p))
                                    .var("table_date", domain::suffix_table_date()),
                            );
                        }
                    }
                }
            }
            Check::DomainSuffixIn { allowed, forbidden } => {
                for i in 0..d.domains.len() {
                    if let Some(p) = cx.domain(i) {
                        let bad = (!allowed.is_empty() && !allowed.iter().any(|s| suffix_matches(p, s)))
                            || forbidden.iter().any(|s| suffix_matches(p, s));
                        if bad {
                            hits.push(
                                Hit::at(format!("domain.{i}.name"))
                                    .var("suffix", domain::suffix(p))
                                    .var("allowed", allowed.join(" "))
                                    .var("forbidden", forbidden.join(" ")),
                            );
                        }
                    }
                }
            }
            Check::DomainRealName => {
                for (i, dm) in d.domains.iter().enumerate() {
                    if dm.real_name_verified == Some(false) {
                        hits.push(Hit::at(format!("domain.{i}.real_name_verified")).var("domain", dm.name.clone().unwrap_or_default()));
                    }
                }
            }
            Check::DomainRealNameAge { min_days } => {
                for (i, dm) in d.domains.iter().enumerate() {
                    if let Some(on) = dm.real_name_verified_on {
                        let days = (cx.as_of - on).num_days();
                        if days < *min_days {
                            hits.push(
                                Hit::at(format!("domain.{i}.real_name_verified_on"))
                                    .var("days", days.max(0).to_string())
                                    .var("limit", min_days.to_string()),
                            );
                        }
                    }
                }
            }
            Check::DomainHolderName { allow_legal_rep } => {
                let principal = d.principal.name.as_deref();
                let rep = d
                    .principal
                    .responsible
                    .name
                    .as_deref()
                    .filter(|_| *allow_legal_rep && d.principal.responsible.is_legal_representative == Some(true));
                for (i, dm) in d.domains.iter().enumerate() {
                    if let (Some(h), Some(p)) = (dm.holder.as_deref(), principal) {
                        let norm = |s: &str| s.replace(['(', ')', '（', '）', ' '], "");
                        if norm(h) != norm(p) && rep.is_none_or(|r| norm(r) != norm(h)) {
                            hits.push(Hit::at(format!("domain.{i}.holder")).var("holder", h).var("principal", p));
                        }
                    }
                }
            }
            Check::DomainHolderDocument { allow_legal_rep } => {
                let pdoc = &d.principal.document;
                let rdoc = &d.principal.responsible.document;
                let rep_ok = *allow_legal_rep && d.principal.responsible.is_legal_representative == Some(true);
                for (i, dm) in d.domains.iter().enumerate() {
                    if let (Some(h), Some(p)) = (dm.holder_document_number.as_deref(), pdoc.number.as_deref()) {
                        let matches_rep = rep_ok && rdoc.number.as_deref().is_some_and(|r| r.eq_ignore_ascii_case(h));
                        if !h.eq_ignore_ascii_case(p) && !matches_rep {
                            hits.push(Hit::at(format!("domain.{i}.holder_document_number")));
                            continue;
                        }
                        if !matches_rep
                            && let (Some(ht), Some(pt)) = (dm.holder_document_type, pdoc.doc_type)
                            && ht != pt
                        {
                            hits.push(Hit::at(format!("domain.{i}.holder_document_type")));
                        }
                    }
                }
            }
            Check::DomainExpiry { min_months } => {
                for (i, dm) in d.domains.iter().enumerate() {
                    if let Some(e) = dm.expires_on {
                        let hit = if *min_months == 0 {
                            e < cx.as_of
                        } else {
                            e >= cx.as_of && !cx.at_least_months_left(e, *min_months)
                        };
                        if hit {
                            hits.push(
                                Hit::at(format!("domain.{i}.expires_on"))
                                    .var("date", fmt_date(e))
                                    .var("limit", min_months.to_string()),
                            );
                        }
                    }
                }
            }
            Check::DomainRegisteredBeforeFiling => {
                for (i, dm) in d.domains.iter().enumerate() {
                    if let Some(r) = dm.registered_on
                        && r > cx.as_of
                    {
                        hits.push(
                            Hit::at(format!("domain.{i}.registered_on"))
                                .var("date", fmt_date(r))
                                .var("as_of", fmt_date(cx.as_of)),
                        );
                    }
                }
            }
            Check::DomainOverseasRegistrar { registrars } => {
                for (i, dm) in d.domains.iter().enumerate() {
                    if let Some(r) = &dm.registrar
                        && let Some(hit) = registrars.iter().find(|x| contains_ignore_case(r, x))
                    {
                        hits.push(Hit::at(format!("domain.{i}.registrar")).var("registrar", hit.clone()));
                    }
                }
            }
            Check::DomainUnused => {
                for (i, dm) in d.domains.iter().enumerate() {
                    if let Some(n) = &dm.name {
                        let used = d
                            .websites
                            .iter()
                            .flat_map(|w| &w.domains)
                            .chain(d.apps.iter().flat_map(|a| &a.domains))
                            .any(|x| same_domain(x, n));
                        if !used && (!d.websites.is_empty() || !d.apps.is_empty()) {
                            hits.push(Hit::at(format!("domain.{i}.name")).var("domain", n.clone()));
                        }
                    }
                }
            }
            Check::ServiceDomainsListed => {
                let listed: Vec<&str> = d.domains.iter().filter_map(|x| x.name.as_deref()).collect();
                let mut check = |base: String, names: &[String]| {
                    for (j, n) in names.iter().enumerate() {
                        if !listed.iter().any(|l| same_domain(l, n)) {
                            hits.push(Hit::at(format!("{base}.domains.{j}")).var("domain", n.clone()));
                        }
                    }
                };
                for (i, w) in d.websites.iter().enumerate() {
                    check(format!("website.{i}"), &w.domains);
                }
                for (i, a) in d.apps.iter().enumerate() {
                    check(format!("app.{i}"), &a.domains);
                }
            }
            Check::HomeUrlOnDomain => {
                for (i, w) in d.websites.iter().enumerate() {
                    if let Some(u) = &w.home_url {
                        let host = u.trim().trim_start_matches("http://").trim_start_matches("https://");
                        let host = host.split(['/', ':', '?', '#']).next().unwrap_or("");
                        // The usual case, `www.<domain>` or the domain itself, needs no IDNA.
                        let plain = w.domains.iter().any(|dn| {
                            host.eq_ignore_ascii_case(dn)
                                || (host.len() > dn.len() + 1
                                    && host.is_char_boundary(host.len() - dn.len() - 1)
                                    && host[host.len() - dn.len() - 1..].starts_with('.')
                                    && host[host.len() - dn.len()..].eq_ignore_ascii_case(dn))
                        });
                        let ok = plain
                            || match domain_of(host) {
                                Some(h) => w
                                    .domains
                                    .iter()
                                    .filter_map(|x| domain_of(x))
                                    .any(|dn| h.ascii == dn.ascii || h.ascii.ends_with(&format!(".{}", dn.ascii))),
                                None => false,
                            };
                        if !ok && !w.domains.is_empty() {
                            hits.push(Hit::at(format!("website.{i}.home_url")).var("value", u.clone()));
                        }
                    }
                }
            }
            Check::WebsiteNameMinChars { min } => {
                for (i, w) in d.websites.iter().enumerate() {
                    if let Some(n) = &w.name
                        && name_chars(n) < *min
                    {
                        hits.push(
                            Hit::at(format!("website.{i}.name"))
                                .var("name", n.clone())
                                .var("limit", min.to_string()),
                        );
                    }
                }
            }
            Check::WebsiteNameNotAscii => {
                for (i, w) in d.websites.iter().enumerate() {
                    if let Some(n) = &w.name
                        && n.is_ascii()
                    {
                        hits.push(Hit::at(format!("website.{i}.name")).var("name", n.clone()));
                    }
                }
            }
            Check::WebsiteNameNotDomain => {
                for (i, w) in d.websites.iter().enumerate() {
                    if let Some(n) = &w.name
                        && name_is_domain(n, d)
                    {
                        hits.push(Hit::at(format!("website.{i}.name")).var("name", n.clone()));
                    }
                }
            }
            Check::WebsiteNameIsPrincipal => {
                let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                if let Some(p) = d.principal.name.as_deref().map(squash).filter(|p| !p.is_empty()) {
                    for (i, w) in d.websites.iter().enumerate() {
                        if let Some(n) = &w.name
                            && squash(n) == p
                        {
                            hits.push(Hit::at(format!("website.{i}.name")).var("name", n.clone()));
                        }
                    }
                }
            }
            Check::WebsiteNameSymbols => {
                for (i, w) in d.websites.iter().enumerate() {
                    // A domain or URL as the name is SITE-NAME-DOMAIN's finding; its dots are not
                    // a second mistake.
                    if let Some(n) = &w.name
                        && let Some(c) = n.chars().find(|c| !(c.is_alphanumeric() || *c == ' ' || *c == '·' || *c == '-'))
                        && !name_is_domain(n, d)
                    {
                        hits.push(
                            Hit::at(format!("website.{i}.name"))
                                .var("name", n.clone())
                                .var("symbol", c.to_string()),
                        );
                    }
                }
            }
            Check::WebsiteNameWords {
                words,
                prefix,
                allow_own_name,
            } => {
                let own = d.principal.name.as_deref().filter(|_| *allow_own_name).unwrap_or("");
                for (i, w) in d.websites.iter().enumerate() {
                    if let Some(n) = &w.name
                        && let Some(word) = words.iter().find(|x| {
                            let used = if *prefix {
                                n.starts_with(x.as_str())
                            } else {
                                n.contains(x.as_str())
                            };
                            used && !own.contains(x.as_str())
                        })
                    {
                        hits.push(
                            Hit::at(format!("website.{i}.name"))
                                .var("name", n.clone())
                                .var("word", word.clone()),
                        );
                    }
                }
            }
            Check::NameKeywords { words, unless } => {
                // None = the principal's name, Some(i) = website i's.
                let names =
                    std::iter::once((None, &d.principal.name)).chain(d.websites.iter().enumerate().map(|(i, w)| (Some(i), &w.name)));
                for (at, n) in names {
                    let Some(n) = n else { continue };
                    // The allowed phrases are cut out first (copying only when one occurs).
                    let mut rest = std::borrow::Cow::Borrowed(n.as_str());
                    for u in unless {
                        if rest.contains(u.as_str()) {
                            rest = rest.replace(u.as_str(), "、").into();
                        }
                    }
                    if let Some(word) = words.iter().find(|x| rest.contains(x.as_str())) {
                        let covered = d.websites.iter().any(|w| !w.preapproval.is_empty());
                        if !covered {
                            let field = at.map_or_else(|| "principal.name".to_string(), |i| format!("website.{i}.name"));
                            hits.push(Hit::at(field).var("name", n.as_str()).var("word", word.clone()));
                        }
                    }
                }
            }
            Check::ServiceContentForbidden { values } => {
                for (i, w) in d.websites.iter().enumerate() {
                    for s in has_service(w, values) {
                        let j = w.service_content.iter().position(|x| *x == s).unwrap_or(0);
                        hits.push(Hit::at(format!("website.{i}.service_content.{j}")).var("value", s));
                    }
                }
            }
            Check::ServiceContentOnly { values } => {
                for (i, w) in d.websites.iter().enumerate() {
                    for (j, s) in w.service_content.iter().enumerate() {
                        if !values.contains(s) {
                            hits.push(
                                Hit::at(format!("website.{i}.service_content.{j}"))
                                    .var("value", s.clone())
                                    .var("allowed", values.join(", ")),
                            );
                        }
                    }
                }
            }
            Check::PreapprovalRequired { services } => {
                for (i, w) in d.websites.iter().enumerate() {
                    let need = has_service(w, services);
                    for s in need {
                        let covered = w.preapproval.iter().any(|p| p.kind.as_deref() == Some(s.as_str()));
                        if !covered {
                            let zh = SERVICE_CONTENT.iter().find(|(id, _)| *id == s).map(|(_, z)| *z).unwrap_or("");
                            hits.push(
                                Hit::at(format!("website.{i}.preapproval"))
                                    .var("service", s.clone())
                                    .var("service_zh", zh),
                            );
                        }
                    }
                }
            }
            Check::PreapprovalValid => {
                for (i, w) in d.websites.iter().enumerate() {
                    for (j, p) in w.preapproval.iter().enumerate() {
                        if let Some(Validity::Until(u)) = p.valid_until
                            && u < cx.as_of
                        {
                            hits.push(Hit::at(format!("website.{i}.preapproval.{j}.valid_until")).var("date", fmt_date(u)));
                        }
                    }
                }
            }
            Check::RemarkMinChars { min } => {
                for (i, w) in d.websites.iter().enumerate() {
                    let n = w.remark.as_deref().map(name_chars).unwrap_or(0);
                    if n < *min {
                        hits.push(
                            Hit::at(format!("website.{i}.remark"))
                                .var("count", n.to_string())
                                .var("limit", min.to_string()),
                        );
                    }
                }
            }
            Check::IndividualAddress => {
                if cx.is_individual()
                    && let (Some(a), Some(b)) = (&d.principal.address, &d.principal.responsible.document.address)
                    && a.replace(' ', "") != b.replace(' ', "")
                {
                    hits.push(Hit::at("principal.address"));
                }
            }
            Check::AddressDetail { fields, markers } => {
                let Some(root) = d.root.as_ref() else { return hits };
                for f in fields {
                    let parts: Vec<&str> = f.split('.').collect();
                    for (path, node) in get_path(root, &parts) {
                        if let Some(Node { val: Val::Str(a), .. }) = node
                            && !a.trim().is_empty()
                            && !markers.iter().any(|m| a.contains(m.as_str()))
                        {
                            hits.push(Hit::at(path).var("value", a.clone()));
                        }
                    }
                }
            }
            Check::AppFields => {
                for (i, a) in d.apps.iter().enumerate() {
                    if let Some(p) = &a.package_name {
                        let ok = p.split('.').count() >= 2
                            && p.split('.').all(|s| {
                                !s.is_empty()
                                    && s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                                    && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                            });
                        if !ok {
                            hits.push(
                                Hit::at(format!("app.{i}.package_name"))
                                    .var("value", p.clone())
                                    .var("expected", "com.example.app"),
                            );
                        }
                    }
                    for (key, len, val) in [("signing_md5", 32, &a.signing_md5), ("signing_sha1", 40, &a.signing_sha1)] {
                        if let Some(v) = val {
                            let hex: String = v.chars().filter(|c| *c != ':').collect();
                            if hex.len() != len || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                                hits.push(
                                    Hit::at(format!("app.{i}.{key}"))
                                        .var("value", v.clone())
                                        .var("expected", format!("{len} hex digits")),
                                );
                            }
                        }
                    }
                }
            }
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
