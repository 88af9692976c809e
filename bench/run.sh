#!/usr/bin/env bash
# The speed and memory benchmark: hpa beside the peers of ../shared/bench (pandas, DuckDB,
# Polars) and the bare-parse floor, on the same generated season (1000 stations x 8760 h,
# 231 MB). It builds hpa (Release), runs the shared harness with hpa in its HPA_CMD slot (which
# first checks that every implementation gives the reference answer), then prints hpa's ratio
# to the floor and to the fastest peer.
#
#   bench/run.sh                      # job blocks, 3 runs each
#   RUNS=5 JOB=hourly_run bench/run.sh
#   ONLY="limit.cpp hpa" bench/run.sh # hpa and the floor only (no Node.js peers)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${HPA_SHARED:-$root/../shared/bench}
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build" -j "$(nproc)" --target hpa-episodes >/dev/null
log=$(mktemp)
HPA_CMD="$here/hpa-job.sh {job}" HPA_NAME=hpa "$shared/run.sh" | tee "$log"
awk '
  $1 == "limit.cpp" { floor = $2 }
  $1 == "hpa" { hpa = $2; rss = $6 }
  $1 == "pandas" || $1 == "duckdb" || $1 == "polars" { if (!best || $2 < best) { best = $2; who = $1 } }
  END {
    if (!hpa) exit 1
    if (floor) printf "hpa / floor: %.1fx (wall %.2f s vs %.2f s); peak RSS %d MiB\n", hpa / floor, hpa, floor, rss
    if (best) printf "fastest peer / hpa: %.1fx (%s %.2f s)\n", best / hpa, who, best
  }' "$log"
rm -f "$log"
