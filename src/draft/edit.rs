//! Setting dotted keys (`principal.responsible.contact.mobile`, `domain.0.name`) in a TOML
//! table: used by `--set KEY=VALUE`, the wizard's answers and the rule fixtures.

use toml::{Table, Value};

/// Parse a `--set` value: TOML syntax when it parses (numbers, booleans, dates, arrays,
/// quoted strings), otherwise the raw text as a string.
pub fn parse_value(raw: &str) -> Value {
    let wrapped = format!("v = {raw}");
    match wrapped.parse::<Table>() {
        Ok(mut t) => t.remove("v").unwrap_or_else(|| Value::String(raw.to_string())),
        Err(_) => Value::String(raw.to_string()),
    }
}

/// Set `key` to `value`, creating tables (and array items, one past the end) on the way.
pub fn set(root: &mut Table, key: &str, value: Value) -> Result<(), String> {
    let parts: Vec<&str> = key.split('.').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return Err(format!("`{key}` is not a dotted key"));
    }
    set_in(root, &parts, value, key)
}

fn set_in(table: &mut Table, parts: &[&str], value: Value, key: &str) -> Result<(), String> {
    let (head, rest) = parts.split_first().ok_or("empty key")?;
    if rest.is_empty() {
        table.insert(head.to_string(), value);
        return Ok(());
    }
    let next_is_index = rest[0].parse::<usize>().is_ok();
    let entry = table.entry(head.to_string()).or_insert_with(|| {
        if next_is_index {
            Value::Array(vec![])
        } else {
            Value::Table(Table::new())
        }
    });
    set_value(entry, rest, value, key)
}

fn set_value(node: &mut Value, parts: &[&str], value: Value, key: &str) -> Result<(), String> {
    match node {
        Value::Table(t) => set_in(t, parts, value, key),
        Value::Array(items) => {
            let i: usize = parts[0].parse().map_err(|_| format!("`{key}`: `{}` must be an index", parts[0]))?;
            if i > items.len() {
                return Err(format!("`{key}`: index {i} skips items (there are {})", items.len()));
            }
            if parts.len() == 1 {
                if i == items.len() {
                    items.push(value);
                } else {
                    items[i] = value;
                }
                return Ok(());
            }
            if i == items.len() {
                items.push(Value::Table(Table::new()));
            }
            set_value(&mut items[i], &parts[1..], value, key)
        }
        _ => {
            // Replacing a scalar with a table (e.g. responsible = "principal" → a person), or
            // with a list when an index follows.
            *node = if parts[0].parse::<usize>().is_ok() {
                Value::Array(vec![])
            } else {
                Value::Table(Table::new())
            };
            set_value(node, parts, value, key)
        }
    }
}

/// [`set`], replacing what is in the way: a value of the wrong shape on the path (an answers
/// file's `document = []` where a table belongs) gives way to the answer. For the wizard,
/// whose keys are always of the format; `--set` keeps the error.
pub fn set_replacing(root: &mut Table, key: &str, value: Value) -> Result<(), String> {
    if set(root, key, value.clone()).is_ok() {
        return Ok(());
    }
    let parts: Vec<&str> = key.split('.').collect();
    for i in 1..parts.len() {
        let prefix = parts[..i].join(".");
        let next_is_index = parts[i].parse::<usize>().is_ok();
        let wrong = match get(root, &parts[..i]) {
            Some(Value::Table(_)) => false,
            Some(Value::Array(_)) => !next_is_index,
            Some(_) => true,
            None => false,
        };
        if wrong {
            remove(root, &prefix);
            return set(root, key, value);
        }
    }
    set(root, key, value)
}

fn get<'a>(root: &'a Table, parts: &[&str]) -> Option<&'a Value> {
    let (first, rest) = parts.split_first()?;
    let mut cur = root.get(*first)?;
    for p in rest {
        cur = match cur {
            Value::Table(t) => t.get(*p)?,
            Value::Array(a) => a.get(p.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// Remove `key`; true when something was removed.
pub fn remove(root: &mut Table, key: &str) -> bool {
    let parts: Vec<&str> = key.split('.').collect();
    let Some((last, path)) = parts.split_last() else { return false };
    let Some((first, rest)) = path.split_first() else {
        return root.remove(*last).is_some();
    };
    let mut cur = root.get_mut(*first);
    for p in rest {
        cur = match cur {
            Some(Value::Table(t)) => t.get_mut(*p),
            Some(Value::Array(a)) => p.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
            _ => None,
        };
    }
    match cur {
        Some(Value::Table(t)) => t.remove(*last).is_some(),
        Some(Value::Array(a)) => match last.parse::<usize>() {
            Ok(i) if i < a.len() => {
                a.remove(i);
                true
            }
            _ => false,
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_nested_keys_and_array_items() {
        let mut t: Table = "[principal]\nname = \"a\"\n[[domain]]\nname = \"x.com\"\n".parse().unwrap();
        set(&mut t, "principal.responsible.contact.mobile", parse_value("13800138000")).unwrap();
        set(&mut t, "domain.0.expires_on", parse_value("2027-01-01")).unwrap();
        set(&mut t, "domain.1.name", parse_value("\"y.cn\"")).unwrap();
        set(&mut t, "website.0.domains", parse_value("[\"x.com\"]")).unwrap();
        let s = toml::to_string(&t).unwrap();
        assert!(s.contains("mobile = 13800138000"), "{s}");
        assert!(s.contains("expires_on = 2027-01-01"), "{s}");
        assert!(s.contains("name = \"y.cn\""), "{s}");
        assert!(set(&mut t, "domain.5.name", parse_value("z")).is_err());
        assert!(remove(&mut t, "domain.1"));
        assert!(remove(&mut t, "principal.name"));
        assert!(!remove(&mut t, "principal.nothing"));
        assert!(t["principal"].get("name").is_none());
        assert_eq!(t["domain"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn wrong_shapes_give_way_to_the_answer() {
        let mut t: Table = "[principal]\ndocument = []\nresponsible = \"x\"\n".parse().unwrap();
        assert!(set(&mut t, "principal.document.type", parse_value("business_license")).is_err());
        set_replacing(&mut t, "principal.document.type", parse_value("business_license")).unwrap();
        assert_eq!(t["principal"]["document"]["type"].as_str(), Some("business_license"));
        let mut t: Table = "domain = 3\n".parse().unwrap();
        set_replacing(&mut t, "domain.0.name", parse_value("a.cn")).unwrap();
        assert_eq!(t["domain"][0]["name"].as_str(), Some("a.cn"));
        let mut t: Table = "[[domain]]\nname = \"a.cn\"\n".parse().unwrap();
        assert!(set_replacing(&mut t, "domain.3.name", parse_value("b.cn")).is_err());
        assert_eq!(
            t["domain"][0]["name"].as_str(),
            Some("a.cn"),
            "a skipping index never drops the list"
        );
    }

    #[test]
    fn values_fall_back_to_strings() {
        assert_eq!(parse_value("广东"), Value::String("广东".into()));
        assert_eq!(parse_value("true"), Value::Boolean(true));
        assert_eq!(parse_value("long-term"), Value::String("long-term".into()));
    }
}
