#!/bin/bash
# The replay with the forecasts as issued keeps its promises (tests/watch_promises.py says which),
# on the bundled winter and its forecasts file, or on the Beijing winter 2016-17 (12 UCI sites of
# ../shared/data) with the forecasts examples/make_forecasts.py makes of it, as docs/hpa-watch.md.
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
    check --at-least announcements=50 --at-least updates=5 --at-least reschedules=3 --at-least changes=50 "$work/replay.csv"
    ;;
  *) echo "usage: watch_promises.sh bundled|beijing BINDIR ROOT WORKDIR"; exit 2 ;;
esac
