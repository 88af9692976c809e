#pragma once
// The pictures' input read from an AQI CSV (what hpa-episodes reads), through the same station
// pipelines: station_hours for a timeline, station_days for a calendar or an overview.

#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/national.hpp"
#include "hpa/io/station_reader.hpp"
#include "hpa/plot/plot.hpp"
#include "hpa/profile.hpp"

namespace hpa::plot {

/// Which stations to keep: every one when `names` is empty, else those named, in that order.
struct selection {
  std::vector<std::string> names;
  bool wants(std::string_view name) const;
};

/// Reads every station of `in` (the rules need them whole) and keeps the hours of `keep` (all
/// without it) of the stations selected, by name or in the order named. More than `max_stations`
/// selected is an error as soon as the next one appears, and so is a name that is not in the
/// input. Memory: the hours kept. `quiet_columns` as aqi_reader takes them.
std::vector<station_hours> read_hours(std::istream& in, const std::string& source, const profile& p,
                                      const selection& which, std::optional<period> keep, std::size_t max_stations,
                                      io::warn_fn warn = {}, std::span<const std::string> quiet_columns = {});

/// Reads hpa's long hourly concentrations (station,time,pm25,pm10,so2,no2,co,o3, as hpa-convert
/// writes them) into one series of `what` per station selected, the hours of `keep` kept (all
/// without it), HJ 663's daily values beside them. Rows must come by station and time; more than
/// `max_stations` selected, or a name not in the input, is an error.
std::vector<station_series> read_concentration_series(std::istream& in, const std::string& source, pollutant what,
                                                      const selection& which, std::optional<period> keep,
                                                      std::size_t max_stations, io::warn_fn warn = {});

/// Reads the online decisions that hpa-watch --replay writes, one action a record: a CSV with at
/// least station, decided_at (or hpa-watch's `now`: the decision hour), action and to (the level
/// the action moves to, "none" after a lift), and from and effective where present; any other
/// column is ignored. Records of no action (`none` or empty) and repeated header lines (logs
/// appended run after run) are skipped. Throws hpa::error naming source, line and column.
std::vector<decision_mark> read_decisions(std::istream& in, const std::string& source, const profile& p);

/// Reads every station as read_stations() does (on several cores for a file grouped by
/// station) into a few bytes per station and day, and returns those selected.
std::vector<station_days> read_days(const io::read_options& o, const profile& p, const selection& which,
                                    std::optional<period> keep);

}  // namespace hpa::plot
