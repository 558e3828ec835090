//! RSS 2.0 / Atom / RSS 1.0 reader (with `feed-rs`): one article per feed item.
//!
//! Rules: text from the item's full content (`content:encoded`, Atom `content`), else its
//! description/summary, HTML stripped to paragraphs; title, link (also the id, else the
//! guid, else `<file stem>#<item>`), date from the item's own `pubDate`/`published`/
//! `updated`/`dc:date` as written (its local calendar date), else feed-rs's parsed date;
//! outlet from the feed title, else the domain of the item or feed link. `origin.item` is
//! the 0-based item index and `origin.offset` the byte offset of the item element. An item
//! without text is reported and skipped; an unparsable feed is reported.

use std::sync::LazyLock;

use regex::Regex;
use storyline_core::{Article, DateSource};

use crate::common::{
    Out, collapse_ws, file_stem, language_code, outlet_from_url, parse_date, published,
    take_dateline,
};
use crate::html::fragment_text;

static ITEM_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<(?:[A-Za-z0-9]+:)?(?:item|entry)[\s>/]").expect("valid regex"));

static ITEM_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"<(pubDate|published|dc:date|updated|issued|created)>\s*(?:<!\[CDATA\[)?([^<\]]{6,60})",
    )
    .expect("valid regex")
});

/// Reads a feed.
pub(crate) fn read(name: &str, text: &str, out: &mut Out<'_>) {
    let feed = match feed_rs::parser::parse(text.as_bytes()) {
        Ok(f) => f,
        Err(e) => {
            out.skipped(name, format!("not a readable RSS/Atom feed: {e}"));
            return;
        }
    };
    let starts: Vec<usize> = ITEM_START.find_iter(text).map(|m| m.start()).collect();
    let aligned = starts.len() == feed.entries.len();
    let feed_title = feed
        .title
        .as_ref()
        .map(|t| collapse_ws(&fragment_text(&t.content)))
        .filter(|t| !t.is_empty());
    let feed_link = feed.links.first().map(|l| l.href.clone());
    if feed.entries.is_empty() {
        out.skipped(name, "feed has no items");
        return;
    }
    for (i, entry) in feed.entries.iter().enumerate() {
        let offset = aligned.then(|| starts[i]);
        let location = match offset {
            Some(o) => format!("{name}@{o}#{i}"),
            None => format!("{name}#{i}"),
        };
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .filter(|b| !b.trim().is_empty())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let text_body = fragment_text(&body);
        if text_body.trim().is_empty() {
            out.skipped(location, "feed item has no content or description");
            continue;
        }
        let mut paras: Vec<String> = text_body.split("\n\n").map(|s| s.to_string()).collect();
        let dateline = take_dateline(&mut paras, 2);
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or_else(|| entry.links.first())
            .map(|l| l.href.trim().to_string())
            .filter(|l| !l.is_empty());
        let id = link
            .clone()
            .or_else(|| (!entry.id.trim().is_empty()).then(|| entry.id.trim().to_string()))
            .unwrap_or_else(|| format!("{}#{i}", file_stem(name)));
        let mut a = Article::new(id, crate::common::join_paragraphs(&paras));
        a.dateline = dateline;
        a.title = entry
            .title
            .as_ref()
            .map(|t| collapse_ws(&fragment_text(&t.content)))
            .filter(|t| !t.is_empty());
        a.url = link.clone();
        if let Some(o) = feed_title
            .clone()
            .or_else(|| link.as_deref().and_then(outlet_from_url))
            .or_else(|| feed_link.as_deref().and_then(outlet_from_url))
        {
            a.outlet = o;
        }
        let raw_date = offset.and_then(|o| {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            ITEM_DATE
                .captures_iter(&text[o..end])
                .find_map(|c| parse_date(&c[2]))
        });
        let date = raw_date.or_else(|| entry.published.or(entry.updated).map(|d| d.date_naive()));
        a.published = date.map(|d| published(d, DateSource::Metadata, 1.0));
        a.language = entry.language.as_deref().and_then(language_code);
        a.origin.path = name.to_string();
        a.origin.offset = offset.map(|o| o as u64);
        a.origin.item = Some(i as u64);
        out.emit(a);
    }
}
