//! From normalized text to a [`Document`]: segment, read each part, resolve, check.
//!
//! Parsing never fails: whatever cannot be read is null in the document and, where it
//! matters, a diagnostic.

pub mod attendance;
pub mod changes;
pub mod elections;
pub mod header;
pub mod items;
pub mod publication;
pub mod sitting;
pub mod votes;

use crate::input::SourceText;
use crate::legal;
use crate::model::*;
use crate::names;
use crate::normalize::{self, Text};

/// How many lines from the top an extract's attendance may stand in.
const ATTENDANCE_LINES: usize = 200;

/// Parses one input's text into a document.
pub fn parse(src: &SourceText) -> Document {
    parse_keeping_text(src).0
}

/// Parses one input's text into a document, and returns the normalized text its spans point
/// into (for showing the words of a finding).
pub fn parse_keeping_text(src: &SourceText) -> (Document, Text) {
    let text = normalize::normalize(&src.text);
    let mut doc = parse_normalized(&text);
    doc.source = Source {
        path: src.path.clone(),
        format: src.format,
        sha256: src.sha256.clone(),
        bytes: src.bytes,
        pages: src.pages,
        encoding: src.encoding.clone(),
        converted_from: src.converted_from,
    };
    (doc, text)
}

fn empty_source() -> Source {
    Source {
        path: String::new(),
        format: SourceFormat::Text,
        sha256: String::new(),
        bytes: 0,
        pages: None,
        encoding: None,
        converted_from: None,
    }
}

/// Parses normalized text. The `source` block is left for the caller to fill.
///
/// The readers read the text as `layout` re-breaks it (lines where the record's parts begin,
/// whatever the source's lines); the spans they make are then mapped back to `text`.
pub fn parse_normalized(text: &Text) -> Document {
    let reading = Text::reading_of(text);
    // Every reader's triggers are then found in one lowercased copy of the text (see `Near`).
    let mut doc = crate::near::with_lowered(reading.as_str(), || parse_lowered(&reading));
    doc.map_spans(|s| {
        let (a, b) = (reading.to_source_start(s.start), reading.to_source(s.end));
        text.span(a, b.max(a))
    });
    doc
}

fn parse_lowered(text: &Text) -> Document {
    let s = text.as_str();
    let mut diags: Vec<Diagnostic> = Vec::new();
    let span = |a: usize, b: usize| text.span(a, b);

    // Header.
    let date = header::session_date(s);
    let time = header::session_time(s, date.as_ref().map(|d| d.start));
    let convocation = header::convocation_date(s, date.as_ref().map(|d| d.value));
    let president = header::president(s);
    let secretary = header::secretary(s);
    let place = header::place(s);
    let body_kind = header::body_kind(s);
    let body_name = header::body_name(s, body_kind);

    // Items: the numbered ones, else the single deliberation of an extract.
    let spans = items::split(s, 0);
    let multi = spans.len() >= 2;
    let attendance_end = if multi {
        spans[0].start
    } else {
        s.match_indices('\n')
            .nth(ATTENDANCE_LINES)
            .map(|(i, _)| i)
            .unwrap_or(s.len())
    };
    let region = &s[..attendance_end];
    let counts = attendance::counts(region, 0);
    let members = attendance::members(region, 0, text.labels());

    let president_name = president.as_ref().map(|p| p.value.clone());
    let mut deliberations = Vec::new();
    let mut other_items: Vec<OtherItem> = Vec::new();
    if multi {
        for it in &spans {
            let body = &s[it.start..it.end];
            let v = votes::read(body);
            if !v.voted {
                // Information given to the council ("Questions diverses") is an item of the
                // sitting, not a deliberation.
                if it.subject.as_deref().is_some_and(sitting::is_information) {
                    other_items.push(OtherItem {
                        number: it.number.clone(),
                        subject: it.subject.clone(),
                        kind: ItemKind::Information,
                        span: span(it.start, it.end),
                    });
                }
                continue;
            }
            deliberations.push(make_item(
                text,
                it.number.clone(),
                it.subject.clone(),
                it.start,
                it.end,
                body,
                v,
                &mut diags,
            ));
        }
    } else {
        let (number, subject) = items::single(s);
        let v = votes::read(s);
        let has_content = number.is_some() || subject.is_some() || v.voted;
        if has_content {
            let start = subject.as_ref().map(|(_, at)| *at).unwrap_or(0);
            deliberations.push(make_item(
                text,
                number,
                subject.map(|(s, _)| s),
                start.min(s.len()),
                s.len(),
                s,
                v,
                &mut diags,
            ));
        }
    }

    // Legal references outside every deliberation belong to the document.
    // A deliberation "of" the sitting's own date is the act itself ("Extrait de la
    // délibération n° 12 du conseil municipal du …"), not an earlier one.
    let session_iso = date.as_ref().map(|d| d.value.iso());
    let all_refs = legal::find(s, 0, &span)
        .into_iter()
        .filter(|r| r.kind != LegalKind::Deliberation || r.date.is_none() || r.date != session_iso);
    let mut doc_refs = Vec::new();
    let mut doc_other = Vec::new();
    for r in all_refs {
        let item = deliberations
            .iter_mut()
            .find(|d| d.span.start <= r.span.start && r.span.start < d.span.end);
        match (item, r.is_legislation()) {
            (Some(d), true) => d.legal_references.push(r),
            (Some(d), false) => d.other_references.push(r),
            (None, true) => doc_refs.push(r),
            (None, false) => doc_other.push(r),
        }
    }

    // Resolve proxy holders named by role ("le Maire") to the president.
    let mut proxies: Vec<Proxy> = Vec::new();
    let mut givers: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for p in &members.proxies {
        if !givers.insert(p.from.as_str()) {
            continue;
        }
        let to = match &p.to {
            Some(t) if is_role_phrase(t) => {
                match resolve_role(t, &members.present, president_name.as_deref()) {
                    Some(n) => Some(n),
                    None => {
                        diags.push(Diagnostic {
                        code: "proxy_holder_unresolved".into(),
                        severity: Severity::Info,
                        message: format!("proxy holder \"{t}\" is named by role and no member holds that role"),
                        span: Some(span(p.start, p.end)),
 basis: None,
});
                        Some(t.clone())
                    }
                }
            }
            other => other.clone(),
        };
        proxies.push(Proxy {
            from: p.from.clone(),
            to,
            span: Some(span(p.start, p.end)),
        });
    }

    let person = |n: &names::NameRef| Person {
        name: n.name.clone(),
        role: n.role.clone(),
        excused: None,
        span: Some(span(n.start, n.end)),
    };
    let present_members: Vec<Person> = dedup_people(members.present.iter().map(person).collect());
    let absent_members: Vec<Person> = dedup_people(
        members
            .absent
            .iter()
            .map(|(n, excused)| Person {
                excused: *excused,
                ..person(n)
            })
            .collect(),
    );

    let changes = sitting::resolve_items(
        text,
        &mut deliberations,
        &present_members,
        &proxies,
        president_name.as_deref(),
    );

    let publ = publication::read(s, date.as_ref().map(|d| d.value));
    // A count is one word ("16", "seize"); a date runs to the end of its line, at most 24 bytes.
    let word_span = |at: usize| {
        let at = at.min(s.len());
        let rest = &s[at..];
        let rest = rest.trim_start_matches([' ', ':', '\t']);
        let from = s.len() - rest.len();
        let len = rest
            .find(|c: char| c.is_whitespace() || ",;.)(/".contains(c))
            .unwrap_or(rest.len());
        span(from, from + len)
    };
    let date_span = |at: usize| {
        let at = at.min(s.len());
        let line = s[at..].split('\n').next().unwrap_or("");
        let len = crate::floor_boundary(line, 24);
        span(at, at + line[..len].trim_end().len())
    };
    let kind = header::document_kind(s, deliberations.len());

    if date.is_none() {
        diags.push(Diagnostic {
            code: "no_session_date".into(),
            severity: Severity::Warning,
            message: "the sitting's date was not found".into(),
            span: None,
            basis: None,
        });
    }
    if deliberations.is_empty() {
        diags.push(Diagnostic {
            code: "no_items".into(),
            severity: Severity::Warning,
            message: "no deliberation was found".into(),
            span: None,
            basis: None,
        });
    }

    let mut doc = Document {
        schema_version: 1,
        source: empty_source(),
        document_kind: kind,
        body: Body {
            kind: body_kind,
            name: body_name.as_ref().map(|b| b.value.clone()),
            span: body_name.as_ref().map(|b| span(b.start, b.end)),
        },
        session: Session {
            date: date.as_ref().map(|d| d.value.iso()),
            time: time
                .as_ref()
                .map(|t| format!("{:02}:{:02}", t.value.0, t.value.1)),
            place: place.as_ref().map(|p| p.value.clone()),
            convocation_date: convocation.as_ref().map(|c| c.value.iso()),
            president: president.as_ref().map(|p| Person {
                name: p.value.clone(),
                role: None,
                excused: None,
                span: Some(span(p.start, p.end)),
            }),
            secretary: secretary.as_ref().map(|p| Person {
                name: p.value.clone(),
                role: None,
                excused: None,
                span: Some(span(p.start, p.end)),
            }),
            date_span: date.as_ref().map(|d| span(d.start, d.end)),
            convocation_span: convocation.as_ref().map(|c| span(c.start, c.end)),
        },
        attendance: Attendance {
            in_office: counts.in_office.map(|c| c.0),
            present: counts.present.map(|c| c.0).or(members.listed_present),
            represented: counts
                .represented
                .map(|c| c.0)
                .or(members.listed_represented),
            voting: counts.voting.map(|c| c.0),
            absent: counts.absent.map(|c| c.0).or(members.listed_absent),
            quorum: counts.quorum.map(|c| c.0),
            present_members,
            absent_members,
            proxies,
            changes,
            count_spans: CountSpans {
                in_office: counts.in_office.map(|c| word_span(c.1)),
                present: counts.present.map(|c| word_span(c.1)),
                represented: counts.represented.map(|c| word_span(c.1)),
                voting: counts.voting.map(|c| word_span(c.1)),
            },
        },
        deliberations,
        legal_references: doc_refs,
        other_references: doc_other,
        other_items,
        publication: Publication {
            signed: publ.signed.map(|d| d.0.iso()),
            transmitted: publ.transmitted.map(|d| d.0.iso()),
            published: publ.published.map(|d| d.0.iso()),
            receipt_id: publ.receipt_id,
            signed_span: publ.signed.map(|d| date_span(d.1)),
            transmitted_span: publ.transmitted.map(|d| date_span(d.1)),
            published_span: publ.published.map(|d| date_span(d.1)),
        },
        diagnostics: diags,
    };
    // Check: the rules' findings are diagnostics of the document too.
    let findings = crate::check::run(&doc, s);
    doc.diagnostics
        .extend(findings.iter().map(|f| f.to_diagnostic()));
    doc
}

/// A lowercased phrase without its civility ("monsieur le maire", "m. le maire").
fn strip_civility_lower(l: &str) -> &str {
    for c in [
        "monsieur ",
        "madame ",
        "m. ",
        "mr. ",
        "mr ",
        "mme. ",
        "mme ",
    ] {
        if let Some(r) = l.strip_prefix(c) {
            return r.trim_start();
        }
    }
    l
}

/// "le Maire", "la 1re adjointe": a holder written as a role.
fn is_role_phrase(t: &str) -> bool {
    let l = t.trim().to_lowercase();
    let l = strip_civility_lower(&l);
    (l.starts_with("le ") || l.starts_with("la ") || l.starts_with("l'"))
        && names::is_role(
            l.trim_start_matches("le ")
                .trim_start_matches("la ")
                .trim_start_matches("l'"),
        )
}

/// The member who holds a role: by the roles written in the present list, else the
/// president for "le Maire" / "le Président".
fn resolve_role(t: &str, present: &[names::NameRef], president: Option<&str>) -> Option<String> {
    let norm = |s: &str| -> String {
        let l = s.to_lowercase();
        let l = strip_civility_lower(l.trim());
        let l = l
            .trim_start_matches("le ")
            .trim_start_matches("la ")
            .trim_start_matches("l'");
        l.replace("ère", "re")
            .replace("ème", "e")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let want = norm(t);
    if let Some(p) = present
        .iter()
        .find(|p| p.role.as_deref().is_some_and(|r| norm(r) == want))
    {
        return Some(p.name.clone());
    }
    let first = want.split_whitespace().next().unwrap_or("");
    if first == "maire" || first.starts_with("président") {
        return president.map(str::to_string);
    }
    None
}

fn dedup_people(v: Vec<Person>) -> Vec<Person> {
    let mut seen = std::collections::HashSet::new();
    v.into_iter()
        .filter(|p| seen.insert(p.name.clone()))
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn make_item(
    text: &Text,
    number: Option<String>,
    subject: Option<String>,
    start: usize,
    end: usize,
    body: &str,
    v: votes::VoteRead,
    diags: &mut Vec<Diagnostic>,
) -> Deliberation {
    let base = start.min(text.as_str().len());
    let body_off = body.as_ptr() as usize - text.as_str().as_ptr() as usize;
    if let (Some((u, _)), Some(false)) = (v.unanimity_at, v.unanimous) {
        let at = body_off + u;
        let said = text.span(at, at);
        let recorded = v.at.map(|(a, _)| text.span(body_off + a, body_off + a));
        diags.push(Diagnostic {
            code: "unanimity_contradiction".into(),
            severity: Severity::Warning,
            message: format!(
                "the text says \"unanimité\" (line {}) but the recorded vote{} is {} pour, {} contre, {} abstention(s); the recorded figures are kept",
                said.line,
                recorded
                    .map(|r| format!(" (line {})", r.line))
                    .unwrap_or_default(),
                v.for_.map(|n| n.to_string()).unwrap_or("?".into()),
                v.against.map(|n| n.to_string()).unwrap_or("?".into()),
                v.abstention.map(|n| n.to_string()).unwrap_or("?".into())
            ),
            span: v
                .unanimity_at
                .map(|(a, b)| text.span(body_off + a, body_off + b)),
 basis: None,
});
    }
    let election = elections::read(subject.as_deref(), body).map(|e| Election {
        office: e.office,
        rounds: e
            .rounds
            .into_iter()
            .map(|r| Round {
                number: r.number,
                not_taking_part: r.not_taking_part,
                ballots: r.ballots,
                blank: r.blank,
                spoilt: r.spoilt,
                blank_and_spoilt: r.blank_and_spoilt,
                expressed: r.expressed,
                absolute_majority: r.absolute_majority,
                candidates: r
                    .candidates
                    .into_iter()
                    .map(|(name, votes)| Candidate { name, votes })
                    .collect(),
                span: text.span(body_off + r.start, body_off + r.end),
            })
            .collect(),
        elected: e.elected,
    });
    Deliberation {
        kind: ItemKind::Vote,
        attendance: None,
        presided_by: None,
        election,
        number,
        subject,
        vote: Vote {
            for_: v.for_,
            against: v.against,
            abstention: v.abstention,
            not_taking_part: v.not_taking_part,
            unanimous: v.unanimous,
            against_members: v.against_members.clone(),
            abstention_members: v.abstention_members.clone(),
            not_taking_part_members: v.not_taking_part_members.clone(),
            span: v.at.map(|(a, b)| text.span(body_off + a, body_off + b)),
            for_by_proxy: v.by_proxy[0],
            against_by_proxy: v.by_proxy[1],
            abstention_by_proxy: v.by_proxy[2],
            // The words as matched: "à l'unanimité", "unanimement".
            unanimity_span: match (v.unanimity_at, v.unanimous) {
                (Some((a, b)), Some(false)) => Some(text.span(body_off + a, body_off + b)),
                _ => None,
            },
        },
        outcome: v.adopted.map(|a| {
            if a {
                Outcome::Adopted
            } else {
                Outcome::Rejected
            }
        }),
        decisions: votes::decisions(body),
        legal_references: Vec::new(),
        other_references: Vec::new(),
        span: text.span(base, end),
    }
}
