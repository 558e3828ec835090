//! Story clustering evaluation: B-cubed and pairwise precision, recall and F1 of predicted
//! story clusters against gold story folders.
//!
//! Gold format: every subfolder of a data-set folder is one gold story holding its articles,
//! read with [`storyline_ingest::read_paths`] (TREC SGML for DUC). MEANTIME's CAT XML files
//! (`<Document doc_id=…>` with `<token>` elements) are read by a small reader here: sentence
//! 0 is the headline, the document creation time (`TIMEX3 functionInDocument=
//! "CREATION_TIME"`) is the publication date.
//!
//! Protocol: all articles of all folders are put into one stream ordered by publication date,
//! ties (and the order of undated articles, which come last) broken by a seeded shuffle, run
//! through the text stage ([`storyline_pipeline::prepare`]) and clustered as the pipeline
//! does: one online pass ([`storyline_stories::assign`], no syndication groups), then the
//! consolidation pass ([`storyline_stories::consolidate`]). The main scores are those of the
//! final clusters; the online pass alone is reported beside them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use serde::Serialize;
use storyline_core::{Article, DateSource, Published};
pub use storyline_stories::{ClusterConfig, Linkage, learned};

/// Why gold stories could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// A folder or file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A MEANTIME file is not well-formed or holds no tokens.
    #[error("{path}: {message}")]
    Format {
        /// The path.
        path: String,
        /// What is wrong.
        message: String,
    },
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1: harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Self {
        let f1 = crate::f1(precision, recall);
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Counts of each (predicted, gold) label pair, and of each label alone (ordered maps, so
/// that the floating-point sums over them, and the scores, are the same on every run).
struct Contingency {
    cells: BTreeMap<(usize, usize), u64>,
    pred: BTreeMap<usize, u64>,
    gold: BTreeMap<usize, u64>,
}

fn contingency(pred: &[usize], gold: &[usize]) -> Contingency {
    let mut c = Contingency {
        cells: BTreeMap::new(),
        pred: BTreeMap::new(),
        gold: BTreeMap::new(),
    };
    for (&p, &g) in pred.iter().zip(gold) {
        *c.cells.entry((p, g)).or_default() += 1;
        *c.pred.entry(p).or_default() += 1;
        *c.gold.entry(g).or_default() += 1;
    }
    c
}

/// B-cubed precision, recall and F1 (Bagga & Baldwin 1998; Amigó et al. 2009): for each item,
/// precision is the share of its predicted cluster that shares its gold cluster, recall the
/// share of its gold cluster that shares its predicted cluster; both averaged over items.
/// `pred` and `gold` are parallel label lists (extra items of the longer list are ignored);
/// the empty input scores 1.
pub fn bcubed(pred: &[usize], gold: &[usize]) -> Prf {
    let n = pred.len().min(gold.len());
    if n == 0 {
        return Prf::new(1.0, 1.0);
    }
    let c = contingency(&pred[..n], &gold[..n]);
    let mut p = 0.0;
    let mut r = 0.0;
    for (&(pl, gl), &k) in &c.cells {
        let k = k as f64;
        // Each of the k items in this cell has k same-cell items in both clusters.
        p += k * k / c.pred[&pl] as f64;
        r += k * k / c.gold[&gl] as f64;
    }
    Prf::new(p / n as f64, r / n as f64)
}

/// Pairwise precision, recall and F1 over item pairs: a pair is predicted positive when both
/// items share a predicted cluster, gold positive when they share a gold cluster. With no
/// predicted (or no gold) pairs, precision (or recall) is 1 by convention.
pub fn pairwise(pred: &[usize], gold: &[usize]) -> Prf {
    let n = pred.len().min(gold.len());
    let c = contingency(&pred[..n], &gold[..n]);
    let pairs = |k: u64| (k * k.saturating_sub(1) / 2) as f64;
    let tp: f64 = c.cells.values().map(|&k| pairs(k)).sum();
    let pp: f64 = c.pred.values().map(|&k| pairs(k)).sum();
    let gp: f64 = c.gold.values().map(|&k| pairs(k)).sum();
    let precision = if pp > 0.0 { tp / pp } else { 1.0 };
    let recall = if gp > 0.0 { tp / gp } else { 1.0 };
    Prf::new(precision, recall)
}

/// Articles read from gold story folders, each with its gold story.
#[derive(Debug, Default)]
pub struct GoldStories {
    /// The articles.
    pub articles: Vec<Article>,
    /// Gold story of each article (index into `names`).
    pub gold: Vec<usize>,
    /// Gold story names: `DIR/SUBFOLDER`.
    pub names: Vec<String>,
    /// Files that could not be read, or read only in part.
    pub skipped: usize,
}

/// Reads the gold stories: every subfolder of each directory (in sorted order) is a story.
pub fn read_gold(dirs: &[PathBuf]) -> Result<GoldStories, GoldError> {
    let mut out = GoldStories::default();
    for dir in dirs {
        let mut subs: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|source| GoldError::Io {
                path: dir.display().to_string(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        subs.sort();
        for sub in subs {
            let story = out.names.len();
            out.names.push(sub.display().to_string());
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&sub)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .collect();
            files.sort();
            let mut others = Vec::new();
            for f in files {
                match read_meantime(&f) {
                    Some(Ok(a)) => {
                        out.articles.push(a);
                        out.gold.push(story);
                    }
                    Some(Err(_)) => out.skipped += 1,
                    None => others.push(f),
                }
            }
            let mut sink = |a: Article| {
                out.articles.push(a);
                out.gold.push(story);
            };
            let report = storyline_ingest::read_paths(&others, &mut sink);
            out.skipped += report.diagnostics.len();
        }
    }
    Ok(out)
}

/// Reads a MEANTIME CAT XML file: `None` when the file is not one (by extension and root
/// element), `Some(Err)` when it is but cannot be read.
pub fn read_meantime(path: &Path) -> Option<Result<Article, GoldError>> {
    if path.extension().and_then(|e| e.to_str()) != Some("xml") {
        return None;
    }
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(source) => {
            return Some(Err(GoldError::Io {
                path: path.display().to_string(),
                source,
            }));
        }
    };
    if !text.contains("<Document ") || !text.contains("<token ") {
        return None;
    }
    Some(parse_meantime(&path.display().to_string(), &text))
}

/// Parses MEANTIME CAT XML text into an article (`name` is its path, for the origin and id).
pub fn parse_meantime(name: &str, xml: &str) -> Result<Article, GoldError> {
    use quick_xml::events::Event as X;
    let format = |message: String| GoldError::Format {
        path: name.to_string(),
        message,
    };
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut sentences: Vec<(u64, Vec<String>)> = Vec::new();
    let mut id = None;
    let mut url = None;
    let mut dct = None;
    let mut in_token: Option<u64> = None;
    // Whether the current token has no text yet (text and entity references of one token
    // are joined into one word).
    let mut fresh = false;
    loop {
        let event = reader.read_event().map_err(|e| format(e.to_string()))?;
        match event {
            X::Start(e) | X::Empty(e) => {
                let attr = |key: &str| -> Option<String> {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == key)
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        })
                };
                match e.name().as_ref() {
                    "Document" => {
                        id = attr("doc_name");
                        url = attr("url");
                    }
                    "token" => {
                        in_token = attr("sentence").and_then(|s| s.parse().ok());
                        fresh = true;
                    }
                    "TIMEX3" if attr("functionInDocument").as_deref() == Some("CREATION_TIME") => {
                        dct = attr("value").and_then(|v| {
                            NaiveDate::parse_from_str(v.get(..10).unwrap_or(&v), "%Y-%m-%d").ok()
                        });
                    }
                    _ => {}
                }
            }
            X::Text(t) => {
                if let Some(s) = in_token {
                    add_piece(&mut sentences, s, &t.xml10_content(), &mut fresh);
                }
            }
            X::GeneralRef(r) => {
                if let Some(s) = in_token {
                    let piece = match r.as_ref() {
                        "amp" => "&".to_string(),
                        "lt" => "<".to_string(),
                        "gt" => ">".to_string(),
                        "quot" => "\"".to_string(),
                        "apos" => "'".to_string(),
                        _ => r
                            .resolve_char_ref()
                            .ok()
                            .flatten()
                            .map(String::from)
                            .unwrap_or_default(),
                    };
                    add_piece(&mut sentences, s, &piece, &mut fresh);
                }
            }
            X::End(e) if e.name().as_ref() == "token" => in_token = None,
            X::Eof => break,
            _ => {}
        }
    }
    if sentences.is_empty() {
        return Err(format("no tokens".to_string()));
    }
    let title = sentences.first().map(|(_, w)| w.join(" "));
    let body: Vec<String> = sentences.iter().skip(1).map(|(_, w)| w.join(" ")).collect();
    let mut a = Article::new(id.unwrap_or_else(|| name.to_string()), body.join("\n\n"));
    a.title = title;
    a.url = url;
    a.origin.path = name.to_string();
    a.published = dct.map(|date| Published {
        date,
        source: DateSource::Metadata,
        confidence: 1.0,
    });
    Ok(a)
}

/// Adds text of the current token: a new word when the token is fresh, else glued to the
/// previous piece.
fn add_piece(
    sentences: &mut Vec<(u64, Vec<String>)>,
    sentence: u64,
    piece: &str,
    fresh: &mut bool,
) {
    let same = matches!(sentences.last(), Some((n, _)) if *n == sentence);
    if !same {
        sentences.push((sentence, Vec::new()));
    }
    if let Some((_, words)) = sentences.last_mut() {
        match words.last_mut() {
            Some(last) if !*fresh => last.push_str(piece),
            _ => words.push(piece.to_string()),
        }
    }
    *fresh = false;
}

/// The result of a clustering evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Articles clustered.
    pub articles: usize,
    /// Gold stories (non-empty folders).
    pub gold_clusters: usize,
    /// Predicted stories.
    pub predicted_clusters: usize,
    /// B-cubed precision.
    pub bcubed_precision: f64,
    /// B-cubed recall.
    pub bcubed_recall: f64,
    /// B-cubed F1.
    pub bcubed_f1: f64,
    /// Pairwise precision.
    pub pairwise_precision: f64,
    /// Pairwise recall.
    pub pairwise_recall: f64,
    /// Pairwise F1.
    pub pairwise_f1: f64,
    /// B-cubed F1 of the online pass alone (before consolidation).
    pub online_bcubed_f1: f64,
    /// Stories after the online pass alone.
    pub online_predicted_clusters: usize,
    /// Seconds spent in the consolidation pass.
    pub consolidate_seconds: f64,
    /// Articles without a publication date.
    pub undated: usize,
    /// Files skipped or read in part.
    pub skipped: usize,
    /// Seed of the tie-breaking shuffle.
    pub seed: u64,
    /// Seconds spent in the online pass (features and assignment).
    pub cluster_seconds: f64,
    /// Every article in stream order, with its gold, online and final story (for error
    /// analysis; not serialised).
    #[serde(skip)]
    pub outcomes: Vec<Outcome>,
}

/// One article of an evaluation: where the gold and the clusterer put it.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Article id.
    pub id: String,
    /// Publication date, when known.
    pub date: Option<NaiveDate>,
    /// Gold story (index into [`GoldStories::names`]).
    pub gold: usize,
    /// Story after the online pass.
    pub online: usize,
    /// Story after consolidation.
    pub predicted: usize,
}

/// The gold articles as one prepared corpus in stream order (seeded shuffle, then a stable
/// sort by date, undated last), with the gold story of each.
fn stream(gold: &GoldStories, seed: u64) -> (storyline_core::Corpus, Vec<usize>) {
    let mut order: Vec<usize> = (0..gold.articles.len()).collect();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    order.shuffle(&mut rng);
    order.sort_by_key(|&i| {
        let d = gold.articles[i].date();
        (d.is_none(), d)
    });
    let articles: Vec<Article> = order.iter().map(|&i| gold.articles[i].clone()).collect();
    let labels: Vec<usize> = order.iter().map(|&i| gold.gold[i]).collect();
    (storyline_pipeline::prepare(articles), labels)
}

/// Labelled (article, story) pairs of one online pass over the gold stream, for training the
/// join model ([`storyline_stories::learned`]).
#[derive(Debug, Clone, Default)]
pub struct JoinPairs {
    /// Features, [`storyline_stories::learned::ONLINE_FEATURES`] per pair.
    pub features: Vec<f32>,
    /// Whether the pair's story is the article's right story: the gold story of most of the
    /// story's articles so far (ties: the lowest gold index) is the article's.
    pub labels: Vec<bool>,
    /// The pairs of each article that had candidates (ranges into `labels`).
    pub articles: Vec<std::ops::Range<usize>>,
}

/// The gold story holding most of a story's articles (the first such on ties), from its
/// counts per gold story.
fn majority(counts: &BTreeMap<usize, usize>) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (&g, &k) in counts {
        if best.is_none_or(|(_, bk)| k > bk) {
            best = Some((g, k));
        }
    }
    best.map(|(g, _)| g)
}

/// Runs the online pass with `config` over the gold stream (as [`evaluate`] does) and labels
/// every (article, story) pair it scored.
pub fn join_pairs(gold: &GoldStories, config: &ClusterConfig, seed: u64) -> JoinPairs {
    let (corpus, labels) = stream(gold, seed);
    let (online, trace) = storyline_stories::assign_traced(&corpus, &[], config);
    // Gold counts of each story's articles assigned so far.
    let mut counts: BTreeMap<usize, BTreeMap<usize, usize>> = BTreeMap::new();
    let mut out = JoinPairs::default();
    let mut t = 0;
    for i in storyline_stories::stream_order(&corpus) {
        let start = out.labels.len();
        while t < trace.len() && trace[t].0 == i {
            let (_, s, f) = &trace[t];
            out.features.extend_from_slice(f);
            out.labels
                .push(counts.get(s).and_then(majority) == labels.get(i).copied());
            t += 1;
        }
        if out.labels.len() > start {
            out.articles.push(start..out.labels.len());
        }
        if let (Some(&s), Some(&g)) = (online.get(i), labels.get(i)) {
            *counts.entry(s).or_default().entry(g).or_default() += 1;
        }
    }
    out
}

/// The learned join model as stored in a JSON file.
#[derive(Serialize, serde::Deserialize)]
struct ModelFile {
    features: Vec<String>,
    weights: Vec<f32>,
    bias: f32,
    threshold: f32,
}

/// A learned model as JSON (feature names, weights, intercept, threshold); `names` are the
/// model's feature names ([`learned::ONLINE_FEATURE_NAMES`], [`learned::MERGE_FEATURE_NAMES`]).
pub fn model_to_json<const N: usize>(names: &[&str; N], model: &learned::Model<N>) -> String {
    let file = ModelFile {
        features: names.iter().map(|s| s.to_string()).collect(),
        weights: model.weights.to_vec(),
        bias: model.bias,
        threshold: model.threshold,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a model written by [`model_to_json`]; its features must be `names`, in order.
pub fn model_from_json<const N: usize>(
    names: &[&str; N],
    text: &str,
) -> Result<learned::Model<N>, String> {
    let file: ModelFile = serde_json::from_str(text).map_err(|e| format!("not a model: {e}"))?;
    if file.weights.len() != N
        || !file
            .features
            .iter()
            .map(String::as_str)
            .eq(names.iter().copied())
    {
        return Err(format!(
            "the model's features are not the expected ones ({})",
            names.join(", ")
        ));
    }
    let mut weights = [0.0; N];
    weights.copy_from_slice(&file.weights);
    Ok(learned::Model {
        weights,
        bias: file.bias,
        threshold: file.threshold,
    })
}

/// Labelled (story, story) pairs of one consolidation merge over the gold stream.
#[derive(Debug, Clone, Default)]
pub struct MergePairs {
    /// Features, [`learned::MERGE_FEATURES`] per pair.
    pub features: Vec<f32>,
    /// Whether the two stories are one: the gold stories of most of their articles (ties: the
    /// lowest gold index) are the same.
    pub labels: Vec<bool>,
}

/// Runs the online pass and the consolidation with `config` over the gold stream (as
/// [`evaluate`] does) and labels every pair of stories the merge step scored.
pub fn merge_pairs(gold: &GoldStories, config: &ClusterConfig, seed: u64) -> MergePairs {
    let (corpus, labels) = stream(gold, seed);
    let online = storyline_stories::assign(&corpus, &[], config);
    let (_, trace) = storyline_stories::consolidate_traced(&corpus, &online, config);
    let slots = trace.slots.iter().copied().max().map_or(0, |m| m + 1);
    let mut counts: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); slots];
    for (&s, &g) in trace.slots.iter().zip(&labels) {
        *counts[s].entry(g).or_default() += 1;
    }
    let mut out = MergePairs::default();
    for e in &trace.events {
        match e {
            storyline_stories::merge::MergeEvent::Pair { a, b, features } => {
                let (Some(ca), Some(cb)) = (counts.get(*a), counts.get(*b)) else {
                    continue;
                };
                out.features.extend_from_slice(features);
                out.labels
                    .push(majority(ca).is_some() && majority(ca) == majority(cb));
            }
            storyline_stories::merge::MergeEvent::Merge { a, b } => {
                if *a < slots && *b < slots && a != b {
                    let taken = std::mem::take(&mut counts[*b]);
                    for (g, k) in taken {
                        *counts[*a].entry(g).or_default() += k;
                    }
                }
            }
        }
    }
    out
}

/// Orders gold articles into one stream (seeded shuffle, then a stable sort by date, undated
/// last), runs the text stage and one online clustering pass, and scores the result.
pub fn evaluate(gold: &GoldStories, config: &ClusterConfig, seed: u64) -> Report {
    let (corpus, labels) = stream(gold, seed);
    let start = std::time::Instant::now();
    let online = storyline_stories::assign(&corpus, &[], config);
    let cluster_seconds = start.elapsed().as_secs_f64();
    let start = std::time::Instant::now();
    let pred = storyline_stories::consolidate(&corpus, &online, config);
    let consolidate_seconds = start.elapsed().as_secs_f64();
    let online_b = bcubed(&online, &labels);
    let b = bcubed(&pred, &labels);
    let p = pairwise(&pred, &labels);
    let distinct = |v: &[usize]| {
        let mut v = v.to_vec();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    Report {
        articles: labels.len(),
        gold_clusters: distinct(&labels),
        predicted_clusters: distinct(&pred),
        bcubed_precision: b.precision,
        bcubed_recall: b.recall,
        bcubed_f1: b.f1,
        pairwise_precision: p.precision,
        pairwise_recall: p.recall,
        pairwise_f1: p.f1,
        online_bcubed_f1: online_b.f1,
        online_predicted_clusters: distinct(&online),
        consolidate_seconds,
        undated: corpus
            .articles
            .iter()
            .filter(|a| a.date().is_none())
            .count(),
        skipped: gold.skipped,
        seed,
        cluster_seconds,
        outcomes: corpus
            .articles
            .iter()
            .zip(labels.iter().zip(online.iter().zip(&pred)))
            .map(|(a, (&gold, (&online, &predicted)))| Outcome {
                id: a.id.clone(),
                date: a.date(),
                gold,
                online,
                predicted,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn perfect_clustering_scores_one() {
        let gold = [0, 0, 1, 1, 2];
        // Label names do not matter, only the partition.
        let pred = [7, 7, 3, 3, 9];
        let b = bcubed(&pred, &gold);
        let p = pairwise(&pred, &gold);
        assert!(close(b.f1, 1.0) && close(p.f1, 1.0));
    }

    #[test]
    fn bcubed_hand_example() {
        // Gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}.
        let gold = [0, 0, 0, 1, 1];
        let pred = [0, 0, 1, 1, 1];
        let b = bcubed(&pred, &gold);
        // Precision: a,b 1; c 1/3; d,e 2/3 → (1+1+1/3+2/3+2/3)/5 = 11/15.
        assert!(close(b.precision, 11.0 / 15.0), "{b:?}");
        // Recall: a,b 2/3; c 1/3; d,e 1 → (2/3+2/3+1/3+1+1)/5 = 11/15.
        assert!(close(b.recall, 11.0 / 15.0), "{b:?}");
        assert!(close(b.f1, 11.0 / 15.0));
    }

    #[test]
    fn pairwise_hand_example() {
        let gold = [0, 0, 0, 1, 1];
        let pred = [0, 0, 1, 1, 1];
        let p = pairwise(&pred, &gold);
        // Predicted pairs: ab, cd, ce, de = 4; gold pairs: ab, ac, bc, de = 4; shared: ab, de.
        assert!(close(p.precision, 0.5) && close(p.recall, 0.5) && close(p.f1, 0.5));
    }

    #[test]
    fn singletons_and_one_cluster_are_the_extremes() {
        let gold = [0, 0, 1, 1];
        let singletons = [0, 1, 2, 3];
        let one = [0, 0, 0, 0];
        let b = bcubed(&singletons, &gold);
        assert!(close(b.precision, 1.0) && close(b.recall, 0.5));
        let b = bcubed(&one, &gold);
        assert!(close(b.precision, 0.5) && close(b.recall, 1.0));
        let p = pairwise(&singletons, &gold);
        assert!(close(p.precision, 1.0) && close(p.recall, 0.0) && close(p.f1, 0.0));
        let p = pairwise(&one, &gold);
        assert!(close(p.precision, 2.0 / 6.0) && close(p.recall, 1.0));
        assert!(close(bcubed(&[], &[]).f1, 1.0));
    }

    #[test]
    fn models_round_trip_through_json() {
        let mut weights = [0.0; learned::MERGE_FEATURES];
        weights[0] = 35.5;
        weights[3] = -1.25;
        let model = learned::MergeModel {
            weights,
            bias: -1.5,
            threshold: 0.625,
        };
        let text = model_to_json(&learned::MERGE_FEATURE_NAMES, &model);
        assert_eq!(
            model_from_json(&learned::MERGE_FEATURE_NAMES, &text),
            Ok(model)
        );
        // A model of other features is refused, as is text that is not a model.
        assert!(model_from_json(&learned::ONLINE_FEATURE_NAMES, &text).is_err());
        assert!(model_from_json(&learned::MERGE_FEATURE_NAMES, "{").is_err());
    }

    #[test]
    fn meantime_reader_takes_title_text_and_creation_time() {
        let xml = r#"<?xml version="1.0" ?><Document doc_id="1" doc_name="1_Ford_Taurus" lang="en" url="http://x/y">
<token number="0" sentence="0" t_id="1">Ford</token>
<token number="1" sentence="0" t_id="2">Taurus</token>
<token number="2" sentence="1" t_id="3">AT&amp;T</token>
<token number="3" sentence="1" t_id="4">sells</token>
<token number="4" sentence="2" t_id="5">Done</token>
<Markables>
<TIMEX3 anchorTimeID="" functionInDocument="CREATION_TIME" m_id="71" type="DATE" value="2007-02-09"><token_anchor t_id="3"/></TIMEX3>
</Markables></Document>"#;
        let a = parse_meantime("f.xml", xml).expect("parses");
        assert_eq!(a.title.as_deref(), Some("Ford Taurus"));
        assert_eq!(a.text, "AT&T sells\n\nDone");
        assert_eq!(a.date(), NaiveDate::from_ymd_opt(2007, 2, 9));
        assert_eq!(a.id, "1_Ford_Taurus");
        assert!(parse_meantime("g.xml", "<Document></Document>").is_err());
    }

    #[test]
    fn meantime_corpus_reads_if_present() {
        let Some(dir) = crate::dataset("meantime_en/intra_cross-doc_annotation") else {
            return;
        };
        let gold = read_gold(&[dir]).expect("reads");
        assert_eq!(gold.names.len(), 4);
        assert_eq!(gold.articles.len(), 120);
        assert!(gold.articles.iter().all(|a| a.title.is_some()));
        assert!(gold.articles.iter().filter(|a| a.date().is_some()).count() >= 110);
    }
}
