//! The question flow driven by scripted answers: every step, each branch, re-asking, back,
//! edit, resume, and the four personas end to end (a draft `check` passes, letters naming the
//! right people).

use super::answers::NoInput;
use super::engine::{Flow, Progress};
use super::prompter::{Say, Scripted, pick, text};
use super::questions::{evaluate, get};
use super::{parse_saved, saved_text};
use crate::diag::{Lang, Severity};
use chrono::NaiveDate;
use toml::Table;

pub(super) const Y: Say = Say::Yes;
pub(super) const N: Say = Say::No;
pub(super) fn enter() -> Say {
    text("")
}

pub(super) struct Run {
    pub draft: Table,
    pub progress: Progress,
    pub p: Scripted,
    pub saves: Vec<String>,
    pub splits: Vec<String>,
    pub done: bool,
}

pub(super) fn run_with(start: Table, progress: Progress, script: Vec<Say>, lang: Lang) -> Run {
    let mut p = Scripted::new(script);
    let mut saves = Vec::new();
    let mut splits = Vec::new();
    let mut save = |d: &Table, pr: &Progress| saves.push(saved_text(d, pr));
    let mut split = |d: &Table, pr: &Progress| -> Result<String, String> {
        splits.push(saved_text(d, pr));
        Ok("draft-2.toml".into())
    };
    let mut flow = Flow::new(crate::rules::rules(), lang, start, progress, &mut p, &mut save)
        .today(day("2026-11-29"))
        .splitter(&mut split);
    let done = flow.run().is_ok() && matches!(flow.review(), Ok(super::engine::Review::Write));
    let (draft, progress) = (flow.draft.clone(), flow.progress.clone());
    drop(flow);
    Run {
        draft,
        progress,
        p,
        saves,
        splits,
        done,
    }
}

pub(super) fn run(script: Vec<Say>) -> Run {
    run_with(Table::new(), Progress::default(), script, Lang::Zh)
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub(super) fn s(r: &Run, key: &str) -> String {
    match get(&r.draft, key) {
        Some(toml::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => panic!("{key} missing from {}", toml::to_string(&r.draft).unwrap()),
    }
}

pub(super) fn errors(r: &Run) -> Vec<String> {
    evaluate(crate::rules::rules(), &r.draft)
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {}", f.rule, f.field))
        .collect()
}

pub(super) fn assert_clean(r: &Run) {
    assert!(r.done, "flow stopped early; asked {:?}", r.p.asked);
    assert!(r.p.script.is_empty(), "script left over: {:?}", r.p.script);
    let e = errors(r);
    assert!(e.is_empty(), "errors: {e:?}\n{}", toml::to_string(&r.draft).unwrap());
}

/// A first filing: no filing number yet.
pub(super) fn account() -> Vec<Say> {
    vec![
        N, // already a filing number?
        pick("huaweicloud"),
        Y,           // real-name verified
        pick("ecs"), // resource
        enter(),     // region: default cn-south-1
        text("12"),  // months
        text("0"),   // filings used
        text("2026-12-01"),
        enter(), // step summary: continue
    ]
}

/// The domain step for a holder who is the principal, and no more domains.
pub(super) fn domain(name: &str) -> Vec<Say> {
    let mut v = domain_only(name);
    v.extend([N, enter()]); // another domain? summary
    v
}

pub(super) fn domain_only(name: &str) -> Vec<Say> {
    vec![
        text(name),
        Y, // holder = principal
        Y, // real-name verified
        text("2026-10-10"),
        text("2026-10-01"),
        text("2028-10-01"),
        enter(), // registrar (optional)
    ]
}

pub(super) fn contacts(mobile: &str, emergency: &str) -> Vec<Say> {
    vec![text(mobile), text(emergency), enter(), text("someone@example.com")]
}

fn individual_gd(id: &str, doc: &str) -> Vec<Say> {
    let mut v = account();
    v.extend([
        pick("individual"),
        text("张三"),
        pick(doc),
        text(id),
        pick("广东"),
        text("2031-05-01"),
        text("广东省深圳市福田区某街道1号"),
        enter(), // mailing address = ID address
        enter(), // summary
    ]);
    v
}

/// Website, no second one, no APP, materials later.
pub(super) fn website_tail() -> Vec<Say> {
    vec![
        pick("principal"), // responsible = principal's
        N,                 // another website?
        enter(),           // summary
        N,                 // an APP too?
        N,                 // materials now?
        enter(),           // review: write the bundle
    ]
}

fn website_individual() -> Vec<Say> {
    let mut v = vec![
        text("张三的技术笔记"),
        enter(),      // home url: www.<domain>
        pick("blog"), // service content
        enter(),      // languages: 简体中文
    ];
    v.extend(website_tail());
    v
}

fn individual_full() -> Vec<Say> {
    let mut script = individual_gd("44030519900101123X", "resident_id");
    script.extend(contacts("13800138000", "13900139000"));
    script.push(enter()); // responsible summary
    script.extend(domain("example.com"));
    script.extend(website_individual());
    script
}

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

#[test]
fn back_over_three_questions_offers_the_old_answers_as_defaults() {
    let mut script = account();
    script.truncate(script.len() - 1); // stop before the summary
    // Esc at the summary, at the filing date and at the filings used goes back over three
    // questions; Enter then keeps each old answer as the default, and the summary comes again.
    script.extend([Say::Back, Say::Back, Say::Back]);
    script.extend([enter(), enter(), enter(), enter()]);
    let r = run(script);
    let asked: Vec<&str> = r.p.asked.iter().map(String::as_str).collect();
    let tail = &asked[asked.len() - 8..];
    assert_eq!(
        tail,
        [
            "~summary.account",
            "filing_date",
            "account.resource.filings_used",
            "account.resource.purchased_months",
            "account.resource.filings_used",
            "filing_date",
            "~summary.account",
            "principal.kind"
        ],
        "{asked:?}"
    );
    // The defaults were the earlier answers, not the questions' own defaults.
    assert_eq!(s(&r, "account.resource.purchased_months"), "12");
    assert_eq!(s(&r, "filing_date"), "2026-12-01");
}

#[test]
fn an_answer_changed_from_the_step_summary_is_asked_again_and_kept() {
    let mut script = account();
    script.truncate(script.len() - 1);
    // Summary items: 1 has a number? 2 provider 3 real-name 4 resource 5 region 6 months …
    script.extend([pick("account.resource.purchased_months"), text("24"), enter()]);
    let r = run(script);
    assert_eq!(s(&r, "account.resource.purchased_months"), "24");
    let offered = r.p.offered.iter().rev().find(|(k, _)| k == "~summary.account").unwrap();
    assert!(offered.1.contains(&"account.provider".to_string()), "{:?}", offered.1);
    assert!(r.progress.done.contains(&"account".to_string()));
}

#[test]
fn the_review_lists_findings_with_their_question_and_fix_it_jumps_there() {
    // A complete draft with an expiring domain: the review offers to fix it.
    let mut script = individual_gd("44030519900101123X", "resident_id");
    script.extend(contacts("13800138000", "13900139000"));
    script.push(enter());
    let mut d = domain("example.com");
    d[5] = text("2026-12-20"); // expires within three months: a warning
    script.extend(d);
    script.extend(website_individual());
    script.pop(); // the review comes below
    // The review: pick the finding on the expiry date, answer again, then write.
    script.extend([pick("DOMAIN-EXPIRY-SOON"), text("2028-10-01"), enter(), enter()]);
    let r = run(script);
    assert_clean(&r);
    let offered = r.p.offered.iter().find(|(k, _)| k == "~review").unwrap();
    assert!(offered.1.iter().any(|id| id == "DOMAIN-EXPIRY-SOON"), "{:?}", offered.1);
    assert_eq!(s(&r, "domain.0.expires_on"), "2028-10-01");
}

fn enterprise(province: &str, name: &str, uscc: &str, address: &str, id: &str) -> Vec<Say> {
    let mut script = account();
    script.extend([
        pick("enterprise"),
        text(name),
        // document type: only business_license is allowed, so it is not asked
        text(uscc),
        pick(province),
        enter(), // valid until: long-term
        text(address),
        enter(), // mailing address = certificate address
        enter(), // summary
        // the legal representative; the same person is responsible
        text("张三"),
        pick("resident_id"),
        text(id),
        Y,
        text("2031-05-01"),
        enter(), // address on the ID (optional)
    ]);
    script.extend(contacts("13800138000", "13900139000"));
    script.push(enter());
    script
}

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
    script.extend([text("示例科技官网"), enter(), pick("enterprise_portal"), enter()]);
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

/// A USCC that passes GB 32100 for a body and region: the last two characters are searched.
pub(super) fn uscc_for(body: &str) -> String {
    const A: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    A.chars()
        .flat_map(|a| A.chars().map(move |b| format!("{body}{a}{b}")))
        .find(|c| crate::validators::uscc::parse(c).is_ok() && crate::validators::uscc::warnings(c).is_empty())
        .unwrap()
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
    script.extend([text("示例区政务服务网"), enter(), pick("government_portal"), enter()]);
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

#[test]
fn resume_continues_where_it_stopped() {
    let full = individual_full();
    let cut = full.len() - 20;
    let first = run(full[..cut].to_vec());
    assert!(!first.done);
    let saved = first.saves.last().unwrap();
    assert!(saved.starts_with("# beian-wizard-progress: "));
    let (draft, progress) = parse_saved(saved).unwrap();
    assert_eq!(progress.done, ["account", "principal"]);
    let loaded = crate::draft::load_str(saved);
    assert!(
        loaded.issues.is_empty(),
        "{:?}",
        loaded.issues.iter().map(|i| i.code).collect::<Vec<_>>()
    );
    let second = run_with(draft, progress, full[cut..].to_vec(), Lang::Zh);
    assert_clean(&second);
    for k in &first.p.asked[..first.p.asked.len() - 1] {
        assert!(k.starts_with('~') || !second.p.asked.contains(k), "{k} asked twice");
    }
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

fn example() -> Table {
    include_str!("../../tests/fixtures/scenarios/shanxi-foreign-legal-rep.toml")
        .parse()
        .unwrap()
}

#[test]
fn prefilled_answers_are_validated_not_asked() {
    let draft = example();
    // Only optional keys the file leaves out, and the wizard's own questions, are asked;
    // Enter takes every default.
    let r = run_with(draft.clone(), Progress::default(), vec![enter(); 20], Lang::Zh);
    assert!(r.done, "asked {:?}", r.p.asked);
    let optional = ["principal.responsible.contact.phone", "domain.0.registrar", "website.0.languages"];
    assert!(
        r.p.asked.iter().all(|k| k.starts_with('~') || optional.contains(&k.as_str())),
        "{:?}",
        r.p.asked
    );

    let mut bad = draft.clone();
    crate::draft::edit::set(&mut bad, "principal.responsible.contact.mobile", "12345".into()).unwrap();
    let r = run_with(
        bad.clone(),
        Progress::default(),
        std::iter::once(text("13700137000")).chain(vec![enter(); 20]).collect(),
        Lang::Zh,
    );
    assert!(r.done, "{:?}", r.p.asked);
    assert_eq!(r.p.asked[0], "principal.responsible.contact.mobile");
    assert!(r.p.notes.iter().any(|n| n.contains("CONTACT-FORMAT")), "{:?}", r.p.notes);

    let mut p = NoInput::default();
    let mut save = |_: &Table, _: &Progress| {};
    let mut flow = Flow::new(crate::rules::rules(), Lang::Zh, bad, Progress::default(), &mut p, &mut save);
    flow.run().unwrap();
    assert!(flow.missing.is_empty(), "{:?}", flow.missing);
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
    assert!(!keys.iter().any(|k| k.starts_with('~')), "{keys:?}");
    assert!(!keys.contains(&"principal.kind"));
    assert!(!keys.contains(&"principal.responsible.contact.phone"));
    assert!(!keys.contains(&"account.provider"));
    assert!(!keys.contains(&"principal.document.type"));
    assert!(keys.contains(&"account.filing_type"), "{keys:?}");
}

#[test]
fn english_prompts() {
    let r = run_with(Table::new(), Progress::default(), vec![], Lang::En);
    assert!(!r.done);
    assert_eq!(r.p.asked, ["~type.has_number"]);
    assert_eq!(r.p.notes[0], "[1/8] Filing type and resource");
    let zh = run(vec![]);
    assert_eq!(zh.p.notes[0], "[1/8] 备案类型与接入资源");
}

#[test]
fn a_refused_selection_is_taken_back_before_asking_again() {
    let mut script = individual_gd("44030519900101123X", "resident_id");
    script.extend(contacts("13800138000", "13900139000"));
    script.push(enter());
    script.extend(domain("example.com"));
    script.extend([
        text("张三的技术笔记"),
        enter(),
        pick("bbs"), // not for individuals
        N,
        pick("finance"),
        N,
        pick("blog"),
        enter(),
    ]);
    script.extend(website_tail());
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
        Y, // continue despite the material it needs
        Y, // holds the approval
        text("粤新闻许可〔2026〕001号"),
        text("2029-12-31"),
        enter(),
    ]);
    script.extend(website_tail());
    let r = run(script);
    assert_clean(&r);
    assert!(r.p.notes.iter().any(|n| n.contains("PREAPPROVAL-REQUIRED")), "{:?}", r.p.notes);
    assert_eq!(s(&r, "website.0.preapproval.0.kind"), "news");
    assert_eq!(s(&r, "website.0.preapproval.0.valid_until"), "2029-12-31");
}

#[test]
fn finish_writes_atomically_and_replaces_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let draft = include_str!("../../tests/fixtures/scenarios/shanxi-foreign-legal-rep.toml");
    let out = dir.path().join("f");
    std::fs::write(&out, "a file in the way").unwrap();
    let e = super::finish(&out, draft, Lang::En, false).unwrap_err().to_string();
    assert!(e.contains("--force"), "{e}");
    assert!(super::finish(&out, draft, Lang::En, true).is_err());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "a file in the way");
    std::fs::remove_file(&out).unwrap();
    super::finish(&out, draft, Lang::En, false).unwrap();
    assert!(out.join("draft.toml").is_file() && out.join("checklist.md").is_file());
    std::fs::write(out.join("draft.toml"), "old").unwrap();
    assert!(
        super::finish(&out, draft, Lang::En, false).is_err(),
        "an existing bundle needs --force"
    );
    super::finish(&out, draft, Lang::En, true).unwrap();
    assert_ne!(std::fs::read_to_string(out.join("draft.toml")).unwrap(), "old");
}

#[test]
fn a_shanxi_order_at_the_domain_cap_is_split_into_a_second_draft() {
    let mut script = enterprise(
        "山西",
        "太原市示例贸易有限公司",
        "91140100MA0000007Q",
        "山西省太原市小店区示例路1号",
        "140105198001014565",
    );
    script.extend(domain_only("example-a.cn"));
    script.push(Y);
    script.extend(domain_only("example-b.cn"));
    script.push(Y);
    script.extend(domain_only("example-c.cn"));
    script.extend([pick("split"), enter()]);
    let r = run(script);
    // Said before the fourth domain, with the rule's own words.
    assert!(
        r.p.notes.iter().any(|n| n.contains("再加一个域名就超过上限") && n.contains("3")),
        "{:?}",
        r.p.notes
    );
    let offered = r.p.offered.iter().find(|(k, _)| k == "~domain.more.2").unwrap();
    assert_eq!(offered.1, ["no", "split", "yes"]);
    assert_eq!(r.splits.len(), 1);
    let (second, progress) = parse_saved(&r.splits[0]).unwrap();
    assert!(get(&second, "domain").is_none() && get(&second, "website").is_none());
    assert_eq!(
        get(&second, "principal.name").and_then(|v| v.as_str()),
        Some("太原市示例贸易有限公司")
    );
    assert_eq!(progress.done, ["account", "principal", "responsible"]);
    assert!(r.p.notes.iter().any(|n| n.contains("draft-2.toml")), "{:?}", r.p.notes);
    assert_eq!(super::questions::Cx::count_of(&r.draft, "domain"), 3);
}

/// Walk the question lists of many drafts: every prompt, help and option has both
/// languages, and the English has no Chinese outside names and filing-number examples.
#[test]
fn every_question_has_both_languages() {
    use super::question::{Bi, Input};
    fn strings(v: &toml::Value, out: &mut Vec<String>) {
        match v {
            toml::Value::String(s) => out.push(s.clone()),
            toml::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            toml::Value::Table(t) => t.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let check = |b: &Bi, what: &str, names: &[String]| {
        assert!(!b.zh.is_empty() && !b.en.is_empty(), "{what}: {b:?}");
        // Names (from the draft) and the examples of names and numbers are not words.
        let mut en =
            b.en.replace("ICP备", "")
                .replace("例子.中国", "")
                .replace("张三的技术笔记", "")
                .replace("示例科技官网", "");
        for n in names {
            en = en.replace(n.as_str(), "");
        }
        assert!(
            !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{what}: Chinese in {:?}",
            b.en
        );
    };
    let mut seen = 0;
    let scripts = [individual_full(), {
        let mut s = enterprise(
            "广东",
            "深圳市示例网络科技有限公司",
            "91440300MA5F000181",
            "广东省深圳市南山区科技园路1号",
            "44030519900101123X",
        );
        s.extend(domain("example.com"));
        s
    }];
    for script in scripts {
        for n in (0..script.len()).step_by(3) {
            let r = run(script[..n].to_vec());
            let mut names = Vec::new();
            strings(&toml::Value::Table(r.draft.clone()), &mut names);
            for interactive in [true, false] {
                let defaults = super::questions::Defaults::default();
                let cx = super::questions::Cx {
                    draft: &r.draft,
                    meta: &r.progress.meta,
                    rules: crate::rules::rules(),
                    today: day("2026-11-29"),
                    defaults: &defaults,
                    interactive,
                };
                for q in super::questions::all(&cx) {
                    seen += 1;
                    check(&q.prompt, &q.key, &names);
                    if !q.help.is_empty() {
                        check(&q.help, &q.key, &names);
                    }
                    if let Some(b) = &q.before {
                        check(b, &q.key, &names);
                    }
                    if let Input::Choice(opts) = &q.input {
                        for o in opts {
                            if o.label.zh != o.label.en {
                                check(&o.label, &format!("{} / {}", q.key, o.id), &names);
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(seen > 500, "{seen}");
    for step in super::questions::STEPS.iter().chain(&["review"]) {
        let zh = super::engine::step_name(step, Lang::Zh);
        let en = super::engine::step_name(step, Lang::En);
        assert!(zh != *step || *step == "apps", "{step}");
        assert!(!en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{en}");
    }
}

#[test]
fn set_on_a_resumed_individual_keeps_the_responsible_copy_in_sync() {
    let mut script = individual_gd("44030519900101123X", "resident_id");
    script.extend(contacts("13800138000", "13900139000"));
    let first = run(script);
    let (mut draft, progress) = parse_saved(first.saves.last().unwrap()).unwrap();
    // `beian new --resume --set principal.document.valid_until=2033-01-01`
    super::answers::apply_sets(&mut draft, &["principal.document.valid_until=2033-01-01".into()]).unwrap();
    let r = run_with(draft, progress, vec![], Lang::Zh);
    assert_eq!(s(&r, "principal.responsible.document.valid_until"), "2033-01-01");
}
