//! The question flow driven by scripted answers: every step, each branch, re-asking, resume.

use super::answers::NoInput;
use super::flow::{Flow, Progress, evaluate, get};
use super::prompter::{Say, Scripted, pick, text};
use super::{parse_saved, saved_text};
use crate::diag::{Lang, Severity};
use chrono::NaiveDate;
use toml::Table;

const Y: Say = Say::Yes;
const N: Say = Say::No;
fn enter() -> Say {
    text("")
}

struct Run {
    draft: Table,
    progress: Progress,
    p: Scripted,
    saves: Vec<String>,
    done: bool,
}

fn run_with(start: Table, progress: Progress, script: Vec<Say>, lang: Lang) -> Run {
    let mut p = Scripted::new(script);
    let mut saves = Vec::new();
    let mut save = |d: &Table, pr: &Progress| saves.push(saved_text(d, pr));
    let mut flow = Flow::new(crate::rules::rules(), lang, start, progress, &mut p, &mut save).today(day("2026-11-29"));
    let done = flow.run().is_ok();
    let (draft, progress) = (flow.draft.clone(), flow.progress.clone());
    drop(flow);
    Run {
        draft,
        progress,
        p,
        saves,
        done,
    }
}

fn run(script: Vec<Say>) -> Run {
    run_with(Table::new(), Progress::default(), script, Lang::Zh)
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn s(r: &Run, key: &str) -> String {
    match get(&r.draft, key) {
        Some(toml::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => panic!("{key} missing from {}", toml::to_string(&r.draft).unwrap()),
    }
}

fn errors(r: &Run) -> Vec<String> {
    evaluate(crate::rules::rules(), &r.draft)
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {}", f.rule, f.field))
        .collect()
}

fn assert_clean(r: &Run) {
    assert!(r.done, "flow stopped early; asked {:?}", r.p.asked);
    assert!(r.p.script.is_empty(), "script left over: {:?}", r.p.script);
    let e = errors(r);
    assert!(e.is_empty(), "errors: {e:?}\n{}", toml::to_string(&r.draft).unwrap());
}

fn account() -> Vec<Say> {
    vec![
        pick("huaweicloud"),
        Y,             // real-name verified
        pick("first"), // filing type
        pick("ecs"),   // resource
        enter(),       // region: default cn-south-1
        text("12"),    // months
        text("0"),     // filings used
        text("2026-12-01"),
    ]
}

/// The domain step for a holder who is the principal.
fn domain(name: &str) -> Vec<Say> {
    vec![
        text(name),
        Y, // holder = principal
        Y, // real-name verified
        text("2026-10-10"),
        text("2026-10-01"),
        text("2028-10-01"),
        enter(), // registrar (optional)
        N,       // another domain?
    ]
}

fn contacts(mobile: &str, emergency: &str) -> Vec<Say> {
    vec![text(mobile), text(emergency), enter(), text("someone@example.com")]
}

fn individual_gd(id: &str, doc: &str) -> Vec<Say> {
    let mut v = account();
    v.extend([
        pick("individual"),
        pick("广东"),
        text("张三"),
        pick(doc),
        text(id),
        text("2031-05-01"),
        text("广东省深圳市福田区某街道1号"),
        enter(), // mailing address = ID address
    ]);
    v
}

fn website_individual() -> Vec<Say> {
    vec![
        text("张三的技术笔记"),
        enter(),      // home url: www.<domain>
        pick("blog"), // service content
        enter(),      // languages: zh-CN
        Y,            // responsible = principal
        N,            // another website?
    ]
}

#[test]
fn individual_in_guangdong_completes_a_clean_draft() {
    let mut script = individual_gd("44030519900101123X", "resident_id");
    script.extend(contacts("13800138000", "13900139000"));
    script.extend(domain("example.com"));
    script.extend(website_individual());
    let r = run(script);
    assert_clean(&r);
    // An individual is their own responsible person, with the same document.
    assert_eq!(s(&r, "principal.responsible.name"), "张三");
    assert_eq!(s(&r, "principal.responsible.document.number"), "44030519900101123X");
    assert_eq!(s(&r, "principal.responsible.document.address"), "广东省深圳市福田区某街道1号");
    assert_eq!(s(&r, "principal.mailing_address"), "广东省深圳市福田区某街道1号");
    assert_eq!(s(&r, "domain.0.holder"), "张三");
    assert_eq!(s(&r, "website.0.domains"), "[\"example.com\"]");
    assert_eq!(s(&r, "website.0.home_url"), "www.example.com");
    assert_eq!(s(&r, "website.0.responsible"), "principal");
    assert_eq!(s(&r, "account.resource.region"), "cn-south-1");
    // Birth date and province come from the ID number: never asked, but told.
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
    // An individual is never asked for the organisation questions.
    assert!(
        !r.p.asked
            .iter()
            .any(|k| k.ends_with("is_legal_representative") || k == "principal.responsible.name")
    );
    assert_eq!(r.progress.done, super::flow::STEPS);
    // Saved after every answer, and every save is a valid draft.
    assert!(r.saves.len() > 30);
    for saved in &r.saves {
        parse_saved(saved).unwrap();
    }
}

#[test]
fn an_invalid_answer_is_explained_and_asked_again() {
    let mut script = individual_gd("44030519900101123X", "resident_id");
    // A bad check digit first.
    script.insert(script.len() - 4, text("440305199001011230"));
    // The emergency phone the same as the mobile: a rule over two answers.
    script.extend([
        text("13800138000"),
        text("13800138000"),
        text("13900139000"),
        enter(),
        text("not-an-email"),
        text("a@example.com"),
    ]);
    script.extend(domain("example.com"));
    script.extend([text("2026-13-45")]); // not a date: ignored by the next step's script below
    script.pop();
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
    // What, why and the fix, with the number masked.
    assert!(why.contains("ID-NUMBER") && why.contains("原因") && why.contains("修改"), "{why}");
    assert!(!why.contains("440305199001011230"), "{why}");
    assert!(r.p.rejected[1].2.contains("CONTACT-EMERGENCY-SAME"), "{}", r.p.rejected[1].2);
}

#[test]
fn shape_errors_are_refused_and_a_rule_refusal_can_be_kept_by_repeating() {
    let mut script = account();
    // filing_date is the last account answer: make it a non-date first.
    let last = script.pop().unwrap();
    script.extend([text("明天"), last]);
    script.extend([pick("individual"), pick("广东"), text("张三"), pick("resident_id")]);
    // Expired ID: refused, then kept by entering it twice.
    script.extend([text("44030519900101123X"), text("2020-01-01"), text("2020-01-01")]);
    let r = run(script);
    assert!(!r.done); // the script ends here, like Ctrl-C
    assert_eq!(r.p.rejected[0].0, "filing_date");
    assert!(r.p.rejected[0].2.contains("不是日期"));
    assert_eq!(r.p.rejected[1].0, "principal.document.valid_until");
    assert!(r.p.rejected[1].2.contains("再输入一次"), "{}", r.p.rejected[1].2);
    assert_eq!(s(&r, "principal.document.valid_until"), "2020-01-01");
}

fn enterprise(province: &str, name: &str, uscc: &str, address: &str, id: &str) -> Vec<Say> {
    let mut script = account();
    script.extend([
        pick("enterprise"),
        pick(province),
        text(name),
        // document type: only business_license is allowed, so it is not asked
        text(uscc),
        enter(), // valid until: long-term
        text(address),
        enter(), // mailing address = certificate address
        // responsible person
        text("张三"),
        Y, // legal representative
        pick("resident_id"),
        text(id),
        text("2031-05-01"),
        enter(), // address on the ID (optional)
    ]);
    script.extend(contacts("13800138000", "13900139000"));
    script
}

#[test]
fn enterprise_with_the_principal_responsible_person_for_the_website() {
    let mut script = enterprise(
        "广东",
        "深圳市示例网络科技有限公司",
        "91440300MA5F000181",
        "广东省深圳市南山区科技园路1号",
        "44030519900101123X",
    );
    script.extend(domain("example.com"));
    script.extend([text("示例科技官网"), enter(), pick("enterprise_portal"), enter(), Y, N]);
    let r = run(script);
    assert_clean(&r);
    assert!(!r.p.asked.contains(&"principal.document.type".to_string()));
    assert_eq!(s(&r, "principal.document.type"), "business_license");
    assert_eq!(s(&r, "principal.document.valid_until"), "long-term");
    assert_eq!(s(&r, "principal.responsible.is_legal_representative"), "true");
    assert_eq!(s(&r, "domain.0.holder_document_number"), "91440300MA5F000181");
    assert_eq!(s(&r, "website.0.responsible"), "principal");
}

/// A USCC that passes GB 32100 for a body and region: the last two characters are searched.
fn uscc_for(body: &str) -> String {
    const A: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    A.chars()
        .flat_map(|a| A.chars().map(move |b| format!("{body}{a}{b}")))
        .find(|c| crate::validators::uscc::parse(c).is_ok() && crate::validators::uscc::warnings(c).is_empty())
        .unwrap()
}

#[test]
fn enterprise_with_a_different_website_responsible_person_confirms_the_consequence() {
    // Hubei wants an authorisation letter when the website's responsible person is not the
    // legal representative: the wizard says so and asks whether to continue.
    let mut script = enterprise(
        "湖北",
        "武汉市示例网络科技有限公司",
        &uscc_for("91420100MA4K0000"),
        "湖北省武汉市洪山区珞喻路1号",
        "42010219900307867X",
    );
    script.extend(domain("example.com"));
    script.extend([
        text("示例科技官网"),
        enter(),
        pick("enterprise_portal"),
        enter(),
        N, // the website has its own responsible person
        text("李四"),
        N, // not the legal representative
    ]);
    let r = run(script.clone());
    assert!(!r.done);
    assert!(r.p.asked.last().unwrap().contains("继续"), "{:?}", r.p.asked);
    assert!(
        r.p.notes.iter().any(|n| n.contains("还需要准备") && n.contains("网站负责人授权书")),
        "{:?}",
        r.p.notes
    );

    script.extend([
        Y, // continue
        pick("resident_id"),
        text("420102199101010070"),
        text("2033-01-01"),
        enter(),
    ]);
    script.extend([text("13700137000"), text("13600136000"), enter(), text("lisi@example.com")]);
    script.push(N); // another website?
    let r = run(script);
    assert!(r.done, "{:?} / {:?}", r.p.asked, r.p.script);
    assert!(r.p.script.is_empty(), "{:?}", r.p.script);
    assert_eq!(s(&r, "website.0.responsible.name"), "李四");
    assert_eq!(s(&r, "website.0.responsible.is_legal_representative"), "false");
    let e = errors(&r);
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn guangdong_refuses_a_principal_responsible_who_is_not_the_legal_representative() {
    let mut script = account();
    script.extend([
        pick("enterprise"),
        pick("广东"),
        text("深圳市示例网络科技有限公司"),
        text("91440300MA5F000181"),
        enter(),
        text("广东省深圳市南山区科技园路1号"),
        enter(),
        text("张三"),
        N, // not the legal representative: GD-LEGAL-REP
        N, // do not keep it: asked again
        Y,
    ]);
    let r = run(script);
    assert!(r.p.notes.iter().any(|n| n.contains("GD-LEGAL-REP")), "{:?}", r.p.notes);
    let n = r.p.asked.iter().filter(|k| k.ends_with("is_legal_representative")).count();
    assert_eq!(n, 2, "{:?}", r.p.asked);
    assert_eq!(s(&r, "principal.responsible.is_legal_representative"), "true");
}

/// A government code that passes GB 32100: category 11, region 440300, check digit computed.
fn government_code() -> String {
    uscc_for("11440300MB2C0000")
}

#[test]
fn government_chooses_among_its_certificates_and_a_gov_cn_domain() {
    let mut script = account();
    script.extend([
        pick("government"),
        pick("广东"),
        text("深圳市示例区政务服务数据管理局"),
        pick("government_code"),
    ]);
    let r = run(script.clone());
    // Only the documents the rules allow for a government body are offered.
    let offered = r.p.offered.iter().find(|(k, _)| k == "principal.document.type").unwrap();
    assert_eq!(offered.1, ["government_code", "other"]);
    script.extend([
        text(&government_code()),
        enter(),
        text("广东省深圳市示例区政府大楼"),
        enter(),
        text("王五"),
        Y,
        pick("resident_id"),
        text("44030519900101123X"),
        text("2031-05-01"),
        enter(),
    ]);
    script.extend(contacts("13800138000", "13900139000"));
    // A .com domain is refused for a government body, then a gov.cn one is accepted.
    script.extend([text("example.com")]);
    script.extend(domain("example.gov.cn"));
    script.extend([text("示例区政务服务网"), enter(), pick("government_portal"), enter(), Y, N]);
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
fn hong_kong_resident_in_guangdong_is_asked_for_the_residence_permit() {
    // Guangdong refuses the HK/Macau travel permit for individuals (GD-IND-HMT-PERMIT): the
    // wizard explains it at the document question, and the resident answers again with the
    // HMT residence permit.
    let mut script = account();
    script.extend([
        pick("individual"),
        pick("广东"),
        text("张三"),
        pick("hk_macau_permit"),
        N, // do not keep the refused answer
        pick("hmt_residence_permit"),
        text("810000199001011230"),
        text("2031-05-01"),
        text("广东省深圳市福田区某街道1号"),
        enter(),
    ]);
    script.extend(contacts("13800138000", "13900139000"));
    let r = run(script);
    assert!(
        r.p.notes.iter().any(|n| n.contains("GD-IND-HMT-PERMIT") && n.contains("居住证")),
        "{:?}",
        r.p.notes
    );
    assert_eq!(s(&r, "principal.responsible.document.type"), "hmt_residence_permit");
    assert_eq!(s(&r, "principal.responsible.document.number"), "810000199001011230");
}

#[test]
fn an_out_of_province_id_leads_to_the_residence_or_social_security_question() {
    // A Beijing ID filing in Guangdong; no residence permit, 6 months of social security.
    let mut script = individual_gd("110101199003078670", "resident_id");
    script.extend([N, text("6")]);
    script.extend(contacts("13800138000", "13900139000"));
    script.extend(domain("example.com"));
    script.extend(website_individual());
    let r = run(script);
    assert_clean(&r);
    assert_eq!(s(&r, "principal.responsible.social_security_months"), "6");
    assert!(r.p.notes.iter().any(|n| n.contains("北京")), "{:?}", r.p.notes);
}

#[test]
fn taiwan_and_foreign_documents() {
    // Taiwan: the permit takes the Taiwan ID number; the 8-digit permit number gets a warning note.
    let mut script = individual_gd("12345678", "taiwan_permit");
    script.extend([N]); // no residence permit
    script.extend(contacts("13800138000", "13900139000"));
    let r = run(script);
    assert!(r.p.notes.iter().any(|n| n.contains("ID-TAIWAN-NUMBER")), "{:?}", r.p.notes);
    assert!(r.p.asked.iter().any(|k| k.contains("居住证")));

    // Foreign permanent resident ID: no travel-document follow-up.
    let mut script = individual_gd("932682198501010017", "foreign_permanent_resident_id");
    script.extend(contacts("13800138000", "13900139000"));
    let r = run(script);
    assert!(!r.p.asked.iter().any(|k| k.contains("居住证")), "{:?}", r.p.asked);
    assert_eq!(s(&r, "principal.responsible.document.type"), "foreign_permanent_resident_id");

    // A Macau resident's travel permit outside Guangdong (Guangxi accepts it): asked about a
    // residence permit too.
    let mut script = account();
    script.extend([
        pick("individual"),
        pick("广西"),
        text("张三"),
        pick("hk_macau_permit"),
        text("M12345678"),
        text("2031-05-01"),
        text("广西壮族自治区南宁市青秀区某路1号"),
        enter(),
    ]);
    script.extend([Y, text("2028-05-01")]);
    let r = run(script);
    assert_eq!(s(&r, "principal.responsible.document.number"), "M12345678");
    assert_eq!(s(&r, "principal.responsible.residence_permit.province"), "广西");

    // The HMT residence permit itself: nothing more to ask.
    let mut script = individual_gd("81000019980902013X", "hmt_residence_permit");
    script.extend(contacts("13800138000", "13900139000"));
    script.extend(domain("example.com"));
    script.extend(website_individual());
    let r = run(script);
    assert_clean(&r);
    assert!(!r.p.asked.iter().any(|k| k.contains("居住证")), "{:?}", r.p.asked);

    // Passport: asked about a residence permit.
    let mut script = individual_gd("E12345678", "passport");
    script.extend([Y, text("2029-01-01")]);
    let r = run(script);
    assert_eq!(s(&r, "principal.responsible.residence_permit.valid_until"), "2029-01-01");
}

#[test]
fn resume_continues_where_it_stopped() {
    let mut full = individual_gd("44030519900101123X", "resident_id");
    full.extend(contacts("13800138000", "13900139000"));
    full.extend(domain("example.com"));
    full.extend(website_individual());
    // Stop (as with Ctrl-C) in the middle of the responsible step.
    let cut = full.len() - 8 - 6 - 2;
    let first = run(full[..cut].to_vec());
    assert!(!first.done);
    let saved = first.saves.last().unwrap();
    assert!(saved.starts_with("# beian-wizard-progress: "));
    let (draft, progress) = parse_saved(saved).unwrap();
    assert_eq!(progress.done, ["account", "principal"]);
    // The saved file is a valid draft for `check` too.
    let loaded = crate::draft::load_str(saved);
    assert!(
        loaded.issues.is_empty(),
        "{:?}",
        loaded.issues.iter().map(|i| i.code).collect::<Vec<_>>()
    );

    let second = run_with(draft, progress, full[cut..].to_vec(), Lang::Zh);
    assert_clean(&second);
    // Nothing answered before is asked again.
    for k in &first.p.asked[..first.p.asked.len() - 1] {
        assert!(k.is_empty() || !second.p.asked.contains(k), "{k} asked twice");
    }
    assert_eq!(second.p.asked[0], "principal.responsible.contact.phone");
}

#[test]
fn skipped_optional_answers_are_not_asked_again_on_resume() {
    let mut script = individual_gd("44030519900101123X", "resident_id");
    script.extend([text("13800138000"), text("13900139000"), enter()]); // landline skipped
    let first = run(script);
    let (draft, progress) = parse_saved(first.saves.last().unwrap()).unwrap();
    assert_eq!(progress.skipped, ["principal.responsible.contact.phone"]);
    let second = run_with(draft, progress, vec![text("a@example.com")], Lang::Zh);
    assert_eq!(second.p.asked[0], "principal.responsible.contact.email");
}

#[test]
fn prefilled_answers_are_validated_not_asked() {
    let src = example_draft();
    let draft: Table = src.parse().unwrap();
    let r = run_with(draft, Progress::default(), vec![N, N], Lang::Zh);
    assert!(r.done, "asked {:?}", r.p.asked);
    // Only "another domain / website?" remain: no answer is asked again.
    assert_eq!(r.p.asked, ["再添加一个域名吗？", "再添加一个网站吗？"]);

    // A prefilled answer that breaks a rule is explained and asked (interactive) …
    let mut draft: Table = src.parse().unwrap();
    crate::draft::edit::set(&mut draft, "principal.responsible.contact.mobile", "12345".into()).unwrap();
    let r = run_with(draft.clone(), Progress::default(), vec![text("13700137000"), N, N], Lang::Zh);
    assert!(r.done);
    assert_eq!(r.p.asked[0], "principal.responsible.contact.mobile");
    assert!(r.p.notes.iter().any(|n| n.contains("CONTACT-FORMAT")), "{:?}", r.p.notes);

    // … and reported, never asked, without input.
    let mut p = NoInput::default();
    let mut save = |_: &Table, _: &Progress| {};
    let mut flow = Flow::new(crate::rules::rules(), Lang::Zh, draft, Progress::default(), &mut p, &mut save);
    flow.run().unwrap();
    assert!(flow.missing.is_empty());
    assert_eq!(flow.invalid.len(), 1);
    assert_eq!(flow.invalid[0].field, "principal.responsible.contact.mobile");
}

#[test]
fn no_input_collects_every_missing_key() {
    let mut draft = Table::new();
    super::answers::apply_sets(&mut draft, &["principal.kind=enterprise".into(), "principal.province=广东".into()]).unwrap();
    let mut p = NoInput::default();
    let mut save = |_: &Table, _: &Progress| {};
    let mut flow = Flow::new(crate::rules::rules(), Lang::En, draft, Progress::default(), &mut p, &mut save);
    flow.run().unwrap();
    let keys: Vec<&str> = flow.missing.iter().map(|m| m.key.as_str()).collect();
    for k in [
        "account.real_name_verified",
        "account.filing_type",
        "principal.name",
        "principal.document.number",
        "principal.responsible.name",
        "principal.responsible.document.type",
        "principal.responsible.contact.mobile",
        "domain.0.name",
        "domain.0.expires_on",
        "website.0.name",
        "website.0.responsible",
    ] {
        assert!(keys.contains(&k), "{k} not in {keys:?}");
    }
    // Optional keys and keys with a value are not reported.
    assert!(!keys.contains(&"principal.kind"));
    assert!(!keys.contains(&"principal.responsible.contact.phone"));
    assert!(!keys.contains(&"account.provider"));
    // Enterprise: the only document type is filled in, not reported.
    assert!(!keys.contains(&"principal.document.type"));
}

#[test]
fn english_prompts() {
    let r = run_with(Table::new(), Progress::default(), vec![], Lang::En);
    assert!(!r.done);
    assert_eq!(r.p.asked, ["account.provider"]);
    let zh = run(vec![]);
    assert_eq!(zh.p.notes[0], "[1/6] 账号与接入资源");
    assert_eq!(r.p.notes[0], "[1/6] Account and resource");
}

#[test]
fn a_refused_selection_is_taken_back_before_asking_again() {
    let mut script = individual_gd("44030519900101123X", "resident_id");
    script.extend(contacts("13800138000", "13900139000"));
    script.extend(domain("example.com"));
    script.extend([
        text("张三的技术笔记"),
        enter(),
        pick("bbs"),     // not for individuals
        N,               // answer again
        pick("finance"), // not for individuals either: must be caught again
        N,
        pick("blog"),
        enter(),
        Y,
        N,
    ]);
    let r = run(script);
    assert_clean(&r);
    let refused = r.p.notes.iter().filter(|n| n.contains("SERVICE-INDIVIDUAL")).count();
    assert_eq!(refused, 2, "{:?}", r.p.notes);
    assert_eq!(s(&r, "website.0.service_content"), "[\"blog\"]");
}

#[test]
fn a_service_that_needs_a_pre_approval_asks_for_it() {
    let mut script = enterprise(
        "广东",
        "深圳市示例网络科技有限公司",
        "91440300MA5F000181",
        "广东省深圳市南山区科技园路1号",
        "44030519900101123X",
    );
    script.extend(domain("example.com"));
    script.extend([
        text("示例科技资讯"),
        enter(),
        pick("news"),
        Y,                               // continue despite the material it needs
        Y,                               // holds the approval
        text("粤新闻许可〔2026〕001号"), // approval number
        text("2029-12-31"),
        enter(),
        Y,
        N,
    ]);
    let r = run(script);
    assert_clean(&r);
    assert!(r.p.notes.iter().any(|n| n.contains("PREAPPROVAL-REQUIRED")), "{:?}", r.p.notes);
    assert_eq!(s(&r, "website.0.preapproval.0.kind"), "news");
    assert_eq!(s(&r, "website.0.preapproval.0.valid_until"), "2029-12-31");
}

#[test]
fn finish_writes_atomically_and_replaces_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let draft = example_draft();
    let out = dir.path().join("f");
    std::fs::write(&out, "a file in the way").unwrap();
    let e = super::finish(&out, &draft, Lang::En, false).unwrap_err().to_string();
    assert!(e.contains("--force"), "{e}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "a file in the way");
    // Not even --force replaces something beian did not write.
    assert!(super::finish(&out, &draft, Lang::En, true).is_err());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "a file in the way");
    std::fs::remove_file(&out).unwrap();
    super::finish(&out, &draft, Lang::En, false).unwrap();
    assert!(out.join("draft.toml").is_file() && out.join("checklist.md").is_file());
    std::fs::write(out.join("draft.toml"), "old").unwrap();
    assert!(
        super::finish(&out, &draft, Lang::En, false).is_err(),
        "an existing bundle needs --force"
    );
    super::finish(&out, &draft, Lang::En, true).unwrap();
    assert_ne!(std::fs::read_to_string(out.join("draft.toml")).unwrap(), "old");
    let md = std::fs::read_to_string(out.join("checklist.md")).unwrap();
    assert!(md.contains("commitment"), "{md}");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["f"], "no backup or temp left");
}

/// The project's own complete example (a 广东 enterprise's first filing).
fn example_draft() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/drafts/guangdong-enterprise.toml");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}
