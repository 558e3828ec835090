//! Property tests: spans and offsets are always valid, and nothing panics on arbitrary
//! Unicode.

use proptest::prelude::*;
use storyline_text::{
    Analyzer, detect_language, remove_boilerplate, split_sentences, split_sentences_in, tokenize,
};

/// Text that looks like news: words, abbreviations, quotes, terminators, line breaks and
/// some non-ASCII, so that the splitter's rules are exercised (uniform random strings almost
/// never contain `U.S. "We`).
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("the".to_string()),
        Just("The".to_string()),
        Just("U.S.".to_string()),
        Just("Dr.".to_string()),
        Just("Nov.".to_string()),
        Just("p.m.".to_string()),
        Just("F.".to_string()),
        Just("4.5".to_string()),
        Just("3,200".to_string()),
        Just("said.".to_string()),
        Just("\"We".to_string()),
        Just("act,\"".to_string()),
        Just("“Help!”".to_string()),
        Just("...".to_string()),
        Just("…".to_string()),
        Just("?".to_string()),
        Just("``".to_string()),
        Just("''".to_string()),
        Just("l’armée".to_string()),
        Just("Aleppo’s".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" \r\n".to_string()),
        Just("(file)".to_string()),
        Just("地区。".to_string()),
        Just("「真的吗？」".to_string()),
        Just(". ''".to_string()),
        Just("READ MORE:".to_string()),
        Just("Your".to_string()),
        Just("you".to_string()),
        Just("comments".to_string()),
        Just("Can not play media.".to_string()),
        Just("’s".to_string()),
        "[a-zA-Z]{1,8}",
        "[A-Z][a-z]{0,6}\\.",
        "\\PC{1,3}",
    ];
    prop::collection::vec((piece, prop_oneof![Just(" "), Just(""), Just("  ")]), 0..40)
        .prop_map(|v| v.into_iter().map(|(p, s)| p + s).collect())
}

fn check_spans(text: &str, spans: &[(usize, usize, usize)]) -> Result<(), TestCaseError> {
    let mut prev_end = 0;
    let mut prev_para = 0;
    let mut covered = vec![false; text.len()];
    for &(s, e, p) in spans {
        prop_assert!(s < e, "empty span {s}..{e}");
        prop_assert!(s >= prev_end, "overlap or disorder at {s}");
        prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        prop_assert!(p >= prev_para, "paragraph index went back");
        let sent = &text[s..e];
        prop_assert_eq!(sent.trim(), sent, "span not trimmed");
        // A sentence never crosses a blank line.
        let lines: Vec<&str> = sent.split('\n').collect();
        prop_assert!(
            lines.len() < 3
                || lines[1..lines.len() - 1]
                    .iter()
                    .all(|l| !l.trim().is_empty()),
            "sentence crosses a blank line: {:?}",
            sent
        );
        covered[s..e].iter_mut().for_each(|c| *c = true);
        prev_end = e;
        prev_para = p;
    }
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() {
            prop_assert!(covered[i], "char {:?} at {} not in any sentence", c, i);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn sentence_spans_are_valid_on_newsy_text(text in newsy()) {
        check_spans(&text, &split_sentences(&text))?;
        check_spans(&text, &split_sentences_in(&text, "de"))?;
    }

    #[test]
    fn sentence_spans_are_valid_on_any_unicode(text in any::<String>()) {
        check_spans(&text, &split_sentences(&text))?;
        check_spans(&text, &split_sentences_in(&text, "fr"))?;
    }

    #[test]
    fn token_offsets_slice_the_text_in_order(text in prop_oneof![newsy(), any::<String>()]) {
        let mut prev = 0;
        for t in tokenize(&text) {
            prop_assert!(t.start >= prev && t.start < t.end);
            prop_assert_eq!(&text[t.start..t.end], t.text);
            prev = t.end;
        }
    }

    #[test]
    fn analysis_never_panics_and_counts_agree(text in prop_oneof![newsy(), any::<String>()]) {
        for lang in ["en", "fr", "it", "de", "es", "pt", "nl", "zz"] {
            let a = Analyzer::new(lang);
            let stems = a.stems(&text);
            prop_assert_eq!(stems.len(), tokenize(&text).len());
            prop_assert!(a.terms(&text).len() <= stems.len());
            prop_assert_eq!(a.term_ids(&text).len(), a.terms(&text).len());
        }
        let _ = detect_language(&text);
    }

    #[test]
    fn boilerplate_removal_only_drops_whole_lines(text in newsy()) {
        let out = remove_boilerplate(&text);
        // Every kept line is an input line, in order.
        let mut input = text.split_inclusive('\n');
        for line in out.split_inclusive('\n') {
            prop_assert!(input.any(|l| l == line || (l.strip_suffix('\n') == Some(line))), "line {:?} not from input", line);
        }
        prop_assert!(out.len() <= text.len());
    }
}
