#!/usr/bin/env bash
# The second command of the README, and all that CI runs: install what is missing, build, and
# pass every test; then the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer,
# and a short run of every fuzzer. HPA_QUICK=1 stops after the first pass.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/deps.sh
# chromium and python3: the pictures are rendered and checked in a real browser (label browser);
# python3 also runs the commands of README.md and docs/*.md (label readme).
# poppler-utils (pdftotext) and a CJK font: the season report printed to PDF is read back (label browser).
# dpkg-dev (dpkg-shlibdeps) and lintian: the Debian package is made and checked (label package).
# clang-format: the C++ is checked against .clang-format before anything is built; universal-ctags
# finds where each function ends, for its length.
hpa_install_deps clang clang-format libclang-rt-14-dev chromium python3 poppler-utils fonts-wqy-microhei dpkg-dev lintian \
  universal-ctags
jobs=$(nproc)

echo "== format: every C++ file as .clang-format has it"
git ls-files -z '*.cpp' '*.hpp' | xargs -0 clang-format --dry-run --Werror
echo "== no function over 80 lines"
bash tests/function_length.sh

echo "== build and test (Release)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DHPA_BUILD_TESTS=ON -DHPA_WERROR=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build -j "$jobs" --output-on-failure
[ "${HPA_QUICK:-0}" = 1 ] && exit 0

echo "== the same tests under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DHPA_SANITIZE=ON -DHPA_INSTALL=OFF >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan -j "$jobs" --output-on-failure

echo "== fuzz smoke: every reader for ${HPA_FUZZ_SECONDS:-15} s"
tests/fuzz/run.sh "${HPA_FUZZ_SECONDS:-15}"
