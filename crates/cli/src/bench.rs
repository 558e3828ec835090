//! `storyline bench …`: speed measurements at scale: the benchmark corpus generator and the
//! single-machine streaming run, and one process of the distributed run on timely-dataflow
//! (see `docs/SCALING.md`).

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use storyline_scale::corpus::{CorpusConfig, Pool, generate};
use storyline_scale::stream::{self, Agreement, StreamOptions};

/// The bench subcommands.
#[derive(clap::Subcommand)]
pub enum BenchCommand {
    /// Generate a benchmark corpus (JSON Lines with gold `story` and `copy_of`) from the real
    /// articles of the shared data sets.
    Corpus(CorpusArgs),
    /// Stream a JSON Lines file through ingest → syndication → story assignment and report
    /// articles/s, peak memory, groups and stories (and agreement with gold fields).
    Stream(StreamArgs),
    /// One process of the distributed run of ingest → syndication → story assignment on
    /// timely-dataflow (timely's `-w/-n/-p/-h` options after `--`); same groups and stories
    /// as `bench stream`.
    Dataflow(DataflowArgs),
}

/// Arguments of `bench dataflow`.
#[derive(clap::Args)]
pub struct DataflowArgs {
    /// JSON Lines file (every process reads its own chunks of it).
    pub file: PathBuf,
    /// Bytes per chunk (one chunk per worker per epoch).
    #[arg(long, default_value_t = 1 << 20)]
    pub chunk: u64,
    /// Store (sqlite://PATH or postgres://…) that receives the articles and the groups and
    /// stories, as `storyline ingest` would fill it.
    #[arg(long)]
    pub database: Option<String>,
    /// Write the report and every article's group and story here as JSON.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Timely options: -w threads per process, -n processes, -p this process, -h host file.
    #[arg(last = true)]
    pub timely: Vec<String>,
}

/// Arguments of `bench corpus`.
#[derive(clap::Args)]
pub struct CorpusArgs {
    /// Number of articles.
    #[arg(long)]
    pub articles: u64,
    /// Output file (`-` for standard output).
    #[arg(long)]
    pub out: PathBuf,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Articles per day.
    #[arg(long, default_value_t = 4000)]
    pub per_day: u64,
    /// Share of syndicated copies.
    #[arg(long, default_value_t = 0.15)]
    pub copy_rate: f64,
    /// Shared data folder (default: `$STORYLINE_DATA` or `../shared/data`).
    #[arg(long)]
    pub data: Option<PathBuf>,
}

/// Arguments of `bench stream`.
#[derive(clap::Args)]
pub struct StreamArgs {
    /// JSON Lines file.
    pub file: PathBuf,
    /// Lines per batch.
    #[arg(long, default_value_t = 4096)]
    pub batch: usize,
    /// Verify copies with exact shingle sets (4 bytes a shingle kept per article) instead of
    /// the 256-byte signatures.
    #[arg(long)]
    pub exact: bool,
    /// Skip the raw read+tokenize pass.
    #[arg(long)]
    pub no_raw: bool,
    /// No progress bar.
    #[arg(long)]
    pub quiet: bool,
}

/// Runs a bench subcommand.
pub fn run(cmd: BenchCommand) -> anyhow::Result<u8> {
    match cmd {
        BenchCommand::Corpus(a) => corpus(a),
        BenchCommand::Stream(a) => stream_cmd(a),
        BenchCommand::Dataflow(a) => dataflow_cmd(a),
    }
}

fn corpus(a: CorpusArgs) -> anyhow::Result<u8> {
    let data = match a.data {
        Some(d) => d,
        None => storyline_eval::shared_data_dir()
            .context("shared data folder not found (use --data or STORYLINE_DATA)")?,
    };
    let t = std::time::Instant::now();
    let pool = Pool::load(&data).map_err(anyhow::Error::msg)?;
    eprintln!(
        "pool: {} topics, {} articles, {} sentences ({:.1}s)",
        pool.topics.len(),
        pool.docs(),
        pool.sentences(),
        t.elapsed().as_secs_f64()
    );
    let cfg = CorpusConfig {
        articles: a.articles,
        seed: a.seed,
        articles_per_day: a.per_day,
        copy_rate: a.copy_rate,
        ..CorpusConfig::default()
    };
    let t = std::time::Instant::now();
    let stats = if a.out.as_os_str() == "-" {
        let stdout = std::io::stdout();
        let mut w = BufWriter::with_capacity(1 << 20, stdout.lock());
        generate(&pool, &cfg, &mut w)?
    } else {
        let f = std::fs::File::create(&a.out)
            .with_context(|| format!("cannot create {}", a.out.display()))?;
        let mut w = BufWriter::with_capacity(1 << 20, f);
        let s = generate(&pool, &cfg, &mut w)?;
        w.flush()?;
        s
    };
    eprintln!(
        "wrote {} articles ({} copies, {:.1}%), {} stories over {} days, {:.1} MB in {:.1}s",
        stats.articles,
        stats.copies,
        100.0 * stats.copies as f64 / stats.articles.max(1) as f64,
        stats.stories,
        stats.days,
        stats.bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    Ok(0)
}

fn bar(total: u64, quiet: bool, what: &str) -> indicatif::ProgressBar {
    if quiet {
        return indicatif::ProgressBar::hidden();
    }
    let pb = indicatif::ProgressBar::new(total);
    pb.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
        "{what} {{bar:40}} {{bytes}}/{{total_bytes}} {{bytes_per_sec}} eta {{eta}}"
    )) {
        pb.set_style(style);
    }
    pb
}

fn show(name: &str, a: &Option<Agreement>) {
    if let Some(a) = a {
        println!(
            "{name} vs gold: pairwise P {:.4} R {:.4} F1 {:.4}; B-cubed P {:.4} R {:.4} F1 {:.4}",
            a.precision, a.recall, a.f1, a.b3_precision, a.b3_recall, a.b3_f1
        );
    }
}

fn stream_cmd(a: StreamArgs) -> anyhow::Result<u8> {
    let size = std::fs::metadata(&a.file)
        .with_context(|| format!("cannot open {}", a.file.display()))?
        .len();
    let opts = StreamOptions {
        batch: a.batch,
        syndication: if a.exact {
            storyline_syndication_config_exact()
        } else {
            StreamOptions::default().syndication
        },
        ..StreamOptions::default()
    };
    let pb = bar(size, a.quiet, "stream");
    let res = stream::run_file(&a.file, &opts, &|b| pb.set_position(b))?;
    pb.finish_and_clear();
    let r = &res.report;
    println!(
        "stream: {} articles ({} bad lines), {:.1} MB in {:.2}s: {:.0} articles/s, {:.1} MB/s; peak RSS {}",
        r.articles,
        r.bad_lines,
        r.bytes as f64 / 1e6,
        r.seconds,
        r.articles as f64 / r.seconds.max(1e-9),
        r.bytes as f64 / 1e6 / r.seconds.max(1e-9),
        r.peak_rss_kb
            .map(|k| format!("{:.0} MB", k as f64 / 1024.0))
            .unwrap_or_else(|| "unknown".into())
    );
    println!(
        "groups: {} ({} articles in them); stories: {}",
        r.groups, r.grouped_articles, r.stories
    );
    println!(
        "sequential stages: index thread {:.2}s, story thread {:.2}s; index thread idle {:.2}s",
        r.index_seconds, r.cluster_seconds, r.wait_seconds
    );
    show("groups", &r.syndication_gold);
    show("stories", &r.stories_gold);
    if !a.no_raw {
        let pb = bar(size, a.quiet, "read+tokenize");
        let (n, tokens, bytes, secs) =
            stream::read_tokenize(&a.file, a.batch, &|b| pb.set_position(b))?;
        pb.finish_and_clear();
        println!(
            "raw read+parse+tokenize: {n} articles, {tokens} tokens, {:.1} MB in {secs:.2}s: {:.0} articles/s, {:.1} MB/s (stream run is {:.1}x slower)",
            bytes as f64 / 1e6,
            n as f64 / secs.max(1e-9),
            bytes as f64 / 1e6 / secs.max(1e-9),
            r.seconds / secs.max(1e-9)
        );
    }
    Ok(0)
}

fn storyline_syndication_config_exact() -> storyline_scale::stream::SyndicationConfig {
    storyline_scale::stream::SyndicationConfig::default()
}

fn dataflow_cmd(a: DataflowArgs) -> anyhow::Result<u8> {
    let mut opts = storyline_dataflow::DataflowOptions::new(&a.file);
    opts.chunk_bytes = a.chunk;
    opts.store = a.database;
    let Some(res) = storyline_dataflow::run(&opts, &a.timely)? else {
        // Not the process of worker 0: it reports.
        return Ok(0);
    };
    println!(
        "{}",
        storyline_dataflow::summary(&res.result.report, Some(&res))
    );
    show("groups", &res.result.report.syndication_gold);
    show("stories", &res.result.report.stories_gold);
    if let Some(out) = a.out {
        let json = storyline_dataflow::result_json(&res.result, Some(&res));
        std::fs::write(&out, serde_json::to_string(&json)?)
            .with_context(|| format!("cannot write {}", out.display()))?;
    }
    Ok(0)
}
