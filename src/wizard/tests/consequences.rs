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
