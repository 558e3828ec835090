//! `storyline brief` end to end: the built-in demo, the real seeds, every output format,
//! bad input and exit codes.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn storyline() -> Command {
    Command::cargo_bin("storyline").unwrap()
}

fn seeds() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared/seeds not found");
        None
    }
}

fn brief_json(args: &[&str]) -> (Value, i32) {
    let out = storyline()
        .arg("brief")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "invalid JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, code)
}

#[test]
fn demo_briefing_in_markdown() {
    let out = storyline().arg("brief").output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Briefing"));
    assert!(md.contains("Marrow Falls"));
    assert!(md.contains("### Summary"));
}

#[test]
fn demo_json_has_every_article_and_two_stories() {
    let (v, code) = brief_json(&[]);
    assert_eq!(code, 0);
    assert_eq!(v["schema_version"], 1);
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 9, "{articles:#?}");
    let outlets: std::collections::BTreeSet<&str> = articles
        .iter()
        .filter_map(|a| a["outlet"].as_str())
        .collect();
    for o in [
        "Northwind Wire",
        "Valley Courier",
        "Harbor Ledger",
        "Capital Daily",
        "Riverside Radio News",
    ] {
        assert!(outlets.contains(o), "outlet {o} missing from {outlets:?}");
    }
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(
        stories.len(),
        2,
        "the dam story and the tram story: {stories:#?}"
    );
    let mut sizes: Vec<usize> = stories
        .iter()
        .map(|s| s["articles"].as_array().unwrap().len())
        .collect();
    sizes.sort();
    assert_eq!(sizes, vec![2, 7]);
    // The wire copy is one syndication group.
    let groups = v["syndication"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "{groups:#?}");
    // Every summary sentence names its sources.
    for s in stories {
        for t in s["summary"].as_array().unwrap() {
            assert!(!t["sources"].as_array().unwrap().is_empty());
        }
    }
}

#[test]
fn seeds_json() {
    let Some(seeds) = seeds() else { return };
    let (v, code) = brief_json(&[seeds.to_str().unwrap()]);
    assert_eq!(code, 0);
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    let by_id = |id: &str| {
        articles
            .iter()
            .find(|a| a["id"].as_str().is_some_and(|x| x.starts_with(id)))
            .unwrap()
    };
    // 001: the date from its header.
    let a001 = by_id("001");
    assert_eq!(a001["published"]["date"], "2016-12-07");
    assert_eq!(a001["published"]["source"], "header");
    // 000: the dateline ALEPPO out of the text.
    assert_eq!(by_id("000")["dateline"], "ALEPPO");
    // 000 and 001 grouped, and nothing else.
    let groups = v["syndication"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "{groups:#?}");
    let mut members: Vec<&str> = groups[0]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x.as_str())
        .collect();
    members.sort();
    assert!(
        members[0].starts_with("000") && members[1].starts_with("001") && members.len() == 2,
        "{members:?}"
    );
    // The seeds are one story.
    assert_eq!(v["stories"].as_array().unwrap().len(), 1);
}

#[test]
fn seeds_markdown_does_not_contain_the_dateline_in_text() {
    let Some(seeds) = seeds() else { return };
    let out = storyline().arg("brief").arg(&seeds).output().unwrap();
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(!md.contains("ALEPPO - "), "dateline left in the text");
}

#[test]
fn html_report_is_self_contained() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b.html");
    storyline()
        .args(["brief", "--format", "html", "--out"])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<svg"), "timeline drawn");
    assert!(!html.contains("src=\"http"), "no external resources");
}

#[test]
fn bad_input_is_named_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "Title\n\nThe council approved the tram line on Tuesday by 31 votes to 12, ending a long fight.\n").unwrap();
    std::fs::write(dir.path().join("bad.jsonl"), "{\"text\": \"A fine article about the dam failure in Marrow Falls and the evacuation.\"}\n{not json\n").unwrap();
    std::fs::write(
        dir.path().join("latin1.txt"),
        b"Caf\xe9 owners said the flood reached the square.\n",
    )
    .unwrap();
    let out = storyline()
        .arg("brief")
        .arg(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "exit code 2 when input was skipped"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.jsonl:2"),
        "the malformed line is named: {err}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["articles"].as_array().unwrap().len() >= 2);
    assert!(!v["skipped"].as_array().unwrap().is_empty());
}

#[test]
fn nothing_readable_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = storyline().arg("brief").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article"));
    let out = storyline()
        .args(["brief", "/no/such/path"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/path"));
}
