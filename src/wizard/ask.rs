//! Asking one question: the prompt as shown, its default, the answer checked against the
//! rules while it is typed, written to the draft, and what it brought said at once.
//!
//! Validation is `check`'s: an answer is applied to a copy of the draft, the rule engine runs
//! over it, and the error findings on the key just answered are the reasons to ask again.
//! After each answer the findings it brought anywhere near it are shown at once.

use super::engine::{Flow, Missing, R, tr};
use super::judge::{Refusal, about, is_followup_rule, is_required_rule, judge, scope, under};
use super::prompter::{Choice, Question, Reply};
use super::question::{Ans, Apply, Input, Kind, Q, SECRET_GIVEN};
use super::questions::{self, evaluate, put};
use crate::diag::{Finding, Lang, Severity};
use std::collections::HashSet;
use toml::Value;

use super::answers::parse_answer;

/// A snapshot of what the rules say, to tell what an answer changed.
pub(super) struct Snapshot {
    findings: HashSet<(String, String)>,
    materials: HashSet<String>,
}

/// What the prompter made of a question.
enum Got {
    Answer(Ans),
    /// Back, missing or left empty: handled, nothing to write.
    Done,
}

impl Flow<'_> {
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

    pub(super) fn question(&self, q: &Q) -> Question {
        let mut shown = Question::new(q.key.clone(), q.prompt.get(self.lang));
        shown.help = q.help.get(self.lang).to_string();
        shown.pii = q.pii;
        shown.optional = q.optional;
        shown
    }

    pub(super) fn default_of(&self, q: &Q) -> Option<String> {
        // A secret is never offered back (and its note is not the secret anyway).
        if q.is_secret() {
            return None;
        }
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
        let before = self.snapshot();
        let (got, kept_refusal) = self.prompt(&q)?;
        let Got::Answer(ans) = got else { return Ok(()) };
        self.write(&q, &ans);
        self.after_answer(&q);
        if kept_refusal {
            self.progress.kept.push(q.key.clone());
        }
        if !self.consequences(&q, &ans, &before)? {
            self.unanswer(&q.key, false);
            self.saved();
            return Ok(());
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

    /// Put the question to the prompter. Also says whether a refused answer was kept by
    /// typing it twice.
    fn prompt(&mut self, q: &Q) -> R<(Got, bool)> {
        let shown = self.question(q);
        let default = self.default_of(q);
        let reply = match &q.input {
            Input::Text(kind) => return self.prompt_text(q, *kind, &shown, default.as_deref()),
            Input::Choice(opts) => {
                let choices: Vec<Choice> = opts.iter().map(|o| Choice::new(o.id.clone(), o.label.get(self.lang))).collect();
                let d = default.and_then(|d| opts.iter().position(|o| o.id == d)).unwrap_or(0);
                self.prompter.select(&shown, &choices, d)?.map(|i| Ans::Pick(opts[i].id.clone()))
            }
            Input::YesNo => self.prompter.confirm(&shown, default.as_deref() != Some("no"))?.map(Ans::Bool),
            Input::Secret(check) => {
                let (check, lang) = (check.clone(), self.lang);
                let mut validate = |raw: &str| (check.0)(raw).map_err(|b| b.get(lang).to_string());
                match self.prompter.secret(&shown, &mut validate)? {
                    Reply::Answer(s) if s.is_empty() => {
                        self.left_empty(q);
                        return Ok((Got::Done, false));
                    }
                    r => r.map(|s| Ans::Val(Value::String(s))),
                }
            }
        };
        Ok((self.took(q, reply), false))
    }

    /// Back and missing replies are handled here; an answer is handed on.
    fn took(&mut self, q: &Q, reply: Reply<Ans>) -> Got {
        match reply {
            Reply::Back => {
                self.back();
                Got::Done
            }
            Reply::Missing => {
                self.miss(q);
                Got::Done
            }
            Reply::Answer(a) => Got::Answer(a),
        }
    }

    /// A typed answer, checked by the rules as it is typed.
    fn prompt_text(&mut self, q: &Q, kind: Kind, shown: &Question, default: Option<&str>) -> R<(Got, bool)> {
        let (rules, lang) = (self.rules, self.lang);
        let draft = self.draft.clone();
        let qs = self.all_questions();
        let help = q.help.get(lang).to_string();
        let mut last_refused: Option<String> = None;
        let mut kept = false;
        let mut validate = |raw: &str| -> Result<(), String> {
            match judge(rules, lang, &draft, q, kind, raw, &qs) {
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
        let reply = self.prompter.input(shown, default, &mut validate)?;
        let reply = match reply {
            Reply::Answer(raw) => match parse_answer(kind, &raw, self.lang).ok().flatten() {
                Some(v) => Reply::Answer(Ans::Val(v)),
                None => {
                    self.left_empty(q);
                    return Ok((Got::Done, kept));
                }
            },
            Reply::Back => Reply::Back,
            Reply::Missing => Reply::Missing,
        };
        Ok((self.took(q, reply), kept))
    }

    /// Left empty (an optional question): not asked again.
    fn left_empty(&mut self, q: &Q) {
        self.progress.skipped.push(q.key.clone());
        self.history.push(q.key.clone());
        self.stash.remove(&q.key);
        self.saved();
    }

    /// What the answer brought, said now; a consequence worth it asks "keep it?". False: the
    /// person chose to answer again.
    fn consequences(&mut self, q: &Q, ans: &Ans, before: &Snapshot) -> R<bool> {
        let (findings, materials) = self.news(before, &q.key);
        let is_text = matches!(q.input, Input::Text(_));
        // A finding on a question still to come is that question's business.
        let upcoming: Vec<String> = self
            .all_questions()
            .into_iter()
            .filter(|x| !self.answered(x))
            .map(|x| x.key)
            .collect();
        let mut fresh: Vec<Finding> = findings
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
            .filter(|f| !q.aftermath.contains(&f.rule))
            .collect();
        // The residence proof given: what the bureau still refuses is said now, not at the review.
        // (A residence permit has a question of its own for that.)
        let settles = q.key.ends_with("social_security_months");
        if settles {
            let sc = scope(&q.key);
            let r = evaluate(self.rules, &self.draft);
            fresh.extend(
                r.findings
                    .iter()
                    .filter(|f| {
                        f.severity == Severity::Error
                            && is_followup_rule(self.rules, &f.rule)
                            && under(&f.field, &sc)
                            && !q.aftermath.contains(&f.rule)
                    })
                    .cloned(),
            );
        }
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
                return Ok(false);
            }
            if has_error {
                self.progress.kept.push(q.key.clone());
            }
        }
        Ok(true)
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
            // A secret never goes into the draft (`Q::secret` questions apply `With`).
            Apply::Set | Apply::One if q.is_secret() => {}
            Apply::Set => put(&mut self.draft, &q.key, ans.value()),
            Apply::One => put(&mut self.draft, &q.key, Value::Array(vec![ans.value()])),
            Apply::Meta => {
                let note = if q.is_secret() { SECRET_GIVEN.to_string() } else { ans.as_meta() };
                self.progress.meta.insert(q.key.clone(), note);
            }
            Apply::With(f) => {
                // Noted first, so that an answer meaning "ask me again" can take its own note back.
                // A secret is noted as given, never as typed: the notes are saved.
                let note = if q.is_secret() { SECRET_GIVEN.to_string() } else { ans.as_meta() };
                self.progress.meta.insert(q.key.clone(), note);
                f(&mut self.draft, &mut self.progress.meta, ans);
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
}
