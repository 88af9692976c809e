# hpa-profile
hpa_tool_test(profile_list 0 hpa-profile ARGS list)
hpa_tool_test(profile_show 0 hpa-profile ARGS show mee-2017)
hpa_tool_test(profile_check_ok 0 hpa-profile ARGS check profile_ok.json)
foreach(bad profile_bad_type profile_30h profile_unknown_key profile_syntax
    profile_extends_unnamed)
  hpa_tool_test(profile_check_${bad} 1 hpa-profile ARGS check bad/${bad}.json)
endforeach()
hpa_tool_test(profile_usage 2 hpa-profile ARGS frobnicate)
hpa_tool_test(profile_show_unknown 2 hpa-profile ARGS show atlantis)

# a profile nested 100,000 deep (common.cmake makes it): refused at parse; the file stays
hpa_tool_test(profile_check_deep 1 hpa-profile ARGS check ${CMAKE_CURRENT_BINARY_DIR}/deep_a.json
  OUTFILE deep_a.json BEFORE_FILE ${deep}_profile.json AFTER UNCHANGED)
# a wrong value of 200,000 elements: the message quotes its start, not 600 kB
string(REPEAT "0," 199999 zeros)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/long_value_profile.json "{\"extends\": \"pingdingshan-2023\", \"lead_hours\": [${zeros}0]}\n")
hpa_tool_test(profile_check_long_value 1 hpa-profile ARGS check ${CMAKE_CURRENT_BINARY_DIR}/long_value.json
  OUTFILE long_value.json BEFORE_FILE ${CMAKE_CURRENT_BINARY_DIR}/long_value_profile.json AFTER UNCHANGED)

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

# formats for scripts: JSON Lines wherever records come out, the common options after a subcommand
hpa_tool_test(profile_list_csv 0 hpa-profile ARGS list -f csv)
hpa_tool_test(profile_list_json 0 hpa-profile ARGS list -f json)
