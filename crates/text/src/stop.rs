//! Stop words per language: the NLTK lists (via the `stop-words` crate) for en, es, fr, it,
//! de, pt and nl, plus a few words that carry no content in news prose (`said`, `says`,
//! `would`, `also`…). English deliberately uses the moderate NLTK list, not the 1,300-word
//! ISO list, so that words such as `first`, `state` or `world` stay content terms.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Languages with a stop-word list, as ISO 639-1 codes. Other codes use English.
pub const LANGUAGES: &[&str] = &["en", "es", "fr", "it", "de", "pt", "nl"];

/// Reporting verbs and modal/adverb fillers of news prose, added to the NLTK lists.
const EXTRA: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "said",
            "says",
            "say",
            "told",
            "also",
            "would",
            "could",
            "might",
            "must",
            "shall",
            "one",
            "mr",
            "mrs",
            "ms",
            "per",
            "via",
            "yet",
            "however",
            "though",
            "although",
            "among",
            "upon",
            "whether",
            "within",
            "without",
            "since",
            "around",
            "according",
        ],
    ),
    (
        "es",
        &["dijo", "según", "ha", "han", "ser", "así", "además"],
    ),
    (
        "fr",
        &[
            "a", "dit", "selon", "cette", "ces", "comme", "aussi", "plus", "être",
        ],
    ),
    (
        "it",
        &["ha", "hanno", "detto", "secondo", "essere", "anche", "così"],
    ),
    (
        "de",
        &[
            "sagte", "laut", "sei", "wurde", "wurden", "worden", "sowie", "bereits",
        ],
    ),
    ("pt", &["disse", "segundo", "ser", "ainda", "também"]),
    ("nl", &["zei", "volgens", "werd", "worden", "heeft", "ook"]),
];

fn set_for(code: &str) -> HashSet<&'static str> {
    let mut set: HashSet<&'static str> = stop_words::lookup(code)
        .unwrap_or_default()
        .iter()
        .copied()
        .collect();
    for (lang, words) in EXTRA {
        if *lang == code {
            set.extend(words.iter().copied());
        }
    }
    set
}

static SETS: LazyLock<Vec<HashSet<&'static str>>> =
    LazyLock::new(|| LANGUAGES.iter().map(|l| set_for(l)).collect());

/// Index of a language in [`LANGUAGES`]; unknown codes map to English (0).
pub(crate) fn lang_index(language: &str) -> usize {
    LANGUAGES.iter().position(|&l| l == language).unwrap_or(0)
}

/// The stop-word set of the language at `index` in [`LANGUAGES`].
pub(crate) fn set(index: usize) -> &'static HashSet<&'static str> {
    &SETS[index.min(LANGUAGES.len() - 1)]
}

/// Whether a lower-cased word is a stop word in the language (ISO 639-1 code; unknown
/// codes use English). Curly apostrophes are treated as straight ones (`don’t` = `don't`).
pub fn is_stop_word(language: &str, word: &str) -> bool {
    let s = set(lang_index(language));
    if word.contains('’') {
        s.contains(word.replace('’', "'").as_str())
    } else {
        s.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_a_list() {
        for l in LANGUAGES {
            assert!(set(lang_index(l)).len() > 90, "{l}");
        }
    }

    #[test]
    fn moderate_english_list() {
        assert!(is_stop_word("en", "the"));
        assert!(is_stop_word("en", "said"));
        assert!(is_stop_word("en", "don’t"));
        assert!(!is_stop_word("en", "first"));
        assert!(!is_stop_word("en", "state"));
        assert!(!is_stop_word("en", "aleppo"));
        assert!(set(0).len() < 300);
    }

    #[test]
    fn per_language() {
        assert!(is_stop_word("fr", "le"));
        assert!(is_stop_word("es", "el"));
        assert!(is_stop_word("it", "della"));
        assert!(is_stop_word("de", "und"));
        assert!(is_stop_word("pt", "não"));
        assert!(is_stop_word("nl", "het"));
        assert!(!is_stop_word("de", "krieg"));
        // Unknown languages fall back to English.
        assert!(is_stop_word("xx", "the"));
    }
}
