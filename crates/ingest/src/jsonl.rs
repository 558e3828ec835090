//! JSON Lines reader (`.jsonl`, `.ndjson`): one JSON object per line.
//!
//! Fields: `id`, `url`, `outlet`, `title`, `published` (`YYYY-MM-DD` or RFC 3339), `text`,
//! `language`, each also under the names news exports use (`body`/`content` for `text`,
//! `date`/`published_at` for `published`, `source`/`publisher` for `outlet`, …; see the
//! `record` module); only `text` is required, unknown fields are ignored. Outlet falls back to
//! the URL's domain (without `www.`), then `unknown`; id falls back to `<file stem>:<line>`. A
//! line that is not a JSON object with a string `text` is skipped with a diagnostic
//! `file:line`; other lines are still read. Blank lines are ignored. `text` paragraphs are
//! separated by blank lines (single newlines are kept as they are).

use crate::common::{Out, decode, file_stem};
use crate::record::{self, Field, Place, Record};

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
        let object = match serde_json::from_str::<serde_json::Value>(&line) {
            Ok(serde_json::Value::Object(o)) => o,
            Ok(_) => {
                out.skipped(loc, "not a JSON object");
                continue;
            }
            Err(e) => {
                out.skipped(loc, format!("not a JSON object: {e}"));
                continue;
            }
        };
        let Some(rec) = fields(&object) else {
            out.skipped(
                loc,
                "no string \"text\" (nor \"body\", \"content\" or another name of the text)",
            );
            continue;
        };
        let place = Place {
            name,
            stem: &stem,
            line: line_no,
            offset: line_offset as u64,
        };
        if let Some(a) = record::article(rec, &place, out) {
            out.emit(a);
        }
    }
}

/// The article fields of a JSON object (for each field, the value under its best-ranked name;
/// strings, and numbers for ids), or `None` without a string text.
fn fields(object: &serde_json::Map<String, serde_json::Value>) -> Option<Record> {
    let mut rec = Record::default();
    let mut ranks: Vec<(Field, usize)> = Vec::new();
    for (key, value) in object {
        let Some((field, rank)) = record::field_of(key) else {
            continue;
        };
        let value = match value {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) if field == Field::Id => n.to_string(),
            _ => continue,
        };
        match ranks.iter_mut().find(|(f, _)| *f == field) {
            Some((_, best)) if *best <= rank => continue,
            Some((_, best)) => *best = rank,
            None => ranks.push((field, rank)),
        }
        *rec.slot(field) = Some(value);
    }
    rec.text.is_some().then_some(rec)
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
