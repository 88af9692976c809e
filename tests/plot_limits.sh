#!/bin/bash
# hpa-plot at the edges of what a picture can hold, run as a user would:
#   plot_limits.sh CASE HPA_PLOT DATADIR
# CASE: span_memory (rows dated 0001 and 9999: each picture refused within 400 MB of address
# space and a few seconds, where walking the span took 3 GB), xml_names (a station named with
# U+FFFE, U+FFFF and < & >: each picture is well-formed XML and shows the name with U+FFFD).
# Exits 0 when all is as it should be; else prints why and exits 1.
set -u
case_=$1 plot=$2 data=$3
fail() { echo "FAIL ($case_): $*"; exit 1; }

case $case_ in
span_memory)
  for pic in timeline calendar overview; do
    limit=400000
    [ "${HPA_SANITIZED:-0}" = 1 ] && limit=unlimited  # the sanitizer's shadow memory is not the tool's
    err=$( (ulimit -v $limit && exec timeout 20 "$plot" "$pic" "$data/bad/span_0001_9999.csv") 2>&1 >/dev/null)
    rc=$?
    [ $rc = 1 ] || fail "$pic: exit $rc, expected 1: $err"
    case $err in *"one picture shows at most"*) ;; *) fail "$pic said: $err" ;; esac
  done
  ;;
xml_names)
  command -v python3 > /dev/null || { echo "no python3 here"; exit 77; }
  for pic in timeline calendar overview; do
    svg=$("$plot" "$pic" "$data/bad/xml_forbidden_name.csv") || fail "$pic: exit $?"
    printf '%s' "$svg" | python3 -c '
import sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
texts = "".join(root.itertext())
sys.exit(0 if "A\ufffd\ufffd<&>" in texts else 1)' || fail "$pic: not well-formed XML, or the name is not shown: $(printf '%s' "$svg" | head -c 300)"
  done
  ;;
*) fail "unknown case" ;;
esac
exit 0
