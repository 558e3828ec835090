//! TREC SGML reader (DUC/TAC document files: one or more `<DOC>` elements per file).
//!
//! Rules: `id` = `<DOCNO>`; date from `<DATE_TIME>`/`<DATE>` when it parses, else from the
//! DOCNO (`APW19981016.0240` → 1998-10-16, `AP880911-0016`, `WSJ870227-0149`,
//! `LA010189-0001`); outlet from the DOCNO prefix (`APW` → Associated Press, …); title from
//! `<HEADLINE>`/`<HL>`/`<HEAD>`; text from every `<TEXT>` block, paragraphs from `<P>` or,
//! without `<P>`, from indented lines; `<ANNOTATION>` blocks, editor's notes (`&UR;` lines) and
//! SGML entities are dropped; a dateline (`WASHINGTON (AP) -- `) is taken off the first
//! paragraph.

use chrono::NaiveDate;
use storyline_core::{Article, DateSource};

use crate::common::{
    Out, collapse_ws, file_stem, join_paragraphs, line_of, parse_date, published, take_dateline,
};

/// True when the text looks like TREC SGML.
pub(crate) fn sniff(text: &str) -> bool {
    let head = &text[..text.len().min(4096)];
    let t = head.trim_start();
    (t.starts_with("<DOC>") || t.starts_with("<doc>") || t.starts_with("<DOC "))
        && (head.contains("<DOCNO>") || head.contains("<docno>"))
}

/// Reads every `<DOC>` of a file.
pub(crate) fn read(name: &str, text: &str, out: &mut Out<'_>) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    // Line counting is incremental: (byte offset, line number) of the last DOC seen.
    let mut counted = (0usize, 1u64);
    let mut index = 0u64;
    let mut found = false;
    while let Some(rel) = find_ci(&text[pos..], "<DOC>") {
        let start = pos + rel;
        let body_start = start + "<DOC>".len();
        let line = counted.1 + line_of(&bytes[counted.0..start], start - counted.0) - 1;
        counted = (start, line);
        let (end, next) = match find_ci(&text[body_start..], "</DOC>") {
            Some(e) => (body_start + e, body_start + e + "</DOC>".len()),
            None => {
                let e = find_ci(&text[body_start..], "<DOC>")
                    .map(|e| body_start + e)
                    .unwrap_or(text.len());
                out.warning(
                    format!("{name}:{line}"),
                    "<DOC> without </DOC>; read up to the next <DOC> or the end of the file",
                );
                (e, e)
            }
        };
        found = true;
        read_doc(name, &text[body_start..end], line, index, out);
        index += 1;
        pos = next.max(body_start);
    }
    if !found {
        out.skipped(name, "no <DOC> element found in TREC SGML file");
    }
}

fn read_doc(name: &str, doc: &str, line: u64, index: u64, out: &mut Out<'_>) {
    // Metadata precedes the text in every TREC variant: look for it there only.
    let head = find_ci(doc, "<TEXT").map(|i| &doc[..i]).unwrap_or(doc);
    let docno = element(head, "DOCNO").map(|s| collapse_ws(&strip_tags(s)));
    let id = match &docno {
        Some(d) if !d.is_empty() => d.clone(),
        _ => format!("{}:{line}", file_stem(name)),
    };
    let mut paras: Vec<String> = Vec::new();
    let mut rest = doc;
    let mut any_text = false;
    while let Some((inner, after)) = element_with_rest(rest, "TEXT") {
        any_text = true;
        paras.extend(paragraphs(inner));
        rest = after;
    }
    if paras.is_empty()
        && let Some(body) = element(doc, "BODY")
    {
        // Some NYT documents carry their text in <BODY> outside the <TEXT> element.
        let mut body = body.to_string();
        for tag in ["HEADLINE", "SLUG", "CATEGORY", "TRAILER", "TEXT"] {
            remove_elements(&mut body, tag);
        }
        paras = paragraphs(&body);
    }
    if !any_text && paras.is_empty() {
        out.skipped(
            format!("{name}:{line}"),
            format!("document {id} has no <TEXT>"),
        );
        return;
    }
    let dateline = take_dateline(&mut paras, 1);
    let text = join_paragraphs(&paras);
    if text.is_empty() {
        out.skipped(
            format!("{name}:{line}"),
            format!("document {id} has an empty <TEXT>"),
        );
        return;
    }
    let mut a = Article::new(id, text);
    a.dateline = dateline;
    a.title = ["HEADLINE", "HL", "HEAD", "TITLE"]
        .iter()
        .find_map(|t| element(head, t))
        .map(|h| collapse_ws(&decode_entities(&strip_tags(h))))
        .filter(|h| !h.is_empty());
    let meta_date = ["DATE_TIME", "DATE", "DD"]
        .iter()
        .find_map(|t| element(head, t).and_then(|d| parse_date(d.trim_start_matches('=').trim())));
    // DATE_TIME is trusted unless it contradicts the DOCNO date by more than a day (some
    // files swap month and day: `1998-28-06`, `2024-09-03` for a DOCNO of 2024-03-09).
    a.published = match (meta_date, docno.as_deref().and_then(docno_date)) {
        (Some(m), Some(d)) if (m - d).num_days().abs() > 1 => {
            Some(published(d, DateSource::Metadata, 0.9))
        }
        (Some(m), _) => Some(published(m, DateSource::Metadata, 1.0)),
        (None, Some(d)) => Some(published(d, DateSource::Metadata, 0.9)),
        (None, None) => None,
    };
    if let Some(outlet) = docno.as_deref().and_then(docno_outlet) {
        a.outlet = outlet;
    }
    a.origin.path = name.to_string();
    a.origin.line = Some(line);
    a.origin.item = Some(index);
    out.emit(a);
}

/// Case-insensitive ASCII search.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    let (&first, rest) = n.split_first()?;
    let mut from = 0;
    while from + n.len() <= h.len() {
        let window = &h[from..=h.len() - n.len()];
        let i = from
            + if first.is_ascii_alphabetic() {
                window.iter().position(|b| b.eq_ignore_ascii_case(&first))?
            } else {
                // `<`: memchr-backed search.
                hay.get(from..=h.len() - n.len())
                    .and_then(|w| w.find(first as char))
                    .or_else(|| window.iter().position(|&b| b == first))?
            };
        if h[i + 1..i + n.len()].eq_ignore_ascii_case(rest) {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// The content of the first `<TAG>…</TAG>` (the rest of the document when unclosed).
fn element<'a>(doc: &'a str, tag: &str) -> Option<&'a str> {
    element_with_rest(doc, tag).map(|(inner, _)| inner)
}

/// The content of the first `<TAG>` element and the text after it.
fn element_with_rest<'a>(doc: &'a str, tag: &str) -> Option<(&'a str, &'a str)> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut from = 0;
    let start = loop {
        let i = from + find_ci(&doc[from..], &open)?;
        let after = i + open.len();
        match doc.as_bytes().get(after) {
            Some(b'>') => break after + 1,
            Some(b' ' | b'\t' | b'\n' | b'\r') => {
                let gt = doc[after..].find('>')?;
                break after + gt + 1;
            }
            _ => from = after,
        }
    };
    match find_ci(&doc[start..], &close) {
        Some(e) => Some((&doc[start..start + e], &doc[start + e + close.len()..])),
        None => Some((&doc[start..], "")),
    }
}

/// Removes `<…>` tags.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Decodes the standard entities; drops the typesetting ones (`&HT;`, `&QC;`, `&Cx1f;`).
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail
            .char_indices()
            .skip(1)
            .take(12)
            .find(|&(_, c)| c == ';' || c.is_whitespace() || c == '&')
            .filter(|&(_, c)| c == ';')
            .map(|(j, _)| j);
        match end {
            Some(j) => {
                let ent = &tail[1..j];
                match ent.to_ascii_lowercase().as_str() {
                    "amp" => out.push('&'),
                    "lt" => out.push('<'),
                    "gt" => out.push('>'),
                    "quot" => out.push('"'),
                    "apos" => out.push('\''),
                    "ht" | "qc" | "ql" | "ur" | "lr" | "md" | "tl" | "tr" | "xq" => out.push(' '),
                    _ => {
                        if let Some(c) = ent
                            .strip_prefix('#')
                            .and_then(|n| match n.strip_prefix(['x', 'X']) {
                                Some(h) => u32::from_str_radix(h, 16).ok(),
                                None => n.parse().ok(),
                            })
                            .and_then(char::from_u32)
                        {
                            out.push(c);
                        } else {
                            out.push(' ');
                        }
                    }
                }
                rest = &tail[j + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Turns `` ``quote'' `` typewriter quotes into plain double quotes.
fn fix_quotes(s: &str) -> String {
    s.replace("``", "\"").replace("''", "\"")
}

/// Cleans one paragraph: entities, tags, quotes, white space.
fn clean_paragraph(p: &str) -> String {
    if !p.contains(['<', '&', '`']) && !p.contains("''") {
        return collapse_ws(p);
    }
    let joined;
    let p = if p.contains("&UR;") || p.contains("&LR;") {
        let kept: Vec<&str> = p
            .lines()
            .filter(|l| {
                let t = l.trim_start();
                !(t.starts_with("&UR;") || t.starts_with("&LR;"))
            })
            .collect();
        joined = kept.join("\n");
        joined.as_str()
    } else {
        p
    };
    collapse_ws(&fix_quotes(&decode_entities(&strip_tags(p))))
}

/// Removes every `<TAG>…</TAG>` element (to the end when unclosed).
fn remove_elements(body: &mut String, tag: &str) {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    while let Some(start) = find_ci(body, &open) {
        let end = find_ci(&body[start..], &close)
            .map(|e| start + e + close.len())
            .unwrap_or(body.len());
        body.replace_range(start..end, "");
    }
}

/// Paragraphs of a `<TEXT>` block.
fn paragraphs(inner: &str) -> Vec<String> {
    let mut body = inner.to_string();
    remove_elements(&mut body, "ANNOTATION");
    let mut paras = Vec::new();
    if find_ci(&body, "<P>").is_some() || find_ci(&body, "<P ").is_some() {
        // Split on <P> and </P>; text between paragraphs counts too.
        let mut rest = body.as_str();
        loop {
            let next_open = find_ci(rest, "<P>").or_else(|| find_ci(rest, "<P "));
            let next_close = find_ci(rest, "</P>");
            let cut = match (next_open, next_close) {
                (Some(a), Some(b)) => a.min(b),
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (None, None) => {
                    paras.push(clean_paragraph(rest));
                    break;
                }
            };
            paras.push(clean_paragraph(&rest[..cut]));
            let gt = rest[cut..]
                .find('>')
                .map(|g| cut + g + 1)
                .unwrap_or(rest.len());
            rest = &rest[gt..];
        }
    } else {
        // Paragraphs start at indented lines or after blank lines.
        let mut cur = String::new();
        for l in body.lines() {
            let indented = l.starts_with('\t') || l.starts_with("  ");
            if l.trim().is_empty() || indented {
                if !cur.trim().is_empty() {
                    paras.push(clean_paragraph(&cur));
                }
                cur.clear();
            }
            cur.push_str(l);
            cur.push('\n');
        }
        if !cur.trim().is_empty() {
            paras.push(clean_paragraph(&cur));
        }
    }
    paras.retain(|p| !p.is_empty() && p.chars().any(|c| c.is_alphanumeric()));
    paras
}

/// The letters a DOCNO starts with (`APW19981016.0240` → `APW`, `AFP_ENG_2005…` → `AFP`).
fn docno_prefix(docno: &str) -> &str {
    let end = docno
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(docno.len());
    &docno[..end]
}

/// The outlet a DOCNO prefix stands for.
pub(crate) fn docno_outlet(docno: &str) -> Option<String> {
    let prefix = docno_prefix(docno).to_ascii_uppercase();
    let name = match prefix.as_str() {
        "" => return None,
        "APW" | "AP" => "Associated Press",
        "NYT" => "New York Times",
        "XIE" | "XIN" => "Xinhua",
        "LTW" => "Los Angeles Times-Washington Post",
        "WPB" => "Washington Post-Bloomberg",
        "AFP" | "AFE" => "Agence France-Presse",
        "CNA" => "Central News Agency",
        "WSJ" => "Wall Street Journal",
        "FT" => "Financial Times",
        "LA" => "Los Angeles Times",
        "FBIS" => "Foreign Broadcast Information Service",
        "SJMN" => "San Jose Mercury News",
        "ZF" => "Ziff-Davis",
        "DOE" => "Department of Energy",
        "FR" => "Federal Register",
        _ => return Some(prefix),
    };
    Some(name.to_string())
}

/// The date encoded in a DOCNO.
pub(crate) fn docno_date(docno: &str) -> Option<NaiveDate> {
    let docno = docno.trim();
    let prefix = docno_prefix(docno);
    let rest =
        docno[prefix.len()..].trim_start_matches(|c: char| c == '_' || c.is_ascii_alphabetic());
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let num = |s: &str| s.parse::<u32>().ok();
    if digits.len() >= 8 {
        let y = num(&digits[0..4])? as i32;
        if (1900..=2100).contains(&y) {
            return NaiveDate::from_ymd_opt(y, num(&digits[4..6])?, num(&digits[6..8])?);
        }
    }
    if digits.len() == 6 {
        let two = |s: &str| num(s).map(|y| if y < 50 { 2000 + y } else { 1900 + y } as i32);
        return match prefix.to_ascii_uppercase().as_str() {
            "AP" | "WSJ" | "SJMN" => NaiveDate::from_ymd_opt(
                two(&digits[0..2])?,
                num(&digits[2..4])?,
                num(&digits[4..6])?,
            ),
            "LA" => NaiveDate::from_ymd_opt(
                two(&digits[4..6])?,
                num(&digits[0..2])?,
                num(&digits[2..4])?,
            ),
            _ => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::IngestReport;

    fn read_str(text: &str) -> (Vec<Article>, IngestReport) {
        crate::common::collect(|out| read("d/f", text, out))
    }

    #[test]
    fn docnos() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(docno_date("APW19981016.0240"), d(1998, 10, 16));
        assert_eq!(docno_date("AP880911-0016"), d(1988, 9, 11));
        assert_eq!(docno_date("WSJ870227-0149"), d(1987, 2, 27));
        assert_eq!(docno_date("LA010189-0001"), d(1989, 1, 1));
        assert_eq!(docno_date("AFP_ENG_20050101.0001"), d(2005, 1, 1));
        assert_eq!(docno_date("FT923-5089"), None);
        assert_eq!(docno_outlet("XIE19990217.0078").as_deref(), Some("Xinhua"));
        assert_eq!(docno_outlet("ABC1").as_deref(), Some("ABC"));
    }

    #[test]
    fn two_docs_and_variants() {
        let text = "<DOC>\n<DOCNO> NYT19980731.0279 </DOCNO>\n<DATE_TIME> 1998-07-31 18:47 </DATE_TIME>\n\
<HEADER>\nA2903 &Cx1f; tad-z\n</HEADER>\n<BODY>\n &HT;    By JEFF NESMITH\n<TEXT>\n<P>\n   WASHINGTON _ Exploring\n\
chaos &amp; ``order.''\n</P>\n<ANNOTATION>\n (STORY CAN END HERE)\n</ANNOTATION>\n<P>\n Second para.\n</P>\n</TEXT>\n</BODY>\n</DOC>\n\
<DOC>\n<DOCNO> APW19981123.1118 </DOCNO>\n<DATE_TIME> 1998-28-06 18:51:00 </DATE_TIME>\n<HEADLINE> Cold  Snap </HEADLINE>\n<TEXT>\n\
\t    &UR; Eds: UPDATES with deaths\n\t   BUCHAREST, Romania (AP) _ An Arctic cold wave\nhas killed people.\n\t   The weather played a role.\n</TEXT>\n</DOC>\n";
        let (arts, report) = read_str(text);
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].id, "NYT19980731.0279");
        assert_eq!(arts[0].outlet, "New York Times");
        assert_eq!(arts[0].dateline.as_deref(), Some("WASHINGTON"));
        assert_eq!(arts[0].text, "Exploring chaos & \"order.\"\n\nSecond para.");
        assert_eq!(arts[0].origin.line, Some(1));
        assert_eq!(arts[1].title.as_deref(), Some("Cold Snap"));
        assert_eq!(arts[1].dateline.as_deref(), Some("BUCHAREST, Romania (AP)"));
        assert_eq!(
            arts[1].text,
            "An Arctic cold wave has killed people.\n\nThe weather played a role."
        );
        // Invalid DATE_TIME: date from the DOCNO, lower confidence.
        let p = arts[1].published.as_ref().unwrap();
        assert_eq!(p.date, NaiveDate::from_ymd_opt(1998, 11, 23).unwrap());
        assert!(p.confidence < 1.0);
        assert_eq!(arts[1].origin.item, Some(1));
    }

    #[test]
    fn broken_docs() {
        let (arts, report) = read_str(
            "<DOC>\n<DOCNO> X1 </DOCNO>\n</DOC>\n<DOC>\n<DOCNO>APW19990101.1</DOCNO><TEXT>Hello there.",
        );
        assert_eq!(arts.len(), 1);
        assert_eq!(report.diagnostics.len(), 2);
        assert_eq!(report.diagnostics[0].location, "d/f:1");
        assert!(report.diagnostics[0].message.contains("no <TEXT>"));
        assert_eq!(report.diagnostics[1].location, "d/f:4");
        let (arts, report) = read_str("nothing here");
        assert!(arts.is_empty());
        assert_eq!(report.diagnostics.len(), 1);
    }
}
