//! Publication-date inference for articles whose metadata gave no date.
//!
//! Evidence, strongest first:
//! 1. an in-text dateline: a full date (day, month and year) on a short line at the start or
//!    the end of the text, or after "Published", "Posted", "Updated" or "Date:", when the full
//!    dates near the text's edges all name that one day;
//! 2. the date of a syndicated copy (same syndication group) whose date came from metadata,
//!    a header or a dateline;
//! 3. the dates the text mentions, only when they pin the day: the latest full date written
//!    near the start or the end of the text, when the text also reports a bare weekday that
//!    falls on that very date, is taken to be the day of the report (low confidence).
//!
//! Anything weaker is left unknown rather than guessed.

use chrono::{Datelike, NaiveDate};
use storyline_core::{Corpus, DateSource, Precision, Published, Timex};
use storyline_syndication::Group;

// Each confidence is the share of right dates its source gave when the known dates of real
// articles were hidden and inferred again (`storyline eval pubdate`, whose `by_source` reports
// each source's precision next to its confidence, and `calibration_error` their distance):
// Timeline17's web pages and the DUC 2003, 2006 and 2007 wires, with every date hidden (for
// datelines and mentions) and with half hidden (for copies, which need a dated copy), pooled,
// smoothed by one right and one wrong guess, and rounded to the nearest tenth, at most 0.9: no
// inferred date is certain (2026-12-07; docs/parts/time.md).
/// Confidence of a date read from an in-text dateline (119 of 122 right: 0.97).
const DATELINE_CONFIDENCE: f32 = 0.9;
/// Confidence of a date taken from a syndicated copy (46 of 56 right: 0.81).
const SYNDICATED_CONFIDENCE: f32 = 0.8;
/// Confidence of a date pinned by the dates the text mentions (75 of 84 right: 0.88; 2 of 4
/// on wires, whose edges are their lead paragraph).
const MENTIONS_CONFIDENCE: f32 = 0.9;

/// Full dates (day precision, explicit year) among the `timexes` of `text`, with their byte
/// offsets. A numeric date whose day and month could be read either way ("10-05-98": 10 May
/// or 5 October) is left out: a wire's filing line and a European date look the same.
fn full_dates_of(text: &str, timexes: &[Timex]) -> Vec<(usize, usize, NaiveDate)> {
    timexes
        .iter()
        .filter(|t| {
            t.precision == Some(Precision::Day)
                && matches!(
                    t.rule.as_str(),
                    "date.month-day-year" | "date.day-month-year" | "date.numeric" | "weekday+date"
                )
                && t.value.len() == 10
                || t.rule == "clock+full-date"
        })
        .filter(|t| !(t.rule == "date.numeric" && ambiguous_numeric(&text[t.start..t.end])))
        .filter_map(|t| Some((t.start, t.end, t.date?)))
        .collect()
}

/// Whether the text's edges carry a feed: one day stamping two or more items at different
/// clock times without a "posted" or "updated" cue ("7:01 pm ET February 11, 2013 RETWEET …",
/// "6:30 pm ET February 11, 2013 RETWEET …"), a list of timestamped posts (tweets, a ticker, a
/// comment thread). An article is published once: the dates at such edges are the page's
/// furniture, captured when it was crawled, and none of them is evidence of the article's date.
fn has_feed(text: &str, timexes: &[Timex]) -> bool {
    let mut stamps: Vec<(NaiveDate, &str)> = timexes
        .iter()
        .filter(|t| t.rule == "clock+full-date" && near_edge(text, t.start, t.end))
        .filter(|t| !is_cue(&cue_tail(text, t.start)))
        .filter_map(|t| Some((t.date?, t.value.as_str())))
        .collect();
    stamps.sort_unstable();
    stamps.dedup();
    stamps.windows(2).any(|w| w[0].0 == w[1].0)
}

/// The last characters before `start`, separators (" ,:-|" and tabs) trimmed, lower-cased:
/// where a cue before a date ends. Sixteen bytes hold the longest cue.
fn cue_tail(text: &str, start: usize) -> String {
    let before = text[..start].trim_end_matches([' ', ',', ':', '-', '|', '\t']);
    let mut from = before.len().saturating_sub(16);
    while !before.is_char_boundary(from) {
        from -= 1;
    }
    before[from..].to_ascii_lowercase()
}

/// Whether a [`cue_tail`] ends in a dateline cue ("Published", "Posted on", "Updated:",
/// "Date").
fn is_cue(tail: &str) -> bool {
    [
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
}

/// Whether `before` (the text up to a date) ends with a pipe, or with a pipe and a clock time
/// ("| 10:57 UK time, Friday, "): the separator of a page's stamp.
fn after_pipe(before: &str) -> bool {
    let Some(bar) = before.rfind('|') else {
        return false;
    };
    let gap = &before[bar + 1..];
    let clock = gap
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    gap.trim().is_empty() || (gap.len() <= 32 && clock)
}

/// "10-05-98", "3/4/2016": a numeric date whose first two fields are both possible months
/// (and differ), so that the order of day and month decides the date.
fn ambiguous_numeric(written: &str) -> bool {
    let fields: Vec<&str> = written
        .split(|c: char| !c.is_ascii_digit())
        .filter(|f| !f.is_empty())
        .collect();
    match fields.as_slice() {
        [a, b, _] if a.len() <= 2 => {
            let (a, b) = (a.parse::<u32>().unwrap_or(0), b.parse::<u32>().unwrap_or(0));
            (1..=12).contains(&a) && (1..=12).contains(&b) && a != b
        }
        _ => false,
    }
}

/// Bytes at either end of a text where a page or a wire puts its date.
const EDGE: usize = 400;

/// Whether `start..end` lies within [`EDGE`] bytes of the start or the end of `text`.
fn near_edge(text: &str, start: usize, end: usize) -> bool {
    start < EDGE || text.len() - end < EDGE
}

/// Whether the full dates written near the edges of the text name one day only.
fn edges_agree(text: &str, dates: &[(usize, usize, NaiveDate)]) -> bool {
    let mut days = dates
        .iter()
        .filter(|&&(s, e, _)| near_edge(text, s, e))
        .map(|&(_, _, d)| d);
    let first = days.next();
    days.all(|d| Some(d) == first)
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
    dateline_of(text, &crate::tag(text, None))
}

/// [`dateline_date`] with the text's timexes (tagged without a publication date).
fn dateline_of(text: &str, timexes: &[Timex]) -> Option<NaiveDate> {
    let dates = full_dates_of(text, timexes);
    // Pages that list dated items at their edges (comments, tweets, related videos: "updated:
    // Fri Nov 19 2010 …", "6:28 pm ET February 11, 2013 RETWEET") give no one dateline.
    if !edges_agree(text, &dates) || has_feed(text, timexes) {
        return None;
    }
    for (s, e, d) in dates {
        if !near_edge(text, s, e) {
            continue;
        }
        let tail = cue_tail(text, s);
        // "WASHINGTON | Mon Mar 2, 2009 4:23 pm EST", "Rajan Datar | 10:57 UK time, Friday,
        // 22 January 2010": a web page's place (or author) and time stamp.
        let stamp = after_pipe(&text[..s]);
        let cue = is_cue(&tail)
            || stamp
            || tail.ends_with(" am")
            || tail.ends_with(" pm")
            || tail.ends_with("a.m.")
            || tail.ends_with("p.m.");
        let (ls, le) = line_bounds(text, s, e);
        let line = text[ls..le].trim();
        let short_line = line.len() <= (e - s) + 45;
        if cue || short_line {
            return Some(d);
        }
    }
    None
}

/// The day pinned by the text's own mentions: the latest full date written near the start
/// or the end of the text (where pages and wires put their date: "Thursday, November 13,
/// 2008; Page A23", "January 31, 2011 | From … CNN"), when a bare weekday mention of the
/// text falls on that same day. A full date inside the body is what the story reports (an
/// anniversary, a deadline), not when it was written. `timexes` are the text's, tagged
/// without a publication date.
fn mentions_of(text: &str, timexes: &[Timex]) -> Option<NaiveDate> {
    if has_feed(text, timexes) {
        return None;
    }
    let latest = full_dates_of(text, timexes)
        .into_iter()
        .filter(|&(s, e, _)| near_edge(text, s, e) && !in_prose(text, s))
        .map(|(_, _, d)| d)
        .max()?;
    let weekday_mentions: Vec<u32> = timexes
        .iter()
        .filter(|t| t.rule == "weekday.unanchored")
        .filter_map(|t| t.value.rsplit('-').next()?.parse().ok())
        .collect();
    weekday_mentions
        .contains(&latest.weekday().number_from_monday())
        .then_some(latest)
}

/// Whether the date at `start` is governed by a preposition ("on April 10, 1995", "by May 31,
/// 1999", "since January 1, 1998"): a date the story reports, in a sentence, rather than the
/// date a page or a wire stamps on itself.
fn in_prose(text: &str, start: usize) -> bool {
    let word = text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        word.as_str(),
        "on" | "by"
            | "until"
            | "till"
            | "since"
            | "from"
            | "before"
            | "after"
            | "to"
            | "through"
            | "between"
            | "and"
            | "of"
            | "in"
    )
}

/// Fills in missing publication dates (with their source and confidence), using the
/// syndication groups; leaves a date unknown rather than guess.
pub fn infer_publication_dates(corpus: &mut Corpus, groups: &[Group]) {
    // 1. Datelines. Each undated text is tagged once; its timexes serve step 3 too.
    let mut undated: Vec<Option<Vec<Timex>>> = vec![None; corpus.articles.len()];
    for (a, kept) in corpus.articles.iter_mut().zip(undated.iter_mut()) {
        if a.published.is_some() {
            continue;
        }
        let timexes = crate::tag(&a.text, None);
        // The dateline that ingest took off the first paragraph ("WASHINGTON | Mon Mar 2,
        // 2009 4:23 pm EST WASHINGTON (Reuters)") is a dateline of its own.
        let head = a.dateline.as_deref().and_then(|d| {
            let dated: Vec<NaiveDate> = full_dates_of(d, &crate::tag(d, None))
                .into_iter()
                .map(|(_, _, day)| day)
                .collect();
            dated
                .first()
                .copied()
                .filter(|first| dated.iter().all(|day| day == first))
        });
        match head.or_else(|| dateline_of(&a.text, &timexes)) {
            Some(date) => {
                a.published = Some(Published {
                    date,
                    source: DateSource::Dateline,
                    confidence: DATELINE_CONFIDENCE,
                })
            }
            None => *kept = Some(timexes),
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
    for (a, timexes) in corpus.articles.iter_mut().zip(&undated) {
        if a.published.is_none()
            && let Some(timexes) = timexes
            && let Some(date) = mentions_of(&a.text, timexes)
        {
            a.published = Some(Published {
                date,
                source: DateSource::Mentions,
                confidence: MENTIONS_CONFIDENCE,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions_date(text: &str) -> Option<NaiveDate> {
        mentions_of(text, &crate::tag(text, None))
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn numeric_datelines_are_read_only_when_their_order_is_certain() {
        // A wire's filing line: 5 October or 10 May? Left unknown.
        let body = "The Senate rolled the bill into a larger one.\n\nAnd the games continue.\n";
        assert_eq!(
            dateline_date(&format!("{body}\nNYT-10-05-98 1735EDT\n")),
            None
        );
        assert_eq!(dateline_date(&format!("{body}\n03/04/2016\n")), None);
        // Day and month equal, a day above 12, or a year first: one reading only.
        assert_eq!(
            dateline_date(&format!("{body}\n25/12/2016\n")),
            Some(d(2016, 12, 25))
        );
        assert_eq!(
            dateline_date(&format!("{body}\n04-04-2016\n")),
            Some(d(2016, 4, 4))
        );
        assert_eq!(
            dateline_date(&format!("Posted 2016-12-07\n\n{body}")),
            Some(d(2016, 12, 7))
        );
        assert!(ambiguous_numeric("10-05-98") && ambiguous_numeric("3/4/2016"));
        assert!(!ambiguous_numeric("13-05-98") && !ambiguous_numeric("2016-12-07"));
    }

    #[test]
    fn edges_listing_several_days_give_no_dateline() {
        let body = "Officials met again to discuss the plan and its costs. ".repeat(12);
        let one = format!("Posted January 28, 2011\n\n{body}\nJanuary 28, 2011\n");
        assert_eq!(dateline_date(&one), Some(d(2011, 1, 28)));
        // a list of dated videos or tweets at the foot of a page: which one is the article's?
        let listed = format!(
            "{body}\nupdated: November 19, 2010\nA video.\nupdated: September 11, 2007\nAnother.\n"
        );
        assert_eq!(dateline_date(&listed), None);
        let mixed = format!("Posted January 28, 2011\n\n{body}\n6:28 pm ET February 11, 2013\n");
        assert_eq!(dateline_date(&mixed), None);
    }

    #[test]
    fn a_feed_of_timestamped_posts_at_the_edge_dates_nothing() {
        let filler = "Officials met again to discuss the plan and its costs. ".repeat(10);
        let body = format!("{filler}Protesters returned to the square on Monday.");
        // Two posts of one day at different times: the page's feed, crawled two years later
        // (11 February 2013 was a Monday, so the weekday would otherwise pin it).
        let feed = format!(
            "{body}\nCould the next pope be from Africa? 7:01 pm ET February 11, 2013 RETWEET\n\
             Looking for a good car? 6:30 pm ET February 11, 2013 RETWEET\n"
        );
        assert_eq!(mentions_date(&feed), None);
        assert_eq!(dateline_date(&feed), None);
        // One stamp is the article's own time, and a posted / updated pair is one article.
        let own = format!("{body}\n7:01 pm ET February 11, 2013\n");
        assert_eq!(mentions_date(&own), Some(d(2013, 2, 11)));
        let updated = format!(
            "Posted 7:01 pm ET February 11, 2013 | Updated 9:30 pm ET February 11, 2013\n\n{body}"
        );
        assert_eq!(dateline_date(&updated), Some(d(2013, 2, 11)));
    }

    #[test]
    fn no_cut_of_a_dated_page_panics() {
        let page = "Posted 7:01 pm ET February 11, 2013 | Updated 9:30 pm ET February 11, 2013\n\
                    Troops took the town on Monday, Dec. 5, 2016, by nightfall — «résumé» ✓.\n\
                    Could the next pope be from Africa? 7:01 pm ET February 11, 2013 RETWEET\n\
                    Looking for a car? 6:30 pm ET February 11, 2013 RETWEET\n03/04/2016\n";
        for (i, _) in page.char_indices() {
            for text in [&page[..i], &page[i..]] {
                let _ = dateline_date(text);
                let _ = mentions_date(text);
            }
        }
    }

    #[test]
    fn only_a_date_at_the_edge_of_the_text_is_pinned_by_a_weekday() {
        let filler = "Officials met again to discuss the plan and its costs. ".repeat(10);
        // 21 December 1988 was a Wednesday: an anniversary in the body is no dateline.
        let body = format!(
            "{filler}The bombing of December 21, 1988 killed 270 people. {filler}\
             Relatives met the prosecutors on Wednesday."
        );
        assert_eq!(mentions_date(&body), None);
        let paged = format!("Wednesday 21 December 1988 | By a correspondent\n\n{body}");
        assert_eq!(mentions_date(&paged), Some(d(1988, 12, 21)));
    }
}
