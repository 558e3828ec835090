//! Throughput, memory and pair F1 of the incremental index on a JSON Lines corpus
//! (`text`, optional `date` `YYYY-MM-DD`, optional gold `group`), e.g. the one written by
//! `storyline eval syndication --out FILE`.
//!
//! ```text
//! cargo run --release -p storyline-syndication --example bench -- FILE [--exact] [--threads N] [--anchor X] [--bands B --rows R]
//! ```
//!
//! Articles are read and inserted in a stream: chunks of 2,048 lines are parsed and
//! sketched in parallel (rayon, `--threads` workers) and inserted one at a time; texts are
//! dropped after sketching. Prints one JSON object, with the wall time of each phase
//! (`parse_seconds`, `sketch_seconds`, `insert_seconds`; reading is the rest).

use std::collections::HashMap;
use std::io::BufRead;
use std::time::Instant;

use rayon::prelude::*;
use storyline_syndication::index::Sketch;
use storyline_syndication::{Config, Index};

/// A sketched line: sketch, date, gold group.
type Sketched = (
    Sketch,
    Option<chrono::NaiveDate>,
    Option<usize>,
    Option<String>,
);

#[derive(serde::Deserialize)]
struct Line {
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    group: Option<usize>,
    #[serde(default)]
    id: Option<String>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .find(|a| !a.starts_with("--") && a.parse::<usize>().is_err())
        .ok_or("usage: bench FILE [--exact] [--threads N]")?;
    let exact = args.iter().any(|a| a == "--exact");
    if let Some(i) = args.iter().position(|a| a == "--threads") {
        let n: usize = args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .ok_or("--threads N")?;
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()?;
    }
    // `--mixed N`: print up to N groups that join different gold groups (diagnosis).
    let show_mixed: usize = args
        .iter()
        .position(|a| a == "--mixed")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let mut ids: Vec<String> = Vec::new();
    let mut cfg = if exact {
        Config::default()
    } else {
        Config::sketch()
    };
    // `--bands B --rows R`: LSH banding.
    let flag = |name: &str| -> Option<usize> {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|x| x.parse().ok())
    };
    if let (Some(bands), Some(rows)) = (flag("--bands"), flag("--rows")) {
        cfg.banding = storyline_syndication::minhash::Banding { bands, rows };
    }
    // `--anchor X`: containment required of two groups' anchors before they join.
    if let Some(x) = args
        .iter()
        .position(|a| a == "--anchor")
        .and_then(|i| args.get(i + 1))
        .and_then(|x| x.parse().ok())
    {
        cfg.anchor_containment = x;
    }
    let mut index = Index::new(cfg.clone());
    let mut gold: Vec<usize> = Vec::new();
    let reader = std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(path)?);
    let start = Instant::now();
    let mut lines = reader.lines();
    let mut chunk: Vec<String> = Vec::with_capacity(2048);
    let mut bad = 0usize;
    let (mut parse_secs, mut sketch_secs, mut insert_secs) = (0.0f64, 0.0f64, 0.0f64);
    loop {
        chunk.clear();
        for l in lines.by_ref().take(2048) {
            chunk.push(l?);
        }
        if chunk.is_empty() {
            break;
        }
        let t0 = Instant::now();
        let parsed: Vec<Option<Line>> = chunk
            .par_iter()
            .map(|l| serde_json::from_str(l).ok())
            .collect();
        let t1 = Instant::now();
        let sketched: Vec<Option<Sketched>> = parsed
            .into_par_iter()
            .map(|line| {
                let line = line?;
                let date = line
                    .date
                    .as_deref()
                    .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                Some((
                    Sketch::new(&line.text, cfg.exact),
                    date,
                    line.group,
                    line.id,
                ))
            })
            .collect();
        let t2 = Instant::now();
        parse_secs += (t1 - t0).as_secs_f64();
        sketch_secs += (t2 - t1).as_secs_f64();
        for s in sketched {
            match s {
                Some((sketch, date, group, id)) => {
                    index.insert_sketch(sketch, date);
                    if show_mixed > 0 {
                        ids.push(id.unwrap_or_default());
                    }
                    gold.push(group.unwrap_or(usize::MAX - gold.len()));
                }
                None => bad += 1,
            }
        }
        insert_secs += t2.elapsed().as_secs_f64();
    }
    let groups = index.groups();
    let secs = start.elapsed().as_secs_f64();

    // Pair precision / recall / F1 against the gold groups.
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let mut sizes: HashMap<usize, u64> = HashMap::new();
    for &g in &gold {
        *sizes.entry(g).or_default() += 1;
    }
    let gold_pairs: u64 = sizes.values().map(|&n| pairs(n)).sum();
    let (mut pred, mut tp, mut shown) = (0u64, 0u64, 0usize);
    for g in &groups {
        pred += pairs(g.members.len() as u64);
        let mut by: HashMap<usize, u64> = HashMap::new();
        for &m in &g.members {
            *by.entry(gold[m]).or_default() += 1;
        }
        tp += by.values().map(|&n| pairs(n)).sum::<u64>();
        if by.len() > 1 && shown < show_mixed {
            shown += 1;
            let m: Vec<String> = g
                .members
                .iter()
                .map(|&m| ids.get(m).cloned().unwrap_or_default())
                .collect();
            eprintln!("mixed group (min similarity {:.3}): {m:?}", g.similarity);
        }
    }
    if show_mixed > 0
        && let Some(g) = groups.iter().max_by_key(|g| g.members.len())
    {
        let m: Vec<String> = g
            .members
            .iter()
            .map(|&m| ids.get(m).cloned().unwrap_or_default())
            .collect();
        eprintln!("largest group (min similarity {:.3}): {m:?}", g.similarity);
    }
    let p = if pred > 0 {
        tp as f64 / pred as f64
    } else {
        1.0
    };
    let r = if gold_pairs > 0 {
        tp as f64 / gold_pairs as f64
    } else {
        1.0
    };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let report = serde_json::json!({
        "tool": "storyline-syndication",
        "mode": if exact { "exact" } else { "sketch" },
        "anchor_containment": cfg.anchor_containment,
        "bands": cfg.banding.bands,
        "rows": cfg.banding.rows,
        "articles": index.len(),
        "unreadable_lines": bad,
        "threads": rayon::current_num_threads(),
        "seconds": secs,
        "articles_per_second": index.len() as f64 / secs,
        "parse_seconds": parse_secs,
        "sketch_seconds": sketch_secs,
        "insert_seconds": insert_secs,
        "index_bytes": index.memory_bytes(),
        "groups": groups.len(),
        "largest_group": groups.iter().map(|g| g.members.len()).max().unwrap_or(0),
        "precision": p,
        "recall": r,
        "f1": f1,
    });
    println!("{report}");
    Ok(())
}
