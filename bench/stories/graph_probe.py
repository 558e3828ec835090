#!/usr/bin/env python3
"""Graph clustering (kNN graph, shared nearest neighbours, Leiden/Louvain) and term weighting
(bigrams, capitalised sequences, BM25 saturation, headline boost) for story clustering.

A probe, not a clusterer. It scores, on the DUC 2003 + DUC 2006 stream and on its two halves,
  1. community detection (Leiden, modularity with a resolution (RB) or the constant Potts model
     (CPM)) on the k-nearest-neighbour graph of the articles weighted by TF-IDF cosine, the same
     on the shared-nearest-neighbour (SNN) graph, Jarvis-Patrick clustering (mutual kNN with at
     least kt shared neighbours, connected components) and average-linkage clustering of the SNN
     similarity; each also as a post-pass over Storyline's stories (two stories merge when one
     community holds at least a share m of each);
  2. plain average-linkage clustering under several term weightings (the dense-similarity probe's
     protocol).
Every method is scored on a grid of its parameters: the best cell of a stream is an in-sample
upper bound. The held-out figure takes the best cell of half A and scores half B with it, and
vice versa (the halves of docs/parts/stories.md: sorted topic folders alternated A/B per
collection, one flat folder of symbolic links per half, each clustered as its own stream).
B-cubed is computed over every row of the dump (a DOCNO filed under two gold topics counts
twice, as in `storyline eval clusters`), so Storyline's figures here are the eval's.

Usage:
    D=/work/shared/data
    storyline eval clusters $D/duc2003/docs.without.headlines $D/duc2006/duc2006_docs --dump all.tsv
    storyline eval clusters $F/A --dump A.tsv        # F: the flat halves (commands in stories.md)
    storyline eval clusters $F/B --dump B.tsv
    python3 bench/stories/graph_probe.py $D all.tsv A.tsv B.tsv [terms|graph|time|all] [LEIDEN_SEED]
Needs numpy, scipy, scikit-learn, igraph and leidenalg (PyPI, a venv; not needed by the product).
"""
import collections
import datetime
import itertools
import re
import sys

import igraph as ig
import leidenalg
import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize

# B-cubed over parallel label lists, as in the dense-similarity probe beside this script.
from dense_similarity_probe import bcubed
from dense_similarity_probe import read_doc_parts as read_docs


# ---------------------------------------------------------------- representations

STOP = "english"


def rep_unigram(heads, bodies, head_weight=1):
    texts = [(" ".join([h] * head_weight) + ". " if h else "") + b for h, b in zip(heads, bodies)]
    v = TfidfVectorizer(sublinear_tf=True, stop_words=STOP, min_df=2, max_df=0.5)
    return normalize(v.fit_transform(texts))


def rep_bigram(heads, bodies, bigram_weight):
    texts = [(h + ". " if h else "") + b for h, b in zip(heads, bodies)]
    uni = TfidfVectorizer(sublinear_tf=True, stop_words=STOP, min_df=2, max_df=0.5).fit_transform(texts)
    bi = TfidfVectorizer(sublinear_tf=True, stop_words=STOP, min_df=2, max_df=0.5, ngram_range=(2, 2)).fit_transform(texts)
    return normalize(sp.hstack([normalize(uni), bigram_weight * normalize(bi)]).tocsr())


CAPS = re.compile(r"\b([A-Z][a-z]+(?:\s+(?:of\s+|the\s+|de\s+|al\s+)?[A-Z][a-z]+)+)")


def caps_phrases(text):
    """Sequences of two or more capitalised words (noun-phrase-like names), not sentence-initial."""
    out = []
    for sent in re.split(r"(?<=[.!?])\s+", text):
        for m in CAPS.finditer(sent):
            words = m.group(1).lower().split()
            if m.start() == 0:  # a sentence-initial word is capitalised anyway
                words = words[1:]
            if len(words) >= 2:
                out.append("_".join(words))
    return out


def short_caps_phrases(text):
    """Two- or three-word capitalised sequences only: longer ones are mostly title-case wire
    boilerplate ("Story Filed By Cox Newspapers For Use By Clients") shared across topics."""
    return [p for p in caps_phrases(text) if p.count("_") <= 2]


def rep_caps(heads, bodies, caps_weight, analyzer=caps_phrases):
    texts = [(h + ". " if h else "") + b for h, b in zip(heads, bodies)]
    uni = TfidfVectorizer(sublinear_tf=True, stop_words=STOP, min_df=2, max_df=0.5).fit_transform(texts)
    cv = TfidfVectorizer(sublinear_tf=True, analyzer=analyzer, min_df=2, max_df=0.5)
    caps = cv.fit_transform(texts)
    return normalize(sp.hstack([normalize(uni), caps_weight * normalize(caps)]).tocsr())


def rep_bm25(heads, bodies, k1=1.2, b=0.75):
    texts = [(h + ". " if h else "") + bb for h, bb in zip(heads, bodies)]
    cv = CountVectorizer(stop_words=STOP, min_df=2, max_df=0.5)
    tf = cv.fit_transform(texts).tocsr().astype(np.float64)
    n = tf.shape[0]
    df = np.bincount(tf.indices, minlength=tf.shape[1])
    idf = np.log((n - df + 0.5) / (df + 0.5) + 1)
    lens = np.asarray(tf.sum(axis=1)).ravel()
    norm = k1 * (1 - b + b * lens / lens.mean())
    tf = tf.tocoo()
    w = tf.data * (k1 + 1) / (tf.data + norm[tf.row]) * idf[tf.col]
    return normalize(sp.csr_matrix((w, (tf.row, tf.col)), shape=tf.shape))


# ---------------------------------------------------------------- clusterings


def hac_tree(sim):
    dist = 1 - sim
    np.fill_diagonal(dist, 0)
    dist = np.clip((dist + dist.T) / 2, 0, None)
    return linkage(squareform(dist, checks=False), "average")


def knn_lists(sim, k):
    s = sim.copy()
    np.fill_diagonal(s, -np.inf)
    # Ties broken by index (stable sort), so the graph is deterministic.
    return np.argsort(-s, axis=1, kind="stable")[:, :k]


def knn_graph(sim, nbrs, weight="cosine", mutual=False):
    n, k = nbrs.shape
    rows = np.repeat(np.arange(n), k)
    cols = nbrs.ravel()
    a = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    a = a.minimum(a.T) if mutual else a.maximum(a.T)
    a = sp.triu(a, 1).tocoo()
    if weight == "cosine":
        w = np.clip(sim[a.row, a.col], 1e-6, None)
    else:  # shared nearest neighbours, |N(i) & N(j)| / k, with i and j counted in their own lists
        sets = [set(r) | {i} for i, r in enumerate(nbrs)]
        w = np.array([len(sets[i] & sets[j]) / (k + 1) for i, j in zip(a.row, a.col)])
        keep = w > 0
        a = sp.coo_matrix((a.data[keep], (a.row[keep], a.col[keep])), shape=(n, n))
        w = w[keep]
    g = ig.Graph(n=n, edges=list(zip(a.row.tolist(), a.col.tolist())), directed=False)
    g.es["weight"] = w.tolist()
    return g


LEIDEN_SEED = 0


def leiden(g, kind, res, seed=None):
    seed = LEIDEN_SEED if seed is None else seed
    cls = leidenalg.RBConfigurationVertexPartition if kind == "rb" else leidenalg.CPMVertexPartition
    part = leidenalg.find_partition(g, cls, weights="weight", resolution_parameter=res, seed=seed, n_iterations=-1)
    return list(part.membership)


def jarvis_patrick(nbrs, kt):
    n, k = nbrs.shape
    sets = [set(r) for r in nbrs]
    rows, cols = [], []
    for i in range(n):
        for j in nbrs[i]:
            if j > i and i in sets[j] and len(sets[i] & sets[j]) >= kt:
                rows.append(i)
                cols.append(j)
    a = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    return list(connected_components(a, directed=False)[1])


def snn_matrix(nbrs):
    n, k = nbrs.shape
    m = sp.csr_matrix((np.ones(n * (k + 1)), (np.repeat(np.arange(n), k + 1), np.c_[np.arange(n), nbrs].ravel())), shape=(n, n))
    return (m @ m.T).toarray() / (k + 1)


def merge_by_communities(pred, comm, share):
    """Storyline's stories a and b become one when one community holds >= share of each."""
    members = collections.defaultdict(list)
    for k, p in enumerate(pred):
        members[p].append(k)
    parent = {p: p for p in members}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    by_comm = collections.defaultdict(list)
    for p, ms in members.items():
        c, cnt = collections.Counter(comm[k] for k in ms).most_common(1)[0]
        if cnt >= share * len(ms):
            by_comm[c].append(p)
    for c, ps in by_comm.items():
        for q in ps[1:]:
            parent[find(q)] = find(ps[0])
    return [find(p) for p in pred]


# ---------------------------------------------------------------- driver


class Stream:
    def __init__(self, name, dump, docs):
        rows = [l.rstrip("\n").split("\t") for l in open(dump)][1:]
        self.name = name
        self.ids = [r[0] for r in rows]
        self.gold = [r[2] for r in rows]
        self.pred = [r[4] for r in rows]
        self.days = np.array([datetime.date.fromisoformat(r[1]).toordinal() for r in rows])
        self.heads = [docs[i][0] for i in self.ids]
        self.bodies = [docs[i][1] for i in self.ids]
        self._sims = {}

    def sim(self, rep):
        if rep not in self._sims:
            x = REPS[rep](self.heads, self.bodies)
            self._sims[rep] = (x @ x.T).toarray()
        return self._sims[rep]


REPS = {
    "unigram": lambda h, b: rep_unigram(h, b),
    "headline x2": lambda h, b: rep_unigram(h, b, 2),
    "headline x3": lambda h, b: rep_unigram(h, b, 3),
    "uni+bigram 0.5": lambda h, b: rep_bigram(h, b, 0.5),
    "uni+bigram 1": lambda h, b: rep_bigram(h, b, 1.0),
    "uni+caps 0.5": lambda h, b: rep_caps(h, b, 0.5),
    "uni+caps 1": lambda h, b: rep_caps(h, b, 1.0),
    "uni+caps(2-3 words) 0.25": lambda h, b: rep_caps(h, b, 0.25, short_caps_phrases),
    "uni+caps(2-3 words) 0.5": lambda h, b: rep_caps(h, b, 0.5, short_caps_phrases),
    "bm25": lambda h, b: rep_bm25(h, b),
    "bm25 k1=2": lambda h, b: rep_bm25(h, b, k1=2.0),
}

HAC_GRID = [round(float(t), 4) for t in np.arange(0.02, 0.4, 0.005)]
KS = (5, 10, 15, 20, 30, 40)
RB_RES = (0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 7.0, 10.0, 15.0, 20.0, 30.0, 50.0)
CPM_RES = (0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3)
SHARES = (0.5, 0.6, 0.75)


def run_terms(s, reps):
    out = {}
    for rep in reps:
        tree = hac_tree(s.sim(rep))
        out[f"HAC average, {rep}"] = {(t,): bcubed(s.gold, fcluster(tree, 1 - t, "distance")) for t in HAC_GRID}
    return out


def time_decayed(sim, days, floor=0.85, tau=60.0):
    """The online pass's decay on the days between two articles, applied to their cosine."""
    return sim * (floor + (1 - floor) * np.exp(-np.abs(days[:, None] - days[None, :]) / tau))


def split_by_communities(pred, comm, min_part):
    """Each of Storyline's stories is cut along the communities: a community holding >= min_part
    of the story's articles becomes a part of its own; the rest stay with the largest part."""
    members = collections.defaultdict(list)
    for k, p in enumerate(pred):
        members[p].append(k)
    out = list(pred)
    for p, ms in members.items():
        counts = collections.Counter(comm[k] for k in ms)
        big = [c for c, n in counts.items() if n >= min_part]
        if len(big) < 2:
            continue
        largest = max(big, key=lambda c: (counts[c], -c))
        for k in ms:
            if comm[k] in big and comm[k] != largest:
                out[k] = f"{p}/{comm[k]}"
    return out


def run_graph(s, rep="unigram", post=False, time=False, weights=None, kinds=None, split=False, others=True):
    sim = s.sim(rep)
    if time:
        sim = time_decayed(sim, s.days)
    tag = (", " + rep if rep != "unigram" else "") + (", time-decayed" if time else "")
    out = collections.defaultdict(dict)
    weights = weights or (("cosine", False), ("snn", False), ("cosine mutual", True))
    kinds = kinds or (("rb", RB_RES), ("cpm", CPM_RES))
    for k in KS:
        nbrs = knn_lists(sim, k)
        for wname, mutual in weights:
            g = knn_graph(sim, nbrs, "snn" if wname == "snn" else "cosine", mutual)
            for kind, grid in kinds:
                for r in grid:
                    comm = leiden(g, kind, r)
                    out[f"Leiden {kind.upper()}, kNN {wname}{tag}"][(k, r)] = bcubed(s.gold, comm)
                    if post:
                        for m in SHARES:
                            out[f"post-pass: merge by Leiden {kind.upper()}, kNN {wname}{tag}"][(k, r, m)] = bcubed(
                                s.gold, merge_by_communities(s.pred, comm, m))
                    if split:
                        for mp in (3, 5):
                            cut = split_by_communities(s.pred, comm, mp)
                            out[f"post-pass: split by Leiden {kind.upper()}, kNN {wname}{tag}"][(k, r, mp)] = bcubed(s.gold, cut)
                            for m in SHARES:
                                out[f"post-pass: split then merge by Leiden {kind.upper()}, kNN {wname}{tag}"][(k, r, mp, m)] = bcubed(
                                    s.gold, merge_by_communities(cut, comm, m))
        if not others:
            continue
        for kt in range(1, k + 1, max(1, k // 10)):
            comm = jarvis_patrick(nbrs, kt)
            out[f"Jarvis-Patrick{tag}"][(k, kt)] = bcubed(s.gold, comm)
            if post:
                for m in SHARES:
                    out[f"post-pass: merge by Jarvis-Patrick{tag}"][(k, kt, m)] = bcubed(s.gold, merge_by_communities(s.pred, comm, m))
        tree = hac_tree(snn_matrix(nbrs))
        for t in np.arange(0.05, 0.8, 0.025):
            out[f"HAC average on SNN{tag}"][(k, round(float(t), 3))] = bcubed(s.gold, fcluster(tree, 1 - t, "distance"))
    return out


def best(cells):
    return max(cells.items(), key=lambda kv: (kv[1][2], -list(cells).index(kv[0])))


def report(results):
    """One row per method: in-sample best on each stream, and the held-out figures (the cell
    best on one half scored on the other), and those two cells scored on the whole stream."""
    print("| method | whole stream: best F1 (P / R) @ cell | A: best @ cell | B: best @ cell | A-cell on B | B-cell on A "
          "| A-cell / B-cell on the whole stream |")
    print("|---|---|---|---|---|---|---|")
    for m in results["all"]:
        ab, bb, al = best(results["A"][m]), best(results["B"][m]), best(results["all"][m])
        on_all = results["all"][m]
        print(f"| {m} | {al[1][2]:.4f} ({al[1][0]:.3f} / {al[1][1]:.3f}) @ {al[0]} | {ab[1][2]:.4f} @ {ab[0]} | "
              f"{bb[1][2]:.4f} @ {bb[0]} | **{results['B'][m][ab[0]][2]:.4f}** | **{results['A'][m][bb[0]][2]:.4f}** | "
              f"{on_all[ab[0]][2]:.4f} / {on_all[bb[0]][2]:.4f} |", flush=True)


def main():
    global LEIDEN_SEED
    data, dumps = sys.argv[1], sys.argv[2:5]
    what = sys.argv[5] if len(sys.argv) > 5 else "all"
    LEIDEN_SEED = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    docs = read_docs(data)
    streams = {n: Stream(n, d, docs) for n, d in zip(("all", "A", "B"), dumps)}
    for n, s in streams.items():
        print(f"{n}: {len(s.ids)} articles, {len(set(s.gold))} gold, Storyline {bcubed(s.gold, s.pred)} "
              f"({len(set(s.pred))} stories)", flush=True)
    print("Leiden seed", LEIDEN_SEED, flush=True)
    results = {n: {} for n in streams}
    for n, s in streams.items():
        if what in ("terms", "all"):
            # Family 2: term weightings under plain average-linkage clustering.
            results[n].update(run_terms(s, list(REPS)))
        if what in ("graph", "all"):
            # Family 1: kNN / SNN graphs on TF-IDF cosine, each also as a post-pass (merge).
            results[n].update(run_graph(s, "unigram", post=True))
            # Split (and split then merge) post-passes on the SNN graph.
            results[n].update(run_graph(s, "unigram", weights=(("snn", False),), split=True, others=False))
        if what in ("time", "all"):
            # The same graphs on cosine x the online pass's time decay.
            results[n].update(run_graph(s, "unigram", post=True, time=True, split=True))
    report(results)


if __name__ == "__main__":
    main()
