//! Time: a temporal tagger that finds temporal expressions and normalises them as TIMEX3
//! values anchored to the publication date, and publication-date inference for articles
//! without metadata.

#![warn(missing_docs)]

use chrono::NaiveDate;
use storyline_core::{Corpus, Timex};
use storyline_syndication::Group;

/// Finds and normalises the temporal expressions of a text, anchored to the document
/// creation time `dct`. Offsets are byte offsets into `text`.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    let _ = (text, dct);
    Vec::new()
}

/// Fills in missing publication dates (with their source and confidence), using the
/// syndication groups; leaves a date unknown rather than guess.
pub fn infer_publication_dates(corpus: &mut Corpus, groups: &[Group]) {
    let _ = (corpus, groups);
}

/// Tags every sentence of the corpus against its article's publication date; timex offsets
/// are byte offsets into the article text.
pub fn annotate(corpus: &mut Corpus) {
    let _ = corpus;
}
