//! CSV and TSV reader (`.csv`, `.tsv`): one article per row, the columns named by a header row.
//!
//! Columns are the fields of the JSON Lines reader under the same names (`text` or `body`,
//! `content`, …; `published` or `date`, …; `title`, `url`, `outlet` or `source`, `id`,
//! `language`; see the `record` module); unknown columns are ignored, and when two columns
//! name one field the better-ranked name wins (`text` over `body`). Fields may be quoted
//! and hold newlines and separators (RFC 4180). A file without a text column is skipped
//! with a diagnostic naming its header; a row without text, or one the CSV parser cannot
//! read, is skipped with a diagnostic `file:line` and the other rows are still read. Rows
//! may have fewer or more fields than the header.

use crate::common::{Out, decode, file_stem};
use crate::record::{self, Field, Place, Record};

/// Reads every row of a CSV (`delimiter` `,`) or TSV (`\t`) file.
pub(crate) fn read(name: &str, bytes: &[u8], delimiter: u8, out: &mut Out<'_>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(bytes);
    let mut rows = reader.byte_records();
    let header = match rows.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            out.skipped(format!("{name}:1"), format!("unreadable header row: {e}"));
            return;
        }
        None => {
            out.skipped(name, "empty file: no header row");
            return;
        }
    };
    // For each column, the field it fills, if it is the best-ranked column of that field.
    let mut best: Vec<(Field, usize, usize)> = Vec::new(); // (field, rank, column)
    for (column, raw) in header.iter().enumerate() {
        let Some((field, rank)) = record::field_of(&String::from_utf8_lossy(raw)) else {
            continue;
        };
        match best.iter_mut().find(|(f, _, _)| *f == field) {
            Some((_, r, c)) if rank < *r => (*r, *c) = (rank, column),
            Some(_) => {}
            None => best.push((field, rank, column)),
        }
    }
    if !best.iter().any(|(f, _, _)| *f == Field::Text) {
        let names: Vec<String> = header
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_string())
            .collect();
        out.skipped(
            format!("{name}:1"),
            format!(
                "no text column (expected \"text\", \"body\", \"content\" or \"article\"); the header \
                 has {names:?}"
            ),
        );
        return;
    }
    let stem = file_stem(name);
    for row in rows {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                let loc = match e.position() {
                    Some(p) => format!("{name}:{}", p.line()),
                    None => name.to_string(),
                };
                // Reading bytes in memory, the parser reports no error short of a broken
                // reader; stop there rather than risk reading the same error again.
                out.skipped(
                    loc,
                    format!("unreadable row: {e}; the rest of the file is skipped"),
                );
                return;
            }
        };
        if row.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let (line, offset) = row.position().map_or((0, 0), |p| (p.line(), p.byte()));
        let loc = format!("{name}:{line}");
        let mut rec = Record::default();
        for &(field, _, column) in &best {
            if let Some(raw) = row.get(column) {
                *rec.slot(field) = Some(decode(&loc, raw, out));
            }
        }
        let place = Place {
            name,
            stem: &stem,
            line,
            offset,
        };
        if let Some(a) = record::article(rec, &place, out) {
            out.emit(a);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::collect;

    #[test]
    fn columns_by_name_quoted_newlines_and_bad_rows() {
        let data = concat!(
            "Date,Headline,Body,source,extra\n",
            "2009-03-02,Flu resists drug,\"Virtually all cases resist Tamiflu.\n\nA second paragraph, with a comma.\",Reuters,x\n",
            "someday,No date,Text without a date.,,\n",
            ",Empty,,AP,\n",
            "2009-03-04,Short row,Fewer fields\n",
        );
        let (arts, report) = collect(|out| read("d/flu.csv", data.as_bytes(), b',', out));
        assert_eq!(arts.len(), 3, "{:?}", report.diagnostics);
        assert_eq!(arts[0].id, "flu:2");
        assert_eq!(arts[0].title.as_deref(), Some("Flu resists drug"));
        assert_eq!(arts[0].outlet, "Reuters");
        assert_eq!(
            arts[0].date().map(|d| d.to_string()).as_deref(),
            Some("2009-03-02")
        );
        assert!(
            arts[0]
                .text
                .contains("\n\nA second paragraph, with a comma.")
        );
        // The quoted newlines do not shift the next row's line.
        assert_eq!(arts[1].origin.line, Some(5));
        assert_eq!(arts[1].date(), None);
        assert_eq!(arts[2].text, "Fewer fields");
        assert_eq!(arts[2].outlet, storyline_core::UNKNOWN_OUTLET);
        let locs: Vec<(&str, &str)> = report
            .diagnostics
            .iter()
            .map(|d| (d.location.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(locs.len(), 2, "{locs:?}");
        assert_eq!(locs[0].0, "d/flu.csv:5");
        assert!(locs[0].1.contains("\"someday\""), "{locs:?}");
        assert_eq!(locs[1].0, "d/flu.csv:6");
        assert!(locs[1].1.contains("empty \"text\""), "{locs:?}");
    }

    #[test]
    fn tsv_prefers_the_documented_name_and_a_file_without_text_is_named() {
        let data = "id\tbody\ttext\turl\tlang\n7\tthe body\tthe text\thttps://www.example.org/a\tfr-CA\n\
                    8\tb\tt\t\tFrench\n";
        let (arts, report) = collect(|out| read("n.tsv", data.as_bytes(), b'\t', out));
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].language.as_deref(), Some("fr"));
        assert_eq!(arts[1].language, None);
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].location, "n.tsv:3");
        assert!(report.diagnostics[0].message.contains("ISO 639-1"));
        assert_eq!(arts[0].id, "7");
        assert_eq!(arts[0].text, "the text");
        assert_eq!(arts[0].outlet, "example.org");

        let (arts, report) = collect(|out| read("m.csv", b"title,summary\nA,B\n", b',', out));
        assert!(arts.is_empty());
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].location, "m.csv:1");
        assert!(report.diagnostics[0].message.contains("no text column"));
        assert!(report.diagnostics[0].message.contains("\"summary\""));

        let (arts, report) = collect(|out| read("e.csv", b"", b',', out));
        assert!(arts.is_empty());
        assert!(report.diagnostics[0].message.contains("empty file"));
    }

    #[test]
    fn broken_bytes_never_panic() {
        let data: &[u8] = b"text,date\n\"unterminated,2016-01-01\n\xff\xfe,\x00\n\"a\"\"b\",\n";
        let (arts, report) = collect(|out| read("x.csv", data, b',', out));
        assert_eq!(report.articles, arts.len());
    }
}
