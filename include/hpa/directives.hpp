#pragma once
// Directives from above (§3.2.2(2), §3.2.3): a prompt of the provincial office (省环委会办公室预警
// 提示信息) or a request of regional linkage (区域应急联动) asks a city for a warning level from an
// hour. The warning in force is then the city's own rules and the directives combined, as the
// profile's directive_policy reads them, and every stretch of it says whether its level came from
// the rules, from a directive or from both, and from which document.
//
// Overlaps and late ones: for one area a directive received later supersedes the earlier ones
// from its start, as a new order from above replaces the old one: from then on it alone counts
// (at its end none is in force, whatever an earlier one asked), and a watch run that learns of it
// announces the drop at its start when it asks less than the one it replaces. A directive
// received at or after its end asks nothing when it arrives and is ignored, never applied to the
// past: directives_for leaves it out, and io::read_directives warns of it, naming its line.
//
// Pure functions over the rules' episodes (or the rules' level at an hour) and the directives:
// no I/O; the directives of a station are few, so they are scanned, not indexed.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hpa/episodes.hpp"
#include "hpa/profile.hpp"
#include "hpa/time.hpp"

namespace hpa {

/// One directive: a level asked for, from an hour, for an area, by a document.
struct directive {
  hour_t received_at = 0;     ///< when the city received it: its issue deadline counts from here
  level_t level = 0;          ///< the level asked for; 0 (`none`) lifts the directive in force before it
  hour_t start = 0;           ///< the first hour it asks for the level
  std::optional<hour_t> end;  ///< the first hour it no longer asks for it; none: until a later one takes over
  std::string area;           ///< the city or county it names (a station or area name); empty: every area
  std::string source;         ///< the document, e.g. 豫气攻坚办〔2016〕153号
  friend bool operator==(const directive&, const directive&) = default;
};

/// Whether directive `d` names `area`: its area is that name, or it names none (every area).
inline bool applies_to(const directive& d, std::string_view area) noexcept { return d.area.empty() || d.area == area; }

/// Whether `d` was received at or after its end: it asks nothing any more when it arrives, and is
/// ignored rather than applied to the past.
inline bool received_after_end(const directive& d) noexcept { return d.end && d.received_at >= *d.end; }

/// The directives that apply to `area`, in the order they take over from each other: by
/// received_at, in the given order among those received at the same hour. Those received after
/// their end are left out.
inline std::vector<directive> directives_for(std::span<const directive> all, std::string_view area) {
  std::vector<directive> out;
  for (const auto& d : all)
    if (applies_to(d, area) && !received_after_end(d)) out.push_back(d);
  std::stable_sort(out.begin(), out.end(),
                   [](const directive& a, const directive& b) { return a.received_at < b.received_at; });
  return out;
}

/// The directive in force at hour t among `ds` (ordered as directives_for orders them), or
/// nullptr: of those started by t, the one received last, while t is before its end. A later
/// directive supersedes the earlier ones from its start, so one without an end holds until a
/// later one for its area starts (one of level none lifts it), one received later that starts
/// earlier replaces it before it starts, and a later one cut short leaves none in force.
inline const directive* directive_in_force(std::span<const directive> ds, hour_t t) noexcept {
  const directive* latest = nullptr;
  for (const auto& d : ds)
    if (d.start <= t) latest = &d;
  if (!latest || (latest->end && t >= *latest->end)) return nullptr;
  return latest;
}

/// Where the level in force comes from.
enum class basis : std::uint8_t {
  rules,      ///< the city's own rules give it (a directive in force, if any, asks for less)
  directive,  ///< a directive asks for it and the rules give another level (or none)
  both        ///< the rules give it and a directive asks for it
};

inline const char* to_string(basis b) noexcept {
  switch (b) {
    case basis::rules:
      return "rules";
    case basis::directive:
      return "directive";
    case basis::both:
      return "both";
  }
  return "rules";
}

inline bool from_string(std::string_view s, basis& out) noexcept {
  for (basis b : {basis::rules, basis::directive, basis::both})
    if (s == to_string(b)) {
      out = b;
      return true;
    }
  return false;
}

/// The level in force at an hour and where it comes from.
struct combined_level {
  level_t level = 0;     ///< in force
  level_t rules = 0;     ///< the rules' own level in force
  level_t directed = 0;  ///< the directive's level (0: none in force, or one that lifts)
  basis why = basis::rules;
  const directive* by = nullptr;  ///< the directive in force, if any (also one the rules outrank)
};

/// §3.2.2(2) "根据预警提示信息，结合我市实际及时启动相应级别预警": the level in force from the rules'
/// level and the directive in force (`d`, nullptr for none), as `policy` reads them.
inline combined_level combine_levels(level_t rules, const directive* d, const directive_policy& policy) noexcept {
  combined_level c{rules, rules, 0, basis::rules, d};
  if (!d) return c;
  c.directed = d->level;
  c.level = policy.level == directive_level::as_directed ? d->level : std::max(rules, d->level);
  if (c.level > 0 && c.level == d->level) c.why = c.level == rules ? basis::both : basis::directive;
  return c;
}

/// The level in force at hour t from the rules' level at t and the directives `ds` of the
/// station's area (directives_for): what hpa-watch decides on.
inline combined_level level_with_directives(level_t rules, std::span<const directive> ds, hour_t t,
                                            const profile& p) noexcept {
  return combine_levels(rules, directive_in_force(ds, t), p.directives);
}

/// §3.2.3 "按照区域应急联动要求及时启动预警": a directive's warning is due on receipt (plus the
/// profile's directives.issue_hours), and no earlier than lead_hours before its start.
inline hour_t directive_issue_by(const directive& d, const profile& p) noexcept {
  return std::max<hour_t>(issue_by_rules(d.start, p), d.received_at + p.directives.issue_hours);
}

/// The directives of `ds` received after `since` and by `now` (both hours): what a run at
/// `now` has to act on when the run before it was at `since`.
inline std::vector<const directive*> directives_received(std::span<const directive> ds, hour_t since, hour_t now) {
  std::vector<const directive*> out;
  for (const auto& d : ds)
    if (d.received_at > since && d.received_at <= now) out.push_back(&d);
  return out;
}

/// A name for a directive that stays the same from run to run (for a state file to remember
/// which directives were acted on): source, area, received_at and start.
inline std::string directive_key(const directive& d) {
  return d.source + "|" + d.area + "|" + format_time(d.received_at) + "|" + format_time(d.start);
}

/// A stretch of a warning with one level and one basis.
struct basis_segment {
  level_t level = 0;  ///< in force
  hour_t from = 0;    ///< first hour
  hour_t to = 0;      ///< last hour
  basis why = basis::rules;
  level_t rules = 0;     ///< what the rules alone give over it
  level_t directed = 0;  ///< what the directive in force asks for (0: none)
  std::string source;    ///< the directive in force over it; empty: none
  friend bool operator==(const basis_segment&, const basis_segment&) = default;
};

/// A warning episode with directives: the combined warning and where each stretch comes from.
struct directed_episode {
  episode e;                           ///< span, level segments, lift, issue deadline, daily AQI, trigger
  std::vector<basis_segment> parts;    ///< its span, cut where the level or its basis changes
  basis why = basis::rules;            ///< rules or directive when every part is; else both
  std::vector<episode> own;            ///< the rules' own warnings within it (none: on instruction alone)
  std::vector<directive> directed_by;  ///< the directives that decide a part of it, in order
  std::string pending_on;              ///< the directive without an end in force when the data end
};

/// An episode of the rules alone as a directed_episode: every stretch on the rules' basis (for
/// the withheld and advisory ones, and for stations no directive names).
inline directed_episode from_rules(const episode& e) {
  directed_episode d;
  d.e = e;
  for (const auto& s : e.segments) d.parts.push_back({s.level, s.from, s.to, basis::rules, s.level, 0, {}});
  d.own.push_back(e);
  return d;
}

/// Hours of an episode by basis.
struct basis_hours {
  hour_t rules = 0, directive = 0, both = 0;
};

inline basis_hours hours_by_basis(const directed_episode& d) noexcept {
  basis_hours h;
  for (const auto& s : d.parts) {
    const hour_t n = s.to - s.from + 1;
    (s.why == basis::rules ? h.rules : s.why == basis::directive ? h.directive : h.both) += n;
  }
  return h;
}

/// The part of `d` holding hour t, or nullptr.
inline const basis_segment* part_at(const directed_episode& d, hour_t t) noexcept {
  for (const auto& s : d.parts)
    if (s.from <= t && t <= s.to) return &s;
  return nullptr;
}

namespace detail {

// The combination, interval by interval: between two cuts neither the rules' level nor the
// directive in force changes.
class directive_combiner {
 public:
  directive_combiner(std::span<const episode> rules, std::span<const directive> ds, hour_t first, hour_t last,
                     const profile& p)
      : ds_(ds), last_(last), p_(p) {
    for (const auto& e : rules)
      if (e.warns()) warns_.push_back(&e);
    std::stable_sort(warns_.begin(), warns_.end(),
                     [](const episode* a, const episode* b) { return a->start < b->start; });
    for (const auto* e : warns_) {
      for (const auto& s : e->segments) cuts_.insert(cuts_.end(), {s.from, s.to + 1});
      if (e->pending && e->end == last) rules_pending_ = e;
    }
    for (const auto& d : ds) {
      cuts_.push_back(std::max(d.start, first));
      if (d.end && *d.end > first) cuts_.push_back(*d.end);
    }
    cuts_.insert(cuts_.end(), {first, last + 1});
    std::sort(cuts_.begin(), cuts_.end());
    cuts_.erase(std::unique(cuts_.begin(), cuts_.end()), cuts_.end());
  }

  template <class DailyAt>
  std::vector<directed_episode> run(DailyAt& daily_at) {
    for (std::size_t i = 0; i < cuts_.size(); ++i) {
      const hour_t a = cuts_[i];
      const auto c = combine_levels(rules_at(a), directive_in_force(ds_, a), p_.directives);
      if (a <= last_) {
        if (c.level == 0)
          close(daily_at);
        else
          add(a, cuts_[i + 1] - 1, c);  // last + 1 is a cut: there is a next one
        continue;
      }
      // Past the data an episode goes on only while a directive with an end holds it: the rules'
      // level there is unknown, so one they still hold at the data end is pending.
      if (open_.parts.empty()) break;
      const bool rules_hold = a == last_ + 1 && rules_pending_ && open_.parts.back().to == last_;
      if (!rules_hold && c.level > 0 && c.by && c.by->end) {
        add(a, cuts_[i + 1] - 1, c);  // its end is a later cut
        continue;
      }
      if (!rules_hold && c.level > 0 && c.by) open_.pending_on = c.by->source;
      close(daily_at, rules_hold || c.level > 0);
      break;
    }
    close(daily_at);
    return std::move(out_);
  }

 private:
  level_t rules_at(hour_t t) const {
    for (const auto* e : warns_)
      if (e->start <= t && t <= e->end) return level_in_force(*e, t);
    return 0;
  }

  void add(hour_t from, hour_t to, const combined_level& c) {
    basis_segment s{c.level, from, to, c.why, c.rules, c.directed, c.by ? c.by->source : std::string()};
    if (!open_.parts.empty()) {
      auto& back = open_.parts.back();
      const bool same = back.to + 1 == from && back.level == s.level && back.why == s.why && back.rules == s.rules &&
                        back.directed == s.directed && back.source == s.source && by_.back() == c.by;
      if (same) {
        back.to = to;
        return;
      }
    }
    open_.parts.push_back(std::move(s));
    by_.push_back(c.by);
  }

  template <class DailyAt>
  void close(DailyAt& daily_at, bool pending = false) {
    if (open_.parts.empty()) return;
    auto& d = open_;
    auto& e = d.e;
    e.start = d.parts.front().from;
    e.end = d.parts.back().to;
    for (const auto& s : d.parts) {
      if (e.segments.empty() || e.segments.back().level != s.level)
        e.segments.push_back({s.level, s.from, s.to});
      else
        e.segments.back().to = s.to;
      e.level = std::max(e.level, s.level);
    }
    if (pending) {
      e.pending = true;
      if (d.pending_on.empty() && rules_pending_) {
        e.pending_to = rules_pending_->pending_to;
        e.pending_seen = rules_pending_->pending_seen;
      }
    } else {
      e.lift = e.end + 1;
    }
    own_and_trigger(d);
    why_and_deadline(d);
    daily_stats(d, daily_at);
    out_.push_back(std::move(d));
    open_ = {};
    by_.clear();
  }

  void own_and_trigger(directed_episode& d) const {
    auto& e = d.e;
    for (const auto* w : warns_) {
      if (w->end < e.start || w->start > e.end) continue;
      d.own.push_back(*w);
      e.processes += w->processes;
      if (w->trigger.level > e.trigger.level) {
        e.trigger = w->trigger;
        e.trigger_hour = w->trigger_hour;
      }
    }
  }

  void why_and_deadline(directed_episode& d) const {
    bool rules = false, directed = false;
    for (std::size_t i = 0; i < d.parts.size(); ++i) {
      rules |= d.parts[i].why != basis::directive;
      directed |= d.parts[i].why != basis::rules;
      const directive* by = by_[i];
      if (d.parts[i].why != basis::rules &&
          std::none_of(d.directed_by.begin(), d.directed_by.end(), [&](const directive& x) { return x == *by; }))
        d.directed_by.push_back(*by);
    }
    d.why = rules && directed ? basis::both : directed ? basis::directive : basis::rules;
    d.e.issue_by = d.parts.front().why == basis::directive
                       ? std::max(issue_by_rules(d.e.start, p_), directive_issue_by(*by_.front(), p_))
                       : issue_by_rules(d.e.start, p_);
  }

  // Over the hours in force within the data; a warning the rules give unchanged keeps theirs.
  template <class DailyAt>
  void daily_stats(directed_episode& d, DailyAt& daily_at) const {
    auto& e = d.e;
    if (d.own.size() == 1 && d.own[0].start == e.start && d.own[0].end == e.end) {
      e.max_daily_aqi = d.own[0].max_daily_aqi;
      e.min_daily_aqi = d.own[0].min_daily_aqi;
      e.mean_daily_aqi = d.own[0].mean_daily_aqi;
      return;
    }
    daily_figures f(e);
    for (hour_t h = e.start; h <= std::min(e.end, last_); ++h) f.add(daily_at(h));
    f.set(e);
  }

  std::span<const directive> ds_;
  hour_t last_;
  const profile& p_;
  std::vector<const episode*> warns_;
  const episode* rules_pending_ = nullptr;
  std::vector<hour_t> cuts_;
  directed_episode open_;
  std::vector<const directive*> by_;  // the directive in force over each part of open_
  std::vector<directed_episode> out_;
};

}  // namespace detail

/// The warning episodes of a station with directives (§3.2.2(2), §3.2.3): its rules' episodes
/// (`rules`, as the pipeline gives them; only those that warn count) combined hour by hour with
/// the directives of its area (`ds`, as directives_for gives them) by profile.directives:
/// from a directive's start the level in force is at least its level (or, as_directed, its
/// level); when it ends the rules decide again. `first` and `last` are the station's first and
/// last hours of data: a directive counts from `first` on (as a chain does, RULES.md §3); an
/// episode a directive holds past `last` runs to the directive's end, one a directive without an
/// end or the rules still hold there is pending. `daily_at(h)` gives the daily AQI of hour h (NaN
/// when unknown) for the episodes the directives change; an episode the rules give unchanged
/// keeps its own figures.
template <class DailyAt>
std::vector<directed_episode> with_directives(std::span<const episode> rules, std::span<const directive> ds,
                                              hour_t first, hour_t last, const profile& p, DailyAt&& daily_at) {
  detail::directive_combiner c(rules, ds, first, last, p);
  return c.run(daily_at);
}

}  // namespace hpa
