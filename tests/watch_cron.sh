#!/bin/bash
# hpa-watch as cron runs it, run as a user would:
#   watch_cron.sh CASE BINDIR DATADIR WORKDIR PAGE...
# CASE: concurrent (50 pairs of runs on one state at once: every action reported once, the state
# whole), two_feeds (50 pairs of runs of two feeds with different stations on one state: each
# keeps the other's stations), no_wait (a held lock: exit 4 at once with --no-wait, else the run
# waits), output_fails (stdout on /dev/full after the state was written: the state is put back,
# and the next run reports the action), reader_gone (the same when the reader of stdout goes
# away: exit 1, not the quiet stop of other tools), replay_span (--replay 0001..9999 within 400 MB
# and 20 s, where walking the gap took 1.2 GB), crontab (the crontab line of the pages, README.md and
# docs/hpa-watch.md, the same in each, as written, with the tool, folders and mail replaced by the
# test's). Exits 0 when all is as it should be, 77 when the case cannot run here, else prints why
# and exits 1.
set -u
case_=$1 bin=$2 data=$3 work=$4
shift 4
pages=("$@")  # absolute paths: the case runs in WORKDIR
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail() { echo "FAIL ($case_): $*"; exit 1; }
export HPA_NOW=2023-12-01T09:00  # an hour after the fixtures' last observed hour
watch="$bin/hpa-watch"
pairs=50

# The actions of a run's JSON Lines output: "station action" per line, `none` rows left out.
actions() { sed -n 's/^{"station":"\([^"]*\)",.*"action":"\([^"]*\)".*/\1 \2/p' "$@" | grep -v ' none$' || true; }

case $case_ in
concurrent)  # one feed, two runs at once: one of them issues, the other sees the issue and says none
  issued=0
  for i in $(seq $pairs); do
    mkdir $i
    "$watch" -f jsonl --state $i/s.json "$data/watch_ahead20.csv" > $i/a.out 2> $i/a.err & a=$!
    "$watch" -f jsonl --state $i/s.json "$data/watch_ahead20.csv" > $i/b.out 2> $i/b.err & b=$!
    wait $a; ra=$?
    wait $b; rb=$?
    [ "$(actions $i/a.out $i/b.out)" = "S issue" ] || fail "pair $i: actions $(actions $i/a.out $i/b.out | tr '\n' ';') (exits $ra, $rb)"
    [ "$ra$rb" = 30 ] || [ "$ra$rb" = 03 ] || fail "pair $i: exits $ra and $rb, expected 3 and 0"
    grep -q '"S": {' $i/s.json || fail "pair $i: S is not in the state"
    [ -s $i/a.err ] || [ -s $i/b.err ] && fail "pair $i: messages: $(cat $i/a.err $i/b.err)"
    issued=$((issued + 1))
  done
  echo "$pairs pairs: $issued issues reported once each, none twice; every state holds S"
  ;;
two_feeds)  # two feeds with different stations, one state: each run keeps the other feed's stations
  sed 's/^S,/A,/' "$data/watch_ahead20.csv" > a.csv
  sed 's/^S,/B,/' "$data/watch_ahead20.csv" > b.csv
  for i in $(seq $pairs); do
    mkdir $i
    "$watch" -f jsonl --state $i/s.json a.csv > $i/a.out 2> $i/a.err & a=$!
    "$watch" -f jsonl --state $i/s.json b.csv > $i/b.out 2> $i/b.err & b=$!
    wait $a; ra=$?
    wait $b; rb=$?
    [ "$(actions $i/a.out)" = "A issue" ] || fail "pair $i: feed a reported $(actions $i/a.out | tr '\n' ';')"
    [ "$(actions $i/b.out)" = "B issue" ] || fail "pair $i: feed b reported $(actions $i/b.out | tr '\n' ';')"
    [ "$ra$rb" = 33 ] || fail "pair $i: exits $ra and $rb, expected 3 and 3"
    grep -q '"A": {' $i/s.json && grep -q '"B": {' $i/s.json || fail "pair $i: the state lost a station: $(cat $i/s.json)"
    # and again, both at once: nothing to report, nothing lost
    "$watch" -f jsonl --state $i/s.json a.csv > $i/a2.out & a=$!
    "$watch" -f jsonl --state $i/s.json b.csv > $i/b2.out & b=$!
    wait $a; ra=$?
    wait $b; rb=$?
    [ "$ra$rb" = 00 ] && [ -z "$(actions $i/a2.out $i/b2.out)" ] || fail "pair $i, second runs: exits $ra, $rb: $(actions $i/a2.out $i/b2.out)"
    grep -q '"A": {' $i/s.json && grep -q '"B": {' $i/s.json || fail "pair $i, second runs: the state lost a station"
  done
  echo "$pairs pairs of two feeds: each station issued once, both kept in the state, twice over"
  ;;
no_wait)  # another run holds the lock
  command -v flock > /dev/null || { echo "no flock(1) here"; exit 77; }
  flock s.json.lock sleep 3 & holder=$!
  for _ in $(seq 100); do flock -n s.json.lock true 2> /dev/null || break; sleep 0.02; done  # until it holds it
  "$watch" --no-wait --state s.json "$data/watch_ahead20.csv" > out 2> err
  rc=$?
  [ $rc = 4 ] || fail "--no-wait: exit $rc, expected 4"
  [ ! -s out ] || fail "--no-wait printed: $(cat out)"
  [ "$(cat err)" = "hpa-watch: s.json: another run holds its lock (s.json.lock); nothing decided (--no-wait)" ] ||
    fail "--no-wait said: $(cat err)"
  [ ! -e s.json ] || fail "--no-wait wrote the state"
  start=$(date +%s%N)
  "$watch" -f jsonl --state s.json "$data/watch_ahead20.csv" > out
  rc=$?
  waited=$((($(date +%s%N) - start) / 1000000))
  kill $holder 2> /dev/null; wait $holder 2> /dev/null
  [ $rc = 3 ] || fail "the waiting run: exit $rc, expected 3"
  [ "$(actions out)" = "S issue" ] || fail "the waiting run reported: $(actions out)"
  [ $waited -ge 1000 ] || fail "the second run did not wait for the lock (${waited} ms)"
  ;;
output_fails)  # the state is written first; output that then fails puts it back
  [ -c /dev/full ] || { echo "no /dev/full here"; exit 77; }
  "$watch" --state s.json "$data/watch_ahead20.csv" > /dev/full 2> err
  rc=$?
  [ $rc = 1 ] || fail "first run on /dev/full: exit $rc, expected 1"
  [ "$(cat err)" = "hpa-watch: stdout: write failed: No space left on device; the state was put back: the next run reports the same" ] ||
    fail "first run said: $(cat err)"
  [ ! -e s.json ] || fail "a first run whose output failed left a state: $(cat s.json)"
  cp "$data/watch_state_yellow.json" s.json
  "$watch" --state s.json "$data/watch_override.csv" > /dev/full 2> /dev/null
  [ $? = 1 ] || fail "second run on /dev/full: not exit 1"
  cmp -s s.json "$data/watch_state_yellow.json" || fail "the state was not put back: $(cat s.json)"
  "$watch" -f jsonl --state s.json "$data/watch_override.csv" > out
  [ $? = 3 ] && [ "$(actions out)" = "S upgrade" ] || fail "the upgrade was lost: $(actions out)"
  "$watch" -f jsonl --state s.json "$data/watch_override.csv" > out
  [ $? = 0 ] && [ -z "$(actions out)" ] || fail "the upgrade was reported again: $(actions out)"
  ;;
reader_gone)  # the state is written first; a reader of stdout that then goes away: the state is put back
  cp "$data/watch_state_yellow.json" s.json
  mkfifo in.fifo
  # the reader closes its end first, then feeds the input: the tool writes to no reader, always
  "$watch" --state s.json < in.fifo 2> err | { exec 0<&-; cat "$data/watch_override.csv" > in.fifo; }
  rc=${PIPESTATUS[0]}
  [ $rc = 1 ] || fail "exit $rc, expected 1"
  said="hpa-watch: stdout: write failed: Broken pipe; the state was put back: the next run reports the same"
  [ "$(cat err)" = "$said" ] || fail "said: $(cat err)"
  cmp -s s.json "$data/watch_state_yellow.json" || fail "the state was not put back: $(cat s.json)"
  "$watch" -f jsonl --state s.json "$data/watch_override.csv" > out
  [ $? = 3 ] && [ "$(actions out)" = "S upgrade" ] || fail "the upgrade was lost: $(actions out)"
  ;;
replay_span)  # a replay from year 1 to 9999 over two episodes 9998 years apart: bounded, and it decides both
  make_days() { for d in 01 02 03 04 05; do for h in $(seq -w 0 23); do echo "A,$1-01-${d}T$h:00,320"; done; done; }
  { echo station,time,aqi; make_days 0001; make_days 9999; } > far.csv
  limit=400000
  [ "${HPA_SANITIZED:-0}" = 1 ] && limit=unlimited  # the sanitizer's shadow memory is not the tool's
  ( ulimit -v $limit && exec timeout 20 "$watch" --replay 0001-01-01..9999-12-31 far.csv ) > out.csv 2> err.txt
  rc=$?
  [ $rc = 0 ] || fail "exit $rc: $(cat err.txt)"
  got=$(cut -d, -f2,3 out.csv | tr '\n' ' ')
  want="decided_at,action 0001-01-01T19:00,issue 0001-01-02T19:00,upgrade 0001-01-03T19:00,upgrade"
  want="$want 9999-01-01T00:00,lift 9999-01-01T19:00,issue 9999-01-02T19:00,upgrade 9999-01-03T19:00,upgrade "
  [ "$got" = "$want" ] || fail "actions: $got"
  echo "two episodes 9998 years apart: issued, lifted when the data came back, issued again, each raised to red"
  ;;
crontab)  # the pages' crontab line, run by sh as cron runs it
  line=
  for page in "${pages[@]}"; do
    shown=$(grep -m1 '^    5 \* \* \* \* ' "$page" | sed 's/^    5 \* \* \* \* //')
    [ -n "$shown" ] || fail "no crontab line (indented, starting '5 * * * * ') in $page"
    [ -z "$line" ] || [ "$shown" = "$line" ] || fail "$page shows another crontab line than ${pages[0]}: $shown"
    line=$shown
  done
  for path in /usr/local/bin/hpa-watch /var/lib/hpa/ /var/log/hpa/ /data/latest.csv; do
    case $line in *"$path"*) ;; *) fail "the crontab line has no $path: $line" ;; esac
  done
  mkdir -p lib log tmp fake
  line=${line//\/usr\/local\/bin\/hpa-watch/$watch}
  line=${line//\/var\/lib\/hpa\//$PWD/lib/}
  line=${line//\/var\/log\/hpa\//$PWD/log/}
  line=${line//\/data\/latest.csv/$PWD/latest.csv}
  # mail(1) as the test's: each message to mail.N, its arguments on the first line
  printf '#!/bin/sh\nn=$(ls %s/mail.* 2>/dev/null | wc -l)\n{ echo "$*"; cat; } > %s/mail.$((n + 1))\n' "$PWD" "$PWD" > fake/mail
  chmod +x fake/mail
  cron() { env -i PATH="$PWD/fake:/usr/bin:/bin" TMPDIR="$PWD/tmp" HPA_NOW=$1 /bin/sh -c "$line"; }
  log=log/watch.jsonl
  cp "$data/watch_ahead20.csv" latest.csv
  cron 2023-12-01T09:00
  [ -f mail.1 ] || fail "run 1 (an issue): no mail"
  [ "$(head -1 mail.1)" = "-s hpa-watch: exit 3 duty@example.org" ] || fail "run 1: mail arguments $(head -1 mail.1)"
  [ "$(tail -n +2 mail.1 | actions)" = "S issue" ] || fail "run 1: the mail holds $(cat mail.1)"
  [ "$(wc -l < $log)" = 1 ] || fail "run 1: the log holds $(cat $log)"
  cron 2023-12-01T09:00
  [ ! -f mail.2 ] || fail "run 2 (nothing new): mailed $(cat mail.2)"
  [ "$(wc -l < $log)" = 2 ] && [ "$(sed -n 2p $log | actions)" = "" ] || fail "run 2: the log holds $(cat $log)"
  cron 2023-12-01T14:00
  [ -f mail.2 ] || fail "run 3 (stale feed): no mail"
  [ "$(head -1 mail.2)" = "-s hpa-watch: exit 5 duty@example.org" ] || fail "run 3: mail arguments $(head -1 mail.2)"
  [ "$(tail -n +2 mail.2 | actions)" = "S stale" ] || fail "run 3: the mail holds $(cat mail.2) (only this run's rows)"
  [ "$(wc -l < $log)" = 3 ] || fail "run 3: the log holds $(cat $log)"
  printf 'station,time,aqi\nS,2023-12-01T10:00,abc\n' > latest.csv
  cron 2023-12-01T11:00
  [ -f mail.3 ] && [ "$(head -1 mail.3)" = "-s hpa-watch: exit 1 duty@example.org" ] || fail "run 4 (bad input): no mail with exit 1"
  grep -q 'latest.csv:2' mail.3 || fail "run 4: the mail does not say what is wrong: $(cat mail.3)"
  [ "$(wc -l < $log)" = 3 ] || fail "run 4: the error went into the log: $(cat $log)"
  if command -v python3 > /dev/null; then
    python3 -c 'import json, sys; [json.loads(l) for l in open(sys.argv[1])]' $log || fail "the log is not JSON Lines: $(cat $log)"
  fi
  [ -z "$(ls -A tmp)" ] || fail "temporary files left: $(ls -A tmp)"
  ;;
*)
  fail "unknown case"
  ;;
esac
exit 0
