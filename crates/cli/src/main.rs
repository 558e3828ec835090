//! `storyline`: turns a pile of news articles into one sourced briefing.
//!
//! A thin command-line layer over the library crates: argument parsing, logging to stderr,
//! progress, exit codes. All the work is done in `storyline-pipeline` and the stage crates.

mod bench;
mod brief;
mod dates;
mod demo;
mod eval;
mod ingest;
mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit code: everything was read and the command succeeded.
pub const EXIT_OK: u8 = 0;
/// Exit code: the command failed (bad arguments, unwritable output, no usable input).
pub const EXIT_ERROR: u8 = 1;
/// Exit code: the command succeeded, but some input was skipped (listed on stderr).
pub const EXIT_SKIPPED: u8 = 2;

#[derive(Parser)]
#[command(
    name = "storyline",
    version,
    about = "Turns a pile of news articles into one sourced briefing"
)]
struct Cli {
    /// More logging on stderr (-v info, -vv debug); RUST_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    /// Only errors on stderr.
    #[arg(short, long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles and print a briefing (with no path: the built-in demo corpus).
    Brief(brief::Args),
    /// Publication dates (given or inferred) and every temporal expression with its value.
    Dates(dates::Args),
    /// Store articles in the database (idempotent), for the server and later briefings.
    Ingest(ingest::Args),
    /// Run the news desk: HTTP API, web UI and continuous ingestion over the database.
    Serve(serve::Args),
    /// Speed measurements at scale: corpus generation, streaming and distributed runs.
    #[command(subcommand)]
    Bench(bench::BenchCommand),
    /// Score a stage against annotated data.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
}

fn main() -> ExitCode {
    // Usage errors exit with EXIT_ERROR like every other failure (clap's own code, 2, is
    // EXIT_SKIPPED here); help and version go to stdout with EXIT_OK.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_ERROR } else { EXIT_OK });
        }
    };
    init_logging(cli.verbose, cli.quiet);
    let result = match cli.command {
        Command::Brief(args) => brief::run(args),
        Command::Dates(args) => dates::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Bench(cmd) => bench::run(cmd),
        Command::Eval(cmd) => eval::run(cmd),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("storyline: error: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn init_logging(verbose: u8, quiet: bool) {
    use tracing_subscriber::EnvFilter;
    let level = if quiet {
        "error"
    } else {
        match verbose {
            0 => "warn",
            1 => "info",
            _ => "debug",
        }
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(level));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}
