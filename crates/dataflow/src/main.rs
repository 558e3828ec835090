//! `storyline-dataflow`: one process of the distributed ingest → syndication → stories run
//! (timely's options after `--`), or with `--single` the single-process streaming run of the
//! same file; either writes groups and stories per article as JSON.
//!
//! ```text
//! storyline-dataflow FILE --out p0.json -- -w 2 -n 2 -p 0 -h hosts.txt
//! storyline-dataflow FILE --out p1.json -- -w 2 -n 2 -p 1 -h hosts.txt
//! storyline-dataflow FILE --single --out single.json
//! ```

use std::path::PathBuf;

use clap::Parser;
use storyline_dataflow::{DataflowOptions, run};

/// Command-line arguments.
#[derive(Parser)]
#[command(about = "Distributed ingest → syndication → stories on timely-dataflow")]
struct Args {
    /// JSON Lines file (every process reads its own chunks).
    file: PathBuf,
    /// Bytes per chunk (one chunk per worker per epoch).
    #[arg(long, default_value_t = 1 << 20)]
    chunk: u64,
    /// Run the single-process streaming run instead (for comparison).
    #[arg(long)]
    single: bool,
    /// Store URL (sqlite://PATH or postgres://…): worker 0 adds the articles in stream order
    /// and stores the groups and stories (derived view `stream-assignments`).
    #[arg(long)]
    store: Option<String>,
    /// Write the result (report, group and story of every article) here as JSON.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Timely options: -w threads, -n processes, -p process index, -h host file.
    #[arg(last = true)]
    timely: Vec<String>,
}

fn main() -> std::process::ExitCode {
    match main_inner() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("storyline-dataflow: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn main_inner() -> anyhow::Result<()> {
    let a = Args::parse();
    let mut opts = DataflowOptions::new(&a.file);
    opts.chunk_bytes = a.chunk;
    opts.store = a.store;
    if a.single && opts.store.is_some() {
        anyhow::bail!("--store is for the dataflow run");
    }
    let json = if a.single {
        let res = storyline_scale::stream::run_file(&a.file, &opts.stream, &|_| {})?;
        eprintln!("{}", storyline_dataflow::summary(&res.report, None));
        Some(storyline_dataflow::result_json(&res, None))
    } else {
        match run(&opts, &a.timely)? {
            Some(res) => {
                eprintln!(
                    "{}",
                    storyline_dataflow::summary(&res.result.report, Some(&res))
                );
                Some(storyline_dataflow::result_json(&res.result, Some(&res)))
            }
            None => None,
        }
    };
    if let (Some(out), Some(json)) = (a.out, json) {
        std::fs::write(out, serde_json::to_string(&json)?)?;
    }
    Ok(())
}
