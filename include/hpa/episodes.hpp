#pragma once
// The warning in force (§3.2.4, RULES.md §4): processes merged into episodes, the start level,
// upgrades, downgrades and the lift after a confirmed 36 h improvement, and the issue deadline
// (§3.2.3). Streaming: an episode is buffered from its first hour until it closes, so memory is
// bounded by the longest episode, not by the series.

#include <algorithm>
#include <optional>
#include <span>
#include <vector>

#include "hpa/cause.hpp"
#include "hpa/levels.hpp"
#include "hpa/profile.hpp"
#include "hpa/time.hpp"

namespace hpa {

/// A stretch of hours [from, to] with one level in force.
struct segment {
  level_t level;
  hour_t from;
  hour_t to;
  friend bool operator==(const segment&, const segment&) = default;
};

/// What gave an episode its highest level (the audit trail): the level, the profile's condition
/// that fired and the chain of windows that met it.
struct fired_condition {
  level_t level = 0;      ///< 0: nothing fired (an episode built from levels alone)
  condition cond;         ///< as the profile writes it
  hour_t chain_from = 0;  ///< the first hour the chain covers
  hour_t chain_to = 0;    ///< the last hour of the chain's last window
};

/// One warning episode: one or more merged pollution processes (§3.2.4).
struct episode {
  hour_t start = 0;                  ///< first hour in force
  hour_t end = 0;                    ///< last hour in force (the last hour of data while pending)
  std::optional<hour_t> lift;        ///< the hour the warning is lifted; none while pending
  level_t level = 0;                 ///< the highest level in force
  hour_t issue_by = 0;               ///< start - lead_hours (§3.2.3)
  bool pending = false;              ///< the data end before a lift is confirmed
  level_t pending_to = 0;            ///< while pending: the level the improvement seen leads to
  int pending_seen = 0;              ///< while pending: hours of improvement seen (0: none yet)
  int processes = 0;                 ///< pollution processes merged into it
  std::vector<segment> segments;     ///< the level in force, stretch by stretch
  double max_daily_aqi = no_value;   ///< over its hours in force
  double min_daily_aqi = no_value;   ///< over its hours in force
  double mean_daily_aqi = no_value;  ///< over its hours in force that have a daily AQI
  fired_condition trigger;           ///< why it reached its highest level
  hour_t trigger_hour = 0;           ///< the first hour at the highest level
  episode_status status = episode_status::warning;
  std::vector<excluded_run> excluded;  ///< withheld or advisory: the excluded hours behind it

  /// A warning in force (not one withheld or turned into an advisory).
  bool warns() const noexcept { return status == episode_status::warning; }
};

/// An episode's peak, lowest and mean daily AQI, gathered over its hours in force one value at a
/// time (NaN: an hour without one). The peak and lowest go on from those the episode holds.
class daily_figures {
 public:
  explicit daily_figures(const episode& e) noexcept : max_(e.max_daily_aqi), min_(e.min_daily_aqi) {}
  void add(double d) noexcept {
    if (!has_value(d)) return;
    if (!has_value(max_) || d > max_) max_ = d;
    if (!has_value(min_) || d < min_) min_ = d;
    sum_ += d;
    ++count_;
  }
  /// Writes them into `e`; with no value seen, `e` keeps its own.
  void set(episode& e) const noexcept {
    if (!count_) return;
    e.max_daily_aqi = max_;
    e.min_daily_aqi = min_;
    e.mean_daily_aqi = sum_ / count_;
  }

 private:
  double max_, min_, sum_ = 0;
  int count_ = 0;
};

/// §3.2.3 "应当提前48小时以上发布预警信息": a warning starting at `start` is issued by lead_hours before it.
inline hour_t issue_by_rules(hour_t start, const profile& p) noexcept { return start - p.lead_hours; }

/// §3.2.3 "按照区域应急联动要求及时启动预警": an episode due on receipt of a directive rather than
/// lead_hours ahead (its issue_by is later than the rules' deadline).
inline bool issued_on_instruction(const episode& e, const profile& p) noexcept {
  return e.issue_by != issue_by_rules(e.start, p);
}

/// §5 "市级应急响应终止后……应当在5日内……调查评估": the day the assessment is due, assessment_days after
/// the lift; none while the episode is pending.
inline std::optional<hour_t> assessment_due(const episode& e, const profile& p) noexcept {
  if (!e.lift) return std::nullopt;
  return *e.lift + hour_t{24} * p.assessment_days;
}

/// The level of episode `e` in force at hour t (RULES.md §4 step 4, §3.2.4): the level of the
/// segment holding t; 0 before the start and from the lift on (or after the last hour seen).
inline level_t level_in_force(const episode& e, hour_t t) noexcept {
  for (const auto& s : e.segments)
    if (s.from <= t && t <= s.to) return s.level;
  return 0;
}

/// Where a walk of the level in force (walk_level_in_force) stopped.
struct walk_end {
  hour_t at = 0;  ///< the lift hour, or the first hour after what is known
  bool lifted = false;
  level_t level = 0;     ///< in force at `at` (0 once lifted)
  bool reached = false;  ///< the air has been at `level` since it came into force
  /// An improvement known up to the end but shorter than lift_hours (RULES.md §4 step 5):
  hour_t pending_from = 0;  ///< its first hour
  int pending_seen = 0;     ///< its hours known to be below the level (0: none)
  level_t pending_to = 0;   ///< the highest condition they may have
};

/// §3.2.4 "改善到相应级别预警启动标准以下，且预测将持续36小时以上时" (RULES.md §4 steps 3-5, §9): the
/// level in force walked forward from hour `from`, where `level` is in force (`reached`: the air
/// has been at it since it came into force), over condition bounds `b` (min_at(h) <= C(h) <=
/// max_at(h) up to b.last(); after it nothing is known: 0 and the highest level). Upgrade at
/// once where C_min rises above the level ("及时采取升级措施"); downgrade at the first hour t,
/// once the level has been reached, whose lift_hours hours [t, t + lift_hours - 1] are all known
/// below it (C_max < level), to the highest C_max in them, or lift when that is none. Processes
/// closer than lift_hours are thus one episode, and a later process is an upgrade, never a reason
/// to hold. In hindsight the bounds are equal. Calls change(t, level) at each change (0: the
/// lift, the last); stops at the lift or after b.last().
template <class Bounds, class Change>
walk_end walk_level_in_force(const Bounds& b, hour_t from, level_t level, bool reached, int lift_hours,
                             Change&& change) {
  const hour_t last = b.last();
  for (hour_t t = from; t <= last; ++t) {
    const level_t lo = b.min_at(t);
    if (lo > level) {
      level = lo;
      reached = true;
      change(t, level);
      continue;
    }
    if (lo == level) reached = true;
    if (!reached || b.max_at(t) >= level) continue;
    level_t to = 0;  // the highest condition of the hours known below the level from t
    hour_t k = t;
    for (; k <= last && k - t < lift_hours && b.max_at(k) < level; ++k) to = std::max(to, b.max_at(k));
    if (k - t == lift_hours) {
      change(t, to);
      if (to == 0) return {t, true, 0, false, 0, 0, 0};
      level = to;
      reached = lo >= level;
      continue;
    }
    if (k > last) return {last + 1, false, level, reached, t, static_cast<int>(k - t), to};
    t = k - 1;  // a shorter improvement holds the level: every later start in it is shorter still
  }
  return {last + 1, false, level, reached, 0, 0, 0};
}

/// Builds episodes from the condition level of consecutive hours of one station. Push every hour
/// from the station's first; `emit(const episode&)` is called as each episode closes (36 h of no
/// condition after its last process, or the end of the data on finish()).
class warning_tracker {
 public:
  explicit warning_tracker(const profile& p) : p_(&p) {}
  explicit warning_tracker(const profile&&) = delete;  // kept by reference: a temporary would dangle

  template <class Emit>
  void push(hour_t h, double daily, const hour_condition& c, Emit&& emit) {
    if (buf_.empty()) {
      if (c.level == 0) return;
      start_ = h;
    }
    buf_.push_back({c, daily});
    if (c.level > 0)
      last_process_ = buf_.size() - 1;
    else if (buf_.size() - 1 - last_process_ >= static_cast<std::size_t>(p_->lift_hours))
      close(false, emit);
  }

  template <class Emit>
  void finish(Emit&& emit) {
    if (!buf_.empty()) close(true, emit);
  }

  /// True while an episode is open (for a caller that wants the level at the last hour).
  bool open() const noexcept { return !buf_.empty(); }
  /// The first hour of the open episode (when open()).
  hour_t open_start() const noexcept { return start_; }

 private:
  struct hour_info {
    hour_condition c;
    double daily;
  };

  // RULES.md §4 over the buffered episode (its processes, then no condition up to lift_hours,
  // or the end of the data): where it starts and why, the walk of the level in force, its
  // daily AQI in figures.
  template <class Emit>
  void close(bool data_ended, Emit& emit) {
    episode e;
    e.start = start_;
    e.issue_by = issue_by_rules(start_, *p_);
    const level_t top = processes_and_trigger(e);
    const std::size_t stop = walk(e, p_->start == merged_start::highest ? top : buf_[0].c.level, data_ended);
    e.end = start_ + hour_t(stop) - 1;
    for (std::size_t s = 0; s + 1 < e.segments.size(); ++s) e.segments[s].to = e.segments[s + 1].from - 1;
    e.segments.back().to = e.end;
    if (!e.pending) e.lift = e.end + 1;
    for (const auto& s : e.segments) e.level = std::max(e.level, s.level);
    set_daily_figures(e, stop);
    buf_.clear();
    last_process_ = 0;
    emit(e);
  }

  // Step 1 and 2: the processes merged, and the first hour at the highest level with its rule.
  level_t processes_and_trigger(episode& e) const {
    level_t top = 0;
    for (std::size_t i = 0; i <= last_process_; ++i) {
      const auto& b = buf_[i];
      if (b.c.level > 0 && (i == 0 || buf_[i - 1].c.level == 0)) ++e.processes;
      if (b.c.level > top) {
        top = b.c.level;
        e.trigger = fired(b.c);
        e.trigger_hour = start_ + hour_t(i);
      }
    }
    return top;
  }

  // The buffered episode as condition bounds (equal: hindsight) for walk_level_in_force.
  struct known {
    const warning_tracker* w;
    hour_t last() const noexcept { return w->start_ + hour_t(w->buf_.size()) - 1; }
    level_t min_at(hour_t h) const noexcept { return w->buf_[std::size_t(h - w->start_)].c.level; }
    level_t max_at(hour_t h) const noexcept { return min_at(h); }
  };

  // Steps 3-5 from the start level `in_force`: opens e's segments (their `to` is set by the
  // caller) and returns the first hour no longer in force (buf_.size() when the data end first).
  std::size_t walk(episode& e, level_t in_force, bool data_ended) const {
    e.segments.push_back({in_force, start_, 0});
    const auto end = walk_level_in_force(known{this}, start_, in_force, buf_[0].c.level >= in_force, p_->lift_hours,
                                         [&](hour_t t, level_t l) {
                                           if (l > 0) e.segments.push_back({l, t, 0});
                                         });
    if (end.lifted) return std::size_t(end.at - start_);
    e.pending = true;  // the data end before a confirmed lift
    if (data_ended && end.pending_seen > 0) {
      e.pending_to = end.pending_to;
      e.pending_seen = end.pending_seen;
    }
    return buf_.size();
  }

  // Peak, lowest and mean daily AQI over the hours in force [0, stop).
  void set_daily_figures(episode& e, std::size_t stop) const {
    daily_figures f(e);
    for (std::size_t i = 0; i < stop; ++i) f.add(buf_[i].daily);
    f.set(e);
  }

  static fired_condition fired(const hour_condition& c) {
    if (!c.rule) return {c.level, {}, 0, 0};
    return {c.level, c.rule->cond, c.chain_end - c.rule->span + 1, c.chain_end};
  }

  const profile* p_;
  std::vector<hour_info> buf_;
  hour_t start_ = 0;
  std::size_t last_process_ = 0;
};

/// The episodes of a series of condition levels, one per hour from hour `first`.
inline std::vector<episode> episodes_of(std::span<const level_t> levels, hour_t first, const profile& p) {
  warning_tracker w(p);
  std::vector<episode> out;
  auto emit = [&](const episode& e) { out.push_back(e); };
  for (std::size_t i = 0; i < levels.size(); ++i)
    w.push(first + hour_t(i), no_value, hour_condition{levels[i], nullptr, 0}, emit);
  w.finish(emit);
  return out;
}

}  // namespace hpa
