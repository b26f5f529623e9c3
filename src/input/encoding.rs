//! Text encodings: BOMs first, then UTF-8 if valid, else chardetng's guess (for French text,
//! almost always windows-1252).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Lower-case WHATWG name, e.g. `utf-8`, `windows-1252`, `utf-16le`.
    pub encoding: String,
}

/// Decodes a text file. Binary content (NUL bytes outside UTF-16) is refused.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: enc.name().to_ascii_lowercase(),
        });
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: enc.name().to_ascii_lowercase(),
        });
    }
    if looks_binary(bytes) {
        return Err("binary content, not text".into());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_string(),
            encoding: UTF_8.name().to_ascii_lowercase(),
        });
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(Some(b"fr"), chardetng::Utf8Detection::Allow);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding: enc.name().to_ascii_lowercase(),
    })
}

/// UTF-16 without a BOM shows as every other byte NUL in Latin text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(4096) & !1;
    if n < 8 {
        return None;
    }
    let even = bytes[..n].iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = bytes[1..n].iter().step_by(2).filter(|&&b| b == 0).count();
    let half = n / 2;
    if odd * 10 > half * 8 && even * 10 < half {
        Some(UTF_16LE)
    } else if even * 10 > half * 8 && odd * 10 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)))
        .count();
    head.contains(&0) || controls * 20 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Présents".as_bytes()).unwrap().encoding, "utf-8");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Présents".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            ("Présents", "utf-8")
        );
    }

    #[test]
    fn windows_1252() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Délibération du conseil municipal, séance du 14 février, présents : 12 – l’an deux mille");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("Délibération") && d.text.contains('’') && d.text.contains('–'));
    }

    #[test]
    fn utf16le_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Séance".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&b).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            ("Séance", "utf-16le")
        );
    }

    #[test]
    fn utf16le_without_bom() {
        let b: Vec<u8> = "Conseil municipal"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&b).unwrap().text, "Conseil municipal");
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 3]).is_err());
    }
}
