//! Quote extraction scores (owned by compare) on the hand-annotated quote set
//! `crates/compare/tests/data/quotes_gold.jsonl` (guideline in `docs/parts/compare.md`).
//!
//! Each gold item is one paragraph of a file under the shared folder (`seeds/…`), given by byte
//! range; its quotes are given by a begin and an end anchor (short strings found in the
//! paragraph), so the set stores no article text beyond these anchors. The extractor runs on
//! the whole file (so pronouns can reach back); each predicted quote is assigned to the
//! annotated paragraph it overlaps most, and predictions outside annotated paragraphs are not
//! scored.
//!
//! Matching rule: a predicted quote matches a gold quote when their byte spans overlap by at
//! least half of the shorter span (one-to-one, largest overlap first). Detection precision,
//! recall and F1 count matches regardless of direct/indirect; `strict` counts only matches
//! whose spans have a Jaccard overlap of at least 0.8. On matched pairs, the direct/indirect
//! label and the speaker are checked (the speaker is right when its normalised form equals
//! one of the gold entity's accepted names).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// The hand-annotated quote set, embedded so that the scorer needs only the article files.
pub const GOLD: &str = include_str!("../../compare/tests/data/quotes_gold.jsonl");

/// One annotated paragraph.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldItem {
    /// File, relative to the shared folder (the parent of the shared data folder).
    pub file: String,
    /// Byte offset of the paragraph in the file.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The paragraph's quotes.
    pub quotes: Vec<GoldQuote>,
}

/// One annotated quote.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    /// The first words of the quote span.
    pub begin: String,
    /// The last words of the quote span (searched after `begin`).
    pub end: String,
    /// In quotation marks (the whole reported content quoted).
    pub direct: bool,
    /// The speaker phrase as written (empty when the text names none).
    pub speaker: String,
    /// The resolved speaker: accepted names separated by `|`.
    pub entity: String,
}

/// Counts and scores of one category.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Prf {
    /// Gold quotes.
    pub gold: usize,
    /// Predicted quotes.
    pub predicted: usize,
    /// Matched pairs.
    pub matched: usize,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn new(gold: usize, predicted: usize, matched_p: usize, matched_g: usize) -> Self {
        let precision = ratio(matched_p, predicted);
        let recall = ratio(matched_g, gold);
        let f1 = crate::f1(precision, recall);
        Prf {
            gold,
            predicted,
            matched: matched_g,
            precision,
            recall,
            f1,
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The quote evaluation report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct QuoteReport {
    /// Annotated paragraphs scored.
    pub paragraphs: usize,
    /// Paragraphs whose file could not be read or whose anchors were not found.
    pub skipped: usize,
    /// Detection, any type (overlap rule).
    pub detection: Prf,
    /// Detection under the strict rule (Jaccard ≥ 0.8).
    pub strict: Prf,
    /// Gold direct quotes against predicted direct quotes (overlap rule).
    pub direct: Prf,
    /// Gold indirect quotes against predicted indirect quotes (overlap rule).
    pub indirect: Prf,
    /// Share of matched pairs with the right direct/indirect label.
    pub type_accuracy: f64,
    /// Share of matched pairs with the right speaker.
    pub speaker_accuracy: f64,
    /// Missed, spurious and wrongly attributed quotes, for reading.
    pub errors: Vec<String>,
}

/// A span with its label and speaker, for matching.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Direct quote.
    pub direct: bool,
    /// Speaker (gold: accepted names separated by `|`).
    pub speaker: String,
}

/// Overlap of two byte spans.
fn overlap(a: &Span, b: &Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// True when the spans overlap by at least half of the shorter one.
pub fn overlaps_enough(a: &Span, b: &Span) -> bool {
    let shorter = (a.end - a.start).min(b.end - b.start).max(1);
    overlap(a, b) * 2 >= shorter
}

/// Jaccard overlap of two byte spans.
pub fn jaccard(a: &Span, b: &Span) -> f64 {
    let inter = overlap(a, b);
    let union = (a.end.max(b.end) - a.start.min(b.start)).max(1);
    inter as f64 / union as f64
}

/// One-to-one matching of gold and predicted spans (pairs that overlap enough, largest
/// Jaccard first). Returns (gold index, predicted index) pairs.
pub fn match_spans(gold: &[Span], pred: &[Span]) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in pred.iter().enumerate() {
            if overlaps_enough(g, p) {
                pairs.push((jaccard(g, p), i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used_g = vec![false; gold.len()];
    let mut used_p = vec![false; pred.len()];
    let mut out = Vec::new();
    for (_, i, j) in pairs {
        if !used_g[i] && !used_p[j] {
            used_g[i] = true;
            used_p[j] = true;
            out.push((i, j));
        }
    }
    out.sort_unstable();
    out
}

/// Lower case, possessives, punctuation and a leading article removed, spaces collapsed.
pub fn normalise_speaker(s: &str) -> String {
    let s = s.to_lowercase().replace(['’', '\''], "");
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let skip = usize::from(matches!(
        words.first().map(String::as_str),
        Some("the" | "a" | "an")
    ));
    words[skip.min(words.len())..].join(" ")
}

/// True when the predicted speaker is one of the gold entity's accepted names.
pub fn speaker_ok(gold_entity: &str, predicted: &str) -> bool {
    let p = normalise_speaker(predicted);
    !p.is_empty()
        && gold_entity
            .split('|')
            .any(|name| normalise_speaker(name) == p)
}

/// Parses the gold set (JSON Lines; blank lines skipped).
pub fn parse_gold(text: &str) -> Result<Vec<GoldItem>, serde_json::Error> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect()
}

/// Resolves a gold quote's anchors to absolute byte offsets in `text`, within the item.
pub fn resolve(text: &str, item: &GoldItem, q: &GoldQuote) -> Option<(usize, usize)> {
    let para = text.get(item.start..item.end)?;
    let b = para.find(&q.begin)?;
    let e = para[b..].find(&q.end)? + b + q.end.len();
    Some((item.start + b, item.start + e))
}

/// Scores `find_quotes` on the gold set, reading the files under `root` (the shared folder).
pub fn evaluate(root: &Path, items: &[GoldItem]) -> QuoteReport {
    let mut by_file: BTreeMap<&str, Vec<&GoldItem>> = BTreeMap::new();
    for it in items {
        by_file.entry(it.file.as_str()).or_default().push(it);
    }
    let mut gold_all: Vec<(String, Span)> = Vec::new();
    let mut pred_all: Vec<(String, Span)> = Vec::new();
    let mut report = QuoteReport::default();
    for (file, its) in by_file {
        let Ok(text) = std::fs::read_to_string(root.join(file)) else {
            report.skipped += its.len();
            continue;
        };
        let mentions = storyline_compare::entities::find_entities(&text);
        let index = storyline_compare::entities::EntityIndex::build(&[(0, mentions.clone())]);
        let preds = storyline_compare::quotes::find_quotes(&text, &mentions, &index);
        let mut ok_items: Vec<&GoldItem> = Vec::new();
        for it in its {
            let spans: Option<Vec<Span>> = it
                .quotes
                .iter()
                .map(|q| {
                    resolve(&text, it, q).map(|(s, e)| Span {
                        start: s,
                        end: e,
                        direct: q.direct,
                        speaker: q.entity.clone(),
                    })
                })
                .collect();
            match spans {
                Some(spans) => {
                    gold_all.extend(spans.into_iter().map(|s| (file.to_string(), s)));
                    ok_items.push(it);
                }
                None => report.skipped += 1,
            }
        }
        report.paragraphs += ok_items.len();
        for p in preds {
            let span = Span {
                start: p.start,
                end: p.end,
                direct: p.direct,
                speaker: p.speaker.clone(),
            };
            // scored only when it overlaps an annotated paragraph
            if ok_items.iter().any(|it| {
                overlap(
                    &span,
                    &Span {
                        start: it.start,
                        end: it.end,
                        direct: false,
                        speaker: String::new(),
                    },
                ) > 0
            }) {
                pred_all.push((file.to_string(), span));
            }
        }
    }
    // match file by file
    let files: Vec<String> = {
        let mut f: Vec<String> = gold_all.iter().map(|(f, _)| f.clone()).collect();
        f.extend(pred_all.iter().map(|(f, _)| f.clone()));
        f.sort();
        f.dedup();
        f
    };
    let (mut m, mut m_strict, mut type_ok, mut spk_ok) = (0, 0, 0, 0);
    let (mut dm_g, mut dm_p, mut im_g, mut im_p) = (0, 0, 0, 0);
    for file in &files {
        let g: Vec<Span> = gold_all
            .iter()
            .filter(|(f, _)| f == file)
            .map(|(_, s)| s.clone())
            .collect();
        let p: Vec<Span> = pred_all
            .iter()
            .filter(|(f, _)| f == file)
            .map(|(_, s)| s.clone())
            .collect();
        let pairs = match_spans(&g, &p);
        let text = std::fs::read_to_string(root.join(file)).unwrap_or_default();
        let show = |s: &Span| {
            let t: String = text
                .get(s.start..s.end)
                .unwrap_or("")
                .chars()
                .take(70)
                .collect();
            format!("{file}@{}: {t}", s.start)
        };
        for &(i, j) in &pairs {
            m += 1;
            if jaccard(&g[i], &p[j]) >= 0.8 {
                m_strict += 1;
            }
            if g[i].direct == p[j].direct {
                type_ok += 1;
            }
            if speaker_ok(&g[i].speaker, &p[j].speaker) {
                spk_ok += 1;
            } else {
                report.errors.push(format!(
                    "speaker: {} | gold {} | predicted {}",
                    show(&g[i]),
                    g[i].speaker,
                    p[j].speaker
                ));
            }
        }
        // per-type matching: gold direct vs predicted direct, same for indirect
        for direct in [true, false] {
            let gi: Vec<Span> = g.iter().filter(|s| s.direct == direct).cloned().collect();
            let pi: Vec<Span> = p.iter().filter(|s| s.direct == direct).cloned().collect();
            let n = match_spans(&gi, &pi).len();
            if direct {
                dm_g += n;
                dm_p += n;
            } else {
                im_g += n;
                im_p += n;
            }
        }
        for (i, s) in g.iter().enumerate() {
            if !pairs.iter().any(|&(a, _)| a == i) {
                report.errors.push(format!(
                    "missed ({}): {}",
                    if s.direct { "direct" } else { "indirect" },
                    show(s)
                ));
            }
        }
        for (j, s) in p.iter().enumerate() {
            if !pairs.iter().any(|&(_, b)| b == j) {
                report.errors.push(format!(
                    "spurious ({}, {}): {}",
                    if s.direct { "direct" } else { "indirect" },
                    s.speaker,
                    show(s)
                ));
            }
        }
    }
    let n_g = gold_all.len();
    let n_p = pred_all.len();
    report.detection = Prf::new(n_g, n_p, m, m);
    report.strict = Prf::new(n_g, n_p, m_strict, m_strict);
    let count = |v: &[(String, Span)], d: bool| v.iter().filter(|(_, s)| s.direct == d).count();
    report.direct = Prf::new(count(&gold_all, true), count(&pred_all, true), dm_p, dm_g);
    report.indirect = Prf::new(count(&gold_all, false), count(&pred_all, false), im_p, im_g);
    report.type_accuracy = ratio(type_ok, m);
    report.speaker_accuracy = ratio(spk_ok, m);
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            direct: true,
            speaker: String::new(),
        }
    }

    #[test]
    fn overlap_rule_needs_half_of_the_shorter_span() {
        assert!(overlaps_enough(&sp(0, 10), &sp(5, 30)));
        assert!(!overlaps_enough(&sp(0, 10), &sp(6, 30)));
        assert!(!overlaps_enough(&sp(0, 10), &sp(10, 20)));
        assert!((jaccard(&sp(0, 10), &sp(0, 20)) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn matching_is_one_to_one_best_first() {
        // two predictions on one gold: the closer one wins, the other stays unmatched
        let gold = [sp(0, 100), sp(200, 250)];
        let pred = [sp(0, 60), sp(0, 95), sp(300, 320)];
        assert_eq!(match_spans(&gold, &pred), vec![(0, 1)]);
    }

    #[test]
    fn speakers_are_compared_on_normalised_names() {
        assert!(speaker_ok("Sergei Lavrov|Lavrov", "Sergei Lavrov"));
        assert!(speaker_ok(
            "Syrian Observatory for Human Rights",
            "the Syrian Observatory for Human Rights"
        ));
        assert!(speaker_ok("MSF's chief", "MSF’s chief"));
        assert!(!speaker_ok("John Kerry", "he"));
        assert!(!speaker_ok("John Kerry", ""));
    }

    #[test]
    fn anchors_resolve_within_the_paragraph() {
        let text = "Intro. \"We will win,\" he said. Then more.";
        let item = GoldItem {
            file: String::new(),
            start: 7,
            end: 30,
            quotes: vec![],
        };
        let q = GoldQuote {
            begin: "We will".into(),
            end: "win".into(),
            direct: true,
            speaker: "he".into(),
            entity: "X".into(),
        };
        assert_eq!(resolve(text, &item, &q), Some((8, 19)));
        let missing = GoldQuote {
            begin: "Intro".into(),
            ..q
        };
        assert_eq!(resolve(text, &item, &missing), None);
    }

    #[test]
    fn gold_set_parses_and_has_quotes() {
        let items = parse_gold(GOLD).expect("gold set parses");
        assert!(items.len() >= 40);
        assert!(items.iter().any(|i| i.quotes.is_empty()));
        assert!(items.iter().flat_map(|i| &i.quotes).any(|q| q.direct));
        assert!(items.iter().flat_map(|i| &i.quotes).any(|q| !q.direct));
    }

    #[test]
    fn gold_anchors_resolve_on_the_shared_files() {
        let Some(data) = crate::shared_data_dir() else {
            eprintln!("skipping: shared data not found (set STORYLINE_DATA)");
            return;
        };
        let root = data.join("..");
        let items = parse_gold(GOLD).expect("gold set parses");
        for it in &items {
            let Ok(text) = std::fs::read_to_string(root.join(&it.file)) else {
                eprintln!("skipping: {} not found", it.file);
                return;
            };
            for q in &it.quotes {
                assert!(resolve(&text, it, q).is_some(), "{} {:?}", it.file, q.begin);
            }
        }
    }
}
