//! Cross-draft checks: what no single draft can show. The same mobile, e-mail or ID number
//! used by the responsible persons of different principals, the same domain in two drafts, two
//! drafts for one principal (an error when both are orders in progress: one open order per
//! principal), and one filing number given for two principals.
//!
//! Memory stays small per draft: a worker turns a draft into [`Keys`] (a few hashed values),
//! and the index keeps, per distinct value, only its first occurrence (draft number, principal
//! hash, which field, its position): about a hundred bytes per value. Values are hashed with a
//! fixed-key SipHash (`DefaultHasher::new()`), so the run is deterministic. A draft's `Keys`
//! carry its normalised values only until the draft's turn in the output (a finding shows one,
//! masked); the index keeps hashes, never values, so no personal data outlives its draft.

use crate::diag::{Finding, Hit};
use crate::draft::node::Pos;
use crate::draft::{Draft, FilingType, Person, Responsible};
use crate::pii::mask;
use crate::rules::{RuleSet, engine};
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};

/// What kind of value a key is; values of different kinds never match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Mobile,
    Email,
    Id,
    Domain,
    FilingNumber,
}

/// Whose value it is in the draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Principal,
    // Indices past 255 are not kept (no order has that many websites, apps or domains).
    Website(u8),
    App(u8),
    Domain(u8),
}

/// Which key of the owner's person table (or the domain's name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Mobile,
    Emergency,
    Email,
    Id,
    Name,
    /// The owner's own filing number (`principal.filing_number`, `website.N.filing_number`).
    FilingNumber,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Where {
    owner: Owner,
    slot: Slot,
}

impl Where {
    fn field(self) -> String {
        use std::fmt::Write;
        let mut out = String::with_capacity(48);
        if self.slot == Slot::FilingNumber {
            // Writing into a String cannot fail.
            let _ = match self.owner {
                Owner::Principal => write!(out, "principal.filing_number"),
                Owner::Website(i) => write!(out, "website.{i}.filing_number"),
                Owner::App(i) => write!(out, "app.{i}.filing_number"),
                Owner::Domain(i) => write!(out, "domain.{i}.name"),
            };
            return out;
        }
        // Writing into a String cannot fail.
        let _ = match self.owner {
            Owner::Principal => write!(out, "principal.responsible."),
            Owner::Website(i) => write!(out, "website.{i}.responsible."),
            Owner::App(i) => write!(out, "app.{i}.responsible."),
            Owner::Domain(i) => write!(out, "domain.{i}."),
        };
        out.push_str(match self.slot {
            Slot::Mobile => "contact.mobile",
            Slot::Emergency => "contact.emergency_phone",
            Slot::Email => "contact.email",
            Slot::Id => "document.number",
            Slot::Name => "name",
            Slot::FilingNumber => "filing_number",
        });
        out
    }
}

/// One value a draft contributes (normalised; masked only if a finding shows it).
#[derive(Debug, Clone)]
struct Value {
    kind: Kind,
    hash: u64,
    at: Where,
    pos: Option<Pos>,
    value: String,
}

impl Value {
    /// The value as a message may show it: phone and ID numbers masked.
    fn shown(&self) -> String {
        match self.kind {
            Kind::Mobile | Kind::Id => mask(&self.value),
            // Filing numbers are public (every filed site shows its own).
            Kind::Email | Kind::Domain | Kind::FilingNumber => self.value.clone(),
        }
    }
}

/// The little a draft leaves for the cross-draft checks (built on a worker, consumed in order).
#[derive(Debug, Clone, Default)]
pub struct Keys {
    /// Who the principal is: its document number, else its name.
    principal: Option<(u64, &'static str, Option<Pos>)>,
    /// The principal is known by its document number (not only by name).
    by_document: bool,
    /// The type the draft is checked as: two reviewed orders of one principal cannot run at once.
    filing_type: Option<FilingType>,
    values: Vec<Value>,
}

/// An order that goes to review and stays open until approved (a transfer is immediate).
fn open_order(t: Option<FilingType>) -> bool {
    t.is_some_and(|t| t != FilingType::Transfer)
}

fn hash_of(kind: Kind, value: &str) -> u64 {
    let mut h = DefaultHasher::new();
    kind.hash(&mut h);
    value.hash(&mut h);
    h.finish()
}

fn norm_mobile(s: &str) -> Option<String> {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let d = match digits.len() {
        13 if digits.starts_with("86") => digits[2..].to_string(),
        15 if digits.starts_with("0086") => digits[4..].to_string(),
        _ => digits,
    };
    (d.len() >= 7).then_some(d)
}

fn norm_email(s: &str) -> Option<String> {
    let t = s.trim().to_lowercase();
    t.contains('@').then_some(t)
}

/// The validators' one normalisation, so a number typed with spaces or full-width digits in
/// one draft is the same number as the plain one in another.
fn norm_id(s: &str) -> Option<String> {
    let t = crate::validators::normalise(s);
    (!t.is_empty()).then(|| t.into_owned())
}

fn norm_domain(s: &str) -> Option<String> {
    let t = s.trim().trim_end_matches('.');
    // Most names are plain ASCII: lowercase is their canonical form; IDNA only for the rest.
    if t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.') {
        return (!t.is_empty()).then(|| t.to_ascii_lowercase());
    }
    match crate::validators::domain::parse(s) {
        Ok(d) => Some(d.ascii.trim_end_matches('.').to_string()),
        Err(_) => {
            let t = s.trim().trim_end_matches('.').to_lowercase();
            (!t.is_empty()).then_some(t)
        }
    }
}

impl Keys {
    /// Pick the values out of a typed draft.
    pub fn of(draft: &Draft) -> Keys {
        let mut k = Keys::default();
        let p = &draft.principal;
        let pos = |f: &str| draft.exact_pos(f);
        k.filing_type = Some(crate::draft::filing::effective(draft));
        if let Some(n) = p.document.number.as_deref().and_then(norm_id) {
            k.by_document = true;
            k.principal = Some((
                hash_of(Kind::Id, &format!("principal:{n}")),
                "principal.document.number",
                pos("principal.document.number"),
            ));
        } else if let Some(n) = p.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            k.principal = Some((
                hash_of(Kind::Id, &format!("principal-name:{n}")),
                "principal.name",
                pos("principal.name"),
            ));
        }
        k.person(draft, Owner::Principal, &p.responsible);
        for (i, w) in draft.websites.iter().enumerate().take(256) {
            if let Some(Responsible::Person(person)) = &w.responsible {
                k.person(draft, Owner::Website(i as u8), person);
            }
        }
        for (i, a) in draft.apps.iter().enumerate().take(256) {
            if let Some(Responsible::Person(person)) = &a.responsible {
                k.person(draft, Owner::App(i as u8), person);
            }
        }
        let numbers = std::iter::once((Owner::Principal, &p.filing_number))
            .chain(
                draft
                    .websites
                    .iter()
                    .enumerate()
                    .take(256)
                    .map(|(i, w)| (Owner::Website(i as u8), &w.filing_number)),
            )
            .chain(
                draft
                    .apps
                    .iter()
                    .enumerate()
                    .take(256)
                    .map(|(i, a)| (Owner::App(i as u8), &a.filing_number)),
            );
        for (owner, n) in numbers {
            if let Some(v) = n.as_deref().and_then(norm_id) {
                k.push(
                    draft,
                    Kind::FilingNumber,
                    v,
                    Where {
                        owner,
                        slot: Slot::FilingNumber,
                    },
                );
            }
        }
        for (i, d) in draft.domains.iter().enumerate().take(256) {
            if let Some(v) = d.name.as_deref().and_then(norm_domain) {
                let at = Where {
                    owner: Owner::Domain(i as u8),
                    slot: Slot::Name,
                };
                k.push(draft, Kind::Domain, v, at);
            }
        }
        k
    }

    fn person(&mut self, draft: &Draft, owner: Owner, person: &Person) {
        let c = &person.contact;
        for (slot, value) in [(Slot::Mobile, &c.mobile), (Slot::Emergency, &c.emergency_phone)] {
            if let Some(v) = value.as_deref().and_then(norm_mobile) {
                self.push(draft, Kind::Mobile, v, Where { owner, slot });
            }
        }
        if let Some(v) = c.email.as_deref().and_then(norm_email) {
            self.push(draft, Kind::Email, v, Where { owner, slot: Slot::Email });
        }
        if person.document.doc_type.is_none_or(|t| t.is_personal())
            && let Some(v) = person.document.number.as_deref().and_then(norm_id)
        {
            self.push(draft, Kind::Id, v, Where { owner, slot: Slot::Id });
        }
    }

    fn push(&mut self, draft: &Draft, kind: Kind, value: String, at: Where) {
        let hash = hash_of(kind, &value);
        // One entry per distinct value per draft: the same person named twice is one person.
        if self.values.iter().any(|v| v.hash == hash) {
            return;
        }
        let pos = draft.pos(&at.field());
        self.values.push(Value {
            kind,
            hash,
            at,
            pos,
            value,
        });
    }
}

/// A position in 8 bytes (line 0 = none): the index keeps one per distinct value.
#[derive(Debug, Clone, Copy)]
struct SmallPos(u32, u32);

impl SmallPos {
    fn new(p: Option<Pos>) -> Self {
        match p {
            Some(p) => SmallPos(
                u32::try_from(p.line).unwrap_or(u32::MAX),
                u32::try_from(p.column).unwrap_or(u32::MAX),
            ),
            None => SmallPos(0, 0),
        }
    }
    fn get(self) -> Option<Pos> {
        (self.0 != 0).then_some(Pos {
            line: self.0 as usize,
            column: self.1 as usize,
        })
    }
}

/// The first draft of a principal: which draft, where its key is, and what order it is.
#[derive(Debug, Clone, Copy)]
struct FirstOrder {
    draft: u32,
    pos: SmallPos,
    field: &'static str,
    by_document: bool,
    filing_type: Option<FilingType>,
}

fn type_text(t: Option<FilingType>) -> crate::diag::Text {
    match t {
        Some(t) => crate::diag::Text::new(format!("{}（{}）", t.zh(), t.id()), t.id()),
        None => crate::diag::Text::same("?"),
    }
}

/// The first draft a value was seen in: 32 bytes with its key, whatever the draft holds.
#[derive(Debug, Clone, Copy)]
struct First {
    /// Hash of the principal (0 = unknown).
    principal: u64,
    draft: u32,
    at: Where,
    pos: SmallPos,
}

/// A finding about two drafts: it is reported on `path` (the later draft, in the batch's
/// order) and names `other_path` (the earlier one).
#[derive(Debug, Clone)]
pub struct CrossFinding {
    pub finding: Finding,
    pub path: String,
    pub other_path: String,
    pub other_field: String,
    pub other_pos: Option<Pos>,
}

/// The index's keys are already SipHash values: hashing them again would only cost time.
#[derive(Debug, Default, Clone, Copy)]
struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type ByHash<V> = HashMap<u64, V, BuildHasherDefault<PreHashed>>;

/// The running index over all drafts seen so far. Keys are the value hashes (which already
/// include the kind).
#[derive(Debug, Default)]
pub struct Index {
    values: ByHash<First>,
    principals: ByHash<FirstOrder>,
    pub findings: Vec<CrossFinding>,
}

impl Index {
    /// An index with room for `drafts` drafts of a typical size (a principal and about six
    /// contact, ID and domain values each), so that growing it does not stall the output
    /// (and with it the workers) partway through a large batch.
    pub fn for_drafts(drafts: usize) -> Self {
        let mut i = Self::default();
        i.values.reserve(drafts.saturating_mul(6));
        i.principals.reserve(drafts);
        i
    }

    /// Add draft number `idx` (shown as `path`); `path_of` names an earlier draft.
    pub fn add(&mut self, rules: &RuleSet, idx: u32, path: &str, keys: &Keys, path_of: &dyn Fn(u32) -> String) {
        let principal = keys.principal.map_or(0, |p| p.0);
        if let Some((h, field, pos)) = keys.principal {
            match self.principals.entry(h) {
                Entry::Occupied(e) => {
                    let first = *e.get();
                    let other = path_of(first.draft);
                    // Two orders in review for one principal (same document number) cannot run at
                    // once. Two first filings are most likely one order split in two drafts: that
                    // stays CROSS-PRINCIPAL's warning, whose fix is to merge them.
                    let both_first = first.filing_type == Some(FilingType::First) && keys.filing_type == Some(FilingType::First);
                    let open = first.by_document
                        && keys.by_document
                        && open_order(first.filing_type)
                        && open_order(keys.filing_type)
                        && !both_first;
                    let hit = Hit::at(field)
                        .var("other", other.clone())
                        .var_text("type", type_text(keys.filing_type))
                        .var_text("other_type", type_text(first.filing_type));
                    let code = if open { "CROSS-OPEN-ORDER" } else { "CROSS-PRINCIPAL" };
                    self.push(rules, code, hit, pos, path, other, first.field.to_string(), first.pos.get());
                }
                Entry::Vacant(e) => {
                    e.insert(FirstOrder {
                        draft: idx,
                        pos: SmallPos::new(pos),
                        field,
                        by_document: keys.by_document,
                        filing_type: keys.filing_type,
                    });
                }
            }
        }
        for v in &keys.values {
            match self.values.entry(v.hash) {
                Entry::Vacant(e) => {
                    e.insert(First {
                        principal,
                        draft: idx,
                        at: v.at,
                        pos: SmallPos::new(v.pos),
                    });
                }
                Entry::Occupied(e) => {
                    let first = *e.get();
                    if first.draft == idx {
                        continue;
                    }
                    let code = match v.kind {
                        // The same domain twice is a conflict whoever files it.
                        Kind::Domain => "CROSS-DOMAIN",
                        // One number, two principals (same principal twice: CROSS-PRINCIPAL's).
                        Kind::FilingNumber if first.principal == 0 || principal == 0 || first.principal == principal => continue,
                        Kind::FilingNumber => "CROSS-FILING-NUMBER",
                        // Contact details and IDs: only between different principals (two drafts
                        // of one principal are CROSS-PRINCIPAL's business).
                        _ if first.principal != 0 && first.principal == principal => continue,
                        Kind::Mobile => "CROSS-MOBILE",
                        Kind::Email => "CROSS-EMAIL",
                        Kind::Id => "CROSS-ID",
                    };
                    let other = path_of(first.draft);
                    let other_field = first.at.field();
                    let hit = Hit::at(v.at.field())
                        .var("value", v.shown())
                        .var("other", other.clone())
                        .var("other_field", other_field.clone());
                    self.push(rules, code, hit, v.pos, path, other, other_field, first.pos.get());
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        rules: &RuleSet,
        code: &str,
        hit: Hit,
        pos: Option<Pos>,
        path: &str,
        other_path: String,
        other_field: String,
        other_pos: Option<Pos>,
    ) {
        let mut finding = engine::finding(rules, code, &hit, None);
        finding.pos = pos;
        self.findings.push(CrossFinding {
            finding,
            path: path.to_string(),
            other_path,
            other_field,
            other_pos,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the index keeps per distinct value stays small (the batch's memory budget).
    #[test]
    fn index_entries_are_small() {
        assert!(std::mem::size_of::<(u64, First)>() <= 32, "{}", std::mem::size_of::<(u64, First)>());
    }
}
