//! Store: keeps every ingested article, once, and the derived views (briefings) that can be
//! rebuilt from them.
//!
//! One [`Store`] trait, two implementations that pass the same conformance suite:
//! [`SqliteStore`] (the embedded default: bundled SQLite, WAL, `synchronous=FULL`, FTS5
//! search) and `PostgresStore` (feature `postgres`; full-text search with `tsvector`). A
//! store is chosen by URL with [`open`]: `sqlite://PATH`, `sqlite::memory:` or
//! `postgres://…`.
//!
//! Articles are idempotent by URL and by content hash: adding the same article twice returns
//! [`Added::Duplicate`]. Search lives in the database itself (FTS5 / `tsvector`), so the
//! index is always as durable and as current as the data, with no second store to keep in
//! step.

#![warn(missing_docs)]

#[cfg(feature = "postgres")]
mod postgres_store;
mod sqlite;

use chrono::NaiveDate;
#[cfg(feature = "postgres")]
pub use postgres_store::PostgresStore;
pub use sqlite::SqliteStore;
use storyline_core::Article;

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database URL is not understood.
    #[error("unsupported database URL {0:?}: use sqlite://PATH, sqlite::memory: or postgres://…")]
    Url(String),
    /// SQLite failed.
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL failed.
    #[cfg(feature = "postgres")]
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] postgres::Error),
    /// A stored record could not be decoded.
    #[error("stored record {0} is corrupt: {1}")]
    Corrupt(String, String),
    /// Creating the database folder failed.
    #[error("cannot create {0}: {1}")]
    Io(String, std::io::Error),
}

/// Result type of the store.
pub type Result<T> = std::result::Result<T, Error>;

/// The outcome of adding an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// Stored, under this id (the article's id, made unique if it was taken).
    New(String),
    /// Already stored (same URL or same content), under this id.
    Duplicate(String),
}

/// A full-text search.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// Words to find (all must match).
    pub text: String,
    /// Only this outlet.
    pub outlet: Option<String>,
    /// Only articles published on or after this date.
    pub from: Option<NaiveDate>,
    /// Only articles published on or before this date.
    pub to: Option<NaiveDate>,
    /// At most this many hits.
    pub limit: usize,
}

/// One search hit.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    /// Article id.
    pub id: String,
    /// Outlet.
    pub outlet: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// A short piece of the text around the match.
    pub snippet: String,
}

/// Persistence of articles and derived views.
pub trait Store: Send {
    /// Adds an article unless one with the same URL or content is stored; durable on return.
    fn add_article(&mut self, article: &Article) -> Result<Added>;
    /// Adds several articles, in order, in one durable commit: all of them or, on error, none.
    /// Each is checked as [`Store::add_article`] does, against the stored articles and the
    /// ones before it in the batch.
    fn add_articles(&mut self, articles: &[Article]) -> Result<Vec<Added>> {
        articles.iter().map(|a| self.add_article(a)).collect()
    }
    /// Every stored article, in the order they were added.
    fn articles(&mut self) -> Result<Vec<Article>>;
    /// Number of stored articles.
    fn count(&mut self) -> Result<usize>;
    /// Full-text search over titles and texts, with filters.
    fn search(&mut self, query: &SearchQuery) -> Result<Vec<Hit>>;
    /// Stores a derived view (e.g. the JSON briefing) under a key, replacing the old one.
    fn put_derived(&mut self, key: &str, value: &str) -> Result<()>;
    /// A derived view, if stored.
    fn derived(&mut self, key: &str) -> Result<Option<String>>;
    /// Drops every derived view (they are rebuilt from the articles).
    fn clear_derived(&mut self) -> Result<()>;
}

/// Opens (and migrates) the store a URL names.
pub fn open(url: &str) -> Result<Box<dyn Store>> {
    if url == "sqlite::memory:" {
        return Ok(Box::new(SqliteStore::open_in_memory()?));
    }
    if let Some(path) = url.strip_prefix("sqlite://") {
        return Ok(Box::new(SqliteStore::open(std::path::Path::new(path))?));
    }
    #[cfg(feature = "postgres")]
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok(Box::new(PostgresStore::connect(url)?));
    }
    Err(Error::Url(url.to_string()))
}

/// The default database URL: `storyline.db` in the user's data directory
/// (`$XDG_DATA_HOME/storyline`, else `~/.local/share/storyline`), else the current folder.
pub fn default_url() -> String {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".local/share"))
        });
    match base {
        Some(b) => format!(
            "sqlite://{}",
            b.join("storyline").join("storyline.db").display()
        ),
        None => "sqlite://storyline.db".to_string(),
    }
}

/// Content hash used for idempotency: xxh3-128 of the normalised text (white space folded).
pub fn content_hash(text: &str) -> String {
    let folded: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(folded.as_bytes()))
}

/// Encodes the parts of an article that have no column of their own.
pub(crate) fn article_extra(a: &Article) -> String {
    serde_json::json!({ "published": a.published, "origin": a.origin }).to_string()
}

/// Decodes an article row.
#[allow(clippy::too_many_arguments)]
pub(crate) fn article_from_row(
    id: String,
    url: Option<String>,
    outlet: String,
    title: Option<String>,
    dateline: Option<String>,
    language: Option<String>,
    text: String,
    extra: &str,
) -> Result<Article> {
    let v: serde_json::Value =
        serde_json::from_str(extra).map_err(|e| Error::Corrupt(id.clone(), e.to_string()))?;
    let published = serde_json::from_value(v["published"].clone())
        .map_err(|e| Error::Corrupt(id.clone(), e.to_string()))?;
    let origin = serde_json::from_value(v["origin"].clone())
        .map_err(|e| Error::Corrupt(id.clone(), e.to_string()))?;
    Ok(Article {
        id,
        url,
        outlet,
        title,
        published,
        dateline,
        language,
        text,
        origin,
    })
}

/// A snippet of `text` around the first query word found.
pub(crate) fn snippet(text: &str, query: &str) -> String {
    let lower = text.to_lowercase();
    let pos = query
        .split_whitespace()
        .filter_map(|w| lower.find(&w.to_lowercase()))
        .min()
        .unwrap_or(0);
    let mut start = pos.saturating_sub(80);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (pos + 160).min(text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    let mut s = text[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if start > 0 {
        s.insert_str(0, "… ");
    }
    if end < text.len() {
        s.push_str(" …");
    }
    s
}

/// Turns user words into an FTS5 query: each word quoted, all required.
pub(crate) fn fts5_query(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '-')
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" AND ")
}
