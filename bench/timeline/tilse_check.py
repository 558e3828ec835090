"""Scores the timelines that `storyline eval tls --dump DIR --json` wrote with tilse itself
(ROUGE-1.5.5 Perl via tilse's pyrouge, `-n 2 -x -f A -m -s -t 2`) and compares every number
with Storyline's report.

    storyline eval tls --t17 ../shared/data/timeline17 --dump /tmp/tls --json > /tmp/tls.json
    /work/venv/bin/python bench/timeline/tilse_check.py /tmp/tls /tmp/tls.json

Needs `pip install --no-deps tilse numpy scipy nltk` and Debian libxml-parser-perl.
Prints one line per timeline and variant, and the largest absolute difference.
"""
import json
import sys
from pathlib import Path

from tilse.data.timelines import GroundTruth, Timeline
from tilse.evaluation import dates as tilse_dates
from tilse.evaluation import rouge


def load(path):
    with open(path) as f:
        return Timeline.from_file(f)


def main():
    dump, report_path = Path(sys.argv[1]), sys.argv[2]
    report = json.load(open(report_path))
    ev = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])
    names = {
        "concat": "concat",
        "agreement": "agreement",
        "align": "align_date_costs",
        "align_plus": "align_date_content_costs",
        "align_m1": "align_date_content_costs_many_to_one",
    }
    worst = 0.0
    n = 0
    for tl in report["timelines"]:
        base = f"{tl['topic']}.{tl['timeline']}"
        pred = load(dump / f"{base}.pred.txt")
        ref = GroundTruth([load(dump / f"{base}.ref.txt")])
        scores = ev.evaluate_all(pred, ref)
        for ours, theirs in names.items():
            for m, key in (("rouge_1", "r1"), ("rouge_2", "r2")):
                for short, long in (("p", "precision"), ("r", "recall"), ("f", "f_score")):
                    a = tl["other"][ours][f"{key}_{short}"]
                    b = scores[theirs][m][long]
                    worst = max(worst, abs(a - b))
                    n += 1
            t = scores[theirs]
            print(f"{base} {ours:10s} tilse R1 F {t['rouge_1']['f_score']:.4f} R2 F {t['rouge_2']['f_score']:.4f}"
                  f" | ours R1 F {tl['other'][ours]['r1_f']:.4f} R2 F {tl['other'][ours]['r2_f']:.4f}")
        d = tilse_dates.evaluate_dates(pred, ref)
        for short, long in (("p", "precision"), ("r", "recall"), ("f1", "f_score")):
            worst = max(worst, abs(tl[f"date_{short}"] - d[long]))
            n += 1
        print(f"{base} dates      tilse F1 {d['f_score']:.4f} | ours {tl['date_f1']:.4f}")
    print(f"compared {n} numbers; largest absolute difference {worst:.6f}")


if __name__ == "__main__":
    main()
