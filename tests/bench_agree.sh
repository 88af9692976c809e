#!/usr/bin/env bash
# hpa gives the peer benchmark's reference answer (../shared/bench: JOB.md, ref.py) for the three
# jobs, blocks and hourly_run (hourly AQI) and conc (concentrations read directly), on the
# benchmark's edge fixtures and on small generated seasons, rows by station and by time.
# Usage: bench_agree.sh BENCH_DIR HPA_EPISODES WORK_DIR (the other tools beside it). Exit 77 (skipped) when BENCH_DIR or
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
    HPA_BIN=$(dirname "$episodes") "$job_sh" "$job" "$f" >"$work/got.csv"
    if cmp -s "$work/want.csv" "$work/got.csv"; then
      echo "agree: $job $(basename "$f")"
    else
      echo "DIFFER: $job $(basename "$f") (< ref.py, > hpa)"
      diff "$work/want.csv" "$work/got.csv" || true
      fail=1
    fi
  done
done
# conc: 6 stations x 30 days (ref.py computes in exact fractions, slowly), and the fixture; each
# also with its rows by time, then station
python3 "$bench/gen.py" --stations 6 --hours 720 --seed 1 --kind conc >"$work/small_conc.csv"
for f in "$bench/edge_conc.csv" "$work/small_conc.csv"; do
  name=$(basename "$f" .csv)
  { head -n 1 "$f"; tail -n +2 "$f" | LC_ALL=C sort -t, -k2,2 -k1,1; } >"$work/${name}_time.csv"
  python3 "$bench/ref.py" --job conc "$f" >"$work/want.csv"
  for g in "$f" "$work/${name}_time.csv"; do
    HPA_BIN=$(dirname "$episodes") "$job_sh" conc "$g" >"$work/got.csv"
    if cmp -s "$work/want.csv" "$work/got.csv"; then
      echo "agree: conc $(basename "$g")"
    else
      echo "DIFFER: conc $(basename "$g") (< ref.py, > hpa)"
      diff "$work/want.csv" "$work/got.csv" || true
      fail=1
    fi
  done
done
exit $fail
