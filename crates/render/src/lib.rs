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

/// A quote's words as shown: in quotation marks when the quote is direct, as reported speech
/// otherwise (also for its other wordings, which share its kind).
pub(crate) fn quoted(text: &str, direct: bool) -> String {
    if direct {
        format!("“{text}”")
    } else {
        text.to_string()
    }
}
