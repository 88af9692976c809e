#!/bin/sh
# Concentrations straight to a city's warnings: hpa-convert | hpa-area | hpa-episodes on a small
# made-up city (tests/data/pipe_uci.csv: sites A and B, C its control site), under both daily AQI
# methods; and the direct reading gives what the pipe through hpa-aqi --daily gives.
# Usage: conc_pipe.sh APPS_DIR DATA_DIR EXPECTED_FILE [update]
set -e
apps=$1 data=$2 expected=$3 mode=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$apps/hpa-convert" -q --from uci "$data/pipe_uci.csv" | "$apps/hpa-area" -q --map "$data/pipe_sites.csv" >"$work/city.csv"
{
  echo "# hpa-convert --from uci | hpa-area | hpa-episodes -f text (the default: mean_of_hourly_aqi)"
  "$apps/hpa-convert" -q --from uci "$data/pipe_uci.csv" | "$apps/hpa-area" -q --map "$data/pipe_sites.csv" \
    | "$apps/hpa-episodes" -f text
  echo "# the same, --profile profile_conc.json (aqi_of_mean_concentration)"
  "$apps/hpa-episodes" --profile "$data/profile_conc.json" "$work/city.csv"
} >"$work/got"
# the pipe through hpa-aqi --daily (which writes the daily AQI) is the direct reading, but for
# the column that names the method
"$apps/hpa-aqi" -q --daily "$work/city.csv" | "$apps/hpa-episodes" --profile "$data/profile_conc.json" >"$work/pipe"
"$apps/hpa-episodes" --profile "$data/profile_conc.json" "$work/city.csv" | sed 's/,[a-z_]*$//' >"$work/direct"
if ! cmp -s "$work/pipe" "$work/direct"; then
  echo "hpa-aqi --daily | hpa-episodes differs from hpa-episodes on the concentrations:"
  diff "$work/pipe" "$work/direct" || true
  exit 1
fi
if [ "$mode" = update ]; then cp "$work/got" "$expected"; exit 0; fi
diff -u "$expected" "$work/got"
