//! Compare: who said what (quotes and speakers), named entities with their variants,
//! numeric claims, and where outlets agree, disagree, or report something no one else does.

#![warn(missing_docs)]

use storyline_core::{CoverageEntry, Corpus, Disagreement, EntityEntry, Quote, Story};
use storyline_syndication::SentenceSources;

/// The comparison of a story's sources.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// Quotes grouped by speaker and statement.
    pub quotes: Vec<Quote>,
    /// Points where sources differ.
    pub disagreements: Vec<Disagreement>,
    /// Named entities with variants.
    pub entities: Vec<EntityEntry>,
    /// Coverage by outlet.
    pub coverage: Vec<CoverageEntry>,
}

/// Compares the sources of a story.
pub fn compare(corpus: &Corpus, story: &Story, sources: &SentenceSources) -> Comparison {
    let _ = (corpus, story, sources);
    Comparison::default()
}
