//! `storyline eval paraphrase`: the summary stage's sentence paraphrase test on MSRP
//! (accuracy, precision, recall, F1 on the test split), with the threshold the attribution
//! rule uses and the one that maximises accuracy on the training split.

use std::path::PathBuf;

use storyline_eval::paraphrase::{self, ParaphraseTest};

#[derive(clap::Args)]
pub struct Args {
    /// Folder holding `msr_paraphrase_train.txt` and `msr_paraphrase_test.txt` (default: the
    /// shared data set `msrp_paraphrase`).
    #[arg(long)]
    pub data: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

fn round(x: f64) -> serde_json::Value {
    serde_json::json!((x * 10000.0).round() / 10000.0)
}

/// The report `--json` prints.
pub fn measure(args: &Args) -> anyhow::Result<serde_json::Value> {
    let dir = match &args.data {
        Some(d) => d.clone(),
        None => storyline_eval::dataset("msrp_paraphrase")
            .ok_or_else(|| anyhow::anyhow!("no --data and no shared msrp_paraphrase data set"))?,
    };
    let (train, skipped_train) = paraphrase::read(&dir.join("msr_paraphrase_train.txt"))?;
    let (test, skipped_test) = paraphrase::read(&dir.join("msr_paraphrase_test.txt"))?;
    let train_p = paraphrase::profiles(&train);
    let test_p = paraphrase::profiles(&test);
    let train_gold: Vec<bool> = train.iter().map(|p| p.paraphrase).collect();
    let test_gold: Vec<bool> = test.iter().map(|p| p.paraphrase).collect();
    let rule = ParaphraseTest::ATTRIBUTION;
    let s = paraphrase::scores(&test_gold, &paraphrase::judge(&test_p, &rule));
    let tuned = paraphrase::tune_threshold(&train_p, &train_gold, rule.require_numbers);
    let tuned_rule = ParaphraseTest {
        threshold: tuned,
        ..rule
    };
    let t = paraphrase::scores(&test_gold, &paraphrase::judge(&test_p, &tuned_rule));
    let report = serde_json::json!({
        "test_pairs": s.pairs,
        "train_pairs": train.len(),
        "skipped_rows": skipped_train + skipped_test,
        "threshold": rule.threshold,
        "accuracy": round(s.accuracy),
        "precision": round(s.precision),
        "recall": round(s.recall),
        "f1": round(s.f1),
        "majority_accuracy": round(s.positive_share.max(1.0 - s.positive_share)),
        "train_tuned_threshold": tuned,
        "train_tuned_accuracy": round(t.accuracy),
        "train_tuned_f1": round(t.f1),
    });
    Ok(report)
}
