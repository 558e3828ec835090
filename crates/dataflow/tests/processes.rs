//! The distributed run on 1, 2 and 4 processes on loopback (and 2 processes × 2 workers)
//! gives the same syndication groups and stories, article for article, as the
//! single-process streaming run of the same generated stream.

use std::io::Write;
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// A small deterministic stream: 40 topics with their own vocabularies, articles mixing a
/// topic's words with common words, about one in six a lightly edited copy of a recent
/// article, one in twelve a drifting rewrite of a recent one (chains of copies), a few lines
/// that are not articles.
fn write_stream(path: &Path, articles: usize) {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let word = |t: u64, i: u64| format!("w{t}x{i}");
    let mut texts: Vec<String> = Vec::new();
    let mut last_drift: Option<usize> = None;
    let mut out = std::fs::File::create(path).expect("create");
    for n in 0..articles {
        let day = 1 + n / 60;
        let roll = next() % 12;
        let (text, copy_of) = if n > 10 && roll == 0 {
            // A drifting text: a recent one less its first tenth, plus new words: each is a
            // copy of the one before, so chains form that the anchor rule cuts.
            let k = match last_drift {
                Some(k) if next() % 10 != 0 => k,
                _ => texts.len() - 1,
            };
            last_drift = Some(texts.len());
            let words: Vec<&str> = texts[k].split(' ').collect();
            let mut words: Vec<String> = words[words.len() / 10..]
                .iter()
                .map(|w| w.to_string())
                .collect();
            for _ in 0..words.len() / 9 {
                words.push(word(2000 + n as u64, next() % 1000));
            }
            (words.join(" "), None)
        } else if n > 10 && roll < 3 {
            let k = texts.len() - 1 - (next() % 10) as usize;
            let mut words: Vec<&str> = texts[k].split(' ').collect();
            let cut = words.len() / 8;
            words.truncate(words.len() - cut);
            (format!("{} Reporting by staff.", words.join(" ")), Some(k))
        } else {
            let topic = next() % 40;
            let len = 60 + next() % 80;
            let words: Vec<String> = (0..len)
                .map(|_| {
                    if next() % 3 == 0 {
                        word(1000, next() % 400)
                    } else {
                        word(topic, next() % 60)
                    }
                })
                .collect();
            (words.join(" "), None)
        };
        texts.push(text.clone());
        let line = serde_json::json!({
            "id": format!("a{n}"),
            "url": format!("https://example.org/a{n}"),
            "outlet": format!("outlet{}", n % 7),
            "title": format!("Headline {n}"),
            "published": format!("2024-01-{:02}", day.min(28)),
            "text": text,
            "copy_of": copy_of.map(|k| format!("a{k}")),
        });
        writeln!(out, "{line}").expect("write");
        if n % 97 == 5 {
            writeln!(out, "not an article").expect("write");
        }
    }
}

fn free_ports(n: usize) -> Vec<u16> {
    let listeners: Vec<TcpListener> = (0..n)
        .map(|_| TcpListener::bind("127.0.0.1:0").expect("bind"))
        .collect();
    listeners
        .iter()
        .map(|l| l.local_addr().expect("addr").port())
        .collect()
}

/// Runs `processes` processes of `threads` workers each; returns process 0's result.
fn run_distributed(
    dir: &Path,
    file: &Path,
    processes: usize,
    threads: usize,
    store: Option<&str>,
) -> Value {
    let bin = env!("CARGO_BIN_EXE_storyline-dataflow");
    let hosts = dir.join(format!("hosts-{processes}-{threads}.txt"));
    let ports = free_ports(processes);
    let lines: Vec<String> = ports.iter().map(|p| format!("127.0.0.1:{p}")).collect();
    std::fs::write(&hosts, lines.join("\n") + "\n").expect("hosts");
    let out = dir.join(format!("out-{processes}-{threads}.json"));
    let children: Vec<_> = (0..processes)
        .map(|p| {
            let mut c = Command::new(bin);
            c.arg(file).args(["--chunk", "20000"]);
            if p == 0 {
                c.arg("--out").arg(&out);
            }
            if let Some(url) = store {
                c.args(["--store", url]);
            }
            c.arg("--").args(["-w", &threads.to_string()]);
            if processes > 1 {
                c.args(["-n", &processes.to_string(), "-p", &p.to_string(), "-h"])
                    .arg(&hosts);
            }
            c.spawn().expect("spawn")
        })
        .collect();
    for mut c in children {
        let status = c.wait().expect("wait");
        assert!(status.success(), "a process failed: {status}");
    }
    serde_json::from_str(&std::fs::read_to_string(&out).expect("output")).expect("json")
}

#[test]
fn one_two_and_four_processes_give_the_single_process_groups_and_stories() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("stream.jsonl");
    write_stream(&file, 900);

    let opts = storyline_dataflow::DataflowOptions::new(&file);
    let single = storyline_scale::stream::run_file(&file, &opts.stream, &|_| {}).expect("single");
    let single = storyline_dataflow::result_json(&single, None);
    assert_eq!(single["articles"], 900);
    assert!(
        single["groups"].as_u64().unwrap_or(0) > 50,
        "{}",
        single["groups"]
    );
    assert!(
        single["stories"].as_u64().unwrap_or(0) > 5,
        "{}",
        single["stories"]
    );

    let db = dir.path().join("store.db");
    let url = format!("sqlite://{}", db.display());
    for (processes, threads) in [(1, 1), (2, 1), (4, 1), (2, 2)] {
        let store = (processes == 2 && threads == 1).then_some(url.as_str());
        let d = run_distributed(dir.path(), &file, processes, threads, store);
        let what = format!("{processes} processes × {threads} workers");
        assert_eq!(d["articles"], single["articles"], "{what}");
        assert_eq!(d["bad_lines"], single["bad_lines"], "{what}");
        assert_eq!(d["group_of"], single["group_of"], "{what}: groups differ");
        assert_eq!(d["story_of"], single["story_of"], "{what}: stories differ");
        assert_eq!(d["workers"], processes * threads, "{what}");
        let exchanged = d["volume"]["band_keys"][1].as_u64().unwrap_or(0);
        if processes * threads > 1 {
            assert!(exchanged > 0, "{what}: no band keys exchanged");
        } else {
            assert_eq!(exchanged, 0, "one worker exchanges nothing");
        }
    }

    // The 2-process run wrote every article and the assignments to the store.
    let mut store = storyline_store::open(&url).expect("open store");
    // (The store keeps one of two articles with the same text.)
    let stored = store.count().expect("count");
    assert!((850..=900).contains(&stored), "{stored} stored");
    let view = store
        .derived(storyline_dataflow::ASSIGNMENTS_KEY)
        .expect("derived")
        .expect("assignments stored");
    let view: Value = serde_json::from_str(&view).expect("json");
    let rows = view["articles"].as_array().expect("rows");
    assert_eq!(rows.len(), 900);
    assert_eq!(rows[0]["id"], "a0");
}
