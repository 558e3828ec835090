//! One article as a record of named fields, shared by the JSON Lines and CSV/TSV readers: which
//! field names are accepted for what, and how a record becomes an [`Article`].
//!
//! Names are matched without regard to case, with `-` and spaces read as `_`; the first name of
//! each list is the documented one, the others are the names news exports commonly use.

use storyline_core::{Article, DateSource};

use crate::common::{Out, collapse_ws, language_code, outlet_from_url, parse_date, published};

/// An article field a record can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Id,
    Url,
    Outlet,
    Title,
    Published,
    Text,
    Language,
}

/// The names accepted for each field, the documented one first.
const NAMES: [(Field, &[&str]); 7] = [
    (
        Field::Id,
        &["id", "doc_id", "docid", "docno", "article_id", "guid"],
    ),
    (Field::Url, &["url", "link", "uri", "source_url"]),
    (
        Field::Outlet,
        &[
            "outlet",
            "source",
            "publisher",
            "source_name",
            "site",
            "domain",
        ],
    ),
    (Field::Title, &["title", "headline"]),
    (
        Field::Published,
        &[
            "published",
            "date",
            "published_at",
            "publish_date",
            "publication_date",
            "pubdate",
            "date_publish",
            "datetime",
            "timestamp",
        ],
    ),
    (
        Field::Text,
        &[
            "text",
            "body",
            "content",
            "article",
            "maintext",
            "full_text",
            "story",
        ],
    ),
    (Field::Language, &["language", "lang"]),
];

/// The documented name of a field (`text`, `published`, …), for messages.
pub(crate) fn name(field: Field) -> &'static str {
    NAMES
        .iter()
        .find(|(f, _)| *f == field)
        .map_or("", |(_, names)| names[0])
}

/// The field a column or key names, and its rank among the field's names (0 = documented).
pub(crate) fn field_of(key: &str) -> Option<(Field, usize)> {
    let key: String = key
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    NAMES.iter().find_map(|(field, names)| {
        names
            .iter()
            .position(|n| *n == key)
            .map(|rank| (*field, rank))
    })
}

/// The fields of one record, as strings.
#[derive(Debug, Default)]
pub(crate) struct Record {
    pub id: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub text: Option<String>,
    pub language: Option<String>,
}

impl Record {
    /// The slot of a field.
    pub fn slot(&mut self, field: Field) -> &mut Option<String> {
        match field {
            Field::Id => &mut self.id,
            Field::Url => &mut self.url,
            Field::Outlet => &mut self.outlet,
            Field::Title => &mut self.title,
            Field::Published => &mut self.published,
            Field::Text => &mut self.text,
            Field::Language => &mut self.language,
        }
    }
}

/// Where a record sits in its file.
pub(crate) struct Place<'a> {
    /// The file's name.
    pub name: &'a str,
    /// The file's stem, for ids made up when the record has none.
    pub stem: &'a str,
    /// 1-based line where the record starts.
    pub line: u64,
    /// Byte offset where the record starts.
    pub offset: u64,
}

/// Makes the article of a record: the text is required (else the record is skipped with a
/// diagnostic); the id falls back to `<stem>:<line>`, the outlet to the URL's domain; a date
/// that cannot be read is dropped with a warning.
pub(crate) fn article(rec: Record, place: &Place<'_>, out: &mut Out<'_>) -> Option<Article> {
    let loc = format!("{}:{}", place.name, place.line);
    let text = rec.text.unwrap_or_default();
    if text.trim().is_empty() {
        out.skipped(loc, format!("empty \"{}\"", name(Field::Text)));
        return None;
    }
    let id = rec
        .id
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| format!("{}:{}", place.stem, place.line));
    let mut a = Article::new(id, text.replace("\r\n", "\n"));
    a.url = rec
        .url
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty());
    a.title = rec.title.map(|t| collapse_ws(&t)).filter(|t| !t.is_empty());
    if let Some(o) = rec
        .outlet
        .map(|o| o.trim().to_string())
        .filter(|o| !o.is_empty())
    {
        a.outlet = o;
    } else if let Some(o) = a.url.as_deref().and_then(outlet_from_url) {
        a.outlet = o;
    }
    if let Some(p) = rec.published.as_deref().filter(|p| !p.trim().is_empty()) {
        match parse_date(p) {
            Some(d) => a.published = Some(published(d, DateSource::Metadata, 1.0)),
            None => out.warning(
                loc.clone(),
                format!(
                    "\"{}\" {p:?} is not YYYY-MM-DD or RFC 3339; ignored",
                    name(Field::Published)
                ),
            ),
        }
    }
    if let Some(l) = rec
        .language
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        match language_code(l) {
            Some(code) => a.language = Some(code),
            None => out.warning(
                loc.clone(),
                format!(
                    "\"{}\" {l:?} is not an ISO 639-1 code (\"en\", \"fr-CA\"); the language \
                     is detected from the text",
                    name(Field::Language)
                ),
            ),
        }
    }
    a.origin.path = place.name.to_string();
    a.origin.line = Some(place.line);
    a.origin.offset = Some(place.offset);
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_keep_their_two_letter_code() {
        assert_eq!(language_code("EN").as_deref(), Some("en"));
        assert_eq!(language_code("fr-CA").as_deref(), Some("fr"));
        assert_eq!(language_code("pt_BR").as_deref(), Some("pt"));
        assert_eq!(language_code("English"), None);
        assert_eq!(language_code("e1"), None);
    }

    #[test]
    fn names_match_without_case_and_with_separators() {
        assert_eq!(field_of("Text"), Some((Field::Text, 0)));
        assert_eq!(field_of(" Publish-Date "), Some((Field::Published, 3)));
        assert_eq!(field_of("\u{feff}date"), Some((Field::Published, 1)));
        assert_eq!(field_of("full text"), Some((Field::Text, 5)));
        assert_eq!(field_of("summary"), None);
        assert_eq!(name(Field::Published), "published");
    }
}
