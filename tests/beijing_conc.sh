#!/bin/sh
# The city of Beijing (12 sites, Dingling the control site left out) straight from concentrations, both
# winters, under the Beijing plan in force: hpa-convert | hpa-area | hpa-episodes, with the
# daily AQI as the plan's profile makes it (mean_of_hourly_aqi); then, with the daily AQI of the
# 24 h means (aqi_of_mean_concentration), the direct reading must give what the pipe through
# hpa-aqi --daily gives.
# Usage: beijing_conc.sh APPS_DIR SHARED_DATA EXPECTED_FILE SITE_MAP [update]
# Exit 77 (skipped) when ../shared/data is absent.
set -e
apps=$1 shared=$2 expected=$3 map=$4 mode=$5
[ -d "$shared/beijing_multisite" ] || exit 77
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for winter in "2015-11-01 2016-03-31 2015-12-08 beijing-2015" "2016-11-01 2017-02-28 2016-12-16 beijing-2016"; do
  set -- $winter
  "$apps/hpa-convert" -q --from uci --since "$1" --until "$2" "$shared"/beijing_multisite/*.csv \
    | "$apps/hpa-area" -q --map "$map" >"$work/city.csv"
  echo "# winter $1 .. $2, plan in force on $3" >>"$work/got"
  "$apps/hpa-episodes" --as-of "$3" --profile beijing-2023 "$work/city.csv" >>"$work/got"
  echo "{\"extends\": \"$4\", \"name\": \"$4-conc\", \"daily_aqi\": \"aqi_of_mean_concentration\"}" >"$work/p.json"
  "$apps/hpa-aqi" -q --daily "$work/city.csv" | "$apps/hpa-episodes" --profile "$work/p.json" >"$work/pipe"
  "$apps/hpa-episodes" --profile "$work/p.json" "$work/city.csv" | sed 's/,[a-z_]*$//' >"$work/direct"
  if ! cmp -s "$work/pipe" "$work/direct"; then
    echo "winter $1: hpa-aqi --daily | hpa-episodes differs from hpa-episodes on the concentrations:"
    diff "$work/pipe" "$work/direct" || true
    exit 1
  fi
done
if [ "$mode" = update ]; then cp "$work/got" "$expected"; exit 0; fi
diff -u "$expected" "$work/got"
