//! Integration tests of every reader on realistic fixtures (tests/data), on the real seed
//! articles and DUC files of /work/shared (skipped when absent), and on bad input.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use flate2::Compression;
use flate2::write::GzEncoder;
use storyline_core::{Article, DateSource, Severity};
use storyline_ingest::{IngestReport, ReadOptions, read_bytes, read_paths, read_paths_with};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipping: {} not found", p.display());
        None
    }
}

fn read(paths: &[PathBuf]) -> (Vec<Article>, IngestReport) {
    let mut arts = Vec::new();
    let report = read_paths(paths, &mut |a| arts.push(a));
    (arts, report)
}

fn read_mem(name: &str, bytes: &[u8]) -> (Vec<Article>, IngestReport) {
    let mut arts = Vec::new();
    let mut report = IngestReport::default();
    read_bytes(name, bytes, &mut report, &mut |a| arts.push(a));
    (arts, report)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn html_news_page() {
    let (arts, report) = read(&[data("news-page.html")]);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert_eq!(arts.len(), 1);
    let a = &arts[0];
    assert_eq!(a.id, "news-page");
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.meridianpost.example/world/2024/03/09/orlan-flood-barrier")
    );
    assert_eq!(a.outlet, "Meridian Post");
    assert_eq!(
        a.title.as_deref(),
        Some("Orlan flood barrier gives way as river reaches record level")
    );
    // JSON-LD datePublished as written (New York time), not the meta tag's.
    assert_eq!(a.date(), Some(day(2024, 3, 8)));
    assert_eq!(a.dateline.as_deref(), Some("ORLAN (Meridian Post)"));
    assert!(
        a.text
            .starts_with("A temporary flood barrier on the river Orla"),
        "{}",
        a.text
    );
    assert!(
        a.text.ends_with("due in the mountains on Sunday."),
        "{}",
        a.text
    );
    assert_eq!(a.text.matches("\n\n").count(), 3, "{}", a.text);
    for junk in [
        "Share this",
        "Most read",
        "READ MORE",
        "Related",
        "newsletter",
        "Photograph",
        "©",
        "Business",
        "By Tomas",
        "HTML comment",
        "dataLayer",
        "display",
    ] {
        assert!(!a.text.contains(junk), "{junk:?} in {}", a.text);
    }
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(a.origin.path, data("news-page.html").display().to_string());
}

#[test]
fn html_without_article_is_reported() {
    let (arts, report) = read(&[data("no-article.html"), data("news-page.html")]);
    assert_eq!(arts.len(), 1, "the good page is still read");
    assert_eq!(report.diagnostics.len(), 1);
    let d = &report.diagnostics[0];
    assert!(d.location.ends_with("no-article.html"), "{d}");
    assert!(d.message.contains("no article text"), "{d}");
}

#[test]
fn rss_feed() {
    let (arts, report) = read(&[data("wire.rss")]);
    assert_eq!(arts.len(), 2);
    let a = &arts[0];
    assert_eq!(a.outlet, "Baltic Wire");
    assert_eq!(a.title.as_deref(), Some("Port strike ends after pay deal"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://balticwire.example/2024/03/08/port-strike-ends")
    );
    // The local date written in pubDate, not the UTC date (2024-03-09).
    assert_eq!(a.date(), Some(day(2024, 3, 8)));
    assert_eq!(a.dateline.as_deref(), Some("KLAIPEDA (Baltic Wire)"));
    assert_eq!(
        a.text,
        "Dock workers in Klaipeda voted on Friday to end a nine-day strike after accepting a 6 \
         percent pay rise.\n\nShipping lines said it would take a week to clear the backlog of \
         containers."
    );
    assert_eq!(a.origin.item, Some(0));
    let b = &arts[1];
    assert_eq!(
        b.text,
        "The overnight ferry to Kiel sailed again on Saturday, the operator said."
    );
    assert_eq!(b.date(), Some(day(2024, 3, 9)));
    assert_eq!(b.origin.item, Some(1));
    let raw = std::fs::read_to_string(data("wire.rss")).expect("fixture");
    let off = b.origin.offset.expect("item offset") as usize;
    assert!(raw[off..].starts_with("<item>"));
    // The third item has no text.
    assert_eq!(report.diagnostics.len(), 1);
    assert!(
        report.diagnostics[0].location.ends_with("#2"),
        "{}",
        report.diagnostics[0]
    );
}

#[test]
fn atom_feed() {
    let (arts, report) = read(&[data("newsroom.atom")]);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0].outlet, "Northern Ledger");
    assert_eq!(
        arts[0].id,
        "https://northernledger.example/2024/03/09/bridge"
    );
    assert_eq!(
        arts[0].text,
        "The city council approved a new bridge over the Orla on Saturday by 30 votes to 9.\n\n\
         Construction is due to start in 2026."
    );
    assert_eq!(arts[0].date(), Some(day(2024, 3, 9)));
    // No link: the entry id; date from <updated>.
    assert_eq!(arts[1].id, "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6b");
    assert_eq!(arts[1].date(), Some(day(2024, 3, 8)));
}

#[test]
fn json_lines() {
    let (arts, report) = read(&[data("wire.jsonl")]);
    let ids: Vec<&str> = arts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["w-1", "w-2", "wire:4"]);
    assert_eq!(arts[0].outlet, "wirenews.example");
    assert_eq!(arts[0].text, "First article text.\n\nSecond paragraph.");
    assert_eq!(arts[1].outlet, "Wire News");
    assert_eq!(arts[1].date(), Some(day(2024, 3, 9)));
    assert_eq!(arts[2].outlet, "unknown");
    assert_eq!(arts[2].origin.line, Some(4));
    let locs: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| d.location.rsplit('/').next().unwrap_or("").to_string())
        .collect();
    assert_eq!(locs, ["wire.jsonl:3", "wire.jsonl:6"]);
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.severity == Severity::Skipped)
    );
}

#[test]
fn trec_sgml_fixture() {
    let (arts, report) = read(&[data("trec-two-docs.sgml")]);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert_eq!(arts.len(), 2);
    let a = &arts[0];
    assert_eq!(a.id, "APW20240308.0107");
    assert_eq!(a.outlet, "Associated Press");
    assert_eq!(a.title.as_deref(), Some("River Orla nears record"));
    assert_eq!(a.dateline.as_deref(), Some("ORLAN, Poland (AP)"));
    assert_eq!(
        a.text,
        "The river Orla rose to within 20 centimeters of its record level on Friday, and \
         officials said a temporary barrier \"would hold for now.\"\n\nAbout 3,000 people were \
         moved to schools & sports halls."
    );
    assert_eq!(a.date(), Some(day(2024, 3, 8)));
    let b = &arts[1];
    assert_eq!(b.outlet, "Xinhua");
    assert_eq!(b.dateline.as_deref(), Some("WARSAW, March 9 (Xinhua)"));
    assert_eq!(
        b.text,
        "A flood barrier in the Polish town of Orlan gave way early on Saturday, local \
         authorities said.\n\nThe army sent 400 soldiers to help."
    );
    // DATE_TIME 2024-09-03 contradicts the DOCNO: the DOCNO wins.
    assert_eq!(b.date(), Some(day(2024, 3, 9)));
    assert_eq!(b.origin.line, Some(28));
    assert_eq!(b.origin.item, Some(1));
}

#[test]
fn timeline17_csv_tables() {
    let Some(dir) = shared("data/timeline17/articles") else {
        return;
    };
    let (arts, report) = read(&[dir]);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    // Rows per file, as Python's csv module counts them: 216 + 256 + 370 + 278.
    assert_eq!(arts.len(), 1_120);
    assert!(arts.iter().all(|a| a.published.is_some()));
    let first = arts.iter().find(|a| a.id == "h1n1:2").expect("h1n1 row 1");
    assert_eq!(first.date(), Some(day(2009, 3, 2)));
    assert!(
        first.text.starts_with("By Maggie Fox"),
        "{}",
        &first.text[..80]
    );
    // A row's text spans several lines; the next row's line counts them.
    let lines: Vec<u64> = arts
        .iter()
        .filter(|a| a.origin.path.ends_with("h1n1.csv"))
        .filter_map(|a| a.origin.line)
        .collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]));
    assert!(lines[1] > 3, "{lines:?}");
}

#[test]
fn seeds() {
    let Some(dir) = shared("seeds") else { return };
    let (arts, report) = read(&[dir]);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert_eq!(arts.len(), 5);
    let by = |prefix: &str| {
        arts.iter()
            .find(|a| a.id.starts_with(prefix))
            .unwrap_or_else(|| panic!("seed {prefix}"))
    };
    let s0 = by("000_");
    assert_eq!(s0.dateline.as_deref(), Some("ALEPPO"));
    assert!(
        s0.text.starts_with("Syria’s army seized key ground"),
        "{}",
        s0.text
    );
    assert!(!s0.text.contains("ALEPPO -"));
    let s1 = by("001_");
    let p = s1.published.as_ref().expect("header date");
    assert_eq!(p.date, day(2016, 12, 7));
    assert_eq!(p.source, DateSource::Header);
    assert_eq!(p.confidence, 1.0);
    assert!(s1.text.starts_with("Syria’s army"), "{}", s1.text);
    assert_eq!(by("002_").title, None);
    assert_eq!(
        by("003_").title.as_deref(),
        Some("Syrian government forces advance on rebel-held Aleppo")
    );
    let s4 = by("004_");
    assert_eq!(
        s4.title.as_deref(),
        Some("Syria regime advances south of Aleppo")
    );
    assert_eq!(s4.dateline.as_deref(), Some("(AFP)"));
    assert!(!s4.text.contains("(AFP) -"));
    assert!(arts.iter().all(|a| a.outlet == "unknown"));
    // Files are read in sorted order.
    let ids: Vec<&str> = arts.iter().map(|a| &a.id[..3]).collect();
    assert_eq!(ids, ["000", "001", "002", "003", "004"]);
}

#[test]
fn duc_file() {
    let Some(f) = shared("data/duc2003/docs.without.headlines/d100a/APW19990519.0113") else {
        return;
    };
    let (arts, report) = read(&[f]);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert_eq!(arts.len(), 1);
    let a = &arts[0];
    assert_eq!(a.id, "APW19990519.0113");
    assert_eq!(a.outlet, "Associated Press");
    assert_eq!(a.date(), Some(day(1999, 5, 19)));
    assert_eq!(a.dateline.as_deref(), Some("WASHINGTON (AP)"));
    assert!(
        a.text
            .starts_with("Schizophrenia patients whose medication couldn't stop")
    );
    assert!(
        a.text
            .contains("\"having a woodpecker knock on your head\"")
    );
    assert!(!a.text.contains('<'));
}

/// One WARC record.
fn warc_record(kind: &str, uri: &str, ctype: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: <{uri}>\r\nWARC-Date: 2024-03-10T12:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{}>\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
    r.extend_from_slice(body);
    r
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

/// A WARC with: warcinfo, request, the news page (200), a 404, an image, a page without an
/// article, a gzip-encoded chunked page without metadata.
fn warc_records() -> Vec<Vec<u8>> {
    let page = std::fs::read(data("news-page.html")).expect("fixture");
    let empty = std::fs::read(data("no-article.html")).expect("fixture");
    let small = b"<html><body><div><p>SOFIA (Reuters) - Bulgaria's parliament voted on Sunday, \
        after a long debate, to extend the state of emergency by a month.</p></div></body></html>";
    let gz = gzip(small);
    let mut chunked = format!("{:x}\r\n", 10).into_bytes();
    chunked.extend_from_slice(&gz[..10]);
    chunked.extend_from_slice(format!("\r\n{:x}\r\n", gz.len() - 10).as_bytes());
    chunked.extend_from_slice(&gz[10..]);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    vec![
        warc_record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        warc_record(
            "request",
            "https://p.example/a",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\n\r\n",
        ),
        warc_record(
            "response",
            "https://p.example/a",
            "application/http; msgtype=response",
            &http(
                "200 OK",
                "Content-Type: text/html; charset=utf-8\r\n",
                &page,
            ),
        ),
        warc_record(
            "response",
            "https://p.example/gone",
            "application/http; msgtype=response",
            &http(
                "404 Not Found",
                "Content-Type: text/html\r\n",
                b"<p>gone</p>",
            ),
        ),
        warc_record(
            "response",
            "https://p.example/i.jpg",
            "application/http; msgtype=response",
            &http("200 OK", "Content-Type: image/jpeg\r\n", b"\xff\xd8\xff"),
        ),
        warc_record(
            "response",
            "https://p.example/404page",
            "application/http; msgtype=response",
            &http("200 OK", "Content-Type: text/html\r\n", &empty),
        ),
        warc_record(
            "response",
            "https://www.sofianews.example/b",
            "application/http; msgtype=response",
            &http(
                "200 OK",
                "Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
                &chunked,
            ),
        ),
    ]
}

fn check_warc_articles(arts: &[Article]) {
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0].id, "https://p.example/a");
    assert_eq!(arts[0].outlet, "Meridian Post");
    assert_eq!(arts[0].date(), Some(day(2024, 3, 8)));
    let b = &arts[1];
    assert_eq!(b.id, "https://www.sofianews.example/b");
    assert_eq!(b.outlet, "sofianews.example");
    assert_eq!(b.dateline.as_deref(), Some("SOFIA (Reuters)"));
    assert!(b.text.starts_with("Bulgaria's parliament voted on Sunday"));
    // WARC-Date as a low-confidence fallback.
    let p = b.published.as_ref().expect("warc date");
    assert_eq!(p.date, day(2024, 3, 10));
    assert!(p.confidence < 1.0);
}

#[test]
fn warc_plain() {
    let records = warc_records();
    let offsets: Vec<u64> = records
        .iter()
        .scan(0u64, |acc, r| {
            let o = *acc;
            *acc += r.len() as u64;
            Some(o)
        })
        .collect();
    let file = records.concat();
    let (arts, report) = read_mem("crawl.warc", &file);
    check_warc_articles(&arts);
    assert_eq!(arts[0].origin.offset, Some(offsets[2]));
    assert_eq!(arts[1].origin.offset, Some(offsets[6]));
    assert_eq!(report.diagnostics.len(), 1, "{:?}", report.diagnostics);
    assert_eq!(
        report.diagnostics[0].location,
        format!("crawl.warc@{}", offsets[5])
    );
}

#[test]
fn warc_gzip_members_and_truncation() {
    let members: Vec<Vec<u8>> = warc_records().iter().map(|r| gzip(r)).collect();
    let offsets: Vec<u64> = members
        .iter()
        .scan(0u64, |acc, r| {
            let o = *acc;
            *acc += r.len() as u64;
            Some(o)
        })
        .collect();
    let file = members.concat();
    let (arts, report) = read_mem("crawl.warc.gz", &file);
    check_warc_articles(&arts);
    assert_eq!(arts[0].origin.offset, Some(offsets[2]));
    assert_eq!(arts[1].origin.offset, Some(offsets[6]));
    assert_eq!(report.diagnostics.len(), 1);

    // Cut inside the last member: the records before it are still read.
    let cut = &file[..file.len() - 20];
    let (arts, report) = read_mem("cut.warc.gz", cut);
    assert_eq!(arts.len(), 1);
    let last = report.diagnostics.last().expect("truncation reported");
    assert_eq!(last.location, format!("cut.warc.gz@{}", offsets[6]));
    assert!(
        last.message.contains("truncated") || last.message.contains("corrupt"),
        "{last}"
    );

    // Sniffed without an extension.
    let (arts, _) = read_mem("crawl-data", &file);
    assert_eq!(arts.len(), 2);
}

#[test]
fn invalid_utf8_text_is_read_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("latin1.txt");
    std::fs::write(
        &p,
        b"Title line\n\nZ\xfcrich (AFP) - The caf\xe9 opened on Monday.\n",
    )
    .expect("write");
    let (arts, report) = read(std::slice::from_ref(&p));
    assert_eq!(arts.len(), 1);
    assert_eq!(arts[0].text, "The café opened on Monday.");
    assert_eq!(arts[0].title.as_deref(), Some("Title line"));
    assert_eq!(arts[0].dateline.as_deref(), Some("Zürich (AFP)"));
    let d = &report.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.location, format!("{}:3", p.display()));
    assert!(d.message.contains("offset 13"), "{d}");
}

#[test]
fn empty_dir_unreadable_file_size_limit_and_unknown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    std::fs::create_dir(empty.join(".hidden")).expect("mkdir");
    std::fs::write(empty.join(".hidden/x.txt"), "Hidden text.").expect("write");
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "A".repeat(2000)).expect("write");
    let unknown = dir.path().join("blob.bin");
    std::fs::write(&unknown, [0u8, 1, 2, 3]).expect("write");
    let missing = dir.path().join("missing.txt");
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Some text.").expect("write");
    let mut arts = Vec::new();
    let report = read_paths_with(
        &[
            empty.clone(),
            big.clone(),
            unknown.clone(),
            missing.clone(),
            good,
        ],
        &ReadOptions {
            max_file_bytes: 1000,
        },
        &mut |a| arts.push(a),
    );
    assert_eq!(arts.len(), 1);
    let msgs: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(msgs.len(), 4, "{msgs:?}");
    assert!(
        msgs[0].starts_with(&empty.display().to_string())
            && msgs[0].contains("no (non-hidden) files")
    );
    assert!(msgs[1].starts_with(&big.display().to_string()) && msgs[1].contains("limit"));
    assert!(
        msgs[2].starts_with(&unknown.display().to_string()) && msgs[2].contains("unknown format")
    );
    assert!(msgs[3].starts_with(&missing.display().to_string()) && msgs[3].contains("cannot open"));
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("secret.txt");
    std::fs::write(&p, "text").expect("write");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&p).is_ok() {
        eprintln!("skipping: running as a user who can read mode-000 files (root)");
        return;
    }
    let ok = dir.path().join("ok.txt");
    std::fs::write(&ok, "Readable text.").expect("write");
    let (arts, report) = read(&[dir.path().to_path_buf()]);
    assert_eq!(arts.len(), 1);
    assert_eq!(report.diagnostics.len(), 1);
    assert!(report.diagnostics[0].location.ends_with("secret.txt"));
    assert!(report.diagnostics[0].message.contains("cannot read"));
}

#[test]
fn streaming_hands_articles_over_one_by_one() {
    // The sink deletes the second file when it receives the first article: the deletion is
    // seen only if the first article was handed over before the second file was read.
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "First text.").expect("write");
    std::fs::write(&b, "Second text.").expect("write");
    let mut seen = Vec::new();
    let report = read_paths(&[dir.path().to_path_buf()], &mut |art| {
        seen.push(art.id.clone());
        let _ = std::fs::remove_file(&b);
    });
    assert_eq!(seen, ["a"]);
    assert_eq!(report.diagnostics.len(), 1);
    assert!(report.diagnostics[0].location.ends_with("b.txt"));
}
