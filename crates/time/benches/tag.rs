//! Throughput of the temporal tagger on real sentences: the raw text of the TempEval-3
//! TBAQ-cleaned documents (or the seed articles when that data set is absent), split into
//! lines and sentence-sized pieces, tagged one sentence at a time against each file's DCT.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// Sentences of the TBAQ-cleaned texts (tags stripped), with the DCT of their document.
fn sentences() -> Vec<(String, Option<NaiveDate>)> {
    let mut out = Vec::new();
    let dir = data_dir().join("data/tempeval3/TBAQ-cleaned/TimeBank");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for f in files {
        let Ok(src) = std::fs::read_to_string(&f) else {
            continue;
        };
        let dct = src
            .find("functionInDocument=\"CREATION_TIME\"")
            .and_then(|_| src.find("value=\""))
            .and_then(|i| src.get(i + 7..i + 17))
            .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
        let Some(body) = src.split("<TEXT>").nth(1) else {
            continue;
        };
        let mut text = String::new();
        let mut in_tag = false;
        for c in body.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        for s in text.split_inclusive(". ") {
            let s = s.trim();
            if s.len() > 20 {
                out.push((s.to_string(), dct));
            }
        }
    }
    if out.is_empty() {
        eprintln!("TBAQ-cleaned not found under ../shared/data; benchmarking the seed articles");
        if let Ok(rd) = std::fs::read_dir(data_dir().join("seeds")) {
            for e in rd.filter_map(Result::ok) {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    for s in t.split_inclusive(". ") {
                        out.push((s.trim().to_string(), NaiveDate::from_ymd_opt(2016, 12, 7)));
                    }
                }
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let sents = sentences();
    if sents.is_empty() {
        eprintln!("no real sentences found; nothing to benchmark");
        return;
    }
    eprintln!("{} sentences", sents.len());
    let mut g = c.benchmark_group("time");
    g.throughput(Throughput::Elements(sents.len() as u64));
    g.sample_size(20);
    g.bench_function("tag_sentences", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for (s, dct) in &sents {
                n += storyline_time::tag(s, *dct).len();
            }
            std::hint::black_box(n)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
