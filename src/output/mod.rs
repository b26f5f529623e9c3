//! Output formats at the edge: tables and CSV built from parsed documents.

pub mod check;
pub mod refs;

/// Percent-encodes every byte of `s` but ASCII letters, digits and the `safe` ones (RFC 3986).
pub fn percent_encode(s: &str, safe: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || safe.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Writes rows as a plain-text table: columns padded to their widest cell (counted in
/// characters), cells cut at `max` characters except addresses, which are no use cut.
pub fn write_table(
    out: &mut dyn std::io::Write,
    header: &[&str],
    rows: &[Vec<String>],
    max: usize,
) -> std::io::Result<()> {
    let cut = |s: &str| -> String {
        let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if one_line.chars().count() > max && !one_line.starts_with("http") {
            one_line.chars().take(max - 1).chain(['…']).collect()
        } else {
            one_line
        }
    };
    let cells: Vec<Vec<String>> = std::iter::once(header.iter().map(|h| h.to_string()).collect())
        .chain(rows.iter().map(|r| r.iter().map(|c| cut(c)).collect()))
        .collect();
    let mut widths = vec![0; header.len()];
    for r in &cells {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    for r in &cells {
        let last = r.len().saturating_sub(1);
        let mut line = String::new();
        for (i, (c, w)) in r.iter().zip(&widths).enumerate() {
            line.push_str(c);
            if i < last {
                line.extend(std::iter::repeat_n(' ', w - c.chars().count() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Writes rows as CSV (RFC 4180, a header row first).
pub fn write_csv(
    out: &mut dyn std::io::Write,
    header: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header)?;
    for r in rows {
        w.write_record(r)?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_pads_by_characters_and_cuts_long_cells() {
        let mut out = Vec::new();
        let rows = vec![
            vec!["é".into(), "x".repeat(30)],
            vec!["abc".into(), "y".into()],
        ];
        write_table(&mut out, &["k", "v"], &rows, 10).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s, "k    v\né    xxxxxxxxx…\nabc  y\n");
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let mut out = Vec::new();
        write_csv(&mut out, &["a", "b"], &[vec!["x, y".into(), "z".into()]]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a,b\n\"x, y\",z\n");
    }
}
