//! The briefing: the sourced document every output format renders.
//!
//! This is the stable JSON schema (see `docs/JSON.md`). Fields are only ever added within a
//! `schema_version`; renaming or removing one bumps it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Diagnostic, Precision, Published};

/// Version of the JSON briefing schema.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole briefing of a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Briefing {
    /// Schema version ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// Program name and version that produced it.
    pub generator: String,
    /// Every article read.
    pub articles: Vec<ArticleEntry>,
    /// Groups of near-duplicate copies of the same report.
    pub syndication: Vec<SyndicationGroup>,
    /// The stories found.
    pub stories: Vec<StoryBriefing>,
    /// Inputs that were skipped or only partly read.
    #[serde(default)]
    pub skipped: Vec<Diagnostic>,
}

/// An article as listed in the briefing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleEntry {
    /// Stable article id.
    pub id: String,
    /// Where it was read from (file, with `:line`, `@offset` or `#item` when inside a file).
    pub path: String,
    /// Outlet name.
    pub outlet: String,
    /// Headline.
    pub title: Option<String>,
    /// URL.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    /// Publication date with source and confidence, or null when unknown.
    pub published: Option<Published>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// Dateline taken out of the text.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub dateline: Option<String>,
    /// Number of sentences.
    pub sentences: usize,
}

/// A group of copies of the same report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyndicationGroup {
    /// Article ids, the original first.
    pub articles: Vec<String>,
    /// The copy judged original (most complete, earliest).
    pub original: String,
    /// Lowest pairwise similarity (Jaccard or containment) that joined the group.
    pub similarity: f32,
}

/// An article that reports a piece of content.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Source {
    /// Article id.
    pub article: String,
    /// Outlet of the article.
    pub outlet: String,
}

/// A sentence with every source that reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourcedText {
    /// The text.
    pub text: String,
    /// Every article that reports it (the first is where the text was taken from).
    pub sources: Vec<Source>,
}

/// One dated entry of a story's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// The date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` depending on precision.
    pub date: String,
    /// First day of the period, for sorting.
    pub day: NaiveDate,
    /// Granularity of the date.
    pub precision: Precision,
    /// The best sentence for the date.
    pub text: String,
    /// Every article that reports it.
    pub sources: Vec<Source>,
    /// Further sentences for the date, each with its sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<SourcedText>,
}

/// A quote attributed to a speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Canonical speaker name.
    pub speaker: String,
    /// The quoted words (direct) or the reported statement (indirect).
    pub text: String,
    /// Whether the quote is direct (in quotation marks).
    pub direct: bool,
    /// Every article that carries it.
    pub sources: Vec<Source>,
    /// Other wordings of the same statement, with their sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<SourcedText>,
}

/// What kind of difference a disagreement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisagreementKind {
    /// Compatible figures ("70 percent" vs "more than 70 percent").
    Compatible,
    /// Figures or statements that cannot both be true.
    Contradiction,
    /// The same figure reported at different times (a growing toll).
    Update,
    /// Different spellings or wordings of the same thing (names).
    Variant,
}

/// One side of a disagreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// What this side says, as a short normalised claim ("more than 70%").
    pub claim: String,
    /// The sentence it was taken from.
    pub text: String,
    /// Who asserts it, when stated ("Syrian Observatory for Human Rights").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub asserted_by: Option<String>,
    /// Every article that reports this side.
    pub sources: Vec<Source>,
}

/// A point on which sources differ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    /// What is disputed ("share of east Aleppo held by the army").
    pub topic: String,
    /// The kind of difference.
    pub kind: DisagreementKind,
    /// The positions, each with its sources.
    pub positions: Vec<Position>,
}

/// A named entity of a story with its variant spellings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityEntry {
    /// Canonical name.
    pub name: String,
    /// `person`, `organization` or `location`.
    pub kind: String,
    /// Every spelling seen.
    pub variants: Vec<String>,
    /// Number of mentions.
    pub mentions: usize,
    /// Articles that mention it.
    pub sources: Vec<Source>,
}

/// Which outlets report an event, or what only one outlet reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoverageEntry {
    /// Outlet name; for an article whose outlet is unknown, `unknown (<article id>)`: each
    /// such article counts as its own source.
    pub outlet: String,
    /// Number of articles from the outlet in the story.
    pub articles: usize,
    /// Content only this outlet reports.
    pub unique: Vec<SourcedText>,
}

/// The briefing of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryBriefing {
    /// Story id.
    pub id: usize,
    /// A title for the story.
    pub title: String,
    /// Article ids in the story.
    pub articles: Vec<String>,
    /// Distinct outlets, in order of first appearance.
    pub outlets: Vec<String>,
    /// Earliest publication date among the story's articles.
    pub first_published: Option<NaiveDate>,
    /// Latest publication date among the story's articles.
    pub last_published: Option<NaiveDate>,
    /// Extractive summary; every sentence lists every source that reports it.
    pub summary: Vec<SourcedText>,
    /// Dated events.
    pub timeline: Vec<TimelineEntry>,
    /// Quotes by speaker.
    pub quotes: Vec<Quote>,
    /// Where sources differ.
    pub disagreements: Vec<Disagreement>,
    /// Named entities with variants.
    #[serde(default)]
    pub entities: Vec<EntityEntry>,
    /// Coverage by outlet, with what each reports alone.
    #[serde(default)]
    pub coverage: Vec<CoverageEntry>,
}
