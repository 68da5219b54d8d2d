//! Each answer is checked as it is given: a clean first filing, a bad answer asked again,
//! an empty required answer explained.

use super::*;

#[test]
fn individual_in_guangdong_completes_a_clean_draft() {
    let r = run(individual_full());
    assert_clean(&r);
    // An individual is their own responsible person, with the same document.
    assert_eq!(s(&r, "principal.responsible.name"), "张三");
    assert_eq!(s(&r, "principal.responsible.document.number"), "44030519900101123X");
    assert_eq!(s(&r, "principal.responsible.document.address"), "广东省深圳市福田区某街道1号");
    assert_eq!(s(&r, "principal.mailing_address"), "广东省深圳市福田区某街道1号");
    assert_eq!(s(&r, "account.filing_type"), "first");
    assert_eq!(s(&r, "domain.0.holder"), "张三");
    assert_eq!(s(&r, "website.0.domains"), "[\"example.com\"]");
    assert_eq!(s(&r, "website.0.home_url"), "www.example.com");
    assert_eq!(s(&r, "website.0.languages"), "[\"zh-CN\"]");
    assert_eq!(s(&r, "website.0.responsible"), "principal");
    assert_eq!(s(&r, "account.resource.region"), "cn-south-1");
    assert!(
        !r.p.asked.iter().any(|k| k.contains("birth") || k.contains("residence_permit")),
        "{:?}",
        r.p.asked
    );
    assert!(
        r.p.notes.iter().any(|n| n.contains("1990-01-01") && n.contains("广东")),
        "{:?}",
        r.p.notes
    );
    assert!(
        !r.p.asked
            .iter()
            .any(|k| k.ends_with("is_legal_representative") || k == "principal.responsible.name" || k.contains("legal_representative"))
    );
    for step in ["account", "principal", "responsible", "domains", "websites"] {
        assert!(r.progress.done.iter().any(|d| d == step), "{step} not done: {:?}", r.progress.done);
    }
    assert!(r.saves.len() > 30);
    for saved in &r.saves {
        parse_saved(saved).unwrap();
    }
}

#[test]
fn an_invalid_answer_is_explained_and_asked_again() {
    let mut script = individual_gd("44030519900101123X", "resident_id");
    // A bad check digit first (the number is the fourth principal answer).
    let at = script
        .iter()
        .position(|x| matches!(x, Say::Text(t) if t == "44030519900101123X"))
        .unwrap();
    script.insert(at, text("440305199001011230"));
    script.extend([
        text("13800138000"),
        text("13800138000"), // emergency = mobile: a rule over two answers
        text("13900139000"),
        enter(),
        text("not-an-email"),
        text("a@example.com"),
        enter(),
    ]);
    script.extend(domain("example.com"));
    script.extend(website_individual());
    let r = run(script);
    assert_clean(&r);
    let rejected: Vec<&str> = r.p.rejected.iter().map(|(k, _, _)| k.as_str()).collect();
    assert_eq!(
        rejected,
        [
            "principal.document.number",
            "principal.responsible.contact.emergency_phone",
            "principal.responsible.contact.email"
        ]
    );
    let (_, _, why) = &r.p.rejected[0];
    assert!(why.contains("ID-NUMBER") && why.contains("原因") && why.contains("修改"), "{why}");
    assert!(!why.contains("440305199001011230"), "{why}");
    assert!(r.p.rejected[1].2.contains("CONTACT-EMERGENCY-SAME"), "{}", r.p.rejected[1].2);
    // Words for people: no raw key in the explanation.
    assert!(
        !r.p.rejected[1].2.contains("principal.responsible.contact"),
        "{}",
        r.p.rejected[1].2
    );
}

#[test]
fn empty_required_answers_say_why_and_shape_errors_are_refused() {
    let mut script = account();
    let at = script.iter().position(|x| matches!(x, Say::Text(t) if t == "2026-12-01")).unwrap();
    script.insert(at, text("明天"));
    script.truncate(script.len() - 1);
    script.extend([enter(), pick("individual"), enter(), text("张三"), pick("resident_id")]);
    script.extend([text("44030519900101123X"), pick("广东"), text("2020-01-01"), text("2020-01-01")]);
    let r = run(script);
    assert!(!r.done);
    assert_eq!(r.p.rejected[0].0, "filing_date");
    assert!(r.p.rejected[0].2.contains("不是日期"));
    assert_eq!(r.p.rejected[1].0, "principal.name");
    assert!(r.p.rejected[1].2.contains("必填"), "{}", r.p.rejected[1].2);
    assert_eq!(r.p.rejected[2].0, "principal.document.valid_until");
    assert!(r.p.rejected[2].2.contains("再输入一次"), "{}", r.p.rejected[2].2);
    assert_eq!(s(&r, "principal.document.valid_until"), "2020-01-01");
}
