//! The sentence paraphrase test: do two sentences report the same content in other words?
//!
//! Used to attribute a summary sentence to every article that reports it reworded (syndicated
//! copies are already known from `SentenceSources`), and to keep already-seen content out of
//! update summaries. Features: Dice overlap of stemmed content words, overlap of the smaller
//! side (containment), stemmed content bigram overlap, and agreement of the numbers the two
//! sentences state (different figures are never the same report). Measured on MSRP with
//! `storyline eval paraphrase`.
//!
//! Support: an article reports a sentence when one of its sentences is a paraphrase of it, or
//! when two adjacent sentences of it, read as one passage ([`Window`]), pass the same test and
//! each states part of the sentence the other does not ([`ParaphraseTest::judge_window`]).
//! Writers often split one sentence's facts into two ("The council backed the line by 31
//! votes to 12. The line will cost 410 million crowns."), and the second sentence usually
//! leans on the first by a pronoun or a shortened name, so the pair is the unit that states
//! the facts. Two is the size of that split; a longer window would let the loose overlap of
//! three or more sentences stand for a claim none of them makes.

use storyline_text::Analyzer;

/// What the paraphrase test needs to know about one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// Stemmed content-word ids, sorted, without repeats.
    pub terms: Vec<u64>,
    /// Ids of stemmed word bigrams (stop words included, pairs of two stop words left out).
    pub bigrams: Vec<u64>,
    /// Numbers written in the sentence (digits only, separators removed).
    pub numbers: Vec<String>,
}

/// Builds the profile of a sentence.
pub fn profile(analyzer: &Analyzer, text: &str) -> Profile {
    let mut terms = Vec::new();
    let mut bigrams = Vec::new();
    let mut numbers = Vec::new();
    let mut prev: Option<(u64, bool)> = None;
    analyzer.for_each_term(text, |t| {
        if !t.stop {
            terms.push(t.id);
        }
        if let Some((p, pstop)) = prev
            && !(pstop && t.stop)
        {
            bigrams.push(p.rotate_left(17) ^ t.id);
        }
        prev = Some((t.id, t.stop));
        if t.token.text.bytes().any(|b| b.is_ascii_digit()) {
            let digits: String = t
                .token
                .text
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            numbers.push(digits.trim_end_matches('.').to_string());
        }
    });
    terms.sort_unstable();
    terms.dedup();
    bigrams.sort_unstable();
    bigrams.dedup();
    numbers.sort();
    numbers.dedup();
    Profile {
        terms,
        bigrams,
        numbers,
    }
}

fn common(a: &[u64], b: &[u64]) -> usize {
    storyline_text::sorted_overlap(a, b)
}

/// Similarity features of a sentence pair.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Features {
    /// Dice coefficient of content terms.
    pub dice: f64,
    /// Shared content terms over the smaller side's.
    pub containment: f64,
    /// Dice coefficient of bigrams.
    pub bigram_dice: f64,
    /// Whether the numbers of one side are all stated by the other (or neither states any).
    pub numbers_agree: bool,
}

/// Whether one sorted number list is contained in the other.
fn numbers_agree(a: &[String], b: &[String]) -> bool {
    let subset =
        |small: &[String], big: &[String]| small.iter().all(|x| big.binary_search(x).is_ok());
    if a.len() <= b.len() {
        subset(a, b)
    } else {
        subset(b, a)
    }
}

/// The features of a pair.
pub fn features(a: &Profile, b: &Profile) -> Features {
    let c = common(&a.terms, &b.terms) as f64;
    let (na, nb) = (a.terms.len() as f64, b.terms.len() as f64);
    let dice = if na + nb > 0.0 {
        2.0 * c / (na + nb)
    } else {
        0.0
    };
    let containment = if na.min(nb) > 0.0 {
        c / na.min(nb)
    } else {
        0.0
    };
    let cb = common(&a.bigrams, &b.bigrams) as f64;
    let nbb = (a.bigrams.len() + b.bigrams.len()) as f64;
    let bigram_dice = if nbb > 0.0 { 2.0 * cb / nbb } else { 0.0 };
    let numbers_agree = numbers_agree(&a.numbers, &b.numbers);
    Features {
        dice,
        containment,
        bigram_dice,
        numbers_agree,
    }
}

/// The paraphrase decision rule and its thresholds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParaphraseTest {
    /// Minimum combined score `0.5·dice + 0.3·containment + 0.2·bigram_dice`.
    pub threshold: f64,
    /// Require that the stated numbers agree.
    pub require_numbers: bool,
}

impl ParaphraseTest {
    /// The rule used for attribution: the threshold maximises accuracy on the MSRP training
    /// split (`storyline eval paraphrase` re-tunes it and reports the test split).
    pub const ATTRIBUTION: ParaphraseTest = ParaphraseTest {
        threshold: 0.53,
        require_numbers: true,
    };

    /// The combined score of a pair.
    pub fn score(f: &Features) -> f64 {
        0.5 * f.dice + 0.3 * f.containment + 0.2 * f.bigram_dice
    }

    /// Whether two profiled sentences are paraphrases under this rule.
    pub fn judge(&self, a: &Profile, b: &Profile) -> bool {
        // Cheap bound first: even full containment and bigram overlap cannot reach the
        // threshold when the term sets are too different in size or share nothing.
        let (na, nb) = (a.terms.len(), b.terms.len());
        if na == 0 || nb == 0 {
            return false;
        }
        let max_dice = 2.0 * na.min(nb) as f64 / (na + nb) as f64;
        if 0.5 * max_dice + 0.5 < self.threshold {
            return false;
        }
        let f = features(a, b);
        (!self.require_numbers || f.numbers_agree) && Self::score(&f) >= self.threshold
    }
}

/// Largest ratio of content-term counts between a claim and a two-sentence passage that may
/// support it. 99% of the MSRP training split's paraphrase pairs lie within 1.8 (median 1.14);
/// beyond it the rule's threshold was not tuned, and its precision on that split falls with the
/// ratio (0.82 below 1.25, 0.59 from 1.5 to 2, 0.54 above 2, against 0.68 paraphrases in all).
pub const MAX_TERM_RATIO: f64 = 1.8;

/// Two adjacent sentences of one article, read as one passage: the union of their terms,
/// bigrams and numbers (no bigram spans the sentence boundary).
#[derive(Debug, Clone, PartialEq)]
pub struct Window<'a> {
    /// The first sentence.
    pub first: &'a Profile,
    /// The sentence after it.
    pub second: &'a Profile,
    /// Both read as one sentence.
    pub merged: Profile,
}

fn union_sorted<T: Ord + Clone>(a: &[T], b: &[T]) -> Vec<T> {
    let mut out: Vec<T> = a.iter().chain(b.iter()).cloned().collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl<'a> Window<'a> {
    /// The passage of two adjacent sentences.
    pub fn new(first: &'a Profile, second: &'a Profile) -> Self {
        Window {
            first,
            second,
            merged: Profile {
                terms: union_sorted(&first.terms, &second.terms),
                bigrams: union_sorted(&first.bigrams, &second.bigrams),
                numbers: union_sorted(&first.numbers, &second.numbers),
            },
        }
    }
}

/// Whether `by` shares with the claim a content term (a word or a stated number) that `other`
/// does not.
fn contributes(claim: &Profile, by: &Profile, other: &Profile) -> bool {
    claim
        .terms
        .iter()
        .any(|t| by.terms.binary_search(t).is_ok() && other.terms.binary_search(t).is_err())
}

impl ParaphraseTest {
    /// Whether two adjacent sentences, read as one passage, report the claim: the passage
    /// passes [`ParaphraseTest::judge`] against the claim exactly as one sentence would (same
    /// numbers rule, same threshold, so the passage's extra content counts against it as a
    /// longer sentence's would); each sentence states a term of the claim that the other does
    /// not (else a sentence that fails alone could pass on the bigrams of an unrelated
    /// neighbour); and the passage holds at most [`MAX_TERM_RATIO`] times as many content terms
    /// as the claim (or the claim as many times the passage's), the range the threshold was
    /// tuned on: two sentences hold many words, and a short claim whose words all occur in a
    /// long passage passes on containment alone.
    pub fn judge_window(&self, claim: &Profile, window: &Window<'_>) -> bool {
        let (nc, nw) = (claim.terms.len() as f64, window.merged.terms.len() as f64);
        nc.max(nw) <= MAX_TERM_RATIO * nc.min(nw)
            && contributes(claim, window.first, window.second)
            && contributes(claim, window.second, window.first)
            && self.judge(claim, &window.merged)
    }

    /// [`ParaphraseTest::judge_window`] for two adjacent sentences not read together yet: the
    /// cheap condition (each states a term of the claim the other does not) is tested before
    /// the passage is built, for testing few claims against many sentence pairs.
    pub fn judge_adjacent(&self, claim: &Profile, first: &Profile, second: &Profile) -> bool {
        contributes(claim, first, second)
            && contributes(claim, second, first)
            && self.judge_window(claim, &Window::new(first, second))
    }

    /// Whether the sentences of one article (in text order) report the claim: one of them is a
    /// paraphrase of it, or two adjacent ones together are ([`ParaphraseTest::judge_window`]).
    pub fn supports(&self, claim: &Profile, sentences: &[Profile]) -> bool {
        sentences.iter().any(|s| self.judge(claim, s))
            || sentences
                .windows(2)
                .any(|w| self.judge_adjacent(claim, &w[0], &w[1]))
    }
}

impl Default for ParaphraseTest {
    fn default() -> Self {
        Self::ATTRIBUTION
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reworded_report_is_a_paraphrase_and_other_news_is_not() {
        let an = Analyzer::new("en");
        let t = ParaphraseTest::ATTRIBUTION;
        let a = profile(
            &an,
            "Syrian troops have taken control of more than 70 percent of eastern Aleppo.",
        );
        let b = profile(
            &an,
            "More than 70 percent of eastern Aleppo is now under the control of Syrian troops.",
        );
        let c = profile(
            &an,
            "The dam on the river Kessel burst after heavy rain on Monday.",
        );
        assert!(t.judge(&a, &b));
        assert!(!t.judge(&a, &c));
    }

    #[test]
    fn different_figures_are_not_the_same_report() {
        let an = Analyzer::new("en");
        let t = ParaphraseTest::ATTRIBUTION;
        let a = profile(
            &an,
            "About 50,000 civilians are trapped in eastern Aleppo, the UN said.",
        );
        let b = profile(
            &an,
            "About 100,000 civilians are trapped in eastern Aleppo, the UN said.",
        );
        assert!(!features(&a, &b).numbers_agree);
        assert!(!t.judge(&a, &b));
    }
}

#[cfg(test)]
mod window_tests {
    use super::*;

    fn p(an: &Analyzer, t: &str) -> Profile {
        profile(an, t)
    }

    #[test]
    fn a_claim_split_over_two_adjacent_sentences_is_supported() {
        let an = Analyzer::new("en");
        let t = ParaphraseTest::ATTRIBUTION;
        let claim = p(
            &an,
            "The council voted 31 to 12 for the new tram line, which will cost 410 million crowns.",
        );
        let first = p(
            &an,
            "The council voted 31 to 12 on Tuesday for the new 9-kilometre tram line.",
        );
        let second = p(
            &an,
            "The line, which will run from the station to the harbour, will cost 410 million crowns.",
        );
        // Neither sentence reports the claim alone (the first does not state the cost, and
        // states a length the claim does not) ...
        assert!(!t.judge(&claim, &first));
        assert!(!t.judge(&claim, &second));
        // ... the two together do.
        assert!(t.judge_window(&claim, &Window::new(&first, &second)));
        assert!(t.supports(&claim, &[first, second]));
    }

    #[test]
    fn two_unrelated_sentences_holding_the_words_do_not_support_a_claim() {
        let an = Analyzer::new("en");
        let t = ParaphraseTest::ATTRIBUTION;
        let claim = p(
            &an,
            "Fire crews rescued the children from the burning school in Marrow.",
        );
        let first = p(
            &an,
            "Fire crews spent the night fighting a burning warehouse on the edge of the industrial zone, the fire service said.",
        );
        let second = p(
            &an,
            "In Marrow, the school reopened after the holidays and the children who were rescued from the floods returned to their classes.",
        );
        let w = Window::new(&first, &second);
        // Each holds words of the claim, and together they hold all of them ...
        assert!(contributes(&claim, &first, &second) && contributes(&claim, &second, &first));
        assert!(claim.terms.iter().all(|x| w.merged.terms.contains(x)));
        // ... and the passage, read as one sentence, would pass the paraphrase test on
        // containment, but it holds almost three times the claim's words: mostly other news.
        assert!(t.judge(&claim, &w.merged));
        assert!(w.merged.terms.len() as f64 > MAX_TERM_RATIO * claim.terms.len() as f64);
        assert!(!t.judge_window(&claim, &w));
        assert!(!t.supports(&claim, &[first, second]));
    }

    #[test]
    fn sentences_that_are_not_adjacent_do_not_support_together() {
        let an = Analyzer::new("en");
        let t = ParaphraseTest::ATTRIBUTION;
        let claim = p(
            &an,
            "The council voted 31 to 12 for the new tram line, which will cost 410 million crowns.",
        );
        let first = p(
            &an,
            "The council voted 31 to 12 on Tuesday for the new 9-kilometre tram line.",
        );
        let between = p(
            &an,
            "Traders at the market square vowed to challenge the decision in court.",
        );
        let second = p(
            &an,
            "The line, which will run from the station to the harbour, will cost 410 million crowns.",
        );
        assert!(t.judge_window(&claim, &Window::new(&first, &second)));
        assert!(!t.supports(&claim, &[first, between, second]));
    }

    #[test]
    fn a_neighbour_that_adds_nothing_of_the_claim_is_no_window() {
        let an = Analyzer::new("en");
        let t = ParaphraseTest::ATTRIBUTION;
        let claim = p(
            &an,
            "Syrian troops have taken control of more than 70 percent of eastern Aleppo.",
        );
        let first = p(
            &an,
            "More than 70 percent of eastern Aleppo is now under the control of Syrian troops.",
        );
        let second = p(&an, "The troops of Syria took control of it on Monday.");
        assert!(!contributes(&claim, &second, &first));
        assert!(!t.judge_window(&claim, &Window::new(&first, &second)));
        // The single sentence still supports the claim on its own.
        assert!(t.supports(&claim, &[first, second]));
    }

    #[test]
    fn single_sentence_support_is_the_paraphrase_test() {
        let an = Analyzer::new("en");
        let t = ParaphraseTest::ATTRIBUTION;
        let sentences = [
            "Syrian troops have taken control of more than 70 percent of eastern Aleppo.",
            "More than 70 percent of eastern Aleppo is now under the control of Syrian troops.",
            "About 50,000 civilians are trapped in eastern Aleppo, the UN said.",
            "About 100,000 civilians are trapped in eastern Aleppo, the UN said.",
            "The dam on the river Kessel burst after heavy rain on Monday.",
        ];
        for a in sentences {
            for b in sentences {
                let (pa, pb) = (p(&an, a), p(&an, b));
                assert_eq!(
                    t.supports(&pa, std::slice::from_ref(&pb)),
                    t.judge(&pa, &pb)
                );
            }
        }
    }
}
