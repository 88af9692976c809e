#pragma once
// One station's whole pipeline, hour by hour: hourly AQI (or daily values) → rolling daily AQI
// (§3.2.1) → condition level (§3.2.1) → warning episodes (§3.2.4). Memory: a window, the longest
// chain and the open episode; nothing grows with the length of the series.

#include <algorithm>

#include "hpa/episodes.hpp"
#include "hpa/levels.hpp"
#include "hpa/profile.hpp"
#include "hpa/rolling.hpp"
#include "hpa/time.hpp"

namespace hpa {

/// What a pipeline reports. Derive from it and hide what you need; the defaults do nothing.
struct station_sink {
  /// The window ending at hour t: its daily AQI (NaN if invalid) and how many values it holds.
  /// Called as each hour is pushed; not for the hours of a long gap that is skipped over.
  void on_daily(hour_t /*t*/, double /*daily*/, int /*valid_hours*/) {}
  /// The final condition level of hour h, in order, a chain span after it was pushed.
  void on_hour(hour_t /*h*/, double /*daily*/, const hour_condition& /*c*/) {}
  /// An episode, as it closes.
  void on_episode(const episode& /*e*/) {}
  /// An episode of the same data with the excluded hours (dust, ozone) counted: where no real
  /// episode overlaps it, a warning was withheld because of them.
  void on_withheld(const episode& /*e*/) {}
};

/// What the values pushed are: hourly AQI, one daily AQI per calendar day, or the daily AQI of
/// the 24 h ending at each hour already worked out (from concentrations, by hpa-aqi --daily).
enum class series_kind { hourly, daily, rolling };

template <class Sink>
class station_pipeline {
 public:
  /// `p` and `rules` must outlive the pipeline; `rules` is compiled from `p`.
  station_pipeline(const profile& p, const rule_set& rules, hour_t first, series_kind kind)
      : p_(&p), kind_(kind), roll_(p.window_hours, p.min_valid_hours), cond_(rules, first),
        warn_(p) {}

  /// The next hour that can be pushed (hours before it are in the past).
  hour_t next_hour() const noexcept { return cond_.next_hour(); }

  /// Pushes the value of hour t (hourly) or of the day starting at hour t (daily); t must be
  /// at or after next_hour(). The hours between are missing. NaN = a missing value.
  void push(hour_t t, double value, Sink& sink) {
    fill_until(t, sink);
    if (kind_ == series_kind::hourly) {
      step(value, sink);
    } else if (kind_ == series_kind::rolling) {
      advance(value, has_value(value) ? p_->window_hours : 0, sink);
    } else {  // a daily value is the window of that day's 24 hours (RULES.md §2)
      for (int i = 0; i < 23; ++i) advance(no_value, 0, sink);
      advance(value, has_value(value) ? 24 : 0, sink);
    }
  }

  /// The data end: emit the last hours and close the open episode.
  void finish(Sink& sink) {
    auto on_hour = [&](hour_t h, double d, const hour_condition& c) { hour(h, d, c, sink); };
    cond_.finish(on_hour);
    warn_.finish([&](const episode& e) { sink.on_episode(e); });
  }

 private:
  void step(double aqi, Sink& sink) {
    const double d = roll_.push(aqi);
    advance(d, roll_.valid_hours(), sink);
  }
  void advance(double daily, int valid, Sink& sink) {
    sink.on_daily(cond_.next_hour(), daily, valid);
    cond_.push(daily, [&](hour_t h, double d, const hour_condition& c) { hour(h, d, c, sink); });
  }
  void hour(hour_t h, double d, const hour_condition& c, Sink& sink) {
    sink.on_hour(h, d, c);
    warn_.push(h, d, c, [&](const episode& e) { sink.on_episode(e); });
  }
  // Missing hours up to t. After a long gap every window, chain and episode has drained, so
  // the rest of the gap is skipped rather than walked hour by hour.
  void fill_until(hour_t t, Sink& sink) {
    const hour_t drain = hour_t{p_->window_hours} + cond_.max_span() + p_->lift_hours + 1;
    hour_t n = 0;
    while (cond_.next_hour() < t) {
      if (n++ == drain && !warn_.open()) {
        cond_.skip_to(t);
        break;
      }
      if (kind_ == series_kind::hourly) step(no_value, sink);
      else advance(no_value, 0, sink);  // daily and rolling series: a missing hour has no window
    }
  }

  const profile* p_;
  series_kind kind_;
  rolling_daily roll_;
  condition_tracker cond_;
  warning_tracker warn_;
};

}  // namespace hpa
