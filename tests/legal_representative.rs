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
