//! Syndication benchmark: a corpus built from real Timeline17 articles in which some
//! articles are syndicated copies made with the edits real syndication makes, scored by
//! pair precision, recall and F1 of the detected groups.
//!
//! Construction ([`build`]), all driven by one seed:
//! 1. The real articles (`timeline17/articles/*.csv`, `date,text`, one sentence a line)
//!    are read and shaped into paragraphs of one to three sentences. Timeline17 itself holds
//!    real syndicated and updated versions of the same wire stories; so that every pair of
//!    distinct sources is a true negative, the pool keeps an article only when under
//!    [`POOL_MAX_CONTAINMENT`] of its word 3-grams (plain lower-cased words, not the
//!    detector's shingles) occur in an article already kept from the same topic.
//! 2. Originals are those real articles, then, when more are asked for, composite articles
//!    on the same topic: 8 to 30 sentences (of at most [`COMPOSITE_MAX_WORDS`] words) drawn
//!    at random from the topic's sentence pool,
//!    dated like a random article of the topic. Real articles of the same topic and nearby
//!    dates are the hard negatives.
//! 3. A quarter of the corpus is copies: originals are drawn at random and given one to four
//!    copies, each with a random subset of these edits: new headline, changed or removed
//!    dateline, last paragraphs dropped (at most half), re-paragraphing, British ↔ American
//!    spelling (word table and `-ise`/`-ize`, `per cent`/`percent`), one or two inserted
//!    `READ MORE: …` lines, an inserted photo caption, a light copy edit of one sentence
//!    (a word dropped or replaced). Copies are dated zero to two days after their original.
//! 4. The corpus is shuffled.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

pub use storyline_syndication::Config;

/// Error of the readers and writers here.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Pool filter: an article overlapping a kept one by this share of its word 3-grams is
/// left out, so that no two sources are themselves copies.
pub const POOL_MAX_CONTAINMENT: f64 = 0.3;

/// Longest sentence (in words) a composite article may reuse. Scraped pages in Timeline17
/// have "sentences" of hundreds of words; composites sharing one of them would really be
/// partial copies of each other, which the gold labels would call distinct.
pub const COMPOSITE_MAX_WORDS: usize = 60;

/// One real article of the pool.
#[derive(Debug, Clone)]
pub struct Source {
    /// Topic (file stem).
    pub topic: String,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Sentences, in order.
    pub sentences: Vec<String>,
}

/// One benchmark article.
#[derive(Debug, Clone, Serialize)]
pub struct BenchDoc {
    /// Article id.
    pub id: String,
    /// Topic.
    pub topic: String,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Text: optional headline line, then paragraphs separated by blank lines.
    pub text: String,
    /// Gold group: the number of the original this article is (a copy of).
    pub group: usize,
    /// Whether this is the original of its group.
    pub original: bool,
}

/// Reads Timeline17 article files (`*.csv` with `date,text`) from a folder.
pub fn read_timeline17(dir: &Path) -> Result<Vec<Source>, BoxError> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let topic = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut rdr = csv::Reader::from_path(&f)?;
        for rec in rdr.records() {
            let rec = rec?;
            let date = rec
                .get(0)
                .and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok());
            let text = rec.get(1).unwrap_or("");
            let sentences: Vec<String> = text
                .lines()
                .map(detokenize)
                .filter(|s| !s.is_empty())
                .collect();
            if !sentences.is_empty() {
                out.push(Source {
                    topic: topic.clone(),
                    date,
                    sentences,
                });
            }
        }
    }
    Ok(out)
}

/// Undoes the most visible CoreNLP escapes (`-LRB-`, ``` `` ```).
fn detokenize(line: &str) -> String {
    line.trim()
        .replace("-LRB-", "(")
        .replace("-RRB-", ")")
        .replace("``", "\"")
        .replace("''", "\"")
        .replace(" 's ", "'s ")
        .replace(" n't ", "n't ")
        .replace(" ,", ",")
        .replace(" .", ".")
}

fn plain_trigrams(sentences: &[String]) -> Vec<u64> {
    let words: Vec<u64> = sentences
        .iter()
        .flat_map(|s| {
            storyline_text::tokenize(s)
                .into_iter()
                .map(|t| t.text.to_lowercase())
        })
        .map(|w| xxhash(&w))
        .collect();
    let mut g: Vec<u64> = words
        .windows(3)
        .map(|w| {
            w[0].wrapping_mul(31)
                .wrapping_add(w[1])
                .wrapping_mul(31)
                .wrapping_add(w[2])
        })
        .collect();
    g.sort_unstable();
    g.dedup();
    g
}

fn xxhash(s: &str) -> u64 {
    // FNV-1a: the pool filter must not share code with the detector under test.
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn containment(a: &[u64], b: &[u64]) -> f64 {
    let n = storyline_text::sorted_overlap(a, b);
    let small = a.len().min(b.len());
    if small == 0 {
        0.0
    } else {
        n as f64 / small as f64
    }
}

/// Keeps the sources that do not overlap an already kept source of the same topic.
pub fn distinct_pool(sources: Vec<Source>) -> Vec<Source> {
    let grams: Vec<Vec<u64>> = sources
        .iter()
        .map(|s| plain_trigrams(&s.sentences))
        .collect();
    let mut kept: Vec<usize> = Vec::new();
    for i in 0..sources.len() {
        if grams[i].len() < 10 {
            continue;
        }
        let clash = kept.iter().any(|&k| {
            sources[k].topic == sources[i].topic
                && containment(&grams[k], &grams[i]) >= POOL_MAX_CONTAINMENT
        });
        if !clash {
            kept.push(i);
        }
    }
    let keep: std::collections::HashSet<usize> = kept.into_iter().collect();
    sources
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep.contains(i))
        .map(|(_, s)| s)
        .collect()
}

const SPELLING: &[(&str, &str)] = &[
    ("apologise", "apologize"),
    ("analyse", "analyze"),
    ("authorised", "authorized"),
    ("behaviour", "behavior"),
    ("cancelled", "canceled"),
    ("centre", "center"),
    ("colour", "color"),
    ("criticised", "criticized"),
    ("criticise", "criticize"),
    ("defence", "defense"),
    ("favour", "favor"),
    ("fuelled", "fueled"),
    ("grey", "gray"),
    ("harbour", "harbor"),
    ("honour", "honor"),
    ("labour", "labor"),
    ("licence", "license"),
    ("metres", "meters"),
    ("mobilised", "mobilized"),
    ("neighbour", "neighbor"),
    ("neighbours", "neighbors"),
    ("neighbouring", "neighboring"),
    ("offence", "offense"),
    ("organisation", "organization"),
    ("organisations", "organizations"),
    ("organised", "organized"),
    ("programme", "program"),
    ("realise", "realize"),
    ("recognised", "recognized"),
    ("recognise", "recognize"),
    ("rumours", "rumors"),
    ("signalled", "signaled"),
    ("theatre", "theater"),
    ("travelled", "traveled"),
];

fn match_case(like: &str, word: &str) -> String {
    if like.chars().next().is_some_and(char::is_uppercase) {
        let mut c = word.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        }
    } else {
        word.to_string()
    }
}

/// Swaps British and American spellings word by word (both directions), including the
/// generic `-ise`/`-ize` endings and `per cent`/`percent`.
pub fn swap_spelling(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for t in storyline_text::tokenize(text) {
        out.push_str(&text[last..t.start]);
        // `Organisation's` is one token: swap the word, keep the possessive.
        let (word, possessive) = match t.text.strip_suffix("'s") {
            Some(w) => (w, "'s"),
            None => (t.text, ""),
        };
        let lower = word.to_lowercase();
        let swapped = SPELLING
            .iter()
            .find_map(|&(uk, us)| {
                if lower == uk {
                    Some(us.to_string())
                } else if lower == us {
                    Some(uk.to_string())
                } else {
                    None
                }
            })
            .or_else(|| {
                if lower.len() < 7 {
                    return None;
                }
                for (a, b) in [("izing", "ising"), ("ized", "ised"), ("ize", "ise")] {
                    if let Some(h) = lower.strip_suffix(a) {
                        return Some(format!("{h}{b}"));
                    }
                }
                None
            });
        match swapped {
            Some(s) => {
                out.push_str(&match_case(word, &s));
                out.push_str(possessive);
            }
            None => out.push_str(t.text),
        }
        last = t.end;
    }
    out.push_str(&text[last..]);
    if out.contains(" percent") {
        out.replace(" percent", " per cent")
    } else {
        out.replace(" per cent", " percent")
    }
}

const AGENCIES: &[&str] = &["AFP", "Reuters", "AP", "dpa", "ANSA", "Xinhua"];
const PLACES: &[&str] = &[
    "CAIRO",
    "WASHINGTON",
    "LONDON",
    "PORT-AU-PRINCE",
    "GENEVA",
    "NEW YORK",
];

/// An original: headline, optional dateline, paragraphs.
#[derive(Debug, Clone)]
struct Draft {
    headline: Option<String>,
    dateline: Option<String>,
    paragraphs: Vec<Vec<String>>,
}

impl Draft {
    fn render(&self) -> String {
        let mut out = String::new();
        if let Some(h) = &self.headline {
            out.push_str(h);
            out.push_str("\n\n");
        }
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            if i == 0
                && let Some(d) = &self.dateline
            {
                out.push_str(d);
                out.push(' ');
            }
            out.push_str(&p.join(" "));
        }
        out
    }
}

fn paragraphs(rng: &mut ChaCha8Rng, sentences: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < sentences.len() {
        let n = rng.random_range(1..=3).min(sentences.len() - i);
        out.push(sentences[i..i + n].to_vec());
        i += n;
    }
    out
}

fn headline_from(rng: &mut ChaCha8Rng, sentence: &str) -> String {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let n = rng.random_range(5..=10).min(words.len());
    let start = if words.len() > n + 3 {
        rng.random_range(0..=3)
    } else {
        0
    };
    words[start..start + n].join(" ")
}

fn make_copy(rng: &mut ChaCha8Rng, orig: &Draft, others: &[&Draft], agency: &str) -> String {
    let mut d = orig.clone();
    // Headline: rewritten, dropped or kept.
    if rng.random_bool(0.7) {
        d.headline = if rng.random_bool(0.8) {
            let all: Vec<&String> = d.paragraphs.iter().flatten().collect();
            all.choose(rng)
                .map(|s| format!("{} | {agency}", headline_from(rng, s)))
        } else {
            None
        };
    }
    // Dateline: changed or removed.
    if rng.random_bool(0.6) {
        d.dateline = if rng.random_bool(0.7) {
            let place = PLACES.choose(rng).copied().unwrap_or("CAIRO");
            Some(format!(
                "{place}, {} ({agency}) —",
                rng.random_range(1..=28)
            ))
        } else {
            None
        };
    }
    // Last paragraphs dropped, at most half.
    if d.paragraphs.len() > 1 && rng.random_bool(0.5) {
        let max_drop = d.paragraphs.len() / 2;
        let drop = rng.random_range(1..=max_drop.max(1));
        d.paragraphs.truncate(d.paragraphs.len() - drop);
    }
    // Re-paragraphing.
    if rng.random_bool(0.5) {
        let sentences: Vec<String> = d.paragraphs.concat();
        d.paragraphs = paragraphs(rng, &sentences);
    }
    // Light copy edit of one sentence.
    if rng.random_bool(0.3) {
        let p = rng.random_range(0..d.paragraphs.len());
        let s = rng.random_range(0..d.paragraphs[p].len());
        let mut words: Vec<String> = d.paragraphs[p][s]
            .split_whitespace()
            .map(str::to_string)
            .collect();
        if words.len() > 4 {
            let w = rng.random_range(1..words.len());
            if rng.random_bool(0.5) {
                words.remove(w);
            } else {
                words[w] = ["reportedly", "also", "now", "still"]
                    .choose(rng)
                    .map(|x| x.to_string())
                    .unwrap_or_default();
            }
            d.paragraphs[p][s] = words.join(" ");
        }
    }
    // Photo caption after the first paragraph.
    if rng.random_bool(0.4)
        && let Some(other) = others.choose(rng)
        && let Some(s) = other
            .paragraphs
            .iter()
            .flatten()
            .collect::<Vec<_>>()
            .choose(rng)
    {
        let cap = headline_from(rng, s);
        let at = 1.min(d.paragraphs.len());
        d.paragraphs
            .insert(at, vec![format!("{cap}. Photo: {agency}/Getty Images")]);
    }
    // READ MORE lines.
    if rng.random_bool(0.4) {
        for _ in 0..rng.random_range(1..=2) {
            if let Some(other) = others.choose(rng) {
                let first = other.paragraphs.first().and_then(|p| p.first());
                if let Some(s) = first {
                    let line = format!("READ MORE: {}", headline_from(rng, s));
                    let at = rng.random_range(1..=d.paragraphs.len());
                    d.paragraphs.insert(at, vec![line]);
                }
            }
        }
    }
    let text = d.render();
    if rng.random_bool(0.4) {
        swap_spelling(&text)
    } else {
        text
    }
}

/// Builds the benchmark corpus: `n` articles (about a quarter of them copies) from the pool.
pub fn build(pool: &[Source], n: usize, seed: u64) -> Vec<BenchDoc> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    if pool.is_empty() || n == 0 {
        return Vec::new();
    }
    let n_copies = n / 4;
    let n_orig = n - n_copies;
    let mut topic_sentences: HashMap<&str, Vec<&String>> = HashMap::new();
    for s in pool {
        topic_sentences.entry(s.topic.as_str()).or_default().extend(
            s.sentences
                .iter()
                .filter(|x| x.split_whitespace().count() <= COMPOSITE_MAX_WORDS),
        );
    }
    let mut order: Vec<usize> = (0..pool.len()).collect();
    order.shuffle(&mut rng);
    // Originals: (topic, date, draft).
    let mut originals: Vec<(String, Option<NaiveDate>, Draft)> = Vec::with_capacity(n_orig);
    for k in 0..n_orig {
        let (topic, date, sentences): (String, Option<NaiveDate>, Vec<String>) = if k < order.len()
        {
            let s = &pool[order[k]];
            (s.topic.clone(), s.date, s.sentences.clone())
        } else {
            let base = &pool[rng.random_range(0..pool.len())];
            let sents = &topic_sentences[base.topic.as_str()];
            let m = rng.random_range(8..=30);
            let picked = (0..m)
                .filter_map(|_| sents.choose(&mut rng).map(|s| (*s).clone()))
                .collect();
            (base.topic.clone(), base.date, picked)
        };
        let headline = sentences.first().map(|s| headline_from(&mut rng, s));
        let dateline = rng.random_bool(0.5).then(|| {
            let place = PLACES.choose(&mut rng).copied().unwrap_or("CAIRO");
            let agency = AGENCIES.choose(&mut rng).copied().unwrap_or("AFP");
            format!("{place} ({agency}) -")
        });
        let paragraphs = paragraphs(&mut rng, &sentences);
        originals.push((
            topic,
            date,
            Draft {
                headline,
                dateline,
                paragraphs,
            },
        ));
    }
    let mut docs: Vec<BenchDoc> = originals
        .iter()
        .enumerate()
        .map(|(g, (topic, date, d))| BenchDoc {
            id: format!("o{g}"),
            topic: topic.clone(),
            date: *date,
            text: d.render(),
            group: g,
            original: true,
        })
        .collect();
    let mut made = 0;
    while made < n_copies {
        let g = rng.random_range(0..originals.len());
        let k = rng.random_range(1..=4).min(n_copies - made);
        let (topic, date, orig) = &originals[g];
        for c in 0..k {
            let others: Vec<&Draft> = (0..3)
                .map(|_| &originals[rng.random_range(0..originals.len())].2)
                .collect();
            let agency = AGENCIES.choose(&mut rng).copied().unwrap_or("AFP");
            let text = make_copy(&mut rng, orig, &others, agency);
            let shift = rng.random_range(0..=2);
            docs.push(BenchDoc {
                id: format!("c{g}_{c}_{made}"),
                topic: topic.clone(),
                date: date.and_then(|d| d.checked_add_days(chrono::Days::new(shift))),
                text,
                group: g,
                original: false,
            });
            made += 1;
        }
    }
    docs.shuffle(&mut rng);
    docs
}

/// Pair counts and scores of predicted groups against gold labels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PairScores {
    /// Predicted pairs that are gold pairs.
    pub true_positives: u64,
    /// Predicted pairs that are not.
    pub false_positives: u64,
    /// Gold pairs not predicted.
    pub false_negatives: u64,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

/// Scores predicted groups (lists of article numbers) against gold group labels.
pub fn pair_scores(gold: &[usize], predicted: &[Vec<usize>]) -> PairScores {
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let mut gold_sizes: HashMap<usize, u64> = HashMap::new();
    for &g in gold {
        *gold_sizes.entry(g).or_default() += 1;
    }
    let gold_pairs: u64 = gold_sizes.values().map(|&n| pairs(n)).sum();
    let (mut pred_pairs, mut tp) = (0u64, 0u64);
    for group in predicted {
        pred_pairs += pairs(group.len() as u64);
        let mut by_gold: HashMap<usize, u64> = HashMap::new();
        for &m in group {
            if let Some(&g) = gold.get(m) {
                *by_gold.entry(g).or_default() += 1;
            }
        }
        tp += by_gold.values().map(|&n| pairs(n)).sum::<u64>();
    }
    let precision = if pred_pairs > 0 {
        tp as f64 / pred_pairs as f64
    } else {
        1.0
    };
    let recall = if gold_pairs > 0 {
        tp as f64 / gold_pairs as f64
    } else {
        1.0
    };
    let f1 = crate::f1(precision, recall);
    PairScores {
        true_positives: tp,
        false_positives: pred_pairs - tp,
        false_negatives: gold_pairs - tp,
        precision,
        recall,
        f1,
    }
}

/// Scores of one detector configuration on a benchmark.
#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    /// Pair scores.
    #[serde(flatten)]
    pub scores: PairScores,
    /// Among predicted groups, the share whose chosen original is the gold original (groups
    /// that contain it).
    pub original_accuracy: f64,
    /// Wall time of detection, in milliseconds.
    pub ms: f64,
}

/// Runs the detector with `cfg` on benchmark documents and scores it.
pub fn evaluate(docs: &[BenchDoc], cfg: &storyline_syndication::Config) -> RunReport {
    let items: Vec<(&str, Option<NaiveDate>)> =
        docs.iter().map(|d| (d.text.as_str(), d.date)).collect();
    let start = std::time::Instant::now();
    let groups = storyline_syndication::find_groups_texts(&items, cfg);
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let gold: Vec<usize> = docs.iter().map(|d| d.group).collect();
    let predicted: Vec<Vec<usize>> = groups.iter().map(|g| g.members.clone()).collect();
    let (mut judged, mut right) = (0usize, 0usize);
    for g in &groups {
        let gold_group = docs[g.original].group;
        if g.members
            .iter()
            .any(|&m| docs[m].group == gold_group && docs[m].original)
        {
            judged += 1;
            if docs[g.original].original {
                right += 1;
            }
        }
    }
    RunReport {
        scores: pair_scores(&gold, &predicted),
        original_accuracy: if judged > 0 {
            right as f64 / judged as f64
        } else {
            0.0
        },
        ms,
    }
}

/// Writes benchmark documents as JSON Lines (`id`, `topic`, `date`, `text`, `group`,
/// `original`).
pub fn write_jsonl(docs: &[BenchDoc], path: &Path) -> Result<(), BoxError> {
    use std::io::Write;
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    for d in docs {
        serde_json::to_writer(&mut w, d)?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_scores_count_pairs() {
        // Gold: {0,1,2} {3} {4,5}; predicted: {0,1} {2,3} {4,5}.
        let gold = [0, 0, 0, 1, 2, 2];
        let s = pair_scores(&gold, &[vec![0, 1], vec![2, 3], vec![4, 5]]);
        assert_eq!(s.true_positives, 2);
        assert_eq!(s.false_positives, 1);
        assert_eq!(s.false_negatives, 2);
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.recall - 0.5).abs() < 1e-12);
    }

    #[test]
    fn spelling_swap_goes_both_ways() {
        assert_eq!(
            swap_spelling("The Organisation's colour, 5 per cent"),
            "The Organization's color, 5 percent"
        );
        assert_eq!(swap_spelling("They organized it"), "They organised it");
    }

    fn tiny_pool() -> Vec<Source> {
        (0..12)
            .map(|i| Source {
                topic: "t".into(),
                date: NaiveDate::from_ymd_opt(2011, 1, 1 + i as u32),
                sentences: (0..12)
                    .map(|k| {
                        format!("Article {i} sentence {k} tells word{i}x{k} and more{k}y{i} news.")
                    })
                    .collect(),
            })
            .collect()
    }

    #[test]
    fn benchmark_has_a_quarter_copies_and_is_seeded() {
        let pool = tiny_pool();
        let a = build(&pool, 40, 7);
        let b = build(&pool, 40, 7);
        assert_eq!(a.len(), 40);
        assert_eq!(a.iter().filter(|d| !d.original).count(), 10);
        assert_eq!(
            a.iter().map(|d| &d.text).collect::<Vec<_>>(),
            b.iter().map(|d| &d.text).collect::<Vec<_>>()
        );
    }

    #[test]
    fn detector_scores_on_the_real_benchmark() {
        let Some(dir) = crate::dataset("timeline17/articles") else {
            return;
        };
        let pool = distinct_pool(read_timeline17(&dir).expect("timeline17 readable"));
        assert!(pool.len() > 500, "pool {}", pool.len());
        let docs = build(&pool, 600, 1);
        let r = evaluate(&docs, &storyline_syndication::Config::default());
        assert!(r.scores.f1 >= 0.95, "{r:?}");
    }

    /// Writes the benchmark corpus and prints its scores without the CLI:
    /// `SYND_N=100000 SYND_OUT=/tmp/synd.jsonl cargo test --release -p storyline-eval
    /// write_benchmark -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn write_benchmark() {
        let Some(dir) = crate::dataset("timeline17/articles") else {
            return;
        };
        let n = std::env::var("SYND_N")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(1500);
        let seed = std::env::var("SYND_SEED")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(17);
        let read = read_timeline17(&dir).expect("timeline17 readable");
        let read_n = read.len();
        let pool = distinct_pool(read);
        let docs = build(&pool, n, seed);
        if let Ok(out) = std::env::var("SYND_OUT") {
            write_jsonl(&docs, Path::new(&out)).expect("corpus written");
        }
        let exact = evaluate(&docs, &Config::default());
        let sketch = evaluate(&docs, &Config::sketch());
        println!(
            "{}",
            serde_json::json!({"articles": docs.len(), "real_articles_read": read_n,
                "distinct_pool": pool.len(), "seed": seed, "exact": exact, "sketch": sketch})
        );
    }
}
