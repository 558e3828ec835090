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
//!   own) of articles published on it or the day after.
//! * **Per-date selection** by cosine similarity to the date's centroid (TF-IDF over the
//!   story's terms, with the language's analyzer from `storyline_text`), boosted by the
//!   number of articles that carry the sentence, with redundancy control across the whole
//!   timeline: a sentence too similar to one already chosen for any date is skipped, and a
//!   date left with nothing new is dropped in favour of the next one.
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
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            w_later: 2.0,
            w_same: 0.5,
            w_earlier: 0.25,
            w_sentences: 0.25,
            w_published: 0.5,
            lead_sentences: 5,
            redundancy: 0.5,
            min_words: 5,
            max_words: 60,
            w_sources: 0.5,
            w_explicit: 0.1,
            coarse: true,
            max_auto_dates: 20,
            pm_intersection: true,
            pm_min: 5,
            w_pub_centroid: 0.5,
        }
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
}

struct SentInfo {
    r: SentenceRef,
    vec: Vec<(u32, f32)>,
    eligible: bool,
    mentions: Vec<DateKey>,
}

/// Builds the timeline of a story with explicit weights.
pub fn build_tuned(
    corpus: &Corpus,
    story: &Story,
    sources: &SentenceSources,
    options: &TimelineOptions,
    tuning: &Tuning,
) -> Vec<DatedEntry> {
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
            let eligible = words >= tuning.min_words
                && words <= tuning.max_words
                && (query.is_empty() || query.iter().any(|q| lower.contains(q.as_str())));
            let mut mentions: Vec<DateKey> = Vec::new();
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
            }
            raw_terms.push(ids);
            sents.push(SentInfo {
                r: SentenceRef {
                    article: a,
                    sentence: s.index,
                },
                vec: Vec::new(),
                eligible,
                mentions,
            });
        }
    }
    if sents.is_empty() {
        return Vec::new();
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
    for (i, info) in sents.iter().enumerate() {
        let pub_date = corpus.articles.get(info.r.article).and_then(|a| a.date());
        // An undated article of the story is taken as published at the story's latest date
        // for the direction of its references (never for its own publication-date counts).
        let ref_date = pub_date.or(story_anchor);
        for &key in &info.mentions {
            mention_sents.entry(key).or_default().push(i);
            let copies = sources.equivalents(info.r);
            if copies.iter().any(|c| counted.contains(&(key, *c))) {
                continue;
            }
            counted.insert((key, info.r));
            let st = stats.entry(key).or_default();
            st.sentences += 1;
            if st.docs.insert(info.r.article) {
                match ref_date {
                    Some(p) if period_end(key) < p => st.later += 1,
                    Some(p) if key.0 > p => st.earlier += 1,
                    _ => st.same += 1,
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

    let mut ranked: Vec<(DateKey, f64)> = stats
        .iter()
        .filter(|(k, _)| in_range(k.0) && (k.1 == Precision::Day || in_range(period_end(**k))))
        .map(|(k, s)| {
            let mut score = tuning.w_later * ln1p(s.later)
                + tuning.w_same * ln1p(s.same)
                + tuning.w_earlier * ln1p(s.earlier)
                + tuning.w_sentences * ln1p(s.sentences)
                + tuning.w_published * ln1p(s.published);
            if k.1 != Precision::Day {
                score *= 0.5;
            }
            (*k, score)
        })
        .filter(|(_, s)| *s > 0.0)
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));

    let wanted = match options.dates {
        Some(n) => n,
        None => {
            let top = ranked.first().map_or(0.0, |r| r.1);
            ranked
                .iter()
                .filter(|(k, s)| {
                    let st = &stats[k];
                    *s >= 0.2 * top && (st.later >= 1 || st.docs.len() >= 2 || st.published >= 2)
                })
                .count()
                .clamp(1, tuning.max_auto_dates.max(1))
        }
    };
    let per_date = options.sentences_per_date.max(1);

    // Summaries, best date first, with redundancy control across dates.
    let mut chosen: Vec<usize> = Vec::new();
    let mut entries: Vec<DatedEntry> = Vec::new();
    for (key, _) in &ranked {
        if entries.len() >= wanted {
            break;
        }
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
    entries.sort_by(|a, b| a.date.cmp(&b.date).then(a.precision.cmp(&b.precision)));
    entries
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
    let cm = centroid(sents, ment);
    let cp = centroid(sents, pubs);
    if tuning.pm_intersection && ment.len() >= tuning.pm_min && pubs.len() >= tuning.pm_min {
        let shared: Vec<(u32, f32)> = cm
            .iter()
            .filter_map(|(id, a)| cp.get(id).map(|b| (*id, a + b)))
            .collect();
        let picked = pick(sents, ment, pubs, k, chosen, tuning, sources, shared);
        if !picked.is_empty() {
            return picked;
        }
    }
    let mut sum = cm;
    for (id, b) in cp {
        *sum.entry(id).or_default() += tuning.w_pub_centroid as f32 * b;
    }
    pick(
        sents,
        ment,
        pubs,
        k,
        chosen,
        tuning,
        sources,
        sum.into_iter().collect(),
    )
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
) -> Vec<usize> {
    let norm = combined.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm == 0.0 {
        return Vec::new();
    }
    let c: Vec<(u32, f32)> = combined.into_iter().map(|(i, w)| (i, w / norm)).collect();
    let mentioned: HashSet<usize> = ment.iter().copied().collect();
    let mut cands: Vec<(usize, f32)> = ment
        .iter()
        .chain(pubs.iter())
        .copied()
        .collect::<HashSet<usize>>()
        .into_iter()
        .filter(|&i| sents[i].eligible)
        .map(|i| {
            let n_src = 1 + sources.equivalents(sents[i].r).len();
            let mut s =
                dot(&sents[i].vec, &c) * (1.0 + tuning.w_sources as f32 * (n_src as f32).ln());
            if mentioned.contains(&i) {
                s *= 1.0 + tuning.w_explicit as f32;
            }
            (i, s)
        })
        .filter(|(_, s)| *s > 0.0)
        .collect();
    cands.sort_by(|a, b| b.1.total_cmp(&a.1).then(sents[a.0].r.cmp(&sents[b.0].r)));
    let mut picked: Vec<usize> = Vec::new();
    for (i, _) in cands {
        if picked.len() >= k {
            break;
        }
        let redundant = chosen
            .iter()
            .chain(picked.iter())
            .any(|&j| dot(&sents[i].vec, &sents[j].vec) > tuning.redundancy as f32);
        if !redundant {
            picked.push(i);
        }
    }
    picked
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
    fn yearless_days_take_the_last_year_up_to_the_anchor() {
        let anchor = day(2016, 12, 7);
        assert_eq!(yearless_day("XXXX-08-06", anchor), Some(day(2016, 8, 6)));
        assert_eq!(yearless_day("XXXX-12-08", anchor), Some(day(2015, 12, 8)));
        assert_eq!(yearless_day("XXXX-02-29", anchor), Some(day(2016, 2, 29)));
        assert_eq!(yearless_day("XXXX-08", anchor), None);
        assert_eq!(yearless_day("2016-08-06", anchor), None);
        assert_eq!(yearless_day("XXXX-13-01", anchor), None);
    }

    #[test]
    fn aleppo_dates_from_hand_made_timexes() {
        // Four outlets reporting on the battle for Aleppo, dates as the tagger resolves them.
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
        let (c, story) = corpus(&docs);
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
}
