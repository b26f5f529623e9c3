//! Normalization: one canonical text the parser can rely on, and the index that turns a byte
//! offset in it into a span (line, page).
//!
//! Every extracted value points into the normalized text, so nothing here needs to map back
//! to the raw bytes: spans are defined on this text (see the contract's `span`).

use crate::model::Span;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// The normalized text of a document with its line and page index.
#[derive(Debug, Clone)]
pub struct Text {
    pub text: String,
    line_starts: Vec<usize>,
    /// Byte offset where each page starts; empty for plain text (no pages).
    page_starts: Vec<usize>,
    /// For the text the readers read (see `layout`): the normalized text it was made from,
    /// whose lines and pages its spans name.
    origin: Option<Box<Origin>>,
}

#[derive(Debug, Clone)]
struct Origin {
    reading: crate::layout::Reading,
    source: Text,
}

impl Text {
    pub fn new(text: String, page_starts: Vec<usize>) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Text {
            text,
            line_starts,
            page_starts,
            origin: None,
        }
    }

    /// The text the readers read, re-broken by `layout` from `source`: offsets are its own,
    /// lines and pages those of `source`.
    pub fn reading_of(source: &Text) -> Text {
        let reading = crate::layout::read(source.as_str());
        let mut t = Text::new(reading.text.clone(), Vec::new());
        t.origin = Some(Box::new(Origin {
            reading,
            source: Text::new(source.text.clone(), source.page_starts.clone()),
        }));
        t
    }

    /// [`to_source`](Self::to_source) for where a span starts (see `Reading::to_source_start`).
    pub fn to_source_start(&self, offset: usize) -> usize {
        match &self.origin {
            Some(o) => o.reading.to_source_start(offset),
            None => offset,
        }
    }

    /// The labels the layout found in this text (none for a text that is not a reading).
    pub fn labels(&self) -> &[crate::layout::ReadLabel] {
        match &self.origin {
            Some(o) => &o.reading.labels,
            None => &[],
        }
    }

    /// The offset in the normalized text of an offset of this text (itself for a text that
    /// is not a reading).
    pub fn to_source(&self, offset: usize) -> usize {
        match &self.origin {
            Some(o) => o.reading.to_source(offset),
            None => offset,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// 1-based line of a byte offset (of the normalized text, for a reading).
    pub fn line_of(&self, offset: usize) -> usize {
        if let Some(o) = &self.origin {
            return o.source.line_of(o.reading.to_source_start(offset));
        }
        self.line_starts.partition_point(|&s| s <= offset).max(1)
    }

    /// 1-based page of a byte offset; None for plain text.
    pub fn page_of(&self, offset: usize) -> Option<usize> {
        if let Some(o) = &self.origin {
            return o.source.page_of(o.reading.to_source_start(offset));
        }
        if self.page_starts.is_empty() {
            None
        } else {
            Some(self.page_starts.partition_point(|&s| s <= offset).max(1))
        }
    }

    pub fn span(&self, start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            line: self.line_of(start),
            page: self.page_of(start),
        }
    }

    pub fn pages(&self) -> usize {
        match &self.origin {
            Some(o) => o.source.pages(),
            None => self.page_starts.len(),
        }
    }
}

/// Normalizes raw text whose pages, if any, are separated by form feeds.
pub fn normalize(raw: &str) -> Text {
    let pages: Vec<String> = raw
        .split('\x0c')
        .map(|p| {
            // Most text is already in NFC: the quick check spares the copy.
            if unicode_normalization::is_nfc_quick(p.chars())
                == unicode_normalization::IsNormalized::Yes
            {
                clean_page(p)
            } else {
                clean_page(&p.nfc().collect::<String>())
            }
        })
        .collect();
    let has_pages = raw.contains('\x0c');
    let pages = strip_running_lines(pages);
    let mut text = String::with_capacity(raw.len());
    let mut page_starts = Vec::new();
    for p in &pages {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        page_starts.push(text.len());
        text.push_str(p);
    }
    let text = join_split_words(&text, &mut page_starts);
    Text::new(text, if has_pages { page_starts } else { Vec::new() })
}

/// Character-level cleaning and line-level cleaning of one page.
fn clean_page(page: &str) -> String {
    let mut s = String::with_capacity(page.len());
    let mut chars = page.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                s.push('\n');
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
                s.push(' ')
            }
            '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' | '\u{0060}'
            | '\u{00b4}' => s.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => s.push('"'),
            '\u{2010}' | '\u{2011}' | '\u{2212}' => s.push('-'),
            '\u{fb00}'..='\u{fb06}' => s.extend(c.nfkc()),
            '\u{2022}' | '\u{25aa}' | '\u{25cf}' | '\u{25e6}' | '\u{25a0}' | '\u{25a1}'
            | '\u{27a2}' | '\u{25ba}' | '\u{2023}' | '\u{2043}' | '\u{f0b7}' | '\u{f0a7}'
            | '\u{f0d8}' | '\u{f0fc}' => s.push('-'),
            '\u{e000}'..='\u{f8ff}' => s.push(' '),
            c if c.is_control() && c != '\n' => s.push(' '),
            c => s.push(c),
        }
    }
    let s = MARKUP.replace_all(&s, "$1");
    let s = SUPERSCRIPT.replace_all(&s, "$1");
    let mut out = String::with_capacity(s.len());
    for line in s.split('\n') {
        let line = clean_line(line);
        out.push_str(&line);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

// `**bold**`, `__bold__`, backslash escapes of Markdown exports.
static MARKUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\*\*|__|\\([-*_.#()\[\]])").unwrap());
// `1^{er}`, `^{e}`: superscripts written as TeX.
static SUPERSCRIPT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\^\{([^}]{0,8})\}").unwrap());
// "A B S E N T S": a heading spaced out letter by letter.
static SPACED: LazyLock<Regex> = LazyLock::new(|| crate::re(r"\b(?:\p{Lu} ){3,}\p{Lu}\b"));
static SPACES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r" {2,}").unwrap());
// A Markdown heading or quote marker at the start of a line.
static MD_PREFIX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:#{1,6}|>)\s+").unwrap());

// Leader dots between a label and its value: "Présents ........ 11".
static LEADERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:\.\s?){4,}\s*|\s*…{2,}\s*").unwrap());

fn clean_line(line: &str) -> String {
    // Most lines need none of these: each pattern runs only where its marks are.
    let line = line.trim();
    let line = if line.contains("..") || line.contains(". .") || line.contains("……") {
        LEADERS.replace_all(line, " : ")
    } else {
        line.into()
    };
    let line = if line.starts_with(['#', '>']) {
        MD_PREFIX.replace(&line, "").into_owned().into()
    } else {
        line
    };
    let line = if line.matches(' ').nth(2).is_some() {
        SPACED
            .replace_all(&line, |c: &regex::Captures| c[0].replace(' ', ""))
            .into_owned()
            .into()
    } else {
        line
    };
    if line.contains("  ") {
        SPACES.replace_all(&line, " ").into_owned()
    } else {
        line.into_owned()
    }
}

/// A page number alone on a line: "Page 2/5", "2/5", "- 3 -", "3".
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:page\s*\d{1,3}(?:\s*(?:/|sur)\s*\d{1,3})?|\d{1,3}\s*/\s*\d{1,3}|-\s*\d{1,3}\s*-|\d{1,3})$").unwrap()
});

static TALLY: LazyLock<Regex> = LazyLock::new(|| {
    crate::re(
        r"(?i)\b(?:pour|contre|abstentions?|votants?|pr[ée]sents?|exprim[ée]s)\s*:?\s*\d|\badopt[ée]|\bunanimit",
    )
});

/// Removes running headers and footers: lines repeated at the top or bottom of most pages
/// (digits folded, so "Page 2/5" and "Page 3/5" agree), and bare page numbers there.
fn strip_running_lines(pages: Vec<String>) -> Vec<String> {
    if pages.len() < 2 {
        return pages;
    }
    const EDGE: usize = 4;
    let fold = |l: &str| {
        l.chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect::<String>()
    };
    // Each folded edge line, with the pages it stands on and its digits there.
    let mut seen: HashMap<String, Vec<(usize, Vec<u64>)>> = HashMap::new();
    for (page, p) in pages.iter().enumerate() {
        let lines: Vec<&str> = p.lines().filter(|l| !l.trim().is_empty()).collect();
        let n = lines.len();
        let mut keys: Vec<String> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < EDGE || *i + EDGE >= n)
            .map(|(_, l)| fold(l))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            let digits = lines
                .iter()
                .find(|l| fold(l) == k)
                .map(|l| digit_runs(l))
                .unwrap_or_default();
            seen.entry(k).or_default().push((page, digits));
        }
    }
    // A running line repeats as it is, or with a page counter ("Page 2/5", "Page 3/5"); lines
    // that differ otherwise are content ("Délibération n°20190708-02" atop each item's page).
    let counts: HashMap<String, usize> = seen
        .into_iter()
        .filter(|(_, at)| {
            let runs = at[0].1.len();
            at.iter().all(|(_, d)| d.len() == runs)
                && (0..runs).all(|j| {
                    let (p0, v0) = (at[0].0 as i64, at[0].1[j] as i64);
                    at.iter().all(|(_, d)| d[j] == at[0].1[j])
                        || at.iter().all(|(p, d)| d[j] as i64 - *p as i64 == v0 - p0)
                })
        })
        .map(|(k, at)| (k, at.len()))
        .collect();
    let min = if pages.len() == 2 {
        2
    } else {
        pages.len().div_ceil(2).max(2)
    };
    pages
        .into_iter()
        .map(|p| {
            let lines: Vec<&str> = p.lines().collect();
            let content: Vec<usize> = (0..lines.len())
                .filter(|&i| !lines[i].trim().is_empty())
                .collect();
            let n = content.len();
            let mut drop = vec![false; lines.len()];
            for (rank, &i) in content.iter().enumerate() {
                let at_edge = rank < EDGE || rank + EDGE >= n;
                if !at_edge {
                    continue;
                }
                let l = lines[i].trim();
                // Tallies repeat from page to page ("Pour : 59") but are never running lines.
                let tally = TALLY.is_match(l);
                let repeated =
                    counts.get(&fold(l)).copied().unwrap_or(0) >= min && l.len() > 2 && !tally;
                if repeated || PAGE_NUMBER.is_match(l) {
                    drop[i] = true;
                }
            }
            lines
                .iter()
                .zip(drop)
                .filter(|(_, d)| !d)
                .map(|(l, _)| *l)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

/// The runs of digits of a line, as numbers (saturating).
fn digit_runs(l: &str) -> Vec<u64> {
    l.split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .map(|r| r.parse().unwrap_or(u64::MAX))
        .collect()
}

/// Joins words split at a line end: "compé-\ntence" becomes "compétence"; a compound name
/// ("LEVY-\nRAMEAU", "Jean-\nPierre") keeps its hyphen. Page starts are shifted accordingly.
fn join_split_words(text: &str, page_starts: &mut [usize]) -> String {
    static SPLIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\p{L})-\n(\p{L})").unwrap());
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut removed: Vec<(usize, usize)> = Vec::new(); // (offset in input, bytes removed so far)
    let mut total = 0;
    for c in SPLIT.captures_iter(text) {
        let m = c.get(0).unwrap();
        let before = c.get(1).unwrap();
        let after = c.get(2).unwrap();
        let a = before.as_str().chars().next().unwrap();
        let b = after.as_str().chars().next().unwrap();
        out.push_str(&text[last..before.end()]);
        if a.is_lowercase() && b.is_lowercase() {
            total += 2; // "-\n"
        } else {
            out.push('-');
            total += 1; // "\n"
        }
        removed.push((m.end(), total));
        last = after.start();
    }
    out.push_str(&text[last..]);
    for s in page_starts.iter_mut() {
        let shift = removed
            .iter()
            .take_while(|(at, _)| *at <= *s)
            .last()
            .map(|(_, t)| *t)
            .unwrap_or(0);
        *s -= shift;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_quotes_ligatures_and_markup() {
        let t = normalize(
            "L\u{2019}an\u{a0}deux\u{202f}mille **Maire** 1^{er} ﬁnances soft\u{ad}hyphen",
        );
        assert_eq!(t.as_str(), "L'an deux mille Maire 1er finances softhyphen");
    }

    #[test]
    fn crlf_and_spaced_headings() {
        let t = normalize("A B S E N T S :\r\nM. X\r\n");
        assert_eq!(t.as_str(), "ABSENTS :\nM. X");
    }

    #[test]
    fn words_split_at_line_end() {
        let t = normalize("la compé-\ntence de Chantal LEVY-\nRAMEAU");
        assert_eq!(t.as_str(), "la compétence de Chantal LEVY-RAMEAU");
    }

    #[test]
    fn running_headers_and_page_numbers() {
        let raw = "Commune de Lanvallon - séance du 3 mars\nPremier point\n1/2\x0cCommune de Lanvallon - séance du 3 mars\nSecond point\n2/2";
        let t = normalize(raw);
        assert_eq!(t.as_str(), "Premier point\nSecond point");
        assert_eq!(t.page_of(t.as_str().find("Second").unwrap()), Some(2));
        assert_eq!(t.line_of(t.as_str().find("Second").unwrap()), 2);
    }

    #[test]
    fn headings_atop_pages_are_not_running_lines() {
        // Same words, numbers that do not count pages: each page's own heading.
        let raw = "Délibération n°2019-02\nVente\nPage 1\x0cDélibération n°2019-05\nBail\nPage 2\x0cDélibération n°2019-09\nPrêt\nPage 3";
        let t = normalize(raw);
        assert_eq!(t.as_str().matches("Délibération").count(), 3);
        assert!(!t.as_str().contains("Page 2"));
    }

    #[test]
    fn spans_have_lines_and_no_pages_for_text() {
        let t = normalize("a\nb\nc");
        let s = t.span(4, 5);
        assert_eq!((s.line, s.page), (3, None));
    }
}
