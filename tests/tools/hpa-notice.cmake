# hpa-notice
hpa_tool_test(notice_zh_markdown 0 hpa-notice ARGS --area 平顶山市 example8_episodes.json)
hpa_tool_test(notice_en_text_stdin 0 hpa-notice STDIN example8_episodes.json ARGS --lang en -f text --kind lift)
hpa_tool_test(notice_withheld_gets_none 0 hpa-notice ARGS dust_episodes.json)
hpa_tool_test(notice_bad_json 1 hpa-notice ARGS two_stations.csv)
# episodes name their profile and the notices follow it: a blue warning under mee-2017 (24 h
# ahead; it lists no measures, and the notice says so), from hpa-episodes.cmake's episodes_mee2017_blue_json
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
# a profile file (hpa-episodes.cmake's episodes_profile_file_json)
set(file_episodes ${CMAKE_CURRENT_SOURCE_DIR}/expected/episodes_profile_file_json.out)
hpa_tool_test(notice_file_profile_needs_its_file 1 hpa-notice STDIN_ABS ${file_episodes})
hpa_tool_test(notice_file_profile_given 0 hpa-notice STDIN_ABS ${file_episodes}
  ARGS --profile profile_ok.json --kind issue --lang en -f text)

# directives from above (§3.2.2(2), §3.2.3), in hpa-episodes.cmake's episodes_directives_json
hpa_tool_test(notice_directives 0 hpa-notice STDIN_ABS ${CMAKE_CURRENT_SOURCE_DIR}/expected/episodes_directives_json.out
  ARGS -f text)
hpa_tool_test(notice_directives_en 0 hpa-notice STDIN_ABS ${CMAKE_CURRENT_SOURCE_DIR}/expected/episodes_directives_json.out
  ARGS --lang en -f text --kind all)
# hand-edited episodes with hours or daily AQI figures no run writes: refused, naming the file and the field
hpa_tool_test(notice_end_before_start 1 hpa-notice ARGS bad/episode_end_before_start.json)
hpa_tool_test(notice_aqi_range_open 1 hpa-notice ARGS bad/episode_aqi_range_open.json)
# input text in Markdown is text: no HTML, heading, link, code or table cell of its own (a station
# name, a document number, --authority)
hpa_tool_test(notice_hostile_directives 0 hpa-notice
  STDIN_ABS ${CMAKE_CURRENT_SOURCE_DIR}/expected/episodes_hostile_directives_json.out ARGS --lang en)
hpa_tool_test(notice_hostile_names 0 hpa-notice ARGS --kind issue --authority "<b>office</b> [x](javascript:alert(1))"
  hostile_episodes.json)
