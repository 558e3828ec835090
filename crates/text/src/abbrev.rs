//! Abbreviation lists per language, used by the sentence splitter to decide whether a
//! period ends a sentence.
//!
//! Every entry is written lower-case and without its final period. Entries fall into three
//! classes ([`AbbrevKind`]) that the splitter treats differently; see [`crate::split`].

use std::collections::HashMap;
use std::sync::LazyLock;

/// How an abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// A title that always precedes a name: `Mr.`, `Dr.`, `Gen.`. Never ends a sentence
    /// (`Mr. Will Smith`).
    Title,
    /// Precedes a number: `No. 5`, `Nov. 15`, `Art. 3`, `p. 12`. Does not end a sentence
    /// before a digit; elsewhere it is treated as an ordinary word (`voted no. Then…`).
    Number,
    /// May end a sentence (`Inc.`, `Jr.`, `St.`, `etc.`): a boundary only when the next word
    /// is a function word that typically starts a sentence (`The`, `He`, `But`…), or is
    /// quoted; `St. Louis` stays one sentence, `on Main St. The …` splits.
    Other,
    /// Never ends a sentence: `e.g.`, `i.e.`, `cf.`, `vs.`.
    Inner,
}

use AbbrevKind::*;

/// Abbreviations shared by every language (Latin, units, titles used internationally).
const COMMON: &[(&str, AbbrevKind)] = &[
    ("dr", Title),
    ("prof", Title),
    ("st", Other),
    ("mt", Other),
    ("e.g", Inner),
    ("i.e", Inner),
    ("cf", Inner),
    ("vs", Inner),
    ("viz", Inner),
    ("ca", Number),
    ("approx", Number),
    ("no", Number),
    ("nos", Number),
    ("nr", Number),
    ("vol", Number),
    ("vols", Number),
    ("fig", Number),
    ("figs", Number),
    ("p", Number),
    ("pp", Number),
    ("tel", Number),
    ("ed", Other),
    ("eds", Other),
    ("etc", Other),
    ("al", Other),
    ("inc", Other),
    ("ltd", Other),
    ("corp", Other),
    ("co", Other),
    ("bros", Other),
];

const EN: &[(&str, AbbrevKind)] = &[
    ("mr", Title),
    ("mrs", Title),
    ("ms", Title),
    ("messrs", Title),
    ("gen", Title),
    ("lt", Title),
    ("col", Title),
    ("maj", Title),
    ("capt", Title),
    ("cmdr", Title),
    ("cdr", Title),
    ("adm", Title),
    ("sgt", Title),
    ("cpl", Title),
    ("pvt", Title),
    ("brig", Title),
    ("gov", Title),
    ("sen", Title),
    ("sens", Title),
    ("rep", Title),
    ("reps", Title),
    ("rev", Title),
    ("hon", Title),
    ("pres", Title),
    ("supt", Title),
    ("det", Title),
    ("insp", Title),
    ("fr", Title),
    ("ft", Other),
    ("sr", Other),
    ("jr", Other),
    ("esq", Other),
    ("phd", Other),
    ("jan", Number),
    ("feb", Number),
    ("mar", Number),
    ("apr", Number),
    ("jun", Number),
    ("jul", Number),
    ("aug", Number),
    ("sep", Number),
    ("sept", Number),
    ("oct", Number),
    ("nov", Number),
    ("dec", Number),
    ("sec", Number),
    ("ch", Number),
    ("para", Number),
    ("est", Other),
    ("dept", Other),
    ("univ", Other),
    ("assn", Other),
    ("ave", Other),
    ("blvd", Other),
    ("rd", Other),
    ("hwy", Other),
    ("calif", Other),
    ("conn", Other),
    ("fla", Other),
    ("ga", Other),
    ("pa", Other),
    ("va", Other),
    ("mich", Other),
    ("minn", Other),
    ("wis", Other),
    ("ariz", Other),
    ("colo", Other),
    ("tenn", Other),
    ("ky", Other),
    ("md", Other),
    ("mo", Other),
    ("neb", Other),
    ("nev", Other),
    ("okla", Other),
    ("tex", Other),
    ("ala", Other),
    ("ark", Other),
    ("kan", Other),
    ("mont", Other),
    ("vt", Other),
    ("wyo", Other),
    ("u.s", Other),
    ("u.n", Other),
    ("u.k", Other),
];

const ES: &[(&str, AbbrevKind)] = &[
    ("art", Number),
    ("sr", Title),
    ("sra", Title),
    ("srta", Title),
    ("sres", Title),
    ("d", Title),
    ("dña", Title),
    ("dra", Title),
    ("lic", Title),
    ("ing", Title),
    ("arq", Title),
    ("gral", Title),
    ("excmo", Title),
    ("excma", Title),
    ("av", Title),
    ("avda", Title),
    ("sto", Title),
    ("sta", Title),
    ("núm", Number),
    ("pág", Number),
    ("págs", Number),
    ("ene", Number),
    ("feb", Number),
    ("mar", Number),
    ("abr", Number),
    ("jun", Number),
    ("jul", Number),
    ("ago", Number),
    ("sept", Number),
    ("oct", Number),
    ("nov", Number),
    ("dic", Number),
    ("cía", Other),
    ("ee.uu", Other),
    ("uu", Other),
    ("aprox", Number),
    ("etc", Other),
];

const FR: &[(&str, AbbrevKind)] = &[
    ("art", Number),
    ("mm", Title),
    ("mme", Title),
    ("mmes", Title),
    ("mlle", Title),
    ("mlles", Title),
    ("pr", Title),
    ("me", Title),
    ("mgr", Title),
    ("ste", Title),
    ("gal", Title),
    ("av", Title),
    ("bd", Title),
    ("janv", Number),
    ("févr", Number),
    ("avr", Number),
    ("juil", Number),
    ("sept", Number),
    ("oct", Number),
    ("nov", Number),
    ("déc", Number),
    ("env", Number),
    ("chap", Number),
    ("cie", Other),
    ("éd", Other),
];

const IT: &[(&str, AbbrevKind)] = &[
    ("art", Number),
    ("sig", Title),
    ("sigg", Title),
    ("sig.ra", Title),
    ("sig.na", Title),
    ("dott", Title),
    ("dott.ssa", Title),
    ("avv", Title),
    ("ing", Title),
    ("on", Title),
    ("arch", Title),
    ("geom", Title),
    ("rag", Title),
    ("mons", Title),
    ("col", Title),
    ("sen", Title),
    ("pag", Number),
    ("n", Number),
    ("gen", Number),
    ("feb", Number),
    ("mar", Number),
    ("apr", Number),
    ("mag", Number),
    ("giu", Number),
    ("lug", Number),
    ("ago", Number),
    ("sett", Number),
    ("ott", Number),
    ("nov", Number),
    ("dic", Number),
    ("ecc", Other),
    ("spa", Other),
];

const DE: &[(&str, AbbrevKind)] = &[
    ("art", Number),
    ("hr", Title),
    ("hrn", Title),
    ("fr", Title),
    ("frl", Title),
    ("dipl", Title),
    ("ing", Title),
    ("str", Other),
    ("bzw", Inner),
    ("usw", Other),
    ("z.b", Inner),
    ("d.h", Inner),
    ("u.a", Inner),
    ("o.ä", Inner),
    ("v.a", Inner),
    ("evtl", Inner),
    ("ggf", Inner),
    ("inkl", Inner),
    ("vgl", Inner),
    ("sog", Inner),
    ("abs", Number),
    ("jh", Other),
    ("jan", Number),
    ("feb", Number),
    ("märz", Number),
    ("apr", Number),
    ("jun", Number),
    ("jul", Number),
    ("aug", Number),
    ("sept", Number),
    ("okt", Number),
    ("nov", Number),
    ("dez", Number),
    ("mio", Other),
    ("mrd", Other),
    ("tsd", Other),
    ("gmbh", Other),
    ("v.chr", Other),
    ("n.chr", Other),
];

const PT: &[(&str, AbbrevKind)] = &[
    ("art", Number),
    ("sr", Title),
    ("sra", Title),
    ("srs", Title),
    ("dra", Title),
    ("eng", Title),
    ("av", Title),
    ("pág", Number),
    ("jan", Number),
    ("fev", Number),
    ("mar", Number),
    ("abr", Number),
    ("mai", Number),
    ("jun", Number),
    ("jul", Number),
    ("ago", Number),
    ("set", Number),
    ("out", Number),
    ("nov", Number),
    ("dez", Number),
    ("ltda", Other),
];

const NL: &[(&str, AbbrevKind)] = &[
    ("dhr", Title),
    ("mevr", Title),
    ("mr", Title),
    ("ir", Title),
    ("ing", Title),
    ("drs", Title),
    ("blz", Number),
    ("jan", Number),
    ("feb", Number),
    ("mrt", Number),
    ("apr", Number),
    ("jun", Number),
    ("jul", Number),
    ("aug", Number),
    ("sep", Number),
    ("okt", Number),
    ("nov", Number),
    ("dec", Number),
    ("bijv", Inner),
    ("o.a", Inner),
    ("m.a.w", Inner),
    ("enz", Other),
];

/// The languages with their own abbreviation list.
pub const LANGUAGES: &[&str] = &["en", "es", "fr", "it", "de", "pt", "nl"];

type Table = HashMap<&'static str, AbbrevKind>;

fn build(own: &[(&'static str, AbbrevKind)]) -> Table {
    let mut t: Table = COMMON.iter().copied().collect();
    // Later entries win: a language's own classification overrides the common one.
    for &(w, k) in own {
        t.insert(w, k);
    }
    t
}

static TABLES: LazyLock<[Table; 7]> = LazyLock::new(|| {
    [
        build(EN),
        build(ES),
        build(FR),
        build(IT),
        build(DE),
        build(PT),
        build(NL),
    ]
});

/// Looks up a lower-cased abbreviation (without its final period) in a language's list;
/// unknown languages use the English list.
pub fn lookup(language: &str, word: &str) -> Option<AbbrevKind> {
    let i = LANGUAGES.iter().position(|&l| l == language).unwrap_or(0);
    TABLES[i].get(word).copied()
}

/// Words that follow `a.m.`/`p.m.` without starting a new sentence (`3 p.m. EST`).
pub const TIME_ZONE_WORDS: &[&str] = &[
    "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "utc",
    "bst", "cet", "cest", "eastern", "central", "pacific", "mountain", "local", "gmt+1",
];

/// Month names per language (lower-case), for the German/Dutch ordinal rule (`am 15. November`).
pub const MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    "december",
    "jan",
    "feb",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dez",
    "dec",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lower_case_without_final_period() {
        for list in [COMMON, EN, ES, FR, IT, DE, PT, NL] {
            for (w, _) in list {
                assert_eq!(*w, w.to_lowercase(), "{w}");
                assert!(!w.ends_with('.'), "{w}");
                assert!(!w.is_empty());
            }
        }
    }

    #[test]
    fn language_lists_override_common() {
        assert_eq!(lookup("en", "mr"), Some(Title));
        assert_eq!(lookup("en", "nov"), Some(Number));
        assert_eq!(lookup("fr", "mme"), Some(Title));
        assert_eq!(lookup("fr", "mr"), None);
        assert_eq!(lookup("de", "bzw"), Some(Inner));
        assert_eq!(lookup("es", "sra"), Some(Title));
        assert_eq!(lookup("it", "dott"), Some(Title));
        assert_eq!(lookup("xx", "mrs"), Some(Title));
        assert_eq!(lookup("en", "kennedy"), None);
    }
}
