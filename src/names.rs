//! People's names in member lists: civilities and roles taken off, grouped forms split.
//!
//! Names are kept as written ("DUPONT Claude", "Jean-Marc LEROY", "ML Santoni"); only
//! civility words (M., Mme, Monsieur…) and role words (Maire, adjoint…) are removed, the
//! role being kept apart.

use regex::Regex;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A name found in a list, with its role when the document gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRef {
    pub name: String,
    pub role: Option<String>,
    /// Byte range of the name within the parsed block.
    pub start: usize,
    pub end: usize,
}

// Civility words and titles before a name (`civility_end` matches it without the regex; kept
// as the reference the tests compare it with).
#[cfg(test)]
static CIVILITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:monsieur|madame|mademoiselle|messieurs|mesdames|mesdemoiselles|mme?s?\.?|mlles?\.?|mm\.|mr\.?|docteur|dr\.?|dr|maître|maitre|me\.|pr\.?|professeur)\s+|m\.\s*)").unwrap()
});

// Role phrases that follow a name or stand alone in a list.
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix)^(?:
        (?:(?:le|la)\s+|l')?(?:\d+(?:er|ère|re|e|ème|eme|°)?\s+|premier\s+|première\s+|deuxième\s+|troisième\s+|quatrième\s+|cinquième\s+|sixième\s+|septième\s+|huitième\s+)?
        (?:maire|adjoint|adjointe|maire-adjoint|maire-adjointe|maire\s+adjoint|maire\s+adjointe|d[ée]put[ée]e?(?:-maire)?|s[ée]nat(?:eur|rice)(?:-maire)?|
           conseill[eè]re?s?(?:\s+municipa(?:l|le|ux|les))?(?:\s+délégu[ée]e?s?)?(?:\s+communautaires?)?|
           président|présidente|vice-président|vice-présidente|vice\s+président|vice\s+présidente|
           délégu[ée]e?s?(?:\s+titulaires?|\s+suppléante?s?)?|suppléante?|titulaire|doyen(?:ne)?(?:\s+d'âge)?|
           secrétaire(?:\s+de\s+séance)?|rapporteur|rapporteure)
        (?:\W.*)?)$").unwrap()
});

// Words that show a fragment is prose, not a name.
// Word edges written as classes, not `\b`: exact beside accented letters ("Léa", "ESTÈVE"),
// and the lazy DFA can run it.
static PROSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:^|\W)(?:est|sont|ont|été|était|étaient|pour|par|avec|dans|sur|qui|que|conseil|séance|commune|délibération|vote|votes|voix|présents?|absents?|excusée?s?|pouvoirs?|procurations?|quorum|membres?|ouvre|nommée?|désignée?|secrétaire|arrivée?|départ|quitte|l'unanimité|article|l'article|point|compte|rendu)(?:$|\W)",
        r"|(?:^|\W)jusqu'\w",
        // "a" the verb, not "A." an initial.
        r"|(?:^|\W)(?-i:a)(?:$|[^\w.])"
    ))
    .unwrap()
});

fn is_civility_word(w: &str) -> bool {
    strip_civility(&format!("{w} X")).trim() == "X"
}

/// Removes civility words from the start of a name.
pub fn strip_civility(s: &str) -> &str {
    let mut s = s.trim();
    let mut spelled = false;
    loop {
        // "Monsieur M. LEBRUN": after a civility written in full, "M." is an initial.
        if spelled && (s.starts_with("M.") || s.starts_with("M ")) {
            return s;
        }
        // "M.L. SANTONI", "M.C. RUIZ": initials, not "Monsieur".
        let b = s.as_bytes();
        if b.len() >= 4 && b[0] == b'M' && b[1] == b'.' && b[2].is_ascii_uppercase() && b[3] == b'.'
        {
            return s;
        }
        // "M CARO": the civility without its full stop, before a capital.
        if let Some(rest) = s.strip_prefix("M ") {
            if rest.trim_start().starts_with(|c: char| c.is_uppercase()) {
                s = rest.trim_start();
                continue;
            }
        }
        match civility_end(s) {
            Some(end) if end < s.len() => {
                spelled = s.len() >= 6
                    && ["monsieur", "madame", "mademoiselle"]
                        .iter()
                        .any(|w| s.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w)));
                s = s[end..].trim_start()
            }
            _ => return s,
        }
    }
}

/// Where a match of `CIVILITY` in `s` ends, found without the regex (a search costs more than
/// the name it looks at). The pattern's words hold no whitespace and are followed by `\s+`,
/// so its first branch matches when the text up to the first whitespace is one of them, and
/// then takes the whole whitespace run; else `m\.\s*`. (`\s` is White_Space, as
/// `char::is_whitespace`; `fold` is `(?i)` on the words' letters: tests compare both with the
/// regex.)
fn civility_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    // Every civility opens with m, d or p, whose only case variants are M, D, P.
    if !matches!(b.first(), Some(b'm' | b'M' | b'd' | b'D' | b'p' | b'P')) {
        return None;
    }
    if let Some(tok_end) = find_ws(s) {
        let tok = &s[..tok_end];
        let mut buf = [0u8; 16];
        let hit = match ascii_lower(tok, &mut buf) {
            Some(w) => matches!(
                w,
                b"monsieur"
                    | b"madame"
                    | b"mademoiselle"
                    | b"messieurs"
                    | b"mesdames"
                    | b"mesdemoiselles"
                    | b"mm"
                    | b"mme"
                    | b"mms"
                    | b"mmes"
                    | b"mm."
                    | b"mme."
                    | b"mms."
                    | b"mmes."
                    | b"mlle"
                    | b"mlles"
                    | b"mlle."
                    | b"mlles."
                    | b"mr"
                    | b"mr."
                    | b"docteur"
                    | b"dr"
                    | b"dr."
                    | b"maitre"
                    | b"me."
                    | b"pr"
                    | b"pr."
                    | b"professeur"
            ),
            // Not ASCII ("Maître", "Meſſieurs"), or too long for ASCII words.
            None => {
                !tok.is_ascii()
                    && [
                        "maître",
                        "monsieur",
                        "mademoiselle",
                        "messieurs",
                        "mesdames",
                        "mesdemoiselles",
                        "mms",
                        "mmes",
                        "mms.",
                        "mmes.",
                        "mlles",
                        "mlles.",
                        "professeur",
                    ]
                    .iter()
                    .any(|w| folds_to(tok, w))
            }
        };
        if hit {
            return Some(tok_end + ws_len(&s[tok_end..]));
        }
    }
    if matches!(b[0], b'm' | b'M') && b.get(1) == Some(&b'.') {
        return Some(2 + ws_len(&s[2..]));
    }
    None
}

/// Length of the whitespace run that opens `s`.
fn ws_len(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// `s.find(char::is_whitespace)`, on bytes: White_Space outside ASCII is U+0085, U+00A0,
/// U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F and U+3000, whose first bytes are
/// C2, E1, E2, E3.
fn find_ws(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    b.iter().enumerate().position(|(i, &c)| match c {
        b' ' | b'\t'..=b'\r' => true,
        0xC2 | 0xE1 | 0xE2 | 0xE3 => s[i..].chars().next().is_some_and(char::is_whitespace),
        _ => false,
    })
}

/// Length of the whitespace that opens `s` (see `find_ws`).
fn ws_prefix_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t'..=b'\r' => i += 1,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => match s[i..].chars().next() {
                Some(c) if c.is_whitespace() => i += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    i
}

/// `s.split_whitespace()`, on bytes (see `find_ws`).
fn words(s: &str) -> impl Iterator<Item = &str> + Clone {
    let mut rest = s;
    std::iter::from_fn(move || {
        rest = &rest[ws_prefix_len(rest)..];
        if rest.is_empty() {
            return None;
        }
        let (w, r) = rest.split_at(find_ws(rest).unwrap_or(rest.len()));
        rest = r;
        Some(w)
    })
}

/// `s` in ASCII lower case, when it is ASCII and fits in `buf`.
fn ascii_lower<'b>(s: &str, buf: &'b mut [u8; 16]) -> Option<&'b [u8]> {
    let b = s.as_bytes();
    if b.len() > buf.len() || !b.is_ascii() {
        return None;
    }
    for (d, c) in buf.iter_mut().zip(b) {
        *d = c.to_ascii_lowercase();
    }
    Some(&buf[..b.len()])
}

/// `(?i)` of the regex crate on the letters the patterns here are written with (ASCII letters,
/// é, è, â, î): a character matches one of them when its fold is that letter. The regex crate
/// also takes ſ for s and the Kelvin sign for k; no other character folds to these letters
/// (a test checks every character). Latin-1 capitals are lowered too (each matches its small
/// letter).
pub(crate) fn fold(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'ſ' => 's',
        '\u{212A}' => 'k',
        _ => c,
    }
}

/// True when `s` matches the lowercase `word` under `(?i)` (see `fold`). A fold is never longer
/// than its character, and at most three times shorter.
fn folds_to(s: &str, word: &str) -> bool {
    s.len() >= word.len() && s.len() <= 3 * word.len() && s.chars().map(fold).eq(word.chars())
}

/// False when `TRAILING_ROLE` (in `split_role`) cannot match `s`: the text's last word, after
/// whitespace, is the last word of the role.
fn trailing_role_may_match(s: &str) -> bool {
    let Some(ws) = s.rfind(char::is_whitespace) else {
        return false;
    };
    let last = &s[ws..];
    let last = &last[last.chars().next().map_or(0, char::len_utf8)..];
    // The role's last word ends with one of these letters.
    if !last
        .as_bytes()
        .last()
        .is_some_and(|&c| !c.is_ascii() || b"etrl".contains(&(c | 0x20)))
    {
        return false;
    }
    [
        "maire",
        "adjoint",
        "adjointe",
        "maire-adjoint",
        "maire-adjointe",
        "conseiller",
        "conseillere",
        "conseillèr",
        "conseillère",
        "municipal",
        "municipale",
        "délégue",
        "délégué",
        "déléguee",
        "déléguée",
        "président",
        "présidente",
        "vice-président",
        "vice-présidente",
    ]
    .iter()
    .any(|w| folds_to(last, w))
}

/// True when the fragment is a role on its own ("Maire", "2ème adjointe").
pub fn is_role(s: &str) -> bool {
    let s = s.trim().trim_end_matches(['.', ',', ';', ':']);
    ROLE.is_match(s)
}

/// Splits a name from a trailing role: "Claude DUPONT, Maire" or "Claude DUPONT (adjoint)" or
/// "le Maire, Claude DUPONT".
pub fn split_role(s: &str) -> (String, Option<String>) {
    let (name, role) = split_role_str(s);
    (name.to_string(), role.map(str::to_string))
}

/// [`split_role`] on borrowed parts.
fn split_role_str(s: &str) -> (&str, Option<&str>) {
    let s = s.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    if let Some(open) = s.find(['(', '[']) {
        let inner = s[open + 1..].trim_end_matches([')', ']']).trim();
        if is_role(inner) {
            return (s[..open].trim(), Some(inner));
        }
        // "(remplace X)", "(pouvoir à Y)" and other remarks are not part of the name.
        return (s[..open].trim(), None);
    }
    for (i, _) in s.match_indices(',') {
        let (a, b) = (s[..i].trim(), s[i + 1..].trim());
        if is_role(b) {
            return (a, Some(b));
        }
        if is_role(a) {
            return (b, Some(a));
        }
    }
    // "DUPONT Claude Maire", "Claude DUPONT maire-adjoint": a role word at the end.
    static TRAILING_ROLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s+((?:\d+(?:er|ère|e|ème)\s+)?(?:maire|adjointe?|maire-adjointe?|conseill[eè]re?(?:\s+municipale?)?(?:\s+délégu[ée]e?)?|président|présidente|vice-présidente?))$").unwrap()
    });
    if !trailing_role_may_match(s) {
        return (s, None);
    }
    if let Some(c) = TRAILING_ROLE.captures(s) {
        let m = c.get(0).unwrap();
        if m.start() > 0 {
            return (s[..m.start()].trim(), Some(c.get(1).unwrap().as_str()));
        }
    }
    (s, None)
}

/// Cleans one name: civility off, role apart, stray punctuation trimmed. None when the
/// fragment is not a plausible name.
pub fn clean_name(raw: &str) -> Option<(String, Option<String>)> {
    // The readers clean the same fragments several times (a list line is tested, then read;
    // the same names head every document of a council): results are kept per thread. The
    // function is pure, so a kept result is the one it would give.
    if raw.len() > 120 {
        return clean_name_uncached(raw);
    }
    if let Some(hit) = CACHE.with(|c| c.borrow().get(raw).cloned()) {
        return hit;
    }
    let out = clean_name_uncached(raw);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= 4096 {
            c.clear();
        }
        c.insert(raw.into(), out.clone());
    });
    out
}

type Cleaned = Option<(String, Option<String>)>;
// (std's hasher: a hash costs little beside the 400-800 ns of cleaning a name.)
type Cache = HashMap<Box<str>, Cleaned>;
thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// Empties this thread's cache of cleaned names (for benchmarks that must not reuse it).
#[doc(hidden)]
pub fn clear_cache() {
    CACHE.with(|c| c.borrow_mut().clear());
}

fn clean_name_uncached(raw: &str) -> Option<(String, Option<String>)> {
    let joined = if single_spaced(raw) {
        std::borrow::Cow::Borrowed(raw)
    } else {
        std::borrow::Cow::Owned(raw.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    let raw = joined
        .trim()
        .trim_start_matches(['-', '–', '—', '•', '*', ':', '.', ' '])
        .trim();
    let stripped = strip_civility(raw);
    let (name, role) = split_role_str(stripped);
    // (A civility after a role: "Maire, M. X"; not the initial after one: "Monsieur M. X".)
    let name = if stripped.len() == raw.len() || role.is_some() {
        strip_civility(name)
    } else {
        name
    };
    let name = name
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')')
        .trim_end_matches('.')
        .trim();
    if name.is_empty() || !is_plausible_name(name) {
        return None;
    }
    Some((name.to_string(), role.map(str::to_string)))
}

/// True when `s` is its words joined by single spaces (as `split_whitespace` and `join(" ")`
/// would make it).
fn single_spaced(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_ascii() {
        // (`is_ascii_whitespace` leaves out \x0b, which White_Space has.)
        let ws = |c: &u8| c.is_ascii_whitespace() || *c == 0x0b;
        return !b.first().is_some_and(ws)
            && !b.last().is_some_and(ws)
            && !b.iter().any(|c| *c != b' ' && ws(c))
            && !b.windows(2).any(|w| w == b"  ");
    }
    let mut prev_ws = true;
    for c in s.chars() {
        let ws = c.is_whitespace();
        if ws && (prev_ws || c != ' ') {
            return false;
        }
        prev_ws = ws;
    }
    !prev_ws || s.is_empty()
}

/// A name has one to six words, a capital letter, few digits, and no prose.
pub fn is_plausible_name(s: &str) -> bool {
    if s.len() > 60 {
        return false;
    }
    let n = words(s).take(7).count();
    if n == 0 || n > 6 {
        return false;
    }
    if !s.chars().any(|c| c.is_uppercase()) || s.bytes().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if PROSE.is_match(s) || is_role(s) {
        return false;
    }
    // Every word but particles starts with a capital (names are capitalized; prose is not).
    let particles = [
        "de", "du", "des", "d'", "le", "la", "van", "von", "der", "di", "da", "dit", "dite", "ep.",
        "épouse", "née", "né", "et",
    ];
    let lower_words = words(s)
        .filter(|w| {
            let first = w.chars().next().unwrap_or('A');
            first.is_lowercase()
                && !w.starts_with("d'")
                && !particles.contains(&w.to_lowercase().as_str())
        })
        .count();
    lower_words == 0
}

fn civility_opens(s: &str) -> bool {
    ["Monsieur ", "Madame ", "Mme ", "M. ", "Mademoiselle "]
        .iter()
        .any(|c| s.starts_with(c))
}

/// The piece holds at least two words and ends with a surname in capitals.
fn ends_with_surname(piece: &str) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let last = words.last().copied().unwrap_or("");
    words.len() >= 2
        && last.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && last
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
}

/// Splits a block holding a list of names into names. Commas, semicolons, " et ", dashes
/// between spaces and line breaks separate names; when the block uses commas, a line break
/// is taken for a wrap inside a name ("Samia" / "BENALI").
pub fn split_names(block: &str) -> Vec<NameRef> {
    let separated = block.contains([',', ';'])
        || block.contains(" - ")
        || block.contains(" – ")
        || block.contains(" / ");
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let bytes = block.as_bytes();
    let mut i = 0;
    let mut depth = 0i32;
    while i < block.len() {
        let c = bytes[i];
        let sep_len = match c {
            b'(' | b'[' => {
                depth += 1;
                0
            }
            b')' | b']' => {
                depth -= 1;
                0
            }
            _ if depth > 0 => 0,
            b',' | b';' => 1,
            b'\n' if !separated && !name_wraps(&block[start..i], &block[i + 1..]) => 1,
            b'\n' if separated && line_ends_name(&block[start..i], &block[i + 1..]) => 1,
            b' ' if block[i..].starts_with(" et ") || block[i..].starts_with(" et\n") => 4,
            b'\n' if block[i..].starts_with("\net ") => 4,
            b' ' if block[i..].starts_with(" / ") => 3,
            b' ' if block[i..].starts_with(" - ") => 3,
            b' ' if block[i..].starts_with(" – ") => " – ".len(),
            // "Monsieur Romain RIBEIRO Monsieur Philippe TOLEDANO": a comma forgotten before a
            // civility that opens the next name, after a surname in capitals.
            b' ' if civility_opens(&block[i + 1..]) && ends_with_surname(&block[start..i]) => 1,
            _ => 0,
        };
        if sep_len > 0 {
            pieces.push((start, i));
            i += sep_len;
            start = i;
        } else {
            i += 1;
            while i < block.len() && !block.is_char_boundary(i) {
                i += 1;
            }
        }
    }
    pieces.push((start, block.len()));
    let mut out: Vec<NameRef> = Vec::new();
    // "JF Paoli J. Paoli": a comma forgotten before an initial that opens a new name.
    static INITIAL_AFTER_NAME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\p{Ll}{2,}(\s+)\p{Lu}{1,2}\.\s*\p{Lu}").unwrap());
    let mut split_pieces = Vec::new();
    for (s, e) in pieces {
        let mut s = s;
        // (The pattern holds a full stop.)
        while let Some(c) = block[s..e]
            .contains('.')
            .then(|| INITIAL_AFTER_NAME.captures(&block[s..e]))
            .flatten()
        {
            let gap = c.get(1).unwrap();
            let before = block[s..s + gap.start()].trim();
            if is_civility_word(before) {
                break;
            }
            split_pieces.push((s, s + gap.start()));
            s += gap.end();
        }
        split_pieces.push((s, e));
    }
    let pieces = split_pieces;
    for (s, e) in pieces {
        let raw = &block[s..e];
        let piece = raw.replace('\n', " ");
        let trimmed = piece.trim();
        // "MM et Mmes Ph. DUBOURG, …": civilities of the group, not a name.
        if trimmed.is_empty() || trimmed.split_whitespace().all(is_civility_word) {
            continue;
        }
        // A role alone belongs to the name before it: "Claude DUPONT, Maire".
        if is_role(strip_civility(trimmed)) {
            if let Some(last) = out.last_mut() {
                if last.role.is_none() {
                    last.role = Some(
                        strip_civility(trimmed)
                            .trim_end_matches(['.', ','])
                            .to_string(),
                    );
                }
            }
            continue;
        }
        if let Some((name, role)) = clean_name(trimmed) {
            let lead = raw.len() - raw.trim_start().len();
            out.push(NameRef {
                name,
                role,
                start: s + lead,
                end: e,
            });
        }
    }
    out
}

/// In a list with separators, a line break ends a name when the line is complete, or what
/// follows the last separator is a role ("M. X, Maire"), or the next line opens with a
/// civility or a bullet; otherwise it is a wrap inside a name ("Samia" / "BENALI").
fn line_ends_name(seg: &str, next: &str) -> bool {
    let last = seg.rsplit([',', ';']).next().unwrap_or(seg);
    let next = next.trim();
    line_is_complete(seg)
        || seg.trim_end().ends_with(" -")
        || seg.trim_end().ends_with(" –")
        || (seg.contains([',', ';']) && is_role(strip_civility(last)))
        || next.starts_with(['-', '•', '–'])
        || strip_civility(next).len() < next.len()
}

/// In a list of one name a line, a name wrapped over two lines: "Mme Hélène" / "GRANDJEAN",
/// "Mme Marie" / "Alice VERNET" (a civility and a first name, then the rest).
fn name_wraps(seg: &str, next: &str) -> bool {
    let cur = seg.trim();
    let next = next.lines().next().unwrap_or("").trim();
    if cur.is_empty() || next.is_empty() || strip_civility(next).len() < next.len() {
        return false;
    }
    let caps = |w: &str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    };
    let rest = strip_civility(cur);
    let has_surname = rest.split_whitespace().any(caps);
    let civility_and_one_word = rest.len() < cur.len() && rest.split_whitespace().count() == 1;
    !has_surname && (next.split_whitespace().next().is_some_and(caps) || civility_and_one_word)
}

/// A line that ends a name by itself: it ends with a full stop that is not an initial's.
fn line_is_complete(seg: &str) -> bool {
    ends_sentence(seg)
}

/// True when `s` ends with a full stop that closes a word, not an initial ("F.", "J.-P.")
/// nor "Mme.".
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end();
    let last_word: String = t
        .trim_end_matches('.')
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    // "F." or "JF." at a line end is an initial whose surname follows on the next line.
    t.ends_with('.') && last_word.chars().count() > 2 && !t.ends_with("Mme.")
}

/// Joins a name's tokens for comparisons: accents off, upper case, civility off.
pub fn name_key(name: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let name = strip_civility(name);
    // ASCII and the accented Latin-1 letters (one base letter and a mark in NFD) need no
    // decomposition.
    let fast: Option<String> = name.chars().map(latin_base).collect();
    let s: String = if let Some(s) = fast {
        s
    } else {
        name.nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect::<String>()
            .to_uppercase()
    };
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| t.len() >= 2)
        .map(str::to_string)
        .collect()
}

/// A character's NFD without marks, upper-cased, for ASCII and the Latin-1 letters that
/// decompose into an ASCII letter and marks; None for others.
fn latin_base(c: char) -> Option<char> {
    Some(match c {
        'À'..='Å' | 'à'..='å' => 'A',
        'Ç' | 'ç' => 'C',
        'È'..='Ë' | 'è'..='ë' => 'E',
        'Ì'..='Ï' | 'ì'..='ï' => 'I',
        'Ñ' | 'ñ' => 'N',
        'Ò'..='Ö' | 'ò'..='ö' => 'O',
        'Ù'..='Ü' | 'ù'..='ü' => 'U',
        'Ý' | 'ý' | 'ÿ' => 'Y',
        _ if c.is_ascii() => c.to_ascii_uppercase(),
        _ => return None,
    })
}

/// True when two written names can be the same person: the tokens of one are among the
/// other's ("M. VASSEUR" and "Henri VASSEUR").
pub fn same_person(a: &str, b: &str) -> bool {
    same_keys(&name_key(a), &name_key(b))
}

/// [`same_person`] on keys made once, for names compared many times.
pub fn same_keys(ka: &[String], kb: &[String]) -> bool {
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    ka.iter().all(|t| kb.contains(t)) || kb.iter().all(|t| ka.contains(t))
}

/// Names seen so far, to ask whether a new one may be the same person as one of them
/// ([`same_keys`]) without comparing it with all: a match shares a token with it, so only the
/// names filed under its tokens are compared.
#[derive(Default)]
pub struct NameIndex {
    keys: Vec<Vec<String>>,
    by_token: std::collections::HashMap<String, Vec<usize>>,
}

impl NameIndex {
    /// A council has at most 163 members: past this many names filed under one token, the
    /// text is not a list of members, and comparing further would only cost time.
    const MAX_COMPARED: usize = 256;

    pub fn insert(&mut self, key: Vec<String>) {
        let id = self.keys.len();
        for t in &key {
            self.by_token.entry(t.clone()).or_default().push(id);
        }
        self.keys.push(key);
    }

    pub fn matches(&self, key: &[String]) -> bool {
        key.iter().any(|t| {
            self.by_token.get(t).is_some_and(|ids| {
                ids.iter()
                    .take(Self::MAX_COMPARED)
                    .any(|&i| same_keys(&self.keys[i], key))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(block: &str) -> Vec<String> {
        split_names(block).into_iter().map(|n| n.name).collect()
    }

    #[test]
    fn civility_and_roles() {
        assert_eq!(strip_civility("Monsieur Claude DUPONT"), "Claude DUPONT");
        assert_eq!(strip_civility("Mme. Anne MARTIN"), "Anne MARTIN");
        assert_eq!(strip_civility("M.L. SANTONI"), "M.L. SANTONI");
        assert_eq!(
            split_role("Claude DUPONT, Maire"),
            ("Claude DUPONT".into(), Some("Maire".into()))
        );
        assert_eq!(
            split_role("DUPONT Claude (2ème adjoint)"),
            ("DUPONT Claude".into(), Some("2ème adjoint".into()))
        );
        assert_eq!(split_role("le Maire, Antoine Morel").0, "Antoine Morel");
        assert!(!is_role("LEMAIRE Paul"));
        assert!(is_role("le Maire"));
    }

    #[test]
    fn comma_list_with_wraps() {
        assert_eq!(
            names("Gilles ARNAUD, Samia\nBENALI, Cédric DE\nSAINT ROMAN, Karim HADDAD."),
            [
                "Gilles ARNAUD",
                "Samia BENALI",
                "Cédric DE SAINT ROMAN",
                "Karim HADDAD"
            ]
        );
    }

    #[test]
    fn one_per_line_with_roles_and_dashes() {
        assert_eq!(
            names(
                "M. Hubert LANGLOIS, Maire\nMme Sylvie PASCAL, 1re adjointe\nM. Fabrice DUMESNIL"
            ),
            ["Hubert LANGLOIS", "Sylvie PASCAL", "Fabrice DUMESNIL"]
        );
        assert_eq!(
            names("Mme Isabelle COLLIN - M. Jean-Luc\nTHOMASSIN - Mme Odile BARBEY"),
            ["Isabelle COLLIN", "Jean-Luc THOMASSIN", "Odile BARBEY"]
        );
    }

    #[test]
    fn a_forgotten_comma_before_a_civility() {
        assert_eq!(
            names("Monsieur Paul GRAS, Monsieur Romain RIBEIRO Monsieur Philippe TOLEDANO"),
            ["Paul GRAS", "Romain RIBEIRO", "Philippe TOLEDANO"]
        );
        // A first name after "M." is not a new name.
        assert_eq!(names("M. Jean Marc DUPONT"), ["Jean Marc DUPONT"]);
    }

    #[test]
    fn names_wrapped_one_a_line() {
        assert_eq!(
            names("Mme Hélène\nGRANDJEAN\nMme Marie\nAlice VERNET\nM. Joël PONS"),
            ["Hélène GRANDJEAN", "Marie Alice VERNET", "Joël PONS"]
        );
    }

    #[test]
    fn grouped_forms() {
        assert_eq!(names("MM. PINTA et LESAULNIER"), ["PINTA", "LESAULNIER"]);
        assert_eq!(
            names("Mmes Anne LEROY et Julie BRUN"),
            ["Anne LEROY", "Julie BRUN"]
        );
        assert_eq!(
            names("Madame X. DURAND - Monsieur Y. PETIT"),
            ["X. DURAND", "Y. PETIT"]
        );
    }

    #[test]
    fn one_per_line_and_roles_alone() {
        assert_eq!(
            names("Madame Isabelle MARTIN\nMonsieur Antonio SILVA"),
            ["Isabelle MARTIN", "Antonio SILVA"]
        );
        let refs = split_names("Monsieur Claude DUPONT, Maire, Mme Anne LEROY");
        assert_eq!(refs[0].role.as_deref(), Some("Maire"));
        assert_eq!(refs.len(), 2);
    }

    #[test]
    fn prose_is_not_a_name() {
        assert!(clean_name("Le quorum est atteint").is_none());
        assert!(clean_name("Madame le Maire ouvre la séance").is_none());
        assert!(clean_name("ML Santoni").is_some());
    }

    /// Strings made of the words the patterns look for, in several cases, names, and the
    /// characters where a hand-written test could part from a regex.
    fn samples(n: usize) -> Vec<String> {
        const PARTS: &[&str] = &[
            "M.",
            "m.",
            "M",
            "Mme",
            "MME",
            "Mmes.",
            "mm.",
            "MM.",
            "Mlle",
            "Mlles.",
            "Monsieur",
            "MONSIEUR",
            "madame",
            "Mademoiselle",
            "Messieurs",
            "MeSdames",
            "Mesdemoiselles",
            "Mr",
            "Mr.",
            "Docteur",
            "Dr",
            "dr.",
            "Maître",
            "MAÎTRE",
            "Maitre",
            "Me.",
            "Me",
            "Pr",
            "Pr.",
            "Professeur",
            "Meſſieurs",
            "le",
            "La",
            "l'",
            "L'",
            "1er",
            "2ème",
            "3e",
            "4°",
            "premier",
            "Deuxième",
            "huitième",
            "٣",
            "maire",
            "MAIRE",
            "adjoint",
            "Adjointe",
            "maire-adjoint",
            "conseiller",
            "Conseillère",
            "conseillèr",
            "municipal",
            "municipale",
            "délégué",
            "DÉLÉGUÉE",
            "déléguee",
            "président",
            "Présidente",
            "vice-président",
            "Vice",
            "suppléant",
            "titulaire",
            "doyen",
            "d'âge",
            "secrétaire",
            "de",
            "séance",
            "rapporteur",
            "est",
            "EST",
            "a",
            "À",
            "ont",
            "été",
            "ÉTAIT",
            "pour",
            "conseil",
            "délibération",
            "voix",
            "présents",
            "absent",
            "excusée",
            "Excusées",
            "quorum",
            "membres",
            "nommée",
            "arrivée",
            "départ",
            "l'unanimité",
            "L'UNANIMITÉ",
            "l'article",
            "jusqu'au",
            "jusqu'",
            "unanimité",
            "Claude",
            "DUPONT",
            "Hélène",
            "ESTÈVE",
            "Léa",
            "Jean-Marc",
            "ML",
            "J.",
            "M.L.",
            "Œuvre",
            "Ærø",
            "Ŝo",
            "µ",
            "K",
            "ſ",
            "x_y",
            "(",
            ")",
            ",",
            ";",
            ":",
            ".",
            "-",
            "'",
            "\n",
            "é",
            "É",
            "e\u{301}",
            "\u{2019}",
            "×",
            "÷",
            "ß",
            "Ÿ",
            "ÿ",
            "Ç",
            "ñ",
            "Øyvind",
            "DÉSIGNÉ",
            "Séance",
            "\u{b}",
            "\u{c}",
            "\u{85}",
            "\u{3000}",
            "_",
            "Unanimité",
            "xl'unanimité",
            "jusqu'à",
            "JUSQU'À",
            "Secr",
            "Ordre",
        ];
        const SPACES: &[&str] = &[
            " ", " ", " ", "", "  ", "\t", "\n", "\u{a0}", "\u{2009}", "\u{b}", "\r",
        ];
        let mut next = crate::test_draws(0x9e3779b97f4a7c15);
        (0..n)
            .map(|_| {
                let mut t = String::new();
                if next(8) == 0 {
                    t.push_str(SPACES[next(SPACES.len())]);
                }
                for _ in 0..1 + next(5) {
                    t.push_str(PARTS[next(PARTS.len())]);
                    t.push_str(SPACES[next(SPACES.len())]);
                }
                if next(3) == 0 {
                    t = t.trim_end().to_string();
                }
                t
            })
            .collect()
    }

    #[test]
    fn fold_is_the_regex_case_insensitivity() {
        let letters = "abcdefghijklmnopqrstuvwxyzéèâî";
        let any = Regex::new(&format!("(?i)^[{letters}]$")).unwrap();
        let one: Vec<(char, Regex)> = letters
            .chars()
            .map(|l| (l, Regex::new(&format!("(?i)^{l}$")).unwrap()))
            .collect();
        let space = Regex::new(r"^\s$").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let cs: &str = c.encode_utf8(&mut buf);
            assert_eq!(space.is_match(cs), c.is_whitespace(), "{c:?}");
            if !any.is_match(cs) {
                assert!(!letters.contains(fold(c)), "{c:?}");
                continue;
            }
            for (l, r) in &one {
                assert_eq!(r.is_match(cs), fold(c) == *l, "{c:?} {l:?}");
            }
        }
    }

    #[test]
    fn latin_letters_and_whitespace_one_by_one() {
        use unicode_normalization::UnicodeNormalization;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(find_ws(&s), c.is_whitespace().then_some(0), "{c:?}");
            assert_eq!(
                find_ws(&format!("ab{c}")),
                c.is_whitespace().then_some(2),
                "{c:?}"
            );
            if let Some(b) = latin_base(c) {
                let want: String = s
                    .nfd()
                    .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                    .collect::<String>()
                    .to_uppercase();
                assert_eq!(want, b.to_string(), "{c:?}");
            }
        }
    }

    #[test]
    fn hand_written_tests_are_the_patterns() {
        let trailing = Regex::new(r"(?i)\s+((?:\d+(?:er|ère|e|ème)\s+)?(?:maire|adjointe?|maire-adjointe?|conseill[eè]re?(?:\s+municipale?)?(?:\s+délégu[ée]e?)?|président|présidente|vice-présidente?))$").unwrap();
        let old_key = |name: &str| -> Vec<String> {
            use unicode_normalization::UnicodeNormalization;
            let s: String = strip_civility(name)
                .nfd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .collect::<String>()
                .to_uppercase();
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|t| t.len() >= 2)
                .map(str::to_string)
                .collect()
        };
        let mut hits = [0usize; 4];
        for t in samples(300_000) {
            let t = t.as_str();
            let want = CIVILITY.find(t).map(|m| m.end());
            assert_eq!(civility_end(t), want, "{t:?}");
            let role = ROLE.is_match(t);
            assert!(trailing_role_may_match(t) || !trailing.is_match(t), "{t:?}");
            assert_eq!(
                single_spaced(t),
                t.split_whitespace().collect::<Vec<_>>().join(" ") == t,
                "{t:?}"
            );
            assert_eq!(name_key(t), old_key(t), "{t:?}");
            assert_eq!(find_ws(t), t.find(char::is_whitespace), "{t:?}");
            assert!(words(t).eq(t.split_whitespace()), "{t:?}");
            hits[0] += want.is_some() as usize;
            hits[1] += role as usize;
            hits[2] += trailing.is_match(t) as usize;
            hits[3] += PROSE.is_match(t) as usize;
        }
        // The samples reach every branch.
        assert!(hits.iter().all(|&h| h > 1000), "{hits:?}");
    }

    #[test]
    fn same_person_by_tokens() {
        assert!(same_person("M. VASSEUR", "Henri VASSEUR"));
        assert!(!same_person("Henri VASSEUR", "Michel DUPONT"));
    }
}
