//! The Storyline service: a persistent news desk over a [`storyline_store::Store`].
//!
//! * `POST /api/articles` takes JSON (one article or an array), JSON Lines, an HTML page (with
//!   `?url=`) or an RSS/Atom feed. An article is durable in the store when the request is
//!   acknowledged; derived views are then rebuilt in the background.
//! * `GET /api/stories`, `GET /api/stories/{id}` (the JSON story briefing), `GET /api/search`,
//!   `GET /healthz`, `GET /api/openapi.json`.
//! * The web UI: `/` lists the stories, `/stories/{id}` is the story page (the same page as
//!   `storyline brief --format html`), `/search?q=` searches articles.
//!
//! Security: all article text is escaped in pages; request bodies are size-limited; when
//! the server listens beyond loopback, write endpoints require a bearer token; every API
//! error is JSON with a message.
//!
//! Derived views: the briefing of all stored articles is rebuilt after each change
//! (debounced), stored in the store's `derived` table with the article count it covers, and
//! reloaded from there on restart when it is still current.

#![warn(missing_docs)]

mod api;
mod pages;
mod state;

use std::net::SocketAddr;
use std::sync::Arc;

pub use api::router;
pub use state::AppState;

/// Largest accepted request body (bytes).
pub const DEFAULT_MAX_BODY: usize = 16 * 1024 * 1024;

/// Server configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Database URL (`sqlite://PATH`, `postgres://…`).
    pub database: String,
    /// Address to listen on.
    pub listen: SocketAddr,
    /// Bearer token required for writes; mandatory when `listen` is not a loopback address.
    pub token: Option<String>,
    /// Largest accepted request body.
    pub max_body: usize,
}

/// Errors that stop the server from starting.
#[derive(Debug)]
pub struct StartError(pub String);

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StartError {}

/// Checks the configuration: a token is required beyond loopback.
pub fn check_config(config: &Config) -> Result<(), StartError> {
    if !config.listen.ip().is_loopback() && config.token.as_deref().unwrap_or("").is_empty() {
        return Err(StartError(format!(
            "listening on {} (beyond loopback) needs a write token: pass --token or set STORYLINE_TOKEN",
            config.listen
        )));
    }
    Ok(())
}

/// Opens the store, loads `initial` files (e.g. the demo corpus) into it, and serves until
/// Ctrl-C or SIGTERM. Prints `listening on ADDR` on stderr once the socket is bound.
pub async fn serve(config: Config, initial: Vec<(String, Vec<u8>)>) -> Result<(), StartError> {
    check_config(&config)?;
    let (url, token, max_body) = (
        config.database.clone(),
        config.token.clone(),
        config.max_body,
    );
    let state = tokio::task::spawn_blocking(move || {
        storyline_store::open(&url)
            .map(|store| Arc::new(AppState::new(store, token, max_body)))
            .map_err(|e| StartError(format!("cannot open database {url}: {e}")))
    })
    .await
    .map_err(|e| StartError(format!("opening the database failed: {e}")))??;
    if !initial.is_empty() {
        let st = state.clone();
        let report = tokio::task::spawn_blocking(move || st.ingest_files(&initial))
            .await
            .map_err(|e| StartError(format!("loading initial articles failed: {e}")))?;
        tracing::info!(
            added = report.added.len(),
            duplicates = report.duplicates.len(),
            "initial articles loaded"
        );
    }
    state.clone().start_rebuilder();
    state.request_rebuild();
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| StartError(format!("cannot listen on {}: {e}", config.listen)))?;
    let addr = listener
        .local_addr()
        .map_err(|e| StartError(format!("cannot read the bound address: {e}")))?;
    eprintln!("listening on http://{addr}");
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| StartError(format!("server failed: {e}")))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
