#!/usr/bin/env bash
# Draws the bundled winter (examples/winter-2023.csv) as the pictures the README shows: SVG by
# hpa-plot, then PNG by headless Chromium, written under docs/. Where ../shared/data holds the UCI
# Beijing multi-site files, it also draws the city of Beijing in winter 2016-17 with the alerts
# Beijing issued (examples/beijing_alerts_2016-17.csv). Installs, where missing, what it needs
# besides the build: Debian's chromium and a CJK font (the pictures name the stations in
# Chinese). Run from anywhere; the PNGs change only when the pictures or the fonts do.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/deps.sh
hpa_install_deps chromium fonts-wqy-microhei
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" --target hpa-plot hpa-report hpa-convert hpa-area hpa-aqi >/dev/null

plot=build/apps/hpa-plot
winter=examples/winter-2023.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# render SVG PNG: the picture at its own size, one device pixel per px
render() {
  local size width height
  size=$(sed -n 's/^<svg [^>]* width="\([0-9.]*\)" height="\([0-9.]*\)".*/\1 \2/p' "$1" | head -1)
  read -r width height <<<"$size"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --force-device-scale-factor=1 --user-data-dir="$work/profile" \
    --screenshot="$2" --window-size="${width%.*},${height%.*}" "file://$(realpath "$1")" 2>/dev/null
  echo "$2 (${width%.*}x${height%.*})"
}

"$plot" timeline --lang en --station 市监测站 --station 卫东区 -o "$work/timeline.svg" "$winter"
"$plot" calendar --station 市监测站 -o "$work/calendar.svg" "$winter"
"$plot" overview --lang en --sort days -o "$work/overview.svg" "$winter"
for p in timeline calendar overview; do render "$work/$p.svg" "docs/winter-$p.png"; done

# The season report (hpa-report --season --html) as a browser shows it: its first screen
build/apps/hpa-report --season --html --lang zh -o "$work/report.html" "$winter"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --force-device-scale-factor=1 --user-data-dir="$work/profile" \
  --screenshot=docs/winter-report.png --window-size=1280,1400 "file://$(realpath "$work/report.html")" 2>/dev/null
echo "docs/winter-report.png (1280x1400)"

# Beijing, winter 2016-17: the city's series (HJ 663: the mean of its eleven evaluation sites), the
# grading in force that December, and the red and orange alerts the city issued
uci=../shared/data/beijing_multisite
if compgen -G "$uci/PRSA_Data_*.csv" >/dev/null; then
  build/apps/hpa-convert -q --from uci --since 2016-11-01 --until 2017-02-28 "$uci"/PRSA_Data_*.csv \
    | build/apps/hpa-area --map examples/beijing_sites.csv | build/apps/hpa-aqi --daily \
    | "$plot" timeline --lang en --issued examples/beijing_alerts_2016-17.csv --profile beijing-2023 \
        --as-of 2016-12-16 -o "$work/beijing.svg"
  render "$work/beijing.svg" docs/beijing-2016-17-timeline.png
else
  echo "no $uci: docs/beijing-2016-17-timeline.png left as it is" >&2
fi
