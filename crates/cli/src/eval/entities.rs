//! `storyline eval entities`: named-entity precision, recall and F1 per type on MEANTIME.

use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Folder of MEANTIME CAT XML files (default: the shared meantime_en data set).
    pub dir: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// List every spurious and missed mention (file, kind, text, the overlapping mention of the
    /// other side) after the report.
    #[arg(long)]
    pub errors: bool,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let report = measure(&args)?;
    let value = serde_json::to_value(&report)?;
    if args.json {
        super::print_report(&value, true);
    } else {
        println!("documents: {}", report.documents);
        println!("type  gold  pred  | exact P / R / F1   | partial P / R / F1");
        for (k, (c, e, p)) in &report.types {
            println!(
                "{k:<4} {:>5} {:>5}  | {:.3} / {:.3} / {:.3} | {:.3} / {:.3} / {:.3}",
                c.gold, c.predicted, e.precision, e.recall, e.f1, p.precision, p.recall, p.f1
            );
        }
        for (file, m) in &report.mistakes {
            println!(
                "{file}\t{}\t{} {}\t{}",
                m.what,
                m.kind,
                m.text,
                m.other.as_deref().unwrap_or("-")
            );
        }
    }
    Ok(0)
}

/// The report `--json` prints.
pub fn measure(args: &Args) -> anyhow::Result<storyline_eval::entities::Report> {
    let dir =
        match &args.dir {
            Some(d) => d.clone(),
            None => storyline_eval::dataset("meantime_en/intra_cross-doc_annotation").ok_or_else(
                || anyhow::anyhow!("meantime_en not found; pass DIR or set STORYLINE_DATA"),
            )?,
        };
    Ok(storyline_eval::entities::evaluate_with(&dir, args.errors))
}
