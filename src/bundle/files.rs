//! Files named in `[materials]`: do they exist, is their content a format the provider
//! accepts (judged by magic bytes, not the extension), and are they within its size limit?
//!
//! Used by `beian check` (findings MATERIAL-FILE and MATERIAL-FORMAT) and by the bundle's
//! checklist, which shows the result beside each file.

use crate::diag::{Finding, Hit};
use crate::draft::Draft;
use crate::rules::materials::material_path;
use crate::rules::{RuleSet, engine};
use serde::Serialize;
use std::io::Read;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Jpeg,
    Png,
    Pdf,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::Pdf => "PDF",
        }
    }
}

/// Upload limits of one access provider's filing system.
pub struct Limits {
    pub formats: &'static [Format],
    pub max_bytes: u64,
    /// The limit and where it comes from, in Chinese and English.
    pub note: (&'static str, &'static str),
}

const MB: u64 = 1024 * 1024;

/// Huawei Cloud: jpg/png, within 4 MB (its material requirements page). Tencent Cloud's older
/// FAQ says under 2 MB. No provider page we know of accepts PDF uploads for filing
/// materials, so PDF is listed nowhere; add it to a provider here once a source says so.
pub fn limits(provider: Option<&str>) -> Limits {
    match provider {
        Some("tencentcloud") => Limits {
            formats: &[Format::Jpeg, Format::Png],
            max_bytes: 2 * MB,
            note: (
                "腾讯云备案资料上传要求：jpg/png，小于 2 MB",
                "Tencent Cloud filing FAQ: jpg/png, under 2 MB",
            ),
        },
        _ => Limits {
            formats: &[Format::Jpeg, Format::Png],
            max_bytes: 4 * MB,
            note: (
                "华为云电子版证件资料要求：jpg/png，4 MB 以内",
                "Huawei Cloud material requirements: jpg/png, within 4 MB",
            ),
        },
    }
}

/// What the first bytes of a file say it is.
pub fn sniff(head: &[u8]) -> Option<Format> {
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Format::Jpeg)
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Format::Png)
    } else if head.starts_with(b"%PDF-") {
        Some(Format::Pdf)
    } else {
        None
    }
}

/// The state of one file named in `[materials]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum FileState {
    Missing,
    NotAFile,
    Unreadable,
    /// Readable, but its content is not one of the accepted formats.
    WrongFormat {
        found: Option<Format>,
        bytes: u64,
    },
    TooLarge {
        format: Format,
        bytes: u64,
        max: u64,
    },
    Ok {
        format: Format,
        bytes: u64,
    },
}

impl FileState {
    pub fn is_ok(&self) -> bool {
        matches!(self, FileState::Ok { .. })
    }
    /// One line for the checklist, in Chinese and English.
    pub fn describe(&self) -> (String, String) {
        let size = |b: u64| {
            if b >= MB {
                format!("{:.1} MB", b as f64 / MB as f64)
            } else {
                format!("{} KB", b.div_ceil(1024))
            }
        };
        match self {
            FileState::Missing => ("文件不存在".into(), "file not found".into()),
            FileState::NotAFile => ("不是文件".into(), "not a file".into()),
            FileState::Unreadable => ("无法读取".into(), "cannot be read".into()),
            FileState::WrongFormat { found, .. } => match found {
                Some(f) => (format!("{} 格式不被接受", f.name()), format!("{} is not accepted", f.name())),
                None => (
                    "内容不是 JPEG/PNG 图片（按文件头判断）".into(),
                    "content is not a JPEG/PNG image (by its header)".into(),
                ),
            },
            FileState::TooLarge { format, bytes, max } => (
                format!("{} {}，超过 {} 上限", format.name(), size(*bytes), size(*max)),
                format!("{} {}, over the {} limit", format.name(), size(*bytes), size(*max)),
            ),
            FileState::Ok { format, bytes } => (
                format!("{} {}", format.name(), size(*bytes)),
                format!("{} {}", format.name(), size(*bytes)),
            ),
        }
    }
}

/// Inspect one file against the limits.
pub fn inspect(path: &Path, limits: &Limits) -> FileState {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return FileState::Missing,
        Err(_) => return FileState::Unreadable,
    };
    if !meta.is_file() {
        return FileState::NotAFile;
    }
    let mut head = [0u8; 8];
    let n = match std::fs::File::open(path).and_then(|f| f.take(8).read(&mut head)) {
        Ok(n) => n,
        Err(_) => return FileState::Unreadable,
    };
    let bytes = meta.len();
    match sniff(&head[..n]) {
        Some(format) if limits.formats.contains(&format) => {
            if bytes > limits.max_bytes {
                FileState::TooLarge {
                    format,
                    bytes,
                    max: limits.max_bytes,
                }
            } else {
                FileState::Ok { format, bytes }
            }
        }
        found => FileState::WrongFormat { found, bytes },
    }
}

/// Every `[materials]` entry with its state, in the draft's order.
pub fn inspect_all(draft: &Draft, base: Option<&Path>) -> Vec<(String, String, FileState)> {
    let limits = limits(draft.account.provider.as_deref());
    draft
        .materials
        .iter()
        .map(|(k, f)| (k.clone(), f.clone(), inspect(&material_path(base, f), &limits)))
        .collect()
}

/// Findings for files named in `[materials]`: MATERIAL-FILE (named but not there) and
/// MATERIAL-FORMAT (wrong format or too large).
pub fn material_findings(rules: &RuleSet, draft: &Draft, base: Option<&Path>) -> Vec<Finding> {
    let limits = limits(draft.account.provider.as_deref());
    let mut out = Vec::new();
    for (key, file, state) in inspect_all(draft, base) {
        let field = format!("materials.{key}");
        let (zh, en) = state.describe();
        let hit = Hit::at(field)
            .var("file", file)
            .var_text("problem", crate::diag::Text::new(zh, en))
            .var_text("limit", crate::diag::Text::new(limits.note.0, limits.note.1));
        let code = match state {
            FileState::Ok { .. } => continue,
            FileState::Missing | FileState::NotAFile | FileState::Unreadable => "MATERIAL-FILE",
            FileState::WrongFormat { .. } | FileState::TooLarge { .. } => "MATERIAL-FORMAT",
        };
        out.push(engine::finding(rules, code, &hit, Some(draft)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content_not_name() {
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]), Some(Format::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n"), Some(Format::Png));
        assert_eq!(sniff(b"%PDF-1.7"), Some(Format::Pdf));
        assert_eq!(sniff(b"GIF89a"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn checks_size_and_format() {
        let dir = tempfile::tempdir().unwrap();
        let l = limits(Some("huaweicloud"));
        let big = dir.path().join("big.png");
        let mut data = b"\x89PNG\r\n\x1a\n".to_vec();
        data.resize((4 * MB + 1) as usize, 0);
        std::fs::write(&big, &data).unwrap();
        assert!(matches!(inspect(&big, &l), FileState::TooLarge { .. }));
        data.truncate((4 * MB) as usize);
        std::fs::write(&big, &data).unwrap();
        assert!(inspect(&big, &l).is_ok());
        // 3 MB is fine at Huawei but over Tencent's 2 MB.
        data.truncate((3 * MB) as usize);
        std::fs::write(&big, &data).unwrap();
        assert!(matches!(inspect(&big, &limits(Some("tencentcloud"))), FileState::TooLarge { .. }));
        let fake = dir.path().join("scan.jpg");
        std::fs::write(&fake, "not an image").unwrap();
        assert_eq!(inspect(&fake, &l), FileState::WrongFormat { found: None, bytes: 12 });
        let pdf = dir.path().join("letter.pdf");
        std::fs::write(&pdf, "%PDF-1.4\n").unwrap();
        assert!(matches!(
            inspect(&pdf, &l),
            FileState::WrongFormat {
                found: Some(Format::Pdf),
                ..
            }
        ));
        assert_eq!(inspect(&dir.path().join("nope.jpg"), &l), FileState::Missing);
        assert_eq!(inspect(dir.path(), &l), FileState::NotAFile);
    }
}
