//! Tokenizer of the temporal tagger: runs of letters, runs of digits and single punctuation
//! characters, with byte offsets and whether each token touches the previous one ("glued"),
//! so that rules can tell `mid-July`, `1990s` and `a.m.` from separate words.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters.
    Word,
    /// ASCII digits.
    Num,
    /// One punctuation or symbol character.
    Punct,
}

/// A token with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// No white space between this token and the previous one.
    pub glued: bool,
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 4);
    let mut iter = text.char_indices().peekable();
    let mut last_end = usize::MAX;
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Punct
        };
        let mut end = i + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(j, d)) = iter.peek() {
                let same = match kind {
                    Kind::Num => d.is_ascii_digit(),
                    _ => d.is_alphabetic(),
                };
                if !same {
                    break;
                }
                end = j + d.len_utf8();
                iter.next();
            }
        }
        toks.push(Tok {
            start: i,
            end,
            kind,
            glued: last_end == i,
        });
        last_end = end;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_glues() {
        let t = tokenize("mid-July, 1990s a.m.");
        let kinds: Vec<Kind> = t.iter().map(|t| t.kind).collect();
        use Kind::*;
        assert_eq!(
            kinds,
            vec![
                Word, Punct, Word, Punct, Num, Word, Word, Punct, Word, Punct
            ]
        );
        assert!(t[2].glued && !t[4].glued && t[5].glued);
    }
}
