//! Article-level refinement after story consolidation: each article moves to the story it is
//! most similar to by average linkage (its mean cosine to the story's articles), in the
//! manner of a k-means pass over fixed story seeds.
//!
//! The online pass decides for each article once, against the stories of its moment; the
//! consolidation merges whole stories. An article that joined the wrong story early (or a
//! story that was merged with the bulk of its articles in another topic) stays misplaced.
//! Refinement revisits every article with all stories known: its similarity to its own story
//! is the mean cosine to the *other* articles of that story, to another story the mean cosine
//! to all of its articles (`x · S / n`, `S` the sum of the story's unit vectors). It moves
//! when another story scores more than its own by [`RefineConfig::margin`] and at least
//! [`RefineConfig::min_similarity`], and the story's date range is within
//! [`RefineConfig::max_gap_days`] of the article's date.
//!
//! Articles are visited in input order and story sums are updated at once after each move
//! (so two similar single articles cannot swap places forever); the passes repeat until no
//! article moves or [`RefineConfig::iterations`] passes are done. No randomness: the same input
//! gives the same output.

use chrono::NaiveDate;

use crate::features::{FxMap, SparseVec, TermId};

/// Settings of [`refine`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RefineConfig {
    /// Passes over the articles at most (0: no refinement).
    pub iterations: usize,
    /// How much more similar (mean cosine) another story must be than the article's own.
    pub margin: f32,
    /// Minimum mean cosine to the story an article moves to.
    pub min_similarity: f32,
    /// Largest gap in days between an article's date and a story's date range for a move.
    pub max_gap_days: i64,
    /// Candidate stories of an article are those holding one of its `probe_terms` heaviest
    /// terms among their own `index_terms` heaviest (plus its own story); 0 for either: every
    /// story sharing any term with the article.
    pub probe_terms: usize,
    /// Heaviest terms of a story that are indexed for [`Self::probe_terms`].
    pub index_terms: usize,
}

struct Story {
    /// Sum of the members' unit vectors.
    sum: FxMap<TermId, f32>,
    n: usize,
    /// Date range of the members (recomputed after every pass; only widened within one).
    range: Option<(NaiveDate, NaiveDate)>,
}

fn gap(d: Option<NaiveDate>, range: Option<(NaiveDate, NaiveDate)>) -> i64 {
    match (d, range) {
        (Some(d), Some((lo, hi))) => {
            if d < lo {
                (lo - d).num_days()
            } else if d > hi {
                (d - hi).num_days()
            } else {
                0
            }
        }
        _ => 0,
    }
}

fn widen(
    range: Option<(NaiveDate, NaiveDate)>,
    d: Option<NaiveDate>,
) -> Option<(NaiveDate, NaiveDate)> {
    match (range, d) {
        (Some((lo, hi)), Some(d)) => Some((lo.min(d), hi.max(d))),
        (None, Some(d)) => Some((d, d)),
        (r, None) => r,
    }
}

/// Moves articles between stories (see the module documentation). `vectors[a]` is article
/// `a`'s unit TF-IDF vector (sorted by term), `dates[a]` its date, `assignment[a]` its story
/// label (any numbers). Returns the new label of every article: the label of the story it
/// ended in, so stories keep their labels and a story whose articles all left disappears.
pub fn refine(
    vectors: &[SparseVec],
    dates: &[Option<NaiveDate>],
    assignment: &[usize],
    config: &RefineConfig,
) -> Vec<usize> {
    let n = vectors.len().min(dates.len()).min(assignment.len());
    let mut out = assignment.to_vec();
    if config.iterations == 0 || n < 2 {
        return out;
    }
    let mut labels: Vec<usize> = assignment[..n].to_vec();
    labels.sort_unstable();
    labels.dedup();
    if labels.len() < 2 {
        return out;
    }
    let slot_of: FxMap<usize, usize> = labels.iter().enumerate().map(|(i, &l)| (l, i)).collect();
    let mut slot: Vec<usize> = assignment[..n].iter().map(|l| slot_of[l]).collect();
    let k = labels.len();
    let self_dot: Vec<f32> = vectors[..n]
        .iter()
        .map(|v| v.iter().map(|&(_, w)| w * w).sum())
        .collect();
    let mut stories: Vec<Story> = (0..k)
        .map(|_| Story {
            sum: FxMap::default(),
            n: 0,
            range: None,
        })
        .collect();
    // Term → stories whose sum holds it. A story's sum keeps a term's key once it has it
    // (leaving articles only lower the weight), so a story enters a term's list once.
    let mut index: FxMap<TermId, Vec<u32>> = FxMap::default();
    let bounded = config.probe_terms > 0 && config.index_terms > 0;
    let add = |stories: &mut [Story], index: &mut FxMap<TermId, Vec<u32>>, a: usize, s: usize| {
        let st = &mut stories[s];
        for &(t, w) in &vectors[a] {
            match st.sum.get_mut(&t) {
                Some(x) => *x += w,
                None => {
                    st.sum.insert(t, w);
                    if !bounded {
                        index.entry(t).or_default().push(s as u32);
                    }
                }
            }
        }
        st.n += 1;
        st.range = widen(st.range, dates[a]);
    };
    for (a, &s) in slot.iter().enumerate() {
        add(&mut stories, &mut index, a, s);
    }
    // With bounded candidates: each article's heaviest terms (ties by term id).
    let probes: Vec<Vec<TermId>> = if bounded {
        vectors[..n]
            .iter()
            .map(|v| {
                let mut p: Vec<(TermId, f32)> = v.clone();
                p.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
                p.truncate(config.probe_terms);
                p.into_iter().map(|(t, _)| t).collect()
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut dot = vec![0f32; k];
    let mut touched: Vec<usize> = Vec::new();
    for _ in 0..config.iterations {
        if bounded {
            // Each story's heaviest terms as of the start of the pass.
            index.clear();
            for (s, st) in stories.iter().enumerate() {
                if st.n == 0 {
                    continue;
                }
                let mut top: Vec<(TermId, f32)> = st.sum.iter().map(|(&t, &w)| (t, w)).collect();
                top.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
                top.truncate(config.index_terms);
                for (t, _) in top {
                    index.entry(t).or_default().push(s as u32);
                }
            }
            for list in index.values_mut() {
                list.sort_unstable();
            }
        }
        let mut moved = 0usize;
        for a in 0..n {
            let own = slot[a];
            if bounded {
                touched.push(own);
                for t in &probes[a] {
                    if let Some(list) = index.get(t) {
                        touched.extend(list.iter().map(|&s| s as usize));
                    }
                }
                touched.sort_unstable();
                touched.dedup();
                for &s in &touched {
                    let sum = &stories[s].sum;
                    dot[s] = vectors[a]
                        .iter()
                        .map(|&(t, w)| sum.get(&t).map_or(0.0, |&x| w * x))
                        .sum();
                }
            } else {
                for &(t, w) in &vectors[a] {
                    let Some(list) = index.get(&t) else { continue };
                    for &s in list {
                        let s = s as usize;
                        if let Some(&x) = stories[s].sum.get(&t) {
                            if dot[s] == 0.0 {
                                touched.push(s);
                            }
                            dot[s] += w * x;
                        }
                    }
                }
            }
            let own_n = stories[own].n;
            let own_sim = if own_n > 1 {
                (dot[own] - self_dot[a]) / (own_n - 1) as f32
            } else {
                0.0
            };
            touched.sort_unstable();
            touched.dedup();
            let mut best: Option<(usize, f32)> = None;
            for &s in &touched {
                if s == own
                    || stories[s].n == 0
                    || gap(dates[a], stories[s].range) > config.max_gap_days
                {
                    continue;
                }
                let sim = dot[s] / stories[s].n as f32;
                if best.is_none_or(|(_, b)| sim > b) {
                    best = Some((s, sim));
                }
            }
            for &s in &touched {
                dot[s] = 0.0;
            }
            touched.clear();
            let Some((to, sim)) = best else { continue };
            if sim < config.min_similarity || sim <= own_sim + config.margin {
                continue;
            }
            // Leave the old story (its range is recomputed after the pass), join the new one.
            let st = &mut stories[own];
            for &(t, w) in &vectors[a] {
                if let Some(x) = st.sum.get_mut(&t) {
                    *x -= w;
                }
            }
            st.n -= 1;
            add(&mut stories, &mut index, a, to);
            slot[a] = to;
            moved += 1;
        }
        for st in stories.iter_mut() {
            st.range = None;
        }
        for (&s, &d) in slot.iter().zip(dates) {
            stories[s].range = widen(stories[s].range, d);
        }
        if moved == 0 {
            break;
        }
    }
    for (a, o) in out.iter_mut().enumerate().take(n) {
        *o = labels[slot[a]];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2016, 1, d)
    }

    fn config(iterations: usize) -> RefineConfig {
        RefineConfig {
            iterations,
            margin: 0.0,
            min_similarity: 0.05,
            max_gap_days: 30,
            probe_terms: 0,
            index_terms: 0,
        }
    }

    /// Articles 0–2 are about terms 1/2, 3–4 about terms 7/8; article 2 was put in the
    /// second story.
    fn two_topics_one_misplaced() -> (Vec<SparseVec>, Vec<Option<NaiveDate>>, Vec<usize>) {
        let v = vec![
            vec![(1, 0.8), (2, 0.6)],
            vec![(1, 0.6), (2, 0.8)],
            vec![(1, 0.7), (2, 0.7)],
            vec![(7, 0.8), (8, 0.6)],
            vec![(7, 0.6), (8, 0.8)],
        ];
        (v, vec![day(1); 5], vec![10, 10, 20, 20, 20])
    }

    #[test]
    fn bounded_candidates_find_the_story_of_the_heaviest_terms() {
        let (v, dates, assign) = two_topics_one_misplaced();
        let bounded = RefineConfig {
            probe_terms: 1,
            index_terms: 2,
            ..config(3)
        };
        assert_eq!(
            refine(&v, &dates, &assign, &bounded),
            vec![10, 10, 10, 20, 20]
        );
        // Story 10 indexed by one term only (term 1 and 2 tie; the lower id is kept), the
        // article probed by its heaviest term, 1 (tie broken the same way): still found.
        let narrow = RefineConfig {
            index_terms: 1,
            ..bounded
        };
        assert_eq!(
            refine(&v, &dates, &assign, &narrow),
            vec![10, 10, 10, 20, 20]
        );
    }

    #[test]
    fn misplaced_article_moves_to_its_topic() {
        let (v, dates, assign) = two_topics_one_misplaced();
        assert_eq!(
            refine(&v, &dates, &assign, &config(3)),
            vec![10, 10, 10, 20, 20]
        );
        // No passes: unchanged.
        assert_eq!(refine(&v, &dates, &assign, &config(0)), assign);
        // Deterministic.
        assert_eq!(
            refine(&v, &dates, &assign, &config(3)),
            refine(&v, &dates, &assign, &config(3))
        );
    }

    #[test]
    fn margin_threshold_and_time_gap_keep_articles_in_place() {
        let v = vec![
            vec![(1, 1.0)],
            vec![(1, 0.6), (2, 0.8)],
            vec![(2, 1.0)],
            vec![(2, 1.0)],
        ];
        // Article 1: cosine 0.6 to story 5 (article 0), mean 0.8 to story 6's other members.
        // Article 0 alone: 0.6 / 3 = 0.2 mean to story 6; moves unless the bar is higher.
        let dates = vec![day(1); 4];
        let assign = vec![5, 6, 6, 6];
        let strict = RefineConfig {
            min_similarity: 0.25,
            ..config(3)
        };
        assert_eq!(refine(&v, &dates, &assign, &strict), assign);
        let moved = refine(&v, &dates, &assign, &config(3));
        assert_eq!(moved, vec![6, 6, 6, 6]);
        let wide = RefineConfig {
            margin: 0.3,
            ..config(3)
        };
        assert_eq!(refine(&v, &dates, &assign, &wide), assign);
        // Too far apart in time.
        let dates = vec![day(1), day(31), day(31), day(31)];
        let near = RefineConfig {
            max_gap_days: 10,
            ..config(3)
        };
        assert_eq!(refine(&v, &dates, &assign, &near), assign);
    }

    #[test]
    fn empty_and_single_story_inputs_are_unchanged() {
        assert!(refine(&[], &[], &[], &config(3)).is_empty());
        let v = vec![vec![(1, 1.0)], vec![(2, 1.0)]];
        assert_eq!(refine(&v, &[None, None], &[3, 3], &config(3)), vec![3, 3]);
    }
}
