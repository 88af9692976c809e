#!/usr/bin/env bash
# Peak memory of hpa-watch deciding at one hour beside hpa-episodes over the same input: 300
# stations × 8,760 hours (a year of hourly AQI, clean spells and episodes of up to ten days),
# rows by station and rows by time. hpa-watch runs at the last hour, without and with a state
# holding a warning for every station; each tool's peak resident set (/usr/bin/time -v) and
# wall time, the median of RUNS (3).
#   bench/watch_memory.sh            # tools from $HPA_BIN (default build/apps)
#   STATIONS=300 HOURS=8760 RUNS=1 bench/watch_memory.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${HPA_BIN:-$here/../build/apps}
work=${HPA_DATA:-/tmp/hpa-bench}
stations=${STATIONS:-300}
hours=${HOURS:-8760}
runs=${RUNS:-3}
mkdir -p "$work"
by_station=$work/watch_${stations}x${hours}_station.csv
by_time=$work/watch_${stations}x${hours}_time.csv
if [ ! -s "$by_station" ]; then
  # Each station a run of spells: clean (55 %), polluted (30 %) or heavy (15 %), each from an
  # hour to ten days, the hourly AQI about its spell's level.
  awk -v stations="$stations" -v hours="$hours" 'BEGIN {
    srand(20231201)
    split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
    print "station,time,aqi"
    for (s = 1; s <= stations; ++s) {
      spell = 0
      for (h = 0; h < hours; ++h) {
        if (spell-- <= 0) {
          r = rand()
          level = r < 0.55 ? 40 + 100 * rand() : r < 0.85 ? 140 + 120 * rand() : 250 + 200 * rand()
          spell = int(rand() * rand() * 240) + 1
        }
        d = int(h / 24); m = 1
        while (d >= mdays[m]) { d -= mdays[m]; m = m % 12 + 1 }
        v = level + 40 * (rand() - 0.5); if (v < 0) v = 0
        printf "S%03d,2023-%02d-%02dT%02d:00,%d\n", s, m, d + 1, h % 24, v
      }
    }
  }' >"$by_station"
  { head -n 1 "$by_station"; tail -n +2 "$by_station" | sort -t, -k2,2 -k1,1 -s; } >"$by_time"
fi
last=$(tail -n 1 "$by_station" | cut -d, -f2)
state=$work/watch_state.json
# A warning in force for every station, from well before the end: its episode must be kept.
{
  printf '{"format": "hpa-watch-state", "version": 1, "profile": "pingdingshan-2023", "decided_at": "%s", "stations": {' "$last"
  for ((s = 1; s <= stations; s++)); do
    printf '%s"S%03d": {"level": "orange", "start": "2023-12-20T00:00"}' "$([ $s = 1 ] || echo ,)" "$s"
  done
  printf '}}\n'
} >"$state.orig"

measure() {  # label command...: median peak RSS (MiB) and wall seconds of RUNS runs
  local label=$1; shift
  local rss=() walls=()
  for ((i = 0; i < runs; i++)); do
    cp "$state.orig" "$state"
    /usr/bin/time -v -o "$work/watch_memory.time" "$@" >/dev/null 2>&1 || [ $? -le 5 ] || { cat "$work/watch_memory.time"; exit 1; }
    rss+=("$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/watch_memory.time")")
    walls+=("$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/watch_memory.time")")
  done
  local mid=$(( (runs + 1) / 2 ))
  local kb wall
  kb=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n "${mid}p")
  wall=$(printf '%s\n' "${walls[@]}" | sort | sed -n "${mid}p")
  printf '%-48s %8.1f MiB  %s\n' "$label" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')" "$wall"
}

echo "$stations stations x $hours hours ($(( $(wc -l <"$by_station") - 1 )) rows, $(du -m "$by_station" | cut -f1) MB); peak RSS, wall"
for order in station time; do
  input=$work/watch_${stations}x${hours}_$order.csv
  measure "hpa-episodes (rows by $order)" "$bin/hpa-episodes" -q "$input"
  measure "hpa-watch --now $last (rows by $order)" "$bin/hpa-watch" -q --now "$last" "$input"
  measure "hpa-watch --state, warnings in force ($order)" "$bin/hpa-watch" -q --now "$last" --state "$state" "$input"
done
