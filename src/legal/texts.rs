//! Texts cited by number or date: lois ("loi n° 2013-595 du 8 juillet 2013", "loi n°84-53",
//! "la loi du 12 juillet 1999", "loi NOTRe"), ordonnances, décrets ("décret n° 91.1415"),
//! arrêtés ("arrêté préfectoral n° 2014-I-022 du 10 janvier 2014"), EU acts ("Règlement (UE)
//! 2016/679"), circulaires, and earlier deliberations ("délibération n° 2022-45 du …").

use crate::grammar;
use crate::model::{LegalKind, LegalReference, Span};
use crate::re;
use regex::Regex;
use std::sync::LazyLock;

use super::tables::nickname_at;

// text := kind issuer? — kind := "loi" ("organique")? | "décret" ("-loi")? | "ordonnance" |
//         "arrêté" issuer? | "règlement (UE)" | "directive (UE)"? | "circulaire" issuer? |
//         determiner "délibération(s)"
const TEXT_KIND_BODY: &str = r"(?:(?P<k>loi(?:\s+organique)?|d[ée]crets?(?:-loi)?|ordonnances?|arr[êe]t[ée]s?|r[èe]glement\s*\(\s*(?:UE|CE)\s*\)|directive(?:\s*\(\s*(?:UE|CE)\s*\))?|circulaire)|(?:la|sa|une|leur|notre|par|ses|ladite|lesdites|pr[ée]c[ée]dente|derni[èe]re)\s+(?P<delib>d[ée]lib[ée]rations?))\s*";
static TEXT_KIND: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)(?-u:\b){TEXT_KIND_BODY}")));
// The same, anchored: at the text's start, or on the character before the match (which its
// `\b` looks at).
static TEXT_KIND_START: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^(?-u:\b){TEXT_KIND_BODY}")));
static TEXT_KIND_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^(?s:.)(?-u:\b){TEXT_KIND_BODY}")));
// Every match of TEXT_KIND holds one of these words, in ASCII lowercase in the ASCII-lowercased
// text (no non-ASCII character folds to their letters; only k and s have such folds). They
// are found by the regex crate's literal search, where TEXT_KIND itself, case-insensitive with
// many words, is a full lazy-DFA pass. No suffix of one is a prefix of another, so their
// non-overlapping matches are all their occurrences.
const KIND_TRIGGERS: [&str; 8] = [
    "loi",
    "cret",
    "ordonnance",
    "arr",
    "glement",
    "directive",
    "circulaire",
    "lib",
];
static KIND_TRIGGER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&KIND_TRIGGERS.join("|")).unwrap());

/// Where a match of TEXT_KIND may start, given its trigger `word` at `t`; a superset, in no
/// order.
fn kind_starts(text: &str, word: &str, t: usize, out: &mut Vec<usize>) {
    let mut push = |s: usize| {
        if text.is_char_boundary(s) {
            out.push(s);
        }
    };
    match word {
        // "d[ée]cret", "r[èe]glement": one letter, then an e of one or two bytes.
        "cret" | "glement" => {
            for back in [2, 3] {
                if let Some(s) = t.checked_sub(back) {
                    push(s);
                }
            }
        }
        // "la\s+d[ée]lib": the determiner ends where the spaces before "d[ée]" start, and
        // starts inside the run of letters ending there, at its start or beside a non-ASCII
        // letter ("ſa" folds to "sa"): between two ASCII ones there is no `\b`.
        "lib" => {
            for back in [2, 3] {
                let Some(d) = t.checked_sub(back).filter(|&d| text.is_char_boundary(d)) else {
                    continue;
                };
                let ws: usize = text[..d]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_whitespace())
                    .map(char::len_utf8)
                    .sum();
                if ws == 0 {
                    continue;
                }
                let end = d - ws;
                let mut s = end;
                for c in text[..end].chars().rev() {
                    if !c.is_alphabetic() {
                        break;
                    }
                    if !c.is_ascii() {
                        push(s);
                        push(s - c.len_utf8());
                    }
                    s -= c.len_utf8();
                }
                if s < end {
                    push(s);
                }
            }
        }
        _ => push(t),
    }
}

/// A match of TEXT_KIND: where it ends, and its kind word with where that starts.
struct KindMatch<'t> {
    end: usize,
    word: &'t str,
    start: usize,
}

/// The successive non-overlapping matches of TEXT_KIND in `text` (`lower` is `text` in ASCII
/// lowercase): those of `TEXT_KIND.captures_iter`, found by anchored searches at the starts
/// the triggers allow.
fn kind_matches<'t>(text: &'t str, lower: &str) -> Vec<KindMatch<'t>> {
    let mut starts = Vec::new();
    for m in KIND_TRIGGER.find_iter(lower) {
        kind_starts(text, m.as_str(), m.start(), &mut starts);
    }
    starts.sort_unstable();
    starts.dedup();
    let mut out = Vec::new();
    let mut pos = 0;
    let b = text.as_bytes();
    let word = |i: usize| b[i].is_ascii_alphanumeric() || b[i] == b'_';
    for s in starts {
        // A match opens with an ASCII `\b`.
        if s < pos || s < b.len() && word(s) == (s > 0 && word(s - 1)) {
            continue;
        }
        // The `\b` a match opens with needs the character before it.
        let (from, c) = match text[..s].chars().next_back() {
            Some(prev) => {
                let from = s - prev.len_utf8();
                (from, TEXT_KIND_AFTER.captures(&text[from..]))
            }
            None => (0, TEXT_KIND_START.captures(text)),
        };
        let Some(c) = c else { continue };
        let end = from + c.get(0).unwrap().end();
        let (word, start) = match (c.name("k"), c.name("delib")) {
            (Some(k), _) => (k.as_str(), from + k.start()),
            (None, Some(d)) => (d.as_str(), from + d.start()),
            _ => continue,
        };
        out.push(KindMatch { end, word, start });
        pos = end;
    }
    out
}
// issuer := "préfectoral" | "ministériel" | "interministériel" | "municipal" | "du maire" | …
static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?P<i>pr[ée]fectora(?:le?s?|ux)|minist[ée]riel(?:le)?s?|interminist[ée]riel(?:le)?s?|municipa(?:le?s?|ux)|inter-?pr[ée]fectora(?:le?s?|ux)|du\s+maire|du\s+pr[ée]fet|du\s+pr[ée]sident)(?-u:\b)\s*",
    )
});
// number := ("n°" | "no" | "numéro")? (digits sep digits | word ("-"|"/") word …)
static TEXT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:n[°o]\.?\s*|num[ée]ro\s+)?(?P<n>\d{2,4}\s?[-.‑/]\s?\d{1,5}(?:/[A-Z]{2,3})?|[\w]{1,12}(?:[-/_][\w]{1,8}){0,4})",
    )
});
// The words before an arrêté that make it a noun.
static ARRETE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:(?-u:\b)(?:l'|le|un|par|des|les|ses|son|cet|ledit|du|d'un|au|aux|leur|mon|vu)\s*)$")
});
// A number stated between an act and its date.
static NUMBER_WITHIN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?-u:\b)n[°o]\.?\s*(?P<n>[A-Z0-9](?:[\w/._-]*[A-Z0-9])?)"));
static NUMBER_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s*,?\s*\(?n[°o]\.?\s*(?P<n>[A-Z0-9](?:[\w/.-]*[A-Z0-9])?)\)?"));
// A deliberation's number with its letters and no "n°": "DEL 2022-118", "DCM_2023-12".
static CODED_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?P<n>[A-Z]{2,6}[\s_-]?\d{2,4}[-_/.]\d{1,5})(?-u:\b)"));
static FREE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:n[°o]\.?\s*|num[ée]ro\s+)(?P<n>[A-Z0-9](?:[\w/.-]*[A-Z0-9])?)"));
// NOR := "NOR" ":"? 4 letters 7 digits 1 letter
static NOR: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*[,(]?\s*NOR\s*:?\s*(?P<nor>[A-Z]{4}\d{7}[A-Z])\)?"));
// dates := "des" day ("," day)* "et" date — "les arrêtés ministériels des 15 et 17 mars 2020"
static DAY_LIST: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\s*,?\s*des\s+(?P<days>\d{1,2}(?:er)?(?:\s*,\s*\d{1,2}(?:er)?)*)\s+et\s+")
});
static DATE_LINK: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*,?\s*(?:du|en\s+date\s+du)\s+"));
static DATED: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?-u:\b)(?:du|en\s+date\s+du)\s+"));

/// An issuer as one masculine singular word: "ministérielles" → "ministériel",
/// "préfectoraux" → "préfectoral", "du  Maire" → "du maire".
fn issuer_name(words: &str) -> String {
    let w = words
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if w.starts_with("du ") {
        return w;
    }
    if let Some(stem) = w.strip_suffix("aux") {
        return format!("{stem}al");
    }
    let w = w.strip_suffix('s').unwrap_or(&w);
    // "ministérielle" → "ministériel", "préfectorale" → "préfectoral".
    let w = w
        .strip_suffix("elle")
        .map(|s| format!("{s}el"))
        .unwrap_or(w.to_string());
    w.strip_suffix("ale").map(|s| format!("{s}al")).unwrap_or(w)
}

/// Which words start a citation of which kind.
fn kind_of(word: &str) -> LegalKind {
    let k = word.to_lowercase();
    if k.starts_with("loi") {
        LegalKind::Loi
    } else if k.starts_with('d') && k.contains("cret") {
        LegalKind::Decret
    } else if k.starts_with("ordonnance") {
        LegalKind::Ordonnance
    } else if k.starts_with("arr") {
        LegalKind::Arrete
    } else if k.starts_with('r') {
        LegalKind::ReglementUe
    } else if k.starts_with("directive") {
        LegalKind::DirectiveUe
    } else if k.starts_with("circulaire") {
        LegalKind::Other
    } else {
        LegalKind::Deliberation
    }
}

/// The first date stated in `text[pos..end]` after "du" / "en date du": an arrêté's
/// author, or a deliberation's body, may stand between the act and its date ("l'arrêté
/// Préfectoral modifié du 16 juin 1980", "la délibération du conseil municipal du 3 mars").
/// Returns the date, where its link ("du") starts, and where the date ends.
fn date_within(text: &str, pos: usize, max: usize) -> Option<(String, usize, usize)> {
    let end = text[pos..]
        .find(['.', ';', ':'])
        .map(|e| pos + e)
        .unwrap_or(text.len())
        .min(pos + max);
    let end = crate::ceil_boundary(text, end);
    for l in DATED.find_iter(&text[pos..end]) {
        // Another act cited in between: the date is that act's.
        if TEXT_KIND.is_match(&text[pos..pos + l.start()]) {
            return None;
        }
        if let Ok((r, d)) = grammar::date(&text[pos + l.end()..]) {
            return Some((d.iso(), pos + l.start(), text.len() - r.len()));
        }
    }
    None
}

/// Every numbered or dated text in `text`, with the offset where its citation starts.
pub fn find(
    text: &str,
    base: usize,
    span_of: &dyn Fn(usize, usize) -> Span,
) -> Vec<(usize, LegalReference)> {
    find_in(text, &text.to_ascii_lowercase(), base, span_of)
}

/// [`find`], given `text` in ASCII lowercase.
pub(super) fn find_in(
    text: &str,
    lower: &str,
    base: usize,
    span_of: &dyn Fn(usize, usize) -> Span,
) -> Vec<(usize, LegalReference)> {
    let mut out = Vec::new();
    for KindMatch {
        end: m_end,
        word,
        start,
    } in kind_matches(text, lower)
    {
        // A word, not the start of one ("loisirs", "arrêtée", "circulaires").
        if text[start + word.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        let kind = kind_of(word);
        let mut pos = m_end;
        let mut issuer = None;
        if matches!(kind, LegalKind::Arrete | LegalKind::Other) {
            if let Some(i) = ISSUER.captures(&text[pos..]) {
                issuer = Some(issuer_name(&i["i"]));
                pos += i.get(0).unwrap().end();
            }
        }
        // "l'arrêté", "par arrêté", "arrêté préfectoral", "arrêté n°": the act; "il est convenu
        // et arrêté ce qui suit", "le montant arrêté à": the verb.
        if kind == LegalKind::Arrete
            && issuer.is_none()
            && !ARRETE_BEFORE.is_match(crate::tail(text, start, 24))
        {
            let after: String = text[pos..].trim_start().chars().take(4).collect();
            let after = after.to_lowercase();
            let numbered = after.starts_with(|c: char| c.is_ascii_digit());
            if !(numbered
                || after.starts_with("n°")
                || after.starts_with("no ")
                || after.starts_with("du "))
            {
                continue;
            }
        }
        let rest = &text[pos..];
        let lower: String = rest.chars().take(8).collect::<String>().to_lowercase();
        let has_no = lower.starts_with("n°")
            || lower.starts_with("no ")
            || lower.starts_with("n °")
            || lower.starts_with("numéro");
        let mut number = None;
        if let Some(n) = FREE_NUMBER
            .captures(rest)
            .filter(|_| has_no && kind == LegalKind::Deliberation)
        {
            // A deliberation's number is the body's own: kept as written ("22/03/04").
            number = Some(n["n"].to_string());
            pos += n.get(0).unwrap().end();
        } else if let Some(n) = (has_no
            || rest.starts_with(|c: char| c.is_ascii_digit() || c == 'n' || c == 'N'))
        .then(|| TEXT_NUMBER.captures(rest))
        .flatten()
        // (Without "n°", a number counts only when it starts with an ASCII digit; with no
        // "n" to open its prefix, it starts the rest: nothing to search otherwise.)
        {
            // A number wrapped at a line end ("84-\n53") is one number.
            let raw: String = n["n"].split_whitespace().collect();
            let numeric = raw.chars().next().is_some_and(|c| c.is_ascii_digit());
            // Without "n°", only a number of the usual shape counts ("loi 84-53").
            let usual = numeric && raw.contains(['-', '.', '‑', '/']);
            if (has_no || usual) && raw.chars().any(|c| c.is_ascii_digit()) {
                let norm = if matches!(kind, LegalKind::ReglementUe | LegalKind::DirectiveUe) {
                    raw.clone()
                } else if numeric && raw.matches(['-', '.', '‑']).count() == 1 {
                    raw.replace(['.', '‑'], "-")
                } else {
                    raw.clone()
                };
                number = Some(norm);
                pos += n.get(0).unwrap().end();
            }
        }
        if number.is_none() && kind == LegalKind::Deliberation {
            if let Some(n) = CODED_NUMBER.captures(&text[pos..]) {
                number = Some(n["n"].to_string());
                pos += n.get(0).unwrap().end();
            }
        }
        let mut date = None;
        // Earlier days of a list of dates: one text each.
        let mut also: Vec<String> = Vec::new();
        if let Some(l) = DATE_LINK.find(&text[pos..]) {
            if let Ok((r, d)) = grammar::date(&text[pos + l.end()..]) {
                date = Some(d.iso());
                pos = text.len() - r.len();
            }
        } else if let Some(l) = DAY_LIST.captures(&text[pos..]) {
            if let Ok((r, d)) = grammar::date(&text[pos + l.get(0).unwrap().end()..]) {
                for day in l["days"].split(',') {
                    let day: String = day.chars().filter(|c| c.is_ascii_digit()).collect();
                    // Earlier days of the same month, so always valid dates.
                    if let Some(day) = day.parse::<u32>().ok().filter(|&x| x >= 1 && x < d.day) {
                        also.push(grammar::Date { day, ..d }.iso());
                    }
                }
                date = Some(d.iso());
                pos = text.len() - r.len();
            }
        }
        if date.is_none() && matches!(kind, LegalKind::Arrete | LegalKind::Deliberation) {
            if let Some((d, link, end)) = date_within(text, pos, 140) {
                // "la délibération du Conseil départemental n° CD-2021-07-002 du 1er juillet".
                if number.is_none() {
                    number = NUMBER_WITHIN
                        .captures(&text[pos..link])
                        .map(|n| n["n"].to_string());
                }
                date = Some(d);
                pos = end;
            }
        }
        // "la délibération du 23 novembre 2023, N°2023-125".
        if number.is_none() && kind == LegalKind::Deliberation && date.is_some() {
            if let Some(n) = NUMBER_AFTER.captures(&text[pos..]) {
                number = Some(n["n"].to_string());
                pos += n.get(0).unwrap().end();
            }
        }
        let mut nor = None;
        if let Some(n) = NOR.captures(&text[pos..]) {
            nor = Some(n["nor"].to_string());
            pos += n.get(0).unwrap().end();
        }
        if kind == LegalKind::Loi && number.is_none() {
            if let Some(nick) = nickname_at(&text[m_end..]) {
                number = Some(nick.number.clone());
                date = date.or(Some(nick.date.clone()));
            }
        }
        if number.is_none() && date.is_none() && nor.is_none() {
            continue;
        }
        // A deliberation is cited by its date: a number alone does not tell it from the act's
        // own heading ("Délibération n° 12"). An arrêté without a date needs its "n°".
        if kind == LegalKind::Deliberation && date.is_none()
            || kind == LegalKind::Arrete && date.is_none() && !has_no
        {
            continue;
        }
        let mut r = LegalReference::new(
            kind,
            text[start..pos].trim().to_string(),
            span_of(base + start, base + pos),
        );
        r.date = date;
        r.issuer = issuer;
        match kind {
            // Arrêtés are keyed by their date; the number is the key only when undated.
            LegalKind::Arrete => {
                if r.date.is_none() {
                    r.number = number.clone();
                }
                r.act_number = number;
            }
            LegalKind::Other => {
                r.act = Some("circulaire".into());
                r.number = number.or(nor);
            }
            _ => r.number = number,
        }
        for d in also {
            let mut earlier = r.clone();
            earlier.date = Some(d);
            out.push((start, earlier));
        }
        out.push((start, r));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> (LegalKind, Option<String>, Option<String>) {
        let found = find(s, 0, &|a, b| Span {
            start: a,
            end: b,
            line: 1,
            page: None,
        });
        assert_eq!(found.len(), 1, "{s}: {found:?}");
        let r = &found[0].1;
        (r.kind, r.number.clone(), r.date.clone())
    }

    fn none(s: &str) {
        let found = find(s, 0, &|_, _| Span::default());
        assert!(found.is_empty(), "{s}: {found:?}");
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    /// The matches found from the triggers are those of TEXT_KIND over the whole text.
    #[test]
    fn kind_matches_are_text_kinds() {
        // No trigger can start inside another's match.
        for a in KIND_TRIGGERS {
            for b in KIND_TRIGGERS {
                for i in 1..a.len() {
                    assert!(!a[i..].starts_with(b) && !b.starts_with(&a[i..]), "{a} {b}");
                }
            }
        }
        let texts = [
            concat!(
                include_str!("../../fixtures/extrait_visas_short_forms.txt"),
                include_str!("../../fixtures/extrait_legal_refs.txt")
            ),
            "la délibération ; LA DÉLIBÉRATION ; éla délibération ; xla délibération ; xſa délibération",
            "ſa délibération ; sa\u{3000}\n délibérations ; précédente   deliberation ; PRÉCÉDENTE Délibération",
            "emploi ; la loi ; LOI organique ; loisirs ; DÉCRET ; décrets-loi ; decret ; xdécret ; édécret",
            "arrêtés ; ARRÊTÉ ; arrondissement ; règlement (UE) ; REGLEMENT ( CE ) ; directive(UE)",
            "circulaire ; ordonnances ; lesdites délibérations ; dernière délibération ; derniere deliberation",
            "lib ; délib ; dlib ; la lib",
            "",
        ];
        for t in texts {
            let lower = t.to_ascii_lowercase();
            for (i, _) in t.char_indices().step_by(5).chain([(t.len(), ' ')]) {
                for part in [&t[i..], &t[..i]] {
                    let want: Vec<(usize, usize, usize)> = TEXT_KIND
                        .captures_iter(part)
                        .map(|c| {
                            let k = c.name("k").or(c.name("delib")).unwrap();
                            (c.get(0).unwrap().end(), k.start(), k.end())
                        })
                        .collect();
                    let lower_part = if part.len() == t.len() {
                        lower.clone()
                    } else {
                        part.to_ascii_lowercase()
                    };
                    let got: Vec<(usize, usize, usize)> = kind_matches(part, &lower_part)
                        .into_iter()
                        .map(|m| (m.end, m.start, m.start + m.word.len()))
                        .collect();
                    assert_eq!(got, want, "{part}");
                }
            }
        }
    }

    #[test]
    fn lois() {
        use LegalKind::Loi;
        assert_eq!(
            one("la loi n° 2013-595 du 8 juillet 2013"),
            (Loi, some("2013-595"), some("2013-07-08"))
        );
        assert_eq!(one("la loi n°84-53 du 26 janvier 1984").1, some("84-53"));
        assert_eq!(one("la loi 84-53").1, some("84-53"));
        assert_eq!(
            one("la loi du 12 juillet 1999"),
            (Loi, None, some("1999-07-12"))
        );
        assert_eq!(
            one("la loi NOTRe"),
            (Loi, some("2015-991"), some("2015-08-07"))
        );
        assert_eq!(
            one("la loi organique n° 2021-467 du 16 avril 2021").1,
            some("2021-467")
        );
        none("la loi relative aux libertés");
        none("les loisirs du 12 juillet 1999");
        none("la liste arrêtée du 5 mars 2024");
        none("il est convenu et arrêté ce qui suit : le conseil du 7 février 2020");
    }

    #[test]
    fn decrets_and_ordonnances() {
        assert_eq!(
            one("décret n° 85-565 du 30 mai 1985"),
            (LegalKind::Decret, some("85-565"), some("1985-05-30"))
        );
        assert_eq!(one("décret n° 91.1415").1, some("91-1415"));
        assert_eq!(
            one("l'ordonnance n° 2021-1310"),
            (LegalKind::Ordonnance, some("2021-1310"), None)
        );
    }

    #[test]
    fn arretes_with_issuer_number_and_date() {
        let r = &find(
            "arrêté préfectoral n° 2014-I-022 du 10 janvier 2014",
            0,
            &|_, _| Span::default(),
        )[0]
        .1;
        assert_eq!(r.kind, LegalKind::Arrete);
        assert_eq!(r.issuer.as_deref(), Some("préfectoral"));
        assert_eq!(r.act_number.as_deref(), Some("2014-I-022"));
        assert_eq!(r.date.as_deref(), Some("2014-01-10"));
        assert_eq!(r.number, None);
        assert_eq!(
            one("l'arrêté Préfectoral modifié du 16 Juin 1980 portant création").2,
            some("1980-06-16")
        );
        assert_eq!(
            one("l'arrêté n°24/226 CE du Président du Conseil Exécutif de Corse en date du 15 mai 2024").2,
            some("2024-05-15")
        );
        let dates: Vec<_> = find(
            "complété par les arrêtés ministériels des 15 et 17 mars 2020, portant",
            0,
            &|_, _| Span::default(),
        )
        .into_iter()
        .map(|(_, r)| r.date.unwrap())
        .collect();
        assert_eq!(dates, ["2020-03-15", "2020-03-17"]);
        assert_eq!(
            one("l'arrêté ministériel du 5 mars 2020").0,
            LegalKind::Arrete
        );
        // Undated, with its number.
        assert_eq!(
            one("l'arrêté préfectoral n°IC/2025/162 portant").1,
            some("IC/2025/162")
        );
        none("l'arrêté 12 portant délégation");
    }

    #[test]
    fn issuers_are_one_word_each() {
        for (w, want) in [
            ("préfectoral", "préfectoral"),
            ("préfectorale", "préfectoral"),
            ("Préfectoraux", "préfectoral"),
            ("ministériels", "ministériel"),
            ("ministérielles", "ministériel"),
            ("municipal", "municipal"),
            ("municipaux", "municipal"),
            ("du  Maire", "du maire"),
        ] {
            assert_eq!(issuer_name(w), want, "{w}");
        }
    }

    #[test]
    fn eu_acts() {
        assert_eq!(
            one("Règlement (UE) 2016/679"),
            (LegalKind::ReglementUe, some("2016/679"), None)
        );
        assert_eq!(one("la directive 2014/24/UE").0, LegalKind::DirectiveUe);
    }

    #[test]
    fn circulaires() {
        let found = find(
            "la circulaire ministérielle du 23 mars 2020, NOR : INTB2008208C",
            0,
            &|_, _| Span::default(),
        );
        let r = &found[0].1;
        assert_eq!(
            (r.kind, r.act.as_deref()),
            (LegalKind::Other, Some("circulaire"))
        );
        assert_eq!(r.date.as_deref(), Some("2020-03-23"));
        assert_eq!(r.number.as_deref(), Some("INTB2008208C"));
        assert_eq!(r.issuer.as_deref(), Some("ministériel"));
        none("une circulaire sera adressée aux familles");
    }

    #[test]
    fn earlier_deliberations() {
        assert_eq!(
            one("Vu la délibération n° 2022-45 du 12 mai 2022 fixant les tarifs"),
            (LegalKind::Deliberation, some("2022-45"), some("2022-05-12"))
        );
        assert_eq!(
            one("Vu la délibération du conseil municipal en date du 3 mars 2021 portant"),
            (LegalKind::Deliberation, None, some("2021-03-03"))
        );
        assert_eq!(
            one("par délibération du 14 décembre 2020, le conseil").2,
            some("2020-12-14")
        );
        // The act's own heading, and "la présente délibération", are not citations.
        assert_eq!(
            one("la délibération du Conseil départemental n° CD-2021-07-002 du 1er juillet 2021").1,
            some("CD-2021-07-002")
        );
        assert_eq!(
            one("la délibération n° 22/03/04 en date du 16 mars 2022").1,
            some("22/03/04")
        );
        assert_eq!(
            one("sa délibération DEL 2022-118 du 8 décembre 2022").1,
            some("DEL 2022-118")
        );
        assert_eq!(
            one("Vu la délibération du 23 novembre 2023, N°2023-125 approuvant").1,
            some("2023-125")
        );
        none("DÉLIBÉRATION N° 2023-045\nObjet : tarifs");
        none("Dit que la présente délibération sera transmise");
        none("la délibération n° 2022-45 portant");
        none("Extrait du registre des délibérations du conseil municipal du 12 mai 2023");
        none("le projet de délibération du 12 mai 2023");
    }
}
