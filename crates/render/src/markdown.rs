//! Markdown briefing.

use std::fmt::Write;

use storyline_core::{Briefing, DisagreementKind, Source, StoryBriefing};

use crate::{Outlets, count, known_outlet, story_outlets};

/// Renders the briefing as Markdown.
pub fn markdown(b: &Briefing) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Briefing\n");
    let outlets = Outlets::tally(b.articles.iter().map(|a| a.outlet.as_str()));
    let _ = writeln!(
        out,
        "{}, {}, {}.\n",
        outlets.counted(b.articles.len()),
        count(b.stories.len(), "story", "stories"),
        count(
            b.syndication.len(),
            "syndication group",
            "syndication groups"
        )
    );
    for story in &b.stories {
        story_md(&mut out, b, story);
    }
    if !b.syndication.is_empty() {
        let _ = writeln!(out, "## Syndicated copies\n");
        for g in &b.syndication {
            let _ = writeln!(
                out,
                "- {} (original: {}, similarity {:.2})",
                g.articles.join(", "),
                g.original,
                g.similarity
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## Articles\n");
    for a in &b.articles {
        let date = match &a.published {
            Some(p) => format!(
                "{} ({}, {:.0}%)",
                p.date,
                serde_json::to_value(p.source)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                p.confidence * 100.0
            ),
            None => "date unknown".to_string(),
        };
        let _ = writeln!(
            out,
            "- `{}` {} — {} — {}{}",
            a.id,
            known_outlet(&a.outlet).unwrap_or("outlet unknown"),
            a.title.as_deref().unwrap_or("(untitled)"),
            date,
            a.dateline
                .as_ref()
                .map(|d| format!(" — dateline {d}"))
                .unwrap_or_default()
        );
    }
    if !b.skipped.is_empty() {
        let _ = writeln!(out, "\n## Skipped input\n");
        for d in &b.skipped {
            let _ = writeln!(out, "- {d}");
        }
    }
    out
}

fn sources_md(sources: &[Source]) -> String {
    let parts: Vec<String> = sources
        .iter()
        .map(|s| match known_outlet(&s.outlet) {
            Some(outlet) => format!("{outlet} `{}`", s.article),
            None => format!("`{}`", s.article),
        })
        .collect();
    format!("[{}]", parts.join("; "))
}

fn story_md(out: &mut String, b: &Briefing, s: &StoryBriefing) {
    let _ = writeln!(out, "## Story {}: {}\n", s.id + 1, s.title);
    let _ = writeln!(
        out,
        "{} ({}), {}.\n",
        count(s.articles.len(), "article", "articles"),
        story_outlets(b, s).listed(),
        crate::publication_span(b, s, " to ")
            .map_or("publication dates unknown".to_string(), |p| format!(
                "published {p}"
            ))
    );
    if !s.summary.is_empty() {
        let _ = writeln!(out, "### Summary\n");
        for t in &s.summary {
            let _ = writeln!(
                out,
                "- {} {}",
                crate::sentence(&t.text),
                sources_md(&t.sources)
            );
        }
        out.push('\n');
    }
    if !s.timeline.is_empty() {
        let _ = writeln!(out, "### Timeline\n");
        for e in &s.timeline {
            let _ = writeln!(
                out,
                "- **{}** {} {}",
                e.date,
                crate::sentence(&e.text),
                sources_md(&e.sources)
            );
            for m in &e.more {
                let _ = writeln!(
                    out,
                    "  - {} {}",
                    crate::sentence(&m.text),
                    sources_md(&m.sources)
                );
            }
        }
        out.push('\n');
    }
    if !s.quotes.is_empty() {
        let _ = writeln!(out, "### Quotes\n");
        let mut speakers: Vec<&str> = Vec::new();
        for q in &s.quotes {
            if !speakers.contains(&q.speaker.as_str()) {
                speakers.push(&q.speaker);
            }
        }
        for sp in speakers {
            let _ = writeln!(out, "- **{sp}**");
            for q in s.quotes.iter().filter(|q| q.speaker == sp) {
                let text = crate::quoted(&q.text, q.direct);
                let _ = writeln!(out, "  - {} {}", text, sources_md(&q.sources));
                for v in &q.variants {
                    let _ = writeln!(
                        out,
                        "    - also worded: {} {}",
                        crate::quoted(&v.text, q.direct),
                        sources_md(&v.sources)
                    );
                }
            }
        }
        out.push('\n');
    }
    if !s.disagreements.is_empty() {
        let _ = writeln!(out, "### Where sources differ\n");
        for d in &s.disagreements {
            let kind = match d.kind {
                DisagreementKind::Compatible => "compatible figures",
                DisagreementKind::Contradiction => "contradiction",
                DisagreementKind::Update => "update over time",
                DisagreementKind::Variant => "different wording",
            };
            let _ = writeln!(out, "- **{}** ({kind})", d.topic);
            for p in &d.positions {
                let by = p
                    .asserted_by
                    .as_ref()
                    .map(|b| format!(", per {b}"))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  - {}{by}: “{}” {}",
                    p.claim,
                    p.text,
                    sources_md(&p.sources)
                );
            }
        }
        out.push('\n');
    }
    let unique: Vec<_> = s.coverage.iter().filter(|c| !c.unique.is_empty()).collect();
    if !unique.is_empty() {
        let _ = writeln!(out, "### Reported by one outlet only\n");
        for c in unique {
            let _ = writeln!(out, "- **{}**", c.outlet);
            for u in &c.unique {
                let _ = writeln!(
                    out,
                    "  - {} {}",
                    crate::sentence(&u.text),
                    sources_md(&u.sources)
                );
            }
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::sources_md;
    use storyline_core::{Source, UNKNOWN_OUTLET};

    #[test]
    fn a_citation_names_the_outlet_only_when_it_is_known() {
        let source = |outlet: &str, article: &str| Source {
            outlet: outlet.into(),
            article: article.into(),
        };
        assert_eq!(
            sources_md(&[
                source("AFP", "a1"),
                source(UNKNOWN_OUTLET, "b2"),
                source("", "c3")
            ]),
            "[AFP `a1`; `b2`; `c3`]"
        );
    }
}
