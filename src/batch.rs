//! Running over many inputs: one record per input (a document or an error record), in input
//! order, each worker writing into its own buffer.

use crate::input::{self, InputError};
use crate::model::Document;
use crate::normalize::Text;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// What one input yields.
pub enum Record {
    Document(Box<Document>),
    Error(InputError),
}

/// Expands the command-line paths: files as given, folders walked recursively in sorted
/// order (stable output). Hidden files and gold annotations are skipped in folders.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<PathBuf, InputError>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out);
        } else {
            out.push(Ok(p.clone()));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, InputError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Err(InputError {
                path: dir.display().to_string(),
                format: None,
                sha256: None,
                kind: "io".into(),
                message: e.to_string(),
            }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk(&p, out);
        } else if is_document(name) {
            out.push(Ok(p));
        }
    }
}

/// Files a folder walk takes: every file but annotations and registre's own outputs, so that
/// nothing is lost silently (a Word file or a spreadsheet yields an error record).
pub fn is_document(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    !(lower.ends_with(".gold.json")
        || lower.ends_with(".json")
        || lower.ends_with(".ndjson")
        || lower.ends_with(".facts.md"))
}

/// Reads and parses one path.
pub fn process(path: &Path) -> Record {
    process_keeping_text(path).0
}

/// Reads and parses one path, and keeps the normalized text of a document.
pub fn process_keeping_text(path: &Path) -> (Record, Option<Text>) {
    let src = match input::read_path(path) {
        Ok(src) => src,
        Err(e) => return (Record::Error(e), None),
    };
    // The parser is written not to panic; should it ever, the input still yields a record.
    match std::panic::catch_unwind(|| crate::parse::parse_keeping_text(&src)) {
        Ok((doc, text)) => (Record::Document(Box::new(doc)), Some(text)),
        Err(_) => (
            Record::Error(InputError {
                path: src.path.clone(),
                format: Some(src.format),
                sha256: Some(src.sha256.clone()),
                kind: "internal".into(),
                message: "the parser failed on this input (a bug: please report it)".into(),
            }),
            None,
        ),
    }
}

/// Processes inputs in parallel, calling `emit` for each record in input order.
pub fn run(inputs: Vec<Result<PathBuf, InputError>>, emit: impl FnMut(Record)) {
    run_with(
        inputs,
        |r| match r {
            Ok(p) => process(p),
            Err(e) => Record::Error(e.clone()),
        },
        emit,
    )
}

/// Runs `work` on every input in parallel (each worker fills its own value, e.g. a buffer of
/// output), calling `emit` with the values in input order.
pub fn run_with<T: Send>(
    inputs: Vec<Result<PathBuf, InputError>>,
    work: impl Fn(&Result<PathBuf, InputError>) -> T + Sync,
    mut emit: impl FnMut(T),
) {
    // Chunks bound memory: a chunk is processed in parallel, then emitted in order.
    let chunk = (rayon::current_num_threads() * 8).max(8);
    for group in inputs.chunks(chunk) {
        let values: Vec<T> = group.par_iter().map(&work).collect();
        for v in values {
            emit(v);
        }
    }
}
