//! The built-in demo corpus: the files of `examples/demo/`, compiled into the binary.

use storyline_core::Article;
use storyline_ingest::IngestReport;

/// The demo files: (path shown in the briefing, content).
const FILES: &[(&str, &[u8])] = &[
    (
        "examples/demo/capital-daily.jsonl",
        include_bytes!("../../../examples/demo/capital-daily.jsonl"),
    ),
    (
        "examples/demo/feeds/valley-courier.rss",
        include_bytes!("../../../examples/demo/feeds/valley-courier.rss"),
    ),
    (
        "examples/demo/harbor-ledger-dam-rescue.html",
        include_bytes!("../../../examples/demo/harbor-ledger-dam-rescue.html"),
    ),
    (
        "examples/demo/harbor-ledger-tram.txt",
        include_bytes!("../../../examples/demo/harbor-ledger-tram.txt"),
    ),
    (
        "examples/demo/northwind-2025-04-14-dam.txt",
        include_bytes!("../../../examples/demo/northwind-2025-04-14-dam.txt"),
    ),
    (
        "examples/demo/rrn-2025-04-16-dam-inquiry.txt",
        include_bytes!("../../../examples/demo/rrn-2025-04-16-dam-inquiry.txt"),
    ),
];

/// Reads the demo corpus.
pub fn read(sink: &mut dyn FnMut(Article)) -> IngestReport {
    let mut report = IngestReport::default();
    for (name, bytes) in FILES {
        storyline_ingest::read_bytes(name, bytes, &mut report, sink);
    }
    report
}

/// The demo files as owned (name, bytes) pairs, for the server.
pub fn files() -> Vec<(String, Vec<u8>)> {
    FILES
        .iter()
        .map(|(n, b)| (n.to_string(), b.to_vec()))
        .collect()
}
