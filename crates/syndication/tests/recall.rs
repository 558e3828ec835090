//! LSH recall on planted pairs: copies with light edits are found; unrelated texts are not
//! grouped.

use storyline_syndication::{Config, find_groups_texts};

/// A deterministic pseudo-random text of `n` words over a large vocabulary.
fn text(seed: u64, n: usize) -> String {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            format!("w{}", x % 5000)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn planted_copies_are_found() {
    for cfg in [Config::default(), Config::sketch()] {
        let mut texts = Vec::new();
        let mut gold = Vec::new();
        for i in 0..100u64 {
            let base = text(i + 1, 200 + (i as usize % 5) * 60);
            let words: Vec<&str> = base.split(' ').collect();
            // Copy: last third dropped, a caption and a READ MORE line added, one word changed.
            let keep = words.len() * 2 / 3;
            let mut copy: Vec<String> = words[..keep].iter().map(|w| w.to_string()).collect();
            copy[10] = "changed".into();
            copy.insert(5, "Photo: AFP".into());
            copy.push("READ MORE: other news".into());
            gold.push((texts.len(), texts.len() + 1));
            texts.push(base.clone());
            texts.push(copy.join(" "));
        }
        let items: Vec<(&str, Option<chrono::NaiveDate>)> =
            texts.iter().map(|t| (t.as_str(), None)).collect();
        let groups = find_groups_texts(&items, &cfg);
        let found = gold
            .iter()
            .filter(|(a, b)| {
                groups
                    .iter()
                    .any(|g| g.members.contains(a) && g.members.contains(b))
            })
            .count();
        assert!(
            found >= 98,
            "found {found} of 100 planted pairs (exact={})",
            cfg.exact
        );
        assert!(
            groups.iter().all(|g| g.members.len() == 2),
            "unrelated texts grouped"
        );
        // The original (the longer, complete text) is chosen.
        for g in &groups {
            assert_eq!(g.original % 2, 0, "{g:?}");
        }
    }
}
