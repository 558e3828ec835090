//! Sentence splitting for news prose, by rules.
//!
//! A text is cut into paragraphs at blank lines (hard boundaries), and each paragraph into
//! sentences. A sentence ends at a run of terminators (`.`, `!`, `?`, `…`, `。`, `！`, `？`)
//! followed by optional closing quotes or brackets (which belong to the sentence before) and
//! white space, when the next word can start a sentence. Around a single period:
//!
//! * a lower-case next word never starts a sentence (`approx. five`, `"Stop!" he said`);
//! * decimals, URLs and `U.S.-led` have no white space after the period: no boundary;
//! * titles (`Mr.`, `Dr.`, `Sra.`, `Mme.`…) never end a sentence;
//! * number prefixes (`No.`, `Nov.`, `Art.`, `p.`) do not end one before a digit (`Nov. 15`);
//! * initials (`John F. Kennedy`), dotted acronyms (`U.S.`, `U.N.`, `D.C.`) and other
//!   abbreviations (`Inc.`, `St.`, `Jr.`) end one only when the next word is a function word
//!   that usually opens a sentence (`The`, `He`, `But`: the language's stop words) or is
//!   quoted: `the U.S. Secretary of State` stays whole, `fled to the U.S. He said` splits;
//! * `a.m.`/`p.m.` end a sentence before any capitalised word except a time zone
//!   (`at 3 p.m. "We will act," he said.` splits after `p.m.`; `3 p.m. EST` does not);
//! * German and Dutch ordinals before a month (`am 15. November`) are not boundaries;
//! * a short list marker at the start of a sentence (`1.`, `a.`) is not a sentence.
//!
//! Single line breaks inside a paragraph: a text whose lines are wrapped mid-sentence (some
//! line breaks continue with a lower-case word, as in DUC's newswire) treats them as spaces.
//! Otherwise a line break is a boundary when the line ends with sentence punctuation, or when
//! the next line starts with a capital (or digit) and the line has no open quote and does not
//! end with `,`, `:`, `;`, a dash or a lower-case function word.

use crate::abbrev::{self, AbbrevKind};
use crate::stop;

/// Whether a character ends a sentence when followed by white space.
pub(crate) fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '。' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉'
    )
}

/// Closing quotes and brackets that belong to the sentence before a boundary.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』'
    )
}

/// Opening quotes and brackets that may precede the first word of a sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '`'
            | '¿'
            | '¡'
            | '„'
            | '‚'
            | '「'
            | '『'
    )
}

fn is_quote_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '`' | '„' | '‚' | '「' | '『'
    )
}

/// Bytes that can start a character the splitter acts on: ASCII `.!?"'\`\n` and the lead
/// bytes of `…“”‘’` (U+20xx), `«»` (U+00Ax/Bx), `。「」『』` (U+300x) and `！？` (U+FFxx).
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'"' as usize] = true;
    t[b'`' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'\n' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// Per-call settings: the language's abbreviation and stop-word tables.
#[derive(Clone, Copy)]
struct Ctx<'l> {
    language: &'l str,
    stop: usize,
    ordinals_before_months: bool,
    wrapped: bool,
}

/// Splits text into sentences (English rules); returns byte spans `(start, end)` trimmed of
/// white space, and the paragraph index of each (paragraphs are separated by blank lines).
pub fn split_sentences(text: &str) -> Vec<(usize, usize, usize)> {
    split_sentences_in(text, "en")
}

/// Splits text into sentences with the abbreviation and stop-word lists of a language
/// (ISO 639-1; unknown codes use English). Same output as [`split_sentences`].
pub fn split_sentences_in(text: &str, language: &str) -> Vec<(usize, usize, usize)> {
    let ctx = Ctx {
        language,
        stop: stop::lang_index(language),
        ordinals_before_months: matches!(language, "de" | "nl"),
        wrapped: is_wrapped(text),
    };
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    let mut spans = Vec::new();
    for (paragraph, (pstart, para)) in paragraphs(text).enumerate() {
        spans.clear();
        split_paragraph(para, &ctx, &mut spans);
        out.extend(
            spans
                .iter()
                .map(|&(s, e)| (pstart + s, pstart + e, paragraph)),
        );
    }
    out
}

/// Paragraphs: maximal runs of non-blank lines, with their byte offsets.
pub fn paragraphs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    let mut lines = text.split_inclusive('\n');
    std::iter::from_fn(move || {
        let mut start = None;
        for line in lines.by_ref() {
            let here = pos;
            pos += line.len();
            let blank = line.trim().is_empty();
            match (blank, start) {
                (true, Some(s)) => return Some((s, &text[s..here])),
                (false, None) => start = Some(here),
                _ => {}
            }
        }
        start.map(|s| (s, &text[s..]))
    })
}

/// Whether a text's lines are wrapped mid-sentence: at least one line break, out of every
/// three that do not follow sentence punctuation, continues with a lower-case word.
fn is_wrapped(text: &str) -> bool {
    let mut open_breaks = 0usize;
    let mut continued = 0usize;
    let mut prev: Option<&str> = None;
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            prev = None;
            continue;
        }
        if let Some(p) = prev
            && !ends_with_terminator(p)
        {
            open_breaks += 1;
            let word = t.trim_start_matches(is_opener);
            let first = word.chars().next();
            if first.is_some_and(|c| c.is_lowercase()) && !is_camel_case(word) {
                continued += 1;
            }
        }
        prev = Some(t);
    }
    continued > 0 && continued * 3 >= open_breaks
}

/// Whether a trimmed string ends with a terminator, possibly followed by closers.
fn ends_with_terminator(s: &str) -> bool {
    s.trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(is_terminator)
}

fn push_trimmed(para: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &para[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let body = piece.trim();
    if !body.is_empty() {
        out.push((s + lead, s + lead + body.len()));
    }
}

fn split_paragraph(para: &str, ctx: &Ctx<'_>, out: &mut Vec<(usize, usize)>) {
    let bytes = para.as_bytes();
    let mut start = 0usize;
    let mut open_quote = false;
    let mut i = 0usize;
    while i < bytes.len() {
        if !INTERESTING[bytes[i] as usize] {
            i += 1;
            continue;
        }
        let Some(c) = char_at(para, i) else {
            i += 1;
            continue;
        };
        let len = c.len_utf8();
        match c {
            '“' | '«' | '„' | '「' | '『' => open_quote = true,
            '”' | '»' | '」' | '』' => open_quote = false,
            '"' => open_quote = !open_quote,
            '`' if bytes.get(i + 1) == Some(&b'`') => {
                open_quote = true;
                i += 2;
                continue;
            }
            '\'' if bytes.get(i + 1) == Some(&b'\'') => {
                open_quote = false;
                i += 2;
                continue;
            }
            '\n' if !ctx.wrapped => {
                let before = para[start..i].trim();
                if !before.is_empty()
                    && !open_quote
                    && !ends_with_terminator(before)
                    && line_break_is_boundary(before, &para[i + 1..], ctx)
                {
                    push_trimmed(para, start, i, out);
                    start = i + 1;
                    open_quote = false;
                }
            }
            c if is_terminator(c) => {
                let (end, boundary) = terminator(para, i, start, ctx, &mut open_quote);
                if boundary {
                    push_trimmed(para, start, end, out);
                    start = end;
                    open_quote = false;
                }
                i = end.max(i + len);
                continue;
            }
            _ => {}
        }
        i += len;
    }
    push_trimmed(para, start, para.len(), out);
}

/// A line break not after sentence punctuation, in a text that is not wrapped: a boundary
/// when the next line starts like a sentence and the line does not end like an unfinished
/// clause.
fn line_break_is_boundary(before: &str, after: &str, ctx: &Ctx<'_>) -> bool {
    let last = before.chars().next_back();
    if last.is_some_and(|c| matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '(' | '/' | '&')) {
        return false;
    }
    let last_word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    if last_word.chars().next().is_some_and(|c| c.is_lowercase())
        && stop::set(ctx.stop).contains(last_word)
    {
        return false;
    }
    let next = after.trim_start().trim_start_matches(is_opener);
    match next.chars().next() {
        Some(c) => !c.is_lowercase() && (c.is_alphanumeric() || !c.is_ascii_punctuation()),
        None => false,
    }
}

/// Handles a terminator at `i`: returns the end of the would-be sentence (after the run of
/// terminators and closers) and whether it is a boundary.
fn terminator(
    para: &str,
    i: usize,
    start: usize,
    ctx: &Ctx<'_>,
    open_quote: &mut bool,
) -> (usize, bool) {
    // The run of terminators: `?!`, `...`, `…`.
    let mut j = i;
    while let Some(d) = char_at(para, j).filter(|&d| is_terminator(d)) {
        j += d.len_utf8();
    }
    let run_end = j;
    // Closing quotes and brackets belong to this sentence.
    while let Some(d) = char_at(para, j).filter(|&d| is_closer(d)) {
        if matches!(d, '"' | '\'') {
            let after = char_at(para, j + 1);
            let closes = after.is_none_or(|a| a.is_whitespace() || is_closer(a) || a == '\'');
            if !closes {
                break;
            }
        }
        if matches!(d, '"' | '”' | '»' | '」' | '』') {
            *open_quote = false;
        }
        j += d.len_utf8();
    }
    // Tokenised text (`said . ''`): a closing quote standing alone after a space on the same
    // line still closes this sentence.
    let mut end = j;
    let after_space = para[end..].trim_start_matches([' ', '\t']);
    if after_space.len() < para.len() - end {
        let quote = if after_space.starts_with("''") {
            2
        } else if after_space.starts_with(['”', '»']) {
            after_space.chars().next().map_or(0, char::len_utf8)
        } else {
            0
        };
        if quote > 0
            && after_space[quote..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
        {
            *open_quote = false;
            end = para.len() - after_space.len() + quote;
        }
    }
    let end = end;
    // Full-width terminators need no white space after them (Chinese, Japanese); after a
    // closing quote the sentence goes on with its attribution (`「真的吗？」他问。`).
    if para[i..run_end].contains(['。', '！', '？']) {
        let more = !para[end..].trim().is_empty();
        return (end, more && end == run_end);
    }
    match char_at(para, end) {
        None => return (end, false),
        Some(d) if !d.is_whitespace() => return (end, false),
        _ => {}
    }
    // The next word, past white space and opening quotes/brackets.
    let rest = &para[end..];
    let trimmed = rest.trim_start();
    let crossed_newline = rest[..rest.len() - trimmed.len()].contains('\n');
    let word_start = trimmed.trim_start_matches(|c: char| is_opener(c) || c.is_whitespace());
    let opened = trimmed[..trimmed.len() - word_start.len()]
        .chars()
        .any(is_quote_opener);
    let Some(next) = word_start.chars().next() else {
        return (end, false);
    };
    let next_word: &str = word_start
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .next()
        .unwrap_or("");
    let run = &para[i..run_end];
    let b = is_boundary(
        para,
        i,
        start,
        run,
        next,
        next_word,
        opened,
        crossed_newline,
        ctx,
    );
    (end, b)
}

#[allow(clippy::too_many_arguments)]
fn is_boundary(
    para: &str,
    i: usize,
    start: usize,
    run: &str,
    next: char,
    next_word: &str,
    opened: bool,
    crossed_newline: bool,
    ctx: &Ctx<'_>,
) -> bool {
    if next.is_lowercase() && !is_camel_case(next_word) {
        return false;
    }
    if matches!(next, '-' | '–' | '—') {
        // `Apple Inc. - and a leader…` continues; `… - The …` starts a new sentence.
        let after = para[i..]
            .trim_start_matches(|c: char| is_terminator(c) || is_closer(c))
            .trim_start()
            .trim_start_matches(['-', '–', '—'])
            .trim_start();
        // PTB bracket tokens of tokenised text: `-RRB-` closes, it never opens a sentence.
        if after.starts_with("RRB-") || after.starts_with("RSB-") || after.starts_with("RCB-") {
            return false;
        }
        return after.chars().next().is_some_and(|c| !c.is_lowercase());
    }
    if next.is_whitespace() {
        // A lone opening quote or bracket: not enough evidence for a boundary.
        return false;
    }
    if !next.is_alphanumeric() {
        // `. . .`, `.,`, `.)`: punctuation continues the sentence; bullets and dashes start one.
        let continues = next.is_ascii_punctuation() && !matches!(next, '*' | '-' | '#' | '$' | '@');
        return !continues && !is_terminator(next);
    }
    if run != "." {
        return true;
    }
    // The word the period is attached to, without leading quotes/brackets.
    let word_from = para[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(k, c)| k + c.len_utf8())
        .max(start);
    let raw_word = &para[word_from..i];
    let word = raw_word.trim_start_matches(is_opener);
    if word.is_empty() {
        return true;
    }
    let at_sentence_start = para[start..word_from].trim().is_empty();
    let starter = opened || is_sentence_starter(next_word, ctx);
    let mut chars = word.chars();
    let first = chars.next();
    let single = chars.next().is_none();
    // List markers: `1.`, `a.`, `IV.` alone at the start of a sentence.
    if at_sentence_start && word.len() <= 3 && word.chars().all(|c| c.is_ascii_alphanumeric()) {
        let digits = word.chars().all(|c| c.is_ascii_digit());
        if digits || single {
            return false;
        }
    }
    if word.chars().all(|c| c.is_ascii_digit()) {
        if ctx.ordinals_before_months && word.len() <= 2 {
            let lower = next_word.to_lowercase();
            if abbrev::MONTHS.contains(&lower.as_str()) {
                return false;
            }
        }
        return true;
    }
    if crossed_newline && !ctx.wrapped {
        // One sentence per line: only a title or an initial carries over.
        let lower = word.to_lowercase();
        let title = matches!(
            abbrev::lookup(ctx.language, &lower),
            Some(AbbrevKind::Title | AbbrevKind::Inner)
        );
        let initial = single && first.is_some_and(|c| c.is_uppercase());
        return !(title || (initial && !starter));
    }
    let lower = word.to_lowercase();
    // `l'Avv.`, `dell'On.`: look the abbreviation up without an elided article.
    let kind = abbrev::lookup(ctx.language, &lower).or_else(|| {
        let (_, after) = lower.rsplit_once(['\'', '’'])?;
        abbrev::lookup(ctx.language, after)
    });
    if let Some(kind) = kind {
        return match kind {
            AbbrevKind::Title | AbbrevKind::Inner => false,
            AbbrevKind::Number => !next.is_ascii_digit(),
            AbbrevKind::Other => starter,
        };
    }
    if single && first.is_some_and(|c| c.is_uppercase()) {
        // An initial: `John F. Kennedy`.
        return starter;
    }
    if is_dotted(word) {
        if lower == "a.m" || lower == "p.m" {
            let zone = next_word.to_lowercase();
            return !abbrev::TIME_ZONE_WORDS.contains(&zone.as_str());
        }
        return starter;
    }
    true
}

/// `iPhone`, `eBay`, `iOS`: a lower-case initial followed by a capital; such words start
/// sentences.
fn is_camel_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_lowercase()) && chars.take(3).any(|c| c.is_uppercase())
}

/// A dotted abbreviation such as `U.S`, `p.m`, `D.C`, `EE.UU`: letter groups of at most
/// three, separated by periods.
fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|g| !g.is_empty() && g.chars().count() <= 3 && g.chars().all(char::is_alphabetic))
}

/// Whether a capitalised word usually opens a sentence: a stop word of the language
/// (`The`, `He`, `But`, `Die`, `Le`…), or a common sentence adverb.
fn is_sentence_starter(word: &str, ctx: &Ctx<'_>) -> bool {
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    stop::set(ctx.stop).contains(lower.as_str())
        || matches!(
            lower.as_str(),
            "meanwhile" | "however" | "still" | "yet" | "also" | "earlier" | "later" | "instead"
        )
}
