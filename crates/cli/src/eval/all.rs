//! `storyline eval all`: every stage's headline figure in one table.
//!
//! Each row is measured in process by the same code as its single-stage subcommand: the
//! subcommand's arguments are parsed from the very command line the row prints in its
//! `command` column, and the value is read from the report that command prints with `--json`.
//! A data set that is absent gives rows "skipped: <path> not found"; the other rows still run.
//!
//! Goals are those of the issues: TIMEX strict and value F1 ≥ 0.85 on TBAQ-cleaned, story
//! clustering B-cubed F1 ≥ 0.95 on DUC 2003 + DUC 2006 in one stream, MDS ROUGE-2 recall
//! ≥ 0.085 on DUC 2003 task 2, syndication pair F1 ≥ 0.98 on the 100,000-article benchmark,
//! and for Timeline17 AR-1 F ≥ 0.18 and date F1 ≥ 0.85 held out:
//! the figure printed here is in-sample, so it is shown next to that goal but not judged by it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use clap::Parser;
use serde_json::{Value, json};

use super::EvalCommand;

#[derive(clap::Args)]
pub struct Args {
    /// Folder holding the data sets (`tempeval3/`, `duc2003/`, `timeline17/`, …); the quote
    /// set is read from the `seeds/` folder next to it.
    #[arg(long, env = "STORYLINE_DATA", default_value = "../shared/data")]
    pub data: PathBuf,
    /// Only these stages (comma-separated).
    #[arg(long, value_delimiter = ',', value_enum)]
    pub only: Vec<Stage>,
    /// Print the rows as JSON instead of a Markdown table.
    #[arg(long)]
    pub json: bool,
}

/// A stage with headline rows.
#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub enum Stage {
    Timex,
    Pubdate,
    Syndication,
    Clusters,
    Mds,
    Paraphrase,
    Tls,
    Entities,
    Quotes,
}

impl Stage {
    fn name(self) -> &'static str {
        match self {
            Stage::Timex => "timex",
            Stage::Pubdate => "pubdate",
            Stage::Syndication => "syndication",
            Stage::Clusters => "clusters",
            Stage::Mds => "mds",
            Stage::Paraphrase => "paraphrase",
            Stage::Tls => "tls",
            Stage::Entities => "entities",
            Stage::Quotes => "quotes",
        }
    }
}

/// A goal of an issue.
#[derive(Clone, Copy)]
struct Goal {
    at_least: f64,
    /// The goal is set on held-out data; the figure measured here is in-sample.
    held_out: bool,
}

/// One figure read from a report.
struct Metric {
    name: &'static str,
    /// JSON pointer into the subcommand's `--json` report.
    pointer: &'static str,
    goal: Option<Goal>,
}

/// One run of a subcommand, giving one or more rows.
struct Job {
    stage: Stage,
    data: &'static str,
    /// Paths that must exist for the run to make sense.
    needs: Vec<PathBuf>,
    /// The subcommand's arguments after `storyline eval`.
    argv: Vec<String>,
    metrics: Vec<Metric>,
    note: Option<&'static str>,
}

const fn goal(at_least: f64) -> Option<Goal> {
    Some(Goal {
        at_least,
        held_out: false,
    })
}

const fn held_out(at_least: f64) -> Option<Goal> {
    Some(Goal {
        at_least,
        held_out: true,
    })
}

const fn metric(name: &'static str, pointer: &'static str, goal: Option<Goal>) -> Metric {
    Metric {
        name,
        pointer,
        goal,
    }
}

fn arg(p: &Path) -> String {
    p.display().to_string()
}

/// The folder next to the data folder (where `seeds/` lives).
fn shared_root(data: &Path) -> PathBuf {
    match data.parent() {
        Some(p) if !p.as_os_str().is_empty() && data.file_name().is_some() => p.to_path_buf(),
        _ => data.join(".."),
    }
}

/// The headline rows of docs/QUALITY.md, in the order of its table.
fn jobs(data: &Path) -> Vec<Job> {
    let d = |rel: &str| data.join(rel);
    let s = |x: &str| x.to_string();
    let tbaq = d("tempeval3/TBAQ-cleaned");
    let wikiwars = d("wikiwars_tweets_timex/wikiwars/whole-tml/tml");
    let tweets = d("wikiwars_tweets_timex/tweets/testset/tml");
    let meantime = d("meantime_en/intra_cross-doc_annotation");
    let t17 = d("timeline17");
    let t17_articles = d("timeline17/articles");
    let duc2003 = d("duc2003/docs.without.headlines");
    let duc2003_models = d("duc2003/detagged.duc2003.abstracts/models");
    let duc2006 = d("duc2006/duc2006_docs");
    let msrp = d("msrp_paraphrase");
    let root = shared_root(data);
    let timex = |name: &'static str, dir: &PathBuf, metrics: Vec<Metric>| Job {
        stage: Stage::Timex,
        data: name,
        needs: vec![dir.clone()],
        argv: vec![s("timex"), arg(dir), s("--json")],
        metrics,
        note: None,
    };
    vec![
        timex(
            "TBAQ-cleaned",
            &tbaq,
            vec![
                metric("strict F1", "/strict_f1", goal(0.85)),
                metric("value F1", "/value_f1", goal(0.85)),
            ],
        ),
        timex(
            "WikiWars",
            &wikiwars,
            vec![metric("value F1", "/value_f1", None)],
        ),
        timex(
            "Tweets test",
            &tweets,
            vec![metric("value F1", "/value_f1", None)],
        ),
        timex(
            "MEANTIME",
            &meantime,
            vec![metric("value F1", "/value_f1", None)],
        ),
        Job {
            stage: Stage::Pubdate,
            data: "Timeline17, all dates hidden",
            needs: vec![t17_articles.clone()],
            argv: vec![s("pubdate"), s("--t17"), arg(&t17), s("--json")],
            metrics: vec![
                metric("precision", "/precision", None),
                metric("dated again", "/inferred", None),
            ],
            note: None,
        },
        Job {
            stage: Stage::Syndication,
            data: "Timeline17 benchmark, 100,000 articles",
            needs: vec![t17_articles.clone()],
            argv: vec![
                s("syndication"),
                s("--articles"),
                s("100000"),
                s("--data"),
                arg(&t17_articles),
                s("--json"),
            ],
            metrics: vec![metric("pair F1 (exact)", "/f1", goal(0.98))],
            note: None,
        },
        Job {
            stage: Stage::Clusters,
            data: "DUC 2003 + DUC 2006, one stream",
            needs: vec![duc2003.clone(), duc2006.clone()],
            argv: vec![s("clusters"), arg(&duc2003), arg(&duc2006), s("--json")],
            metrics: vec![metric("B-cubed F1", "/bcubed_f1", goal(0.95))],
            note: None,
        },
        Job {
            stage: Stage::Clusters,
            data: "MEANTIME",
            needs: vec![meantime.clone()],
            argv: vec![s("clusters"), arg(&meantime), s("--json")],
            metrics: vec![metric("B-cubed F1", "/bcubed_f1", None)],
            note: None,
        },
        Job {
            stage: Stage::Mds,
            data: "DUC 2003 task 2",
            needs: vec![duc2003.clone(), duc2003_models.clone()],
            argv: vec![
                s("mds"),
                s("--docs"),
                arg(&duc2003),
                s("--models"),
                arg(&duc2003_models),
                s("--suffix"),
                s("t"),
                s("--json"),
            ],
            metrics: vec![
                metric("ROUGE-2 recall", "/rouge2_recall", goal(0.085)),
                metric("ROUGE-1 recall", "/rouge1_recall", None),
            ],
            note: Some("ROUGE-1.5.5 flags -n 4 -x -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a"),
        },
        Job {
            stage: Stage::Paraphrase,
            data: "MSRP test",
            needs: vec![
                msrp.join("msr_paraphrase_train.txt"),
                msrp.join("msr_paraphrase_test.txt"),
            ],
            argv: vec![s("paraphrase"), s("--data"), arg(&msrp), s("--json")],
            metrics: vec![
                metric("accuracy", "/accuracy", None),
                metric("F1", "/f1", None),
            ],
            note: None,
        },
        Job {
            stage: Stage::Tls,
            data: "Timeline17 (in-sample)",
            needs: vec![t17_articles, t17.join("gold_merged")],
            argv: vec![s("tls"), s("--t17"), arg(&t17), s("--json")],
            metrics: vec![
                metric("AR-1 F", "/ar1_f", held_out(0.18)),
                metric("AR-2 F", "/ar2_f", None),
                metric("date F1", "/date_f1", held_out(0.85)),
            ],
            note: Some(
                "in-sample: the weights were chosen on these topics; the goals are held-out \
                 goals, measured by the tls_tune example",
            ),
        },
        Job {
            stage: Stage::Entities,
            data: "MEANTIME",
            needs: vec![meantime.clone()],
            argv: vec![s("entities"), arg(&meantime), s("--json")],
            metrics: vec![metric("exact F1", "/types/ALL/1/f1", None)],
            note: None,
        },
        Job {
            stage: Stage::Quotes,
            data: "quote set (seeds 002, 003)",
            needs: vec![root.join("seeds")],
            argv: vec![s("quotes"), arg(&root), s("--json")],
            metrics: vec![
                metric("detection F1", "/detection/f1", None),
                metric("speaker accuracy", "/speaker_accuracy", None),
            ],
            note: None,
        },
    ]
}

/// What became of a row.
enum Outcome {
    Measured(f64),
    Skipped(PathBuf),
    Failed(String),
    NotRun,
}

struct Row {
    stage: Stage,
    data: &'static str,
    metric: &'static str,
    pointer: &'static str,
    goal: Option<Goal>,
    outcome: Outcome,
    command: String,
    note: Option<String>,
    /// Seconds of the job (on its first row only).
    seconds: Option<f64>,
}

impl Row {
    fn met(&self) -> Option<bool> {
        match (&self.outcome, self.goal) {
            (Outcome::Measured(v), Some(g)) if !g.held_out => Some(*v >= g.at_least),
            _ => None,
        }
    }
}

/// Parses the subcommand line a row prints, so that the row runs exactly that command.
#[derive(Parser)]
#[command(name = "storyline eval")]
struct One {
    #[command(subcommand)]
    command: EvalCommand,
}

/// A shell-safe rendering of one argument.
fn quote(a: &str) -> String {
    if !a.is_empty()
        && a.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=,:+@%".contains(c))
    {
        a.to_string()
    } else {
        format!("'{}'", a.replace('\'', r"'\''"))
    }
}

/// Runs one job in process; a panic inside a stage becomes a failure of its rows.
fn measure(argv: &[String]) -> Result<Value, String> {
    let one = One::try_parse_from(
        std::iter::once("storyline eval".to_string()).chain(argv.iter().cloned()),
    )
    .map_err(|e| e.to_string().trim().to_string())?;
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        super::measure(&one.command)
    }));
    match outcome {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(format!("{e:#}")),
        Err(panic) => Err(panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .map(|m| format!("the stage panicked: {m}"))
            .unwrap_or_else(|| "the stage panicked".to_string())),
    }
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let started = Instant::now();
    let jobs: Vec<Job> = jobs(&args.data)
        .into_iter()
        .filter(|j| args.only.is_empty() || args.only.contains(&j.stage))
        .collect();
    if !args.data.is_dir() {
        tracing::warn!(
            "{} is not a folder: every row is skipped",
            args.data.display()
        );
    }

    // Ctrl-C: the first stops after the stage that is running (its rows are kept and the
    // table is printed), the second quits at once.
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        let _ = ctrlc::set_handler(move || {
            if stop.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
            eprintln!("storyline: stopping after the current stage (Ctrl-C again to quit now)");
        });
    }
    let bar = indicatif::ProgressBar::new(jobs.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{elapsed:>4} [{bar:30}] {pos}/{len} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    if std::env::var_os("CI").is_some() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }

    let mut rows = Vec::new();
    for job in &jobs {
        let command = std::iter::once("storyline eval".to_string())
            .chain(job.argv.iter().map(|a| quote(a)))
            .collect::<Vec<_>>()
            .join(" ");
        let t0 = Instant::now();
        let result = if stop.load(Ordering::SeqCst) {
            None
        } else if let Some(missing) = job.needs.iter().find(|p| !p.exists()) {
            bar.suspend(|| {
                eprintln!(
                    "storyline: {} on {}: skipped: {} not found",
                    job.stage.name(),
                    job.data,
                    missing.display()
                )
            });
            Some(Err(Outcome::Skipped(missing.clone())))
        } else {
            bar.set_message(format!("{} on {}", job.stage.name(), job.data));
            Some(measure(&job.argv).map_err(Outcome::Failed))
        };
        let seconds = t0.elapsed().as_secs_f64();
        if result.is_some() {
            tracing::info!("{} on {}: {seconds:.1} s", job.stage.name(), job.data);
        }
        let mut note = job.note.map(str::to_string);
        if let Some(Ok(report)) = &result
            && report.get("rouge_lexicon") == Some(&Value::Bool(false))
        {
            note = Some(
                "scored without ROUGE-1.5.5's stop words (no ROUGE data folder found): not \
                 comparable with tilse/news-tls"
                    .to_string(),
            );
        }
        for (i, m) in job.metrics.iter().enumerate() {
            let outcome = match &result {
                None => Outcome::NotRun,
                Some(Err(Outcome::Skipped(p))) => Outcome::Skipped(p.clone()),
                Some(Err(Outcome::Failed(e))) => Outcome::Failed(e.clone()),
                Some(Err(_)) => Outcome::NotRun,
                Some(Ok(report)) => match report.pointer(m.pointer).and_then(Value::as_f64) {
                    Some(v) => Outcome::Measured(v),
                    None => Outcome::Failed(format!("no number at {} in the report", m.pointer)),
                },
            };
            if let Outcome::Failed(e) = &outcome
                && i == 0
            {
                bar.suspend(|| {
                    eprintln!(
                        "storyline: {} on {}: failed: {e}",
                        job.stage.name(),
                        job.data
                    )
                });
            }
            rows.push(Row {
                stage: job.stage,
                data: job.data,
                metric: m.name,
                pointer: m.pointer,
                goal: m.goal,
                outcome,
                command: command.clone(),
                note: note.clone(),
                seconds: (i == 0 && result.is_some()).then_some(seconds),
            });
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let total = started.elapsed().as_secs_f64();
    eprintln!("storyline: {} row(s) in {total:.1} s", rows.len());

    if args.json {
        print_json(&args.data, &rows, total);
    } else {
        print_table(&rows);
    }
    if stop.load(Ordering::SeqCst) {
        anyhow::bail!("interrupted: the rows measured before the interruption are printed");
    }
    let failed = rows
        .iter()
        .any(|r| matches!(r.outcome, Outcome::Failed(_) | Outcome::NotRun));
    let skipped = rows
        .iter()
        .any(|r| matches!(r.outcome, Outcome::Skipped(_)));
    Ok(if failed {
        crate::EXIT_ERROR
    } else if skipped {
        crate::EXIT_SKIPPED
    } else {
        crate::EXIT_OK
    })
}

fn goal_text(g: Option<Goal>) -> String {
    match g {
        Some(Goal {
            at_least,
            held_out: false,
        }) => format!("≥ {at_least}"),
        Some(Goal {
            at_least,
            held_out: true,
        }) => format!("≥ {at_least} held out"),
        None => "—".to_string(),
    }
}

fn value_text(o: &Outcome) -> String {
    match o {
        Outcome::Measured(v) if v.fract() == 0.0 && v.abs() >= 1.0 => format!("{v:.0}"),
        Outcome::Measured(v) => format!("{v:.4}"),
        Outcome::Skipped(p) => format!("skipped: {} not found", p.display()),
        Outcome::Failed(e) => format!("failed: {}", e.lines().next().unwrap_or("")),
        Outcome::NotRun => "not run: interrupted".to_string(),
    }
}

fn print_table(rows: &[Row]) {
    let mut notes: Vec<String> = Vec::new();
    println!("| stage | data | metric | value | goal | met | seconds | command |");
    println!("|---|---|---|---|---|---|---|---|");
    for r in rows {
        let met = match (r.met(), &r.outcome, r.goal) {
            (Some(true), ..) => "yes".to_string(),
            (Some(false), ..) => "**no**".to_string(),
            (None, Outcome::Measured(_), Some(g)) if g.held_out => "in-sample only".to_string(),
            _ => "—".to_string(),
        };
        let mut metric = r.metric.to_string();
        if let Some(n) = &r.note {
            let i = match notes.iter().position(|x| x == n) {
                Some(i) => i,
                None => {
                    notes.push(n.clone());
                    notes.len() - 1
                }
            };
            metric.push_str(&format!(" [{}]", i + 1));
        }
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | `{}` |",
            r.stage.name(),
            r.data,
            metric,
            value_text(&r.outcome).replace('|', "\\|"),
            goal_text(r.goal),
            met,
            r.seconds.map(|s| format!("{s:.2}")).unwrap_or_default(),
            r.command
        );
    }
    if !notes.is_empty() {
        println!();
        for (i, n) in notes.iter().enumerate() {
            println!("[{}] {n}", i + 1);
        }
    }
}

fn print_json(data: &Path, rows: &[Row], total: f64) {
    let rows: Vec<Value> = rows
        .iter()
        .map(|r| {
            let (status, value, reason) = match &r.outcome {
                Outcome::Measured(v) => ("measured", json!(v), None),
                Outcome::Skipped(p) => (
                    "skipped",
                    Value::Null,
                    Some(format!("{} not found", p.display())),
                ),
                Outcome::Failed(e) => ("failed", Value::Null, Some(e.clone())),
                Outcome::NotRun => ("interrupted", Value::Null, None),
            };
            json!({
                "stage": r.stage.name(),
                "data": r.data,
                "metric": r.metric,
                "report_key": r.pointer,
                "value": value,
                "status": status,
                "reason": reason,
                "goal": r.goal.map(|g| json!({"at_least": g.at_least, "held_out": g.held_out})),
                "met": r.met(),
                "command": r.command,
                "note": r.note,
                "seconds": r.seconds.map(|s| (s * 1000.0).round() / 1000.0),
            })
        })
        .collect();
    super::print_report(
        &json!({
            "data": data.display().to_string(),
            "seconds": (total * 1000.0).round() / 1000.0,
            "rows": rows,
        }),
        true,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_command_parses_as_its_subcommand() {
        for job in jobs(Path::new("/data sets/shared/data")) {
            let argv = std::iter::once("storyline eval".to_string()).chain(job.argv.clone());
            assert!(
                One::try_parse_from(argv).is_ok(),
                "{:?} does not parse",
                job.argv
            );
        }
    }

    #[test]
    fn quoting_keeps_plain_paths_and_quotes_the_rest() {
        assert_eq!(quote("../shared/data/x"), "../shared/data/x");
        assert_eq!(quote("a b"), "'a b'");
        assert_eq!(quote("it's"), r"'it'\''s'");
    }

    #[test]
    fn the_quote_set_is_read_next_to_the_data_folder() {
        assert_eq!(
            shared_root(Path::new("../shared/data")),
            PathBuf::from("../shared")
        );
        assert_eq!(shared_root(Path::new("data")), PathBuf::from("data/.."));
    }

    #[test]
    fn held_out_goals_are_not_judged_in_sample() {
        let row = |goal, v| Row {
            stage: Stage::Tls,
            data: "x",
            metric: "m",
            pointer: "/m",
            goal,
            outcome: Outcome::Measured(v),
            command: String::new(),
            note: None,
            seconds: None,
        };
        assert_eq!(row(held_out(0.18), 0.5).met(), None);
        assert_eq!(row(goal(0.18), 0.5).met(), Some(true));
        assert_eq!(row(goal(0.18), 0.1).met(), Some(false));
    }
}
