//! `storyline eval …`: scores each stage against annotated data.

mod all;
mod clusters;
mod entities;
mod mds;
mod paraphrase;
mod pubdate;
mod quotes;
mod rouge;
mod syndication;
mod timex;
mod tls;

use clap::Subcommand;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Temporal tagging on TimeML (.tml) files: span, type and value scores (TempEval-3).
    Timex(timex::Args),
    /// ROUGE-1.5.5-compatible scores of peer summaries against model summaries.
    Rouge(rouge::Args),
    /// Summarize DUC-style clusters and score them with ROUGE.
    Mds(mds::Args),
    /// Timeline summarization on Timeline17-style data (alignment ROUGE, date F1).
    Tls(tls::Args),
    /// Story clustering of gold story folders (B-cubed and pairwise F1).
    Clusters(Box<clusters::Args>),
    /// Syndication detection on a benchmark made from real articles.
    Syndication(syndication::Args),
    /// Named-entity recognition on MEANTIME (precision, recall, F1 per type).
    Entities(entities::Args),
    /// Paraphrase test on MSRP (accuracy, F1).
    Paraphrase(paraphrase::Args),
    /// Quote extraction on the hand-annotated quote set (precision, recall, speaker accuracy).
    Quotes(quotes::Args),
    /// Publication-date inference on dated articles whose dates are hidden (coverage,
    /// precision, per evidence source).
    Pubdate(pubdate::Args),
    /// Every stage's headline figure in one table: runs the measurement of each stage on
    /// the data sets present under --data, exactly as its own subcommand does, next to the
    /// goal where one exists and the single-stage command that reproduces the row.
    ///
    /// Exit code 0 when every row was measured (an unmet goal is information, not a
    /// failure), 2 when a data set was absent (its rows say "skipped: <path> not found"),
    /// 1 when a measurement failed or the run was interrupted.
    All(all::Args),
}

pub fn run(cmd: EvalCommand) -> anyhow::Result<u8> {
    match cmd {
        EvalCommand::Timex(a) => timex::run(a),
        EvalCommand::Rouge(a) => rouge::run(a),
        EvalCommand::Mds(a) => print_measured(mds::measure(&a)?, a.json),
        EvalCommand::Tls(a) => print_measured(tls::measure(&a)?, a.json),
        EvalCommand::Clusters(a) => print_measured(clusters::measure(&a)?, a.json),
        EvalCommand::Syndication(a) => print_measured(syndication::measure(&a)?, a.json),
        EvalCommand::Entities(a) => entities::run(a),
        EvalCommand::Paraphrase(a) => print_measured(paraphrase::measure(&a)?, a.json),
        EvalCommand::Quotes(a) => quotes::run(a),
        EvalCommand::Pubdate(a) => print_measured(pubdate::measure(&a)?, a.json),
        EvalCommand::All(a) => all::run(a),
    }
}

/// The report a scoring subcommand prints with `--json`, measured in process.
pub fn measure(cmd: &EvalCommand) -> anyhow::Result<serde_json::Value> {
    Ok(match cmd {
        EvalCommand::Timex(a) => timex::measure(a)?,
        EvalCommand::Mds(a) => mds::measure(a)?,
        EvalCommand::Tls(a) => tls::measure(a)?,
        EvalCommand::Clusters(a) => clusters::measure(a)?,
        EvalCommand::Syndication(a) => syndication::measure(a)?,
        EvalCommand::Entities(a) => serde_json::to_value(entities::measure(a)?)?,
        EvalCommand::Paraphrase(a) => paraphrase::measure(a)?,
        EvalCommand::Quotes(a) => serde_json::to_value(quotes::measure(a)?)?,
        EvalCommand::Pubdate(a) => pubdate::measure(a)?,
        EvalCommand::Rouge(_) | EvalCommand::All(_) => {
            anyhow::bail!("this subcommand has no single report to measure")
        }
    })
}

/// Prints the report of a subcommand whose output is its report alone; exit code 0.
fn print_measured(report: serde_json::Value, json: bool) -> anyhow::Result<u8> {
    print_report(&report, json);
    Ok(crate::EXIT_OK)
}

/// Prints a report as pretty JSON or as `key: value` lines.
pub fn print_report(value: &serde_json::Value, json: bool) {
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(value).unwrap_or_default()
        );
    } else if let Some(map) = value.as_object() {
        for (k, v) in map {
            match v {
                serde_json::Value::Number(n) => println!("{k}: {n}"),
                serde_json::Value::String(s) => println!("{k}: {s}"),
                other if other.is_object() || other.is_array() => {
                    println!("{k}: {}", serde_json::to_string(other).unwrap_or_default())
                }
                other => println!("{k}: {other}"),
            }
        }
    }
}
