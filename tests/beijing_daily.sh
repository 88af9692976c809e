#!/bin/sh
# The city of Beijing (12 sites, Dingling the control site left out), December 2016: the daily
# PM2.5 of hpa-area --daily-means beside the published daily PM2.5 of the daily city file, and
# beside the days an analyst makes from the city's hourly series (hpa-area, then the mean of each
# day's hours, as a groupby does): the daily means must be as close to the published values as
# those days are. Prints each day and the median and largest differences.
# Usage: beijing_daily.sh APPS_DIR SHARED_DATA EXPECTED_FILE SITE_MAP [update]
# Exit 77 (skipped) when ../shared/data is absent.
set -e
apps=$1 shared=$2 expected=$3 map=$4 mode=$5
[ -d "$shared/beijing_multisite" ] && [ -f "$shared/aqistudy_daily_city_2013_2017/北京.csv" ] || exit 77
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$apps/hpa-convert" -q --from uci --since 2016-12-01 --until 2016-12-31 "$shared"/beijing_multisite/*.csv >"$work/sites.csv"
"$apps/hpa-area" -q --map "$map" --daily-means "$work/sites.csv" | cut -d, -f2,3 | tail -n +2 >"$work/daily"
"$apps/hpa-area" -q --map "$map" "$work/sites.csv" >"$work/hourly.csv"
# the groupby: column pm25 of the hourly series, per date, valid with 20 hours (HJ 663)
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "pm25") c = i; next }
  $c != "" { d = substr($2, 1, 10); s[d] += $c; n[d]++ }
  END { for (d in s) if (n[d] >= 20) printf "%s,%.2f\n", d, s[d] / n[d] }' "$work/hourly.csv" | sort >"$work/groupby"
"$apps/hpa-convert" -q --from daily-city --since 2016-12-01 --until 2016-12-31 \
  "$shared/aqistudy_daily_city_2013_2017/北京.csv" | cut -d, -f2,4 | tail -n +2 >"$work/published"
join -t, "$work/daily" "$work/groupby" | join -t, - "$work/published" | awk -F, '
  function abs(x) { return x < 0 ? -x : x }
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  BEGIN { print "date,daily_means,groupby,published" }
  { print; n++; dm[n] = abs($2 - $4); gb[n] = abs($3 - $4); if (dm[n] > dmax) dmax = dm[n]; if (gb[n] > gmax) gmax = gb[n]
    if (abs($2 - $3) > 0.005) apart++ }
  END {
    printf "%d days; |daily_means - published|: median %.2f, largest %.2f; |groupby - published|: median %.2f, largest %.2f\n",
      n, median(dm, n), dmax, median(gb, n), gmax
    printf "days where daily_means and groupby differ: %d\n", apart
  }' >"$work/got"
if [ "$mode" = update ]; then cp "$work/got" "$expected"; exit 0; fi
diff -u "$expected" "$work/got"
