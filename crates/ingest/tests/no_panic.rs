//! Property tests: no reader panics on arbitrary bytes, whatever the file name says, and
//! every reported article or problem is accounted for.

use proptest::prelude::*;
use storyline_ingest::{IngestReport, read_bytes};

const NAMES: &[&str] = &[
    "x.txt",
    "x.jsonl",
    "x.html",
    "x.rss",
    "x.atom",
    "x.xml",
    "x.warc",
    "x.warc.gz",
    "x.sgml",
    "x.csv",
    "x.tsv",
    "noext",
];

/// Prefixes that steer arbitrary bytes into each reader's deeper paths.
const PREFIXES: &[&[u8]] = &[
    b"",
    b" date 2016-12-07 ",
    b"{\"text\":\"",
    b"<!DOCTYPE html><html><body><p>",
    b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><description>",
    b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"html\">",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\n",
    b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
    b"<DOC>\n<DOCNO> APW19990101.0001 </DOCNO>\n<TEXT>\n<P>",
    b"id,date,title,text\n1,2016-12-07,\"A\"\"b\",\"",
    b"Text\tPublished\tSource\n",
];

fn check(name: &str, bytes: &[u8]) {
    let mut report = IngestReport::default();
    let mut n = 0usize;
    read_bytes(name, bytes, &mut report, &mut |a| {
        n += 1;
        assert!(
            !a.id.is_empty() || name.ends_with("html"),
            "article without id"
        );
    });
    assert_eq!(report.files, 1);
    assert_eq!(report.articles, n);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(name in 0..NAMES.len(), bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check(NAMES[name], &bytes);
    }

    #[test]
    fn prefixed_bytes(
        name in 0..NAMES.len(),
        prefix in 0..PREFIXES.len(),
        tail in proptest::collection::vec(any::<u8>(), 0..400),
    ) {
        let mut bytes = PREFIXES[prefix].to_vec();
        bytes.extend_from_slice(&tail);
        check(NAMES[name], &bytes);
    }

    #[test]
    fn arbitrary_text(name in 0..NAMES.len(), prefix in 0..PREFIXES.len(), text in "\\PC{0,300}") {
        let mut bytes = PREFIXES[prefix].to_vec();
        bytes.extend_from_slice(text.as_bytes());
        check(NAMES[name], &bytes);
    }
}
