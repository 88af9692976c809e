#!/bin/sh
# The progress line on a real terminal: script(1) gives the tool one. On stderr when it is a
# terminal, not with -q, not with TERM=dumb, not when the output goes to the terminal too.
#   progress.sh BIN_DIR DATA_DIR WORK_DIR       exits 77 (not run) without script(1)
bin=$1 data=$2 work=$3
command -v script >/dev/null 2>&1 || { echo "SKIPPED: no script(1) (bsdutils)"; exit 77; }
mkdir -p "$work" && cd "$work" || exit 1
run() {  # run TERM COMMAND: what the terminal received
  TERM=$1 script -qfec "$2" typescript >/dev/null 2>&1 </dev/null
  cat typescript
}
fail=0
check() {  # check NAME EXPECTED(yes|no) TERM COMMAND
  got=no
  run "$3" "$4" | grep -q "$(printf '\033')\[Khpa-" && got=yes
  [ "$got" = "$2" ] || { echo "FAIL: $1: progress shown: $got, expected $2"; fail=1; }
}
conc=$data/conc_hourly.csv
check "hpa-aqi, output to a file" yes xterm "$bin/hpa-aqi $conc > out.csv"
check "hpa-aqi -q" no xterm "$bin/hpa-aqi -q $conc > out.csv"
check "hpa-aqi, TERM=dumb" no dumb "$bin/hpa-aqi $conc > out.csv"
check "hpa-aqi, output on the terminal" no xterm "$bin/hpa-aqi $conc"
check "hpa-aqi -o FILE" yes xterm "$bin/hpa-aqi -o out.csv $conc"
check "hpa-convert, output to a file" yes xterm "$bin/hpa-convert --from station $data/station_export_small.csv > out.csv"
check "hpa-episodes from stdin" yes xterm "$bin/hpa-episodes - < $data/two_stations.csv > out.csv"
check "hpa-episodes, stderr not a terminal" no xterm "$bin/hpa-episodes - < $data/two_stations.csv > out.csv 2> err.txt"
# the line is cleared: what the output file holds is the tool's output alone
run xterm "$bin/hpa-aqi $conc > out.csv" >/dev/null
"$bin/hpa-aqi" "$conc" | cmp -s - out.csv || { echo "FAIL: the output differs on a terminal"; fail=1; }
[ $fail = 0 ] && echo "progress: all checks passed"
exit $fail
