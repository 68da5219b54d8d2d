//! The draft format (`docs/draft-format.md`): its key table, spanned parsing and the typed model.
pub mod edit;
pub mod filing;
pub mod keys;
pub mod load;
pub mod model;
pub mod node;
pub mod reference;
pub mod schema;

pub use load::{LoadIssue, Loaded, load_str};
pub use model::*;

#[cfg(test)]
mod existing_tests;
