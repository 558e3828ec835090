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

/// One line per expression of `text`: span, type, value and the rule that resolved it with
/// its anchor, for `--explain` output and debugging.
pub fn explain(text: &str, dct: Option<NaiveDate>) -> Vec<String> {
    tag(text, dct)
        .into_iter()
        .map(|t| {
            let anchor = if t.rule.starts_with("anchor.") || t.rule == "ago.anchored" {
                "the last date mentioned".to_string()
            } else if t.rule.starts_with("dct.")
                || t.rule.starts_with("weekday.")
                || t.rule.starts_with("ago.")
                || t.rule == "date.month-day"
                || t.rule == "date.month"
                || t.rule == "quarter"
            {
                match dct {
                    Some(d) => format!("the publication date {d}"),
                    None => "nothing (no publication date)".to_string(),
                }
            } else {
                "the text alone".to_string()
            };
            let kind = match t.kind {
                storyline_core::TimexType::Date => "DATE",
                storyline_core::TimexType::Time => "TIME",
                storyline_core::TimexType::Duration => "DURATION",
                storyline_core::TimexType::Set => "SET",
            };
            let md = t.modifier.map(|m| format!(" mod={m}")).unwrap_or_default();
            format!(
                "{:?} [{}..{}] {kind} {}{md} — rule {} anchored to {anchor}",
                t.text, t.start, t.end, t.value, t.rule
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
