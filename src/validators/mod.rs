//! Identifier validators: pure functions, no I/O.
