#!/usr/bin/env bash
# A job of the peer benchmark (../shared/bench/JOB.md) done by hpa, printed as the job's CSV: the
# first six columns of `hpa-episodes --summary`. Usage: hpa-job.sh JOB FILE.csv
#   blocks      hpa-episodes --summary FILE                     (the default profile)
#   hourly_run  hpa-episodes --summary --profile hourly_run.json FILE  (duration_mode hourly_run)
#   conc        hpa-episodes --summary --profile conc.json FILE (daily_aqi aqi_of_mean_concentration,
#               no advisory pollutants: the job counts the ozone-led hours); the concentrations
#               are read directly, HJ 633-2012 by their date
# Tools from $HPA_BIN (default: build/apps beside this folder). Put it in the bench's slot with
#   HPA_CMD="$PWD/bench/hpa-job.sh {job}"
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${HPA_BIN:-$here/../build/apps}
case ${1:-} in
  blocks) profile=pingdingshan-2023 ;;
  hourly_run) profile=$here/hourly_run.json ;;
  conc) profile=$here/conc.json ;;
  *) echo "hpa-job.sh: unknown job '${1:-}' (blocks | hourly_run | conc)" >&2; exit 2 ;;
esac
[ $# -eq 2 ] || { echo "usage: hpa-job.sh JOB FILE.csv" >&2; exit 2; }
"$bin/hpa-episodes" --summary --quiet --profile "$profile" "$2" | cut -d, -f1-6
