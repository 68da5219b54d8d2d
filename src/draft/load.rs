//! Spanned TOML → typed `Draft`. Nothing here stops at the first problem: wrong types, unknown
//! keys and unknown values become findings and the rest of the draft is still read.

use super::keys::{self, Group};
use super::model::*;
use super::node::{Node, Pos, Val, convert_table, nearest_at, pos_at};
use crate::diag::{Hit, Text};
use crate::province;
use chrono::NaiveDate;

/// A finding raised while reading the draft; the rule table supplies its text.
#[derive(Debug, Clone)]
pub struct LoadIssue {
    pub code: &'static str,
    pub hit: Hit,
    pub pos: Option<Pos>,
}

pub struct Loaded {
    pub draft: Option<Draft>,
    pub issues: Vec<LoadIssue>,
}

pub use super::keys::known_paths;

pub fn load_str(src: &str) -> Loaded {
    if let Some(why) = super::too_large(src.len() as u64) {
        return Loaded {
            draft: None,
            issues: vec![LoadIssue {
                code: "DRAFT-IO",
                hit: Hit::at("").var_text("detail", why),
                pos: None,
            }],
        };
    }
    let table = match toml::de::DeTable::parse(src) {
        Ok(t) => t,
        Err(e) => {
            let msg = e.message().trim().to_string();
            // The parser gives up on deep nesting without a position: point at the line that
            // nests deepest, and say what is wrong.
            let deep = msg.contains("recursion");
            let pos = match e.span() {
                Some(s) => pos_at(src, s.start),
                None => deepest_line(src),
            };
            let detail = if deep {
                Text::new(
                    "键或值嵌套太深（超过解析器的上限），草稿中不会有这样的键".to_string(),
                    "keys or values nested too deeply (over the parser's limit); no draft key is like this".to_string(),
                )
            } else {
                Text::same(msg)
            };
            return Loaded {
                draft: None,
                issues: vec![LoadIssue {
                    code: "DRAFT-SYNTAX",
                    hit: Hit::at("")
                        .var("line", pos.line.to_string())
                        .var("column", pos.column.to_string())
                        .var_text("detail", detail),
                    pos: Some(pos),
                }],
            };
        }
    };
    let root = Node {
        val: Val::Table(convert_table(table.get_ref())),
        at: 0,
    };
    drop(table);
    let mut r = Reader {
        src,
        issues: Vec::new(),
        draft: Draft::default(),
        lines: std::cell::OnceCell::new(),
    };
    r.read(&root);
    r.draft.root = Some(root);
    r.draft.text = src.into();
    Loaded {
        draft: Some(r.draft),
        issues: r.issues,
    }
}

/// The line with the most nesting (dots, brackets and braces), at its first column.
fn deepest_line(src: &str) -> Pos {
    let mut best = (0, 1);
    for (i, line) in src.lines().enumerate() {
        let depth = line.bytes().filter(|b| matches!(b, b'.' | b'[' | b'{')).count();
        if depth > best.0 {
            best = (depth, i + 1);
        }
    }
    Pos { line: best.1, column: 1 }
}

struct Reader<'s> {
    src: &'s str,
    issues: Vec<LoadIssue>,
    draft: Draft,
    lines: std::cell::OnceCell<super::node::LineIndex>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Reader<'_> {
    /// Byte offset → position (through a line index in a big draft).
    fn pos(&self, at: usize) -> Pos {
        if self.src.len() <= super::node::INDEX_ABOVE {
            pos_at(self.src, at)
        } else {
            self.lines.get_or_init(|| super::node::LineIndex::new(self.src)).pos(self.src, at)
        }
    }

    /// An issue at byte offset `at`.
    fn issue(&mut self, code: &'static str, hit: Hit, at: usize) {
        let pos = self.pos(at);
        self.issues.push(LoadIssue { code, hit, pos: Some(pos) });
    }

    fn wrong_type(&mut self, node: &Node, path: &str, expected: &str) {
        let hit = Hit::at(path)
            .var("expected", expected)
            .var("found", node.type_name())
            .var("line", self.pos(node.at).line.to_string())
            .var("column", self.pos(node.at).column.to_string());
        self.issue("DRAFT-TYPE", hit, node.at);
    }

    /// The first [`super::MAX_LIST`] items of a list; a longer one is a finding.
    fn capped<'n>(&mut self, node: &Node, items: &'n [Node], path: &str) -> &'n [Node] {
        let max = super::MAX_LIST;
        if items.len() <= max {
            return items;
        }
        let pos = self.pos(node.at);
        let hit = Hit::at(path)
            .var_text(
                "expected",
                Text::new(format!("不超过 {max} 项的列表"), format!("a list of at most {max} entries")),
            )
            .var_text(
                "found",
                Text::new(
                    format!("{} 项（只检查了前 {max} 项）", items.len()),
                    format!("{} entries (only the first {max} were checked)", items.len()),
                ),
            )
            .var("line", pos.line.to_string())
            .var("column", pos.column.to_string());
        self.issue("DRAFT-TYPE", hit, node.at);
        &items[..max]
    }

    /// Records the table's position and warns about keys the format does not know.
    fn table<'n>(&mut self, node: &'n Node, path: &str, group: &Group) -> Option<&'n [(String, Node)]> {
        // The list of names is only collected for a table with an unknown key (to suggest one).
        if let Val::Table(entries) = &node.val
            && entries.iter().all(|(k, _)| group.get(k).is_some())
        {
            return Some(entries);
        }
        let known: Vec<&str> = group.names().collect();
        self.table_of(node, path, &known)
    }

    /// A table whose keys must be among `known` (each unknown one is a warning naming the
    /// closest known key).
    fn table_of<'n>(&mut self, node: &'n Node, path: &str, known: &[&str]) -> Option<&'n [(String, Node)]> {
        let Val::Table(entries) = &node.val else {
            self.wrong_type(node, path, "table");
            return None;
        };
        for (k, v) in entries {
            if !known.contains(&k.as_str()) {
                let best = known
                    .iter()
                    .map(|c| (strsim::jaro_winkler(k, c), *c))
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .filter(|(s, _)| *s > 0.7)
                    .map(|(_, c)| c);
                let suggestion = match best {
                    Some(c) => Text::new(
                        format!("，是否想写 `{}`？", join(path, c)),
                        format!("; did you mean `{}`?", join(path, c)),
                    ),
                    None => Text::new(
                        format!("（可用的键：{}）", known.join(", ")),
                        format!(" (known keys: {})", known.join(", ")),
                    ),
                };
                let hit = Hit::at(join(path, k)).var("key", join(path, k)).var_text("suggestion", suggestion);
                self.issue("DRAFT-UNKNOWN-KEY", hit, v.at);
            }
        }
        Some(entries)
    }

    fn node<'n>(&self, t: Option<&'n [(String, Node)]>, key: &str) -> Option<&'n Node> {
        t?.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Read one scalar: `read` gives `None` for a value of the wrong type (reported as
    /// DRAFT-TYPE naming `expected`), or the value (itself `None` for an empty string).
    fn scalar<T>(
        &mut self,
        t: Option<&[(String, Node)]>,
        path: &str,
        key: &str,
        expected: &str,
        read: impl Fn(&Val) -> Option<Option<T>>,
    ) -> Option<T> {
        let n = self.node(t, key)?;
        match read(&n.val) {
            Some(v) => v,
            None => {
                self.wrong_type(n, &join(path, key), expected);
                None
            }
        }
    }

    fn string(&mut self, t: Option<&[(String, Node)]>, path: &str, key: &str) -> Option<String> {
        self.scalar(t, path, key, "string", |v| match v {
            Val::Str(s) => Some(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
            _ => None,
        })
    }

    fn boolean(&mut self, t: Option<&[(String, Node)]>, path: &str, key: &str) -> Option<bool> {
        self.scalar(t, path, key, "boolean (true/false)", |v| match v {
            Val::Bool(b) => Some(Some(*b)),
            _ => None,
        })
    }

    fn int(&mut self, t: Option<&[(String, Node)]>, path: &str, key: &str) -> Option<i64> {
        self.scalar(t, path, key, "integer", |v| match v {
            Val::Int(i) => Some(Some(*i)),
            _ => None,
        })
    }

    fn date(&mut self, t: Option<&[(String, Node)]>, path: &str, key: &str) -> Option<NaiveDate> {
        self.scalar(t, path, key, "date (YYYY-MM-DD)", |v| match v {
            Val::Date(d) => Some(Some(*d)),
            // People quote dates; accept "2027-01-01" rather than reject a clear answer.
            Val::Str(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok().map(Some),
            _ => None,
        })
    }

    fn validity(&mut self, t: Option<&[(String, Node)]>, path: &str, key: &str) -> Option<Validity> {
        self.scalar(t, path, key, "date (YYYY-MM-DD) or \"long-term\"", |v| match v {
            Val::Date(d) => Some(Some(Validity::Until(*d))),
            Val::Str(s) => {
                let s = s.trim();
                if LONG_TERM.iter().any(|v| v.eq_ignore_ascii_case(s)) {
                    Some(Some(Validity::LongTerm))
                } else {
                    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(|d| Some(Validity::Until(d)))
                }
            }
            _ => None,
        })
    }

    fn strings(&mut self, t: Option<&[(String, Node)]>, path: &str, key: &str) -> Vec<String> {
        let Some(n) = self.node(t, key) else { return Vec::new() };
        match &n.val {
            Val::Arr(items) => {
                let mut out = Vec::new();
                let items = self.capped(n, items, &join(path, key));
                for (i, item) in items.iter().enumerate() {
                    match &item.val {
                        Val::Str(s) => out.push(s.trim().to_string()),
                        _ => self.wrong_type(item, &format!("{}.{i}", join(path, key)), "string"),
                    }
                }
                out
            }
            // A single string where a list is expected is a common slip; take it.
            Val::Str(s) => vec![s.trim().to_string()],
            _ => {
                self.wrong_type(n, &join(path, key), "array of strings");
                Vec::new()
            }
        }
    }

    fn tables<'n>(&mut self, t: Option<&'n [(String, Node)]>, path: &str, key: &str) -> Vec<(String, &'n Node)> {
        let Some(n) = self.node(t, key) else { return Vec::new() };
        match &n.val {
            Val::Arr(items) => self
                .capped(n, items, &join(path, key))
                .iter()
                .enumerate()
                .map(|(i, item)| (format!("{}.{i}", join(path, key)), item))
                .collect(),
            _ => {
                self.wrong_type(n, &join(path, key), "array of tables ([[...]])");
                Vec::new()
            }
        }
    }

    /// `known` is only called for an unknown value (building the list costs more than the parse).
    fn vocab<T>(
        &mut self,
        t: Option<&[(String, Node)]>,
        path: &str,
        key: &str,
        parse: fn(&str) -> Option<T>,
        known: fn() -> String,
    ) -> Option<T> {
        let s = self.string(t, path, key)?;
        match parse(&s) {
            Some(v) => Some(v),
            None => {
                let pos = t
                    .and_then(|t| t.iter().find(|(k, _)| k == key))
                    .map(|(_, v)| v.at)
                    .unwrap_or_default();
                let hit = Hit::at(join(path, key)).var("value", s).var("known", known());
                self.issue("DRAFT-UNKNOWN-VALUE", hit, pos);
                None
            }
        }
    }

    /// Open vocabularies: an unknown value is kept and warned about (`field` is only spelt out
    /// then).
    fn open_value(&mut self, root: &Node, field: impl FnOnce() -> String, value: &str, known: &[&str]) {
        if !known.iter().any(|k| k.eq_ignore_ascii_case(value)) {
            let field = field();
            let pos = nearest_at(root, &field).unwrap_or_default();
            let hit = Hit::at(field).var("value", value).var("known", known.join(", "));
            self.issue("DRAFT-UNKNOWN-OPTION", hit, pos);
        }
    }

    fn read(&mut self, root: &Node) {
        let top = self.table(root, "", &keys::TOP);
        self.draft.format = self.int(top, "", "format");
        self.draft.filing_date = self.date(top, "", "filing_date");
        if let Some(f) = self.draft.format
            && f != 1
        {
            let pos = top
                .and_then(|t| t.iter().find(|(k, _)| k == "format"))
                .map(|(_, v)| v.at)
                .unwrap_or_default();
            self.issue("DRAFT-FORMAT", Hit::at("format").var("value", f.to_string()), pos);
        }

        if let Some(n) = self.node(top, "account") {
            let a = self.table(n, "account", &keys::ACCOUNT);
            self.draft.account.provider = self.string(a, "account", "provider");
            if let Some(p) = self.draft.account.provider.take() {
                self.open_value(root, || "account.provider".into(), &p, PROVIDERS);
                self.draft.account.provider = Some(p);
            }
            self.draft.account.real_name_verified = self.boolean(a, "account", "real_name_verified");
            self.draft.account.filing_type = self.vocab(a, "account", "filing_type", FilingType::parse, FilingType::known);
            self.draft.account.cancel_scope = self.vocab(a, "account", "cancel_scope", CancelScope::parse, CancelScope::known);
            for (i, c) in self.strings(a, "account", "changes").iter().enumerate() {
                match ChangeArea::parse(c) {
                    Some(v) if !self.draft.account.changes.contains(&v) => self.draft.account.changes.push(v),
                    Some(_) => {}
                    None => {
                        let field = format!("account.changes.{i}");
                        let pos = nearest_at(root, &field).unwrap_or_default();
                        let hit = Hit::at(field).var("value", c.as_str()).var("known", ChangeArea::known());
                        self.issue("DRAFT-UNKNOWN-VALUE", hit, pos);
                    }
                }
            }
            self.draft.account.previous_provider = self.string(a, "account", "previous_provider");
            if let Some(rn) = self.node(a, "resource") {
                let r = self.table(rn, "account.resource", &keys::RESOURCE);
                let res = Resource {
                    kind: self.string(r, "account.resource", "kind"),
                    region: self.string(r, "account.resource", "region"),
                    purchased_months: self.int(r, "account.resource", "purchased_months"),
                    filings_used: self.int(r, "account.resource", "filings_used"),
                };
                if let Some(k) = &res.kind {
                    self.open_value(root, || "account.resource.kind".into(), k, RESOURCE_KINDS);
                }
                self.draft.account.resource = res;
            }
        }

        if let Some(n) = self.node(top, "principal") {
            let p = self.table(n, "principal", &keys::PRINCIPAL);
            let mut pr = Principal {
                kind: self.vocab(p, "principal", "kind", PrincipalKind::parse, PrincipalKind::known),
                province: self.vocab(p, "principal", "province", province::resolve, || {
                    "31 provincial-level regions: 广东 / 广东省 / 44 / guangdong …".into()
                }),
                name: self.string(p, "principal", "name"),
                address: self.string(p, "principal", "address"),
                mailing_address: self.string(p, "principal", "mailing_address"),
                filing_number: self.string(p, "principal", "filing_number"),
                ..Default::default()
            };
            if let Some(d) = self.node(p, "document") {
                pr.document = self.document(d, "principal.document");
            }
            if let Some(r) = self.node(p, "responsible") {
                pr.responsible = self.person(r, "principal.responsible");
            }
            if let Some(r) = self.node(p, "legal_representative") {
                pr.legal_representative = Some(self.person(r, "principal.legal_representative"));
            }
            // An individual is their own responsible person; hand-written drafts often give
            // the document once.
            if pr.kind == Some(PrincipalKind::Individual) {
                let r = &mut pr.responsible;
                if r.document.number.is_none() && r.document.doc_type.is_none() {
                    r.document = pr.document.clone();
                }
                if r.name.is_none() {
                    r.name = pr.name.clone();
                }
            }
            self.draft.principal = pr;
        }

        for (path, n) in self.tables(top, "", "domain") {
            let t = self.table(n, &path, &keys::DOMAIN);
            let d = Domain {
                name: self.string(t, &path, "name"),
                holder: self.string(t, &path, "holder"),
                holder_document_type: self.vocab(t, &path, "holder_document_type", DocType::parse, DocType::known),
                holder_document_number: self.string(t, &path, "holder_document_number"),
                real_name_verified: self.boolean(t, &path, "real_name_verified"),
                real_name_verified_on: self.date(t, &path, "real_name_verified_on"),
                registered_on: self.date(t, &path, "registered_on"),
                expires_on: self.date(t, &path, "expires_on"),
                registrar: self.string(t, &path, "registrar"),
            };
            self.draft.domains.push(d);
        }

        for (path, n) in self.tables(top, "", "website") {
            let t = self.table(n, &path, &keys::WEBSITE);
            let mut w = Website {
                name: self.string(t, &path, "name"),
                domains: self.strings(t, &path, "domains"),
                home_url: self.string(t, &path, "home_url"),
                service_content: self.strings(t, &path, "service_content"),
                languages: self.strings(t, &path, "languages"),
                remark: self.string(t, &path, "remark"),
                filing_number: self.string(t, &path, "filing_number"),
                ..Default::default()
            };
            self.services(root, &path, &mut w.service_content, &w.languages);
            w.preapproval = self.preapprovals(t, &path);
            w.responsible = self.responsible(t, &path);
            self.draft.websites.push(w);
        }

        for (path, n) in self.tables(top, "", "app") {
            let t = self.table(n, &path, &keys::APP);
            let mut a = App {
                name: self.string(t, &path, "name"),
                platforms: self.strings(t, &path, "platforms"),
                package_name: self.string(t, &path, "package_name"),
                signing_md5: self.string(t, &path, "signing_md5"),
                signing_sha1: self.string(t, &path, "signing_sha1"),
                public_key: self.string(t, &path, "public_key"),
                service_content: self.strings(t, &path, "service_content"),
                languages: self.strings(t, &path, "languages"),
                remark: self.string(t, &path, "remark"),
                preapproval: self.preapprovals(t, &path),
                platform: Vec::new(),
                domains: self.strings(t, &path, "domains"),
                responsible: self.responsible(t, &path),
                filing_number: self.string(t, &path, "filing_number"),
            };
            for (k, os) in a.platforms.iter().enumerate() {
                self.os_value(root, || format!("{path}.platforms.{k}"), os);
            }
            for (pp, pn) in self.tables(t, &path, "platform") {
                let pt = self.table(pn, &pp, &keys::APP_PLATFORM);
                let os_text = self.string(pt, &pp, "os");
                let os = os_text.as_deref().and_then(|o| self.os_value(root, || format!("{pp}.os"), o));
                a.platform.push(AppPlatform {
                    os,
                    os_text,
                    package: self.string(pt, &pp, "package"),
                    signing_md5: self.string(pt, &pp, "signing_md5"),
                    signing_sha1: self.string(pt, &pp, "signing_sha1"),
                    public_key: self.string(pt, &pp, "public_key"),
                });
            }
            self.services(root, &path, &mut a.service_content, &a.languages);
            self.draft.apps.push(a);
        }

        if let Some(n) = self.node(top, "materials")
            && let Some(entries) = self.table_of(n, "materials", crate::rules::material_keys())
        {
            for (k, v) in entries {
                let path = format!("materials.{k}");
                match &v.val {
                    Val::Str(s) => self.draft.materials.push((k.clone(), s.clone())),
                    _ => self.wrong_type(v, &path, "string (a file path)"),
                }
            }
        }
    }

    /// A website's or APP's service contents (Chinese names become ids) and languages: both
    /// open lists, so an unknown value is a warning naming the known ones.
    fn services(&mut self, root: &Node, path: &str, service_content: &mut [String], languages: &[String]) {
        for (i, s) in service_content.iter_mut().enumerate() {
            if let Some((id, _)) = SERVICE_CONTENT.iter().find(|(_, zh)| zh == s) {
                *s = id.to_string();
                continue;
            }
            if !SERVICE_CONTENT.iter().any(|(id, _)| id.eq_ignore_ascii_case(s)) {
                let known: Vec<&str> = SERVICE_CONTENT.iter().map(|(id, _)| *id).collect();
                self.open_value(root, || format!("{path}.service_content.{i}"), s, &known);
            }
        }
        for (i, l) in languages.iter().enumerate() {
            self.open_value(root, || format!("{path}.languages.{i}"), l, LANGUAGES);
        }
    }

    fn preapprovals(&mut self, t: Option<&[(String, Node)]>, path: &str) -> Vec<Preapproval> {
        let mut out = Vec::new();
        for (pp, pn) in self.tables(t, path, "preapproval") {
            let pt = self.table(pn, &pp, &keys::PREAPPROVAL);
            out.push(Preapproval {
                kind: self.string(pt, &pp, "kind"),
                number: self.string(pt, &pp, "number"),
                valid_until: self.validity(pt, &pp, "valid_until"),
            });
        }
        out
    }

    /// An APP platform's os. The list is open, like service contents: an unknown os is a
    /// warning naming the known values, not an error, because everything else about the APP
    /// (name, domains, responsible person, the other platforms) can still be checked; only the
    /// per-platform rules (which fingerprint, which package syntax) skip that platform.
    fn os_value(&mut self, root: &Node, field: impl FnOnce() -> String, value: &str) -> Option<Os> {
        let os = Os::parse(value);
        if os.is_none() {
            let field = field();
            let pos = nearest_at(root, &field).unwrap_or_default();
            let hit = Hit::at(field).var("value", value).var("known", Os::known());
            self.issue("DRAFT-UNKNOWN-OPTION", hit, pos);
        }
        os
    }

    fn responsible(&mut self, t: Option<&[(String, Node)]>, path: &str) -> Option<Responsible> {
        let n = self.node(t, "responsible")?;
        match &n.val {
            Val::Str(s) if SAME_AS_PRINCIPAL.contains(&s.trim()) => Some(Responsible::Principal),
            Val::Table(_) => Some(Responsible::Person(Box::new(self.person(n, &join(path, "responsible"))))),
            _ => {
                self.wrong_type(n, &join(path, "responsible"), "\"principal\" or a person table");
                None
            }
        }
    }

    fn document(&mut self, n: &Node, path: &str) -> Document {
        let t = self.table(n, path, &keys::DOCUMENT);
        Document {
            doc_type: self.vocab(t, path, "type", DocType::parse, DocType::known),
            number: self
                .string(t, path, "number")
                .map(|s| if s.contains(' ') { s.replace(' ', "") } else { s }),
            valid_until: self.validity(t, path, "valid_until"),
            address: self.string(t, path, "address"),
            temporary: self.boolean(t, path, "temporary"),
        }
    }

    fn person(&mut self, n: &Node, path: &str) -> Person {
        let t = self.table(n, path, &keys::PERSON);
        let mut p = Person {
            name: self.string(t, path, "name"),
            is_legal_representative: self.boolean(t, path, "is_legal_representative"),
            social_security_months: self.int(t, path, "social_security_months"),
            ..Default::default()
        };
        if let Some(d) = self.node(t, "document") {
            p.document = self.document(d, &join(path, "document"));
        }
        if let Some(r) = self.node(t, "residence_permit") {
            let rp = join(path, "residence_permit");
            let rt = self.table(r, &rp, &keys::PERMIT);
            p.residence_permit = Some(ResidencePermit {
                province: self.vocab(rt, &rp, "province", province::resolve, || "31 provincial-level regions".into()),
                valid_until: self.date(rt, &rp, "valid_until"),
            });
        }
        if let Some(c) = self.node(t, "contact") {
            let cp = join(path, "contact");
            let ct = self.table(c, &cp, &keys::CONTACT);
            p.contact = Contact {
                mobile: self.string(ct, &cp, "mobile"),
                emergency_phone: self.string(ct, &cp, "emergency_phone"),
                phone: self.string(ct, &cp, "phone"),
                email: self.string(ct, &cp, "email"),
            };
        }
        p
    }
}
