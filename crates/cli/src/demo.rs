//! The built-in demo corpus: the files of `examples/demo/`, compiled into the binary.

use storyline_core::Article;
use storyline_ingest::IngestReport;

/// The demo files: (path shown in the briefing, content).
const FILES: &[(&str, &[u8])] = &[];

/// Reads the demo corpus.
pub fn read(sink: &mut dyn FnMut(Article)) -> IngestReport {
    let mut report = IngestReport::default();
    for (name, bytes) in FILES {
        storyline_ingest::read_bytes(name, bytes, &mut report, sink);
    }
    report
}
