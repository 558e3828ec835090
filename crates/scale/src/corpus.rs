//! The benchmark corpus generator: a realistic, reproducible stream of news articles made
//! from the real articles of the shared data sets (Timeline17, DUC 2003, DUC 2006).
//!
//! How a stream is built (see `docs/SCALING.md`):
//!
//! * **Pool.** Every source article is split into sentences (`storyline_text`); sentences
//!   shorter than 5 words or longer than 600 bytes are dropped. Articles are grouped by
//!   topic (a Timeline17 CSV file, a DUC topic folder).
//! * **Stories.** A story instance is a topic, 2–4 of its source articles (its "core") and
//!   a lifetime of 1–14 days. Each original article starts a new story with probability
//!   `1 / story_mean`, else it belongs to a random story still alive. Many instances of the
//!   same topic are spread over the year, as recurring stories are.
//! * **Originals.** An original's text is 6–16 sentences sampled without replacement from its
//!   story's core (at most a third of the core, so two originals of one story are never
//!   near-duplicates), kept in source order, 2–3 sentences a paragraph. Its headline is the
//!   first words of its first sentence.
//! * **Dates.** `articles_per_day` articles a day from `start`, in date order.
//! * **Syndicated copies.** With probability `copy_rate` an article is an edited copy of one
//!   of the last 2,000 originals, in another outlet: a changed headline, and with some
//!   probability a trimmed ending, an inserted `READ MORE:` line, British spelling.
//!
//! Output: JSON Lines with the README schema (`id`, `url`, `outlet`, `title`, `published`,
//! `text`) plus the gold `story` (story instance) and `copy_of` (id of the original) fields.
//! Only the pool and the last 2,000 originals are held in memory, never the stream.

use std::collections::VecDeque;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

/// One source article: its headline, if known, and its sentences.
#[derive(Debug, Clone)]
pub struct SourceDoc {
    /// Headline from the source, when it has one.
    pub title: Option<String>,
    /// Sentences in source order.
    pub sentences: Vec<String>,
}

/// The source articles of one topic.
#[derive(Debug, Clone)]
pub struct Topic {
    /// Topic name (`t17/egypt`, `duc2003/d100a`).
    pub name: String,
    /// Its articles.
    pub docs: Vec<SourceDoc>,
}

/// The pool of real articles a corpus is made from.
#[derive(Debug, Clone, Default)]
pub struct Pool {
    /// Topics with at least two usable articles.
    pub topics: Vec<Topic>,
}

impl Pool {
    /// Number of source articles.
    pub fn docs(&self) -> usize {
        self.topics.iter().map(|t| t.docs.len()).sum()
    }

    /// Number of sentences.
    pub fn sentences(&self) -> usize {
        self.topics
            .iter()
            .flat_map(|t| &t.docs)
            .map(|d| d.sentences.len())
            .sum()
    }

    /// Adds a topic from raw texts (title, text); keeps it when two or more articles have
    /// at least three usable sentences.
    pub fn add_topic(
        &mut self,
        name: &str,
        texts: impl IntoIterator<Item = (Option<String>, String)>,
    ) {
        let docs: Vec<SourceDoc> = texts
            .into_iter()
            .filter_map(|(title, text)| {
                let sentences = usable_sentences(&text);
                (sentences.len() >= 3).then_some(SourceDoc { title, sentences })
            })
            .collect();
        if docs.len() >= 2 {
            self.topics.push(Topic {
                name: name.to_string(),
                docs,
            });
        }
    }

    /// Loads the pool from the shared data folder: `timeline17/articles/*.csv`
    /// (`date,text`; one topic per file), `duc2003/docs.without.headlines/*/` and
    /// `duc2006/duc2006_docs/*/` (one topic per folder, read with `storyline_ingest`).
    /// Missing data sets are skipped; an error only when nothing usable is found.
    pub fn load(data: &Path) -> Result<Pool, String> {
        let mut pool = Pool::default();
        let t17 = data.join("timeline17/articles");
        for file in sorted_entries(&t17)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        {
            let Ok(mut rdr) = csv::Reader::from_path(&file) else {
                continue;
            };
            let texts: Vec<(Option<String>, String)> = rdr
                .records()
                .filter_map(Result::ok)
                .filter_map(|r| r.get(1).map(|t| (None, t.replace(" \n", "\n"))))
                .collect();
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            pool.add_topic(&format!("t17/{stem}"), texts);
        }
        for (set, rel) in [
            ("duc2003", "duc2003/docs.without.headlines"),
            ("duc2006", "duc2006/duc2006_docs"),
        ] {
            for dir in sorted_entries(&data.join(rel))
                .into_iter()
                .filter(|p| p.is_dir())
            {
                let mut texts = Vec::new();
                storyline_ingest::read_paths(std::slice::from_ref(&dir), &mut |a| {
                    texts.push((a.title, a.text))
                });
                let name = dir
                    .file_name()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                pool.add_topic(&format!("{set}/{name}"), texts);
            }
        }
        if pool.topics.is_empty() {
            return Err(format!("no usable articles under {}", data.display()));
        }
        Ok(pool)
    }
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// Sentences of a text with 5 or more words and at most 600 bytes, white space collapsed.
pub fn usable_sentences(text: &str) -> Vec<String> {
    storyline_text::split_sentences(text)
        .into_iter()
        .filter_map(|(s, e, _)| text.get(s..e))
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| s.len() <= 600 && s.split(' ').count() >= 5)
        .collect()
}

/// Settings of a generated corpus.
#[derive(Debug, Clone)]
pub struct CorpusConfig {
    /// Number of articles.
    pub articles: u64,
    /// Random seed (same seed and pool: same corpus, byte for byte).
    pub seed: u64,
    /// Articles per day.
    pub articles_per_day: u64,
    /// First day.
    pub start: NaiveDate,
    /// Share of articles that are syndicated copies.
    pub copy_rate: f64,
    /// Mean number of originals per story.
    pub story_mean: f64,
    /// Number of outlets.
    pub outlets: u32,
}

impl Default for CorpusConfig {
    fn default() -> Self {
        CorpusConfig {
            articles: 1000,
            seed: 1,
            articles_per_day: 4000,
            start: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default(),
            copy_rate: 0.15,
            story_mean: 40.0,
            outlets: 500,
        }
    }
}

/// One line of a generated corpus.
#[derive(Debug, Serialize)]
struct Line<'a> {
    id: &'a str,
    url: &'a str,
    outlet: &'a str,
    title: &'a str,
    published: String,
    text: &'a str,
    story: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    copy_of: Option<&'a str>,
}

/// Counts describing a generated corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CorpusStats {
    /// Articles written.
    pub articles: u64,
    /// Of which syndicated copies.
    pub copies: u64,
    /// Story instances.
    pub stories: u64,
    /// Days spanned.
    pub days: u64,
    /// Bytes written.
    pub bytes: u64,
}

struct StoryInst {
    id: u64,
    topic: usize,
    core: Vec<(usize, usize)>,
    end_day: u64,
}

struct Original {
    id: String,
    story: u64,
    outlet: u32,
    title: String,
    paragraphs: Vec<Vec<String>>,
}

const RECENT: usize = 2000;

const SPELLING: &[(&str, &str)] = &[
    ("organization", "organisation"),
    ("organizations", "organisations"),
    ("organized", "organised"),
    ("center", "centre"),
    ("defense", "defence"),
    ("labor", "labour"),
    ("favor", "favour"),
    ("honor", "honour"),
    ("color", "colour"),
    ("program", "programme"),
    ("analyze", "analyse"),
    ("traveled", "travelled"),
    ("recognized", "recognised"),
    ("criticized", "criticised"),
    ("percent", "per cent"),
];

/// Writes a corpus to `out` as JSON Lines, streaming; returns its counts.
pub fn generate(
    pool: &Pool,
    cfg: &CorpusConfig,
    out: &mut dyn Write,
) -> std::io::Result<CorpusStats> {
    if pool.topics.is_empty() {
        return Err(std::io::Error::other("empty pool"));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(cfg.seed);
    let mut stats = CorpusStats::default();
    let mut live: Vec<StoryInst> = Vec::new();
    let mut recent: VecDeque<Original> = VecDeque::with_capacity(RECENT);
    let mut next_story = 0u64;
    let per_day = cfg.articles_per_day.max(1);
    let mut buf: Vec<u8> = Vec::with_capacity(1 << 16);
    for i in 0..cfg.articles {
        let day = i / per_day;
        let date = cfg.start + chrono::Days::new(day);
        let id = format!("a{i:08}");
        let is_copy = !recent.is_empty() && rng.random_bool(cfg.copy_rate.clamp(0.0, 1.0));
        let (title, text, story, outlet, copy_of) = if is_copy {
            // Recent originals are more likely to be picked up.
            let back = ((rng.random::<f64>().powi(2)) * recent.len() as f64) as usize;
            let orig = &recent[recent.len() - 1 - back.min(recent.len() - 1)];
            let (title, text) = edit_copy(orig, &recent, &mut rng);
            let mut outlet = rng.random_range(0..cfg.outlets.max(2));
            if outlet == orig.outlet {
                outlet = (outlet + 1) % cfg.outlets.max(2);
            }
            stats.copies += 1;
            (title, text, orig.story, outlet, Some(orig.id.clone()))
        } else {
            live.retain(|s| s.end_day >= day);
            let new =
                live.is_empty() || rng.random_bool((1.0 / cfg.story_mean.max(1.0)).clamp(0.0, 1.0));
            if new {
                live.push(new_story(pool, next_story, day, &mut rng));
                next_story += 1;
            }
            let s = if new {
                live.len() - 1
            } else {
                rng.random_range(0..live.len())
            };
            let paragraphs = original_text(pool, &live[s], &mut rng);
            let title = headline(&paragraphs);
            let outlet = rng.random_range(0..cfg.outlets.max(2));
            let text = join(&paragraphs);
            if recent.len() == RECENT {
                recent.pop_front();
            }
            recent.push_back(Original {
                id: id.clone(),
                story: live[s].id,
                outlet,
                title: title.clone(),
                paragraphs,
            });
            (title, text, live[s].id, outlet, None)
        };
        let outlet_name = format!("outlet{outlet:03}.example");
        let url = format!("https://{outlet_name}/news/{id}");
        buf.clear();
        serde_json::to_writer(
            &mut buf,
            &Line {
                id: &id,
                url: &url,
                outlet: &outlet_name,
                title: &title,
                published: date.format("%Y-%m-%d").to_string(),
                text: &text,
                story: format!("s{story}"),
                copy_of: copy_of.as_deref(),
            },
        )
        .map_err(std::io::Error::other)?;
        buf.push(b'\n');
        out.write_all(&buf)?;
        stats.bytes += buf.len() as u64;
        stats.articles += 1;
        stats.days = day + 1;
    }
    stats.stories = next_story;
    out.flush()?;
    Ok(stats)
}

fn new_story(pool: &Pool, id: u64, day: u64, rng: &mut ChaCha8Rng) -> StoryInst {
    let topic = rng.random_range(0..pool.topics.len());
    let docs = &pool.topics[topic].docs;
    let k = rng.random_range(2..=4).min(docs.len());
    let mut picked: Vec<usize> = rand::seq::index::sample(rng, docs.len(), k).into_vec();
    picked.sort_unstable();
    StoryInst {
        id,
        topic,
        core: picked.into_iter().map(|d| (topic, d)).collect(),
        end_day: day + rng.random_range(1..=14),
    }
}

fn original_text(pool: &Pool, s: &StoryInst, rng: &mut ChaCha8Rng) -> Vec<Vec<String>> {
    let sentences: Vec<&String> = s
        .core
        .iter()
        .flat_map(|&(t, d)| &pool.topics[t].docs[d].sentences)
        .collect();
    debug_assert!(s.topic < pool.topics.len());
    let cap = (sentences.len() / 3).max(3).min(sentences.len());
    let k = rng.random_range(6..=16).min(cap);
    let mut idx = rand::seq::index::sample(rng, sentences.len(), k).into_vec();
    idx.sort_unstable();
    let mut paragraphs = Vec::new();
    let mut cur = Vec::new();
    let mut want = rng.random_range(2..=3);
    for i in idx {
        cur.push(sentences[i].clone());
        if cur.len() == want {
            paragraphs.push(std::mem::take(&mut cur));
            want = rng.random_range(2..=3);
        }
    }
    if !cur.is_empty() {
        paragraphs.push(cur);
    }
    paragraphs
}

fn headline(paragraphs: &[Vec<String>]) -> String {
    let first = paragraphs
        .first()
        .and_then(|p| p.first())
        .map(String::as_str)
        .unwrap_or("");
    first
        .split(' ')
        .take(10)
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches([',', '.', ';', ':'])
        .to_string()
}

fn join(paragraphs: &[Vec<String>]) -> String {
    paragraphs
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn edit_copy(
    orig: &Original,
    recent: &VecDeque<Original>,
    rng: &mut ChaCha8Rng,
) -> (String, String) {
    let mut paragraphs = orig.paragraphs.clone();
    // Headline change.
    let title = match rng.random_range(0..3) {
        0 => format!("UPDATE 1-{}", orig.title),
        1 => {
            let second = paragraphs
                .iter()
                .flatten()
                .nth(1)
                .cloned()
                .unwrap_or_default();
            headline(&[vec![second]])
        }
        _ => orig.title.split(' ').take(6).collect::<Vec<_>>().join(" "),
    };
    // Trimmed ending: drop up to a quarter of the sentences from the end.
    let total: usize = paragraphs.iter().map(Vec::len).sum();
    if total >= 8 && rng.random_bool(0.5) {
        let mut drop = rng.random_range(1..=total / 4);
        while drop > 0 {
            let Some(last) = paragraphs.last_mut() else {
                break;
            };
            last.pop();
            if last.is_empty() {
                paragraphs.pop();
            }
            drop -= 1;
        }
    }
    // Inserted READ MORE line.
    if paragraphs.len() >= 2 && rng.random_bool(0.4) {
        let other = recent
            .get(rng.random_range(0..recent.len().max(1)))
            .map(|o| o.title.clone())
            .unwrap_or_default();
        let at = rng.random_range(1..paragraphs.len());
        paragraphs.insert(at, vec![format!("READ MORE: {other}")]);
    }
    let mut text = join(&paragraphs);
    // British spelling.
    if rng.random_bool(0.3) {
        text = british(&text);
    }
    (title, text)
}

/// Replaces American spellings of whole words with British ones.
pub fn british(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for piece in text.split_inclusive([' ', '\n']) {
        let end = piece.trim_end_matches([' ', '\n']);
        let word = end.trim_end_matches(|c: char| !c.is_alphanumeric());
        let rest = &piece[word.len()..];
        match SPELLING.iter().find(|(us, _)| *us == word) {
            Some((_, uk)) => {
                out.push_str(uk);
                out.push_str(rest);
            }
            None => out.push_str(piece),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn british_replaces_whole_words_only() {
        assert_eq!(
            british("the defense center, programmer labor."),
            "the defence centre, programmer labour."
        );
    }

    #[test]
    fn same_seed_same_bytes_and_rates() {
        let pool = tests_support::pool();
        assert_eq!(pool.topics.len(), 6);
        let cfg = CorpusConfig {
            articles: 600,
            articles_per_day: 100,
            ..CorpusConfig::default()
        };
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let sa = generate(&pool, &cfg, &mut a).expect("generate");
        generate(&pool, &cfg, &mut b).expect("generate");
        assert_eq!(a, b);
        assert_eq!(sa.articles, 600);
        assert_eq!(sa.days, 6);
        assert!(sa.copies > 50 && sa.copies < 140, "copies {}", sa.copies);
        let lines: Vec<serde_json::Value> = a
            .split(|&c| c == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).expect("json"))
            .collect();
        assert_eq!(lines.len(), 600);
        let copies = lines.iter().filter(|l| l.get("copy_of").is_some()).count() as u64;
        assert_eq!(copies, sa.copies);
        assert_eq!(lines[0]["published"], "2024-01-01");
        assert_eq!(lines[599]["published"], "2024-01-06");
        let other = CorpusConfig { seed: 2, ..cfg };
        let mut c = Vec::new();
        generate(&pool, &other, &mut c).expect("generate");
        assert_ne!(a, c);
    }
}

/// A small synthetic pool for tests (random words, a vocabulary per topic).
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    pub(crate) fn pool() -> Pool {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut pool = Pool::default();
        for t in 0..6u32 {
            let texts: Vec<(Option<String>, String)> = (0..5)
                .map(|_| {
                    let text = (0..30)
                        .map(|_| {
                            let words: Vec<String> = (0..12)
                                .map(|_| {
                                    if rng.random_bool(0.3) {
                                        format!("common{}", rng.random_range(0..300))
                                    } else {
                                        format!("topic{t}word{}", rng.random_range(0..400))
                                    }
                                })
                                .collect();
                            format!("The {}.", words.join(" "))
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                    (None, text)
                })
                .collect();
            pool.add_topic(&format!("topic{t}"), texts);
        }
        pool
    }
}
