//! One small pure function per rule of `data/rules.tsv`. Each says nothing when a figure it
//! needs is not stated: the parser's uncertainty is not a finding of the document.

use super::regime::{self, Quorum, Regime};
use super::{rule, Finding};
use crate::model::{BodyKind, Deliberation, Document, DocumentKind, Outcome, Severity, Span};
use crate::names::{name_key, same_keys, same_person};
use crate::near::Near;
use crate::re;
use regex::Regex;
use std::cell::OnceCell;
use std::sync::LazyLock;

/// What every rule sees.
struct Ctx<'a> {
    doc: &'a Document,
    text: &'a str,
    regime: Regime,
    /// Within two days of a change of regime: findings that depend on it are warnings.
    near_change: bool,
    /// Members arrive or leave during the sitting: the opening figures do not hold for every
    /// item. (Searched when a rule first asks: its search reads the whole text, and many
    /// documents have no rule that needs it.)
    room_changes: OnceCell<bool>,
}

impl Ctx<'_> {
    fn room_changes(&self) -> bool {
        *self
            .room_changes
            .get_or_init(|| ROOM_CHANGES.is_match(self.text))
    }

    /// The votants an item's tally must add up to, when the document lets one know it: the
    /// sitting's, unless someone arrives, leaves or stands aside during it.
    fn votants_for_items(&self) -> Option<u32> {
        let v = self.doc.attendance.voting?;
        (!self.room_changes()).then_some(v)
    }

    /// The words of an item.
    fn item_text(&self, d: &Deliberation) -> &str {
        let (s, e) = (
            d.span.start.min(self.text.len()),
            d.span.end.min(self.text.len()),
        );
        self.text.get(s..e).unwrap_or("")
    }
}

fn find(
    out: &mut Vec<Finding>,
    id: &'static str,
    severity: Option<Severity>,
    message: String,
    span: Option<Span>,
    item: Option<&Deliberation>,
) {
    let r = rule(id);
    out.push(Finding {
        rule: id,
        severity: severity.unwrap_or(r.severity),
        message,
        basis: r.basis.clone(),
        span,
        item: item.and_then(|d| d.number.clone()),
    });
}

// (Run near its verbs: most texts state no change, and a full pass costs the whole text.)
static ROOM_CHANGES: LazyLock<Near> = LazyLock::new(|| {
    Near::any(
        &[
            r"(?i)arriv|quitt|rejoint",
            r"(?i)sort|retir",
            r"(?i)d[ée]part|entre\s+en",
        ],
        r"(?i)(?-u:\b)(?:arriv[ée]e?s?\s+(?:de|d'|à|au|en|pendant|lors)|est\s+arriv[ée]|quitte\s+(?:la\s+s[ée]ance|la\s+salle|l'assembl[ée]e)|a\s+quitt[ée]|rejoint\s+(?:la\s+s[ée]ance|l'assembl[ée]e)|sort\s+de\s+la\s+salle|se\s+retire|s'est\s+retir[ée]|s'[ée]tant\s+retir[ée]|d[ée]part\s+de|entre\s+en\s+s[ée]ance)",
        60,
        80,
    )
});
static SECOND_CONVOCATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:seconde|deuxi[èe]me|2[èe]?me|nouvelle)\s+convocation|quorum\s+n'(?:ayant|a)\s+pas\s+[ée]t[ée]\s+atteint|sans\s+condition\s+de\s+quorum|quorum\s+n'est\s+pas\s+exig",
    )
});
static URGENCY: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?-u:\b)urgen(?:ce|t)"));
static EXPRESSED: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)suffrages\s+exprim[ée]s"));
static CASTING: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)voix\s+pr[ée]pond[ée]rante"));
static ACCOUNTS_SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)compte\s+administratif|compte\s+financier\s+unique"));
static WITHDRAWAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:se\s+retire|s'est\s+retir[ée]|s'[ée]tant\s+retir[ée]|retir[ée]e?\s+de\s+la\s+salle|quitte\s+la\s+(?:salle|s[ée]ance)|sort\s+de\s+la\s+salle|sorti[e]?\s+de\s+la\s+salle|ne\s+prend\s+pas\s+part|n'a\s+pas\s+pris\s+part|ne\s+participe\s+pas|hors\s+de\s+(?:la\s+)?(?:sa\s+)?pr[ée]sence|en\s+l'absence\s+d[ue]\s+(?:M\.|Mme|maire|pr[ée]sident)|pr[ée]sidence\s+de\s+s[ée]ance\s+(?:est\s+)?(?:confi[ée]e|assur[ée]e)|sous\s+la\s+pr[ée]sidence\s+d[ue]\s+(?:doyen|premier|1er|M\.|Mme|Monsieur|Madame))",
    )
});
static APPOINTMENT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?-u:\b)(?:[ée]lection|d[ée]signation|nomination)s?(?-u:\b)"));
static SHOW_OF_HANDS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)main\s+lev[ée]e"));
static UNANIMOUS_WAIVER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)unanim|ne\s+pas\s+proc[ée]der\s+au\s+scrutin\s+secret|L\.?\s?2121-21")
});

/// Every rule, in the order of the table.
pub fn all(doc: &Document, text: &str, out: &mut Vec<Finding>) {
    let (regime, near_change) = regime::on(doc.session.date.as_deref());
    let cx = Ctx {
        doc,
        text,
        regime,
        near_change,
        room_changes: OnceCell::new(),
    };
    size(&cx, out);
    counts(&cx, out);
    quorum(&cx, out);
    proxy(&cx, out);
    for d in &doc.deliberations {
        tally(&cx, d, out);
        unanimity(&cx, d, out);
        majority(&cx, d, out);
        accounts(&cx, d, out);
        ballot(&cx, d, out);
        interest(&cx, d, out);
        election(d, out);
    }
    secretary(&cx, out);
    convocation(&cx, out);
    dates(&cx, out);
    publication(&cx, out);
}

/// SIZE: a municipal council has at most 69 members (L2121-2, from 300 000 inhabitants).
fn size(cx: &Ctx, out: &mut Vec<Finding>) {
    let a = &cx.doc.attendance;
    if cx.doc.body.kind != Some(BodyKind::ConseilMunicipal) {
        return;
    }
    // Paris, Marseille and Lyon have larger councils under the loi PLM (n° 82-1169).
    static PLM: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^(?:ville\s+de\s+)?(?:paris|marseille|lyon)$"));
    if cx
        .doc
        .body
        .name
        .as_deref()
        .is_some_and(|n| PLM.is_match(n.trim()))
    {
        return;
    }
    if let Some(e) = a.in_office.filter(|&e| e > 69) {
        find(
            out,
            "SIZE",
            None,
            format!("{e} members in office, but a municipal council has at most 69 (L2121-2)"),
            a.count_spans.in_office,
            None,
        );
    }
}

/// COUNTS: P ≤ E, V ≤ E, V ≤ P + R.
fn counts(cx: &Ctx, out: &mut Vec<Finding>) {
    let a = &cx.doc.attendance;
    let sp = &a.count_spans;
    if let (Some(p), Some(e)) = (a.present, a.in_office) {
        if p > e {
            let m = format!("présents {p} > en exercice {e}");
            find(out, "COUNTS", None, m, sp.present, None);
        }
    }
    if let (Some(v), Some(e)) = (a.voting, a.in_office) {
        if v > e {
            let m = format!("votants {v} > en exercice {e}");
            find(out, "COUNTS", None, m, sp.voting, None);
        }
    }
    if let (Some(v), Some(p), Some(r)) = (a.voting, a.present, a.represented) {
        if v > p + r {
            let m = format!("votants {v} > présents {p} + représentés {r} = {}", p + r);
            find(out, "COUNTS", None, m, sp.voting, None);
        }
    }
    // The lists of names and proxies are not compared with the counts: a list garbled by OCR
    // or by the layout (several proxies on one line, a note inside the list of those present)
    // is the parser's uncertainty, and would be reported as the document's.
}

/// A finding that depends on the regime in force is a warning near a change of regime, and in
/// the periods whose rules were contested.
fn regime_severity(cx: &Ctx) -> Option<Severity> {
    (cx.near_change || cx.regime.warn_only).then_some(Severity::Warning)
}

/// QUORUM: P > E/2 (L2121-17), or P + R ≥ E/3 under the COVID-19 regimes; not at a sitting
/// held on a second convocation.
fn quorum(cx: &Ctx, out: &mut Vec<Finding>) {
    let a = &cx.doc.attendance;
    let (Some(e), Some(p)) = (a.in_office, a.present) else {
        return;
    };
    if e == 0 || SECOND_CONVOCATION.is_match(cx.text) {
        return;
    }
    let sev = regime_severity(cx);
    match cx.regime.quorum {
        Quorum::Half => {
            let need = e / 2 + 1;
            if p < need {
                let m = format!(
                    "présents {p}, but the quorum of {e} members in office is {need} (more than half)"
                );
                find(out, "QUORUM", sev, m, a.count_spans.present, None);
            }
        }
        Quorum::Third => {
            // Proxies counted from the list when no figure is stated: a list read in part
            // cannot prove a quorum missed, so that finding is info.
            let from_list = a.represented.is_none();
            let r = a.represented.unwrap_or(a.proxies.len() as u32);
            let need = e.div_ceil(3);
            let sev = if from_list { Some(Severity::Info) } else { sev };
            if p + r < need {
                let m = format!(
                    "présents {p} + représentés {r} = {}, but the quorum of {e} members in office under {} is {need} (a third)",
                    p + r,
                    cx.regime.basis
                );
                find(out, "QUORUM", sev, m, a.count_spans.present, None);
            }
        }
    }
}

/// PROXY: a holder carries at most one proxy (two under the COVID-19 regimes).
fn proxy(cx: &Ctx, out: &mut Vec<Finding>) {
    let a = &cx.doc.attendance;
    let sev = regime_severity(cx);
    let max = cx.regime.proxies;
    // Holders are compared proxies × proxies times: their keys are made once.
    let keys: Vec<Option<Vec<String>>> = a
        .proxies
        .iter()
        .map(|p| p.to.as_deref().map(name_key))
        .collect();
    let mut seen: Vec<&[String]> = Vec::new();
    for (p, key) in a.proxies.iter().zip(&keys) {
        let Some(to) = p.to.as_deref().filter(|t| !t.is_empty()) else {
            continue;
        };
        let key = key.as_deref().unwrap_or_default();
        if seen.iter().any(|s| same_keys(s, key)) {
            continue;
        }
        seen.push(key);
        let held: Vec<&str> = a
            .proxies
            .iter()
            .zip(&keys)
            .filter(|(_, k)| k.as_deref().is_some_and(|k| same_keys(k, key)))
            .map(|(q, _)| q.from.as_str())
            .collect();
        if held.len() > max {
            let m = format!(
                "{to} holds {} proxies ({}), at most {max} allowed",
                held.len(),
                held.join(", ")
            );
            find(out, "PROXY", sev, m, p.span, None);
        }
    }
    // Whether the giver is absent and the holder present is not checked: the lists as read
    // too often hold a note ("X (procuration à Y)") or a later list of names.
}

/// TALLY: pour + contre + abstention (+ those who did not take part, when the text counts
/// them) = votants.
fn tally(cx: &Ctx, d: &Deliberation, out: &mut Vec<Finding>) {
    let v = &d.vote;
    let (Some(f), Some(c), Some(a)) = (v.for_, v.against, v.abstention) else {
        return;
    };
    // The item's own votants when the document restates them, else the sitting's.
    let own = d.attendance.as_ref().and_then(|x| x.voting);
    let Some(votants) = own.or(cx.doc.attendance.voting) else {
        return;
    };
    let sum = f + c + a;
    let ntp = v
        .not_taking_part
        .unwrap_or(0)
        .max(v.not_taking_part_members.len() as u32);
    // The sitting's votants hold for the item only without changes in the room, searched
    // over the whole text, so last.
    if sum != votants && sum + ntp != votants && (own.is_some() || cx.votants_for_items().is_some())
    {
        let m = format!("{f} pour + {c} contre + {a} abstention = {sum}, but votants = {votants}");
        find(out, "TALLY", None, m, v.span, Some(d));
    }
}

/// UNANIMITY: "unanimité" with votes against is a contradiction; with abstentions it should
/// read "unanimité des suffrages exprimés".
fn unanimity(cx: &Ctx, d: &Deliberation, out: &mut Vec<Finding>) {
    let v = &d.vote;
    let Some(at) = v.unanimity_span else {
        return;
    };
    // The parser keeps `unanimity_span` only when "unanimité" and the figures are one
    // statement (`votes::same_statement`): an item often holds several votes.
    let (c, a) = (v.against.unwrap_or(0), v.abstention.unwrap_or(0));
    if c > 0 {
        let m = format!(
            "\"unanimité\" is written, but the recorded vote has {c} contre (line {})",
            v.span.map(|s| s.line).unwrap_or(at.line)
        );
        find(out, "UNANIMITY", None, m, Some(at), Some(d));
    } else if a > 0 && !EXPRESSED.is_match(cx.item_text(d)) {
        let m = format!(
            "\"unanimité\" with {a} abstention(s): it is the unanimity of the votes cast (\"unanimité des suffrages exprimés\")"
        );
        find(
            out,
            "UNANIMITY",
            Some(Severity::Warning),
            m,
            Some(at),
            Some(d),
        );
    }
}

/// MAJORITY: adopted ⇔ pour > contre (votes cast: abstentions do not count). On a tie the
/// president's vote decides, which the text rarely says: no finding then.
fn majority(cx: &Ctx, d: &Deliberation, out: &mut Vec<Finding>) {
    let v = &d.vote;
    let (Some(f), Some(c), Some(o)) = (v.for_, v.against, d.outcome) else {
        return;
    };
    if f == c {
        return;
    }
    let wrong = match o {
        Outcome::Adopted => f < c,
        Outcome::Rejected => f > c && !CASTING.is_match(cx.item_text(d)),
    };
    if wrong {
        let said = if o == Outcome::Adopted {
            "adopted"
        } else {
            "rejected"
        };
        let m = format!("{f} pour and {c} contre, but the deliberation is recorded as {said}");
        find(out, "MAJORITY", None, m, v.span, Some(d));
    }
}

/// ACCOUNTS: the mayor withdraws for the vote on the compte administratif (or compte
/// financier unique). Found when the tally adds up to every votant of the sitting and the item
/// says nothing of a withdrawal.
fn accounts(cx: &Ctx, d: &Deliberation, out: &mut Vec<Finding>) {
    let subject = d.subject.as_deref().unwrap_or("");
    if !ACCOUNTS_SUBJECT.is_match(subject) || WITHDRAWAL.is_match(cx.item_text(d)) {
        return;
    }
    let v = &d.vote;
    let (Some(f), Some(votants)) = (v.for_, cx.doc.attendance.voting) else {
        return;
    };
    let sum = f + v.against.unwrap_or(0) + v.abstention.unwrap_or(0);
    if sum == votants && !cx.room_changes() {
        let m = format!(
            "vote on the accounts counts every votant of the sitting ({sum} = votants {votants}) and the text does not say the mayor withdrew"
        );
        find(out, "ACCOUNTS", None, m, v.span, Some(d));
    }
}

/// BALLOT: appointments are made by secret ballot unless the council unanimously decides
/// otherwise (L2121-21).
fn ballot(cx: &Ctx, d: &Deliberation, out: &mut Vec<Finding>) {
    let body = cx.item_text(d);
    let subject = d.subject.as_deref().unwrap_or("");
    if !APPOINTMENT.is_match(subject) {
        return;
    }
    if let Some(m) = SHOW_OF_HANDS.find(body) {
        if !UNANIMOUS_WAIVER.is_match(body) {
            let at = d.span.start + m.start();
            let span = Span {
                start: at,
                end: d.span.start + m.end(),
                line: d.span.line + body[..m.start()].matches('\n').count(),
                page: None,
            };
            let msg = "an appointment by show of hands, with no unanimous decision to waive the secret ballot".to_string();
            find(out, "BALLOT", None, msg, Some(span), Some(d));
        }
    }
}

/// INTEREST: a member who does not take part is left out of the votants for the item.
fn interest(cx: &Ctx, d: &Deliberation, out: &mut Vec<Finding>) {
    let v = &d.vote;
    // The president who withdraws for the accounts is the ACCOUNTS rule's, not an interest.
    let president = cx.doc.session.president.as_ref().map(|p| p.name.as_str());
    let interested = v
        .not_taking_part_members
        .iter()
        .filter(|m| !president.is_some_and(|p| same_person(p, m)))
        .count() as u32;
    let ntp = if interested == 0 && !v.not_taking_part_members.is_empty() {
        0
    } else {
        v.not_taking_part.unwrap_or(interested)
    };
    // The votants of this item: restated for it, or an extract's (its one deliberation). A
    // sitting's opening figure says nothing of who stood aside for one item of many.
    let votants = d
        .attendance
        .as_ref()
        .and_then(|a| a.voting)
        .or_else(|| (cx.doc.deliberations.len() == 1).then_some(cx.doc.attendance.voting?));
    let (Some(f), Some(votants)) = (v.for_, votants) else {
        return;
    };
    if ntp == 0 {
        return;
    }
    let sum = f + v.against.unwrap_or(0) + v.abstention.unwrap_or(0);
    if sum + ntp == votants {
        let m = format!(
            "{ntp} member(s) did not take part, yet votants {votants} = {sum} votes + {ntp}: they are counted among the votants"
        );
        find(out, "INTEREST", None, m, v.span, Some(d));
    }
}

/// ELECTION: in each round, votes cast = ballots − blank − spoilt; absolute majority =
/// ⌊votes cast / 2⌋ + 1; the candidates' votes add up to the votes cast; whoever is elected in
/// the first two rounds has the absolute majority, in the third the most votes.
fn election(d: &Deliberation, out: &mut Vec<Finding>) {
    let Some(e) = &d.election else {
        return;
    };
    for r in &e.rounds {
        let at = Some(r.span);
        let tour = format!("round {}", r.number);
        let void = r.blank_and_spoilt.or(match (r.blank, r.spoilt) {
            (Some(b), Some(s)) => Some(b + s),
            _ => None,
        });
        if let (Some(b), Some(v), Some(x)) = (r.ballots, void, r.expressed) {
            if b.checked_sub(v) != Some(x) {
                let m = format!(
                    "{tour}: {b} ballots − {v} blank or spoilt = {}, but votes cast = {x}",
                    b as i64 - v as i64
                );
                find(out, "ELECTION", None, m, at, Some(d));
            }
        }
        if let (Some(x), Some(maj)) = (r.expressed, r.absolute_majority) {
            if maj != x / 2 + 1 {
                let m = format!(
                    "{tour}: absolute majority written {maj}, but of {x} votes cast it is {}",
                    x / 2 + 1
                );
                find(out, "ELECTION", None, m, at, Some(d));
            }
        }
        let sum: u32 = r.candidates.iter().map(|c| c.votes).sum();
        if let Some(x) = r.expressed.filter(|_| !r.candidates.is_empty()) {
            // Fewer votes than cast may be a candidate the parser did not read: not decided.
            // More can only be the document's.
            let sev = (sum < x).then_some(Severity::Info);
            if sum != x {
                let detail: Vec<String> = r
                    .candidates
                    .iter()
                    .map(|c| format!("{} {}", c.name, c.votes))
                    .collect();
                let m = format!(
                    "{tour}: the candidates' votes add up to {sum} ({}), but votes cast = {x}{}",
                    detail.join(" + "),
                    if sev.is_some() {
                        " (a candidate may not have been read: not decided)"
                    } else {
                        ""
                    }
                );
                find(out, "ELECTION", sev, m, at, Some(d));
            }
        }
    }
    // The elected candidate, against the last round's figures.
    let Some(last) = e.rounds.last() else {
        return;
    };
    for name in &e.elected {
        let Some(c) = last.candidates.iter().find(|c| same_person(&c.name, name)) else {
            continue;
        };
        let best = last.candidates.iter().map(|c| c.votes).max().unwrap_or(0);
        let short = match (last.number, last.absolute_majority) {
            (1 | 2, Some(maj)) if c.votes < maj => Some(format!(
                "{} is elected in round {} with {} votes, below the absolute majority of {maj}",
                c.name, last.number, c.votes
            )),
            (3, _) if c.votes < best => Some(format!(
                "{} is elected in round 3 with {} votes, but another candidate has {best}",
                c.name, c.votes
            )),
            _ => None,
        };
        if let Some(m) = short {
            find(out, "ELECTION", None, m, Some(last.span), Some(d));
        }
    }
}

/// SECRETARY: the secrétaire de séance is one of the members present.
fn secretary(cx: &Ctx, out: &mut Vec<Finding>) {
    let a = &cx.doc.attendance;
    let Some(s) = &cx.doc.session.secretary else {
        return;
    };
    if a.present_members.is_empty() {
        return;
    }
    // "GUGLIELMI MM" is "Marc-Marie GUGLIELMI": a shared surname is enough here. (The keys
    // are made once a name: a surname is a token of the key of three letters or more.)
    let long = |t: &&String| t.chars().count() >= 3;
    let sec_key = name_key(&s.name);
    let sec: Vec<&String> = sec_key.iter().filter(long).collect();
    let is_sec = |name: &str| {
        let key = name_key(name);
        same_keys(&key, &sec_key) || key.iter().filter(long).any(|t| sec.contains(&t))
    };
    // A proxy's holder is in the room.
    let listed = a.present_members.iter().any(|m| is_sec(&m.name))
        || a.proxies
            .iter()
            .any(|p| p.to.as_deref().is_some_and(is_sec));
    // (Changes in the room, searched over the whole text, only when they decide.)
    if listed || cx.room_changes() {
        return;
    }
    // The list is compared only when it was read whole: as long as the count of those present
    // it states. A shorter list was read in part (a note, a column, OCR cut it): the finding
    // would be the parser's, and says so as info.
    let read = a.present_members.len() as u32;
    match a.present {
        Some(p) if read < p => {
            let m = format!(
                "secrétaire de séance {} is not among the {read} members present read, but the document counts {p} present: not decided",
                s.name
            );
            find(out, "SECRETARY", Some(Severity::Info), m, s.span, None);
        }
        _ => {
            let m = format!(
                "secrétaire de séance {} is not among the members present",
                s.name
            );
            find(out, "SECRETARY", None, m, s.span, None);
        }
    }
}

/// CONVOCATION: clear days between sending and sitting (sitting − sending − 1): 3 under 3 500
/// inhabitants, 5 from 3 500 and for an EPCI, 1 in urgency; in Alsace-Moselle three days
/// before, the day before in urgency.
fn convocation(cx: &Ctx, out: &mut Vec<Finding>) {
    let s = &cx.doc.session;
    let kind = cx.doc.body.kind;
    let epci = matches!(
        kind,
        Some(BodyKind::ConseilCommunautaire) | Some(BodyKind::ComiteSyndical)
    );
    if !(epci || kind == Some(BodyKind::ConseilMunicipal)) {
        return;
    }
    let (Some(sit), Some(sent)) = (
        s.date.as_deref().and_then(regime::day_number),
        s.convocation_date.as_deref().and_then(regime::day_number),
    ) else {
        return;
    };
    let clear = sit - sent - 1;
    let span = s.convocation_span;
    let say = |need: i64, why: &str| {
        format!(
            "convocation of {} for the sitting of {}: {clear} clear day(s), {need} needed {why}",
            s.convocation_date.as_deref().unwrap_or(""),
            s.date.as_deref().unwrap_or("")
        )
    };
    if clear < 0 {
        let m = format!(
            "convocation dated {}, not before the sitting of {}",
            s.convocation_date.as_deref().unwrap_or(""),
            s.date.as_deref().unwrap_or("")
        );
        find(out, "CONVOCATION", None, m, span, None);
        return;
    }
    let head_end = crate::ceil_boundary(cx.text, 4000);
    let urgency = URGENCY.is_match(&cx.text[..head_end]);
    let dept = cx
        .doc
        .publication
        .receipt_id
        .as_deref()
        .and_then(|r| r.get(..3));
    if matches!(dept, Some("057" | "067" | "068")) {
        // Local law: "trois jours au moins avant la séance", the day before in urgency.
        let need = if urgency { 1 } else { 3 };
        if sit - sent < need {
            let m = format!(
                "convocation {} day(s) before the sitting, {need} needed in Alsace-Moselle (L2541-2)",
                sit - sent
            );
            find(out, "CONVOCATION", None, m, span, None);
        }
        return;
    }
    if urgency {
        if clear < 1 {
            find(out, "CONVOCATION", None, say(1, "in urgency"), span, None);
        }
        return;
    }
    // More than 23 members in office: a council of 27 or more, so 3 500 inhabitants or more.
    let large = epci || cx.doc.attendance.in_office.is_some_and(|e| e > 23);
    if large && clear < 5 {
        let why = if epci {
            "for an EPCI (L2121-12 through L5211-1)"
        } else {
            "from 3 500 inhabitants (a council of more than 23 members)"
        };
        find(out, "CONVOCATION", None, say(5, why), span, None);
    } else if !large && clear < 3 {
        find(
            out,
            "CONVOCATION",
            None,
            say(3, "in any commune"),
            span,
            None,
        );
    } else if !large && clear < 5 {
        let m = say(
            5,
            "from 3 500 inhabitants; enough below (the population is not known)",
        );
        find(out, "CONVOCATION", Some(Severity::Warning), m, span, None);
    }
}

/// DATES: signature, transmission and publication on or after the sitting (extracts).
fn dates(cx: &Ctx, out: &mut Vec<Finding>) {
    // In minutes the dates read as "publié le" are too often another text's (an annex, a
    // decree): only an extract's publication block is checked.
    if cx.doc.document_kind != DocumentKind::Extrait {
        return;
    }
    let Some(sit) = cx.doc.session.date.as_deref() else {
        return;
    };
    let p = &cx.doc.publication;
    for (what, date, span) in [
        ("signed", &p.signed, p.signed_span),
        (
            "transmitted to the prefecture",
            &p.transmitted,
            p.transmitted_span,
        ),
        ("published", &p.published, p.published_span),
    ] {
        if let Some(d) = date.as_deref().filter(|d| *d < sit) {
            let m = format!("{what} on {d}, before the sitting of {sit}");
            find(out, "DATES", None, m, span, None);
        }
    }
}

/// PUBLICATION: since 1 July 2022, the list of deliberations is posted within a week.
fn publication(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.doc.document_kind != DocumentKind::ListeDeliberations {
        return;
    }
    let s = &cx.doc.session;
    let p = &cx.doc.publication;
    let (Some(sit), Some(publ)) = (s.date.as_deref(), p.published.as_deref()) else {
        return;
    };
    if sit < "2022-07-01" {
        return;
    }
    let (Some(a), Some(b)) = (regime::day_number(sit), regime::day_number(publ)) else {
        return;
    };
    if b - a > 7 {
        let m = format!(
            "list of deliberations published on {publ}, {} days after the sitting of {sit} (within a week since 1 July 2022)",
            b - a
        );
        find(out, "PUBLICATION", None, m, p.published_span, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An invented extract; `{…}` parts are filled by each test.
    struct Doc<'a> {
        body: &'a str,
        date: &'a str,
        words_date: &'a str,
        convoked: &'a str,
        counts: &'a str,
        present: &'a str,
        proxies: &'a str,
        secretary: &'a str,
        subject: &'a str,
        decision: &'a str,
        tail: &'a str,
    }

    const BASE: Doc<'static> = Doc {
        body: "CONSEIL MUNICIPAL",
        date: "12 avril 2023",
        words_date: "L'an deux mille vingt-trois, le douze avril",
        convoked: "3 avril 2023",
        counts: "En exercice : 11\nPrésents : 9\nVotants : 10",
        present:
            "M. Paul ARNAUD, Mme Claire BESSON, M. Denis CARRÉ, Mme Lucie DUMAS, M. Hugo ESNAULT, \
                  Mme Inès FAURE, M. Rémi GIRAUD, Mme Anne HUET, M. Marc JOLY",
        proxies: "Mme Sarah KLEIN donne pouvoir à M. Denis CARRÉ.",
        secretary: "Mme Lucie DUMAS",
        subject: "Tarifs de la cantine scolaire",
        decision: "Le Conseil, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.\n\
                   Pour : 10 – Contre : 0 – Abstention : 0",
        tail: "Signé le 14 avril 2023\nTransmis en préfecture le 14 avril 2023\n\
               035-213502871-20230412-2023_11-DE",
    };

    impl Doc<'_> {
        fn text(&self) -> String {
            format!(
                "Commune de Testville\n\nEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU {}\n\n\
                 SÉANCE DU {}\n\nDélibération n° 2023-11\n\n{}\n\n\
                 {}, à 20h00, le {} de Testville, \
                 légalement convoqué le {}, s'est réuni sous la présidence de M. Paul ARNAUD, Maire.\n\n\
                 Etaient présents : {}.\n\nAbsents : Mme Sarah KLEIN, M. Luc MOREL.\n{}\n\n\
                 Secrétaire de séance : {}.\n\nObjet : {}\n\nLe Maire expose le projet.\n\n{}\n\n{}\n",
                self.body,
                self.date,
                self.counts,
                self.words_date,
                self.body.to_lowercase(),
                self.convoked,
                self.present,
                self.proxies,
                self.secretary,
                self.subject,
                self.decision,
                self.tail
            )
        }

        /// The rules that fire, with their severity.
        fn findings(&self) -> Vec<(&'static str, Severity)> {
            let text = self.text();
            let doc = crate::parse_str("t.txt", &text);
            let norm = crate::normalize::normalize(&text);
            crate::check::run(&doc, norm.as_str())
                .into_iter()
                .map(|f| (f.rule, f.severity))
                .collect()
        }

        fn fires(&self, rule: &str) -> Option<Severity> {
            self.findings()
                .into_iter()
                .find(|(r, _)| *r == rule)
                .map(|(_, s)| s)
        }
    }

    use Severity::{Error, Info, Warning};

    #[test]
    fn a_clean_extract_has_no_finding() {
        assert_eq!(BASE.findings(), []);
    }

    #[test]
    fn size() {
        let big = Doc {
            counts: "En exercice : 75\nPrésents : 60\nVotants : 61",
            ..BASE
        };
        assert_eq!(big.fires("SIZE"), Some(Error));
        let ok = Doc {
            counts: "En exercice : 69\nPrésents : 60\nVotants : 61",
            ..BASE
        };
        assert_eq!(ok.fires("SIZE"), None);
        // An intercommunal council may be larger.
        let epci = Doc {
            body: "CONSEIL COMMUNAUTAIRE",
            counts: "En exercice : 75\nPrésents : 60\nVotants : 61",
            ..BASE
        };
        assert_eq!(epci.fires("SIZE"), None);
        // Marseille's council is set by the loi PLM.
        let text = big
            .text()
            .replace("Commune de Testville", "Commune de Marseille");
        let doc = crate::parse_str("m.txt", &text);
        assert_eq!(doc.body.name.as_deref(), Some("Marseille"));
        let norm = crate::normalize::normalize(&text);
        assert!(crate::check::run(&doc, norm.as_str())
            .iter()
            .all(|f| f.rule != "SIZE"));
    }

    #[test]
    fn counts() {
        let d = Doc {
            counts: "En exercice : 11\nPrésents : 12\nVotants : 12",
            ..BASE
        };
        assert_eq!(d.fires("COUNTS"), Some(Error));
        assert_eq!(BASE.fires("COUNTS"), None);
    }

    #[test]
    fn quorum_under_the_normal_rules() {
        let d = Doc {
            counts: "En exercice : 11\nPrésents : 5\nVotants : 6",
            ..BASE
        };
        assert_eq!(d.fires("QUORUM"), Some(Error));
        let six = Doc {
            counts: "En exercice : 11\nPrésents : 6\nVotants : 7",
            ..BASE
        };
        assert_eq!(six.fires("QUORUM"), None);
        // A sitting held on a second convocation needs no quorum.
        let second = Doc {
            subject: "Tarifs (réunion sur deuxième convocation, le quorum n'ayant pas été atteint)",
            ..d
        };
        assert_eq!(second.fires("QUORUM"), None);
    }

    #[test]
    fn quorum_in_each_covid_window_and_at_its_boundaries() {
        let low = |date: &'static str| Doc {
            date,
            words_date: "Ce jour",
            convoked: "1er janvier 2020",
            counts: "En exercice : 15\nPrésents : 4\nReprésentés : 1\nVotants : 5",
            decision: "Le Conseil, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.\n\
                       Pour : 5 – Contre : 0 – Abstention : 0",
            tail: "",
            ..BASE
        };
        // 4 present + 1 represented = 5 = a third of 15: enough under the COVID-19 rules only.
        for date in ["15 mai 2020", "1er février 2021", "15 mars 2022"] {
            assert_eq!(low(date).fires("QUORUM"), None, "{date}");
        }
        for date in [
            "15 janvier 2020",
            "15 septembre 2020",
            "15 octobre 2021",
            "15 septembre 2022",
        ] {
            assert_eq!(low(date).fires("QUORUM"), Some(Error), "{date}");
        }
        // Within two days of a change, and while the normal rules were contested: a warning.
        for date in [
            "22 mars 2020",
            "1er septembre 2020",
            "20 octobre 2020",
            "2 août 2022",
        ] {
            assert_eq!(low(date).fires("QUORUM"), Some(Warning), "{date}");
        }
        let lower = Doc {
            counts: "En exercice : 15\nPrésents : 3\nReprésentés : 1\nVotants : 4",
            decision: "Pour : 4 – Contre : 0 – Abstention : 0",
            ..low("1er février 2021")
        };
        assert_eq!(lower.fires("QUORUM"), Some(Error));
    }

    #[test]
    fn proxies_held_by_one_member() {
        let two = "Mme Sarah KLEIN donne pouvoir à M. Denis CARRÉ.\nM. Luc MOREL donne pouvoir à M. Denis CARRÉ.";
        let d = Doc {
            proxies: two,
            counts: "En exercice : 11\nPrésents : 9\nVotants : 11",
            decision: "Pour : 11 – Contre : 0 – Abstention : 0",
            ..BASE
        };
        assert_eq!(d.fires("PROXY"), Some(Error));
        assert_eq!(BASE.fires("PROXY"), None);
        // Two proxies a member under the COVID-19 rules.
        let covid = Doc {
            date: "1er février 2021",
            convoked: "20 janvier 2021",
            words_date: "Ce jour",
            tail: "",
            ..d
        };
        assert_eq!(covid.fires("PROXY"), None);
        let three = Doc {
            proxies: "Mme Sarah KLEIN donne pouvoir à M. Denis CARRÉ.
M. Luc MOREL donne pouvoir \
                      à M. Denis CARRÉ.
M. Jean NOËL donne pouvoir à M. Denis CARRÉ.",
            ..covid
        };
        assert_eq!(three.fires("PROXY"), Some(Error));
    }

    #[test]
    fn tally() {
        let d = Doc {
            decision: "Le Conseil, après en avoir délibéré, APPROUVE les tarifs.\n\
                       Pour : 9 – Contre : 2 – Abstention : 0",
            ..BASE
        };
        assert_eq!(d.fires("TALLY"), Some(Error));
        assert_eq!(BASE.fires("TALLY"), None);
    }

    #[test]
    fn unanimity() {
        let against = Doc {
            decision: "Le Conseil, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.\n\
                       Pour : 9 – Contre : 1 – Abstention : 0",
            ..BASE
        };
        assert_eq!(against.fires("UNANIMITY"), Some(Error));
        let abstaining = Doc {
            decision: "Le Conseil, après en avoir délibéré, à l'unanimité, APPROUVE les tarifs.\n\
                       Pour : 8 – Contre : 0 – Abstention : 2",
            ..BASE
        };
        assert_eq!(abstaining.fires("UNANIMITY"), Some(Warning));
        let expressed = Doc {
            decision: "Le Conseil, après en avoir délibéré, à l'unanimité des suffrages exprimés, \
                       APPROUVE les tarifs.\nPour : 8 – Contre : 0 – Abstention : 2",
            ..BASE
        };
        assert_eq!(expressed.fires("UNANIMITY"), None);
        assert_eq!(BASE.fires("UNANIMITY"), None);
    }

    #[test]
    fn majority() {
        let d = Doc {
            decision: "Le Conseil, après en avoir délibéré, ADOPTE les tarifs.\n\
                       Pour : 4 – Contre : 6 – Abstention : 0\nLa délibération est adoptée.",
            ..BASE
        };
        assert_eq!(d.fires("MAJORITY"), Some(Error));
        let ok = Doc {
            decision: "Le Conseil, après en avoir délibéré, ADOPTE les tarifs.\n\
                       Pour : 6 – Contre : 4 – Abstention : 0\nLa délibération est adoptée.",
            ..BASE
        };
        assert_eq!(ok.fires("MAJORITY"), None);
    }

    #[test]
    fn accounts() {
        let d = Doc {
            subject: "Compte administratif 2022",
            ..BASE
        };
        assert_eq!(d.fires("ACCOUNTS"), Some(Warning));
        let withdrawn = Doc {
            subject: "Compte administratif 2022",
            decision: "Le Maire se retire de la salle. Sous la présidence de M. Denis CARRÉ, \
                       le Conseil, après en avoir délibéré, APPROUVE le compte administratif.\n\
                       Pour : 9 – Contre : 0 – Abstention : 0",
            ..BASE
        };
        assert_eq!(withdrawn.fires("ACCOUNTS"), None);
    }

    #[test]
    fn ballot_for_an_election() {
        let d = Doc {
            subject: "Désignation des délégués au syndicat des eaux",
            decision:
                "Après un vote à main levée, sont désignés M. Denis CARRÉ et Mme Anne HUET.\n\
                       Pour : 10 – Contre : 0 – Abstention : 0",
            ..BASE
        };
        assert_eq!(d.fires("BALLOT"), Some(Warning));
        let waived = Doc {
            decision: "Le Conseil décide à l'unanimité de ne pas procéder au scrutin secret. \
                       Après un vote à main levée, sont désignés M. Denis CARRÉ et Mme Anne HUET.\n\
                       Pour : 10 – Contre : 0 – Abstention : 0",
            ..d
        };
        assert_eq!(waived.fires("BALLOT"), None);
    }

    #[test]
    fn secretary() {
        let d = Doc {
            secretary: "M. Gaston ZOLA",
            ..BASE
        };
        assert_eq!(d.fires("SECRETARY"), Some(Warning));
        assert_eq!(BASE.fires("SECRETARY"), None);
        // A list shorter than the count stated was read in part: not decided.
        let cut = Doc {
            secretary: "M. Gaston ZOLA",
            present: "M. Paul ARNAUD, Mme Claire BESSON, M. Denis CARRÉ",
            ..BASE
        };
        assert_eq!(cut.fires("SECRETARY"), Some(Info));
        // A proxy's holder is in the room.
        let holder = Doc {
            secretary: "M. Denis CARRÉ",
            present: "M. Paul ARNAUD, Mme Claire BESSON",
            counts: "En exercice : 11\nVotants : 10",
            ..BASE
        };
        assert_eq!(holder.fires("SECRETARY"), None);
    }

    #[test]
    fn convocation_delays() {
        // 11 members in office: population unknown, under 3 500 possible.
        let at = |convoked| Doc { convoked, ..BASE };
        assert_eq!(at("10 avril 2023").fires("CONVOCATION"), Some(Error)); // 1 clear day
        assert_eq!(at("7 avril 2023").fires("CONVOCATION"), Some(Warning)); // 4
        assert_eq!(at("6 avril 2023").fires("CONVOCATION"), None); // 5
                                                                   // An intercommunal council needs five clear days.
        let epci = Doc {
            body: "CONSEIL COMMUNAUTAIRE",
            convoked: "7 avril 2023",
            ..BASE
        };
        assert_eq!(epci.fires("CONVOCATION"), Some(Error));
        // In urgency, one clear day is enough.
        let urgent = Doc {
            convoked: "10 avril 2023",
            subject: "Tarifs de la cantine scolaire (réunion en urgence)",
            ..BASE
        };
        assert_eq!(urgent.fires("CONVOCATION"), None);
        // Alsace-Moselle: three days before.
        let alsace = |convoked| Doc {
            convoked,
            tail: "Signé le 14 avril 2023\n067-216700000-20230412-2023_11-DE",
            ..BASE
        };
        assert_eq!(alsace("9 avril 2023").fires("CONVOCATION"), None);
        assert_eq!(alsace("10 avril 2023").fires("CONVOCATION"), Some(Error));
    }

    #[test]
    fn interest() {
        let d = Doc {
            decision: "M. Marc JOLY, intéressé, ne prend pas part au vote.\nLe Conseil, après en \
                       avoir délibéré, APPROUVE les tarifs.\n\
                       Pour : 9 – Contre : 0 – Abstention : 0 – Ne prend pas part au vote : 1",
            ..BASE
        };
        assert_eq!(d.fires("INTEREST"), Some(Warning));
        let left_out = Doc {
            counts: "En exercice : 11\nPrésents : 9\nVotants : 9",
            ..d
        };
        assert_eq!(left_out.fires("INTEREST"), None);
    }

    #[test]
    fn dates() {
        let d = Doc {
            tail: "Signé le 10 avril 2023\nTransmis en préfecture le 14 avril 2023",
            ..BASE
        };
        assert_eq!(d.fires("DATES"), Some(Error));
        assert_eq!(BASE.fires("DATES"), None);
    }

    #[test]
    fn election_figures() {
        let table = |expressed: u32, majority: u32, a: u32, b: u32| {
            format!(
                "Résultats du premier tour de scrutin :\nNombre de votants : 10\n\
                 Nombre de bulletins blancs et nuls : 1\nNombre de suffrages exprimés : {expressed}\n\
                 Majorité absolue : {majority}\nM. Denis CARRÉ : {a} voix\nMme Anne HUET : {b} voix\n\
                 M. Denis CARRÉ, ayant obtenu la majorité absolue, a été proclamé délégué."
            )
        };
        let at = |t: &str| {
            let d = Doc {
                subject: "Élection du délégué au syndicat des eaux",
                decision: t,
                ..BASE
            };
            d.findings()
                .into_iter()
                .filter(|(r, _)| *r == "ELECTION")
                .count()
        };
        assert_eq!(at(&table(9, 5, 6, 3)), 0);
        // 10 − 1 ≠ 8; majority of 8 is 5, not 6; 6 + 3 ≠ 8: three findings.
        assert_eq!(at(&table(8, 6, 6, 3)), 3);
        // Elected in round one below the absolute majority (and the votes add up).
        assert_eq!(at(&table(9, 5, 4, 5)), 1);
    }

    #[test]
    fn departmental_council_quorum() {
        let d = Doc {
            body: "CONSEIL DÉPARTEMENTAL",
            counts: "En exercice : 42\nPrésents : 20\nVotants : 30",
            decision: "Pour : 30 – Contre : 0 – Abstention : 0",
            ..BASE
        };
        assert_eq!(d.fires("QUORUM"), Some(Error));
        // No municipal convocation delay for a departmental council.
        let late = Doc {
            convoked: "10 avril 2023",
            ..d
        };
        assert_eq!(late.fires("CONVOCATION"), None);
    }

    #[test]
    fn publication_of_the_list() {
        let list =
            "Commune de Testville\n\nLISTE DES DÉLIBÉRATIONS\n\nSéance du conseil municipal \
                    du 12 avril 2023\n\n1. 2023-11 Tarifs de la cantine : adopté\n\
                    2. 2023-12 Subventions aux associations : adopté\n\n\
                    Publiée le 28 avril 2023\n";
        let doc = crate::parse_str("l.txt", list);
        let norm = crate::normalize::normalize(list);
        let rules: Vec<_> = crate::check::run(&doc, norm.as_str())
            .into_iter()
            .map(|f| (f.rule, f.severity))
            .collect();
        assert_eq!(doc.document_kind, DocumentKind::ListeDeliberations);
        assert_eq!(rules, [("PUBLICATION", Info)]);
    }
}
