//! The online story clusterer: a single pass over articles in publication order, in the
//! spirit of Miranda et al. (2018, "Multilingual Clustering of Streaming News").
//!
//! Each article becomes three TF-IDF vectors (body terms, headline terms, named-entity-like
//! terms) with IDF learned incrementally from the documents seen so far. Each live story keeps
//! a centroid per field: the sum of its articles' L2-normalised term-frequency vectors, cut to
//! its `max_centroid_terms` heaviest terms. An article is scored against a story by the
//! weighted mean of the three cosines (IDF applied to the centroid at scoring time), times a
//! time decay on the days since the story's last update; it joins the best story scoring at
//! least the threshold, else it starts a new story.
//!
//! Candidate stories come from an inverted index over the live centroids' body terms, probed
//! with the article's heaviest terms, so an article is only scored against stories that share
//! a salient term with it. Stories with no update for `quiet_days` are archived: their
//! centroids and index entries are dropped, so memory is bounded by the live set (plus the
//! vocabulary), not by the length of the stream.

use chrono::NaiveDate;

use crate::features::{ArticleFeatures, FxMap, SparseVec, TermCounts, TermId, Vocabulary};
use crate::learned::{self, OnlineFeatures};

/// Story id: stories are numbered from 0 in the order they are created.
pub type StoryId = usize;

/// Settings of the online clusterer. The defaults were tuned on the development data
/// (DUC 2003, DUC 2006, MEANTIME; see `docs/parts/stories.md`).
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterConfig {
    /// Minimum score for an article to join an existing story.
    pub threshold: f32,
    /// Weight of the body-term cosine.
    pub body_weight: f32,
    /// Weight of the headline-term cosine (used when both article and story have headlines).
    pub title_weight: f32,
    /// Weight of the named-entity-term cosine (used when the article has such terms).
    pub entity_weight: f32,
    /// Time scale of the decay, in days: the similarity is multiplied by
    /// `floor + (1 - floor) · exp(-Δ / decay_days)`, Δ = days since the story's last update.
    pub decay_days: f32,
    /// Floor of the decay factor, in `[0, 1]`.
    pub decay_floor: f32,
    /// Days without an update after which a story is archived (leaves the live set).
    pub quiet_days: i64,
    /// Terms kept per centroid field.
    pub max_centroid_terms: usize,
    /// Terms kept per article vector.
    pub max_doc_terms: usize,
    /// Heaviest article body terms used to look up candidate stories.
    pub probe_terms: usize,
    /// Candidate stories fully scored per article (the best by overlap on the probe terms).
    pub max_candidates: usize,
    /// Minimum story similarity for the batch consolidation pass to merge two stories
    /// (above 1 turns the pass off).
    pub merge_threshold: f32,
    /// How the consolidation pass scores two stories.
    pub merge_linkage: crate::merge::Linkage,
    /// After consolidation, stories of at most this many articles attach to their most
    /// similar larger story (0 turns this off).
    pub attach_max_articles: usize,
    /// Minimum similarity (same linkage) for a small story to attach.
    pub attach_threshold: f32,
    /// Passes of article-level refinement after consolidation (0 turns it off; see
    /// [`crate::refine`]).
    pub refine_iterations: usize,
    /// How much more similar another story must be for an article to move there.
    pub refine_margin: f32,
    /// Minimum mean cosine to the story an article moves to.
    pub refine_min_similarity: f32,
    /// Refinement scores an article against the stories holding one of its this many heaviest
    /// terms among their `max_centroid_terms` heaviest (and its own story); 0: every story
    /// sharing a term with it.
    pub refine_probe_terms: usize,
    /// Two stories that both hold at least this many articles merge only at
    /// [`Self::merge_large_threshold`] (0 turns this off).
    pub merge_large_articles: usize,
    /// Minimum similarity for two large stories to merge.
    pub merge_large_threshold: f32,
    /// After the merge and refinement, stories of at least this many articles are examined
    /// for a cut into two topics (0 turns this off; see [`crate::split`]).
    pub split_min_articles: usize,
    /// Both parts of a cut hold at least this many articles.
    pub split_min_part: usize,
    /// A cut is kept when the mean cosine between its parts is below this fraction of the
    /// mean cosine within the less cohesive part.
    pub split_max_ratio: f32,
    /// Cuts per story at most (along any chain of parts).
    pub split_max_depth: usize,
    /// A time-separated cut (one part a burst of coverage the other part hardly overlaps in
    /// time) is kept when the content ratio is below this (see [`crate::split`]; at or below
    /// `split_max_ratio` turns the time rule off).
    pub split_time_max_ratio: f32,
    /// Width σ, in days, of the Gaussian on the date difference of two articles (0 turns the
    /// time rule off).
    pub split_time_sigma_days: f32,
    /// Minimum time cohesion (mean kernel over its pairs) of the burst part.
    pub split_time_min_burst: f32,
    /// Maximum time overlap of the parts, as a fraction of the burst part's cohesion.
    pub split_time_max_overlap: f32,
    /// A learned join score (see [`crate::learned`]): when set, an article is scored against
    /// a story by the model's probability and joins at the model's threshold, instead of the
    /// weighted cosines, the decay and [`Self::threshold`].
    pub online_model: Option<crate::learned::OnlineModel>,
    /// A learned merge decision for the consolidation pass (see [`crate::merge::MergeConfig::model`]).
    pub merge_model: Option<crate::learned::MergeModel>,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            threshold: 0.15,
            body_weight: 1.0,
            title_weight: 0.5,
            entity_weight: 0.25,
            decay_days: 60.0,
            decay_floor: 0.85,
            quiet_days: 730,
            max_centroid_terms: 200,
            max_doc_terms: 100,
            probe_terms: 12,
            max_candidates: 40,
            merge_threshold: 0.06,
            merge_linkage: crate::merge::Linkage::Average,
            attach_max_articles: 5,
            attach_threshold: 0.05,
            refine_iterations: 3,
            refine_margin: 0.03,
            refine_min_similarity: 0.05,
            refine_probe_terms: 12,
            merge_large_articles: 15,
            merge_large_threshold: 0.12,
            split_min_articles: 10,
            split_min_part: 3,
            split_max_ratio: 0.5,
            split_max_depth: 4,
            split_time_max_ratio: 0.65,
            split_time_sigma_days: 14.0,
            split_time_min_burst: 0.3,
            split_time_max_overlap: 0.25,
            online_model: None,
            merge_model: None,
        }
    }
}

/// One article as the clusterer sees it.
#[derive(Debug, Clone, Copy)]
pub struct Doc<'a> {
    /// ISO 639-1 language code (unknown codes are analysed as English).
    pub language: &'a str,
    /// Headline, when known.
    pub title: Option<&'a str>,
    /// Body text.
    pub text: &'a str,
    /// Publication date, when known; undated articles are taken to be as recent as the
    /// latest date seen.
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Default)]
struct Centroid {
    /// Summed normalised term frequencies.
    weights: FxMap<TermId, f32>,
    /// Norm of the centroid with IDF applied, and the document count it was computed at.
    norm: f32,
    norm_docs: u64,
}

impl Centroid {
    fn add(&mut self, counts: &[(TermId, u32)]) -> Vec<TermId> {
        let norm = counts
            .iter()
            .map(|&(_, tf)| {
                let w = 1.0 + (tf as f32).ln();
                w * w
            })
            .sum::<f32>()
            .sqrt();
        let mut new_terms = Vec::new();
        if norm == 0.0 {
            return new_terms;
        }
        for &(t, tf) in counts {
            let w = (1.0 + (tf as f32).ln()) / norm;
            match self.weights.get_mut(&t) {
                Some(x) => *x += w,
                None => {
                    self.weights.insert(t, w);
                    new_terms.push(t);
                }
            }
        }
        self.norm_docs = 0;
        new_terms
    }

    /// Keeps the `k` heaviest terms (by weight · idf) once the centroid holds more than `2k`.
    fn trim(&mut self, k: usize, vocab: &Vocabulary) {
        if self.weights.len() <= 2 * k {
            return;
        }
        let mut all: Vec<(TermId, f32, f32)> = self
            .weights
            .iter()
            .map(|(&t, &w)| (t, w, w * vocab.idf(t)))
            .collect();
        all.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        all.truncate(k);
        self.weights = all.into_iter().map(|(t, w, _)| (t, w)).collect();
        self.norm_docs = 0;
    }

    /// Cosine of a unit TF-IDF vector with the centroid (IDF applied at the current counts).
    fn cosine(&mut self, doc: &SparseVec, vocab: &Vocabulary) -> f32 {
        if doc.is_empty() || self.weights.is_empty() {
            return 0.0;
        }
        // Refresh the norm when the centroid changed or the IDF drifted (10% more documents).
        if self.norm_docs == 0 || vocab.docs() > self.norm_docs + self.norm_docs / 10 {
            self.norm = self
                .weights
                .iter()
                .map(|(&t, &w)| {
                    let x = w * vocab.idf(t);
                    x * x
                })
                .sum::<f32>()
                .sqrt();
            self.norm_docs = vocab.docs().max(1);
        }
        if self.norm == 0.0 {
            return 0.0;
        }
        // `doc` weights already carry the term's IDF a second time (see `DocVectors`).
        let dot: f32 = doc
            .iter()
            .filter_map(|&(t, w)| self.weights.get(&t).map(|&c| w * c))
            .sum();
        dot / self.norm
    }
}

#[derive(Debug)]
struct LiveStory {
    body: Centroid,
    title: Centroid,
    entities: Centroid,
    last: Option<NaiveDate>,
    first: Option<NaiveDate>,
    size: u32,
}

/// Counters describing the clusterer's state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClusterStats {
    /// Articles assigned.
    pub articles: u64,
    /// Stories created.
    pub stories: usize,
    /// Stories currently live (not archived).
    pub live: usize,
    /// Stories archived after their quiet period.
    pub archived: usize,
    /// Distinct terms in the vocabulary.
    pub terms: usize,
    /// Entries in the candidate index (live and stale).
    pub index_entries: usize,
}

/// Single-pass story clusterer over a stream of articles in publication order.
#[derive(Debug)]
pub struct OnlineClusterer {
    config: ClusterConfig,
    vocab: Vocabulary,
    /// Live stories by id; archived stories are `None`.
    stories: Vec<Option<LiveStory>>,
    live: usize,
    /// Body term → stories whose body centroid held it when it was added (may be stale).
    index: FxMap<TermId, Vec<u32>>,
    index_entries: usize,
    /// Index size at which stale entries are next dropped.
    compact_at: usize,
    /// Per-story stamp of the last article that looked it up (candidate de-duplication).
    seen: Vec<u64>,
    articles: u64,
    /// Latest publication date seen.
    clock: Option<NaiveDate>,
    /// Date of the last archive sweep.
    swept: Option<NaiveDate>,
    /// When on, the features of every scored (article, story) pair, for training.
    trace: Option<Vec<(StoryId, OnlineFeatures)>>,
}

impl OnlineClusterer {
    /// A clusterer with the given settings.
    pub fn new(config: ClusterConfig) -> Self {
        OnlineClusterer {
            config,
            vocab: Vocabulary::default(),
            stories: Vec::new(),
            live: 0,
            index: FxMap::default(),
            index_entries: 0,
            compact_at: 4096,
            seen: Vec::new(),
            articles: 0,
            clock: None,
            swept: None,
            trace: None,
        }
    }

    /// Starts (or stops) recording the features of every (article, story) pair scored, for
    /// training a join model ([`crate::learned`]); see [`Self::take_trace`].
    pub fn set_trace(&mut self, on: bool) {
        self.trace = on.then(Vec::new);
    }

    /// The pairs recorded since the last call (story and features, in scoring order).
    pub fn take_trace(&mut self) -> Vec<(StoryId, OnlineFeatures)> {
        self.trace.as_mut().map(std::mem::take).unwrap_or_default()
    }

    /// The settings.
    pub fn config(&self) -> &ClusterConfig {
        &self.config
    }

    /// Counters describing the current state.
    pub fn stats(&self) -> ClusterStats {
        ClusterStats {
            articles: self.articles,
            stories: self.stories.len(),
            live: self.live,
            archived: self.stories.len() - self.live,
            terms: self.vocab.len(),
            index_entries: self.index_entries,
        }
    }

    /// Whether a story is live (not archived). Unknown ids are not live.
    pub fn is_live(&self, story: StoryId) -> bool {
        self.stories.get(story).is_some_and(Option::is_some)
    }

    /// Assigns an article to a story (an existing one or a new one) and returns the story id.
    /// The same as [`Self::featurize`] followed by [`Self::add_features`].
    pub fn add(&mut self, doc: Doc<'_>) -> StoryId {
        let features = Self::featurize(&doc);
        self.add_features(&features, doc.date)
    }

    /// The features of an article (tokenising, stop words, stemming, entity-like terms).
    /// Needs no clusterer state, so it can run on other threads (e.g. with rayon) while
    /// [`Self::add_features`] assigns articles one by one in stream order.
    pub fn featurize(doc: &Doc<'_>) -> ArticleFeatures {
        crate::features::featurize(doc.language, doc.title, doc.text)
    }

    /// Assigns an article given its features ([`Self::featurize`]) and publication date;
    /// gives exactly the result [`Self::add`] gives for the same article.
    pub fn add_features(&mut self, features: &ArticleFeatures, date: Option<NaiveDate>) -> StoryId {
        self.articles += 1;
        self.advance_clock(date);
        let date = date.or(self.clock);
        let counts = self.vocab.intern_features(features);
        self.vocab.observe(&counts);
        let best = self.best_story(&counts, date);
        let threshold = match &self.config.online_model {
            Some(m) => m.threshold,
            None => self.config.threshold,
        };
        let id = match best {
            Some((id, score)) if score >= threshold => id,
            _ => self.new_story(),
        };
        self.update(id, &counts, date);
        id
    }

    /// Records that an article joins a given story without changing its content (used for
    /// syndicated copies of an article already assigned): the story's last update moves to
    /// the date. An archived story is not revived.
    pub fn join(&mut self, story: StoryId, date: Option<NaiveDate>) {
        self.articles += 1;
        self.advance_clock(date);
        let date = date.or(self.clock);
        if let Some(Some(s)) = self.stories.get_mut(story) {
            s.last = later(s.last, date);
            s.size += 1;
        }
    }

    /// The score of a story for an article with the given counts (`None` if archived).
    fn score(
        &mut self,
        id: usize,
        doc: &DocVectors,
        probe: &[(TermId, f32)],
        date: Option<NaiveDate>,
    ) -> Option<f32> {
        let cfg = &self.config;
        let s = self.stories.get_mut(id)?.as_mut()?;
        let days = match (date, s.last) {
            (Some(d), Some(l)) => (d - l).num_days().unsigned_abs() as f32,
            _ => 0.0,
        };
        if cfg.online_model.is_some() || self.trace.is_some() {
            let body = s.body.cosine(&doc.body, &self.vocab);
            let title = (!doc.title.is_empty() && !s.title.weights.is_empty())
                .then(|| s.title.cosine(&doc.title, &self.vocab));
            let entity =
                (!doc.entities.is_empty()).then(|| s.entities.cosine(&doc.entities, &self.vocab));
            let days_first = match (date, s.first) {
                (Some(d), Some(f)) => (d - f).num_days().unsigned_abs() as f32,
                _ => 0.0,
            };
            let found = probe
                .iter()
                .filter(|(t, _)| s.body.weights.contains_key(t))
                .count();
            let features = learned::online_features(&learned::PairInputs {
                body,
                title,
                entity,
                days_last: days,
                days_first,
                size: s.size,
                probe_share: found as f32 / probe.len().max(1) as f32,
            });
            if let Some(trace) = self.trace.as_mut() {
                trace.push((id, features));
            }
            if let Some(model) = &cfg.online_model {
                return Some(model.probability(&features));
            }
        }
        let mut num = cfg.body_weight * s.body.cosine(&doc.body, &self.vocab);
        let mut den = cfg.body_weight;
        if !doc.title.is_empty() && !s.title.weights.is_empty() {
            num += cfg.title_weight * s.title.cosine(&doc.title, &self.vocab);
            den += cfg.title_weight;
        }
        if !doc.entities.is_empty() {
            num += cfg.entity_weight * s.entities.cosine(&doc.entities, &self.vocab);
            den += cfg.entity_weight;
        }
        let sim = if den > 0.0 { num / den } else { 0.0 };
        let decay = if cfg.decay_days > 0.0 {
            cfg.decay_floor + (1.0 - cfg.decay_floor) * (-days / cfg.decay_days).exp()
        } else {
            1.0
        };
        Some(sim * decay)
    }

    fn best_story(
        &mut self,
        counts: &TermCounts,
        date: Option<NaiveDate>,
    ) -> Option<(StoryId, f32)> {
        let max = self.config.max_doc_terms;
        let with_idf = |v: SparseVec, vocab: &Vocabulary| -> SparseVec {
            v.into_iter().map(|(t, w)| (t, w * vocab.idf(t))).collect()
        };
        let body = self.vocab.tfidf(&counts.body, max);
        let mut probe: Vec<(TermId, f32)> = body.clone();
        let doc = DocVectors {
            body: with_idf(body, &self.vocab),
            title: with_idf(self.vocab.tfidf(&counts.title, max), &self.vocab),
            entities: with_idf(self.vocab.tfidf(&counts.entities, max), &self.vocab),
        };
        probe.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        probe.truncate(self.config.probe_terms);
        let probe_weights: Vec<(TermId, f32)> = probe
            .iter()
            .map(|&(t, w)| (t, w * self.vocab.idf(t)))
            .collect();
        let stamp = self.articles;
        let mut candidates: Vec<u32> = Vec::new();
        for (t, _) in probe {
            let Some(list) = self.index.get(&t) else {
                continue;
            };
            for &s in list {
                if let Some(seen) = self.seen.get_mut(s as usize)
                    && *seen != stamp
                {
                    *seen = stamp;
                    candidates.push(s);
                }
            }
        }
        // Keep the most promising candidates by their overlap on the probe terms.
        let limit = self.config.max_candidates;
        if candidates.len() > limit {
            let mut partial: Vec<(f32, u32)> = candidates
                .iter()
                .map(|&s| {
                    let score = match self.stories.get(s as usize) {
                        Some(Some(st)) => probe_weights
                            .iter()
                            .filter_map(|&(t, w)| st.body.weights.get(&t).map(|&c| w * c))
                            .sum(),
                        _ => 0.0,
                    };
                    (score, s)
                })
                .collect();
            partial.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            candidates = partial.into_iter().take(limit).map(|(_, s)| s).collect();
        }
        candidates.sort_unstable();
        let mut best: Option<(StoryId, f32)> = None;
        for s in candidates {
            let id = s as usize;
            if let Some(score) = self.score(id, &doc, &probe_weights, date)
                && best.is_none_or(|(_, b)| score > b)
            {
                best = Some((id, score));
            }
        }
        best
    }

    fn new_story(&mut self) -> StoryId {
        self.stories.push(Some(LiveStory {
            body: Centroid::default(),
            title: Centroid::default(),
            entities: Centroid::default(),
            last: None,
            first: None,
            size: 0,
        }));
        self.seen.push(0);
        self.live += 1;
        self.stories.len() - 1
    }

    fn update(&mut self, id: StoryId, counts: &TermCounts, date: Option<NaiveDate>) {
        let k = self.config.max_centroid_terms;
        let Some(Some(s)) = self.stories.get_mut(id) else {
            return;
        };
        s.last = later(s.last, date);
        if s.first.is_none() {
            s.first = date;
        }
        s.size += 1;
        let new_terms = s.body.add(&counts.body);
        s.title.add(&counts.title);
        s.entities.add(&counts.entities);
        s.body.trim(k, &self.vocab);
        s.title.trim(k, &self.vocab);
        s.entities.trim(k, &self.vocab);
        for t in new_terms {
            if s.body.weights.contains_key(&t) {
                self.index.entry(t).or_default().push(id as u32);
                self.index_entries += 1;
            }
        }
        if self.index_entries > self.compact_at {
            self.compact_index();
        }
    }

    fn advance_clock(&mut self, date: Option<NaiveDate>) {
        let Some(d) = date else { return };
        if self.clock.is_none_or(|c| d > c) {
            self.clock = Some(d);
        }
        let Some(now) = self.clock else { return };
        if self.swept == Some(now) {
            return;
        }
        self.swept = Some(now);
        let quiet = self.config.quiet_days;
        let mut archived = false;
        for slot in self.stories.iter_mut() {
            let dormant = slot
                .as_ref()
                .and_then(|s| s.last)
                .is_some_and(|l| (now - l).num_days() > quiet);
            if dormant {
                *slot = None;
                self.live -= 1;
                archived = true;
            }
        }
        if archived {
            self.compact_index();
        }
    }

    /// Drops index entries of archived stories and trimmed terms once they are the majority.
    fn compact_index(&mut self) {
        let live_entries: usize = self
            .stories
            .iter()
            .flatten()
            .map(|s| s.body.weights.len())
            .sum();
        self.compact_at = 2 * live_entries + 4096;
        if self.index_entries <= 2 * live_entries + 1024 {
            return;
        }
        let mut index: FxMap<TermId, Vec<u32>> = FxMap::default();
        for (id, s) in self.stories.iter().enumerate() {
            if let Some(s) = s {
                for &t in s.body.weights.keys() {
                    index.entry(t).or_default().push(id as u32);
                }
            }
        }
        for list in index.values_mut() {
            list.sort_unstable();
        }
        self.index = index;
        self.index_entries = live_entries;
    }
}

/// An article's unit TF-IDF vectors with each weight multiplied by the term's IDF once more,
/// so that a dot product with a raw centroid applies the IDF to the centroid side.
struct DocVectors {
    body: SparseVec,
    title: SparseVec,
    entities: SparseVec,
}

fn later(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2016, 12, d)
    }

    fn doc(text: &str, date: Option<NaiveDate>) -> Doc<'_> {
        Doc {
            language: "en",
            title: None,
            text,
            date,
        }
    }

    const A1: &str = "Syrian troops seized five districts of eastern Aleppo from rebels on Tuesday, the Syrian Observatory for Human Rights said.";
    const A2: &str = "Rebels in eastern Aleppo lost more districts to Syrian troops, the Observatory said, as civilians fled the shelling.";
    const B1: &str = "Apple unveiled a new iPhone in Cupertino, with a faster chip and a better camera, priced from 699 dollars.";
    const B2: &str = "The new iPhone from Apple goes on sale next week; analysts in Cupertino expect strong demand for the camera.";

    #[test]
    fn similar_articles_join_and_different_ones_split() {
        let mut c = OnlineClusterer::new(ClusterConfig::default());
        let a1 = c.add(doc(A1, day(6)));
        let b1 = c.add(doc(B1, day(6)));
        let a2 = c.add(doc(A2, day(7)));
        let b2 = c.add(doc(B2, day(7)));
        assert_eq!(a1, a2);
        assert_eq!(b1, b2);
        assert_ne!(a1, b1);
        assert_eq!(c.stats().stories, 2);
    }

    #[test]
    fn features_made_on_other_threads_give_the_same_stories_as_add() {
        let docs = [
            doc(A1, day(6)),
            doc(B1, day(6)),
            doc(A2, day(7)),
            doc(B2, None),
        ];
        let mut direct = OnlineClusterer::new(ClusterConfig::default());
        let want: Vec<StoryId> = docs.iter().map(|&d| direct.add(d)).collect();
        let features: Vec<ArticleFeatures> = std::thread::scope(|s| {
            let handles: Vec<_> = docs
                .iter()
                .map(|d| s.spawn(move || OnlineClusterer::featurize(d)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("featurize thread"))
                .collect()
        });
        let mut split = OnlineClusterer::new(ClusterConfig::default());
        let got: Vec<StoryId> = features
            .iter()
            .zip(&docs)
            .map(|(f, d)| split.add_features(f, d.date))
            .collect();
        assert_eq!(got, want);
        assert_eq!(got[0], got[2]);
        assert_ne!(got[0], got[1]);
        assert_eq!(split.stats(), direct.stats());
    }

    #[test]
    fn a_join_model_decides_by_probability_and_the_trace_records_the_pairs() {
        let texts = [
            "Syrian troops seized five districts of eastern Aleppo from rebels.",
            "Rebels lost five districts of eastern Aleppo to Syrian troops.",
            "Apple unveiled a new iPhone in Cupertino with a faster chip.",
        ];
        // Probability rises with the body cosine only.
        let mut weights = [0.0; crate::learned::ONLINE_FEATURES];
        weights[0] = 20.0;
        let model = crate::learned::OnlineModel {
            weights,
            bias: -3.0,
            threshold: 0.5,
        };
        let run = |model: Option<crate::learned::OnlineModel>, trace: bool| {
            let mut c = OnlineClusterer::new(ClusterConfig {
                online_model: model,
                ..ClusterConfig::default()
            });
            c.set_trace(trace);
            let mut ids = Vec::new();
            let mut pairs = Vec::new();
            for (k, t) in texts.iter().enumerate() {
                ids.push(c.add(doc(t, day(1 + k as u32))));
                pairs.push(c.take_trace());
            }
            (ids, pairs)
        };
        let (ids, pairs) = run(Some(model), true);
        assert_eq!(ids, vec![0, 0, 1]);
        // The second article was scored against the first story; the third shares no probe
        // term with it.
        assert!(pairs[0].is_empty());
        assert_eq!(pairs[1].len(), 1);
        let (story, f) = pairs[1][0];
        assert_eq!(story, 0);
        assert!(f[0] > 0.15 && model.probability(&f) >= 0.5, "{f:?}");
        assert_eq!(f[8], 2.0f32.ln()); // one article in the story
        assert!(pairs[2].is_empty());
        // An intercept no cosine overcomes: every article starts a story.
        let strict = crate::learned::OnlineModel {
            bias: -30.0,
            ..model
        };
        assert_eq!(run(Some(strict), false).0, vec![0, 1, 2]);
        // Tracing does not change the hand-weighted assignment.
        assert_eq!(run(None, true).0, run(None, false).0);
        assert!(run(None, false).1.iter().all(Vec::is_empty));
    }

    #[test]
    fn deterministic_for_the_same_order() {
        let run = || {
            let mut c = OnlineClusterer::new(ClusterConfig::default());
            [A1, B1, A2, B2, A1, B2]
                .iter()
                .enumerate()
                .map(|(i, t)| c.add(doc(t, day(1 + i as u32))))
                .collect::<Vec<_>>()
        };
        assert_eq!(run(), run());
    }

    #[test]
    fn dormant_stories_are_archived_and_not_joined() {
        let cfg = ClusterConfig {
            quiet_days: 10,
            ..ClusterConfig::default()
        };
        let mut c = OnlineClusterer::new(cfg);
        let first = c.add(doc(A1, day(1)));
        assert!(c.is_live(first));
        let other = c.add(doc(B1, day(20)));
        assert!(!c.is_live(first), "quiet for 19 days > 10");
        assert!(c.is_live(other));
        assert_eq!(c.stats().archived, 1);
        assert_eq!(c.stats().live, 1);
        let again = c.add(doc(A2, day(21)));
        assert_ne!(again, first, "an archived story takes no new articles");
        // The same pair within the quiet period does join.
        let mut c = OnlineClusterer::new(ClusterConfig {
            quiet_days: 30,
            ..ClusterConfig::default()
        });
        let first = c.add(doc(A1, day(1)));
        c.add(doc(B1, day(20)));
        assert_eq!(c.add(doc(A2, day(21))), first);
    }

    #[test]
    fn join_moves_last_update_and_keeps_story_live() {
        let mut c = OnlineClusterer::new(ClusterConfig {
            quiet_days: 10,
            ..ClusterConfig::default()
        });
        let s = c.add(doc(A1, day(1)));
        c.join(s, day(9));
        c.add(doc(B1, day(15)));
        assert!(c.is_live(s), "last update on day 9, quiet for 6 days");
        c.join(999, day(16));
        assert_eq!(c.stats().articles, 4);
    }

    #[test]
    fn empty_and_undated_input_does_not_panic() {
        let mut c = OnlineClusterer::new(ClusterConfig::default());
        let a = c.add(doc("", None));
        let b = c.add(doc("", None));
        assert_ne!(a, b, "empty texts share nothing");
        c.add(doc(A1, None));
        assert_eq!(c.stats().articles, 3);
    }
}
