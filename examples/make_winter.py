#!/usr/bin/env python3
"""Writes examples/winter-2023.csv: a made-up but realistic winter of hourly AQI for six
monitoring stations of one city, 2023-12-01 to 2024-02-29 (python3 standard library only,
deterministic). Regional episodes are shared by every station with a per-station lag and
intensity: a red one in mid-December, an orange one around New Year, shorter yellow ones, and
a dust day in March-like spring wind flagged in the cause column. About 1 % of hours are empty.

usage: make_winter.py > examples/winter-2023.csv
"""
import math
import random
from datetime import datetime, timedelta

STATIONS = ["市监测站", "新华区", "卫东区", "湛河区", "石龙区", "高新区"]
START = datetime(2023, 12, 1)
HOURS = 91 * 24
# regional episodes: (start hour, hours, peak AQI)
EPISODES = [(13 * 24 + 6, 110, 330), (29 * 24 + 12, 80, 245), (47 * 24, 56, 190), (70 * 24 + 8, 40, 215)]
DUST = (83 * 24 + 10, 20, 420)  # a dust storm: high AQI, but outside the plan (§1.3)


def shape(h, start, length):
    if h < start or h >= start + length:
        return 0.0
    x = (h - start) / length
    return math.sin(math.pi * x) ** 0.6


def main():
    rng = random.Random(2023)
    print("station,time,aqi,cause")
    for s, name in enumerate(STATIONS):
        lag = rng.randint(-4, 6)
        gain = rng.uniform(0.9, 1.1)
        noise = 0.0
        for h in range(HOURS):
            t = START + timedelta(hours=h)
            base = 75 + 20 * math.sin(2 * math.pi * h / (24 * 6.5) + s) + 12 * math.sin(2 * math.pi * (h % 24 - 8) / 24)
            noise = 0.8 * noise + rng.gauss(0, 6)
            ep = max(shape(h - lag, a, n) * (peak - 80) for a, n, peak in EPISODES)
            dust = shape(h - lag, DUST[0], DUST[1]) * (DUST[2] - 80)
            aqi = max(10, round((base + noise + ep * gain + dust)))
            cause = "dust" if dust > 20 else ""
            value = "" if rng.random() < 0.01 else str(min(aqi, 500))
            print(f"{name},{t:%Y-%m-%dT%H:00},{value},{cause}")


if __name__ == "__main__":
    main()
