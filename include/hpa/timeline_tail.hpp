#pragma once
// The part of a station's timeline that the decision at one hour can still look at: hpa-watch
// deciding under cron keeps this tail of each station, not the whole input.
//
// The decision (watch.hpp decide) walks from quiet_start(min(now, the warning's start)): the
// latest hour with lift_hours of no possible condition before it (final_conditions.hpp). Call an
// hour Q *calm* when every value in [Q - lift_hours - window + 1, Q + window - 2] passes no
// threshold of the profile (held as the rolling window holds it) or is missing, and the data
// reach Q + window - 2. Then:
// - every window ending in E = [Q - lift_hours, Q + window - 2] lies in that stretch, so its
//   daily AQI passes no threshold, whatever came before the stretch or comes after the data:
//   C_min = C_max = 0 over [Q - lift_hours, Q - 1], and quiet_start of any hour at or after Q
//   is Q or later;
// - E is at least a chain's step long (24 h; 1 h in hourly_run), so no chain or run, nor the
//   inner one of a rule, reaches across it: C_min, C_max and the daily AQI of every hour from
//   Q - lift_hours on depend on the values from Q - lift_hours - window + 1 on only;
// - every episode and span before E is closed by its lift_hours of none, and the decision asks
//   only about hours from its walk's start, now and the warning's start, all at or after Q (and
//   walks back to the warning's start, or to the first hour: so a missing value stays just before
//   the cut, that a gap after the cut does not move the first hour past the start).
// So with Q calm and Q at or before both now and the warning's start, dropping the values before
// Q - lift_hours - window + 1 gives the same decision (tests/timeline_tail_test.cpp checks it on
// long random series). Whether a warning was lifted, and when, plays no part: an episode after Q
// starts after Q, and the walk from an earlier quiet hour finds the same ones after Q.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "hpa/final_conditions.hpp"
#include "hpa/levels.hpp"
#include "hpa/pipeline.hpp"
#include "hpa/profile.hpp"
#include "hpa/rolling.hpp"
#include "hpa/time.hpp"

namespace hpa {

/// A station's timeline points, pushed in time order, less those no decision at or after a given
/// hour can look at. Memory: the points since the last calm hour before that bound.
class timeline_tail {
 public:
  /// `p` is read now only. Without a profile whose lift_hours and window span a chain's step,
  /// nothing is dropped.
  timeline_tail(const profile& p, series_kind kind)
      : lowest_(rule_set(p).lowest()),
        row_hours_(kind == series_kind::daily ? 23 : 0),
        lift_(p.lift_hours),
        window_(p.window_hours) {
    const hour_t step = p.mode == duration_mode::hourly_run ? 1 : 24;
    trims_ = lift_ > 0 && window_ > 0 && lift_ + window_ - 1 >= step;
  }

  /// The next point (hours rising). `decided_from`: no decision this tail serves is taken before
  /// it, nor for a warning that starts before it (the earliest of now and the warnings' starts);
  /// none when unknown (nothing is dropped on its account).
  void push(timeline_point x, std::optional<hour_t> decided_from) {
    if (!calm_from_) calm_from_ = x.hour;
    const bool low =
        !has_value(x.value) || (!lowest_.passed_by(x.value) && !lowest_.passed_by(rolling_daily::held(x.value)));
    points_.push_back(x);  // kept, whatever the cut: it ends at or after the stretch considered
    // The calm stretch so far ends just before x when x is not low, else where x ends.
    consider(low ? x.hour + row_hours_ : x.hour - 1, decided_from);
    if (!low) calm_from_ = x.hour + row_hours_ + 1;
  }

  /// The points kept, in time order.
  std::span<const timeline_point> points() const noexcept {
    return std::span<const timeline_point>(points_).subspan(head_);
  }
  /// The points kept, taken out.
  std::vector<timeline_point> take() {
    points_.erase(points_.begin(), points_.begin() + static_cast<std::ptrdiff_t>(head_));
    head_ = 0;
    return std::move(points_);
  }
  /// The calm hour the points were cut at: a decision on them is exact when now and the start
  /// of the warning it holds are at or after it. None: nothing was dropped.
  std::optional<hour_t> exact_from() const noexcept { return cut_; }

 private:
  // The calm stretch [calm_from_, end]: its latest calm hour at or before `bound`, if later than
  // the cut, becomes the cut, and the points before its stretch go.
  void consider(hour_t end, std::optional<hour_t> bound) {
    if (!trims_ || !bound) return;
    const hour_t q = std::min(*bound, end - window_ + 2);
    if (q - lift_ - window_ + 1 < *calm_from_ || (cut_ && q <= *cut_)) return;
    cut_ = q;
    const hour_t keep = q - lift_ - window_ + 1;
    while (points_[head_].hour + row_hours_ < keep) ++head_;
    // A missing value just before the first point kept: the timeline still starts before the cut
    // when a gap follows it (the walk back to a warning's start stops at the first hour).
    if (head_ > 0) {
      const hour_t at = std::min(keep, points_[head_].hour) - 1 - row_hours_;
      points_[--head_] = {at, no_value};
    }
    if (head_ > points_.size() / 2 && head_ >= 1024) {  // amortised: a point moves O(1) times
      points_.erase(points_.begin(), points_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
    }
  }

  threshold lowest_;
  hour_t row_hours_, lift_, window_;
  bool trims_ = false;
  std::vector<timeline_point> points_;
  std::size_t head_ = 0;             // points_ before it are dropped
  std::optional<hour_t> calm_from_;  // every point since is low (or missing)
  std::optional<hour_t> cut_;
};

}  // namespace hpa
