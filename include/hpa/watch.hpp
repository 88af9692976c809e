#pragma once
// The hourly decision (§3.2.2-§3.2.4, RULES.md §5, §9): given a station's timeline at the decision
// hour (observed up to it, forecast after) and what was issued before, which warning must be in
// force and what must be done now: issue (with its deadline and lateness), upgrade, downgrade,
// lift, reschedule, the announcements ahead of a downgrade or lift, a missed episode, or nothing.
//
// RULES.md §9: issue and upgrade when C_min (what the timeline already shows) reaches the level;
// downgrade and lift when the 36 h of §4 step 3 are final below the level in force (the one walk
// of episodes.hpp over the condition bounds), announced ahead when the forecast shows them;
// nothing held for what may come after the timeline's end. Announcements are promises: made
// again only when their level changes or their hour moves by more than the profile's tolerance.

#include <algorithm>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "hpa/directives.hpp"
#include "hpa/episodes.hpp"
#include "hpa/final_conditions.hpp"
#include "hpa/profile.hpp"

namespace hpa {

/// What has been issued for a station (the state kept between runs).
struct issued_warning {
  level_t level = 0;                   ///< 0: nothing issued
  hour_t start = 0;                    ///< the hour it takes (or took) effect, as last given in a notice
  std::optional<hour_t> since;         ///< in force: the hour its level came into force by the rules; none while ahead
  level_t announced_to = 0;            ///< a downgrade (or lift, 0) announced ahead …
  std::optional<hour_t> announced_at;  ///< … to take effect at this hour
  std::optional<hour_t> lifted_at;     ///< with level 0: the hours before it are done with (lifted or missed)
  /// In force at hour t (not one issued ahead).
  bool in_force_at(hour_t t) const noexcept { return level > 0 && since && *since <= t; }
  friend bool operator==(const issued_warning&, const issued_warning&) = default;
};

enum class action_kind { issue, upgrade, downgrade, lift, announce_downgrade, announce_lift, reschedule, missed };

inline const char* to_string(action_kind k) {
  switch (k) {
    case action_kind::issue:
      return "issue";
    case action_kind::upgrade:
      return "upgrade";
    case action_kind::downgrade:
      return "downgrade";
    case action_kind::lift:
      return "lift";
    case action_kind::announce_downgrade:
      return "announce-downgrade";
    case action_kind::announce_lift:
      return "announce-lift";
    case action_kind::reschedule:
      return "reschedule";
    case action_kind::missed:
      return "missed";
  }
  return "";
}

/// A downgrade or lift announced ahead of its hour (§3.2.4 "提前发布信息").
inline bool is_announcement(action_kind k) noexcept {
  return k == action_kind::announce_downgrade || k == action_kind::announce_lift;
}

struct watch_action {
  action_kind kind;
  level_t from = 0, to = 0;
  hour_t effective = 0;              ///< when the new level takes effect (missed: when the episode started)
  std::optional<hour_t> deadline;    ///< issue by (start - lead, §3.2.3)
  int late_hours = 0;                ///< > 0: the deadline passed this many hours ago
  bool monitoring_override = false;  ///< §3.2.4: observed heavy pollution, no improvement ahead
  std::optional<hour_t> replaces;    ///< an announcement (or issue) made again: the hour the earlier one gave
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

// What a decision sees of the timeline: the bounds, and the episodes of C_min (§4 on what the
// timeline already shows) walked from a quiet hour before the warning and the decision hour.
struct watch_view {
  const condition_bounds& b;
  const profile& p;
  hour_t now;
  std::vector<episode> lower;

  watch_view(const condition_bounds& bounds, const profile& prof, hour_t decision, const issued_warning& before)
      : b(bounds), p(prof), now(decision) {
    hour_t from = now;
    if (before.level > 0) from = std::min(from, before.since.value_or(before.start));
    from = quiet_start(b, std::min(from, b.end()), p.lift_hours);
    warning_tracker w(p);
    auto emit = [&](const episode& e) { lower.push_back(e); };
    for (hour_t h = from; h <= b.last(); ++h) w.push(h, b.daily_at(h), hour_condition{b.min_at(h), 0, 0}, emit);
    w.finish(emit);
  }

  // The last hour episode e holds as far as the timeline shows (one open at the end holds on).
  hour_t last_of(const episode& e) const { return e.pending && e.end == b.last() ? b.last() : e.end; }
  // The episode of C_min holding hour h.
  const episode* lower_at(hour_t h) const {
    for (const auto& e : lower)
      if (e.start <= h && h <= last_of(e)) return &e;
    return nullptr;
  }
  const episode* lower_after(hour_t h) const {
    for (const auto& e : lower)
      if (e.start > h) return &e;
    return nullptr;
  }
  // §4 on what the timeline shows: the level of its episode at hour h (held past the data's end).
  level_t lower_level(hour_t h) const {
    const episode* e = lower_at(h);
    if (!e) return 0;
    return h <= e->end ? level_in_force(*e, h) : e->segments.back().level;
  }
  // The first hour in [from, to] with a condition shown (C_min > 0).
  std::optional<hour_t> process_hour(hour_t from, hour_t to) const {
    for (hour_t h = from; h <= to; ++h)
      if (b.min_at(h) > 0) return h;
    return std::nullopt;
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

  struct change {
    hour_t at;
    level_t to;
  };
  struct walk {
    std::vector<change> changes;
    walk_end end;
  };
  // §3.2.4 over the bounds from hour `from` with `level` in force since then. The air has been
  // at it once C_min reaches it; a level that no hour of the timeline from `from` reaches any
  // more (a forecast revised down) counts as reached: the improvement below it is real.
  walk walk_from(hour_t from, level_t level) const {
    bool shown = false;
    for (hour_t h = from; h <= b.last() && !shown; ++h) shown = b.min_at(h) >= level;
    walk w;
    w.end = walk_level_in_force(b, from, level, !shown, p.lift_hours, [&](hour_t t, level_t l) {
      w.changes.push_back({t, l});
    });
    return w;
  }
};

class decider {
 public:
  decider(const watch_view& v, watch_decision& d) : v_(v), d_(d), s_(d.next) {}

  void run() {
    // An announcement stands while a change within the tolerance of its hour may still be the one
    // it promised; past that it was overtaken.
    if (s_.announced_at && *s_.announced_at + v_.p.announce_tolerance_hours < v_.now) {
      s_.announced_at.reset();
      s_.announced_to = 0;
    }
    if (s_.level > 0 && !s_.in_force_at(v_.now)) ahead();
    if (s_.in_force_at(v_.now)) follow();
    if (s_.level == 0) issue();
    if (s_.level > 0) announce();
    d_.required = s_.in_force_at(v_.now) ? s_.level : 0;
    if (d_.actions.empty()) hold_reason();
  }

 private:
  watch_action& act(action_kind k, level_t from, level_t to, hour_t effective) {
    d_.actions.push_back({k, from, to, effective, std::nullopt, 0, false, std::nullopt});
    return d_.actions.back();
  }
  // An announcement outlives a change of level: the lift it promised may still come as promised.
  void set_level(level_t l) { s_.level = l; }
  bool moved(hour_t a, hour_t b) const { return (a > b ? a - b : b - a) > v_.p.announce_tolerance_hours; }

  // A warning issued ahead follows the forecast: re-graded and, when its start moves by more than
  // the tolerance, rescheduled (a start moved later once the start issued has come); cancelled
  // when the forecast no longer shows it, or shows it only past the deadline horizon once the start
  // issued has come. It comes into force at the start the rules give.
  void ahead() {
    const episode* e = v_.lower_at(v_.now);
    if (!e) e = v_.lower_after(v_.now);
    const bool later = e && e->start > s_.start, came = v_.now >= s_.start;
    // Past lead_hours ahead a process is not yet due (issue() gives it at its deadline, as any
    // other): a forecast that far ahead is revised too often to hold a warning for it.
    if (!e || (later && came && e->start > v_.now + v_.p.lead_hours)) {
      act(action_kind::lift, s_.level, 0, v_.now);
      s_ = issued_warning{};
      return;
    }
    const hour_t at = std::max(v_.now, e->start);
    // Measured by when it comes into force: a process under way since before now starts now, or at
    // the start issued when that has come too. A later start is said when the start issued comes
    // without its process: until then the next revision may bring it back.
    const bool later_ahead = later && !came;
    if (!later_ahead && moved(std::max(e->start, std::min(v_.now, s_.start)), s_.start)) {
      act(action_kind::reschedule, s_.level, s_.level, at).replaces = s_.start;
      s_.start = e->start;
    }
    const level_t to = v_.lower_level(at), from = s_.level;
    if (to != from) {  // a notice all the same: it gives the start the rules give now
      auto& a = act(to > from ? action_kind::upgrade : action_kind::downgrade, from, to, at);
      if (to > from && at == v_.now) a.monitoring_override = v_.heavy();
      set_level(to);
      s_.start = e->start;
    }
    if (e->start <= v_.now) {
      s_.start = e->start;
      s_.since = e->start;
    }
  }

  // A warning in force: the changes of the walk from the hour its level came into force up to
  // now take effect now; a higher level the timeline shows upgrades at once.
  void follow() {
    const level_t L = s_.level;
    const auto w = v_.walk_from(*s_.since, L);
    level_t walked = L;
    hour_t changed = *s_.since;
    for (const auto& c : w.changes)
      if (c.at <= v_.now) walked = c.to, changed = c.at;
    if (walked == 0) {  // a process since the rules' lift hour had the warning in force: done with too
      act(action_kind::lift, L, 0, v_.now);
      s_ = issued_warning{};
      s_.lifted_at = v_.now;
      return;
    }
    const level_t shown = v_.lower_level(v_.now), to = std::max(walked, shown);
    if (to > L) {
      act(action_kind::upgrade, L, to, v_.now).monitoring_override = v_.heavy();
      set_level(to);
      s_.since = v_.now;
    } else if (to < L) {
      act(action_kind::downgrade, L, to, v_.now);
      set_level(to);
      s_.since = changed;
      if (s_.announced_to == to) s_.announced_at.reset();  // the promise is kept
    }
  }

  // Nothing in force: issue the process holding now, else the next one the forecast shows, at
  // its deadline (lead_hours before it: a forecast further ahead is revised too often to act
  // on). A process over by now (no condition from before now to the timeline's end) is not
  // issued late but reported missed, once. Lateness counts from the process's own start.
  void issue() {
    hour_t done = s_.lifted_at.value_or(std::numeric_limits<hour_t>::min());
    for (const auto& e : v_.lower) {
      const hour_t last = v_.last_of(e);
      if (last < v_.now) continue;
      const auto first = v_.process_hour(std::max(e.start, done), last);
      if (!first) continue;
      if (*first < v_.now && v_.b.min_at(v_.now) == 0) {  // its process is over
        level_t peak = 0;
        hour_t end = *first;
        for (hour_t h = *first; h < v_.now; ++h)
          if (v_.b.min_at(h) > 0) peak = std::max(peak, v_.lower_level(h)), end = h;
        deadlined(act(action_kind::missed, 0, peak, *first), *first);
        done = s_.lifted_at.emplace(end + 1);
        const auto next = v_.process_hour(v_.now, last);
        if (!next) continue;
        if (*next > v_.now + v_.p.lead_hours) return;
        return issue_at(*next, false);
      }
      if (*first > v_.now + v_.p.lead_hours) {  // not yet due: the forecast may still change it
        d_.hold = v_.p.level_name(v_.lower_level(*first)) + " is forecast from " + format_time(*first) +
                  ": to be issued by " + format_time(issue_by_rules(*first, v_.p));
        return;
      }
      return issue_at(*first, *first <= v_.now);
    }
  }

  void issue_at(hour_t start, bool now) {
    const hour_t at = std::max(v_.now, start);
    const level_t to = v_.lower_level(at);
    auto& a = act(action_kind::issue, 0, to, at);
    deadlined(a, start);
    a.monitoring_override = now && v_.heavy();
    s_ = issued_warning{to, start, std::nullopt, 0, std::nullopt, std::nullopt};
    if (now) s_.since = start;
  }

  void deadlined(watch_action& a, hour_t start) const {
    a.deadline = issue_by_rules(start, v_.p);
    a.late_hours = static_cast<int>(std::max<hour_t>(0, v_.now - *a.deadline));
  }

  // The first change of the walk after now, when it is a downgrade or lift, announced ahead
  // (§3.2.4 "提前发布信息") within announce_hours of it, once: again only when its level changes or
  // its hour moves by more than the tolerance. An upgrade coming first stops the look-ahead.
  void announce() {
    const hour_t from = s_.since.value_or(s_.start);
    const auto w = v_.walk_from(from, s_.level);
    const auto next =
        std::find_if(w.changes.begin(), w.changes.end(), [&](const watch_view::change& c) { return c.at > v_.now; });
    if (next == w.changes.end() || next->to > s_.level) return;
    if (next->at > v_.now + v_.p.announce_hours) return;  // further ahead a forecast still moves
    if (s_.announced_at && s_.announced_to == next->to && !moved(*s_.announced_at, next->at)) return;
    auto& a =
        act(next->to == 0 ? action_kind::announce_lift : action_kind::announce_downgrade, s_.level, next->to, next->at);
    a.replaces = s_.announced_at;
    s_.announced_at = next->at;
    s_.announced_to = next->to;
  }

  // Why a warning in force is held while the timeline shows the air below it: what the decision
  // waits for, in hours.
  void hold_reason() {
    if (d_.required == 0 || v_.b.min_at(v_.now) >= s_.level) return;
    const auto& b = v_.b;
    const level_t L = s_.level;
    const std::string name = v_.p.level_name(L), need = std::to_string(v_.p.lift_hours);
    hour_t from = v_.now;
    while (from > std::max(*s_.since, b.first) && b.min_at(from - 1) < L) --from;
    int final_hours = 0;
    while (from + final_hours <= b.last() && b.max_at(from + final_hours) < L) ++final_hours;
    if (final_hours < v_.p.lift_hours) {
      const hour_t open = std::max(v_.now, b.last()) - (from + final_hours) + 1;
      d_.hold =
          std::to_string(final_hours) + " of " + need + " h of improvement are final; " +
          (open > 0 ? "the last " + std::to_string(open) + " h can still be covered" : "the timeline ends there") +
          ": " + name + " is held";
      return;
    }
    for (hour_t h = v_.now + 1; h <= b.last(); ++h)
      if (b.min_at(h) >= L) {
        d_.hold = name + " is shown at " + format_time(h) + " and has not been reached since " +
                  format_time(*s_.since) + ": " + name + " is held";
        return;
      }
  }

  const watch_view& v_;
  watch_decision& d_;
  issued_warning& s_;
};

}  // namespace detail

/// Decides for one station at hour `now` from the condition bounds of its timeline (observed
/// hours up to now, forecast after; observed rows after now must not be in it) and what was
/// issued before.
inline watch_decision decide(const condition_bounds& b, hour_t now, const issued_warning& before, const profile& p) {
  watch_decision d;
  d.next = before;
  const detail::watch_view v(b, p, now, before);
  if (const episode* e = v.lower_at(now))
    d.current = *e;
  else if (const episode* u = v.lower_after(now))
    d.upcoming = *u;
  detail::decider(v, d).run();
  return d;
}

/// Decides for one station from its timeline points (in time order, cut at now plus the
/// forecast), read as `kind` says.
inline watch_decision decide(std::span<const timeline_point> timeline, series_kind kind, hour_t now,
                             const issued_warning& before, const profile& p) {
  return decide(final_conditions(timeline, kind, p), now, before, p);
}

// ---------------------------------------------------------------------------------------------
// Directives from above (§3.2.2(2), §3.2.3; directives.hpp): the warning in force is the rules'
// own warning (what decide() issues and lifts) and the directives combined as the profile's
// directive_policy reads them. A directive is acted on once, in the first run that sees it
// received: an issue or upgrade effective at its start, due on receipt. Its end (or the start of
// a later directive that takes over) is acted on in the first run at or after it: the warning
// goes down to what the rules' own warning holds then (final conditions, as decide() keeps it),
// lifted when they hold none.

/// An action on the warning in force with directives: its levels are the combined ones.
struct directed_action {
  watch_action action;
  basis why = basis::rules;  ///< what the level it puts in force rests on; for a lift, what ends it
  std::string source;        ///< the document of the directive it concerns; empty: none
  std::string reason;  ///< e.g. "per 豫环委办〔2023〕41号", "豫环委办〔2023〕41号 ends; the rules hold yellow"
};

/// What a station's state keeps of the directives between runs.
struct directive_memory {
  std::optional<hour_t> decided_at;  ///< the decision hour of the run before (none: the first run)
  std::vector<std::string> acted;    ///< directive_key of every directive acted on
};

struct directed_decision {
  level_t required = 0;                  ///< the level in force now, rules and directives combined
  basis why = basis::rules;              ///< what it rests on
  std::string source;                    ///< the directive it rests on, if it does
  std::vector<directed_action> actions;  ///< in order of effective hour; empty: no change
  std::string note;                      ///< why a level is held, what a directive asks that changes nothing
  issued_warning next;                   ///< the rules' own warning once the actions are taken
  std::vector<std::string> acted;        ///< directive_key of every directive acted on, this run's too
};

namespace detail {

inline level_t issued_level_at(const issued_warning& w, hour_t t) noexcept {
  return w.level > 0 && w.start <= t ? w.level : 0;
}

inline bool raises(action_kind k) noexcept { return k == action_kind::issue || k == action_kind::upgrade; }
inline bool lowers_now(action_kind k) noexcept { return k == action_kind::downgrade || k == action_kind::lift; }

// One run's directive layer over the rules' decision.
class directive_layer {
 public:
  directive_layer(const issued_warning& before, std::span<const directive> ds, const directive_memory& m, hour_t now,
                  const profile& p, directed_decision& out)
      : before_(before), m_(m), now_(now), p_(p), out_(out) {
    for (const auto& d : ds) {
      if (d.received_at > now) continue;
      const std::string key = directive_key(d);
      if (std::find(m.acted.begin(), m.acted.end(), key) != m.acted.end()) {
        old_.push_back(d);
        all_.push_back(d);
      } else {  // one over before any run saw it asks nothing any more, but replaced the earlier ones
        all_.push_back(d);
        if (!d.end || *d.end > now) fresh_.push_back(d);
      }
    }
    // A directive over by now asks nothing of any later run: the state forgets it (a state that
    // kept every directive acted on would grow with the years).
    for (const auto& key : m.acted)
      if (std::none_of(ds.begin(), ds.end(),
                       [&](const directive& d) { return d.end && *d.end <= now && directive_key(d) == key; }))
        out_.acted.push_back(key);
    for (const auto& d : fresh_) out_.acted.push_back(directive_key(d));
  }

  void run(const watch_decision& rules) {
    rules_ = &rules;
    out_.next = rules.next;
    const auto now = combined(rules.next, all_, now_);
    out_.required = now.level;
    out_.why = now.why;
    if (now.level > 0 && now.why != basis::rules) out_.source = now.by->source;
    const bool involved = now.by || was_involved();
    if (involved) change_now(now);
    for (const auto& a : rules.actions)
      if (!involved || a.effective > now_ || !(raises(a.kind) || lowers_now(a.kind))) transform(a);
    for (const auto& d : fresh_) fresh_directive(d);
    for (const auto& d : old_) superseded(d);
    std::stable_sort(out_.actions.begin(), out_.actions.end(), [](const directed_action& a, const directed_action& b) {
      return a.action.effective < b.action.effective;
    });
    note(now);
  }

 private:
  combined_level combined(const issued_warning& w, const std::vector<directive>& ds, hour_t t) const {
    return combine_levels(issued_level_at(w, t), directive_in_force(ds, t), p_.directives);
  }

  // What the run before left in force now: its level, and the raises it announced that have
  // come into effect since (a drop since is this run's to act on).
  combined_level before_now() const {
    if (!m_.decided_at) return {};
    const hour_t prev = *m_.decided_at;
    auto best = combined(before_, old_, prev);
    auto raise_at = [&](hour_t h) {
      if (h <= prev || h > now_) return;
      if (const auto c = combined(before_, old_, h); c.level > best.level) best = c;
    };
    for (const auto& d : old_) raise_at(d.start);
    if (before_.level > 0) raise_at(before_.start);
    return best;
  }

  bool was_involved() const {
    if (!m_.decided_at) return false;
    if (directive_in_force(old_, *m_.decided_at)) return true;
    return std::any_of(old_.begin(), old_.end(),
                       [&](const directive& d) { return d.start > *m_.decided_at && d.start <= now_; });
  }

  // The first hour after the run before at which `d` is no longer in force (its end, or the
  // start of one that takes over from it); now if none is found.
  hour_t end_of(const directive& d) const {
    const hour_t prev = m_.decided_at.value_or(now_);
    hour_t e = now_;
    auto cut = [&](hour_t h) {
      if (h > prev && h < e) {
        const directive* x = directive_in_force(all_, h);
        if (!x || !(*x == d)) e = h;
      }
    };
    if (d.end) cut(*d.end);
    for (const auto& x : all_) cut(x.start);
    return e;
  }

  const watch_action* rules_action_now(bool raise) const {
    for (const auto& a : rules_->actions)
      if (a.effective == now_ && (raise ? raises(a.kind) : lowers_now(a.kind))) return &a;
    return nullptr;
  }

  void act(action_kind k, level_t from, level_t to, hour_t at, basis why, std::string source, std::string reason,
           const watch_action* like = nullptr) {
    watch_action a{k, from, to, at, std::nullopt, 0, false, std::nullopt};
    if (like) {
      a.deadline = like->deadline;
      a.late_hours = like->late_hours;
      a.monitoring_override = like->monitoring_override;
    }
    out_.actions.push_back({a, why, std::move(source), std::move(reason)});
  }

  void due_on_receipt(const directive& d) {
    auto& a = out_.actions.back().action;
    a.deadline = directive_issue_by(d, p_);
    a.late_hours = static_cast<int>(std::max<hour_t>(0, now_ - *a.deadline));
  }

  bool is_fresh(const directive* d) const {
    return d && std::any_of(fresh_.begin(), fresh_.end(), [&](const directive& x) { return x == *d; });
  }

  // The level in force now against what the run before left in force: one action at most.
  // The directive the level in force rested on at the run before, when it no longer is in force.
  const directive* gone_from(const combined_level& was) const {
    if (!was.by || was.why == basis::rules) return nullptr;
    const directive* still = directive_in_force(all_, now_);
    return still && *still == *was.by ? nullptr : was.by;
  }

  void change_now(const combined_level& now) {
    const auto was = before_now();
    const directive* gone = gone_from(was);
    if (now.level > was.level) {
      const auto k = was.level == 0 ? action_kind::issue : action_kind::upgrade;
      if (now.why == basis::rules || (!is_fresh(now.by) && rules_action_now(true))) {
        act(k, was.level, now.level, now_, now.why, now.why == basis::rules ? "" : now.by->source,
            now.why == basis::rules ? "" : "per " + now.by->source, rules_action_now(true));
      } else {
        act(k, was.level, now.level, now_, now.why, now.by->source, "per " + now.by->source);
        due_on_receipt(*now.by);
      }
    } else if (now.level < was.level) {
      const bool rules_lower = rules_action_now(false) != nullptr;
      const hour_t at = gone && !rules_lower ? end_of(*gone) : now_;
      const auto k = now.level == 0 ? action_kind::lift : action_kind::downgrade;
      basis why = now.why;
      if (now.level == 0) why = !gone ? basis::rules : rules_lower ? basis::both : basis::directive;
      std::string reason;
      if (gone) reason = gone->source + " ends";
      if (gone && now.level > 0)
        reason += now.why == basis::rules ? "; the rules hold " + p_.level_name(now.level) : "; per " + now.by->source;
      else if (!gone && now.level > 0 && now.why != basis::rules)
        reason = "per " + now.by->source;
      act(k, was.level, now.level, at, why,
          gone                      ? gone->source
          : now.why != basis::rules ? now.by->source
                                    : "",
          reason);
    } else if (gone && now.level > 0) {
      ended_ = gone->source + " ended at " + format_time(end_of(*gone)) + "; " + p_.level_name(now.level) +
               " continues on the rules' basis";
    }
  }

  // A rules' action as the warning in force sees it, with the directives in force at its hour.
  void transform(const watch_action& a) {
    if (a.kind == action_kind::missed) {  // a report of the rules' own, whatever the directives
      out_.actions.push_back({a, basis::rules, "", ""});
      return;
    }
    const directive* d = directive_in_force(all_, a.effective);
    const level_t from0 = a.kind == action_kind::issue ? 0 : a.from;
    const level_t to0 = a.kind == action_kind::lift || a.kind == action_kind::announce_lift ? 0 : a.to;
    const auto from = combine_levels(from0, d, p_.directives), to = combine_levels(to0, d, p_.directives);
    watch_action x = a;
    x.from = from.level;
    x.to = to.level;
    if (a.kind == action_kind::reschedule) {
      if (to.why != basis::rules) return;  // a directive holds the warning from there anyway
    } else if (from.level == to.level) {
      return;  // a directive holds the level
    } else if (to.level > from.level) {
      x.kind = from.level == 0 ? action_kind::issue : action_kind::upgrade;
    } else {
      const bool ahead = a.kind == action_kind::announce_downgrade || a.kind == action_kind::announce_lift;
      x.kind = to.level == 0 ? (ahead ? action_kind::announce_lift : action_kind::lift)
                             : (ahead ? action_kind::announce_downgrade : action_kind::downgrade);
    }
    const basis why = to.level > 0 ? to.why : basis::rules;
    const bool cites = why != basis::rules && d;
    out_.actions.push_back({x, why, cites ? d->source : "", cites ? "per " + d->source : ""});
  }

  // A directive received since the run before that starts later: issue or upgrade at its start,
  // due on receipt. One in force now was acted on by change_now.
  void fresh_directive(const directive& d) {
    const hour_t at = std::max(d.start, now_);
    const directive* in_force = directive_in_force(all_, at);
    if (!in_force || !(*in_force == d)) return;  // a later one takes over at the same hour
    const bool cited = std::any_of(out_.actions.begin(), out_.actions.end(),
                                   [&](const directed_action& a) { return a.source == d.source; });
    if (d.start <= now_) {
      if (!cited) add_note(asks(d, out_.required, "is in force"));
      return;
    }
    std::vector<directive> others;
    for (const auto& x : all_)
      if (!(x == d)) others.push_back(x);
    // Without it: the level at its start, or the one it follows on from (a warning ending there)
    const auto to = combined(out_.next, all_, d.start);
    const auto without = combined(out_.next, others, d.start);
    if (to.level < without.level) {  // it replaces one that asks more (or, as_directed, asks less): announced
      announce_drop(without.level, to, d.start, d.source,
                    without.by ? d.source + " replaces " + without.by->source : "per " + d.source);
      return;
    }
    level_t from = without.level;
    if (from == 0) from = d.start - 1 > now_ ? combined(out_.next, others, d.start - 1).level : out_.required;
    if (to.level <= from) {
      add_note(asks(d, from, "is due then"));
      return;
    }
    act(from == 0 ? action_kind::issue : action_kind::upgrade, from, to.level, d.start, to.why, d.source,
        "per " + d.source);
    due_on_receipt(d);
  }

  // A directive acted on by an earlier run and replaced before its start by one received since:
  // the raise announced for its start does not come, what comes instead is announced.
  void superseded(const directive& o) {
    if (o.start <= now_) return;
    const directive* by = nullptr;  // received last of those started by its start: the one that replaced it
    for (const auto& d : all_)
      if (d.start <= o.start) by = &d;
    if (!by || *by == o) return;
    const auto was = combined(before_, old_, o.start), will = combined(out_.next, all_, o.start);
    const bool said = std::any_of(out_.actions.begin(), out_.actions.end(), [&](const directed_action& a) {
      return a.action.effective == o.start && !raises(a.action.kind);
    });
    if (will.level >= was.level || said) return;
    announce_drop(was.level, will, o.start, by->source, by->source + " replaces " + o.source);
  }

  // A drop from `from` to `to` at hour `at`, announced now.
  void announce_drop(level_t from, const combined_level& to, hour_t at, std::string source, std::string reason) {
    act(to.level == 0 ? action_kind::announce_lift : action_kind::announce_downgrade, from, to.level, at,
        to.level == 0 ? basis::directive : to.why, std::move(source), std::move(reason));
  }

  // A directive that changes nothing: what it asks, and what is in force (or due) instead.
  std::string asks(const directive& d, level_t level, const char* when) const {
    return d.source + " asks " + p_.level_name(d.level) + " from " + format_time(d.start) + ": " +
           p_.level_name(level) + " " + when;
  }
  void add_note(const std::string& s) { asks_less_ += (asks_less_.empty() ? "" : "; ") + s; }

  void note(const combined_level& now) {
    std::vector<std::string> parts;
    if (now.level > 0 && now.why == basis::directive) {
      std::string s = p_.level_name(now.level) + " per " + now.by->source + " until " +
                      (now.by->end ? format_time(*now.by->end) : std::string("a later directive lifts it"));
      if (now.rules > 0) s += " (the rules give " + p_.level_name(now.rules) + ")";
      parts.push_back(std::move(s));
    } else if (!rules_->hold.empty()) {
      parts.push_back(rules_->hold);
    }
    if (!ended_.empty()) parts.push_back(ended_);
    if (!asks_less_.empty()) parts.push_back(asks_less_);
    for (const auto& s : parts) out_.note += (out_.note.empty() ? "" : "; ") + s;
  }

  const watch_decision* rules_ = nullptr;
  const issued_warning& before_;
  const directive_memory& m_;
  hour_t now_;
  const profile& p_;
  directed_decision& out_;
  std::vector<directive> old_;    // acted on by an earlier run
  std::vector<directive> fresh_;  // received since, and not yet over
  std::vector<directive> all_;    // both, in the order directives_for gives
  std::string ended_, asks_less_;
};

}  // namespace detail

/// §3.2.2(2), §3.2.3: the decision at `now` with the directives of the station's area (`ds`, as
/// directives_for orders them; those received after now are not yet known), on the condition
/// bounds of its timeline as decide() takes them. `before` is the rules' own warning (what
/// decide() keeps, and `next` returns), `m` what the state keeps of the directives. The actions
/// are those of the warning in force (rules and directives combined, profile.directives): a
/// directive received since the run before raises it from its start (issue or upgrade, due on
/// receipt: directive_issue_by, lateness from received_at); at its end the warning goes down to
/// the rules' own warning as decide() holds it now, and is lifted there when they hold none; a
/// rules' action a directive covers is none.
inline directed_decision decide_with_directives(const condition_bounds& b, hour_t now, const issued_warning& before,
                                                std::span<const directive> ds, const directive_memory& m,
                                                const profile& p) {
  directed_decision out;
  detail::directive_layer layer(before, ds, m, now, p, out);
  layer.run(decide(b, now, before, p));
  return out;
}

}  // namespace hpa
