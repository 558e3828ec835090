//! Article features for story clustering: stemmed content terms (through
//! [`storyline_text::Analyzer`]) interned as `u32` ids, split into three term-frequency
//! vectors (body, title, named-entity-like terms), with incrementally learned document
//! frequencies.
//!
//! A named-entity-like term is a capitalised token that does not open a sentence (the text
//! between it and the previous token holds no `.`, `!`, `?`, `:` or line break).

use std::collections::HashMap;

use storyline_text::{Analyzer, is_stop_word, tokenize};

/// A fast non-cryptographic hasher (the FxHash multiply-rotate scheme) for the clusterer's
/// hot maps: term ids, cached words. Inputs are not adversarial-critical here; a skewed key
/// set only slows lookups down.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// Term id in a [`Vocabulary`].
pub type TermId = u32;

/// A sparse vector: `(term, weight)` pairs sorted by term id.
pub type SparseVec = Vec<(TermId, f32)>;

/// Raw term frequencies of one article, per field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermCounts {
    /// Content terms of the body text.
    pub body: Vec<(TermId, u32)>,
    /// Content terms of the headline.
    pub title: Vec<(TermId, u32)>,
    /// Named-entity-like terms of the body (capitalised, not sentence-initial).
    pub entities: Vec<(TermId, u32)>,
}

impl TermCounts {
    /// Distinct terms over all fields, sorted (each counted once for document frequency).
    pub fn distinct_terms(&self) -> Vec<TermId> {
        let mut all: Vec<TermId> = self
            .body
            .iter()
            .chain(&self.title)
            .chain(&self.entities)
            .map(|&(t, _)| t)
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

struct LangCache {
    analyzer: Analyzer,
    /// Lower-cased word → stemmed term id (`None` for stop words).
    words: FxMap<String, Option<TermId>>,
}

/// Term interning, per-language stemming caches and document frequencies.
pub struct Vocabulary {
    terms: FxMap<String, TermId>,
    df: Vec<u32>,
    docs: u64,
    langs: Vec<(String, LangCache)>,
    /// Upper bound on cached words per language; the cache is cleared when it is reached.
    max_cached_words: usize,
    lower: String,
}

impl std::fmt::Debug for Vocabulary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocabulary")
            .field("terms", &self.terms.len())
            .field("docs", &self.docs)
            .finish()
    }
}

impl Default for Vocabulary {
    fn default() -> Self {
        Vocabulary {
            terms: FxMap::default(),
            df: Vec::new(),
            docs: 0,
            langs: Vec::new(),
            max_cached_words: 500_000,
            lower: String::new(),
        }
    }
}

impl Vocabulary {
    /// Number of distinct terms seen.
    pub fn len(&self) -> usize {
        self.df.len()
    }

    /// Whether no term was seen yet.
    pub fn is_empty(&self) -> bool {
        self.df.is_empty()
    }

    /// Number of documents counted into the document frequencies.
    pub fn docs(&self) -> u64 {
        self.docs
    }

    /// Smoothed inverse document frequency of a term: `ln((N + 1) / (df + 1)) + 1`.
    pub fn idf(&self, t: TermId) -> f32 {
        let df = self.df.get(t as usize).copied().unwrap_or(0) as f32;
        ((self.docs as f32 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// Counts one document's distinct terms into the document frequencies.
    pub fn observe(&mut self, counts: &TermCounts) {
        self.docs += 1;
        for t in counts.distinct_terms() {
            if let Some(d) = self.df.get_mut(t as usize) {
                *d += 1;
            }
        }
    }

    fn intern(&mut self, stem: &str) -> TermId {
        if let Some(&id) = self.terms.get(stem) {
            return id;
        }
        let id = self.df.len() as TermId;
        self.terms.insert(stem.to_string(), id);
        self.df.push(0);
        id
    }

    fn lang_index(&mut self, language: &str) -> usize {
        if let Some(i) = self.langs.iter().position(|(l, _)| l == language) {
            return i;
        }
        self.langs.push((
            language.to_string(),
            LangCache {
                analyzer: Analyzer::new(language),
                words: FxMap::default(),
            },
        ));
        self.langs.len() - 1
    }

    /// The term id of a word (`None` for stop words and pure numbers), through the cache.
    fn term(&mut self, lang: usize, word: &str) -> Option<TermId> {
        let mut lower = std::mem::take(&mut self.lower);
        lower.clear();
        for c in word.chars() {
            lower.extend(c.to_lowercase());
        }
        let cached = self.langs[lang].1.words.get(lower.as_str()).copied();
        let out = match cached {
            Some(v) => v,
            None => {
                let cache = &self.langs[lang].1;
                let code = cache.analyzer.language();
                let v = if is_stop_word(code, &lower) || lower.chars().all(|c| c.is_ascii_digit()) {
                    None
                } else {
                    let stem = cache
                        .analyzer
                        .stems(&lower)
                        .into_iter()
                        .next()
                        .unwrap_or_else(|| lower.clone());
                    Some(self.intern(&stem))
                };
                let max = self.max_cached_words;
                let words = &mut self.langs[lang].1.words;
                if words.len() >= max {
                    words.clear();
                }
                words.insert(lower.clone(), v);
                v
            }
        };
        self.lower = lower;
        out
    }

    /// Extracts the term counts of an article (title optional) in a language (ISO 639-1;
    /// unknown codes are analysed as English).
    pub fn counts(&mut self, language: &str, title: Option<&str>, text: &str) -> TermCounts {
        let lang = self.lang_index(language);
        let mut body: FxMap<TermId, u32> = FxMap::default();
        let mut entities: FxMap<TermId, u32> = FxMap::default();
        let mut prev_end = 0usize;
        let mut first = true;
        for tok in tokenize(text) {
            let gap = text.get(prev_end..tok.start).unwrap_or("");
            let sentence_start = first || gap.contains(['.', '!', '?', ':', '\n']);
            first = false;
            prev_end = tok.end;
            let Some(t) = self.term(lang, tok.text) else {
                continue;
            };
            *body.entry(t).or_default() += 1;
            let capitalised = tok.text.chars().next().is_some_and(char::is_uppercase);
            if capitalised && !sentence_start {
                *entities.entry(t).or_default() += 1;
            }
        }
        let mut title_counts: FxMap<TermId, u32> = FxMap::default();
        if let Some(title) = title {
            for tok in tokenize(title) {
                if let Some(t) = self.term(lang, tok.text) {
                    *title_counts.entry(t).or_default() += 1;
                }
            }
        }
        TermCounts {
            body: sorted(body),
            title: sorted(title_counts),
            entities: sorted(entities),
        }
    }

    /// A TF-IDF vector `(1 + ln tf) · idf`, L2-normalised, cut to its `max_terms` heaviest
    /// terms (then normalised again), sorted by term id.
    pub fn tfidf(&self, counts: &[(TermId, u32)], max_terms: usize) -> SparseVec {
        let mut v: SparseVec = counts
            .iter()
            .map(|&(t, tf)| (t, (1.0 + (tf as f32).ln()) * self.idf(t)))
            .collect();
        if v.len() > max_terms {
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(max_terms);
            v.sort_unstable_by_key(|&(t, _)| t);
        }
        normalize(&mut v);
        v
    }
}

/// Scales a sparse vector to unit L2 norm (no change for the zero vector).
pub fn normalize(v: &mut SparseVec) {
    let norm = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

fn sorted(map: FxMap<TermId, u32>) -> Vec<(TermId, u32)> {
    let mut v: Vec<(TermId, u32)> = map.into_iter().collect();
    v.sort_unstable_by_key(|&(t, _)| t);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_skip_sentence_starts_and_stop_words() {
        let mut v = Vocabulary::default();
        let c = v.counts(
            "en",
            Some("Army retakes Aleppo"),
            "Troops entered Aleppo on Tuesday. Rebels fled to Idlib.",
        );
        let ent: Vec<TermId> = c.entities.iter().map(|&(t, _)| t).collect();
        let aleppo = v.term(0, "Aleppo").expect("content word");
        let idlib = v.term(0, "Idlib").expect("content word");
        let troops = v.term(0, "Troops").expect("content word");
        let rebels = v.term(0, "Rebels").expect("content word");
        assert!(ent.contains(&aleppo) && ent.contains(&idlib));
        assert!(!ent.contains(&troops) && !ent.contains(&rebels));
        assert!(v.term(0, "the").is_none());
        assert_eq!(c.title.len(), 3);
        // "Troops" and "troops" are the same term.
        assert_eq!(v.term(0, "troops"), Some(troops));
    }

    #[test]
    fn idf_is_learned_incrementally() {
        let mut v = Vocabulary::default();
        let a = v.counts("en", None, "Aleppo siege");
        v.observe(&a);
        let b = v.counts("en", None, "Aleppo ceasefire");
        v.observe(&b);
        let aleppo = v.term(0, "aleppo").expect("term");
        let siege = v.term(0, "siege").expect("term");
        assert_eq!(v.docs(), 2);
        assert!(v.idf(siege) > v.idf(aleppo));
        let w = v.tfidf(&b.body, 10);
        let norm: f32 = w.iter().map(|x| x.1 * x.1).sum();
        assert!((norm - 1.0).abs() < 1e-5);
    }
}
