//! Story splitting after consolidation: a story that is two topics merged whole is cut in
//! two.
//!
//! The online pass and the story merge join related topics when their articles share enough
//! vocabulary (two crises in one region, two disorders treated by one kind of drug); the
//! article-level refinement ([`crate::refine`]) moves single articles and cannot undo such a
//! merge. Here every story of at least [`SplitConfig::min_articles`] articles is bisected and
//! the cut is kept when the two parts are clearly more cohesive than they are similar to each
//! other:
//!
//! * **Bisection** (deterministic): principal-direction divisive partitioning (Boley 1998): the
//!   story's article vectors are centred on their mean and cut by the sign of their projection
//!   on the first principal direction, found by [`SplitConfig::power_iterations`] steps of
//!   power iteration started from the article least similar to the mean. The cut is then
//!   improved by up to [`SplitConfig::kmeans_iterations`] passes of two-means with average
//!   linkage (each article goes to the part of higher mean cosine, leaving itself out of its
//!   own part).
//! * **Criterion**: with `within(P)` the mean cosine between two articles of part `P` and
//!   `between` the mean cosine between an article of one part and one of the other, the cut
//!   is kept when both parts hold at least [`SplitConfig::min_part`] articles and
//!   `between < max_ratio · min(within(A), within(B))`. Two merged topics are each tight and
//!   far apart; a broad single topic cut in two gives parts hardly tighter than the whole.
//! * Accepted parts are examined again (at most [`SplitConfig::max_depth`] cuts deep).
//!
//! Cost: one examination of a story of `n` articles with `t` terms each is
//! `O((power_iterations + kmeans_iterations) · n · t)` over dense arrays indexed by the
//! story's own terms; every level of the recursion examines each article at most once, so the
//! pass is `O(max_depth · (power_iterations + kmeans_iterations) · N · t)` for `N` articles.
//! No randomness: the same input gives the same output.

use crate::features::{FxMap, SparseVec, TermId};

/// Settings of [`split`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SplitConfig {
    /// Stories of fewer articles are not examined (0 turns the pass off).
    pub min_articles: usize,
    /// Both parts of a cut must hold at least this many articles.
    pub min_part: usize,
    /// A cut is kept when the mean cosine between the parts is below this fraction of the
    /// mean cosine within the less cohesive part.
    pub max_ratio: f32,
    /// Cuts per story at most, counted along any chain of parts (0 turns the pass off).
    pub max_depth: usize,
    /// Power-iteration steps for the principal direction.
    pub power_iterations: usize,
    /// Two-means passes after the principal-direction cut.
    pub kmeans_iterations: usize,
}

impl Default for SplitConfig {
    fn default() -> Self {
        SplitConfig {
            min_articles: 10,
            min_part: 3,
            max_ratio: 0.5,
            max_depth: 4,
            power_iterations: 30,
            kmeans_iterations: 10,
        }
    }
}

impl From<&crate::ClusterConfig> for SplitConfig {
    /// The split settings of a clustering configuration; the iteration counts keep their
    /// defaults.
    fn from(config: &crate::ClusterConfig) -> Self {
        SplitConfig {
            min_articles: config.split_min_articles,
            min_part: config.split_min_part,
            max_ratio: config.split_max_ratio,
            max_depth: config.split_max_depth,
            ..SplitConfig::default()
        }
    }
}

/// Scores of one cut of a set of articles into two parts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CutScores {
    /// Articles in the first and second part.
    pub sizes: (usize, usize),
    /// Mean cosine between two articles of the first / second part (1 for a single article).
    pub within: (f32, f32),
    /// Mean cosine between an article of the first part and one of the second.
    pub between: f32,
}

impl CutScores {
    /// `between / min(within)` (infinite when a part has no cohesion at all).
    pub fn ratio(&self) -> f32 {
        let w = self.within.0.min(self.within.1);
        if w > 0.0 {
            self.between / w
        } else {
            f32::INFINITY
        }
    }
}

/// Splits stories (see the module documentation). `vectors[a]` is article `a`'s unit TF-IDF
/// vector, `assignment[a]` its story label (any numbers). Returns the new label of every
/// article: one part of a cut story keeps the story's label (the part holding the story's
/// first article), every other part gets a new label above all labels of the input, numbered
/// in the order the cuts are made.
pub fn split(vectors: &[SparseVec], assignment: &[usize], config: &SplitConfig) -> Vec<usize> {
    let n = vectors.len().min(assignment.len());
    let mut out = assignment.to_vec();
    if config.min_articles == 0 || config.max_depth == 0 || n == 0 {
        return out;
    }
    let mut next = assignment[..n].iter().copied().max().map_or(0, |m| m + 1);
    let mut members: FxMap<usize, Vec<usize>> = FxMap::default();
    for (a, &s) in assignment[..n].iter().enumerate() {
        members.entry(s).or_default().push(a);
    }
    let mut stories: Vec<(usize, Vec<usize>)> = members.into_iter().collect();
    stories.sort_unstable_by_key(|(s, _)| *s);
    let min_part = config.min_part.max(1);
    let mut work = Workspace::default();
    // (label, articles in input order, cuts made above this part)
    let mut queue: Vec<(usize, Vec<usize>, usize)> = stories
        .into_iter()
        .filter(|(_, m)| m.len() >= config.min_articles.max(2 * min_part))
        .map(|(s, m)| (s, m, 0))
        .collect();
    queue.reverse();
    while let Some((label, articles, depth)) = queue.pop() {
        if depth >= config.max_depth || articles.len() < config.min_articles.max(2 * min_part) {
            continue;
        }
        let Some((part, scores)) = work.bisect(vectors, &articles, config) else {
            continue;
        };
        if scores.sizes.0.min(scores.sizes.1) < min_part || scores.ratio() >= config.max_ratio {
            continue;
        }
        // The part holding the first article keeps the label.
        let keep = part[0];
        let mut a = Vec::with_capacity(articles.len());
        let mut b = Vec::with_capacity(articles.len());
        for (&x, &p) in articles.iter().zip(&part) {
            if p == keep {
                a.push(x);
            } else {
                b.push(x);
            }
        }
        let new = next;
        next += 1;
        for &x in &b {
            out[x] = new;
        }
        // Examine the parts in label order (depth first, so the numbering is fixed).
        queue.push((new, b, depth + 1));
        queue.push((label, a, depth + 1));
    }
    out
}

/// Scratch space reused between stories: the story's terms mapped to dense local indices.
#[derive(Default)]
struct Workspace {
    local: FxMap<TermId, u32>,
    docs: Vec<Vec<(u32, f32)>>,
    mean: Vec<f64>,
    dir: Vec<f64>,
    next_dir: Vec<f64>,
    sums: [Vec<f64>; 2],
}

fn dot(x: &[(u32, f32)], dense: &[f64]) -> f64 {
    x.iter().map(|&(i, w)| w as f64 * dense[i as usize]).sum()
}

impl Workspace {
    fn load(&mut self, vectors: &[SparseVec], articles: &[usize]) -> usize {
        self.local.clear();
        self.docs.clear();
        for &a in articles {
            let doc: Vec<(u32, f32)> = vectors[a]
                .iter()
                .map(|&(t, w)| {
                    let next = self.local.len() as u32;
                    (*self.local.entry(t).or_insert(next), w)
                })
                .collect();
            self.docs.push(doc);
        }
        self.local.len()
    }

    /// Cuts the articles in two; returns each article's part (0 or 1) and the cut's scores,
    /// or `None` when no cut with two non-empty parts was found.
    fn bisect(
        &mut self,
        vectors: &[SparseVec],
        articles: &[usize],
        config: &SplitConfig,
    ) -> Option<(Vec<u8>, CutScores)> {
        let m = self.load(vectors, articles);
        let n = self.docs.len();
        if n < 2 || m == 0 {
            return None;
        }
        self.mean.clear();
        self.mean.resize(m, 0.0);
        for doc in &self.docs {
            for &(i, w) in doc {
                self.mean[i as usize] += w as f64;
            }
        }
        for x in &mut self.mean {
            *x /= n as f64;
        }
        // Start: the article least similar to the mean (ties: the first), centred.
        let mut far = 0;
        let mut far_sim = f64::INFINITY;
        for (k, doc) in self.docs.iter().enumerate() {
            let s = dot(doc, &self.mean);
            if s < far_sim {
                far_sim = s;
                far = k;
            }
        }
        self.dir.clear();
        self.dir.extend(self.mean.iter().map(|&x| -x));
        for &(i, w) in &self.docs[far] {
            self.dir[i as usize] += w as f64;
        }
        if !normalize(&mut self.dir) {
            return None;
        }
        // Power iteration on the covariance: C·v ∝ Σ_k p_k (x_k − μ), p_k = (x_k − μ)·v.
        let mut proj = vec![0f64; n];
        for _ in 0..config.power_iterations {
            let mv: f64 = self.mean.iter().zip(&self.dir).map(|(a, b)| a * b).sum();
            for (p, doc) in proj.iter_mut().zip(&self.docs) {
                *p = dot(doc, &self.dir) - mv;
            }
            let total: f64 = proj.iter().sum();
            self.next_dir.clear();
            self.next_dir.extend(self.mean.iter().map(|&x| -x * total));
            for (&p, doc) in proj.iter().zip(&self.docs) {
                for &(i, w) in doc {
                    self.next_dir[i as usize] += p * w as f64;
                }
            }
            if !normalize(&mut self.next_dir) {
                break;
            }
            std::mem::swap(&mut self.dir, &mut self.next_dir);
        }
        let mv: f64 = self.mean.iter().zip(&self.dir).map(|(a, b)| a * b).sum();
        let mut part: Vec<u8> = self
            .docs
            .iter()
            .map(|doc| u8::from(dot(doc, &self.dir) - mv < 0.0))
            .collect();
        // Two-means with average linkage, leaving each article out of its own part.
        let self_dot: Vec<f64> = self
            .docs
            .iter()
            .map(|d| d.iter().map(|&(_, w)| (w as f64) * (w as f64)).sum())
            .collect();
        for _ in 0..config.kmeans_iterations {
            let counts = self.fill_sums(&part, m);
            if counts[0] == 0 || counts[1] == 0 {
                return None;
            }
            let mut changed = false;
            let mut next: Vec<u8> = Vec::with_capacity(n);
            for (k, doc) in self.docs.iter().enumerate() {
                let own = part[k] as usize;
                let mut sim = [0f64; 2];
                for (p, s) in sim.iter_mut().enumerate() {
                    let d = dot(doc, &self.sums[p]);
                    *s = if p == own {
                        if counts[p] > 1 {
                            (d - self_dot[k]) / (counts[p] - 1) as f64
                        } else {
                            0.0
                        }
                    } else {
                        d / counts[p] as f64
                    };
                }
                // Ties stay.
                let to = if sim[1 - own] > sim[own] {
                    1 - own
                } else {
                    own
                };
                changed |= to != own;
                next.push(to as u8);
            }
            if !changed {
                break;
            }
            part = next;
        }
        let counts = self.fill_sums(&part, m);
        if counts[0] == 0 || counts[1] == 0 {
            return None;
        }
        let sq = |v: &[f64]| -> f64 { v.iter().map(|x| x * x).sum() };
        let mut selfs = [0f64; 2];
        for (k, &p) in part.iter().enumerate() {
            selfs[p as usize] += self_dot[k];
        }
        let within = |p: usize| -> f32 {
            let c = counts[p];
            if c < 2 {
                1.0
            } else {
                ((sq(&self.sums[p]) - selfs[p]) / (c * (c - 1)) as f64) as f32
            }
        };
        let cross: f64 = self.sums[0]
            .iter()
            .zip(&self.sums[1])
            .map(|(a, b)| a * b)
            .sum();
        let scores = CutScores {
            sizes: (counts[0], counts[1]),
            within: (within(0), within(1)),
            between: (cross / (counts[0] * counts[1]) as f64) as f32,
        };
        Some((part, scores))
    }

    /// Sums of the two parts' vectors into `self.sums`; returns the part sizes.
    fn fill_sums(&mut self, part: &[u8], m: usize) -> [usize; 2] {
        let mut counts = [0usize; 2];
        for s in &mut self.sums {
            s.clear();
            s.resize(m, 0.0);
        }
        for (doc, &p) in self.docs.iter().zip(part) {
            counts[p as usize] += 1;
            let s = &mut self.sums[p as usize];
            for &(i, w) in doc {
                s[i as usize] += w as f64;
            }
        }
        counts
    }
}

fn normalize(v: &mut [f64]) -> bool {
    let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
    if norm > 1e-12 {
        for x in v.iter_mut() {
            *x /= norm;
        }
        true
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A unit vector over the given terms with the given weights.
    fn unit(terms: &[(TermId, f32)]) -> SparseVec {
        let mut v: SparseVec = terms.to_vec();
        crate::features::normalize(&mut v);
        v
    }

    /// Two tight topics (terms 1–3 and 11–13, each article also holding a shared term 50)
    /// of `per` articles each, interleaved in input order.
    fn two_topics(per: usize) -> Vec<SparseVec> {
        let mut v = Vec::new();
        for k in 0..per {
            let x = 0.5 + 0.1 * (k % 3) as f32;
            v.push(unit(&[(1, 1.0), (2, x), (3, 1.0 - x / 2.0), (50, 0.6)]));
            v.push(unit(&[(11, 1.0), (12, x), (13, 1.0 - x / 2.0), (50, 0.6)]));
        }
        v
    }

    fn config() -> SplitConfig {
        SplitConfig {
            min_articles: 6,
            ..SplitConfig::default()
        }
    }

    #[test]
    fn two_topics_merged_whole_are_cut_apart() {
        let v = two_topics(5);
        let assignment = vec![7; v.len()];
        let out = split(&v, &assignment, &config());
        // Article 0 (first topic) keeps label 7; the second topic gets label 8.
        for (a, &l) in out.iter().enumerate() {
            assert_eq!(l, if a % 2 == 0 { 7 } else { 8 }, "article {a}");
        }
        // Deterministic.
        assert_eq!(out, split(&v, &assignment, &config()));
    }

    #[test]
    fn one_cohesive_topic_is_not_cut() {
        // Ten articles of one topic with small variations.
        let v: Vec<SparseVec> = (0..10)
            .map(|k| {
                let x = 0.5 + 0.05 * k as f32;
                unit(&[(1, 1.0), (2, x), (3, 1.0 - x / 2.0), (4, 0.3)])
            })
            .collect();
        let assignment = vec![3; v.len()];
        assert_eq!(split(&v, &assignment, &config()), assignment);
    }

    #[test]
    fn ratio_size_and_depth_limits_keep_stories_whole() {
        let v = two_topics(5);
        let assignment = vec![0; v.len()];
        // A ratio no cut can reach.
        let strict = SplitConfig {
            max_ratio: 0.0,
            ..config()
        };
        assert_eq!(split(&v, &assignment, &strict), assignment);
        // Parts of five cannot reach a minimum part of six.
        let big_parts = SplitConfig {
            min_part: 6,
            ..config()
        };
        assert_eq!(split(&v, &assignment, &big_parts), assignment);
        // Too small to examine, or the pass turned off.
        let big_story = SplitConfig {
            min_articles: 11,
            ..config()
        };
        assert_eq!(split(&v, &assignment, &big_story), assignment);
        let off = SplitConfig {
            max_depth: 0,
            ..config()
        };
        assert_eq!(split(&v, &assignment, &off), assignment);
    }

    #[test]
    fn other_stories_keep_their_labels_and_new_labels_are_fresh() {
        let mut v = two_topics(5);
        let mut assignment = vec![2; v.len()];
        // A small unrelated story labelled 5.
        v.push(unit(&[(30, 1.0)]));
        v.push(unit(&[(30, 1.0), (31, 0.5)]));
        assignment.extend([5, 5]);
        let out = split(&v, &assignment, &config());
        assert_eq!(&out[10..], &[5, 5]);
        assert_eq!(out[0], 2);
        assert_eq!(out[1], 6);
    }

    #[test]
    fn cut_scores_of_two_topics() {
        let v = two_topics(4);
        let articles: Vec<usize> = (0..v.len()).collect();
        let mut w = Workspace::default();
        let (part, scores) = w.bisect(&v, &articles, &config()).expect("a cut");
        assert_eq!(scores.sizes, (4, 4));
        assert!(part.iter().step_by(2).all(|&p| p == part[0]));
        assert!(part.iter().skip(1).step_by(2).all(|&p| p != part[0]));
        assert!(scores.within.0 > 0.9 && scores.within.1 > 0.9);
        assert!(scores.between < 0.2, "{scores:?}");
        assert!(scores.ratio() < 0.25);
    }

    #[test]
    fn empty_and_tiny_inputs_are_unchanged() {
        assert!(split(&[], &[], &config()).is_empty());
        let v = vec![unit(&[(1, 1.0)]), unit(&[(2, 1.0)])];
        assert_eq!(split(&v, &[4, 4], &config()), vec![4, 4]);
        // Identical articles: no direction to cut along.
        let same = vec![unit(&[(1, 1.0), (2, 1.0)]); 8];
        assert_eq!(split(&same, &[1; 8], &config()), vec![1; 8]);
    }
}
