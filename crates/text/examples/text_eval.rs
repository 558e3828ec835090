//! Measurements for the text crate on real data (numbers quoted in docs/parts/text.md).
//!
//! * `text_eval sentences [--dump FILE]`: sentence-boundary precision/recall/F1 on the MEANTIME
//!   English corpus (`shared/data/meantime_en`, 120 Wikinews articles with gold sentence ids).
//!   Each article is rebuilt from its gold tokens (detokenised); headline and date line become
//!   their own paragraphs and the body is ONE paragraph with single spaces between sentences,
//!   so only the splitter's punctuation rules can find the boundaries. Compared with the
//!   UAX #29 sentence boundaries of `unicode-segmentation` (the crate's first version).
//!   `--dump` writes the rebuilt bodies as JSON lines for the Python peers
//!   (`crates/text/scripts/peer_sentences.py`).
//! * `text_eval speed`: throughput of CSV ingest, splitting, tokenizing and stemming on the
//!   Timeline17 articles (`shared/data/timeline17/articles/*.csv`), by CPU time of this thread
//!   (so other jobs on the machine do not count) and by wall time.
//!
//! * `text_eval datelines`: how many Timeline17 lines (one CoreNLP sentence each) and DUC 2006
//!   paragraphs open with a dateline or wire credit, and the most frequent heads cut, for
//!   checking by eye.
//!
//! Run: `cargo run --release -p storyline-text --example text_eval -- sentences`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use storyline_text::{Analyzer, split_sentences, tokenize, tokens};
use unicode_segmentation::UnicodeSegmentation;

fn data_root() -> PathBuf {
    if let Ok(d) = std::env::var("STORYLINE_DATA") {
        return PathBuf::from(d);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("sentences") => {
            let dump = args
                .iter()
                .position(|a| a == "--dump")
                .and_then(|i| args.get(i + 1));
            sentences(dump.map(Path::new));
        }
        Some("speed") => speed(),
        Some("lang") => lang(),
        Some("lines") => lines(),
        Some("boilerplate") => boilerplate(),
        Some("datelines") => datelines(),
        Some("show") => {
            for path in &args[1..] {
                show(Path::new(path));
            }
        }
        _ => eprintln!(
            "usage: text_eval sentences [--dump FILE] | speed | lang | lines | boilerplate | datelines | show FILE..."
        ),
    }
}

/// Prints what the text stage makes of a file: language, removed lines, sentences.
fn show(path: &Path) {
    let Ok(raw) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {}", path.display());
        return;
    };
    let text = storyline_text::remove_boilerplate(&raw);
    let lang = storyline_text::detect_language(&text);
    println!("== {} language={lang:?}", path.display());
    for line in raw.lines() {
        if !line.trim().is_empty() && !text.lines().any(|l| l == line) {
            println!("  removed: {line}");
        }
    }
    for (s, e, p) in storyline_text::split_sentences_in(&text, lang.as_deref().unwrap_or("en")) {
        println!("  [{p}] {}", &text[s..e]);
    }
}

// ---------------------------------------------------------------- MEANTIME sentences

#[path = "../tests/support/meantime.rs"]
mod meantime;
use meantime::{Score, body_boundaries, build_doc, read_cat};

fn sentences(dump: Option<&Path>) {
    let root = data_root().join("meantime_en/intra_cross-doc_annotation");
    let mut files: Vec<PathBuf> = walk(&root)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    if files.is_empty() {
        eprintln!("no MEANTIME files under {}", root.display());
        return;
    }
    let mut ours = Score::default();
    let mut uax = Score::default();
    let mut dump_out = String::new();
    let mut gold_sentences = 0;
    let mut errors: Vec<String> = Vec::new();
    for f in &files {
        let Ok(xml) = std::fs::read_to_string(f) else {
            continue;
        };
        let Some(doc) = build_doc(&read_cat(&xml)) else {
            continue;
        };
        gold_sentences += doc.body_sentences;
        let pred = body_boundaries(
            &doc,
            split_sentences(&doc.text)
                .into_iter()
                .map(|(s, e, _)| (s, e)),
        );
        ours.add(&doc.gold, &pred);
        for &b in pred.iter().filter(|b| !doc.gold.contains(b)) {
            errors.push(format!(
                "FP …{}|{}…",
                context_before(&doc.text, b),
                context_after(&doc.text, b)
            ));
        }
        for &b in doc.gold.iter().filter(|b| !pred.contains(b)) {
            errors.push(format!(
                "FN …{}|{}…",
                context_before(&doc.text, b),
                context_after(&doc.text, b)
            ));
        }
        let body = &doc.text[doc.body_start..];
        let uax_spans = body.split_sentence_bound_indices().filter_map(|(o, s)| {
            let t = s.trim_end();
            (!t.trim().is_empty()).then_some((doc.body_start + o, doc.body_start + o + t.len()))
        });
        uax.add(&doc.gold, &body_boundaries(&doc, uax_spans));
        if dump.is_some() {
            let gold_rel: Vec<String> = doc
                .gold
                .iter()
                .map(|g| (g - doc.body_start).to_string())
                .collect();
            dump_out.push_str(&format!(
                "{{\"body\": {}, \"gold\": [{}]}}\n",
                json_string(body),
                gold_rel.join(", ")
            ));
        }
    }
    println!(
        "MEANTIME en: {} articles, {} body sentences, {} gold internal boundaries",
        ours.docs,
        gold_sentences,
        ours.tp + ours.fn_
    );
    println!("| splitter | precision | recall | F1 | docs all right | FP | FN |");
    println!("|---|---|---|---|---|---|---|");
    println!("{}", ours.line("storyline-text"));
    println!("{}", uax.line("unicode-segmentation (UAX #29)"));
    if std::env::var("SHOW_ERRORS").is_ok() {
        for e in &errors {
            println!("{e}");
        }
    }
    if let Some(path) = dump {
        if let Err(e) = std::fs::write(path, dump_out) {
            eprintln!("cannot write {}: {e}", path.display());
        } else {
            eprintln!("wrote {}", path.display());
        }
    }
}

fn context_before(text: &str, b: usize) -> &str {
    let mut s = b.saturating_sub(40);
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    &text[s..b]
}

fn context_after(text: &str, b: usize) -> &str {
    let mut e = (b + 40).min(text.len());
    while !text.is_char_boundary(e) {
        e += 1;
    }
    &text[b..e]
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

// ---------------------------------------------------------------- line breaks

/// Paragraphs of the `<TEXT>` of a DUC SGML document, line breaks kept.
fn duc_paragraphs(sgml: &str) -> Vec<String> {
    let Some(start) = sgml.find("<TEXT>") else {
        return Vec::new();
    };
    let end = sgml[start..]
        .find("</TEXT>")
        .map_or(sgml.len(), |e| start + e);
    let body = &sgml[start + 6..end];
    let paras: Vec<String> = if body.contains("<P>") {
        body.split("<P>").map(|p| p.replace("</P>", "")).collect()
    } else {
        body.split("\n\n").map(str::to_string).collect()
    };
    paras
        .into_iter()
        .map(|p| {
            p.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .filter(|p| !p.is_empty())
        .collect()
}

fn normalized_sentences(text: &str) -> Vec<String> {
    split_sentences(text)
        .into_iter()
        .map(|(s, e, _)| text[s..e].split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// Line-break handling on real layouts:
/// * DUC 2003/2006 newswire, wrapped mid-sentence at ~70 columns: sentences of the wrapped
///   text must equal those of the same text with line breaks replaced by spaces;
/// * Timeline17, one CoreNLP sentence per line: how many line ends we keep as boundaries, and
///   how many extra boundaries we add inside lines.
fn lines() {
    let root = data_root();
    let mut files = walk(&root.join("duc2003/docs.without.headlines"));
    files.extend(walk(&root.join("duc2006/duc2006_docs")));
    files.sort();
    let (mut docs, mut same_docs, mut sents, mut same_sents) = (0usize, 0usize, 0usize, 0usize);
    for f in &files {
        let Ok(sgml) = std::fs::read_to_string(f) else {
            continue;
        };
        let paras = duc_paragraphs(&sgml);
        if paras.is_empty() {
            continue;
        }
        let wrapped = paras.join("\n\n");
        let flat = paras
            .iter()
            .map(|p| p.replace('\n', " "))
            .collect::<Vec<_>>()
            .join("\n\n");
        let a = normalized_sentences(&wrapped);
        let b = normalized_sentences(&flat);
        docs += 1;
        same_docs += usize::from(a == b);
        sents += b.len();
        same_sents += b.iter().filter(|s| a.contains(s)).count();
    }
    if docs > 0 {
        println!(
            "DUC 2003+2006 wrapped vs unwrapped: {same_docs}/{docs} documents identical, {same_sents}/{sents} sentences ({:.4})",
            same_sents as f64 / sents.max(1) as f64
        );
    }
    let t17 = walk(&root.join("timeline17/articles"));
    let raw: Vec<Vec<u8>> = t17
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .filter_map(|p| std::fs::read(p).ok())
        .collect();
    let (mut line_ends, mut kept, mut inside) = (0usize, 0usize, 0usize);
    for text in ingest(&raw) {
        let mut ends: Vec<usize> = split_sentences(&text).iter().map(|&(_, e, _)| e).collect();
        // The article's last sentence end is no boundary.
        ends.pop();
        // Internal line ends (before a non-blank next line), at the trimmed end of the line.
        let mut pos = 0;
        let mut line_end_set = Vec::new();
        for line in text.split_inclusive('\n') {
            let t = line.trim_end();
            if !t.trim().is_empty() {
                line_end_set.push(pos + t.len());
            }
            pos += line.len();
        }
        line_end_set.pop();
        if std::env::var("SHOW_ERRORS").is_ok() {
            for &e in line_end_set
                .iter()
                .filter(|e| ends.binary_search(e).is_err())
                .take(2)
            {
                println!(
                    "MISSED …{}|{}…",
                    context_before(&text, e),
                    context_after(&text, e).replace('\n', "⏎")
                );
            }
            for &e in ends
                .iter()
                .filter(|e| line_end_set.binary_search(e).is_err())
                .take(2)
            {
                println!(
                    "EXTRA …{}|{}…",
                    context_before(&text, e),
                    context_after(&text, e).replace('\n', "⏎")
                );
            }
        }
        line_ends += line_end_set.len();
        kept += line_end_set
            .iter()
            .filter(|e| ends.binary_search(e).is_ok())
            .count();
        inside += ends
            .iter()
            .filter(|e| line_end_set.binary_search(e).is_err())
            .count();
    }
    if line_ends > 0 {
        println!(
            "Timeline17 one sentence per line: {kept}/{line_ends} line ends kept as boundaries ({:.4}); {inside} extra boundaries inside lines",
            kept as f64 / line_ends as f64
        );
    }
}

// ---------------------------------------------------------------- boilerplate

/// Lines that `remove_boilerplate` drops from real articles (CL-TLS raw Global Voices and
/// news pages, DUC newswire paragraphs), for inspection: counts and every distinct line.
fn datelines() {
    let root = data_root();
    let mut raw = Vec::new();
    for topic in ["egypt", "finan", "h1n1", "haiti"] {
        if let Ok(b) = std::fs::read(root.join(format!("timeline17/articles/{topic}.csv"))) {
            raw.push(b);
        }
    }
    let mut sets: Vec<(&str, Vec<String>)> = vec![(
        "Timeline17 lines",
        ingest(&raw)
            .iter()
            .flat_map(|t| t.lines().map(str::to_string).collect::<Vec<_>>())
            .filter(|l| !l.trim().is_empty())
            .collect(),
    )];
    let mut duc = walk(&root.join("duc2006/duc2006_docs"));
    duc.sort();
    let paras: Vec<String> = duc
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .flat_map(|sgml| duc_paragraphs(&sgml))
        .collect();
    sets.push(("DUC 2006 paragraphs", paras));
    for (name, lines) in sets {
        let mut heads: std::collections::BTreeMap<String, usize> = Default::default();
        let mut cut = 0;
        for l in &lines {
            let n = storyline_text::dateline_len(l);
            if n > 0 {
                cut += 1;
                *heads.entry(l[..n].trim().to_string()).or_default() += 1;
            }
        }
        println!(
            "{name}: {} of {} cut, {} distinct heads",
            cut,
            lines.len(),
            heads.len()
        );
        let mut top: Vec<(String, usize)> = heads.into_iter().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let show: usize = std::env::var("SHOW")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(40);
        for (h, n) in top.iter().take(show) {
            println!("  {n:5}  {h}");
        }
    }
}

fn boilerplate() {
    let root = data_root();
    let mut files: Vec<PathBuf> = walk(&root.join("cl_tls_multilingual"))
        .into_iter()
        .filter(|p| {
            p.extension().is_some_and(|e| e == "txt")
                && !p.components().any(|c| c.as_os_str() == "reference")
        })
        .collect();
    files.sort();
    let mut texts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    let cl = texts.len();
    let mut duc = walk(&root.join("duc2006/duc2006_docs"));
    duc.sort();
    for f in duc {
        if let Ok(sgml) = std::fs::read_to_string(&f) {
            texts.push(duc_paragraphs(&sgml).join("\n\n"));
        }
    }
    let mut removed: std::collections::BTreeMap<String, usize> = Default::default();
    let (mut lines_in, mut lines_out, mut touched) = (0usize, 0usize, 0usize);
    for t in &texts {
        let out = storyline_text::remove_boilerplate(t);
        let a: Vec<&str> = t.lines().filter(|l| !l.trim().is_empty()).collect();
        let b = out.lines().filter(|l| !l.trim().is_empty()).count();
        lines_in += a.len();
        lines_out += b;
        if b < a.len() {
            touched += 1;
            // Multiset difference, in order.
            let mut kept = out.lines().filter(|l| !l.trim().is_empty()).peekable();
            for l in a {
                if kept.peek() == Some(&l) {
                    kept.next();
                } else {
                    *removed
                        .entry(l.trim().chars().take(100).collect())
                        .or_default() += 1;
                }
            }
        }
    }
    println!(
        "{} articles ({cl} CL-TLS, {} DUC 2006): {} of {lines_in} non-blank lines removed, from {touched} articles; {} distinct lines",
        texts.len(),
        texts.len() - cl,
        lines_in - lines_out,
        removed.len()
    );
    let mut by_count: Vec<(&String, &usize)> = removed.iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (line, n) in by_count {
        println!("{n:5}  {line}");
    }
}

// ---------------------------------------------------------------- language detection

/// A prefix of at most `max` bytes ending on a char boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut e = max.min(s.len());
    while !s.is_char_boundary(e) {
        e -= 1;
    }
    &s[..e]
}

/// Language-ID accuracy and coverage on real articles whose language is known: CL-TLS
/// (es, fr, it: folder name) and Timeline17 (en), on the whole text and on prefixes.
fn lang() {
    let root = data_root();
    let mut docs: Vec<(&'static str, String)> = Vec::new();
    for code in ["es", "fr", "it"] {
        let mut files: Vec<PathBuf> = walk(&root.join("cl_tls_multilingual").join(code))
            .into_iter()
            .filter(|p| {
                p.extension().is_some_and(|e| e == "txt")
                    && !p.components().any(|c| c.as_os_str() == "reference")
            })
            .collect();
        files.sort();
        for f in files {
            if let Ok(t) = std::fs::read_to_string(&f) {
                docs.push((code, t));
            }
        }
    }
    let t17 = walk(&root.join("timeline17/articles"));
    let raw: Vec<Vec<u8>> = t17
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .filter_map(|p| std::fs::read(p).ok())
        .collect();
    for t in ingest(&raw).into_iter().take(600) {
        docs.push(("en", t));
    }
    if docs.is_empty() {
        eprintln!("no CL-TLS / Timeline17 data under {}", root.display());
        return;
    }
    println!(
        "{} articles (CL-TLS es/fr/it, first 600 Timeline17 en)",
        docs.len()
    );
    println!("| text | answered | correct of answered | correct of all |");
    println!("|---|---|---|---|");
    for (name, max) in [
        ("whole article", usize::MAX),
        ("first 200 bytes", 200),
        ("first 60 bytes", 60),
    ] {
        let (mut answered, mut correct) = (0usize, 0usize);
        let mut by_lang: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
        for (code, text) in &docs {
            let e = by_lang.entry(code).or_default();
            e.0 += 1;
            if let Some(got) = storyline_text::detect_language(prefix(text, max)) {
                answered += 1;
                if got == *code {
                    correct += 1;
                    e.1 += 1;
                }
            }
        }
        let n = docs.len() as f64;
        // whatlang without our thresholds, for comparison.
        let (mut raw_answered, mut raw_correct) = (0usize, 0usize);
        for (code, text) in &docs {
            if let Some(info) = whatlang::detect(prefix(text, max)) {
                raw_answered += 1;
                if storyline_text::lang::iso639_1(info.lang()) == Some(*code) {
                    raw_correct += 1;
                }
            }
        }
        println!(
            "| {name}, raw whatlang | {:.3} | {:.3} | {:.3} |",
            raw_answered as f64 / n,
            raw_correct as f64 / raw_answered.max(1) as f64,
            raw_correct as f64 / n
        );
        println!(
            "| {name} | {:.3} | {:.3} | {:.3} |",
            answered as f64 / n,
            correct as f64 / answered.max(1) as f64,
            correct as f64 / n
        );
        let per: Vec<String> = by_lang
            .iter()
            .map(|(l, (t, c))| format!("{l} {c}/{t}"))
            .collect();
        eprintln!("  {name}: {}", per.join(", "));
    }
}

// ---------------------------------------------------------------- speed

/// CPU time of this thread in nanoseconds (`CLOCK_THREAD_CPUTIME_ID`).
fn cpu_ns() -> Option<u64> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64)
}

fn ingest(raw: &[Vec<u8>]) -> Vec<String> {
    let mut out = Vec::new();
    for bytes in raw {
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let col = reader
            .headers()
            .ok()
            .and_then(|h| h.iter().position(|c| c == "text"))
            .unwrap_or(1);
        for rec in reader.records().flatten() {
            if let Some(t) = rec.get(col) {
                out.push(t.to_string());
            }
        }
    }
    out
}

fn measure<T>(name: &str, bytes: usize, reps: usize, mut f: impl FnMut() -> T) {
    // Warm-up (fills the stem cache, as in a long-running pipeline).
    std::hint::black_box(f());
    let mut best_cpu = f64::INFINITY;
    let mut best_wall = f64::INFINITY;
    for _ in 0..reps {
        let c0 = cpu_ns();
        let w0 = Instant::now();
        std::hint::black_box(f());
        let wall = w0.elapsed().as_secs_f64();
        let cpu = match (c0, cpu_ns()) {
            (Some(a), Some(b)) => (b - a) as f64 / 1e9,
            _ => wall,
        };
        best_cpu = best_cpu.min(cpu);
        best_wall = best_wall.min(wall);
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "| {name} | {:.1} | {:.1} | {:.0} |",
        mb / best_cpu,
        mb / best_wall,
        best_cpu * 1e3
    );
}

fn speed() {
    let dir = data_root().join("timeline17/articles");
    let mut paths: Vec<PathBuf> = walk(&dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        eprintln!("no Timeline17 articles under {}", dir.display());
        return;
    }
    let raw: Vec<Vec<u8>> = paths.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    let texts = ingest(&raw);
    let bytes: usize = texts.iter().map(String::len).sum();
    let n_tokens: usize = texts.iter().map(|t| tokenize(t).len()).sum();
    println!(
        "Timeline17: {} articles, {:.2} MB of text, {} tokens; best of 5, one thread",
        texts.len(),
        bytes as f64 / 1e6,
        n_tokens
    );
    println!("| stage | MB/s (CPU time) | MB/s (wall) | CPU ms |");
    println!("|---|---|---|---|");
    let en = Analyzer::new("en");
    let reps = 5;
    measure("ingest (CSV parse)", bytes, reps, || ingest(&raw).len());
    measure("split sentences", bytes, reps, || {
        texts
            .iter()
            .map(|t| split_sentences(t).len())
            .sum::<usize>()
    });
    measure("tokenize (count)", bytes, reps, || {
        texts.iter().map(|t| tokens(t).count()).sum::<usize>()
    });
    measure("tokenize (Vec<Token>)", bytes, reps, || {
        texts.iter().map(|t| tokenize(t).len()).sum::<usize>()
    });
    let mut ids = Vec::new();
    measure("term_ids (tokenize+lower+stop+stem)", bytes, reps, || {
        let mut n = 0;
        for t in &texts {
            ids.clear();
            en.term_ids_into(t, &mut ids);
            n += ids.len();
        }
        n
    });
    measure("stems (Vec<String>)", bytes, reps, || {
        texts.iter().map(|t| en.stems(t).len()).sum::<usize>()
    });
    measure("ingest+split+tokenize+stem", bytes, reps, || {
        let texts = ingest(&raw);
        let mut n = 0;
        for t in &texts {
            for (s, e, _) in split_sentences(t) {
                en.for_each_term(&t[s..e], |term| n += term.id as usize & 1);
            }
        }
        n
    });
}
