//! The integration tests, as one binary: each former `tests/*.rs` file is a module here, so a
//! `cargo test` links one executable with every dependency instead of fifteen.
//!
//! The modules' tests run in parallel in this one process. None of them may change what the
//! process shares (its working directory, its environment, its umask, its signal handlers, a
//! fixed port or path): they give children explicit paths and folders, and each works in its own
//! temporary folder. Rayon's global pool is shared too: a test that times library work runs it on
//! a pool of its own (see `fuzz`).

// The shared modules' `pub` means "for the test modules": a test binary exports nothing, so the
// lint that asks for `pub(crate)` would only repeat itself on every helper.
#![allow(unreachable_pub)]

mod common;
mod tagged;

mod agree;
mod around;
mod blanks;
mod content;
mod designer;
mod errors;
mod extend;
mod fuzz;
mod hyphens;
mod images;
mod languages;
mod large;
mod lost;
mod memo;
mod new;
mod pdf;
mod pdf_ua;
mod phones;
mod plain;
mod report;
mod safety;
mod scale;
mod serve;
mod sheet;
mod site;
