//! The words the layout reader knows, kept as data (`data/labels.tsv`, `data/openers.tsv`,
//! `data/abbreviations.tsv`, `data/name_words.tsv`) and loaded once.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

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
    pub labels: HashMap<String, Vec<LabelRow>>,
    /// Opening phrases by their first word's key, longest first, and whether they open a
    /// part even after a comma or a colon.
    pub openers: HashMap<String, Vec<(Vec<String>, bool)>>,
    /// Verbs of a decision that open a part when written in capitals.
    pub caps_verbs: HashMap<String, Vec<Vec<String>>>,
    pub abbreviations: HashSet<String>,
    pub civilities: HashSet<String>,
    pub particles: HashSet<String>,
    pub roles: HashSet<String>,
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
    let mut labels: HashMap<String, Vec<LabelRow>> = HashMap::new();
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
        labels.entry(words[0].clone()).or_default().push(LabelRow {
            kind,
            follow,
            words,
        });
    }
    for v in labels.values_mut() {
        v.sort_by_key(|r| std::cmp::Reverse(r.words.len()));
    }
    let mut openers: HashMap<String, Vec<(Vec<String>, bool)>> = HashMap::new();
    let mut caps_verbs: HashMap<String, Vec<Vec<String>>> = HashMap::new();
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
        (HashSet::new(), HashSet::new(), HashSet::new());
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
    Lexicon {
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
        for l in c.to_lowercase() {
            out.push(base_letter(l));
        }
    }
    out
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
    if k.len() > 2 && k.ends_with('s') {
        k.pop();
    }
    for _ in 0..2 {
        if k.len() > 3 && k.ends_with('e') {
            k.pop();
        }
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_ignore_gender_number_case_and_accents() {
        for w in ["présents", "Présentes", "PRESENT", "Présent(e)s", "présente"] {
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
        // Longest rows first, so that the first full match is the longest.
        for v in l.labels.values() {
            assert!(v.windows(2).all(|w| w[0].words.len() >= w[1].words.len()));
        }
    }
}
