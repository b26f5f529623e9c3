//! Words of the layout reader: runs of non-whitespace with their punctuation apart, their keys
//! and their case, and the tests the reader makes on them.

use super::lexicon::{stem_len, LEXICON};

/// How a word is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Two letters or more, all capitals ("DUPONT", "BUDGET").
    Upper,
    /// A capital first ("Dupont", "Le", "J").
    Cap,
    Lower,
    /// Digits, no letter.
    Digit,
    /// Neither letter nor digit.
    Other,
}

/// A word: a run of non-whitespace of the normalized text.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub raw: &'a str,
    /// The lengths of the opening punctuation (brackets, quotes) and of the closing one
    /// (, ; : . ) ! ? and closing quotes) around the word's core.
    lead_len: u8,
    trail_len: u8,
    /// The core folded (case, accents off): the core itself when it needs no folding, else a
    /// slice of the document's keys (`Keys`).
    key: &'a str,
    /// How many bytes `key` loses as a label's key (see `lexicon::stem`: a final s and up to
    /// two final e, all ASCII).
    stem_cut: u8,
    pub case: Case,
    /// The label that starts at this word, found once for all (see `layout::label_at`).
    pub label: Option<super::LabelAt>,
}

impl<'a> Tok<'a> {
    /// Opening punctuation: brackets, quotes.
    pub fn lead(&self) -> &'a str {
        &self.raw[..self.lead_len as usize]
    }

    /// The word without its punctuation.
    pub fn core(&self) -> &'a str {
        &self.raw[self.lead_len as usize..self.raw.len() - self.trail_len as usize]
    }

    pub fn trail_is_empty(&self) -> bool {
        self.trail_len == 0
    }

    /// Closing punctuation.
    pub fn trail(&self) -> &'a str {
        &self.raw[self.raw.len() - self.trail_len as usize..]
    }

    /// The word folded.
    pub fn key(&self) -> &'a str {
        self.key
    }

    /// The word as a label's key: its key without a final s and up to two final e.
    pub fn stem(&self) -> &'a str {
        &self.key[..self.key.len() - self.stem_cut as usize]
    }

    pub fn case_first_upper(&self) -> bool {
        let c = self.core();
        match c.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            Some(_) => c.chars().next().is_some_and(char::is_uppercase),
            None => false,
        }
    }

    /// A count as documents write them: one to three digits ("16", "07").
    pub fn is_count(&self) -> bool {
        let c = self.core();
        !c.is_empty() && c.len() <= 3 && c.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Where a word's core starts and ends in it (its punctuation apart; at most 255 bytes each).
fn bounds(raw: &str) -> (usize, usize) {
    let b = raw.as_bytes();
    // Opening: ( [ « " ' { ; closing: , ; : . ) ] ! ? » " } … (« and » are C2 AB and C2 BB,
    // … is E2 80 A6).
    let mut cs = 0;
    while cs < b.len() {
        match b[cs] {
            b'(' | b'[' | b'"' | b'\'' | b'{' => cs += 1,
            0xC2 if b.get(cs + 1) == Some(&0xAB) => cs += 2,
            _ => break,
        }
    }
    let mut ce = b.len();
    while ce > cs {
        match b[ce - 1] {
            b',' | b';' | b':' | b'.' | b')' | b']' | b'!' | b'?' | b'"' | b'}' => ce -= 1,
            0xBB if ce >= cs + 2 && b[ce - 2] == 0xC2 => ce -= 2,
            0xA6 if ce >= cs + 3 && b[ce - 3] == 0xE2 && b[ce - 2] == 0x80 => ce -= 3,
            _ => break,
        }
    }
    // "(e)s", "(s)": a written mark of gender or number, not a closing bracket.
    if b.get(ce) == Some(&b')') {
        let body = &raw[cs..ce];
        if body.rfind('(').is_some_and(|p| body.len() - p <= 4) {
            ce += 1;
            while ce < b.len() && b[ce].is_ascii_alphabetic() {
                ce += 1;
            }
        }
    }
    if cs > 255 {
        cs = 0;
    }
    if b.len() - ce > 255 {
        ce = b.len();
    }
    (cs, ce)
}

/// A word that needs no folding: ASCII in lower case (most words).
fn folded_already(w: &str) -> bool {
    w.bytes().all(|b| {
        b.is_ascii_lowercase()
            || b.is_ascii_digit()
            || matches!(b, b'\'' | b'-' | b'.' | b'/' | b'_')
    })
}

/// A word's key range in the buffer (None when the key is the core itself) and its core's
/// bounds.
type KeyAt = (Option<(u32, u32)>, (usize, usize));

/// The folded keys of a document's words that need folding, in one buffer, and where each
/// word's core lies.
pub struct Keys {
    buf: String,
    /// For each word: its key's range in `buf` (None when the key is the core itself), and its
    /// core's bounds.
    at: Vec<KeyAt>,
}

/// The words of `text` as (start, end), page numbers standing alone on their line left out.
/// (Normalization made every whitespace an ASCII space or a line break.)
pub fn spans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut line_start = 0;
    let mut first_of_line = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            drop_page_number(text, line_start, i, first_of_line, &mut out);
            i += 1;
            line_start = i;
            first_of_line = out.len();
            continue;
        }
        if c == b' ' || c == b'\t' || c == b'\r' || c == 0x0b || c == 0x0c {
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() && !matches!(b[i], b' ' | b'\n' | b'\t' | b'\r' | 0x0b | 0x0c) {
            i += 1;
        }
        out.push((s, i));
    }
    drop_page_number(text, line_start, b.len(), first_of_line, &mut out);
    out
}

/// Takes back the words of the line `start..end` (the last of `out` from `first`) when the
/// line is a page number.
fn drop_page_number(
    text: &str,
    start: usize,
    end: usize,
    first: usize,
    out: &mut Vec<(usize, usize)>,
) {
    if end - start <= 30 && out.len() > first && is_page_number_line(text[start..end].trim()) {
        out.truncate(first);
    }
}

/// The keys of the words at `spans`.
pub fn keys(text: &str, spans: &[(usize, usize)]) -> Keys {
    let mut buf = String::new();
    let at = spans
        .iter()
        .map(|&(s, e)| {
            let raw = &text[s..e];
            let (cs, ce) = bounds(raw);
            let core = &raw[cs..ce];
            if folded_already(core) {
                return (None, (cs, ce));
            }
            let from = buf.len();
            super::lexicon::fold_into(core, &mut buf);
            (Some((from as u32, buf.len() as u32)), (cs, ce))
        })
        .collect();
    Keys { buf, at }
}

/// The words at `spans`, with their keys.
pub fn tokens<'a>(text: &'a str, spans: &[(usize, usize)], keys: &'a Keys) -> Vec<Tok<'a>> {
    spans
        .iter()
        .zip(&keys.at)
        .map(|(&(s, e), &(k, b))| {
            let key = k.map(|(a, z)| &keys.buf[a as usize..z as usize]);
            make(text, s, e, b, key)
        })
        .collect()
}

fn make<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    (core_start, core_end): (usize, usize),
    key: Option<&'a str>,
) -> Tok<'a> {
    let raw = &text[start..end];
    let core = &raw[core_start..core_end];
    let (mut letters, mut upper, mut digits) = (0, 0, 0);
    let mut first_letter_upper = None;
    let mut first_is_digit = false;
    if core.is_ascii() {
        for (k, &c) in core.as_bytes().iter().enumerate() {
            if c.is_ascii_alphabetic() {
                letters += 1;
                upper += c.is_ascii_uppercase() as usize;
                first_letter_upper.get_or_insert(c.is_ascii_uppercase());
            } else if c.is_ascii_digit() {
                digits += 1;
                first_is_digit |= k == 0;
            }
        }
    } else {
        for (k, c) in core.chars().enumerate() {
            if c.is_alphabetic() {
                letters += 1;
                upper += c.is_uppercase() as usize;
                first_letter_upper.get_or_insert(c.is_uppercase());
            } else if c.is_ascii_digit() {
                digits += 1;
                first_is_digit |= k == 0;
            }
        }
    }
    let first_upper = first_letter_upper == Some(true) && !first_is_digit;
    let case = if letters == 0 {
        if digits > 0 {
            Case::Digit
        } else {
            Case::Other
        }
    } else if letters >= 2 && upper == letters {
        Case::Upper
    } else if first_upper {
        Case::Cap
    } else {
        Case::Lower
    };
    let key = key.unwrap_or(core);
    Tok {
        start,
        end,
        raw,
        lead_len: core_start as u8,
        trail_len: (raw.len() - core_end) as u8,
        key,
        stem_cut: (key.len() - stem_len(key)) as u8,
        case,
        label: None,
    }
}

/// "2 / 5", "Page 3", "Page 3 sur 12", "- 4 -": a page number, not content.
pub fn is_page_number_line(l: &str) -> bool {
    // (A page number holds a digit and no letter but those of "page" and "sur": most lines
    // fail the first test.)
    if l.is_empty()
        || l.len() > 24
        || !l.bytes().any(|b| b.is_ascii_digit())
        || l.bytes()
            .any(|b| b.is_ascii_alphabetic() && !b"pagesurPAGESUR".contains(&b))
    {
        return false;
    }
    let low = l.to_lowercase();
    let low = low
        .strip_prefix("page")
        .map(str::trim_start)
        .unwrap_or(&low);
    let parts: Vec<&str> = low
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty() && *p != "sur")
        .collect();
    let nums = |ps: &[&str]| {
        ps.iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    if l.to_lowercase().starts_with("page") {
        return !parts.is_empty() && parts.len() <= 2 && nums(&parts);
    }
    if low.starts_with('-') && low.ends_with('-') {
        let inner = low.trim_matches('-').trim();
        return !inner.is_empty() && nums(&[inner]);
    }
    (l.contains('/') || low.contains(" sur ")) && parts.len() == 2 && nums(&parts)
}

/// "l Hôtel", "s est", "qu il": an elided word whose apostrophe was lost, before a vowel or h.
pub fn is_elision(prev: &Tok, next: &Tok) -> bool {
    if !prev.lead().is_empty() || !prev.trail().is_empty() || prev.raw.len() > 8 {
        return false;
    }
    let elided = matches!(
        prev.key(),
        "l" | "d"
            | "j"
            | "m"
            | "n"
            | "s"
            | "t"
            | "c"
            | "qu"
            | "jusqu"
            | "lorsqu"
            | "puisqu"
            | "quoiqu"
            | "aujourd"
            | "presqu"
            | "quelqu"
    );
    if !elided || !next.lead().is_empty() {
        return false;
    }
    // "M" before a name is a civility, "L 2121-29" an article; a capital single letter elides
    // only at a sentence's start ("L Assemblée", "D autre part"), which is rare enough to keep.
    if prev.raw == "M" || next.core().chars().count() == 1 {
        // ("D U": letters of a heading spaced out, not an elision.)
        return false;
    }
    next.key()
        .chars()
        .next()
        .is_some_and(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h'))
}

/// A full stop, exclamation or question mark that ends a sentence: not an abbreviation's
/// ("M.", "art."), an initial's ("J.", "J.-P."), an item number's ("3.") nor a roman numeral's.
pub fn ends_sentence(t: &Tok) -> bool {
    if !t.trail().contains(['.', '!', '?', '…']) {
        return false;
    }
    if t.trail().contains(['!', '?', '…'])
        || t.trail().len() > 1 && t.trail().starts_with([')', '»', '"'])
    {
        return true;
    }
    let core = t.core();
    if core.is_empty() {
        return t.raw.chars().all(|c| c == '.') && t.raw.len() >= 3;
    }
    if LEXICON.abbreviations.contains(t.key()) {
        return false;
    }
    let letters = core.chars().filter(|c| c.is_alphabetic()).count();
    // Initials: "J", "Ph", "J.-P", "N.B".
    if letters <= 2 && core.chars().next().is_some_and(char::is_uppercase) && core.len() <= 4 {
        return false;
    }
    if core.contains('.') && core.split(['.', '-']).all(|p| p.chars().count() <= 2) {
        return false;
    }
    if t.is_count() {
        return false;
    }
    if roman_number(t).is_some() {
        return false;
    }
    true
}

/// A form's blank: "_", "____", "…".
pub fn is_blank(t: &Tok) -> bool {
    !t.raw.is_empty() && t.raw.chars().all(|c| matches!(c, '_' | '…'))
}

/// A word that separates entries of a list.
pub fn is_separator(t: &Tok) -> bool {
    matches!(
        t.raw,
        "," | ";" | "-" | "–" | "—" | "/" | "&" | "et" | "•" | "*" | "|" | "ainsi" | "que" | "+"
    ) || t.case == Case::Digit && t.core().len() <= 2 && t.trail().starts_with(['.', ')', '-'])
}

/// A civility before a name ("M.", "Mme", "Monsieur", "MM"); `next` must be a name or another
/// word of the entry for "M" without a full stop.
pub fn is_civility(t: &Tok, next: Option<&Tok>) -> bool {
    // Every civility opens with m, d or p.
    if !matches!(
        t.core().as_bytes().first(),
        Some(b'M' | b'm' | b'D' | b'd' | b'P' | b'p')
    ) {
        return false;
    }
    if !t.lead().is_empty() && !t.lead().starts_with('(') {
        return false;
    }
    let key = t.key().trim_end_matches('.');
    if !LEXICON.civilities.contains(key) || t.case == Case::Upper && !is_caps_civility(key) {
        return false;
    }
    if !t.case_first_upper() && !matches!(key, "monsieur" | "madame" | "messieurs" | "mesdames") {
        return false;
    }
    if key == "m" && !t.trail().starts_with('.') {
        return next.is_some_and(|n| n.case == Case::Upper || n.case == Case::Cap);
    }
    t.trail().is_empty() || t.trail().starts_with('.')
}

/// Civilities that stay civilities in capitals ("MME", "MM", "MONSIEUR"); "MAITRE", "DOCTEUR"
/// in capitals are surnames ("Catherine MAITRE").
fn is_caps_civility(key: &str) -> bool {
    matches!(
        key,
        "m" | "mm"
            | "mme"
            | "mmes"
            | "mlle"
            | "mlles"
            | "mr"
            | "monsieur"
            | "madame"
            | "messieurs"
            | "mesdames"
            | "mademoiselle"
    )
}

/// Capitalized function words that open sentences, not names.
fn is_sentence_word(key: &str) -> bool {
    matches!(
        key,
        "le" | "la"
            | "les"
            | "l'"
            | "un"
            | "une"
            | "des"
            | "du"
            | "de"
            | "il"
            | "elle"
            | "ils"
            | "elles"
            | "on"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "vu"
            | "pour"
            | "par"
            | "sur"
            | "dans"
            | "apres"
            | "avant"
            | "en"
            | "au"
            | "aux"
            | "et"
            | "ou"
            | "a"
            | "est"
            | "sont"
            | "qui"
            | "que"
            | "lors"
            | "suite"
            | "considerant"
            | "madame"
            | "monsieur"
            | "nombre"
            | "date"
            | "ordre"
            | "objet"
            | "seance"
            | "conformement"
    )
}

/// A word of a person's name: capitals, a capital first, an initial.
pub fn is_name_word(t: &Tok) -> bool {
    if t.lead().starts_with(['(', '[']) {
        return false;
    }
    match t.case {
        Case::Upper => {
            !t.core().chars().any(|c| c.is_ascii_digit())
                && !is_caps_civility(t.key().trim_end_matches('.'))
        }
        Case::Cap => {
            !t.core().chars().any(|c| c.is_ascii_digit())
                && !is_sentence_word(t.key())
                && !LEXICON.civilities.contains(t.key().trim_end_matches('.'))
                || t.core().chars().count() <= 2 && t.trail().starts_with('.')
        }
        _ => false,
    }
}

/// A given name in use in France, written with a capital ("Gilles", "Jean-Pierre"): where a
/// new person starts in names written one after another.
pub fn is_given_name(t: &Tok) -> bool {
    t.case == Case::Cap && LEXICON.given_names.contains(t.key())
}

pub fn is_particle(t: &Tok) -> bool {
    t.case != Case::Cap && LEXICON.particles.contains(t.key()) && t.trail().is_empty()
}

pub fn is_role(t: &Tok) -> bool {
    LEXICON.roles.contains(t.key())
}

/// A word that starts a name or an entry: a civility, a name, "le Maire".
pub fn opens_name(t: &Tok) -> bool {
    is_civility(t, None) || is_name_word(t) || t.key() == "le" || t.key() == "la"
}

/// Words that may follow a name inside a list entry, in lower case: the start of a proxy
/// clause, an excuse, an arrival.
fn is_clause_word(key: &str) -> bool {
    matches!(
        key,
        "a" | "avait"
            | "ayant"
            | "qui"
            | "donne"
            | "donnee"
            | "donnant"
            | "pouvoir"
            | "procuration"
            | "mandat"
            | "represente"
            | "representee"
            | "representes"
            | "represente(e)"
            | "excuse"
            | "excusee"
            | "excuses"
            | "excusees"
            | "absent"
            | "absente"
            | "absents"
            | "arrive"
            | "arrivee"
            | "parti"
            | "partie"
            | "par"
            | "au"
            | "en"
            | "ne"
            | "quitte"
            | "sort"
            | "rejoint"
            | "jusqu'au"
            | "jusqu'a"
            | "et"
            | "ou"
            | "pour"
            | "donne(e)"
            | "excuse(e)"
            | "arrive(e)"
            | "present"
            | "presente"
            | "secretaire"
    )
}

/// The words after a capitalized word at `k` are prose: a lower-case word that is neither a
/// particle before a name, a clause, nor a role ("Association départementale", "Délégation de
/// service").
pub fn prose_follows(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if !t.trail().is_empty() {
        return false;
    }
    let Some(next) = toks.get(k + 1) else {
        return false;
    };
    if next.case != Case::Lower || !next.lead().is_empty() {
        return false;
    }
    if is_particle(next) && toks.get(k + 2).is_some_and(is_name_word) {
        return false;
    }
    !(is_clause_word(next.key()) || is_role(next))
}

/// A word that may open an item's title: a capital letter, after an opening quote.
pub fn opens_title(t: &Tok) -> bool {
    t.core().chars().next().is_some_and(char::is_uppercase)
        && !t.core().chars().all(|c| c.is_ascii_digit())
}

/// An item's number: one to three digits, with its separator ("3.", "3)", "3/", "3-", "3°)")
/// attached (`Some(true)`) or not (`Some(false)`).
pub fn item_number(t: &Tok) -> Option<bool> {
    if !t.lead().is_empty() {
        return None;
    }
    let (digits, rest) = split_digits(t.raw);
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    match rest {
        "" => Some(false),
        "." | ")" | "/" | "-" | "°)" | "°." | ".)" | "/." | ":" | "°" | "–" => Some(true),
        _ => None,
    }
}

/// "1)Autorisation", "2)Vote": an item's number glued to its title's first word (a capital
/// after a closing bracket); its value.
pub fn glued_item_number(t: &Tok) -> Option<u32> {
    if !t.lead().is_empty() {
        return None;
    }
    let (digits, rest) = split_digits(t.raw);
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let title = rest
        .strip_prefix(')')
        .or_else(|| rest.strip_prefix("°)"))
        .or_else(|| rest.strip_prefix('/'))?;
    title
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then(|| number_value(digits))
}

/// The last run of digits of a number as written ("2023-045" → 45, "3." → 3).
pub fn number_value(s: &str) -> u32 {
    s.split(|c: char| !c.is_ascii_digit())
        .rfind(|p| !p.is_empty())
        .and_then(|p| p.get(p.len().saturating_sub(6)..))
        .and_then(|p| p.parse().ok())
        .unwrap_or(0)
}

/// The value of a roman numeral of capitals I, V, X, L.
pub fn roman_value(s: &str) -> u32 {
    let v = |c: char| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 0,
    };
    let cs: Vec<u32> = s.chars().map(v).collect();
    let mut total = 0i64;
    for (k, &x) in cs.iter().enumerate() {
        if cs.get(k + 1).is_some_and(|&y| y > x) {
            total -= x as i64;
        } else {
            total += x as i64;
        }
    }
    total.max(0) as u32
}

fn split_digits(s: &str) -> (&str, &str) {
    let k = s.bytes().take_while(u8::is_ascii_digit).count();
    (&s[..k], &s[k..])
}

/// A roman numeral heading a part ("IV.", "II -"): `Some(true)` with its separator attached.
pub fn roman_number(t: &Tok) -> Option<bool> {
    if !t.lead().is_empty() || t.core().is_empty() || t.core().len() > 5 {
        return None;
    }
    if !t.core().chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')) {
        return None;
    }
    match t.trail() {
        "" => Some(false),
        "." | ")" | "-" | "/" | ".-" => Some(true),
        _ => None,
    }
}

/// Words that open an item heading before its number ("Point 3", "Délibération n° 12").
pub fn is_heading_word(t: &Tok) -> bool {
    matches!(
        t.key(),
        "point"
            | "question"
            | "affaire"
            | "dossier"
            | "rapport"
            | "deliberation"
            | "delib"
            | "del"
            | "dcm"
            | "dl"
            | "decision"
            | "projet"
            | "item"
    )
}

/// A deliberation's number as registers write it: "2023-045", "23-03/011", "D2023-01",
/// "DEL2024-78", "20150202-01"; not a date.
pub fn is_reference_number(t: &Tok) -> bool {
    is_reference_str(t.core())
}

/// [`is_reference_number`] on a string.
pub fn is_reference_str(c: &str) -> bool {
    // "D2025-027-": a number with its separator attached.
    let c = c.trim_end_matches(['-', '–']);
    let b = c.as_bytes();
    let prefix = b.iter().take_while(|b| b.is_ascii_uppercase()).count();
    if prefix > 4 || b.len() == prefix {
        return false;
    }
    // Two to four runs of digits (at most eight each) joined by one separator.
    let mut parts = [0usize; 4];
    let mut count = 0;
    let mut len = 0;
    for &x in &b[prefix..] {
        if x.is_ascii_digit() {
            len += 1;
            if len > 8 {
                return false;
            }
        } else if matches!(x, b'-' | b'/' | b'.' | b'_') {
            if len == 0 || count == 3 {
                return false;
            }
            parts[count] = len;
            count += 1;
            len = 0;
        } else {
            return false;
        }
    }
    if len == 0 || count == 0 {
        return false;
    }
    parts[count] = len;
    count += 1;
    // 12/03/2024 is a date.
    !(count == 3 && parts[2] == 4 && parts[0] <= 2 && parts[1] <= 2)
}

/// Words after which a number is cited, never an item heading ("article 3.", "au point 4",
/// "les points 2 et 3").
pub fn cites_number(p: &Tok) -> bool {
    matches!(
        p.key(),
        "article"
            | "articles"
            | "art"
            | "l'article"
            | "alinea"
            | "point"
            | "points"
            | "n°"
            | "no"
            | "numero"
            | "page"
            | "pages"
            | "annexe"
            | "annexes"
            | "lot"
            | "lots"
            | "tranche"
            | "chapitre"
            | "titre"
            | "section"
            | "phase"
            | "etape"
            | "et"
            | "ou"
            | "tableau"
            | "figure"
            | "question"
            | "questions"
            | "item"
            | "delib"
            | "deliberation"
            | "deliberations"
            | "paragraphe"
            | "chiffre"
            | "rang"
            | "niveau"
            | "zone"
            | "secteur"
            | "parcelle"
            | "parcelles"
            | "h"
            | "heure"
            | "heures"
    ) || is_month(p.key())
}

/// Words after which a number is more often a quantity than an item's ("pour 3 ans", "de 2
/// lots"): a heading there must continue a numbering.
pub fn governs_number(p: &Tok) -> bool {
    matches!(
        p.key(),
        "a" | "au"
            | "aux"
            | "de"
            | "du"
            | "des"
            | "le"
            | "la"
            | "les"
            | "l'"
            | "en"
            | "par"
            | "pour"
            | "sur"
            | "sous"
            | "dans"
            | "avec"
            | "entre"
            | "contre"
            | "soit"
            | "dont"
            | "sauf"
            | "vers"
            | "environ"
            | "plus"
            | "moins"
    )
}

/// Words that govern the phrase after them ("de Monsieur le Maire", "par le Conseil"): that
/// phrase does not open a part.
pub fn governs(p: &Tok) -> bool {
    // Verbs whose object is a person ("autorise Monsieur le Maire à signer").
    let verb = p.key().strip_prefix("d'").unwrap_or(p.key());
    const PERSON_OBJECT: [&str; 14] = [
        "autoris", "charg", "mandat", "habilit", "invit", "remerci", "design", "nomm", "sollicit",
        "felicit", "prie", "entend", "rappel", "inform",
    ];
    if p.case != Case::Upper && PERSON_OBJECT.iter().any(|v| verb.starts_with(v)) {
        return true;
    }
    matches!(
        p.key(),
        "de" | "d'"
            | "du"
            | "des"
            | "par"
            | "a"
            | "au"
            | "aux"
            | "que"
            | "qu'"
            | "et"
            | "ou"
            | "pour"
            | "avec"
            | "sur"
            | "sous"
            | "entre"
            | "selon"
            | "dont"
            | "le"
            | "la"
            | "les"
            | "l'"
            | "un"
            | "une"
            | "ce"
            | "cette"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "chez"
            | "vers"
            | "contre"
            | "sans"
            | "en"
            | "si"
            | "lorsque"
            | "quand"
            | "comme"
    )
}

/// A month's name, folded.
pub fn is_month(key: &str) -> bool {
    matches!(
        key,
        "janvier"
            | "fevrier"
            | "mars"
            | "avril"
            | "mai"
            | "juin"
            | "juillet"
            | "aout"
            | "septembre"
            | "octobre"
            | "novembre"
            | "decembre"
    )
}

/// The end of a date written in figures from word `k`: "19/02/2018", "19 février 2018",
/// "1er mars 2018" (a weekday before it allowed).
pub fn date_end(toks: &[Tok], mut k: usize) -> Option<usize> {
    let day = |t: &Tok| {
        let c = t.core().trim_end_matches("er");
        !c.is_empty() && c.len() <= 2 && c.bytes().all(|b| b.is_ascii_digit())
    };
    let year = |t: &Tok| t.core().len() == 4 && t.core().bytes().all(|b| b.is_ascii_digit());
    let t = toks.get(k)?;
    if matches!(
        t.key(),
        "lundi" | "mardi" | "mercredi" | "jeudi" | "vendredi" | "samedi" | "dimanche"
    ) {
        k += 1;
    }
    let t = toks.get(k)?;
    let slashed = t.core().split(['/', '.', '-']).collect::<Vec<_>>();
    if slashed.len() == 3
        && slashed
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(k + 1);
    }
    if day(t)
        && toks.get(k + 1).is_some_and(|m| is_month(m.key()))
        && toks.get(k + 2).is_some_and(year)
    {
        return Some(k + 3);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(s: &'static str) -> Tok<'static> {
        let spans = [(0, s.len())];
        let keys: &'static Keys = Box::leak(Box::new(keys(s, &spans)));
        tokens(s, &spans, keys).remove(0)
    }

    #[test]
    fn punctuation_apart() {
        let t = tok("(DUPONT),");
        assert_eq!((t.lead(), t.core(), t.trail()), ("(", "DUPONT", "),"));
        assert_eq!(t.case, Case::Upper);
        let t = tok("présent(e)s");
        assert_eq!(t.core(), "présent(e)s");
        assert_eq!(tok("Présent(e)s:").stem(), "present");
    }

    #[test]
    fn sentence_ends_and_abbreviations() {
        assert!(ends_sentence(&tok("séance.")));
        assert!(!ends_sentence(&tok("M.")));
        assert!(!ends_sentence(&tok("J.-P.")));
        assert!(!ends_sentence(&tok("Ph.")));
        assert!(!ends_sentence(&tok("art.")));
        assert!(!ends_sentence(&tok("3.")));
        assert!(ends_sentence(&tok("2024.")));
        assert!(ends_sentence(&tok("DUPONT.")));
        assert!(!ends_sentence(&tok("II.")));
    }

    #[test]
    fn page_numbers() {
        for l in ["2 / 5", "Page 3", "page 3 sur 12", "- 4 -", "12/40"] {
            assert!(is_page_number_line(l), "{l}");
        }
        for l in ["3", "Présents : 12 / 15", "2023/045", "Page de garde"] {
            assert!(!is_page_number_line(l), "{l}");
        }
    }

    #[test]
    fn reference_numbers_are_not_dates() {
        for n in [
            "2023-045",
            "23-03/011",
            "D2023-01",
            "DEL2024-78",
            "20150202-01",
        ] {
            assert!(is_reference_number(&tok(n)), "{n}");
        }
        for n in ["12/03/2024", "2023", "abc-12"] {
            assert!(!is_reference_number(&tok(n)), "{n}");
        }
    }
}
