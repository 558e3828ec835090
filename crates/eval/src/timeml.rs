//! TimeML reading and TempEval-3 Task A (temporal expression) scoring.
//!
//! Owned by the time stage. [`read_tml`] turns a `.tml` file into its raw `TEXT` content, the
//! document creation time (the `TIMEX3` with `functionInDocument="CREATION_TIME"`) and the
//! gold `TIMEX3` annotations with byte offsets into the raw text. [`score`] counts matches the
//! way the official `TE3-evaluation.py` does: the DCT is excluded; a system timex and a gold
//! timex match *relaxed* when their extents overlap (one-to-one), *strictly* when the extents
//! are identical; type and value accuracy are the share of relaxed matches (counted on the
//! gold side) whose attribute equals the gold one; "value F1" and "type F1" are those
//! accuracies multiplied by the relaxed F1. The same format is used by the WikiWars and
//! Tweets TIMEX3 conversions, which [`read_tml`] reads too.
//!
//! [`read_tml`] also reads NewsReader CAT documents (`.xml` with `<token>` elements and
//! `TIMEX3` markables over token anchors, as in MEANTIME): the text is the tokens joined by
//! spaces, one sentence per line, cut after the sentences MEANTIME annotates
//! ([`crate::entities::ANNOTATED_SENTENCES`]); the DCT is the creation-time `TIMEX3`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// A gold (or predicted) temporal expression of a TimeML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimexSpan {
    /// Byte offset in the raw text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: String,
    /// The normalised value.
    pub value: String,
}

/// A TimeML document: raw text, creation time and gold timexes.
#[derive(Debug, Clone)]
pub struct TmlDoc {
    /// File the document was read from.
    pub path: PathBuf,
    /// The `TEXT` element with every tag removed and XML entities decoded.
    pub text: String,
    /// The document creation time, when present and parseable.
    pub dct: Option<NaiveDate>,
    /// Gold timexes inside `TEXT` (creation-time timexes excluded), in text order.
    pub timexes: Vec<TimexSpan>,
}

/// Errors reading a TimeML file.
#[derive(Debug, thiserror::Error)]
pub enum TmlError {
    /// The file could not be read.
    #[error("cannot read {0}: {1}")]
    Io(PathBuf, std::io::Error),
    /// An `.xml` file that is not a CAT document (other XML beside the data, such as ACE keys).
    #[error("{0}: not a CAT document")]
    NotTimeml(PathBuf),
    /// The file has no `<TEXT>` element.
    #[error("{0}: no <TEXT> element")]
    NoText(PathBuf),
}

/// The value of an attribute of a tag's text, entities decoded.
pub(crate) fn attr(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(pos) = rest.find(name) {
        let before_ok = pos == 0 || rest.as_bytes()[pos - 1].is_ascii_whitespace();
        let after = &rest[pos + name.len()..];
        let after_trim = after.trim_start();
        if before_ok && let Some(v) = after_trim.strip_prefix('=') {
            let v = v.trim_start();
            let quote = v.chars().next()?;
            if quote == '"' || quote == '\'' {
                let body = &v[1..];
                let end = body.find(quote)?;
                return Some(decode_entities(&body[..end]));
            }
        }
        rest = &rest[pos + name.len()..];
    }
    None
}

/// Text with XML character entities decoded.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        let semi = tail.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| {
            let name = &tail[1..i];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ if name.starts_with("#x") => u32::from_str_radix(&name[2..], 16)
                    .ok()
                    .and_then(char::from_u32),
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, i + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn parse_dct(value: &str) -> Option<NaiveDate> {
    let v = value.get(..10)?;
    NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()
}

/// Parses TimeML source text (see [`read_tml`]).
pub fn parse_tml(path: &Path, source: &str) -> Result<TmlDoc, TmlError> {
    // The DCT: the first TIMEX3 marked as creation time, anywhere in the file.
    let mut dct = None;
    let mut search = source;
    while let Some(pos) = search.find("<TIMEX3") {
        let tail = &search[pos..];
        let Some(end) = tail.find('>') else { break };
        let tag = &tail[..end];
        if attr(tag, "functionInDocument").as_deref() == Some("CREATION_TIME") {
            dct = attr(tag, "value").as_deref().and_then(parse_dct);
            break;
        }
        search = &tail[end..];
    }
    let open = source
        .find("<TEXT>")
        .ok_or_else(|| TmlError::NoText(path.to_path_buf()))?;
    let body_start = open + "<TEXT>".len();
    let body_end = source[body_start..]
        .find("</TEXT>")
        .map(|i| body_start + i)
        .unwrap_or(source.len());
    let body = &source[body_start..body_end];
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    // Open TIMEX3 tags: (start offset, type, value, is creation time).
    let mut open_tags: Vec<(usize, String, String, bool)> = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(lt) => {
                text.push_str(&decode_entities(&rest[..lt]));
                let tail = &rest[lt..];
                let gt = tail.find('>').unwrap_or(tail.len() - 1);
                let tag = &tail[..gt + 1];
                if tag.starts_with("<TIMEX3") {
                    let creation =
                        attr(tag, "functionInDocument").as_deref() == Some("CREATION_TIME");
                    let kind = attr(tag, "type").unwrap_or_default();
                    let value = attr(tag, "value").unwrap_or_default();
                    if tag.ends_with("/>") {
                        // Empty (non-consuming) timex: nothing to score.
                    } else {
                        open_tags.push((text.len(), kind, value, creation));
                    }
                } else if tag.starts_with("</TIMEX3")
                    && let Some((start, kind, value, creation)) = open_tags.pop()
                    && !creation
                    && text.len() > start
                {
                    timexes.push(TimexSpan {
                        start,
                        end: text.len(),
                        kind,
                        value,
                    });
                }
                rest = &tail[(gt + 1).min(tail.len())..];
            }
            None => {
                text.push_str(&decode_entities(rest));
                rest = "";
            }
        }
    }
    timexes.sort_by_key(|t| (t.start, t.end));
    Ok(TmlDoc {
        path: path.to_path_buf(),
        text,
        dct,
        timexes,
    })
}

/// Whether a source is a CAT document (tokens and markables) rather than inline TimeML.
fn is_cat(source: &str) -> bool {
    source.contains("<token ") && source.contains("<Markables")
}

/// Parses a CAT document (see the module documentation).
pub fn parse_cat(path: &Path, source: &str) -> Result<TmlDoc, TmlError> {
    let annotated = crate::entities::ANNOTATED_SENTENCES;
    let (doc_tokens, tid_index) = crate::entities::cat_tokens(source);
    // TIMEX3 markables: (type, value, creation time, token indexes)
    let mut markables = Vec::new();
    for part in source.split("<TIMEX3 ").skip(1) {
        let Some(close) = part.find('>') else {
            continue;
        };
        let tag = &part[..close];
        let body = part.split("</TIMEX3>").next().unwrap_or("");
        let tokens = crate::entities::anchored(body, &tid_index);
        let creation = attr(tag, "functionInDocument").as_deref() == Some("CREATION_TIME");
        markables.push((tag.to_string(), creation, tokens));
    }
    // The creation time's value, or, when it is not ISO ("03-02-2009": March 2 or 3 February?),
    // the full date its own words write ("February 03 , 2009").
    let dct = markables.iter().filter(|m| m.1).find_map(|m| {
        attr(&m.0, "value")
            .as_deref()
            .and_then(parse_dct)
            .or_else(|| {
                let mut ids = m.2.clone();
                ids.sort_unstable();
                let words: Vec<&str> = ids
                    .iter()
                    .filter_map(|&i| doc_tokens.get(i).map(|t| t.0.as_str()))
                    .collect();
                let words = words.join(" ");
                storyline_time::tag(&words, None)
                    .into_iter()
                    .find(|t| {
                        t.precision == Some(storyline_core::Precision::Day) && t.value.len() == 10
                    })
                    .and_then(|t| t.date)
            })
    });
    // the creation time's own words stay out of the text, as the DCT of a .tml file does
    let dct_tokens: std::collections::HashSet<usize> = markables
        .iter()
        .filter(|m| m.1)
        .flat_map(|m| m.2.iter().copied())
        .collect();
    let mut text = String::new();
    let mut spans: Vec<Option<(usize, usize)>> = Vec::with_capacity(doc_tokens.len());
    let mut last_sentence = None;
    for (i, (token, sentence)) in doc_tokens.iter().enumerate() {
        if *sentence >= annotated || dct_tokens.contains(&i) {
            spans.push(None);
            continue;
        }
        if last_sentence.is_some_and(|l| l != *sentence) {
            text.push('\n');
        } else if !text.is_empty() {
            text.push(' ');
        }
        last_sentence = Some(*sentence);
        spans.push(Some((text.len(), text.len() + token.len())));
        text.push_str(token);
    }
    if text.is_empty() {
        return Err(TmlError::NoText(path.to_path_buf()));
    }
    let mut timexes = Vec::new();
    for (tag, creation, tokens) in &markables {
        let (Some(&first), Some(&last)) = (tokens.iter().min(), tokens.iter().max()) else {
            continue;
        };
        if let (false, Some(Some((start, _))), Some(Some((_, end)))) =
            (*creation, spans.get(first), spans.get(last))
        {
            timexes.push(TimexSpan {
                start: *start,
                end: *end,
                kind: attr(tag, "type").unwrap_or_default(),
                value: attr(tag, "value").unwrap_or_default(),
            });
        }
    }
    timexes.sort_by_key(|t| (t.start, t.end));
    Ok(TmlDoc {
        path: path.to_path_buf(),
        text,
        dct,
        timexes,
    })
}

/// Reads one `.tml` file, or one CAT `.xml` document.
pub fn read_tml(path: &Path) -> Result<TmlDoc, TmlError> {
    let source = std::fs::read_to_string(path).map_err(|e| TmlError::Io(path.to_path_buf(), e))?;
    if is_cat(&source) {
        parse_cat(path, &source)
    } else if path.extension().is_some_and(|x| x == "xml") {
        Err(TmlError::NotTimeml(path.to_path_buf()))
    } else {
        parse_tml(path, &source)
    }
}

/// Every `.tml` and `.xml` file under a directory (recursively), in path order; an `.xml`
/// file that is not a CAT document reads as [`TmlError::NotTimeml`], which callers skip.
pub fn tml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "tml" || x == "xml"))
        .collect();
    files.sort();
    files
}

/// Match counts of a system against gold timexes (sums over documents).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents scored.
    pub documents: usize,
    /// Gold timexes.
    pub gold: usize,
    /// System timexes.
    pub predicted: usize,
    /// Gold timexes with an identical system extent.
    pub strict: usize,
    /// Gold timexes with an overlapping system timex (one-to-one).
    pub relaxed: usize,
    /// Relaxed matches whose type equals the gold one.
    pub type_match: usize,
    /// Relaxed matches whose value equals the gold one.
    pub value_match: usize,
}

impl Counts {
    /// Adds the counts of another document set.
    pub fn add(&mut self, o: &Counts) {
        self.documents += o.documents;
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.type_match += o.type_match;
        self.value_match += o.value_match;
    }
}

/// One gold/system pairing made by [`align`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// Index into the gold list.
    pub gold: usize,
    /// Index into the system list.
    pub system: usize,
}

fn overlap(a: &TimexSpan, b: &TimexSpan) -> usize {
    let s = a.start.max(b.start);
    let e = a.end.min(b.end);
    e.saturating_sub(s)
}

/// One-to-one alignment of system to gold timexes by overlap: identical extents first, then
/// the largest overlaps.
pub fn align(gold: &[TimexSpan], system: &[TimexSpan]) -> Vec<Pair> {
    let mut cands: Vec<(usize, bool, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (si, s) in system.iter().enumerate() {
            let o = overlap(g, s);
            if o > 0 {
                let exact = g.start == s.start && g.end == s.end;
                cands.push((o, exact, gi, si));
            }
        }
    }
    cands.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)).then(a.2.cmp(&b.2)));
    let mut gold_used = vec![false; gold.len()];
    let mut sys_used = vec![false; system.len()];
    let mut pairs = Vec::new();
    for (_, _, gi, si) in cands {
        if !gold_used[gi] && !sys_used[si] {
            gold_used[gi] = true;
            sys_used[si] = true;
            pairs.push(Pair {
                gold: gi,
                system: si,
            });
        }
    }
    pairs.sort_by_key(|p| p.gold);
    pairs
}

/// Scores one document's system timexes against its gold timexes.
pub fn score_document(gold: &[TimexSpan], system: &[TimexSpan]) -> Counts {
    let mut c = Counts {
        documents: 1,
        gold: gold.len(),
        predicted: system.len(),
        ..Counts::default()
    };
    for p in align(gold, system) {
        let (g, s) = (&gold[p.gold], &system[p.system]);
        c.relaxed += 1;
        if g.start == s.start && g.end == s.end {
            c.strict += 1;
        }
        if g.kind == s.kind {
            c.type_match += 1;
        }
        if g.value == s.value {
            c.value_match += 1;
        }
    }
    c
}

/// TempEval-3 Task A scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Strict (identical extent) precision.
    pub strict_precision: f64,
    /// Strict recall.
    pub strict_recall: f64,
    /// Strict F1.
    pub strict_f1: f64,
    /// Relaxed (overlap) precision.
    pub relaxed_precision: f64,
    /// Relaxed recall.
    pub relaxed_recall: f64,
    /// Relaxed F1.
    pub relaxed_f1: f64,
    /// Share of relaxed matches with the gold type.
    pub type_accuracy: f64,
    /// Share of relaxed matches with the gold value.
    pub value_accuracy: f64,
    /// `type_accuracy × relaxed_f1`.
    pub type_f1: f64,
    /// `value_accuracy × relaxed_f1`, the TE3 "value F1".
    pub value_f1: f64,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Scores from summed counts.
pub fn scores(c: &Counts) -> Scores {
    let sp = ratio(c.strict, c.predicted);
    let sr = ratio(c.strict, c.gold);
    let rp = ratio(c.relaxed, c.predicted);
    let rr = ratio(c.relaxed, c.gold);
    let rf = crate::f1(rp, rr);
    let ta = ratio(c.type_match, c.relaxed);
    let va = ratio(c.value_match, c.relaxed);
    Scores {
        strict_precision: sp,
        strict_recall: sr,
        strict_f1: crate::f1(sp, sr),
        relaxed_precision: rp,
        relaxed_recall: rr,
        relaxed_f1: rf,
        type_accuracy: ta,
        value_accuracy: va,
        type_f1: ta * rf,
        value_f1: va * rf,
    }
}

/// Our tagger's output on a document, as scorer spans.
pub fn tag_document(doc: &TmlDoc) -> Vec<TimexSpan> {
    tag_document_with_rules(doc)
        .into_iter()
        .map(|(span, _)| span)
        .collect()
}

/// [`tag_document`] with the name of the tagger rule behind each span, for error analysis
/// (how often each rule's values are right).
pub fn tag_document_with_rules(doc: &TmlDoc) -> Vec<(TimexSpan, String)> {
    storyline_time::tag(&doc.text, doc.dct)
        .into_iter()
        .map(|t| {
            let span = TimexSpan {
                start: t.start,
                end: t.end,
                kind: t.kind.name().to_string(),
                value: t.value,
            };
            (span, t.rule)
        })
        .collect()
}

/// Tags and scores every `.tml` file under `dir`; unreadable files are counted in the
/// returned list of errors and skipped.
pub fn evaluate_dir(dir: &Path) -> (Counts, Vec<TmlError>) {
    use rayon::prelude::*;
    let results: Vec<Result<Counts, TmlError>> = tml_files(dir)
        .par_iter()
        .map(|p| {
            let doc = read_tml(p)?;
            Ok(score_document(&doc.timexes, &tag_document(&doc)))
        })
        .collect();
    let mut total = Counts::default();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(c) => total.add(&c),
            Err(TmlError::NotTimeml(_)) => {}
            Err(e) => errors.push(e),
        }
    }
    (total, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
It fell &amp; rose <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>, for <TIMEX3 tid="t2" value="P2W" type="DURATION">two weeks</TIMEX3>.
</TEXT>
</TimeML>"#;

    #[test]
    fn reads_cat_documents_up_to_the_annotated_sentences() {
        let cat = r#"<Document doc_id="1">
<token number="0" sentence="0" t_id="1">Sales</token>
<token number="1" sentence="0" t_id="2">fell</token>
<token number="2" sentence="0" t_id="3">last</token>
<token number="3" sentence="0" t_id="4">week</token>
<token number="4" sentence="1" t_id="6">March 1</token>
<token number="5" sentence="7" t_id="5">Monday</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="9" type="DATE" value="2008-03-01"><token_anchor t_id="6"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="10" type="DATE" value="2008-W08"><token_anchor t_id="3"/><token_anchor t_id="4"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="11" type="DATE" value="2008-03-03"><token_anchor t_id="5"/></TIMEX3>
</Markables></Document>"#;
        let d = read_cat_for_test(cat);
        assert_eq!(d.text, "Sales fell last week");
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(2008, 3, 1));
        assert_eq!(d.timexes.len(), 1);
        assert_eq!(&d.text[d.timexes[0].start..d.timexes[0].end], "last week");
        assert_eq!(d.timexes[0].value, "2008-W08");
        assert!(is_cat(cat) && !is_cat(DOC));
    }

    #[test]
    fn a_creation_time_value_that_is_not_iso_is_read_from_its_words() {
        let cat = |value: &str, words: &str| {
            format!(
                r#"<Document doc_id="2">
<token number="0" sentence="0" t_id="1">Sales</token>
<token number="1" sentence="0" t_id="2">fell</token>
{words}
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="9" type="DATE" value="{value}"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
</Markables></Document>"#
            )
        };
        let words = r#"<token number="2" sentence="1" t_id="3">February</token>
<token number="3" sentence="1" t_id="4">03</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2009</token>"#;
        // "03-02-2009" is March 2 or 3 February: the words say which.
        let d = read_cat_for_test(&cat("03-02-2009", words));
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(2009, 2, 3));
        assert_eq!(d.text, "Sales fell");
        // An ISO value wins over the words; no date in either leaves the DCT unknown.
        let d = read_cat_for_test(&cat("2009-02-04", words));
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(2009, 2, 4));
        let none = words.replace("February", "Sales").replace("2009", "cars");
        assert_eq!(read_cat_for_test(&cat("03-02-2009", &none)).dct, None);
    }

    fn read_cat_for_test(source: &str) -> TmlDoc {
        parse_cat(Path::new("x.xml"), source).unwrap()
    }

    #[test]
    fn reads_text_dct_and_offsets() {
        let d = parse_tml(Path::new("x.tml"), DOC).unwrap();
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(d.text, "\nIt fell & rose yesterday, for two weeks.\n");
        assert_eq!(d.timexes.len(), 2);
        assert_eq!(&d.text[d.timexes[0].start..d.timexes[0].end], "yesterday");
        assert_eq!(d.timexes[1].kind, "DURATION");
        assert_eq!(d.timexes[1].value, "P2W");
    }

    #[test]
    fn tags_documents_with_rule_names() {
        let d = parse_tml(Path::new("x.tml"), DOC).unwrap();
        let tagged = tag_document_with_rules(&d);
        let plain = tag_document(&d);
        assert_eq!(tagged.len(), plain.len());
        assert!(tagged.iter().zip(&plain).all(|((a, _), b)| a == b));
        let (y, rule) = &tagged[0];
        assert_eq!(
            (y.value.as_str(), rule.as_str()),
            ("1998-01-07", "dct.yesterday")
        );
    }

    fn span(s: usize, e: usize, k: &str, v: &str) -> TimexSpan {
        TimexSpan {
            start: s,
            end: e,
            kind: k.into(),
            value: v.into(),
        }
    }

    #[test]
    fn strict_relaxed_and_values() {
        let gold = vec![span(0, 10, "DATE", "A"), span(20, 30, "DURATION", "P1D")];
        let sys = vec![
            span(0, 10, "DATE", "A"),
            span(22, 25, "DATE", "P1D"),
            span(40, 45, "DATE", "B"),
        ];
        let c = score_document(&gold, &sys);
        assert_eq!(
            (c.strict, c.relaxed, c.type_match, c.value_match),
            (1, 2, 1, 2)
        );
        let s = scores(&c);
        assert!((s.strict_precision - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.relaxed_recall - 1.0).abs() < 1e-9);
        assert!((s.type_accuracy - 0.5).abs() < 1e-9);
        assert!((s.value_f1 - s.relaxed_f1).abs() < 1e-9);
    }

    #[test]
    fn one_to_one_alignment() {
        let gold = vec![span(0, 20, "DATE", "A")];
        let sys = vec![span(0, 5, "DATE", "A"), span(6, 20, "DATE", "A")];
        let c = score_document(&gold, &sys);
        assert_eq!(c.relaxed, 1);
        assert_eq!(c.predicted, 2);
    }

    #[test]
    fn scores_tbaq_when_present() {
        let Some(dir) = crate::dataset("tempeval3/TBAQ-cleaned/AQUAINT") else {
            return;
        };
        let (c, errors) = evaluate_dir(&dir);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(c.documents, 73);
        assert!(c.gold > 500, "gold timexes: {}", c.gold);
        let s = scores(&c);
        assert!(s.relaxed_f1 > 0.5 && s.relaxed_f1 <= 1.0, "{s:?}");
        assert!(s.value_accuracy > 0.5, "{s:?}");
    }
}
