//! Reference tables, kept as data (`data/codes.tsv`, `data/lois.tsv`) and loaded once.

use regex::{Regex, RegexSet};
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

/// The alternatives of ANY_CODE, each row's pattern with ASCII boundaries.
fn code_alternatives() -> Vec<String> {
    rows(include_str!("../../data/codes.tsv"))
        .filter_map(|f| f.get(3).map(|p| format!("(?:{})", ascii_boundaries(p))))
        .collect()
}

/// Every code's name or abbreviation, anywhere in a text (to find the mentions of codes).
pub static ANY_CODE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        "(?i)(?-u:\\b)(?:{})",
        code_alternatives().join("|")
    ))
});

/// ANY_CODE found from literal triggers: a case-insensitive pattern of many words gets no
/// literal prefilter from the regex crate, so ANY_CODE over a whole text is a full lazy-DFA
/// pass; the words that begin its alternatives are found by literal search instead, in the
/// ASCII-lowercased text, and ANY_CODE is tried, anchored, only where one begins.
struct CodeFinder {
    /// The words alternatives begin with ("code", "ccp"), in the ASCII-lowercased text.
    heads: regex::bytes::Regex,
    /// For the alternatives that begin with a shorter word ("c\.?\s?g…"): a first character,
    /// and the bytes the next one may begin with ("c" then ".", "g", a space). A literal
    /// search for so short a prefix would stop at nearly every "c": its bytes are looked up
    /// in a table instead.
    pairs: Vec<(char, [bool; 256])>,
    /// No literal can start inside another's match but after a word byte, at a word byte
    /// (where a `\b` would fail anyway): the non-overlapping matches give every start.
    disjoint: bool,
    /// The alternatives whose beginnings are not read (a group, a repetition…), as ANY_CODE
    /// of their own: where one matches is found by searching it.
    others: Option<Regex>,
    /// ANY_CODE anchored at the text's start, and on the character before a match (its
    /// `\b` looks at it).
    start: Regex,
    after: Regex,
}

/// The top-level alternatives of a pattern (`|` outside groups and classes).
fn split_alternatives(p: &str) -> Vec<&str> {
    let (mut out, mut depth, mut class, mut from) = (Vec::new(), 0usize, false, 0);
    let mut chars = p.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' if !class => {
                class = true;
                // A `]` right after the opening (or after `^`) is a member.
                if chars.peek().is_some_and(|&(_, c)| c == '^') {
                    chars.next();
                }
                if chars.peek().is_some_and(|&(_, c)| c == ']') {
                    chars.next();
                }
            }
            ']' if class => class = false,
            '(' if !class => depth += 1,
            ')' if !class => depth = depth.saturating_sub(1),
            '|' if !class && depth == 0 => {
                out.push(&p[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(&p[from..]);
    out
}

/// The letters and digits every match of an alternative begins with, in lowercase: after its
/// boundaries, each one neither quantified nor escaped ("code\s+du" → "code", "c\.?\s?g" →
/// "c").
fn head(alternative: &str) -> String {
    let mut rest = alternative;
    while let Some(r) = rest
        .strip_prefix(r"(?-u:\b)")
        .or_else(|| rest.strip_prefix(r"\b"))
    {
        rest = r;
    }
    let b = rest.as_bytes();
    let mut n = 0;
    while n < b.len()
        && b[n].is_ascii_alphanumeric()
        && !b"?*+{".contains(&b.get(n + 1).copied().unwrap_or(b' '))
    {
        n += 1;
    }
    rest[..n].to_ascii_lowercase()
}

/// The characters `\s` matches (Unicode White_Space, which `char::is_whitespace` tests).
fn white_space() -> Vec<char> {
    (0..=0x3000u32)
        .filter_map(char::from_u32)
        .filter(|c| c.is_whitespace())
        .collect()
}

/// The first atoms of an alternative made of single characters: each the characters it may
/// match in the ASCII-lowercased text, and whether it is optional (`?`). Boundaries, which
/// match no character, are passed over; the list stops before the first other atom.
fn atoms(alternative: &str) -> Vec<(Vec<char>, bool)> {
    let mut out = Vec::new();
    let mut rest = alternative;
    loop {
        if let Some(r) = rest
            .strip_prefix(r"(?-u:\b)")
            .or_else(|| rest.strip_prefix(r"\b"))
        {
            rest = r;
            continue;
        }
        let (chars, len) = match rest.as_bytes() {
            [b'\\', b'.', ..] => (vec!['.'], 2),
            [b'\\', b's', ..] => (white_space(), 2),
            [c, ..] if c.is_ascii_alphanumeric() || *c == b'\'' || *c == b' ' => {
                (vec![c.to_ascii_lowercase() as char], 1)
            }
            _ => break,
        };
        rest = &rest[len..];
        match rest.as_bytes().first() {
            Some(b'*' | b'+' | b'{') => break,
            Some(b'?') => {
                rest = &rest[1..];
                out.push((chars, true));
            }
            _ => out.push((chars, false)),
        }
    }
    out
}

/// The characters a match may begin with from atom `i` on, each with the atom after it; None
/// when the known atoms may all be passed over.
fn firsts(atoms: &[(Vec<char>, bool)], i: usize) -> Option<Vec<(char, usize)>> {
    let mut out = Vec::new();
    for (j, (chars, optional)) in atoms.iter().enumerate().skip(i) {
        out.extend(chars.iter().map(|&c| (c, j + 1)));
        if !optional {
            return Some(out);
        }
    }
    None
}

/// What a match of the alternative may begin with: each first character, with the first
/// byte of a second one (the 25 spaces of `\s` begin with 10 bytes).
fn first_pairs(alternative: &str) -> Option<Vec<(char, u8)>> {
    let atoms = atoms(alternative);
    let mut out = Vec::new();
    for (a, next) in firsts(&atoms, 0)? {
        for (b, _) in firsts(&atoms, next)? {
            out.push((a, b.to_string().as_bytes()[0]));
        }
    }
    Some(out)
}

/// Whether a literal may start inside another's match where a `\b` before it could hold:
/// after a non-word byte of the other, or at a non-word byte of its own.
fn may_overlap(literals: &[Vec<u8>]) -> bool {
    literals.iter().any(|a| {
        (1..a.len()).any(|i| {
            literals.iter().any(|b| {
                let n = b.len().min(a.len() - i);
                a[i..i + n] == b[..n] && (!is_word(a[i - 1]) || !is_word(b[0]))
            })
        })
    })
}

static CODE_FINDER: LazyLock<Option<CodeFinder>> = LazyLock::new(|| {
    let alternatives = code_alternatives();
    // Inline flags other than `(?:` and `(?-u:` (`(?x)` spaces, `(?-i)`) would make the heads
    // unsafe to read: ANY_CODE is then searched as it is.
    let flags = alternatives
        .iter()
        .flat_map(|a| a.match_indices("(?"))
        .count();
    let plain = alternatives
        .iter()
        .map(|a| a.matches("(?:").count() + a.matches("(?-u:").count())
        .sum::<usize>();
    if flags != plain {
        return None;
    }
    let mut heads = Vec::new();
    let mut pairs: Vec<(char, [bool; 256])> = Vec::new();
    let mut others = Vec::new();
    for row in &alternatives {
        // `(?:a|b)`: the row's own alternatives.
        let inner = &row[3..row.len() - 1];
        for a in split_alternatives(inner) {
            let h = head(a);
            if h.len() >= 3 {
                heads.push(h.into_bytes());
            } else if let Some(found) = first_pairs(a) {
                for (first, second) in found {
                    let i = match pairs.iter().position(|(f, _)| *f == first) {
                        Some(i) => i,
                        None => {
                            pairs.push((first, [false; 256]));
                            pairs.len() - 1
                        }
                    };
                    pairs[i].1[second as usize] = true;
                }
            } else {
                others.push(format!("(?:{a})"));
            }
        }
    }
    heads.sort();
    heads.dedup();
    let body = alternatives.join("|");
    let literals: Vec<String> = heads
        .iter()
        .map(|h| h.iter().map(|b| format!("\\x{b:02X}")).collect())
        .collect();
    Some(CodeFinder {
        heads: regex::bytes::Regex::new(&format!("(?-u){}", literals.join("|"))).ok()?,
        disjoint: !may_overlap(&heads),
        pairs,
        others: (!others.is_empty()).then(|| re(&format!("(?i)(?-u:\\b)(?:{})", others.join("|")))),
        start: re(&format!("(?i)^(?-u:\\b)(?:{body})")),
        after: re(&format!("(?i)^(?s:.)(?-u:\\b)(?:{body})")),
    })
});

/// Calls `f` at each offset of `byte` in `hay`, in order, eight bytes at a time (a byte as
/// common as "c" makes memchr stop too often to pay).
fn each_byte(hay: &[u8], byte: u8, mut f: impl FnMut(usize)) {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let pattern = 0x0101_0101_0101_0101 * u64::from(byte);
    let mut words = hay.chunks_exact(8);
    let mut base = 0;
    for w in &mut words {
        let v = u64::from_le_bytes(w.try_into().unwrap()) ^ pattern;
        // The high bit of each zero byte of v, and of no other (no carry crosses bytes).
        let mut zeros = !(((v & LOW7) + LOW7) | v | LOW7);
        while zeros != 0 {
            f(base + zeros.trailing_zeros() as usize / 8);
            zeros &= zeros - 1;
        }
        base += 8;
    }
    for (j, &x) in words.remainder().iter().enumerate() {
        if x == byte {
            f(base + j);
        }
    }
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The start and end of every match of ANY_CODE in `text` (`lower` is `text` in ASCII
/// lowercase), in order: those of `ANY_CODE.find_iter(text)`.
pub(super) fn code_mentions(text: &str, lower: &str) -> Vec<(usize, usize)> {
    // Only k and s have non-ASCII case folds (the Kelvin sign, the long s): with one of them
    // in the text, a head could be written in a way its lowercase literal does not find.
    let finder = CODE_FINDER.as_ref().filter(|_| !crate::has_odd_folds(text));
    let Some(f) = finder else {
        return ANY_CODE
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
    };
    let b = text.as_bytes();
    let mut starts: Vec<usize> = Vec::new();
    let mut at = 0;
    while let Some(m) = f.heads.find_at(lower.as_bytes(), at) {
        // Before a word byte, the `\b` is no word byte before.
        let s = m.start();
        if (!is_word(b[s]) || s == 0 || !is_word(b[s - 1])) && text.is_char_boundary(s) {
            starts.push(s);
        }
        at = if f.disjoint { m.end() } else { s + 1 };
    }
    for (first, second) in &f.pairs {
        let word = first.is_ascii_alphanumeric() || *first == '_';
        let mut at = 0;
        let mut test = |s: usize| {
            let next = s + first.len_utf8();
            if lower
                .as_bytes()
                .get(next)
                .is_some_and(|&n| second[n as usize])
                && (!word || s == 0 || !is_word(b[s - 1]))
            {
                starts.push(s);
            }
        };
        if first.is_ascii() {
            each_byte(lower.as_bytes(), *first as u8, test);
        } else {
            while let Some(i) = lower[at..].find(*first) {
                test(at + i);
                at += i + first.len_utf8();
            }
        }
    }
    if let Some(others) = &f.others {
        // Every start of a match of the other alternatives (overlapping ones too).
        let mut at = 0;
        while let Some(m) = others.find_at(text, at) {
            starts.push(m.start());
            match text[m.start()..].chars().next() {
                Some(c) => at = m.start() + c.len_utf8(),
                None => break,
            }
        }
    }
    starts.sort_unstable();
    starts.dedup();
    let mut out = Vec::new();
    let mut pos = 0;
    for s in starts {
        if s < pos {
            continue;
        }
        let m = match text[..s].chars().next_back() {
            Some(prev) => {
                let from = s - prev.len_utf8();
                f.after.find(&text[from..]).map(|m| from + m.end())
            }
            None => f.start.find(text).map(|m| m.end()),
        };
        if let Some(end) = m {
            out.push((s, end));
            pos = end;
        }
    }
    out
}

static CODE_SET: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(CODES.iter().map(|c| c.pattern.as_str())).unwrap());

static NICKNAME_SET: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(LOI_NICKNAMES.iter().map(|n| n.pattern.as_str())).unwrap());

/// The code named at the start of `s` ("Code général des collectivités territoriales, …").
pub fn code_at(s: &str) -> Option<&'static Code> {
    // One anchored pass for all the rows (the set's lowest match is the first row that
    // matches), not one search per row.
    CODE_SET.matches(s).iter().next().map(|i| &CODES[i])
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
    NICKNAME_SET
        .matches(s)
        .iter()
        .next()
        .map(|i| &LOI_NICKNAMES[i])
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

    /// The mentions found from the heads are ANY_CODE's matches, on texts made to trip them
    /// (abbreviations with dots and spaces, overlapping heads, a head inside a word, the long s
    /// and the Kelvin sign that fold to s and k, spaces beyond ASCII).
    #[test]
    fn mentions_from_heads_are_any_codes_matches() {
        let f = CODE_FINDER.as_ref().expect("the table's heads are read");
        assert!(
            f.others.is_none(),
            "every alternative begins with a head or a pair"
        );
        let texts = [
            concat!(
                include_str!("../../fixtures/extrait_visas_short_forms.txt"),
                include_str!("../../fixtures/extrait_legal_refs.txt")
            ),
            "le C.G.C.T. et le c g c t, le CGCT ; c.\u{3000}g. c t ; xCGCT ; le cgct2",
            "Vu le Code de l'urbanisme ; LE CODE   GÉNÉRAL DES IMPÔTS ; codes ; recode du CCP",
            "cpceseda CPCE CESEDA ; cpce-ceseda ; L.P.F. LPF CG3P cgppp CGPPP_",
            "le caſf et le CAſF ; le code de la ſanté publique ; CASF",
            "le \u{212A}CP et le CSP ; c\u{85}g\u{85}c\u{85}t ; c\u{a0}g.c.t",
            "é code civil ; écode civil ; _code civil ; 3CSP ; (CSP) ; «CSP»",
            "c",
            "",
        ];
        for t in texts {
            let want: Vec<(usize, usize)> = ANY_CODE
                .find_iter(t)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(code_mentions(t, &t.to_ascii_lowercase()), want, "{t}");
            // Every cut too, mid-word and mid-character.
            for (i, _) in t.char_indices().step_by(7) {
                for part in [&t[i..], &t[..i]] {
                    let want: Vec<(usize, usize)> = ANY_CODE
                        .find_iter(part)
                        .map(|m| (m.start(), m.end()))
                        .collect();
                    assert_eq!(code_mentions(part, &part.to_ascii_lowercase()), want);
                }
            }
        }
    }

    #[test]
    fn the_sets_pick_the_first_row() {
        for t in [
            "Code général des collectivités territoriales",
            "CGCT",
            "code rural",
            "x",
        ] {
            assert_eq!(
                code_at(t).map(|c| &c.id),
                CODES.iter().find(|c| c.pattern.is_match(t)).map(|c| &c.id)
            );
        }
        for t in ["NOTRe", "la loi"] {
            assert_eq!(
                nickname_at(t).map(|n| &n.number),
                LOI_NICKNAMES
                    .iter()
                    .find(|n| n.pattern.is_match(t))
                    .map(|n| &n.number)
            );
        }
    }

    #[test]
    fn white_space_is_what_backslash_s_matches() {
        let s = Regex::new(r"^\s$").unwrap();
        let all: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| s.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(all, white_space());
    }

    #[test]
    fn code_names_with_a_wrong_accent() {
        assert_eq!(
            code_at("Code des Juridictions Financiéres").unwrap().id,
            "juridictions-financieres"
        );
    }
}
