//! Self-contained HTML report (no external resources; all article text escaped).

use storyline_core::Briefing;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Renders the briefing as one HTML page.
pub fn html(b: &Briefing) -> String {
    let md = crate::markdown(b);
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Storyline briefing</title></head><body><pre>{}</pre></body></html>\n",
        escape(&md)
    )
}
