//! registre: reads published French council deliberations (extraits du registre des
//! délibérations, procès-verbaux, comptes rendus) and turns them into structured, checked data.
//!
//! The pipeline is normalize → segment → parse → resolve → check; see ARCHITECTURE.md. The
//! core does no I/O: [`input`] turns bytes into text at the edge, [`parse_source`] does the
//! rest.

pub mod batch;
pub mod check;
pub mod export;
pub mod grammar;
pub mod input;
pub mod layout;
pub mod legal;
pub mod model;
pub mod names;
mod near;
pub mod normalize;
pub mod output;
pub mod parse;
mod regex_ascii;

pub use input::{InputError, SourceText};

/// Compiles one of the crate's own patterns (constants, checked by the tests that use them).
pub(crate) fn re(s: &str) -> regex::Regex {
    regex::Regex::new(&regex_ascii::ascii_boundaries(s)).unwrap()
}
pub use model::Document;

/// The largest char boundary of `s` at or before `i` (byte offsets found by patterns may land
/// inside a character when a window is cut by length).
pub(crate) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after `i`.
pub(crate) fn ceil_boundary(s: &str, i: usize) -> usize {
    (i.min(s.len())..=s.len())
        .find(|&j| s.is_char_boundary(j))
        .unwrap_or(s.len())
}

/// At most the last `n` bytes of `s[..end]`: a pattern anchored at the end need not scan the
/// whole text.
pub(crate) fn tail(s: &str, end: usize, n: usize) -> &str {
    &s[floor_boundary(s, end.saturating_sub(n))..end]
}

/// The length in bytes of what `[^\n]{0,max}` matches at the start of `s`: up to `max`
/// characters, not past the line's end (a pattern's trailing run, read in code).
pub(crate) fn line_run(s: &str, max: usize) -> usize {
    s.char_indices()
        .take_while(|&(_, c)| c != '\n')
        .take(max)
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// A seeded, repeatable stream of numbers below `m` (xorshift64), for tests that draw random
/// texts.
#[cfg(test)]
pub(crate) fn test_draws(seed: u64) -> impl FnMut(usize) -> usize {
    let mut x = seed;
    move |m| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % m as u64) as usize
    }
}

/// True when the text holds a character that a case-insensitive pattern matches as an ASCII
/// letter (ſ as s, the Kelvin sign as k; no other letter folds to ASCII): searches that find a
/// pattern's literal words in an ASCII-lowercased copy then do not apply.
pub(crate) fn has_odd_folds(text: &str) -> bool {
    text.contains('\u{17F}') || text.contains('\u{212A}')
}

/// The beginning of `s` (about `n` bytes), lowercased: what a test of how a long text begins
/// needs, without lowercasing all of it.
pub(crate) fn head_lower(s: &str, n: usize) -> String {
    s[..floor_boundary(s, n)].to_lowercase()
}

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
        converted_from: None,
    };
    parse::parse(&src)
}
