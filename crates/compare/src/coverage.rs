//! Coverage: for each outlet of a story, how many of its articles the story holds and the
//! few most informative sentences that no other outlet reports (a sentence counts as
//! reported elsewhere when the shared-sentence index says so, or when another outlet's
//! article has a sentence sharing at least half of its content stems). Articles whose
//! outlet is unknown are each their own source: two unnamed sites are not one outlet, and
//! lumping them together would hide what one of them reports alone.

use std::collections::{BTreeMap, BTreeSet};

use storyline_core::{
    Article, Corpus, CoverageEntry, SentenceRef, SourcedText, Story, UNKNOWN_OUTLET,
};
use storyline_syndication::SentenceSources;

use crate::quotes::{overlap, stems};

/// Unique sentences listed per outlet.
pub const UNIQUE_PER_OUTLET: usize = 3;

/// The source an article counts as: its outlet, or for an article of unknown outlet,
/// `unknown (<article id>)`.
fn source_key(article: &Article) -> String {
    if article.outlet == UNKNOWN_OUTLET {
        format!("{UNKNOWN_OUTLET} ({})", article.id)
    } else {
        article.outlet.clone()
    }
}

/// Coverage of a story by outlet, in order of first appearance.
pub fn coverage(corpus: &Corpus, story: &Story, sources: &SentenceSources) -> Vec<CoverageEntry> {
    let mut outlets: Vec<String> = Vec::new();
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for &a in &story.articles {
        let Some(art) = corpus.articles.get(a) else {
            continue;
        };
        let key = source_key(art);
        if !outlets.contains(&key) {
            outlets.push(key.clone());
        }
        *count.entry(key).or_default() += 1;
    }
    // stems of every sentence, by outlet
    let mut sents: Vec<(String, SentenceRef, String, BTreeSet<String>)> = Vec::new();
    for &a in &story.articles {
        let (Some(art), Some(ss)) = (corpus.articles.get(a), corpus.sentences.get(a)) else {
            continue;
        };
        let key = source_key(art);
        for s in ss {
            let r = SentenceRef {
                article: a,
                sentence: s.index,
            };
            let t = s.text(&art.text).to_string();
            let st = stems(&t);
            sents.push((key.clone(), r, t, st));
        }
    }
    let multi = outlets.len() > 1;
    outlets
        .iter()
        .map(|o| {
            let mut unique: Vec<(f64, SourcedText)> = Vec::new();
            if multi {
                for (outlet, r, t, st) in sents.iter().filter(|s| &s.0 == o) {
                    if st.len() < 5 {
                        continue;
                    }
                    let shared_index = sources.articles(*r).iter().any(|&a| {
                        corpus
                            .articles
                            .get(a)
                            .is_some_and(|x| &source_key(x) != outlet)
                    });
                    let shared_text = sents
                        .iter()
                        .any(|(o2, _, _, st2)| o2 != outlet && overlap(st, st2) >= 0.5);
                    if shared_index || shared_text {
                        continue;
                    }
                    let figures = crate::claims::find_figures(t).len() as f64;
                    let quote = if t.contains('"') || t.contains('“') {
                        1.0
                    } else {
                        0.0
                    };
                    let caps = t
                        .split_whitespace()
                        .skip(1)
                        .filter(|w| w.starts_with(char::is_uppercase))
                        .count() as f64;
                    let score = figures + quote + 0.3 * caps.min(5.0) - 0.05 * r.sentence as f64;
                    if unique
                        .iter()
                        .any(|(_, u)| overlap(&stems(&u.text), st) >= 0.5)
                    {
                        continue;
                    }
                    unique.push((
                        score,
                        SourcedText {
                            text: t.clone(),
                            sources: vec![corpus.source(r.article)],
                        },
                    ));
                }
            }
            unique.sort_by(|a, b| b.0.total_cmp(&a.0));
            CoverageEntry {
                outlet: o.clone(),
                articles: count.get(o).copied().unwrap_or(0),
                unique: unique
                    .into_iter()
                    .take(UNIQUE_PER_OUTLET)
                    .map(|(_, u)| u)
                    .collect(),
            }
        })
        .collect()
}
