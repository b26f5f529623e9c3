//! Throughput of the legal-reference pass alone, on the normalized text of every document in
//! the shared corpus (`../shared/corpus`, or `$REGISTRE_SHARED/corpus`).
//!
//! `cargo bench --bench refs`. Text extraction and normalization happen before the clock
//! starts; the pass runs on one thread, so the figure is MB/s per core.

use registre::{input, legal, normalize};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // Hostile PDFs are not documents: some of them abort a process (issue of isolation).
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

fn main() {
    let shared = std::env::var("REGISTRE_SHARED").unwrap_or_else(|_| "../shared".into());
    let mut paths = Vec::new();
    files(&Path::new(&shared).join("corpus"), &mut paths);
    std::panic::set_hook(Box::new(|_| {}));
    let texts: Vec<normalize::Text> = paths
        .iter()
        .filter_map(|p| {
            std::panic::catch_unwind(|| input::read_path(p).ok())
                .ok()
                .flatten()
        })
        .map(|s| normalize::normalize(&s.text))
        .collect();
    let bytes: usize = texts.iter().map(|t| t.as_str().len()).sum();
    let mut refs = 0;
    let mut best = Duration::MAX;
    let rounds = 10;
    for _ in 0..rounds {
        let t0 = Instant::now();
        refs = 0;
        for t in &texts {
            let found = legal::find(t.as_str(), 0, &|a, b| t.span(a, b));
            refs += std::hint::black_box(found).len();
        }
        best = best.min(t0.elapsed());
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "legal references: {} documents, {:.2} MB of text, {} references; best of {} rounds {:.1} ms = {:.1} MB/s per core",
        texts.len(),
        mb,
        refs,
        rounds,
        best.as_secs_f64() * 1e3,
        mb / best.as_secs_f64()
    );
}
