//! Rules are data: `tables/national.toml` and one table per province under
//! `tables/provinces/`, embedded in the binary. Rust implements the check kinds (`checks.rs`)
//! and the checklist conditions (`materials.rs`); the tables choose and parametrise them.

pub mod checks;
pub mod context;
pub mod engine;
pub mod materials;
pub mod registry;

use crate::diag::{Severity, Text};
use crate::draft::{FilingType, PrincipalKind};
use serde::Deserialize;

pub use checks::Check;
pub use materials::{Condition, Material};
pub use registry::{RuleSet, rules};

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
    /// Filing types; empty = all.
    #[serde(default)]
    pub filing_types: Vec<String>,
    #[serde(default)]
    pub providers: Vec<String>,
    /// The principal's name contains one of these (e.g. 商贸 for trading companies).
    #[serde(default)]
    pub name_keywords: Vec<String>,
    #[serde(skip)]
    bits: std::sync::OnceLock<WhenBits>,
}

/// A `When`'s kind and filing-type lists as bit sets (bit = variant index), built on first
/// use: every draft meets every rule's `When`.
#[derive(Debug, Clone, Copy)]
struct WhenBits {
    kinds: u32,
    not_kinds: u32,
    filing_types: u32,
}

fn bits<T: Copy>(all: &[T], id: fn(T) -> &'static str, list: &[String]) -> u32 {
    all.iter()
        .enumerate()
        .filter(|(_, v)| list.iter().any(|x| x == id(**v)))
        .fold(0, |m, (i, _)| m | 1 << i)
}

impl When {
    fn bits(&self) -> WhenBits {
        *self.bits.get_or_init(|| WhenBits {
            kinds: bits(PrincipalKind::ALL, PrincipalKind::id, &self.kinds),
            not_kinds: bits(PrincipalKind::ALL, PrincipalKind::id, &self.not_kinds),
            filing_types: bits(FilingType::ALL, FilingType::id, &self.filing_types),
        })
    }

    pub fn matches(&self, kind: Option<PrincipalKind>, filing: Option<FilingType>, provider: Option<&str>, name: Option<&str>) -> bool {
        let b = self.bits();
        // An empty list means any; a listed id that is no variant matches nothing.
        let kind_bit = kind.map_or(0, |k| 1u32 << k as u32);
        let filing_bit = filing.map_or(0, |f| 1u32 << f as u32);
        (self.kinds.is_empty() || b.kinds & kind_bit != 0)
            && b.not_kinds & kind_bit == 0
            && (self.filing_types.is_empty() || b.filing_types & filing_bit != 0)
            && (self.providers.is_empty() || provider.is_some_and(|p| self.providers.iter().any(|x| x == p)))
            && (self.name_keywords.is_empty() || name.is_some_and(|n| self.name_keywords.iter().any(|w| n.contains(w.as_str()))))
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
