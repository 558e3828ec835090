//! Penn Treebank detokenization. Research corpora of news (Timeline17, Crisis, CNN/Daily Mail)
//! ship their text tokenized the Penn Treebank way: `the Centers -LRB- CDC -RRB- said on
//! Monday .`, ```` `` We 're ready , '' he said ````. [`detokenize`] turns such text back into
//! ordinary prose, so that quotations, brackets, possessives and sentence ends read as they do
//! in any article (and a reader of the briefing sees "(CDC)", not "-LRB- CDC -RRB-"). Text
//! that is not PTB-tokenized ([`is_ptb_tokenized`]) is returned unchanged, so untokenized news
//! that merely uses ```` `` ```` and `''` as quotation marks (AP copy in DUC) is left alone.
//! Line breaks are kept.

use std::borrow::Cow;

/// Whether a text is Penn Treebank tokenized: it holds a bracket token (`-LRB-`, `-RRB-`,
/// `-LSB-`, `-RSB-`, `-LCB-`, `-RCB-`), or most of its commas and full stops (at least five)
/// stand alone between spaces and a clitic is split off (` 's `, ` n't `).
pub fn is_ptb_tokenized(text: &str) -> bool {
    const BRACKETS: [&str; 6] = ["-LRB-", "-RRB-", "-LSB-", "-RSB-", "-LCB-", "-RCB-"];
    if BRACKETS.iter().any(|b| text.contains(b)) {
        return true;
    }
    let mut marks = 0usize;
    let mut spaced = 0usize;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b',' || b == b'.' {
            // A full stop inside a word or number ("U.S.", "2.5") is not a mark of its own.
            let prev = i.checked_sub(1).map(|p| bytes[p]);
            let next = bytes.get(i + 1).copied();
            if b == b'.'
                && prev.is_some_and(|p| p.is_ascii_alphanumeric())
                && next.is_some_and(|n| n.is_ascii_alphanumeric())
            {
                continue;
            }
            marks += 1;
            if prev == Some(b' ') && matches!(next, None | Some(b' ' | b'\n' | b'\r')) {
                spaced += 1;
            }
        }
    }
    let clitic = [" 's ", " n't ", " 're ", " 've ", " 'll ", " 'm ", " 'd "]
        .iter()
        .any(|c| text.contains(c));
    marks >= 5 && spaced * 10 >= marks * 8 && clitic
}

/// How a token joins its neighbours.
#[derive(Clone, Copy, PartialEq)]
enum Join {
    /// Space on both sides.
    Free,
    /// No space before it: `,` `.` `)` `''` `'s`.
    Left,
    /// No space after it: `(` `` `` `` `$`.
    Right,
}

fn token(t: &str) -> (Cow<'_, str>, Join) {
    let fixed = |s: &'static str, j: Join| (Cow::Borrowed(s), j);
    match t {
        "-LRB-" => fixed("(", Join::Right),
        "-RRB-" => fixed(")", Join::Left),
        "-LSB-" => fixed("[", Join::Right),
        "-RSB-" => fixed("]", Join::Left),
        "-LCB-" => fixed("{", Join::Right),
        "-RCB-" => fixed("}", Join::Left),
        "``" => fixed("“", Join::Right),
        "''" => fixed("”", Join::Left),
        "`" => fixed("‘", Join::Right),
        "'" => fixed("’", Join::Left),
        "$" | "#" | "US$" | "C$" | "A$" => (Cow::Borrowed(t), Join::Right),
        "," | "." | ";" | ":" | "?" | "!" | "%" | "..." => (Cow::Borrowed(t), Join::Left),
        _ if is_clitic(t) => (Cow::Borrowed(t), Join::Left),
        _ if t.contains("\\/") || t.contains("\\*") => (
            Cow::Owned(t.replace("\\/", "/").replace("\\*", "*")),
            Join::Free,
        ),
        _ => (Cow::Borrowed(t), Join::Free),
    }
}

fn is_clitic(t: &str) -> bool {
    matches!(
        t.to_ascii_lowercase().as_str(),
        "'s" | "n't" | "'re" | "'ve" | "'ll" | "'m" | "'d"
    )
}

/// The text as ordinary prose when it is PTB-tokenized, else unchanged.
pub fn detokenize(text: &str) -> Cow<'_, str> {
    if !is_ptb_tokenized(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut glue_next = true; // nothing before the first token
        for raw in line.split(' ').filter(|t| !t.is_empty()) {
            let (t, join) = token(raw);
            if !glue_next && join != Join::Left {
                out.push(' ');
            }
            out.push_str(&t);
            glue_next = join == Join::Right;
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeline17_text_reads_as_prose() {
        let t = "WASHINGTON -LRB- Reuters -RRB- - Virtually all cases resist Roche AG 's Tamiflu , \
                 the U.S. Centers for Disease Control said on Monday .\n`` We 're not ready , '' \
                 he said , adding that 98 % of samples cost $ 5 each .";
        assert!(is_ptb_tokenized(t));
        assert_eq!(
            detokenize(t),
            "WASHINGTON (Reuters) - Virtually all cases resist Roche AG's Tamiflu, the U.S. \
             Centers for Disease Control said on Monday.\n“We're not ready,” he said, adding \
             that 98% of samples cost $5 each."
        );
    }

    #[test]
    fn ordinary_text_and_ap_quotes_are_left_alone() {
        let ap = "``No one should doubt our staying power or determination,'' he said. Iraq, \
                  which has 17 million residents, said Tuesday it was ready.";
        assert!(!is_ptb_tokenized(ap));
        assert!(matches!(detokenize(ap), Cow::Borrowed(_)));
        let plain = "Syria's army seized key ground on Tuesday, the monitor said.";
        assert!(matches!(detokenize(plain), Cow::Borrowed(_)));
    }

    #[test]
    fn escaped_slashes_and_single_quotes() {
        let t = "MEXICO CITY\\/GENEVA -LRB- Reuters -RRB- - Officials ca n't say ` when ' , \
                 they said . It is the WHO 's call , and the CDC 's , too .";
        assert_eq!(
            detokenize(t),
            "MEXICO CITY/GENEVA (Reuters) - Officials can't say ‘when’, they said. It is the \
             WHO's call, and the CDC's, too."
        );
    }
}
