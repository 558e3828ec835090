//! The server as a process on loopback: concurrent ingestion loses nothing (load test), and
//! every acknowledged article survives a kill in the middle of ingestion (restart test).
//! Both are bounded in request count and time; they print throughput and latency figures
//! (recorded in docs/BENCHMARKS.md) but assert nothing about speed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(db: &str) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_storyline"))
            .args(["serve", "--database", db, "--listen", "127.0.0.1:0"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start storyline serve");
        let stderr = child.stderr.take().unwrap();
        let mut lines = BufReader::new(stderr).lines();
        let deadline = Instant::now() + Duration::from_secs(60);
        let addr = loop {
            assert!(Instant::now() < deadline, "server did not start");
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(a) = line.strip_prefix("listening on http://") {
                        break a.trim().to_string();
                    }
                }
                _ => panic!("server exited before listening"),
            }
        };
        // Keep draining stderr so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, addr }
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// One HTTP/1.1 request; returns (status, body).
fn http(
    addr: &str,
    method: &str,
    path: &str,
    ctype: &str,
    body: &str,
) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut resp = String::new();
    s.read_to_string(&mut resp)?;
    let status = resp
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = resp
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Ok((status, body))
}

fn article(client: usize, n: usize) -> String {
    serde_json::json!({
        "id": format!("c{client}-a{n}"),
        "outlet": format!("Outlet {}", client % 3),
        "published": "2025-04-15",
        "text": format!("Report {n} from client {client}: rescue crews in Marrow Falls checked {} houses on Tuesday after the Kessel River dam failure, the regional emergency office said.", n * 7 + client),
    })
    .to_string()
}

/// Posts articles from several clients until `stop` or `per_client` is reached; returns the
/// ids acknowledged with 201.
fn ingest(
    addr: &str,
    clients: usize,
    per_client: usize,
    stop_after: Option<Duration>,
) -> (Vec<String>, Duration) {
    let acked = Arc::new(Mutex::new(Vec::new()));
    let start = Instant::now();
    let handles: Vec<_> = (0..clients)
        .map(|c| {
            let addr = addr.to_string();
            let acked = acked.clone();
            std::thread::spawn(move || {
                for n in 0..per_client {
                    if stop_after.is_some_and(|d| start.elapsed() > d) {
                        return;
                    }
                    match http(
                        &addr,
                        "POST",
                        "/api/articles",
                        "application/json",
                        &article(c, n),
                    ) {
                        Ok((201, _)) => acked.lock().unwrap().push(format!("c{c}-a{n}")),
                        // No status line: the server was killed while answering.
                        Ok((0, _)) | Err(_) => return,
                        Ok((status, body)) => panic!("unexpected {status}: {body}"),
                    }
                }
            })
        })
        .collect();
    for h in handles {
        let _ = h.join();
    }
    let ids = acked.lock().unwrap().clone();
    (ids, start.elapsed())
}

#[test]
fn load_test_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("load.db").display());
    let server = Server::start(&db);
    let (clients, per_client) = (4, 50);
    let (acked, took) = ingest(&server.addr, clients, per_client, None);
    assert_eq!(acked.len(), clients * per_client);
    let (status, body) = http(&server.addr, "GET", "/healthz", "text/plain", "").unwrap();
    assert_eq!(status, 200);
    let health: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        health["articles"].as_u64(),
        Some((clients * per_client) as u64)
    );
    // Latency of the story briefing endpoint.
    let (_, body) = http(&server.addr, "GET", "/api/stories", "text/plain", "").unwrap();
    let stories: serde_json::Value = serde_json::from_str(&body).unwrap();
    let id = stories["stories"][0]["id"].as_u64().expect("a story");
    let mut lat: Vec<Duration> = (0..200)
        .map(|_| {
            let t = Instant::now();
            let (status, _) = http(
                &server.addr,
                "GET",
                &format!("/api/stories/{id}"),
                "text/plain",
                "",
            )
            .unwrap();
            assert_eq!(status, 200);
            t.elapsed()
        })
        .collect();
    lat.sort();
    eprintln!(
        "load: {} articles from {clients} clients in {:.2?} ({:.0} articles/s); GET /api/stories/{{id}} p50 {:.2?} p99 {:.2?}",
        acked.len(),
        took,
        acked.len() as f64 / took.as_secs_f64(),
        lat[lat.len() / 2],
        lat[lat.len() * 99 / 100]
    );
}

#[test]
fn restart_keeps_every_acknowledged_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("restart.db");
    let db = format!("sqlite://{}", path.display());
    let mut server = Server::start(&db);
    let addr = server.addr.clone();
    let ingesting =
        std::thread::spawn(move || ingest(&addr, 3, 400, Some(Duration::from_secs(20))).0);
    std::thread::sleep(Duration::from_millis(700));
    server.kill(); // SIGKILL in the middle of ingestion
    let acked = ingesting.join().unwrap();
    assert!(
        !acked.is_empty(),
        "nothing was acknowledged before the kill"
    );
    let server = Server::start(&db);
    let (status, body) = http(&server.addr, "GET", "/healthz", "text/plain", "").unwrap();
    assert_eq!(status, 200, "{body}");
    drop(server);
    let mut store = storyline_store::open(&db).unwrap();
    let stored: std::collections::HashSet<String> = store
        .articles()
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    let missing: Vec<&String> = acked.iter().filter(|id| !stored.contains(*id)).collect();
    assert!(
        missing.is_empty(),
        "{} acknowledged article(s) lost: {missing:?}",
        missing.len()
    );
    eprintln!(
        "restart: {} acknowledged before the kill, all {} present after restart",
        acked.len(),
        acked.len()
    );
}
