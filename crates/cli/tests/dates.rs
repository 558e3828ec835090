//! `storyline dates` end to end: the seeds' publication dates (given, inferred or unknown),
//! standard input with `--dct`, `--explain`, and bad arguments.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn storyline() -> Command {
    Command::cargo_bin("storyline").unwrap()
}

#[test]
fn seeds_dates_are_given_inferred_or_unknown() {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipping: ../shared/seeds not found");
        return;
    }
    let out = storyline()
        .args(["dates", "--format", "json"])
        .arg(&seeds)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    let by_prefix = |p: &str| {
        articles
            .iter()
            .find(|a| a["id"].as_str().unwrap().starts_with(p))
            .unwrap()
    };
    assert_eq!(by_prefix("001")["published"]["source"], "header");
    assert_eq!(by_prefix("000")["published"]["source"], "syndicated");
    assert_eq!(by_prefix("000")["published"]["date"], "2016-12-07");
    for p in ["002", "003", "004"] {
        assert!(by_prefix(p)["published"].is_null(), "{p}: {}", by_prefix(p));
    }
    // 001's "Tuesday" is the day before its header date.
    assert!(
        by_prefix("001")["timexes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["text"] == "Tuesday" && t["value"] == "2016-12-06")
    );
    // Without --explain, no rule is printed.
    assert!(by_prefix("001")["timexes"][0].get("rule").is_none());
}

#[test]
fn stdin_with_a_dct_is_explained() {
    let out = storyline()
        .args(["dates", "-", "--dct", "2016-12-07", "--explain"])
        .write_stdin("Government troops retook five districts on Tuesday, a day after the talks.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("Published 2016-12-07 (given with --dct)"),
        "{md}"
    );
    assert!(
        md.contains(
            "| Tuesday | DATE | 2016-12-06 | weekday.past-tense | the publication date 2016-12-07 |"
        ),
        "{md}"
    );
}

#[test]
fn a_bad_dct_is_a_clear_error() {
    let out = storyline()
        .args(["dates", "-", "--dct", "7 December"])
        .write_stdin("On Tuesday.")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "bad arguments exit with 1 (2 means skipped input)"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}
