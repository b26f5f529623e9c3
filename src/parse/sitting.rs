//! The sitting item by item: what each item is (`kind`), who withdrew for it, who presided,
//! and who was in the room — the opening attendance with the arrivals and departures stated
//! before it, and the counts the document restates for it.

use super::{attendance, changes, elections};
use crate::model::*;
use crate::names::{name_key, same_keys, same_person};
use crate::near::Near;
use crate::normalize::Text;
use crate::re;
use regex::Regex;
use std::sync::LazyLock;

static MINUTES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:approbation|adoption|validation)\s+(?:du|des|de\s+la)\s+(?:proc[èe]s[-\s]verba(?:l|ux)|comptes?[-\s]rendus?|PV|CR)(?-u:\b)",
    )
});
static DELEGATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)d[ée]cisions?\s+(?:prises?\s+)?(?:du|par\s+(?:le|la|monsieur\s+le|madame\s+la))\s+(?:maire|pr[ée]sidente?|bureau)|compte[-\s]rendu\s+des\s+d[ée]cisions|d[ée]l[ée]gations?\s+(?:du|au|consenties?\s+au)\s+(?:maire|pr[ée]sident)|L\.?\s?2122-23|L\.?\s?5211-10",
    )
});
static TAKES_NOTE: LazyLock<Near> = LazyLock::new(|| {
    Near::new(
        r"(?i)acte",
        r"(?i)(?:prend|prennent|a\s+pris|donne)\s+acte|pris\s+acte|prise\s+d'acte",
        200,
        20,
    )
});
static INFORMATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:informations?|point\s+d'information|communications?|questions?\s+diverses|d[ée]bat\s+sans\s+vote)(?-u:\b)",
    )
});

/// A subject that announces information rather than a deliberation.
pub fn is_information(subject: &str) -> bool {
    INFORMATION.is_match(subject)
}

fn counted(v: &Vote) -> bool {
    v.for_.is_some() || v.against.is_some() || v.abstention.is_some()
}

/// What an item is, from its subject and its words.
pub fn kind_of(d: &Deliberation, body: &str) -> ItemKind {
    let subject = d.subject.as_deref().unwrap_or("");
    if d.election.is_some() && elections::is_election(d.subject.as_deref(), body) {
        return ItemKind::Election;
    }
    if MINUTES.is_match(subject) {
        return ItemKind::MinutesApproval;
    }
    let voted = counted(&d.vote) || d.vote.unanimous.is_some();
    if !counted(&d.vote) && DELEGATED.is_match(subject) {
        return ItemKind::DelegatedDecisions;
    }
    if !counted(&d.vote) && TAKES_NOTE.is_match(body) {
        return ItemKind::PrendActe;
    }
    if INFORMATION.is_match(subject) && !voted {
        return ItemKind::Information;
    }
    ItemKind::Vote
}

/// The item a named point refers to: its number as written, the number's last part ("2" for
/// "2023-02"), the point numbered so on the line before the item's own number ("Point 4 –
/// Subvention …" above "Délibération n° 2024-031"), or else the n-th item.
fn item_numbered(items: &[Deliberation], n: &str, text: &str) -> Option<usize> {
    let n = n.trim_matches(|c: char| !c.is_alphanumeric());
    if let Some(i) = items.iter().position(|d| {
        d.number
            .as_deref()
            .is_some_and(|x| x.eq_ignore_ascii_case(n))
    }) {
        return Some(i);
    }
    let want: u32 = n.parse().ok()?;
    let point_above = |d: &Deliberation| -> Option<u32> {
        let start = d.span.start.min(text.len());
        let before = text.get(..start)?.trim_end();
        let line = &before[before.rfind('\n').map_or(0, |p| p + 1)..];
        static POINT: LazyLock<Regex> = LazyLock::new(|| {
            re(r"(?i)^(?:point|question|dossier|affaire)\s+(?:n[°o]\s*)?(\d{1,3})\b")
        });
        POINT.captures(line)?.get(1)?.as_str().parse().ok()
    };
    if let Some(i) = items.iter().position(|d| point_above(d) == Some(want)) {
        return Some(i);
    }
    let last_part = |x: &str| -> Option<u32> {
        x.rsplit(|c: char| !c.is_ascii_digit())
            .find(|p| !p.is_empty())?
            .parse()
            .ok()
    };
    items
        .iter()
        .position(|d| d.number.as_deref().and_then(last_part) == Some(want))
        .or_else(|| {
            ((want as usize) >= 1 && (want as usize) <= items.len()).then(|| want as usize - 1)
        })
}

/// Resolves each item's kind, withdrawals, president, and attendance; returns every change of
/// attendance of the sitting.
pub fn resolve_items(
    text: &Text,
    items: &mut [Deliberation],
    present: &[Person],
    proxies: &[Proxy],
    president: Option<&str>,
) -> Vec<AttendanceChange> {
    let s = text.as_str();
    let body = |d: &Deliberation| s.get(d.span.start..d.span.end.min(s.len())).unwrap_or("");
    for item in items.iter_mut() {
        let b = body(item);
        item.kind = kind_of(item, b);
        // Most items mention no withdrawal: a cheap look first, the patterns after. (In
        // groups of few words: one pattern of seven case-insensitive words gets no literal
        // search and reads the whole item.)
        static MAY_WITHDRAW: LazyLock<[Regex; 3]> = LazyLock::new(|| {
            [
                re(r"(?i)pr[ée]sid|pièce"),
                re(r"(?i)quitt|retir"),
                re(r"(?i)sort|salle"),
            ]
        });
        if !MAY_WITHDRAW.iter().any(|r| r.is_match(b)) {
            continue;
        }
        item.presided_by = changes::presided_by(b);
        // Withdrawals for this item: those who do not take part. "Le Maire" is the president of
        // the sitting, unless the text names them as presiding this item.
        for w in changes::withdrawals(b) {
            let name = match w {
                Some(n) => Some(n),
                None => president
                    .filter(|p| {
                        !item
                            .presided_by
                            .as_deref()
                            .is_some_and(|by| same_person(by, p))
                    })
                    .map(str::to_string),
            };
            if let Some(n) = name {
                let v = &mut item.vote;
                if !v.not_taking_part_members.iter().any(|m| same_person(m, &n)) {
                    v.not_taking_part_members.push(n);
                }
            }
        }
    }

    // Arrivals and departures, each with the index of the first item it holds for.
    let found = changes::find(s);
    let mut effective: Vec<(usize, &changes::ChangeRead)> = Vec::new();
    let mut all: Vec<AttendanceChange> = Vec::new();
    let change = |c: &changes::ChangeRead, item: Option<String>| AttendanceChange {
        kind: match c.kind {
            changes::Kind::Arrival => "arrival".into(),
            changes::Kind::Departure => "departure".into(),
        },
        member: c.member.clone(),
        proxy_to: c.proxy_to.clone(),
        time: c.time.clone(),
        item,
        span: text.span(c.start, c.end),
    };
    // Where a change happened beats what a list of names says of it.
    let mut ordered: Vec<&changes::ChangeRead> = found.iter().filter(|c| !c.in_list).collect();
    ordered.extend(found.iter().filter(|c| {
        c.in_list
            && !found
                .iter()
                .any(|o| !o.in_list && o.kind == c.kind && same_person(&o.member, &c.member))
    }));
    for c in ordered {
        let at = match &c.point {
            Some(changes::Point::From(n)) => item_numbered(items, n, s),
            Some(changes::Point::After(n)) => item_numbered(items, n, s).map(|i| i + 1),
            // Unnamed: the item under way, if its vote is still to come; else the next one. In
            // a list of names, before the items, it cannot be placed.
            None => {
                let first = items.first().map(|d| d.span.start).unwrap_or(usize::MAX);
                if c.start < first && c.in_list {
                    None
                } else {
                    items.iter().position(|d| {
                        let vote_at = d.vote.span.map(|v| v.start).unwrap_or(d.span.end);
                        c.start < vote_at
                    })
                }
            }
        };
        // The same change said twice ("(arrivée au point 3)" in the list, "rejoint la séance"
        // at the item) is one change.
        let at = at.filter(|&i| i < items.len());
        let dup = effective
            .iter()
            .any(|(a, e)| Some(*a) == at && e.kind == c.kind && same_person(&e.member, &c.member));
        if dup {
            continue;
        }
        all.push(change(c, at.and_then(|i| items[i].number.clone())));
        if let Some(at) = at {
            effective.push((at, c));
        }
    }
    // A change placed at an item supersedes the same change stated without one (a time in
    // the list of those present, then "Arrivée de X" at the item).
    let placed: Vec<(String, String)> = all
        .iter()
        .filter(|b| b.item.is_some())
        .map(|b| (b.kind.clone(), b.member.clone()))
        .collect();
    all.retain(|a| {
        a.item.is_some()
            || !placed
                .iter()
                .any(|(k, m)| *k == a.kind && same_person(m, &a.member))
    });
    let per_item = items.len() >= 2 || !effective.is_empty();
    if !per_item {
        return all;
    }
    // Names are compared items × changes × members times: their keys are made once, and
    // each item's lists hold borrowed names and keys, made owned only for its output.
    let present_keys: Vec<(&str, Vec<String>)> = present
        .iter()
        .map(|p| (p.name.as_str(), name_key(&p.name)))
        .collect();
    let change_keys: Vec<Vec<String>> =
        effective.iter().map(|(_, c)| name_key(&c.member)).collect();
    let proxy_keys: Vec<Vec<String>> = proxies.iter().map(|p| name_key(&p.from)).collect();
    /// A proxy held during an item: one of the sitting's, or one given by a member who left.
    enum Held {
        Listed(usize),
        Left(usize),
    }
    for (i, item) in items.iter_mut().enumerate() {
        let mut members: Vec<(&str, &[String])> = present_keys
            .iter()
            .map(|(n, k)| (*n, k.as_slice()))
            .collect();
        let mut held: Vec<(Held, &[String])> = proxy_keys
            .iter()
            .enumerate()
            .map(|(k, key)| (Held::Listed(k), key.as_slice()))
            .collect();
        // Members listed present who arrive later are not there before; those who leave are
        // not there after.
        for (j, ((at, c), key)) in effective.iter().zip(&change_keys).enumerate() {
            let before = i < *at;
            let gone = match c.kind {
                changes::Kind::Arrival => before,
                changes::Kind::Departure => !before,
            };
            if gone {
                members.retain(|m| !same_keys(m.1, key));
            } else if c.kind == changes::Kind::Arrival
                && !members.iter().any(|m| same_keys(m.1, key))
            {
                members.push((&c.member, key));
                held.retain(|p| !same_keys(p.1, key));
            }
            if c.kind == changes::Kind::Departure
                && !before
                && c.proxy_to.is_some()
                && !held.iter().any(|p| same_keys(p.1, key))
            {
                held.push((Held::Left(j), key));
            }
        }
        let held: Vec<Proxy> = held
            .into_iter()
            .map(|(h, _)| match h {
                Held::Listed(k) => proxies[k].clone(),
                Held::Left(j) => {
                    let c = effective[j].1;
                    Proxy {
                        from: c.member.clone(),
                        to: c.proxy_to.clone(),
                        span: Some(text.span(c.start, c.end)),
                    }
                }
            })
            .collect();
        let here: Vec<AttendanceChange> = effective
            .iter()
            .filter(|(at, _)| *at == i)
            .map(|(_, c)| change(c, item.number.clone()))
            .collect();
        // Counts restated within the item ("Présents : 14 – Votants : 16").
        let b = s
            .get(item.span.start..item.span.end.min(s.len()))
            .unwrap_or("");
        static RESTATES: LazyLock<Regex> =
            LazyLock::new(|| re(r"(?i)présent|present|votant|représent|exercice"));
        let restates = RESTATES.is_match(b);
        let stated = if restates {
            attendance::restated_counts(b)
        } else {
            attendance::Counts::default()
        };
        item.attendance = Some(ItemAttendance {
            present_members: members.into_iter().map(|m| m.0.to_string()).collect(),
            proxies: held,
            present: stated.present.map(|c| c.0),
            represented: stated.represented.map(|c| c.0),
            voting: stated.voting.map(|c| c.0),
            changes: here,
        });
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(number: &str, subject: &str) -> Deliberation {
        Deliberation {
            number: Some(number.into()),
            subject: Some(subject.into()),
            vote: Vote::default(),
            outcome: None,
            decisions: vec![],
            legal_references: vec![],
            other_references: vec![],
            election: None,
            kind: ItemKind::Vote,
            attendance: None,
            presided_by: None,
            span: Span::default(),
        }
    }

    #[test]
    fn kinds_of_items() {
        let k = |subject: &str, body: &str| kind_of(&item("1", subject), body);
        assert_eq!(
            k(
                "Approbation du procès-verbal de la séance du 14 mai",
                "Adopté à l'unanimité."
            ),
            ItemKind::MinutesApproval
        );
        assert_eq!(
            k(
                "Décisions prises par le Maire par délégation",
                "Le Conseil prend acte."
            ),
            ItemKind::DelegatedDecisions
        );
        assert_eq!(
            k(
                "Rapport annuel sur l'eau",
                "Le Conseil PREND ACTE du rapport."
            ),
            ItemKind::PrendActe
        );
        assert_eq!(k("Tarifs", "Le Conseil APPROUVE."), ItemKind::Vote);
        assert!(is_information("Questions diverses"));
        assert!(is_information("Informations du Maire"));
        assert!(!is_information("Tarifs"));
    }

    #[test]
    fn points_name_items() {
        let items = [item("2024-01", "a"), item("2024-02", "b"), item("5", "c")];
        assert_eq!(item_numbered(&items, "2024-02", ""), Some(1));
        assert_eq!(item_numbered(&items, "2", ""), Some(1));
        assert_eq!(item_numbered(&items, "5", ""), Some(2));
        assert_eq!(item_numbered(&items, "3", ""), Some(2));
        assert_eq!(item_numbered(&items, "9", ""), None);
    }
}
