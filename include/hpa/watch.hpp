#pragma once
// The hourly decision (§3.2.2-§3.2.4, RULES.md §5, §9): given a station's timeline at the decision
// hour (observed up to it, forecast after) and what was issued before, which warning must be in
// force and what must be done now: issue (with its deadline and lateness), upgrade, downgrade,
// lift, reschedule, the announcements ahead of a final downgrade or lift, or nothing.
//
// Only decisions more data cannot take back (RULES.md §9): issue and upgrade on C_min (what the
// timeline already shows); downgrade and lift only to the highest level in force any continuation
// can still give (final_conditions.hpp), so never while the warning is still in force in hindsight.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "hpa/episodes.hpp"
#include "hpa/final_conditions.hpp"
#include "hpa/profile.hpp"

namespace hpa {

/// What has been issued for a station (the state kept between runs).
struct issued_warning {
  level_t level = 0;           ///< 0: nothing issued
  hour_t start = 0;            ///< the hour it takes (or took) effect
  level_t announced_to = 0;    ///< a downgrade (or lift, 0) announced ahead …
  std::optional<hour_t> announced_at;  ///< … to take effect at this hour
  std::optional<hour_t> lifted_at;     ///< with level 0: when the last warning was lifted
  friend bool operator==(const issued_warning&, const issued_warning&) = default;
};

enum class action_kind { issue, upgrade, downgrade, lift, announce_downgrade, announce_lift, reschedule };

inline const char* to_string(action_kind k) {
  switch (k) {
    case action_kind::issue: return "issue";
    case action_kind::upgrade: return "upgrade";
    case action_kind::downgrade: return "downgrade";
    case action_kind::lift: return "lift";
    case action_kind::announce_downgrade: return "announce-downgrade";
    case action_kind::announce_lift: return "announce-lift";
    case action_kind::reschedule: return "reschedule";
  }
  return "";
}

struct watch_action {
  action_kind kind;
  level_t from = 0, to = 0;
  hour_t effective = 0;            ///< when the new level takes effect
  std::optional<hour_t> deadline;  ///< issue by (start - lead, §3.2.3)
  int late_hours = 0;              ///< > 0: the deadline passed this many hours ago
  bool monitoring_override = false;  ///< §3.2.4: observed heavy pollution, no improvement ahead
};

struct watch_decision {
  level_t required = 0;               ///< the level in force now, once the actions are taken
  std::optional<episode> current;     ///< the episode of the timeline (C_min) holding now, if any
  std::optional<episode> upcoming;    ///< else the next one in the forecast
  std::vector<watch_action> actions;  ///< empty: no change
  std::string hold;                   ///< with no action: why the level is held, if it is
  issued_warning next;                ///< the state once the actions are taken
};

namespace detail {

// What a decision sees of the timeline: the episodes of C_min (what it already shows) and the
// highest levels in force any continuation can give, both walked from a quiet hour before the
// warning and the decision hour.
struct watch_view {
  const condition_bounds& b;
  const profile& p;
  hour_t now;
  std::vector<episode> lower;
  level_bounds upper;

  watch_view(const condition_bounds& bounds, const profile& prof, hour_t decision, const issued_warning& before)
      : b(bounds), p(prof), now(decision) {
    hour_t from = now;
    if (before.level > 0) from = std::min(from, before.start);
    if (before.lifted_at) from = std::min(from, *before.lifted_at);
    from = quiet_start(b, std::min(from, b.end()), p.lift_hours);
    warning_tracker w(p);
    auto emit = [&](const episode& e) { lower.push_back(e); };
    for (hour_t h = from; h <= b.last(); ++h) w.push(h, b.daily_at(h), hour_condition{b.min_at(h), 0, 0}, emit);
    w.finish(emit);
    upper = upper_levels_in_force(b, from, p);
  }

  // The episode of C_min holding hour h; one still open when the data end holds on after them.
  const episode* lower_at(hour_t h) const {
    for (const auto& e : lower)
      if (e.start <= h && (h <= e.end || (e.pending && e.end == b.last()))) return &e;
    return nullptr;
  }
  const episode* lower_after(hour_t h) const {
    for (const auto& e : lower)
      if (e.start > h) return &e;
    return nullptr;
  }
  level_t lower_level(hour_t h) const {
    const episode* e = lower_at(h);
    if (!e) return 0;
    return h <= e->end ? level_in_force(*e, h) : e->segments.back().level;
  }
  // §3.2.4 monitoring override: heavy pollution observed at now and no clear improvement in the
  // forecast of the next override_hours hours.
  bool heavy() const {
    const double d = b.daily_at(now);
    if (!has_value(d) || !(d > p.override_over)) return false;
    bool any = false;
    for (hour_t h = now + 1; h <= std::min<hour_t>(now + p.override_hours, b.last()); ++h) {
      const double x = b.daily_at(h);
      if (!has_value(x) || !(x > p.override_over)) return false;
      any = true;
    }
    return any;
  }
};

class decider {
 public:
  decider(const watch_view& v, watch_decision& d) : v_(v), d_(d), s_(d.next), lifted_before_(d.next.lifted_at) {}

  void run() {
    if (s_.announced_at && *s_.announced_at < v_.now) {  // its hour has passed: done or withdrawn
      s_.announced_at.reset();
      s_.announced_to = 0;
    }
    if (s_.level > 0 && s_.start > v_.now) not_started();
    else if (s_.level > 0) in_force();
    if (s_.level == 0) issue();
    if (s_.level > 0) announce();
    d_.required = s_.level > 0 && s_.start <= v_.now ? s_.level : 0;
    if (d_.actions.empty()) hold_reason();
  }

 private:
  void act(action_kind k, level_t from, level_t to, hour_t effective) {
    d_.actions.push_back({k, from, to, effective, std::nullopt, 0, false});
  }
  void lift_now() {
    act(action_kind::lift, s_.level, 0, v_.now);
    s_ = issued_warning{};
    s_.lifted_at = v_.now;
  }
  // The stretch of hours that may hold the warning's episode.
  const level_bounds::span* span_of_warning() const {
    if (const auto* x = v_.upper.span_at(s_.start)) return x;
    return v_.upper.span_at(std::min(v_.now, v_.b.last()));
  }

  // A warning in force: upgrade on what the timeline shows, downgrade or lift only as far as
  // every continuation allows; its episode over (36 h without any condition, final), lift it.
  void in_force() {
    const level_t L = s_.level, shown = v_.lower_level(v_.now);
    const auto* x = span_of_warning();
    if ((x && x->lift && *x->lift <= v_.now) || (!x && v_.upper.at(v_.now) == 0)) {
      lift_now();
      return;
    }
    if (shown > L) {
      act(action_kind::upgrade, L, shown, v_.now);
      d_.actions.back().monitoring_override = v_.heavy();
      set_level(shown);
      return;
    }
    const level_t bound = v_.upper.at(v_.now);
    if (bound >= L) return;
    if (bound == 0) { lift_now(); return; }
    const level_t to = std::max(bound, shown);
    act(action_kind::downgrade, L, to, v_.now);
    set_level(to);
  }

  // A warning not yet in force follows the timeline at once, both ways: moved, cancelled, or
  // re-graded at its start (a downgrade only as far as every continuation allows).
  void not_started() {
    const episode* e = v_.lower_at(v_.now);
    if (!e) e = v_.lower_after(v_.now);
    if (!e) { lift_now(); return; }
    const hour_t at = std::max(v_.now, e->start);
    if (e->start != s_.start) {
      act(action_kind::reschedule, s_.level, s_.level, at);
      s_.start = e->start;
    }
    const level_t L = s_.level, shown = v_.lower_level(at);
    const level_t to = shown > L ? shown : std::max(shown, std::min(L, v_.upper.at(at)));
    if (to == L) return;
    act(to > L ? action_kind::upgrade : action_kind::downgrade, L, to, at);
    if (to > L && at == v_.now) d_.actions.back().monitoring_override = v_.heavy();
    set_level(to);
  }

  // Nothing in force: issue the episode holding now, else the next one the forecast shows. Its
  // lateness counts from its own start, or from the first condition after the last lift.
  void issue() {
    const episode* e = v_.lower_at(v_.now);
    const bool current = e != nullptr;
    if (!e) e = v_.lower_after(v_.now);
    if (!e) return;
    hour_t start = e->start;
    if (lifted_before_ && *lifted_before_ > start) {  // the lift of an earlier run, not of this one
      start = v_.now;
      for (hour_t h = *lifted_before_; h <= v_.now; ++h)
        if (v_.b.min_at(h) > 0) { start = h; break; }
    }
    const level_t to = current ? v_.lower_level(v_.now) : v_.lower_level(e->start);
    watch_action a{action_kind::issue, 0, to, std::max(v_.now, start), start - v_.p.lead_hours, 0, false};
    a.late_hours = static_cast<int>(std::max<hour_t>(0, v_.now - *a.deadline));
    a.monitoring_override = current && v_.heavy();
    d_.actions.push_back(a);
    s_ = issued_warning{to, start, 0, std::nullopt, std::nullopt};
  }

  // The first final change after now (or after the start), announced ahead (§3.2.4 "提前发布"),
  // once: a change the timeline shows coming before it (an upgrade) stops the look-ahead.
  void announce() {
    const hour_t from = std::max(v_.now, s_.start);
    const auto* x = span_of_warning();
    std::optional<hour_t> at;
    level_t to = 0;
    for (hour_t h = from + 1; h <= v_.b.last(); ++h) {
      if (x && x->lift && h >= *x->lift) { at = *x->lift; to = 0; break; }
      if (v_.lower_level(h) > s_.level) break;
      const level_t bound = v_.upper.at(h);
      if (bound < s_.level) { at = h; to = bound; break; }
    }
    if (!at || (s_.announced_at == at && s_.announced_to == to)) return;
    act(to == 0 ? action_kind::announce_lift : action_kind::announce_downgrade, s_.level, to, *at);
    s_.announced_at = at;
    s_.announced_to = to;
  }

  void set_level(level_t l) {
    s_.level = l;
    s_.announced_at.reset();
    s_.announced_to = 0;
  }

  // Why a warning in force is held while the timeline shows the air below it.
  void hold_reason() {
    if (d_.required == 0 || v_.b.min_at(v_.now) >= s_.level) return;
    const auto& b = v_.b;
    const level_t L = s_.level;
    hour_t from = v_.now;
    while (from > std::max(s_.start, b.first) && b.min_at(from - 1) < L) --from;
    int final_hours = 0;
    while (from + final_hours <= b.last() && b.max_at(from + final_hours) < L) ++final_hours;
    const std::string name = v_.p.level_name(L), need = std::to_string(v_.p.lift_hours);
    if (final_hours < v_.p.lift_hours) {
      const hour_t open = std::max(v_.now, b.last()) - (from + final_hours) + 1;
      d_.hold = std::to_string(final_hours) + " of " + need + " h of improvement are final; " +
                (open > 0 ? "the last " + std::to_string(open) + " h can still be covered" : "the timeline ends there") +
                ": " + name + " is held";
    } else {
      d_.hold = std::to_string(final_hours) + " h of improvement below " + name +
                " are final, but a later process of this episode could still raise it: " + name +
                " is held until " + need + " h without any condition are final";
    }
  }

  const watch_view& v_;
  watch_decision& d_;
  issued_warning& s_;
  std::optional<hour_t> lifted_before_;
};

}  // namespace detail

/// Decides for one station at hour `now` from the condition bounds of its timeline (observed
/// hours up to now, forecast after; observed rows after now must not be in it) and what was
/// issued before.
inline watch_decision decide(const condition_bounds& b, hour_t now, const issued_warning& before, const profile& p) {
  watch_decision d;
  d.next = before;
  const detail::watch_view v(b, p, now, before);
  if (const episode* e = v.lower_at(now)) d.current = *e;
  else if (const episode* u = v.lower_after(now)) d.upcoming = *u;
  detail::decider(v, d).run();
  return d;
}

/// Decides for one station from its timeline points (in time order, cut at now plus the
/// forecast), read as `kind` says.
inline watch_decision decide(std::span<const timeline_point> timeline, series_kind kind, hour_t now,
                             const issued_warning& before, const profile& p) {
  return decide(final_conditions(timeline, kind, p), now, before, p);
}

}  // namespace hpa
