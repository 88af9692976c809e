#pragma once
// Small builders shared by the rule tests: the series of RULES.md §8.

#include <map>
#include <utility>
#include <vector>

#include "hpa/hpa.hpp"

namespace hpa::test {

/// Collects everything a pipeline reports.
struct collect : station_sink {
  std::vector<std::pair<hour_t, hour_condition>> hours;
  std::vector<episode> episodes;
  void on_hour(hour_t h, double, const hour_condition& c) { hours.emplace_back(h, c); }
  void on_episode(const episode& e) { episodes.push_back(e); }
};

/// RULES.md §8 daily examples: days -3 … 10, listed days as given, the rest 100.
inline collect run_days(const std::map<int, double>& days, const profile& p = pingdingshan_2023()) {
  rule_set rules(p);
  collect out;
  station_pipeline<collect> pipe(p, rules, -72, series_kind::daily);
  for (int d = -3; d <= 10; ++d) {
    auto it = days.find(d);
    pipe.push(hour_t{d} * 24, it == days.end() ? 100.0 : it->second, out);
  }
  pipe.finish(out);
  return out;
}

/// A condition-level series from runs: {level, from, to}, none elsewhere, hours 0 … last.
inline std::vector<level_t> levels(std::initializer_list<segment> runs, hour_t last = 300) {
  std::vector<level_t> v(static_cast<std::size_t>(last + 1), 0);
  for (const auto& r : runs)
    for (hour_t h = r.from; h <= r.to; ++h) v[static_cast<std::size_t>(h)] = r.level;
  return v;
}

inline constexpr level_t none = 0, yellow = 1, orange = 2, red = 3;

}  // namespace hpa::test
