//! A website whose responsible person is `"principal"` is run by the principal's responsible
//! person, and rules about website responsible persons apply to that person too; and a
//! 广东 government body's office head needs no authorisation letter.

use beian::commands::check::check_source;
use beian::draft::edit;
use toml::{Table, Value};

fn base(name: &str) -> Table {
    let p = format!("{}/tests/fixtures/base/{name}.toml", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(p).unwrap().parse().unwrap()
}

fn with(mut t: Table, set: &[(&str, &str)]) -> String {
    for (k, v) in set {
        edit::set(&mut t, k, Value::String((*v).to_string())).unwrap();
    }
    toml::to_string(&t).unwrap()
}

fn report(src: &str) -> beian::report::DraftReport {
    check_source(beian::rules::rules(), "t.toml", src, None, None)
}

const TIANJIN: &[(&str, &str)] = &[
    ("principal.province", "天津"),
    ("principal.address", "天津市和平区示例路1号"),
    ("principal.mailing_address", "天津市和平区示例路1号"),
    ("principal.name", "天津示例网络科技有限公司"),
    ("domain.0.holder", "天津示例网络科技有限公司"),
    ("principal.document.number", "91120101MA5F00018Q"),
    ("domain.0.holder_document_number", "91120101MA5F00018Q"),
    ("principal.responsible.document.address", "天津市和平区示例路1号"),
    ("principal.responsible.contact.phone", "022-23000000"),
];

#[test]
fn tianjin_retirement_age_applies_to_a_principal_who_runs_the_website() {
    // website.0.responsible = "principal" in the base; a man born 1960 is 66 on 2026-12-01.
    let mut set = TIANJIN.to_vec();
    set.push(("principal.responsible.document.number", "120101196001011235"));
    let r = report(&with(base("enterprise"), &set));
    let hit: Vec<_> = r.findings.iter().filter(|f| f.rule == "TJ-WEB-RESP-RETIRED").collect();
    assert_eq!(hit.len(), 1, "{:?}", r.findings.iter().map(|f| &f.rule).collect::<Vec<_>>());
    assert_eq!(hit[0].field, "principal.responsible.document.number");
    // Born 1980: below retirement age, nothing.
    let mut set = TIANJIN.to_vec();
    set.push(("principal.responsible.document.number", "120101198001011234"));
    assert!(
        !report(&with(base("enterprise"), &set))
            .findings
            .iter()
            .any(|f| f.rule == "TJ-WEB-RESP-RETIRED")
    );
}

fn checklist_keys(src: &str) -> Vec<String> {
    report(src).checklist.iter().map(|c| c.key().to_string()).collect()
}

#[test]
fn a_guangdong_government_body_led_by_its_office_head_needs_no_authorisation_letter() {
    let mut gov = base("government");
    edit::set(&mut gov, "principal.responsible.is_legal_representative", Value::Boolean(false)).unwrap();
    let sichuan = toml::to_string(&gov).unwrap();
    assert!(checklist_keys(&sichuan).contains(&"legal_rep_authorization".to_string()));
    let guangdong = with(gov.clone(), &[("principal.province", "广东")]);
    assert!(!checklist_keys(&guangdong).contains(&"legal_rep_authorization".to_string()));
    // A 广东 company still needs it.
    let mut ent = base("enterprise");
    edit::set(&mut ent, "principal.responsible.is_legal_representative", Value::Boolean(false)).unwrap();
    assert!(checklist_keys(&toml::to_string(&ent).unwrap()).contains(&"legal_rep_authorization".to_string()));
}
