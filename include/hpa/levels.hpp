#pragma once
// The condition level of each hour (§3.2.1, RULES.md §3): the highest level some duration rule
// covers the hour with. Streaming: one hour in, O(rules) work, hours come out once no later
// chain can still cover them (the longest chain's span later).
//
// A rule is a chain (blocks, calendar_days: windows 24 h apart) or a run (hourly_run: consecutive
// hours) of `main.hours` over a threshold ending at t, and optionally `within` it a shorter one
// over a higher threshold that lies inside the main one's last `main.hours` hours: it ends at
// some s in [t - (main.hours - within.hours), t] (red: > 300 for 24 h ending in [t-48, t], inside
// the 72 h over 200). It need not end at t. A chain covers its `main.hours` hours; a run covers
// only its last hour (hourly_run: an hour takes the level of the runs ending at it), and a missing
// or invalid hour breaks every run.

#include <algorithm>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "hpa/profile.hpp"
#include "hpa/rolling.hpp"
#include "hpa/time.hpp"

namespace hpa {

/// One condition of the profile compiled for the tracker (a level may have several: any_of).
struct compiled_rule {
  level_t level;
  condition cond;        ///< the profile's condition, as written
  std::size_t main_thr;  ///< index into rule_set::thresholds()
  int main_len;          ///< chain length: windows (blocks, calendar_days) or hours
  int within_thr = -1;   ///< -1: no inner rule
  int within_len = 0;
  hour_t within_slack = 0;  ///< the inner chain must end in [t - slack, t]: inside the main one
  int span;                 ///< hours a chain ending at t covers: [t - span + 1, t]
};

/// The condition level of one hour, with the rule and the chain behind it (the audit trail).
struct hour_condition {
  level_t level = 0;                    ///< 0 = none
  const compiled_rule* rule = nullptr;  ///< the rule that fired, when level > 0 (owned by the rule_set)
  hour_t chain_end = 0;                 ///< last hour of the covering chain, when level > 0
};

namespace detail {
constexpr hour_t floor_mod(hour_t a, hour_t m) noexcept { return ((a % m) + m) % m; }
}  // namespace detail

/// A profile's conditions compiled for the tracker: thresholds deduplicated, rules flattened and
/// sorted from the highest level down. Rules keep their address for the set's lifetime.
class rule_set {
 public:
  using rule = compiled_rule;

  explicit rule_set(const profile& p) : mode_(p.mode) {
    const bool hourly = mode_ == duration_mode::hourly_run;
    step_ = hourly ? 1 : 24;
    auto thr_index = [&](const threshold& t) {
      auto it = std::find(thresholds_.begin(), thresholds_.end(), t);
      if (it != thresholds_.end()) return static_cast<std::size_t>(it - thresholds_.begin());
      thresholds_.push_back(t);
      return thresholds_.size() - 1;
    };
    auto length = [&](int hours) { return hourly ? hours : std::max(1, hours / 24); };
    for (std::size_t l = p.levels.size(); l-- > 0;) {
      const auto& conds = p.levels[l].any_of;
      for (std::size_t c = 0; c < conds.size(); ++c) {
        rule r{};
        r.level = static_cast<level_t>(l + 1);
        r.cond = conds[c];
        r.main_thr = thr_index(conds[c].main.over);
        r.main_len = length(conds[c].main.hours);
        r.span = hourly ? 1 : r.main_len * 24;
        if (const auto& w = conds[c].within) {
          r.within_thr = static_cast<int>(thr_index(w->over));
          r.within_len = length(w->hours);
          // main_len - within_len steps of slack keep the inner chain's hours inside the main
          // chain's: blocks step 24 h per window, hourly_run 1 h per hour.
          r.within_slack = hour_t{step_} * std::max(0, r.main_len - r.within_len);
        }
        max_span_ = std::max(max_span_, r.span);
        rules_.push_back(r);
      }
    }
    for (const auto& t : thresholds_)
      if (t.value < lowest_.value || (t.value == lowest_.value && t.inclusive)) lowest_ = t;
  }

  const std::vector<rule>& rules() const noexcept { return rules_; }
  const std::vector<threshold>& thresholds() const noexcept { return thresholds_; }
  duration_mode mode() const noexcept { return mode_; }
  int step() const noexcept { return step_; }
  int max_span() const noexcept { return max_span_; }
  /// The lowest threshold: a daily AQI that passes it passes none, and breaks every chain.
  const threshold& lowest() const noexcept { return lowest_; }

 private:
  duration_mode mode_;
  int step_ = 24;
  int max_span_ = 1;
  threshold lowest_{std::numeric_limits<double>::infinity(), false};
  std::vector<threshold> thresholds_;
  std::vector<rule> rules_;
};

/// "daily AQI > 200 lasting 72 h, with > 300 lasting 24 h within them": what a condition asks.
inline std::string describe(const condition& c) {
  auto one = [](const duration_rule& d) {
    auto num = std::to_string(d.over.value);
    num.erase(num.find_last_not_of('0') + 1);
    if (num.back() == '.') num.pop_back();
    return std::string(d.over.inclusive ? ">= " : "> ") + num + " lasting " + std::to_string(d.hours) + " h";
  };
  std::string s = "daily AQI " + one(c.main);
  if (c.within) s += ", with " + one(*c.within) + " within them";
  return s;
}

/// Finds the condition level of each hour of one station, hour by hour. Feed it the daily AQI
/// of consecutive hours from `first` (NaN where there is none); it calls
/// `emit(hour, daily_aqi, hour_condition)` for each hour once no later chain can cover it, in
/// order, and the rest on finish(). Coverage is clipped to the span of the data (RULES.md §3).
/// O(rules) per hour, no allocation after construction; hours with no chain near are cheaper.
class condition_tracker {
 public:
  condition_tracker(const rule_set&&, hour_t) = delete;  // kept by reference: a temporary would dangle
  condition_tracker(const rule_set& rules, hour_t first)
      : rules_(&rules),
        first_(first),
        next_(first),
        counts_(rules.thresholds().size() * static_cast<std::size_t>(rules.step()), 0),
        last_inner_(rules.rules().size(), std::numeric_limits<hour_t>::min() / 2),
        ends_(rules.rules().size()),
        pending_(static_cast<std::size_t>(rules.max_span()), no_value) {
    std::size_t cap = 1;
    while (cap < static_cast<std::size_t>(rules.max_span()) + 1) cap *= 2;
    for (auto& f : ends_) f.init(cap);
    lowest_ = rules.lowest();
    skip_to(first);
  }

  /// The next hour to push.
  hour_t next_hour() const noexcept { return next_; }
  /// How many hours an hour waits before it is final.
  int max_span() const noexcept { return rules_->max_span(); }
  /// Jumps to hour t over a gap so long that every chain and pending hour has drained.
  void skip_to(hour_t t) noexcept {
    next_ = t;
    slot_ = static_cast<std::size_t>(detail::floor_mod(t, rules_->step()));
    pending_slot_ = static_cast<std::size_t>(detail::floor_mod(t, rules_->max_span()));
  }

  /// Pushes the daily AQI of hour `next_hour()`.
  template <class Emit>
  void push(double daily, Emit&& emit) {
    const hour_t t = next_++;
    const auto& rs = *rules_;
    const auto step = static_cast<std::size_t>(rs.step());
    const std::size_t slot = slot_;
    if (++slot_ == step) slot_ = 0;
    double d = daily;
    if (rs.mode() == duration_mode::calendar_days && detail::floor_mod(t, 24) != 23) d = no_value;
    const auto& thr = rs.thresholds();
    if (!lowest_.passed_by(d)) {  // the common clean hour: every chain breaks, none ends here
      for (std::size_t i = 0; i < thr.size(); ++i) counts_[i * step + slot] = 0;
    } else {
      for (std::size_t i = 0; i < thr.size(); ++i) {
        auto& c = counts_[i * step + slot];
        c = thr[i].passed_by(d) ? static_cast<std::uint16_t>(c < 60000 ? c + 1 : c) : 0;
      }
      const auto& rules = rs.rules();
      for (std::size_t r = 0; r < rules.size(); ++r) {
        const auto& rr = rules[r];
        if (rr.within_thr >= 0 && counts_[static_cast<std::size_t>(rr.within_thr) * step + slot] >= rr.within_len)
          last_inner_[r] = t;
        if (counts_[rr.main_thr * step + slot] < rr.main_len) continue;
        if (rr.within_thr >= 0 && last_inner_[r] < t - rr.within_slack) continue;
        ends_[r].push(t);
        ++open_ends_;
      }
    }
    pending_[pending_slot_] = daily;
    if (++pending_slot_ == pending_.size()) pending_slot_ = 0;
    const hour_t h = t - rs.max_span() + 1;
    if (h >= first_) finalize(h, pending_[pending_slot_], emit);  // h's slot is the next to write
  }

  /// Emits the hours still waiting for chains that can no longer come (the data ended).
  template <class Emit>
  void finish(Emit&& emit) {
    for (hour_t h = std::max(first_, next_ - rules_->max_span() + 1); h < next_; ++h)
      finalize(h, pending_[static_cast<std::size_t>(detail::floor_mod(h, rules_->max_span()))], emit);
  }

 private:
  struct fifo {  // chain ends, oldest first; never more than max_span + 1 at once
    std::vector<hour_t> buf;
    std::size_t mask = 0, head = 0, size = 0;
    void init(std::size_t capacity) {
      buf.resize(capacity);
      mask = capacity - 1;
    }
    void push(hour_t t) { buf[(head + size++) & mask] = t; }
    std::size_t pop_before(hour_t h) {
      std::size_t popped = 0;
      while (size && buf[head] < h) {
        head = (head + 1) & mask;
        --size;
        ++popped;
      }
      return popped;
    }
  };

  template <class Emit>
  void finalize(hour_t h, double d, Emit& emit) {
    hour_condition c;
    if (open_ends_ == 0) {
      emit(h, d, c);
      return;
    }
    const auto& rules = rules_->rules();
    for (std::size_t r = 0; r < rules.size(); ++r) {
      auto& f = ends_[r];
      open_ends_ -= f.pop_before(h);
      if (c.level == 0 && f.size && f.buf[f.head] <= h + rules[r].span - 1)
        c = {rules[r].level, &rules[r], f.buf[f.head]};
    }
    emit(h, d, c);
  }

  const rule_set* rules_;
  hour_t first_, next_;
  std::size_t slot_ = 0, pending_slot_ = 0;
  threshold lowest_;
  std::size_t open_ends_ = 0;          // chain ends held in all fifos
  std::vector<std::uint16_t> counts_;  // chain (or run) length ending at each slot, per threshold
  std::vector<hour_t> last_inner_;     // last end of each rule's inner chain
  std::vector<fifo> ends_;             // chain ends per rule not yet behind the finalized hour
  std::vector<double> pending_;        // daily AQI of the hours not yet finalized
};

/// The condition level of each hour of a gap-free daily-AQI series starting at hour `first`;
/// each names the rule of `rules` that fired (valid while `rules` lives).
inline std::vector<hour_condition> condition_levels(std::span<const double> daily, hour_t first,
                                                    const rule_set& rules) {
  condition_tracker tracker(rules, first);
  std::vector<hour_condition> out;
  out.reserve(daily.size());
  auto emit = [&](hour_t, double, const hour_condition& c) { out.push_back(c); };
  for (double d : daily) tracker.push(d, emit);
  tracker.finish(emit);
  return out;
}

/// The same with the profile's rules compiled here: levels and chains only (`rule` is null, as
/// the compiled rules end with the call).
inline std::vector<hour_condition> condition_levels(std::span<const double> daily, hour_t first, const profile& p) {
  const rule_set rules(p);
  auto out = condition_levels(daily, first, rules);
  for (auto& c : out) c.rule = nullptr;
  return out;
}

}  // namespace hpa
