//! Bytes through the path `registre parse` and `registre check` take for a text input:
//! decoding, normalization, the parser and its checks, the JSON record, the findings placed
//! and rendered, the rows of `registre refs`. Any panic is a bug in registre.
#![no_main]

use libfuzzer_sys::fuzz_target;
use registre::output::{check as out_check, refs};

fuzz_target!(|data: &[u8]| {
    // Inputs with a PDF signature go to the PDF reader: the `pdf_extract` target's ground.
    if registre::input::looks_like_pdf(data) {
        return;
    }
    let src = match registre::input::from_bytes("fuzz.txt", data) {
        Ok(src) => src,
        Err(e) => {
            let _ = serde_json::to_string(&e.to_record()).unwrap();
            return;
        }
    };
    let (doc, text) = registre::parse::parse_keeping_text(&src);
    let _ = serde_json::to_string(&doc).unwrap();
    let findings = registre::check::run(&doc, text.as_str());
    for l in out_check::locate(&doc.source.path, text.as_str(), findings) {
        let _ = out_check::human(&l);
        let _ = out_check::json_line(&l);
    }
    let _ = refs::list(&doc);
});
