//! Summary: extractive multi-document summarization of a story, in which every sentence
//! lists every article that reports it.

#![warn(missing_docs)]

use storyline_core::{Attributed, Corpus, Story};
use storyline_syndication::SentenceSources;

/// Length budget and options of a summary.
#[derive(Debug, Clone)]
pub struct SummaryOptions {
    /// Maximum words.
    pub max_words: usize,
    /// Maximum sentences.
    pub max_sentences: usize,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        SummaryOptions {
            max_words: 100,
            max_sentences: 5,
        }
    }
}

/// Summarizes a story; sentences come in chronological order with their sources.
pub fn summarize(
    corpus: &Corpus,
    story: &Story,
    sources: &SentenceSources,
    options: &SummaryOptions,
) -> Vec<Attributed> {
    let _ = (corpus, story, sources, options);
    Vec::new()
}
