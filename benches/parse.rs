//! Throughput of the parser on text: the normalized text of every document of the shared
//! corpus, parsed on one thread (so the figure is MB/s per core). Extraction and normalization
//! happen before the clock starts, and so does one untimed pass over the corpus: patterns are
//! compiled on first use, once a process, and that pass (compilation included) is printed on
//! its own line, so that the samples measure the parser alone.
//!
//! `cargo bench --bench parse`

mod common;

use divan::counter::BytesCount;
use divan::Bencher;
use registre::normalize::Text;
use std::sync::OnceLock;

fn texts() -> &'static [Text] {
    static TEXTS: OnceLock<Vec<Text>> = OnceLock::new();
    TEXTS.get_or_init(common::corpus_texts)
}

fn bytes() -> usize {
    texts().iter().map(|t| t.as_str().len()).sum()
}

/// Segment, parse, resolve and check every document: the whole core after normalization.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn parse_corpus(b: Bencher) {
    b.counter(BytesCount::new(bytes())).bench(|| {
        // Each sample starts with no cleaned names kept from the one before.
        registre::names::clear_cache();
        texts()
            .iter()
            .map(|t| registre::parse::parse_normalized(t).deliberations.len())
            .sum::<usize>()
    });
}

/// The layout pass alone: the reading of each normalized text.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn layout_corpus(b: Bencher) {
    b.counter(BytesCount::new(bytes())).bench(|| {
        texts()
            .iter()
            .map(|t| registre::layout::read(t.as_str()).text.len())
            .sum::<usize>()
    });
}

/// Normalization alone, from the extracted text.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn normalize_corpus(b: Bencher) {
    let raw: Vec<String> = texts().iter().map(|t| t.as_str().to_string()).collect();
    b.counter(BytesCount::new(bytes())).bench(|| {
        raw.iter()
            .map(|r| registre::normalize::normalize(r).as_str().len())
            .sum::<usize>()
    });
}

fn main() {
    eprintln!(
        "{} documents, {:.2} MB of normalized text",
        texts().len(),
        bytes() as f64 / 1e6
    );
    let start = std::time::Instant::now();
    let items: usize = texts()
        .iter()
        .map(|t| registre::parse::parse_normalized(t).deliberations.len())
        .sum();
    eprintln!(
        "first pass, compiling the patterns: {:.0} ms ({items} items)",
        start.elapsed().as_secs_f64() * 1e3
    );
    divan::main();
}
