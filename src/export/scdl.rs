//! The SCDL "Délibérations" CSV, schema 2.1.5 (OpenDataFrance): one row per voted
//! deliberation, 17 columns in the schema's order.
//!
//! What the documents state fills COLL_NOM, DELIB_ID, DELIB_DATE, DELIB_OBJET, PREF_ID (the
//! department of the ACTES receipt id), PREF_DATE and the VOTE_* columns. What they cannot
//! state — the SIRET, the ACTES matière, the address of the published file, and the number of
//! members in office when the document does not give it — comes from a side file ([`Side`]).
//!
//! The schema's definitions are kept: VOTE_EFFECTIF is the members who could vote (in
//! office), VOTE_REEL those who did vote, i.e. POUR + CONTRE + ABSTENTION (the schema's own
//! sum check), never the count of members present. The five VOTE_* cells are all filled or
//! all empty, as the schema's cohesion check wants.

use super::{fold, is_voted};
use crate::model::{Deliberation, Document, DocumentKind};
use std::collections::HashMap;
use std::sync::LazyLock;

pub const HEADER: [&str; 17] = [
    "COLL_NOM",
    "COLL_SIRET",
    "DELIB_ID",
    "DELIB_DATE",
    "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM",
    "DELIB_OBJET",
    "BUDGET_ANNEE",
    "BUDGET_NOM",
    "PREF_ID",
    "PREF_DATE",
    "VOTE_EFFECTIF",
    "VOTE_REEL",
    "VOTE_POUR",
    "VOTE_CONTRE",
    "VOTE_ABSTENTION",
    "DELIB_URL",
];

/// The ACTES matières of level 2 (`data/actes_matieres.tsv`): code → the name the SCDL wants.
static MATIERES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("../../data/actes_matieres.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("code\t"))
        .filter_map(|l| l.split_once('\t'))
        .collect()
});

/// The SCDL name of an ACTES matière code of level 2 ("7.1" → "finances locales/décisions
/// budgétaires"); a deeper code ("7.1.2") is taken at level 2, as the schema asks.
pub fn matiere(code: &str) -> Option<(String, &'static str)> {
    let code = code.trim();
    let level2: String = code.split('.').take(2).collect::<Vec<_>>().join(".");
    MATIERES.get(level2.as_str()).map(|n| (level2.clone(), *n))
}

/// One row of the side file: values for the documents it matches. Empty keys match every
/// document; `body` matches the body's name (case and accents aside), `path` a part of the
/// source path, `item` a deliberation's number.
#[derive(Debug, Clone, Default)]
pub struct SideRow {
    pub body: Option<String>,
    pub path: Option<String>,
    pub item: Option<String>,
    pub coll_nom: Option<String>,
    pub siret: Option<String>,
    pub effectif: Option<u32>,
    pub matiere: Option<String>,
    pub url: Option<String>,
}

impl SideRow {
    fn score(&self, doc: &Document, d: &Deliberation) -> Option<u8> {
        let mut score = 0;
        if let Some(b) = &self.body {
            if doc.body.name.as_deref().map(fold) != Some(fold(b)) {
                return None;
            }
            score += 1;
        }
        if let Some(p) = &self.path {
            if !doc.source.path.contains(p.as_str()) {
                return None;
            }
            score += 2;
        }
        if let Some(i) = &self.item {
            if d.number.as_deref().map(str::trim) != Some(i.trim()) {
                return None;
            }
            score += 4;
        }
        Some(score)
    }
}

/// What the user gives that documents cannot state: a CSV file with a header row naming
/// some of `body, path, item, coll_nom, siret, effectif, matiere, url` (lines starting with
/// `#` are comments). For each value the most specific matching row wins (item over path
/// over body over a row with no key); `url` may hold `{file}`, the source file's name.
#[derive(Debug, Clone, Default)]
pub struct Side {
    pub rows: Vec<SideRow>,
}

impl Side {
    pub fn parse(text: &str) -> Result<Side, String> {
        let mut r = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .flexible(true)
            .from_reader(text.as_bytes());
        let header: Vec<String> = r
            .headers()
            .map_err(|e| e.to_string())?
            .iter()
            .map(|h| h.to_lowercase())
            .collect();
        const KNOWN: [&str; 8] = [
            "body", "path", "item", "coll_nom", "siret", "effectif", "matiere", "url",
        ];
        if let Some(h) = header.iter().find(|h| !KNOWN.contains(&h.as_str())) {
            return Err(format!(
                "unknown column {h:?} (columns: {})",
                KNOWN.join(", ")
            ));
        }
        let mut rows = Vec::new();
        for (n, rec) in r.records().enumerate() {
            let rec = rec.map_err(|e| e.to_string())?;
            let get = |k: &str| {
                header
                    .iter()
                    .position(|h| h == k)
                    .and_then(|i| rec.get(i))
                    .filter(|v| !v.is_empty())
                    .map(str::to_string)
            };
            let effectif = match get("effectif") {
                Some(e) => Some(
                    e.parse::<u32>()
                        .map_err(|_| format!("row {}: effectif {e:?} is not a number", n + 2))?,
                ),
                None => None,
            };
            if let Some(m) = get("matiere") {
                if matiere(&m).is_none() {
                    return Err(format!(
                        "row {}: {m:?} is not an ACTES matière code (1.1 to 9.4)",
                        n + 2
                    ));
                }
            }
            rows.push(SideRow {
                body: get("body"),
                path: get("path"),
                item: get("item"),
                coll_nom: get("coll_nom"),
                siret: get("siret"),
                effectif,
                matiere: get("matiere"),
                url: get("url"),
            });
        }
        Ok(Side { rows })
    }

    /// The value of one field for a deliberation: from the most specific row that has it.
    fn value<T: Clone>(
        &self,
        doc: &Document,
        d: &Deliberation,
        field: impl Fn(&SideRow) -> Option<T>,
    ) -> Option<T> {
        self.rows
            .iter()
            .filter_map(|r| Some((r.score(doc, d)?, field(r)?)))
            // The first of equally specific rows wins.
            .fold(None, |best: Option<(u8, T)>, (s, v)| match best {
                Some((b, _)) if b >= s => best,
                _ => Some((s, v)),
            })
            .map(|(_, v)| v)
    }
}

/// A SIRET: 14 digits, the SIREN (first 9) and the whole passing the Luhn check (La Poste's
/// establishments, SIREN 356000000, are numbered otherwise).
pub fn siret_is_valid(s: &str) -> bool {
    if s.len() != 14 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if s.starts_with("356000000") {
        return s
            .bytes()
            .map(|b| (b - b'0') as u32)
            .sum::<u32>()
            .is_multiple_of(5);
    }
    luhn(&s[..9]) && luhn(s)
}

fn luhn(s: &str) -> bool {
    let sum: u32 = s
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = (b - b'0') as u32;
            if i % 2 == 1 {
                let d2 = d * 2;
                if d2 > 9 {
                    d2 - 9
                } else {
                    d2
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The department and SIREN of an ACTES receipt id ("034-213401722-20140424-…-DE").
fn receipt_parts(id: &str) -> Option<(&str, &str)> {
    let mut parts = id.split('-');
    let dept = parts.next()?;
    let siren = parts.next()?;
    let dept_ok = dept.len() == 3
        && dept.bytes().take(2).all(|b| b.is_ascii_digit())
        && dept.as_bytes()[2].is_ascii_alphanumeric();
    (dept_ok && siren.len() == 9 && siren.bytes().all(|b| b.is_ascii_digit()))
        .then_some((dept, siren))
}

/// The five VOTE_* figures (effectif, réel, pour, contre, abstention), or None when the
/// document does not give them all.
///
/// A tally that states the votes for and leaves out against or abstention, without denying
/// unanimity, is read with the missing figure at 0 ("Pour : 13" alone); named voters count
/// when no figure is written. A unanimous vote with no figure takes the votants the document
/// states for the item (or, in an extract, for the sitting), when nobody is said not to take
/// part. Nothing else is derived.
pub fn vote_figures(doc: &Document, d: &Deliberation, effectif: Option<u32>) -> Option<[u32; 5]> {
    let v = &d.vote;
    let named = |n: &Vec<String>| (!n.is_empty()).then_some(n.len() as u32);
    let against = v.against.or_else(|| named(&v.against_members));
    let abstention = v.abstention.or_else(|| named(&v.abstention_members));
    let (pour, contre, abst) = match v.for_ {
        Some(f) => {
            if against.is_none() && abstention.is_none() && v.unanimous == Some(false) {
                return None;
            }
            (f, against.unwrap_or(0), abstention.unwrap_or(0))
        }
        None => {
            let nobody_out = v.not_taking_part.unwrap_or(0) == 0
                && v.not_taking_part_members.is_empty()
                && against.unwrap_or(0) == 0
                && abstention.unwrap_or(0) == 0;
            if v.unanimous != Some(true) || !nobody_out {
                return None;
            }
            let single = doc.document_kind == DocumentKind::Extrait || doc.deliberations.len() == 1;
            let item = d.attendance.as_ref();
            let votants = item.and_then(|a| a.voting).or(if single {
                doc.attendance.voting.or(doc
                    .attendance
                    .present
                    .zip(doc.attendance.represented)
                    .map(|(p, r)| p + r))
            } else {
                None
            })?;
            (votants, 0, 0)
        }
    };
    let reel = pour + contre + abst;
    let effectif = effectif?;
    (reel > 0 && effectif >= reel).then_some([effectif, reel, pour, contre, abst])
}

/// What one document gives: its rows, and what is missing or doubtful, in words.
pub struct Export {
    pub rows: Vec<Vec<String>>,
    pub warnings: Vec<String>,
}

/// The SCDL rows of one document, one per voted deliberation. A deliberation whose date or
/// subject was not read is left out (the row could not be valid), with a warning; a value the
/// side file should give and does not is left empty, with a warning naming it once a body.
pub fn rows(doc: &Document, side: &Side) -> Export {
    let mut rows = Vec::new();
    let mut warnings = Vec::new();
    let file = std::path::Path::new(&doc.source.path)
        .file_name()
        .and_then(|f| f.to_str())
        .unwrap_or(&doc.source.path);
    let body = doc.body.name.as_deref().unwrap_or("(body not read)");
    // What the side file should give is said once a body; what a document lacks, with its path.
    let mut missing = |what: &str| warnings.push(what.to_string());
    let path = &doc.source.path;
    let receipt = doc
        .publication
        .receipt_id
        .as_deref()
        .and_then(receipt_parts);
    let single = doc.document_kind == DocumentKind::Extrait || doc.deliberations.len() == 1;
    let date = doc.session.date.clone().unwrap_or_default();
    if date.is_empty() && doc.deliberations.iter().any(is_voted) {
        missing(&format!(
            "{path}: left out: no sitting date read (DELIB_DATE is required)"
        ));
        return Export { rows, warnings };
    }
    for (i, d) in doc.deliberations.iter().enumerate() {
        if !is_voted(d) {
            continue;
        }
        let coll_nom = side
            .value(doc, d, |r| r.coll_nom.clone())
            .or_else(|| doc.body.name.clone())
            .unwrap_or_default();
        if coll_nom.is_empty() {
            missing(&format!(
                "{path}: no body name read: give coll_nom in the side file (COLL_NOM is required)"
            ));
        }
        let siret = side.value(doc, d, |r| r.siret.clone()).unwrap_or_default();
        if siret.is_empty() {
            // The receipt id gives the SIREN: only the establishment's NIC is left to find.
            let hint = receipt
                .map(|(_, siren)| format!(" (its ACTES receipt ids give the SIREN {siren})"))
                .unwrap_or_default();
            missing(&format!(
                "no SIRET for {body}{hint}: give siret in the side file (COLL_SIRET is required)"
            ));
        } else if !siret_is_valid(&siret) {
            missing(&format!("SIRET {siret} of {body} is not a valid SIRET"));
        } else if let Some((_, siren)) = receipt {
            if !siret.starts_with(siren) {
                missing(&format!(
                    "{path}: SIRET {siret} does not begin with the SIREN {siren} of the ACTES \
                     receipt id"
                ));
            }
        }
        let id = d
            .number
            .clone()
            .or_else(|| single.then(|| doc.publication.receipt_id.clone()).flatten())
            .unwrap_or_else(|| format!("{date}-{}", i + 1));
        let (code, nom) = match side.value(doc, d, |r| r.matiere.clone()) {
            Some(c) => matiere(&c)
                .map(|(c, n)| (c, n.to_string()))
                .unwrap_or_default(),
            None => {
                missing(&format!(
                    "no ACTES matière for {body}: give matiere in the side file \
                     (DELIB_MATIERE_CODE is required)"
                ));
                Default::default()
            }
        };
        let objet = d.subject.clone().unwrap_or_default();
        if objet.trim().is_empty() {
            missing(&format!(
                "{path}: item {id} left out: no subject read (DELIB_OBJET is required)"
            ));
            continue;
        }
        // In minutes, the dates of transmission are often another act's: only an extract's
        // (or a one-item document's) are its deliberation's.
        let pref_date = doc
            .publication
            .transmitted
            .clone()
            .filter(|t| single && !date.is_empty() && t.as_str() >= date.as_str())
            .unwrap_or_default();
        let effectif = doc
            .attendance
            .in_office
            .or_else(|| side.value(doc, d, |r| r.effectif));
        let votes = vote_figures(doc, d, effectif)
            .map(|f| f.map(|n| n.to_string()).to_vec())
            .unwrap_or_else(|| vec![String::new(); 5]);
        let url = side
            .value(doc, d, |r| r.url.clone())
            .map(|u| u.replace("{file}", &encode_path_segment(file)))
            .unwrap_or_default();
        let mut row = vec![
            one_line(&coll_nom),
            siret,
            one_line(&id),
            date.clone(),
            code,
            nom,
            one_line(&objet),
            String::new(),
            String::new(),
            receipt
                .map(|(dept, _)| format!("PREF{dept}"))
                .unwrap_or_default(),
            pref_date,
        ];
        row.extend(votes);
        row.push(url);
        rows.push(row);
    }
    warnings.dedup();
    Export { rows, warnings }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Percent-encodes what may not stand in a path segment of a URI.
fn encode_path_segment(s: &str) -> String {
    crate::output::percent_encode(s, b"-._~")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matieres_load_and_take_level_two() {
        // 7 + 3 + 6 + 5 + 8 + 5 + 10 + 9 + 4 matières of level 2.
        assert_eq!(MATIERES.len(), 57);
        assert_eq!(
            matiere("7.1.2").unwrap(),
            ("7.1".to_string(), "finances locales/décisions budgétaires")
        );
        assert_eq!(matiere("7.10").unwrap().1, "finances locales/divers");
        assert!(matiere("9.9").is_none());
        for (code, nom) in MATIERES.iter() {
            let (l1, l2) = nom.split_once('/').unwrap();
            assert!(!l1.is_empty() && !l2.is_empty(), "{code}");
            assert!(!nom.contains([',', '(', ')']), "{code}");
            assert_eq!(nom.to_lowercase(), *nom, "{code}");
        }
    }

    #[test]
    fn siret_luhn() {
        assert!(siret_is_valid("24420077000117"));
        assert!(!siret_is_valid("24420077000118"));
        assert!(!siret_is_valid("2442007700011"));
    }

    #[test]
    fn side_rows_most_specific_wins() {
        let side = Side::parse(
            "# comment\nbody,item,siret,matiere\n,,,9.1\nSaint-Aubin-sur-Vire,,24420077000117,\n\
             saint aubin sur vire,2023-18,,7.1\n",
        )
        .unwrap();
        let doc = crate::parse_str("x.txt", include_str!("../../fixtures/extrait_classic.txt"));
        let d = &doc.deliberations[0];
        assert_eq!(side.value(&doc, d, |r| r.matiere.clone()).unwrap(), "7.1");
        assert_eq!(
            side.value(&doc, d, |r| r.siret.clone()).unwrap(),
            "24420077000117"
        );
        assert!(Side::parse("bodyy\nx\n").is_err());
        assert!(Side::parse("matiere\n12.5\n").is_err());
    }

    #[test]
    fn a_missing_siret_is_said_once_with_the_siren_of_the_receipt_id() {
        let mut doc = crate::parse_str("x.txt", include_str!("../../fixtures/extrait_classic.txt"));
        doc.publication.receipt_id = Some("034-213401722-20140424-0000071216-DE".into());
        let e = rows(&doc, &Side::default());
        assert!(e.rows[0][1].is_empty());
        assert!(e
            .warnings
            .iter()
            .any(|w| w.contains("no SIRET") && w.contains("SIREN 213401722")));
        assert_eq!(e.rows[0][9], "PREF034");
    }

    #[test]
    fn an_extract_gives_one_row_with_its_votes() {
        let doc = crate::parse_str("x.txt", include_str!("../../fixtures/extrait_classic.txt"));
        let side = Side::parse("siret,matiere\n24420077000117,7.1\n").unwrap();
        let e = rows(&doc, &side);
        assert_eq!(e.rows.len(), 1);
        let r = &e.rows[0];
        assert_eq!(r.len(), HEADER.len());
        assert_eq!(r[2], "2023-18");
        // 15 in office; 14 pour, 0 contre, 0 abstention: 14 voted (the 12 present are not
        // VOTE_REEL).
        assert_eq!(&r[11..16], &["15", "14", "14", "0", "0"]);
        assert_eq!(r[10], "2023-04-14");
        assert_eq!(r[9], "PREF014");
    }
}
