//! Story-level merging: agglomerates stories (sets of articles) whose whole-story term
//! vectors are similar, so that stories of one recurring topic split by the single online
//! pass (different events, long gaps) are joined.
//!
//! Each story is the sum of its articles' unit TF-IDF vectors, cut to its heaviest terms.
//! Candidate pairs come from an inverted index over these story vectors (a pair is only
//! scored when the two share a kept term), so the pass does not compare every pair of
//! stories; the most similar admissible pair is merged first (a max-heap of pairs with
//! versioned entries), and the merged story is scored again against its candidates.
//!
//! Two linkages:
//! * [`Linkage::Centroid`]: cosine of the two summed vectors.
//! * [`Linkage::Average`]: mean cosine over all article pairs across the two stories,
//!   `S_a · S_b / (n_a n_b)`; a diffuse story (articles far apart) scores lower than under
//!   the centroid cosine, which keeps unrelated topics from chaining together.
//!
//! Afterwards, each story of at most [`MergeConfig::attach_max_articles`] articles joins its
//! most similar larger story if they score at least [`MergeConfig::attach_threshold`] (a
//! lower bar than for merging: a wrong attachment of one article costs little, a right one
//! completes a story). Attachments do not change the target's vector, so their order does
//! not matter.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use chrono::NaiveDate;

use crate::features::{FxMap, SparseVec, TermId};

/// How the similarity of two stories is computed from their article vectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Linkage {
    /// Cosine of the summed (centroid) vectors.
    Centroid,
    /// Mean article-to-article cosine across the two stories.
    Average,
}

/// Settings of [`merge`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MergeConfig {
    /// Minimum similarity for two stories to merge.
    pub threshold: f32,
    /// Linkage.
    pub linkage: Linkage,
    /// Largest gap in days between the date ranges of two stories that may merge.
    pub max_gap_days: i64,
    /// Terms kept per story vector (indexing and scoring).
    pub max_terms: usize,
    /// After agglomeration, a story of at most this many articles (0: none) attaches to its
    /// most similar larger story when their similarity reaches [`Self::attach_threshold`].
    pub attach_max_articles: usize,
    /// Minimum similarity for a small story to attach.
    pub attach_threshold: f32,
    /// Two stories that both hold at least this many articles (0: no such rule) merge only
    /// at [`Self::large_threshold`]: two established stories must agree more than a fragment
    /// and a story.
    pub large_articles: usize,
    /// Minimum similarity for two large stories to merge.
    pub large_threshold: f32,
    /// A learned merge decision ([`crate::learned`]): when set, pairs are ranked and merged by
    /// the model's probability (at the model's threshold) instead of the linkage score, the
    /// threshold and the large-story rule. The attachment of small stories is unchanged.
    pub model: Option<crate::learned::MergeModel>,
}

/// What [`merge_traced`] records, in order: every pair of stories scored during the
/// agglomeration with its features, and every merge.
#[derive(Debug, Clone, PartialEq)]
pub enum MergeEvent {
    /// Stories `a` and `b` (input indices standing for their current merged sets) were scored.
    Pair {
        /// One story.
        a: usize,
        /// The other.
        b: usize,
        /// The pair's features ([`crate::learned::merge_features`]).
        features: crate::learned::MergeFeatures,
    },
    /// Story `b` was merged into story `a`.
    Merge {
        /// The story that remains.
        a: usize,
        /// The story merged into it.
        b: usize,
    },
}

impl MergeConfig {
    /// The similarity two stories of `na` and `nb` articles need to merge.
    fn threshold_for(&self, na: usize, nb: usize) -> f32 {
        if self.large_articles > 0 && na.min(nb) >= self.large_articles {
            self.threshold.max(self.large_threshold)
        } else {
            self.threshold
        }
    }
}

/// One story going into [`merge`]: its articles' unit vectors summed, the article count and
/// the date range.
#[derive(Debug, Clone, Default)]
pub struct StoryVector {
    /// Sum of the articles' unit TF-IDF vectors (any order; duplicates are added up).
    pub sum: SparseVec,
    /// Number of articles.
    pub articles: usize,
    /// First and last publication dates, when any article is dated.
    pub range: Option<(NaiveDate, NaiveDate)>,
}

struct Cluster {
    /// Sorted by term, cut to `max_terms`.
    vec: SparseVec,
    /// The uncut sum, to which merged stories are added.
    full: FxMap<TermId, f32>,
    norm: f32,
    n: usize,
    range: Option<(NaiveDate, NaiveDate)>,
    version: u32,
}

#[derive(PartialEq)]
struct Pair {
    sim: f32,
    a: u32,
    b: u32,
    va: u32,
    vb: u32,
}

impl Eq for Pair {}

impl Ord for Pair {
    fn cmp(&self, other: &Self) -> Ordering {
        // Highest similarity first, then the lowest ids (BinaryHeap pops the greatest).
        self.sim
            .total_cmp(&other.sim)
            .then(other.a.cmp(&self.a))
            .then(other.b.cmp(&self.b))
            .then(other.va.cmp(&self.va))
            .then(other.vb.cmp(&self.vb))
    }
}

impl PartialOrd for Pair {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn gap_days(x: Option<(NaiveDate, NaiveDate)>, y: Option<(NaiveDate, NaiveDate)>) -> i64 {
    match (x, y) {
        (Some((a0, a1)), Some((b0, b1))) => {
            if a1 < b0 {
                (b0 - a1).num_days()
            } else if b1 < a0 {
                (a0 - b1).num_days()
            } else {
                0
            }
        }
        _ => 0,
    }
}

fn cut(full: &FxMap<TermId, f32>, k: usize) -> (SparseVec, f32) {
    let mut v: SparseVec = full.iter().map(|(&t, &w)| (t, w)).collect();
    if v.len() > k {
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(k);
    }
    v.sort_unstable_by_key(|&(t, _)| t);
    let norm = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
    (v, norm)
}

fn span_days(r: Option<(NaiveDate, NaiveDate)>) -> f32 {
    r.map_or(0.0, |(lo, hi)| (hi - lo).num_days().max(0) as f32)
}

fn overlap_days(x: Option<(NaiveDate, NaiveDate)>, y: Option<(NaiveDate, NaiveDate)>) -> f32 {
    match (x, y) {
        (Some((a0, a1)), Some((b0, b1))) => (a1.min(b1) - a0.max(b0)).num_days().max(0) as f32,
        _ => 0.0,
    }
}

/// The merge features of two stories whose summed vectors have dot product `dot`.
fn pair_features(c: &Cluster, d: &Cluster, dot: f32) -> crate::learned::MergeFeatures {
    crate::learned::merge_features(&crate::learned::StoryPairInputs {
        average: dot / (c.n as f32 * d.n as f32),
        centroid: if c.norm > 0.0 && d.norm > 0.0 {
            dot / (c.norm * d.norm)
        } else {
            0.0
        },
        sizes: (c.n, d.n),
        gap_days: gap_days(c.range, d.range) as f32,
        overlap_days: overlap_days(c.range, d.range),
        spans: (span_days(c.range), span_days(d.range)),
    })
}

/// The live stories sharing a term with story `i` (at their current version, accepted by
/// `keep`) and within the time gap, with their similarity to `i`, in story order. `acc` is
/// scratch space for the dot products.
#[allow(clippy::too_many_arguments)]
fn neighbours(
    i: usize,
    clusters: &[Cluster],
    alive: &[bool],
    index: &FxMap<TermId, Vec<(u32, u32, f32)>>,
    config: &MergeConfig,
    sim: &impl Fn(&Cluster, &Cluster, f32) -> f32,
    keep: impl Fn(usize) -> bool,
    acc: &mut FxMap<u32, f32>,
) -> Vec<(usize, f32, f32)> {
    acc.clear();
    let c = &clusters[i];
    for &(t, w) in &c.vec {
        let Some(list) = index.get(&t) else { continue };
        for &(j, v, x) in list {
            let ju = j as usize;
            if ju == i || !alive[ju] || clusters[ju].version != v || !keep(ju) {
                continue;
            }
            *acc.entry(j).or_default() += w * x;
        }
    }
    let mut found: Vec<(u32, f32)> = acc.iter().map(|(&j, &d)| (j, d)).collect();
    found.sort_unstable_by_key(|&(j, _)| j);
    found
        .into_iter()
        .map(|(j, dot)| (j as usize, dot))
        .filter(|&(j, _)| gap_days(c.range, clusters[j].range) <= config.max_gap_days)
        .map(|(j, dot)| (j, sim(c, &clusters[j], dot), dot))
        .collect()
}

/// Agglomerates the stories, then attaches small leftover stories to larger ones; returns, for
/// every input story, the index of the story it was merged into (the lowest index of its
/// agglomerated set, or of the set a small story attached to; itself when not merged).
pub fn merge(stories: &[StoryVector], config: &MergeConfig) -> Vec<usize> {
    merge_inner(stories, config, None)
}

/// [`merge`], also returning what happened during the agglomeration (for training a merge
/// model, [`crate::learned`]).
pub fn merge_traced(
    stories: &[StoryVector],
    config: &MergeConfig,
) -> (Vec<usize>, Vec<MergeEvent>) {
    let mut trace = Vec::new();
    let roots = merge_inner(stories, config, Some(&mut trace));
    (roots, trace)
}

fn merge_inner(
    stories: &[StoryVector],
    config: &MergeConfig,
    mut trace: Option<&mut Vec<MergeEvent>>,
) -> Vec<usize> {
    let m = stories.len();
    let mut clusters: Vec<Cluster> = stories
        .iter()
        .map(|s| {
            let mut full: FxMap<TermId, f32> = FxMap::default();
            for &(t, w) in &s.sum {
                *full.entry(t).or_default() += w;
            }
            let (vec, norm) = cut(&full, config.max_terms);
            Cluster {
                vec,
                full,
                norm,
                n: s.articles.max(1),
                range: s.range,
                version: 0,
            }
        })
        .collect();
    let mut alive = vec![true; m];
    let mut parent: Vec<usize> = (0..m).collect();
    // Term → (story, version, weight); entries of older versions are stale and skipped.
    let mut index: FxMap<TermId, Vec<(u32, u32, f32)>> = FxMap::default();
    for (i, c) in clusters.iter().enumerate() {
        for &(t, w) in &c.vec {
            index.entry(t).or_default().push((i as u32, 0, w));
        }
    }
    let sim = |c: &Cluster, d: &Cluster, dot: f32| -> f32 {
        match config.linkage {
            Linkage::Centroid => {
                if c.norm > 0.0 && d.norm > 0.0 {
                    dot / (c.norm * d.norm)
                } else {
                    0.0
                }
            }
            Linkage::Average => dot / (c.n as f32 * d.n as f32),
        }
    };
    // Scores story `i` against every live story sharing a term (only those above `i` when
    // `above_only`), pushing admissible pairs.
    let mut acc: FxMap<u32, f32> = FxMap::default();
    let mut score = |i: usize,
                     above_only: bool,
                     clusters: &[Cluster],
                     alive: &[bool],
                     index: &FxMap<TermId, Vec<(u32, u32, f32)>>,
                     heap: &mut BinaryHeap<Pair>,
                     trace: &mut Option<&mut Vec<MergeEvent>>| {
        let keep = |j: usize| !(above_only && j < i);
        for (j, s, dot) in neighbours(i, clusters, alive, index, config, &sim, keep, &mut acc) {
            let learned = if config.model.is_some() || trace.is_some() {
                let features = pair_features(&clusters[i], &clusters[j], dot);
                if let Some(t) = trace.as_deref_mut() {
                    t.push(MergeEvent::Pair {
                        a: i.min(j),
                        b: i.max(j),
                        features,
                    });
                }
                config
                    .model
                    .map(|m| (m.probability(&features), m.threshold))
            } else {
                None
            };
            let (s, threshold) = match learned {
                Some(x) => x,
                None => (s, config.threshold_for(clusters[i].n, clusters[j].n)),
            };
            if s >= threshold {
                let (a, b) = (i.min(j), i.max(j));
                heap.push(Pair {
                    sim: s,
                    a: a as u32,
                    b: b as u32,
                    va: clusters[a].version,
                    vb: clusters[b].version,
                });
            }
        }
    };
    let mut heap = BinaryHeap::new();
    for i in 0..m {
        score(i, true, &clusters, &alive, &index, &mut heap, &mut trace);
    }
    while let Some(p) = heap.pop() {
        let (a, b) = (p.a as usize, p.b as usize);
        if !alive[a] || !alive[b] || clusters[a].version != p.va || clusters[b].version != p.vb {
            continue;
        }
        if let Some(t) = trace.as_deref_mut() {
            t.push(MergeEvent::Merge { a, b });
        }
        let taken = std::mem::take(&mut clusters[b].full);
        let (nb, rb) = (clusters[b].n, clusters[b].range);
        alive[b] = false;
        parent[b] = a;
        let c = &mut clusters[a];
        for (t, w) in taken {
            *c.full.entry(t).or_default() += w;
        }
        c.n += nb;
        c.range = match (c.range, rb) {
            (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
            (x, None) => x,
            (None, y) => y,
        };
        c.version += 1;
        let (vec, norm) = cut(&c.full, config.max_terms);
        c.vec = vec;
        c.norm = norm;
        let version = c.version;
        for &(t, w) in &clusters[a].vec {
            index.entry(t).or_default().push((a as u32, version, w));
        }
        clusters[b].vec = Vec::new();
        score(a, false, &clusters, &alive, &index, &mut heap, &mut trace);
    }
    // Small stories left over attach to their most similar larger story.
    let small = config.attach_max_articles;
    let mut acc: FxMap<u32, f32> = FxMap::default();
    let mut attach: Vec<(usize, usize)> = Vec::new();
    for i in 0..m {
        if !alive[i] || clusters[i].n > small {
            continue;
        }
        let keep = |j: usize| clusters[j].n > small;
        let mut best: Option<(usize, f32)> = None;
        for (j, s, _) in neighbours(i, &clusters, &alive, &index, config, &sim, keep, &mut acc) {
            if s >= config.attach_threshold && best.is_none_or(|(_, b)| s > b) {
                best = Some((j, s));
            }
        }
        if let Some((j, _)) = best {
            attach.push((i, j));
        }
    }
    for (i, j) in attach {
        parent[i] = j;
    }
    (0..m)
        .map(|mut k| {
            while parent[k] != k {
                k = parent[k];
            }
            k
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(terms: &[(TermId, f32)], n: usize, day: Option<u32>) -> StoryVector {
        let d = day.and_then(|d| NaiveDate::from_ymd_opt(2016, 1, d));
        StoryVector {
            sum: terms.to_vec(),
            articles: n,
            range: d.map(|d| (d, d)),
        }
    }

    fn config(linkage: Linkage, threshold: f32) -> MergeConfig {
        MergeConfig {
            threshold,
            linkage,
            max_gap_days: 10,
            max_terms: 50,
            attach_max_articles: 0,
            attach_threshold: 1.0,
            large_articles: 0,
            large_threshold: 1.0,
            model: None,
        }
    }

    #[test]
    fn large_stories_need_the_higher_threshold() {
        // Stories 0 and 1: three articles each sharing term 1; story 2: one article close to
        // story 0.
        let s = vec![
            story(&[(1, 0.9), (2, 1.5)], 3, Some(1)),
            story(&[(1, 0.9), (3, 1.5)], 3, Some(1)),
            story(&[(1, 0.3), (2, 0.5)], 1, Some(1)),
        ];
        // Average linkage 0–1: 0.81 / 9 = 0.09; 0–2: (0.27 + 0.75) / 3 = 0.34; after 0–2
        // merge, 0 (four articles) against 1: 1.08 / 12 = 0.09.
        let base = config(Linkage::Average, 0.08);
        assert_eq!(merge(&s, &base), vec![0, 0, 0]);
        let large = MergeConfig {
            large_articles: 3,
            large_threshold: 0.2,
            ..base
        };
        // 0–2 merges (one side is small); 0 (now 4 articles) and 1 stay apart.
        assert_eq!(merge(&s, &large), vec![0, 1, 0]);
        let larger = MergeConfig {
            large_articles: 4,
            ..large
        };
        assert_eq!(merge(&s, &larger), vec![0, 0, 0]);
    }

    #[test]
    fn similar_stories_merge_into_the_lowest_index() {
        let s = vec![
            story(&[(1, 1.0), (2, 0.5)], 1, Some(1)),
            story(&[(7, 1.0)], 1, Some(1)),
            story(&[(1, 0.9), (2, 0.6)], 1, Some(2)),
            story(&[(1, 1.0), (2, 0.5)], 1, None),
        ];
        let out = merge(&s, &config(Linkage::Centroid, 0.5));
        assert_eq!(out, vec![0, 1, 0, 0]);
        // A threshold above 1 merges nothing.
        let out = merge(&s, &config(Linkage::Centroid, 1.5));
        assert_eq!(out, vec![0, 1, 2, 3]);
    }

    #[test]
    fn stories_too_far_apart_in_time_do_not_merge() {
        let s = vec![
            story(&[(1, 1.0)], 1, Some(1)),
            story(&[(1, 1.0)], 1, Some(20)),
        ];
        assert_eq!(merge(&s, &config(Linkage::Centroid, 0.5)), vec![0, 1]);
        assert_eq!(
            merge(
                &s,
                &MergeConfig {
                    max_gap_days: 30,
                    ..config(Linkage::Centroid, 0.5)
                }
            ),
            vec![0, 0]
        );
    }

    #[test]
    fn a_merge_model_decides_by_probability_and_the_trace_records_it() {
        let s = vec![
            story(&[(1, 1.0), (2, 0.5)], 1, Some(1)),
            story(&[(7, 1.0)], 1, Some(1)),
            story(&[(1, 0.9), (2, 0.6)], 1, Some(2)),
        ];
        // Probability rises with the average linkage only; 0 and 2 score ≈ 1.2 (> 0.5 at
        // the 0.5 threshold), the others share no term and are never scored.
        let mut weights = [0.0; crate::learned::MERGE_FEATURES];
        weights[0] = 10.0;
        let model = crate::learned::MergeModel {
            weights,
            bias: -5.0,
            threshold: 0.5,
        };
        let with = MergeConfig {
            model: Some(model),
            ..config(Linkage::Average, 2.0)
        };
        assert_eq!(merge(&s, &with), vec![0, 1, 0]);
        // The linkage threshold (2.0) alone merges nothing.
        assert_eq!(merge(&s, &config(Linkage::Average, 2.0)), vec![0, 1, 2]);
        // A threshold the pair cannot reach.
        let strict = MergeConfig {
            model: Some(crate::learned::MergeModel {
                threshold: 0.9999,
                ..model
            }),
            ..with
        };
        assert_eq!(merge(&s, &strict), vec![0, 1, 2]);
        // Traced: same result; the pair (0, 2) scored once, then merged.
        let (roots, events) = merge_traced(&s, &with);
        assert_eq!(roots, merge(&s, &with));
        assert_eq!(events.len(), 2);
        assert!(matches!(events[0], MergeEvent::Pair { a: 0, b: 2, .. }));
        assert_eq!(events[1], MergeEvent::Merge { a: 0, b: 2 });
        if let MergeEvent::Pair { features, .. } = &events[0] {
            assert!((features[0] - (0.9 + 0.3)).abs() < 1e-6);
            assert_eq!(features[4], 2.0f32.ln()); // one day apart
        }
    }

    #[test]
    fn average_linkage_penalises_diffuse_stories() {
        // Story 0: two articles on different terms (diffuse); story 1: one article on one of
        // them. Centroid cosine is 1/√2 ≈ 0.71; the mean article cosine is 0.5.
        let s = vec![
            story(&[(1, 1.0), (2, 1.0)], 2, Some(1)),
            story(&[(1, 1.0)], 1, Some(1)),
        ];
        assert_eq!(merge(&s, &config(Linkage::Centroid, 0.6)), vec![0, 0]);
        assert_eq!(merge(&s, &config(Linkage::Average, 0.6)), vec![0, 1]);
        assert_eq!(merge(&s, &config(Linkage::Average, 0.45)), vec![0, 0]);
    }

    #[test]
    fn small_stories_attach_to_larger_ones_only() {
        // Story 0: two articles; 1: one article close to 0 but under the merge threshold;
        // 2 and 3: single articles close to each other only.
        let s = vec![
            story(&[(1, 1.0), (2, 1.0)], 2, Some(1)),
            story(&[(1, 0.6), (3, 0.8)], 1, Some(1)),
            story(&[(5, 0.6), (6, 0.8)], 1, Some(1)),
            story(&[(5, 0.6), (7, 0.8)], 1, Some(2)),
        ];
        // Average linkage 0–1: 0.6 / 2 = 0.3; 2–3: 0.36.
        let strict = config(Linkage::Average, 0.5);
        assert_eq!(merge(&s, &strict), vec![0, 1, 2, 3]);
        let attach = MergeConfig {
            attach_max_articles: 1,
            attach_threshold: 0.25,
            ..strict
        };
        assert_eq!(merge(&s, &attach), vec![0, 0, 2, 3]);
        let high = MergeConfig {
            attach_threshold: 0.35,
            ..attach
        };
        assert_eq!(merge(&s, &high), vec![0, 1, 2, 3]);
    }

    #[test]
    fn merged_stories_are_scored_again_and_stale_pairs_dropped() {
        // 0–1 and 1–2 both score 0.71; 0–1 merges first (lowest ids). The pair 1–2 is then
        // stale; the merged story scores 1/√5 ≈ 0.45 against 2.
        let s = vec![
            story(&[(1, 1.0)], 1, Some(1)),
            story(&[(1, 1.0), (2, 1.0)], 1, Some(1)),
            story(&[(2, 1.0)], 1, Some(1)),
            story(&[(9, 1.0)], 1, Some(1)),
        ];
        let out = merge(&s, &config(Linkage::Centroid, 0.7));
        assert_eq!(out, vec![0, 0, 2, 3]);
        let out = merge(&s, &config(Linkage::Centroid, 0.4));
        assert_eq!(out, vec![0, 0, 0, 3]);
        // Deterministic.
        assert_eq!(out, merge(&s, &config(Linkage::Centroid, 0.4)));
    }
}
