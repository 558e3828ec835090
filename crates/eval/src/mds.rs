//! DUC-style multi-document summarization runs: summarize every cluster folder with the
//! summary stage and score the summaries with [`crate::rouge`] against the cluster's models.
//!
//! Documents are read with `storyline_ingest::read_paths` (TREC SGML included) and prepared
//! by the pipeline's text stage; copies are found by the syndication stage; the whole cluster
//! is one story. Update runs (DUC 2007 update task: topic folders holding time-ordered stage
//! folders `D0703A-A`, `D0703A-B`, …) summarize each stage given the earlier ones as seen.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use storyline_core::{Article, Story};
use storyline_summary::{SummaryOptions, summarize, summarize_update};
use storyline_syndication::SentenceSources;

use crate::rouge::{self, EvalScores, Prepared, RougeOptions, RunScores};

/// Options of an MDS run.
#[derive(Debug, Clone)]
pub struct MdsOptions {
    /// Summary length in words (and ROUGE `-l`).
    pub words: usize,
    /// Update mode: summarize each stage of a topic given the earlier stages.
    pub update: bool,
    /// In update mode, ignore the earlier stages (the baseline the update mode must beat).
    pub ignore_seen: bool,
    /// Only clusters whose folder name ends with this (`t` for DUC 2003 task 2).
    pub suffix: Option<String>,
    /// Where to write the summaries (`<cluster>.storyline`, one sentence per line).
    pub out: Option<PathBuf>,
}

/// The result of a run.
#[derive(Debug, Clone)]
pub struct MdsRun {
    /// ROUGE scores (one system, `storyline`).
    pub scores: RunScores,
    /// Clusters summarized and scored.
    pub clusters: usize,
    /// Articles read.
    pub articles: usize,
    /// Seconds spent summarizing (reading and preparing documents excluded).
    pub summarize_seconds: f64,
}

/// Errors of a run.
#[derive(Debug, thiserror::Error)]
pub enum MdsError {
    /// A folder could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// No cluster had models.
    #[error("no cluster under {0} has model summaries")]
    NoClusters(PathBuf),
}

fn subdirs(dir: &Path) -> Result<Vec<(String, PathBuf)>, MdsError> {
    let rd = std::fs::read_dir(dir).map_err(|e| MdsError::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    let mut out: Vec<(String, PathBuf)> = rd
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| Some((e.file_name().to_str()?.to_string(), e.path())))
        .collect();
    out.sort();
    Ok(out)
}

/// Reads the articles of a folder (recursively, sorted).
pub fn read_articles(dir: &Path) -> Vec<Article> {
    let mut articles = Vec::new();
    let _report = storyline_ingest::read_paths(&[dir.to_path_buf()], &mut |a| articles.push(a));
    articles
}

/// The evaluation id of an update stage folder: `D0703A-B` → `d0703-b` (the model naming).
pub fn stage_id(folder: &str) -> String {
    let lower = folder.to_ascii_lowercase();
    match lower.split_once('-') {
        Some((topic, stage))
            if topic.len() > 1 && topic.as_bytes()[topic.len() - 1].is_ascii_alphabetic() =>
        {
            format!("{}-{stage}", &topic[..topic.len() - 1])
        }
        _ => lower,
    }
}

/// One summarization job: the articles, which of them were already seen, the eval id.
struct Job {
    id: String,
    articles: Vec<Article>,
    seen: usize,
}

fn summary_options(words: usize) -> SummaryOptions {
    SummaryOptions {
        max_words: words,
        max_sentences: usize::MAX,
        overflow_last: true,
        ..SummaryOptions::default()
    }
}

/// Summarizes one job; returns the summary as one sentence per line.
fn run_job(job: Job, words: usize, update: bool) -> String {
    let seen = job.seen;
    let corpus = storyline_pipeline::prepare(job.articles);
    let sources = SentenceSources::build(&corpus);
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    let story = Story {
        id: 0,
        articles: if update {
            all.clone()
        } else {
            all[seen..].to_vec()
        },
        events: Vec::new(),
    };
    let options = summary_options(words);
    let summary = if update && seen > 0 {
        summarize_update(&corpus, &story, &all[..seen], &sources, &options)
    } else {
        summarize(&corpus, &story, &sources, &options)
    };
    summary
        .iter()
        .map(|a| {
            corpus
                .sentence_text(a.sentence)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn jobs(docs: &Path, options: &MdsOptions) -> Result<Vec<Job>, MdsError> {
    let mut jobs = Vec::new();
    for (name, path) in subdirs(docs)? {
        if let Some(s) = &options.suffix
            && !name.to_ascii_lowercase().ends_with(&s.to_ascii_lowercase())
        {
            continue;
        }
        if options.update {
            let mut seen: Vec<Article> = Vec::new();
            for (stage, stage_path) in subdirs(&path)? {
                let new = read_articles(&stage_path);
                let mut articles = if options.ignore_seen {
                    Vec::new()
                } else {
                    seen.clone()
                };
                let n_seen = articles.len();
                articles.extend(new.iter().cloned());
                jobs.push(Job {
                    id: stage_id(&stage),
                    articles,
                    seen: n_seen,
                });
                seen.extend(new);
            }
        } else {
            jobs.push(Job {
                id: name.to_ascii_lowercase(),
                articles: read_articles(&path),
                seen: 0,
            });
        }
    }
    Ok(jobs)
}

/// Summarizes every cluster under `docs` and scores it against `models`.
pub fn run(docs: &Path, models: &Path, options: &MdsOptions) -> Result<MdsRun, MdsError> {
    let rouge_options = RougeOptions {
        max_words: options.words,
        ..RougeOptions::default()
    };
    let model_files: Vec<(String, PathBuf)> = std::fs::read_dir(models)
        .map_err(|e| MdsError::Io {
            path: models.to_path_buf(),
            source: e,
        })?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .filter_map(|e| Some((e.file_name().to_str()?.to_string(), e.path())))
        .filter(|(n, _)| rouge::is_multidoc_model(n, options.words))
        .collect();
    let models_of = |id: &str| -> Vec<Prepared> {
        let mut files: Vec<&(String, PathBuf)> = model_files
            .iter()
            .filter(|(n, _)| rouge::clusters_match(id, &rouge::cluster_of(n)))
            .collect();
        files.sort();
        files
            .iter()
            .filter_map(|(_, p)| std::fs::read(p).ok())
            .map(|b| rouge::prepare(&String::from_utf8_lossy(&b), &rouge_options))
            .collect()
    };
    let jobs: Vec<Job> = jobs(docs, options)?
        .into_iter()
        .filter(|j| {
            model_files
                .iter()
                .any(|(n, _)| rouge::clusters_match(&j.id, &rouge::cluster_of(n)))
        })
        .collect();
    if jobs.is_empty() {
        return Err(MdsError::NoClusters(docs.to_path_buf()));
    }
    let articles = jobs.iter().map(|j| j.articles.len() - j.seen).sum();
    let started = std::time::Instant::now();
    let summaries: Vec<(String, String)> = jobs
        .into_par_iter()
        .map(|j| {
            let id = j.id.clone();
            (id, run_job(j, options.words, options.update))
        })
        .collect();
    let summarize_seconds = started.elapsed().as_secs_f64();
    if let Some(out) = &options.out {
        std::fs::create_dir_all(out).map_err(|e| MdsError::Io {
            path: out.clone(),
            source: e,
        })?;
        for (id, text) in &summaries {
            let path = out.join(format!("{id}.storyline"));
            std::fs::write(&path, format!("{text}\n"))
                .map_err(|e| MdsError::Io { path, source: e })?;
        }
    }
    let mut per_eval: BTreeMap<String, EvalScores> = BTreeMap::new();
    for (id, text) in &summaries {
        let ms = models_of(id);
        let peer = rouge::prepare(text, &rouge_options);
        per_eval.insert(id.clone(), rouge::score(&peer, &ms, &rouge_options));
    }
    let clusters = per_eval.len();
    let mut systems = BTreeMap::new();
    systems.insert("storyline".to_string(), per_eval);
    Ok(MdsRun {
        scores: RunScores::from_per_eval(systems, &rouge_options),
        clusters,
        articles,
        summarize_seconds,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_folders_map_to_model_ids() {
        assert_eq!(stage_id("D0703A-B"), "d0703-b");
        assert_eq!(stage_id("d30003t"), "d30003t");
        assert!(rouge::clusters_match(
            &stage_id("D0703A-A"),
            &rouge::cluster_of("D0703-A.M.100.A.J")
        ));
    }

    #[test]
    fn duc_2003_cluster_summary_scores_above_zero() {
        let Some(data) = crate::dataset("duc2003") else {
            return;
        };
        let docs = data.join("docs.without.headlines");
        let models = data.join("detagged.duc2003.abstracts/models");
        let options = MdsOptions {
            words: 100,
            update: false,
            ignore_seen: false,
            suffix: Some("d30003t".into()),
            out: None,
        };
        let run = run(&docs, &models, &options).expect("d30003t runs");
        assert_eq!(run.clusters, 1);
        let s = &run.scores.systems["storyline"];
        assert!(s.rouge_n[0].mean.recall > 0.2, "{:?}", s.rouge_n[0]);
        assert!(s.rouge_n[1].mean.recall > 0.03, "{:?}", s.rouge_n[1]);
    }
}
