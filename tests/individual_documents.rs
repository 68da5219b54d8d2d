//! An individual's ID appears twice in a draft (principal.document and the responsible
//! person's copy). It is checked once when both copies agree, and both are checked when they
//! differ, so an expiry written into only one copy is never missed.

use beian::commands::check::check_source;

fn base() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/base/individual.toml")).unwrap()
}

fn validity_fields(src: &str) -> Vec<String> {
    let r = check_source(beian::rules::rules(), "t.toml", src, None, None);
    r.findings
        .iter()
        .filter(|f| f.rule == "ID-VALIDITY")
        .map(|f| f.field.clone())
        .collect()
}

#[test]
fn an_expiry_in_either_copy_is_found_and_reported_once_when_both_agree() {
    let src = base();
    assert!(validity_fields(&src).is_empty());

    let both = src.replace("valid_until = 2035-03-15", "valid_until = 2027-01-20");
    assert_eq!(validity_fields(&both), ["principal.document.valid_until"]);

    let i = src.find("[principal.responsible.document]").unwrap();
    let only_responsible = format!(
        "{}{}",
        &src[..i],
        src[i..].replacen("valid_until = 2035-03-15", "valid_until = 2027-01-20", 1)
    );
    assert_eq!(validity_fields(&only_responsible), ["principal.responsible.document.valid_until"]);

    let only_principal = src.replacen("valid_until = 2035-03-15", "valid_until = 2027-01-20", 1);
    assert_eq!(validity_fields(&only_principal), ["principal.document.valid_until"]);
}
