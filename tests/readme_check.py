#!/usr/bin/env python3
"""Runs the commands shown in README.md and the pages of docs/ and compares what they print with what each page
shows; checks that every relative link of a page leads to a file.

The convention, which keeps the README readable as it is:
  - A code block indented 4 spaces whose first line starts with "$ " is checked; other blocks
    (set-up commands, a crontab line, code) are not.
  - "$ command" is a command; a line ending in a backslash continues it on the next line.
    The lines up to the next "$ " or the end of the block are its expected output, stdout and
    stderr together as a terminal shows them. An empty line of the block is an empty line.
  - A line that is only "…" stands for any number of lines (none too); "…" inside a line stands
    for any text on that line (a long path cut short).
  - The commands of one block run one after the other in one bash (no pipefail, as a user's
    shell), so "echo $?" shows the status of the command before it, from the repository root
    (--root; by default the folder of the first --readme, README.md's, so that a page of docs/
    shows commands run from the root as the README does) with the built tools first on PATH,
    stdin empty, LC_ALL=C.UTF-8.
  - A block in which a command mentions ../shared needs the shared data beside the clone: it runs
    with --only shared, and without ../shared that run reports it as not run (exit 77).

A block that leaves a file or folder in the repository root (a user's clone) fails. So does a
relative link or picture, [text](path) or ![text](path), whose path (from the page's folder) is
not there: text moved between pages keeps its links working.

Exit: 0 when every command checked shows what its page shows and every link leads to a file, 1 otherwise (a diff per
command), 77 when every block selected needs ../shared and it is absent, 2 on a usage error.
"""

import argparse
import collections
import difflib
import os
import re
import subprocess
import sys
import uuid

ELLIPSIS = "\u2026"
SHARED = "../shared"


class Command:
    def __init__(self, line, text):
        self.line = line        # 1-based line of the README where "$ " stands
        self.text = text        # the command as bash reads it (continuation lines kept)
        self.expected = []      # the lines the README shows after it


def blocks(readme):
    """The checked blocks of the README: lists of Command."""
    lines = readme.split("\n")
    found, i = [], 0
    while i < len(lines):
        starts_block = lines[i].startswith("    $ ") and (i == 0 or lines[i - 1].strip() == "")
        if not starts_block:
            i += 1
            continue
        body = []
        while i < len(lines) and (lines[i].startswith("    ") or lines[i].strip() == ""):
            body.append((i + 1, lines[i][4:] if lines[i].strip() else ""))
            i += 1
        while body and body[-1][1] == "":
            body.pop()
        found.append(parse_block(body))
    return found


def parse_block(body):
    commands, k = [], 0
    while k < len(body):
        number, text = body[k]
        if text.startswith("$ "):
            command = text[2:]
            while command.endswith("\\") and k + 1 < len(body):
                k += 1
                command += "\n" + body[k][1]
            commands.append(Command(number, command))
        else:
            commands[-1].expected.append(text)
        k += 1
    return commands


LINK = re.compile(r"\]\(([^)\s]+)\)")


def broken_links(text, folder):
    """(line, target) of each relative link of the page whose file is not there; code blocks are not read."""
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith("    "):
            continue
        for target in LINK.findall(line):
            path = target.split("#", 1)[0]
            if not path or re.match(r"^[a-z][a-z0-9+.-]*:", path):  # an anchor, https:, mailto:
                continue
            if not os.path.exists(os.path.join(folder, path)):
                found.append((number, target))
    return found


def needs_shared(block):
    return any(SHARED in c.text for c in block)


def run_block(block, root, tools, timeout):
    """The output of each command of the block, run in one bash."""
    mark = "@@readme-" + uuid.uuid4().hex + "@@"
    script = ["cd " + shell_quote(root)]
    for c in block:
        script.append(c.text)
        script.append("__readme_status=$?; printf '\\n%s\\n' " + mark + "; (exit $__readme_status)")
    env = dict(os.environ)
    env["PATH"] = tools + os.pathsep + env.get("PATH", "")
    env["LC_ALL"] = "C.UTF-8"
    env["TERM"] = "dumb"
    before = set(os.listdir(root))
    left = []
    try:
        done = subprocess.run(["bash", "--noprofile", "--norc", "-c", "\n".join(script)], stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, timeout=timeout)
    finally:  # a file a block writes in the clone (a user's "> pds.csv") would stay in the user's: removed, named
        for name in sorted(set(os.listdir(root)) - before):
            path = os.path.join(root, name)
            left.append(name)
            if os.path.isfile(path) or os.path.islink(path):
                os.remove(path)
    parts = done.stdout.decode("utf-8", errors="replace").split("\n" + mark + "\n")
    outputs = parts[:len(block)]
    while len(outputs) < len(block):  # the block stopped early (an exit): the rest printed nothing
        outputs.append("")
    return outputs, left


def shell_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def line_matches(expected, actual):
    if ELLIPSIS not in expected:
        return expected == actual
    pattern = ".*".join(re.escape(p) for p in expected.split(ELLIPSIS))
    return re.fullmatch(pattern, actual) is not None


def lines_match(expected, actual):
    """Whether the actual lines are what the expected lines show, "…" lines skipping any."""
    memo = {}

    def match(e, a):
        if (e, a) in memo:
            return memo[(e, a)]
        if e == len(expected):
            ok = a == len(actual)
        elif expected[e] == ELLIPSIS:
            ok = any(match(e + 1, k) for k in range(a, len(actual) + 1))
        else:
            ok = a < len(actual) and line_matches(expected[e], actual[a]) and match(e + 1, a + 1)
        memo[(e, a)] = ok
        return ok

    return match(0, 0)


def output_lines(output):
    lines = output.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [l.rstrip() for l in lines]


def main():
    ap = argparse.ArgumentParser(description="Check the commands of the README and its pages against their output.")
    ap.add_argument("--readme", required=True, action="append", help="a page to check (repeat for several)")
    ap.add_argument("--tools", required=True, help="the folder of the built hpa-* tools, put first on PATH")
    ap.add_argument("--root", help="where the commands run (default: the first --readme's folder)")
    ap.add_argument("--only", choices=["local", "shared", "all"], default="all",
                    help="local: the blocks that do not need ../shared; shared: those that do")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per block")
    args = ap.parse_args()

    root = os.path.abspath(args.root or os.path.dirname(os.path.abspath(args.readme[0])))
    tools = os.path.abspath(args.tools)
    shared_here = os.path.isdir(os.path.join(root, SHARED, "data"))
    totals = collections.Counter()
    for readme in args.readme:
        for key, count in check_page(readme, root, tools, shared_here, args).items():
            totals[key] += count
    if totals["differ"]:
        return 1
    if totals["not_run"] and totals["ran"] == 0:
        return 77
    return 0


def page_name(readme, root):
    """The page as the messages name it: its path from the root (docs/hpa-watch.md), else its file name."""
    path = os.path.relpath(os.path.abspath(readme), root)
    return os.path.basename(readme) if path.startswith("..") else path


def check_page(readme, root, tools, shared_here, args):
    name = page_name(readme, root)
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    all_blocks = blocks(text)

    ran, differ, not_run, broken = 0, 0, [], []
    if args.only != "shared":  # once, with the local blocks: links need no data
        broken = broken_links(text, os.path.dirname(os.path.abspath(readme)))
        for number, target in broken:
            print(f"{name}:{number}: the link {target} leads nowhere (a path from the page's folder)")
    for block in all_blocks:
        shared = needs_shared(block)
        if (args.only == "local" and shared) or (args.only == "shared" and not shared):
            continue
        if shared and not shared_here:
            not_run.extend(block)
            continue
        try:
            outputs, left = run_block(block, root, tools, args.timeout)
        except subprocess.TimeoutExpired:
            print(f"{name}:{block[0].line}: the block took over {args.timeout:g} s: stopped")
            differ += len(block)
            continue
        if left:
            print(f"{name}:{block[0].line}: the block leaves {', '.join(left)} in {root}: write elsewhere (/tmp)")
            differ += 1
        for c, out in zip(block, outputs):
            ran += 1
            actual = output_lines(out)
            expected = [l.rstrip() for l in c.expected]
            if lines_match(expected, actual):
                continue
            differ += 1
            print(f"{name}:{c.line}: the output differs from the page ({ELLIPSIS} stands for any lines)")
            print("    $ " + c.text.replace("\n", "\n    "))
            for d in difflib.unified_diff(expected, actual, name, "actual", lineterm="", n=2):
                print("    " + d)
            print()

    for c in not_run:
        print(f"{name}:{c.line}: not run: needs {SHARED}/data, absent here: $ {c.text.splitlines()[0]}")
    links = f", {len(broken)} links lead nowhere" if broken else ""
    print(f"{name}: {ran - differ} commands show what the page shows, {differ} differ, {len(not_run)} not run{links}")
    return {"ran": ran, "differ": differ + len(broken), "not_run": len(not_run)}

if __name__ == "__main__":
    sys.exit(main())
