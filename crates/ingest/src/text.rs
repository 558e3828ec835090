//! Plain-text reader (`.txt`): one article per file.
//!
//! Rules: an optional first line ` date YYYY-MM-DD` gives the publication date (source
//! `header`, confidence 1); text after the date on the same line is the first paragraph. A
//! short first line without final punctuation followed by a blank line is the title. Blank
//! lines separate paragraphs; inside a block, lines of 40–100 characters are taken as hard
//! wrapping and joined, other lines are paragraphs of their own. A dateline (`ALEPPO - `,
//! `(AFP) - `) at the start of one of the first four paragraphs becomes the article's
//! dateline and is removed from the text. Id = file stem; outlet `unknown`.

use std::sync::LazyLock;

use regex::Regex;
use storyline_core::{Article, DateSource};

use crate::common::{Out, file_stem, join_paragraphs, published, take_dateline};

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*(?:\n|$))")
        .expect("valid regex")
});

/// Reads a plain-text article.
pub(crate) fn read(name: &str, text: &str, out: &mut Out<'_>) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut body: &str = &text;
    let mut date = None;
    if let Some(c) = HEADER.captures(&text) {
        match chrono::NaiveDate::parse_from_str(&c[1], "%Y-%m-%d") {
            Ok(d) => {
                date = Some(d);
                body = &text[c.get(0).map(|m| m.end()).unwrap_or(0)..];
            }
            Err(_) => out.warning(
                format!("{name}:1"),
                format!("date header {:?} is not a calendar date; ignored", &c[1]),
            ),
        }
    }
    let blocks: Vec<Vec<&str>> = blocks(body);
    let mut title = None;
    let mut start = 0;
    if blocks.len() >= 2
        && let [only] = blocks[0].as_slice()
        && looks_like_title(only)
    {
        title = Some(only.trim().to_string());
        start = 1;
    }
    let mut paras: Vec<String> = Vec::new();
    for block in &blocks[start..] {
        paras.extend(block_paragraphs(block));
    }
    let dateline = take_dateline(&mut paras, 4);
    let text = join_paragraphs(&paras);
    if text.is_empty() {
        out.skipped(name, "no text in file");
        return;
    }
    let mut a = Article::new(file_stem(name), text);
    a.title = title;
    a.dateline = dateline;
    a.published = date.map(|d| published(d, DateSource::Header, 1.0));
    a.origin.path = name.to_string();
    out.emit(a);
}

/// Blocks of non-blank lines.
fn blocks(body: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for l in body.lines() {
        if l.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(l);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Paragraphs of a block: hard-wrapped lines joined, otherwise one per line.
fn block_paragraphs(block: &[&str]) -> Vec<String> {
    let wrapped = block.len() >= 2
        && block[..block.len() - 1]
            .iter()
            .all(|l| (40..=100).contains(&l.trim_end().chars().count()));
    if wrapped {
        vec![crate::common::collapse_ws(&block.join(" "))]
    } else {
        block
            .iter()
            .map(|l| crate::common::collapse_ws(l))
            .collect()
    }
}

/// A short line without final punctuation and without a dateline.
fn looks_like_title(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    (1..=25).contains(&words)
        && t.chars().count() <= 200
        && !t.ends_with(['.', ',', ';', ':'])
        && crate::common::split_dateline(t).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::IngestReport;

    fn read_str(text: &str) -> (Vec<Article>, IngestReport) {
        crate::common::collect(|out| read("dir/x.txt", text, out))
    }

    #[test]
    fn header_title_dateline() {
        let (arts, report) = read_str(
            " date 2025-04-15\nTram line wins vote\n\nEASTGATE (Harbor Ledger) - The council voted.\n\nMore.\n",
        );
        assert!(report.diagnostics.is_empty());
        let a = &arts[0];
        assert_eq!(a.id, "x");
        assert_eq!(a.title.as_deref(), Some("Tram line wins vote"));
        assert_eq!(a.dateline.as_deref(), Some("EASTGATE (Harbor Ledger)"));
        assert_eq!(a.text, "The council voted.\n\nMore.");
        assert_eq!(
            a.date().map(|d| d.to_string()).as_deref(),
            Some("2025-04-15")
        );
    }

    #[test]
    fn wrapped_and_line_paragraphs() {
        let (arts, _) = read_str(
            "The first line of a hard-wrapped paragraph goes on\nand ends here.\n\nOne.\nTwo.\n",
        );
        assert_eq!(
            arts[0].text,
            "The first line of a hard-wrapped paragraph goes on and ends here.\n\nOne.\n\nTwo."
        );
        assert_eq!(arts[0].title, None);
    }

    #[test]
    fn bad_header_and_empty() {
        let (arts, report) = read_str(" date 2016-13-45 Text.\n");
        assert_eq!(arts.len(), 1);
        assert!(arts[0].published.is_none());
        assert_eq!(report.diagnostics[0].location, "dir/x.txt:1");
        let (arts, report) = read_str("  \n\n");
        assert!(arts.is_empty());
        assert_eq!(report.diagnostics.len(), 1);
    }
}
