//! Throughput of the text stage on the Timeline17 articles (`shared/data/timeline17/articles/*.csv`,
//! `text` column): CSV ingest, sentence splitting, tokenizing and stemming, separately and
//! end to end. Skips (with a message) when the data is absent.
//!
//! Run: `cargo bench -p storyline-text --bench text`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use storyline_text::{Analyzer, split_sentences, tokenize};

fn data_dir() -> Option<PathBuf> {
    let d =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/timeline17/articles");
    d.is_dir().then_some(d)
}

/// The raw CSV files.
fn raw_files(dir: &PathBuf) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// CSV ingest: the `text` column of every row.
fn ingest(raw: &[Vec<u8>]) -> Vec<String> {
    let mut out = Vec::new();
    for bytes in raw {
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let col = reader
            .headers()
            .ok()
            .and_then(|h| h.iter().position(|c| c == "text"))
            .unwrap_or(1);
        for rec in reader.records().flatten() {
            if let Some(t) = rec.get(col) {
                out.push(t.to_string());
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let Some(dir) = data_dir() else {
        eprintln!("skipping text bench: shared/data/timeline17/articles not found");
        return;
    };
    let raw = raw_files(&dir);
    let texts = ingest(&raw);
    let bytes: usize = texts.iter().map(String::len).sum();
    let en = Analyzer::new("en");
    let mut g = c.benchmark_group("t17");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("ingest_csv", |b| b.iter(|| black_box(ingest(&raw))));
    g.bench_function("split", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| split_sentences(t).len())
                .sum::<usize>()
        })
    });
    g.bench_function("tokenize", |b| {
        b.iter(|| texts.iter().map(|t| tokenize(t).len()).sum::<usize>())
    });
    g.bench_function("term_ids", |b| {
        let mut ids = Vec::new();
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                ids.clear();
                en.term_ids_into(t, &mut ids);
                n += ids.len();
            }
            n
        })
    });
    g.bench_function("stems", |b| {
        b.iter(|| texts.iter().map(|t| en.stems(t).len()).sum::<usize>())
    });
    g.bench_function("ingest_split_tokenize_stem", |b| {
        let mut ids = Vec::new();
        b.iter(|| {
            let texts = ingest(&raw);
            let mut n = 0;
            for t in &texts {
                for (s, e, _) in split_sentences(t) {
                    ids.clear();
                    en.for_each_term(&t[s..e], |term| ids.push(term.id));
                    n += ids.len();
                }
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
