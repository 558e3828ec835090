//! `storyline ingest`: streams files into the database with progress, interruptible.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;
use storyline_core::Article;
use storyline_store::{Added, Store};

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
    let mut tally = Tally::default();
    let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
    let mut interrupted = false;
    let report = storyline_ingest::read_paths(&args.paths, &mut |a| {
        if stop.load(Ordering::SeqCst) {
            interrupted = true;
            return;
        }
        batch.push(a);
        if batch.len() == BATCH {
            tally.store(store.as_mut(), &mut batch, &bar);
        }
        bar.inc(1);
    });
    tally.store(store.as_mut(), &mut batch, &bar);
    bar.finish_and_clear();
    for d in &report.diagnostics {
        eprintln!("storyline: {d}");
    }
    eprintln!(
        "storyline: {} article(s) added, {} already stored, {} failed, {} input problem(s); database {url}",
        tally.added,
        tally.duplicates,
        tally.failed,
        report.diagnostics.len()
    );
    if interrupted {
        anyhow::bail!(
            "interrupted: the {} article(s) added before the interruption are stored",
            tally.added
        );
    }
    Ok(if report.diagnostics.is_empty() && tally.failed == 0 {
        EXIT_OK
    } else {
        EXIT_SKIPPED
    })
}

/// Articles written per commit: one durable commit per batch instead of one per article.
const BATCH: usize = 256;

/// What happened to the articles read so far.
#[derive(Default)]
struct Tally {
    added: usize,
    duplicates: usize,
    failed: usize,
}

impl Tally {
    /// Stores a batch in one commit and empties it. If the batch fails, its articles are
    /// stored one by one, so that one bad article is named and costs only itself.
    fn store(
        &mut self,
        store: &mut dyn Store,
        batch: &mut Vec<Article>,
        bar: &indicatif::ProgressBar,
    ) {
        if batch.is_empty() {
            return;
        }
        match store.add_articles(batch) {
            Ok(added) => added.iter().for_each(|a| self.count(a)),
            Err(_) => {
                for a in batch.iter() {
                    match store.add_article(a) {
                        Ok(added) => self.count(&added),
                        Err(e) => {
                            self.failed += 1;
                            bar.suspend(|| eprintln!("storyline: {}: not stored: {e}", a.origin));
                        }
                    }
                }
            }
        }
        batch.clear();
    }

    fn count(&mut self, added: &Added) {
        match added {
            Added::New(_) => self.added += 1,
            Added::Duplicate(_) => self.duplicates += 1,
        }
    }
}
