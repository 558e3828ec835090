//! API tests through the router (no network): ingestion in every accepted format, idempotency,
//! stories, search, errors as JSON, body limits, tokens, escaping. They run against SQLite,
//! and against PostgreSQL when `STORYLINE_TEST_POSTGRES` names a scratch database.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use storyline_server::{AppState, router};
use tower::ServiceExt;

async fn call(app: &axum::Router, req: Request<Body>) -> (StatusCode, Value, String) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    (status, json, text)
}

fn post(uri: &str, ctype: &str, body: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, ctype)
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Times</title><link>https://feedtimes.example/</link>
<item><title>Tram vote</title><link>https://feedtimes.example/tram</link><pubDate>Tue, 15 Apr 2025 10:00:00 +0000</pubDate>
<description>&lt;p&gt;The city council approved the Eastgate tram line on Tuesday by 31 votes to 12.&lt;/p&gt;</description></item>
</channel></rss>"#;

const HTML: &str = r#"<!doctype html><html><head><title>Dam | Page Post</title><meta property="og:site_name" content="Page Post"></head>
<body><nav>Home | News</nav><article><h1>Dam inquiry opens</h1>
<p>The government opened an independent inquiry into the failure of the Kessel River dam on Wednesday, three days after the flood.</p>
<p>Interior Minister Jonas Berg said nobody would be protected and that every inspection record would be examined by the inquiry.</p>
<p>&lt;script&gt;alert(1)&lt;/script&gt; The mayor said the town needed help quickly.</p></article><footer>© Page Post</footer></body></html>"#;

async fn exercise(state: Arc<AppState>) {
    let app = router(state.clone());
    let (s, j, _) = call(&app, get("/healthz")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(j["status"], "ok");

    // JSON: one object, then an array.
    let one = r#"{"id":"j1","url":"https://daily.example/dam","title":"Dam bursts","published":"2025-04-14","text":"An earthen dam on the Kessel River gave way late on Sunday, forcing the evacuation of about 1,200 residents of Marrow Falls, officials said on Monday."}"#;
    let (s, j, t) = call(&app, post("/api/articles", "application/json", one)).await;
    assert_eq!(s, StatusCode::CREATED, "{t}");
    assert_eq!(j["added"][0], "j1");
    // The same article again is acknowledged as a duplicate.
    let (s, j, _) = call(
        &app,
        post("/api/articles", "application/json", &format!("[{one}]")),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(j["duplicates"][0], "j1");
    // JSON Lines with one bad line: the good line is stored, the bad one reported with its line.
    let lines = "{\"id\":\"l1\",\"text\":\"Rescue crews pulled stranded families from rooftops in the Lindqvist district of Marrow Falls.\"}\n{bad json\n";
    let (s, j, t) = call(&app, post("/api/articles", "application/x-ndjson", lines)).await;
    assert_eq!(s, StatusCode::CREATED, "{t}");
    assert_eq!(j["added"][0], "l1");
    assert!(
        j["problems"][0]["location"]
            .as_str()
            .unwrap_or("")
            .contains(":2"),
        "{t}"
    );
    // RSS and HTML.
    let (s, _, t) = call(&app, post("/api/articles", "application/rss+xml", RSS)).await;
    assert_eq!(s, StatusCode::CREATED, "{t}");
    let (s, _, t) = call(
        &app,
        post(
            "/api/articles?url=https://www.pagepost.example/dam",
            "text/html",
            HTML,
        ),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{t}");

    // Errors are JSON with a message.
    let (s, j, _) = call(&app, post("/api/articles", "application/pdf", "x")).await;
    assert_eq!(s, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        j["error"]
            .as_str()
            .unwrap()
            .contains("unsupported content type")
    );
    let (s, j, _) = call(&app, post("/api/articles", "application/json", "{not json")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(j["error"].is_string());
    let (s, j, _) = call(&app, get("/api/nothing")).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(j["error"].as_str().unwrap().contains("/api/nothing"));
    let (s, _, _) = call(&app, get("/api/stories/999")).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _, _) = call(&app, get("/api/stories/abc")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (s, _, _) = call(&app, get("/api/search?q=dam&from=yesterday")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);

    // Stories and a story briefing.
    let (s, j, t) = call(&app, get("/api/stories")).await;
    assert_eq!(s, StatusCode::OK, "{t}");
    let stories = j["stories"].as_array().unwrap();
    assert!(!stories.is_empty());
    let id = stories[0]["id"].as_u64().unwrap();
    let (s, j, t) = call(&app, get(&format!("/api/stories/{id}"))).await;
    assert_eq!(s, StatusCode::OK, "{t}");
    assert_eq!(j["schema_version"], 1);
    assert!(
        j["story"]["articles"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );

    // Search with filters.
    let (s, j, t) = call(&app, get("/api/search?q=Kessel%20dam")).await;
    assert_eq!(s, StatusCode::OK, "{t}");
    let ids: Vec<&str> = j["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["article"]["id"].as_str())
        .collect();
    assert!(ids.contains(&"j1"), "{t}");
    let (_, j, t) = call(&app, get("/api/search?q=Kessel&from=2025-04-15")).await;
    let ids: Vec<&str> = j["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["article"]["id"].as_str())
        .collect();
    assert!(!ids.contains(&"j1"), "{t}");

    // Pages: the list and a story page, article text escaped.
    let (s, _, page) = call(&app, get("/")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("/stories/"));
    for st in stories {
        let (s, _, page) = call(&app, get(&format!("/stories/{}", st["id"]))).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            !page.contains("<script>alert"),
            "unescaped article text in a page"
        );
    }
    let (s, _, _) = call(&app, get("/api/openapi.json")).await;
    assert_eq!(s, StatusCode::OK);
}

#[tokio::test]
async fn api_on_sqlite() {
    let store = storyline_store::open("sqlite::memory:").unwrap();
    exercise(Arc::new(AppState::new(store, None, 1 << 20))).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_on_postgres() {
    let Ok(url) = std::env::var("STORYLINE_TEST_POSTGRES") else {
        eprintln!("skipping PostgreSQL API test: STORYLINE_TEST_POSTGRES is not set");
        return;
    };
    // The synchronous PostgreSQL client must be used off the async threads, as the server does.
    let state = tokio::task::spawn_blocking(move || {
        let mut pg = storyline_store::PostgresStore::connect(&url).unwrap();
        pg.truncate().unwrap();
        Arc::new(AppState::new(Box::new(pg), None, 1 << 20))
    })
    .await
    .unwrap();
    exercise(state.clone()).await;
    tokio::task::spawn_blocking(move || drop(state))
        .await
        .unwrap();
}

#[tokio::test]
async fn token_and_body_limit() {
    let store = storyline_store::open("sqlite::memory:").unwrap();
    let app = router(Arc::new(AppState::new(store, Some("s3cret".into()), 1024)));
    let body = r#"{"text":"A short article about the tram line vote in the city council."}"#;
    let (s, j, _) = call(&app, post("/api/articles", "application/json", body)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert!(j["error"].is_string());
    let mut req = post("/api/articles", "application/json", body);
    req.headers_mut()
        .insert(header::AUTHORIZATION, "Bearer wrong".parse().unwrap());
    assert_eq!(call(&app, req).await.0, StatusCode::UNAUTHORIZED);
    let mut req = post("/api/articles", "application/json", body);
    req.headers_mut()
        .insert(header::AUTHORIZATION, "Bearer s3cret".parse().unwrap());
    assert_eq!(call(&app, req).await.0, StatusCode::CREATED);
    let mut req = post("/api/articles", "application/json", &"x".repeat(5000));
    req.headers_mut()
        .insert(header::AUTHORIZATION, "Bearer s3cret".parse().unwrap());
    let (s, j, _) = call(&app, req).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(j["error"].as_str().unwrap().contains("larger than 1024"));
}

#[test]
fn beyond_loopback_needs_a_token() {
    let mut config = storyline_server::Config {
        database: "sqlite::memory:".into(),
        listen: "0.0.0.0:0".parse().unwrap(),
        token: None,
        max_body: 1024,
    };
    let err = storyline_server::check_config(&config)
        .unwrap_err()
        .to_string();
    assert!(err.contains("--token"), "{err}");
    config.token = Some("t".into());
    assert!(storyline_server::check_config(&config).is_ok());
    config.listen = "127.0.0.1:0".parse().unwrap();
    config.token = None;
    assert!(storyline_server::check_config(&config).is_ok());
}
