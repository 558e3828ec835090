//! One test suite for every store implementation. SQLite always runs; PostgreSQL runs when
//! `STORYLINE_TEST_POSTGRES` holds a URL to a scratch database (`.ci/run` starts one).

use chrono::NaiveDate;
use storyline_core::{Article, DateSource, Published};
use storyline_store::{Added, SearchQuery, Store};

fn article(
    id: &str,
    url: Option<&str>,
    outlet: &str,
    date: Option<(i32, u32, u32)>,
    text: &str,
) -> Article {
    let mut a = Article::new(id, text);
    a.url = url.map(str::to_string);
    a.outlet = outlet.to_string();
    a.title = Some(format!("Title of {id}"));
    a.published = date.map(|(y, m, d)| Published {
        date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        source: DateSource::Metadata,
        confidence: 1.0,
    });
    a.origin.path = format!("{id}.txt");
    a.origin.line = Some(3);
    a
}

fn conformance(store: &mut dyn Store) {
    let a = article(
        "a",
        Some("https://x.example/a"),
        "X News",
        Some((2016, 12, 6)),
        "Government troops retook the Shaar district of east Aleppo.",
    );
    let b = article(
        "b",
        None,
        "Y Post",
        Some((2016, 12, 7)),
        "The Security Council vote was blocked by Russia and China.",
    );
    assert_eq!(store.add_article(&a).unwrap(), Added::New("a".into()));
    assert_eq!(store.add_article(&b).unwrap(), Added::New("b".into()));
    // Idempotent by content (white space differences do not matter) and by URL.
    let mut same_text = b.clone();
    same_text.id = "b2".into();
    same_text.text = format!("  {}\n", b.text.replace(' ', "  "));
    assert_eq!(
        store.add_article(&same_text).unwrap(),
        Added::Duplicate("b".into())
    );
    let mut same_url = a.clone();
    same_url.id = "a2".into();
    same_url.text = "An updated version of the page.".into();
    assert_eq!(
        store.add_article(&same_url).unwrap(),
        Added::Duplicate("a".into())
    );
    // A taken id with new content gets a unique id.
    let c = article(
        "a",
        None,
        "Z Daily",
        None,
        "Completely different text about the tram line.",
    );
    match store.add_article(&c).unwrap() {
        Added::New(id) => assert!(id.starts_with("a~"), "{id}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(store.count().unwrap(), 3);
    // Round trip of every field.
    let all = store.articles().unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[0], a);
    assert_eq!(all[1], b);
    // Search with filters.
    let hits = store
        .search(&SearchQuery {
            text: "Shaar Aleppo".into(),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "a");
    assert!(hits[0].snippet.contains("Shaar"));
    let none = store
        .search(&SearchQuery {
            text: "Shaar".into(),
            outlet: Some("Y Post".into()),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert!(none.is_empty());
    let dated = store
        .search(&SearchQuery {
            text: "blocked".into(),
            from: NaiveDate::from_ymd_opt(2016, 12, 7),
            to: NaiveDate::from_ymd_opt(2016, 12, 7),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(dated.len(), 1);
    assert_eq!(dated[0].published, NaiveDate::from_ymd_opt(2016, 12, 7));
    // Query syntax in user input is not an error.
    assert!(
        store
            .search(&SearchQuery {
                text: "\"(AND OR* NEAR".into(),
                limit: 5,
                ..Default::default()
            })
            .is_ok()
    );
    // Derived views.
    assert_eq!(store.derived("briefing").unwrap(), None);
    store.put_derived("briefing", "{\"v\":1}").unwrap();
    store.put_derived("briefing", "{\"v\":2}").unwrap();
    assert_eq!(
        store.derived("briefing").unwrap().as_deref(),
        Some("{\"v\":2}")
    );
    store.clear_derived().unwrap();
    assert_eq!(store.derived("briefing").unwrap(), None);
    // A batch: checked against the store and against the articles before it in the batch.
    let d = article(
        "d",
        Some("https://x.example/d"),
        "X News",
        None,
        "Rescue teams reached the flooded villages below the dam.",
    );
    let mut d_again = d.clone();
    d_again.id = "d-copy".into();
    let mut b_again = b.clone();
    b_again.id = "b3".into();
    let mut e = d.clone();
    e.id = "e".into();
    e.url = None;
    e.text = "Engineers inspect the second dam on Tuesday.".into();
    assert_eq!(
        store
            .add_articles(&[d.clone(), d_again, b_again, e])
            .unwrap(),
        vec![
            Added::New("d".into()),
            Added::Duplicate("d".into()),
            Added::Duplicate("b".into()),
            Added::New("e".into()),
        ]
    );
    assert_eq!(store.add_articles(&[]).unwrap(), vec![]);
    assert_eq!(store.count().unwrap(), 5);
    let all = store.articles().unwrap();
    assert_eq!(all[3], d);
    assert_eq!(all[4].id, "e");
}

#[test]
fn sqlite_in_memory() {
    let mut s = storyline_store::open("sqlite::memory:").unwrap();
    conformance(s.as_mut());
}

#[test]
fn sqlite_file_survives_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("sub/dir/s.db").display());
    {
        let mut s = storyline_store::open(&url).unwrap();
        conformance(s.as_mut());
    }
    let mut s = storyline_store::open(&url).unwrap();
    assert_eq!(s.count().unwrap(), 5);
}

#[test]
fn bad_url_is_a_clear_error() {
    let err = storyline_store::open("mysql://x")
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("unsupported database URL"), "{err}");
}

#[cfg(feature = "postgres")]
#[test]
fn postgres() {
    let Ok(url) = std::env::var("STORYLINE_TEST_POSTGRES") else {
        eprintln!("skipping PostgreSQL conformance: STORYLINE_TEST_POSTGRES is not set");
        return;
    };
    let mut s = storyline_store::PostgresStore::connect(&url).unwrap();
    s.truncate().unwrap();
    conformance(&mut s);
    s.truncate().unwrap();
}
