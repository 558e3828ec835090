//! One-permutation MinHash with optimal densification (Shrivastava, ICML 2017), and LSH
//! band keys.
//!
//! Each shingle is hashed once; the top bits of its 64-bit hash choose one of [`BINS`]
//! bins and the low 32 bits are the value whose minimum the bin keeps. Bins left empty
//! (short texts) borrow the value of a non-empty bin chosen by a hash sequence that depends
//! only on the bin number, so that two texts with the same content borrow the same way and
//! the fraction of equal bins stays an unbiased estimate of the Jaccard similarity.

use crate::shingle::mix64;

/// Number of MinHash bins (signature length).
pub const BINS: usize = 128;
const BIN_SHIFT: u32 = 64 - 7;
const _: () = assert!(1 << (64 - BIN_SHIFT) == BINS);

/// A MinHash signature: [`BINS`] values.
pub type Signature = [u32; BINS];

/// The signature of a set of shingle hashes, or `None` for an empty set.
pub fn signature(shingles: &[u64]) -> Option<Signature> {
    let mut b = SignatureBuilder::new();
    for &h in shingles {
        b.add(h);
    }
    b.finish()
}

/// Builds a signature one shingle hash at a time (repeats do not change it).
#[derive(Debug, Clone)]
pub struct SignatureBuilder {
    /// `u32::MAX` marks an empty bin (values are capped at `u32::MAX - 1`).
    sig: Signature,
}

impl Default for SignatureBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl SignatureBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        SignatureBuilder {
            sig: [u32::MAX; BINS],
        }
    }

    /// Adds one shingle hash: its top bits pick the bin, its low 32 bits are the value
    /// (capped at `u32::MAX - 1`, which keeps `u32::MAX` free to mark empty bins).
    #[inline]
    pub fn add(&mut self, h: u64) {
        let bin = (h >> BIN_SHIFT) as usize;
        let v = (h as u32).min(u32::MAX - 1);
        self.sig[bin] = self.sig[bin].min(v);
    }

    /// The densified signature, or `None` when nothing was added.
    pub fn finish(&self) -> Option<Signature> {
        let filled = |j: usize| self.sig[j] != u32::MAX;
        let empty = self.sig.iter().filter(|&&v| v == u32::MAX).count();
        if empty == BINS {
            return None;
        }
        let mut sig = self.sig;
        if empty == 0 {
            return Some(sig);
        }
        for (bin, slot) in sig.iter_mut().enumerate() {
            if filled(bin) {
                continue;
            }
            let mut attempt = 0u64;
            loop {
                let j = (mix64(((bin as u64) << 32) | attempt) % BINS as u64) as usize;
                if filled(j) {
                    *slot = self.sig[j];
                    break;
                }
                attempt += 1;
            }
        }
        Some(sig)
    }
}

/// Estimated Jaccard similarity of two signatures: the fraction of equal bins.
pub fn estimate_jaccard(a: &[u16], b: &[u16]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    let raw = same as f64 / a.len().max(1) as f64;
    // Values are kept to 16 bits: two different minima agree by chance with probability
    // 2^-16; remove that bias.
    let p = 1.0 / 65536.0;
    ((raw - p) / (1.0 - p)).clamp(0.0, 1.0)
}

/// The 16-bit form of a signature that the index keeps for verification.
pub fn compact(sig: &Signature) -> [u16; BINS] {
    let mut out = [0u16; BINS];
    for (o, &v) in out.iter_mut().zip(sig) {
        *o = (v ^ (v >> 16)) as u16;
    }
    out
}

/// LSH banding: `bands` bands of `rows` bins each (`bands * rows <= BINS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Banding {
    /// Number of bands.
    pub bands: usize,
    /// Bins per band.
    pub rows: usize,
}

impl Banding {
    /// Probability that a pair with Jaccard similarity `j` shares at least one band.
    pub fn candidate_probability(&self, j: f64) -> f64 {
        1.0 - (1.0 - j.powi(self.rows as i32)).powi(self.bands as i32)
    }

    /// The 32-bit key of each band of a signature (the band number is mixed in, so keys
    /// of different bands do not collide by construction).
    pub fn keys<'a>(&self, sig: &'a Signature) -> impl Iterator<Item = u32> + 'a {
        let rows = self.rows;
        (0..self.bands).map(move |b| {
            let mut h = (b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            for &v in &sig[b * rows..(b + 1) * rows] {
                h = mix64(h ^ u64::from(v)).wrapping_add(0x632b_e59b_d9b4_e019);
            }
            (h >> 32) as u32
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(range: std::ops::Range<u64>) -> Vec<u64> {
        range.map(|i| mix64(i + 1)).collect()
    }

    #[test]
    fn identical_sets_have_identical_signatures() {
        let a = set(0..500);
        let mut b = a.clone();
        b.reverse();
        assert_eq!(signature(&a), signature(&b));
        assert_eq!(signature(&[]), None);
    }

    #[test]
    fn jaccard_estimate_is_close() {
        // |A ∩ B| = 600, |A ∪ B| = 1000: J = 0.6.
        let a = set(0..800);
        let b = set(200..1000);
        let (sa, sb) = (signature(&a).unwrap(), signature(&b).unwrap());
        let j = estimate_jaccard(&compact(&sa), &compact(&sb));
        assert!((j - 0.6).abs() < 0.15, "estimate {j}");
        let c = set(5000..5800);
        let j0 = estimate_jaccard(&compact(&sa), &compact(&signature(&c).unwrap()));
        assert!(j0 < 0.05, "unrelated estimate {j0}");
    }

    #[test]
    fn densified_short_sets_still_estimate() {
        // 20 shingles fill at most 20 of 128 bins; densification fills the rest.
        let a = set(0..20);
        let sa = signature(&a).unwrap();
        assert!(sa.iter().all(|&v| v != u32::MAX));
        let j = estimate_jaccard(&compact(&sa), &compact(&sa));
        assert!((j - 1.0).abs() < 1e-9);
        let b = set(10..30);
        let jb = estimate_jaccard(&compact(&sa), &compact(&signature(&b).unwrap()));
        // True J = 10/30.
        assert!((jb - 1.0 / 3.0).abs() < 0.25, "estimate {jb}");
    }

    #[test]
    fn banding_probability_is_an_s_curve() {
        let b = Banding { bands: 32, rows: 4 };
        assert!(b.candidate_probability(0.1) < 0.01);
        assert!(b.candidate_probability(0.7) > 0.99);
        let sig = signature(&set(0..300)).unwrap();
        let keys: Vec<u32> = b.keys(&sig).collect();
        assert_eq!(keys.len(), 32);
    }
}
