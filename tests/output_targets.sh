#!/bin/bash
# What -o and --state do to what they name, run as a user would (as root in CI):
#   output_targets.sh CASE BINDIR DATADIR WORKDIR
# CASE: fifo, symlink, device, process_substitution, state_symlink, output_is_state, mode, signal, stderr_closed,
# stdout_closed, reader_gone, read_only. Exits 0 when the target is what it should be afterwards, 77 when the case
# cannot run here; else prints why and exits 1.
set -u
case_=$1 bin=$2 data=$3 work=$4
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail() { echo "FAIL ($case_): $*"; exit 1; }
no_temp_left() {
  local left
  left=$(ls -A | grep 'hpa-tmp' || true)
  [ -z "$left" ] || fail "temporary files left: $left"
}
expected() { "$bin/$1" "${@:2}" 2>/dev/null; }

case $case_ in
fifo)  # the reader gets the output; the FIFO stays
  mkfifo out.fifo
  timeout 20 cat out.fifo > got.csv &
  reader=$!
  timeout 20 "$bin/hpa-episodes" -o out.fifo "$data/two_stations.csv" || fail "exit $?"
  [ -p out.fifo ] || { kill $reader 2>/dev/null; fail "out.fifo is no longer a FIFO"; }
  wait $reader || fail "the reader got nothing (exit $?)"
  [ "$(cat got.csv)" = "$(expected hpa-episodes "$data/two_stations.csv")" ] || fail "the reader got: $(head -c 200 got.csv)"
  ;;
symlink)  # the link stays, its target file gets the output
  echo old > real.csv
  ln -s real.csv link.csv
  "$bin/hpa-episodes" -o link.csv "$data/two_stations.csv" || fail "exit $?"
  [ -L link.csv ] || fail "link.csv is no longer a symbolic link"
  [ "$(cat real.csv)" = "$(expected hpa-episodes "$data/two_stations.csv")" ] || fail "real.csv holds: $(head -c 200 real.csv)"
  ;;
device)  # a character device stays one (as root a private null device, not the system's)
  dev=/dev/null
  if [ "$(id -u)" = 0 ] && mknod null c 1 3 2>/dev/null; then dev=$PWD/null; fi
  "$bin/hpa-episodes" -o "$dev" "$data/two_stations.csv" || fail "exit $?"
  [ -c "$dev" ] || fail "$dev is no longer a character device"
  [ -c /dev/null ] || fail "/dev/null is no longer a character device"
  ;;
process_substitution)  # -o >(cmd): the command reads the output
  "$bin/hpa-episodes" -o >(cat > got.csv) "$data/two_stations.csv" || fail "exit $?"
  wait $! || fail "the reader failed"
  [ "$(cat got.csv)" = "$(expected hpa-episodes "$data/two_stations.csv")" ] || fail "the reader got: $(head -c 200 got.csv)"
  ;;
state_symlink)  # hpa-watch --state through a link: the link stays, its target is the state
  mkdir states
  ln -s states/watch.json state.json
  "$bin/hpa-watch" --state state.json "$data/watch_ahead20.csv" > /dev/null
  [ $? = 3 ] || fail "expected exit 3 (an action is due)"
  [ -L state.json ] || fail "state.json is no longer a symbolic link"
  grep -q '"format": "hpa-watch-state"' states/watch.json || fail "states/watch.json holds no state"
  "$bin/hpa-watch" --state state.json "$data/watch_ahead20.csv" > /dev/null || fail "second run: exit $? (the state was not read back)"
  ;;
output_is_state)  # hpa-watch -o at the state or its lock by another path: refused (exit 2), nothing touched
  cp "$data/watch_state_issued.json" state.json
  mkdir states
  ln -s ../state.json states/link.json
  ln state.json hard.json
  ln -s state.json.lock lock_link
  for out in ./state.json states/link.json hard.json states/../state.json lock_link; do
    "$bin/hpa-watch" --state state.json -o "$out" "$data/watch_ahead60.csv" > /dev/null 2> err.txt
    status=$?
    [ $status = 2 ] || fail "-o $out: exit $status, expected 2: $(cat err.txt)"
    cmp -s state.json "$data/watch_state_issued.json" || fail "-o $out: the state changed"
    [ ! -e state.json.lock ] || fail "-o $out: the state was locked"
  done
  grep -q "is the state file's lock" err.txt || fail "-o lock_link: $(cat err.txt)"
  ;;
mode)  # an existing file keeps its mode, and as root its owner
  echo old > out.csv
  chmod 640 out.csv
  [ "$(id -u)" = 0 ] && chown 65534:65534 out.csv
  before=$(stat -c '%a %u %g' out.csv)
  "$bin/hpa-episodes" -o out.csv "$data/two_stations.csv" || fail "exit $?"
  after=$(stat -c '%a %u %g' out.csv)
  [ "$before" = "$after" ] || fail "mode, owner, group were $before, now $after"
  ;;
signal)  # TERM to a writer half-way removes its temporary file
  mkfifo in.fifo
  "$bin/hpa-daily" -o out.csv < in.fifo &
  writer=$!
  exec 3> in.fifo  # hold the input open: the tool waits for more rows
  # 50,000 hours (1.2 MB: past the reader's first reads, whatever their size), then no end
  awk 'BEGIN { print "station,time,aqi"; split("31 28 31 30 31 30 31 31 30 31 30 31", days, " ")
    for (y = 2001; ; ++y) for (m = 1; m <= 12; ++m) for (d = 1; d <= days[m]; ++d) for (h = 0; h < 24; ++h) {
      printf "A,%04d-%02d-%02dT%02d:00,100\n", y, m, d, h; if (++n == 50000) exit } }' >&3
  for _ in $(seq 200); do  # until the tool has made its temporary file (after the header)
    ls -A | grep -q 'hpa-tmp' && break
    sleep 0.05
  done
  ls -A | grep -q 'hpa-tmp' || { kill -KILL $writer; fail "no temporary file appeared"; }
  kill -TERM $writer
  wait $writer
  status=$?
  exec 3>&-
  [ $status = 143 ] || fail "exit $status, expected 143 (killed by TERM)"
  [ ! -e out.csv ] || fail "out.csv was written"
  ;;
stderr_closed)  # with 2>&- a warning does not land in the output file
  "$bin/hpa-daily" -o out.csv < "$data/bad/truncated_last_line.csv" 2>&- || fail "exit $?"
  [ "$(cat out.csv)" = "$(expected hpa-daily "$data/bad/truncated_last_line.csv")" ] || fail "out.csv holds: $(cat out.csv)"
  ;;
stdout_closed)  # with >&- the output is lost: an error, not a silent success
  "$bin/hpa-episodes" "$data/two_stations.csv" >&- 2> err
  rc=$?
  [ $rc = 1 ] || fail "exit $rc, expected 1"
  [ "$(cat err)" = "hpa-episodes: stdout: write failed: Bad file descriptor" ] || fail "said: $(cat err)"
  ;;
reader_gone)  # a reader of stdout that goes away before the output: a quiet stop
  mkfifo in.fifo
  # the reader closes its end first, then feeds the input: the tool writes to no reader, always
  "$bin/hpa-episodes" < in.fifo 2> err | { exec 0<&-; cat "$data/two_stations.csv" > in.fifo; }
  rc=${PIPESTATUS[0]}
  [ $rc = 0 ] || fail "exit $rc, expected 0"
  [ ! -s err ] || fail "said: $(cat err)"
  ;;
read_only)  # a file made read-only is not replaced by a user who may not write it (as sort -o)
  echo old > out.csv
  chmod 444 out.csv
  as_user=()
  if [ "$(id -u)" = 0 ]; then  # root may write any file: run as nobody, in a folder of nobody's
    command -v setpriv > /dev/null || { echo "no setpriv here"; exit 77; }
    chown 65534:65534 . out.csv
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  fi
  "${as_user[@]}" "$bin/hpa-episodes" -o out.csv "$data/two_stations.csv" 2> err
  rc=$?
  [ $rc = 1 ] || fail "exit $rc, expected 1"
  [ "$(cat err)" = "hpa-episodes: out.csv: cannot open for writing: Permission denied" ] || fail "said: $(cat err)"
  [ "$(cat out.csv)" = old ] || fail "out.csv holds: $(head -c 200 out.csv)"
  [ "$(stat -c %a out.csv)" = 444 ] || fail "out.csv has mode $(stat -c %a out.csv)"
  ;;
*) fail "unknown case" ;;
esac
no_temp_left
exit 0
