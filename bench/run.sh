#!/usr/bin/env bash
# The speed and memory benchmark: hpa beside the peers of ../shared/bench (pandas, DuckDB,
# Polars) and the bare-parse floor (limit.cpp), for the three jobs (blocks, hourly_run, conc)
# and both row orders (by station; by time, as the national site files are). It builds hpa
# (Release), runs the shared harness once per job and order with hpa in its HPA_CMD slot (which
# first checks every implementation against the reference answer), and ends with a table of
# hpa's ratios to the floor and to the fastest peer.
#
#   bench/run.sh                          # every job, both orders, 3 runs each
#   JOBS=conc ORDERS=time RUNS=5 bench/run.sh
#   ONLY="limit.cpp hpa" bench/run.sh     # hpa and the floor only (no Node.js or pandas peers)
#
# The harness writes node_modules beside itself (npm ci): when ../shared/bench is read-only it
# is copied to $HPA_HARNESS (default /tmp/hpa-bench-harness) first. Data and outputs go to
# $HPA_DATA (default /tmp/hpa-bench). The machine should be otherwise idle: one run at a time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${HPA_SHARED:-$root/../shared/bench}
jobs=${JOBS:-blocks hourly_run conc}
orders=${ORDERS:-station time}
export HPA_BIN=${HPA_BIN:-$root/build/apps}
if [ -z "${HPA_NO_BUILD:-}" ]; then
  cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$root/build" -j "$(nproc)" --target hpa-episodes >/dev/null
fi
harness=$shared
if [ ! -w "$shared" ]; then
  harness=${HPA_HARNESS:-/tmp/hpa-bench-harness}
  mkdir -p "$harness"
  for f in "$shared"/*; do cmp -s "$f" "$harness/$(basename "$f")" || cp "$f" "$harness/"; done
  chmod -R u+w "$harness"
fi
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
for job in $jobs; do
  for order in $orders; do
    log=$(mktemp)
    JOB=$job ORDER=$order HPA_CMD="$here/hpa-job.sh {job}" HPA_NAME=hpa "$harness/run.sh" | tee "$log"
    awk -v job="$job" -v order="$order" '
      $1 == "limit.cpp" { fw = $2; fc = $3 }
      $1 == "hpa" { hw = $2; hc = $3; rss = $6; chk = $7 " " $8 }
      $1 == "pandas" || $1 == "duckdb" || $1 == "polars" { if (!best || $2 < best) { best = $2; who = $1 } }
      END {
        if (!hw) { printf "| %s | %s | hpa did not run | | | | | | |\n", job, order; exit }
        printf "| %s | %s | %.2f (cpu %.2f) | %.2f (cpu %.2f) | %d | %s | %s | %s | %s |\n", job, order, fw, fc, hw, hc, rss,
          best ? sprintf("%s %.2f", who, best) : "-", fw ? sprintf("%.1fx (cpu %.1fx)", hw / fw, fc ? hc / fc : 0) : "-",
          best ? sprintf("%.1fx", best / hw) : "-", chk
      }' "$log" >>"$summary"
    rm -f "$log"
  done
done
echo
echo "| job | rows by | floor wall s | hpa wall s | hpa RSS MiB | fastest peer s | hpa / floor | peer / hpa | check |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
cat "$summary"
