//! One reporter per `--format`. Reporters write to stdout only; the exit code never depends on
//! the format.

pub mod csv;
pub mod github;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod table;

use crate::diag::{Finding, Severity};
use crate::rules::materials::{ChecklistItem, Status};
use serde::Serialize;

/// Everything known about one checked draft.
#[derive(Debug, Clone)]
pub struct DraftReport {
    pub path: String,
    pub findings: Vec<Finding>,
    pub checklist: Vec<ChecklistItem>,
    pub principal: Option<String>,
    pub province: Option<String>,
    pub kind: Option<String>,
    /// The filing type the draft was checked as (declared, else worked out from its facts).
    pub filing_type: Option<&'static str>,
}

impl DraftReport {
    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }
    pub fn ready(&self) -> bool {
        self.count(Severity::Error) == 0
    }
    /// "principal · province · kind · filing type", leaving out what the draft does not say.
    /// Principal · province · kind · type, the province named in the report's language.
    pub fn who(&self, lang: crate::diag::Lang) -> String {
        let province = self.province.as_deref().map(|p| match lang {
            crate::diag::Lang::En => crate::province::resolve(p).map_or(p, |x| x.english),
            crate::diag::Lang::Zh => p,
        });
        [self.principal.as_deref(), province, self.kind.as_deref(), self.filing_type]
            .iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" · ")
    }
    pub fn missing(&self) -> usize {
        self.checklist.iter().filter(|c| c.status == Status::Missing).count()
    }
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Totals {
    pub drafts: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub ready: usize,
    /// Materials still missing, over all drafts.
    pub missing: usize,
    /// Findings of the cross-draft checks (also counted in errors/warnings/infos).
    pub cross_draft: usize,
}

pub fn totals(reports: &[DraftReport]) -> Totals {
    let mut t = Totals {
        drafts: reports.len(),
        ..Default::default()
    };
    for r in reports {
        t.errors += r.count(Severity::Error);
        t.warnings += r.count(Severity::Warning);
        t.infos += r.count(Severity::Info);
        t.ready += usize::from(r.ready());
        t.missing += r.missing();
    }
    t
}
