//! Text analysis for Storyline: language detection, sentence splitting, tokens with byte
//! offsets, lower-casing, stemming and stop words per language, and boilerplate-line removal.
//!
//! Every later stage reads text through this crate, so that "a sentence" and "a term" mean
//! the same thing in syndication, clustering, summarization and evaluation.
//!
//! * [`split`]: rule-based sentence splitting (abbreviations, initials, quotes, line breaks);
//! * [`abbrev`]: the abbreviation lists per language that the splitter uses;
//! * [`token`]: word tokens and the [`Analyzer`] (stems, stop words, term ids);
//! * [`stop`]: stop-word lists per language;
//! * [`lang`]: language detection (ISO 639-1 codes);
//! * [`boilerplate`]: removal of `READ MORE:`/`Source:`/caption lines;
//! * [`dateline`]: the dateline and wire credit that open a lead (`CAIRO (Reuters) -`);
//! * [`ptb`]: Penn Treebank detokenization of corpora shipped tokenized (`-LRB- CDC -RRB-`).

#![warn(missing_docs)]

pub mod abbrev;
pub mod boilerplate;
pub mod dateline;
pub mod lang;
pub mod ptb;
pub mod split;
pub mod stop;
pub mod token;

pub use boilerplate::remove_boilerplate;
pub use dateline::dateline_len;
pub use lang::{Detection, detect, detect_language};
pub use ptb::detokenize;
pub use split::{paragraphs, split_sentences, split_sentences_in};
pub use stop::is_stop_word;
pub use token::{Analyzer, Term, Token, sorted_overlap, term_id, tokenize, tokenize_into, tokens};

use storyline_core::{Article, ArticleIdx, Sentence};

/// Splits an article into [`Sentence`]s (without timexes), with the rules of the article's
/// language (English when unknown). A sentence starts after the dateline or wire credit that
/// opens it (`CAIRO (Reuters) - …`, see [`dateline`]).
pub fn sentences(idx: ArticleIdx, article: &Article) -> Vec<Sentence> {
    let language = article.language.as_deref().unwrap_or("en");
    split_sentences_in(&article.text, language)
        .into_iter()
        .enumerate()
        .map(|(index, (start, end, paragraph))| Sentence {
            article: idx,
            index,
            start: start + article.text.get(start..end).map_or(0, dateline_len),
            end,
            paragraph,
            timexes: Vec::new(),
        })
        .collect()
}

/// A corpus of articles split into sentences (no other text stage applied).
pub fn corpus(articles: Vec<Article>) -> storyline_core::Corpus {
    let sentences = articles
        .iter()
        .enumerate()
        .map(|(i, a)| sentences(i, a))
        .collect();
    storyline_core::Corpus {
        articles,
        sentences,
    }
}
