//! `storyline eval syndication`: builds the syndication benchmark from the Timeline17
//! articles (real articles plus copies made with real syndication edits) and scores the
//! detector by pair precision, recall and F1, with exact and with signature-only
//! verification.

use std::path::PathBuf;

use storyline_eval::syndication as bench;
use storyline_eval::syndication::Config;

#[derive(clap::Args)]
pub struct Args {
    /// Number of articles in the benchmark corpus (a quarter of them copies).
    #[arg(long, default_value_t = 1500)]
    pub articles: usize,
    /// Seed of the corpus construction.
    #[arg(long, default_value_t = 17)]
    pub seed: u64,
    /// Also write the corpus as JSON Lines (`id`, `topic`, `date`, `text`, `group`,
    /// `original`) to this file, e.g. for the side-by-side benchmark.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Folder of Timeline17 article files (default: the shared `timeline17/articles`).
    #[arg(long)]
    pub data: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The report `--json` prints.
pub fn measure(args: &Args) -> anyhow::Result<serde_json::Value> {
    let dir = match &args.data {
        Some(d) => d.clone(),
        None => storyline_eval::dataset("timeline17/articles").ok_or_else(|| {
            anyhow::anyhow!("timeline17/articles not found (pass --data or set STORYLINE_DATA)")
        })?,
    };
    let read = bench::read_timeline17(&dir).map_err(|e| anyhow::anyhow!("{e}"))?;
    let read_n = read.len();
    let pool = bench::distinct_pool(read);
    let docs = bench::build(&pool, args.articles, args.seed);
    if let Some(out) = &args.out {
        bench::write_jsonl(&docs, out).map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    let exact = bench::evaluate(&docs, &Config::default());
    let sketch = bench::evaluate(&docs, &Config::sketch());
    let copies = docs.iter().filter(|d| !d.original).count();
    let report = serde_json::json!({
        "articles": docs.len(),
        "copies": copies,
        "real_articles_read": read_n,
        "distinct_pool": pool.len(),
        "seed": args.seed,
        "precision": exact.scores.precision,
        "recall": exact.scores.recall,
        "f1": exact.scores.f1,
        "exact": exact,
        "sketch": sketch,
    });
    Ok(report)
}
