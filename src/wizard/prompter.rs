//! The questions the wizard asks and the `Prompter` trait that answers them. The flow never
//! touches a terminal: `tty::TtyPrompter` asks a person, `answers::NoInput` never asks, and
//! `Scripted` answers from a list in tests.

use std::collections::VecDeque;

/// One question. `key` is the dotted draft key it fills ("" for a question about the flow
/// itself, such as "add another domain?").
#[derive(Clone, Debug)]
pub struct Question {
    pub key: String,
    pub prompt: String,
    /// One line shown before the prompt: what the answer is for and how to write it.
    pub help: String,
    /// Personal data (ID numbers, phones): never echoed unmasked.
    pub pii: bool,
    /// May be left empty.
    pub optional: bool,
}

impl Question {
    pub fn new(key: impl Into<String>, prompt: impl Into<String>) -> Self {
        Question {
            key: key.into(),
            prompt: prompt.into(),
            help: String::new(),
            pii: false,
            optional: false,
        }
    }
    pub fn help(mut self, h: impl Into<String>) -> Self {
        self.help = h.into();
        self
    }
    pub fn pii(mut self) -> Self {
        self.pii = true;
        self
    }
    pub fn optional(mut self) -> Self {
        self.optional = true;
        self
    }
}

/// One entry of a selection: the value written to the draft and what the person sees.
#[derive(Clone, Debug)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

impl Choice {
    pub fn new(id: impl Into<String>, label: impl Into<String>) -> Self {
        Choice {
            id: id.into(),
            label: label.into(),
        }
    }
}

/// Ctrl-C (or the end of a test script): the flow stops, what was answered is already saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interrupted;

/// An answer, or none because this prompter never asks (`--no-input`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<T> {
    Answer(T),
    Missing,
    /// Esc or 上一步: return to the previous question.
    Back,
}

impl<T> Reply<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Reply<U> {
        match self {
            Reply::Answer(t) => Reply::Answer(f(t)),
            Reply::Missing => Reply::Missing,
            Reply::Back => Reply::Back,
        }
    }
}

pub type Asked<T> = Result<Reply<T>, Interrupted>;

/// Checks one typed answer: `Err(explanation)` makes the prompter ask again.
pub type Validator<'v> = &'v mut dyn FnMut(&str) -> Result<(), String>;

pub trait Prompter {
    /// Free text. The prompter must run `validate` on every answer and ask again until it passes.
    fn input(&mut self, q: &Question, default: Option<&str>, validate: Validator<'_>) -> Asked<String>;
    /// Hidden text (a password): never echoed, no default. `validate` runs on every non-empty
    /// answer as for `input`; an empty answer is returned as it is (left empty).
    fn secret(&mut self, q: &Question, validate: Validator<'_>) -> Asked<String>;
    /// One of `choices`; returns its index.
    fn select(&mut self, q: &Question, choices: &[Choice], default: usize) -> Asked<usize>;
    fn confirm(&mut self, q: &Question, default: bool) -> Asked<bool>;
    /// Information for the person (read from the ID, a consequence, a warning).
    fn note(&mut self, text: &str);
    /// Start of a step ("1/6 账号与接入").
    fn heading(&mut self, text: &str) {
        self.note(text);
    }
    /// False for prompters that never ask: the flow then never re-asks either.
    fn interactive(&self) -> bool {
        true
    }
}

/// A scripted answer for tests.
#[derive(Clone, Debug)]
pub enum Say {
    /// Typed text (empty = accept the default).
    Text(String),
    /// Pick the choice whose id equals, or whose label contains, this.
    Pick(String),
    Yes,
    No,
    /// Esc: back to the previous question.
    Back,
}

pub fn text(s: &str) -> Say {
    Say::Text(s.to_string())
}
pub fn pick(s: &str) -> Say {
    Say::Pick(s.to_string())
}

/// Answers from a list; records what was asked. When the list runs out it behaves like Ctrl-C.
#[derive(Default)]
pub struct Scripted {
    pub script: VecDeque<Say>,
    /// Keys (or prompts for flow questions) in the order asked.
    pub asked: Vec<String>,
    /// (key, rejected answer, explanation) for every answer the validator refused.
    pub rejected: Vec<(String, String, String)>,
    pub notes: Vec<String>,
    /// (key, ids offered) for every selection.
    pub offered: Vec<(String, Vec<String>)>,
    /// (key, prompt as shown) for every question asked.
    pub prompts: Vec<(String, String)>,
}

impl Scripted {
    pub fn new(script: Vec<Say>) -> Self {
        Scripted {
            script: script.into(),
            ..Default::default()
        }
    }
    fn label(q: &Question) -> String {
        if q.key.is_empty() { q.prompt.clone() } else { q.key.clone() }
    }
    fn next(&mut self, q: &Question) -> Result<Say, Interrupted> {
        self.asked.push(Self::label(q));
        self.prompts.push((q.key.clone(), q.prompt.clone()));
        self.script.pop_front().ok_or(Interrupted)
    }
}

impl Prompter for Scripted {
    fn input(&mut self, q: &Question, default: Option<&str>, validate: Validator<'_>) -> Asked<String> {
        loop {
            let s = match self.next(q)? {
                Say::Back => return Ok(Reply::Back),
                Say::Text(s) if s.is_empty() => default.unwrap_or("").to_string(),
                Say::Text(s) => s,
                other => panic!("{}: expected text, script says {other:?}; asked {:?}", q.key, self.asked),
            };
            match validate(&s) {
                Ok(()) => return Ok(Reply::Answer(s)),
                Err(e) => self.rejected.push((q.key.clone(), s, e)),
            }
        }
    }
    fn secret(&mut self, q: &Question, validate: Validator<'_>) -> Asked<String> {
        loop {
            let s = match self.next(q)? {
                Say::Back => return Ok(Reply::Back),
                Say::Text(s) => s,
                other => panic!("{}: expected a secret, script says {other:?}; asked {:?}", q.key, self.asked),
            };
            if s.is_empty() {
                return Ok(Reply::Answer(s));
            }
            match validate(&s) {
                Ok(()) => return Ok(Reply::Answer(s)),
                // What was typed is not recorded: it is a secret.
                Err(e) => self.rejected.push((q.key.clone(), "(hidden)".to_string(), e)),
            }
        }
    }
    fn select(&mut self, q: &Question, choices: &[Choice], default: usize) -> Asked<usize> {
        self.offered.push((q.key.clone(), choices.iter().map(|c| c.id.clone()).collect()));
        match self.next(q)? {
            Say::Back => Ok(Reply::Back),
            Say::Text(s) if s.is_empty() => Ok(Reply::Answer(default)),
            // A yes/no that became a choice (a cap reached): "yes" and "no" are its ids.
            Say::Yes if choices.iter().any(|c| c.id == "yes") => Ok(Reply::Answer(choices.iter().position(|c| c.id == "yes").unwrap_or(0))),
            Say::No if choices.iter().any(|c| c.id == "no") => Ok(Reply::Answer(choices.iter().position(|c| c.id == "no").unwrap_or(0))),
            Say::Pick(s) => {
                let i = choices
                    .iter()
                    .position(|c| c.id == s)
                    .or_else(|| choices.iter().position(|c| c.label.contains(&s)))
                    .unwrap_or_else(|| panic!("{}: no choice {s:?} in {choices:?}", q.key));
                Ok(Reply::Answer(i))
            }
            other => panic!("{}: expected a pick, script says {other:?}; asked {:?}", q.key, self.asked),
        }
    }
    fn confirm(&mut self, q: &Question, default: bool) -> Asked<bool> {
        match self.next(q)? {
            Say::Back => Ok(Reply::Back),
            Say::Yes => Ok(Reply::Answer(true)),
            Say::No => Ok(Reply::Answer(false)),
            Say::Text(s) if s.is_empty() => Ok(Reply::Answer(default)),
            other => panic!(
                "{} ({}): expected yes/no, script says {other:?}; asked {:?}",
                q.key, q.prompt, self.asked
            ),
        }
    }
    fn note(&mut self, text: &str) {
        self.notes.push(text.to_string());
    }
}
