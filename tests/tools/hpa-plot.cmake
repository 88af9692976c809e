# hpa-plot: the pictures as SVG (exact bytes); tests/browser renders them
hpa_tool_test(plot_timeline_one_station_en 0 hpa-plot ARGS timeline --lang en --station B --since 2023-12-08 --until 2023-12-14 plot_season.csv)
hpa_tool_test(plot_timeline_daily_series 0 hpa-plot ARGS timeline example8_daily.csv)
# one scale for a set of pictures: the AQI axis up to 500 whatever the data
hpa_tool_test(plot_timeline_aqi_max 0 hpa-plot ARGS timeline --lang en --aqi-max 500 --station B --since 2023-12-08
  --until 2023-12-14 plot_season.csv)
hpa_tool_test(plot_usage_aqi_max 2 hpa-plot ARGS timeline --aqi-max 20 plot_season.csv)
# one pollutant's concentration against its HJ 633 breakpoints (as openair's timePlot)
hpa_tool_test(plot_concentration_pm25_en 0 hpa-plot ARGS concentration --lang en stats_conc.csv)
# the area's own row (hpa-area's series; here the mean of A and B) above its sites
hpa_tool_test(plot_overview_area_row 0 hpa-plot ARGS overview --lang en --sort days --area plot_season_area.csv
  plot_season.csv)
hpa_tool_test(plot_concentration_o3_zh 0 hpa-plot ARGS concentration --pollutant o3 stats_conc.csv)
hpa_tool_test(plot_usage_bad_pollutant 2 hpa-plot ARGS concentration --pollutant pm2.5 stats_conc.csv)
hpa_tool_test(plot_calendar_en 0 hpa-plot ARGS calendar --lang en --station A plot_season.csv)
hpa_tool_test(plot_overview_by_days 0 hpa-plot ARGS overview --sort days --width 800 two_stations.csv)
hpa_tool_test(plot_overview_to_file 0 hpa-plot ARGS overview -o ${CMAKE_CURRENT_BINARY_DIR}/overview.svg two_stations.csv
  OUTFILE overview.svg)
hpa_tool_test(plot_unknown_station 1 hpa-plot ARGS timeline --station Z plot_season.csv)
hpa_tool_test(plot_bad_input_writes_nothing 1 hpa-plot ARGS overview -o ${CMAKE_CURRENT_BINARY_DIR}/none.svg bad/unsorted.csv
  OUTFILE none.svg AFTER NONE)
hpa_tool_test(usage_plot_bad_since 2 hpa-plot ARGS timeline --since 2023-13-01 --until 2023-12-14 plot_season.csv)
hpa_tool_test(usage_plot_since_alone 2 hpa-plot ARGS calendar --since 2023-12-01 plot_season.csv)
hpa_tool_test(usage_plot_no_picture 2 hpa-plot ARGS plot_season.csv)
# the timeline's overlays: the warnings issued, the online decisions; withheld and advisory episodes
hpa_tool_test(plot_timeline_overlays 0 hpa-plot ARGS timeline --lang en --station A --issued plot_issued.csv
  --decisions plot_decisions.csv plot_season.csv)
hpa_tool_test(plot_timeline_dust_withheld 0 hpa-plot ARGS timeline dust.csv)
hpa_tool_test(plot_timeline_ozone_advisory 0 hpa-plot ARGS timeline --lang en ozone.csv)
hpa_tool_test(plot_issued_for_no_station_drawn 0 hpa-plot ARGS timeline --issued issued_log.csv -o /dev/null dust.csv)
hpa_tool_test(plot_issued_not_a_log 1 hpa-plot ARGS timeline --issued plot_decisions.csv plot_season.csv)
hpa_tool_test(plot_decisions_not_decisions 1 hpa-plot ARGS timeline --decisions plot_issued.csv plot_season.csv)
hpa_tool_test(usage_plot_issued_on_calendar 2 hpa-plot ARGS calendar --issued plot_issued.csv plot_season.csv)

# rows dated 0001 and 9999: refused before the memory or the picture grows with the span; a
# name with characters XML forbids still makes XML (plot_limits.sh)
foreach(pic timeline calendar overview)
  hpa_tool_test(plot_span_${pic} 1 hpa-plot ARGS ${pic} bad/span_0001_9999.csv)
endforeach()
hpa_tool_test(plot_span_two_stations 1 hpa-plot ARGS overview bad/span_0001_9999_two_stations.csv)
hpa_tool_test(usage_plot_span_asked 2 hpa-plot ARGS timeline --since 0001-01-01 --until 9999-12-31 plot_season.csv)
foreach(case span_memory xml_names)
  add_test(NAME "tool: plot ${case}" COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/plot_limits.sh ${case}
    $<TARGET_FILE:hpa-plot> ${CMAKE_CURRENT_SOURCE_DIR}/data)
  # AddressSanitizer reserves terabytes of address space: no ulimit -v under it (the Release run measures)
  set_tests_properties("tool: plot ${case}" PROPERTIES TIMEOUT 60 SKIP_RETURN_CODE 77
    ENVIRONMENT "HPA_SANITIZED=$<BOOL:${HPA_SANITIZE}>")
endforeach()

# the output filters, the same in every deciding tool: --station, --since, --until, --level
hpa_tool_test(plot_filter_before_picture 0 hpa-plot ARGS --station B --since 2023-12-11 --until 2023-12-12 overview
  --width 800 plot_season.csv)
