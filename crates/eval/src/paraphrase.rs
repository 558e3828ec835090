//! The Microsoft Research Paraphrase Corpus (MSRP) reader and scoring of the summary stage's
//! sentence paraphrase test (accuracy, precision, recall and F1 of the "paraphrase" class).
//!
//! The shared copy is a tokenised variant in which commas inside a sentence became tabs and
//! such fields were wrapped in double quotes; the reader undoes that (tabs back to commas).

use std::path::Path;

pub use storyline_summary::paraphrase::ParaphraseTest;
use storyline_summary::paraphrase::{self, Profile};
use storyline_text::Analyzer;

/// One labelled sentence pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Whether the pair is a paraphrase.
    pub paraphrase: bool,
    /// First sentence.
    pub a: String,
    /// Second sentence.
    pub b: String,
}

/// Reads an MSRP TSV file; returns the pairs and the number of malformed rows skipped.
pub fn read(path: &Path) -> std::io::Result<(Vec<Pair>, usize)> {
    let bytes = std::fs::read(path)?;
    let text = String::from_utf8_lossy(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quote(b'"')
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let mut pairs = Vec::new();
    let mut skipped = 0;
    for rec in reader.records() {
        let Ok(rec) = rec else {
            skipped += 1;
            continue;
        };
        if rec.len() != 5 {
            skipped += 1;
            continue;
        }
        let label = match rec.get(0).map(str::trim) {
            Some("1") => true,
            Some("0") => false,
            _ => {
                skipped += 1;
                continue;
            }
        };
        let fix = |s: &str| s.replace('\t', ",");
        pairs.push(Pair {
            paraphrase: label,
            a: fix(rec.get(3).unwrap_or("")),
            b: fix(rec.get(4).unwrap_or("")),
        });
    }
    Ok((pairs, skipped))
}

/// Scores of a binary decision on labelled pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Scores {
    /// Pairs judged.
    pub pairs: usize,
    /// Share of correct decisions.
    pub accuracy: f64,
    /// Precision of the paraphrase class.
    pub precision: f64,
    /// Recall of the paraphrase class.
    pub recall: f64,
    /// F1 of the paraphrase class.
    pub f1: f64,
    /// Share of pairs labelled paraphrase (the majority baseline's accuracy when > 0.5).
    pub positive_share: f64,
}

/// Scores predictions against labels.
pub fn scores(gold: &[bool], predicted: &[bool]) -> Scores {
    let (mut tp, mut fp, mut fn_, mut correct) = (0usize, 0usize, 0usize, 0usize);
    for (&g, &p) in gold.iter().zip(predicted) {
        match (g, p) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            _ => {}
        }
        if g == p {
            correct += 1;
        }
    }
    let n = gold.len().min(predicted.len());
    let div = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    let precision = div(tp, tp + fp);
    let recall = div(tp, tp + fn_);
    let f1 = crate::f1(precision, recall);
    Scores {
        pairs: n,
        accuracy: div(correct, n),
        precision,
        recall,
        f1,
        positive_share: div(gold.iter().take(n).filter(|g| **g).count(), n),
    }
}

/// Profiles both sides of every pair.
pub fn profiles(pairs: &[Pair]) -> Vec<(Profile, Profile)> {
    let an = Analyzer::new("en");
    pairs
        .iter()
        .map(|p| {
            (
                paraphrase::profile(&an, &p.a),
                paraphrase::profile(&an, &p.b),
            )
        })
        .collect()
}

/// Judges every pair with a rule.
pub fn judge(profiles: &[(Profile, Profile)], test: &ParaphraseTest) -> Vec<bool> {
    profiles.iter().map(|(a, b)| test.judge(a, b)).collect()
}

/// The threshold (on a 0.01 grid) that maximises accuracy on labelled pairs.
pub fn tune_threshold(
    profiles: &[(Profile, Profile)],
    gold: &[bool],
    require_numbers: bool,
) -> f64 {
    let mut best = (0.0, f64::MIN);
    for step in 0..=100 {
        let threshold = step as f64 / 100.0;
        let test = ParaphraseTest {
            threshold,
            require_numbers,
        };
        let acc = scores(gold, &judge(profiles, &test)).accuracy;
        if acc > best.1 {
            best = (threshold, acc);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_count_the_paraphrase_class() {
        let s = scores(&[true, true, false, false], &[true, false, true, false]);
        assert_eq!(s.accuracy, 0.5);
        assert_eq!(s.precision, 0.5);
        assert_eq!(s.recall, 0.5);
        assert_eq!(s.positive_share, 0.5);
    }

    #[test]
    fn msrp_test_split_reads_and_beats_majority() {
        let Some(dir) = crate::dataset("msrp_paraphrase") else {
            return;
        };
        let (pairs, skipped) = read(&dir.join("msr_paraphrase_test.txt")).expect("readable");
        assert!(
            pairs.len() > 1600,
            "{} pairs, {skipped} skipped",
            pairs.len()
        );
        assert!(pairs.iter().all(|p| !p.a.contains('\t')));
        let gold: Vec<bool> = pairs.iter().map(|p| p.paraphrase).collect();
        let s = scores(
            &gold,
            &judge(&profiles(&pairs), &ParaphraseTest::ATTRIBUTION),
        );
        assert!(s.accuracy > s.positive_share, "{s:?}");
    }
}
