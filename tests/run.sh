#!/usr/bin/env bash
# The second command of the README, and all that CI runs: install what is missing, build, and
# pass every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/deps.sh
hpa_install_deps
jobs=$(nproc)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DHPA_BUILD_TESTS=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build -j "$jobs" --output-on-failure
