#!/bin/sh
# The replay of 平顶山 in docs/hpa-episodes.md and docs/hpa-watch.md around the provincial orange of
# 2016-12-29 15:00 (豫气攻坚办〔2016〕153号):
# the daily city file through hpa-convert, then hpa-episodes and hpa-report with the directive and
# the warning issued, under the grading in force that day.
# Usage: directives_pingdingshan.sh APPS_DIR SHARED_DATA EXAMPLES_DIR EXPECTED_FILE [update]
# Exit 77 (skipped) when ../shared/data is absent.
set -e
apps=$1 shared=$2 examples=$3 expected=$4 mode=$5
data="$shared/aqistudy_daily_city_2013_2017/平顶山.csv"
[ -f "$data" ] || exit 77
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$apps/hpa-convert" -q --from daily-city --since 2016-12-22 --until 2017-01-07 "$data" > pds.csv
{
  "$apps/hpa-episodes" -q --as-of 2016-12-29 --directives "$examples/pingdingshan-2016-12-directives.csv" -f text pds.csv
  "$apps/hpa-report" -q --as-of 2016-12-29 --directives "$examples/pingdingshan-2016-12-directives.csv" \
    --issued "$examples/pingdingshan-2016-12-issued.csv" pds.csv || [ $? -eq 3 ]  # 3: the log differs
} > got
if [ "$mode" = update ]; then cp got "$expected"; exit 0; fi
diff -u "$expected" got
