#!/usr/bin/env python3
"""Makes the small extracts of ../shared/data that the tests read (tests/data/README.md says
where each comes from and under what terms). Rows and columns are copied as they are, bytes
unchanged; run from the repository root: python3 tests/data/extracts/make_extracts.py"""
import os

SHARED = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'shared', 'data')
OUT = os.path.dirname(__file__)


def lines(path):
    with open(os.path.join(SHARED, path), encoding='utf-8', newline='') as f:
        return f.read().splitlines(keepends=True)


def write(name, rows):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8', newline='') as f:
        f.writelines(rows)


# One day of the national site file: the first 12 sites, and the 6 whose SO2 1 h passes 800
# (where the published practice and the HJ 633-2012 text differ).
SITES = ['1001A', '1002A', '1003A', '1004A', '1005A', '1006A', '1007A', '1008A', '1009A', '1010A', '1011A',
         '1012A', '1728A', '1733A', '1734A', '1735A', '1737A', '2174A']
site_file = lines('cnemc_sites/china_sites_20170101.csv')
header = site_file[0].rstrip('\r\n').split(',')
keep = [0, 1, 2] + [header.index(s) for s in SITES]
ending = site_file[0][len(site_file[0].rstrip('\r\n')):]
write('china_sites_20170101_18_sites.csv',
      [','.join(line.rstrip('\r\n').split(',')[i] for i in keep) + ending for line in site_file])

# The 2020 station export of 平顶山: the header and the first 140 rows (they hold the repeated
# hour 2020-04-02 20:00).
write('pingdingshan_station_202004_140_rows.csv', lines('pingdingshan_zhengzhou_station_hourly_2020/平顶山_202004.csv')[:141])

# 平顶山's daily AQI of December 2016: city, date and AQI of the 31 rows.
write('pingdingshan_daily_2016-12.csv',
      [','.join(line.split(',')[:3]) + '\n' for line in lines('aqistudy_daily_city_2013_2017/平顶山.csv')
       if line.split(',')[1].startswith('2016-12')])
