//! Syndication: finds near-duplicate copies of the same report (MinHash over word
//! shingles, an LSH index, verification by Jaccard and containment, union-find groups), and
//! the sentences that several articles share, so that any sentence's full source list is one
//! lookup.
//!
//! * [`shingle`]: word normalisation (case, punctuation, British/American spelling) and
//!   word 3-shingles.
//! * [`minhash`]: one-permutation MinHash signatures with densification, LSH band keys.
//! * [`index`]: verification, union-find, the incremental [`Index`] and batch detection.
//! * [`sentences`]: sentence-level matching ([`SentenceSources`]).

#![warn(missing_docs)]

pub mod index;
pub mod minhash;
pub mod sentences;
pub mod shingle;

pub use index::{Config, Index, Match, find_groups_texts, find_groups_with};
pub use sentences::{SentenceConfig, SentenceSources};

use storyline_core::{ArticleIdx, Corpus};

/// A group of copies of one report.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Members, the original first, then in corpus order.
    pub members: Vec<ArticleIdx>,
    /// The copy judged original: the most complete, then the earliest.
    pub original: ArticleIdx,
    /// Lowest verified similarity that joined the group.
    pub similarity: f32,
}

/// Finds the syndication groups (two or more members) of a corpus, with the default
/// [`Config`] (exact verification).
pub fn find_groups(corpus: &Corpus) -> Vec<Group> {
    find_groups_with(corpus, &Config::default())
}
