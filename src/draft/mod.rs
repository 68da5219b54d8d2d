//! The draft format (`docs/draft-format.md`): its key table, spanned parsing and the typed model.
pub mod apps;
pub mod edit;
pub mod filing;
pub mod keys;
pub mod load;
pub mod model;
pub mod node;
pub mod reference;
pub mod schema;

pub use apps::{AppValue, PlatformView, normalize_hex};
pub use load::{LoadIssue, Loaded, load_str};

/// The largest draft read (a real filing's draft is a few KB; a generous 4 MiB keeps every
/// report fast and refuses a file that cannot be a filing).
pub const MAX_DRAFT_BYTES: usize = 4 * 1024 * 1024;

/// The most entries read from one list (`[[domain]]`, `[[website]]`, a website's `domains` …);
/// a filing order holds a handful, the largest accounts a few hundred.
pub const MAX_LIST: usize = 1000;

/// Why a draft of `len` bytes is refused, or `None` when it is within [`MAX_DRAFT_BYTES`].
pub fn too_large(len: u64) -> Option<crate::diag::Text> {
    if len <= MAX_DRAFT_BYTES as u64 {
        return None;
    }
    let mb = len as f64 / (1024.0 * 1024.0);
    Some(crate::diag::Text::new(
        format!("文件有 {mb:.1} MB，超过草稿的上限 4 MB（真实的备案草稿只有几 KB）"),
        format!("the file is {mb:.1} MB, over the 4 MB limit of a draft (a real filing's draft is a few KB)"),
    ))
}
pub use model::*;

#[cfg(test)]
mod existing_tests;
