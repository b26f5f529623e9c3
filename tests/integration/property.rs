//! Property test, on stable and in CI: random bytes, random French-ish text and mutated
//! fixtures (text and PDF) go through the library's path for one input and through the
//! command; none may panic, and each input gives exactly one record.
//!
//! Deterministic: a fixed seed (REGISTRE_PROPTEST_SEED overrides it) and a fixed number of
//! cases per kind (REGISTRE_PROPTEST_CASES). A failure prints the seed and the case, and
//! writes the input under the system's temporary folder.

use super::helpers::*;
use serde_json::Value;
use std::panic::{catch_unwind, AssertUnwindSafe};

const DEFAULT_SEED: u64 = 0x5EED_2024_0610_0001;
const DEFAULT_CASES: usize = 64;

/// xorshift64*: small, seeded, good enough to pick bytes and positions.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

fn seed() -> u64 {
    std::env::var("REGISTRE_PROPTEST_SEED")
        .ok()
        .and_then(|s| {
            let s = s.trim();
            match s.strip_prefix("0x") {
                Some(h) => u64::from_str_radix(h, 16).ok(),
                None => s.parse().ok(),
            }
        })
        .unwrap_or(DEFAULT_SEED)
}

fn cases() -> usize {
    std::env::var("REGISTRE_PROPTEST_CASES")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

/// Words, figures and marks of council documents, and a few hostile ones.
const WORDS: &[&str] = &[
    "Pour",
    "Contre",
    "Abstention",
    "Abstentions",
    "POUR :",
    "CONTRE :",
    "voix",
    "votants",
    "à l'unanimité",
    "à l’unanimité",
    "à la majorité",
    "procuration",
    "pouvoir à",
    "a donné pouvoir à",
    "représenté par",
    "Présents :",
    "Absents :",
    "Excusés :",
    "en exercice",
    "Secrétaire de séance :",
    "DÉLIBÈRE",
    "DÉCIDE",
    "Après en avoir délibéré",
    "Objet :",
    "Délibération n°",
    "N° 2024-",
    "ORDRE DU JOUR",
    "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS",
    "PROCÈS-VERBAL",
    "CONSEIL MUNICIPAL",
    "Séance du",
    "L'an deux mille vingt-quatre",
    "le dix juin",
    "à dix-neuf heures",
    "convoqué le",
    "sous la présidence de",
    "le Maire",
    "Madame",
    "Monsieur",
    "M.",
    "Mme",
    "DUPONT",
    "Jean-Pierre",
    "Élodie",
    "Article L2121-17",
    "Article L2121-",
    "du Code général des collectivités territoriales",
    "CGCT",
    "du même code",
    "Vu la loi n° 2019-1461 du 27 décembre 2019",
    "décret n°",
    "Envoyé en préfecture le",
    "Reçu en préfecture le",
    "Publié le",
    "ID : 025-212504991-20240610-2024_35-DE",
    "Premier tour",
    "majorité absolue",
    "bulletins blancs",
    "est élu",
    "quitte la séance",
    "arrive",
    "10/06/2024",
    "31/02/2024",
    "1er janvier 2024",
    "29 février 2023",
    "19h30",
    "25 h 99",
    "0",
    "1",
    "12",
    "19",
    "99",
    "4294967296",
    "18446744073709551616",
    "99999999999999999999999",
    "-3",
    "½",
    "n°",
    "°",
    ":",
    ";",
    ",",
    ".",
    "…",
    "-",
    "–",
    "—",
    "(",
    ")",
    "«",
    "»",
    "\"",
    "'",
    "’",
    "/",
    "*",
    "#",
    "|",
    "•",
    "\u{f0b7}",
    "\u{a0}",
    "\u{202f}",
    "\u{ad}",
    "\u{fb01}",
    "\u{200b}",
    "\u{feff}",
    "\u{0}",
    "\t",
    "\r",
    "\x0c",
    "é",
    "e\u{301}",
    "ǅ",
    "İ",
    "ß",
    "ﬀ",
    "𝔄",
    "🙂",
    "\u{10ffff}",
];

/// Random text made of council words, separators and line breaks.
fn french_text(rng: &mut Rng) -> Vec<u8> {
    let n = rng.below(400);
    let mut s = String::new();
    for _ in 0..n {
        let word: &&str = rng.pick(WORDS);
        let sep: &&str = rng.pick(&[" ", " ", " ", "\n", "\n\n", "", " : ", "\r\n", "  "]);
        s.push_str(word);
        s.push_str(sep);
    }
    s.into_bytes()
}

/// Printable characters, ASCII and Latin-1 letters mostly, at random.
fn printable(rng: &mut Rng) -> Vec<u8> {
    let n = rng.below(3000);
    let alphabet: Vec<char> = (' '..='~').chain("éèêàâçôûîÉÈÀÇœŒ\n\n\n".chars()).collect();
    (0..n)
        .map(|_| *rng.pick(&alphabet))
        .collect::<String>()
        .into_bytes()
}

/// One mutation of `data`: a bit flipped, a range deleted, bytes or a word inserted, a range
/// duplicated, or a splice with `other`.
fn mutate(rng: &mut Rng, data: &mut Vec<u8>, other: &[u8]) {
    let len = data.len();
    match rng.below(6) {
        0 if len > 0 => {
            let i = rng.below(len);
            data[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let a = rng.below(len);
            let b = (a + 1 + rng.below(64.min(len - a))).min(len);
            data.drain(a..b);
        }
        2 => {
            let at = rng.below(len + 1);
            let n = 1 + rng.below(16);
            let ins = rng.bytes(n);
            data.splice(at..at, ins);
        }
        3 => {
            let at = rng.below(len + 1);
            let w = rng.pick(WORDS).as_bytes().to_vec();
            data.splice(at..at, w);
        }
        4 if len > 0 => {
            let a = rng.below(len);
            let b = (a + 1 + rng.below(512)).min(len);
            let piece = data[a..b].to_vec();
            let at = rng.below(len + 1);
            data.splice(at..at, piece);
        }
        _ => {
            let cut = rng.below(len + 1);
            let from = rng.below(other.len() + 1);
            data.truncate(cut);
            data.extend_from_slice(&other[from..]);
        }
    }
}

/// The fixtures' bytes, with their names.
fn fixture_inputs() -> Vec<(String, Vec<u8>)> {
    fixtures()
        .into_iter()
        .map(|n| {
            let b = std::fs::read(root().join("fixtures").join(&n)).unwrap();
            (n, b)
        })
        .collect()
}

/// The library's path for one input, as `registre parse` takes it: bytes to text, then the
/// parser. Returns the record as JSON, or the panic's message.
fn record(name: &str, bytes: &[u8]) -> Result<Value, String> {
    catch_unwind(AssertUnwindSafe(|| {
        match registre::input::from_bytes(name, bytes) {
            Ok(src) => {
                let (doc, text) = registre::parse::parse_keeping_text(&src);
                // `registre check` places the findings in the text.
                let findings = registre::check::run(&doc, text.as_str());
                for l in registre::output::check::locate(name, text.as_str(), findings) {
                    registre::output::check::human(&l);
                }
                serde_json::to_value(&doc).unwrap()
            }
            Err(e) => serde_json::to_value(e.to_record()).unwrap(),
        }
    }))
    .map_err(|p| {
        p.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into())
    })
}

/// Writes a failing input where it can be looked at, and says where.
fn keep(name: &str, bytes: &[u8]) -> String {
    let p = std::env::temp_dir().join(format!("registre-proptest-fail-{name}"));
    match std::fs::write(&p, bytes) {
        Ok(()) => p.display().to_string(),
        Err(e) => format!("(not written: {e})"),
    }
}

fn assert_one_record(seed: u64, case: &str, name: &str, bytes: &[u8]) {
    let rec = match record(name, bytes) {
        Ok(v) => v,
        Err(msg) => panic!(
            "seed {seed:#x}, case {case}: panic `{msg}`; input kept at {}",
            keep(name, bytes)
        ),
    };
    let is_doc = rec.get("source").is_some() && rec.get("error").is_none();
    let kind = rec["error"]["kind"].as_str();
    assert!(
        is_doc || kind.is_some_and(|k| !k.is_empty() && k != "internal"),
        "seed {seed:#x}, case {case}: neither a document nor an error record: {rec}; input kept at {}",
        keep(name, bytes)
    );
    let line = serde_json::to_string(&rec).unwrap();
    assert!(!line.contains('\n'), "one record is one NDJSON line");
}

#[test]
fn random_and_mutated_inputs_give_one_record_each() {
    let seed = seed();
    let n = cases();
    let mut rng = Rng::new(seed);
    let fixtures = fixture_inputs();
    assert!(fixtures.len() >= 20, "the fixtures are there");

    for i in 0..n {
        let len = rng.below(2048);
        let bytes = rng.bytes(len);
        let name = *rng.pick(&["random.txt", "random", "random.pdf", "random.md"]);
        assert_one_record(seed, &format!("random bytes #{i}"), name, &bytes);

        let text = if i % 2 == 0 {
            french_text(&mut rng)
        } else {
            printable(&mut rng)
        };
        assert_one_record(seed, &format!("random text #{i}"), "random.txt", &text);
    }

    // Every fixture, mutated `n / 8` times (at least twice), with one to four mutations each.
    for (name, orig) in &fixtures {
        for j in 0..(n / 8).max(2) {
            let mut data = orig.clone();
            let other = &rng.pick(&fixtures).1;
            for _ in 0..1 + rng.below(4) {
                mutate(&mut rng, &mut data, other);
            }
            assert_one_record(seed, &format!("{name} mutated #{j}"), name, &data);
        }
    }
}

/// `registre parse DIR` over a folder of mutated inputs: one NDJSON line per file, in the
/// folder's sorted order, whatever the files hold.
#[test]
fn command_gives_one_line_per_mutated_input() {
    let seed = seed();
    let mut rng = Rng::new(seed ^ 0xC11);
    let fixtures = fixture_inputs();
    let dir = std::env::temp_dir().join(format!(
        "registre-proptest-cli-{}-{seed:x}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let mut names = Vec::new();
    for i in 0..50 {
        let (fname, orig) = rng.pick(&fixtures);
        let mut data = orig.clone();
        let other = &rng.pick(&fixtures).1;
        for _ in 0..1 + rng.below(4) {
            mutate(&mut rng, &mut data, other);
        }
        if i % 10 == 9 {
            let n = rng.below(1024);
            data = rng.bytes(n);
        }
        let ext = fname.rsplit('.').next().unwrap();
        let name = format!("case_{i:02}.{ext}");
        std::fs::write(dir.join(&name), &data).unwrap();
        names.push(name);
    }
    let out = bin().arg("parse").arg(&dir).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "seed {seed:#x}: exit status {:?} (inputs kept in {}); stderr:\n{}",
        out.status,
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines.len(),
        names.len(),
        "seed {seed:#x}: one line per input (inputs kept in {})",
        dir.display()
    );
    for (line, name) in lines.iter().zip(&names) {
        let v: Value = serde_json::from_str(line).expect("each line is one JSON record");
        let path = v["source"]["path"].as_str().unwrap_or("");
        assert!(
            path.ends_with(name.as_str()),
            "seed {seed:#x}: records in input order: {path} for {name}"
        );
        assert_ne!(
            v["error"]["kind"],
            "internal",
            "seed {seed:#x}: the parser failed on {name} (inputs kept in {})",
            dir.display()
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}
