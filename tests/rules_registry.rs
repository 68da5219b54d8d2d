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

/// `When::matches` (bit sets) agrees with the plain reading of its lists, for every rule and
/// material, every principal kind and filing type (and their absence).
#[test]
fn when_matches_its_lists() {
    use beian::draft::{FilingType, PrincipalKind};
    use beian::rules::When;
    fn reference(w: &When, kind: Option<PrincipalKind>, filing: Option<FilingType>) -> bool {
        let has = |list: &[String], id: Option<&str>| list.is_empty() || id.is_some_and(|i| list.iter().any(|x| x == i));
        has(&w.kinds, kind.map(|k| k.id()))
            && !(kind.is_some_and(|k| w.not_kinds.iter().any(|x| x == k.id())))
            && has(&w.filing_types, filing.map(|f| f.id()))
            && w.providers.is_empty()
            && w.name_keywords.is_empty()
    }
    let rs = beian::rules::rules();
    let whens = rs.rules.iter().map(|r| &r.when).chain(rs.materials.iter().map(|(_, m)| &m.when));
    let mut restricted = 0;
    for w in whens {
        restricted += usize::from(!w.kinds.is_empty() || !w.not_kinds.is_empty() || !w.filing_types.is_empty());
        for kind in std::iter::once(None).chain(PrincipalKind::ALL.iter().copied().map(Some)) {
            for filing in std::iter::once(None).chain(FilingType::ALL.iter().copied().map(Some)) {
                assert_eq!(
                    w.matches(kind, filing, None, None),
                    reference(w, kind, filing),
                    "{w:?} {kind:?} {filing:?}"
                );
            }
        }
    }
    assert!(restricted > 10, "{restricted}");
    // A listed id that is no variant matches nothing (not everything).
    let w: When = toml::from_str("kinds = [\"nonsense\"]").unwrap();
    assert!(!w.matches(Some(PrincipalKind::Enterprise), None, None, None));
}
