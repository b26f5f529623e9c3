//! Legacy Word (.doc, Word 97–2003): the text of the main document, read from its piece table.
//!
//! A .doc is an OLE compound file (read by the `cfb` crate). Its `WordDocument` stream opens
//! with the FIB, which says which table stream holds the piece table (the CLX) and how many
//! characters the main document has; the piece table maps runs of character positions to
//! their bytes in `WordDocument`, each run either 8-bit (Windows-1252) or UTF-16. Only the main
//! document is read: headers, footers, footnotes and text boxes come after it and are not
//! the record's text.
//!
//! Word's control characters become the text's structure: a paragraph mark or a line break a
//! line end, a table cell's end a line end (a cell's text, often a whole column of a page laid
//! out as a table, stays together), a page or section break a form feed (a page); a field's
//! code ("PAGE", "HYPERLINK …") is dropped and its result kept.

use std::io::{Cursor, Read};

/// Why a .doc gives no text.
#[derive(Debug, Clone)]
pub enum DocError {
    Encrypted,
    /// Not a Word document, or a damaged one.
    Unreadable(String),
}

impl DocError {
    pub fn kind(&self) -> &'static str {
        match self {
            DocError::Encrypted => "encrypted",
            DocError::Unreadable(_) => "unreadable_doc",
        }
    }
}

impl std::fmt::Display for DocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocError::Encrypted => write!(f, "the Word file is protected by a password"),
            DocError::Unreadable(m) => write!(f, "not a readable Word 97-2003 file: {m}"),
        }
    }
}

/// True when the bytes are an OLE compound file (.doc, .xls, .ppt).
pub fn is_compound_file(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

fn bad(m: &str) -> DocError {
    DocError::Unreadable(m.to_string())
}

fn u16_at(b: &[u8], at: usize) -> Result<u16, DocError> {
    b.get(at..at + 2)
        .map(|x| u16::from_le_bytes([x[0], x[1]]))
        .ok_or_else(|| bad("truncated FIB"))
}

fn u32_at(b: &[u8], at: usize) -> Result<u32, DocError> {
    b.get(at..at + 4)
        .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
        .ok_or_else(|| bad("truncated structure"))
}

/// Reads a whole stream of the compound file, refusing one larger than the file itself.
fn stream(
    file: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    name: &str,
    cap: u64,
) -> Result<Vec<u8>, DocError> {
    let mut s = file
        .open_stream(name)
        .map_err(|_| bad(&format!("no {name} stream")))?;
    let mut v = Vec::new();
    s.by_ref()
        .take(cap)
        .read_to_end(&mut v)
        .map_err(|e| bad(&e.to_string()))?;
    Ok(v)
}

/// The text of a .doc's main document.
pub fn extract(bytes: &[u8]) -> Result<String, DocError> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| bad(&e.to_string()))?;
    let cap = bytes.len() as u64;
    let word = stream(&mut file, "WordDocument", cap)?;
    // FibBase: wIdent 0xA5EC; flags: fEncrypted (0x0100), fWhichTblStm (0x0200).
    if u16_at(&word, 0)? != 0xA5EC {
        return Err(bad("no Word FIB"));
    }
    let flags = u16_at(&word, 0x0A)?;
    if flags & 0x0100 != 0 {
        return Err(DocError::Encrypted);
    }
    let table_name = if flags & 0x0200 != 0 {
        "1Table"
    } else {
        "0Table"
    };
    // After the 32-byte FibBase: csw, fibRgW (csw u16), cslw, fibRgLw (cslw u32; ccpText is
    // its fourth), cbRgFcLcb, fibRgFcLcb (pairs of u32; the CLX is the 34th pair).
    let csw = u16_at(&word, 32)? as usize;
    let lw = 32 + 2 + csw * 2;
    let cslw = u16_at(&word, lw)? as usize;
    let ccp_text = u32_at(&word, lw + 2 + 3 * 4)? as usize;
    let fc_lcb = lw + 2 + cslw * 4;
    let pairs = u16_at(&word, fc_lcb)? as usize;
    if pairs < 34 {
        return Err(bad("FIB without a piece table"));
    }
    let clx_at = fc_lcb + 2 + 33 * 8;
    let (fc_clx, lcb_clx) = (
        u32_at(&word, clx_at)? as usize,
        u32_at(&word, clx_at + 4)? as usize,
    );
    let table = stream(&mut file, table_name, cap)?;
    let clx = table
        .get(fc_clx..fc_clx.saturating_add(lcb_clx))
        .ok_or_else(|| bad("piece table out of its stream"))?;
    let pieces = piece_table(clx)?;
    let mut raw = String::new();
    for (cp0, cp1, fc) in pieces {
        if cp0 >= ccp_text {
            break;
        }
        let n = cp1.min(ccp_text).saturating_sub(cp0);
        let compressed = fc & 0x4000_0000 != 0;
        if compressed {
            let at = ((fc & !0x4000_0000) / 2) as usize;
            let run = word
                .get(at..at.saturating_add(n))
                .ok_or_else(|| bad("text out of its stream"))?;
            let (s, _, _) = encoding_rs::WINDOWS_1252.decode(run);
            raw.push_str(&s);
        } else {
            let at = fc as usize;
            let run = word
                .get(at..at.saturating_add(n * 2))
                .ok_or_else(|| bad("text out of its stream"))?;
            let units = run
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]));
            raw.extend(char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}')));
        }
    }
    Ok(clean(&raw))
}

/// The pieces of a CLX: (first CP, end CP, fc), in CP order. Prc entries (formatting) come
/// first and are skipped; the Pcdt holds the PlcPcd: n + 1 CPs, then n 8-byte PCDs.
fn piece_table(clx: &[u8]) -> Result<Vec<(usize, usize, u32)>, DocError> {
    let mut at = 0;
    while clx.get(at) == Some(&0x01) {
        let cb = u16_at(clx, at + 1)? as usize;
        at += 3 + cb;
    }
    if clx.get(at) != Some(&0x02) {
        return Err(bad("no piece table in the CLX"));
    }
    let lcb = u32_at(clx, at + 1)? as usize;
    let plc = clx
        .get(at + 5..(at + 5).saturating_add(lcb))
        .ok_or_else(|| bad("truncated piece table"))?;
    if plc.len() < 4 || (plc.len() - 4) % 12 != 0 {
        return Err(bad("malformed piece table"));
    }
    let n = (plc.len() - 4) / 12;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let cp0 = u32_at(plc, i * 4)? as usize;
        let cp1 = u32_at(plc, (i + 1) * 4)? as usize;
        let fc = u32_at(plc, (n + 1) * 4 + i * 8 + 2)?;
        if cp1 > cp0 {
            out.push((cp0, cp1, fc));
        }
    }
    out.sort_by_key(|p| p.0);
    Ok(out)
}

/// Word's control characters as text structure (see the module's header).
fn clean(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    // Fields nest: inside a code (after 0x13, before its 0x14) nothing is kept.
    let mut codes: Vec<bool> = Vec::new();
    for c in raw.chars() {
        match c {
            '\u{13}' => codes.push(true),
            '\u{14}' => {
                if let Some(top) = codes.last_mut() {
                    *top = false;
                }
            }
            '\u{15}' => {
                codes.pop();
            }
            _ if codes.iter().any(|&in_code| in_code) => {}
            '\r' | '\u{0b}' | '\u{07}' => out.push('\n'),
            '\u{0c}' => out.push('\u{0c}'),
            '\u{1e}' => out.push('-'),
            '\t' => out.push('\t'),
            // Optional hyphens, drawn objects, footnote marks and other controls.
            _ if c.is_control() || c == '\u{1f}' => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_structure() {
        let raw =
            "Présents :\u{07}M. Jean DUPONT\u{07}\u{07}Page \u{13} PAGE \u{14}2\u{15}\u{0c}Fin\r";
        assert_eq!(
            clean(raw),
            "Présents :\nM. Jean DUPONT\n\nPage 2\u{0c}Fin\n"
        );
    }

    #[test]
    fn piece_table_of_two_pieces() {
        // A Prc of two bytes, then a Pcdt: CPs 0, 3, 5; fcs 0x4000_0010 and 0x20.
        let mut clx = vec![0x01, 2, 0, 0xAA, 0xBB, 0x02];
        let mut plc = Vec::new();
        for cp in [0u32, 3, 5] {
            plc.extend(cp.to_le_bytes());
        }
        for fc in [0x4000_0010u32, 0x20] {
            plc.extend([0, 0]);
            plc.extend(fc.to_le_bytes());
            plc.extend([0, 0]);
        }
        clx.extend((plc.len() as u32).to_le_bytes());
        clx.extend(plc);
        let p = piece_table(&clx).unwrap();
        assert_eq!(p, [(0, 3, 0x4000_0010), (3, 5, 0x20)]);
    }

    #[test]
    fn compound_file_signature_and_garbage() {
        assert!(is_compound_file(&[
            0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0
        ]));
        assert!(!is_compound_file(b"%PDF-1.4"));
        let mut junk = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        junk.extend([0u8; 600]);
        assert!(extract(&junk).is_err());
    }
}
