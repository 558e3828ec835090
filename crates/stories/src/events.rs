//! Events inside a story: the story's sentences grouped by the date they report and by
//! content.
//!
//! A sentence's date is its first temporal expression anchored to a calendar date (the
//! finest precision wins when there are several), as filled into [`Sentence::timexes`] by
//! the time stage. A lead sentence (first paragraph) without one, written in the present or
//! present perfect tense, reports what happened on the publication day, so it takes the
//! article's publication date. Other sentences are undated.
//!
//! Within a date, sentences are grouped by content: single-pass leader clustering on
//! TF-IDF cosine against each group's centroid (IDF from the story's own sentences). Events
//! come out sorted by date (finer precision first on the same day), undated last.

use std::collections::HashMap;

use chrono::NaiveDate;
use storyline_core::{ArticleIdx, Corpus, Event, Precision, Sentence, SentenceRef, TimexType};

use crate::features::{FxMap, SparseVec, TermId, Vocabulary};

/// Settings of event grouping.
#[derive(Debug, Clone, PartialEq)]
pub struct EventConfig {
    /// Minimum cosine between a sentence and a group's centroid to join the group.
    pub threshold: f32,
    /// Whether undated sentences form events (listed after the dated ones).
    pub keep_undated: bool,
}

impl Default for EventConfig {
    fn default() -> Self {
        EventConfig {
            threshold: 0.25,
            keep_undated: true,
        }
    }
}

/// The date a sentence reports, with its precision, if any.
pub fn sentence_date(
    sentence: &Sentence,
    text: &str,
    published: Option<NaiveDate>,
) -> Option<(NaiveDate, Precision)> {
    let anchored = sentence
        .timexes
        .iter()
        .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
        .filter_map(|t| Some((t.date?, t.precision.unwrap_or(Precision::Day))))
        .min_by_key(|&(_, p)| p);
    if anchored.is_some() {
        return anchored;
    }
    let lead = sentence.paragraph == 0 || sentence.index == 0;
    if lead && is_present_tense(sentence.text(text)) {
        return published.map(|d| (d, Precision::Day));
    }
    None
}

/// Whether a sentence reads as present or present perfect ("is", "are", "has", "says" …).
fn is_present_tense(sentence: &str) -> bool {
    const MARKERS: &[&str] = &[
        "is",
        "are",
        "am",
        "has",
        "have",
        "says",
        "say",
        "continues",
        "continue",
        "remains",
        "remain",
        "warns",
        "claims",
        "insists",
        "seems",
        "appears",
        "'s",
        "’s",
    ];
    sentence
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '"' | '“' | '”'))
        .any(|w| MARKERS.contains(&w.to_lowercase().as_str()))
}

/// Groups the sentences of a story's articles into events.
pub fn events(corpus: &Corpus, articles: &[ArticleIdx], config: &EventConfig) -> Vec<Event> {
    let mut vocab = Vocabulary::default();
    // Dated key → sentences with their term counts.
    type Entry = (SentenceRef, Vec<(TermId, u32)>);
    let mut by_date: HashMap<Option<(NaiveDate, Precision)>, Vec<Entry>> = HashMap::new();
    for &a in articles {
        let (Some(article), Some(sentences)) = (corpus.articles.get(a), corpus.sentences.get(a))
        else {
            continue;
        };
        let lang = article.language.as_deref().unwrap_or("en");
        for s in sentences {
            let key = sentence_date(s, &article.text, article.date());
            if key.is_none() && !config.keep_undated {
                continue;
            }
            let counts = vocab.counts(lang, None, s.text(&article.text));
            vocab.observe(&counts);
            by_date.entry(key).or_default().push((
                SentenceRef {
                    article: a,
                    sentence: s.index,
                },
                counts.body,
            ));
        }
    }
    let mut keys: Vec<Option<(NaiveDate, Precision)>> = by_date.keys().copied().collect();
    // Dated first by (date, precision), undated last.
    keys.sort_by_key(|k| (k.is_none(), *k));
    let mut out = Vec::new();
    for key in keys {
        let Some(mut entries) = by_date.remove(&key) else {
            continue;
        };
        entries.sort_by_key(|(r, _)| *r);
        for group in group_by_content(&vocab, &entries, config.threshold) {
            out.push(Event {
                date: key.map(|(d, _)| d),
                precision: key.map(|(_, p)| p),
                sentences: group,
            });
        }
    }
    out
}

/// Leader clustering of sentences (in the given order) by cosine to group centroids.
fn group_by_content(
    vocab: &Vocabulary,
    entries: &[(SentenceRef, Vec<(TermId, u32)>)],
    threshold: f32,
) -> Vec<Vec<SentenceRef>> {
    let mut groups: Vec<(FxMap<TermId, f32>, Vec<SentenceRef>)> = Vec::new();
    for (r, counts) in entries {
        let v = vocab.tfidf(counts, usize::MAX);
        let mut best: Option<(usize, f32)> = None;
        for (i, (centroid, _)) in groups.iter().enumerate() {
            let sim = cosine(&v, centroid);
            if sim >= threshold && best.is_none_or(|(_, b)| sim > b) {
                best = Some((i, sim));
            }
        }
        match best {
            Some((i, _)) => {
                let (centroid, members) = &mut groups[i];
                for &(t, w) in &v {
                    *centroid.entry(t).or_default() += w;
                }
                members.push(*r);
            }
            None => groups.push((v.into_iter().collect(), vec![*r])),
        }
    }
    groups.into_iter().map(|(_, m)| m).collect()
}

fn cosine(v: &SparseVec, centroid: &FxMap<TermId, f32>) -> f32 {
    let norm = centroid.values().map(|w| w * w).sum::<f32>().sqrt();
    if v.is_empty() || norm == 0.0 {
        return 0.0;
    }
    let dot: f32 = v
        .iter()
        .filter_map(|(t, w)| centroid.get(t).map(|c| w * c))
        .sum();
    dot / norm
}
