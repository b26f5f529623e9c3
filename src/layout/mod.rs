//! Layout-free reading: the normalized text re-broken into lines by the structure of the
//! record's language, whatever the shape it came in.
//!
//! A council record reaches the parser as a PDF's lines, a web page flattened into one
//! paragraph, a transcript wrapped at a narrow column, a text without apostrophes. The facts
//! do not change with the shape, so the readers do not read the source's lines: this pass
//! takes the text as a stream of words (every run of whitespace is the same) and starts a
//! line where the language says a part begins — before a label ("Présents :", "Secrétaire de
//! séance :", "Pour : 12"), where a list of members ends, before an item heading ("3. Budget",
//! "Délibération n° 2023-045"), where a sentence ends, before a phrase that opens a body or a
//! formula ("Vu le code…", "Le Conseil municipal…", "Pour extrait conforme") — and rejoins
//! elisions an extractor split ("l Hôtel" → "l'Hôtel"). Page numbers standing alone on a line
//! are not content.
//!
//! The result is a [`Reading`]: the text the readers parse, and the map from each of its
//! bytes back to the normalized text, where every span of the output points.

pub mod lexicon;
mod words;

use lexicon::{Follow, LabelKind, LEXICON};
use words::{Case, Tok};

/// The text the readers read, and where its bytes come from in the normalized text.
#[derive(Debug, Clone)]
pub struct Reading {
    pub text: String,
    /// Runs copied unchanged: (start in `text`, start in the source, length).
    runs: Vec<(usize, usize, usize)>,
    /// The labels found, in the reading's offsets: what the readers of lists and counts take
    /// their parts from.
    pub labels: Vec<ReadLabel>,
}

/// A label of the reading: its words (and colon) at `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadLabel {
    pub start: usize,
    pub end: usize,
    pub kind: LabelKind,
    /// Whether a colon (or a dash) ends it.
    pub colon: bool,
    /// Inside brackets, or after its count ("(07 Procurations : …)"): a label inside a
    /// sentence.
    pub inline: bool,
}

impl Reading {
    /// The offset in the normalized text of an offset in the reading text: inside a run, the
    /// same byte; in a separator the reader put between two runs, the end of the run before.
    pub fn to_source(&self, off: usize) -> usize {
        let i = self.runs.partition_point(|r| r.0 <= off);
        if i == 0 {
            return 0;
        }
        let (r, s, len) = self.runs[i - 1];
        s + (off - r).min(len)
    }

    /// [`to_source`](Self::to_source) for where a span starts: in a separator the reader put
    /// between two runs, the start of the run after (the words, not the line before them).
    pub fn to_source_start(&self, off: usize) -> usize {
        // A span that opens on a separator opens at the word after it.
        let off = off
            + self.text.as_bytes()[off.min(self.text.len())..]
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\n'))
                .count();
        let i = self.runs.partition_point(|r| r.0 <= off);
        if i == 0 {
            return self.runs.first().map_or(0, |r| r.1);
        }
        let (r, s, len) = self.runs[i - 1];
        if off >= r + len {
            if let Some(next) = self.runs.get(i) {
                return next.1;
            }
        }
        s + (off - r).min(len)
    }

    /// The reading of a text that needs none (tests): the same text.
    pub fn identity(text: &str) -> Self {
        Reading {
            text: text.to_string(),
            runs: vec![(0, 0, text.len())],
            labels: Vec::new(),
        }
    }
}

/// What stands between two words in the reading text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    Space,
    Break,
    /// An elision the source split ("l Hôtel"): an apostrophe.
    Apostrophe,
}

/// Reads the structure of `text` (normalized) into a [`Reading`].
pub fn read(text: &str) -> Reading {
    let spans = words::spans(text);
    let keys = words::keys(text, &spans);
    let mut toks = words::tokens(text, &spans, &keys);
    // Each word's label, found once: the passes below ask for them many times.
    let found: Vec<Option<LabelAt>> = (0..toks.len()).map(|i| find_label(&toks, i)).collect();
    for (t, l) in toks.iter_mut().zip(found) {
        t.label = l;
    }
    let mut l = Layout::new(&toks);
    l.elisions();
    l.labels_and_lists();
    l.item_headings();
    l.sentences();
    l.caps_titles_with_colon();
    l.caps_headings();
    l.bullets();
    l.name_runs();
    l.finish(text)
}

/// The reading being made: a gap's decision for each word, and what the passes learnt.
struct Layout<'t, 'a> {
    toks: &'t [Tok<'a>],
    gaps: Vec<Gap>,
    /// Words inside a list of members: headings and openers are not looked for there.
    in_list: Vec<bool>,
    /// Words that follow an item's number: its title, not a new part.
    title_start: Vec<bool>,
    /// Words inside brackets ("(présents : 14 – votants : 17)"): no part starts there.
    in_brackets: Vec<bool>,
    labels: Vec<(usize, LabelAt)>,
    moves: Vec<Move>,
}

impl<'t, 'a> Layout<'t, 'a> {
    fn new(toks: &'t [Tok<'a>]) -> Self {
        let n = toks.len();
        Layout {
            toks,
            gaps: vec![Gap::Space; n],
            in_list: vec![false; n],
            title_start: vec![false; n],
            in_brackets: brackets(toks),
            labels: Vec::new(),
            moves: Vec::new(),
        }
    }

    /// "l Hôtel" → "l'Hôtel".
    fn elisions(&mut self) {
        let toks = self.toks;
        for i in 1..toks.len() {
            if words::is_elision(&toks[i - 1], &toks[i]) && toks[i - 1].end < toks[i].start {
                self.gaps[i] = Gap::Apostrophe;
            }
        }
    }

    /// Labels, and the lists after them.
    fn labels_and_lists(&mut self) {
        let toks = self.toks;
        let n = toks.len();
        let (gaps, in_list, in_brackets) = (&mut self.gaps, &mut self.in_list, &self.in_brackets);
        let labels = &mut self.labels;
        let mut interruptions: Vec<Move> = Vec::new();
        let mut i = 0;
        while i < n {
            let Some(l) = label_at(toks, i) else {
                i += 1;
                continue;
            };
            // The count before the label is the previous label's value when only its value (or a
            // table's values, and blanks) stand between them.
            let value_of_previous = labels.last().is_some_and(|(_, p)| {
                p.end < i && (p.end..i).all(|x| toks[x].is_count() || words::is_blank(&toks[x]))
            });
            if i > 0 && !in_brackets[i] && breaks_before_label(toks, i, value_of_previous) {
                gaps[i] = Gap::Break;
            }
            labels.push((i, l));
            let after = l.end;
            // "Votants : 13 dont 2 procurations Date d'affichage : …": a label word after its
            // count, without a colon, is a count's noun and opens no list.
            if l.kind.opens_list() && !l.colon && i > 0 && toks[i - 1].is_count() {
                i = after;
                continue;
            }
            // A label written without its colon ("PRESENTS M. X, Maire") ends its line, as the
            // source that dropped the colon wrote it.
            if l.kind.opens_list() && !l.colon && after < n {
                gaps[after] = Gap::Break;
            }
            if l.kind.opens_list() {
                let mut splits = Vec::new();
                let mut end = list_end(toks, after, &mut splits);
                // A count inside a list ("… à Marc Baïetto Elus en exercice : 29 Nelly Maroni à
                // France Mendez…", two columns read as one) is read after the list, which goes on.
                let first_move = interruptions.len();
                while let Some(c) = interruption(toks, end) {
                    let more = list_end(toks, c.end, &mut splits);
                    if more <= c.end {
                        break;
                    }
                    let tail = more;
                    interruptions.push(Move {
                        to: tail,
                        tokens: end..c.end,
                        line: true,
                    });
                    for f in in_list.iter_mut().take(tail).skip(c.end) {
                        *f = true;
                    }
                    if gaps.get(c.end).is_some() {
                        // The list goes on after the count: on the same line after a comma,
                        // else as the next entry.
                        let sep = end > 0 && toks[end - 1].trail().ends_with([',', ';']);
                        gaps[c.end] = if sep { Gap::Space } else { Gap::Break };
                    }
                    end = tail;
                }
                // Every count read inside the list goes after its end, in their order.
                for m in &mut interruptions[first_move..] {
                    m.to = end;
                }
                // Entries that no punctuation separates each start a line.
                for s in splits {
                    if s < end {
                        gaps[s] = Gap::Break;
                    }
                }
                for f in in_list.iter_mut().take(end).skip(after) {
                    *f = true;
                }
                if end < n && end > after && starts_part(&toks[end]) {
                    gaps[end] = Gap::Break;
                }
                i = end.max(after);
            } else {
                // "Ont obtenu : Liste A : 23 voix Liste B : 6 voix": the results start a line.
                if l.kind == LabelKind::Results && after < n {
                    gaps[after] = Gap::Break;
                }
                // "Elus en exercice : 29 Nelly Maroni…": a line starts after a count's value.
                if matches!(l.kind, LabelKind::Count | LabelKind::Tally)
                    && !in_brackets.get(after + 1).copied().unwrap_or(true)
                    && toks.get(after).is_some_and(Tok::is_count)
                    && toks.get(after + 1).is_some_and(|t| {
                        t.raw
                            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    })
                {
                    gaps[after + 1] = Gap::Break;
                }
                i = after;
            }
        }
        let mut moves: Vec<Move> = deferred_values(toks, labels)
            .into_iter()
            .map(|(l, v)| Move {
                to: l,
                tokens: v..v + 1,
                line: false,
            })
            .collect();
        moves.append(&mut interruptions);
        self.moves = moves;
    }

    /// Item headings: strong ones, and weak ones that continue a numbering; never a count's
    /// or a date's value ("Présents : 11 - Votants : 13").
    fn item_headings(&mut self) {
        let toks = self.toks;
        let n = toks.len();
        let mut excluded: Vec<bool> = (0..n)
            .map(|i| self.in_list[i] || self.in_brackets[i])
            .collect();
        for (_, l) in &self.labels {
            if matches!(
                l.kind,
                LabelKind::Count | LabelKind::Tally | LabelKind::Date
            ) && l.end < n
            {
                excluded[l.end] = true;
            }
        }
        let gaps = &mut self.gaps;
        for h in headings(toks, &excluded) {
            if h.at > 0 {
                gaps[h.at] = Gap::Break;
            }
            // The words between the number and the title stay with the number ("D2026-001 -
            // Objet : …").
            for g in gaps.iter_mut().take(h.title.min(n)).skip(h.at + 1) {
                *g = Gap::Space;
            }
            if h.title < n {
                if toks[h.title].key() == "objet" {
                    gaps[h.title] = Gap::Space;
                }
                // "Délibération n° 2024-029 M. BERTHIER présente …", "N° 12 Le Maire expose":
                // a number without a title on its line; the sentence after it is the body.
                // (A noun that opens parts may open a title too: "3/ Rapport de la CLECT".)
                let determiner = toks[h.title].case == Case::Cap
                    && matches!(
                        toks[h.title].key(),
                        "le" | "la" | "les" | "l'" | "un" | "une" | "il" | "nous"
                    )
                    && toks.get(h.title + 1).is_some_and(|x| x.case == Case::Lower);
                let sentence = civility_sentence(toks, h.title, false)
                    || determiner
                    || toks[h.title].case != Case::Upper
                        && opener_at(toks, h.title)
                        && matches!(
                            toks[h.title].key(),
                            "vu" | "vus"
                                | "considerant"
                                | "attendu"
                                | "le"
                                | "la"
                                | "les"
                                | "l'"
                                | "il"
                                | "monsieur"
                                | "madame"
                                | "m"
                                | "mme"
                                | "mr"
                                | "apres"
                                | "sur"
                                | "entendu"
                                | "oui"
                                | "par"
                                | "dans"
                                | "suite"
                                | "afin"
                                | "conformement"
                                | "en"
                                | "un"
                                | "une"
                                | "ce"
                                | "cette"
                                | "nous"
                        );
                if h.title > 0 && sentence {
                    gaps[h.title] = Gap::Break;
                    continue;
                }
                self.title_start[h.title] = true;
                if let Some(e) = caps_title_end(toks, h.title) {
                    gaps[e] = Gap::Break;
                }
            }
        }
    }

    /// Openers and sentence ends.
    fn sentences(&mut self) {
        let toks = self.toks;
        let n = toks.len();
        let (gaps, in_list, in_brackets) = (&mut self.gaps, &self.in_list, &self.in_brackets);
        let mut in_title = false;
        for i in 1..n {
            if self.title_start[i] {
                in_title = true;
            } else if gaps[i] == Gap::Break {
                in_title = false;
            }
            if gaps[i] != Gap::Space || self.title_start[i] {
                continue;
            }
            let p = &toks[i - 1];
            // (Most words: a word in lower case after one without punctuation; nothing below
            // starts a line there.)
            let t0 = toks[i].raw.as_bytes()[0];
            if p.trail_is_empty()
                && (t0.is_ascii_lowercase() || t0.is_ascii_digit())
                && !matches!(p.raw.as_bytes()[0], b'-' | b'_' | b'=' | b'*' | 0xE2)
                && p.key() != "voix"
                && !p.is_count()
            {
                continue;
            }
            // A rule ("-----", "___", "***") stands between parts.
            let rule = |t: &Tok| {
                t.raw.len() >= 3
                    && matches!(t.raw.as_bytes()[0], b'-' | b'_' | b'=' | b'*' | 0xE2)
                    && t.raw.chars().count() >= 3
                    && t.raw
                        .chars()
                        .all(|c| matches!(c, '-' | '_' | '=' | '*' | '–' | '—'))
            };
            // In order: a rule; a sentence's end before a new part; a civility that opens a
            // named result; a count of votes that ends its phrase ("… : 3 voix M. Denis CARRÉ,
            // ayant obtenu…"); a sentence of a person ("… 2023 Mme Nadine FÉVRE rejoint la
            // séance."); a title running into its text ("1. Approbation du procès-verbal du
            // 14 mai 2024 Le procès-verbal … est adopté").
            let brk = rule(p)
                || rule(&toks[i])
                || (words::ends_sentence(p)
                    || p.is_count()
                        && p.trail() == "."
                        && i >= 2
                        && words::cites_number(&toks[i - 2]))
                    && starts_part(&toks[i])
                || !in_list[i] && !in_brackets[i] && opener_at(toks, i)
                || words::is_civility(&toks[i], toks.get(i + 1)) && named_result(toks, i)
                || ends_tally(toks, i - 1) && starts_part(&toks[i]) && toks[i].lead().is_empty()
                || !in_list[i] && !in_brackets[i] && civility_sentence(toks, i, in_title)
                || in_title && title_runs_into_sentence(toks, i);
            if brk {
                gaps[i] = Gap::Break;
            }
        }
    }

    /// A title in capitals before its colon ("…, COMPTE DE GESTION 2005 : Madame MARTEAU
    /// donne lecture…"): a heading without a number, on a line of its own.
    fn caps_titles_with_colon(&mut self) {
        let toks = self.toks;
        let n = toks.len();
        let gaps = &mut self.gaps;
        for i in 1..n {
            if gaps[i] != Gap::Space
                || self.title_start[i]
                || self.in_list[i]
                || self.in_brackets[i]
                || toks[i - 1].case == Case::Upper
            {
                continue;
            }
            if let Some(e) = caps_title_with_colon(toks, i) {
                gaps[i] = Gap::Break;
                if e < n && starts_part(&toks[e]) {
                    gaps[e] = Gap::Break;
                }
            }
        }
    }

    /// A heading in capitals without a number ("CULTURE ET VIE ASSOCIATIVE Convention de …",
    /// "LISTE DES DÉLIBÉRATIONS EXAMINÉES (article …) Conseil municipal réuni …"): the line
    /// starts again where the capitals end.
    fn caps_headings(&mut self) {
        let toks = self.toks;
        let n = toks.len();
        let gaps = &mut self.gaps;
        for i in 0..n {
            // ("SECRÉTAIRE DE SÉANCE : M. Théo VALLET": a label in capitals is no title.)
            if (i == 0 || gaps[i] == Gap::Break)
                && !self.in_list[i]
                && toks[i].case == Case::Upper
                && !label_at(toks, i).is_some_and(|l| l.colon)
            {
                if let Some(e) = caps_title_end(toks, i) {
                    // (Within the line: the capitals of the next line are another title's.)
                    let one_line = (i + 1..e).all(|k| gaps[k] != Gap::Break);
                    if one_line && gaps[e] == Gap::Space && !self.in_brackets[e] {
                        gaps[e] = Gap::Break;
                    }
                }
            }
        }
    }

    /// Bullets: "décide : - De limiter … - De transférer …", outside lists and titles.
    fn bullets(&mut self) {
        let toks = self.toks;
        let n = toks.len();
        let (gaps, in_list, in_brackets, title_start) = (
            &mut self.gaps,
            &self.in_list,
            &self.in_brackets,
            &self.title_start,
        );
        let mut in_title = false;
        for i in 1..n {
            if title_start[i] {
                in_title = true;
            } else if gaps[i] == Gap::Break {
                in_title = false;
            }
            let t = &toks[i];
            if in_title
                || in_list[i]
                || in_brackets[i]
                || gaps[i] != Gap::Space
                || !matches!(t.raw, "-" | "–" | "•")
            {
                continue;
            }
            let p = &toks[i - 1];
            // ("Pour : 10 – Contre : 0": a dash between labels is not a bullet.)
            let next_upper = toks.get(i + 1).is_some_and(|x| x.case_first_upper())
                && label_at(toks, i + 1).is_none();
            // "décide : - de fixer …; - d'autoriser …": a bullet after a colon or a semicolon, in
            // lower case too.
            let after_colon = p.trail().ends_with([':', ';'])
                && toks
                    .get(i + 1)
                    .is_some_and(|x| x.case == Case::Lower || x.case_first_upper());
            // After a word in lower case, a dash opens an entry only before a person or a
            // verb of the decision ("… suivants - M. X - Mme Y", "… délibéré - DÉCIDE"): between
            // two nouns it joins a title's parts ("Budget principal – Approbation du compte").
            let entry = || {
                let x = &toks[i + 1];
                words::is_civility(x, toks.get(i + 2))
                    || x.case == Case::Upper && x.core().chars().count() >= 2
                    || LEXICON.caps_verbs.contains_key(x.stem())
                    // "… facultative - De transférer …", "- D'approuver …"
                    || matches!(x.key(), "de" | "d'")
                        && toks.get(i + 2).is_some_and(|y| y.case == Case::Lower)
                    || x.key().starts_with("d'")
                    || opener_at(toks, i + 1)
            };
            if after_colon
                || next_upper
                    && (p.case == Case::Lower && p.trail().is_empty() && entry()
                        || p.trail().ends_with([':', ';', '.', '»', '"', ')']))
            {
                gaps[i] = Gap::Break;
            }
        }
    }

    /// Names one after another without a label before them ("Mme Hélène GRANDJEAN M.
    /// Pierre-Yves BARBIER … Présents :", a label printed after its list): one entry a line.
    fn name_runs(&mut self) {
        let toks = self.toks;
        let n = toks.len();
        let (gaps, in_list) = (&mut self.gaps, &mut self.in_list);
        let mut i = 0;
        while i < n {
            if (i == 0 || gaps[i] == Gap::Break)
                && !in_list[i]
                && words::is_civility(&toks[i], toks.get(i + 1))
            {
                let mut splits = Vec::new();
                let end = list_end(toks, i, &mut splits);
                if splits.len() >= 2 {
                    for s in splits {
                        gaps[s] = Gap::Break;
                    }
                    for f in in_list.iter_mut().take(end).skip(i) {
                        *f = true;
                    }
                    if end < n && starts_part(&toks[end]) {
                        gaps[end] = Gap::Break;
                    }
                    i = end.max(i + 1);
                    continue;
                }
            }
            // "… Monsieur le Maire, Antoine Morel Gilles ARNAUD, Laure BESSON, Marc CHAPUIS.
            // Présents :": three names or more, a comma between each, are a list; it starts
            // with the given name of its first entry.
            if !in_list[i] && toks[i].case == Case::Upper && toks[i].trail() == "," {
                if let Some(j) = comma_list_start(toks, i) {
                    let mut splits = Vec::new();
                    let end = list_end(toks, j, &mut splits);
                    // (Commas between names: each followed by a name or a civility.)
                    let commas = (j..end)
                        .filter(|&k| {
                            toks[k].trail().ends_with(',')
                                && toks.get(k + 1).is_some_and(|x| {
                                    words::is_name_word(x) || words::is_civility(x, toks.get(k + 2))
                                })
                        })
                        .count();
                    if commas >= 2 && end > i + 1 {
                        if j > 0 && gaps[j] == Gap::Space {
                            gaps[j] = Gap::Break;
                        }
                        for f in in_list.iter_mut().take(end).skip(j) {
                            *f = true;
                        }
                        if end < n && starts_part(&toks[end]) {
                            gaps[end] = Gap::Break;
                        }
                        i = end.max(i + 1);
                        continue;
                    }
                }
            }
            i += 1;
        }
    }

    /// The reading: the words with their gaps, moved words in their places, the labels.
    fn finish(self, text: &str) -> Reading {
        let toks = self.toks;
        let labels: Vec<(usize, LabelAt, bool)> = self
            .labels
            .iter()
            .map(|&(i, l)| {
                let counted = i > 0 && toks[i - 1].is_count() && self.gaps[i] != Gap::Break;
                (i, l, self.in_brackets[i] || counted)
            })
            .collect();
        build(text, toks, &self.gaps, &self.moves, &labels)
    }
}

/// A count label and its value standing at word `i` in the middle of a list, which goes on
/// after it with an entry of its kind (a name and a proxy clause: "Nelly Maroni à France
/// Mendez"): the range of the label and value.
fn interruption(toks: &[Tok], i: usize) -> Option<std::ops::Range<usize>> {
    let l = label_at(toks, i)?;
    // "MM LAINE, PENNEC, Date de l'avis de convocation : 19 février 2018 MMES SERGENT, …":
    // a margin's dated label read inside a list that a comma leaves open.
    if l.kind == LabelKind::Date && i > 0 && toks[i - 1].trail().ends_with(',') {
        let e = words::date_end(toks, l.end)?;
        let next = toks.get(e)?;
        return words::is_civility(next, toks.get(e + 1)).then_some(i..e);
    }
    if l.kind != LabelKind::Count || !toks.get(l.end).is_some_and(Tok::is_count) {
        return None;
    }
    let next = l.end + 1;
    let e = entry_end(toks, next)?;
    // The entry must hold a proxy clause: a pair, the kind of list two columns interleave.
    let pair =
        (next..e).any(|k| matches!(toks[k].key(), "a" | "par") && toks[k].case == Case::Lower);
    pair.then_some(i..next)
}

/// Word `k` ends a count of votes: "3 voix", "13 votes pour", "2 voix contre".
fn ends_tally(toks: &[Tok], k: usize) -> bool {
    // "2 voix (deux)": the count in words after it.
    if k > 0 && toks[k].raw.starts_with('(') && toks[k].raw.ends_with(')') {
        return ends_tally(toks, k - 1);
    }
    let key = |j: usize| toks.get(j).map_or("", |t| t.key());
    let count = |j: usize| toks.get(j).is_some_and(Tok::is_count);
    match key(k) {
        "voix" | "votes" | "suffrages" | "sieges" => k >= 1 && count(k - 1),
        "pour" | "contre" => k >= 2 && matches!(key(k - 1), "voix" | "votes") && count(k - 2),
        _ => false,
    }
}

/// A sentence opening with a person at word `i`: a civility and a name, then a verb in lower
/// case ("Mme Nadine FÉVRE rejoint la séance", "M. Patrick LONJARRET … ne prend pas part"),
/// after a word that does not govern it.
fn civility_sentence(toks: &[Tok], i: usize, in_title: bool) -> bool {
    let p = &toks[i - 1];
    if !words::is_civility(&toks[i], toks.get(i + 1))
        || words::governs(p)
        || !p.trail_is_empty()
        || p.is_count()
    {
        return false;
    }
    let Some(e) = person_end(toks, i) else {
        return false;
    };
    // "… à M. H. LAINÉ Monsieur C. COSSEC a donné pouvoir à …": proxies one after another,
    // even after a surname in capitals.
    if gives_proxy(toks, e) {
        return true;
    }
    if p.case == Case::Upper {
        return false;
    }
    // In a title, a name and its function between commas ("4. Subvention au comité des fêtes
    // M. Patrick LONJARRET, président du comité, ne prend pas part au vote") is its subject.
    if in_title && toks[e - 1].trail() == "," {
        return true;
    }
    toks.get(e).is_some_and(|v| {
        v.case == Case::Lower
            && !words::is_particle(v)
            && !matches!(v.key(), "et" | "ou" | "a" | "de" | "du")
    }) && toks[e - 1].trail_is_empty()
}

/// Inside a title, a sentence that starts without a full stop before it: "Le"/"La"/"Les"
/// with a capital after a word that does not govern it.
/// Word `k` opens the giving of a proxy: "a donné pouvoir", "donne procuration", "ayant
/// donné mandat".
fn gives_proxy(toks: &[Tok], k: usize) -> bool {
    let key = |j: usize| toks.get(j).map_or("", |t| t.key());
    let noun = |j: usize| {
        matches!(
            key(j),
            "pouvoir" | "pourvoir" | "procuration" | "mandat" | "delegation"
        )
    };
    match key(k) {
        "donne" => noun(k + 1) || matches!(key(k + 1), "son" | "sa") && noun(k + 2),
        "a" | "ayant" | "avait" => {
            toks.get(k + 1).is_some_and(|t| t.key().starts_with("don"))
                && (noun(k + 2) || matches!(key(k + 2), "son" | "sa") && noun(k + 3))
        }
        _ => false,
    }
}

fn title_runs_into_sentence(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    let p = &toks[i - 1];
    t.case == Case::Cap
        && matches!(
            t.key(),
            "le" | "la" | "les" | "l'" | "un" | "une" | "il" | "elle" | "ce" | "cette"
        )
        && p.trail_is_empty()
        && matches!(p.case, Case::Lower | Case::Digit)
        && t.lead().is_empty()
        && !words::governs(p)
        && !words::is_particle(p)
}

/// "M. Denis CARRÉ : 6 voix", "Mme X : 12": a person's result, a line of its own.
fn named_result(toks: &[Tok], i: usize) -> bool {
    let Some(e) = entry_end(toks, i) else {
        return false;
    };
    let colon = toks[e - 1].trail().contains(':');
    let (colon, v) = if colon {
        (true, e)
    } else {
        (toks.get(e).is_some_and(|t| t.raw == ":"), e + 1)
    };
    colon && toks.get(v).is_some_and(Tok::is_count)
}

/// Values of a table whose labels come first and values after ("Nombre de conseillers en
/// exercice : … Pouvoirs : … 29 22 6", a PDF's columns read one after the other): the k-th
/// label of a run of count labels without a value takes the k-th count of the run of counts
/// that follows. Returns (label end, value) pairs: the value is read after its label.
fn deferred_values(toks: &[Tok], labels: &[(usize, LabelAt)]) -> Vec<(usize, usize)> {
    let n = toks.len();
    let mut out = Vec::new();
    let mut k = 0;
    while k < labels.len() {
        let mut run = vec![];
        let mut j = k;
        while j < labels.len() && labels[j].1.kind == LabelKind::Count {
            let end = labels[j].1.end;
            let mut e = end;
            while e < n && words::is_blank(&toks[e]) {
                e += 1;
            }
            run.push(end);
            j += 1;
            let next = labels.get(j);
            if next.is_some_and(|l| l.0 == e && l.1.kind == LabelKind::Count) {
                continue;
            }
            // The last label of the run: its values follow.
            let values: Vec<usize> = (e..n)
                .take_while(|&x| toks[x].is_count())
                .take(run.len())
                .collect();
            if run.len() >= 2 && values.len() == run.len() {
                out.extend(run.iter().copied().zip(values));
            }
            break;
        }
        k = j.max(k + 1);
    }
    out
}

/// Words read elsewhere than where they stand: `tokens` go right before word `to`, on a line
/// of their own (`line`) or after a space (a table's value after its label).
#[derive(Debug, Clone)]
struct Move {
    to: usize,
    tokens: std::ops::Range<usize>,
    line: bool,
}

fn build(
    text: &str,
    toks: &[Tok],
    gaps: &[Gap],
    moves: &[Move],
    labels: &[(usize, LabelAt, bool)],
) -> Reading {
    let n = toks.len();
    // Where each word stands in the reading.
    let mut at = vec![(usize::MAX, usize::MAX); n];
    // Each word's place: (the word it goes before, 0 for moved words and 1 for the word itself,
    // its own index).
    // (Most texts move nothing: then the order is the source's and nothing is allocated.)
    let moved = !moves.is_empty();
    let mut key: Vec<(usize, u8, usize)> = Vec::new();
    let mut first_moved = Vec::new();
    let mut order: Vec<usize> = Vec::new();
    if moved {
        key = (0..n).map(|i| (i, 1, i)).collect();
        first_moved = vec![None; n];
        for m in moves {
            for i in m.tokens.clone() {
                key[i] = (m.to, 0, i);
            }
            if let Some(f) = first_moved.get_mut(m.tokens.start) {
                *f = Some(m.line);
            }
        }
        order = (0..n).collect();
        order.sort_by_key(|&i| key[i]);
    }
    let order: Box<dyn Iterator<Item = usize>> = if moved {
        Box::new(order.into_iter())
    } else {
        Box::new(0..n)
    };
    let mut out = String::with_capacity(text.len() + 16);
    let mut runs: Vec<(usize, usize, usize)> = Vec::with_capacity(n);
    let mut prev: Option<usize> = None;
    for i in order {
        let t = &toks[i];
        // Form blanks ("_____") are not words.
        if words::is_blank(t) {
            continue;
        }
        if let Some(p) = prev {
            // A word that follows a moved run, or opens one, is where the reading jumps.
            let gap = if moved {
                let jumped = key[p].0 != key[i].0 || key[p].1 != key[i].1;
                match first_moved[i] {
                    Some(true) => Gap::Break,
                    Some(false) => Gap::Space,
                    None if jumped && key[p].1 == 0 => Gap::Break,
                    None => gaps[i],
                }
            } else {
                gaps[i]
            };
            out.push(match gap {
                Gap::Space => ' ',
                Gap::Break => '\n',
                Gap::Apostrophe => '\'',
            });
        }
        prev = Some(i);
        // A run continues the previous one when the source has the same gap between them
        // (most words: one run per stretch of unchanged text, not one per word).
        match runs.last_mut() {
            Some((r, s, len))
                if *s + *len <= t.start
                    && *r + *len <= out.len()
                    && text.as_bytes()[*s + *len..t.start] == out.as_bytes()[*r + *len..] =>
            {
                *len += t.start - (*s + *len) + (t.end - t.start);
            }
            _ => runs.push((out.len(), t.start, t.end - t.start)),
        }
        at[i] = (out.len(), out.len() + t.end - t.start);
        out.push_str(&text[t.start..t.end]);
    }
    let labels = labels
        .iter()
        .filter_map(|&(i, l, inline)| {
            let start = at[i].0;
            let end = (i..l.end.min(n))
                .rev()
                .find(|&k| at[k].1 != usize::MAX)
                .map(|k| at[k].1)?;
            (start != usize::MAX && end >= start).then_some(ReadLabel {
                start,
                end,
                kind: l.kind,
                colon: l.colon,
                inline,
            })
        })
        .collect();
    // Runs in the reading's order (moved words break the source's order).
    Reading {
        text: out,
        runs,
        labels,
    }
}

/// Which words stand inside brackets closed within 60 words.
fn brackets(toks: &[Tok]) -> Vec<bool> {
    let mut inside = vec![false; toks.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let (mut opens, mut closes) = (0, 0);
        for &b in t.raw.as_bytes() {
            opens += matches!(b, b'(' | b'[') as usize;
            closes += matches!(b, b')' | b']') as usize;
        }
        if opens == 0 && closes == 0 && open.is_empty() {
            continue;
        }
        for _ in 0..opens {
            open.push(i);
        }
        for _ in 0..closes {
            if let Some(o) = open.pop() {
                if i - o <= 60 {
                    for f in &mut inside[o + 1..=i] {
                        *f = true;
                    }
                }
            }
        }
        // A bracket left open that long is not one.
        open.retain(|&o| i - o <= 60);
    }
    inside
}

/// A word that may open a part: a capital, a digit, a bullet, an opening bracket or quote.
fn starts_part(t: &Tok) -> bool {
    // ("… secrétaire de séance. n° 2025 / 061 Restauration collective": a number's heading.)
    if t.raw.starts_with("n°") {
        return true;
    }
    let c = t.raw.chars().next().unwrap_or(' ');
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '-' | '–' | '—' | '•' | '*' | '«' | '"' | '(' | '[')
}

/// A label found at a word.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LabelAt {
    kind: LabelKind,
    /// Whether a colon (or a dash) ends the label.
    colon: bool,
    /// The first word after the label (and its colon).
    end: usize,
}

/// The label that starts at word `i`, if any: the longest phrase of the table, followed by
/// what its row asks for.
fn label_at(toks: &[Tok], i: usize) -> Option<LabelAt> {
    toks.get(i).and_then(|t| t.label)
}

/// [`label_at`] computed.
fn find_label(toks: &[Tok], i: usize) -> Option<LabelAt> {
    if i >= toks.len() {
        return None;
    }
    if let Some(l) = number_of_label(toks, i) {
        return Some(l);
    }
    // "Étaient absents ou excusés :", "Sont présents :": the label after its verb.
    if matches!(
        toks[i].key(),
        "etaient" | "sont" | "etait" | "est" | "furent"
    ) && toks[i].trail_is_empty()
    {
        if let Some(l) = label_rows(toks, i + 1, i) {
            return Some(l);
        }
    }
    label_rows(toks, i, i)
}

/// The label of the table whose words start at word `i`, `head` being the word that starts
/// the phrase (`i`, or the verb before: "Étaient présents").
fn label_rows(toks: &[Tok], i: usize, head: usize) -> Option<LabelAt> {
    let rows = LEXICON.labels.get(toks.get(i)?.stem())?;
    'rows: for row in rows {
        let k = row.words.len();
        if i + k > toks.len() {
            continue;
        }
        for (j, w) in row.words.iter().enumerate() {
            let t = &toks[i + j];
            if t.stem() != w {
                continue 'rows;
            }
            // Words of one label are not separated by punctuation ("présents, absents").
            if j + 1 < k && !t.trail().is_empty() {
                continue 'rows;
            }
            if j > 0 && !t.lead().is_empty() {
                continue 'rows;
            }
        }
        let last = &toks[i + k - 1];
        let next = toks.get(i + k);
        // The colon: on the last word, or a word of its own (also a dash, "Présents – ").
        let (colon, end) = if last.trail().contains(':') {
            (true, i + k)
        } else if (last.trail().is_empty() || last.trail() == ".")
            && next.is_some_and(|t| matches!(t.raw, ":" | "-" | "–" | "—" | "=" | ":-"))
        {
            (true, i + k + 1)
        } else if let Some(e) = (row.follow == Follow::ListOrColon && last.trail().is_empty())
            .then(|| qualifier_end(toks, i + k))
            .flatten()
        {
            // "Absents ayant voté par procuration en application de l'article L 2121-20 du
            // CGCT :", "Présents à l'ouverture de la séance :": a label and its qualifier.
            (true, e)
        } else {
            (false, i + k)
        };
        if !last.trail().is_empty() && !colon {
            // "Présents, …", "présents)", "votes pour.": not a label.
            continue;
        }
        let after = toks.get(end);
        let capital = toks[head].case_first_upper();
        let i = head;
        let ok = match row.follow {
            // A colon label written in lower case stands at a phrase's start ("service public :"
            // is a title's words).
            Follow::Colon => colon && (capital || at_phrase_start(toks, i)),
            Follow::ListOrColon => {
                // A label in capitals stands out wherever it is ("… signatures ORDRE DU JOUR
                // Création d'un poste …").
                let caps =
                    (i..end).all(|k| toks[k].case == Case::Upper || words::is_particle(&toks[k]));
                colon
                    || (capital
                        && after.is_some_and(|t| words::opens_name(t) || t.is_count())
                        && (at_phrase_start(toks, i) || caps))
            }
            Follow::Number => {
                // "Votants : 15", "POUR 12"; "Présents :" with its value elsewhere (a table).
                // (A count in brackets after the words is another label's: "Présents ou
                // Représentés (07 Procurations : …".)
                // (Nor is "2)" after "… 14 voix POUR": the next item's number.)
                let num = after.is_some_and(|t| {
                    t.is_count() && t.lead().is_empty() && !t.trail().starts_with([')', '/'])
                });
                // ("2 votes contre 1 abstention": the counts stand before their words.)
                let counted = i > 0 && toks[i - 1].is_count() && toks[i - 1].trail().is_empty();
                colon
                    || num
                        && !counted
                        && (capital || at_phrase_start(toks, i))
                        && !last.trail().contains('.')
            }
        };
        if ok {
            // "Présents : 15", "Pouvoirs : _ 6": a list's label followed by a figure is a count.
            let mut v = end;
            while v < toks.len() && words::is_blank(&toks[v]) {
                v += 1;
            }
            let kind = if row.kind.opens_list() && toks.get(v).is_some_and(Tok::is_count) {
                LabelKind::Count
            } else {
                row.kind
            };
            return Some(LabelAt { kind, end, colon });
        }
    }
    None
}

/// The end (after the colon) of a label's qualifier starting at word `k`: at most 24 words
/// without a sentence's end, a civility, a name in capitals or another label, up to a colon.
fn qualifier_end(toks: &[Tok], k: usize) -> Option<usize> {
    for j in k..(k + 24).min(toks.len()) {
        let w = &toks[j];
        if w.raw == ":" {
            return (j > k).then_some(j + 1);
        }
        if words::is_civility(w, toks.get(j + 1))
            || w.case == Case::Upper && w.core().chars().count() > 5
            || words::ends_sentence(w)
            || w.trail().contains([';', ','])
            || j > k && LEXICON.labels.contains_key(w.stem()) && w.case_first_upper()
        {
            return None;
        }
        if w.trail().contains(':') {
            return Some(j + 1);
        }
    }
    None
}

/// "Nombre de conseillers afférents au Conseil Municipal : 18", "Nombre de bulletins trouvés
/// dans l'urne : 30": a count's label of any words, from "Nombre de" to a colon before a figure
/// (or a blank).
fn number_of_label(toks: &[Tok], i: usize) -> Option<LabelAt> {
    let t = &toks[i];
    if t.key() != "nombre"
        || !t.trail().is_empty()
        || !t.case_first_upper() && !at_phrase_start(toks, i)
    {
        return None;
    }
    let next = toks.get(i + 1)?;
    if !(matches!(next.key(), "de" | "des") || next.key().starts_with("d'")) {
        return None;
    }
    for k in i + 1..(i + 12).min(toks.len()) {
        let w = &toks[k];
        let colon_next = toks.get(k + 1).is_some_and(|x| x.raw == ":");
        if w.trail().contains(':') || colon_next && w.trail().is_empty() {
            let end = if colon_next { k + 2 } else { k + 1 };
            let mut v = end;
            while v < toks.len() && words::is_blank(&toks[v]) {
                v += 1;
            }
            let value = toks
                .get(v)
                .is_some_and(|x| x.is_count() || x.case == Case::Digit);
            let label = toks.get(v).is_some_and(|x| label_at_simple(toks, v, x));
            return (value || v > end || label || v >= toks.len()).then_some(LabelAt {
                kind: LabelKind::Count,
                end,
                colon: true,
            });
        }
        if !w.trail().is_empty() || words::ends_sentence(w) {
            return None;
        }
    }
    None
}

/// A word that opens a label of the table (without looking further): for "Nombre de … :"
/// followed directly by the next label, a table's values being further.
fn label_at_simple(toks: &[Tok], v: usize, x: &Tok) -> bool {
    x.key() == "nombre"
        && toks
            .get(v + 1)
            .is_some_and(|n| n.key() == "de" || n.key().starts_with("d'"))
        || LEXICON.labels.contains_key(x.stem()) && x.case_first_upper()
}

/// Word `i` begins a phrase: the text's start, or after punctuation that ends one, or after a
/// count (the value of the label before).
fn at_phrase_start(toks: &[Tok], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let p = &toks[i - 1];
    p.trail().ends_with(['.', ';', ':', ',', ')', '!', '?'])
        || matches!(p.raw, "-" | "–" | "—" | "/" | "|" | "•")
        || p.is_count()
        || p.case == Case::Upper
}

/// Whether a line starts at a label: not after an opening bracket, nor after a count that is
/// the label's own ("19 membres en exercice", "(07 Procurations : …", "10 votes pour"); a count
/// that is the value of the label before ("Votants : 15 Pour : 12") is not.
fn breaks_before_label(toks: &[Tok], i: usize, value_of_previous: bool) -> bool {
    let p = &toks[i - 1];
    if p.trail().ends_with('(')
        || p.raw.ends_with('(')
        || p.lead().starts_with('(') && p.trail().is_empty()
    {
        return false;
    }
    if p.is_count() && p.trail().is_empty() {
        return value_of_previous;
    }
    true
}

/// Where a list of members that starts at word `from` ends: the first word that is not part of
/// an entry (civilities, names, initials, roles, brackets, a proxy clause) or a separator.
/// Entries that start with no separator before them (a civility or a name right after the
/// previous entry: "M. Yves CUBLIER M. Jean MONTCEL") go to `splits`.
fn list_end(toks: &[Tok], from: usize, splits: &mut Vec<usize>) -> usize {
    let n = toks.len();
    let mut i = from;
    let mut good = from;
    let mut separated = true;
    while i < n {
        let t = &toks[i];
        // A new label ends the list (a label right after a label: the list is elsewhere).
        if label_at(toks, i).is_some() {
            return i;
        }
        if words::is_separator(t) {
            i += 1;
            separated = true;
            continue;
        }
        if !separated && i > from {
            splits.push(i);
        }
        // An entry's colon may stand apart ("BEAUCHAMP :").
        let entry = entry_end(toks, i).map(|e| {
            if toks.get(e).is_some_and(|t| t.raw == ":") {
                (e + 1, true)
            } else {
                (e, e > i && toks[e - 1].trail().contains(':'))
            }
        });
        match entry {
            // "BEAUCHAMP-SUR-SORELLE : M. Alain DUFOUR – …": a group's heading (a commune's
            // name in capitals) starts a line, and the list goes on.
            Some((e, true))
                if e > i
                    && (i..e).all(|k| {
                        toks[k].case == Case::Upper
                            || words::is_particle(&toks[k])
                            || toks[k].raw == ":"
                    }) =>
            {
                if i > from {
                    splits.push(i);
                }
                i = e;
                good = e;
                separated = true;
                continue;
            }
            // "… – Mme Martine FRANÇOIS LA CHAPELLE-AUX-SAULES : M. Bruno GAUTIER": the next
            // group's heading ends the entry.
            Some((e, true)) if e > i && group_heading_in(toks, i, e).is_some() => {
                let h = group_heading_in(toks, i, e).unwrap_or(e);
                splits.push(h);
                i = e;
                good = e;
                separated = true;
                continue;
            }
            // "Maryline : absente non excusée": an entry that is a label of its own.
            Some((e, true)) if e > i && i > from => return i,
            Some((e, colon)) if e > i => {
                i = e;
                good = e;
                let last = &toks[e - 1];
                if words::ends_sentence(last) || colon {
                    return e;
                }
                separated = last.trail().ends_with([',', ';', '/']) || last.trail().ends_with(") ");
            }
            // Separators read since the last entry belong to the list ("…, M. X et").
            _ => return i.max(good),
        }
    }
    n
}

/// Where the entry ending at word `i` (a surname in capitals and its comma: "ARNAUD,")
/// starts, when it is "given name(s) SURNAME" after other words: its given names (known ones,
/// else one capitalized word), after its surname's other words in capitals.
fn comma_list_start(toks: &[Tok], i: usize) -> Option<usize> {
    let mut j = i;
    while j > 0 && toks[j - 1].case == Case::Upper && toks[j - 1].trail_is_empty() && j + 4 > i {
        j -= 1;
    }
    let surname = j;
    while j > 0
        && j + 3 > surname
        && toks[j - 1].trail_is_empty()
        && words::is_given_name(&toks[j - 1])
    {
        j -= 1;
    }
    if j == surname {
        // An unknown given name: one capitalized word.
        let p = toks.get(j.wrapping_sub(1))?;
        if p.case != Case::Cap || !p.trail_is_empty() || !words::is_name_word(p) {
            return None;
        }
        j -= 1;
    }
    // Only where the words before are not part of the name.
    let before = j.checked_sub(1).map(|k| &toks[k]);
    let open =
        before.is_none_or(|p| !(words::is_civility(p, Some(&toks[j])) || words::is_particle(p)));
    open.then_some(j)
}

/// Where a group's heading in capitals starts inside an entry `i..e` that ends with a colon
/// ("Mme Martine FRANÇOIS LA CHAPELLE-AUX-SAULES :"): after a name written first name then
/// surname, the last word in capitals (with its article: LA, LE, LES).
fn group_heading_in(toks: &[Tok], i: usize, e: usize) -> Option<usize> {
    let mut k = i;
    while k < e && words::is_civility(&toks[k], toks.get(k + 1)) {
        k += 1;
    }
    let words: Vec<usize> = (k..e).filter(|&j| toks[j].raw != ":").collect();
    if words.len() < 3 || toks[words[0]].case != Case::Cap {
        return None;
    }
    let upper = words[1..].iter().all(|&j| toks[j].case == Case::Upper);
    if !upper {
        return None;
    }
    let last = *words.last()?;
    let h = if matches!(toks[last - 1].key(), "la" | "le" | "les" | "l'") && last - 1 > words[1] {
        last - 1
    } else {
        last
    };
    (h > words[1]).then_some(h)
}

/// Where an entry of a member list that starts at word `i` ends, if one does.
fn entry_end(toks: &[Tok], i: usize) -> Option<usize> {
    let n = toks.len();
    if i >= n {
        return None;
    }
    let mut k = i;
    // "Procuration de M. X à M. Y", "Pouvoir de X à Y": the clause first.
    if matches!(
        toks[k].key(),
        "procuration" | "pouvoir" | "mandat" | "delegation"
    ) && toks
        .get(k + 1)
        .is_some_and(|t| t.key() == "de" || t.key() == "du")
    {
        k += 2;
    }
    // Civilities, grouped ("MM. et Mmes").
    while k < n && (words::is_civility(&toks[k], toks.get(k + 1))) {
        k += 1;
        if k + 1 < n && toks[k].raw == "et" && words::is_civility(&toks[k + 1], toks.get(k + 2)) {
            k += 1;
        }
    }
    let civ = k > i;
    // The name: capitals, initials, particles before a capital. A name written in two cases
    // ("Jean DUPONT", "DUPONT Jean") changes case once: a second change starts the next entry.
    let mut names = 0;
    let mut last_case = None;
    let mut changes = 0;
    while k < n {
        let t = &toks[k];
        if label_at(toks, k).is_some() && (names > 0 || civ) {
            break;
        }
        if words::is_civility(t, toks.get(k + 1)) && names > 0 {
            break;
        }
        // "… Élise PICHON DEL 2024-031 – Objet": the next item's number.
        if words::is_heading_word(t)
            && toks
                .get(k + 1)
                .is_some_and(|x| x.is_count() || words::is_reference_number(x))
        {
            break;
        }
        if words::is_name_word(t) {
            // A capitalized word followed by prose opens the prose ("Association
            // départementale…"), unless it is the name a civility announced.
            if t.case == Case::Cap && !(civ && names == 0) && words::prose_follows(toks, k) {
                break;
            }
            let c = t.case == Case::Upper;
            if last_case.is_some_and(|l| l != c) {
                if changes == 1 {
                    break;
                }
                changes += 1;
            }
            // "Dominique Scheiblin Emmanuelle Bertrand": a given name after a surname starts
            // the next person.
            if names >= 2 && words::is_given_name(t) && k > 0 && !words::is_given_name(&toks[k - 1])
            {
                break;
            }
            last_case = Some(c);
            names += 1;
            k += 1;
            if !t.trail().is_empty() && !t.trail().starts_with('.') || t.trail().len() > 1 {
                break;
            }
            continue;
        }
        if words::is_particle(t) && toks.get(k + 1).is_some_and(words::is_name_word) {
            k += 1;
            continue;
        }
        break;
    }
    if names == 0 {
        // A role alone ("le Maire", "M. le Président").
        let e = role_end(toks, k);
        return (e > k).then_some(e);
    }
    // What follows a name: a role, brackets, a proxy clause; each may follow a comma.
    loop {
        let before = k;
        k = role_end(toks, k);
        if k < n && toks[k].lead().starts_with(['(', '[']) {
            k = bracket_end(toks, k)?;
        }
        k = clause_end(toks, k);
        if k == before {
            break;
        }
    }
    Some(k)
}

/// The end of a role written after a name ("Maire", "1re adjointe au maire", "conseiller
/// municipal délégué", "adjointe chargée des affaires scolaires").
fn role_end(toks: &[Tok], mut k: usize) -> usize {
    let n = toks.len();
    let start = k;
    // "le Maire", "la 1re adjointe".
    if k < n
        && matches!(toks[k].key(), "le" | "la" | "l'")
        && toks.get(k + 1).is_some_and(words::is_role)
    {
        k += 1;
    }
    let mut any = false;
    while k < n
        && words::is_role(&toks[k])
        && !(toks[k].case_first_upper() && label_at(toks, k).is_some())
    {
        any = true;
        let t = &toks[k];
        k += 1;
        if matches!(t.key(), "charge" | "chargee" | "delegue" | "deleguee") {
            // A role's field: "chargé de la culture", "déléguée aux finances".
            let mut m = 0;
            while k < n && m < 8 && toks[k].case == Case::Lower {
                let stop = !toks[k].trail().is_empty();
                k += 1;
                m += 1;
                if stop {
                    break;
                }
            }
        }
        if !toks[k - 1].trail().is_empty() {
            break;
        }
    }
    if any {
        k
    } else {
        start
    }
}

/// The end of a bracket opened at word `k` (at most 40 words), or None when it does not close.
fn bracket_end(toks: &[Tok], k: usize) -> Option<usize> {
    let open = if toks[k].lead().contains('[') {
        ']'
    } else {
        ')'
    };
    (k..toks.len().min(k + 40))
        .find(|&j| toks[j].trail().contains(open) || toks[j].raw.ends_with(open))
        .map(|j| j + 1)
}

/// The end of what may follow an entry: "a donné pouvoir à X", "qui a donné procuration à X",
/// "donne pouvoir à X", "représenté par X", "pouvoir à X", "à X" (a proxies list), "excusé".
fn clause_end(toks: &[Tok], k: usize) -> usize {
    let n = toks.len();
    if k >= n {
        return k;
    }
    // A clause is written in lower case: "Pouvoirs" with a capital is a label.
    let key = |j: usize| {
        toks.get(j)
            .filter(|t| t.case == Case::Lower)
            .map(|t| t.key())
            .unwrap_or("")
    };
    let mut j = k;
    match key(j) {
        "excuse" | "excusee" | "excuses" | "excusees" | "absent" | "absente" | "absents"
        | "absentes" => return k + 1,
        _ => {}
    }
    // The verb ("a" donné; "à" is the preposition after it).
    let mut verb = false;
    for _ in 0..4 {
        if toks.get(j).is_some_and(|t| t.core() == "à") {
            break;
        }
        match key(j) {
            "qui" | "a" | "avait" | "ayant" | "donne" | "donnee" | "donnant" | "confie"
            | "confiee" | "remis" | "son" | "sa" | "un" | "de" | "vote" => {
                j += 1;
            }
            "pouvoir" | "procuration" | "mandat" | "delegation" | "pouvoirs" | "procurations" => {
                j += 1;
                verb = true;
                break;
            }
            "represente" | "representee" | "represente(e)" | "representes" => {
                if key(j + 1) == "par" {
                    return person_end(toks, j + 2).unwrap_or(k);
                }
                return k;
            }
            _ => break,
        }
    }
    if !verb && j > k {
        return k;
    }
    // "à X", "au profit de X", "en faveur de X", "par X".
    match key(j) {
        "a" | "au" | "par" => j += 1,
        "en" if key(j + 1) == "faveur" => j += 3,
        _ => {
            return if verb { j } else { k };
        }
    }
    if key(j) == "profit" {
        j += 2;
    }
    person_end(toks, j).unwrap_or(if verb { j } else { k })
}

/// The end of a person named after a clause ("M. le Maire", "Mme X", "Marc Baïetto").
fn person_end(toks: &[Tok], i: usize) -> Option<usize> {
    let n = toks.len();
    let mut k = i;
    while k < n && words::is_civility(&toks[k], toks.get(k + 1)) {
        k += 1;
    }
    let r = role_end(toks, k);
    if r > k {
        return Some(r);
    }
    let mut names = 0;
    let mut last_case = None;
    while k < n && names < 5 {
        let t = &toks[k];
        if names > 0 && label_at(toks, k).is_some() {
            break;
        }
        if words::is_name_word(t) {
            if t.case == Case::Cap && names > 0 && words::prose_follows(toks, k) {
                break;
            }
            // "monsieur G. HUET Absente": a name changes case once.
            let c = t.case == Case::Upper;
            if last_case == Some(true) && !c {
                break;
            }
            // "à Dominique Scheiblin Emmanuelle Bertrand à …": the next person.
            if names >= 2 && words::is_given_name(t) && !words::is_given_name(&toks[k - 1]) {
                break;
            }
            last_case = Some(c);
            k += 1;
            names += 1;
            if !t.trail().is_empty() && !t.trail().starts_with('.') || t.trail().len() > 1 {
                break;
            }
        } else if words::is_particle(t) && toks.get(k + 1).is_some_and(words::is_name_word) {
            k += 1;
        } else {
            break;
        }
    }
    (names > 0).then_some(k)
}

/// An item heading found in the text.
#[derive(Debug, Clone, Copy)]
struct HeadingAt {
    /// Its first word (the number, or "Point", "Délibération"…).
    at: usize,
    /// Its title's first word.
    title: usize,
    /// The number's place in its sequence (its last numeric part), and the form of the
    /// heading ("3.", "3 -", "Point 3", "2023-045"…), for chains.
    value: u32,
    form: u8,
    /// False when the word before makes a cited number likelier ("pour 3. …"): kept only when
    /// it continues a numbering.
    strong: bool,
}

/// The item headings of the text outside member lists: strong ones, and weak ones whose number
/// follows one and precedes another of the same form.
fn headings(toks: &[Tok], in_list: &[bool]) -> Vec<HeadingAt> {
    use std::collections::HashMap;
    let cands: Vec<HeadingAt> = (0..toks.len())
        .filter(|&i| !in_list[i] && may_head(&toks[i]))
        .filter_map(|i| heading_at(toks, i))
        .collect();
    // The first and last place of each (form, number), and the last place of each form: a
    // weak heading needs its number's predecessor before it and a successor after it.
    let mut first: HashMap<(u8, u32), usize> = HashMap::new();
    let mut last: HashMap<(u8, u32), usize> = HashMap::new();
    let mut form_last: HashMap<u8, usize> = HashMap::new();
    for (j, c) in cands.iter().enumerate() {
        first.entry((c.form, c.value)).or_insert(j);
        last.insert((c.form, c.value), j);
        form_last.insert(c.form, j);
    }
    let before = |j: usize, h: &HeadingAt| {
        h.value > 0 && first.get(&(h.form, h.value - 1)).is_some_and(|&k| k < j)
    };
    let after = |j: usize, h: &HeadingAt| {
        // (One number may be lost by the source: "6. … 8.")
        [1, 2]
            .iter()
            .any(|d| last.get(&(h.form, h.value + d)).is_some_and(|&k| k > j))
    };
    cands
        .iter()
        .enumerate()
        .filter(|&(j, h)| {
            h.strong || {
                let is_last = form_last.get(&h.form).is_some_and(|&k| k == j);
                before(j, h) && (after(j, h) || is_last) || h.value == 1 && after(j, h)
            }
        })
        .map(|(_, h)| *h)
        // A heading inside another's number ("DEL 2025-85 :") is that heading.
        .fold(Vec::new(), |mut out: Vec<HeadingAt>, h| {
            if out.last().is_none_or(|p| h.at >= p.title) {
                out.push(h);
            }
            out
        })
}

/// A word that may open a heading: a digit, "n°", a roman numeral's letter, a capital.
fn may_head(t: &Tok) -> bool {
    t.raw
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_digit() || b.is_ascii_uppercase() || b == b'n' || b == b'N')
}

/// The item heading that starts at word `i`, if any.
fn heading_at(toks: &[Tok], i: usize) -> Option<HeadingAt> {
    let t = &toks[i];
    let strong = match heading_context(toks, i) {
        Context::Cited => return None,
        Context::Weak => false,
        Context::Open => true,
    };
    let title_ok = |j: usize| toks.get(j).is_some_and(words::opens_title);
    let dash = |j: usize| {
        toks.get(j)
            .is_some_and(|x| matches!(x.raw, "-" | "–" | "—" | ":" | "."))
    };
    let at = |title: usize, value: u32, form: u8| {
        Some(HeadingAt {
            at: i,
            title,
            value,
            form,
            strong,
        })
    };
    // "1)Autorisation …": a number glued to its title.
    if let Some(value) = words::glued_item_number(t) {
        return at(i, value, 2);
    }
    // "3.", "3)", "3/", "3 -", "3 –".
    if let Some(attached) = words::item_number(t) {
        let value = words::number_value(t.raw);
        let sep = if attached {
            t.raw.trim_start_matches(|c: char| c.is_ascii_digit())
        } else {
            toks.get(i + 1).map(|x| x.raw).unwrap_or("")
        };
        let form = match sep.chars().next() {
            Some('.') => 1,
            Some(')') => 2,
            Some('/') => 3,
            Some('-' | '–' | '—') => 4,
            _ => 5,
        };
        if attached {
            return if title_ok(i + 1) {
                at(i + 1, value, form)
            } else {
                None
            };
        }
        if toks
            .get(i + 1)
            .is_some_and(|x| matches!(x.raw, "-" | "–" | "—" | ")" | "." | ":" | "/"))
        {
            return if title_ok(i + 2) {
                at(i + 2, value, form)
            } else {
                None
            };
        }
        return None;
    }
    // "Point 3 :", "Question n° 4 –", "Délibération n° 2023-045 :", "DEL 2025-110".
    if t.case_first_upper() && words::is_heading_word(t) && t.trail().is_empty() {
        let mut j = i + 1;
        if toks
            .get(j)
            .is_some_and(|x| matches!(x.key(), "n°" | "no" | "n" | "numero"))
        {
            j += 1;
        }
        let num = toks.get(j)?;
        let num_core = if let Some(r) = num
            .core()
            .strip_prefix("n°")
            .or_else(|| num.core().strip_prefix("N°"))
        {
            r
        } else {
            num.core()
        };
        if num_core.starts_with(|c: char| c.is_ascii_digit())
            && (words::is_reference_str(num_core)
                || num_core.len() <= 8 && num_core.bytes().all(|b| b.is_ascii_digit()))
            || words::item_number(num).is_some()
        {
            let mut k = j + 1;
            if num.trail().is_empty() && dash(k) {
                k += 1;
            }
            return Some(HeadingAt {
                at: i,
                title: k,
                value: words::number_value(num_core),
                form: 6,
                strong: true,
            });
        }
        return None;
    }
    // "N° 1 – Titre", "n°2023-045 Titre", "n° 2025 / 061 Titre" (in lower case after a
    // sentence's end).
    let after_sentence = i > 0 && words::ends_sentence(&toks[i - 1]);
    if t.key().starts_with("n°") && (t.case_first_upper() || after_sentence) {
        let rest = &t.core()[t.core().find('°').map(|p| p + '°'.len_utf8()).unwrap_or(0)..];
        let (num, mut k) = if rest.starts_with(|c: char| c.is_ascii_digit()) {
            (rest, i + 1)
        } else {
            let x = toks.get(i + 1)?;
            let digits = |x: &Tok| {
                !x.core().is_empty()
                    && x.core().len() <= 8
                    && x.core().bytes().all(|b| b.is_ascii_digit())
            };
            if !(x.is_count() || words::is_reference_number(x) || digits(x)) {
                return None;
            }
            // "2025 / 061": a register's number written with spaces.
            if digits(x)
                && toks
                    .get(i + 2)
                    .is_some_and(|s| matches!(s.raw, "/" | "-" | "–"))
                && toks.get(i + 3).is_some_and(digits)
            {
                (toks[i + 3].core(), i + 4)
            } else {
                (x.core(), i + 2)
            }
        };
        if dash(k) {
            k += 1;
        }
        // "DM N° 10", "avenant n° 2": a number cited after its noun; a heading only at a
        // phrase's start or within a numbering.
        let punct = i == 0
            || toks[i - 1]
                .trail()
                .ends_with(['.', ':', ';', '!', '?', ')']);
        return if title_ok(k) {
            Some(HeadingAt {
                at: i,
                title: k,
                value: words::number_value(num),
                form: 7,
                strong: strong && punct,
            })
        } else {
            None
        };
    }
    // "IV –", "II." before a title.
    if let Some(attached) = words::roman_number(t) {
        let k = if attached {
            i + 1
        } else if toks
            .get(i + 1)
            .is_some_and(|x| matches!(x.raw, "-" | "–" | "—" | ")" | "."))
        {
            i + 2
        } else {
            return None;
        };
        return if title_ok(k) {
            at(k, words::roman_value(t.core()), 8)
        } else {
            None
        };
    }
    // "23-02/001 – Titre", "2023-045 : Titre", "2018.05.28 - 2 TITRE".
    if words::is_reference_number(t) {
        let mut k = if t.trail().is_empty() && !t.core().ends_with(['-', '–']) && dash(i + 1) {
            i + 2
        } else if t.trail().contains([':', '–']) || t.core().ends_with(['-', '–']) {
            i + 1
        } else if t.trail().is_empty()
            && title_ok(i + 1)
            && label_at(toks, i + 1).is_none()
            && !LEXICON.caps_verbs.contains_key(toks[i + 1].stem())
        {
            // "2018.02.26-7 SUBVENTION …": a register's number right before its title is a
            // heading only within a numbering (it may be a number cited in a sentence).
            return Some(HeadingAt {
                at: i,
                title: i + 1,
                value: words::number_value(t.core()),
                form: 9,
                strong: false,
            });
        } else {
            return None;
        };
        let mut value = words::number_value(t.core());
        // A compound number: the sitting's date, then the item's.
        if let Some(x) = toks.get(k) {
            if let Some(attached) = words::item_number(x) {
                value = words::number_value(x.raw);
                k += 1;
                if !attached && dash(k) {
                    k += 1;
                }
            }
        }
        return if title_ok(k) { at(k, value, 9) } else { None };
    }
    None
}

enum Context {
    /// The number is cited ("article 3.", "les points 2, 3"): no heading.
    Cited,
    /// The number may be a quantity ("pour 3. …"): a heading only within a numbering.
    Weak,
    Open,
}

/// What the word before `i` says of a number at `i`.
fn heading_context(toks: &[Tok], i: usize) -> Context {
    if i == 0 {
        return Context::Open;
    }
    let p = &toks[i - 1];
    if p.trail().ends_with(',') || p.trail().ends_with('(') {
        return Context::Cited;
    }
    // ("DÉLIBÉRATIONS 1)…": a heading in capitals, not "les délibérations 1 et 2".)
    let article = matches!(p.key(), "article" | "articles" | "art" | "l'article");
    if p.trail().is_empty() && words::cites_number(p) && (p.case != Case::Upper || article) {
        return Context::Cited;
    }
    // "articles L. 332-23": the part of a code's article.
    if matches!(p.core(), "L" | "R" | "D" | "A" | "LO" | "RO") && matches!(p.trail(), "" | ".") {
        return Context::Cited;
    }
    if p.trail().is_empty() && (words::governs_number(p) || p.is_count()) {
        return Context::Weak;
    }
    Context::Open
}

/// The end (after the colon) of a title in capitals starting at word `i` and ending with a
/// colon: two words at least, eight letters at least, no comma inside, not a label or a verb
/// of the decision ("DÉCIDE :").
fn caps_title_with_colon(toks: &[Tok], i: usize) -> Option<usize> {
    let first = &toks[i];
    if first.case != Case::Upper
        || LEXICON.labels.contains_key(first.stem())
        || LEXICON.caps_verbs.contains_key(first.stem())
        || label_at(toks, i).is_some()
    {
        return None;
    }
    let mut letters = 0;
    for (k, w) in toks.iter().enumerate().skip(i).take(16) {
        if w.raw == ":" {
            return (k >= i + 2 && letters >= 8).then_some(k + 1);
        }
        let single = w.case == Case::Cap && w.core().chars().count() == 1;
        if !(matches!(w.case, Case::Upper | Case::Digit | Case::Other) || single)
            || w.lead().starts_with('(')
            || words::is_reference_number(w)
        {
            return None;
        }
        letters += w.core().chars().filter(|c| c.is_alphabetic()).count();
        if w.trail().contains(':') {
            return (k > i && letters >= 8).then_some(k + 1);
        }
        if !w.trail().is_empty() && !w.trail().starts_with(['»', '"']) {
            return None;
        }
    }
    None
}

/// The end of a title in capitals that runs into its body ("3. BUDGET PRIMITIF 2024 Le
/// Maire expose…"): the first word that opens a sentence after at least two words in capitals.
fn caps_title_end(toks: &[Tok], t: usize) -> Option<usize> {
    let n = toks.len();
    let mut caps = 0;
    let mut k = t;
    while k < n && k < t + 60 {
        let w = &toks[k];
        // The next heading's number ends the title ("1. FINANCES DEL2025-76 : …").
        if k > t && words::is_reference_number(w) {
            return None;
        }
        // ("À", "A", "Y": one capital letter, a word of the title.)
        let single = w.case == Case::Cap && w.core().chars().count() == 1;
        match w.case {
            _ if single => {}
            Case::Upper => caps += 1,
            Case::Digit | Case::Other => {}
            Case::Cap => {
                // (A civility's name runs on: "… M. Théo VALLET".)
                let civility = k > t && words::is_civility(&toks[k - 1], Some(w));
                return (caps >= 2 && k > t && !civility).then_some(k);
            }
            Case::Lower => return None,
        }
        if words::ends_sentence(w) {
            return None;
        }
        k += 1;
    }
    None
}

/// A phrase that opens a part starts at word `i`, written with a capital, not governed by the
/// word before.
fn opener_at(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if !t.case_first_upper() || !t.lead().is_empty() {
        return false;
    }
    let p = &toks[i - 1];
    // "… (quart des crédits de l'exercice 2025) APPROUVE, à l'unanimité" (after a comma, the
    // sentence goes on: "après en avoir délibéré, APPROUVE …").
    if t.case == Case::Upper
        && p.case != Case::Upper
        && !p.trail().ends_with([',', ':'])
        && !matches!(p.raw, "-" | "–" | "—" | "•" | "*")
    {
        if let Some(vs) = LEXICON.caps_verbs.get(t.stem()) {
            let hit = vs.iter().any(|v| {
                v.iter().enumerate().all(|(j, w)| {
                    toks.get(i + j)
                        .is_some_and(|x| x.stem() == w && x.case == Case::Upper)
                })
            });
            if hit && !words::governs(p) {
                return true;
            }
        }
    }
    if p.raw.ends_with('\'') || words::governs(p) {
        return false;
    }
    // After a comma, a colon or a word in capitals the phrase may go on ("AUTORISE Monsieur
    // le Maire à…"): only the formulas that always open a part start a line there.
    // (After a verb in capitals, its object: "AUTORISE Monsieur le Maire"; after an acronym,
    // a new phrase may start: "… subvention DETR Après en avoir délibéré".)
    let caps_verb = p.case == Case::Upper && LEXICON.caps_verbs.contains_key(p.stem());
    let weak_place = p.trail().ends_with([',', '(', ':', '\''])
        || matches!(p.raw, "-" | "–" | "—" | ":")
        || caps_verb && p.trail().is_empty();
    let Some(phrases) = LEXICON.openers.get(t.stem()) else {
        return false;
    };
    'p: for (ph, strong) in phrases {
        if weak_place && !strong || i + ph.len() > toks.len() {
            continue;
        }
        for (j, w) in ph.iter().enumerate() {
            let x = &toks[i + j];
            if x.stem() != w
                || (j + 1 < ph.len() && !x.trail().is_empty() && !x.trail().starts_with('.'))
            {
                continue 'p;
            }
        }
        return true;
    }
    false
}

#[cfg(test)]
mod tests;
