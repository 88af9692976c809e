#!/usr/bin/env python3
"""Writes a forecasts file for hpa-watch --forecasts from an observed series: the forecast a city
would have received, made from what happened with a seeded error that grows with lead time
(python3 standard library only, deterministic). Each day at 16:00 an issue gives that day and
the next `--days` calendar days as a range, as a city's daily forecast does ("12月1日 AQI 180–230"): the
day's AQI (the mean of its hourly AQI, or the daily AQI at 23:00 for a file of daily_aqi)
times exp(e), e normal with a standard deviation of `--error` per day of lead (half a day for
the day of issue); the range is that value ±12 %, rounded. Each issue revises the one before it
rather than drawing afresh: a day's error k days ahead is the sum of independent parts, one
dropped by each later issue (the martingale model of forecast evolution, Heath & Jackson 1994),
so forecasts of a day agree more as it nears, as a weather model's do; --independent draws each
issue's errors afresh (the same size at each lead), a forecast that wobbles more.

usage: make_forecasts.py [--days 7] [--error 0.12] [--seed 2016] [--independent] SERIES.csv > forecasts.csv
       (SERIES: station,time,aqi or station,time,daily_aqi, as hpa-aqi --daily writes it)
"""
import argparse
import csv
import math
import random
import sys
from collections import defaultdict
from datetime import datetime, timedelta


def day_values(path):
    """{station: {date: the day's AQI}} from an hourly series."""
    sums = defaultdict(lambda: defaultdict(lambda: [0.0, 0]))
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.DictReader(f)
        rolling = "daily_aqi" in rows.fieldnames
        for r in rows:
            v = r["daily_aqi" if rolling else "aqi"]
            if not v:
                continue
            t = datetime.strptime(r["time"], "%Y-%m-%dT%H:%M")
            if rolling and t.hour != 23:
                continue
            s = sums[r["station"]][t.date()]
            s[0] += float(v)
            s[1] += 1
    return {st: {d: s / n for d, (s, n) in days.items() if n} for st, days in sums.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("series")
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--error", type=float, default=0.12)
    ap.add_argument("--seed", type=int, default=2016)
    ap.add_argument("--independent", action="store_true", help="draw each issue's errors afresh")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["issued_at", "station", "date", "aqi_low", "aqi_high"])
    for station, days in sorted(day_values(a.series).items()):
        first, last = min(days), max(days)
        # The error of each day's forecast, lead by lead: eta[d][k] is the part of it that the
        # issue k days ahead still carries and the next issue no longer does.
        sd = [a.error * (k + 0.5) for k in range(a.days + 1)]
        step = [math.sqrt(sd[k] ** 2 - (sd[k - 1] ** 2 if k else 0)) for k in range(a.days + 1)]
        eta = {d: [rng.gauss(0, step[k]) for k in range(a.days + 1)] for d in sorted(days)}
        issue = first
        while issue <= last:
            issued_at = datetime.combine(issue, datetime.min.time()) + timedelta(hours=16)
            for lead in range(0, a.days + 1):  # the rest of the day of issue, then the days ahead
                d = issue + timedelta(days=lead)
                if d not in days:
                    continue
                e = rng.gauss(0, sd[lead]) if a.independent else sum(eta[d][: lead + 1])
                v = days[d] * math.exp(e)
                low, high = min(500, round(v * 0.88)), min(500, round(v * 1.12))
                out.writerow([issued_at.strftime("%Y-%m-%dT%H:%M"), station, d.isoformat(), low, high])
            issue += timedelta(days=1)


if __name__ == "__main__":
    main()
