#pragma once
// Final conditions (RULES.md §9, §3.2.3-§3.2.4): what of a timeline ending at hour T more data can
// no longer change. A chain that ends after T can still cover hours up to its span before its end
// (§3), so the condition of the last hours is provisional. Conditions only rise with the daily AQI,
// so two continuations bound every other: C_min(h), nothing after T, and C_max(h), every hour
// after T at the profile's max_aqi. C(h) is final where they agree. The level in force is walked
// over them by walk_level_in_force (episodes.hpp), which decides only on what is final.

#include <algorithm>
#include <optional>
#include <span>
#include <vector>

#include "hpa/episodes.hpp"
#include "hpa/levels.hpp"
#include "hpa/pipeline.hpp"
#include "hpa/profile.hpp"
#include "hpa/rolling.hpp"
#include "hpa/time.hpp"

namespace hpa {

/// One value of a station's timeline: hourly AQI, a calendar day's AQI (at the day's first hour)
/// or the daily AQI of the 24 h ending at the hour, as the series kind says. NaN = missing.
struct timeline_point {
  hour_t hour = 0;
  double value = no_value;
};

/// The condition of each hour of a timeline as far as it is known: C_min and C_max, hour by hour
/// from `first` to the last hour T. Before `first` nothing is known to have happened (0, 0);
/// after T anything can still happen (0, the highest level).
struct condition_bounds {
  hour_t first = 0;
  std::vector<double> daily;  ///< the daily AQI of each hour (NaN: none)
  std::vector<level_t> lo;    ///< C_min: the condition with nothing after T
  std::vector<level_t> hi;    ///< C_max: every hour after T at max_aqi
  level_t top = 0;            ///< the profile's highest level

  hour_t end() const noexcept { return first + static_cast<hour_t>(lo.size()); }  ///< T + 1
  hour_t last() const noexcept { return end() - 1; }                              ///< T
  bool empty() const noexcept { return lo.empty(); }
  level_t min_at(hour_t h) const noexcept { return h < first || h >= end() ? 0 : lo[at(h)]; }
  level_t max_at(hour_t h) const noexcept { return h < first ? 0 : h >= end() ? top : hi[at(h)]; }
  double daily_at(hour_t h) const noexcept { return h < first || h >= end() ? no_value : daily[at(h)]; }
  /// True when every continuation after T gives hour h the same condition.
  bool is_final(hour_t h) const noexcept { return min_at(h) == max_at(h); }

 private:
  std::size_t at(hour_t h) const noexcept { return static_cast<std::size_t>(h - first); }
};

/// Follows one station's timeline value by value (as station_pipeline takes them) and gives the
/// condition bounds of the timeline so far at any point. The hours no chain can reach any more
/// are settled once; only the last chain span is worked out again on each bounds() call, on
/// copies of the rolling window and the condition tracker: O(longest chain) per call.
class final_condition_tracker {
  // Settled hours are final: they are written over the tail of the last bounds() call.
  struct settler {
    final_condition_tracker* t;
    void operator()(hour_t, double d, const hour_condition& hc) const {
      auto& b = t->b_;
      const std::size_t i = t->settled_++;
      if (b.lo.size() <= i) {
        b.lo.resize(i + 1);
        b.hi.resize(i + 1);
        b.daily.resize(i + 1);
      }
      b.lo[i] = b.hi[i] = hc.level;
      b.daily[i] = d;
    }
  };
  settler settle() noexcept { return settler{this}; }

 public:
  /// `p` and `rules` must outlive the tracker; `rules` is compiled from `p`.
  final_condition_tracker(const profile& p, const rule_set& rules, hour_t first, series_kind kind)
      : p_(&p), kind_(kind), roll_(p.window_hours, p.min_valid_hours), cond_(rules, first) {
    b_.first = first;
    b_.top = static_cast<level_t>(p.levels.size());
  }
  final_condition_tracker(const profile&&, const rule_set&, hour_t, series_kind) = delete;
  final_condition_tracker(const profile&, const rule_set&&, hour_t, series_kind) = delete;

  /// The next hour that can be pushed.
  hour_t next_hour() const noexcept { return cond_.next_hour(); }

  /// The value of hour t (hourly, rolling) or of the day starting at hour t (daily); t at or
  /// after next_hour(), the hours between missing.
  /// After a gap of at least drain_hours() every window, chain and warning of any walk has ended
  /// (lift_hours of condition 0 final): the bounds start again after it, nothing before it can
  /// change a decision after it, and memory does not grow with the gap.
  void push(hour_t t, double value) {
    const hour_t drain = drain_hours();
    for (hour_t n = 0; cond_.next_hour() < t; ++n) {  // missing hours: windows lose validity, chains break
      if (n == drain) {
        restart_at(t);
        break;
      }
      if (kind_ == series_kind::hourly)
        cond_.push(roll_.push(no_value), settle());
      else
        cond_.push(no_value, settle());
    }
    if (kind_ == series_kind::hourly) {
      cond_.push(roll_.push(value), settle());
    } else if (kind_ == series_kind::rolling) {
      cond_.push(value, settle());
    } else {  // a calendar day's value is the window of its 24 hours (RULES.md §2)
      for (int i = 0; i < 23; ++i) cond_.push(no_value, settle());
      cond_.push(value, settle());
    }
    dirty_ = true;
  }

  /// The missing hours after which nothing before them counts (see push).
  hour_t drain_hours() const noexcept { return hpa::drain_hours(*p_, cond_.max_span()); }

  /// Forgets the settled hours before h (bounds() then starts at h, or at the first hour not yet
  /// settled): what a decision no longer looks at, so that memory does not grow with the series.
  void forget_before(hour_t h) {
    const std::size_t n = std::min<std::size_t>(settled_, h > b_.first ? std::size_t(h - b_.first) : 0);
    if (n == 0) return;
    b_.first += hour_t(n);
    settled_ -= n;
    b_.lo.erase(b_.lo.begin(), b_.lo.begin() + std::ptrdiff_t(n));
    b_.hi.erase(b_.hi.begin(), b_.hi.begin() + std::ptrdiff_t(n));
    b_.daily.erase(b_.daily.begin(), b_.daily.begin() + std::ptrdiff_t(n));
  }

  /// The bounds of the timeline pushed so far (T = next_hour() - 1).
  const condition_bounds& bounds() {
    if (!dirty_) return b_;
    dirty_ = false;
    const std::size_t settled = settled_;
    b_.lo.resize(settled);
    b_.hi.resize(settled);
    b_.daily.resize(settled);
    {  // C_min: the data end at T
      condition_tracker c = cond_;
      c.finish([&](hour_t, double d, const hour_condition& hc) {
        b_.lo.push_back(hc.level);
        b_.daily.push_back(d);
      });
    }
    {  // C_max: every hour after T at max_aqi, far enough that no later chain reaches T
      condition_tracker c = cond_;
      rolling_daily r = roll_;
      auto emit = [&](hour_t, double, const hour_condition& hc) { b_.hi.push_back(hc.level); };
      for (hour_t t = c.next_hour(); b_.hi.size() < b_.lo.size(); ++t) c.push(extension(r, t), emit);
    }
    return b_;
  }

 private:
  // Starts the bounds again at hour t over a drained gap: every hour pushed since the drain began
  // is missing, so the window is empty and no chain is open.
  void restart_at(hour_t t) {
    cond_.skip_to(t);
    b_.first = t - cond_.max_span() + 1;  // the first hour the next push settles
    b_.lo.clear();
    b_.hi.clear();
    b_.daily.clear();
    settled_ = 0;
  }
  // An hour after T at its highest: max_aqi as the series kind has it.
  double extension(rolling_daily& r, hour_t t) const {
    if (kind_ == series_kind::hourly) return r.push(p_->max_aqi);
    if (kind_ == series_kind::daily && detail::floor_mod(t, 24) != 23) return no_value;
    return p_->max_aqi;
  }
  const profile* p_;
  series_kind kind_;
  rolling_daily roll_;
  condition_tracker cond_;
  condition_bounds b_;
  std::size_t settled_ = 0;
  bool dirty_ = false;
};

/// The condition bounds of a whole timeline, points in time order.
inline condition_bounds final_conditions(std::span<const timeline_point> points, series_kind kind, const profile& p) {
  if (points.empty()) {
    condition_bounds b;
    b.top = static_cast<level_t>(p.levels.size());
    return b;
  }
  rule_set rules(p);
  final_condition_tracker t(p, rules, points.front().hour, kind);
  for (const auto& x : points) t.push(x.hour, x.value);
  return t.bounds();
}

/// The latest hour at or before h with lift_hours of no possible condition just before it (or
/// the first hour): no episode of any continuation spans it, so walks may start there.
inline hour_t quiet_start(const condition_bounds& b, hour_t h, int lift_hours) {
  h = std::min(h, b.end());
  int zeros = 0;
  for (hour_t k = h - 1; k >= b.first; --k) {
    if (b.max_at(k) != 0)
      zeros = 0;
    else if (++zeros >= lift_hours)
      return k + lift_hours;
  }
  return b.first;
}

}  // namespace hpa
