//! The words the layout reader knows, kept as data (`data/labels.tsv`, `data/openers.tsv`,
//! `data/abbreviations.tsv`, `data/name_words.tsv`) and loaded once.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FNV-1a: the tables are looked up once or more for every word of a document, with keys of a
/// few bytes, where SipHash's setup costs more than the hash.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Map<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;
type Set = HashSet<String, BuildHasherDefault<Fnv>>;

/// What a label opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    Present,
    Absent,
    Excused,
    Unexcused,
    Represented,
    AbsentProxy,
    Substitute,
    Secretary,
    /// Others in the room (staff, public): a list, not of members.
    Other,
    Count,
    Tally,
    Agenda,
    Object,
    Rapporteur,
    Date,
    Publication,
    /// The lead-in of an election's results ("Ont obtenu :"): one entry per line follows.
    Results,
}

impl LabelKind {
    /// Labels followed by a list of people.
    pub fn opens_list(self) -> bool {
        matches!(
            self,
            LabelKind::Present
                | LabelKind::Absent
                | LabelKind::Excused
                | LabelKind::Unexcused
                | LabelKind::Represented
                | LabelKind::AbsentProxy
                | LabelKind::Substitute
                | LabelKind::Secretary
                | LabelKind::Other
                | LabelKind::Rapporteur
        )
    }

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "present" => LabelKind::Present,
            "absent" => LabelKind::Absent,
            "excused" => LabelKind::Excused,
            "unexcused" => LabelKind::Unexcused,
            "represented" => LabelKind::Represented,
            "absent_proxy" => LabelKind::AbsentProxy,
            "substitute" => LabelKind::Substitute,
            "secretary" => LabelKind::Secretary,
            "other" => LabelKind::Other,
            "count" => LabelKind::Count,
            "tally" => LabelKind::Tally,
            "agenda" => LabelKind::Agenda,
            "object" => LabelKind::Object,
            "rapporteur" => LabelKind::Rapporteur,
            "date" => LabelKind::Date,
            "publication" => LabelKind::Publication,
            "results" => LabelKind::Results,
            _ => return None,
        })
    }
}

/// What must follow a label's words for them to be a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    /// A colon (or a dash).
    Colon,
    /// A colon, else a name, a civility or a count.
    ListOrColon,
    /// A number, with or without a colon.
    Number,
}

#[derive(Debug, Clone)]
pub struct LabelRow {
    pub kind: LabelKind,
    pub follow: Follow,
    /// The phrase's words as keys (see [`stem`]).
    pub words: Vec<String>,
}

pub struct Lexicon {
    /// Label rows by their first word's key, longest first.
    pub labels: Map<Vec<LabelRow>>,
    /// Opening phrases by their first word's key, longest first, and whether they open a
    /// part even after a comma or a colon.
    pub openers: Map<Vec<(Vec<String>, bool)>>,
    /// Verbs of a decision that open a part when written in capitals.
    pub caps_verbs: Map<Vec<Vec<String>>>,
    pub abbreviations: Set,
    pub civilities: Set,
    pub particles: Set,
    pub roles: Set,
    /// Given names in use in France (`data/prenoms.txt`), folded.
    pub given_names: Set,
}

/// Rows of a tab-separated table, comments and blank lines aside.
fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn phrase_keys(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(stem).collect()
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut labels: Map<Vec<LabelRow>> = Map::default();
    for r in rows(include_str!("../../data/labels.tsv")) {
        let (Some(kind), Some(follow), Some(phrase)) = (
            r.first().and_then(|k| LabelKind::parse(k)),
            r.get(1).and_then(|c| match *c {
                "req" => Some(Follow::Colon),
                "opt" => Some(Follow::ListOrColon),
                "num" => Some(Follow::Number),
                _ => None,
            }),
            r.get(2),
        ) else {
            continue;
        };
        let words = phrase_keys(phrase);
        // A text that lost its apostrophes splits an elided word ("date d affichage"): the
        // row with that word as two matches it too.
        if words.iter().any(|w| w.contains('\'')) {
            let split: Vec<String> = words
                .iter()
                .flat_map(|w| match w.split_once('\'') {
                    // (The row's words are stems already: so are both halves.)
                    Some((a, b)) if !a.is_empty() && !b.is_empty() => {
                        vec![a.to_string(), b.to_string()]
                    }
                    _ => vec![w.clone()],
                })
                .collect();
            labels.entry(split[0].clone()).or_default().push(LabelRow {
                kind,
                follow,
                words: split,
            });
        }
        labels.entry(words[0].clone()).or_default().push(LabelRow {
            kind,
            follow,
            words,
        });
    }
    for v in labels.values_mut() {
        v.sort_by_key(|r| std::cmp::Reverse(r.words.len()));
    }
    let mut openers: Map<Vec<(Vec<String>, bool)>> = Map::default();
    let mut caps_verbs: Map<Vec<Vec<String>>> = Map::default();
    for r in rows(include_str!("../../data/openers.tsv")) {
        if let Some(v) = r[0].strip_prefix('^') {
            let words = phrase_keys(v);
            caps_verbs.entry(words[0].clone()).or_default().push(words);
            continue;
        }
        let (phrase, strong) = match r[0].strip_prefix('!') {
            Some(p) => (p, true),
            None => (r[0], false),
        };
        let words = phrase_keys(phrase);
        openers
            .entry(words[0].clone())
            .or_default()
            .push((words, strong));
    }
    for v in openers.values_mut() {
        v.sort_by_key(|w| std::cmp::Reverse(w.0.len()));
    }
    let abbreviations = rows(include_str!("../../data/abbreviations.tsv"))
        .map(|r| fold(r[0]))
        .collect();
    let (mut civilities, mut particles, mut roles) =
        (Set::default(), Set::default(), Set::default());
    for r in rows(include_str!("../../data/name_words.tsv")) {
        let set = match r[0] {
            "civility" => &mut civilities,
            "particle" => &mut particles,
            "role" => &mut roles,
            _ => continue,
        };
        if let Some(w) = r.get(1) {
            set.insert(fold(w));
        }
    }
    let given_names = include_str!("../../data/prenoms.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| fold(l.trim()))
        .collect();
    Lexicon {
        given_names,
        labels,
        openers,
        caps_verbs,
        abbreviations,
        civilities,
        particles,
        roles,
    }
});

/// A word folded for comparison: lower case, accents off, "(e)", "(s)", "(es)" off.
pub fn fold(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    fold_into(w, &mut out);
    out
}

/// [`fold`], appended to `out`.
pub fn fold_into(w: &str, out: &mut String) {
    if w.is_ascii() && !w.contains('(') {
        let from = out.len();
        out.push_str(w);
        out[from..].make_ascii_lowercase();
        return;
    }
    let mut chars = w.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '(' {
            // "(e)", "(s)", "(es)", "(ne)": written gender and number marks.
            let rest: String = chars.clone().take(4).collect();
            let close = rest.find(')');
            if let Some(k) = close {
                let inner = &rest[..k];
                if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_lowercase()) {
                    for _ in 0..=inner.chars().count() {
                        chars.next();
                    }
                    continue;
                }
            }
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(l) = latin1_fold(c) {
            out.push(l);
        } else {
            for l in c.to_lowercase() {
                out.push(base_letter(l));
            }
        }
    }
}

/// The fold of a Latin-1 letter (and œ, æ), without the general lower-casing.
fn latin1_fold(c: char) -> Option<char> {
    Some(match c {
        'À'..='Å' | 'à'..='å' => 'a',
        'Ç' | 'ç' => 'c',
        'È'..='Ë' | 'è'..='ë' => 'e',
        'Ì'..='Ï' | 'ì'..='ï' => 'i',
        'Ñ' | 'ñ' => 'n',
        'Ò'..='Ö' | 'ò'..='ö' => 'o',
        'Ù'..='Ü' | 'ù'..='ü' => 'u',
        'Ý' | 'ý' | 'ÿ' => 'y',
        'Œ' | 'œ' => 'o',
        '’' => '\'',
        _ => return None,
    })
}

/// The unaccented letter of a lower-case Latin letter.
pub fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'œ' => 'o',
        '’' => '\'',
        _ => c,
    }
}

/// A word's key for labels and phrases: folded, a final s and up to two final e taken off,
/// so that gender and number do not matter ("présentes", "PRESENT", "Présent(e)s").
pub fn stem(w: &str) -> String {
    let mut k = fold(w);
    k.truncate(stem_len(&k));
    k
}

/// The length of a folded word's stem (see [`stem`]).
pub fn stem_len(k: &str) -> usize {
    let b = k.as_bytes();
    let mut n = b.len();
    if n > 2 && b[n - 1] == b's' {
        n -= 1;
    }
    for _ in 0..2 {
        if n > 3 && b[n - 1] == b'e' {
            n -= 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_ignore_gender_number_case_and_accents() {
        for w in [
            "présents",
            "Présentes",
            "PRESENT",
            "Présent(e)s",
            "présente",
        ] {
            assert_eq!(stem(w), "present", "{w}");
        }
        assert_eq!(stem("excusé"), stem("Excusées"));
        assert_eq!(stem("représentés"), stem("Représentée"));
    }

    #[test]
    fn every_table_loads() {
        let l = &*LEXICON;
        assert!(l.labels["present"].iter().any(|r| r.words.len() == 1));
        assert!(l.labels["secretair"]
            .iter()
            .any(|r| r.kind == LabelKind::Secretary));
        assert!(l.openers.contains_key("vu"));
        assert!(l.abbreviations.contains("mme"));
        assert!(l.civilities.contains("monsieur") && l.particles.contains("de"));
        assert!(l.roles.contains("maire"));
        assert!(l.given_names.contains("helene") && l.given_names.contains("jean-pierre"));
        // Longest rows first, so that the first full match is the longest.
        for v in l.labels.values() {
            assert!(v.windows(2).all(|w| w[0].words.len() >= w[1].words.len()));
        }
    }
}
