#!/usr/bin/env bash
# The first command of the README: install what is missing, build the tools, and run the main
# job (hpa-episodes) on the bundled winter series.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/deps.sh
hpa_install_deps
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" --target hpa_tools >/dev/null
build/apps/hpa-episodes --format text examples/winter-2023.csv
