# hpa-area: area series from stations (HJ 663-2013)
hpa_tool_test(area_city 0 hpa-area ARGS --map area_map.csv --level city area_conc.csv)
# an area's calendar days: six hours of a day, too few for any value, with the hours counted
hpa_tool_test(area_daily_means 0 hpa-area ARGS --map area_map.csv --level county --daily-means area_conc.csv)
hpa_tool_test(area_city_by_time 0 hpa-area ARGS --map area_map.csv --level city area_conc_by_time.csv)
hpa_tool_test(area_county_min_sites_share 0 hpa-area ARGS --map area_map.csv --level county --min-sites 75% area_conc.csv)
hpa_tool_test(area_city_min_sites_count 0 hpa-area ARGS -q --map area_map.csv --level city --min-sites 2 area_conc.csv)
hpa_tool_test(area_national_list 0 hpa-area ARGS --map area_map_national.csv area_conc_names.csv)
hpa_tool_test(area_needs_level 1 hpa-area ARGS --map area_map.csv area_conc.csv)
hpa_tool_test(area_map_no_station 1 hpa-area ARGS --map bad/area_map_no_station.csv area_conc.csv)
hpa_tool_test(area_unsorted 1 hpa-area ARGS --map area_map.csv --level city bad/area_unsorted.csv)
# a map that gives no area an evaluation site is an error, not a header alone
hpa_tool_test(area_map_all_control 1 hpa-area ARGS --map bad/area_map_all_control.csv area_conc_names.csv)
hpa_tool_test(area_map_no_area 1 hpa-area ARGS --map bad/area_map_no_area.csv --level county area_conc.csv)
hpa_tool_test(area_map_no_site 1 hpa-area ARGS --map bad/area_map_no_site.csv area_conc.csv)
hpa_tool_test(usage_area_bad_min_sites 2 hpa-area ARGS --map area_map.csv --min-sites 0% area_conc.csv)
hpa_tool_test(usage_area_no_map 2 hpa-area ARGS area_conc.csv)
# the city of Beijing from the UCI sites, both winters (needs ../shared/data; skipped without it)
add_test(NAME "tool: area_beijing_city_winters" COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/beijing_city.sh
  $<TARGET_FILE_DIR:hpa-area> ${PROJECT_SOURCE_DIR}/../shared/data ${CMAKE_CURRENT_SOURCE_DIR}/expected/area_beijing_city_winters.out
  ${PROJECT_SOURCE_DIR}/examples/beijing_sites.csv ${script_update})
set_tests_properties("tool: area_beijing_city_winters" PROPERTIES LABELS shared SKIP_RETURN_CODE 77)

# the city's daily PM2.5 of December 2016 (hpa-area --daily-means) against the published daily
# city file, as close as the days made from its hourly series (needs ../shared/data)
add_test(NAME "tool: area_beijing_daily_pm25_2016_12" COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/beijing_daily.sh
  $<TARGET_FILE_DIR:hpa-area> ${PROJECT_SOURCE_DIR}/../shared/data
  ${CMAKE_CURRENT_SOURCE_DIR}/expected/area_beijing_daily_pm25_2016_12.out
  ${PROJECT_SOURCE_DIR}/examples/beijing_sites.csv ${script_update})
set_tests_properties("tool: area_beijing_daily_pm25_2016_12" PROPERTIES LABELS shared SKIP_RETURN_CODE 77)
