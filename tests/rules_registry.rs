//! The rule tables keep their promises: unique codes, all 31 provinces, both languages,
//! a source and date on every rule, and conflicts never as errors.

use beian::diag::Severity;
use beian::draft::{FilingType, PrincipalKind};
use beian::province::PROVINCES;
use beian::rules::{Evidence, registry};

#[test]
fn tables_load_and_codes_are_unique() {
    // `load` rejects duplicate codes and unknown `disable` entries.
    let rs = registry::load().expect("tables load");
    let mut codes: Vec<&str> = rs.rules.iter().map(|r| r.code.as_str()).collect();
    let n = codes.len();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), n);
    assert!(n > 100, "only {n} rules");
}

#[test]
fn every_province_has_a_table_with_rules() {
    let rs = registry::load().unwrap();
    assert_eq!(registry::PROVINCE_TABLES.len(), 31);
    for p in &PROVINCES {
        assert!(rs.province_last_verified.contains_key(&p.code), "{} has no table", p.short);
        let own = rs.rules.iter().filter(|r| r.province == Some(p.code)).count();
        assert!(own >= 2, "{} has only {own} rules of its own", p.short);
    }
}

#[test]
fn every_rule_is_complete_in_both_languages() {
    let rs = registry::load().unwrap();
    for r in &rs.rules {
        for (what, t) in [("title", &r.title), ("message", &r.message), ("fix", &r.fix), ("why", &r.why)] {
            assert!(
                !t.zh.trim().is_empty() && !t.en.trim().is_empty(),
                "{} lacks a {what} in one language",
                r.code
            );
            assert!(
                t.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{} {what}.zh is not Chinese",
                r.code
            );
        }
        assert!(!r.source.trim().is_empty(), "{} has no source", r.code);
        let d = &r.source_date;
        assert!(d.len() >= 4 && d[..4].parse::<u32>().is_ok(), "{}: bad source_date {d}", r.code);
        for k in r.when.kinds.iter().chain(&r.when.not_kinds) {
            assert!(PrincipalKind::parse(k).is_some(), "{}: unknown principal kind {k}", r.code);
        }
        for f in &r.when.filing_types {
            assert!(FilingType::parse(f).is_some(), "{}: unknown filing type {f}", r.code);
        }
        if r.evidence == Evidence::Conflict {
            assert_ne!(r.severity, Severity::Error, "{}: conflicting sources must not be an error", r.code);
        }
        let prefix = r.code.split('-').next().unwrap();
        assert!(
            r.code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
            "{}: code style",
            r.code
        );
        if r.province.is_some() {
            assert_eq!(
                prefix.len(),
                2,
                "{}: province codes start with the two-letter province prefix",
                r.code
            );
        }
    }
    for (_, m) in rs.materials {
        assert!(
            !m.name.zh.is_empty() && !m.name.en.is_empty() && !m.why.zh.is_empty() && !m.why.en.is_empty(),
            "material {}",
            m.key
        );
    }
}

#[test]
fn province_prefixes_are_consistent() {
    let rs = registry::load().unwrap();
    for p in &PROVINCES {
        let prefixes: std::collections::BTreeSet<&str> = rs
            .rules
            .iter()
            .filter(|r| r.province == Some(p.code))
            .map(|r| r.code.split('-').next().unwrap())
            .collect();
        assert_eq!(prefixes.len(), 1, "{} uses several prefixes: {prefixes:?}", p.short);
    }
}
