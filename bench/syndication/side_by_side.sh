#!/usr/bin/env bash
# Side-by-side run of the Rust index (example `bench`) and datasketch MinHashLSH on the same
# JSON Lines corpus, one after the other in one invocation, each under /usr/bin/time -v.
# Prints one line per tool (CPU seconds = user + sys, peak RSS, pair P/R/F1) and the ratios.
#
#   cargo build --release -p storyline-syndication --example bench
#   bench/syndication/side_by_side.sh FILE [RUST_BENCH_BINARY] [extra args for the Rust bench]
#
# The Rust bench runs with one thread (`--threads 1`, sketch mode unless `--exact` is
# given) so that CPU time compares like with like; datasketch runs at threshold 0.5 with
# 128 permutations. Python: /work/venv/bin/python (override with PYTHON=...).
set -euo pipefail
file=${1:?usage: side_by_side.sh FILE [RUST_BENCH_BINARY] [args]}
bin=${2:-${CARGO_TARGET_DIR:-target}/release/examples/bench}
shift $(( $# >= 2 ? 2 : 1 ))
python=${PYTHON:-/work/venv/bin/python}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

/usr/bin/time -v "$bin" "$file" --threads 1 "$@" >"$tmp/rust.json" 2>"$tmp/rust.time"
/usr/bin/time -v "$python" "$here/datasketch_bench.py" "$file" --threshold 0.5 >"$tmp/py.json" 2>"$tmp/py.time"

"$python" - "$tmp" <<'EOF'
import json, re, sys
tmp = sys.argv[1]
def timing(path):
    t = open(path).read()
    user = float(re.search(r"User time \(seconds\): ([0-9.]+)", t).group(1))
    sys_ = float(re.search(r"System time \(seconds\): ([0-9.]+)", t).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
    return user + sys_, rss / 1024
rows = {}
for name in ("rust", "py"):
    d = json.loads(open(f"{tmp}/{name}.json").read().strip().splitlines()[-1])
    cpu, rss = timing(f"{tmp}/{name}.time")
    rows[name] = (d, cpu, rss)
    print(f"{d['tool']:<22} articles {d['articles']}  cpu_s {cpu:7.2f}  "
          f"articles_per_cpu_s {d['articles'] / cpu:9.0f}  wall_s {d['seconds']:7.2f}  "
          f"peak_rss_mb {rss:7.1f}  P {d['precision']:.4f}  R {d['recall']:.4f}  F1 {d['f1']:.4f}")
(_, rc, rr), (_, pc, pr) = rows["rust"], rows["py"]
print(f"throughput ratio (per CPU second): {pc / rc:.1f}x   memory ratio: {rr / pr:.3f}")
EOF
