//! `--write`: put the file's fingerprint, public key and (when missing) package name into the
//! draft. `toml_edit` changes only those values, so comments, order and layout stay; the
//! new text goes to a temporary file in the draft's folder that is then renamed over it, so
//! the draft is never half-written.

use super::compare::Target;
use super::{Inspected, Problem};
use std::io::Write;
use std::path::Path;
use toml_edit::{DocumentMut, Item, TableLike, Value};

/// One key written: `(field, value)`.
pub type Change = (String, String);

fn table_mut(item: Option<&mut Item>, n: usize) -> Option<&mut dyn TableLike> {
    match item? {
        Item::ArrayOfTables(a) => a.get_mut(n).map(|t| t as &mut dyn TableLike),
        Item::Value(Value::Array(a)) => a.get_mut(n)?.as_inline_table_mut().map(|t| t as &mut dyn TableLike),
        _ => None,
    }
}

/// Replace a value in place (keeping the comment after it) or add it.
fn set(t: &mut dyn TableLike, key: &str, value: &str) {
    match t.get_mut(key) {
        Some(Item::Value(v)) => {
            let decor = v.decor().clone();
            *v = Value::from(value);
            *v.decor_mut() = decor;
        }
        _ => {
            t.insert(key, toml_edit::value(value));
        }
    }
}

/// What `--write` puts into `target` for this file; errors when it cannot choose.
pub fn changes(i: &Inspected, target: &Target) -> Result<Vec<(&'static str, String)>, Problem> {
    let leaves = i.leaves();
    let [s] = leaves.as_slice() else {
        return Err(Problem::new(
            format!(
                "文件中有 {} 张不同的签名证书，无法确定写入哪一张；密钥库请用 --alias 指定",
                leaves.len()
            ),
            format!(
                "the file holds {} different signing certificates, so --write cannot choose; for a keystore name one with --alias",
                leaves.len()
            ),
        ));
    };
    if s.cert.debug {
        return Err(Problem::new(
            "这是 Android 调试证书（CN=Android Debug），不写入草稿：请改用正式发布的签名",
            "this is Android's debug certificate (CN=Android Debug) and is not written into the draft: use the release signature",
        ));
    }
    let mut out = Vec::new();
    if let Some(p) = &i.package
        && target.package.is_none()
    {
        out.push((target.package_key(), p.clone()));
    }
    let colon = |h: &str| super::cert::colons(h);
    match target.os.as_deref() {
        Some("ios") => out.push(("signing_sha1", colon(&s.cert.sha1))),
        Some("android") => out.push(("signing_md5", colon(&s.cert.md5))),
        _ => {
            out.push(("signing_md5", colon(&s.cert.md5)));
            out.push(("signing_sha1", colon(&s.cert.sha1)));
        }
    }
    out.push(("public_key", s.cert.rsa_modulus.clone().unwrap_or_else(|| s.cert.spki.clone())));
    Ok(out)
}

/// Apply `changes` to the document (the target must have been resolved on the same one).
pub fn apply(doc: &mut DocumentMut, target: &Target, changes: &[(&'static str, String)]) -> Result<Vec<Change>, Problem> {
    let missing = || Problem::new("草稿中找不到要写入的 APP 表", "the APP table to write into is not in the draft");
    let app = table_mut(doc.get_mut("app"), target.app).ok_or_else(missing)?;
    let t: &mut dyn TableLike = match target.platform {
        Some(m) => table_mut(app.get_mut("platform"), m).ok_or_else(missing)?,
        None => app,
    };
    let mut done = Vec::new();
    for (key, value) in changes {
        set(t, key, value);
        done.push((target.field(key), value.clone()));
    }
    Ok(done)
}

/// Write `text` over `path` through a temporary file in the same folder.
pub fn atomic_write(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new().prefix(".beian-").suffix(".toml.tmp").tempfile_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
