#!/bin/sh
# The city of Beijing (12 sites, Dingling the control site left out) through the whole pipe, both winters,
# under the Beijing plan in force: hpa-convert | hpa-area | hpa-aqi --daily | hpa-episodes.
# Usage: beijing_city.sh APPS_DIR SHARED_DATA EXPECTED_FILE SITE_MAP [update]
# Exit 77 (skipped) when ../shared/data is absent.
set -e
apps=$1 shared=$2 expected=$3 map=$4 mode=$5
[ -d "$shared/beijing_multisite" ] || exit 77
got=$(mktemp)
trap 'rm -f "$got"' EXIT
for winter in "2015-11-01 2016-03-31 2015-12-08" "2016-11-01 2017-02-28 2016-12-16"; do
  set -- $winter
  echo "# winter $1 .. $2, plan in force on $3"
  "$apps/hpa-convert" -q --from uci --since "$1" --until "$2" "$shared"/beijing_multisite/*.csv \
    | "$apps/hpa-area" --map "$map" | "$apps/hpa-aqi" --daily | "$apps/hpa-episodes" --as-of "$3" --profile beijing-2023
done >"$got"
if [ "$mode" = update ]; then cp "$got" "$expected"; exit 0; fi
diff -u "$expected" "$got"
