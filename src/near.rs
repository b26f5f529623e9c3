//! Costly patterns run only near their trigger.
//!
//! A pattern that opens with a name ("M. Paul ARNAUD, adjoint, quitte la salle") may start at
//! every civility of a text; on long lists of names the regex crate's lazy DFA gives up on
//! it and the search falls back to an engine tens of times slower. Every match of such a
//! pattern contains a short trigger (the verb, a label's keyword) that is cheap to find, so
//! the trigger is searched over the whole text and the full pattern only over a window around
//! each trigger. The matches are those of the full pattern on the whole text, as long as no
//! match reaches further than `before` bytes ahead of its trigger or `after` bytes past it.
//!
//! Case-insensitive patterns of several words rarely get the regex crate's literal
//! prefilter (their case variants are too many), so each is a full pass of its lazy DFA;
//! a trigger of a few short words does get one, and the text between triggers is skipped.

use crate::{ceil_boundary, floor_boundary, has_odd_folds, re};
use regex::{Captures, Match, Regex};
use std::cell::RefCell;

/// A trigger pattern, and when it can be written, the same for the text ASCII-lowercased: a
/// case-sensitive pattern of few literals, which the regex crate finds by SIMD search where
/// `(?i)` gives it too many case variants ("quitt|sort|retir" has 96).
struct Trigger {
    any_case: Regex,
    lower: Option<Regex>,
}

/// The lowercase letters outside ASCII a trigger may hold, each the fold of one capital only
/// (checked by a test over every character).
const FOLDED: &str = "àâäçéèêëîïôöùûüÿœæ";

/// `pattern`, a case-insensitive trigger, as a case-sensitive pattern matching the same spans
/// of the text ASCII-lowercased, when it is made of what this knows: letters, classes of
/// letters, `|`, `(?:…)`, `\s`, `\d`, spaces and repetitions. On a text without the
/// characters Unicode folds to ASCII letters (`has_odd_folds`), a character matches `(?i)x`
/// for an ASCII letter x exactly when its ASCII lowercase is x, and `(?i)é` exactly when it
/// is é or É, which ASCII lowercasing leaves alone: character by character the two patterns
/// accept the same, so they find the same matches at the same offsets.
fn for_lowered(pattern: &str) -> Option<String> {
    let rest = pattern.strip_prefix("(?i)")?;
    let mut out = String::new();
    let mut cs = rest.chars().peekable();
    let mut in_class = false;
    while let Some(c) = cs.next() {
        match c {
            'a'..='z' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            c if FOLDED.contains(c) => {
                let up = c.to_uppercase().next()?;
                if in_class {
                    out.extend([c, up]);
                } else {
                    out.extend(['[', c, up, ']']);
                }
            }
            '[' if !in_class && cs.peek() != Some(&'^') => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '\\' if matches!(cs.peek(), Some('s' | 'd')) => {
                out.push(c);
                out.push(cs.next()?);
            }
            '(' if !in_class => {
                // Only a group that captures nothing and sets no flag: "(?:".
                if cs.next()? != '?' || cs.next()? != ':' {
                    return None;
                }
                out.push_str("(?:");
            }
            '|' | ')' | '+' | '*' | '?' | ' ' if !in_class => out.push(c),
            _ => return None,
        }
    }
    (!in_class).then_some(out)
}

/// The ASCII-lowercased copy of the document being parsed, made once for every trigger search
/// of the document (see `with_lowered`).
struct Lowered {
    /// Where the document lies in memory: a text searched within it is a slice of it.
    start: usize,
    len: usize,
    lower: String,
}

thread_local! {
    static LOWERED: RefCell<Option<Lowered>> = const { RefCell::new(None) };
}

/// Runs `f` with the triggers of every `Near` searched in an ASCII-lowercased copy of `text`
/// when the text searched lies within `text` (an item, a region, the whole). The copy is
/// made once, here, not at each search. A text that is a slice of `text` is recognized by its
/// address: `text` is borrowed for the whole call, so the bytes there are its own and
/// unchanged, and no other live string shares them.
pub fn with_lowered<R>(text: &str, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lowered>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let before = self.0.take();
            LOWERED.with(|l| *l.borrow_mut() = before);
        }
    }
    let new = (!has_odd_folds(text)).then(|| Lowered {
        start: text.as_ptr() as usize,
        len: text.len(),
        lower: text.to_ascii_lowercase(),
    });
    // (Restored on the way out, a panic included: a copy never outlives its text.)
    let _restore = Restore(LOWERED.with(|l| l.replace(new)));
    f()
}

/// The spans of the triggers in `text`, in order (unsorted when there are several).
fn trigger_spans(triggers: &[Trigger], text: &str) -> Vec<(usize, usize)> {
    let spans = |t: &Regex, hay: &str| -> Vec<(usize, usize)> {
        t.find_iter(hay).map(|m| (m.start(), m.end())).collect()
    };
    let lowered = LOWERED.with(|l| {
        let l = l.borrow();
        let l = l.as_ref()?;
        let at = (text.as_ptr() as usize).checked_sub(l.start)?;
        if at + text.len() > l.len {
            return None;
        }
        let hay = &l.lower[at..at + text.len()];
        Some(
            triggers
                .iter()
                .map(|t| match &t.lower {
                    Some(lower) => spans(lower, hay),
                    None => spans(&t.any_case, text),
                })
                .collect::<Vec<_>>()
                .concat(),
        )
    });
    lowered.unwrap_or_else(|| {
        triggers
            .iter()
            .flat_map(|t| spans(&t.any_case, text))
            .collect()
    })
}

/// A test of a trigger found in a text, cheaper than searching its window.
enum Confirm {
    /// A pattern that matches within so many bytes of the trigger.
    Pattern(Regex, usize),
    /// A function of the text and the trigger's start and end.
    Check(fn(&str, usize, usize) -> bool),
}

pub struct Near {
    /// Empty: the full pattern runs over the whole text (no trigger is cheaper than it).
    triggers: Vec<Trigger>,
    /// What must hold near a trigger for its window to be searched.
    confirm: Option<Confirm>,
    full: Regex,
    before: usize,
    after: usize,
}

impl Near {
    /// `trigger` must match inside every match of `full`; it pays when the regex crate finds
    /// it by its literals (a few short words, `(?i)quitt|retir`), not a phrase.
    pub fn new(trigger: &str, full: &str, before: usize, after: usize) -> Near {
        Near::any(&[trigger], full, before, after)
    }

    /// Several triggers, one of which matches inside every match of `full`: a trigger of many
    /// words has too many case variants for the regex crate's literal search; split, each
    /// part has few.
    pub fn any(triggers: &[&str], full: &str, before: usize, after: usize) -> Near {
        Near {
            triggers: triggers
                .iter()
                .map(|t| Trigger {
                    any_case: re(t),
                    lower: for_lowered(t).map(|p| re(&p)),
                })
                .collect(),
            confirm: None,
            full: re(full),
            before,
            after,
        }
    }

    /// Searches the window of a trigger only when `pattern` matches within `reach` bytes of
    /// it. A full pattern that opens with a name and an apposition ("M. X, adjoint, quitte la
    /// salle") costs tens of nanoseconds a byte; its trigger (`quitt`) is common, the whole
    /// verb ("quitte la salle") rare and cheap to check next to the trigger. Every match of
    /// `full` must contain a match of `pattern` lying within `reach` of a trigger inside the
    /// same match; `pattern` has no anchors or word boundaries, since it is searched in a slice.
    pub fn confirmed_by(mut self, pattern: &str, reach: usize) -> Near {
        self.confirm = Some(Confirm::Pattern(re(pattern), reach));
        self
    }

    /// Searches the window of a trigger only when `check(text, start, end)` of it holds; it
    /// must hold of a trigger inside every match of `full` (a count before "pour", a label
    /// before a colon).
    pub fn confirmed_with(mut self, check: fn(&str, usize, usize) -> bool) -> Near {
        self.confirm = Some(Confirm::Check(check));
        self
    }

    /// A pattern searched over the whole text: what a `Near` must find the same as.
    #[cfg(test)]
    pub fn anywhere(full: &str) -> Near {
        Near {
            triggers: Vec::new(),
            confirm: None,
            full: re(full),
            before: 0,
            after: 0,
        }
    }

    /// Calls `search(haystack, from)` on the window of each trigger, in order, and collects
    /// what it finds: `(start, end, value)` of successive non-overlapping matches, up to the
    /// first for which `stop` holds.
    fn scan<'t, T>(
        &self,
        text: &'t str,
        mut stop: impl FnMut(&T) -> bool,
        search: impl Fn(&'t str, usize) -> Option<(usize, usize, T)>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        if self.triggers.is_empty() {
            let mut at = 0;
            while let Some((s, e, v)) = search(text, at) {
                let done = stop(&v);
                out.push(v);
                if done {
                    break;
                }
                at = if e > s { e } else { ceil_boundary(text, e + 1) };
                if at > text.len() || s == text.len() {
                    break;
                }
            }
            return out;
        }
        let mut found = trigger_spans(&self.triggers, text);
        if self.triggers.len() > 1 {
            found.sort_unstable();
        }
        match &self.confirm {
            Some(Confirm::Pattern(confirm, reach)) => found.retain(|&(s, e)| {
                let from = floor_boundary(text, s.saturating_sub(*reach));
                confirm.is_match(&text[from..ceil_boundary(text, e + reach)])
            }),
            Some(Confirm::Check(check)) => found.retain(|&(s, e)| check(text, s, e)),
            None => {}
        }
        // Triggers whose windows overlap are searched as one window, so that text between close
        // triggers ("pour" in every line of a tally) is scanned once, not once per trigger.
        let mut pos = 0;
        let mut i = 0;
        while i < found.len() {
            let (first_start, mut end) = found[i];
            let mut last_start = first_start;
            i += 1;
            while i < found.len() && found[i].0.saturating_sub(self.before) <= end + self.after {
                last_start = found[i].0;
                end = end.max(found[i].1);
                i += 1;
            }
            if end <= pos {
                continue;
            }
            let mut at = floor_boundary(text, first_start.saturating_sub(self.before)).max(pos);
            // The window ends far enough past the last trigger that a match containing it is
            // whole.
            let hay = &text[..ceil_boundary(text, end + self.after)];
            while at <= hay.len() {
                let Some((s, e, v)) = search(hay, at) else {
                    break;
                };
                // A match that starts past the last trigger belongs to a later window.
                if s > last_start {
                    break;
                }
                let done = stop(&v);
                out.push(v);
                if done {
                    return out;
                }
                pos = e;
                at = if e > s { e } else { ceil_boundary(hay, e + 1) };
                if at >= hay.len() {
                    break;
                }
            }
        }
        out
    }

    /// The successive non-overlapping matches of the full pattern in `text`, with their groups.
    pub fn captures_iter<'t>(&self, text: &'t str) -> Vec<Captures<'t>> {
        self.scan(text, |_| false, |hay, at| self.captures_at(hay, at))
    }

    /// Like `captures_iter`, for a pattern followed by a greedy run that always matches (the
    /// rest of a line, `[^\n]{0,160}`), read in code by `run` (its length, from the text after
    /// the match) rather than by the pattern, where it would widen every window. Each match
    /// comes with its end past the run, and the next is searched from there, as the longer
    /// pattern would be.
    pub fn captures_iter_then<'t>(
        &self,
        text: &'t str,
        run: impl Fn(&'t str) -> usize,
    ) -> Vec<(Captures<'t>, usize)> {
        self.scan(
            text,
            |_| false,
            |hay, at| {
                let (s, e, c) = self.captures_at(hay, at)?;
                let end = e + run(&text[e..]);
                Some((s, end, (c, end)))
            },
        )
    }

    fn captures_at<'t>(&self, hay: &'t str, at: usize) -> Option<(usize, usize, Captures<'t>)> {
        let c = self.full.captures_at(hay, at)?;
        let m = c.get(0).expect("group 0");
        Some((m.start(), m.end(), c))
    }

    /// The successive non-overlapping matches of the full pattern in `text`.
    pub fn find_iter<'t>(&self, text: &'t str) -> Vec<Match<'t>> {
        self.scan(text, |_| false, |hay, at| self.find_at(hay, at))
    }

    fn find_at<'t>(&self, hay: &'t str, at: usize) -> Option<(usize, usize, Match<'t>)> {
        let m = self.full.find_at(hay, at)?;
        Some((m.start(), m.end(), m))
    }

    /// The first match of the full pattern in `text`, with its groups.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        // (Windows are searched in order: the first match found is the leftmost.)
        let found = self.scan(text, |_| true, |hay, at| self.captures_at(hay, at));
        found.into_iter().next()
    }

    /// The first of the successive matches in `text` that `accept` takes; the later ones are
    /// not searched for.
    pub fn find_first<'t>(
        &self,
        text: &'t str,
        mut accept: impl FnMut(Match<'t>) -> bool,
    ) -> Option<Match<'t>> {
        let mut hit = None;
        self.scan(
            text,
            |m: &Match<'t>| {
                let ok = accept(*m);
                if ok {
                    hit = Some(*m);
                }
                ok
            },
            |hay, at| self.find_at(hay, at),
        );
        hit
    }

    /// The first match of the full pattern in `text`.
    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.scan(text, |_| true, |hay, at| self.find_at(hay, at))
            .into_iter()
            .next()
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.find(text).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_are_written_for_the_lowercased_text_when_they_can_be() {
        assert_eq!(
            for_lowered(r"(?i)quitt|Sort|retir").as_deref(),
            Some("quitt|sort|retir")
        );
        assert_eq!(
            for_lowered(r"(?i)pr[ée]sent").as_deref(),
            Some("pr[éÉe]sent")
        );
        assert_eq!(
            for_lowered(r"(?i)arriv[ée]e\s+d|d[ée]part\s+d").as_deref(),
            Some(r"arriv[éÉe]e\s+d|d[éÉe]part\s+d")
        );
        assert_eq!(
            for_lowered(r"(?i)(?:prend|a\s+pris)\s+acte").as_deref(),
            Some(r"(?:prend|a\s+pris)\s+acte")
        );
        assert_eq!(for_lowered(r"(?i)été").as_deref(), Some("[éÉ]t[éÉ]"));
        // What it does not know stays with the original pattern.
        for p in [
            r"quitt",
            r"(?i)votants\b",
            r"(?i)[^a]b",
            r"(?i)(?P<v>vote)",
            r"(?i)\(\s*vote",
            r"(?i)a.b",
            r"(?i)[a-z]",
            r"(?i)ſ",
        ] {
            assert_eq!(for_lowered(p), None, "{p}");
        }
    }

    #[test]
    fn the_folded_letters_fold_as_the_lowercased_search_assumes() {
        let all: Vec<char> = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
        let folds = |c: char| -> Vec<char> {
            let one = re(&format!("(?i)^{c}$"));
            all.iter()
                .copied()
                .filter(|x| one.is_match(x.encode_utf8(&mut [0; 4])))
                .collect()
        };
        // Each accented letter a trigger may hold matches itself and its capital only.
        for c in FOLDED.chars() {
            let mut want = vec![c, c.to_uppercase().next().unwrap()];
            want.sort();
            assert_eq!(folds(c), want, "{c}");
        }
        // An ASCII letter matches its two cases and, for s and k, what `has_odd_folds` finds.
        for c in 'a'..='z' {
            let got = folds(c);
            let odd: Vec<char> = got.iter().copied().filter(|x| !x.is_ascii()).collect();
            assert!(got.contains(&c) && got.contains(&c.to_ascii_uppercase()));
            assert_eq!(got.len(), 2 + odd.len());
            for x in odd {
                assert!(has_odd_folds(&x.to_string()), "{c} {x}");
            }
        }
    }

    #[test]
    fn triggers_found_in_the_lowercased_copy_give_the_same_matches() {
        let frags = [
            "Pour",
            "POUR",
            "pour",
            "contre",
            "CONTRE",
            "Abstention",
            "ABSTENTIONS",
            "présents",
            "PRÉSENTS",
            "Presents",
            "prÉsent",
            "quitte la salle",
            "QUITTE",
            "Sortie",
            "retire",
            "ſort",
            "\u{212A}",
            "K",
            "é",
            "É",
            " ",
            "  ",
            "\n",
            ":",
            " : ",
            "12",
            "3",
            ",",
            ".",
            "M. Paul",
            "Mme Durand",
            "arrivée de",
            "ARRIVÉE D",
            "départ d",
            "vote",
            "votants",
        ];
        let cases: [(&[&str], &str); 4] = [
            (
                &[r"(?i)pour", r"(?i)contre", r"(?i)abstention"],
                r"(?i)(?:pour|contre|abstentions?)\s*:\s*\d+",
            ),
            (&[r"(?i)pr[ée]sent"], r"(?i)pr[ée]sents?\s*:\s*\d+"),
            (
                &[r"(?i)quitt|sort|retir"],
                r"(?i)M\.\s+\w+\s+(?:quitte|sort|retire)",
            ),
            (
                &[r"(?i)arriv[ée]e\s+d|d[ée]part\s+d"],
                r"(?i)(?:arriv[ée]e|d[ée]part)\s+d[e']?[ \t]?\w{0,12}",
            ),
        ];
        for (triggers, full) in cases {
            let near = Near::any(triggers, full, 40, 40);
            let whole = Near::anywhere(full);
            for t in crate::parse::items::tests::random_texts(&frags, 2000) {
                // (Most texts hold ſ or K, and then get no copy: each is also tried without.)
                let plain = t.replace('ſ', "s").replace('\u{212A}', "k");
                for t in [t, plain] {
                    let want: Vec<_> = whole.find_iter(&t).iter().map(|m| m.range()).collect();
                    // Searched alone, and as part of a document whose copy is made once: the whole
                    // of it and a slice of it.
                    let alone: Vec<_> = near.find_iter(&t).iter().map(|m| m.range()).collect();
                    const HEAD: &str = "Séance du conseil\n";
                    let doc = format!("{HEAD}{t}\nFin");
                    let (within, whole_doc) = with_lowered(&doc, || {
                        let part = &doc[HEAD.len()..HEAD.len() + t.len()];
                        let within: Vec<_> =
                            near.find_iter(part).iter().map(|m| m.range()).collect();
                        let whole_doc: Vec<_> =
                            near.find_iter(&doc).iter().map(|m| m.range()).collect();
                        (within, whole_doc)
                    });
                    assert_eq!(alone, want, "{t:?}");
                    assert_eq!(within, want, "{t:?}");
                    let want_doc: Vec<_> =
                        whole.find_iter(&doc).iter().map(|m| m.range()).collect();
                    assert_eq!(whole_doc, want_doc, "{t:?}");
                }
            }
        }
    }

    #[test]
    fn the_full_pattern_matches_near_each_trigger() {
        let near = Near::new(
            r"(?i)quitte\s+la\s+salle",
            r"(?i)(?P<name>M\.\s+\w+)\s*,?(?:\s+[^,;.]{0,60},)?\s+quitte\s+la\s+salle",
            120,
            40,
        );
        let text =
            "Présents : M. Arnaud, M. Besson, M. Carré. M. Denis, adjoint, quitte la salle. \
                    Puis M. Faure quitte la salle et M. Giraud quitte la salle.";
        let full = re(r"(?i)(?P<name>M\.\s+\w+)\s*,?(?:\s+[^,;.]{0,60},)?\s+quitte\s+la\s+salle");
        let want: Vec<_> = full
            .captures_iter(text)
            .map(|c| (c.get(0).unwrap().range(), c["name"].to_string()))
            .collect();
        let got: Vec<_> = near
            .captures_iter(text)
            .iter()
            .map(|c| (c.get(0).unwrap().range(), c["name"].to_string()))
            .collect();
        assert_eq!(got, want);
        assert_eq!(
            got.iter().map(|g| g.1.as_str()).collect::<Vec<_>>(),
            ["M. Denis", "M. Faure", "M. Giraud"]
        );
        assert!(near.captures("M. Arnaud quitte la séance.").is_none());
    }

    #[test]
    fn several_triggers_or_none_find_the_same_matches() {
        let full = r"(?i)(?:membres\s+)?(?:pr[ée]sents|votants)\s*:\s*\d+";
        let text = "Membres présents : 12. Votants : 14. PRÉSENTS : 3, votants: 2";
        let spans = |n: &Near| -> Vec<_> { n.find_iter(text).iter().map(|m| m.range()).collect() };
        let want = spans(&Near::anywhere(full));
        assert_eq!(want.len(), 4);
        assert_eq!(
            spans(&Near::any(
                &[r"(?i)votants", r"(?i)pr[ée]sent"],
                full,
                40,
                20
            )),
            want
        );
        let votants = Near::new(r"(?i)votants", r"(?i)votants\s*:\s*\d+", 40, 20);
        assert_eq!(votants.find(text).map(|m| m.start()), text.find("Votants"));
        assert!(Near::anywhere(full).is_match(text));
    }

    #[test]
    fn close_triggers_share_one_window() {
        // Every "pour" opens a window; the windows overlap and are searched once, with the
        // same matches as the whole text.
        let full = r"(?i)\d+\s+voix\s+pour";
        let text = "pour pour 3 voix pour pour 4 voix pour, pour 12 voix pour";
        let near = Near::new(r"(?i)pour", full, 20, 4);
        let spans = |n: &Near| -> Vec<_> { n.find_iter(text).iter().map(|m| m.range()).collect() };
        assert_eq!(spans(&near), spans(&Near::anywhere(full)));
        assert_eq!(spans(&near).len(), 3);
    }

    #[test]
    fn a_confirmed_trigger_opens_a_window_and_only_it() {
        let full = r"(?i)M\.\s+\w+\s+quitte\s+la\s+salle";
        let text = "M. Quittard arrive. M. Besson quitte la salle. M. Carré quitte la séance.";
        let plain = Near::new(r"(?i)quitt", full, 40, 20);
        let by_pattern =
            Near::new(r"(?i)quitt", full, 40, 20).confirmed_by(r"(?i)quitte\s+la\s+salle", 20);
        fn salle_after(text: &str, _start: usize, end: usize) -> bool {
            text[end..].starts_with("e la salle")
        }
        let by_check = Near::new(r"(?i)quitt", full, 40, 20).confirmed_with(salle_after);
        let spans = |n: &Near| -> Vec<_> { n.find_iter(text).iter().map(|m| m.range()).collect() };
        assert_eq!(spans(&plain), vec![20..45]);
        assert_eq!(spans(&by_pattern), spans(&plain));
        assert_eq!(spans(&by_check), spans(&plain));
    }

    #[test]
    fn a_run_read_in_code_ends_the_match_as_in_the_pattern() {
        let text = "M. A part, M. B part.\nM. C part";
        let with_run = re(r"M\.\s+\w\s+part[^\n]{0,30}");
        let want: Vec<_> = with_run.find_iter(text).map(|m| m.range()).collect();
        let near = Near::new(r"part", r"M\.\s+\w\s+part", 10, 0);
        let line = |after: &str| after.find('\n').unwrap_or(after.len()).min(30);
        let got: Vec<_> = near
            .captures_iter_then(text, line)
            .iter()
            .map(|(c, end)| c.get(0).unwrap().start()..*end)
            .collect();
        assert_eq!(got, want);
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn the_first_accepted_match_is_the_first_of_all_that_passes() {
        let near = Near::new(r"(?i)votants", r"(?i)votants\s*:\s*\d+", 10, 10);
        let text = "Votants : 1. Votants : 22. VOTANTS : 333";
        let long = |m: Match| m.as_str().len() > 11;
        let want = near.find_iter(text).into_iter().find(|m| long(*m));
        assert_eq!(near.find_first(text, long), want);
        assert_eq!(want.map(|m| m.as_str()), Some("Votants : 22"));
        assert_eq!(near.find_first(text, |_| false), None);
    }
}
