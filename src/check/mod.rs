//! `registre check`: the rules of ../shared/docs/RULES.md over a parsed document.
//!
//! Rules are data (`data/rules.tsv`: id, severity, basis, title; `data/regimes.tsv`: the
//! COVID-19 regimes by date) and small pure functions in [`rules`]. [`run`] takes a document
//! and its normalized text (for the words a rule needs: "deuxième convocation", "urgence",
//! "suffrages exprimés") and returns findings, each with the figures that disagree and a span.
//! The parser's own uncertainty (a count it could not read) is never a finding: a rule that
//! lacks a figure says nothing.

pub mod regime;
pub mod rules;

use crate::model::{Diagnostic, Document, Severity, Span};
use std::sync::LazyLock;

/// One rule of the table.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub severity: Severity,
    pub basis: String,
    pub title: String,
}

pub static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    include_str!("../../data/rules.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let [id, sev, basis, title] = f[..] else {
                return None;
            };
            Some(Rule {
                id: id.into(),
                severity: match sev {
                    "error" => Severity::Error,
                    "warning" => Severity::Warning,
                    _ => Severity::Info,
                },
                basis: basis.into(),
                title: title.into(),
            })
        })
        .collect()
});

/// The rule of that id (a rule of the table: the ids are the crate's own).
pub fn rule(id: &str) -> &'static Rule {
    RULES
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("rule {id} is not in data/rules.tsv"))
}

/// What a rule found.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// What is wrong, in figures: "19 pour + 0 contre + 0 abstention = 19, but votants = 18".
    pub message: String,
    pub basis: String,
    pub span: Option<Span>,
    /// The deliberation's number, when the finding is about one.
    pub item: Option<String>,
}

impl Finding {
    pub fn to_diagnostic(&self) -> Diagnostic {
        Diagnostic {
            code: self.rule.to_string(),
            severity: self.severity,
            message: self.message.clone(),
            span: self.span,
            basis: Some(self.basis.clone()),
        }
    }
}

/// Runs every rule over a document; `text` is the normalized text its spans point into.
pub fn run(doc: &Document, text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    rules::all(doc, text, &mut out);
    out
}

/// Severities in order, for `--deny`.
pub fn rank(s: Severity) -> u8 {
    match s {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_row_loads_and_names_its_basis() {
        let rows = include_str!("../../data/rules.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(RULES.len(), rows);
        for r in RULES.iter() {
            assert!(!r.basis.is_empty() && !r.title.is_empty(), "{}", r.id);
        }
        for id in [
            "SIZE",
            "COUNTS",
            "QUORUM",
            "PROXY",
            "TALLY",
            "UNANIMITY",
            "MAJORITY",
            "ACCOUNTS",
            "BALLOT",
            "SECRETARY",
            "CONVOCATION",
            "INTEREST",
            "DATES",
            "PUBLICATION",
            "ELECTION",
        ] {
            assert_eq!(rule(id).id, id);
        }
    }
}
