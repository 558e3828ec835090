//! Compare: who said what (quotes and speakers), named entities with their variants,
//! numeric claims, and where outlets agree, disagree, or report something no one else does.
//!
//! Everything here is rule-based and deterministic:
//! [`entities`] finds people, organisations and places and merges spelling variants;
//! [`quotes`] finds direct and indirect quotes with their speakers and groups the same
//! statement across outlets; [`claims`] reads figures (qualifier, value, unit, what they
//! count, place, who asserts them) and compares them across articles (compatible
//! difference, contradiction, update), and finds opposite statements by different speakers;
//! [`coverage`] lists what each outlet reports alone.

#![warn(missing_docs)]

pub mod claims;
pub mod coverage;
pub mod entities;
pub mod lexicon;
pub mod quotes;

use std::collections::{BTreeMap, BTreeSet};

use storyline_core::{ArticleIdx, Corpus, CoverageEntry, Disagreement, EntityEntry, Quote, Story};
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

pub(crate) fn is_stop(w: &str) -> bool {
    storyline_text::is_stop_word("en", w)
}

/// Largest number of entities listed for a story.
pub const MAX_ENTITIES: usize = 60;

/// Compares the sources of a story.
pub fn compare(corpus: &Corpus, story: &Story, sources: &SentenceSources) -> Comparison {
    let arts: Vec<ArticleIdx> = story
        .articles
        .iter()
        .copied()
        .filter(|&a| a < corpus.articles.len())
        .collect();
    // entities
    let mentions: Vec<(usize, Vec<entities::Mention>)> = arts
        .iter()
        .map(|&a| (a, entities::find_entities(&corpus.articles[a].text)))
        .collect();
    let index = entities::EntityIndex::build(&mentions);
    let mut ents: Vec<&entities::Entity> = index.entities.iter().collect();
    ents.sort_by_key(|e| {
        (
            std::cmp::Reverse(e.documents.len()),
            std::cmp::Reverse(e.mentions()),
            e.name.clone(),
        )
    });
    let entity_entries: Vec<EntityEntry> = ents
        .iter()
        .take(MAX_ENTITIES)
        .map(|e| EntityEntry {
            name: e.name.clone(),
            kind: e.kind.name().to_string(),
            variants: e.variants.keys().cloned().collect(),
            mentions: e.mentions(),
            sources: corpus.sources(&e.documents.keys().copied().collect::<Vec<_>>()),
        })
        .collect();
    // places common to most of the story do not tell figures apart
    let mut place_docs: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for e in index
        .entities
        .iter()
        .filter(|e| e.kind == entities::EntityKind::Location)
    {
        for v in e.variants.keys() {
            place_docs
                .entry(v.to_lowercase())
                .or_default()
                .extend(e.documents.keys());
        }
    }
    let common: BTreeSet<String> = place_docs
        .iter()
        .filter(|(_, d)| arts.len() > 1 && d.len() * 4 >= arts.len() * 3)
        .map(|(p, _)| p.clone())
        .collect();
    // quotes, statements and figures, article by article
    let mut raw_quotes = Vec::new();
    let mut statements = Vec::new();
    let mut sightings = Vec::new();
    for (a, ms) in &mentions {
        let article = &corpus.articles[*a];
        let text = &article.text;
        let qs = quotes::find_quotes(text, ms, &index);
        for q in &qs {
            statements.push(claims::Statement {
                article: *a,
                speaker: q.speaker.clone(),
                text: q.text.clone(),
                start: q.start,
            });
        }
        for s in corpus.sentences.get(*a).map(Vec::as_slice).unwrap_or(&[]) {
            let st = s.text(text);
            let figures = claims::find_figures(st);
            if figures.is_empty() {
                continue;
            }
            let asserted_by = qs
                .iter()
                .find(|q| q.start < s.end && q.end > s.start)
                .map(|q| q.speaker.clone());
            let mut places: BTreeSet<String> = ms
                .iter()
                .filter(|m| {
                    m.kind == entities::EntityKind::Location && m.start >= s.start && m.end <= s.end
                })
                .map(|m| m.text.to_lowercase())
                .filter(|p| !common.contains(p))
                .collect();
            for w in st.split(|c: char| !c.is_alphanumeric()) {
                let d = match w.to_lowercase().as_str() {
                    "east" | "eastern" => "east",
                    "west" | "western" => "west",
                    "north" | "northern" => "north",
                    "south" | "southern" => "south",
                    "northwest" | "northwestern" => "northwest",
                    "northeast" | "northeastern" => "northeast",
                    "southwest" | "southwestern" => "southwest",
                    "southeast" | "southeastern" => "southeast",
                    _ => continue,
                };
                places.insert(d.to_string());
            }
            for f in figures {
                sightings.push(claims::Sighting {
                    figure: f,
                    article: *a,
                    date: article.date(),
                    sentence: st.to_string(),
                    places: places.clone(),
                    asserted_by: asserted_by.clone(),
                });
            }
        }
        raw_quotes.extend(qs.into_iter().map(|q| (*a, q)));
    }
    let mut disagreements = claims::compare_figures(corpus, &sightings);
    disagreements.extend(claims::opposite_statements(corpus, &statements));
    // name variants across outlets (Sergei / Sergey Lavrov)
    for e in &ents {
        if e.kind != entities::EntityKind::Person {
            continue;
        }
        let full: Vec<&String> = e
            .variants
            .keys()
            .filter(|v| entities::name_tokens(v).len() >= 2)
            .collect();
        let distinct: BTreeSet<Vec<String>> =
            full.iter().map(|v| entities::name_tokens(v)).collect();
        if distinct.len() < 2 {
            continue;
        }
        let positions = full
            .iter()
            .filter(|v| {
                // one spelling per normalised form
                let t = entities::name_tokens(v);
                full.iter().find(|w| entities::name_tokens(w) == t) == Some(v)
            })
            .map(|v| {
                let t = entities::name_tokens(v);
                let docs: Vec<ArticleIdx> = mentions
                    .iter()
                    .filter(|(_, ms)| ms.iter().any(|m| entities::name_tokens(&m.text) == t))
                    .map(|(a, _)| *a)
                    .collect();
                storyline_core::Position {
                    claim: (*v).clone(),
                    text: (*v).clone(),
                    asserted_by: None,
                    sources: corpus.sources(&docs),
                }
            })
            .collect();
        disagreements.push(Disagreement {
            topic: format!("spelling of {}", e.name),
            kind: storyline_core::DisagreementKind::Variant,
            positions,
        });
    }
    Comparison {
        quotes: quotes::group(corpus, &raw_quotes),
        disagreements,
        entities: entity_entries,
        coverage: coverage::coverage(corpus, story, sources),
    }
}
