//! Reference tables, kept as data (`data/codes.tsv`, `data/lois.tsv`) and loaded once.

use regex::Regex;
use std::sync::LazyLock;

use crate::re;

/// One code of the reference table.
#[derive(Debug)]
pub struct Code {
    /// Short id used in the output ("CGCT", "urbanisme").
    pub id: String,
    /// Légifrance text id: `LEGITEXT` + 12 digits.
    pub legitext: String,
    pub name: String,
    /// Where the Légifrance id was checked.
    pub checked_at: String,
    pattern: Regex,
}

/// The data rows of a tab-separated table: comments and blank lines skipped.
fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

/// Word boundaries in the tables are ASCII ones (a Unicode `\b` keeps the regex engine off its
/// fast path on French text), and any written e stands for any accented e ("Financiéres").
fn ascii_boundaries(pat: &str) -> String {
    ["[ée]", "[èe]", "[êe]", "[ëe]", "[ÉEé]"]
        .iter()
        .fold(pat.replace(r"\b", r"(?-u:\b)"), |p, class| {
            p.replace(class, "[eéèêëEÉÈÊË]")
        })
}

// Codes are told apart by their id.
impl PartialEq for Code {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}
impl Eq for Code {}

pub static CODES: LazyLock<Vec<Code>> = LazyLock::new(|| {
    rows(include_str!("../../data/codes.tsv"))
        .filter_map(|f| {
            let [id, legitext, name, pat, checked_at] = f[..] else {
                return None;
            };
            Some(Code {
                id: id.into(),
                legitext: legitext.into(),
                name: name.into(),
                checked_at: checked_at.into(),
                pattern: Regex::new(&format!("(?i)^(?:{})", ascii_boundaries(pat))).ok()?,
            })
        })
        .collect()
});

/// Every code's name or abbreviation, anywhere in a text (to find the mentions of codes).
pub static ANY_CODE: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<String> = rows(include_str!("../../data/codes.tsv"))
        .filter_map(|f| f.get(3).map(|p| format!("(?:{})", ascii_boundaries(p))))
        .collect();
    re(&format!("(?i)(?-u:\\b)(?:{})", alts.join("|")))
});

/// The code named at the start of `s` ("Code général des collectivités territoriales, …").
pub fn code_at(s: &str) -> Option<&'static Code> {
    CODES.iter().find(|c| c.pattern.is_match(s))
}

/// A loi known by a name ("loi NOTRe").
pub struct Nickname {
    pattern: Regex,
    pub number: String,
    pub date: String,
}

pub static LOI_NICKNAMES: LazyLock<Vec<Nickname>> = LazyLock::new(|| {
    rows(include_str!("../../data/lois.tsv"))
        .filter_map(|f| {
            let [pat, number, date, ..] = f[..] else {
                return None;
            };
            Some(Nickname {
                pattern: Regex::new(&format!(
                    r#"(?i)^(?:dite\s+)?(?:«\s*|"\s*)?(?:{})(?-u:\b)"#,
                    ascii_boundaries(pat)
                ))
                .ok()?,
                number: number.into(),
                date: date.into(),
            })
        })
        .collect()
});

/// The loi whose nickname starts `s` (the words right after "loi").
pub fn nickname_at(s: &str) -> Option<&'static Nickname> {
    LOI_NICKNAMES.iter().find(|n| n.pattern.is_match(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_row_loads_with_a_legitext_id() {
        let rows = rows(include_str!("../../data/codes.tsv")).count();
        assert_eq!(CODES.len(), rows, "a row of data/codes.tsv does not load");
        for c in CODES.iter() {
            assert_eq!(c.legitext.len(), 20, "{}: {}", c.id, c.legitext);
            assert!(c.legitext.starts_with("LEGITEXT"), "{}", c.id);
            assert!(
                c.legitext[8..].bytes().all(|b| b.is_ascii_digit()),
                "{}",
                c.id
            );
            assert!(
                !c.checked_at.trim().is_empty(),
                "{}: where was the id checked?",
                c.id
            );
        }
        let mut ids: Vec<&str> = CODES.iter().map(|c| c.legitext.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), CODES.len(), "two codes share a Légifrance id");
    }

    #[test]
    fn every_code_is_found_by_its_own_name() {
        for c in CODES.iter() {
            assert!(
                code_at(&c.name).is_some_and(|f| f.id == c.id),
                "{} does not match its name",
                c.id
            );
            assert!(ANY_CODE.is_match(&c.name), "{}", c.id);
        }
    }

    #[test]
    fn nicknames_load_with_number_and_date() {
        let rows = rows(include_str!("../../data/lois.tsv")).count();
        assert_eq!(LOI_NICKNAMES.len(), rows);
        for n in LOI_NICKNAMES.iter() {
            assert!(super::super::link::ymd(&n.date).is_some(), "{}", n.date);
            let year = &n.date[..4];
            assert!(
                n.number.starts_with(year) || n.number.starts_with(&year[2..]),
                "{} {}",
                n.number,
                n.date
            );
        }
        assert_eq!(nickname_at("NOTRe").unwrap().number, "2015-991");
    }

    #[test]
    fn code_names_with_a_wrong_accent() {
        assert_eq!(
            code_at("Code des Juridictions Financiéres").unwrap().id,
            "juridictions-financieres"
        );
    }
}
