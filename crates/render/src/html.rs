//! Self-contained HTML report: one file, no external resources, all article text escaped.
//!
//! The same page is served by the web UI for a story. It shows, per story: the summary with
//! its sources as chips, an interactive timeline (dates on an axis, events as points; click a
//! point to read its entry), quotes grouped by speaker, disagreements side by side, and
//! coverage by outlet.

use std::fmt::Write;

use chrono::NaiveDate;
use storyline_core::{Briefing, DisagreementKind, Source, StoryBriefing};

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
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

const STYLE: &str = r#"
:root { --ink:#1d2329; --muted:#5f6b76; --line:#d8dee4; --accent:#1f6feb; --warn:#b35900; --bad:#c62828; --bg:#fbfbfa; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 Georgia, 'Times New Roman', serif; color:var(--ink); background:var(--bg); }
header.top { background:#14202b; color:#fff; padding:14px 28px; font-family:system-ui, sans-serif; }
header.top h1 { margin:0; font-size:20px; letter-spacing:.02em; }
header.top p { margin:2px 0 0; color:#b8c4cf; font-size:13px; }
main { max-width:1040px; margin:0 auto; padding:20px 28px 60px; }
nav.stories { font-family:system-ui, sans-serif; font-size:14px; margin:8px 0 24px; }
nav.stories a { color:var(--accent); text-decoration:none; margin-right:14px; }
section.story { background:#fff; border:1px solid var(--line); border-radius:8px; padding:22px 26px; margin-bottom:28px; }
section.story > h2 { margin:0 0 4px; font-size:26px; }
.meta { color:var(--muted); font-family:system-ui, sans-serif; font-size:13px; }
h3 { font-family:system-ui, sans-serif; font-size:15px; text-transform:uppercase; letter-spacing:.06em; color:var(--muted); margin:26px 0 10px; border-bottom:1px solid var(--line); padding-bottom:4px; }
ul.summary { padding-left:18px; } ul.summary li { margin-bottom:8px; }
.chip { display:inline-block; font:12px/1.6 system-ui, sans-serif; background:#eef3fb; color:#174ea6; border:1px solid #cfdcf3; border-radius:10px; padding:0 8px; margin:2px 3px 0 0; white-space:nowrap; }
.chip .id { color:#6b7c93; }
.timeline { position:relative; margin:8px 0 6px; }
.timeline svg { width:100%; height:120px; display:block; }
.timeline .axis { stroke:#8a96a3; stroke-width:1.5; }
.timeline .tick { stroke:#b9c2cc; }
.timeline .break rect { fill:#fff; stroke:none; }
.timeline .break line { stroke:#8a96a3; stroke-width:1.5; }
.timeline text { font:11px system-ui, sans-serif; fill:#5f6b76; }
.timeline circle { fill:var(--accent); stroke:#fff; stroke-width:2; cursor:pointer; }
.timeline circle:hover, .timeline circle.active { fill:#d9480f; }
.tl-entries { list-style:none; padding:0; margin:6px 0 0; }
.tl-entries li { padding:8px 10px; border-left:3px solid var(--line); margin-bottom:6px; }
.tl-entries li.active { border-left-color:#d9480f; background:#fff6ef; }
.tl-entries .date { font:600 13px system-ui, sans-serif; color:#14202b; margin-right:8px; }
.speaker { margin-bottom:14px; } .speaker h4 { margin:0 0 4px; font-family:system-ui, sans-serif; font-size:15px; }
blockquote { margin:4px 0 6px 0; padding:4px 12px; border-left:3px solid #c9d3dd; }
.variant { color:var(--muted); font-size:14px; margin-left:14px; }
.disagreement { border:1px solid var(--line); border-radius:6px; margin-bottom:12px; overflow:hidden; }
.disagreement .topic { background:#f4f6f8; padding:6px 12px; font-family:system-ui, sans-serif; font-size:14px; }
.kind { font-size:12px; border-radius:8px; padding:0 7px; margin-left:8px; color:#fff; }
.kind.contradiction { background:var(--bad); } .kind.compatible { background:#2e7d32; } .kind.update { background:#6a4fb3; } .kind.variant { background:var(--warn); }
.sides { display:grid; grid-template-columns:repeat(auto-fit, minmax(220px, 1fr)); }
.side { padding:10px 12px; border-right:1px solid var(--line); } .side:last-child { border-right:0; }
.side .claim { font:600 15px system-ui, sans-serif; }
table.coverage { border-collapse:collapse; width:100%; font-size:14px; }
table.coverage td, table.coverage th { border-bottom:1px solid var(--line); padding:6px 8px; text-align:left; vertical-align:top; }
table.coverage th { font-family:system-ui, sans-serif; color:var(--muted); font-weight:600; }
.articles { font-size:14px; } .articles td { padding:3px 8px 3px 0; }
footer { color:var(--muted); font:12px system-ui, sans-serif; text-align:center; padding:20px; }
"#;

const SCRIPT: &str = r#"
document.querySelectorAll('.timeline').forEach(function (tl) {
  var list = tl.parentNode.querySelector('.tl-entries');
  tl.querySelectorAll('circle').forEach(function (c) {
    c.addEventListener('click', function () {
      tl.querySelectorAll('circle').forEach(function (o) { o.classList.remove('active'); });
      c.classList.add('active');
      if (!list) return;
      list.querySelectorAll('li').forEach(function (li) { li.classList.remove('active'); });
      var li = list.querySelector('li[data-i="' + c.getAttribute('data-i') + '"]');
      if (li) { li.classList.add('active'); li.scrollIntoView({block: 'nearest', behavior: 'smooth'}); }
    });
  });
});
"#;

fn chips(sources: &[Source]) -> String {
    let mut out = String::new();
    for s in sources {
        let outlet = match crate::known_outlet(&s.outlet) {
            Some(o) => format!("{} ", escape(o)),
            None => String::new(),
        };
        let _ = write!(
            out,
            "<span class=\"chip\" title=\"{}\">{outlet}<span class=\"id\">{}</span></span>",
            escape(&s.article),
            escape(short_id(&s.article))
        );
    }
    out
}

fn short_id(id: &str) -> &str {
    let id = id.rsplit('/').next().unwrap_or(id);
    match id.char_indices().nth(18) {
        Some((i, _)) => &id[..i],
        None => id,
    }
}

/// Renders the briefing as one HTML page.
pub fn html(b: &Briefing) -> String {
    let mut out = String::new();
    out.push_str("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
    );
    let title = match b.stories.as_slice() {
        [one] => one.title.clone(),
        _ => "Storyline briefing".to_string(),
    };
    let _ = write!(
        out,
        "<title>{}</title><style>{STYLE}</style></head><body>",
        escape(&title)
    );
    let outlets = crate::Outlets::tally(b.articles.iter().map(|a| a.outlet.as_str()));
    let _ = write!(
        out,
        "<header class=\"top\"><h1>Storyline briefing</h1><p>{} · {} · {}</p></header><main>",
        escape(&outlets.counted(b.articles.len())),
        crate::count(b.stories.len(), "story", "stories"),
        crate::count(
            b.syndication.len(),
            "syndication group",
            "syndication groups"
        )
    );
    if b.stories.len() > 1 {
        out.push_str("<nav class=\"stories\">");
        for s in &b.stories {
            let _ = write!(out, "<a href=\"#story-{}\">{}</a>", s.id, escape(&s.title));
        }
        out.push_str("</nav>");
    }
    for s in &b.stories {
        story_section(&mut out, b, s);
    }
    if !b.skipped.is_empty() {
        out.push_str("<section class=\"story\"><h3>Skipped input</h3><ul>");
        for d in &b.skipped {
            let _ = write!(out, "<li>{}</li>", escape(&d.to_string()));
        }
        out.push_str("</ul></section>");
    }
    let _ = writeln!(
        out,
        "</main><footer>{} · schema version {}</footer><script>{SCRIPT}</script></body></html>",
        escape(&b.generator),
        b.schema_version
    );
    out
}

/// Renders one story as a complete page (used by the web UI).
pub fn story_page(b: &Briefing, story: &StoryBriefing) -> String {
    let one = Briefing {
        stories: vec![story.clone()],
        articles: b
            .articles
            .iter()
            .filter(|a| story.articles.contains(&a.id))
            .cloned()
            .collect(),
        syndication: b
            .syndication
            .iter()
            .filter(|g| g.articles.iter().any(|a| story.articles.contains(a)))
            .cloned()
            .collect(),
        ..b.clone()
    };
    html(&one)
}

fn story_section(out: &mut String, b: &Briefing, s: &StoryBriefing) {
    let _ = write!(out, "<section class=\"story\" id=\"story-{}\">", s.id);
    let _ = write!(out, "<h2>{}</h2>", escape(&s.title));
    let _ = write!(
        out,
        "<div class=\"meta\">{} · {} · {}</div>",
        crate::count(s.articles.len(), "article", "articles"),
        escape(&crate::story_outlets(b, s).listed()),
        escape(
            &crate::publication_span(b, s, " – ").unwrap_or_else(|| "dates unknown".to_string())
        )
    );
    if !s.summary.is_empty() {
        out.push_str("<h3>Summary</h3><ul class=\"summary\">");
        for t in &s.summary {
            let _ = write!(
                out,
                "<li>{} {}</li>",
                escape(&crate::sentence(&t.text)),
                chips(&t.sources)
            );
        }
        out.push_str("</ul>");
    }
    if !s.timeline.is_empty() {
        out.push_str("<h3>Timeline</h3>");
        timeline_svg(out, s);
        out.push_str("<ul class=\"tl-entries\">");
        for (i, e) in s.timeline.iter().enumerate() {
            let _ = write!(
                out,
                "<li data-i=\"{i}\"><span class=\"date\">{}</span>{} {}",
                escape(&e.date),
                escape(&crate::sentence(&e.text)),
                chips(&e.sources)
            );
            for m in &e.more {
                let _ = write!(
                    out,
                    "<div class=\"variant\">{} {}</div>",
                    escape(&crate::sentence(&m.text)),
                    chips(&m.sources)
                );
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    if !s.quotes.is_empty() {
        out.push_str("<h3>Quotes by speaker</h3>");
        let mut speakers: Vec<&str> = Vec::new();
        for q in &s.quotes {
            if !speakers.contains(&q.speaker.as_str()) {
                speakers.push(&q.speaker);
            }
        }
        for sp in speakers {
            let _ = write!(out, "<div class=\"speaker\"><h4>{}</h4>", escape(sp));
            for q in s.quotes.iter().filter(|q| q.speaker == sp) {
                let text = crate::quoted(&q.text, q.direct);
                let _ = write!(
                    out,
                    "<blockquote>{} {}</blockquote>",
                    escape(&text),
                    chips(&q.sources)
                );
                for v in &q.variants {
                    let _ = write!(
                        out,
                        "<div class=\"variant\">also worded: {} {}</div>",
                        escape(&crate::quoted(&v.text, q.direct)),
                        chips(&v.sources)
                    );
                }
            }
            out.push_str("</div>");
        }
    }
    if !s.disagreements.is_empty() {
        out.push_str("<h3>Where sources differ</h3>");
        for d in &s.disagreements {
            let (class, label) = match d.kind {
                DisagreementKind::Compatible => ("compatible", "compatible figures"),
                DisagreementKind::Contradiction => ("contradiction", "contradiction"),
                DisagreementKind::Update => ("update", "update over time"),
                DisagreementKind::Variant => ("variant", "different wording"),
            };
            let _ = write!(
                out,
                "<div class=\"disagreement\"><div class=\"topic\">{}<span class=\"kind {class}\">{label}</span></div><div class=\"sides\">",
                escape(&d.topic)
            );
            for p in &d.positions {
                let by = p
                    .asserted_by
                    .as_ref()
                    .map(|b| format!("<div class=\"meta\">per {}</div>", escape(b)))
                    .unwrap_or_default();
                let _ = write!(
                    out,
                    "<div class=\"side\"><div class=\"claim\">{}</div>{by}<div>{}</div>{}</div>",
                    escape(&p.claim),
                    escape(&p.text),
                    chips(&p.sources)
                );
            }
            out.push_str("</div></div>");
        }
    }
    out.push_str("<h3>Coverage by outlet</h3><table class=\"coverage\"><tr><th>Outlet</th><th>Articles</th><th>Reported by this outlet only</th></tr>");
    let coverage: Vec<(String, usize, String)> = if s.coverage.is_empty() {
        s.outlets
            .iter()
            .map(|o| {
                let n = b
                    .articles
                    .iter()
                    .filter(|a| &a.outlet == o && s.articles.contains(&a.id))
                    .count();
                (o.clone(), n, String::new())
            })
            .collect()
    } else {
        s.coverage
            .iter()
            .map(|c| {
                let unique: Vec<String> = c
                    .unique
                    .iter()
                    .map(|u| {
                        format!(
                            "<div>{} {}</div>",
                            escape(&crate::sentence(&u.text)),
                            chips(&u.sources)
                        )
                    })
                    .collect();
                (c.outlet.clone(), c.articles, unique.join(""))
            })
            .collect()
    };
    for (outlet, n, unique) in coverage {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{n}</td><td>{unique}</td></tr>",
            escape(&outlet)
        );
    }
    out.push_str("</table>");
    out.push_str("<h3>Articles</h3><table class=\"articles\">");
    for a in b.articles.iter().filter(|a| s.articles.contains(&a.id)) {
        let date = a
            .published
            .as_ref()
            .map(|p| p.date.to_string())
            .unwrap_or_else(|| "date unknown".into());
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"meta\">{}</td></tr>",
            escape(&date),
            escape(crate::known_outlet(&a.outlet).unwrap_or("outlet unknown")),
            escape(a.title.as_deref().unwrap_or("(untitled)")),
            escape(&a.path)
        );
    }
    out.push_str("</table></section>");
}

/// Where the timeline's dates sit on an axis from `x0` to `x1`: proportional to time, except
/// that a long empty stretch ("March 2011" before a story of December 2016) is cut out of
/// the axis and drawn as a break of fixed width, so that the dates of the story itself are
/// not squeezed into one spot.
struct Axis {
    /// Runs of dates without a cut: (first day, last day, x of the first, x of the last).
    segments: Vec<(NaiveDate, NaiveDate, f64, f64)>,
    /// x of the middle of each cut.
    breaks: Vec<f64>,
}

/// Width of a cut, in the units of the axis.
const AXIS_BREAK: f64 = 36.0;

impl Axis {
    fn new(days: &[NaiveDate], x0: f64, x1: f64) -> Option<Axis> {
        let mut days = days.to_vec();
        days.sort_unstable();
        days.dedup();
        let &first = days.first()?;
        let gaps: Vec<i64> = days.windows(2).map(|w| (w[1] - w[0]).num_days()).collect();
        // The largest gap is cut while it is over 30 days and longer than all the other
        // uncut gaps together (left in, it would squeeze the rest into under half the axis).
        let mut cut = vec![false; gaps.len()];
        loop {
            let rest: i64 = gaps
                .iter()
                .zip(&cut)
                .filter(|(_, c)| !**c)
                .map(|(g, _)| g)
                .sum();
            let Some((i, &g)) = gaps
                .iter()
                .enumerate()
                .filter(|(i, _)| !cut[*i])
                .max_by_key(|(i, g)| (**g, std::cmp::Reverse(*i)))
            else {
                break;
            };
            if g > 30 && g > rest - g {
                cut[i] = true;
            } else {
                break;
            }
        }
        let mut runs: Vec<(NaiveDate, NaiveDate)> = vec![(first, first)];
        for (w, &c) in days.windows(2).zip(&cut) {
            if c {
                runs.push((w[1], w[1]));
            } else if let Some(r) = runs.last_mut() {
                r.1 = w[1];
            }
        }
        let breaks_w = AXIS_BREAK * (runs.len() - 1) as f64;
        let room = (x1 - x0 - breaks_w).max(1.0);
        let spans: Vec<f64> = runs.iter().map(|r| (r.1 - r.0).num_days() as f64).collect();
        let sum: f64 = spans.iter().sum();
        // A run of one day still gets a little room, so that its label fits.
        let min_w = (room / runs.len() as f64).min(TICK_SPACING + 20.0);
        let free = (room - min_w * runs.len() as f64).max(0.0);
        let mut x = x0;
        let mut segments = Vec::new();
        let mut breaks = Vec::new();
        for (i, (r, span)) in runs.iter().zip(&spans).enumerate() {
            if i > 0 {
                breaks.push(x + AXIS_BREAK / 2.0);
                x += AXIS_BREAK;
            }
            let width = if sum > 0.0 {
                min_w + free * span / sum
            } else {
                room / runs.len() as f64
            };
            let (a, b) = if *span > 0.0 {
                (x, x + width)
            } else {
                (x + width / 2.0, x + width / 2.0)
            };
            segments.push((r.0, r.1, a, b));
            x += width;
        }
        Some(Axis { segments, breaks })
    }

    /// The x of a day of the timeline.
    fn x(&self, d: NaiveDate) -> f64 {
        let seg = self
            .segments
            .iter()
            .find(|s| d <= s.1)
            .or(self.segments.last())
            .copied();
        let Some((a, b, xa, xb)) = seg else {
            return 0.0;
        };
        let span = (b - a).num_days();
        if span <= 0 {
            return xa;
        }
        xa + (d - a).num_days().clamp(0, span) as f64 / span as f64 * (xb - xa)
    }

    /// Labelled dates: each run's ends first, then, in a wide run, evenly spaced days
    /// between them; none closer than [`TICK_SPACING`] units to another.
    fn ticks(&self) -> Vec<(NaiveDate, f64)> {
        let mut ends: Vec<NaiveDate> = Vec::new();
        let mut between: Vec<NaiveDate> = Vec::new();
        for &(a, b, xa, xb) in &self.segments {
            ends.push(a);
            let span = (b - a).num_days();
            if span > 0 {
                ends.push(b);
                let n = (((xb - xa) / 150.0) as i64).clamp(1, 6).min(span);
                between.extend((1..n).map(|i| a + chrono::Duration::days(span * i / n)));
            }
        }
        let mut out: Vec<(NaiveDate, f64)> = Vec::new();
        for d in ends.into_iter().chain(between) {
            let x = self.x(d);
            if out.iter().all(|&(_, px)| (x - px).abs() >= TICK_SPACING) {
                out.push((d, x));
            }
        }
        out.sort_by(|a, b| a.1.total_cmp(&b.1));
        out
    }
}

/// Least distance between two date labels, in the units of the axis.
const TICK_SPACING: f64 = 80.0;

fn timeline_svg(out: &mut String, s: &StoryBriefing) {
    let days: Vec<NaiveDate> = s.timeline.iter().map(|e| e.day).collect();
    let (w, left, right) = (1000.0, 40.0, 40.0);
    let Some(axis) = Axis::new(&days, left, w - right) else {
        return;
    };
    let _ = write!(
        out,
        "<div class=\"timeline\"><svg viewBox=\"0 0 {w} 120\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"timeline\"><line class=\"axis\" x1=\"{left}\" y1=\"70\" x2=\"{}\" y2=\"70\"/>",
        w - right
    );
    // A cut in the axis: a gap with two slanted strokes.
    for b in &axis.breaks {
        let _ = write!(
            out,
            "<g class=\"break\"><rect x=\"{:.1}\" y=\"62\" width=\"12\" height=\"16\"/><line x1=\"{:.1}\" y1=\"78\" x2=\"{:.1}\" y2=\"62\"/><line x1=\"{:.1}\" y1=\"78\" x2=\"{:.1}\" y2=\"62\"/></g>",
            b - 6.0,
            b - 9.0,
            b - 3.0,
            b + 3.0,
            b + 9.0
        );
    }
    // A day that is an entry is labelled as the entry is dated ("2011-03" for a month).
    let label = |d: NaiveDate| {
        s.timeline
            .iter()
            .find(|e| e.day == d)
            .map_or_else(|| d.format("%Y-%m-%d").to_string(), |e| e.date.clone())
    };
    for (d, xi) in axis.ticks() {
        let _ = write!(
            out,
            "<line class=\"tick\" x1=\"{xi:.1}\" y1=\"64\" x2=\"{xi:.1}\" y2=\"76\"/><text x=\"{xi:.1}\" y=\"96\" text-anchor=\"middle\">{}</text>",
            escape(&label(d))
        );
    }
    // Stack points that fall on the same date.
    let mut seen: std::collections::HashMap<NaiveDate, usize> = Default::default();
    for (i, e) in s.timeline.iter().enumerate() {
        let k = seen.entry(e.day).or_default();
        let y = 70.0 - (*k as f64) * 16.0;
        *k += 1;
        let _ = write!(
            out,
            "<circle data-i=\"{i}\" cx=\"{:.1}\" cy=\"{y:.1}\" r=\"7\"><title>{}: {}</title></circle>",
            axis.x(e.day),
            escape(&e.date),
            escape(&e.text)
        );
    }
    out.push_str("</svg></div>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_core::{ArticleEntry, Precision, SourcedText, TimelineEntry};

    fn briefing_with(text: &str) -> Briefing {
        let src = Source {
            article: "a1".into(),
            outlet: "<b>Outlet</b>".into(),
        };
        Briefing {
            schema_version: 1,
            generator: "test".into(),
            articles: vec![ArticleEntry {
                id: "a1".into(),
                path: "x.txt".into(),
                outlet: "<b>Outlet</b>".into(),
                title: Some(text.into()),
                url: None,
                published: None,
                language: None,
                dateline: None,
                sentences: 1,
            }],
            syndication: vec![],
            stories: vec![StoryBriefing {
                id: 0,
                title: text.into(),
                articles: vec!["a1".into()],
                outlets: vec!["<b>Outlet</b>".into()],
                first_published: None,
                last_published: None,
                summary: vec![SourcedText {
                    text: text.into(),
                    sources: vec![src.clone()],
                }],
                timeline: vec![TimelineEntry {
                    date: "2016-12-06".into(),
                    day: NaiveDate::from_ymd_opt(2016, 12, 6).unwrap(),
                    precision: Precision::Day,
                    text: text.into(),
                    sources: vec![src],
                    more: vec![],
                }],
                quotes: vec![],
                disagreements: vec![],
                entities: vec![],
                coverage: vec![],
            }],
            skipped: vec![],
        }
    }

    #[test]
    fn article_text_is_escaped() {
        let page = html(&briefing_with("<script>alert('x')</script> & co"));
        assert!(!page.contains("<script>alert"));
        assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
        assert!(!page.contains("<b>Outlet</b>"));
        // Only the report's own script tag is present.
        assert_eq!(page.matches("<script>").count(), 1);
    }

    #[test]
    fn only_direct_quotes_and_their_variants_are_in_quotation_marks() {
        let mut b = briefing_with("Army seized Shaar");
        let src = b.stories[0].summary[0].sources.clone();
        let quote = |text: &str, direct: bool, variant: &str| storyline_core::Quote {
            speaker: "Lavrov".into(),
            text: text.into(),
            direct,
            sources: src.clone(),
            variants: vec![SourcedText {
                text: variant.into(),
                sources: src.clone(),
            }],
        };
        b.stories[0].quotes = vec![
            quote("We will not leave", true, "We shall not leave"),
            quote("talks would start soon", false, "talks could begin soon"),
        ];
        for page in [html(&b), crate::markdown::markdown(&b)] {
            assert!(page.contains("“We will not leave”"), "{page}");
            assert!(page.contains("“We shall not leave”"), "{page}");
            assert!(page.contains("talks would start soon"), "{page}");
            assert!(
                page.contains("also worded: talks could begin soon"),
                "{page}"
            );
            assert!(!page.contains("“talks"), "{page}");
        }
    }

    #[test]
    fn story_dates_say_how_many_articles_are_undated() {
        let mut b = briefing_with("Army seized Shaar");
        // No dated article.
        assert!(html(&b).contains("· dates unknown</div>"));
        assert!(crate::markdown::markdown(&b).contains("publication dates unknown."));
        // One dated, one undated.
        let day = NaiveDate::from_ymd_opt(2016, 12, 7).unwrap();
        let mut dated = b.articles[0].clone();
        dated.id = "a2".into();
        dated.published = Some(storyline_core::Published {
            date: day,
            source: storyline_core::DateSource::Header,
            confidence: 1.0,
        });
        b.articles.push(dated);
        b.stories[0].articles.push("a2".into());
        b.stories[0].first_published = Some(day);
        b.stories[0].last_published = Some(day);
        assert!(html(&b).contains("· 2016-12-07; 1 undated</div>"));
        let md = crate::markdown::markdown(&b);
        assert!(md.contains("published 2016-12-07; 1 undated."), "{md}");
        // All dated.
        b.articles[0].published = b.articles[1].published.clone();
        assert!(crate::markdown::markdown(&b).contains("published 2016-12-07.\n"));
    }

    #[test]
    fn long_empty_stretches_are_cut_out_of_the_timeline_axis() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        // The seeds: a war begun in March 2011, Ramussa on 6 August 2016, the offensive of
        // 15 November and the first week of December.
        let days = [
            d(2011, 3, 1),
            d(2016, 8, 6),
            d(2016, 11, 15),
            d(2016, 12, 5),
            d(2016, 12, 6),
            d(2016, 12, 7),
        ];
        let axis = Axis::new(&days, 40.0, 960.0).unwrap();
        assert_eq!(axis.breaks.len(), 2, "{:?}", axis.segments);
        let xs: Vec<f64> = days.iter().map(|&x| axis.x(x)).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
        assert!(xs.iter().all(|x| (40.0..=960.0).contains(x)), "{xs:?}");
        // The three December days are spread over more than a third of the axis' room
        // (proportional to time over the whole span they would share a pixel or two).
        assert!(xs[5] - xs[2] > 300.0, "{xs:?}");
        // Days close together are not cut apart, and labels do not overlap.
        let close = [d(2025, 4, 13), d(2025, 4, 14), d(2025, 4, 16)];
        let axis = Axis::new(&close, 40.0, 960.0).unwrap();
        assert!(axis.breaks.is_empty());
        assert!((axis.x(close[0]) - 40.0).abs() < 1e-9 && (axis.x(close[2]) - 960.0).abs() < 1e-9);
        let ticks = axis.ticks();
        assert!(
            ticks.windows(2).all(|w| w[1].1 - w[0].1 >= 90.0),
            "{ticks:?}"
        );
        // One day only: a point in the middle.
        let one = Axis::new(&[d(2016, 12, 6)], 40.0, 960.0).unwrap();
        assert!((one.x(d(2016, 12, 6)) - 500.0).abs() < 1e-9);
        assert!(Axis::new(&[], 40.0, 960.0).is_none());
    }

    #[test]
    fn page_is_self_contained_with_a_timeline() {
        let page = html(&briefing_with("Army seized Shaar"));
        assert!(page.contains("<svg"));
        assert!(page.contains("<circle data-i=\"0\""));
        for external in ["http://", "https://", "src=\"//"] {
            assert!(!page.contains(external), "page refers to {external}");
        }
    }
}
