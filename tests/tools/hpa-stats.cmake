# hpa-stats: statistics per station and period (stats_*.csv worked out by hand)
hpa_tool_test(stats_daily_by_winter 0 hpa-stats ARGS --by winter stats_daily.csv)
hpa_tool_test(stats_daily_by_month_text 0 hpa-stats ARGS -q -f text --by month stats_daily.csv)
hpa_tool_test(stats_daily_by_year 0 hpa-stats ARGS -q stats_daily.csv)
hpa_tool_test(stats_heating_season 0 hpa-stats ARGS -q --by heating-season stats_daily.csv)
hpa_tool_test(stats_heating_season_of_profile 0 hpa-stats ARGS -q --by heating-season --profile stats_heating.json stats_daily.csv)
hpa_tool_test(stats_levels_of_profile 0 hpa-stats ARGS -q --by winter --profile mee-2017 stats_daily.csv)
hpa_tool_test(stats_hourly_concentrations_json 0 hpa-stats ARGS -f json --concentrations stats_conc.csv stats_hourly.csv)
hpa_tool_test(stats_hourly_concentrations_text 0 hpa-stats ARGS -f text --by all --concentrations stats_conc.csv stats_hourly.csv)
hpa_tool_test(stats_daily_aqi_column 0 hpa-stats ARGS --by all conc_daily.csv)
# HJ 663 from daily concentrations (hpa-convert --from daily-city's, which has no O3 8 h value),
# and hpa-aqi --daily-means's days, which give what their hours give
hpa_tool_test(stats_daily_city_concentrations 0 hpa-stats ARGS -f text --by all
  --concentrations daily_city_converted.csv daily_city_converted.csv)
hpa_tool_test(stats_daily_means_concentrations 0 hpa-stats ARGS -f text --by all --profile profile_conc.json
  --concentrations conc_methods_daily_means.csv conc_methods.csv)
hpa_tool_test(stats_hourly_concentrations_same 0 hpa-stats ARGS -f text --by all --profile profile_conc.json
  --concentrations conc_methods.csv conc_methods.csv)
# hpa-convert's daily output read by every tool that reads a series: no word about its columns
hpa_tool_test(stats_daily_city_quiet 0 hpa-stats ARGS daily_city_converted.csv)
hpa_tool_test(stats_header_only 0 hpa-stats ARGS -f text bad/header_only.csv)
hpa_tool_test(stats_concentrations_unsorted 1 hpa-stats ARGS --concentrations bad/conc_unsorted.csv stats_hourly.csv)
hpa_tool_test(stats_usage_bad_by 2 hpa-stats ARGS --by season stats_daily.csv)
hpa_tool_test(stats_usage_two_stdin 2 hpa-stats STDIN stats_hourly.csv ARGS --concentrations - -)
# the 平顶山 winters of docs/hpa-stats.md, from ../shared (not run without it)
add_test(NAME "shared: hpa-stats, the Pingdingshan winters under each profile" COMMAND ${CMAKE_COMMAND}
  -DTOOL=$<TARGET_FILE:hpa-stats> "-DDATA=${PROJECT_SOURCE_DIR}/../shared/data/aqistudy_daily_city_2013_2017/平顶山.csv"
  -DWORK=${CMAKE_CURRENT_BINARY_DIR} -P ${CMAKE_CURRENT_SOURCE_DIR}/stats_shared.cmake)
set_tests_properties("shared: hpa-stats, the Pingdingshan winters under each profile" PROPERTIES
  LABELS shared SKIP_REGULAR_EXPRESSION "SKIPPED:")

# the output filters, the same in every deciding tool: --station, --since, --until, --level
hpa_tool_test(stats_station_window 0 hpa-stats ARGS -q --by month --station X --since 2016-10-02 --until 2017-03-31
  stats_daily.csv)
hpa_tool_test(stats_withheld_is_no_warning 0 hpa-stats ARGS -q -f text --by all dust.csv)

# concentrations straight to statistics (hpa-episodes.cmake says how the profile makes the daily AQI)
hpa_tool_test(stats_conc 0 hpa-stats ARGS --profile profile_conc.json conc_methods.csv)
# what a daily AQI stands on: the PM monitors down the first day, O3 alone carries it (the last from hpa-aqi --daily,
# hpa-aqi.cmake's aqi_daily_basis)
hpa_tool_test(stats_days_without_pm 0 hpa-stats ARGS -f text --profile profile_conc.json conc_o3_days.csv)
hpa_tool_test(stats_days_without_pm_hourly 0 hpa-stats ARGS conc_o3_days.csv)
hpa_tool_test(stats_days_without_pm_from_aqi 0 hpa-stats STDIN_ABS ${CMAKE_CURRENT_SOURCE_DIR}/expected/aqi_daily_basis.out ARGS -)
