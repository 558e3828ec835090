//! The web UI: server-rendered pages, self-contained (no CDN), all text escaped.

use std::fmt::Write;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use storyline_render::{escape_html as esc, story_page};

use crate::AppState;
use crate::api::{SearchParams, parse_search};

const STYLE: &str = "body{margin:0;font:16px/1.5 Georgia,serif;color:#1d2329;background:#fbfbfa}\
header{background:#14202b;color:#fff;padding:14px 28px;font-family:system-ui,sans-serif}\
header a{color:#fff;text-decoration:none}header h1{margin:0;font-size:20px}\
main{max-width:1040px;margin:0 auto;padding:20px 28px}\
form{margin:0 0 20px;font-family:system-ui,sans-serif}input{font-size:15px;padding:5px 8px}\
.story{background:#fff;border:1px solid #d8dee4;border-radius:8px;padding:14px 18px;margin-bottom:12px}\
.story a{font-size:20px;color:#14202b;text-decoration:none}.story a:hover{text-decoration:underline}\
.meta{color:#5f6b76;font:13px system-ui,sans-serif}\
.chip{display:inline-block;font:12px/1.6 system-ui,sans-serif;background:#eef3fb;color:#174ea6;border:1px solid #cfdcf3;border-radius:10px;padding:0 8px;margin:2px 3px 0 0}\
.hit{margin-bottom:14px}.hit .t{font-weight:600}";

fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'self'\">\
<title>{}</title><style>{STYLE}</style></head><body><header><h1><a href=\"/\">Storyline</a></h1></header><main>{body}</main></body></html>",
        esc(title)
    ))
}

fn search_form(q: &str) -> String {
    format!(
        "<form action=\"/search\" method=\"get\"><input type=\"search\" name=\"q\" value=\"{}\" placeholder=\"Search articles\" size=\"40\"> <input type=\"submit\" value=\"Search\"></form>",
        esc(q)
    )
}

/// `/`: the story list, with outlets and last update.
pub async fn index(State(st): State<Arc<AppState>>) -> Response {
    let st2 = st.clone();
    let Ok(b) = tokio::task::spawn_blocking(move || st2.briefing()).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "briefing failed").into_response();
    };
    let mut body = search_form("");
    if b.stories.is_empty() {
        body.push_str("<p>No stories yet: post articles to <code>/api/articles</code>.</p>");
    }
    let mut stories: Vec<_> = b.stories.iter().collect();
    stories.sort_by(|x, y| {
        y.last_published
            .cmp(&x.last_published)
            .then(x.id.cmp(&y.id))
    });
    for s in stories {
        let last = s
            .last_published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "date unknown".into());
        let outlets: String = s
            .outlets
            .iter()
            .map(|o| format!("<span class=\"chip\">{}</span>", esc(o)))
            .collect();
        let _ = write!(
            body,
            "<div class=\"story\"><a class=\"story-link\" href=\"/stories/{}\">{}</a><div class=\"meta\">{} articles · last update {}</div><div>{outlets}</div></div>",
            s.id,
            esc(&s.title),
            s.articles.len(),
            esc(&last)
        );
    }
    page("Storyline: stories", &body).into_response()
}

/// `/stories/{id}`: the story page (the same page as `brief --format html`).
pub async fn story(State(st): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    let st2 = st.clone();
    let Ok(b) = tokio::task::spawn_blocking(move || st2.briefing()).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "briefing failed").into_response();
    };
    match id
        .parse::<usize>()
        .ok()
        .and_then(|id| b.stories.iter().find(|s| s.id == id))
    {
        Some(s) => Html(story_page(&b, s)).into_response(),
        None => (
            StatusCode::NOT_FOUND,
            page("Not found", "<p>No such story.</p>"),
        )
            .into_response(),
    }
}

/// `/search?q=`: article search results.
pub async fn search_page(
    State(st): State<Arc<AppState>>,
    Query(p): Query<SearchParams>,
) -> Response {
    let q = match parse_search(&p) {
        Ok(q) => q,
        Err(e) => {
            return (
                StatusCode::BAD_REQUEST,
                page("Search", &format!("<p>{}</p>", esc(&e))),
            )
                .into_response();
        }
    };
    let mut body = search_form(&q.text);
    if !q.text.trim().is_empty() {
        let st2 = st.clone();
        let q2 = q.clone();
        let hits = tokio::task::spawn_blocking(move || {
            st2.store
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .search(&q2)
        })
        .await
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
        let _ = write!(body, "<p class=\"meta\">{} result(s)</p>", hits.len());
        for h in hits {
            let _ = write!(
                body,
                "<div class=\"hit\"><div class=\"t\">{}</div><div class=\"meta\">{} · {}</div><div>{}</div></div>",
                esc(h.title.as_deref().unwrap_or(&h.id)),
                esc(&h.outlet),
                h.published.map(|d| d.to_string()).unwrap_or_default(),
                esc(&h.snippet)
            );
        }
    }
    page("Storyline: search", &body).into_response()
}
