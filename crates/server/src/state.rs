//! Shared state: the store, the current briefing, and the background rebuilder.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use serde::Serialize;
use storyline_core::{Article, Briefing, Diagnostic};
use storyline_store::{Added, Store};

/// Key of the stored briefing in the derived views.
const BRIEFING_KEY: &str = "briefing";

/// What an ingest request did.
#[derive(Debug, Default, Serialize)]
pub struct IngestOutcome {
    /// Ids of newly stored articles.
    pub added: Vec<String>,
    /// Ids of articles that were already stored.
    pub duplicates: Vec<String>,
    /// Problems with the input, naming where.
    pub problems: Vec<Diagnostic>,
}

/// State shared by the handlers.
pub struct AppState {
    pub(crate) store: Mutex<Box<dyn Store>>,
    pub(crate) briefing: RwLock<Option<Arc<Briefing>>>,
    /// Bumped on every change to the stored articles.
    changes: AtomicU64,
    /// The change count the current briefing covers.
    built: AtomicU64,
    wake: tokio::sync::Notify,
    pub(crate) token: Option<String>,
    pub(crate) max_body: usize,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").finish_non_exhaustive()
    }
}

impl AppState {
    /// State over a store; loads the stored briefing when it is still current.
    pub fn new(mut store: Box<dyn Store>, token: Option<String>, max_body: usize) -> Self {
        let count = store.count().unwrap_or(0) as u64;
        let stored = store
            .derived(BRIEFING_KEY)
            .ok()
            .flatten()
            .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
            .filter(|v| v["articles"].as_u64() == Some(count))
            .and_then(|v| serde_json::from_value::<Briefing>(v["briefing"].clone()).ok());
        let current = stored.is_some();
        AppState {
            store: Mutex::new(store),
            briefing: RwLock::new(stored.map(Arc::new)),
            changes: AtomicU64::new(if current { 0 } else { 1 }),
            built: AtomicU64::new(0),
            wake: tokio::sync::Notify::new(),
            token,
            max_body,
        }
    }

    /// Stores articles; each is durable when this returns.
    pub fn add_articles(&self, articles: Vec<Article>, problems: Vec<Diagnostic>) -> IngestOutcome {
        let mut out = IngestOutcome {
            problems,
            ..Default::default()
        };
        {
            let mut store = self.store.lock().unwrap_or_else(|p| p.into_inner());
            for a in articles {
                match store.add_article(&a) {
                    Ok(Added::New(id)) => out.added.push(id),
                    Ok(Added::Duplicate(id)) => out.duplicates.push(id),
                    Err(e) => out.problems.push(Diagnostic::skipped(
                        a.origin.to_string(),
                        format!("not stored: {e}"),
                    )),
                }
            }
        }
        if !out.added.is_empty() {
            self.changes.fetch_add(1, Ordering::SeqCst);
            self.request_rebuild();
        }
        out
    }

    /// Reads in-memory files with the ingest readers and stores the articles.
    pub fn ingest_files(&self, files: &[(String, Vec<u8>)]) -> IngestOutcome {
        let mut articles = Vec::new();
        let mut report = storyline_ingest::IngestReport::default();
        for (name, bytes) in files {
            storyline_ingest::read_bytes(name, bytes, &mut report, &mut |a| articles.push(a));
        }
        self.add_articles(articles, report.diagnostics)
    }

    /// Asks the background rebuilder to bring the briefing up to date.
    pub fn request_rebuild(&self) {
        self.wake.notify_one();
    }

    /// Whether the briefing covers every stored article.
    pub fn is_current(&self) -> bool {
        self.built.load(Ordering::SeqCst) >= self.changes.load(Ordering::SeqCst)
            && self.briefing.read().map(|b| b.is_some()).unwrap_or(false)
    }

    /// The current briefing, building it now if there is none yet.
    pub fn briefing(&self) -> Arc<Briefing> {
        if let Some(b) = self.briefing.read().ok().and_then(|b| b.clone()) {
            return b;
        }
        self.rebuild()
    }

    /// Rebuilds the briefing from the stored articles and stores it.
    pub fn rebuild(&self) -> Arc<Briefing> {
        let target = self.changes.load(Ordering::SeqCst);
        let articles = {
            let mut store = self.store.lock().unwrap_or_else(|p| p.into_inner());
            store.articles().unwrap_or_else(|e| {
                tracing::error!("cannot read stored articles: {e}");
                Vec::new()
            })
        };
        let count = articles.len();
        let briefing = Arc::new(storyline_pipeline::run(
            articles,
            Vec::new(),
            &storyline_pipeline::Options::default(),
        ));
        let doc = serde_json::json!({ "articles": count, "briefing": &*briefing });
        {
            let mut store = self.store.lock().unwrap_or_else(|p| p.into_inner());
            if let Err(e) = store.put_derived(BRIEFING_KEY, &doc.to_string()) {
                tracing::warn!("cannot store the briefing: {e}");
            }
        }
        if let Ok(mut slot) = self.briefing.write() {
            *slot = Some(briefing.clone());
        }
        self.built.fetch_max(target, Ordering::SeqCst);
        tracing::info!(
            articles = count,
            stories = briefing.stories.len(),
            "briefing rebuilt"
        );
        briefing
    }

    /// Starts the background task that rebuilds the briefing after changes (debounced).
    pub fn start_rebuilder(self: Arc<Self>) {
        tokio::spawn(async move {
            loop {
                self.wake.notified().await;
                tokio::time::sleep(std::time::Duration::from_millis(150)).await;
                if self.is_current() {
                    continue;
                }
                let st = self.clone();
                if let Err(e) = tokio::task::spawn_blocking(move || st.rebuild()).await {
                    tracing::error!("briefing rebuild failed: {e}");
                }
            }
        });
    }
}
