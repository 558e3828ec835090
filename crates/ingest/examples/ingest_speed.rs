//! Single-core throughput of the readers on the Timeline17 articles
//! (`shared/data/timeline17/articles/*.csv`, `date,text` columns; 2,896 articles in the full
//! set, the topics present locally otherwise).
//!
//! The CSV rows are first turned, in memory and outside the timing, into each input format
//! (JSON Lines, one `.txt` per article with a ` date` header, TREC SGML, one HTML page per
//! article with navigation, share block and footer, one RSS feed per topic, a gzip WARC).
//! Then, on one thread, it times:
//! * each reader alone (input MB/s), and
//! * the ingest + text path asked for by the ingest brief: JSON Lines reading, then
//!   `storyline_text::sentences`, `storyline_text::tokenize` and stemming
//!   (`Analyzer::for_each_term`) of every sentence.
//!
//! Each figure is the best of `--runs` runs (default 5); `--only FORMAT` times one reader.
//! Run: `cargo run --release -p storyline-ingest --example ingest_speed [-- --runs N] [DIR]`.

use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use storyline_core::Article;
use storyline_ingest::{IngestReport, read_bytes};

struct Row {
    id: String,
    date: String,
    text: String,
}

fn load(dir: &PathBuf) -> Vec<Row> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    paths.sort();
    let mut rows = Vec::new();
    for p in paths {
        let topic = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(mut reader) = csv::Reader::from_path(&p) else {
            continue;
        };
        for (i, rec) in reader.records().flatten().enumerate() {
            if let (Some(date), Some(text)) = (rec.get(0), rec.get(1)) {
                rows.push(Row {
                    id: format!("{topic}-{i}"),
                    date: date.to_string(),
                    text: text.to_string(),
                });
            }
        }
    }
    rows
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// (name, bytes) files of one format.
type Files = Vec<(String, Vec<u8>)>;

fn formats(rows: &[Row]) -> Vec<(&'static str, Files)> {
    let mut jsonl = Vec::new();
    for r in rows {
        let line = serde_json::json!({"id": r.id, "published": r.date, "text": r.text});
        jsonl.extend_from_slice(line.to_string().as_bytes());
        jsonl.push(b'\n');
    }
    let txt: Files = rows
        .iter()
        .map(|r| {
            (
                format!("{}.txt", r.id),
                format!(" date {}\n{}", r.date, r.text).into_bytes(),
            )
        })
        .collect();
    let mut sgml = String::new();
    for r in rows {
        let paras: String = r
            .text
            .lines()
            .map(|l| format!("<P>\n{}\n</P>\n", escape(l)))
            .collect();
        sgml.push_str(&format!(
            "<DOC>\n<DOCNO> {} </DOCNO>\n<DATE_TIME> {} </DATE_TIME>\n<BODY>\n<TEXT>\n{paras}</TEXT>\n</BODY>\n</DOC>\n",
            r.id, r.date
        ));
    }
    let html: Files = rows
        .iter()
        .map(|r| {
            let paras: String = r.text.lines().map(|l| format!("<p>{}</p>\n", escape(l))).collect();
            let page = format!(
                "<!DOCTYPE html><html lang=\"en\"><head><title>{id} | Example News</title>\
                 <meta property=\"og:site_name\" content=\"Example News\">\
                 <meta property=\"article:published_time\" content=\"{date}\"></head><body>\
                 <header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li></ul></nav></header>\
                 <main><article><h1>{id}</h1><div class=\"share\"><a href=\"#\">Share</a></div>\
                 <div class=\"body\">{paras}</div></article></main>\
                 <footer><p>Copyright Example News, all rights reserved.</p></footer></body></html>",
                id = r.id,
                date = r.date
            );
            (format!("{}.html", r.id), page.into_bytes())
        })
        .collect();
    let mut rss = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Example News</title>",
    );
    for r in rows {
        let paras: String = r
            .text
            .lines()
            .map(|l| format!("<p>{}</p>", escape(l)))
            .collect();
        rss.push_str(&format!(
            "<item><title>{}</title><link>https://news.example/{}</link><pubDate>{}</pubDate>\
             <description>{}</description></item>",
            r.id,
            r.id,
            r.date,
            escape(&paras)
        ));
    }
    rss.push_str("</channel></rss>");
    let mut warc = Vec::new();
    for (name, page) in &html {
        let mut http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n",
            page.len()
        )
        .into_bytes();
        http.extend_from_slice(page);
        let mut rec = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/{name}\r\n\
             WARC-Date: 2020-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n\
             Content-Length: {}\r\n\r\n",
            http.len()
        )
        .into_bytes();
        rec.extend_from_slice(&http);
        rec.extend_from_slice(b"\r\n\r\n");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = gz.write_all(&rec);
        if let Ok(member) = gz.finish() {
            warc.extend_from_slice(&member);
        }
    }
    vec![
        ("jsonl", vec![("t17.jsonl".to_string(), jsonl)]),
        ("txt", txt),
        ("sgml", vec![("t17.sgml".to_string(), sgml.into_bytes())]),
        ("html", html),
        ("rss", vec![("t17.rss".to_string(), rss.into_bytes())]),
        ("warc.gz", vec![("t17.warc.gz".to_string(), warc)]),
    ]
}

fn read_all(files: &Files, sink: &mut dyn FnMut(Article)) -> IngestReport {
    let mut report = IngestReport::default();
    for (name, bytes) in files {
        read_bytes(name, bytes, &mut report, sink);
    }
    report
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut last = None;
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed().as_secs_f64());
        last = Some(v);
    }
    (best, last.expect("at least one run"))
}

fn main() {
    let mut runs = 5usize;
    let mut only: Option<String> = None;
    let mut dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/timeline17/articles");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--only" {
            only = args.next();
        } else if a == "--runs" {
            runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(runs);
        } else {
            dir = PathBuf::from(a);
        }
    }
    let rows = load(&dir);
    if rows.is_empty() {
        eprintln!(
            "no Timeline17 CSV rows under {}; nothing to measure",
            dir.display()
        );
        return;
    }
    let text_mb = rows.iter().map(|r| r.text.len()).sum::<usize>() as f64 / 1e6;
    println!(
        "Timeline17: {} articles, {:.2} MB of article text (CSV text column), best of {runs} runs, 1 thread",
        rows.len(),
        text_mb
    );
    println!("| format | input MB | articles | read s | input MB/s | text MB/s |");
    println!("|---|---|---|---|---|---|");
    for (format, files) in formats(&rows) {
        if only.as_deref().is_some_and(|o| o != format) {
            continue;
        }
        let input_mb = files.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1e6;
        let (secs, (n, diags)) = best_of(runs, || {
            let mut n = 0usize;
            let report = read_all(&files, &mut |a| {
                n += 1;
                black_box(&a);
            });
            (n, report.diagnostics.len())
        });
        if diags > 0 {
            eprintln!("{format}: {diags} diagnostic(s)");
        }
        println!(
            "| {format} | {input_mb:.2} | {n} | {secs:.3} | {:.1} | {:.1} |",
            input_mb / secs,
            text_mb / secs
        );
    }
    if only.is_some() {
        return;
    }
    // Ingest + text: JSON Lines read, sentences, tokens, stems.
    let formats = formats(&rows);
    let jsonl = &formats[0].1;
    let input_mb = jsonl.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1e6;
    let analyzer = storyline_text::Analyzer::new("en");
    let (secs, (sentences, tokens, stem_bytes)) = best_of(runs, || {
        let (mut s, mut t, mut st) = (0usize, 0usize, 0usize);
        let mut idx = 0;
        read_all(jsonl, &mut |a| {
            let sents = storyline_text::sentences(idx, &a);
            idx += 1;
            for sent in &sents {
                let text = sent.text(&a.text);
                t += storyline_text::tokenize(text).len();
                analyzer.for_each_term(text, |term| st += term.stem.len());
            }
            s += sents.len();
        });
        (s, t, st)
    });
    black_box(stem_bytes);
    println!(
        "\nread JSONL + sentences + tokenize + stem: {sentences} sentences, {tokens} tokens, {secs:.3} s, \
         {:.1} input MB/s, {:.1} text MB/s per core",
        input_mb / secs,
        text_mb / secs
    );
}
