//! Core types shared by every Storyline stage.
//!
//! Data flows one way through the pipeline:
//! `ingest → text → syndication → time → stories → summary / timeline / compare → render`.
//! Each stage reads and writes the types defined here, so that no stage depends on another
//! stage's internals:
//!
//! * [`Article`]: one news report as ingested, with where it came from ([`Origin`]) and its
//!   publication date ([`Published`]), if known.
//! * [`Sentence`]: a sentence of an article, addressed by byte offsets into the article text,
//!   with the temporal expressions ([`Timex`]) found in it.
//! * [`Story`] and [`Event`]: groups of articles about one developing story, and the dated
//!   events inside it.
//! * [`Briefing`]: the final sourced document that every output format renders.
//!
//! [`logistic::Logistic`] is the one small learned model the stages share (with its fit).
//!
//! Ids: an article is addressed inside one run by its position in the corpus
//! ([`ArticleIdx`]), and outside by its stable string id ([`Article::id`]).

#![warn(missing_docs)]

mod briefing;
mod diagnostics;
pub mod logistic;

pub use briefing::*;
pub use diagnostics::*;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Position of an article in the corpus of one run.
pub type ArticleIdx = usize;

/// Where an article was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Origin {
    /// File path (or URL for articles posted to the server).
    pub path: String,
    /// 1-based line number for line-oriented formats (JSON Lines).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub line: Option<u64>,
    /// Byte offset of the record in the file (WARC records, feed items).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub offset: Option<u64>,
    /// Index of the item inside its container (feed item number), 0-based.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub item: Option<u64>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(offset) = self.offset {
            write!(f, "@{offset}")?;
        }
        if let Some(item) = self.item {
            write!(f, "#{item}")?;
        }
        Ok(())
    }
}

/// How a publication date was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Structured metadata: JSON field, HTML meta tag, JSON-LD, feed item date, WARC date.
    Metadata,
    /// A ` date YYYY-MM-DD` header line in a text file.
    Header,
    /// A dateline inside the text ("Published on …", "06 December, 2016").
    Dateline,
    /// The date of a syndicated copy of the same story.
    Syndicated,
    /// Bounds from the dates the text mentions.
    Mentions,
}

/// A publication date with its provenance and confidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Published {
    /// The calendar date.
    pub date: NaiveDate,
    /// Where the date came from.
    pub source: DateSource,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
}

/// One news report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: the JSON `id`, or a name derived from the file and record.
    pub id: String,
    /// Canonical URL, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    /// Outlet name: metadata, else the URL's domain, else `"unknown"`.
    pub outlet: String,
    /// Headline, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<String>,
    /// Publication date, when known or inferred.
    pub published: Option<Published>,
    /// Dateline place or agency taken out of the text (`ALEPPO`, `AFP`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub dateline: Option<String>,
    /// ISO 639-1 language code, when detected.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub language: Option<String>,
    /// Body text, paragraphs separated by blank lines.
    pub text: String,
    /// Where the article was read from.
    pub origin: Origin,
}

impl Article {
    /// A new article with the given id and text; every other field empty.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            id: id.into(),
            url: None,
            outlet: UNKNOWN_OUTLET.to_string(),
            title: None,
            published: None,
            dateline: None,
            language: None,
            text: text.into(),
            origin: Origin::default(),
        }
    }

    /// The publication date, if any.
    pub fn date(&self) -> Option<NaiveDate> {
        self.published.as_ref().map(|p| p.date)
    }
}

/// Outlet name used when neither metadata nor URL names one.
pub const UNKNOWN_OUTLET: &str = "unknown";

/// The TIMEX3 type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period ("August 6", "2016-W49", "last week").
    Date,
    /// A time of day ("Tuesday evening", "3 p.m.").
    Time,
    /// A duration ("four days").
    Duration,
    /// A recurring time ("every Tuesday").
    Set,
}

impl TimexType {
    /// The TIMEX3 `type` attribute: `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn name(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// Granularity of a resolved calendar reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A single day.
    Day,
    /// An ISO week.
    Week,
    /// A calendar month.
    Month,
    /// A quarter.
    Quarter,
    /// A calendar year.
    Year,
}

/// A temporal expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte offset of the expression in the article text.
    pub start: usize,
    /// End byte offset (exclusive) in the article text.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value (`2016-12-06`, `2016-07`, `P4D`, `PAST_REF`, `XXXX-12-25`).
    pub value: String,
    /// TIMEX3 `mod` attribute (`MID`, `START`, `END`, `APPROX`, …).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub modifier: Option<String>,
    /// The first day of the calendar period the expression refers to, when it is anchored.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<NaiveDate>,
    /// Granularity of `date`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub precision: Option<Precision>,
    /// Name of the rule that resolved the expression (for `--explain`).
    pub rule: String,
}

/// A sentence of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// The article it belongs to.
    pub article: ArticleIdx,
    /// Position of the sentence in its article, 0-based.
    pub index: usize,
    /// Byte offset of the sentence in the article text.
    pub start: usize,
    /// End byte offset (exclusive) in the article text.
    pub end: usize,
    /// Index of the paragraph the sentence belongs to, 0-based.
    pub paragraph: usize,
    /// Temporal expressions in the sentence, in text order.
    #[serde(default)]
    pub timexes: Vec<Timex>,
}

impl Sentence {
    /// The sentence text, sliced from its article's text.
    pub fn text<'a>(&self, article_text: &'a str) -> &'a str {
        article_text.get(self.start..self.end).unwrap_or("")
    }
}

/// Address of a sentence in a corpus: (article, sentence index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SentenceRef {
    /// The article.
    pub article: ArticleIdx,
    /// The sentence index within the article.
    pub sentence: usize,
}

/// A dated event inside a story: sentences that report the same happening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The date the event happened on, when known.
    pub date: Option<NaiveDate>,
    /// Granularity of `date`.
    pub precision: Option<Precision>,
    /// The sentences that report it.
    pub sentences: Vec<SentenceRef>,
}

/// A developing story: articles about the same subject over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Story id, stable for the same input in the same order.
    pub id: usize,
    /// The articles of the story, in corpus order.
    pub articles: Vec<ArticleIdx>,
    /// Dated events, in date order (undated last).
    pub events: Vec<Event>,
}

/// A corpus: every article of a run, with its sentences.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The articles, addressed by [`ArticleIdx`].
    pub articles: Vec<Article>,
    /// The sentences of each article, parallel to `articles`.
    pub sentences: Vec<Vec<Sentence>>,
}

impl Corpus {
    /// The text of a sentence.
    pub fn sentence_text(&self, r: SentenceRef) -> &str {
        match (self.articles.get(r.article), self.sentences.get(r.article)) {
            (Some(a), Some(s)) => s.get(r.sentence).map(|s| s.text(&a.text)).unwrap_or(""),
            _ => "",
        }
    }

    /// The sentence record behind a reference.
    pub fn sentence(&self, r: SentenceRef) -> Option<&Sentence> {
        self.sentences.get(r.article)?.get(r.sentence)
    }
}

/// A sentence together with every article that reports the same content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attributed {
    /// The sentence whose text is shown.
    pub sentence: SentenceRef,
    /// Every article that reports it, the sentence's own article first, without repeats.
    pub sources: Vec<ArticleIdx>,
}

impl Corpus {
    /// The briefing [`Source`] for an article.
    pub fn source(&self, idx: ArticleIdx) -> Source {
        match self.articles.get(idx) {
            Some(a) => Source {
                article: a.id.clone(),
                outlet: a.outlet.clone(),
            },
            None => Source {
                article: String::new(),
                outlet: UNKNOWN_OUTLET.to_string(),
            },
        }
    }

    /// Briefing sources for a list of articles, in the given order.
    pub fn sources(&self, idxs: &[ArticleIdx]) -> Vec<Source> {
        idxs.iter().map(|&i| self.source(i)).collect()
    }

    /// An attributed sentence as briefing text with sources.
    pub fn sourced_text(&self, a: &Attributed) -> SourcedText {
        SourcedText {
            text: self.sentence_text(a.sentence).to_string(),
            sources: self.sources(&a.sources),
        }
    }
}
