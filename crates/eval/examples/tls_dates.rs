//! Trains and checks the timeline method's learned date ranker.
//!
//!     cargo run --release -p storyline-eval --example tls_dates -- train <crisis folder> [--l2 X] [--drop NAME,...]
//!     cargo run --release -p storyline-eval --example tls_dates -- eval <crisis folder> <t17 folder> [--l2 X] [--drop NAME,...]
//!
//! `train` fits the logistic date model (`storyline_timeline::DateModel::fit`) on every
//! reference timeline of the Crisis collection (`sentences_by_date/<topic>.csv` with
//! `gold_per_source/crisis-<topic>/*.txt`; each timeline is a task set up as news-tls does:
//! its date range, its number of dates, tilse's topic keywords) and prints it as the Rust
//! constant `LEARNED_DATE_MODEL`. A date is a positive example when the task's reference
//! holds it; every task weighs the same in the fit.
//!
//! `eval` scores Timeline17 (AR-1/AR-2 F, date F1, news-tls averages) with the hand-weighted
//! date score, with the model trained on Crisis only (fully held out from Timeline17), and
//! leave one topic out: each Timeline17 topic ranked by a model trained on Crisis and the
//! other Timeline17 topics. Other weights are `Tuning::default()`'s.

use std::path::{Path, PathBuf};

use storyline_eval::tls::{self, TaskOptions, TaskResult, Tuning};
use storyline_timeline::{DATE_FEATURE_NAMES, DateCandidate, DateModel};

type Task = Vec<(DateCandidate, bool)>;

/// A topic of any of the layouts read here.
type Topic = tls::TlsTopic;

fn load_crisis(dir: &Path) -> Result<Vec<Topic>, Box<dyn std::error::Error>> {
    Ok(tls::read_crisis(dir)?)
}

fn load_t17(dir: &Path) -> Result<Vec<Topic>, Box<dyn std::error::Error>> {
    Ok(tls::read_t17(dir)?)
}

/// A CL-TLS language folder (raw articles through the text stage and the tagger, no
/// keyword filter, as `storyline eval tls --cltls` reads it).
fn load_cltls(dir: &Path) -> Result<Vec<Topic>, Box<dyn std::error::Error>> {
    Ok(storyline_eval::cltls::read_tls_topics(dir)?)
}

fn options(topic: &Topic, tuning: &Tuning) -> TaskOptions {
    TaskOptions {
        keywords: topic.keywords.clone(),
        tuning: tuning.clone(),
    }
}

fn tasks(topic: &Topic) -> Vec<Task> {
    tls::date_examples(
        &topic.corpus,
        &topic.references,
        &options(topic, &Tuning::default()),
    )
}

/// How the model is fitted and the timelines built.
struct Config {
    l2: f64,
    drop: Vec<usize>,
    pairwise: bool,
    /// Leave the Crisis pools out of the training set.
    no_crisis: bool,
    /// CL-TLS language folders added to the training set.
    cltls: Vec<PathBuf>,
    /// Weights of the runs (before `learned_dates` and the model are set).
    base: Tuning,
}

/// Fits the model on the tasks, each task weighing the same; dropped features are zeroed.
/// With `--pairwise`, the model learns to order each task's reference dates above its
/// other candidates (logistic loss on feature differences of every such pair).
fn train(tasks: &[&Task], cfg: &Config) -> DateModel {
    let (l2, drop) = (cfg.l2, cfg.drop.as_slice());
    let mut examples = Vec::new();
    if cfg.pairwise {
        for t in tasks {
            let clean = |c: &DateCandidate| {
                let mut x = c.features;
                for &f in drop {
                    x[f] = 0.0;
                }
                x
            };
            let pos: Vec<_> = t
                .iter()
                .filter(|(_, y)| *y)
                .map(|(c, _)| clean(c))
                .collect();
            let neg: Vec<_> = t
                .iter()
                .filter(|(_, y)| !*y)
                .map(|(c, _)| clean(c))
                .collect();
            let w = 100.0 / (pos.len() * neg.len()).max(1) as f64;
            for p in &pos {
                for n in &neg {
                    let mut d = *p;
                    let mut m = *n;
                    for f in 0..d.len() {
                        d[f] = p[f] - n[f];
                        m[f] = -d[f];
                    }
                    examples.push((d, true, w));
                    examples.push((m, false, w));
                }
            }
        }
        return DateModel::fit(&examples, l2);
    }
    for t in tasks {
        let w = 100.0 / t.len().max(1) as f64;
        for (c, y) in t.iter() {
            let mut x = c.features;
            for &f in drop {
                x[f] = 0.0;
            }
            examples.push((x, *y, w));
        }
    }
    DateModel::fit(&examples, l2)
}

fn print_model(m: &DateModel) {
    println!("pub const LEARNED_DATE_MODEL: DateModel = DateModel {{");
    println!("    bias: {:.6},", m.bias);
    println!("    weights: [");
    for (w, n) in m.weights.iter().zip(DATE_FEATURE_NAMES) {
        println!("        {w:.6}, // {n}");
    }
    println!("    ],");
    println!("}};");
}

/// Date F1 of ranking each task's candidates by `score` and keeping as many as the
/// reference has (no summaries: the ranking alone).
fn ranking_f1(tasks: &[&Task], score: &dyn Fn(&DateCandidate) -> f64) -> f64 {
    let mut sum = 0.0;
    for t in tasks {
        let l = t.iter().filter(|(_, y)| *y).count();
        let mut order: Vec<&(DateCandidate, bool)> = t.iter().collect();
        order.sort_by(|a, b| {
            score(&b.0)
                .total_cmp(&score(&a.0))
                .then(a.0.date.cmp(&b.0.date))
        });
        let hits = order.iter().take(l).filter(|(_, y)| *y).count();
        // Candidates cover a subset of the reference's dates: recall is over all of them,
        // so this is only comparable between rankers.
        sum += if l == 0 { 0.0 } else { hits as f64 / l as f64 };
    }
    sum / tasks.len().max(1) as f64
}

fn run(topic: &Topic, tuning: &Tuning, tok: &mut tls::RougeTokenizer) -> Vec<TaskResult> {
    tls::run_tasks(
        &topic.name,
        &topic.corpus,
        &topic.references,
        &options(topic, tuning),
        tok,
    )
}

fn line(label: &str, results: &[TaskResult]) {
    print!("{}", tls::summary_lines(label, results));
}

fn learned(model: DateModel, cfg: &Config) -> Tuning {
    Tuning {
        learned_dates: true,
        date_model: model,
        ..cfg.base.clone()
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: tls_dates train <crisis> | eval <crisis> <t17> \
                 [--l2 X] [--drop A,B] [--pairwise] [--no-crisis] [--cltls DIR]... [--set NAME=VALUE,...]";
    let mut cfg = Config {
        l2: 1.0,
        drop: Vec::new(),
        pairwise: false,
        no_crisis: false,
        cltls: Vec::new(),
        base: Tuning::default(),
    };
    let mut positional: Vec<&str> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--l2" => cfg.l2 = it.next().ok_or(usage)?.parse()?,
            "--pairwise" => cfg.pairwise = true,
            "--no-crisis" => cfg.no_crisis = true,
            "--cltls" => cfg.cltls.push(PathBuf::from(it.next().ok_or(usage)?)),
            "--drop" => {
                for n in it.next().ok_or(usage)?.split(',') {
                    let f = DATE_FEATURE_NAMES
                        .iter()
                        .position(|x| *x == n.trim())
                        .ok_or_else(|| format!("unknown feature {n}"))?;
                    cfg.drop.push(f);
                }
            }
            "--set" => {
                for item in it.next().ok_or(usage)?.split(',') {
                    let (k, v) = item.split_once('=').ok_or("expected NAME=VALUE")?;
                    cfg.base.set(k.trim(), v.trim().parse()?)?;
                }
            }
            other => positional.push(other),
        }
    }
    let (cmd, crisis_dir) = match positional.as_slice() {
        [c, d, ..] => (*c, PathBuf::from(d)),
        _ => return Err(usage.into()),
    };
    let mut crisis = if cfg.no_crisis {
        Vec::new()
    } else {
        load_crisis(&crisis_dir)?
    };
    for d in &cfg.cltls {
        crisis.extend(load_cltls(d)?);
    }
    let crisis_tasks: Vec<Vec<Task>> = crisis.iter().map(tasks).collect();
    let crisis_refs: Vec<&Task> = crisis_tasks.iter().flatten().collect();
    let n_pos: usize = crisis_refs
        .iter()
        .map(|t| t.iter().filter(|(_, y)| *y).count())
        .sum();
    let n_all: usize = crisis_refs.iter().map(|t| t.len()).sum();
    println!(
        "training set: {} tasks, {n_all} candidate dates, {n_pos} in the references; l2 {}{}",
        crisis_refs.len(),
        cfg.l2,
        if cfg.pairwise { ", pairwise" } else { "" }
    );
    let model = train(&crisis_refs, &cfg);
    let lexicon = match tls::RougeLexicon::find() {
        Some(d) => tls::RougeLexicon::load(&d)?,
        None => return Err("no ROUGE-1.5.5 data folder found".into()),
    };
    let mut tok = tls::RougeTokenizer::new(lexicon);
    if cmd == "train" {
        print_model(&model);
        let hand = ranking_f1(&crisis_refs, &|c| c.hand_score);
        let fit = ranking_f1(&crisis_refs, &|c| model.logit(&c.features));
        println!("training-set ranking recall@l (in-sample): hand {hand:.4}, learned {fit:.4}");
        // Leave one Crisis topic out: the ranking alone, then whole timelines.
        let (mut held, mut hand_held) = (0.0, 0.0);
        let (mut runs_hand, mut runs_learned) = (Vec::new(), Vec::new());
        for (i, t) in crisis.iter().enumerate() {
            let train_on: Vec<&Task> = crisis_tasks
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .flat_map(|(_, ts)| ts.iter())
                .collect();
            let test: Vec<&Task> = crisis_tasks[i].iter().collect();
            let m = train(&train_on, &cfg);
            let f = ranking_f1(&test, &|c| m.logit(&c.features));
            let h = ranking_f1(&test, &|c| c.hand_score);
            println!("    held-out {}: hand {h:.4}, learned {f:.4}", t.name);
            held += f * test.len() as f64;
            hand_held += h * test.len() as f64;
            runs_hand.extend(run(t, &cfg.base, &mut tok));
            runs_learned.extend(run(t, &learned(m, &cfg), &mut tok));
        }
        println!(
            "training-set ranking recall@l, leave one topic out: hand {:.4}, learned {:.4}",
            hand_held / crisis_refs.len() as f64,
            held / crisis_refs.len() as f64
        );
        line("training set, hand-weighted date score", &runs_hand);
        line(
            "training set, learned on its other topics (held out)",
            &runs_learned,
        );
        return Ok(());
    }
    if cmd != "eval" {
        return Err(usage.into());
    }
    let t17_dir = PathBuf::from(positional.get(2).ok_or(usage)?);
    let t17 = load_t17(&t17_dir)?;
    let t17_tasks: Vec<Vec<Task>> = t17.iter().map(tasks).collect();
    for (w, n) in model.weights.iter().zip(DATE_FEATURE_NAMES) {
        print!("{n} {w:.3}  ");
    }
    println!("bias {:.3}", model.bias);
    let all_t17: Vec<&Task> = t17_tasks.iter().flatten().collect();
    println!(
        "T17 ranking recall@l: hand {:.4}, learned {:.4}",
        ranking_f1(&all_t17, &|c| c.hand_score),
        ranking_f1(&all_t17, &|c| model.logit(&c.features))
    );
    let hand: Vec<TaskResult> = t17
        .iter()
        .flat_map(|t| run(t, &cfg.base, &mut tok))
        .collect();
    line("hand-weighted date score", &hand);
    let crisis_only: Vec<TaskResult> = t17
        .iter()
        .flat_map(|t| run(t, &learned(model, &cfg), &mut tok))
        .collect();
    line("learned on the training set only", &crisis_only);
    let in_sample = train(&all_t17, &cfg);
    line(
        "learned on all T17 topics (in-sample)",
        &t17.iter()
            .flat_map(|t| run(t, &learned(in_sample, &cfg), &mut tok))
            .collect::<Vec<_>>(),
    );
    for (w, n) in in_sample.weights.iter().zip(DATE_FEATURE_NAMES) {
        print!("{n} {w:.3}  ");
    }
    println!("bias {:.3}", in_sample.bias);
    for with_crisis in [true, false] {
        let mut held: Vec<TaskResult> = Vec::new();
        for (i, t) in t17.iter().enumerate() {
            let mut train_on: Vec<&Task> = if with_crisis {
                crisis_refs.clone()
            } else {
                Vec::new()
            };
            for (j, ts) in t17_tasks.iter().enumerate() {
                if j != i {
                    train_on.extend(ts.iter());
                }
            }
            let m = train(&train_on, &cfg);
            held.extend(run(t, &learned(m, &cfg), &mut tok));
        }
        line(
            if with_crisis {
                "learned on the training set + the other T17 topics (held out)"
            } else {
                "learned on the other T17 topics only (held out)"
            },
            &held,
        );
    }
    Ok(())
}
