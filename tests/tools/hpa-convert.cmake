# hpa-convert: the national files
hpa_tool_test(convert_cnemc 0 hpa-convert ARGS --from cnemc cnemc_small.csv)
hpa_tool_test(convert_station_duplicates 0 hpa-convert ARGS --from station station_export_small.csv)
hpa_tool_test(convert_station_conflict 1 hpa-convert ARGS --from station bad/station_export_conflict.csv)
hpa_tool_test(convert_wrong_format 1 hpa-convert ARGS --from uci station_export_small.csv)

# the daily city files, headerless input and files joined with cat
hpa_tool_test(convert_daily_city 0 hpa-convert ARGS --from daily-city daily_city_small.csv)
hpa_tool_test(convert_daily_city_joined_with_cat 0 hpa-convert ARGS --from daily-city bad/bom_mid_stream.csv)
hpa_tool_test(convert_daily_city_since 0 hpa-convert ARGS --from daily-city --since 2016-12-16 --until 2016-12-16 daily_city_small.csv)
hpa_tool_test(convert_daily_city_with_header 1 hpa-convert ARGS --from daily-city station_export_small.csv)
hpa_tool_test(convert_headerless_as_station 1 hpa-convert ARGS --from station bad/headerless_daily_city.csv)
hpa_tool_test(convert_headerless_as_cnemc 1 hpa-convert ARGS --from cnemc bad/headerless_daily_city.csv)
