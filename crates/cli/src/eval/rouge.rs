//! `storyline eval rouge --peers DIR --models DIR`: ROUGE-1.5.5-compatible scores of peer
//! summaries (`<cluster>.<system>`, one sentence per line) against DUC model summaries, as
//! `ROUGE-1.5.5.pl -n 4 -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a -2 4 -u` computes them.

use std::path::PathBuf;

use storyline_eval::rouge::{self, RougeOptions};

#[derive(clap::Args)]
pub struct Args {
    /// Folder of peer summaries named `<cluster>.<system>`.
    #[arg(long)]
    pub peers: PathBuf,
    /// Folder of model summaries (`D30003.M.100.T.B.html`, `d30001.m.100.t.a`).
    #[arg(long)]
    pub models: PathBuf,
    /// Word limit (`-l`); 0 for none.
    #[arg(long, default_value_t = 100)]
    pub words: usize,
    /// Bootstrap resamples (`-r`).
    #[arg(long, default_value_t = 1000)]
    pub resamples: usize,
    /// Do not stem (drop `-m`).
    #[arg(long)]
    pub no_stem: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let options = RougeOptions {
        max_words: args.words,
        resamples: args.resamples,
        stem: !args.no_stem,
        ..RougeOptions::default()
    };
    let run = rouge::evaluate_dirs(&args.peers, &args.models, &options)?;
    let report = run.to_json();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        for (system, s) in &run.systems {
            println!(
                "{system}: clusters {} R-1 {:.5} R-2 {:.5} R-4 {:.5} R-L {:.5} R-SU4 {:.5} (recall; F: {:.5} {:.5} {:.5} {:.5} {:.5})",
                s.evaluations,
                s.rouge_n[0].reported.recall,
                s.rouge_n[1].reported.recall,
                s.rouge_n[3].reported.recall,
                s.rouge_l.reported.recall,
                s.rouge_su.reported.recall,
                s.rouge_n[0].reported.f,
                s.rouge_n[1].reported.f,
                s.rouge_n[3].reported.f,
                s.rouge_l.reported.f,
                s.rouge_su.reported.f,
            );
        }
    }
    Ok(0)
}
