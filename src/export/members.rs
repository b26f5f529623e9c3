//! One record per councillor across documents and years, within a body: sittings attended,
//! absences, proxies given and held, votes against, abstentions and withdrawals with their
//! items.
//!
//! Names are reconciled by their tokens (accents, case, civility, hyphens and word order
//! aside: "Jean DUPONT", "DUPONT Jean", "Jean-Dupont", "M. Dupont"):
//!
//! - written forms with the same tokens are one person;
//! - a form with one token (a surname, possibly with initials: "DUPONT", "J. DUPONT") joins
//!   the one fuller form of the body that holds its token and agrees with its initials;
//!   when several do ("Jean DUPONT" and "Marie DUPONT"), it is not merged: it keeps a record
//!   of its own and is reported as an [`Ambiguity`];
//! - two fuller forms are never merged; when the tokens of one are among the other's
//!   ("Marc LEROY", "Jean-Marc LEROY") both are kept and the pair is reported.
//!
//! A sitting published twice (minutes as PDF and as text) counts once: sittings are keyed by
//! body and date.

use super::{fold, is_voted};
use crate::model::Document;
use crate::names::{name_key, strip_civility};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// An item a member voted against, abstained on or did not take part in.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct ItemRef {
    pub date: Option<String>,
    pub number: Option<String>,
    pub subject: Option<String>,
}

/// A proxy given to, or held for, another member at a sitting.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct ProxyRef {
    pub date: Option<String>,
    pub member: String,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Member {
    pub body: String,
    pub name: String,
    /// Every written form reconciled into this record.
    pub forms: Vec<String>,
    /// Dates of the sittings whose lists name the member, present or not.
    pub sittings: Vec<String>,
    pub present: Vec<String>,
    /// Absent and represented by a proxy.
    pub represented: Vec<String>,
    /// Absent without a proxy.
    pub absent: Vec<String>,
    pub proxies_given: Vec<ProxyRef>,
    pub proxies_held: Vec<ProxyRef>,
    pub against: Vec<ItemRef>,
    pub abstention: Vec<ItemRef>,
    pub not_taking_part: Vec<ItemRef>,
    /// For a form left apart: the members it could be.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub could_be: Vec<String>,
}

/// A doubt left to the reader rather than settled by a guess.
#[derive(Debug, Clone, Serialize)]
pub struct Ambiguity {
    pub body: String,
    pub form: String,
    /// `several_candidates`: a short form several members could be (not merged);
    /// `possibly_same`: a fuller form whose words are all in another's (not merged).
    pub kind: &'static str,
    pub candidates: Vec<String>,
}

#[derive(Debug, Clone)]
enum Event {
    Present,
    Absent,
    GaveProxy(String),
    HeldProxy(String),
    Against(ItemRef),
    Abstention(ItemRef),
    NotTakingPart(ItemRef),
}

#[derive(Debug, Clone)]
struct Mention {
    form: String,
    sitting: String,
    date: Option<String>,
    event: Event,
}

/// Gathers mentions document by document, then reconciles them.
#[derive(Default)]
pub struct Collector {
    /// Body (folded name) → its display name and mentions.
    bodies: BTreeMap<String, (String, Vec<Mention>)>,
}

impl Collector {
    pub fn add(&mut self, doc: &Document) {
        let shown = doc
            .body
            .name
            .clone()
            .unwrap_or_else(|| "(body not read)".into());
        let (_, mentions) = self
            .bodies
            .entry(fold(&shown))
            .or_insert_with(|| (shown.clone(), Vec::new()));
        let date = doc.session.date.clone();
        let sitting = date.clone().unwrap_or_else(|| doc.source.sha256.clone());
        let mut push = |form: &str, event: Event| {
            if !form.trim().is_empty() {
                mentions.push(Mention {
                    form: form.trim().to_string(),
                    sitting: sitting.clone(),
                    date: date.clone(),
                    event,
                });
            }
        };
        let a = &doc.attendance;
        for p in &a.present_members {
            push(&p.name, Event::Present);
        }
        for p in &a.absent_members {
            push(&p.name, Event::Absent);
        }
        for p in &a.proxies {
            let to = p.to.clone().unwrap_or_default();
            push(&p.from, Event::GaveProxy(to.clone()));
            push(&to, Event::HeldProxy(p.from.clone()));
        }
        for d in doc.deliberations.iter().filter(|d| is_voted(d)) {
            let item = ItemRef {
                date: date.clone(),
                number: d.number.clone(),
                subject: d.subject.clone(),
            };
            for n in &d.vote.against_members {
                push(n, Event::Against(item.clone()));
            }
            for n in &d.vote.abstention_members {
                push(n, Event::Abstention(item.clone()));
            }
            for n in &d.vote.not_taking_part_members {
                push(n, Event::NotTakingPart(item.clone()));
            }
        }
    }

    /// The members of every body (the body with most sittings first, then its members with
    /// most sittings), and the ambiguities found.
    pub fn finish(self) -> (Vec<Member>, Vec<Ambiguity>) {
        let mut bodies: Vec<(String, Vec<Mention>)> = self.bodies.into_values().collect();
        // The body with most sittings first: usually the one the documents are about.
        let sittings = |m: &Vec<Mention>| {
            m.iter()
                .map(|x| x.sitting.as_str())
                .collect::<BTreeSet<_>>()
                .len()
        };
        bodies.sort_by_key(|(_, m)| std::cmp::Reverse(sittings(m)));
        let mut members = Vec::new();
        let mut ambiguities = Vec::new();
        for (body, mentions) in bodies {
            let (m, a) = reconcile(&body, &mentions);
            members.extend(m);
            ambiguities.extend(a);
        }
        (members, ambiguities)
    }
}

/// A written form's words for comparison, and its initials ("J. DUPONT": J).
struct Form {
    tokens: BTreeSet<String>,
    initials: Vec<char>,
}

fn form_of(name: &str) -> Form {
    // An initial is a capital letter with its full stop ("J.", "J.-P."); a letter alone is
    // more often a civility misread ("M: DUPONT") than an initial.
    let s = strip_civility(name);
    let initials = s
        .char_indices()
        .filter(|&(i, c)| {
            c.is_uppercase()
                && s[i + c.len_utf8()..].starts_with('.')
                && !s[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
        .map(|(_, c)| c)
        .collect();
    Form {
        tokens: name_key(name).into_iter().collect(),
        initials,
    }
}

/// True when `short` can be a shorter way of writing `full`: its words are among full's
/// and each initial opens one of full's other words.
fn can_be(short: &Form, full: &Form) -> bool {
    if short.tokens.is_empty() || !short.tokens.is_subset(&full.tokens) {
        return false;
    }
    let rest: Vec<&String> = full.tokens.difference(&short.tokens).collect();
    short
        .initials
        .iter()
        .all(|i| rest.iter().any(|t| t.starts_with(*i)))
}

fn reconcile(body: &str, mentions: &[Mention]) -> (Vec<Member>, Vec<Ambiguity>) {
    // Group written forms by their words and initials.
    let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut forms: BTreeMap<&str, Form> = BTreeMap::new();
    for m in mentions {
        forms.entry(&m.form).or_insert_with(|| form_of(&m.form));
    }
    for (written, f) in &forms {
        if f.tokens.is_empty() {
            continue;
        }
        let mut key: Vec<String> = f.tokens.iter().cloned().collect();
        key.extend(f.initials.iter().map(|i| format!("{i}.")));
        groups.entry(key.join(" ")).or_default().push(written);
    }
    let full: Vec<&String> = groups
        .iter()
        .filter(|(_, w)| forms[w[0]].tokens.len() >= 2)
        .map(|(k, _)| k)
        .collect();
    let mut ambiguities = Vec::new();
    // Group key → the group it joins.
    let mut joins: BTreeMap<String, String> = BTreeMap::new();
    let mut could_be: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let display = |key: &str| -> String {
        // The form written most often; on a tie, one without a civility, then the register's
        // usual "Given SURNAME", then the one with most capitals.
        let written = &groups[key];
        let count = |w: &&str| mentions.iter().filter(|m| m.form == *w).count();
        let surname_last = |w: &str| {
            w.split_whitespace().last().is_some_and(|l| {
                l.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            })
        };
        let capitals = |w: &str| w.chars().filter(|c| c.is_uppercase()).count();
        written
            .iter()
            .max_by_key(|w| {
                (
                    count(w),
                    strip_civility(w) == **w,
                    surname_last(w),
                    capitals(w),
                )
            })
            .map(|w| w.to_string())
            .unwrap_or_default()
    };
    for key in groups.keys() {
        let written = groups[key][0];
        let f = &forms[written];
        let candidates: Vec<&String> = full
            .iter()
            .filter(|k| **k != key)
            .copied()
            .filter(|k| {
                let other = &forms[groups[*k][0]];
                can_be(f, other)
            })
            .collect();
        if f.tokens.len() >= 2 {
            // Fuller forms stay apart; a doubt is reported.
            if !candidates.is_empty() {
                ambiguities.push(Ambiguity {
                    body: body.to_string(),
                    form: display(key),
                    kind: "possibly_same",
                    candidates: candidates.iter().map(|k| display(k)).collect(),
                });
            }
            continue;
        }
        match candidates.as_slice() {
            [one] => {
                joins.insert(key.clone(), (*one).clone());
            }
            [] => {}
            several => {
                let names: Vec<String> = several.iter().map(|k| display(k)).collect();
                ambiguities.push(Ambiguity {
                    body: body.to_string(),
                    form: display(key),
                    kind: "several_candidates",
                    candidates: names.clone(),
                });
                could_be.insert(key.clone(), names);
            }
        }
    }
    // Written form → the key of its member.
    let mut member_of: BTreeMap<&str, String> = BTreeMap::new();
    for (key, written) in &groups {
        let target = joins.get(key).unwrap_or(key);
        for w in written {
            member_of.insert(w, target.clone());
        }
    }
    let mut records: BTreeMap<String, Member> = BTreeMap::new();
    let name_of = |form: &str| -> String {
        member_of
            .get(form)
            .map(|k| display(k))
            .unwrap_or_else(|| form.to_string())
    };
    // Per member and sitting: what the lists say, once.
    let mut status: BTreeMap<(String, String), (Option<String>, u8)> = BTreeMap::new();
    for m in mentions {
        let Some(key) = member_of.get(m.form.as_str()) else {
            continue;
        };
        let rec = records.entry(key.clone()).or_insert_with(|| Member {
            body: body.to_string(),
            name: display(key),
            could_be: could_be.get(key).cloned().unwrap_or_default(),
            ..Default::default()
        });
        if !rec.forms.contains(&m.form) {
            rec.forms.push(m.form.clone());
        }
        // 3 present, 2 represented, 1 absent: the strongest statement of a sitting wins.
        let rank = match &m.event {
            Event::Present => 3,
            Event::GaveProxy(_) => 2,
            Event::Absent => 1,
            _ => 0,
        };
        if rank > 0 {
            let s = status
                .entry((key.clone(), m.sitting.clone()))
                .or_insert((m.date.clone(), 0));
            s.1 = s.1.max(rank);
        }
        match &m.event {
            Event::GaveProxy(to) if !to.is_empty() => rec.proxies_given.push(ProxyRef {
                date: m.date.clone(),
                member: name_of(to),
            }),
            Event::HeldProxy(from) => rec.proxies_held.push(ProxyRef {
                date: m.date.clone(),
                member: name_of(from),
            }),
            Event::Against(i) => rec.against.push(i.clone()),
            Event::Abstention(i) => rec.abstention.push(i.clone()),
            Event::NotTakingPart(i) => rec.not_taking_part.push(i.clone()),
            _ => {}
        }
    }
    for ((key, sitting), (date, rank)) in status {
        let rec = records.get_mut(&key).expect("a record for every status");
        let d = date.unwrap_or(sitting);
        rec.sittings.push(d.clone());
        match rank {
            3 => rec.present.push(d),
            2 => rec.represented.push(d),
            _ => rec.absent.push(d),
        }
    }
    let mut out: Vec<Member> = records
        .into_values()
        .map(|mut r| {
            // The same act in two copies of a sitting is one: same date and number, even when
            // the two copies' subjects were read a little differently.
            for v in [&mut r.against, &mut r.abstention, &mut r.not_taking_part] {
                v.sort();
                v.dedup_by(|a, b| {
                    a.date == b.date
                        && if a.number.is_some() {
                            a.number == b.number
                        } else {
                            a.subject == b.subject
                        }
                });
            }
            for v in [&mut r.proxies_given, &mut r.proxies_held] {
                v.sort();
                v.dedup();
            }
            r.forms.sort();
            r
        })
        .collect();
    out.sort_by(|a, b| {
        b.sittings
            .len()
            .cmp(&a.sittings.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    (out, ambiguities)
}

/// The summary table's columns.
pub const HEADER: [&str; 10] = [
    "body",
    "member",
    "sittings",
    "present",
    "represented",
    "absent",
    "proxies_held",
    "against",
    "abstention",
    "forms",
];

/// One summary row a member.
pub fn summary(m: &Member) -> Vec<String> {
    vec![
        m.body.clone(),
        if m.could_be.is_empty() {
            m.name.clone()
        } else {
            format!("{} (?)", m.name)
        },
        m.sittings.len().to_string(),
        m.present.len().to_string(),
        m.represented.len().to_string(),
        m.absent.len().to_string(),
        m.proxies_held.len().to_string(),
        m.against.len().to_string(),
        m.abstention.len().to_string(),
        m.forms.join(" | "),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(form: &str, sitting: &str, event: Event) -> Mention {
        Mention {
            form: form.into(),
            sitting: sitting.into(),
            date: Some(sitting.into()),
            event,
        }
    }

    #[test]
    fn spellings_reconcile_and_namesakes_stay_apart() {
        let item = ItemRef {
            date: None,
            number: Some("3".into()),
            subject: None,
        };
        let ms = vec![
            mention("Jean DUPONT", "2023-01-10", Event::Present),
            mention("DUPONT Jean", "2023-02-10", Event::Present),
            mention("Jean Dupont", "2023-03-10", Event::Absent),
            mention("Hélène LÉVÊQUE-ROY", "2023-01-10", Event::Present),
            mention("Mme Helene Leveque Roy", "2023-02-10", Event::Present),
            mention("LEVEQUE", "2023-02-10", Event::Against(item.clone())),
            mention("Marie MARTIN", "2023-01-10", Event::Present),
            mention("Paul MARTIN", "2023-01-10", Event::Present),
            mention("MARTIN", "2023-01-10", Event::Abstention(item.clone())),
            mention("P. MARTIN", "2023-01-10", Event::Against(item.clone())),
        ];
        let mut ms = ms;
        // The same act read from a second copy of the sitting, its subject a little different.
        let copy = ItemRef {
            subject: Some("Budget".into()),
            ..item.clone()
        };
        ms.push(mention("LEVEQUE", "2023-02-10", Event::Against(copy)));
        let (members, amb) = reconcile("Test", &ms);
        let get = |n: &str| members.iter().find(|m| m.name == n).unwrap();
        let dupont = get("Jean DUPONT");
        assert_eq!(dupont.sittings.len(), 3);
        assert_eq!((dupont.present.len(), dupont.absent.len()), (2, 1));
        assert_eq!(dupont.forms.len(), 3);
        assert_eq!(get("Hélène LÉVÊQUE-ROY").against.len(), 1);
        // "P. MARTIN" is Paul; "MARTIN" alone could be either.
        assert_eq!(get("Paul MARTIN").against.len(), 1);
        assert_eq!(get("Marie MARTIN").abstention.len(), 0);
        assert_eq!(get("MARTIN").could_be.len(), 2);
        assert!(amb
            .iter()
            .any(|a| a.form == "MARTIN" && a.kind == "several_candidates"));
    }

    #[test]
    fn a_letter_without_its_full_stop_is_not_an_initial() {
        assert_eq!(form_of("J.-P. DUPONT").initials, vec!['J', 'P']);
        assert!(form_of("M: Jean DUPONT").initials.is_empty());
    }

    #[test]
    fn fuller_forms_are_never_merged_but_reported() {
        let ms = vec![
            mention("Marc LEROY", "2023-01-10", Event::Present),
            mention("Jean-Marc LEROY", "2023-02-10", Event::Present),
        ];
        let (members, amb) = reconcile("Test", &ms);
        assert_eq!(members.len(), 2);
        assert_eq!(amb.len(), 1);
        assert_eq!(amb[0].kind, "possibly_same");
        assert_eq!(amb[0].candidates, vec!["Jean-Marc LEROY".to_string()]);
    }
}
