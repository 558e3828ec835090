//! Text normalisation for near-duplicate detection: word tokens (from `storyline_text`),
//! lower-cased, with British and American spelling variants folded to one form, hashed to
//! 64 bits; and word 3-shingles over those hashes.
//!
//! Folding is applied the same way to every text, so an over-eager rule (say `filled` and
//! `filed` both becoming `filed`) only merges two word forms for similarity purposes; it
//! never makes a copy look different from its original.

use std::borrow::Cow;

use xxhash_rust::xxh3::xxh3_64;

/// Number of words in a shingle.
pub const SHINGLE_WORDS: usize = 3;

/// Whole-word British → American replacements that the suffix rules below do not cover.
const WORDS: &[(&str, &str)] = &[
    ("ageing", "aging"),
    ("aluminium", "aluminum"),
    ("amongst", "among"),
    ("analogue", "analog"),
    ("catalogue", "catalog"),
    ("cheque", "check"),
    ("cheques", "checks"),
    ("defence", "defense"),
    ("dialogue", "dialog"),
    ("enrol", "enroll"),
    ("fulfil", "fulfill"),
    ("grey", "gray"),
    ("jewellery", "jewelry"),
    ("judgement", "judgment"),
    ("kerb", "curb"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("manoeuvre", "maneuver"),
    ("manoeuvres", "maneuvers"),
    ("offence", "offense"),
    ("offences", "offenses"),
    ("plough", "plow"),
    ("practise", "practice"),
    ("practised", "practiced"),
    ("pretence", "pretense"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("pyjamas", "pajamas"),
    ("sceptic", "skeptic"),
    ("sceptical", "skeptical"),
    ("sceptics", "skeptics"),
    ("storey", "story"),
    ("tyre", "tire"),
    ("tyres", "tires"),
    ("whilst", "while"),
];

/// Word stems spelled `-our` in British English and `-or` in American English.
const OUR_STEMS: &[&str] = &[
    "armour",
    "behaviour",
    "clamour",
    "colour",
    "endeavour",
    "favour",
    "flavour",
    "glamour",
    "harbour",
    "honour",
    "humour",
    "labour",
    "neighbour",
    "odour",
    "parlour",
    "rumour",
    "saviour",
    "splendour",
    "tumour",
    "valour",
    "vapour",
    "vigour",
];

/// Word endings spelled `-tre`/`-bre` in British English and `-ter`/`-ber` in American.
const RE_ENDINGS: &[(&str, &str)] = &[
    ("centre", "center"),
    ("centres", "centers"),
    ("centred", "centered"),
    ("theatre", "theater"),
    ("theatres", "theaters"),
    ("metre", "meter"),
    ("metres", "meters"),
    ("litre", "liter"),
    ("litres", "liters"),
    ("fibre", "fiber"),
    ("fibres", "fibers"),
    ("calibre", "caliber"),
    ("sombre", "somber"),
    ("spectre", "specter"),
    ("meagre", "meager"),
];

/// Suffix rules (British → American), tried longest first.
const SUFFIXES: &[(&str, &str)] = &[
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ysing", "yzing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("iser", "izer"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("llers", "lers"),
];

/// Folds a lower-case word to its American spelling where a British variant is known.
pub fn fold_spelling(word: &str) -> Cow<'_, str> {
    if let Ok(i) = WORDS.binary_search_by(|(uk, _)| uk.cmp(&word)) {
        return Cow::Borrowed(WORDS[i].1);
    }
    // Fast exit: every rule below needs one of these letter pairs.
    let relevant = word.len() >= 4
        && word
            .as_bytes()
            .windows(2)
            .any(|w| matches!(w, b"ou" | b"re" | b"is" | b"ys" | b"ll"));
    if !relevant {
        return Cow::Borrowed(word);
    }
    for (uk, us) in RE_ENDINGS {
        if let Some(head) = word.strip_suffix(uk) {
            return Cow::Owned(format!("{head}{us}"));
        }
    }
    for stem in OUR_STEMS {
        if let Some(rest) = word.strip_prefix(stem) {
            let base = &stem[..stem.len() - 2];
            return Cow::Owned(format!("{base}r{rest}"));
        }
    }
    // Short words (`rise`, `wise`, `fell`) are left alone: the suffix rules are for
    // derived forms.
    if word.len() >= 6 {
        for (uk, us) in SUFFIXES {
            if let Some(head) = word.strip_suffix(uk) {
                return Cow::Owned(format!("{head}{us}"));
            }
        }
    }
    Cow::Borrowed(word)
}

/// 64-bit hash of a normalised word: lower-cased, spelling folded, curly apostrophes
/// straightened.
pub fn word_hash(token: &str) -> u64 {
    let mut buf = [0u8; 48];
    if token.is_ascii() && token.len() <= buf.len() {
        let bytes = &mut buf[..token.len()];
        bytes.copy_from_slice(token.as_bytes());
        bytes.make_ascii_lowercase();
        // Safe: lower-casing ASCII keeps the bytes ASCII.
        let lower = std::str::from_utf8(bytes).unwrap_or(token);
        return xxh3_64(fold_spelling(lower).as_bytes());
    }
    let lower = token.to_lowercase().replace('\u{2019}', "'");
    xxh3_64(fold_spelling(&lower).as_bytes())
}

/// Hashes of the normalised words of a text, in text order.
pub fn word_hashes(text: &str) -> Vec<u64> {
    storyline_text::tokenize(text)
        .iter()
        .map(|t| word_hash(t.text))
        .collect()
}

/// Mixes a 64-bit value (the `fmix64` finaliser of MurmurHash3).
#[inline]
pub fn mix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// Hashes of the word 3-shingles of a sequence of word hashes, in order (repeats kept).
/// A text shorter than three words gives one shingle of all its words; an empty text none.
pub fn shingles(words: &[u64]) -> Vec<u64> {
    if words.is_empty() {
        return Vec::new();
    }
    if words.len() < SHINGLE_WORDS {
        let mut h = 0x9e37_79b9_7f4a_7c15u64;
        for &w in words {
            h = mix64(h.rotate_left(23) ^ w);
        }
        return vec![h];
    }
    words
        .windows(SHINGLE_WORDS)
        .map(|w| {
            mix64(
                w[0].wrapping_mul(0x9e37_79b9_7f4a_7c15)
                    ^ w[1].rotate_left(21).wrapping_mul(0xbf58_476d_1ce4_e5b9)
                    ^ w[2].rotate_left(42),
            )
        })
        .collect()
}

/// The distinct shingle hashes of a text, sorted.
pub fn shingle_set(text: &str) -> Vec<u64> {
    let mut s = shingles(&word_hashes(text));
    s.sort_unstable();
    s.dedup();
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_table_is_sorted_for_binary_search() {
        assert!(WORDS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn british_and_american_spellings_fold_together() {
        for (uk, us) in [
            ("colour", "color"),
            ("neighbourhood", "neighborhood"),
            ("organised", "organized"),
            ("organisation", "organization"),
            ("analysed", "analyzed"),
            ("centre", "center"),
            ("travelled", "traveled"),
            ("defence", "defense"),
            ("programme", "program"),
        ] {
            assert_eq!(fold_spelling(uk), fold_spelling(us), "{uk} vs {us}");
        }
        assert_eq!(fold_spelling("rise"), "rise");
        // Every table entry is reached past the fast exit.
        for (uk, us) in WORDS.iter().chain(RE_ENDINGS) {
            assert_eq!(fold_spelling(uk), *us, "{uk}");
        }
        for stem in OUR_STEMS {
            assert_ne!(fold_spelling(stem), *stem, "{stem}");
        }
        assert_eq!(word_hash("Colour"), word_hash("color"));
        assert_ne!(word_hash("colour"), word_hash("column"));
    }

    #[test]
    fn case_and_punctuation_do_not_change_shingles() {
        assert_eq!(
            shingle_set("The army, on Tuesday, seized ground."),
            shingle_set("the army on tuesday seized GROUND")
        );
        assert_ne!(
            shingle_set("the army seized ground"),
            shingle_set("the army lost ground")
        );
        assert!(shingle_set("").is_empty());
        assert_eq!(shingle_set("Aleppo").len(), 1);
    }
}
