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

# formats for scripts: JSON Lines wherever records come out
hpa_tool_test(measures_tier3_jsonl 0 hpa-measures ARGS --tier III -f jsonl --lang en)
