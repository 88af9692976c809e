#pragma once
// Replaying the hourly decision over a season (RULES.md §9): the decision at every hour of a span
// as a cron job would have taken it (rows after the hour hidden, optionally the next hours given
// as a perfect forecast), with the issued state carried from hour to hour, and how it compares
// with the episodes of the whole series (§4 in hindsight): "how would our cron job have done".

#include <algorithm>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "hpa/directives.hpp"
#include "hpa/episodes.hpp"
#include "hpa/final_conditions.hpp"
#include "hpa/forecast.hpp"
#include "hpa/pipeline.hpp"
#include "hpa/watch.hpp"

namespace hpa {

/// An action of the replay, the hour it was decided at and the start of the warning it concerns.
struct replay_action {
  hour_t decided_at = 0;
  watch_action action;
  hour_t warning_start = 0;
};

/// An action of a replay with directives: what it rests on and the document it concerns, as
/// decide_with_directives gives them.
struct directed_replay_action {
  replay_action at;
  basis why = basis::rules;
  std::string source;
};

struct replay_options {
  hour_t from = 0;         ///< the first decision hour
  hour_t to = 0;           ///< the last decision hour (inclusive)
  int forecast_hours = 0;  ///< the next hours of the series given as a perfect forecast (0: none)
  /// The forecasts as issued (forecast.hpp): each hour sees the latest issue by then after the
  /// observed hours, unless it is stale. With it, forecast_hours is 0.
  const forecast_book* forecasts = nullptr;
};

/// A replay: every action, and the level in force online at each decision hour, stretch by
/// stretch (RULES.md §9's test compares it with hindsight hour by hour).
struct replay_run {
  std::vector<directed_replay_action> actions;
  std::vector<segment> online;  ///< over [from, to], consecutive; level 0 where none is in force
};

namespace detail {
inline void record_level(std::vector<segment>& v, hour_t h, level_t l) {
  if (!v.empty() && v.back().level == l && v.back().to + 1 == h)
    v.back().to = h;
  else
    v.push_back({l, h, h});
}

// The replay of both forms: `ds` empty, the rules alone (every action on the rules' basis). Hours
// after the timeline's last value (a gap in the data, or its end) decide alike until the next
// value comes in: they are skipped, not walked.
inline replay_run replay(std::span<const timeline_point> series, series_kind kind, const replay_options& o,
                         const profile& p, std::span<const directive> ds) {
  replay_run out;
  if (series.empty() || o.to < o.from) return out;
  const rule_set rules(p);
  final_condition_tracker tracker(p, rules, series.front().hour, kind);
  const hour_t span = kind == series_kind::daily ? 23 : 0;
  std::size_t next = 0;
  timeline_point last_observed{};
  bool any = false;
  issued_warning state;
  directive_memory memory;
  hour_t start = 0;  // with directives: the start of the warning in force (or due)
  level_t required = 0;
  std::vector<directive> active;
  for (hour_t now = o.from; now <= o.to; ++now) {
    for (; next < series.size() && series[next].hour + span <= now + o.forecast_hours; ++next) {
      tracker.push(series[next].hour, series[next].value);
      last_observed = series[next];
      any = true;
    }
    if (!any || (ds.empty() && !o.forecasts && tracker.next_hour() <= now && !out.online.empty() &&
                 out.online.back().to + 1 == now && !state.announced_at)) {
      // nothing known yet, or nothing new since the timeline ended: as the hour before
      hour_t until = o.to;
      if (next < series.size()) until = std::min(until, series[next].hour + span - o.forecast_hours - 1);
      record_level(out.online, now, required);
      if (until > now) {
        out.online.back().to = until;
        now = until;
      }
      continue;
    }
    std::optional<condition_bounds> with_forecast;  // the observed hours, then the latest issue
    if (o.forecasts)
      if (const auto f = pick_forecast(*o.forecasts, now, p); f.usable())
        with_forecast = forecast_bounds(tracker, last_observed,
                                        o.forecasts->points(*f.issued_at, tracker.next_hour() - 1, kind, p), kind, p);
    const condition_bounds& bounds = with_forecast ? *with_forecast : tracker.bounds();
    if (!ds.empty()) {
      // those received by now and not over before the hour before: the others ask nothing now
      active.clear();
      for (const auto& d : ds)
        if (d.received_at <= now && (!d.end || *d.end >= now)) active.push_back(d);
      auto x = decide_with_directives(bounds, now, state, active, memory, p);
      for (auto& a : x.actions) {
        if (a.action.kind == action_kind::issue || a.action.kind == action_kind::reschedule) start = a.action.effective;
        out.actions.push_back({{now, a.action, start}, a.why, std::move(a.source)});
      }
      state = x.next;
      memory = {now, std::move(x.acted)};
      required = x.required;
    } else {
      auto d = decide(bounds, now, state, p);
      for (const auto& a : d.actions)
        out.actions.push_back({{now, a, a.kind == action_kind::lift ? state.start : d.next.start}, basis::rules, {}});
      state = d.next;
      required = d.required;
    }
    record_level(out.online, now, required);
    // what no later decision looks at: before a quiet stretch ahead of the warning and now
    const hour_t anchor = state.level > 0 ? std::min(now, state.since.value_or(state.start)) : now;
    tracker.forget_before(quiet_start(tracker.bounds(), anchor, p.lift_hours));
  }
  return out;
}
}  // namespace detail

/// The whole replay (actions and the level in force online) at every hour of [o.from, o.to], with
/// the directives of the station's area (`ds`, as directives_for orders them; empty: none).
inline replay_run replay_season(std::span<const timeline_point> series, series_kind kind, const replay_options& o,
                                const profile& p, std::span<const directive> ds = {}) {
  return detail::replay(series, kind, o, p, ds);
}

/// Decides at every hour of [o.from, o.to] on `series` (points in time order, read as `kind`
/// says), from a fresh state: at hour t the timeline holds the values up to t, and those of the
/// next forecast_hours hours as a forecast (a calendar day's value counts once its last hour is
/// in). Incremental: one final_condition_tracker runs over the series; each decision walks only
/// from the last quiet hour. Returns every action, in order.
inline std::vector<replay_action> replay_watch(std::span<const timeline_point> series, series_kind kind,
                                               const replay_options& o, const profile& p) {
  std::vector<replay_action> out;
  for (auto& a : detail::replay(series, kind, o, p, {}).actions) out.push_back(a.at);
  return out;
}

/// The same with the directives of the station's area (`ds`, as directives_for orders them):
/// each hour sees those received by then, as decide_with_directives does under cron.
inline std::vector<directed_replay_action> replay_watch(std::span<const timeline_point> series, series_kind kind,
                                                        const replay_options& o, const profile& p,
                                                        std::span<const directive> ds) {
  return detail::replay(series, kind, o, p, ds).actions;
}

/// The actions of a replay with directives, as compare_with_hindsight takes them.
inline std::vector<replay_action> plain_actions(std::span<const directed_replay_action> v) {
  std::vector<replay_action> out;
  for (const auto& a : v) out.push_back(a.at);
  return out;
}

namespace detail {
// The rules over a whole series: its episodes and, with `keep_daily`, every hour's daily AQI.
struct hindsight_run : station_sink {
  bool keep_daily = false;
  std::vector<episode> episodes;
  std::vector<std::pair<hour_t, double>> daily;
  void on_hour(hour_t h, double d, const hour_condition&) {
    if (keep_daily) daily.emplace_back(h, d);
  }
  void on_episode(const episode& e) { episodes.push_back(e); }
};
inline hindsight_run run_hindsight(std::span<const timeline_point> series, series_kind kind, const profile& p,
                                   bool keep_daily) {
  hindsight_run s;
  s.keep_daily = keep_daily;
  if (series.empty()) return s;
  const rule_set rules(p);
  station_pipeline<hindsight_run> pipe(p, rules, series.front().hour, kind);
  for (const auto& x : series) pipe.push(x.hour, x.value, s);
  pipe.finish(s);
  return s;
}
}  // namespace detail

/// The episodes of a whole series in hindsight (RULES.md §4), as hpa-episodes gives them.
inline std::vector<episode> hindsight_episodes(std::span<const timeline_point> series, series_kind kind,
                                               const profile& p) {
  return detail::run_hindsight(series, kind, p, false).episodes;
}

/// The episodes of a whole series in hindsight with directives (`ds`, the station's, as
/// directives_for orders them), as hpa-episodes --directives gives them (with_directives).
inline std::vector<episode> hindsight_episodes(std::span<const timeline_point> series, series_kind kind,
                                               const profile& p, std::span<const directive> ds) {
  if (ds.empty()) return hindsight_episodes(series, kind, p);
  auto s = detail::run_hindsight(series, kind, p, true);
  if (s.daily.empty()) return std::move(s.episodes);
  auto daily_at = [&](hour_t h) {
    const auto it = std::lower_bound(s.daily.begin(), s.daily.end(), std::pair<hour_t, double>{h, -1.0});
    return it != s.daily.end() && it->first == h ? it->second : no_value;
  };
  std::vector<episode> out;
  for (auto& d : with_directives(s.episodes, ds, s.daily.front().first, s.daily.back().first, p, daily_at))
    out.push_back(std::move(d.e));
  for (const auto& e : s.episodes)
    if (!e.warns()) out.push_back(e);  // withheld and advisory ones, as the rules give them
  std::stable_sort(out.begin(), out.end(), [](const episode& a, const episode& b) { return a.start < b.start; });
  return out;
}

/// A replay against hindsight. Each online warning belongs to the hindsight episode in force at
/// its start (else the first one it overlaps): the episode it was issued for.
struct replay_summary {
  int issues = 0, upgrades = 0, downgrades = 0, lifts = 0, announcements = 0, reschedules = 0;
  int episodes = 0;                           ///< hindsight episodes that start within the span
  int contradicted = 0;                       ///< lifts (and their announcements) taking effect while the warning's own
                                              ///< episode is in force in hindsight (goal 0)
  int issued_twice = 0;                       ///< hindsight episodes two or more online warnings belong to (goal 0)
  int missed = 0;                             ///< hindsight episodes starting within the span no warning overlaps
  std::vector<int> issue_lag;                 ///< per episode starting in the span: decision hour of the first issue
                                              ///< of a warning for it (or covering it) - its start (negative: ahead)
  std::vector<int> lift_lag;                  ///< per episode lifted in both: online lift - hindsight lift, hours
  std::vector<replay_action> contradictions;  ///< the actions counted in `contradicted`
  int reported_missed = 0;  ///< episodes the replay reported missed (over before they could be issued)
  int updates = 0;          ///< announcements made again, each replacing an earlier one
  int unannounced = 0;      ///< downgrades and lifts of a warning in force taking effect in the hour they
                            ///< were decided, with no announcement ahead since its level last changed
  /// Hours of the span by the level in force online against hindsight's (RULES.md §9's test); with
  /// the longest run of hours above it.
  int hours_same = 0, hours_above = 0, hours_below = 0, longest_above = 0;
  /// What a bureau published: issues, upgrades, announcements (their updates too), reschedules.
  int notices() const noexcept { return issues + upgrades + announcements + reschedules; }
};

/// The median of a list of hours (the lower middle one for an even count); nullopt when empty.
inline std::optional<int> median_hours(std::vector<int> v) {
  if (v.empty()) return std::nullopt;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>((v.size() - 1) / 2), v.end());
  return v[(v.size() - 1) / 2];
}

namespace detail {
struct online_warning {
  hour_t start;
  hour_t end;  // the lift (exclusive); far away while in force
  hour_t issued_at;
  const episode* owner = nullptr;
};

inline hour_t episode_end(const episode& e) { return e.lift ? *e.lift : e.end + 1; }

// The warnings the actions put in force, and for each action the index of its warning (-1: none).
inline std::vector<online_warning> online_warnings(std::span<const replay_action> actions, std::vector<int>& of) {
  constexpr hour_t open = std::numeric_limits<hour_t>::max() / 4;
  std::vector<online_warning> out;
  int current = -1;
  of.assign(actions.size(), -1);
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const auto& [at, a, start] = actions[i];
    if (a.kind == action_kind::issue) {
      out.push_back({start, open, at});
      current = static_cast<int>(out.size()) - 1;
    }
    of[i] = current;
    if (current < 0) continue;
    if (a.kind == action_kind::reschedule) out[std::size_t(current)].start = start;
    if (a.kind == action_kind::lift) {
      out[std::size_t(current)].end = a.effective;
      current = -1;
    }
  }
  return out;
}

inline const episode* owner_of(const online_warning& w, std::span<const episode> hindsight) {
  for (const auto& e : hindsight)
    if (e.start <= w.start && w.start < episode_end(e)) return &e;
  for (const auto& e : hindsight)
    if (w.start <= e.start && e.start < w.end) return &e;
  return nullptr;
}

inline void count(replay_summary& s, action_kind k) {
  switch (k) {
    case action_kind::issue:
      ++s.issues;
      break;
    case action_kind::upgrade:
      ++s.upgrades;
      break;
    case action_kind::downgrade:
      ++s.downgrades;
      break;
    case action_kind::lift:
      ++s.lifts;
      break;
    case action_kind::announce_downgrade:
    case action_kind::announce_lift:
      ++s.announcements;
      break;
    case action_kind::reschedule:
      ++s.reschedules;
      break;
    case action_kind::missed:
      ++s.reported_missed;
      break;
  }
}

// Downgrades and lifts of a warning in force that take effect in the hour they are decided
// with no announcement of a change since its level last changed.
inline int unannounced(std::span<const replay_action> actions) {
  int n = 0;
  bool announced = false;
  for (const auto& [at, a, start] : actions) {
    if (is_announcement(a.kind)) {
      announced = true;
      continue;
    }
    const bool lowers_now =
        (a.kind == action_kind::downgrade || a.kind == action_kind::lift) && a.effective == at && start <= at;
    if (lowers_now && !announced) ++n;
    if (a.kind != action_kind::reschedule && a.kind != action_kind::missed) announced = false;
  }
  return n;
}

// Site-hours of the online level against hindsight's over the hours `online` covers.
inline void compare_levels(replay_summary& s, std::span<const segment> online, std::span<const episode> hindsight) {
  std::vector<segment> known;  // hindsight's level, stretch by stretch, in time order
  for (const auto& e : hindsight)
    if (e.warns())
      for (const auto& g : e.segments) known.push_back(g);
  std::sort(known.begin(), known.end(), [](const segment& a, const segment& b) { return a.from < b.from; });
  std::size_t k = 0;
  int run = 0;
  for (const auto& g : online) {
    for (hour_t h = g.from; h <= g.to;) {
      while (k < known.size() && known[k].to < h) ++k;
      // the stretch [h, until] of one hindsight level
      level_t past = 0;
      hour_t until = g.to;
      if (k < known.size() && known[k].from <= h)
        past = known[k].level, until = std::min(until, known[k].to);
      else if (k < known.size())
        until = std::min(until, known[k].from - 1);
      const int n = static_cast<int>(until - h + 1);
      if (g.level == past)
        s.hours_same += n;
      else if (g.level > past)
        s.hours_above += n;
      else
        s.hours_below += n;
      run = g.level > past ? run + n : 0;
      s.longest_above = std::max(s.longest_above, run);
      h = until + 1;
    }
  }
}
}  // namespace detail

/// Compares a replay with the hindsight episodes of the whole series (RULES.md §9's test): a lift
/// may come late for its own episode while the next has already begun (that one is issued on its
/// own), but never while its own is in force. A downgrade decided on a final improvement may find
/// the air risen again since (a later rise is an upgrade when the timeline shows it): its hours
/// below hindsight are counted with the site-hours, not as a contradiction.
inline replay_summary compare_with_hindsight(std::span<const replay_action> actions, std::span<const episode> hindsight,
                                             const replay_options& o) {
  replay_summary s;
  std::vector<int> of;
  auto warnings = detail::online_warnings(actions, of);
  for (auto& w : warnings) w.owner = detail::owner_of(w, hindsight);
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const auto& a = actions[i].action;
    detail::count(s, a.kind);
    if (is_announcement(a.kind) && a.replaces) ++s.updates;
    if (a.kind != action_kind::lift && a.kind != action_kind::announce_lift) continue;
    const episode* e = of[i] >= 0 ? warnings[std::size_t(of[i])].owner : nullptr;
    if (e && e->start <= a.effective && a.effective < detail::episode_end(*e) && level_in_force(*e, a.effective) > 0) {
      ++s.contradicted;
      s.contradictions.push_back(actions[i]);
    }
  }
  for (const auto& e : hindsight) {
    const hour_t end = detail::episode_end(e);
    if (end <= o.from || e.start > o.to) continue;
    std::vector<const detail::online_warning*> owned, over;
    for (const auto& w : warnings) {
      if (w.end <= w.start) continue;  // cancelled before it started
      if (w.owner == &e) owned.push_back(&w);
      if (w.start < end && e.start < w.end) over.push_back(&w);
    }
    if (owned.size() > 1) ++s.issued_twice;
    if (e.start < o.from) continue;
    ++s.episodes;
    if (owned.empty() && over.empty()) {
      ++s.missed;
      continue;
    }
    s.issue_lag.push_back(static_cast<int>((owned.empty() ? over : owned).front()->issued_at - e.start));
    if (!owned.empty() && e.lift && *e.lift <= o.to && owned.back()->end <= o.to)
      s.lift_lag.push_back(static_cast<int>(owned.back()->end - *e.lift));
  }
  s.unannounced = detail::unannounced(actions);
  return s;
}

/// The same with the level in force online hour by hour (replay_season): the site-hours at, above
/// and below hindsight's level.
inline replay_summary compare_with_hindsight(const replay_run& run, std::span<const episode> hindsight,
                                             const replay_options& o) {
  auto s = compare_with_hindsight(plain_actions(run.actions), hindsight, o);
  detail::compare_levels(s, run.online, hindsight);
  return s;
}

}  // namespace hpa
