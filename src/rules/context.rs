//! What every check needs to know about a draft: the as-of date, the filing province, and the
//! people and documents in it with their dotted paths.

use crate::draft::*;
use crate::province::Province;
use crate::validators::Problem;
use crate::validators::domain::DomainName;
use chrono::{Months, NaiveDate};
use serde::Deserialize;
use std::cell::OnceCell;
use std::collections::HashSet;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    PrincipalResponsible,
    WebsiteResponsible,
    AppResponsible,
}

pub struct PersonRef<'a> {
    pub role: Role,
    /// e.g. `principal.responsible`, `website.1.responsible`.
    pub path: String,
    pub person: &'a Person,
}

pub struct Ctx<'a> {
    pub draft: &'a Draft,
    pub as_of: NaiveDate,
    pub province: Option<&'static Province>,
    /// The declared filing type, else the one the draft's facts say (`draft::filing::effective`).
    pub filing_type: FilingType,
    /// The draft's folder: `[materials]` paths are relative to it.
    pub base: Option<&'a Path>,
    // Worked out once per draft, not once per rule: a draft meets a hundred-odd rules.
    persons: OnceCell<Vec<PersonRef<'a>>>,
    documents: OnceCell<Vec<(String, &'a Document)>>,
    website_responsibles: OnceCell<Vec<(usize, String, &'a Person)>>,
    service_responsibles: OnceCell<Vec<(String, &'a Person)>>,
    domains: OnceCell<Vec<Option<Result<DomainName, Problem>>>>,
    /// For a new_service: which `[[domain]]`s are being added (see `domain_in_scope`).
    domain_scope: OnceCell<Vec<bool>>,
    /// `[[domain]]` names and the names websites and APPs list, as [`domain_key`]s.
    domain_keys: OnceCell<HashSet<String>>,
    used_domain_keys: OnceCell<HashSet<String>>,
}

/// Pairs of names compared one by one below this; above it, each name is keyed once and
/// looked up in a set, so 8,000 listed domains cost 8,000 parses, not 64 million.
const PAIRWISE_LIMIT: usize = 64;

/// The form two spellings of one domain share: its ASCII (IDNA) form, else the trimmed text
/// in lower case. Two names have equal keys exactly when `same_domain` says they match.
pub fn domain_key(s: &str) -> String {
    match crate::validators::domain::parse(s) {
        Ok(d) => d.ascii,
        Err(_) => s.trim().to_ascii_lowercase(),
    }
}

impl<'a> Ctx<'a> {
    pub fn new(draft: &'a Draft, as_of: NaiveDate) -> Self {
        Ctx {
            draft,
            as_of,
            province: draft.principal.province,
            filing_type: crate::draft::filing::effective(draft),
            base: None,
            persons: OnceCell::new(),
            documents: OnceCell::new(),
            website_responsibles: OnceCell::new(),
            service_responsibles: OnceCell::new(),
            domains: OnceCell::new(),
            domain_scope: OnceCell::new(),
            domain_keys: OnceCell::new(),
            used_domain_keys: OnceCell::new(),
        }
    }

    /// `n` names one of the draft's `[[domain]]`s (`same` decides for small drafts).
    pub fn is_draft_domain(&self, n: &str, same: fn(&str, &str) -> bool) -> bool {
        let names = self.draft.domains.iter().filter_map(|x| x.name.as_deref());
        if self.draft.domains.len() <= PAIRWISE_LIMIT {
            return names.into_iter().any(|l| same(l, n));
        }
        self.domain_keys
            .get_or_init(|| {
                (0..self.draft.domains.len())
                    .filter_map(|i| {
                        let name = self.draft.domains[i].name.as_deref()?;
                        Some(
                            self.domain(i)
                                .map(|d| d.ascii.clone())
                                .unwrap_or_else(|| name.trim().to_ascii_lowercase()),
                        )
                    })
                    .collect()
            })
            .contains(&domain_key(n))
    }

    /// `n` is listed by some website or APP.
    pub fn is_used_domain(&self, n: &str, same: fn(&str, &str) -> bool) -> bool {
        let d = self.draft;
        let mut listed = d
            .websites
            .iter()
            .flat_map(|w| &w.domains)
            .chain(d.apps.iter().flat_map(|a| &a.domains));
        let count = d.websites.iter().map(|w| w.domains.len()).sum::<usize>() + d.apps.iter().map(|a| a.domains.len()).sum::<usize>();
        if count <= PAIRWISE_LIMIT {
            return listed.any(|x| same(x, n));
        }
        self.used_domain_keys
            .get_or_init(|| listed.map(|x| domain_key(x)).collect())
            .contains(&domain_key(n))
    }

    /// Resolve `[materials]` paths against the draft's folder.
    pub fn with_base(mut self, base: Option<&'a Path>) -> Self {
        self.base = base;
        self
    }

    /// The material is on hand: `[materials]` names it and the file exists, the same test as
    /// the checklist's `have` (a key alone, with no file behind it, is not a receipt).
    pub fn has_material(&self, key: &str) -> bool {
        self.draft
            .materials
            .iter()
            .any(|(k, f)| k == key && super::materials::material_path(self.base, f).is_file())
    }

    pub fn kind(&self) -> Option<PrincipalKind> {
        self.draft.principal.kind
    }

    pub fn is_individual(&self) -> bool {
        self.kind() == Some(PrincipalKind::Individual)
    }

    /// Every distinct person: the principal's responsible person, then each website's and
    /// app's own (a `"principal"` reference is the same person and is not repeated).
    pub fn persons(&self) -> &[PersonRef<'a>] {
        self.persons.get_or_init(|| {
            let d = self.draft;
            let mut out = vec![PersonRef {
                role: Role::PrincipalResponsible,
                path: "principal.responsible".into(),
                person: &d.principal.responsible,
            }];
            for (i, w) in d.websites.iter().enumerate() {
                if let Some(Responsible::Person(p)) = &w.responsible {
                    out.push(PersonRef {
                        role: Role::WebsiteResponsible,
                        path: format!("website.{i}.responsible"),
                        person: p,
                    });
                }
            }
            for (i, a) in d.apps.iter().enumerate() {
                if let Some(Responsible::Person(p)) = &a.responsible {
                    out.push(PersonRef {
                        role: Role::AppResponsible,
                        path: format!("app.{i}.responsible"),
                        person: p,
                    });
                }
            }
            out
        })
    }

    /// The persons in these roles. A website's (or app's) responsible person given as
    /// `"principal"` is the principal's responsible person, who then also counts as a website
    /// (app) responsible person, reported at `principal.responsible`.
    pub fn persons_in<'s>(&'s self, who: &'s [Role]) -> impl Iterator<Item = &'s PersonRef<'a>> {
        let d = self.draft;
        let refers = |role: Role| {
            who.contains(&role)
                && match role {
                    Role::WebsiteResponsible => d.websites.iter().any(|w| matches!(w.responsible, Some(Responsible::Principal))),
                    Role::AppResponsible => d.apps.iter().any(|a| matches!(a.responsible, Some(Responsible::Principal))),
                    Role::PrincipalResponsible => false,
                }
        };
        let principal_serves = refers(Role::WebsiteResponsible) || refers(Role::AppResponsible);
        self.persons()
            .iter()
            .filter(move |p| who.is_empty() || who.contains(&p.role) || (principal_serves && p.role == Role::PrincipalResponsible))
    }

    /// The responsible person of each website (resolving `"principal"`), with its path.
    pub fn website_responsibles(&self) -> &[(usize, String, &'a Person)] {
        let d = self.draft;
        self.website_responsibles.get_or_init(|| {
            d.websites
                .iter()
                .enumerate()
                .filter_map(|(i, w)| match &w.responsible {
                    Some(Responsible::Principal) => Some((i, format!("website.{i}.responsible"), &d.principal.responsible)),
                    Some(Responsible::Person(p)) => Some((i, format!("website.{i}.responsible"), &**p)),
                    None => None,
                })
                .collect()
        })
    }

    /// The responsible person of each website and then each APP (resolving `"principal"`),
    /// with its path: an APP's responsible person is an internet information service's
    /// responsible person (互联网信息服务负责人) exactly as a website's is.
    pub fn service_responsibles(&self) -> &[(String, &'a Person)] {
        let d = self.draft;
        self.service_responsibles.get_or_init(|| {
            let resolve = |r: &'a Option<Responsible>| match r {
                Some(Responsible::Principal) => Some(&d.principal.responsible),
                Some(Responsible::Person(p)) => Some(&**p),
                None => None,
            };
            let sites = d
                .websites
                .iter()
                .enumerate()
                .map(|(i, w)| (format!("website.{i}.responsible"), &w.responsible));
            let apps = d
                .apps
                .iter()
                .enumerate()
                .map(|(i, a)| (format!("app.{i}.responsible"), &a.responsible));
            sites.chain(apps).filter_map(|(path, r)| resolve(r).map(|p| (path, p))).collect()
        })
    }

    /// Every document with its path: the principal's certificate, then each person's ID.
    pub fn documents(&self) -> &[(String, &'a Document)] {
        self.documents.get_or_init(|| {
            let mut out = Vec::new();
            let d = self.draft;
            // An individual's principal document is the person's own ID: check it once.
            // (When the two copies differ, e.g. only one has the new expiry date, both are checked.)
            let individual_same = self.is_individual() && d.principal.document == d.principal.responsible.document;
            if d.principal.document.number.is_some() || d.principal.document.doc_type.is_some() {
                out.push(("principal.document".to_string(), &d.principal.document));
            }
            for p in self.persons() {
                if p.role == Role::PrincipalResponsible && individual_same {
                    continue;
                }
                out.push((format!("{}.document", p.path), &p.person.document));
            }
            out
        })
    }

    /// Each `[[domain]]`'s name parsed (IDNA and all), by index; `None` where it is missing or
    /// malformed.
    pub fn domain(&self, i: usize) -> Option<&DomainName> {
        self.parsed_domain(i)?.as_ref().ok()
    }

    /// Domain `i`'s name parsed, or why it does not parse; `None` where the name is missing.
    /// Parsed once per draft for every check that needs it.
    pub fn parsed_domain(&self, i: usize) -> Option<&Result<DomainName, Problem>> {
        self.domains
            .get_or_init(|| {
                self.draft
                    .domains
                    .iter()
                    .map(|d| d.name.as_deref().map(crate::validators::domain::parse))
                    .collect()
            })
            .get(i)?
            .as_ref()
    }

    /// Domain `i` is submitted in this order. A new_service submits only what it adds: domains
    /// used only by websites and APPs that already have a number are context, not checked
    /// again (every other type submits all it lists).
    pub fn domain_in_scope(&self, i: usize) -> bool {
        if self.filing_type != FilingType::NewService {
            return true;
        }
        let d = self.draft;
        self.domain_scope
            .get_or_init(|| {
                d.domains
                    .iter()
                    .map(|dm| {
                        dm.name
                            .as_deref()
                            .is_none_or(|n| crate::draft::filing::domain_in_scope(d, self.filing_type, n))
                    })
                    .collect()
            })
            .get(i)
            .copied()
            .unwrap_or(true)
    }
    /// Website `i` is submitted in this order (in a new_service, a filed one is only context).
    pub fn website_in_scope(&self, i: usize) -> bool {
        self.filing_type != FilingType::NewService || self.draft.websites.get(i).is_none_or(|w| w.filing_number.is_none())
    }
    pub fn app_in_scope(&self, i: usize) -> bool {
        self.filing_type != FilingType::NewService || self.draft.apps.get(i).is_none_or(|a| a.filing_number.is_none())
    }
    pub fn domains_in_scope(&self) -> impl Iterator<Item = (usize, &'a Domain)> + '_ {
        self.draft.domains.iter().enumerate().filter(|(i, _)| self.domain_in_scope(*i))
    }
    pub fn websites_in_scope(&self) -> impl Iterator<Item = (usize, &'a Website)> + '_ {
        self.draft.websites.iter().enumerate().filter(|(i, _)| self.website_in_scope(*i))
    }
    pub fn apps_in_scope(&self) -> impl Iterator<Item = (usize, &'a App)> + '_ {
        self.draft.apps.iter().enumerate().filter(|(i, _)| self.app_in_scope(*i))
    }

    /// Months between the as-of day and `date` are at least `months`.
    pub fn at_least_months_left(&self, date: NaiveDate, months: u32) -> bool {
        match self.as_of.checked_add_months(Months::new(months)) {
            Some(limit) => date >= limit,
            None => true,
        }
    }

    pub fn same_person(a: &Person, b: &Person) -> bool {
        match (&a.document.number, &b.document.number) {
            (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
            _ => std::ptr::eq(a, b),
        }
    }

    /// Is this person the principal's legal representative? `None` when the draft does not say.
    pub fn is_legal_rep(&self, p: &Person) -> Option<bool> {
        if let Some(v) = p.is_legal_representative {
            return Some(v);
        }
        let pr = &self.draft.principal.responsible;
        if Self::same_person(p, pr) {
            pr.is_legal_representative
        } else {
            None
        }
    }
}
