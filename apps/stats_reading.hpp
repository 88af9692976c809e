#pragma once
// What hpa-stats counts, per station and period, read once for every tool that shows it: hpa-stats
// writes it as records, hpa-report --season as the season report's tables.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "hpa/stats.hpp"
#include "tool.hpp"

namespace hpa::tool {

// Everything hpa-stats keeps of one station: its periods, and the calendar day being built from
// its hours.
struct station_data {
  explicit station_data(const station_stats& empty) : stats(empty) {}
  station_stats stats;
  daily_mean aqi_days;  // hourly AQI → calendar days
  bool any_aqi = false;
  hour_t last_aqi = 0;  // the last hour fed: a repeated row (the table warns of it) is skipped
  daily_concentrations conc_days;
  bool any_conc = false;
  hour_t last_conc = 0;
  std::uint64_t last_conc_line = 0;
};

class station_index {
 public:
  explicit station_index(station_stats empty) : empty_(std::move(empty)) {}
  station_data& at(std::string_view name) {
    if (last_ && last_name_ == name) return *last_;
    auto [it, fresh] = map_.try_emplace(std::string(name));
    if (fresh) it->second = std::make_unique<station_data>(empty_);
    last_name_ = it->first;
    return *(last_ = it->second.get());
  }
  /// The stations by name (byte order).
  std::vector<std::pair<std::string, station_data*>> sorted() const {
    std::vector<std::pair<std::string, station_data*>> v;
    for (const auto& [name, d] : map_) v.emplace_back(name, d.get());
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return v;
  }
  bool basis = false;  ///< some value said what its daily AQI stands on (days_without_pm)

 private:
  station_stats empty_;
  std::unordered_map<std::string, std::unique_ptr<station_data>> map_;
  std::string last_name_;
  station_data* last_ = nullptr;
};

/// One station's statistics of one period, the days cut to the window of --since/--until.
struct stats_row {
  std::string station;
  std::string label;
  period span;
  const period_stats& s;
  std::optional<bool> complete;  ///< HJ 663's data capture; empty with no concentrations read
};

/// Reads the AQI input `in` into `stations`: each calendar day's AQI and the warnings in force,
/// within the window of the tool's filters; a --station that names none of the input is an error.
void read_statistics(const context& cx, input& in, const profile& p, station_index& stations);
/// Reads hpa's long hourly concentrations at `path` into `stations`: HJ 663's daily values.
void read_concentration_statistics(const context& cx, const std::string& path, station_index& stations);
/// The rows of the stations kept by the filters, by station and period.
std::vector<stats_row> stats_rows(const station_index& stations, const profile& p, bool concentrations,
                                  const filter& keep);

}  // namespace hpa::tool
