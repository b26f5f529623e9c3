//! Legal references: code articles, lois, décrets, ordonnances, arrêtés, EU acts.
//!
//! Pipeline in the manner of eyecite: find each citation with its span, then resolve short
//! forms ("du même code", "dudit code", "ses articles" after a named code) against the last
//! full reference. The codes and the nicknames of lois are data (`data/*.tsv`), loaded once.

use crate::grammar;
use crate::model::{LegalKind, LegalReference, Span};
use regex::Regex;
use std::sync::LazyLock;

use crate::re;

/// One code of the reference table.
#[derive(Debug)]
pub struct Code {
    pub id: String,
    pub name: String,
    pattern: Regex,
}

pub static CODES: LazyLock<Vec<Code>> = LazyLock::new(|| {
    include_str!("../data/codes.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (id, name, pat) = (f.next()?, f.next()?, f.next()?);
            Some(Code {
                id: id.into(),
                name: name.into(),
                pattern: Regex::new(&format!("(?i)^(?:{pat})")).ok()?,
            })
        })
        .collect()
});

struct Nickname {
    pattern: Regex,
    number: String,
    date: String,
}

static LOI_NICKNAMES: LazyLock<Vec<Nickname>> = LazyLock::new(|| {
    include_str!("../data/lois.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (pat, number, date) = (f.next()?, f.next()?, f.next()?);
            Some(Nickname {
                pattern: Regex::new(&format!(r#"^(?:dite\s+)?(?:«\s*|"\s*)?(?:{pat})\b"#)).ok()?,
                number: number.into(),
                date: date.into(),
            })
        })
        .collect()
});

/// The code named at the start of `s` ("Code général des collectivités territoriales, …").
pub fn code_at(s: &str) -> Option<&'static Code> {
    CODES.iter().find(|c| c.pattern.is_match(s))
}

// "article(s)" followed by one or more article numbers.
static ARTICLES: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\barticles?\s+|\bart\.\s*"));
// An article number: "L2121-15", "L. 2121-15", "L.2121.15", "L 2121-20", "R.2123-4", "D1611-1",
// "L. 5211 -5", "L2122-22-4°", "1609 nonies C".
static ARTICLE_NUM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<p>[LRDA])?\s?\.?\s?(?P<n>\d{1,4}(?:\s?[-.]\s?\d{1,4}){0,3})(?P<par>\s?[-.]\s?\d{1,2}\s?°)?(?P<lat>\s+(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)(?:\s+[A-Z]\b)?)?",
    )
});
// Between articles of a list: ", ", " et ", " à " (a range), " ou ".
static LIST_SEP: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:\s*,\s*(?:et\s+|ainsi\s+que\s+)?|\s+et\s+|\s+ou\s+|\s*&\s*|\s+à\s+|\s+au\s+|\s*-\s+)")
});
// What follows the articles: the code, or a short form.
static CODE_LINK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:\s*(?:,|\(|°|alin[ée]a\s+\d+|\d+°|[IVX]+)\s*)*\s*(?:du|de\s+la|de\s+l'|des|de)?\s*",
    )
});
static SHORT_FORM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:\s*,)?\s*(?:du\s+m[êe]me\s+code|de\s+ce\s+m[êe]me\s+code|dudit\s+code|de\s+ce\s+code|du\s+code\s+(?:pr[ée]cit[ée]|susvis[ée]|susmentionn[ée]))",
    )
});
// A code named just before its articles: "Vu le CGCT, et notamment ses articles …".
static CODE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:notamment\s+)?(?:ses|son|en\s+son|en\s+ses|les|l')\s*$"));

fn norm_article(prefix: Option<&str>, num: &str) -> String {
    let digits: Vec<&str> = num
        .split(|c: char| c == '-' || c == '.' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    format!(
        "{}{}",
        prefix.unwrap_or("").to_uppercase(),
        digits.join("-")
    )
}

#[derive(Debug, Clone)]
struct ArticleHit {
    article: String,
    end_article: Option<String>,
    start: usize,
    end: usize,
    prefixed: bool,
}

/// Finds every legal reference in `text`; spans are offsets from `base` in the document, and
/// `span_of` turns them into spans.
pub fn find(
    text: &str,
    base: usize,
    span_of: &dyn Fn(usize, usize) -> Span,
) -> Vec<LegalReference> {
    let mut out: Vec<(usize, LegalReference)> = Vec::new();
    let mut last_code: Option<&'static Code> = None;
    // Code articles, in order, so that short forms resolve against the previous code.
    let mut events: Vec<(usize, usize, Event)> = Vec::new();
    for m in ARTICLES.find_iter(text) {
        let mut pos = m.end();
        let mut hits: Vec<ArticleHit> = Vec::new();
        while let Some(c) = ARTICLE_NUM.captures(&text[pos..]) {
            let whole = c.get(0).unwrap();
            let prefix = c.name("p").map(|p| p.as_str());
            // "L2122-22-4°": the last part is a paragraph of the article, not the article.
            let mut num = c["n"].to_string();
            let mut degree = 0;
            if c.name("par").is_none() && text[pos + whole.end()..].trim_start().starts_with('°') {
                if let Some(i) = num.rfind(['-', '.']) {
                    num.truncate(i);
                }
                let after = &text[pos + whole.end()..];
                degree = after.len() - after.trim_start().len() + '°'.len_utf8();
            }
            let art = norm_article(prefix, num.trim());
            let art = match c.name("lat") {
                Some(l) => format!("{art} {}", l.as_str().trim()),
                None => art,
            };
            let start = pos;
            pos += whole.end() + degree;
            let is_range = hits
                .last()
                .is_some_and(|h: &ArticleHit| h.end == usize::MAX);
            if is_range {
                let h = hits.last_mut().unwrap();
                // "R.2123-4 à 6": the end shares the start's stem.
                let end_art = if prefix.is_none() && !c["n"].contains(['-', '.']) {
                    match h.article.rsplit_once('-') {
                        Some((stem, _)) => format!("{stem}-{}", &c["n"]),
                        None => art.clone(),
                    }
                } else {
                    art.clone()
                };
                h.end_article = Some(end_art);
                h.end = pos;
            } else {
                hits.push(ArticleHit {
                    article: art,
                    end_article: None,
                    start,
                    end: pos,
                    prefixed: prefix.is_some(),
                });
            }
            // "L2122-1 et suivants": the article cited, the ones after it implied.
            static FOLLOWING: LazyLock<Regex> =
                LazyLock::new(|| re(r"(?i)^\s+et\s+(?:suivants|s\.)"));
            if let Some(f) = FOLLOWING.find(&text[pos..]) {
                pos += f.end();
            }
            match LIST_SEP.find(&text[pos..]) {
                Some(s)
                    if ARTICLE_NUM.is_match(&text[pos + s.end()..])
                        && text[pos + s.end()..]
                            .starts_with(|c: char| c.is_ascii_digit() || "LRDA".contains(c)) =>
                {
                    let sep = s.as_str().trim();
                    if sep == "à" || sep == "au" || sep == "-" {
                        hits.last_mut().unwrap().end = usize::MAX;
                    }
                    pos += s.end();
                }
                _ => break,
            }
        }
        for h in hits.iter_mut() {
            if h.end == usize::MAX {
                h.end = pos;
            }
        }
        if hits.is_empty() {
            continue;
        }
        let after = &text[pos..];
        let code = if let Some(sf) = SHORT_FORM.find(after) {
            pos += sf.end();
            CodeRef::Previous
        } else {
            let link = CODE_LINK.find(after).map(|l| l.end()).unwrap_or(0);
            match code_at(&after[link..]) {
                Some(c) => CodeRef::Named(c),
                None => {
                    let before = &text[..m.start()];
                    let sentence =
                        &before[before.rfind(['.', ';', '\n']).map(|p| p + 1).unwrap_or(0)..];
                    let named_before = CODE_BEFORE.is_match(sentence).then(|| {
                        CODES
                            .iter()
                            .filter_map(|c| last_match_start(&c.pattern, sentence).map(|p| (p, c)))
                            .max_by_key(|(p, _)| *p)
                            .map(|(_, c)| c)
                    });
                    match named_before.flatten() {
                        Some(c) => CodeRef::Named(c),
                        None => CodeRef::None,
                    }
                }
            }
        };
        events.push((m.start(), pos, Event::Articles(hits, code)));
    }
    // A code named on its own ("Vu le Code de l'urbanisme") sets the code for later short forms.
    static CODE_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bcode\b|\bCGCT\b"));
    for m in CODE_WORD.find_iter(text) {
        if let Some(c) = code_at(&text[m.start()..]) {
            events.push((m.start(), m.end(), Event::CodeMention(c)));
        }
    }
    events.sort_by_key(|e| e.0);
    for (s, e, ev) in events {
        match ev {
            Event::CodeMention(c) => last_code = Some(c),
            Event::Articles(hits, code) => {
                let code = match code {
                    CodeRef::Named(c) => Some(c),
                    CodeRef::Previous => last_code,
                    CodeRef::None => None,
                };
                let Some(code) = code else { continue };
                last_code = Some(code);
                for h in hits {
                    if !h.prefixed && code.id == "CGCT" {
                        // CGCT articles always carry their L/R/D part; a bare number is another text's.
                        continue;
                    }
                    let article = h.article.clone();
                    out.push((
                        h.start,
                        LegalReference {
                            kind: LegalKind::CodeArticle,
                            text: text[h.start.min(s)..e.max(h.end)]
                                .chars()
                                .take(200)
                                .collect(),
                            code: Some(code.id.clone()),
                            article: Some(article),
                            article_end: h.end_article,
                            number: None,
                            date: None,
                            url: None,
                            span: span_of(base + h.start, base + h.end),
                        },
                    ));
                }
            }
        }
    }
    numbered_texts(text, base, span_of, &mut out);
    out.sort_by_key(|(p, _)| *p);
    // "la loi du 26 janvier 1984" after "la loi n° 84-53 du 26 janvier 1984": the same text.
    let numbered: Vec<(String, String)> = out
        .iter()
        .filter(|(_, r)| r.kind == LegalKind::Loi)
        .filter_map(|(_, r)| Some((r.date.clone()?, r.number.clone()?)))
        .collect();
    for (_, r) in out.iter_mut() {
        if r.kind == LegalKind::Loi && r.number.is_none() {
            if let Some((_, n)) = numbered.iter().find(|(d, _)| Some(d) == r.date.as_ref()) {
                r.number = Some(n.clone());
            }
        }
    }
    out.into_iter().map(|(_, r)| r).collect()
}

enum Event {
    Articles(Vec<ArticleHit>, CodeRef),
    CodeMention(&'static Code),
}

enum CodeRef {
    Named(&'static Code),
    Previous,
    None,
}

/// The last place in `s` where an anchored pattern matches.
fn last_match_start(pattern: &Regex, s: &str) -> Option<usize> {
    s.char_indices()
        .rev()
        .find(|(i, _)| pattern.is_match(&s[*i..]))
        .map(|(i, _)| i)
}

// "loi n° 2013-595 du 8 juillet 2013", "décret n° 91.1415", "ordonnance n° 2021-1310",
// "arrêté préfectoral n° 2014-I-022 du 10 janvier 2014", "Règlement (UE) 2016/679".
static TEXT_KIND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?P<k>loi(?:\s+organique)?|d[ée]cret(?:-loi)?|ordonnance|arr[êe]t[ée](?:\s+(?:pr[ée]fectoral|minist[ée]riel|interminist[ée]riel|municipal|inter-?pr[ée]fectoral|du\s+maire|du\s+pr[ée]fet|du\s+pr[ée]sident))?|r[èe]glement\s*\(\s*(?:UE|CE)\s*\)|directive(?:\s*\(\s*UE\s*\))?)\s*",
    )
});
static TEXT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:n[°o]\.?\s*|num[ée]ro\s+)?(?P<n>\d{2,4}\s?[-.‑/]\s?\d{1,5}(?:/[A-Z]{2,3})?|[\w]{1,6}(?:[-/][\w]{1,8}){1,4})",
    )
});
static DATE_LINK: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*,?\s*(?:du|en\s+date\s+du)\s+"));

fn numbered_texts(
    text: &str,
    base: usize,
    span_of: &dyn Fn(usize, usize) -> Span,
    out: &mut Vec<(usize, LegalReference)>,
) {
    for c in TEXT_KIND.captures_iter(text) {
        let m = c.get(0).unwrap();
        let k = c["k"].to_lowercase();
        let kind = if k.starts_with("loi") {
            LegalKind::Loi
        } else if k.starts_with("d") && k.contains("cret") {
            LegalKind::Decret
        } else if k.starts_with("ordonnance") {
            LegalKind::Ordonnance
        } else if k.starts_with("arr") {
            LegalKind::Arrete
        } else if k.starts_with('r') {
            LegalKind::ReglementUe
        } else {
            LegalKind::DirectiveUe
        };
        let mut pos = m.end();
        let mut number = None;
        let rest = &text[pos..];
        let has_no = rest.to_lowercase().starts_with("n°")
            || rest.to_lowercase().starts_with("no ")
            || rest.to_lowercase().starts_with("n °");
        if let Some(n) = TEXT_NUMBER.captures(rest) {
            let raw = n["n"].to_string();
            let numeric = raw.chars().next().is_some_and(|c| c.is_ascii_digit());
            // Without "n°", only a number of the usual shape counts ("loi 84-53").
            if (has_no || numeric) && raw.chars().any(|c| c.is_ascii_digit()) {
                let norm = if matches!(kind, LegalKind::ReglementUe | LegalKind::DirectiveUe) {
                    raw.replace(' ', "")
                } else if numeric && raw.matches(['-', '.', '‑']).count() == 1 {
                    raw.replace(['.', '‑', ' '], "-").replace("--", "-")
                } else {
                    raw.clone()
                };
                number = Some(norm);
                pos += n.get(0).unwrap().end();
            }
        }
        let mut date = None;
        if let Some(l) = DATE_LINK.find(&text[pos..]) {
            if let Ok((r, d)) = grammar::date(&text[pos + l.end()..]) {
                date = Some(d.iso());
                pos = text.len() - r.len();
            }
        }
        // An arrêté's author and qualifiers may stand between it and its date: "l'arrêté
        // Préfectoral modifié du 16 juin 1980", "arrêté n° 24/226 CE du Président … en date du …".
        if date.is_none() && kind == LegalKind::Arrete {
            static DATED: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:du|en\s+date\s+du)\s+"));
            let window_end = text[pos..]
                .find(['.', ';'])
                .map(|e| pos + e)
                .unwrap_or(text.len())
                .min(pos + 140);
            let window_end = (window_end..=text.len())
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(text.len());
            for l in DATED.find_iter(&text[pos..window_end]) {
                if let Ok((r, d)) = grammar::date(&text[pos + l.end()..]) {
                    date = Some(d.iso());
                    pos = text.len() - r.len();
                    break;
                }
            }
        }
        if kind == LegalKind::Loi && number.is_none() {
            if let Some(nick) = LOI_NICKNAMES
                .iter()
                .find(|n| n.pattern.is_match(&text[m.end()..]))
            {
                number = Some(nick.number.clone());
                date = date.or(Some(nick.date.clone()));
            }
        }
        if number.is_none() && date.is_none() {
            continue;
        }
        // An arrêté is cited by its date; a number alone is not enough to name it.
        if kind == LegalKind::Arrete && date.is_none() {
            continue;
        }
        out.push((
            m.start(),
            LegalReference {
                kind,
                text: text[m.start()..pos].trim().to_string(),
                code: None,
                article: None,
                article_end: None,
                // An arrêté is cited by its date: its number, when given, stays in `text`.
                number: if kind == LegalKind::Arrete {
                    None
                } else {
                    number
                },
                date,
                url: None,
                span: span_of(base + m.start(), base + pos),
            },
        ));
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
