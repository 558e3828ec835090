//! JSON Lines reader (`.jsonl`, `.ndjson`): one JSON object per line.
//!
//! Fields: `id`, `url`, `outlet`, `title`, `published` (`YYYY-MM-DD` or RFC 3339), `text`; only
//! `text` is required, unknown fields are ignored. Outlet falls back to the URL's domain
//! (without `www.`), then `unknown`; id falls back to `<file stem>:<line>`. A line that is not
//! a JSON object with a string `text` is skipped with a diagnostic `file:line`; other lines
//! are still read. Blank lines are ignored. `text` paragraphs are separated by blank lines
//! (single newlines are kept as they are).

use serde::Deserialize;
use storyline_core::{Article, DateSource};

use crate::common::{Out, decode, file_stem, outlet_from_url, parse_date, published};

/// One JSON Lines record.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<String>,
    text: String,
}

/// Reads every line of a JSON Lines file.
pub(crate) fn read(name: &str, bytes: &[u8], out: &mut Out<'_>) {
    let stem = file_stem(name);
    let mut offset = 0usize;
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = i as u64 + 1;
        let line_offset = offset;
        offset += raw.len() + 1;
        let loc = format!("{name}:{line_no}");
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let line = decode(&loc, raw, out);
        let rec: Record = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(e) => {
                out.skipped(
                    loc,
                    format!("not a JSON object with a string \"text\": {e}"),
                );
                continue;
            }
        };
        if rec.text.trim().is_empty() {
            out.skipped(loc, "empty \"text\"");
            continue;
        }
        let id = match rec.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{stem}:{line_no}"),
        };
        let mut a = Article::new(id, rec.text.replace("\r\n", "\n"));
        a.url = rec.url.filter(|u| !u.trim().is_empty());
        a.title = rec
            .title
            .map(|t| crate::common::collapse_ws(&t))
            .filter(|t| !t.is_empty());
        if let Some(o) = rec
            .outlet
            .map(|o| o.trim().to_string())
            .filter(|o| !o.is_empty())
        {
            a.outlet = o;
        } else if let Some(o) = a.url.as_deref().and_then(outlet_from_url) {
            a.outlet = o;
        }
        if let Some(p) = rec.published.as_deref().filter(|p| !p.trim().is_empty()) {
            match parse_date(p) {
                Some(d) => a.published = Some(published(d, DateSource::Metadata, 1.0)),
                None => out.warning(
                    loc.clone(),
                    format!("\"published\" {p:?} is not YYYY-MM-DD or RFC 3339; ignored"),
                ),
            }
        }
        a.origin.path = name.to_string();
        a.origin.line = Some(line_no);
        a.origin.offset = Some(line_offset as u64);
        out.emit(a);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::collect;

    #[test]
    fn lines_fallbacks_and_errors() {
        let data = concat!(
            "{\"id\":\"a\",\"url\":\"https://www.ex.com/1\",\"published\":\"2016-12-07T23:00:00+01:00\",\"text\":\"One.\"}\n",
            "\n",
            "{\"text\": \"Two.\", \"outlet\": \"Daily\", \"published\": \"someday\"}\n",
            "{not json}\n",
            "{\"title\": \"no text\"}\n",
            "{\"id\": 7, \"text\": \"Three.\"}\n",
        );
        let (arts, report) = collect(|out| read("d/news.jsonl", data.as_bytes(), out));
        assert_eq!(arts.len(), 3);
        assert_eq!(arts[0].outlet, "ex.com");
        assert_eq!(
            arts[0].date().map(|d| d.to_string()).as_deref(),
            Some("2016-12-07")
        );
        assert_eq!(arts[1].id, "news:3");
        assert_eq!(arts[1].outlet, "Daily");
        assert_eq!(arts[1].origin.line, Some(3));
        assert_eq!(arts[2].id, "7");
        let locs: Vec<&str> = report
            .diagnostics
            .iter()
            .map(|d| d.location.as_str())
            .collect();
        assert_eq!(locs, ["d/news.jsonl:3", "d/news.jsonl:4", "d/news.jsonl:5"]);
    }
}
