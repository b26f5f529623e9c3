//! What the benchmarks read: the normalized text of every document of the shared corpus
//! (`../shared/corpus`, or `$REGISTRE_SHARED/corpus`), extracted before any clock starts.

use registre::{input, normalize};
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // Hostile PDFs are not documents, and some abort a process that extracts them.
        if name.starts_with('.') || name == "hostile" {
            continue;
        }
        if p.is_dir() {
            files(&p, out);
        } else if registre::batch::is_document(name) {
            out.push(p);
        }
    }
}

/// The normalized texts of the corpus's readable documents.
pub fn corpus_texts() -> Vec<normalize::Text> {
    let shared = std::env::var("REGISTRE_SHARED").unwrap_or_else(|_| "../shared".into());
    let mut paths = Vec::new();
    files(&Path::new(&shared).join("corpus"), &mut paths);
    std::panic::set_hook(Box::new(|_| {}));
    paths
        .iter()
        .filter_map(|p| {
            std::panic::catch_unwind(|| input::read_path(p).ok())
                .ok()
                .flatten()
        })
        .map(|s| normalize::normalize(&s.text))
        .collect()
}
