//! Coverage: for each outlet of a story, how many of its articles the story holds and the
//! few most informative sentences that no other outlet reports (a sentence counts as
//! reported elsewhere when the shared-sentence index says so, when another outlet's article
//! has a sentence sharing at least half of its content stems, or when another outlet's
//! article reports it by the summary's support relation: one sentence that rewords it, or two
//! adjacent sentences that reword it together, so that what the summary credits to two
//! outlets is never listed as one outlet's alone). Articles whose
//! outlet is unknown are each their own source: two unnamed sites are not one outlet, and
//! lumping them together would hide what one of them reports alone.

use std::collections::{BTreeMap, BTreeSet};

use storyline_core::{
    Article, Corpus, CoverageEntry, SentenceRef, SourcedText, Story, UNKNOWN_OUTLET,
};
use storyline_summary::paraphrase::{self, ParaphraseTest, Profile};
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
    // stems of every sentence, by outlet; paraphrase profiles of every article's sentences
    let analyzer = storyline_text::Analyzer::new("en");
    let mut profiles: Vec<(String, Vec<Profile>)> = Vec::new();
    // (outlet, sentence, text, stems, (article, sentence) index into `profiles`)
    type Sent = (
        String,
        SentenceRef,
        String,
        BTreeSet<String>,
        (usize, usize),
    );
    let mut sents: Vec<Sent> = Vec::new();
    for &a in &story.articles {
        let (Some(art), Some(ss)) = (corpus.articles.get(a), corpus.sentences.get(a)) else {
            continue;
        };
        let key = source_key(art);
        let mut article_profiles = Vec::with_capacity(ss.len());
        for s in ss {
            let r = SentenceRef {
                article: a,
                sentence: s.index,
            };
            let t = s.text(&art.text).to_string();
            let st = stems(&t);
            let at = (profiles.len(), article_profiles.len());
            article_profiles.push(paraphrase::profile(&analyzer, &t));
            sents.push((key.clone(), r, t, st, at));
        }
        profiles.push((key, article_profiles));
    }
    let test = ParaphraseTest::ATTRIBUTION;
    // Whether an article of another outlet reports the claim in one sentence or two.
    let reported_elsewhere = |outlet: &str, claim: &Profile| {
        profiles
            .iter()
            .any(|(o, ps)| o != outlet && test.supports(claim, ps))
    };
    let multi = outlets.len() > 1;
    outlets
        .iter()
        .map(|o| {
            let mut unique: Vec<(f64, SourcedText)> = Vec::new();
            if multi {
                for (outlet, r, t, st, at) in sents.iter().filter(|s| &s.0 == o) {
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
                        .any(|(o2, _, _, st2, _)| o2 != outlet && overlap(st, st2) >= 0.5);
                    if shared_index || shared_text {
                        continue;
                    }
                    if reported_elsewhere(outlet, &profiles[at.0].1[at.1]) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(articles: &[(&str, &str, &str)]) -> Corpus {
        let mut c = Corpus::default();
        for (i, (id, outlet, text)) in articles.iter().enumerate() {
            let mut a = Article::new(*id, *text);
            a.outlet = outlet.to_string();
            c.sentences.push(storyline_text::sentences(i, &a));
            c.articles.push(a);
        }
        c
    }

    fn unique_of(c: &Corpus, outlet: &str) -> Vec<String> {
        let story = Story {
            id: 0,
            articles: (0..c.articles.len()).collect(),
            events: Vec::new(),
        };
        coverage(c, &story, &SentenceSources::default())
            .into_iter()
            .find(|e| e.outlet == outlet)
            .map(|e| e.unique.into_iter().map(|u| u.text).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_sentence_another_outlet_reports_in_two_adjacent_sentences_is_not_unique() {
        let claim =
            "Storm Ada flooded the harbour of Velden and cut power to forty thousand homes.";
        let first = "Storm Ada flooded the old harbour, sinking three fishing boats.";
        let second = "Fallen trees cut power to forty thousand customers in the coastal province.";
        // Each sentence alone shares less than half of its content stems with the claim.
        for s in [first, second] {
            assert!(overlap(&stems(claim), &stems(s)) < 0.5, "{s}");
        }
        let c = corpus(&[
            (
                "a",
                "Daily",
                &format!(
                    "{claim}\n\nThe port authority in Velden said it would reopen the quays on Monday."
                ),
            ),
            (
                "b",
                "Ledger",
                &format!(
                    "{first} {second}\n\nTraders at the market square vowed to claim damages from the insurers."
                ),
            ),
        ]);
        let daily = unique_of(&c, "Daily");
        assert!(!daily.iter().any(|t| t.contains("Storm Ada")), "{daily:?}");
        assert!(daily.iter().any(|t| t.contains("quays")), "{daily:?}");
        let ledger = unique_of(&c, "Ledger");
        assert!(ledger.iter().any(|t| t.contains("damages")), "{ledger:?}");
    }
}
