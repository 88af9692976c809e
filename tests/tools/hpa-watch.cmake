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

# hpa-convert's daily output read by every tool that reads a series: no word about its columns
hpa_tool_test(watch_daily_city_quiet 3 hpa-watch ARGS --now 2016-12-17T23:00 daily_city_converted.csv)

# text that is not UTF-8 (as hpa-episodes.cmake's bad_utf8_*): refused at the reader, before stdout, so the state is
# never left behind the output
hpa_tool_test(watch_utf8_surrogate 1 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_utf8.json bad/utf8_surrogate.csv
  OUTFILE w_utf8.json BEFORE_FILE watch_state_issued.json AFTER UNCHANGED)

# a state nested 100,000 deep (common.cmake makes it): refused at parse; the file stays
hpa_tool_test(watch_state_deep 1 hpa-watch ARGS --state ${CMAKE_CURRENT_BINARY_DIR}/w_deep.json watch_ahead60.csv
  OUTFILE w_deep.json BEFORE_FILE ${deep}_state.json AFTER UNCHANGED)

# The tools' clock for the cases above that decide at the file's last observed hour, an hour later
foreach(t watch_issue_on_time watch_issue_not_yet_due watch_issue_late watch_override watch_upgrade watch_state_first
    watch_state_second_run_no_change watch_state_damaged watch_state_foreign watch_announce_with_issue
    watch_announce_second_run_no_change watch_no_observed watch_utf8_surrogate watch_state_deep)
  set_tests_properties("tool: ${t}" PROPERTIES ENVIRONMENT HPA_NOW=2023-12-01T09:00)
endforeach()

# hpa-watch under cron: the clock, stale and absent stations, the state's place, its lock, the
# order of state and output, the crontab line of README.md and docs/hpa-watch.md; and --replay over a season
# (exit 4: another run holds the state's lock with --no-wait; 5: a station stale or absent)
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
# Announcements are promises (RULES.md §9): the replay with the forecasts as issued, the bundled
# winter's and (label shared) the Beijing winter's, checked row by row by tests/watch_promises.py
foreach(winter bundled beijing)
  set(name "tool: watch replay with the forecasts as issued keeps its promises (${winter} winter)")
  add_test(NAME ${name} COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/watch_promises.sh ${winter}
    $<TARGET_FILE_DIR:hpa-watch> ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/watch_promises_${winter})
  set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
endforeach()
set_tests_properties("tool: watch replay with the forecasts as issued keeps its promises (beijing winter)"
  PROPERTIES LABELS shared)

# the output filters, the same in every deciding tool: --station, --since, --until, --level
hpa_tool_test(watch_station 3 hpa-watch ARGS -f text --station S watch_ahead48.csv)
set_tests_properties("tool: watch_station" PROPERTIES ENVIRONMENT HPA_NOW=2023-12-01T09:00)
hpa_tool_test(watch_unknown_station 1 hpa-watch ARGS --station T watch_ahead60.csv)

# formats for scripts: JSON Lines wherever records come out, the common options after a subcommand
hpa_tool_test(watch_jsonl 3 hpa-watch ARGS -f jsonl watch_ahead48.csv)
set_tests_properties("tool: watch_jsonl" PROPERTIES ENVIRONMENT HPA_NOW=2023-12-01T21:00)

# concentrations straight to warnings (hpa-episodes.cmake says how the profile makes the daily AQI)
hpa_tool_test(watch_conc 3 hpa-watch ARGS --now 2023-12-03T12:00 conc_methods.csv)
hpa_tool_test(watch_conc_json 3 hpa-watch ARGS -f json --profile profile_conc.json --now 2023-12-03T12:00 conc_methods.csv)
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
# a day's forecast in a rolling feed: the 14 h up to its value are read on the line from the last
# observed hour (250) to it (120); taken for clean air, they had the orange issued now announced
# lifted an hour later
hpa_tool_test(watch_forecasts_rolling 3 hpa-watch ARGS --now 2023-12-02T09:00 --forecasts watch_rolling_forecasts.csv
  -f text watch_rolling_observed.csv)
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
