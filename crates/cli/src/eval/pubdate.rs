//! `storyline eval pubdate`: publication-date inference on articles whose dates are hidden.

use std::path::PathBuf;

use storyline_eval::pubdate::{Options, evaluate};

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders of dated articles, in any format `storyline ingest` reads (TREC SGML
    /// as in DUC, JSON Lines, HTML, feeds, WARC, text with a date header).
    pub paths: Vec<PathBuf>,
    /// A Timeline17 folder: its `articles/*.csv` rows (`date,text`) are read as well.
    #[arg(long)]
    pub t17: Option<PathBuf>,
    /// Share of the dated articles whose date is hidden (1 = all: only the text's own
    /// evidence can date them; less lets syndicated copies lend their dates).
    #[arg(long, default_value_t = 1.0)]
    pub hide: f64,
    /// Seed of the choice of hidden articles.
    #[arg(long, default_value_t = 17)]
    pub seed: u64,
    /// List every wrong date after the report.
    #[arg(long)]
    pub errors: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The report `--json` prints.
pub fn measure(args: &Args) -> anyhow::Result<serde_json::Value> {
    if args.paths.is_empty() && args.t17.is_none() {
        anyhow::bail!("give at least one PATH of dated articles or --t17 DIR");
    }
    if !(0.0..=1.0).contains(&args.hide) {
        anyhow::bail!("--hide must be between 0 and 1, not {}", args.hide);
    }
    let mut articles = Vec::new();
    if !args.paths.is_empty() {
        let report = storyline_ingest::read_paths(&args.paths, &mut |a| articles.push(a));
        for d in &report.diagnostics {
            tracing::warn!("{d}");
        }
    }
    if let Some(dir) = &args.t17 {
        for (csv, _) in storyline_eval::tls::t17_topics(dir)? {
            let (rows, skipped) = storyline_eval::tls::read_t17_articles(&csv)?;
            if skipped > 0 {
                tracing::warn!("{}: {skipped} rows without a readable date", csv.display());
            }
            let topic = csv.file_stem().and_then(|s| s.to_str()).unwrap_or("t17");
            for (i, (date, text)) in rows.into_iter().enumerate() {
                let mut a = storyline_core::Article::new(format!("{topic}:{}", i + 2), text);
                a.published = Some(storyline_core::Published {
                    date,
                    source: storyline_core::DateSource::Metadata,
                    confidence: 1.0,
                });
                articles.push(a);
            }
        }
    }
    let report = evaluate(
        articles,
        Options {
            hide: args.hide,
            seed: args.seed,
        },
        args.errors,
    );
    Ok(serde_json::to_value(&report)?)
}
