//! Stories: groups articles into developing stories with an online clusterer, and a story's
//! sentences into dated events.
//!
//! * [`online`]: the streaming clusterer ([`OnlineClusterer`]): TF-IDF cosine over stemmed
//!   body, headline and named-entity-like terms, incremental IDF, time decay, archiving of
//!   dormant stories.
//! * [`events`]: a story's sentences grouped by the date they report and by content.
//! * [`features`]: term extraction and document frequencies shared by both.
//! * [`cluster`]: the batch entry point the pipeline calls.

#![warn(missing_docs)]

pub mod events;
pub mod features;
pub mod online;

pub use events::{EventConfig, events};
pub use online::{ClusterConfig, ClusterStats, Doc, OnlineClusterer, StoryId};

use std::collections::HashMap;

use storyline_core::{ArticleIdx, Corpus, Story};
use storyline_syndication::Group;

/// The order in which articles are fed to the clusterer: by publication date, ties (and
/// undated articles, which come last) in corpus order.
pub fn stream_order(corpus: &Corpus) -> Vec<ArticleIdx> {
    let mut order: Vec<ArticleIdx> = (0..corpus.articles.len()).collect();
    order.sort_by_key(|&i| {
        let d = corpus.articles[i].date();
        (d.is_none(), d, i)
    });
    order
}

/// Clusters the corpus into stories (with their events), processing articles in order of
/// publication date; syndicated copies join their original's story.
pub fn cluster(corpus: &Corpus, groups: &[Group]) -> Vec<Story> {
    cluster_with(corpus, groups, &ClusterConfig::default(), &EventConfig::default())
}

/// [`cluster`] with explicit settings.
pub fn cluster_with(
    corpus: &Corpus,
    groups: &[Group],
    config: &ClusterConfig,
    event_config: &EventConfig,
) -> Vec<Story> {
    let assignment = assign(corpus, groups, config);
    let mut members: HashMap<StoryId, Vec<ArticleIdx>> = HashMap::new();
    for (a, s) in assignment.iter().enumerate() {
        members.entry(*s).or_default().push(a);
    }
    let mut ids: Vec<StoryId> = members.keys().copied().collect();
    ids.sort_unstable();
    ids.into_iter()
        .enumerate()
        .map(|(id, s)| {
            let articles = members.remove(&s).unwrap_or_default();
            let events = events(corpus, &articles, event_config);
            Story {
                id,
                articles,
                events,
            }
        })
        .collect()
}

/// The story of every article (parallel to `corpus.articles`), from one online pass in
/// [`stream_order`]. A syndicated copy joins the story of the first member of its group that
/// was assigned.
pub fn assign(corpus: &Corpus, groups: &[Group], config: &ClusterConfig) -> Vec<StoryId> {
    let n = corpus.articles.len();
    let mut group_of: Vec<Option<usize>> = vec![None; n];
    for (g, group) in groups.iter().enumerate() {
        for &m in group.members.iter().chain(std::iter::once(&group.original)) {
            if let Some(slot) = group_of.get_mut(m) {
                *slot = Some(g);
            }
        }
    }
    let mut group_story: Vec<Option<StoryId>> = vec![None; groups.len()];
    let mut clusterer = OnlineClusterer::new(config.clone());
    let mut out: Vec<StoryId> = vec![0; n];
    for i in stream_order(corpus) {
        let a = &corpus.articles[i];
        let g = group_of[i];
        let story = match g.and_then(|g| group_story[g]) {
            Some(s) => {
                clusterer.join(s, a.date());
                s
            }
            None => clusterer.add(Doc {
                language: a.language.as_deref().unwrap_or("en"),
                title: a.title.as_deref(),
                text: &a.text,
                date: a.date(),
            }),
        };
        if let Some(g) = g {
            group_story[g] = Some(story);
        }
        out[i] = story;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use storyline_core::{Article, DateSource, Published};

    fn article(id: &str, text: &str, day: Option<u32>) -> Article {
        let mut a = Article::new(id, text);
        a.published = day.map(|d| Published {
            date: NaiveDate::from_ymd_opt(2016, 12, d).expect("valid day"),
            source: DateSource::Metadata,
            confidence: 1.0,
        });
        a
    }

    fn corpus(articles: Vec<Article>) -> Corpus {
        let sentences = articles
            .iter()
            .enumerate()
            .map(|(i, a)| storyline_text::sentences(i, a))
            .collect();
        Corpus {
            articles,
            sentences,
        }
    }

    #[test]
    fn syndicated_copies_join_their_original() {
        let c = corpus(vec![
            article("a", "Syrian troops seized five districts of Aleppo.", Some(6)),
            article("b", "Apple unveiled a new iPhone in Cupertino.", Some(6)),
            // Different words, but declared a copy of "a".
            article("c", "Completely unrelated wording about football.", Some(7)),
        ]);
        let groups = vec![Group {
            members: vec![0, 2],
            original: 0,
            similarity: 0.9,
        }];
        let without = assign(&c, &[], &ClusterConfig::default());
        assert_ne!(without[0], without[2]);
        let with = assign(&c, &groups, &ClusterConfig::default());
        assert_eq!(with[0], with[2]);
        assert_ne!(with[0], with[1]);
        let stories = cluster(&c, &groups);
        assert_eq!(stories.len(), 2);
        assert_eq!(stories[0].articles, vec![0, 2]);
        assert_eq!(stories[1].articles, vec![1]);
    }

    #[test]
    fn stream_order_is_by_date_then_corpus_order_undated_last() {
        let c = corpus(vec![
            article("a", "x", None),
            article("b", "x", Some(9)),
            article("c", "x", Some(3)),
            article("d", "x", Some(9)),
        ]);
        assert_eq!(stream_order(&c), vec![2, 1, 3, 0]);
    }

    #[test]
    fn empty_corpus_has_no_stories() {
        assert!(cluster(&Corpus::default(), &[]).is_empty());
    }
}
