#!/usr/bin/env python3
"""Checks that a replay with the forecasts as issued keeps its promises (RULES.md §9,
"Announcements are promises"), on the action rows hpa-watch --replay writes as CSV:

- an announcement is never made again as the one standing (same level, same hour);
- an update names the one standing (`replaces` is its hour) and differs from it in level or by
  more than the tolerance in hour;
- a reschedule moves the hour the warning comes into force by more than the tolerance;
- a downgrade or lift of a warning in force takes effect in the hour it is decided (the rules'
  hour), never at an hour promised earlier.

usage: watch_promises.py --tolerance H [--at-least KIND=N ...] REPLAY.csv
Prints the counts checked; exits 1 naming the first row that breaks a promise, or when a kind
has fewer rows than asked (a check that saw nothing proves nothing).
"""
import argparse
import calendar
import csv
import sys
from datetime import datetime


def hour(text):
    return calendar.timegm(datetime.strptime(text, "%Y-%m-%dT%H:%M").timetuple()) // 3600 if text else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tolerance", type=int, required=True)
    ap.add_argument("--at-least", action="append", default=[], metavar="KIND=N")
    ap.add_argument("replay")
    a = ap.parse_args()
    counts = {"announcements": 0, "updates": 0, "reschedules": 0, "changes": 0}
    standing = {}  # station: (to, hour) of the last announcement made

    def fail(line, why):
        print(f"FAIL: {a.replay}:{line}: {why}")
        sys.exit(1)

    with open(a.replay, newline="", encoding="utf-8") as f:
        for line, r in enumerate(csv.DictReader(f), start=2):
            kind, station = r["action"], r["station"]
            decided, effective, replaces = hour(r["decided_at"]), hour(r["effective"]), hour(r["replaces"])
            if kind in ("announce-downgrade", "announce-lift"):
                counts["announcements"] += 1
                was = standing.get(station)
                if was == (r["to"], effective):
                    fail(line, f"announces again the {r['to']} of {r['effective']} standing")
                if replaces is not None:
                    counts["updates"] += 1
                    if not was or was[1] != replaces:
                        fail(line, f"replaces {r['replaces']}, which is not the announcement standing")
                    if was[0] == r["to"] and abs(effective - replaces) <= a.tolerance:
                        fail(line, f"an update within {a.tolerance} h of the one it replaces, at the same level")
                standing[station] = (r["to"], effective)
            elif kind == "reschedule":
                counts["reschedules"] += 1
                if replaces is None or abs(effective - replaces) <= a.tolerance:
                    fail(line, f"a reschedule that moves the start by {a.tolerance} h or less")
            elif kind in ("downgrade", "lift"):
                counts["changes"] += 1
                in_force = hour(r["warning_start"]) <= decided
                if in_force and effective != decided:
                    fail(line, f"a {kind} of a warning in force taking effect at {r['effective']}, not when decided")
            if kind in ("issue", "lift"):
                standing.pop(station, None)
    print(", ".join(f"{v} {k}" for k, v in counts.items()) + f" checked in {a.replay}")
    for want in a.at_least:
        k, n = want.split("=")
        if counts[k] < int(n):
            print(f"FAIL: only {counts[k]} {k} (at least {n} asked): the check proves nothing")
            sys.exit(1)


if __name__ == "__main__":
    main()
