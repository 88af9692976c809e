#pragma once
// One station's whole pipeline, hour by hour: hourly AQI (or daily values) → rolling daily AQI
// (§3.2.1) → condition level (§3.2.1) → warning episodes (§3.2.4). Hours the cause gate excludes
// (§1.3, cause.hpp) count as missing; from the first of them on, a second run of the same rules
// counts them, and a warning it finds where the real run has none is reported as withheld or as
// an advisory. Memory: a window, the longest chain and the open episode per run, and the few
// episodes and excluded stretches a withheld warning can still overlap; nothing grows with the
// length of the series.

#include <algorithm>
#include <optional>
#include <vector>

#include "hpa/cause.hpp"
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
  /// An episode, as it closes: a warning (`e.warns()`), or one withheld or turned into an
  /// advisory by excluded hours, once no warning of the same data can overlap it.
  void on_episode(const episode& /*e*/) {}
  // Optional: void on_daily_counted(hour_t t, double daily, int valid_hours): from the first hour
  // the cause gate excludes on, the window ending at t with the excluded hours counted as the
  // values they are (the air's daily AQI), called after on_daily for the same t.
};

/// What the values pushed are: hourly AQI, one daily AQI per calendar day, or the daily AQI of
/// the 24 h ending at each hour already worked out (from concentrations, by hpa-aqi --daily).
enum class series_kind { hourly, daily, rolling };

/// The missing hours after which every window, chain (the longest `max_span` hours) and warning
/// of a station has ended (lift_hours of no condition): the rest of a longer gap is skipped.
inline hour_t drain_hours(const profile& p, int max_span) noexcept {
  return hour_t{p.window_hours} + max_span + p.lift_hours + 1;
}

template <class Sink>
class station_pipeline {
 public:
  /// `p` and `rules` must outlive the pipeline; `rules` is compiled from `p`.
  station_pipeline(const profile& p, const rule_set& rules, hour_t first, series_kind kind)
      : p_(&p),
        kind_(kind),
        first_(first),
        real_{rolling_daily(p.window_hours, p.min_valid_hours), condition_tracker(rules, first), warning_tracker(p)} {}
  station_pipeline(const profile&&, const rule_set&, hour_t, series_kind) = delete;  // would dangle
  station_pipeline(const profile&, const rule_set&&, hour_t, series_kind) = delete;

  /// The next hour that can be pushed (hours before it are in the past).
  hour_t next_hour() const noexcept { return real_.cond.next_hour(); }

  /// What the withheld check holds beside the two runs' windows (warnings, shadow episodes,
  /// excluded stretches): those a later episode can still overlap, never the whole series.
  std::size_t held() const noexcept { return warnings_.size() + waiting_.size() + excluded_.size(); }

  /// Pushes the value of hour t (hourly) or of the day starting at hour t (daily); t must be
  /// at or after next_hour(). The hours between are missing. NaN = a missing value. An hour the
  /// cause gate excludes counts as missing for the warning (`gate`, RULES.md §1).
  void push(hour_t t, double value, Sink& sink) { push(t, value, gate_result{}, sink); }
  void push(hour_t t, double value, const gate_result& gate, Sink& sink) {
    if (gate && !shadow_) shadow_.emplace(real_);  // the two runs agree up to the first excluded hour
    real_out real{sink, *this};
    push(real_, t, gate ? no_value : value, real);
    if (!shadow_) return;
    if (gate) note_excluded(excluded_, t, t + (kind_ == series_kind::daily ? 23 : 0), gate);
    shadow_out shadow{*this, sink};
    push(*shadow_, t, value, shadow);
    settle(sink, false);
  }

  /// The data end: emit the last hours and close the open episodes.
  void finish(Sink& sink) {
    real_out real{sink, *this};
    finish(real_, real);
    if (!shadow_) return;
    shadow_out shadow{*this, sink};
    finish(*shadow_, shadow);
    settle(sink, true);
  }

 private:
  struct run {
    rolling_daily roll;
    condition_tracker cond;
    warning_tracker warn;
  };
  // Where each run reports: the real one to the sink, the shadow one to the withheld check.
  struct real_out {
    Sink& sink;
    station_pipeline& self;
    void on_daily(hour_t t, double d, int valid) { sink.on_daily(t, d, valid); }
    void on_hour(hour_t h, double d, const hour_condition& c) { sink.on_hour(h, d, c); }
    void on_episode(const episode& e) {
      if (self.shadow_) self.warnings_.emplace_back(e.start, e.end);
      sink.on_episode(self.clipped(e));
    }
  };
  struct shadow_out {
    station_pipeline& self;
    Sink& sink;
    // A sink that wants the daily AQI of the air itself, the excluded hours counted (a calendar
    // shows a dust day's value), has it here; the real run's on_daily leaves those hours out.
    void on_daily(hour_t t, double d, int valid) {
      if constexpr (requires { sink.on_daily_counted(t, d, valid); }) sink.on_daily_counted(t, d, valid);
    }
    void on_hour(hour_t, double, const hour_condition&) {}
    void on_episode(const episode& e) { self.waiting_.push_back(self.clipped(e)); }
  };

  // The first daily AQI needs only min_valid_hours of its window, so a chain may start up to a
  // window before the first hour of data; its coverage is clipped to the data (condition_tracker)
  // and so is the chain the episode names.
  episode clipped(episode e) const {
    if (e.trigger.level > 0) e.trigger.chain_from = std::max(e.trigger.chain_from, first_);
    return e;
  }

  template <class Out>
  void push(run& r, hour_t t, double value, Out& out) {
    fill_until(r, t, out);
    if (kind_ == series_kind::hourly) {
      step(r, value, out);
    } else if (kind_ == series_kind::rolling) {
      advance(r, value, has_value(value) ? p_->window_hours : 0, out);
    } else {  // a daily value is the window of that day's 24 hours (RULES.md §2)
      for (int i = 0; i < 23; ++i) advance(r, no_value, 0, out);
      advance(r, value, has_value(value) ? 24 : 0, out);
    }
  }
  template <class Out>
  void finish(run& r, Out& out) {
    r.cond.finish([&](hour_t h, double d, const hour_condition& c) { hour(r, h, d, c, out); });
    r.warn.finish([&](const episode& e) { out.on_episode(e); });
  }
  template <class Out>
  void step(run& r, double aqi, Out& out) {
    const double d = r.roll.push(aqi);
    advance(r, d, r.roll.valid_hours(), out);
  }
  template <class Out>
  void advance(run& r, double daily, int valid, Out& out) {
    out.on_daily(r.cond.next_hour(), daily, valid);
    r.cond.push(daily, [&](hour_t h, double d, const hour_condition& c) { hour(r, h, d, c, out); });
  }
  template <class Out>
  void hour(run& r, hour_t h, double d, const hour_condition& c, Out& out) {
    out.on_hour(h, d, c);
    r.warn.push(h, d, c, [&](const episode& e) { out.on_episode(e); });
  }
  // Missing hours up to t. After a long gap every window, chain and episode has drained, so
  // the rest of the gap is skipped rather than walked hour by hour.
  template <class Out>
  void fill_until(run& r, hour_t t, Out& out) {
    const hour_t drain = drain_hours(*p_, r.cond.max_span());
    hour_t n = 0;
    while (r.cond.next_hour() < t) {
      if (n++ == drain && !r.warn.open()) {
        r.cond.skip_to(t);
        break;
      }
      if (kind_ == series_kind::hourly)
        step(r, no_value, out);
      else
        advance(r, no_value, 0, out);  // daily and rolling series: a missing hour has no window
    }
  }

  // Reports the shadow run's episodes that no warning overlaps, once the real run can no longer
  // start one that would: the two runs have seen the same hours, so every warning starting by the
  // end of a waiting episode has started; one still open that began before it must close first.
  void settle(Sink& sink, bool data_ended) {
    while (!waiting_.empty()) {
      auto& w = waiting_.front();
      if (!data_ended && real_.warn.open() && real_.warn.open_start() <= w.end) break;
      bool overlaps = false;
      for (const auto& [from, to] : warnings_) overlaps |= from <= w.end && w.start <= to;
      if (!overlaps) {
        w.status = withheld_status(w.start, w.end, excluded_, p_->window_hours, w.excluded);
        sink.on_episode(w);
      }
      waiting_.erase(waiting_.begin());
    }
    // What a later shadow episode can still overlap: it starts no earlier than the open one, or
    // than the hours the shadow run has not yet settled.
    const hour_t next = !waiting_.empty()      ? waiting_.front().start
                        : shadow_->warn.open() ? shadow_->warn.open_start()
                                               : shadow_->cond.next_hour() - shadow_->cond.max_span();
    std::erase_if(warnings_, [&](const auto& w) { return w.second < next; });
    std::erase_if(excluded_, [&](const excluded_run& x) { return x.to < next - p_->window_hours; });
  }

  const profile* p_;
  series_kind kind_;
  hour_t first_;  // the first hour of data
  run real_;
  std::optional<run> shadow_;                        // the excluded hours counted
  std::vector<std::pair<hour_t, hour_t>> warnings_;  // spans of the warnings a withheld one may overlap
  std::vector<episode> waiting_;                     // shadow episodes not yet settled
  std::vector<excluded_run> excluded_;               // excluded stretches a withheld one may stand on
};

}  // namespace hpa
