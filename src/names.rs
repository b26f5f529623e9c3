//! People's names in member lists: civilities and roles taken off, grouped forms split.
//!
//! Names are kept as written ("DUPONT Claude", "Jean-Marc LEROY", "ML Santoni"); only
//! civility words (M., Mme, Monsieur…) and role words (Maire, adjoint…) are removed, the
//! role being kept apart.

use regex::Regex;
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

// Civility words and titles before a name.
static CIVILITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:monsieur|madame|mademoiselle|messieurs|mesdames|mesdemoiselles|mme?s?\.?|mlles?\.?|mm\.|mr\.?|docteur|dr\.?|dr|maître|maitre|me\.|pr\.?|professeur)\s+|m\.\s*)").unwrap()
});

// Role phrases that follow a name or stand alone in a list.
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix)^(?:
        (?:(?:le|la)\s+|l')?(?:\d+(?:er|ère|re|e|ème|eme|°)?\s+|premier\s+|première\s+|deuxième\s+|troisième\s+|quatrième\s+|cinquième\s+|sixième\s+|septième\s+|huitième\s+)?
        (?:maire|adjoint|adjointe|maire-adjoint|maire-adjointe|maire\s+adjoint|maire\s+adjointe|
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
        r"(?i)(?:^|\W)(?:est|sont|a|ont|été|était|étaient|pour|par|avec|dans|sur|qui|que|conseil|séance|commune|délibération|vote|votes|voix|présents?|absents?|excusée?s?|pouvoirs?|procurations?|quorum|membres?|ouvre|nommée?|désignée?|secrétaire|arrivée?|départ|quitte|l'unanimité|article|l'article|point|compte|rendu)(?:$|\W)",
        r"|(?:^|\W)jusqu'\w"
    ))
    .unwrap()
});

fn is_civility_word(w: &str) -> bool {
    strip_civility(&format!("{w} X")).trim() == "X"
}

/// Removes civility words from the start of a name.
pub fn strip_civility(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        // "M.L. SANTONI", "M.C. RUIZ": initials, not "Monsieur".
        let b = s.as_bytes();
        if b.len() >= 4 && b[0] == b'M' && b[1] == b'.' && b[2].is_ascii_uppercase() && b[3] == b'.'
        {
            return s;
        }
        match CIVILITY.find(s) {
            Some(m) if m.end() < s.len() => s = s[m.end()..].trim_start(),
            _ => return s,
        }
    }
}

/// True when the fragment is a role on its own ("Maire", "2ème adjointe").
pub fn is_role(s: &str) -> bool {
    ROLE.is_match(s.trim().trim_end_matches(['.', ',', ';', ':']))
}

/// Splits a name from a trailing role: "Claude DUPONT, Maire" or "Claude DUPONT (adjoint)" or
/// "le Maire, Claude DUPONT".
pub fn split_role(s: &str) -> (String, Option<String>) {
    let s = s.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    if let Some(open) = s.find('(') {
        let inner = s[open + 1..].trim_end_matches(')').trim();
        if is_role(inner) {
            return (s[..open].trim().to_string(), Some(inner.to_string()));
        }
        // "(remplace X)", "(pouvoir à Y)" and other remarks are not part of the name.
        return (s[..open].trim().to_string(), None);
    }
    for (i, _) in s.match_indices(',') {
        let (a, b) = (s[..i].trim(), s[i + 1..].trim());
        if is_role(b) {
            return (a.to_string(), Some(b.to_string()));
        }
        if is_role(a) {
            return (b.to_string(), Some(a.to_string()));
        }
    }
    // "DUPONT Claude Maire", "Claude DUPONT maire-adjoint": a role word at the end.
    static TRAILING_ROLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s+((?:\d+(?:er|ère|e|ème)\s+)?(?:maire|adjointe?|maire-adjointe?|conseill[eè]re?(?:\s+municipale?)?(?:\s+délégu[ée]e?)?|président|présidente|vice-présidente?))$").unwrap()
    });
    if let Some(c) = TRAILING_ROLE.captures(s) {
        let m = c.get(0).unwrap();
        if m.start() > 0 {
            return (s[..m.start()].trim().to_string(), Some(c[1].to_string()));
        }
    }
    (s.to_string(), None)
}

/// Cleans one name: civility off, role apart, stray punctuation trimmed. None when the
/// fragment is not a plausible name.
pub fn clean_name(raw: &str) -> Option<(String, Option<String>)> {
    let joined = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let raw = joined
        .trim()
        .trim_start_matches(['-', '–', '—', '•', '*', ':', '.', ' '])
        .trim();
    let (name, role) = split_role(strip_civility(raw));
    let name = strip_civility(&name);
    let name = name
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')')
        .trim_end_matches('.')
        .trim();
    if name.is_empty() || !is_plausible_name(name) {
        return None;
    }
    Some((name.to_string(), role))
}

/// A name has one to six words, a capital letter, few digits, and no prose.
pub fn is_plausible_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || s.len() > 60 {
        return false;
    }
    if !s.chars().any(|c| c.is_uppercase()) || s.chars().any(|c| c.is_ascii_digit()) {
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
    let lower_words = words
        .iter()
        .filter(|w| {
            let first = w.chars().next().unwrap_or('A');
            first.is_lowercase()
                && !particles
                    .iter()
                    .any(|p| w.to_lowercase() == *p || w.starts_with("d'"))
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
            b'(' => {
                depth += 1;
                0
            }
            b')' => {
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
        while let Some(c) = INITIAL_AFTER_NAME.captures(&block[s..e]) {
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
        if trimmed.is_empty() {
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
    let s: String = strip_civility(name)
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .to_uppercase();
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| t.len() >= 2)
        .map(str::to_string)
        .collect()
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

    #[test]
    fn same_person_by_tokens() {
        assert!(same_person("M. VASSEUR", "Henri VASSEUR"));
        assert!(!same_person("Henri VASSEUR", "Michel DUPONT"));
    }
}
