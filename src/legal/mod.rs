//! Legal references: code articles, lois, décrets, ordonnances, arrêtés, EU acts, and the
//! earlier deliberations and circulaires a decision rests on.
//!
//! A pipeline in the manner of eyecite, on normalized text: find (the codes named, the
//! citations of articles in [`articles`], the numbered and dated texts in [`texts`]), then
//! resolve in reading order (short forms such as "du même code", "de la loi précitée", an
//! article cited without its code right after a full citation, "la loi du 26 janvier 1984"
//! after its numbered citation), then link ([`link`]: Légifrance ids and ELI addresses). The
//! reference tables are data ([`tables`], `data/*.tsv`), loaded once.

pub mod articles;
pub mod link;
pub mod tables;
pub mod texts;

use crate::model::{LegalKind, LegalReference, Span};
use articles::{Target, TextWord};
use std::collections::HashMap;
pub use tables::{code_at, Code, CODES};

/// How far after a full citation an article cited alone ("Vu l'article L2122-22 ;") is read
/// as one of the same code.
const IMPLICIT_REACH: usize = 250;

enum Event {
    Mention(&'static Code),
    Citation(usize),
    Text(usize),
}

/// Finds every reference in `text`, in reading order; spans are offsets from `base` in the
/// document, turned into spans by `span_of`.
pub fn find(
    text: &str,
    base: usize,
    span_of: &dyn Fn(usize, usize) -> Span,
) -> Vec<LegalReference> {
    // Find.
    // ASCII lowercase keeps every offset: the literal triggers of the patterns are found in it.
    let lower = text.to_ascii_lowercase();
    let mentions: Vec<(usize, &'static Code)> = tables::code_mentions(text, &lower)
        .into_iter()
        .filter_map(|(s, _)| code_at(&text[s..]).map(|c| (s, c)))
        .collect();
    let citations = articles::find(text, &mentions);
    let found = texts::find_in(text, &lower, base, span_of);

    // Resolve, in reading order: at one offset, a citation of articles comes before the text
    // it names ("l'article 2 de la loi n° …" starts before "loi").
    let mut events: Vec<(usize, u8, Event)> = Vec::new();
    events.extend(mentions.iter().map(|(p, c)| (*p, 0, Event::Mention(c))));
    events.extend(
        citations
            .iter()
            .enumerate()
            .map(|(i, c)| (c.start, 1, Event::Citation(i))),
    );
    events.extend(
        found
            .iter()
            .enumerate()
            .map(|(i, (p, _))| (*p, 2, Event::Text(i))),
    );
    events.sort_by_key(|e| (e.0, e.1));

    // In a document that cites the CGCT, an article of its shape cited with no code at all
    // ("au a de l'article L. 2221-5-1") is the CGCT's: local acts rest on it first.
    let cgct = mentions.iter().map(|(_, c)| *c).find(|c| c.id == "CGCT");
    // The code of each part already cited ("R2194" of "R2194-3 du CCP").
    let mut parts: HashMap<String, &'static Code> = HashMap::new();
    let mut out: Vec<(usize, LegalReference)> = Vec::new();
    // The last code named or cited, and where.
    let mut last_code: Option<(&'static Code, usize)> = None;
    let mut last_text: [Option<usize>; 3] = [None; 3];
    // Texts whose articles were cited: the articles stand for them.
    let mut absorbed = vec![false; found.len()];
    for (at, _, ev) in events {
        match ev {
            Event::Mention(c) => last_code = Some((c, at)),
            Event::Text(i) => {
                let r = &found[i].1;
                if let Some(slot) = text_slot(r.kind) {
                    last_text[slot] = Some(i);
                }
                if !absorbed[i] {
                    out.push(found[i].clone());
                }
            }
            Event::Citation(i) => {
                let c = &citations[i];
                let cited = &text[c.start..c.end];
                let (code, text_ref, short_form) = match c.target {
                    Target::Code(code) => (Some(code), None, None),
                    Target::SameCode => (last_code.map(|l| l.0), None, c.short_form.clone()),
                    Target::SameText(word) => {
                        let slot = match word {
                            TextWord::Loi => 0,
                            TextWord::Decret => 1,
                            TextWord::Ordonnance => 2,
                        };
                        (None, last_text[slot], c.short_form.clone())
                    }
                    Target::TextAt(p) => {
                        let t = found.iter().position(|(s, _)| *s == p);
                        if let Some(t) = t {
                            absorbed[t] = true;
                        }
                        (None, t, None)
                    }
                    Target::Unsaid => {
                        let near = last_code.filter(|(_, p)| c.start - *p <= IMPLICIT_REACH);
                        let all_prefixed = c.hits.iter().all(|h| h.prefixed);
                        match near {
                            Some((code, _)) if all_prefixed => {
                                (Some(code), None, Some("(implicit)".to_string()))
                            }
                            // The part of a code already cited with its code ("R2194-3 du
                            // CCP", then "l'article R 2194-6").
                            _ if all_prefixed && same_part(&parts, &c.hits).is_some() => (
                                same_part(&parts, &c.hits),
                                None,
                                Some("(implicit)".to_string()),
                            ),
                            _ if all_prefixed
                                && cgct.is_some()
                                && c.hits.iter().all(cgct_shaped) =>
                            {
                                (cgct, None, Some("(assumed)".to_string()))
                            }
                            _ => (None, None, None),
                        }
                    }
                };
                if let Some(code) = code {
                    last_code = Some((code, c.end));
                    for h in &c.hits {
                        // CGCT articles always carry their L/R/D part; a bare number is
                        // another text's ("l'article 2 des statuts").
                        if !h.prefixed && code.id == "CGCT" {
                            continue;
                        }
                        let mut r = LegalReference::new(
                            LegalKind::CodeArticle,
                            cited.chars().take(200).collect(),
                            span_of(base + h.start, base + h.end),
                        );
                        r.code = Some(code.id.clone());
                        r.legitext = Some(code.legitext.clone());
                        r.article = Some(h.article.clone());
                        r.article_end = h.article_end.clone();
                        r.short_form = short_form.clone();
                        out.push((h.start, r));
                        if h.prefixed {
                            parts.insert(part(&h.article).to_string(), code);
                        }
                    }
                } else if let Some(t) = text_ref {
                    // "l'article 2 de la loi n° 84-53": the loi, at that article.
                    let (_, full) = &found[t];
                    let end = match c.target {
                        Target::TextAt(_) => c.end.max(full.span.end.saturating_sub(base)),
                        _ => c.end,
                    };
                    let words: String = text[c.start..end.min(text.len())]
                        .chars()
                        .take(200)
                        .collect();
                    for h in &c.hits {
                        let mut r = full.clone();
                        r.text = words.clone();
                        r.article = Some(h.article.clone());
                        r.article_end = h.article_end.clone();
                        r.span = span_of(base + h.start, base + h.end);
                        r.short_form = short_form.clone();
                        out.push((h.start, r));
                    }
                }
            }
        }
    }
    out.sort_by_key(|(p, _)| *p);
    let mut refs: Vec<LegalReference> = out.into_iter().map(|(_, r)| r).collect();
    // "la loi du 26 janvier 1984" after "la loi n° 84-53 du 26 janvier 1984": the same text.
    let numbered: Vec<(String, String)> = refs
        .iter()
        .filter(|r| r.kind == LegalKind::Loi)
        .filter_map(|r| Some((r.date.clone()?, r.number.clone()?)))
        .collect();
    for r in refs.iter_mut() {
        if r.kind == LegalKind::Loi && r.number.is_none() {
            if let Some((_, n)) = numbered.iter().find(|(d, _)| Some(d) == r.date.as_ref()) {
                r.number = Some(n.clone());
            }
        }
    }
    // Link.
    for r in refs.iter_mut() {
        r.url = link::url(r, r.legitext.as_deref());
    }
    refs
}

/// The part an article belongs to: "R2194-3" → "R2194".
fn part(article: &str) -> &str {
    article.split('-').next().unwrap_or(article)
}

/// The one code every article's part was cited with before, if there is one.
fn same_part(
    parts: &HashMap<String, &'static Code>,
    hits: &[articles::Hit],
) -> Option<&'static Code> {
    let mut codes = hits.iter().map(|h| parts.get(part(&h.article)).copied());
    let first = codes.next()??;
    codes.all(|c| c == Some(first)).then_some(first)
}

/// An article shaped like the CGCT's: L, R or D, then a part of four digits from 1111 to 7999
/// ("L2121-29", "R1617-18").
fn cgct_shaped(h: &articles::Hit) -> bool {
    let a = &h.article;
    let head: String = a[1..].chars().take_while(|c| c.is_ascii_digit()).collect();
    a.starts_with(['L', 'R', 'D'])
        && head.len() == 4
        && a[1 + head.len()..].starts_with('-')
        && ("1111".."7999").contains(&head.as_str())
}

/// Where the last text of a kind is kept, for "de la loi précitée".
fn text_slot(kind: LegalKind) -> Option<usize> {
    match kind {
        LegalKind::Loi => Some(0),
        LegalKind::Decret => Some(1),
        LegalKind::Ordonnance => Some(2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(t: &str) -> Vec<String> {
        find(t, 0, &|s, e| Span {
            start: s,
            end: e,
            line: 1,
            page: None,
        })
        .into_iter()
        .map(|r| match r.kind {
            LegalKind::CodeArticle => format!(
                "{} {}{}",
                r.code.unwrap(),
                r.article.unwrap(),
                r.article_end.map(|e| format!("..{e}")).unwrap_or_default()
            ),
            k => format!("{:?} {}", k, r.number.or(r.date).unwrap_or_default()),
        })
        .collect()
    }

    #[test]
    fn code_articles_written_forms() {
        assert_eq!(
            refs("l'article L2121-15 du Code Général des Collectivités Territoriales"),
            ["CGCT L2121-15"]
        );
        assert_eq!(refs("l'article L. 2121-15 du CGCT"), ["CGCT L2121-15"]);
        assert_eq!(refs("article L.2121.15 du CGCT"), ["CGCT L2121-15"]);
        assert_eq!(
            refs("article L 2121-20 du Code général des collectivités territoriales"),
            ["CGCT L2121-20"]
        );
        assert_eq!(
            refs("articles L2121-29 et L2122-22 du CGCT"),
            ["CGCT L2121-29", "CGCT L2122-22"]
        );
        assert_eq!(refs("l'article L.2122-22-4° du CGCT"), ["CGCT L2122-22"]);
        assert_eq!(refs("article L. 5211-25-1 du CGCT"), ["CGCT L5211-25-1"]);
    }

    #[test]
    fn ranges() {
        assert_eq!(
            refs("articles R.512-14 à R.512-25 du code de l'environnement"),
            ["environnement R512-14..R512-25"]
        );
        assert_eq!(
            refs("articles R.2123-4 à 6 du CGCT"),
            ["CGCT R2123-4..R2123-6"]
        );
    }

    #[test]
    fn short_forms() {
        assert_eq!(
            refs("Vu l'article L.5211-17 du CGCT ; conditions posées par l'article L. 5211 -5 du même code."),
            ["CGCT L5211-17", "CGCT L5211-5"]
        );
        assert_eq!(
            refs("Vu le Code de l'urbanisme, et notamment ses articles L153-36 et L153-45"),
            ["urbanisme L153-36", "urbanisme L153-45"]
        );
        assert_eq!(refs("l'article 2 des statuts"), Vec::<String>::new());
        assert_eq!(
            refs("Vu le CGCT ; vu l'article L. 2122-17 de ce même code"),
            ["CGCT L2122-17"]
        );
        assert_eq!(
            refs("les articles L2122-1 et suivants et R2122-1 et suivants du code général de la propriété des personnes publiques"),
            ["CGPPP L2122-1", "CGPPP R2122-1"]
        );
    }

    /// Cut anywhere (mid-citation, mid-number, mid-character class), a text still gives
    /// references without a panic, and every span is a char-boundary range inside it.
    #[test]
    fn every_cut_of_a_dense_text_is_safe() {
        let full = concat!(
            include_str!("../../fixtures/extrait_visas_short_forms.txt"),
            include_str!("../../fixtures/extrait_legal_refs.txt")
        );
        let span = |s, e| Span {
            start: s,
            end: e,
            line: 1,
            page: None,
        };
        for (i, _) in full.char_indices().step_by(3) {
            for part in [&full[i..], &full[..i]] {
                for r in find(part, 0, &span) {
                    assert!(r.span.start <= r.span.end && r.span.end <= part.len());
                    assert!(
                        part.is_char_boundary(r.span.start) && part.is_char_boundary(r.span.end)
                    );
                }
            }
        }
    }

    #[test]
    fn articles_cited_without_their_code() {
        // Right after a code: that code.
        assert_eq!(
            refs("Vu le Code de l'éducation ;\nVu les articles L. 551-1 et R. 551-13 ;"),
            ["education L551-1", "education R551-13"]
        );
        // A part already cited with its code, far before.
        let far = format!(
            "l'article R 2194-3 du CCP. {} Le montant prévu à l'article R. 2194-2 ne peut",
            "x ".repeat(200)
        );
        assert_eq!(
            refs(&far),
            ["commande-publique R2194-3", "commande-publique R2194-2"]
        );
        // In a document citing the CGCT, an article of its shape is the CGCT's.
        let doc = format!(
            "Vu le CGCT ; {} au a de l'article L. 2221-5-1, sous réserve",
            "x ".repeat(200)
        );
        assert_eq!(refs(&doc), ["CGCT L2221-5-1"]);
        // Not without a CGCT in the document, nor for another shape.
        assert_eq!(refs("au a de l'article L. 2221-5-1"), Vec::<String>::new());
        assert_eq!(
            refs(&format!(
                "Vu le CGCT ; {} l'article L. 153-36",
                "x ".repeat(200)
            )),
            Vec::<String>::new()
        );
    }

    #[test]
    fn articles_of_lois_and_decrets() {
        let found = find(
            "Vu la loi n° 84-53 du 26 janvier 1984 ; vu l'article 3 de la loi précitée ; vu \
             l'article 34 de la loi n° 84-53 du 26 janvier 1984",
            0,
            &|s, e| Span {
                start: s,
                end: e,
                line: 1,
                page: None,
            },
        );
        let got: Vec<(Option<&str>, Option<&str>, Option<&str>)> = found
            .iter()
            .map(|r| {
                (
                    r.number.as_deref(),
                    r.article.as_deref(),
                    r.short_form.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some("84-53"), None, None),
                (Some("84-53"), Some("3"), Some("de la loi précitée")),
                (Some("84-53"), Some("34"), None),
            ]
        );
        assert!(found.iter().all(|r| r.url.as_deref()
            == Some("https://www.legifrance.gouv.fr/eli/loi/1984/1/26/84-53/jo/texte")));
        assert_eq!(refs("la loi du 10 avril 1867"), ["Loi 1867-04-10"]);
    }

    #[test]
    fn numbered_texts_cases() {
        assert_eq!(
            refs("la loi n° 2013-595 du 8 juillet 2013"),
            ["Loi 2013-595"]
        );
        assert_eq!(refs("la loi n°84-53 du 26 janvier 1984"), ["Loi 84-53"]);
        assert_eq!(refs("la loi du 12 juillet 1999"), ["Loi 1999-07-12"]);
        assert_eq!(
            refs("la loi n° 84-53 du 26 janvier 1984 ; la loi du 26 janvier 1984"),
            ["Loi 84-53", "Loi 84-53"]
        );
        assert_eq!(
            refs("les articles L.2122-21-6° et L 2122-22-4° du CGCT"),
            ["CGCT L2122-21", "CGCT L2122-22"]
        );
        assert_eq!(refs("la loi NOTRe"), ["Loi 2015-991"]);
        assert_eq!(refs("décret n° 91.1415"), ["Decret 91-1415"]);
        assert_eq!(refs("l'ordonnance n° 2021-1310"), ["Ordonnance 2021-1310"]);
        assert_eq!(
            refs("arrêté préfectoral n° 2014-I-022 du 10 janvier 2014"),
            ["Arrete 2014-01-10"]
        );
        assert_eq!(
            refs("Vu l'arrêté Préfectoral modifié du 16 Juin 1980 portant création"),
            ["Arrete 1980-06-16"]
        );
        assert_eq!(refs("Vu l'arrêté n°24/226 CE du Président du Conseil Exécutif de Corse en date du 15 mai 2024, Vu"), ["Arrete 2024-05-15"]);
        assert_eq!(refs("Règlement (UE) 2016/679"), ["ReglementUe 2016/679"]);
    }
}
