//! The comparison on real and demo articles: the Aleppo seeds (`/work/shared/seeds`, read
//! with a tiny reader; each article its own outlet) and the demo corpus in `examples/demo`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use storyline_compare::{Comparison, compare};
use storyline_core::{Article, Corpus, DateSource, DisagreementKind, Published, Story};
use storyline_syndication::SentenceSources;

fn corpus(articles: Vec<Article>) -> Corpus {
    let mut c = Corpus::default();
    for (i, a) in articles.into_iter().enumerate() {
        c.sentences.push(storyline_text::sentences(i, &a));
        c.articles.push(a);
    }
    c
}

fn run(c: &Corpus) -> Comparison {
    let story = Story {
        id: 0,
        articles: (0..c.articles.len()).collect(),
        events: Vec::new(),
    };
    compare(c, &story, &SentenceSources::build(c))
}

fn article(id: &str, outlet: &str, date: Option<&str>, text: &str) -> Article {
    let mut a = Article::new(id, text);
    a.outlet = outlet.to_string();
    a.published = date
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(|date| Published {
            date,
            source: DateSource::Header,
            confidence: 1.0,
        });
    a
}

/// Plain text: optional leading ` date YYYY-MM-DD`, then the body.
fn read_txt(path: &Path, outlet: &str) -> Option<Article> {
    let raw = std::fs::read_to_string(path).ok()?;
    let mut date = None;
    let mut body = raw.as_str();
    if let Some(rest) = raw.strip_prefix(" date ") {
        date = rest.get(..10).map(str::to_string);
        body = rest.get(10..).unwrap_or("");
    }
    let id = path.file_stem()?.to_string_lossy().to_string();
    Some(article(&id, outlet, date.as_deref(), body.trim()))
}

fn seeds() -> Option<Vec<Article>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let arts: Vec<Article> = files
        .iter()
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().to_string();
            read_txt(p, &format!("outlet-{}", &name[..3]))
        })
        .collect();
    (arts.len() == 5).then_some(arts)
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&").trim().to_string()
}

fn paragraphs(html: &str) -> String {
    html.split("<p>")
        .skip(1)
        .filter_map(|p| p.split("</p>").next())
        .map(strip_tags)
        .filter(|p| !p.is_empty() && !p.starts_with("READ MORE"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The demo corpus, read with a tiny reader per format.
fn demo() -> Vec<Article> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/demo");
    let mut out = Vec::new();
    for (file, outlet) in [
        ("northwind-2025-04-14-dam.txt", "Northwind Wire"),
        ("rrn-2025-04-16-dam-inquiry.txt", "Riverside Radio News"),
    ] {
        if let Some(mut a) = read_txt(&dir.join(file), outlet) {
            // drop the headline line and the dateline
            let body: Vec<&str> = a.text.lines().skip(1).collect();
            let body = body.join("\n");
            let body = body
                .split_once(") - ")
                .map(|(_, b)| b.to_string())
                .unwrap_or(body);
            a.text = body.trim().to_string();
            out.push(a);
        }
    }
    if let Ok(jsonl) = std::fs::read_to_string(dir.join("capital-daily.jsonl")) {
        for line in jsonl.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let get = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            if get("id").contains("tram") {
                continue;
            }
            out.push(article(
                &get("id"),
                &get("outlet"),
                Some(&get("published")),
                &get("text"),
            ));
        }
    }
    if let Ok(rss) = std::fs::read_to_string(dir.join("feeds/valley-courier.rss")) {
        for (i, item) in rss.split("<item>").skip(1).enumerate() {
            let date = if item.contains("14 Apr 2025") {
                "2025-04-14"
            } else {
                "2025-04-15"
            };
            out.push(article(
                &format!("vc-{i}"),
                "Valley Courier",
                Some(date),
                &paragraphs(item),
            ));
        }
    }
    if let Ok(html) = std::fs::read_to_string(dir.join("harbor-ledger-dam-rescue.html")) {
        let body = html.split("<figure").next().unwrap_or("").to_string()
            + html.split("</figure>").nth(1).unwrap_or("");
        out.push(article(
            "hl-dam",
            "Harbor Ledger",
            Some("2025-04-15"),
            &paragraphs(&body),
        ));
    }
    out
}

fn show(c: &Comparison) -> String {
    let mut s = String::new();
    for q in &c.quotes {
        s += &format!(
            "Q [{}] {} ({}) {:?}\n",
            q.speaker,
            q.text,
            q.sources.len(),
            q.variants.iter().map(|v| &v.text).collect::<Vec<_>>()
        );
    }
    for d in &c.disagreements {
        s += &format!(
            "D {:?} {}: {:?}\n",
            d.kind,
            d.topic,
            d.positions
                .iter()
                .map(|p| (
                    &p.claim,
                    p.asserted_by.as_deref(),
                    p.sources
                        .iter()
                        .map(|s| s.article.as_str())
                        .collect::<Vec<_>>()
                ))
                .collect::<Vec<_>>()
        );
    }
    for e in &c.entities {
        s += &format!("E {} {} {:?} {}\n", e.kind, e.name, e.variants, e.mentions);
    }
    for cov in &c.coverage {
        s += &format!(
            "C {} {} {:?}\n",
            cov.outlet,
            cov.articles,
            cov.unique.iter().map(|u| &u.text).collect::<Vec<_>>()
        );
    }
    s
}

#[test]
fn seeds_comparison() {
    let Some(arts) = seeds() else {
        eprintln!("skipping: /work/shared/seeds not found next to the workspace");
        return;
    };
    let c = corpus(arts);
    let cmp = run(&c);
    let dump = show(&cmp);
    eprintln!("{dump}");
    // 70% / more than 70% / over two thirds: a compatible difference, asserted by the Observatory
    let share = cmp
        .disagreements
        .iter()
        .find(|d| d.topic == "territory held by the government")
        .expect("share of east Aleppo");
    assert_eq!(share.kind, DisagreementKind::Compatible);
    let claims: Vec<&str> = share.positions.iter().map(|p| p.claim.as_str()).collect();
    for c in ["70%", "more than 70%", "more than 66.7%"] {
        assert!(claims.contains(&c), "{claims:?}");
    }
    assert!(
        share
            .positions
            .iter()
            .any(|p| p.asserted_by.as_deref() == Some("Syrian Observatory for Human Rights"))
    );
    // 341 killed including 44 children: the same figure in both wire copies, no disagreement
    for d in &cmp.disagreements {
        for p in &d.positions {
            assert!(
                !p.claim.contains("341") && !p.claim.contains("44 children"),
                "{d:?}"
            );
        }
    }
    // SANA says captured, the Observatory's director says not fallen
    let cap = cmp
        .disagreements
        .iter()
        .find(|d| d.topic == "whether captured")
        .expect("SANA vs Observatory");
    assert_eq!(cap.kind, DisagreementKind::Contradiction);
    let by = |claim: &str| -> Vec<String> {
        cap.positions
            .iter()
            .filter(|p| p.claim == claim)
            .filter_map(|p| p.asserted_by.clone())
            .collect()
    };
    assert!(by("captured").contains(&"SANA".to_string()), "{cap:?}");
    assert!(
        by("not captured").iter().any(|s| s.contains("Abdel")),
        "{cap:?}"
    );
    // Lavrov's quote in two wordings, and Sergei / Sergey merged
    let lavrov = cmp
        .quotes
        .iter()
        .find(|q| q.speaker == "Sergei Lavrov" && q.text.starts_with("It looks like an attempt"))
        .expect("Lavrov quote");
    assert_eq!(lavrov.sources.len(), 2);
    assert!(
        lavrov
            .variants
            .iter()
            .any(|v| v.text.contains("square one")),
        "{lavrov:?}"
    );
    let e = cmp
        .entities
        .iter()
        .find(|e| e.name == "Sergei Lavrov")
        .expect("Lavrov entity");
    assert!(e.variants.contains(&"Sergey Lavrov".to_string()));
    assert_eq!(e.kind, "person");
    assert!(
        cmp.disagreements
            .iter()
            .any(|d| d.kind == DisagreementKind::Variant && d.topic.contains("Lavrov"))
    );
    // the German chancellor's words are Merkel's
    assert!(
        cmp.quotes
            .iter()
            .any(|q| q.speaker == "Angela Merkel" && q.text.starts_with("It is a disgrace that"))
    );
}

#[test]
fn demo_comparison() {
    let arts = demo();
    assert_eq!(arts.len(), 7, "the seven dam articles of the demo corpus");
    let c = corpus(arts);
    let cmp = run(&c);
    let dump = show(&cmp);
    eprintln!("{dump}");
    let find = |topic: &str| cmp.disagreements.iter().find(|d| d.topic == topic);
    // the toll grows from two to three to five: an update
    let deaths = find("deaths").expect("death toll");
    assert_eq!(deaths.kind, DisagreementKind::Update);
    let claims: Vec<&str> = deaths.positions.iter().map(|p| p.claim.as_str()).collect();
    assert_eq!(claims.first(), Some(&"2 people"), "{claims:?}");
    assert_eq!(claims.last(), Some(&"5 people"), "{claims:?}");
    // evacuated: about 1,200, more than 1,000, about 1,500
    let evac = find("evacuated").expect("evacuations");
    let claims: Vec<&str> = evac.positions.iter().map(|p| p.claim.as_str()).collect();
    assert_eq!(
        claims,
        vec![
            "about 1,200 people",
            "more than 1,000 people",
            "about 1,500 people"
        ]
    );
    assert_eq!(evac.positions[0].sources.len(), 3);
    // inspected last month vs not since 2021
    let insp = find("whether inspected").expect("inspection contradiction");
    assert_eq!(insp.kind, DisagreementKind::Contradiction);
    assert!(insp.positions.iter().any(|p| p.claim == "inspected"
        && p.asserted_by.as_deref() == Some("Kessel Valley Water Authority")));
    assert!(
        insp.positions
            .iter()
            .any(|p| p.claim == "not inspected" && p.asserted_by.as_deref() == Some("Aino Rask"))
    );
    // the mayor and the fire chief under one name each, with both spellings
    for (name, other) in [
        ("Katarina Holm", "Katharina Holm"),
        ("Dmitri Vasko", "Dmitry Vasko"),
    ] {
        let e = cmp.entities.iter().find(|e| e.name == name).expect(name);
        assert!(e.variants.contains(&other.to_string()), "{e:?}");
    }
    // the same statement in different words, from three outlets
    let q = cmp
        .quotes
        .iter()
        .find(|q| {
            q.text
                .starts_with("We have never seen water rise this fast")
        })
        .expect("never seen");
    assert_eq!(q.speaker, "Katarina Holm");
    assert_eq!(
        q.sources.len() + q.variants.iter().map(|v| v.sources.len()).sum::<usize>(),
        3
    );
    assert!(!q.variants.is_empty());
    // coverage: every outlet, with something only it reports
    assert_eq!(cmp.coverage.len(), 5);
    let rrn = cmp
        .coverage
        .iter()
        .find(|c| c.outlet == "Riverside Radio News")
        .expect("RRN");
    assert!(
        rrn.unique
            .iter()
            .any(|u| u.text.contains("reopen next Monday")),
        "{rrn:?}"
    );
}
