# hpa-level
hpa_tool_test(level_last_hour 0 hpa-level ARGS two_stations.csv)
hpa_tool_test(level_at 0 hpa-level ARGS --at 2023-12-01T12:00 -f text two_stations.csv)
hpa_tool_test(level_at_json 0 hpa-level ARGS --at 2023-12-02T00:00 -f json example8_daily.csv)
hpa_tool_test(level_pending 0 hpa-level ARGS single_pending.csv)
hpa_tool_test(usage_bad_at 2 hpa-level ARGS --at yesterday two_stations.csv)

# hpa-convert's daily output read by every tool that reads a series: no word about its columns
hpa_tool_test(level_daily_city_quiet 0 hpa-level ARGS daily_city_converted.csv)

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

# UTF-16 without its byte-order mark refused; no silent wrong answer: no AQI value and no concentration
hpa_tool_test(bad_utf16le_no_bom 1 hpa-level ARGS bad/utf16le_no_bom.csv)
hpa_tool_test(bad_no_aqi_level 1 hpa-level ARGS bad/no_aqi.csv)

# concentrations straight to levels (hpa-episodes.cmake says how the profile makes the daily AQI)
hpa_tool_test(level_conc_mean_of_hourly_aqi 0 hpa-level ARGS conc_methods.csv)
hpa_tool_test(level_conc_aqi_of_mean_concentration 0 hpa-level ARGS -f text --profile profile_conc.json conc_methods.csv)
