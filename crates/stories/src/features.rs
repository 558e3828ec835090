//! Article features for story clustering: stemmed content terms (through
//! [`storyline_text::Analyzer`]) interned as `u32` ids, split into three term-frequency
//! vectors (body, title, named-entity-like terms), with incrementally learned document
//! frequencies.
//!
//! A named-entity-like term is a capitalised token that does not open a sentence (the text
//! between it and the previous token holds no `.`, `!`, `?`, `:` or line break).

use std::collections::HashMap;

use storyline_text::{Analyzer, is_stop_word, tokens};

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
    fn write_u128(&mut self, i: u128) {
        self.add(i as u64);
        self.add((i >> 64) as u64);
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

/// A stem as a compact key: up to 16 bytes (without NUL) packed into one integer, so that
/// hashing and comparing it costs two machine words; longer stems are kept on the heap. The
/// form is canonical (one string, one key), so keys compare as their strings do.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Stem(StemRepr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum StemRepr {
    Inline(u128),
    Heap(Box<str>),
}

impl Stem {
    /// The key of a string.
    pub fn new(s: &str) -> Stem {
        match pack(s.bytes()) {
            Some(k) => Stem(StemRepr::Inline(k)),
            None => Stem(StemRepr::Heap(s.into())),
        }
    }

    /// The stem as a string.
    pub fn as_string(&self) -> String {
        match &self.0 {
            StemRepr::Inline(k) => {
                let bytes = k.to_le_bytes();
                let len = bytes.iter().position(|&b| b == 0).unwrap_or(16);
                String::from_utf8_lossy(&bytes[..len]).into_owned()
            }
            StemRepr::Heap(s) => s.to_string(),
        }
    }
}

impl std::fmt::Debug for Stem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_string())
    }
}

/// Packs up to 16 non-NUL bytes into an integer (little-endian, zero padded); `None` if the
/// bytes do not fit.
fn pack(bytes: impl Iterator<Item = u8>) -> Option<u128> {
    let mut k = 0u128;
    for (i, b) in bytes.enumerate() {
        if i >= 16 || b == 0 {
            return None;
        }
        k |= (b as u128) << (8 * i);
    }
    Some(k)
}

/// The features of one article, computed without any shared state ([`featurize`]): its
/// distinct stems, in order of first occurrence (body, then headline), and per field the term
/// frequencies as `(index into terms, count)` pairs. Turning them into vocabulary ids
/// ([`Vocabulary::intern_features`]) is the only step that needs the (mutable) vocabulary,
/// so featurisation can run on other threads than assignment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleFeatures {
    /// Distinct stems, in order of first occurrence.
    pub terms: Vec<Stem>,
    /// Body term frequencies, `(index into terms, count)`, sorted by index.
    pub body: Vec<(u32, u32)>,
    /// Headline term frequencies, same form.
    pub title: Vec<(u32, u32)>,
    /// Named-entity-like term frequencies of the body, same form.
    pub entities: Vec<(u32, u32)>,
}

/// Marks a cached word without a stem (stop word, number) in `LangCache::short_words`.
const NO_STEM: u32 = u32::MAX;

/// Upper bound on cached words per language and thread; the cache is cleared when reached.
const MAX_CACHED_WORDS: usize = 500_000;

struct LangCache {
    analyzer: Analyzer,
    /// Lower-cased ASCII word of up to 16 bytes, packed ([`pack`]) as two words → index into
    /// `stems` ([`NO_STEM`] for stop words and numbers); 24-byte entries keep the table small.
    short_words: FxMap<(u64, u64), u32>,
    /// Any other lower-cased word → index into `stems`.
    words: FxMap<String, Option<u32>>,
    /// Distinct stems (words with one stem share its index).
    stems: Vec<Stem>,
    stem_ids: FxMap<Stem, u32>,
    /// Per stem index: the article stamp it was last seen in and its index in that
    /// article's terms (saves a map per article).
    local: Vec<(u32, u32)>,
    /// Stamp of the article being featurised.
    stamp: u32,
}

impl LangCache {
    fn len(&self) -> usize {
        self.short_words.len() + self.words.len()
    }

    fn clear(&mut self) {
        self.short_words.clear();
        self.words.clear();
        self.stems.clear();
        self.stem_ids.clear();
        self.local.clear();
    }
}

thread_local! {
    /// Per-thread analyzers and word → stem caches (a cache only saves work: the features
    /// of an article do not depend on what was cached before).
    static CACHES: std::cell::RefCell<Vec<(String, LangCache)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Extracts the features of an article (title optional) in a language (ISO 639-1; unknown
/// codes are analysed as English). Pure: the result depends only on the arguments (a
/// per-thread word cache only saves stemming work), so it can run on any thread.
pub fn featurize(language: &str, title: Option<&str>, text: &str) -> ArticleFeatures {
    CACHES.with(|caches| {
        let mut caches = caches.borrow_mut();
        let lang = match caches.iter().position(|(l, _)| l == language) {
            Some(i) => i,
            None => {
                caches.push((
                    language.to_string(),
                    LangCache {
                        analyzer: Analyzer::new(language),
                        short_words: FxMap::default(),
                        words: FxMap::default(),
                        stems: Vec::new(),
                        stem_ids: FxMap::default(),
                        local: Vec::new(),
                        stamp: 0,
                    },
                ));
                caches.len() - 1
            }
        };
        let cache = &mut caches[lang].1;
        if cache.len() >= MAX_CACHED_WORDS {
            cache.clear();
        }
        cache.stamp = cache.stamp.wrapping_add(1);
        if cache.stamp == 0 {
            // Stamps wrapped: forget every article's slots so none looks current.
            cache.local.iter_mut().for_each(|s| *s = (0, 0));
            cache.stamp = 1;
        }
        featurize_with(cache, title, text)
    })
}

fn featurize_with(cache: &mut LangCache, title: Option<&str>, text: &str) -> ArticleFeatures {
    let mut out = ArticleFeatures::default();
    // Dense per-field counts by index into `out.terms`.
    let mut body: Vec<u32> = Vec::new();
    let mut entities: Vec<u32> = Vec::new();
    let mut lower = String::new();
    let mut prev_end = 0usize;
    let mut first = true;
    for tok in tokens(text) {
        let gap = text.get(prev_end..tok.start).unwrap_or("");
        let sentence_start = first || gap.contains(['.', '!', '?', ':', '\n']);
        first = false;
        prev_end = tok.end;
        let Some(t) = term(cache, &mut out.terms, &mut lower, tok.text) else {
            continue;
        };
        bump(&mut body, t);
        let capitalised = tok.text.chars().next().is_some_and(char::is_uppercase);
        if capitalised && !sentence_start {
            bump(&mut entities, t);
        }
    }
    let mut title_counts: Vec<u32> = Vec::new();
    if let Some(title) = title {
        for tok in tokens(title) {
            if let Some(t) = term(cache, &mut out.terms, &mut lower, tok.text) {
                bump(&mut title_counts, t);
            }
        }
    }
    out.body = sparse(&body);
    out.title = sparse(&title_counts);
    out.entities = sparse(&entities);
    out
}

fn bump(counts: &mut Vec<u32>, t: u32) {
    let i = t as usize;
    if counts.len() <= i {
        counts.resize(i + 1, 0);
    }
    counts[i] += 1;
}

fn sparse(counts: &[u32]) -> Vec<(u32, u32)> {
    counts
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c > 0)
        .map(|(i, &c)| (i as u32, c))
        .collect()
}

/// The cache index of a lower-cased word's stem (`None` for stop words and pure numbers),
/// stemming it on a miss.
fn stem_of(cache: &mut LangCache, lower: &str) -> Option<u32> {
    let code = cache.analyzer.language();
    if is_stop_word(code, lower) || lower.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let stem = cache
        .analyzer
        .stems(lower)
        .into_iter()
        .next()
        .unwrap_or_else(|| lower.to_string());
    let key = Stem::new(&stem);
    Some(match cache.stem_ids.get(&key) {
        Some(&i) => i,
        None => {
            let i = cache.stems.len() as u32;
            cache.stems.push(key.clone());
            cache.stem_ids.insert(key, i);
            cache.local.push((0, 0));
            i
        }
    })
}

/// The article-local index of a word's stem (`None` for stop words and pure numbers).
fn term(
    cache: &mut LangCache,
    terms: &mut Vec<Stem>,
    lower: &mut String,
    word: &str,
) -> Option<u32> {
    let short = if word.is_ascii() {
        pack(word.bytes().map(|b| b.to_ascii_lowercase()))
    } else {
        None
    };
    let stem = match short {
        Some(k) => {
            let key = (k as u64, (k >> 64) as u64);
            match cache.short_words.get(&key) {
                Some(&NO_STEM) => return None,
                Some(&v) => v,
                None => {
                    let w = word.to_ascii_lowercase();
                    let v = stem_of(cache, &w);
                    cache.short_words.insert(key, v.unwrap_or(NO_STEM));
                    v?
                }
            }
        }
        None => {
            lower.clear();
            for c in word.chars() {
                lower.extend(c.to_lowercase());
            }
            match cache.words.get(lower.as_str()) {
                Some(v) => (*v)?,
                None => {
                    let v = stem_of(cache, lower);
                    cache.words.insert(lower.clone(), v);
                    v?
                }
            }
        }
    };
    let stamp = cache.stamp;
    let slot = &mut cache.local[stem as usize];
    if slot.0 == stamp {
        return Some(slot.1);
    }
    let id = terms.len() as u32;
    *slot = (stamp, id);
    terms.push(cache.stems[stem as usize].clone());
    Some(id)
}

/// Term interning and document frequencies.
#[derive(Default)]
pub struct Vocabulary {
    terms: FxMap<Stem, TermId>,
    df: Vec<u32>,
    /// Per term, the last document (count of `docs`) that [`Self::observe`] counted it in.
    last: Vec<u64>,
    docs: u64,
}

impl std::fmt::Debug for Vocabulary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocabulary")
            .field("terms", &self.terms.len())
            .field("docs", &self.docs)
            .finish()
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
        // A term counts once per document: `last[t]` holds the last document that counted it.
        let doc = self.docs;
        if self.last.len() < self.df.len() {
            self.last.resize(self.df.len(), 0);
        }
        for &(t, _) in counts
            .body
            .iter()
            .chain(&counts.title)
            .chain(&counts.entities)
        {
            let i = t as usize;
            if let (Some(d), Some(l)) = (self.df.get_mut(i), self.last.get_mut(i))
                && *l != doc
            {
                *l = doc;
                *d += 1;
            }
        }
    }

    fn intern(&mut self, stem: &Stem) -> TermId {
        if let Some(&id) = self.terms.get(stem) {
            return id;
        }
        let id = self.df.len() as TermId;
        self.terms.insert(stem.clone(), id);
        self.df.push(0);
        id
    }

    /// The id of a stem, if it was seen.
    pub fn id(&self, stem: &str) -> Option<TermId> {
        self.terms.get(&Stem::new(stem)).copied()
    }

    /// Turns an article's features into term counts over this vocabulary, interning new
    /// stems (in order of first occurrence, so ids are the same whatever thread featurised).
    pub fn intern_features(&mut self, features: &ArticleFeatures) -> TermCounts {
        let ids: Vec<TermId> = features.terms.iter().map(|s| self.intern(s)).collect();
        let map = |field: &[(u32, u32)]| -> Vec<(TermId, u32)> {
            let mut v: Vec<(TermId, u32)> = field
                .iter()
                .filter_map(|&(i, c)| ids.get(i as usize).map(|&t| (t, c)))
                .collect();
            v.sort_unstable_by_key(|&(t, _)| t);
            v
        };
        TermCounts {
            body: map(&features.body),
            title: map(&features.title),
            entities: map(&features.entities),
        }
    }

    /// Extracts the term counts of an article (title optional) in a language (ISO 639-1;
    /// unknown codes are analysed as English): [`featurize`] then [`Self::intern_features`].
    pub fn counts(&mut self, language: &str, title: Option<&str>, text: &str) -> TermCounts {
        self.intern_features(&featurize(language, title, text))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The id of a word's stem (`None` for stop words or unseen stems).
    fn word_id(v: &Vocabulary, word: &str) -> Option<TermId> {
        let f = featurize("en", None, word);
        f.terms.first().and_then(|s| v.id(&s.as_string()))
    }

    #[test]
    fn entities_skip_sentence_starts_and_stop_words() {
        let mut v = Vocabulary::default();
        let c = v.counts(
            "en",
            Some("Army retakes Aleppo"),
            "Troops entered Aleppo on Tuesday. Rebels fled to Idlib.",
        );
        let ent: Vec<TermId> = c.entities.iter().map(|&(t, _)| t).collect();
        let aleppo = word_id(&v, "Aleppo").expect("content word");
        let idlib = word_id(&v, "Idlib").expect("content word");
        let troops = word_id(&v, "Troops").expect("content word");
        let rebels = word_id(&v, "Rebels").expect("content word");
        assert!(ent.contains(&aleppo) && ent.contains(&idlib));
        assert!(!ent.contains(&troops) && !ent.contains(&rebels));
        assert!(word_id(&v, "the").is_none());
        assert_eq!(c.title.len(), 3);
        // "Troops" and "troops" are the same term.
        assert_eq!(word_id(&v, "troops"), Some(troops));
    }

    #[test]
    fn features_are_pure_and_intern_in_first_occurrence_order() {
        let text = "Aleppo fell. Troops in Aleppo met a rebel and rebels near Idlib.";
        let a = featurize("en", Some("Idlib talks"), text);
        let b = std::thread::spawn(move || featurize("en", Some("Idlib talks"), text))
            .join()
            .expect("thread");
        assert_eq!(a, b);
        let mut v = Vocabulary::default();
        let c = v.intern_features(&a);
        assert_eq!(v.id("aleppo"), Some(0));
        let aleppo = c.body.iter().find(|&&(t, _)| t == 0).map(|&(_, n)| n);
        assert_eq!(aleppo, Some(2));
        // "rebel" and "rebels" are one term, counted twice.
        let rebel = v.id("rebel").expect("term");
        let rebels: Vec<u32> = c
            .body
            .iter()
            .filter(|&&(t, _)| t == rebel)
            .map(|&(_, n)| n)
            .collect();
        assert_eq!(rebels, vec![2]);
        // "talks" is first seen in the headline, so it is interned last.
        assert_eq!(v.id("talk"), Some(v.len() as TermId - 1));
        assert_eq!(
            c,
            Vocabulary::default().counts("en", Some("Idlib talks"), text)
        );
    }

    #[test]
    fn stems_are_canonical_keys_short_or_long() {
        for s in [
            "",
            "a",
            "aleppo",
            "sixteen_bytes_xx",
            "seventeen_bytes_x",
            "zürich",
        ] {
            assert_eq!(Stem::new(s).as_string(), s);
            assert_eq!(Stem::new(s), Stem::new(s));
        }
        assert_ne!(Stem::new("ab"), Stem::new("abc"));
        assert_ne!(
            Stem::new("internationalisation"),
            Stem::new("internationalisatio")
        );
    }

    #[test]
    fn long_and_non_ascii_words_are_counted_like_short_ones() {
        let text = "Internationalisation talks in Zürich. ZÜRICH hosted internationalisation \
                    talks; zürich again.";
        let f = featurize("en", None, text);
        let mut v = Vocabulary::default();
        let c = v.intern_features(&f);
        let count = |word: &str| {
            let id = word_id(&v, word).expect("content word");
            c.body.iter().find(|&&(t, _)| t == id).map(|&(_, n)| n)
        };
        assert_eq!(count("zürich"), Some(3));
        assert_eq!(count("internationalisation"), Some(2));
        assert_eq!(count("talks"), Some(2));
        // Featurising again (warm cache) gives the same features.
        assert_eq!(featurize("en", None, text), f);
    }

    #[test]
    fn idf_is_learned_incrementally() {
        let mut v = Vocabulary::default();
        let a = v.counts("en", None, "Aleppo siege");
        v.observe(&a);
        let b = v.counts("en", None, "Aleppo ceasefire");
        v.observe(&b);
        let aleppo = word_id(&v, "aleppo").expect("term");
        let siege = word_id(&v, "siege").expect("term");
        assert_eq!(v.docs(), 2);
        assert!(v.idf(siege) > v.idf(aleppo));
        let w = v.tfidf(&b.body, 10);
        let norm: f32 = w.iter().map(|x| x.1 * x.1).sum();
        assert!((norm - 1.0).abs() < 1e-5);
    }
}
