//! Text analysis: language detection, sentence splitting, tokens with byte offsets,
//! lower-casing, stemming and stop words per language, and boilerplate-line removal.
//!
//! Every later stage reads text through this crate, so that "a term" means the same thing
//! in syndication, clustering, summarization and evaluation.

#![warn(missing_docs)]

use rust_stemmers::{Algorithm, Stemmer};
use storyline_core::{Article, ArticleIdx, Sentence};
use unicode_segmentation::UnicodeSegmentation;

/// A word token with its byte span in the text it was taken from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte offset of the token.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The token as written.
    pub text: &'a str,
}

/// Splits text into word tokens (Unicode word boundaries), keeping byte offsets.
/// Punctuation and white space are dropped.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    text.unicode_word_indices()
        .map(|(start, w)| Token {
            start,
            end: start + w.len(),
            text: w,
        })
        .collect()
}

/// Language-aware term analysis: lower-case, stop-word filter, stem.
pub struct Analyzer {
    stemmer: Stemmer,
    language: &'static str,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer").field("language", &self.language).finish()
    }
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
        }
    }

    /// The analyzer's language code.
    pub fn language(&self) -> &'static str {
        self.language
    }

    /// Lower-cased, stemmed tokens, stop words included.
    pub fn stems(&self, text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|t| self.stemmer.stem(&t.text.to_lowercase()).into_owned())
            .collect()
    }

    /// Lower-cased, stemmed content terms: stop words and pure punctuation removed.
    pub fn terms(&self, text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .filter_map(|t| {
                let lower = t.text.to_lowercase();
                if is_stop_word(self.language, &lower) {
                    None
                } else {
                    Some(self.stemmer.stem(&lower).into_owned())
                }
            })
            .collect()
    }
}

/// Whether a lower-cased word is a stop word in the language.
pub fn is_stop_word(language: &str, word: &str) -> bool {
    match language {
        _ => EN_STOP.binary_search(&word).is_ok(),
    }
}

const EN_STOP: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "but", "by", "can", "could", "did", "do", "for", "from", "had", "has", "have", "he", "her",
    "his", "i", "if", "in", "into", "is", "it", "its", "more", "no", "not", "of", "on", "one",
    "or", "other", "our", "out", "over", "said", "says", "she", "so", "some", "than", "that",
    "the", "their", "them", "there", "they", "this", "to", "up", "was", "we", "were", "what",
    "when", "which", "who", "will", "with", "would", "you",
];

/// Detects the language of a text; returns an ISO 639-1 code.
pub fn detect_language(text: &str) -> Option<String> {
    let info = whatlang::detect(text)?;
    if !info.is_reliable() && text.len() > 200 {
        return None;
    }
    Some(lang_code(info.lang()).to_string())
}

fn lang_code(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Eng => "en",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Deu => "de",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ara => "ar",
        _ => "xx",
    }
}

/// Splits text into sentences; returns byte spans `(start, end)` trimmed of white space,
/// and the paragraph index of each (paragraphs are separated by blank lines).
pub fn split_sentences(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    for (pstart, para) in paragraphs(text) {
        for (s, e) in split_paragraph(para) {
            out.push((pstart + s, pstart + e, paragraph));
        }
        paragraph += 1;
    }
    out
}

fn paragraphs(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (true, Some(s)) => {
                out.push((s, &text[s..pos]));
                start = None;
            }
            (false, None) => start = Some(pos),
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

fn split_paragraph(para: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (off, s) in para.split_sentence_bound_indices() {
        let trimmed = s.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = s.len() - s.trim_start().len();
        out.push((off + lead, off + lead + trimmed.len()));
    }
    out
}

/// Splits an article into [`Sentence`]s (without timexes).
pub fn sentences(idx: ArticleIdx, article: &Article) -> Vec<Sentence> {
    split_sentences(&article.text)
        .into_iter()
        .enumerate()
        .map(|(index, (start, end, paragraph))| Sentence {
            article: idx,
            index,
            start,
            end,
            paragraph,
            timexes: Vec::new(),
        })
        .collect()
}

/// Removes boilerplate lines (`READ MORE: …`, `Source: …`, repeated captions) from a text.
pub fn remove_boilerplate(text: &str) -> String {
    text.lines()
        .filter(|l| {
            let t = l.trim_start();
            !(t.starts_with("READ MORE:") || t.starts_with("Source:"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}
