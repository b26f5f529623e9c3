//! Code articles: "article L2121-15 du CGCT", "articles L2121-29 et L2122-22", ranges
//! ("R.512-14 à R.512-25", "R.2123-4 à 6"), paragraphs ("L2122-22-4°"), and what the articles
//! belong to: a code named after them or before them, a short form ("du même code", "de la
//! loi précitée"), or a numbered text ("de la loi n° 84-53").

use crate::re;
use regex::Regex;
use std::sync::LazyLock;

use super::tables::{code_at, Code};

/// One article, or a range of them, with its byte span.
#[derive(Debug, Clone)]
pub struct Hit {
    pub article: String,
    pub article_end: Option<String>,
    pub start: usize,
    pub end: usize,
    /// Written with its L/R/D/A part ("L2121-15" rather than "2121-15").
    pub prefixed: bool,
}

/// What a run of articles belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Code(&'static Code),
    /// "du même code", "dudit code", "de ce code": the last code cited.
    SameCode,
    /// "de la loi précitée", "dudit décret": the last text of that kind.
    SameText(TextWord),
    /// "de la loi n° 84-53 …": the numbered text whose citation starts at this offset.
    TextAt(usize),
    /// Nothing said: a bare article, resolved (or not) against what came just before.
    Unsaid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextWord {
    Loi,
    Decret,
    Ordonnance,
}

/// One citation of one or more articles.
#[derive(Debug, Clone)]
pub struct Citation {
    pub hits: Vec<Hit>,
    pub target: Target,
    /// The words of a short form ("du même code"), kept for the output.
    pub short_form: Option<String>,
    pub start: usize,
    pub end: usize,
}

// article_word := "article" | "articles" | "art."
static ARTICLES: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?-u:\b)articles?\s+|(?-u:\b)art\.\s*"));
// article := [LRDA] "."? number ("-" number){0,3} paragraph? latin?
// "L2121-15", "L. 2121-15", "L.2121.15", "L 2121-20", "R.2123-4", "D1611-1", "L. 5211 -5",
// "L2122-22-4°", "1609 nonies C", "1er".
static ARTICLE_NUM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<p>[LRDA])?\s?\.?\s{0,3}(?P<n>\d{1,4}(?:\s?[-.–—]\s?\d{1,4}){0,3})(?:er(?-u:\b))?(?P<par>\s?[-.]\s?\d{1,2}\s?°)?(?P<lat>\s+(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)(?:\s+[A-Z](?-u:\b))?)?",
    )
});
// separator := "," ("et" | "ainsi que")? | "et" | "ou" | "&" | "à" | "au" | "-"
static LIST_SEP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\s*,\s*(?:et\s+|ainsi\s+que\s+)?|\s*;\s*|\s+ainsi\s+que\s+|\s*[—–]\s*|\s+et\s+|\s+ou\s+|\s*&\s*|\s+à\s+|\s+au\s+|\s*-\s+)",
    )
});
// "L2122-1 et suivants": the article cited, the ones after it implied.
static FOLLOWING: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s+et\s+(?:suivants|s\.)"));
// link := ("," | "(" | "°" | "alinéa N" | "N°" | roman)* ("du" | "de la" | "de l'" | "des" | "de")?
static CODE_LINK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:\s*(?:,|\(|°|alin[ée]a\s+\d+|\d+°|[IVX]+)\s*)*\s*(?:du|de\s+la|de\s+l'|des|de)?\s*",
    )
});
// short_code := "du même code" | "de ce (même) code" | "dudit code" | "du code précité" …
static SHORT_CODE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:\s*,)?\s*(?:du\s+m[êe]me\s+code|de\s+ce\s+m[êe]me\s+code|dudit\s+code|de\s+ce\s+code|du\s+code\s+(?:pr[ée]cit[ée]|susvis[ée]|susmentionn[ée]))",
    )
});
// short_text := "de la loi précitée" | "de la même loi" | "de ladite loi" | "de cette loi" |
//               "du décret précité" | "dudit décret" | "de l'ordonnance précitée" …
static SHORT_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:\s*,)?\s*(?:(?:de\s+la\s+|du\s+|de\s+l')(?:loi|d[ée]cret|ordonnance)\s+(?:pr[ée]cit[ée]e?|susvis[ée]e?|susmentionn[ée]e?)|(?:de\s+la\s+m[êe]me|de\s+ladite|de\s+cette|du\s+m[êe]me|dudit|de\s+ce)\s+(?:loi|d[ée]cret|ordonnance))(?-u:\b)",
    )
});
// A numbered text right after the articles: "de la loi n° 84-53", "du décret du 30 mai 1985".
static TEXT_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:loi|d[ée]cret|ordonnance)(?-u:\b)"));
// A code named just before its articles: "Vu le CGCT, et notamment ses articles …".
static CODE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:notamment\s+)?(?:ses|son|en\s+son|en\s+ses|les|l')\s*$"));

/// A short form's words on one line, without the comma before them.
fn one_line(s: &str) -> String {
    s.trim_start_matches([',', ' ', '\n'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether an article number has several parts ("2121-15"), rather than one ("6").
fn compound(n: &str) -> bool {
    n.contains(['-', '.', '–', '—'])
}

/// "L", "2121.15" → "L2121-15".
fn norm_article(prefix: Option<&str>, num: &str) -> String {
    let digits: Vec<&str> = num
        .split(|c: char| "-.–—".contains(c) || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    format!(
        "{}{}",
        prefix.unwrap_or("").to_uppercase(),
        digits.join("-")
    )
}

/// Every citation of articles in `text`. `mentions` are the codes named in the text, in order
/// (start offset, code), for "Vu le CGCT, et notamment ses articles …".
pub fn find(text: &str, mentions: &[(usize, &'static Code)]) -> Vec<Citation> {
    let mut out = Vec::new();
    for m in ARTICLES.find_iter(text) {
        let (hits, mut pos) = article_list(text, m.end());
        if hits.is_empty() {
            continue;
        }
        let after = &text[pos..];
        let mut short_form = None;
        let target = if let Some(sf) = SHORT_CODE.find(after) {
            short_form = Some(one_line(sf.as_str()));
            pos += sf.end();
            Target::SameCode
        } else if let Some(st) = SHORT_TEXT.find(after) {
            let words = st.as_str().to_lowercase();
            let word = if words.contains("loi") {
                TextWord::Loi
            } else if words.contains("ordonnance") {
                TextWord::Ordonnance
            } else {
                TextWord::Decret
            };
            short_form = Some(one_line(st.as_str()));
            pos += st.end();
            Target::SameText(word)
        } else {
            let link = CODE_LINK.find(after).map(|l| l.end()).unwrap_or(0);
            if let Some(c) = code_at(&after[link..]) {
                Target::Code(c)
            } else if TEXT_AFTER.is_match(&after[link..]) {
                Target::TextAt(pos + link)
            } else {
                named_before(text, m.start(), mentions)
                    .map(Target::Code)
                    .unwrap_or(Target::Unsaid)
            }
        };
        out.push(Citation {
            hits,
            target,
            short_form,
            start: m.start(),
            end: pos,
        });
    }
    out
}

/// The articles after "article(s)": a list, with ranges, from `pos`; and where the list ends.
fn article_list(text: &str, mut pos: usize) -> (Vec<Hit>, usize) {
    let mut hits: Vec<Hit> = Vec::new();
    // The last hit opened a range ("R.512-14 à …") whose end is the next article.
    let mut open_range = false;
    while let Some(c) = ARTICLE_NUM.captures(&text[pos..]) {
        let whole = c.get(0).unwrap();
        // "L212125", "L. 44260-1": digits run on past any article number; not a citation.
        if text[pos + whole.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
            break;
        }
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
        // "L 227-4 et 5": a bare number after an article continues its stem.
        let stem = hits
            .last()
            .filter(|h| {
                !open_range
                    && prefix.is_none()
                    && h.prefixed
                    && !compound(&c["n"])
                    && c.name("lat").is_none()
            })
            .and_then(|h| h.article.rsplit_once('-'))
            .map(|(stem, _)| stem.to_string());
        let art = match stem {
            Some(stem) => format!("{stem}-{}", &c["n"]),
            None => art,
        };
        let prefixed = prefix.is_some() || art.starts_with(['L', 'R', 'D', 'A']);
        match hits.last_mut() {
            Some(h) if open_range => {
                // "R.2123-4 à 6": the end shares the start's stem.
                let end_art = if prefix.is_none() && !compound(&c["n"]) {
                    match h.article.rsplit_once('-') {
                        Some((stem, _)) => format!("{stem}-{}", &c["n"]),
                        None => art,
                    }
                } else {
                    art
                };
                h.article_end = Some(end_art);
                h.end = pos;
            }
            _ => hits.push(Hit {
                article: art,
                article_end: None,
                start,
                end: pos,
                prefixed,
            }),
        }
        if let Some(f) = FOLLOWING.find(&text[pos..]) {
            pos += f.end();
        }
        match LIST_SEP.find(&text[pos..]) {
            Some(s)
                if ARTICLE_NUM.is_match(&text[pos + s.end()..])
                    && text[pos + s.end()..].starts_with(|c: char| {
                        // After ";", only an article with its L/R/D part continues the list.
                        "LRDA".contains(c) || c.is_ascii_digit() && !s.as_str().contains(';')
                    }) =>
            {
                let sep = s.as_str().trim();
                open_range = sep == "à" || sep == "au" || sep == "-";
                pos += s.end();
            }
            _ => break,
        }
    }
    (hits, pos)
}

/// The code named earlier in the same sentence, when the articles refer back to it ("ses
/// articles", "l'article").
fn named_before(
    text: &str,
    at: usize,
    mentions: &[(usize, &'static Code)],
) -> Option<&'static Code> {
    // A sentence, not a line: "Vu le code …, notamment\nles articles …" wraps.
    let before = crate::tail(text, at, 400);
    let offset = at - before.len();
    let sentence_start = offset + before.rfind(['.', ';']).map(|p| p + 1).unwrap_or(0);
    let before = &text[..at];
    if !CODE_BEFORE.is_match(&before[sentence_start..]) {
        return None;
    }
    mentions
        .iter()
        .rev()
        .find(|(p, _)| *p < at)
        .filter(|(p, _)| *p >= sentence_start)
        .map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(s: &str) -> Vec<String> {
        article_list(s, 0)
            .0
            .into_iter()
            .map(|h| match h.article_end {
                Some(e) => format!("{}..{e}", h.article),
                None => h.article,
            })
            .collect()
    }

    #[test]
    fn article_numbers_in_every_written_form() {
        for (input, want) in [
            ("L2121-15", "L2121-15"),
            ("L. 2121-15", "L2121-15"),
            ("L.2121.15", "L2121-15"),
            ("L 2121-20", "L2121-20"),
            ("R.2123-4", "R2123-4"),
            ("D1611-1", "D1611-1"),
            ("L. 5211 -5", "L5211-5"),
            ("L2122-22-4°", "L2122-22"),
            ("L. 5211-25-1", "L5211-25-1"),
            ("1609 nonies C", "1609 nonies C"),
            ("1er de", "1"),
        ] {
            assert_eq!(list(input), [want], "{input}");
        }
    }

    #[test]
    fn lists_and_ranges() {
        assert_eq!(list("L2121-29 et L2122-22"), ["L2121-29", "L2122-22"]);
        assert_eq!(
            list("L2121-29, L2122-21 ainsi que L2122-22"),
            ["L2121-29", "L2122-21", "L2122-22"]
        );
        assert_eq!(list("R.512-14 à R.512-25"), ["R512-14..R512-25"]);
        assert_eq!(list("R.2123-4 à 6"), ["R2123-4..R2123-6"]);
        assert_eq!(list("L2122-1 et suivants"), ["L2122-1"]);
        assert_eq!(list("D.521-10 ; D.521-12 du"), ["D521-10", "D521-12"]);
        assert_eq!(list("5 ; 12 voix"), ["5"]);
        assert_eq!(
            list("L 227-4 et 5 et R227-1"),
            ["L227-4", "L227-5", "R227-1"]
        );
        assert_eq!(list("R.\n\n2194-2 ne peut"), ["R2194-2"]);
        assert_eq!(list("L.332.8 — L.332.8-2"), ["L332-8", "L332-8-2"]);
        assert_eq!(list("R 2194 — 2 du"), ["R2194-2"]);
        assert!(list("L212125 du").is_empty());
    }

    #[test]
    fn targets() {
        let t = |s: &str| find(s, &[]).first().map(|c| c.target);
        assert!(matches!(t("l'article L2121-15 du CGCT"), Some(Target::Code(c)) if c.id == "CGCT"));
        assert_eq!(
            t("l'article L. 5211-5 du même code"),
            Some(Target::SameCode)
        );
        assert_eq!(
            t("l'article 3 de la loi précitée"),
            Some(Target::SameText(TextWord::Loi))
        );
        assert_eq!(
            t("l'article 2 dudit décret"),
            Some(Target::SameText(TextWord::Decret))
        );
        assert_eq!(
            t("l'article 2 de la loi n° 84-53"),
            Some(Target::TextAt(18))
        );
        assert_eq!(t("l'article L2122-22"), Some(Target::Unsaid));
    }
}
