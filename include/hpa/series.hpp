#pragma once
// One call for a series held in memory: the daily AQI, the condition levels and the warning
// episodes of an hourly AQI series, for a program that does not stream. Each is the pipeline of
// pipeline.hpp run over the series.

#include <span>
#include <vector>

#include "hpa/episodes.hpp"
#include "hpa/levels.hpp"
#include "hpa/pipeline.hpp"
#include "hpa/profile.hpp"
#include "hpa/rolling.hpp"
#include "hpa/time.hpp"

namespace hpa {

/// The daily AQI of each hour of an hourly AQI series (NaN = missing): the mean over the
/// profile's window (24 h) ending at it, NaN while fewer than `min_valid_hours` have a value
/// (§3.2.1).
inline std::vector<double> daily_aqi(std::span<const double> hourly_aqi, const profile& p) {
  return daily_aqi(hourly_aqi, p.window_hours, p.min_valid_hours);
}

/// The condition level of each hour of an hourly AQI series starting at hour `first` (0 = none,
/// else an index into p.levels + 1; §3.2.1).
inline std::vector<level_t> levels(std::span<const double> hourly_aqi, hour_t first, const profile& p) {
  std::vector<level_t> out;
  out.reserve(hourly_aqi.size());
  for (const auto& c : condition_levels(daily_aqi(hourly_aqi, p), first, p)) out.push_back(c.level);
  return out;
}

/// The warning episodes of an hourly AQI series starting at hour `first` (§3.2.1-§3.2.4), with
/// their peak, lowest and mean daily AQI and the rule that fired.
inline std::vector<episode> episodes(std::span<const double> hourly_aqi, hour_t first, const profile& p) {
  struct collect : station_sink {
    std::vector<episode> out;
    void on_episode(const episode& e) { out.push_back(e); }
  } sink;
  const rule_set rules(p);
  station_pipeline<collect> pipe(p, rules, first, series_kind::hourly);
  for (std::size_t i = 0; i < hourly_aqi.size(); ++i) pipe.push(first + static_cast<hour_t>(i), hourly_aqi[i], sink);
  pipe.finish(sink);
  return std::move(sink.out);
}

}  // namespace hpa
