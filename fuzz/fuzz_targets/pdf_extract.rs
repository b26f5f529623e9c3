//! Bytes through registre's PDF reader. `pdf::extract` catches pdf-extract's panics and turns
//! them into an error; a panic escaping it aborts the run (libFuzzer reports a crash). Stack
//! overflows and memory exhaustion inside pdf-extract cannot be caught in process: they are
//! reported too, and belong to the worker-process isolation of the command.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: {
        // Caught panics stay quiet; one that escapes still aborts.
        std::panic::set_hook(Box::new(|_| {}));
    },
    |data: &[u8]| {
        if let Ok(pdf) = registre::input::pdf::extract(data) {
            assert!(pdf.pages >= 1 || pdf.text.is_empty());
        }
    }
);
