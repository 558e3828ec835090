//! `storyline ingest` end to end: the demo corpus into a fresh SQLite database, idempotence,
//! and a bad file that is reported without losing the good articles around it.

use std::path::PathBuf;

use assert_cmd::Command;

fn demo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/demo")
}

fn ingest(db: &str, paths: &[PathBuf]) -> (i32, String) {
    let out = Command::cargo_bin("storyline")
        .unwrap()
        .arg("ingest")
        .args(paths)
        .args(["--database", db])
        .env("CI", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn demo_corpus_is_stored_once_and_bad_lines_cost_only_themselves() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("s.db").display());
    let (code, err) = ingest(&db, &[demo()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("9 article(s) added, 0 already stored, 0 failed"),
        "{err}"
    );
    let mut store = storyline_store::open(&db).unwrap();
    let stored = store.articles().unwrap();
    assert_eq!(stored.len(), 9);
    assert!(stored.iter().any(|a| a.outlet == "Capital Daily"));
    drop(store);

    // The same files again: everything is already stored.
    let (code, err) = ingest(&db, &[demo()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("0 article(s) added, 9 already stored"),
        "{err}"
    );

    // A JSON Lines file with a broken line between two good ones.
    let bad = dir.path().join("mixed.jsonl");
    std::fs::write(
        &bad,
        concat!(
            "{\"id\":\"n1\",\"outlet\":\"Test Wire\",\"text\":\"The ferry resumed service on Monday.\"}\n",
            "{broken\n",
            "{\"id\":\"n2\",\"outlet\":\"Test Wire\",\"text\":\"The bridge reopened to traffic on Friday.\"}\n",
        ),
    )
    .unwrap();
    let (code, err) = ingest(&db, &[bad]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("mixed.jsonl:2"), "{err}");
    assert!(err.contains("2 article(s) added"), "{err}");
    let mut store = storyline_store::open(&db).unwrap();
    assert_eq!(store.count().unwrap(), 11);
}
