#pragma once
// The hourly decision (§3.2.2-§3.2.4, RULES.md §5): given the episodes of an observed+forecast
// timeline, the decision time and what was issued before, which warning must be in force and
// what must be done now: issue (with its deadline and lateness), upgrade, downgrade, lift, the
// announcements ahead of a confirmed downgrade or lift, or nothing.

#include <optional>
#include <string>
#include <vector>

#include "hpa/episodes.hpp"
#include "hpa/profile.hpp"
#include "hpa/rolling.hpp"

namespace hpa {

/// What has been issued for a station (the state kept between runs).
struct issued_warning {
  level_t level = 0;           ///< 0: nothing issued
  hour_t start = 0;            ///< the hour it takes (or took) effect
  level_t announced_to = 0;    ///< a downgrade (or lift, 0) announced ahead …
  std::optional<hour_t> announced_at;  ///< … to take effect at this hour
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
  bool monitoring_override = false;  ///< §3.2.4: observed heavy pollution, no improvement within 24 h
};

/// Observed and forecast daily AQI around the decision hour, for the monitoring override.
struct air_now {
  double daily_now = no_value;             ///< the daily AQI at the decision hour
  level_t condition_now = 0;               ///< the condition level at the decision hour
  std::vector<double> daily_next_24h;      ///< the forecast daily AQI of the next 24 hours
};

struct watch_decision {
  level_t required = 0;        ///< the level that must be in force now
  const episode* current = nullptr;   ///< the episode holding now, if any
  const episode* upcoming = nullptr;  ///< else the next one in the forecast
  std::vector<watch_action> actions;  ///< empty: no change
  std::string hold;            ///< with no action: why the level is held, if it is
  issued_warning next;         ///< the state once the actions are taken
};

namespace detail {
inline level_t level_at(const episode& e, hour_t t) {
  for (const auto& s : e.segments)
    if (s.from <= t && t <= s.to) return s.level;
  return 0;
}
}  // namespace detail

/// Decides for one station. `episodes` in time order from the whole timeline; `now` the
/// decision hour; `before` what was issued; `air` for the monitoring override.
inline watch_decision decide(const std::vector<episode>& episodes, hour_t now, const issued_warning& before,
                             const air_now& air, const profile& p) {
  watch_decision d;
  for (const auto& e : episodes) {
    if (e.start <= now && now <= e.end) d.current = &e;
    else if (e.start > now && !d.upcoming && !d.current) d.upcoming = &e;
  }
  if (d.current) d.required = detail::level_at(*d.current, now);
  d.next = before;

  // §3.2.4: observed air already heavy (> 200) and the forecast no better within 24 h.
  bool heavy = has_value(air.daily_now) && air.daily_now > 200 && !air.daily_next_24h.empty();
  for (double x : air.daily_next_24h) heavy &= has_value(x) && x > 200;

  const episode* target = d.current ? d.current : d.upcoming;
  const level_t want = d.current ? d.required : d.upcoming ? d.upcoming->segments.front().level : 0;
  auto act = [&](action_kind k, level_t to, hour_t effective) {
    watch_action a{k, before.level, to, effective, std::nullopt, 0, false};
    if (k == action_kind::issue || k == action_kind::upgrade) a.monitoring_override = heavy && d.current;
    d.actions.push_back(a);
  };

  if (before.level == 0) {
    if (target) {
      watch_action a{action_kind::issue, 0, want, std::max(now, target->start), target->issue_by, 0, false};
      a.late_hours = static_cast<int>(std::max<hour_t>(0, now - target->issue_by));
      a.monitoring_override = heavy && d.current;
      d.actions.push_back(a);
      d.next = {want, target->start, 0, std::nullopt};
    }
  } else if (!target) {
    act(action_kind::lift, 0, now);
    d.next = {};
  } else if (want > before.level) {
    act(action_kind::upgrade, want, now);
    d.next = {want, before.start, 0, std::nullopt};
  } else if (want < before.level && d.current) {
    act(want == 0 ? action_kind::lift : action_kind::downgrade, want, now);
    d.next = want == 0 ? issued_warning{} : issued_warning{want, before.start, 0, std::nullopt};
  } else {
    if (!d.current && target->start != before.start) {  // the forecast moved the start
      act(action_kind::reschedule, before.level, target->start);
      d.next.start = target->start;
    }
    if (d.current) {  // a confirmed change ahead is announced ahead (§3.2.4 "提前发布信息")
      std::optional<hour_t> at;
      level_t to = 0;
      for (const auto& s : d.current->segments)
        if (s.from > now && s.level < want) { at = s.from; to = s.level; break; }
      if (!at && d.current->lift) { at = d.current->lift; to = 0; }
      if (at && (before.announced_at != at || before.announced_to != to)) {
        act(to == 0 ? action_kind::announce_lift : action_kind::announce_downgrade, to, *at);
        d.next.announced_at = at;
        d.next.announced_to = to;
      }
      if (!at && d.current->pending && air.condition_now < want)
        d.hold = "the air is below " + p.level_name(want) + " now, but the timeline confirms only " +
                 std::to_string(d.current->pending_seen) + " of the " + std::to_string(p.lift_hours) +
                 " h of improvement needed: " + p.level_name(want) + " is held";
    }
  }
  return d;
}

}  // namespace hpa
