//! The wizard's questions, one file per step. Each step is a pure function of the draft (and
//! the wizard's own notes) that lists the questions that apply to it, in order; the engine
//! asks the first one not yet answered.

pub mod account;
pub mod apps;
pub mod domains;
pub mod materials;
pub mod person;
pub mod principal;
pub mod vocab;
pub mod websites;

use super::question::{Meta, Q};
use crate::draft::model::{ChangeArea, PrincipalKind};
use crate::province::{self, Province};
use crate::report::DraftReport;
use crate::rules::RuleSet;
use chrono::NaiveDate;
use toml::{Table, Value};

/// The steps, in order. The review follows them.
pub const STEPS: &[&str] = &["account", "principal", "responsible", "domains", "websites", "apps", "materials"];

/// Defaults from the config file.
#[derive(Clone, Debug, Default)]
pub struct Defaults {
    pub province: Option<&'static Province>,
    pub provider: Option<String>,
}

/// What a question list is computed from.
pub struct Cx<'a> {
    pub draft: &'a Table,
    pub meta: &'a Meta,
    pub rules: &'static RuleSet,
    pub today: NaiveDate,
    pub defaults: &'a Defaults,
    /// False without a terminal: follow-up questions that only help a person are left out.
    pub interactive: bool,
}

impl Cx<'_> {
    pub fn get(&self, key: &str) -> Option<&Value> {
        get(self.draft, key)
    }
    pub fn s(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Value::as_str)
    }
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta.get(key).map(String::as_str)
    }
    pub fn kind(&self) -> Option<PrincipalKind> {
        self.s("principal.kind").and_then(PrincipalKind::parse)
    }
    pub fn individual(&self) -> bool {
        self.kind() == Some(PrincipalKind::Individual)
    }
    pub fn province(&self) -> Option<&'static Province> {
        self.s("principal.province").and_then(province::resolve)
    }
    pub fn filing_type(&self) -> Option<&str> {
        self.s("account.filing_type")
    }
    /// The parts a change order changes, once it has said (ids of `ChangeArea`); `None` for
    /// every other order and for a change that has not said, which is asked whole.
    pub fn change_parts(&self) -> Option<Vec<&'static str>> {
        if self.filing_type() != Some("change") {
            return None;
        }
        // A single string is a list of one, as the draft reader takes it (`--set
        // account.changes=website`).
        let v = self.get("account.changes")?;
        let items = match v {
            Value::Array(a) => a.iter().collect(),
            one => vec![one],
        };
        let parts: Vec<&'static str> = items
            .into_iter()
            .filter_map(Value::as_str)
            .filter_map(ChangeArea::parse)
            .map(ChangeArea::id)
            .collect();
        (!parts.is_empty()).then_some(parts)
    }
    /// Whether this order submits `part` (always, unless a change said it leaves it as filed).
    pub fn changes(&self, part: &str) -> bool {
        self.change_parts().is_none_or(|p| p.contains(&part))
    }
    /// Number of items in an array of tables (`domain`, `website`).
    pub fn count(&self, key: &str) -> usize {
        Cx::count_of(self.draft, key)
    }
    pub fn count_of(t: &Table, key: &str) -> usize {
        get(t, key).and_then(Value::as_array).map_or(0, Vec::len)
    }
}

/// Does this step apply to the filing type? A cancellation names what it cancels and
/// nothing else.
pub fn step_applies(cx: &Cx, step: &str) -> bool {
    let t = cx.filing_type();
    // A change that says what it changes asks only those parts (the principal's identity is
    // always asked: see `step_questions`).
    let part = |p: &str| cx.changes(p);
    match step {
        "domains" => t != Some("cancel") && (part("website") || part("app")),
        "websites" => (!matches!(t, Some("cancel")) || cx.s("account.cancel_scope") == Some("service")) && part("website"),
        "responsible" => {
            (t != Some("cancel") || cx.s("account.cancel_scope") != Some("access")) && (part("principal") || part("principal_responsible"))
        }
        "principal" => t != Some("cancel") || cx.s("account.cancel_scope") != Some("access"),
        "apps" => part("app"),
        _ => true,
    }
}

/// Every question that applies to the draft, step by step.
pub fn all(cx: &Cx) -> Vec<Q> {
    let mut qs = Vec::new();
    for step in STEPS {
        qs.extend(step_questions(cx, step));
    }
    qs
}

pub fn step_questions(cx: &Cx, step: &str) -> Vec<Q> {
    if !step_applies(cx, step) {
        return Vec::new();
    }
    match step {
        "account" => account::questions(cx),
        "principal" => {
            let mut qs = principal::questions(cx);
            // Not resubmitted: only what names the principal, its document number included (the
            // domains' holder is matched against it); an individual changing their contacts
            // still gives the whole ID, which is also the responsible person's.
            let resubmitted = cx.changes("principal") || (cx.individual() && cx.changes("principal_responsible"));
            if !resubmitted {
                qs.retain(|q| {
                    matches!(
                        q.key.as_str(),
                        "principal.kind"
                            | "principal.name"
                            | "principal.province"
                            | "principal.document.type"
                            | "principal.document.number"
                    )
                });
            }
            qs
        }
        "responsible" => principal::responsible(cx),
        "domains" => domains::questions(cx),
        "websites" => websites::questions(cx),
        "apps" => apps::questions(cx),
        "materials" => materials::questions(cx),
        _ => Vec::new(),
    }
}

/// The value at a dotted key (`domain.0.name`).
pub fn get<'t>(t: &'t Table, key: &str) -> Option<&'t Value> {
    let mut parts = key.split('.');
    let mut cur = t.get(parts.next()?)?;
    for p in parts {
        cur = match cur {
            Value::Table(t) => t.get(p)?,
            Value::Array(a) => a.get(p.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// Write a value; a key the flow builds itself never fails, so a failure is ignored rather
/// than allowed to stop the wizard.
pub fn put(t: &mut Table, key: &str, v: Value) {
    let _ = crate::draft::edit::set_replacing(t, key, v);
}

pub fn put_str(t: &mut Table, key: &str, s: &str) {
    put(t, key, Value::String(s.to_string()));
}

/// Run the rules over a draft table, exactly as `beian check` does. The question lists ask
/// the same draft several times over; the last few answers are kept.
pub fn evaluate(rules: &RuleSet, t: &Table) -> std::rc::Rc<DraftReport> {
    use std::cell::RefCell;
    use std::rc::Rc;
    thread_local! {
        static MEMO: RefCell<Vec<(String, Rc<DraftReport>)>> = const { RefCell::new(Vec::new()) };
    }
    let src = toml::to_string(t).unwrap_or_default();
    if let Some(r) = MEMO.with(|m| m.borrow().iter().find(|(s, _)| *s == src).map(|(_, r)| r.clone())) {
        return r;
    }
    let r = Rc::new(crate::commands::check::check_source(rules, "draft.toml", &src, None, None));
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= 16 {
            m.remove(0);
        }
        m.push((src, r.clone()));
    });
    r
}
