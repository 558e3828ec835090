//! Text normalisation for near-duplicate detection: words (a scanner that follows the main
//! Unicode word-boundary rules, with a table-free path for ASCII), lower-cased, with British and American spelling variants folded to one form, hashed to
//! 64 bits; and word 3-shingles over those hashes.
//!
//! Folding is applied the same way to every text, so an over-eager rule (say `filled` and
//! `filed` both becoming `filed`) only merges two word forms for similarity purposes; it
//! never makes a copy look different from its original.

use std::borrow::Cow;

/// Number of words in a shingle.
pub const SHINGLE_WORDS: usize = 3;

/// Whole-word British → American replacements that the suffix rules below do not cover.
const WORDS: &[(&str, &str)] = &[
    ("ageing", "aging"),
    ("aluminium", "aluminum"),
    ("amongst", "among"),
    ("analogue", "analog"),
    ("catalogue", "catalog"),
    ("cheque", "check"),
    ("cheques", "checks"),
    ("defence", "defense"),
    ("dialogue", "dialog"),
    ("enrol", "enroll"),
    ("fulfil", "fulfill"),
    ("grey", "gray"),
    ("jewellery", "jewelry"),
    ("judgement", "judgment"),
    ("kerb", "curb"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("manoeuvre", "maneuver"),
    ("manoeuvres", "maneuvers"),
    ("offence", "offense"),
    ("offences", "offenses"),
    ("plough", "plow"),
    ("practise", "practice"),
    ("practised", "practiced"),
    ("pretence", "pretense"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("pyjamas", "pajamas"),
    ("sceptic", "skeptic"),
    ("sceptical", "skeptical"),
    ("sceptics", "skeptics"),
    ("storey", "story"),
    ("tyre", "tire"),
    ("tyres", "tires"),
    ("whilst", "while"),
];

/// Word stems spelled `-our` in British English and `-or` in American English.
const OUR_STEMS: &[&str] = &[
    "armour",
    "behaviour",
    "clamour",
    "colour",
    "endeavour",
    "favour",
    "flavour",
    "glamour",
    "harbour",
    "honour",
    "humour",
    "labour",
    "neighbour",
    "odour",
    "parlour",
    "rumour",
    "saviour",
    "splendour",
    "tumour",
    "valour",
    "vapour",
    "vigour",
];

/// Word endings spelled `-tre`/`-bre` in British English and `-ter`/`-ber` in American.
const RE_ENDINGS: &[(&str, &str)] = &[
    ("centre", "center"),
    ("centres", "centers"),
    ("centred", "centered"),
    ("theatre", "theater"),
    ("theatres", "theaters"),
    ("metre", "meter"),
    ("metres", "meters"),
    ("litre", "liter"),
    ("litres", "liters"),
    ("fibre", "fiber"),
    ("fibres", "fibers"),
    ("calibre", "caliber"),
    ("sombre", "somber"),
    ("spectre", "specter"),
    ("meagre", "meager"),
];

/// Suffix rules (British → American), tried longest first.
const SUFFIXES: &[(&str, &str)] = &[
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ysing", "yzing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("iser", "izer"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("llers", "lers"),
];

/// A 32-bit fingerprint of a word: length, first two and last byte. Two equal words have
/// equal fingerprints; the table lookups compare fingerprints (integers) before bytes.
#[inline]
const fn fingerprint(w: &[u8]) -> u32 {
    let n = w.len();
    if n < 2 {
        return 0;
    }
    ((n as u32 & 0xff) << 24) | ((w[0] as u32) << 16) | ((w[1] as u32) << 8) | w[n - 1] as u32
}

/// Fingerprints of the [`WORDS`] table, sorted, with the entry each belongs to.
const WORD_PRINTS: [(u32, usize); WORDS.len()] = {
    let mut t = [(0u32, 0usize); WORDS.len()];
    let mut i = 0;
    while i < WORDS.len() {
        t[i] = (fingerprint(WORDS[i].0.as_bytes()), i);
        i += 1;
    }
    // Insertion sort (const context).
    let mut i = 1;
    while i < t.len() {
        let mut j = i;
        while j > 0 && t[j - 1].0 > t[j].0 {
            let x = t[j - 1];
            t[j - 1] = t[j];
            t[j] = x;
            j -= 1;
        }
        i += 1;
    }
    t
};

/// Byte-wise equality without a library call (the words are short).
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// `word` without `suffix`, when it ends with it (compared from the last byte).
#[inline]
fn strip_end<'w>(word: &'w [u8], suffix: &[u8]) -> Option<&'w [u8]> {
    let n = word.len();
    let k = suffix.len();
    if n < k
        || !word
            .iter()
            .rev()
            .zip(suffix.iter().rev())
            .all(|(x, y)| x == y)
    {
        return None;
    }
    Some(&word[..n - k])
}

/// Bloom-style filter over [`WORD_PRINTS`]: 1,024 bits, one per fingerprint; a word whose
/// bit is clear is not in the table (about 3% of other words pass to the search).
const WORD_FILTER: [u64; 16] = {
    let mut bits = [0u64; 16];
    let mut i = 0;
    while i < WORDS.len() {
        let k = filter_bit(fingerprint(WORDS[i].0.as_bytes()));
        bits[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

#[inline]
const fn filter_bit(fp: u32) -> usize {
    (fp.wrapping_mul(0x9e37_79b1) >> 22) as usize
}

fn in_word_table(word: &[u8]) -> Option<&'static str> {
    let fp = fingerprint(word);
    let k = filter_bit(fp);
    if WORD_FILTER[k / 64] & (1 << (k % 64)) == 0 {
        return None;
    }
    let start = WORD_PRINTS.partition_point(|&(p, _)| p < fp);
    WORD_PRINTS[start..]
        .iter()
        .take_while(|&&(p, _)| p == fp)
        .find(|&&(_, i)| same(WORDS[i].0.as_bytes(), word))
        .map(|&(_, i)| WORDS[i].1)
}

/// Folds a lower-case word (UTF-8 bytes) to its American spelling: `Some(folded)` when a
/// rule applies, written to `out` (cleared first) unless it is a table word, `None`
/// otherwise. Each rule group is guarded by a test of a few bytes, so that the common case
/// (no rule applies) costs a handful of comparisons.
fn fold_bytes<'o>(word: &[u8], out: &'o mut Vec<u8>) -> Option<&'o [u8]> {
    let n = word.len();
    // Every rule needs at least four bytes (checked by a test for the word table).
    if n < 4 {
        return None;
    }
    if let Some(us) = in_word_table(word) {
        return Some(spell(out, &[us.as_bytes()]));
    }
    // Every ending is `-tre`, `-bre` or `-gre`, maybe with `s` or `d`.
    let e = if matches!(word[n - 1], b's' | b'd') {
        n - 1
    } else {
        n
    };
    let re_end = e >= 3 && &word[e - 2..e] == b"re" && matches!(word[e - 3], b't' | b'b' | b'g');
    if re_end {
        for (uk, us) in RE_ENDINGS {
            if let Some(head) = strip_end(word, uk.as_bytes()) {
                return Some(spell(out, &[head, us.as_bytes()]));
            }
        }
    }
    // Every `-our` stem has `our` at byte 2 to 6.
    let our = (2..=6.min(n - 3)).any(|p| &word[p..p + 3] == b"our");
    if our {
        for stem in OUR_STEMS {
            let stem_b = stem.as_bytes();
            if stem_b[0] != word[0] || n < stem_b.len() || !same(&word[..stem_b.len()], stem_b) {
                continue;
            }
            let rest = &word[stem_b.len()..];
            return Some(spell(out, &[&stem_b[..stem_b.len() - 2], b"r", rest]));
        }
    }
    // Short words (`rise`, `wise`, `fell`) are left alone: the suffix rules are for
    // derived forms. Every suffix starts with `is`, `ys` or `ll`, and its length follows
    // from its last byte.
    if n >= 6 {
        let lens: &[usize] = match word[n - 1] {
            b'e' => &[3],
            b'd' | b'r' => &[4],
            b'g' => &[5],
            b'n' => &[7],
            b's' => &[4, 5, 8],
            _ => &[],
        };
        let suffix_start = lens
            .iter()
            .any(|&k| n >= k && matches!(&word[n - k..n - k + 2], b"is" | b"ys" | b"ll"));
        if suffix_start {
            for (uk, us) in SUFFIXES {
                if let Some(head) = strip_end(word, uk.as_bytes()) {
                    return Some(spell(out, &[head, us.as_bytes()]));
                }
            }
        }
    }
    None
}

/// Writes the folded spelling, made of `parts`, to `out` (cleared first).
fn spell<'o>(out: &'o mut Vec<u8>, parts: &[&[u8]]) -> &'o [u8] {
    out.clear();
    for p in parts {
        out.extend_from_slice(p);
    }
    out
}

/// Folds a lower-case word to its American spelling where a British variant is known.
pub fn fold_spelling(word: &str) -> Cow<'_, str> {
    let mut out = Vec::new();
    match fold_bytes(word.as_bytes(), &mut out) {
        // The rules replace ASCII byte sequences at ASCII boundaries: still UTF-8.
        Some(f) => Cow::Owned(String::from_utf8_lossy(f).into_owned()),
        None => Cow::Borrowed(word),
    }
}

/// 64-bit hash of a normalised word: lower-cased, spelling folded, curly apostrophes
/// straightened.
pub fn word_hash(token: &str) -> u64 {
    with_thread_hasher(|hasher, lower| {
        for c in token.chars() {
            push_lower(c, lower);
        }
        hasher.hash(lower)
    })
}

/// Runs `f` with this thread's [`WordHasher`] and an empty scratch buffer, so that callers
/// hashing one word or one text at a time neither allocate nor clear the hasher's cache
/// (a quarter of a megabyte) per call.
fn with_thread_hasher<T>(f: impl FnOnce(&mut WordHasher, &mut Vec<u8>) -> T) -> T {
    thread_local! {
        static HASHER: std::cell::RefCell<(WordHasher, Vec<u8>)> =
            std::cell::RefCell::new((WordHasher::new(), Vec::new()));
    }
    HASHER.with(|cell| match cell.try_borrow_mut() {
        Ok(mut pair) => {
            let (hasher, buf) = &mut *pair;
            buf.clear();
            f(hasher, buf)
        }
        // Re-entered from inside `f`: a fresh hasher gives the same hashes.
        Err(_) => f(&mut WordHasher::new(), &mut Vec::new()),
    })
}

/// Appends the lower-case form of `c` (curly apostrophes straightened) as UTF-8.
#[inline]
fn push_lower(c: char, out: &mut Vec<u8>) {
    if c.is_ascii() {
        out.push((c as u8).to_ascii_lowercase());
    } else if c == '\u{2019}' || c == '\u{2018}' {
        out.push(b'\'');
    } else {
        let mut tmp = [0u8; 4];
        for l in c.to_lowercase() {
            out.extend_from_slice(l.encode_utf8(&mut tmp).as_bytes());
        }
    }
}

/// Hashes lower-cased words after spelling folding, with reusable buffers and a small
/// direct-mapped cache (by raw hash) of the folded hashes of words of four bytes or more, so
/// that frequent words skip the folding rules.
#[derive(Debug, Clone)]
pub struct WordHasher {
    scan_buf: Vec<u8>,
    buf: Vec<u8>,
    fold_buf: Vec<u8>,
    /// `(raw hash, folded hash)`; `(0, 0)` is empty (a raw hash of 0 is not cached).
    cache: Vec<(u64, u64)>,
}

const CACHE_BITS: u32 = 14;

impl Default for WordHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl WordHasher {
    /// A hasher with an empty cache.
    pub fn new() -> Self {
        WordHasher {
            scan_buf: Vec::new(),
            buf: Vec::new(),
            fold_buf: Vec::new(),
            cache: vec![(0, 0); 1 << CACHE_BITS],
        }
    }

    /// Hash of a lower-cased word after spelling folding.
    #[inline]
    pub fn hash(&mut self, lower: &[u8]) -> u64 {
        let raw = bytes_hash(lower);
        // Every folding rule needs four bytes or more; most words are shorter.
        if lower.len() < 4 || raw == 0 {
            return if raw == 0 {
                fold_hash(lower, &mut self.fold_buf)
            } else {
                raw
            };
        }
        let slot = (raw >> (64 - CACHE_BITS)) as usize;
        let (key, folded) = self.cache[slot];
        if key == raw {
            return folded;
        }
        let folded = fold_hash(lower, &mut self.fold_buf);
        self.cache[slot] = (raw, folded);
        folded
    }
}

impl WordHasher {
    /// Hash of the ASCII word `bytes[start..end]` (letters and digits) after lower-casing
    /// and spelling folding: the same value as [`WordHasher::hash`] of its lower-case form,
    /// without copying it.
    #[inline]
    fn hash_ascii(&mut self, bytes: &[u8], start: usize, end: usize) -> u64 {
        let raw = ascii_hash(bytes, start, end);
        if end - start < 4 || raw == 0 {
            if raw != 0 {
                return raw;
            }
        } else {
            let slot = (raw >> (64 - CACHE_BITS)) as usize;
            let (key, folded) = self.cache[slot];
            if key == raw {
                return folded;
            }
        }
        self.buf.clear();
        self.buf
            .extend(bytes[start..end].iter().map(|&b| ASCII_LOWER[b as usize]));
        let lower = std::mem::take(&mut self.buf);
        let h = self.hash(&lower);
        self.buf = lower;
        h
    }
}

/// [`bytes_hash`] of the lower-case form of `bytes[start..end]` (ASCII letters and digits
/// only): setting bit 5 of each byte lower-cases letters and leaves digits as they are.
#[inline]
fn ascii_hash(bytes: &[u8], start: usize, end: usize) -> u64 {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let load = |p: usize| {
        let mut a = [0u8; 8];
        a.copy_from_slice(&bytes[p..p + 8]);
        u64::from_le_bytes(a)
    };
    let mut h = ((end - start) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut p = start;
    while p + 8 <= end {
        h = (h ^ (load(p) | LOWER))
            .wrapping_mul(BYTES_K)
            .rotate_left(31);
        p += 8;
    }
    if p < end {
        let r = end - p;
        let mask = u64::MAX >> (64 - 8 * r as u32);
        let v = if p + 8 <= bytes.len() {
            load(p) & mask
        } else {
            let mut v = 0u64;
            for (i, &b) in bytes[p..end].iter().enumerate() {
                v |= u64::from(b) << (8 * i);
            }
            v
        };
        h = (h ^ ((v | LOWER) & mask)).wrapping_mul(BYTES_K);
    }
    mix64(h)
}

/// Hash of a lower-cased word after spelling folding (no cache).
fn fold_hash(lower: &[u8], fold_buf: &mut Vec<u8>) -> u64 {
    match fold_bytes(lower, fold_buf) {
        Some(f) => bytes_hash(f),
        None => bytes_hash(lower),
    }
}

const BYTES_K: u64 = 0xbf58_476d_1ce4_e5b9;

/// 64-bit hash of a short byte string: 8-byte chunks folded by multiplication, then
/// [`mix64`]. Words of up to 8 bytes and the same length never collide (each step is a
/// bijection); cheaper than a general-purpose hash on words of a few bytes.
#[inline]
pub fn bytes_hash(w: &[u8]) -> u64 {
    const K: u64 = BYTES_K;
    let mut h = (w.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut chunks = w.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ v).wrapping_mul(K).rotate_left(31);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut v = 0u64;
        for (i, &b) in rest.iter().enumerate() {
            v |= u64::from(b) << (8 * i);
        }
        h = (h ^ v).wrapping_mul(K);
    }
    mix64(h)
}

/// Character classes of the word scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// `_`: joins word characters (Unicode ExtendNumLet).
    Connector,
    /// Joins two letters (`:`).
    MidLetter,
    /// Joins two letters or two digits (`.`, `'`, `’`).
    MidNumLet,
    /// Joins two digits (`,`, `;`).
    MidNum,
    Other,
}

const ASCII_CLASS: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            Class::Letter
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if c == b'_' {
            Class::Connector
        } else if c == b':' {
            Class::MidLetter
        } else if c == b'.' || c == b'\'' {
            Class::MidNumLet
        } else if c == b',' || c == b';' {
            Class::MidNum
        } else {
            Class::Other
        };
        b += 1;
    }
    t
};

/// ASCII letters and digits lower-cased; 0 for every other byte.
const ASCII_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// The end of the run of ASCII letters and digits that continues at `bytes[from..]`:
/// eight bytes at a time (SWAR range tests), then byte by byte.
#[inline]
fn alnum_run_end(bytes: &[u8], from: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const fn splat(b: u8) -> u64 {
        0x0101_0101_0101_0101 * b as u64
    }
    /// High bit of each byte set when `lo <= byte <= hi` (bytes below 0x80).
    #[inline]
    fn in_range(v: u64, lo: u8, hi: u8) -> u64 {
        (v + splat(0x80 - lo)) & !(v + splat(0x7f - hi)) & HIGH
    }
    let n = bytes.len();
    let mut j = from;
    while j + 8 <= n {
        let mut a = [0u8; 8];
        a.copy_from_slice(&bytes[j..j + 8]);
        let x = u64::from_le_bytes(a);
        let v = x & LOW7;
        let ascii = !x & HIGH;
        let alnum = (in_range(v | splat(0x20), b'a', b'z') | in_range(v, b'0', b'9')) & ascii;
        if alnum != HIGH {
            return j + ((!alnum & HIGH).trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < n && ASCII_LOWER[bytes[j] as usize] != 0 {
        j += 1;
    }
    j
}

/// The class and byte length of the character at byte `i` (a char boundary) of `text`.
#[inline]
fn class_at(text: &str, i: usize) -> (Class, usize, char) {
    let b = text.as_bytes()[i];
    if b < 128 {
        return (ASCII_CLASS[b as usize], 1, b as char);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    let class = if c == '\u{2019}' || c == '\u{2018}' {
        Class::MidNumLet
    } else if c.is_alphabetic() {
        Class::Letter
    } else if c.is_numeric() {
        Class::Digit
    } else {
        Class::Other
    };
    (class, c.len_utf8(), c)
}

/// Calls `f` with each word of `text`, lower-cased with curly apostrophes straightened,
/// in text order.
///
/// Words follow the main rules of Unicode word segmentation (UAX #29) for alphabetic and
/// numeric text: runs of letters, digits and `_`, kept together across `'`, `’`, `.` and
/// `:` between letters (`don't`, `U.S`) and `.`, `,`, `;`, `'` between digits (`1,500`,
/// `3.5`); a run without a letter or digit is not a word. Unlike full segmentation it
/// needs no tables for ASCII text, which is most of the cost of sketching.
pub fn for_each_word(text: &str, buf: &mut Vec<u8>, mut f: impl FnMut(&[u8])) {
    let mut lower = Vec::new();
    scan_words(text, buf, |w| match w {
        Word::Ascii(start, end) => {
            lower.clear();
            lower.extend(
                text.as_bytes()[start..end]
                    .iter()
                    .map(|&b| ASCII_LOWER[b as usize]),
            );
            f(&lower);
        }
        Word::Lower(w) => f(w),
    });
}

/// A word found by [`scan_words`].
enum Word<'a> {
    /// `text[start..end]`: ASCII letters and digits only, not lower-cased yet (the common
    /// case, hashed without copying).
    Ascii(usize, usize),
    /// Any other word, lower-cased.
    Lower(&'a [u8]),
}

/// The scanner behind [`for_each_word`].
fn scan_words(text: &str, buf: &mut Vec<u8>, mut f: impl FnMut(Word<'_>)) {
    buf.clear();
    let mut last = Class::Other;
    let mut alnum = false;
    let mut i = 0;
    let n = text.len();
    let bytes = text.as_bytes();
    while i < n {
        // Fast path: ASCII letters and digits, most of a text.
        let b = bytes[i];
        if ASCII_LOWER[b as usize] != 0 {
            let j = alnum_run_end(bytes, i + 1);
            // A whole word when nothing precedes it and a plain separator follows.
            if buf.is_empty()
                && (j == n || (bytes[j] < 128 && ASCII_CLASS[bytes[j] as usize] == Class::Other))
            {
                f(Word::Ascii(i, j));
                i = j;
                continue;
            }
            buf.extend(bytes[i..j].iter().map(|&b| ASCII_LOWER[b as usize]));
            alnum = true;
            last = if bytes[j - 1].is_ascii_digit() {
                Class::Digit
            } else {
                Class::Letter
            };
            i = j;
            continue;
        }
        if b < 128 && ASCII_CLASS[b as usize] == Class::Other {
            // Fast path: spaces and most punctuation end a word.
            if alnum {
                f(Word::Lower(buf));
            }
            buf.clear();
            alnum = false;
            last = Class::Other;
            i += 1;
            continue;
        }
        let (class, len, c) = class_at(text, i);
        match class {
            Class::Letter | Class::Digit | Class::Connector => {
                push_lower(c, buf);
                alnum |= class != Class::Connector;
                last = class;
            }
            Class::MidLetter | Class::MidNumLet | Class::MidNum if !buf.is_empty() => {
                let joins = i + len < n && {
                    let (next, _, _) = class_at(text, i + len);
                    let letters =
                        last == Class::Letter && next == Class::Letter && class != Class::MidNum;
                    let digits =
                        last == Class::Digit && next == Class::Digit && class != Class::MidLetter;
                    letters || digits
                };
                if joins {
                    push_lower(c, buf);
                } else {
                    if alnum {
                        f(Word::Lower(buf));
                    }
                    buf.clear();
                    alnum = false;
                    last = Class::Other;
                }
            }
            _ => {
                if !buf.is_empty() {
                    if alnum {
                        f(Word::Lower(buf));
                    }
                    buf.clear();
                    alnum = false;
                }
                last = Class::Other;
            }
        }
        i += len;
    }
    if alnum {
        f(Word::Lower(buf));
    }
    buf.clear();
}

/// Hashes of the normalised words of a text, in text order.
pub fn word_hashes(text: &str) -> Vec<u64> {
    with_thread_hasher(|hasher, buf| {
        let mut out = Vec::new();
        for_each_word(text, buf, |w| out.push(hasher.hash(w)));
        out
    })
}

/// Calls `f` with the hash of each word 3-shingle of `text`, in order (repeats kept), and
/// returns the number of words. A text shorter than three words gives one shingle of all
/// its words; an empty text none. The same hashes as [`shingles`] of [`word_hashes`],
/// without the intermediate vectors.
pub fn for_each_shingle(text: &str, hasher: &mut WordHasher, mut f: impl FnMut(u64)) -> usize {
    let mut buf = std::mem::take(&mut hasher.scan_buf);
    let mut w = [0u64; SHINGLE_WORDS];
    let mut count = 0usize;
    let bytes = text.as_bytes();
    scan_words(text, &mut buf, |word| {
        let h = match word {
            Word::Ascii(start, end) => hasher.hash_ascii(bytes, start, end),
            Word::Lower(w) => hasher.hash(w),
        };
        w = [w[1], w[2], h];
        count += 1;
        if count >= SHINGLE_WORDS {
            f(shingle_hash(w[0], w[1], w[2]));
        }
    });
    hasher.scan_buf = buf;
    if count > 0 && count < SHINGLE_WORDS {
        f(short_text_hash(&w[SHINGLE_WORDS - count..]));
    }
    count
}

#[inline]
fn shingle_hash(a: u64, b: u64, c: u64) -> u64 {
    mix64(
        a.wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ^ b.rotate_left(21).wrapping_mul(0xbf58_476d_1ce4_e5b9)
            ^ c.rotate_left(42),
    )
}

fn short_text_hash(words: &[u64]) -> u64 {
    let mut h = 0x9e37_79b9_7f4a_7c15u64;
    for &w in words {
        h = mix64(h.rotate_left(23) ^ w);
    }
    h
}

/// Mixes a 64-bit value (the `fmix64` finaliser of MurmurHash3).
#[inline]
pub fn mix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// Hashes of the word 3-shingles of a sequence of word hashes, in order (repeats kept).
/// A text shorter than three words gives one shingle of all its words; an empty text none.
pub fn shingles(words: &[u64]) -> Vec<u64> {
    if words.is_empty() {
        return Vec::new();
    }
    if words.len() < SHINGLE_WORDS {
        return vec![short_text_hash(words)];
    }
    words
        .windows(SHINGLE_WORDS)
        .map(|w| shingle_hash(w[0], w[1], w[2]))
        .collect()
}

/// The distinct shingle hashes of a text, sorted.
pub fn shingle_set(text: &str) -> Vec<u64> {
    let mut s = shingles(&word_hashes(text));
    s.sort_unstable();
    s.dedup();
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_table_is_sorted_for_binary_search() {
        assert!(WORDS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn british_and_american_spellings_fold_together() {
        for (uk, us) in [
            ("colour", "color"),
            ("neighbourhood", "neighborhood"),
            ("organised", "organized"),
            ("organisation", "organization"),
            ("analysed", "analyzed"),
            ("centre", "center"),
            ("travelled", "traveled"),
            ("defence", "defense"),
            ("programme", "program"),
        ] {
            assert_eq!(fold_spelling(uk), fold_spelling(us), "{uk} vs {us}");
        }
        assert_eq!(fold_spelling("rise"), "rise");
        // Every table entry is reached past the fast exit.
        for (uk, us) in WORDS.iter().chain(RE_ENDINGS) {
            assert_eq!(fold_spelling(uk), *us, "{uk}");
        }
        for stem in OUR_STEMS {
            assert_ne!(fold_spelling(stem), *stem, "{stem}");
        }
        // Every suffix rule is reached past its guard.
        for (uk, us) in SUFFIXES {
            assert_eq!(
                fold_spelling(&format!("organ{uk}")),
                format!("organ{us}"),
                "{uk}"
            );
        }
        assert!(WORDS.iter().all(|(uk, _)| uk.len() >= 4));
        assert_eq!(fold_spelling("neighbourhoods"), "neighborhoods");
        assert_eq!(fold_spelling("there"), "there");
        assert_eq!(fold_spelling("journalists"), "journalists");
        assert_eq!(word_hash("Colour"), word_hash("color"));
        assert_ne!(word_hash("colour"), word_hash("column"));
    }

    #[test]
    fn case_and_punctuation_do_not_change_shingles() {
        assert_eq!(
            shingle_set("The army, on Tuesday, seized ground."),
            shingle_set("the army on tuesday seized GROUND")
        );
        assert_ne!(
            shingle_set("the army seized ground"),
            shingle_set("the army lost ground")
        );
        assert!(shingle_set("").is_empty());
        assert_eq!(shingle_set("Aleppo").len(), 1);
    }

    fn scanned(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, &mut Vec::new(), |w| {
            out.push(String::from_utf8_lossy(w).into_owned())
        });
        out
    }

    #[test]
    fn scanner_agrees_with_unicode_word_segmentation_on_news_text() {
        for text in [
            "Syrian troops, backed by Russian jets, seized 1,500 sq km on Tuesday.",
            "The U.S. envoy said it's \u{201c}a disaster\u{201d} \u{2014} 3.5% of aid arrived.",
            "Caf\u{e9} owners in Aleppo\u{2019}s old city didn\u{2019}t reopen; 10:30 a.m. curfew",
            "  snake_case and trailing dots... ",
            "\u{421}\u{438}\u{440}\u{438}\u{44f} (Syria) \u{2013} 2016-12-13",
        ] {
            let expected: Vec<String> = storyline_text::tokenize(text)
                .iter()
                .map(|t| t.text.to_lowercase().replace('\u{2019}', "'"))
                .collect();
            assert_eq!(scanned(text), expected, "{text}");
        }
        assert!(scanned("").is_empty());
        assert!(scanned(" -- ... ").is_empty());
    }

    #[test]
    fn streamed_shingles_equal_the_vector_form() {
        for text in [
            "",
            "Aleppo",
            "Aleppo falls",
            "The army seized the east of the city, the army said.",
        ] {
            let mut streamed = Vec::new();
            let words = for_each_shingle(text, &mut WordHasher::new(), |h| streamed.push(h));
            assert_eq!(streamed, shingles(&word_hashes(text)), "{text}");
            assert_eq!(words, word_hashes(text).len());
        }
    }

    #[test]
    fn ascii_hash_equals_the_hash_of_the_lower_case_copy() {
        let text = b"Aleppo NEIGHBOURHOODS x 12345678901 Organisation ab";
        let mut start = 0;
        for (i, &b) in text.iter().enumerate().chain([(text.len(), &b' ')]) {
            if b == b' ' {
                let lower = text[start..i].to_ascii_lowercase();
                assert_eq!(ascii_hash(text, start, i), bytes_hash(&lower));
                let mut h = WordHasher::new();
                assert_eq!(h.hash_ascii(text, start, i), WordHasher::new().hash(&lower));
                // Twice: the second answer comes from the cache.
                assert_eq!(h.hash_ascii(text, start, i), WordHasher::new().hash(&lower));
                start = i + 1;
            }
        }
        assert_eq!(
            word_hash("Neighbourhoods"),
            WordHasher::new().hash(b"neighborhoods")
        );
    }

    #[test]
    fn swar_run_end_equals_the_byte_loop() {
        let naive = |b: &[u8], from: usize| {
            let mut j = from;
            while j < b.len() && b[j].is_ascii_alphanumeric() {
                j += 1;
            }
            j
        };
        // Every byte value at every position of a 20-byte run of letters and digits.
        let base: Vec<u8> = b"Aleppo2016zZ09aAbBcC".to_vec();
        for pos in 0..base.len() {
            for b in 0..=255u8 {
                let mut t = base.clone();
                t[pos] = b;
                for from in 0..t.len() {
                    assert_eq!(alnum_run_end(&t, from), naive(&t, from), "{t:?} {from}");
                }
            }
        }
    }

    #[test]
    fn short_word_hashes_do_not_collide() {
        let words = [
            "a",
            "b",
            "ab",
            "ba",
            "aleppo",
            "aleppos",
            "neighborhood",
            "neighborhoods",
        ];
        let mut hs: Vec<u64> = words.iter().map(|w| bytes_hash(w.as_bytes())).collect();
        hs.sort_unstable();
        hs.dedup();
        assert_eq!(hs.len(), words.len());
    }
}
