# hpa-report: the assessment after the episode (§5)
hpa_tool_test(report_with_log 3 hpa-report ARGS --issued issued_log.csv two_stations.csv)
hpa_tool_test(report_pending 0 hpa-report ARGS single_pending.csv)
hpa_tool_test(report_bad_log 1 hpa-report ARGS --issued two_stations.csv two_stations.csv)

# directives from above (§3.2.2(2), §3.2.3): --directives
hpa_tool_test(report_directives 3 hpa-report ARGS -q --directives directives.csv --issued issued_log.csv two_stations.csv)
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

# hpa-convert's daily output read by every tool that reads a series: no word about its columns
hpa_tool_test(report_daily_city_quiet 0 hpa-report ARGS daily_city_converted.csv)

# the output filters, the same in every deciding tool: --station, --since, --until, --level
hpa_tool_test(report_station_matches 0 hpa-report ARGS --issued issued_log.csv --station A two_stations.csv)
hpa_tool_test(report_level_orange 3 hpa-report ARGS --issued issued_log.csv --level orange two_stations.csv)
hpa_tool_test(report_window_empty 0 hpa-report ARGS --issued issued_log.csv --station A --since 2023-12-03 two_stations.csv)

# hpa-report's exit code, like diff's: 0 when the log matches the rules, 3 when it does not
hpa_tool_test(report_log_matches 0 hpa-report ARGS --issued issued_matching.csv two_stations.csv)
