//! A learned join score for the online pass: logistic regression over features of an
//! (article, story) pair, trained on pairs labelled by gold stories.
//!
//! The features ([`OnlineFeatures`]) are the three cosines the hand-weighted score uses
//! (body, headline, entity terms), indicators of whether the headline and entity fields take
//! part, time features (days from the article to the story's last update, as an exponential
//! decay and a Gaussian kernel, and to its first article, on a log scale), the story's size
//! (log) and the share of the article's heaviest terms found in the story. The model gives
//! the probability that the article belongs to the story; the article joins its most probable
//! story when that reaches the model's threshold.
//!
//! Training ([`train`]) is deterministic full-batch gradient descent on the mean log-loss with
//! an L2 penalty, on standardised features; the weights are returned for the raw features.
//! The weights of the cosine features are kept non-negative (projected gradient), so the
//! probability never falls when a cosine rises. [`learn_threshold`] picks the threshold that
//! makes the most right join / new-story decisions on the training articles.

/// Number of features of an (article, story) pair.
pub const ONLINE_FEATURES: usize = 11;

/// Names of the features, in order (for reports).
pub const ONLINE_FEATURE_NAMES: [&str; ONLINE_FEATURES] = [
    "body_cosine",
    "title_cosine",
    "title_present",
    "entity_cosine",
    "entity_present",
    "decay_60d",
    "gauss_14d",
    "log_days_from_first",
    "log_story_size",
    "probe_share",
    "body_cosine_x_decay",
];

/// Features whose weight is kept non-negative (the cosines and their product with a decay).
pub const ONLINE_NONNEGATIVE: [bool; ONLINE_FEATURES] = [
    true, true, false, true, false, false, false, false, false, false, true,
];

/// Features of an (article, story) pair.
pub type OnlineFeatures = [f32; ONLINE_FEATURES];

/// The raw values that make up an (article, story) pair's features.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PairInputs {
    /// Body-term cosine.
    pub body: f32,
    /// Headline-term cosine, when both article and story have headlines.
    pub title: Option<f32>,
    /// Entity-term cosine, when the article has entity terms.
    pub entity: Option<f32>,
    /// Days from the article to the story's last update.
    pub days_last: f32,
    /// Days from the article to the story's first article.
    pub days_first: f32,
    /// Articles in the story.
    pub size: u32,
    /// Share of the article's probe terms found in the story's body centroid.
    pub probe_share: f32,
}

/// The feature vector of a pair.
pub fn online_features(x: &PairInputs) -> OnlineFeatures {
    let decay = (-x.days_last / 60.0).exp();
    let gauss = (-(x.days_last * x.days_last) / (2.0 * 14.0 * 14.0)).exp();
    [
        x.body,
        x.title.unwrap_or(0.0),
        if x.title.is_some() { 1.0 } else { 0.0 },
        x.entity.unwrap_or(0.0),
        if x.entity.is_some() { 1.0 } else { 0.0 },
        decay,
        gauss,
        x.days_first.max(0.0).ln_1p(),
        (x.size as f32).ln_1p(),
        x.probe_share,
        x.body * decay,
    ]
}

/// Number of features of a (story, story) pair in the consolidation merge.
pub const MERGE_FEATURES: usize = 8;

/// Names of the merge features, in order.
pub const MERGE_FEATURE_NAMES: [&str; MERGE_FEATURES] = [
    "average_linkage",
    "centroid_cosine",
    "log_smaller_size",
    "log_larger_size",
    "log_gap_days",
    "range_overlap",
    "log_shorter_span",
    "log_longer_span",
];

/// Merge features whose weight is kept non-negative (the two similarities).
pub const MERGE_NONNEGATIVE: [bool; MERGE_FEATURES] =
    [true, true, false, false, false, false, false, false];

/// Features of a (story, story) pair.
pub type MergeFeatures = [f32; MERGE_FEATURES];

/// The raw values that make up a (story, story) pair's merge features.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StoryPairInputs {
    /// Mean article-to-article cosine across the two stories.
    pub average: f32,
    /// Cosine of the two stories' summed vectors.
    pub centroid: f32,
    /// Articles in each story.
    pub sizes: (usize, usize),
    /// Days between the two date ranges (0 when they overlap).
    pub gap_days: f32,
    /// Days both date ranges cover.
    pub overlap_days: f32,
    /// Length in days of each story's date range.
    pub spans: (f32, f32),
}

/// The merge feature vector of a pair of stories.
pub fn merge_features(x: &StoryPairInputs) -> MergeFeatures {
    let (small, large) = (x.sizes.0.min(x.sizes.1), x.sizes.0.max(x.sizes.1));
    let (short, long) = (x.spans.0.min(x.spans.1), x.spans.0.max(x.spans.1));
    [
        x.average,
        x.centroid,
        (small as f32).ln_1p(),
        (large as f32).ln_1p(),
        x.gap_days.max(0.0).ln_1p(),
        x.overlap_days.max(0.0) / (short.max(0.0) + 1.0),
        short.max(0.0).ln_1p(),
        long.max(0.0).ln_1p(),
    ]
}

/// A logistic model over `N` features with a decision threshold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model<const N: usize> {
    /// Weight of each feature.
    pub weights: [f32; N],
    /// Intercept.
    pub bias: f32,
    /// Minimum probability for a positive decision (join, merge).
    pub threshold: f32,
}

/// A logistic model of the online join decision.
pub type OnlineModel = Model<ONLINE_FEATURES>;

/// A logistic model of the consolidation merge decision.
pub type MergeModel = Model<MERGE_FEATURES>;

impl<const N: usize> Model<N> {
    /// Probability of the positive decision (the article belongs to the story; the two
    /// stories are one).
    pub fn probability(&self, features: &[f32; N]) -> f32 {
        let z = self.bias
            + self
                .weights
                .iter()
                .zip(features)
                .map(|(w, x)| w * x)
                .sum::<f32>();
        sigmoid(z)
    }
}

fn sigmoid(z: f32) -> f32 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// Settings of [`train`].
#[derive(Debug, Clone, PartialEq)]
pub struct TrainConfig {
    /// Gradient steps.
    pub iterations: usize,
    /// Step size (on standardised features).
    pub learning_rate: f64,
    /// L2 penalty on the weights (not the intercept).
    pub l2: f64,
    /// Features left out (their weight stays 0), by index.
    pub dropped: Vec<usize>,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            iterations: 2000,
            learning_rate: 0.5,
            l2: 1e-4,
            dropped: Vec::new(),
        }
    }
}

/// Trains a logistic regression on rows of `dim` features (`x` holds `y.len()` rows one after
/// the other). Features flagged in `nonnegative` keep a weight ≥ 0. Returns the weights and
/// intercept for the raw (not standardised) features. Empty or one-class data give zero
/// weights and the log-odds of the positive share as intercept.
pub fn train(
    x: &[f32],
    y: &[bool],
    dim: usize,
    nonnegative: &[bool],
    config: &TrainConfig,
) -> (Vec<f32>, f32) {
    let n = y.len();
    if n == 0 || dim == 0 || x.len() < n * dim {
        return (vec![0.0; dim], 0.0);
    }
    let positives = y.iter().filter(|&&b| b).count();
    if positives == 0 || positives == n {
        let p = (positives as f64 + 0.5) / (n as f64 + 1.0);
        return (vec![0.0; dim], (p / (1.0 - p)).ln() as f32);
    }
    // Standardise.
    let mut mean = vec![0.0f64; dim];
    let mut sd = vec![0.0f64; dim];
    for row in x.chunks(dim).take(n) {
        for (m, &v) in mean.iter_mut().zip(row) {
            *m += v as f64;
        }
    }
    for m in &mut mean {
        *m /= n as f64;
    }
    for row in x.chunks(dim).take(n) {
        for ((s, &v), m) in sd.iter_mut().zip(row).zip(&mean) {
            *s += (v as f64 - m).powi(2);
        }
    }
    for s in &mut sd {
        *s = (*s / n as f64).sqrt();
        if *s < 1e-9 {
            *s = 0.0;
        }
    }
    let z: Vec<f64> = x
        .chunks(dim)
        .take(n)
        .flat_map(|row| {
            row.iter()
                .zip(&mean)
                .zip(&sd)
                .map(|((&v, m), s)| if *s > 0.0 { (v as f64 - m) / s } else { 0.0 })
        })
        .collect();
    let mut w = vec![0.0f64; dim];
    let p0 = positives as f64 / n as f64;
    let mut b = (p0 / (1.0 - p0)).ln();
    let mut grad = vec![0.0f64; dim];
    for _ in 0..config.iterations {
        grad.iter_mut().for_each(|g| *g = 0.0);
        let mut gb = 0.0;
        for (row, &label) in z.chunks(dim).zip(y) {
            let s: f64 = b + row.iter().zip(&w).map(|(a, c)| a * c).sum::<f64>();
            let p = if s >= 0.0 {
                1.0 / (1.0 + (-s).exp())
            } else {
                let e = s.exp();
                e / (1.0 + e)
            };
            let err = p - if label { 1.0 } else { 0.0 };
            gb += err;
            for (g, a) in grad.iter_mut().zip(row) {
                *g += err * a;
            }
        }
        b -= config.learning_rate * gb / n as f64;
        for (k, (wk, g)) in w.iter_mut().zip(&grad).enumerate() {
            *wk -= config.learning_rate * (g / n as f64 + config.l2 * *wk);
            if (nonnegative.get(k).copied().unwrap_or(false) && *wk < 0.0)
                || config.dropped.contains(&k)
            {
                *wk = 0.0;
            }
        }
    }
    // Back to raw features: w_raw = w / sd, b_raw = b - Σ w mean / sd.
    let mut raw = vec![0.0f32; dim];
    let mut bias = b;
    for k in 0..dim {
        if sd[k] > 0.0 {
            raw[k] = (w[k] / sd[k]) as f32;
            bias -= w[k] * mean[k] / sd[k];
        }
    }
    (raw, bias as f32)
}

/// The threshold on the best candidate's probability that makes the most right decisions over
/// the given articles. Each article is its candidates' `(probability, right story)` pairs: the
/// decision is right when the article joins (best probability ≥ threshold) and its best
/// candidate is a right story, or when it starts a new story (below the threshold) and no
/// candidate is right. Ties go to the lowest such threshold; no articles give 0.5.
pub fn learn_threshold(articles: &[Vec<(f32, bool)>]) -> f32 {
    // Per article: best probability, whether joining it is right, whether a new story is right.
    let mut rows: Vec<(f32, bool, bool)> = articles
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| {
            let mut best = c[0];
            for &x in &c[1..] {
                if x.0 > best.0 {
                    best = x;
                }
            }
            (best.0, best.1, !c.iter().any(|x| x.1))
        })
        .collect();
    if rows.is_empty() {
        return 0.5;
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Threshold just above everything: every article starts a new story.
    let mut right: i64 = rows.iter().filter(|r| r.2).count() as i64;
    let mut best = (right, f32::INFINITY);
    // Lowering the threshold to rows[i].0 makes rows i.. join.
    let mut i = rows.len();
    while i > 0 {
        let t = rows[i - 1].0;
        while i > 0 && rows[i - 1].0 == t {
            let r = rows[i - 1];
            right += r.1 as i64 - r.2 as i64;
            i -= 1;
        }
        if right >= best.0 {
            best = (right, t);
        }
    }
    if best.1.is_finite() {
        best.1
    } else {
        // Joining is never right: a threshold above every probability.
        1.5
    }
}

/// Trains an [`OnlineModel`] on labelled pairs: `x` holds one row of [`ONLINE_FEATURES`]
/// features per pair, `y` whether the pair's story is the article's right story, and
/// `articles` the pairs of each article (ranges into `y`), for the threshold.
pub fn fit_online(
    x: &[f32],
    y: &[bool],
    articles: &[std::ops::Range<usize>],
    config: &TrainConfig,
) -> OnlineModel {
    let (w, bias) = train(x, y, ONLINE_FEATURES, &ONLINE_NONNEGATIVE, config);
    let mut weights = [0.0; ONLINE_FEATURES];
    weights.copy_from_slice(&w);
    let mut model = OnlineModel {
        weights,
        bias,
        threshold: 0.5,
    };
    let decisions: Vec<Vec<(f32, bool)>> = articles
        .iter()
        .map(|r| {
            r.clone()
                .filter_map(|k| {
                    let row = x.get(k * ONLINE_FEATURES..(k + 1) * ONLINE_FEATURES)?;
                    let mut f = [0.0; ONLINE_FEATURES];
                    f.copy_from_slice(row);
                    Some((model.probability(&f), *y.get(k)?))
                })
                .collect()
        })
        .collect();
    model.threshold = learn_threshold(&decisions);
    model
}

/// Trains a [`MergeModel`] on labelled story pairs (`x`: one row of [`MERGE_FEATURES`] per
/// pair; `y`: whether the two stories are one). The threshold is 0.5 (the most probable
/// decision); callers may tune it.
pub fn fit_merge(x: &[f32], y: &[bool], config: &TrainConfig) -> MergeModel {
    let (w, bias) = train(x, y, MERGE_FEATURES, &MERGE_NONNEGATIVE, config);
    let mut weights = [0.0; MERGE_FEATURES];
    weights.copy_from_slice(&w);
    MergeModel {
        weights,
        bias,
        threshold: 0.5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(w: OnlineFeatures, bias: f32) -> OnlineModel {
        OnlineModel {
            weights: w,
            bias,
            threshold: 0.5,
        }
    }

    #[test]
    fn training_separates_a_separable_set() {
        // Positive when the first feature is high; the second is noise.
        let mut x = Vec::new();
        let mut y = Vec::new();
        for i in 0..40 {
            let a = i as f32 / 40.0;
            x.extend([a, ((i * 7) % 5) as f32]);
            y.push(a > 0.5);
        }
        let (w, b) = train(&x, &y, 2, &[true, false], &TrainConfig::default());
        assert!(w[0] > 0.0, "{w:?}");
        for (row, &label) in x.chunks(2).zip(&y) {
            let p = sigmoid(b + w[0] * row[0] + w[1] * row[1]);
            assert_eq!(p >= 0.5, label, "row {row:?}: p {p}");
        }
        // Deterministic.
        assert_eq!(
            train(&x, &y, 2, &[true, false], &TrainConfig::default()),
            (w, b)
        );
    }

    #[test]
    fn nonnegative_weights_stay_nonnegative() {
        // The label falls as the first feature rises: its weight is held at 0.
        let x: Vec<f32> = (0..20).map(|i| i as f32).collect();
        let y: Vec<bool> = (0..20).map(|i| i < 10).collect();
        let (w, _) = train(&x, &y, 1, &[true], &TrainConfig::default());
        assert_eq!(w, vec![0.0]);
        let (w, _) = train(&x, &y, 1, &[false], &TrainConfig::default());
        assert!(w[0] < 0.0);
    }

    #[test]
    fn dropped_features_keep_a_zero_weight() {
        let x: Vec<f32> = (0..20).flat_map(|i| [i as f32, (i % 3) as f32]).collect();
        let y: Vec<bool> = (0..20).map(|i| i >= 10).collect();
        let config = TrainConfig {
            dropped: vec![0],
            ..TrainConfig::default()
        };
        let (w, _) = train(&x, &y, 2, &[false, false], &config);
        assert_eq!(w[0], 0.0);
        let (w, _) = train(&x, &y, 2, &[false, false], &TrainConfig::default());
        assert!(w[0] > 0.0);
    }

    #[test]
    fn degenerate_data_give_the_prior() {
        assert_eq!(
            train(&[], &[], 3, &[], &TrainConfig::default()).0,
            vec![0.0; 3]
        );
        let (w, b) = train(
            &[1.0, 2.0],
            &[true, true],
            1,
            &[false],
            &TrainConfig::default(),
        );
        assert_eq!(w, vec![0.0]);
        assert!(b > 0.0);
    }

    #[test]
    fn probability_rises_with_each_cosine() {
        let mut w = [0.0; ONLINE_FEATURES];
        for (k, nonneg) in ONLINE_NONNEGATIVE.iter().enumerate() {
            w[k] = if *nonneg { 2.0 } else { -0.3 };
        }
        let m = model(w, -1.0);
        let base = PairInputs {
            body: 0.2,
            title: Some(0.1),
            entity: Some(0.1),
            days_last: 10.0,
            days_first: 40.0,
            size: 3,
            probe_share: 0.5,
        };
        let p = m.probability(&online_features(&base));
        for up in [
            PairInputs { body: 0.4, ..base },
            PairInputs {
                title: Some(0.3),
                ..base
            },
            PairInputs {
                entity: Some(0.3),
                ..base
            },
        ] {
            assert!(m.probability(&online_features(&up)) > p);
        }
        assert!(p > 0.0 && p < 1.0);
    }

    #[test]
    fn merge_probability_rises_with_each_similarity() {
        let mut w = [-0.2; MERGE_FEATURES];
        w[0] = 30.0;
        w[1] = 3.0;
        let m = MergeModel {
            weights: w,
            bias: -2.0,
            threshold: 0.5,
        };
        let base = StoryPairInputs {
            average: 0.05,
            centroid: 0.3,
            sizes: (3, 20),
            gap_days: 0.0,
            overlap_days: 5.0,
            spans: (10.0, 100.0),
        };
        let p = m.probability(&merge_features(&base));
        assert!(
            m.probability(&merge_features(&StoryPairInputs {
                average: 0.1,
                ..base
            })) > p
        );
        assert!(
            m.probability(&merge_features(&StoryPairInputs {
                centroid: 0.5,
                ..base
            })) > p
        );
        // Symmetric in the two stories.
        let swapped = StoryPairInputs {
            sizes: (20, 3),
            spans: (100.0, 10.0),
            ..base
        };
        assert_eq!(merge_features(&swapped), merge_features(&base));
    }

    #[test]
    fn features_by_hand() {
        let f = online_features(&PairInputs {
            body: 0.5,
            title: None,
            entity: Some(0.2),
            days_last: 0.0,
            days_first: 0.0,
            size: 0,
            probe_share: 0.25,
        });
        assert_eq!(f, [0.5, 0.0, 0.0, 0.2, 1.0, 1.0, 1.0, 0.0, 0.0, 0.25, 0.5]);
    }

    #[test]
    fn threshold_makes_the_most_right_decisions() {
        // Two articles whose best story is right at 0.8 and 0.6, two with no right story
        // at 0.3 and 0.55: a threshold in (0.55, 0.6] gets all four right.
        let articles = vec![
            vec![(0.8, true), (0.1, false)],
            vec![(0.6, true)],
            vec![(0.3, false)],
            vec![(0.55, false), (0.2, false)],
            vec![],
        ];
        assert_eq!(learn_threshold(&articles), 0.6);
        // Joining is never right: nothing joins.
        let never = vec![vec![(0.9, false)], vec![(0.4, false)]];
        assert!(learn_threshold(&never) > 0.9);
        assert_eq!(learn_threshold(&[]), 0.5);
    }
}
