//! Sentence-level matching: for every sentence, the sentences of other articles that carry
//! the same or a lightly edited text.
//!
//! Two tests, both symmetric:
//! * **same text**: equal hashes of the normalised word sequence (case, punctuation and
//!   British/American spelling ignored), for sentences of at least [`SentenceConfig::min_words`]
//!   words;
//! * **lightly edited**: the sets of stemmed content terms (stop words dropped) have
//!   Jaccard similarity ≥ [`SentenceConfig::jaccard`], or the shorter set is contained in the
//!   longer at ≥ [`SentenceConfig::containment`] while being at least
//!   [`SentenceConfig::min_ratio`] of its size. Candidate pairs come from an inverted index
//!   probed with each sentence's rarest terms (prefix filtering), which finds every pair that
//!   passes the test, without comparing all pairs.

use std::collections::HashMap;

use rayon::prelude::*;
use storyline_core::{ArticleIdx, Corpus, SentenceRef};
use xxhash_rust::xxh3::xxh3_64;

use crate::shingle::{fold_spelling, mix64, word_hash};

/// Thresholds of the sentence matcher.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceConfig {
    /// Jaccard similarity of content-term sets that makes two sentences equivalent.
    pub jaccard: f64,
    /// Containment of the shorter term set in the longer that makes them equivalent…
    pub containment: f64,
    /// …when the shorter set has at least this share of the longer one's terms.
    pub min_ratio: f64,
    /// Sentences with fewer distinct content terms are matched by exact text only.
    pub min_terms: usize,
    /// Sentences with fewer words are not matched at all (`"He said."`).
    pub min_words: usize,
}

impl Default for SentenceConfig {
    fn default() -> Self {
        SentenceConfig {
            jaccard: 0.7,
            containment: 0.9,
            min_ratio: 0.5,
            min_terms: 4,
            min_words: 5,
        }
    }
}

/// For every sentence, the sentences of other articles that carry the same or a lightly
/// edited text.
#[derive(Debug, Clone, Default)]
pub struct SentenceSources {
    same: HashMap<SentenceRef, Vec<SentenceRef>>,
}

struct Prepared {
    r: SentenceRef,
    exact: Option<u64>,
    terms: Vec<u64>,
}

fn prepare_article(corpus: &Corpus, a: ArticleIdx, cfg: &SentenceConfig) -> Vec<Prepared> {
    let article = &corpus.articles[a];
    let analyzer = storyline_text::Analyzer::new(article.language.as_deref().unwrap_or("en"));
    corpus.sentences[a]
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let text = s.text(&article.text);
            let tokens = storyline_text::tokenize(text);
            let mut key = 0x51_7cc1_b727_220au64;
            let mut folded = String::with_capacity(text.len());
            for t in &tokens {
                key = mix64(key.rotate_left(17) ^ word_hash(t.text));
                let lower = t.text.to_lowercase().replace('\u{2019}', "'");
                folded.push_str(&fold_spelling(&lower));
                folded.push(' ');
            }
            let mut terms: Vec<u64> = analyzer
                .terms(&folded)
                .iter()
                .map(|t| xxh3_64(t.as_bytes()))
                .collect();
            terms.sort_unstable();
            terms.dedup();
            Prepared {
                r: SentenceRef {
                    article: a,
                    sentence: i,
                },
                exact: (tokens.len() >= cfg.min_words).then_some(key),
                terms,
            }
        })
        .collect()
}

fn overlap(a: &[u32], b: &[u32]) -> usize {
    storyline_text::sorted_overlap(a, b)
}

impl SentenceSources {
    /// Builds the index for a corpus with the default thresholds.
    pub fn build(corpus: &Corpus) -> Self {
        Self::build_with(corpus, &SentenceConfig::default())
    }

    /// Builds the index for a corpus.
    pub fn build_with(corpus: &Corpus, cfg: &SentenceConfig) -> Self {
        let n_articles = corpus.articles.len().min(corpus.sentences.len());
        let prepared: Vec<Prepared> = (0..n_articles)
            .into_par_iter()
            .flat_map_iter(|a| prepare_article(corpus, a, cfg))
            .collect();
        let mut pairs: Vec<(u32, u32)> = Vec::new();

        // Same normalised text.
        let mut by_key: HashMap<u64, Vec<u32>> = HashMap::new();
        for (i, p) in prepared.iter().enumerate() {
            if let Some(k) = p.exact {
                by_key.entry(k).or_default().push(i as u32);
            }
        }
        for members in by_key.values().filter(|m| m.len() > 1) {
            for (x, &a) in members.iter().enumerate() {
                for &b in &members[x + 1..] {
                    pairs.push((a, b));
                }
            }
        }

        // Lightly edited: terms ranked rarest first, prefix filtering.
        let mut df: HashMap<u64, u32> = HashMap::new();
        for p in &prepared {
            for &t in &p.terms {
                *df.entry(t).or_default() += 1;
            }
        }
        let mut vocab: Vec<(u32, u64)> = df.iter().map(|(&t, &d)| (d, t)).collect();
        vocab.sort_unstable();
        let rank: HashMap<u64, u32> = vocab
            .iter()
            .enumerate()
            .map(|(i, &(_, t))| (t, i as u32))
            .collect();
        let sets: Vec<Vec<u32>> = prepared
            .iter()
            .map(|p| {
                if p.exact.is_none() || p.terms.len() < cfg.min_terms {
                    return Vec::new();
                }
                let mut v: Vec<u32> = p
                    .terms
                    .iter()
                    .filter_map(|t| rank.get(t).copied())
                    .collect();
                v.sort_unstable();
                v
            })
            .collect();
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
        for (i, s) in sets.iter().enumerate() {
            for &t in s {
                postings[t as usize].push(i as u32);
            }
        }
        let t = cfg.jaccard.min(cfg.containment);
        let near: Vec<(u32, u32)> = sets
            .par_iter()
            .enumerate()
            .flat_map_iter(|(a, sa)| {
                let mut found = Vec::new();
                if sa.is_empty() {
                    return found;
                }
                let need = (t * sa.len() as f64).ceil() as usize;
                let prefix = (sa.len() + 1).saturating_sub(need).min(sa.len());
                let mut cands: Vec<u32> = sa[..prefix]
                    .iter()
                    .flat_map(|&term| postings[term as usize].iter().copied())
                    .filter(|&b| {
                        let b = b as usize;
                        prepared[b].r.article != prepared[a].r.article
                            && (sets[b].len(), b) > (sa.len(), a)
                    })
                    .collect();
                cands.sort_unstable();
                cands.dedup();
                for b in cands {
                    let sb = &sets[b as usize];
                    let common = overlap(sa, sb) as f64;
                    let (small, large) = (sa.len() as f64, sb.len() as f64);
                    let jac = common / (small + large - common);
                    let con = common / small;
                    if jac >= cfg.jaccard
                        || (con >= cfg.containment && small / large >= cfg.min_ratio)
                    {
                        found.push((a as u32, b));
                    }
                }
                found
            })
            .collect();
        pairs.extend(near);

        let mut same: HashMap<SentenceRef, Vec<SentenceRef>> = HashMap::new();
        for (a, b) in pairs {
            let (ra, rb) = (prepared[a as usize].r, prepared[b as usize].r);
            if ra.article == rb.article {
                continue;
            }
            same.entry(ra).or_default().push(rb);
            same.entry(rb).or_default().push(ra);
        }
        for v in same.values_mut() {
            v.sort_unstable();
            v.dedup();
        }
        SentenceSources { same }
    }

    /// Sentences equivalent to `r` in other articles (not including `r`), in corpus order.
    pub fn equivalents(&self, r: SentenceRef) -> &[SentenceRef] {
        self.same.get(&r).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every article that carries `r`: its own article first, then the others in corpus order.
    pub fn articles(&self, r: SentenceRef) -> Vec<ArticleIdx> {
        let mut out = vec![r.article];
        for e in self.equivalents(r) {
            if !out.contains(&e.article) {
                out.push(e.article);
            }
        }
        out
    }

    /// Number of sentences that have at least one equivalent.
    pub fn shared(&self) -> usize {
        self.same.len()
    }
}
