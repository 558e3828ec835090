//! Claims and figures: numbers with their qualifier ("at least", "more than", "about"),
//! value range, unit, what they count, place words and who asserts them; words and fractions
//! are normalised ("two thirds" = 66.7%, "dozens" = 24–99, "seven-day" is a duration, not a
//! count). [`compare_figures`] compares the figures of different articles about the same thing
//! (same topic, same kind of thing counted, compatible places): identical figures are an
//! agreement and are not reported; overlapping ranges are a compatible difference; a figure
//! that grows between publication dates is an update; anything else is a contradiction.
//! [`opposite_statements`] finds statements by different speakers where one negates what the
//! other asserts (captured / has not fallen; inspected / not inspected since 2021).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;
use storyline_core::{ArticleIdx, Corpus, Disagreement, DisagreementKind, Position};

use crate::lexicon;

/// A figure read from a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The figure as written ("more than 70 percent").
    pub text: String,
    /// Qualifier, normalised ("more than" for "over"), when present.
    pub qualifier: Option<String>,
    /// The number as read (70, 1200, 66.67 for "two thirds").
    pub value: f64,
    /// Lowest value compatible with the figure.
    pub low: f64,
    /// Highest value compatible with the figure.
    pub high: f64,
    /// `percent` or `count`.
    pub unit: &'static str,
    /// What it counts, normalised (`people`, `children`, `civilians`, `territory`, …).
    pub counts: String,
    /// Topic from the words around it (`deaths`, `evacuated`, `territory held`, …).
    pub topic: Option<&'static str>,
    /// Byte offset in the sentence.
    pub start: usize,
}

fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let words = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|a thousand|a dozen";
        let fr = "two[- ]thirds|three[- ]quarters|one[- ]third|a third|a quarter|half";
        Regex::new(&format!(
            r"(?i)\b(?P<q>at least|more than|over|about|some|nearly|almost|around|up to|less than|fewer than|roughly|approximately|just over|just under|under|above|as many as|an estimated)?\s*(?P<n>\d[\d,]*(?:\.\d+)?|tens of thousands|hundreds of thousands|dozens|hundreds|thousands|{fr}|{words})(?P<m>\s+million|\s+billion|\s+thousand|\s+hundred)?(?P<p>\s*%|\s+percent|\s+per cent)?(?P<h>-\w+)?\b"
        ))
        .expect("valid regex")
    })
}

const TOPICS: &[(&str, &[&str])] = &[
    (
        "deaths",
        &[
            "killed", "dead", "died", "death", "deaths", "bodies", "lives", "toll", "kill",
        ],
    ),
    ("injured", &["injured", "wounded", "hurt"]),
    (
        "evacuated",
        &[
            "evacuated",
            "evacuation",
            "displaced",
            "homes",
            "home",
            "homeless",
            "fled",
            "evacuees",
        ],
    ),
    ("rescues", &["rescues", "rescued"]),
    ("trapped", &["trapped", "besieged", "siege"]),
    ("arrested", &["arrested", "detained"]),
];

/// The topic of a figure: the nearest topic word within ten words before or eight after.
fn topic_of(before: &str, after: &str) -> Option<&'static str> {
    let split = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let b = split(before);
    let a = split(after);
    let mut best: Option<(usize, &'static str)> = None;
    let mut consider = |dist: usize, w: &str| {
        for (topic, words) in TOPICS {
            if words.contains(&w) && best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, topic));
            }
        }
    };
    for (d, w) in b.iter().rev().take(10).enumerate() {
        consider(d + 3, w);
    }
    for (d, w) in a.iter().take(8).enumerate() {
        consider(d + 1, w);
    }
    best.map(|(_, t)| t)
}

fn counted(after: &str) -> String {
    let words: Vec<String> = after
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(4)
        .map(|w| w.to_lowercase())
        .collect();
    for w in &words {
        let class = match w.as_str() {
            "people" | "persons" | "residents" | "inhabitants" | "villagers" | "person"
            | "others" => "people",
            "civilians" | "civilian" => "civilians",
            "children" | "child" | "minors" => "children",
            "fighters" | "soldiers" | "troops" | "militants" | "rebels" => "fighters",
            "houses" | "homes" | "buildings" => "houses",
            "rescues" => "rescues",
            "hours" | "days" | "weeks" | "months" | "years" | "minutes" | "hour" | "day"
            | "week" | "month" | "year" => "duration",
            "millimetres" | "millimeters" | "mm" | "kilometres" | "kilometers" | "km"
            | "metres" | "meters" | "crowns" | "dollars" | "euros" | "votes" => "measure",
            _ => continue,
        };
        return class.to_string();
    }
    String::new()
}

/// Reads the figures of a sentence.
pub fn find_figures(sentence: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    for c in number_re().captures_iter(sentence) {
        let Some(all) = c.get(0) else { continue };
        let Some(n) = c.name("n") else { continue };
        if c.name("h").is_some() {
            continue; // "seven-day", "9-kilometre": a modifier, not a count
        }
        let raw = n.as_str().to_lowercase();
        let before = &sentence[..all.start()].to_lowercase();
        let after = &sentence[all.end()..];
        if before.trim_end().ends_with("up from") || before.trim_end().ends_with("down from") {
            continue;
        }
        if after.trim_start().to_lowercase().starts_with("more ") {
            continue; // "two more bodies": an increment
        }
        let (mut low, mut high, value);
        let fraction = lexicon::FRACTIONS
            .iter()
            .find(|(w, _)| *w == raw.replace('-', " ") || *w == raw);
        let mut unit = "count";
        if let Some((_, f)) = fraction {
            value = f * 100.0;
            unit = "percent";
        } else if let Some((_, v)) = lexicon::NUMBER_WORDS.iter().find(|(w, _)| *w == raw) {
            value = *v;
        } else if raw.contains("of thousands")
            || raw == "dozens"
            || raw == "hundreds"
            || raw == "thousands"
        {
            let (l, h) = match raw.as_str() {
                "dozens" => (24.0, 99.0),
                "hundreds" => (200.0, 999.0),
                "thousands" => (2000.0, 9999.0),
                "tens of thousands" => (20000.0, 99999.0),
                _ => (200000.0, 999999.0),
            };
            out.push(Figure {
                text: all.as_str().trim().to_string(),
                qualifier: None,
                value: l,
                low: l,
                high: h,
                unit,
                counts: counted(after),
                topic: None,
                start: all.start(),
            });
            continue;
        } else {
            match raw.replace(',', "").parse::<f64>() {
                Ok(v) => value = v,
                Err(_) => continue,
            }
            // years
            if c.name("q").is_none()
                && c.name("p").is_none()
                && !raw.contains(',')
                && (1900.0..=2100.0).contains(&value)
                && value.fract() == 0.0
            {
                continue;
            }
        }
        let mut value = value;
        if let Some(m) = c.name("m") {
            value *= match m.as_str().trim() {
                "million" => 1e6,
                "billion" => 1e9,
                "thousand" => 1e3,
                _ => 100.0,
            };
        }
        if c.name("p").is_some() {
            unit = "percent";
        }
        let q = c.name("q").map(|q| q.as_str().to_lowercase());
        let qualifier = q.as_deref().map(|q| match q {
            "over" | "above" | "just over" => "more than",
            "some" | "around" | "roughly" | "approximately" | "an estimated" => "about",
            "almost" | "just under" => "nearly",
            "fewer than" | "under" => "less than",
            "as many as" => "up to",
            other => other,
        });
        (low, high) = (value, value);
        match qualifier {
            Some("at least") | Some("more than") => high = f64::INFINITY,
            Some("about") => {
                low = value * 0.9;
                high = value * 1.1;
            }
            Some("nearly") => low = value * 0.85,
            Some("up to") | Some("less than") => low = 0.0,
            _ => {}
        }
        let mut counts = counted(after);
        if unit == "percent" {
            counts = "share".to_string();
        }
        if counts == "duration" || counts == "measure" {
            continue;
        }
        let topic = if unit == "percent" {
            let lw = sentence.to_lowercase();
            if ["control", "held", "hold", "captur", "seiz", "retak"]
                .iter()
                .any(|w| lw.contains(w))
            {
                // whose share: the last side named before the figure
                let side = [
                    "rebel",
                    "opposition",
                    "government",
                    "army",
                    "regime",
                    "troops",
                    "forces",
                ]
                .iter()
                .filter_map(|w| before.rfind(w).map(|p| (p, *w)))
                .max()
                .map(|(_, w)| w);
                Some(match side {
                    Some("rebel") | Some("opposition") => "territory held by rebels",
                    _ => "territory held by the government",
                })
            } else {
                None
            }
        } else {
            topic_of(&sentence[..all.start()], after)
        };
        if counts.is_empty() && topic.is_some() {
            counts = "people".to_string();
        }
        out.push(Figure {
            text: all.as_str().trim().to_string(),
            qualifier: qualifier.map(str::to_string),
            value,
            low,
            high,
            unit,
            counts,
            topic,
            start: all.start(),
        });
    }
    out
}

fn format_value(v: f64) -> String {
    if v.fract().abs() > 1e-9 {
        return format!("{v:.1}");
    }
    let s = format!("{}", v as i64);
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 && c.is_ascii_digit() {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The normalised claim of a figure: "more than 70%", "about 1,200 people".
pub fn claim(f: &Figure) -> String {
    let mut s = String::new();
    if let Some(q) = &f.qualifier {
        s.push_str(q);
        s.push(' ');
    }
    if f.unit == "percent" {
        s.push_str(&format_value(f.value));
        s.push('%');
    } else {
        s.push_str(&format_value(f.value));
        if !f.counts.is_empty() {
            s.push(' ');
            s.push_str(&f.counts);
        }
    }
    s
}

/// A figure of a story with where it was read.
#[derive(Debug, Clone)]
pub struct Sighting {
    /// The figure.
    pub figure: Figure,
    /// Article it was read in.
    pub article: ArticleIdx,
    /// Publication date of the article.
    pub date: Option<NaiveDate>,
    /// The sentence.
    pub sentence: String,
    /// Place words of the sentence (places not common to the whole story, and directions).
    pub places: BTreeSet<String>,
    /// Who asserts it, when stated.
    pub asserted_by: Option<String>,
}

fn overlaps(a: &Figure, b: &Figure) -> bool {
    a.low <= b.high + 1e-9 && b.low <= a.high + 1e-9
}

/// Compares figures across articles (see the module documentation).
pub fn compare_figures(corpus: &Corpus, sightings: &[Sighting]) -> Vec<Disagreement> {
    let mut by_key: BTreeMap<(&str, &str), Vec<&Sighting>> = BTreeMap::new();
    for s in sightings {
        if let Some(t) = s.figure.topic {
            by_key
                .entry((t, s.figure.counts.as_str()))
                .or_default()
                .push(s);
        }
    }
    let mut out = Vec::new();
    for ((topic, counts), list) in by_key {
        // connected components of comparable sightings
        let n = list.len();
        // an article with several different figures for the topic reports several things:
        // its figures are only matched to sentences that say nearly the same
        let mut per_article: BTreeMap<ArticleIdx, BTreeSet<String>> = BTreeMap::new();
        for s in &list {
            per_article
                .entry(s.article)
                .or_default()
                .insert(claim(&s.figure));
        }
        let stems: Vec<BTreeSet<String>> = list
            .iter()
            .map(|s| {
                crate::quotes::stems(&s.sentence)
                    .into_iter()
                    .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
                    .collect()
            })
            .collect();
        let mut comp: Vec<usize> = (0..n).collect();
        for a in 0..n {
            for b in a + 1..n {
                let (x, y) = (list[a], list[b]);
                let disjoint =
                    !x.places.is_empty() && !y.places.is_empty() && x.places.is_disjoint(&y.places);
                let ambiguous = per_article.get(&x.article).is_some_and(|c| c.len() > 1)
                    || per_article.get(&y.article).is_some_and(|c| c.len() > 1);
                let similar = crate::quotes::overlap(&stems[a], &stems[b]) >= 0.5;
                if x.article != y.article && !disjoint && (!ambiguous || similar) {
                    let (ca, cb) = (comp[a], comp[b]);
                    for c in comp.iter_mut() {
                        if *c == cb {
                            *c = ca;
                        }
                    }
                }
            }
        }
        let roots: BTreeSet<usize> = comp.iter().copied().collect();
        for r in roots {
            let members: Vec<&Sighting> =
                (0..n).filter(|&i| comp[i] == r).map(|i| list[i]).collect();
            let articles: BTreeSet<ArticleIdx> = members.iter().map(|s| s.article).collect();
            if articles.len() < 2 {
                continue;
            }
            let claims: BTreeSet<String> = members.iter().map(|s| claim(&s.figure)).collect();
            if claims.len() < 2 {
                continue; // every outlet gives the same figure: agreement
            }
            let mut conflict = false;
            let mut update = true;
            for a in &members {
                for b in &members {
                    if a.article == b.article || overlaps(&a.figure, &b.figure) {
                        continue;
                    }
                    conflict = true;
                    let grows = match (a.date, b.date) {
                        (Some(da), Some(db)) => {
                            da < db && a.figure.high < b.figure.low
                                || db < da && b.figure.high < a.figure.low
                        }
                        _ => false,
                    };
                    if !grows {
                        update = false;
                    }
                }
            }
            let kind = match (conflict, update) {
                (false, _) => DisagreementKind::Compatible,
                (true, true) => DisagreementKind::Update,
                (true, false) => DisagreementKind::Contradiction,
            };
            // positions by claim, in date order
            let mut positions: Vec<(Option<NaiveDate>, Position)> = Vec::new();
            for s in &members {
                let c = claim(&s.figure);
                let src = corpus.source(s.article);
                if let Some((_, p)) = positions.iter_mut().find(|(_, p)| p.claim == c) {
                    if !p.sources.contains(&src) {
                        p.sources.push(src);
                    }
                    if p.asserted_by.is_none() {
                        p.asserted_by = s.asserted_by.clone();
                    }
                } else {
                    positions.push((
                        s.date,
                        Position {
                            claim: c,
                            text: s.sentence.clone(),
                            asserted_by: s.asserted_by.clone(),
                            sources: vec![src],
                        },
                    ));
                }
            }
            positions.sort_by_key(|(d, _)| *d);
            let what = if counts == "share" || counts == "people" {
                String::new()
            } else {
                format!(" ({counts})")
            };
            out.push(Disagreement {
                topic: format!("{topic}{what}"),
                kind,
                positions: positions.into_iter().map(|(_, p)| p).collect(),
            });
        }
    }
    out
}

/// A statement made by a speaker in an article, for [`opposite_statements`].
#[derive(Debug, Clone)]
pub struct Statement {
    /// Article.
    pub article: ArticleIdx,
    /// Canonical speaker.
    pub speaker: String,
    /// What was said.
    pub text: String,
    /// Byte offset in the article, to find neighbours.
    pub start: usize,
}

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "n't", "nothing", "yet", "without", "nor",
];

fn predicate_stems(text: &str) -> Vec<(String, bool)> {
    // (stem, negated)
    let analyzer = storyline_text::Analyzer::new("en");
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if crate::is_stop(w) || w.chars().all(|c| c.is_numeric()) {
            continue;
        }
        let mut stem = analyzer
            .stems(w)
            .into_iter()
            .next()
            .unwrap_or_else(|| w.clone());
        // synonyms of taking ground
        if [
            "fallen", "fell", "fall", "seiz", "taken", "retaken", "retook", "overrun", "captur",
            "took",
        ]
        .iter()
        .any(|s| stem.starts_with(s) || w == s)
        {
            stem = "captur".to_string();
        }
        if stem.starts_with("inspect") {
            stem = "inspect".to_string();
        }
        let negated = words[i.saturating_sub(3)..i]
            .iter()
            .any(|p| NEGATIONS.contains(&p.as_str()) || p.ends_with("n't") || p.ends_with("n’t"));
        out.push((stem, negated));
    }
    out
}

/// Statements by different speakers where one negates a predicate the other asserts about
/// the same thing: a contradiction with one position per speaker.
pub fn opposite_statements(corpus: &Corpus, statements: &[Statement]) -> Vec<Disagreement> {
    const PREDICATES: &[&str] = &[
        "captur", "inspect", "cancel", "agre", "kill", "confirm", "control", "attack", "open",
        "close",
    ];
    let analysed: Vec<Vec<(String, bool)>> = statements
        .iter()
        .map(|s| predicate_stems(&s.text))
        .collect();
    // predicate → (speaker, negated) → statement indexes
    let mut found: BTreeMap<String, BTreeMap<(bool, String), Vec<usize>>> = BTreeMap::new();
    for (a, sa) in statements.iter().enumerate() {
        for (b, sb) in statements.iter().enumerate() {
            if sa.speaker == sb.speaker || a == b {
                continue;
            }
            for (stem, neg_a) in &analysed[a] {
                if *neg_a || !PREDICATES.contains(&stem.as_str()) {
                    continue;
                }
                if !analysed[b].iter().any(|(s, n)| s == stem && *n) {
                    continue;
                }
                // same thing: another shared content stem, or neighbouring statements
                let ca: BTreeSet<&String> = analysed[a]
                    .iter()
                    .map(|(s, _)| s)
                    .filter(|s| *s != stem)
                    .collect();
                let shared: BTreeSet<&String> = analysed[b]
                    .iter()
                    .map(|(s, _)| s)
                    .filter(|s| *s != stem && ca.contains(s))
                    .collect();
                // statements apart need two shared stems: one generic word ("areas" in "the
                // Handarat camp was only taken because it is in an open area" and "those
                // areas had not yet fallen") does not make them about the same thing
                let adjacent = sa.article == sb.article && a.abs_diff(b) == 1;
                if shared.len() >= 2 || adjacent {
                    let e = found.entry(stem.clone()).or_default();
                    let pa = e.entry((false, sa.speaker.clone())).or_default();
                    if !pa.contains(&a) {
                        pa.push(a);
                    }
                    let pb = e.entry((true, sb.speaker.clone())).or_default();
                    if !pb.contains(&b) {
                        pb.push(b);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    for (stem, mut sides) in found {
        // a speaker on both sides (a statement that negates and asserts) counts as negating
        let negators: Vec<String> = sides
            .keys()
            .filter(|(n, _)| *n)
            .map(|(_, s)| s.clone())
            .collect();
        for sp in negators {
            sides.remove(&(false, sp));
        }
        if sides.len() < 2 {
            continue;
        }
        let mut positions = Vec::new();
        for ((negated, speaker), idx) in sides {
            let mut sources = Vec::new();
            for &i in &idx {
                let s = corpus.source(statements[i].article);
                if !sources.contains(&s) {
                    sources.push(s);
                }
            }
            positions.push(Position {
                claim: format!("{}{}", if negated { "not " } else { "" }, verb_name(&stem)),
                text: idx
                    .first()
                    .map(|&i| statements[i].text.clone())
                    .unwrap_or_default(),
                asserted_by: Some(speaker),
                sources,
            });
        }
        out.push(Disagreement {
            topic: format!("whether {}", verb_name(&stem)),
            kind: DisagreementKind::Contradiction,
            positions,
        });
    }
    out
}

fn verb_name(stem: &str) -> String {
    match stem {
        "captur" => "captured".into(),
        "inspect" => "inspected".into(),
        "cancel" => "cancelled".into(),
        "agre" => "agreed".into(),
        "kill" => "killed".into(),
        "confirm" => "confirmed".into(),
        "control" => "controlled".into(),
        "attack" => "attacked".into(),
        "open" => "opened".into(),
        "close" => "closed".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_with_qualifiers_and_words() {
        let f =
            find_figures("government forces, who have captured over two thirds of eastern Aleppo");
        assert_eq!(f.len(), 1);
        assert_eq!(claim(&f[0]), "more than 66.7%");
        assert_eq!(f[0].topic, Some("territory held by the government"));
        let f = find_figures("forcing the evacuation of about 1,200 residents, officials said");
        assert_eq!(claim(&f[0]), "about 1,200 people");
        assert_eq!(f[0].topic, Some("evacuated"));
        let f = find_figures("a seven-day ceasefire in 2016 after 24 hours");
        assert!(f.is_empty(), "{f:?}");
        let f = find_figures(
            "Three people have now died, up from two reported a day earlier, and two more bodies",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].value, 3.0);
        let f = find_figures("penning rebels in to less than 30 percent of territory they held");
        assert_eq!(f[0].topic, Some("territory held by rebels"));
        let f = find_figures("Dozens of people were killed");
        assert_eq!((f[0].low, f[0].high), (24.0, 99.0));
    }

    #[test]
    fn statements_apart_sharing_one_generic_word_are_not_opposed() {
        // seeds 002 and 003: "those areas had not yet fallen" is about SANA's districts, not
        // about the Handarat camp "taken because it is in an open area"
        let mut corpus = Corpus::default();
        for id in ["002", "003"] {
            corpus
                .articles
                .push(storyline_core::Article::new(id, "text"));
        }
        let st = |article, speaker: &str, text: &str, start| Statement {
            article,
            speaker: speaker.into(),
            text: text.into(),
            start,
        };
        let statements = vec![
            st(
                0,
                "SANA",
                "government forces had also captured the adjoining Qaterji district and the Merjeh and Sheikh Lutfi areas further south",
                0,
            ),
            st(
                0,
                "Rami Abdel Rahman",
                "those areas had not yet fallen, but parts of them were exposed to the regime's firepower",
                100,
            ),
            st(
                1,
                "Baraa al-Halabi",
                "the Handarat camp was only taken because it is in an open area",
                0,
            ),
        ];
        let d = opposite_statements(&corpus, &statements);
        assert_eq!(d.len(), 1, "{d:?}");
        let speakers: Vec<_> = d[0]
            .positions
            .iter()
            .filter_map(|p| p.asserted_by.clone())
            .collect();
        assert_eq!(speakers, ["SANA", "Rami Abdel Rahman"], "{d:?}");
    }
}
