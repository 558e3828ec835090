//! Story clustering on the real seed reports, and event grouping on hand-made sentences.

use std::path::Path;

use chrono::NaiveDate;
use storyline_core::{
    Article, Corpus, DateSource, Precision, Published, SentenceRef, Timex, TimexType,
};
use storyline_stories::{EventConfig, cluster, events};

fn corpus(articles: Vec<Article>) -> Corpus {
    storyline_text::corpus(articles)
}

#[test]
fn seeds_form_one_story() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !dir.is_dir() {
        eprintln!("skipping: seeds not found at {}", dir.display());
        return;
    }
    let mut articles = Vec::new();
    storyline_ingest::read_paths(&[dir], &mut |a| articles.push(a));
    assert_eq!(articles.len(), 5);
    let c = corpus(articles);
    let stories = cluster(&c, &[]);
    assert_eq!(stories.len(), 1, "{stories:?}");
    assert_eq!(stories[0].articles, vec![0, 1, 2, 3, 4]);
    assert!(!stories[0].events.is_empty());
}

#[test]
fn seeds_stay_apart_from_an_unrelated_story() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !dir.is_dir() {
        eprintln!("skipping: seeds not found at {}", dir.display());
        return;
    }
    let mut articles = Vec::new();
    storyline_ingest::read_paths(&[dir], &mut |a| articles.push(a));
    let n = articles.len();
    articles.push(Article::new(
        "apple",
        "Apple unveiled a new iPhone in Cupertino on Tuesday, with a faster chip, a better \
         camera and a longer battery life. Analysts expect strong demand for the phone, \
         which goes on sale next week at a price of 699 dollars.",
    ));
    let c = corpus(articles);
    let stories = cluster(&c, &[]);
    assert_eq!(stories.len(), 2, "{stories:?}");
    assert_eq!(stories[0].articles.len() + stories[1].articles.len(), n + 1);
    assert!(stories.iter().any(|s| s.articles == vec![n]));
}

fn timex(text: &str, start: usize, date: NaiveDate, precision: Precision) -> Timex {
    Timex {
        start,
        end: start + text.len(),
        text: text.to_string(),
        kind: TimexType::Date,
        value: date.to_string(),
        modifier: None,
        date: Some(date),
        precision: Some(precision),
        rule: "test".to_string(),
    }
}

#[test]
fn events_group_by_date_and_content_sorted_undated_last() {
    let d = |m, day| NaiveDate::from_ymd_opt(2016, m, day).expect("valid date");
    let mut a = Article::new(
        "a",
        "Government troops are in control of most of east Aleppo.\n\n\
         On Monday, rebels shelled the western districts of the city.\n\n\
         In July, the army encircled the rebel-held east of Aleppo.\n\n\
         Aid agencies warned of a humanitarian catastrophe.",
    );
    a.published = Some(Published {
        date: d(12, 7),
        source: DateSource::Metadata,
        confidence: 1.0,
    });
    let mut b = Article::new(
        "b",
        "Rebels shelled western districts of the city on Monday.\n\n\
         A football match was played on Monday in Madrid.",
    );
    b.published = a.published.clone();
    let mut c = corpus(vec![a, b]);
    // Fill timexes as the time stage would.
    for (art, sents) in c.articles.iter().zip(c.sentences.iter_mut()) {
        for s in sents.iter_mut() {
            let text = s.text(&art.text).to_string();
            for (word, date, p) in [
                ("Monday", d(12, 5), Precision::Day),
                ("July", d(7, 1), Precision::Month),
            ] {
                if let Some(off) = text.find(word) {
                    s.timexes.push(timex(word, s.start + off, date, p));
                }
            }
        }
    }
    let ev = events(&c, &[0, 1], &EventConfig::default());
    let dates: Vec<Option<NaiveDate>> = ev.iter().map(|e| e.date).collect();
    // July (month), December 5 (shelling; football apart), December 7 (lead), undated.
    assert_eq!(
        dates,
        vec![
            Some(d(7, 1)),
            Some(d(12, 5)),
            Some(d(12, 5)),
            Some(d(12, 7)),
            None
        ]
    );
    assert_eq!(ev[0].precision, Some(Precision::Month));
    let r = |article, sentence| SentenceRef { article, sentence };
    // Both reports of the shelling form one event; the football match is another.
    assert!(ev.iter().any(|e| e.sentences == vec![r(0, 1), r(1, 0)]));
    assert!(ev.iter().any(|e| e.sentences == vec![r(1, 1)]));
    // The present-tense lead sentence takes the publication date.
    assert_eq!(ev[3].sentences, vec![r(0, 0)]);
    assert_eq!(ev[4].sentences, vec![r(0, 3)]);
    // Without undated events the last one goes.
    let dated = events(
        &c,
        &[0, 1],
        &EventConfig {
            keep_undated: false,
            ..EventConfig::default()
        },
    );
    assert_eq!(dated.len(), 4);
}
