//! Clean drafts stay clean: realistic filings under `tests/fixtures/clean/` and the example
//! drafts in `examples/drafts/` — every principal
//! kind, several provinces, a Chinese (IDN) domain, HK and Taiwan residents, long-term IDs, a
//! department `.gov.cn` domain, an APP — must raise no error. Warnings are allowed only from
//! rules whose sources conflict (`evidence = "conflict"`), which warn by design; any other
//! warning on a clean draft is a false alarm to fix in the rule.

use beian::commands::check::check_source;
use beian::diag::Severity;
use beian::rules::Evidence;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Checked as `beian check` would (as of the draft's filing_date, materials resolved against
/// the draft's folder).
fn check(rules: &beian::rules::RuleSet, p: &Path) -> beian::report::DraftReport {
    let src = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    check_source(rules, &p.display().to_string(), &src, None, p.parent())
}

/// The clean fixtures and the README's example drafts (`examples/drafts/`): both must stay clean.
fn drafts() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/fixtures/clean", "examples/drafts"] {
        let dir = root.join(dir);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        out.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml")),
        );
    }
    out.sort();
    out
}

#[test]
fn clean_drafts_raise_no_error_and_no_unexplained_warning() {
    let rules = beian::rules::rules();
    let all = drafts();
    assert!(all.len() >= 12, "expected at least 12 clean drafts, found {}", all.len());
    let mut noisy = Vec::new();
    for p in &all {
        let r = check(rules, p);
        for f in &r.findings {
            let conflict = rules.get(&f.rule).is_some_and(|x| x.evidence == Evidence::Conflict);
            let bad = match f.severity {
                Severity::Error => true,
                Severity::Warning => !conflict,
                Severity::Info => false,
            };
            if bad {
                noisy.push(format!(
                    "{}: {} {} at {}: {}",
                    p.file_name().unwrap().to_string_lossy(),
                    f.severity.as_str(),
                    f.rule,
                    f.field,
                    f.message.zh
                ));
            }
        }
    }
    assert!(noisy.is_empty(), "false alarms on clean drafts:\n{}", noisy.join("\n"));
}

/// The set is meant to be varied: it must cover every principal kind the format lists (but
/// `other`), several provinces, an IDN domain, an APP and non-mainland residents.
#[test]
fn clean_drafts_cover_the_variety() {
    let rules = beian::rules::rules();
    let mut kinds = BTreeSet::new();
    let mut provinces = BTreeSet::new();
    let (mut idn, mut app, mut hmt, mut long_term) = (false, false, false, false);
    for p in drafts() {
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
        let r = check(rules, &p);
        kinds.insert(r.kind.clone().unwrap_or_default());
        provinces.insert(r.province.clone().unwrap_or_default());
        idn |= text.contains("例子.中国");
        app |= text.contains("[[app]]");
        hmt |= text.contains("type = \"hmt_residence_permit\"");
        // A resident ID card valid for life (长期): the document table's type, number, valid_until.
        let lines: Vec<&str> = text.lines().collect();
        long_term |= lines
            .windows(3)
            .any(|w| w[0] == "type = \"resident_id\"" && w[2] == "valid_until = \"long-term\"");
    }
    for k in [
        "individual",
        "enterprise",
        "individual_business",
        "government",
        "public_institution",
        "social_group",
        "private_non_enterprise",
        "foundation",
        "law_firm",
    ] {
        assert!(kinds.contains(k), "no clean draft for {k}");
    }
    assert!(provinces.len() >= 8, "only {} provinces: {provinces:?}", provinces.len());
    assert!(
        idn && app && hmt && long_term,
        "idn {idn}, app {app}, hmt {hmt}, long-term {long_term}"
    );
}
