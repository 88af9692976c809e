#!/bin/bash
# The replay of README.md's hpa-watch section on the Beijing winter 2016-17 (12 UCI sites of
# ../shared/data), observed only and with a 72 h forecast: no lift or downgrade contradicted by
# hindsight, no episode issued twice or missed, the hindsight episodes those of hpa-episodes, and
# the tables in README.md what the tool prints.
#   watch_replay_beijing.sh BINDIR SHARED_DATA WORKDIR README
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
for forecast in 0 72; do
  "$bin/hpa-watch" -q --replay 2016-12-01..2017-01-15 --forecast-hours $forecast --summary bj.csv > summary_$forecast.csv ||
    fail "the replay (forecast $forecast h) failed"
  [ "$(tail -n +2 summary_$forecast.csv | wc -l)" = 12 ] || fail "forecast $forecast h: not 12 stations: $(cat summary_$forecast.csv)"
  # station,episodes,issues,upgrades,downgrades,lifts,announcements,reschedules,contradicted,issued_twice,missed,...
  awk -F, -v f=$forecast 'NR > 1 && ($9 != 0 || $10 != 0 || $11 != 0 || $3 != $2 || $6 != $2) {
      print "forecast " f " h: " $0; bad = 1 } END { exit bad }' summary_$forecast.csv ||
    fail "contradicted, issued twice, missed, or not one issue and one lift per episode"
  [ "$(tail -n +2 summary_$forecast.csv | cut -d, -f1,2 | sort)" = "$(cat episodes.csv)" ] ||
    fail "forecast $forecast h: the hindsight episodes are not hpa-episodes' ($(cat episodes.csv | tr '\n' ' '))"
  # README.md: the indented lines under the command line, up to the next command or blank line
  flag=$([ $forecast = 0 ] && echo "" || echo " --forecast-hours $forecast")
  cmd="    \$ hpa-watch --replay 2016-12-01..2017-01-15$flag --summary -f text /tmp/bj.csv"
  awk -v cmd="$cmd" '$0 == cmd { on = 1; next } on && (/^    \$/ || !/^    /) { exit } on { print substr($0, 5) }' "$readme" > readme_$forecast.txt
  "$bin/hpa-watch" -q --replay 2016-12-01..2017-01-15 --forecast-hours $forecast --summary -f text bj.csv > text_$forecast.txt
  [ -s readme_$forecast.txt ] || fail "README.md has no table under: $cmd"
  diff readme_$forecast.txt text_$forecast.txt || fail "README.md's table (forecast $forecast h) is not what the tool prints"
done
echo "12 stations, observed only and with a 72 h forecast: nothing contradicted, issued twice or missed; README.md's tables hold"
