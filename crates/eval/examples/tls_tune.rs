//! Leave-one-topic-out tuning of the timeline method's weights on a Timeline17-style folder.
//!
//!     cargo run --release -p storyline-eval --example tls_tune -- [--eval-only] [--grid NAME,...] [--fold TOPIC|all] [--dev-crisis DIR] [--dev-cltls DIR]... <t17 folder> [NAME=VALUE,...]
//!
//! With `--dev-crisis` and/or `--dev-cltls` (transfer): the weights are tuned on those
//! development collections only (Crisis pools, CL-TLS language folders) and the Timeline17
//! topics are scored with them, so that no Timeline17 reference takes part in the choice.
//!
//! For every topic, the weights are tuned (coordinate search over a small grid, starting from
//! `Tuning::default()` with the given overrides) on the *other* topics only, and the topic's
//! timelines are then built with those weights and scored: the held-out figure. The same
//! search on all topics gives the in-sample figure and the weights it picks. The objective is
//! news-tls's AR-1 F + AR-2 F + 0.1 × date F1 over the tuning timelines.

use std::path::{Path, PathBuf};

use storyline_eval::tls::{self, TaskOptions, TaskResult, Tuning};

/// The search grid: each weight with the values it may take.
const GRID: &[(&str, &[f64])] = &[
    ("w_later", &[1.0, 1.5, 2.0, 3.0]),
    ("w_same", &[0.25, 0.5, 1.0]),
    ("w_published", &[0.25, 0.5, 1.0]),
    ("w_sentences", &[0.0, 0.25, 0.5]),
    ("w_censor", &[0.0, 0.5, 1.0]),
    ("len_target", &[15.0, 20.0, 25.0, 30.0]),
    ("len_power", &[0.0, 0.5, 1.0, 2.0]),
    ("redundancy", &[0.3, 0.4, 0.5]),
    ("w_sources", &[0.25, 0.5, 1.0]),
    ("w_explicit", &[0.0, 0.1, 0.3]),
    ("lead_sentences", &[3.0, 5.0, 10.0]),
    ("max_words", &[45.0, 60.0, 80.0]),
    ("rel_cut", &[0.0, 0.5, 0.7, 0.85]),
    ("w_clock", &[0.0, 0.3, 0.6]),
    ("greedy", &[0.0, 1.0]),
    ("word_budget", &[0.0, 20.0, 25.0, 30.0]),
];

type Topic = tls::TlsTopic;

fn load(dir: &Path) -> Result<Vec<Topic>, Box<dyn std::error::Error>> {
    Ok(tls::read_t17(dir)?)
}

fn run(topics: &[&Topic], tuning: &Tuning, tok: &mut tls::RougeTokenizer) -> Vec<TaskResult> {
    let mut out = Vec::new();
    for t in topics {
        let options = TaskOptions {
            keywords: t.keywords.clone(),
            tuning: tuning.clone(),
        };
        out.extend(tls::run_tasks(
            &t.name,
            &t.corpus,
            &t.references,
            &options,
            tok,
        ));
    }
    out
}

/// (AR-1 F, AR-2 F, date F1) averaged as news-tls does.
fn means(results: &[TaskResult]) -> (f64, f64, f64) {
    let (r1, r2, d) = tls::mean_scores(results);
    (r1.f, r2.f, d.f)
}

fn objective(results: &[TaskResult]) -> f64 {
    let (a1, a2, d) = means(results);
    a1 + a2 + 0.1 * d
}

/// Coordinate search: each weight in turn takes its best grid value, two passes.
fn tune(
    grid: &[(&str, &[f64])],
    topics: &[&Topic],
    start: &Tuning,
    tok: &mut tls::RougeTokenizer,
) -> (Tuning, f64) {
    let mut best = start.clone();
    let mut best_score = objective(&run(topics, &best, tok));
    for _ in 0..2 {
        let mut improved = false;
        for (name, values) in grid {
            for &v in *values {
                if best.get(name) == Some(v) {
                    continue;
                }
                let mut t = best.clone();
                if t.set(name, v).is_err() {
                    continue;
                }
                let score = objective(&run(topics, &t, tok));
                if score > best_score + 1e-9 {
                    best_score = score;
                    best = t;
                    improved = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
    (best, best_score)
}

fn describe(grid: &[(&str, &[f64])], t: &Tuning) -> String {
    grid.iter()
        .map(|(n, _)| format!("{n}={}", t.get(n).unwrap_or(f64::NAN)))
        .collect::<Vec<_>>()
        .join(",")
}

fn line(label: &str, results: &[TaskResult]) {
    print!("{}", tls::summary_lines(label, results));
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1).peekable();
    let eval_only = args.peek().is_some_and(|a| a == "--eval-only");
    if eval_only {
        args.next();
    }
    // `--grid a,b` searches only those weights of GRID.
    let mut only: Option<Vec<String>> = None;
    if args.peek().is_some_and(|a| a == "--grid") {
        args.next();
        only = args
            .next()
            .map(|g| g.split(',').map(|s| s.trim().to_string()).collect());
    }
    let grid: Vec<(&str, &[f64])> = GRID
        .iter()
        .filter(|(n, _)| only.as_ref().is_none_or(|o| o.iter().any(|x| x == n)))
        .copied()
        .collect();
    // `--fold NAME` runs only that held-out fold (`all`: only the search on every topic).
    let mut fold: Option<String> = None;
    if args.peek().is_some_and(|a| a == "--fold") {
        args.next();
        fold = args.next();
    }
    // `--dev-crisis DIR`, `--dev-cltls DIR` (repeatable): tune on these instead.
    let mut dev_crisis: Option<PathBuf> = None;
    let mut dev_cltls: Vec<PathBuf> = Vec::new();
    while let Some(flag) = args.next_if(|a| a == "--dev-crisis" || a == "--dev-cltls") {
        let value = PathBuf::from(args.next().ok_or("expected a folder")?);
        if flag == "--dev-crisis" {
            dev_crisis = Some(value);
        } else {
            dev_cltls.push(value);
        }
    }
    let dir = PathBuf::from(
        args.next()
            .ok_or("usage: tls_tune <t17 folder> [NAME=VALUE,...]")?,
    );
    let mut start = Tuning::default();
    if let Some(set) = args.next() {
        for item in set.split(',').filter(|s| !s.trim().is_empty()) {
            let (k, v) = item.split_once('=').ok_or("expected NAME=VALUE")?;
            start.set(k.trim(), v.trim().parse()?)?;
        }
    }
    let lexicon = match tls::RougeLexicon::find() {
        Some(d) => tls::RougeLexicon::load(&d)?,
        None => return Err("no ROUGE-1.5.5 data folder found".into()),
    };
    let mut tok = tls::RougeTokenizer::new(lexicon);
    let topics = load(&dir)?;
    let all: Vec<&Topic> = topics.iter().collect();

    line("start weights, all topics", &run(&all, &start, &mut tok));
    let mut dev: Vec<Topic> = Vec::new();
    if let Some(d) = &dev_crisis {
        dev.extend(tls::read_crisis(d)?);
    }
    let n_crisis = dev.len();
    for d in &dev_cltls {
        dev.extend(storyline_eval::cltls::read_tls_topics(d)?);
    }
    let dev_refs: Vec<&Topic> = dev.iter().collect();
    if !dev.is_empty() {
        let results = run(&dev_refs, &start, &mut tok);
        line("start weights, development set", &results);
        if dev_crisis.is_some() && !dev_cltls.is_empty() {
            // The two kinds of development collection apart: Crisis pools, CL-TLS articles.
            let first: Vec<String> = dev.iter().take(n_crisis).map(|t| t.name.clone()).collect();
            let (crisis, cltls): (Vec<TaskResult>, Vec<TaskResult>) =
                results.into_iter().partition(|r| first.contains(&r.topic));
            for (label, part) in [
                ("    of which Crisis", &crisis),
                ("    of which CL-TLS", &cltls),
            ] {
                let text = tls::summary_lines(label, part);
                println!("{}", text.lines().next().unwrap_or(""));
            }
        }
    }
    if eval_only {
        return Ok(());
    }

    if !dev.is_empty() {
        let (tuned, score) = tune(&grid, &dev_refs, &start, &mut tok);
        println!(
            "development set: tuned (objective {score:.4}): {}",
            describe(&grid, &tuned)
        );
        line("tuned, development set", &run(&dev_refs, &tuned, &mut tok));
        line(
            "held-out (Timeline17 with the weights tuned on the development set)",
            &run(&all, &tuned, &mut tok),
        );
        return Ok(());
    }

    let mut held_out: Vec<TaskResult> = Vec::new();
    for (i, t) in topics.iter().enumerate() {
        if fold.as_ref().is_some_and(|f| *f != t.name) {
            continue;
        }
        let train: Vec<&Topic> = topics
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, t)| t)
            .collect();
        let (tuned, score) = tune(&grid, &train, &start, &mut tok);
        println!(
            "fold {}: tuned on the other topics (objective {score:.4}): {}",
            t.name,
            describe(&grid, &tuned)
        );
        held_out.extend(run(&[t], &tuned, &mut tok));
    }
    if !held_out.is_empty() {
        line(
            "held-out (each topic with weights tuned on the others)",
            &held_out,
        );
    }
    if fold.as_ref().is_some_and(|f| f != "all") {
        return Ok(());
    }

    let (tuned, score) = tune(&grid, &all, &start, &mut tok);
    println!(
        "all topics: tuned (objective {score:.4}): {}",
        describe(&grid, &tuned)
    );
    line(
        "in-sample (tuned on all topics)",
        &run(&all, &tuned, &mut tok),
    );
    Ok(())
}
