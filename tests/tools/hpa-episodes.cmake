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

# episodes name their profile and the notices follow it: a blue warning under mee-2017 (24 h
# ahead; it lists no measures, and the notice says so): hpa-notice reads these outputs
# (tests/expected/episodes_*_json.out, hpa-notice.cmake)
hpa_tool_test(episodes_mee2017_blue_json 0 hpa-episodes ARGS --profile mee-2017 -f json blue_day.csv)
hpa_tool_test(episodes_profile_file_json 0 hpa-episodes ARGS --profile profile_ok.json -f json two_stations.csv)

# directives from above (§3.2.2(2), §3.2.3): --directives
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
# a directive and a station named to break Markdown (hpa-notice.cmake reads this output)
hpa_tool_test(episodes_hostile_directives_json 0 hpa-episodes ARGS -f json --directives hostile_directives.csv
  hostile_station.csv)
# the replay of 平顶山 and 豫气攻坚办〔2016〕153号 in docs/hpa-episodes.md and docs/hpa-watch.md, with
# hpa-convert and hpa-report (needs ../shared/data; skipped without it)
add_test(NAME "tool: directives_pingdingshan_2016" COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/directives_pingdingshan.sh
  $<TARGET_FILE_DIR:hpa-episodes> ${PROJECT_SOURCE_DIR}/../shared/data ${PROJECT_SOURCE_DIR}/examples
  ${CMAKE_CURRENT_SOURCE_DIR}/expected/directives_pingdingshan_2016.out ${script_update})
set_tests_properties("tool: directives_pingdingshan_2016" PROPERTIES LABELS shared SKIP_RETURN_CODE 77)

# a daily AQI column of the national files
hpa_tool_test(episodes_from_daily_aqi_column 0 hpa-episodes ARGS conc_daily.csv)

# the bad-input corpus (tests/data/bad/): one file per class, each with its defined behaviour
hpa_tool_test(bad_inf_text 1 hpa-episodes ARGS bad/inf_text.csv)
hpa_tool_test(bad_hour_25 1 hpa-episodes ARGS bad/hour_25.csv)
hpa_tool_test(bad_gap_over_a_day 0 hpa-episodes ARGS bad/gap_over_a_day.csv)
# a line of 10 MiB (made here, not stored)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/long_line.csv "station,time,aqi\n")
string(REPEAT "x" 10485760 ten_mib)
file(APPEND ${CMAKE_CURRENT_BINARY_DIR}/long_line.csv "${ten_mib},2023-12-01T00:00,1\n")
hpa_tool_test(bad_10_mib_line 1 hpa-episodes STDIN_ABS ${CMAKE_CURRENT_BINARY_DIR}/long_line.csv ARGS -)

# hpa-convert's daily output read by every tool that reads a series: no word about its columns
hpa_tool_test(episodes_daily_city_quiet 0 hpa-episodes ARGS daily_city_converted.csv)

# the Beijing plan in force on 2015-12-08 (--as-of)
hpa_tool_test(episodes_as_of_beijing_2015 0 hpa-episodes ARGS --as-of 2015-12-08 --profile beijing-2023 -f text example8_daily.csv)

# a directory as the input or the output (other targets of -o: common.cmake's "output to" tests)
hpa_tool_test(input_is_directory 1 hpa-episodes ARGS bad)
hpa_tool_test(output_is_directory 1 hpa-episodes ARGS -o bad two_stations.csv)

# text that is not UTF-8 (overlong, a surrogate, beyond U+10FFFF) and binary input: errors with
# the place, bytes escaped (\x1f\x8b), never echoed raw
foreach(bad utf8_overlong utf8_surrogate utf8_above_10ffff)
  hpa_tool_test(bad_${bad} 1 hpa-episodes ARGS -f json bad/${bad}.csv)
endforeach()
hpa_tool_test(bad_gzip 1 hpa-episodes ARGS bad/gzip.csv.gz)
hpa_tool_test(bad_xlsx 1 hpa-episodes ARGS bad/sheet.xlsx)

# a profile nested 100,000 deep (common.cmake makes it): refused at parse; the file stays
hpa_tool_test(episodes_profile_deep 1 hpa-episodes ARGS --profile ${CMAKE_CURRENT_BINARY_DIR}/deep_b.json two_stations.csv
  OUTFILE deep_b.json BEFORE_FILE ${deep}_profile.json AFTER UNCHANGED)
# a year 0000
hpa_tool_test(bad_year_0000 1 hpa-episodes ARGS bad/year_0000.csv)

# a profile hpa-profile check refuses (hpa-profile.cmake): the same number printed as a rule's hours, a lead time:
# bounded, so the output is never garbage
hpa_tool_test(episodes_lead_int_max 1 hpa-episodes ARGS --profile bad/profile_lead_int_max.json example8_daily.csv)
# a directory as the profile
hpa_tool_test(profile_is_directory 1 hpa-episodes ARGS --profile bad two_stations.csv)

# the output filters, the same in every deciding tool: --station, --since, --until, --level
hpa_tool_test(episodes_station 0 hpa-episodes ARGS --station B two_stations.csv)
hpa_tool_test(episodes_window_keeps_whole 0 hpa-episodes ARGS --since 2023-12-02T06:00 two_stations.csv)
hpa_tool_test(episodes_level_jsonl 0 hpa-episodes ARGS --level orange -f jsonl two_stations.csv)
hpa_tool_test(episodes_summary_window 0 hpa-episodes ARGS --summary --since 2023-12-01 --until 2023-12-01 two_stations.csv)
hpa_tool_test(episodes_window_empty 0 hpa-episodes ARGS -f text --until 2023-11-27 two_stations.csv)
hpa_tool_test(episodes_unknown_station 1 hpa-episodes ARGS --station A --station Z two_stations.csv)
hpa_tool_test(usage_episodes_bad_until 2 hpa-episodes ARGS --until 2023-12-32 two_stations.csv)
hpa_tool_test(usage_episodes_until_before_since 2 hpa-episodes ARGS --since 2023-12-02 --until 2023-12-01 two_stations.csv)

# inputs as they come (the progress line: common.cmake): several files are one input, each with its own header;
# files joined with cat; a daily file after an hourly one
hpa_tool_test(inputs_two_files 0 hpa-episodes ARGS two_stations_1.csv two_stations_2.csv)  # as episodes_two_stations
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
# no silent wrong answer: no AQI value and no concentration (the converted file before hpa-aqi);
# hpa-aqi with no concentration column; CO in µg/m³
hpa_tool_test(bad_no_aqi 1 hpa-episodes ARGS bad/no_aqi.csv)

# Concentrations straight to warnings; exact daily AQI (a window's mean is never rounded)
# the deciding tools read concentrations; the profile's daily_aqi decides how the daily AQI is
# made: PM2.5 and PM10 peak in turns, so the mean of the hourly AQI (322.5) is red and the AQI of
# the 24 h means (179) orange
hpa_tool_test(episodes_conc_mean_of_hourly_aqi 0 hpa-episodes ARGS conc_methods.csv)
hpa_tool_test(episodes_conc_aqi_of_mean_concentration 0 hpa-episodes ARGS --profile profile_conc.json conc_methods.csv)
hpa_tool_test(episodes_conc_text 0 hpa-episodes ARGS -f text --profile profile_conc.json conc_methods.csv)
hpa_tool_test(episodes_conc_summary 0 hpa-episodes ARGS --summary conc_methods.csv)
hpa_tool_test(episodes_conc_ozone_advisory 0 hpa-episodes ARGS -f json conc_ozone.csv)
hpa_tool_test(episodes_conc_ozone_advisory_daily 0 hpa-episodes ARGS --profile profile_conc.json conc_ozone.csv)
hpa_tool_test(episodes_conc_repeat_differs 1 hpa-episodes ARGS bad/conc_repeat_differs.csv)
hpa_tool_test(episodes_conc_bad_value 1 hpa-episodes ARGS bad/conc_bad_value.csv)
hpa_tool_test(episodes_conc_exact 0 hpa-episodes ARGS --summary --profile profile_conc.json conc_round.csv)
# hpa-convert | hpa-area | hpa-episodes, and the direct reading gives what the pipe through hpa-aqi --daily gives
add_test(NAME "tool: conc_pipe_convert_area_episodes" COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/conc_pipe.sh
  $<TARGET_FILE_DIR:hpa-area> ${CMAKE_CURRENT_SOURCE_DIR}/data ${CMAKE_CURRENT_SOURCE_DIR}/expected/conc_pipe_convert_area_episodes.out
  ${script_update})
# the city of Beijing straight from the UCI files, both winters (needs ../shared/data)
add_test(NAME "tool: conc_beijing_city_winters" COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/beijing_conc.sh
  $<TARGET_FILE_DIR:hpa-area> ${PROJECT_SOURCE_DIR}/../shared/data ${CMAKE_CURRENT_SOURCE_DIR}/expected/conc_beijing_city_winters.out
  ${PROJECT_SOURCE_DIR}/examples/beijing_sites.csv ${script_update})
set_tests_properties("tool: conc_beijing_city_winters" PROPERTIES LABELS shared SKIP_RETURN_CODE 77)

# a directive received at or after its end: ignored with a warning (as hpa-watch's watch_directives_late)
hpa_tool_test(episodes_directives_late 0 hpa-episodes ARGS -f text --directives directives_late.csv watch_clean.csv)
