# hpa-daily
hpa_tool_test(daily_single 0 hpa-daily ARGS single_pending.csv)
hpa_tool_test(daily_from_days 0 hpa-daily ARGS example8_daily.csv)

# the bad-input corpus (tests/data/bad/): one file per class, each with its defined behaviour
hpa_tool_test(bad_nan_text_is_missing 0 hpa-daily ARGS bad/nan_text.csv)
hpa_tool_test(bad_quoted_commas_newlines 0 hpa-daily ARGS bad/quoted_commas_newlines.csv)
hpa_tool_test(bad_above_500_capped_by_profile 0 hpa-daily ARGS --profile bad/profile_cap.json bad/bad_above_500.csv)

# hpa-convert's daily output read by every tool that reads a series: no word about its columns
hpa_tool_test(daily_daily_city_quiet 0 hpa-daily ARGS daily_city_converted.csv)

# the output filters, the same in every deciding tool: --station, --since, --until, --level
hpa_tool_test(daily_station_window 0 hpa-daily ARGS --station A --since 2023-11-29T00:00 --until 2023-11-29T03:00
  two_stations.csv)
hpa_tool_test(daily_unknown_station 1 hpa-daily ARGS --station Z two_stations.csv)

# several files are one input, each with its own header
hpa_tool_test(inputs_two_files_daily 0 hpa-daily ARGS two_stations_1.csv two_stations_2.csv)

# concentrations straight to daily AQI (hpa-episodes.cmake says how the profile makes it)
hpa_tool_test(daily_conc 0 hpa-daily ARGS --profile profile_conc.json conc_methods.csv)
