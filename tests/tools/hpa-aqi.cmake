# hpa-aqi: AQI from concentrations
hpa_tool_test(aqi_hourly 0 hpa-aqi ARGS conc_hourly.csv)
hpa_tool_test(aqi_daily 0 hpa-aqi ARGS --daily conc_hourly.csv)
# HJ 663's calendar days with their valid hours: PM2.5 and PM10 absent the first day
hpa_tool_test(aqi_daily_means 0 hpa-aqi ARGS --daily-means conc_o3_days.csv)
hpa_tool_test(aqi_daily_means_jsonl 0 hpa-aqi ARGS --daily-means -f jsonl conc_methods.csv)
hpa_tool_test(aqi_usage_daily_and_daily_means 2 hpa-aqi ARGS --daily --daily-means conc_methods.csv)
# published 24 h columns beside the hours (no2_24h is no typing slip of so2_24h): read, not used
hpa_tool_test(aqi_published_24h_columns 0 hpa-aqi ARGS conc_published_24h.csv)
hpa_tool_test(aqi_2026 0 hpa-aqi ARGS --standard 2026 conc_hourly.csv)
hpa_tool_test(aqi_bad_number 1 hpa-aqi ARGS bad/bad_number_conc.csv)  # a file with no concentration column is refused first (bad_no_concentrations)

# hpa-area's series (tests/expected/area_city.out) read by hpa-aqi
hpa_tool_test(area_then_aqi 0 hpa-aqi STDIN_ABS ${CMAKE_CURRENT_SOURCE_DIR}/expected/area_city.out ARGS -)

# a daily city file without its header
hpa_tool_test(aqi_headerless 1 hpa-aqi ARGS bad/headerless_daily_city.csv)

# binary input: an error with the place, bytes escaped (\x1f\x8b), never echoed raw
hpa_tool_test(bad_gzip_concentrations 1 hpa-aqi ARGS bad/gzip.csv.gz)

# UTF-16 refused with the iconv command, as GBK is; no silent wrong answer: no concentration column; CO in µg/m³
hpa_tool_test(bad_utf16_concentrations 1 hpa-aqi ARGS bad/utf16.csv)
hpa_tool_test(bad_no_concentrations 1 hpa-aqi ARGS bad/no_concentrations.csv)
hpa_tool_test(bad_co_in_ug 0 hpa-aqi ARGS bad/co_in_ug.csv)

# exact daily AQI (a window's mean is never rounded)
hpa_tool_test(aqi_daily_exact_means 0 hpa-aqi ARGS --daily --standard 2012 conc_round.csv)
# what a daily AQI stands on: the PM monitors down the first day, O3 alone carries it
hpa_tool_test(aqi_daily_basis 0 hpa-aqi ARGS --daily conc_o3_days.csv)
