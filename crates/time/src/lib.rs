//! Time: a temporal tagger that finds temporal expressions and normalises them as TIMEX3
//! values anchored to the publication date, and publication-date inference for articles
//! without metadata.
//!
//! * [`tag`] finds DATE, TIME, DURATION and SET expressions in a text with a rule-based
//!   token matcher (see the `tagger` module) and resolves them against the document creation
//!   time (DCT) or, for anaphoric expressions ("a day earlier"), the last date mentioned.
//! * [`annotate`] tags every article of a corpus once (so that anchoring carries across
//!   sentences) and hands each sentence its timexes, with article-level byte offsets.
//! * [`explain`] tells, for each expression, which rule resolved it and against what.
//! * [`infer_publication_dates`] fills in missing publication dates: in-text dateline, then a
//!   syndicated copy's date, then (only when pinned) the dates the text mentions.

#![warn(missing_docs)]

mod lexicon;
mod pubdate;
mod romance;
mod tagger;
mod tokens;

use chrono::NaiveDate;
use storyline_core::{Corpus, Timex};

pub use pubdate::{dateline_date, infer_publication_dates};

/// Finds and normalises the temporal expressions of a text, anchored to the document
/// creation time `dct`. Offsets are byte offsets into `text`.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    tagger::Tagger::new(text, dct).run()
}

/// Like [`tag`], for a text in `language` (ISO 639-1): Spanish, French and Italian texts
/// also get their day, month, year and weekday expressions (the `romance` module); where
/// such an expression overlaps one the English rules found, it replaces it.
pub fn tag_in(text: &str, dct: Option<NaiveDate>, language: Option<&str>) -> Vec<Timex> {
    let mut timexes = tag(text, dct);
    let Some(lang) = language.filter(|l| romance::supports(l)) else {
        return timexes;
    };
    let extra = romance::tag(text, dct, lang);
    if extra.is_empty() {
        return timexes;
    }
    timexes.retain(|t| !extra.iter().any(|x| x.start < t.end && t.start < x.end));
    timexes.extend(extra);
    timexes.sort_by_key(|t| (t.start, t.end));
    timexes
}

/// What a resolved expression was anchored to (for `--explain`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The last date the text mentioned before it ("a day earlier", "that week").
    LastDateMentioned,
    /// The publication date (document creation time): "Tuesday", "last week", "August 6".
    PublicationDate,
    /// Nothing outside the expression: "August 6, 2016", "four days", "every Monday".
    TextAlone,
}

impl Anchor {
    /// A stable lower-case name (`last-date`, `publication-date`, `text`).
    pub fn name(self) -> &'static str {
        match self {
            Anchor::LastDateMentioned => "last-date",
            Anchor::PublicationDate => "publication-date",
            Anchor::TextAlone => "text",
        }
    }

    /// A phrase for people: "the last date mentioned", "the publication date 2016-12-07".
    pub fn describe(self, dct: Option<NaiveDate>) -> String {
        match self {
            Anchor::LastDateMentioned => "the last date mentioned".to_string(),
            Anchor::PublicationDate => match dct {
                Some(d) => format!("the publication date {d}"),
                None => "nothing (no publication date)".to_string(),
            },
            Anchor::TextAlone => "the text alone".to_string(),
        }
    }
}

/// Like [`tag_in`], with what each expression was anchored to: an expression that the
/// tagger resolves to the same value without a publication date needs nothing outside the
/// text; one resolved by an anaphoric rule ("a day earlier", "that week") is anchored to
/// the last date mentioned; every other one depends on the publication date.
pub fn tag_explained(
    text: &str,
    dct: Option<NaiveDate>,
    language: Option<&str>,
) -> Vec<(Timex, Anchor)> {
    let timexes = tag_in(text, dct, language);
    let undated = if dct.is_some() {
        tag_in(text, None, language)
    } else {
        Vec::new()
    };
    timexes
        .into_iter()
        .map(|t| {
            let alone = dct.is_none()
                || undated
                    .iter()
                    .any(|u| u.start == t.start && u.end == t.end && u.value == t.value);
            let anchor = if alone {
                Anchor::TextAlone
            } else if t.rule.starts_with("anchor.") || t.rule == "ago.anchored" {
                Anchor::LastDateMentioned
            } else {
                Anchor::PublicationDate
            };
            (t, anchor)
        })
        .collect()
}

/// One line per expression of `text`: span, type, value and the rule that resolved it with
/// its anchor, for `--explain` output and debugging.
pub fn explain(text: &str, dct: Option<NaiveDate>) -> Vec<String> {
    tag_explained(text, dct, None)
        .into_iter()
        .map(|(t, anchor)| {
            let md = t
                .modifier
                .as_ref()
                .map(|m| format!(" mod={m}"))
                .unwrap_or_default();
            format!(
                "{:?} [{}..{}] {} {}{md} — rule {} anchored to {}",
                t.text,
                t.start,
                t.end,
                t.kind.name(),
                t.value,
                t.rule,
                anchor.describe(dct)
            )
        })
        .collect()
}

/// Tags every sentence of the corpus against its article's publication date, in the
/// article's language ([`tag_in`]); timex offsets are byte offsets into the article text.
pub fn annotate(corpus: &mut Corpus) {
    for (article, sentences) in corpus.articles.iter().zip(corpus.sentences.iter_mut()) {
        let timexes = tag_in(&article.text, article.date(), article.language.as_deref());
        for s in sentences.iter_mut() {
            s.timexes.clear();
        }
        let mut si = 0;
        for t in timexes {
            while si < sentences.len() && sentences[si].end <= t.start {
                si += 1;
            }
            match sentences.get_mut(si) {
                Some(s) if s.start <= t.start => s.timexes.push(t),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests;
