//! Regression corpus for the sentence splitter: one test per tricky case, each with the
//! exact expected sentences.

use storyline_text::{split_sentences, split_sentences_in};

fn split(text: &str) -> Vec<&str> {
    split_sentences(text)
        .into_iter()
        .map(|(s, e, _)| &text[s..e])
        .collect()
}

fn split_in<'a>(text: &'a str, lang: &str) -> Vec<&'a str> {
    split_sentences_in(text, lang)
        .into_iter()
        .map(|(s, e, _)| &text[s..e])
        .collect()
}

#[test]
fn dotted_acronyms_before_names_and_titles() {
    assert_eq!(
        split("U.S. Secretary of State John Kerry denied any change of plans. He left."),
        [
            "U.S. Secretary of State John Kerry denied any change of plans.",
            "He left."
        ]
    );
    assert_eq!(
        split("Russia and China blocked a U.N. Security Council resolution on Monday."),
        ["Russia and China blocked a U.N. Security Council resolution on Monday."]
    );
    assert_eq!(
        split("The envoy flew to Washington, D.C. on Monday."),
        ["The envoy flew to Washington, D.C. on Monday."]
    );
}

#[test]
fn dotted_acronym_ends_a_sentence_before_a_function_word() {
    assert_eq!(
        split("He fled to the U.S. He never came back."),
        ["He fled to the U.S.", "He never came back."]
    );
    assert_eq!(
        split("Talks were held at the U.N. But they failed."),
        ["Talks were held at the U.N.", "But they failed."]
    );
}

#[test]
fn month_abbreviations_before_numbers() {
    assert_eq!(
        split(
            "Despite mounting criticism of the offensive begun on Nov. 15, world powers struggled."
        ),
        ["Despite mounting criticism of the offensive begun on Nov. 15, world powers struggled."]
    );
    assert_eq!(
        split("It was signed Sept. 3. The deal held."),
        ["It was signed Sept. 3.", "The deal held."]
    );
    assert_eq!(
        split("See No. 10 Downing Street and p. 12 of the report."),
        ["See No. 10 Downing Street and p. 12 of the report."]
    );
}

#[test]
fn titles_never_end_sentences() {
    assert_eq!(
        split("Dr. Ralph Hoffman said Mr. Smith and Mrs. Jones met Gen. Allen. They agreed."),
        [
            "Dr. Ralph Hoffman said Mr. Smith and Mrs. Jones met Gen. Allen.",
            "They agreed."
        ]
    );
    assert_eq!(
        split("Mr. Will Smith arrived."),
        ["Mr. Will Smith arrived."]
    );
}

#[test]
fn saint_street_and_company_abbreviations() {
    assert_eq!(
        split("He flew to St. Petersburg. Then he rested."),
        ["He flew to St. Petersburg.", "Then he rested."]
    );
    assert_eq!(
        split("The shop is on Main St. The owner left."),
        ["The shop is on Main St.", "The owner left."]
    );
    assert_eq!(
        split("Apple Inc. Chief Executive Tim Cook spoke. Shares rose."),
        ["Apple Inc. Chief Executive Tim Cook spoke.", "Shares rose."]
    );
    assert_eq!(
        split("Martin Luther King Jr. was born in Atlanta."),
        ["Martin Luther King Jr. was born in Atlanta."]
    );
}

#[test]
fn initials_in_names() {
    assert_eq!(
        split("John F. Kennedy was shot in Dallas. George W. Bush spoke."),
        [
            "John F. Kennedy was shot in Dallas.",
            "George W. Bush spoke."
        ]
    );
    assert_eq!(
        split("The vote went to plan B. The rest failed."),
        ["The vote went to plan B.", "The rest failed."]
    );
}

#[test]
fn decimals_urls_and_hyphenated_acronyms() {
    assert_eq!(
        split(
            "Growth was 4.5 percent in 2015. Prices rose 3.2% on CNN.com today. The U.S.-led coalition struck."
        ),
        [
            "Growth was 4.5 percent in 2015.",
            "Prices rose 3.2% on CNN.com today.",
            "The U.S.-led coalition struck."
        ]
    );
}

#[test]
fn ellipses() {
    assert_eq!(
        split("He paused... then went on. It ended… The next day was calm."),
        [
            "He paused... then went on.",
            "It ended…",
            "The next day was calm."
        ]
    );
    assert_eq!(
        split("``We need . . . more research,'' he said."),
        ["``We need . . . more research,'' he said."]
    );
}

#[test]
fn quotes_stay_with_their_sentence() {
    assert_eq!(
        split("\"We will act,\" he said. \"Soon.\" Then he left."),
        ["\"We will act,\" he said.", "\"Soon.\"", "Then he left."]
    );
    assert_eq!(
        split("“Help!” she shouted. “Why?” he asked."),
        ["“Help!” she shouted.", "“Why?” he asked."]
    );
    assert_eq!(
        split("He called it “a disgrace.” Others agreed."),
        ["He called it “a disgrace.”", "Others agreed."]
    );
}

#[test]
fn abbreviation_before_a_quote_splits() {
    assert_eq!(
        split("The meeting ended at 3 p.m. \"We will act,\" he said."),
        ["The meeting ended at 3 p.m.", "\"We will act,\" he said."]
    );
    assert_eq!(
        split("It starts at 9 a.m. EST and ends at 5 p.m. Officials expect delays."),
        [
            "It starts at 9 a.m. EST and ends at 5 p.m.",
            "Officials expect delays."
        ]
    );
    assert_eq!(
        split("They fled to the U.S. “We had no choice,” one said."),
        ["They fled to the U.S.", "“We had no choice,” one said."]
    );
}

#[test]
fn question_and_exclamation_marks() {
    assert_eq!(
        split("Is it over? Nobody knows! Yahoo! said nothing?! Really."),
        [
            "Is it over?",
            "Nobody knows!",
            "Yahoo! said nothing?!",
            "Really."
        ]
    );
}

#[test]
fn paragraphs_are_hard_boundaries() {
    let text = "Syrian government forces advance on rebel-held Aleppo\n\nRussian-backed offensive intensifies\n\n  Tanks crossed the frontline.";
    let spans = split_sentences(text);
    let got: Vec<(&str, usize)> = spans.iter().map(|&(s, e, p)| (&text[s..e], p)).collect();
    assert_eq!(
        got,
        [
            ("Syrian government forces advance on rebel-held Aleppo", 0),
            ("Russian-backed offensive intensifies", 1),
            ("Tanks crossed the frontline.", 2)
        ]
    );
}

#[test]
fn one_sentence_per_line_as_in_seed_002() {
    let text = "Syrian regime forces made rapid inroads in eastern Aleppo Tuesday.\nOpposition fighters who refused to leave would be \"eradicated,\" Lavrov said.\nLavrov meanwhile said the US had \"changed their mind\"\nA member of the opposition placed the blame on Russia.\n";
    assert_eq!(
        split(text),
        [
            "Syrian regime forces made rapid inroads in eastern Aleppo Tuesday.",
            "Opposition fighters who refused to leave would be \"eradicated,\" Lavrov said.",
            "Lavrov meanwhile said the US had \"changed their mind\"",
            "A member of the opposition placed the blame on Russia."
        ]
    );
}

#[test]
fn headline_lines_without_punctuation() {
    let text = "Kerry and Lavrov to meet in Geneva\nThe two ministers will meet on Monday.";
    assert_eq!(
        split(text),
        [
            "Kerry and Lavrov to meet in Geneva",
            "The two ministers will meet on Monday."
        ]
    );
}

#[test]
fn open_quote_or_unfinished_clause_carries_over_a_line_break() {
    let text = "He said \"we will\nAct now,\" and left.\nThe talks, led by\nRussia, failed.";
    assert_eq!(
        split(text),
        [
            "He said \"we will\nAct now,\" and left.",
            "The talks, led by\nRussia, failed."
        ]
    );
}

#[test]
fn wrapped_lines_as_in_duc() {
    let text = "\tWASHINGTON (AP) -- Schizophrenia patients whose medication  \ncouldn't stop the imaginary voices in their heads gained some \nrelief after researchers repeatedly sent a magnetic field into a \nsmall area of their brains. \n\n\tAbout half of 12 patients studied said their hallucinations  \nbecame much less severe after the treatment, which feels like \n``having a woodpecker knock on your head'' once a second for up to \n16 minutes, said researcher\nDr. Ralph Hoffman. The voices stopped \ncompletely in three of these patients. \n";
    assert_eq!(
        split(text),
        [
            "WASHINGTON (AP) -- Schizophrenia patients whose medication  \ncouldn't stop the imaginary voices in their heads gained some \nrelief after researchers repeatedly sent a magnetic field into a \nsmall area of their brains.",
            "About half of 12 patients studied said their hallucinations  \nbecame much less severe after the treatment, which feels like \n``having a woodpecker knock on your head'' once a second for up to \n16 minutes, said researcher\nDr. Ralph Hoffman.",
            "The voices stopped \ncompletely in three of these patients."
        ]
    );
}

#[test]
fn list_markers_stay_with_their_item() {
    assert_eq!(
        split("1. The first point is clear. 2. The second is not."),
        ["1. The first point is clear.", "2. The second is not."]
    );
}

#[test]
fn tokenized_text_as_in_timeline17() {
    let text = "AZUZ : The place : Washington , D.C. . \nThe event : An annual address to the nation . \nU.S. President Barack Obama spoke . \n";
    assert_eq!(
        split(text),
        [
            "AZUZ : The place : Washington , D.C. .",
            "The event : An annual address to the nation .",
            "U.S. President Barack Obama spoke ."
        ]
    );
}

#[test]
fn spanish_french_italian_german_abbreviations() {
    assert_eq!(
        split_in(
            "El Sr. García y la Sra. López llegaron. Luego hablaron.",
            "es"
        ),
        ["El Sr. García y la Sra. López llegaron.", "Luego hablaron."]
    );
    assert_eq!(
        split_in(
            "Las tropas de EE.UU. llegaron ayer. El gobierno calló.",
            "es"
        ),
        ["Las tropas de EE.UU. llegaron ayer.", "El gobierno calló."]
    );
    assert_eq!(
        split_in(
            "Mme. Dupont et M. Martin sont arrivés. Ils ont parlé.",
            "fr"
        ),
        ["Mme. Dupont et M. Martin sont arrivés.", "Ils ont parlé."]
    );
    assert_eq!(
        split_in(
            "Il Dott. Rossi e l'Avv. Bianchi sono arrivati. Poi hanno parlato.",
            "it"
        ),
        [
            "Il Dott. Rossi e l'Avv. Bianchi sono arrivati.",
            "Poi hanno parlato."
        ]
    );
    assert_eq!(
        split_in(
            "Am 15. November kam Hr. Müller, bzw. Dr. Schmidt. Die Lage blieb ruhig.",
            "de"
        ),
        [
            "Am 15. November kam Hr. Müller, bzw. Dr. Schmidt.",
            "Die Lage blieb ruhig."
        ]
    );
    assert_eq!(
        split_in(
            "Die Firma verlor 3 Mio. Euro im Jahr 2015. Die Aktie fiel.",
            "de"
        ),
        [
            "Die Firma verlor 3 Mio. Euro im Jahr 2015.",
            "Die Aktie fiel."
        ]
    );
}

#[test]
fn seed_articles_split_sensibly() {
    let Some(dir) = seeds_dir() else {
        eprintln!("skipping: /work/shared/seeds not found");
        return;
    };
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).ok();
    if let Some(t) = read("001_87d7596e7722211d.txt") {
        let s = split(&t);
        assert!(s.contains(
            &"Despite mounting criticism of the offensive begun on Nov. 15, world powers have struggled to find a way to halt the fighting."
        ));
        assert!(s.contains(&"U.S. Secretary of State John Kerry denied any change of plans."));
    }
    if let Some(t) = read("002_8a305338427bf531.txt") {
        let s = split(&t);
        // One sentence per line, no blank lines: every line starts a sentence.
        assert!(s.contains(&"Lavrov meanwhile said the US had \"changed their mind\" and cancelled a meeting to discuss the fate of the enclave."));
        assert!(s.len() >= t.lines().filter(|l| !l.trim().is_empty()).count());
    }
}

fn seeds_dir() -> Option<std::path::PathBuf> {
    let d = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    d.is_dir().then_some(d)
}

#[test]
fn camel_case_brand_names_start_sentences() {
    assert_eq!(
        split("The service goes live on July 1. iPhone 4 will be available on June 24."),
        [
            "The service goes live on July 1.",
            "iPhone 4 will be available on June 24."
        ]
    );
}

#[test]
fn dash_after_abbreviation() {
    assert_eq!(
        split("It was sold to Apple Inc. - and a leader in networks bought the rest."),
        ["It was sold to Apple Inc. - and a leader in networks bought the rest."]
    );
    assert_eq!(
        split("The deal closed. - The next day, shares fell."),
        ["The deal closed.", "- The next day, shares fell."]
    );
}

#[test]
fn detached_closing_quote_in_tokenized_text() {
    let text = "`` We are worried about the flu . ''\nThe WHO has said so . '' Then it ended .";
    assert_eq!(
        split(text),
        [
            "`` We are worried about the flu . ''",
            "The WHO has said so . ''",
            "Then it ended ."
        ]
    );
}

#[test]
fn full_width_terminators_need_no_space() {
    assert_eq!(
        split("叙利亚军队周二夺回了阿勒颇的五个地区。反对派武装撤退了！「真的吗？」他问。"),
        [
            "叙利亚军队周二夺回了阿勒颇的五个地区。",
            "反对派武装撤退了！",
            "「真的吗？」他问。"
        ]
    );
}

#[test]
fn regression_word_before_period_starts_after_a_full_width_boundary() {
    // Found by proptest: the word before `U.S.`'s period crossed the boundary after `。`.
    assert_eq!(split("地区。U.S. F. "), ["地区。", "U.S. F."]);
}

#[test]
fn ptb_closing_bracket_tokens_continue_the_sentence() {
    let text = "He met Rep. Xavier Becerra -LRB- D-Calif . -RRB- , who spoke . -LRB- Reporting by Maggie Fox -RRB-";
    assert_eq!(
        split(text),
        [
            "He met Rep. Xavier Becerra -LRB- D-Calif . -RRB- , who spoke .",
            "-LRB- Reporting by Maggie Fox -RRB-"
        ]
    );
}
