//! registre: reads published French council deliberations (extraits du registre des
//! délibérations, procès-verbaux, comptes rendus) and turns them into structured, checked data.
//!
//! The pipeline is normalize → segment → parse → resolve → check; see ARCHITECTURE.md. The
//! core does no I/O: [`input`] turns bytes into text at the edge, [`parse_source`] does the
//! rest.

pub mod batch;
pub mod check;
pub mod grammar;
pub mod input;
pub mod legal;
pub mod model;
pub mod names;
pub mod normalize;
pub mod output;
pub mod parse;

pub use input::{InputError, SourceText};

/// Compiles one of the crate's own patterns (constants, checked by the tests that use them).
pub(crate) fn re(s: &str) -> regex::Regex {
    regex::Regex::new(s).unwrap()
}
pub use model::Document;

/// Parses an input already turned into text.
pub fn parse_source(src: &SourceText) -> Document {
    parse::parse(src)
}

/// Parses a text given as a string (no file): the `source` block names `path`.
pub fn parse_str(path: &str, text: &str) -> Document {
    let src = SourceText {
        path: path.to_string(),
        format: model::SourceFormat::Text,
        sha256: input::sha256_hex(text.as_bytes()),
        bytes: text.len() as u64,
        pages: None,
        encoding: Some("utf-8".into()),
        text: text.to_string(),
    };
    parse::parse(&src)
}
