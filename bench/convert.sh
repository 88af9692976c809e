#!/usr/bin/env bash
# hpa-convert against a bare read of the same files: the UCI Beijing files (12 sites, four
# years) and a month of the national site file (the one day of ../shared/data, its date set to
# each day of January 2017: 31 × 1,497 sites). The bare read is limit.cpp of the peer benchmark
# on the same bytes (split every line into fields, parse the numbers). Medians of RUNS (3).
#   bench/convert.sh            # tools from $HPA_BIN (default build/apps)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${HPA_BIN:-$here/../build/apps}
data=${HPA_SHARED_DATA:-$here/../../shared/data}
work=${HPA_DATA:-/tmp/hpa-bench}
runs=${RUNS:-3}
mkdir -p "$work"
g++ -O2 -o "$work/limit" "$here/../../shared/bench/limit.cpp"
month=$work/cnemc_2017-01.csv
if [ ! -s "$month" ]; then
  day=$data/cnemc_sites/china_sites_20170101.csv
  { head -n 1 "$day"; for d in $(seq -w 1 31); do tail -n +2 "$day" | sed "s/^20170101,/201701$d,/"; done; } >"$month"
fi
uci=("$data"/beijing_multisite/*.csv)
time_of() {  # label command...: median wall and cpu seconds of RUNS runs
  local label=$1; shift
  local walls=() cpus=()
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/convert.time" "$@" >/dev/null 2>&1
    read -r w u s m <"$work/convert.time"
    walls+=("$w"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')")
  done
  printf '%s %s %s %s\n' "$label" "$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "$(( (runs + 1) / 2 ))p")" \
    "$(printf '%s\n' "${cpus[@]}" | sort -g | sed -n "$(( (runs + 1) / 2 ))p")" "$((m / 1024))"
}
{
  echo "input what wall_s cpu_s rss_mib"
  time_of "uci bare-read" sh -c "for f in \"\$@\"; do '$work/limit' \"\$f\"; done" _ "${uci[@]}"
  time_of "uci hpa-convert" "$bin/hpa-convert" -q --from uci "${uci[@]}"
  time_of "cnemc-month bare-read" "$work/limit" "$month"
  time_of "cnemc-month hpa-convert" "$bin/hpa-convert" -q --from cnemc "$month"
} | sed 's/^\(uci\|cnemc-month\) /\1\t/' | column -t
