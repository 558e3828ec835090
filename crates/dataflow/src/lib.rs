//! Storyline past one machine: ingest → syndication → story assignment as a
//! [timely-dataflow](https://docs.rs/timely) computation over several workers and processes,
//! with results identical to the single-process streaming run
//! ([`storyline_scale::stream::run`]) on the same input.
//!
//! The dataflow (see `docs/SCALING.md` for the design and its exchange volume):
//!
//! * **Input partitioning.** The JSON Lines file is cut into fixed byte chunks; a line belongs
//!   to the chunk its first byte is in. Epoch `g` holds chunks `g·W … g·W+W−1` (`W` workers),
//!   chunk `g·W+w` read, ingested and sketched by worker `w`: each worker seeks to its own
//!   chunks, so no worker reads the whole file. An article is named by the byte offset of its
//!   line, which orders articles exactly as the stream does.
//! * **Band keys by key.** Every article sends its 42 LSH band keys `(key, article)` to the
//!   key's owner (`key mod W`), which keeps its slice of the band table and emits every pair
//!   of an earlier article and this one that share a key (the candidates [`Index`] verifies).
//! * **Signatures for candidates.** A candidate pair goes to the owner of its earlier article,
//!   which attaches that article's 16-bit signature and sends it to the owner of the later
//!   article, which verifies with the same test as [`Index`] (`estimated_similarity`,
//!   `is_copy`).
//! * **The sequential step.** Per article one decision (its verified earlier copies; its text
//!   only when it has none) goes to worker 0, which, epoch by epoch in stream order, does what
//!   the single-process run does after the index: a verified copy joins the story of its
//!   earliest verified original, any other article is scored by the
//!   [`OnlineClusterer`]; a union-find over the verified pairs gives the groups.
//!
//! [`Index`]: storyline_syndication::Index

#![warn(missing_docs)]

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Instant;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use storyline_scale::stream::{
    GoldBook, StreamOptions, StreamReport, StreamResult, ingest_line, peak_rss_kb,
};
use storyline_stories::{Doc, OnlineClusterer};
use storyline_syndication::index::{UnionFind, estimated_similarity, is_copy};
use storyline_syndication::minhash;
use timely::container::CapacityContainerBuilder;
use timely::dataflow::channels::pact::{Exchange, Pipeline};
use timely::dataflow::operators::generic::Operator;
use timely::dataflow::operators::vec::Map;
use timely::dataflow::operators::{Capability, Probe};
use timely::dataflow::{InputHandle, ProbeHandle};

/// Settings of a dataflow run.
#[derive(Debug, Clone)]
pub struct DataflowOptions {
    /// The JSON Lines file (every process reads its own chunks of it).
    pub file: PathBuf,
    /// Bytes of the file per chunk (one chunk per worker per epoch).
    pub chunk_bytes: u64,
    /// Epochs a worker may read ahead of the slowest complete epoch (bounds memory).
    pub lag: u64,
    /// Syndication and clustering settings, as for the single-process run (the dataflow
    /// verifies from signatures, so `syndication.exact` must be off).
    pub stream: StreamOptions,
    /// Store URL (`sqlite://…` or `postgres://…`, as for `storyline ingest`): worker 0 adds
    /// every article to it in stream order and stores the groups and stories as the derived
    /// view [`ASSIGNMENTS_KEY`]. Articles then travel whole to worker 0.
    pub store: Option<String>,
}

/// Files one input batch under its epoch and keeps a capability for that epoch, so that a
/// two-input operator can process whole epochs once both frontiers have passed them.
fn stash<D>(
    cap: timely::dataflow::operators::InputCapability<u64>,
    data: std::slice::IterMut<'_, Vec<D>>,
    output: usize,
    epochs: &mut HashMap<u64, Vec<D>>,
    pending: &mut BTreeMap<u64, Capability<u64>>,
) {
    if let Some(cap) = cap.retain_least(output) {
        let e = epochs.entry(*cap.time()).or_default();
        for d in data {
            e.append(d);
        }
        pending.entry(*cap.time()).or_insert(cap);
    }
}

/// Key of the derived view holding a run's groups and stories in the store.
pub const ASSIGNMENTS_KEY: &str = "stream-assignments";

impl DataflowOptions {
    /// Default settings for a file: 1 MiB chunks, two epochs of read-ahead.
    pub fn new(file: impl Into<PathBuf>) -> Self {
        DataflowOptions {
            file: file.into(),
            chunk_bytes: 1 << 20,
            lag: 2,
            stream: StreamOptions::default(),
            store: None,
        }
    }
}

/// Bytes (bincode payload, as timely serializes it) and records sent from one worker to
/// another, per exchanged stream. Records that stay on their worker are not counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Volume {
    /// `(band key, article)` records to the key owners: records, bytes.
    pub band_keys: (u64, u64),
    /// Candidate pairs to the owner of the earlier article.
    pub pairs: (u64, u64),
    /// Candidate pairs with the earlier article's signature, to the later article's owner.
    pub probes: (u64, u64),
    /// Per-article decisions (verified copies; text when none) to worker 0.
    pub decisions: (u64, u64),
}

impl Volume {
    fn add(&mut self, o: &Volume) {
        let sum = |a: &mut (u64, u64), b: (u64, u64)| {
            a.0 += b.0;
            a.1 += b.1;
        };
        sum(&mut self.band_keys, o.band_keys);
        sum(&mut self.pairs, o.pairs);
        sum(&mut self.probes, o.probes);
        sum(&mut self.decisions, o.decisions);
    }

    /// Total bytes sent between workers.
    pub fn bytes(&self) -> u64 {
        self.band_keys.1 + self.pairs.1 + self.probes.1 + self.decisions.1
    }
}

/// What one worker did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkerStats {
    /// Worker index.
    pub worker: usize,
    /// Articles this worker ingested and sketched.
    pub articles: u64,
    /// Bytes of input this worker read.
    pub bytes: u64,
    /// Lines this worker read that gave no article.
    pub bad_lines: u64,
    /// Exchange volume this worker sent.
    pub volume: Volume,
    /// CPU seconds (user + system) of this worker's process when the worker finished.
    pub process_cpu_seconds: f64,
}

/// The outcome of a dataflow run, on the process of worker 0.
#[derive(Debug, Clone, Default)]
pub struct DataflowResult {
    /// Groups and stories per article (in stream order), and the report, as the
    /// single-process run gives them.
    pub result: StreamResult,
    /// Workers in the computation.
    pub workers: usize,
    /// Per-worker statistics (from every process).
    pub per_worker: Vec<WorkerStats>,
    /// Total exchange volume.
    pub volume: Volume,
}

/// An article's text and gold fields as they travel to the sequential step.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct DocData {
    id: String,
    title: Option<String>,
    text: String,
    language: String,
    gold_story: Option<String>,
    gold_copy_of: Option<String>,
}

/// One ingested article on the worker that read it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Local {
    off: u64,
    shingles: u32,
    sig: Option<Vec<u16>>,
    keys: Vec<u32>,
    date: Option<NaiveDate>,
    doc: DocData,
    /// The input line, kept only when the run writes to a store.
    line: Option<String>,
}

/// A candidate pair with the earlier article's shingle count and signature.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct SigProbe {
    later: u64,
    earlier: u64,
    shingles: u32,
    sig: Vec<u16>,
}

/// A verified earlier copy: offset, similarity (containment), and its shingle count and
/// signature (the sequential step checks group anchors with them).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Verified {
    off: u64,
    sim: f32,
    shingles: u32,
    sig: Vec<u16>,
}

/// Weight of an article as a group anchor, as `storyline_syndication::Index` gives it: the
/// earliest date first (undated last), then the most shingles.
fn anchor_weight(date: Option<NaiveDate>, shingles: u32) -> u64 {
    use chrono::Datelike;
    let day = date.map(|d| d.num_days_from_ce()).unwrap_or(i32::MAX);
    (u64::from(i32::MAX.abs_diff(day)) << 32) | u64::from(shingles)
}

/// What the sequential step needs of an article.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Decision {
    off: u64,
    /// Verified earlier copies by offset, with what the anchor rule needs of them.
    matches: Vec<Verified>,
    date: Option<NaiveDate>,
    /// This article's shingle count, and its signature when it has verified copies.
    shingles: u32,
    sig: Option<Vec<u16>>,
    doc: DocData,
    /// The input line, when the run writes to a store.
    line: Option<String>,
}

fn size<T: Serialize>(x: &T) -> u64 {
    bincode::serialized_size(x).unwrap_or(0)
}

/// Reads the lines that start in `[start, end)` of a file: (offset, line), blank lines
/// skipped, invalid UTF-8 replaced.
fn read_chunk(path: &Path, start: u64, end: u64) -> std::io::Result<(Vec<(u64, String)>, u64)> {
    let mut r = BufReader::with_capacity(1 << 16, std::fs::File::open(path)?);
    let mut pos = start;
    let mut buf = Vec::new();
    if start > 0 {
        r.seek(SeekFrom::Start(start - 1))?;
        // The byte before `start` ends a line exactly when a line starts at `start`.
        let n = r.read_until(b'\n', &mut buf)?;
        pos = start - 1 + n as u64;
    }
    let mut out = Vec::new();
    let mut bytes = 0;
    while pos < end {
        buf.clear();
        let n = r.read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        bytes += n as u64;
        let line = String::from_utf8_lossy(&buf);
        if !line.trim().is_empty() {
            out.push((pos, line.into_owned()));
        }
        pos += n as u64;
    }
    Ok((out, bytes))
}

fn local_of(off: u64, line: &str, banding: &minhash::Banding, keep: bool) -> Option<Local> {
    let item = ingest_line(line, false)?;
    let keys = item
        .sketch
        .signature
        .as_ref()
        .map(|s| banding.keys(s).collect())
        .unwrap_or_default();
    Some(Local {
        off,
        shingles: item.sketch.shingles,
        sig: item
            .sketch
            .signature
            .as_ref()
            .map(|s| minhash::compact(s).to_vec()),
        keys,
        date: item.date,
        doc: DocData {
            id: item.id,
            title: item.title,
            text: item.text,
            language: item.language,
            gold_story: item.gold_story,
            gold_copy_of: item.gold_copy_of,
        },
        line: keep.then(|| line.to_string()),
    })
}

/// Open-addressing multimap from band keys to (per-owner) article slots, 8 bytes a slot.
#[derive(Default)]
struct BandTable {
    slots: Vec<(u32, u32)>,
    len: usize,
}

impl BandTable {
    const EMPTY: u32 = u32::MAX;

    fn slot(&self, key: u32) -> usize {
        ((u64::from(key) * self.slots.len() as u64) >> 32) as usize
    }

    fn insert(&mut self, key: u32, v: u32) {
        if (self.len + 1) * 10 > self.slots.len() * 7 {
            let cap = (self.slots.len() * 2).max(1024);
            let old = std::mem::replace(&mut self.slots, vec![(0, Self::EMPTY); cap]);
            self.len = 0;
            for (k, d) in old {
                if d != Self::EMPTY {
                    self.insert(k, d);
                }
            }
        }
        let cap = self.slots.len();
        let mut i = self.slot(key);
        while self.slots[i].1 != Self::EMPTY {
            i = if i + 1 == cap { 0 } else { i + 1 };
        }
        self.slots[i] = (key, v);
        self.len += 1;
    }

    fn get(&self, key: u32, out: &mut Vec<u32>) {
        if self.slots.is_empty() {
            return;
        }
        let cap = self.slots.len();
        let mut i = self.slot(key);
        while self.slots[i].1 != Self::EMPTY {
            if self.slots[i].0 == key {
                out.push(self.slots[i].1);
            }
            i = if i + 1 == cap { 0 } else { i + 1 };
        }
    }
}

/// The sequential step on worker 0: article numbers, groups and stories in stream order.
struct Sequencer {
    clusterer: OnlineClusterer,
    /// Offset of every article, ascending (article number = position).
    offsets: Vec<u64>,
    story_of: Vec<u32>,
    uf: UnionFind,
    gold: GoldBook,
    /// The store the articles go to, and every article's id there.
    store: Option<(Box<dyn storyline_store::Store>, Vec<String>)>,
    /// Articles of the current epoch waiting for the store (with the id to use if they
    /// cannot be stored); written in one commit per epoch.
    to_store: Vec<(String, Option<storyline_core::Article>)>,
    /// The first store error (the run goes on; the error is reported at the end).
    store_error: Option<String>,
    /// Shingle count and signature of every article met in a verified pair (the possible
    /// group anchors).
    sigs: HashMap<usize, (u32, Vec<u16>)>,
    /// The syndication settings with the anchor containment as the containment threshold.
    anchor_cfg: storyline_syndication::Config,
}

impl Sequencer {
    fn number(&self, off: u64) -> Option<usize> {
        self.offsets.binary_search(&off).ok()
    }

    fn step(&mut self, d: Decision) {
        let id = self.offsets.len();
        self.offsets.push(d.off);
        self.uf.push_weighted(anchor_weight(d.date, d.shingles));
        if let Some(sig) = d.sig {
            self.sigs.entry(id).or_insert((d.shingles, sig));
        }
        let mut earliest = None;
        for m in d.matches {
            let Some(a) = self.number(m.off) else {
                continue;
            };
            self.sigs.entry(a).or_insert((m.shingles, m.sig));
            if self.join(a, id, m.sim) {
                earliest = Some(earliest.map_or(a, |e: usize| e.min(a)));
            }
        }
        let story = match earliest.and_then(|a| self.story_of.get(a)) {
            Some(&s) => {
                self.clusterer.join(s as usize, d.date);
                s
            }
            None => self.clusterer.add(Doc {
                language: &d.doc.language,
                title: d.doc.title.as_deref(),
                text: &d.doc.text,
                date: d.date,
            }) as u32,
        };
        self.story_of.push(story);
        self.gold.record(
            &d.doc.id,
            d.doc.gold_story.as_deref(),
            d.doc.gold_copy_of.as_deref(),
        );
        if self.store.is_some() {
            let mut article = None;
            let mut report = storyline_ingest::IngestReport::default();
            let line = d.line.unwrap_or_default();
            storyline_ingest::read_bytes("stream.jsonl", line.as_bytes(), &mut report, &mut |a| {
                article = Some(a)
            });
            self.to_store.push((d.doc.id.clone(), article));
        }
    }

    /// Writes the epoch's articles to the store in one commit and records their ids there
    /// (an article the store refuses keeps its stream id; the first error is reported).
    fn flush_store(&mut self) {
        let Some((store, ids)) = &mut self.store else {
            return;
        };
        let mut articles = Vec::with_capacity(self.to_store.len());
        let batch: Vec<(String, bool)> = std::mem::take(&mut self.to_store)
            .into_iter()
            .map(|(stream_id, a)| {
                let parsed = a.map(|a| articles.push(a)).is_some();
                (stream_id, parsed)
            })
            .collect();
        let mut added = match store.add_articles(&articles) {
            Ok(added) => added.into_iter(),
            Err(e) => {
                self.store_error.get_or_insert_with(|| e.to_string());
                Vec::new().into_iter()
            }
        };
        for (stream_id, parsed) in batch {
            let id = match parsed.then(|| added.next()).flatten() {
                Some(storyline_store::Added::New(id) | storyline_store::Added::Duplicate(id)) => id,
                None => stream_id,
            };
            ids.push(id);
        }
    }

    /// Joins a verified pair unless the anchor rule of `storyline_syndication::Index`
    /// refuses it (the two sets' anchors must be a copy pair too, with containment ≥
    /// `anchor_containment`); whether it joined.
    fn join(&mut self, a: usize, b: usize, sim: f32) -> bool {
        let (ra, rb) = (self.uf.find(a), self.uf.find(b));
        if ra != rb {
            let (xa, xb) = (self.uf.anchor(a), self.uf.anchor(b));
            let anchors_are_the_pair = (xa == a && xb == b) || (xa == b && xb == a);
            if !anchors_are_the_pair {
                let (Some((na, sa)), Some((nb, sb))) = (self.sigs.get(&xa), self.sigs.get(&xb))
                else {
                    return false;
                };
                let s = estimated_similarity(sa, *na, sb, *nb);
                if !is_copy(&self.anchor_cfg, *na, *nb, s) {
                    return false;
                }
            }
        }
        self.uf.union(a, b, sim);
        true
    }

    /// Stores the groups and stories (by stored article id) as a derived view.
    fn store_assignments(&mut self, group_of: &[u32]) {
        let Some((store, ids)) = &mut self.store else {
            return;
        };
        let rows: Vec<serde_json::Value> = ids
            .iter()
            .zip(group_of.iter().zip(&self.story_of))
            .map(|(id, (&g, &s))| {
                serde_json::json!({"id": id, "group": ids.get(g as usize), "story": s})
            })
            .collect();
        let doc = serde_json::json!({"articles": rows});
        if let Err(e) = store.put_derived(ASSIGNMENTS_KEY, &doc.to_string()) {
            self.store_error.get_or_insert_with(|| e.to_string());
        }
    }

    fn finish(&mut self, bytes: u64, start: Instant) -> StreamResult {
        let n = self.story_of.len();
        let roots: Vec<usize> = (0..n).map(|i| self.uf.find(i)).collect();
        let mut first: HashMap<usize, (u32, usize)> = HashMap::new();
        for (i, &r) in roots.iter().enumerate() {
            let e = first.entry(r).or_insert((i as u32, 0));
            e.1 += 1;
        }
        let group_of: Vec<u32> = roots.iter().map(|r| first[r].0).collect();
        let groups = first.values().filter(|(_, c)| *c >= 2).count();
        let grouped = first
            .values()
            .filter(|(_, c)| *c >= 2)
            .map(|(_, c)| c)
            .sum();
        let (syndication_gold, stories_gold) = self.gold.score(&group_of, &self.story_of);
        self.flush_store();
        self.store_assignments(&group_of);
        StreamResult {
            report: StreamReport {
                articles: n as u64,
                bad_lines: 0,
                bytes,
                groups,
                grouped_articles: grouped,
                stories: self.clusterer.stats().stories,
                seconds: start.elapsed().as_secs_f64(),
                peak_rss_kb: peak_rss_kb(),
                syndication_gold,
                stories_gold,
                ..StreamReport::default()
            },
            group_of,
            story_of: std::mem::take(&mut self.story_of),
        }
    }
}

/// CPU seconds (user + system) of this process so far, from `/proc/self/stat`.
pub fn process_cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// Runs the dataflow with timely's command-line options (`-w` threads per process, `-n`
/// processes, `-p` this process, `-h` host file; none: one worker). Returns the result on
/// the process that hosts worker 0, `None` on the others.
pub fn run(
    opts: &DataflowOptions,
    timely_args: &[String],
) -> anyhow::Result<Option<DataflowResult>> {
    if opts.stream.syndication.exact {
        anyhow::bail!("the dataflow verifies from signatures: exact verification is not supported");
    }
    let len = std::fs::metadata(&opts.file)?.len();
    let config =
        timely::Config::from_args(timely_args.iter().cloned()).map_err(anyhow::Error::msg)?;
    let opts = opts.clone();
    let guards = timely::execute(config, move |worker| worker_main(worker, &opts, len))
        .map_err(anyhow::Error::msg)?;
    let mut out = None;
    for r in guards.join() {
        match r {
            Ok(Ok(Some(res))) => out = Some(res),
            Ok(Ok(None)) => {}
            Ok(Err(e)) => return Err(anyhow::Error::msg(e)),
            Err(e) => anyhow::bail!("worker failed: {e}"),
        }
    }
    Ok(out)
}

type Shared<T> = Rc<RefCell<T>>;

/// One epoch of `(band key, article)` records with its capability.
type KeyBatch = (Capability<u64>, Vec<(u32, u64)>);

fn worker_main(
    worker: &mut timely::worker::Worker,
    opts: &DataflowOptions,
    len: u64,
) -> Result<Option<DataflowResult>, String> {
    let start = Instant::now();
    let index = worker.index();
    let peers = worker.peers();
    let w = peers as u64;
    let chunk = opts.chunk_bytes.max(1);
    let chunks = len.div_ceil(chunk);
    let epochs = chunks.div_ceil(w);
    let owner = move |off: u64| (off / chunk) % w;
    let cfg = opts.stream.syndication.clone();
    let banding = cfg.banding;
    let volume: Shared<Volume> = Rc::default();
    let store = match (&opts.store, index) {
        (Some(url), 0) => Some((
            storyline_store::open(url).map_err(|e| format!("cannot open store {url}: {e}"))?,
            Vec::new(),
        )),
        _ => None,
    };
    let sequencer: Shared<Option<Sequencer>> =
        Rc::new(RefCell::new((index == 0).then(|| Sequencer {
            clusterer: OnlineClusterer::new(opts.stream.cluster.clone()),
            offsets: Vec::new(),
            story_of: Vec::new(),
            uf: UnionFind::new(0),
            gold: GoldBook::default(),
            store,
            to_store: Vec::new(),
            store_error: None,
            sigs: HashMap::new(),
            anchor_cfg: storyline_syndication::Config {
                containment: cfg.anchor_containment.min(cfg.containment),
                ..cfg.clone()
            },
        })));

    let mut input: InputHandle<u64, CapacityContainerBuilder<Vec<Local>>> = InputHandle::new();
    let probe = ProbeHandle::new();
    worker.dataflow::<u64, _, _>(|scope| {
        let locals = input.to_stream(scope);

        // Band keys to their owners; candidate pairs back out.
        let vol = volume.clone();
        let keys = locals.clone().flat_map(move |l: Local| {
            let off = l.off;
            let mut v = vol.borrow_mut();
            for &k in &l.keys {
                if u64::from(k) % w != index as u64 {
                    v.band_keys.0 += 1;
                    v.band_keys.1 += size(&(k, off));
                }
            }
            l.keys.into_iter().map(move |k| (k, off))
        });
        let vol = volume.clone();
        let pairs = keys
            .unary_frontier(
                Exchange::new(|x: &(u32, u64)| u64::from(x.0)),
                "BandTable",
                move |_cap, _info| {
                    let mut pending: BTreeMap<u64, KeyBatch> = BTreeMap::new();
                    let mut table = BandTable::default();
                    let mut slots: Vec<u64> = Vec::new();
                    let mut cands = Vec::new();
                    move |(input, frontier), output| {
                        input.for_each_stamp(|cap, data| {
                            if let Some(cap) = cap.retain_least(output.output_index()) {
                                let e = pending
                                    .entry(*cap.time())
                                    .or_insert_with(|| (cap, Vec::new()));
                                for d in data {
                                    e.1.append(d);
                                }
                            }
                        });
                        while let Some(&t) = pending.keys().next() {
                            if frontier.frontier().less_equal(&t) {
                                break;
                            }
                            let Some((cap, mut recs)) = pending.remove(&t) else {
                                break;
                            };
                            recs.sort_unstable_by_key(|&(k, off)| (off, k));
                            let mut session = output.session(&cap);
                            let mut v = vol.borrow_mut();
                            for (k, off) in recs {
                                if slots.last() != Some(&off) {
                                    slots.push(off);
                                }
                                cands.clear();
                                table.get(k, &mut cands);
                                for &c in &cands {
                                    if slots[c as usize] == off {
                                        // The same key twice in one article.
                                        continue;
                                    }
                                    let pair = (slots[c as usize], off);
                                    if owner(pair.0) != index as u64 {
                                        v.pairs.0 += 1;
                                        v.pairs.1 += size(&pair);
                                    }
                                    session.give(pair);
                                }
                                table.insert(k, (slots.len() - 1) as u32);
                            }
                        }
                    }
                },
            )
            .container::<Vec<(u64, u64)>>();

        // The earlier article's owner attaches its signature.
        let vol = volume.clone();
        let probes = locals
            .clone()
            .binary_frontier(
                pairs,
                Pipeline,
                Exchange::new(move |x: &(u64, u64)| owner(x.0)),
                "Signatures",
                move |_cap, _info| {
                    let mut pending: BTreeMap<u64, Capability<u64>> = BTreeMap::new();
                    let mut new_locals: HashMap<u64, Vec<Local>> = HashMap::new();
                    let mut new_pairs: HashMap<u64, Vec<(u64, u64)>> = HashMap::new();
                    let mut sigs: HashMap<u64, (u32, Vec<u16>)> = HashMap::new();
                    move |(in1, f1), (in2, f2), output| {
                        let out = output.output_index();
                        in1.for_each_stamp(|cap, data| {
                            stash(cap, data, out, &mut new_locals, &mut pending)
                        });
                        in2.for_each_stamp(|cap, data| {
                            stash(cap, data, out, &mut new_pairs, &mut pending)
                        });
                        while let Some(&t) = pending.keys().next() {
                            if f1.frontier().less_equal(&t) || f2.frontier().less_equal(&t) {
                                break;
                            }
                            let Some(cap) = pending.remove(&t) else { break };
                            for l in new_locals.remove(&t).unwrap_or_default() {
                                if let Some(sig) = l.sig {
                                    sigs.insert(l.off, (l.shingles, sig));
                                }
                            }
                            let mut ps = new_pairs.remove(&t).unwrap_or_default();
                            ps.sort_unstable();
                            ps.dedup();
                            let mut session = output.session(&cap);
                            let mut v = vol.borrow_mut();
                            for (a, b) in ps {
                                let Some((n, sig)) = sigs.get(&a) else {
                                    continue;
                                };
                                let p = SigProbe {
                                    later: b,
                                    earlier: a,
                                    shingles: *n,
                                    sig: sig.clone(),
                                };
                                if owner(b) != index as u64 {
                                    v.probes.0 += 1;
                                    v.probes.1 += size(&p);
                                }
                                session.give(p);
                            }
                        }
                    }
                },
            )
            .container::<Vec<SigProbe>>();

        // The later article's owner verifies and decides what the sequential step needs.
        let vol = volume.clone();
        let decisions = locals
            .binary_frontier(
                probes,
                Pipeline,
                Exchange::new(move |p: &SigProbe| owner(p.later)),
                "Verify",
                move |_cap, _info| {
                    let mut pending: BTreeMap<u64, Capability<u64>> = BTreeMap::new();
                    let mut new_locals: HashMap<u64, Vec<Local>> = HashMap::new();
                    let mut new_probes: HashMap<u64, Vec<SigProbe>> = HashMap::new();
                    move |(in1, f1), (in2, f2), output| {
                        let out = output.output_index();
                        in1.for_each_stamp(|cap, data| {
                            stash(cap, data, out, &mut new_locals, &mut pending)
                        });
                        in2.for_each_stamp(|cap, data| {
                            stash(cap, data, out, &mut new_probes, &mut pending)
                        });
                        while let Some(&t) = pending.keys().next() {
                            if f1.frontier().less_equal(&t) || f2.frontier().less_equal(&t) {
                                break;
                            }
                            let Some(cap) = pending.remove(&t) else { break };
                            let mut ls = new_locals.remove(&t).unwrap_or_default();
                            ls.sort_unstable_by_key(|l| l.off);
                            let mut matches: HashMap<u64, Vec<Verified>> = HashMap::new();
                            for p in new_probes.remove(&t).unwrap_or_default() {
                                let Ok(i) = ls.binary_search_by_key(&p.later, |l| l.off) else {
                                    continue;
                                };
                                let l = &ls[i];
                                let Some(sig_b) = &l.sig else { continue };
                                let s = estimated_similarity(&p.sig, p.shingles, sig_b, l.shingles);
                                if is_copy(&cfg, p.shingles, l.shingles, s) {
                                    matches.entry(p.later).or_default().push(Verified {
                                        off: p.earlier,
                                        sim: s.containment as f32,
                                        shingles: p.shingles,
                                        sig: p.sig,
                                    });
                                }
                            }
                            let mut session = output.session(&cap);
                            let mut v = vol.borrow_mut();
                            for l in ls {
                                let mut m = matches.remove(&l.off).unwrap_or_default();
                                m.sort_unstable_by_key(|x| x.off);
                                // The text goes along even with verified copies: when the
                                // anchor rule refuses every join, the article is scored.
                                let d = Decision {
                                    off: l.off,
                                    sig: if m.is_empty() { None } else { l.sig },
                                    shingles: l.shingles,
                                    matches: m,
                                    date: l.date,
                                    doc: l.doc,
                                    line: l.line,
                                };
                                if index != 0 {
                                    v.decisions.0 += 1;
                                    v.decisions.1 += size(&d);
                                }
                                session.give(d);
                            }
                        }
                    }
                },
            )
            .container::<Vec<Decision>>();

        // The sequential step on worker 0, epoch by epoch in stream order.
        let seq = sequencer.clone();
        decisions
            .unary_frontier::<CapacityContainerBuilder<Vec<()>>, _, _, _>(
                Exchange::new(|_: &Decision| 0),
                "Assign",
                move |_cap, _info| {
                    let mut pending: BTreeMap<u64, Vec<Decision>> = BTreeMap::new();
                    move |(input, frontier), output| {
                        input.for_each_stamp(|cap, data| {
                            let Some(cap) = cap.retain_least(output.output_index()) else {
                                return;
                            };
                            let e = pending.entry(*cap.time()).or_default();
                            for d in data {
                                e.append(d);
                            }
                        });
                        while let Some(&t) = pending.keys().next() {
                            if frontier.frontier().less_equal(&t) {
                                break;
                            }
                            let mut ds = pending.remove(&t).unwrap_or_default();
                            ds.sort_unstable_by_key(|d| d.off);
                            if let Some(s) = seq.borrow_mut().as_mut() {
                                for d in ds {
                                    s.step(d);
                                }
                                s.flush_store();
                            }
                        }
                    }
                },
            )
            .container::<Vec<()>>()
            .probe_with(&probe);
    });

    // Per-worker statistics go to worker 0 through a second, small dataflow.
    let mut stats_in: InputHandle<u64, CapacityContainerBuilder<Vec<WorkerStats>>> =
        InputHandle::new();
    let stats_probe = ProbeHandle::new();
    let collected: Shared<Vec<WorkerStats>> = Rc::default();
    let sink = collected.clone();
    worker.dataflow::<u64, _, _>(|scope| {
        stats_in
            .to_stream(scope)
            .unary_frontier::<CapacityContainerBuilder<Vec<()>>, _, _, _>(
                Exchange::new(|_: &WorkerStats| 0),
                "Stats",
                move |_cap, _info| {
                    move |(input, _frontier), _output| {
                        input.for_each_stamp(|_cap, data| {
                            for d in data {
                                sink.borrow_mut().append(d);
                            }
                        });
                    }
                },
            )
            .container::<Vec<()>>()
            .probe_with(&stats_probe);
    });

    let (mut articles, mut bytes, mut bad) = (0u64, 0u64, 0u64);
    for g in 0..epochs {
        let c = g * w + index as u64;
        if c < chunks {
            let (lines, n) = read_chunk(&opts.file, c * chunk, ((c + 1) * chunk).min(len))
                .map_err(|e| e.to_string())?;
            bytes += n;
            for (off, line) in lines {
                match local_of(off, &line, &banding, opts.store.is_some()) {
                    Some(l) => {
                        articles += 1;
                        input.send(l);
                    }
                    None => bad += 1,
                }
            }
        }
        input.advance_to(g + 1);
        let done = (g + 1).saturating_sub(opts.lag);
        worker.step_or_park_while(None, || probe.less_than(&done));
    }
    input.close();
    worker.step_or_park_while(None, || !probe.done());

    let mine = WorkerStats {
        worker: index,
        articles,
        bytes,
        bad_lines: bad,
        volume: *volume.borrow(),
        process_cpu_seconds: process_cpu_seconds(),
    };
    stats_in.send(mine);
    stats_in.close();
    worker.step_or_park_while(None, || !stats_probe.done());

    let Some(mut seq) = sequencer.borrow_mut().take() else {
        return Ok(None);
    };
    let mut per_worker = collected.borrow().clone();
    per_worker.sort_by_key(|s| s.worker);
    let mut total = Volume::default();
    for s in &per_worker {
        total.add(&s.volume);
    }
    let all_bytes = per_worker.iter().map(|s| s.bytes).sum();
    let mut result = seq.finish(all_bytes, start);
    if let Some(e) = seq.store_error {
        return Err(format!("store: {e}"));
    }
    result.report.bad_lines = per_worker.iter().map(|s| s.bad_lines).sum();
    Ok(Some(DataflowResult {
        result,
        workers: peers,
        per_worker,
        volume: total,
    }))
}

/// One-paragraph human summary of a run (and of the dataflow's workers and exchange volume).
pub fn summary(r: &StreamReport, df: Option<&DataflowResult>) -> String {
    let mut s = format!(
        "{} articles ({} bad lines, {:.1} MB) in {:.2}s = {:.0} articles/s; {} groups ({} articles), {} stories; peak RSS {} MB",
        r.articles,
        r.bad_lines,
        r.bytes as f64 / 1e6,
        r.seconds,
        r.articles as f64 / r.seconds.max(1e-9),
        r.groups,
        r.grouped_articles,
        r.stories,
        r.peak_rss_kb.map_or(0, |k| k / 1024),
    );
    if let Some(df) = df {
        let v = &df.volume;
        let n = r.articles.max(1) as f64;
        s.push_str(&format!(
            "\n{} workers; exchanged between workers: {:.0} bytes/article (band keys {:.0}, pairs {:.0}, probes {:.0}, decisions {:.0}); records/article: keys {:.1}, pairs {:.2}, probes {:.2}, decisions {:.2}",
            df.workers,
            v.bytes() as f64 / n,
            v.band_keys.1 as f64 / n,
            v.pairs.1 as f64 / n,
            v.probes.1 as f64 / n,
            v.decisions.1 as f64 / n,
            v.band_keys.0 as f64 / n,
            v.pairs.0 as f64 / n,
            v.probes.0 as f64 / n,
            v.decisions.0 as f64 / n,
        ));
        for w in &df.per_worker {
            s.push_str(&format!(
                "\n  worker {}: {} articles, {:.1} MB read, process CPU {:.1}s",
                w.worker,
                w.articles,
                w.bytes as f64 / 1e6,
                w.process_cpu_seconds
            ));
        }
    }
    s
}

/// The result as JSON: counts, gold agreement, exchange volume, and the group and story of
/// every article in stream order.
pub fn result_json(res: &StreamResult, df: Option<&DataflowResult>) -> serde_json::Value {
    let r = &res.report;
    let agree = |a: &Option<storyline_scale::stream::Agreement>| {
        a.map(|a| {
            serde_json::json!({"precision": a.precision, "recall": a.recall,
                "b3_precision": a.b3_precision, "b3_recall": a.b3_recall, "b3_f1": a.b3_f1})
        })
    };
    serde_json::json!({
        "articles": r.articles,
        "bad_lines": r.bad_lines,
        "bytes": r.bytes,
        "seconds": r.seconds,
        "groups": r.groups,
        "grouped_articles": r.grouped_articles,
        "stories": r.stories,
        "peak_rss_kb": r.peak_rss_kb,
        "syndication_gold": agree(&r.syndication_gold),
        "stories_gold": agree(&r.stories_gold),
        "workers": df.map(|d| d.workers),
        "volume": df.map(|d| d.volume),
        "per_worker": df.map(|d| &d.per_worker),
        "group_of": res.group_of,
        "story_of": res.story_of,
    })
}
