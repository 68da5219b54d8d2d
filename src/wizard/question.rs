//! A question as data: which key it fills, its words in both languages, how its answer is read
//! and written. The question lists in `questions/` are pure functions of the draft; the
//! engine asks the first one that is not answered.

use crate::diag::Lang;
use std::rc::Rc;
use toml::{Table, Value};

/// A text in both languages. Every prompt, help and choice label of the wizard is one, so a
/// test can walk every question and fail on a missing language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bi {
    pub zh: String,
    pub en: String,
}

impl Bi {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Bi {
            zh: zh.into(),
            en: en.into(),
        }
    }
    pub fn get(&self, lang: Lang) -> &str {
        if lang == Lang::Zh { &self.zh } else { &self.en }
    }
    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }
}

pub fn bi(zh: impl Into<String>, en: impl Into<String>) -> Bi {
    Bi::new(zh, en)
}

/// How a typed answer becomes a TOML value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Date,
    /// A date or 长期 / long-term.
    Validity,
    Int,
    /// Comma-separated list.
    List,
    /// Languages by name (中文, English …), kept as codes.
    Languages,
    /// A file that must exist.
    Path,
}

/// One entry of a selection.
#[derive(Clone, Debug)]
pub struct Opt {
    pub id: String,
    pub label: Bi,
}

pub fn opt(id: impl Into<String>, label: Bi) -> Opt {
    Opt { id: id.into(), label }
}

/// Checks a secret as it is typed (a keystore password against its keystore): `Err` says why
/// it is asked again.
#[derive(Clone)]
pub struct Check(pub Rc<CheckFn>);

pub type CheckFn = dyn Fn(&str) -> Result<(), Bi>;

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Check")
    }
}

#[derive(Clone, Debug)]
pub enum Input {
    Text(Kind),
    Choice(Vec<Opt>),
    YesNo,
    /// Hidden input (a keystore password): the answer reaches the apply function only. It is
    /// never echoed, never offered back as a default, and its note in the wizard's progress is
    /// `SECRET_GIVEN`, so neither the autosave nor a resume ever has it.
    Secret(Check),
}

/// What the wizard's notes keep for an answered secret question.
pub const SECRET_GIVEN: &str = "given";

/// An answer, as the prompter gives it.
#[derive(Clone, Debug, PartialEq)]
pub enum Ans {
    /// Typed text parsed to a value.
    Val(Value),
    /// The id of the chosen option.
    Pick(String),
    Bool(bool),
}

impl Ans {
    /// The answer as it is kept for the wizard's own questions and offered as a default.
    pub fn as_meta(&self) -> String {
        match self {
            Ans::Val(v) => value_text(v),
            Ans::Pick(s) => s.clone(),
            Ans::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        }
    }
    pub fn value(&self) -> Value {
        match self {
            Ans::Val(v) => v.clone(),
            Ans::Pick(s) => Value::String(s.clone()),
            Ans::Bool(b) => Value::Boolean(*b),
        }
    }
}

/// What the wizard keeps beside the draft: answers to its own questions ("add another
/// domain?") and which of the draft's keys a choice stands for.
pub type Meta = std::collections::BTreeMap<String, String>;

pub type ApplyFn = Rc<dyn Fn(&mut Table, &mut Meta, &Ans)>;

#[derive(Clone)]
pub enum Apply {
    /// Write the value at the key.
    Set,
    /// Write a one-item list (a choice whose draft value is a list).
    One,
    /// Keep the answer in the wizard's own notes (key starts with `~`).
    Meta,
    /// Anything else (copying the principal into the holder …); the answer is also kept in
    /// the notes under the key, so the question counts as answered.
    With(ApplyFn),
}

#[derive(Clone)]
pub struct Q {
    pub key: String,
    /// The step id (`account`, `principal` …).
    pub step: &'static str,
    pub prompt: Bi,
    pub help: Bi,
    pub input: Input,
    pub optional: bool,
    /// Personal data: never echoed unmasked.
    pub pii: bool,
    /// Text: the default typed value; a choice: the default id; yes/no: "yes" or "no".
    pub default: Option<String>,
    pub apply: Apply,
    /// Show what the answer brings (materials) and ask to confirm it.
    pub consequences: bool,
    /// Keys this answer filled in besides its own: cleared with it when it is changed.
    pub owns: Vec<String>,
    /// The answer taken without input (`--no-input`), for the wizard's own questions; `None`:
    /// a missing answer.
    pub batch: Option<String>,
    /// Said before the question is asked (a province's rule, a cap about to be reached).
    pub before: Option<Bi>,
    /// Rules whose findings a dedicated question right after this one puts to the person
    /// (a credit code of another category, a residence permit that will not do): this answer
    /// is not refused for them, and they are not said as findings after it.
    pub aftermath: Vec<String>,
}

impl Q {
    pub fn new(key: impl Into<String>, step: &'static str, prompt: Bi, input: Input) -> Self {
        Q {
            key: key.into(),
            step,
            prompt,
            help: Bi::default(),
            input,
            optional: false,
            pii: false,
            default: None,
            apply: Apply::Set,
            consequences: false,
            owns: Vec::new(),
            batch: None,
            before: None,
            aftermath: Vec::new(),
        }
    }
    pub fn text(key: impl Into<String>, step: &'static str, prompt: Bi, kind: Kind) -> Self {
        Q::new(key, step, prompt, Input::Text(kind))
    }
    /// A hidden answer; `check` runs on every non-empty answer, empty = left empty.
    pub fn secret(key: impl Into<String>, step: &'static str, prompt: Bi, check: impl Fn(&str) -> Result<(), Bi> + 'static) -> Self {
        Q::new(key, step, prompt, Input::Secret(Check(Rc::new(check))))
    }
    pub fn is_secret(&self) -> bool {
        matches!(self.input, Input::Secret(_))
    }
    pub fn yes_no(key: impl Into<String>, step: &'static str, prompt: Bi) -> Self {
        Q::new(key, step, prompt, Input::YesNo)
    }
    pub fn choice(key: impl Into<String>, step: &'static str, prompt: Bi, opts: Vec<Opt>) -> Self {
        Q::new(key, step, prompt, Input::Choice(opts))
    }
    pub fn help(mut self, h: Bi) -> Self {
        self.help = h;
        self
    }
    pub fn optional(mut self) -> Self {
        self.optional = true;
        self
    }
    pub fn pii(mut self) -> Self {
        self.pii = true;
        self
    }
    pub fn default(mut self, d: impl Into<String>) -> Self {
        self.default = Some(d.into());
        self
    }
    pub fn default_opt(mut self, d: Option<String>) -> Self {
        self.default = d;
        self
    }
    pub fn apply(mut self, a: Apply) -> Self {
        self.apply = a;
        self
    }
    pub fn with(self, f: impl Fn(&mut Table, &mut Meta, &Ans) + 'static) -> Self {
        self.apply(Apply::With(Rc::new(f)))
    }
    pub fn consequences(mut self) -> Self {
        self.consequences = true;
        self
    }
    pub fn owns(mut self, keys: Vec<String>) -> Self {
        self.owns = keys;
        self
    }
    pub fn batch(mut self, a: &str) -> Self {
        self.batch = Some(a.to_string());
        self
    }
    pub fn before(mut self, b: Bi) -> Self {
        self.before = Some(b);
        self
    }
    pub fn aftermath(mut self, codes: Vec<String>) -> Self {
        self.aftermath = codes;
        self
    }
    /// A question of the wizard itself, not a key of the draft.
    pub fn is_meta(&self) -> bool {
        self.key.starts_with('~')
    }
}

/// A value as typed: dates as 2026-12-01, lists as "a, b".
pub fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(value_text).collect::<Vec<_>>().join(", "),
        Value::Boolean(b) => if *b { "yes" } else { "no" }.to_string(),
        other => other.to_string(),
    }
}
