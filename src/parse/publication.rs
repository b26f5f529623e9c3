//! Publication: signature, transmission to the prefecture, publication, the ACTES receipt id.

use crate::grammar::{self, Date};
use regex::Regex;
use std::sync::LazyLock;

use crate::near::Near;
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
static PLACE_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?m)^[ \t]*(?:Fait\s+à\s+)?\p{Lu}[\p{L}'\- ]{1,40},\s+le\s+"));
// (Every alternative names the préfecture, a transmission or reception, or the contrôle de
// légalité: the pattern runs near those words, see `Near`.)
static TRANSMITTED: LazyLock<Near> = LazyLock::new(|| {
    Near::new(
        r"(?i)pr[ée]fecture|transmission|r[ée]ception|l[ée]galit",
        r"(?i)(?:\b(?:transmise?s?|envoy[ée]e?s?|envoi|d[ée]pos[ée]e?s?|re[çc]ue?s?|r[ée]ception|accus[ée]\s+de\s+r[ée]ception|télétransmise?)(?:\s+(?:en|à\s+la|au\s+contr[ôo]le\s+de\s+l[ée]galit[ée]\s+(?:en|à\s+la)|au\s+représentant\s+de\s+l'[ée]tat))?\s*(?:sous[-\s])?pr[ée]fecture(?:\s+de\s+[\p{L}\-]+)?(?:\s+(?:le|du|en\s+date\s+du))?|\bdate\s+de\s+(?:transmission|r[ée]ception)(?:\s+en\s+pr[ée]fecture)?|\btransmise?\s+au\s+contr[ôo]le\s+de\s+l[ée]galit[ée](?:\s+le)?)\s*:?\s*",
        400,
        400,
    )
});
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:publi[ée]e?s?|affich[ée]e?s?|mise?\s+en\s+ligne)(?:\s+(?:sur\s+le\s+site(?:\s+internet)?(?:\s+de\s+la\s+(?:commune|ville))?|en\s+mairie|à\s+la\s+porte\s+de\s+la\s+mairie|au\s+(?:recueil|registre)[^\n]{0,40}?))?\s+le|\bdate\s+(?:de\s+)?(?:publication|d'affichage|de\s+mise\s+en\s+ligne)|(?m:^[ \t]*(?:date\s+de\s+)?(?:publication|affichage)\s+(?:le|du)))\s*:?\s*",
    )
});
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

pub fn read(text: &str, session: Option<Date>) -> PublicationRead {
    let mut out = PublicationRead::default();
    // Labels alone on consecutive lines share the dates that follow ("Envoi Préfecture :" /
    // "Réception en Préfecture :" / dates): rank counts empty labels seen just before.
    let mut empty_run = 0;
    let mut last_empty_end = 0;
    for m in TRANSMITTED.find_iter(text) {
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
    for m in PUBLISHED.find_iter(text) {
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
    for m in SIGNED.find_iter(text) {
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
        for m in PLACE_DATE.find_iter(&text[tail_from..]) {
            if let Ok((_, d)) = grammar::date(&text[tail_from + m.end()..]) {
                out.signed = Some((d, tail_from + m.start()));
                break;
            }
        }
    }
    out.receipt_id = RECEIPT.find(text).map(|m| m.as_str().to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
