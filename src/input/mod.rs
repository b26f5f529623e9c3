//! The edge where bytes become text: files, encodings, PDF extraction.
//!
//! Nothing past this module touches the file system: the core receives a [`SourceText`].

pub mod archive;
pub mod doc;
pub mod encoding;
pub mod isolate;
pub mod pdf;
pub mod sources;

use crate::model::{Container, ErrorInfo, ErrorRecord, ErrorSource, SourceFormat};
use sha2::{Digest, Sha256};
use std::path::Path;

/// An input's text, as read, with what the document's `source` block records.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub path: String,
    pub format: SourceFormat,
    pub sha256: String,
    pub bytes: u64,
    pub pages: Option<usize>,
    pub encoding: Option<String>,
    /// The raw text; pages separated by form feeds.
    pub text: String,
    /// What the file was, when a converter made its text.
    pub converted_from: Option<Container>,
}

/// Why an input yields no document.
#[derive(Debug, Clone)]
pub struct InputError {
    pub path: String,
    pub format: Option<SourceFormat>,
    pub sha256: Option<String>,
    pub kind: String,
    pub message: String,
}

impl InputError {
    pub fn to_record(&self) -> ErrorRecord {
        ErrorRecord {
            source: ErrorSource {
                path: self.path.clone(),
                format: self.format,
                sha256: self.sha256.clone(),
            },
            error: ErrorInfo {
                kind: self.kind.clone(),
                message: self.message.clone(),
            },
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} ({})", self.path, self.message, self.kind)
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// True when the bytes are a PDF (by signature, wherever the first kilobyte puts it).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Formats that are not documents registre reads, by signature or by extension.
fn unsupported(path: &str, bytes: &[u8]) -> Option<&'static str> {
    let lower = path.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Some("a Microsoft Office 97-2003 file other than Word (.xls, .ppt)");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Some("a zip container (.docx, .odt, .xlsx or an archive)");
    }
    match ext {
        "csv" | "tsv" | "xls" | "xlsx" | "ods" => Some("a table of data"),
        "docx" | "odt" | "rtf" => Some("a word-processor file; convert it to PDF or text"),
        "doc" => Some("a .doc that is not a Word 97-2003 file; convert it to PDF or text"),
        "png" | "jpg" | "jpeg" | "tif" | "tiff" | "gif" => Some("an image (OCR it first)"),
        _ => None,
    }
}

/// The largest file read: a deliberation, even a 300-page one, is far below it.
pub const MAX_FILE: u64 = 512 << 20;

/// Reads one file's bytes from disk, refusing what no deliberation could be.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, InputError> {
    let err = |kind: &str, message: String| InputError {
        path: path.display().to_string(),
        format: None,
        sha256: None,
        kind: kind.into(),
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| err("io", e.to_string()))?;
    if meta.is_dir() {
        return Err(err("io", "a folder where a file was expected".into()));
    }
    if meta.len() > MAX_FILE {
        return Err(err(
            "too_large",
            format!(
                "{} MiB, more than the {} MiB a document may be",
                meta.len() >> 20,
                MAX_FILE >> 20
            ),
        ));
    }
    std::fs::read(path).map_err(|e| err("io", e.to_string()))
}

/// Reads one file from disk.
pub fn read_path(path: &Path) -> Result<SourceText, InputError> {
    let bytes = read_bytes(path)?;
    from_bytes(&path.display().to_string(), &bytes)
}

/// How a PDF's bytes become text: in this process, or in a worker process.
pub type Extractor<'a> = &'a (dyn Fn(&[u8]) -> Result<pdf::PdfText, pdf::PdfError> + Sync);

/// Turns an input's bytes into text: PDF by signature, anything else as text.
pub fn from_bytes(path: &str, bytes: &[u8]) -> Result<SourceText, InputError> {
    from_bytes_with(path, bytes, &pdf::extract)
}

/// [`from_bytes`], with PDFs extracted by `extract`.
pub fn from_bytes_with(
    path: &str,
    bytes: &[u8],
    extract: Extractor,
) -> Result<SourceText, InputError> {
    let sha256 = sha256_hex(bytes);
    let err = |format, kind: &str, message: String| InputError {
        path: path.to_string(),
        format,
        sha256: Some(sha256.clone()),
        kind: kind.to_string(),
        message,
    };
    let lower = path.to_ascii_lowercase();
    if doc::is_compound_file(bytes) && !lower.ends_with(".xls") && !lower.ends_with(".ppt") {
        let text = doc::extract(bytes).map_err(|e| err(None, e.kind(), e.to_string()))?;
        if text.trim().is_empty() {
            return Err(err(None, "empty", "the file holds no text".into()));
        }
        return Ok(SourceText {
            path: path.to_string(),
            format: SourceFormat::Text,
            sha256: sha256.clone(),
            bytes: bytes.len() as u64,
            pages: None,
            encoding: None,
            text,
            converted_from: Some(Container::Doc),
        });
    }
    if let Some(what) = unsupported(path, bytes) {
        return Err(err(
            None,
            "unsupported_format",
            format!("{what}: not a document registre reads (text or PDF)"),
        ));
    }
    if looks_like_pdf(bytes) || path.to_ascii_lowercase().ends_with(".pdf") {
        if !looks_like_pdf(bytes) {
            return Err(err(
                Some(SourceFormat::Pdf),
                "unreadable_pdf",
                "not a PDF: no %PDF- signature".into(),
            ));
        }
        let pdf =
            extract(bytes).map_err(|e| err(Some(SourceFormat::Pdf), e.kind(), e.to_string()))?;
        return Ok(SourceText {
            path: path.to_string(),
            format: SourceFormat::Pdf,
            sha256: sha256.clone(),
            bytes: bytes.len() as u64,
            pages: Some(pdf.pages),
            encoding: None,
            text: pdf.text,
            converted_from: None,
        });
    }
    let decoded =
        encoding::decode(bytes).map_err(|m| err(Some(SourceFormat::Text), "binary", m))?;
    if decoded.text.trim().is_empty() {
        return Err(err(
            Some(SourceFormat::Text),
            "empty",
            "the file holds no text".into(),
        ));
    }
    Ok(SourceText {
        path: path.to_string(),
        format: SourceFormat::Text,
        sha256: sha256.clone(),
        bytes: bytes.len() as u64,
        pages: None,
        encoding: Some(decoded.encoding),
        text: decoded.text,
        converted_from: None,
    })
}
