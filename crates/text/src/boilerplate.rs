//! Boilerplate-line removal: whole lines that are page furniture rather than article text.
//!
//! Removed lines (each judged on its trimmed text):
//! * link and promotion lines: `READ MORE: …`, `Related: …`, `Click here …`, `Follow us on …`,
//!   `Sign up for …`, `Subscribe to …`, `Share this …`, `Advertisement`;
//! * source and copyright lines: `Source: Al Jazeera, News Agencies`, `Copyright …`, `© …`,
//!   `… All rights reserved.`;
//! * photo captions: short lines without sentence punctuation ending in a credit such as
//!   `(file)`, `(AFP)`, `(Getty Images)`, or starting `Photo:`/`Image:`/`Image caption`;
//! * site furniture: media-player notices (`Can not play media.`, `Sorry, this media is not
//!   available in your territory.`, `To play this content JavaScript must be turned on …`),
//!   comment policies (`Comments are not pre-screened …`), and lines that speak to the reader
//!   about the site itself (`Your comments may be published …`, `Please create a screen name.`,
//!   `Get Wonkbook delivered to your inbox …`): a line that addresses the reader ("you",
//!   "your", "please", "we welcome") and names a piece of the site's machinery (comments,
//!   privacy policy, screen name, inbox, edition …), and quotes nobody (a quotation "“Your
//!   comments were offensive,” he said" is article text);
//! * repeats: a line equal to one of the three non-blank lines before it; a short line without
//!   sentence punctuation that opens a block and is repeated on the very next line (a caption
//!   shown twice) goes with its first copy too.
//!
//! Every other byte of the text is kept as it was, so later stages can address sentences by
//! byte offsets into the cleaned text.

/// Longest line (in bytes) that a prefix rule may remove: longer lines are article text
/// that happens to start with the same words.
const MAX_PREFIX_LINE: usize = 300;
/// Longest line treated as a caption.
const MAX_CAPTION: usize = 160;
/// How many previous non-blank lines a repeat is looked for in.
const REPEAT_WINDOW: usize = 3;

/// Line prefixes (compared case-insensitively) that mark boilerplate.
const PREFIXES: &[&str] = &[
    "read more:",
    "read more ",
    "read more»",
    "related:",
    "related articles",
    "related stories",
    "related content",
    "related coverage",
    "also read:",
    "also read ",
    "see also:",
    "click here",
    "click to ",
    "follow us",
    "follow @",
    "sign up for",
    "sign up to",
    "subscribe to",
    "subscribe now",
    "share this",
    "share on ",
    "share via",
    "source:",
    "sources:",
    "copyright",
    "©",
    "(c) 19",
    "(c) 20",
    "image copyright",
    "image caption",
    "image source",
    "photo:",
    "photo credit",
    "photograph:",
    "picture:",
    "image:",
    "caption:",
    "video:",
    "watch:",
    "listen:",
    "download our app",
    "get our newsletter",
    "newsletter:",
    "advertisement",
];

/// Whole-line texts (compared case-insensitively, ASCII) that are boilerplate.
const WHOLE: &[&str] = &[
    "advertisement",
    "share",
    "share this article",
    "tweet",
    "email",
    "print",
    "comments",
    "skip advertisement",
    "story continues below advertisement",
];

/// Media-player and comment-policy notices: a line containing one of these (ASCII,
/// lower-cased) is furniture.
const SITE_NOTICES: &[&str] = &[
    "can not play media",
    "cannot play media",
    "this media is not available",
    "media playback is unsupported",
    "media playback is not supported",
    "javascript must be turned on",
    "javascript is disabled",
    "enable javascript",
    "comments are not pre-screened",
    "comments are moderated",
    "views expressed in the comments",
];

/// Words and phrases (ASCII, lower-cased, matched on word boundaries) that name the site's
/// own machinery rather than anything in the news.
const SITE_TERMS: &[&str] = &[
    "comment",
    "comments",
    "privacy policy",
    "terms of service",
    "terms of use",
    "rules of conduct",
    "screen name",
    "sign up",
    "log in",
    "registering",
    "javascript",
    "flash player",
    "browser",
    "inbox",
    "newsletter",
    "rss",
    "feeds",
    "edition",
    "ireport",
    "profile picture",
];

/// Words by which a line addresses the reader (lower-cased, whole words).
const READER_ADDRESS: &[&str] = &["you", "your", "you're", "you've", "please"];

/// Credits that end a caption line.
const CAPTION_ENDINGS: &[&str] = &[
    "(file)",
    "(file photo)",
    "(file picture)",
    "(photo)",
    "(archive)",
    "(afp)",
    "(afp photo)",
    "(reuters)",
    "(ap)",
    "(ap photo)",
    "(epa)",
    "(getty images)",
    "(getty)",
    "(anadolu)",
    "(sana)",
    "(handout)",
    "/ afp",
    "/afp",
    "| afp",
    "| reuters",
    "/ reuters",
    "/reuters",
    "afp/getty images",
    "getty images",
    "(photo: afp)",
    "(photo: reuters)",
];

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].to_lowercase() == prefix
}

fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.is_char_boundary(s.len() - suffix.len())
        && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

fn ends_like_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    t.ends_with(['.', '!', '?', '…', ':', ';', ','])
}

/// Whether a trimmed line is boilerplate on its own (without looking at its neighbours).
pub fn is_boilerplate_line(t: &str) -> bool {
    if t.is_empty() {
        return false;
    }
    if t.len() <= MAX_PREFIX_LINE {
        if PREFIXES.iter().any(|p| starts_with_ci(t, p)) {
            return true;
        }
        let lower = t.to_ascii_lowercase();
        if lower.contains("all rights reserved") {
            return true;
        }
        if WHOLE.contains(&lower.trim_end_matches(['.', ':'])) {
            return true;
        }
        if is_site_furniture(t, &lower) {
            return true;
        }
    }
    is_caption(t)
}

/// Whether `phrase` (lower-case words separated by single spaces) occurs in `lower` on word
/// boundaries.
fn contains_phrase(lower: &str, phrase: &str) -> bool {
    let bytes = lower.as_bytes();
    lower.match_indices(phrase).any(|(at, _)| {
        let end = at + phrase.len();
        let open = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let close = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        open && close
    })
}

/// A line about the site rather than the news: a media-player or comment-policy notice, or
/// a line that names the site's machinery while speaking to the reader and quotes nobody.
/// `lower` is `t` in ASCII lower case; lines longer than [`MAX_PREFIX_LINE`] are never asked.
fn is_site_furniture(t: &str, lower: &str) -> bool {
    if SITE_NOTICES.iter().any(|p| lower.contains(p)) {
        return true;
    }
    // A quotation is somebody's statement, which is article text; a word or two in quotation
    // marks ("By clicking on “sign up” you agree …") is only a label.
    let quotation = t
        .split(['"', '“', '”', '«', '»'])
        .skip(1)
        .step_by(2)
        .any(|quoted| quoted.split_whitespace().count() >= 3);
    if quotation || t.contains('`') {
        return false;
    }
    // A line that starts in lower case continues a wrapped paragraph ("comments, like `You
    // act like …"): a piece of a sentence, not a line of its own.
    if t.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    // "David Cameron's comments disappointed you": somebody's comments are news.
    let possessed = |p: &str| {
        matches!(p, "comment" | "comments")
            && (lower.contains(&format!("'s {p}")) || lower.contains(&format!("’s {p}")))
    };
    if !SITE_TERMS
        .iter()
        .any(|p| contains_phrase(lower, p) && !possessed(p))
    {
        return false;
    }
    lower
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '’'))
        .any(|w| READER_ADDRESS.contains(&w.replace('’', "'").as_str()))
        || contains_phrase(lower, "we welcome")
}

/// A short line without sentence punctuation that ends with a photo credit.
fn is_caption(t: &str) -> bool {
    t.len() <= MAX_CAPTION
        && !ends_like_sentence(t)
        && CAPTION_ENDINGS.iter().any(|e| ends_with_ci(t, e))
}

/// A line short enough and unpunctuated enough to be a caption when it is repeated.
fn caption_like(t: &str) -> bool {
    t.len() <= MAX_CAPTION && !ends_like_sentence(t)
}

/// Removes boilerplate lines from a text; see the module docs. Each removed line goes with
/// its line break; everything else is kept byte for byte.
pub fn remove_boilerplate(text: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut drop = vec![false; lines.len()];
    // Indices of the last few non-blank lines.
    let mut recent: Vec<usize> = Vec::with_capacity(REPEAT_WINDOW + 1);
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if is_boilerplate_line(t) {
            drop[i] = true;
        } else if let Some(&j) = recent.iter().find(|&&j| lines[j].trim() == t) {
            drop[i] = true;
            // A caption shown twice: two consecutive short unpunctuated lines, the first
            // opening its block (a wrapped line that happens to repeat keeps its first copy).
            let consecutive = recent.last() == Some(&j);
            let opens_block = j == 0 || lines[j - 1].trim().is_empty();
            if caption_like(t) && consecutive && opens_block {
                drop[j] = true;
            }
        }
        recent.push(i);
        if recent.len() > REPEAT_WINDOW {
            recent.remove(0);
        }
    }
    if !drop.iter().any(|&d| d) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (line, d) in lines.iter().zip(&drop) {
        if !d {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_link_source_and_promo_lines() {
        let text = "First paragraph.\n\nREAD MORE: Syrian army advances as ‘Aleppo carnage’ sparks fury\n\nSecond paragraph.\n\nSource: Al Jazeera, News Agencies\nRelated: more stories\nClick here to subscribe\nFollow us on Twitter\nSign up for our newsletter\nCopyright 2016 AFP. All rights reserved.\n© 2016 Reuters\n";
        assert_eq!(
            remove_boilerplate(text),
            "First paragraph.\n\n\nSecond paragraph.\n\n"
        );
    }

    #[test]
    fn removes_repeated_captions_of_seed_004() {
        let text = "Syria regime advances south of Aleppo\n\nSyrian government forces advanced on Sunday.\n\n\nSyrian regime forces (file)\nSyrian regime forces (file)\n\n(AFP) - Syrian government forces advanced on Sunday south of Aleppo city.\n";
        let out = remove_boilerplate(text);
        assert!(!out.contains("(file)"), "{out}");
        assert!(out.contains("(AFP) - Syrian government forces advanced on Sunday south"));
        assert!(out.starts_with("Syria regime advances south of Aleppo\n\n"));
    }

    #[test]
    fn uncredited_caption_shown_twice_goes_entirely() {
        let text = "Rebels in east Aleppo\nRebels in east Aleppo\nThe city fell.\n";
        assert_eq!(remove_boilerplate(text), "The city fell.\n");
    }

    #[test]
    fn repeated_wrapped_line_keeps_first_copy() {
        let text = "The study was preliminary and\nits authors said more work was needed\nbefore any\nits authors said more work was needed\n";
        assert_eq!(
            remove_boilerplate(text),
            "The study was preliminary and\nits authors said more work was needed\nbefore any\n"
        );
    }

    #[test]
    fn repeated_sentence_keeps_first_copy() {
        let text = "The city fell.\n\nThe city fell.\nMore text.";
        assert_eq!(remove_boilerplate(text), "The city fell.\n\nMore text.");
    }

    #[test]
    fn keeps_article_text_byte_identical() {
        let text = "  ALEPPO - Syria’s army seized key ground.\r\n\r\nThe source: officials.  \nSourced from a long line that does not start with the prefix.\n";
        assert_eq!(remove_boilerplate(text), text);
        // A long paragraph that merely starts like a prefix is article text.
        let long = format!("Related: {}", "word ".repeat(80));
        assert_eq!(remove_boilerplate(&long), long);
        // A dateline with a credit is not a caption: it is followed by text.
        let dateline = "ALEPPO (AFP) - Government troops retook five districts.";
        assert_eq!(remove_boilerplate(dateline), dateline);
    }

    #[test]
    fn removes_site_furniture_of_news_pages() {
        // Lines of Timeline17's BBC, CNN, Reuters and Washington Post pages.
        for line in [
            "Can not play media.",
            "Sorry, this media is not available in your territory.",
            "To play this content JavaScript must be turned on and the latest Flash player installed.",
            "Your comments may be published on any BBC media worldwide.",
            "The BBC may edit your comments and not all emails will be published.",
            "We welcome comments that advance the story through relevant opinion, anecdotes, links and data.",
            "Views expressed in the comments do not represent those of Reuters.",
            "Comments are not pre-screened before they post.",
            "You agree that anything you post may be used, along with your name and profile picture, in accordance with our Privacy Policy.",
            "Get Wonkbook delivered to your inbox or mobile device every morning.",
            "Please get involved and leave a comment.",
            "Please create a screen name.",
            "Would you like to make this your default edition?",
            "Send your video, images to CNN iReport.",
            "By clicking on “sign up” you agree with CNN's Terms of Service.",
        ] {
            assert!(is_boilerplate_line(line), "{line}");
        }
        let text = "What happened in the Haiti quake?\nCan not play media.\nSorry, this media is not available in your territory.\nA massive earthquake has struck Haiti.\n";
        assert_eq!(
            remove_boilerplate(text),
            "What happened in the Haiti quake?\nA massive earthquake has struck Haiti.\n"
        );
    }

    #[test]
    fn keeps_news_about_comments_browsers_and_editions() {
        for line in [
            // Somebody's words, quoted.
            "“Your comments were offensive,” the minister told him.",
            "\"Please leave a comment,\" the sign read.",
            // News that mentions one such word without speaking to the reader.
            "The senator's comments drew criticism from both parties.",
            "The company released a new edition of its browser on Tuesday.",
            "You can see how terrible the damage is.",
            "Please help us, the mayor said.",
            "ZAKARIA: Tarek, I'm guessing David Cameron's comments disappointed you.",
            // Wrapped newswire: a line that continues a sentence.
            "comments, like `You act like you're white.' And I say, `That's",
            "comments on your plan were due by Friday",
        ] {
            assert!(!is_boilerplate_line(line), "{line}");
        }
    }

    #[test]
    fn never_panics_on_multibyte_edges() {
        for s in [
            "é",
            "©",
            "ééééééééééé(file)",
            "Photo: é",
            "\u{1F600}\n\u{1F600}",
            "",
        ] {
            let _ = remove_boilerplate(s);
        }
    }
}
