//! The draft format (`spec/draft-format.md`): spanned parsing and the typed model.
pub mod edit;
pub mod filing;
pub mod load;
pub mod model;
pub mod node;

pub use load::{LoadIssue, Loaded, load_str};
pub use model::*;

#[cfg(test)]
mod existing_tests;
