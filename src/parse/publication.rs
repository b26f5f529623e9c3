//! Publication: signature, transmission to the prefecture, publication, the ACTES receipt id.

use crate::grammar::{self, Date};
use regex::Regex;
use std::sync::LazyLock;

use super::items::{anchored, find_near, line_starts};
use crate::has_odd_folds;
use crate::re;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PublicationRead {
    pub signed: Option<(Date, usize)>,
    pub transmitted: Option<(Date, usize)>,
    pub published: Option<(Date, usize)>,
    pub receipt_id: Option<String>,
}

static SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?im)(?:^[ \t]*(?:[-•]\s*)?(?:acte\s+)?sign[ée]e?(?:\s+(?:[ée]lectroniquement|num[ée]riquement))?\s+le|\bpour\s+extrait\s+(?:certifi[ée]\s+)?conforme[^\n]{0,60}?\ble|\bfait\s+à\s+[^\n,]{2,40},?\s+le|\bd[ée]lib[ée]r[ée]\s+(?:en\s+s[ée]ance\s+)?(?:à\s+[^\n,]{2,40},?\s+)?le|\bdate\s+de\s+signature)\s*:?\s*",
    )
});
// "Corte, le 13 février 2023" alone on its line, near the signatures.
#[cfg(test)]
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| re(PLACE_DATE_PAT));
const PLACE_DATE_PAT: &str = r"(?m)^[ \t]*(?:Fait\s+à\s+)?\p{Lu}[\p{L}'\- ]{1,40},\s+le\s+";
// Tried line by line: every match starts a line, with a capital past its spaces and tabs.
static PLACE_DATE_AT: LazyLock<Regex> = LazyLock::new(|| anchored(PLACE_DATE_PAT));
static TRANSMITTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:transmise?s?|envoy[ée]e?s?|envoi|d[ée]pos[ée]e?s?|re[çc]ue?s?|r[ée]ception|accus[ée]\s+de\s+r[ée]ception|télétransmise?)(?:\s+(?:en|à\s+la|au\s+contr[ôo]le\s+de\s+l[ée]galit[ée]\s+(?:en|à\s+la)|au\s+représentant\s+de\s+l'[ée]tat))?\s*(?:sous[-\s])?pr[ée]fecture(?:\s+de\s+[\p{L}\-]+)?(?:\s+(?:le|du|en\s+date\s+du))?|\bdate\s+de\s+(?:transmission|r[ée]ception)(?:\s+en\s+pr[ée]fecture)?|\btransmise?\s+au\s+contr[ôo]le\s+de\s+l[ée]galit[ée](?:\s+le)?)\s*:?\s*",
    )
});
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:publi[ée]e?s?|affich[ée]e?s?|mise?\s+en\s+ligne)(?:\s+(?:sur\s+le\s+site(?:\s+internet)?(?:\s+de\s+la\s+(?:commune|ville))?|en\s+mairie|à\s+la\s+porte\s+de\s+la\s+mairie|au\s+(?:recueil|registre)[^\n]{0,40}?))?\s+le|\bdate\s+(?:de\s+)?(?:publication|d'affichage|de\s+mise\s+en\s+ligne)|\bdate\s+de\s+l'affichage\s+du\s+[^:\n]{1,24}?\s*:|(?m:^[ \t]*(?:date\s+de\s+)?(?:publication|affichage)\s+(?:le|du)))\s*:?\s*",
    )
});

// Each pattern above runs only around words that every one of its matches holds, found in the
// text lowercased (ASCII; see `find_near`, `has_odd_folds`), with a bound on the tokens a
// match touches: one more than the runs of ASCII whitespace it can hold, counted element by
// element (a `[^\n]{0,60}` holds at most 30).
// TRANSMITTED: "préfecture" (first alternative), "transmission"/"date de réception"
// (second), "transmise" (third). Longest: "accusé de réception au contrôle de légalité à la
// sous-préfecture de X en date du :", 19 runs.
const TRANSMITTED_AT: &str = r"fecture|transmi|date\s+de\s+r(?:e|é|É)ception";
const TRANSMITTED_TOKENS: usize = 24;
// PUBLISHED: "publié(e)", "publication" (after "date"/"de" or before "le"/"du"), "affiché(e)"
// /"affichage", "ligne" (after "en"). Longest: "mise en ligne au registre [^\n]{0,40} le :",
// 27 runs.
const PUBLISHED_AT: &str = r"publi(?:e|é|É|cation)|affich|ligne";
const PUBLISHED_TOKENS: usize = 32;
// SIGNED: "signé(e)" (opening a line, after a bullet or "acte"), "date de signature", "pour
// extrait", "fait à", "délibéré" and a space. Longest: "pour extrait certifié conforme
// [^\n]{0,60} le :", 35 runs.
const SIGNED_AT: &str =
    r"sign(?:e|é|É)|date\s+de\s+signature|pour\s+extrait|fait\s+(?:à|À)|lib(?:e|é|É)r(?:e|é|É)\s";
const SIGNED_TOKENS: usize = 40;

/// The three patterns' triggers in one pass, each kind by its first letters (no position
/// starts two kinds), found at every position where one starts (a search goes on from the
/// next byte, so overlapping ones are all seen).
static TRIGGERS: LazyLock<Regex> =
    LazyLock::new(|| re(&format!("{TRANSMITTED_AT}|{PUBLISHED_AT}|{SIGNED_AT}")));

/// The starts of the triggers of TRANSMITTED, PUBLISHED and SIGNED in `lower`, the text
/// lowercased (ASCII), that their `keep_` tests let through.
fn triggers(lower: &str) -> [Vec<usize>; 3] {
    let mut out: [Vec<usize>; 3] = Default::default();
    let mut at = 0;
    while let Some(m) = TRIGGERS.find_at(lower, at) {
        let (start, w) = (m.start(), m.as_str());
        let kind = match w.as_bytes()[0] {
            b't' => 0,
            b'f' if w.starts_with("fecture") => 0,
            b'd' if w.ends_with("ception") => 0,
            b'p' if w.starts_with("publi") => 1,
            b'a' => 1,
            b'l' if w.starts_with("ligne") => 1,
            _ => 2,
        };
        let keep = match kind {
            1 => keep_published(lower, start, w),
            2 => keep_signed(lower, start, w),
            _ => true,
        };
        if keep {
            out[kind].push(start);
        }
        // (Every trigger opens with an ASCII letter: the next byte starts a character.)
        at = start + 1;
    }
    out
}

/// "publication" in the second alternative follows "date"/"date de", in the third precedes
/// "le"/"du"; "ligne" follows "mise en".
fn keep_published(lower: &str, at: usize, word: &str) -> bool {
    match word {
        "publication" => {
            let before = lower[..at].trim_end();
            let after = lower[at + word.len()..].trim_start();
            before.ends_with("date")
                || before.ends_with("de")
                || after.starts_with("le")
                || after.starts_with("du")
        }
        "ligne" => lower[..at].trim_end().ends_with("en"),
        _ => true,
    }
}

/// "signé" in the first alternative has only spaces, a bullet or "acte" before it on its line
/// (`\s` may hold newlines after the bullet or "acte").
fn keep_signed(lower: &str, at: usize, word: &str) -> bool {
    if !word.starts_with("sign") {
        return true;
    }
    let before = lower[..at].trim_end();
    before.is_empty()
        || lower[before.len()..at].contains('\n')
        || before.ends_with(['-', '•'])
        || before.ends_with("acte")
}

static RECEIPT: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b\d{2,3}[AB]?-\d{9}-\d{8}-[\w]+(?:-[\w]+)*-(?:DE|AR|AI|CC|BF|AU|DL)\b"));

/// A date right after a label, or, when the label ends its line without one (labels and
/// values in separate blocks), among the next lines. The n-th label of a run of labels takes
/// the n-th date.
fn date_after(text: &str, at: usize, rank: usize, reference: Option<Date>) -> Option<Date> {
    let rest = &text[at..];
    if let Ok((_, d)) = grammar::partial_date(rest) {
        return d.resolve(reference);
    }
    let line_rest = rest.split('\n').next().unwrap_or("");
    if !line_rest.trim().is_empty() {
        return None;
    }
    let window: String = rest.split('\n').take(8).collect::<Vec<_>>().join("\n");
    grammar::find_all(&window, grammar::date)
        .get(rank)
        .map(|(_, _, d)| *d)
}

/// The matches of `full`, searched around `triggers`, or over the whole text without them.
fn matches_near<'t>(
    text: &'t str,
    triggers: Option<&[usize]>,
    full: &Regex,
    tokens: usize,
) -> Vec<regex::Match<'t>> {
    match triggers {
        Some(t) => find_near(text, t.iter().copied(), full, tokens),
        None => full.find_iter(text).collect(),
    }
}

/// The first receipt id. Its hyphen after the department ("034-213401722-…") is followed by
/// nine digits and a hyphen (a non-ASCII digit is not ASCII); the id holds no whitespace, so
/// touches one token.
fn receipt(text: &str) -> Option<&str> {
    let hyphens = text.match_indices('-').map(|(i, _)| i).filter(|&i| {
        let mut cs = text[i + 1..].chars();
        (0..9).all(|_| {
            cs.next()
                .is_some_and(|c| c.is_ascii_digit() || !c.is_ascii())
        }) && cs.next() == Some('-')
    });
    find_near(text, hyphens, &RECEIPT, 1)
        .first()
        .map(|m| m.as_str())
}

/// The spans of `PLACE_DATE.find_iter(tail)` (the pattern's `^` holds at `tail`'s start too):
/// every match starts at a line's start, so the next one is at the first line from where
/// the previous match ended where the pattern matches (with `\A`, `^` holds there as after a
/// newline), and a line opens with a capital where one may start.
fn place_dates(tail: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in line_starts(tail) {
        if line < at {
            continue;
        }
        // A capital, then (unless "Fait à" comes first) at most 40 letters, quotes, hyphens
        // and spaces and a comma, on the same line.
        let rest = tail[line..].trim_start_matches([' ', '\t']);
        let comma = || {
            rest.chars()
                .take(42)
                .take_while(|&c| c != '\n')
                .any(|c| c == ',')
        };
        if !rest.starts_with(char::is_uppercase) || !(rest.starts_with("Fait") || comma()) {
            continue;
        }
        if let Some(m) = PLACE_DATE_AT.find(&tail[line..]) {
            out.push((line, line + m.end()));
            at = line + m.end();
        }
    }
    out
}

pub fn read(text: &str, session: Option<Date>) -> PublicationRead {
    let mut out = PublicationRead::default();
    let found = (!has_odd_folds(text)).then(|| triggers(&text.to_ascii_lowercase()));
    let at = |k: usize| found.as_ref().map(|t| t[k].as_slice());
    // Labels alone on consecutive lines share the dates that follow ("Envoi Préfecture :" /
    // "Réception en Préfecture :" / dates): rank counts empty labels seen just before.
    let mut empty_run = 0;
    let mut last_empty_end = 0;
    for m in matches_near(text, at(0), &TRANSMITTED, TRANSMITTED_TOKENS) {
        let rank = if m.start() <= last_empty_end + 2 {
            empty_run
        } else {
            0
        };
        let d = date_after(text, m.end(), rank, session);
        let empty = text[m.end()..]
            .split('\n')
            .next()
            .unwrap_or("")
            .trim()
            .is_empty();
        if empty {
            empty_run = rank + 1;
            last_empty_end = m.end() + 1;
        }
        if let Some(d) = d {
            out.transmitted.get_or_insert((d, m.start()));
            break;
        }
    }
    for m in matches_near(text, at(1), &PUBLISHED, PUBLISHED_TOKENS) {
        // "Date de convocation : … – Affichée le …" is the convocation's posting.
        let line_start = text[..m.start()].rfind('\n').map(|p| p + 1).unwrap_or(0);
        if text[line_start..m.start()]
            .to_lowercase()
            .contains("convocation")
        {
            continue;
        }
        if let Some(d) = date_after(text, m.end(), 0, session) {
            out.published = Some((d, m.start()));
            break;
        }
    }
    for m in matches_near(text, at(2), &SIGNED, SIGNED_TOKENS) {
        if let Ok((_, d)) = grammar::partial_date(&text[m.end()..]) {
            if let Some(d) = d.resolve(session) {
                out.signed = Some((d, m.start()));
                break;
            }
        }
    }
    if out.signed.is_none() {
        // Only in the closing part: a place and date opening a line is the signature's.
        let tail_from = text.len().saturating_sub(1500);
        let tail_from = (tail_from..text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len());
        for (start, end) in place_dates(&text[tail_from..]) {
            if let Ok((_, d)) = grammar::date(&text[tail_from + end..]) {
                out.signed = Some((d, tail_from + start));
                break;
            }
        }
    }
    out.receipt_id = receipt(text).map(str::to_string);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_find_what_the_patterns_find() {
        let frags = [
            "Transmis",
            "transmise",
            "en",
            "à la",
            "préfecture",
            "Préfecture",
            "PRÉFECTURE",
            "sous-",
            "de Corse",
            "le",
            "du",
            " ",
            "\n",
            "\t",
            "\n\n",
            ":",
            "12 mars 2024",
            "23/05/2014",
            "Publié",
            "publiée",
            "affichée",
            "mise en ligne",
            "sur le site",
            "au registre",
            "date de publication",
            "Date",
            "de",
            "réception",
            "Réception",
            "accusé de réception",
            "Signé",
            "signée",
            "électroniquement",
            "Fait à",
            "Corte",
            ",",
            "délibéré",
            "Délibéré",
            "en séance",
            "pour extrait",
            "certifié",
            "conforme",
            "Pour",
            "signature",
            "Acte",
            "-",
            "•",
            "contrôle de légalité",
            "x",
            "\u{a0}",
            "034-213401722-20140522-0000072016-DE",
            "-123456789-",
            "12345678",
            "-AR",
            "2A",
            "acte",
            "\n- ",
            "• ",
            "Date de réception",
            "Date de transmission",
            "date de publication",
            "publication",
            "Publication du",
            "en ligne",
            "Paris",
            "Fait à Corte,",
        ];
        for t in crate::parse::items::tests::random_texts(&frags, 20000) {
            let found = triggers(&t.to_ascii_lowercase());
            let pats: [(&Regex, usize); 3] = [
                (&TRANSMITTED, TRANSMITTED_TOKENS),
                (&PUBLISHED, PUBLISHED_TOKENS),
                (&SIGNED, SIGNED_TOKENS),
            ];
            for (k, (full, n)) in pats.into_iter().enumerate() {
                let want: Vec<_> = full.find_iter(&t).map(|m| m.range()).collect();
                let got: Vec<_> = matches_near(&t, Some(&found[k]), full, n)
                    .iter()
                    .map(|m| m.range())
                    .collect();
                assert_eq!(got, want, "{t:?}");
            }
            assert_eq!(receipt(&t), RECEIPT.find(&t).map(|m| m.as_str()), "{t:?}");
            let want: Vec<_> = PLACE_DATE
                .find_iter(&t)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(place_dates(&t), want, "{t:?}");
        }
    }

    #[test]
    fn one_per_line() {
        let p = read("Signé le 18 avril 2023\nTransmis en préfecture le 18 avril 2023\nPublié sur le site le 19 avril 2023", None);
        assert_eq!(p.signed.unwrap().0.iso(), "2023-04-18");
        assert_eq!(p.transmitted.unwrap().0.iso(), "2023-04-18");
        assert_eq!(p.published.unwrap().0.iso(), "2023-04-19");
    }

    #[test]
    fn labels_then_values() {
        let p = read("Acte Certifié exécutoire\nEnvoi Préfecture :\nRéception en Préfecture :\n\n23/05/2014\n24/05/2014\n034-213401722-20140522-0000072016-DE\nPubliée le : 23 mai 2014", None);
        assert_eq!(p.transmitted.unwrap().0.iso(), "2014-05-23");
        assert_eq!(p.published.unwrap().0.iso(), "2014-05-23");
        assert_eq!(
            p.receipt_id.as_deref(),
            Some("034-213401722-20140522-0000072016-DE")
        );
    }

    #[test]
    fn place_and_date() {
        let p = read(
            "la séance est levée.\nCorte, le 13 février 2023\nLe Maire",
            None,
        );
        assert_eq!(p.signed.unwrap().0.iso(), "2023-02-13");
    }
}
