//! The incremental index gives the same groups as batch detection, whatever the texts.

use proptest::prelude::*;
use storyline_syndication::{Config, Index, find_groups_texts};

const WORDS: &[&str] = &[
    "army",
    "rebels",
    "aleppo",
    "city",
    "seized",
    "districts",
    "tuesday",
    "monitor",
    "said",
    "government",
    "forces",
    "civilians",
    "fled",
    "east",
    "the",
    "of",
    "in",
    "to",
    "and",
    "talks",
];

fn text_from(ids: &[usize]) -> String {
    ids.iter()
        .map(|&i| WORDS[i % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// A corpus of base texts plus edited copies (prefix kept, words appended or changed).
fn corpus() -> impl Strategy<Value = Vec<String>> {
    let base = prop::collection::vec(prop::collection::vec(0usize..WORDS.len(), 0..60), 1..6);
    (
        base,
        prop::collection::vec(
            (
                0usize..6,
                0.3f64..1.0,
                prop::collection::vec(0usize..20, 0..8),
            ),
            0..12,
        ),
    )
        .prop_map(|(bases, edits)| {
            let mut out: Vec<String> = bases.iter().map(|b| text_from(b)).collect();
            for (which, keep, extra) in edits {
                let b = &bases[which % bases.len()];
                let mut ids: Vec<usize> = b[..(b.len() as f64 * keep) as usize].to_vec();
                ids.extend(extra);
                out.push(text_from(&ids));
            }
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn incremental_equals_batch(texts in corpus(), exact in any::<bool>()) {
        let cfg = Config { exact, ..Config::default() };
        let mut index = Index::new(cfg.clone());
        for t in &texts {
            index.insert_text(t, None);
        }
        let items: Vec<(&str, Option<chrono::NaiveDate>)> = texts.iter().map(|t| (t.as_str(), None)).collect();
        let batch = find_groups_texts(&items, &cfg);
        prop_assert_eq!(index.groups(), batch);
    }
}

#[test]
fn insert_reports_the_earlier_copy() {
    let base = "Syria's army seized key ground in its battle to retake Aleppo on Tuesday, \
                capturing five more districts including a strategic neighbourhood at the heart \
                of rebel territory, a monitor said.";
    let copy = format!("{base} READ MORE: Aleppo talks stall");
    let other = "Floods in the north of the country forced thousands of families to leave \
                 their homes on Sunday as rivers burst their banks after days of rain.";
    let mut index = Index::default();
    assert!(index.insert_text(base, None).is_empty());
    assert!(index.insert_text(other, None).is_empty());
    let m = index.insert_text(&copy, None);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].article, 0);
    let groups = index.groups();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].members, vec![0, 2]);
}
