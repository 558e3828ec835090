#!/usr/bin/env python3
"""How much of the story-clustering loss is the gold's own ambiguity.

Reads the per-article file written by
    storyline eval clusters DIR… --dump FILE
(columns id, date, gold, online, predicted) for DUC 2003 + DUC 2006 in one stream, and prints
B-cubed precision / recall / F1 of the predicted stories three ways:
  1. against the gold as it is;
  2. against the gold with the six pairs of gold stories that are one topic across the two
     data sets (docs/parts/stories.md, "Why 0.95 is not reached") counted as one story each;
  3. a clusterer perfect but for those six merges, against the gold as it is (the ceiling).

Usage: python3 bench/stories/same_topic_pairs.py FILE
"""
import collections
import csv
import sys

SAME_TOPIC = [
    ("d116f", "D0615F"),   # Kansas evolution standards / evolution-creationism debate
    ("d31038t", "D0626H"),  # Kenya embassy bombing / bombing of US embassies in Africa
    ("d107c", "D0635H"),    # death penalty / capital punishment in Texas
    ("d113e", "D0646A"),    # Lewinsky / perjury
    ("d30056t", "D0616G"),  # Chechen hostages / terrorist attacks in Chechnya
    ("D0606F", "D0641E"),   # impacts of global climate change / global warming
]


def bcubed(gold, pred):
    gs, ps = collections.Counter(gold), collections.Counter(pred)
    both = collections.Counter(zip(gold, pred))
    n = len(gold)
    p = sum(c * c / ps[q] for (g, q), c in both.items()) / n
    r = sum(c * c / gs[g] for (g, q), c in both.items()) / n
    return p, r, 2 * p * r / (p + r)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    gold = [r["gold"].rstrip("/").rsplit("/", 1)[-1] for r in rows]
    pred = [r["predicted"] for r in rows]
    one = {b: a for a, b in SAME_TOPIC}
    merged = [one.get(g, g) for g in gold]
    for name, (g, p) in [
        ("gold as it is", (gold, pred)),
        ("six same-topic pairs as one story", (merged, pred)),
        ("ceiling: perfect but for the six pairs", (gold, merged)),
    ]:
        print("%-40s P %.4f  R %.4f  F1 %.4f" % ((name,) + bcubed(g, p)))


if __name__ == "__main__":
    main()
