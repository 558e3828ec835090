//! Word tokens with byte offsets, and the [`Analyzer`] that turns them into terms:
//! lower-casing, elision (`l'armée` → `armée` in French and Italian), stop words and
//! Snowball stemming per language, and 64-bit term ids (xxh3 of the stem).
//!
//! Stems are memoised per thread and language, so that the Snowball stemmer runs once per
//! distinct word form rather than once per token; the allocation-free entry points
//! ([`Analyzer::for_each_term`], [`Analyzer::term_ids_into`]) are meant for the hot loops of
//! syndication and clustering.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use crate::stop;

/// A word token with its byte span in the text it was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte offset of the token.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The token as written.
    pub text: &'a str,
}

/// Splits text into word tokens (Unicode word boundaries, UAX #29), keeping byte offsets.
/// Punctuation and white space are dropped; `U.S`, `don't`, `4.5` and `3,200` are one token.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    tokenize_into(text, &mut out);
    out
}

/// Like [`tokenize`], appending to `out` (reuse the vector to avoid allocations).
pub fn tokenize_into<'a>(text: &'a str, out: &mut Vec<Token<'a>>) {
    out.extend(tokens(text));
}

/// The word tokens of a text, lazily.
pub fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> {
    text.unicode_word_indices().map(|(start, w)| Token {
        start,
        end: start + w.len(),
        text: w,
    })
}

/// The 64-bit id of a stem (xxh3). Every crate that compares terms by id uses this.
pub fn term_id(stem: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(stem.as_bytes())
}

/// One analysed token, as passed to [`Analyzer::for_each_term`].
#[derive(Debug, Clone, Copy)]
pub struct Term<'t, 's> {
    /// The token in the text.
    pub token: Token<'t>,
    /// Its stem (lower-cased, elided, stemmed).
    pub stem: &'s str,
    /// [`term_id`] of the stem.
    pub id: u64,
    /// Whether the lower-cased word is a stop word of the analyzer's language.
    pub stop: bool,
}

/// Language-aware term analysis: lower-case, stop-word filter, stem.
pub struct Analyzer {
    stemmer: Stemmer,
    language: &'static str,
    index: usize,
    elision: bool,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("language", &self.language)
            .finish()
    }
}

impl Clone for Analyzer {
    fn clone(&self) -> Self {
        Analyzer::new(self.language)
    }
}

/// A memoised analysis of one lower-cased word form.
struct Entry {
    stem: Box<str>,
    id: u64,
    stop: bool,
}

/// Cache slot: the analysis of a word form, its stem kept in [`Cache::stems`].
#[derive(Clone, Copy)]
struct Slot {
    id: u64,
    stem: u32,
    stop: bool,
}

/// Hasher for keys that are already 64-bit hashes.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).rotate_left(5);
        }
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Per-thread, per-language memo of word form → stem. Keyed by the 64-bit xxh3 hash of the
/// normalised word form (no string comparison on the hot path; with at most
/// [`CACHE_LIMIT`] forms a collision has a probability below 1e-8).
#[derive(Default)]
struct Cache {
    slots: HashMap<u64, Slot, BuildHasherDefault<IdHasher>>,
    stems: Vec<Box<str>>,
}

/// Distinct word forms kept per thread and language before the cache is cleared.
const CACHE_LIMIT: usize = 200_000;

/// Seed of the word-form hash (distinct from [`term_id`], which hashes stems).
const FORM_SEED: u64 = 0x5354_4f52_594c_494e;

thread_local! {
    static CACHES: RefCell<Vec<Cache>> = RefCell::new(
        (0..stop::LANGUAGES.len()).map(|_| Cache::default()).collect()
    );
    static BUF: RefCell<String> = const { RefCell::new(String::new()) };
}

impl Analyzer {
    /// An analyzer for an ISO 639-1 language code; unknown codes fall back to English.
    pub fn new(language: &str) -> Self {
        let (algorithm, code) = match language {
            "fr" => (Algorithm::French, "fr"),
            "es" => (Algorithm::Spanish, "es"),
            "it" => (Algorithm::Italian, "it"),
            "de" => (Algorithm::German, "de"),
            "pt" => (Algorithm::Portuguese, "pt"),
            "nl" => (Algorithm::Dutch, "nl"),
            _ => (Algorithm::English, "en"),
        };
        Analyzer {
            stemmer: Stemmer::create(algorithm),
            language: code,
            index: stop::lang_index(code),
            elision: matches!(code, "fr" | "it"),
        }
    }

    /// The analyzer's language code.
    pub fn language(&self) -> &'static str {
        self.language
    }

    /// Writes the normalised form of a word into `buf`: lower-cased, curly apostrophes made
    /// straight, and French/Italian elided articles removed (`l'armée` → `armée`).
    pub fn normalize_into(&self, word: &str, buf: &mut String) {
        buf.clear();
        if word.is_ascii() {
            buf.push_str(word);
            buf.make_ascii_lowercase();
        } else {
            for c in word.chars() {
                if c == '’' {
                    buf.push('\'');
                } else {
                    buf.extend(c.to_lowercase());
                }
            }
        }
        if self.elision
            && let Some(p) = buf.find('\'')
            && (1..=5).contains(&p)
            && p + 1 < buf.len()
        {
            buf.drain(..=p);
        }
    }

    /// The stem of one word (any case).
    pub fn stem_word(&self, word: &str) -> String {
        let mut buf = String::with_capacity(word.len());
        self.normalize_into(word, &mut buf);
        self.stemmer.stem(&buf).into_owned()
    }

    /// Calls `f` for every token of `text` with its stem, id and stop-word flag, without
    /// allocating per token (stems are memoised per thread).
    pub fn for_each_term<'t>(&self, text: &'t str, mut f: impl FnMut(Term<'t, '_>)) {
        BUF.with(|buf| {
            let Ok(mut buf) = buf.try_borrow_mut() else {
                // Re-entered from inside a callback: work without the shared buffer.
                let mut own = String::new();
                return self.each_uncached(text, &mut own, &mut f);
            };
            CACHES.with(|caches| match caches.try_borrow_mut() {
                Ok(mut caches) => {
                    let cache = &mut caches[self.index];
                    for token in tokens(text) {
                        self.normalize_into(token.text, &mut buf);
                        let key = xxhash_rust::xxh3::xxh3_64_with_seed(buf.as_bytes(), FORM_SEED);
                        let slot = match cache.slots.get(&key) {
                            Some(&slot) => slot,
                            None => {
                                if cache.slots.len() >= CACHE_LIMIT {
                                    cache.slots.clear();
                                    cache.stems.clear();
                                }
                                let e = self.entry(&buf);
                                let slot = Slot {
                                    id: e.id,
                                    stem: cache.stems.len() as u32,
                                    stop: e.stop,
                                };
                                cache.stems.push(e.stem);
                                cache.slots.insert(key, slot);
                                slot
                            }
                        };
                        let stem = cache.stems.get(slot.stem as usize).map_or("", |s| s);
                        f(Term {
                            token,
                            stem,
                            id: slot.id,
                            stop: slot.stop,
                        });
                    }
                }
                Err(_) => self.each_uncached(text, &mut buf, &mut f),
            })
        })
    }

    fn entry(&self, normalized: &str) -> Entry {
        let stop = stop::set(self.index).contains(normalized);
        let stem: Box<str> = self.stemmer.stem(normalized).into();
        Entry {
            id: term_id(&stem),
            stem,
            stop,
        }
    }

    fn each_uncached<'t>(&self, text: &'t str, buf: &mut String, f: &mut impl FnMut(Term<'t, '_>)) {
        for token in tokens(text) {
            self.normalize_into(token.text, buf);
            let e = self.entry(buf);
            f(Term {
                token,
                stem: &e.stem,
                id: e.id,
                stop: e.stop,
            });
        }
    }

    /// Lower-cased, stemmed tokens, stop words included.
    pub fn stems(&self, text: &str) -> Vec<String> {
        let mut out = Vec::with_capacity(text.len() / 6 + 1);
        self.for_each_term(text, |t| out.push(t.stem.to_string()));
        out
    }

    /// Lower-cased, stemmed content terms: stop words and pure punctuation removed.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut out = Vec::with_capacity(text.len() / 8 + 1);
        self.terms_into(text, &mut out);
        out
    }

    /// Like [`Analyzer::terms`], appending to `out`.
    pub fn terms_into(&self, text: &str, out: &mut Vec<String>) {
        self.for_each_term(text, |t| {
            if !t.stop {
                out.push(t.stem.to_string());
            }
        });
    }

    /// [`term_id`]s of the content terms of `text` (stop words removed), in text order.
    pub fn term_ids(&self, text: &str) -> Vec<u64> {
        let mut out = Vec::with_capacity(text.len() / 8 + 1);
        self.term_ids_into(text, &mut out);
        out
    }

    /// Like [`Analyzer::term_ids`], appending to `out`.
    pub fn term_ids_into(&self, text: &str, out: &mut Vec<u64>) {
        self.for_each_term(text, |t| {
            if !t.stop {
                out.push(t.id);
            }
        });
    }

    /// [`term_id`]s of every token's stem, stop words included, in text order.
    pub fn stem_ids(&self, text: &str) -> Vec<u64> {
        let mut out = Vec::with_capacity(text.len() / 6 + 1);
        self.for_each_term(text, |t| out.push(t.id));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_offsets_and_drop_punctuation() {
        let text = "The U.S. envoy's “made-up alibi” cost $4.5 billion, 3,200 jobs.";
        let toks = tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "The", "U.S", "envoy's", "made", "up", "alibi", "cost", "4.5", "billion", "3,200",
                "jobs"
            ]
        );
        for t in &toks {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }

    #[test]
    fn stems_lowercase_and_stem() {
        let en = Analyzer::new("en");
        assert_eq!(en.stems("Rebels were Fighting"), ["rebel", "were", "fight"]);
        assert_eq!(en.terms("The rebels were fighting"), ["rebel", "fight"]);
        // Curly and straight apostrophes give the same stem.
        assert_eq!(en.stems("Aleppo’s"), en.stems("Aleppo's"));
        assert_eq!(en.stem_word("Aleppo’s"), "aleppo");
        // Stop words are matched before stemming, whatever the case.
        assert!(en.terms("THE Of AND").is_empty());
    }

    #[test]
    fn languages_stem_differently() {
        assert_eq!(Analyzer::new("fr").stem_word("l’armée"), "armé");
        assert_eq!(
            Analyzer::new("fr").terms("les forces de l'armée"),
            ["forc", "armé"]
        );
        assert_eq!(Analyzer::new("it").stem_word("dell'esercito"), "eserc");
        assert_eq!(
            Analyzer::new("de").terms("die Truppen und der Krieg"),
            ["trupp", "krieg"]
        );
        assert_eq!(
            Analyzer::new("es").terms("las fuerzas del gobierno"),
            ["fuerz", "gobiern"]
        );
        assert_eq!(Analyzer::new("xx").language(), "en");
        // English keeps a leading apostrophe word intact instead of eliding it.
        assert_eq!(Analyzer::new("en").stem_word("l'armée"), "l'armé");
    }

    #[test]
    fn ids_are_hashes_of_stems() {
        let en = Analyzer::new("en");
        let text = "Rebels fought the rebel forces";
        let ids = en.term_ids(text);
        let terms = en.terms(text);
        assert_eq!(ids.len(), terms.len());
        for (id, t) in ids.iter().zip(&terms) {
            assert_eq!(*id, term_id(t));
        }
        assert_eq!(ids[0], ids[2]);
        assert_eq!(en.stem_ids(text).len(), en.stems(text).len());
    }

    #[test]
    fn cached_and_uncached_paths_agree() {
        let en = Analyzer::new("en");
        let text = "Government troops retook five districts, including the Shaar neighbourhood.";
        let first = en.stems(text);
        let second = en.stems(text);
        assert_eq!(first, second);
        // Re-entrant use from a callback falls back to the uncached path.
        let mut inner = Vec::new();
        en.for_each_term("retook districts", |t| {
            inner.push((t.stem.to_string(), en.stems(t.token.text)));
        });
        assert_eq!(inner[0].0, "retook");
        assert_eq!(inner[0].1, ["retook"]);
        assert_eq!(inner[1].1, ["district"]);
    }

    #[test]
    fn terms_into_appends() {
        let en = Analyzer::new("en");
        let mut out = vec!["x".to_string()];
        en.terms_into("troops advanced", &mut out);
        assert_eq!(out, ["x", "troop", "advanc"]);
        let mut ids = vec![1];
        en.term_ids_into("troops", &mut ids);
        assert_eq!(ids, [1, term_id("troop")]);
    }
}

/// Number of values two sorted, de-duplicated term lists share (a merge walk): the overlap
/// behind every Jaccard and containment score over term sets.
pub fn sorted_overlap<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod overlap_tests {
    #[test]
    fn sorted_overlap_counts_shared_values() {
        assert_eq!(super::sorted_overlap(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(super::sorted_overlap::<u32>(&[], &[1]), 0);
    }
}
