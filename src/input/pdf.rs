//! PDF text through pdf-extract's positioned output.
//!
//! pdf-extract's own `extract_text` glues separate blocks together (a date in a side box
//! runs into the next block's number). Here every glyph arrives with its position, and line
//! breaks and spaces are put where the glyphs say: a new line when the baseline moves or the
//! pen jumps back, a space when the gap between two words is wide enough, a line break when a
//! gap on one baseline is so wide that it separates two blocks. Content-stream order is kept:
//! for word-processor exports it is the reading order, and for two-column layouts it keeps
//! each column whole, where a geometric sort would interleave them.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// Text of a PDF, pages separated by form feeds (`\x0c`).
#[derive(Debug, Clone)]
pub struct PdfText {
    pub text: String,
    pub pages: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// The file is not a PDF pdf-extract can open (damaged, truncated, not a PDF).
    Unreadable(String),
    Encrypted,
    /// A scan, or a PDF whose only text is a stamp repeated on each page.
    NoTextLayer,
    /// pdf-extract panicked on this file.
    Panicked(String),
    /// The worker extracting it overran its deadline and was killed.
    Timeout(std::time::Duration),
    /// The worker extracting it ran out of its memory cap.
    Memory,
    /// The worker extracting it died (a stack overflow, a signal).
    Crashed(String),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::Unreadable(m) => write!(f, "unreadable PDF: {m}"),
            PdfError::Encrypted => write!(f, "encrypted PDF (a password is needed)"),
            PdfError::NoTextLayer => write!(
                f,
                "no text layer: the PDF is a scan, or its only text is a stamp (OCR it first)"
            ),
            PdfError::Panicked(m) => write!(f, "the PDF reader failed on this file: {m}"),
            PdfError::Timeout(d) => write!(
                f,
                "the PDF reader took more than {} s on this file and was stopped (--timeout)",
                d.as_secs_f64()
            ),
            PdfError::Memory => write!(
                f,
                "the PDF reader ran out of memory on this file and was stopped (--max-memory)"
            ),
            PdfError::Crashed(m) => write!(f, "the PDF reader crashed on this file: {m}"),
        }
    }
}

impl PdfError {
    pub fn kind(&self) -> &'static str {
        match self {
            PdfError::Unreadable(_) => "unreadable_pdf",
            PdfError::Encrypted => "encrypted",
            PdfError::NoTextLayer => "no_text_layer",
            PdfError::Panicked(_) => "pdf_panic",
            PdfError::Timeout(_) => "timeout",
            PdfError::Memory => "memory",
            PdfError::Crashed(_) => "crashed",
        }
    }
}

/// Extracts the text of a PDF held in memory. Panics inside pdf-extract are caught.
pub fn extract(bytes: &[u8]) -> Result<PdfText, PdfError> {
    let bytes = bytes.to_vec();
    let result = std::panic::catch_unwind(move || extract_inner(&bytes));
    match result {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_string());
            Err(PdfError::Panicked(msg))
        }
    }
}

fn extract_inner(bytes: &[u8]) -> Result<PdfText, PdfError> {
    let mut doc =
        pdf_extract::Document::load_mem(bytes).map_err(|e| PdfError::Unreadable(e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(PdfError::Encrypted);
    }
    let mut dev = LayoutDev::default();
    let res = pdf_extract::output_doc(&doc, &mut dev);
    dev.finish_page();
    if let Err(e) = res {
        // Keep what was read before the failure, if anything.
        if dev.pages.iter().all(|p| p.trim().is_empty()) {
            return Err(PdfError::Unreadable(e.to_string()));
        }
    }
    let pages = dev.pages.len();
    if !has_text_layer(&dev.pages) {
        return Err(PdfError::NoTextLayer);
    }
    Ok(PdfText {
        text: dev.pages.join("\x0c"),
        pages,
    })
}

/// True when the pages hold real text: enough letters once the lines repeated on most pages
/// (a prefecture stamp, a running header) are set aside.
pub fn has_text_layer(pages: &[String]) -> bool {
    use std::collections::HashMap;
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for p in pages {
        let mut lines: Vec<&str> = p.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        lines.sort_unstable();
        lines.dedup();
        for l in lines {
            *seen.entry(l).or_default() += 1;
        }
    }
    let repeated =
        |l: &str| pages.len() >= 2 && seen.get(l).copied().unwrap_or(0) * 2 > pages.len();
    let letters: usize = pages
        .iter()
        .flat_map(|p| p.lines())
        .map(str::trim)
        .filter(|l| !repeated(l) && !is_stamp_line(l))
        .map(|l| l.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    letters >= 80
}

/// Lines of a prefecture transmission stamp, which some scans carry as their only text.
fn is_stamp_line(l: &str) -> bool {
    let low = l.to_lowercase();
    low.starts_with("envoyé en préfecture")
        || low.starts_with("reçu en préfecture")
        || low.starts_with("publié le")
        || low.starts_with("id :")
        || low.starts_with("affiché le")
}

#[derive(Debug, Clone, Copy)]
struct Pen {
    x_end: f64,
    y: f64,
    size: f64,
    last_x: f64,
    last_char: char,
}

/// Builds lines from positioned glyphs.
#[derive(Default)]
struct LayoutDev {
    pages: Vec<String>,
    cur: String,
    page_height: f64,
    pen: Option<Pen>,
    word_start: bool,
    in_page: bool,
}

impl LayoutDev {
    fn finish_page(&mut self) {
        if self.in_page {
            let page = std::mem::take(&mut self.cur);
            self.pages.push(page.trim_end().to_string());
            self.in_page = false;
        }
        self.pen = None;
    }

    fn push_break(&mut self, blank: bool) {
        while self.cur.ends_with(' ') {
            self.cur.pop();
        }
        if !self.cur.is_empty() && !self.cur.ends_with('\n') {
            self.cur.push('\n');
        }
        if blank && !self.cur.is_empty() && !self.cur.ends_with("\n\n") {
            self.cur.push('\n');
        }
    }

    fn push_space(&mut self) {
        if !self.cur.is_empty() && !self.cur.ends_with([' ', '\n']) {
            self.cur.push(' ');
        }
    }
}

impl OutputDev for LayoutDev {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.finish_page();
        self.in_page = true;
        self.page_height = media_box.ury - media_box.lly;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.finish_page();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        if !self.in_page {
            self.in_page = true;
        }
        // The font size as drawn: the side of the square of the transformed em box's area.
        let vx = font_size * (trm.m11 + trm.m21);
        let vy = font_size * (trm.m12 + trm.m22);
        let size = (vx * vy).abs().sqrt().max(0.5);
        let x = trm.m31;
        let y = self.page_height - trm.m32;
        let first = text.chars().next().unwrap_or(' ');
        if let Some(p) = self.pen {
            let dy = (y - p.y).abs();
            let line_size = size.max(p.size);
            // A glyph drawn twice at the same place fakes bold: keep one.
            if dy < 0.05 * line_size
                && (x - p.last_x).abs() < 0.05 * line_size
                && first == p.last_char
            {
                return Ok(());
            }
            if dy > 0.6 * line_size {
                // A gap of more than about two lines separates paragraphs or blocks.
                self.push_break(dy > 2.2 * line_size && y > p.y);
            } else if x < p.x_end - 0.8 * line_size {
                // Back on the same baseline: a new block, unless the pen only overlaps the
                // previous glyph (fonts whose widths are missing make every glyph one em wide).
                if x < p.last_x - 2.0 * line_size {
                    self.push_break(false);
                }
            } else if self.word_start || x > p.x_end + 0.1 * line_size {
                let gap = x - p.x_end;
                // A list marker ("1.", "-", "a)") is followed by a tab stop, not by a block.
                let line_so_far = self.cur.rsplit('\n').next().unwrap_or("").trim();
                let marker = !line_so_far.is_empty()
                    && line_so_far.chars().count() <= 4
                    && line_so_far
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || ".)-/°•–".contains(c));
                if gap > 4.0 * line_size && !marker {
                    self.push_break(false);
                } else if gap > 0.2 * line_size {
                    self.push_space();
                }
            }
        }
        for c in text.chars() {
            if c == ' ' {
                self.push_space();
            } else if !c.is_control() {
                self.cur.push(c);
            }
        }
        self.word_start = false;
        self.pen = Some(Pen {
            x_end: x + width * size,
            y,
            size,
            last_x: x,
            last_char: first,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.word_start = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamp_only_pages_have_no_text_layer() {
        let stamp = "Envoyé en préfecture le 05/10/2023\nReçu en préfecture le 05/10/2023\nPublié le\nID : 030-213001100-20230922-PV09062023-DE".to_string();
        assert!(!has_text_layer(&[stamp.clone(), stamp.clone(), stamp]));
    }

    #[test]
    fn real_text_is_a_text_layer() {
        let page = "Le Conseil Municipal, après en avoir délibéré, décide à l'unanimité d'approuver le budget primitif de la commune pour l'exercice 2024.".to_string();
        assert!(has_text_layer(&[page]));
    }

    #[test]
    fn garbage_is_unreadable() {
        assert!(matches!(
            extract(b"not a pdf at all"),
            Err(PdfError::Unreadable(_))
        ));
    }
}
