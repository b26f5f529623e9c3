//! Flat tables for spreadsheets and databases, one row per thing: sittings, deliberations,
//! votes by member, attendance, proxies, legal references. Every row carries the source's
//! sha256 (and the item's position in the document where it belongs to an item), which keys
//! it across runs.

use super::is_voted;
use crate::model::{Deliberation, Document, ItemKind, LegalReference, Outcome};
use crate::names::{name_key, same_person};

/// A cell: SQLite stores integers as integers and missing values as NULL; CSV writes both
/// as text, NULL empty.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Text(String),
}

impl Cell {
    pub fn text(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Int(n) => n.to_string(),
            Cell::Text(s) => s.clone(),
        }
    }
}

impl From<Option<String>> for Cell {
    fn from(v: Option<String>) -> Self {
        v.map(Cell::Text).unwrap_or(Cell::Null)
    }
}
impl From<Option<&str>> for Cell {
    fn from(v: Option<&str>) -> Self {
        v.map(|s| Cell::Text(s.to_string())).unwrap_or(Cell::Null)
    }
}
impl From<&str> for Cell {
    fn from(v: &str) -> Self {
        Cell::Text(v.to_string())
    }
}
impl From<String> for Cell {
    fn from(v: String) -> Self {
        Cell::Text(v)
    }
}
impl From<Option<u32>> for Cell {
    fn from(v: Option<u32>) -> Self {
        v.map(|n| Cell::Int(n as i64)).unwrap_or(Cell::Null)
    }
}
impl From<usize> for Cell {
    fn from(v: usize) -> Self {
        Cell::Int(v as i64)
    }
}
impl From<Option<bool>> for Cell {
    fn from(v: Option<bool>) -> Self {
        v.map(|b| Cell::Int(b as i64)).unwrap_or(Cell::Null)
    }
}

/// One table: its name (the CSV file's stem, the SQLite table), columns and rows.
#[derive(Debug, Clone)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [&'static str],
    pub rows: Vec<Vec<Cell>>,
}

pub const SITTINGS: &[&str] = &[
    "sha256",
    "path",
    "document_kind",
    "body_kind",
    "body",
    "date",
    "time",
    "place",
    "convocation_date",
    "president",
    "secretary",
    "in_office",
    "present",
    "represented",
    "voting",
    "receipt_id",
    "transmitted",
];
pub const DELIBERATIONS: &[&str] = &[
    "sha256",
    "item",
    "number",
    "kind",
    "subject",
    "date",
    "outcome",
    "for",
    "against",
    "abstention",
    "not_taking_part",
    "unanimous",
    "contested",
];
pub const VOTES: &[&str] = &[
    "sha256",
    "item",
    "member",
    "member_key",
    "position",
    "proxy_holder",
    "basis",
];
pub const ATTENDANCE: &[&str] = &["sha256", "member", "member_key", "status", "proxy_holder"];
pub const PROXIES: &[&str] = &["sha256", "item", "giver", "holder"];
pub const REFERENCES: &[&str] = &[
    "sha256", "item", "kind", "code", "article", "number", "date", "text", "url",
];

/// The tables' names and columns, in the order [`tables`] gives them.
pub const TABLES: [(&str, &[&str]); 6] = [
    ("sittings", SITTINGS),
    ("deliberations", DELIBERATIONS),
    ("votes", VOTES),
    ("attendance", ATTENDANCE),
    ("proxies", PROXIES),
    ("legal_references", REFERENCES),
];

/// How a name is keyed in the tables: its tokens, accents and civility off, in sorted order,
/// so that "Jean DUPONT", "DUPONT Jean" and "Jean Dupont" agree. ("M. DUPONT" does not:
/// `registre members` reconciles such forms within a body.)
pub fn member_key(name: &str) -> String {
    let mut t = name_key(name);
    t.sort();
    t.join(" ").to_lowercase()
}

/// Whether a vote was not unanimous: 1 when the document states votes against or
/// abstentions (in figures or by name) or denies unanimity, 0 when it states unanimity or a
/// tally with none, NULL when it says neither.
pub fn contested(d: &Deliberation) -> Option<bool> {
    let v = &d.vote;
    let dissent = v.against.unwrap_or(0) > 0
        || v.abstention.unwrap_or(0) > 0
        || !v.against_members.is_empty()
        || !v.abstention_members.is_empty();
    if dissent || v.unanimous == Some(false) {
        Some(true)
    } else if v.unanimous == Some(true) || (v.for_.is_some() && v.against == Some(0)) {
        Some(false)
    } else {
        None
    }
}

fn kind_name(k: ItemKind) -> &'static str {
    match k {
        ItemKind::Vote => "vote",
        ItemKind::Election => "election",
        ItemKind::PrendActe => "prend_acte",
        ItemKind::Information => "information",
        ItemKind::DelegatedDecisions => "delegated_decisions",
        ItemKind::MinutesApproval => "minutes_approval",
    }
}

fn json_name<T: serde::Serialize>(v: &T) -> Option<String> {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(str::to_string))
}

/// What one member did at one voted item.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberVote {
    pub member: String,
    /// for, against, abstention, not_taking_part, split, absent, or unknown.
    pub position: &'static str,
    pub proxy_holder: Option<String>,
    /// What the position rests on: `item_attendance` (who was in the room for this item),
    /// `sitting_attendance` (the opening lists), `named` (named in the vote, nobody listed),
    /// with `; tally_not_named` when the figures count votes the names do not account for, so
    /// that the others' position is unknown.
    pub basis: String,
}

/// The position of every member known to the sitting at one item of kind `vote`:
///
/// - named as not taking part, against or abstaining: that; named in two of those lists
///   (an item holding several votes): `split`; named by a name two members share: `unknown`;
/// - else present or represented at the item: `for` when the named voters account for every
///   vote against, abstention and withdrawal the tally states (or the vote is unanimous);
///   otherwise `unknown`;
/// - else listed at the sitting: `absent`.
///
/// Nothing is invented: when no list of members was read, only the named voters have a row.
pub fn member_votes(doc: &Document, d: &Deliberation) -> Vec<MemberVote> {
    if d.kind != ItemKind::Vote {
        return Vec::new();
    }
    let a = &doc.attendance;
    // Who was in the room, and which proxies held: the item's own when derived, else the
    // sitting's opening lists.
    let (present, held, basis): (Vec<&str>, &[crate::model::Proxy], &str) = match &d.attendance {
        Some(ia) => (
            ia.present_members.iter().map(String::as_str).collect(),
            &ia.proxies,
            "item_attendance",
        ),
        None => (
            a.present_members.iter().map(|p| p.name.as_str()).collect(),
            &a.proxies,
            "sitting_attendance",
        ),
    };
    let proxies: Vec<(&str, Option<&str>)> = held
        .iter()
        .map(|p| (p.from.as_str(), p.to.as_deref()))
        .collect();
    // Everyone the sitting names, in the order it names them.
    let mut members: Vec<&str> = Vec::new();
    for n in a
        .present_members
        .iter()
        .chain(&a.absent_members)
        .map(|p| p.name.as_str())
        .chain(a.proxies.iter().map(|p| p.from.as_str()))
        .chain(present.iter().copied())
        .chain(proxies.iter().map(|p| p.0))
    {
        if !n.is_empty() && !members.contains(&n) {
            members.push(n);
        }
    }
    let listed = !members.is_empty();
    let v = &d.vote;
    let named: Vec<(&str, &'static str)> = v
        .not_taking_part_members
        .iter()
        .map(|n| (n.as_str(), "not_taking_part"))
        .chain(v.against_members.iter().map(|n| (n.as_str(), "against")))
        .chain(
            v.abstention_members
                .iter()
                .map(|n| (n.as_str(), "abstention")),
        )
        .collect();
    // A named voter that matches no listed member (or nobody was listed) gets a row of its
    // own; one that matches several is left to them all as unknown.
    for (n, _) in &named {
        if !members.iter().any(|m| same_person(m, n)) {
            members.push(n);
        }
    }
    let accounted = |stated: Option<u32>, names: &Vec<String>| match stated {
        Some(s) => s as usize <= names.len(),
        None => true,
    };
    let all_named = v.unanimous == Some(true)
        || (v.for_.is_some()
            && accounted(v.against, &v.against_members)
            && accounted(v.abstention, &v.abstention_members)
            && accounted(v.not_taking_part, &v.not_taking_part_members));
    let basis = if !listed {
        "named".to_string()
    } else if all_named {
        basis.to_string()
    } else {
        format!("{basis}; tally_not_named")
    };
    members
        .iter()
        .map(|&m| {
            // A named voter counts for a member only when no other member has that name too
            // ("MARTIN" with Marie and Paul MARTIN listed): then both are unknown.
            let (mut hits, mut shared) = (Vec::new(), false);
            for (n, p) in named.iter().filter(|(n, _)| same_person(m, n)) {
                if members.iter().filter(|x| same_person(x, n)).count() == 1 {
                    hits.push(*p);
                } else {
                    shared = true;
                }
            }
            hits.sort();
            hits.dedup();
            let holder = proxies
                .iter()
                .find(|(from, _)| *from == m)
                .and_then(|(_, to)| to.filter(|t| !t.is_empty()).map(str::to_string));
            let in_room = present.contains(&m) || proxies.iter().any(|(f, _)| *f == m);
            let position = match hits.as_slice() {
                [p] => p,
                // Named in two lists: an item that holds several votes (a budget by chapter).
                [_, _, ..] => "split",
                [] if shared || !listed => "unknown",
                [] if in_room && all_named => "for",
                [] if in_room => "unknown",
                [] => "absent",
            };
            MemberVote {
                member: m.to_string(),
                position,
                proxy_holder: holder,
                basis: basis.clone(),
            }
        })
        .collect()
}

fn reference_row(sha: &str, item: Cell, r: &LegalReference) -> Vec<Cell> {
    vec![
        sha.into(),
        item,
        json_name(&r.kind).into(),
        r.code.clone().into(),
        r.article.clone().into(),
        r.number.clone().into(),
        r.date.clone().into(),
        r.text.clone().into(),
        r.url.clone().into(),
    ]
}

/// The six tables of one document.
pub fn tables(doc: &Document) -> Vec<Table> {
    let sha = doc.source.sha256.as_str();
    let a = &doc.attendance;
    let person = |p: &Option<crate::model::Person>| p.as_ref().map(|p| p.name.clone());
    let sittings = vec![vec![
        sha.into(),
        doc.source.path.clone().into(),
        json_name(&doc.document_kind).into(),
        doc.body.kind.as_ref().and_then(json_name).into(),
        doc.body.name.clone().into(),
        doc.session.date.clone().into(),
        doc.session.time.clone().into(),
        doc.session.place.clone().into(),
        doc.session.convocation_date.clone().into(),
        person(&doc.session.president).into(),
        person(&doc.session.secretary).into(),
        a.in_office.into(),
        a.present.into(),
        a.represented.into(),
        a.voting.into(),
        doc.publication.receipt_id.clone().into(),
        doc.publication.transmitted.clone().into(),
    ]];
    let mut deliberations = Vec::new();
    let mut votes = Vec::new();
    let mut proxies = Vec::new();
    let mut references = Vec::new();
    for (i, d) in doc.deliberations.iter().enumerate() {
        let item = Cell::from(i + 1);
        let v = &d.vote;
        deliberations.push(vec![
            sha.into(),
            item.clone(),
            d.number.clone().into(),
            kind_name(d.kind).into(),
            d.subject.clone().into(),
            doc.session.date.clone().into(),
            d.outcome
                .map(|o| match o {
                    Outcome::Adopted => "adopted",
                    Outcome::Rejected => "rejected",
                })
                .into(),
            v.for_.into(),
            v.against.into(),
            v.abstention.into(),
            v.not_taking_part.into(),
            v.unanimous.into(),
            if is_voted(d) {
                contested(d).into()
            } else {
                Cell::Null
            },
        ]);
        for mv in member_votes(doc, d) {
            votes.push(vec![
                sha.into(),
                item.clone(),
                mv.member.clone().into(),
                member_key(&mv.member).into(),
                mv.position.into(),
                mv.proxy_holder.into(),
                mv.basis.into(),
            ]);
        }
        if let Some(ia) = &d.attendance {
            for p in &ia.proxies {
                proxies.push(vec![
                    sha.into(),
                    item.clone(),
                    p.from.clone().into(),
                    p.to.clone().filter(|t| !t.is_empty()).into(),
                ]);
            }
        }
        for r in d.legal_references.iter().chain(&d.other_references) {
            references.push(reference_row(sha, item.clone(), r));
        }
    }
    for p in &a.proxies {
        proxies.push(vec![
            sha.into(),
            Cell::Null,
            p.from.clone().into(),
            p.to.clone().filter(|t| !t.is_empty()).into(),
        ]);
    }
    for r in doc.legal_references.iter().chain(&doc.other_references) {
        references.push(reference_row(sha, Cell::Null, r));
    }
    let mut attendance = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (p, status) in a
        .present_members
        .iter()
        .map(|p| (p, "present"))
        .chain(a.absent_members.iter().map(|p| (p, "absent")))
    {
        if seen.contains(&p.name.as_str()) {
            continue;
        }
        seen.push(&p.name);
        let holder = a
            .proxies
            .iter()
            .find(|x| x.from == p.name)
            .and_then(|x| x.to.clone())
            .filter(|t| !t.is_empty());
        let status = if status == "absent" && a.proxies.iter().any(|x| x.from == p.name) {
            "represented"
        } else {
            status
        };
        attendance.push(vec![
            sha.into(),
            p.name.clone().into(),
            member_key(&p.name).into(),
            status.into(),
            holder.into(),
        ]);
    }
    // A giver of a proxy the lists leave out was absent too.
    for x in &a.proxies {
        if !x.from.is_empty() && !seen.contains(&x.from.as_str()) {
            seen.push(&x.from);
            attendance.push(vec![
                sha.into(),
                x.from.clone().into(),
                member_key(&x.from).into(),
                "represented".into(),
                x.to.clone().filter(|t| !t.is_empty()).into(),
            ]);
        }
    }
    TABLES
        .into_iter()
        .zip([
            sittings,
            deliberations,
            votes,
            attendance,
            proxies,
            references,
        ])
        .map(|((name, columns), rows)| Table {
            name,
            columns,
            rows,
        })
        .collect()
}

/// The tables as CSV files in a folder, one a table (`sittings.csv`…), rows appended
/// document by document.
pub struct CsvDir {
    writers: Vec<(&'static str, csv::Writer<std::fs::File>)>,
}

impl CsvDir {
    /// Creates the folder if need be and the files with their header rows.
    pub fn create(dir: &std::path::Path) -> std::io::Result<CsvDir> {
        std::fs::create_dir_all(dir)?;
        let mut writers = Vec::new();
        for (name, columns) in TABLES {
            let mut w = csv::Writer::from_path(dir.join(format!("{name}.csv")))?;
            w.write_record(columns)?;
            writers.push((name, w));
        }
        Ok(CsvDir { writers })
    }

    pub fn add(&mut self, doc: &Document) -> std::io::Result<()> {
        for (t, (name, w)) in tables(doc).into_iter().zip(&mut self.writers) {
            debug_assert_eq!(t.name, *name);
            for r in &t.rows {
                w.write_record(r.iter().map(Cell::text))?;
            }
        }
        Ok(())
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        for (_, w) in &mut self.writers {
            w.flush()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        crate::parse_str("x.txt", include_str!("../../fixtures/extrait_classic.txt"))
    }

    #[test]
    fn keys_agree_across_orders_and_accents() {
        assert_eq!(member_key("Jean DUPONT"), member_key("DUPONT Jean"));
        assert_eq!(
            member_key("Hélène Lévêque"),
            member_key("M. LEVEQUE Helene")
        );
    }

    #[test]
    fn every_row_has_its_columns() {
        for t in tables(&doc()) {
            for r in &t.rows {
                assert_eq!(r.len(), t.columns.len(), "{}", t.name);
            }
        }
    }

    #[test]
    fn namesakes_are_unknown_and_two_lists_are_split() {
        let mut d = doc();
        let mut item = d.deliberations[0].clone();
        item.vote.unanimous = Some(false);
        item.vote.against = Some(1);
        item.vote.against_members = vec!["LECLERC".into(), "LEROUX".into()];
        item.vote.abstention_members = vec!["LEROUX".into()];
        d.attendance
            .present_members
            .push(crate::model::Person::named("Anne LECLERC"));
        let mv = member_votes(&d, &item);
        let pos = |n: &str| mv.iter().find(|m| m.member == n).unwrap().position;
        assert_eq!(pos("Bernard LECLERC"), "unknown");
        assert_eq!(pos("Anne LECLERC"), "unknown");
        assert_eq!(pos("Martine LEROUX"), "split");
    }

    #[test]
    fn a_unanimous_vote_is_for_from_those_in_the_room_and_absent_from_the_others() {
        let d = doc();
        let mv = member_votes(&d, &d.deliberations[0]);
        let pos = |n: &str| mv.iter().find(|m| m.member == n).unwrap().position;
        assert_eq!(pos("Bernard LECLERC"), "for");
        // Represented by Martine LEROUX: votes through her.
        assert_eq!(pos("Valérie BISSON"), "for");
        assert_eq!(
            mv.iter()
                .find(|m| m.member == "Valérie BISSON")
                .unwrap()
                .proxy_holder
                .as_deref(),
            Some("Martine LEROUX")
        );
        assert_eq!(pos("Gérard HUE"), "absent");
    }
}
