#!/usr/bin/env bash
# Draws the bundled winter (examples/winter-2023.csv) as the pictures the README shows: SVG by
# hpa-plot, then PNG by headless Chromium, written under docs/. Installs, where missing, what it
# needs besides the build: Debian's chromium and a CJK font (the pictures name the stations in
# Chinese). Run from anywhere; the PNGs change only when the pictures or the fonts do.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/deps.sh
hpa_install_deps chromium fonts-wqy-microhei
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" --target hpa-plot >/dev/null

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
