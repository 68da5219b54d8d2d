//! Principals and their people: legal representatives, reused responsible persons, the
//! province's rules said at the question, out-of-province and foreign documents.

use super::*;

#[test]
fn enterprise_names_its_legal_representative_first() {
    let mut script = enterprise(
        "广东",
        "深圳市示例网络科技有限公司",
        "91440300MA5F000181",
        "广东省深圳市南山区科技园路1号",
        "44030519900101123X",
    );
    script.extend(domain("example.com"));
    script.extend([site(), text("示例科技官网"), enter(), pick("enterprise_portal"), enter()]);
    script.extend(website_tail());
    let r = run(script);
    assert_clean(&r);
    assert!(!r.p.asked.contains(&"principal.document.type".to_string()));
    assert_eq!(s(&r, "principal.document.type"), "business_license");
    assert_eq!(s(&r, "principal.document.valid_until"), "long-term");
    assert_eq!(s(&r, "principal.legal_representative.name"), "张三");
    assert_eq!(s(&r, "principal.responsible.name"), "张三");
    assert_eq!(s(&r, "principal.responsible.is_legal_representative"), "true");
    assert_eq!(s(&r, "domain.0.holder_document_number"), "91440300MA5F000181");
    // The province's rule is said before the question.
    assert!(
        r.p.notes.iter().any(|n| n.contains("广东：主体负责人须由法定代表人担任")),
        "{:?}",
        r.p.notes
    );
}

#[test]
fn a_second_website_can_reuse_the_first_ones_responsible_person() {
    let mut script = enterprise(
        "湖北",
        "武汉市示例网络科技有限公司",
        &uscc_for("91420100MA4K0000"),
        "湖北省武汉市洪山区珞喻路1号",
        "42010219900307867X",
    );
    script.extend(domain("example.com"));
    script.extend([
        site(),
        text("示例科技官网"),
        enter(),
        pick("enterprise_portal"),
        enter(),
        pick("other"), // the website has its own responsible person
        text("李四"),
        N, // not the legal representative
        Y, // continue
        pick("resident_id"),
        text("420102199101010070"),
        text("2033-01-01"),
        enter(),
    ]);
    script.extend([text("13700137000"), text("13600136000"), enter(), text("lisi@example.com")]);
    script.extend([
        Y, // another website
        text("示例科技商城介绍"),
        Y, // keep it: the one domain serves both sites
        enter(),
        pick("enterprise_portal"),
        enter(),
        pick("website.0"), // same as website 1
        N,
        enter(),
        N,
        enter(),
    ]);
    let r = run(script);
    assert!(r.done, "{:?} / {:?}", r.p.asked, r.p.script);
    assert!(r.p.script.is_empty(), "{:?}", r.p.script);
    assert_eq!(s(&r, "website.0.responsible.name"), "李四");
    assert_eq!(s(&r, "website.1.responsible.name"), "李四");
    assert!(r.p.notes.iter().any(|n| n.contains("网站负责人授权书")), "{:?}", r.p.notes);
}

#[test]
fn guangdong_refuses_a_principal_responsible_who_is_not_the_legal_representative() {
    let mut script = account();
    script.extend([
        pick("enterprise"),
        text("深圳市示例网络科技有限公司"),
        text("91440300MA5F000181"),
        pick("广东"),
        enter(),
        text("广东省深圳市南山区科技园路1号"),
        enter(),
        enter(),
        text("张三"),
        pick("resident_id"),
        text("44030519900101123X"),
        N, // someone else is responsible: GD-LEGAL-REP
        N, // do not keep it: asked again
        Y,
    ]);
    let r = run(script);
    assert!(r.p.notes.iter().any(|n| n.contains("GD-LEGAL-REP")), "{:?}", r.p.notes);
    let n = r.p.asked.iter().filter(|k| *k == "~resp.is_rep").count();
    assert_eq!(n, 2, "{:?}", r.p.asked);
    assert_eq!(s(&r, "principal.responsible.is_legal_representative"), "true");
}

#[test]
fn government_chooses_among_its_certificates_and_a_gov_cn_domain() {
    let mut script = account();
    script.extend([pick("government"), text("深圳市示例区政务服务数据管理局"), pick("government_code")]);
    let r = run(script.clone());
    let offered = r.p.offered.iter().find(|(k, _)| k == "principal.document.type").unwrap();
    assert_eq!(offered.1, ["government_code", "other"]);
    script.extend([
        text(&uscc_for("11440300MB2C0000")),
        pick("广东"),
        enter(),
        text("广东省深圳市示例区政府大楼"),
        enter(),
        enter(),
        text("王五"),
        pick("resident_id"),
        text("44030519900101123X"),
        Y,
        text("2031-05-01"),
        enter(),
    ]);
    script.extend(contacts("13800138000", "13900139000"));
    script.push(enter());
    script.extend([text("example.com")]);
    script.extend(domain("example.gov.cn"));
    script.extend([site(), text("示例区政务服务网"), enter(), pick("government_portal"), enter()]);
    script.extend(website_tail());
    let r = run(script);
    assert!(
        r.p.rejected
            .iter()
            .any(|(k, _, e)| k == "domain.0.name" && e.contains("DOMAIN-GOV-SUFFIX")),
        "{:?}",
        r.p.rejected
    );
    assert!(r.done, "{:?}", r.p.asked);
    assert_eq!(s(&r, "principal.document.type"), "government_code");
}

#[test]
fn an_out_of_province_id_leads_to_the_residence_or_social_security_question() {
    // A Beijing ID filing in Guangdong; no residence permit, 6 months of social security.
    let mut script = individual_gd("110101199003078670", "resident_id");
    script.extend([N, text("6")]);
    script.extend(contacts("13800138000", "13900139000"));
    script.push(enter());
    script.extend(domain("example.com"));
    script.extend(website_individual());
    let r = run(script);
    assert_clean(&r);
    assert_eq!(s(&r, "principal.responsible.social_security_months"), "6");
    assert!(r.p.notes.iter().any(|n| n.contains("北京")), "{:?}", r.p.notes);
}

#[test]
fn guangdong_says_at_once_that_too_little_social_security_is_refused() {
    let mut script = individual_gd("110101199003078670", "resident_id");
    script.extend([N, text("0")]);
    let r = run(script);
    // Said right after the answer, with a choice to answer again.
    let last = r.p.asked.last().unwrap();
    assert!(last.contains("保留这个回答"), "{:?}", r.p.asked);
    assert!(
        r.p.notes.iter().any(|n| n.contains("GD-IND-OUT-OF-PROVINCE") || n.contains("社保")),
        "{:?}",
        r.p.notes
    );
}

#[test]
fn taiwan_and_foreign_documents() {
    let mut script = account();
    script.extend([
        pick("individual"),
        text("陈大文"),
        pick("taiwan_permit"),
        text("12345678"),
        pick("广东"),
        text("2031-05-01"),
        text("广东省深圳市福田区某街道1号"), // mailing address: a permit prints none
        enter(),
        N, // no residence permit
    ]);
    script.extend(contacts("13800138000", "13900139000"));
    let r = run(script);
    assert!(r.p.notes.iter().any(|n| n.contains("ID-TAIWAN-NUMBER")), "{:?}", r.p.notes);
    assert!(r.p.asked.iter().any(|k| k.contains("has_permit")));

    let mut script = individual_gd("932682198501010017", "foreign_permanent_resident_id");
    script.extend(contacts("13800138000", "13900139000"));
    let r = run(script);
    assert!(!r.p.asked.iter().any(|k| k.contains("has_permit")), "{:?}", r.p.asked);

    // Passport: asked about a residence permit, and no address question.
    let mut script = account();
    script.extend([
        pick("individual"),
        text("John Smith"),
        pick("passport"),
        text("E12345678"),
        pick("广东"),
        text("2031-05-01"),
        text("广东省深圳市福田区某街道1号"), // mailing address
        enter(),
        Y,
        text("2029-01-01"),
    ]);
    let r = run(script);
    assert!(!r.p.asked.contains(&"principal.address".to_string()), "{:?}", r.p.asked);
    assert_eq!(s(&r, "principal.responsible.residence_permit.valid_until"), "2029-01-01");
}
