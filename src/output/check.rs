//! The findings of `registre check`, for a person (in the style of rustc), for a machine (one
//! JSON object a line), for GitHub workflow annotations, and as SARIF 2.1.0.

use crate::check::{Finding, RULES};
use crate::model::Severity;
use serde_json::{json, Value};

/// A finding placed in its file: line and columns (1-based, in characters) of the
/// normalized text that `registre text` prints.
#[derive(Debug, Clone)]
pub struct Located {
    pub path: String,
    pub finding: Finding,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_column: Option<usize>,
    /// The words of the line the finding points at.
    pub source_line: Option<String>,
}

/// Places findings in `text` (the normalized text their spans point into).
pub fn locate(path: &str, text: &str, findings: Vec<Finding>) -> Vec<Located> {
    findings
        .into_iter()
        .map(|f| {
            let Some(sp) = f.span.filter(|s| s.start <= text.len()) else {
                return Located {
                    path: path.into(),
                    finding: f,
                    line: None,
                    column: None,
                    end_column: None,
                    source_line: None,
                };
            };
            let start = crate::floor_boundary(text, sp.start);
            let line_start = text[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
            let line_end = text[start..]
                .find('\n')
                .map(|i| start + i)
                .unwrap_or(text.len());
            let end = crate::floor_boundary(text, sp.end.clamp(start, line_end));
            let column = text[line_start..start].chars().count() + 1;
            let width = text[start..end].chars().count().max(1);
            Located {
                path: path.into(),
                line: Some(text[..line_start].matches('\n').count() + 1),
                column: Some(column),
                end_column: Some(column + width),
                source_line: Some(text[line_start..line_end].to_string()),
                finding: f,
            }
        })
        .collect()
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// rustc's layout: the rule and what is wrong, where, the line with the words underlined, and
/// the text the rule rests on.
pub fn human(l: &Located) -> String {
    let f = &l.finding;
    let mut s = format!("{}[{}]: {}\n", level(f.severity), f.rule, f.message);
    let (Some(line), Some(col), Some(src)) = (l.line, l.column, &l.source_line) else {
        s.push_str(&format!("  --> {}\n", l.path));
        s.push_str(&format!("   = {}{}\n\n", item(f), f.basis));
        return s;
    };
    let n = line.to_string();
    let pad = " ".repeat(n.len());
    let width = l.end_column.unwrap_or(col + 1) - col;
    s.push_str(&format!("{pad}--> {}:{line}:{col}\n", l.path));
    s.push_str(&format!("{pad} |\n"));
    s.push_str(&format!("{n} | {}\n", src.trim_end()));
    s.push_str(&format!(
        "{pad} | {}{}\n",
        " ".repeat(col - 1),
        "^".repeat(width)
    ));
    s.push_str(&format!("{pad} = {}{}\n\n", item(f), f.basis));
    s
}

fn item(f: &Finding) -> String {
    f.item
        .as_ref()
        .map(|n| format!("deliberation {n}; "))
        .unwrap_or_default()
}

/// One JSON object a line.
pub fn json_line(l: &Located) -> String {
    let f = &l.finding;
    json!({
        "path": l.path,
        "line": l.line,
        "column": l.column,
        "end_column": l.end_column,
        "page": f.span.and_then(|s| s.page),
        "rule": f.rule,
        "severity": level(f.severity),
        "basis": f.basis,
        "message": f.message,
        "item": f.item,
        "span": f.span.map(|s| json!({"start": s.start, "end": s.end})),
    })
    .to_string()
}

/// A GitHub Actions workflow command: `::error file=…,line=…,col=…,title=…::message`.
pub fn github(l: &Located) -> String {
    let f = &l.finding;
    let kind = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut props = vec![format!("file={}", escape_property(&l.path))];
    if let Some(line) = l.line {
        props.push(format!("line={line}"));
    }
    if let Some(col) = l.column {
        props.push(format!("col={col}"));
    }
    if let Some(end) = l.end_column {
        props.push(format!("endColumn={end}"));
    }
    props.push(format!(
        "title={}",
        escape_property(&format!("{} ({})", f.rule, f.basis))
    ));
    format!(
        "::{kind} {}::{}",
        props.join(","),
        escape_data(&format!("{}{}", item(f), f.message))
    )
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A SARIF 2.1.0 log of every finding, with the rule table as the tool's rules.
pub fn sarif(findings: &[Located]) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id.to_lowercase(),
                "shortDescription": {"text": r.title},
                "fullDescription": {"text": format!("{} ({})", r.title, r.basis)},
                "defaultConfiguration": {"level": sarif_level(r.severity)},
                "properties": {"basis": r.basis},
            })
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|l| {
            let f = &l.finding;
            let mut region = serde_json::Map::new();
            if let Some(line) = l.line {
                region.insert("startLine".into(), json!(line));
            }
            if let Some(col) = l.column {
                region.insert("startColumn".into(), json!(col));
            }
            if let Some(end) = l.end_column {
                region.insert("endColumn".into(), json!(end));
            }
            if let Some(src) = &l.source_line {
                region.insert("snippet".into(), json!({"text": src}));
            }
            let mut physical = json!({"artifactLocation": {"uri": uri(&l.path)}});
            if !region.is_empty() {
                physical["region"] = Value::Object(region);
            }
            json!({
                "ruleId": f.rule,
                "ruleIndex": RULES.iter().position(|r| r.id == f.rule),
                "level": sarif_level(f.severity),
                "message": {"text": format!("{}{} ({})", item(f), f.message, f.basis)},
                "locations": [{"physicalLocation": physical}],
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "registre",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    })
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: forward slashes, spaces and the like escaped.
fn uri(path: &str) -> String {
    super::percent_encode(&path.replace('\\', "/"), b"-._~/!$&'()*+,;=:@")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn finding(start: usize, end: usize) -> Finding {
        Finding {
            rule: "TALLY",
            severity: Severity::Error,
            message: "14 pour + 1 contre + 0 abstention = 15, but votants = 14".into(),
            basis: "arithmetic".into(),
            span: Some(Span {
                start,
                end,
                line: 2,
                page: None,
            }),
            item: Some("2024-12".into()),
        }
    }

    #[test]
    fn human_output_underlines_the_words() {
        let text = "Séance\nÉté : Pour : 14 – Contre : 1\n";
        let at = text.find("Pour").unwrap();
        let l = &locate("a.txt", text, vec![finding(at, at + "Pour : 14".len())])[0];
        assert_eq!(
            (l.line, l.column, l.end_column),
            (Some(2), Some(7), Some(16))
        );
        assert_eq!(
            human(l),
            "error[TALLY]: 14 pour + 1 contre + 0 abstention = 15, but votants = 14\n \
             --> a.txt:2:7\n  |\n2 | Été : Pour : 14 – Contre : 1\n  |       ^^^^^^^^^\n  \
             = deliberation 2024-12; arithmetic\n\n"
        );
    }

    #[test]
    fn github_commands_escape_their_parts() {
        let text = "x\nPour : 14\n";
        let l = &locate("dir/a,b.txt", text, vec![finding(2, 6)])[0];
        assert_eq!(
            github(l),
            "::error file=dir/a%2Cb.txt,line=2,col=1,endColumn=5,title=TALLY (arithmetic)::deliberation 2024-12; 14 pour + 1 contre + 0 abstention = 15, but votants = 14"
        );
    }

    #[test]
    fn sarif_names_rules_and_regions() {
        let text = "x\nPour : 14\n";
        let v = sarif(&locate("a b.txt", text, vec![finding(2, 6)]));
        assert_eq!(v["version"], "2.1.0");
        let r = &v["runs"][0]["results"][0];
        assert_eq!(r["ruleId"], "TALLY");
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "a%20b.txt"
        );
        assert_eq!(
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            2
        );
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(v["runs"][0]["tool"]["driver"]["rules"][idx]["id"], "TALLY");
    }
}
