#!/usr/bin/env python3
"""Writes plot_season.csv, the pictures' fixture: two stations, 2023-12-01..14, hourly.

A: a red episode (daily AQI 260, 270, 340, 250 on Dec 4-7), then dust hours on Dec 10
   (AQI 420, excluded by the profile, so no warning); otherwise about 80.
B: an orange episode from Dec 12 that the data end inside (pending); otherwise about 90.
The small wiggle is a formula, so the file is the same on every run."""
import datetime

def value(station, day, hour):
    wiggle = (day * 24 + hour) * 7 % 11 - 5
    if station == "A":
        high = {4: 260, 5: 270, 6: 340, 7: 250}
        if day in high:
            return high[day] + wiggle, ""
        if day == 10 and 6 <= hour <= 17:
            return 420, "dust"
        return 80 + wiggle, ""
    if day >= 12:
        return 230 + wiggle, ""
    return 90 + wiggle, ""

with open("plot_season.csv", "w", newline="\n") as f:
    f.write("station,time,aqi,cause\n")
    for station in ("A", "B"):
        for day in range(1, 15):
            for hour in range(24):
                aqi, cause = value(station, day, hour)
                t = datetime.datetime(2023, 12, day, hour)
                f.write(f"{station},{t:%Y-%m-%dT%H:%M},{aqi},{cause}\n")
