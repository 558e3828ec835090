//! Quotes: direct quotes (words in quotation marks) and indirect ones ("X said (that) …",
//! "…, X said", "…, according to X"), with their speakers. Pronouns ("he said") resolve to
//! the latest speaker or person named before; titles ("the German chancellor") to the unique
//! person seen with those titles; surnames to the full name. [`group`] merges the same
//! statement quoted by several outlets into one [`Quote`] with its variants.

use std::collections::BTreeSet;

use storyline_core::{ArticleIdx, Corpus, Quote, SourcedText};

use crate::entities::{EntityIndex, EntityKind, Mention};
use crate::lexicon::{self, has};

/// A quote found in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct RawQuote {
    /// Byte offset of the quoted or reported text in the article.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The quoted words, or the reported clause.
    pub text: String,
    /// In quotation marks.
    pub direct: bool,
    /// The speaker: canonical entity name when resolved, else the noun phrase as written.
    pub speaker: String,
}

/// Minimum number of words of a quotation to count as a direct quote (shorter quoted spans
/// are scare quotes or partial quotes inside a reported statement).
pub const MIN_DIRECT_WORDS: usize = 3;

fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    // (content start, content end)
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' => open = Some(i + c.len_utf8()),
            '”' => {
                if let Some(s) = open.take() {
                    out.push((s, i));
                }
            }
            '"' => match open.take() {
                Some(s) => out.push((s, i)),
                None => open = Some(i + 1),
            },
            '\n' => {
                if let Some(s) = open.take()
                    && text[s..i].trim().len() > 10
                {
                    out.push((s, i));
                }
            }
            _ => {}
        }
    }
    if let Some(s) = open
        && text[s..].trim().len() > 10
    {
        out.push((s, text.len()));
    }
    out
}

/// A speech verb as written in running text: lower case ("States" in "the United States
/// said" is part of a name).
fn is_speech_verb(w: &str) -> bool {
    w.starts_with(|c: char| c.is_lowercase()) && has(lexicon::SPEECH_VERBS, w)
}

/// Speech verbs that are also plural nouns ("individual states", "district estimates"): after
/// a lower-case phrase they are read as verbs only in the plainest attribution.
const NOUN_HOMOGRAPHS: &[&str] = &[
    "states",
    "reports",
    "notes",
    "claims",
    "estimates",
    "charges",
];

/// Whether a speech verb spelled like a plural noun is used as a verb: its subject is a name,
/// a pronoun, a title or an organisation ("the ministry states"), or it is followed by "that"
/// or a colon ("The school's promotional material states the goal: …"); "the most populous states,
/// such as …" is a noun. `before` is the word before it (adverbs skipped), `after` the text
/// right after it.
fn homograph_is_verb(before: &[&str], after: &str) -> bool {
    let before = before
        .iter()
        .rev()
        .find(|w| {
            !w.ends_with("ly")
                && !has(
                    &[
                        "now",
                        "also",
                        "still",
                        "again",
                        "then",
                        "meanwhile",
                        "later",
                        "earlier",
                    ],
                    w,
                )
        })
        .copied()
        .unwrap_or("");
    // "the Russian claims, …": a verb is not followed by a comma or a full stop
    if after.starts_with([',', '.', ';']) {
        return false;
    }
    let after = after.trim_start();
    before.starts_with(|c: char| c.is_uppercase())
        || has(&["he", "she", "it"], before)
        || has(lexicon::TITLES, before)
        || has(lexicon::ORG_WORDS, before)
        || after
            .split_whitespace()
            .take(4)
            .any(|w| w.ends_with(':') || w == ":")
        || after.split_whitespace().next() == Some("that")
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Bounds of the sentence around `pos` (by `.`, `!`, `?` outside quotes is not tracked:
/// line breaks and sentence punctuation followed by a space and a capital).
fn sentence_bounds(text: &str, from: usize, to: usize) -> (usize, usize) {
    let before = &text[..from];
    let mut start = 0;
    for (i, c) in before.char_indices().rev() {
        if c == '\n' {
            start = i + 1;
            break;
        }
        if matches!(c, '.' | '!' | '?') {
            // "Vermont Gov. Howard Dean", "David T. Felson": the period of a title or an
            // initial does not end a sentence
            let word = before[..i]
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("");
            let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
            if c == '.' && (initial || has(lexicon::TITLES, word)) {
                continue;
            }
            let rest = before[i + 1..].trim_start_matches([' ', '"', '“', '”']);
            let gap = &before[i + 1..before.len() - rest.len()];
            if gap.contains(' ') || gap.is_empty() && rest.is_empty() {
                start = i + 1;
                break;
            }
        }
    }
    let after = &text[to..];
    let mut end = text.len();
    let mut prev_close = true;
    for (i, c) in after.char_indices() {
        if c == '\n' {
            end = to + i;
            break;
        }
        if matches!(c, '.' | '!' | '?') && !(i < 2 && prev_close) {
            // "declared Dr. David Eisenberg": the period of a title or an initial
            let word = after[..i]
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("");
            let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
            if c == '.' && (initial || has(lexicon::TITLES, word)) {
                prev_close = false;
                continue;
            }
            end = to + i + 1;
            break;
        }
        if c == '“' || (c == '"' && i > 1) {
            end = to + i;
            break;
        }
        prev_close = matches!(c, '”' | '"' | ',' | ' ');
    }
    (start, end)
}

/// Auxiliaries and adverbs between a speaker and the speech verb: "The engineers' union
/// has said", "the office now says", "Omar Suleiman, the vice president, has said".
const VERB_GROUP_WORDS: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "now",
    "later",
    "earlier",
    "meanwhile",
    "again",
    "then",
    "previously",
    "still",
    "repeatedly",
    "is",
    "was",
    "will",
    "would",
    "just",
    "reportedly",
    "recently",
    "already",
];

/// A speaker noun phrase found next to a speech verb.
#[derive(Debug, Clone)]
struct SpeakerNp {
    start: usize,
    end: usize,
}

fn trim_np(text: &str, mut s: usize, mut e: usize) -> Option<(usize, usize)> {
    if let Some(p) = text[s..e].rfind(':') {
        s += p + 1;
    }
    let frag = &text[s..e];
    let lead = frag.len() - frag.trim_start_matches([' ', ',', '”', '"']).len();
    s += lead;
    let frag = &text[s..e];
    let trail = frag.len() - frag.trim_end_matches([' ', ',', '.']).len();
    e -= trail;
    let frag = &text[s..e];
    for cut in [
        // "Doctors Without Borders (MSF)": the bracketed acronym is not part of the name
        " (",
        " carried by ",
        " quoted by ",
        " cited by ",
        ", who ",
        " who ",
        ", a ",
        ", the ",
    ] {
        if let Some(p) = frag.find(cut) {
            e = s + p;
        }
    }
    // trailing auxiliaries and adverbs: "The engineers' union has", "the office now"
    loop {
        let frag = &text[s..e];
        let Some((head, last)) = frag.rsplit_once(' ') else {
            break;
        };
        if has(VERB_GROUP_WORDS, last) && last.starts_with(|c: char| c.is_lowercase()) {
            e = s + head.trim_end_matches([' ', ',']).len();
        } else {
            break;
        }
    }
    // "as Mrs. Pierce puts it": a subordinator before a name is not part of it
    let frag = &text[s..e];
    if let Some((w, rest)) = frag.split_once(' ')
        && has(&["as", "when", "after", "while", "because", "since"], w)
        && rest.starts_with(|c: char| c.is_uppercase())
    {
        s = e - rest.len();
    }
    // "But pro-government media said", "…, but a German official said": the conjunction
    // starts the clause, not the speaker
    let frag = &text[s..e];
    if let Some((w, rest)) = frag.split_once(' ')
        && matches!(w.to_lowercase().trim_end_matches(','), "but" | "and")
    {
        s = e - rest.trim_start().len();
    }
    // "That's why analysts say", "Tuesday's offensive came as Russia said", "The reports
    // come after the US said": the speaker follows the subordinator
    for sub in [
        " why ",
        " as ",
        " after ",
        " when ",
        " because ",
        " while ",
        " since ",
        " before ",
        " until ",
        " although ",
        " though ",
    ] {
        if let Some(p) = text[s..e].rfind(sub) {
            s += p + sub.len();
        }
    }
    let frag = &text[s..e];
    let first = frag.split_whitespace().next().unwrap_or("").to_lowercase();
    if matches!(
        first.as_str(),
        "and"
            | "but"
            | "as"
            | "while"
            | "which"
            | "who"
            | "that"
            | "when"
            | "after"
            | "before"
            | "up"
            | "down"
            | "countering"
            | "if"
            | "so"
            | "because"
            | "although"
            | "whereas"
            | "since"
            | "until"
            | "unless"
            | "though"
            | "once"
            | "where"
            // a speaker does not start with a preposition or an infinitive ("In other
            // states where …", "…, to be announced next week")
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "from"
            | "of"
            | "by"
            | "to"
            | "into"
            | "during"
            | "under"
            | "among"
    ) {
        return None;
    }
    let n = word_count(frag);
    let verbish = frag.split_whitespace().skip(1).any(|w| {
        matches!(
            w,
            "came" | "accused" | "said" | "says" | "went" | "made" | "is" | "are" | "was" | "were"
        )
    });
    // "…, but hours later admitted": a span of time is not a speaker
    let time_span = frag.split_whitespace().last().is_some_and(|w| {
        matches!(
            w,
            "seconds"
                | "minutes"
                | "hours"
                | "days"
                | "weeks"
                | "months"
                | "years"
                | "moments"
                | "day"
                | "week"
                | "month"
                | "year"
                | "night"
                | "morning"
                | "afternoon"
                | "evening"
        )
    });
    ((1..=8).contains(&n) && !verbish && !time_span).then_some((s, e))
}

/// Finds a speaker right after a closing quote: `, X said` / `, said X` / `he said`.
fn speaker_after(text: &str, from: usize, end: usize) -> Option<SpeakerNp> {
    let frag = &text[from..end];
    let words: Vec<(usize, &str)> = word_spans(frag);
    // said X
    if let Some(&(_, w)) = words.first()
        && is_speech_verb(w)
    {
        let s = words.get(1)?.0;
        let e = s + phrase_end(&frag[s..]);
        if let Some((s, e)) = named_as(text, from + e) {
            return Some(SpeakerNp { start: s, end: e });
        }
        let (s, e) = trim_np(text, from + s, from + e)?;
        return Some(SpeakerNp { start: s, end: e });
    }
    // X said; "X, spokesman for the Civil Defence, told …" (an apposition closed by a comma
    // right before the verb: the speaker is the name before it). After a quotation that ends
    // a sentence, a new sentence ("… themselves.” Good research became even more necessary,
    // she said.") holds its own statement, not this quotation's speaker.
    let closed = text[..from]
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\''])
        .ends_with(['.', '!', '?']);
    let new_sentence = closed && frag.trim_start().starts_with(|c: char| c.is_uppercase());
    for (k, &(p, w)) in words.iter().enumerate().take(16) {
        if is_speech_verb(w) && k > 0 {
            if new_sentence && (k > 3 || frag[..p].contains(',')) {
                return None;
            }
            // "“…,” and the combination of compounds worked best, said Dr. Robert R.
            // Karpman": a clause closed by a comma, and the speaker after the verb
            let gap = frag[words[0].0..p].trim_end();
            if k > 1 && gap.ends_with(',') && gap.matches(',').count() == 1 {
                let n = words.get(k + 1)?.0;
                let e = n + phrase_end(&frag[n..]);
                if !inverted_speaker(&frag[n..e]) {
                    return None;
                }
                let (s, e) = trim_np(text, from + n, from + e)?;
                return Some(SpeakerNp { start: s, end: e });
            }
            let np = &text[from + words[0].0..from + p];
            let np_end = match np.find(',') {
                Some(c) if np.trim_end().ends_with(',') && c + 1 < np.trim_end().len() => {
                    from + words[0].0 + c
                }
                _ if k >= 11 => return None,
                _ => from + p,
            };
            let (s, e) = trim_np(text, from + words[0].0, np_end)?;
            return Some(SpeakerNp { start: s, end: e });
        }
        if w.contains(',') {
            break;
        }
    }
    None
}

/// The end of a speaker phrase: the first comma or full stop that is not the period of an
/// abbreviated title or an initial ("Dr. David Eisenberg, director …", "Marc C. Hochberg").
fn phrase_end(frag: &str) -> usize {
    for (i, c) in frag.char_indices() {
        if c == ',' {
            return i;
        }
        if c == '.' {
            let word = frag[..i]
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("");
            let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
            if !(initial || has(lexicon::TITLES, word)) {
                return i;
            }
        }
    }
    frag.len()
}

/// The name an unnamed speaker is given right after the phrase: "a fighter from the Failaq
/// al-Sham rebel group, who gave his name as Abdullah al-Halabi". `pos` is the end of the
/// phrase; returns the name's span.
fn named_as(text: &str, pos: usize) -> Option<(usize, usize)> {
    let rest = text.get(pos..)?;
    let lower = rest.chars().take(40).collect::<String>().to_lowercase();
    let cue = [
        ", who gave his name as ",
        ", who gave her name as ",
        ", who gave their name as ",
        ", who identified himself as ",
        ", who identified herself as ",
    ]
    .into_iter()
    .find(|c| lower.starts_with(c))?;
    let s = pos + cue.len();
    let name = &text[s..];
    let len = name.find([',', '.', ';', '\n']).unwrap_or(name.len());
    let name = name[..len].trim_end();
    let words = word_count(name);
    (name.starts_with(|c: char| c.is_uppercase()) && (1..=4).contains(&words))
        .then_some((s, s + name.len()))
}

fn word_spans(frag: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in frag.char_indices() {
        if c.is_whitespace() || matches!(c, '“' | '”' | '"' | '(' | ')') {
            if let Some(s) = start.take() {
                out.push((s, frag[s..i].trim_end_matches([',', '.', ':', ';'])));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, frag[s..].trim_end_matches([',', '.', ':', ';'])));
    }
    out
}

/// Forms of "be": a speech verb right after one is passive ("was told by", "it is
/// estimated that"), and its subject is not the speaker.
const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Words that open a parenthetical between a subject and its verb ("X, which operates the
/// dam, said", "X, however, said").
const PARENTHETICAL_OPENERS: &[&str] = &[
    "which",
    "who",
    "whose",
    "however",
    "also",
    "too",
    "though",
    "meanwhile",
];

/// The subject of a verb preceded by a comma (`frag[..verb]` ends with ","): the commas close
/// a parenthetical or an apposition. "The Kessel Valley Water Authority, which operates the
/// dam, said" and "Turkey, a long-time foe of Assad, but which has …, said" give the name
/// before them; "The authority's director, Petter Lund, said" gives the name itself.
/// Returns the byte ranges of the possible subjects within `frag`, best first.
fn apposition_subject(frag: &str, verb: usize) -> Vec<(usize, usize)> {
    let Some(pre) = frag[..verb].trim_end().strip_suffix(',') else {
        return Vec::new();
    };
    // segments with their start offsets
    let mut segs: Vec<(usize, &str)> = Vec::new();
    let mut from = 0;
    for (i, _) in pre.match_indices(',') {
        segs.push((from, &pre[from..i]));
        from = i + 1;
    }
    segs.push((from, &pre[from..]));
    // "Or, as Dr. Barrie Cassileth, chief of …, put it": a conjunction or "as" opening a
    // segment is not part of a name
    let segs: Vec<(usize, &str)> = segs
        .into_iter()
        .filter_map(|(o, seg)| {
            let t = seg.trim_start();
            let lead = seg.len() - t.len();
            match t.split_once(' ') {
                Some((w, rest)) if has(&["or", "but", "and", "so", "yet", "as"], w) => {
                    Some((o + seg.len() - rest.len(), rest))
                }
                None if has(&["or", "but", "and", "so", "yet"], t) => None,
                _ => Some((o + lead, t)),
            }
        })
        .collect();
    if segs.is_empty() {
        return Vec::new();
    }
    let first_word = |seg: &str| -> String {
        seg.split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    };
    let mut i = segs.len();
    // parentheticals: "which operates the dam", "but which has …", "however"
    while i > 1 {
        let seg = segs[i - 1].1.trim();
        let mut w = first_word(seg);
        if matches!(w.as_str(), "but" | "and") {
            w = seg.split_whitespace().nth(1).unwrap_or("").to_string();
        }
        if has(PARENTHETICAL_OPENERS, &w) {
            i -= 1;
        } else {
            break;
        }
    }
    if i == segs.len() && segs.len() < 2 {
        // no parenthetical: an apposition needs a name before it
        return Vec::new();
    }
    let span = |k: usize| -> (usize, usize) {
        let (o, seg) = segs[k];
        let lead = seg.len() - seg.trim_start().len();
        (o + lead, o + seg.trim_end().len())
    };
    let cand = i - 1;
    let starts_lower = |seg: &str| seg.trim_start().starts_with(|c: char| c.is_lowercase());
    let starts_upper = |seg: &str| seg.trim_start().starts_with(|c: char| c.is_uppercase());
    // "X, spokesman for …," / "Turkey, a long-time foe of Assad, …": the apposition
    // describes the name before it
    // a lower-case segment holding a finite verb is a clause, not an apposition ("But
    // already, medical practice is opening up, said …")
    let finite = |seg: &str| {
        seg.split_whitespace()
            .any(|w| has(THAT_STOPS, w) && !matches!(w, "and" | "but" | "or"))
    };
    if segs[..i]
        .iter()
        .skip(1)
        .any(|(_, seg)| starts_lower(seg) && finite(seg))
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    // "Janie Levine Hellyer, a home schooler in Olympia, Wash., said": the name opens the
    // subject and the appositions follow it
    if segs.len() > 1 && starts_upper(segs[0].1) && starts_lower(segs[1].1) {
        out.push(span(0));
    }
    if starts_lower(segs[cand].1) && cand > 0 && starts_upper(segs[cand - 1].1) {
        out.push(span(cand - 1));
    }
    if i < segs.len() || starts_upper(segs[cand].1) {
        out.push(span(cand));
    }
    out
}

/// Whether the words after an inverted speech verb ("…, said Dr. Marc C. Hochberg") name a
/// speaker rather than begin a clause ("…, however, said he believed the tax …"): a short
/// phrase with no verb, a name or a determiner first, or a lone pronoun.
fn inverted_speaker(np: &str) -> bool {
    let words: Vec<&str> = np.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let pronoun = matches!(
        first.to_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "we" | "i"
    );
    if pronoun {
        return words.len() == 1;
    }
    let verb = words
        .iter()
        .skip(1)
        .any(|w| has(THAT_STOPS, w) && !matches!(*w, "and" | "or") || is_speech_verb(w));
    let opening = first.starts_with(|c: char| c.is_uppercase())
        || has(lexicon::SPEAKER_DETERMINERS, first)
        || words.len() <= 2;
    !verb && opening && words.len() <= 8
}

/// Whether a text is a name followed by appositions only ("Janie Levine Hellyer, a home
/// schooler in Olympia"): a capitalised first segment, a lower-case second one, and no verb.
fn apposition_chain(pre: &str) -> bool {
    let segs: Vec<&str> = pre.split(',').map(str::trim).collect();
    segs.len() >= 2
        && segs[0].starts_with(|c: char| c.is_uppercase())
        && segs[1].starts_with(|c: char| c.is_lowercase())
        && segs.iter().all(|seg| {
            word_count(seg) <= 8
                && !seg
                    .split_whitespace()
                    .any(|w| has(THAT_STOPS, w) && !matches!(w, "and" | "or") || is_speech_verb(w))
        })
}

/// Verbs that characterise something in the speaker's words ("described Shaar as “…”",
/// "called Russia's decision … “irresponsible and profoundly ill-advised”"): a quotation of
/// three words or more after them is the subject's.
const CHARACTERISING_VERBS: &[&str] = &[
    "called",
    "calls",
    "described",
    "describes",
    "termed",
    "dubbed",
    "labelled",
    "labeled",
    "branded",
    "denounced",
    "hailed",
];

/// The subject of a characterising verb before a quotation: "The top US diplomat called
/// Russia’s decision to “…”".
fn characterised_by(text: &str, start: usize, to: usize) -> Option<SpeakerNp> {
    let frag = &text[start..to];
    let words = word_spans(frag);
    let k = words
        .iter()
        .position(|(_, w)| has(CHARACTERISING_VERBS, w))
        .filter(|&k| k > 0)?;
    // "a section called “100 Programs You Should Not Buy”": a quotation right after the
    // verb is a name given, not words characterised ("called Russia’s decision to “…”")
    if has(BE_FORMS, words[k - 1].1) || k + 1 >= words.len() {
        return None;
    }
    let p = words[k].0;
    let mut b = k;
    while b > 0 && !frag[words[b - 1].0..p].contains([',', '”', '"', '“']) {
        b -= 1;
    }
    if b == k || k - b > 8 {
        return None;
    }
    // "Dr. Steven F. Bolling, a heart transplant surgeon who describes himself as “…”": the
    // relative pronoun stands for the name the apposition describes
    if matches!(words[k - 1].1, "who" | "which" | "that") {
        if words[k - 1].1 != "who" {
            return None;
        }
        let (s, e) = apposition_subject(frag, words[b].0)
            .into_iter()
            .find_map(|(a, e)| trim_np(text, start + a, start + e))?;
        return Some(SpeakerNp { start: s, end: e });
    }
    let (s, e) = trim_np(text, start + words[b].0, start + p)?;
    Some(SpeakerNp { start: s, end: e })
}

/// A speaker found before the words said.
struct Attribution {
    np: SpeakerNp,
    /// The speech verb, lower case.
    verb: String,
    /// Where the reported words may begin (after the verb, or after the agent of a
    /// passive verb: "was told by X").
    after: usize,
    /// The verb is passive and its agent the speaker ("Y was told by X"): the hearer is
    /// already named.
    passive: bool,
}

/// Finds a speaker before a position: the noun phrase before the first speech verb of the
/// sentence prefix (`X said that "…"`, `X told reporters: "…"`). A passive speech verb
/// names its speaker after "by" ("Y was told by X that …"), or none ("it is estimated that").
fn speaker_before(text: &str, start: usize, to: usize) -> Option<(SpeakerNp, usize)> {
    attribution_before(text, start, to).map(|a| (a.np, a.after))
}

fn attribution_before(text: &str, start: usize, to: usize) -> Option<Attribution> {
    let frag = &text[start..to];
    let words = word_spans(frag);
    for (k, &(p, w)) in words.iter().enumerate() {
        // "Russian Foreign Minister Sergey Lavrov was quoted by Russian news agencies as
        // saying that …": the subject is the speaker, the words follow "as saying"
        if w == "quoted"
            && k > 1
            && has(BE_FORMS, words[k - 1].1)
            && let Some(j) = (k + 1..words.len().min(k + 12))
                .find(|&j| words[j].1 == "as" && words.get(j + 1).is_some_and(|x| x.1 == "saying"))
        {
            let mut b = k - 1;
            while b > 0 && !frag[words[b - 1].0..words[k - 1].0].contains([',', '”', '"']) {
                b -= 1;
            }
            if let Some((a, e)) = trim_np(text, start + words[b].0, start + words[k - 1].0) {
                let (sp, sw) = words[j + 1];
                return Some(Attribution {
                    np: SpeakerNp { start: a, end: e },
                    verb: "said".into(),
                    after: start + sp + sw.len(),
                    passive: false,
                });
            }
        }
        if !is_speech_verb(w) || k == 0 {
            continue;
        }
        let verb = w.to_lowercase();
        // "puts the number … at about 1,500" states a figure; "will put only a tiny dent
        // in" does not
        if matches!(verb.as_str(), "put" | "puts")
            && words.get(k + 1).is_none_or(|x| x.1 != "it")
            && !words.iter().skip(k + 1).take(12).any(|x| x.1 == "at")
        {
            continue;
        }
        // "the most populous states, such as …": a plural noun, unless a name, a pronoun,
        // a title or an organisation is its subject ("the ministry states")
        let before: Vec<&str> = words[..k].iter().map(|x| x.1).collect();
        if has(NOUN_HOMOGRAPHS, &verb) && !homograph_is_verb(&before, &frag[p + w.len()..]) {
            continue;
        }
        if has(BE_FORMS, words[k - 1].1) {
            // "Y was told by X that …": the agent is the speaker
            if words.get(k + 1).is_some_and(|x| x.1 == "by") && k + 2 < words.len() {
                let s = words[k + 2].0;
                let mut e = s;
                // the agent's last words, and where its phrase may end (not on "of the")
                let mut ends: Vec<(usize, &str)> = Vec::new();
                for &(q, x) in words.iter().skip(k + 2).take(8) {
                    if matches!(
                        x,
                        "that" | "as" | "to" | "he" | "she" | "they" | "it" | "we" | "i"
                    ) || frag[e..q].contains(',')
                    {
                        break;
                    }
                    e = q + x.len();
                    ends.push((e, x));
                }
                while ends.len() > 1 && ends.last().is_some_and(|(_, x)| has(NOT_PHRASE_END, x)) {
                    ends.pop();
                }
                let np_e = ends.last().map_or(e, |&(x, _)| x);
                if let Some((a, b)) = trim_np(text, start + s, start + np_e) {
                    return Some(Attribution {
                        np: SpeakerNp { start: a, end: b },
                        verb,
                        after: start + e,
                        passive: true,
                    });
                }
            }
            continue;
        }
        // noun phrase: back to a comma or the sentence start
        let mut b = k;
        while b > 0
            && !words[b - 1].1.is_empty()
            && !frag[words[b - 1].0..p].contains([',', '”', '"'])
        {
            b -= 1;
        }
        // "Omar Suleiman, the vice president, has said": the auxiliary belongs to the verb
        let group = (b..k).all(|x| has(VERB_GROUP_WORDS, words[x].1)) && words[b].1 != "is";
        if k == b || group {
            // "X, which operates the dam, said", "The authority's director, Petter Lund, said"
            // "Now, said Cassileth, of Memorial Sloan-Kettering, “…”": the speaker follows
            if let Some((a, e)) = apposition_subject(frag, words[b].0)
                .into_iter()
                .filter(|&(a, e)| word_count(&frag[a..e]) <= 8)
                .find_map(|(a, e)| trim_np(text, start + a, start + e))
            {
                return Some(Attribution {
                    np: SpeakerNp { start: a, end: e },
                    verb,
                    after: start + p + w.len(),
                    passive: false,
                });
            }
            // "Now, said Cassileth, of Memorial Sloan-Kettering, “…”": the speaker follows,
            // and what was said comes after the speaker
            if let Some(&(n, _)) = words.get(k + 1)
                && matches!(verb.as_str(), "said" | "says")
            {
                let e = n + frag[n..].find([',', ';']).unwrap_or(frag.len() - n);
                if inverted_speaker(&frag[n..e])
                    && let Some((a, b)) = trim_np(text, start + n, start + e)
                {
                    return Some(Attribution {
                        np: SpeakerNp { start: a, end: b },
                        verb,
                        after: b,
                        passive: false,
                    });
                }
            }
            continue;
        }
        if k - b > 10 {
            continue;
        }
        let mut np_end = start + p;
        // "X, which operates the dam, said": the speaker is before the relative clause
        if matches!(words[b].1, "which" | "who") && b > 0 {
            np_end = start + frag[..words[b].0].trim_end().trim_end_matches(',').len();
            let mut c = b - 1;
            while c > 0 && !frag[words[c - 1].0..words[c].0].contains(',') {
                c -= 1;
            }
            // "The dam is operated by the Kessel Valley Water Authority, which said …": the
            // relative pronoun refers to the name right before it, not to the whole clause
            let mut d = b;
            while d > c
                && (words[d - 1].1.starts_with(|ch: char| ch.is_uppercase())
                    || words[d - 1].1.starts_with(|ch: char| ch.is_ascii_digit()))
            {
                d -= 1;
            }
            if d < b && d > c {
                if d > c && has(&["the", "a", "an"], words[d - 1].1) {
                    d -= 1;
                }
                c = d;
            }
            b = c;
        }
        // "Countering the Russian claims, US State Department spokesman Mark Toner said":
        // a phrase that is no speaker does not end the search
        let Some((s, e)) = trim_np(text, start + words[b].0, np_end) else {
            continue;
        };
        return Some(Attribution {
            np: SpeakerNp { start: s, end: e },
            verb,
            after: start + p + w.len(),
            passive: false,
        });
    }
    None
}

/// Nouns for what carries a speaker's words: "a foreign ministry statement" speaks for the
/// foreign ministry.
const DOCUMENT_NOUNS: &[&str] = &["statement", "communique", "communiqué", "release", "letter"];

/// Generic nouns for an organisation: "the monitoring group", "the monitor", "the agency".
const GENERIC_ORG_NOUNS: &[&str] = &[
    "group",
    "monitor",
    "organisation",
    "organization",
    "agency",
    "watchdog",
    "charity",
    "body",
];

/// Nouns for people that a speaker phrase may end in besides titles ("a military source",
/// "her father"): "he" or "she" can refer to such a phrase.
const PERSON_NOUNS: &[&str] = &[
    "source",
    "man",
    "woman",
    "witness",
    "mother",
    "son",
    "daughter",
    "wife",
    "husband",
    "aide",
    "adviser",
    "advisor",
    "member",
    "diplomat",
    "expert",
    "worker",
    "girl",
    "boy",
    "survivor",
    "victim",
    "farmer",
    "friend",
    "neighbour",
    "neighbor",
    "relative",
    "colleague",
    "employee",
    "volunteer",
    "driver",
    "soldier",
    "medic",
    "paramedic",
    "physician",
    "surgeon",
    "scientist",
    "researcher",
    "historian",
    "investigator",
    "prosecutor",
    "detective",
    "observer",
    "negotiator",
    "mediator",
    "candidate",
    "voter",
    "organizer",
    "organiser",
    "protester",
    "demonstrator",
    "player",
    "patient",
    "parent",
    "pilot",
    "guard",
    "sheriff",
    "trooper",
    "person",
    "citizen",
    "local",
    "villager",
    "refugee",
];

/// Nouns of quantity that take "of" before the people they count: "a number of experts",
/// "a group of doctors", "dozens of residents", "tens of thousands of protesters".
const QUANTITY_NOUNS: &[&str] = &[
    "number",
    "group",
    "couple",
    "handful",
    "majority",
    "minority",
    "lot",
    "lots",
    "dozen",
    "dozens",
    "score",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "tens",
    "pair",
    "host",
    "team",
    "panel",
    "band",
    "crowd",
];

/// Quantifiers that take "of the" before a definite plural: "some of the analysts", "many
/// of the residents", "one of the officials".
const PARTITIVES: &[&str] = &[
    "some", "many", "most", "several", "few", "all", "both", "none", "each", "any", "one", "two",
    "three", "four", "five", "half", "more",
];

/// How many leading words of a lowercase speaker phrase are determiners or a quantity
/// before its head noun: "a number of experts" → 3 ("experts"), "some of the analysts" → 3,
/// "tens of thousands of protesters" → 4, "the spokesman" → 1. A quantity is only skipped
/// when a noun follows ("one of them" keeps its quantifier: the pronoun is no speaker).
fn quantity_len(words: &[&str]) -> usize {
    const DEFINITE: &[&str] = &["the", "these", "those", "its", "their", "his", "her"];
    let mut k = 0;
    while k < words.len() {
        let quantity = (has(QUANTITY_NOUNS, words[k]) || has(PARTITIVES, words[k]))
            && words.get(k + 1) == Some(&"of");
        if quantity {
            let mut h = k + 2;
            while h < words.len() && has(DEFINITE, words[h]) {
                h += 1;
            }
            match words.get(h) {
                Some(w) if !has(&["them", "us", "you", "which", "whom"], w) => k = h,
                _ => return k,
            }
        } else if has(lexicon::SPEAKER_DETERMINERS, words[k]) {
            k += 1;
        } else {
            return k;
        }
    }
    k
}

/// Whether an unnamed speaker phrase names one person: its head noun (the last word before
/// "of", "for", "from", …) is a title or a noun for a person.
fn names_a_person(phrase: &str) -> bool {
    let head = phrase
        .split_whitespace()
        .take_while(|w| {
            !matches!(
                *w,
                "of" | "for" | "from" | "at" | "in" | "with" | "on" | "to"
            )
        })
        .last()
        .unwrap_or("");
    let head = norm_word(head);
    has(lexicon::TITLES, &head) || has(PERSON_NOUNS, &head)
}

/// A word in lower case without punctuation and possessive ("Syria’s" → "syria").
fn norm_word(w: &str) -> String {
    let w = w.to_lowercase();
    let w = w.trim_end_matches("'s").trim_end_matches("’s");
    w.trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

/// Words that cannot end a noun phrase: an infinitive's "to", a conjunction, a preposition,
/// a determiner, a modal or negation left before a verb ("we enjoy what you have to say",
/// "he had this to say", "he did not say").
const NOT_PHRASE_END: &[&str] = &[
    "to", "and", "or", "but", "nor", "of", "the", "a", "an", "with", "for", "from", "by", "at",
    "in", "on", "as", "than", "if", "that", "not", "never", "can", "could", "should", "must",
    "might", "shall", "do", "does", "did", "may", "will", "would",
];

/// Words that cannot begin a speaker: a finite verb or auxiliary (the phrase is the end of a
/// clause: "was therapy for him, and fans"), a question or relative word ("what happens --
/// what do you", "how do we know"), "let", "there", "here" ("There's over 20 states").
const NOT_PHRASE_START: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "would", "should", "could", "must", "might",
    "shall", "does", "did", "what", "how", "why", "whether", "whatever", "let", "there", "here",
];

/// A contracted verb: "We've gotten", "you can't", "it's safe to", "They're the ones".
fn contracted_verb(w: &str) -> bool {
    let w = w.replace('’', "'");
    let lower = w.to_lowercase();
    lower.ends_with("n't")
        || ["'ve", "'re", "'ll", "'d", "'m"]
            .iter()
            .any(|c| lower.ends_with(c))
        // "'s" is a possessive after a name ("WHO's tally"), a verb after these words
        || (!crate::entities::all_caps(w.split('\'').next().unwrap_or(""))
            && [
                "it's", "he's", "she's", "there's", "here's", "that's", "what's", "who's",
                "let's", "where's", "how's",
            ]
            .contains(&lower.as_str()))
}

/// The speaker phrase a speech verb was found with, as a noun phrase, or none when it is
/// not one. A phrase holding a contracted verb, beginning with a finite verb, a question
/// word, "let", "there" or "here", or ending in a word that cannot end a noun phrase is
/// part of a clause ("We've gotten reports that …", "was therapy for him, and fans have
/// told him …", "what do you say when …"). A subject pronoun ends its noun phrase, so a
/// phrase ending in one is that pronoun ("staffed by volunteer doctors, he said" is "he"),
/// unless a relative or question word stands before it ("what he said"). "you" is the
/// one spoken to, not a source. A phrase ending in the name of a person or an organisation
/// is that name's ("was the way La Stampa of Turin put it").
fn speaker_phrase(text: &str, np: &SpeakerNp, mentions: &[Mention]) -> Option<SpeakerNp> {
    let frag = text.get(np.start..np.end)?;
    let words: Vec<(usize, &str)> = frag
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - frag.as_ptr() as usize, w))
        .collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .to_string()
    };
    let (&(_, first), &(last_at, last)) = (words.first()?, words.last()?);
    let (first, last) = (bare(first), bare(last));
    let lower_first = first.to_lowercase();
    let lower_last = last.to_lowercase();
    let pronoun = |w: &str| has(&["he", "she", "they", "we", "i", "it", "you"], w);
    if words.len() > 1 && pronoun(&lower_last) {
        let before = bare(words[words.len() - 2].1).to_lowercase();
        if has(
            &[
                "what", "that", "which", "who", "whom", "whatever", "how", "why", "where", "when",
                "if", "because", "than", "as", "whether",
            ],
            &before,
        ) {
            return None;
        }
        let start = np.start
            + last_at
            + (words[words.len() - 1].1.len()
                - words[words.len() - 1]
                    .1
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .len());
        return (lower_last != "you").then_some(SpeakerNp { start, end: np.end });
    }
    // "Europe The UN", "2308 The BBC's Matthew Price", "no threat to public health The WHO":
    // a capitalised "The" after a word that does not govern it (not "in The Plague") opens
    // a sentence run on without its stop, a headline or a time stamp before it, and the
    // speaker's phrase starts there
    if let Some(i) = (1..words.len()).rev().find(|&i| {
        words[i].1 == "The"
            && !has(
                &[
                    "of", "in", "for", "at", "on", "from", "to", "with", "by", "and", "&",
                ],
                &bare(words[i - 1].1),
            )
    }) {
        let np = SpeakerNp {
            start: np.start + words[i].0,
            end: np.end,
        };
        return speaker_phrase(text, &np, mentions);
    }
    let shouted = crate::entities::all_caps(&first);
    let named = mentions
        .iter()
        .any(|m| m.end == np.end && m.start > np.start && m.kind != EntityKind::Location);
    let fault = (!named && words.iter().any(|(_, w)| contracted_verb(w)))
        || (!named && !shouted && has(NOT_PHRASE_START, &lower_first))
        || lower_first == "you"
        || (!crate::entities::all_caps(&last)
            && has(NOT_PHRASE_END, &lower_last)
            && last.starts_with(|c: char| c.is_lowercase()));
    (!fault).then(|| np.clone())
}

/// Speech verbs whose object is the hearer ("told the BBC", "warned the government").
const HEARER_VERBS: &[&str] = &[
    "told", "tells", "warned", "warns", "assured", "reminded", "urged", "informed", "asked",
];

/// Nouns of a time after a determiner ("said this morning", "said the day before").
const TIME_NOUNS: &[&str] = &[
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "weekend",
    "time",
    "summer",
    "spring",
    "autumn",
    "fall",
    "winter",
];

/// Per-article state for resolving pronouns.
struct Context<'a> {
    text: &'a str,
    /// The text with words shouted in capitals in their usual case (same offsets): speaker
    /// phrases are shown from it ("PROTESTERS" is "protesters")
    cased: &'a str,
    mentions: &'a [Mention],
    index: &'a EntityIndex,
    /// (end of the speaker's noun phrase, speaker, kind): a name inside the phrase ("a
    /// State Department official") is the speaker, not a later mention
    speakers: Vec<(usize, String, Option<EntityKind>)>,
}

impl Context<'_> {
    fn resolve(&mut self, np: &SpeakerNp) -> Option<String> {
        self.resolve_outside(np, np.start)
    }

    /// Resolves a speaker named after what they said (`…, he added`): a pronoun refers to
    /// someone named before `said_from`, where the words said begin, never to a person the
    /// words themselves mention (`Kerry and Lavrov will meet again…, he added` is not
    /// Lavrov speaking).
    fn resolve_outside(&mut self, np: &SpeakerNp, said_from: usize) -> Option<String> {
        let np = &speaker_phrase(self.cased, np, self.mentions)?;
        let before = said_from.min(np.start);
        let raw = self.cased[np.start..np.end].trim();
        let lower = raw.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let pronoun = matches!(words.as_slice(), [w] if matches!(*w, "he" | "she" | "it" | "they" | "i" | "we"));
        let result: Option<(String, Option<EntityKind>)> = if pronoun {
            let want_person = matches!(words[0], "he" | "she" | "i");
            let last_speaker = self
                .speakers
                .iter()
                .rev()
                .find(|(p, n, k)| {
                    *p <= before
                        && if want_person {
                            // "he" is a person or a phrase naming one ("a senior official"),
                            // not "the extra money for reservation roads"
                            match k {
                                Some(k) => *k == EntityKind::Person,
                                None => names_a_person(n),
                            }
                        } else {
                            *k != Some(EntityKind::Person)
                        }
                })
                .cloned();
            let kind = if want_person {
                EntityKind::Person
            } else {
                EntityKind::Organization
            };
            let last_mention = self
                .mentions
                .iter()
                .rev()
                .find(|m| m.end <= before && m.kind == kind)
                .map(|m| (m.start, self.canonical(&m.text), Some(kind)));
            match (last_speaker, last_mention) {
                (Some(s), Some(m)) => Some(if s.0 >= m.0 { (s.1, s.2) } else { (m.1, m.2) }),
                (Some(s), None) => Some((s.1, s.2)),
                (None, Some(m)) => Some((m.1, m.2)),
                (None, None) => None,
            }
        } else if let Some(m) = self.mentions.iter().rev().find(|m| {
            // "the National Home Education Research Institute in Salem" is not Salem
            m.start >= np.start
                && m.end == np.end
                && !self.text[np.start..m.start]
                    .split_whitespace()
                    .rfind(|w| !has(lexicon::SPEAKER_DETERMINERS, w))
                    .is_some_and(|w| {
                        matches!(
                            w,
                            "in" | "at" | "of" | "for" | "from" | "on" | "near" | "with"
                        )
                    })
        }) {
            let e = self.index.resolve(&m.text);
            Some((
                e.map(|e| e.name.clone()).unwrap_or_else(|| m.text.clone()),
                Some(e.map(|e| e.kind).unwrap_or(m.kind)),
            ))
        } else if !raw.contains('\'') && !raw.contains('’') {
            // titles: "the German chancellor", "the mayor"
            let roles: Vec<&str> = words
                .iter()
                .copied()
                .filter(|w| has(lexicon::TITLES, w) || has(lexicon::DEMONYMS, w))
                .collect();
            let content = words
                .iter()
                .filter(|w| !has(lexicon::SPEAKER_DETERMINERS, w))
                .count();
            let by_title = if !roles.is_empty() && content == roles.len() {
                self.index.by_title(&roles).map(|e| e.name.clone())
            } else {
                None
            };
            let by_name = self.index.resolve(raw).map(|e| (e.name.clone(), e.kind));
            match (by_title, by_name) {
                (Some(t), _) => Some((t, Some(EntityKind::Person))),
                (None, Some((n, k))) => Some((n, Some(k))),
                _ => {
                    // determiners and a quantity ("a number of experts") are not part of
                    // the speaker's name: like "a spokesman" → "spokesman", the phrase is
                    // rendered by its head noun and what follows ("experts")
                    let skip = quantity_len(&words);
                    let np = raw
                        .split_whitespace()
                        .skip(skip)
                        .collect::<Vec<_>>()
                        .join(" ");
                    // bare plurals after a quantity ("dozens of residents") are indefinite,
                    // a partitive of a definite group ("some of the analysts") is not
                    let indefinite = words
                        .first()
                        .is_some_and(|w| matches!(*w, "a" | "an" | "one" | "another"))
                        || (skip > 0
                            && !words[..skip].iter().any(|w| {
                                has(&["the", "these", "those", "its", "their", "his", "her"], w)
                            }));
                    (!np.is_empty()).then(|| self.earlier_speaker(&np, indefinite, before))
                }
            }
        } else {
            // "The engineers' union": the article is not part of the name
            let (np, indefinite) = match raw.split_once(' ') {
                Some((d, rest)) if has(&["the", "a", "an"], d) => (rest, !has(&["the"], d)),
                _ => (raw, false),
            };
            Some(self.earlier_speaker(np, indefinite, before))
        };
        let (name, kind) = result?;
        self.speakers.push((np.end, name.clone(), kind));
        Some(name)
    }

    /// An unnamed speaker phrase, as the speaker it names: "a foreign ministry statement"
    /// is the foreign ministry, and a phrase that ends an earlier speaker's name ("foreign
    /// ministry" after "Syria's foreign ministry", "the office" after "the regional
    /// emergency office") is that speaker, the latest one. An indefinite phrase ("a
    /// spokesman") introduces someone new, unless what is new is only the document ("a
    /// foreign ministry statement").
    fn earlier_speaker(
        &self,
        np: &str,
        indefinite: bool,
        before: usize,
    ) -> (String, Option<EntityKind>) {
        let mut words: Vec<&str> = np.split_whitespace().collect();
        let mut document = false;
        // "statement from the ministry", "a recent report from Human Rights Watch", "a new
        // study by researchers at …": what a document says, its author says (modifiers in
        // lower case may stand before the noun; a report "of" is what it reports)
        let doc = (0..words.len().min(3)).find(|&i| {
            words.len() > i + 2
                && words[..i]
                    .iter()
                    .all(|w| w.starts_with(|c: char| c.is_lowercase()))
                && (has(DOCUMENT_NOUNS, words[i]) && matches!(words[i + 1], "from" | "by" | "of")
                    || has(&["report", "study", "survey"], words[i])
                        && matches!(words[i + 1], "from" | "by"))
        });
        if let Some(i) = doc {
            words.drain(..i + 2);
            document = true;
            while words.len() > 1 && has(lexicon::SPEAKER_DETERMINERS, words[0]) {
                words.remove(0);
            }
        }
        // "foreign ministry statement"
        if words.len() > 1 && words.last().is_some_and(|w| has(DOCUMENT_NOUNS, w)) {
            words.pop();
            document = true;
        }
        let phrase = words.join(" ");
        if let Some(e) = self.index.resolve(&phrase) {
            return (e.name.clone(), Some(e.kind));
        }
        if indefinite && !document {
            return (phrase, None);
        }
        let key: Vec<String> = words.iter().map(|w| norm_word(w)).collect();
        let earlier = self.speakers.iter().rev().find(|(_, name, _)| {
            let theirs: Vec<String> = name.split_whitespace().map(norm_word).collect();
            theirs.len() > key.len() && theirs.ends_with(&key)
        });
        if let Some((_, name, kind)) = earlier {
            return (name.clone(), *kind);
        }
        // "The top US diplomat called …" after John Kerry (US Secretary of State) spoke: a
        // definite description headed by a title or a noun for a person, one of whose
        // modifiers is a title the person was given, is that person, the latest who spoke
        if !document
            && !indefinite
            && words.len() >= 2
            && words
                .last()
                .is_some_and(|w| has(lexicon::TITLES, w) || has(PERSON_NOUNS, w))
        {
            let modifiers: Vec<String> = words[..words.len() - 1]
                .iter()
                .map(|w| norm_word(w))
                .filter(|w| !has(lexicon::SPEAKER_DETERMINERS, w))
                .collect();
            let person = self.speakers.iter().rev().find_map(|(p, name, k)| {
                if *p > before || *k != Some(EntityKind::Person) {
                    return None;
                }
                let e = self.index.resolve(name)?;
                modifiers
                    .iter()
                    .any(|m| e.titles.contains(m.as_str()))
                    .then(|| e.name.clone())
            });
            if let Some(name) = person {
                return (name, Some(EntityKind::Person));
            }
        }
        // "…, according to the monitoring group" after "…, the observatory said": a definite
        // description headed by a generic noun for an organisation refers to the latest
        // organisation named or heard before it
        if !document && words.last().is_some_and(|w| has(GENERIC_ORG_NOUNS, w)) {
            let speaker = self
                .speakers
                .iter()
                .rev()
                .find(|(p, _, k)| *p <= before && *k == Some(EntityKind::Organization));
            let mention = self
                .mentions
                .iter()
                .rev()
                .find(|m| m.end <= before && m.kind == EntityKind::Organization);
            match (speaker, mention) {
                (Some((p, name, kind)), Some(m)) if *p >= m.end => return (name.clone(), *kind),
                (_, Some(m)) => {
                    return (self.canonical(&m.text), Some(EntityKind::Organization));
                }
                (Some((_, name, kind)), None) => return (name.clone(), *kind),
                (None, None) => {}
            }
        }
        (phrase, None)
    }

    fn canonical(&self, name: &str) -> String {
        self.index
            .resolve(name)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| name.to_string())
    }
}

/// Finds the quotes of one article text. `mentions` are the article's entities and `index`
/// the story's merged entities (used to give speakers their canonical names).
pub fn find_quotes(text: &str, mentions: &[Mention], index: &EntityIndex) -> Vec<RawQuote> {
    let spans = quote_spans(text);
    let long: Vec<(usize, usize)> = spans
        .iter()
        .copied()
        .filter(|&(s, e)| word_count(&text[s..e]) >= MIN_DIRECT_WORDS)
        .collect();
    // statements are read around quotations, never inside them: the words quoted are
    // masked (same byte length, spaces kept) so that their commas and verbs ("we have told
    // Indian leaders that,") are not taken for an attribution
    let mut masked = String::with_capacity(text.len());
    let mut at = 0;
    for &(s, e) in &long {
        if s < at {
            continue;
        }
        masked.push_str(&text[at..s]);
        for c in text[s..e].chars() {
            if c.is_whitespace() {
                masked.push(c);
            } else {
                masked.extend(std::iter::repeat_n('x', c.len_utf8()));
            }
        }
        at = e;
    }
    masked.push_str(&text[at..]);
    let cased = crate::entities::usual_case(text);
    let mut ctx = Context {
        text: &masked,
        cased: &cased,
        mentions,
        index,
        speakers: Vec::new(),
    };
    let mut out: Vec<RawQuote> = Vec::new();
    // indirect statements first, sentence by sentence, so that pronoun resolution sees the
    // speakers in text order
    let mut events: Vec<(usize, bool, usize, usize)> = Vec::new(); // (pos, direct, s, e)
    for &(s, e) in &long {
        events.push((s, true, s, e));
    }
    for (s, e, _) in storyline_text::split_sentences(text) {
        events.push((s, false, s, e));
    }
    events.sort_by_key(|x| x.0);
    let mut last_direct_end: Option<(usize, String)> = None;
    for (_, direct, s, e) in events {
        if direct {
            let close = text[e..].chars().next().map(char::len_utf8).unwrap_or(0);
            let open = text[..s]
                .chars()
                .next_back()
                .map(char::len_utf8)
                .unwrap_or(0);
            let (ss, se) = sentence_bounds(text, s.saturating_sub(open), e + close);
            let after = speaker_after(text, e + close, se.max(e + close))
                .and_then(|np| ctx.resolve_outside(&np, s.saturating_sub(open)));
            // a quote attributed after it ends with its attribution sentence: a quotation
            // right after that sentence continues the same speaker
            let quote_end = if after.is_some() {
                se.max(e + close)
            } else {
                e + close
            };
            let speaker = after
                .or_else(|| {
                    speaker_before(text, ss, s.saturating_sub(open))
                        .and_then(|(np, _)| ctx.resolve(&np))
                })
                .or_else(|| {
                    characterised_by(text, ss, s.saturating_sub(open))
                        .and_then(|np| ctx.resolve(&np))
                })
                .or_else(|| {
                    // a quote that continues the previous speaker's words in the next paragraph
                    last_direct_end.as_ref().and_then(|(pe, sp)| {
                        let gap = text.get(*pe..s.saturating_sub(open)).unwrap_or("x");
                        (gap.trim_matches(|c: char| c.is_whitespace() || "”\".,".contains(c))
                            .is_empty())
                        .then(|| sp.clone())
                    })
                });
            if let Some(sp) = speaker {
                let t = text[s..e].trim().trim_end_matches([',', ' ']).to_string();
                last_direct_end = Some((quote_end, sp.clone()));
                out.push(RawQuote {
                    start: s,
                    end: e,
                    text: t,
                    direct: true,
                    speaker: sp,
                });
            }
        } else {
            // a sentence holding a quotation may also report a statement outside it ("The
            // S-300 was a defensive system …, a spokesman said, adding that … “caused such a
            // stir …”"); what overlaps the quotation is the direct quote's
            out.extend(
                indirect(&mut ctx, s, e)
                    .into_iter()
                    .filter(|q| !long.iter().any(|&(qs, qe)| qs < q.end && qe > q.start)),
            );
        }
    }
    out
}

/// A word naming a day: a weekday, "today" or "yesterday" (any case).
fn is_day(word: &str) -> bool {
    has(lexicon::WEEKDAYS, word) || has(&["today", "yesterday"], word)
}

/// Speech verbs whose complement is mostly a noun phrase ("announced the inquiry", "reported
/// heavy fighting", "vowed revenge"): without "that" they do not introduce a reported clause.
const OBJECT_VERBS: &[&str] = &[
    "announced",
    "announces",
    "reported",
    "reports",
    "declared",
    "declares",
    "charged",
    "vowed",
    "vows",
];

/// Verbs that, after "and"/"but" with no subject of their own, start the speaker's next
/// statement or act: "said the water had started to fall but warned that …", "said the route
/// would split the square and called for a tunnel instead".
const COORDINATED_VERBS: &[&str] = &[
    "said",
    "added",
    "warned",
    "vowed",
    "called",
    "urged",
    "insisted",
    "stressed",
    "promised",
    "pledged",
    "demanded",
    "asked",
    "accused",
    "told",
    "denied",
    "noted",
    "argued",
    "threatened",
];

/// Words that open what follows "…, X said," when it is no longer X's statement: "…, a
/// military source said, as they pushed …", "…, the office said, after rescuers found …".
const AFTER_ATTRIBUTION: &[&str] = &[
    "as", "while", "but", "after", "before", "when", "although", "though", "because", "since",
    "amid", "and", "adding", "saying",
];

/// Words after a speech verb that do not begin a reported clause: "…, X said in remarks
/// carried by …", "…, X said on Tuesday".
const ADJUNCT_STARTS: &[&str] = &[
    "in", "at", "on", "during", "after", "before", "from", "to", "by", "via", "through", "earlier",
    "later", "late", "last", "this",
];

/// Words that end the search for the "that" of a speech verb: another verb or a conjunction
/// ("they say they are creating an industry that …" has no "that" clause).
const THAT_STOPS: &[&str] = &[
    "but", "and", "or", "is", "are", "was", "were", "has", "have", "had", "will", "would", "could",
    "can", "may", "might", "should", "must", "did", "does", "do",
];

/// The indirect statements of the sentence `[s, e)`.
fn indirect(ctx: &mut Context<'_>, s: usize, e: usize) -> Vec<RawQuote> {
    indirect_in(ctx, s, e, false)
}

/// [`indirect`]; with `comma_only`, only the form "…, X said" is read.
fn indirect_in(ctx: &mut Context<'_>, s: usize, e: usize, comma_only: bool) -> Vec<RawQuote> {
    let text = ctx.text;
    let sent = &text[s..e];
    if sent.ends_with('?') {
        return Vec::new();
    }
    // "…, X said, adding that …" / "“…,” X told AP, adding the camp was …": a second
    // statement of the sentence's speaker
    for cue in [", adding ", ", saying "] {
        let Some(p) = sent.find(cue) else {
            continue;
        };
        let mut out = indirect(ctx, s, s + p);
        let speaker = match out.first() {
            Some(q) => Some(q.speaker.clone()),
            None => attribution_before(text, s, s + p).and_then(|a| ctx.resolve(&a.np)),
        };
        if let Some(speaker) = speaker {
            let from = s + p + cue.len();
            let rest = &text[from..e];
            let first = rest.split_whitespace().next().unwrap_or("");
            let from = if first == "that" {
                Some(from + 4)
            } else if has(ADJUNCT_STARTS, first) || has(THAT_STOPS, first) {
                None
            } else {
                Some(from)
            };
            if let Some(from) = from {
                out.extend(statements(ctx, from, e, speaker));
            }
        }
        return out;
    }
    // "…, according to X."; "…, the minister said, according to state media" is the
    // minister's statement
    if let Some(p) = sent.rfind(", according to ") {
        let inner = indirect_in(ctx, s, s + p, true);
        if !inner.is_empty() {
            return inner;
        }
        // "… needle sticks in places where, according to the theories of traditional
        // Chinese medicine, they should not do any good": the source is inserted inside a
        // clause that it does not end
        let last = sent[..p].split_whitespace().next_back().unwrap_or("");
        if has(
            &[
                "where", "that", "which", "who", "when", "because", "if", "since", "while", "but",
                "and", "as",
            ],
            last,
        ) {
            return Vec::new();
        }
        let np_s = s + p + ", according to ".len();
        // "…, according to the office, and several hundred people …": the source ends at
        // the comma
        let np_e = text[np_s..e].find(", ").map_or(e, |c| np_s + c);
        let Some((a, b)) = trim_np(text, np_s, np_e) else {
            return Vec::new();
        };
        let Some(speaker) = ctx.resolve_outside(&SpeakerNp { start: a, end: b }, s) else {
            return Vec::new();
        };
        return clause(text, s, s + p, speaker).into_iter().collect();
    }
    // "…, X said (on Tuesday)."; the comma may close a quotation ("…would be "eradicated,"
    // X said in remarks carried by …")
    let commas: Vec<usize> = sent
        .match_indices(',')
        .filter(|&(p, _)| {
            let r = sent[p + 1..].trim_start_matches(['"', '”', '’']);
            r.starts_with(' ')
        })
        .map(|(p, _)| p)
        .collect();
    for &p in commas.iter().rev() {
        let tail_from =
            p + 1 + sent[p + 1..].len() - sent[p + 1..].trim_start_matches(['"', '”', '’']).len();
        let tail = &sent[tail_from..];
        let words = word_spans(tail);
        let Some(k) = words.iter().take(9).position(|(_, w)| is_speech_verb(w)) else {
            continue;
        };
        // "…, Michaela's mother, Sharon Murch, has said": the auxiliary is no speaker
        if k > 0 && words[..k].iter().all(|(_, w)| has(VERB_GROUP_WORDS, w)) {
            continue;
        }
        if k == 0 {
            // "…, said Dr. Marc C. Hochberg, the rheumatology professor …": the speaker
            // follows the verb
            if let Some(&(n, first)) = words.get(1)
                && matches!(
                    words[0].1,
                    "said"
                        | "says"
                        | "added"
                        | "explained"
                        | "wrote"
                        | "noted"
                        | "warned"
                        | "insisted"
                )
                && !first.ends_with("ly")
                && !is_day(first)
                && !has(
                    &[
                        "earlier",
                        "later",
                        "then",
                        "also",
                        "again",
                        "previously",
                        "last",
                        "this",
                    ],
                    first,
                )
            {
                let np_e = tail[n..].find([',', ';']).map_or(tail.len(), |c| n + c);
                if inverted_speaker(&tail[n..np_e])
                    && !tail[..n].contains(['"', '“', '”'])
                    && let Some((a, b)) = trim_np(text, s + tail_from + n, s + tail_from + np_e)
                    && let Some(speaker) = ctx.resolve_outside(&SpeakerNp { start: a, end: b }, s)
                {
                    return clause(text, s, s + p, speaker).into_iter().collect();
                }
            }
            continue;
        }
        // "Janie Levine Hellyer, a home schooler in Olympia, Wash., said …": the commas
        // close appositions of the subject, not a statement
        let before: Vec<&str> = words[..k].iter().map(|x| x.1).collect();
        if has(NOUN_HOMOGRAPHS, words[k].1)
            && !homograph_is_verb(&before, &tail[words[k].0 + words[k].1.len()..])
        {
            continue;
        }
        if has(BE_FORMS, words[k - 1].1) {
            // "…, the Sunday Telegraph was told by both sides of the divide": the agent speaks
            if words.get(k + 1).is_some_and(|x| x.1 == "by")
                && let Some(&(n, _)) = words.get(k + 2)
                && inverted_speaker(tail[n..].trim_end_matches(['.', '!']))
                && let Some((a, b)) = trim_np(text, s + tail_from + n, e)
                && let Some(speaker) = ctx.resolve_outside(&SpeakerNp { start: a, end: b }, s)
            {
                return clause(text, s, s + p, speaker).into_iter().collect();
            }
            continue;
        }
        if apposition_chain(&sent[..p]) {
            continue;
        }
        let verb_end = words[k].0 + words[k].1.len();
        let after = &tail[verb_end..];
        let next = words.get(k + 1).map(|x| x.1).unwrap_or("");
        let short = words.len() - k <= 6
            || after.split(',').next().is_some_and(|x| {
                // "…, X said on Tuesday, …", not "…, X said US, British and French …"
                word_count(x) <= 3
                    && !x.split_whitespace().any(|w| w == "that")
                    && x.split_whitespace()
                        .next()
                        .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()) || is_day(w))
            }) && after.contains(',');
        // "…, X said, as they pushed …", "…, X said, bringing the total …": what follows
        // the comma is not X's statement
        let closed = after.starts_with(',')
            && !has(NOUN_HOMOGRAPHS, words[k].1)
            && (next.ends_with("ing") || has(AFTER_ATTRIBUTION, &next.to_lowercase()));
        // "…, X said in remarks carried by …": an adjunct, with no "that" after it
        let adjunct =
            has(ADJUNCT_STARTS, next) && !word_spans(after).iter().any(|(_, w)| *w == "that");
        // "…, he wrote a song about having diabetes": a determiner after the verb opens its
        // object, so the verb reports nothing said before it; a hearer ("he told the BBC")
        // and a time ("she said this morning") may stand there
        let object = has(
            &[
                "a", "an", "the", "his", "her", "their", "its", "this", "these", "those", "my",
                "our", "your",
            ],
            next,
        ) && !has(HEARER_VERBS, words[k].1)
            && !words.get(k + 2).is_some_and(|x| has(TIME_NOUNS, x.1));
        // "…, every morning she wakes up, puts on her burqa": "put" reports only as "put it"
        let put = matches!(words[k].1, "put" | "puts") && next != "it";
        if !(short || closed || adjunct) || next == "to" || next == "that" || object || put {
            continue;
        }
        let Some((a, b)) = trim_np(text, s + tail_from, s + tail_from + words[k].0) else {
            continue;
        };
        let Some(speaker) = ctx.resolve_outside(&SpeakerNp { start: a, end: b }, s) else {
            continue;
        };
        return clause(text, s, s + p, speaker).into_iter().collect();
    }
    if comma_only {
        return Vec::new();
    }
    // "X said (that) …"
    let Some(att) = attribution_before(text, s, e) else {
        return Vec::new();
    };
    let verb = att.verb.as_str();
    let mut rest = att.after;
    let after = &text[rest..e];
    let aw = word_spans(after);
    // the "that" of the verb comes after its hearer or a short adjunct ("told reporters in
    // Brussels that", "said on Wednesday that"), never after another verb
    // "put that number at …": a determiner, not a complementizer
    let that = aw
        .iter()
        .take(if matches!(verb, "put" | "puts") { 0 } else { 9 })
        .take_while(|(_, w)| !has(THAT_STOPS, w) && !has(lexicon::SPEECH_VERBS, w))
        .position(|(_, w)| *w == "that");
    if let Some(k) = that {
        rest += aw[k].0 + 4;
    } else if !att.passive && (matches!(verb, "told" | "tells") || has(OBJECT_VERBS, verb)) {
        // "told" needs its hearer first; "announced", "reported", "declared"… mostly take a
        // noun phrase ("announced the inquiry"), so only "that" marks a reported clause:
        // remember the speaker for pronouns, but the reported clause is not delimited
        ctx.resolve(&att.np);
        return Vec::new();
    } else {
        // skip "on Tuesday", "recently"; a clause does not start with a preposition ("in
        // remarks…") nor after a comma ("…,” Soldierwolf said, referring to …")
        let mut k = 0;
        while k < aw.len()
            && k < 3
            && (is_day(aw[k].1)
                || aw[k].1.ends_with("ly")
                || aw[k].1 == "on" && aw.get(k + 1).is_some_and(|x| is_day(x.1)))
        {
            k += 1;
        }
        let upto = aw.get(k).map_or(after.len(), |x| x.0 + x.1.len());
        if after.trim_start().starts_with(',') || after[..upto].contains(',') {
            // "Too many times, Bam Bam said, gang rivals had beaten him …": an attribution
            // between commas interrupts one statement, said on both sides of it
            let before = text[s..att.np.start].trim_end();
            let comma = after.find(',').map_or(after.len(), |c| c + 1);
            let next = after[comma..].split_whitespace().next().unwrap_or("");
            let speaker = ctx.resolve(&att.np);
            if let Some(speaker) = speaker
                && before.ends_with(',')
                && word_count(before) >= 2
                && !next.ends_with("ing")
                && !has(AFTER_ATTRIBUTION, &next.to_lowercase())
                && let Some(tail) = clause(text, rest + comma, e, speaker)
            {
                let head = before.trim_end_matches(',');
                return vec![RawQuote {
                    start: s + text[s..].len() - text[s..].trim_start().len(),
                    text: format!("{} {}", head.trim_start(), tail.text),
                    ..tail
                }];
            }
            return Vec::new();
        }
        let first = aw.get(k).map(|x| x.1.to_lowercase()).unwrap_or_default();
        if matches!(
            first.as_str(),
            "in" | "at"
                | "on"
                | "to"
                | "during"
                | "after"
                | "before"
                | "from"
                | "by"
                | "with"
                | "as"
                | "of"
                | "for"
                | "up"
                | "down"
                | "earlier"
                | "later"
                // a subordinate clause is not what was said ("he replied when asked …")
                | "when"
                | "while"
                | "if"
                | "because"
                | "since"
                | "although"
                | "though"
                | "until"
        ) {
            ctx.resolve(&att.np);
            return Vec::new();
        }
        if let Some(&(p, _)) = aw.get(k) {
            rest += p;
        }
    }
    let Some(speaker) = ctx.resolve(&att.np) else {
        return Vec::new();
    };
    statements(ctx, rest, e, speaker)
}

/// The statements of a reported clause `[from, e)` said by `speaker`, cut where the
/// speaker's next act begins ("… but warned that …", "… and called for …") or where
/// another speaker's statement is joined ("…, while the authority maintains that …").
fn statements(ctx: &mut Context<'_>, from: usize, e: usize, speaker: String) -> Vec<RawQuote> {
    let text = ctx.text;
    let frag = &text[from..e];
    let words = word_spans(frag);
    for (i, &(p, w)) in words.iter().enumerate().skip(1) {
        let lw = w.to_lowercase();
        let comma_before = frag[..p].trim_end().ends_with(',');
        // the same speaker's next act: "… but warned that …", "… and called for …"
        if matches!(lw.as_str(), "and" | "but")
            && let Some(&(vp, v)) = words.get(i + 1)
            && has(COORDINATED_VERBS, v)
        {
            let mut out: Vec<RawQuote> = clause(text, from, from + p, speaker.clone())
                .into_iter()
                .collect();
            if words.get(i + 2).is_some_and(|x| x.1 == "that") {
                let next = from + vp + v.len();
                let next = next + text[next..].find("that").map_or(0, |t| t + 4);
                out.extend(statements(ctx, next, e, speaker));
            }
            return out;
        }
        // another speaker: "…, while the Kessel Valley Water Authority maintains that it
        // was inspected in March"
        if comma_before
            && matches!(lw.as_str(), "while" | "whereas" | "but")
            && let Some(att) = attribution_before(text, from + p + w.len(), e)
            && word_count(&text[from + p + w.len()..att.np.start]) == 0
            && text[att.after..e].split_whitespace().next() == Some("that")
            && let Some(other) = ctx.resolve(&att.np)
        {
            let mut out: Vec<RawQuote> =
                clause(text, from, from + p, speaker).into_iter().collect();
            let next = att.after + text[att.after..].find("that").map_or(0, |t| t + 4);
            out.extend(statements(ctx, next, e, other));
            return out;
        }
    }
    clause(text, from, e, speaker).into_iter().collect()
}

fn clause(text: &str, s: usize, e: usize, speaker: String) -> Option<RawQuote> {
    let t = text[s..e]
        .trim()
        .trim_start_matches([',', ' ', ':'])
        .trim_end_matches(['.', ','])
        .trim();
    let lead = text[s..e].find(t).unwrap_or(0);
    let mut end = s + lead + t.len();
    let mut shown = t.to_string();
    // "… would be "eradicated," X said": the clause keeps the quotation's closing mark
    let open = t.matches(['"', '“']).count();
    let closed = t.matches(['"', '”']).count();
    if (t.contains('"') && t.matches('"').count() % 2 == 1) || (open > closed && !t.contains('"')) {
        let rest = &text[end..];
        let punct = rest.len() - rest.trim_start_matches([',', '.']).len();
        if let Some(c) = rest[punct..]
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '”'))
        {
            end += punct + c.len_utf8();
            shown.push(c);
        }
    }
    let t = shown.as_str();
    (word_count(t) >= 4).then(|| RawQuote {
        start: s + lead,
        end,
        text: shown.clone(),
        direct: false,
        speaker,
    })
}

/// Content-word stems of a text, for comparing wordings.
pub fn stems(text: &str) -> BTreeSet<String> {
    let analyzer = storyline_text::Analyzer::new("en");
    analyzer.terms(text).into_iter().collect()
}

/// Overlap coefficient of two stem sets: shared / smaller.
pub fn overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let shared = a.intersection(b).count();
    let min = a.len().min(b.len());
    if min == 0 {
        0.0
    } else {
        shared as f64 / min as f64
    }
}

/// Groups the quotes of several articles: the same speaker saying the same or a similar
/// thing (overlap of content stems ≥ 0.5, at least 3 shared) becomes one [`Quote`] whose
/// text is the wording carried by most articles, the others listed as variants.
pub fn group(corpus: &Corpus, quotes: &[(ArticleIdx, RawQuote)]) -> Vec<Quote> {
    struct Wording {
        text: String,
        direct: bool,
        articles: Vec<ArticleIdx>,
        stems: BTreeSet<String>,
    }
    struct Cluster {
        speaker: String,
        wordings: Vec<Wording>,
        first: usize,
    }
    let norm = |t: &str| -> String {
        t.chars()
            .filter(|c| c.is_alphanumeric() || c.is_whitespace())
            .collect::<String>()
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut clusters: Vec<Cluster> = Vec::new();
    for (n, (a, q)) in quotes.iter().enumerate() {
        let key = norm(&q.text);
        let st = stems(&q.text);
        let mut placed = false;
        for c in clusters.iter_mut().filter(|c| c.speaker == q.speaker) {
            if let Some(w) = c.wordings.iter_mut().find(|w| norm(&w.text) == key) {
                if !w.articles.contains(a) {
                    w.articles.push(*a);
                }
                placed = true;
                break;
            }
            // A short fragment shares its few words with many longer statements: the shared
            // stems must also make a quarter of the longer wording ("the most important
            // neighbourhood in east Aleppo" is no wording of "troops retook five districts
            // including the Shaar neighbourhood … in east Aleppo").
            let similar = c.wordings.iter().any(|w| {
                let shared = w.stems.intersection(&st).count();
                shared >= 3
                    && overlap(&w.stems, &st) >= 0.5
                    && shared * 4 >= w.stems.len().max(st.len())
            });
            if similar {
                c.wordings.push(Wording {
                    text: q.text.clone(),
                    direct: q.direct,
                    articles: vec![*a],
                    stems: st.clone(),
                });
                placed = true;
                break;
            }
        }
        if !placed {
            clusters.push(Cluster {
                speaker: q.speaker.clone(),
                wordings: vec![Wording {
                    text: q.text.clone(),
                    direct: q.direct,
                    articles: vec![*a],
                    stems: st,
                }],
                first: n,
            });
        }
    }
    let mut out: Vec<(usize, usize, Quote)> = clusters
        .into_iter()
        .filter_map(|mut c| {
            c.wordings.sort_by_key(|w| {
                (
                    std::cmp::Reverse(w.direct),
                    std::cmp::Reverse(w.articles.len()),
                    std::cmp::Reverse(w.text.len()),
                )
            });
            let mut it = c.wordings.into_iter();
            let main = it.next()?;
            let variants: Vec<SourcedText> = it
                .map(|w| SourcedText {
                    text: w.text,
                    sources: corpus.sources(&w.articles),
                })
                .collect();
            let total =
                main.articles.len() + variants.iter().map(|v| v.sources.len()).sum::<usize>();
            Some((
                total,
                c.first,
                Quote {
                    speaker: c.speaker,
                    text: main.text,
                    direct: main.direct,
                    sources: corpus.sources(&main.articles),
                    variants,
                },
            ))
        })
        .collect();
    out.sort_by_key(|(n, first, q)| (std::cmp::Reverse(*n), std::cmp::Reverse(q.direct), *first));
    out.into_iter().map(|(_, _, q)| q).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::find_entities;

    fn quotes(text: &str) -> Vec<RawQuote> {
        let m = find_entities(text);
        let index = EntityIndex::build(&[(0, m.clone())]);
        find_quotes(text, &m, &index)
    }

    #[test]
    fn speakers_shouted_in_capitals_are_shown_in_their_usual_case() {
        let t = "BARACK OBAMA, PRESIDENT: We will stand with the people.\n\
                 PROTESTERS: Leave now!\n\
                 The protesters say they have two demands. President Obama says the world is \
                 watching Egypt. ROB MARCIANO, CNN WEATHER ANCHOR: The weather is bad, and \
                 the storm is moving east, CNN reported.";
        let speakers: Vec<String> = quotes(t).into_iter().map(|q| q.speaker).collect();
        assert_eq!(speakers, ["protesters", "Barack Obama", "CNN"]);
    }

    #[test]
    fn a_clause_is_no_speaker() {
        for t in [
            "He says writing \"A Little Bit Longer\" was therapy for him, and fans have told \
             him it has helped them cope.",
            "We've gotten reports that more than 100 people have been killed in the violence.",
            "ROB MARCIANO, CNN WEATHER ANCHOR: There's over 20 states that are within a winter \
             storm watch, from New England to New Mexico.",
            "We're gonna keep doing these; we're having a good time with them, and we enjoy \
             what you have to say.",
            "Bjorn, what happens -- what do you say when people say to you, \"Hang on a minute, \
             you are talking about global warming.\"",
            "You said that the army would stay out of politics for good.",
            "Let me say that the army has behaved very well so far.",
            "It's safe to say that the protests will continue for weeks.",
            "He did not say whether the army would stay out of politics.",
        ] {
            let q = quotes(t);
            let bad = |s: &str| {
                let l = s.to_lowercase();
                l.contains(' ')
                    && !l.starts_with("he ")
                    && !matches!(l.as_str(), "he" | "she" | "they" | "we" | "i")
                    || l == "you"
                    || l.contains('\'')
            };
            assert!(!q.iter().any(|q| bad(&q.speaker)), "{t}: {q:?}");
        }
        // a verb with an object reports nothing said before it
        let q = quotes(
            "Nick Jonas was diagnosed in 2005. Two and a half years after his diagnosis, on a \
             day when Nick says his blood sugar was out of control, he wrote a song about it.",
        );
        assert!(!q.iter().any(|q| q.text.starts_with("Two")), "{q:?}");
        // a subject pronoun ends the speaker's phrase (a sentence run on without its stop)
        let q = quotes(
            "Ali Hassan spoke on Monday. The school will close for seven days He said the \
             pupils were all well and at home.",
        );
        assert_eq!(
            q.iter().map(|q| q.speaker.as_str()).collect::<Vec<_>>(),
            ["Ali Hassan"],
            "{q:?}"
        );
        // a phrase ending in a name is the name's
        let q = quotes(
            "\"Women in Politics -- Veronica's Wrath,\" was the way La Stampa of Turin put it.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "La Stampa of Turin", "{q:?}");
        // a run-on sentence before "The" is no part of the speaker's phrase
        let q = quotes(
            "Flights resumed in Europe The UN said that aid would arrive on Monday morning.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "UN", "{q:?}");
        // "put" reports only as "put it"
        let q = quotes(
            "She is a mother of two, and every morning she wakes up, puts on her veil and \
             takes her boys to school.",
        );
        assert!(q.is_empty(), "{q:?}");
        // a possessive after an acronym is no contracted verb
        let q = quotes("WHO's country director said that the outbreak was contained.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].speaker.contains("country director"), "{q:?}");
    }

    #[test]
    fn a_report_from_an_organisation_is_the_organisation() {
        let q = quotes(
            "Algeria banned all demonstrations, according to Human Rights Watch. A recent report \
             from Human Rights Watch said the problem is widespread in most prisons.",
        );
        let speakers: Vec<&str> = q.iter().map(|q| q.speaker.as_str()).collect();
        assert_eq!(
            speakers,
            ["Human Rights Watch", "Human Rights Watch"],
            "{q:?}"
        );
        // a report of something is not by it
        let q = quotes("A report of shooting near the palace said that two people were hurt.");
        assert!(
            q.iter().all(|q| q.speaker != "shooting near the palace"),
            "{q:?}"
        );
    }

    #[test]
    fn an_auxiliary_after_an_apposition_is_no_speaker() {
        for (t, who) in [
            (
                "But Omar Suleiman, the vice president, has said unequivocally that the \
                 president is not going to step down.",
                "Omar Suleiman",
            ),
            (
                "The bill's sponsor, Republican Rep. Carl Wimmer, has said the measure aims to \
                 honor Browning.",
                "Carl Wimmer",
            ),
            (
                "Some, including members of the council, have said they do not agree that \
                 his departure would be best.",
                "Some",
            ),
        ] {
            let q = quotes(t);
            assert_eq!(q.first().map(|q| q.speaker.as_str()), Some(who), "{q:?}");
            assert!(!q[0].text.contains("said"), "{q:?}");
        }
    }

    #[test]
    fn organisations_with_and_or_a_title_word_in_their_name_speak_whole() {
        let t = "The U.S. Centers for Disease Control and Prevention said on Sunday that 2,532 \
                 cases were confirmed. The World Health Organization said it was concerned about \
                 800 cases. Apple CEO Steve Jobs said the phone would ship in June.";
        let speakers: Vec<String> = quotes(t).into_iter().map(|q| q.speaker).collect();
        assert_eq!(
            speakers,
            [
                "U.S. Centers for Disease Control and Prevention",
                "World Health Organization",
                "Steve Jobs"
            ],
            "{speakers:?}"
        );
    }

    #[test]
    fn direct_with_speaker_after_and_pronouns() {
        let t = "German Chancellor Angela Merkel on Tuesday lashed out. “Aleppo is a disgrace,” she \
                 said in a speech. “It is a disgrace that we have been unable,” the German chancellor said.";
        let q = quotes(t);
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(
            q.iter().all(|q| q.speaker == "Angela Merkel" && q.direct),
            "{q:?}"
        );
    }

    #[test]
    fn indirect_statements() {
        let t = "Observatory director Rami Abdel-Rahman said those areas had not yet fallen.\n\n\
                 Some 1,500 people are still unable to return home, according to the regional \
                 emergency office.";
        let q = quotes(t);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].speaker, "Rami Abdel-Rahman");
        assert_eq!(q[0].text, "those areas had not yet fallen");
        assert!(!q[0].direct);
        assert_eq!(q[1].speaker, "regional emergency office");
    }

    #[test]
    fn a_noun_phrase_after_announced_is_not_a_statement() {
        let t = "Interior Minister Jonas Berg announced the inquiry a day after visiting the \
                 flooded town.\n\nThe ministry announced that the dam had been inspected in March.";
        let q = quotes(t);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].text, "the dam had been inspected in March");
        assert_eq!(q[0].speaker, "ministry");
    }

    #[test]
    fn speaker_before_quote() {
        let t = "US Secretary of State John Kerry told reporters in Brussels that \"there may or \
                 may not be a meeting this week.\"";
        let q = quotes(t);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "John Kerry");
    }

    #[test]
    fn apposition_speaker_and_continued_quote() {
        let t = "“Today there was very heavy bombing in the east,” Ibrahim Abu Leith, spokesman \
                 for the Syrian Civil Defence in Aleppo, told Al Jazeera.\n\n“The regime is \
                 trying to enter the east from several points.”";
        let q = quotes(t);
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q.iter().all(|q| q.speaker == "Ibrahim Abu Leith"), "{q:?}");
    }

    #[test]
    fn a_pronoun_after_the_words_said_is_not_someone_they_mention() {
        let t = "The State Department said a deal could be announced by John Kerry and his \
                 Russian counterpart Sergei Lavrov.\n\n\"Russians walked back on some of the \
                 areas,\" a senior State Department official said.\n\nKerry and Lavrov will \
                 meet again on Monday in Hangzhou, where leaders are gathered, he added.\n\n\
                 \"We are close,\" she said of Angela Merkel's talks.";
        let q = quotes(t);
        let hangzhou = q
            .iter()
            .find(|q| q.text.contains("Hangzhou"))
            .expect("the indirect statement is found");
        assert_eq!(
            hangzhou.speaker, "senior State Department official",
            "{q:?}"
        );
        // a direct quote attributed after it: the pronoun does not look inside the quote
        let t = "Angela Merkel spoke first. \"Talks with Vladimir Putin failed,\" she said.";
        let q = quotes(t);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "Angela Merkel");
    }

    #[test]
    fn a_span_of_time_is_not_a_speaker() {
        let q = quotes(
            "The State Department said a deal was close and could be announced by Secretary \
             of State John Kerry, but hours later admitted defeat for now.",
        );
        assert!(q.iter().all(|q| q.speaker != "hours"), "{q:?}");
    }

    #[test]
    fn conjunction_is_not_part_of_the_speaker() {
        let t = "But pro-government media said the Syrian army was pressing ahead.\n\n\
                 The spokesman gave no details, but a German official said US, British and \
                 French officials would meet in Berlin.";
        let q = quotes(t);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].speaker, "pro-government media");
        assert_eq!(q[1].speaker, "German official");
        assert!(q[1].text.starts_with("US, British"), "{q:?}");
    }

    fn said(q: &[RawQuote], speaker: &str) -> Vec<String> {
        q.iter()
            .filter(|q| q.speaker == speaker)
            .map(|q| q.text.clone())
            .collect()
    }

    #[test]
    fn what_follows_a_closed_attribution_is_not_the_statement() {
        // seed 002, seed 004, the demo
        let q = quotes(
            "At least 25 people were killed in what appeared to be Russian air raids on the \
             province, the observatory said, bringing the total dead in airstrikes on the region \
             to 121 over the last 72 hours.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].text.starts_with("At least 25 people"), "{q:?}");
        let q = quotes(
            "(AFP) - Syrian government forces advanced on Sunday south of Aleppo city, a \
             military source and state media said, as they pushed to once again encircle rebel \
             neighborhoods and reimpose a siege.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].text.ends_with("south of Aleppo city"), "{q:?}");
        let q = quotes(
            "The death toll from the Kessel River dam failure rose to five on Wednesday, the \
             regional emergency office said, after rescuers found two more bodies in the \
             Lindqvist district.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].text.starts_with("The death toll"), "{q:?}");
    }

    #[test]
    fn a_subject_before_a_parenthetical_or_an_apposition_is_the_speaker() {
        // the demo, seed 003, DUC 2006 D0610A
        let q = quotes(
            "The Kessel Valley Water Authority, which operates the dam, said the structure had \
             been inspected last month and showed no sign of weakness.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "Kessel Valley Water Authority");
        let q = quotes(
            "The authority's director, Petter Lund, said on Wednesday that he would hand all \
             inspection records to the inquiry.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "Petter Lund");
        assert_eq!(
            q[0].text,
            "he would hand all inspection records to the inquiry"
        );
        let q = quotes(
            "Turkey, a long-time foe of Assad, but which has recently repaired damaged ties with \
             Russia, said on Tuesday that it planned to make a proposal to Moscow and Washington \
             to resurrect last month’s collapsed ceasefire.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "Turkey");
        let q = quotes(
            "Janie Levine Hellyer, a home schooler in Olympia, Wash., said on her four-year-old \
             online support network, the Family Learning Exchange, that home school parents are \
             motivated.",
        );
        assert!(q.iter().all(|q| q.speaker != "Wash"), "{q:?}");
        assert!(q.iter().all(|q| !q.text.contains("Hellyer")), "{q:?}");
    }

    #[test]
    fn a_coordinated_verb_ends_the_statement() {
        // the demo
        let q = quotes(
            "Opponents said the route would split the Eastgate market square and called for a \
             tunnel instead.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].text,
            "the route would split the Eastgate market square"
        );
        let q = quotes(
            "Fire chief Dmitry Vasko said the water had started to fall but warned that damaged \
             buildings could collapse.",
        );
        assert_eq!(
            said(&q, "Dmitry Vasko"),
            [
                "the water had started to fall",
                "damaged buildings could collapse"
            ],
            "{q:?}"
        );
    }

    #[test]
    fn a_second_speaker_joined_by_while_has_their_own_statement() {
        // the demo
        let q = quotes(
            "The engineers' union has said the dam had not been inspected since 2021, while the \
             Kessel Valley Water Authority maintains that it was inspected in March.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].speaker, "engineers' union");
        assert_eq!(q[0].text, "the dam had not been inspected since 2021");
        assert_eq!(q[1].speaker, "Kessel Valley Water Authority");
        assert_eq!(q[1].text, "it was inspected in March");
    }

    #[test]
    fn adding_that_is_a_second_statement() {
        // seeds 000 and 003
        let q = quotes(
            "Russia said the resolution should have been postponed until after the Geneva \
             talks, saying an agreement on organising a withdrawal was close.",
        );
        assert_eq!(
            said(&q, "Russia"),
            [
                "the resolution should have been postponed until after the Geneva talks",
                "an agreement on organising a withdrawal was close"
            ],
            "{q:?}"
        );
        let q = quotes(
            "The S-300 was a defensive system and did not pose a threat to anyone, a Russian \
             defence ministry spokesman said, adding that it was unclear why its placement had \
             “caused such a stir among our Western colleagues”.",
        );
        let s = "Russian defence ministry spokesman";
        assert!(
            said(&q, s).contains(
                &"The S-300 was a defensive system and did not pose a threat to anyone".into()
            ),
            "{q:?}"
        );
        assert!(q.iter().any(|q| q.direct && q.speaker == s), "{q:?}");
    }

    #[test]
    fn the_agent_of_a_passive_speech_verb_is_the_speaker() {
        // crisis (Libya) and Timeline17 (H1N1) sentences
        let q = quotes(
            "I was told by some friends from the National Front for the Salvation of Libya \
             (NFSL) that Gaddafi's regime would be dead by the end of August.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(
            q[0].speaker
                .starts_with("some friends from the National Front"),
            "{q:?}"
        );
        assert_eq!(
            q[0].text,
            "Gaddafi's regime would be dead by the end of August"
        );
        let q = quotes(
            "When he returned to the hotel on Saturday, he was told by authorities he would \
             have to be quarantined.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "authorities");
        let q = quotes(
            "But the towns also have militias that are now being trained by Iranians, the \
             Sunday Telegraph was told by both sides of the divide.",
        );
        assert!(q.iter().all(|q| q.speaker != "Sunday Telegraph"), "{q:?}");
    }

    #[test]
    fn a_document_or_a_shorter_name_is_the_earlier_speaker() {
        // seed 000, the demo
        let q = quotes(
            "Syria’s foreign ministry said that it would not agree to any ceasefire without a \
             guarantee of a rebel withdrawal.\n\n“Syria will not leave its citizens in east \
             Aleppo to be held hostage by terrorists,” said a foreign ministry statement carried \
             by state news agency SANA.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(
            q.iter().all(|q| q.speaker == "Syria’s foreign ministry"),
            "{q:?}"
        );
        let q = quotes(
            "Three people have now died in the flood, the regional emergency office said on \
             Tuesday.\n\nThe number of evacuated residents has grown to more than 1,000, \
             according to the office, and several hundred people spent a second night in the \
             municipal sports hall.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].speaker, "regional emergency office");
        assert!(q[1].text.ends_with("more than 1,000"), "{q:?}");
    }

    #[test]
    fn an_indefinite_phrase_is_a_new_speaker() {
        // seed 003
        let q = quotes(
            "The S-300 was a defensive system, a Russian defence ministry spokesman said.\n\n\
             Turkish President Recep Tayyip Erdogan could speak by telephone to President Barack \
             Obama, according to a spokesman who spoke to Reuters news agency.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].speaker, "spokesman");
    }

    #[test]
    fn a_name_given_after_the_speaker_and_a_bracketed_acronym() {
        // seed 003
        let q = quotes(
            "“We repelled their attempt to advance in Sheikh Saeed,” said a fighter from the \
             Failaq al-Sham rebel group, who gave his name as Abdullah al-Halabi.\n\nDoctors \
             Without Borders (MSF) said four of the last eight functioning hospitals had been \
             damaged.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].speaker, "Abdullah al-Halabi");
        assert_eq!(q[1].speaker, "Doctors Without Borders");
    }

    #[test]
    fn a_speaker_after_an_inverted_verb_and_a_clause_is_not_one() {
        // DUC 2006 D0605E and D0601A
        let q = quotes(
            "But already, medical practice is opening up, said Dr. Marc C. Hochberg, the \
             rheumatology professor at the University of Maryland.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].speaker.ends_with("Marc C. Hochberg"), "{q:?}");
        assert_eq!(q[0].text, "But already, medical practice is opening up");
        let q = quotes(
            "Tribal Council Chairman Lonnie Selam, however, said he believed the tax would \
             withstand legal challenge.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "Lonnie Selam");
        assert_eq!(
            q[0].text,
            "he believed the tax would withstand legal challenge"
        );
    }

    #[test]
    fn a_capitalised_states_is_not_a_verb() {
        // DUC 2006 D0605E
        let q = quotes(
            "Two universities in the United States said Thursday that they have received a \
             five-year grant to establish a center for the joint study of mind-body interaction.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "Two universities in the United States");
        assert!(q[0].text.starts_with("they have received"), "{q:?}");
    }

    #[test]
    fn he_or_she_is_a_person_not_a_thing() {
        // DUC 2006 D0601A
        let q = quotes(
            "Lynn Cutler, the president's top adviser on Indian issues, said it's the largest \
             spending increase ever sought for Indians.\n\nThe extra money for reservation roads \
             will put only a tiny dent in the estimated $4 billion backlog of needed repairs.\n\n\
             The colleges are a vital part of efforts to improve education, she said.",
        );
        assert!(
            q.iter()
                .all(|q| !q.speaker.contains("money") && !q.text.contains("tiny dent")),
            "{q:?}"
        );
        assert_eq!(q.last().map(|q| q.speaker.as_str()), Some("Lynn Cutler"));
    }

    #[test]
    fn words_inside_a_quotation_or_after_the_attribution_are_not_a_statement() {
        // DUC 2006 D0601A
        let q = quotes(
            "\"We want to hire people who live in their own communities, and we have told Indian \
             leaders in our communities that,\" said Beavers, himself an American Indian.\n\n\
             \"If you can make it to the end of the month, you're all right,\" Soldierwolf said, \
             referring to the monthly food stamps.",
        );
        assert!(q.iter().all(|q| q.direct), "{q:?}");
        assert_eq!(q.len(), 2, "{q:?}");
    }

    #[test]
    fn an_attribution_between_commas_interrupts_one_statement() {
        // DUC 2006 D0601A
        let q = quotes(
            "Too many times, Bam Bam said, gang rivals had beaten him while he was walking home \
             in the dark.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "Bam Bam");
        assert_eq!(
            q[0].text,
            "Too many times gang rivals had beaten him while he was walking home in the dark"
        );
        assert_eq!(q[0].start, 0);
    }

    #[test]
    fn the_speaker_follows_a_subordinator_and_a_clause_may_start_with_a() {
        // seeds 003 and 004
        let q = quotes(
            "Tuesday’s offensive came as Russia said it has sent an advance missile system to \
             the Syrian port city of Tartus on the Mediterranean coast.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "Russia");
        let q = quotes(
            "The State Department said a deal was close and could be announced by Secretary of \
             State John Kerry and his Russian counterpart Sergei Lavrov, but hours later \
             admitted defeat for now.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "State Department");
        assert!(q[0].text.starts_with("a deal was close"), "{q:?}");
    }

    #[test]
    fn a_plural_noun_spelled_like_a_speech_verb_is_not_one() {
        // DUC 2006 D0610A
        let q = quotes(
            "Such numbers are notoriously imprecise, since some of the most populous states, \
             such as Texas and Illinois, collect no meaningful data on home schooling.",
        );
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn a_source_inserted_inside_a_clause_does_not_end_the_statement() {
        // DUC 2006 D0605E
        let q = quotes(
            "That is because Katcoff may be receiving sham acupuncture _ needle sticks in places \
             where, according to the theories of traditional Chinese medicine, they should not do \
             any good.",
        );
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn a_title_abbreviation_and_a_new_sentence_after_a_quotation() {
        // DUC 2006 D0605E
        let q = quotes(
            "\"The scientific games have begun,\" declared Dr. David Eisenberg, director of the \
             Center for Alternative Medicine Research.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].speaker.ends_with("David Eisenberg"), "{q:?}");
        let q = quotes(
            "Now, said Cassileth, of Memorial Sloan-Kettering, \"Everybody can play doctor and \
             buy anything they want over the counter and treat themselves.\" Good research \
             became even more necessary, she said.",
        );
        assert!(q.iter().all(|q| !q.speaker.contains("research")), "{q:?}");
        assert!(
            q.iter().any(|q| q.direct && q.speaker == "Cassileth"),
            "{q:?}"
        );
    }

    #[test]
    fn a_clause_after_a_quotation_is_not_its_speaker() {
        // DUC 2006 D0605E and D0601A
        let q = quotes(
            "\"We found the severity of the arthritis process was less in those given the \
             treatment,\" and the combination of compounds worked best, said Dr. Robert R. \
             Karpman, one of the researchers.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].speaker.ends_with("Robert R. Karpman"), "{q:?}");
        let q = quotes(
            "David Rocchio, deputy legal counsel to Vermont Gov. Howard Dean, who has been \
             involved in discussions on Indian gambling, said that \"the concern that governors \
             have is not with the benefit casinos bring to tribes.\"",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "David Rocchio");
    }

    #[test]
    fn a_conjunction_or_as_before_the_speaker_is_not_part_of_it() {
        // DUC 2006 D0605E and D0610A
        let q = quotes(
            "Or, as Dr. Barrie Cassileth, chief of integrative medicine at Memorial \
             Sloan-Kettering Cancer Center, put it: \"The research is just coming into its \
             maturity.\"",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "Barrie Cassileth");
        let q = quotes(
            "The program technology is simple, like a \"schoolbus\" as Mrs. Wendy Pierce puts \
             it: \"It gets you there, and it is cheap.\"",
        );
        assert!(
            q.iter().any(|q| q.direct && q.speaker == "Wendy Pierce"),
            "{q:?}"
        );
    }

    #[test]
    fn a_relative_pronoun_refers_to_the_name_before_it() {
        // the demo
        let q = quotes(
            "The dam is operated by the Kessel Valley Water Authority, which said on Monday that \
             the structure had been inspected last month.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "Kessel Valley Water Authority");
        assert_eq!(q[0].text, "the structure had been inspected last month");
    }

    #[test]
    fn a_generic_description_refers_to_the_latest_organisation() {
        // seed 002
        let q = quotes(
            "At least 25 people were killed in what appeared to be Russian air raids on the \
             province, the Syrian Observatory for Human Rights said.\n\nThe strikes on Idlib have \
             killed more than 300 people, including some 100 children, since mid-November, \
             according to the monitoring group.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(
            q.iter()
                .all(|q| q.speaker == "Syrian Observatory for Human Rights"),
            "{q:?}"
        );
    }

    #[test]
    fn a_generic_description_refers_to_the_organisation_named_last() {
        // DUC 2006 D0610A
        let q = quotes(
            "\"They're going to want to pass it on to their children,\" said Michael Smith, \
             president of the Home School Legal Defense Association.\n\nThe organization \
             estimates that 1.7 million American youngsters are now home schooled.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        // (the entity tagger keeps only "Defense Association" of the name)
        assert!(q[1].speaker.ends_with("Defense Association"), "{q:?}");
    }

    #[test]
    fn quoted_as_saying_and_a_noun_before_the_attribution() {
        // seeds 003 and 002
        let q = quotes(
            "Russian Foreign Minister Sergey Lavrov was quoted by Russian news agencies as saying \
             that Moscow would make efforts to resolve the crisis despite the US suspension of \
             talks.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker, "Sergey Lavrov");
        assert!(q[0].text.starts_with("Moscow would make efforts"), "{q:?}");
        let q = quotes(
            "Countering the Russian claims, US State Department spokesman Mark Toner said in \
             Washington that, \"talks haven't been cancelled. We never were in a position to \
             confirm that these talks were taking place this week.\"",
        );
        assert!(
            q.iter().any(|q| q.direct && q.speaker == "Mark Toner"),
            "{q:?}"
        );
    }

    #[test]
    fn a_quotation_after_a_characterising_verb_is_the_subjects() {
        // seed 003
        let q = quotes(
            "He accused Moscow of turning a blind eye.\n\nThe top US diplomat called Russia’s \
             decision to “associate its interests and its reputation with that of Assad” as \
             “irresponsible and profoundly ill-advised”.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(
            q.iter().all(|q| q.direct && q.speaker == "top US diplomat"),
            "{q:?}"
        );
    }

    #[test]
    fn a_short_fragment_is_no_wording_of_a_long_statement() {
        let mut corpus = Corpus::default();
        for id in ["a", "b"] {
            corpus.articles.push(storyline_core::Article::new(id, ""));
            corpus.sentences.push(Vec::new());
        }
        let raw = |text: &str| RawQuote {
            start: 0,
            end: text.len(),
            text: text.to_string(),
            direct: false,
            speaker: "Observatory".to_string(),
        };
        let quotes = [
            (
                0,
                raw("the most important neighbourhood in the heart of east Aleppo"),
            ),
            (
                1,
                raw("the most important neighbourhood in the heart of eastern Aleppo"),
            ),
            (
                1,
                raw(
                    "government troops retook five districts including the strategic Shaar \
                     neighbourhood and were in control of 70 percent of former rebel territory \
                     in east Aleppo",
                ),
            ),
            (
                0,
                raw("government troops retook five districts including the Shaar neighbourhood"),
            ),
        ];
        let grouped = group(&corpus, &quotes);
        // Two statements, each with its other wording.
        assert_eq!(grouped.len(), 2, "{grouped:#?}");
        assert!(
            grouped.iter().all(|q| q.variants.len() == 1),
            "{grouped:#?}"
        );
    }

    #[test]
    fn a_quantity_before_the_speaker_is_left_out_like_a_determiner() {
        let t = "A number of experts said the vaccine was safe. Dozens of residents said the \
                 water had risen overnight. Some of the analysts said the index would recover. \
                 Tens of thousands of protesters said the vote was rigged. A spokesman said the \
                 plant was closed.";
        let speakers: Vec<String> = quotes(t).into_iter().map(|q| q.speaker).collect();
        assert_eq!(
            speakers,
            [
                "experts",
                "residents",
                "analysts",
                "protesters",
                "spokesman"
            ],
            "{speakers:?}"
        );
        assert_eq!(quantity_len(&["a", "number", "of", "experts"]), 3);
        assert_eq!(quantity_len(&["many", "of", "the", "residents"]), 3);
        assert_eq!(quantity_len(&["the", "head", "of", "the", "agency"]), 1);
        // a pronoun after the quantity is no speaker's name: the quantity stays
        assert_eq!(quantity_len(&["some", "of", "them"]), 0);
    }

    #[test]
    fn a_name_given_by_called_is_not_a_quotation_of_the_subject() {
        // DUC 2006 D0610A
        let q = quotes(
            "Their annual catalog includes a section called “100 Programs You Should Not Buy.”",
        );
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn who_before_a_characterising_verb_is_the_name_described() {
        // DUC 2006 D0605E
        let q = quotes(
            "And at the University of Michigan, Dr. Steven F. Bolling, a heart transplant surgeon \
             who describes himself as \"the high priest of techno-medicine,\" is surprised.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].speaker.ends_with("Steven F. Bolling"), "{q:?}");
    }

    proptest::proptest! {
        /// Any text made of the words and marks the attribution rules look at gives quotes
        /// whose offsets cut the text at character boundaries, without panicking.
        #[test]
        fn quotes_of_any_text_are_slices_of_it(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "said", "says", "told", "was", "by", "that", "adding", "saying", "according",
                "to", ",", ".", "“", "”", "\"", "'", "which", "who", "however", "Dr.", "K.",
                "Smith", "John", "the", "a", "ministry", "statement", "group", "as", "quoted",
                "called", "described", "and", "but", "while", "maintains", "states", "puts", "at",
                "it", "he", "she", "Reuters", "é", "\u{a0}", "—", "\n\n", "(MSF)", "gave", "his",
                "name", "on", "Tuesday", "warned", "when",
            ]),
            0..60,
        )) {
            let text = words.join(" ");
            for q in quotes(&text) {
                proptest::prop_assert!(q.start <= q.end && q.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(q.start));
                proptest::prop_assert!(text.is_char_boundary(q.end));
            }
        }
    }
}
