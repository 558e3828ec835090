//! HTML reader: the main text of a news page, with its metadata.
//!
//! Main text: elements that never hold article text are dropped with everything inside them
//! (`nav`, `header`, `footer`, `aside`, `script`, `style`, `noscript`, `figure`,
//! `figcaption`, `form`, `button`, `iframe`, `svg`, comments) and so are blocks whose class or
//! id names share/social/related/newsletter/subscribe/promo/ad/comment/cookie/breadcrumb/
//! sidebar/menu content. The remaining paragraphs (`p`, `pre`, `blockquote`, and text placed
//! straight in a `div`) score their parent and grandparent (one point, plus commas, plus one
//! per 100 characters up to three, as in Readability); the best-scoring container holds the
//! article, and its paragraphs (and list items) whose text is less than half links are kept
//! in document order. Without such paragraphs, JSON-LD `articleBody` is used; a page with
//! neither is reported.
//!
//! Metadata: title from JSON-LD `headline`, `og:title`, else `<title>` (without a trailing
//! ` - Site` / ` | Site`); date from JSON-LD `datePublished`, `article:published_time`,
//! other date meta tags or a `<time datetime>` in the article; outlet from `og:site_name`,
//! JSON-LD `publisher.name`, else the URL's domain; URL from `<link rel=canonical>`,
//! `og:url`, JSON-LD `url`, else the URL the page was fetched from (WARC).

use std::collections::HashMap;
use std::sync::LazyLock;

use ego_tree::{NodeId, NodeRef};
use regex::Regex;
use scraper::{Html, Node, Selector};
use storyline_core::{Article, DateSource, Origin};

use crate::common::{
    Out, collapse_ws, file_stem, join_paragraphs, language_code, outlet_from_url, parse_date,
    published, take_dateline,
};

/// What the caller knows about a page before reading it (from a WARC record).
#[derive(Default)]
pub(crate) struct PageHint {
    /// The URL the page was fetched from.
    pub url: Option<String>,
    /// A fallback publication date (the capture date).
    pub date: Option<chrono::NaiveDate>,
    /// The article id to use (else the file stem).
    pub id: Option<String>,
}

/// Elements dropped with their whole subtree.
const DROP: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "noscript",
    "figure",
    "figcaption",
    "form",
    "button",
    "iframe",
    "svg",
    "select",
    "textarea",
    "template",
    "object",
    "embed",
    "video",
    "audio",
    "canvas",
    "map",
    "dialog",
    "menu",
    "head",
    "title",
];

/// Block elements that are paragraphs.
const PARA: &[&str] = &["p", "pre", "blockquote"];

static BOILER_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(^|[\s_-])(share|sharing|social|related|newsletter|subscri|promo|advert|ads?|sponsor|comments?|cookie|consent|breadcrumbs?|sidebar|menu|popup|modal|signup|recommend|more-stories|read-?more|outbrain|taboola|paywall|byline|tags?|toolbar|caption|credit)([\s_-]|$)",
    )
    .expect("valid regex")
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by)\s+[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5}$")
        .expect("valid regex")
});

static TITLE_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+[|\-–—:]\s+[^|\-–—:]{2,60}$").expect("valid regex"));

fn selector(s: &str) -> Selector {
    // The selectors are constants; a failure would be a programming error caught by tests.
    Selector::parse(s).unwrap_or_else(|_| Selector::parse("*").expect("universal selector"))
}

/// Reads one HTML page. Returns whether an article was emitted.
pub(crate) fn read(
    name: &str,
    html: &str,
    origin: Origin,
    hint: PageHint,
    out: &mut Out<'_>,
) -> bool {
    let doc = Html::parse_document(html);
    let meta = Meta::from_doc(&doc);
    let location = origin.to_string();
    let mut paras = main_text(&doc);
    if paras.is_empty()
        && let Some(body) = &meta.body
    {
        paras = body
            .split("\n\n")
            .flat_map(|p| p.split('\n'))
            .map(collapse_ws)
            .filter(|p| !p.is_empty())
            .collect();
    }
    let total: usize = paras.iter().map(|p| p.len()).sum();
    if paras.is_empty() || total < 80 {
        out.skipped(location, "no article text found in HTML page");
        return false;
    }
    if paras.first().is_some_and(|p| BYLINE.is_match(p)) {
        paras.remove(0);
    }
    let dateline = take_dateline(&mut paras, 2);
    let mut a = Article::new(String::new(), join_paragraphs(&paras));
    a.dateline = dateline;
    a.url = meta.url.clone().or(hint.url);
    a.id = hint.id.unwrap_or_else(|| file_stem(name));
    if let Some(o) = meta
        .site
        .clone()
        .or_else(|| a.url.as_deref().and_then(outlet_from_url))
    {
        a.outlet = o;
    }
    a.title = meta.title(a.outlet.as_str());
    a.published = match (meta.date, hint.date) {
        (Some(d), _) => Some(published(d, DateSource::Metadata, 1.0)),
        (None, Some(d)) => Some(published(d, DateSource::Metadata, 0.5)),
        (None, None) => None,
    };
    a.language = meta.lang.clone();
    a.origin = origin;
    out.emit(a);
    true
}

/// Page metadata.
#[derive(Default)]
struct Meta {
    headline: Option<String>,
    og_title: Option<String>,
    doc_title: Option<String>,
    site: Option<String>,
    date: Option<chrono::NaiveDate>,
    url: Option<String>,
    body: Option<String>,
    lang: Option<String>,
}

impl Meta {
    fn from_doc(doc: &Html) -> Meta {
        let mut m = Meta::default();
        let meta_content = |sel: &str| -> Option<String> {
            doc.select(&selector(sel))
                .filter_map(|e| e.value().attr("content"))
                .map(collapse_ws)
                .find(|s| !s.is_empty())
        };
        for script in doc.select(&selector(r#"script[type="application/ld+json"]"#)) {
            let raw: String = script.text().collect();
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) {
                if let Some(article) = find_article(&v, 0) {
                    m.absorb_ld(article);
                }
                if m.site.is_none() {
                    m.site = find_typed(&v, &["Organization", "NewsMediaOrganization"], 0)
                        .and_then(|o| str_field(o, "name"));
                }
            }
        }
        m.og_title = meta_content(r#"meta[property="og:title"]"#);
        m.doc_title = doc
            .select(&selector("title"))
            .map(|t| collapse_ws(&t.text().collect::<String>()))
            .find(|t| !t.is_empty());
        if let Some(s) = meta_content(r#"meta[property="og:site_name"]"#) {
            m.site = Some(s);
        }
        if m.date.is_none() {
            for sel in [
                r#"meta[property="article:published_time"]"#,
                r#"meta[name="article:published_time"]"#,
                r#"meta[itemprop="datePublished"]"#,
                r#"meta[name="pubdate"]"#,
                r#"meta[name="publishdate"]"#,
                r#"meta[name="date"]"#,
                r#"meta[name="dc.date"]"#,
                r#"meta[name="DC.date.issued"]"#,
                r#"meta[property="og:published_time"]"#,
            ] {
                if let Some(d) = meta_content(sel).as_deref().and_then(parse_date) {
                    m.date = Some(d);
                    break;
                }
            }
        }
        if m.date.is_none() {
            m.date = doc
                .select(&selector(
                    "article time[datetime], time[itemprop=datePublished]",
                ))
                .filter_map(|t| t.value().attr("datetime"))
                .find_map(parse_date);
        }
        let canonical = doc
            .select(&selector(r#"link[rel="canonical"]"#))
            .filter_map(|l| l.value().attr("href"))
            .map(|h| h.trim().to_string())
            .find(|h| h.starts_with("http"));
        if let Some(c) = canonical.or_else(|| meta_content(r#"meta[property="og:url"]"#)) {
            m.url = Some(c);
        }
        m.lang = doc
            .root_element()
            .value()
            .attr("lang")
            .and_then(language_code);
        m
    }

    fn absorb_ld(&mut self, a: &serde_json::Value) {
        if self.headline.is_none() {
            self.headline = str_field(a, "headline").or_else(|| str_field(a, "name"));
        }
        if self.date.is_none() {
            self.date = str_field(a, "datePublished")
                .as_deref()
                .and_then(parse_date);
        }
        if self.site.is_none() {
            self.site = a.get("publisher").and_then(|p| match p {
                serde_json::Value::Array(v) => v.first().and_then(|p| str_field(p, "name")),
                p => str_field(p, "name"),
            });
        }
        if self.url.is_none() {
            self.url = str_field(a, "url").or_else(|| match a.get("mainEntityOfPage") {
                Some(serde_json::Value::String(s)) => Some(s.clone()),
                Some(o) => str_field(o, "@id"),
                None => None,
            });
            self.url = self.url.take().filter(|u| u.starts_with("http"));
        }
        if self.body.is_none() {
            self.body = a
                .get("articleBody")
                .and_then(|b| b.as_str())
                .map(|s| s.to_string());
        }
    }

    /// The best title, without a trailing site name.
    fn title(&self, outlet: &str) -> Option<String> {
        if let Some(h) = self.headline.clone().or_else(|| self.og_title.clone()) {
            return Some(h);
        }
        let t = self.doc_title.clone()?;
        if let Some(m) = TITLE_SUFFIX.find(&t) {
            let suffix = m.as_str().trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '|' | '-' | '–' | '—' | ':')
            });
            if suffix.eq_ignore_ascii_case(outlet) || m.as_str().contains('|') {
                return Some(t[..m.start()].trim().to_string());
            }
        }
        Some(t)
    }
}

fn str_field(v: &serde_json::Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(|s| s.as_str())
        .map(collapse_ws)
        .filter(|s| !s.is_empty())
}

fn has_type(v: &serde_json::Value, types: &[&str]) -> bool {
    match v.get("@type") {
        Some(serde_json::Value::String(t)) => types.contains(&t.as_str()),
        Some(serde_json::Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
];

fn find_article(v: &serde_json::Value, depth: usize) -> Option<&serde_json::Value> {
    find_typed(v, ARTICLE_TYPES, depth)
}

fn find_typed<'v>(
    v: &'v serde_json::Value,
    types: &[&str],
    depth: usize,
) -> Option<&'v serde_json::Value> {
    if depth > 8 {
        return None;
    }
    match v {
        serde_json::Value::Object(o) => {
            if has_type(v, types) {
                return Some(v);
            }
            o.get("@graph")
                .and_then(|g| find_typed(g, types, depth + 1))
        }
        serde_json::Value::Array(items) => {
            items.iter().find_map(|i| find_typed(i, types, depth + 1))
        }
        _ => None,
    }
}

/// A paragraph candidate.
struct Block {
    text: String,
    link_chars: usize,
    ancestors: Vec<NodeId>,
    scores: bool,
}

fn dropped(node: NodeRef<'_, Node>) -> bool {
    match node.value() {
        Node::Comment(_) | Node::ProcessingInstruction(_) | Node::Doctype(_) => true,
        Node::Element(e) => {
            let name = e.name();
            if DROP.contains(&name) {
                return true;
            }
            if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
                return true;
            }
            if matches!(name, "html" | "body" | "main" | "article") {
                return false;
            }
            let class_id = format!("{} {}", e.attr("class").unwrap_or(""), e.id().unwrap_or(""));
            BOILER_CLASS.is_match(&class_id) || e.attr("role") == Some("navigation")
        }
        _ => false,
    }
}

/// The text of a subtree (dropped subtrees left out), and how much of it is link text.
fn subtree_text(node: NodeRef<'_, Node>, in_link: bool, text: &mut String, links: &mut usize) {
    for child in node.children() {
        match child.value() {
            Node::Text(t) => {
                text.push_str(t);
                if in_link {
                    *links += t.trim().len();
                }
            }
            Node::Element(e) if !dropped(child) => {
                if e.name() == "br" {
                    text.push(' ');
                }
                subtree_text(child, in_link || e.name() == "a", text, links);
            }
            _ => {}
        }
    }
}

fn collect(node: NodeRef<'_, Node>, ancestors: &mut Vec<NodeId>, blocks: &mut Vec<Block>) {
    if dropped(node) {
        return;
    }
    if let Node::Element(e) = node.value() {
        let name = e.name();
        if PARA.contains(&name) || name == "li" || matches!(name, "h2" | "h3") {
            let mut text = String::new();
            let mut link_chars = 0;
            subtree_text(node, false, &mut text, &mut link_chars);
            let text = collapse_ws(&text);
            if !text.is_empty() {
                blocks.push(Block {
                    text,
                    link_chars,
                    ancestors: ancestors.clone(),
                    scores: PARA.contains(&name),
                });
            }
            return;
        }
        // Text placed straight in a container (`<div>text<br>text</div>`).
        let direct: String = node
            .children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect();
        let direct = collapse_ws(&direct);
        if direct.len() >= 100 {
            let mut anc = ancestors.clone();
            anc.push(node.id());
            blocks.push(Block {
                text: direct,
                link_chars: 0,
                ancestors: anc,
                scores: true,
            });
        }
    }
    ancestors.push(node.id());
    for child in node.children() {
        collect(child, ancestors, blocks);
    }
    ancestors.pop();
}

/// The paragraphs of the page's main text, in document order.
fn main_text(doc: &Html) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut ancestors = Vec::new();
    collect(doc.tree.root(), &mut ancestors, &mut blocks);
    let mut scores: HashMap<NodeId, f32> = HashMap::new();
    for b in blocks.iter().filter(|b| b.scores) {
        let len = b.text.chars().count();
        if len < 25 || b.link_chars * 2 > b.text.len() {
            continue;
        }
        let s = 1.0 + b.text.matches(',').count() as f32 + (len / 100).min(3) as f32;
        let n = b.ancestors.len();
        if n >= 1 {
            *scores.entry(b.ancestors[n - 1]).or_default() += s;
        }
        if n >= 2 {
            *scores.entry(b.ancestors[n - 2]).or_default() += s / 2.0;
        }
    }
    let Some(best) = scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(id, _)| *id)
    else {
        return Vec::new();
    };
    blocks
        .into_iter()
        .filter(|b| b.ancestors.contains(&best))
        .filter(|b| b.link_chars * 2 <= b.text.len())
        .map(|b| b.text)
        .collect()
}

/// Plain text of an HTML fragment (feed item content): paragraphs at block elements,
/// scripts, styles, figures and captions dropped.
pub(crate) fn fragment_text(fragment: &str) -> String {
    if !fragment.contains('<') && !fragment.contains('&') {
        return join_paragraphs(&fragment.split("\n\n").map(collapse_ws).collect::<Vec<_>>());
    }
    let doc = Html::parse_fragment(fragment);
    let mut paras = vec![String::new()];
    fn walk(node: NodeRef<'_, Node>, paras: &mut Vec<String>) {
        for child in node.children() {
            match child.value() {
                Node::Text(t) => {
                    if let Some(last) = paras.last_mut() {
                        last.push_str(t);
                    }
                }
                Node::Element(e) if !dropped(child) => {
                    let block = matches!(
                        e.name(),
                        "p" | "div"
                            | "li"
                            | "h1"
                            | "h2"
                            | "h3"
                            | "h4"
                            | "h5"
                            | "h6"
                            | "blockquote"
                            | "pre"
                            | "tr"
                            | "ul"
                            | "ol"
                            | "table"
                            | "section"
                            | "article"
                    );
                    if block {
                        paras.push(String::new());
                    }
                    if e.name() == "br" {
                        paras.push(String::new());
                    }
                    walk(child, paras);
                    if block {
                        paras.push(String::new());
                    }
                }
                _ => {}
            }
        }
    }
    walk(doc.tree.root(), &mut paras);
    let paras: Vec<String> = paras.iter().map(|p| collapse_ws(p)).collect();
    join_paragraphs(&paras)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::IngestReport;

    fn read_str(html: &str) -> (Vec<Article>, IngestReport) {
        let origin = Origin {
            path: "p.html".into(),
            ..Origin::default()
        };
        crate::common::collect(|out| {
            read("p.html", html, origin, PageHint::default(), out);
        })
    }

    #[test]
    fn picks_article_paragraphs() {
        let html = r#"<html lang="en-GB"><head><title>Dam bursts | The Ledger</title></head><body>
<nav><p>Home, World, Politics, Sport, Culture, a very long navigation line that is not text</p></nav>
<div class="content"><p>By Ann Lee</p><p>LONDON (Ledger) - The first paragraph, with commas, and enough text to count as a real paragraph.</p>
<div class="share-tools"><p>Share this on Facebook, Twitter, email, and everything else you like today.</p></div>
<p>The second paragraph, also long enough to be counted, tells more of the story.</p>
<p><a href="/x">READ MORE: a link that should not be kept in the article text</a></p></div>
<footer><p>Copyright, all rights reserved, the footer should never appear in the text.</p></footer>
</body></html>"#;
        let (arts, report) = read_str(html);
        assert!(report.diagnostics.is_empty());
        let a = &arts[0];
        assert_eq!(a.title.as_deref(), Some("Dam bursts"));
        assert_eq!(a.dateline.as_deref(), Some("LONDON (Ledger)"));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert!(a.text.starts_with("The first paragraph"), "{}", a.text);
        assert_eq!(a.id, "p");
        assert!(a.text.contains("The second paragraph"));
        assert!(!a.text.contains("Share this"));
        assert!(!a.text.contains("READ MORE"));
        assert!(!a.text.contains("Copyright"));
    }

    #[test]
    fn no_article() {
        let (arts, report) =
            read_str("<html><body><nav><a href='/'>Home</a></nav><p>Hi.</p></body></html>");
        assert!(arts.is_empty());
        assert_eq!(report.diagnostics[0].location, "p.html");
    }

    #[test]
    fn fragments() {
        assert_eq!(
            fragment_text(
                "<p>One &amp; two.</p><figure><figcaption>cap</figcaption></figure><p>Three<br>Four</p>"
            ),
            "One & two.\n\nThree\n\nFour"
        );
        assert_eq!(fragment_text("plain"), "plain");
    }
}
