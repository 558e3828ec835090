"""datasketch MinHashLSH on the same JSON Lines corpus as the Rust bench example.

Usage: /work/venv/bin/python bench/syndication/datasketch_bench.py FILE [--threshold 0.5] [--perms 128]

Streams the file: for each line, word 3-shingles of the lower-cased text (regex \\w+),
MinHash with `update_batch`, query the LSH for earlier candidates, insert; candidates are
joined with union-find (datasketch has no verification step, so every LSH hit is a match).
Prints one JSON object: articles/s over the whole loop (parsing included, as in the Rust
example), groups, pair precision/recall/F1 against the `group` field.
"""
import json
import re
import sys
import time
from collections import Counter

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"\w+")


def main():
    args = sys.argv[1:]
    path = args[0]
    threshold = float(args[args.index("--threshold") + 1]) if "--threshold" in args else 0.5
    perms = int(args[args.index("--perms") + 1]) if "--perms" in args else 128
    lsh = MinHashLSH(threshold=threshold, num_perm=perms)
    parent = []
    gold = []

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    start = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            d = json.loads(line)
            words = WORD.findall(d["text"].lower())
            shingles = {" ".join(words[k:k + 3]).encode() for k in range(max(len(words) - 2, 1))}
            m = MinHash(num_perm=perms)
            if shingles:
                m.update_batch(list(shingles))
            parent.append(i)
            gold.append(d.get("group", -1 - i))
            for c in lsh.query(m):
                ra, rb = find(c), find(i)
                if ra != rb:
                    parent[ra] = rb
            lsh.insert(i, m, check_duplication=False)
    roots = [find(i) for i in range(len(parent))]
    secs = time.perf_counter() - start

    def pairs(n):
        return n * (n - 1) // 2

    gold_pairs = sum(pairs(n) for n in Counter(gold).values())
    pred_pairs = sum(pairs(n) for n in Counter(roots).values())
    tp = sum(pairs(n) for n in Counter(zip(roots, gold)).values())
    p = tp / pred_pairs if pred_pairs else 1.0
    r = tp / gold_pairs if gold_pairs else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(json.dumps({
        "tool": "datasketch",
        "threshold": threshold,
        "num_perm": perms,
        "articles": len(parent),
        "seconds": secs,
        "articles_per_second": len(parent) / secs,
        "groups": sum(1 for n in Counter(roots).values() if n > 1),
        "precision": p,
        "recall": r,
        "f1": f1,
    }))


if __name__ == "__main__":
    main()
