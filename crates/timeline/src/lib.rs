//! Timeline: picks the dates that matter in a story and each date's best sentences, with
//! their sources.
//!
//! The method follows DATEWISE (Gholipour Ghalandari & Ifrim 2020) — rank dates first, then
//! summarize each date from the sentences about it — with these changes:
//!
//! * **Date ranking without supervision.** A date scores by how many *independent* reports
//!   refer to it: articles published later that look back at it weigh most, same-day reports
//!   less, forward references least; articles published on the date (or the day after) add
//!   to it. A mention sentence that is a syndicated copy of one already counted (through
//!   [`SentenceSources`]) is not counted again.
//! * **Candidates per date** as DATEWISE's PM-Mean collector: sentences whose temporal
//!   expressions resolve to the date, and the leading sentences (without a date of their
//!   own) of articles published on it or the day after. A sentence published *before* the
//!   date it names only announces it, so it is not a candidate for that date
//!   (`Tuning::after_only`); it still counts in the date ranking.
//! * **Per-date selection** as DATEWISE's summarizer: for a date with enough candidates of
//!   both kinds, the candidates are cut at the knee of their similarities to the date's
//!   shared-term centroid (TF-IDF over the story's terms, with the language's analyzer from
//!   `storyline_text`) and chosen greedily so that their sum comes closest to the mean of
//!   the kept ones; smaller dates run the same greedy choice against their own centroid,
//!   without the cut. A word
//!   budget per date, a penalty on sentences carrying a clock time (datelines glued to
//!   leads), and redundancy control across the whole timeline: a sentence too similar to one
//!   already chosen for any date is skipped, none is ever shown twice, and a date left with
//!   nothing new is dropped in favour of the next one.
//! * **A learned date ranker, as an option** (`Tuning::learned_dates`): a logistic model
//!   over the same counts as separate features (see [`DATE_FEATURE_NAMES`]), standardized
//!   within the story, trained on stories with reference timelines ([`DateModel::fit`],
//!   [`date_candidates`]). The shipped [`LEARNED_DATE_MODEL`] is trained on the Crisis
//!   sentence pools and is off by default: on collections of whole articles the
//!   hand-weighted score ranks better.
//! * Options: number of dates (or chosen from the data), sentences per date, a date range,
//!   and query keywords that a shown sentence must contain.
//!
//! Dates come from the timexes the time stage put on each [`storyline_core::Sentence`]
//! (the pipeline runs `storyline_time::annotate` before this stage) and from publication
//! dates; with neither, the timeline is empty. An article without a publication date still
//! contributes its year-less day mentions ("on August 6", `XXXX-08-06`): the year is the last
//! one that puts the day on or before the story's latest publication date, and its
//! references count as looking back from that date.

#![warn(missing_docs)]

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use storyline_core::{Attributed, Corpus, Precision, SentenceRef, Story, TimexType};
use storyline_syndication::SentenceSources;
use storyline_text::Analyzer;

/// Options of a timeline.
#[derive(Debug, Clone, Default)]
pub struct TimelineOptions {
    /// Number of dates; `None` picks it from the data.
    pub dates: Option<usize>,
    /// Sentences per date.
    pub sentences_per_date: usize,
    /// Only dates in this range (inclusive).
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// Keywords to focus the timeline on.
    pub query: Vec<String>,
}

/// One dated entry.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedEntry {
    /// First day of the period.
    pub date: NaiveDate,
    /// Granularity.
    pub precision: Precision,
    /// Best sentences, best first, with their sources.
    pub sentences: Vec<Attributed>,
}

/// The weights and limits of the method. [`Tuning::default`] is what the pipeline uses.
#[derive(Debug, Clone)]
pub struct Tuning {
    /// Weight of reports published after a date that refer back to it.
    pub w_later: f64,
    /// Weight of reports published on the date that mention it.
    pub w_same: f64,
    /// Weight of reports published before the date that mention it (announcements).
    pub w_earlier: f64,
    /// Weight of the number of mention sentences.
    pub w_sentences: f64,
    /// Weight of the articles published on the date or the day after.
    pub w_published: f64,
    /// Leading sentences of an article that count as reports of its publication date.
    pub lead_sentences: usize,
    /// A sentence whose cosine similarity to an already chosen one exceeds this is skipped.
    pub redundancy: f64,
    /// Shortest sentence shown, in words.
    pub min_words: usize,
    /// Longest sentence shown, in words.
    pub max_words: usize,
    /// Boost of a sentence per extra article carrying it (log scale).
    pub w_sources: f64,
    /// Boost of a sentence that names its date explicitly.
    pub w_explicit: f64,
    /// Also offer month-precision entries (for mentions like "in March 2011").
    pub coarse: bool,
    /// Build a date's centroid from the terms its mention and publication candidates share
    /// (DATEWISE's PM-Mean) instead of their weighted sum.
    pub pm_intersection: bool,
    /// Fewest mention and publication candidates for the shared-term centroid; with fewer
    /// the sum is used (the intersection of a handful of sentences is noise).
    pub pm_min: usize,
    /// Weight of the publication candidates in a date's centroid (mentions weigh 1).
    pub w_pub_centroid: f64,
    /// Upper bound on the number of dates when [`TimelineOptions::dates`] is `None`.
    pub max_auto_dates: usize,
    /// Share (0–1) of the references back to a date that are still to come, estimated and
    /// added: a date near the end of the story has had little time to be looked back at.
    /// The delay of looking back is learnt from the story itself (its later references),
    /// and the expected total from its same-day and publication counts.
    pub w_censor: f64,
    /// Sentence length (words) above which a candidate is penalised.
    pub len_target: usize,
    /// Power of the length penalty: a candidate of `n > len_target` words has its score
    /// multiplied by `(len_target / n)^len_power`.
    pub len_power: f64,
    /// A date's later sentences are kept only while their score is at least this share of
    /// its best sentence's (0 keeps up to the asked number).
    pub rel_cut: f64,
    /// Share (0–1) taken off the score of a sentence with a clock time ("Mon Apr 27, 2009
    /// 3:10 am BST"): in news these are mostly datelines glued to the lead by the sentence
    /// splitter, whose extra words are noise in a summary.
    pub w_clock: f64,
    /// Choose a date's sentences greedily for the similarity of their *sum* to the date's
    /// centroid (DATEWISE's centroid optimisation), which favours sentences that add what
    /// the ones already taken lack, instead of by each sentence's own similarity.
    pub greedy: bool,
    /// Never show a question ("What is swine flu?", "Did Mexico over-react?"): a timeline
    /// entry says what happened, and questions in news are teasers and headlines.
    pub skip_questions: bool,
    /// Words allowed per asked sentence (0: no limit): a date's summary stops taking
    /// sentences that would bring it over `sentences_per_date × word_budget` words (its
    /// first sentence is always taken), so long sentences count for more than one.
    pub word_budget: usize,
    /// Order the dates by the learned ranker ([`LEARNED_DATE_MODEL`]) instead of the
    /// hand-weighted score of `w_later`, `w_same`, `w_earlier`, `w_sentences` and
    /// `w_published`.
    pub learned_dates: bool,
    /// The ranker `learned_dates` uses ([`LEARNED_DATE_MODEL`] by default).
    pub date_model: DateModel,
    /// Order in which the chosen dates are summarized (an earlier date keeps a sentence a
    /// later one would repeat): 0 the ranking's, 1 the hand-weighted score's, 2 by date.
    pub summary_order: usize,
    /// Cut a date's candidates at the knee of their similarities to its centroid (only
    /// those above it stay candidates and, with `pool_centroid`, shape the centroid), as
    /// DATEWISE does when a date has both mention and publication candidates (here: at
    /// least `pm_min` of each, so that a handful is never cut): 0 off, 1 the
    /// knee of the sorted similarities, 2 news-tls's own reading of the threshold (the
    /// knee's rank taken in the unsorted list).
    pub knee: usize,
    /// Select a date's sentences by similarity to the mean of its (kept) candidates rather
    /// than to the centroid that ranked them (DATEWISE's summarizer centroid).
    pub pool_centroid: bool,
    /// Summarize a date only from sentences published on or after it.
    pub after_only: bool,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            w_later: 2.0,
            w_same: 0.5,
            w_earlier: 0.25,
            w_sentences: 0.25,
            w_published: 0.5,
            lead_sentences: 6,
            redundancy: 0.5,
            min_words: 5,
            max_words: 60,
            w_sources: 0.0,
            w_explicit: 0.0,
            coarse: true,
            max_auto_dates: 20,
            pm_intersection: true,
            pm_min: 5,
            w_pub_centroid: 0.5,
            w_censor: 1.0,
            len_target: 60,
            len_power: 0.0,
            rel_cut: 0.0,
            w_clock: 0.6,
            greedy: true,
            word_budget: 30,
            skip_questions: true,
            learned_dates: false,
            date_model: LEARNED_DATE_MODEL,
            summary_order: 0,
            knee: 1,
            pool_centroid: true,
            after_only: true,
        }
    }
}

impl Tuning {
    /// Names accepted by [`Tuning::set`].
    pub const NAMES: &'static [&'static str] = &[
        "w_later",
        "w_same",
        "w_earlier",
        "w_sentences",
        "w_published",
        "lead_sentences",
        "redundancy",
        "min_words",
        "max_words",
        "w_sources",
        "w_explicit",
        "coarse",
        "pm_intersection",
        "pm_min",
        "w_pub_centroid",
        "max_auto_dates",
        "w_censor",
        "len_target",
        "len_power",
        "rel_cut",
        "w_clock",
        "greedy",
        "word_budget",
        "skip_questions",
        "learned_dates",
        "summary_order",
        "knee",
        "pool_centroid",
        "after_only",
    ];

    /// Sets one weight by name (counts are rounded down, flags are `value != 0`).
    pub fn set(&mut self, name: &str, value: f64) -> Result<(), String> {
        if !value.is_finite() {
            return Err(format!("{name}: not a finite number"));
        }
        let n = value.max(0.0) as usize;
        match name {
            "w_later" => self.w_later = value,
            "w_same" => self.w_same = value,
            "w_earlier" => self.w_earlier = value,
            "w_sentences" => self.w_sentences = value,
            "w_published" => self.w_published = value,
            "lead_sentences" => self.lead_sentences = n,
            "redundancy" => self.redundancy = value,
            "min_words" => self.min_words = n,
            "max_words" => self.max_words = n,
            "w_sources" => self.w_sources = value,
            "w_explicit" => self.w_explicit = value,
            "coarse" => self.coarse = value != 0.0,
            "pm_intersection" => self.pm_intersection = value != 0.0,
            "pm_min" => self.pm_min = n,
            "w_pub_centroid" => self.w_pub_centroid = value,
            "max_auto_dates" => self.max_auto_dates = n,
            "w_censor" => self.w_censor = value.clamp(0.0, 1.0),
            "len_target" => self.len_target = n,
            "len_power" => self.len_power = value,
            "rel_cut" => self.rel_cut = value,
            "w_clock" => self.w_clock = value.clamp(0.0, 1.0),
            "greedy" => self.greedy = value != 0.0,
            "word_budget" => self.word_budget = n,
            "skip_questions" => self.skip_questions = value != 0.0,
            "learned_dates" => self.learned_dates = value != 0.0,
            "summary_order" => self.summary_order = n.min(2),
            "knee" => self.knee = n.min(2),
            "pool_centroid" => self.pool_centroid = value != 0.0,
            "after_only" => self.after_only = value != 0.0,
            other => return Err(format!("unknown weight {other}")),
        }
        Ok(())
    }

    /// Reads one weight by name (flags as 0 or 1).
    pub fn get(&self, name: &str) -> Option<f64> {
        let b = |x: bool| if x { 1.0 } else { 0.0 };
        Some(match name {
            "w_later" => self.w_later,
            "w_same" => self.w_same,
            "w_earlier" => self.w_earlier,
            "w_sentences" => self.w_sentences,
            "w_published" => self.w_published,
            "lead_sentences" => self.lead_sentences as f64,
            "redundancy" => self.redundancy,
            "min_words" => self.min_words as f64,
            "max_words" => self.max_words as f64,
            "w_sources" => self.w_sources,
            "w_explicit" => self.w_explicit,
            "coarse" => b(self.coarse),
            "pm_intersection" => b(self.pm_intersection),
            "pm_min" => self.pm_min as f64,
            "w_pub_centroid" => self.w_pub_centroid,
            "max_auto_dates" => self.max_auto_dates as f64,
            "w_censor" => self.w_censor,
            "len_target" => self.len_target as f64,
            "len_power" => self.len_power,
            "rel_cut" => self.rel_cut,
            "w_clock" => self.w_clock,
            "greedy" => b(self.greedy),
            "word_budget" => self.word_budget as f64,
            "skip_questions" => b(self.skip_questions),
            "learned_dates" => b(self.learned_dates),
            "summary_order" => self.summary_order as f64,
            "knee" => self.knee as f64,
            "pool_centroid" => b(self.pool_centroid),
            "after_only" => b(self.after_only),
            _ => return None,
        })
    }
}

/// Builds the timeline of a story.
pub fn build(
    corpus: &Corpus,
    story: &Story,
    sources: &SentenceSources,
    options: &TimelineOptions,
) -> Vec<DatedEntry> {
    build_tuned(corpus, story, sources, options, &Tuning::default())
}

/// A candidate date: its first day and precision.
type DateKey = (NaiveDate, Precision);

#[derive(Default)]
struct DateStats {
    later: usize,
    same: usize,
    earlier: usize,
    sentences: usize,
    published: usize,
    docs: HashSet<usize>,
    /// Reports looking back at the date from more than [`FAR_LAG_DAYS`] days later.
    later_far: usize,
    /// Reports naming the date with digits ("January 25", "25/01/2011") rather than
    /// relative words ("Tuesday", "yesterday").
    explicit: HashSet<usize>,
    /// Counted mention sentences that contain a query keyword.
    on_topic_mentions: usize,
    /// Sentences of the articles published on the date or the day after.
    volume: usize,
    /// Those of them that contain a query keyword.
    on_topic_volume: usize,
}

/// A look-back from more than this many days later counts as a far one.
const FAR_LAG_DAYS: usize = 7;

/// Days between a date's last day and a later report looking back at it (at least 1).
fn lag_days(key: DateKey, published: NaiveDate) -> usize {
    (published - period_end(key)).num_days().max(0) as usize
}

struct SentInfo {
    r: SentenceRef,
    vec: Vec<(u32, f32)>,
    eligible: bool,
    on_topic: bool,
    mentions: Vec<DateKey>,
    /// The mentions written with digits.
    explicit: Vec<DateKey>,
    words: usize,
    clock: bool,
}

/// Everything the ranking and the per-date summaries need from a story.
struct Prepared {
    sents: Vec<SentInfo>,
    stats: HashMap<DateKey, DateStats>,
    mention_sents: HashMap<DateKey, Vec<usize>>,
    pub_sents: HashMap<NaiveDate, Vec<usize>>,
    index_of: HashMap<SentenceRef, usize>,
    /// (date, order score, hand-weighted score) of every candidate in range, best first.
    ranked: Vec<(DateKey, f64, f64)>,
}

/// Reads a story's sentences, counts the references to every date and ranks the dates.
fn prepare(
    corpus: &Corpus,
    story: &Story,
    sources: &SentenceSources,
    options: &TimelineOptions,
    tuning: &Tuning,
) -> Option<Prepared> {
    let query: Vec<String> = options
        .query
        .iter()
        .map(|q| q.trim().to_lowercase())
        .filter(|q| !q.is_empty())
        .collect();
    let in_range = |d: NaiveDate| options.range.is_none_or(|(a, b)| a <= d && d <= b);
    // The story's latest publication date: the anchor for undated articles.
    let story_anchor = story
        .articles
        .iter()
        .filter_map(|&a| corpus.articles.get(a).and_then(|x| x.date()))
        .max();

    // Sentences with their terms, mentioned dates and eligibility.
    let mut analyzers: HashMap<String, Analyzer> = HashMap::new();
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut df: Vec<u32> = Vec::new();
    let mut sents: Vec<SentInfo> = Vec::new();
    let mut raw_terms: Vec<Vec<u32>> = Vec::new();
    for &a in &story.articles {
        let (Some(article), Some(list)) = (corpus.articles.get(a), corpus.sentences.get(a)) else {
            continue;
        };
        let lang = article.language.clone().unwrap_or_else(|| "en".to_string());
        let analyzer = analyzers
            .entry(lang.clone())
            .or_insert_with(|| Analyzer::new(&lang));
        for s in list {
            let text = s.text(&article.text);
            let terms = analyzer.terms(text);
            let mut ids: Vec<u32> = terms
                .into_iter()
                .map(|t| {
                    let n = vocab.len() as u32;
                    *vocab.entry(t).or_insert(n)
                })
                .collect();
            let mut uniq = ids.clone();
            uniq.sort_unstable();
            uniq.dedup();
            for &id in &uniq {
                if id as usize >= df.len() {
                    df.resize(id as usize + 1, 0);
                }
                df[id as usize] += 1;
            }
            ids.sort_unstable();
            let words = text.split_whitespace().count();
            let lower = text.to_lowercase();
            let on_topic = query.is_empty() || query.iter().any(|q| lower.contains(q.as_str()));
            let eligible = words >= tuning.min_words
                && words <= tuning.max_words
                && !(tuning.skip_questions && is_question(text))
                && on_topic;
            let mut mentions: Vec<DateKey> = Vec::new();
            let mut explicit: Vec<DateKey> = Vec::new();
            for t in &s.timexes {
                if !matches!(t.kind, TimexType::Date | TimexType::Time) {
                    continue;
                }
                let resolved = match (t.date, t.precision) {
                    (Some(d), Some(p)) => Some((d, p)),
                    // An undated article's "August 6" (`XXXX-08-06`): the year is taken from
                    // the story's latest publication date, as the last such day before it.
                    _ if article.date().is_none() => story_anchor
                        .and_then(|anchor| yearless_day(&t.value, anchor))
                        .map(|d| (d, Precision::Day)),
                    _ => None,
                };
                let Some((d, p)) = resolved else {
                    continue;
                };
                let key = match p {
                    Precision::Day => (d, Precision::Day),
                    Precision::Month if tuning.coarse => (d, Precision::Month),
                    _ => continue,
                };
                if !mentions.contains(&key) {
                    mentions.push(key);
                }
                if t.text.chars().any(|c| c.is_ascii_digit()) && !explicit.contains(&key) {
                    explicit.push(key);
                }
            }
            // A sentence that gives the day of what it reports is about that day: a month
            // it also names ("territory they held in mid-November") is background.
            if mentions.iter().any(|k| k.1 == Precision::Day) {
                mentions.retain(|k| k.1 == Precision::Day);
                explicit.retain(|k| k.1 == Precision::Day);
            }
            raw_terms.push(ids);
            sents.push(SentInfo {
                r: SentenceRef {
                    article: a,
                    sentence: s.index,
                },
                vec: Vec::new(),
                eligible,
                on_topic,
                mentions,
                explicit,
                words,
                clock: s.timexes.iter().any(|t| t.kind == TimexType::Time),
            });
        }
    }
    if sents.is_empty() {
        return None;
    }
    let n_docs = sents.len() as f32;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((1.0 + n_docs) / (1.0 + d as f32)).ln() + 1.0)
        .collect();
    for (info, ids) in sents.iter_mut().zip(&raw_terms) {
        info.vec = tfidf(ids, &idf);
    }
    let index_of: HashMap<SentenceRef, usize> =
        sents.iter().enumerate().map(|(i, s)| (s.r, i)).collect();

    // Date statistics.
    let mut stats: HashMap<DateKey, DateStats> = HashMap::new();
    let mut counted: HashSet<(DateKey, SentenceRef)> = HashSet::new();
    let mut mention_sents: HashMap<DateKey, Vec<usize>> = HashMap::new();
    let mut pub_sents: HashMap<NaiveDate, Vec<usize>> = HashMap::new();
    let mut lags: Vec<usize> = Vec::new();
    for (i, info) in sents.iter().enumerate() {
        let pub_date = corpus.articles.get(info.r.article).and_then(|a| a.date());
        // An undated article of the story is taken as published at the story's latest date
        // for the direction of its references (never for its own publication-date counts).
        let ref_date = pub_date.or(story_anchor);
        for &key in &info.mentions {
            // What a date's summary reports happened on it: a sentence published before the
            // day it names can only announce it ("will travel there on Tuesday"). It still
            // counts below as a reference to the date.
            if !tuning.after_only || pub_date.is_none_or(|p| p >= key.0) {
                mention_sents.entry(key).or_default().push(i);
            }
            let copies = sources.equivalents(info.r);
            if copies.iter().any(|c| counted.contains(&(key, *c))) {
                continue;
            }
            counted.insert((key, info.r));
            let st = stats.entry(key).or_default();
            st.sentences += 1;
            if info.on_topic {
                st.on_topic_mentions += 1;
            }
            if info.explicit.contains(&key) {
                st.explicit.insert(info.r.article);
            }
            if st.docs.insert(info.r.article) {
                match ref_date {
                    Some(p) if period_end(key) < p => {
                        st.later += 1;
                        if key.1 == Precision::Day {
                            let lag = lag_days(key, p);
                            lags.push(lag);
                            if lag > FAR_LAG_DAYS {
                                st.later_far += 1;
                            }
                        }
                    }
                    Some(p) if key.0 > p => st.earlier += 1,
                    _ => st.same += 1,
                }
            }
        }
        if let Some(p) = pub_date {
            for back in 0..2 {
                if let Some(d) = p.checked_sub_days(chrono::Days::new(back)) {
                    let st = stats.entry((d, Precision::Day)).or_default();
                    st.volume += 1;
                    if info.on_topic {
                        st.on_topic_volume += 1;
                    }
                }
            }
        }
        if let Some(p) = pub_date
            && info.mentions.iter().all(|k| k.1 != Precision::Day)
            && info.r.sentence < tuning.lead_sentences
        {
            for back in 0..2 {
                if let Some(d) = p.checked_sub_days(chrono::Days::new(back)) {
                    pub_sents.entry(d).or_default().push(i);
                }
            }
        }
    }
    let mut published: HashMap<NaiveDate, HashSet<usize>> = HashMap::new();
    for &a in &story.articles {
        if let Some(p) = corpus.articles.get(a).and_then(|x| x.date()) {
            for back in 0..2 {
                if let Some(d) = p.checked_sub_days(chrono::Days::new(back)) {
                    published.entry(d).or_default().insert(a);
                }
            }
        }
    }
    for (d, arts) in &published {
        stats.entry((*d, Precision::Day)).or_default().published = arts.len();
    }

    let story_end = story
        .articles
        .iter()
        .filter_map(|&a| corpus.articles.get(a).and_then(|x| x.date()))
        .max();
    let expected_later = ExpectedLater::new(&stats, lags, story_end);
    // (date, order score, hand-weighted score) of every candidate in range.
    let mut ranked: Vec<(DateKey, f64, f64)> = stats
        .iter()
        .filter(|(k, _)| in_range(k.0) && (k.1 == Precision::Day || in_range(period_end(**k))))
        .map(|(k, s)| {
            let later = s.later as f64 + tuning.w_censor * expected_later.missing(*k, s);
            let published = s.published as f64
                + tuning.w_censor * (expected_later.published(*k, s) - s.published as f64);
            let mut score = tuning.w_later * later.ln_1p()
                + tuning.w_same * ln1p(s.same)
                + tuning.w_earlier * ln1p(s.earlier)
                + tuning.w_sentences * ln1p(s.sentences)
                + tuning.w_published * published.ln_1p();
            if k.1 != Precision::Day {
                score *= 0.5;
            }
            (*k, score, score)
        })
        .filter(|(_, _, s)| *s > 0.0)
        .collect();
    if tuning.learned_dates {
        // The learned ranker orders the dates by its probability (periods count half, as
        // in the hand-weighted score); the hand-weighted score still decides how many
        // dates an automatic timeline gets.
        let (z, days) = standardized_features(&mut ranked, &stats);
        for ((entry, z), day) in ranked.iter_mut().zip(&z).zip(&days) {
            let p = tuning.date_model.probability(z);
            entry.1 = if *day { p } else { 0.5 * p };
        }
    }
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    Some(Prepared {
        sents,
        stats,
        mention_sents,
        pub_sents,
        index_of,
        ranked,
    })
}

/// Builds the timeline of a story with explicit weights.
pub fn build_tuned(
    corpus: &Corpus,
    story: &Story,
    sources: &SentenceSources,
    options: &TimelineOptions,
    tuning: &Tuning,
) -> Vec<DatedEntry> {
    let Some(Prepared {
        sents,
        stats,
        mention_sents,
        pub_sents,
        index_of,
        ranked,
    }) = prepare(corpus, story, sources, options, tuning)
    else {
        return Vec::new();
    };
    let mut ranked = ranked;
    let wanted = match options.dates {
        Some(n) => n,
        None => {
            // Reports published the day after a date count for it in the ranking, but a date
            // that nobody names and nobody published on is not an entry of its own.
            let published_on = |d: NaiveDate| {
                story
                    .articles
                    .iter()
                    .any(|&a| corpus.articles.get(a).and_then(|x| x.date()) == Some(d))
            };
            ranked.retain(|(k, _, _)| !stats[k].docs.is_empty() || published_on(k.0));
            let top = ranked.iter().map(|r| r.2).fold(0.0, f64::max);
            ranked
                .iter()
                .filter(|(k, _, s)| {
                    let st = &stats[k];
                    *s >= 0.2 * top && (st.later >= 1 || st.docs.len() >= 2 || st.published >= 2)
                })
                .count()
                .clamp(1, tuning.max_auto_dates.max(1))
        }
    };
    let per_date = options.sentences_per_date.max(1);

    // Summaries with redundancy control across dates: the best `wanted` dates are
    // summarized (in the order `summary_order` asks for), a date left with nothing new is
    // dropped and the next ranked dates fill its place.
    let mut chosen: Vec<usize> = Vec::new();
    let mut entries: Vec<DatedEntry> = Vec::new();
    let mut next = 0;
    while entries.len() < wanted && next < ranked.len() {
        let need = wanted - entries.len();
        let mut batch: Vec<&(DateKey, f64, f64)> = ranked[next..].iter().take(need).collect();
        next += batch.len();
        match tuning.summary_order {
            1 => batch.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0))),
            2 => batch.sort_by_key(|a| a.0),
            _ => {}
        }
        for (key, _, _) in batch {
            let ment = mention_sents.get(key).map(Vec::as_slice).unwrap_or(&[]);
            let pubs: &[usize] = if key.1 == Precision::Day {
                pub_sents.get(&key.0).map(Vec::as_slice).unwrap_or(&[])
            } else {
                &[]
            };
            let picked = summarize_date(&sents, ment, pubs, per_date, &chosen, tuning, sources);
            if picked.is_empty() {
                continue;
            }
            chosen.extend(&picked);
            entries.push(DatedEntry {
                date: key.0,
                precision: key.1,
                sentences: picked
                    .iter()
                    .map(|&i| attributed(sents[i].r, sources, &index_of))
                    .collect(),
            });
        }
    }
    entries.sort_by(|a, b| a.date.cmp(&b.date).then(a.precision.cmp(&b.precision)));
    entries
}

/// Number of features of the learned date ranker.
pub const DATE_FEATURES: usize = 11;

/// Names of the date ranker's features, in order. Counts enter as `ln(1 + n)`; every
/// feature is then standardized over the story's candidate days (mean 0, deviation 1), so
/// that a model learnt on one collection carries over to another of a different size.
pub const DATE_FEATURE_NAMES: [&str; DATE_FEATURES] = [
    // distinct reports published after the date that refer back to it
    "later",
    // distinct reports published on the date that mention it
    "same",
    // distinct reports published before the date that mention it
    "earlier",
    // mention sentences (syndicated copies counted once)
    "sentences",
    // articles published on the date or the day after
    "published",
    // reports looking back from more than a week later
    "later_far",
    // reports naming the date with digits ("January 25") rather than relative words
    "explicit",
    // mention sentences containing a query keyword
    "on_topic_mentions",
    // sentences of the articles published on the date or the day after
    "volume",
    // those of them containing a query keyword
    "on_topic_volume",
    // the date is a Saturday or a Sunday
    "weekend",
];

/// A linear date ranker over the standardized [`DATE_FEATURE_NAMES`]: a logistic model of
/// "this date is in a reference timeline" (fitted with [`Logistic::fit`](storyline_core::logistic::Logistic::fit)).
pub type DateModel = storyline_core::logistic::Logistic<DATE_FEATURES>;

/// The raw (unstandardized) features of one candidate date.
fn date_features(key: DateKey, s: &DateStats) -> [f64; DATE_FEATURES] {
    let weekend = key.1 == Precision::Day
        && matches!(key.0.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
    [
        ln1p(s.later),
        ln1p(s.same),
        ln1p(s.earlier),
        ln1p(s.sentences),
        ln1p(s.published),
        ln1p(s.later_far),
        ln1p(s.explicit.len()),
        ln1p(s.on_topic_mentions),
        ln1p(s.volume),
        ln1p(s.on_topic_volume),
        if weekend { 1.0 } else { 0.0 },
    ]
}

/// Standardizes each feature with the mean and deviation over the rows marked in `fit_on`
/// (a feature constant over them becomes 0).
fn standardize(raw: &[[f64; DATE_FEATURES]], fit_on: &[bool]) -> Vec<[f64; DATE_FEATURES]> {
    let mut mean = [0.0f64; DATE_FEATURES];
    let mut sd = [0.0f64; DATE_FEATURES];
    let n = fit_on.iter().filter(|&&b| b).count();
    if n > 0 {
        for (x, _) in raw.iter().zip(fit_on).filter(|(_, b)| **b) {
            for f in 0..DATE_FEATURES {
                mean[f] += x[f] / n as f64;
            }
        }
        for (x, _) in raw.iter().zip(fit_on).filter(|(_, b)| **b) {
            for f in 0..DATE_FEATURES {
                sd[f] += (x[f] - mean[f]).powi(2) / n as f64;
            }
        }
    }
    raw.iter()
        .map(|x| {
            let mut z = [0.0f64; DATE_FEATURES];
            for f in 0..DATE_FEATURES {
                let d = sd[f].sqrt();
                z[f] = if d > 1e-12 { (x[f] - mean[f]) / d } else { 0.0 };
            }
            z
        })
        .collect()
}

/// A candidate date of a story with the date ranker's standardized features.
#[derive(Debug, Clone, PartialEq)]
pub struct DateCandidate {
    /// First day of the period.
    pub date: NaiveDate,
    /// Granularity.
    pub precision: Precision,
    /// Standardized features, in the order of [`DATE_FEATURE_NAMES`].
    pub features: [f64; DATE_FEATURES],
    /// The hand-weighted score of [`Tuning`]'s `w_*` weights.
    pub hand_score: f64,
}

/// Sorts the ranked dates by date and returns their features standardized within the story,
/// with whether each is a day (the input of [`DateModel`]).
fn standardized_features(
    ranked: &mut [(DateKey, f64, f64)],
    stats: &HashMap<DateKey, DateStats>,
) -> (Vec<[f64; DATE_FEATURES]>, Vec<bool>) {
    ranked.sort_by_key(|a| a.0);
    let raw: Vec<[f64; DATE_FEATURES]> = ranked
        .iter()
        .map(|(k, _, _)| date_features(*k, &stats[k]))
        .collect();
    let days: Vec<bool> = ranked
        .iter()
        .map(|(k, _, _)| k.1 == Precision::Day)
        .collect();
    (standardize(&raw, &days), days)
}

/// Every candidate date of a story in the options' range, in date order, with the features
/// the learned ranker reads: the material to train a [`DateModel`] on stories with known
/// timelines.
pub fn date_candidates(
    corpus: &Corpus,
    story: &Story,
    sources: &SentenceSources,
    options: &TimelineOptions,
    tuning: &Tuning,
) -> Vec<DateCandidate> {
    let Some(prep) = prepare(corpus, story, sources, options, tuning) else {
        return Vec::new();
    };
    let mut ranked = prep.ranked;
    let (z, _) = standardized_features(&mut ranked, &prep.stats);
    ranked
        .iter()
        .zip(z)
        .map(|((k, _, hand), features)| DateCandidate {
            date: k.0,
            precision: k.1,
            features,
            hand_score: *hand,
        })
        .collect()
}

/// The learned date ranker: trained on the Crisis collection (Egypt, Libya, Syria, Yemen;
/// 22 reference timelines) with `cargo run --release -p storyline-eval --example
/// tls_dates -- train` (docs/parts/timeline.md has the command and its output).
pub const LEARNED_DATE_MODEL: DateModel = DateModel {
    bias: -2.326363,
    weights: [
        -0.080799, // later
        0.006010,  // same
        -0.082412, // earlier
        0.288487,  // sentences
        -0.238173, // published
        0.084323,  // later_far
        0.290700,  // explicit
        0.399164,  // on_topic_mentions
        -0.238173, // volume
        0.323728,  // on_topic_volume
        -0.024552, // weekend
    ],
};

/// Fewest look-backs in a story for its delay distribution to be estimated and the
/// censored ones imputed: a handful of reports (the five Aleppo seeds hold 5 look-backs)
/// says nothing about how long a story takes to refer back to its days.
const MIN_CENSOR_LAGS: usize = 10;

/// Right-censoring of the references back to a date: a report can only look back at a
/// date from a later day of the story, so the last days have had little chance to collect
/// them. The delay distribution is the story's own (days between a date and the reports
/// looking back at it); the eventual number is taken as proportional to the date's same-day
/// mentions and publications, with the ratio fitted on the whole story.
struct ExpectedLater {
    /// `cdf[w]`: share of the story's look-back delays of at most `w` days.
    cdf: Vec<f64>,
    /// Eventual later references per same-day mention or publication.
    ratio: f64,
    end: Option<NaiveDate>,
}

impl ExpectedLater {
    fn new(
        stats: &HashMap<DateKey, DateStats>,
        mut lags: Vec<usize>,
        end: Option<NaiveDate>,
    ) -> Self {
        lags.sort_unstable();
        let max = lags.last().copied().unwrap_or(0);
        let n = lags.len().max(1) as f64;
        let cdf: Vec<f64> = (0..=max)
            .map(|w| lags.partition_point(|&l| l <= w) as f64 / n)
            .collect();
        let mut this = ExpectedLater {
            cdf,
            ratio: 0.0,
            end,
        };
        let (mut observed, mut exposure) = (0.0, 0.0);
        for (k, s) in stats {
            if k.1 != Precision::Day {
                continue;
            }
            observed += s.later as f64;
            exposure += this.seen(*k) * (s.same + s.published) as f64;
        }
        if exposure > 0.0 && lags.len() >= MIN_CENSOR_LAGS {
            this.ratio = observed / exposure;
        }
        this
    }

    /// Share of a date's eventual look-backs already published by the story's last day.
    fn seen(&self, key: DateKey) -> f64 {
        let Some(end) = self.end else {
            return 1.0;
        };
        if end <= period_end(key) {
            return 0.0;
        }
        let w = lag_days(key, end);
        self.cdf.get(w).copied().unwrap_or(1.0)
    }

    /// Expected look-backs still to come for a day.
    fn missing(&self, key: DateKey, s: &DateStats) -> f64 {
        if key.1 != Precision::Day {
            return 0.0;
        }
        (1.0 - self.seen(key)) * self.ratio * (s.same as f64 + self.published(key, s))
    }

    /// A day's publication count with the unobserved part of its window imputed: the count
    /// covers the day and the day after, so for the story's last day only half the window
    /// is seen, and the day after is taken to be as busy as the day itself.
    fn published(&self, key: DateKey, s: &DateStats) -> f64 {
        let n = s.published as f64;
        match self.end {
            Some(end) if key.1 == Precision::Day && key.0 >= end => 2.0 * n,
            _ => n,
        }
    }
}

fn attributed(
    r: SentenceRef,
    sources: &SentenceSources,
    _index: &HashMap<SentenceRef, usize>,
) -> Attributed {
    Attributed {
        sentence: r,
        sources: sources.articles(r),
    }
}

/// The last day before or on `anchor` matching a year-less TIMEX3 day value `XXXX-MM-DD`.
fn yearless_day(value: &str, anchor: NaiveDate) -> Option<NaiveDate> {
    let rest = value.strip_prefix("XXXX-")?;
    let (m, d) = rest.split_once('-')?;
    if m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    (0..4)
        .filter_map(|back| NaiveDate::from_ymd_opt(anchor.year() - back, m, d))
        .find(|&day| day <= anchor)
}

fn ln1p(x: usize) -> f64 {
    (x as f64).ln_1p()
}

/// Last day of the period a date key stands for.
fn period_end(key: DateKey) -> NaiveDate {
    let (d, p) = key;
    match p {
        Precision::Day => d,
        Precision::Week => d + chrono::Days::new(6),
        Precision::Month => {
            let (y, m) = if d.month() == 12 {
                (d.year() + 1, 1)
            } else {
                (d.year(), d.month() + 1)
            };
            NaiveDate::from_ymd_opt(y, m, 1)
                .and_then(|x| x.pred_opt())
                .unwrap_or(d)
        }
        Precision::Quarter => d + chrono::Months::new(3) - chrono::Days::new(1),
        Precision::Year => NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d),
    }
}

/// L2-normalised TF-IDF vector of sorted term ids.
fn tfidf(ids: &[u32], idf: &[f32]) -> Vec<(u32, f32)> {
    let mut v: Vec<(u32, f32)> = Vec::new();
    for &id in ids {
        match v.last_mut() {
            Some((last, w)) if *last == id => *w += 1.0,
            _ => v.push((id, 1.0)),
        }
    }
    for (id, w) in &mut v {
        *w *= idf.get(*id as usize).copied().unwrap_or(1.0);
    }
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
    }
    v
}

fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

fn centroid(sents: &[SentInfo], idx: &[usize]) -> BTreeMap<u32, f32> {
    let mut c: BTreeMap<u32, f32> = BTreeMap::new();
    if idx.is_empty() {
        return c;
    }
    let w = 1.0 / idx.len() as f32;
    for &i in idx {
        for &(id, x) in &sents[i].vec {
            *c.entry(id).or_default() += w * x;
        }
    }
    c
}

/// Picks up to `k` sentences for one date: the date's centroid is built from its mention and
/// publication candidates (DATEWISE's PM-Mean: terms in both halves when both exist), and
/// sentences are taken by similarity to it, skipping any too close to one already chosen.
fn summarize_date(
    sents: &[SentInfo],
    ment: &[usize],
    pubs: &[usize],
    k: usize,
    chosen: &[usize],
    tuning: &Tuning,
    sources: &SentenceSources,
) -> Vec<usize> {
    let (shared, sum) = date_centroids(sents, ment, pubs, tuning);
    if let Some(shared) = shared {
        let picked = pick(sents, ment, pubs, k, chosen, tuning, sources, shared, true);
        if !picked.is_empty() {
            return picked;
        }
    }
    pick(sents, ment, pubs, k, chosen, tuning, sources, sum, false)
}

/// A date's centroids: the terms its mention and publication candidates share (DATEWISE's
/// PM-Mean, when `pm_intersection` and both halves have at least `pm_min` sentences) and
/// their weighted sum (the fallback).
#[allow(clippy::type_complexity)]
fn date_centroids(
    sents: &[SentInfo],
    ment: &[usize],
    pubs: &[usize],
    tuning: &Tuning,
) -> (Option<Vec<(u32, f32)>>, Vec<(u32, f32)>) {
    let cm = centroid(sents, ment);
    let cp = centroid(sents, pubs);
    let shared =
        (tuning.pm_intersection && ment.len() >= tuning.pm_min && pubs.len() >= tuning.pm_min)
            .then(|| {
                cm.iter()
                    .filter_map(|(id, a)| cp.get(id).map(|b| (*id, a + b)))
                    .collect()
            });
    let mut sum = cm;
    for (id, b) in cp {
        *sum.entry(id).or_default() += tuning.w_pub_centroid as f32 * b;
    }
    (shared, sum.into_iter().collect())
}

/// A sentence that ends in a question mark (before closing quotes and brackets, CoreNLP's
/// `''` and `-RRB-` included).
fn is_question(text: &str) -> bool {
    let mut t = text;
    loop {
        let next = t
            .trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
            })
            .trim_end_matches("-RRB-");
        if next.len() == t.len() {
            return t.ends_with(['?', '？']);
        }
        t = next;
    }
}

/// `(len_target / words)^len_power` for sentences longer than the target, else 1.
fn length_penalty(words: usize, tuning: &Tuning) -> f64 {
    if tuning.len_power <= 0.0 || words <= tuning.len_target || words == 0 {
        return 1.0;
    }
    (tuning.len_target.max(1) as f64 / words as f64).powf(tuning.len_power)
}

/// Takes up to `k` eligible candidates by similarity to the centroid `combined`, skipping
/// any too close to a sentence already chosen.
#[allow(clippy::too_many_arguments)]
fn pick(
    sents: &[SentInfo],
    ment: &[usize],
    pubs: &[usize],
    k: usize,
    chosen: &[usize],
    tuning: &Tuning,
    sources: &SentenceSources,
    combined: Vec<(u32, f32)>,
    shared: bool,
) -> Vec<usize> {
    let (cands, c) = scored_candidates(sents, ment, pubs, tuning, sources, combined, shared);
    if c.is_empty() {
        return Vec::new();
    }
    // A sentence is never shown twice (on two dates, or as a copy of one already shown),
    // whatever `redundancy` allows.
    let limit = (tuning.redundancy as f32).min(DUPLICATE_COSINE);
    let redundant = |i: usize, picked: &[usize]| {
        chosen
            .iter()
            .chain(picked.iter())
            .any(|&j| i == j || dot(&sents[i].vec, &sents[j].vec) > limit)
    };
    let budget = word_budget(k, tuning);
    let fits = |i: usize, picked: &[usize]| {
        let used: usize = picked.iter().map(|&j| sents[j].words).sum();
        picked.is_empty() || used + sents[i].words <= budget
    };
    let mut picked: Vec<usize> = Vec::new();
    if !tuning.greedy {
        for (i, _) in cands {
            if picked.len() >= k {
                break;
            }
            if fits(i, &picked) && !redundant(i, &picked) {
                picked.push(i);
            }
        }
        return picked;
    }
    // Centroid optimisation: each step adds the candidate whose addition brings the summed
    // summary closest to the centroid, scaled by the candidate's own boosts.
    let mut cands = cands;
    cands.truncate(GREEDY_POOL);
    let mut sum: BTreeMap<u32, f32> = BTreeMap::new();
    let (mut sum_sq, mut sum_dot) = (0.0f32, 0.0f32);
    while picked.len() < k {
        let mut top: Option<(usize, f32)> = None;
        for (pos, &(i, score)) in cands.iter().enumerate() {
            if !fits(i, &picked) || redundant(i, &picked) {
                continue;
            }
            let own = dot(&sents[i].vec, &c);
            if own <= 0.0 {
                continue;
            }
            let boost = score / own;
            let gain = summed_cosine(&sum, sum_sq, sum_dot, &sents[i].vec, &c) * boost;
            if top.is_none_or(|(_, g)| gain > g) {
                top = Some((pos, gain));
            }
        }
        let Some((pos, _)) = top else {
            break;
        };
        let (i, _) = cands.remove(pos);
        for &(id, w) in &sents[i].vec {
            *sum.entry(id).or_default() += w;
        }
        // Recomputed in term order, so that the choice does not depend on hashing.
        sum_sq = sum.values().map(|w| w * w).sum();
        sum_dot = c
            .iter()
            .map(|(id, w)| w * sum.get(id).copied().unwrap_or(0.0))
            .sum();
        picked.push(i);
    }
    picked
}

/// Cosine above which two sentences are the same report (the same words, e.g. two copies
/// of one wire sentence): never both shown.
const DUPLICATE_COSINE: f32 = 0.99;

/// Words a date's summary of `k` sentences may hold (`usize::MAX`: no limit).
fn word_budget(k: usize, tuning: &Tuning) -> usize {
    if tuning.word_budget == 0 {
        usize::MAX
    } else {
        k.saturating_mul(tuning.word_budget)
    }
}

/// A date's eligible candidates scored by similarity to the centroid `combined` with their
/// boosts, best first, cut at `rel_cut` of the best; and the unit centroid (empty when it
/// has no weight). With `shared` (`combined` is the shared-term centroid), the candidates
/// are first cut at the knee and the centroid becomes their mean, as `knee` and
/// `pool_centroid` ask.
#[allow(clippy::type_complexity)]
fn scored_candidates(
    sents: &[SentInfo],
    ment: &[usize],
    pubs: &[usize],
    tuning: &Tuning,
    sources: &SentenceSources,
    combined: Vec<(u32, f32)>,
    shared: bool,
) -> (Vec<(usize, f32)>, Vec<(u32, f32)>) {
    let norm = combined.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm == 0.0 {
        return (Vec::new(), Vec::new());
    }
    let c: Vec<(u32, f32)> = combined.into_iter().map(|(i, w)| (i, w / norm)).collect();
    let mentioned: HashSet<usize> = ment.iter().copied().collect();
    let mut pool: Vec<usize> = Vec::with_capacity(ment.len() + pubs.len());
    let mut seen: HashSet<usize> = HashSet::new();
    for &i in ment.iter().chain(pubs.iter()) {
        if seen.insert(i) {
            pool.push(i);
        }
    }
    // The knee and the pool's centroid only for a date large enough for the shared-term
    // centroid (`pm_min` candidates on both sides): the knee of a handful of similarities
    // is noise.
    if shared && tuning.knee > 0 && !ment.is_empty() && !pubs.is_empty() {
        let sims: Vec<f32> = pool.iter().map(|&i| dot(&sents[i].vec, &c)).collect();
        let thresh = knee_threshold(&sims, tuning.knee == 2);
        let kept: Vec<usize> = pool
            .iter()
            .zip(&sims)
            .filter(|&(_, &x)| x > 0.0 && x > thresh)
            .map(|(&i, _)| i)
            .collect();
        // A cut that leaves nothing to show keeps the whole pool.
        if kept.iter().any(|&i| sents[i].eligible) {
            pool = kept;
        }
    }
    let c = if shared && tuning.pool_centroid {
        let mut sum: BTreeMap<u32, f32> = BTreeMap::new();
        for &i in &pool {
            for &(id, x) in &sents[i].vec {
                *sum.entry(id).or_default() += x;
            }
        }
        let norm = sum.values().map(|w| w * w).sum::<f32>().sqrt();
        if norm == 0.0 {
            return (Vec::new(), Vec::new());
        }
        sum.into_iter().map(|(i, w)| (i, w / norm)).collect()
    } else {
        c
    };
    let mut cands: Vec<(usize, f32)> = pool
        .into_iter()
        .filter(|&i| sents[i].eligible)
        .map(|i| {
            let n_src = 1 + sources.equivalents(sents[i].r).len();
            let mut s =
                dot(&sents[i].vec, &c) * (1.0 + tuning.w_sources as f32 * (n_src as f32).ln());
            if mentioned.contains(&i) {
                s *= 1.0 + tuning.w_explicit as f32;
            }
            s *= length_penalty(sents[i].words, tuning) as f32;
            if sents[i].clock {
                s *= 1.0 - tuning.w_clock as f32;
            }
            (i, s)
        })
        .filter(|(_, s)| *s > 0.0)
        .collect();
    cands.sort_by(|a, b| b.1.total_cmp(&a.1).then(sents[a.0].r.cmp(&sents[b.0].r)));
    let best = cands.first().map_or(0.0, |c| c.1);
    let cands: Vec<(usize, f32)> = cands
        .into_iter()
        .take_while(|&(_, score)| score >= tuning.rel_cut as f32 * best)
        .collect();
    (cands, c)
}

/// The similarity above which a date's candidates are kept: the value at the knee of the
/// similarities sorted from best to worst (the point farthest from the line joining the
/// first and the last). With `literal`, the knee's rank is read in the unsorted list, as
/// news-tls's DATEWISE does.
fn knee_threshold(sims: &[f32], literal: bool) -> f32 {
    let mut sorted: Vec<f32> = sims.to_vec();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let n = sorted.len();
    if n == 0 {
        return 0.0;
    }
    let (x1, y1) = ((n - 1) as f64, sorted[n - 1] as f64 - sorted[0] as f64);
    let len = (x1 * x1 + y1 * y1).sqrt();
    let mut best = (0usize, f64::MIN);
    if len > 0.0 {
        for (i, &v) in sorted.iter().enumerate() {
            let (x, y) = (i as f64, v as f64 - sorted[0] as f64);
            // Distance to the line through the first and the last point.
            let d = (x * y1 - y * x1).abs() / len;
            if d > best.1 {
                best = (i, d);
            }
        }
    }
    if literal {
        sims[best.0]
    } else {
        sorted[best.0]
    }
}

/// Candidates (best first) that the centroid optimisation considers.
const GREEDY_POOL: usize = 50;

/// Cosine between `sum + add` and the unit vector `c`, given `sum`'s squared norm and its
/// dot product with `c`.
fn summed_cosine(
    sum: &BTreeMap<u32, f32>,
    sum_sq: f32,
    sum_dot: f32,
    add: &[(u32, f32)],
    c: &[(u32, f32)],
) -> f32 {
    let mut norm_sq = sum_sq;
    for &(id, a) in add {
        norm_sq += a * (2.0 * sum.get(&id).copied().unwrap_or(0.0) + a);
    }
    if norm_sq <= 0.0 {
        return 0.0;
    }
    (sum_dot + dot(add, c)) / norm_sq.sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_core::{Article, DateSource, Published, Sentence, Timex};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    type Line = (&'static str, Option<(&'static str, NaiveDate)>);

    /// A corpus from (publication date, sentences with hand-made day timexes).
    fn corpus(docs: &[(NaiveDate, Vec<Line>)]) -> (Corpus, Story) {
        let mut c = Corpus::default();
        for (ai, (pub_date, lines)) in docs.iter().enumerate() {
            let text = lines.iter().map(|l| l.0).collect::<Vec<_>>().join("\n");
            let mut a = Article::new(format!("a{ai}"), text.clone());
            a.language = Some("en".into());
            a.published = Some(Published {
                date: *pub_date,
                source: DateSource::Metadata,
                confidence: 1.0,
            });
            let mut sents = Vec::new();
            let mut pos = 0;
            for (si, (line, tx)) in lines.iter().enumerate() {
                let start = pos;
                let end = start + line.len();
                pos = end + 1;
                let timexes = tx
                    .map(|(w, d)| {
                        let off = line.find(w).unwrap_or(0);
                        vec![Timex {
                            start: start + off,
                            end: start + off + w.len(),
                            text: w.to_string(),
                            kind: TimexType::Date,
                            value: d.format("%Y-%m-%d").to_string(),
                            modifier: None,
                            date: Some(d),
                            precision: Some(Precision::Day),
                            rule: "test".into(),
                        }]
                    })
                    .unwrap_or_default();
                sents.push(Sentence {
                    article: ai,
                    index: si,
                    start,
                    end,
                    paragraph: si,
                    timexes,
                });
            }
            c.articles.push(a);
            c.sentences.push(sents);
        }
        let story = Story {
            id: 0,
            articles: (0..c.articles.len()).collect(),
            events: Vec::new(),
        };
        (c, story)
    }

    fn opts(dates: usize) -> TimelineOptions {
        TimelineOptions {
            dates: Some(dates),
            sentences_per_date: 1,
            range: None,
            query: Vec::new(),
        }
    }

    #[test]
    fn automatic_dates_need_a_mention_or_a_report_of_that_day() {
        // Two reports of a vote, both published on 15 April, neither naming a day: the
        // ranking counts them for the 14th too (news of the day before), but the 14th is
        // not an entry of its own.
        let (c, story) = corpus(&[
            (
                day(2025, 4, 15),
                vec![
                    (
                        "The city council approved the tram line after a long debate .",
                        None,
                    ),
                    (
                        "The line will cost about 410 million crowns to build .",
                        None,
                    ),
                ],
            ),
            (
                day(2025, 4, 15),
                vec![(
                    "The council backed the tram line by 31 votes to 12 in a late vote .",
                    None,
                )],
            ),
        ]);
        let src = SentenceSources::build(&c);
        let auto = TimelineOptions {
            dates: None,
            ..opts(0)
        };
        let tl = build(&c, &story, &src, &auto);
        let days: Vec<NaiveDate> = tl.iter().map(|e| e.date).collect();
        assert_eq!(days, vec![day(2025, 4, 15)]);
    }

    #[test]
    fn a_sentence_with_a_day_is_not_an_entry_of_the_month_it_also_names() {
        let (mut c, story) = corpus(&[(
            day(2016, 12, 7),
            vec![
                (
                    "The army seized key ground on Tuesday , taking most of the territory the rebels held in mid-November .",
                    Some(("Tuesday", day(2016, 12, 6))),
                ),
                (
                    "Troops took the Shaar district on Tuesday after a night of heavy fighting .",
                    Some(("Tuesday", day(2016, 12, 6))),
                ),
            ],
        )]);
        let first = &mut c.sentences[0][0];
        let text = &c.articles[0].text;
        let at = text.find("mid-November").unwrap();
        first.timexes.push(Timex {
            start: at,
            end: at + "mid-November".len(),
            text: "mid-November".into(),
            kind: TimexType::Date,
            value: "2016-11".into(),
            modifier: Some("MID".into()),
            date: Some(day(2016, 11, 1)),
            precision: Some(Precision::Month),
            rule: "test".into(),
        });
        let src = SentenceSources::build(&c);
        let tl = build(&c, &story, &src, &opts(3));
        assert!(
            tl.iter().all(|e| e.precision == Precision::Day),
            "{:?}",
            tl.iter().map(|e| (e.date, e.precision)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn questions_are_recognised_through_closing_quotes() {
        for q in [
            "What is swine flu ?",
            "Did Mexico over-react on swine flu?",
            "He asked: “Why now?”",
            "`` Is it over ? ''",
            "(Who knew?)",
            "Who knew ? -RRB-",
            "¿Qué pasó?",
        ] {
            assert!(is_question(q), "{q}");
        }
        for s in [
            "\"Why now?\" he asked.",
            "The quake struck on Tuesday.",
            "",
            "Really?!",
        ] {
            assert!(!is_question(s), "{s}");
        }
    }

    #[test]
    fn yearless_days_take_the_last_year_up_to_the_anchor() {
        let anchor = day(2016, 12, 7);
        assert_eq!(yearless_day("XXXX-08-06", anchor), Some(day(2016, 8, 6)));
        assert_eq!(yearless_day("XXXX-12-08", anchor), Some(day(2015, 12, 8)));
        assert_eq!(yearless_day("XXXX-02-29", anchor), Some(day(2016, 2, 29)));
        assert_eq!(yearless_day("XXXX-08", anchor), None);
        assert_eq!(yearless_day("2016-08-06", anchor), None);
        assert_eq!(yearless_day("XXXX-13-01", anchor), None);
    }

    /// Four outlets reporting on the battle for Aleppo, dates as the tagger resolves them.
    fn aleppo() -> (Corpus, Story) {
        let d5 = day(2016, 12, 5);
        let d6 = day(2016, 12, 6);
        let d7 = day(2016, 12, 7);
        let ramussa = day(2016, 8, 6);
        let docs: Vec<(NaiveDate, Vec<Line>)> = vec![
            (
                d6,
                vec![
                    (
                        "Syrian troops captured the Shaar district of east Aleppo on Tuesday after heavy fighting .",
                        Some(("Tuesday", d6)),
                    ),
                    (
                        "Russia and China vetoed a Security Council resolution calling for a truce in Aleppo on Monday .",
                        Some(("Monday", d5)),
                    ),
                    (
                        "Rebels broke the siege by seizing Ramussa in southern Aleppo on August 6 .",
                        Some(("August 6", ramussa)),
                    ),
                ],
            ),
            (
                d7,
                vec![
                    (
                        "Government forces took the Shaar district on Tuesday , a monitor said .",
                        Some(("Tuesday", d6)),
                    ),
                    (
                        "On Monday Russia and China blocked a Security Council truce resolution for Aleppo .",
                        Some(("Monday", d5)),
                    ),
                    (
                        "The army now holds most of the former rebel east of Aleppo city .",
                        None,
                    ),
                ],
            ),
            (
                d7,
                vec![
                    (
                        "The Shaar district of Aleppo fell to the army on Tuesday , residents said .",
                        Some(("Tuesday", d6)),
                    ),
                    (
                        "Rebel fighters had seized Ramussa on August 6 to open a route into the east .",
                        Some(("August 6", ramussa)),
                    ),
                ],
            ),
        ];
        corpus(&docs)
    }

    #[test]
    fn aleppo_dates_from_hand_made_timexes() {
        let (d5, d6, ramussa) = (day(2016, 12, 5), day(2016, 12, 6), day(2016, 8, 6));
        let (c, story) = aleppo();
        let tl = build(&c, &story, &SentenceSources::default(), &opts(3));
        let dates: Vec<NaiveDate> = tl.iter().map(|e| e.date).collect();
        assert_eq!(dates, vec![ramussa, d5, d6]);
        let text_of = |d: NaiveDate| {
            let e = tl.iter().find(|e| e.date == d).expect("entry");
            c.sentence_text(e.sentences[0].sentence).to_string()
        };
        assert!(text_of(d6).contains("Shaar"));
        assert!(text_of(d5).contains("Security Council"));
        assert!(text_of(ramussa).contains("Ramussa"));
        assert!(tl.iter().all(|e| e.precision == Precision::Day));
    }

    #[test]
    fn date_model_fit_learns_the_direction_of_each_feature() {
        // Label 1 when feature 0 minus feature 1 is large, with overlap (not separable).
        let mut examples = Vec::new();
        for i in 0..40 {
            for j in 0..5 {
                let a = (i % 8) as f64 - 3.5;
                let b = (j as f64 - 2.0) * 0.7;
                let mut x = [0.0; DATE_FEATURES];
                x[0] = a;
                x[1] = b;
                x[2] = ((i * 7 + j * 3) % 5) as f64 - 2.0;
                let y = a - b + if (i + j) % 3 == 0 { 2.5 } else { -0.5 } > 0.0;
                examples.push((x, y, 1.0));
            }
        }
        let m = DateModel::fit(&examples, 1.0);
        assert!(m.weights[0] > 0.5, "{m:?}");
        assert!(m.weights[1] < -0.5, "{m:?}");
        assert!(m.weights[2].abs() < m.weights[0].abs());
        // Features that are always 0 get no weight; the fit is deterministic.
        assert!(m.weights[3..].iter().all(|w| *w == 0.0));
        assert_eq!(m, DateModel::fit(&examples, 1.0));
        let hi = m.probability(&[3.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        let lo = m.probability(&[-3.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        assert!(hi > 0.8 && lo < 0.2, "{hi} {lo}");
        // A stronger penalty shrinks the weights.
        let shrunk = DateModel::fit(&examples, 100.0);
        assert!(shrunk.weights[0].abs() < m.weights[0].abs());
        // No examples: the zero model.
        assert_eq!(
            DateModel::fit(&[], 1.0),
            DateModel {
                bias: 0.0,
                weights: [0.0; DATE_FEATURES]
            }
        );
    }

    #[test]
    fn features_are_standardized_over_the_days() {
        let mut raw = vec![[0.0; DATE_FEATURES]; 3];
        raw[0][0] = 1.0;
        raw[1][0] = 3.0;
        raw[2][0] = 100.0; // a month candidate: not part of the fit
        for r in &mut raw {
            r[1] = 7.0; // constant
        }
        let z = standardize(&raw, &[true, true, false]);
        assert!((z[0][0] + 1.0).abs() < 1e-12 && (z[1][0] - 1.0).abs() < 1e-12);
        assert!((z[2][0] - 98.0).abs() < 1e-12);
        assert!(z.iter().all(|r| r[1] == 0.0));
        assert!(standardize(&[], &[]).is_empty());
    }

    #[test]
    fn learned_ranker_orders_dates_by_its_model() {
        // The Aleppo stories: by report counts Tuesday (Shaar) comes first; a model that
        // only values dates written with digits puts "August 6" (Ramussa) first.
        let (c, story) = aleppo();
        let hand = build(&c, &story, &SentenceSources::default(), &opts(1));
        assert_eq!(hand.len(), 1);
        assert_eq!(hand[0].date, day(2016, 12, 6));
        let explicit = DATE_FEATURE_NAMES
            .iter()
            .position(|n| *n == "explicit")
            .expect("feature");
        let mut weights = [0.0; DATE_FEATURES];
        weights[explicit] = 1.0;
        let t = Tuning {
            learned_dates: true,
            date_model: DateModel { bias: 0.0, weights },
            ..Tuning::default()
        };
        let tl = build_tuned(&c, &story, &SentenceSources::default(), &opts(1), &t);
        assert_eq!(tl.len(), 1);
        assert_eq!(tl[0].date, day(2016, 8, 6));
        // The candidates carry standardized features and the hand score, in date order.
        let cands = date_candidates(&c, &story, &SentenceSources::default(), &opts(3), &t);
        assert!(cands.windows(2).all(|w| w[0].date <= w[1].date));
        let ramussa = cands
            .iter()
            .find(|x| x.date == day(2016, 8, 6))
            .expect("Ramussa");
        assert!(ramussa.features[explicit] > 0.0);
        assert!(cands.iter().all(|x| x.hand_score > 0.0));
        let mean: f64 =
            cands.iter().map(|x| x.features[explicit]).sum::<f64>() / cands.len() as f64;
        assert!(mean.abs() < 1e-9);
        // Every summary order gives the same dates when no sentence is contested.
        for order in [1, 2] {
            let t = Tuning {
                summary_order: order,
                ..Tuning::default()
            };
            let tl = build_tuned(&c, &story, &SentenceSources::default(), &opts(3), &t);
            let dates: Vec<NaiveDate> = tl.iter().map(|e| e.date).collect();
            assert_eq!(
                dates,
                vec![day(2016, 8, 6), day(2016, 12, 5), day(2016, 12, 6)]
            );
        }
    }

    #[test]
    fn query_range_and_redundancy() {
        let d1 = day(2011, 1, 25);
        let d2 = day(2011, 1, 28);
        let docs: Vec<(NaiveDate, Vec<Line>)> = vec![
            (
                d2,
                vec![
                    (
                        "Protesters filled the streets of Cairo on Tuesday demanding change .",
                        Some(("Tuesday", d1)),
                    ),
                    (
                        "Crowds filled the streets of Cairo on Friday demanding change again .",
                        Some(("Friday", d2)),
                    ),
                    (
                        "The party headquarters in Cairo was set ablaze on Friday night .",
                        Some(("Friday", d2)),
                    ),
                ],
            ),
            (
                d2,
                vec![
                    (
                        "Protesters filled the streets of Cairo on Tuesday demanding change .",
                        Some(("Tuesday", d1)),
                    ),
                    (
                        "The football league resumed on Friday with three matches played .",
                        Some(("Friday", d2)),
                    ),
                ],
            ),
            (
                day(2011, 1, 30),
                vec![(
                    "Police fired tear gas at Cairo protesters on January 25 , witnesses said .",
                    Some(("January 25", d1)),
                )],
            ),
        ];
        let (c, story) = corpus(&docs);
        let mut o = opts(2);
        o.query = vec!["cairo".into()];
        let tl = build(&c, &story, &SentenceSources::default(), &o);
        assert_eq!(tl.len(), 2);
        for e in &tl {
            assert!(c.sentence_text(e.sentences[0].sentence).contains("Cairo"));
        }
        // The two entries must not repeat the same wording.
        let repeats = tl
            .iter()
            .filter(|e| {
                c.sentence_text(e.sentences[0].sentence)
                    .contains("filled the streets")
            })
            .count();
        assert!(repeats <= 1);
        o.range = Some((d2, d2));
        let tl = build(&c, &story, &SentenceSources::default(), &o);
        assert!(tl.iter().all(|e| e.date == d2));
    }

    #[test]
    fn empty_story_gives_empty_timeline() {
        let c = Corpus::default();
        let story = Story {
            id: 0,
            articles: vec![0, 5],
            events: Vec::new(),
        };
        assert!(build(&c, &story, &SentenceSources::default(), &opts(3)).is_empty());
    }

    #[test]
    fn month_periods_end_on_the_last_day() {
        assert_eq!(
            period_end((day(2016, 12, 1), Precision::Month)),
            day(2016, 12, 31)
        );
        assert_eq!(
            period_end((day(2016, 2, 1), Precision::Month)),
            day(2016, 2, 29)
        );
        assert_eq!(
            period_end((day(2016, 1, 1), Precision::Year)),
            day(2016, 12, 31)
        );
    }

    #[test]
    fn tuning_set_and_get_every_name() {
        let mut t = Tuning::default();
        for (i, name) in Tuning::NAMES.iter().enumerate() {
            let v = if matches!(
                *name,
                "coarse"
                    | "pm_intersection"
                    | "greedy"
                    | "skip_questions"
                    | "learned_dates"
                    | "pool_centroid"
                    | "after_only"
            ) {
                1.0
            } else if matches!(*name, "w_censor" | "w_clock") {
                0.5
            } else if matches!(*name, "summary_order" | "knee") {
                2.0
            } else {
                (i + 2) as f64
            };
            t.set(name, v).expect("known name");
            assert_eq!(t.get(name), Some(v), "{name}");
        }
        assert!(t.set("nonsense", 1.0).is_err());
        assert!(t.set("w_later", f64::NAN).is_err());
        t.set("w_censor", 3.0).expect("clamped");
        assert_eq!(t.get("w_censor"), Some(1.0));
        assert_eq!(t.get("nonsense"), None);
    }

    #[test]
    fn length_penalty_only_above_the_target() {
        let t = Tuning {
            len_target: 20,
            len_power: 1.0,
            ..Tuning::default()
        };
        assert_eq!(length_penalty(12, &t), 1.0);
        assert_eq!(length_penalty(20, &t), 1.0);
        assert!((length_penalty(40, &t) - 0.5).abs() < 1e-12);
        let off = Tuning::default();
        assert_eq!(length_penalty(200, &off), 1.0);
    }

    #[test]
    fn censored_look_backs_are_expected_for_the_last_days() {
        let key = |d: NaiveDate| (d, Precision::Day);
        let mut stats: HashMap<DateKey, DateStats> = HashMap::new();
        // An early day looked back at 1, 1, 2 and 4 days later; same-day and publication
        // counts: 2 + 2.
        stats.insert(
            key(day(2020, 1, 1)),
            DateStats {
                later: 4,
                same: 2,
                published: 2,
                ..DateStats::default()
            },
        );
        // The story's last day: nobody could look back yet.
        stats.insert(
            key(day(2020, 1, 10)),
            DateStats {
                same: 3,
                published: 5,
                ..DateStats::default()
            },
        );
        let lags = [[1, 1, 2, 4]; 3].concat();
        let e = ExpectedLater::new(&stats, lags, Some(day(2020, 1, 10)));
        assert_eq!(e.seen(key(day(2020, 1, 1))), 1.0);
        assert_eq!(e.seen(key(day(2020, 1, 10))), 0.0);
        assert!((e.seen(key(day(2020, 1, 9))) - 0.5).abs() < 1e-12);
        // 4 look-backs for 4 same-day/publication reports fully seen: ratio 1.
        assert!((e.ratio - 1.0).abs() < 1e-12);
        let last = &stats[&key(day(2020, 1, 10))];
        // The last day's publication window (the day and the day after) is half seen: its 5
        // publications count as 10, and the look-backs to come follow 3 + 10 reports.
        assert_eq!(e.published(key(day(2020, 1, 10)), last), 10.0);
        assert!((e.missing(key(day(2020, 1, 10)), last) - 13.0).abs() < 1e-12);
        assert_eq!(
            e.published(key(day(2020, 1, 1)), &stats[&key(day(2020, 1, 1))]),
            2.0
        );
        let first = &stats[&key(day(2020, 1, 1))];
        assert_eq!(e.missing(key(day(2020, 1, 1)), first), 0.0);
        // Without any look-back in the story nothing is imputed, nor with too few to tell
        // the delays.
        let none = ExpectedLater::new(&stats, Vec::new(), Some(day(2020, 1, 10)));
        assert_eq!(none.missing(key(day(2020, 1, 10)), last), 0.0);
        let few = ExpectedLater::new(&stats, vec![1; MIN_CENSOR_LAGS - 1], Some(day(2020, 1, 10)));
        assert_eq!(few.missing(key(day(2020, 1, 10)), last), 0.0);
    }

    #[test]
    fn the_last_day_is_not_outranked_for_lack_of_time_to_be_looked_back_at() {
        // 3 and 5 January have the same same-day reports and publications, but the 5th is
        // the story's last day: half its publication window (the day and the day after) lies
        // beyond the story, so its publications count twice. The 1st is looked back at.
        let (c, story) = corpus(&[
            (
                day(2021, 1, 1),
                vec![(
                    "A storm flooded the northern harbour on 1 January",
                    Some(("1 January", day(2021, 1, 1))),
                )],
            ),
            (
                day(2021, 1, 1),
                vec![(
                    "Ferries stopped running after the flood of 1 January",
                    Some(("1 January", day(2021, 1, 1))),
                )],
            ),
            (
                day(2021, 1, 2),
                vec![(
                    "Cleanup crews cleared debris left by the 1 January storm",
                    Some(("1 January", day(2021, 1, 1))),
                )],
            ),
            (
                day(2021, 1, 3),
                vec![(
                    "Ministers announced emergency funding for fishermen on 3 January",
                    Some(("3 January", day(2021, 1, 3))),
                )],
            ),
            (
                day(2021, 1, 3),
                vec![(
                    "Insurers estimated claims would reach millions on 3 January",
                    Some(("3 January", day(2021, 1, 3))),
                )],
            ),
            (
                day(2021, 1, 5),
                vec![(
                    "Engineers reopened the damaged bridge to traffic on 5 January",
                    Some(("5 January", day(2021, 1, 5))),
                )],
            ),
            (
                day(2021, 1, 5),
                vec![(
                    "Schools welcomed pupils back after repairs on 5 January",
                    Some(("5 January", day(2021, 1, 5))),
                )],
            ),
        ]);
        let sources = SentenceSources::build(&c);
        let dates = |w_censor: f64| {
            let tuning = Tuning {
                w_censor,
                ..Tuning::default()
            };
            build_tuned(&c, &story, &sources, &opts(2), &tuning)
                .iter()
                .map(|e| e.date)
                .collect::<Vec<_>>()
        };
        assert_eq!(dates(0.0), vec![day(2021, 1, 1), day(2021, 1, 3)]);
        assert_eq!(dates(1.0), vec![day(2021, 1, 1), day(2021, 1, 5)]);
    }

    /// One date with a long on-topic sentence and short ones, for the selection options.
    fn selection_corpus() -> (Corpus, Story, NaiveDate) {
        let d = day(2011, 2, 11);
        let docs: Vec<(NaiveDate, Vec<Line>)> = vec![
            (
                d,
                vec![
                    (
                        "CAIRO | Fri Feb 11 , 2011 6:05 pm GMT CAIRO - Mubarak resigned on Friday and handed power to the army .",
                        Some(("Friday", d)),
                    ),
                    (
                        "Mubarak resigned as president on Friday after weeks of protests in Cairo .",
                        Some(("Friday", d)),
                    ),
                    (
                        "Crowds in Tahrir Square celebrated into the night on Friday .",
                        Some(("Friday", d)),
                    ),
                ],
            ),
            (
                d,
                vec![(
                    "Mubarak resigned on Friday , the vice president said , and the army took power .",
                    Some(("Friday", d)),
                )],
            ),
        ];
        let (mut c, story) = corpus(&docs);
        // The dateline's clock time, as the tagger marks it.
        let line = c.sentences[0][0].clone();
        let text = &c.articles[0].text;
        let off = text.find("Fri Feb").expect("dateline");
        let clock = Timex {
            start: off,
            end: off + "Fri Feb 11 , 2011 6:05 pm".len(),
            text: "Fri Feb 11 , 2011 6:05 pm".into(),
            kind: TimexType::Time,
            value: "2011-02-11T18:05".into(),
            modifier: None,
            date: Some(d),
            precision: Some(Precision::Day),
            rule: "test".into(),
        };
        assert!(line.start <= off && off < line.end);
        c.sentences[0][0].timexes.push(clock);
        (c, story, d)
    }

    /// The texts of the sentences a timeline built with `t` shows for the date `d`.
    fn texts_on(
        c: &Corpus,
        story: &Story,
        o: &TimelineOptions,
        t: &Tuning,
        d: NaiveDate,
    ) -> Vec<String> {
        build_tuned(c, story, &SentenceSources::default(), o, t)
            .iter()
            .filter(|e| e.date == d)
            .flat_map(|e| e.sentences.iter())
            .map(|a| c.sentence_text(a.sentence).to_string())
            .collect()
    }

    #[test]
    fn clock_times_are_penalised_and_weak_sentences_cut() {
        let (c, story, d) = selection_corpus();
        let mut o = opts(1);
        o.sentences_per_date = 3;
        let texts = |t: &Tuning| texts_on(&c, &story, &o, t, d);
        let loose = Tuning {
            redundancy: 1.0,
            w_clock: 0.0,
            word_budget: 0,
            greedy: false,
            knee: 0,
            pool_centroid: false,
            ..Tuning::default()
        };
        let all = texts(&loose);
        assert_eq!(all.len(), 3);
        assert!(all.iter().any(|t| t.contains("6:05 pm")));
        // With the clock-time penalty at full strength the dateline sentence is never shown.
        let no_clock = texts(&Tuning {
            w_clock: 1.0,
            ..loose.clone()
        });
        assert!(no_clock.iter().all(|t| !t.contains("6:05 pm")));
        // A relative cut of 1 keeps only the best sentence (or ties).
        let cut = texts(&Tuning {
            rel_cut: 1.0,
            ..loose.clone()
        });
        assert_eq!(cut.len(), 1);
        assert_eq!(cut[0], all[0]);
        // A budget of 5 words per asked sentence (15 in all) leaves room for the first only;
        // a large one changes nothing.
        let tight = texts(&Tuning {
            word_budget: 5,
            ..loose.clone()
        });
        assert_eq!(tight, all[..1].to_vec());
        let wide = texts(&Tuning {
            word_budget: 100,
            ..loose.clone()
        });
        assert_eq!(wide, all);
        // The greedy centroid optimisation still fills the date and never repeats a sentence.
        let greedy = texts(&Tuning {
            greedy: true,
            ..loose.clone()
        });
        assert_eq!(greedy.len(), 3);
        let uniq: HashSet<&String> = greedy.iter().collect();
        assert_eq!(uniq.len(), 3);
    }

    #[test]
    fn knee_threshold_is_the_elbow_of_the_sorted_similarities() {
        // Sorted: 0.9, 0.85, 0.3, 0.2, 0.1; the line from the first to the last point passes
        // 0.5 at rank 2, where the curve (0.3) is farthest from it.
        let sims = [0.2, 0.9, 0.85, 0.1, 0.3];
        assert_eq!(knee_threshold(&sims, false), 0.3);
        // news-tls reads that rank in the unsorted list.
        assert_eq!(knee_threshold(&sims, true), 0.85);
        // No curve: the first point, so nothing is strictly above it.
        assert_eq!(knee_threshold(&[0.4, 0.4, 0.4], false), 0.4);
        assert_eq!(knee_threshold(&[0.7], false), 0.7);
        assert_eq!(knee_threshold(&[], false), 0.0);
    }

    /// A day with three reports of one event (two naming the day, one lead sentence of the
    /// day's news) and a lead sentence that shares a single word with them.
    fn knee_corpus() -> (Corpus, Story, NaiveDate) {
        let d = day(2011, 2, 11);
        let docs: Vec<(NaiveDate, Vec<Line>)> = vec![
            (
                d,
                vec![
                    (
                        "Mubarak resigned on Friday and handed power to the army .",
                        Some(("Friday", d)),
                    ),
                    (
                        "Mubarak resigned as president on Friday , handing power to the army .",
                        Some(("Friday", d)),
                    ),
                ],
            ),
            (
                d,
                vec![
                    ("Mubarak resigned and the army took power in Cairo .", None),
                    (
                        "An army band played music at a football match downtown .",
                        None,
                    ),
                ],
            ),
        ];
        let (c, story) = corpus(&docs);
        (c, story, d)
    }

    #[test]
    fn a_date_is_summarized_from_what_was_published_on_or_after_it() {
        // Monday's article announces Tuesday's visit; Tuesday's and Wednesday's report it.
        let (mon, tue, wed) = (day(2025, 4, 14), day(2025, 4, 15), day(2025, 4, 16));
        let docs: Vec<(NaiveDate, Vec<Line>)> = vec![
            (
                mon,
                vec![(
                    "The minister will visit Marrow Falls on Tuesday to meet the flood victims .",
                    Some(("Tuesday", tue)),
                )],
            ),
            (
                tue,
                vec![(
                    "The minister met flood victims in Marrow Falls and promised an inquiry .",
                    None,
                )],
            ),
            (
                wed,
                vec![(
                    "The minister visited Marrow Falls on Tuesday , meeting victims of the flood .",
                    Some(("Tuesday", tue)),
                )],
            ),
        ];
        let (c, story) = corpus(&docs);
        let mut o = opts(1);
        o.sentences_per_date = 3;
        let loose = Tuning {
            redundancy: 1.0,
            word_budget: 0,
            after_only: false,
            ..Tuning::default()
        };
        let announced = |v: &[String]| v.iter().any(|t| t.contains("will visit"));
        let all = texts_on(&c, &story, &o, &loose, tue);
        assert!(announced(&all), "{all:?}");
        let reported = texts_on(
            &c,
            &story,
            &o,
            &Tuning {
                after_only: true,
                ..loose
            },
            tue,
        );
        assert!(
            !reported.is_empty() && !announced(&reported),
            "{reported:?}"
        );
        assert!(Tuning::default().after_only);
    }

    #[test]
    fn the_knee_cut_drops_candidates_far_below_the_date_s_best() {
        let (c, story, d) = knee_corpus();
        let mut o = opts(1);
        o.sentences_per_date = 4;
        let texts = |t: &Tuning| texts_on(&c, &story, &o, t, d);
        let loose = Tuning {
            redundancy: 0.95,
            word_budget: 0,
            pm_min: 1,
            knee: 0,
            pool_centroid: false,
            ..Tuning::default()
        };
        let band = |v: &[String]| v.iter().any(|t| t.contains("band"));
        let all = texts(&loose);
        assert!(band(&all), "{all:?}");
        for knee in [1, 2] {
            for pool_centroid in [false, true] {
                let t = Tuning {
                    knee,
                    pool_centroid,
                    ..loose.clone()
                };
                let cut = texts(&t);
                assert!(
                    !cut.is_empty() && !band(&cut),
                    "{knee} {pool_centroid}: {cut:?}"
                );
                assert!(cut.len() < all.len());
            }
        }
        // Fewer than `pm_min` candidates on a side: no cut.
        let small = texts(&Tuning {
            knee: 1,
            pool_centroid: true,
            pm_min: 3,
            ..loose.clone()
        });
        assert!(band(&small), "{small:?}");
    }

    #[test]
    fn a_sentence_is_never_shown_on_two_dates() {
        // The lead sentence of the 11th's news is a candidate for the 11th and for the 10th
        // (news of the day before), where it is the only one; with redundancy control off
        // the 11th takes it too.
        let d2 = day(2011, 2, 11);
        let lead = "Mubarak resigned and the army took power in Cairo .";
        let docs: Vec<(NaiveDate, Vec<Line>)> = vec![
            (d2, vec![(lead, None)]),
            (
                d2,
                vec![(
                    "Mubarak resigned on Friday and the army took power .",
                    Some(("Friday", d2)),
                )],
            ),
        ];
        let (c, story) = corpus(&docs);
        let mut o = opts(2);
        o.sentences_per_date = 2;
        for greedy in [false, true] {
            let t = Tuning {
                redundancy: 2.0,
                word_budget: 0,
                greedy,
                ..Tuning::default()
            };
            let entries = build_tuned(&c, &story, &SentenceSources::default(), &o, &t);
            let shown: Vec<String> = entries
                .iter()
                .flat_map(|e| e.sentences.iter())
                .map(|a| c.sentence_text(a.sentence).to_string())
                .collect();
            assert!(shown.iter().any(|t| t == lead), "{shown:?}");
            let uniq: HashSet<&String> = shown.iter().collect();
            assert_eq!(uniq.len(), shown.len(), "{shown:?}");
        }
    }

    #[test]
    fn summed_cosine_is_the_cosine_of_the_sum() {
        let c: Vec<(u32, f32)> = vec![(1, 0.6), (3, 0.8)];
        let mut sum: BTreeMap<u32, f32> = BTreeMap::new();
        sum.insert(1, 0.5);
        sum.insert(2, 0.5);
        let add: Vec<(u32, f32)> = vec![(2, 0.3), (3, 0.4)];
        let sum_sq: f32 = sum.values().map(|w| w * w).sum();
        let sum_dot: f32 = c
            .iter()
            .map(|(id, w)| w * sum.get(id).copied().unwrap_or(0.0))
            .sum();
        // sum + add = (0.5, 0.8, 0.4) on terms 1, 2, 3.
        let norm = (0.25f32 + 0.64 + 0.16).sqrt();
        let want = (0.6 * 0.5 + 0.8 * 0.4) / norm;
        let got = summed_cosine(&sum, sum_sq, sum_dot, &add, &c);
        assert!((got - want).abs() < 1e-6, "{got} {want}");
        assert_eq!(summed_cosine(&BTreeMap::new(), 0.0, 0.0, &[], &c), 0.0);
    }
}
