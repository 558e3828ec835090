//! Fuzz target: the ingest reader chosen for `fuzz.csv` must never panic, and its counters must
//! match what it handed over.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_ingest::{IngestReport, read_bytes};

fuzz_target!(|data: &[u8]| {
    let mut report = IngestReport::default();
    let mut n = 0usize;
    read_bytes(
        "fuzz.csv",
        data,
        &mut report,
        &mut |_a: storyline_core::Article| n += 1,
    );
    assert_eq!(report.articles, n);
});
