#!/usr/bin/env python3
"""Renders one of hpa's SVG pictures in headless Chromium and checks what a reader would see.

    render_check.py --kind timeline|calendar|overview --svg FILE --out DIR [--chromium PATH]

1. The file is well-formed XML with its size, a <title> and a <desc>, and nothing that loads
   or runs (script, href, @import).
2. Chromium parses it without an error (no <parsererror> in the DOM it dumps).
3. Chromium's screenshot, decoded here (zlib from the standard library, no other dependency),
   has the picture's size and, at points taken from the SVG itself, the colours drawn there:
   inside every warning band (the level colour at the band's opacity over white) and on its
   solid cap, on every threshold line, inside every band and dot of the warnings issued and
   every online decision's mark, on the outline of every withheld or advisory episode, on the outline of every red-warning calendar day and
   inside its cell, on every heat-strip run of the overview.
Exit 0 when all hold, 1 with the failures listed otherwise. Chromium must be installed:
tests/run.sh installs Debian's package; a missing browser is a failure, not a skip.
"""
import argparse
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib

NS = "{http://www.w3.org/2000/svg}"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1"]


def decode_png(path):
    """(width, height, rows): rows[y][x] = (r, g, b), for 8-bit RGB or RGBA, not interlaced."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"{path}: PNG depth {depth}, colour type {colour}, interlace {interlace} not handled")
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):  # the five PNG filters
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        prev = line
    return width, height, rows


def rgb(text):
    return tuple(int(text[k:k + 2], 16) for k in (1, 3, 5))


def over_white(colour, opacity):
    return tuple(round(c * opacity + 255 * (1 - opacity)) for c in colour)


def near(a, b, tolerance):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def chromium_path(given):
    for name in ([given] if given else []) + ["chromium", "chromium-browser", "google-chrome"]:
        found = shutil.which(name) if name else None
        if found:
            return found
    sys.exit("render_check: Chromium not found. tests/run.sh installs Debian's 'chromium' package "
             "(apt-get install chromium); configure with -DHPA_BROWSER_TESTS=OFF to leave these tests out.")


def run_chromium(browser, args, profile_dir):
    cmd = [browser] + FLAGS + [f"--user-data-dir={profile_dir}"] + args
    return subprocess.run(cmd, capture_output=True, text=True, timeout=90)


class checker:
    def __init__(self, rows):
        self.rows, self.failures, self.checked = rows, [], 0

    def at(self, x, y):
        return self.rows[int(y)][int(x)]

    def expect(self, what, points, want, tolerance, enough=1):
        """At least `enough` of `points` must hold `want` (within `tolerance` per channel)."""
        self.checked += 1
        seen = [self.at(x, y) for x, y in points]
        hits = sum(near(s, want, tolerance) for s in seen)
        if hits < enough:
            self.failures.append(f"{what}: expected #{bytes(want).hex()} at {len(points) > 1 and 'points ' or ''}"
                                 f"{points}, saw {['#' + bytes(s).hex() for s in seen]}")


def num(e, name):
    return float(e.get(name))


def check_timeline(root, c):
    bands = [e for e in root.iter(NS + "rect") if e.get("class") == "band"]
    caps = [e for e in root.iter(NS + "rect") if e.get("class") == "band-cap"]
    if not bands and not any(e.get("class") == "withheld-band" for e in root.iter(NS + "rect")):
        c.failures.append("no episode band in the picture")
    for band, cap in zip(bands, caps):
        x, w, top = num(band, "x"), num(band, "width"), num(band, "y")
        colour, opacity = rgb(band.get("fill")), float(band.get("fill-opacity"))
        columns = list(range(math.ceil(x), math.floor(x + w)))  # pixels wholly inside the band
        if not columns:
            continue
        picks = sorted({columns[0], columns[len(columns) // 2], columns[-1]})
        # just under the cap, above the data lines and the grid's rows; a column may fall on a
        # day's grid line under the band, so one of the three is enough
        c.expect(f"inside the {band.get('fill')} band at x {x}..{x + w}",
                 [(k, top + 9) for k in picks], over_white(colour, opacity), 4)
        c.expect(f"on the cap of the band at x {x}", [(k, top + num(cap, "height") / 2) for k in picks], colour, 2,
                 enough=len(picks))
    check_overlays(root, c)
    lines = [e for e in root.iter(NS + "line") if e.get("class") == "threshold"]
    if not lines:
        c.failures.append("no threshold line in the picture")
    for line in lines:
        x1, x2, y = num(line, "x1"), num(line, "x2"), num(line, "y1")
        points = [(x1 + (x2 - x1) * k / 10, y) for k in range(1, 10)]
        # the daily line may cross it: most of nine points along it show the line's own grey
        c.expect(f"on the threshold line at y {y}", points, rgb(line.get("stroke")), 2, enough=6)


def whole_pixels(at, width):
    """The pixel indices wholly inside a stroke of `width` centred on `at`."""
    return list(range(math.ceil(at - width / 2), math.floor(at + width / 2)))


def check_overlays(root, c):
    """The warnings issued, the online decisions and the withheld or advisory outlines."""
    for band in (e for e in root.iter(NS + "rect") if e.get("class") == "issued-band"):
        x, w, y, h = num(band, "x"), num(band, "width"), num(band, "y"), num(band, "height")
        columns = list(range(math.ceil(x), math.floor(x + w)))
        if len(columns) < 12:  # a sliver: the dot at its start may cover it
            continue
        picks = [columns[len(columns) // 3], columns[len(columns) // 2], columns[-2]]
        c.expect(f"in the issued {band.get('fill')} band at x {x}..{x + w}", [(k, y + h / 2) for k in picks],
                 rgb(band.get("fill")), 2, enough=len(picks))
    for dot in (e for e in root.iter(NS + "circle") if e.get("class") == "issued-at"):
        c.expect(f"on the issued-at dot at x {dot.get('cx')}", [(num(dot, "cx"), num(dot, "cy"))], rgb(dot.get("fill")), 2)
    marks = [e for e in root.iter(NS + "path") if e.get("class") == "decision"]
    centres = []
    for m in marks:  # "Mx,top L…": the diamond's centre is r below its top vertex, r its half width
        top = [float(v) for v in m.get("d")[1:].split("L")[0].split(",")]
        right = [float(v) for v in m.get("d").split("L")[1].split(",")]
        centres.append((top[0], right[1], right[0] - top[0]))
    for i, (m, (x, y, r)) in enumerate(zip(marks, centres)):
        if any(abs(x2 - x) < 2 * r for x2, _, _ in centres[i + 1:]):  # a later mark covers it
            continue
        c.expect(f"in the {m.get('fill')} decision mark at x {x}", [(x, y)], rgb(m.get("fill")), 2)
    for band in (e for e in root.iter(NS + "rect") if e.get("class") == "withheld-band"):
        x, y, h, stroke = num(band, "x"), num(band, "y"), num(band, "height"), float(band.get("stroke-width"))
        # the dashed left edge: most of nine points down a pixel column the stroke covers wholly
        for k in whole_pixels(x, stroke)[:1]:
            c.expect(f"on the outline of the {band.get('fill')} episode at x {x}",
                     [(k, y + h * j / 10) for j in range(1, 10)], rgb(band.get("stroke")), 2, enough=3)


def check_calendar(root, c):
    red = 0
    for g in root.iter(NS + "g"):
        if g.get("class") != "day warning":
            continue
        rects = g.findall(NS + "rect")
        cell, outline = rects[0], rects[1]
        if outline.get("stroke") != "#E0001B":
            continue
        red += 1
        x, y, h = num(outline, "x"), num(outline, "y"), num(outline, "height")
        c.expect(f"on the red outline of {g.find(NS + 'title').text}", [(x, y + h / 2)], rgb("#E0001B"), 2)
        cx, cy, cw = num(cell, "x"), num(cell, "y"), num(cell, "width")
        c.expect(f"inside the cell of {g.find(NS + 'title').text}", [(cx + cw - 5, cy + 7)], rgb(cell.get("fill")), 2)
    if not red:
        c.failures.append("no red-warning day in the calendar")


def check_overview(root, c):
    runs = 0
    for g in root.iter(NS + "g"):
        if g.get("class") != "row":
            continue
        for r in g.findall(NS + "rect"):
            x, y, w, h = num(r, "x"), num(r, "y"), num(r, "width"), num(r, "height")
            if w < 3:
                continue
            runs += 1
            c.expect(f"in the heat-strip run at x {x}..{x + w}, y {y}", [(x + w / 2, y + h / 2)], rgb(r.get("fill")), 2)
    if not runs:
        c.failures.append("no heat-strip run in the overview")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kind", required=True, choices=["timeline", "calendar", "overview"])
    ap.add_argument("--svg", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--chromium")
    a = ap.parse_args()

    text = open(a.svg, encoding="utf-8").read()
    root = ET.fromstring(text.encode("utf-8"))
    failures = []
    if root.tag != NS + "svg":
        failures.append(f"the root is {root.tag}, not svg")
    for tag in ("title", "desc"):
        if root.find(NS + tag) is None or not (root.find(NS + tag).text or "").strip():
            failures.append(f"no <{tag}>")
    for bad in ("<script", "href=", "@import", "url(http", "url(file"):
        if bad in text:
            failures.append(f"the picture holds {bad!r}: it must be self-contained")
    width, height = int(float(root.get("width"))), int(float(root.get("height")))

    browser = chromium_path(a.chromium)
    os.makedirs(a.out, exist_ok=True)
    url = "file://" + os.path.abspath(a.svg)
    png = os.path.join(a.out, os.path.splitext(os.path.basename(a.svg))[0] + ".png")
    with tempfile.TemporaryDirectory(prefix="hpa-chromium-") as profile_dir:
        dom = run_chromium(browser, ["--dump-dom", url], profile_dir)
        if dom.returncode != 0 or "<svg" not in dom.stdout:
            failures.append(f"chromium --dump-dom failed (exit {dom.returncode}): {dom.stderr[-2000:]}")
        if "parsererror" in dom.stdout:
            failures.append("chromium reports a parse error: " + dom.stdout[:1000])
        if os.path.exists(png):
            os.remove(png)
        shot = run_chromium(browser, [f"--screenshot={png}", f"--window-size={width},{height}", url], profile_dir)
        if shot.returncode != 0 or not os.path.exists(png):
            sys.exit(f"render_check: chromium made no screenshot (exit {shot.returncode}): {shot.stderr[-2000:]}")

    w, h, rows = decode_png(png)
    if (w, h) != (width, height):
        failures.append(f"the screenshot is {w}x{h}, the picture {width}x{height}")
        print("\n".join(failures))
        return 1
    c = checker(rows)
    c.expect("the background", [(1, 1), (width - 2, height - 2)], (255, 255, 255), 0, enough=2)
    {"timeline": check_timeline, "calendar": check_calendar, "overview": check_overview}[a.kind](root, c)
    failures += c.failures
    print(f"{a.svg}: rendered {width}x{height} by {browser}, {c.checked} pixel checks, screenshot {png}")
    if failures:
        print("\n".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
