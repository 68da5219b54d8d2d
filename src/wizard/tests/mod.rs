//! The question flow driven by scripted answers: every step, each branch, re-asking, back,
//! edit, resume, and the four personas end to end (a draft `check` passes, letters naming the
//! right people).

use super::answers::NoInput;
use super::engine::{Flow, Progress};
use super::prompter::{Say, Scripted, pick, text};
use super::questions::{evaluate, get};
use super::{answers, engine, finish, parse_saved, question, questions, saved_text};
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

pub(super) fn day(s: &str) -> NaiveDate {
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

pub(super) fn individual_gd(id: &str, doc: &str) -> Vec<Say> {
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

/// A website order, after the website's content: responsible person, no second website,
/// materials later.
pub(super) fn website_tail() -> Vec<Say> {
    vec![
        pick("principal"), // responsible = principal's
        N,                 // another website?
        enter(),           // summary
        N,                 // materials now?
        enter(),           // review: write the bundle
    ]
}

/// An individual's order is a website or an APP: the website.
pub(super) fn site() -> Say {
    pick("website")
}

fn website_individual() -> Vec<Say> {
    let mut v = vec![
        site(),
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

/// An enterprise whose credit code says 事业单位 (12…), up to the code.
pub(super) fn public_institution_code_as_enterprise() -> (Vec<Say>, String) {
    let code = uscc_for("12440300MB2C0000");
    let mut script = account();
    script.extend([pick("enterprise"), text("深圳市示例研究院"), text(&code)]);
    (script, code)
}

/// A USCC that passes GB 32100 for a body and region: the last two characters are searched.
pub(super) fn uscc_for(body: &str) -> String {
    const A: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    A.chars()
        .flat_map(|a| A.chars().map(move |b| format!("{body}{a}{b}")))
        .find(|c| crate::validators::uscc::parse(c).is_ok() && crate::validators::uscc::warnings(c).is_empty())
        .unwrap()
}

mod asking;
mod changes;
mod consequences;
mod keystores;
mod languages;
mod navigation;
mod orders;
mod people;
mod resume;
