//! `storyline eval all`: absent data sets give skipped rows and exit code 2, a failing
//! measurement exit code 1, and a measured row carries the number of its single-stage command.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn storyline() -> Command {
    let mut cmd = Command::cargo_bin("storyline").expect("binary");
    cmd.env_remove("STORYLINE_DATA").env("CI", "1");
    cmd
}

fn json_of(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

#[test]
fn an_empty_data_folder_skips_every_row_with_its_path() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).expect("data dir");
    let out = storyline()
        .args(["eval", "all", "--json", "--data"])
        .arg(&data)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let tbaq = data.join("tempeval3/TBAQ-cleaned");
    assert!(
        stderr.contains(&format!("skipped: {} not found", tbaq.display())),
        "{stderr}"
    );
    let report = json_of(&out);
    let rows = report["rows"].as_array().expect("rows");
    let stages: std::collections::BTreeSet<&str> =
        rows.iter().filter_map(|r| r["stage"].as_str()).collect();
    assert_eq!(stages.len(), 9, "every stage has rows: {stages:?}");
    for r in rows {
        assert_eq!(r["status"], "skipped", "{r}");
        assert!(r["value"].is_null(), "{r}");
        let reason = r["reason"].as_str().expect("reason");
        assert!(
            reason.ends_with(" not found") && reason.starts_with(tmp.path().to_str().unwrap()),
            "{reason}"
        );
    }

    // The table says the same, one row per figure.
    let out = storyline()
        .args(["eval", "all", "--data"])
        .arg(&data)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let table = String::from_utf8_lossy(&out.stdout);
    let skipped = table
        .lines()
        .filter(|l| l.contains(&format!("skipped: {}", data.display())))
        .count();
    assert_eq!(skipped, rows.len() - quote_rows(rows), "{table}");
}

/// The quote set is read next to the data folder, so its path is outside `data`.
fn quote_rows(rows: &[Value]) -> usize {
    rows.iter().filter(|r| r["stage"] == "quotes").count()
}

#[test]
fn a_failing_measurement_exits_1_and_the_rest_still_run() {
    let tmp = tempfile::tempdir().expect("temp dir");
    // TBAQ-cleaned is there but holds no TimeML file: the timex command fails on it.
    std::fs::create_dir_all(tmp.path().join("tempeval3/TBAQ-cleaned")).expect("dir");
    let out = storyline()
        .args([
            "eval",
            "all",
            "--json",
            "--only",
            "timex,entities",
            "--data",
        ])
        .arg(tmp.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let report = json_of(&out);
    let rows = report["rows"].as_array().expect("rows");
    assert!(
        rows.iter()
            .all(|r| r["stage"] == "timex" || r["stage"] == "entities")
    );
    let tbaq: Vec<&Value> = rows
        .iter()
        .filter(|r| r["data"] == "TBAQ-cleaned")
        .collect();
    assert_eq!(tbaq.len(), 2);
    for r in tbaq {
        assert_eq!(r["status"], "failed", "{r}");
        assert!(
            r["reason"]
                .as_str()
                .unwrap()
                .contains("no readable .tml files")
        );
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("timex on TBAQ-cleaned: failed"), "{stderr}");
    assert!(
        rows.iter()
            .filter(|r| r["data"] != "TBAQ-cleaned")
            .all(|r| r["status"] == "skipped")
    );
}

/// The shared data folder, or `None` with a message when it is absent.
fn shared_data() -> Option<PathBuf> {
    let found = storyline_eval::shared_data_dir();
    if found.is_none() {
        eprintln!("skipping: no shared data folder (../shared/data or $STORYLINE_DATA)");
    }
    found
}

#[test]
fn a_measured_row_carries_the_number_of_its_own_command() {
    let Some(data) = shared_data() else { return };
    let tbaq = data.join("tempeval3/TBAQ-cleaned");
    if !tbaq.is_dir() {
        eprintln!("skipping: {} not found", tbaq.display());
        return;
    }
    let out = storyline()
        .args(["eval", "all", "--json", "--only", "timex", "--data"])
        .arg(&data)
        .output()
        .expect("runs");
    let report = json_of(&out);
    let rows = report["rows"].as_array().expect("rows");
    let all_measured = rows.iter().all(|r| r["status"] == "measured");
    assert_eq!(
        out.status.code(),
        Some(if all_measured { 0 } else { 2 }),
        "{out:?}"
    );

    let single = storyline()
        .args(["eval", "timex", "--json"])
        .arg(&tbaq)
        .output()
        .expect("runs");
    assert!(single.status.success(), "{single:?}");
    let single = json_of(&single);
    for (metric, key) in [("strict F1", "strict_f1"), ("value F1", "value_f1")] {
        let row = rows
            .iter()
            .find(|r| r["data"] == "TBAQ-cleaned" && r["metric"] == metric)
            .unwrap_or_else(|| panic!("no TBAQ {metric} row"));
        assert_eq!(row["status"], "measured", "{row}");
        assert!(single[key].as_f64().is_some_and(|v| v > 0.0), "{single}");
        assert_eq!(row["value"], single[key], "{metric}");
        assert_eq!(
            row["met"],
            Value::Bool(single[key].as_f64().unwrap() >= 0.85)
        );
        assert!(
            row["command"]
                .as_str()
                .unwrap()
                .starts_with("storyline eval timex "),
            "{row}"
        );
    }
}
