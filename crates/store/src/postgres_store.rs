//! The PostgreSQL store: the same schema and behaviour as SQLite, with a generated
//! `tsvector` column and a GIN index for full-text search.

use postgres::{Client, NoTls};
use storyline_core::Article;

use crate::{Added, Hit, Result, SearchQuery, Store};

const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE IF NOT EXISTS articles (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    outlet TEXT NOT NULL,
    title TEXT,
    published DATE,
    dateline TEXT,
    language TEXT,
    text TEXT NOT NULL,
    extra TEXT NOT NULL,
    added_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', text), 'B')) STORED
);
CREATE INDEX IF NOT EXISTS articles_search ON articles USING GIN (search);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles (outlet);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
CREATE TABLE IF NOT EXISTS derived (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
"#];

/// The PostgreSQL store.
pub struct PostgresStore {
    client: Option<Client>,
}

impl Drop for PostgresStore {
    fn drop(&mut self) {
        // The synchronous client owns a small runtime, which must not be dropped inside an
        // async context (the server's): close the connection on a plain thread instead.
        if let Some(client) = self.client.take() {
            let _ = std::thread::spawn(move || drop(client)).join();
        }
    }
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore").finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Connects and migrates (`schema_migrations` records the applied steps).
    pub fn connect(url: &str) -> Result<Self> {
        let mut client = Client::connect(url, NoTls)?;
        client.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INT PRIMARY KEY)",
        )?;
        for (i, m) in MIGRATIONS.iter().enumerate() {
            let version = (i + 1) as i32;
            let mut tx = client.transaction()?;
            tx.batch_execute("LOCK TABLE schema_migrations IN EXCLUSIVE MODE")?;
            let done = tx
                .query_opt(
                    "SELECT 1 FROM schema_migrations WHERE version = $1",
                    &[&version],
                )?
                .is_some();
            if !done {
                tx.batch_execute(m)?;
                tx.execute(
                    "INSERT INTO schema_migrations (version) VALUES ($1)",
                    &[&version],
                )?;
            }
            tx.commit()?;
        }
        Ok(PostgresStore {
            client: Some(client),
        })
    }

    fn client(&mut self) -> &mut Client {
        // Only `drop` takes the client out.
        self.client
            .as_mut()
            .expect("PostgreSQL client present until drop")
    }

    /// Deletes every article and derived view (used by tests on a scratch database).
    pub fn truncate(&mut self) -> Result<()> {
        self.client().batch_execute("TRUNCATE articles, derived")?;
        Ok(())
    }
}

/// Adds one article inside an open transaction that holds the table lock (duplicate check,
/// id collision, insert).
fn insert(tx: &mut postgres::Transaction<'_>, a: &Article) -> Result<Added> {
    let hash = crate::content_hash(&a.text);
    let existing = tx.query_opt(
        "SELECT id FROM articles WHERE content_hash = $1 OR ($2::text IS NOT NULL AND url = $2) LIMIT 1",
        &[&hash, &a.url],
    )?;
    if let Some(row) = existing {
        return Ok(Added::Duplicate(row.get(0)));
    }
    let mut id = a.id.clone();
    if tx
        .query_opt("SELECT 1 FROM articles WHERE id = $1", &[&id])?
        .is_some()
    {
        id = format!("{}~{}", a.id, &hash[..8]);
    }
    tx.execute(
        "INSERT INTO articles (id, url, content_hash, outlet, title, published, dateline, language, text, extra)
         VALUES ($1, $2, $3, $4, $5, CAST($6::text AS date), $7, $8, $9, $10)",
        &[
            &id,
            &a.url,
            &hash,
            &a.outlet,
            &a.title,
            &a.date().map(|d| d.to_string()),
            &a.dateline,
            &a.language,
            &a.text,
            &crate::article_extra(a),
        ],
    )?;
    Ok(Added::New(id))
}

impl Store for PostgresStore {
    fn add_article(&mut self, a: &Article) -> Result<Added> {
        let mut tx = self.client().transaction()?;
        tx.batch_execute("LOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE")?;
        let added = insert(&mut tx, a)?;
        tx.commit()?;
        Ok(added)
    }

    fn add_articles(&mut self, articles: &[Article]) -> Result<Vec<Added>> {
        let mut tx = self.client().transaction()?;
        tx.batch_execute("LOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE")?;
        let added = articles
            .iter()
            .map(|a| insert(&mut tx, a))
            .collect::<Result<Vec<_>>>()?;
        tx.commit()?;
        Ok(added)
    }

    fn articles(&mut self) -> Result<Vec<Article>> {
        let rows = self.client().query(
            "SELECT id, url, outlet, title, dateline, language, text, extra FROM articles ORDER BY seq",
            &[],
        )?;
        rows.into_iter()
            .map(|r| {
                crate::article_from_row(
                    r.get(0),
                    r.get(1),
                    r.get(2),
                    r.get(3),
                    r.get(4),
                    r.get(5),
                    r.get(6),
                    r.get::<_, String>(7).as_str(),
                )
            })
            .collect()
    }

    fn count(&mut self) -> Result<usize> {
        let n: i64 = self
            .client()
            .query_one("SELECT count(*) FROM articles", &[])?
            .get(0);
        Ok(n as usize)
    }

    fn search(&mut self, q: &SearchQuery) -> Result<Vec<Hit>> {
        let words: Vec<String> = q
            .text
            .split_whitespace()
            .map(|w| {
                w.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
            })
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let query = words.join(" ");
        let from = q.from.map(|d| d.to_string());
        let to = q.to.map(|d| d.to_string());
        let limit = q.limit.clamp(1, 1000) as i64;
        let rows = self.client().query(
            "SELECT id, outlet, title, published::text, text FROM articles
             WHERE search @@ plainto_tsquery('english', $1)
               AND ($2::text IS NULL OR outlet = $2)
               AND ($3::text IS NULL OR published >= $3::date)
               AND ($4::text IS NULL OR published <= $4::date)
             ORDER BY ts_rank(search, plainto_tsquery('english', $1)) DESC, seq
             LIMIT $5",
            &[&query, &q.outlet, &from, &to, &limit],
        )?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let text: String = r.get(4);
                Hit {
                    id: r.get(0),
                    outlet: r.get(1),
                    title: r.get(2),
                    published: r.get::<_, Option<String>>(3).and_then(|p| p.parse().ok()),
                    snippet: crate::snippet(&text, &q.text),
                }
            })
            .collect())
    }

    fn put_derived(&mut self, key: &str, value: &str) -> Result<()> {
        self.client().execute(
            "INSERT INTO derived (key, value) VALUES ($1, $2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()",
            &[&key, &value],
        )?;
        Ok(())
    }

    fn derived(&mut self, key: &str) -> Result<Option<String>> {
        Ok(self
            .client()
            .query_opt("SELECT value FROM derived WHERE key = $1", &[&key])?
            .map(|r| r.get(0)))
    }

    fn clear_derived(&mut self) -> Result<()> {
        self.client().execute("DELETE FROM derived", &[])?;
        Ok(())
    }
}
