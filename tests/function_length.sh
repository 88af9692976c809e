#!/usr/bin/env bash
# No function of the sources (tests aside) is over 80 lines: each one's lines from its first to
# its last, as universal-ctags finds them. Prints the ones over, and fails; quiet otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-80}
git ls-files '*.cpp' '*.hpp' | grep -v '^tests/' | xargs ctags --output-format=json --fields=+ne --kinds-c++=f -o - |
  python3 -c '
import json, sys
limit = int(sys.argv[1])
over = []
for line in sys.stdin:
    t = json.loads(line)
    if "end" in t and t["end"] - t["line"] + 1 > limit:
        over.append((t["end"] - t["line"] + 1, t["path"], t["line"], t["name"]))
for n, path, first, name in sorted(over, reverse=True):
    print(f"{path}:{first}: {name} is {n} lines (at most {limit})")
sys.exit(1 if over else 0)
' "$limit"
