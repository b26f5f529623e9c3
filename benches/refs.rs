//! Throughput of the legal-reference pass alone, on the normalized text of every document in
//! the shared corpus (`../shared/corpus`, or `$REGISTRE_SHARED/corpus`).
//!
//! `cargo bench --bench refs`. Text extraction and normalization happen before the clock
//! starts; the pass runs on one thread, so the figure is MB/s per core.

mod common;

use registre::legal;
use std::time::{Duration, Instant};

fn main() {
    let texts = common::corpus_texts();
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
