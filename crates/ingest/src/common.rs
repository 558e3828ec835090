//! Helpers shared by the readers: byte decoding, the output sink with its counters,
//! dates, datelines, outlets and paragraph clean-up.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate};
use regex::Regex;
use storyline_core::{Article, DateSource, Diagnostic, Published};

use crate::IngestReport;

/// Where readers put their articles and problems.
pub(crate) struct Out<'a> {
    /// The report being filled.
    pub report: &'a mut IngestReport,
    /// The caller's article sink.
    pub sink: &'a mut dyn FnMut(Article),
}

/// Runs a reader on an in-memory sink and returns what it produced (for tests).
#[cfg(test)]
pub(crate) fn collect(read: impl FnOnce(&mut Out<'_>)) -> (Vec<Article>, IngestReport) {
    let mut arts = Vec::new();
    let mut report = IngestReport::default();
    let mut sink = |a: Article| arts.push(a);
    let mut out = Out {
        report: &mut report,
        sink: &mut sink,
    };
    read(&mut out);
    (arts, report)
}

impl Out<'_> {
    /// Hands an article to the sink and counts it.
    pub fn emit(&mut self, article: Article) {
        self.report.articles += 1;
        (self.sink)(article);
    }

    /// Records a part of an input that was skipped.
    pub fn skipped(&mut self, location: impl Into<String>, message: impl Into<String>) {
        self.report
            .diagnostics
            .push(Diagnostic::skipped(location, message));
    }

    /// Records a problem after which the input was still (partly) read.
    pub fn warning(&mut self, location: impl Into<String>, message: impl Into<String>) {
        self.report
            .diagnostics
            .push(Diagnostic::warning(location, message));
    }
}

/// 1-based line number of a byte offset.
pub(crate) fn line_of(bytes: &[u8], offset: usize) -> u64 {
    let end = offset.min(bytes.len());
    bytes[..end].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// Decodes bytes as UTF-8. Invalid input is not an error: text that holds valid multi-byte
/// UTF-8 sequences is decoded lossily (bad bytes become U+FFFD); text without any is taken to
/// be Windows-1252 (Latin-1 news archives). Either way a warning names the first bad byte.
pub(crate) fn decode(location: &str, bytes: &[u8], out: &mut Out<'_>) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            let at = e.valid_up_to();
            let has_multibyte = std::str::from_utf8(&bytes[..at])
                .map(|s| s.chars().any(|c| c.len_utf8() > 1))
                .unwrap_or(false)
                || String::from_utf8_lossy(bytes)
                    .chars()
                    .any(|c| c.len_utf8() > 1 && c != '\u{FFFD}');
            let line = line_of(bytes, at);
            if has_multibyte {
                out.warning(
                    format!("{location}:{line}"),
                    format!(
                        "invalid UTF-8 at byte offset {at}; invalid bytes replaced with U+FFFD"
                    ),
                );
                String::from_utf8_lossy(bytes).into_owned()
            } else {
                out.warning(
                    format!("{location}:{line}"),
                    format!("invalid UTF-8 at byte offset {at}; decoded as Windows-1252"),
                );
                bytes.iter().map(|&b| cp1252(b)).collect()
            }
        }
    }
}

/// The character a Windows-1252 byte stands for.
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// The file stem of a path-like name (`dir/a.b.txt` → `a.b`).
pub(crate) fn file_stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let lower = base.to_ascii_lowercase();
    for ext in [".warc.gz", ".jsonl.gz"] {
        if lower.ends_with(ext) {
            return base[..base.len() - ext.len()].to_string();
        }
    }
    match base.rfind('.') {
        Some(i) if i > 0 => base[..i].to_string(),
        _ => base.to_string(),
    }
}

/// The two-letter ISO 639-1 code of a language tag (`en`, `EN`, ` fr-CA`, `pt_BR`), if it
/// starts with one.
pub(crate) fn language_code(tag: &str) -> Option<String> {
    let code = tag.trim().split(['-', '_']).next()?;
    (code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| code.to_ascii_lowercase())
}

/// A date from metadata with full confidence.
pub(crate) fn published(date: NaiveDate, source: DateSource, confidence: f32) -> Published {
    Published {
        date,
        source,
        confidence,
    }
}

/// Parses a date given as `YYYY-MM-DD`, RFC 3339, RFC 2822, `YYYY-MM-DDTHH:MM[:SS]` without a
/// zone, `YYYY/MM/DD`, `MM/DD/YYYY` or `YYYYMMDD` (surrounding text after the date ignored
/// for the ISO forms). The calendar date is the one written (the local date of the outlet).
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])").expect("valid regex")
    });
    static US: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:$|\s)").expect("valid regex"));
    static COMPACT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:$|[T\s])").expect("valid regex"));
    let ymd = |y: &str, m: &str, d: &str| -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    };
    if let Some(c) = ISO.captures(s) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    if let Some(c) = US.captures(s) {
        return ymd(&c[3], &c[1], &c[2]);
    }
    if let Some(c) = COMPACT.captures(s) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    None
}

/// The outlet name derived from a URL: its host without `www.`.
pub(crate) fn outlet_from_url(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    let host = parsed.host_str()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// Splits a dateline (`ALEPPO - `, `(AFP) - `, `WASHINGTON (AP) -- `, `MADRID, February 17
/// (Xinhua) -- `) off the start of a paragraph: returns the dateline and the byte length to
/// remove (the text stage's recogniser, [`storyline_text::dateline`]).
pub(crate) fn split_dateline(paragraph: &str) -> Option<(String, usize)> {
    storyline_text::dateline::split_dateline(paragraph).map(|(d, cut)| (d.to_string(), cut))
}

/// Collapses runs of white space to single spaces and trims.
pub(crate) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut run_start: Option<usize> = None;
    let flush = |out: &mut String, from: Option<usize>, to: usize| {
        if let Some(from) = from {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s[from..to]);
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        let (is_space, width) = if b < 0x80 {
            (b.is_ascii_whitespace() || b == 0x0b, 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if is_space {
            flush(&mut out, run_start.take(), i);
        } else if run_start.is_none() {
            run_start = Some(i);
        }
        i += width;
    }
    flush(&mut out, run_start, bytes.len());
    out
}

/// Joins paragraphs with blank lines, dropping empty ones.
pub(crate) fn join_paragraphs<S: AsRef<str>>(paras: &[S]) -> String {
    let mut out = String::new();
    for p in paras {
        let p = p.as_ref().trim();
        if p.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    out
}

/// Takes a dateline off the first paragraph that starts with one, among the first `within`
/// paragraphs; returns it.
pub(crate) fn take_dateline(paras: &mut [String], within: usize) -> Option<String> {
    for p in paras.iter_mut().take(within) {
        if let Some((dl, cut)) = split_dateline(p) {
            *p = p[cut..].trim_start().to_string();
            return Some(dl);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace() {
        assert_eq!(collapse_ws("  a \t b\u{a0}\u{a0}c\n\nd  "), "a b c d");
        assert_eq!(collapse_ws("é  ü"), "é ü");
        assert_eq!(collapse_ws(" \n "), "");
    }

    #[test]
    fn dates() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_date("2016-12-07"), d(2016, 12, 7));
        assert_eq!(parse_date("2016-12-07T23:30:00-05:00"), d(2016, 12, 7));
        assert_eq!(
            parse_date("Mon, 14 Apr 2025 16:20:00 +0000"),
            d(2025, 4, 14)
        );
        assert_eq!(parse_date("1999-05-19 21:11:17"), d(1999, 5, 19));
        assert_eq!(parse_date("11/23/1998 15:54:00"), d(1998, 11, 23));
        assert_eq!(parse_date("1998-28-06 18:51:00"), None);
        assert_eq!(parse_date("yesterday"), None);
    }

    #[test]
    fn urls_and_stems() {
        assert_eq!(
            outlet_from_url("https://www.example.com/a/b").as_deref(),
            Some("example.com")
        );
        assert_eq!(outlet_from_url("not a url"), None);
        assert_eq!(file_stem("a/b/c.warc.gz"), "c");
        assert_eq!(file_stem("a/APW19990519.0113"), "APW19990519");
        assert_eq!(file_stem("x.txt"), "x");
    }

    #[test]
    fn decoding() {
        let mut report = IngestReport::default();
        let mut sink = |_a: Article| {};
        let mut out = Out {
            report: &mut report,
            sink: &mut sink,
        };
        assert_eq!(decode("f", b"caf\xe9", &mut out), "café");
        assert_eq!(decode("f", b"\xc3\xa9\n\xff", &mut out), "é\n\u{FFFD}");
        assert_eq!(out.report.diagnostics.len(), 2);
        assert!(out.report.diagnostics[0].message.contains("offset 3"));
        assert_eq!(out.report.diagnostics[1].location, "f:2");
    }
}
