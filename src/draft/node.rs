//! A spanned, owned copy of the TOML document: every value keeps its line and column so that
//! findings can point at the key a person must change.

use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone)]
pub enum Val {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Date(NaiveDate),
    /// Times and offset date-times: kept as text; no draft key takes them.
    OtherDatetime(String),
    Arr(Vec<Node>),
    Table(Vec<(String, Node)>),
}

#[derive(Debug, Clone)]
pub struct Node {
    pub val: Val,
    /// Byte offset where the key (or, for array items, the value) starts; [`pos_at`] turns it
    /// into a line and column when a finding needs one.
    pub at: usize,
}

impl Node {
    pub fn type_name(&self) -> &'static str {
        match self.val {
            Val::Str(_) => "string",
            Val::Int(_) => "integer",
            Val::Float(_) => "float",
            Val::Bool(_) => "boolean",
            Val::Date(_) => "date",
            Val::OtherDatetime(_) => "datetime",
            Val::Arr(_) => "array",
            Val::Table(_) => "table",
        }
    }
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.val {
            Val::Table(t) => t.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// The node at a dotted path (`domain.0.name`): table keys and array indices.
pub fn find<'a>(root: &'a Node, field: &str) -> Option<&'a Node> {
    let mut cur = root;
    for part in field.split('.') {
        cur = match &cur.val {
            Val::Table(t) => &t.iter().find(|(k, _)| k == part)?.1,
            Val::Arr(a) => a.get(part.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// Where `field` is, or, when it is missing, where its nearest parent below the root is: a
/// finding about a missing key points at the table it belongs in. A byte offset.
pub fn nearest_at(root: &Node, field: &str) -> Option<usize> {
    let mut cur = root;
    let mut found = None;
    for part in field.split('.') {
        let next = match &cur.val {
            Val::Table(t) => t.iter().find(|(k, _)| k == part).map(|(_, v)| v),
            Val::Arr(a) => part.parse::<usize>().ok().and_then(|i| a.get(i)),
            _ => None,
        };
        match next {
            Some(n) => {
                found = Some(n.at);
                cur = n;
            }
            None => break,
        }
    }
    found
}

/// Drafts above this size look positions up in a [`LineIndex`] built once: counting lines
/// from the top for every finding would make a big draft with many findings quadratic.
pub const INDEX_ABOVE: usize = 64 * 1024;

/// The byte offset where each line starts.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The same answer as [`pos_at`], in logarithmic time (plus the column's characters).
    pub fn pos(&self, src: &str, offset: usize) -> Pos {
        let end = offset.min(src.len());
        let line = self.starts.partition_point(|&s| s <= end);
        let start = self.starts[line.saturating_sub(1)];
        let column = src.get(start..end).map_or(0, |s| s.chars().count()) + 1;
        Pos { line, column }
    }
}

/// Byte offset → 1-based line and column (columns count characters, as editors do). Worked
/// out on demand: most drafts need a handful of positions or none, so no index is built
/// (big drafts use a [`LineIndex`]).
pub fn pos_at(src: &str, offset: usize) -> Pos {
    let end = offset.min(src.len());
    let before = &src.as_bytes()[..end];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let column = src.get(start..end).map_or(0, |s| s.chars().count()) + 1;
    Pos { line, column }
}

pub fn convert(v: &toml::Spanned<toml::de::DeValue<'_>>, at: usize) -> Node {
    use toml::de::DeValue as D;
    let val = match v.get_ref() {
        D::String(s) => Val::Str(s.to_string()),
        D::Integer(i) => {
            // Plain decimal (all a draft has) parses directly; other forms drop `_` and prefixes.
            let raw = i.as_str();
            let plain = raw.parse::<i64>().ok().filter(|_| i.radix() == 10);
            match plain.or_else(|| {
                let cleaned = raw.replace('_', "");
                let digits = cleaned.trim_start_matches("0x").trim_start_matches("0o").trim_start_matches("0b");
                i64::from_str_radix(digits, i.radix()).ok()
            }) {
                Some(n) => Val::Int(n),
                None => Val::Float(f64::NAN),
            }
        }
        D::Float(f) => Val::Float(f.as_str().replace('_', "").parse().unwrap_or(f64::NAN)),
        D::Boolean(b) => Val::Bool(*b),
        D::Datetime(dt) => match (dt.date, dt.time) {
            (Some(d), None) => match NaiveDate::from_ymd_opt(d.year as i32, d.month as u32, d.day as u32) {
                Some(nd) => Val::Date(nd),
                None => Val::OtherDatetime(dt.to_string()),
            },
            _ => Val::OtherDatetime(dt.to_string()),
        },
        D::Array(a) => Val::Arr(a.iter().map(|item| convert(item, item.span().start)).collect()),
        D::Table(t) => Val::Table(convert_table(t)),
    };
    Node { val, at }
}

pub fn convert_table(t: &toml::de::DeTable<'_>) -> Vec<(String, Node)> {
    t.iter()
        .map(|(k, v)| (k.get_ref().to_string(), convert(v, k.span().start)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_of(src: &str) -> Option<i64> {
        let t = toml::de::DeTable::parse(src).unwrap();
        match convert_table(t.get_ref()).remove(0).1.val {
            Val::Int(n) => Some(n),
            _ => None,
        }
    }

    #[test]
    fn integers_in_every_toml_form() {
        assert_eq!(int_of("a = 12"), Some(12));
        assert_eq!(int_of("a = -5"), Some(-5));
        assert_eq!(int_of("a = +7"), Some(7));
        assert_eq!(int_of("a = 1_000"), Some(1000));
        assert_eq!(int_of("a = 0xff"), Some(255));
        assert_eq!(int_of("a = 0o17"), Some(15));
        assert_eq!(int_of("a = 0b101"), Some(5));
    }

    #[test]
    fn positions_count_characters() {
        let src = "[a]\n名称 = \"x\"\nb = 1\n";
        let off = src.find('b').unwrap();
        assert_eq!(pos_at(src, off), Pos { line: 3, column: 1 });
        let off = src.find('=').unwrap();
        assert_eq!(pos_at(src, off), Pos { line: 2, column: 4 });
        assert_eq!(pos_at(src, 0), Pos { line: 1, column: 1 });
        assert_eq!(pos_at(src, src.len() + 5), Pos { line: 4, column: 1 });
        assert_eq!(pos_at("", 0), Pos { line: 1, column: 1 });
        let idx = LineIndex::new(src);
        for off in 0..src.len() + 3 {
            if src.is_char_boundary(off.min(src.len())) {
                assert_eq!(idx.pos(src, off), pos_at(src, off), "offset {off}");
            }
        }
    }
}
