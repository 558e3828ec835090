//! The SQLite store: bundled SQLite, WAL journal, `synchronous=FULL` (an acknowledged article
//! survives a crash), FTS5 full-text search kept in step by triggers.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};
use storyline_core::Article;

use crate::{Added, Error, Hit, Result, SearchQuery, Store};

/// Migrations, applied in order; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    content_hash TEXT NOT NULL UNIQUE,
    outlet TEXT NOT NULL,
    title TEXT,
    published TEXT,
    dateline TEXT,
    language TEXT,
    text TEXT NOT NULL,
    extra TEXT NOT NULL,
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq', tokenize='porter unicode61');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TABLE derived (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
"#];

/// The SQLite store.
pub struct SqliteStore {
    conn: Connection,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").finish_non_exhaustive()
    }
}

impl SqliteStore {
    /// Opens or creates the database file (and its folder), then migrates it.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::Io(dir.display().to_string(), e))?;
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        Self::migrate(conn)
    }

    /// An in-memory database (for tests and one-off runs).
    pub fn open_in_memory() -> Result<Self> {
        Self::migrate(Connection::open_in_memory()?)
    }

    fn migrate(mut conn: Connection) -> Result<Self> {
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        for (i, m) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            let tx = conn.transaction()?;
            tx.execute_batch(m)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(SqliteStore { conn })
    }
}

/// Adds one article inside an open transaction (duplicate check, id collision, insert).
fn insert(tx: &rusqlite::Transaction<'_>, a: &Article) -> Result<Added> {
    let hash = crate::content_hash(&a.text);
    let existing: Option<String> = tx
        .query_row(
            "SELECT id FROM articles WHERE content_hash = ?1 OR (?2 IS NOT NULL AND url = ?2) LIMIT 1",
            params![hash, a.url],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        return Ok(Added::Duplicate(id));
    }
    let mut id = a.id.clone();
    let taken: bool = tx
        .query_row("SELECT 1 FROM articles WHERE id = ?1", params![id], |_| {
            Ok(true)
        })
        .optional()?
        .unwrap_or(false);
    if taken {
        id = format!("{}~{}", a.id, &hash[..8]);
    }
    tx.execute(
        "INSERT INTO articles (id, url, content_hash, outlet, title, published, dateline, language, text, extra)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id,
            a.url,
            hash,
            a.outlet,
            a.title,
            a.date().map(|d| d.to_string()),
            a.dateline,
            a.language,
            a.text,
            crate::article_extra(a)
        ],
    )?;
    Ok(Added::New(id))
}

impl Store for SqliteStore {
    fn add_article(&mut self, a: &Article) -> Result<Added> {
        let tx = self.conn.transaction()?;
        let added = insert(&tx, a)?;
        tx.commit()?;
        Ok(added)
    }

    fn add_articles(&mut self, articles: &[Article]) -> Result<Vec<Added>> {
        let tx = self.conn.transaction()?;
        let added = articles
            .iter()
            .map(|a| insert(&tx, a))
            .collect::<Result<Vec<_>>>()?;
        tx.commit()?;
        Ok(added)
    }

    fn articles(&mut self) -> Result<Vec<Article>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, url, outlet, title, dateline, language, text, extra FROM articles ORDER BY seq",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, url, outlet, title, dateline, language, text, extra) = row?;
            out.push(crate::article_from_row(
                id, url, outlet, title, dateline, language, text, &extra,
            )?);
        }
        Ok(out)
    }

    fn count(&mut self) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    fn search(&mut self, q: &SearchQuery) -> Result<Vec<Hit>> {
        let fts = crate::fts5_query(&q.text);
        if fts.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.outlet, a.title, a.published, a.text
             FROM articles_fts f JOIN articles a ON a.seq = f.rowid
             WHERE articles_fts MATCH ?1
               AND (?2 IS NULL OR a.outlet = ?2)
               AND (?3 IS NULL OR a.published >= ?3)
               AND (?4 IS NULL OR a.published <= ?4)
             ORDER BY bm25(articles_fts) LIMIT ?5",
        )?;
        let rows = stmt.query_map(
            params![
                fts,
                q.outlet,
                q.from.map(|d| d.to_string()),
                q.to.map(|d| d.to_string()),
                q.limit.clamp(1, 1000) as i64
            ],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (id, outlet, title, published, text) = row?;
            out.push(Hit {
                id,
                outlet,
                title,
                published: published.and_then(|p| p.parse().ok()),
                snippet: crate::snippet(&text, &q.text),
            });
        }
        Ok(out)
    }

    fn put_derived(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO derived (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value,
                 updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            params![key, value],
        )?;
        Ok(())
    }

    fn derived(&mut self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM derived WHERE key = ?1",
                params![key],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn clear_derived(&mut self) -> Result<()> {
        self.conn.execute("DELETE FROM derived", [])?;
        Ok(())
    }
}
