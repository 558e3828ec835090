//! Evaluation: readers for annotated data sets and the metrics the field uses, so that each
//! stage's quality is a number measured on real data.
//!
//! One module per task; each is owned by the stage it measures:
//! [`timeml`] (TempEval-3 TIMEX scoring), [`rouge`] (ROUGE-1.5.5), [`mds`] (DUC
//! summarization runs), [`tls`] (timeline metrics and Timeline17), [`cltls`] (the
//! cross-lingual Crisis collection), [`clusters`] (B-cubed and
//! pairwise clustering scores), [`syndication`] (near-duplicate benchmark), [`entities`]
//! (MEANTIME NER), [`paraphrase`] (MSRP), [`pubdate`] (publication-date inference on
//! articles whose dates are hidden).

#![warn(missing_docs)]

pub mod cltls;
pub mod clusters;
pub mod entities;
pub mod mds;
pub mod paraphrase;
pub mod pubdate;
pub mod quotes;
pub mod rouge;
pub mod syndication;
pub mod timeml;
pub mod tls;

use std::path::{Path, PathBuf};

/// F1, the harmonic mean of precision and recall (0 when both are 0).
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

/// The folder of shared evaluation data: `$STORYLINE_DATA`, else `../shared/data` next to the
/// workspace (or current directory), if it exists.
pub fn shared_data_dir() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("STORYLINE_DATA") {
        let p = PathBuf::from(p);
        return p.is_dir().then_some(p);
    }
    let candidates = [
        PathBuf::from("../shared/data"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    ];
    candidates.into_iter().find(|p| p.is_dir())
}

/// A data set folder under the shared data, or `None` (with a message on stderr) when it is
/// absent, so that tests can skip with a clear reason.
pub fn dataset(rel: &str) -> Option<PathBuf> {
    match shared_data_dir().map(|d| d.join(rel)) {
        Some(p) if p.exists() => Some(p),
        _ => {
            eprintln!(
                "skipping: data set {rel} not found under ../shared/data (set STORYLINE_DATA)"
            );
            None
        }
    }
}
