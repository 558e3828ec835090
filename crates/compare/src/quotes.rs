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
        if matches!(
            last,
            "has"
                | "have"
                | "had"
                | "also"
                | "now"
                | "later"
                | "earlier"
                | "meanwhile"
                | "again"
                | "then"
                | "previously"
                | "still"
                | "repeatedly"
                | "has also"
                | "is"
                | "was"
                | "will"
                | "would"
        ) {
            e = s + head.len();
        } else {
            break;
        }
    }
    // "But pro-government media said", "…, but a German official said": the conjunction
    // starts the clause, not the speaker
    let frag = &text[s..e];
    if let Some((w, rest)) = frag.split_once(' ')
        && matches!(w.to_lowercase().as_str(), "but" | "and")
    {
        s = e - rest.trim_start().len();
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
            "seconds" | "minutes" | "hours" | "days" | "weeks" | "months" | "years" | "moments"
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
        && has(lexicon::SPEECH_VERBS, w)
    {
        let s = words.get(1)?.0;
        let e = frag[s..]
            .find([',', '.'])
            .map(|p| s + p)
            .unwrap_or(frag.len());
        let (s, e) = trim_np(text, from + s, from + e)?;
        return Some(SpeakerNp { start: s, end: e });
    }
    // X said; "X, spokesman for the Civil Defence, told …" (an apposition closed by a comma
    // right before the verb: the speaker is the name before it)
    for (k, &(p, w)) in words.iter().enumerate().take(16) {
        if has(lexicon::SPEECH_VERBS, w) && k > 0 {
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

/// Finds a speaker before a position: the noun phrase before the first speech verb of the
/// sentence prefix (`X said that "…"`, `X told reporters: "…"`).
fn speaker_before(text: &str, start: usize, to: usize) -> Option<(SpeakerNp, usize)> {
    let frag = &text[start..to];
    let words = word_spans(frag);
    for (k, &(p, w)) in words.iter().enumerate() {
        if !has(lexicon::SPEECH_VERBS, w) || k == 0 {
            continue;
        }
        // noun phrase: back to a comma or the sentence start
        let mut b = k;
        while b > 0 && !words[b - 1].1.is_empty() && !frag[words[b - 1].0..p].contains(',') {
            b -= 1;
        }
        if k - b > 10 || k == b {
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
            b = c;
        }
        let (s, e) = trim_np(text, start + words[b].0, np_end)?;
        return Some((SpeakerNp { start: s, end: e }, start + p + w.len()));
    }
    None
}

/// Per-article state for resolving pronouns.
struct Context<'a> {
    text: &'a str,
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
        let before = said_from.min(np.start);
        let raw = self.text[np.start..np.end].trim();
        let lower = raw.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let pronoun = matches!(words.as_slice(), [w] if matches!(*w, "he" | "she" | "it" | "they" | "i" | "we"));
        let result: Option<(String, Option<EntityKind>)> = if pronoun {
            let want_person = matches!(words[0], "he" | "she" | "i");
            let last_speaker = self
                .speakers
                .iter()
                .rev()
                .find(|(p, _, k)| {
                    *p <= before
                        && if want_person {
                            *k != Some(EntityKind::Organization) && *k != Some(EntityKind::Location)
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
        } else if let Some(m) = self
            .mentions
            .iter()
            .rev()
            .find(|m| m.start >= np.start && m.end == np.end)
        {
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
                    let stripped = words
                        .iter()
                        .skip_while(|w| has(lexicon::SPEAKER_DETERMINERS, w))
                        .count();
                    let np = raw
                        .split_whitespace()
                        .skip(words.len() - stripped)
                        .collect::<Vec<_>>()
                        .join(" ");
                    (!np.is_empty()).then_some((np, None))
                }
            }
        } else {
            Some((raw.to_string(), None))
        };
        let (name, kind) = result?;
        self.speakers.push((np.end, name.clone(), kind));
        Some(name)
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
    let mut ctx = Context {
        text,
        mentions,
        index,
        speakers: Vec::new(),
    };
    let mut out: Vec<RawQuote> = Vec::new();
    let spans = quote_spans(text);
    let long: Vec<(usize, usize)> = spans
        .iter()
        .copied()
        .filter(|&(s, e)| word_count(&text[s..e]) >= MIN_DIRECT_WORDS)
        .collect();
    // indirect statements first, sentence by sentence, so that pronoun resolution sees the
    // speakers in text order
    let mut events: Vec<(usize, bool, usize, usize)> = Vec::new(); // (pos, direct, s, e)
    for &(s, e) in &long {
        events.push((s, true, s, e));
    }
    for (s, e, _) in storyline_text::split_sentences(text) {
        if !long.iter().any(|&(qs, qe)| qs < e && qe > s) {
            events.push((s, false, s, e));
        }
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
        } else if let Some(q) = indirect(&mut ctx, s, e) {
            out.push(q);
        }
    }
    out
}

const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
];

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

/// An indirect statement in the sentence `[s, e)`.
fn indirect(ctx: &mut Context<'_>, s: usize, e: usize) -> Option<RawQuote> {
    let text = ctx.text;
    let sent = &text[s..e];
    if sent.ends_with('?') {
        return None;
    }
    // "…, according to X."
    if let Some(p) = sent.rfind(", according to ") {
        let np_s = s + p + ", according to ".len();
        let (a, b) = trim_np(text, np_s, e)?;
        let speaker = ctx.resolve_outside(&SpeakerNp { start: a, end: b }, s)?;
        return clause(text, s, s + p, speaker);
    }
    // "…, X said (on Tuesday)."
    let commas: Vec<usize> = sent.match_indices(", ").map(|(p, _)| p).collect();
    for &p in commas.iter().rev() {
        let tail = &sent[p + 2..];
        let words = word_spans(tail);
        let Some(k) = words
            .iter()
            .take(9)
            .position(|(_, w)| has(lexicon::SPEECH_VERBS, w))
        else {
            continue;
        };
        if k == 0 {
            continue;
        }
        let verb_end = words[k].0 + words[k].1.len();
        let after = &tail[verb_end..];
        let next = words.get(k + 1).map(|x| x.1).unwrap_or("");
        let short = words.len() - k <= 6
            || after.split(',').next().is_some_and(|x| {
                // "…, X said on Tuesday, …", not "…, X said US, British and French …"
                word_count(x) <= 3
                    && x.split_whitespace().next().is_some_and(|w| {
                        w.starts_with(|c: char| c.is_lowercase()) || has(DAYS, &w.to_lowercase())
                    })
            }) && after.contains(',');
        if !short || next == "to" || next == "that" {
            continue;
        }
        let Some((a, b)) = trim_np(text, s + p + 2, s + p + 2 + words[k].0) else {
            continue;
        };
        let Some(speaker) = ctx.resolve_outside(&SpeakerNp { start: a, end: b }, s) else {
            continue;
        };
        return clause(text, s, s + p, speaker);
    }
    // "X said (that) …"
    let (np, verb_end) = speaker_before(text, s, e)?;
    let verb = text[..verb_end].split_whitespace().last().unwrap_or("");
    let mut rest = verb_end;
    let after = &text[rest..e];
    let aw = word_spans(after);
    if let Some(k) = aw.iter().take(9).position(|(_, w)| *w == "that") {
        rest += aw[k].0 + 4;
    } else if matches!(verb, "told" | "tells") || has(OBJECT_VERBS, verb) {
        // "told" needs its hearer first; "announced", "reported", "declared"… mostly take a
        // noun phrase ("announced the inquiry"), so only "that" marks a reported clause:
        // remember the speaker for pronouns, but the reported clause is not delimited
        ctx.resolve(&np);
        return None;
    } else {
        // skip "on Tuesday"; a clause does not start with a preposition ("in remarks…")
        let mut k = 0;
        while k < aw.len() && k < 3 && (has(DAYS, aw[k].1) || aw[k].1 == "on") {
            k += 1;
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
                | "a"
                | "an"
        ) {
            ctx.resolve(&np);
            return None;
        }
        if let Some(&(p, _)) = aw.get(k) {
            rest += p;
        }
    }
    let speaker = ctx.resolve(&np)?;
    clause(text, rest, e, speaker)
}

fn clause(text: &str, s: usize, e: usize, speaker: String) -> Option<RawQuote> {
    let t = text[s..e]
        .trim()
        .trim_start_matches([',', ' ', ':'])
        .trim_end_matches(['.', ','])
        .trim();
    let lead = text[s..e].find(t).unwrap_or(0);
    (word_count(t) >= 4).then(|| RawQuote {
        start: s + lead,
        end: s + lead + t.len(),
        text: t.to_string(),
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
            let similar = c
                .wordings
                .iter()
                .any(|w| w.stems.intersection(&st).count() >= 3 && overlap(&w.stems, &st) >= 0.5);
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
}
