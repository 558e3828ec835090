//! Publication-date inference for articles whose metadata gave no date.
//!
//! Evidence, strongest first:
//! 1. an in-text dateline: a full date (day, month and year) on a short line at the start or
//!    the end of the text, or after "Published", "Posted", "Updated" or "Date:";
//! 2. the date of a syndicated copy (same syndication group) whose date came from metadata,
//!    a header or a dateline;
//! 3. the dates the text mentions, only when they pin the day: the latest full date the text
//!    reports is a lower bound, and when the text also reports a bare weekday that falls on
//!    that very date, the report is taken to be from that day (low confidence).
//!
//! Anything weaker is left unknown rather than guessed.

use chrono::{Datelike, NaiveDate};
use storyline_core::{Corpus, DateSource, Precision, Published};
use storyline_syndication::Group;

/// Confidence of a date read from an in-text dateline.
const DATELINE_CONFIDENCE: f32 = 0.9;
/// Confidence of a date taken from a syndicated copy.
const SYNDICATED_CONFIDENCE: f32 = 0.75;
/// Confidence of a date pinned by the dates the text mentions.
const MENTIONS_CONFIDENCE: f32 = 0.4;

/// Full dates (day precision, explicit year) in `text`, with their byte offsets.
fn full_dates(text: &str) -> Vec<(usize, usize, NaiveDate)> {
    crate::tag(text, None)
        .into_iter()
        .filter(|t| {
            t.precision == Some(Precision::Day)
                && matches!(
                    t.rule.as_str(),
                    "date.month-day-year" | "date.day-month-year" | "date.numeric" | "weekday+date"
                )
                && t.value.len() == 10
                || t.rule == "clock+full-date"
        })
        .filter_map(|t| Some((t.start, t.end, t.date?)))
        .collect()
}

fn line_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let ls = text[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let le = text[end..]
        .find('\n')
        .map(|i| end + i)
        .unwrap_or(text.len());
    (ls, le)
}

/// The date of an in-text dateline ("Published on 12:00 AM, December 07, 2016", a line
/// "06 December, 2016" at the start or end of the text), if any.
pub fn dateline_date(text: &str) -> Option<NaiveDate> {
    const WINDOW: usize = 400;
    for (s, e, d) in full_dates(text) {
        let before = text[..s].to_ascii_lowercase();
        let tail = before.trim_end_matches([' ', ',', ':', '-', '|', '\t']);
        let cue = [
            "published",
            "posted",
            "updated",
            "date",
            "published on",
            "posted on",
            "updated on",
        ]
        .iter()
        .any(|c| tail.ends_with(c))
            || tail.ends_with(" am")
            || tail.ends_with(" pm")
            || tail.ends_with("a.m.")
            || tail.ends_with("p.m.");
        let near_edge = s < WINDOW || text.len() - e < WINDOW;
        if !near_edge {
            continue;
        }
        let (ls, le) = line_bounds(text, s, e);
        let line = text[ls..le].trim();
        let short_line = line.len() <= (e - s) + 45;
        if cue || short_line {
            return Some(d);
        }
    }
    None
}

/// The day pinned by the text's own mentions: the latest full date it reports, when a bare
/// weekday mention of the text falls on that same day.
fn mentions_date(text: &str) -> Option<NaiveDate> {
    let latest = full_dates(text).into_iter().map(|(_, _, d)| d).max()?;
    let weekday_mentions: Vec<u32> = crate::tag(text, None)
        .iter()
        .filter(|t| t.rule == "weekday.unanchored")
        .filter_map(|t| t.value.rsplit('-').next()?.parse().ok())
        .collect();
    weekday_mentions
        .contains(&latest.weekday().number_from_monday())
        .then_some(latest)
}

/// Fills in missing publication dates (with their source and confidence), using the
/// syndication groups; leaves a date unknown rather than guess.
pub fn infer_publication_dates(corpus: &mut Corpus, groups: &[Group]) {
    // 1. Datelines.
    for a in corpus.articles.iter_mut() {
        if a.published.is_none()
            && let Some(date) = dateline_date(&a.text)
        {
            a.published = Some(Published {
                date,
                source: DateSource::Dateline,
                confidence: DATELINE_CONFIDENCE,
            });
        }
    }
    // 2. Syndicated copies: the original's date when it is known firsthand, else the
    // earliest firsthand date of the group.
    let firsthand = |p: &Option<Published>| {
        p.as_ref()
            .filter(|p| {
                matches!(
                    p.source,
                    DateSource::Metadata | DateSource::Header | DateSource::Dateline
                )
            })
            .map(|p| p.date)
    };
    for g in groups {
        let original = corpus
            .articles
            .get(g.original)
            .and_then(|a| firsthand(&a.published));
        let earliest = g
            .members
            .iter()
            .filter_map(|&m| corpus.articles.get(m).and_then(|a| firsthand(&a.published)))
            .min();
        let Some(date) = original.or(earliest) else {
            continue;
        };
        for &m in &g.members {
            if let Some(a) = corpus.articles.get_mut(m)
                && a.published.is_none()
            {
                a.published = Some(Published {
                    date,
                    source: DateSource::Syndicated,
                    confidence: SYNDICATED_CONFIDENCE,
                });
            }
        }
    }
    // 3. Mentions, only when they pin the day.
    for a in corpus.articles.iter_mut() {
        if a.published.is_none()
            && let Some(date) = mentions_date(&a.text)
        {
            a.published = Some(Published {
                date,
                source: DateSource::Mentions,
                confidence: MENTIONS_CONFIDENCE,
            });
        }
    }
}
