//! Each checkable fact of the seed (shared/seeds/000_*.txt) and of issue 2's list, as a draft a
//! new user could plausibly write: `tests/fixtures/seed/<case>.toml`, each with a comment
//! naming the fact. Every draft is otherwise clean, so the test asserts both that the expected
//! rule codes appear and that no other error does: the draft isolates the fact.
//!
//! Facts whose province rule does not exist yet on this branch (Guangdong minors and HK/Macau
//! travel permits, Shanxi's three-new-domains limit and foreign legal representatives, Sichuan's
//! individual-business and trading-company rule) assert the national behaviour now; the
//! province assertion is an `#[ignore]`d test that looks for any error of that province's
//! prefix on the right field, so it passes whatever the province rule ends up being called.

use beian::commands::check::check_source;
use beian::diag::Severity;
use beian::report::DraftReport;
use std::path::PathBuf;

fn path(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seed")
        .join(format!("{case}.toml"))
}

/// Checked as `beian check` would (as of the draft's filing_date, materials resolved against
/// the draft's folder).
fn check(case: &str) -> DraftReport {
    let p = path(case);
    let src = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    check_source(beian::rules::rules(), &p.display().to_string(), &src, None, p.parent())
}

fn listing(r: &DraftReport) -> String {
    r.findings
        .iter()
        .map(|f| format!("  {} {} {}: {}", f.severity.as_str(), f.rule, f.field, f.message.zh))
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_province_rule(code: &str) -> bool {
    beian::rules::rules().get(code).is_some_and(|r| r.province.is_some())
}

/// Every code in `want` is raised, and no error outside `want` is (`national_only`: errors of
/// province rules are not counted, for facts whose province rule is still being written).
fn assert_codes(case: &str, want: &[&str], national_only: bool) -> DraftReport {
    let r = check(case);
    for code in want {
        assert!(
            r.findings.iter().any(|f| f.rule == *code),
            "{case}: expected {code}, got:\n{}",
            listing(&r)
        );
    }
    let stray: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error && !want.contains(&f.rule.as_str()))
        .filter(|f| !(national_only && is_province_rule(&f.rule)))
        .map(|f| f.rule.as_str())
        .collect();
    assert!(stray.is_empty(), "{case}: unexpected errors {stray:?}:\n{}", listing(&r));
    r
}

fn expect(case: &str, want: &[&str]) -> DraftReport {
    assert_codes(case, want, false)
}

fn expect_national(case: &str, want: &[&str]) -> DraftReport {
    assert_codes(case, want, true)
}

fn severity_of(r: &DraftReport, code: &str) -> Severity {
    r.findings
        .iter()
        .find(|f| f.rule == code)
        .map(|f| f.severity)
        .expect("finding present")
}

fn field_of(r: &DraftReport, code: &str) -> String {
    r.findings
        .iter()
        .find(|f| f.rule == code)
        .map(|f| f.field.clone())
        .expect("finding present")
}

fn has_material(r: &DraftReport, key: &str) -> bool {
    r.checklist.iter().any(|c| c.key() == key)
}

/// For the ignored province tests: some error of this province prefix points at `field`.
fn assert_province_error(case: &str, prefix: &str, field: &str) {
    let r = check(case);
    assert!(
        r.findings
            .iter()
            .any(|f| f.severity == Severity::Error && f.rule.starts_with(&format!("{prefix}-")) && f.field == field),
        "{case}: expected a {prefix}-* error at {field}, got:\n{}",
        listing(&r)
    );
}

// ---------------------------------------------------------------- account and resource

#[test]
fn account_must_be_real_name_verified() {
    expect("account_not_verified", &["ACCOUNT-REAL-NAME"]);
}

#[test]
fn server_must_be_in_mainland_china() {
    expect("server_outside_mainland", &["RESOURCE-REGION"]);
}

// ---------------------------------------------------------------- domains

// These drafts are filed in 广东, whose GD-DOMAIN-HOLDER(-DOC) replace the national rules
// (广东 also accepts a domain held by the legal representative; neither draft is that case).
#[test]
fn domain_holder_name_and_number_are_the_principal() {
    let r = expect("domain_held_by_relative", &["GD-DOMAIN-HOLDER", "GD-DOMAIN-HOLDER-DOC"]);
    assert_eq!(field_of(&r, "GD-DOMAIN-HOLDER"), "domain.0.holder");
    assert_eq!(field_of(&r, "GD-DOMAIN-HOLDER-DOC"), "domain.0.holder_document_number");
}

#[test]
fn domain_verified_with_another_document_is_refused() {
    // Held by the company but verified with the legal representative's ID: refused even in 广东.
    expect("domain_verified_with_legal_rep_id", &["GD-DOMAIN-HOLDER-DOC"]);
}

#[test]
fn domain_must_be_real_name_verified() {
    expect("domain_not_verified", &["DOMAIN-REAL-NAME"]);
}

#[test]
fn domain_must_not_be_expired() {
    let r = expect("domain_expired", &["DOMAIN-EXPIRED"]);
    assert_eq!(field_of(&r, "DOMAIN-EXPIRED"), "domain.0.expires_on");
}

#[test]
fn domain_registered_before_the_filing_date() {
    let r = expect("domain_registered_after_filing", &["DOMAIN-REGISTERED-AFTER"]);
    assert_eq!(field_of(&r, "DOMAIN-REGISTERED-AFTER"), "domain.0.registered_on");
}

// ---------------------------------------------------------------- documents

#[test]
fn id_with_less_than_three_months_is_an_error() {
    let r = expect("id_expiring_no_receipt", &["ID-VALIDITY"]);
    assert_eq!(severity_of(&r, "ID-VALIDITY"), Severity::Error);
    assert!(
        has_material(&r, "id_renewal_receipt"),
        "the renewal receipt should be on the checklist"
    );
}

#[test]
fn police_renewal_receipt_lowers_it_to_a_warning() {
    let r = expect("id_expiring_with_receipt", &["ID-VALIDITY"]);
    assert_eq!(severity_of(&r, "ID-VALIDITY"), Severity::Warning);
    assert!(r.ready(), "a warning alone must not block the filing:\n{}", listing(&r));
}

#[test]
fn a_receipt_named_but_not_on_disk_does_not_count() {
    let r = expect("id_expiring_receipt_not_on_disk", &["ID-VALIDITY"]);
    assert_eq!(severity_of(&r, "ID-VALIDITY"), Severity::Error);
}

#[test]
fn hmt_residence_permit_also_needs_three_months() {
    expect("hk_residence_permit_expiring", &["ID-VALIDITY"]);
}

#[test]
fn website_responsible_id_expired() {
    let r = expect("website_responsible_id_expired", &["ID-VALIDITY"]);
    assert_eq!(field_of(&r, "ID-VALIDITY"), "website.0.responsible.document.valid_until");
}

#[test]
fn app_responsible_id_expired() {
    let r = expect("app_responsible_id_expired", &["ID-VALIDITY"]);
    assert_eq!(field_of(&r, "ID-VALIDITY"), "app.0.responsible.document.valid_until");
}

#[test]
fn temporary_id_is_refused() {
    expect("temporary_id", &["ID-TEMPORARY"]);
}

#[test]
fn old_registration_number_instead_of_credit_code() {
    let r = expect("old_registration_number", &["ID-NUMBER"]);
    assert_eq!(field_of(&r, "ID-NUMBER"), "principal.document.number");
}

// ---------------------------------------------------------------- ages

#[test]
fn minors_are_flagged() {
    let r = expect("minor_individual_beijing", &["AGE-INDIVIDUAL"]);
    assert_eq!(field_of(&r, "AGE-INDIVIDUAL"), "principal.responsible.document.number");
}

#[test]
fn minors_in_guangdong_national_behaviour() {
    expect_national("minor_individual_guangdong", &[]);
    let r = check("minor_individual_guangdong");
    assert!(
        r.findings
            .iter()
            .any(|f| f.field == "principal.responsible.document.number" && (f.rule == "AGE-INDIVIDUAL" || f.rule.starts_with("GD-"))),
        "the age must be flagged:\n{}",
        listing(&r)
    );
}

#[test]
fn minors_in_guangdong_are_refused() {
    assert_province_error("minor_individual_guangdong", "GD", "principal.responsible.document.number");
}

// ---------------------------------------------------------------- out-of-province IDs

#[test]
fn guangdong_out_of_province_id_needs_a_residence_permit() {
    let r = expect("guangdong_zhejiang_id_no_permit", &["GD-IND-OUT-OF-PROVINCE"]);
    assert_eq!(field_of(&r, "GD-IND-OUT-OF-PROVINCE"), "principal.responsible.document.number");
}

#[test]
fn guangdong_residence_permit_is_accepted() {
    expect("guangdong_zhejiang_id_with_permit", &[]);
}

#[test]
fn guangdong_expired_residence_permit_is_not() {
    expect("guangdong_zhejiang_id_permit_expired", &["GD-IND-OUT-OF-PROVINCE"]);
}

#[test]
fn guangdong_social_security_months_are_accepted() {
    expect("guangdong_zhejiang_id_social_security", &[]);
}

#[test]
fn guangdong_two_months_of_social_security_are_not_enough() {
    expect("guangdong_zhejiang_id_social_security_short", &["GD-IND-OUT-OF-PROVINCE"]);
}

#[test]
fn shanxi_accepts_only_local_ids() {
    expect("shanxi_guangdong_id", &["SX-IND-OUT-OF-PROVINCE"]);
}

// ---------------------------------------------------------------- HK / Macau / Taiwan

#[test]
fn hk_travel_permit_in_guangdong_national_behaviour() {
    let r = expect_national("guangdong_hk_travel_permit", &["ID-HMT-INDIVIDUAL"]);
    assert_eq!(severity_of(&r, "ID-HMT-INDIVIDUAL"), Severity::Warning);
}

#[test]
fn hk_travel_permit_in_guangdong_is_refused() {
    assert_province_error("guangdong_hk_travel_permit", "GD", "principal.responsible.document.type");
}

#[test]
fn hk_residence_permit_in_guangdong_is_clean() {
    expect("guangdong_hk_residence_permit", &[]);
}

#[test]
fn taiwan_permit_files_the_taiwan_id_number() {
    let r = expect("taiwan_permit_number", &["ID-TAIWAN-NUMBER"]);
    assert_eq!(field_of(&r, "ID-TAIWAN-NUMBER"), "principal.responsible.document.number");
}

// ---------------------------------------------------------------- legal representative

#[test]
fn guangdong_responsible_must_be_the_legal_representative() {
    let r = expect("guangdong_responsible_not_legal_rep", &["GD-LEGAL-REP"]);
    assert!(has_material(&r, "legal_rep_authorization"));
}

#[test]
fn sichuan_accepts_a_delegate_with_the_authorisation_letter() {
    let r = expect("sichuan_delegated_principal", &[]);
    assert!(
        has_material(&r, "legal_rep_authorization"),
        "the 法人授权书 must be on the checklist"
    );
}

#[test]
fn sichuan_delegate_must_also_run_the_websites() {
    let r = expect("sichuan_delegated_third_website_person", &["SC-DELEGATE-SAME"]);
    assert_eq!(field_of(&r, "SC-DELEGATE-SAME"), "website.0.responsible");
}

#[test]
fn foreign_legal_representative_authorises_a_mainland_id_holder() {
    let r = expect_national("shanxi_hk_legal_rep", &["LEGAL-REP-FOREIGN"]);
    assert_eq!(severity_of(&r, "LEGAL-REP-FOREIGN"), Severity::Warning);
    assert!(
        has_material(&r, "principal_authorization_foreign"),
        "the authorisation of a mainland-ID holder must be on the checklist"
    );
}

#[test]
fn shanxi_refuses_a_foreign_legal_representative_as_responsible() {
    assert_province_error("shanxi_hk_legal_rep", "SX", "principal.responsible.document.type");
}

// ---------------------------------------------------------------- contacts

#[test]
fn mobile_and_emergency_phone_differ() {
    expect("emergency_equals_mobile", &["CONTACT-EMERGENCY-SAME"]);
}

#[test]
fn landline_and_mobile_differ() {
    let r = expect("landline_equals_mobile", &["CONTACT-PHONE-SAME"]);
    assert_eq!(field_of(&r, "CONTACT-PHONE-SAME"), "principal.responsible.contact.phone");
}

#[test]
fn landline_and_emergency_phone_differ() {
    expect("emergency_equals_landline", &["CONTACT-PHONE-SAME"]);
}

// ---------------------------------------------------------------- Shanxi domain count, Sichuan IBH

#[test]
fn shanxi_four_new_domains_national_behaviour() {
    expect_national("shanxi_four_new_domains", &[]);
    // The same company with one domain is clean, so the draft isolates the count.
    expect("shanxi_enterprise_clean", &[]);
}

#[test]
fn shanxi_refuses_four_new_domains() {
    assert_province_error("shanxi_four_new_domains", "SX", "domain");
}

#[test]
fn sichuan_ibh_out_of_province_national_behaviour() {
    expect_national("sichuan_ibh_chongqing_id", &[]);
    expect_national("sichuan_trading_company_chongqing_id", &[]);
    expect("sichuan_ibh_chongqing_id_permit", &[]);
}

#[test]
fn sichuan_ibh_needs_a_residence_permit() {
    assert_province_error("sichuan_ibh_chongqing_id", "SC", "principal.responsible.document.number");
}

#[test]
fn sichuan_trading_company_needs_a_residence_permit() {
    assert_province_error(
        "sichuan_trading_company_chongqing_id",
        "SC",
        "principal.responsible.document.number",
    );
}

// ---------------------------------------------------------------- government checklist

#[test]
fn government_sites_need_the_domain_review_form() {
    let r = expect("government_site", &[]);
    assert!(
        has_material(&r, "gov_domain_form"),
        "政府网站域名业务审核表 missing from the checklist"
    );
    let form = r.checklist.iter().find(|c| c.key() == "gov_domain_form").unwrap();
    assert_eq!(form.material().zh, "政府网站域名业务审核表");
}

#[test]
fn government_files_the_registered_domain_not_www() {
    let r = expect("government_www_subdomain", &["DOMAIN-SUBDOMAIN"]);
    assert_eq!(field_of(&r, "DOMAIN-SUBDOMAIN"), "domain.0.name");
}

#[test]
fn public_institutions_need_the_domain_review_form() {
    let r = expect("public_institution_site", &[]);
    assert!(has_material(&r, "gov_domain_form"));
}

#[test]
fn companies_do_not_get_the_government_form() {
    let r = expect("shanxi_enterprise_clean", &[]);
    assert!(!has_material(&r, "gov_domain_form"));
    for key in [
        "domain_certificate",
        "domain_real_name_screenshot",
        "commitment_letter",
        "principal_document",
    ] {
        assert!(has_material(&r, key), "{key} missing from the checklist");
    }
}

// ---------------------------------------------------------------- website names

#[test]
fn site_name_at_least_three_characters() {
    expect("site_name_two_chars", &["SITE-NAME-LENGTH"]);
}

#[test]
fn site_name_not_only_latin_letters() {
    expect("site_name_latin", &["SITE-NAME-ASCII"]);
}

#[test]
fn site_name_not_only_digits() {
    expect("site_name_digits", &["SITE-NAME-ASCII"]);
}

#[test]
fn site_name_not_the_domain() {
    expect("site_name_is_domain", &["SITE-NAME-DOMAIN", "SITE-NAME-ASCII"]);
    expect("site_name_is_chinese_domain", &["SITE-NAME-DOMAIN"]);
}

#[test]
fn site_name_no_national_words_for_non_national_bodies() {
    expect("site_name_zhonghua", &["SITE-NAME-NATIONAL"]);
    expect("site_name_renmin", &["SITE-NAME-NATIONAL"]);
    expect("site_name_guojia", &["SITE-NAME-NATIONAL"]);
}

#[test]
fn site_name_no_company_words_for_individuals() {
    expect("site_name_individual_company", &["SITE-NAME-INDIVIDUAL-COMPANY"]);
    expect("site_name_individual_official", &["SITE-NAME-INDIVIDUAL-COMPANY"]);
}

#[test]
fn site_name_not_just_the_owner() {
    expect("site_name_owner_only", &["SITE-NAME-OWNER"]);
}

// ---------------------------------------------------------------- cross-field

#[test]
fn every_website_domain_is_listed() {
    let r = expect("website_domain_not_listed", &["WEBSITE-DOMAIN-LISTED"]);
    assert_eq!(field_of(&r, "WEBSITE-DOMAIN-LISTED"), "website.0.domains.1");
}

#[test]
fn organisation_certificate_address_in_the_filing_province() {
    let r = expect("org_address_other_province", &["ORG-PROVINCE"]);
    assert_eq!(field_of(&r, "ORG-PROVINCE"), "principal.address");
    assert_eq!(severity_of(&r, "ORG-PROVINCE"), Severity::Error);
    // Without a province in the address, the credit code's region is only a hint.
    let r = expect("org_code_other_province", &["ORG-PROVINCE"]);
    assert_eq!(field_of(&r, "ORG-PROVINCE"), "principal.document.number");
    assert_eq!(severity_of(&r, "ORG-PROVINCE"), Severity::Warning);
}

// ---------------------------------------------------------------- pre-approvals

#[test]
fn preapproval_needed_for_news() {
    let r = expect("preapproval_missing", &["PREAPPROVAL-REQUIRED"]);
    assert!(has_material(&r, "preapproval_documents"));
}

#[test]
fn preapproval_must_be_valid() {
    expect("preapproval_expired", &["PREAPPROVAL-EXPIRED"]);
}

#[test]
fn finance_words_need_the_regulator() {
    expect("finance_word_in_site_name", &["NAME-FINANCE"]);
}

/// Every seed draft is used by a test above (a forgotten draft is a fact nobody checks).
#[test]
fn every_seed_draft_is_asserted() {
    let me = include_str!("seed_cases.rs");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed");
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        if let Some(case) = name.strip_suffix(".toml") {
            assert!(me.contains(&format!("\"{case}\"")), "{name} is not asserted by any test");
        }
    }
}
