//! Named-entity evaluation on MEANTIME (English, CAT XML). Owned by the compare stage.
//!
//! Gold: every `ENTITY_MENTION` with `syntactic_type="NAM"` whose `REFERS_TO` target entity
//! has `ent_type` PER, ORG or LOC, as a token span. The text given to the tagger is the
//! document's tokens joined by single spaces (sentences on their own lines). A predicted
//! mention is mapped to the tokens it covers; a match is *exact* when the token span and the
//! type are equal, *partial* when the spans overlap and the types are equal (one-to-one).
//! The rules of `storyline-compare` were written by hand and not tuned on MEANTIME, so every
//! document is a test document.
//!
//! MEANTIME annotates entities in the title and the first sentences of each article only
//! (sentence ids 0–5, id 1 being the date line; in the English data 1,013 of its 1,014 named
//! mentions lie there, while articles run to 40 sentences). The tagger reads the whole text,
//! but only mentions that start in that part are scored, gold and predicted alike: a name found
//! further down has nothing to be checked against.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;
use storyline_compare::entities::{EntityKind, find_entities};

use crate::timeml::{attr, decode_entities};

/// A gold or predicted mention: token span `[start, end)` and type (`PER`, `ORG`, `LOC`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// `PER`, `ORG` or `LOC`.
    pub kind: String,
}

/// A MEANTIME document: its tokens and gold named mentions.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Tokens in order, with their sentence numbers.
    pub tokens: Vec<(String, usize)>,
    /// Gold named mentions of persons, organisations and places.
    pub gold: Vec<Span>,
}

/// The tokens of a CAT document in order, as (text, sentence number), and each token id's
/// index among them.
pub(crate) fn cat_tokens(xml: &str) -> (Vec<(String, usize)>, HashMap<String, usize>) {
    let mut tokens = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for part in xml.split("<token ").skip(1) {
        let Some(close) = part.find('>') else {
            continue;
        };
        let tag = &part[..close];
        let Some(end) = part.find("</token>") else {
            continue;
        };
        let text = decode_entities(&part[close + 1..end]);
        let sentence = attr(tag, "sentence")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        if let Some(t) = attr(tag, "t_id") {
            ids.insert(t, tokens.len());
        }
        tokens.push((text, sentence));
    }
    (tokens, ids)
}

/// The indexes of the tokens a markable's body anchors (`<token_anchor t_id="…"/>`).
pub(crate) fn anchored(body: &str, ids: &HashMap<String, usize>) -> Vec<usize> {
    body.split("t_id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter_map(|t| ids.get(t).copied())
        .collect()
}

/// Parses one MEANTIME CAT XML document.
pub fn parse(xml: &str) -> Doc {
    let (tokens, tid_index) = cat_tokens(xml);
    // named mentions: m_id → token indexes
    let mut mentions: HashMap<String, Vec<usize>> = HashMap::new();
    for part in xml.split("<ENTITY_MENTION ").skip(1) {
        let Some(close) = part.find('>') else {
            continue;
        };
        let tag = &part[..close];
        if attr(tag, "syntactic_type").as_deref() != Some("NAM") {
            continue;
        }
        let body = part.split("</ENTITY_MENTION>").next().unwrap_or("");
        let toks = anchored(body, &tid_index);
        if let Some(m) = attr(tag, "m_id") {
            mentions.insert(m, toks);
        }
    }
    // entity types
    let mut types: HashMap<String, String> = HashMap::new();
    for part in xml.split("<ENTITY ").skip(1) {
        let tag = part.split('>').next().unwrap_or("");
        if let (Some(m), Some(t)) = (attr(tag, "m_id"), attr(tag, "ent_type")) {
            types.insert(m, t);
        }
    }
    let mut gold = Vec::new();
    for part in xml.split("<REFERS_TO").skip(1) {
        let body = part.split("</REFERS_TO>").next().unwrap_or("");
        let ids: Vec<&str> = body
            .split("m_id=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        let target = body
            .split("<target")
            .nth(1)
            .and_then(|t| t.split("m_id=\"").nth(1))
            .and_then(|s| s.split('"').next());
        let Some(kind) = target.and_then(|t| types.get(t)) else {
            continue;
        };
        if !matches!(kind.as_str(), "PER" | "ORG" | "LOC") {
            continue;
        }
        for id in ids {
            if Some(id) == target {
                continue;
            }
            if let Some(toks) = mentions.get(id)
                && let (Some(&s), Some(&e)) = (toks.iter().min(), toks.iter().max())
            {
                gold.push(Span {
                    start: s,
                    end: e + 1,
                    kind: kind.clone(),
                });
            }
        }
    }
    gold.sort_by_key(|s| (s.start, s.end));
    gold.dedup();
    Doc { tokens, gold }
}

/// Sentences annotated for entities in every MEANTIME article: ids `0..ANNOTATED_SENTENCES`
/// (the title, the date line and the first four sentences of the body).
pub const ANNOTATED_SENTENCES: usize = 6;

/// Whether a mention starts in the annotated part of the document.
pub fn annotated(doc: &Doc, span: &Span) -> bool {
    doc.tokens
        .get(span.start)
        .is_some_and(|&(_, sentence)| sentence < ANNOTATED_SENTENCES)
}

/// Runs the tagger on a document's text and maps its mentions to token spans.
pub fn tag(doc: &Doc) -> Vec<Span> {
    let mut text = String::new();
    let mut offsets = Vec::new();
    let mut last_sentence = None;
    for (t, s) in &doc.tokens {
        if last_sentence.is_some_and(|l| l != *s) {
            text.push('\n');
        } else if !text.is_empty() {
            text.push(' ');
        }
        last_sentence = Some(*s);
        offsets.push((text.len(), text.len() + t.len()));
        text.push_str(t);
    }
    find_entities(&text)
        .into_iter()
        .filter_map(|m| {
            let s = offsets
                .iter()
                .position(|&(a, b)| b > m.start && a < m.end)?;
            let e = offsets
                .iter()
                .rposition(|&(a, b)| b > m.start && a < m.end)?
                + 1;
            let kind = match m.kind {
                EntityKind::Person => "PER",
                EntityKind::Organization => "ORG",
                EntityKind::Location => "LOC",
            };
            Some(Span {
                start: s,
                end: e,
                kind: kind.to_string(),
            })
        })
        .collect()
}

/// Counts for one type.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    /// Gold mentions.
    pub gold: usize,
    /// Predicted mentions.
    pub predicted: usize,
    /// Exact matches (span and type).
    pub exact: usize,
    /// Overlapping matches with the same type (one-to-one).
    pub partial: usize,
}

/// Precision, recall and F1 of a count.
#[derive(Debug, Clone, Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

fn prf(hit: usize, predicted: usize, gold: usize) -> Prf {
    let p = if predicted == 0 {
        0.0
    } else {
        hit as f64 / predicted as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        hit as f64 / gold as f64
    };
    let f = crate::f1(p, r);
    Prf {
        precision: p,
        recall: r,
        f1: f,
    }
}

/// Scores one document into per-type counts.
pub fn score(gold: &[Span], predicted: &[Span], counts: &mut BTreeMap<String, Counts>) {
    for k in ["PER", "ORG", "LOC"] {
        let g: Vec<&Span> = gold.iter().filter(|s| s.kind == k).collect();
        let p: Vec<&Span> = predicted.iter().filter(|s| s.kind == k).collect();
        let c = counts.entry(k.to_string()).or_default();
        c.gold += g.len();
        c.predicted += p.len();
        c.exact += p
            .iter()
            .filter(|x| g.iter().any(|y| y.start == x.start && y.end == x.end))
            .count();
        let mut used = vec![false; g.len()];
        for x in &p {
            if let Some(i) =
                (0..g.len()).find(|&i| !used[i] && g[i].start < x.end && x.start < g[i].end)
            {
                used[i] = true;
                c.partial += 1;
            }
        }
    }
}

/// One disagreement between the tagger and the gold in a document's annotated part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mistake {
    /// `spurious` (predicted, no gold with that span and type), `missed` (gold, not predicted
    /// with that span and type).
    pub what: &'static str,
    /// The mention's tokens.
    pub text: String,
    /// Its type.
    pub kind: String,
    /// The other side's overlapping mention, if any (`PER Sergei Lavrov`).
    pub other: Option<String>,
}

/// The spans that are not exact matches, each with the overlapping span of the other side.
pub fn mistakes(doc: &Doc, gold: &[Span], predicted: &[Span]) -> Vec<Mistake> {
    let text = |s: &Span| {
        doc.tokens[s.start.min(doc.tokens.len())..s.end.min(doc.tokens.len())]
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let overlapping = |s: &Span, others: &[Span]| {
        others
            .iter()
            .find(|o| o.start < s.end && s.start < o.end)
            .map(|o| format!("{} {}", o.kind, text(o)))
    };
    let mut out = Vec::new();
    for (what, mine, theirs) in [("spurious", predicted, gold), ("missed", gold, predicted)] {
        for s in mine {
            if !theirs.contains(s) {
                out.push(Mistake {
                    what,
                    text: text(s),
                    kind: s.kind.clone(),
                    other: overlapping(s, theirs),
                });
            }
        }
    }
    out
}

/// The report of a run.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Documents read.
    pub documents: usize,
    /// Per type (`PER`, `ORG`, `LOC`, `ALL`): counts, exact and partial scores.
    pub types: BTreeMap<String, (Counts, Prf, Prf)>,
    /// Every mistake, by file (only filled when asked for).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mistakes: Vec<(String, Mistake)>,
}

/// The `.xml` files under a folder, sorted.
pub fn xml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    out.sort();
    out
}

/// Evaluates every document under `dir`.
pub fn evaluate(dir: &Path) -> Report {
    evaluate_with(dir, false)
}

/// Evaluates every document under `dir`, listing every mistake when `list_mistakes` is set.
pub fn evaluate_with(dir: &Path, list_mistakes: bool) -> Report {
    let mut listed = Vec::new();
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    let files = xml_files(dir);
    let mut documents = 0;
    for f in &files {
        let Ok(xml) = std::fs::read_to_string(f) else {
            continue;
        };
        let doc = parse(&xml);
        if doc.tokens.is_empty() {
            continue;
        }
        documents += 1;
        let gold: Vec<Span> = doc
            .gold
            .iter()
            .filter(|s| annotated(&doc, s))
            .cloned()
            .collect();
        let predicted: Vec<Span> = tag(&doc)
            .into_iter()
            .filter(|s| annotated(&doc, s))
            .collect();
        score(&gold, &predicted, &mut counts);
        if list_mistakes {
            let name = f.strip_prefix(dir).unwrap_or(f).display().to_string();
            listed.extend(
                mistakes(&doc, &gold, &predicted)
                    .into_iter()
                    .map(|m| (name.clone(), m)),
            );
        }
    }
    let mut all = Counts::default();
    for c in counts.values() {
        all.gold += c.gold;
        all.predicted += c.predicted;
        all.exact += c.exact;
        all.partial += c.partial;
    }
    counts.insert("ALL".to_string(), all);
    let types = counts
        .into_iter()
        .map(|(k, c)| {
            let e = prf(c.exact, c.predicted, c.gold);
            let p = prf(c.partial, c.predicted, c.gold);
            (k, (c, e, p))
        })
        .collect();
    Report {
        documents,
        types,
        mistakes: listed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<Document doc_id="1">
<token number="0" sentence="0" t_id="1">Sergei</token>
<token number="1" sentence="0" t_id="2">Lavrov</token>
<token number="2" sentence="0" t_id="3">visited</token>
<token number="3" sentence="0" t_id="4">Geneva</token>
<token number="4" sentence="0" t_id="5">.</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY m_id="10" ent_type="PER"/>
<ENTITY m_id="11" ent_type="LOC"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="11"/></REFERS_TO>
</Relations></Document>"#;

    #[test]
    fn reads_gold_and_scores() {
        let doc = parse(XML);
        assert_eq!(doc.tokens.len(), 5);
        assert_eq!(
            doc.gold,
            vec![
                Span {
                    start: 0,
                    end: 2,
                    kind: "PER".into()
                },
                Span {
                    start: 3,
                    end: 4,
                    kind: "LOC".into()
                },
            ]
        );
        let mut counts = BTreeMap::new();
        let wrong = vec![Span {
            start: 1,
            end: 2,
            kind: "PER".into(),
        }];
        score(&doc.gold, &wrong, &mut counts);
        assert_eq!(counts["PER"].exact, 0);
        assert_eq!(counts["PER"].partial, 1);
        assert_eq!(counts["LOC"].gold, 1);
    }

    #[test]
    fn only_the_annotated_sentences_are_scored() {
        let xml = XML.replace(
            "<token number=\"4\" sentence=\"0\" t_id=\"5\">.</token>",
            "<token number=\"4\" sentence=\"0\" t_id=\"5\">.</token>\n\
             <token number=\"5\" sentence=\"6\" t_id=\"6\">Later</token>\n\
             <token number=\"6\" sentence=\"6\" t_id=\"7\">Kerry</token>\n\
             <token number=\"7\" sentence=\"6\" t_id=\"8\">spoke</token>",
        );
        let doc = parse(&xml);
        assert_eq!(doc.tokens.len(), 8);
        let early = Span {
            start: 3,
            end: 4,
            kind: "LOC".into(),
        };
        let late = Span {
            start: 6,
            end: 7,
            kind: "PER".into(),
        };
        assert!(annotated(&doc, &early));
        assert!(!annotated(&doc, &late));
        let lavrov = Span {
            start: 1,
            end: 2,
            kind: "PER".into(),
        };
        let m = mistakes(&doc, &doc.gold, &[early.clone(), lavrov]);
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(
            (m[0].what, m[0].text.as_str(), m[0].other.as_deref()),
            ("spurious", "Lavrov", Some("PER Sergei Lavrov"))
        );
        assert_eq!((m[1].what, m[1].text.as_str()), ("missed", "Sergei Lavrov"));
    }

    #[test]
    fn meantime_scores() {
        let Some(dir) = crate::dataset("meantime_en/intra_cross-doc_annotation/corpus_airbus")
        else {
            return;
        };
        let r = evaluate(&dir);
        assert_eq!(r.documents, 30);
        let all = &r.types["ALL"];
        assert!(all.0.gold > 100 && all.0.predicted > 0);
        assert!(all.2.f1 > 0.15, "partial F1 {}", all.2.f1);
    }
}
