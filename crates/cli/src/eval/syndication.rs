//! `storyline eval syndication`.

#[derive(clap::Args)]
pub struct Args {
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let _ = args.json;
    anyhow::bail!("eval syndication is being built")
}
