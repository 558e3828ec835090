//! Render: writes a [`Briefing`] as Markdown (also the terminal view), as the stable JSON
//! document, or as a self-contained HTML report.

#![warn(missing_docs)]

mod html;
mod markdown;

pub use html::{escape as escape_html, html, story_page};
pub use markdown::markdown;
use storyline_core::Briefing;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown.
    Markdown,
    /// JSON (see `docs/JSON.md`).
    Json,
    /// One self-contained HTML file.
    Html,
}

/// Renders a briefing in a format.
pub fn render(briefing: &Briefing, format: Format) -> String {
    match format {
        Format::Markdown => markdown(briefing),
        Format::Json => json(briefing),
        Format::Html => html(briefing),
    }
}

/// The JSON document, pretty-printed, with a trailing newline.
pub fn json(briefing: &Briefing) -> String {
    let mut s = serde_json::to_string_pretty(briefing).unwrap_or_else(|e| {
        serde_json::json!({ "error": format!("briefing could not be serialised: {e}") }).to_string()
    });
    s.push('\n');
    s
}

/// A sentence as shown: a sentence cut out of a longer quotation gets the quotation mark it
/// lacks, in the style of the one it pairs with (`Within twenty minutes the town was under
/// water," the mayor said.` is shown `"Within twenty minutes …`; `“We have never seen water
/// rise this fast.` gets a closing `”`), so an excerpt never reads as if the quote started or ended mid-text. The JSON keeps
/// the text exactly as written.
pub(crate) fn sentence(text: &str) -> std::borrow::Cow<'_, str> {
    // Open marks not yet closed, and the first closing mark with nothing open before it.
    let mut open: Vec<char> = Vec::new();
    let mut orphan_close: Option<char> = None;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let opening = match c {
            '“' | '«' => Some(true),
            '”' | '»' => Some(false),
            // A straight quote opens after a space, a bracket or at the start, else closes.
            '"' => {
                Some(prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–')))
            }
            _ => None,
        };
        match opening {
            Some(true) => open.push(c),
            Some(false) if open.pop().is_some() => {}
            Some(false) => {
                orphan_close.get_or_insert(c);
            }
            None => {}
        }
        prev = Some(c);
    }
    if orphan_close.is_none() && open.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    // The added mark has the style of the one it pairs with.
    let mut out = String::with_capacity(text.len() + 8);
    match orphan_close {
        Some('"') => out.push('"'),
        Some('»') => out.push('«'),
        Some(_) => out.push('“'),
        None => {}
    }
    out.push_str(text);
    match open.last() {
        Some('"') => out.push('"'),
        Some('«') => out.push('»'),
        Some(_) => out.push('”'),
        None => {}
    }
    std::borrow::Cow::Owned(out)
}

/// A quote's words as shown: in quotation marks when the quote is direct, as reported speech
/// otherwise (also for its other wordings, which share its kind).
pub(crate) fn quoted(text: &str, direct: bool) -> String {
    if direct {
        format!("“{text}”")
    } else {
        text.to_string()
    }
}

/// `n` and the word in the number it takes: `1 story`, `3 stories`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// When a story's articles were published: "2016-12-05 to 2016-12-07", with `to` between
/// the first and the last date, and how many are undated ("2016-12-07; 3 undated"); `None`
/// when no article is dated.
pub(crate) fn publication_span(
    b: &Briefing,
    s: &storyline_core::StoryBriefing,
    to: &str,
) -> Option<String> {
    let undated = b
        .articles
        .iter()
        .filter(|a| a.published.is_none() && s.articles.contains(&a.id))
        .count();
    let span = match (s.first_published, s.last_published) {
        (Some(a), Some(z)) if a != z => format!("{a}{to}{z}"),
        (Some(a), _) => a.to_string(),
        _ => return None,
    };
    Some(if undated == 0 {
        span
    } else {
        format!("{span}; {undated} undated")
    })
}

/// An outlet worth printing next to an article: `None` when the outlet is not known, so that a
/// citation shows the article alone rather than the word "unknown" before every article.
pub(crate) fn known_outlet(outlet: &str) -> Option<&str> {
    (!outlet.is_empty() && outlet != storyline_core::UNKNOWN_OUTLET).then_some(outlet)
}

/// The outlets of a story's articles.
pub(crate) fn story_outlets<'a>(b: &'a Briefing, s: &storyline_core::StoryBriefing) -> Outlets<'a> {
    let by_id: std::collections::HashMap<&str, &str> = b
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.outlet.as_str()))
        .collect();
    Outlets::tally(
        s.articles
            .iter()
            .map(|id| by_id.get(id.as_str()).copied().unwrap_or("")),
    )
}

/// Who published a set of articles, given each article's outlet (repeats included): the
/// named outlets in order of first appearance, and how many articles have no known outlet.
/// Articles of unknown outlet are not one outlet: four of them may come from four sites.
pub(crate) struct Outlets<'a> {
    /// Distinct named outlets.
    pub named: Vec<&'a str>,
    /// Articles whose outlet is unknown.
    pub unknown: usize,
}

impl<'a> Outlets<'a> {
    pub(crate) fn tally(outlets: impl IntoIterator<Item = &'a str>) -> Self {
        let mut named: Vec<&str> = Vec::new();
        let mut unknown = 0;
        for o in outlets {
            match known_outlet(o) {
                None => unknown += 1,
                Some(o) if !named.contains(&o) => named.push(o),
                Some(_) => {}
            }
        }
        Outlets { named, unknown }
    }

    /// The articles counted with their outlets: `9 articles from 5 outlets`, `5 articles (1
    /// from 1 outlet, 4 of unknown outlet)`, `3 articles of unknown outlet`.
    pub(crate) fn counted(&self, articles: usize) -> String {
        let all = count(articles, "article", "articles");
        let named = count(self.named.len(), "outlet", "outlets");
        match (self.named.len(), self.unknown) {
            (_, 0) => format!("{all} from {named}"),
            (0, _) => format!("{all} of unknown outlet"),
            (_, m) => format!(
                "{all} ({} from {named}, {m} of unknown outlet)",
                articles.saturating_sub(m)
            ),
        }
    }

    /// `AFP, Reuters`, `AFP; 4 of unknown outlet`, `outlet unknown`.
    pub(crate) fn listed(&self) -> String {
        let named = self.named.join(", ");
        match (self.named.len(), self.unknown) {
            (_, 0) => named,
            (0, _) => "outlet unknown".to_string(),
            (_, m) => format!("{named}; {m} of unknown outlet"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Outlets, count, sentence};

    #[test]
    fn excerpts_of_longer_quotations_get_the_missing_mark() {
        assert_eq!(
            sentence("Within twenty minutes the town was under water,\" the mayor said."),
            "\"Within twenty minutes the town was under water,\" the mayor said."
        );
        assert_eq!(
            sentence("\"We have never seen water rise this fast."),
            "\"We have never seen water rise this fast.\""
        );
        assert_eq!(
            sentence("It was “a catastrophe”, he said."),
            "It was “a catastrophe”, he said."
        );
        assert_eq!(sentence("He said \"no\" twice."), "He said \"no\" twice.");
        assert_eq!(
            sentence("the town was under water,” the mayor said."),
            "“the town was under water,” the mayor said."
        );
        assert_eq!(sentence("« Nous resterons."), "« Nous resterons.»");
        assert_eq!(sentence("No quotes here."), "No quotes here.");
        assert_eq!(sentence(""), "");
    }

    #[test]
    fn outlets_of_unknown_origin_are_not_counted_as_one_outlet() {
        let o = Outlets::tally(["unknown", "AFP", "unknown", "AFP", "", "Reuters"]);
        assert_eq!(o.named, ["AFP", "Reuters"]);
        assert_eq!(o.unknown, 3);
        assert_eq!(
            o.counted(6),
            "6 articles (3 from 2 outlets, 3 of unknown outlet)"
        );
        assert_eq!(o.listed(), "AFP, Reuters; 3 of unknown outlet");
        let o = Outlets::tally(["unknown", "AFP"]);
        assert_eq!(
            o.counted(2),
            "2 articles (1 from 1 outlet, 1 of unknown outlet)"
        );
        let o = Outlets::tally(["AFP", "AFP"]);
        assert_eq!(
            (o.counted(2), o.listed()),
            ("2 articles from 1 outlet".into(), "AFP".into())
        );
        let o = Outlets::tally(["unknown"]);
        assert_eq!(
            (o.counted(1), o.listed()),
            (
                "1 article of unknown outlet".into(),
                "outlet unknown".into()
            )
        );
        assert_eq!(count(1, "story", "stories"), "1 story");
        assert_eq!(count(0, "story", "stories"), "0 stories");
    }
}
