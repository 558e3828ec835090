//! Times the summarizer on one story made of the first N articles under a folder (any format
//! the ingest stage reads, TREC SGML included), on one thread.
//!
//! `cargo run --release -p storyline-summary --example speed -- DIR [N] [REPEATS]`

use std::path::PathBuf;
use std::time::Instant;

use storyline_core::{Corpus, Story};
use storyline_summary::{SummaryOptions, summarize};
use storyline_syndication::SentenceSources;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: speed DIR [N] [REPEATS]");
        std::process::exit(2);
    };
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(500);
    let repeats: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let mut articles = Vec::new();
    storyline_ingest::read_paths(&[dir], &mut |a| {
        if articles.len() < n {
            articles.push(a)
        }
    });
    let t = Instant::now();
    let mut corpus = Corpus::default();
    for (i, mut a) in articles.into_iter().enumerate() {
        a.language = Some("en".into());
        let s = storyline_text::sentences(i, &a);
        corpus.articles.push(a);
        corpus.sentences.push(s);
    }
    let split = t.elapsed();
    let t = Instant::now();
    let sources = SentenceSources::build(&corpus);
    let sources_time = t.elapsed();
    let story = Story {
        id: 0,
        articles: (0..corpus.articles.len()).collect(),
        events: Vec::new(),
    };
    let options = SummaryOptions::default();
    let mut best = f64::MAX;
    let mut summary = Vec::new();
    for _ in 0..repeats.max(1) {
        let t = Instant::now();
        summary = summarize(&corpus, &story, &sources, &options);
        best = best.min(t.elapsed().as_secs_f64());
    }
    let sentences: usize = corpus.sentences.iter().map(Vec::len).sum();
    println!(
        "articles {} sentences {} | sentence split {:.3} s, sentence sources {:.3} s, summarize {:.3} s (best of {repeats}) | summary sentences {}",
        corpus.articles.len(),
        sentences,
        split.as_secs_f64(),
        sources_time.as_secs_f64(),
        best,
        summary.len()
    );
}
