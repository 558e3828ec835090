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

#[cfg(test)]
mod tests {
    use super::sentence;

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
}
