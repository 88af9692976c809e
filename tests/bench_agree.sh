#!/usr/bin/env bash
# hpa gives the peer benchmark's reference answer (../shared/bench: JOB.md, ref.py) for both level
# jobs, blocks and hourly_run, on the benchmark's edge fixtures and on a small generated season.
# Usage: bench_agree.sh BENCH_DIR HPA_EPISODES WORK_DIR. Exit 77 (skipped) when BENCH_DIR or
# python3 is not there: a clone without ../shared passes.
set -euo pipefail
bench=$1 episodes=$2 work=$3
job_sh=$(cd "$(dirname "$0")/../bench" && pwd)/hpa-job.sh
if [ ! -f "$bench/ref.py" ] || ! command -v python3 >/dev/null; then
  echo "skipped: needs python3 and $bench/ref.py"
  exit 77
fi
mkdir -p "$work"
# 10 stations x 90 days: every level under both jobs, about 1 s of ref.py per job
python3 "$bench/gen.py" --stations 10 --hours 2160 --seed 1 >"$work/small.csv"
fail=0
for f in "$bench/edge.csv" "$bench/edge_blocks.csv" "$bench/edge_hourly_run.csv" "$work/small.csv"; do
  for job in blocks hourly_run; do
    python3 "$bench/ref.py" --job "$job" "$f" >"$work/want.csv"
    HPA_EPISODES=$episodes "$job_sh" "$job" "$f" >"$work/got.csv"
    if cmp -s "$work/want.csv" "$work/got.csv"; then
      echo "agree: $job $(basename "$f")"
    else
      echo "DIFFER: $job $(basename "$f") (< ref.py, > hpa)"
      diff "$work/want.csv" "$work/got.csv" || true
      fail=1
    fi
  done
done
exit $fail
