# hpa-episodes
hpa_tool_test(episodes_two_stations 0 hpa-episodes ARGS two_stations.csv)
hpa_tool_test(episodes_two_stations_json 0 hpa-episodes ARGS --format json two_stations.csv)
hpa_tool_test(episodes_two_stations_text 0 hpa-episodes ARGS -f text two_stations.csv)
hpa_tool_test(episodes_stdin 0 hpa-episodes STDIN two_stations.csv ARGS -)
hpa_tool_test(episodes_daily_example8 0 hpa-episodes ARGS example8_daily.csv)
hpa_tool_test(episodes_pending 0 hpa-episodes ARGS -f json single_pending.csv)
hpa_tool_test(episodes_forecast_upper_bound 0 hpa-episodes ARGS forecast.csv)
hpa_tool_test(episodes_dust_never_warns 0 hpa-episodes ARGS dust.csv)
hpa_tool_test(episodes_bom_crlf_quoted 0 hpa-episodes ARGS bom_crlf.csv)
hpa_tool_test(episodes_summary 0 hpa-episodes ARGS --summary two_stations.csv)
hpa_tool_test(episodes_header_only 0 hpa-episodes ARGS header_only.csv)
hpa_tool_test(episodes_dup_agree 0 hpa-episodes ARGS dup_agree.csv)
hpa_tool_test(episodes_truncated_last_line 0 hpa-episodes ARGS truncated_last_line.csv)
hpa_tool_test(episodes_to_file 0 hpa-episodes ARGS -o ${CMAKE_CURRENT_BINARY_DIR}/episodes_to_file.csv example8_daily.csv
  OUTFILE episodes_to_file.csv BEFORE "old\n")
hpa_tool_test(episodes_bad_input_keeps_old_file 1 hpa-episodes ARGS -o ${CMAKE_CURRENT_BINARY_DIR}/kept.csv bad_number.csv
  OUTFILE kept.csv BEFORE "old\n" AFTER "old\n")
hpa_tool_test(episodes_bad_input_writes_nothing 1 hpa-episodes ARGS -o ${CMAKE_CURRENT_BINARY_DIR}/none.csv unsorted.csv
  OUTFILE none.csv AFTER NONE)
foreach(bad bad_number bad_negative bad_above_500 bad_inf dup_disagree unsorted empty missing_column
    misspelled_column bad_date other_date_format mixed_daily_hourly short_row unterminated_quote gbk)
  hpa_tool_test(error_${bad} 1 hpa-episodes ARGS ${bad}.csv)
endforeach()
hpa_tool_test(episodes_extra_columns 0 hpa-episodes ARGS extra_columns.csv)
hpa_tool_test(usage_bad_format 2 hpa-episodes ARGS --format xml two_stations.csv)
hpa_tool_test(usage_unknown_option 2 hpa-episodes ARGS --frobnicate)
hpa_tool_test(missing_file 1 hpa-episodes ARGS no_such_file.csv)
hpa_tool_test(unknown_profile 1 hpa-episodes ARGS --profile atlantis two_stations.csv)

# hpa-daily
hpa_tool_test(daily_single 0 hpa-daily ARGS single_pending.csv)
hpa_tool_test(daily_from_days 0 hpa-daily ARGS example8_daily.csv)

# hpa-level
hpa_tool_test(level_last_hour 0 hpa-level ARGS two_stations.csv)
hpa_tool_test(level_at 0 hpa-level ARGS --at 2023-12-01T12:00 -f text two_stations.csv)
hpa_tool_test(level_at_json 0 hpa-level ARGS --at 2023-12-02T00:00 -f json example8_daily.csv)
hpa_tool_test(level_pending 0 hpa-level ARGS single_pending.csv)
hpa_tool_test(usage_bad_at 2 hpa-level ARGS --at yesterday two_stations.csv)
