//! `storyline serve`.

use std::net::SocketAddr;

use anyhow::Context;

use crate::EXIT_OK;

#[derive(clap::Args)]
pub struct Args {
    /// Database URL: sqlite://PATH (default: storyline.db in the user's data folder) or postgres://…
    #[arg(long)]
    pub database: Option<String>,
    /// Address to listen on. Beyond loopback, a write token is required.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Load the built-in demo corpus into the database at start (idempotent).
    #[arg(long)]
    pub demo: bool,
    /// Bearer token for write requests (or STORYLINE_TOKEN).
    #[arg(long, env = "STORYLINE_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Largest accepted request body, in bytes.
    #[arg(long, default_value_t = storyline_server::DEFAULT_MAX_BODY)]
    pub max_body: usize,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let config = storyline_server::Config {
        database: args.database.unwrap_or_else(storyline_store::default_url),
        listen: args.listen,
        token: args.token,
        max_body: args.max_body,
    };
    let initial = if args.demo {
        crate::demo::files()
    } else {
        Vec::new()
    };
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(storyline_server::serve(config, initial))?;
    Ok(EXIT_OK)
}
