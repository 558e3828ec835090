//! The pipeline: turns ingested articles into a [`Briefing`].
//!
//! Stages run in this order, data flowing one way:
//! text (boilerplate removal, language, sentences) → syndication (copies, shared
//! sentences) → time (publication dates, timexes) → stories (clusters, events) →
//! summary / timeline / compare, per story → the briefing.
//!
//! Time runs after syndication because a missing publication date may be taken from a
//! syndicated copy; stories run after time because events are grouped by the dates that
//! sentences report.

#![warn(missing_docs)]

use std::collections::BTreeSet;

use rayon::prelude::*;
use storyline_core::{
    Article, ArticleEntry, Attributed, Briefing, Corpus, Diagnostic, SCHEMA_VERSION, Story,
    StoryBriefing, SyndicationGroup, TimelineEntry,
};
use storyline_syndication::{Group, SentenceSources};

/// Options of a pipeline run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Summary length budget.
    pub summary: storyline_summary::SummaryOptions,
    /// Timeline options.
    pub timeline: storyline_timeline::TimelineOptions,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            summary: storyline_summary::SummaryOptions::default(),
            timeline: storyline_timeline::TimelineOptions {
                dates: None,
                sentences_per_date: 1,
                range: None,
                query: Vec::new(),
            },
        }
    }
}

/// Runs the text stage on raw articles: Penn Treebank detokenization (for corpora shipped
/// tokenized), boilerplate removal, language detection and sentence splitting (in parallel).
pub fn prepare(articles: Vec<Article>) -> Corpus {
    let prepared: Vec<(Article, Vec<storyline_core::Sentence>)> = articles
        .into_par_iter()
        .enumerate()
        .map(|(idx, mut a)| {
            // Penn Treebank tokenized corpora ("-LRB- Reuters -RRB-", "`` We 're …") read
            // as prose from here on; other text is untouched.
            if let std::borrow::Cow::Owned(t) = storyline_text::detokenize(&a.text) {
                a.text = t;
            }
            if let Some(title) = &a.title
                && let std::borrow::Cow::Owned(t) = storyline_text::detokenize(title)
            {
                a.title = Some(t);
            }
            a.text = storyline_text::remove_boilerplate(&a.text);
            if a.outlet == storyline_core::UNKNOWN_OUTLET
                && let Some(agency) = a.dateline.as_deref().and_then(dateline_agency)
            {
                a.outlet = agency.to_string();
            }
            if a.language.is_none() {
                a.language = storyline_text::detect_language(&a.text);
            }
            let s = storyline_text::sentences(idx, &a);
            (a, s)
        })
        .collect();
    let mut corpus = Corpus::default();
    for (a, s) in prepared {
        corpus.articles.push(a);
        corpus.sentences.push(s);
    }
    corpus
}

/// The agency or outlet named in a dateline such as `ALEPPO (AFP)` or `(Reuters)`.
pub fn dateline_agency(dateline: &str) -> Option<&str> {
    let open = dateline.find('(')?;
    let close = open + dateline[open..].find(')')?;
    let name = dateline[open + 1..close].trim();
    (!name.is_empty() && name.len() <= 60).then_some(name)
}

/// Everything the analysis stages found, before it is turned into a briefing.
#[derive(Debug)]
pub struct Analysis {
    /// The corpus, with dates inferred and timexes filled in.
    pub corpus: Corpus,
    /// Syndication groups.
    pub groups: Vec<Group>,
    /// Shared-sentence index.
    pub sources: SentenceSources,
    /// Stories with their events.
    pub stories: Vec<Story>,
}

/// Prepares articles ([`prepare`]) and fills in missing publication dates from datelines,
/// syndicated copies and the dates the text mentions, as [`analyze`] does, without
/// tagging sentences or clustering.
pub fn prepare_dated(articles: Vec<Article>) -> Corpus {
    let mut corpus = prepare(articles);
    date_articles(&mut corpus);
    corpus
}

/// Finds the syndication groups and, with them, fills in missing publication dates.
fn date_articles(corpus: &mut Corpus) -> Vec<Group> {
    let groups = storyline_syndication::find_groups(corpus);
    storyline_time::infer_publication_dates(corpus, &groups);
    groups
}

/// Runs syndication, time and story clustering on a prepared corpus.
pub fn analyze(mut corpus: Corpus) -> Analysis {
    let groups = date_articles(&mut corpus);
    storyline_time::annotate(&mut corpus);
    let sources = SentenceSources::build(&corpus);
    let stories = storyline_stories::cluster(&corpus, &groups);
    Analysis {
        corpus,
        groups,
        sources,
        stories,
    }
}

/// Runs the whole pipeline on articles and builds the briefing.
pub fn run(articles: Vec<Article>, skipped: Vec<Diagnostic>, options: &Options) -> Briefing {
    let analysis = analyze(prepare(articles));
    brief(&analysis, skipped, options)
}

/// Builds the briefing from an analysis.
pub fn brief(analysis: &Analysis, skipped: Vec<Diagnostic>, options: &Options) -> Briefing {
    let corpus = &analysis.corpus;
    let articles = corpus
        .articles
        .iter()
        .zip(&corpus.sentences)
        .map(|(a, s)| ArticleEntry {
            id: a.id.clone(),
            path: a.origin.to_string(),
            outlet: a.outlet.clone(),
            title: a.title.clone(),
            url: a.url.clone(),
            published: a.published.clone(),
            language: a.language.clone(),
            dateline: a.dateline.clone(),
            sentences: s.len(),
        })
        .collect();
    let syndication = analysis
        .groups
        .iter()
        .map(|g| SyndicationGroup {
            articles: g
                .members
                .iter()
                .map(|&i| corpus.articles[i].id.clone())
                .collect(),
            original: corpus.articles[g.original].id.clone(),
            similarity: g.similarity,
        })
        .collect();
    let stories = analysis
        .stories
        .par_iter()
        .map(|story| story_briefing(analysis, story, options))
        .collect();
    Briefing {
        schema_version: SCHEMA_VERSION,
        generator: format!("storyline {}", env!("CARGO_PKG_VERSION")),
        articles,
        syndication,
        stories,
        skipped,
    }
}

/// The timeline weights of a briefing: the timeline summarizer's defaults, except that a
/// sentence naming its date ("On Tuesday, government troops retook five districts including
/// the strategic Shaar neighbourhood") is preferred for that date. A reader checks an entry
/// against its sentence, so the sentence should say when; the Timeline17 evaluation, whose
/// reference entries are editors' summaries, prefers no such boost (AR-1 F 0.189 without,
/// 0.170 with it), so the evaluation keeps the defaults.
fn briefing_timeline_tuning() -> storyline_timeline::Tuning {
    storyline_timeline::Tuning {
        w_explicit: 1.0,
        ..storyline_timeline::Tuning::default()
    }
}

fn story_briefing(analysis: &Analysis, story: &Story, options: &Options) -> StoryBriefing {
    let corpus = &analysis.corpus;
    let summary = storyline_summary::summarize(corpus, story, &analysis.sources, &options.summary);
    let timeline = storyline_timeline::build_tuned(
        corpus,
        story,
        &analysis.sources,
        &options.timeline,
        &briefing_timeline_tuning(),
    );
    let comparison = storyline_compare::compare(corpus, story, &analysis.sources);
    let mut outlets: Vec<String> = Vec::new();
    for &a in &story.articles {
        let o = &corpus.articles[a].outlet;
        if !outlets.contains(o) {
            outlets.push(o.clone());
        }
    }
    let dates: BTreeSet<_> = story
        .articles
        .iter()
        .filter_map(|&a| corpus.articles[a].date())
        .collect();
    StoryBriefing {
        id: story.id,
        title: story_title(corpus, story, &summary),
        articles: story
            .articles
            .iter()
            .map(|&a| corpus.articles[a].id.clone())
            .collect(),
        outlets,
        first_published: dates.first().copied(),
        last_published: dates.last().copied(),
        summary: summary.iter().map(|s| corpus.sourced_text(s)).collect(),
        timeline: timeline
            .iter()
            .filter_map(|e| {
                let best = e.sentences.first()?;
                Some(TimelineEntry {
                    date: format_date(e.date, e.precision),
                    day: e.date,
                    precision: e.precision,
                    text: corpus.sentence_text(best.sentence).to_string(),
                    sources: corpus.sources(&best.sources),
                    more: e.sentences[1..]
                        .iter()
                        .map(|s| corpus.sourced_text(s))
                        .collect(),
                })
            })
            .collect(),
        quotes: comparison.quotes,
        disagreements: comparison.disagreements,
        entities: comparison.entities,
        coverage: comparison.coverage,
    }
}

/// Formats a date at its precision: `2016-12-06`, `2016-W49`, `2016-12`, `2016-Q4`, `2016`.
pub fn format_date(date: chrono::NaiveDate, precision: storyline_core::Precision) -> String {
    use chrono::Datelike;
    use storyline_core::Precision::*;
    match precision {
        Day => date.format("%Y-%m-%d").to_string(),
        Week => format!("{}-W{:02}", date.iso_week().year(), date.iso_week().week()),
        Month => date.format("%Y-%m").to_string(),
        Quarter => format!("{}-Q{}", date.year(), (date.month0() / 3) + 1),
        Year => date.format("%Y").to_string(),
    }
}

/// A title for a story: the headline of its earliest titled article, else the first sentence
/// of its first article, else its first summary sentence, whichever first reads as a line of
/// prose (bullets and what follows an inline bullet cut away; not mostly symbols or numbers,
/// as a garbled or tabular line is); failing all, the first sentence as it is. Cut to 14
/// words.
pub fn story_title(corpus: &Corpus, story: &Story, summary: &[Attributed]) -> String {
    let mut titled: Vec<(chrono::NaiveDate, &str)> = story
        .articles
        .iter()
        .filter_map(|&a| {
            let art = &corpus.articles[a];
            let date = art.date().unwrap_or(chrono::NaiveDate::MAX);
            art.title.as_deref().map(|t| (date, t))
        })
        .collect();
    titled.sort_by_key(|(d, _)| *d);
    let leads = story.articles.iter().filter_map(|&a| {
        corpus.sentences[a]
            .first()
            .map(|s| s.text(&corpus.articles[a].text))
    });
    let candidates = titled
        .iter()
        .map(|(_, t)| *t)
        .chain(leads.clone())
        .chain(summary.iter().map(|s| corpus.sentence_text(s.sentence)));
    if let Some(title) = candidates.clone().find_map(title_line) {
        return truncate_words(&title, 14);
    }
    candidates
        .into_iter()
        .next()
        .map(|s| truncate_words(s, 14))
        .unwrap_or_else(|| format!("Story {}", story.id))
}

/// A sentence as a title: leading bullets and dashes removed, cut at an inline bullet (a
/// token of `*`, `•` or `·` only, escaped or not), and kept only when it has three words or
/// more and at least 70% of its tokens are words.
fn title_line(sentence: &str) -> Option<String> {
    let marks = |t: &str, set: &[char]| t.chars().all(|c| c == '\\' || set.contains(&c));
    let tokens: Vec<&str> = sentence
        .split_whitespace()
        .skip_while(|t| marks(t, &['*', '•', '·', '-', '–', '—', '>', '#']))
        .take_while(|t| !marks(t, &['*', '•', '·']))
        .collect();
    let words = tokens
        .iter()
        .filter(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count();
    (words >= 3 && words * 10 >= tokens.len() * 7).then(|| tokens.join(" "))
}

fn truncate_words(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= n {
        s.to_string()
    } else {
        format!("{} …", words[..n].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_lines_drop_bullets_and_garbled_lines() {
        assert_eq!(
            title_line(
                "* Mexican government announces fatal swine flu outbreak * New mixture of viruses"
            )
            .as_deref(),
            Some("Mexican government announces fatal swine flu outbreak")
        );
        assert_eq!(
            title_line("C cents # p nh cents # t : 14:03 GMT - th t"),
            None
        );
        assert_eq!(title_line("Updated 12:04"), None);
        assert_eq!(
            title_line("\\* Flu outbreak declared \\* Schools shut").as_deref(),
            Some("Flu outbreak declared")
        );
        assert_eq!(
            title_line("Syrian government forces advance on rebel-held Aleppo").as_deref(),
            Some("Syrian government forces advance on rebel-held Aleppo")
        );
    }

    #[test]
    fn prepare_reads_treebank_tokenized_text_as_prose() {
        let ptb = Article::new(
            "t17",
            "WASHINGTON -LRB- Reuters -RRB- - Virtually all cases resist Roche AG 's Tamiflu , \
             the CDC said on Monday .\n`` We 're not ready , '' he said .",
        );
        let plain = Article::new("ap", "``We are ready,'' he said. Iraq, he said, was not.");
        let corpus = prepare(vec![ptb, plain.clone()]);
        assert!(
            corpus.articles[0]
                .text
                .contains("resist Roche AG's Tamiflu, the CDC said on Monday."),
            "{}",
            corpus.articles[0].text
        );
        assert!(
            corpus.articles[0]
                .text
                .contains("“We're not ready,” he said.")
        );
        assert_eq!(corpus.articles[1].text, plain.text);
    }

    #[test]
    fn agency_from_dateline() {
        assert_eq!(dateline_agency("ALEPPO (AFP)"), Some("AFP"));
        assert_eq!(dateline_agency("(Reuters)"), Some("Reuters"));
        assert_eq!(dateline_agency("ALEPPO"), None);
        assert_eq!(dateline_agency("X ()"), None);
    }

    #[test]
    fn dates_at_each_precision() {
        let d = chrono::NaiveDate::from_ymd_opt(2016, 12, 6).unwrap();
        use storyline_core::Precision::*;
        assert_eq!(format_date(d, Day), "2016-12-06");
        assert_eq!(format_date(d, Week), "2016-W49");
        assert_eq!(format_date(d, Month), "2016-12");
        assert_eq!(format_date(d, Quarter), "2016-Q4");
        assert_eq!(format_date(d, Year), "2016");
    }
}
