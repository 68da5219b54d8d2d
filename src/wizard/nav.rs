//! What the person sees to find their way: step summaries (any answer can be picked and
//! changed), the review's findings with the question each belongs to, and how an answer is
//! shown back.

use super::question::{Input, Meta, Q, value_text};
use super::questions::{get, vocab};
use crate::diag::{Finding, Lang, Severity};
use crate::pii::mask;
use toml::Table;

/// One answered question in a summary.
pub struct Item {
    pub key: String,
    pub label: String,
    pub value: String,
}

/// The answer to `q` as the person would say it: the chosen option's label, 是/否, the text.
pub fn shown_value(q: &Q, draft: &Table, meta: &Meta, lang: Lang) -> Option<String> {
    let raw = match get(draft, &q.key) {
        Some(v) if !(q.is_meta() || matches!(q.apply, super::question::Apply::With(_)) && meta.contains_key(&q.key)) => match v {
            toml::Value::Boolean(b) => return Some(vocab::yes_no(*b).get(lang).to_string()),
            toml::Value::Array(a) if matches!(q.input, Input::Choice(_)) => {
                a.first().and_then(|x| x.as_str()).map(str::to_string).unwrap_or_default()
            }
            v => value_text(v),
        },
        _ => meta.get(&q.key)?.clone(),
    };
    Some(match &q.input {
        Input::Choice(opts) => opts
            .iter()
            .find(|o| o.id == raw)
            .map(|o| o.label.get(lang).to_string())
            .unwrap_or(raw),
        Input::YesNo => vocab::yes_no(raw == "yes" || raw == "true").get(lang).to_string(),
        Input::Text(_) if q.pii => mask(&raw),
        Input::Text(super::question::Kind::Languages) => raw
            .split(", ")
            .map(|c| vocab::language(c).get(lang).to_string())
            .collect::<Vec<_>>()
            .join(if lang == Lang::Zh { "、" } else { ", " }),
        Input::Text(_) => raw,
        // Only the note that it was given is kept: the secret itself is never shown.
        Input::Secret(_) => if lang == Lang::Zh {
            "已输入（不保存）"
        } else {
            "given (not saved)"
        }
        .to_string(),
    })
}

/// The answered questions of a step (or of every step), in order.
pub fn items(qs: &[Q], step: Option<&str>, draft: &Table, meta: &Meta, lang: Lang) -> Vec<Item> {
    qs.iter()
        .filter(|q| step.is_none_or(|s| q.step == s))
        .filter_map(|q| {
            let value = shown_value(q, draft, meta, lang)?;
            Some(Item {
                key: q.key.clone(),
                label: q.prompt.get(lang).to_string(),
                value,
            })
        })
        .collect()
}

/// The question a finding is about: its own key, else the first question inside the field,
/// else the question whose table holds the field. An individual's responsible person is the
/// principal's copy: fixed at the principal's document.
pub fn question_for<'q>(qs: &'q [Q], field: &str, individual: bool) -> Option<&'q Q> {
    let field = match field.strip_prefix("principal.responsible.document") {
        Some(rest) if individual => format!("principal.document{rest}"),
        _ => field.to_string(),
    };
    if field.is_empty() {
        return None;
    }
    let under = |a: &str, b: &str| a == b || (a.starts_with(b) && a[b.len()..].starts_with('.'));
    qs.iter()
        .find(|q| q.key == field)
        .or_else(|| qs.iter().find(|q| under(&q.key, &field)))
        .or_else(|| qs.iter().filter(|q| under(&field, &q.key)).max_by_key(|q| q.key.len()))
}

pub fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::Zh) => "错误",
        (Severity::Warning, Lang::Zh) => "警告",
        (Severity::Info, Lang::Zh) => "提示",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Info, Lang::En) => "note",
    }
}

/// "1 error", "2 errors"; "1 个错误".
pub fn count(n: usize, s: Severity, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{n} 个{}", severity_word(s, lang)),
        Lang::En => format!("{n} {}{}", severity_word(s, lang), if n == 1 { "" } else { "s" }),
    }
}

/// Words for people: a `dotted.key` quoted in a rule's message becomes the question's
/// prompt, so nobody reads `principal.responsible.contact.emergency_phone`.
pub fn humanize(text: &str, qs: &[Q], lang: Lang) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(a) = rest.find('`') {
        let Some(b) = rest[a + 1..].find('`') else { break };
        let key = &rest[a + 1..a + 1 + b];
        out.push_str(&rest[..a]);
        let label = qs
            .iter()
            .find(|q| q.key == key)
            .map(|q| q.prompt.get(lang).to_string())
            .or_else(|| crate::labels::label(key, lang));
        match label {
            Some(l) => out.push_str(&format!("“{l}”")),
            None => out.push_str(&rest[a..a + b + 2]),
        }
        rest = &rest[a + b + 2..];
    }
    out.push_str(rest);
    crate::text::display(&out)
}

/// One review line: what is wrong, at which question.
pub fn finding_line(f: &Finding, q: Option<&Q>, qs: &[Q], lang: Lang) -> String {
    let at = q.map(|q| q.prompt.get(lang).to_string()).unwrap_or_default();
    let msg = humanize(f.message.get(lang), qs, lang);
    let (fix, sep) = if lang == Lang::Zh { ("修改", "：") } else { ("Fix", ": ") };
    if at.is_empty() {
        format!("[{} {}] {msg}", severity_word(f.severity, lang), f.rule)
    } else {
        format!("{fix} “{at}”{sep}[{} {}] {msg}", severity_word(f.severity, lang), f.rule)
    }
}

// ------------------------------------------------------------------ the flow's navigation

use super::engine::{Flow, R, Review, step_name};
use super::prompter::{Choice, Question, Reply};
use super::questions::evaluate;

impl Flow<'_> {
    /// The numbered summary of a step (or of everything): Enter continues, a number changes
    /// that answer. Returns true when an answer was taken back to be asked again.
    pub fn summary(&mut self, step: Option<&str>) -> R<bool> {
        if !self.prompter.interactive() {
            return Ok(false);
        }
        let qs = self.all_questions();
        let items = items(&qs, step, &self.draft, &self.progress.meta, self.lang);
        // A step that only asked the wizard's own questions ("an APP too?" — no) has nothing to check.
        if items.iter().all(|i| i.key.starts_with('~')) {
            return Ok(false);
        }
        // A step answered entirely before this run (an answers file, a resumed draft) is
        // shown in the resume overview, not step by step.
        if step.is_some() && !items.iter().any(|i| !i.key.starts_with('~') && self.history.contains(&i.key)) {
            return Ok(false);
        }
        let title = match step {
            Some(s) => self.t(
                &format!("{}：请核对（选一项可修改）", step_name(s, self.lang)),
                &format!("{}: please check (pick one to change it)", step_name(s, self.lang)),
            ),
            None => self.t("已保存的回答（选一项可修改）", "Saved answers (pick one to change it)"),
        };
        let mut choices = vec![Choice::new("", self.t("✔ 没问题，继续", "✔ All correct, continue"))];
        for (n, it) in items.iter().enumerate() {
            choices.push(Choice::new(it.key.clone(), format!("{}. {}: {}", n + 1, it.label, it.value)));
        }
        let q = Question::new(format!("~summary.{}", step.unwrap_or("all")), title);
        match self.prompter.select(&q, &choices, 0)? {
            Reply::Answer(0) | Reply::Missing => Ok(false),
            Reply::Answer(i) => {
                let key = items[i - 1].key.clone();
                self.edit(&key);
                Ok(true)
            }
            Reply::Back => {
                self.back();
                // The step is open again: its summary comes back after the answer.
                Ok(true)
            }
        }
    }

    /// Change one answer: taken back (with it as the default) and its step reopened.
    pub fn edit(&mut self, key: &str) {
        let step = self.all_questions().into_iter().find(|q| q.key == key).map(|q| q.step);
        self.unanswer(key, true);
        if let Some(s) = step {
            self.progress.done.retain(|d| d != s);
        }
        self.last_step = None;
        self.saved();
    }

    /// The review: findings listed with the question each belongs to; picking one changes
    /// that answer, then the flow runs on and the review comes back.
    pub fn review(&mut self) -> R<Review> {
        loop {
            if !self.prompter.interactive() {
                return Ok(Review::Write);
            }
            let report = evaluate(self.rules, &self.draft);
            let qs = self.all_questions();
            let individual = self.cx().individual();
            let errors = report.count(Severity::Error);
            let warnings = report.count(Severity::Warning);
            let write = if errors > 0 {
                self.t(
                    &format!("仍然写出资料包（还有 {}，提交前要改好）", count(errors, Severity::Error, Lang::Zh)),
                    &format!(
                        "Write the bundle anyway ({} left to fix before submitting)",
                        count(errors, Severity::Error, Lang::En)
                    ),
                )
            } else {
                self.t("写出备案资料包", "Write the filing bundle")
            };
            let mut choices = vec![Choice::new("", write)];
            let mut keys = vec![None];
            for f in report.findings.iter().filter(|f| f.severity != Severity::Info) {
                let q = question_for(&qs, &f.field, individual);
                if q.is_none() {
                    continue;
                }
                choices.push(Choice::new(f.rule.clone(), finding_line(f, q, &qs, self.lang)));
                keys.push(q.map(|q| q.key.clone()));
            }
            choices.push(Choice::new("~all", self.t("修改其他回答…", "Change another answer…")));
            let head = self.t(
                &format!(
                    "检查结果：{}，{}。选一项去修改，或写出资料包",
                    count(errors, Severity::Error, Lang::Zh),
                    count(warnings, Severity::Warning, Lang::Zh)
                ),
                &format!(
                    "Review: {}, {}. Pick one to fix it, or write the bundle",
                    count(errors, Severity::Error, Lang::En),
                    count(warnings, Severity::Warning, Lang::En)
                ),
            );
            let q = Question::new("~review", head);
            let i = match self.prompter.select(&q, &choices, 0)? {
                Reply::Answer(i) => i,
                Reply::Missing => 0,
                Reply::Back => continue,
            };
            if i == 0 {
                return Ok(Review::Write);
            }
            if i == choices.len() - 1 {
                if !self.summary(None)? {
                    continue;
                }
            } else if let Some(Some(k)) = keys.get(i) {
                let k = k.clone();
                self.edit(&k);
            }
            self.run()?;
        }
    }
}
