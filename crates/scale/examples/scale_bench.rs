//! Release-mode measurement driver with only this crate's dependencies (the same library
//! calls as `storyline bench corpus` / `storyline bench stream`, without building the whole
//! CLI): `cargo run --release -p storyline-scale --example scale_bench -- corpus N OUT [SEED]`,
//! `… -- stream FILE`.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use storyline_scale::corpus::{CorpusConfig, Pool, generate};
use storyline_scale::stream::{self, StreamOptions};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("corpus") => {
            let n: u64 = args.get(1).map(|s| s.parse()).transpose()?.unwrap_or(1000);
            let out = PathBuf::from(
                args.get(2)
                    .map(String::as_str)
                    .unwrap_or("/tmp/bench.jsonl"),
            );
            let seed: u64 = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(1);
            let data = std::env::var("STORYLINE_DATA").unwrap_or_else(|_| "../shared/data".into());
            let pool = Pool::load(std::path::Path::new(&data)).map_err(anyhow::Error::msg)?;
            eprintln!(
                "pool: {} topics, {} articles, {} sentences",
                pool.topics.len(),
                pool.docs(),
                pool.sentences()
            );
            let t = std::time::Instant::now();
            let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(&out)?);
            let cfg = CorpusConfig {
                articles: n,
                seed,
                ..CorpusConfig::default()
            };
            let s = generate(&pool, &cfg, &mut w)?;
            w.flush()?;
            println!("{s:?} in {:.1}s", t.elapsed().as_secs_f64());
        }
        Some("stream") => {
            let file = PathBuf::from(
                args.get(1)
                    .map(String::as_str)
                    .unwrap_or("/tmp/bench.jsonl"),
            );
            let res = stream::run_file(&file, &StreamOptions::default(), &|_| {})?;
            let r = &res.report;
            println!(
                "stream: {} articles in {:.2}s = {:.0} articles/s, {:.1} MB/s, peak RSS {:?} kB, groups {} ({} articles), stories {}",
                r.articles,
                r.seconds,
                r.articles as f64 / r.seconds,
                r.bytes as f64 / 1e6 / r.seconds,
                r.peak_rss_kb,
                r.groups,
                r.grouped_articles,
                r.stories
            );
            println!(
                "stages: index thread {:.2}s, story thread {:.2}s, index thread idle {:.2}s",
                r.index_seconds, r.cluster_seconds, r.wait_seconds
            );
            println!("groups vs gold: {:?}", r.syndication_gold);
            println!("stories vs gold: {:?}", r.stories_gold);
            let (n, tok, bytes, secs) = stream::read_tokenize(&file, 4096, &|_| {})?;
            println!(
                "raw read+parse+tokenize: {n} articles, {tok} tokens in {secs:.2}s = {:.0} articles/s, {:.1} MB/s",
                n as f64 / secs,
                bytes as f64 / 1e6 / secs
            );
        }
        _ => anyhow::bail!("usage: bench corpus N OUT [SEED] | bench stream FILE"),
    }
    Ok(())
}
