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
        let types = beian::rules::registry::rule_types(r).unwrap_or_else(|e| panic!("{e}"));
        assert!(!types.is_empty(), "{}: declares no filing type", r.code);
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

/// Every rule and every checklist material says which filing types it concerns; one that
/// does not (or says `all` without being builtin) keeps the tables from loading.
#[test]
fn every_rule_and_material_declares_its_filing_types() {
    let rules = beian::rules::rules();
    for r in &rules.rules {
        assert!(!r.when.filing_types.is_empty(), "rule {} declares no filing types", r.code);
    }
    for (_, m) in rules.materials {
        let types = m.when.types(false).unwrap_or_else(|e| panic!("material {}: {e}", m.key));
        assert!(!types.is_empty(), "material {} declares no filing types", m.key);
    }
    let table = |when: &str, kind: &str| {
        let src = format!(
            "[table]\nlast_verified = \"2026-12-01\"\n[[rule]]\ncode = \"X-TEST\"\nseverity = \"error\"\n{when}\ncheck = {{ kind = \"{kind}\" }}\ntitle = {{ zh = \"测试\", en = \"t\" }}\nmessage = {{ zh = \"测试\", en = \"t\" }}\nfix = {{ zh = \"测试\", en = \"t\" }}\nwhy = {{ zh = \"测试\", en = \"t\" }}\nsource = \"s\"\nevidence = \"solid\"\nsource_date = \"2026\"\n"
        );
        let t: beian::rules::Table = toml::from_str(&src).unwrap();
        beian::rules::registry::rule_types(&t.rule[0])
    };
    assert!(table("", "has_domains").unwrap_err().contains("when.filing_types is missing"));
    assert!(table("when = { filing_types = [] }", "has_domains").is_err());
    assert!(
        table("when = { filing_types = [\"all\"] }", "has_domains")
            .unwrap_err()
            .contains("only for builtin")
    );
    assert!(
        table("when = { filing_types = [\"renew\"] }", "has_domains")
            .unwrap_err()
            .contains("unknown type renew")
    );
    assert_eq!(
        table("when = { filing_types = [\"all\"] }", "builtin").unwrap().len(),
        FilingType::ALL.len()
    );
    assert_eq!(
        table("when = { filing_types = [\"cancel\"] }", "has_domains").unwrap(),
        vec![FilingType::Cancel]
    );
}

/// `rules list --type T` lists, per type, what the tables declare: a cancel never meets a
/// domain-expiry or website-name rule, a transfer only meets the number checks.
#[test]
fn rules_by_filing_type() {
    let rules = beian::rules::rules();
    let gd = beian::province::resolve("广东").map(|p| p.code);
    let codes = |t: FilingType| rules.for_type(gd, t).map(|r| r.code.clone()).collect::<Vec<_>>();
    for t in FilingType::ALL {
        let c = codes(*t);
        assert!(c.iter().any(|x| x == "FILING-NUMBER-FORMAT"), "{t:?}");
        assert!(c.iter().any(|x| x == "REQ-ACCOUNT"), "{t:?}");
    }
    let cancel = codes(FilingType::Cancel);
    assert!(
        !cancel.iter().any(|c| c.starts_with("DOMAIN-") || c.starts_with("WEBSITE-NAME")),
        "{cancel:?}"
    );
    assert!(cancel.iter().any(|c| c == "ID-NUMBER") && cancel.iter().any(|c| c == "FILING-TYPE-CANCEL-SCOPE"));
    let transfer = codes(FilingType::Transfer);
    assert!(
        !transfer
            .iter()
            .any(|c| c.starts_with("ID-") || c.starts_with("DOMAIN-") || c.starts_with("REQ-PRINCIPAL")),
        "{transfer:?}"
    );
    let first = codes(FilingType::First);
    assert!(first.iter().any(|c| c == "DOMAIN-EXPIRED") && first.iter().any(|c| c == "FILING-TYPE-FIRST-HAS-NUMBER"));
    let sx = beian::province::resolve("山西").map(|p| p.code);
    for (t, has) in [
        (FilingType::First, true),
        (FilingType::NewService, true),
        (FilingType::NewAccess, false),
        (FilingType::Change, false),
    ] {
        assert_eq!(rules.for_type(sx, t).any(|r| r.code == "SX-DOMAINS-MAX"), has, "{t:?}");
    }
}

/// The policy for every table, present and future: a cancel never meets a domain or a
/// website-name rule, and a transfer (reviewed by neither provider nor bureau) meets nothing
/// but the builtin and filing-number rules and the account's own.
#[test]
fn cancel_and_transfer_never_meet_domain_or_name_rules() {
    let rules = beian::rules::rules();
    for r in &rules.rules {
        let kind = serde_json::to_value(&r.check).unwrap()["kind"].as_str().unwrap().to_string();
        let about_domains_or_names = kind.starts_with("domain_")
            || kind.starts_with("website_name")
            || kind.starts_with("max_domains")
            || kind == "name_keywords"
            || kind == "has_domains";
        if about_domains_or_names {
            for t in [FilingType::Cancel, FilingType::Transfer] {
                assert!(!r.when.has_type(t), "{} ({kind}) applies to {t:?}", r.code);
            }
        }
        let transfer_ok = kind == "builtin"
            || kind.starts_with("filing_number")
            || kind.starts_with("cancel_scope")
            || kind == "changes_without_change"
            || kind == "principal_number_required"
            || kind == "account_real_name"
            // About how the draft is written (a key that is not read), not about the filing.
            || kind == "app_legacy_keys"
            || r.code == "REQ-ACCOUNT";
        assert!(
            transfer_ok || !r.when.has_type(FilingType::Transfer),
            "{} ({kind}) applies to a transfer",
            r.code
        );
    }
}
