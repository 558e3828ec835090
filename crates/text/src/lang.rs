//! Language detection with whatlang, returning ISO 639-1 codes.
//!
//! Only the first [`SAMPLE_BYTES`] of a text are read (news articles are monolingual, and
//! whatlang's trigram profile is stable well before that). Texts with fewer than
//! [`MIN_LETTERS`] letters get no answer; below [`SHORT_LETTERS`] letters the answer must be
//! reliable by whatlang's own test or have a confidence of at least [`SHORT_MIN_CONFIDENCE`];
//! longer texts need reliability or a confidence of at least [`MIN_CONFIDENCE`]. The
//! thresholds were chosen on CL-TLS (es/fr/it) and Timeline17 (en) prefixes: see
//! `text_eval lang` and docs/parts/text.md.

/// Bytes of text read for detection.
pub const SAMPLE_BYTES: usize = 4096;
/// Texts with fewer letters than this are not classified.
pub const MIN_LETTERS: usize = 20;
/// Below this many letters, the stricter [`SHORT_MIN_CONFIDENCE`] applies.
pub const SHORT_LETTERS: usize = 120;
/// Minimum whatlang confidence for short texts that whatlang does not call reliable.
pub const SHORT_MIN_CONFIDENCE: f64 = 0.5;
/// Minimum whatlang confidence for longer texts.
pub const MIN_CONFIDENCE: f64 = 0.25;

/// A detected language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// whatlang's confidence in `[0, 1]`.
    pub confidence: f64,
    /// whatlang's reliability verdict.
    pub reliable: bool,
}

/// Detects the language of a text; returns an ISO 639-1 code, or `None` when the text is too
/// short or the guess unreliable.
pub fn detect_language(text: &str) -> Option<String> {
    detect(text).map(|d| d.code.to_string())
}

/// Detects the language of a text with whatlang's confidence; see the module docs for the
/// thresholds.
pub fn detect(text: &str) -> Option<Detection> {
    let sample = prefix(text, SAMPLE_BYTES);
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(sample)?;
    let reliable = info.is_reliable();
    let accept = if letters < SHORT_LETTERS {
        reliable || info.confidence() >= SHORT_MIN_CONFIDENCE
    } else {
        reliable || info.confidence() >= MIN_CONFIDENCE
    };
    if !accept {
        return None;
    }
    Some(Detection {
        code: iso639_1(info.lang())?,
        confidence: info.confidence(),
        reliable,
    })
}

/// The longest prefix of `text` of at most `max` bytes that ends on a char boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// ISO 639-1 code of a whatlang language.
pub fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    #[allow(unreachable_patterns)]
    let code = match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Cym => "cy",
        _ => return None,
    };
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_news_languages() {
        let cases = [
            (
                "en",
                "Syrian government forces advanced on Sunday south of Aleppo city, a military source and state media said.",
            ),
            (
                "fr",
                "Les forces gouvernementales syriennes ont avancé dimanche au sud de la ville d'Alep, selon une source militaire.",
            ),
            (
                "es",
                "Las fuerzas del gobierno sirio avanzaron el domingo al sur de la ciudad de Alepo, según una fuente militar.",
            ),
            (
                "it",
                "Le forze governative siriane sono avanzate domenica a sud della città di Aleppo, secondo una fonte militare.",
            ),
            (
                "de",
                "Syrische Regierungstruppen sind am Sonntag südlich der Stadt Aleppo vorgerückt, wie eine Militärquelle sagte.",
            ),
            (
                "pt",
                "As forças do governo sírio avançaram no domingo ao sul da cidade de Aleppo, segundo uma fonte militar e a mídia estatal.",
            ),
            (
                "nl",
                "Syrische regeringstroepen zijn zondag ten zuiden van de stad Aleppo opgerukt, zeiden een militaire bron en de staatsmedia.",
            ),
        ];
        for (code, text) in cases {
            assert_eq!(detect_language(text).as_deref(), Some(code), "{text}");
        }
    }

    #[test]
    fn too_short_or_no_letters() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("Aleppo"), None);
        assert_eq!(
            detect_language("12345 67890 ... !!! 2016-12-06 09:00"),
            None
        );
    }

    #[test]
    fn long_text_is_sampled_on_a_char_boundary() {
        let text = "é".repeat(5000);
        assert_eq!(prefix(&text, SAMPLE_BYTES).len(), SAMPLE_BYTES);
        let text = format!("a{}", "é".repeat(5000));
        assert_eq!(prefix(&text, SAMPLE_BYTES).len(), SAMPLE_BYTES - 1);
        // Must not panic on any input.
        let _ = detect(&text);
    }
}
