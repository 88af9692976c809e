#pragma once
// The timelines hpa-watch decides on: an AQI input (aqi_csv.hpp) read into one timeline per
// station, each a list of (hour, value) points in time order. Every row passes the station
// table's checks as it is read, as in hpa-episodes (station_table.hpp: an hour out of order or
// two values for one hour is an error naming file and line, a repeated row is dropped with a
// warning, a gap of over a day is said), and nothing of a row outlives the reader but its point.
// To decide at one hour, each station may keep only the tail of its points a decision can still
// look at (timeline_tail.hpp): memory bounded by the stations and their warnings, not the input.

#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "hpa/final_conditions.hpp"
#include "hpa/io/fields.hpp"
#include "hpa/pipeline.hpp"
#include "hpa/profile.hpp"
#include "hpa/time.hpp"

namespace hpa::io {

/// One station's timeline: its points in time order (an hour the cause gate excludes is a
/// missing value) and its last observed hour.
struct station_timeline {
  std::string name;
  std::vector<timeline_point> points;
  std::optional<hour_t> last_observed;  ///< the last hour an observed (not forecast) row covers
  /// With timeline_options::tail, when points were dropped: a decision on `points` is the one on
  /// all of them while its hour and the start of the warning it holds are at or after this hour.
  std::optional<hour_t> exact_from;
};

/// How to read a timeline.
struct timeline_options {
  /// The decision hour, when known before reading: observed rows after it are not yet observed
  /// then and are left out (counted in `after_now`); their rows are checked all the same.
  std::optional<hour_t> now;
  /// Keep of each station only the points a decision at `now` (or, without it, at the input's
  /// last observed hour) can look at: timeline_tail, bounded by `warning_starts`.
  bool tail = false;
  /// With `tail`: the start of the warning each station holds (a state's), by station name.
  std::map<std::string, hour_t, std::less<>> warning_starts;
};

/// Every station of an input.
struct timeline {
  std::string source;
  series_kind kind = series_kind::hourly;
  hour_t row_hours = 0;                    ///< a row covers [hour, hour + row_hours]: 23 for a calendar day
  std::optional<daily_aqi_method> method;  ///< from concentrations: how the daily AQI is made
  std::optional<hour_t> last_observed;     ///< over every observed row, those after `now` too
  std::vector<station_timeline> stations;  ///< every station with a row, sorted by name (byte order)
  std::uint64_t forecast_rows = 0;         ///< rows marked forecast
  std::uint64_t after_now = 0;             ///< observed rows left out as after `now`
};

/// Reads an AQI input (a stream, or an input_chain of files) into timelines; `source` names it
/// in messages. Throws hpa::error on a bad row, as the reader and the station table do.
timeline read_timeline(std::istream& in, const std::string& source, const profile& p, const timeline_options& o = {},
                       const warn_fn& warn = {}, std::span<const std::string> quiet_columns = {});

}  // namespace hpa::io
