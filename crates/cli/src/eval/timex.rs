//! `storyline eval timex DIR`: tags the raw text of every `.tml` file under DIR with the
//! time stage's tagger (anchored to each file's creation time) and scores it as TempEval-3
//! Task A does (strict and relaxed span P/R/F1, type accuracy, value accuracy and value F1).

use std::path::PathBuf;

use storyline_eval::timeml;

#[derive(clap::Args)]
pub struct Args {
    /// Folder of TimeML (.tml) files, searched recursively.
    pub dir: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also print every missed, spurious or wrongly normalised timex to stderr.
    #[arg(long)]
    pub errors: bool,
    /// Print every gold/system pair to stderr, right ones too (`OK`), each system timex with
    /// the tagger rule behind it as a last column: counts per rule show which rules pay.
    #[arg(long)]
    pub pairs: bool,
}

fn round(x: f64) -> serde_json::Value {
    serde_json::json!((x * 10000.0).round() / 10000.0)
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let report = measure(&args)?;
    if args.errors || args.pairs {
        print_errors(&args.dir, args.pairs);
    }
    super::print_report(&report, args.json);
    Ok(0)
}

/// The report `--json` prints (the error listings aside).
pub fn measure(args: &Args) -> anyhow::Result<serde_json::Value> {
    if !args.dir.is_dir() {
        anyhow::bail!("{} is not a folder", args.dir.display());
    }
    let started = std::time::Instant::now();
    let (counts, errors) = timeml::evaluate_dir(&args.dir);
    for e in &errors {
        eprintln!("warning: {e}");
    }
    if counts.documents == 0 {
        anyhow::bail!("no readable .tml files under {}", args.dir.display());
    }
    let s = timeml::scores(&counts);
    let report = serde_json::json!({
        "documents": counts.documents,
        "gold": counts.gold,
        "predicted": counts.predicted,
        "strict_precision": round(s.strict_precision),
        "strict_recall": round(s.strict_recall),
        "strict_f1": round(s.strict_f1),
        "relaxed_precision": round(s.relaxed_precision),
        "relaxed_recall": round(s.relaxed_recall),
        "relaxed_f1": round(s.relaxed_f1),
        "type_accuracy": round(s.type_accuracy),
        "value_accuracy": round(s.value_accuracy),
        "value_f1": round(s.value_f1),
        "type_f1": round(s.type_f1),
        "skipped_files": errors.len(),
        "seconds": round(started.elapsed().as_secs_f64()),
    });
    Ok(report)
}

/// Prints the missed, spurious and wrongly normalised timexes (`DIFF` also for a different
/// extent or type); with `pairs`, the right ones too (`OK`) and the rule of each system timex.
fn print_errors(dir: &std::path::Path, pairs_too: bool) {
    for path in timeml::tml_files(dir) {
        let Ok(doc) = timeml::read_tml(&path) else {
            continue;
        };
        let (system, rules): (Vec<_>, Vec<_>) =
            timeml::tag_document_with_rules(&doc).into_iter().unzip();
        let rule = |i: usize| {
            if pairs_too {
                format!("\t{}", rules[i])
            } else {
                String::new()
            }
        };
        let pairs = timeml::align(&doc.timexes, &system);
        let name = path.file_name().map(|n| n.to_string_lossy().to_string());
        let name = name.unwrap_or_default();
        let txt = |s: &timeml::TimexSpan| doc.text.get(s.start..s.end).unwrap_or("").to_string();
        let mut gold_hit = vec![false; doc.timexes.len()];
        let mut sys_hit = vec![false; system.len()];
        for p in &pairs {
            gold_hit[p.gold] = true;
            sys_hit[p.system] = true;
            let (g, s) = (&doc.timexes[p.gold], &system[p.system]);
            let span_ok = g.start == s.start && g.end == s.end;
            let same = span_ok && g.value == s.value && g.kind == s.kind;
            if !same || pairs_too {
                eprintln!(
                    "{}\t{name}\t{:?}\t{} {}\t{:?}\t{} {}{}",
                    if same { "OK" } else { "DIFF" },
                    txt(g),
                    g.kind,
                    g.value,
                    txt(s),
                    s.kind,
                    s.value,
                    rule(p.system)
                );
            }
        }
        // The words around a timex, on one line (by bytes, widened to character bounds).
        let context = |start: usize, end: usize| {
            let mut a = start.saturating_sub(40);
            while a > 0 && !doc.text.is_char_boundary(a) {
                a -= 1;
            }
            let mut b = (end + 30).min(doc.text.len());
            while b < doc.text.len() && !doc.text.is_char_boundary(b) {
                b += 1;
            }
            doc.text.get(a..b).unwrap_or("").replace('\n', " ")
        };
        for (i, g) in doc.timexes.iter().enumerate() {
            if !gold_hit[i] {
                let ctx = context(g.start, g.end);
                eprintln!("MISS\t{name}\t{:?}\t{} {}\t{ctx}", txt(g), g.kind, g.value);
            }
        }
        for (i, s) in system.iter().enumerate() {
            if !sys_hit[i] {
                eprintln!(
                    "SPUR\t{name}\t{:?}\t{} {}\t{}{}",
                    txt(s),
                    s.kind,
                    s.value,
                    context(s.start, s.end),
                    rule(i)
                );
            }
        }
    }
}
