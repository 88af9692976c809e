#pragma once
// Final conditions (RULES.md §9, §3.2.3-§3.2.4): what of a timeline ending at hour T more data can
// no longer change. A chain that ends after T can still cover hours up to its span before its end
// (§3), so the condition of the last hours is provisional. Conditions only rise with the daily AQI,
// so two continuations bound every other: C_min(h), nothing after T, and C_max(h), every hour
// after T at the profile's max_aqi. C(h) is final where they agree.
//
// From the bounds, the highest level in force (§4) that any continuation can give each hour: a
// downgrade or lift that stays at or above it is one the full series can never contradict.

#include <algorithm>
#include <optional>
#include <span>
#include <vector>

#include "hpa/episodes.hpp"
#include "hpa/levels.hpp"
#include "hpa/profile.hpp"
#include "hpa/rolling.hpp"
#include "hpa/pipeline.hpp"
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
  hour_t last() const noexcept { return end() - 1; }                               ///< T
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
  void push(hour_t t, double value) {
    while (cond_.next_hour() < t) {  // missing hours: windows lose validity, chains break
      if (kind_ == series_kind::hourly) cond_.push(roll_.push(no_value), settle());
      else cond_.push(no_value, settle());
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
inline condition_bounds final_conditions(std::span<const timeline_point> points, series_kind kind,
                                         const profile& p) {
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

/// The highest level in force (RULES.md §4) that any continuation of the timeline can give each
/// hour from `from` to T, and the episodes that can still hold a warning.
struct level_bounds {
  /// A stretch of hours that may hold one or more episodes; `lift` once 36 h without any
  /// condition after its last possible process are final (then every episode in it is lifted).
  struct span {
    hour_t start = 0;
    hour_t last_process = 0;
    std::optional<hour_t> lift;
  };
  hour_t first = 0;
  std::vector<level_t> upper;  ///< per hour; after T anything can come (the highest level)
  std::vector<span> spans;
  level_t top = 0;

  level_t at(hour_t h) const noexcept {
    if (h < first) return top;
    if (h >= first + static_cast<hour_t>(upper.size())) return top;
    return upper[static_cast<std::size_t>(h - first)];
  }
  /// The span holding hour h (from its start to its lift), if any.
  const span* span_at(hour_t h) const noexcept {
    for (const auto& s : spans)
      if (s.start <= h && (!s.lift || h < *s.lift)) return &s;
    return nullptr;
  }
};

namespace detail {

// The highest level the improving stretch from t (every hour certainly below L for lift_hours)
// can give in hindsight: the highest condition of the stretch, counting only hours of this
// episode (RULES.md §4 step 3). An hour that may or may not be in the stretch, and every hour
// after T while the episode can go on, counts as the level just below L.
inline level_t stretch_bound(const condition_bounds& b, hour_t t, level_t L, std::optional<hour_t> last_process) {
  const level_t below = static_cast<level_t>(L - 1);
  level_t target = 0;
  for (hour_t k = t;; ++k) {
    if (last_process && k > *last_process) break;  // later hours are another episode
    if (k > b.last()) return below;                // the stretch may go on after the data
    if (b.min_at(k) >= L) break;                   // it surely ends here
    target = std::max(target, std::min(b.max_at(k), below));
    if (target == below) break;
  }
  return target;
}

// RULES.md §4 steps 2-4 over one stretch [a, stop] that may hold episodes, walked with what is
// certain: upgrade on C_max, "the air has been at L" only where C_min reached it, downgrade only
// after lift_hours of C_max below L, and to the most the stretch can hold.
inline void walk_upper(const condition_bounds& b, const profile& p, level_bounds& out, hour_t a, hour_t stop,
                       std::optional<hour_t> last_process) {
  const bool highest = p.start == merged_start::highest;
  level_t L = b.max_at(a);
  if (highest) {  // §3.2.4 "从高级别启动预警": the highest the episode can still reach
    L = b.top;
    if (last_process) {
      L = 0;
      for (hour_t k = a; k <= *last_process; ++k) L = std::max(L, b.max_at(k));
    }
  }
  bool reached = false;
  hour_t quiet = 0;      // hours in a row with C_min = 0: after lift_hours of them an episode may
                         // have closed and a new one, at any level, may start
  hour_t hold_until = a;  // inside a short improvement: every later start in it is shorter still
  for (hour_t t = a; t <= stop; ++t) {
    const level_t lo = b.min_at(t), hi = b.max_at(t);
    if (!last_process && quiet >= p.lift_hours && hi > 0) {
      if (highest) L = b.top;
      reached = false;
    }
    quiet = lo == 0 ? quiet + 1 : 0;
    if (hi > L) {
      L = hi;
      reached = lo >= L;
    } else if (lo >= L) {
      reached = true;
    } else if (hi < L && reached && t >= hold_until) {
      hour_t k = t;
      while (k <= b.last() && b.max_at(k) < L) ++k;
      if (k - t < p.lift_hours) {
        hold_until = k;
      } else {
        L = stretch_bound(b, t, L, last_process);
        reached = lo >= L;
      }
    }
    out.upper[static_cast<std::size_t>(t - out.first)] = L;
  }
}

}  // namespace detail

/// The highest level in force any continuation of the timeline gives each hour from `from` (an
/// hour with lift_hours of no possible condition before it, or the first hour) to T, with the
/// stretches that may hold episodes. An online downgrade or lift to at least this level is final:
/// no data after T can show the warning still in force above it (RULES.md §9).
inline level_bounds upper_levels_in_force(const condition_bounds& b, hour_t from, const profile& p) {
  level_bounds out;
  out.top = b.top;
  out.first = std::max(from, b.first);
  if (b.empty() || out.first > b.last()) return out;
  out.upper.assign(static_cast<std::size_t>(b.last() - out.first + 1), 0);
  const hour_t T = b.last();
  for (hour_t h = out.first; h <= T;) {
    if (b.max_at(h) == 0) { ++h; continue; }
    hour_t last = h;
    bool closed = false;
    for (hour_t k = h + 1; k <= T; ++k) {
      if (b.max_at(k) > 0) last = k;
      else if (k - last >= p.lift_hours) { closed = true; break; }
    }
    if (closed) {
      detail::walk_upper(b, p, out, h, last, last);
      out.spans.push_back({h, last, last + 1});
      h = last + 1;
    } else {
      detail::walk_upper(b, p, out, h, T, std::nullopt);
      out.spans.push_back({h, last, std::nullopt});
      break;
    }
  }
  return out;
}

/// The latest hour at or before h with lift_hours of no possible condition just before it (or
/// the first hour): no episode of any continuation spans it, so walks may start there.
inline hour_t quiet_start(const condition_bounds& b, hour_t h, int lift_hours) {
  h = std::min(h, b.end());
  int zeros = 0;
  for (hour_t k = h - 1; k >= b.first; --k) {
    if (b.max_at(k) != 0) zeros = 0;
    else if (++zeros >= lift_hours) return k + lift_hours;
  }
  return b.first;
}

}  // namespace hpa
