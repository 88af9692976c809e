#pragma once
// Forecasts as a bureau receives them (§3.2.2; RULES.md §1, §9): an issue a day (or two), each a
// range of AQI per calendar day ("12月1日 AQI 180–230") or per hour for the days ahead, each
// replacing the one before. A decision at `now` takes the latest issue by then, its upper bound
// (§3.2.2 "按照空气质量预报结果上限确定预警级别"), after the last observed hour; an issue older than
// the profile's forecast_stale_hours is not used, and the decision says so.

#include <algorithm>
#include <optional>
#include <span>
#include <vector>

#include "hpa/final_conditions.hpp"
#include "hpa/profile.hpp"
#include "hpa/time.hpp"

namespace hpa {

/// One value of one issue of a forecast, as read (NaN where a bound is not given).
struct forecast_row {
  hour_t issued_at = 0;
  hour_t hour = 0;     ///< the hour, or for a daily value the first hour of its day
  bool daily = false;  ///< a calendar day's AQI (the mean of its 24 hours)
  double low = no_value, high = no_value, aqi = no_value;
};

/// §3.2.2: the AQI a value counts as, from what a source gives (NaN where it gives none): the
/// upper bound `high` of its range where the profile says so and it is given, else its central
/// `aqi`, else the middle of its range, else the one bound given. NaN when it gives none. Every
/// reader hands these back as read (forecast rows, an AQI CSV's aqi, aqi_low, aqi_high columns).
inline double forecast_value(double aqi, double low, double high, const profile& p) noexcept {
  if (p.forecast_upper_bound && has_value(high)) return high;
  if (has_value(aqi)) return aqi;
  if (has_value(low) && has_value(high)) return (low + high) / 2;
  return has_value(high) ? high : low;
}

/// The forecasts of one station, every issue: the latest issue at an hour, and its values.
class forecast_book {
 public:
  forecast_book() = default;
  explicit forecast_book(std::vector<forecast_row> rows) : rows_(std::move(rows)) {
    std::stable_sort(rows_.begin(), rows_.end(), [](const forecast_row& a, const forecast_row& b) {
      return a.issued_at != b.issued_at ? a.issued_at < b.issued_at : a.hour < b.hour;
    });
  }
  bool empty() const noexcept { return rows_.empty(); }
  /// Whether the issue of `issued_at` gives calendar days (else hours).
  bool daily_at(hour_t issued_at) const {
    const auto it = std::lower_bound(rows_.begin(), rows_.end(), issued_at,
                                     [](const forecast_row& r, hour_t t) { return r.issued_at < t; });
    return it != rows_.end() && it->issued_at == issued_at && it->daily;
  }

  /// The hour of the latest issue made at or before `now`, if any.
  std::optional<hour_t> latest(hour_t now) const {
    const auto it = std::upper_bound(rows_.begin(), rows_.end(), now,
                                     [](hour_t t, const forecast_row& r) { return t < r.issued_at; });
    if (it == rows_.begin()) return std::nullopt;
    return std::prev(it)->issued_at;
  }

  /// The timeline points of the issue of `issued_at` after hour `after` (the last observed hour),
  /// in hour order, as a timeline of `kind` holds them: a day's value on each of its hours in an
  /// hourly timeline, at its last hour in a rolling one (the daily AQI of the 24 h ending there),
  /// at its first in a daily one; up to its first gap.
  std::vector<timeline_point> points(hour_t issued_at, hour_t after, series_kind kind, const profile& p) const {
    std::vector<timeline_point> out;
    const auto [from, to] =
        std::equal_range(rows_.begin(), rows_.end(), forecast_row{issued_at},
                         [](const forecast_row& a, const forecast_row& b) { return a.issued_at < b.issued_at; });
    for (auto it = from; it != to; ++it) {
      const double v = forecast_value(it->aqi, it->low, it->high, p);
      if (!it->daily) {
        if (it->hour > after) out.push_back({it->hour, v});
      } else if (kind == series_kind::hourly) {
        for (hour_t h = std::max(it->hour, after + 1); h < it->hour + 24; ++h) out.push_back({h, v});
      } else if (kind == series_kind::rolling) {
        if (it->hour + 23 > after) out.push_back({it->hour + 23, v});
      } else if (it->hour > after) {
        out.push_back({it->hour, v});
      }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const timeline_point& a, const timeline_point& b) { return a.hour < b.hour; });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const timeline_point& a, const timeline_point& b) { return a.hour == b.hour; }),
              out.end());
    // Used as far as it runs on from `after` without a gap: an hour it leaves out is not known
    // to be clean, and the timeline can only end, not pause (a day's value steps 24 h in a
    // rolling or daily timeline).
    const hour_t step = kind != series_kind::hourly && !out.empty() && daily_at(issued_at) ? 24 : 1;
    hour_t last = after;
    std::size_t keep = 0;
    while (keep < out.size() && out[keep].hour - last <= step) last = out[keep++].hour;
    out.resize(keep);
    return out;
  }

 private:
  std::vector<forecast_row> rows_;
};

/// RULES.md §9 with a forecast as issued: the condition bounds of the observed hours `observed`
/// has taken (its last, `last_observed`, the hour before its next_hour()) and then the points
/// an issue shows after them (forecast_book::points). In a rolling timeline a calendar day's
/// forecast gives one hour a day, its last: C_min counts what the issue shows, and C_max reads
/// the hours between on the straight line from the last observed value through the days (where
/// each day's hours are even, the 24-h mean moves exactly on it), so that a downgrade or lift
/// needs them below too and does not take the 23 hours a day the forecast does not give for clean
/// air (the profile's forecast_line_between_days; false: C_max as C_min counts them).
inline condition_bounds forecast_bounds(const final_condition_tracker& observed, timeline_point last_observed,
                                        std::span<const timeline_point> shown, series_kind kind, const profile& p) {
  final_condition_tracker lower = observed;
  for (const auto& x : shown) lower.push(x.hour, x.value);
  condition_bounds b = lower.bounds();
  if (kind != series_kind::rolling || shown.empty() || !p.forecast_line_between_days) return b;
  final_condition_tracker upper = observed;
  timeline_point from = last_observed;
  for (const auto& x : shown) {
    if (has_value(from.value) && has_value(x.value))
      for (hour_t h = from.hour + 1; h < x.hour; ++h)
        upper.push(h, from.value + (x.value - from.value) * double(h - from.hour) / double(x.hour - from.hour));
    upper.push(x.hour, x.value);
    from = x;
  }
  const condition_bounds& u = upper.bounds();
  for (hour_t h = b.first; h <= b.last(); ++h) {
    const auto i = static_cast<std::size_t>(h - b.first);
    b.hi[i] = std::max(b.hi[i], u.max_at(h));
    if (!has_value(b.daily[i])) b.daily[i] = u.daily_at(h);
  }
  return b;
}

/// forecast_bounds of a timeline's observed points (in time order) and an issue's.
inline condition_bounds forecast_bounds(std::span<const timeline_point> observed, std::span<const timeline_point> shown,
                                        series_kind kind, const profile& p) {
  const rule_set rules(p);
  const hour_t first = !observed.empty() ? observed.front().hour : !shown.empty() ? shown.front().hour : 0;
  final_condition_tracker t(p, rules, first, kind);
  for (const auto& x : observed) t.push(x.hour, x.value);
  const timeline_point last = observed.empty() ? timeline_point{first - 1, no_value} : observed.back();
  return forecast_bounds(t, last, shown, kind, p);
}

/// The forecast a decision at `now` takes: the latest issue by then, unless it is stale.
struct forecast_pick {
  std::optional<hour_t> issued_at;  ///< none: no issue by then
  bool stale = false;               ///< older than the profile's forecast_stale_hours: not used
  bool usable() const noexcept { return issued_at && !stale; }
};

inline forecast_pick pick_forecast(const forecast_book& b, hour_t now, const profile& p) {
  forecast_pick f;
  f.issued_at = b.latest(now);
  f.stale = f.issued_at && now - *f.issued_at > p.forecast_stale_hours;
  return f;
}

}  // namespace hpa
