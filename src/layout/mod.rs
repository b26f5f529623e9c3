//! Layout-free reading: the normalized text re-broken into lines by the structure of the
//! record's language, whatever the shape it came in.
//!
//! A council record reaches the parser as a PDF's lines, a web page flattened into one
//! paragraph, a transcript wrapped at a narrow column, a text without apostrophes. The facts
//! do not change with the shape, so the readers do not read the source's lines: this pass
//! takes the text as a stream of words (every run of whitespace is the same) and starts a
//! line where the language says a part begins — before a label ("Présents :", "Secrétaire de
//! séance :", "Pour : 12"), where a list of members ends, before an item heading ("3. Budget",
//! "Délibération n° 2023-045"), where a sentence ends, before a phrase that opens a body or a
//! formula ("Vu le code…", "Le Conseil municipal…", "Pour extrait conforme") — and rejoins
//! elisions an extractor split ("l Hôtel" → "l'Hôtel"). Page numbers standing alone on a line
//! are not content.
//!
//! The result is a [`Reading`]: the text the readers parse, and the map from each of its
//! bytes back to the normalized text, where every span of the output points.

pub mod lexicon;
mod words;

use lexicon::{Follow, LabelKind, LEXICON};
use words::{Case, Tok};

/// The text the readers read, and where its bytes come from in the normalized text.
#[derive(Debug, Clone)]
pub struct Reading {
    pub text: String,
    /// Runs copied unchanged: (start in `text`, start in the source, length).
    runs: Vec<(usize, usize, usize)>,
}

impl Reading {
    /// The offset in the normalized text of an offset in the reading text: inside a run, the
    /// same byte; in a separator the reader put between two runs, the end of the run before.
    pub fn to_source(&self, off: usize) -> usize {
        let i = self.runs.partition_point(|r| r.0 <= off);
        if i == 0 {
            return 0;
        }
        let (r, s, len) = self.runs[i - 1];
        s + (off - r).min(len)
    }

    /// The reading of a text that needs none (tests): the same text.
    pub fn identity(text: &str) -> Self {
        Reading {
            text: text.to_string(),
            runs: vec![(0, 0, text.len())],
        }
    }
}

/// What stands between two words in the reading text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    Space,
    Break,
    /// An elision the source split ("l Hôtel"): an apostrophe.
    Apostrophe,
}

/// Reads the structure of `text` (normalized) into a [`Reading`].
pub fn read(text: &str) -> Reading {
    let toks = words::tokens(text);
    let n = toks.len();
    let mut gaps = vec![Gap::Space; n];
    // Words inside a list of members: headings and openers are not looked for there.
    let mut in_list = vec![false; n];
    // Words that follow an item's number: its title, not a new part.
    let mut title_start = vec![false; n];

    // Elisions.
    for i in 1..n {
        if words::is_elision(&toks[i - 1], &toks[i]) && toks[i - 1].end < toks[i].start {
            gaps[i] = Gap::Apostrophe;
        }
    }

    // Labels, and the lists after them.
    let mut i = 0;
    while i < n {
        let Some(l) = label_at(&toks, i) else {
            i += 1;
            continue;
        };
        if i > 0 && breaks_before_label(&toks, i) {
            gaps[i] = Gap::Break;
        }
        let after = l.end;
        if l.kind.opens_list() {
            let end = list_end(&toks, after);
            for f in in_list.iter_mut().take(end).skip(after) {
                *f = true;
            }
            if end < n && end > after && starts_part(&toks[end]) {
                gaps[end] = Gap::Break;
            }
            i = end.max(after);
        } else {
            i = after;
        }
    }

    // Item headings.
    for i in 0..n {
        if in_list[i] {
            continue;
        }
        if let Some(t) = heading_at(&toks, i) {
            if i > 0 {
                gaps[i] = Gap::Break;
            }
            if t < n {
                title_start[t] = true;
                if let Some(e) = caps_title_end(&toks, t) {
                    gaps[e] = Gap::Break;
                }
            }
        }
    }

    // Openers and sentence ends.
    for i in 1..n {
        if gaps[i] != Gap::Space || title_start[i] {
            continue;
        }
        let p = &toks[i - 1];
        if words::ends_sentence(p) && starts_part(&toks[i]) {
            gaps[i] = Gap::Break;
        } else if !in_list[i] && opener_at(&toks, i) {
            gaps[i] = Gap::Break;
        }
    }

    build(text, &toks, &gaps)
}

fn build(text: &str, toks: &[Tok], gaps: &[Gap]) -> Reading {
    let mut out = String::with_capacity(text.len() + 16);
    let mut runs = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            out.push(match gaps[i] {
                Gap::Space => ' ',
                Gap::Break => '\n',
                Gap::Apostrophe => '\'',
            });
        }
        // A run continues the previous one when the source has them side by side.
        match runs.last_mut() {
            Some((r, s, len)) if *s + *len == t.start && *r + *len == out.len() => {
                *len += t.end - t.start;
            }
            _ => runs.push((out.len(), t.start, t.end - t.start)),
        }
        out.push_str(&text[t.start..t.end]);
    }
    Reading { text: out, runs }
}

/// A word that may open a part: a capital, a digit, a bullet, an opening bracket or quote.
fn starts_part(t: &Tok) -> bool {
    let c = t.raw.chars().next().unwrap_or(' ');
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '-' | '–' | '—' | '•' | '*' | '«' | '"' | '(' | '[')
}

/// A label found at a word.
#[derive(Debug, Clone, Copy)]
struct LabelAt {
    kind: LabelKind,
    /// The first word after the label (and its colon).
    end: usize,
}

/// The label that starts at word `i`, if any: the longest phrase of the table, followed by
/// what its row asks for.
fn label_at(toks: &[Tok], i: usize) -> Option<LabelAt> {
    let rows = LEXICON.labels.get(toks[i].stem.as_str())?;
    'rows: for row in rows {
        let k = row.words.len();
        if i + k > toks.len() {
            continue;
        }
        for (j, w) in row.words.iter().enumerate() {
            let t = &toks[i + j];
            if t.stem != *w {
                continue 'rows;
            }
            // Words of one label are not separated by punctuation ("présents, absents").
            if j + 1 < k && !t.trail.is_empty() {
                continue 'rows;
            }
            if j > 0 && !t.lead.is_empty() {
                continue 'rows;
            }
        }
        let last = &toks[i + k - 1];
        let next = toks.get(i + k);
        // The colon: on the last word, or a word of its own (also a dash, "Présents – ").
        let (colon, end) = if last.trail.contains(':') {
            (true, i + k)
        } else if last.trail.is_empty()
            && next.is_some_and(|t| matches!(t.raw, ":" | "-" | "–" | "—" | "=" | ":-"))
        {
            (true, i + k + 1)
        } else {
            (false, i + k)
        };
        if !last.trail.is_empty() && !colon && !last.trail.starts_with(['.', ')']) {
            // "Présents, …", "présents)": not a label.
            if !(row.follow == Follow::Number && last.trail == ".") {
                continue;
            }
        }
        let after = toks.get(end);
        let capital = toks[i].case_first_upper();
        let ok = match row.follow {
            Follow::Colon => colon,
            Follow::ListOrColon => {
                colon
                    || (capital
                        && after.is_some_and(|t| words::opens_name(t) || t.is_count())
                        && at_phrase_start(toks, i))
            }
            Follow::Number => {
                let num = after.is_some_and(|t| t.is_count());
                num && (colon || capital || at_phrase_start(toks, i))
            }
        };
        if ok {
            // A count stated before the label is the label's value ("19 membres en exercice").
            return Some(LabelAt {
                kind: row.kind,
                end,
            });
        }
    }
    None
}

/// Word `i` begins a phrase: the text's start, or after punctuation that ends one, or after a
/// count (the value of the label before).
fn at_phrase_start(toks: &[Tok], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let p = &toks[i - 1];
    p.trail.ends_with(['.', ';', ':', ',', ')', '!', '?'])
        || matches!(p.raw, "-" | "–" | "—" | "/" | "|" | "•")
        || p.is_count()
        || p.case == Case::Upper
}

/// Whether a line starts at a label: not after an opening bracket, nor after a count that is
/// the label's own ("19 membres en exercice", "(07 Procurations : …").
fn breaks_before_label(toks: &[Tok], i: usize) -> bool {
    let p = &toks[i - 1];
    if p.trail.ends_with('(') || p.raw.ends_with('(') || p.lead.starts_with('(') && p.trail.is_empty()
    {
        return false;
    }
    if p.is_count() && p.trail.is_empty() {
        // The count is the previous label's value only when a label stands before it.
        let pp = i.checked_sub(2).map(|j| &toks[j]);
        return pp.is_some_and(|t| t.trail.ends_with(':') || matches!(t.raw, ":" | "=" | "-" | "–"));
    }
    true
}

/// Where a list of members that starts at word `from` ends: the first word that is not part of
/// an entry (civilities, names, initials, roles, brackets, a proxy clause) or a separator.
fn list_end(toks: &[Tok], from: usize) -> usize {
    let n = toks.len();
    let mut i = from;
    let mut good = from;
    while i < n {
        let t = &toks[i];
        // A new label ends the list.
        if i > from && label_at(toks, i).is_some() {
            return i;
        }
        if words::is_separator(t) {
            i += 1;
            continue;
        }
        match entry_end(toks, i) {
            Some(e) if e > i => {
                i = e;
                good = e;
                if words::ends_sentence(&toks[e - 1]) || toks[e - 1].trail.contains(':') {
                    return e;
                }
            }
            // Separators read since the last entry belong to the list ("…, M. X et").
            _ => return i.max(good),
        }
    }
    n
}

/// Where an entry of a member list that starts at word `i` ends, if one does.
fn entry_end(toks: &[Tok], i: usize) -> Option<usize> {
    let n = toks.len();
    let mut k = i;
    // Civilities, grouped ("MM. et Mmes").
    while k < n && (words::is_civility(&toks[k], toks.get(k + 1))) {
        k += 1;
        if k + 1 < n && toks[k].raw == "et" && words::is_civility(&toks[k + 1], toks.get(k + 2)) {
            k += 1;
        }
    }
    let civ = k > i;
    // The name: capitals, initials, particles before a capital.
    let mut names = 0;
    while k < n {
        let t = &toks[k];
        if label_at(toks, k).is_some() && (names > 0 || civ) {
            break;
        }
        if words::is_name_word(t) {
            // A capitalized word followed by prose opens the prose ("Association
            // départementale…"), unless it is the name a civility announced.
            if t.case == Case::Cap && !(civ && names == 0) && words::prose_follows(toks, k) {
                break;
            }
            names += 1;
            k += 1;
            if !t.trail.is_empty() && !t.trail.starts_with('.') || t.trail.len() > 1 {
                break;
            }
            continue;
        }
        if words::is_particle(t) && toks.get(k + 1).is_some_and(words::is_name_word) {
            k += 1;
            continue;
        }
        break;
    }
    if names == 0 {
        // A role alone ("le Maire", "M. le Président").
        let e = role_end(toks, k);
        return (e > k).then_some(e);
    }
    // What follows a name: a role, brackets, a proxy clause; each may follow a comma.
    loop {
        let before = k;
        k = role_end(toks, k);
        if k < n && toks[k].lead.starts_with(['(', '[']) {
            k = bracket_end(toks, k)?;
        }
        k = clause_end(toks, k);
        if k == before {
            break;
        }
    }
    Some(k)
}

/// The end of a role written after a name ("Maire", "1re adjointe au maire", "conseiller
/// municipal délégué", "adjointe chargée des affaires scolaires").
fn role_end(toks: &[Tok], mut k: usize) -> usize {
    let n = toks.len();
    let start = k;
    // "le Maire", "la 1re adjointe".
    if k < n && matches!(toks[k].key.as_str(), "le" | "la" | "l'") && toks.get(k + 1).is_some_and(words::is_role)
    {
        k += 1;
    }
    let mut any = false;
    while k < n && words::is_role(&toks[k]) {
        any = true;
        let t = &toks[k];
        k += 1;
        if matches!(t.key.as_str(), "charge" | "chargee" | "delegue" | "deleguee") {
            // A role's field: "chargé de la culture", "déléguée aux finances".
            let mut m = 0;
            while k < n && m < 8 && toks[k].case == Case::Lower {
                let stop = !toks[k].trail.is_empty();
                k += 1;
                m += 1;
                if stop {
                    break;
                }
            }
        }
        if !toks[k - 1].trail.is_empty() {
            break;
        }
    }
    if any {
        k
    } else {
        start
    }
}

/// The end of a bracket opened at word `k` (at most 40 words), or None when it does not close.
fn bracket_end(toks: &[Tok], k: usize) -> Option<usize> {
    let open = if toks[k].lead.contains('[') { ']' } else { ')' };
    (k..toks.len().min(k + 40))
        .find(|&j| toks[j].trail.contains(open) || toks[j].raw.ends_with(open))
        .map(|j| j + 1)
}

/// The end of what may follow an entry: "a donné pouvoir à X", "qui a donné procuration à X",
/// "donne pouvoir à X", "représenté par X", "pouvoir à X", "à X" (a proxies list), "excusé".
fn clause_end(toks: &[Tok], k: usize) -> usize {
    let n = toks.len();
    if k >= n {
        return k;
    }
    let key = |j: usize| toks.get(j).map(|t| t.key.as_str()).unwrap_or("");
    let mut j = k;
    match key(j) {
        "excuse" | "excusee" | "excuses" | "excusees" | "absent" | "absente" | "absents"
        | "absentes" => return k + 1,
        _ => {}
    }
    // The verb.
    let mut verb = false;
    for _ in 0..4 {
        match key(j) {
            "qui" | "a" | "avait" | "ayant" | "donne" | "donnee" | "donnant" | "confie"
            | "confiee" | "remis" | "son" | "sa" | "un" | "de" | "vote" => {
                j += 1;
            }
            "pouvoir" | "procuration" | "mandat" | "delegation" | "pouvoirs" | "procurations" => {
                j += 1;
                verb = true;
                break;
            }
            "represente" | "representee" | "represente(e)" | "representes" => {
                if key(j + 1) == "par" {
                    return person_end(toks, j + 2).unwrap_or(k);
                }
                return k;
            }
            _ => break,
        }
    }
    if !verb && j > k {
        return k;
    }
    // "à X", "au profit de X", "en faveur de X", "par X".
    match key(j) {
        "a" | "au" | "par" => j += 1,
        "en" if key(j + 1) == "faveur" => j += 3,
        _ => {
            return if verb { j } else { k };
        }
    }
    if key(j) == "profit" {
        j += 2;
    }
    person_end(toks, j).unwrap_or(if verb { j } else { k })
}

/// The end of a person named after a clause ("M. le Maire", "Mme X", "Marc Baïetto").
fn person_end(toks: &[Tok], i: usize) -> Option<usize> {
    let n = toks.len();
    let mut k = i;
    while k < n && words::is_civility(&toks[k], toks.get(k + 1)) {
        k += 1;
    }
    let r = role_end(toks, k);
    if r > k {
        return Some(r);
    }
    let mut names = 0;
    while k < n && names < 5 {
        let t = &toks[k];
        if words::is_name_word(t) {
            if t.case == Case::Cap && names > 0 && words::prose_follows(toks, k) {
                break;
            }
            k += 1;
            names += 1;
            if !t.trail.is_empty() && !t.trail.starts_with('.') || t.trail.len() > 1 {
                break;
            }
        } else if words::is_particle(t) && toks.get(k + 1).is_some_and(words::is_name_word) {
            k += 1;
        } else {
            break;
        }
    }
    (names > 0).then_some(k)
}

/// Where an item heading starts at word `i`: the first word of its title.
fn heading_at(toks: &[Tok], i: usize) -> Option<usize> {
    let t = &toks[i];
    if !blocks_heading(toks, i) {
        return None;
    }
    let title_ok = |j: usize| toks.get(j).is_some_and(words::opens_title);
    // "3.", "3)", "3/", "3 -", "3 –".
    if let Some(sep) = words::item_number(t) {
        if sep {
            return title_ok(i + 1).then_some(i + 1);
        }
        let next = toks.get(i + 1)?;
        if matches!(next.raw, "-" | "–" | "—" | ")" | "." | ":" | "/") {
            return title_ok(i + 2).then_some(i + 2);
        }
        return None;
    }
    // "Point 3 :", "Question n° 4 –", "Délibération n° 2023-045 :", "DEL 2025-110".
    if t.case_first_upper() && words::is_heading_word(t) {
        let mut j = i + 1;
        if toks.get(j).is_some_and(|x| matches!(x.key.as_str(), "n°" | "no" | "n" | "n°." | "numero")) {
            j += 1;
        }
        let num = toks.get(j)?;
        if words::is_reference_number(num) || num.is_count() || words::item_number(num).is_some() {
            let mut k = j + 1;
            if num.trail.is_empty()
                && toks.get(k).is_some_and(|x| matches!(x.raw, "-" | "–" | "—" | ":" | "."))
            {
                k += 1;
            }
            return Some(k);
        }
        // "N°2023-045", "n°12" written as one word.
        return None;
    }
    // "N° 1 – Titre", "n°2023-045 Titre".
    if t.key.starts_with("n°") && t.case_first_upper() {
        let rest = &t.core[t.core.find('°').map(|p| p + '°'.len_utf8()).unwrap_or(0)..];
        if rest.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            let mut k = i + 1;
            if toks.get(k).is_some_and(|x| matches!(x.raw, "-" | "–" | "—" | ":")) {
                k += 1;
            }
            return title_ok(k).then_some(k);
        }
        if t.core.ends_with('°') {
            let num = toks.get(i + 1)?;
            if num.is_count() || words::is_reference_number(num) {
                let mut k = i + 2;
                if toks.get(k).is_some_and(|x| matches!(x.raw, "-" | "–" | "—" | ":")) {
                    k += 1;
                }
                return title_ok(k).then_some(k);
            }
        }
        return None;
    }
    // "IV –", "II." before a title.
    if let Some(sep) = words::roman_number(t) {
        if sep {
            return title_ok(i + 1).then_some(i + 1);
        }
        let next = toks.get(i + 1)?;
        if matches!(next.raw, "-" | "–" | "—" | ")" | ".") {
            return title_ok(i + 2).then_some(i + 2);
        }
        return None;
    }
    // "23-02/001 – Titre", "2023-045 : Titre", "D2023-01 Titre".
    if words::is_reference_number(t) {
        let next = toks.get(i + 1)?;
        if matches!(next.raw, "-" | "–" | "—" | ":") || t.trail.contains([':', '–']) {
            let k = if t.trail.is_empty() { i + 2 } else { i + 1 };
            return title_ok(k).then_some(k);
        }
    }
    None
}

/// False when the word before `i` shows that a number is cited, not heading an item
/// ("article 3.", "les points 2 et 3", "1, 2, 3").
fn blocks_heading(toks: &[Tok], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let p = &toks[i - 1];
    if p.trail.ends_with(',') || p.trail.ends_with('(') || p.is_count() && p.trail.is_empty() {
        return false;
    }
    if p.trail.is_empty() && words::governs_number(p) {
        return false;
    }
    true
}

/// The end of a title in capitals that runs into its body ("3. BUDGET PRIMITIF 2024 Le
/// Maire expose…"): the first word that opens a sentence after at least two words in capitals.
fn caps_title_end(toks: &[Tok], t: usize) -> Option<usize> {
    let n = toks.len();
    let mut caps = 0;
    let mut k = t;
    while k < n && k < t + 60 {
        let w = &toks[k];
        match w.case {
            Case::Upper => caps += 1,
            Case::Digit | Case::Other => {}
            Case::Cap => {
                return (caps >= 2 && k > t).then_some(k);
            }
            Case::Lower => return None,
        }
        if words::ends_sentence(w) {
            return None;
        }
        k += 1;
    }
    None
}

/// A phrase that opens a part starts at word `i`, written with a capital, not governed by the
/// word before.
fn opener_at(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if !t.case_first_upper() || !t.lead.is_empty() {
        return false;
    }
    let p = &toks[i - 1];
    if p.trail.ends_with([',', '(', ':', '\'']) || p.raw.ends_with('\'') || words::governs(p) {
        return false;
    }
    let Some(phrases) = LEXICON.openers.get(t.stem.as_str()) else {
        return false;
    };
    'p: for ph in phrases {
        if i + ph.len() > toks.len() {
            continue;
        }
        for (j, w) in ph.iter().enumerate() {
            let x = &toks[i + j];
            if x.stem != *w || (j + 1 < ph.len() && !x.trail.is_empty() && !x.trail.starts_with('.')) {
                continue 'p;
            }
        }
        return true;
    }
    false
}

#[cfg(test)]
mod tests;
