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
//! * **Time**: two topics that content alone cannot keep apart are often told apart by
//!   when they were reported: an event covered in a burst of days or weeks against a
//!   long-running topic reported over months or years, or two bursts at different times
//!   (Miranda et al. 2018 score time with a Gaussian on the date difference). With
//!   `k(Δ) = exp(−Δ² / 2σ²)` on the days between two articles
//!   ([`SplitConfig::time_sigma_days`]), a part's *time cohesion* is the mean `k` over its
//!   pairs of dated articles and the *time overlap* the mean `k` across the parts. A cut is
//!   *time-separated* when the part of higher cohesion is a burst (cohesion ≥
//!   [`SplitConfig::time_min_burst`]) and the overlap is at most
//!   [`SplitConfig::time_max_overlap`] times that cohesion; such a cut is kept at the looser
//!   content ratio [`SplitConfig::time_max_ratio`]. Two sub-themes of one long-running topic
//!   are spread over the same months (low cohesion, or overlap close to cohesion), so the
//!   looser ratio does not apply to them. When the content cut is neither clear nor
//!   time-separated (a burst merged into a story of two long-running topics is cut along the
//!   content line between those first), a second cut is seeded by the story's densest burst
//!   (the articles within `σ·√(2 ln 2)` days of the day of highest kernel-weighted density),
//!   improved by the same two-means on content, and kept under the same time rule.
//! * Accepted parts are examined again (at most [`SplitConfig::max_depth`] cuts deep).
//!
//! Cost: one examination of a story of `n` articles with `t` terms each is
//! `O((power_iterations + kmeans_iterations) · n · t)` over dense arrays indexed by the
//! story's own terms; every level of the recursion examines each article at most once, so the
//! pass is `O(max_depth · (power_iterations + kmeans_iterations) · N · t)` for `N` articles.
//! The time scores and the burst seed cost `O(n log n + d · w)` for `d` distinct days and
//! `w` distinct days within `4σ` of one day; the seeded cut adds one two-means run. No randomness: the same input gives the same output.

use chrono::{Datelike, NaiveDate};

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
    /// A time-separated cut is kept when the content ratio is below this (at or below
    /// `max_ratio` turns the time rule off).
    pub time_max_ratio: f32,
    /// Width σ, in days, of the Gaussian on the date difference (0 turns the time rule off).
    pub time_sigma_days: f32,
    /// Minimum time cohesion of the tighter part for a cut to be time-separated.
    pub time_min_burst: f32,
    /// Maximum time overlap of the parts, as a fraction of the tighter part's cohesion.
    pub time_max_overlap: f32,
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
            time_max_ratio: 0.65,
            time_sigma_days: 14.0,
            time_min_burst: 0.3,
            time_max_overlap: 0.25,
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
            time_max_ratio: config.split_time_max_ratio,
            time_sigma_days: config.split_time_sigma_days,
            time_min_burst: config.split_time_min_burst,
            time_max_overlap: config.split_time_max_overlap,
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

/// Time scores of one cut: Gaussian-kernel similarity of publication dates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScores {
    /// Mean kernel over pairs of dated articles of the first / second part (0 for a part of
    /// fewer than two dated articles).
    pub cohesion: (f32, f32),
    /// Mean kernel between a dated article of the first part and one of the second.
    pub overlap: f32,
}

impl TimeScores {
    /// Whether the part of higher cohesion is a burst of at least `min_burst` whose overlap
    /// with the other part is at most `max_overlap` times its cohesion.
    pub fn separated(&self, min_burst: f32, max_overlap: f32) -> bool {
        let c = self.cohesion.0.max(self.cohesion.1);
        c > 0.0 && c >= min_burst && self.overlap <= max_overlap * c
    }
}

/// Time scores of two sets of publication dates (undated articles are left out) with a
/// Gaussian of width `sigma_days` on the date difference, truncated at `4σ` (where it is
/// below 0.0004). `None` when a part has no dated article or `sigma_days` is not positive.
pub fn time_scores(a: &[NaiveDate], b: &[NaiveDate], sigma_days: f32) -> Option<TimeScores> {
    if a.is_empty() || b.is_empty() || sigma_days.is_nan() || sigma_days <= 0.0 {
        return None;
    }
    // Distinct days with the count of each part, in date order.
    let mut days: Vec<(i32, u8)> = a
        .iter()
        .map(|d| (d.num_days_from_ce(), 0))
        .chain(b.iter().map(|d| (d.num_days_from_ce(), 1)))
        .collect();
    days.sort_unstable();
    let mut hist: Vec<(i32, [f64; 2])> = Vec::new();
    for (d, p) in days {
        match hist.last_mut() {
            Some((day, c)) if *day == d => c[p as usize] += 1.0,
            _ => {
                let mut c = [0.0; 2];
                c[p as usize] = 1.0;
                hist.push((d, c));
            }
        }
    }
    let sigma = sigma_days as f64;
    let reach = (4.0 * sigma).ceil() as i64;
    // Kernel sums over ordered pairs of articles (an article paired with itself included).
    let mut sums = [[0f64; 2]; 2];
    for (i, &(di, ci)) in hist.iter().enumerate() {
        for &(dj, cj) in &hist[i..] {
            let gap = (dj as i64 - di as i64) as f64;
            if gap > reach as f64 {
                break;
            }
            let k = (-gap * gap / (2.0 * sigma * sigma)).exp();
            // Pairs (i, j) and (j, i), once for the same day.
            let twice = if dj == di { 1.0 } else { 2.0 };
            for (p, sp) in sums.iter_mut().enumerate() {
                for (q, s) in sp.iter_mut().enumerate() {
                    *s += twice * k * 0.5 * (ci[p] * cj[q] + ci[q] * cj[p]);
                }
            }
        }
    }
    let n = [a.len() as f64, b.len() as f64];
    let cohesion = |p: usize| -> f32 {
        if n[p] < 2.0 {
            0.0
        } else {
            ((sums[p][p] - n[p]) / (n[p] * (n[p] - 1.0))).max(0.0) as f32
        }
    };
    Some(TimeScores {
        cohesion: (cohesion(0), cohesion(1)),
        overlap: (sums[0][1] / (n[0] * n[1])) as f32,
    })
}

/// Splits stories (see the module documentation). `vectors[a]` is article `a`'s unit TF-IDF
/// vector, `dates[a]` its publication date (a shorter list leaves the rest undated),
/// `assignment[a]` its story label (any numbers). Returns the new label of every
/// article: one part of a cut story keeps the story's label (the part holding the story's
/// first article), every other part gets a new label above all labels of the input, numbered
/// in the order the cuts are made.
pub fn split(
    vectors: &[SparseVec],
    dates: &[Option<NaiveDate>],
    assignment: &[usize],
    config: &SplitConfig,
) -> Vec<usize> {
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
        let content_cut =
            scores.sizes.0.min(scores.sizes.1) >= min_part && scores.ratio() < config.max_ratio;
        let part = if content_cut {
            part
        } else {
            match time_cut(&mut work, dates, &articles, part, scores, config) {
                Some(p) => p,
                None => continue,
            }
        };
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

/// A time-separated cut of `articles` (see the module documentation), tried when the content
/// cut `part` is not clear enough on content alone: the content cut itself, then a cut
/// seeded by the story's densest burst ([`Timeline::burst_seed`]) and improved by two-means;
/// the first that is time-separated with a content ratio below
/// [`SplitConfig::time_max_ratio`] is returned. Needs [`Workspace::bisect`] on the same
/// articles first.
fn time_cut(
    work: &mut Workspace,
    dates: &[Option<NaiveDate>],
    articles: &[usize],
    part: Vec<u8>,
    scores: CutScores,
    config: &SplitConfig,
) -> Option<Vec<u8>> {
    if config.time_max_ratio <= config.max_ratio {
        return None;
    }
    let min_part = config.min_part.max(1);
    let kept = |cut: &[u8], scores: &CutScores| {
        scores.sizes.0.min(scores.sizes.1) >= min_part
            && scores.ratio() < config.time_max_ratio
            && time_separated(dates, articles, cut, config)
    };
    if kept(&part, &scores) {
        return Some(part);
    }
    let seed = Timeline::new(dates, articles, config.time_sigma_days)?.burst_seed()?;
    let m = work.local.len();
    let (cut, scores) = work.improve(seed, m, config.kmeans_iterations)?;
    kept(&cut, &scores).then_some(cut)
}

/// Publication days of the articles of one story.
struct Timeline {
    /// Index into `days` of each article (in the story's order); `None` when undated.
    slot: Vec<Option<usize>>,
    /// Distinct days, ascending, with the number of articles of each.
    days: Vec<(i32, f64)>,
    /// For each distinct day, the range of distinct days within the kernel's reach (4σ).
    window: Vec<(usize, usize)>,
    /// `kernel[Δ] = exp(−Δ² / 2σ²)` for `Δ` in `0..=4σ` days.
    kernel: Vec<f64>,
}

impl Timeline {
    /// `None` when `sigma_days` is not positive or fewer than two articles are dated.
    fn new(dates: &[Option<NaiveDate>], articles: &[usize], sigma_days: f32) -> Option<Self> {
        if sigma_days.is_nan() || sigma_days <= 0.0 {
            return None;
        }
        let day_of: Vec<Option<i32>> = articles
            .iter()
            .map(|&a| {
                dates
                    .get(a)
                    .copied()
                    .flatten()
                    .map(|d| d.num_days_from_ce())
            })
            .collect();
        let mut distinct: Vec<i32> = day_of.iter().flatten().copied().collect();
        if distinct.len() < 2 {
            return None;
        }
        distinct.sort_unstable();
        distinct.dedup();
        let slot: Vec<Option<usize>> = day_of
            .iter()
            .map(|d| d.and_then(|d| distinct.binary_search(&d).ok()))
            .collect();
        let mut days: Vec<(i32, f64)> = distinct.iter().map(|&d| (d, 0.0)).collect();
        for s in slot.iter().flatten() {
            days[*s].1 += 1.0;
        }
        let sigma = sigma_days as f64;
        let reach = (4.0 * sigma).ceil().min(36_500.0) as i64;
        let kernel = (0..=reach)
            .map(|d| (-(d * d) as f64 / (2.0 * sigma * sigma)).exp())
            .collect();
        let window = distinct
            .iter()
            .map(|&d| {
                let lo = distinct.partition_point(|&x| (x as i64) < d as i64 - reach);
                let hi = distinct.partition_point(|&x| (x as i64) <= d as i64 + reach);
                (lo, hi)
            })
            .collect();
        Some(Timeline {
            slot,
            days,
            window,
            kernel,
        })
    }

    /// Kernel between distinct days `a` and `b`.
    fn k(&self, a: usize, b: usize) -> f64 {
        let gap = (self.days[a].0 as i64 - self.days[b].0 as i64).unsigned_abs() as usize;
        self.kernel.get(gap).copied().unwrap_or(0.0)
    }

    /// A cut seeded by the story's densest burst: the day of highest kernel-weighted article
    /// density (ties: the earliest) and the articles dated within `σ·√(2 ln 2)` of it (kernel
    /// ≥ 0.5) form part 1, every other article (undated ones too) part 0. `None` when either
    /// part is empty.
    fn burst_seed(&self) -> Option<Vec<u8>> {
        let mut best = None;
        let mut best_density = f64::NEG_INFINITY;
        for (i, &(lo, hi)) in self.window.iter().enumerate() {
            let density: f64 = (lo..hi).map(|j| self.days[j].1 * self.k(i, j)).sum();
            if density > best_density {
                best_density = density;
                best = Some(i);
            }
        }
        let core = best?;
        let part: Vec<u8> = self
            .slot
            .iter()
            .map(|s| u8::from(s.is_some_and(|s| self.k(core, s) >= 0.5)))
            .collect();
        let inside = part.iter().filter(|&&p| p == 1).count();
        (inside > 0 && inside < part.len()).then_some(part)
    }
}

/// Whether the cut `part` of `articles` is time-separated (see the module documentation).
fn time_separated(
    dates: &[Option<NaiveDate>],
    articles: &[usize],
    part: &[u8],
    config: &SplitConfig,
) -> bool {
    let mut sides: [Vec<NaiveDate>; 2] = [Vec::new(), Vec::new()];
    for (&a, &p) in articles.iter().zip(part) {
        if let Some(Some(d)) = dates.get(a) {
            sides[p as usize & 1].push(*d);
        }
    }
    time_scores(&sides[0], &sides[1], config.time_sigma_days)
        .is_some_and(|t| t.separated(config.time_min_burst, config.time_max_overlap))
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
        let part: Vec<u8> = self
            .docs
            .iter()
            .map(|doc| u8::from(dot(doc, &self.dir) - mv < 0.0))
            .collect();
        self.improve(part, m, config.kmeans_iterations)
    }

    /// Two-means with average linkage from the cut `part`, leaving each article out of its
    /// own part: each article goes to the part of higher mean cosine. Returns the cut and its
    /// scores, or `None` when a part becomes empty. Needs [`Self::load`] first (`m` terms).
    fn improve(
        &mut self,
        mut part: Vec<u8>,
        m: usize,
        iterations: usize,
    ) -> Option<(Vec<u8>, CutScores)> {
        let n = self.docs.len();
        let self_dot: Vec<f64> = self
            .docs
            .iter()
            .map(|d| d.iter().map(|&(_, w)| (w as f64) * (w as f64)).sum())
            .collect();
        for _ in 0..iterations {
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
        let out = split(&v, &[], &assignment, &config());
        // Article 0 (first topic) keeps label 7; the second topic gets label 8.
        for (a, &l) in out.iter().enumerate() {
            assert_eq!(l, if a % 2 == 0 { 7 } else { 8 }, "article {a}");
        }
        // Deterministic.
        assert_eq!(out, split(&v, &[], &assignment, &config()));
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
        assert_eq!(split(&v, &[], &assignment, &config()), assignment);
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
        assert_eq!(split(&v, &[], &assignment, &strict), assignment);
        // Parts of five cannot reach a minimum part of six.
        let big_parts = SplitConfig {
            min_part: 6,
            ..config()
        };
        assert_eq!(split(&v, &[], &assignment, &big_parts), assignment);
        // Too small to examine, or the pass turned off.
        let big_story = SplitConfig {
            min_articles: 11,
            ..config()
        };
        assert_eq!(split(&v, &[], &assignment, &big_story), assignment);
        let off = SplitConfig {
            max_depth: 0,
            ..config()
        };
        assert_eq!(split(&v, &[], &assignment, &off), assignment);
    }

    #[test]
    fn other_stories_keep_their_labels_and_new_labels_are_fresh() {
        let mut v = two_topics(5);
        let mut assignment = vec![2; v.len()];
        // A small unrelated story labelled 5.
        v.push(unit(&[(30, 1.0)]));
        v.push(unit(&[(30, 1.0), (31, 0.5)]));
        assignment.extend([5, 5]);
        let out = split(&v, &[], &assignment, &config());
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
        assert!(split(&[], &[], &[], &config()).is_empty());
        let v = vec![unit(&[(1, 1.0)]), unit(&[(2, 1.0)])];
        assert_eq!(split(&v, &[], &[4, 4], &config()), vec![4, 4]);
        // Identical articles: no direction to cut along.
        let same = vec![unit(&[(1, 1.0), (2, 1.0)]); 8];
        assert_eq!(split(&same, &[], &[1; 8], &config()), vec![1; 8]);
    }

    fn day(offset: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(1998, 1, 1).expect("valid date") + chrono::Duration::days(offset)
    }

    #[test]
    fn time_scores_by_hand() {
        // Two articles on one day, one 14 days later, σ = 14: cohesion 1 and 0 (a single
        // article), overlap exp(−1/2).
        let t = time_scores(&[day(0), day(0)], &[day(14)], 14.0).expect("scores");
        assert!((t.cohesion.0 - 1.0).abs() < 1e-6, "{t:?}");
        assert_eq!(t.cohesion.1, 0.0);
        assert!((t.overlap - (-0.5f32).exp()).abs() < 1e-6, "{t:?}");
        // Symmetric in the parts.
        let u = time_scores(&[day(14)], &[day(0), day(0)], 14.0).expect("scores");
        assert_eq!(
            (u.cohesion.1, u.cohesion.0, u.overlap),
            (t.cohesion.0, t.cohesion.1, t.overlap)
        );
        // Beyond 4σ nothing counts.
        let far = time_scores(&[day(0), day(100)], &[day(200)], 14.0).expect("scores");
        assert_eq!((far.cohesion.0, far.overlap), (0.0, 0.0));
        // No dates, or no width: no scores.
        assert!(time_scores(&[], &[day(0)], 14.0).is_none());
        assert!(time_scores(&[day(0)], &[day(0)], 0.0).is_none());
        assert!(time_scores(&[day(0)], &[day(0)], f32::NAN).is_none());
    }

    #[test]
    fn a_burst_against_a_long_running_topic_is_separated() {
        // Ten articles over four days against ten over two years.
        let burst: Vec<NaiveDate> = (0..10).map(|k| day(300 + k % 4)).collect();
        let spread: Vec<NaiveDate> = (0..10).map(|k| day(k * 73)).collect();
        let t = time_scores(&burst, &spread, 14.0).expect("scores");
        assert!(t.cohesion.0 > 0.9 && t.cohesion.1 < 0.05, "{t:?}");
        assert!(t.separated(0.3, 0.25), "{t:?}");
        // Two bursts at the same time are not.
        let same = time_scores(&burst, &burst, 14.0).expect("scores");
        assert!(!same.separated(0.3, 0.25), "{same:?}");
        // Two halves of one long-running topic are not (no burst).
        let odd: Vec<NaiveDate> = (0..10).map(|k| day(k * 73 + 30)).collect();
        let halves = time_scores(&spread, &odd, 14.0).expect("scores");
        assert!(!halves.separated(0.3, 0.25), "{halves:?}");
    }

    /// Two topics sharing one heavy term, so that content alone scores their cut between 0.5
    /// and 0.65 (checked in the test).
    fn two_close_topics(per: usize) -> Vec<SparseVec> {
        let mut v = Vec::new();
        for k in 0..per {
            let x = 0.5 + 0.1 * (k % 3) as f32;
            v.push(unit(&[(1, 1.0), (2, x), (3, 1.0 - x / 2.0), (50, 1.55)]));
            v.push(unit(&[(11, 1.0), (12, x), (13, 1.0 - x / 2.0), (50, 1.55)]));
        }
        v
    }

    #[test]
    fn time_separated_cuts_are_kept_at_the_looser_ratio() {
        let v = two_close_topics(6);
        let articles: Vec<usize> = (0..v.len()).collect();
        let (_, scores) = Workspace::default()
            .bisect(&v, &articles, &config())
            .expect("a cut");
        let ratio = scores.ratio();
        assert!(ratio > 0.5 && ratio < 0.65, "{scores:?}");
        let assignment = vec![0; v.len()];
        // The first topic (even articles) a burst of days, the second spread over years.
        let burst_and_spread: Vec<Option<NaiveDate>> = (0..v.len() as i64)
            .map(|a| {
                Some(if a % 2 == 0 {
                    day(400 + a % 3)
                } else {
                    day(a * 90)
                })
            })
            .collect();
        let cut = split(&v, &burst_and_spread, &assignment, &config());
        for (a, &l) in cut.iter().enumerate() {
            assert_eq!(l, if a % 2 == 0 { 0 } else { 1 }, "article {a}");
        }
        // Undated, both spread over the same years, or the time rule off: kept whole.
        assert_eq!(split(&v, &[], &assignment, &config()), assignment);
        let both_spread: Vec<Option<NaiveDate>> =
            (0..v.len() as i64).map(|a| Some(day(a * 60))).collect();
        assert_eq!(split(&v, &both_spread, &assignment, &config()), assignment);
        let no_time = SplitConfig {
            time_sigma_days: 0.0,
            ..config()
        };
        assert_eq!(
            split(&v, &burst_and_spread, &assignment, &no_time),
            assignment
        );
        let same_ratio = SplitConfig {
            time_max_ratio: 0.5,
            ..config()
        };
        assert_eq!(
            split(&v, &burst_and_spread, &assignment, &same_ratio),
            assignment
        );
    }

    #[test]
    fn burst_seed_is_the_densest_run_of_days() {
        // Articles 0–3 within three days (a burst), 4 and 5 a year apart, 6 undated.
        let dates = vec![
            Some(day(100)),
            Some(day(101)),
            Some(day(101)),
            Some(day(103)),
            Some(day(400)),
            Some(day(765)),
            None,
        ];
        let articles: Vec<usize> = (0..dates.len()).collect();
        let t = Timeline::new(&dates, &articles, 14.0).expect("timeline");
        assert_eq!(t.days.len(), 5);
        assert_eq!(t.days[1], (day(101).num_days_from_ce(), 2.0));
        assert_eq!(t.burst_seed(), Some(vec![1, 1, 1, 1, 0, 0, 0]));
        // Only the articles within kernel 0.5 of the densest day (σ = 14: 16 days).
        let wider = vec![
            Some(day(100)),
            Some(day(101)),
            Some(day(120)),
            Some(day(400)),
        ];
        let t = Timeline::new(&wider, &[0, 1, 2, 3], 14.0).expect("timeline");
        assert_eq!(t.burst_seed(), Some(vec![1, 1, 0, 0]));
        // Fewer than two dated articles, or no width: no timeline.
        assert!(Timeline::new(&[Some(day(1)), None], &[0, 1], 14.0).is_none());
        assert!(Timeline::new(&dates, &articles, 0.0).is_none());
        // All articles in the burst: no seed.
        let burst = vec![Some(day(5)), Some(day(6)), Some(day(7))];
        let t = Timeline::new(&burst, &[0, 1, 2], 14.0).expect("timeline");
        assert!(t.burst_seed().is_none());
    }

    #[test]
    fn time_cut_falls_back_to_the_burst_seed() {
        // The first topic (even articles) a burst of days, the second spread over years.
        let v = two_close_topics(6);
        let articles: Vec<usize> = (0..v.len()).collect();
        let dates: Vec<Option<NaiveDate>> = (0..v.len() as i64)
            .map(|a| {
                Some(if a % 2 == 0 {
                    day(400 + a % 3)
                } else {
                    day(a * 90)
                })
            })
            .collect();
        let mut work = Workspace::default();
        work.bisect(&v, &articles, &config()).expect("a cut");
        // A content cut along the wrong line (first half against second half): not
        // time-separated, so the burst-seeded cut is taken.
        let wrong: Vec<u8> = (0..v.len()).map(|a| u8::from(a >= v.len() / 2)).collect();
        let m = work.local.len();
        let (wrong, scores) = work.improve(wrong, m, 0).expect("scores");
        let cut = time_cut(&mut work, &dates, &articles, wrong, scores, &config()).expect("a cut");
        for (a, &p) in cut.iter().enumerate() {
            assert_eq!(p, u8::from(a % 2 == 0), "article {a}");
        }
        // No dates: no cut.
        let (wrong, scores) = work
            .improve((0..v.len()).map(|a| u8::from(a >= 6)).collect(), m, 0)
            .expect("scores");
        assert!(time_cut(&mut work, &[], &articles, wrong, scores, &config()).is_none());
    }
}
