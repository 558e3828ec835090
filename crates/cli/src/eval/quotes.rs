//! `storyline eval quotes`: quote detection precision/recall/F1, direct/indirect and speaker
//! accuracy on the hand-annotated quote set (see docs/parts/compare.md for the guideline).

use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The shared folder holding the annotated files (default: the parent of the shared data folder).
    pub root: Option<PathBuf>,
    /// A gold file (JSON Lines) instead of the built-in set.
    #[arg(long)]
    pub gold: Option<PathBuf>,
    /// List the missed, spurious and wrongly attributed quotes.
    #[arg(long)]
    pub errors: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let report = measure(&args)?;
    let value = serde_json::to_value(&report)?;
    if args.json {
        super::print_report(&value, true);
    } else {
        println!(
            "paragraphs: {} (skipped {})",
            report.paragraphs, report.skipped
        );
        println!("kind       gold  pred  match | P / R / F1");
        for (k, c) in [
            ("detection", &report.detection),
            ("strict", &report.strict),
            ("direct", &report.direct),
            ("indirect", &report.indirect),
        ] {
            println!(
                "{k:<10} {:>4} {:>5} {:>6} | {:.3} / {:.3} / {:.3}",
                c.gold, c.predicted, c.matched, c.precision, c.recall, c.f1
            );
        }
        println!("type accuracy (matched): {:.3}", report.type_accuracy);
        println!("speaker accuracy (matched): {:.3}", report.speaker_accuracy);
        for e in &report.errors {
            println!("  {e}");
        }
    }
    Ok(0)
}

/// The report `--json` prints.
pub fn measure(args: &Args) -> anyhow::Result<storyline_eval::quotes::QuoteReport> {
    let root = match &args.root {
        Some(r) => r.clone(),
        None => storyline_eval::shared_data_dir()
            .map(|d| d.join(".."))
            .ok_or_else(|| {
                anyhow::anyhow!("shared data not found; pass ROOT or set STORYLINE_DATA")
            })?,
    };
    let gold_text = match &args.gold {
        Some(p) => std::fs::read_to_string(p)?,
        None => storyline_eval::quotes::GOLD.to_string(),
    };
    let items = storyline_eval::quotes::parse_gold(&gold_text)?;
    let mut report = storyline_eval::quotes::evaluate(&root, &items);
    if !args.errors {
        report.errors.clear();
    }
    Ok(report)
}
