//! Stories: groups articles into developing stories with an online clusterer, and a story's
//! sentences into dated events.
//!
//! * [`online`]: the streaming clusterer ([`OnlineClusterer`]): TF-IDF cosine over stemmed
//!   body, headline and named-entity-like terms, incremental IDF, time decay, archiving of
//!   dormant stories.
//! * [`events`]: a story's sentences grouped by the date they report and by content.
//! * [`features`]: term extraction and document frequencies shared by both.
//! * [`cluster`]: the batch entry point the pipeline calls: one online pass ([`assign`]),
//!   then a consolidation pass ([`consolidate`]) that merges stories the single pass split
//!   ([`merge`]), moves misplaced articles ([`refine`]) and cuts stories that joined two
//!   topics ([`split`]).

#![warn(missing_docs)]

pub mod events;
pub mod features;
pub mod learned;
pub mod merge;
pub mod online;
pub mod refine;
pub mod split;

pub use events::{EventConfig, events};
pub use features::ArticleFeatures;
pub use merge::Linkage;
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
    cluster_with(
        corpus,
        groups,
        &ClusterConfig::default(),
        &EventConfig::default(),
    )
}

/// [`cluster`] with explicit settings.
pub fn cluster_with(
    corpus: &Corpus,
    groups: &[Group],
    config: &ClusterConfig,
    event_config: &EventConfig,
) -> Vec<Story> {
    let online = assign(corpus, groups, config);
    let assignment = consolidate(corpus, &online, config);
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
    assign_inner(corpus, groups, config, None)
}

/// One (article, story) pair scored by the online pass: the article, the candidate story and
/// the pair's features ([`learned::online_features`]).
pub type TracedPair = (ArticleIdx, StoryId, learned::OnlineFeatures);

/// [`assign`], also returning every (article, story) pair the online pass scored, in stream
/// order (for training a join model, [`learned`]).
pub fn assign_traced(
    corpus: &Corpus,
    groups: &[Group],
    config: &ClusterConfig,
) -> (Vec<StoryId>, Vec<TracedPair>) {
    let mut trace = Vec::new();
    let out = assign_inner(corpus, groups, config, Some(&mut trace));
    (out, trace)
}

fn assign_inner(
    corpus: &Corpus,
    groups: &[Group],
    config: &ClusterConfig,
    mut trace: Option<&mut Vec<TracedPair>>,
) -> Vec<StoryId> {
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
    clusterer.set_trace(trace.is_some());
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
        if let Some(t) = trace.as_deref_mut() {
            t.extend(clusterer.take_trace().into_iter().map(|(s, f)| (i, s, f)));
        }
        out[i] = story;
    }
    out
}

/// Batch consolidation after the online pass: merges stories whose whole-story term vectors
/// are similar ([`merge::merge`]), moves single articles to the story they fit best
/// ([`refine::refine`]) and cuts stories that are two topics merged whole ([`split::split`],
/// followed by refinement again).
///
/// Every article becomes a TF-IDF vector of its body terms with IDF over the whole corpus;
/// a story is the sum of its articles' unit vectors. Stories are agglomerated (most similar
/// pair first, with [`ClusterConfig::merge_linkage`]) while the best pair scores at least
/// [`ClusterConfig::merge_threshold`] and the two date ranges are no more than
/// [`ClusterConfig::quiet_days`] apart; then stories of at most
/// [`ClusterConfig::attach_max_articles`] articles attach to their most similar larger story
/// scoring at least [`ClusterConfig::attach_threshold`]. Candidate pairs come from an inverted index over
/// the story vectors, so the pass scales with the number of stories sharing terms rather
/// than with all pairs. Returns the new story of every article (the lowest id of each
/// merged set).
pub fn consolidate(
    corpus: &Corpus,
    assignment: &[StoryId],
    config: &ClusterConfig,
) -> Vec<StoryId> {
    consolidate_inner(corpus, assignment, config, None)
}

/// What the merge step of [`consolidate_traced`] did: the stories it started from and its
/// events ([`merge::MergeEvent`], whose story numbers are indices into the starting stories).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergeTrace {
    /// The starting story (index) of every article.
    pub slots: Vec<usize>,
    /// Pairs scored and merges made, in order.
    pub events: Vec<merge::MergeEvent>,
}

/// [`consolidate`], also returning what its merge step did (for training a merge model,
/// [`learned`]).
pub fn consolidate_traced(
    corpus: &Corpus,
    assignment: &[StoryId],
    config: &ClusterConfig,
) -> (Vec<StoryId>, MergeTrace) {
    let mut trace = MergeTrace::default();
    let out = consolidate_inner(corpus, assignment, config, Some(&mut trace));
    (out, trace)
}

fn consolidate_inner(
    corpus: &Corpus,
    assignment: &[StoryId],
    config: &ClusterConfig,
    trace: Option<&mut MergeTrace>,
) -> Vec<StoryId> {
    use features::Vocabulary;
    let n = corpus.articles.len().min(assignment.len());
    let mut ids: Vec<StoryId> = assignment[..n].to_vec();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() || config.merge_threshold > 1.0 {
        return assignment.to_vec();
    }
    let mut vocab = Vocabulary::default();
    let counts: Vec<_> = corpus.articles[..n]
        .iter()
        .map(|a| {
            let c = vocab.counts(
                a.language.as_deref().unwrap_or("en"),
                a.title.as_deref(),
                &a.text,
            );
            vocab.observe(&c);
            c
        })
        .collect();
    let slot: HashMap<StoryId, usize> = ids.iter().enumerate().map(|(i, &s)| (s, i)).collect();
    let vectors: Vec<features::SparseVec> = counts
        .iter()
        .map(|c| vocab.tfidf(&c.body, config.max_doc_terms))
        .collect();
    let mut stories: Vec<merge::StoryVector> = vec![merge::StoryVector::default(); ids.len()];
    for (a, v) in vectors.iter().enumerate() {
        let s = &mut stories[slot[&assignment[a]]];
        s.sum.extend(v.iter().copied());
        s.articles += 1;
        if let Some(d) = corpus.articles[a].date() {
            s.range = Some(match s.range {
                Some((lo, hi)) => (lo.min(d), hi.max(d)),
                None => (d, d),
            });
        }
    }
    let merge_config = merge::MergeConfig {
        threshold: config.merge_threshold,
        linkage: config.merge_linkage,
        max_gap_days: config.quiet_days,
        max_terms: config.max_centroid_terms,
        attach_max_articles: config.attach_max_articles,
        attach_threshold: config.attach_threshold,
        large_articles: config.merge_large_articles,
        large_threshold: config.merge_large_threshold,
        model: config.merge_model,
    };
    let roots = match trace {
        Some(t) => {
            let (roots, events) = merge::merge_traced(&stories, &merge_config);
            t.slots = (0..n).map(|a| slot[&assignment[a]]).collect();
            t.events = events;
            roots
        }
        None => merge::merge(&stories, &merge_config),
    };
    let mut out = assignment.to_vec();
    for s in out.iter_mut().take(n) {
        *s = ids[roots[slot[s]]];
    }
    let dates: Vec<_> = corpus.articles[..n].iter().map(|a| a.date()).collect();
    let refine_config = refine::RefineConfig {
        iterations: config.refine_iterations,
        margin: config.refine_margin,
        min_similarity: config.refine_min_similarity,
        max_gap_days: config.quiet_days,
        probe_terms: config.refine_probe_terms,
        index_terms: config.max_centroid_terms,
    };
    let split_config = split::SplitConfig::from(config);
    // Refinement, then cuts of stories that are two topics merged whole, then refinement
    // again so that articles on the border of a cut find their side.
    let refined = refine::refine(&vectors, &dates, &out[..n], &refine_config);
    let parts = split::split(&vectors, &dates, &refined, &split_config);
    let refined = if parts != refined {
        refine::refine(&vectors, &dates, &parts, &refine_config)
    } else {
        parts
    };
    out[..n].copy_from_slice(&refined);
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
        storyline_text::corpus(articles)
    }

    /// "a" and "c" report one event in other words a day apart; "b" is another story.
    fn two_reports_of_aleppo_and_one_of_an_iphone() -> Corpus {
        corpus(vec![
            article(
                "a",
                "Syrian troops seized five districts of eastern Aleppo from rebels.",
                Some(6),
            ),
            article(
                "b",
                "Apple unveiled a new iPhone in Cupertino with a faster chip.",
                Some(6),
            ),
            article(
                "c",
                "Rebels lost five districts of eastern Aleppo to Syrian troops.",
                Some(7),
            ),
        ])
    }

    #[test]
    fn syndicated_copies_join_their_original() {
        let c = corpus(vec![
            article(
                "a",
                "Syrian troops seized five districts of Aleppo.",
                Some(6),
            ),
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
    fn consolidation_merges_split_stories_only() {
        let c = two_reports_of_aleppo_and_one_of_an_iphone();
        // A join threshold no article can reach: every article starts its own story.
        let strict = ClusterConfig {
            threshold: 2.0,
            ..ClusterConfig::default()
        };
        let online = assign(&c, &[], &strict);
        assert_eq!(online, vec![0, 1, 2]);
        let merged = consolidate(&c, &online, &strict);
        assert_eq!(merged, vec![0, 1, 0]);
        let off = ClusterConfig {
            merge_threshold: 1.5,
            ..strict
        };
        assert_eq!(consolidate(&c, &online, &off), online);
    }

    #[test]
    fn consolidation_cuts_a_story_of_two_topics() {
        let volcano = [
            "The volcano erupted again and lava reached the villages near the crater.",
            "Ash from the erupting volcano closed the airport; lava flows crossed the road.",
            "Villagers fled the lava as the volcano sent ash over the crater rim.",
            "Scientists measured the lava and ash of the volcano near the crater.",
            "The crater of the volcano glowed; lava and ash buried the villages.",
            "Evacuated villagers watched the volcano spew lava and ash from its crater.",
        ];
        let football = [
            "The striker scored twice as the football club won the championship final.",
            "A late goal by the striker decided the football championship final.",
            "The football club celebrated the championship after the striker's goal.",
            "Fans cheered the striker whose goal won the football championship.",
            "The championship final went to the football club thanks to its striker.",
            "The striker's goal in the final gave the football club its championship.",
        ];
        let mut articles = Vec::new();
        for (k, (v, f)) in volcano.iter().zip(&football).enumerate() {
            let day = Some(1 + k as u32);
            articles.push(article(
                &format!("v{k}"),
                &format!("{v} Officials said so on Monday."),
                day,
            ));
            articles.push(article(
                &format!("f{k}"),
                &format!("{f} Officials said so on Monday."),
                day,
            ));
        }
        let c = corpus(articles);
        // Every article joins the first story.
        let online = vec![0; c.articles.len()];
        let config = ClusterConfig {
            split_min_articles: 10,
            ..ClusterConfig::default()
        };
        let out = consolidate(&c, &online, &config);
        for (a, &s) in out.iter().enumerate() {
            assert_eq!(s == out[0], a % 2 == 0, "article {a}: {out:?}");
        }
        let off = ClusterConfig {
            split_min_articles: 0,
            ..config
        };
        assert_eq!(consolidate(&c, &online, &off), online);
    }

    #[test]
    fn traced_passes_give_the_untraced_result() {
        let c = two_reports_of_aleppo_and_one_of_an_iphone();
        let config = ClusterConfig::default();
        let (online, trace) = assign_traced(&c, &[], &config);
        assert_eq!(online, assign(&c, &[], &config));
        // Article "c" was scored against the story of "a".
        assert!(trace.iter().any(|&(a, s, _)| a == 2 && s == online[0]));
        let strict = ClusterConfig {
            threshold: 2.0,
            ..config
        };
        let online = assign(&c, &[], &strict);
        let (out, merges) = consolidate_traced(&c, &online, &strict);
        assert_eq!(out, consolidate(&c, &online, &strict));
        assert_eq!(merges.slots, vec![0, 1, 2]);
        assert!(
            merges
                .events
                .contains(&merge::MergeEvent::Merge { a: 0, b: 2 })
        );
    }

    #[test]
    fn empty_corpus_has_no_stories() {
        assert!(cluster(&Corpus::default(), &[]).is_empty());
    }
}
