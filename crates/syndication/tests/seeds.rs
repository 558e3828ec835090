//! The real Aleppo seed reports: 000 and 001 are the same AFP wire story and must form the
//! only group.

use std::path::PathBuf;

use chrono::NaiveDate;
use storyline_core::{Article, Corpus, DateSource, Published};

/// Reads `*.txt` seeds: plain text, an optional leading ` date YYYY-MM-DD ` header.
fn read_seeds() -> Option<Vec<(String, Article)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: seeds not found at {}", dir.display());
        return None;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let raw = std::fs::read_to_string(&f).ok()?;
        let name = f.file_stem()?.to_string_lossy().into_owned();
        let mut text = raw.as_str();
        let mut date = None;
        if let Some(rest) = raw.trim_start().strip_prefix("date ")
            && let Some(d) = rest
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        {
            date = Some(d);
            text = &rest[10..];
        }
        let mut a = Article::new(name.clone(), text.trim());
        a.published = date.map(|date| Published {
            date,
            source: DateSource::Header,
            confidence: 1.0,
        });
        out.push((name, a));
    }
    Some(out)
}

fn corpus(articles: Vec<Article>) -> Corpus {
    storyline_text::corpus(articles)
}

#[test]
fn only_the_afp_pair_is_grouped() {
    let Some(seeds) = read_seeds() else { return };
    assert_eq!(seeds.len(), 5);
    let names: Vec<String> = seeds.iter().map(|(n, _)| n.clone()).collect();
    let c = corpus(seeds.into_iter().map(|(_, a)| a).collect());
    for cfg in [
        storyline_syndication::Config::default(),
        storyline_syndication::Config::sketch(),
    ] {
        let groups = storyline_syndication::find_groups_with(&c, &cfg);
        assert_eq!(groups.len(), 1, "{groups:?}");
        let mut members: Vec<&str> = groups[0]
            .members
            .iter()
            .map(|&i| names[i].as_str())
            .collect();
        members.sort();
        assert!(
            members[0].starts_with("000_") && members[1].starts_with("001_"),
            "{members:?}"
        );
        assert_eq!(members.len(), 2);
        assert!(groups[0].similarity > 0.5 && groups[0].similarity <= 1.0);
    }
}

#[test]
fn the_afp_pair_shares_sentences_and_others_mostly_do_not() {
    let Some(seeds) = read_seeds() else { return };
    let c = corpus(seeds.into_iter().map(|(_, a)| a).collect());
    let s = storyline_syndication::SentenceSources::build(&c);
    // The two AFP copies share most of their sentences.
    let shared_01 = (0..c.sentences[0].len())
        .filter(|&i| {
            s.articles(storyline_core::SentenceRef {
                article: 0,
                sentence: i,
            })
            .contains(&1)
        })
        .count();
    assert!(
        shared_01 * 2 >= c.sentences[0].len(),
        "{shared_01} of {} sentences of 000 found in 001",
        c.sentences[0].len()
    );
    // Every equivalence is symmetric and crosses articles.
    for a in 0..c.articles.len() {
        for i in 0..c.sentences[a].len() {
            let r = storyline_core::SentenceRef {
                article: a,
                sentence: i,
            };
            for e in s.equivalents(r) {
                assert_ne!(e.article, a);
                assert!(s.equivalents(*e).contains(&r));
            }
        }
    }
}
