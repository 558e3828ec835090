//! End-to-end check on the five real Aleppo seed reports (`shared/seeds`): the briefing's
//! timeline places the Security Council veto, the capture of Shaar and the Ramussa
//! breakthrough on their true dates, each with a sentence that reports it. Skipped when the
//! seeds are not present.

use std::path::PathBuf;

use chrono::NaiveDate;

/// The briefing of the five seeds with default options, or `None` (with a message) when the
/// seeds are absent.
fn seeds_briefing() -> Option<storyline_core::Briefing> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !dir.is_dir() {
        eprintln!("skipping: no seeds at {}", dir.display());
        return None;
    }
    let mut articles = Vec::new();
    let report = storyline_ingest::read_paths(&[dir], &mut |a| articles.push(a));
    assert_eq!(report.articles, 5, "the five seed reports");
    Some(storyline_pipeline::run(
        articles,
        report.diagnostics,
        &storyline_pipeline::Options::default(),
    ))
}

#[test]
fn seed_timeline_places_the_aleppo_events_on_their_dates() {
    let Some(briefing) = seeds_briefing() else {
        return;
    };
    let entries: Vec<_> = briefing
        .stories
        .iter()
        .flat_map(|s| s.timeline.iter())
        .collect();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
    for (date, words) in [
        (day(2016, 12, 5), ["Security Council", "resolution"]),
        (day(2016, 12, 6), ["Shaar", "retook"]),
        (day(2016, 8, 6), ["Ramussa", "seized"]),
    ] {
        let entry = entries
            .iter()
            .find(|e| e.day == date && e.precision == storyline_core::Precision::Day)
            .unwrap_or_else(|| panic!("no timeline entry on {date}: {entries:#?}"));
        for w in words {
            assert!(entry.text.contains(w), "{date}: {:?} lacks {w}", entry.text);
        }
        assert!(!entry.sources.is_empty(), "{date} has no source");
    }
}

/// Four of the seeds name no outlet. Each counts as its own source in the coverage (two
/// unnamed sites are not one outlet), so what one of them reports alone is shown, and the
/// statement "he added" after a quote is the quoted official's, not a person it mentions.
#[test]
fn seed_articles_of_unknown_outlet_are_separate_sources() {
    let Some(briefing) = seeds_briefing() else {
        return;
    };
    let story = &briefing.stories[0];
    let alone = |id: &str, needle: &str| {
        story
            .coverage
            .iter()
            .find(|c| c.outlet == format!("unknown ({id})"))
            .is_some_and(|c| c.unique.iter().any(|u| u.text.contains(needle)))
    };
    assert!(
        alone("002_8a305338427bf531", "Mark Toner"),
        "{:#?}",
        story.coverage
    );
    assert!(
        alone("003_84410d637d6917eb", "S-300"),
        "{:#?}",
        story.coverage
    );
    assert!(story.coverage.iter().all(|c| c.outlet != "unknown"));
    let hangzhou = story
        .quotes
        .iter()
        .find(|q| q.text.contains("Hangzhou"))
        .expect("the Hangzhou statement is a quote");
    assert_eq!(hangzhou.speaker, "senior State Department official");
}
