//! Costly patterns run only near their trigger.
//!
//! A pattern that opens with a name ("M. Paul ARNAUD, adjoint, quitte la salle") may start at
//! every civility of a text; on long lists of names the regex crate's lazy DFA gives up on
//! it and the search falls back to an engine tens of times slower. Every match of such a
//! pattern contains a short trigger (the verb) that is cheap to find, so the trigger is searched
//! over the whole text and the full pattern only over a window around each trigger. The
//! matches are those of the full pattern on the whole text, as long as no match reaches
//! further than `before` bytes ahead of its trigger or `after` bytes past it.

use crate::{ceil_boundary, floor_boundary, re};
use regex::{Captures, Regex};

pub struct Near {
    trigger: Regex,
    full: Regex,
    before: usize,
    after: usize,
}

impl Near {
    /// `trigger` must match inside every match of `full`.
    pub fn new(trigger: &str, full: &str, before: usize, after: usize) -> Near {
        Near {
            trigger: re(trigger),
            full: re(full),
            before,
            after,
        }
    }

    /// The successive non-overlapping matches of the full pattern in `text`.
    pub fn captures_iter<'t>(&self, text: &'t str) -> Vec<Captures<'t>> {
        let mut out = Vec::new();
        let mut pos = 0;
        for t in self.trigger.find_iter(text) {
            if t.end() <= pos {
                continue;
            }
            let mut at = floor_boundary(text, t.start().saturating_sub(self.before)).max(pos);
            // The window ends far enough past the trigger that a match containing it is whole.
            let hay = &text[..ceil_boundary(text, t.end() + self.after)];
            while let Some(c) = self.full.captures_at(hay, at) {
                let m = c.get(0).expect("group 0");
                // A match that starts past this trigger belongs to a later one's window.
                if m.start() > t.start() {
                    break;
                }
                at = m.end().max(m.start() + 1);
                pos = m.end();
                out.push(c);
                if at > hay.len() {
                    break;
                }
            }
        }
        out
    }

    /// The first match of the full pattern in `text`.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        // The windows are searched in order, so the first one found is the leftmost.
        self.captures_iter(text).into_iter().next()
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
}
