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

# an emission list nested 100,000 deep (common.cmake makes it): refused at parse; the file stays
hpa_tool_test(reduce_json_deep 1 hpa-reduce ARGS ${CMAKE_CURRENT_BINARY_DIR}/r_deep.json
  OUTFILE r_deep.json BEFORE_FILE ${deep}_reduction.json AFTER UNCHANGED)

# formats for scripts: JSON Lines wherever records come out
hpa_tool_test(reduce_checks_jsonl 3 hpa-reduce ARGS ${RED}/sources.csv --totals ${RED}/totals.csv
  --exceptions ${RED}/exceptions.csv -f jsonl)
hpa_tool_test(reduce_findings_jsonl 3 hpa-reduce ARGS ${RED}/sources.csv --totals ${RED}/totals.csv -f jsonl --table findings)
