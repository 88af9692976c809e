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
    misspelled_column bad_date other_date_format mixed_daily_hourly short_row unterminated_quote gbk station_nul)
  hpa_tool_test(error_${bad} 1 hpa-episodes ARGS bad/${bad}.csv)
endforeach()
hpa_tool_test(episodes_extra_columns 0 hpa-episodes ARGS bad/extra_columns.csv)
hpa_tool_test(usage_bad_format 2 hpa-episodes ARGS --format xml two_stations.csv)
hpa_tool_test(usage_unknown_option 2 hpa-episodes ARGS --frobnicate)
hpa_tool_test(missing_file 1 hpa-episodes ARGS no_such_file.csv)
# a --profile that names no built-in and no file is a bad option value (2); a file that exists but
# does not parse is bad data (1)
hpa_tool_test(unknown_profile 2 hpa-episodes ARGS --profile atlantis two_stations.csv)
hpa_tool_test(profile_bad_file 1 hpa-episodes ARGS --profile bad/profile_syntax.json two_stations.csv)

# hpa-daily
hpa_tool_test(daily_single 0 hpa-daily ARGS single_pending.csv)
hpa_tool_test(daily_from_days 0 hpa-daily ARGS example8_daily.csv)

# hpa-level
hpa_tool_test(level_last_hour 0 hpa-level ARGS two_stations.csv)
hpa_tool_test(level_at 0 hpa-level ARGS --at 2023-12-01T12:00 -f text two_stations.csv)
hpa_tool_test(level_at_json 0 hpa-level ARGS --at 2023-12-02T00:00 -f json example8_daily.csv)
hpa_tool_test(level_pending 0 hpa-level ARGS single_pending.csv)
hpa_tool_test(usage_bad_at 2 hpa-level ARGS --at yesterday two_stations.csv)

# the cause gate and the profiles
hpa_tool_test(episodes_ozone_advisory 0 hpa-episodes ARGS -f text ozone.csv)
hpa_tool_test(episodes_dust_withheld_text 0 hpa-episodes ARGS -f text dust.csv)
hpa_tool_test(episodes_as_of_2016 0 hpa-episodes ARGS --as-of 2016-12-18 example8_daily.csv)
# RULES.md §8 example 20 with no data before hour 0: the chain named starts at the first hour too
hpa_tool_test(episodes_chain_clipped_to_data 0 hpa-episodes ARGS -f text example20_from_hour0.csv)
hpa_tool_test(episodes_profile_file 0 hpa-episodes ARGS --profile profile_ok.json two_stations.csv)
# a profile that changes a built-in under its name would pass for it in reports and hpa-watch's state
hpa_tool_test(episodes_profile_extends_unnamed 1 hpa-episodes ARGS --profile bad/profile_extends_unnamed.json two_stations.csv)
hpa_tool_test(usage_bad_as_of 2 hpa-episodes ARGS --as-of 18.12.2016 example8_daily.csv)
hpa_tool_test(as_of_too_old 1 hpa-episodes ARGS --as-of 2010-01-01 example8_daily.csv)
hpa_tool_test(profile_list 0 hpa-profile ARGS list)
hpa_tool_test(profile_show 0 hpa-profile ARGS show mee-2017)
hpa_tool_test(profile_check_ok 0 hpa-profile ARGS check profile_ok.json)
foreach(bad profile_bad_type profile_30h profile_unknown_key profile_syntax
    profile_extends_unnamed)
  hpa_tool_test(profile_check_${bad} 1 hpa-profile ARGS check bad/${bad}.json)
endforeach()
hpa_tool_test(profile_usage 2 hpa-profile ARGS frobnicate)
hpa_tool_test(profile_show_unknown 2 hpa-profile ARGS show atlantis)

# hpa-watch (exit 3: an action is due)
hpa_tool_test(watch_issue_on_time 3 hpa-watch ARGS -f text watch_ahead48.csv)
hpa_tool_test(watch_issue_not_yet_due 0 hpa-watch ARGS -f text watch_ahead60.csv)
hpa_tool_test(watch_issue_late 3 hpa-watch ARGS watch_ahead20.csv)
hpa_tool_test(watch_override 3 hpa-watch ARGS -f json watch_override.csv)
hpa_tool_test(watch_upgrade 3 hpa-watch ARGS -f text --state ${CMAKE_CURRENT_BINARY_DIR}/w_up.json watch_override.csv
  OUTFILE w_up.json BEFORE_FILE watch_state_yellow.json)
hpa_tool_test(watch_hold 0 hpa-watch ARGS -f text --now 2023-12-07T06:00 --max-age 150 --state ${CMAKE_CURRENT_BINARY_DIR}/w_hold.json watch_ahead60.csv
  OUTFILE w_hold.json BEFORE_FILE watch_state_issued.json)
hpa_tool_test(watch_state_first 3 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_first.json watch_ahead48.csv
  OUTFILE w_first.json)
hpa_tool_test(watch_state_second_run_no_change 0 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_second.json watch_ahead48.csv
  OUTFILE w_second.json BEFORE_FILE watch_state_issued.json)
hpa_tool_test(watch_state_damaged 1 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_bad.json watch_ahead60.csv
  OUTFILE w_bad.json BEFORE "{not json" AFTER "{not json")
hpa_tool_test(watch_state_nul_station 1 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_nul.json watch_ahead60.csv
  OUTFILE w_nul.json BEFORE "{\"format\": \"hpa-watch-state\", \"version\": 1, \"profile\": \"pingdingshan-2023\", \"stations\": {\"S\\u0000x\": {\"level\": \"none\"}}}" AFTER UNCHANGED)
hpa_tool_test(watch_state_foreign 1 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_foreign.json watch_ahead60.csv
  OUTFILE w_foreign.json BEFORE_FILE profile_ok.json)
hpa_tool_test(watch_observed_after_now 3 hpa-watch ARGS -f text --now 2023-11-30T10:00 watch_override.csv)
hpa_tool_test(watch_announce_with_issue 3 hpa-watch ARGS -f text --state ${CMAKE_CURRENT_BINARY_DIR}/w_ann.json watch_announce.csv
  OUTFILE w_ann.json)
hpa_tool_test(watch_announce_second_run_no_change 0 hpa-watch ARGS -f text --state ${CMAKE_CURRENT_BINARY_DIR}/w_ann2.json
  watch_announce.csv OUTFILE w_ann2.json BEFORE_FILE watch_state_announced.json)
hpa_tool_test(watch_no_observed 1 hpa-watch ARGS forecast_only.csv)
hpa_tool_test(usage_watch_bad_now 2 hpa-watch ARGS --now tomorrow watch_ahead60.csv)

# hpa-measures
hpa_tool_test(measures_tier2_en 0 hpa-measures ARGS --tier II --lang en)
hpa_tool_test(measures_red_csv_school 0 hpa-measures ARGS --level red -f csv --daily-aqi 500)
hpa_tool_test(measures_red_json_below_500 0 hpa-measures ARGS --level red -f json --daily-aqi 300)
hpa_tool_test(usage_measures_both 2 hpa-measures ARGS --tier II --level red)
# each built-in's own measures: pingdingshan-2023's plan, none for the others (they say so)
foreach(p pingdingshan-2023 beijing-2023 beijing-2016 beijing-2015 mee-2018 mee-2017 jiangsu-2026)
  hpa_tool_test(measures_profile_${p} 0 hpa-measures ARGS --profile ${p} --level red --lang en)
endforeach()
hpa_tool_test(measures_none_json 0 hpa-measures ARGS --profile mee-2017 --level blue -f json)
hpa_tool_test(measures_extends_inherits 0 hpa-measures ARGS --profile profile_ok.json --tier III -f csv)
hpa_tool_test(usage_measures_tier_not_in_profile 2 hpa-measures ARGS --tier IV)
# a daily AQI off the profile's scale (0 to max_aqi) is a usage error, not a list for air that cannot be
hpa_tool_test(usage_measures_daily_negative 2 hpa-measures ARGS --tier I --daily-aqi -5)
hpa_tool_test(usage_measures_daily_infinite 2 hpa-measures ARGS --tier I --daily-aqi -1e999)
hpa_tool_test(usage_measures_daily_above_max 2 hpa-measures ARGS --tier I --daily-aqi 600)

# hpa-notice, hpa-report
hpa_tool_test(notice_zh_markdown 0 hpa-notice ARGS --area 平顶山市 example8_episodes.json)
hpa_tool_test(notice_en_text_stdin 0 hpa-notice STDIN example8_episodes.json ARGS --lang en -f text --kind lift)
hpa_tool_test(notice_withheld_gets_none 0 hpa-notice ARGS dust_episodes.json)
hpa_tool_test(notice_bad_json 1 hpa-notice ARGS two_stations.csv)
# episodes name their profile and the notices follow it: a blue warning under mee-2017 (24 h
# ahead; it lists no measures, and the notice says so)
hpa_tool_test(episodes_mee2017_blue_json 0 hpa-episodes ARGS --profile mee-2017 -f json blue_day.csv)
set(blue_episodes ${CMAKE_CURRENT_SOURCE_DIR}/expected/episodes_mee2017_blue_json.out)
hpa_tool_test(notice_profile_lists_no_measures 0 hpa-notice STDIN_ABS ${blue_episodes}
  ARGS --profile mee-2017 --kind issue)
hpa_tool_test(notice_profile_lists_no_measures_en 0 hpa-notice STDIN_ABS ${blue_episodes}
  ARGS --profile mee-2017 --kind issue --lang en -f text)
hpa_tool_test(notice_follows_episodes_profile 0 hpa-notice STDIN_ABS ${blue_episodes})
hpa_tool_test(notice_as_of_gives_episodes_profile 0 hpa-notice STDIN_ABS ${blue_episodes}
  ARGS --as-of 2016-12-16 --kind issue)
hpa_tool_test(notice_profile_differs 1 hpa-notice STDIN_ABS ${blue_episodes} ARGS --profile pingdingshan-2023)
hpa_tool_test(notice_as_of_differs 1 hpa-notice STDIN_ABS ${blue_episodes} ARGS --profile mee-2018 --as-of 2023-12-16)
hpa_tool_test(episodes_profile_file_json 0 hpa-episodes ARGS --profile profile_ok.json -f json two_stations.csv)
set(file_episodes ${CMAKE_CURRENT_SOURCE_DIR}/expected/episodes_profile_file_json.out)
hpa_tool_test(notice_file_profile_needs_its_file 1 hpa-notice STDIN_ABS ${file_episodes})
hpa_tool_test(notice_file_profile_given 0 hpa-notice STDIN_ABS ${file_episodes}
  ARGS --profile profile_ok.json --kind issue --lang en -f text)
hpa_tool_test(report_with_log 3 hpa-report ARGS --issued issued_log.csv two_stations.csv)
hpa_tool_test(report_pending 0 hpa-report ARGS single_pending.csv)
hpa_tool_test(report_bad_log 1 hpa-report ARGS --issued two_stations.csv two_stations.csv)

# directives from above (§3.2.2(2), §3.2.3): hpa-episodes, hpa-report and hpa-notice --directives
hpa_tool_test(episodes_directives 0 hpa-episodes ARGS --directives directives.csv two_stations.csv)
hpa_tool_test(episodes_directives_text 0 hpa-episodes ARGS -q --directives directives.csv -f text two_stations.csv)
hpa_tool_test(episodes_directives_json 0 hpa-episodes ARGS --directives directives.json -f json two_stations.csv)
hpa_tool_test(episodes_directives_summary 0 hpa-episodes ARGS -q --directives directives.csv --summary two_stations.csv)
hpa_tool_test(episodes_directives_bad_level 1 hpa-episodes ARGS --directives bad/directives_bad_level.csv two_stations.csv)
hpa_tool_test(episodes_directives_end_before_start 1 hpa-episodes
  ARGS --directives bad/directives_end_before_start.json two_stations.csv)
hpa_tool_test(episodes_directives_missing_file 1 hpa-episodes ARGS --directives no_such_file.csv two_stations.csv)
hpa_tool_test(episodes_directives_stdin 0 hpa-episodes STDIN directives.csv ARGS -q --directives - two_stations.csv)
hpa_tool_test(usage_episodes_directives_two_stdin 2 hpa-episodes STDIN two_stations.csv ARGS --directives - -)
hpa_tool_test(report_directives 3 hpa-report ARGS -q --directives directives.csv --issued issued_log.csv two_stations.csv)
hpa_tool_test(notice_directives 0 hpa-notice STDIN_ABS ${CMAKE_CURRENT_SOURCE_DIR}/expected/episodes_directives_json.out
  ARGS -f text)
hpa_tool_test(notice_directives_en 0 hpa-notice STDIN_ABS ${CMAKE_CURRENT_SOURCE_DIR}/expected/episodes_directives_json.out
  ARGS --lang en -f text --kind all)
# hand-edited episodes with hours or daily AQI figures no run writes: refused, naming the file and the field
hpa_tool_test(notice_end_before_start 1 hpa-notice ARGS bad/episode_end_before_start.json)
hpa_tool_test(notice_aqi_range_open 1 hpa-notice ARGS bad/episode_aqi_range_open.json)
# input text in Markdown is text: no HTML, heading, link, code or table cell of its own (a station
# name, a document number, --authority)
hpa_tool_test(report_hostile_names 3 hpa-report ARGS -q --directives hostile_directives.csv --issued hostile_issued.csv
  hostile_station.csv)
# hpa-report --season: the season's document (statistics as hpa-stats counts them, the episodes and
# the log as hpa-report checks them, hpa-plot's pictures, the findings), in either language
hpa_tool_test(report_season_log_en 3 hpa-report ARGS --season --lang en --issued issued_log.csv two_stations.csv)
hpa_tool_test(report_season_zh 0 hpa-report ARGS --season --lang zh two_stations.csv)
hpa_tool_test(report_season_concentrations 0 hpa-report ARGS --season --lang en --concentrations stats_conc.csv
  stats_hourly.csv)
hpa_tool_test(report_season_window 0 hpa-report ARGS --season --lang en --station A --since 2023-11-30 --until 2023-12-02
  two_stations.csv)
hpa_tool_test(report_season_hostile_html 3 hpa-report ARGS -q --season --html --lang en --directives hostile_directives.csv
  --issued hostile_issued.csv hostile_station.csv)
hpa_tool_test(report_season_usage_stdin 2 hpa-report STDIN two_stations.csv ARGS --season -)
hpa_tool_test(report_usage_html_without_season 2 hpa-report ARGS --html two_stations.csv)
hpa_tool_test(episodes_hostile_directives_json 0 hpa-episodes ARGS -f json --directives hostile_directives.csv
  hostile_station.csv)
hpa_tool_test(notice_hostile_directives 0 hpa-notice
  STDIN_ABS ${CMAKE_CURRENT_SOURCE_DIR}/expected/episodes_hostile_directives_json.out ARGS --lang en)
hpa_tool_test(notice_hostile_names 0 hpa-notice ARGS --kind issue --authority "<b>office</b> [x](javascript:alert(1))"
  hostile_episodes.json)
# the replay of 平顶山 and 豫气攻坚办〔2016〕153号 in docs/hpa-episodes.md and docs/hpa-watch.md
# (needs ../shared/data; skipped without it)
if(HPA_UPDATE_EXPECTED)
  set(directives_update update)
endif()
add_test(NAME "tool: directives_pingdingshan_2016" COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/directives_pingdingshan.sh
  $<TARGET_FILE_DIR:hpa-episodes> ${PROJECT_SOURCE_DIR}/../shared/data ${PROJECT_SOURCE_DIR}/examples
  ${CMAKE_CURRENT_SOURCE_DIR}/expected/directives_pingdingshan_2016.out ${directives_update})
set_tests_properties("tool: directives_pingdingshan_2016" PROPERTIES LABELS shared SKIP_RETURN_CODE 77)

# hpa-reduce (exit 3: a requirement fails)
set(RED ../../examples/reduction)  # relative: messages name it as a user in tests/data would
hpa_tool_test(reduce_example_text 3 hpa-reduce ARGS ${RED}/sources.csv --totals ${RED}/totals.csv --exceptions ${RED}/exceptions.csv)
hpa_tool_test(reduce_example_each_csv 3 hpa-reduce ARGS ${RED}/sources.csv --totals ${RED}/totals.csv --exceptions ${RED}/exceptions.csv --so2-nox each -f csv)
hpa_tool_test(reduce_findings_csv 3 hpa-reduce ARGS ${RED}/sources.csv --totals ${RED}/totals.csv -f csv --table findings)
hpa_tool_test(reduce_json_pass 0 hpa-reduce ARGS -f json reduce_pass.json)
hpa_tool_test(reduce_json_wrong_type 1 hpa-reduce ARGS bad/reduce_wrong_type.json)
hpa_tool_test(reduce_mixed_units 1 hpa-reduce ARGS reduce_sources.csv --totals bad/reduce_totals_mixed.csv)
hpa_tool_test(usage_reduce_no_totals 2 hpa-reduce ARGS reduce_sources.csv)
hpa_tool_test(reduce_list_csv 0 hpa-reduce ARGS -f json reduce_list.csv --totals reduce_totals.csv)  # as reduce_pass.json
# a required column missing is an error naming it, not zeros that fail the county
foreach(bad reduce_missing_nox reduce_missing_grade_cut)
  hpa_tool_test(${bad} 1 hpa-reduce ARGS bad/${bad}.csv --totals reduce_totals.csv)
endforeach()
# units in doubt warn: "30" meant as 30 %, t/d labelled t/a (shares under 1 %), t/a labelled t/d (cuts above the totals)
hpa_tool_test(reduce_cut_no_percent 3 hpa-reduce ARGS bad/reduce_cut_no_percent.csv --totals reduce_totals.csv -f csv --table findings)
hpa_tool_test(reduce_cut_no_percent_quiet 3 hpa-reduce ARGS -q bad/reduce_cut_no_percent.csv --totals reduce_totals.csv -f csv --table findings)
hpa_tool_test(reduce_t_d_labelled_t_a 3 hpa-reduce ARGS bad/reduce_t_d_labelled_t_a.csv --totals reduce_totals_t_a.csv -f csv)
hpa_tool_test(reduce_t_a_labelled_t_d 0 hpa-reduce ARGS bad/reduce_t_a_labelled_t_d.csv --totals reduce_totals.csv -f csv --table findings)
# JSON keys are exact: another case, a fourth tier or an unknown key is an error at its path; a newline in an
# earlier string does not move the path
foreach(bad reduce_tier_lower reduce_cut_upper reduce_tier_iv reduce_tier_unknown_key reduce_newline_path)
  hpa_tool_test(${bad} 1 hpa-reduce ARGS bad/${bad}.json)
endforeach()

# hpa-convert, hpa-aqi: the national files, AQI from concentrations
hpa_tool_test(convert_cnemc 0 hpa-convert ARGS --from cnemc cnemc_small.csv)
hpa_tool_test(convert_station_duplicates 0 hpa-convert ARGS --from station station_export_small.csv)
hpa_tool_test(convert_station_conflict 1 hpa-convert ARGS --from station bad/station_export_conflict.csv)
hpa_tool_test(convert_wrong_format 1 hpa-convert ARGS --from uci station_export_small.csv)
hpa_tool_test(aqi_hourly 0 hpa-aqi ARGS conc_hourly.csv)
hpa_tool_test(aqi_daily 0 hpa-aqi ARGS --daily conc_hourly.csv)
# HJ 663's calendar days with their valid hours: PM2.5 and PM10 absent the first day
hpa_tool_test(aqi_daily_means 0 hpa-aqi ARGS --daily-means conc_o3_days.csv)
hpa_tool_test(aqi_daily_means_jsonl 0 hpa-aqi ARGS --daily-means -f jsonl conc_methods.csv)
hpa_tool_test(aqi_usage_daily_and_daily_means 2 hpa-aqi ARGS --daily --daily-means conc_methods.csv)
# published 24 h columns beside the hours (no2_24h is no typing slip of so2_24h): read, not used
hpa_tool_test(aqi_published_24h_columns 0 hpa-aqi ARGS conc_published_24h.csv)
hpa_tool_test(aqi_2026 0 hpa-aqi ARGS --standard 2026 conc_hourly.csv)
hpa_tool_test(episodes_from_daily_aqi_column 0 hpa-episodes ARGS conc_daily.csv)
hpa_tool_test(aqi_bad_number 1 hpa-aqi ARGS bad/bad_number_conc.csv)  # a file with no concentration column is refused first (bad_no_concentrations)

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
foreach(t episodes daily level stats report)
  hpa_tool_test(${t}_daily_city_quiet 0 hpa-${t} ARGS daily_city_converted.csv)
endforeach()
hpa_tool_test(watch_daily_city_quiet 3 hpa-watch ARGS --now 2016-12-17T23:00 daily_city_converted.csv)
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
hpa_tool_test(area_then_aqi 0 hpa-aqi STDIN_ABS ${CMAKE_CURRENT_SOURCE_DIR}/expected/area_city.out ARGS -)
# the city of Beijing from the UCI sites, both winters (needs ../shared/data; skipped without it)
if(HPA_UPDATE_EXPECTED)
  set(beijing_update update)
endif()
add_test(NAME "tool: area_beijing_city_winters" COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/beijing_city.sh
  $<TARGET_FILE_DIR:hpa-area> ${PROJECT_SOURCE_DIR}/../shared/data ${CMAKE_CURRENT_SOURCE_DIR}/expected/area_beijing_city_winters.out
  ${PROJECT_SOURCE_DIR}/examples/beijing_sites.csv ${beijing_update})
set_tests_properties("tool: area_beijing_city_winters" PROPERTIES LABELS shared SKIP_RETURN_CODE 77)
hpa_tool_test(episodes_as_of_beijing_2015 0 hpa-episodes ARGS --as-of 2015-12-08 --profile beijing-2023 -f text example8_daily.csv)

# the daily city files, headerless input and files joined with cat
hpa_tool_test(convert_daily_city 0 hpa-convert ARGS --from daily-city daily_city_small.csv)
hpa_tool_test(convert_daily_city_joined_with_cat 0 hpa-convert ARGS --from daily-city bad/bom_mid_stream.csv)
hpa_tool_test(convert_daily_city_since 0 hpa-convert ARGS --from daily-city --since 2016-12-16 --until 2016-12-16 daily_city_small.csv)
hpa_tool_test(convert_daily_city_with_header 1 hpa-convert ARGS --from daily-city station_export_small.csv)
hpa_tool_test(convert_headerless_as_station 1 hpa-convert ARGS --from station bad/headerless_daily_city.csv)
hpa_tool_test(convert_headerless_as_cnemc 1 hpa-convert ARGS --from cnemc bad/headerless_daily_city.csv)
hpa_tool_test(aqi_headerless 1 hpa-aqi ARGS bad/headerless_daily_city.csv)

# -o and --state at what is not a plain file: written through or followed, never replaced; a
# signal leaves no temporary file; a closed stderr does not become the output; a closed stdout is an
# error, a reader that goes away a quiet stop; a read-only file is not replaced; an -o that is the
# state is refused (run as root in CI)
foreach(case fifo symlink device process_substitution state_symlink output_is_state mode signal stderr_closed
        stdout_closed reader_gone read_only)
  add_test(NAME "tool: output to ${case}" COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/output_targets.sh ${case}
    $<TARGET_FILE_DIR:hpa-episodes> ${CMAKE_CURRENT_SOURCE_DIR}/data ${CMAKE_CURRENT_BINARY_DIR}/output_targets/${case})
  set_tests_properties("tool: output to ${case}" PROPERTIES TIMEOUT 60 SKIP_RETURN_CODE 77)
endforeach()
hpa_tool_test(input_is_directory 1 hpa-episodes ARGS bad)
hpa_tool_test(output_is_directory 1 hpa-episodes ARGS -o bad two_stations.csv)

# text that is not UTF-8 (overlong, a surrogate, beyond U+10FFFF) and binary input: errors with
# the place, bytes escaped (\x1f\x8b), never echoed raw
foreach(bad utf8_overlong utf8_surrogate utf8_above_10ffff)
  hpa_tool_test(bad_${bad} 1 hpa-episodes ARGS -f json bad/${bad}.csv)
endforeach()
# hpa-watch: refused at the reader, before stdout, so the state is never left behind the output
hpa_tool_test(watch_utf8_surrogate 1 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_utf8.json bad/utf8_surrogate.csv
  OUTFILE w_utf8.json BEFORE_FILE watch_state_issued.json AFTER UNCHANGED)
hpa_tool_test(bad_gzip 1 hpa-episodes ARGS bad/gzip.csv.gz)
hpa_tool_test(bad_xlsx 1 hpa-episodes ARGS bad/sheet.xlsx)
hpa_tool_test(bad_gzip_concentrations 1 hpa-aqi ARGS bad/gzip.csv.gz)

# JSON nested 100,000 deep (made here, not stored) in a profile, a state file and an emission
# list: refused at parse (printing it in a message once overflowed the stack); the file stays
string(REPEAT "[" 100000 deep_open)
string(REPEAT "]" 100000 deep_close)
set(deep ${CMAKE_CURRENT_BINARY_DIR}/deep)
file(WRITE ${deep}_profile.json "{\"extends\": \"pingdingshan-2023\", \"lead_hours\": ${deep_open}${deep_close}}\n")
file(WRITE ${deep}_state.json "{\"format\": \"hpa-watch-state\", \"version\": ${deep_open}${deep_close}}\n")
file(WRITE ${deep}_reduction.json "${deep_open}${deep_close}\n")
hpa_tool_test(profile_check_deep 1 hpa-profile ARGS check ${CMAKE_CURRENT_BINARY_DIR}/deep_a.json
  OUTFILE deep_a.json BEFORE_FILE ${deep}_profile.json AFTER UNCHANGED)
hpa_tool_test(episodes_profile_deep 1 hpa-episodes ARGS --profile ${CMAKE_CURRENT_BINARY_DIR}/deep_b.json two_stations.csv
  OUTFILE deep_b.json BEFORE_FILE ${deep}_profile.json AFTER UNCHANGED)
hpa_tool_test(watch_state_deep 1 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_deep.json watch_ahead60.csv
  OUTFILE w_deep.json BEFORE_FILE ${deep}_state.json AFTER UNCHANGED)
hpa_tool_test(reduce_json_deep 1 hpa-reduce ARGS ${CMAKE_CURRENT_BINARY_DIR}/r_deep.json
  OUTFILE r_deep.json BEFORE_FILE ${deep}_reduction.json AFTER UNCHANGED)
# a wrong value of 200,000 elements: the message quotes its start, not 600 kB
string(REPEAT "0," 199999 zeros)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/long_value_profile.json "{\"extends\": \"pingdingshan-2023\", \"lead_hours\": [${zeros}0]}\n")
hpa_tool_test(profile_check_long_value 1 hpa-profile ARGS check ${CMAKE_CURRENT_BINARY_DIR}/long_value.json
  OUTFILE long_value.json BEFORE_FILE ${CMAKE_CURRENT_BINARY_DIR}/long_value_profile.json AFTER UNCHANGED)
hpa_tool_test(bad_year_0000 1 hpa-episodes ARGS bad/year_0000.csv)

# profiles that hpa-profile check refuses: a key given twice, numbers out of bounds or beyond
# their type, levels that do not rise, thresholds not above 0, names unsafe in CSV
foreach(bad profile_duplicate_key profile_yellow_above_red profile_negative_threshold profile_max_aqi_zero
    profile_max_aqi_negative profile_empty_mode profile_name_comma profile_hours_huge profile_int_wrap
    profile_lead_int_max profile_within_lower)
  hpa_tool_test(profile_check_${bad} 1 hpa-profile ARGS check bad/${bad}.json)
endforeach()
# 1001 conditions: more than any plan, each a chain tracker per station (made here: 27 kB of repeats)
string(REPEAT "{\"over\": 200, \"hours\": 24}, " 1000 conditions)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/conditions_1001.json
  "{\"name\": \"many\", \"levels\": [{\"name\": \"yellow\", \"any_of\": [${conditions}{\"over\": 200, \"hours\": 24}]}]}\n")
hpa_tool_test(profile_check_1001_conditions 1 hpa-profile ARGS check ${CMAKE_CURRENT_BINARY_DIR}/c1001.json
  OUTFILE c1001.json BEFORE_FILE ${CMAKE_CURRENT_BINARY_DIR}/conditions_1001.json AFTER UNCHANGED)
# the same number printed as a rule's hours, a lead time: bounded, so the output is never garbage
hpa_tool_test(episodes_lead_int_max 1 hpa-episodes ARGS --profile bad/profile_lead_int_max.json example8_daily.csv)
hpa_tool_test(profile_is_directory 1 hpa-episodes ARGS --profile bad two_stations.csv)

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


# hpa-watch under cron: the clock, stale and absent stations, the state's place, its lock, the
# order of state and output, the crontab line of README.md and docs/hpa-watch.md; and --replay over a season
# (exit 4: another run holds the state's lock with --no-wait; 5: a station stale or absent)
# The tools' clock for the cases above that decide at the file's last observed hour, an hour later
foreach(t watch_issue_on_time watch_issue_not_yet_due watch_issue_late watch_override watch_upgrade watch_state_first
    watch_state_second_run_no_change watch_state_damaged watch_state_foreign watch_announce_with_issue
    watch_announce_second_run_no_change watch_no_observed watch_utf8_surrogate watch_state_deep
    "output to state_symlink" "output to output_is_state")
  set_tests_properties("tool: ${t}" PROPERTIES ENVIRONMENT HPA_NOW=2023-12-01T09:00)
endforeach()
hpa_tool_test(watch_stale_feed 5 hpa-watch ARGS -f text --now 2023-12-01T12:00 --state ${CMAKE_CURRENT_BINARY_DIR}/w_stale.json
  watch_ahead60.csv OUTFILE w_stale.json BEFORE_FILE watch_state_issued.json AFTER UNCHANGED)
hpa_tool_test(watch_stale_max_age 0 hpa-watch ARGS -f text --now 2023-12-01T12:00 --max-age 4 watch_ahead60.csv)
hpa_tool_test(watch_stale_station 5 hpa-watch ARGS --now 2023-12-01T08:00 watch_stale_station.csv)
hpa_tool_test(watch_stale_by_clock 5 hpa-watch ARGS -f jsonl watch_ahead60.csv)
hpa_tool_test(watch_other_feed_kept 0 hpa-watch ARGS -f text --state ${CMAKE_CURRENT_BINARY_DIR}/w_other.json watch_other_feed.csv
  OUTFILE w_other.json BEFORE_FILE watch_state_issued.json)
hpa_tool_test(watch_absent 5 hpa-watch ARGS -f text --state ${CMAKE_CURRENT_BINARY_DIR}/w_absent.json watch_other_feed.csv
  OUTFILE w_absent.json BEFORE_FILE watch_state_issued.json)
hpa_tool_test(watch_absent_json 5 hpa-watch ARGS -f json --state ${CMAKE_CURRENT_BINARY_DIR}/w_absent_json.json watch_other_feed.csv
  OUTFILE w_absent_json.json BEFORE_FILE watch_state_issued.json)
hpa_tool_test(watch_forget 0 hpa-watch ARGS --forget S --state ${CMAKE_CURRENT_BINARY_DIR}/w_forget.json watch_other_feed.csv
  OUTFILE w_forget.json BEFORE_FILE watch_state_issued.json)
hpa_tool_test(watch_forget_unknown 1 hpa-watch ARGS --forget X --state ${CMAKE_CURRENT_BINARY_DIR}/w_forget_x.json watch_other_feed.csv
  OUTFILE w_forget_x.json BEFORE_FILE watch_state_issued.json AFTER UNCHANGED)
set_tests_properties("tool: watch_stale_station" "tool: watch_other_feed_kept" PROPERTIES ENVIRONMENT HPA_NOW=2023-12-01T10:00)
set_tests_properties("tool: watch_stale_by_clock" PROPERTIES ENVIRONMENT HPA_NOW=2023-12-01T12:00)
set_tests_properties("tool: watch_absent" "tool: watch_absent_json" "tool: watch_forget" "tool: watch_forget_unknown"
  PROPERTIES ENVIRONMENT HPA_NOW=2023-12-01T12:00)
hpa_tool_test(watch_state_no_folder 1 hpa-watch ARGS --now 2023-12-01T08:00 --state no_such_folder/s.json watch_ahead60.csv)
hpa_tool_test(watch_state_folder_is_file 1 hpa-watch ARGS --now 2023-12-01T08:00 --state watch_ahead60.csv/s.json watch_ahead60.csv)
hpa_tool_test(watch_state_is_folder 1 hpa-watch ARGS --now 2023-12-01T08:00 --state bad watch_ahead60.csv)
hpa_tool_test(usage_watch_bad_clock 2 hpa-watch ARGS watch_ahead60.csv)
set_tests_properties("tool: usage_watch_bad_clock" PROPERTIES ENVIRONMENT HPA_NOW=now)
hpa_tool_test(usage_watch_no_wait_alone 2 hpa-watch ARGS --no-wait watch_ahead60.csv)
hpa_tool_test(usage_watch_replay_with_state 2 hpa-watch ARGS --replay .. --state s.json watch_ahead60.csv)
hpa_tool_test(usage_watch_forecast_alone 2 hpa-watch ARGS --forecast-hours 72 watch_ahead60.csv)
hpa_tool_test(usage_watch_replay_span 2 hpa-watch ARGS --replay 2023-12-05..2023-12-01 watch_ahead60.csv)
hpa_tool_test(watch_replay_actions 0 hpa-watch ARGS --replay 2023-12-10..2023-12-22 --forecast-hours 72 ../../examples/winter-2023.csv)
hpa_tool_test(watch_replay_observed_text 0 hpa-watch ARGS -f text --replay 2023-12-10..2023-12-22 ../../examples/winter-2023.csv)
hpa_tool_test(watch_replay_summary 0 hpa-watch ARGS -f text --replay .. --summary ../../examples/winter-2023.csv)
hpa_tool_test(watch_replay_summary_forecast 0 hpa-watch ARGS --replay .. --forecast-hours 72 --summary ../../examples/winter-2023.csv)
hpa_tool_test(watch_replay_daily 0 hpa-watch ARGS -f jsonl --replay .. example8_daily.csv)
hpa_tool_test(watch_replay_forecast_rows 0 hpa-watch ARGS --replay .. --summary -f json watch_ahead60.csv)
# Runs that overlap, a lock held, an output that fails after the state, the crontab line as written
foreach(case concurrent two_feeds no_wait output_fails reader_gone replay_span crontab)
  add_test(NAME "tool: watch under cron: ${case}" COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/watch_cron.sh ${case}
    $<TARGET_FILE_DIR:hpa-watch> ${CMAKE_CURRENT_SOURCE_DIR}/data ${CMAKE_CURRENT_BINARY_DIR}/watch_cron/${case}
    ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/hpa-watch.md)
  # many processes at once: alone, so that no other test meets a process limit
  set_tests_properties("tool: watch under cron: ${case}" PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77 RUN_SERIAL TRUE
    ENVIRONMENT "HPA_SANITIZED=$<BOOL:${HPA_SANITIZE}>")
endforeach()
# The replay of the Beijing winter in docs/hpa-watch.md, on the full UCI data of ../shared (label shared)
set(beijing_replay "tool: watch replay of the Beijing winter (docs/hpa-watch.md)")
add_test(NAME ${beijing_replay} COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/watch_replay_beijing.sh
  $<TARGET_FILE_DIR:hpa-watch> ${PROJECT_SOURCE_DIR}/../shared/data ${CMAKE_CURRENT_BINARY_DIR}/watch_replay_beijing
  ${PROJECT_SOURCE_DIR}/docs/hpa-watch.md)
set_tests_properties(${beijing_replay} PROPERTIES LABELS shared SKIP_RETURN_CODE 77 TIMEOUT 120)



# the output filters, the same in every deciding tool: --station, --since, --until, --level
hpa_tool_test(episodes_station 0 hpa-episodes ARGS --station B two_stations.csv)
hpa_tool_test(episodes_window_keeps_whole 0 hpa-episodes ARGS --since 2023-12-02T06:00 two_stations.csv)
hpa_tool_test(episodes_level_jsonl 0 hpa-episodes ARGS --level orange -f jsonl two_stations.csv)
hpa_tool_test(episodes_summary_window 0 hpa-episodes ARGS --summary --since 2023-12-01 --until 2023-12-01 two_stations.csv)
hpa_tool_test(episodes_window_empty 0 hpa-episodes ARGS -f text --until 2023-11-27 two_stations.csv)
hpa_tool_test(episodes_unknown_station 1 hpa-episodes ARGS --station A --station Z two_stations.csv)
hpa_tool_test(usage_episodes_bad_until 2 hpa-episodes ARGS --until 2023-12-32 two_stations.csv)
hpa_tool_test(usage_episodes_until_before_since 2 hpa-episodes ARGS --since 2023-12-02 --until 2023-12-01 two_stations.csv)
hpa_tool_test(daily_station_window 0 hpa-daily ARGS --station A --since 2023-11-29T00:00 --until 2023-11-29T03:00
  two_stations.csv)
hpa_tool_test(daily_unknown_station 1 hpa-daily ARGS --station Z two_stations.csv)
hpa_tool_test(stats_station_window 0 hpa-stats ARGS -q --by month --station X --since 2016-10-02 --until 2017-03-31
  stats_daily.csv)
hpa_tool_test(stats_withheld_is_no_warning 0 hpa-stats ARGS -q -f text --by all dust.csv)
hpa_tool_test(watch_station 3 hpa-watch ARGS -f text --station S watch_ahead48.csv)
set_tests_properties("tool: watch_station" PROPERTIES ENVIRONMENT HPA_NOW=2023-12-01T09:00)
hpa_tool_test(watch_unknown_station 1 hpa-watch ARGS --station T watch_ahead60.csv)
hpa_tool_test(plot_filter_before_picture 0 hpa-plot ARGS --station B --since 2023-12-11 --until 2023-12-12 overview
  --width 800 plot_season.csv)
hpa_tool_test(report_station_matches 0 hpa-report ARGS --issued issued_log.csv --station A two_stations.csv)
hpa_tool_test(report_level_orange 3 hpa-report ARGS --issued issued_log.csv --level orange two_stations.csv)
hpa_tool_test(report_window_empty 0 hpa-report ARGS --issued issued_log.csv --station A --since 2023-12-03 two_stations.csv)

# hpa-level --every-hour: the level in force at every hour of every station
hpa_tool_test(level_every_hour_pending 0 hpa-level ARGS --every-hour single_pending.csv)
hpa_tool_test(level_every_hour_episode_start 0 hpa-level ARGS --every-hour --station A --since 2023-11-29T14:00
  --until 2023-11-29T18:00 two_stations.csv)
hpa_tool_test(level_every_hour_json 0 hpa-level ARGS --every-hour -f json --since 2023-12-04T16:00 single_pending.csv)
hpa_tool_test(level_every_hour_jsonl_level 0 hpa-level ARGS --every-hour -f jsonl --level orange --until 2023-11-28T13:00
  two_stations.csv)
hpa_tool_test(level_every_hour_text_lifts 0 hpa-level ARGS --every-hour -f text --since 2023-12-02T03:00
  --until 2023-12-02T09:00 two_stations.csv)
hpa_tool_test(level_every_hour_daily_series 0 hpa-level ARGS --every-hour --since 2023-12-04T20:00 --until 2023-12-05T02:00
  example8_daily.csv)
hpa_tool_test(level_every_hour_gap_filled 0 hpa-level ARGS --every-hour --since 2023-12-03T20:00 --until 2023-12-04T01:00
  bad/gap_over_a_day.csv)
hpa_tool_test(level_every_hour_withheld_none 0 hpa-level ARGS --every-hour -q --level yellow dust.csv)
hpa_tool_test(level_every_hour_empty_text 0 hpa-level ARGS --every-hour -q -f text --level yellow dust.csv)
hpa_tool_test(level_at_filters 0 hpa-level ARGS --at 2023-12-01T12:00 --station B --level orange two_stations.csv)
hpa_tool_test(level_unknown_station 1 hpa-level ARGS --every-hour --station C two_stations.csv)
hpa_tool_test(usage_level_every_hour_and_at 2 hpa-level ARGS --every-hour --at 2023-12-01T12:00 two_stations.csv)
hpa_tool_test(usage_level_since_without_every_hour 2 hpa-level ARGS --since 2023-12-01 two_stations.csv)
hpa_tool_test(usage_level_unknown_level 2 hpa-level ARGS --every-hour --level purple two_stations.csv)
# each row agrees with hpa-daily's daily AQI and with hpa-level --at that hour
foreach(agree
    "two_stations.csv|2023-11-28T10:00;2023-11-28T11:00;2023-11-29T16:00;2023-12-02T04:00;2023-12-02T05:00;2023-12-02T08:00"
    "single_pending.csv|2023-12-01T13:00;2023-12-01T14:00;2023-12-04T17:00"
    "example8_daily.csv|2023-12-01T00:00;2023-12-03T23:00;2023-12-04T00:00;2023-12-05T00:00"
    "plot_season.csv|2023-12-03T10:00;2023-12-08T13:00;2023-12-08T14:00;2023-12-11T11:00;2023-12-14T23:00"
    "dust.csv|2024-03-11T12:00")
  string(REPLACE "|" ";" agree "${agree}")
  list(POP_FRONT agree input)
  add_test(NAME "tool: level_every_hour_agrees ${input}" COMMAND ${CMAKE_COMMAND} -DLEVEL=$<TARGET_FILE:hpa-level>
    -DDAILY=$<TARGET_FILE:hpa-daily> -DINPUT=${CMAKE_CURRENT_SOURCE_DIR}/data/${input} "-DSAMPLE=${agree}"
    -P ${CMAKE_CURRENT_SOURCE_DIR}/every_hour_agrees.cmake)
endforeach()

# hpa-report's exit code, like diff's: 0 when the log matches the rules, 3 when it does not
hpa_tool_test(report_log_matches 0 hpa-report ARGS --issued issued_matching.csv two_stations.csv)

# formats for scripts: JSON Lines wherever records come out, the common options after a subcommand
hpa_tool_test(reduce_checks_jsonl 3 hpa-reduce ARGS ${RED}/sources.csv --totals ${RED}/totals.csv
  --exceptions ${RED}/exceptions.csv -f jsonl)
hpa_tool_test(reduce_findings_jsonl 3 hpa-reduce ARGS ${RED}/sources.csv --totals ${RED}/totals.csv -f jsonl --table findings)
hpa_tool_test(profile_list_csv 0 hpa-profile ARGS list -f csv)
hpa_tool_test(profile_list_json 0 hpa-profile ARGS list -f json)
hpa_tool_test(measures_tier3_jsonl 0 hpa-measures ARGS --tier III -f jsonl --lang en)
hpa_tool_test(watch_jsonl 3 hpa-watch ARGS -f jsonl watch_ahead48.csv)
set_tests_properties("tool: watch_jsonl" PROPERTIES ENVIRONMENT HPA_NOW=2023-12-01T21:00)


# inputs as they come: the progress line on a real terminal (script(1); not run without it)
add_test(NAME "tool: progress on a terminal only, never with -q or TERM=dumb" COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/progress.sh
  $<TARGET_FILE_DIR:hpa-aqi> ${CMAKE_CURRENT_SOURCE_DIR}/data ${CMAKE_CURRENT_BINARY_DIR}/progress)
set_tests_properties("tool: progress on a terminal only, never with -q or TERM=dumb" PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 60)
# several files are one input, each with its own header; files joined with cat; a daily file after an hourly one
hpa_tool_test(inputs_two_files 0 hpa-episodes ARGS two_stations_1.csv two_stations_2.csv)  # as episodes_two_stations
hpa_tool_test(inputs_two_files_daily 0 hpa-daily ARGS two_stations_1.csv two_stations_2.csv)
hpa_tool_test(inputs_joined_with_cat 0 hpa-episodes ARGS bad/joined_with_cat.csv)
hpa_tool_test(inputs_hourly_then_daily 1 hpa-episodes ARGS two_stations.csv example8_daily.csv)
hpa_tool_test(usage_inputs_stdin_twice 2 hpa-episodes STDIN two_stations.csv ARGS - -)
# timestamps in a layout (a spreadsheet's), in UTC (--tz), with their own offsets
hpa_tool_test(inputs_time_format 0 hpa-episodes ARGS --time-format "%Y/%m/%d %H:%M" two_stations_sheet.csv)
hpa_tool_test(inputs_time_format_mismatch 1 hpa-episodes ARGS --time-format "%Y/%m/%d %H:%M" two_stations.csv)
hpa_tool_test(usage_time_format_unknown 2 hpa-episodes ARGS --time-format "%Y/%q" two_stations.csv)
hpa_tool_test(inputs_tz_utc 0 hpa-episodes ARGS --tz UTC two_stations_utc.csv)
hpa_tool_test(inputs_offsets 0 hpa-episodes ARGS two_stations_offsets.csv)
hpa_tool_test(usage_tz_named 2 hpa-episodes ARGS --tz Asia/Shanghai two_stations.csv)
hpa_tool_test(inputs_tz_daily 1 hpa-episodes ARGS --tz UTC example8_daily.csv)
# no header: the columns given; a headerless file without them says how
hpa_tool_test(inputs_no_header 0 hpa-episodes ARGS --no-header --columns station,time,aqi two_stations_no_header.csv)
hpa_tool_test(usage_no_header_alone 2 hpa-episodes ARGS --no-header two_stations_no_header.csv)
hpa_tool_test(bad_headerless 1 hpa-episodes ARGS bad/headerless.csv)
# UTF-16 refused with the iconv command, as GBK is
hpa_tool_test(bad_utf16 1 hpa-episodes ARGS bad/utf16.csv)
hpa_tool_test(bad_utf16le_no_bom 1 hpa-level ARGS bad/utf16le_no_bom.csv)
hpa_tool_test(bad_utf16_concentrations 1 hpa-aqi ARGS bad/utf16.csv)
# no silent wrong answer: no AQI value and no concentration (the converted file before hpa-aqi);
# hpa-aqi with no concentration column; CO in µg/m³
hpa_tool_test(bad_no_aqi 1 hpa-episodes ARGS bad/no_aqi.csv)
hpa_tool_test(bad_no_aqi_level 1 hpa-level ARGS bad/no_aqi.csv)
hpa_tool_test(bad_no_concentrations 1 hpa-aqi ARGS bad/no_concentrations.csv)
hpa_tool_test(bad_co_in_ug 0 hpa-aqi ARGS bad/co_in_ug.csv)

# Concentrations straight to warnings; exact daily AQI (a window's mean is never rounded)
hpa_tool_test(aqi_daily_exact_means 0 hpa-aqi ARGS --daily --standard 2012 conc_round.csv)
# the deciding tools read concentrations; the profile's daily_aqi decides how the daily AQI is
# made: PM2.5 and PM10 peak in turns, so the mean of the hourly AQI (322.5) is red and the AQI of
# the 24 h means (179) orange
hpa_tool_test(episodes_conc_mean_of_hourly_aqi 0 hpa-episodes ARGS conc_methods.csv)
hpa_tool_test(episodes_conc_aqi_of_mean_concentration 0 hpa-episodes ARGS --profile profile_conc.json conc_methods.csv)
hpa_tool_test(episodes_conc_text 0 hpa-episodes ARGS -f text --profile profile_conc.json conc_methods.csv)
hpa_tool_test(episodes_conc_summary 0 hpa-episodes ARGS --summary conc_methods.csv)
hpa_tool_test(episodes_conc_ozone_advisory 0 hpa-episodes ARGS -f json conc_ozone.csv)
hpa_tool_test(episodes_conc_ozone_advisory_daily 0 hpa-episodes ARGS --profile profile_conc.json conc_ozone.csv)
hpa_tool_test(level_conc_mean_of_hourly_aqi 0 hpa-level ARGS conc_methods.csv)
hpa_tool_test(level_conc_aqi_of_mean_concentration 0 hpa-level ARGS -f text --profile profile_conc.json conc_methods.csv)
hpa_tool_test(watch_conc 3 hpa-watch ARGS --now 2023-12-03T12:00 conc_methods.csv)
hpa_tool_test(watch_conc_json 3 hpa-watch ARGS -f json --profile profile_conc.json --now 2023-12-03T12:00 conc_methods.csv)
hpa_tool_test(daily_conc 0 hpa-daily ARGS --profile profile_conc.json conc_methods.csv)
hpa_tool_test(stats_conc 0 hpa-stats ARGS --profile profile_conc.json conc_methods.csv)
hpa_tool_test(episodes_conc_repeat_differs 1 hpa-episodes ARGS bad/conc_repeat_differs.csv)
hpa_tool_test(episodes_conc_bad_value 1 hpa-episodes ARGS bad/conc_bad_value.csv)
hpa_tool_test(episodes_conc_exact 0 hpa-episodes ARGS --summary --profile profile_conc.json conc_round.csv)
add_test(NAME "tool: conc_pipe_convert_area_episodes" COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/conc_pipe.sh
  $<TARGET_FILE_DIR:hpa-area> ${CMAKE_CURRENT_SOURCE_DIR}/data ${CMAKE_CURRENT_SOURCE_DIR}/expected/conc_pipe_convert_area_episodes.out
  ${beijing_update})
# the city of Beijing straight from the UCI files, both winters (needs ../shared/data)
add_test(NAME "tool: conc_beijing_city_winters" COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/beijing_conc.sh
  $<TARGET_FILE_DIR:hpa-area> ${PROJECT_SOURCE_DIR}/../shared/data ${CMAKE_CURRENT_SOURCE_DIR}/expected/conc_beijing_city_winters.out
  ${PROJECT_SOURCE_DIR}/examples/beijing_sites.csv ${beijing_update})
set_tests_properties("tool: conc_beijing_city_winters" PROPERTIES LABELS shared SKIP_RETURN_CODE 77)
# the city's daily PM2.5 of December 2016 (hpa-area --daily-means) against the published daily
# city file, as close as the days made from its hourly series (needs ../shared/data)
add_test(NAME "tool: area_beijing_daily_pm25_2016_12" COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/beijing_daily.sh
  $<TARGET_FILE_DIR:hpa-area> ${PROJECT_SOURCE_DIR}/../shared/data
  ${CMAKE_CURRENT_SOURCE_DIR}/expected/area_beijing_daily_pm25_2016_12.out
  ${PROJECT_SOURCE_DIR}/examples/beijing_sites.csv ${beijing_update})
set_tests_properties("tool: area_beijing_daily_pm25_2016_12" PROPERTIES LABELS shared SKIP_RETURN_CODE 77)
# what a daily AQI stands on: the PM monitors down the first day, O3 alone carries it
hpa_tool_test(aqi_daily_basis 0 hpa-aqi ARGS --daily conc_o3_days.csv)
hpa_tool_test(stats_days_without_pm 0 hpa-stats ARGS -f text --profile profile_conc.json conc_o3_days.csv)
hpa_tool_test(stats_days_without_pm_hourly 0 hpa-stats ARGS conc_o3_days.csv)
hpa_tool_test(stats_days_without_pm_from_aqi 0 hpa-stats STDIN_ABS ${CMAKE_CURRENT_SOURCE_DIR}/expected/aqi_daily_basis.out ARGS -)
# hpa-watch --directives (§3.2.2(2), §3.2.3): a directive alone, above and below the rules, one
# that ends while the rules hold the level, one for another area, repeated runs, the replay
hpa_tool_test(watch_directive_alone 3 hpa-watch ARGS -f text --now 2023-11-28T20:00 --directives directives.csv
  two_stations.csv)
hpa_tool_test(watch_directive_state_first 3 hpa-watch ARGS -q --now 2023-11-28T20:00 --directives directives.csv
  --state ${CMAKE_CURRENT_BINARY_DIR}/w_dir_first.json two_stations.csv OUTFILE w_dir_first.json)
hpa_tool_test(watch_directive_state_second_run_no_change 0 hpa-watch ARGS -q --now 2023-11-28T20:00
  --directives directives.csv --state ${CMAKE_CURRENT_BINARY_DIR}/w_dir_second.json two_stations.csv
  OUTFILE w_dir_second.json BEFORE_FILE ${CMAKE_CURRENT_SOURCE_DIR}/expected/watch_directive_state_first.file
  AFTER UNCHANGED)
hpa_tool_test(watch_directive_above_rules 3 hpa-watch ARGS -f text --now 2023-12-07T06:00 --max-age 150
  --directives directives_watch_red.csv --state ${CMAKE_CURRENT_BINARY_DIR}/w_dir_red.json watch_ahead60.csv
  OUTFILE w_dir_red.json BEFORE_FILE watch_state_issued.json)
hpa_tool_test(watch_directive_below_rules 0 hpa-watch ARGS -f json --now 2023-12-07T06:00 --max-age 150
  --directives directives_watch_yellow.csv --state ${CMAKE_CURRENT_BINARY_DIR}/w_dir_yellow.json watch_ahead60.csv
  OUTFILE w_dir_yellow.json BEFORE_FILE watch_state_issued.json)
hpa_tool_test(watch_directive_ends_rules_hold 0 hpa-watch ARGS --now 2023-12-07T06:00 --max-age 150
  --directives directives_watch_ends.csv --state ${CMAKE_CURRENT_BINARY_DIR}/w_dir_ends.json watch_ahead60.csv
  OUTFILE w_dir_ends.json BEFORE_FILE watch_state_directive.json)
hpa_tool_test(watch_directive_other_area 3 hpa-watch ARGS -f jsonl --now 2023-12-01T20:00
  --directives directives_other_area.csv watch_ahead48.csv)
hpa_tool_test(watch_directive_replay 0 hpa-watch ARGS --replay .. --directives directives.csv two_stations.csv)
hpa_tool_test(watch_directive_replay_text 0 hpa-watch ARGS -q -f text --replay .. --directives directives.csv
  two_stations.csv)
hpa_tool_test(watch_directive_replay_summary 0 hpa-watch ARGS -q -f text --replay .. --summary
  --directives directives.csv two_stations.csv)
hpa_tool_test(usage_watch_directives_two_stdin 2 hpa-watch STDIN two_stations.csv ARGS --directives - -)

# hpa-watch --forecasts: the forecasts as issued, the latest by each hour (§3.2.2, RULES.md §9)
hpa_tool_test(watch_forecasts_now 3 hpa-watch ARGS --now 2023-12-01T08:00 --forecasts watch_forecasts.csv -f text
  watch_observed.csv)
hpa_tool_test(watch_forecasts_stale 0 hpa-watch ARGS --now 2023-12-02T08:00 --max-age 30 --forecasts watch_forecasts.csv
  -f text watch_observed.csv)
hpa_tool_test(watch_forecasts_replay 0 hpa-watch ARGS --replay .. --forecasts watch_forecasts.csv -f text
  watch_observed.csv)
hpa_tool_test(watch_forecasts_low_above_high 1 hpa-watch ARGS --forecasts bad/forecasts_low_above_high.csv
  watch_observed.csv)
hpa_tool_test(watch_forecasts_and_forecast_rows 1 hpa-watch ARGS --forecasts watch_forecasts.csv watch_ahead60.csv)
hpa_tool_test(usage_watch_forecasts_and_hours 2 hpa-watch ARGS --replay .. --forecast-hours 72
  --forecasts watch_forecasts.csv watch_observed.csv)
hpa_tool_test(watch_forecasts_winter_summary 0 hpa-watch ARGS --replay .. --forecasts
  ../../examples/winter-2023-forecasts.csv --summary -f text ../../examples/winter-2023.csv)
# hpa-watch on the rows hpa-episodes checks (station_table.hpp), in every mode: a gap of over a
# day (hourly, and two days of a daily feed) is said and decided on; a repeated row is dropped
# with a warning; two values for one hour and an hour out of order are errors naming file and
# line. Each row is checked as it is read (it once outlived its reader: a crash).
foreach(case "gap_over_a_day|2023-12-07T05:00|3" "daily_gap|2023-12-06T23:00|3" "dup_agree|2023-12-01T01:00|0"
    "dup_disagree|2023-12-01T01:00|1" "unsorted|2023-12-01T02:00|1")
  string(REPLACE "|" ";" case "${case}")
  list(GET case 0 data)
  list(GET case 1 now)
  list(GET case 2 code)
  hpa_tool_test(watch_rows_${data}_now ${code} hpa-watch ARGS -f text --now ${now} bad/${data}.csv)
  if(code EQUAL 1)
    set(after AFTER NONE)
  else()
    set(after "")
  endif()
  hpa_tool_test(watch_rows_${data}_state ${code} hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_rows_${data}.json
    bad/${data}.csv OUTFILE w_rows_${data}.json ${after})
  set_tests_properties("tool: watch_rows_${data}_state" PROPERTIES ENVIRONMENT HPA_NOW=${now})
  if(code EQUAL 3)
    set(code 0)
  endif()
  hpa_tool_test(watch_rows_${data}_replay ${code} hpa-watch ARGS -f text --replay .. bad/${data}.csv)
endforeach()

# hpa-watch -o naming the state or its lock: a usage error before anything is read or locked
# (links and hard links: output_targets.sh output_is_state)
hpa_tool_test(usage_watch_output_is_state 2 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_out_state.json
  -o ${CMAKE_CURRENT_BINARY_DIR}/w_out_state.json watch_ahead60.csv
  OUTFILE w_out_state.json BEFORE_FILE watch_state_issued.json AFTER UNCHANGED)
hpa_tool_test(usage_watch_output_is_state_dot 2 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_out_dot.json
  -o ${CMAKE_CURRENT_BINARY_DIR}/./w_out_dot.json watch_ahead60.csv
  OUTFILE w_out_dot.json BEFORE_FILE watch_state_issued.json AFTER UNCHANGED)
hpa_tool_test(usage_watch_output_is_lock 2 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_out_lock.json
  -o ${CMAKE_CURRENT_BINARY_DIR}/w_out_lock.json.lock watch_ahead60.csv
  OUTFILE w_out_lock.json BEFORE_FILE watch_state_issued.json AFTER UNCHANGED)

# hpa-watch --replay of a span that does not overlap the data: an error naming the data's span
# (after them it issued every warning thousands of hours late, before them it said nothing)
hpa_tool_test(watch_replay_after_data 1 hpa-watch ARGS --replay 2030-01-01..2030-01-02 watch_ahead60.csv)
hpa_tool_test(watch_replay_before_data 1 hpa-watch ARGS --replay 2020-01-01..2020-01-02 watch_ahead60.csv)
hpa_tool_test(watch_replay_from_after_data 1 hpa-watch ARGS --replay 2030-01-01.. watch_ahead60.csv)

# hpa-watch: a decision hour before the state's last decision of a station is an error, nothing
# written (a run at an earlier --now lifted what a later one had issued)
hpa_tool_test(watch_now_before_state 1 hpa-watch ARGS -f text --now 2023-12-01T06:00
  --state ${CMAKE_CURRENT_BINARY_DIR}/w_back.json watch_ahead60.csv
  OUTFILE w_back.json BEFORE_FILE watch_state_issued.json AFTER UNCHANGED)
hpa_tool_test(watch_data_before_state 1 hpa-watch ARGS -f text --state ${CMAKE_CURRENT_BINARY_DIR}/w_back_data.json
  watch_ahead60.csv OUTFILE w_back_data.json BEFORE_FILE watch_state_later.json AFTER UNCHANGED)
set_tests_properties("tool: watch_data_before_state" PROPERTIES ENVIRONMENT HPA_NOW=2023-12-01T09:00)

# hpa-watch --forget of a station this run decides: an error, nothing written (it was re-issued
# at once); with --station leaving it out, it is forgotten
hpa_tool_test(watch_forget_in_input 1 hpa-watch ARGS --forget S --state ${CMAKE_CURRENT_BINARY_DIR}/w_forget_in.json
  watch_ahead60.csv OUTFILE w_forget_in.json BEFORE_FILE watch_state_issued.json AFTER UNCHANGED)
hpa_tool_test(watch_forget_left_out 3 hpa-watch ARGS --forget A --station B
  --state ${CMAKE_CURRENT_BINARY_DIR}/w_forget_out.json two_stations.csv
  OUTFILE w_forget_out.json BEFORE_FILE watch_state_two.json)
set_tests_properties("tool: watch_forget_in_input" PROPERTIES ENVIRONMENT HPA_NOW=2023-12-01T09:00)
set_tests_properties("tool: watch_forget_left_out" PROPERTIES ENVIRONMENT HPA_NOW=2023-12-04T05:00)

# directives that overlap: one received later supersedes the earlier from its start (red issued
# for 12-01, then yellow received from 11-30T18:00: yellow issued and the red announced as not
# coming, no more yellow beside red); one received at or after its end: ignored with a warning
hpa_tool_test(watch_directives_overlap_first 3 hpa-watch ARGS -q -f text --now 2023-11-30T10:00
  --directives directives_overlap.csv --state ${CMAKE_CURRENT_BINARY_DIR}/w_overlap1.json watch_clean.csv
  OUTFILE w_overlap1.json)
hpa_tool_test(watch_directives_overlap_second 3 hpa-watch ARGS -q -f text --now 2023-11-30T15:00
  --directives directives_overlap.csv --state ${CMAKE_CURRENT_BINARY_DIR}/w_overlap2.json watch_clean.csv
  OUTFILE w_overlap2.json BEFORE_FILE ${CMAKE_CURRENT_SOURCE_DIR}/expected/watch_directives_overlap_first.file)
hpa_tool_test(watch_directives_late 0 hpa-watch ARGS -f text --now 2023-12-04T00:00
  --directives directives_late.csv watch_clean.csv)
hpa_tool_test(episodes_directives_late 0 hpa-episodes ARGS -f text --directives directives_late.csv watch_clean.csv)
