//! `storyline dates`: every article's publication date (given or inferred, with its source and
//! confidence, or "unknown") and every temporal expression with its TIMEX3 value; `--explain`
//! adds the rule that resolved each expression and what it was anchored to.

use std::io::{Read, Write};
use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use serde::Serialize;
use storyline_core::{Article, DateSource, Precision, Published, Timex};
use storyline_time::Anchor;

use crate::{EXIT_OK, EXIT_SKIPPED};

/// Output formats of `storyline dates`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum DatesFormat {
    /// Markdown tables.
    Md,
    /// One JSON document.
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories to read (any format `storyline brief` reads); `-` reads one plain
    /// text from standard input. With none, the built-in demo corpus is used.
    pub paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for every article, replacing the one read or inferred
    /// (reported as metadata in JSON).
    #[arg(long, value_parser = parse_date)]
    pub dct: Option<NaiveDate>,
    /// Also show, for each expression, the rule that resolved it and what it was anchored to.
    #[arg(long)]
    pub explain: bool,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "md")]
    pub format: DatesFormat,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("{s:?} is not a date in the form YYYY-MM-DD ({e})"))
}

#[derive(Serialize)]
struct Report {
    articles: Vec<ArticleDates>,
    /// Every publication date was given with `--dct`.
    #[serde(skip)]
    dct_given: bool,
}

#[derive(Serialize)]
struct ArticleDates {
    id: String,
    path: String,
    /// `null` when the date is unknown.
    published: Option<Published>,
    timexes: Vec<TimexEntry>,
}

/// One expression; `start`/`end` are byte offsets into the article text as the briefing reads
/// it (after boilerplate removal), not into the file.
#[derive(Serialize)]
struct TimexEntry {
    text: String,
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: &'static str,
    value: String,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    modifier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    precision: Option<Precision>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor: Option<&'static str>,
    /// The anchor for people ("the publication date 2016-12-07"), for the Markdown table.
    #[serde(skip)]
    anchored_to: String,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let mut articles: Vec<Article> = Vec::new();
    let report = read(&args.paths, &mut |a| articles.push(a))?;
    for d in &report.diagnostics {
        eprintln!("storyline: {d}");
    }
    if articles.is_empty() {
        anyhow::bail!("no article could be read from {} file(s)", report.files);
    }
    let report_out = analyse(articles, args.dct, args.explain);
    let text = match args.format {
        DatesFormat::Json => {
            let mut s = serde_json::to_string_pretty(&report_out)?;
            s.push('\n');
            s
        }
        DatesFormat::Md => markdown(&report_out, args.explain),
    };
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .context("cannot write to standard output")?;
    Ok(if report.diagnostics.is_empty() {
        EXIT_OK
    } else {
        EXIT_SKIPPED
    })
}

/// Reads the articles: the demo with no path, standard input for `-`, else files.
fn read(
    paths: &[PathBuf],
    sink: &mut dyn FnMut(Article),
) -> anyhow::Result<storyline_ingest::IngestReport> {
    if paths.is_empty() {
        return Ok(crate::demo::read(sink));
    }
    let (stdin, files): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|p| p.as_os_str() == "-");
    let files: Vec<PathBuf> = files.into_iter().cloned().collect();
    let mut report = storyline_ingest::read_paths(&files, sink);
    if !stdin.is_empty() {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        // Plain text unless the content itself says otherwise (JSON Lines, HTML, a feed, …).
        let name = if storyline_ingest::detect_format("stdin", &bytes).is_some() {
            "stdin"
        } else {
            "stdin.txt"
        };
        storyline_ingest::read_bytes(name, &bytes, &mut report, sink);
    }
    Ok(report)
}

/// Prepares the corpus as the briefing does (boilerplate removal, sentences, syndication
/// groups, publication-date inference) and tags every article against its date.
fn analyse(articles: Vec<Article>, dct: Option<NaiveDate>, explain: bool) -> Report {
    let mut corpus = storyline_pipeline::prepare_dated(articles);
    if let Some(date) = dct {
        for a in &mut corpus.articles {
            a.published = Some(Published {
                date,
                source: DateSource::Metadata,
                confidence: 1.0,
            });
        }
    }
    let articles = corpus
        .articles
        .iter()
        .map(|a| {
            let lang = a.language.as_deref();
            // The anchors need a second tagging without the date: only for --explain.
            let timexes = if explain {
                storyline_time::tag_explained(&a.text, a.date(), lang)
            } else {
                storyline_time::tag_in(&a.text, a.date(), lang)
                    .into_iter()
                    .map(|t| (t, Anchor::TextAlone))
                    .collect()
            };
            ArticleDates {
                id: a.id.clone(),
                path: a.origin.to_string(),
                published: a.published.clone(),
                timexes: timexes
                    .into_iter()
                    .map(|(t, anchor)| entry(t, anchor, a.date(), explain))
                    .collect(),
            }
        })
        .collect();
    Report {
        articles,
        dct_given: dct.is_some(),
    }
}

fn entry(t: Timex, anchor: Anchor, dct: Option<NaiveDate>, explain: bool) -> TimexEntry {
    TimexEntry {
        anchored_to: anchor.describe(dct),
        kind: t.kind.name(),
        rule: explain.then(|| t.rule.clone()),
        anchor: explain.then(|| anchor.name()),
        text: t.text,
        start: t.start,
        end: t.end,
        value: t.value,
        modifier: t.modifier,
        date: t.date,
        precision: t.precision,
    }
}

fn source_name(source: DateSource) -> &'static str {
    match source {
        DateSource::Metadata => "metadata",
        DateSource::Header => "date header",
        DateSource::Dateline => "dateline in the text",
        DateSource::Syndicated => "date of a syndicated copy",
        DateSource::Mentions => "dates the text mentions",
    }
}

/// A table cell: no line breaks, and `|` escaped.
fn cell(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

fn markdown(report: &Report, explain: bool) -> String {
    let mut out = String::from("# Dates\n");
    for a in &report.articles {
        out.push_str(&format!("\n## {} ({})\n\n", a.id, a.path));
        match &a.published {
            Some(p) if report.dct_given => {
                out.push_str(&format!("Published {} (given with --dct).\n", p.date))
            }
            Some(p) => out.push_str(&format!(
                "Published {} (from the {}, confidence {:.2}).\n",
                p.date,
                source_name(p.source),
                p.confidence
            )),
            None => out.push_str(
                "Publication date unknown: no metadata, header or dateline, no dated copy, and the \
                 dates the text mentions do not pin it; relative expressions stay unresolved.\n",
            ),
        }
        if a.timexes.is_empty() {
            out.push_str("\nNo temporal expression.\n");
            continue;
        }
        out.push_str(if explain {
            "\n| expression | type | value | rule | anchored to |\n|---|---|---|---|---|\n"
        } else {
            "\n| expression | type | value |\n|---|---|---|\n"
        });
        for t in &a.timexes {
            let value = match &t.modifier {
                Some(m) => format!("{} (mod {m})", t.value),
                None => t.value.clone(),
            };
            out.push_str(&format!("| {} | {} | {} |", cell(&t.text), t.kind, value));
            if explain {
                out.push_str(&format!(
                    " {} | {} |",
                    t.rule.as_deref().unwrap_or(""),
                    t.anchored_to
                ));
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, text: &str) -> Article {
        Article::new(id, text)
    }

    #[test]
    fn a_given_dct_resolves_relative_expressions_and_explain_names_the_rule() {
        let report = analyse(
            vec![article(
                "a",
                "Troops advanced on Tuesday, a day after the talks.",
            )],
            NaiveDate::from_ymd_opt(2016, 12, 7),
            true,
        );
        let t = &report.articles[0].timexes[0];
        assert_eq!(t.text, "Tuesday");
        assert_eq!(t.value, "2016-12-06");
        assert_eq!(t.anchor, Some("publication-date"));
        assert!(t.rule.as_deref().is_some_and(|r| r.starts_with("weekday.")));
        let md = markdown(&report, true);
        assert!(
            md.contains("| Tuesday | DATE | 2016-12-06 | weekday."),
            "{md}"
        );
        assert!(md.contains("the publication date 2016-12-07"), "{md}");
    }

    #[test]
    fn an_undated_text_says_unknown_and_keeps_relative_values_unresolved() {
        let report = analyse(
            vec![article("b", "Troops advanced on Tuesday.")],
            None,
            false,
        );
        let a = &report.articles[0];
        assert!(a.published.is_none());
        assert_eq!(a.timexes[0].date, None);
        assert!(a.timexes[0].rule.is_none());
        let md = markdown(&report, false);
        assert!(md.contains("Publication date unknown"), "{md}");
        let json = serde_json::to_value(&report).unwrap();
        assert!(json["articles"][0]["published"].is_null());
        assert_eq!(json["articles"][0]["timexes"][0]["type"], "DATE");
    }

    #[test]
    fn a_dateline_date_is_inferred_with_its_source() {
        let report = analyse(
            vec![article(
                "c",
                "Published on 12:00 AM, December 07, 2016\n\nGovernment troops retook five \
                 districts on Tuesday, the monitor said.",
            )],
            None,
            false,
        );
        let p = report.articles[0]
            .published
            .as_ref()
            .expect("dateline date");
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2016, 12, 7).unwrap());
        assert_eq!(p.source, DateSource::Dateline);
        assert!(
            report.articles[0]
                .timexes
                .iter()
                .any(|t| t.text == "Tuesday" && t.value == "2016-12-06")
        );
    }

    #[test]
    fn markdown_cells_escape_pipes_and_line_breaks() {
        assert_eq!(cell("a|b\n c"), "a\\|b c");
    }
}
