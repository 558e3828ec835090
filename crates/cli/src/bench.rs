//! `storyline bench …`: speed measurements at scale.

#[derive(clap::Subcommand)]
pub enum BenchCommand {
    /// Generate a benchmark corpus (being built).
    Corpus(CorpusArgs),
}

#[derive(clap::Args)]
pub struct CorpusArgs {
    /// Number of articles.
    #[arg(long)]
    pub articles: usize,
}

pub fn run(cmd: BenchCommand) -> anyhow::Result<u8> {
    match cmd {
        BenchCommand::Corpus(a) => anyhow::bail!("bench corpus ({} articles) is being built", a.articles),
    }
}
