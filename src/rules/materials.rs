//! The checklist: materials a filing needs, chosen by the same tables as the rules.

use super::When;
use super::context::Ctx;
use crate::diag::{Lang, Text};
use crate::draft::*;
use crate::validators::resident_id;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    #[default]
    Always,
    /// Some website's or APP's responsible person is not the legal representative.
    WebsiteResponsibleNotLegalRep,
    PrincipalResponsibleNotLegalRep,
    /// The legal representative holds a foreign / HK / Macau / Taiwan document.
    ForeignLegalRep,
    /// A person files on a resident ID from another province.
    OutOfProvince,
    /// A person's ID has less than `months` of validity left.
    DocumentExpiringSoon {
        months: u32,
    },
    /// A website or an APP offers one of these service contents.
    Services {
        values: Vec<String>,
    },
    /// No website or APP offers any of these (a "not involved" pledge).
    NoServices {
        values: Vec<String>,
    },
    DomainsMoreThan {
        n: usize,
    },
    WebsitesMoreThan {
        n: usize,
    },
    /// A responsible person is under this age.
    UnderAge {
        age: u32,
    },
    /// The principal's or a website's name contains one of these words.
    NameKeywords {
        words: Vec<String>,
    },
    /// A person uses one of these document types.
    DocumentTypes {
        types: Vec<String>,
    },
    /// The filing has an APP.
    HasApp,
    /// Some website's responsible person is not the principal's responsible person.
    WebsiteResponsibleDistinct,
    /// A principal cancellation that lists no website or APP: an empty shell (空壳主体), which
    /// no provider can cancel.
    EmptyShell,
    /// Some APP's responsible person is not the principal's responsible person.
    AppResponsibleDistinct,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Material {
    /// Key under `[materials]` that says the file is on hand.
    pub key: String,
    pub name: Text,
    pub why: Text,
    /// Who signs or stamps it.
    #[serde(default)]
    pub signer: Option<Text>,
    #[serde(default)]
    pub when: When,
    #[serde(default)]
    pub condition: Condition,
    /// Step of the filing it belongs to: principal, responsible, domain, website, app, pledge.
    pub step: String,
    /// Filled-in letter template that produces it, if any: only where no bureau or provider
    /// issues a fixed form (see `official_form`).
    #[serde(default)]
    pub template: Option<String>,
    /// A fixed form that a bureau or provider issues and that must be used unchanged: the
    /// bundle writes a fill-in sheet (where to get it, what goes in each blank) instead of a
    /// letter of its own.
    #[serde(default)]
    pub official_form: Option<OfficialForm>,
    /// Who signs or seals it, as roles resolved for each draft (the checklist and report.html
    /// then name the people); empty: the generic `signer` text is shown.
    #[serde(default)]
    pub signs: Vec<SignRole>,
    /// Materials this one makes unnecessary when both apply (one letter per purpose).
    #[serde(default)]
    pub replaces: Vec<String>,
    /// A province entry that takes the national entry of the same key off the checklist when
    /// its `when` and `condition` hold (the bureau does not ask for it there).
    #[serde(default)]
    pub omit: bool,
    pub source: String,
    /// Its texts as JSON string literals, escaped once for every report that lists it.
    #[serde(skip)]
    json: std::sync::OnceLock<MaterialJson>,
}

/// A fixed form: where to get it and what to write in it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficialForm {
    /// Where to get the form (provider console, download page, bureau).
    #[serde(rename = "where")]
    pub where_: Text,
    /// The page that links the form, when there is a public one.
    #[serde(default)]
    pub url: Option<String>,
    /// Extra instructions (ink, validity, seal).
    #[serde(default)]
    pub note: Option<Text>,
    /// The form's blanks in its order.
    #[serde(default, rename = "blank")]
    pub blanks: Vec<Blank>,
}

/// One blank of an official form.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Blank {
    /// The blank as the form labels it.
    pub label: Text,
    /// Where its value comes from: a path into the bundle's values (`principal.name`,
    /// `signer.document.number`, `websites.*.domains`); absent for a signature or a seal.
    #[serde(default)]
    pub value: Option<String>,
    /// Written by hand (signature, fingerprint, or a value the form wants handwritten).
    #[serde(default)]
    pub by_hand: bool,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A role that signs or seals a material; the bundle resolves it to the people of a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignRole {
    /// The legal representative; an individual signs for themself, a sole trader's
    /// operator (经营者) signs for the business.
    LegalRep,
    /// The unit's official seal (none for an individual; a sole trader's if it has one).
    Seal,
    /// A fingerprint (individuals, and sole traders without a seal).
    Fingerprint,
    /// The principal's responsible person.
    Responsible,
    /// Each website's responsible person.
    WebsiteResponsible,
    /// The supervising body (主管单位) of a government or public institution.
    Supervisor,
}

/// A material's fixed texts, already escaped for JSON ([zh, en] where there are two).
#[derive(Debug, Clone)]
pub struct MaterialJson {
    pub key: Box<RawValue>,
    pub step: Box<RawValue>,
    pub name: [Box<RawValue>; 2],
    pub why: [Box<RawValue>; 2],
    pub signer: Option<[Box<RawValue>; 2]>,
}

fn literal(s: &str) -> Box<RawValue> {
    let text = serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    RawValue::from_string(text).unwrap_or_else(|_| RawValue::from_string("\"\"".into()).expect("a JSON string"))
}

impl Material {
    pub fn json(&self) -> &MaterialJson {
        self.json.get_or_init(|| {
            let both = |t: &Text| [literal(&t.zh), literal(&t.en)];
            MaterialJson {
                key: literal(&self.key),
                step: literal(&self.step),
                name: both(&self.name),
                why: both(&self.why),
                signer: self.signer.as_ref().map(both),
            }
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Have,
    Missing,
}

#[derive(Debug, Clone)]
pub struct ChecklistItem {
    /// The table entry: key, name, reason, signer, step, letter template and source.
    pub def: &'static Material,
    pub status: Status,
    /// The file named in `[materials]`, when there is one.
    pub file: Option<String>,
}

impl ChecklistItem {
    pub fn key(&self) -> &'static str {
        &self.def.key
    }
    pub fn material(&self) -> &'static Text {
        &self.def.name
    }
    pub fn why(&self) -> &'static Text {
        &self.def.why
    }
    pub fn signer(&self) -> Option<&'static Text> {
        self.def.signer.as_ref()
    }
    pub fn step(&self) -> &'static str {
        &self.def.step
    }
    pub fn template(&self) -> Option<&'static str> {
        self.def.template.as_deref()
    }
    pub fn official_form(&self) -> Option<&'static OfficialForm> {
        self.def.official_form.as_ref()
    }
    pub fn source(&self) -> &'static str {
        &self.def.source
    }
    pub fn name(&self, lang: Lang) -> &'static str {
        self.material().get(lang)
    }
}

impl Condition {
    pub fn holds(&self, cx: &Ctx) -> bool {
        let d = cx.draft;
        match self {
            Condition::Always => true,
            Condition::WebsiteResponsibleNotLegalRep => {
                !cx.is_individual() && cx.service_responsibles().iter().any(|(_, p)| cx.is_legal_rep(p) == Some(false))
            }
            Condition::PrincipalResponsibleNotLegalRep => {
                !cx.is_individual() && d.principal.responsible.is_legal_representative == Some(false)
            }
            Condition::ForeignLegalRep => {
                let r = &d.principal.responsible;
                let rep_abroad = d
                    .principal
                    .legal_representative
                    .as_ref()
                    .and_then(|l| l.document.doc_type)
                    .is_some_and(|t| t.is_non_mainland());
                !cx.is_individual()
                    && ((r.is_legal_representative != Some(false) && r.document.doc_type.is_some_and(|t| t.is_non_mainland()))
                        || (r.is_legal_representative == Some(false) && rep_abroad))
            }
            Condition::OutOfProvince => {
                let Some(p) = cx.province else { return false };
                cx.persons().iter().any(|r| {
                    r.person.document.doc_type == Some(DocType::ResidentId)
                        && r.person
                            .document
                            .number
                            .as_deref()
                            .and_then(|n| resident_id::parse(n).ok())
                            .is_some_and(|id| id.province != p.code)
                })
            }
            Condition::DocumentExpiringSoon { months } => cx.documents().iter().any(
                |(_, doc)| matches!(doc.valid_until, Some(Validity::Until(u)) if u >= cx.as_of && !cx.at_least_months_left(u, *months)),
            ),
            Condition::Services { values } => {
                let sites = d.websites.iter().map(|w| &w.service_content);
                sites
                    .chain(d.apps.iter().map(|a| &a.service_content))
                    .any(|c| c.iter().any(|s| values.contains(s)))
            }
            Condition::NoServices { values } => {
                let sites = d.websites.iter().map(|w| &w.service_content);
                (!d.websites.is_empty() || !d.apps.is_empty())
                    && !sites
                        .chain(d.apps.iter().map(|a| &a.service_content))
                        .any(|c| c.iter().any(|s| values.contains(s)))
            }
            Condition::DomainsMoreThan { n } => cx.domains_in_scope().count() > *n,
            Condition::WebsitesMoreThan { n } => cx.websites_in_scope().count() > *n,
            Condition::UnderAge { age } => cx.persons().iter().any(|r| {
                r.person
                    .document
                    .number
                    .as_deref()
                    .and_then(|n| resident_id::parse(n).ok())
                    .is_some_and(|id| resident_id::age_on(id.birth, cx.as_of) < *age)
            }),
            Condition::NameKeywords { words } => {
                let names = d.principal.name.iter().chain(d.websites.iter().filter_map(|w| w.name.as_ref()));
                names.into_iter().any(|n| super::words::first_in(n, words).is_some())
            }
            Condition::DocumentTypes { types } => cx
                .persons()
                .iter()
                .any(|r| r.person.document.doc_type.is_some_and(|t| types.iter().any(|x| x == t.id()))),
            Condition::HasApp => !d.apps.is_empty(),
            Condition::EmptyShell => d.account.cancel_scope == Some(CancelScope::Principal) && d.websites.is_empty() && d.apps.is_empty(),
            Condition::AppResponsibleDistinct => d.apps.iter().any(|a| match &a.responsible {
                Some(Responsible::Person(p)) => !Ctx::same_person(p, &d.principal.responsible),
                _ => false,
            }),
            Condition::WebsiteResponsibleDistinct => cx
                .website_responsibles()
                .iter()
                .any(|(_, _, p)| !Ctx::same_person(p, &d.principal.responsible)),
        }
    }
}

/// Where a `[materials]` file is: paths are relative to the draft's folder. The checklist's
/// `have`, the rules that accept a material (a renewal receipt, a work certificate) and the
/// bundle's file checks all resolve it here, so they cannot disagree.
pub fn material_path(base: Option<&Path>, file: &str) -> PathBuf {
    match base {
        Some(b) => b.join(file),
        None => PathBuf::from(file),
    }
}

/// The checklist for a draft from the materials whose `when` it meets
/// ([`super::RuleSet::applicable_materials`]); `base` is the draft's folder, against which
/// `[materials]` paths are resolved.
pub fn checklist(cx: &Ctx, materials: impl Iterator<Item = &'static Material>, base: Option<&Path>) -> Vec<ChecklistItem> {
    let d = cx.draft;
    let mut out: Vec<ChecklistItem> = Vec::new();
    for m in materials {
        if !m.condition.holds(cx) {
            continue;
        }
        // A province entry with the same key replaces the national one (e.g. its own pledge).
        if let Some(i) = out.iter().position(|x| x.def.key == m.key) {
            out.remove(i);
        }
        if m.omit {
            continue;
        }
        // One letter per purpose: a material that makes another unnecessary removes it.
        if out.iter().any(|x| x.def.replaces.contains(&m.key)) {
            continue;
        }
        out.retain(|x| !m.replaces.contains(&x.def.key));
        let file = d.materials.iter().find(|(k, _)| *k == m.key).map(|(_, v)| v.clone());
        let exists = file.as_deref().is_some_and(|f| material_path(base, f).is_file());
        out.push(ChecklistItem {
            def: m,
            status: if exists { Status::Have } else { Status::Missing },
            file,
        });
    }
    out
}
