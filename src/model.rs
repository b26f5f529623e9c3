//! The document contract (`schema/document.schema.json` of the shared corpus), as Rust types.
//!
//! Field names follow the contract exactly; keys added by registre (spans, `role`,
//! `excused`, `receipt_id`…) are optional in the schema. Counts are the figures the
//! document states: nothing here is derived.

use serde::Serialize;

/// A byte range in the normalized text, with the 1-based line and page of its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub page: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub schema_version: u32,
    pub source: Source,
    pub document_kind: DocumentKind,
    pub body: Body,
    pub session: Session,
    pub attendance: Attendance,
    pub deliberations: Vec<Deliberation>,
    pub legal_references: Vec<LegalReference>,
    /// Earlier deliberations and circulaires cited outside every deliberation.
    pub other_references: Vec<LegalReference>,
    /// Items of the sitting that are not deliberations: information, questions diverses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_items: Vec<OtherItem>,
    pub publication: Publication,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub path: String,
    pub format: SourceFormat,
    pub sha256: String,
    pub bytes: u64,
    pub pages: Option<usize>,
    pub encoding: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub converted_from: Option<Container>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Text,
    Pdf,
}

/// A file read through a converter into text: `source.format` is then "text", and
/// `source.converted_from` says what the file was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Container {
    /// Word 97-2003.
    Doc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Extrait,
    ProcesVerbal,
    CompteRendu,
    ListeDeliberations,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    ConseilMunicipal,
    ConseilCommunautaire,
    ComiteSyndical,
    ConseilDepartemental,
    ConseilRegional,
    CommissionPermanente,
    Other,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Body {
    pub kind: Option<BodyKind>,
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Session {
    pub date: Option<String>,
    pub time: Option<String>,
    pub place: Option<String>,
    pub convocation_date: Option<String>,
    pub president: Option<Person>,
    pub secretary: Option<Person>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_span: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub convocation_span: Option<Span>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excused: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Person {
    pub fn named(name: impl Into<String>) -> Self {
        Person {
            name: name.into(),
            role: None,
            excused: None,
            span: None,
        }
    }
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Attendance {
    pub in_office: Option<u32>,
    pub present: Option<u32>,
    pub represented: Option<u32>,
    pub voting: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub absent: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quorum: Option<u32>,
    pub present_members: Vec<Person>,
    pub absent_members: Vec<Person>,
    pub proxies: Vec<Proxy>,
    /// Where each stated count stands.
    #[serde(skip_serializing_if = "CountSpans::is_empty")]
    pub count_spans: CountSpans,
    /// Every arrival and departure stated during the sitting, placed at an item when the text
    /// says which (a time alone does not).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<AttendanceChange>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct CountSpans {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_office: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub present: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub represented: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voting: Option<Span>,
}

impl CountSpans {
    pub fn is_empty(&self) -> bool {
        self.in_office.is_none()
            && self.present.is_none()
            && self.represented.is_none()
            && self.voting.is_none()
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Proxy {
    pub from: String,
    /// The holder. The contract requires a string: an empty one when the document names only
    /// the giver ("absents ayant voté par procuration : X").
    #[serde(serialize_with = "holder_or_empty")]
    pub to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

fn holder_or_empty<S: serde::Serializer>(to: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(to.as_deref().unwrap_or(""))
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Vote {
    #[serde(rename = "for")]
    pub for_: Option<u32>,
    pub against: Option<u32>,
    pub abstention: Option<u32>,
    pub not_taking_part: Option<u32>,
    pub unanimous: Option<bool>,
    pub against_members: Vec<String>,
    pub abstention_members: Vec<String>,
    pub not_taking_part_members: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Of the votes for, how many by proxy ("10 pour (8 + 2 procurations)").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub for_by_proxy: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub against_by_proxy: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abstention_by_proxy: Option<u32>,
    /// Where "unanimité" is written when the recorded figures contradict it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unanimity_span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Adopted,
    Rejected,
}

#[derive(Debug, Clone, Serialize)]
pub struct Deliberation {
    pub number: Option<String>,
    pub subject: Option<String>,
    pub vote: Vote,
    pub outcome: Option<Outcome>,
    pub decisions: Vec<String>,
    pub legal_references: Vec<LegalReference>,
    /// Earlier deliberations and circulaires cited (not legislation; see [`LegalReference`]).
    pub other_references: Vec<LegalReference>,
    /// An election held by the council in this item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub election: Option<Election>,
    /// What the item is: a vote, an acknowledgement, information…
    pub kind: ItemKind,
    /// Who was in the room for this item, from the opening attendance and the changes before
    /// it; present in minutes of several items and wherever the room changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendance: Option<ItemAttendance>,
    /// Who presides over this item when the president withdraws (the compte administratif).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presided_by: Option<String>,
    pub span: Span,
}

/// What an item of a sitting is, so that counts of deliberations and exports can leave out
/// what is not voted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A deliberation put to the vote.
    Vote,
    /// An election held by the council.
    Election,
    /// The council takes note ("prend acte") of a report or a debate, without a vote.
    PrendActe,
    /// Information given to the council, without a vote.
    Information,
    /// The report of decisions taken by the mayor or president under delegation (L2122-22,
    /// L2122-23, L5211-10).
    DelegatedDecisions,
    /// Approval of the minutes of an earlier sitting.
    MinutesApproval,
}

/// An item of the sitting with no vote and no decision.
#[derive(Debug, Clone, Serialize)]
pub struct OtherItem {
    pub number: Option<String>,
    pub subject: Option<String>,
    pub kind: ItemKind,
    pub span: Span,
}

/// Who was in the room for one item.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ItemAttendance {
    /// Derived: the opening list of those present, with the arrivals and departures before
    /// this item.
    pub present_members: Vec<String>,
    /// Derived likewise: proxies held for this item.
    pub proxies: Vec<Proxy>,
    /// Counts restated for this item, when the document does.
    pub present: Option<u32>,
    pub represented: Option<u32>,
    pub voting: Option<u32>,
    /// The changes that take effect at this item.
    pub changes: Vec<AttendanceChange>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AttendanceChange {
    /// "arrival" or "departure".
    pub kind: String,
    pub member: String,
    /// The member who receives the leaver's proxy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proxy_to: Option<String>,
    /// The time stated ("arrivée à 19h20"), HH:MM.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// The number of the first item the change holds for, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub span: Span,
}

/// An election held by the council: the office, each round, who was elected.
#[derive(Debug, Clone, Serialize)]
pub struct Election {
    /// The office or the seats ("maire", "adjoints", "délégués au SIVOM"), from the subject.
    pub office: Option<String>,
    pub rounds: Vec<Round>,
    pub elected: Vec<String>,
}

/// One round of a ballot, with the figures the document states.
#[derive(Debug, Clone, Serialize)]
pub struct Round {
    pub number: u32,
    pub not_taking_part: Option<u32>,
    /// Ballots in the urn (votants, enveloppes).
    pub ballots: Option<u32>,
    pub blank: Option<u32>,
    pub spoilt: Option<u32>,
    /// Blank and spoilt ballots when the document gives them together.
    pub blank_and_spoilt: Option<u32>,
    /// Suffrages exprimés.
    pub expressed: Option<u32>,
    pub absolute_majority: Option<u32>,
    pub candidates: Vec<Candidate>,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub name: String,
    pub votes: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalKind {
    CodeArticle,
    Loi,
    Ordonnance,
    Decret,
    Arrete,
    Deliberation,
    ReglementUe,
    DirectiveUe,
    Other,
}

/// A text cited. `legal_references` hold legislation and regulation (codes, lois, ordonnances,
/// décrets, arrêtés, EU acts); earlier deliberations and circulaires go to `other_references`.
#[derive(Debug, Clone, Serialize)]
pub struct LegalReference {
    pub kind: LegalKind,
    pub text: String,
    pub code: Option<String>,
    pub article: Option<String>,
    pub article_end: Option<String>,
    pub number: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub span: Span,
    /// For code articles: the code's Légifrance text id (LEGITEXT…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legitext: Option<String>,
    /// Who issued an arrêté or a circulaire ("préfectoral", "municipal", "ministériel").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// An arrêté's own number. Arrêtés are keyed by their date: `number` holds the number only
    /// when no date is cited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub act_number: Option<String>,
    /// For kind `other`: what the text is ("circulaire").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub act: Option<String>,
    /// The short form resolved against an earlier citation ("du même code", "de la loi
    /// précitée"), or "(implicit)" for an article cited without its code right after one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_form: Option<String>,
}

impl LegalReference {
    pub fn new(kind: LegalKind, text: String, span: Span) -> Self {
        LegalReference {
            kind,
            text,
            code: None,
            article: None,
            article_end: None,
            number: None,
            date: None,
            url: None,
            span,
            legitext: None,
            issuer: None,
            act_number: None,
            act: None,
            short_form: None,
        }
    }

    /// Legislation and regulation, as opposed to earlier deliberations and circulaires.
    pub fn is_legislation(&self) -> bool {
        !matches!(self.kind, LegalKind::Deliberation | LegalKind::Other)
    }
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Publication {
    pub signed: Option<String>,
    pub transmitted: Option<String>,
    pub published: Option<String>,
    /// The ACTES receipt id, e.g. `034-213401722-20140424-0000071216-DE`.
    pub receipt_id: Option<String>,
    /// Where the signature, transmission and publication dates stand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_span: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transmitted_span: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub code: String,
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// For a finding of `registre check`: the text it rests on ("CGCT L2121-17").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

/// What a batch prints for an input that could not be read.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorRecord {
    pub source: ErrorSource,
    pub error: ErrorInfo,
}

#[derive(Debug, Clone, Serialize)]
pub struct ErrorSource {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<SourceFormat>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ErrorInfo {
    pub kind: String,
    pub message: String,
}

impl Document {
    /// Applies `f` to every span of the document (the readers' offsets become the normalized
    /// text's: see `parse::parse_normalized`).
    pub fn map_spans(&mut self, f: impl Fn(Span) -> Span) {
        let g = |s: &mut Span| *s = f(*s);
        let o = |s: &mut Option<Span>| {
            if let Some(x) = s.as_mut() {
                *x = f(*x);
            }
        };
        o(&mut self.body.span);
        let se = &mut self.session;
        o(&mut se.date_span);
        o(&mut se.convocation_span);
        for p in se.president.iter_mut().chain(se.secretary.iter_mut()) {
            o(&mut p.span);
        }
        let a = &mut self.attendance;
        for p in a
            .present_members
            .iter_mut()
            .chain(a.absent_members.iter_mut())
        {
            o(&mut p.span);
        }
        for p in &mut a.proxies {
            o(&mut p.span);
        }
        let c = &mut a.count_spans;
        for s in [
            &mut c.in_office,
            &mut c.present,
            &mut c.represented,
            &mut c.voting,
        ] {
            o(s);
        }
        for ch in &mut a.changes {
            g(&mut ch.span);
        }
        for d in &mut self.deliberations {
            g(&mut d.span);
            o(&mut d.vote.span);
            o(&mut d.vote.unanimity_span);
            for r in d
                .legal_references
                .iter_mut()
                .chain(d.other_references.iter_mut())
            {
                g(&mut r.span);
            }
            if let Some(e) = &mut d.election {
                for r in &mut e.rounds {
                    g(&mut r.span);
                }
            }
            if let Some(at) = &mut d.attendance {
                for p in &mut at.proxies {
                    o(&mut p.span);
                }
                for ch in &mut at.changes {
                    g(&mut ch.span);
                }
            }
        }
        for r in self
            .legal_references
            .iter_mut()
            .chain(self.other_references.iter_mut())
        {
            g(&mut r.span);
        }
        for it in &mut self.other_items {
            g(&mut it.span);
        }
        let p = &mut self.publication;
        for s in [
            &mut p.signed_span,
            &mut p.transmitted_span,
            &mut p.published_span,
        ] {
            o(s);
        }
        for d in &mut self.diagnostics {
            o(&mut d.span);
        }
    }
}
