//! Publication-date inference scored on articles whose dates are known: the dates of a
//! seeded share of the articles are hidden, the corpus goes through the text stage,
//! syndication and [`storyline_time::infer_publication_dates`], and each hidden article's
//! inferred date (or its absence) is compared with the date it had.
//!
//! What matters for a reader is twofold: how often a date is found (`coverage`) and how
//! often a date found is wrong (`precision`, and `wrong` counted per evidence source with its
//! confidence). An article left unknown is not an error; a wrong date is.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use storyline_core::{Article, DateSource};

/// How the dates are hidden.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Share of the dated articles whose date is hidden, in `[0, 1]`.
    pub hide: f64,
    /// Seed of the choice of hidden articles.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            hide: 1.0,
            seed: 17,
        }
    }
}

/// Counts for one evidence source.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct SourceCounts {
    /// Hidden articles dated from this source.
    pub inferred: usize,
    /// Of them, dated to the right day.
    pub correct: usize,
    /// The confidence this source gives.
    pub confidence: f32,
    /// `correct / inferred`: what the confidence should be.
    pub precision: f64,
}

/// A hidden article dated wrongly.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    /// Article id.
    pub id: String,
    /// Its known date.
    pub gold: NaiveDate,
    /// The date inferred.
    pub inferred: NaiveDate,
    /// Where the inferred date came from.
    pub source: String,
}

/// The scores of one run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Articles read.
    pub articles: usize,
    /// Articles with a known date (the only ones that can be scored).
    pub dated: usize,
    /// Dated articles whose date was hidden.
    pub hidden: usize,
    /// Hidden articles given a date again.
    pub inferred: usize,
    /// Of them, the right day.
    pub correct: usize,
    /// Of them, another day.
    pub wrong: usize,
    /// Hidden articles left unknown.
    pub unknown: usize,
    /// `inferred / hidden`.
    pub coverage: f64,
    /// `correct / inferred` (1 when nothing was inferred).
    pub precision: f64,
    /// `correct / hidden`.
    pub accuracy: f64,
    /// How far the confidences are from the precisions they claim: the mean over inferred
    /// dates of `|confidence − precision of its source|` (0 when nothing was inferred).
    pub calibration_error: f64,
    /// Counts per evidence source (`dateline`, `syndicated`, `mentions`).
    pub by_source: BTreeMap<String, SourceCounts>,
    /// Every wrong date (with `--errors`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Miss>,
}

fn source_name(s: DateSource) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Hides the dates of `options.hide` of the dated `articles`, infers them again and scores
/// the result; `errors` keeps every wrong date in the report.
pub fn evaluate(articles: Vec<Article>, options: Options, errors: bool) -> Report {
    let total = articles.len();
    let mut dated: Vec<usize> = (0..total)
        .filter(|&i| articles[i].published.is_some())
        .collect();
    let n_dated = dated.len();
    dated.shuffle(&mut ChaCha8Rng::seed_from_u64(options.seed));
    let n_hide = ((n_dated as f64) * options.hide.clamp(0.0, 1.0)).round() as usize;
    let mut gold: Vec<Option<NaiveDate>> = vec![None; total];
    let mut articles = articles;
    for &i in &dated[..n_hide] {
        gold[i] = articles[i].date();
        articles[i].published = None;
    }
    let mut corpus = storyline_pipeline::prepare(articles);
    let groups = storyline_syndication::find_groups(&corpus);
    storyline_time::infer_publication_dates(&mut corpus, &groups);

    let mut report = Report {
        articles: total,
        dated: n_dated,
        hidden: n_hide,
        inferred: 0,
        correct: 0,
        wrong: 0,
        unknown: 0,
        coverage: 0.0,
        precision: 1.0,
        accuracy: 0.0,
        calibration_error: 0.0,
        by_source: BTreeMap::new(),
        errors: Vec::new(),
    };
    for (a, g) in corpus.articles.iter().zip(&gold) {
        let Some(g) = *g else { continue };
        let Some(p) = &a.published else {
            report.unknown += 1;
            continue;
        };
        let name = source_name(p.source);
        let counts = report.by_source.entry(name.clone()).or_default();
        counts.inferred += 1;
        counts.confidence = p.confidence;
        report.inferred += 1;
        if p.date == g {
            counts.correct += 1;
            report.correct += 1;
        } else {
            report.wrong += 1;
            if errors {
                report.errors.push(Miss {
                    id: a.id.clone(),
                    gold: g,
                    inferred: p.date,
                    source: name,
                });
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    report.coverage = ratio(report.inferred, report.hidden);
    report.accuracy = ratio(report.correct, report.hidden);
    if report.inferred > 0 {
        report.precision = ratio(report.correct, report.inferred);
    }
    let mut gap = 0.0;
    for c in report.by_source.values_mut() {
        c.precision = ratio(c.correct, c.inferred);
        gap += c.inferred as f64 * (f64::from(c.confidence) - c.precision).abs();
    }
    if report.inferred > 0 {
        report.calibration_error = gap / report.inferred as f64;
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_core::Published;

    fn dated(id: &str, text: &str, date: NaiveDate) -> Article {
        let mut a = Article::new(id, text);
        a.published = Some(Published {
            date,
            source: DateSource::Metadata,
            confidence: 1.0,
        });
        a
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const WIRE: &str = "Government forces captured the Shaar district of east Aleppo after a night \
        of heavy fighting, a monitoring group said, in the largest advance of the offensive so \
        far.\n\nThe group said more than 300 civilians had been killed since the assault began, \
        including dozens of children, and that thousands had fled towards the west of the \
        city.\n\nDiplomats said talks on a ceasefire had stalled after a resolution was blocked \
        at the Security Council, and no new meeting had been set.";

    #[test]
    fn datelines_and_copies_are_found_and_the_rest_left_unknown() {
        let articles = vec![
            // A dateline gives the date back.
            dated(
                "a",
                "Published on 12:00 AM, December 07, 2016\n\nThe council met again.",
                day(2016, 12, 7),
            ),
            // A dateline that disagrees with the metadata: a wrong date, counted as such.
            dated(
                "b",
                "06 December, 2016\n\nThe council met once more.",
                day(2016, 12, 9),
            ),
            // Nothing in the text: left unknown.
            dated("c", "The weather was mild.", day(2016, 1, 2)),
        ];
        let r = evaluate(articles, Options::default(), true);
        assert_eq!((r.articles, r.dated, r.hidden), (3, 3, 3));
        assert_eq!((r.inferred, r.correct, r.wrong, r.unknown), (2, 1, 1, 1));
        assert_eq!(r.by_source["dateline"].inferred, 2);
        assert_eq!(r.errors.len(), 1);
        assert_eq!(r.errors[0].id, "b");
        assert!((r.precision - 0.5).abs() < 1e-9 && (r.coverage - 2.0 / 3.0).abs() < 1e-9);
        // Both from datelines, one right: the source's precision is 0.5, and the calibration
        // error is how far its confidence is from that.
        let dl = r.by_source["dateline"];
        assert!((dl.precision - 0.5).abs() < 1e-9);
        let gap = (f64::from(dl.confidence) - 0.5).abs();
        assert!((r.calibration_error - gap).abs() < 1e-9 && gap > 0.0);
    }

    #[test]
    fn a_hidden_copy_takes_the_date_of_its_dated_copy() {
        let articles = vec![
            dated("wire", WIRE, day(2016, 12, 7)),
            dated("reprint", WIRE, day(2016, 12, 7)),
        ];
        // Half hidden: one copy keeps its date and lends it to the other.
        let r = evaluate(articles, Options { hide: 0.5, seed: 3 }, false);
        assert_eq!((r.hidden, r.inferred, r.correct), (1, 1, 1));
        assert_eq!(r.by_source["syndicated"].correct, 1);
        // Nothing hidden: nothing to score.
        let r = evaluate(
            vec![dated("wire", WIRE, day(2016, 12, 7))],
            Options { hide: 0.0, seed: 3 },
            false,
        );
        assert_eq!((r.hidden, r.inferred, r.precision), (0, 0, 1.0));
    }

    #[test]
    fn duc_2003_copies_lend_their_dates() {
        let Some(dir) = crate::dataset("duc2003/docs.without.headlines") else {
            return;
        };
        let mut articles = Vec::new();
        storyline_ingest::read_paths(&[dir], &mut |a| articles.push(a));
        let r = evaluate(
            articles,
            Options {
                hide: 0.5,
                seed: 17,
            },
            true,
        );
        assert_eq!((r.dated, r.hidden), (624, 312));
        // The wire copies of the TDT clusters date each other; nothing else is guessed.
        let copies = r.by_source["syndicated"];
        assert!(copies.inferred >= 20 && copies.correct * 10 >= copies.inferred * 9);
        assert!(r.wrong <= 3, "{:?}", r.errors);
    }
}
