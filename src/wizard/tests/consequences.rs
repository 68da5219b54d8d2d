//! Consequences said at the question that causes them, as questions of their own: a credit
//! code of another category than the kind chosen, a residence permit that will not do.

use super::*;
use crate::wizard::questions::principal::CODE_KIND;

fn prompt_of(r: &Run, key: &str) -> String {
    r.p.prompts
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, p)| p.clone())
        .unwrap_or_else(|| panic!("{key} not asked: {:?}", r.p.asked))
}

#[test]
fn a_credit_code_of_another_category_is_said_at_the_code_and_the_kind_follows_it() {
    let (mut script, code) = public_institution_code_as_enterprise();
    script.push(pick("kind:public_institution"));
    let r = run(script.clone());
    let p = prompt_of(&r, CODE_KIND);
    assert!(p.contains("事业单位") && p.contains("企业"), "{p}");
    // Asked right after the code, not as a "keep this answer?" after a finding.
    let at = r.p.asked.iter().position(|k| k == "principal.document.number").unwrap();
    assert_eq!(r.p.asked[at + 1], CODE_KIND, "{:?}", r.p.asked);
    assert!(!r.p.asked.iter().any(|k| k.contains("保留这个回答")), "{:?}", r.p.asked);
    assert_eq!(s(&r, "principal.kind"), "public_institution");
    assert_eq!(s(&r, "principal.document.type"), "public_institution_certificate");
    assert_eq!(s(&r, "principal.document.number"), code);
    assert!(!r.progress.meta.contains_key(CODE_KIND), "{:?}", r.progress.meta);
    // On to the next question of the step, and nothing left to say about the code.
    assert_eq!(r.p.asked.last().unwrap(), "principal.province", "{:?}", r.p.asked);
    assert!(!errors(&r).iter().any(|e| e.starts_with("PRINCIPAL-USCC-KIND")), "{:?}", errors(&r));
}

#[test]
fn a_credit_code_of_another_category_can_be_entered_again_or_kept() {
    // Entered again: the code is asked once more; a company's code then passes.
    let (mut script, _) = public_institution_code_as_enterprise();
    script.extend([pick("reenter"), text("91440300MA5F000181")]);
    let r = run(script);
    let n = r.p.asked.iter().filter(|k| *k == "principal.document.number").count();
    assert_eq!(n, 2, "{:?}", r.p.asked);
    assert_eq!(s(&r, "principal.kind"), "enterprise");
    assert_eq!(s(&r, "principal.document.number"), "91440300MA5F000181");
    assert_eq!(r.p.asked.last().unwrap(), "principal.province", "{:?}", r.p.asked);

    // Kept: both stay, the review lists it, and it is not asked again.
    let (mut script, code) = public_institution_code_as_enterprise();
    script.push(pick("keep"));
    let r = run(script);
    assert_eq!(s(&r, "principal.kind"), "enterprise");
    assert_eq!(s(&r, "principal.document.number"), code);
    assert_eq!(r.progress.meta.get(CODE_KIND).map(String::as_str), Some("keep"));
    assert_eq!(r.p.asked.iter().filter(|k| *k == CODE_KIND).count(), 1, "{:?}", r.p.asked);
    assert!(errors(&r).iter().any(|e| e.starts_with("PRINCIPAL-USCC-KIND")), "{:?}", errors(&r));
}

#[test]
fn the_contradiction_is_said_in_english_without_chinese() {
    let (mut script, _) = public_institution_code_as_enterprise();
    script.push(pick("keep"));
    let r = run_with(Table::new(), Progress::default(), script, Lang::En);
    let p = prompt_of(&r, CODE_KIND);
    assert!(p.contains("public institution") && p.contains("Enterprise"), "{p}");
    let f = evaluate(crate::rules::rules(), &r.draft)
        .findings
        .iter()
        .find(|f| f.rule == "PRINCIPAL-USCC-KIND")
        .cloned()
        .expect("the review lists it");
    let text = format!("{p}\n{}\n{}", f.message.en, f.fix.en);
    assert!(text.contains("\"public institution\""), "{text}");
    assert!(!text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{text}");
}

const PERMIT_CHECK: &str = "~principal.responsible.permit_check";
const PERMIT_UNTIL: &str = "principal.responsible.residence_permit.valid_until";

/// A Beijing ID filing in 广东, with a residence permit valid until `until`.
fn beijing_id_in_guangdong_with_a_permit(until: &str) -> Vec<Say> {
    let mut script = individual_gd("110101199003078670", "resident_id");
    script.extend([Y, text(until)]);
    script
}

#[test]
fn an_expired_residence_permit_is_said_at_once_and_social_security_can_be_given_instead() {
    let mut script = beijing_id_in_guangdong_with_a_permit("2026-10-01");
    script.extend([pick("no_permit"), text("6")]);
    script.extend(contacts("13800138000", "13900139000"));
    script.push(enter());
    script.extend(domain("example.com"));
    script.extend(website_individual());
    let r = run(script);
    let p = prompt_of(&r, PERMIT_CHECK);
    assert!(
        p.contains("2026-10-01") && p.contains("已过期") && p.contains("GD-IND-OUT-OF-PROVINCE"),
        "{p}"
    );
    let at = r.p.asked.iter().position(|k| k == PERMIT_UNTIL).unwrap();
    assert_eq!(r.p.asked[at + 1], PERMIT_CHECK, "{:?}", r.p.asked);
    assert_eq!(r.p.asked[at + 2], "principal.responsible.social_security_months", "{:?}", r.p.asked);
    // Said by the question, not as findings with "keep this answer?".
    assert!(!r.p.asked.iter().any(|k| k.contains("保留这个回答")), "{:?}", r.p.asked);
    assert_clean(&r);
    assert!(get(&r.draft, "principal.responsible.residence_permit").is_none(), "{:?}", r.draft);
    assert_eq!(s(&r, "principal.responsible.social_security_months"), "6");
}

#[test]
fn a_residence_permit_too_close_to_the_filing_date_is_said_with_the_rules_limit_and_entered_again() {
    let mut script = account();
    script.extend([
        pick("individual"),
        text("张三"),
        pick("resident_id"),
        text("110101199003078670"),
        pick("上海"),
        text("2031-05-01"),
        text("北京市东城区某街道1号"),
        text("上海市浦东新区某路1号"),
        enter(), // summary
        Y,       // a Shanghai residence permit
        text("2026-12-15"),
        pick("reenter"),
        text("2027-06-01"),
    ]);
    let r = run(script);
    // Not refused while typed: the question after it says why, with the rule's own limit.
    assert!(!r.p.rejected.iter().any(|(k, _, _)| k == PERMIT_UNTIL), "{:?}", r.p.rejected);
    let p = prompt_of(&r, PERMIT_CHECK);
    assert!(p.contains("SH-RESIDENCE-PERMIT-MONTH") && p.contains("1 个月"), "{p}");
    assert_eq!(r.p.asked.iter().filter(|k| *k == PERMIT_UNTIL).count(), 2, "{:?}", r.p.asked);
    assert_eq!(s(&r, PERMIT_UNTIL), "2027-06-01");
    assert_eq!(r.p.asked.last().unwrap(), "principal.responsible.contact.mobile", "{:?}", r.p.asked);
}

#[test]
fn a_residence_permit_of_another_province_is_named_and_kept_for_the_review() {
    let r = run(beijing_id_in_guangdong_with_a_permit("2027-06-01"));
    assert!(!r.p.asked.contains(&PERMIT_CHECK.to_string()), "a valid permit: {:?}", r.p.asked);
    // The filing province changed since (or a draft says so): the permit is from 北京.
    let mut draft = r.draft.clone();
    crate::wizard::questions::put_str(&mut draft, "principal.responsible.residence_permit.province", "北京");
    let defaults = crate::wizard::questions::Defaults::default();
    let cx = crate::wizard::questions::Cx {
        draft: &draft,
        meta: &r.progress.meta,
        rules: crate::rules::rules(),
        today: day("2026-11-29"),
        defaults: &defaults,
        interactive: true,
    };
    let qs = crate::wizard::questions::all(&cx);
    let q = qs.iter().find(|q| q.key == PERMIT_CHECK).expect("the permit is questioned");
    assert!(
        q.prompt.zh.contains("这张居住证是北京的") && q.prompt.en.contains("from Beijing"),
        "{:?}",
        q.prompt
    );
    let super::question::Input::Choice(opts) = &q.input else { panic!() };
    let ids: Vec<&str> = opts.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["reenter", "no_permit", "keep"]);
    // English: no Chinese.
    for b in std::iter::once(&q.prompt).chain(opts.iter().map(|o| &o.label)) {
        assert!(!b.en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}", b.en);
    }
}
