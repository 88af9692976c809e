#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for a bounded time on a seed
# corpus made from tests/data and examples/. Prints the executions per target; exits non-zero
# when a target finds a crash (the input is left in build-fuzz/crashes/).
#
#   tests/fuzz/run.sh [SECONDS_PER_TARGET]      default 60
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
build=${HPA_FUZZ_BUILD:-build-fuzz}
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHPA_FUZZ=ON \
  -DHPA_BUILD_TESTS=OFF -DHPA_BUILD_APPS=OFF -DHPA_INSTALL=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null

corpus=$build/corpus
rm -rf "$corpus"
mkdir -p "$corpus"/{aqi_csv,national,reduction,profile,state,utf8,inputs,watch} "$build/crashes"
d=tests/data
cp $d/*.csv $d/bad/*.csv "$corpus/aqi_csv/"
prefixed() {  # target byte file: a seed whose first byte picks the reader
  printf "\\x$(printf %02x "$2")" | cat - "$3" >"$corpus/$1/$(basename "$3").$2"
}
prefixed national 0 $d/cnemc_small.csv
prefixed national 1 $d/station_export_small.csv
prefixed national 1 $d/bad/station_export_conflict.csv
printf '"No","year","month","day","hour","PM2.5","PM10","SO2","NO2","CO","O3","station"\n1,2013,3,1,0,4,4,4,7,300,77,"A"\n' >"$corpus/national/uci.csv"
prefixed national 2 "$corpus/national/uci.csv"
rm "$corpus/national/uci.csv"
prefixed reduction 0 $d/reduce_pass.json
prefixed reduction 1 examples/reduction/sources.csv
prefixed reduction 2 examples/reduction/totals.csv
prefixed reduction 3 examples/reduction/exceptions.csv
cp $d/profile_*.json $d/bad/profile_*.json "$corpus/profile/"
cp $d/watch_state_*.json $d/example8_episodes.json $d/dust_episodes.json "$corpus/state/"
cp $d/area_conc_names.csv $d/bad/utf8_*.csv "$corpus/utf8/"
inputs() {  # mode cut file: a seed of the inputs target (mode: no header 1, UTC 2, layout 8; cut 0-255)
  printf "\\x$(printf %02x "$1")\\x$(printf %02x "$2")" | cat - "$3" >"$corpus/inputs/$(basename "$3").$1.$2"
}
inputs 0 128 $d/two_stations.csv
inputs 0 200 $d/bad/joined_with_cat.csv
inputs 1 128 $d/two_stations_no_header.csv
inputs 8 128 $d/two_stations_sheet.csv
inputs 2 100 $d/two_stations_utc.csv
inputs 0 60 $d/two_stations_offsets.csv
inputs 0 40 $d/bad/utf16.csv
printf '%%Y/%%m/%%d %%H:%%M2023/12/1 8:00' >"$corpus/inputs/layout.txt"
inputs 128 128 "$corpus/inputs/layout.txt"
rm "$corpus/inputs/layout.txt"
watch() {  # flags now-offset timeline state directives [forecasts]: a seed of the watch target (see fuzz_watch.cpp)
  { printf "\\x$(printf %02x "$1")\\x$(printf %02x "$2")"; cat "$3"; printf '\036'; cat "$4"; printf '\036'; cat "$5"
    printf '\036'; cat "${6:-/dev/null}"; } \
    >"$corpus/watch/$(basename "$3" .csv).$(basename "$4" .json).$(basename "$5" .csv).$(basename "${6:-none}" .csv).$1.$2"
}
watch 0 0 $d/watch_ahead60.csv $d/watch_state_issued.json $d/directives_watch_red.csv
watch 4 30 $d/watch_ahead60.csv $d/watch_state_issued.json $d/directives_watch_ends.csv
watch 16 0 $d/watch_override.csv $d/watch_state_yellow.json /dev/null
watch 33 0 $d/watch_announce.csv $d/watch_state_announced.json $d/directives.csv
watch 50 0 $d/two_stations.csv $d/watch_state_directive.json $d/directives.json
watch 4 12 $d/example8_daily.csv /dev/null $d/directives.csv
watch 0 0 $d/bad/gap_over_a_day.csv /dev/null /dev/null
watch 4 20 $d/watch_clean.csv /dev/null $d/directives_overlap.csv
watch 0 0 $d/watch_observed.csv /dev/null /dev/null $d/watch_forecasts.csv
watch 0 0 $d/watch_rolling_observed.csv /dev/null /dev/null $d/watch_rolling_forecasts.csv
watch 4 6 $d/watch_rolling_observed.csv $d/watch_state_issued.json $d/directives.csv $d/watch_rolling_forecasts.csv

status=0
for t in aqi_csv national reduction profile state utf8 inputs watch; do
  log=$build/fuzz_$t.log
  if "$build/tests/fuzz/fuzz_$t" "$corpus/$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
      -print_final_stats=1 -artifact_prefix="$build/crashes/${t}_" >"$log" 2>&1; then
    result=ok
  else
    result="FOUND A CRASH (see $log and $build/crashes/)"
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  printf '%-10s %12s executions in %s s: %s\n' "$t" "${runs:-?}" "$seconds" "$result"
done
exit $status
