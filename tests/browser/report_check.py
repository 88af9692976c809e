#!/usr/bin/env python3
"""Renders hpa-report --season --html in headless Chromium, prints it to PDF, and checks that every
number in it is the number the tool that computes it gives.

    report_check.py --tools DIR --out DIR [--workdir DIR] [--daily-city FILE] [--chromium PATH]
                    -- REPORT_ARGS... INPUT

REPORT_ARGS are hpa-report's (--lang, --issued, --station, --since, --until, --profile); the same
filters go to hpa-stats and hpa-episodes. With --daily-city FILE the input is that headerless daily
city history, converted first by hpa-convert (INPUT is then the converted file's name in --out);
without that file (a clone without ../shared) it exits 77, which ctest reports as not run.

1. The page has no script and nothing it loads (no src, no href, no @import), and Chromium parses
   it: the DOM it dumps holds the tables and two inline SVG pictures.
2. The statistics table, cell by cell, equals hpa-stats -f json --by all; the episodes table equals
   hpa-episodes -f json (level, tier, start, lift, hours, peak daily AQI) and, with --issued, what
   hpa-report writes of each episode (the level and hour issued, the lead achieved); the title's
   period is hpa-stats' first and last day; the findings' count of episodes and assessment dates
   are hpa-episodes' and hpa-report's. A number in a table that no check covers is a failure.
3. Chromium prints the page to a PDF of at least one page; where pdftotext is installed, every
   number checked above is in the PDF's text.
Exit 0 when all hold, 1 with the failures listed. A missing browser is a failure, not a skip.
"""
import argparse
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]
FILTERS = {"--station", "--since", "--until", "--profile", "--as-of"}


class Tables(html.parser.HTMLParser):
    """The page's tables (header and rows of cell texts), its list items, title, h1 and svg count."""

    def __init__(self):
        super().__init__()
        self.tables, self.items, self.svgs, self.h1, self.bad = [], [], 0, "", []
        self.cell = self.item = None
        self.in_h1 = False

    def handle_starttag(self, tag, attrs):
        names = {k for k, _ in attrs}
        if tag == "script" or "src" in names or "href" in names:
            self.bad.append(f"<{tag}> with {sorted(names)}")
        if tag == "table":
            self.tables.append({"header": [], "rows": []})
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = ""
        elif tag == "li":
            self.item = ""
        elif tag == "svg":
            self.svgs += 1
        elif tag == "h1":
            self.in_h1 = True

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.row.append(self.cell)
            self.cell = None
        elif tag == "tr":
            t = self.tables[-1]
            if t["header"]:
                t["rows"].append(self.row)
            else:
                t["header"] = self.row
        elif tag == "li":
            self.items.append(self.item)
            self.item = None
        elif tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        if self.item is not None:
            self.item += data
        if self.in_h1:
            self.h1 += data


def number(v):
    """A JSON number as hpa writes it in text: at most two decimals, no trailing zeros."""
    if v is None:
        return "-"
    s = f"{round(float(v), 2):.2f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def readable(t):
    """2023-11-29T16:00 as 2023-11-29 16:00."""
    return t.replace("T", " ") if t else t


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tools", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--workdir", default=".")
    ap.add_argument("--daily-city")
    ap.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    ap.add_argument("rest", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    args = [x for x in a.rest if x != "--"]
    *opts, source = args
    tool = lambda name: os.path.join(os.path.realpath(a.tools), name)
    os.makedirs(a.out, exist_ok=True)
    failures = []
    if not a.chromium:
        print("report_check: chromium is not installed (tests/run.sh installs it)")
        return 1
    if a.daily_city and not os.path.exists(a.daily_city):
        print(f"report_check: no {a.daily_city} (../shared/data): not run")
        return 77
    if a.daily_city:
        source = os.path.join(a.out, source)
        r = run([tool("hpa-convert"), "-q", "--from", "daily-city", "-o", source, a.daily_city])
        if r.returncode:
            print(f"hpa-convert failed: {r.stderr}")
            return 1
    filters, lang, issued, conc = [], "zh", None, []
    i = 0
    while i < len(opts):
        if opts[i] in FILTERS:
            filters += opts[i:i + 2]
        if opts[i] == "--lang":
            lang = opts[i + 1]
        if opts[i] == "--issued":
            issued = opts[i + 1]
        if opts[i] == "--concentrations":
            conc = opts[i:i + 2]
        i += 2 if opts[i] in FILTERS | {"--lang", "--issued", "--concentrations"} else 1

    page = os.path.join(a.out, "report.html")
    r = run([tool("hpa-report"), "-q", "--season", "--html", *opts, "-o", page, source], cwd=a.workdir)
    if r.returncode not in (0, 3):
        print(f"hpa-report failed ({r.returncode}): {r.stderr}")
        return 1
    stats = json.loads(run([tool("hpa-stats"), "-q", "-f", "json", "--by", "all", *filters, *conc, source],
                           cwd=a.workdir).stdout)
    episodes = json.loads(run([tool("hpa-episodes"), "-q", "-f", "json", *filters, source], cwd=a.workdir).stdout)
    episodes = [e for e in episodes if e["status"] == "warning"]
    assessment = run([tool("hpa-report"), "-q", *filters, *(["--issued", issued] if issued else []), source],
                     cwd=a.workdir).stdout

    text = open(page, encoding="utf-8").read()
    for bad in ("<script", "@import", "src=", "href="):
        if bad in text:
            failures.append(f"the page holds {bad!r}")

    with tempfile.TemporaryDirectory() as profile:
        flags = FLAGS + [f"--user-data-dir={profile}"]
        dom = run([a.chromium, *flags, "--dump-dom", "file://" + os.path.realpath(page)]).stdout
        pdf = os.path.join(a.out, "report.pdf")
        if os.path.exists(pdf):
            os.remove(pdf)
        run([a.chromium, *flags, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + os.path.realpath(page)])
    t = Tables()
    t.feed(dom)
    failures += [f"the DOM holds {b}" for b in t.bad]
    if t.svgs != 2:
        failures.append(f"{t.svgs} inline pictures in the DOM, expected 2 (calendar, timeline)")
    checked = []  # every number compared, for the PDF

    def same(where, got, want):
        checked.append(want)
        if got != want:
            failures.append(f"{where}: the page says {got!r}, the tool {want!r}")

    # the title's period: hpa-stats' first and last day
    if stats:
        period = f"{min(s['from'] for s in stats)} .. {max(s['to'] for s in stats)}"
        if not t.h1.endswith(period):
            failures.append(f"title {t.h1!r}: expected the period {period}")
        checked += period.split(" .. ")

    covered = 0  # cells compared
    numeric = 0  # cells holding a digit
    if not t.tables:
        failures.append("no table in the DOM")
        return report(failures)
    st = t.tables[0]
    levels = [k[len("warn_"):-len("_days")] for k in (stats[0] if stats else {})
              if k.startswith("warn_") and k.endswith("_days") and k != "warn_days"]
    keys = ["days_valid", "excellent_days", "good_days", "light_days", "moderate_days", "heavy_days", "severe_days",
            "heavy_pollution_days", "excellent_good_share", "peak_daily_aqi", "peak_date", "episodes", "warn_days"]
    keys += [f"warn_{l}_days" for l in levels]
    if len(st["rows"]) != len(stats):
        failures.append(f"statistics: {len(st['rows'])} rows, hpa-stats {len(stats)}")
    for row, s in zip(st["rows"], stats):
        same("statistics: station", row[0], s["station"])
        for k, cell in zip(keys, row[1:]):
            v = s[k]
            same(f"statistics {s['station']} {k}", cell, v if isinstance(v, str) else
                 str(v) if isinstance(v, int) else number(v))
            covered += 1
        if len(row) != len(keys) + 1:
            failures.append(f"statistics {s['station']}: {len(row)} cells, expected {len(keys) + 1}")
        numeric += sum(bool(re.search(r"\d", c)) for c in row[1:])
    tables = t.tables[1:]
    if tables and tables[0]["header"][1] == "PM2.5":
        hj = tables.pop(0)
        names = ["pm25", "pm10", "so2", "no2", "co", "o3_8h"]
        means = ["pm25_mean", "pm10_mean", "so2_mean", "no2_mean", "co_p95", "o3_8h_p90"]
        for row, s in zip(hj["rows"], stats):
            for n, m, cell in zip(names, means, row[1:]):
                same(f"HJ 663 {s['station']} {m}", cell, f"{number(s[m])} ({s[n + '_days']})")
                covered += 1
            numeric += sum(bool(re.search(r"\d", c)) for c in row[1:])
    # the episodes: hpa-episodes' records, in station order then time, as the page lists them
    if episodes:
        et = tables[0]
        if len(et["rows"]) != len(episodes):
            failures.append(f"episodes: {len(et['rows'])} rows, hpa-episodes {len(episodes)}")
        # what hpa-report writes of each episode: issued level and hour, lead achieved
        blocks = {}
        for block in assessment.split("\n## ")[1:]:
            fields = dict(re.findall(r"^\| ([^|]+) \| (.+) \|$", block, re.M))
            head = block.split("\n", 1)[0]
            m = re.search(r", (\d{4}-\d\d-\d\d \d\d:\d\d) \.\. ", head)
            station = head.split(": ", 1)[0] if ": " in head else ""
            blocks[(station, m.group(1) if m else "")] = fields
        for row, e in zip(et["rows"], episodes):
            where = f"episode {e['station']} {e['start']}"
            same(f"{where}: station", row[0], e["station"])
            same(f"{where}: start", row[3], readable(e["start"]))
            if e.get("lift"):
                same(f"{where}: lift", row[4], readable(e["lift"]))
            same(f"{where}: hours", row[5], str(e["hours"]))
            same(f"{where}: peak daily AQI", row[6], number(e["max_daily_aqi"]))
            same(f"{where}: tier", row[2], e["tier"])
            same(f"{where}: level", row[1], e["level_zh"] if lang == "zh" else e["level"])
            covered += 5 if e.get("lift") else 4
            numeric += sum(bool(re.search(r"\d", c)) for c in (row[3], row[4], row[5], row[6]))
            f = blocks.get((e["station"], readable(e["start"])), {})
            if issued and f:
                lead = re.match(r"(\d+) h of (\d+) h", f.get("lead time achieved", ""))
                got = re.match(r"(\S+) (\d{4}-\d\d-\d\d \d\d:\d\d)", row[7])
                if lead:
                    same(f"{where}: lead achieved", row[9], f"{lead.group(1)} h / {lead.group(2)} h")
                    covered += 1
                    numeric += 1
                if got and "issued" in f:
                    when = re.search(r"at (\d{4}-\d\d-\d\d \d\d:\d\d)", f["issued"])
                    same(f"{where}: issued at", got.group(2), when.group(1) if when else None)
                    covered += 1
                    numeric += 1
            if issued and not f:
                failures.append(f"{where}: hpa-report writes no table for it")
    # the findings: the count of episodes, each assessment date
    count = re.search(r"(\d+)", t.items[0]) if t.items else None
    same("findings: episodes", count.group(1) if count else None, str(len(episodes)))
    for e in episodes:
        f = blocks.get((e["station"], readable(e["start"])), {}) if episodes else {}
        due = re.match(r"(\d{4}-\d\d-\d\d) \(lift", f.get("assessment due", ""))
        if due and not any(due.group(1) in item for item in t.items):
            failures.append(f"findings: no assessment due {due.group(1)} for the episode from {e['start']}")
        checked.append(due.group(1) if due else "")
    if numeric > covered:
        failures.append(f"{numeric - covered} table cells with a number that no check covers")

    # the PDF
    try:
        data = open(pdf, "rb").read()
    except OSError:
        data = b""
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    if not data.startswith(b"%PDF") or pages < 1:
        failures.append(f"Chromium printed no PDF ({len(data)} bytes, {pages} pages)")
    elif shutil.which("pdftotext"):
        flat = re.sub(r"\s+", "", run(["pdftotext", pdf, "-"]).stdout)  # a cell's text, wherever a line breaks
        for n in sorted({c for c in checked if c and re.search(r"\d", c)}):
            if re.sub(r"\s+", "", n) not in flat:
                failures.append(f"the PDF's text lacks {n!r}")
    print(f"report_check: {covered} table cells, {len(checked)} numbers checked, PDF {pages} pages "
          f"({'text checked' if shutil.which('pdftotext') else 'no pdftotext: text not checked'})")
    return report(failures)


def report(failures):
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
