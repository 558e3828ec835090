//! The near-duplicate index: per-article sketches, LSH candidate pairs, verification by
//! Jaccard similarity and containment, and union-find groups.
//!
//! Two ways to use it give the same groups: [`Index::insert`] one article at a time
//! (streaming, memory bounded by the sketches), and [`find_groups_with`] on a whole corpus
//! (parallel sketching, candidate pairs from sorted band keys, parallel verification).
//! Both verify exactly the pairs that share at least one LSH band key, with the same test,
//! and join them in the same order (by the later article, then the earlier).
//!
//! **Anchor rule.** A verified pair joins two sets only if the sets' anchors (each set's
//! earliest text, the longest among equally early ones) are a copy pair too (containment ≥
//! [`Config::anchor_containment`], 0.6 by default), so every group is a star of copies
//! around one text. Plain single-linkage union-find chains: a text that carries part of two different
//! reports, or a run of texts each overlapping the next, welds unrelated reports into one
//! group that grows with the stream.

use chrono::NaiveDate;
use rayon::prelude::*;
use storyline_core::{Article, ArticleIdx, Corpus};

use crate::Group;
use crate::minhash::{self, BINS, Banding};
use crate::shingle;

/// Tuning of the detector. [`Config::default`] is the setting measured in
/// `docs/parts/syndication.md`.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// LSH banding of the 128-bin signature (candidate generation).
    pub banding: Banding,
    /// A pair is a copy when its Jaccard similarity reaches this…
    pub jaccard: f64,
    /// …or when this share of the shorter text's shingles is in the longer text (a trimmed
    /// copy is still a copy)…
    pub containment: f64,
    /// …and the shorter text has at least this share of the longer one's shingles (so that
    /// a one-paragraph brief is not a copy of a long feature that quotes it).
    pub min_ratio: f64,
    /// Texts with fewer shingles than this are copies only when nearly identical
    /// (Jaccard ≥ `short_jaccard`).
    pub min_shingles: usize,
    /// Jaccard similarity required of short texts.
    pub short_jaccard: f64,
    /// Containment required of two groups' anchors (their earliest texts) before a
    /// verified pair may join the groups (see the anchor rule in the module documentation);
    /// `containment` or more switches the rule to plain verification of the anchors.
    pub anchor_containment: f64,
    /// Verify with the exact shingle sets (kept as sorted 32-bit hashes, 4 bytes per
    /// shingle) instead of estimating from the signatures (256 bytes per article).
    pub exact: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            banding: Banding { bands: 42, rows: 3 },
            jaccard: 0.6,
            containment: 0.8,
            min_ratio: 0.3,
            min_shingles: 12,
            short_jaccard: 0.9,
            anchor_containment: 0.6,
            exact: true,
        }
    }
}

impl Config {
    /// The default setting with verification from signatures only (bounded memory).
    pub fn sketch() -> Self {
        Config {
            exact: false,
            ..Config::default()
        }
    }
}

/// What one article contributes to the index.
#[derive(Debug, Clone, PartialEq)]
pub struct Sketch {
    /// Number of distinct shingles.
    pub shingles: u32,
    /// MinHash signature (`None` for a text without words).
    pub signature: Option<minhash::Signature>,
    /// The distinct shingles as sorted 32-bit hashes, when exact verification is on.
    pub set: Option<Vec<u32>>,
}

impl Sketch {
    /// Sketches a text (with a per-thread [`Sketcher`], so no buffers are allocated per
    /// call).
    pub fn new(text: &str, exact: bool) -> Self {
        thread_local! {
            static SKETCHER: std::cell::RefCell<Sketcher> = std::cell::RefCell::new(Sketcher::default());
        }
        SKETCHER.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => s.sketch(text, exact),
            Err(_) => Sketcher::default().sketch(text, exact),
        })
    }
}

/// Reusable buffers for sketching texts: word scanning, the distinct-shingle count and,
/// in exact mode, the shingle set. One per thread; [`Sketch::new`] keeps one per thread.
#[derive(Debug, Default)]
pub struct Sketcher {
    words: shingle::WordHasher,
    distinct: DistinctSet,
    set: Vec<u32>,
}

impl Sketcher {
    /// Sketches a text: one pass over its words, each shingle hashed once, fed to the
    /// signature and to a hash set that counts the distinct shingles.
    pub fn sketch(&mut self, text: &str, exact: bool) -> Sketch {
        let mut sig = minhash::SignatureBuilder::new();
        // News text averages about six bytes a word with its separator: room for a
        // shingle every six bytes at half load; the set grows if that is too few.
        self.distinct.reset(text.len() / 6 + 16);
        self.set.clear();
        let (distinct, set) = (&mut self.distinct, &mut self.set);
        shingle::for_each_shingle(text, &mut self.words, |h| {
            sig.add(h);
            if distinct.insert(h) && exact {
                set.push(h as u32);
            }
        });
        let set = exact.then(|| {
            let mut v = set.clone();
            v.sort_unstable();
            v.dedup();
            v
        });
        Sketch {
            shingles: u32::try_from(self.distinct.len()).unwrap_or(u32::MAX),
            signature: sig.finish(),
            set,
        }
    }
}

/// A set of 64-bit hashes that only counts (open addressing, linear probing, reused
/// between texts).
#[derive(Debug, Default)]
struct DistinctSet {
    /// Open-addressing slots (0 = empty); the first `cap` are in use. Every slot is zero
    /// between texts: `reset` clears only the slots listed in `used`, not the whole table.
    slots: Vec<u64>,
    cap: usize,
    /// Slots filled since the last reset.
    used: Vec<u32>,
    has_zero: bool,
    scratch: Vec<u64>,
}

impl DistinctSet {
    /// Empties the set, with room for about `expected` values.
    fn reset(&mut self, expected: usize) {
        for &i in &self.used {
            self.slots[i as usize] = 0;
        }
        self.used.clear();
        let cap = (expected * 2).next_power_of_two().max(64);
        if self.slots.len() < cap {
            self.slots.resize(cap, 0);
        }
        self.cap = cap;
        self.has_zero = false;
    }

    fn len(&self) -> usize {
        self.used.len() + usize::from(self.has_zero)
    }

    /// Adds `h`; whether it was new.
    #[inline]
    fn insert(&mut self, h: u64) -> bool {
        if h == 0 {
            let new = !self.has_zero;
            self.has_zero = true;
            return new;
        }
        if (self.used.len() + 1) * 2 > self.cap {
            self.grow();
        }
        let mask = self.cap - 1;
        // The hashes are already mixed: the top bits serve as the slot.
        let mut i = (h >> 40) as usize & mask;
        loop {
            let s = self.slots[i];
            if s == h {
                return false;
            }
            if s == 0 {
                self.slots[i] = h;
                self.used.push(i as u32);
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let mut values = std::mem::take(&mut self.scratch);
        values.clear();
        for &i in &self.used {
            values.push(std::mem::take(&mut self.slots[i as usize]));
        }
        self.used.clear();
        self.cap = (self.cap * 2).max(64);
        if self.slots.len() < self.cap {
            self.slots.resize(self.cap, 0);
        }
        for &h in &values {
            self.insert(h);
        }
        self.scratch = values;
    }
}

/// Similarity of a verified pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Similarity {
    /// Jaccard similarity of the shingle sets (exact or estimated).
    pub jaccard: f64,
    /// Share of the shorter text's shingles found in the longer one.
    pub containment: f64,
}

/// Exact Jaccard similarity and containment of two sorted, distinct sets.
pub fn set_similarity(a: &[u32], b: &[u32]) -> Similarity {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    from_counts(a.len(), b.len(), common as f64)
}

fn from_counts(na: usize, nb: usize, common: f64) -> Similarity {
    let union = na as f64 + nb as f64 - common;
    let small = na.min(nb) as f64;
    Similarity {
        jaccard: if union > 0.0 { common / union } else { 0.0 },
        containment: if small > 0.0 {
            (common / small).min(1.0)
        } else {
            0.0
        },
    }
}

/// Similarity estimated from signatures and set sizes:
/// `|A ∩ B| = J (|A| + |B|) / (1 + J)`.
pub fn estimated_similarity(a: &[u16], na: u32, b: &[u16], nb: u32) -> Similarity {
    let j = minhash::estimate_jaccard(a, b);
    let common = j * (f64::from(na) + f64::from(nb)) / (1.0 + j);
    let mut s = from_counts(na as usize, nb as usize, common);
    s.jaccard = j;
    s
}

/// Whether a pair with these sizes and similarity is a copy under `cfg`.
pub fn is_copy(cfg: &Config, na: u32, nb: u32, s: Similarity) -> bool {
    is_copy_at(cfg, cfg.containment, na, nb, s)
}

/// [`is_copy`] with another containment threshold.
fn is_copy_at(cfg: &Config, containment: f64, na: u32, nb: u32, s: Similarity) -> bool {
    let (small, large) = (na.min(nb) as f64, na.max(nb) as f64);
    if small < cfg.min_shingles as f64 {
        return small > 0.0 && s.jaccard >= cfg.short_jaccard;
    }
    s.jaccard >= cfg.jaccard || (s.containment >= containment && small / large >= cfg.min_ratio)
}

/// Joins the sets of a verified pair `(a, b)` unless that would chain two different
/// reports: when either set already has other members, the two sets' anchors (earliest,
/// then longest texts) must also be a copy pair, with containment ≥
/// [`Config::anchor_containment`]. Every group is thus a star of copies around one text, and a text that shares part of two different reports (or a
/// run of texts each overlapping the next) cannot weld them together. Returns whether
/// the pair joined (or was already together).
fn join(uf: &mut UnionFind, store: &Store, cfg: &Config, a: usize, b: usize, sim: f32) -> bool {
    let (ra, rb) = (uf.find(a), uf.find(b));
    if ra != rb {
        let (xa, xb) = (uf.anchor[ra] as usize, uf.anchor[rb] as usize);
        let anchors_are_the_pair = (xa == a && xb == b) || (xa == b && xb == a);
        if !anchors_are_the_pair {
            let s = store.similarity(xa, xb);
            let (na, nb) = (store.shingles[xa], store.shingles[xb]);
            let threshold = cfg.anchor_containment.min(cfg.containment);
            if !is_copy_at(cfg, threshold, na, nb, s) {
                return false;
            }
        }
    }
    uf.union(a, b, sim);
    true
}

/// Per-article data kept for verification and for choosing originals.
#[derive(Debug, Default)]
struct Store {
    exact: bool,
    shingles: Vec<u32>,
    /// Days since the Common Era, `i32::MAX` when undated.
    dates: Vec<i32>,
    /// 16-bit signatures, `BINS` per article (sketch mode only).
    sigs: Vec<u16>,
    /// Exact shingle sets (exact mode only).
    sets: Vec<Vec<u32>>,
}

impl Store {
    fn push(&mut self, sketch: Sketch, date: Option<NaiveDate>) {
        use chrono::Datelike;
        self.shingles.push(sketch.shingles);
        self.dates
            .push(date.map(|d| d.num_days_from_ce()).unwrap_or(i32::MAX));
        if self.exact {
            self.sets.push(sketch.set.unwrap_or_default());
        } else {
            match &sketch.signature {
                Some(sig) => self.sigs.extend_from_slice(&minhash::compact(sig)),
                None => self.sigs.extend_from_slice(&[0; BINS]),
            }
        }
    }

    fn len(&self) -> usize {
        self.shingles.len()
    }

    /// Weight of an article as a group anchor: the earliest date first (undated last),
    /// then the most shingles.
    fn anchor_weight(&self, i: usize) -> u64 {
        let earliness = u64::from(i32::MAX.abs_diff(self.dates[i]));
        (earliness << 32) | u64::from(self.shingles[i])
    }

    fn similarity(&self, a: usize, b: usize) -> Similarity {
        if self.exact {
            set_similarity(&self.sets[a], &self.sets[b])
        } else {
            estimated_similarity(
                &self.sigs[a * BINS..(a + 1) * BINS],
                self.shingles[a],
                &self.sigs[b * BINS..(b + 1) * BINS],
                self.shingles[b],
            )
        }
    }

    /// The verified similarity (containment) of a pair, when it is a copy.
    fn verify(&self, cfg: &Config, a: usize, b: usize) -> Option<f32> {
        let s = self.similarity(a, b);
        is_copy(cfg, self.shingles[a], self.shingles[b], s).then_some(s.containment as f32)
    }

    fn memory_bytes(&self) -> usize {
        self.shingles.capacity() * 4
            + self.dates.capacity() * 4
            + self.sigs.capacity() * 2
            + self
                .sets
                .iter()
                .map(|s| s.capacity() * 4 + std::mem::size_of::<Vec<u32>>())
                .sum::<usize>()
    }
}

/// Union-find over article numbers, with the lowest similarity of the pairs that joined
/// each set, and each set's anchor: the member of highest weight (ties go to the lowest
/// number).
#[derive(Debug, Default, Clone)]
pub struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
    min_sim: Vec<f32>,
    weight: Vec<u64>,
    anchor: Vec<u32>,
}

impl UnionFind {
    /// A union-find over `n` singletons.
    pub fn new(n: usize) -> Self {
        let mut u = UnionFind::default();
        for _ in 0..n {
            u.push();
        }
        u
    }

    /// Adds a singleton; returns its number.
    pub fn push(&mut self) -> usize {
        self.push_weighted(0)
    }

    /// Adds a singleton of the given weight (for the anchor); returns its number.
    pub fn push_weighted(&mut self, weight: u64) -> usize {
        let i = self.parent.len();
        self.parent.push(i as u32);
        self.size.push(1);
        self.min_sim.push(f32::INFINITY);
        self.weight.push(weight);
        self.anchor.push(i as u32);
        i
    }

    /// The anchor of `x`'s set: its member of highest weight, the lowest number on ties.
    pub fn anchor(&mut self, x: usize) -> usize {
        let r = self.find(x);
        self.anchor[r] as usize
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.parent.len()
    }

    /// Whether there are no elements.
    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// The representative of `x`'s set.
    pub fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.parent[root] as usize != root {
            root = self.parent[root] as usize;
        }
        let mut cur = x;
        while self.parent[cur] as usize != root {
            let next = self.parent[cur] as usize;
            self.parent[cur] = root as u32;
            cur = next;
        }
        root
    }

    /// Joins the sets of `a` and `b` by a pair of similarity `sim`.
    pub fn union(&mut self, a: usize, b: usize, sim: f32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            self.min_sim[ra] = self.min_sim[ra].min(sim);
            return;
        }
        let (big, small) = if self.size[ra] >= self.size[rb] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let (xa, xb) = (self.anchor[big] as usize, self.anchor[small] as usize);
        let key = |x: usize| (std::cmp::Reverse(self.weight[x]), x);
        let anchor = if key(xa) <= key(xb) { xa } else { xb };
        self.parent[small] = big as u32;
        self.size[big] += self.size[small];
        self.min_sim[big] = self.min_sim[big].min(self.min_sim[small]).min(sim);
        self.anchor[big] = anchor as u32;
    }

    /// Sets of two or more members, each sorted, in order of their first member, with
    /// their lowest joining similarity.
    pub fn sets(&mut self) -> Vec<(Vec<usize>, f32)> {
        let n = self.len();
        let mut by_root: std::collections::HashMap<usize, Vec<usize>> = Default::default();
        for i in 0..n {
            let r = self.find(i);
            if self.size[r] > 1 {
                by_root.entry(r).or_default().push(i);
            }
        }
        let mut out: Vec<(Vec<usize>, f32)> = by_root
            .into_iter()
            .map(|(r, m)| (m, self.min_sim[r]))
            .collect();
        out.sort_by_key(|(m, _)| m[0]);
        out
    }
}

/// Open-addressing multimap from 32-bit band keys to article numbers (linear probing;
/// 8 bytes a slot).
#[derive(Debug, Default)]
struct BandTable {
    slots: Vec<(u32, u32)>,
    len: usize,
}

const EMPTY: u32 = u32::MAX;

impl BandTable {
    fn slot(&self, key: u32) -> usize {
        ((u64::from(key) * self.slots.len() as u64) >> 32) as usize
    }

    fn insert(&mut self, key: u32, doc: u32) {
        if (self.len + 1) * 10 > self.slots.len() * 7 {
            self.grow();
        }
        let cap = self.slots.len();
        let mut i = self.slot(key);
        while self.slots[i].1 != EMPTY {
            i += 1;
            if i == cap {
                i = 0;
            }
        }
        self.slots[i] = (key, doc);
        self.len += 1;
    }

    fn grow(&mut self) {
        let new_cap = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![(0, EMPTY); new_cap]);
        self.len = 0;
        for (k, d) in old {
            if d != EMPTY {
                self.insert(k, d);
            }
        }
    }

    /// Reads the first slot of each key (independent loads the processor can overlap).
    fn warm(&self, keys: &[u32]) {
        if self.slots.is_empty() {
            return;
        }
        let mut acc = 0u32;
        for &k in keys {
            acc ^= self.slots[self.slot(k)].1;
        }
        std::hint::black_box(acc);
    }

    /// Appends the docs under `key` to `out`, then adds `doc` under it.
    fn get_and_insert(&mut self, key: u32, doc: u32, out: &mut Vec<u32>) {
        if (self.len + 1) * 10 > self.slots.len() * 7 {
            self.grow();
        }
        let i = self.probe(key, out);
        self.slots[i] = (key, doc);
        self.len += 1;
    }

    /// Appends the docs under `key` to `out` and returns the empty slot that ends its probe
    /// run (the table is never full: it grows at 70%).
    #[inline]
    fn probe(&self, key: u32, out: &mut Vec<u32>) -> usize {
        let cap = self.slots.len();
        let mut i = self.slot(key);
        while self.slots[i].1 != EMPTY {
            if self.slots[i].0 == key {
                out.push(self.slots[i].1);
            }
            i += 1;
            if i == cap {
                i = 0;
            }
        }
        i
    }

    #[cfg(test)]
    fn get(&self, key: u32, out: &mut Vec<u32>) {
        if !self.slots.is_empty() {
            self.probe(key, out);
        }
    }
}

/// A verified copy found when inserting an article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    /// The earlier article.
    pub article: ArticleIdx,
    /// Verified similarity (containment).
    pub similarity: f32,
}

/// Incremental near-duplicate index: articles are inserted one at a time and the groups
/// can be read at any point. Keeps per article its shingle count, date, band keys and
/// either a 256-byte signature or (exact mode) its shingle hashes; never the text.
#[derive(Debug)]
pub struct Index {
    cfg: Config,
    store: Store,
    table: BandTable,
    uf: UnionFind,
    scratch: Vec<u32>,
    keys: Vec<u32>,
}

impl Default for Index {
    fn default() -> Self {
        Index::new(Config::default())
    }
}

impl Index {
    /// An empty index.
    pub fn new(cfg: Config) -> Self {
        Index {
            store: Store {
                exact: cfg.exact,
                ..Store::default()
            },
            cfg,
            table: BandTable::default(),
            uf: UnionFind::default(),
            scratch: Vec::new(),
            keys: Vec::new(),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.cfg
    }

    /// Number of articles inserted.
    pub fn len(&self) -> usize {
        self.store.len()
    }

    /// Whether nothing was inserted.
    pub fn is_empty(&self) -> bool {
        self.store.len() == 0
    }

    /// Inserts an article (its text and publication date); returns the verified copies
    /// among the articles inserted before it that it was grouped with (a verified pair is
    /// not grouped when it would chain two reports; see the anchor rule in the module
    /// documentation). The article's number is `len() - 1` after.
    pub fn insert(&mut self, article: &Article) -> Vec<Match> {
        self.insert_text(&article.text, article.date())
    }

    /// Inserts a text with its date; see [`Index::insert`].
    pub fn insert_text(&mut self, text: &str, date: Option<NaiveDate>) -> Vec<Match> {
        let sketch = Sketch::new(text, self.cfg.exact);
        self.insert_sketch(sketch, date)
    }

    /// Inserts a precomputed sketch (made with the same `exact` setting).
    pub fn insert_sketch(&mut self, sketch: Sketch, date: Option<NaiveDate>) -> Vec<Match> {
        let id = self.store.len();
        let mut keys = std::mem::take(&mut self.keys);
        keys.clear();
        if let Some(sig) = &sketch.signature {
            keys.extend(self.cfg.banding.keys(sig));
        }
        self.store.push(sketch, date);
        self.uf.push_weighted(self.store.anchor_weight(id));
        let mut cands = std::mem::take(&mut self.scratch);
        cands.clear();
        // Each key's slot is a cache miss in a large table: touch them all first, so that
        // the loads overlap instead of waiting one after another.
        self.table.warm(&keys);
        // One pass per key: collect the earlier articles under it, then add this one at
        // the end of the same probe run.
        for &k in &keys {
            self.table.get_and_insert(k, id as u32, &mut cands);
        }
        cands.sort_unstable();
        cands.dedup();
        // Two bands' keys can collide (32 bits): never a candidate of itself.
        cands.retain(|&c| c as usize != id);
        let mut matches = Vec::new();
        for &c in &cands {
            let c = c as usize;
            if let Some(sim) = self.store.verify(&self.cfg, c, id)
                && join(&mut self.uf, &self.store, &self.cfg, c, id, sim)
            {
                matches.push(Match {
                    article: c,
                    similarity: sim,
                });
            }
        }
        self.scratch = cands;
        self.keys = keys;
        matches
    }

    /// The groups so far (two or more members).
    pub fn groups(&mut self) -> Vec<Group> {
        let sets = self.uf.sets();
        make_groups(&self.store, sets)
    }

    /// Approximate heap memory held by the index, in bytes.
    pub fn memory_bytes(&self) -> usize {
        self.store.memory_bytes()
            + self.table.slots.capacity() * 8
            + self.uf.parent.capacity() * 20
            + self.scratch.capacity() * 4
    }
}

fn make_groups(store: &Store, sets: Vec<(Vec<usize>, f32)>) -> Vec<Group> {
    sets.into_iter()
        .map(|(members, sim)| {
            let original = choose_original(store, &members);
            let mut ordered = vec![original];
            ordered.extend(members.iter().copied().filter(|&m| m != original));
            Group {
                members: ordered,
                original,
                similarity: if sim.is_finite() { sim } else { 1.0 },
            }
        })
        .collect()
}

/// The most complete member (the one sharing the most shingles with the rest of the group,
/// within 1%), then the earliest, then the first in corpus order.
fn choose_original(store: &Store, members: &[usize]) -> usize {
    // Pairwise overlap is quadratic; very large groups fall back to shingle counts.
    let pairwise = members.len() <= 64;
    let completeness: Vec<f64> = members
        .iter()
        .map(|&a| {
            if !pairwise {
                return f64::from(store.shingles[a]);
            }
            members
                .iter()
                .filter(|&&b| b != a)
                .map(|&b| {
                    let s = store.similarity(a, b);
                    s.containment * f64::from(store.shingles[a].min(store.shingles[b]))
                })
                .sum()
        })
        .collect();
    let best = completeness.iter().copied().fold(0.0f64, f64::max);
    members
        .iter()
        .zip(&completeness)
        .filter(|(_, c)| **c >= best * 0.99)
        .map(|(&m, _)| m)
        .min_by_key(|&m| (store.dates[m], m))
        .unwrap_or(members[0])
}

/// Batch detection on a corpus with a given configuration: parallel sketching, candidate
/// pairs from sorted band keys, parallel verification, union-find.
pub fn find_groups_with(corpus: &Corpus, cfg: &Config) -> Vec<Group> {
    let items: Vec<(&str, Option<NaiveDate>)> = corpus
        .articles
        .iter()
        .map(|a| (a.text.as_str(), a.date()))
        .collect();
    find_groups_texts(&items, cfg)
}

/// Batch detection on texts with dates; article numbers are positions in `items`.
pub fn find_groups_texts(items: &[(&str, Option<NaiveDate>)], cfg: &Config) -> Vec<Group> {
    let sketches: Vec<Sketch> = items
        .par_iter()
        .map(|(t, _)| Sketch::new(t, cfg.exact))
        .collect();
    let mut keyed: Vec<(u32, u32)> = sketches
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, s)| {
            let keys: Vec<u32> = match &s.signature {
                Some(sig) => cfg.banding.keys(sig).collect(),
                None => Vec::new(),
            };
            keys.into_iter().map(move |k| (k, i as u32))
        })
        .collect();
    keyed.par_sort_unstable();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut start = 0;
    while start < keyed.len() {
        let mut end = start + 1;
        while end < keyed.len() && keyed[end].0 == keyed[start].0 {
            end += 1;
        }
        for x in start..end {
            for y in x + 1..end {
                let (a, b) = (keyed[x].1, keyed[y].1);
                if a != b {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
        start = end;
    }
    pairs.par_sort_unstable();
    pairs.dedup();
    let mut store = Store {
        exact: cfg.exact,
        ..Store::default()
    };
    for (s, (_, d)) in sketches.into_iter().zip(items) {
        store.push(s, *d);
    }
    let mut edges: Vec<(u32, u32, f32)> = pairs
        .par_iter()
        .filter_map(|&(a, b)| store.verify(cfg, a as usize, b as usize).map(|s| (a, b, s)))
        .collect();
    // Joining depends on the sets built so far (anchors): take the pairs in the order the
    // incremental index meets them (by the later article, then the earlier).
    edges.sort_unstable_by_key(|&(a, b, _)| (b, a));
    let mut uf = UnionFind::default();
    for i in 0..store.len() {
        uf.push_weighted(store.anchor_weight(i));
    }
    for (a, b, s) in edges {
        join(&mut uf, &store, cfg, a as usize, b as usize, s);
    }
    make_groups(&store, uf.sets())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sketch_counts_distinct_shingles_and_keeps_the_sorted_set() {
        // One-letter words: twice as many shingles per byte as the set is sized for, so
        // it has to grow; the repeated tail repeats shingles.
        let letters: Vec<String> = (0..3000u64)
            .map(|i| {
                let c = b'a' + (shingle::mix64(i) % 26) as u8;
                (c as char).to_string()
            })
            .collect();
        let text = format!("{} {}", letters.join(" "), letters[..500].join(" "));
        let exact = shingle::shingle_set(&text);
        let s = Sketch::new(&text, true);
        assert_eq!(s.shingles as usize, exact.len());
        let mut low: Vec<u32> = exact.iter().map(|&h| h as u32).collect();
        low.sort_unstable();
        low.dedup();
        assert_eq!(s.set.as_deref(), Some(low.as_slice()));
        assert_eq!(s.signature, minhash::signature(&exact));
        let sketch_only = Sketch::new(&text, false);
        assert_eq!(sketch_only.shingles, s.shingles);
        assert_eq!(sketch_only.set, None);
        assert_eq!(Sketch::new("", false).shingles, 0);
        assert_eq!(Sketch::new("", false).signature, None);
    }

    #[test]
    fn anchor_rule_stops_a_chain_of_overlapping_texts() {
        // Text k is words 10k..10k+100: each overlaps the next (Jaccard 0.82, a copy by
        // itself), but text 0 and text 9 share nothing.
        let texts: Vec<String> = (0..10)
            .map(|k| {
                (10 * k..10 * k + 100)
                    .map(|w| format!("w{w}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        for exact in [true, false] {
            let cfg = Config {
                exact,
                ..Config::default()
            };
            let items: Vec<(&str, Option<NaiveDate>)> =
                texts.iter().map(|t| (t.as_str(), None)).collect();
            let groups = find_groups_texts(&items, &cfg);
            let mut index = Index::new(cfg.clone());
            for t in &texts {
                index.insert_text(t, None);
            }
            assert_eq!(index.groups(), groups, "exact {exact}");
            assert!(groups.len() >= 2, "exact {exact}: {groups:?}");
            for g in &groups {
                // Members are within 3 steps of the anchor (containment ≥ 0.6; 4 steps,
                // 0.59, can pass on a signature estimate), never the whole chain.
                let (lo, hi) = (g.members.iter().min(), g.members.iter().max());
                assert!(hi.unwrap() - lo.unwrap() <= 4, "exact {exact}: {g:?}");
            }
            // Without the rule (anchors need no overlap) the chain welds into one group.
            let loose = Config {
                anchor_containment: 0.0,
                min_ratio: 0.0,
                jaccard: 0.6,
                ..cfg
            };
            let all = find_groups_texts(&items, &loose);
            assert_eq!(all.len(), 1, "exact {exact}: {all:?}");
            assert_eq!(all[0].members.len(), 10);
        }
    }

    #[test]
    fn exact_similarity_counts() {
        let a = [1, 2, 3, 4];
        let b = [3, 4, 5, 6, 7, 8];
        let s = set_similarity(&a, &b);
        assert!((s.jaccard - 2.0 / 8.0).abs() < 1e-12);
        assert!((s.containment - 0.5).abs() < 1e-12);
        let t = set_similarity(&[1, 2], &[1, 2, 3, 4, 5, 6, 7, 8]);
        assert!((t.containment - 1.0).abs() < 1e-12);
        assert_eq!(set_similarity(&[], &[]).jaccard, 0.0);
    }

    #[test]
    fn trimmed_copy_passes_by_containment_but_a_quoted_brief_does_not() {
        let cfg = Config::default();
        let trimmed = Similarity {
            jaccard: 0.5,
            containment: 0.97,
        };
        assert!(is_copy(&cfg, 250, 500, trimmed));
        // A 40-shingle brief fully inside a 500-shingle feature.
        assert!(!is_copy(&cfg, 40, 500, trimmed));
        let unrelated = Similarity {
            jaccard: 0.05,
            containment: 0.1,
        };
        assert!(!is_copy(&cfg, 400, 500, unrelated));
        assert!(!is_copy(
            &cfg,
            0,
            0,
            Similarity {
                jaccard: 0.0,
                containment: 0.0
            }
        ));
    }

    #[test]
    fn union_find_joins_and_tracks_lowest_similarity() {
        let mut uf = UnionFind::new(6);
        uf.union(0, 1, 0.9);
        uf.union(3, 4, 0.8);
        uf.union(1, 4, 0.95);
        uf.union(0, 3, 0.7);
        let sets = uf.sets();
        assert_eq!(sets.len(), 1);
        assert_eq!(sets[0].0, vec![0, 1, 3, 4]);
        assert!((sets[0].1 - 0.7).abs() < 1e-6);
        assert_eq!(uf.find(2), 2);
        assert_ne!(uf.find(5), uf.find(0));
    }

    #[test]
    fn band_table_returns_every_doc_under_a_key() {
        let mut t = BandTable::default();
        for d in 0..5000u32 {
            t.insert(d % 1000, d);
        }
        let mut out = Vec::new();
        t.get(7, &mut out);
        out.sort_unstable();
        assert_eq!(out, vec![7, 1007, 2007, 3007, 4007]);
        out.clear();
        t.get(123_456, &mut out);
        assert!(out.is_empty());
    }
}
