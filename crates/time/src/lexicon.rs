//! Word lists of the temporal tagger: month and weekday names, number words, units, seasons,
//! parts of the day and tense cues. Every function takes an ASCII-lower-cased word.

/// A calendar or clock unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The duration letter and multiplier: (`"D"`, 1), decades are (`"Y"`, 10).
    pub(crate) fn duration(self) -> (&'static str, u32, bool) {
        match self {
            Unit::Second => ("S", 1, true),
            Unit::Minute => ("M", 1, true),
            Unit::Hour => ("H", 1, true),
            Unit::Day => ("D", 1, false),
            Unit::Week => ("W", 1, false),
            Unit::Month => ("M", 1, false),
            Unit::Quarter => ("Q", 1, false),
            Unit::Year => ("Y", 1, false),
            Unit::Decade => ("Y", 10, false),
            Unit::Century => ("Y", 100, false),
        }
    }
}

/// Month number of a full or abbreviated month name.
pub(crate) fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether a month word is an abbreviation (which may be followed by a period).
pub(crate) fn month_is_abbrev(w: &str) -> bool {
    w.len() <= 4 && !matches!(w, "may" | "june" | "july")
}

/// Weekday number, Monday = 1.
pub(crate) fn weekday(w: &str) -> Option<u32> {
    Some(match w {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        // Short forms that are no other English word ("mon", "wed", "sat", "sun" are).
        "tue" | "tues" => 2,
        "weds" => 3,
        "thu" | "thur" | "thurs" => 4,
        "fri" => 5,
        _ => return None,
    })
}

/// Short weekday forms that are other English words too ("mon", "wed", "sat", "sun"), which
/// [`weekday`] leaves out: weekdays only where a date confirms them.
pub(crate) fn weekday_word_form(w: &str) -> Option<u32> {
    Some(match w {
        "mon" => 1,
        "wed" => 3,
        "sat" => 6,
        "sun" => 7,
        _ => return None,
    })
}

/// A unit word, singular or plural.
pub(crate) fn unit(w: &str) -> Option<(Unit, bool)> {
    let (u, plural) = match w {
        "second" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" | "wk" => (Unit::Week, false),
        "weeks" | "wks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    };
    Some((u, plural))
}

/// Cardinal number words up to ninety-nine and a few round numbers.
pub(crate) fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        "nineteen-hundred" => 1900,
        _ => return None,
    })
}

/// Ordinal words and numerals as used for quarters, halves and days ("third", "3rd").
pub(crate) fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        _ => return None,
    })
}

/// Season code of a season word.
pub(crate) fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Part-of-day code of a word ("morning" → `MO`).
pub(crate) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "nite" => "NI",
        _ => return None,
    })
}

/// Words that mark the clause as future: the next occurrence of a weekday is meant.
pub(crate) fn future_cue(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "ll"
            | "shall"
            | "would"
            | "due"
            | "scheduled"
            | "expected"
            | "expect"
            | "expects"
            | "forecast"
            | "forecasts"
            | "plans"
            | "plan"
            | "planned"
            | "planning"
            | "upcoming"
            | "wo"
            | "payable"
            | "effective"
    )
}

/// Verbs that take "the day" as the span they close or open ("ending the day at 8,017",
/// "start the day with"): the day is then a date, the day reported.
pub(crate) fn day_bound_verb(w: &str) -> bool {
    matches!(
        w,
        "end"
            | "ends"
            | "ended"
            | "ending"
            | "finish"
            | "finishes"
            | "finished"
            | "finishing"
            | "start"
            | "starts"
            | "started"
            | "starting"
            | "begin"
            | "begins"
            | "began"
            | "beginning"
    )
}

/// Prepositions that put a time expression after them ("in '82", "since Sep", "until 1999",
/// "during August"): the members every rule that asks "does a preposition of time come
/// before?" shares; each rule adds its own (e.g. "of", "early", "mid").
pub(crate) fn time_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "through"
            | "from"
            | "during"
            | "before"
            | "after"
    )
}

/// Determiners and possessives before a noun ("the plan", "its forecast").
pub(crate) fn determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "this" | "that" | "s"
    )
}

/// Past-tense words that are cues even when capitalised (sentence-initial).
pub(crate) fn past_word(w: &str) -> bool {
    matches!(
        w,
        "was" | "were" | "had" | "did" | "said" | "ago" | "told" | "announced" | "last"
    )
}

/// Words that mark the clause as past.
pub(crate) fn past_cue(w: &str) -> bool {
    past_word(w)
        || (w.len() > 4
            && w.ends_with("ed")
            && !w.ends_with("eed")
            && !matches!(w, "hundred" | "wicked" | "sacred" | "naked")
            // "unspecified", "undisclosed", "unexpected": adjectives, not verbs.
            && !(w.starts_with("un")
                && ["ified", "osed", "cted", "amed", "nged", "ated"]
                    .iter()
                    .any(|e| w.ends_with(e))))
}

/// Nouns that name the people, things or ways of an era as a whole: after "today's" they
/// make it the present in general ("today's youth", "today's world"), not the DCT's day.
pub fn era_noun(w: &str) -> bool {
    matches!(
        w,
        "world"
            | "society"
            | "youth"
            | "generation"
            | "generations"
            | "children"
            | "kids"
            | "teenagers"
            | "culture"
            | "computers"
            | "technology"
            | "standards"
            | "dollars"
    )
}
