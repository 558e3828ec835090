//! Named entities by rules: capitalised spans, cut at titles ("Foreign Minister Sergei
//! Lavrov" → person "Sergei Lavrov" with titles foreign, minister), typed by organisation
//! heads and following cues ("… faction"), location heads, cues and a gazetteer, first names,
//! titles and document-level propagation (a bare "Lavrov" is the person "Sergei Lavrov").
//! [`EntityIndex`] merges the spelling variants of a story (Sergei / Sergey Lavrov,
//! Abdel-Rahman / Abdel Rahman, "the Observatory" = the Syrian Observatory for Human Rights).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::lexicon::{self, has};

/// The type of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation.
    Organization,
    /// A place.
    Location,
}

impl EntityKind {
    /// The briefing name of the kind: `person`, `organization` or `location`.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
        }
    }
}

/// One mention of a named entity in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the mention.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The mention as written, words shouted in capitals in their usual case ("BARACK
    /// OBAMA:" is "Barack Obama"; see `usual_case`): its byte length is that of the span.
    pub text: String,
    /// Its type.
    pub kind: EntityKind,
    /// Titles and roles written before a person's name, lowercased ("german", "chancellor").
    pub titles: Vec<String>,
}

/// A word of the text with its byte span.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Only white space separates it from the previous word.
    pub joined: bool,
    /// First word of a sentence (after `.`, `!`, `?`, a line break, or at the start).
    pub initial: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits text into words: letters and digits, with inner hyphens, apostrophes and the dots
/// of abbreviations ("U.S.", "N.V.") kept; possessive `'s` is left out.
pub(crate) fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut gap_clean = true;
    let mut sentence_start = true;
    let mut straight_quotes = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if !is_word_char(c) {
            if !c.is_whitespace() {
                gap_clean = false;
            }
            // a quotation opens with a capital like a sentence ("saying, “Stop me if …”")
            let opening = match c {
                '“' | '`' | '‘' => true,
                '"' => {
                    straight_quotes += 1;
                    straight_quotes % 2 == 1
                }
                _ => false,
            };
            if matches!(c, '.' | '!' | '?' | '\n' | ':' | ';') || opening {
                sentence_start = true;
            }
            i += 1;
            continue;
        }
        let start = pos;
        let mut j = i;
        while j < chars.len() {
            let (_, cj) = chars[j];
            if is_word_char(cj) {
                j += 1;
                continue;
            }
            let next_is_word = chars.get(j + 1).is_some_and(|&(_, n)| is_word_char(n));
            if matches!(cj, '-' | '\'' | '’') && next_is_word {
                // keep possessive 's out of the word
                let after = chars.get(j + 2).map(|&(_, n)| n);
                if matches!(cj, '\'' | '’')
                    && chars.get(j + 1).is_some_and(|&(_, n)| n == 's')
                    && !after.is_some_and(is_word_char)
                {
                    break;
                }
                j += 1;
                continue;
            }
            // abbreviation dots: single letters separated by dots (U.S., N.V.)
            if cj == '.'
                && next_is_word
                && j == i + 1
                && chars.get(j + 2).is_some_and(|&(_, n)| n == '.')
            {
                j += 1;
                continue;
            }
            break;
        }
        let mut end = chars.get(j).map(|&(p, _)| p).unwrap_or(text.len());
        // trailing abbreviation dot of "U.S." / "N.V."
        if text[start..end].contains('.') && text[end..].starts_with('.') {
            end += 1;
            j += 1;
        }
        out.push(Word {
            start,
            end,
            text: &text[start..end],
            joined: gap_clean,
            initial: sentence_start,
        });
        sentence_start = false;
        gap_clean = true;
        i = j;
    }
    out
}

fn is_capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => true,
        // al-Assad, el-Sisi, bin Laden style particles with a capitalised rest
        Some(_) => {
            let lower = w.to_lowercase();
            [
                "al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-",
            ]
            .iter()
            .any(|p| lower.starts_with(p) && w[p.len()..].starts_with(char::is_uppercase))
        }
        None => false,
    }
}

/// A word of two letters or more written wholly in capitals ("CNN", "BARACK", "AT&T").
pub(crate) fn all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
}

/// A word written wholly in capitals that may be shouted rather than an acronym by nature:
/// two letters or more, no digit and no abbreviation dot ("H1N1", "U.S." are written so).
fn shouted_candidate(w: &str) -> bool {
    all_caps(w) && !w.contains(|c: char| c.is_ascii_digit() || c == '.')
}

/// A word in title case: the first letter of each hyphenated part in capitals, and the letter
/// after a one-letter prefix and an apostrophe ("O'NEILL" → "O'Neill", "KI-MOON" → "Ki-Moon").
fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut part_len = 0;
    let mut upper_next = true;
    for c in w.chars() {
        if upper_next && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            upper_next = false;
        } else {
            out.extend(c.to_lowercase());
        }
        if c == '-' {
            upper_next = true;
            part_len = 0;
        } else if matches!(c, '\'' | '’') {
            upper_next = part_len == 1;
            part_len = 0;
        } else {
            part_len += 1;
        }
    }
    out
}

/// The text with words shouted in capitals (transcript speaker labels "CARL AZUZ, CNN
/// STUDENT NEWS ANCHOR:", "PROTESTERS:", headlines) written in their usual case, so that
/// they are read and named like the same words elsewhere ("BARACK OBAMA" is "Barack
/// Obama", "PROTESTERS" the common noun "protesters"). The usual case is the one the text
/// uses for the word elsewhere; acronyms (a word in capitals that the text also uses alone
/// among words in lower case, like "CNN", or that has no other spelling) stay. Within a run of
/// two or more words in capitals, a word with no other spelling takes the case of the
/// nearest word in the run that has one (a name among names, a common word among common
/// words), or title case. Every word keeps its byte length, so offsets into the text hold.
pub(crate) fn usual_case(text: &str) -> std::borrow::Cow<'_, str> {
    let ws = words(text);
    let mut caps: Vec<bool> = ws.iter().map(|w| shouted_candidate(w.text)).collect();
    if !caps.iter().any(|&c| c) {
        return std::borrow::Cow::Borrowed(text);
    }
    // "THIS IS A RUSH TRANSCRIPT": a one-letter word between words in capitals is shouted too
    for k in 1..ws.len().saturating_sub(1) {
        if matches!(ws[k].text, "A" | "I") && caps[k - 1] && caps[k + 1] {
            caps[k] = true;
        }
    }
    // runs of words in capitals on one line
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        if !caps[k] {
            k += 1;
            continue;
        }
        let mut j = k + 1;
        while j < ws.len() && caps[j] && !text[ws[j - 1].end..ws[j].start].contains('\n') {
            j += 1;
        }
        runs.push((k, j));
        k = j;
    }
    // spellings of each word elsewhere: in lower case, mixed case (not sentence-initial), and
    // in capitals standing alone (an acronym)
    let mut lower: HashMap<String, usize> = HashMap::new();
    let mut mixed: HashMap<String, BTreeMap<&str, usize>> = HashMap::new();
    let mut alone: BTreeSet<String> = BTreeSet::new();
    for (k, w) in ws.iter().enumerate() {
        if caps[k] {
            continue;
        }
        if !w.text.chars().any(char::is_uppercase) {
            *lower.entry(w.text.to_lowercase()).or_default() += 1;
        } else if !w.initial
            && w.text.starts_with(char::is_uppercase)
            && w.text.chars().any(char::is_lowercase)
        {
            *mixed
                .entry(w.text.to_lowercase())
                .or_default()
                .entry(w.text)
                .or_default() += 1;
        }
    }
    for &(i, j) in &runs {
        if j == i + 1 {
            alone.insert(ws[i].text.to_lowercase());
        }
    }
    // (spelling, count) of the most frequent mixed-case spelling
    let mixed_of = |key: &str| -> Option<(&str, usize)> {
        let m = mixed.get(key)?;
        let total = m.values().sum();
        m.iter()
            .max_by_key(|(s, n)| (**n, std::cmp::Reverse(**s)))
            .map(|(s, _)| (*s, total))
    };
    #[derive(Clone, Copy, PartialEq)]
    enum Case {
        Keep,
        Lower,
        Mixed,
        Unknown,
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut put = |out: &mut String, w: &Word<'_>, new: String| {
        if new.len() == w.text.len() && new != w.text {
            out.push_str(&text[at..w.start]);
            out.push_str(&new);
            at = w.end;
        }
    };
    for &(i, j) in &runs {
        let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
        if j == i + 1 {
            // one word in capitals among others: a name the text writes otherwise
            // ("AZUZ:", "ELBARADEI"), a common word of five letters or more written only
            // in lower case ("PROTESTERS:"); else an acronym ("CNN", "WHO", "US")
            let w = &ws[i];
            let key = w.text.to_lowercase();
            let l = lower.get(&key).copied().unwrap_or(0);
            match mixed_of(&key) {
                Some((m, _)) if l == 0 => put(&mut out, w, m.to_string()),
                None if l > 0 && letters(w.text) >= 5 => put(&mut out, w, key),
                _ => {}
            }
            continue;
        }
        let cases: Vec<(Case, Option<String>)> = (i..j)
            .map(|k| {
                let key = ws[k].text.to_lowercase();
                let l = lower.get(&key).copied().unwrap_or(0);
                let m = mixed_of(&key);
                match m {
                    _ if ws[k].text == "I" => (Case::Keep, None),
                    Some((s, _)) if l == 0 => (Case::Mixed, Some(s.to_string())),
                    _ if alone.contains(&key) || has(lexicon::PLACES, &key) => (Case::Keep, None),
                    Some((s, n)) if n >= l => (Case::Mixed, Some(s.to_string())),
                    _ if l > 0 || crate::is_stop(&key) => (Case::Lower, Some(key)),
                    _ => (Case::Unknown, None),
                }
            })
            .collect();
        for (n, (case, spelling)) in cases.iter().enumerate() {
            let w = &ws[i + n];
            let new = match case {
                Case::Keep => continue,
                Case::Lower | Case::Mixed => spelling.clone().unwrap_or_default(),
                Case::Unknown => {
                    // the nearest word of the run with a known case that is not a function
                    // word ("SECRETARY OF STATE": "of" tells nothing), within the same
                    // stretch of words ("HOSSAM ZAKI, FOREIGN MINISTRY SPOKESMAN": the
                    // comma ends the name)
                    let stretch =
                        |a: usize, b: usize| (a.min(b) + 1..=a.max(b)).all(|x| ws[i + x].joined);
                    let informative = |x: &usize| {
                        matches!(cases[*x].0, Case::Lower | Case::Mixed)
                            && !crate::is_stop(&ws[i + *x].text.to_lowercase())
                            && stretch(*x, n)
                    };
                    let near = (0..cases.len())
                        .filter(informative)
                        .min_by_key(|x| (x.abs_diff(n), *x));
                    match near.map(|x| cases[x].0) {
                        Some(Case::Lower) => w.text.to_lowercase(),
                        Some(_) => title_case(w.text),
                        None if letters(w.text) >= 4
                            && w.text.chars().any(|c| "AEIOUÁÉÍÓÚÀÈÌÒÙÄËÏÖÜ".contains(c)) =>
                        {
                            title_case(w.text)
                        }
                        None => continue,
                    }
                }
            };
            put(&mut out, w, new);
        }
    }
    if at == 0 && out.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(&text[at..]);
    std::borrow::Cow::Owned(out)
}

const CONNECTORS: &[&str] = &[
    "of", "for", "de", "du", "von", "van", "der", "bin", "ibn", "al", "la",
];

/// Finds the named entities of a text.
pub fn find_entities(text: &str) -> Vec<Mention> {
    // words shouted in capitals are read in their usual case (same offsets)
    let cased = usual_case(text);
    let text: &str = &cased;
    let ws = words(text);
    let lower_forms: BTreeSet<String> = ws
        .iter()
        .filter(|w| !w.initial && !is_capitalised(w.text))
        .map(|w| w.text.to_lowercase())
        .collect();
    let cap_forms: BTreeSet<&str> = ws
        .iter()
        .filter(|w| !w.initial && is_capitalised(w.text))
        .map(|w| w.text)
        .collect();
    let mut raw: Vec<(usize, usize, Option<EntityKind>, Vec<String>)> = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !is_capitalised(ws[i].text)
            || ws[i].text.chars().next().is_some_and(|c| c.is_numeric())
            || text[ws[i].end..].starts_with('$')
        {
            i += 1;
            continue;
        }
        // extend the span
        let mut j = i + 1;
        // "Standard & Poor's", "Johnson & Johnson", "Defence & Space": an ampersand joins
        // the words of one name
        let ampersand = |k: usize| text[ws[k - 1].end..ws[k].start].trim() == "&";
        while j < ws.len() && (ws[j].joined || ampersand(j)) && !ws[j].initial {
            // "Europe The UN said", "2308 The BBC's Matthew Price": a capitalised article
            // inside a run of capitals opens a new sentence run on without its stop
            if ws[j].text == "The" {
                break;
            }
            if !ws[j].joined {
                if !is_capitalised(ws[j].text) {
                    break;
                }
                j += 1;
            } else if is_capitalised(ws[j].text) {
                j += 1;
            } else if (has(CONNECTORS, ws[j].text)
                // "Centers for Disease Control and Prevention", "Center for Alternative
                // Medicine Research and Education": "and" and one last word inside a name
                // that already has "of"/"for" ("University of Pittsburgh and Carnegie Mellon
                // University" are two)
                || ws[j].text == "and"
                    && (i + 1..j).any(|k| matches!(ws[k].text, "of" | "for"))
                    && (!ws
                        .get(j + 2)
                        .is_some_and(|w| w.joined && !w.initial && is_capitalised(w.text))
                        || coordinated_field(&ws, i, j)))
                && j + 1 < ws.len()
                && ws[j + 1].joined
                && is_capitalised(ws[j + 1].text)
                // "Cerberus Capital Management for US$ 7.4 billion": a currency is no name
                && !text[ws[j + 1].end..].starts_with('$')
                && !ws[j + 1]
                    .text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_numeric())
            {
                j += 2;
            } else {
                break;
            }
        }
        spans.push((i, j));
        i = j;
    }
    // a name written before a place word ("Sheikh Saeed district") is a place in the whole
    // text, also where it stands alone ("advance in Sheikh Saeed")
    // ("Handarat Palestinian refugee camp" → "Handarat"); so is each name of a list before a
    // plural place word ("the Merjeh and Sheikh Lutfi areas")
    let follows = |k: usize| ws.get(k).is_some_and(|w| w.joined && !w.initial);
    let place_word_at = |k: usize| {
        follows(k)
            && (has(lexicon::LOC_AFTER, ws[k].text)
                || (has(lexicon::LOC_AFTER_MODIFIERS, ws[k].text)
                    && follows(k + 1)
                    && has(lexicon::LOC_AFTER, ws[k + 1].text)))
    };
    let mut places: BTreeSet<String> = BTreeSet::new();
    for (n, &(i, j)) in spans.iter().enumerate() {
        if !place_word_at(j) {
            continue;
        }
        places.insert(span_key(&ws, i, j));
        let head = if has(lexicon::LOC_AFTER, ws[j].text) {
            j
        } else {
            j + 1
        };
        let plural = ws[head].text.ends_with('s');
        if plural && n > 0 && i >= 1 && ws[i - 1].text == "and" && spans[n - 1].1 + 1 == i {
            places.insert(span_key(&ws, spans[n - 1].0, spans[n - 1].1));
        }
    }
    places.retain(|k| !k.is_empty() && !is_demonym(k));
    let spans = without_products_and_events(text, &ws, spans);
    for (i, j) in spans {
        if places.contains(&span_key(&ws, i, j)) {
            raw.extend(place_span(&ws, i, j));
        } else {
            raw.extend(split_span(&ws, i, j, &lower_forms, &cap_forms));
        }
    }
    let mut out: Vec<Mention> = raw
        .into_iter()
        .map(|(s, e, kind, titles)| {
            let kind = kind.unwrap_or_else(|| guess_kind(text, &ws, s, e));
            Mention {
                start: ws[s].start,
                end: ws[e - 1].end,
                text: text[ws[s].start..ws[e - 1].end].to_string(),
                kind,
                titles,
            }
        })
        .collect();
    propagate(&mut out);
    out
}

/// A model code after a brand: "A380", "A330-200", "VC-10", "787", "737-800", "737s", "900"
/// (three digits; a year is not one).
fn is_model_code(w: &str) -> bool {
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    let rest = &w[digits..];
    let numeric = digits == 3
        && (rest.is_empty()
            || rest == "s"
            || rest
                .strip_prefix('-')
                .is_some_and(|r| r.len() == 3 && r.chars().all(|c| c.is_ascii_digit())));
    numeric || model_code(w)
}

/// A brand written with one lowercase letter before capitals: "iPod", "iTunes", "eBay" (not
/// "saidAlan", two words run together).
fn intercapped_brand(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_ascii_lowercase())
        && cs.next().is_some_and(|c| c.is_ascii_uppercase())
        && w.chars().skip(2).all(|c| c.is_ascii_alphanumeric())
}

/// Words that are part of a title only before a title word: "First Minister", "First Lady",
/// "Oil Minister", "Tourism Minister" (not "the First Amendment", "Shell Oil").
const TITLE_MODIFIERS: &[&str] = &[
    "first",
    "oil",
    "petroleum",
    "industry",
    "commerce",
    "tourism",
    "mining",
    "fisheries",
    "planning",
    "economic",
    "security",
    "intelligence",
    "treasury",
    "water",
    "communications",
    "budget",
];

/// Titles that end no name ("Apple Computer CEO" is Apple Computer and a title); titles that
/// are also surnames or end names ("James Dean", "John Major", "Department of Justice", "Hugo
/// Boss") are left out.
const TRAILING_TITLES: &[&str] = &[
    "ceo",
    "cfo",
    "coo",
    "chairman",
    "chairwoman",
    "chairperson",
    "president",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "founder",
    "co-founder",
    "executive",
    "officer",
    "chief",
    "minister",
    "secretary",
    // newsroom jobs: "CNN Weather Anchor" (a transcript label "ROB MARCIANO, CNN WEATHER
    // ANCHOR:"), "BBC Correspondent", "Reuters Producer"
    "anchor",
    "correspondent",
    "producer",
    "reporter",
];

/// Legal forms that end a firm's name ("Inc.", "LLC", "N.V.").
const LEGAL_FORMS: &[&str] = &[
    "inc", "corp", "ltd", "llc", "plc", "ag", "nv", "n.v", "sa", "s.a", "gmbh", "co", "lp", "llp",
];

/// Common nouns usually written as acronyms: never a name by themselves.
const COMMON_ACRONYMS: &[&str] = &[
    "tv", "lcd", "led", "vip", "cd", "dvd", "pc", "gps", "sms", "mp3", "usb", "atm", "gdp", "ipo",
    "dna", "hiv", "ceo", "cfo", "coo", "os", "hd", "3d", "pdf", "faq", "diy",
];

/// Parts of a text or a law, which a number follows: "Chapter 11", "Article 5".
const DOCUMENT_PARTS: &[&str] = &[
    "chapter",
    "article",
    "section",
    "clause",
    "paragraph",
    "part",
    "amendment",
    "rule",
    "annex",
    "appendix",
    "page",
    "figure",
    "table",
    "volume",
];

/// Heads of the names of events, which are neither organisations nor places ("Paris Air
/// Show", "Worldwide Developers Conference", "Beijing Olympic Games").
const EVENT_HEADS: &[&str] = &[
    "conference",
    "show",
    "games",
    "olympics",
    "expo",
    "summit",
    "festival",
    "championship",
    "championships",
    "tournament",
    "awards",
    "marathon",
    "exhibition",
];

/// Removes from the capitalised spans the names of products and events, which are not
/// entities of the three kinds:
/// - a brand right before a model code is part of a product's name ("the Airbus A380",
///   "Boeing 787", "Rolls-Royce Trent 900", "an American Airlines 777"), and the capitalised
///   words after the code name the product ("787 Dreamliner", "A350 XWB") in the whole text,
///   also in the plural ("Dreamliners"); "Air France Flight 447" keeps the airline;
/// - a capitalised span right after an intercapped brand ("iPod Nano", "iTunes Music Store")
///   names a product or service of it, in the whole text;
/// - a name headed by an event noun ("Paris Air Show") is an event, and so is the acronym
///   given for it in brackets ("Worldwide Developers Conference (WWDC)"), in the whole text.
fn without_products_and_events(
    text: &str,
    ws: &[Word<'_>],
    spans: Vec<(usize, usize)>,
) -> Vec<(usize, usize)> {
    // the text between two words holds only spaces and quotation marks
    let quoted_gap = |a: usize, b: usize| {
        text[ws[a].end..ws[b].start]
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '“' | '”' | '‘' | '’'))
            && !ws[b].initial
    };
    let mut products: BTreeSet<String> = BTreeSet::new();
    let mut events: BTreeSet<String> = BTreeSet::new();
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for &(i, j) in &spans {
        // a stock index: "the Standard & Poor's 500 index", "the Russell 2000 Index", "the
        // FTSE-100 index", "the Nasdaq Composite"
        let mut k = j;
        if k < ws.len()
            && ws[k].text == "s"
            && matches!(text[ws[k - 1].end..ws[k].start].trim(), "'" | "’")
        {
            k += 1;
        }
        if k < ws.len() && !ws[k].initial && ws[k].text.chars().all(|c| c.is_ascii_digit()) {
            k += 1;
        }
        let index_word = |w: &str| has(&["index", "indices", "indexes", "average", "composite"], w);
        // ("the UK index", "the United States Dow Jones Industrial Average": a place before
        // the index is named in its own right)
        let (s0, _) = name_bounds(ws, i, j);
        let place_first =
            (1..=3).any(|n| s0 + n <= j && has(lexicon::PLACES, &joined(&ws[s0..s0 + n])));
        if !place_first
            && ((k < ws.len() && k > i && !ws[k].initial && index_word(ws[k].text))
                || index_word(ws[j - 1].text))
        {
            continue;
        }
        // a part of a text or a law: "Chapter 11", "Article 5", "Section 230"
        if j == i + 1
            && has(DOCUMENT_PARTS, ws[i].text)
            && ws
                .get(j)
                .is_some_and(|w| w.joined && w.text.starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        // the first model code in the span or right after it
        let code = (i..j).find(|&k| is_model_code(ws[k].text)).or_else(|| {
            (j < ws.len() && ws[j].joined && !ws[j].initial && is_model_code(ws[j].text))
                .then_some(j)
        });
        if let Some(c) = code {
            // the model's name after the code ("787 Dreamliner", "787 “Dreamliner”")
            let mut m = c + 1;
            while m < ws.len()
                && (m < j || quoted_gap(m - 1, m))
                && is_capitalised(ws[m].text)
                && !is_model_code(ws[m].text)
            {
                m += 1;
            }
            if m > c + 1 {
                products.insert(joined(&ws[c + 1..m]));
            }
            // what follows the product inside the span is a name of its own
            if m < j {
                kept.push((m, j));
            }
            let brand_end = c;
            let last = ws[i..brand_end].last().map(|w| w.text.to_lowercase());
            match last.as_deref() {
                // "Adam Air Flight 574": the airline
                Some("flight") if brand_end > i + 1 => kept.push((i, brand_end - 1)),
                Some(l)
                    if has(lexicon::LOC_WORDS, l)
                        || has(lexicon::LOC_AFTER, l)
                        || has(lexicon::ORG_AFTER, l) =>
                {
                    kept.push((i, j))
                }
                _ => {}
            }
            continue;
        }
        // after an intercapped brand: "iPod Nano"
        if i > 0 && ws[i].joined && intercapped_brand(ws[i - 1].text) {
            products.insert(span_key(ws, i, j));
            continue;
        }
        let last = ws[j - 1].text.to_lowercase();
        if j > i + 1 && has(EVENT_HEADS, &last) {
            events.insert(span_key(ws, i, j));
            // "(WWDC)"
            if j + 1 < ws.len()
                && text[ws[j - 1].end..ws[j].start].trim() == "("
                && all_caps(ws[j].text)
                && text[ws[j].end..].trim_start().starts_with(')')
            {
                events.insert(ws[j].text.to_string());
            }
            continue;
        }
        kept.push((i, j));
    }
    kept.retain(|&(i, j)| {
        let key = span_key(ws, i, j);
        let singular = key.strip_suffix('s').unwrap_or(&key);
        !products.contains(&key) && !products.contains(singular) && !events.contains(&key)
    });
    kept
}

/// Heads of a name whose "of"/"for" complement is a field of work, which may be two fields
/// joined by "and": "Department of Health and Human Services", "Ministry of Agriculture and
/// Rural Affairs", "Centers for Disease Control and Prevention".
const FIELD_HEADS: &[&str] = &[
    "department",
    "ministry",
    "secretary",
    "office",
    "bureau",
    "center",
    "centers",
    "centre",
    "centres",
    "institute",
    "institutes",
    "school",
    "museum",
    "council",
    "commission",
    "agency",
    "administration",
    "committee",
    "board",
    "academy",
    "faculty",
    "division",
    "directorate",
];

/// Names of institutions by themselves: after "and", a run holding one of these is a second
/// name ("University of Pittsburgh and Carnegie Mellon University").
const INSTITUTION_HEADS: &[&str] = &[
    "university",
    "college",
    "bank",
    "department",
    "ministry",
    "office",
    "commission",
    "agency",
    "authority",
    "council",
    "court",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "llc",
    "plc",
    "group",
    "institute",
    "foundation",
    "association",
    "union",
    "party",
    "school",
    "hospital",
    "bureau",
    "museum",
    "committee",
    "board",
    "administration",
    "center",
    "centre",
    "society",
    "airlines",
    "airways",
    "motors",
    "times",
    "post",
    "news",
];

/// Whether the "and" at `j` inside the capitalised span starting at `i` joins two fields of
/// one name ("Department of Health and Human Services") rather than two names: the span is
/// headed by a field-taking head before "of"/"for", and the capitalised run after "and"
/// (two or three words, ending the span) holds no head of its own, no place, no first name,
/// no acronym and no connector ("Department of Defense and Lockheed Martin" cannot be told
/// apart this way and is joined, a known limit).
fn coordinated_field(ws: &[Word<'_>], i: usize, j: usize) -> bool {
    let Some(of) = (i + 1..j).find(|&k| matches!(ws[k].text, "of" | "for")) else {
        return false;
    };
    if !has(FIELD_HEADS, &ws[of - 1].text.to_lowercase()) {
        return false;
    }
    let mut end = j + 1;
    while end < ws.len() && ws[end].joined && !ws[end].initial && is_capitalised(ws[end].text) {
        end += 1;
    }
    let run = &ws[j + 1..end];
    (2..=3).contains(&run.len())
        && !ws
            .get(end)
            .is_some_and(|w| w.joined && has(CONNECTORS, w.text))
        && !has(lexicon::PLACES, &joined(run))
        && run.iter().all(|w| {
            let lw = w.text.to_lowercase();
            !has(INSTITUTION_HEADS, &lw)
                && !has(lexicon::PLACES, w.text)
                && !has(lexicon::FIRST_NAMES, w.text)
                && !all_caps(w.text)
        })
}

/// Where the name inside a capitalised span `[i, j)` starts and ends: without leading stop
/// words ("In Sheikh Saeed"), trailing connectors, or a trailing nationality word
/// ("Handarat Palestinian refugee camp" → "Handarat").
fn name_bounds(ws: &[Word<'_>], i: usize, j: usize) -> (usize, usize) {
    let s = (i..j)
        .find(|&k| !crate::is_stop(&ws[k].text.to_lowercase()) && !lexicon::not_a_name(ws[k].text))
        .unwrap_or(j);
    let mut e = j;
    while e > s && (has(CONNECTORS, ws[e - 1].text) || (e > s + 1 && is_demonym(ws[e - 1].text))) {
        e -= 1;
    }
    (s, e)
}

/// The name of a capitalised span as the key of that name across a text.
fn span_key(ws: &[Word<'_>], i: usize, j: usize) -> String {
    let (s, e) = name_bounds(ws, i, j);
    joined(&ws[s..e.max(s)])
}

/// Words joined by single spaces.
fn joined(ws: &[Word<'_>]) -> String {
    ws.iter().map(|w| w.text).collect::<Vec<_>>().join(" ")
}

/// A capitalised span that names a place: one location, its title-like words kept ("Sheikh
/// Saeed", "Saint Denis").
#[allow(clippy::type_complexity)]
fn place_span(
    ws: &[Word<'_>],
    i: usize,
    j: usize,
) -> Vec<(usize, usize, Option<EntityKind>, Vec<String>)> {
    let (s, e) = name_bounds(ws, i, j);
    if s >= e {
        return Vec::new();
    }
    vec![(s, e, Some(EntityKind::Location), Vec::new())]
}

/// Cuts a capitalised span `[i, j)` into entity spans: drops openers, days and months,
/// splits off titles, and types what it can.
/// A plural title heading a coordination of names: "Presidents Medvedev and Obama" (the
/// plural names two people or more, so "and" follows the first name; "Kings Cross",
/// "Queens Park Rangers" are no titles).
fn plural_title(ws: &[Word<'_>], k: usize, e: usize) -> bool {
    let lw = ws[k].text.to_lowercase();
    let Some(one) = lw.strip_suffix('s') else {
        return false;
    };
    one.len() >= 4
        && has(lexicon::TITLES, one)
        && k + 1 < e
        && ws.get(e).is_some_and(|w| w.text == "and" && w.joined)
}

#[allow(clippy::type_complexity)]
fn split_span(
    ws: &[Word<'_>],
    i: usize,
    j: usize,
    lower_forms: &BTreeSet<String>,
    cap_forms: &BTreeSet<&str>,
) -> Vec<(usize, usize, Option<EntityKind>, Vec<String>)> {
    // "Chrysler LLC Jim Press", "Apple Inc. CEO Steve Jobs": a legal form ends a firm's name
    if let Some(k) = (i + 1..j.saturating_sub(1))
        .find(|&k| has(LEGAL_FORMS, ws[k].text) && !has(LEGAL_FORMS, ws[k + 1].text))
    {
        let mut out = split_span(ws, i, k + 1, lower_forms, cap_forms);
        out.extend(split_span(ws, k + 1, j, lower_forms, cap_forms));
        return out;
    }
    let mut s = i;
    // drop leading non-names, sentence openers that occur in lower case elsewhere
    while s < j {
        let w = ws[s].text;
        let lw = w.to_lowercase();
        let lone_opener = ws[s].initial
            && s + 1 == j
            && !all_caps(w)
            && (lower_forms.contains(&lw) || !cap_forms.contains(w))
            && !has(lexicon::PLACES, w)
            && !has(lexicon::FIRST_NAMES, w);
        let modifier = lw.contains('-')
            && [
                "based",
                "backed",
                "led",
                "held",
                "run",
                "born",
                "owned",
                "controlled",
            ]
            .iter()
            .any(|x| lw.ends_with(x));
        let place_here =
            (2..=3).any(|n| s + n <= j && has(lexicon::PLACES, &joined(&ws[s..s + n])));
        if place_here {
            break;
        }
        // an index named in full ("Dow Jones Industrial Average") is no entity at all
        let index_here =
            (1..=4).any(|n| s + n == j && has(lexicon::MARKET_INDICES, &joined(&ws[s..s + n])));
        if index_here {
            return Vec::new();
        }
        // "AT&T": capitals before an ampersand are an acronym, not the preposition
        let before_ampersand = all_caps(w) && s + 1 < j && !ws[s + 1].joined;
        if (lexicon::not_a_name(w) && !before_ampersand)
            || not_entity_word(w)
            || (crate::is_stop(&lw) && !all_caps(w))
            || lone_opener
            || modifier
        {
            s += 1;
        } else {
            break;
        }
    }
    let mut e = j;
    // a month or holiday after a first name is a surname ("Ahmed Ramadan")
    while e > s
        && ((lexicon::not_a_name(ws[e - 1].text)
            && !(e - s >= 2 && has(lexicon::FIRST_NAMES, ws[e - 2].text)))
            || has(CONNECTORS, ws[e - 1].text)
            || not_entity_word(ws[e - 1].text))
    {
        e -= 1;
    }
    if s >= e {
        return Vec::new();
    }
    // "Black Monday", "Super Tuesday": one word before a weekday names the day, not an entity
    if e == s + 1
        && e < j
        && has(lexicon::WEEKDAYS, ws[e].text)
        && !has(lexicon::FIRST_NAMES, ws[s].text)
        && !has(lexicon::PLACES, ws[s].text)
    {
        return Vec::new();
    }
    // a common noun written as an acronym is no name on its own ("TV episodes", "an LCD
    // screen", "VIP guests")
    if e == s + 1 && has(COMMON_ACRONYMS, ws[s].text) {
        return Vec::new();
    }
    // an organisation or place before a title and a name ("Apple CEO Steve Jobs", "Bank of
    // England Governor Mervyn King"): its own entity, the title and name as below
    let mut prefix_entity = None;
    // the last word of a run of titles ("Chrysler Chief Executive Robert Nardelli")
    let title_run_end = |t0: usize| {
        (t0..e)
            .take_while(|&k| has(lexicon::TITLES, ws[k].text.trim_end_matches('.')))
            .last()
            .unwrap_or(t0)
    };
    if let Some(t0) = (s + 1..e.min(s + 4)).find(|&k| {
        has(lexicon::TITLES, ws[k].text.trim_end_matches('.'))
            && !has(lexicon::TITLES, ws[s].text)
            && !(s..k).any(|x| {
                has(lexicon::DEMONYMS, ws[x].text)
                    || all_caps(ws[x].text)
                    || has(lexicon::PLACES, ws[x].text)
            })
    }) && title_run_end(t0) + 1 < e
        && ws[title_run_end(t0) + 1].text != "of"
        // a title word inside an organisation's name ("World Health Organization"; but
        // "Shares of General Motors" is a phrase before the name)
        && (!(t0 + 1..e).any(|k| has(lexicon::ORG_WORDS, ws[k].text))
            || (s..t0).any(|k| has(CONNECTORS, ws[k].text)))
        // "Department of Health and Human Services": two fields after a field head's "of"
        && !(t0 >= s + 2
            && ws[t0 + 1].text == "and"
            && has(CONNECTORS, ws[t0 - 1].text)
            && has(FIELD_HEADS, &ws[t0 - 2].text.to_lowercase()))
    {
        prefix_entity = Some((s, t0, None, Vec::new()));
    }
    let s = prefix_entity.as_ref().map_or(s, |p| p.1);
    // titles: everything up to the last title word (with "of State" after "Secretary")
    let mut titles = Vec::new();
    let mut last_title = None;
    let mut k = s;
    while k < e {
        let lw = ws[k].text.to_lowercase();
        let lw = lw.trim_end_matches('.');
        // "Scottish First Minister", "Nigerian Oil Minister": a modifier of the title after it
        let modifies_title = has(TITLE_MODIFIERS, lw)
            && k + 1 < e
            && has(lexicon::TITLES, ws[k + 1].text.trim_end_matches('.'));
        if has(lexicon::TITLES, lw) || modifies_title || plural_title(ws, k, e) {
            last_title = Some(k);
        } else if lw == "of" && k + 1 < e && ws[k + 1].text == "State" {
            last_title = Some(k + 1);
            k += 1;
        } else if !(has(lexicon::DEMONYMS, lw) || has(lexicon::PLACES, lw) || all_caps(ws[k].text))
        {
            break;
        }
        k += 1;
    }
    let mut out: Vec<(usize, usize, Option<EntityKind>, Vec<String>)> =
        prefix_entity.into_iter().collect();
    // a title over an organisation's name is part of it ("General Motors", "Defense Ministry")
    if let Some(t) = last_title
        && (t + 1..e).any(|k| has(lexicon::ORG_WORDS, ws[k].text))
        && ws.get(t + 1).is_none_or(|w| w.text != "of")
    {
        last_title = None;
    }
    if let Some(t) = last_title {
        for w in &ws[s..=t] {
            titles.push(w.text.to_lowercase().trim_end_matches('.').to_string());
        }
        // a place or organisation before the title ("US Secretary", "Observatory director")
        let prefix: Vec<usize> = (s..=t)
            .filter(|&k| {
                !has(lexicon::TITLES, ws[k].text)
                    && !has(lexicon::DEMONYMS, ws[k].text)
                    && ws[k].text != "of"
                    && ws[k].text != "State"
            })
            .collect();
        for k in prefix {
            if has(lexicon::PLACES, ws[k].text) {
                out.push((k, k + 1, Some(EntityKind::Location), Vec::new()));
            } else if all_caps(ws[k].text) {
                out.push((k, k + 1, Some(EntityKind::Organization), Vec::new()));
            }
        }
        // "Prime Minister of Canada", "Chief Executive Officer of General Motors": the title's
        // complement is an organisation or place, not a person
        if t + 2 < e && ws[t + 1].text == "of" {
            out.push((t + 2, e, None, Vec::new()));
        } else if t + 1 < e {
            out.push((t + 1, e, Some(EntityKind::Person), titles));
        }
        return out;
    }
    // "Apple Computer CEO and co-founder Steve Jobs", "the Apple Chief Executive Officer",
    // "Ryanair CEO, Michael O'Leary": executive titles after a name are not part of it
    while e > s + 1 && has(TRAILING_TITLES, ws[e - 1].text) {
        e -= 1;
    }
    // lone demonyms are not entities; a leading demonym of a place or person is dropped
    if e - s == 1 && is_demonym(ws[s].text) {
        return Vec::new();
    }
    // "North American", "South African": a compass word and a nationality
    if e - s == 2
        && has(&["north", "south", "east", "west", "central"], ws[s].text)
        && is_demonym(ws[s + 1].text)
    {
        return Vec::new();
    }
    out.push((s, e, None, Vec::new()));
    out
}

/// A word that is never (part of) a name: a model code ("A380", "A400M", "B-52"; not "G20"),
/// or an index in capitals, a currency code or a unit ("FTSE", "USD", "GHz").
fn not_entity_word(w: &str) -> bool {
    model_code(w) || has(lexicon::UNITS, w) || (has(lexicon::MARKET_INDICES, w) && all_caps(w))
}

/// A model code of letters and digits: "A380", "A400M", "B-52", "VC-10", "DC-9",
/// "A330-200", "A330-300E", and their plurals ("A380s"); not "G20" or "MH17".
fn model_code(w: &str) -> bool {
    let w = w.strip_suffix('s').unwrap_or(w);
    let letters = w.chars().take_while(|c| c.is_ascii_uppercase()).count();
    let hyphen = w[letters..].starts_with('-');
    let rest = &w[letters + usize::from(hyphen)..];
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let mut suffix = &rest[digits..];
    // "A330-200", "A330-300E": a variant number
    if let Some(v) = suffix.strip_prefix('-') {
        let n = v.chars().take_while(char::is_ascii_digit).count();
        if n >= 2 {
            suffix = &v[n..];
        }
    }
    (1..=3).contains(&letters)
        && (digits >= 3 || (hyphen && digits >= 2) || (hyphen && letters >= 2 && digits >= 1))
        && suffix.len() <= 2
        && suffix.chars().all(|c| c.is_ascii_uppercase())
}

/// A nationality word, also in the plural ("Russian", "Russians", "Israelis").
fn is_demonym(w: &str) -> bool {
    has(lexicon::DEMONYMS, w)
        || w.strip_suffix('s')
            .is_some_and(|x| has(lexicon::DEMONYMS, x))
            // "the Philippines" is a country, not Filipinos
            && !has(lexicon::PLACES, w)
}

fn lower_titles_before(ws: &[Word<'_>], s: usize) -> Vec<String> {
    let mut titles = Vec::new();
    let mut k = s;
    while k > 0 && s - k < 3 {
        let w = &ws[k - 1];
        let lw = w.text.to_lowercase();
        // "then Chrysler cut jobs": a lone "then" before a name is the adverb ("then-president"
        // is one word)
        if !ws[k].joined || !has(lexicon::TITLES, &lw) || is_capitalised(w.text) || lw == "then" {
            break;
        }
        titles.insert(0, lw);
        k -= 1;
    }
    titles
}

/// Whether a name of two or three words stands in apposition with a title: "Jusman Syafii
/// Djamal, minister of transport", "Kaoru Yosano, the Japanese minister of fiscal policy",
/// "Jim Press, the Vice Chairman of Chrysler", "The bank's CEO, Ken Lewis, said". A title
/// describes a person.
fn title_apposition(text: &str, ws: &[Word<'_>], s: usize, e: usize) -> bool {
    let comma = |a: usize, b: usize| text[ws[a].end..ws[b].start].trim() == ",";
    // after: ", (the|a|an) (nationality|place)* title"
    if e < ws.len() && comma(e - 1, e) {
        let mut k = e;
        while k < ws.len() && k < e + 3 {
            let w = ws[k].text.trim_end_matches('.');
            if has(lexicon::TITLES, w) && !has(&["former", "then", "senior", "acting"], w) {
                // "…, a Romanian official said": the subject of the next clause
                return !ws
                    .get(k + 1)
                    .is_some_and(|n| n.joined && has(lexicon::SPEECH_VERBS, n.text));
            }
            let describes =
                has(&["the", "a", "an"], w) || has(lexicon::DEMONYMS, w) || has(lexicon::PLACES, w);
            if !describes || (k > e && !ws[k].joined) {
                break;
            }
            k += 1;
        }
    }
    // before: "CEO, Ken Lewis"
    s > 0 && comma(s - 1, s) && has(lexicon::TITLES, ws[s - 1].text.trim_end_matches('.'))
}

/// Types a span that carries no title.
fn guess_kind(text: &str, ws: &[Word<'_>], s: usize, e: usize) -> EntityKind {
    let name: Vec<String> = ws[s..e].iter().map(|w| w.text.to_lowercase()).collect();
    let joined = name.join(" ");
    let last = name.last().map(String::as_str).unwrap_or("");
    let next = ws
        .get(e)
        .filter(|w| w.joined)
        .map(|w| w.text.to_lowercase());
    let prev = if s > 0 && ws[s].joined {
        Some(ws[s - 1].text.to_lowercase())
    } else {
        None
    };
    if has(lexicon::NEWS_ORGS, &joined) {
        return EntityKind::Organization;
    }
    if !lower_titles_before(ws, s).is_empty() && e - s <= 3 {
        return EntityKind::Person;
    }
    if name.iter().any(|w| has(lexicon::ORG_WORDS, w)) && !has(lexicon::PLACES, &joined) {
        // "Kessel River" is a place even though "river" is not an organisation word
        if !has(lexicon::LOC_WORDS, last) || has(lexicon::ORG_WORDS, last) {
            return EntityKind::Organization;
        }
    }
    if has(lexicon::PLACES, &joined) || has(lexicon::PLACES, &joined.replace('.', "")) {
        return EntityKind::Location;
    }
    if has(lexicon::LOC_WORDS, last) && e - s >= 2 {
        return EntityKind::Location;
    }
    if let Some(n) = &next {
        // "… faction", and "… rebel group" with one modifier between
        let after_modifier = ws
            .get(e + 1)
            .filter(|w| w.joined && has(lexicon::ORG_AFTER_MODIFIERS, n))
            .is_some_and(|w| has(lexicon::ORG_AFTER, w.text));
        if has(lexicon::ORG_AFTER, n) || after_modifier {
            return EntityKind::Organization;
        }
        if has(lexicon::LOC_AFTER, n) {
            return EntityKind::Location;
        }
    }
    if s >= 2
        && ws[s - 1].text == "of"
        && ws[s].joined
        && matches!(
            ws[s - 2].text,
            "town"
                | "city"
                | "village"
                | "province"
                | "district"
                | "region"
                | "suburb"
                | "capital"
                | "state"
                | "county"
                | "neighbourhood"
                | "neighborhood"
                | "quarter"
                | "area"
                | "camp"
        )
    {
        return EntityKind::Location;
    }
    if e - s == 1 && all_caps(ws[s].text) {
        return EntityKind::Organization;
    }
    if has(lexicon::FIRST_NAMES, &name[0]) && e - s >= 2 {
        return EntityKind::Person;
    }
    if (2..=3).contains(&(e - s)) && title_apposition(text, ws, s, e) {
        return EntityKind::Person;
    }
    // "Mr. Lee Hsien Loong": an honorific before the name (the span stops at its full stop)
    if s > 0
        && e - s <= 3
        && text[ws[s - 1].end..ws[s].start].trim() == "."
        && has(&["mr", "mrs", "ms", "dr", "prof"], ws[s - 1].text)
    {
        return EntityKind::Person;
    }
    // "a stake in Chrysler", "its holding in Opel": what one holds a stake in is a firm
    if prev.as_deref() == Some("in")
        && s >= 2
        && ws[s - 1].joined
        && has(
            &["stake", "stakes", "holding", "holdings", "shareholding"],
            ws[s - 2].text,
        )
    {
        return EntityKind::Organization;
    }
    // "San Jose", "Santa Clara", "Fort Worth", "Port Said", "Mount Kenya", "Lake Geneva":
    // a place word or a Spanish or Portuguese saint's name opens the name of a place
    if e - s >= 2
        && has(
            &[
                "san", "santa", "santo", "sao", "são", "fort", "port", "mount", "lake", "cape",
            ],
            &name[0],
        )
    {
        return EntityKind::Location;
    }
    if let Some(p) = &prev
        && (has(lexicon::LOC_BEFORE, p) || p == "downtown")
    {
        return EntityKind::Location;
    }
    // a name followed by a speech verb is a speaker: a person when it has two or three words
    if let Some(n) = &next
        && has(lexicon::SPEECH_VERBS, n)
        && (2..=3).contains(&(e - s))
    {
        return EntityKind::Person;
    }
    // … and one right after it ("…,” said Pablo Marco, a coordinator)
    if let Some(p) = &prev
        && matches!(p.as_str(), "said" | "says" | "added" | "explained")
        && (2..=3).contains(&(e - s))
        && ws.get(e).is_none_or(|w| !w.joined)
    {
        return EntityKind::Person;
    }
    // two or three words with an Arabic particle ("Baraa al-Halabi", "Abdel-Rahman"); other
    // unknown pairs ("Apple Computer", "Aer Lingus") are more often firms than people when no
    // first name, title or speech verb says otherwise
    if (2..=3).contains(&(e - s)) && name.iter().any(|w| w.contains('-') || w == "al") {
        return EntityKind::Person;
    }
    EntityKind::Organization
}

/// Document-level propagation: a bare surname of a person is that person; a word of a
/// longer organisation or place name takes its type.
fn propagate(mentions: &mut [Mention]) {
    let mut person_last: HashMap<String, usize> = HashMap::new();
    let mut typed: HashMap<String, (EntityKind, usize)> = HashMap::new();
    for m in mentions.iter() {
        let toks = name_tokens(&m.text);
        if toks.len() >= 2
            && m.kind == EntityKind::Person
            && let Some(l) = toks.last()
        {
            *person_last.entry(l.clone()).or_default() += 1;
        }
        if toks.len() >= 2 && m.kind == EntityKind::Organization {
            for t in &toks {
                if t.len() > 3 && !has(lexicon::ORG_WORDS, t) {
                    typed.entry(t.clone()).or_insert((m.kind, 0)).1 += 1;
                }
            }
        }
    }
    for m in mentions.iter_mut() {
        let toks = name_tokens(&m.text);
        if toks.len() == 1 {
            if person_last.contains_key(&toks[0]) {
                m.kind = EntityKind::Person;
            } else if let Some((k, _)) = typed.get(&toks[0])
                && !has(lexicon::PLACES, &toks[0])
            {
                m.kind = *k;
            }
        }
    }
    // one name, one kind in a text: a name that no gazetteer or place word makes a place, but
    // that a preposition made one ("a stake in Chrysler", "cut costs at Opel"), is the
    // organisation it is more often in that text
    let mut votes: HashMap<String, (usize, usize)> = HashMap::new();
    for m in mentions.iter() {
        let v = votes.entry(m.text.clone()).or_default();
        match m.kind {
            EntityKind::Organization => v.0 += 1,
            EntityKind::Location => v.1 += 1,
            EntityKind::Person => {}
        }
    }
    for m in mentions.iter_mut() {
        let last = m.text.rsplit(' ').next().unwrap_or("");
        if m.kind == EntityKind::Location
            && !has(lexicon::PLACES, &m.text)
            && !has(lexicon::PLACES, &m.text.replace('.', ""))
            && !has(lexicon::LOC_WORDS, last)
            && votes.get(&m.text).is_some_and(|&(org, loc)| org > loc)
        {
            m.kind = EntityKind::Organization;
        }
    }
}

/// A name as lowercase ASCII-folded tokens, without particles ("al", "el") and hyphens:
/// "Bashar al-Assad" → ["bashar", "assad"], "Abdel-Rahman" → ["abdel", "rahman"].
pub fn name_tokens(name: &str) -> Vec<String> {
    let folded: String = name
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            '-' | '’' | '\'' | '.' => ' ',
            c => c,
        })
        .collect();
    folded
        .to_lowercase()
        .split_whitespace()
        .filter(|t| !matches!(*t, "al" | "el" | "the" | "of" | "for" | "and" | "s"))
        .map(str::to_string)
        .collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether two token names are spelling variants: same length, the last token equal,
/// others equal or one edit apart (Sergei/Sergey, Katarina/Katharina, Dmitri/Dmitry).
fn variant_tokens(a: &[String], b: &[String]) -> bool {
    if a.len() != b.len() || a.is_empty() || a == b {
        return a == b && !a.is_empty();
    }
    let mut fuzzy = 0;
    for (x, y) in a.iter().zip(b) {
        if x == y {
            continue;
        }
        if x.len() >= 4 && y.len() >= 4 && edit_distance(x, y) <= 1 && x[..1] == y[..1] {
            fuzzy += 1;
        } else {
            return false;
        }
    }
    fuzzy <= 1 && a.len() >= 2
}

/// Whether the short name's tokens appear in order inside the long name, the short name
/// ending where the long one does for persons (a surname).
fn sub_name(short: &[String], long: &[String], kind: EntityKind) -> bool {
    if short.is_empty() || short.len() >= long.len() {
        return false;
    }
    if kind == EntityKind::Person {
        return long.ends_with(short) || (short.len() == 1 && long.last() == short.last());
    }
    let mut it = long.iter();
    short.iter().all(|s| it.any(|l| l == s))
}

/// The letters of a name written as an acronym ("UN", "U.S.", "CDU" → "un", "us", "cdu"):
/// every spelling one word in capitals with the same 2 to 6 letters.
fn acronym_of<'a>(mut spellings: impl Iterator<Item = &'a String>) -> Option<String> {
    let letters = |v: &str| -> Option<String> {
        let l: String = v.chars().filter(|c| c.is_alphabetic()).collect();
        (!v.contains(char::is_whitespace)
            && (2..=6).contains(&l.chars().count())
            && l.chars().all(char::is_uppercase))
        .then(|| l.to_lowercase())
    };
    let first = letters(spellings.next()?)?;
    spellings
        .all(|v| letters(v).as_ref() == Some(&first))
        .then_some(first)
}

/// One merged entity of an index.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Canonical name: the longest, then most frequent spelling.
    pub name: String,
    /// The majority type.
    pub kind: EntityKind,
    /// Every spelling seen, with its count.
    pub variants: BTreeMap<String, usize>,
    /// Mentions per document (document index → count).
    pub documents: BTreeMap<usize, usize>,
    /// Titles seen before the name ("chancellor", "mayor").
    pub titles: BTreeSet<String>,
}

impl Entity {
    /// Number of mentions.
    pub fn mentions(&self) -> usize {
        self.variants.values().sum()
    }
}

/// The entities of several documents, with spelling variants merged.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    /// The merged entities.
    pub entities: Vec<Entity>,
    by_tokens: HashMap<Vec<String>, usize>,
}

impl EntityIndex {
    /// Builds the index from the mentions found in each document (document index, mentions).
    pub fn build(docs: &[(usize, Vec<Mention>)]) -> Self {
        // 1. group by normalised tokens
        struct Group {
            tokens: Vec<String>,
            kinds: BTreeMap<EntityKind, usize>,
            variants: BTreeMap<String, usize>,
            documents: BTreeMap<usize, usize>,
            titles: BTreeSet<String>,
        }
        let mut groups: Vec<Group> = Vec::new();
        let mut at: HashMap<Vec<String>, usize> = HashMap::new();
        for (doc, mentions) in docs {
            for m in mentions {
                let tokens = name_tokens(&m.text);
                if tokens.is_empty() {
                    continue;
                }
                let gi = *at.entry(tokens.clone()).or_insert_with(|| {
                    groups.push(Group {
                        tokens: tokens.clone(),
                        kinds: BTreeMap::new(),
                        variants: BTreeMap::new(),
                        documents: BTreeMap::new(),
                        titles: BTreeSet::new(),
                    });
                    groups.len() - 1
                });
                let g = &mut groups[gi];
                *g.kinds.entry(m.kind).or_default() += 1;
                *g.variants.entry(m.text.clone()).or_default() += 1;
                *g.documents.entry(*doc).or_default() += 1;
                g.titles.extend(m.titles.iter().cloned());
            }
        }
        let kind_of = |g: &Group| {
            g.kinds
                .iter()
                .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))
                .map(|(k, _)| *k)
                .unwrap_or(EntityKind::Organization)
        };
        // 2. union-find over groups
        let n = groups.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(p: &mut [usize], x: usize) -> usize {
            let mut r = x;
            while p[r] != r {
                r = p[r];
            }
            let mut y = x;
            while p[y] != r {
                let nx = p[y];
                p[y] = r;
                y = nx;
            }
            r
        }
        // a group joins the one root it may belong to; none or several: it stays apart
        fn join_unique(parent: &mut [usize], a: usize, targets: &BTreeSet<usize>) {
            if targets.len() == 1
                && let Some(&t) = targets.iter().next()
            {
                let ra = find(parent, a);
                if ra != t {
                    parent[ra] = t;
                }
            }
        }
        let kinds: Vec<EntityKind> = groups.iter().map(kind_of).collect();
        for a in 0..n {
            for b in a + 1..n {
                if kinds[a] == kinds[b] && variant_tokens(&groups[a].tokens, &groups[b].tokens) {
                    let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                    parent[ra] = rb;
                }
            }
        }
        // shorter names into the unique longer name that contains them, longest first, so
        // that "Syrian Observatory" has joined "Syrian Observatory for Human Rights" before
        // "Observatory" looks for the one entity that contains it
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&g| std::cmp::Reverse(groups[g].tokens.len()));
        for &a in &order {
            let mut targets: BTreeSet<usize> = BTreeSet::new();
            let short_kind = kinds[a];
            for b in 0..n {
                if groups[b].tokens.len() <= groups[a].tokens.len() {
                    continue;
                }
                let long_kind = kinds[b];
                let compatible = long_kind == short_kind
                    || (groups[a].tokens.len() == 1 && short_kind != EntityKind::Location);
                if compatible
                    && long_kind != EntityKind::Location
                    && sub_name(&groups[a].tokens, &groups[b].tokens, long_kind)
                {
                    targets.insert(find(&mut parent, b));
                }
            }
            // a surname shared by several people of the story is the one the story is about
            // when that person is named at least three times as often as the others together
            // ("Mubarak" is Hosni Mubarak beside a few mentions of Gamal and Suzanne Mubarak);
            // otherwise it stays apart
            if targets.len() > 1
                && groups[a].tokens.len() == 1
                && targets
                    .iter()
                    .all(|&t| groups[t].tokens.last() == groups[a].tokens.last())
            {
                let weight = |parent: &mut [usize], t: usize| -> usize {
                    (0..n)
                        .filter(|&g| find(parent, g) == t)
                        .map(|g| groups[g].variants.values().sum::<usize>())
                        .sum()
                };
                let weights: Vec<(usize, usize)> = targets
                    .iter()
                    .map(|&t| (t, weight(&mut parent, t)))
                    .collect();
                let total: usize = weights.iter().map(|(_, w)| w).sum();
                if let Some(&(t, w)) = weights.iter().max_by_key(|(_, w)| *w)
                    && kinds[t] == EntityKind::Person
                    && w >= 3 * (total - w)
                {
                    targets = BTreeSet::from([t]);
                }
            }
            join_unique(&mut parent, a, &targets);
        }
        // a first name alone joins the one person of the story with that first name ("Nick
        // says …" after "Nick Jonas"; a feature or a transcript calls people by their first
        // names); two people with that first name: it stays apart
        for a in 0..n {
            let [first] = groups[a].tokens.as_slice() else {
                continue;
            };
            // (a lone first name is often typed an organisation for want of a cue)
            if kinds[a] == EntityKind::Location || !has(lexicon::FIRST_NAMES, first) {
                continue;
            }
            let mut targets: BTreeSet<usize> = BTreeSet::new();
            for b in 0..n {
                if kinds[b] == EntityKind::Person
                    && groups[b].tokens.len() >= 2
                    && groups[b].tokens.first() == Some(first)
                {
                    targets.insert(find(&mut parent, b));
                }
            }
            join_unique(&mut parent, a, &targets);
        }
        // an acronym joins the one name it abbreviates ("UN" = "United Nations", "U.S." =
        // "United States", "CDU" = "Christian Democratic Union"); ambiguous ones stay apart
        for a in 0..n {
            let Some(acronym) = acronym_of(groups[a].variants.keys()) else {
                continue;
            };
            let mut targets: BTreeSet<usize> = BTreeSet::new();
            for b in 0..n {
                let long = &groups[b].tokens;
                if long.len() >= 2
                    && long.len() == acronym.chars().count()
                    && !long.iter().all(|t| t.chars().count() == 1)
                    && long
                        .iter()
                        .filter_map(|t| t.chars().next())
                        .eq(acronym.chars())
                    && (kinds[a] == kinds[b] || kinds[a] == EntityKind::Organization)
                {
                    targets.insert(find(&mut parent, b));
                }
            }
            join_unique(&mut parent, a, &targets);
        }
        // 3. collect
        let mut roots: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for g in 0..n {
            let r = find(&mut parent, g);
            roots.entry(r).or_default().push(g);
        }
        let mut index = EntityIndex::default();
        for members in roots.values() {
            let mut kinds_total: BTreeMap<EntityKind, usize> = BTreeMap::new();
            let mut e = Entity {
                name: String::new(),
                kind: EntityKind::Organization,
                variants: BTreeMap::new(),
                documents: BTreeMap::new(),
                titles: BTreeSet::new(),
            };
            // kind of the longest names wins; counts break ties
            let max_len = members
                .iter()
                .map(|&g| groups[g].tokens.len())
                .max()
                .unwrap_or(0);
            for &g in members {
                let gr = &groups[g];
                let weight = if gr.tokens.len() == max_len { 1000 } else { 1 };
                for (k, c) in &gr.kinds {
                    *kinds_total.entry(*k).or_default() += c * weight;
                }
                for (v, c) in &gr.variants {
                    *e.variants.entry(v.clone()).or_default() += c;
                }
                for (d, c) in &gr.documents {
                    *e.documents.entry(*d).or_default() += c;
                }
                e.titles.extend(gr.titles.iter().cloned());
            }
            e.kind = kinds_total
                .iter()
                .max_by_key(|(_, c)| **c)
                .map(|(k, _)| *k)
                .unwrap_or(EntityKind::Organization);
            e.name = e
                .variants
                .iter()
                .max_by_key(|(v, c)| (name_tokens(v).len(), **c, std::cmp::Reverse((*v).clone())))
                .map(|(v, _)| v.clone())
                .unwrap_or_default();
            let id = index.entities.len();
            for &g in members {
                index.by_tokens.insert(groups[g].tokens.clone(), id);
            }
            index.entities.push(e);
        }
        index
    }

    /// The entity a name refers to: exact tokens, else a unique entity whose name contains
    /// it (a surname, "Observatory"), matched case-insensitively.
    pub fn resolve(&self, name: &str) -> Option<&Entity> {
        let toks = name_tokens(name);
        if toks.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_tokens.get(&toks) {
            return self.entities.get(i);
        }
        let mut found: Vec<&Entity> = Vec::new();
        for (t, &i) in &self.by_tokens {
            let e = &self.entities[i];
            if sub_name(&toks, t, e.kind) && !found.iter().any(|f| std::ptr::eq(*f, e)) {
                found.push(e);
            }
        }
        if found.len() == 1 { found.pop() } else { None }
    }

    /// The unique person whose titles include every given role word ("chancellor",
    /// "german chancellor", "mayor").
    pub fn by_title(&self, roles: &[&str]) -> Option<&Entity> {
        let mut found = self.entities.iter().filter(|e| {
            e.kind == EntityKind::Person && roles.iter().all(|r| e.titles.contains(*r))
        });
        let first = found.next()?;
        if found.next().is_some() {
            None
        } else {
            Some(first)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Any text made of the words the rules look at (titles, place words, particles,
        /// model codes, currency marks, indices, punctuation, non-ASCII, words in capitals)
        /// gives mentions whose offsets cut the text where their text says (in its usual
        /// case), and an index built from them.
        #[test]
        fn mentions_are_slices_of_any_text(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "General", "Motors", "Prime", "Minister", "of", "Canada", "Apple", "CEO", "Steve",
                "Jobs", "Sheikh", "Saeed", "district", "areas", "and", "refugee", "camp", "US$",
                "U.S.", "A380", "B-52", "G20", "Dow", "Jones", "FTSE", "GHz", "New", "York",
                "Russians", "Al", "Jazeera", "al-Assad", "Ramadan", "Ahmed", "said", "the", ".",
                ",", "\"", "“", "(", ")", "-", "$", "Zürich", "Ñandú", "İstanbul", "\n", " ",
                "BARACK", "OBAMA", "Obama", "PROTESTERS", "protesters", "ZÜRICH", "İSTANBUL",
                "O'NEILL", "A", "I", ":",
            ]),
            0..40,
        )) {
            let text = words.join(" ");
            let mentions = find_entities(&text);
            for m in &mentions {
                proptest::prop_assert!(m.start < m.end && m.end <= text.len());
                // the mention's text is the span in its usual case
                let span = text.get(m.start..m.end).unwrap_or_default();
                proptest::prop_assert!(span.to_lowercase() == m.text.to_lowercase(), "{span} {}", m.text);
            }
            let index = EntityIndex::build(&[(0, mentions)]);
            proptest::prop_assert!(index.entities.iter().all(|e| !e.name.is_empty()));
        }
    }

    #[test]
    fn names_before_place_words_are_places_throughout_the_text() {
        let k = kinds(
            "Rebels held the fringe of Sheikh Saeed district. Troops tried to advance in Sheikh \
             Saeed on Monday. They took the Handarat Palestinian refugee camp and the Merjeh and \
             Sheikh Lutfi areas, then the central neighborhood of Farafra.",
        );
        for place in [
            "Sheikh Saeed",
            "Handarat",
            "Merjeh",
            "Sheikh Lutfi",
            "Farafra",
        ] {
            assert!(
                k.contains(&(place.to_string(), EntityKind::Location)),
                "{place} in {k:?}"
            );
        }
        assert!(
            !k.iter().any(|(n, _)| n == "Saeed" || n == "Lutfi"),
            "{k:?}"
        );
    }

    #[test]
    fn nationality_words_news_agencies_and_group_cues() {
        let k = kinds(
            "\"The Russians walked back,\" he said. The Syrian state media reported it. A \
             fighter from the Failaq al-Sham rebel group spoke to Al Jazeera, and Ahmed Ramadan \
             told reporters.",
        );
        assert!(
            !k.iter().any(|(n, _)| n == "Russians" || n == "Syrian"),
            "{k:?}"
        );
        assert!(
            k.contains(&("Failaq al-Sham".into(), EntityKind::Organization)),
            "{k:?}"
        );
        assert!(
            k.contains(&("Al Jazeera".into(), EntityKind::Organization)),
            "{k:?}"
        );
        assert!(
            k.contains(&("Ahmed Ramadan".into(), EntityKind::Person)),
            "{k:?}"
        );
    }

    #[test]
    fn and_joins_one_last_word_of_a_name_with_of_or_for() {
        let k = kinds(
            "The Centers for Disease Control and Prevention and the Center for Alternative \
             Medicine Research and Education met researchers of the University of Pittsburgh \
             and Carnegie Mellon University, and Britain and France agreed.",
        );
        let names: Vec<&str> = k.iter().map(|(n, _)| n.as_str()).collect();
        for name in [
            "Centers for Disease Control and Prevention",
            "Center for Alternative Medicine Research and Education",
            "University of Pittsburgh",
            "Carnegie Mellon University",
            "Britain",
            "France",
        ] {
            assert!(names.contains(&name), "{name} in {names:?}");
        }
    }

    #[test]
    fn and_joins_two_fields_after_a_field_head() {
        let k = kinds(
            "The Department of Health and Human Services said on Monday that the Ministry of \
             Agriculture and Rural Affairs would help. Analysts at the Bank of America and Wells \
             Fargo disagreed, and the Department of Energy and Apple Inc. signed, as did the \
             Office for National Statistics and University College London.",
        );
        let names: Vec<&str> = k.iter().map(|(n, _)| n.as_str()).collect();
        for name in [
            "Department of Health and Human Services",
            "Ministry of Agriculture and Rural Affairs",
            "Bank of America",
            "Wells Fargo",
            "Department of Energy",
            "Apple Inc",
            "Office for National Statistics",
            "University College London",
        ] {
            assert!(names.contains(&name), "{name} in {names:?}");
        }
    }

    #[test]
    fn products_and_events_are_not_entities() {
        let t = "Airbus has delivered the first Airbus A380 to Singapore Airlines. The Boeing \
                 787 Dreamliner flew on Tuesday; two Dreamliners were sold and Ryanair ordered \
                 five Boeing 737s and six A320s. On Monday Apple unveiled the iPod Nano at the Worldwide \
                 Developers Conference (WWDC) in San Francisco. WWDC ended. The Nano is small. \
                 Adam Air Flight 574 crashed. The Paris Air Show opened.";
        let k = kinds(t);
        let names: Vec<&str> = k.iter().map(|(n, _)| n.as_str()).collect();
        for name in [
            "Singapore Airlines",
            "Ryanair",
            "Apple",
            "San Francisco",
            "Adam Air",
        ] {
            assert!(names.contains(&name), "{name} in {names:?}");
        }
        for name in [
            "Boeing",
            "Dreamliner",
            "Dreamliners",
            "A320s",
            "Nano",
            "Worldwide Developers Conference",
            "WWDC",
            "Adam Air Flight",
            "Paris Air Show",
        ] {
            assert!(!names.contains(&name), "{name} in {names:?}");
        }
        // the company itself stays; only its name before the model code goes
        assert_eq!(
            names.iter().filter(|n| **n == "Airbus").count(),
            1,
            "{names:?}"
        );
        // two words run together are no brand: "saidAlan Shaw" keeps the person
        assert!(intercapped_brand("iPod") && intercapped_brand("eBay"));
        assert!(!intercapped_brand("saidAlan") && !intercapped_brand("McCain"));
        assert!(is_model_code("787") && is_model_code("737-800") && is_model_code("A330-300E"));
        assert!(!is_model_code("2009") && !is_model_code("G20") && !is_model_code("45"));
    }

    #[test]
    fn indices_nationalities_document_parts_ampersands_and_quotation_openers() {
        // a nationality before a title is one of the titles
        let p = kinds(
            "Scottish First Minister Alex Salmond met Nigerian Oil Minister Rilwanu Lukman. At \
             17:00 BST Nicola Sturgeon spoke.",
        );
        for name in ["Alex Salmond", "Rilwanu Lukman"] {
            assert!(p.contains(&(name.into(), EntityKind::Person)), "{p:?}");
        }
        // a time zone is no part of a name
        assert!(p.iter().any(|(n, _)| n == "Nicola Sturgeon"), "{p:?}");
        let k = kinds(
            "The Standard & Poor's 500 index fell, while the FTSE-100 index rose and the \
             primary UK index slipped. Investors bought Johnson & Johnson as the Romanian \
             government reported North American sales. GM later filed for Chapter 11 \
             protection. He said, “Stop me if you have heard this.” The Russell 2000 Index \
             dropped.",
        );
        let names: Vec<&str> = k.iter().map(|(n, _)| n.as_str()).collect();
        assert!(
            k.contains(&("Johnson & Johnson".into(), EntityKind::Organization)),
            "{k:?}"
        );
        assert!(k.contains(&("UK".into(), EntityKind::Location)), "{k:?}");
        assert!(names.contains(&"GM"), "{names:?}");
        for none in [
            "Standard",
            "Poor",
            "Standard & Poor",
            "FTSE-100",
            "Romanian",
            "North American",
            "Chapter",
            "Stop",
            "Russell",
            "Index",
        ] {
            assert!(!names.contains(&none), "{none} in {names:?}");
        }
    }

    #[test]
    fn industry_heads_title_appositions_and_one_kind_per_name() {
        let k = kinds(
            "Then Apple Computer announced a laptop, and Douglas Aircraft built jets while \
             Apple Corps claims the logo. Kaoru Yosano, the Japanese minister of fiscal policy, \
             spoke. The bank's CEO, Ken Lewis, said losses rose. Ford bought Automobile \
             Craiova, a Romanian official said. Fiat wants a stake in Chrysler, and Chrysler \
             agreed; then Chrysler cut jobs.",
        );
        for (name, kind) in [
            ("Apple Computer", EntityKind::Organization),
            ("Douglas Aircraft", EntityKind::Organization),
            ("Apple Corps", EntityKind::Organization),
            ("Kaoru Yosano", EntityKind::Person),
            ("Ken Lewis", EntityKind::Person),
            ("Automobile Craiova", EntityKind::Organization),
        ] {
            assert!(k.contains(&(name.to_string(), kind)), "{name} in {k:?}");
        }
        let chrysler: Vec<EntityKind> = k
            .iter()
            .filter(|(n, _)| n == "Chrysler")
            .map(|(_, kind)| *kind)
            .collect();
        assert_eq!(chrysler, [EntityKind::Organization; 3], "{k:?}");
    }

    #[test]
    fn stakes_acronyms_with_ampersands_currencies_and_place_prefixes() {
        let k = kinds(
            "Fiat bought a stake in Chrysler. Investors bought AT&T. He sold it to Cerberus \
             Capital Management for US$ 7.4 billion. The show is in downtown San Jose, and \
             later in Fort Worth.",
        );
        for (name, kind) in [
            ("Chrysler", EntityKind::Organization),
            ("AT&T", EntityKind::Organization),
            ("Cerberus Capital Management", EntityKind::Organization),
            ("San Jose", EntityKind::Location),
            ("Fort Worth", EntityKind::Location),
        ] {
            assert!(k.contains(&(name.to_string(), kind)), "{name} in {k:?}");
        }
    }

    #[test]
    fn named_days_common_acronyms_and_scale_words_are_not_names() {
        let k = kinds(
            "Shares fell on Black Monday. The store sells TV episodes to VIP guests. Steve \
             Jobs, the Apple Computer CEO, came. Daimler \
             agreed to sell the Chrysler Group for $7.4 Billion on Monday. Ahmed Ramadan spoke.",
        );
        let names: Vec<&str> = k.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"Chrysler Group"), "{names:?}");
        assert!(names.contains(&"Ahmed Ramadan"), "{names:?}");
        assert!(names.contains(&"Apple Computer"), "{names:?}");
        for none in ["Black", "TV", "VIP", "Billion", "Apple Computer CEO"] {
            assert!(!names.contains(&none), "{none} in {names:?}");
        }
    }

    #[test]
    fn legal_forms_end_a_name_title_runs_and_honorifics() {
        let k = kinds(
            "\"It hurts,\" said the vice chairman of Chrysler LLC Tom Lasorda. Later, Chrysler \
             Chief Executive Robert Nardelli left. The guests included Mr. Lee Hsien Loong and \
             Assistant Director General Keiji Fukuda, back from the Philippines.",
        );
        for (name, kind) in [
            ("Chrysler LLC", EntityKind::Organization),
            ("Tom Lasorda", EntityKind::Person),
            ("Chrysler", EntityKind::Organization),
            ("Robert Nardelli", EntityKind::Person),
            ("Lee Hsien Loong", EntityKind::Person),
            ("Keiji Fukuda", EntityKind::Person),
            ("Philippines", EntityKind::Location),
        ] {
            assert!(k.contains(&(name.to_string(), kind)), "{name} in {k:?}");
        }
    }

    #[test]
    fn titles_inside_firm_names_prefixes_and_complements() {
        let k = kinds(
            "Shares of General Motors rose. The Defense Ministry agreed. Apple CEO Steve Jobs \
             spoke in New York. The Prime Minister of Canada came, with the Chief Executive \
             Officer of Boeing Commercial Airplanes.",
        );
        for (name, kind) in [
            ("General Motors", EntityKind::Organization),
            ("Defense Ministry", EntityKind::Organization),
            ("Apple", EntityKind::Organization),
            ("Steve Jobs", EntityKind::Person),
            ("New York", EntityKind::Location),
            ("Canada", EntityKind::Location),
            ("Boeing Commercial Airplanes", EntityKind::Organization),
        ] {
            assert!(k.contains(&(name.to_string(), kind)), "{name} in {k:?}");
        }
        assert!(
            !k.iter().any(|(n, _)| n == "Motors" || n.starts_with("of ")),
            "{k:?}"
        );
    }

    #[test]
    fn models_indices_currencies_and_unknown_pairs() {
        let k = kinds(
            "Apple Computer sold 10 units for US$ 40 each. Emirates ordered the Airbus A380 \
             and the A400M. The Dow Jones Industrial Average fell while the FTSE rose. The \
             U.S. market, clocked at 2 GHz, opened. \"We will wait,\" said Pablo Marco, a \
             coordinator.",
        );
        assert!(
            k.contains(&("Apple Computer".into(), EntityKind::Organization)),
            "{k:?}"
        );
        // "the Airbus A380" names a product, not the company (see
        // products_and_events_are_not_entities)
        assert!(!k.iter().any(|(n, _)| n == "Airbus"), "{k:?}");
        assert!(k.contains(&("U.S.".into(), EntityKind::Location)), "{k:?}");
        assert!(
            k.contains(&("Pablo Marco".into(), EntityKind::Person)),
            "{k:?}"
        );
        for none in [
            "US",
            "A380",
            "A400M",
            "Dow",
            "Jones Industrial Average",
            "FTSE",
            "GHz",
        ] {
            assert!(
                !k.iter().any(|(n, _)| n.contains(none) && n != "Airbus"),
                "{none} in {k:?}"
            );
        }
        // forums and model codes are told apart
        assert!(not_entity_word("A380") && not_entity_word("A400M") && not_entity_word("B-52"));
        assert!(!not_entity_word("G20") && !not_entity_word("G7") && !not_entity_word("Apple"));
    }

    #[test]
    fn words_shouted_in_capitals_take_their_usual_case() {
        let text = "CARL AZUZ, CNN STUDENT NEWS ANCHOR: Political protests in Egypt. All of it \
                    is coming up on CNN Student News. I'm Carl Azuz.\nAZUZ: The place: Cairo.\n\
                    PROTESTERS: We want him out. The protesters say they have two demands, and \
                    the WHO said that people who travel should take care.\n\
                    HOSSAM ZAKI, FOREIGN MINISTRY SPOKESMAN: The foreign ministry is calm.\n\
                    THIS IS A RUSH TRANSCRIPT. US officials spoke to the US CDC. Is this a \
                    rush job?";
        let cased = usual_case(text);
        assert_eq!(cased.len(), text.len());
        // a name the text writes otherwise, and the acronym it uses alone
        assert!(cased.starts_with("Carl Azuz, CNN Student News"), "{cased}");
        assert!(cased.contains("\nAzuz: The place"), "{cased}");
        // a common word of the text
        assert!(cased.contains("\nprotesters: We want"), "{cased}");
        // acronyms stay, also where the text uses their letters as a word ("who")
        assert!(cased.contains("the WHO said"), "{cased}");
        assert!(cased.contains("the US CDC"), "{cased}");
        // a name with no other spelling: title case, up to the comma that ends it
        assert!(cased.contains("Hossam Zaki, foreign ministry"), "{cased}");
        // common words among common words
        assert!(cased.contains("this is a rush transcript"), "{cased}");
        let k = kinds(text);
        assert!(
            k.contains(&("Carl Azuz".into(), EntityKind::Person)),
            "{k:?}"
        );
        assert!(
            !k.iter().any(|(t, _)| t.to_lowercase() == "protesters"),
            "{k:?}"
        );
        assert!(
            !k.iter().any(|(t, _)| t.to_lowercase().contains("rush")),
            "{k:?}"
        );
        // a text without capitals is returned as it is
        assert!(matches!(
            usual_case("The WHO said so."),
            std::borrow::Cow::Borrowed(_)
        ));
        // a newsroom job after the outlet is no part of its name
        let k = kinds("JIM CLANCY, CNN ANCHOR: Good evening. Jim Clancy is here.");
        assert!(
            k.contains(&("CNN".into(), EntityKind::Organization)),
            "{k:?}"
        );
        assert!(
            k.contains(&("Jim Clancy".into(), EntityKind::Person)),
            "{k:?}"
        );
        assert_eq!(title_case("O'NEILL"), "O'Neill");
        assert_eq!(title_case("KI-MOON"), "Ki-Moon");
        assert_eq!(title_case("DON'T"), "Don't");
    }

    #[test]
    fn a_name_in_capitals_joins_the_same_name_written_normally() {
        let a = find_entities(
            "BARACK OBAMA: We will not back down.\nDMITRY MEDVEDEV: We agree.\n\
             Presidents Medvedev and Obama signed the treaty last April.",
        );
        let b = find_entities(
            "President Barack Obama spoke on Monday. Russian President Dmitry Medvedev \
             said that the bombers will be found. Medvedev said security was poor.",
        );
        assert!(!a.iter().any(|m| m.text.contains("Presidents")), "{a:?}");
        let index = EntityIndex::build(&[(0, a), (1, b)]);
        let names: Vec<(&str, usize)> = index
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.mentions()))
            .collect();
        assert!(names.contains(&("Barack Obama", 3)), "{names:?}");
        assert!(names.contains(&("Dmitry Medvedev", 4)), "{names:?}");
        assert_eq!(
            index.resolve("Medvedev").map(|e| e.name.as_str()),
            Some("Dmitry Medvedev")
        );
        // a plural title heads a coordination of names, not a place's name
        let k = kinds("Commuters left Kings Cross station on Monday.");
        assert!(
            !k.iter().any(|(_, kind)| *kind == EntityKind::Person),
            "{k:?}"
        );
    }

    #[test]
    fn a_first_name_joins_the_one_person_with_that_first_name() {
        let index = EntityIndex::build(&[(
            0,
            find_entities(
                "The singer Nick Jonas was diagnosed in 2005. On that day, Nick says, his blood \
                 sugar was out of control. Joe Jonas agreed.",
            ),
        )]);
        assert_eq!(
            index.resolve("Nick").map(|e| e.name.as_str()),
            Some("Nick Jonas"),
            "{:?}",
            index.entities
        );
        let index = EntityIndex::build(&[(
            0,
            find_entities(
                "The singer Nick Jonas and the politician Nick Clegg met. On Monday, Nick said \
                 the meeting went well.",
            ),
        )]);
        assert!(
            index.resolve("Nick").is_none_or(|e| e.name == "Nick"),
            "{:?}",
            index.entities
        );
    }

    #[test]
    fn a_shared_surname_is_the_person_named_far_more_often() {
        let docs: Vec<(usize, Vec<Mention>)> = [
            "President Hosni Mubarak spoke. Later, President Hosni Mubarak said he would stay.",
            "Protesters want President Hosni Mubarak out. President Hosni Mubarak refused, and \
             his son, the banker Gamal Mubarak, left.",
            "On Friday, Mubarak said he would not run again.",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| (i, find_entities(t)))
        .collect();
        let index = EntityIndex::build(&docs);
        assert_eq!(
            index.resolve("Mubarak").map(|e| e.name.as_str()),
            Some("Hosni Mubarak"),
            "{:?}",
            index.entities
        );
        // named about as often: the surname stays apart
        let docs = vec![(
            0,
            find_entities(
                "President Hosni Mubarak and the banker Gamal Mubarak met. The banker Gamal \
                 Mubarak left. On Friday, Mubarak said he would stay.",
            ),
        )];
        let index = EntityIndex::build(&docs);
        assert_eq!(
            index.resolve("Mubarak").map(|e| e.name.as_str()),
            Some("Mubarak"),
            "{:?}",
            index.entities
        );
    }

    #[test]
    fn acronyms_join_the_one_name_they_abbreviate() {
        let docs = vec![
            (
                0,
                find_entities(
                    "The United Nations and the United States met. Christian Democratic Union leaders came.",
                ),
            ),
            (
                1,
                find_entities("The UN said the U.S. and the CDU agreed. The AFP reported it."),
            ),
        ];
        let index = EntityIndex::build(&docs);
        let of = |name: &str| {
            index
                .entities
                .iter()
                .find(|e| e.variants.contains_key(name))
                .map(|e| e.name.clone())
        };
        assert_eq!(of("UN").as_deref(), Some("United Nations"));
        assert_eq!(of("U.S.").as_deref(), Some("United States"));
        assert_eq!(of("CDU").as_deref(), Some("Christian Democratic Union"));
        assert_eq!(of("AFP").as_deref(), Some("AFP"));
    }

    fn kinds(text: &str) -> Vec<(String, EntityKind)> {
        find_entities(text)
            .into_iter()
            .map(|m| (m.text, m.kind))
            .collect()
    }

    #[test]
    fn titles_are_cut_and_people_typed() {
        let k = kinds("But on Tuesday, Foreign Minister Sergei Lavrov accused Washington.");
        assert!(
            k.contains(&("Sergei Lavrov".into(), EntityKind::Person)),
            "{k:?}"
        );
        assert!(
            k.contains(&("Washington".into(), EntityKind::Location)),
            "{k:?}"
        );
        assert!(!k.iter().any(|(t, _)| t.contains("Tuesday")), "{k:?}");
        let m = find_entities("German Chancellor Angela Merkel on Tuesday lashed out.");
        let merkel = m
            .iter()
            .find(|m| m.text == "Angela Merkel")
            .expect("Merkel");
        assert!(merkel.titles.contains(&"chancellor".to_string()));
    }

    #[test]
    fn organisations_and_places() {
        let k = kinds(
            "The Kessel Valley Water Authority said the Kessel River rose, the Syrian \
             Observatory for Human Rights said, as did Yasser al-Youssef of the Nureddin \
             al-Zinki faction in Aleppo.",
        );
        assert!(k.contains(&(
            "Kessel Valley Water Authority".into(),
            EntityKind::Organization
        )));
        assert!(
            k.contains(&("Kessel River".into(), EntityKind::Location)),
            "{k:?}"
        );
        assert!(k.contains(&(
            "Syrian Observatory for Human Rights".into(),
            EntityKind::Organization
        )));
        assert!(
            k.contains(&("Yasser al-Youssef".into(), EntityKind::Person)),
            "{k:?}"
        );
        assert!(
            k.contains(&("Nureddin al-Zinki".into(), EntityKind::Organization)),
            "{k:?}"
        );
        assert!(k.contains(&("Aleppo".into(), EntityKind::Location)));
    }

    #[test]
    fn variants_merge() {
        let docs = vec![
            (
                0,
                find_entities("Foreign Minister Sergei Lavrov spoke. Lavrov said so."),
            ),
            (1, find_entities("Foreign Minister Sergey Lavrov spoke.")),
            (
                2,
                find_entities(
                    "Observatory director Rami Abdel-Rahman spoke for the Syrian Observatory \
                     for Human Rights. Abdel Rahman said the Observatory counted.",
                ),
            ),
            (3, find_entities("Rami Abdel Rahman, director, spoke.")),
        ];
        let index = EntityIndex::build(&docs);
        let lavrov = index.resolve("Sergey Lavrov").expect("Lavrov");
        assert_eq!(lavrov.kind, EntityKind::Person);
        assert!(lavrov.variants.contains_key("Sergei Lavrov"));
        assert!(lavrov.variants.contains_key("Lavrov"));
        assert_eq!(lavrov.documents.len(), 2);
        let rami = index.resolve("Abdel Rahman").expect("Rami");
        assert!(rami.variants.contains_key("Rami Abdel-Rahman"), "{rami:?}");
        assert!(rami.variants.contains_key("Rami Abdel Rahman"), "{rami:?}");
        let obs = index.resolve("the observatory").expect("SOHR");
        assert_eq!(obs.name, "Syrian Observatory for Human Rights");
        // a name that is not there does not resolve
        assert!(index.resolve("Kerry").is_none());
    }

    #[test]
    fn short_name_joins_through_an_intermediate_variant() {
        // "Observatory" is contained in two names that are one entity: it joins that entity
        // instead of standing alone.
        let docs = vec![
            (
                0,
                find_entities("The Syrian Observatory for Human Rights said 20 people died."),
            ),
            (
                1,
                find_entities("The Syrian Observatory said the toll rose."),
            ),
            (
                2,
                find_entities("The Observatory said the district had not fallen."),
            ),
        ];
        let index = EntityIndex::build(&docs);
        let named: Vec<&str> = index
            .entities
            .iter()
            .filter(|e| e.name.contains("Observatory"))
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(named, ["Syrian Observatory for Human Rights"]);
        let obs = index.resolve("Observatory").expect("SOHR");
        assert!(obs.variants.contains_key("Observatory"), "{obs:?}");
        assert_eq!(obs.documents.len(), 3);
    }

    #[test]
    fn words_keep_abbreviations_and_drop_possessives() {
        let w: Vec<&str> = words("The U.S. envoy's plan, Aleppo’s east")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(
            w,
            vec!["The", "U.S.", "envoy", "s", "plan", "Aleppo", "s", "east"]
        );
    }
}
