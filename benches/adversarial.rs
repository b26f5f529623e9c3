//! Is parsing linear in the size of the input, even on text made to hurt it? Each case is one
//! short phrase repeated to a target size, aimed at one reader (proxies, attendance lists,
//! names, tallies, dates, headings, legal citations, layout). Each is parsed at a small and at
//! an 8x larger size: a linear parser takes about 8x longer; a reader that rescans the text
//! from every match takes about 64x. A row FAILs when the ratio exceeds 10 or the large size
//! takes more than 2 s (at 2 MB: the issue asks for 1 MB within 2 s). The program only prints: it is a measurement, not a gate.
//!
//! Normalization runs before the clock (it is printed apart); the clock measures
//! `parse::parse_normalized` — layout, segmentation, every reader, resolve and check — the
//! same entry point as `benches/parse.rs`.
//!
//! `cargo bench --bench adversarial`

use registre::normalize::{normalize, Text};
use std::time::{Duration, Instant};

const KB: usize = 1024;
/// The sizes compared: 256 KB and 2 MB, both larger than the caches, so that the ratio
/// measures the algorithm, not where its data fits (from 128 KB to 1 MB, a linear case grows
/// 10-11x for page faults alone).
const SMALL: usize = 256 * KB;
const LARGE: usize = 8 * SMALL;
/// Past this ratio (8x the bytes) the growth is taken as superlinear.
const MAX_RATIO: f64 = 10.0;
/// Past this time at the large size a case fails whatever the ratio.
const MAX_LARGE: Duration = Duration::from_secs(2);
/// A case whose small size would take longer than this is measured at 16 KB and 128 KB
/// instead, so that one quadratic reader does not hold the run for minutes.
const MAX_SMALL: Duration = Duration::from_secs(20);

/// The cases: a name and a phrase, in which `{n}` becomes a counter and `{N}` a surname in
/// capitals made from it, so that memoized readers (cleaned names) see new words each time.
const CASES: &[(&str, &str)] = &[
    (
        "proxies",
        "M. Jean DUPONT{N} donne pouvoir à Mme Claire MARTIN, ",
    ),
    (
        "present labels",
        "Présents : M. Paul LEROY{N}, Mme Anne PETIT. ",
    ),
    (
        "names, no label",
        "Paul LEROY{N}, Anne PETIT, Marc BERNARD, ",
    ),
    ("civility + CAPS", "M. DUPONT{N} Mme MARTIN "),
    ("tallies", "Pour : 12 Contre : 3 Abstentions : 2 "),
    ("dates", "le 12 mars 2021 "),
    ("headings, same 1.", "1. OBJET : BUDGET PRIMITIF "),
    ("headings, chain", "{n}. OBJET : BUDGET PRIMITIF\n"),
    (
        "Vu CGCT",
        "Vu le code général des collectivités territoriales, ",
    ),
    ("one huge word", "anticonstitutionnellement"),
    ("only CAPITALS", "CONSEIL MUNICIPAL SÉANCE ORDINAIRE "),
    (
        "no line break",
        "Le conseil municipal, après en avoir délibéré, décide à l'unanimité. ",
    ),
    (
        "a line per word",
        "Le\nconseil\nmunicipal\ndécide\nPour\n:\n12\n",
    ),
    ("délib. numbers", "DÉLIBÉRATION N° 2021-{n} "),
];

/// A surname-like word in capitals for counter `n` ("B", "C", …, "BA", …).
fn letters(mut n: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    s.reverse();
    String::from_utf8(s).unwrap()
}

/// The phrase repeated until the text holds `size` bytes (cut on a character boundary).
fn build(phrase: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + phrase.len());
    let mut n = 1;
    while out.len() < size {
        out.push_str(
            &phrase
                .replace("{n}", &n.to_string())
                .replace("{N}", &letters(n)),
        );
        n += 1;
    }
    let mut cut = size;
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
    out
}

/// One parse, timed; the name cache is cleared so that no run benefits from the one before.
fn parse_once(text: &Text) -> Duration {
    registre::names::clear_cache();
    let start = Instant::now();
    let doc = registre::parse::parse_normalized(text);
    let t = start.elapsed();
    std::hint::black_box(doc);
    t
}

/// The fastest of up to ten parses (fewer once a second is spent): the minimum is the least
/// noisy estimate of what the code costs, and small sizes, being fast, need the most runs.
fn time_parse(text: &Text) -> Duration {
    let mut best = parse_once(text);
    let mut spent = best;
    for _ in 0..9 {
        if spent > Duration::from_secs(1) {
            break;
        }
        let t = parse_once(text);
        spent += t;
        best = best.min(t);
    }
    best
}

struct Row {
    name: &'static str,
    sizes: (usize, usize),
    small: Duration,
    large: Duration,
    normalize_large: Duration,
}

fn measure(&(name, phrase): &(&'static str, &str)) -> Row {
    // Patterns are compiled on first use: a small untimed parse compiles those this case needs.
    parse_once(&normalize(&build(phrase, 4 * KB)));
    // A probe at 1/8 of the small size: when quadratic growth from it (64x) would take the
    // small size past MAX_SMALL, the case is measured 8x lower. Even linear growth would then
    // put the large size past 20 s, so such a case fails on time without being run there.
    let probe = normalize(&build(phrase, SMALL / 8));
    let p = time_parse(&probe);
    let sizes = if p * 64 > MAX_SMALL {
        (SMALL / 8, SMALL)
    } else {
        (SMALL, LARGE)
    };
    let small = if sizes.0 == SMALL / 8 {
        p
    } else {
        time_parse(&normalize(&build(phrase, sizes.0)))
    };
    let raw = build(phrase, sizes.1);
    let start = Instant::now();
    let text = normalize(&raw);
    let normalize_large = start.elapsed();
    let large = time_parse(&text);
    Row {
        name,
        sizes,
        small,
        large,
        normalize_large,
    }
}

fn fmt(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else {
        format!("{:.1} ms", s * 1e3)
    }
}

/// `cargo bench --bench adversarial -- sweep NAME`: one case at sizes doubling from 128 KB to
/// 8 MB, to tell a curve from noise.
fn sweep(name: &str) {
    for &(n, phrase) in CASES.iter().filter(|(n, _)| n.contains(name)) {
        parse_once(&normalize(&build(phrase, 4 * KB)));
        let mut size = 128 * KB;
        while size <= 8192 * KB {
            let t = time_parse(&normalize(&build(phrase, size)));
            let per_mb = t.as_secs_f64() * 1e3 / (size as f64 / (1024.0 * KB as f64));
            println!(
                "{n:<18} {:>6} KB {:>10}  {per_mb:.0} ms/MB",
                size / KB,
                fmt(t)
            );
            size *= 2;
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "sweep") {
        sweep(args.get(i + 1).map_or("", String::as_str));
        return;
    }
    println!(
        "{:<18} {:>10} {:>10} {:>7} {:>12}  verdict",
        "case", "t(small)", "t(large)", "ratio", "norm(large)"
    );
    let mut failed = 0;
    for case in CASES {
        let r = measure(case);
        let ratio = r.large.as_secs_f64() / r.small.as_secs_f64().max(1e-9);
        let capped = r.sizes.1 != LARGE;
        let mut why = Vec::new();
        if ratio > MAX_RATIO {
            why.push(format!("ratio > {MAX_RATIO}"));
        }
        if r.large > MAX_LARGE || capped {
            why.push(format!("> {} s at 1 MB", MAX_LARGE.as_secs()));
        }
        if capped {
            why.push(format!(
                "measured at {} / {} KB",
                r.sizes.0 / KB,
                r.sizes.1 / KB
            ));
        }
        let verdict = if why.is_empty() {
            "ok".to_string()
        } else {
            format!("FAIL ({})", why.join(", "))
        };
        failed += !why.is_empty() as usize;
        println!(
            "{:<18} {:>10} {:>10} {:>6.1}x {:>12}  {verdict}",
            r.name,
            fmt(r.small),
            fmt(r.large),
            ratio,
            fmt(r.normalize_large)
        );
    }
    println!(
        "\n{} cases, {failed} FAIL (sizes {} KB -> {} KB unless stated)",
        CASES.len(),
        SMALL / KB,
        LARGE / KB
    );
}
