#pragma once
// The warning level in force hour by hour (§3.2.4, RULES.md §4): a station pipeline's hours and
// warnings turned into one record per hour, in order, each as soon as it is known. The warning
// tracker decides an episode's levels only when the episode closes (36 h without a condition, or
// the end of the data), so the hours from its first condition hour to its close wait; an hour
// while no episode is open has no warning in force and is known at once. Memory: the hours of
// the open episode.

#include <cstdint>
#include <utility>
#include <vector>

#include "hpa/episodes.hpp"
#include "hpa/levels.hpp"
#include "hpa/pipeline.hpp"
#include "hpa/time.hpp"

namespace hpa {

/// One hour of a station as decided.
struct hour_in_force {
  hour_t hour = 0;
  double daily = no_value;  ///< the daily AQI of the 24 h ending at the hour (§3.2.1); NaN: too few values
  level_t condition = 0;    ///< the condition level of the hour (§3.2.1); 0: none
  level_t level = 0;        ///< the warning level in force (§3.2.4); 0: none
  /// The warning in force when level > 0, else null; valid during the call only.
  const episode* warning = nullptr;
};

/// A sink for station_pipeline that calls `emit(const hour_in_force&)` once for every hour from
/// the station's first to its last, in order. The hours of a long gap, which the pipeline skips
/// over once everything has drained, are emitted too: no daily AQI, no condition, no warning (what
/// walking them one by one would give). Withheld and advisory episodes put nothing in force.
template <class Emit>
class in_force_sink : public station_sink {
 public:
  explicit in_force_sink(Emit emit) : emit_(std::move(emit)) {}

  void on_hour(hour_t h, double daily, const hour_condition& c) {
    if (held_.empty()) fill_gap(h);
    next_ = h + 1;
    started_ = true;
    // The tracker opens an episode at the first hour with a condition and holds every hour until
    // the episode closes: an hour outside one is decided now.
    if (held_.empty() && c.level == 0) {
      emit_(hour_in_force{h, daily, 0, 0, nullptr});
      return;
    }
    if (held_.empty()) first_held_ = h;
    held_.push_back({daily, c.level});
  }

  void on_episode(const episode& e) {
    if (!e.warns()) return;
    for (std::size_t i = 0; i < held_.size(); ++i) {
      const hour_t h = first_held_ + static_cast<hour_t>(i);
      const level_t l = level_in_force(e, h);
      emit_(hour_in_force{h, held_[i].daily, held_[i].condition, l, l > 0 ? &e : nullptr});
    }
    held_.clear();
  }

  /// Hours waiting for the open episode to close.
  std::size_t held() const noexcept { return held_.size(); }
  Emit& emitter() noexcept { return emit_; }

 private:
  struct held_hour {
    double daily;
    level_t condition;
  };

  void fill_gap(hour_t h) {
    for (hour_t t = next_; started_ && t < h; ++t) emit_(hour_in_force{t, no_value, 0, 0, nullptr});
  }

  Emit emit_;
  std::vector<held_hour> held_;
  hour_t first_held_ = 0;
  hour_t next_ = 0;
  bool started_ = false;
};

}  // namespace hpa
