//! Summary: extractive multi-document summarization of a story, in which every sentence
//! lists every article that reports it.
//!
//! Method (concept coverage, after Gillick & Favre's ICSISumm):
//! 1. Syndicated copies are merged first: a sentence that `SentenceSources` (or an identical
//!    wording) finds in several articles is one candidate, credited to all of them.
//! 2. Concepts are stemmed word bigrams (pairs of two stop words left out). A concept's weight
//!    is the number of independent articles that state it (copies count once), kept when at
//!    least `min_df` articles do; concepts from each article's lead sentences get a bonus.
//! 3. Sentences are chosen greedily by the weight of concepts they add that the summary does
//!    not cover yet, divided by their length to the power `cost_exponent` (0.7), times a
//!    small bonus for the number of outlets reporting the sentence, within the word and
//!    sentence budget: redundancy is controlled because a concept counts once.
//! 4. Chosen sentences are put in chronological order (article date, then position).
//! 5. Each sentence's sources: its own article, the articles of its copies, and those of every
//!    sentence in the story that the [`paraphrase`] test judges a rewording of it, or of every
//!    two adjacent sentences that together reword it ([`ParaphraseTest::judge_window`]: one
//!    outlet's sentence is often two sentences in another's). The sentences of such a
//!    rewording are not chosen after it: they repeat what the summary says.
//!
//! [`summarize_update`] summarizes only what is new given articles already seen: concepts the
//! seen articles state weigh nothing, and sentences that a seen article rewords (in one
//! sentence or two adjacent ones) are left out.

#![warn(missing_docs)]

pub mod paraphrase;

use std::collections::{HashMap, HashSet};

use storyline_core::{ArticleIdx, Attributed, Corpus, SentenceRef, Story};
use storyline_syndication::SentenceSources;
use storyline_text::Analyzer;

use crate::paraphrase::{ParaphraseTest, Profile, Window};

/// Length budget and options of a summary.
#[derive(Debug, Clone)]
pub struct SummaryOptions {
    /// Maximum words (white-space separated, as ROUGE counts them).
    pub max_words: usize,
    /// Maximum sentences.
    pub max_sentences: usize,
    /// Shortest candidate sentence, in words.
    pub min_sentence_words: usize,
    /// Longest candidate sentence, in words.
    pub max_sentence_words: usize,
    /// Let the last chosen sentence run past `max_words` (for evaluations that truncate to the
    /// budget, as ROUGE `-l` does); off for briefings, which show whole sentences.
    pub overflow_last: bool,
    /// The rule that decides whether two sentences report the same content.
    pub paraphrase: ParaphraseTest,
    /// Update summaries: weight left to a concept that a seen article already states
    /// (0 drops it, 1 ignores what was seen).
    pub seen_concept_weight: f64,
    /// Exponent `r` of the length cost in the greedy choice (gain / words^r, as in Lin &
    /// Bilmes' modified greedy): 1 ranks by gain per word, which favours short sentences;
    /// below 1 a longer sentence that covers more is preferred.
    pub cost_exponent: f64,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        SummaryOptions {
            max_words: 100,
            max_sentences: 5,
            min_sentence_words: 8,
            max_sentence_words: 55,
            overflow_last: false,
            paraphrase: ParaphraseTest::ATTRIBUTION,
            seen_concept_weight: 0.3,
            cost_exponent: 0.7,
        }
    }
}

/// One candidate (or context) sentence of the story.
#[derive(Debug, Clone)]
struct Unit {
    r: SentenceRef,
    words: usize,
    concepts: Vec<u64>,
    profile: Profile,
    /// Every article that carries the sentence (copies merged), own article first.
    articles: Vec<ArticleIdx>,
    candidate: bool,
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Sentences that read as headlines, questions, bylines or fragments make poor summary
/// sentences.
fn usable(text: &str) -> bool {
    let t = text.trim();
    let Some(last) = t.chars().last() else {
        return false;
    };
    if !matches!(last, '.' | '"' | '\'' | '”' | '’' | ')') {
        return false;
    }
    if t.starts_with('"') || t.starts_with('“') || t.starts_with("``") || t.starts_with('\'') {
        return false;
    }
    let first = t
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    !matches!(
        first.as_str(),
        "he" | "she"
            | "it"
            | "they"
            | "this"
            | "that"
            | "these"
            | "those"
            | "but"
            | "and"
            | "his"
            | "her"
            | "its"
            | "their"
            | "there"
            | "we"
            | "i"
            | "you"
    )
}

fn story_language(corpus: &Corpus, articles: &[ArticleIdx]) -> String {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for &a in articles {
        if let Some(l) = corpus.articles.get(a).and_then(|a| a.language.as_deref()) {
            *counts.entry(l).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(l, n)| (*n, std::cmp::Reverse(*l)))
        .map(|(l, _)| l.to_string())
        .unwrap_or_else(|| "en".to_string())
}

/// The units of some articles, and every pair of units that stand next to each other in one
/// of them (first, second), without repeats.
struct Units {
    units: Vec<Unit>,
    adjacent: Vec<(usize, usize)>,
}

/// Every two adjacent sentences of the units' articles as one passage, for testing many
/// sentences against them.
fn windows<'a>(units: &'a [Unit], adjacent: &[(usize, usize)]) -> Vec<Window<'a>> {
    adjacent
        .iter()
        .map(|&(f, s)| Window::new(&units[f].profile, &units[s].profile))
        .collect()
}

/// Builds the units of the given articles, merging copies: a sentence whose copy (per
/// `sources`, or with identical wording) appears earlier is folded into that copy.
fn build_units(
    corpus: &Corpus,
    articles: &[ArticleIdx],
    sources: &SentenceSources,
    analyzer: &Analyzer,
    options: &SummaryOptions,
) -> Units {
    let in_story: HashSet<ArticleIdx> = articles.iter().copied().collect();
    let mut units: Vec<Unit> = Vec::new();
    let mut adjacent: Vec<(usize, usize)> = Vec::new();
    let mut seen_pairs: HashSet<(usize, usize)> = HashSet::new();
    let mut by_ref: HashMap<SentenceRef, usize> = HashMap::new();
    let mut by_text: HashMap<String, usize> = HashMap::new();
    for &a in articles {
        let Some(sentences) = corpus.sentences.get(a) else {
            continue;
        };
        // The unit of the article's previous non-empty sentence.
        let mut prev: Option<usize> = None;
        let mut next_to = |u: usize, prev: &mut Option<usize>| {
            if let Some(p) = prev.replace(u)
                && p != u
                && seen_pairs.insert((p, u))
            {
                adjacent.push((p, u));
            }
        };
        for (i, _) in sentences.iter().enumerate() {
            let r = SentenceRef {
                article: a,
                sentence: i,
            };
            let text = corpus.sentence_text(r);
            let key: String = text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if key.is_empty() {
                continue;
            }
            let earlier = sources
                .equivalents(r)
                .iter()
                .filter_map(|e| by_ref.get(e).copied())
                .next()
                .or_else(|| by_text.get(&key).copied());
            if let Some(u) = earlier {
                next_to(u, &mut prev);
                by_ref.insert(r, u);
                for art in sources.articles(r) {
                    if in_story.contains(&art) && !units[u].articles.contains(&art) {
                        units[u].articles.push(art);
                    }
                }
                continue;
            }
            let words = word_count(text);
            let mut arts: Vec<ArticleIdx> = Vec::new();
            for art in sources.articles(r) {
                if (art == a || in_story.contains(&art)) && !arts.contains(&art) {
                    arts.push(art);
                }
            }
            let candidate = words >= options.min_sentence_words
                && words <= options.max_sentence_words
                && usable(text);
            next_to(units.len(), &mut prev);
            by_ref.insert(r, units.len());
            by_text.insert(key, units.len());
            let profile = paraphrase::profile(analyzer, text);
            units.push(Unit {
                r,
                words,
                concepts: profile.bigrams.clone(),
                profile,
                articles: arts,
                candidate,
            });
        }
    }
    Units { units, adjacent }
}

/// Concept weights: number of independent articles stating the concept (copies merged, so a
/// syndicated report counts once), with a bonus for lead sentences, thresholded at `min_df`.
fn concept_weights(units: &[Unit], n_articles: usize) -> HashMap<u64, f64> {
    // (articles stating the concept, last article counted, stated in a lead sentence)
    let mut df: HashMap<u64, (usize, ArticleIdx, bool)> = HashMap::new();
    for u in units {
        for &c in &u.concepts {
            let e = df.entry(c).or_insert((0, usize::MAX, false));
            if e.1 != u.r.article {
                e.0 += 1;
                e.1 = u.r.article;
            }
            e.2 |= u.r.sentence < 2;
        }
    }
    let min_df = if n_articles >= 8 {
        3
    } else if n_articles >= 3 {
        2
    } else {
        1
    };
    df.into_iter()
        .filter(|(_, (n, _, _))| *n >= min_df)
        .map(|(c, (n, _, lead))| {
            let bonus = if lead { 1.5 } else { 1.0 };
            (c, n as f64 * bonus)
        })
        .collect()
}

fn chronological_key(corpus: &Corpus, r: SentenceRef) -> (chrono::NaiveDate, ArticleIdx, usize) {
    let date = corpus
        .articles
        .get(r.article)
        .and_then(|a| a.date())
        .unwrap_or(chrono::NaiveDate::MAX);
    (date, r.article, r.sentence)
}

/// Hasher for keys that already are well-mixed 64-bit hashes (concept ids).
#[derive(Default, Clone, Copy)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdSet = HashSet<u64, std::hash::BuildHasherDefault<IdHasher>>;

/// A candidate's index, its weighted concepts and its outlet-support factor.
type Weighted = (usize, Vec<(u64, f64)>, f64);

/// A chosen unit with every unit (any length) that rewords it, and the articles of every two
/// adjacent sentences that reword it together.
struct Choice {
    unit: usize,
    rewordings: Vec<usize>,
    passage_articles: Vec<ArticleIdx>,
}

/// Greedy concept-coverage selection, in the order chosen.
fn select(
    units: &[Unit],
    adjacent: &[(usize, usize)],
    weights: &HashMap<u64, f64>,
    options: &SummaryOptions,
) -> Vec<Choice> {
    // Weighted concepts of each candidate, computed once; units without any cannot help.
    let weighted: Vec<Weighted> = units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.candidate)
        .filter_map(|(i, u)| {
            let w: Vec<(u64, f64)> = u
                .concepts
                .iter()
                .filter_map(|c| weights.get(c).map(|&w| (*c, w)))
                .collect();
            let support = 1.0 + 0.1 * (u.articles.len() as f64).ln();
            (!w.is_empty()).then_some((i, w, support))
        })
        .collect();
    let mut covered = IdSet::default();
    let mut chosen: Vec<Choice> = Vec::new();
    let mut used = vec![false; units.len()];
    let mut words = 0usize;
    while chosen.len() < options.max_sentences {
        let remaining = options.max_words.saturating_sub(words);
        if remaining == 0 {
            break;
        }
        let mut best: Option<(usize, f64)> = None;
        for (i, concepts, support) in &weighted {
            let (i, u) = (*i, &units[*i]);
            if used[i] {
                continue;
            }
            let fits = u.words <= remaining;
            if !fits && !options.overflow_last {
                continue;
            }
            let g: f64 = concepts
                .iter()
                .filter(|(c, _)| !covered.contains(c))
                .map(|(_, w)| w)
                .sum::<f64>()
                * support;
            if g <= 0.0 {
                continue;
            }
            // Overflowing sentences only count for the words that fit.
            let cost = (u.words.max(1) as f64).powf(options.cost_exponent);
            let score = if fits {
                g / cost
            } else {
                g * remaining as f64 / (u.words.max(1) as f64 * cost)
            };
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((i, score));
            }
        }
        let Some((i, _)) = best else {
            break;
        };
        used[i] = true;
        words += units[i].words;
        covered.extend(units[i].concepts.iter().copied());
        // A sentence that rewords a chosen one adds nothing new.
        let rewordings: Vec<usize> = (0..units.len())
            .filter(|&j| {
                j != i
                    && options
                        .paraphrase
                        .judge(&units[i].profile, &units[j].profile)
            })
            .collect();
        for &j in &rewordings {
            used[j] = true;
        }
        // So does each of two adjacent sentences that together reword it.
        // Their articles are those that carry both sentences.
        let mut passage_articles: Vec<ArticleIdx> = Vec::new();
        for &(f, s) in adjacent {
            if f != i
                && s != i
                && options.paraphrase.judge_adjacent(
                    &units[i].profile,
                    &units[f].profile,
                    &units[s].profile,
                )
            {
                used[f] = true;
                used[s] = true;
                passage_articles.extend(
                    units[f]
                        .articles
                        .iter()
                        .filter(|a| units[s].articles.contains(a)),
                );
            }
        }
        chosen.push(Choice {
            unit: i,
            rewordings,
            passage_articles,
        });
    }
    chosen
}

/// The sources of a chosen unit: its copies' articles plus the articles of every story
/// sentence, or two adjacent sentences, that reword it; its own article first, then the others
/// in corpus order.
fn attribute(units: &[Unit], choice: &Choice) -> Vec<ArticleIdx> {
    let me = &units[choice.unit];
    let mut others: Vec<ArticleIdx> = Vec::new();
    let articles = std::iter::once(me)
        .chain(choice.rewordings.iter().map(|&j| &units[j]))
        .flat_map(|u| u.articles.iter().copied())
        .chain(choice.passage_articles.iter().copied());
    for a in articles {
        if a != me.r.article && !others.contains(&a) {
            others.push(a);
        }
    }
    others.sort_unstable();
    let mut out = vec![me.r.article];
    out.extend(others);
    out
}

fn finish(corpus: &Corpus, units: &[Unit], chosen: Vec<Choice>) -> Vec<Attributed> {
    let mut out: Vec<Attributed> = chosen
        .iter()
        .map(|c| Attributed {
            sentence: units[c.unit].r,
            sources: attribute(units, c),
        })
        .collect();
    out.sort_by_key(|a| chronological_key(corpus, a.sentence));
    out
}

/// Summarizes a story; sentences come in chronological order with their sources.
pub fn summarize(
    corpus: &Corpus,
    story: &Story,
    sources: &SentenceSources,
    options: &SummaryOptions,
) -> Vec<Attributed> {
    let analyzer = Analyzer::new(&story_language(corpus, &story.articles));
    let Units { units, adjacent } =
        build_units(corpus, &story.articles, sources, &analyzer, options);
    let weights = concept_weights(&units, story.articles.len());
    let chosen = select(&units, &adjacent, &weights, options);
    finish(corpus, &units, chosen)
}

/// Summarizes what the story's articles add to the `seen` articles: concepts that a seen
/// article states weigh nothing, and sentences that reword (or copy) a seen sentence are not
/// chosen. Sentences come in chronological order with their sources among the new articles.
pub fn summarize_update(
    corpus: &Corpus,
    story: &Story,
    seen: &[ArticleIdx],
    sources: &SentenceSources,
    options: &SummaryOptions,
) -> Vec<Attributed> {
    let seen_set: HashSet<ArticleIdx> = seen.iter().copied().collect();
    let new: Vec<ArticleIdx> = story
        .articles
        .iter()
        .copied()
        .filter(|a| !seen_set.contains(a))
        .collect();
    let mut all = story.articles.clone();
    all.sort_unstable();
    let language = story_language(corpus, &all);
    let analyzer = Analyzer::new(&language);
    let Units {
        units: old_units,
        adjacent: old_adjacent,
    } = build_units(corpus, seen, sources, &analyzer, options);
    let old_windows = windows(&old_units, &old_adjacent);
    let Units {
        mut units,
        adjacent,
    } = build_units(corpus, &new, sources, &analyzer, options);
    let old_concepts: HashSet<u64> = old_units
        .iter()
        .flat_map(|u| u.concepts.iter().copied())
        .collect();
    let copied: HashSet<SentenceRef> = old_units
        .iter()
        .flat_map(|u| std::iter::once(u.r).chain(sources.equivalents(u.r).iter().copied()))
        .collect();
    for u in &mut units {
        if copied.contains(&u.r)
            || sources
                .equivalents(u.r)
                .iter()
                .any(|e| seen_set.contains(&e.article))
            || old_units
                .iter()
                .any(|o| options.paraphrase.judge(&o.profile, &u.profile))
            || old_windows
                .iter()
                .any(|w| options.paraphrase.judge_window(&u.profile, w))
        {
            u.candidate = false;
        }
        u.articles.retain(|a| !seen_set.contains(a));
        if u.articles.is_empty() {
            u.articles.push(u.r.article);
        }
    }
    let mut weights = concept_weights(&units, new.len());
    for (c, w) in weights.iter_mut() {
        if old_concepts.contains(c) {
            *w *= options.seen_concept_weight;
        }
    }
    let chosen = select(&units, &adjacent, &weights, options);
    finish(corpus, &units, chosen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_core::{Article, Sentence};

    fn corpus(texts: &[(&str, &str)]) -> Corpus {
        let mut c = Corpus::default();
        for (idx, (id, text)) in texts.iter().enumerate() {
            let mut a = Article::new(*id, *text);
            a.language = Some("en".into());
            let mut sentences = Vec::new();
            let mut start = 0;
            for (i, part) in text.split_inclusive(". ").enumerate() {
                let end = start + part.len();
                let trimmed = part.trim_end();
                sentences.push(Sentence {
                    article: idx,
                    index: i,
                    start,
                    end: start + trimmed.len(),
                    paragraph: 0,
                    timexes: Vec::new(),
                });
                start = end;
            }
            c.articles.push(a);
            c.sentences.push(sentences);
        }
        c
    }

    const WIRE: &str = "Syrian government forces seized the Sheikh Saeed district of eastern Aleppo on Monday. \
        The army now controls more than 70 percent of the former rebel enclave in eastern Aleppo. \
        Tens of thousands of civilians fled the fighting in eastern Aleppo overnight into government areas.";

    #[test]
    fn summary_is_within_budget_in_order_and_credits_copies() {
        let c = corpus(&[
            ("000", WIRE),
            ("001", WIRE),
            (
                "002",
                "Government forces in eastern Aleppo now control more than 70 percent of the former rebel enclave, a monitor said. \
                 Russia said talks with the United States on a rebel withdrawal from Aleppo would start soon.",
            ),
        ]);
        let story = Story {
            id: 0,
            articles: vec![0, 1, 2],
            events: Vec::new(),
        };
        let opts = SummaryOptions {
            max_words: 60,
            ..SummaryOptions::default()
        };
        let s = summarize(&c, &story, &SentenceSources::default(), &opts);
        assert!(!s.is_empty());
        let words: usize = s
            .iter()
            .map(|a| word_count(c.sentence_text(a.sentence)))
            .sum();
        assert!(words <= 60, "{words} words");
        for w in s.windows(2) {
            assert!(chronological_key(&c, w[0].sentence) <= chronological_key(&c, w[1].sentence));
        }
        // Every sentence taken from the wire copy names both copies.
        for a in &s {
            if a.sentence.article <= 1 {
                assert!(a.sources.contains(&0) && a.sources.contains(&1), "{a:?}");
            }
            assert_eq!(a.sources[0], a.sentence.article);
        }
        // The 70-percent sentence is credited to the reworded report as well.
        let seventy = s
            .iter()
            .find(|a| c.sentence_text(a.sentence).contains("70 percent"))
            .expect("the most reported fact is chosen");
        assert!(seventy.sources.contains(&2), "{seventy:?}");
    }

    #[test]
    fn update_summary_leaves_out_what_was_seen() {
        let c = corpus(&[
            ("old", WIRE),
            (
                "new",
                "The army now controls more than 70 percent of the former rebel enclave in eastern Aleppo. \
                 A ceasefire for eastern Aleppo was agreed late on Tuesday to let rebels and civilians leave the city.",
            ),
            (
                "new2",
                "A ceasefire for eastern Aleppo was agreed on Tuesday to let rebels and civilians leave the city by bus.",
            ),
        ]);
        let story = Story {
            id: 0,
            articles: vec![0, 1, 2],
            events: Vec::new(),
        };
        let s = summarize_update(
            &c,
            &story,
            &[0],
            &SentenceSources::default(),
            &SummaryOptions::default(),
        );
        assert!(!s.is_empty());
        for a in &s {
            assert_ne!(a.sentence.article, 0);
            assert!(!c.sentence_text(a.sentence).contains("70 percent"));
            assert!(!a.sources.contains(&0));
        }
    }

    const SPLIT: &str = "The council voted 31 to 12 on Tuesday for the new 9-kilometre tram line. \
        The line, which will run from the station to the harbour, will cost 410 million crowns. \
        Traders at the market square vowed to challenge the decision in court.";

    #[test]
    fn a_sentence_reported_in_two_adjacent_sentences_names_both_sources() {
        let c = corpus(&[
            (
                "one",
                "The council voted 31 to 12 for the new tram line, which will cost 410 million crowns. \
                 Opponents of the tram line called for a tunnel under the market square instead.",
            ),
            ("two", SPLIT),
        ]);
        let story = Story {
            id: 0,
            articles: vec![0, 1],
            events: Vec::new(),
        };
        let s = summarize(
            &c,
            &story,
            &SentenceSources::default(),
            &SummaryOptions::default(),
        );
        let vote = s
            .iter()
            .find(|a| a.sentence.article == 0 && a.sentence.sentence == 0)
            .expect("the vote is summarized from the first article");
        assert_eq!(vote.sources, vec![0, 1]);
        // The two sentences that reword it are not chosen after it.
        assert!(
            !s.iter()
                .any(|a| a.sentence.article == 1 && a.sentence.sentence < 2),
            "{s:?}"
        );
    }

    #[test]
    fn update_summary_leaves_out_what_two_seen_sentences_said() {
        let c = corpus(&[
            ("old", SPLIT),
            (
                "new",
                "The council voted 31 to 12 for the new tram line, which will cost 410 million crowns. \
                 A court in Eastgate agreed on Friday to hear the traders' case against the new tram line.",
            ),
        ]);
        let story = Story {
            id: 0,
            articles: vec![0, 1],
            events: Vec::new(),
        };
        let s = summarize_update(
            &c,
            &story,
            &[0],
            &SentenceSources::default(),
            &SummaryOptions::default(),
        );
        assert!(!s.is_empty());
        assert!(s.iter().all(|a| a.sentence.sentence != 0), "{s:?}");
    }

    #[test]
    fn empty_story_gives_empty_summary() {
        let c = Corpus::default();
        let story = Story {
            id: 0,
            articles: vec![],
            events: vec![],
        };
        assert!(
            summarize(
                &c,
                &story,
                &SentenceSources::default(),
                &SummaryOptions::default()
            )
            .is_empty()
        );
    }
}
