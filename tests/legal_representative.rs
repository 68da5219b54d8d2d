//! A foreign legal representative who authorised a mainland-ID holder is the lawful path in
//! provinces that otherwise demand the legal representative as responsible person.

use beian::commands::check::check_source;
use beian::diag::Severity;

fn run(src: &str) -> beian::report::DraftReport {
    check_source(beian::rules::rules(), "t.toml", src, None, None)
}

#[test]
fn delegation_by_a_foreign_legal_representative_is_accepted_with_its_letter() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/scenarios/shanxi-foreign-legal-rep.toml"
    ))
    .unwrap();
    let r = run(&src);
    let errors: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.rule.as_str())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(
        r.checklist.iter().any(|c| c.key() == "principal_authorization_foreign"),
        "the authorisation letter is on the checklist"
    );

    // Without the legal representative on record, Shanxi's rule applies.
    let without: String = src.split("[principal.legal_representative]").next().unwrap().to_string()
        + &src
            .split("[principal.responsible]")
            .nth(1)
            .map(|s| format!("[principal.responsible]{s}"))
            .unwrap();
    let r = run(&without);
    assert!(r.findings.iter().any(|f| f.rule == "SX-LEGAL-REP" && f.severity == Severity::Error));
}

/// 广东 and 福建 accept a company domain held by its legal representative; everywhere else
/// the national DOMAIN-HOLDER rules still refuse it.
#[test]
fn a_domain_held_by_the_legal_representative_passes_only_where_the_bureau_accepts_it() {
    let base = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/base/enterprise.toml")).unwrap();
    let held_by_rep = base
        .replace("holder = \"深圳市示例网络科技有限公司\"", "holder = \"张三\"")
        .replace(
            "holder_document_type = \"business_license\"",
            "holder_document_type = \"resident_id\"",
        )
        .replace(
            "holder_document_number = \"91440300MA5F000181\"",
            "holder_document_number = \"44030519900101123X\"",
        );
    let holder_rules = |src: &str| -> Vec<String> {
        run(src)
            .findings
            .into_iter()
            .filter(|f| f.rule.contains("DOMAIN-HOLDER"))
            .map(|f| f.rule)
            .collect()
    };
    assert!(holder_rules(&held_by_rep).is_empty(), "{:?}", holder_rules(&held_by_rep));
    // The same draft filed in 四川: the national rules apply (province is only a filing region here).
    let sichuan = held_by_rep.replace("province = \"广东\"", "province = \"四川\"");
    let hit = holder_rules(&sichuan);
    assert!(
        hit.contains(&"DOMAIN-HOLDER".to_string()) && hit.contains(&"DOMAIN-HOLDER-DOC".to_string()),
        "{hit:?}"
    );
    // Not the legal representative: 广东 refuses too.
    let not_rep = held_by_rep.replace("is_legal_representative = true", "is_legal_representative = false");
    assert!(holder_rules(&not_rep).contains(&"GD-DOMAIN-HOLDER".to_string()));
}
