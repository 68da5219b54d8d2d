//! The loop: the draft is the state. The next question is the first one of `questions::all`
//! that is not answered; back, edit, resume, `--answers`, `--set` and `--no-input` are all this
//! one loop over a draft that already holds some answers. Pure: it talks to a `Prompter` and
//! hands every change to a `save` callback.
//!
//! Validation is `check`'s: an answer is applied to a copy of the draft, the rule engine runs
//! over it, and the error findings on the key just answered are the reasons to ask again.
//! After each answer the findings it brought anywhere near it are shown at once.

use super::prompter::{Choice, Interrupted, Prompter, Question, Reply};
use super::question::{Ans, Apply, Bi, Input, Kind, Meta, Q, value_text};
use super::questions::{self, Cx, Defaults, STEPS, evaluate, get, put};
use crate::diag::{Finding, Lang, Severity};
use crate::draft::edit;
use crate::rules::RuleSet;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use toml::{Table, Value};

pub use super::answers::parse_answer;
pub use super::judge::explain;
use super::judge::{Refusal, about, is_followup_rule, is_required_rule, judge, key_errors, scope, under};

/// Where the wizard is, kept beside the draft (as a comment) so `--resume` continues there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Steps whose summary was confirmed.
    #[serde(default)]
    pub done: Vec<String>,
    /// Optional keys the person chose to leave empty: not asked again.
    #[serde(default)]
    pub skipped: Vec<String>,
    /// Answers to the wizard's own questions ("add another domain?").
    #[serde(default)]
    pub meta: Meta,
    /// Answers kept although a rule refuses them (the review lists them): not re-validated.
    #[serde(default)]
    pub kept: Vec<String>,
    /// The wizard's language, so `--resume` keeps `--lang en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// A key missing from a non-interactive run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub key: String,
    pub prompt: String,
}

pub type Saver<'a> = &'a mut dyn FnMut(&Table, &Progress);
/// Writes the second draft of a split order; returns where it went (or why not).
pub type Splitter<'a> = &'a mut dyn FnMut(&Table, &Progress) -> Result<String, String>;

pub(super) type R<T = ()> = Result<T, Interrupted>;

pub fn tr(lang: Lang, zh: &str, en: &str) -> String {
    if lang == Lang::Zh { zh.to_string() } else { en.to_string() }
}

/// A step's title.
pub fn step_name(step: &str, lang: Lang) -> String {
    let (zh, en) = match step {
        "account" => ("备案类型与接入资源", "Filing type and resource"),
        "principal" => ("备案主体", "The principal (who files)"),
        "responsible" => ("主体负责人", "The principal's responsible person"),
        "domains" => ("域名", "Domains"),
        "websites" => ("网站", "Websites"),
        "apps" => ("APP", "APPs"),
        "materials" => ("材料", "Materials"),
        "review" => ("检查结果", "Review"),
        _ => (step, step),
    };
    tr(lang, zh, en)
}

/// A snapshot of what the rules say, to tell what an answer changed.
struct Snapshot {
    findings: HashSet<(String, String)>,
    materials: HashSet<String>,
}

/// What the review asks for.
pub enum Review {
    Write,
}

pub struct Flow<'a> {
    pub(super) rules: &'static RuleSet,
    pub(super) lang: Lang,
    pub draft: Table,
    pub progress: Progress,
    pub(super) prompter: &'a mut dyn Prompter,
    pub(super) save: Saver<'a>,
    pub(super) split: Option<Splitter<'a>>,
    /// Keys a non-interactive run needed and did not get.
    pub missing: Vec<Missing>,
    /// Prefilled answers that break a rule (non-interactive runs: reported at the end).
    pub invalid: Vec<Finding>,
    pub(super) today: NaiveDate,
    pub(super) defaults: Defaults,
    /// Keys answered in this run, newest last: what Esc goes back over.
    pub(super) history: Vec<String>,
    /// Answers taken back (Esc, edit): offered as the default when asked again.
    pub(super) stash: HashMap<String, String>,
    /// Keys settled in this run (asked, validated, or missing without input).
    pub(super) settled: HashSet<String>,
    pub(super) last_step: Option<&'static str>,
}

impl<'a> Flow<'a> {
    pub fn new(
        rules: &'static RuleSet,
        lang: Lang,
        draft: Table,
        progress: Progress,
        prompter: &'a mut dyn Prompter,
        save: Saver<'a>,
    ) -> Self {
        Flow {
            rules,
            lang,
            draft,
            progress,
            prompter,
            save,
            split: None,
            missing: Vec::new(),
            invalid: Vec::new(),
            today: chrono::Local::now().date_naive(),
            defaults: Defaults::default(),
            history: Vec::new(),
            stash: HashMap::new(),
            settled: HashSet::new(),
            last_step: None,
        }
    }

    /// Fix "today" (the default filing date) for tests.
    pub fn today(mut self, d: NaiveDate) -> Self {
        self.today = d;
        self
    }

    pub fn defaults(mut self, d: Defaults) -> Self {
        self.defaults = d;
        self
    }

    pub fn splitter(mut self, s: Splitter<'a>) -> Self {
        self.split = Some(s);
        self
    }

    pub(super) fn t(&self, zh: &str, en: &str) -> String {
        tr(self.lang, zh, en)
    }

    pub(super) fn say(&mut self, b: &Bi) {
        let s = b.get(self.lang).to_string();
        self.prompter.note(&s);
    }

    pub(super) fn saved(&mut self) {
        (self.save)(&self.draft, &self.progress);
    }

    pub(super) fn has(&self, key: &str) -> bool {
        get(&self.draft, key).is_some()
    }

    pub(super) fn cx(&self) -> Cx<'_> {
        Cx {
            draft: &self.draft,
            meta: &self.progress.meta,
            rules: self.rules,
            today: self.today,
            defaults: &self.defaults,
            interactive: self.prompter.interactive(),
        }
    }

    /// Every question that applies now (for summaries and the review).
    pub fn all_questions(&self) -> Vec<Q> {
        questions::all(&self.cx())
    }

    pub(super) fn answered(&self, q: &Q) -> bool {
        self.progress.meta.contains_key(&q.key)
            || (!q.is_meta() && self.has(&q.key))
            || self.progress.skipped.contains(&q.key)
            || (self.settled.contains(&q.key) && !self.prompter.interactive())
    }

    /// The first question that is not answered, step by step; a prefilled answer that breaks
    /// a rule counts as not answered (asked again) in an interactive run.
    pub(super) fn next(&mut self) -> Option<Q> {
        for step in STEPS {
            let qs = questions::step_questions(&self.cx(), step);
            for q in qs {
                if !self.answered(&q) {
                    return Some(q);
                }
                if self.settled.contains(&q.key) || q.is_meta() || !self.has(&q.key) || self.progress.kept.contains(&q.key) {
                    continue;
                }
                self.settled.insert(q.key.clone());
                let errs = key_errors(self.rules, &self.draft, &q.key);
                if errs.is_empty() {
                    continue;
                }
                if !self.prompter.interactive() {
                    self.invalid.extend(errs);
                    continue;
                }
                let head = self.t(
                    "预先填写的答案有问题，请重新回答：",
                    "A prefilled answer breaks a rule; please answer again:",
                );
                self.prompter.note(&head);
                self.show(&errs);
                let old = get(&self.draft, &q.key).map(value_text);
                edit::remove(&mut self.draft, &q.key);
                if let Some(o) = old {
                    self.stash.insert(q.key.clone(), o);
                }
                self.saved();
                return Some(q);
            }
        }
        None
    }

    pub(super) fn show(&mut self, fs: &[Finding]) {
        let qs = self.all_questions();
        for f in fs {
            let s = explain(self.rules, f, self.lang, &qs);
            self.prompter.note(&s);
        }
    }

    fn snapshot(&self) -> Snapshot {
        let r = evaluate(self.rules, &self.draft);
        Snapshot {
            findings: r
                .findings
                .iter()
                .filter(|f| !is_required_rule(self.rules, &f.rule))
                .map(|f| (f.rule.clone(), f.field.clone()))
                .collect(),
            materials: r.checklist.iter().map(|c| c.key().to_string()).collect(),
        }
    }

    /// Findings near `key` and materials that appeared since `before`.
    fn news(&self, before: &Snapshot, key: &str) -> (Vec<Finding>, Vec<String>) {
        let r = evaluate(self.rules, &self.draft);
        let sc = scope(key);
        let findings = r
            .findings
            .iter()
            .filter(|f| {
                // The wizard writes only keys of the format; a key newer than this build's
                // reader is not the person's to fix.
                f.rule != "DRAFT-UNKNOWN-KEY"
                    && !is_required_rule(self.rules, &f.rule)
                    && !before.findings.contains(&(f.rule.clone(), f.field.clone()))
                    && (about(&f.field, key) || under(&f.field, &sc) || (!f.field.is_empty() && under(key, &f.field)))
            })
            .cloned()
            .collect();
        let materials = r
            .checklist
            .iter()
            .filter(|c| !before.materials.contains(c.key()))
            .map(|c| {
                let why = c.why().get(self.lang);
                if why.is_empty() {
                    c.material().get(self.lang).to_string()
                } else if self.lang == Lang::Zh {
                    format!("{}（{}）", c.material().get(self.lang), why)
                } else {
                    format!("{} ({})", c.material().get(self.lang), why)
                }
            })
            .collect();
        (findings, materials)
    }

    // ------------------------------------------------------------------ the loop

    /// Ask until every question that applies is answered and every step summary confirmed.
    pub fn run(&mut self) -> R {
        if !self.has("format") {
            put(&mut self.draft, "format", Value::Integer(1));
        }
        self.derive();
        loop {
            let next = self.next();
            // A step is finished when the next question is in a later step: its summary first.
            let upto = next
                .as_ref()
                .map_or(STEPS.len(), |q| STEPS.iter().position(|s| *s == q.step).unwrap_or(0));
            let open = STEPS[..upto]
                .iter()
                .find(|s| !self.progress.done.iter().any(|d| d == *s) && questions::step_applies(&self.cx(), s));
            if let Some(step) = open {
                if self.summary(Some(step))? {
                    continue;
                }
                self.progress.done.push(step.to_string());
                self.saved();
                continue;
            }
            let Some(q) = next else { return Ok(()) };
            self.heading(q.step);
            self.ask(q)?;
        }
    }

    pub(super) fn heading(&mut self, step: &'static str) {
        if self.last_step == Some(step) {
            return;
        }
        self.last_step = Some(step);
        let i = STEPS.iter().position(|s| *s == step).unwrap_or(0);
        let title = format!("[{}/{}] {}", i + 1, STEPS.len() + 1, step_name(step, self.lang));
        self.prompter.heading(&title);
        if step == "responsible" && self.cx().individual() {
            let s = self.t(
                "个人备案的主体负责人就是您本人，证件信息已填好；下面填写联系方式。",
                "For an individual the responsible person is you, with the same document; now your contact details.",
            );
            self.prompter.note(&s);
        }
    }

    pub(super) fn question(&self, q: &Q) -> Question {
        let mut shown = Question::new(q.key.clone(), q.prompt.get(self.lang));
        shown.help = q.help.get(self.lang).to_string();
        shown.pii = q.pii;
        shown.optional = q.optional;
        shown
    }

    pub(super) fn default_of(&self, q: &Q) -> Option<String> {
        let d = self.stash.get(&q.key).cloned().or_else(|| q.default.clone())?;
        // Languages are offered by name, in the UI's language.
        Some(if matches!(q.input, Input::Text(Kind::Languages)) {
            d.split(", ")
                .map(|c| questions::vocab::language(c).get(self.lang).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            d
        })
    }

    /// Ask one question and write its answer.
    pub(super) fn ask(&mut self, q: Q) -> R {
        if !self.prompter.interactive()
            && let Some(b) = &q.batch
        {
            let ans = match &q.input {
                Input::YesNo => Ans::Bool(b == "yes"),
                _ => Ans::Pick(b.clone()),
            };
            self.write(&q, &ans);
            self.settled.insert(q.key.clone());
            return Ok(());
        }
        if let Some(b) = &q.before {
            let b = b.clone();
            self.say(&b);
        }
        let shown = self.question(&q);
        let default = self.default_of(&q);
        let before = self.snapshot();
        let mut kept_refusal = false;
        let ans = match &q.input {
            Input::Text(kind) => {
                let (rules, lang, optional, kind) = (self.rules, self.lang, q.optional, *kind);
                let draft = self.draft.clone();
                let key = q.key.clone();
                let qs = self.all_questions();
                let help = q.help.get(lang).to_string();
                let mut last_refused: Option<String> = None;
                let mut kept = false;
                let mut validate = |raw: &str| -> Result<(), String> {
                    match judge(rules, lang, &draft, &key, kind, optional, raw, &qs) {
                        Ok(()) => Ok(()),
                        Err(Refusal::Shape(e)) if e.is_empty() => Err(if help.is_empty() {
                            tr(lang, "这一项必填", "This one is required")
                        } else {
                            tr(lang, &format!("这一项必填：{help}"), &format!("This one is required: {help}"))
                        }),
                        Err(Refusal::Shape(e)) => Err(e),
                        Err(Refusal::Rule(e)) => {
                            if last_refused.as_deref() == Some(raw.trim()) {
                                kept = true;
                                return Ok(());
                            }
                            last_refused = Some(raw.trim().to_string());
                            Err(format!(
                                "{e}\n{}",
                                tr(
                                    lang,
                                    "请重新输入（确实如此时再输入一次同样的内容即可保留，最后的检查会列出它）",
                                    "Please answer again (to keep it anyway, enter the same answer once more; the review will list it)"
                                )
                            ))
                        }
                    }
                };
                let reply = self.prompter.input(&shown, default.as_deref(), &mut validate)?;
                kept_refusal = kept;
                match reply {
                    Reply::Back => {
                        self.back();
                        return Ok(());
                    }
                    Reply::Missing => {
                        self.miss(&q);
                        return Ok(());
                    }
                    Reply::Answer(raw) => match parse_answer(kind, &raw, self.lang).ok().flatten() {
                        Some(v) => Ans::Val(v),
                        None => {
                            self.progress.skipped.push(q.key.clone());
                            self.history.push(q.key.clone());
                            self.stash.remove(&q.key);
                            self.saved();
                            return Ok(());
                        }
                    },
                }
            }
            Input::Choice(opts) => {
                let choices: Vec<Choice> = opts.iter().map(|o| Choice::new(o.id.clone(), o.label.get(self.lang))).collect();
                let d = default.and_then(|d| opts.iter().position(|o| o.id == d)).unwrap_or(0);
                match self.prompter.select(&shown, &choices, d)? {
                    Reply::Back => {
                        self.back();
                        return Ok(());
                    }
                    Reply::Missing => {
                        self.miss(&q);
                        return Ok(());
                    }
                    Reply::Answer(i) => Ans::Pick(opts[i].id.clone()),
                }
            }
            Input::YesNo => match self.prompter.confirm(&shown, default.as_deref() != Some("no"))? {
                Reply::Back => {
                    self.back();
                    return Ok(());
                }
                Reply::Missing => {
                    self.miss(&q);
                    return Ok(());
                }
                Reply::Answer(b) => Ans::Bool(b),
            },
        };
        self.write(&q, &ans);
        self.after_answer(&q);
        if kept_refusal {
            self.progress.kept.push(q.key.clone());
        }
        // What the answer brought, said now; a consequence worth it asks "keep it?".
        let (findings, materials) = self.news(&before, &q.key);
        let is_text = matches!(q.input, Input::Text(_));
        // A finding on a question still to come is that question's business.
        let upcoming: Vec<String> = self
            .all_questions()
            .into_iter()
            .filter(|x| !self.answered(x))
            .map(|x| x.key)
            .collect();
        let fresh: Vec<Finding> = findings
            .into_iter()
            .filter(|f| {
                // An item just named (an APP) is not yet missing what its next questions ask.
                let parent = f.field.rsplit_once('.').map_or("", |(p, _)| p);
                let just_named = q.key.strip_suffix(".name") == Some(parent);
                !upcoming.iter().any(|k| under(&f.field, k) || (just_named && under(k, parent)))
            })
            .filter(|f| !(is_text && f.severity == Severity::Error && about(&f.field, &q.key)))
            // Settled by a later question (the residence proof), which says why.
            .filter(|f| !is_followup_rule(self.rules, &f.rule))
            .collect();
        // The residence proof given: what the bureau still refuses is said now, not at the review.
        let settles = q.key.ends_with("social_security_months") || q.key.ends_with("residence_permit.valid_until");
        let mut fresh: Vec<Finding> = fresh;
        if settles {
            let sc = scope(&q.key);
            let r = evaluate(self.rules, &self.draft);
            fresh.extend(
                r.findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error && is_followup_rule(self.rules, &f.rule) && under(&f.field, &sc))
                    .cloned(),
            );
        }
        let fresh: Vec<Finding> = fresh.into_iter().collect();
        self.show(&fresh);
        if !materials.is_empty() {
            let head = self.t("这个回答意味着还需要准备：", "With this answer you will also need:");
            let list = materials.iter().map(|m| format!("  · {m}")).collect::<Vec<_>>().join("\n");
            self.prompter.note(&format!("{head}\n{list}"));
        }
        let has_error = fresh.iter().any(|f| f.severity == Severity::Error);
        // Taking the offered default needs no "are you sure"; its materials are still said.
        let chose_default = q.default.as_deref() == Some(ans.as_meta().as_str());
        if self.prompter.interactive() && (has_error || (q.consequences && !chose_default && !materials.is_empty())) {
            let prompt = if has_error {
                self.t(
                    "保留这个回答并继续吗？（选“否”重新回答）",
                    "Keep this answer and continue? (No = answer again)",
                )
            } else {
                self.t("继续吗？（选“否”重新回答）", "Continue? (No = answer again)")
            };
            let keep = match self.prompter.confirm(&Question::new("", prompt), !has_error)? {
                Reply::Answer(b) => b,
                Reply::Back => false,
                Reply::Missing => true,
            };
            if !keep {
                self.unanswer(&q.key, false);
                self.saved();
                return Ok(());
            }
            if has_error {
                self.progress.kept.push(q.key.clone());
            }
        }
        self.history.push(q.key.clone());
        self.stash.remove(&q.key);
        self.settled.insert(q.key.clone());
        if q.key.starts_with("~domain.more.") && ans == Ans::Pick("split".into()) {
            self.split_order();
        }
        self.saved();
        Ok(())
    }

    pub(super) fn miss(&mut self, q: &Q) {
        self.settled.insert(q.key.clone());
        if !q.optional && !self.missing.iter().any(|m| m.key == q.key) {
            self.missing.push(Missing {
                key: q.key.clone(),
                prompt: q.prompt.get(self.lang).to_string(),
            });
        }
    }

    pub(super) fn write(&mut self, q: &Q, ans: &Ans) {
        match &q.apply {
            Apply::Set => put(&mut self.draft, &q.key, ans.value()),
            Apply::One => put(&mut self.draft, &q.key, Value::Array(vec![ans.value()])),
            Apply::Meta => {
                self.progress.meta.insert(q.key.clone(), ans.as_meta());
            }
            Apply::With(f) => {
                f(&mut self.draft, &mut self.progress.meta, ans);
                self.progress.meta.insert(q.key.clone(), ans.as_meta());
            }
        }
        self.progress.skipped.retain(|k| *k != q.key);
        self.derive();
    }

    /// Notes that follow an answer: what an ID number says.
    pub(super) fn after_answer(&mut self, q: &Q) {
        if let Some(doc) = q.key.strip_suffix(".number")
            && doc.ends_with("document")
        {
            self.read_id(doc);
        }
    }

    /// Take an answer back (Esc, edit, "answer again"): it and what it filled in are removed,
    /// and offered as the default when asked again.
    pub fn unanswer(&mut self, key: &str, stash: bool) {
        let owns = self
            .all_questions()
            .into_iter()
            .find(|q| q.key == key)
            .map(|q| q.owns)
            .unwrap_or_default();
        let old = self.progress.meta.remove(key).or_else(|| get(&self.draft, key).map(value_text));
        if stash && let Some(o) = old {
            self.stash.insert(key.to_string(), o);
        }
        if !key.starts_with('~') {
            edit::remove(&mut self.draft, key);
        }
        for k in owns {
            self.progress.meta.remove(&k);
            edit::remove(&mut self.draft, &k);
        }
        self.progress.skipped.retain(|k| k != key);
        self.progress.kept.retain(|k| k != key);
        self.settled.remove(key);
        self.derive();
    }

    /// Esc: the previous question again, its answer as the default.
    pub(super) fn back(&mut self) {
        let qs: HashSet<String> = self.all_questions().into_iter().map(|q| q.key).collect();
        while let Some(k) = self.history.pop() {
            if qs.contains(&k) {
                self.unanswer(&k, true);
                self.saved();
                return;
            }
        }
        let s = self.t(
            "这是本次的第一个问题，没有上一步了。",
            "This is the first question of this run; there is nothing before it.",
        );
        self.prompter.note(&s);
    }
}
