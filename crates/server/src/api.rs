//! Routes: the JSON API and the web UI.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;
use storyline_core::{Article, Diagnostic, UNKNOWN_OUTLET};
use storyline_store::SearchQuery;

use crate::AppState;

/// The OpenAPI document of the API.
pub const OPENAPI: &str = include_str!("openapi.json");

/// The router of the service.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/api/articles", post(post_articles))
        .route("/api/stories", get(list_stories))
        .route("/api/stories/{id}", get(get_story))
        .route("/api/search", get(search))
        .route("/api/openapi.json", get(openapi))
        .route("/", get(crate::pages::index))
        .route("/stories/{id}", get(crate::pages::story))
        .route("/search", get(crate::pages::search_page))
        .fallback(not_found)
        .with_state(state)
}

/// A JSON error response.
pub(crate) fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({ "error": message.into() }))).into_response()
}

async fn not_found(req: Request) -> Response {
    error(
        StatusCode::NOT_FOUND,
        format!("no such resource: {}", req.uri().path()),
    )
}

async fn healthz(State(st): State<Arc<AppState>>) -> Response {
    let st2 = st.clone();
    let count = tokio::task::spawn_blocking(move || {
        st2.store.lock().unwrap_or_else(|p| p.into_inner()).count()
    })
    .await;
    match count {
        Ok(Ok(n)) => {
            Json(json!({ "status": "ok", "articles": n, "briefing_current": st.is_current() }))
                .into_response()
        }
        Ok(Err(e)) => error(
            StatusCode::SERVICE_UNAVAILABLE,
            format!("store unavailable: {e}"),
        ),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

#[derive(Deserialize)]
struct PostParams {
    /// URL of a posted HTML page.
    url: Option<String>,
}

fn authorized(st: &AppState, headers: &HeaderMap) -> bool {
    match st.token.as_deref() {
        None | Some("") => true,
        Some(token) => headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|given| constant_time_eq(given.as_bytes(), token.as_bytes())),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn post_articles(
    State(st): State<Arc<AppState>>,
    Query(params): Query<PostParams>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if !authorized(&st, &headers) {
        return error(
            StatusCode::UNAUTHORIZED,
            "write requests need 'Authorization: Bearer <token>'",
        );
    }
    let bytes: Bytes = match axum::body::to_bytes(body, st.max_body).await {
        Ok(b) => b,
        Err(_) => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("request body is larger than {} bytes", st.max_body),
            );
        }
    };
    if bytes.is_empty() {
        return error(StatusCode::BAD_REQUEST, "empty request body");
    }
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let name = match ctype.as_str() {
        "application/json" => "request.json",
        "application/x-ndjson" | "application/jsonl" | "application/jsonlines" => "request.jsonl",
        "text/html" | "application/xhtml+xml" => "request.html",
        "application/rss+xml" | "application/atom+xml" | "application/xml" | "text/xml" => {
            "request.xml"
        }
        other => {
            return error(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!(
                    "unsupported content type {other:?}: use application/json, application/x-ndjson, text/html or application/rss+xml"
                ),
            );
        }
    };
    let st2 = st.clone();
    let page_url = params.url.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        let (articles, problems) = read_body(name, &bytes, page_url.as_deref());
        st2.add_articles(articles, problems)
    })
    .await;
    match outcome {
        Ok(o) if o.added.is_empty() && o.duplicates.is_empty() => (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": "no article could be read from the request", "problems": o.problems })),
        )
            .into_response(),
        Ok(o) => {
            let status = if o.added.is_empty() { StatusCode::OK } else { StatusCode::CREATED };
            (status, Json(o)).into_response()
        }
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

/// Reads a request body with the ingest readers. A JSON body may be one article object or an
/// array of them (the JSON Lines schema).
fn read_body(name: &str, bytes: &[u8], page_url: Option<&str>) -> (Vec<Article>, Vec<Diagnostic>) {
    let mut articles = Vec::new();
    let mut report = storyline_ingest::IngestReport::default();
    if name == "request.json" {
        let lines = match serde_json::from_slice::<serde_json::Value>(bytes) {
            Ok(serde_json::Value::Array(items)) => {
                items.iter().map(|v| v.to_string()).collect::<Vec<_>>()
            }
            Ok(v @ serde_json::Value::Object(_)) => vec![v.to_string()],
            Ok(_) => {
                return (
                    Vec::new(),
                    vec![Diagnostic::skipped(
                        "request",
                        "JSON body must be an article object or an array of them",
                    )],
                );
            }
            Err(e) => {
                return (
                    Vec::new(),
                    vec![Diagnostic::skipped("request", format!("invalid JSON: {e}"))],
                );
            }
        };
        storyline_ingest::read_bytes(
            "request.jsonl",
            lines.join("\n").as_bytes(),
            &mut report,
            &mut |a| articles.push(a),
        );
    } else {
        storyline_ingest::read_bytes(name, bytes, &mut report, &mut |a| articles.push(a));
    }
    if let Some(url) = page_url {
        for a in &mut articles {
            if a.url.is_none() {
                a.url = Some(url.to_string());
            }
            if a.outlet == UNKNOWN_OUTLET
                && let Some(host) = host_of(url)
            {
                a.outlet = host;
            }
        }
    }
    (articles, report.diagnostics)
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

async fn current_briefing(st: &Arc<AppState>) -> Result<Arc<storyline_core::Briefing>, Response> {
    let st = st.clone();
    tokio::task::spawn_blocking(move || st.briefing())
        .await
        .map_err(|e| error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
}

async fn list_stories(State(st): State<Arc<AppState>>) -> Response {
    let b = match current_briefing(&st).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let stories: Vec<_> = b
        .stories
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "title": s.title,
                "articles": s.articles.len(),
                "outlets": s.outlets,
                "first_published": s.first_published,
                "last_update": s.last_published,
            })
        })
        .collect();
    Json(json!({ "stories": stories, "current": st.is_current() })).into_response()
}

async fn get_story(State(st): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<usize>() else {
        return error(
            StatusCode::BAD_REQUEST,
            format!("story id must be a number, not {id:?}"),
        );
    };
    let b = match current_briefing(&st).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    match b.stories.iter().find(|s| s.id == id) {
        Some(story) => {
            let articles: Vec<_> = b
                .articles
                .iter()
                .filter(|a| story.articles.contains(&a.id))
                .collect();
            let syndication: Vec<_> = b
                .syndication
                .iter()
                .filter(|g| g.articles.iter().any(|a| story.articles.contains(a)))
                .collect();
            Json(json!({
                "schema_version": b.schema_version,
                "story": story,
                "articles": articles,
                "syndication": syndication,
            }))
            .into_response()
        }
        None => error(StatusCode::NOT_FOUND, format!("no story {id}")),
    }
}

#[derive(Deserialize)]
pub(crate) struct SearchParams {
    pub(crate) q: Option<String>,
    pub(crate) outlet: Option<String>,
    pub(crate) from: Option<String>,
    pub(crate) to: Option<String>,
    pub(crate) limit: Option<usize>,
}

pub(crate) fn parse_search(p: &SearchParams) -> Result<SearchQuery, String> {
    let date = |s: &Option<String>, name: &str| -> Result<Option<chrono::NaiveDate>, String> {
        match s.as_deref().filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| format!("{name} must be a date YYYY-MM-DD, not {v:?}")),
        }
    };
    Ok(SearchQuery {
        text: p.q.clone().unwrap_or_default(),
        outlet: p.outlet.clone().filter(|s| !s.is_empty()),
        from: date(&p.from, "from")?,
        to: date(&p.to, "to")?,
        limit: p.limit.unwrap_or(20).clamp(1, 200),
    })
}

async fn search(State(st): State<Arc<AppState>>, Query(p): Query<SearchParams>) -> Response {
    let q = match parse_search(&p) {
        Ok(q) if !q.text.trim().is_empty() => q,
        Ok(_) => {
            return error(
                StatusCode::BAD_REQUEST,
                "missing query: /api/search?q=WORDS",
            );
        }
        Err(e) => return error(StatusCode::BAD_REQUEST, e),
    };
    let st2 = st.clone();
    let hits = tokio::task::spawn_blocking(move || {
        st2.store
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .search(&q)
    })
    .await;
    let hits = match hits {
        Ok(Ok(h)) => h,
        Ok(Err(e)) => {
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("search failed: {e}"),
            );
        }
        Err(e) => return error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    };
    // Stories that hold each hit, from the current briefing.
    let b = st.briefing.read().ok().and_then(|b| b.clone());
    let results: Vec<_> = hits
        .iter()
        .map(|h| {
            let stories: Vec<usize> = b
                .as_ref()
                .map(|b| {
                    b.stories
                        .iter()
                        .filter(|s| s.articles.contains(&h.id))
                        .map(|s| s.id)
                        .collect()
                })
                .unwrap_or_default();
            json!({ "article": h, "stories": stories })
        })
        .collect();
    Json(json!({ "results": results })).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://www.Example.org/a/b?c").as_deref(),
            Some("example.org")
        );
        assert_eq!(
            host_of("http://user@x.example:8080/").as_deref(),
            Some("x.example")
        );
        assert_eq!(host_of("not a url"), None);
    }
}
