//! Reader for the cross-lingual Crisis collection (CL-TLS, La Quatra et al. 2021): one
//! language folder holds `<topic>/<YYYY-MM-DD>/<doc>.txt` (raw article text, one file per
//! article, in a folder named by its publication date) and `reference/<topic>.txt` (the
//! reference timelines in tilse format).
//!
//! Unlike Timeline17, the articles are raw text, so they go through the same text stage as
//! any ingested article ([`storyline_pipeline::prepare`]: boilerplate removal, sentence
//! splitting with the language's rules) and the temporal tagger
//! ([`storyline_time::annotate`]) before the timeline is built.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::tls::{Timeline, TlsError, parse_timelines};

/// One topic of a language folder: its articles and reference timelines.
#[derive(Debug, Clone)]
pub struct Topic {
    /// Topic name (the folder name, e.g. `egypt`).
    pub name: String,
    /// Articles: publication date (from the folder name), file and text.
    pub articles: Vec<(NaiveDate, PathBuf, String)>,
    /// The reference timeline of `reference/<topic>.txt` (one per topic; see [`read_topic`]).
    pub references: Vec<Timeline>,
    /// Files that were skipped, with the reason (unreadable, or outside a date folder).
    pub skipped: Vec<(PathBuf, String)>,
}

/// Lists the topics of a language folder: every subfolder with a `reference/<name>.txt`,
/// sorted by name.
pub fn topics(dir: &Path) -> Result<Vec<String>, TlsError> {
    let read =
        std::fs::read_dir(dir).map_err(|e| TlsError::Read(dir.to_path_buf(), e.to_string()))?;
    let mut out: Vec<String> = read
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|name| name != "reference")
        .filter(|name| dir.join("reference").join(format!("{name}.txt")).is_file())
        .collect();
    out.sort();
    Ok(out)
}

/// Reads one topic: the articles under `dir/<name>/<date>/` (in date then file-name order)
/// and its reference timeline. Each reference file holds one timeline, in either date order
/// (the Spanish Egypt file runs backwards) and sometimes with a date repeated in two blocks,
/// so all its blocks are merged into one timeline rather than split where the dates go
/// backwards as Timeline17's merged files are. Files outside a `YYYY-MM-DD` folder or not valid text are
/// skipped and listed in [`Topic::skipped`], so one bad file does not lose the topic.
pub fn read_topic(dir: &Path, name: &str) -> Result<Topic, TlsError> {
    let reference = dir.join("reference").join(format!("{name}.txt"));
    let bytes =
        std::fs::read(&reference).map_err(|e| TlsError::Read(reference.clone(), e.to_string()))?;
    let mut merged = Timeline::default();
    for t in parse_timelines(&String::from_utf8_lossy(&bytes)) {
        for (date, sentences) in t.dates {
            merged.dates.entry(date).or_default().extend(sentences);
        }
    }
    let references = if merged.dates.is_empty() {
        Vec::new()
    } else {
        vec![merged]
    };
    let root = dir.join(name);
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&root)
        .follow_links(true)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    for path in files {
        let folder = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .unwrap_or("");
        let Ok(date) = NaiveDate::parse_from_str(folder, "%Y-%m-%d") else {
            skipped.push((path, "not inside a YYYY-MM-DD folder".to_string()));
            continue;
        };
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) if !text.trim().is_empty() => articles.push((date, path, text)),
                Ok(_) => skipped.push((path, "empty".to_string())),
                Err(e) => skipped.push((path, format!("not UTF-8: {e}"))),
            },
            Err(e) => skipped.push((path, e.to_string())),
        }
    }
    Ok(Topic {
        name: name.to_string(),
        articles,
        references,
        skipped,
    })
}

/// Reads every topic of a language folder for timeline building ([`topics`], [`read_topic`],
/// [`corpus`]): named `<language>-<topic>` after the folder's name, without keywords (the
/// topic keywords are English).
pub fn read_tls_topics(dir: &Path) -> Result<Vec<crate::tls::TlsTopic>, TlsError> {
    let language = dir
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("en")
        .to_string();
    let mut out = Vec::new();
    for name in topics(dir)? {
        let topic = read_topic(dir, &name)?;
        out.push(crate::tls::TlsTopic {
            name: format!("{language}-{name}"),
            corpus: corpus(&topic, &language),
            references: topic.references,
            keywords: Vec::new(),
        });
    }
    Ok(out)
}

/// Builds a tagged corpus from a topic's raw articles: each article gets its folder date as
/// its publication date and the given language, then the text stage splits it into
/// sentences and the temporal tagger annotates them.
pub fn corpus(topic: &Topic, language: &str) -> storyline_core::Corpus {
    use storyline_core::{Article, DateSource, Published};
    let articles: Vec<Article> = topic
        .articles
        .iter()
        .map(|(date, path, text)| {
            let mut a = Article::new(path.display().to_string(), text.clone());
            a.language = Some(language.to_string());
            a.published = Some(Published {
                date: *date,
                source: DateSource::Metadata,
                confidence: 1.0,
            });
            a
        })
        .collect();
    let mut corpus = storyline_pipeline::prepare(articles);
    storyline_time::annotate(&mut corpus);
    corpus
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(p: &Path, text: &str) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn reads_dated_folders_and_references() {
        let dir = std::env::temp_dir().join(format!("storyline-cltls-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        write(
            &dir.join("egipto/2011-02-11/a.txt"),
            "Mubarak dimite tras 18 días de protestas. La plaza Tahrir celebra.",
        );
        write(
            &dir.join("egipto/2011-02-12/b.txt"),
            "El ejército asume el poder.",
        );
        write(&dir.join("egipto/notes.txt"), "sin fecha");
        write(&dir.join("egipto/2011-02-13/c.txt"), "  \n");
        write(&dir.join("solo/2011-01-01/x.txt"), "sin referencia");
        write(
            &dir.join("reference/egipto.txt"),
            "2011-02-12\nEl ejército asume el poder .\n--------------------------------\n\
             2011-02-11\nMubarak dimite .\n--------------------------------\n\
             2011-02-11\nTahrir celebra .\n--------------------------------\n",
        );
        assert_eq!(topics(&dir).unwrap(), vec!["egipto".to_string()]);
        let t = read_topic(&dir, "egipto").unwrap();
        assert_eq!(t.articles.len(), 2);
        assert_eq!(
            t.articles[0].0,
            NaiveDate::from_ymd_opt(2011, 2, 11).unwrap()
        );
        assert_eq!(t.skipped.len(), 2, "{:?}", t.skipped);
        assert_eq!(t.references.len(), 1);
        assert_eq!(t.references[0].dates.len(), 2, "one timeline, backwards");
        assert_eq!(
            t.references[0].dates.values().map(Vec::len).sum::<usize>(),
            3
        );
        let c = corpus(&t, "es");
        assert_eq!(c.articles.len(), 2);
        assert_eq!(c.sentences[0].len(), 2, "two Spanish sentences");
        assert_eq!(c.articles[0].language.as_deref(), Some("es"));
        assert!(read_topic(&dir, "solo").is_err(), "no reference file");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn reads_the_shared_collection_when_present() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/cl_tls_multilingual/es");
        if !dir.is_dir() {
            eprintln!("skipped: {} is absent", dir.display());
            return;
        }
        let names = topics(&dir).unwrap();
        assert_eq!(names, ["egypt", "libya", "syria", "yemen"]);
        let t = read_topic(&dir, "egypt").unwrap();
        assert!(t.articles.len() > 100, "{}", t.articles.len());
        assert!(!t.references.is_empty());
    }
}
