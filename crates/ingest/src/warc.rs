//! WARC reader (`.warc`, `.warc.gz`): HTML pages from `response` (and `resource`) records.
//!
//! Rules: records are parsed by a small parser of our own (version line, named fields,
//! `Content-Length` block). `response` records with an `application/http` block have their
//! HTTP status line and headers skipped (chunked transfer coding and gzip/deflate content
//! coding are undone); pages whose HTTP status is not 2xx or whose content type is not HTML
//! are passed over silently (they are not articles). Each HTML payload goes to the HTML
//! reader with `WARC-Target-URI` as id and url, and `WARC-Date` as a fallback date
//! (confidence 0.5). Gzip files are read one gzip member at a time (the usual one member per
//! record), so `origin.offset` is the compressed offset of the member, as in CDX indexes;
//! when a member holds several records, the ones after the first get `origin.item` = their
//! position in the member (1, 2, …). In a plain WARC,
//! `origin.offset` is the record's byte offset. A truncated or corrupt member or record is
//! reported with its offset; the records before it are still read.

use std::io::Read;

use storyline_core::Origin;

use crate::ReadOptions;
use crate::common::{Out, decode, parse_date};
use crate::html::{self, PageHint};

/// Reads a WARC file, plain or gzip-compressed.
pub(crate) fn read(name: &str, bytes: &[u8], options: &ReadOptions, out: &mut Out<'_>) {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        read_gzip(name, bytes, options, out);
    } else {
        let mut pages = 0;
        parse_records(name, bytes, None, out, &mut pages);
        if pages == 0 {
            out.skipped(name, "no HTML response record in WARC file");
        }
    }
}

fn read_gzip(name: &str, bytes: &[u8], options: &ReadOptions, out: &mut Out<'_>) {
    let mut rest = bytes;
    let mut total = 0u64;
    let mut pages = 0usize;
    while !rest.is_empty() {
        let member_offset = (bytes.len() - rest.len()) as u64;
        if rest.iter().all(|&b| b == 0) {
            break; // zero padding at the end
        }
        let mut decoder = flate2::bufread::GzDecoder::new(rest);
        let mut data = Vec::new();
        let budget = options.max_file_bytes.saturating_sub(total) + 1;
        let result = (&mut decoder).take(budget).read_to_end(&mut data);
        total += data.len() as u64;
        if total > options.max_file_bytes {
            out.skipped(
                format!("{name}@{member_offset}"),
                format!(
                    "decompressed size over the {} byte limit; rest of the file skipped",
                    options.max_file_bytes
                ),
            );
            return;
        }
        let remaining = decoder.into_inner();
        match result {
            Ok(_) => {
                parse_records(name, &data, Some(member_offset), out, &mut pages);
                if remaining.len() == rest.len() {
                    break; // nothing consumed: avoid looping forever
                }
                rest = remaining;
            }
            Err(e) => {
                // Keep what decompressed before the damage.
                parse_records(name, &data, Some(member_offset), out, &mut pages);
                out.skipped(
                    format!("{name}@{member_offset}"),
                    format!("corrupt or truncated gzip member: {e}; rest of the file skipped"),
                );
                return;
            }
        }
    }
    if pages == 0 {
        out.skipped(name, "no HTML response record in WARC file");
    }
}

/// Finds the end of a header block (`\r\n\r\n` or `\n\n`): (header length, block start).
fn header_end(data: &[u8]) -> Option<(usize, usize)> {
    let crlf = data
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, i + 4));
    let lf = data
        .windows(2)
        .position(|w| w == b"\n\n")
        .map(|i| (i, i + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn header<'h>(headers: &'h [(String, String)], key: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v.as_str())
}

fn parse_headers(text: &str) -> Vec<(String, String)> {
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let (k, v) = l.split_once(':')?;
            Some((k.trim().to_string(), v.trim().to_string()))
        })
        .collect()
}

/// Parses the records in `data`; `member` is the compressed offset of the gzip member the
/// data came from.
fn parse_records(
    name: &str,
    data: &[u8],
    member: Option<u64>,
    out: &mut Out<'_>,
    pages: &mut usize,
) {
    let mut pos = 0usize;
    let mut index = 0u64;
    let location = |rec: usize| match member {
        Some(m) => format!("{name}@{m}"),
        None => format!("{name}@{rec}"),
    };
    loop {
        while pos < data.len() && data[pos].is_ascii_whitespace() {
            pos += 1;
        }
        if pos >= data.len() {
            return;
        }
        let rec = pos;
        if !data[pos..].starts_with(b"WARC/") {
            out.skipped(
                location(rec),
                "expected a WARC record (\"WARC/\"); rest skipped",
            );
            return;
        }
        let Some((hlen, bstart)) = header_end(&data[pos..]) else {
            out.skipped(location(rec), "truncated WARC record header");
            return;
        };
        let head = String::from_utf8_lossy(&data[pos..pos + hlen]).into_owned();
        let headers = parse_headers(&head);
        let Some(len) = header(&headers, "Content-Length").and_then(|l| l.parse::<usize>().ok())
        else {
            out.skipped(
                location(rec),
                "WARC record without a valid Content-Length; rest skipped",
            );
            return;
        };
        let start = pos + bstart;
        let end = start.saturating_add(len);
        if end > data.len() {
            out.skipped(
                location(rec),
                format!(
                    "truncated WARC record: Content-Length {len}, {} bytes present",
                    data.len() - start
                ),
            );
            return;
        }
        let origin = Origin {
            path: name.to_string(),
            line: None,
            offset: Some(member.unwrap_or(rec as u64)),
            item: (member.is_some() && index > 0).then_some(index),
        };
        record(&headers, &data[start..end], origin, name, out, pages);
        index += 1;
        pos = end;
    }
}

fn record(
    headers: &[(String, String)],
    block: &[u8],
    origin: Origin,
    name: &str,
    out: &mut Out<'_>,
    pages: &mut usize,
) {
    let kind = header(headers, "WARC-Type")
        .unwrap_or("")
        .to_ascii_lowercase();
    let ctype = header(headers, "Content-Type")
        .unwrap_or("")
        .to_ascii_lowercase();
    let payload: Vec<u8> = match kind.as_str() {
        "response" if ctype.contains("application/http") || block.starts_with(b"HTTP/") => {
            match http_payload(block) {
                Some(p) => p,
                None => return,
            }
        }
        "response" | "resource" if ctype.contains("html") => block.to_vec(),
        _ => return,
    };
    let uri = header(headers, "WARC-Target-URI")
        .map(|u| u.trim_matches(['<', '>']).to_string())
        .filter(|u| !u.is_empty());
    let date = header(headers, "WARC-Date").and_then(parse_date);
    *pages += 1;
    let location = origin.to_string();
    let text = decode(&location, &payload, out);
    let hint = PageHint {
        id: Some(uri.clone().unwrap_or_else(|| location.clone())),
        url: uri,
        date,
    };
    html::read(name, &text, origin, hint, out);
}

/// The HTML body of an HTTP response, or `None` when it is not a 2xx HTML page.
fn http_payload(block: &[u8]) -> Option<Vec<u8>> {
    let (hlen, bstart) = header_end(block)?;
    let head = String::from_utf8_lossy(&block[..hlen]);
    let status: u16 = head
        .lines()
        .next()?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    if !(200..300).contains(&status) {
        return None;
    }
    let headers = parse_headers(&head);
    let ctype = header(&headers, "Content-Type")
        .unwrap_or("text/html")
        .to_ascii_lowercase();
    if !ctype.contains("html") {
        return None;
    }
    let mut body = block[bstart..].to_vec();
    if header(&headers, "Transfer-Encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
    {
        body = dechunk(&body);
    }
    match header(&headers, "Content-Encoding").map(|e| e.to_ascii_lowercase()) {
        Some(e) if e.contains("gzip") => {
            let mut d = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .read_to_end(&mut d)
                .ok()?;
            body = d;
        }
        Some(e) if e.contains("deflate") => {
            let mut d = Vec::new();
            flate2::read::ZlibDecoder::new(&body[..])
                .read_to_end(&mut d)
                .ok()?;
            body = d;
        }
        _ => {}
    }
    Some(body)
}

/// Undoes HTTP chunked transfer coding (a malformed tail is dropped).
fn dechunk(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        let Some(nl) = data[pos..].iter().position(|&b| b == b'\n') else {
            break;
        };
        let line = String::from_utf8_lossy(&data[pos..pos + nl]);
        let size_text = line
            .trim()
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        let Ok(size) = usize::from_str_radix(&size_text, 16) else {
            break;
        };
        pos += nl + 1;
        if size == 0 {
            break;
        }
        let end = pos.saturating_add(size).min(data.len());
        out.extend_from_slice(&data[pos..end]);
        pos = end;
        while pos < data.len() && (data[pos] == b'\r' || data[pos] == b'\n') {
            pos += 1;
            if data.get(pos - 1) == Some(&b'\n') {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"),
            b"Wikipedia"
        );
        assert_eq!(dechunk(b"zz\r\n"), b"");
    }
}
