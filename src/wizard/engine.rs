//! The loop: the draft is the state. The next question is the first one of `questions::all`
//! that is not answered; back, edit, resume, `--answers`, `--set` and `--no-input` are all this
//! one loop over a draft that already holds some answers. Pure: it talks to a `Prompter` and
//! hands every change to a `save` callback. Asking one question is `ask`'s.

use super::prompter::{Interrupted, Prompter};
use super::question::{Bi, Meta, Q, value_text};
use super::questions::{self, Cx, Defaults, STEPS, get, put};
use crate::diag::{Finding, Lang};
use crate::draft::edit;
use crate::rules::RuleSet;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use toml::{Table, Value};

pub use super::answers::parse_answer;
pub use super::judge::explain;
use super::judge::key_errors;

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
