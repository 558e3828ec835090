//! `storyline ingest`: streams files into the database with progress, interruptible.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;
use storyline_store::Added;

use crate::{EXIT_OK, EXIT_SKIPPED};

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories to read.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Database URL: sqlite://PATH (default: storyline.db in the user's data folder) or postgres://…
    #[arg(long)]
    pub database: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let url = args.database.unwrap_or_else(storyline_store::default_url);
    let mut store =
        storyline_store::open(&url).with_context(|| format!("cannot open database {url}"))?;
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst));
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {pos} articles read ({per_sec}) {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    if std::env::var_os("CI").is_some() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let (mut added, mut duplicates, mut failed) = (0usize, 0usize, 0usize);
    let mut interrupted = false;
    let report = storyline_ingest::read_paths(&args.paths, &mut |a| {
        if stop.load(Ordering::SeqCst) {
            interrupted = true;
            return;
        }
        match store.add_article(&a) {
            Ok(Added::New(_)) => added += 1,
            Ok(Added::Duplicate(_)) => duplicates += 1,
            Err(e) => {
                failed += 1;
                bar.suspend(|| eprintln!("storyline: {}: not stored: {e}", a.origin));
            }
        }
        bar.inc(1);
    });
    bar.finish_and_clear();
    for d in &report.diagnostics {
        eprintln!("storyline: {d}");
    }
    eprintln!(
        "storyline: {added} article(s) added, {duplicates} already stored, {failed} failed, {} input problem(s); database {url}",
        report.diagnostics.len()
    );
    if interrupted {
        anyhow::bail!(
            "interrupted: the {added} article(s) added before the interruption are stored"
        );
    }
    Ok(if report.diagnostics.is_empty() && failed == 0 {
        EXIT_OK
    } else {
        EXIT_SKIPPED
    })
}
