//! The check kinds as the rule tables name them (`check = { kind = "…", … }`) and their
//! parameters; `mod.rs` sends each to the file of its group.

use super::*;

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
