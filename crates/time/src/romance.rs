//! Calendar expressions in Spanish, French and Italian: day and month ("el 25 de enero de
//! 2011", "le 14 janvier", "il 1º marzo"), month and year ("febrero de 2011", "en janvier
//! 2012"), a month after a preposition ("en enero", "a gennaio"), years after a preposition
//! ("en 2011", "depuis 2012", "nel 2013"), day words (hoy/ayer/mañana, aujourd'hui/hier/
//! demain, oggi/ieri/domani) and weekdays.
//!
//! These are the expressions a timeline needs to date events in news written in those
//! languages; the English tagger's tense analysis is not reproduced: a month or day without
//! a year takes the DCT's year unless that puts it more than 60 days after the DCT (then the
//! year before), and a weekday is the latest such day on or before the DCT, which is what
//! past-tense news means by it.

use chrono::{Datelike, NaiveDate, TimeDelta};
use storyline_core::{Precision, Timex, TimexType};

/// The languages this module knows.
pub(crate) fn supports(language: &str) -> bool {
    matches!(language, "es" | "fr" | "it")
}

const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_IT: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];
const WEEKDAYS_ES: [&str; 7] = [
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];
const WEEKDAYS_FR: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const WEEKDAYS_IT: [&str; 7] = [
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
];

/// Words of one language.
struct Lexicon {
    months: &'static [&'static str; 12],
    weekdays: &'static [&'static str; 7],
    /// Joins day, month and year ("de" in "25 de enero de 2011").
    joiners: &'static [&'static str],
    /// Prepositions before a bare month or year ("en enero", "depuis 2012").
    before_period: &'static [&'static str],
    /// Articles before a weekday or a day number ("el martes", "le 14").
    articles: &'static [&'static str],
    today: &'static str,
    yesterday: &'static str,
    tomorrow: &'static str,
    /// Words before "tomorrow" that make it "morning" instead (Spanish "esta mañana").
    not_tomorrow_after: &'static [&'static str],
}

fn lexicon(language: &str) -> Option<Lexicon> {
    Some(match language {
        "es" => Lexicon {
            months: &MONTHS_ES,
            weekdays: &WEEKDAYS_ES,
            joiners: &["de", "del"],
            before_period: &["en", "desde", "hasta", "de", "del", "durante"],
            articles: &["el", "este", "pasado", "próximo"],
            today: "hoy",
            yesterday: "ayer",
            tomorrow: "mañana",
            not_tomorrow_after: &["la", "esta", "una", "cada", "de", "por", "toda"],
        },
        "fr" => Lexicon {
            months: &MONTHS_FR,
            weekdays: &WEEKDAYS_FR,
            joiners: &[],
            before_period: &["en", "depuis", "début", "fin", "mi", "de", "jusqu'en"],
            articles: &["le", "ce", "dernier"],
            today: "aujourd'hui",
            yesterday: "hier",
            tomorrow: "demain",
            not_tomorrow_after: &[],
        },
        "it" => Lexicon {
            months: &MONTHS_IT,
            weekdays: &WEEKDAYS_IT,
            joiners: &[],
            before_period: &["a", "in", "nel", "dal", "del", "di", "da", "al", "fino"],
            articles: &["il", "lo", "l'", "questo", "scorso"],
            today: "oggi",
            yesterday: "ieri",
            tomorrow: "domani",
            not_tomorrow_after: &[],
        },
        _ => return None,
    })
}

/// A word of the text: byte span and lower-cased form.
struct Word {
    start: usize,
    end: usize,
    lower: String,
}

/// Words: runs of letters and digits, with an inner apostrophe kept ("aujourd'hui") and
/// "1er"/"1º" ordinals kept whole.
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let inner_apostrophe = matches!(c, '\'' | '’')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphabetic());
        if c.is_alphanumeric() || c == 'º' || c == '°' || inner_apostrophe {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(word(text, s, i));
        }
    }
    if let Some(s) = start {
        out.push(word(text, s, text.len()));
    }
    out
}

fn word(text: &str, start: usize, end: usize) -> Word {
    Word {
        start,
        end,
        lower: text[start..end].to_lowercase().replace('’', "'"),
    }
}

fn day_number(w: &str) -> Option<u32> {
    let digits = w
        .strip_suffix("er")
        .or_else(|| w.strip_suffix('º'))
        .or_else(|| w.strip_suffix('°'))
        .unwrap_or(w);
    if w == "primo" {
        return Some(1);
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(w: &str) -> Option<i32> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    (1800..=2199).contains(&y).then_some(y)
}

fn month_number(lex: &Lexicon, w: &str) -> Option<u32> {
    let plain = w.replace(['é', 'è'], "e").replace('û', "u");
    lex.months
        .iter()
        .position(|m| *m == w || m.replace(['é', 'è'], "e").replace('û', "u") == plain)
        .map(|i| i as u32 + 1)
}

/// Monday = 0. Italian weekdays are also matched without their accent ("lunedi").
fn weekday_number(lex: &Lexicon, w: &str) -> Option<u32> {
    lex.weekdays
        .iter()
        .position(|d| *d == w || (d.ends_with('ì') && d.replace('ì', "i") == w))
        .map(|i| i as u32)
}

/// The year for a month (and day) written without one: the DCT's year, or the year before
/// when that would put it more than 60 days after the DCT.
fn year_for(dct: NaiveDate, month: u32, day: u32) -> Option<i32> {
    let y = dct.year();
    let cand = NaiveDate::from_ymd_opt(y, month, day.min(28))?;
    Some(if (cand - dct).num_days() > 60 {
        y - 1
    } else {
        y
    })
}

fn timex(
    text: &str,
    start: usize,
    end: usize,
    value: String,
    date: Option<NaiveDate>,
    precision: Precision,
    rule: &str,
) -> Timex {
    Timex {
        start,
        end,
        text: text[start..end].to_string(),
        kind: TimexType::Date,
        value,
        modifier: None,
        date,
        precision: date.map(|_| precision),
        rule: rule.to_string(),
    }
}

/// Tags the calendar expressions of a Spanish, French or Italian text against `dct`.
/// Returns nothing for other languages.
pub(crate) fn tag(text: &str, dct: Option<NaiveDate>, language: &str) -> Vec<Timex> {
    let Some(lex) = lexicon(language) else {
        return Vec::new();
    };
    let ws = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    let gap_ok = |a: &Word, b: &Word| {
        // only spaces, a comma or a period ("1er." is rare) between two words of a date
        text[a.end..b.start]
            .chars()
            .all(|c| c.is_whitespace() || c == ',')
    };
    // the index past a joining word ("de") at `k`, if there is one
    let past_joiner = |k: usize| {
        if ws
            .get(k)
            .is_some_and(|x| lex.joiners.contains(&x.lower.as_str()))
        {
            k + 1
        } else {
            k
        }
    };
    while i < ws.len() {
        let w = &ws[i];
        // day month [year]
        if let Some(day) = day_number(&w.lower) {
            let j = past_joiner(i + 1);
            if let Some(month) = ws.get(j).and_then(|x| month_number(&lex, &x.lower))
                && gap_ok(w, &ws[i + 1])
            {
                let mut end = ws[j].end;
                let k = past_joiner(j + 1);
                let year = ws.get(k).and_then(|x| year_number(&x.lower));
                if year.is_some() {
                    end = ws[k].end;
                }
                let y = year.or_else(|| dct.and_then(|d| year_for(d, month, day)));
                let date = y.and_then(|y| NaiveDate::from_ymd_opt(y, month, day));
                if let Some(d) = date {
                    out.push(timex(
                        text,
                        w.start,
                        end,
                        d.format("%Y-%m-%d").to_string(),
                        Some(d),
                        Precision::Day,
                        if year.is_some() {
                            "romance-day-month-year"
                        } else {
                            "romance-day-month"
                        },
                    ));
                } else if y.is_none() && NaiveDate::from_ymd_opt(2000, month, day).is_some() {
                    out.push(timex(
                        text,
                        w.start,
                        end,
                        format!("XXXX-{month:02}-{day:02}"),
                        None,
                        Precision::Day,
                        "romance-day-month",
                    ));
                }
                i = if year.is_some() { k + 1 } else { j + 1 };
                continue;
            }
        }
        // month [de] year, or a month after a preposition
        if let Some(month) = month_number(&lex, &w.lower) {
            let k = past_joiner(i + 1);
            let year = ws.get(k).and_then(|x| year_number(&x.lower));
            let after_preposition = i > 0
                && lex.before_period.contains(&ws[i - 1].lower.as_str())
                && gap_ok(&ws[i - 1], w);
            // "mayo", "mars", "marzo" are also ordinary words: a month alone needs a
            // preposition before it, a month with a year does not
            if year.is_some() || after_preposition {
                let (y, end, rule) = match year {
                    Some(y) => (Some(y), ws[k].end, "romance-month-year"),
                    None => (
                        dct.and_then(|d| year_for(d, month, 1)),
                        w.end,
                        "romance-month",
                    ),
                };
                let date = y.and_then(|y| NaiveDate::from_ymd_opt(y, month, 1));
                let value = match date {
                    Some(d) => d.format("%Y-%m").to_string(),
                    None => format!("XXXX-{month:02}"),
                };
                out.push(timex(
                    text,
                    w.start,
                    end,
                    value,
                    date,
                    Precision::Month,
                    rule,
                ));
                i = if year.is_some() { k + 1 } else { i + 1 };
                continue;
            }
        }
        // a year after a preposition
        if let Some(y) = year_number(&w.lower)
            && i > 0
            && lex.before_period.contains(&ws[i - 1].lower.as_str())
            && gap_ok(&ws[i - 1], w)
        {
            let date = NaiveDate::from_ymd_opt(y, 1, 1);
            out.push(timex(
                text,
                w.start,
                w.end,
                y.to_string(),
                date,
                Precision::Year,
                "romance-year",
            ));
            i += 1;
            continue;
        }
        // today / yesterday / tomorrow
        let shift = if w.lower == lex.today {
            Some(0)
        } else if w.lower == lex.yesterday {
            Some(-1)
        } else if w.lower == lex.tomorrow
            && !(i > 0 && lex.not_tomorrow_after.contains(&ws[i - 1].lower.as_str()))
        {
            Some(1)
        } else {
            None
        };
        if let Some(shift) = shift {
            let date = dct.map(|d| d + TimeDelta::days(shift));
            let value = date
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_else(|| "PRESENT_REF".to_string());
            out.push(timex(
                text,
                w.start,
                w.end,
                value,
                date,
                Precision::Day,
                "romance-day-word",
            ));
            i += 1;
            continue;
        }
        // a weekday after an article: the latest such day on or before the DCT
        if let Some(wd) = weekday_number(&lex, &w.lower)
            && i > 0
            && lex.articles.contains(&ws[i - 1].lower.as_str())
        {
            let (value, date) = match dct {
                Some(d) => {
                    let back = (d.weekday().num_days_from_monday() + 7 - wd) % 7;
                    let day = d - TimeDelta::days(back as i64);
                    (day.format("%Y-%m-%d").to_string(), Some(day))
                }
                None => (format!("XXXX-WXX-{}", wd + 1), None),
            };
            out.push(timex(
                text,
                w.start,
                w.end,
                value,
                date,
                Precision::Day,
                "romance-weekday",
            ));
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn values(text: &str, dct: NaiveDate, lang: &str) -> Vec<(String, String)> {
        tag(text, Some(dct), lang)
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn spanish_dates() {
        let dct = d(2011, 2, 12); // a Saturday
        assert_eq!(
            values(
                "El 25 de enero de 2011 comenzaron las protestas; el viernes dimitió Mubarak, \
                 ayer hubo fiestas y mañana habrá elecciones. Esta mañana, en febrero de 2011.",
                dct,
                "es"
            ),
            vec![
                pair("25 de enero de 2011", "2011-01-25"),
                pair("viernes", "2011-02-11"),
                pair("ayer", "2011-02-11"),
                pair("mañana", "2011-02-13"),
                pair("febrero de 2011", "2011-02"),
            ]
        );
        // a month-day without a year more than 60 days after the DCT is last year's
        assert_eq!(
            values("el 28 de diciembre", dct, "es"),
            vec![pair("28 de diciembre", "2010-12-28")]
        );
        // "mayo" alone is not a month; after "en" it is
        assert!(values("Mayo dijo que no", dct, "es").is_empty());
        assert_eq!(
            values("en mayo y desde 2009", dct, "es"),
            vec![pair("mayo", "2010-05"), pair("2009", "2009")]
        );
    }

    #[test]
    fn french_dates() {
        let dct = d(2012, 3, 1); // a Thursday, in a leap year
        assert_eq!(
            values(
                "Le 1er février 2012, puis le 29 février et en janvier. Aujourd'hui, hier, \
                 demain ; le jeudi ; depuis 2011.",
                dct,
                "fr"
            ),
            vec![
                pair("1er février 2012", "2012-02-01"),
                pair("29 février", "2012-02-29"),
                pair("janvier", "2012-01"),
                pair("Aujourd'hui", "2012-03-01"),
                pair("hier", "2012-02-29"),
                pair("demain", "2012-03-02"),
                pair("jeudi", "2012-03-01"),
                pair("2011", "2011"),
            ]
        );
        // "mars" alone (the planet, the month?) is left alone
        assert!(values("Mars est loin", dct, "fr").is_empty());
    }

    #[test]
    fn italian_dates() {
        let dct = d(2013, 1, 3); // a Thursday; December dates are last year's
        assert_eq!(
            values(
                "Il 1º dicembre e il 17 febbraio 2011; oggi e ieri; nel 2012; a gennaio; \
                 lunedì scorso, il lunedì.",
                dct,
                "it"
            ),
            vec![
                pair("1º dicembre", "2012-12-01"),
                pair("17 febbraio 2011", "2011-02-17"),
                pair("oggi", "2013-01-03"),
                pair("ieri", "2013-01-02"),
                pair("2012", "2012"),
                pair("gennaio", "2013-01"),
                pair("lunedì", "2012-12-31"),
            ]
        );
    }

    proptest::proptest! {
        /// Any text built from date words, numbers, apostrophes and odd characters: no
        /// panic, spans on character boundaries and inside the text, in text order.
        #[test]
        fn any_text_is_safe(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "el", "de", "25", "1er", "1º", "31", "enero", "février", "marzo", "2011",
                    "hoy", "aujourd'hui", "aujourd’hui", "lunedì", "le", "en", "mañana", "ß",
                    "é", ",", ".", "’", "'", "\u{200b}", "9999", "0", "29", "février",
                ]),
                0..24,
            ),
            lang in proptest::sample::select(vec!["es", "fr", "it"]),
            day in 0i64..20_000,
        ) {
            let text = parts.join(" ");
            let dct = d(1990, 1, 1) + TimeDelta::days(day);
            let t = tag(&text, Some(dct), lang);
            let mut last = 0;
            for x in &t {
                proptest::prop_assert!(x.start < x.end && x.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(x.start) && text.is_char_boundary(x.end));
                proptest::prop_assert!(x.start >= last);
                last = x.end;
            }
            let _ = tag(&text, None, lang);
        }
    }

    #[test]
    fn tag_in_prefers_the_language_rules_where_they_overlap_the_english_ones() {
        let text = "Las protestas del 5 de marzo de 2011 siguieron en 2012.";
        let dct = Some(d(2012, 6, 1));
        let es: Vec<(String, String)> = crate::tag_in(text, dct, Some("es"))
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect();
        assert_eq!(
            es,
            vec![
                pair("5 de marzo de 2011", "2011-03-05"),
                pair("2012", "2012")
            ]
        );
        let en = crate::tag_in(text, dct, Some("en"));
        assert!(en.iter().all(|t| t.value != "2011-03-05"), "{en:?}");
        assert_eq!(crate::tag_in(text, dct, None), crate::tag(text, dct));
    }

    #[test]
    fn no_dct_leaves_the_year_open_and_bad_input_is_safe() {
        let t = tag("el 5 de marzo", None, "es");
        assert_eq!(t[0].value, "XXXX-03-05");
        assert!(t[0].date.is_none());
        assert!(tag("el 31 de febrero", Some(d(2011, 3, 1)), "es").is_empty());
        assert!(tag("el 5 de marzo", Some(d(2011, 3, 1)), "en").is_empty());
        for s in ["", "’", "1º", "de de de 2011", "le 1er", "l'"] {
            let _ = tag(s, Some(d(2011, 3, 1)), "fr");
            let _ = tag(s, Some(d(2011, 3, 1)), "es");
            let _ = tag(s, Some(d(2011, 3, 1)), "it");
        }
    }
}
