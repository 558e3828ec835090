#!/usr/bin/env python3
"""Would a dense similarity (LSA over the corpus, or sentence embeddings) cluster stories better?

A probe, not a clusterer: it scores plain agglomerative clustering (average linkage, every
threshold of a grid, the best one reported, i.e. an in-sample upper bound) of the DUC 2003 +
DUC 2006 stream under several document similarities, next to Storyline's own stories read from
    storyline eval clusters $D/duc2003/docs.without.headlines $D/duc2006/duc2006_docs --dump DUMP
It also tries each similarity as a post-pass over Storyline's stories (merge stories by average
linkage; move articles to the story of highest mean similarity).

Usage:
    python3 bench/stories/dense_similarity_probe.py DATA_DIR DUMP [VECTORS.tsv]
DATA_DIR is ../shared/data. VECTORS.tsv (optional) holds one `id<TAB>floats` line per article,
e.g. from bench/stories/embed-probe (all-MiniLM-L6-v2); the probe writes the articles it needs
as JSON Lines to DUMP.docs.jsonl for that program.
Needs numpy, scipy and scikit-learn (a venv; not needed by the product).
"""
import collections
import datetime
import glob
import html
import json
import re
import sys

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize


def read_doc_parts(data):
    """DOCNO -> (headline, text) of every DUC 2003 / 2006 document (TREC SGML), tags removed,
    entities decoded, white space collapsed."""
    docs = {}
    for root in ("duc2003/docs.without.headlines", "duc2006/duc2006_docs"):
        for f in sorted(glob.glob(f"{data}/{root}/*/*")):
            s = open(f, errors="replace").read()
            for d in re.findall(r"<DOC>(.*?)</DOC>", s, re.S):
                no = re.search(r"<DOCNO>\s*(\S+)\s*</DOCNO>", d)
                body = re.search(r"<TEXT>(.*?)</TEXT>", d, re.S)
                head = re.search(r"<HEADLINE>(.*?)</HEADLINE>", d, re.S)
                clean = lambda t: html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", t))).strip()
                docs[no.group(1)] = (clean(head.group(1)) if head else "", clean(body.group(1) if body else ""))
    return docs


def read_docs(data):
    """DOCNO -> headline + text of every DUC 2003 / 2006 document."""
    return {no: (f"{head}. {text}" if head else text) for no, (head, text) in read_doc_parts(data).items()}


def bcubed(gold, pred):
    g, p = collections.defaultdict(set), collections.defaultdict(set)
    for k, (a, b) in enumerate(zip(gold, pred)):
        g[a].add(k)
        p[b].add(k)
    prec = rec = 0.0
    for a, b in zip(gold, pred):
        inter = len(g[a] & p[b])
        prec += inter / len(p[b])
        rec += inter / len(g[a])
    prec, rec = prec / len(gold), rec / len(gold)
    return round(prec, 4), round(rec, 4), round(2 * prec * rec / (prec + rec), 4)


def best_hac(sim, gold, thresholds):
    dist = 1 - sim
    np.fill_diagonal(dist, 0)
    dist = np.clip((dist + dist.T) / 2, 0, None)
    tree = linkage(squareform(dist, checks=False), "average")
    scored = [(bcubed(gold, fcluster(tree, 1 - t, "distance")), round(float(t), 3)) for t in thresholds]
    return max(scored, key=lambda x: x[0][2])


def merge_stories(pred, sim, threshold):
    labels = sorted(set(pred))
    members = {l: [k for k, p in enumerate(pred) if p == l] for l in labels}
    pairs = sorted(
        ((sim[np.ix_(members[a], members[b])].mean(), a, b) for i, a in enumerate(labels) for b in labels[i + 1:]),
        reverse=True,
    )
    parent = {l: l for l in labels}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for s, a, b in pairs:
        if s < threshold:
            break
        parent[find(a)] = find(b)
    return [find(p) for p in pred]


def refine(pred, sim, margin, passes=2):
    lab = list(pred)
    for _ in range(passes):
        members = collections.defaultdict(list)
        for k, l in enumerate(lab):
            members[l].append(k)
        for k in range(len(lab)):
            scores = {}
            for l, ms in members.items():
                others = [j for j in ms if j != k]
                if others:
                    scores[l] = sim[k, others].mean()
            own = lab[k]
            if own in scores:
                best = max(scores, key=scores.get)
                if best != own and scores[best] > scores[own] + margin:
                    lab[k] = best
    return lab


def main():
    data, dump = sys.argv[1], sys.argv[2]
    rows = [l.rstrip("\n").split("\t") for l in open(dump)][1:]
    info = {r[0]: r for r in rows}
    docs = read_docs(data)
    ids = [i for i in info if i in docs]
    with open(dump + ".docs.jsonl", "w") as out:
        for i in ids:
            out.write(json.dumps({"id": i, "text": docs[i]}) + "\n")
    gold = [info[i][2] for i in ids]
    pred = [info[i][4] for i in ids]
    print("articles", len(ids), "gold stories", len(set(gold)))
    print("Storyline's stories", bcubed(gold, pred), len(set(pred)), "stories")

    tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2, max_df=0.5)
    x = tfidf.fit_transform([docs[i] for i in ids])
    sims = {"tf-idf": (x @ x.T).toarray()}
    for k in (50, 100, 200, 400):
        lsa = normalize(TruncatedSVD(k, random_state=0).fit_transform(x))
        sims[f"lsa-{k}"] = lsa @ lsa.T
    if len(sys.argv) > 3:
        vec = {}
        for line in open(sys.argv[3]):
            parts = line.rstrip("\n").split("\t")
            vec[parts[0]] = np.array(parts[1:], dtype=np.float32)
        e = np.stack([vec[i] for i in ids])
        sims["embedding"] = e @ e.T
        sims["tf-idf+embedding"] = 0.5 * sims["tf-idf"] + 0.15 * sims["embedding"]
    sims["tf-idf+lsa-100"] = 0.5 * sims["tf-idf"] + 0.15 * sims["lsa-100"]

    # The same similarity with a time decay on the days between two articles.
    days = np.array([datetime.date.fromisoformat(info[i][1]).toordinal() for i in ids])
    apart = np.abs(days[:, None] - days[None, :])
    sims["lsa-100 x time(0.9, 30 d)"] = sims["lsa-100"] * (0.9 + 0.1 * np.exp(-apart / 30))

    grid = np.arange(0.02, 0.9, 0.0125)
    for name, sim in sims.items():
        print(f"plain clustering, {name}: best (P, R, F1), threshold", best_hac(sim, gold, grid))
    for name in ("lsa-100", "embedding"):
        if name not in sims:
            continue
        for t in (0.6, 0.5, 0.45):
            print(f"post-pass merge, {name} >= {t}", bcubed(gold, merge_stories(pred, sims[name], t)))
        for m in (0.0, 0.05, 0.1):
            print(f"post-pass refine, {name} margin {m}", bcubed(gold, refine(pred, sims[name], m)))


if __name__ == "__main__":
    main()
