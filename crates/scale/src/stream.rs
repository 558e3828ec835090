//! The single-machine streaming run: ingest → syndication → story assignment over a JSON
//! Lines file, read line by line in batches, with bounded memory.
//!
//! A reader thread reads a batch of lines, then (in parallel with rayon) ingests each line
//! with `storyline_ingest` and computes its MinHash [`Sketch`]; the batch is handed over a
//! bounded channel (two batches in flight) to the main thread, which inserts the sketches
//! into the incremental syndication [`Index`] in stream order and hands each article with
//! its earliest verified earlier copy (over another bounded channel) to a story thread,
//! which assigns stories with the [`OnlineClusterer`] in the same order: an article with a
//! verified copy joins that article's story ([`OnlineClusterer::join`]), any other is scored
//! ([`OnlineClusterer::add`]). So ingest of batch *k+2*, the index on batch *k+1* and
//! stories on batch *k* run at once. Texts are dropped after their batch; what stays is per
//! article a sketch (256 bytes) and two 32-bit numbers, plus the live stories.
//!
//! When the lines carry the generator's gold `story` and `copy_of` fields, the run also
//! scores its groups and stories against them (pairwise precision and recall; B-cubed for
//! stories).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::mpsc;
use std::time::Instant;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Deserialize;
use storyline_stories::{ClusterConfig, Doc, OnlineClusterer};
use storyline_syndication::index::Sketch;
use storyline_syndication::{Config, Index};

/// The syndication settings type (re-exported for callers).
pub use storyline_syndication::Config as SyndicationConfig;

/// Settings of a streaming run.
#[derive(Debug, Clone)]
pub struct StreamOptions {
    /// Lines per batch.
    pub batch: usize,
    /// Syndication settings (default: [`Config::sketch`], verification from signatures).
    pub syndication: Config,
    /// Story clusterer settings.
    pub cluster: ClusterConfig,
}

impl Default for StreamOptions {
    fn default() -> Self {
        StreamOptions {
            batch: 4096,
            syndication: Config::sketch(),
            cluster: ClusterConfig::default(),
        }
    }
}

/// Pairwise (and B-cubed) agreement of a clustering with the gold one.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Agreement {
    /// Pairwise precision.
    pub precision: f64,
    /// Pairwise recall.
    pub recall: f64,
    /// Pairwise F1.
    pub f1: f64,
    /// B-cubed precision.
    pub b3_precision: f64,
    /// B-cubed recall.
    pub b3_recall: f64,
    /// B-cubed F1.
    pub b3_f1: f64,
}

/// What a streaming run reports.
#[derive(Debug, Clone, Default)]
pub struct StreamReport {
    /// Articles processed.
    pub articles: u64,
    /// Lines that did not give an article.
    pub bad_lines: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Syndication groups (two or more members).
    pub groups: usize,
    /// Articles in those groups.
    pub grouped_articles: usize,
    /// Stories created.
    pub stories: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Seconds of the index thread in the syndication index (band look-up, verification,
    /// insertion).
    pub index_seconds: f64,
    /// Seconds of the story thread in story assignment (`OnlineClusterer`).
    pub cluster_seconds: f64,
    /// Seconds the index thread waited: for the next ingested batch, or for the story
    /// thread to take its last one.
    pub wait_seconds: f64,
    /// Peak resident memory of the process (kB, `VmHWM`), when known.
    pub peak_rss_kb: Option<u64>,
    /// Groups against gold `copy_of`, when the input has gold fields.
    pub syndication_gold: Option<Agreement>,
    /// Stories against gold `story`, when the input has gold fields.
    pub stories_gold: Option<Agreement>,
}

/// The outcome of a streaming run: the report, and per article (in input order) its
/// syndication group (the group's lowest member, itself when alone) and story.
#[derive(Debug, Clone, Default)]
pub struct StreamResult {
    /// The report.
    pub report: StreamReport,
    /// Syndication group of every article: the number of its group's first article.
    pub group_of: Vec<u32>,
    /// Story of every article.
    pub story_of: Vec<u32>,
}

#[derive(Deserialize)]
struct Gold<'a> {
    #[serde(default, borrow)]
    story: Option<std::borrow::Cow<'a, str>>,
    #[serde(default, borrow)]
    copy_of: Option<std::borrow::Cow<'a, str>>,
}

/// One ingested line, ready for the sequential stages.
pub struct Item {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Body text.
    pub text: String,
    /// Language (`en` when unknown).
    pub language: String,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// MinHash sketch of the text.
    pub sketch: Sketch,
    /// Gold story, when given.
    pub gold_story: Option<String>,
    /// Gold original, when given.
    pub gold_copy_of: Option<String>,
}

/// Ingests one JSON line and sketches it; `None` when the line gives no article.
pub fn ingest_line(line: &str, exact: bool) -> Option<Item> {
    let mut article = None;
    let mut report = storyline_ingest::IngestReport::default();
    storyline_ingest::read_bytes("stream.jsonl", line.as_bytes(), &mut report, &mut |a| {
        article = Some(a)
    });
    let a = article?;
    let gold: Option<Gold<'_>> = serde_json::from_str(line).ok();
    let sketch = Sketch::new(&a.text, exact);
    Some(Item {
        date: a.date(),
        id: a.id,
        title: a.title,
        language: a.language.unwrap_or_else(|| "en".to_string()),
        text: a.text,
        sketch,
        gold_story: gold
            .as_ref()
            .and_then(|g| g.story.as_ref())
            .map(|s| s.to_string()),
        gold_copy_of: gold
            .as_ref()
            .and_then(|g| g.copy_of.as_ref())
            .map(|s| s.to_string()),
    })
}

/// Reads batches of lines and ingests them in parallel on a separate thread; calls `each`
/// with every batch in order, and `progress` with the bytes read so far.
pub fn for_each_batch(
    input: impl Read + Send,
    batch: usize,
    work: impl Fn(&str) -> Option<Item> + Sync + Send,
    mut each: impl FnMut(Vec<Option<Item>>),
    progress: &(dyn Fn(u64) + Sync),
) -> std::io::Result<u64> {
    let (tx, rx) = mpsc::sync_channel::<Vec<Option<Item>>>(2);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || -> std::io::Result<u64> {
            let mut r = BufReader::with_capacity(1 << 20, input);
            let mut bytes = 0u64;
            loop {
                let mut lines = Vec::with_capacity(batch);
                let mut line = String::new();
                while lines.len() < batch {
                    line.clear();
                    let n = r.read_line(&mut line)?;
                    if n == 0 {
                        break;
                    }
                    bytes += n as u64;
                    if !line.trim().is_empty() {
                        lines.push(std::mem::take(&mut line));
                    }
                }
                if lines.is_empty() {
                    return Ok(bytes);
                }
                let items: Vec<Option<Item>> = lines.par_iter().map(|l| work(l)).collect();
                progress(bytes);
                if tx.send(items).is_err() {
                    return Ok(bytes);
                }
            }
        });
        for items in rx {
            each(items);
        }
        reader
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("reader thread panicked")))
    })
}

/// Runs ingest → syndication → stories over a JSON Lines file.
pub fn run_file(
    path: &Path,
    opts: &StreamOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> std::io::Result<StreamResult> {
    let file = std::fs::File::open(path)?;
    run(file, opts, progress)
}

/// Runs ingest → syndication → stories over JSON Lines from a reader.
pub fn run(
    input: impl Read + Send,
    opts: &StreamOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> std::io::Result<StreamResult> {
    let start = Instant::now();
    let exact = opts.syndication.exact;
    let mut index = Index::new(opts.syndication.clone());
    let mut bad = 0u64;
    let (mut index_s, mut busy_s) = (0.0f64, 0.0f64);
    // Story assignment runs on its own thread, one batch behind the index: the index only
    // needs the sketches, the clusterer only the earliest verified copy of each article.
    let (tx, rx) = mpsc::sync_channel::<Vec<(Item, Option<usize>)>>(2);
    let cluster = opts.cluster.clone();
    let (bytes, stories) = std::thread::scope(|scope| {
        let stories = scope.spawn(move || {
            let mut clusterer = OnlineClusterer::new(cluster);
            let mut story_of: Vec<u32> = Vec::new();
            let mut gold = GoldBook::default();
            let mut cluster_s = 0.0f64;
            for batch in rx {
                let t = Instant::now();
                for (item, earliest) in batch {
                    let story = match earliest.and_then(|a| story_of.get(a)) {
                        Some(&s) => {
                            clusterer.join(s as usize, item.date);
                            s
                        }
                        None => clusterer.add(Doc {
                            language: &item.language,
                            title: item.title.as_deref(),
                            text: &item.text,
                            date: item.date,
                        }) as u32,
                    };
                    story_of.push(story);
                    gold.record(
                        &item.id,
                        item.gold_story.as_deref(),
                        item.gold_copy_of.as_deref(),
                    );
                }
                cluster_s += t.elapsed().as_secs_f64();
            }
            (story_of, clusterer.stats().stories, gold, cluster_s)
        });
        let bytes = for_each_batch(
            input,
            opts.batch.max(1),
            |l| ingest_line(l, exact),
            |items| {
                let t = Instant::now();
                bad += items.iter().filter(|i| i.is_none()).count() as u64;
                let mut out = Vec::with_capacity(items.len());
                for mut item in items.into_iter().flatten() {
                    let sketch = std::mem::replace(
                        &mut item.sketch,
                        Sketch {
                            shingles: 0,
                            signature: None,
                            set: None,
                        },
                    );
                    let matches = index.insert_sketch(sketch, item.date);
                    let earliest = matches.iter().map(|m| m.article).min();
                    out.push((item, earliest));
                }
                index_s += t.elapsed().as_secs_f64();
                busy_s += t.elapsed().as_secs_f64();
                // A closed channel means the story thread died; its join reports it.
                let _ = tx.send(out);
            },
            progress,
        );
        drop(tx);
        let stories = stories
            .join()
            .map_err(|_| std::io::Error::other("story thread panicked"));
        (bytes, stories)
    });
    let bytes = bytes?;
    let (story_of, n_stories, gold, cluster_s) = stories?;
    let groups = index.groups();
    let mut group_of: Vec<u32> = (0..story_of.len() as u32).collect();
    let mut grouped = 0;
    for g in &groups {
        let first = g.members.iter().copied().min().unwrap_or(0) as u32;
        for &m in &g.members {
            if let Some(slot) = group_of.get_mut(m) {
                *slot = first;
            }
        }
        grouped += g.members.len();
    }
    let (syndication_gold, stories_gold) = gold.score(&group_of, &story_of);
    let seconds = start.elapsed().as_secs_f64();
    let report = StreamReport {
        articles: story_of.len() as u64,
        bad_lines: bad,
        bytes,
        groups: groups.len(),
        grouped_articles: grouped,
        stories: n_stories,
        seconds,
        index_seconds: index_s,
        cluster_seconds: cluster_s,
        wait_seconds: (seconds - busy_s).max(0.0),
        peak_rss_kb: peak_rss_kb(),
        syndication_gold,
        stories_gold,
    };
    Ok(StreamResult {
        report,
        group_of,
        story_of,
    })
}

/// Gold labels collected during a run (only when every article has them), in article order.
#[derive(Default, Debug)]
pub struct GoldBook {
    complete: bool,
    started: bool,
    index: HashMap<String, u32>,
    story_ids: HashMap<String, u32>,
    story: Vec<u32>,
    copy_of: Vec<Option<String>>,
}

impl GoldBook {
    /// Records the next article's id and gold fields.
    pub fn record(&mut self, id: &str, story: Option<&str>, copy_of: Option<&str>) {
        if !self.started {
            self.started = true;
            self.complete = true;
        }
        let Some(story) = story.filter(|_| self.complete) else {
            self.complete = false;
            return;
        };
        let n = self.story_ids.len() as u32;
        let s = *self.story_ids.entry(story.to_string()).or_insert(n);
        self.index.insert(id.to_string(), self.story.len() as u32);
        self.story.push(s);
        self.copy_of.push(copy_of.map(str::to_string));
    }

    /// Scores groups (against `copy_of`) and stories (against `story`), when every article
    /// had gold fields.
    pub fn score(
        &self,
        group_of: &[u32],
        story_of: &[u32],
    ) -> (Option<Agreement>, Option<Agreement>) {
        if !self.complete || self.story.len() != story_of.len() {
            return (None, None);
        }
        let gold_group: Vec<u32> = self
            .copy_of
            .iter()
            .enumerate()
            .map(|(i, c)| {
                c.as_ref()
                    .and_then(|c| self.index.get(c))
                    .copied()
                    .unwrap_or(i as u32)
            })
            .collect();
        (
            Some(agreement(group_of, &gold_group)),
            Some(agreement(story_of, &self.story)),
        )
    }
}

/// Pairwise and B-cubed agreement of a predicted clustering with a gold one (labels per item).
pub fn agreement(pred: &[u32], gold: &[u32]) -> Agreement {
    let mut cells: HashMap<(u32, u32), u64> = HashMap::new();
    let mut p: HashMap<u32, u64> = HashMap::new();
    let mut g: HashMap<u32, u64> = HashMap::new();
    for (&a, &b) in pred.iter().zip(gold) {
        *cells.entry((a, b)).or_default() += 1;
        *p.entry(a).or_default() += 1;
        *g.entry(b).or_default() += 1;
    }
    let pairs = |n: u64| (n * n.saturating_sub(1) / 2) as f64;
    let both: f64 = cells.values().map(|&n| pairs(n)).sum();
    let pp: f64 = p.values().map(|&n| pairs(n)).sum();
    let gp: f64 = g.values().map(|&n| pairs(n)).sum();
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 1.0 };
    let f1 = |p: f64, r: f64| {
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    let n = pred.len().max(1) as f64;
    let (mut b3p, mut b3r) = (0.0, 0.0);
    for (&(a, b), &c) in &cells {
        let c = c as f64;
        b3p += c * c / p[&a] as f64;
        b3r += c * c / g[&b] as f64;
    }
    let (precision, recall) = (ratio(both, pp), ratio(both, gp));
    let (b3_precision, b3_recall) = (b3p / n, b3r / n);
    Agreement {
        precision,
        recall,
        f1: f1(precision, recall),
        b3_precision,
        b3_recall,
        b3_f1: f1(b3_precision, b3_recall),
    }
}

/// Peak resident memory of this process in kB (`VmHWM` in `/proc/self/status`).
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
}

/// The raw rate of the same work's floor: read every line, parse it, tokenize the text
/// (`storyline_text::tokenize`), in parallel batches. Returns (articles, tokens, bytes, seconds).
pub fn read_tokenize(
    path: &Path,
    batch: usize,
    progress: &(dyn Fn(u64) + Sync),
) -> std::io::Result<(u64, u64, u64, f64)> {
    #[derive(Deserialize)]
    struct Text<'a> {
        #[serde(borrow)]
        text: std::borrow::Cow<'a, str>,
    }
    let start = Instant::now();
    let file = std::fs::File::open(path)?;
    let (mut articles, mut tokens) = (0u64, 0u64);
    let bytes = for_each_batch(
        file,
        batch.max(1),
        |l| {
            let t: Text<'_> = serde_json::from_str(l).ok()?;
            let n = storyline_text::tokenize(&t.text).len();
            Some(Item {
                id: String::new(),
                title: None,
                text: String::new(),
                language: String::new(),
                date: None,
                sketch: Sketch {
                    shingles: n as u32,
                    signature: None,
                    set: None,
                },
                gold_story: None,
                gold_copy_of: None,
            })
        },
        |items| {
            for it in items.into_iter().flatten() {
                articles += 1;
                tokens += u64::from(it.sketch.shingles);
            }
        },
        progress,
    )?;
    Ok((articles, tokens, bytes, start.elapsed().as_secs_f64()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{CorpusConfig, generate};

    #[test]
    fn agreement_counts_pairs() {
        let a = agreement(&[0, 0, 1, 1], &[0, 0, 1, 1]);
        assert_eq!((a.precision, a.recall, a.b3_f1), (1.0, 1.0, 1.0));
        let b = agreement(&[0, 0, 0, 0], &[0, 0, 1, 1]);
        assert!((b.precision - 2.0 / 6.0).abs() < 1e-9);
        assert_eq!(b.recall, 1.0);
        assert!((b.b3_precision - 0.5).abs() < 1e-9);
    }

    #[test]
    fn stream_finds_copies_and_stories_of_a_generated_corpus() {
        let pool = crate::corpus::tests_support::pool();
        let cfg = CorpusConfig {
            articles: 400,
            articles_per_day: 100,
            ..CorpusConfig::default()
        };
        let mut bytes = Vec::new();
        generate(&pool, &cfg, &mut bytes).expect("generate");
        bytes.extend_from_slice(b"not json\n");
        let res = run(
            &bytes[..],
            &StreamOptions {
                batch: 64,
                ..StreamOptions::default()
            },
            &|_| {},
        )
        .expect("run");
        let r = &res.report;
        assert_eq!(r.articles, 400);
        assert_eq!(r.bad_lines, 1);
        assert_eq!(res.story_of.len(), 400);
        // The gold labels are incomplete (the bad line has none) only when it gives an
        // article; here it does not, so the run is scored.
        let syn = r.syndication_gold.expect("gold syndication");
        assert!(syn.precision > 0.9 && syn.recall > 0.8, "{syn:?}");
        let st = r.stories_gold.expect("gold stories");
        assert!(st.b3_f1 > 0.3, "{st:?}");
        // Same input, same result.
        let again = run(&bytes[..], &StreamOptions::default(), &|_| {}).expect("run");
        assert_eq!(again.group_of, res.group_of);
        assert_eq!(again.story_of, res.story_of);
    }
}
