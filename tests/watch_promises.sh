#!/bin/bash
# The replay with the forecasts as issued keeps its promises (tests/watch_promises.py says which),
# on the bundled winter and its forecasts file, or on the Beijing winter 2016-17 (12 UCI sites of
# ../shared/data) with the forecasts examples/make_forecasts.py makes of it, as docs/hpa-watch.md;
# there also its announcements and notices within 1.5 times those of a perfect 7-day forecast.
#   watch_promises.sh bundled|beijing BINDIR ROOT WORKDIR
# Exits 77 (not run) for beijing without ../shared/data.
set -u
what=$1 bin=$2 root=$3 work=$4
rm -rf "$work" && mkdir -p "$work" || exit 1
tolerance=$("$bin/hpa-profile" -f json show pingdingshan-2023 | python3 -c 'import json, sys; print(json.load(sys.stdin)["announce_tolerance_hours"])') ||
  { echo "FAIL: no announce_tolerance_hours from hpa-profile"; exit 1; }
check() { python3 "$root/tests/watch_promises.py" --tolerance "$tolerance" "$@"; }
case $what in
  bundled)
    "$bin/hpa-watch" -q --replay .. --forecasts "$root/examples/winter-2023-forecasts.csv" "$root/examples/winter-2023.csv" \
      > "$work/replay.csv" || { echo "FAIL: the replay failed"; exit 1; }
    check --at-least announcements=20 --at-least updates=1 --at-least reschedules=10 --at-least changes=40 "$work/replay.csv"
    ;;
  beijing)
    shared=$root/../shared/data
    [ -d "$shared/beijing_multisite" ] || { echo "no $shared/beijing_multisite"; exit 77; }
    "$bin/hpa-convert" -q --from uci --since 2016-12-01 --until 2017-01-15 "$shared"/beijing_multisite/*.csv |
      "$bin/hpa-aqi" --daily > "$work/bj.csv" || { echo "FAIL: hpa-convert | hpa-aqi failed"; exit 1; }
    python3 "$root/examples/make_forecasts.py" "$work/bj.csv" > "$work/forecasts.csv" || exit 1
    "$bin/hpa-watch" -q --replay 2016-12-01..2017-01-15 --forecasts "$work/forecasts.csv" "$work/bj.csv" \
      > "$work/replay.csv" || { echo "FAIL: the replay failed"; exit 1; }
    check --at-least announcements=50 --at-least updates=5 --at-least reschedules=3 --at-least changes=50 "$work/replay.csv" ||
      exit 1
    # what the errors cost against a perfect 7-day forecast: announcements (their updates among
    # them) and notices within 1.5 times its own (issue 26)
    col() { awk -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } $1 == "all" { print $c }' "$2"; }
    "$bin/hpa-watch" -q --replay 2016-12-01..2017-01-15 --forecasts "$work/forecasts.csv" --summary -f text "$work/bj.csv" \
      > "$work/revised.txt" || { echo "FAIL: the summary with the forecasts as issued failed"; exit 1; }
    "$bin/hpa-watch" -q --replay 2016-12-01..2017-01-15 --forecast-hours 168 --summary -f text "$work/bj.csv" \
      > "$work/perfect.txt" || { echo "FAIL: the summary with a perfect forecast failed"; exit 1; }
    for c in announcements notices; do
      revised=$(col $c "$work/revised.txt") perfect=$(col $c "$work/perfect.txt")
      [ -n "$revised" ] && [ "$perfect" -gt 0 ] || { echo "FAIL: no $c in the summaries"; exit 1; }
      echo "$c: $revised, against $perfect with a perfect 7-day forecast"
      [ $((revised * 2)) -le $((perfect * 3)) ] || { echo "FAIL: $c over 1.5 times the perfect forecast's"; exit 1; }
    done
    ;;
  *) echo "usage: watch_promises.sh bundled|beijing BINDIR ROOT WORKDIR"; exit 2 ;;
esac
