//! Segmentation into items: the numbered deliberations of a procès-verbal or compte rendu,
//! or the single deliberation of an extract.
//!
//! Headings are found first (numbered lines, deliberation numbers), then the longest chain
//! of consecutive numbers is kept: an agenda and the body repeat the same numbers, and the
//! later chain (the body) wins a tie; numbered lists inside an item restart at 1 and cannot
//! extend the main chain.

use regex::Regex;
use std::sync::LazyLock;

use crate::re;

/// An item's place in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemSpan {
    pub start: usize,
    pub end: usize,
    pub number: Option<String>,
    pub subject: Option<String>,
    /// Where the item's body (after the heading) starts.
    pub body_start: usize,
}

#[derive(Debug, Clone)]
struct Heading {
    start: usize,
    title_start: usize,
    /// The number as written ("2023-08", "5", "23-02/001").
    number: String,
    /// The position in its sequence: the number's last numeric part.
    seq: u32,
    /// Deliberation numbers outrank plain item numbers.
    strong: bool,
}

// "Délibération n° 2023-045 : Objet", "DEL 2025-110 –", "D2025-003 - Objet :", "DCM 2024/12".
const DELIB_PAT: &str = r"(?im)^[ \t]*(?:[-•]\s*)?(?:d[ée]lib[ée]ration|d[ée]lib\.?|DEL|DCM|DL|D)\s*(?:n[°o]\.?|n\s*°|num[ée]ro)?\s*[:.]?\s*(?P<num>[A-Z]{0,4}[-_ ]?\d[\w]*(?:\s?[-/._]\s?\d[\w]*|[-/._][\w]+){0,4})\s*(?:[:–—-]\s*|\s+|$)";
#[cfg(test)]
static DELIB_HEADING: LazyLock<Regex> = LazyLock::new(|| re(DELIB_PAT));
// "23-02/001 – Titre :" (number of the deliberation first, Corte-style registers).
const NUM_FIRST_PAT: &str =
    r"(?m)^[ \t]*(?P<num>\d{2,4}[-/.]\d{1,3}[-/.]\d{1,4})_?[ \t]*(?:[:–—-][ \t]*|$)";
#[cfg(test)]
static NUM_FIRST: LazyLock<Regex> = LazyLock::new(|| re(NUM_FIRST_PAT));
// "Objet :" (or OBJET alone on its line) before a deliberation's title.
static OBJET_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?im)(?:(?:^|[–—-]\s)[ \t]*(?:[-•]\s*)?(?:objet|sujet)(?:\s*:\s*|[ \t]*\n\s*)|\s(?-i:Objet|OBJET|Sujet|SUJET)\s*:\s*)",
    )
});
// "1. Titre", "1/ Titre", "1 - Titre", "Point 3 : Titre", "Point n° 3 – Titre", "III - Titre".
const NUMBERED_PAT: &str = r"(?im)^[ \t]*(?:(?:(?:point|question|affaire|dossier|rapport|objet)\s+(?:n[°o]\.?\s*)?|n[°o]\.?\s*)(?P<n1>\d{1,3}(?:\.\d{1,3})?)\s*(?:[:.)–—-]\s*|\s+)|(?:(?-i:(?:\p{Lu}[\p{L}'\-]*[ \t]+){0,3}\p{Lu}{2,}[\p{Lu}'\-]*)[ \t]+)?(?P<n2>\d{1,3})[ \t]*(?:[./)]|\s[-–—]|[ \t]*-\s)[ \t]*)";
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| re(NUMBERED_PAT));
// The same patterns held at the start of the haystack, tried line by line (`line_captures`).
static DELIB_AT: LazyLock<Regex> = LazyLock::new(|| anchored(DELIB_PAT));
static NUM_FIRST_AT: LazyLock<Regex> = LazyLock::new(|| anchored(NUM_FIRST_PAT));
static NUMBERED_AT: LazyLock<Regex> = LazyLock::new(|| anchored(NUMBERED_PAT));

/// `pattern` matched only at the start of the haystack.
pub(super) fn anchored(pattern: &str) -> Regex {
    re(&format!(r"\A(?:{pattern})"))
}

fn seq_of(num: &str) -> u32 {
    let digits: Vec<&str> = num
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    digits.last().and_then(|d| d.parse().ok()).unwrap_or(0)
}

fn is_sep(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The end of the `n + 1`-th token (maximal run of bytes other than ASCII whitespace) that
/// reaches `p` or lies after it, or the text's end. A match starting at or after `p`, or
/// containing `p`, that touches at most `n` tokens ends strictly before it: ASCII whitespace
/// is `\s`, so a match holding k runs of it touches at most k + 1 tokens.
pub(super) fn tokens_end(text: &str, p: usize, n: usize) -> usize {
    let b = text.as_bytes();
    let mut i = p;
    for _ in 0..=n {
        while i < b.len() && is_sep(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            return b.len();
        }
        while i < b.len() && !is_sep(b[i]) {
            i += 1;
        }
    }
    i
}

/// Where a match that contains `p` (not ASCII whitespace) and touches at most `n` tokens
/// starts at the earliest: the end of the `n + 1`-th token back, counting `p`'s as the first.
pub(super) fn tokens_start(text: &str, p: usize, n: usize) -> usize {
    let b = text.as_bytes();
    let mut i = p;
    for _ in 0..n {
        while i > 0 && !is_sep(b[i - 1]) {
            i -= 1;
        }
        while i > 0 && is_sep(b[i - 1]) {
            i -= 1;
        }
        if i == 0 {
            return 0;
        }
    }
    i
}

/// `full.find_iter(text)`, searched only around `triggers` (increasing positions, not ASCII
/// whitespace). Exact when every match of `full` contains one of the triggers and touches
/// at most `n` tokens (see `tokens_end`), and `full` matches no empty string: the first
/// trigger at or after a match's start is inside it, and any match containing a trigger lies
/// strictly inside the window searched for it. A match found reaching the window's end may owe
/// it to the cut (`$` or `\b` there) and is searched again on the whole text.
pub(super) fn find_near<'t>(
    text: &'t str,
    triggers: impl IntoIterator<Item = usize>,
    full: &Regex,
    n: usize,
) -> Vec<regex::Match<'t>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for t in triggers {
        if t < pos {
            continue;
        }
        let mut at = tokens_start(text, t, n).max(pos);
        let end = tokens_end(text, t, n);
        let hay = &text[..end];
        while let Some(m) = full.find_at(hay, at) {
            if m.start() > t {
                break;
            }
            let m = if m.end() == end && end < text.len() {
                match full.find_at(text, at) {
                    Some(f) if f.start() <= t => f,
                    _ => break,
                }
            } else {
                m
            };
            out.push(m);
            pos = m.end();
            at = pos;
            if at >= end {
                break;
            }
        }
    }
    out
}

/// Calls `f` with the start of each of the text's lines, in order: 0 and each position after
/// a newline.
fn for_each_line_start(text: &str, mut f: impl FnMut(usize)) {
    let b = text.as_bytes();
    f(0);
    let mut i = 0;
    // Eight bytes at a time: most words hold no newline (a zero byte of `w ^ 0x0a…` tells).
    while i + 8 <= b.len() {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
        let x = w ^ 0x0a0a_0a0a_0a0a_0a0a;
        if (x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080) != 0 {
            for (k, &c) in b[i..i + 8].iter().enumerate() {
                if c == b'\n' {
                    f(i + k + 1);
                }
            }
        }
        i += 8;
    }
    for (k, &c) in b.iter().enumerate().skip(i) {
        if c == b'\n' {
            f(k + 1);
        }
    }
}

/// The starts of the text's lines: 0 and each position after a newline.
pub(super) fn line_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for_each_line_start(text, |s| out.push(s));
    out
}

/// `re.captures_iter(text)`, with the offset of each match, for a pattern whose every
/// alternative opens with `(?m)^` and has no other look-behind, given `anchored` (the same
/// held at the haystack's start) and `lines`, increasing line starts that hold every line
/// where a match starts. Each match starts at a line's start, so the next one (the iterator
/// searches from where the previous match ended) is at the first line from there where the
/// pattern matches; on the text from a line's start, `^` holds there as after a newline.
fn line_captures<'t>(
    text: &'t str,
    anchored: &Regex,
    lines: &[usize],
) -> Vec<(usize, regex::Captures<'t>)> {
    let mut out = Vec::new();
    let mut at = 0;
    for &line in lines {
        if line < at {
            continue;
        }
        if let Some(c) = anchored.captures(&text[line..]) {
            at = line + c.get(0).expect("group 0").end();
            out.push((line, c));
        }
    }
    out
}

/// The line starts where each heading pattern may match (DELIB_HEADING, NUM_FIRST, NUMBERED).
fn heading_lines(text: &str, weak: bool) -> [Vec<usize>; 3] {
    // A character folded to an ASCII letter (ſ, K) defeats the keyword test of NUMBERED.
    let words = !crate::has_odd_folds(text);
    let mut out: [Vec<usize>; 3] = Default::default();
    let b = text.as_bytes();
    for_each_line_start(text, |line| {
        let mut p = line;
        while p < b.len() && (b[p] == b' ' || b[p] == b'\t') {
            p += 1;
        }
        let rest = &text[p..];
        if may_open_delib(rest) {
            out[0].push(line);
        }
        if may_open_num_first(rest) {
            out[1].push(line);
        }
        if weak && (!words || may_open_numbered(rest)) {
            out[2].push(line);
        }
    });
    out
}

/// Whether a DELIB_HEADING match can start on a line that goes on with `s`: "d"/"D" (after
/// a bullet and whitespace), and a digit among the next 25 characters other than whitespace
/// (the longest keyword, "numéro", a colon, four letters and a separator come first).
fn may_open_delib(s: &str) -> bool {
    let mut cs = s.chars();
    let rest = match cs.next() {
        Some('d' | 'D') => s,
        Some('-' | '•') => cs.as_str().trim_start(),
        _ => return false,
    };
    rest.starts_with(['d', 'D'])
        && rest
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(32)
            .any(|c| c.is_numeric())
}

/// Whether a NUM_FIRST match can start here: two to four digits, then `-`, `/` or `.`
/// (`is_numeric` holds for every `\d`; the separator is not numeric).
fn may_open_num_first(s: &str) -> bool {
    let mut n = 0;
    for c in s.chars() {
        if c.is_numeric() {
            n += 1;
            if n > 4 {
                return false;
            }
            continue;
        }
        return n >= 2 && matches!(c, '-' | '/' | '.');
    }
    false
}

/// Whether a NUMBERED match can start here: a keyword of the first branch; "n°"/"no" and a
/// number; or (second branch) up to four words of letters, quotes and hyphens, the last one's
/// first two letters capitals, then the number; or the number alone.
fn may_open_numbered(s: &str) -> bool {
    let b = s.as_bytes();
    let starts = |w: &str| b.len() >= w.len() && b[..w.len()].eq_ignore_ascii_case(w.as_bytes());
    const WORDS: [&str; 6] = [
        "point", "question", "affaire", "dossier", "rapport", "objet",
    ];
    if WORDS.iter().any(|w| starts(w)) {
        return true;
    }
    for w in ["n°", "no"] {
        if starts(w) {
            let r = &s[w.len()..];
            let r = r.strip_prefix('.').unwrap_or(r).trim_start();
            if r.starts_with(|c: char| c.is_numeric()) {
                return true;
            }
        }
    }
    // The second branch opens with a capital or the number.
    if !s.starts_with(|c: char| c.is_uppercase() || c.is_numeric()) {
        return false;
    }
    let mut prev = ' ';
    let mut caps = false;
    let mut gaps = 0;
    for (i, c) in s.char_indices() {
        if c.is_numeric() {
            return (i == 0 || (caps && matches!(prev, ' ' | '\t'))) && number_tail(&s[i..]);
        }
        if matches!(c, ' ' | '\t') {
            if !matches!(prev, ' ' | '\t') {
                gaps += 1;
                if gaps > 4 {
                    return false;
                }
            }
        } else if !(c.is_alphabetic() || c == '\'' || c == '-') {
            return false;
        }
        caps |= c.is_uppercase() && prev.is_uppercase();
        prev = c;
    }
    false
}

/// After NUMBERED's number: `\d{1,3}[ \t]*(?:[./)]|\s[-–—]|[ \t]*-\s)` (what follows the
/// digits is not numeric, so the run of numeric characters is the number).
fn number_tail(s: &str) -> bool {
    let digits = s.chars().take_while(|c| c.is_numeric()).count();
    if digits > 3 {
        return false;
    }
    let rest = s.trim_start_matches(|c: char| c.is_numeric());
    let rest = rest.trim_start_matches([' ', '\t']);
    let mut cs = rest.chars();
    match cs.next() {
        Some('.' | '/' | ')' | '-' | '–' | '—') => true,
        Some(c) if c.is_whitespace() => matches!(cs.next(), Some('-' | '–' | '—')),
        _ => false,
    }
}

fn headings(text: &str) -> Vec<Heading> {
    headings_of(text, true)
}

/// The headings of `text`; only the deliberation numbers unless `weak`.
fn headings_of(text: &str, weak: bool) -> Vec<Heading> {
    let mut out = Vec::new();
    let line_end = |p: usize| text[p..].find('\n').map(|e| p + e).unwrap_or(text.len());
    let [delib, num_first, numbered] = heading_lines(text, weak);
    // Deliberation numbers: "Délibération n° …" and "23-02/001 –" (a date is not a number).
    let strong = line_captures(text, &DELIB_AT, &delib)
        .into_iter()
        .chain(line_captures(text, &NUM_FIRST_AT, &num_first));
    for (off, c) in strong {
        let m = c.get(0).unwrap();
        let (start, mut end) = (off + m.start(), off + m.end());
        let mut num = c["num"].trim().to_string();
        if !num.chars().any(|ch| ch.is_ascii_digit()) || crate::grammar::numeric_date(&num).is_ok()
        {
            continue;
        }
        // "2018.05.28 - 2 TITRE": the sitting's date, then the item's number.
        let rest = &text[end..line_end(end)];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let dated =
            num.split(['-', '/', '.']).count() == 3 && m.as_str().trim_end().ends_with(['-', '–']);
        if dated && (1..=3).contains(&digits) && rest[digits..].starts_with([' ', '.', ')', '-']) {
            let n = c.get(1).map_or(m.start(), |g| g.start());
            end += digits;
            num = text[off + n..end].trim().to_string();
            end += rest[digits..].len()
                - rest[digits..]
                    .trim_start_matches([' ', '.', ')', '-'])
                    .len();
        }
        out.push(Heading {
            start,
            title_start: end,
            seq: seq_of(&num),
            number: num,
            strong: true,
        });
    }
    for (off, c) in line_captures(text, &NUMBERED_AT, &numbered) {
        let m = c.get(0).unwrap();
        let (start, end) = (off + m.start(), off + m.end());
        let num = c.name("n1").or(c.name("n2")).unwrap().as_str().to_string();
        let le = line_end(start);
        if end > le {
            continue;
        }
        let title = text[end..le].trim();
        // A heading's title starts with a capital (or a quote) and is not a sum or a date.
        let first = title.chars().next().unwrap_or(' ');
        if !(first.is_uppercase() || first == '«' || first == '"') || title.len() < 3 {
            continue;
        }
        if title.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            continue;
        }
        let n: u32 = num.parse().unwrap_or(0);
        if n > 200 {
            continue;
        }
        out.push(Heading {
            start,
            title_start: end,
            seq: n,
            number: num,
            strong: false,
        });
    }
    out.sort_by_key(|h| (h.start, !h.strong));
    out.dedup_by_key(|h| h.start);
    out
}

/// The longest chain of headings numbered n, n+1, n+2… in text order; ties go to the later
/// chain.
fn best_chain(hs: &[Heading]) -> Vec<usize> {
    use std::collections::HashMap;
    let n = hs.len();
    let mut len = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    // For each (strength, number): the longest chain ending there so far, at its latest
    // heading; a heading looks up its two possible predecessors only (linear in headings).
    let mut ends: HashMap<(bool, u32), (usize, usize)> = HashMap::new();
    for i in 0..n {
        let (strong, seq) = (hs[i].strong, hs[i].seq);
        // One number may be missing (lost by the PDF, or an item the text skips).
        for d in [2, 1] {
            let Some(p) = seq.checked_sub(d) else {
                continue;
            };
            if let Some(&(l, j)) = ends.get(&(strong, p)) {
                if l + 1 > len[i] || l + 1 == len[i] && prev[i] != usize::MAX && j > prev[i] {
                    len[i] = l + 1;
                    prev[i] = j;
                }
            }
        }
        let e = ends.entry((strong, seq)).or_insert((len[i], i));
        if len[i] >= e.0 {
            *e = (len[i], i);
        }
    }
    let mut best: Option<usize> = None;
    for i in 0..n {
        let better = match best {
            None => true,
            Some(b) => (len[i], hs[i].strong) >= (len[b], hs[b].strong),
        };
        if better {
            best = Some(i);
        }
    }
    let mut chain = Vec::new();
    let mut cur = best;
    while let Some(i) = cur {
        chain.push(i);
        cur = (prev[i] != usize::MAX).then_some(prev[i]);
    }
    chain.reverse();
    chain
}

/// Splits the text into items. `from` is where the items may start (after the attendance).
pub fn split(text: &str, from: usize) -> Vec<ItemSpan> {
    let hs: Vec<Heading> = headings(text)
        .into_iter()
        .filter(|h| h.start >= from)
        .collect();
    let strong: Vec<Heading> = hs.iter().filter(|h| h.strong).cloned().collect();
    let all_weak: Vec<Heading> = hs.iter().filter(|h| !h.strong).cloned().collect();
    // An agenda ("ordre du jour") lists the items as bare headings; the body repeats them.
    let agenda = agenda_run(text, &all_weak);
    let mut weak: Vec<Heading> = all_weak
        .iter()
        .enumerate()
        .filter(|(i, _)| !agenda.contains(i))
        .map(|(_, h)| h.clone())
        .collect();
    let agenda_titles: Vec<(u32, String)> = agenda
        .iter()
        .map(|&i| (all_weak[i].seq, title_line(text, &all_weak[i])))
        .collect();
    let sc = best_chain(&strong);
    let mut wc = best_chain(&weak);
    // A body heading whose number the PDF lost is found again by its agenda title.
    if !agenda_titles.is_empty() && wc.len() >= 2 {
        let found = recover_by_title(text, &weak, &wc, &agenda_titles);
        if !found.is_empty() {
            weak.extend(found);
            weak.sort_by_key(|h| h.start);
            wc = best_chain(&weak);
        }
    }
    // Items are numbered from 1 (or from the first after an approval numbered 0): a run of
    // numbers from 60 up is a budget's accounts ("60 - Achats : … 61 - Services : …").
    if wc.first().is_some_and(|&i| weak[i].seq > 3) {
        wc.clear();
    }
    if wc.len() < 2 && agenda.len() >= 2 && sc.len() < 2 {
        // Only an agenda: its entries are the items.
        weak = agenda.iter().map(|&i| all_weak[i].clone()).collect();
        wc = best_chain(&weak);
    }
    let caps;
    let (chain, pool) = if sc.len() >= 2 && sc.len() * 2 >= wc.len() {
        (sc, &strong)
    } else if wc.len() >= 2 {
        (wc, &weak)
    } else {
        // No numbering: titles in capitals before a colon ("COMPTE ADMINISTRATIF 2005 :"),
        // three at least, head the items.
        caps = {
            let c = caps_headings(text, from);
            if c.len() >= 3 {
                c
            } else {
                // Nor that: titles as bullets ("- Budget principal – Vote des taux"), each
                // followed by its decision.
                bullet_headings(text, from)
            }
        };
        if caps.len() < 3 {
            return Vec::new();
        }
        ((0..caps.len()).collect(), &caps)
    };
    let mut out = Vec::new();
    // Computed when a subject first needs it (see `subject_at`).
    let width = std::cell::OnceCell::new();
    let width = || *width.get_or_init(|| wrap_width(text));
    for (k, &i) in chain.iter().enumerate() {
        let h = &pool[i];
        let end = chain
            .get(k + 1)
            .map(|&j| pool[j].start)
            .unwrap_or(text.len());
        // "Point 2 – Titre" / "Délibération n° 2024-029": the number after its title.
        let (subject, body_start) = match title_above(text, h) {
            Some((t, _)) => (Some(t), h.title_start),
            None => match subject_at(text, h.title_start, end, &width) {
                // A number alone, the title further down after "Objet :" (a register's
                // extracts one after another).
                (None, b) => match OBJET_LABEL.find(&text[h.title_start..end]) {
                    Some(m) => (subject_at(text, h.title_start + m.end(), end, &width).0, b),
                    None => (None, b),
                },
                found => found,
            },
        };
        out.push(ItemSpan {
            start: h.start,
            end,
            number: (!h.number.is_empty()).then(|| clean_number(&h.number)),
            subject,
            body_start,
        });
    }
    out
}

/// Lines that are a title in capitals ending with a colon: two words at least, eight letters
/// at least, none in lower case, and not a label ("PRÉSENTS :", "ORDRE DU JOUR :", "DÉCIDE :").
fn caps_headings(text: &str, from: usize) -> Vec<Heading> {
    use crate::layout::lexicon::{stem, LEXICON};
    let mut out = Vec::new();
    for start in line_starts(text) {
        if start < from {
            continue;
        }
        let end = text[start..].find('\n').map_or(text.len(), |e| start + e);
        let line = text[start..end].trim();
        let Some(title) = line.strip_suffix(':') else {
            continue;
        };
        let title = title.trim();
        let words: Vec<&str> = title.split_whitespace().collect();
        let letters = title.chars().filter(|c| c.is_alphabetic()).count();
        if words.len() < 2 || letters < 8 || title.chars().any(char::is_lowercase) {
            continue;
        }
        let first = stem(words[0].trim_matches(|c: char| !c.is_alphanumeric()));
        if LEXICON.labels.contains_key(&first) || LEXICON.caps_verbs.contains_key(&first) {
            continue;
        }
        out.push(Heading {
            start,
            title_start: start,
            number: String::new(),
            seq: out.len() as u32 + 1,
            strong: false,
        });
    }
    out
}

/// Lines that are a title as a bullet: a dash or a bullet, then a capital that opens neither
/// a verb of the decision ("- APPROUVE …", "- Décide …"), nor a person, nor a sentence; the
/// text up to the next one holds a decision ("à l'unanimité", "adopté", "DÉCIDE").
fn bullet_headings(text: &str, from: usize) -> Vec<Heading> {
    use crate::layout::lexicon::{stem, LEXICON};
    static DECISION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)unanimit|adopt[ée]|approuv[ée]|d[ée]cide|voix|pour\s*:").unwrap()
    });
    let mut cands = Vec::new();
    for start in line_starts(text) {
        if start < from {
            continue;
        }
        let end = text[start..].find('\n').map_or(text.len(), |e| start + e);
        let line = text[start..end].trim_start();
        let Some(rest) = line
            .strip_prefix("- ")
            .or_else(|| line.strip_prefix("– "))
            .or_else(|| line.strip_prefix("• "))
        else {
            continue;
        };
        let first = rest.split_whitespace().next().unwrap_or("");
        let starts_upper = first.chars().next().is_some_and(char::is_uppercase);
        let all_caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !first.chars().any(char::is_lowercase);
        let key = stem(first.trim_matches(|c: char| !c.is_alphanumeric()));
        if !starts_upper
            || all_caps
            || LEXICON.caps_verbs.contains_key(&key)
            || LEXICON.labels.contains_key(&key)
            || crate::names::strip_civility(rest).len() < rest.len()
            || matches!(key.as_str(), "le" | "la" | "les" | "l" | "il" | "un" | "une" | "de" | "d")
            // "- D'autoriser …", "- L'assemblée …": a decision's point or a sentence.
            || key.starts_with("d'")
            || key.starts_with("l'")
        {
            continue;
        }
        cands.push(Heading {
            start,
            title_start: start + (text[start..end].len() - rest.len()),
            number: String::new(),
            seq: 0,
            strong: false,
        });
    }
    // Each title's text holds its decision.
    let mut out: Vec<Heading> = Vec::new();
    for (k, h) in cands.iter().enumerate() {
        let end = cands.get(k + 1).map_or(text.len(), |n| n.start);
        if DECISION.is_match(&text[h.title_start..end]) {
            out.push(Heading {
                seq: out.len() as u32 + 1,
                ..h.clone()
            });
        }
    }
    out
}

fn title_line(text: &str, h: &Heading) -> String {
    let le = text[h.title_start..]
        .find('\n')
        .map(|e| h.title_start + e)
        .unwrap_or(text.len());
    text[h.title_start..le].trim().to_string()
}

/// Indices of the weak headings that form an agenda: a run of three or more consecutive
/// numbers whose entries hold no more than their (wrapped) title, and whose numbers come
/// again later (the body).
fn agenda_run(text: &str, hs: &[Heading]) -> Vec<usize> {
    let bare = |i: usize| {
        let h = &hs[i];
        let next = hs.get(i + 1).map(|n| n.start).unwrap_or(text.len());
        let between = &text[h.title_start..next];
        // (The cheap test first; counting lines stops at the fourth.)
        hs.get(i + 1).is_some_and(|n| n.seq == h.seq + 1)
            && between
                .lines()
                .filter(|l| !l.trim().is_empty())
                .nth(3)
                .is_none()
            && !between.contains("\n\n")
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < hs.len() {
        let mut j = i;
        while j < hs.len() && bare(j) {
            j += 1;
        }
        // The last entry of the run is bare too when its successor is far (end of the agenda).
        if j - i >= 2 {
            let run: Vec<usize> = (i..=j.min(hs.len() - 1)).collect();
            let last = *run.last().unwrap();
            let repeated = run
                .iter()
                .filter(|&&r| hs[last + 1..].iter().any(|h| h.seq == hs[r].seq))
                .count();
            if run.len() >= 3 && repeated * 2 >= run.len() {
                out.extend(run);
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Headings of the body found by their agenda title where the chain has a gap.
fn recover_by_title(
    text: &str,
    pool: &[Heading],
    chain: &[usize],
    titles: &[(u32, String)],
) -> Vec<Heading> {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .take(40)
            .collect::<String>()
            .to_lowercase()
    };
    let mut out = Vec::new();
    for w in chain.windows(2) {
        let (a, b) = (&pool[w[0]], &pool[w[1]]);
        for missing in a.seq + 1..b.seq {
            let Some((_, title)) = titles.iter().find(|(n, _)| *n == missing) else {
                continue;
            };
            let k = key(title);
            if k.len() < 12 {
                continue;
            }
            let mut pos = a.start;
            for line in text[a.start..b.start].split_inclusive('\n') {
                if key(line).starts_with(&k[..crate::floor_boundary(&k, 30)]) {
                    out.push(Heading {
                        start: pos,
                        title_start: pos,
                        number: missing.to_string(),
                        seq: missing,
                        strong: false,
                    });
                    break;
                }
                pos += line.len();
            }
        }
    }
    out
}

/// The title written just above a heading that holds only its number ("Délibération n°
/// 2024-029" under "Point 2 – Décision modificative"): the line above, without its own
/// number, when no blank line separates them.
fn title_above(text: &str, h: &Heading) -> Option<(String, usize)> {
    let line_end = text[h.start..]
        .find('\n')
        .map(|e| h.start + e)
        .unwrap_or(text.len());
    if h.title_start < line_end && !text[h.title_start..line_end].trim().is_empty() {
        return None;
    }
    let line_start = text[..h.start].rfind('\n').map(|p| p + 1).unwrap_or(0);
    if !text[line_start..h.start].trim().is_empty() || line_start == 0 {
        return None;
    }
    let prev_end = line_start - 1;
    let prev_start = text[..prev_end].rfind('\n').map(|p| p + 1).unwrap_or(0);
    let prev = text[prev_start..prev_end].trim();
    static NUMBER_ONLY: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^(?:rapport|point|dossier|question)?\s*n[°o]?\s*[\d.\-/ ]+$"));
    if prev.is_empty()
        || NUMBER_ONLY.is_match(prev)
        || prev.ends_with(['.', ':', ';'])
        || prev.len() < 4
    {
        return None;
    }
    let title = match NUMBERED.find(prev) {
        Some(m) => prev[m.end()..].trim(),
        None => prev,
    };
    let title = title.trim_start_matches(['–', '-', '—', ':', ' ']).trim();
    (title.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .then(|| (title.to_string(), prev_start))
}

fn clean_number(n: &str) -> String {
    n.trim().trim_end_matches(['.', ':', '-']).to_string()
}

/// The subject after a heading: its line, and the lines that continue it (a long line that
/// wrapped at `width`, see `wrap_width`). Returns the subject and where the body starts.
fn subject_at(
    text: &str,
    from: usize,
    limit: usize,
    _width: &impl Fn() -> usize,
) -> (Option<String>, usize) {
    // The reading text has a heading's title on the heading's line; a number alone has its
    // title on the next line, unless that line opens the body.
    let line_at = |p: usize| {
        let le = text[p..limit].find('\n').map(|e| p + e).unwrap_or(limit);
        (text[p..le].trim(), le)
    };
    let (mut line, mut le) = line_at(from.min(limit));
    if line.is_empty() && le < limit {
        let (next, e) = line_at(le + 1);
        if starts_body(next) && !next.to_lowercase().starts_with("objet") {
            return (None, le + 1);
        }
        line = next;
        le = e;
    }
    let line = title_of_line(strip_objet(line));
    let s = line
        .trim()
        .trim_end_matches([':', '.', ';', ','])
        .trim()
        .to_string();
    ((!s.is_empty()).then_some(s), (le + 1).min(limit))
}

/// A title line cut where its body starts on the same line: " : " before a count ("… CCPH :
/// 10 votes pour").
fn title_of_line(line: &str) -> &str {
    if let Some(p) = line.find(" : ") {
        let rest = line[p + 3..].trim_start();
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return &line[..p];
        }
    }
    line
}

fn wrap_width(text: &str) -> usize {
    // The lengths of the non-empty lines (as `split('\n')` gives them; `lines()` differs only
    // by a final empty line and `\r`s that trimming drops), counted by length: the k-th
    // smallest is what sorting them all then indexing gives.
    let mut small = [0usize; 512];
    let mut big: Vec<usize> = Vec::new();
    let mut n = 0;
    let mut add = |len: usize| {
        if len > 0 {
            n += 1;
            match small.get_mut(len) {
                Some(c) => *c += 1,
                None => big.push(len),
            }
        }
    };
    let mut prev = 0;
    for_each_line_start(text, |s| {
        if s > 0 {
            add(trimmed_chars(&text[prev..s - 1]));
            prev = s;
        }
    });
    add(trimmed_chars(&text[prev..]));
    if n == 0 {
        return 80;
    }
    let k = (n * 9 / 10).min(n - 1);
    let mut seen = 0;
    for (len, &c) in small.iter().enumerate() {
        if k < seen + c {
            return len.max(40);
        }
        seen += c;
    }
    (*big.select_nth_unstable(k - seen).1).max(40)
}

/// `line.trim().chars().count()` (a `\r` before the `\n` is trimmed as `lines` drops it):
/// ASCII edges are trimmed by byte, and characters counted as the bytes that start one.
fn trimmed_chars(line: &str) -> usize {
    let b = line.as_bytes();
    let (mut i, mut j) = (0, b.len());
    while i < j && is_sep(b[i]) {
        i += 1;
    }
    while j > i && is_sep(b[j - 1]) {
        j -= 1;
    }
    if i < j && (b[i] >= 0x80 || b[j - 1] >= 0x80) {
        // A non-ASCII edge may be Unicode whitespace.
        return line[i..j].trim().chars().count();
    }
    b[i..j].iter().filter(|&&c| (c as i8) >= -0x40).count()
}

fn strip_objet(line: &str) -> &str {
    // "Objet : Titre", and "OBJET Titre" (the label in capitals, its colon dropped).
    static OBJET: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?:(?i:objet|sujet)\s*:\s*|(?:OBJET|SUJET)\s+)"));
    match OBJET.find(line) {
        Some(m) => &line[m.end()..],
        None => line,
    }
}

fn starts_body(line: &str) -> bool {
    static BODY: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:rapporteur|rapporteure|monsieur|madame|m\.|mme|le\s+(?:maire|conseil|pr[ée]sident)|la\s+(?:maire|pr[ée]sidente)|vu\b|consid[ée]rant|il\s+est|expos[ée]|vote|d[ée]lib[ée]ration|pour\s*:|contre\s*:|abstentions?\s*:|adopt[ée]|[-–•])",
        )
    });
    BODY.is_match(line)
}

/// The number and subject of a single deliberation (an extract).
pub fn single(text: &str) -> (Option<String>, Option<(String, usize)>) {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?im)(?:^|\s)(?:d[ée]lib[ée]ration|d[ée]lib\.|DEL|DCM)\s*(?:n[°o]\.?|n\s*°|num[ée]ro)?\s*[:.]?\s*(?P<a>[A-Z]{0,5}[-_ ]?\d[\w]*(?:\s?[-/._]\s?\d[\w]*|[-/._][\w]+){0,5})|(?:^|\s)n[°o]\s*(?P<b>\d{2,4}\s*[-/]\s*\d{1,5}(?:\s*[-/]\s*\d{1,5})?)",
        )
    });
    let mut number = NUMBER.captures(text).map(|c| {
        let m = c.name("a").or(c.name("b")).unwrap();
        clean_number(m.as_str())
    });
    // A lone heading "24-04/058 — Titre :" names the deliberation.
    // (Only deliberation numbers are wanted: the first in the text, as among all headings.)
    let lone = headings_of(text, false).into_iter().next();
    let width = std::cell::OnceCell::new();
    let width = || *width.get_or_init(|| wrap_width(text));
    if let Some(m) = OBJET_LABEL.find(text) {
        let (s, _) = subject_at(text, m.end(), text.len(), &width);
        if let Some(s) = s {
            return (number, Some((s, m.end())));
        }
    }
    if let Some(h) = &lone {
        if let Some((t, at)) = title_above(text, h) {
            number = number.or_else(|| Some(clean_number(&h.number)));
            return (number, Some((t, at)));
        }
        if let (Some(s), _) = subject_at(text, h.title_start, text.len(), &width) {
            if s.chars().filter(|c| c.is_alphabetic()).count() >= 5 {
                number = number.or_else(|| Some(clean_number(&h.number)));
                return (number, Some((s, h.title_start)));
            }
        }
    }
    // Without "Objet :", the title stands just above "X, rapporte :" / "Rapporteur :".
    static REPORTS: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?im)^[^\n]*(?:,?\s+rapporte\s*:|\brapporteur\s*:)[^\n]*$"));
    if let Some(m) = REPORTS.find(text) {
        let before = &text[..m.start()];
        let lines: Vec<&str> = before.trim_end().split('\n').collect();
        let mut title: Vec<&str> = Vec::new();
        for l in lines.iter().rev() {
            let t = l.trim();
            // (A line that ends a sentence is the text before the title, not the title.)
            if t.is_empty()
                || title.len() >= 2
                || looks_like_attendance(t)
                || !title.is_empty() && t.ends_with('.')
            {
                break;
            }
            if t.to_lowercase().starts_with("n°")
                && t.chars().filter(|c| c.is_alphabetic()).count() <= 1
            {
                break;
            }
            // "n° 2025 / 061 Restauration collective …": the number before the title.
            static NUMBER_FIRST: LazyLock<Regex> =
                LazyLock::new(|| re(r"(?i)^n[°o]\s*\d[\d\s/.\-–]*\s"));
            let t = match NUMBER_FIRST.find(t) {
                Some(m) if t[m.end()..].chars().filter(|c| c.is_alphabetic()).count() >= 5 => {
                    title.push(t[m.end()..].trim());
                    break;
                }
                _ => t,
            };
            title.push(t);
        }
        title.reverse();
        if !title.is_empty() {
            let s = title.join(" ");
            let at = m.start() - before.trim_end().len().min(m.start()) + before.trim_end().len()
                - s.len().min(before.trim_end().len());
            return (number, Some((s, at)));
        }
    }
    // A sitting of one item: its title is the agenda's only entry.
    static AGENDA: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?im)^[ \t]*ordre\s+du\s+jour\s*:?[ \t]*\n"));
    if let Some(m) = AGENDA.find(text) {
        // The reading has the agenda's entry on the next line, which may run into the item's
        // own heading (the same title again) and its body.
        let line = text[m.end()..].lines().next().unwrap_or("").trim();
        let title = repeated_head(line).unwrap_or_else(|| first_sentence(line));
        if title.chars().filter(|c| c.is_alphabetic()).count() >= 5 {
            return (number, Some((title.to_string(), m.end())));
        }
    }
    (number, None)
}

/// "X X …": a line that opens with the same words twice (an agenda's entry, then the item's
/// heading): the words once.
fn repeated_head(line: &str) -> Option<&str> {
    let max = crate::floor_boundary(line, 400.min(line.len() / 2));
    (15..=max)
        .filter(|&k| line.is_char_boundary(k) && line.as_bytes()[k - 1] != b' ')
        .find(|&k| line[k..].trim_start().starts_with(&line[..k]))
        .map(|k| line[..k].trim())
}

/// A line up to its first full stop followed by a space (at most 300 bytes).
fn first_sentence(line: &str) -> &str {
    let cut = line
        .find(". ")
        .map(|p| p + 1)
        .unwrap_or(line.len())
        .min(crate::floor_boundary(line, 300));
    line[..cut].trim()
}

fn looks_like_attendance(line: &str) -> bool {
    let cleaned: String = line.chars().filter(|c| !c.is_ascii_punctuation()).collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().count() > 1 && w.chars().all(|c| c.is_uppercase()))
        .count();
    (caps >= 1 && line.contains(','))
        || (words.len() <= 3 && caps >= 1 && caps * 2 >= words.len())
        || line.to_lowercase().starts_with("absent")
        || line.to_lowercase().starts_with("présent")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn agenda_then_body() {
        let t = "Ordre du jour\n1. Budget\n2. Voirie\n3. Écoles\n_\n1. Budget\nTexte\nVote : Pour à l'unanimité\n2. Voirie\nTexte\n3. Écoles\nTexte\n";
        let items = split(t, 0);
        assert_eq!(items.len(), 3);
        assert!(items[0].start > t.find("_").unwrap());
        assert_eq!(items[1].subject.as_deref(), Some("Voirie"));
    }

    #[test]
    fn deliberation_numbers_beat_category_points() {
        let t = "Point n° 1 : Finances\n23-02/001 – Rapport :\n- Le Conseil prend acte.\n23-02/002 – Plan de financement :\n- Adoption.\nPoint n° 2 : Divers\n23-02/003 – Fourrière\nLe Conseil adopte.";
        let items = split(t, 0);
        let nums: Vec<_> = items.iter().map(|i| i.number.clone().unwrap()).collect();
        assert_eq!(nums, ["23-02/001", "23-02/002", "23-02/003"]);
        assert_eq!(items[0].subject.as_deref(), Some("Rapport"));
    }

    #[test]
    fn bullet_titles_with_their_decisions() {
        let t = "- Budget principal – Vote des taux\nLe Maire expose.\nLe Conseil, à l'unanimité\n- APPROUVE les taux\n\
                 - Subventions aux associations\nLe Conseil, à l'unanimité\n- ATTRIBUE les subventions\n- D'autoriser le Maire\n\
                 - Vente d'un terrain\nAdopté par 12 voix pour.\n";
        let items = split(t, 0);
        let subjects: Vec<_> = items.iter().map(|i| i.subject.clone().unwrap()).collect();
        assert_eq!(
            subjects,
            [
                "Budget principal – Vote des taux",
                "Subventions aux associations",
                "Vente d'un terrain"
            ]
        );
    }

    #[test]
    fn numero_numbering() {
        let t = "N° 1 – Approbation du procès-verbal\nAdopté à l'unanimité.\n\nN° 2 – Budget primitif 2024\nAdopté par 7 voix pour.\n";
        let items = split(t, 0);
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].subject.as_deref(), Some("Budget primitif 2024"));
    }

    #[test]
    fn slash_numbering() {
        let t = "1/ ONF Etat d'assiette 2023 :\nPas de coupe.\n13 votes pour\n\n2/ Déneigement :\nTexte\n11 votes pour 2 abstentions\n";
        let items = split(t, 0);
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[0].subject.as_deref(),
            Some("ONF Etat d'assiette 2023")
        );
    }

    /// Texts of fragments the heading patterns match in pieces, joined at random.
    pub(crate) fn random_texts(frags: &[&str], count: usize) -> Vec<String> {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        (0..count)
            .map(|_| {
                let len = next() % 60;
                (0..len)
                    .map(|_| frags[(next() % frags.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn line_windows_find_what_the_heading_patterns_find() {
        let frags = [
            "Délibération",
            "délib.",
            "n°",
            "N°",
            "no",
            "numéro",
            " ",
            "\n",
            "\t",
            "\r\n",
            "\n\n",
            "   ",
            "2023",
            "-",
            "045",
            ":",
            ".",
            "D",
            "DEL",
            "DCM",
            "d",
            "1",
            "12",
            "3",
            "200",
            "POINT",
            "Point",
            "question",
            "BUDGET",
            "ADOPTE",
            "Le",
            "Conseil",
            "•",
            "/",
            "_",
            ")",
            "–",
            "—",
            "23-02/001",
            "24-04/058",
            "l'",
            "É",
            "Titre",
            "Objet",
            "x",
            "\u{a0}",
            ",",
        ];
        for t in random_texts(&frags, 20000) {
            let cands = heading_lines(&t, true);
            let pats: [(&Regex, &Regex); 3] = [
                (&DELIB_HEADING, &DELIB_AT),
                (&NUM_FIRST, &NUM_FIRST_AT),
                (&NUMBERED, &NUMBERED_AT),
            ];
            for (k, (re, at)) in pats.into_iter().enumerate() {
                let groups = |off: usize, c: &regex::Captures| -> Vec<_> {
                    c.iter()
                        .map(|m| m.map(|m| (off + m.start(), off + m.end())))
                        .collect()
                };
                let want: Vec<_> = re.captures_iter(&t).map(|c| groups(0, &c)).collect();
                let got: Vec<_> = line_captures(&t, at, &cands[k])
                    .iter()
                    .map(|(off, c)| groups(*off, c))
                    .collect();
                assert_eq!(got, want, "{t:?}");
            }
            assert_eq!(
                wrap_width(&t),
                {
                    let mut l: Vec<usize> = t
                        .lines()
                        .map(|l| l.trim().chars().count())
                        .filter(|&n| n > 0)
                        .collect();
                    l.sort_unstable();
                    if l.is_empty() {
                        80
                    } else {
                        l[(l.len() * 9 / 10).min(l.len() - 1)].max(40)
                    }
                },
                "{t:?}"
            );
        }
    }

    #[test]
    fn windows_hold_the_matches_that_cross_them() {
        // A heading whose number goes on over a long run of blank lines is found whole.
        let t = format!("x\nD{}12 : Titre\n", " \n".repeat(300));
        let want: Vec<_> = DELIB_HEADING.find_iter(&t).map(|m| m.range()).collect();
        let got: Vec<_> = line_captures(&t, &DELIB_AT, &heading_lines(&t, true)[0])
            .iter()
            .map(|(off, c)| off + c.get(0).unwrap().start()..off + c.get(0).unwrap().end())
            .collect();
        assert_eq!(got, want);
        assert_eq!(got.len(), 1);
        // A pattern ending with `\b`: the cut inside a word must not make a match.
        let re = crate::re(r"ab\s+cd\b");
        let t = "ab cd ab cdef ab  cd";
        let got: Vec<_> = find_near(t, t.match_indices("ab").map(|(i, _)| i), &re, 1)
            .iter()
            .map(|m| m.range())
            .collect();
        let want: Vec<_> = re.find_iter(t).map(|m| m.range()).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn single_extract() {
        let (n, s) = single("Délibération n°IVP-14/04/23-8\n\nObjet : Espace Numérique de Travail\n\nNombre de membres :");
        assert_eq!(n.as_deref(), Some("IVP-14/04/23-8"));
        assert_eq!(s.unwrap().0, "Espace Numérique de Travail");
        let (n, s) = single("n° 2014 / 219\nAbsents :\nYves GARNIER\nAssociation pour le logement (ADIL)\nDésignation du représentant\nMonsieur le Maire, Antoine MOREL, rapporte :\n");
        assert_eq!(n.as_deref(), Some("2014 / 219"));
        assert_eq!(
            s.unwrap().0,
            "Association pour le logement (ADIL) Désignation du représentant"
        );
    }
}
