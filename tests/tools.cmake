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
hpa_tool_test(episodes_header_only 0 hpa-episodes ARGS bad/header_only.csv)
hpa_tool_test(episodes_dup_agree 0 hpa-episodes ARGS bad/dup_agree.csv)
hpa_tool_test(episodes_truncated_last_line 0 hpa-episodes ARGS bad/truncated_last_line.csv)
hpa_tool_test(episodes_to_file 0 hpa-episodes ARGS -o ${CMAKE_CURRENT_BINARY_DIR}/episodes_to_file.csv example8_daily.csv
  OUTFILE episodes_to_file.csv BEFORE "old\n")
hpa_tool_test(episodes_bad_input_keeps_old_file 1 hpa-episodes ARGS -o ${CMAKE_CURRENT_BINARY_DIR}/kept.csv bad/bad_number.csv
  OUTFILE kept.csv BEFORE "old\n" AFTER "old\n")
hpa_tool_test(episodes_bad_input_writes_nothing 1 hpa-episodes ARGS -o ${CMAKE_CURRENT_BINARY_DIR}/none.csv bad/unsorted.csv
  OUTFILE none.csv AFTER NONE)
foreach(bad bad_number bad_negative bad_above_500 bad_inf dup_disagree unsorted empty missing_column
    misspelled_column bad_date other_date_format mixed_daily_hourly short_row unterminated_quote gbk)
  hpa_tool_test(error_${bad} 1 hpa-episodes ARGS bad/${bad}.csv)
endforeach()
hpa_tool_test(episodes_extra_columns 0 hpa-episodes ARGS bad/extra_columns.csv)
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

# cause gate and profiles (issue: policy profiles)
hpa_tool_test(episodes_ozone_advisory 0 hpa-episodes ARGS -f text ozone.csv)
hpa_tool_test(episodes_dust_withheld_text 0 hpa-episodes ARGS -f text dust.csv)
hpa_tool_test(episodes_as_of_2016 0 hpa-episodes ARGS --as-of 2016-12-18 example8_daily.csv)
hpa_tool_test(episodes_profile_file 0 hpa-episodes ARGS --profile profile_ok.json two_stations.csv)
hpa_tool_test(usage_bad_as_of 2 hpa-episodes ARGS --as-of 18.12.2016 example8_daily.csv)
hpa_tool_test(as_of_too_old 1 hpa-episodes ARGS --as-of 2010-01-01 example8_daily.csv)
hpa_tool_test(profile_list 0 hpa-profile ARGS list)
hpa_tool_test(profile_show 0 hpa-profile ARGS show mee-2017)
hpa_tool_test(profile_check_ok 0 hpa-profile ARGS check profile_ok.json)
foreach(bad profile_bad_type profile_30h profile_unknown_key profile_syntax)
  hpa_tool_test(profile_check_${bad} 1 hpa-profile ARGS check bad/${bad}.json)
endforeach()
hpa_tool_test(profile_usage 2 hpa-profile ARGS frobnicate)

# hpa-watch (exit 3: an action is due)
hpa_tool_test(watch_issue_on_time 3 hpa-watch ARGS -f text watch_ahead60.csv)
hpa_tool_test(watch_issue_late 3 hpa-watch ARGS watch_ahead20.csv)
hpa_tool_test(watch_override 3 hpa-watch ARGS -f json watch_override.csv)
hpa_tool_test(watch_upgrade 3 hpa-watch ARGS -f text --state ${CMAKE_CURRENT_BINARY_DIR}/w_up.json watch_override.csv
  OUTFILE w_up.json BEFORE_FILE watch_state_yellow.json)
hpa_tool_test(watch_hold 0 hpa-watch ARGS -f text --now 2023-12-07T06:00 --state ${CMAKE_CURRENT_BINARY_DIR}/w_hold.json watch_ahead60.csv
  OUTFILE w_hold.json BEFORE_FILE watch_state_issued.json)
hpa_tool_test(watch_state_first 3 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_first.json watch_ahead60.csv
  OUTFILE w_first.json)
hpa_tool_test(watch_state_second_run_no_change 0 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_second.json watch_ahead60.csv
  OUTFILE w_second.json BEFORE_FILE watch_state_issued.json)
hpa_tool_test(watch_state_damaged 1 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_bad.json watch_ahead60.csv
  OUTFILE w_bad.json BEFORE "{not json" AFTER "{not json")
hpa_tool_test(watch_state_foreign 1 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_foreign.json watch_ahead60.csv
  OUTFILE w_foreign.json BEFORE_FILE profile_ok.json)
hpa_tool_test(watch_no_observed 1 hpa-watch ARGS forecast_only.csv)
hpa_tool_test(usage_watch_bad_now 2 hpa-watch ARGS --now tomorrow watch_ahead60.csv)

# hpa-measures
hpa_tool_test(measures_tier2_en 0 hpa-measures ARGS --tier II --lang en)
hpa_tool_test(measures_red_csv_school 0 hpa-measures ARGS --level red -f csv --daily-aqi 520)
hpa_tool_test(measures_red_json_below_500 0 hpa-measures ARGS --level red -f json --daily-aqi 300)
hpa_tool_test(usage_measures_both 2 hpa-measures ARGS --tier II --level red)

# hpa-notice, hpa-report
hpa_tool_test(notice_zh_markdown 0 hpa-notice ARGS --area 平顶山市 example8_episodes.json)
hpa_tool_test(notice_en_text_stdin 0 hpa-notice STDIN example8_episodes.json ARGS --lang en -f text --kind lift)
hpa_tool_test(notice_withheld_gets_none 0 hpa-notice ARGS dust_episodes.json)
hpa_tool_test(notice_bad_json 1 hpa-notice ARGS two_stations.csv)
hpa_tool_test(report_with_log 0 hpa-report ARGS --issued issued_log.csv two_stations.csv)
hpa_tool_test(report_pending 0 hpa-report ARGS single_pending.csv)
hpa_tool_test(report_bad_log 1 hpa-report ARGS --issued two_stations.csv two_stations.csv)

# hpa-reduce (exit 3: a requirement fails)
set(RED ../../examples/reduction)  # relative: messages name it as a user in tests/data would
hpa_tool_test(reduce_example_text 3 hpa-reduce ARGS ${RED}/sources.csv --totals ${RED}/totals.csv --exceptions ${RED}/exceptions.csv)
hpa_tool_test(reduce_example_each_csv 3 hpa-reduce ARGS ${RED}/sources.csv --totals ${RED}/totals.csv --exceptions ${RED}/exceptions.csv --so2-nox each -f csv)
hpa_tool_test(reduce_findings_csv 3 hpa-reduce ARGS ${RED}/sources.csv --totals ${RED}/totals.csv -f csv --table findings)
hpa_tool_test(reduce_json_pass 0 hpa-reduce ARGS -f json reduce_pass.json)
hpa_tool_test(reduce_json_wrong_type 1 hpa-reduce ARGS bad/reduce_wrong_type.json)
hpa_tool_test(reduce_mixed_units 1 hpa-reduce ARGS reduce_sources.csv --totals bad/reduce_totals_mixed.csv)
hpa_tool_test(usage_reduce_no_totals 2 hpa-reduce ARGS reduce_sources.csv)

# hpa-convert, hpa-aqi (issue: AQI from concentrations)
hpa_tool_test(convert_cnemc 0 hpa-convert ARGS --from cnemc cnemc_small.csv)
hpa_tool_test(convert_station_duplicates 0 hpa-convert ARGS --from station station_export_small.csv)
hpa_tool_test(convert_station_conflict 1 hpa-convert ARGS --from station bad/station_export_conflict.csv)
hpa_tool_test(convert_wrong_format 1 hpa-convert ARGS --from uci station_export_small.csv)
hpa_tool_test(aqi_hourly 0 hpa-aqi ARGS conc_hourly.csv)
hpa_tool_test(aqi_daily 0 hpa-aqi ARGS --daily conc_hourly.csv)
hpa_tool_test(aqi_2026 0 hpa-aqi ARGS --standard 2026 conc_hourly.csv)
hpa_tool_test(episodes_from_daily_aqi_column 0 hpa-episodes ARGS conc_daily.csv)
hpa_tool_test(aqi_bad_number 1 hpa-aqi ARGS bad/bad_number.csv)

# the bad-input corpus (tests/data/bad/): one file per class, each with its defined behaviour
hpa_tool_test(bad_nan_text_is_missing 0 hpa-daily ARGS bad/nan_text.csv)
hpa_tool_test(bad_inf_text 1 hpa-episodes ARGS bad/inf_text.csv)
hpa_tool_test(bad_hour_25 1 hpa-episodes ARGS bad/hour_25.csv)
hpa_tool_test(bad_quoted_commas_newlines 0 hpa-daily ARGS bad/quoted_commas_newlines.csv)
hpa_tool_test(bad_above_500_capped_by_profile 0 hpa-daily ARGS --profile bad/profile_cap.json bad/bad_above_500.csv)
hpa_tool_test(bad_gap_over_a_day 0 hpa-episodes ARGS bad/gap_over_a_day.csv)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/long_line.csv "station,time,aqi\n")
string(REPEAT "x" 10485760 ten_mib)
file(APPEND ${CMAKE_CURRENT_BINARY_DIR}/long_line.csv "${ten_mib},2023-12-01T00:00,1\n")
hpa_tool_test(bad_10_mib_line 1 hpa-episodes STDIN_ABS ${CMAKE_CURRENT_BINARY_DIR}/long_line.csv ARGS -)

# hpa-plot: the pictures as SVG (exact bytes); tests/browser renders them
hpa_tool_test(plot_timeline_one_station_en 0 hpa-plot ARGS timeline --lang en --station B --since 2023-12-08 --until 2023-12-14 plot_season.csv)
hpa_tool_test(plot_timeline_daily_series 0 hpa-plot ARGS timeline example8_daily.csv)
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
