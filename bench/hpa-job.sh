#!/usr/bin/env bash
# The peer benchmark's 'level' job done by hpa (../shared/bench/JOB.md): the first six columns of
# `hpa-episodes --summary` are the job's output. Usage: hpa-job.sh JOB FILE.csv
# (JOB = blocks, the default reading, or hourly_run).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tool=${HPA_EPISODES:-$here/../build/apps/hpa-episodes}
case $1 in
  blocks) profile=pingdingshan-2023 ;;
  hourly_run) profile=$here/hourly_run.json ;;
  *) echo "hpa-job.sh: unknown job '$1' (blocks | hourly_run)" >&2; exit 2 ;;
esac
"$tool" --summary --quiet --profile "$profile" "$2" | cut -d, -f1-6
