//! MEANTIME (CAT XML) reader shared by the sentence-boundary test and the `text_eval`
//! example: rebuilds running text from gold tokens and scores predicted boundaries.

#![allow(dead_code)]

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Gold sentences of a CAT XML file, each a list of tokens.
pub fn read_cat(xml: &str) -> Vec<Vec<String>> {
    let mut sents: Vec<Vec<String>> = Vec::new();
    let mut rest = xml;
    while let Some(p) = rest.find("<token ") {
        rest = &rest[p..];
        let Some(close) = rest.find('>') else { break };
        let head = &rest[..close];
        let Some(end) = rest.find("</token>") else {
            break;
        };
        let text = unescape(&rest[close + 1..end]);
        let sid = head
            .split("sentence=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse::<usize>().ok());
        rest = &rest[end..];
        let Some(sid) = sid else { continue };
        if sents.len() <= sid {
            sents.resize(sid + 1, Vec::new());
        }
        sents[sid].push(text);
    }
    sents.retain(|s| !s.is_empty());
    sents
}

/// Joins tokens back into running text with the usual English spacing.
pub fn detokenize(tokens: &[String]) -> String {
    let mut out = String::new();
    let mut open_double = false;
    let mut no_space_next = true;
    for t in tokens {
        let t = t.as_str();
        let attach_left = matches!(
            t,
            "," | "."
                | ";"
                | ":"
                | "!"
                | "?"
                | ")"
                | "]"
                | "}"
                | "%"
                | "'s"
                | "'S"
                | "n't"
                | "'re"
                | "'ve"
                | "'ll"
                | "'d"
                | "'m"
                | "''"
                | "..."
                | "”"
                | "’"
        );
        let is_dq = t == "\"";
        let space = if is_dq {
            // Closing quote attaches left; opening quote gets a space before it.
            !open_double
        } else {
            !attach_left
        };
        if space && !no_space_next && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t);
        no_space_next =
            matches!(t, "(" | "[" | "{" | "$" | "``" | "#" | "“" | "‘") || (is_dq && !open_double);
        if is_dq {
            open_double = !open_double;
        }
    }
    out
}

pub struct Doc {
    /// Full rebuilt text.
    pub text: String,
    /// Byte offset where the body starts.
    pub body_start: usize,
    /// Gold sentence end offsets inside the body (absolute), excluding the body's last.
    pub gold: Vec<usize>,
    pub body_sentences: usize,
}

pub fn build_doc(sents: &[Vec<String>]) -> Option<Doc> {
    if sents.len() < 4 {
        return None;
    }
    let title = detokenize(&sents[0]);
    let date = detokenize(&sents[1]);
    let mut text = format!("{title}\n\n{date}\n\n");
    let body_start = text.len();
    let mut gold = Vec::new();
    for (k, s) in sents[2..].iter().enumerate() {
        if k > 0 {
            gold.push(text.len());
            text.push(' ');
        }
        text.push_str(&detokenize(s));
    }
    Some(Doc {
        text,
        body_start,
        gold,
        body_sentences: sents.len() - 2,
    })
}

#[derive(Default)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub perfect_docs: usize,
    pub docs: usize,
}

impl Score {
    pub fn add(&mut self, gold: &[usize], predicted: &[usize]) {
        let tp = predicted.iter().filter(|p| gold.contains(p)).count();
        self.tp += tp;
        self.fp += predicted.len() - tp;
        self.fn_ += gold.len() - tp;
        self.docs += 1;
        if tp == gold.len() && tp == predicted.len() {
            self.perfect_docs += 1;
        }
    }

    pub fn line(&self, name: &str) -> String {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "| {name} | {p:.4} | {r:.4} | {f:.4} | {}/{} | {} | {} |",
            self.perfect_docs, self.docs, self.fp, self.fn_
        )
    }
}

/// Predicted internal boundaries of the body: end offsets (before the joining white space)
/// of every predicted sentence but the last, mapped to the gold convention (the offset of
/// the space that follows the sentence).
pub fn body_boundaries(doc: &Doc, spans: impl Iterator<Item = (usize, usize)>) -> Vec<usize> {
    let mut ends: Vec<usize> = spans
        .filter(|&(s, _)| s >= doc.body_start)
        .map(|(_, e)| e)
        .collect();
    ends.pop();
    ends
}

impl Score {
    /// Precision, recall and F1 of the boundaries.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}
