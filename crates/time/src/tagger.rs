//! The rule-based TIMEX3 tagger: finds temporal expressions token by token (longest match
//! wins) and normalises them to TimeML values anchored to the document creation time (DCT)
//! or, for anaphoric expressions ("a day earlier", "the next day", "the quarter"), to the
//! last date the text mentioned. Bare weekdays and months take the tense of their clause:
//! past → the latest one on or before the DCT, future → the next one.

use chrono::{Datelike, NaiveDate, TimeDelta};
use storyline_core::{Precision, Timex, TimexType};

use crate::lexicon::{self, Unit};
use crate::tokens::{Kind, Tok, tokenize};

/// Tense of the clause around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
}

/// A match: token range, normalisation and the rule that made it.
#[derive(Debug, Clone)]
struct M {
    end: usize,
    kind: TimexType,
    value: String,
    date: Option<NaiveDate>,
    precision: Option<Precision>,
    modifier: Option<&'static str>,
    rule: &'static str,
    /// Whether this expression becomes the anchor of later anaphoric expressions.
    anchor: bool,
}

impl M {
    fn new(end: usize, kind: TimexType, value: impl Into<String>, rule: &'static str) -> M {
        M {
            end,
            kind,
            value: value.into(),
            date: None,
            precision: None,
            modifier: None,
            rule,
            anchor: false,
        }
    }
}

/// A year as TIMEX3 writes it: four digits, years before Christ (held as negative
/// numbers: 480 BC is -480) with the prefix BC ("BC0480").
fn year_str(y: i32) -> String {
    if y < 0 {
        format!("BC{:04}", -y)
    } else {
        format!("{y:04}")
    }
}

fn day_value(d: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", year_str(d.year()), d.month(), d.day())
}

fn week_value(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", year_str(w.year()), w.week())
}

fn quarter_of(d: NaiveDate) -> u32 {
    d.month0() / 3 + 1
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let total = y * 12 + m as i32 - 1 + delta;
    (total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - TimeDelta::days(d.weekday().num_days_from_monday() as i64)
}

/// Easter Sunday of the Gregorian year `y` (the anonymous Gregorian computus).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(19);
    let (b, c) = (y.div_euclid(100), y.rem_euclid(100));
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    ymd(y, (n / 31) as u32, (n % 31 + 1) as u32)
}

/// How many words back a month name looks for the tense of its clause.
const MONTH_TENSE_WINDOW: usize = 15;

/// How far back a month looks for a tense cue when none is near: its whole sentence.
const SENTENCE_TENSE_WINDOW: usize = 60;
/// In a history, "this day", "this year" are the story's while its date was mentioned at
/// most this many sentences before.
const HISTORY_THIS_SENTENCES: usize = 3;

/// Tokens that end a clause for the tense cues: sentence punctuation and quotation marks.
fn clause_stop(w: &str) -> bool {
    matches!(w, "." | "!" | "?" | ";" | "\"" | "“" | "”")
}

/// A resolved calendar reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cal {
    Day(NaiveDate),
    Week(NaiveDate),
    Month(i32, u32),
    Quarter(i32, u32),
    Year(i32),
}

impl Cal {
    fn value(self) -> String {
        match self {
            Cal::Day(d) => day_value(d),
            Cal::Week(d) => week_value(d),
            Cal::Month(y, m) => format!("{}-{m:02}", year_str(y)),
            Cal::Quarter(y, q) => format!("{}-Q{q}", year_str(y)),
            Cal::Year(y) => year_str(y),
        }
    }
    fn first_day(self) -> Option<(NaiveDate, Precision)> {
        Some(match self {
            Cal::Day(d) => (d, Precision::Day),
            Cal::Week(d) => (monday_of(d), Precision::Week),
            Cal::Month(y, m) => (ymd(y, m, 1)?, Precision::Month),
            Cal::Quarter(y, q) => (ymd(y, (q - 1) * 3 + 1, 1)?, Precision::Quarter),
            Cal::Year(y) => (ymd(y, 1, 1)?, Precision::Year),
        })
    }
    /// Moves by `n` units of its own granularity.
    fn shift(self, n: i32) -> Cal {
        match self {
            Cal::Day(d) => Cal::Day(d + TimeDelta::days(n as i64)),
            Cal::Week(d) => Cal::Week(d + TimeDelta::days(7 * n as i64)),
            Cal::Month(y, m) => {
                let (y, m) = add_months(y, m, n);
                Cal::Month(y, m)
            }
            Cal::Quarter(y, q) => {
                let t = y * 4 + q as i32 - 1 + n;
                Cal::Quarter(t.div_euclid(4), t.rem_euclid(4) as u32 + 1)
            }
            Cal::Year(y) => Cal::Year(y + n),
        }
    }
    /// The reference at the granularity of `unit` that contains this one's first day; none
    /// when `unit` is finer than this reference ("that day" after "in 1987" is no day).
    fn at_unit(self, unit: Unit) -> Option<Cal> {
        let rank = |u: Unit| match u {
            Unit::Day => 0,
            Unit::Week => 1,
            Unit::Month => 2,
            Unit::Quarter => 3,
            _ => 4,
        };
        let own = match self {
            Cal::Day(_) => 0,
            Cal::Week(_) => 1,
            Cal::Month(..) => 2,
            Cal::Quarter(..) => 3,
            Cal::Year(_) => 4,
        };
        if rank(unit) < own {
            return None;
        }
        let (d, _) = self.first_day()?;
        Some(match unit {
            Unit::Day => Cal::Day(d),
            Unit::Week => Cal::Week(d),
            Unit::Month => Cal::Month(d.year(), d.month()),
            Unit::Quarter => Cal::Quarter(d.year(), quarter_of(d)),
            Unit::Year => Cal::Year(d.year()),
            _ => return None,
        })
    }
}

fn cal_match(end: usize, kind: TimexType, cal: Cal, rule: &'static str) -> M {
    let mut m = M::new(end, kind, cal.value(), rule);
    if let Some((d, p)) = cal.first_day() {
        m.date = Some(d);
        m.precision = Some(p);
    }
    m
}

/// A plural unit standing for a vague number of them ("for weeks", "months of talks"): a
/// duration of unknown length, `P<X><unit>`.
fn bare_plural(i: usize, w: &str) -> Option<M> {
    let (u, _) = lexicon::unit(w)?;
    Some(M::new(
        i + 1,
        TimexType::Duration,
        duration_value(None, u),
        "duration.bare-plural",
    ))
}

fn duration_value(n: Option<f64>, unit: Unit) -> String {
    let (letter, mult, time) = unit.duration();
    // A half unit is written in the next smaller unit: "2 1/2 years" P2Y6M, "5 1/2 hours"
    // PT5H30M, "a minute and a half" PT1M30S.
    if let Some(x) = n
        && mult == 1
        && x >= 1.0
        && ((x - x.floor()) - 0.5).abs() < 1e-9
    {
        let whole = x.floor() as i64;
        let half = match unit {
            Unit::Year => Some("6M"),
            Unit::Day => Some("T12H"),
            Unit::Hour => Some("30M"),
            Unit::Minute => Some("30S"),
            _ => None,
        };
        if let Some(h) = half {
            return if time {
                format!("PT{whole}{letter}{h}")
            } else {
                format!("P{whole}{letter}{h}")
            };
        }
    }
    let amount = match n {
        Some(x) => {
            let v = x * mult as f64;
            if (v - v.round()).abs() < 1e-9 {
                format!("{}", v.round() as i64)
            } else {
                format!("{v}")
            }
        }
        None => {
            if mult == 10 {
                return if time { "PTXH".into() } else { "PXE".into() };
            }
            "X".to_string()
        }
    };
    if time {
        format!("PT{amount}{letter}")
    } else {
        format!("P{amount}{letter}")
    }
}

/// State of one tagging pass over a text.
pub(crate) struct Tagger<'a> {
    text: &'a str,
    lower: String,
    toks: Vec<Tok>,
    dct: Option<NaiveDate>,
    /// Last day-precision date mentioned (anchor for "the next day").
    ref_cal: Option<Cal>,
    /// Token index where [`Self::ref_cal`] was mentioned.
    ref_at: usize,
    /// Last quarter mentioned (anchor for "the quarter", "a year earlier").
    ref_quarter: Option<(i32, u32)>,
    /// A span of months ("the nine months") was mentioned after the last quarter: "a year
    /// earlier" then compares with the year, not with that quarter.
    months_span: bool,
    /// The text tells of years far from the DCT (most of its written years are two or more
    /// years away from it): a history, not news, so bare months take the year last mentioned.
    narrative: bool,
    /// Token end of the last expression emitted when it named a day (for appositions:
    /// "On 21 July, the fifth day of the rebellion").
    last_day_end: Option<usize>,
}

impl<'a> Tagger<'a> {
    pub(crate) fn new(text: &'a str, dct: Option<NaiveDate>) -> Self {
        Tagger {
            text,
            lower: text.to_ascii_lowercase(),
            toks: tokenize(text),
            dct,
            ref_cal: None,
            ref_at: 0,
            ref_quarter: None,
            months_span: false,
            narrative: false,
            last_day_end: None,
        }
        .with_genre()
    }

    /// Sets [`Self::narrative`]: at least five written years ("1942", amounts like "$1990"
    /// aside) and fewer than one in ten of them within a year of the DCT.
    fn with_genre(mut self) -> Self {
        if let Some(dct) = self.dct {
            let years: Vec<i32> = (0..self.toks.len())
                .filter(|&k| !(k > 0 && self.glued(k) && self.is(k - 1, "$")))
                .filter_map(|k| self.year_at(k).or_else(|| self.year_bc(k).map(|(y, _)| y)))
                .collect();
            let near = years
                .iter()
                .filter(|&&y| (y - dct.year()).abs() <= 1)
                .count();
            self.narrative = years.len() >= 5 && near * 10 < years.len();
        }
        self
    }

    fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.lower[t.start..t.end],
            None => "",
        }
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| self.text[t.start..].chars().next())
            .is_some_and(|c| c.is_uppercase())
    }

    fn num(&self, i: usize) -> Option<u32> {
        if self.kind(i) == Some(Kind::Num) && self.w(i).len() <= 9 {
            self.w(i).parse().ok()
        } else {
            None
        }
    }

    /// Whether token `i` is the word `w`.
    fn is(&self, i: usize, w: &str) -> bool {
        self.w(i) == w
    }

    /// Whether tokens from `i` spell the words of `ws` (space separated).
    fn seq(&self, i: usize, ws: &str) -> Option<usize> {
        let mut j = i;
        for w in ws.split(' ') {
            if !self.is(j, w) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// Skips an optional glued period after token `i` (abbreviations like `Aug.`).
    fn after_period(&self, i: usize) -> usize {
        if self.is(i + 1, ".") && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        }
    }

    /// Skips an optional hyphen between tokens: returns the index of the next word.
    fn hyphen(&self, i: usize) -> usize {
        if self.is(i, "-") && self.glued(i) && self.glued(i + 1) {
            i + 1
        } else {
            i
        }
    }

    /// Tense of the clause around tokens `i..end`; past when nothing marks it.
    fn tense(&self, i: usize, end: usize) -> Tense {
        self.tense_cue(i, end).unwrap_or(Tense::Past)
    }

    /// Tense of the clause of a bare weekday at tokens `i..end`: its tense cue; without one,
    /// a present progressive nearby is an arrangement ("Opposition movements are calling for
    /// mass protests on Saturday", "ShelterBox is chartering a 747 on Friday"), else the past.
    /// Only weekdays: a month beside a progressive is often the date of something already
    /// agreed ("it is continuing to try to sell itself, under a June agreement").
    fn weekday_tense(&self, i: usize, end: usize) -> Tense {
        if let Some(t) = self.tense_cue(i, end) {
            return t;
        }
        let progressive = |k: usize| {
            let w = self.w(k);
            k > 0
                && w.len() > 5
                && w.ends_with("ing")
                && matches!(self.w(k - 1), "is" | "are" | "am")
        };
        // Unlike `find_before`, every token counts towards the ten looked back and any stop
        // ends the clause.
        let mut k = i;
        let mut seen = 0;
        while k > 0 && seen < 10 && !clause_stop(self.w(k - 1)) {
            k -= 1;
            seen += 1;
            if progressive(k) {
                return Tense::Future;
            }
        }
        match self.find_after(end, 4, progressive) {
            Some(_) => Tense::Future,
            None => Tense::Past,
        }
    }

    /// Whether token `k` is a tense cue, and which.
    fn cue(&self, k: usize) -> Option<Tense> {
        let w = self.w(k);
        let prev = if k > 0 { self.w(k - 1) } else { "" };
        if lexicon::future_cue(w) {
            // "the plan", "its forecast": nouns, not verbs.
            if matches!(w, "plan" | "plans" | "forecast" | "forecasts") && lexicon::determiner(prev)
            {
                return None;
            }
            // "had been scheduled to expire", "previously planned": a plan of the past.
            let before = |n: usize| k >= n && matches!(self.w(k - n), "had" | "previously");
            if before(1) || (before(2) && prev == "been") {
                return Some(Tense::Past);
            }
            return Some(Tense::Future);
        }
        // "is to resume", "are to meet", "set to resume": arranged for the future.
        if w == "to"
            && (matches!(prev, "is" | "are")
                || (prev == "set" && !(k >= 2 && matches!(self.w(k - 2), "had" | "was" | "were"))))
        {
            return Some(Tense::Future);
        }
        // The -ed heuristic only applies to lower-case words: "United", "Red" are names;
        // "be paid", "be completed" are passive infinitives and "the proposed sale" an
        // adjective, not past tense.
        if lexicon::past_cue(w)
            && (!self.capitalized(k) || lexicon::past_word(w))
            && !(!lexicon::past_word(w) && (prev == "be" || lexicon::determiner(prev)))
        {
            return Some(Tense::Past);
        }
        None
    }

    /// The tense cue of the clause around tokens `i..end`, if any.
    fn tense_cue(&self, i: usize, end: usize) -> Option<Tense> {
        self.tense_cue_within(i, end, 10, false)
    }

    /// The tense cue of the clause of a bare month: [`Self::tense_cue`] looking back
    /// [`MONTH_TENSE_WINDOW`] words, and then to the nearest cue earlier in the sentence.
    fn month_tense_cue(&self, i: usize, end: usize) -> Option<Tense> {
        self.tense_cue_within(i, end, MONTH_TENSE_WINDOW, true)
    }

    /// [`Self::tense_cue`] looking back at most `window` words; with `sentence_fallback`,
    /// when nothing is found, the nearest cue earlier in the sentence.
    fn tense_cue_within(
        &self,
        i: usize,
        end: usize,
        window: usize,
        sentence_fallback: bool,
    ) -> Option<Tense> {
        // A deadline or earliest date ("until Tuesday", "as soon as Tuesday", "as early as
        // Tuesday") lies ahead whatever the tense of the verb that sets it.
        // In a history ("fighting which lasted until 16 August"), "until" bounds a span of
        // the story, not a deadline ahead of the DCT.
        let until = i > 0 && self.is(i - 1, "until") && !self.narrative;
        if until
            && (end..(end + 4).min(self.toks.len()))
                .take_while(|&k| !matches!(self.w(k), "." | ";" | "!" | "?"))
                .any(|k| lexicon::past_word(self.w(k)))
        {
            // "Until Thursday, they had not called him a suspect."
            return Some(Tense::Past);
        }
        if until
            || i > 2
                && self.is(i - 1, "as")
                && (self.is(i - 2, "soon") || self.is(i - 2, "early"))
                && self.is(i - 3, "as")
        {
            return Some(Tense::Future);
        }
        if let Some(j) = self.cue_before(i, window) {
            return self.cue(j);
        }
        if let Some(k) = self.find_after(end, 4, |k| self.cue(k).is_some()) {
            return self.cue(k);
        }
        // A month in a long sentence ("flights would leave … from March 30, with the third
        // departing each Thursday from August 6"): the nearest cue earlier in the sentence.
        // Not in a history, where clauses of other times follow one another.
        if sentence_fallback
            && !self.narrative
            && let Some(j) = self.cue_before(i, SENTENCE_TENSE_WINDOW)
        {
            return self.cue(j);
        }
        None
    }

    /// The nearest tense cue before token `i` within its clause, looking back at most
    /// `window` words.
    fn cue_before(&self, i: usize, window: usize) -> Option<usize> {
        self.find_before(i, window, |j| self.cue(j).is_some())
    }

    /// The nearest token before `i` within its clause for which `found` holds, looking back
    /// at most `window` words (punctuation inside the clause, "4 a.m. EDT", does not count).
    fn find_before(&self, i: usize, window: usize, found: impl Fn(usize) -> bool) -> Option<usize> {
        let mut j = i;
        let mut seen = 0;
        while j > 0 && seen < window {
            j -= 1;
            let w = self.w(j);
            // A sentence ends at a stop, but not at the full stop of an abbreviation.
            if clause_stop(w) && !(w == "." && j > 0 && self.w(j - 1).len() <= 4 && self.glued(j)) {
                return None;
            }
            if found(j) {
                return Some(j);
            }
            if w.chars().any(char::is_alphanumeric) {
                seen += 1;
            }
        }
        None
    }

    /// The first of the `n` tokens from `end` for which `found` holds, before the clause stops.
    fn find_after(&self, end: usize, n: usize, found: impl Fn(usize) -> bool) -> Option<usize> {
        (end..end.saturating_add(n).min(self.toks.len()))
            .take_while(|&k| !clause_stop(self.w(k)))
            .find(|&k| found(k))
    }

    /// Runs the tagger over the whole text.
    pub(crate) fn run(mut self) -> Vec<Timex> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            // Inside a word, a URL or a hashtag ("t.co/R3Pm2136", "#Dinner2015"), a
            // number or a time word is part of that string, not an expression.
            let inside_word = i > 0
                && self.glued(i)
                && matches!(self.kind(i - 1), Some(Kind::Word) | Some(Kind::Num));
            // "24 hours a day", "seven days a week": all the time, no stretch or rate.
            if let Some(end) = self.whole_unit_rate(i) {
                i = end;
                continue;
            }
            match self.match_at(i).filter(|_| !inside_word) {
                // A quoted title ("This Week," "60 Minutes."): its words are names.
                Some(m) if m.end > i && self.quoted_title(i, &m) => i = m.end,
                // "the quarter-to-quarter comparison", "day-to-day operations": a
                // compound adjective of two units names a basis of comparison, no time.
                Some(m) if m.end > i && self.unit_compound(m.end - 1).is_some() => {
                    i = self.unit_compound(m.end - 1).unwrap_or(m.end);
                }
                Some(m) if m.end > i => {
                    let start = self.toks[i].start;
                    let end = self.toks[m.end - 1].end;
                    // "complying with the 1978 Treaty of Friendship" after December 1979: a
                    // year in the name of an older thing refers back, the story stays where
                    // it is ("The 1916 Battle of Jutland" after 1915 moves it on).
                    let name_year = m.rule == "year"
                        && i > 0
                        && self.is(i - 1, "the")
                        && m.end == i + 1
                        && self.capitalized(m.end)
                        && m.date
                            .zip(self.ref_year())
                            .is_some_and(|(d, ry)| d.year() < ry);
                    // In a history, a later year in a clause about the future ("exposed for
                    // a planned campaign in 1976") is a plan; the story stays in its year.
                    let planned = self.narrative
                        && m.precision == Some(Precision::Year)
                        && m.date
                            .zip(self.ref_year())
                            .is_some_and(|(d, ry)| d.year() > ry)
                        && self.tense_cue(i, m.end) == Some(Tense::Future);
                    // In a history, "the largest cavalry battle since 1813" measures from a
                    // year outside the story.
                    let since = self.narrative
                        && m.precision == Some(Precision::Year)
                        && i > 0
                        && self.is(i - 1, "since");
                    if m.anchor
                        && !name_year
                        && !planned
                        && !since
                        && let Some(d) = m.date
                    {
                        self.ref_at = i;
                        self.ref_cal = Some(match m.precision {
                            Some(Precision::Day) | None => Cal::Day(d),
                            Some(Precision::Week) => Cal::Week(d),
                            Some(Precision::Month) => Cal::Month(d.year(), d.month()),
                            Some(Precision::Quarter) => Cal::Quarter(d.year(), quarter_of(d)),
                            Some(Precision::Year) => Cal::Year(d.year()),
                        });
                        // A quarter after the DCT's own ("losses through the third quarter
                        // of 1990" in October 1989), or one not yet ended in a future
                        // clause ("will decline in the fourth quarter"), is a forecast, and
                        // "this quarter", "the current quarter" are still running: results
                        // compared "a year ago" stay those of the quarter reported.
                        let forecast = self.dct.is_some_and(|dct| {
                            let (yq, now) =
                                ((d.year(), quarter_of(d)), (dct.year(), quarter_of(dct)));
                            yq > now
                                || (yq == now && self.tense_cue(i, m.end) == Some(Tense::Future))
                                || (yq == now
                                    && (i..m.end)
                                        .any(|k| self.is(k, "this") || self.is(k, "current")))
                        });
                        // "After a flat second quarter, … net rose from a year ago": an
                        // earlier calendar quarter named beside the one reported is a
                        // contrast, not the new subject; a fiscal quarter ("the fiscal
                        // second quarter") has its own calendar and always is.
                        let fiscal = (i.saturating_sub(1)..m.end).any(|k| self.is(k, "fiscal"));
                        let earlier_than_reported = !fiscal
                            && self
                                .ref_quarter
                                .is_some_and(|r| r > (d.year(), quarter_of(d)));
                        if m.precision == Some(Precision::Quarter)
                            && !forecast
                            && !earlier_than_reported
                        {
                            self.ref_quarter = Some((d.year(), quarter_of(d)));
                            self.months_span = false;
                        }
                    }
                    // "the nine months", "the first six months": results for a span of
                    // months now stand in for the quarter, so "a year earlier" is the year.
                    if m.kind == TimexType::Duration
                        && self.w(i) == "the"
                        && m.value.starts_with('P')
                        && (m.value.ends_with('M') || m.value.ends_with('Q'))
                        && !m.value.starts_with("PT")
                    {
                        self.months_span = true;
                    }
                    self.last_day_end = (m.kind == TimexType::Date
                        && m.precision == Some(Precision::Day))
                    .then_some(m.end);
                    out.push(Timex {
                        start,
                        end,
                        text: self.text[start..end].to_string(),
                        kind: m.kind,
                        value: m.value,
                        modifier: m.modifier.map(str::to_string),
                        date: m.date,
                        precision: m.precision,
                        rule: m.rule.to_string(),
                    });
                    i = m.end;
                    // "April 24 and 25": the second day of the same month.
                    if m.rule.starts_with("date.month-day")
                        && let Some(d) = m.date
                        && let Some(second) = self.conjoined_day(i, d)
                    {
                        let (s, e) = (self.toks[i + 1].start, self.toks[i + 1].end);
                        out.push(Timex {
                            start: s,
                            end: e,
                            text: self.text[s..e].to_string(),
                            kind: TimexType::Date,
                            value: day_value(second),
                            modifier: None,
                            date: Some(second),
                            precision: Some(Precision::Day),
                            rule: "date.conjoined-day".to_string(),
                        });
                        i += 2;
                    }
                }
                _ => i += 1,
            }
        }
        out
    }

    /// The end of a unit compound whose first unit is token `k` ("quarter-to-quarter",
    /// "year-over-year", "day-by-day"), if one is there.
    fn unit_compound(&self, k: usize) -> Option<usize> {
        lexicon::unit(self.w(k))?;
        let linked = self.is(k + 1, "-")
            && self.glued(k + 1)
            && matches!(self.w(k + 2), "to" | "over" | "by" | "on" | "after" | "for")
            && self.glued(k + 2)
            && self.is(k + 3, "-")
            && self.glued(k + 3)
            && self.glued(k + 4)
            && lexicon::unit(self.w(k + 4)).is_some();
        linked.then_some(k + 5)
    }

    /// The end of a rate whose amount fills its whole unit ("24 hours a day", "seven days
    /// a week", "365 days a year", "60 minutes an hour"), if one starts at `i`: it says
    /// "all the time", neither a stretch of 24 hours nor a recurring day.
    fn whole_unit_rate(&self, i: usize) -> Option<usize> {
        let (Some(n), j) = self.number(i)? else {
            return None;
        };
        let (unit, true) = lexicon::unit(self.w(j))? else {
            return None;
        };
        if !matches!(self.w(j + 1), "a" | "an" | "per" | "each" | "every") {
            return None;
        }
        let (per, false) = lexicon::unit(self.w(j + 2))? else {
            return None;
        };
        let whole = match (unit, per) {
            (Unit::Second, Unit::Minute) | (Unit::Minute, Unit::Hour) => 60.0,
            (Unit::Hour, Unit::Day) => 24.0,
            (Unit::Day, Unit::Week) => 7.0,
            (Unit::Day, Unit::Year) => 365.0,
            (Unit::Week, Unit::Year) => 52.0,
            (Unit::Month, Unit::Year) => 12.0,
            _ => return None,
        };
        ((n - whole).abs() < 1e-9).then_some(j + 3)
    }

    /// Whether the match `m` at `i` is the title of a programme or work that opens a
    /// quotation after a possessive (ABC's "This Week," CBS's "60 Minutes."): a unit word
    /// after the first word is capitalised, as no running text writes it ("Next
    /// Tuesday," is a date; holidays such as "Thanksgiving Day" are names of days; a
    /// named period, remembered as "57 Days of Hell", follows no possessive).
    fn quoted_title(&self, i: usize, m: &M) -> bool {
        let mut q = i;
        // Opening quote marks, not the possessive apostrophe glued to "News'".
        while q > 0
            && matches!(self.w(q - 1), "\"" | "“" | "'" | "`")
            && !(q >= 2 && self.glued(q - 1) && self.kind(q - 2) == Some(Kind::Word))
        {
            q -= 1;
        }
        // The quotation follows a possessive: "ABC's", "ABC News'".
        let possessive = q >= 2
            && q < i
            && ((self.is(q - 1, "s") && self.is(q - 2, "'") && self.glued(q - 1))
                || (self.is(q - 1, "'") && self.glued(q - 1) && self.w(q - 2).ends_with('s')));
        possessive
            && m.rule != "holiday"
            && (i + 1..m.end).any(|k| {
                self.kind(k) == Some(Kind::Word)
                    && self.capitalized(k)
                    && lexicon::unit(self.w(k)).is_some()
            })
    }

    /// Whether token `k` joins the two ends of a pair or range: "and", "or", "to", "through"
    /// before a separate word, or a dash glued to both ("6-7", "May-August").
    fn range_link(&self, k: usize) -> bool {
        (matches!(self.w(k), "and" | "or" | "to" | "through") && !self.glued(k + 1))
            || (self.is(k, "-") && self.glued(k) && self.glued(k + 1))
    }

    /// The day in "and 25" / "or 25" / "to 25" / "-25" at token `i` after a month-day date `d`,
    /// when the number is a later day of that month and not an amount ("and 25 percent").
    fn conjoined_day(&self, i: usize, d: NaiveDate) -> Option<NaiveDate> {
        // "April 6-7", "January 25-29": a range written with a dash, each end its own day.
        if !self.range_link(i) {
            return None;
        }
        let n = self.num(i + 1)?;
        if self.w(i + 1).len() > 2 || n <= d.day() {
            return None;
        }
        let next = self.w(i + 2);
        // "and 25 percent", "and 25 days", "and 25 May", "and 25-year", "and 25,000",
        // "and 25.5".
        if lexicon::unit(next).is_some()
            || lexicon::month(next).is_some()
            || self.kind(i + 2) == Some(Kind::Num)
            || matches!(next, "%" | "-" | "/")
            || (matches!(next, ":" | "," | ".")
                && self.glued(i + 2)
                && self.kind(i + 3) == Some(Kind::Num))
        {
            return None;
        }
        // Only a preposition, conjunction or punctuation may follow the day.
        if self.kind(i + 2) == Some(Kind::Word)
            && !matches!(next, "in" | "at" | "on" | "to" | "when" | "and" | "the")
        {
            return None;
        }
        d.with_day(n)
    }

    /// A season word without a determiner at token `i` (season code `s`), when a preposition
    /// or a paired season precedes it; see [`Self::match_at`].
    fn bare_season(&self, i: usize, s: &str) -> Option<M> {
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let after_prep = matches!(prev, "in" | "during" | "by" | "until" | "since" | "through");
        // The second of a pair: "summer and autumn 1918".
        let second =
            i > 1 && matches!(prev, "and" | "or") && lexicon::season(self.w(i - 2)).is_some();
        let written = self.year_at(i + 1).map(|y| (y, i + 2)).or_else(|| {
            // The first of a pair: "summer and autumn 1918".
            (matches!(self.w(i + 1), "and" | "or") && lexicon::season(self.w(i + 2)).is_some())
                .then(|| self.year_at(i + 3))
                .flatten()
                .map(|y| (y, i + 1))
        });
        let value = |y: i32| format!("{}-{s}", year_str(y));
        match written {
            Some((y, end)) if after_prep || second => {
                let mut m = M::new(end, TimexType::Date, value(y), "season.year");
                m.anchor = end == i + 2;
                Some(m)
            }
            None if after_prep
                && (self.kind(i + 1) != Some(Kind::Word)
                    || matches!(
                        self.w(i + 1),
                        "and" | "or" | "when" | "as" | "to" | "the" | "but"
                    )) =>
            {
                let y = self.story_year().or(self.dct.map(|d| d.year()))?;
                Some(M::new(i + 1, TimexType::Date, value(y), "dct.season"))
            }
            _ => None,
        }
    }

    /// The longest expression starting at token `i`, with its prefixes.
    fn match_at(&self, i: usize) -> Option<M> {
        let w = self.w(i);
        // "sales fell in spring", "until autumn": a bare season after a preposition is that
        // season of the story's year ("in spring training", "in fall prices" are nouns); "in
        // summer 2007", "in summer and autumn 1918": of the year written after it (or after
        // the pair).
        if let Some(s) = lexicon::season(w)
            && let Some(m) = self.bare_season(i, s)
        {
            return Some(m);
        }
        // Approximators and position modifiers that TimeBank keeps in the span.
        let approx: Option<(usize, &'static str)> = match w {
            "about" | "around" | "approximately" | "roughly" | "some" => Some((i + 1, "APPROX")),
            "nearly" | "almost" => Some((i + 1, "LESS_THAN")),
            "more" | "fewer" | "less" if self.is(i + 1, "than") => Some((
                i + 2,
                if w == "more" {
                    "MORE_THAN"
                } else {
                    "LESS_THAN"
                },
            )),
            "at" if self.is(i + 1, "least") => Some((i + 2, "EQUAL_OR_MORE")),
            "up" if self.is(i + 1, "to") => Some((i + 2, "EQUAL_OR_LESS")),
            _ => None,
        };
        if let Some((j, md)) = approx {
            if let Some(mut m) = self.core(j)
                && (matches!(m.kind, TimexType::Duration) || m.rule.starts_with("ago"))
            {
                m.modifier = Some(md);
                return Some(m);
            }
            return None;
        }
        let position: Option<(usize, &'static str)> = match w {
            "early" => Some((i + 1, "START")),
            "late" => Some((i + 1, "END")),
            "mid" => Some((self.hyphen(i + 1), "MID")),
            "the" => {
                if let Some(j) = self.seq(i + 1, "end of") {
                    Some((j, "END"))
                } else if let Some(j) = self
                    .seq(i + 1, "beginning of")
                    .or_else(|| self.seq(i + 1, "start of"))
                {
                    Some((j, "START"))
                } else if let Some(j) = self.seq(i + 1, "middle of") {
                    Some((j, "MID"))
                } else {
                    // "the late 1970s", "the mid-1990s", "the early 21st century": the
                    // article belongs to the decade or century, as in "the 1990s".
                    let era = |j: usize| {
                        self.core(j)
                            .is_some_and(|m| m.rule.starts_with("decade") || m.rule == "century")
                    };
                    match self.w(i + 1) {
                        "early" if era(i + 2) => Some((i + 2, "START")),
                        "late" if era(i + 2) => Some((i + 2, "END")),
                        "mid" if era(self.hyphen(i + 2)) => Some((self.hyphen(i + 2), "MID")),
                        _ => None,
                    }
                }
            }
            _ => None,
        };
        // "mid-afternoon yesterday", "by mid afternoon": a part of the day.
        if let Some((j, "MID")) = position
            && let Some(pod) = lexicon::part_of_day(self.w(j))
        {
            let day = self
                .keyword(j + 1)
                .filter(|d| d.precision == Some(Precision::Day) && d.kind == TimexType::Date)
                .or_else(|| self.weekday_at(j + 1, i));
            let (end, mut m) = match day {
                Some(d) => (d.end, d),
                None => (j + 1, self.dct_day(j + 1, 0, "dct.mid-pod")),
            };
            m.end = end;
            m.kind = TimexType::Time;
            m.value = format!("{}T{pod}", m.value);
            m.rule = "dct.mid-pod";
            return Some(m);
        }
        // "by the end of the month": the month the text is at — in a history the month last
        // mentioned, in news the DCT's — as "the end of the year" is the year's.
        if let Some((j, md)) = position
            && w == "the"
            && self.is(j, "the")
            && self.is(j + 1, "month")
        {
            let month = match self.ref_cal.and_then(|c| c.at_unit(Unit::Month)) {
                Some(c) if self.narrative => Some(c),
                _ => self.dct.map(|d| Cal::Month(d.year(), d.month())),
            };
            let mut m = match month {
                Some(c) => cal_match(j + 2, TimexType::Date, c, "mod.month"),
                None => M::new(j + 2, TimexType::Date, "XXXX-XX", "mod.month"),
            };
            m.modifier = Some(md);
            return Some(m);
        }
        if let Some((j, md)) = position {
            let j = if w != "mid" && self.is(j, "-") {
                j + 1
            } else {
                j
            };
            if let Some(mut m) = self.core(j)
                && m.kind == TimexType::Date
                && !m.value.contains("REF")
                && (m.precision != Some(Precision::Day) || m.rule.starts_with("dct."))
            {
                m.modifier = Some(md);
                m.rule = match md {
                    "START" => "mod.start",
                    "END" => "mod.end",
                    _ => "mod.mid",
                };
                return Some(m);
            }
            if w == "mid" {
                return None;
            }
        }
        self.core(i)
    }

    /// The longest unprefixed expression at `i`.
    fn core(&self, i: usize) -> Option<M> {
        let cands = [
            self.keyword(i),
            self.weekday_expr(i),
            self.month_expr(i),
            self.day_month(i),
            self.number_expr(i),
            self.det_expr(i),
            self.set_expr(i),
            self.clock(i),
        ];
        let mut best: Option<M> = None;
        for c in cands.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| c.end > b.end) {
                best = Some(c);
            }
        }
        let best = best?;
        Some(self.attach_time(i, best))
    }

    /// A day expression followed by a part of the day or a clock time, or a clock time
    /// followed by a day ("Tuesday evening", "9 a.m. Tuesday").
    fn attach_time(&self, i: usize, m: M) -> M {
        if m.kind == TimexType::Date
            && m.precision == Some(Precision::Day)
            && let Some(pod) = lexicon::part_of_day(self.w(m.end))
        {
            let mut t = m.clone();
            t.end = m.end + 1;
            t.kind = TimexType::Time;
            t.value = format!("{}T{pod}", m.value);
            return t;
        }
        // "21 Apr 1030am", "3 Oct 10pm": a day with its clock time right after it. (A
        // numeric date keeps its clock apart: "10-05-98 1735EDT" is a wire's filing line.)
        if m.kind == TimexType::Date
            && m.precision == Some(Precision::Day)
            && m.rule != "date.numeric"
            && let Some(c) = self.clock(m.end)
            && c.value.starts_with('T')
        {
            let mut t = m.clone();
            t.end = c.end;
            t.kind = TimexType::Time;
            t.value = format!("{}{}", m.value, c.value);
            if matches!(
                m.rule,
                "date.month-day-year" | "date.day-month-year" | "weekday+date"
            ) {
                // "February 10, 2011 09:00 pm": still a full date for datelines.
                t.rule = "clock+full-date";
            }
            return t;
        }
        if m.kind == TimexType::Time && m.value.starts_with('T') {
            // A bare clock time: take a following day, else the DCT's day.
            let mut j = m.end;
            // ISO 8601 writes a time in UTC with the suffix Z ("18:00 UTC" is `T18:00Z`);
            // the local zones of the news ("5 p.m. EST") stay unwritten, as TimeBank has them.
            let zone = if matches!(self.w(j), "gmt" | "utc") {
                "Z"
            } else {
                ""
            };
            if matches!(
                self.w(j),
                "est" | "edt" | "gmt" | "utc" | "et" | "pst" | "pdt"
            ) {
                j += 1;
            }
            // "10:35 a.m. (0735 GMT) Friday": the same time in another zone, in parentheses.
            let mut k = j;
            if self.is(k, "(")
                && let Some(close) =
                    (k + 1..(k + 6).min(self.toks.len())).find(|&c| self.is(c, ")"))
                && (k + 1..close).any(|c| self.kind(c) == Some(Kind::Num))
            {
                k = close + 1;
            }
            // "5 p.m. EST, Nov. 6"
            if self.is(k, ",") && self.month_expr(k + 1).is_some() {
                k += 1;
            }
            // "at 10 p.m. on Friday": the day after "on" dates the clock and stays an
            // expression of its own, as TimeML marks "11 a.m. on 11 November 1918".
            let on = k == j && self.is(k, "on");
            if on {
                k += 1;
            }
            let day = self
                .keyword(k)
                .or_else(|| self.weekday_at(k, i))
                .or_else(|| self.month_expr(k))
                .or_else(|| if on { self.core(k) } else { None });
            if let Some(day) = day
                && day.precision == Some(Precision::Day)
                && day.kind == TimexType::Date
            {
                let mut t = m.clone();
                // After a parenthesis the day is its own expression; it still dates the clock.
                t.end = if k > j && !self.is(j, ",") {
                    j
                } else {
                    day.end
                };
                t.value = format!("{}{}{zone}", day.value, m.value);
                t.date = day.date;
                t.precision = day.precision;
                if matches!(
                    day.rule,
                    "date.month-day-year" | "date.day-month-year" | "weekday+date"
                ) && t.end == day.end
                {
                    // "12:00 AM, December 07, 2016": still a full date for datelines.
                    t.rule = "clock+full-date";
                }
                return t;
            }
            let mut t = m;
            t.end = j;
            let last_day = match self.ref_cal {
                Some(Cal::Day(d)) => Some(d),
                _ => None,
            };
            if let Some(d) = last_day.or(self.dct) {
                t.value = format!("{}{}{zone}", day_value(d), t.value);
                t.date = Some(d);
                t.precision = Some(Precision::Day);
            } else {
                t.value = format!("XXXX-XX-XX{}{zone}", t.value);
            }
            let _ = i;
            return t;
        }
        m
    }

    fn dct_day(&self, end: usize, offset: i64, rule: &'static str) -> M {
        match self.dct {
            Some(d) => {
                let mut m = cal_match(
                    end,
                    TimexType::Date,
                    Cal::Day(d + TimeDelta::days(offset)),
                    rule,
                );
                m.anchor = true;
                m
            }
            None => M::new(end, TimexType::Date, "XXXX-XX-XX", rule),
        }
    }

    /// Single words and fixed phrases: today, yesterday, now, recently, tonight …
    fn keyword(&self, i: usize) -> Option<M> {
        let w = self.w(i);
        use TimexType::*;
        Some(match w {
            // "since '82", "the Club of '89": a year written with its last two digits, after
            // a preposition; the year of that ending nearest the story's year in a history,
            // else the DCT's, and not more than ten years ahead of it.
            "'" | "’"
                if i > 0
                    && !self.glued(i)
                    && self.glued(i + 1)
                    && self.w(i + 1).len() == 2
                    && self.kind(i + 1) == Some(Kind::Num)
                    && !(self.is(i + 2, "s") && self.glued(i + 2))
                    && (lexicon::time_preposition(self.w(i - 1)) || self.is(i - 1, "of")) =>
            {
                let n = self.num(i + 1)? as i32;
                let now = if self.narrative {
                    self.ref_year().or(self.story_year())
                } else {
                    None
                }
                .or(self.dct.map(|d| d.year()))?;
                let mut y = now - now.rem_euclid(100) + n;
                if y > now + 10 {
                    y -= 100;
                } else if now - y > 90 {
                    y += 100;
                }
                let mut m = cal_match(i + 2, Date, Cal::Year(y), "year.apostrophe");
                m.anchor = true;
                m
            }
            // Informal short forms too ("tdy", "tmr", "tonite").
            // "This is VOA Today.", "USA Today": a title after an acronym (two to four
            // capitals) is a name.
            "today"
                if i > 0
                    && self.text[self.toks[i].start..self.toks[i].end] == *"Today"
                    && self.kind(i - 1) == Some(Kind::Word)
                    && (2..=4).contains(&self.w(i - 1).len())
                    && self.text[self.toks[i - 1].start..self.toks[i - 1].end]
                        .chars()
                        .all(|c| c.is_uppercase()) =>
            {
                return None;
            }
            // "today's youth", "in today's world", "many of today's personal computers": the
            // present era in general, not the day (while "today's editions" is the day's).
            "today"
                if self.is(i + 1, "'")
                    && self.is(i + 2, "s")
                    && (i + 3..(i + 5).min(self.toks.len()))
                        .any(|k| lexicon::era_noun(self.w(k))) =>
            {
                return None;
            }
            "today" | "tdy" => self.dct_day(i + 1, 0, "dct.today"),
            "yesterday" => self.dct_day(i + 1, -1, "dct.yesterday"),
            // "the people of tomorrow", "cars of tomorrow": the future in general.
            "tomorrow"
                if i > 0
                    && self.is(i - 1, "of")
                    && lexicon::part_of_day(self.w(i + 1)).is_none()
                    && !matches!(self.w(i + 1), "'" | "’") =>
            {
                return None;
            }
            "tomorrow" | "tmr" | "tmrw" | "tmrow" => self.dct_day(i + 1, 1, "dct.tomorrow"),
            "tonight" | "tonite" => {
                let mut m = self.dct_day(i + 1, 0, "dct.tonight");
                m.kind = Time;
                m.value = format!("{}TNI", m.value);
                m
            }
            // "Now, he says, …" opening a sentence is a discourse marker, not a time.
            "now"
                if self.capitalized(i)
                    && self.is(i + 1, ",")
                    && (i == 0
                        || matches!(
                            self.w(i - 1),
                            "." | "!" | "?" | "\"" | "“" | "”" | "'" | "`"
                        )) =>
            {
                return None;
            }
            "now" | "currently" | "presently" | "nowadays" => {
                // "now that he is in a confrontation" is still the present (TimeBank marks it).
                M::new(i + 1, Date, "PRESENT_REF", "ref.present")
            }
            // "the then current market price": the present of a past moment.
            "then" if self.is(i + 1, "current") => {
                M::new(i + 2, Date, "PAST_REF", "ref.then-current")
            }
            // "current market conditions", "its current wife": the adjective refers to the
            // present; "the current quarter/year" are calendar units handled by `the_expr`,
            // and "current account" is a noun compound, not a time.
            "current"
                if lexicon::unit(self.w(i + 1)).is_none()
                    && !matches!(self.w(i + 1), "fiscal" | "period" | "account" | "accounts")
                    && self.w(i + 1).chars().all(char::is_alphabetic)
                    && !self.w(i + 1).is_empty() =>
            {
                M::new(i + 1, Date, "PRESENT_REF", "ref.present-adjective")
            }
            // "most recently last October", "as recently as 1987": the date that follows
            // is the time meant.
            "recently"
                if self.is(i + 1, "as")
                    || self
                        .match_at(i + 1)
                        .is_some_and(|m| m.kind == Date && m.date.is_some()) =>
            {
                return None;
            }
            "recently" | "lately" => M::new(i + 1, Date, "PAST_REF", "ref.past"),
            // "Islam will one day be …": some day ahead, not a duration.
            "one"
                if i > 0
                    && self.is(i + 1, "day")
                    && matches!(
                        self.w(i - 1),
                        "will" | "would" | "could" | "may" | "might" | "can" | "shall"
                    ) =>
            {
                M::new(i + 2, Date, "FUTURE_REF", "ref.future")
            }
            // "at a later date": some time ahead.
            "a" if self.seq(i + 1, "later date").is_some() => {
                M::new(i + 3, Date, "FUTURE_REF", "ref.future")
            }
            // "for weeks", "within weeks", "for years": a vague number of units; so is
            // "in years" closing a phrase ("for the first time in years.", "the lowest
            // level in decades,").
            _ if i > 0
                && (matches!(self.w(i - 1), "for" | "within")
                    || (self.is(i - 1, "in")
                        && matches!(self.w(i + 1), "." | "," | ";" | "!" | "?" | "")))
                && lexicon::unit(w).is_some_and(|(u, plural)| {
                    plural && !matches!(u, Unit::Century | Unit::Quarter)
                }) =>
            {
                bare_plural(i, w)?
            }
            // "coming weeks", "future quarters", "past years": vague references.
            "coming" | "future" | "past"
                if lexicon::unit(self.w(i + 1)).is_some_and(|(u, plural)| {
                    plural && matches!(u, Unit::Week | Unit::Month | Unit::Quarter | Unit::Year)
                }) =>
            {
                let v = if w == "past" {
                    "PAST_REF"
                } else {
                    "FUTURE_REF"
                };
                M::new(i + 2, Date, v, "ref.plural-unit")
            }
            "these" if self.is(i + 1, "days") => M::new(i + 2, Date, "PRESENT_REF", "ref.present"),
            // "their third day-long meeting", "a year-long strike": one unit.
            _ if self.is(i + 1, "-")
                && self.glued(i + 1)
                && self.is(i + 2, "long")
                && self.glued(i + 2)
                && !(i > 0 && self.glued(i) && self.is(i - 1, "-"))
                && lexicon::unit(w).is_some_and(|(u, plural)| {
                    !plural && !matches!(u, Unit::Century | Unit::Decade)
                }) =>
            {
                let (u, _) = lexicon::unit(w)?;
                M::new(
                    i + 3,
                    Duration,
                    duration_value(Some(1.0), u),
                    "duration.unit-long",
                )
            }
            // "follows months of twists and turns", "the heady days of …": a vague number of
            // units heading a phrase.
            _ if self.is(i + 1, "of")
                // "six straight days of losses" counts the days.
                && !(i > 1
                    && (self.kind(i - 2) == Some(Kind::Num)
                        || lexicon::number_word(self.w(i - 2)).is_some()))
                && !(i > 0
                    && (self.kind(i - 1) == Some(Kind::Num)
                        || lexicon::number_word(self.w(i - 1)).is_some()
                        || lexicon::determiner(self.w(i - 1))
                        || matches!(
                            self.w(i - 1),
                            "-" | "those" | "these" | "few" | "many" | "or" | "and"
                        )))
                && lexicon::unit(w).is_some_and(|(u, plural)| {
                    plural && matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
                }) =>
            {
                bare_plural(i, w)?
            }
            // "for a while": some unspecified time.
            "a" if i > 0 && self.is(i - 1, "for") && self.is(i + 1, "while") => {
                M::new(i + 2, Duration, "PXX", "duration.vague")
            }
            "recent" => {
                let j = i + 1;
                match lexicon::unit(self.w(j)) {
                    Some((Unit::Year, true)) => M::new(j + 1, Date, "PAST_REF", "ref.past"),
                    Some((u, true)) => {
                        M::new(j + 1, Duration, duration_value(None, u), "duration.recent")
                    }
                    _ => return None,
                }
            }
            "last" if self.is(i + 1, "night") => {
                let mut m = self.dct_day(i + 2, -1, "dct.last-night");
                m.kind = Time;
                m.value = format!("{}TNI", m.value);
                m
            }
            "this" | "that" => {
                let pod = lexicon::part_of_day(self.w(i + 1))?;
                if w == "that" {
                    let c = self.ref_cal?;
                    let Cal::Day(_) = c else { return None };
                    let mut m = cal_match(i + 2, Time, c, "anchor.that-pod");
                    m.value = format!("{}T{pod}", m.value);
                    return Some(m);
                }
                let mut m = self.dct_day(i + 2, 0, "dct.this-pod");
                m.kind = Time;
                m.value = format!("{}T{pod}", m.value);
                m
            }
            // "overnight losses in New York" in a report of Friday's trading: the night
            // before the day last mentioned, and no anchor itself; with no day mentioned,
            // the night of the DCT.
            "overnight" => {
                let night = match self.ref_cal {
                    Some(Cal::Day(d)) => Some(d - TimeDelta::days(1)),
                    _ => self.dct,
                };
                let Some(night) = night else {
                    return Some(M::new(i + 1, Time, "XXXX-XX-XXTNI", "dct.overnight"));
                };
                let mut m = cal_match(i + 1, Time, Cal::Day(night), "dct.overnight");
                m.value = format!("{}TNI", m.value);
                m
            }
            // "high noon" is a showdown, not a clock time.
            "noon" if i > 0 && self.is(i - 1, "high") => return None,
            "noon" | "midday" => M::new(i + 1, Time, "T12:00", "clock.noon"),
            "midnight" => M::new(i + 1, Time, "T24:00", "clock.midnight"),
            // "the Communist Party daily Granma", "the Israeli daily Haaretz": a newspaper.
            "daily" | "weekly"
                if i > 0
                    && self.capitalized(i + 1)
                    && (self.capitalized(i - 1) || self.is(i - 1, "the")) =>
            {
                return None;
            }
            "daily" | "nightly" => M::new(i + 1, Set, "P1D", "set.adverb"),
            "weekly" => M::new(i + 1, Set, "P1W", "set.adverb"),
            "monthly" => M::new(i + 1, Set, "P1M", "set.adverb"),
            "yearly" => M::new(i + 1, Set, "P1Y", "set.adverb"),
            "hourly" => M::new(i + 1, Set, "PT1H", "set.adverb"),
            // "Election Day": the Tuesday after the first Monday of November (US).
            "election"
                if self.capitalized(i) && self.is(i + 1, "day") && self.capitalized(i + 1) =>
            {
                let dct = self.dct?;
                let election = |y: i32| {
                    let first = ymd(y, 11, 2)?;
                    let off = (2 + 7 - first.weekday().number_from_monday() as i64) % 7;
                    Some(first + TimeDelta::days(off))
                };
                let mut day = election(dct.year())?;
                // "voters went to the polls on Election Day" in a January story
                if day > dct && self.tense_cue(i, i + 2) == Some(Tense::Past) {
                    day = election(dct.year() - 1)?;
                }
                let mut m = cal_match(i + 2, Date, Cal::Day(day), "holiday");
                m.anchor = true;
                m
            }
            // "Easter", "Easter Sunday/Monday", "Easter week" (the week that ends on Easter
            // Sunday, as Holy Week is named in the news); "Easter Island", "the Easter
            // Offensive" are names.
            "easter" if self.capitalized(i) => {
                let next = self.w(i + 1);
                let part = match next {
                    "sunday" | "day" => Some(0),
                    "monday" => Some(1),
                    "week" => Some(7),
                    _ => None,
                };
                if part.is_none() && self.capitalized(i + 1) && self.kind(i + 1) == Some(Kind::Word)
                {
                    return None;
                }
                let end = if part.is_some() { i + 2 } else { i + 1 };
                let Some(dct) = self.dct else {
                    return Some(M::new(end, Date, "XXXX-XX-XX", "holiday"));
                };
                let this_year = easter(dct.year())?;
                let y = match self.story_year() {
                    Some(y) => y,
                    None => {
                        self.year_for(this_year.month(), Some(this_year.day()), self.tense(i, end))?
                    }
                };
                let day = easter(y)?;
                let mut m = match part {
                    Some(7) => cal_match(end, Date, Cal::Week(day), "holiday"),
                    Some(off) => {
                        cal_match(end, Date, Cal::Day(day + TimeDelta::days(off)), "holiday")
                    }
                    None => cal_match(end, Date, Cal::Day(day), "holiday"),
                };
                m.anchor = true;
                m
            }
            "thanksgiving" | "christmas" | "xmas" | "halloween" => {
                let mut end = i + 1;
                if self.is(end, "day") || self.is(end, "eve") {
                    end += 1;
                }
                let eve = self.is(i + 1, "eve");
                // "Thanksgiving 1991", "Christmas Day, 2004" name their year (one expression);
                // "Christmas Eve in 1999", "Thanksgiving of 1991" take the year that follows.
                let k = if self.is(end, ",") { end + 1 } else { end };
                let written = if let Some(y) = self.year_at(k) {
                    end = k + 1;
                    Some(y)
                } else if matches!(self.w(end), "in" | "of") {
                    self.year_at(end + 1)
                } else {
                    None
                };
                let day_in = |y: i32| match w {
                    "christmas" | "xmas" => ymd(y, 12, if eve { 24 } else { 25 }),
                    "halloween" => ymd(y, 10, 31),
                    _ => {
                        // fourth Thursday of November
                        let first = ymd(y, 11, 1)?;
                        let off = (4 + 7 - first.weekday().number_from_monday() as i64) % 7;
                        Some(first + TimeDelta::days(off + 21))
                    }
                };
                let day = match written.or_else(|| self.story_year()) {
                    Some(y) => day_in(y)?,
                    None => {
                        let Some(dct) = self.dct else {
                            return Some(M::new(end, Date, "XXXX-XX-XX", "holiday"));
                        };
                        let this = day_in(dct.year())?;
                        match self.tense_cue(i, end) {
                            // Told in the past, the last one; in the future, the next one.
                            Some(tense) => {
                                day_in(self.year_for(this.month(), Some(this.day()), tense)?)?
                            }
                            // No tense cue: the nearest one ("driving home for xmas" in
                            // September, "found on Thanksgiving Day" in April), the past one
                            // when both are as near.
                            None => [dct.year() - 1, dct.year(), dct.year() + 1]
                                .into_iter()
                                .filter_map(day_in)
                                .min_by_key(|d| ((*d - dct).num_days().abs(), *d > dct))?,
                        }
                    }
                };
                let mut m = cal_match(end, Date, Cal::Day(day), "holiday");
                m.anchor = true;
                m
            }
            "nineteen" | "twenty"
                if lexicon::number_word(self.w(i + 1)).is_some_and(|n| n >= 10) =>
            {
                // "nineteen ninety-six"
                let (y, end) = self.year_words(i)?;
                let mut m = cal_match(end, Date, Cal::Year(y), "year.words");
                m.anchor = true;
                m
            }
            "year" | "fiscal" => {
                // "year-end", "year-earlier", "year-ago", "fiscal 1989"
                if w == "fiscal" {
                    let y = self.year_at(i + 1)?;
                    let mut m = cal_match(i + 2, Date, Cal::Year(y), "year.fiscal");
                    m.anchor = true;
                    return Some(m);
                }
                // "by year end", "by year's end": the end of the year, which TimeML writes
                // as the year with mod END ("year-end" as one word stays its last day).
                let k = if self.is(i + 1, "'") && self.is(i + 2, "s") {
                    i + 3
                } else {
                    i + 1
                };
                if self.is(k, "end") && !self.glued(k) {
                    let d = self.dct?;
                    let y = if d.month() <= 2 {
                        d.year() - 1
                    } else {
                        d.year()
                    };
                    let mut m = cal_match(k + 1, Date, Cal::Year(y), "dct.year-end");
                    m.modifier = Some("END");
                    return Some(m);
                }
                let j = self.hyphen(i + 1);
                if j == i + 1 {
                    return None;
                }
                match self.w(j) {
                    "earlier" | "ago" => self.year_earlier(i, j + 1)?,
                    "end" => {
                        let d = self.dct?;
                        // "the change since year-end": a year-end that has passed.
                        let since = i > 0 && self.is(i - 1, "since");
                        let y = if d.month() <= 2 || (since && !(d.month() == 12 && d.day() == 31))
                        {
                            d.year() - 1
                        } else {
                            d.year()
                        };
                        cal_match(j + 1, Date, Cal::Day(ymd(y, 12, 31)?), "dct.year-end")
                    }
                    _ => return None,
                }
            }
            _ => return None,
        })
    }

    /// "a year earlier" / "year-ago": the year before the last mentioned quarter or date,
    /// else before the DCT.
    fn year_earlier(&self, i: usize, end: usize) -> Option<M> {
        // "For the quarter ended Sept. 30, net rose … from $100 million a year earlier":
        // the period is named by its last day, so the comparison is that day a year back.
        if matches!(self.w(i), "a" | "an")
            && let Some(day) = self.period_end_in_sentence(i)
            && let Some(back) = ymd(day.year() - 1, day.month(), day.day())
                .or_else(|| ymd(day.year() - 1, day.month(), day.day() - 1))
        {
            return Some(cal_match(
                end,
                TimexType::Date,
                Cal::Day(back),
                "anchor.period-ended",
            ));
        }
        if let Some((y, q)) = self.ref_quarter.filter(|_| !self.months_span) {
            let mut m = cal_match(
                end,
                TimexType::Date,
                Cal::Quarter(y - 1, q),
                "anchor.year-earlier-quarter",
            );
            m.anchor = false;
            return Some(m);
        }
        let d = self.dct?;
        Some(cal_match(
            end,
            TimexType::Date,
            Cal::Year(d.year() - 1),
            "dct.year-earlier",
        ))
    }

    /// The day a reporting period ended, named earlier in the sentence of token `i`
    /// ("for the six months ended Aug. 12", "in the quarter ending Sept. 30").
    fn period_end_in_sentence(&self, i: usize) -> Option<NaiveDate> {
        let mut j = i;
        while j > 0 && i - j < 60 {
            j -= 1;
            let w = self.w(j);
            // "Sept. 30": the period of an abbreviation; "$18.1 million": a decimal point;
            // "ended Aug. 26. A year earlier": a full stop after a number ends the sentence.
            let abbrev_dot = w == "."
                && j > 0
                && self.glued(j)
                && self.kind(j - 1) == Some(Kind::Word)
                && self.w(j - 1).len() <= 4;
            let decimal_point = w == "." && self.glued(j + 1);
            if matches!(w, "!" | "?" | ";") || (w == "." && !abbrev_dot && !decimal_point) {
                return None;
            }
            if matches!(w, "ended" | "ending")
                && let Some(m) = self.month_expr(j + 1)
                && m.precision == Some(Precision::Day)
                && m.end <= i
            {
                return m.date;
            }
        }
        None
    }

    /// A year in words at `i` and its end: "nineteen ninety-six", "two thousand",
    /// "two thousand and one".
    fn year_words(&self, i: usize) -> Option<(i32, usize)> {
        match self.w(i) {
            "nineteen" | "twenty" => {
                let hi = lexicon::number_word(self.w(i))? as i32;
                let (lo, end) = self.number(i + 1)?;
                let lo = lo? as i32;
                (10..100).contains(&lo).then_some((hi * 100 + lo, end))
            }
            "two" if self.is(i + 1, "thousand") => {
                let j = if self.is(i + 2, "and") { i + 3 } else { i + 2 };
                match self.number(j) {
                    Some((Some(n), end))
                        if (1.0..100.0).contains(&n)
                            && n.fract() == 0.0
                            && lexicon::number_word(self.w(j)).is_some() =>
                    {
                        Some((2000 + n as i32, end))
                    }
                    _ => Some((2000, i + 2)),
                }
            }
            _ => None,
        }
    }

    /// A year in digits or words at `i` and its end.
    fn year_any(&self, i: usize) -> Option<(i32, usize)> {
        self.year_bc(i)
            .or_else(|| self.year_at(i).map(|y| (y, i + 1)))
            .or_else(|| self.year_words(i))
    }

    /// The last year of a range of years starting with the year at `first` ("1915-17" is
    /// 1917, "1861-1863" 1863): a later year within a century; "1998-10" is none.
    fn range_end_year(&self, first: usize) -> Option<i32> {
        let y = self.year_at(first)?;
        if !(matches!(self.w(first + 1), "-" | "–")
            && self.glued(first + 1)
            && self.glued(first + 2))
        {
            return None;
        }
        let t = self.toks.get(first + 2)?;
        if t.kind != Kind::Num {
            return None;
        }
        let n: i32 = self.w(first + 2).parse().ok()?;
        let end = match t.end - t.start {
            2 => y / 100 * 100 + n,
            4 => n,
            _ => return None,
        };
        (end > y && end - y <= 100).then_some(end)
    }

    /// A year before Christ at `i` ("480 BC", "146 B.C.", "44 BCE") as a negative number,
    /// and its end.
    fn year_bc(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Num || t.end - t.start > 4 {
            return None;
        }
        let y: i32 = self.w(i).parse().ok()?;
        if y == 0 {
            return None;
        }
        let j = i + 1;
        let end = match self.w(j) {
            "bc" | "bce" => j + 1,
            "b" if self.is(j + 1, ".") && self.glued(j + 1) && self.is(j + 2, "c") => {
                if self.is(j + 3, ".") && self.glued(j + 3) {
                    j + 4
                } else {
                    j + 3
                }
            }
            _ => return None,
        };
        Some((-y, end))
    }

    fn year_at(&self, i: usize) -> Option<i32> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Num || t.end - t.start != 4 {
            return None;
        }
        // "1030am" is a clock time.
        if matches!(self.w(i + 1), "am" | "pm") && self.glued(i + 1) {
            return None;
        }
        let y: i32 = self.w(i).parse().ok()?;
        (1000..=2199).contains(&y).then_some(y)
    }

    /// "80s" at token `i` as a decade: after "the", "early", "mid" or "late" ("the 80s",
    /// "the mid-80s"), or after "and"/"to"/"or" following such a decade ("the 70s and 80s").
    /// The same words give temperatures, marks and ages ("temperatures in the 50s", "grades
    /// in the 90s"), so not in a sentence that speaks of a measure; an age takes a possessive
    /// ("in his early 40s"), which introduces no decade here. Of the centuries, the latest
    /// decade begun by the DCT or beginning within a decade of it, as for "the '80s".
    fn short_decade(&self, i: usize) -> Option<M> {
        let n = self.num(i)?;
        if self.w(i).len() != 2 || n % 10 != 0 || !(self.is(i + 1, "s") && self.glued(i + 1)) {
            return None;
        }
        let prev = |k: usize| if k > 0 { self.w(k - 1) } else { "" };
        let mut k = i;
        if prev(k) == "-" && self.glued(k) {
            k -= 1;
        }
        let decade_before = |k: usize| {
            k >= 3 && self.short_decade_word(k - 3) && matches!(prev(k), "and" | "to" | "or")
        };
        let introduced = match prev(k) {
            "the" => true,
            "early" | "mid" | "late" => {
                matches!(prev(k - 1), "the" | "and" | "to" | "or") || decade_before(k - 1)
            }
            _ => decade_before(k),
        };
        if !introduced || self.measure_in_sentence(i) {
            return None;
        }
        let now = self.dct.map_or(1999, |d| d.year());
        let mut y = now - now.rem_euclid(100) + n as i32;
        if y > now + 10 {
            y -= 100;
        }
        Some(M::new(
            i + 2,
            TimexType::Date,
            format!("{}", y / 10),
            "decade.short",
        ))
    }

    /// Whether tokens `k..k + 2` spell a decade such as "70s".
    fn short_decade_word(&self, k: usize) -> bool {
        self.w(k).len() == 2
            && self.num(k).is_some_and(|n| n % 10 == 0)
            && self.is(k + 1, "s")
            && self.glued(k + 1)
    }

    /// Whether the sentence around token `i` speaks of temperatures, marks, speeds or ages,
    /// whose values read like decades ("temperatures in the 50s and 60s").
    fn measure_in_sentence(&self, i: usize) -> bool {
        let measure = |w: &str| {
            matches!(
                w,
                "temperature"
                    | "temperatures"
                    | "degrees"
                    | "fahrenheit"
                    | "celsius"
                    | "highs"
                    | "lows"
                    | "weather"
                    | "forecast"
                    | "grades"
                    | "grade"
                    | "scores"
                    | "score"
                    | "marks"
                    | "mph"
                    | "percent"
                    | "aged"
                    | "age"
                    | "ages"
            )
        };
        let mut k = i;
        while k > 0 && !clause_stop(self.w(k - 1)) {
            k -= 1;
            if measure(self.w(k)) {
                return true;
            }
        }
        self.find_after(i, usize::MAX, |k| measure(self.w(k)))
            .is_some()
    }

    /// A weekday with its optional determiner: "Tuesday", "last Friday", "next Monday".
    fn weekday_expr(&self, i: usize) -> Option<M> {
        self.weekday_at(i, i)
    }

    /// [`Self::weekday_expr`] at `i`, reading the clause tense from `clause` (the start of a
    /// clock time before the weekday: "until 9 a.m. Tuesday").
    fn weekday_at(&self, i: usize, clause: usize) -> Option<M> {
        let (det, j) = match self.w(i) {
            d @ ("last" | "next" | "this" | "past" | "coming") => (Some(d), i + 1),
            _ => (None, i),
        };
        // "on Mondays", "Tuesday nights": every such day.
        if det.is_none() {
            // "on Monday and Tuesday nights": the first day shares the plural.
            if let Some(wd) = lexicon::weekday(self.w(j))
                && matches!(self.w(j + 1), "and" | "or")
                && lexicon::weekday(self.w(j + 2)).is_some()
                && let Some(pod) = self
                    .w(j + 3)
                    .strip_suffix('s')
                    .and_then(lexicon::part_of_day)
            {
                let v = format!("XXXX-WXX-{wd}T{pod}");
                return Some(M::new(j + 1, TimexType::Set, v, "set.weekday-plural"));
            }
            let w = self.w(j);
            // Plurals of the full names only: "thus" is not "Thursdays".
            if let Some(wd) = w
                .strip_suffix('s')
                .filter(|d| d.ends_with("day"))
                .and_then(lexicon::weekday)
            {
                let v = format!("XXXX-WXX-{wd}");
                return Some(M::new(j + 1, TimexType::Set, v, "set.weekday-plural"));
            }
            if let Some(wd) = lexicon::weekday(w)
                && let Some(pod) = self
                    .w(j + 1)
                    .strip_suffix('s')
                    .and_then(lexicon::part_of_day)
            {
                let v = format!("XXXX-WXX-{wd}T{pod}");
                return Some(M::new(j + 2, TimexType::Set, v, "set.weekday-plural"));
            }
        }
        // "Sat Apr 25, 2009", "Mon, Mar. 2": the short forms that are other words too ("sat",
        // "sun", "wed") are weekdays only when capitalised and followed by a date on that
        // weekday (when its year is known: "the Sun Apr 25, 2009 edition" is a newspaper's).
        let word_form = lexicon::weekday_word_form(self.w(j)).filter(|_| self.capitalized(j));
        let wd = lexicon::weekday(self.w(j)).or(word_form)?;
        let end = j + 1;
        // "Tuesday, Dec. 6", "Friday Oct. 13": the explicit date decides.
        let date_at = if self.is(end, ",") { end + 1 } else { end };
        let dated = self.month_expr(date_at).filter(|m| {
            m.precision == Some(Precision::Day)
                && (word_form.is_none()
                    || m.date
                        .is_none_or(|d| d.weekday().number_from_monday() == wd))
        });
        if let Some(mut m) = dated {
            m.rule = "weekday+date";
            return Some(m);
        }
        if word_form.is_some() {
            return None;
        }
        let Some(dct) = self.dct else {
            return Some(M::new(
                end,
                TimexType::Date,
                format!("XXXX-WXX-{wd}"),
                "weekday.unanchored",
            ));
        };
        let back = (dct.weekday().number_from_monday() as i64 - wd as i64).rem_euclid(7);
        let fwd = (wd as i64 - dct.weekday().number_from_monday() as i64).rem_euclid(7);
        let (d, rule) = match det {
            Some("last") | Some("past") => {
                let b = if back == 0 { 7 } else { back };
                (dct - TimeDelta::days(b), "weekday.last")
            }
            Some("next") | Some("coming") => {
                let f = if fwd == 0 { 7 } else { fwd };
                (dct + TimeDelta::days(f), "weekday.next")
            }
            // "around Wednesday's ruling": a possessive names something that has happened
            // (or happens today), whatever the tense of the clause around it.
            _ if self.is(end, "'") && self.is(end + 1, "s") && self.glued(end) => {
                (dct - TimeDelta::days(back), "weekday.possessive")
            }
            _ => match self.weekday_tense(clause.min(i), end) {
                Tense::Future => (dct + TimeDelta::days(fwd), "weekday.future-tense"),
                Tense::Past => (dct - TimeDelta::days(back), "weekday.past-tense"),
            },
        };
        if self.is(end, "night") || lexicon::part_of_day(self.w(end)).is_some() {
            // handled by attach_time
        } else if self.is(end, "'") && self.is(end + 1, "s") {
            // possessive: "Tuesday's offensive"
        }
        let mut m = cal_match(end, TimexType::Date, Cal::Day(d), rule);
        m.anchor = true;
        Some(m)
    }

    /// In a history ([`Self::narrative`]), the year last mentioned when it is two or more
    /// years from the DCT: the year of "the summer", "the year", "Christmas" there.
    fn story_year(&self) -> Option<i32> {
        let dct = self.dct?;
        self.ref_year()
            .filter(|&y| self.narrative && (y - dct.year()).abs() >= 2)
    }

    /// How many sentence ends lie between the date last mentioned and token `i`.
    fn sentences_since_ref(&self, i: usize) -> usize {
        (self.ref_at..i.min(self.toks.len()))
            .filter(|&k| matches!(self.w(k), "." | "!" | "?"))
            .filter(|&k| !(k > 0 && self.w(k - 1).len() <= 3 && self.glued(k)))
            .count()
    }

    /// The year of the date last mentioned, if any.
    fn ref_year(&self) -> Option<i32> {
        match self.ref_cal? {
            Cal::Day(d) | Cal::Week(d) => Some(d.year()),
            Cal::Month(y, _) | Cal::Quarter(y, _) | Cal::Year(y) => Some(y),
        }
    }

    /// In a history, the year of a month in the future of the story: "would" is the future
    /// seen from the past ("further advances would follow … on 12 September" after August
    /// 1918), so the month is the first such one on or after the month last mentioned.
    /// "will", "is expected" speak from the DCT and keep its reading.
    fn story_future_year(&self, i: usize, month: u32) -> Option<i32> {
        let ry = self.story_year()?;
        let cue = self.cue_before(i, MONTH_TENSE_WINDOW)?;
        if self.w(cue) != "would" {
            return None;
        }
        let last = self
            .ref_cal
            .and_then(|c| c.at_unit(Unit::Month))
            .and_then(|c| c.first_day())
            .map(|(d, _)| d.month());
        Some(match last {
            Some(lm) if month < lm => ry + 1,
            _ => ry,
        })
    }

    /// Year of a month (and day) written without one, at tokens `i..j`: a history's future
    /// ("would … in March"), else by the tense of its clause relative to the DCT.
    fn yearless_year(&self, i: usize, j: usize, month: u32, day: Option<u32>) -> Option<i32> {
        self.story_future_year(i, month).or_else(|| {
            let tense = self.month_tense_cue(i, j).unwrap_or(Tense::Past);
            self.year_for(month, day, tense)
        })
    }

    /// Year for a month (and day) without a year, by tense relative to the DCT.
    fn year_for(&self, month: u32, day: Option<u32>, tense: Tense) -> Option<i32> {
        let dct = self.dct?;
        // A text told in years far from the DCT (a history, "In 1942, … in August"): the
        // year last mentioned.
        let ref_year = self.ref_year();
        if self.narrative
            && tense == Tense::Past
            && let Some(ry) = ref_year
            && (ry - dct.year()).abs() >= 2
        {
            return Some(ry);
        }
        let y = dct.year();
        let cand = ymd(y, month, day.unwrap_or(1))?;
        let cand_end = match day {
            Some(_) => cand,
            None => {
                let (ny, nm) = add_months(y, month, 1);
                ymd(ny, nm, 1)? - TimeDelta::days(1)
            }
        };
        Some(match tense {
            Tense::Past if (cand - dct).num_days() > 60 => y - 1,
            Tense::Future if (dct - cand_end).num_days() > 60 => y + 1,
            _ => y,
        })
    }

    /// The year of a bare month that bounds a span running through the present ("pay
    /// the loan by February", "credit through January", "until mid-November"): the
    /// nearest such month to the DCT, before or after it (the later one when both are as
    /// near).
    fn boundary_month_year(&self, i: usize, month: u32) -> Option<i32> {
        let mut k = i;
        while k > 0 && matches!(self.w(k - 1), "early" | "late" | "mid" | "-") {
            k -= 1;
        }
        // In a history ("could only continue the war until December"), the month bounds a
        // span of the story, not one running through the present.
        if self.narrative || k == 0 || !matches!(self.w(k - 1), "by" | "through" | "until" | "till")
        {
            return None;
        }
        let dct = self.dct?;
        let index = |y: i32, m: u32| y * 12 + m as i32;
        let now = index(dct.year(), dct.month());
        // Equally far: the later one, as a deadline lies ahead.
        (dct.year() - 1..=dct.year() + 1)
            .rev()
            .min_by_key(|&y| (index(y, month) - now).abs())
    }

    /// Month-led dates: "August 6", "Aug. 6, 2016", "June 1989", "December", "Nov. 15".
    fn month_expr(&self, i: usize) -> Option<M> {
        let w = self.w(i);
        let month = lexicon::month(w)?;
        if !self.capitalized(i) {
            return None;
        }
        let abbrev = lexicon::month_is_abbrev(w);
        let mut j = if abbrev { self.after_period(i) } else { i + 1 };
        if abbrev
            && j == i + 1
            && w.len() == 3
            && matches!(
                w,
                "mar"
                    | "jan"
                    | "dec"
                    | "oct"
                    | "nov"
                    | "aug"
                    | "sep"
                    | "feb"
                    | "apr"
                    | "jun"
                    | "jul"
            )
        {
            // Three-letter abbreviations without a period must be followed by a number, or
            // follow a preposition of time and end the phrase ("Workshops in Sep @ Pure Yoga",
            // "rose in Oct and Nov"; not "in Jan's house").
            let after_prep = i > 0
                && (lexicon::time_preposition(self.w(i - 1))
                    || matches!(self.w(i - 1), "early" | "late" | "mid" | "and"));
            let phrase_end = (self.kind(j) != Some(Kind::Word)
                && !(matches!(self.w(j), "'" | "’") && self.glued(j)))
                || matches!(self.w(j), "and" | "or" | "to" | "at" | "for" | "with");
            if self.num(j).is_none() && !(after_prep && phrase_end) {
                return None;
            }
        }
        let mut day = None;
        if let Some(n) = self.num(j)
            && (1..=31).contains(&n)
            && self.w(j).len() <= 2
        {
            day = Some(n);
            j += 1;
            if matches!(self.w(j), "st" | "nd" | "rd" | "th") && self.glued(j) {
                j += 1;
            }
        }
        let mut year = None;
        let k = if self.is(j, ",") { j + 1 } else { j };
        if let Some((y, e)) = self.year_any(k) {
            year = Some(y);
            j = e;
        } else if day.is_none()
            && self.is(j, "of")
            && let Some((y, e)) = self.year_any(j + 1)
        {
            year = Some(y);
            j = e;
        } else if let Some(dct) = self.dct
            && self.is(j + 1, "year")
            && let Some(off) = match self.w(j) {
                "this" => Some(0),
                "last" => Some(-1),
                "next" => Some(1),
                _ => None,
            }
        {
            // "June last year", "January this year"
            year = Some(dct.year() + off);
            j += 2;
        } else if self.is(j, "of")
            && let Some((off, e)) = [
                ("that year", 0),
                ("the same year", 0),
                ("the following year", 1),
                ("the next year", 1),
                ("the previous year", -1),
            ]
            .iter()
            .find_map(|(p, o)| self.seq(j + 1, p).map(|e| (*o, e)))
            && let Some(ry) = self.ref_year()
        {
            // "August of that year", "July 25 of the same year": the year last mentioned.
            year = Some(ry + off);
            j = e;
        }
        // "between March and April 1918", "May-August 1950": the first month of a pair or
        // range takes the year written after the second.
        let paired_year = if day.is_none() && year.is_none() {
            self.range_link(j)
                .then(|| lexicon::month(self.w(j + 1)).and_then(|_| self.year_at(j + 2)))
                .flatten()
        } else {
            None
        };
        // "may" and "march" are months only after a word that introduces a date
        // ("in May", "since March"); "march" also after "from"/"to"; and before the second
        // month of a dated range ("May-August 1950").
        if matches!(w, "may" | "march")
            && day.is_none()
            && year.is_none()
            && !(paired_year.is_some() && self.capitalized(i))
        {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let introduces_date = matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    | "-"
                    | "last"
                    | "next"
                    | "this"
                    | "of"
                    | "during"
            ) || (w == "march" && matches!(prev, "from" | "to"))
                || (prev == "between" && self.capitalized(i))
                // "the March accession", "the May elections": a month before a common noun
                // ("along the March." or "the March to the Sea" is a name).
                || (prev == "the"
                    && self.kind(j) == Some(Kind::Word)
                    && !self.capitalized(j)
                    && !matches!(self.w(j), "to" | "on" | "of"));
            // A sentence-initial "March" stays a month, as before.
            if !(introduces_date || (w == "march" && i == 0)) {
                return None;
            }
        }
        if paired_year.is_some() {
            year = paired_year;
        }
        let (cal, rule) = match (day, year) {
            (Some(d), Some(y)) => (Cal::Day(ymd(y, month, d)?), "date.month-day-year"),
            (None, Some(y)) => (Cal::Month(y, month), "date.month-year"),
            (Some(d), None) => match self.yearless_year(i, j, month, Some(d)) {
                Some(y) => (Cal::Day(ymd(y, month, d)?), "date.month-day"),
                None => {
                    return Some(M::new(
                        j,
                        TimexType::Date,
                        format!("XXXX-{month:02}-{d:02}"),
                        "date.month-day-unanchored",
                    ));
                }
            },
            (None, None) => match self
                .boundary_month_year(i, month)
                .or_else(|| self.yearless_year(i, j, month, None))
            {
                Some(y) => (Cal::Month(y, month), "date.month"),
                None => {
                    return Some(M::new(
                        j,
                        TimexType::Date,
                        format!("XXXX-{month:02}"),
                        "date.month-unanchored",
                    ));
                }
            },
        };
        let mut m = cal_match(j, TimexType::Date, cal, rule);
        m.anchor = true;
        Some(m)
    }

    /// Day-led dates: "6 August 2016", "6th of August".
    fn day_month(&self, i: usize) -> Option<M> {
        let d = self.num(i)?;
        if !(1..=31).contains(&d) || self.w(i).len() > 2 {
            return None;
        }
        // "6-7 January 1916", "(26-30 November)", "15 to 22 February", "between 14 and 16
        // November", "19 - 20 October": the first day of a range or pair of days takes the
        // month and year of the second; each day is its own expression.
        let joined = (matches!(self.w(i + 1), "-" | "–") && self.glued(i + 1) && self.glued(i + 2))
            || (matches!(self.w(i + 1), "-" | "–" | "and" | "to" | "through")
                && !self.glued(i + 1)
                && !self.glued(i + 2));
        if joined
            && self.w(i + 2).len() <= 2
            && self.num(i + 2).is_some_and(|d2| d2 > d)
            && let Some(second) = self.day_month(i + 2)
            && second.precision == Some(Precision::Day)
            && let Some(last) = second.date
        {
            let first = NaiveDate::from_ymd_opt(last.year(), last.month(), d)?;
            let mut m = cal_match(i + 1, TimexType::Date, Cal::Day(first), "date.day-range");
            m.anchor = true;
            return Some(m);
        }
        let mut j = i + 1;
        if matches!(self.w(j), "st" | "nd" | "rd" | "th") && self.glued(j) {
            j += 1;
        }
        if self.is(j, "of") {
            j += 1;
        }
        let month = lexicon::month(self.w(j))?;
        if !self.capitalized(j) {
            return None;
        }
        j = if lexicon::month_is_abbrev(self.w(j)) {
            self.after_period(j)
        } else {
            j + 1
        };
        let k = if self.is(j, ",") { j + 1 } else { j };
        let (cal, rule, end) = if let Some((y, e)) = self.year_bc(k) {
            (Cal::Day(ymd(y, month, d)?), "date.day-month-year", e)
        } else if let Some(y) = self.year_at(k) {
            (Cal::Day(ymd(y, month, d)?), "date.day-month-year", k + 1)
        } else {
            let y = self.yearless_year(i, j, month, Some(d))?;
            (Cal::Day(ymd(y, month, d)?), "date.day-month", j)
        };
        let mut m = cal_match(end, TimexType::Date, cal, rule);
        m.anchor = true;
        Some(m)
    }

    /// A number (digits or words) at `i`: value (None when vague) and end.
    fn number(&self, i: usize) -> Option<(Option<f64>, usize)> {
        let w = self.w(i);
        if let Some(n) = self.num(i) {
            // "1,500" and "2.5"
            if (self.is(i + 1, ".") || self.is(i + 1, ","))
                && self.glued(i + 1)
                && self.glued(i + 2)
                && let Some(f) = self.num(i + 2)
            {
                if self.is(i + 1, ".") {
                    let s = format!("{}.{}", n, self.w(i + 2));
                    return Some((s.parse().ok(), i + 3));
                }
                if self.w(i + 2).len() == 3 {
                    return Some((Some((n * 1000 + f) as f64), i + 3));
                }
            }
            // "2 1/2"
            if self.num(i + 1) == Some(1)
                && !self.glued(i + 1)
                && self.is(i + 2, "/")
                && self.glued(i + 2)
                && self.glued(i + 3)
                && self.num(i + 3) == Some(2)
            {
                return Some((Some(n as f64 + 0.5), i + 4));
            }
            return Some((Some(n as f64), i + 1));
        }
        match w {
            "a" | "an" | "one" if self.is(i + 1, "few") => return Some((None, i + 2)),
            "a" if self.seq(i + 1, "couple of").is_some() => return Some((Some(2.0), i + 3)),
            "couple" if self.is(i + 1, "of") => return Some((Some(2.0), i + 2)),
            "a" | "an" => {
                if self.is(i + 1, "dozen") {
                    return Some((Some(12.0), i + 2));
                }
                if self.is(i + 1, "half") {
                    return Some((Some(0.5), i + 2));
                }
                return Some((Some(1.0), i + 1));
            }
            "several" | "few" | "many" | "some" => return Some((None, i + 1)),
            "half" if self.is(i + 1, "a") || self.is(i + 1, "an") => {
                return Some((Some(0.5), i + 2));
            }
            _ => {}
        }
        let n = lexicon::number_word(w)?;
        let mut end = i + 1;
        let mut v = n;
        if n >= 20 && n % 10 == 0 && n < 100 {
            let k = self.hyphen(end);
            if let Some(u) = lexicon::number_word(self.w(k))
                && u < 10
            {
                v += u;
                end = k + 1;
            }
        }
        if self.is(end, "hundred") {
            v *= 100;
            end += 1;
        }
        Some((Some(v as f64), end))
    }

    /// Number-led expressions: years, decades, durations ("four days", "two-year"),
    /// "two weeks ago", "a day earlier", numeric dates.
    fn number_expr(&self, i: usize) -> Option<M> {
        use TimexType::*;
        // Numeric dates: 2016-12-06, 12/06/2016.
        if let Some(m) = self.numeric_date(i) {
            return Some(m);
        }
        // "the 20th century" is the century of the years 19xx.
        if let Some(n) = self.num(i)
            && (1..=30).contains(&n)
            && matches!(self.w(i + 1), "st" | "nd" | "rd" | "th")
            && self.glued(i + 1)
            && self.is(i + 2, "century")
        {
            return Some(M::new(i + 3, Date, format!("{:02}", n - 1), "century"));
        }
        // "17" in "1915-17": the end of a range of years, in the century of its start.
        if i >= 2
            && matches!(self.w(i - 1), "-" | "–")
            && self.glued(i - 1)
            && self.glued(i)
            && self.w(i).len() == 2
            && let Some(y) = self.range_end_year(i - 2)
        {
            let mut m = cal_match(i + 1, Date, Cal::Year(y), "year.range");
            m.anchor = true;
            return Some(m);
        }
        // "499-493 BC", "264 to 241 BC": the first year of a range before Christ, which
        // counts down.
        if self.kind(i) == Some(Kind::Num)
            && self.w(i).len() <= 4
            && let Ok(first) = self.w(i).parse::<i32>()
        {
            let dash = matches!(self.w(i + 1), "-" | "–") && self.glued(i + 1) && self.glued(i + 2);
            let word = matches!(self.w(i + 1), "to" | "and");
            if (dash || word)
                && let Some((last, _)) = self.year_bc(i + 2)
                && first > -last
            {
                let mut m = cal_match(i + 1, Date, Cal::Year(-first), "year.bc");
                m.anchor = true;
                return Some(m);
            }
        }
        // "480 BC": a year before Christ.
        if let Some((y, end)) = self.year_bc(i) {
            let mut m = cal_match(end, Date, Cal::Year(y), "year.bc");
            m.anchor = true;
            return Some(m);
        }
        // "the 80s", "the late 70s and early 80s": a decade written without its century or
        // an apostrophe.
        if let Some(m) = self.short_decade(i) {
            return Some(m);
        }
        // Years and decades.
        if let Some(y) = self.year_at(i) {
            if self.is(i + 1, "s") && self.glued(i + 1) {
                return Some(M::new(i + 2, Date, format!("{}", y / 10), "decade"));
            }
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            // "1530 GMT" is a clock time, not a year.
            if prev == "$" || matches!(self.w(i + 1), "%" | "percent" | "utc" | "gmt") {
                return None;
            }
            // "close at 2082.1": a decimal number, not a year.
            if self.is(i + 1, ".")
                && self.glued(i + 1)
                && self.glued(i + 2)
                && self.num(i + 2).is_some()
            {
                return None;
            }
            if (self.is(i + 1, "-") || self.is(i + 1, "/"))
                && self.num(i + 2).is_some()
                && self.glued(i + 1)
            {
                // "1915-17", "1861-1863": a range of years, each end its own year.
                if self.range_end_year(i).is_some() {
                    let mut m = cal_match(i + 1, Date, Cal::Year(y), "year.range");
                    m.anchor = true;
                    return Some(m);
                }
                return None;
            }
            let temporal_prev = lexicon::time_preposition(prev)
                || matches!(
                    prev,
                    "of" | "to"
                        | "early"
                        | "late"
                        | "mid"
                        | "-"
                        | "fiscal"
                        | "year"
                        | "between"
                        | "and"
                        | ","
                        | "the"
                        | "("
                );
            if !(1900..=2099).contains(&y) && !temporal_prev {
                return None;
            }
            if lexicon::unit(self.w(i + 1)).is_some() {
                return None;
            }
            let mut m = cal_match(i + 1, Date, Cal::Year(y), "year");
            m.anchor = true;
            return Some(m);
        }
        let (n, j) = self.number(i)?;
        // "two and a half years": the half belongs to the number (P2Y6M).
        let (n, j) = match n {
            Some(x)
                if self.seq(j, "and a half").is_some()
                    && lexicon::unit(self.w(j + 3)).is_some_and(|(_, plural)| plural) =>
            {
                (Some(x + 0.5), j + 3)
            }
            other => (other, j),
        };
        // "two more weeks", "an additional year", "eight trading days", "six straight days",
        // "two consecutive quarters": the amount of time.
        let j = if matches!(
            self.w(j),
            "more" | "additional" | "trading" | "business" | "straight" | "consecutive"
        ) && lexicon::unit(self.w(j + 1)).is_some()
        {
            j + 1
        } else {
            j
        };
        let k = self.hyphen(j);
        let (unit, plural) = lexicon::unit(self.w(k))?;
        let hyphenated = k != j;
        // "a second betrayal", "A second group": an ordinal, not a duration.
        if unit == Unit::Second
            && !plural
            && matches!(self.w(i), "a" | "an")
            && self.kind(k + 1) == Some(Kind::Word)
            && !matches!(
                self.w(k + 1),
                "later" | "earlier" | "ago" | "before" | "after" | "or" | "and" | "of"
            )
        {
            return None;
        }
        // "a" + singular only, numbers > 1 take plurals unless hyphenated ("two-year").
        if !hyphenated && n == Some(1.0) && plural {
            return None;
        }
        if (self.w(i) == "a" || self.w(i) == "an")
            && !matches!(
                self.w(k + 1),
                "ago" | "earlier" | "later" | "before" | "after"
            )
        {
            // "5% a year", "twice a week": a rate ("5% a year earlier" is not).
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            if matches!(
                prev,
                "%" | "percent" | "cents" | "times" | "twice" | "once" | "dollars" | "barrels"
            ) || self.kind(i.wrapping_sub(1)) == Some(Kind::Num)
            {
                return Some(M::new(
                    k + 1,
                    Set,
                    duration_value(Some(1.0), unit),
                    "set.rate",
                ));
            }
        }
        let mut end = k + 1;
        // "a minute and a half"
        let n = match n {
            Some(x) if !hyphenated && self.seq(end, "and a half").is_some() => {
                end += 3;
                Some(x + 0.5)
            }
            other => other,
        };
        // "a year-earlier $4.5 million": the same as "a year earlier"; in "a year-earlier
        // loss" the article belongs to the noun, and the timex is "year-earlier" alone.
        if unit == Unit::Year
            && n == Some(1.0)
            && self.is(end, "-")
            && self.glued(end)
            && self.glued(end + 1)
            && matches!(self.w(end + 1), "earlier" | "ago")
        {
            if matches!(self.w(i), "a" | "an") && self.kind(end + 2) == Some(Kind::Word) {
                return None;
            }
            return self.year_earlier(i, end + 2).map(|mut m| {
                if m.rule != "anchor.period-ended" {
                    m.rule = "ago.year-earlier";
                }
                m
            });
        }
        if (self.is(end, "-") && self.is(end + 1, "old")) || self.is(end, "old") {
            // an age, not a temporal expression
            return None;
        }
        if hyphenated && unit == Unit::Quarter {
            return None;
        }
        if hyphenated && self.is(end, "-") && self.is(end + 1, "long") {
            end += 2;
        }
        // "a week or so ago", "a month or so": the same amount, approximately.
        let or_so = self.seq(end, "or so");
        let relative = |end: usize| -> Option<M> {
            // Relative: "two weeks ago", "a day earlier", "three days later".
            let after = self.w(end);
            if matches!(
                after,
                "ago" | "earlier" | "later" | "before" | "after" | "hence"
            ) && !hyphenated
            {
                // "an hour later", "72 hours after his son was found": TimeBank marks the
                // amount of clock time as a duration, without the relating word.
                if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) && after != "ago" {
                    return Some(M::new(end, Duration, duration_value(n, unit), "duration"));
                }
                let amount = n.unwrap_or(0.0).round() as i32;
                let anaphoric = matches!(after, "earlier" | "later" | "before" | "after");
                let sign = if matches!(after, "ago" | "earlier" | "before") {
                    -1
                } else {
                    1
                };
                if matches!(after, "before" | "after") {
                    // "two days before the vote": only with an anchor and no following noun.
                    let nx = self.w(end + 1);
                    if !(nx.is_empty() || matches!(nx, "," | "." | ";" | "and")) {
                        return Some(M::new(end, Duration, duration_value(n, unit), "duration"));
                    }
                }
                if n.is_none() {
                    let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                    return Some(M::new(end + 1, Date, v, "ago.vague"));
                }
                if unit == Unit::Year
                    && amount == 1
                    && sign < 0
                    && (anaphoric || self.ref_quarter.is_some())
                {
                    return self.year_earlier(i, end + 1).map(|mut m| {
                        if m.rule != "anchor.period-ended" {
                            m.rule = "ago.year-earlier";
                        }
                        m
                    });
                }
                let base = if anaphoric {
                    self.ref_cal.or(self.dct.map(Cal::Day))
                } else {
                    self.dct.map(Cal::Day)
                };
                let rule = if anaphoric { "ago.anchored" } else { "ago.dct" };
                let Some(base) = base else {
                    return Some(M::new(end + 1, Date, "XXXX-XX-XX", rule));
                };
                let (u, steps) = match unit {
                    Unit::Decade => (Unit::Year, amount * 10),
                    Unit::Century => (Unit::Year, amount * 100),
                    Unit::Hour | Unit::Minute | Unit::Second => (Unit::Day, 0),
                    u => (u, amount),
                };
                let cal = match base {
                    Cal::Day(_) => base.at_unit(u)?,
                    // anchored on a coarser reference: keep the coarser granularity
                    other => {
                        if matches!(u, Unit::Day | Unit::Week) {
                            other
                        } else {
                            other.at_unit(u).unwrap_or(other)
                        }
                    }
                };
                let cal = cal.shift(sign * steps);
                let mut m = cal_match(end + 1, Date, cal, rule);
                // In a history, "almost two decades earlier" looks back from the story's
                // time without moving it; "two years later" moves it on.
                let flashback = self.narrative
                    && sign < 0
                    && matches!(unit, Unit::Year | Unit::Decade | Unit::Century);
                m.anchor = (anaphoric && !flashback) || unit == Unit::Day;
                return Some(m);
            }
            if matches!(after, "from") && self.is(end + 1, "now") {
                return Some(M::new(
                    end + 2,
                    Duration,
                    duration_value(n, unit),
                    "duration.from-now",
                ));
            }
            if !hyphenated && (self.w(i) == "a" || self.w(i) == "an") && unit == Unit::Quarter {
                return None;
            }
            Some(M::new(end, Duration, duration_value(n, unit), "duration"))
        };
        let mut m = relative(or_so.unwrap_or(end))?;
        if or_so.is_some() {
            m.modifier.get_or_insert("APPROX");
        }
        Some(m)
    }

    fn numeric_date(&self, i: usize) -> Option<M> {
        let a = self.num(i)?;
        let sep = self.w(i + 1);
        if !matches!(sep, "/" | "-" | ".") || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let b = self.num(i + 2)?;
        if !self.is(i + 3, sep) || !self.glued(i + 3) || !self.glued(i + 4) {
            return None;
        }
        let c = self.num(i + 4)?;
        let (la, lc) = (self.w(i).len(), self.w(i + 4).len());
        let date = if la == 4 && sep != "." {
            ymd(a as i32, b, c)?
        } else if lc == 4 || lc == 2 {
            let y = if lc == 2 {
                2000 + c as i32 - if c > 50 { 100 } else { 0 }
            } else {
                c as i32
            };
            if sep == "/" && a <= 12 {
                ymd(y, a, b)?
            } else {
                ymd(y, b, a)?
            }
        } else {
            return None;
        };
        let mut m = cal_match(i + 5, TimexType::Date, Cal::Day(date), "date.numeric");
        m.anchor = true;
        Some(m)
    }

    /// Determiner-led expressions: "last week", "this year", "the third quarter", "the past
    /// four days", "the weekend", "the 1990s", "the future", "the next day".
    fn det_expr(&self, i: usize) -> Option<M> {
        use TimexType::*;
        let w = self.w(i);
        match w {
            "this" | "last" | "next" | "current" | "past" | "previous" | "coming" | "following"
            | "that" | "same" | "the" | "earlier" | "later" | "latest" | "final" | "first"
            | "year" | "early" | "late" => {}
            "second" | "third" | "fourth" | "1st" | "2nd" | "3rd" | "4th" | "fiscal" => {}
            _ => return None,
        }
        if lexicon::ordinal(w).is_some()
            || matches!(w, "1st" | "2nd" | "3rd" | "4th")
            || (w == "fiscal" && lexicon::ordinal(self.w(i + 1)).is_some())
        {
            let j = if w == "fiscal" { i + 1 } else { i };
            let k = self.hyphen(j + 1);
            if matches!(self.w(k), "quarter" | "half")
                && (k > j + 1 || self.capitalized(i) || self.w(k) == "quarter")
            {
                return self.quarter_like(i, j, "");
            }
            return None;
        }
        if w == "fiscal" {
            return None;
        }
        // "that day", "that same day": the day (week, month, year) last mentioned.
        let same = usize::from(w == "that" && self.is(i + 1, "same"));
        if w == "that"
            && matches!(
                self.w(i + 1 + same),
                "day" | "year" | "month" | "week" | "quarter"
            )
        {
            let (u, _) = lexicon::unit(self.w(i + 1 + same))?;
            // "Results for that quarter": the quarter of the date last mentioned, else the
            // quarter being reported.
            let cal = match (self.ref_cal.and_then(|c| c.at_unit(u)), self.ref_quarter) {
                (Some(c), _) => c,
                (None, Some((y, q))) if u == Unit::Quarter => Cal::Quarter(y, q),
                _ => return None,
            };
            let mut m = cal_match(i + 2 + same, Date, cal, "anchor.that");
            m.anchor = false;
            return Some(m);
        }
        // "earlier this year", "later this month", "later this afternoon", "earlier that
        // day", "later that year": the relating word is part of the expression.
        if (w == "earlier" || w == "later")
            && matches!(self.w(i + 1), "this" | "next" | "last" | "that")
            && let Some(mut m) = self.det_expr(i + 1).or_else(|| self.keyword(i + 1))
            && matches!(m.kind, Date | Time)
        {
            m.end = m.end.max(i + 2);
            if !m.rule.starts_with("anchor.") {
                m.rule = "dct.earlier-this";
            }
            return Some(m);
        }
        // "later in the year", "Late in the year": the relating word belongs to it too
        // ("late in the day" is left alone: it is seldom a date of its own).
        if matches!(w, "earlier" | "later" | "early" | "late")
            && self.seq(i + 1, "in the").is_some()
            && matches!(self.w(i + 3), "year" | "month" | "week")
            && let Some(mut m) = self.the_expr(i + 2)
            && m.kind == Date
        {
            m.end = m.end.max(i + 4);
            m.modifier = match w {
                "early" => Some("START"),
                "late" => Some("END"),
                _ => m.modifier,
            };
            return Some(m);
        }
        if matches!(w, "earlier" | "later" | "early" | "late") {
            return None;
        }
        if w == "the" {
            return self.the_expr(i);
        }
        let j = i + 1;
        let x = self.w(j);
        // "next year's first quarter", "this year's third quarter": the quarter of that year.
        if x == "year"
            && self.is(j + 1, "'")
            && self.is(j + 2, "s")
            && let Some(off) = match w {
                "this" => Some(0),
                "last" => Some(-1),
                "next" => Some(1),
                _ => None,
            }
            && let Some(dct) = self.dct
            && let Some(m) = self.quarter_like(i, j + 3, "")
            && let Some((q, _)) = m.value.split_once("-Q").map(|(_, q)| (q, ()))
            && let Ok(q) = q.parse::<u32>()
        {
            let mut m2 = cal_match(
                m.end,
                Date,
                Cal::Quarter(dct.year() + off, q),
                "quarter.year",
            );
            m2.anchor = true;
            return Some(m2);
        }
        // this/last/next + unit
        if let Some((unit, false)) = lexicon::unit(x) {
            let off = match w {
                "this" | "current" => 0,
                "last" | "past" | "previous" => -1,
                "next" | "coming" | "following" => 1,
                _ => return None,
            };
            let Some(dct) = self.dct else {
                return Some(M::new(j + 1, Date, "XXXX", "dct.relative-unanchored"));
            };
            // In a history, "this day", "this year" are the story's ("on 8 August … this
            // day"), as "that day" is.
            // Only while the story's date is the subject (a column that recalls May 1940
            // and four sentences on cites "The Post this week" has left the history), and
            // not in a clause about what is to come ("the economy is expected to shrink by
            // 2.8 percent this year", the sentence after "a 2006 report").
            if w == "this"
                && self.story_year().is_some()
                && self.sentences_since_ref(i) <= HISTORY_THIS_SENTENCES
                && self.tense_cue(i, j + 1) != Some(Tense::Future)
                && let Some(cal) = self.ref_cal.and_then(|c| c.at_unit(unit))
            {
                return Some(cal_match(j + 1, Date, cal, "anchor.this-in-history"));
            }
            let base = Cal::Day(dct);
            let cal = base.at_unit(unit)?.shift(off);
            let mut m = cal_match(j + 1, Date, cal, "dct.relative-unit");
            m.anchor = unit == Unit::Quarter;
            if unit == Unit::Quarter {
                // handled via ref
            }
            return Some(m);
        }
        if x == "weekend" {
            let dct = self.dct?;
            let off = match w {
                "this" => 0,
                "last" | "past" => -1,
                "next" | "coming" => 1,
                _ => return None,
            };
            let base = if off == 0
                && self.tense(i, j + 1) == Tense::Past
                && dct.weekday().number_from_monday() < 6
            {
                dct - TimeDelta::days(7)
            } else {
                dct
            };
            let d = base + TimeDelta::days(7 * off as i64);
            return Some(M::new(
                j + 1,
                Date,
                format!("{}-WE", week_value(d)),
                "dct.weekend",
            ));
        }
        if let Some(s) = lexicon::season(x) {
            let dct = self.dct?;
            let idx = |c: &str| match c {
                "SP" => 1,
                "SU" => 2,
                "FA" => 3,
                _ => 0,
            };
            let cur = match dct.month() {
                3..=5 => 1,
                6..=8 => 2,
                9..=11 => 3,
                _ => 0,
            };
            let y = dct.year();
            let year = match w {
                "this" => y,
                "last" | "past" => {
                    if idx(s) < cur {
                        y
                    } else {
                        y - 1
                    }
                }
                "next" | "coming" => {
                    if idx(s) > cur {
                        y
                    } else {
                        y + 1
                    }
                }
                _ => return None,
            };
            return Some(M::new(
                j + 1,
                Date,
                format!("{}-{s}", year_str(year)),
                "dct.season",
            ));
        }
        if let Some(mo) = lexicon::month(x)
            && self.capitalized(j)
            && matches!(w, "last" | "next" | "this")
        {
            let dct = self.dct?;
            let y = dct.year();
            let year = match w {
                // "last February" written in March is a year back: the month just ended
                // would be "last month".
                "last" => {
                    if mo + 1 < dct.month() {
                        y
                    } else {
                        y - 1
                    }
                }
                "next" => {
                    if mo > dct.month() {
                        y
                    } else {
                        y + 1
                    }
                }
                _ => y,
            };
            let end = if lexicon::month_is_abbrev(x) {
                self.after_period(j)
            } else {
                j + 1
            };
            // "last Oct. 23": the day of that month.
            if let Some(day) = self.num(end).filter(|d| (1..=31).contains(d))
                && self.w(end).len() <= 2
                && let Some(date) = ymd(year, mo, day)
            {
                let mut m = cal_match(end + 1, Date, Cal::Day(date), "dct.relative-month");
                m.anchor = true;
                return Some(m);
            }
            let mut m = cal_match(end, Date, Cal::Month(year, mo), "dct.relative-month");
            m.anchor = true;
            return Some(m);
        }
        None
    }

    /// Expressions that start with "the".
    fn the_expr(&self, i: usize) -> Option<M> {
        use TimexType::*;
        let mut j = i + 1;
        let w = self.w(j);
        // "today is the eighth day of Desert Shield", "It's the second day of an
        // offensive": the DCT's day; "On 21 July, the fifth day of the rebellion": the day
        // it stands beside. Other ordinal days name no day we know.
        if lexicon::ordinal(w).is_some() && self.is(j + 1, "day") {
            let end = j + 2;
            if i >= 1
                && self.is(i - 1, ",")
                && self.last_day_end == Some(i - 1)
                && let Some(Cal::Day(d)) = self.ref_cal
            {
                return Some(cal_match(end, Date, Cal::Day(d), "anchor.ordinal-day"));
            }
            let copula = i >= 1
                && (self.is(i - 1, "is")
                    || (i >= 3
                        && self.is(i - 1, "s")
                        && self.is(i - 2, "'")
                        && self.glued(i - 1)
                        && matches!(self.w(i - 3), "it" | "today" | "this")));
            if copula && let Some(dct) = self.dct {
                return Some(cal_match(end, Date, Cal::Day(dct), "dct.ordinal-day"));
            }
            return None;
        }
        // "the day after his death": the day after the day last mentioned; in apposition
        // to a day ("Oct. 12, the day before the plunge") that day itself; "the day after
        // tomorrow" two days from the DCT.
        // ("late in the day after falling 250 points" is that day: "in the day" is no such
        // phrase.)
        if w == "day"
            && matches!(self.w(j + 1), "after" | "before")
            && !(i > 0 && matches!(self.w(i - 1), "in" | "during" | "of"))
        {
            let off = if self.is(j + 1, "after") { 1 } else { -1 };
            if matches!(self.w(j + 2), "tomorrow" | "yesterday") {
                let two = if self.is(j + 2, "tomorrow") { 2 } else { -2 };
                if off * two > 0 {
                    return Some(self.dct_day(j + 3, two, "dct.day-after-tomorrow"));
                }
                return None;
            }
            // "the day before last Tuesday's hearing", "the day after Oct. 5": the day next to
            // the day named right after, one expression as "the day after tomorrow".
            if let Some(named) = self.core(j + 2)
                && named.kind == Date
                && named.precision == Some(Precision::Day)
                && named.modifier.is_none()
                && let Some(nd) = named.date
            {
                let mut m = cal_match(
                    named.end,
                    Date,
                    Cal::Day(nd + TimeDelta::days(off)),
                    "date.day-next-to",
                );
                m.anchor = true;
                return Some(m);
            }
            let Some(Cal::Day(d)) = self.ref_cal else {
                return None;
            };
            if i >= 1
                && matches!(self.w(i - 1), "," | "-" | "–" | "—")
                && self.last_day_end == Some(i - 1)
            {
                return Some(cal_match(j + 1, Date, Cal::Day(d), "anchor.day-apposition"));
            }
            let mut m = cal_match(
                j + 1,
                Date,
                Cal::Day(d + TimeDelta::days(off)),
                "anchor.day-after",
            );
            m.anchor = true;
            return Some(m);
        }
        // "ending the day at 8,017", "to finish the day down 31 points", "For the day, the
        // Nikkei closed down": the trading day reported, i.e. the day last mentioned, else the
        // DCT's.
        if w == "day"
            && i > 0
            && (lexicon::day_bound_verb(self.w(i - 1))
                || (self.is(i - 1, "for")
                    && self.capitalized(i - 1)
                    && self.is(j + 1, ",")
                    && (i == 1 || matches!(self.w(i - 2), "." | "!" | "?" | "\"" | "”"))))
        {
            let day = match self.ref_cal {
                Some(Cal::Day(d)) => d,
                _ => self.dct?,
            };
            return Some(cal_match(
                j + 1,
                Date,
                Cal::Day(day),
                "anchor.the-day-bound",
            ));
        }
        // "in the weeks ahead": an unspecified stretch to come.
        if let Some((u, true)) = lexicon::unit(w)
            && self.is(j + 1, "ahead")
            && matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
        {
            return Some(M::new(
                j + 2,
                Duration,
                duration_value(None, u),
                "duration.vague",
            ));
        }
        // "in the morning", "during the night": that part of the day last mentioned, else
        // of the DCT's day ("Dealers placed heavy buy orders in the morning" after Friday's
        // trading is Friday morning); "the morning of December 28" is dated by its own day.
        if let Some(pod) = lexicon::part_of_day(w)
            && i > 0
            && matches!(self.w(i - 1), "in" | "during")
            && !self.is(j + 1, "of")
        {
            let day = match self.ref_cal {
                Some(Cal::Day(d)) => d,
                _ => self.dct?,
            };
            let mut m = cal_match(j + 1, Time, Cal::Day(day), "anchor.in-the-pod");
            m.value = format!("{}T{pod}", m.value);
            return Some(m);
        }
        // "over the years": an unspecified stretch ("over the years 1751-1777" is a range).
        if i > 0
            && self.is(i - 1, "over")
            && let Some((u, true)) = lexicon::unit(w)
            && !matches!(u, Unit::Century | Unit::Quarter)
            && self.kind(j + 1) != Some(Kind::Num)
        {
            return Some(M::new(
                j + 1,
                Duration,
                duration_value(None, u),
                "duration.vague",
            ));
        }
        // "the corresponding period last year", "the same quarter a year ago": the period
        // of the results a year before (the quarter last mentioned, a year back).
        if matches!(w, "same" | "corresponding" | "comparable")
            && matches!(self.w(j + 1), "period" | "quarter")
        {
            let k = if self.is(j + 2, "of") { j + 3 } else { j + 2 };
            let end = self
                .seq(k, "last year")
                .or_else(|| self.seq(k, "a year ago"))
                .or_else(|| self.seq(k, "a year earlier"));
            if let Some(end) = end {
                return self.year_earlier(i, end).map(|mut m| {
                    m.rule = "anchor.same-period-last-year";
                    m
                });
            }
        }
        // the past / the future / the present
        match w {
            "future" => return Some(M::new(j + 1, Date, "FUTURE_REF", "ref.future")),
            // "the near future", "the near term", "the short term"
            "near" | "short"
                if self.is(j + 1, "term") || (w == "near" && self.is(j + 1, "future")) =>
            {
                return Some(M::new(j + 2, Date, "FUTURE_REF", "ref.future"));
            }
            "present" if !matches!(self.w(j + 1), "day") => {
                return Some(M::new(j + 1, Date, "PRESENT_REF", "ref.present"));
            }
            "weekend" => {
                let dct = self.dct?;
                let base = if dct.weekday().number_from_monday() < 6
                    && self.tense(i, j + 1) == Tense::Past
                {
                    dct - TimeDelta::days(7)
                } else {
                    dct
                };
                return Some(M::new(
                    j + 1,
                    Date,
                    format!("{}-WE", week_value(base)),
                    "dct.weekend",
                ));
            }
            _ => {}
        }
        // "the week of March 6"
        if w == "week"
            && self.is(j + 1, "of")
            && let Some(m) = self.month_expr(j + 2)
            && let Some(d) = m.date
            && m.precision == Some(Precision::Day)
        {
            return Some(cal_match(m.end, Date, Cal::Week(d), "date.week-of"));
        }
        // "the previous Friday": the one before the day last mentioned (else before the DCT).
        if matches!(w, "previous" | "prior" | "preceding")
            && let Some(wd) = lexicon::weekday(self.w(j + 1))
            && let Some(base) = match self.ref_cal {
                Some(Cal::Day(d)) => Some(d),
                _ => self.dct,
            }
        {
            let back = (base.weekday().number_from_monday() as i64 - wd as i64).rem_euclid(7);
            let d = base - TimeDelta::days(if back == 0 { 7 } else { back });
            let mut m = cal_match(j + 2, Date, Cal::Day(d), "anchor.previous-weekday");
            m.anchor = true;
            return Some(m);
        }
        // the 1990s, the '90s
        if let Some(y) = self.year_at(j)
            && self.is(j + 1, "s")
            && self.glued(j + 1)
        {
            return Some(M::new(j + 2, Date, format!("{}", y / 10), "decade"));
        }
        // "the '80s": the latest such decade that has begun by the DCT or begins within a
        // decade of it ("the '80s" and "the '90s" in 1989 are the 1980s and the 1990s).
        if matches!(w, "'" | "’")
            && let Some(n) = self.num(j + 1)
            && self.w(j + 1).len() == 2
            && n % 10 == 0
            && self.glued(j + 1)
            && self.is(j + 2, "s")
            && self.glued(j + 2)
        {
            let now = self.dct.map_or(1999, |d| d.year());
            let mut y = now - now.rem_euclid(100) + n as i32;
            if y > now + 10 {
                y -= 100;
            }
            return Some(M::new(j + 3, Date, format!("{}", y / 10), "decade"));
        }
        // "the 80s"
        if let Some(m) = self.short_decade(j) {
            return Some(m);
        }
        // "the year 2000"
        if w == "year"
            && let Some((y, e)) = self.year_any(j + 1)
        {
            return Some(cal_match(e, Date, Cal::Year(y), "year"));
        }
        if w == "nineties" || w == "eighties" || w == "seventies" || w == "sixties" {
            let dec = match w {
                "nineties" => 9,
                "eighties" => 8,
                "seventies" => 7,
                _ => 6,
            };
            let c = self.dct.map(|d| d.year() / 100).unwrap_or(19);
            return Some(M::new(j + 1, Date, format!("{}{dec}", c), "decade.words"));
        }
        if w == "full" && self.is(j + 1, "year") {
            let dct = self.dct?;
            return Some(cal_match(
                j + 2,
                Date,
                Cal::Year(dct.year()),
                "dct.the-year",
            ));
        }
        // "in the 1988 period": the quarter last mentioned in that year (the year itself
        // after results for a span of months).
        if let Some(y) = self.year_at(j)
            && self.is(j + 1, "period")
        {
            return Some(match self.ref_quarter.filter(|_| !self.months_span) {
                Some((_, q)) => cal_match(j + 2, Date, Cal::Quarter(y, q), "quarter.year-period"),
                None => cal_match(j + 2, Date, Cal::Year(y), "year.period"),
            });
        }
        if let Some(y) = self.year_at(j)
            && let Some(mut m) = self.quarter_like(i, j + 1, "")
            && m.value.contains("-Q")
        {
            let q = m
                .value
                .rsplit('Q')
                .next()
                .and_then(|q| q.parse().ok())
                .unwrap_or(1);
            let end = m.end;
            m = cal_match(end, Date, Cal::Quarter(y, q), "quarter.year");
            return Some(m);
        }
        // the (past|last|next|coming|first|previous|following|latest|final|same|current|fiscal)? ...
        let det = match w {
            "past" | "last" | "next" | "coming" | "first" | "previous" | "following" | "latest"
            | "final" | "same" | "current" | "fiscal" | "most" | "prior" | "preceding" => {
                j += 1;
                if w == "most" {
                    if !self.is(j, "recent") {
                        return None;
                    }
                    j += 1;
                    "latest"
                } else {
                    w
                }
            }
            "year" if self.hyphen(j + 1) != j + 1 => {
                j += 1;
                if w == "most" {
                    if !self.is(j, "recent") {
                        return None;
                    }
                    j += 1;
                    "latest"
                } else if w == "year" {
                    // "the year-earlier quarter", "the year-ago period"
                    let k = self.hyphen(j);
                    if k == j || !matches!(self.w(k), "earlier" | "ago") {
                        return None;
                    }
                    j = k + 1;
                    "year-earlier"
                } else {
                    w
                }
            }
            _ => "",
        };
        let x = self.w(j);
        if det == "past"
            && lexicon::unit(x).is_none()
            && self.number(j).is_none_or(|(_, e)| {
                let k = self.hyphen(e);
                lexicon::unit(self.w(k)).is_none()
                    && lexicon::season(self.w(k).trim_end_matches('s')).is_none()
            })
            && lexicon::season(x).is_none()
        {
            return Some(M::new(i + 2, Date, "PAST_REF", "ref.past"));
        }
        // "the current fiscal year", "the latest fiscal year" (the last one that has ended).
        if x == "fiscal"
            && self.is(j + 1, "year")
            && let Some(off) = match det {
                "current" | "same" => Some(0),
                "latest" | "last" | "past" | "previous" | "prior" => Some(-1),
                "next" | "coming" => Some(1),
                _ => None,
            }
        {
            let y = self.dct?.year() + off;
            let mut m = cal_match(j + 2, Date, Cal::Year(y), "dct.fiscal-year");
            m.anchor = true;
            return Some(m);
        }
        // "the third-quarter loss", "the fiscal second-quarter net": a hyphenated quarter
        // is an adjective, and the article belongs to the noun after it.
        if (lexicon::ordinal(x).is_some() || matches!(x, "1st" | "2nd" | "3rd" | "4th"))
            && self.hyphen(j + 1) > j + 1
            && matches!(self.w(self.hyphen(j + 1)), "quarter" | "half")
        {
            return None;
        }
        // "the first quarter", "the final quarter of 2009", "the first half of last year": an
        // ordinal quarter, or a half of a named year, with its article, as "the third
        // quarter" ("the first half of the game" is no timex).
        if matches!(det, "first" | "final")
            && matches!(x, "quarter" | "half")
            && let Some(m) = self.quarter_like(i, j - 1, "")
            && (x == "quarter" || m.end > j + 1)
        {
            return Some(m);
        }
        // the (latest|…)? quarter / period / half
        if (matches!(x, "quarter" | "period")
            || (det == "fiscal" && lexicon::ordinal(x).is_some())
            || lexicon::ordinal(x).is_some()
            || matches!(x, "1st" | "2nd" | "3rd" | "4th")
            || (x == "final" && matches!(self.w(self.hyphen(j + 1)), "quarter" | "half"))
            || (x == "year" && det.is_empty())
            || (x == "week" && det.is_empty())
            || (x == "half" && det == "last")
            || (det == "fiscal" && x == "year"))
            && let Some(mut m) = self.quarter_like(i, j, det)
        {
            // "the quarter a year ago": one expression, that quarter a year before.
            if let Some(e) = self
                .seq(m.end, "a year ago")
                .or_else(|| self.seq(m.end, "a year earlier"))
                && let Some(d) = m.date
                && m.precision == Some(Precision::Quarter)
            {
                m = cal_match(
                    e,
                    Date,
                    Cal::Quarter(d.year() - 1, quarter_of(d)),
                    "anchor.quarter-year-ago",
                );
            }
            return Some(m);
        }
        // the past/next N units; the N units; the first N units
        if let Some((n, e)) = self.number(j) {
            let k = self.hyphen(e);
            // "the first two quarters of 1990" is that year's first half.
            if matches!(det, "first" | "last")
                && n == Some(2.0)
                && lexicon::unit(self.w(k)) == Some((Unit::Quarter, true))
                && self.is(k + 1, "of")
                && let Some((y, e)) = self.year_any(k + 2)
            {
                let h = if det == "first" { 1 } else { 2 };
                return Some(M::new(e, Date, format!("{}-H{h}", year_str(y)), "half"));
            }
            if let Some((unit, plural)) = lexicon::unit(self.w(k))
                && (plural || n == Some(1.0))
                && !(self.w(j) == "a" || self.w(j) == "an")
            {
                let mut end = k + 1;
                if self.is(end, "or") && self.is(end + 1, "so") {
                    end += 2;
                }
                return Some(M::new(
                    end,
                    Duration,
                    duration_value(n, unit),
                    "duration.the",
                ));
            }
            if let Some(s) = lexicon::season(self.w(k).trim_end_matches('s'))
                && det == "past"
            {
                return Some(M::new(k + 1, Set, format!("XXXX-{s}"), "set.season"));
            }
        }
        // "the next morning", "the previous night": a part of the day after or before the
        // day last mentioned (else the DCT's day).
        if let Some(pod) = lexicon::part_of_day(x)
            && matches!(det, "previous" | "preceding" | "next" | "following")
        {
            let day = match self.ref_cal {
                Some(Cal::Day(d)) => d,
                _ => self.dct?,
            };
            let off = if matches!(det, "next" | "following") {
                1
            } else {
                -1
            };
            let mut m = cal_match(
                j + 1,
                Time,
                Cal::Day(day + TimeDelta::days(off)),
                "anchor.the-next-pod",
            );
            m.value = format!("{}T{pod}", m.value);
            return Some(m);
        }
        // the past/next/last/previous/following/same unit
        if let Some((unit, false)) = lexicon::unit(x) {
            match det {
                // "the past year", "the last week": the calendar unit before the DCT's, as
                // TimeBank marks them ("the last week of August" is the final week of August).
                "past" | "last"
                    if matches!(unit, Unit::Week | Unit::Month | Unit::Quarter | Unit::Year)
                        && self.dct.is_some()
                        && !self.is(j + 1, "of") =>
                {
                    let dct = self.dct?;
                    let cal = Cal::Day(dct).at_unit(unit)?.shift(-1);
                    return Some(cal_match(j + 1, Date, cal, "dct.the-past-unit"));
                }
                "past" | "last" => {
                    return Some(M::new(
                        j + 1,
                        Duration,
                        duration_value(Some(1.0), unit),
                        "duration.the-past",
                    ));
                }
                "previous" | "prior" | "preceding" | "next" | "following" | "same" => {
                    let off = match det {
                        "previous" | "prior" | "preceding" => -1,
                        "same" => 0,
                        _ => 1,
                    };
                    // "for the next year", "within the next month": a stretch of time;
                    // otherwise "the next year" is the year after the one last mentioned
                    // ("the next year he returned", "closed over the next year or so").
                    if det == "next"
                        && unit != Unit::Day
                        && i > 0
                        && matches!(self.w(i - 1), "for" | "within")
                    {
                        return Some(M::new(
                            j + 1,
                            Duration,
                            duration_value(Some(1.0), unit),
                            "duration.the-next",
                        ));
                    }
                    let base = self.ref_cal.or(self.dct.map(Cal::Day))?;
                    // "the next day" after "in March 1981": a day, but not one we can name.
                    let Some(cal) = base.at_unit(unit).map(|c| c.shift(off)) else {
                        let v = match unit {
                            Unit::Day => "XXXX-XX-XX",
                            Unit::Week => "XXXX-WXX",
                            Unit::Month => "XXXX-XX",
                            Unit::Quarter => "XXXX-QX",
                            Unit::Year => "XXXX",
                            Unit::Decade => "XXX",
                            Unit::Century => "XX",
                            Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XXTXX:XX",
                        };
                        return Some(M::new(j + 1, Date, v, "anchor.the-next-unknown"));
                    };
                    let mut m = cal_match(j + 1, Date, cal, "anchor.the-next");
                    // In a history, "the previous year" looks back without moving the story
                    // (as "two decades earlier" does); "the next year" moves it on.
                    m.anchor = !(self.narrative && off < 0 && unit == Unit::Year);
                    return Some(m);
                }
                "current" => {
                    let dct = self.dct?;
                    return Some(cal_match(
                        j + 1,
                        Date,
                        Cal::Day(dct).at_unit(unit)?,
                        "dct.current-unit",
                    ));
                }
                _ => {}
            }
        }
        if let Some((_, true)) = lexicon::unit(x)
            && matches!(det, "coming" | "next")
        {
            return Some(M::new(j + 1, Date, "FUTURE_REF", "ref.future"));
        }
        // "the early summer", "the late fall": the season with its part.
        if matches!(x, "early" | "late")
            && det.is_empty()
            && let Some(s) = lexicon::season(self.w(j + 1))
        {
            let y = self.story_year().or(self.dct.map(|d| d.year()))?;
            let mut m = M::new(j + 2, Date, format!("{}-{s}", year_str(y)), "dct.season");
            m.modifier = Some(if x == "early" { "START" } else { "END" });
            return Some(m);
        }
        // the (early)? summer (of 1942)
        if let Some(s) = lexicon::season(x)
            && matches!(det, "" | "past" | "last" | "next" | "coming")
        {
            let dct = self.dct;
            if self.is(j + 1, "of")
                && let Some((y, e)) = self.year_any(j + 2)
            {
                return Some(M::new(
                    e,
                    Date,
                    format!("{}-{s}", year_str(y)),
                    "season.year",
                ));
            }
            // "the fall of Atlanta", "the fall of the city": a defeat, not the season.
            if x == "fall" && self.is(j + 1, "of") {
                return None;
            }
            let y = self.story_year().or(dct.map(|d| d.year()))?;
            return Some(M::new(
                j + 1,
                Date,
                format!("{}-{s}", year_str(y)),
                "dct.season",
            ));
        }
        None
    }

    /// Quarters, halves, "the year", "the period": "the third quarter", "the latest
    /// quarter", "the first half of 1989", "the fiscal first quarter".
    /// The year named at token `j` after "of" in "the first quarter of …": a written year
    /// ("1989") or one relative to the DCT ("last year", "this year", "next year"), with the
    /// token end.
    fn year_of(&self, j: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_at(j) {
            return Some((y, j + 1));
        }
        let off = match self.w(j) {
            "last" | "previous" => -1,
            "this" | "current" => 0,
            "next" => 1,
            _ => return None,
        };
        if !self.is(j + 1, "year") {
            return None;
        }
        Some((self.dct?.year() + off, j + 2))
    }

    fn quarter_like(&self, i: usize, mut j: usize, det: &str) -> Option<M> {
        use TimexType::*;
        let x = self.w(j);
        // "the last half of 1989": the second half.
        if det == "last"
            && x == "half"
            && self.is(j + 1, "of")
            && let Some((y, end)) = self.year_any(j + 2)
        {
            return Some(M::new(end, Date, format!("{}-H2", year_str(y)), "half"));
        }
        // "the last quarter of 2008", "the final quarter of last year": the fourth.
        if matches!(det, "last" | "final")
            && x == "quarter"
            && self.is(j + 1, "of")
            && let Some((y, end)) = self.year_of(j + 2)
        {
            let mut m = cal_match(end, Date, Cal::Quarter(y, 4), "quarter");
            m.anchor = true;
            return Some(m);
        }
        let ord = lexicon::ordinal(x).or(match x {
            "1st" | "2nd" | "3rd" | "4th" => x[..1].parse().ok(),
            // "the final quarter", "the final half": the last of the year.
            "final" => match self.w(self.hyphen(j + 1)) {
                "quarter" => Some(4),
                "half" => Some(2),
                _ => None,
            },
            _ => None,
        });
        let mut det = det;
        if det == "fiscal" && ord.is_some() {
            det = "";
        }
        if let Some(n) = ord {
            j = self.hyphen(j + 1);
            let what = self.w(j);
            let per = match what {
                "quarter" if n <= 4 => "Q",
                "half" if n <= 2 => "H",
                _ => {
                    // "the first nine months"
                    if let Some((num, e)) = self.number(j)
                        && let Some((u, true)) = lexicon::unit(self.w(e))
                    {
                        return Some(M::new(
                            e + 1,
                            Duration,
                            duration_value(num, u),
                            "duration.the-first",
                        ));
                    }
                    return None;
                }
            };
            let mut end = j + 1;
            // "the first quarter of 2009", "the third quarter of this year", "the first
            // quarter of last year": the quarter of that year.
            let year = if self.is(end, "of")
                && let Some((y, e)) = self.year_of(end + 1)
            {
                end = e;
                Some(y)
            } else if let Some(y) = self.year_at(end) {
                end += 1;
                Some(y)
            } else {
                None
            };
            let y = match year {
                Some(y) => y,
                None => {
                    let dct = self.dct?;
                    let cur = if per == "Q" {
                        quarter_of(dct)
                    } else {
                        (dct.month0() / 6) + 1
                    };
                    if n > cur && self.tense(i, end) == Tense::Past && det != "next" {
                        dct.year() - 1
                    } else {
                        dct.year()
                    }
                }
            };
            let y = if det == "year-earlier" { y - 1 } else { y };
            if per == "Q" {
                let mut m = cal_match(end, Date, Cal::Quarter(y, n), "quarter");
                m.anchor = true;
                return Some(m);
            }
            return Some(M::new(end, Date, format!("{}-H{n}", year_str(y)), "half"));
        }
        match x {
            "quarter" | "period" => {
                // "the latest quarter" is one that has ended by the DCT, not a forecast
                // quarter mentioned before it.
                let ended = |&(y, q): &(i32, u32)| {
                    let next = Cal::Quarter(y, q).shift(1).first_day();
                    match (next, self.dct) {
                        (Some((d, _)), Some(dct)) => d <= dct,
                        _ => true,
                    }
                };
                let reference = self
                    .ref_quarter
                    .filter(|r| det != "current" && (det != "latest" || ended(r)))
                    .or(self.ref_quarter.filter(|_| x == "period"));
                let (y, q) = match reference {
                    Some(r) => r,
                    None => {
                        if x == "period" && det != "latest" {
                            return None;
                        }
                        let dct = self.dct?;
                        let (y, q) = (dct.year(), quarter_of(dct));
                        if det == "current" || det == "same" {
                            (y, q)
                        } else if q == 1 {
                            (y - 1, 4)
                        } else {
                            (y, q - 1)
                        }
                    }
                };
                let (y, rule) = if det == "year-earlier" {
                    (y - 1, "anchor.year-earlier-quarter")
                } else {
                    (y, "anchor.quarter")
                };
                if !matches!(
                    det,
                    "" | "latest" | "year-earlier" | "same" | "current" | "fiscal"
                ) {
                    return None;
                }
                if det.is_empty() && x == "period" {
                    return None;
                }
                let mut m = cal_match(j + 1, Date, Cal::Quarter(y, q), rule);
                m.anchor = det == "latest";
                Some(m)
            }
            "year" if det.is_empty() || det == "fiscal" => {
                // "revenue for the year ended March 31": TimeBank marks the span of a
                // reporting year as a one-year duration; its end date is its own timex.
                if matches!(self.w(j + 1), "ended" | "ending") {
                    return Some(M::new(j + 1, Duration, "P1Y", "duration.the-year-ended"));
                }
                let y = self.story_year().or(self.dct.map(|d| d.year()))?;
                Some(cal_match(j + 1, Date, Cal::Year(y), "dct.the-year"))
            }
            "week" => {
                let dct = self.dct?;
                Some(cal_match(j + 1, Date, Cal::Week(dct), "dct.the-week"))
            }
            _ => None,
        }
    }

    /// Recurring times: "every day", "each year", "every Tuesday", "per month".
    fn set_expr(&self, i: usize) -> Option<M> {
        let w = self.w(i);
        if !matches!(w, "every" | "each" | "per") {
            return None;
        }
        let mut j = i + 1;
        if self.is(j, "other") {
            j += 1;
        }
        let n = if self.w(j) == "other" { 2.0 } else { 1.0 };
        if let Some((u, false)) = lexicon::unit(self.w(j)) {
            let _ = n;
            // "15 million instructions per second": a unit of a measured speed, not a
            // recurring time.
            if w == "per" && matches!(u, Unit::Second | Unit::Minute) {
                return None;
            }
            return Some(M::new(
                j + 1,
                TimexType::Set,
                duration_value(Some(1.0), u),
                "set.every",
            ));
        }
        if let Some(wd) = lexicon::weekday(self.w(j)) {
            return Some(M::new(
                j + 1,
                TimexType::Set,
                format!("XXXX-WXX-{wd}"),
                "set.weekday",
            ));
        }
        // "each July"
        if let Some(mo) = lexicon::month(self.w(j))
            && self.capitalized(j)
            && !lexicon::month_is_abbrev(self.w(j))
        {
            return Some(M::new(
                j + 1,
                TimexType::Set,
                format!("XXXX-{mo:02}"),
                "set.month",
            ));
        }
        None
    }

    /// Clock times: "3 p.m.", "15:00", "9:30 a.m.".
    fn clock(&self, i: usize) -> Option<M> {
        let h = self.num(i)?;
        // "0800 UTC", "1530 GMT": hours and minutes of the wire's 24-hour clock; the zone
        // is read by the caller.
        if self.w(i).len() == 4 && matches!(self.w(i + 1), "gmt" | "utc") {
            let (hh, mm) = (h / 100, h % 100);
            // "10:35 a.m. (0735 GMT) Friday": the same time in another zone, part of the
            // clock time before it.
            let restated = i > 0
                && self.is(i - 1, "(")
                && (i.saturating_sub(5)..i - 1).any(|k| matches!(self.w(k), "am" | "pm" | "m"));
            if hh > 23 || mm > 59 || restated {
                return None;
            }
            return Some(M::new(
                i + 1,
                TimexType::Time,
                format!("T{hh:02}:{mm:02}"),
                "clock",
            ));
        }
        // "1030am", "730pm": hours and minutes written together before am/pm.
        if (3..=4).contains(&self.w(i).len())
            && matches!(self.w(i + 1), "am" | "pm")
            && self.glued(i + 1)
        {
            let (hh, mm) = (h / 100, h % 100);
            if !(1..=12).contains(&hh) || mm > 59 {
                return None;
            }
            let hour = match (self.w(i + 1) == "pm", hh) {
                (true, 12) => 12,
                (true, _) => hh + 12,
                (false, 12) => 0,
                (false, _) => hh,
            };
            return Some(M::new(
                i + 2,
                TimexType::Time,
                format!("T{hour:02}:{mm:02}"),
                "clock",
            ));
        }
        if h > 24 || self.w(i).len() > 2 {
            return None;
        }
        let mut j = i + 1;
        let mut minute = None;
        if self.is(j, ":") && self.glued(j) && self.glued(j + 1) {
            let mm = self.num(j + 1)?;
            if mm > 59 || self.w(j + 1).len() != 2 {
                return None;
            }
            minute = Some(mm);
            j += 2;
        }
        // a.m. / p.m. / am / pm
        let (ampm, k) = match self.w(j) {
            "am" | "pm" => (Some(self.w(j) == "pm"), j + 1),
            "a" | "p" if self.is(j + 1, ".") && self.is(j + 2, "m") => {
                let pm = self.w(j) == "p";
                let mut k = j + 3;
                if self.is(k, ".") && self.glued(k) {
                    k += 1;
                }
                (Some(pm), k)
            }
            _ => (None, j),
        };
        // "at 4 in the morning", "until 10 at night": the part of the day says which
        // half of the clock the hour is on.
        let (ampm, k) = match (ampm, minute) {
            (None, None) => {
                let after_prep = i > 0
                    && matches!(
                        self.w(i - 1),
                        "at" | "by" | "until" | "till" | "before" | "after" | "around" | "from"
                    );
                let pod = if self.seq(j, "in the").is_some() {
                    Some((self.w(j + 2), j + 3))
                } else if self.is(j, "at") && self.is(j + 1, "night") {
                    Some(("night", j + 2))
                } else {
                    None
                };
                match pod {
                    Some((p, end)) if after_prep && (1..=12).contains(&h) => match p {
                        "morning" => (Some(false), end),
                        "afternoon" | "evening" => (Some(true), end),
                        "night" => (Some((6..12).contains(&h)), end),
                        _ => return None,
                    },
                    _ => return None,
                }
            }
            other => (other.0, k),
        };
        let mut hour = h;
        if let Some(pm) = ampm {
            if h == 0 || h > 12 {
                return None;
            }
            if pm && h < 12 {
                hour += 12;
            }
            if !pm && h == 12 {
                hour = 0;
            }
        }
        Some(M::new(
            k,
            TimexType::Time,
            format!("T{:02}:{:02}", hour, minute.unwrap_or(0)),
            "clock",
        ))
    }
}
