//! `storyline brief`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use storyline_core::Article;

use crate::{EXIT_OK, EXIT_SKIPPED};

/// Output format names.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum FormatArg {
    /// Markdown (the terminal view).
    Md,
    /// The stable JSON document.
    Json,
    /// A self-contained HTML report.
    Html,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories to read (.txt, .jsonl, .html, RSS/Atom, .warc[.gz], TREC SGML).
    /// With none, the built-in demo corpus is used.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "md")]
    pub format: FormatArg,
    /// Write the briefing to this file instead of standard output.
    #[arg(short, long)]
    pub out: Option<PathBuf>,
    /// Maximum words in each story summary.
    #[arg(long, default_value_t = 100)]
    pub summary_words: usize,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let mut articles: Vec<Article> = Vec::new();
    let report = if args.paths.is_empty() {
        crate::demo::read(&mut |a| articles.push(a))
    } else {
        storyline_ingest::read_paths(&args.paths, &mut |a| articles.push(a))
    };
    for d in &report.diagnostics {
        eprintln!("storyline: {d}");
    }
    if articles.is_empty() {
        anyhow::bail!(
            "no article could be read from {} file(s){}",
            report.files,
            if report.diagnostics.is_empty() {
                String::new()
            } else {
                format!("; {} problem(s) listed above", report.diagnostics.len())
            }
        );
    }
    tracing::info!(
        files = report.files,
        articles = articles.len(),
        "read input"
    );
    let mut options = storyline_pipeline::Options::default();
    options.summary.max_words = args.summary_words;
    let skipped = report.diagnostics.clone();
    let briefing = storyline_pipeline::run(articles, skipped, &options);
    let format = match args.format {
        FormatArg::Md => storyline_render::Format::Markdown,
        FormatArg::Json => storyline_render::Format::Json,
        FormatArg::Html => storyline_render::Format::Html,
    };
    let text = storyline_render::render(&briefing, format);
    match &args.out {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .context("cannot write to standard output")?;
        }
    }
    if report.diagnostics.is_empty() {
        Ok(EXIT_OK)
    } else {
        eprintln!(
            "storyline: {} input problem(s); the briefing covers the {} article(s) that were read",
            report.diagnostics.len(),
            report.articles
        );
        Ok(EXIT_SKIPPED)
    }
}
