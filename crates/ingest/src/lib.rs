//! Ingest: reads news articles from files into [`storyline_core::Article`]s.
//!
//! Formats: plain text (`.txt`, with an optional ` date YYYY-MM-DD` header), JSON Lines
//! (`.jsonl`), CSV/TSV tables with a header row (`.csv`, `.tsv`), HTML pages, RSS/Atom feeds,
//! WARC archives (plain or gzip) and TREC SGML (DUC).
//! Every article keeps where it came from ([`storyline_core::Origin`]). Bad input never
//! panics: each problem becomes a [`storyline_core::Diagnostic`] naming the file and line or
//! offset, and reading goes on with the rest. Articles are handed to the caller's sink as
//! soon as they are read.
//!
//! The format is chosen from the file extension; files with another or no extension are
//! sniffed from their content ([`detect_format`]). Text that is not valid UTF-8 is read
//! anyway with a warning: lossily when it holds valid multi-byte UTF-8, else as
//! Windows-1252.

#![warn(missing_docs)]

mod common;
mod feed;
mod html;
mod jsonl;
mod record;
mod sgml;
mod table;
mod text;
mod warc;

use std::io::Read;
use std::path::{Path, PathBuf};

use storyline_core::{Article, Diagnostic};

use crate::common::{Out, decode};

/// What a run of the readers produced besides articles.
#[derive(Debug, Default, Clone)]
pub struct IngestReport {
    /// Files opened.
    pub files: usize,
    /// Articles produced.
    pub articles: usize,
    /// Problems, each naming its file and line or offset.
    pub diagnostics: Vec<Diagnostic>,
}

/// Limits of a reading run.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Files larger than this many bytes are skipped with a diagnostic (also the limit on
    /// the decompressed size of a gzip file).
    pub max_file_bytes: u64,
}

/// Default size limit: 256 MiB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, one article per file.
    Text,
    /// JSON Lines, one article per line.
    JsonLines,
    /// An HTML page holding one article.
    Html,
    /// An RSS 2.0 or Atom feed.
    Feed,
    /// A WARC archive, plain or gzip-compressed.
    Warc,
    /// TREC SGML (`<DOC>` elements, DUC/TAC document files).
    Sgml,
    /// Comma-separated values with a header row, one article per row.
    Csv,
    /// Tab-separated values with a header row, one article per row.
    Tsv,
}

/// Reads every supported file under the paths (files or directories, recursively, in sorted
/// order) and hands each article to `sink` as soon as it is read.
pub fn read_paths(paths: &[PathBuf], sink: &mut dyn FnMut(Article)) -> IngestReport {
    read_paths_with(paths, &ReadOptions::default(), sink)
}

/// [`read_paths`] with explicit limits.
pub fn read_paths_with(
    paths: &[PathBuf],
    options: &ReadOptions,
    sink: &mut dyn FnMut(Article),
) -> IngestReport {
    let mut report = IngestReport::default();
    for p in paths {
        let shown = p.display().to_string();
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => read_dir(p, options, &mut report, sink),
            Ok(_) => read_file(p, options, &mut report, sink),
            Err(e) => report
                .diagnostics
                .push(Diagnostic::skipped(shown, format!("cannot open: {e}"))),
        }
    }
    report
}

/// Files found while walking a directory that are documentation, styling or media beside the
/// articles (a corpus README, images): passed over without a diagnostic. Named explicitly on
/// the command line, they are still reported.
fn is_companion_file(path: &Path) -> bool {
    const COMPANIONS: &[&str] = &[
        "md", "markdown", "rst", "pdf", "png", "jpg", "jpeg", "gif", "svg", "webp", "css", "js",
    ];
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPANIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn read_dir(
    dir: &Path,
    options: &ReadOptions,
    report: &mut IngestReport,
    sink: &mut dyn FnMut(Article),
) {
    let mut files = 0usize;
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                files += 1;
                if is_companion_file(e.path()) {
                    tracing::debug!(path = %e.path().display(), "passed over: not an article format");
                    continue;
                }
                read_file(e.path(), options, report, sink);
            }
            Ok(_) => {}
            Err(e) => {
                let at = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| dir.display().to_string());
                report
                    .diagnostics
                    .push(Diagnostic::skipped(at, format!("cannot read: {e}")));
            }
        }
    }
    if files == 0 {
        report.diagnostics.push(Diagnostic::skipped(
            dir.display().to_string(),
            "directory holds no (non-hidden) files",
        ));
    }
}

fn read_file(
    path: &Path,
    options: &ReadOptions,
    report: &mut IngestReport,
    sink: &mut dyn FnMut(Article),
) {
    let name = path.display().to_string();
    let too_big = |size: u64| {
        Diagnostic::skipped(
            name.clone(),
            format!(
                "file is {size} bytes, over the {} byte limit",
                options.max_file_bytes
            ),
        )
    };
    match std::fs::metadata(path) {
        Ok(m) if m.len() > options.max_file_bytes => {
            report.files += 1;
            report.diagnostics.push(too_big(m.len()));
            return;
        }
        _ => {}
    }
    let bytes = match std::fs::File::open(path).and_then(|f| {
        let mut buf = Vec::new();
        f.take(options.max_file_bytes + 1).read_to_end(&mut buf)?;
        Ok(buf)
    }) {
        Ok(b) => b,
        Err(e) => {
            report.files += 1;
            report
                .diagnostics
                .push(Diagnostic::skipped(name, format!("cannot read: {e}")));
            return;
        }
    };
    if bytes.len() as u64 > options.max_file_bytes {
        report.files += 1;
        report.diagnostics.push(too_big(bytes.len() as u64));
        return;
    }
    read_bytes_with(&name, &bytes, options, report, sink);
}

/// Reads one in-memory file; `name` stands for its path (the format is chosen from the name's
/// extension and, failing that, from the content).
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    report: &mut IngestReport,
    sink: &mut dyn FnMut(Article),
) {
    read_bytes_with(name, bytes, &ReadOptions::default(), report, sink);
}

/// [`read_bytes`] with explicit limits.
pub fn read_bytes_with(
    name: &str,
    bytes: &[u8],
    options: &ReadOptions,
    report: &mut IngestReport,
    sink: &mut dyn FnMut(Article),
) {
    report.files += 1;
    let mut out = Out { report, sink };
    read_any(name, bytes, options, &mut out);
}

fn read_any(name: &str, bytes: &[u8], options: &ReadOptions, out: &mut Out<'_>) {
    let Some(format) = detect_format(name, bytes) else {
        out.skipped(
            name,
            "unknown format (expected .txt, .jsonl, .csv/.tsv, .html, .rss/.atom/.xml, .warc[.gz] or TREC SGML)",
        );
        return;
    };
    match format {
        Format::Text => text::read(name, &decode(name, bytes, out), out),
        Format::JsonLines => jsonl::read(name, bytes, out),
        Format::Sgml => sgml::read(name, &decode(name, bytes, out), out),
        Format::Html => {
            let origin = storyline_core::Origin {
                path: name.to_string(),
                ..Default::default()
            };
            let text = decode(name, bytes, out);
            html::read(name, &text, origin, html::PageHint::default(), out);
        }
        Format::Feed => feed::read(name, &decode(name, bytes, out), out),
        Format::Warc => warc::read(name, bytes, options, out),
        Format::Csv => table::read(name, bytes, b',', out),
        Format::Tsv => table::read(name, bytes, b'\t', out),
    }
}

/// The lower-cased extension of a name (`.warc.gz` counts as `warc.gz`).
fn extension(name: &str) -> String {
    let base = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase();
    if base.ends_with(".warc.gz") {
        return "warc.gz".to_string();
    }
    match base.rfind('.') {
        Some(i) if i > 0 => base[i + 1..].to_string(),
        _ => String::new(),
    }
}

/// Chooses the reader for a file: by extension, with content sniffing for unknown
/// extensions (and for `.txt`/`.xml` files that actually hold TREC SGML).
pub fn detect_format(name: &str, bytes: &[u8]) -> Option<Format> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let is_sgml = sgml::sniff(&head);
    match extension(name).as_str() {
        "txt" | "text" if is_sgml => Some(Format::Sgml),
        "txt" | "text" => Some(Format::Text),
        "jsonl" | "ndjson" => Some(Format::JsonLines),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "xml" if is_sgml => Some(Format::Sgml),
        "rss" | "atom" | "xml" => Some(Format::Feed),
        "warc" | "warc.gz" => Some(Format::Warc),
        "sgml" | "sgm" => Some(Format::Sgml),
        "csv" => Some(Format::Csv),
        "tsv" | "tab" => Some(Format::Tsv),
        _ => sniff(bytes, &head),
    }
}

/// Guesses the format from the content.
fn sniff(bytes: &[u8], head: &str) -> Option<Format> {
    if bytes.starts_with(b"WARC/") || bytes.starts_with(&[0x1f, 0x8b]) {
        return Some(Format::Warc);
    }
    if sgml::sniff(head) {
        return Some(Format::Sgml);
    }
    let t = head.trim_start_matches('\u{feff}').trim_start();
    let lower: String = t.chars().take(512).collect::<String>().to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return Some(Format::Html);
    }
    if lower.starts_with("<?xml") || lower.starts_with("<rss") || lower.starts_with("<feed") {
        if lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf") {
            return Some(Format::Feed);
        }
        if lower.contains("<html") {
            return Some(Format::Html);
        }
        return None;
    }
    if t.starts_with('{') {
        let first = t.lines().next().unwrap_or("");
        if serde_json::from_str::<serde_json::Value>(first).is_ok_and(|v| v.is_object()) {
            return Some(Format::JsonLines);
        }
    }
    if t.starts_with("date ") && head.trim_start().len() > 15 {
        return Some(Format::Text);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corpus_readme_is_passed_over_in_a_directory_but_reported_when_named() {
        let dir = std::env::temp_dir().join(format!("storyline-companion-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("README.md"), "# About this corpus\n").unwrap();
        std::fs::write(
            dir.join("a.txt"),
            "The council approved the tram line on Tuesday.\n",
        )
        .unwrap();
        let mut n = 0;
        let report = read_paths(std::slice::from_ref(&dir), &mut |_| n += 1);
        assert_eq!(n, 1);
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
        let report = read_paths(&[dir.join("README.md")], &mut |_| n += 1);
        assert_eq!(report.diagnostics.len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn formats() {
        assert_eq!(detect_format("a.txt", b"x"), Some(Format::Text));
        assert_eq!(
            detect_format("a.TXT", b"<DOC>\n<DOCNO> X </DOCNO>"),
            Some(Format::Sgml)
        );
        assert_eq!(
            detect_format("d/APW1999.01", b"\n<DOC>\n<DOCNO> X </DOCNO>"),
            Some(Format::Sgml)
        );
        assert_eq!(
            detect_format("x", b"{\"text\":\"a\"}\n"),
            Some(Format::JsonLines)
        );
        assert_eq!(
            detect_format("x", b"<!DOCTYPE html><html>"),
            Some(Format::Html)
        );
        assert_eq!(
            detect_format("x", b"<?xml version=\"1.0\"?><rss>"),
            Some(Format::Feed)
        );
        assert_eq!(
            detect_format("x", b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Some(Format::Feed)
        );
        assert_eq!(detect_format("x.warc.gz", b""), Some(Format::Warc));
        assert_eq!(detect_format("x", b"WARC/1.0\r\n"), Some(Format::Warc));
        assert_eq!(detect_format("x.bin", b"\x00\x01"), None);
    }
}
