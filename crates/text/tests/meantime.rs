//! Sentence-boundary quality on real news with gold sentences: the MEANTIME English corpus
//! (120 Wikinews articles), bodies rebuilt as single paragraphs. Skips when the data is
//! absent. The full comparison with peers is `text_eval sentences` (docs/parts/text.md).

#[path = "support/meantime.rs"]
mod meantime;

use std::path::{Path, PathBuf};

use meantime::{Score, body_boundaries, build_doc, read_cat};
use storyline_text::split_sentences;

fn xml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            xml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "xml") {
            out.push(p);
        }
    }
}

#[test]
fn meantime_boundaries_f1_at_least_0_99() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/meantime_en/intra_cross-doc_annotation");
    let mut files = Vec::new();
    xml_files(&dir, &mut files);
    if files.is_empty() {
        eprintln!("skipping: MEANTIME not found under {}", dir.display());
        return;
    }
    let mut score = Score::default();
    for f in &files {
        let Ok(xml) = std::fs::read_to_string(f) else {
            continue;
        };
        let Some(doc) = build_doc(&read_cat(&xml)) else {
            continue;
        };
        let spans = split_sentences(&doc.text)
            .into_iter()
            .map(|(s, e, _)| (s, e));
        let pred = body_boundaries(&doc, spans);
        score.add(&doc.gold, &pred);
    }
    let (p, r, f) = score.prf();
    eprintln!(
        "MEANTIME: P {p:.4} R {r:.4} F1 {f:.4} over {} docs",
        score.docs
    );
    assert!(score.docs >= 100, "only {} documents read", score.docs);
    // Measured 0.9965 / 0.9930 / 0.9948; the UAX #29 baseline scores F1 0.979.
    assert!(p >= 0.99 && r >= 0.985 && f >= 0.99, "P {p} R {r} F1 {f}");
}
