//! Rules are data: `tables/national.toml` and one table per province under
//! `tables/provinces/`, embedded in the binary. Rust implements the check kinds (`checks/`)
//! and the checklist conditions (`materials.rs`); the tables choose and parametrise them.

pub mod checks;
pub mod context;
pub mod engine;
pub mod materials;
pub mod registry;
pub mod words;

use crate::diag::{Severity, Text};
use crate::draft::{ChangeArea, FilingType, PrincipalKind};
use serde::Deserialize;

pub use checks::Check;
pub use materials::{Condition, Material};
pub use registry::{RuleSet, material_keys, rules};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Evidence {
    /// A current official or provider page, corroborated.
    Solid,
    /// Current cross-province matrices or one provider page.
    Medium,
    /// Old or third-party sources only.
    Thin,
    /// Sources disagree; the rule is a warning that names them.
    Conflict,
}

/// Who a rule applies to, beyond the province its table belongs to.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct When {
    /// Principal kinds (ids of the draft format); empty = all.
    #[serde(default)]
    pub kinds: Vec<String>,
    #[serde(default)]
    pub not_kinds: Vec<String>,
    /// Filing types (ids of the draft format), mandatory and never empty: every rule and
    /// material says on purpose which orders it concerns. `"all"` is accepted only for builtin
    /// rules (reading the draft), which apply whatever the order is.
    #[serde(default)]
    pub filing_types: Vec<String>,
    #[serde(default)]
    pub providers: Vec<String>,
    /// The principal's name contains one of these (e.g. 商贸 for trading companies).
    #[serde(default)]
    pub name_keywords: Vec<String>,
    /// For a change order that says what it changes (`account.changes`): applies only when
    /// one of these parts is changed. Other orders, and a change that does not say, are
    /// checked whole.
    #[serde(default)]
    pub changes: Vec<String>,
    /// Only for a change order that says what it changes, and none of these parts: what is
    /// still needed when the part itself is not resubmitted (its identity).
    #[serde(default)]
    pub unchanged: Vec<String>,
}

impl When {
    /// The filing types it declares; an error names what is wrong (none declared, an unknown
    /// id, `all` outside a builtin rule).
    pub fn types(&self, builtin: bool) -> Result<Vec<FilingType>, String> {
        if self.filing_types.is_empty() {
            return Err("when.filing_types is missing: list the filing types it applies to".into());
        }
        let mut out = Vec::new();
        for t in &self.filing_types {
            if t == "all" {
                if !builtin {
                    return Err("when.filing_types = [\"all\"] is only for builtin rules: list the types".into());
                }
                out.extend_from_slice(FilingType::ALL);
                continue;
            }
            match FilingType::ALL.iter().find(|f| f.id() == t) {
                Some(f) => out.push(*f),
                None => return Err(format!("when.filing_types: unknown type {t} (known: {})", FilingType::known())),
            }
        }
        Ok(out)
    }

    /// Declares this filing type (the registry has already checked the list).
    pub fn has_type(&self, t: FilingType) -> bool {
        self.filing_types.iter().any(|x| x == "all" || x == t.id())
    }

    /// The `changes` and `unchanged` ids are parts of a change (`ChangeArea`).
    pub fn check_changes(&self) -> Result<(), String> {
        for c in self.changes.iter().chain(&self.unchanged) {
            if ChangeArea::ALL.iter().all(|a| a.id() != c) {
                return Err(format!("when.changes: unknown part {c} (known: {})", ChangeArea::known()));
            }
        }
        Ok(())
    }

    /// Whether the parts a change order changes bring this rule in.
    pub fn fits_changes(&self, t: FilingType, declared: &[ChangeArea]) -> bool {
        if self.changes.is_empty() && self.unchanged.is_empty() {
            return true;
        }
        let scoped = t == FilingType::Change && !declared.is_empty();
        let among = |list: &[String]| declared.iter().any(|a| list.iter().any(|c| c == a.id()));
        if !self.unchanged.is_empty() && (!scoped || among(&self.unchanged)) {
            return false;
        }
        self.changes.is_empty() || !scoped || among(&self.changes)
    }

    /// Everything but the filing type, which the registry's per-type lists settle once.
    pub fn matches(&self, kind: Option<PrincipalKind>, provider: Option<&str>, name: Option<&str>) -> bool {
        self.kind_matches(kind) && self.rest_matches(provider, name)
    }

    /// The principal-kind conditions (`kinds`, `not_kinds`) alone.
    pub fn kind_matches(&self, kind: Option<PrincipalKind>) -> bool {
        (self.kinds.is_empty() || kind.is_some_and(|k| self.kinds.iter().any(|x| x == k.id())))
            && !(kind.is_some_and(|k| self.not_kinds.iter().any(|x| x == k.id())))
    }

    /// Has conditions beyond the principal kind and the filing type (provider, name, the
    /// parts a change order changes).
    pub fn has_rest(&self) -> bool {
        !self.providers.is_empty() || !self.name_keywords.is_empty() || !self.changes.is_empty() || !self.unchanged.is_empty()
    }

    /// The provider and name conditions alone.
    pub fn rest_matches(&self, provider: Option<&str>, name: Option<&str>) -> bool {
        (self.providers.is_empty() || provider.is_some_and(|p| self.providers.iter().any(|x| x == p)))
            && (self.name_keywords.is_empty() || name.is_some_and(|n| words::first_in(n, &self.name_keywords).is_some()))
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub code: String,
    pub severity: Severity,
    #[serde(default)]
    pub when: When,
    pub check: Check,
    pub title: Text,
    pub message: Text,
    pub fix: Text,
    /// Why the rule exists: shown by `rules explain`.
    pub why: Text,
    pub source: String,
    /// Further sources, e.g. the other side of a conflict.
    #[serde(default)]
    pub also: Vec<String>,
    pub evidence: Evidence,
    /// Date the source itself carries (YYYY-MM-DD, YYYY-MM or YYYY).
    pub source_date: String,
    /// Filled in by the registry: the province table this rule came from.
    #[serde(skip)]
    pub province: Option<u8>,
}

/// One table file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub table: TableMeta,
    #[serde(default)]
    pub rule: Vec<Rule>,
    #[serde(default)]
    pub material: Vec<Material>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableMeta {
    /// Province short name for province tables; absent for the national table.
    #[serde(default)]
    pub province: Option<String>,
    /// The day the table was last checked against its sources.
    pub last_verified: String,
    #[serde(default)]
    pub notes: Option<String>,
    /// National rule codes this province replaces with its own (e.g. a stricter age rule).
    #[serde(default)]
    pub disable: Vec<String>,
}
