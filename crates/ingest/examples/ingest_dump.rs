//! Reads the given paths and prints one JSON line per article (or a summary with `--count`),
//! then the diagnostics on standard error.

use std::path::PathBuf;

fn main() {
    let mut count_only = false;
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "--count" {
            count_only = true;
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    let mut n = 0usize;
    let mut bytes = 0usize;
    let report = storyline_ingest::read_paths(&paths, &mut |a| {
        n += 1;
        bytes += a.text.len();
        if !count_only {
            println!("{}", serde_json::to_string(&a).unwrap_or_default());
        }
    });
    for d in &report.diagnostics {
        eprintln!("{d}");
    }
    eprintln!(
        "{} file(s), {n} article(s), {bytes} bytes of text, {} diagnostic(s)",
        report.files,
        report.diagnostics.len()
    );
}
