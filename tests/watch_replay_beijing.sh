#!/bin/bash
# The replay of docs/hpa-watch.md on the Beijing winter 2016-17 (12 UCI sites of
# ../shared/data), observed only and with a 72 h and a 168 h forecast: no lift contradicted by
# hindsight, no episode issued twice or missed, with 168 h no site-hour above hindsight and no
# change unannounced (RULES.md §9), the hindsight episodes those of hpa-episodes, and the tables
# in docs/hpa-watch.md what the tool prints.
#   watch_replay_beijing.sh BINDIR SHARED_DATA WORKDIR PAGE
# Exits 77 (not run) without ../shared/data.
set -u
bin=$1 shared=$2 work=$3 readme=$4
[ -d "$shared/beijing_multisite" ] || { echo "no $shared/beijing_multisite"; exit 77; }
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail() { echo "FAIL: $*"; exit 1; }

"$bin/hpa-convert" -q --from uci --since 2016-12-01 --until 2017-01-15 "$shared"/beijing_multisite/*.csv |
  "$bin/hpa-aqi" --daily > bj.csv || fail "hpa-convert | hpa-aqi failed"
# station,episodes: the warnings hpa-episodes finds on the whole file
"$bin/hpa-episodes" -q bj.csv | awk -F, 'NR > 1 && $2 == "warning" { n[$1]++ } END { for (s in n) print s "," n[s] }' |
  sort > episodes.csv
# the summary's columns by name
col() { awk -F, -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next } { print $1 "," $c }' "$2"; }
for forecast in 0 72 168; do
  "$bin/hpa-watch" -q --replay 2016-12-01..2017-01-15 --forecast-hours $forecast --summary bj.csv > summary_$forecast.csv ||
    fail "the replay (forecast $forecast h) failed"
  [ "$(tail -n +2 summary_$forecast.csv | wc -l)" = 12 ] || fail "forecast $forecast h: not 12 stations: $(cat summary_$forecast.csv)"
  for c in contradicted issued_twice missed; do
    col $c summary_$forecast.csv | grep -v ',0$' && fail "forecast $forecast h: $c is not 0"
  done
  if [ $forecast = 168 ]; then  # RULES.md §9: a 7-day forecast is never above hindsight, and announces every change
    for c in hours_above unannounced; do
      col $c summary_$forecast.csv | grep -v ',0$' && fail "forecast 168 h: $c is not 0"
    done
  fi
  [ "$(tail -n +2 summary_$forecast.csv | cut -d, -f1,2 | sort)" = "$(cat episodes.csv)" ] ||
    fail "forecast $forecast h: the hindsight episodes are not hpa-episodes' ($(cat episodes.csv | tr '\n' ' '))"
  # the page: the indented lines under the command line, up to the next command or blank line
  cmd="    \$ hpa-watch --replay 2016-12-01..2017-01-15 --forecast-hours $forecast --summary -f text /tmp/bj.csv | sed -n '1p;\$p'"
  awk -v cmd="$cmd" '$0 == cmd { on = 1; next } on && (/^    \$/ || !/^    /) { exit } on { print substr($0, 5) }' "$readme" > readme_$forecast.txt
  "$bin/hpa-watch" -q --replay 2016-12-01..2017-01-15 --forecast-hours $forecast --summary -f text bj.csv | sed -n '1p;$p' > text_$forecast.txt
  [ -s readme_$forecast.txt ] || fail "$readme has no table under: $cmd"
  diff readme_$forecast.txt text_$forecast.txt || fail "$readme's table (forecast $forecast h) is not what the tool prints"
done
echo "12 stations, observed only, with a 72 h and a 168 h forecast: nothing contradicted, issued twice or missed; with 168 h nothing above hindsight or unannounced; the page's tables hold"
