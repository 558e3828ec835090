#!/usr/bin/env python3
"""Which of the tagger's wrong TIMEX3 values are errors of the gold itself?

Reads the stderr of `storyline eval timex DIR --errors` and sorts every DIFF row whose value
differs (gold text, gold type+value, system text, system type+value) into classes that can be
checked mechanically, without reading the document:
  - a bare weekday ("Tuesday") whose gold date falls on another weekday;
  - an ISO week written without its leading zero ("2000-W7"; ISO 8601 and TIMEX3 write W07)
    when the system gives the padded form of the same week;
  - a duration of a number word and a unit ("six months") whose gold value contradicts the
    words (P6D) while the system's value spells them (P6M);
  - a bare four-digit year ("1992") whose gold value is a day, when the system gives the year.
It also counts, separately, values where the gold leaves a unit unspecified although the text
fixes it ("1949" as 1949-XX, "last week" as 1989-WXX): annotation conventions, not errors.
Prints each class with examples, and the value F1 the run would have if the mechanically
provable errors were scored right (2 * right / (predicted + gold), TempEval-3's value F1).

With DIR given as a third argument it also checks the gold's consistency on the extents:
  - SPUR rows (a system timex overlapping no gold one) whose words the gold marks as a timex
    elsewhere in DIR ("now" left out here, marked in another sentence): the gold applies its
    own annotation one way here and the other way there;
  - MISS rows (a gold timex the system did not find) whose words occur in DIR more often
    outside a TIMEX3 than inside one ("soon", "recent"): tagging every use would cost more
    spurious timexes than it finds.
and the value F1 if the inconsistently left-out spurious timexes had been annotated as the
system values them (each adds one gold timex and one right value).

Usage:
    storyline eval timex DIR --errors --json 2> errors.tsv > report.json
    python3 bench/time/gold_value_errors.py errors.tsv report.json [DIR]
"""
import collections
import datetime
import glob
import json
import os
import re
import sys

DAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBERS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve"])}
UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def number(word):
    return int(word) if word.isdigit() else NUMBERS.get(word)


def classify(text, gold_type, gold_value, sys_value):
    w = text.lower()
    day = re.match(r"^(\d{4})-(\d\d)-(\d\d)", gold_value)
    if w in DAYS and day:
        try:
            if datetime.date(*map(int, day.groups())).weekday() != DAYS[w]:
                return "error: weekday valued as another weekday"
        except ValueError:
            return "error: not a calendar date"
    if re.fullmatch(r"\d{4}-W\d", gold_value) and sys_value == gold_value[:6] + "0" + gold_value[6:]:
        return "error: ISO week without its leading zero"
    dur = re.fullmatch(r"(\w+) (day|week|month|year)s?", w)
    if dur and gold_type == "DURATION" and number(dur[1]) is not None:
        spelled = f"P{number(dur[1])}{UNITS[dur[2]]}"
        if gold_value != spelled and sys_value == spelled:
            return "error: duration value contradicts its words"
    if re.fullmatch(r"\d{4}", w) and gold_value != w and sys_value == w and re.match(r"\d{4}-\d\d-\d\d", gold_value):
        return "error: a year written, a day valued"
    if re.fullmatch(r"\d{4}(-XX)+|\d{3,4}X?-WXX|\d{4}-QX", gold_value):
        return "convention: a unit the text fixes left unspecified"
    return None


def main():
    rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.startswith("DIFF\t")]
    report = json.load(open(sys.argv[2]))
    classes = collections.defaultdict(list)
    wrong = 0
    for r in rows:
        gold_type, gold_value = r[3].split(" ", 1)
        sys_value = r[5].split(" ", 1)[1]
        if gold_value == sys_value:
            continue
        wrong += 1
        c = classify(r[2].strip('"'), gold_type, gold_value, sys_value)
        if c:
            classes[c].append((r[1], r[2], gold_value, sys_value))
    print(f"{wrong} wrong values")
    for c, items in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(items):4} {c}")
        for doc, text, g, s in items[:5]:
            print(f"       {doc} {text}: gold {g}, system {s}")
    errors = sum(len(v) for c, v in classes.items() if c.startswith("error"))
    right = round(report["value_f1"] * (report["predicted"] + report["gold"]) / 2)
    print(f"value F1 {report['value_f1']:.4f} ({right} right values); with the {errors} provable "
          f"gold errors scored right: {2 * (right + errors) / (report['predicted'] + report['gold']):.4f}")


def consistency(errors_path, report, data_dir):
    """Counts SPUR and MISS rows that the gold's own annotation elsewhere contradicts."""
    marked = collections.Counter()
    outside = []
    for path in glob.glob(os.path.join(data_dir, "**", "*.tml"), recursive=True):
        text = open(path, encoding="utf-8").read()
        for m in re.finditer(r"<TIMEX3[^>]*>(.*?)</TIMEX3>", text):
            marked[m[1].lower().strip()] += 1
        # The running text with every TIMEX3 extent cut out: the words left unannotated.
        body = re.sub(r"<TIMEX3[^>]*>.*?</TIMEX3>", " | ", text)
        outside.append(re.sub(r"<[^>]*>", " ", body).lower())
    outside = "\n".join(outside)

    def unmarked(words):
        return len(re.findall(r"(?<![a-z0-9])" + re.escape(words) + r"(?![a-z0-9])", outside))

    rows = [l.rstrip("\n").split("\t") for l in open(errors_path)]
    spur = [r for r in rows if r[0] == "SPUR"]
    miss = [r for r in rows if r[0] == "MISS"]
    spur_marked = [r for r in spur if marked[r[2].strip('"').lower()] > 0]
    print(f"{len(spur)} spurious timexes; {len(spur_marked)} have words the gold marks as a timex elsewhere")
    for r in spur_marked[:5]:
        print(f"       {r[1]} {r[2]} (marked {marked[r[2].strip(chr(34)).lower()]} times in the gold)")
    miss_words = collections.Counter(r[2].strip('"').strip(" .,").lower() for r in miss)
    rarely = {w: n for w, n in miss_words.items() if unmarked(w) > marked[w]}
    print(f"{len(miss)} missed timexes; {sum(rarely.values())} have words the gold leaves "
          f"unannotated more often than it marks them")
    for w in sorted(rarely, key=lambda w: -unmarked(w))[:8]:
        print(f"       {w!r}: marked {marked[w]}, left out {unmarked(w)}")
    right = round(report["value_f1"] * (report["predicted"] + report["gold"]) / 2)
    n = len(spur_marked)
    print(f"value F1 if those {n} spurious timexes had been annotated as the gold does elsewhere: "
          f"{2 * (right + n) / (report['predicted'] + report['gold'] + n):.4f}")


if __name__ == "__main__":
    main()
    if len(sys.argv) > 3:
        consistency(sys.argv[1], json.load(open(sys.argv[2])), sys.argv[3])
