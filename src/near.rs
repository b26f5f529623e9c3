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

use crate::{ceil_boundary, floor_boundary, re};
use regex::{Captures, Match, Regex};

pub struct Near {
    /// Empty: the full pattern runs over the whole text (no trigger is cheaper than it).
    triggers: Vec<Regex>,
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
            triggers: triggers.iter().map(|t| re(t)).collect(),
            full: re(full),
            before,
            after,
        }
    }

    /// A pattern searched over the whole text, for readers that take either kind.
    pub fn anywhere(full: &str) -> Near {
        Near {
            triggers: Vec::new(),
            full: re(full),
            before: 0,
            after: 0,
        }
    }

    /// Calls `search(haystack, from)` on the window of each trigger, in order, and collects
    /// what it finds: `(start, end, value)` of successive non-overlapping matches.
    fn scan<'t, T>(
        &self,
        text: &'t str,
        first: bool,
        search: impl Fn(&'t str, usize) -> Option<(usize, usize, T)>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        if self.triggers.is_empty() {
            let mut at = 0;
            while let Some((s, e, v)) = search(text, at) {
                out.push(v);
                if first {
                    break;
                }
                at = if e > s { e } else { ceil_boundary(text, e + 1) };
                if at > text.len() || s == text.len() {
                    break;
                }
            }
            return out;
        }
        let mut found: Vec<(usize, usize)> = self
            .triggers
            .iter()
            .flat_map(|t| t.find_iter(text).map(|m| (m.start(), m.end())))
            .collect();
        if self.triggers.len() > 1 {
            found.sort_unstable();
        }
        let mut pos = 0;
        for (t_start, t_end) in found {
            if t_end <= pos {
                continue;
            }
            let mut at = floor_boundary(text, t_start.saturating_sub(self.before)).max(pos);
            // The window ends far enough past the trigger that a match containing it is whole.
            let hay = &text[..ceil_boundary(text, t_end + self.after)];
            while let Some((s, e, v)) = search(hay, at) {
                // A match that starts past this trigger belongs to a later one's window.
                if s > t_start {
                    break;
                }
                out.push(v);
                if first {
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
        self.scan(text, false, |hay, at| self.captures_at(hay, at))
    }

    fn captures_at<'t>(&self, hay: &'t str, at: usize) -> Option<(usize, usize, Captures<'t>)> {
        let c = self.full.captures_at(hay, at)?;
        let m = c.get(0).expect("group 0");
        Some((m.start(), m.end(), c))
    }

    /// The successive non-overlapping matches of the full pattern in `text`.
    pub fn find_iter<'t>(&self, text: &'t str) -> Vec<Match<'t>> {
        self.scan(text, false, |hay, at| self.find_at(hay, at))
    }

    fn find_at<'t>(&self, hay: &'t str, at: usize) -> Option<(usize, usize, Match<'t>)> {
        let m = self.full.find_at(hay, at)?;
        Some((m.start(), m.end(), m))
    }

    /// The first match of the full pattern in `text`, with its groups.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        // (Windows are searched in order: the first match found is the leftmost.)
        let found = self.scan(text, true, |hay, at| self.captures_at(hay, at));
        found.into_iter().next()
    }

    /// The first match of the full pattern in `text`.
    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.scan(text, true, |hay, at| self.find_at(hay, at))
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
}
