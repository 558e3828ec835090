//! Streaming speed and memory of the online story clusterer on a long stream made from real
//! articles: DUC 2003 + DUC 2006 (TREC SGML, read with `storyline-ingest`) and Timeline17
//! (CSV `date,text`), re-dated and re-mixed into `--n` articles.
//!
//! Re-dating: the base articles are grouped by their source folder (a gold story or a T17
//! topic). In each pass over the base set, every group gets a random start day within a
//! ten-year window, and its articles (in their original date order) follow at five per
//! day. The passes are then merged into one stream sorted by the new dates.
//!
//! ```text
//! cargo run --release -p storyline-stories --example stream_bench -- --n 100000
//! ```
//!
//! Options: `--n N` (stream length), `--quiet-days D` (dormancy), `--seed S`, `--split` (after
//! the stream, also time the story-splitting pass of the consolidation, [`split::split`], on the
//! stories of the stream, with article vectors under the IDF of the base articles). Data come
//! from `$STORYLINE_DATA` or `../shared/data` next to the workspace.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use storyline_stories::features::{SparseVec, Vocabulary};
use storyline_stories::{ClusterConfig, Doc, OnlineClusterer, split};

struct Base {
    group: usize,
    date: NaiveDate,
    title: Option<String>,
    text: String,
}

fn data_dir() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("STORYLINE_DATA") {
        return Some(PathBuf::from(p));
    }
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    p.is_dir().then_some(p)
}

fn read_story_dirs(root: &Path, base: &mut Vec<Base>, groups: &mut usize) {
    let Ok(entries) = std::fs::read_dir(root) else {
        eprintln!("missing {}", root.display());
        return;
    };
    let mut subs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    subs.sort();
    for sub in subs {
        let group = *groups;
        *groups += 1;
        let mut sink = |a: storyline_core::Article| {
            if let Some(date) = a.date() {
                base.push(Base {
                    group,
                    date,
                    title: a.title,
                    text: a.text,
                });
            }
        };
        storyline_ingest::read_paths(&[sub], &mut sink);
    }
}

fn read_t17(dir: &Path, base: &mut Vec<Base>, groups: &mut usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("missing {}", dir.display());
        return;
    };
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    for f in files {
        let Ok(mut reader) = csv::Reader::from_path(&f) else {
            continue;
        };
        let group = *groups;
        *groups += 1;
        for record in reader.records().flatten() {
            let (Some(d), Some(text)) = (record.get(0), record.get(1)) else {
                continue;
            };
            let Some(date) = NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok()
            else {
                continue;
            };
            base.push(Base {
                group,
                date,
                title: None,
                text: text.to_string(),
            });
        }
    }
}

/// CPU time of the current thread in seconds (Linux `/proc/thread-self/schedstat`), so that
/// the rate is per core even on a busy machine.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn arg<T: std::str::FromStr>(args: &[String], name: &str) -> Option<T> {
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1)?.parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = arg(&args, "--n").unwrap_or(100_000);
    let seed: u64 = arg(&args, "--seed").unwrap_or(7);
    let mut config = ClusterConfig::default();
    if let Some(q) = arg(&args, "--quiet-days") {
        config.quiet_days = q;
    }
    let Some(data) = data_dir() else {
        eprintln!("skipping: shared data not found (set STORYLINE_DATA)");
        return;
    };
    let t = Instant::now();
    let mut base = Vec::new();
    let mut groups = 0;
    read_story_dirs(
        &data.join("duc2003/docs.without.headlines"),
        &mut base,
        &mut groups,
    );
    read_story_dirs(&data.join("duc2006/duc2006_docs"), &mut base, &mut groups);
    read_t17(&data.join("timeline17/articles"), &mut base, &mut groups);
    if base.is_empty() {
        eprintln!("skipping: no base articles read");
        return;
    }
    eprintln!(
        "read {} base articles in {} groups in {:.2}s",
        base.len(),
        groups,
        t.elapsed().as_secs_f64()
    );
    // Members of each group in original date order.
    let mut by_group: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, b) in base.iter().enumerate() {
        by_group.entry(b.group).or_default().push(i);
    }
    for members in by_group.values_mut() {
        members.sort_by_key(|&i| (base[i].date, i));
    }
    let origin = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap_or_default();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut stream: Vec<(NaiveDate, usize)> = Vec::with_capacity(n + base.len());
    while stream.len() < n {
        for members in by_group.values() {
            let start = origin + Duration::days(rng.random_range(0..3650));
            for (j, &i) in members.iter().enumerate() {
                stream.push((start + Duration::days(j as i64 / 5), i));
            }
        }
    }
    stream.sort_by_key(|&(d, i)| (d, i));
    stream.truncate(n);
    stream.sort_by_key(|&(d, i)| (d, i));
    let bytes: usize = stream.iter().map(|&(_, i)| base[i].text.len()).sum();

    let mut clusterer = OnlineClusterer::new(config.clone());
    let mut assignment = Vec::with_capacity(stream.len());
    let mut max_live = 0;
    let mut max_index = 0;
    let start = Instant::now();
    let cpu_start = thread_cpu_seconds();
    for &(date, i) in &stream {
        let b = &base[i];
        assignment.push(clusterer.add(Doc {
            language: "en",
            title: b.title.as_deref(),
            text: &b.text,
            date: Some(date),
        }));
        let s = clusterer.stats();
        max_live = max_live.max(s.live);
        max_index = max_index.max(s.index_entries);
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = match (cpu_start, thread_cpu_seconds()) {
        (Some(a), Some(b)) => Some(b - a),
        _ => None,
    };
    let s = clusterer.stats();
    println!("articles: {}", stream.len());
    println!("text_mb: {:.1}", bytes as f64 / 1e6);
    println!("quiet_days: {}", config.quiet_days);
    println!("seconds: {secs:.3}");
    println!(
        "articles_per_second_wall: {:.0}",
        stream.len() as f64 / secs
    );
    if let Some(cpu) = cpu {
        println!("cpu_seconds: {cpu:.3}");
        println!("articles_per_cpu_second: {:.0}", stream.len() as f64 / cpu);
    }
    println!("stories: {}", s.stories);
    println!("live_at_end: {}", s.live);
    println!("max_live: {max_live}");
    println!("max_index_entries: {max_index}");
    println!("terms: {}", s.terms);
    if args.iter().any(|a| a == "--split") {
        time_split(&base, &stream, &assignment, &config);
    }
}

/// Times [`split::split`] on the stories of the stream.
fn time_split(
    base: &[Base],
    stream: &[(NaiveDate, usize)],
    assignment: &[usize],
    config: &ClusterConfig,
) {
    let mut vocab = Vocabulary::default();
    let counts: Vec<_> = base
        .iter()
        .map(|b| {
            let c = vocab.counts("en", b.title.as_deref(), &b.text);
            vocab.observe(&c);
            c
        })
        .collect();
    let base_vectors: Vec<SparseVec> = counts
        .iter()
        .map(|c| vocab.tfidf(&c.body, config.max_doc_terms))
        .collect();
    let vectors: Vec<SparseVec> = stream
        .iter()
        .map(|&(_, i)| base_vectors[i].clone())
        .collect();
    let dates: Vec<Option<NaiveDate>> = stream.iter().map(|&(d, _)| Some(d)).collect();
    let split_config = split::SplitConfig::from(config);
    let cpu_start = thread_cpu_seconds();
    let start = Instant::now();
    let parts = split::split(&vectors, &dates, assignment, &split_config);
    let secs = start.elapsed().as_secs_f64();
    let cpu = match (cpu_start, thread_cpu_seconds()) {
        (Some(a), Some(b)) => Some(b - a),
        _ => None,
    };
    let count = |v: &[usize]| {
        let mut v = v.to_vec();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    for &s in assignment {
        *sizes.entry(s).or_default() += 1;
    }
    let examined = sizes
        .values()
        .filter(|&&k| k >= split_config.min_articles)
        .count();
    let largest = sizes.values().copied().max().unwrap_or(0);
    println!("split_seconds: {secs:.3}");
    if let Some(cpu) = cpu {
        println!("split_cpu_seconds: {cpu:.3}");
    }
    println!("split_stories_examined: {examined}");
    println!("split_largest_story: {largest}");
    println!(
        "split_stories_before_after: {} {}",
        count(assignment),
        count(&parts)
    );
}
