//! Datelines and wire credits at the head of a sentence.
//!
//! News leads often open with where the story was filed and who filed it:
//! `CAIRO, Egypt (CNN) -- Protesters …`, `WASHINGTON (Reuters) - The …`, `ALEPPO - Syria's
//! army …`, `-LRB- CNN -RRB- -- Stunned by …` (CoreNLP's bracket tokens), and scraped pages glue
//! a time stamp in front (`WASHINGTON | Mon Mar 2, 2009 4:23 pm EST WASHINGTON (Reuters) - …`).
//! That head is not part of what the sentence reports: shown in a summary it is noise, and
//! counted as words it crowds out content. [`dateline_len`] measures it so that the text stage
//! can start the sentence after it.
//!
//! Recognised (conservatively: anything else gives 0):
//! * a credit in brackets, `(Reuters)`, `(AP)`, `-LRB- CNN -RRB-` — one to four capitalised
//!   words — followed by a dash, or (upper-case credits only: `(CNN)`, `(LAUGHTER)`) directly
//!   by the capitalised start of the sentence, after a short head of place names, dates and
//!   times (no sentence punctuation, mostly capitalised words or numbers);
//! * an upper-case place name and a dash: `CAIRO --`, `ALEPPO - `, `NEW YORK, Jan. 5 —`,
//!   `WASHINGTON _` (the New York Times wire's dash).
//!
//! The rest of the sentence must keep at least [`MIN_REST_WORDS`] words.

/// Longest head (in bytes) that can be a dateline.
const MAX_HEAD: usize = 200;
/// Furthest byte at which the sentence after a dateline may start.
const MAX_REST_START: usize = MAX_HEAD + 40;
/// Most words in the head before a credit.
const MAX_HEAD_WORDS: usize = 24;
/// Most words in a credit such as `(The Associated Press)`.
const MAX_CREDIT_WORDS: usize = 4;
/// Fewest words left after the dateline.
pub const MIN_REST_WORDS: usize = 2;

/// Byte length of the dateline or wire credit that opens `sentence` (including the dash and
/// the spaces after it), or 0 when it does not open with one.
pub fn dateline_len(sentence: &str) -> usize {
    split_dateline(sentence).map_or(0, |(_, cut)| cut)
}

/// Splits the dateline or wire credit off the start of `text`: returns the dateline as
/// written without its dash (`WASHINGTON (AP)`, `CAIRO`, `(AFP)`) and the byte offset where
/// the sentence starts.
pub fn split_dateline(text: &str) -> Option<(&str, usize)> {
    let words = words(text);
    let (dateline_end, rest) = credit_end(text, &words).or_else(|| caps_place_end(&words))?;
    if rest >= words.len() || words.len() - rest < MIN_REST_WORDS {
        return None;
    }
    let start = words[rest].0;
    if start > MAX_REST_START || !starts_sentence(&text[start..]) {
        return None;
    }
    let dateline = text[..dateline_end].trim_end();
    let dateline = dateline
        .trim_end_matches(|c: char| "-—–―_".contains(c))
        .trim_end();
    (!dateline.is_empty()).then_some((dateline, start))
}

/// Whitespace-separated words with their byte offsets, up to the first word that starts past
/// where a sentence after a dateline may start (later words are never looked at: that one
/// is enough to count the words left).
fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(b) = start.take() {
                out.push((b, &s[b..i]));
                if b > MAX_REST_START {
                    return out;
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(b) = start {
        out.push((b, &s[b..]));
    }
    out
}

fn is_dash(w: &str) -> bool {
    // "_" is the dash of the New York Times wire ("WASHINGTON _ The …").
    matches!(w, "-" | "--" | "---" | "—" | "–" | "―" | "_")
}

/// The rest starts like a sentence: a capital letter, a digit or an opening quote.
fn starts_sentence(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '`')
    })
}

/// A word of a dateline head: capitalised, a number, a short abbreviation, punctuation or a
/// clock/zone word.
fn head_word_ok(w: &str) -> bool {
    let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | '|' | '/' | '·' | '•'));
    if w.is_empty() {
        return true;
    }
    let first = w.chars().next().unwrap_or(' ');
    first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(
            w.to_ascii_lowercase().as_str(),
            "am" | "pm" | "a.m." | "p.m." | "and" | "of" | "de" | "la" | "el" | "al" | "on"
        )
}

/// A word that ends a sentence (so the head is text, not a dateline).
fn ends_sentence(w: &str) -> bool {
    let w = w.trim_end_matches(['"', '\'', '”', '’', ')']);
    if w.ends_with('?') || w.ends_with('!') {
        return true;
    }
    // "Jan." "D.C." "p.m." "U.S." "Gen." are abbreviations; "said." and "over." are not.
    let Some(stem) = w.strip_suffix('.') else {
        return false;
    };
    let capital_abbrev = stem.len() <= 4 && stem.chars().next().is_some_and(char::is_uppercase);
    !stem.contains('.') && !capital_abbrev
}

/// A credit word: capitalised letters (`Reuters`, `AP`, `Agence`, `France-Presse`, `&`).
fn credit_word_ok(w: &str) -> bool {
    let first = w.chars().next().unwrap_or(' ');
    (first.is_uppercase() || w == "&")
        && w.len() <= 20
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '&' | '\''))
}

/// The head before a credit: no sentence punctuation or quotes, mostly capitalised words,
/// numbers and clock words (`WASHINGTON | Mon Mar 2 , 2009 4:23 pm EST WASHINGTON`).
fn head_ok(head: &[(usize, &str)]) -> bool {
    let capital = head.iter().filter(|(_, h)| head_word_ok(h)).count();
    head.iter()
        .all(|(_, h)| !ends_sentence(h) && !h.contains(['"', '“', '”']) && *h != "``")
        && capital * 10 >= head.len() * 8
}

/// A bracketed credit that opens at word `i`: its words, the byte end of its closing
/// bracket, the index of the word after it, and whether a dash is glued to the bracket.
fn credit_at<'a>(
    words: &[(usize, &'a str)],
    i: usize,
) -> Option<(Vec<&'a str>, usize, usize, bool)> {
    let (_, w) = words[i];
    if w == "-LRB-" {
        // CoreNLP's bracket tokens: -LRB- CNN -RRB-
        let close =
            (i + 1..words.len().min(i + 2 + MAX_CREDIT_WORDS)).find(|&j| words[j].1 == "-RRB-")?;
        let inner = words[i + 1..close].iter().map(|x| x.1).collect();
        return Some((
            inner,
            words[close].0 + words[close].1.len(),
            close + 1,
            false,
        ));
    }
    // (Reuters) or (The Associated Press), possibly glued to a dash: (AP)--
    let mut cur = w.strip_prefix('(')?;
    let mut inner = Vec::new();
    let mut j = i;
    loop {
        if let Some(p) = cur.find(')') {
            if p > 0 {
                inner.push(&cur[..p]);
            }
            let tail = &cur[p + 1..];
            if !tail.is_empty() && !is_dash(tail) {
                return None;
            }
            let end = words[j].0 + words[j].1.len() - tail.len();
            return Some((inner, end, j + 1, !tail.is_empty()));
        }
        inner.push(cur);
        j += 1;
        if j >= words.len() || inner.len() > MAX_CREDIT_WORDS {
            return None;
        }
        cur = words[j].1;
    }
}

/// A dateline ending in a bracketed credit: the byte end of the credit and the index of the
/// first word of the sentence (after the dash, if any).
fn credit_end(s: &str, words: &[(usize, &str)]) -> Option<(usize, usize)> {
    let i = words
        .iter()
        .take(MAX_HEAD_WORDS + 1)
        .take_while(|(at, _)| *at <= MAX_HEAD)
        .position(|(_, w)| *w == "-LRB-" || w.starts_with('('))?;
    let (inner, end, after, glued_dash) = credit_at(words, i)?;
    if inner.is_empty()
        || inner.len() > MAX_CREDIT_WORDS
        || !inner.iter().all(|x| credit_word_ok(x))
        || !head_ok(&words[..i])
    {
        return None;
    }
    if glued_dash {
        return Some((end, after));
    }
    let next = words.get(after)?;
    if is_dash(next.1) || next.1 == ":" {
        return Some((end, after + 1));
    }
    // "(CNN) Protesters …": no dash, the sentence starts right away. Only an upper-case
    // credit (`(AP)`, `(LAUGHTER)`): a bracketed name opening a sentence is part of it.
    let upper = inner.iter().all(|w| !w.chars().any(char::is_lowercase));
    (upper && starts_sentence(&s[next.0..])).then_some((end, after))
}

/// An upper-case place dateline and its dash (`CAIRO --`, `ALEPPO - `, `NEW YORK, Jan. 5 —`):
/// the byte offset of the dash and the index of the first word after it.
fn caps_place_end(words: &[(usize, &str)]) -> Option<(usize, usize)> {
    let first = words.first()?.1.trim_end_matches(',');
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3
        || first.chars().any(|c| c.is_lowercase())
        || !first.starts_with(char::is_alphabetic)
    {
        return None;
    }
    for (i, &(at, w)) in words.iter().enumerate().take(9).skip(1) {
        if is_dash(w) {
            return Some((at, i + 1));
        }
        if !head_word_ok(w) || ends_sentence(w) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_gives_a_cut_on_a_char_boundary(
            s in "(\\PC|[A-Z(). _-]|-LRB- |-RRB- ){0,60}"
        ) {
            let n = dateline_len(&s);
            prop_assert!(n <= s.len() && s.is_char_boundary(n));
            if let Some((d, cut)) = split_dateline(&s) {
                prop_assert!(!d.is_empty() && d.len() < cut && s.starts_with(d));
            }
        }
    }

    fn rest(s: &str) -> &str {
        &s[dateline_len(s)..]
    }

    #[test]
    fn wire_credits_in_brackets() {
        assert_eq!(
            rest(
                "Cairo , Egypt -LRB- CNN -RRB- -- Protesters taking to the streets felt the wrath."
            ),
            "Protesters taking to the streets felt the wrath."
        );
        assert_eq!(
            rest("WASHINGTON (Reuters) - The Federal Reserve cut rates on Tuesday."),
            "The Federal Reserve cut rates on Tuesday."
        );
        assert_eq!(
            rest("-LRB- CNN -RRB- -- Stunned by the events in Egypt ?"),
            "Stunned by the events in Egypt ?"
        );
        assert_eq!(
            rest("BEIRUT (AP)-- Syrian troops pushed into the old city."),
            "Syrian troops pushed into the old city."
        );
        assert_eq!(
            rest("PARIS (Agence France-Presse) — Talks resumed on Monday in Geneva."),
            "Talks resumed on Monday in Geneva."
        );
        assert_eq!(
            rest("(CNN) Protesters filled the square again on Friday."),
            "Protesters filled the square again on Friday."
        );
    }

    #[test]
    fn the_dateline_as_written() {
        let cases = [
            ("ALEPPO - Syria’s army seized", Some("ALEPPO")),
            ("(AFP) - Syrian government forces", Some("(AFP)")),
            (
                "WASHINGTON (AP) -- Schizophrenia patients",
                Some("WASHINGTON (AP)"),
            ),
            ("WASHINGTON _ Exploring chaos", Some("WASHINGTON")),
            (
                "DHAKA, Bangladesh (AP) _ India's rivers",
                Some("DHAKA, Bangladesh (AP)"),
            ),
            (
                "MADRID, February 17 (Xinhua) -- Spanish police",
                Some("MADRID, February 17 (Xinhua)"),
            ),
            (
                "EASTGATE (Harbor Ledger) - The city",
                Some("EASTGATE (Harbor Ledger)"),
            ),
            ("BEIRUT (AP)-- Syrian troops", Some("BEIRUT (AP)")),
            ("Syria’s army seized key ground", None),
            ("Zürich (AFP) - The café", Some("Zürich (AFP)")),
            ("ZÜRICH - The café", Some("ZÜRICH")),
            ("Paris - Lyon trains", None),
            ("BREAKING: news", None),
            ("US - china talks", None),
            ("A - b", None),
        ];
        for (text, want) in cases {
            assert_eq!(split_dateline(text).map(|(d, _)| d), want, "{text}");
        }
        let (_, cut) = split_dateline("ALEPPO - Syria’s army").unwrap();
        assert_eq!(&"ALEPPO - Syria’s army"[cut..], "Syria’s army");
    }

    #[test]
    fn scraped_time_stamps_before_the_credit() {
        let s = "By Maggie Fox , Health and Science Editor WASHINGTON | Mon Mar 2 , 2009 4:23 pm EST \
                 WASHINGTON -LRB- Reuters -RRB- - Virtually all cases of the most common strain resist the drug .";
        assert_eq!(
            rest(s),
            "Virtually all cases of the most common strain resist the drug ."
        );
    }

    #[test]
    fn upper_case_places_with_a_dash() {
        assert_eq!(
            rest("ALEPPO - Syria’s army seized key ground in its battle to retake Aleppo."),
            "Syria’s army seized key ground in its battle to retake Aleppo."
        );
        assert_eq!(
            rest("NEW YORK, Jan. 5 — Stocks fell sharply in early trading."),
            "Stocks fell sharply in early trading."
        );
        assert_eq!(
            rest("WASHINGTON _ A sharply divided Supreme Court on Monday struck down the law."),
            "A sharply divided Supreme Court on Monday struck down the law."
        );
    }

    #[test]
    fn ordinary_sentences_are_left_alone() {
        for s in [
            "The talks (in Geneva) - which began on Monday - ended without a deal.",
            "He said the plan (Reuters) reported was wrong.",
            "Officials said it was over. (AP) - More follows later in the day.",
            "NATO - the alliance - met on Friday to discuss the crisis.",
            "UN officials - speaking anonymously - said aid was blocked.",
            "WASHINGTON (Reuters) - Done.",
            "WASHINGTON (Reuters) -",
            "The Egyptian army (EA) -- a key player -- stayed in its barracks.",
            "",
            "CAIRO",
            "(",
            "-LRB-",
            "-LRB- By Andrew Harrer -- Bloomberg News -RRB- President Obama spoke .",
            "-LRB- President Zine El Abidine -RRB- Ben Ali fled the country .",
        ] {
            assert_eq!(dateline_len(s), 0, "{s:?}");
        }
    }
}
