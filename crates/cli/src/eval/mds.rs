//! `storyline eval mds --docs DIR --models DIR`: summarizes every cluster folder under `--docs`
//! with the summary stage and scores the summaries with ROUGE-1.5.5-compatible ROUGE.

use std::path::PathBuf;

use storyline_eval::mds::{self, MdsOptions};

#[derive(clap::Args)]
pub struct Args {
    /// Folder of cluster folders (TREC SGML or any format the ingest stage reads).
    #[arg(long)]
    pub docs: PathBuf,
    /// Folder of model summaries (DUC naming).
    #[arg(long)]
    pub models: PathBuf,
    /// Summary length in words (and ROUGE `-l`).
    #[arg(long, default_value_t = 100)]
    pub words: usize,
    /// Only clusters whose folder name ends with this (`t` for DUC 2003 task 2).
    #[arg(long)]
    pub suffix: Option<String>,
    /// Update task: each topic folder holds time-ordered stage folders; summarize each stage
    /// given the earlier ones.
    #[arg(long)]
    pub update: bool,
    /// With --update: ignore the earlier stages (baseline).
    #[arg(long)]
    pub ignore_seen: bool,
    /// Write the summaries to this folder as `<cluster>.storyline`.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

fn round(x: f64) -> serde_json::Value {
    serde_json::json!((x * 100000.0).round() / 100000.0)
}

/// The report `--json` prints.
pub fn measure(args: &Args) -> anyhow::Result<serde_json::Value> {
    let options = MdsOptions {
        words: args.words,
        update: args.update,
        ignore_seen: args.ignore_seen,
        suffix: args.suffix.clone(),
        out: args.out.clone(),
    };
    let run = mds::run(&args.docs, &args.models, &options)?;
    let Some(s) = run.scores.systems.get("storyline") else {
        anyhow::bail!("nothing was scored");
    };
    let report = serde_json::json!({
        "clusters": run.clusters,
        "articles": run.articles,
        "rouge1_recall": round(s.rouge_n[0].reported.recall),
        "rouge2_recall": round(s.rouge_n[1].reported.recall),
        "rouge4_recall": round(s.rouge_n[3].reported.recall),
        "rouge1_f": round(s.rouge_n[0].reported.f),
        "rouge2_f": round(s.rouge_n[1].reported.f),
        "rougeL_f": round(s.rouge_l.reported.f),
        "rougesu4_recall": round(s.rouge_su.reported.recall),
        "rouge1_recall_mean": round(s.rouge_n[0].mean.recall),
        "rouge2_recall_mean": round(s.rouge_n[1].mean.recall),
        "summarize_seconds": round(run.summarize_seconds),
    });
    Ok(report)
}
