//! ROUGE-1.5.5 in Rust: ROUGE-N, ROUGE-L and ROUGE-SU as the original Perl script computes
//! them with `-n 4 -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a` (plus `-2 4 -u` for SU4).
//!
//! What is reproduced, detail by detail (see `ROUGE-1.5.5.pl`):
//! * input read as SPL (one unit per line, empty lines skipped), lower-cased (ASCII);
//! * `-l N`: the first N white-space tokens of the lower-cased lines are kept (Perl
//!   `split(/\s+/)` counting, a leading empty field included), before punctuation removal;
//! * tokenisation: `-` becomes ` - `, every byte other than `[A-Za-z0-9-]` a space, and only
//!   tokens starting with `[a-z0-9$]` count (so `-` tokens are dropped);
//! * `-m`: tokens longer than 3 bytes are looked up in the WordNet 2.0 exception lists (loaded
//!   noun, verb, adj, adv, the last list winning, as ROUGE's `WordNet-2.0.exc.db`), else
//!   stemmed by ROUGE's own Perl Porter stemmer (with its 2004 step-4 change), ported below;
//! * `-f A`: hits and counts are summed over the models of an evaluation (no jackknifing:
//!   ROUGE-1.5.5 removed it), per-evaluation R/P/F rounded to 5 decimals (`%7.5f`), F from
//!   the rounded R and P with `alpha = 0.5`;
//! * ROUGE-L: union LCS per model unit with unigram clipping, the same DP tie-breaking;
//! * ROUGE-SU4: skip-bigrams up to distance 4 plus unigrams, the last token's unigram left
//!   out as the script does;
//! * `-t 0` averaging over evaluations, and `-r 1000` bootstrap: the mean of 1000 resamples,
//!   resample `i` drawn with Perl's `srand(i)` / `int(rand(n))` (Perl's internal drand48,
//!   reproduced bit for bit). The plain mean of per-evaluation scores is reported as well.
//!
//! Files and naming for whole runs ([`evaluate_dirs`]): peers are `<cluster>.<system>`, models
//! follow the DUC naming `<CLUSTER>.M.<len>.<task>.<assessor>[.html]`; clusters match
//! case-insensitively, a peer cluster also matching a model cluster plus one letter
//! (`d30003t` ↔ `D30003`).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Serialize;

/// Options of a ROUGE run.
#[derive(Debug, Clone)]
pub struct RougeOptions {
    /// `-l`: keep the first N words of peers and models (0: no limit).
    pub max_words: usize,
    /// `-p`: weight of recall in F (0.5 = F1).
    pub alpha: f64,
    /// `-m`: stem with the WordNet exceptions and Porter.
    pub stem: bool,
    /// `-n`: largest n-gram order.
    pub max_n: usize,
    /// `-2`: skip distance of ROUGE-SU.
    pub skip: usize,
    /// `-r`: bootstrap resamples (0: none; the resampled mean then equals the plain mean).
    pub resamples: usize,
}

impl Default for RougeOptions {
    fn default() -> Self {
        RougeOptions {
            max_words: 100,
            alpha: 0.5,
            stem: true,
            max_n: 4,
            skip: 4,
            resamples: 1000,
        }
    }
}

/// Recall, precision and F of one score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Recall.
    pub recall: f64,
    /// Precision.
    pub precision: f64,
    /// F-measure with the run's alpha.
    pub f: f64,
}

/// Scores of one peer in one evaluation (against all its models).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EvalScores {
    /// ROUGE-1 … ROUGE-max_n.
    pub rouge_n: Vec<Prf>,
    /// ROUGE-L.
    pub rouge_l: Prf,
    /// ROUGE-SU<skip>.
    pub rouge_su: Prf,
}

/// A summary prepared for scoring: its units (lines) as processed tokens.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    units: Vec<Vec<String>>,
}

impl Prepared {
    /// All tokens in order.
    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        self.units.iter().flatten().map(String::as_str)
    }

    /// Number of tokens that count.
    pub fn len(&self) -> usize {
        self.units.iter().map(Vec::len).sum()
    }

    /// Whether no token counts.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Perl's `\s` on byte strings.
fn is_perl_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Perl `split(/\s+/, s)`: a leading empty field when `s` starts with white space, trailing
/// empty fields removed.
fn perl_split(s: &str) -> Vec<&str> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if is_perl_space(bytes[i]) {
            let mut j = i;
            while j < bytes.len() && is_perl_space(bytes[j]) {
                j += 1;
            }
            out.push(&s[start..i]);
            start = j;
            i = j;
        } else {
            i += 1;
        }
    }
    out.push(&s[start..]);
    while out.last().is_some_and(|f| f.is_empty()) {
        out.pop();
    }
    out
}

/// The SPL units of a text, lower-cased and cut to `max_words` words as `readText_LCS` does.
pub fn units(text: &str, max_words: usize) -> Vec<String> {
    let lines: Vec<String> = text
        .split('\n')
        .filter(|l| !l.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if max_words == 0 {
        return lines;
    }
    let mut out = Vec::new();
    let mut len = 0;
    for s in lines {
        let fields = perl_split(&s);
        if len + fields.len() < max_words {
            len += fields.len();
            out.push(s);
        } else {
            let k = max_words - len;
            out.push(fields[..k.min(fields.len())].join(" "));
            break;
        }
    }
    out
}

/// ROUGE's token filter on one unit: punctuation to spaces, tokens starting `[a-z0-9$]`.
fn unit_tokens(unit: &str, stem: bool) -> Vec<String> {
    let mut norm = String::with_capacity(unit.len() + 8);
    for &b in unit.as_bytes() {
        if b == b'-' {
            norm.push_str(" - ");
        } else if b.is_ascii_alphanumeric() {
            norm.push(b as char);
        } else {
            norm.push(' ');
        }
    }
    norm.split_ascii_whitespace()
        .filter(|t| t.as_bytes()[0].is_ascii_lowercase() || t.as_bytes()[0].is_ascii_digit())
        .map(|t| {
            if stem && t.len() > 3 {
                morph_stem(t)
            } else {
                t.to_string()
            }
        })
        .collect()
}

/// Prepares a summary text (SPL: one unit per line) for scoring.
pub fn prepare(text: &str, options: &RougeOptions) -> Prepared {
    Prepared {
        units: units(text, options.max_words)
            .iter()
            .map(|u| unit_tokens(u, options.stem))
            .collect(),
    }
}

fn exceptions() -> &'static HashMap<&'static str, &'static str> {
    static DB: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = HashMap::new();
        for list in [
            include_str!("../data/wordnet-2.0-exc/noun.exc"),
            include_str!("../data/wordnet-2.0-exc/verb.exc"),
            include_str!("../data/wordnet-2.0-exc/adj.exc"),
            include_str!("../data/wordnet-2.0-exc/adv.exc"),
        ] {
            for line in list.lines() {
                let fields = perl_split(line);
                if let (Some(k), Some(v)) = (fields.first(), fields.get(1)) {
                    db.insert(*k, *v);
                }
            }
        }
        db
    })
}

/// ROUGE's `MorphStem`: the WordNet exception for a lower-case token, else Porter.
pub fn morph_stem(token: &str) -> String {
    let lower = token.to_ascii_lowercase();
    if let Some(e) = exceptions().get(lower.as_str()) {
        return (*e).to_string();
    }
    porter(&lower)
}

struct PorterRes {
    mgr0: regex::Regex,
    meq1: regex::Regex,
    mgr1: regex::Regex,
    v: regex::Regex,
    cvc: regex::Regex,
}

fn porter_res() -> &'static PorterRes {
    static RES: OnceLock<PorterRes> = OnceLock::new();
    RES.get_or_init(|| {
        let c = "[^aeiou]";
        let v = "[aeiouy]";
        let cc = format!("{c}[^aeiouy]*");
        let vv = format!("{v}[aeiou]*");
        let re = |s: String| regex::Regex::new(&s).expect("static Porter pattern");
        PorterRes {
            mgr0: re(format!("^({cc})?{vv}{cc}")),
            meq1: re(format!("^({cc})?{vv}{cc}({vv})?$")),
            mgr1: re(format!("^({cc})?{vv}{cc}{vv}{cc}")),
            v: re(format!("^({cc})?{v}")),
            cvc: re(format!("^{cc}{v}[^aeiouwxy]$")),
        }
    })
}

/// The longest suffix of `w` among `list` (what a `(a|b|…)$` Perl match finds first).
fn longest_suffix<'a>(w: &str, list: &[(&'a str, &'a str)]) -> Option<(&'a str, &'a str)> {
    list.iter()
        .filter(|(s, _)| w.ends_with(s))
        .max_by_key(|(s, _)| s.len())
        .copied()
}

const STEP2: &[(&str, &str)] = &[
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
];

const STEP3: &[(&str, &str)] = &[
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];

const STEP4: &[(&str, &str)] = &[
    ("al", ""),
    ("ance", ""),
    ("ence", ""),
    ("er", ""),
    ("ic", ""),
    ("able", ""),
    ("ible", ""),
    ("ant", ""),
    ("ement", ""),
    ("ou", ""),
    ("ism", ""),
    ("ate", ""),
    ("iti", ""),
    ("ous", ""),
    ("ive", ""),
    ("ize", ""),
];

/// ROUGE-1.5.5's Porter stemmer (`sub stem`), for ASCII lower-case words.
pub fn porter(word: &str) -> String {
    if word.len() < 3 || !word.is_ascii() {
        return word.to_string();
    }
    let re = porter_res();
    let first_y = word.starts_with('y');
    let mut w = if first_y {
        format!("Y{}", &word[1..])
    } else {
        word.to_string()
    };
    // Step 1a
    if w.ends_with("sses") || w.ends_with("ies") {
        w.truncate(w.len() - 2);
    } else if w.len() >= 2 && w.ends_with('s') && w.as_bytes()[w.len() - 2] != b's' {
        w.truncate(w.len() - 1);
    }
    // Step 1b
    if w.ends_with("eed") {
        if re.mgr0.is_match(&w[..w.len() - 3]) {
            w.truncate(w.len() - 1);
        }
    } else if w.ends_with("ed") || w.ends_with("ing") {
        let cut = if w.ends_with("ed") { 2 } else { 3 };
        let stem = &w[..w.len() - cut];
        if re.v.is_match(stem) {
            w = stem.to_string();
            let b = w.as_bytes();
            let n = b.len();
            if w.ends_with("at") || w.ends_with("bl") || w.ends_with("iz") {
                w.push('e');
            } else if n >= 2 && b[n - 1] == b[n - 2] && !b"aeiouylsz".contains(&b[n - 1]) {
                w.truncate(n - 1);
            } else if re.cvc.is_match(&w) {
                w.push('e');
            }
        }
    }
    // Step 1c
    if w.ends_with('y') {
        let stem = &w[..w.len() - 1];
        if re.v.is_match(stem) {
            w = format!("{stem}i");
        }
    }
    // Step 2
    if let Some((suf, rep)) = longest_suffix(&w, STEP2) {
        let stem = &w[..w.len() - suf.len()];
        if re.mgr0.is_match(stem) {
            w = format!("{stem}{rep}");
        }
    }
    // Step 3
    if let Some((suf, rep)) = longest_suffix(&w, STEP3) {
        let stem = &w[..w.len() - suf.len()];
        if re.mgr0.is_match(stem) {
            w = format!("{stem}{rep}");
        }
    }
    // Step 4 (with ROUGE's 2004 change: -ement does not also try -ment / -ent first)
    if let Some((suf, _)) = longest_suffix(&w, STEP4) {
        let stem = &w[..w.len() - suf.len()];
        if re.mgr1.is_match(stem) {
            w = stem.to_string();
        }
    }
    if w.ends_with("ment") {
        let stem = &w[..w.len() - 4];
        if re.mgr1.is_match(stem) {
            w = stem.to_string();
        }
    }
    // `-ent`, else `(s|t)ion` (dropping `ion`): both cut three letters.
    if w.ends_with("ent") || w.ends_with("sion") || w.ends_with("tion") {
        let stem = &w[..w.len() - 3];
        if re.mgr1.is_match(stem) {
            w = stem.to_string();
        }
    }
    // Step 5
    if w.ends_with('e') {
        let stem = &w[..w.len() - 1];
        if re.mgr1.is_match(stem) || (re.meq1.is_match(stem) && !re.cvc.is_match(stem)) {
            w = stem.to_string();
        }
    }
    if w.ends_with("ll") && re.mgr1.is_match(&w) {
        w.truncate(w.len() - 1);
    }
    if first_y {
        w.replace_range(0..1, "y");
    }
    w
}

type Counts<'a> = HashMap<Vec<&'a str>, u32>;

fn ngrams<'a>(tokens: &[&'a str], n: usize) -> (Counts<'a>, u32) {
    let mut g = HashMap::new();
    let mut count = 0;
    if tokens.len() >= n {
        for w in tokens.windows(n) {
            *g.entry(w.to_vec()).or_insert(0) += 1;
            count += 1;
        }
    }
    (g, count)
}

fn skip_bigrams<'a>(tokens: &[&'a str], skip: usize) -> (Counts<'a>, u32) {
    let mut g = HashMap::new();
    let mut count = 0;
    // ROUGE loops `for($i=0;$i<$#m_tokens;$i++)`: the last token adds no unigram.
    for i in 0..tokens.len().saturating_sub(1) {
        *g.entry(vec![tokens[i]]).or_insert(0) += 1;
        count += 1;
        for j in i + 1..tokens.len().min(i + skip + 2) {
            *g.entry(vec![tokens[i], tokens[j]]).or_insert(0) += 1;
            count += 1;
        }
    }
    (g, count)
}

fn clipped_hits(model: &Counts<'_>, peer: &Counts<'_>) -> u32 {
    model
        .iter()
        .map(|(k, &m)| peer.get(k).map_or(0, |&p| p.min(m)))
        .sum()
}

/// Rounds like Perl `sprintf("%7.5f")`.
fn r5(x: f64) -> f64 {
    format!("{x:.5}").parse().unwrap_or(x)
}

fn prf(hits: u32, model_count: u32, peer_count: u32, alpha: f64) -> Prf {
    let recall = if model_count > 0 {
        r5(hits as f64 / model_count as f64)
    } else {
        0.0
    };
    let precision = if peer_count > 0 {
        r5(hits as f64 / peer_count as f64)
    } else {
        0.0
    };
    let denom = (1.0 - alpha) * precision + alpha * recall;
    let f = if denom > 0.0 {
        r5(precision * recall / denom)
    } else {
        0.0
    };
    Prf {
        recall,
        precision,
        f,
    }
}

/// Marks the model positions of one LCS of `model` and `peer` (ROUGE's `lcs_inner`).
fn lcs_mark(model: &[String], peer: &[String], mask: &mut [bool]) {
    let (m, n) = (model.len(), peer.len());
    if m == 0 {
        return;
    }
    // 0 = none, 1 = diagonal, 2 = up, 3 = left
    let mut c = vec![0u32; (m + 1) * (n + 1)];
    let mut b = vec![0u8; (m + 1) * (n + 1)];
    let at = |i: usize, j: usize| i * (n + 1) + j;
    for i in 1..=m {
        for j in 1..=n {
            if model[i - 1] == peer[j - 1] {
                c[at(i, j)] = c[at(i - 1, j - 1)] + 1;
                b[at(i, j)] = 1;
            } else if c[at(i - 1, j)] >= c[at(i, j - 1)] {
                c[at(i, j)] = c[at(i - 1, j)];
                b[at(i, j)] = 2;
            } else {
                c[at(i, j)] = c[at(i, j - 1)];
                b[at(i, j)] = 3;
            }
        }
    }
    let (mut i, mut j) = (m, n);
    while i != 0 && j != 0 {
        match b[at(i, j)] {
            1 => {
                i -= 1;
                j -= 1;
                mask[i] = true;
            }
            2 => i -= 1,
            _ => j -= 1,
        }
    }
}

fn unigram_counts(p: &Prepared) -> HashMap<&str, u32> {
    let mut g = HashMap::new();
    for t in p.tokens() {
        *g.entry(t).or_insert(0) += 1;
    }
    g
}

/// Union-LCS hits of one model against the peer, with ROUGE's unigram clipping; returns
/// (hits, model length).
fn lcs_hits(model: &Prepared, peer: &Prepared) -> (u32, u32) {
    let mut model_1 = unigram_counts(model);
    let mut peer_1 = unigram_counts(peer);
    let mut hits = 0;
    let mut base = 0;
    for unit in &model.units {
        let mut mask = vec![false; unit.len()];
        base += unit.len() as u32;
        for p in &peer.units {
            lcs_mark(unit, p, &mut mask);
        }
        for (j, tok) in unit.iter().enumerate() {
            if !mask[j] {
                continue;
            }
            let t = tok.as_str();
            let (Some(mc), Some(pc)) = (model_1.get(t).copied(), peer_1.get(t).copied()) else {
                continue;
            };
            if mc > 0 && pc > 0 {
                hits += 1;
                model_1.insert(t, mc - 1);
                peer_1.insert(t, pc - 1);
            }
        }
    }
    (hits, base)
}

/// Scores one peer against the models of one evaluation (`-f A`).
pub fn score(peer: &Prepared, models: &[Prepared], options: &RougeOptions) -> EvalScores {
    let alpha = options.alpha;
    let peer_tokens: Vec<&str> = peer.tokens().collect();
    let model_tokens: Vec<Vec<&str>> = models.iter().map(|m| m.tokens().collect()).collect();
    let mut rouge_n = Vec::new();
    for n in 1..=options.max_n {
        let (pg, pc) = ngrams(&peer_tokens, n);
        let (mut hits, mut mc, mut pct) = (0, 0, 0);
        for mt in &model_tokens {
            let (mg, c) = ngrams(mt, n);
            hits += clipped_hits(&mg, &pg);
            mc += c;
            pct += pc;
        }
        rouge_n.push(prf(hits, mc, pct, alpha));
    }
    let (mut hits, mut mc, mut pct) = (0, 0, 0);
    for m in models {
        let (h, base) = lcs_hits(m, peer);
        hits += h;
        mc += base;
        pct += peer_tokens.len() as u32;
    }
    let rouge_l = prf(hits, mc, pct, alpha);
    let (pg, pc) = skip_bigrams(&peer_tokens, options.skip);
    let (mut hits, mut mc, mut pct) = (0, 0, 0);
    for mt in &model_tokens {
        let (mg, c) = skip_bigrams(mt, options.skip);
        hits += clipped_hits(&mg, &pg);
        mc += c;
        pct += pc;
    }
    let rouge_su = prf(hits, mc, pct, alpha);
    EvalScores {
        rouge_n,
        rouge_l,
        rouge_su,
    }
}

/// Perl's `drand48` (Perl ≥ 5.20 uses its own, platform-independent copy).
struct PerlRand(u64);

impl PerlRand {
    fn seeded(seed: u64) -> Self {
        PerlRand(((seed << 16) + 0x330e) & 0xffff_ffff_ffff)
    }
    fn next(&mut self) -> f64 {
        self.0 = (self.0.wrapping_mul(0x5_deec_e66d).wrapping_add(0xb)) & 0xffff_ffff_ffff;
        self.0 as f64 / (1u64 << 48) as f64
    }
}

/// Average of one score over evaluations: the plain mean, and ROUGE's reported figure (the
/// mean of the bootstrap resample means, with its 95% interval).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Averaged {
    /// Mean over evaluations of the per-evaluation (rounded) scores.
    pub mean: Prf,
    /// What ROUGE-1.5.5 prints as `Average_*`: the mean of the resample means.
    pub reported: Prf,
}

/// Averages per-evaluation scores as ROUGE `-t 0 -r R` does. `scores` are keyed by the
/// evaluation instance id (ROUGE sorts `"<eval>.<peer>"` as strings before resampling).
pub fn average(scores: &BTreeMap<String, Prf>, resamples: usize) -> Averaged {
    let vals: Vec<Prf> = scores.values().copied().collect();
    let n = vals.len();
    if n == 0 {
        return Averaged::default();
    }
    let mut sum = [0.0f64; 3];
    for v in &vals {
        sum[0] += v.recall;
        sum[1] += v.precision;
        sum[2] += v.f;
    }
    let mean = Prf {
        recall: r5(sum[0] / n as f64),
        precision: r5(sum[1] / n as f64),
        f: r5(sum[2] / n as f64),
    };
    if resamples == 0 {
        return Averaged {
            mean,
            reported: mean,
        };
    }
    let mut total = [0.0f64; 3];
    for seed in 0..resamples {
        let mut rng = PerlRand::seeded(seed as u64);
        let mut s = [0.0f64; 3];
        for _ in 0..n {
            let idx = ((n as f64) * rng.next()) as usize;
            let v = vals[idx.min(n - 1)];
            s[0] += v.recall;
            s[1] += v.precision;
            s[2] += v.f;
        }
        for k in 0..3 {
            total[k] += s[k] / n as f64;
        }
    }
    let reported = Prf {
        recall: r5(total[0] / resamples as f64),
        precision: r5(total[1] / resamples as f64),
        f: r5(total[2] / resamples as f64),
    };
    Averaged { mean, reported }
}

/// Averaged scores of one system.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SystemScores {
    /// Number of evaluations (clusters) scored.
    pub evaluations: usize,
    /// ROUGE-1 … ROUGE-max_n.
    pub rouge_n: Vec<Averaged>,
    /// ROUGE-L.
    pub rouge_l: Averaged,
    /// ROUGE-SU.
    pub rouge_su: Averaged,
}

impl SystemScores {
    /// Averages a system's per-evaluation scores, keyed by evaluation id.
    pub fn from_evals(
        peer_id: &str,
        evals: &BTreeMap<String, EvalScores>,
        options: &RougeOptions,
    ) -> Self {
        let pick = |f: &dyn Fn(&EvalScores) -> Prf| -> BTreeMap<String, Prf> {
            evals
                .iter()
                .map(|(id, s)| (format!("{id}.{peer_id}"), f(s)))
                .collect()
        };
        let rouge_n = (0..options.max_n)
            .map(|k| {
                average(
                    &pick(&|s| s.rouge_n.get(k).copied().unwrap_or_default()),
                    options.resamples,
                )
            })
            .collect();
        SystemScores {
            evaluations: evals.len(),
            rouge_n,
            rouge_l: average(&pick(&|s| s.rouge_l), options.resamples),
            rouge_su: average(&pick(&|s| s.rouge_su), options.resamples),
        }
    }

    /// The flat JSON report of the CLI: fractions, ROUGE's reported (resampled) averages, and
    /// the plain means under `*_mean`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        let mut put = |name: &str, a: &Averaged| {
            for (suffix, pick) in [
                ("recall", a.reported.recall),
                ("precision", a.reported.precision),
                ("f", a.reported.f),
            ] {
                m.insert(format!("{name}_{suffix}"), pick.into());
            }
            for (suffix, pick) in [("recall", a.mean.recall), ("f", a.mean.f)] {
                m.insert(format!("{name}_{suffix}_mean"), pick.into());
            }
        };
        for (k, a) in self.rouge_n.iter().enumerate() {
            put(&format!("rouge{}", k + 1), a);
        }
        put("rougeL", &self.rouge_l);
        put("rougesu4", &self.rouge_su);
        m.insert("clusters".into(), self.evaluations.into());
        serde_json::Value::Object(m)
    }
}

/// The cluster part of a DUC file name: everything before the first `.`, lower-cased.
pub fn cluster_of(name: &str) -> String {
    name.split('.').next().unwrap_or("").to_ascii_lowercase()
}

/// Whether a peer cluster id matches a model cluster id: equal, or one is the other plus
/// one trailing letter (`d30003t` ↔ `d30003`).
pub fn clusters_match(peer: &str, model: &str) -> bool {
    let (p, m) = (peer.to_ascii_lowercase(), model.to_ascii_lowercase());
    if p == m {
        return true;
    }
    let plus_letter = |long: &str, short: &str| {
        long.len() == short.len() + 1
            && long.starts_with(short)
            && long.as_bytes()[short.len()].is_ascii_alphabetic()
    };
    plus_letter(&p, &m) || plus_letter(&m, &p)
}

/// Whether a model file name is a multi-document abstract (`<C>.M.<len>.…`); `words`, when
/// non-zero, must equal `<len>`. Names without the DUC pattern are accepted.
pub fn is_multidoc_model(name: &str, words: usize) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    if parts.len() < 4 {
        return true;
    }
    if !parts[1].eq_ignore_ascii_case("m") {
        return false;
    }
    match parts[2].parse::<usize>() {
        Ok(len) => words == 0 || len == words,
        Err(_) => true,
    }
}

/// Errors of a ROUGE run on folders.
#[derive(Debug, thiserror::Error)]
pub enum RougeError {
    /// A folder or file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// Nothing to score.
    #[error("no peer file under {0} has a matching model")]
    NoPairs(PathBuf),
}

fn list_files(dir: &Path) -> Result<Vec<(String, PathBuf)>, RougeError> {
    let rd = std::fs::read_dir(dir).map_err(|e| RougeError::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    let mut out: Vec<(String, PathBuf)> = rd
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .filter_map(|e| Some((e.file_name().to_str()?.to_string(), e.path())))
        .collect();
    out.sort();
    Ok(out)
}

fn read_lossy(path: &Path) -> Result<String, RougeError> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| RougeError::Io {
            path: path.to_path_buf(),
            source: e,
        })
}

/// A whole run's scores: per system, averaged, and per evaluation.
#[derive(Debug, Clone, Default)]
pub struct RunScores {
    /// Averaged scores per system id.
    pub systems: BTreeMap<String, SystemScores>,
    /// Per-evaluation scores per system id, keyed by cluster.
    pub per_eval: BTreeMap<String, BTreeMap<String, EvalScores>>,
}

impl RunScores {
    /// Averages per-evaluation scores into per-system scores.
    pub fn from_per_eval(
        per_eval: BTreeMap<String, BTreeMap<String, EvalScores>>,
        options: &RougeOptions,
    ) -> Self {
        let systems = per_eval
            .iter()
            .map(|(sys, evals)| (sys.clone(), SystemScores::from_evals(sys, evals, options)))
            .collect();
        RunScores { systems, per_eval }
    }

    /// `{"systems": {"<system>": {"rouge1_recall": …}}}`.
    pub fn to_json(&self) -> serde_json::Value {
        let systems: serde_json::Map<String, serde_json::Value> = self
            .systems
            .iter()
            .map(|(k, v)| (k.clone(), v.to_json()))
            .collect();
        serde_json::json!({ "systems": systems })
    }
}

/// Scores every peer file `<cluster>.<system>` of `peers` against the models of its cluster
/// in `models`.
pub fn evaluate_dirs(
    peers: &Path,
    models: &Path,
    options: &RougeOptions,
) -> Result<RunScores, RougeError> {
    let model_files: Vec<(String, PathBuf)> = list_files(models)?
        .into_iter()
        .filter(|(n, _)| is_multidoc_model(n, options.max_words))
        .collect();
    let mut prepared_models: HashMap<String, Vec<Prepared>> = HashMap::new();
    let mut per_eval: BTreeMap<String, BTreeMap<String, EvalScores>> = BTreeMap::new();
    for (name, path) in list_files(peers)? {
        let Some((cluster, system)) = name.split_once('.') else {
            continue;
        };
        let cluster = cluster.to_ascii_lowercase();
        if !prepared_models.contains_key(&cluster) {
            let mut ms = Vec::new();
            for (mn, mp) in &model_files {
                if clusters_match(&cluster, &cluster_of(mn)) {
                    ms.push(prepare(&read_lossy(mp)?, options));
                }
            }
            prepared_models.insert(cluster.clone(), ms);
        }
        let ms = &prepared_models[&cluster];
        if ms.is_empty() {
            continue;
        }
        let peer = prepare(&read_lossy(&path)?, options);
        per_eval
            .entry(system.to_string())
            .or_default()
            .insert(cluster, score(&peer, ms, options));
    }
    if per_eval.is_empty() {
        return Err(RougeError::NoPairs(peers.to_path_buf()));
    }
    Ok(RunScores::from_per_eval(per_eval, options))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> RougeOptions {
        RougeOptions {
            resamples: 0,
            ..RougeOptions::default()
        }
    }

    #[test]
    fn perl_split_keeps_leading_empty_field() {
        assert_eq!(perl_split(" a  b "), vec!["", "a", "b"]);
        assert_eq!(perl_split("a b"), vec!["a", "b"]);
        assert!(perl_split("   ").is_empty());
    }

    #[test]
    fn porter_matches_rouge_perl_stemmer() {
        // Outputs of ROUGE-1.5.5.pl's `stem` (checked with the Perl script).
        for (w, s) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("agreed", "agre"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("generalization", "gener"),
            ("electrical", "electr"),
            ("adjustment", "adjust"),
            ("replacement", "replac"),
            ("adoption", "adopt"),
            ("controlling", "control"),
            ("yelling", "yell"),
            ("government", "govern"),
        ] {
            assert_eq!(porter(w), s, "{w}");
        }
    }

    #[test]
    fn wordnet_exceptions_come_first_in_load_order() {
        assert_eq!(morph_stem("better"), "well");
        assert_eq!(morph_stem("children"), "child");
        assert_eq!(morph_stem("went"), "go");
    }

    #[test]
    fn word_limit_cuts_inside_a_line() {
        let u = units("One two three.\nFour five six seven", 5);
        assert_eq!(
            u,
            vec!["one two three.".to_string(), "four five".to_string()]
        );
    }

    #[test]
    fn identical_summaries_score_one_and_disjoint_zero() {
        let o = opts();
        let a = prepare("The army took the city on Tuesday.\nRebels fled east.", &o);
        let s = score(&a, std::slice::from_ref(&a), &o);
        assert_eq!(s.rouge_n[0].recall, 1.0);
        assert_eq!(s.rouge_n[1].f, 1.0);
        assert_eq!(s.rouge_l.recall, 1.0);
        assert_eq!(s.rouge_su.recall, 1.0);
        let b = prepare("Completely unrelated words here.", &o);
        let s = score(&b, std::slice::from_ref(&a), &o);
        assert_eq!(s.rouge_n[0].recall, 0.0);
        assert_eq!(s.rouge_l.f, 0.0);
    }

    #[test]
    fn hand_computed_rouge_1_2_and_multi_model_sum() {
        let o = RougeOptions {
            stem: false,
            ..opts()
        };
        let peer = prepare("a b c d", &o);
        let m1 = prepare("a b x", &o);
        let m2 = prepare("c d y z", &o);
        let s = score(&peer, &[m1, m2], &o);
        // hits 2 + 2 over 3 + 4 model tokens; P: 4 over 4 + 4 peer tokens.
        assert_eq!(s.rouge_n[0].recall, r5(4.0 / 7.0));
        assert_eq!(s.rouge_n[0].precision, 0.5);
        // hits ab + cd = 2 over 2 + 3 model bigrams.
        assert_eq!(s.rouge_n[1].recall, 0.4);
    }

    #[test]
    fn perl_rand_reproduces_srand_0() {
        // perl -e 'srand(0); print rand(), " ", int(rand(30))' → 0.17082803610629 22
        let mut r = PerlRand::seeded(0);
        assert!((r.next() - 0.17082803610629).abs() < 1e-13);
        assert_eq!((30.0 * r.next()) as usize, 22);
    }

    #[test]
    fn cluster_matching_follows_duc_names() {
        assert!(clusters_match(
            "d30003t",
            &cluster_of("D30003.M.100.T.B.html")
        ));
        assert!(clusters_match("d30001", &cluster_of("d30001.m.100.t.a")));
        assert!(!clusters_match("d30003t", "d30005"));
        assert!(is_multidoc_model("D30003.M.100.T.B.html", 100));
        assert!(!is_multidoc_model(
            "D30003.P.10.T.B.APW19981017.0151.html",
            100
        ));
    }

    /// One assessor's abstract scored against the other assessors' on three DUC 2003 task 2
    /// clusters; expected values printed by `ROUGE-1.5.5.pl -n 4 -m -l 100 -p 0.5 -c 95
    /// -r 1000 -f A -t 0 -a -2 4 -u` on the same files (bench/summary/rouge_perl.py).
    #[test]
    fn matches_rouge_perl_on_duc_2003_assessor_abstracts() {
        let Some(data) = crate::dataset("duc2003") else {
            return;
        };
        let dir = data.join("detagged.duc2003.abstracts/models");
        let o = RougeOptions::default();
        let mut evals = BTreeMap::new();
        for c in ["30003", "30010", "31001"] {
            let prefix = format!("D{c}.M.100.T.");
            let mut files: Vec<(String, PathBuf)> = list_files(&dir)
                .expect("models readable")
                .into_iter()
                .filter(|(n, _)| n.starts_with(&prefix))
                .collect();
            files.sort();
            let read = |p: &Path| prepare(&read_lossy(p).expect("model readable"), &o);
            let peer = read(&files[0].1);
            let models: Vec<Prepared> = files[1..].iter().map(|(_, p)| read(p)).collect();
            evals.insert(format!("d{c}t"), score(&peer, &models, &o));
        }
        let s = SystemScores::from_evals("assessor", &evals, &o);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-5;
        let expect = [
            (s.rouge_n[0].reported, [0.43124, 0.41997, 0.42553]),
            (s.rouge_n[1].reported, [0.11088, 0.10794, 0.10939]),
            (s.rouge_n[3].reported, [0.01422, 0.01381, 0.01401]),
            (s.rouge_l.reported, [0.41001, 0.39930, 0.40458]),
            (s.rouge_su.reported, [0.16032, 0.15602, 0.15814]),
        ];
        for (got, [r, p, f]) in expect {
            assert!(
                close(got.recall, r) && close(got.precision, p) && close(got.f, f),
                "{got:?} vs {r} {p} {f}"
            );
        }
    }
}
