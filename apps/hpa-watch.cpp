// hpa-watch: the decision at a given hour, for cron: what must be issued, upgraded, downgraded,
// lifted or announced now, remembering what was issued before. --replay, the decision at every
// hour of a past season, is in watch_replay.cpp.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <ctime>
#include <iostream>
#include <map>
#include <set>

#include "hpa/aqi_series.hpp"
#include "hpa/directives.hpp"
#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/directives.hpp"
#include "hpa/io/forecasts.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/timeline.hpp"
#include "hpa/io/utf8.hpp"
#include "hpa/io/watch_state.hpp"
#include "hpa/watch.hpp"
#include "tool.hpp"
#include "watch_tool.hpp"

using namespace hpa;
using namespace hpa::watch_tool;
using nlohmann::ordered_json;

namespace hpa::watch_tool {

forecast_books read_forecasts(const args& a, tool::context& cx) {
  forecast_books out;
  if (a.forecasts.empty()) return out;
  auto in = cx.open_beside(a.forecasts, "--forecasts");
  for (auto& [station, rows] : io::read_forecasts(*in.stream, in.name, cx.profile(), cx.warner()))
    out.emplace(station, forecast_book(std::move(rows)));
  return out;
}

const forecast_book* book_of(const forecast_books& books, const std::string& station) {
  const auto it = books.find(station);
  return it == books.end() ? nullptr : &it->second;
}

std::vector<directive> read_directives(const args& a, tool::context& cx) {
  if (a.directives.empty()) return {};
  auto in = cx.open_beside(a.directives, "--directives");
  return io::read_directives(*in.stream, in.name, cx.profile(), cx.warner());
}

io::timeline read_timeline(tool::context& cx, const io::timeline_options& o) {
  auto in = cx.open_input();
  return io::read_timeline(*in.stream, in.name, cx.profile(), o, cx.warner(), cx.quiet_columns());
}

std::vector<std::string_view> station_names(const io::timeline& t) {
  std::vector<std::string_view> names;
  for (const auto& s : t.stations) names.push_back(s.name);
  return names;
}

}  // namespace hpa::watch_tool

namespace {

// The exit codes beyond 0, 1 and 2: findings a cron line acts on.
constexpr int exit_action_due = 3;
constexpr int exit_state_busy = 4;  // --no-wait and another run holds the state's lock
constexpr int exit_stale = 5;       // a station's data too old to decide on, or gone with a warning in force

// The plan's clock is city time, UTC+8 without daylight saving (RULES.md §1).
constexpr hour_t plan_utc_offset_hours = 8;

const tool::spec spec = {
    "hpa-watch",
    "Decide what must be done now: issue, upgrade, downgrade, lift, announce, or nothing.",
    "Reads one observed+forecast timeline per station (the origin column tells them apart; the\n"
    "forecast's upper bound counts, §3.2.2) and decides at --now (default: the last observed\n"
    "hour in the file) which warning must be in force and what is due: an issue with its\n"
    "deadline (start - 48 h, §3.2.3; issued then, not before: a forecast further ahead is\n"
    "revised too often) and how late it is, an upgrade at once, a downgrade or\n"
    "lift once the 36 h of improvement of §4 step 3 are final (RULES.md §9; nothing is held\n"
    "for a later process), the announcement ahead of a downgrade or lift (§3.2.4; once it is\n"
    "within the profile's announce_hours, 24 by default; made again\n"
    "only when its level changes or its hour moves by more than the profile's\n"
    "announce_tolerance_hours, 12 by default; `replaces` names the hour it replaces), `missed`\n"
    "for a process over before it could be issued (not issued late), or no change (with what\n"
    "the decision waits for when a level is held). The\n"
    "monitoring override (§3.2.4) is flagged when observed air is heavily polluted (daily AQI\n"
    "> 200) and the forecast shows no improvement within 24 h.\n"
    "A station whose last observed hour is more than --max-age hours before --now (or the\n"
    "clock: HPA_NOW=2023-12-01T08:00, else the machine's, in city time UTC+8) is not decided\n"
    "but reported `stale`; one with a warning in the state, not in the input and decided by\n"
    "no run for --max-age hours is reported `absent` every run, until its rows return or\n"
    "--forget STATION drops it (a station still in the input and decided by this run is an\n"
    "error: it would be issued again at once; drop its rows first, or leave it out with\n"
    "--station). Exit 3 when an action is due, else 5 for either finding.\n"
    "With --state FILE it remembers what was issued and reports only what changed since; a\n"
    "decision hour before a station's last decision in FILE is an error (a state only goes\n"
    "forward: decide the past with a state file of its own, or --replay). Runs\n"
    "sharing FILE take turns (a lock on FILE.lock; --no-wait: exit 4 at once instead of\n"
    "waiting) and each keeps the stations it did not see. The state is written first, then\n"
    "the output; if the output fails the state is put back, so the next run reports the same\n"
    "actions again: an action is never recorded without being reported. The file is replaced\n"
    "whole or not at all, and one that is not hpa-watch's is never touched; an -o that is the\n"
    "state or its lock, by any path (a link, ./FILE), is a usage error.\n"
    "--replay FROM..TO decides at every hour of the span (dates or hours; an empty end is the\n"
    "file's; a span that misses the file's data is an error) from a fresh state, with the\n"
    "rows after each hour hidden and, with\n"
    "--forecast-hours H, the next H hours of the file given as a perfect forecast; it prints\n"
    "every action with the hour it was decided at, or with --summary one row per station\n"
    "against the episodes of the whole file (hpa-episodes): the notices (issues, upgrades,\n"
    "announcements and their updates, reschedules) and notices per episode, changes without\n"
    "notice ahead, contradicted lifts, episodes issued twice, median lags, and the site-hours\n"
    "at, above and below the level hindsight gives, with the longest run above it.\n"
    "--forecasts FILE (issued_at,station,date or time,aqi_low,aqi_high; every issue of the\n"
    "forecast, one row per day or hour) gives each decision the latest issue by its hour\n"
    "(its upper bound, §3.2.2) after the observed hours; in a rolling feed a downgrade or\n"
    "lift reads the hours between its days on the line through them (the profile's\n"
    "forecast_line_between_days). An issue older than the profile's\n"
    "forecast_stale_hours (36) is not used, and the decision says so. With --replay each\n"
    "hour sees the issues made by then: the season with the forecasts as they were.\n"
    "--directives FILE (received_at,level,start,end,area,source, CSV or JSON) adds the\n"
    "directives from above (§3.2.2(2), §3.2.3) for the stations whose name is their area\n"
    "(every station when it names none): one received since the last run (with --state; else\n"
    "one received by --now and not over) is an issue or upgrade effective at its start, due on\n"
    "receipt and late from it; while it lasts the level in force is at least its level; at its\n"
    "end the warning goes down to what the rules have issued, lifted when nothing. The state\n"
    "keeps the directives acted on until they are over, so each is acted on once. For one\n"
    "area a directive received later supersedes the earlier from its start (a new order\n"
    "replaces the old one):\n"
    "a drop it brings, or a raise announced before that no longer comes, is announced now for\n"
    "its hour; one received at or after its end asks nothing and is ignored with a warning\n"
    "naming its line. Records gain `basis` (rules,\n"
    "directive, both) and `source` (the document); --replay sees each directive from its\n"
    "received_at, and --summary compares with the episodes of hpa-episodes --directives.\n"
    "Records (csv, jsonl): one per action, or one 'none' per station; the same columns under\n"
    "every profile. --station decides for the stations named only: the others are neither\n"
    "reported nor changed in the state file.\n"
    "Memory: deciding at one hour, each station keeps only the hours a decision can still look\n"
    "at (back to the last 36 h of clean air before the decision hour and the start of its\n"
    "warning in force), 16 bytes an hour; --replay holds every hour of the input.",
    tool::takes::series | tool::takes::output | tool::takes::profile | tool::takes::as_of | tool::takes::quiet |
        tool::takes::format | tool::takes::stations,
    {io::format::csv, io::format::json, io::format::jsonl, io::format::text},
    "3 an action is due, 4 another run holds the state's lock (--no-wait), 5 a station is stale or absent"};

void options(CLI::App& app, args& a) {
  auto* now =
      app.add_option("--now", a.now, "The decision hour, as 2023-12-01T08:00 (default: the last observed hour)");
  auto* state = app.add_option("--state", a.state, "Remember what was issued in FILE (JSON), locked by FILE.lock");
  app.add_option("--max-age", a.max_age, "Hours the last observed hour may lag --now or the clock")
      ->check(CLI::Range(0, 24 * 366))
      ->capture_default_str();
  app.add_flag("--no-wait", a.no_wait, "Exit 4 at once when another run holds the state's lock")->needs(state);
  app.add_option("--forget", a.forget, "Drop STATION from the state (repeatable), e.g. one that left the feed")
      ->allow_extra_args(false)
      ->needs(state);
  auto* replay = app.add_option("--replay", a.replay, "Decide at every hour of FROM..TO from a fresh state")
                     ->excludes(now)
                     ->excludes(state);
  app.add_option("--forecast-hours", a.forecast_hours, "With --replay: the next H hours of the file as a forecast")
      ->check(CLI::Range(0, 24 * 366))
      ->needs(replay);
  app.add_flag("--summary", a.summary, "With --replay: one row per station against hindsight")->needs(replay);
  app.add_option("--directives", a.directives, "Directives from above: received_at,level,start,end,area,source");
  app.add_option(
         "--forecasts", a.forecasts,
         "Forecasts as issued: issued_at,station,date (or time),aqi_low,aqi_high; the latest by each hour counts")
      ->excludes("--forecast-hours");
}

// ---------------------------------------------------------------------------------------------
// The input

// Deciding at one hour: the observed rows after --now are left out as not yet observed, and each
// station keeps only what the decision can look at, for the warnings the state holds as it is
// before the input is read (read again under the lock: decide_all checks the two agree).
io::timeline_options decision_reading(const args& a, const std::optional<io::watch_state_file>& file,
                                      const profile& p) {
  io::timeline_options o;
  if (!a.now.empty()) o.now = tool::hour_option(a.now, "--now");
  const auto state = file ? file->peek(p) : std::optional<io::watch_state>(io::watch_state{});
  o.tail = state.has_value();  // a state that cannot be read now is an error under the lock
  if (state)
    for (const auto& [name, s] : *state)
      if (s.issued.level > 0) o.warning_starts.emplace(name, s.issued.start);
  return o;
}

// ---------------------------------------------------------------------------------------------
// The decision at one hour

// What is reported for a station: a decision, or a finding about its data or its state.
enum class finding { none, stale, absent, forgotten };

const char* to_string(finding f) {
  switch (f) {
    case finding::none:
      return "";
    case finding::stale:
      return "stale";
    case finding::absent:
      return "absent";
    case finding::forgotten:
      return "forget";
  }
  return "";
}

struct station_report {
  std::string station;
  level_t required = 0;
  std::vector<directed_action> actions;  // empty: no change (or a finding); on the rules' basis without directives
  std::string note;                      // why a level is held, or what the finding is
  finding found = finding::none;
  level_t held = 0;          // with a finding: the level the state holds
  basis why = basis::rules;  // what the level required rests on
  std::string source;        // the directive it rests on, if one does
};

std::vector<directed_action> on_rules(const std::vector<watch_action>& v) {
  std::vector<directed_action> out;
  for (const auto& a : v) out.push_back({a, basis::rules, {}, {}});
  return out;
}

// The decision hour and what staleness is measured against.
struct clock_view {
  hour_t now;        // the decision hour
  hour_t reference;  // --now, else the clock
  int max_age;
  bool given = false;  // --now gave the decision hour (else the input's last observed hour did)
};

// The decision hour in messages: "--now 2023-12-10T00:00", or where it came from.
std::string decision_hour(const clock_view& c) {
  return c.given ? "--now " + format_time(c.now)
                 : "the decision hour " + format_time(c.now) + " (the input's last observed hour)";
}

// The clock: --now, else HPA_NOW (for tests and replays), else the machine's, in city time.
hour_t clock_hour(const args& a) {
  if (!a.now.empty()) return tool::hour_option(a.now, "--now");
  if (const char* env = std::getenv("HPA_NOW"); env && *env) return tool::hour_option(env, "HPA_NOW");
  return static_cast<hour_t>(std::time(nullptr) / 3600) + plan_utc_offset_hours;
}

level_t in_force(const issued_warning& w, hour_t at) { return w.level > 0 && w.start <= at ? w.level : 0; }

// `ds`: the directives of its area. A station no directive names, and with none acted on, is
// decided on the rules alone.
// `book`: its forecasts as issued (--forecasts), the latest by now after its observed hours.
station_report decide_station(const io::station_timeline& in, series_kind kind, const clock_view& c,
                              io::station_state& s, const std::vector<directive>& ds, const forecast_book* book,
                              const profile& p) {
  const std::string& name = in.name;
  std::vector<timeline_point> shown;  // the forecast's points after the observed ones
  std::string said;                   // what the decision says of the forecast it could not use
  if (book) {
    const auto f = pick_forecast(*book, c.now, p);
    const hour_t after = in.points.empty() ? c.now : in.points.back().hour + (kind == series_kind::daily ? 23 : 0);
    if (f.usable())
      shown = book->points(*f.issued_at, after, kind, p);
    else
      said = f.issued_at
                 ? fmt::format("forecast issued {} is {} h old (stale after {} h): decided on observed hours only",
                               format_time(*f.issued_at), c.now - *f.issued_at, p.forecast_stale_hours)
                 : std::string("no forecast issued by now: decided on observed hours only");
  }
  auto with = [&](std::string note) { return said.empty() ? note : note.empty() ? said : note + "; " + said; };
  const condition_bounds bounds = forecast_bounds(in.points, shown, kind, p);
  if (ds.empty() && s.directives.empty()) {
    auto d = decide(bounds, c.now, s.issued, p);
    s.issued = d.next;
    s.decided_at = c.now;
    return {name, d.required, on_rules(d.actions), with(std::move(d.hold)), finding::none, 0, basis::rules, {}};
  }
  auto d = decide_with_directives(bounds, c.now, s.issued, ds, {s.decided_at, s.directives}, p);
  s.issued = d.next;
  s.decided_at = c.now;
  s.directives = std::move(d.acted);
  return {name, d.required, std::move(d.actions), with(std::move(d.note)), finding::none,
          0,    d.why,      std::move(d.source)};
}

// A station whose data end too long before the clock: not decided, its state kept.
std::optional<station_report> stale(const io::station_timeline& in, const clock_view& c, const io::station_state& s,
                                    const profile& p) {
  const std::string& name = in.name;
  if (in.last_observed && *in.last_observed >= c.reference - c.max_age) return std::nullopt;
  const level_t held = in_force(s.issued, c.now);
  std::string note = in.last_observed ? fmt::format("last observed hour {}, {} h before {} (--max-age {})",
                                                    format_time(*in.last_observed), c.reference - *in.last_observed,
                                                    format_time(c.reference), c.max_age)
                                      : std::string("no observed rows");
  note += "; not decided";
  if (s.issued.level > 0) note += ", " + p.level_name(s.issued.level) + " stays as issued";
  return station_report{name, held, {}, std::move(note), finding::stale, s.issued.level, basis::rules, {}};
}

// Stations of the state with a warning, not in this input, and not decided by any run for
// --max-age hours: reported every run until their rows return or --forget drops them (a
// warning is lifted on the air, and there is none to lift it on).
std::vector<station_report> absent(const io::watch_state& state, const std::vector<io::station_timeline>& seen,
                                   const clock_view& c, const profile& p) {
  std::set<std::string> names;
  for (const auto& in : seen) names.insert(in.name);
  std::vector<station_report> out;
  for (const auto& [name, s] : state) {
    if (s.issued.level == 0 || names.count(name)) continue;
    if (s.decided_at && *s.decided_at >= c.reference - c.max_age) continue;  // another feed's station
    std::string note = fmt::format("{} issued (from {}); no rows for this station", p.level_name(s.issued.level),
                                   format_time(s.issued.start));
    if (s.decided_at) note += ", last decided at " + format_time(*s.decided_at);
    note += "; kept until its rows return or --forget";
    out.push_back(
        {name, in_force(s.issued, c.now), {}, std::move(note), finding::absent, s.issued.level, basis::rules, {}});
  }
  return out;
}

// A station forgotten while this run decides it would be issued again at once, as new: its
// rows must go first (or --station leave it out), so that the operator's lift stands.
void check_forget(const std::vector<std::string>& names, const io::timeline& t, const tool::context& cx) {
  for (const auto& name : names) {
    const bool in_input = std::any_of(t.stations.begin(), t.stations.end(),
                                      [&](const io::station_timeline& s) { return s.name == name; });
    if (in_input && cx.filter().station(name))
      throw error("--forget " + io::quote(name) + ": " + name + " is still in the input (" + t.source +
                  "): drop its rows first, or use --station to leave it out");
  }
}

std::vector<station_report> forget(io::watch_state& state, const std::vector<std::string>& names, const profile& p) {
  std::vector<station_report> out;
  for (const auto& name : names) {
    const auto it = state.find(name);
    if (it == state.end()) throw error("--forget " + io::quote(name) + ": no such station in the state");
    const auto& w = it->second.issued;
    std::string note = "dropped from the state";
    if (w.level > 0)
      note += fmt::format(" with {} issued (from {}): its lift is the operator's", p.level_name(w.level),
                          format_time(w.start));
    // nothing required of hpa-watch
    out.push_back({name, 0, {}, std::move(note), finding::forgotten, w.level, basis::rules, {}});
    state.erase(it);
  }
  return out;
}

// Decides every station at `now` on its timeline: observed rows up to now, forecast rows after
// (RULES.md §9); a stale one is reported instead, and so is a station of the state gone from the
// input with a warning in force.
std::vector<station_report> decide_all(const io::timeline& t, const clock_view& c, io::watch_state& state,
                                       const std::vector<directive>& directives, const forecast_books& books,
                                       const tool::context& cx, const std::string& state_path) {
  if (!books.empty() && t.forecast_rows)
    throw error(fmt::format("{}: {} forecast row{}, and --forecasts gives the forecasts: give one of the two", t.source,
                            t.forecast_rows, t.forecast_rows == 1 ? "" : "s"));
  if (t.after_now)
    cx.warn(fmt::format("{}: {} observed row{} after --now {} ignored (not yet observed at the decision hour)",
                        t.source, t.after_now, t.after_now == 1 ? "" : "s", format_time(c.now)));
  cx.filter().check_stations(station_names(t), t.source);
  std::vector<station_report> out;
  for (const auto& in : t.stations) {
    if (!cx.filter().station(in.name)) continue;  // its state stays as it was
    auto& s = state[in.name];
    if (auto r = stale(in, c, s, cx.profile())) {
      out.push_back(std::move(*r));
      continue;
    }
    // A state remembers what was issued up to its last decision: an earlier one would undo it
    // (a red issued on the 20th lifted by a run on the 10th).
    if (s.decided_at && *s.decided_at > c.now)
      throw error(
          fmt::format("{}: station {} was last decided at {}, after {}: a state only goes forward in time; "
                      "nothing decided (decide the past with a state file of its own, or --replay)",
                      state_path, io::quote(in.name), format_time(*s.decided_at), decision_hour(c)));
    // Its points were cut for the warning the state held before the input was read.
    const hour_t needed = s.issued.level > 0 ? std::min(c.now, s.issued.start) : c.now;
    if (in.exact_from && needed < *in.exact_from)
      throw error(fmt::format(
          "{}: another run changed it while the input was read (station {}: {} from {}); "
          "nothing decided: run again",
          state_path, io::quote(in.name), cx.profile().level_name(s.issued.level), format_time(s.issued.start)));
    out.push_back(decide_station(in, t.kind, c, s, directives_for(directives, in.name),
                                 books.empty() ? nullptr : book_of(books, in.name), cx.profile()));
  }
  for (auto& r : absent(state, t.stations, c, cx.profile()))
    if (cx.filter().station(r.station)) out.push_back(std::move(r));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing the decision

// With --directives (`directed`) every action also says what it rests on and the document.

std::string text_of(const station_report& s, hour_t now, const profile& p, bool directed) {
  const auto& d = s;
  auto level = [&](level_t l) { return p.level_name(l); };
  const std::string head = s.station + (s.station.empty() ? "" : " ") + "at " + format_time(now) + ": ";
  if (s.found != finding::none) return head + to_string(s.found) + ": " + s.note + "\n";
  std::string out = head +
                    (d.required ? level(d.required) + " (tier " + p.level_tier(d.required) + ")" : "no warning") +
                    " must be in force" + (d.note.empty() ? "" : "; " + d.note) + "\n";
  if (d.actions.empty()) out += "  no change\n";
  for (const auto& x : d.actions) {
    const auto& a = x.action;
    const bool lift = a.kind == action_kind::lift || a.kind == action_kind::announce_lift;
    std::string line = fmt::format("  {} {}", to_string(a.kind), lift ? level(a.from) : level(a.to));
    if (!lift && a.kind != action_kind::issue && a.kind != action_kind::missed) line += " (was " + level(a.from) + ")";
    line += (a.kind == action_kind::missed ? ", from " : ", effective ") + format_time(a.effective);
    if (a.replaces) line += " (in place of " + format_time(*a.replaces) + ")";
    if (a.deadline && a.kind == action_kind::missed)
      line += fmt::format("; its process is over: not issued late ({} h after its deadline {})", a.late_hours,
                          format_time(*a.deadline));
    else if (a.deadline)
      line += a.late_hours > 0
                  ? fmt::format("; issue now: {} h late (due {})", a.late_hours, format_time(*a.deadline))
                  : fmt::format("; issue by {} ({} h from now), on time", format_time(*a.deadline), *a.deadline - now);
    if (a.monitoring_override)
      line += "; monitoring override (§3.2.4): heavy pollution observed, no improvement within 24 h";
    if (directed) line += fmt::format("; {}basis {}", x.reason.empty() ? "" : x.reason + ", ", to_string(x.why));
    out += line + "\n";
  }
  return out;
}

ordered_json null_if_empty(const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }

ordered_json json_of(const station_report& s, hour_t now, const profile& p, bool directed) {
  auto acts = ordered_json::array();
  for (const auto& x : s.actions) {
    const auto& a = x.action;
    ordered_json j = {{"action", to_string(a.kind)}, {"from", p.level_name(a.from)}, {"to", p.level_name(a.to)}};
    if (directed) {
      j["basis"] = to_string(x.why);
      j["source"] = null_if_empty(x.source);
    }
    j["effective"] = format_time(a.effective);
    j["replaces"] = a.replaces ? ordered_json(format_time(*a.replaces)) : ordered_json(nullptr);
    j["issue_by"] = a.deadline ? ordered_json(format_time(*a.deadline)) : ordered_json(nullptr);
    j["late_hours"] = a.deadline ? ordered_json(a.late_hours) : ordered_json(nullptr);
    j["monitoring_override"] = a.monitoring_override;
    if (directed) j["reason"] = x.reason;
    acts.push_back(std::move(j));
  }
  if (s.found != finding::none) {
    ordered_json j = {{"action", to_string(s.found)}, {"from", p.level_name(s.held)}, {"to", p.level_name(s.held)}};
    if (directed) {
      j["basis"] = nullptr;
      j["source"] = nullptr;
    }
    j["effective"] = nullptr;
    j["replaces"] = nullptr;
    j["issue_by"] = nullptr;
    j["late_hours"] = nullptr;
    j["monitoring_override"] = false;
    acts.push_back(std::move(j));
  }
  ordered_json out = {{"station", s.station},
                      {"now", format_time(now)},
                      {"required", p.level_name(s.required)},
                      {"tier", p.level_tier(s.required)}};
  if (directed) {
    out["basis"] = s.required && s.found == finding::none ? ordered_json(to_string(s.why)) : ordered_json(nullptr);
    out["source"] = null_if_empty(s.source);
  }
  out["actions"] = acts;
  out["note"] = s.note;
  return out;
}

// One record per action (or one `none` record per station, or one per finding), for CSV and
// JSON Lines. With --directives, `basis` and `source` follow `to` (as hpa-episodes --directives
// puts `basis` after the level): those of the action, or on a `none` row of the level in force,
// and an action's `note` is its reason ("per 豫环委办〔2023〕41号"). `method`: how the daily AQI
// was made from concentrations, a last column; "" for AQI input.
void write_rows(const std::vector<station_report>& all, hour_t now, const profile& p, io::output& out, io::format f,
                bool directed, const std::string& method) {
  using io::field;
  std::vector<std::string> columns = {"station",   "now",      "required", "tier",       "action",   "from", "to",
                                      "effective", "replaces", "issue_by", "late_hours", "override", "note"};
  if (directed) columns.insert(columns.begin() + 7, {"basis", "source"});
  if (!method.empty()) columns.push_back("daily_aqi_method");
  io::record_writer rows(out, f, columns);
  for (const auto& s : all) {
    const std::vector<field> head = {field::string(s.station), field::time(now),
                                     field::string(p.level_name(s.required)), field::string(p.level_tier(s.required))};
    auto row = [&](std::vector<field> rest, std::optional<basis> why, const std::string& source) {
      auto r = head;
      if (directed)
        rest.insert(rest.begin() + 3,
                    {why ? field::string(to_string(*why)) : field::string_or_null(""), field::string_or_null(source)});
      r.insert(r.end(), rest.begin(), rest.end());
      if (!method.empty()) r.push_back(field::string(method));
      rows.write(r);
    };
    if (s.found != finding::none)
      row({field::string(to_string(s.found)), field::string(p.level_name(s.held)), field::string(p.level_name(s.held)),
           field::time(std::nullopt), field::time(std::nullopt), field::time(std::nullopt), field::number(no_value),
           field::boolean(false), field::string(s.note)},
          std::nullopt, "");
    else if (s.actions.empty())
      row({field::string("none"), field::string_or_null(""), field::string_or_null(""), field::time(std::nullopt),
           field::time(std::nullopt), field::time(std::nullopt), field::number(no_value), field::boolean(false),
           field::string(s.note)},
          s.required ? std::optional<basis>(s.why) : std::nullopt, s.source);
    for (const auto& x : s.actions) {
      const auto& a = x.action;
      row({field::string(to_string(a.kind)), field::string(p.level_name(a.from)), field::string(p.level_name(a.to)),
           field::time(a.effective), field::time(a.replaces), field::time(a.deadline),
           a.deadline ? field::integer(a.late_hours) : field::number(no_value), field::boolean(a.monitoring_override),
           field::string(x.reason)},
          x.why, x.source);
    }
  }
  rows.finish();
}

// The text and JSON forms of a decision (CSV and JSON Lines go through write_rows).
std::string decision_text(const std::vector<station_report>& all, hour_t now, const profile& p, io::format f,
                          bool directed, const std::string& method) {
  std::string text;
  if (f == io::format::text) {
    for (const auto& s : all)
      text += text_of(s, now, p, directed) + (method.empty() ? "" : "  daily AQI by " + method + "\n");
    return text;
  }
  auto j = ordered_json::array();
  for (const auto& s : all) {
    j.push_back(json_of(s, now, p, directed));
    if (!method.empty()) j.back()["daily_aqi_method"] = method;
  }
  return j.dump(2) + "\n";
}

int exit_code(const std::vector<station_report>& all) {
  bool due = false, found = false;
  for (const auto& s : all) {
    due |= !s.actions.empty();
    found |= s.found == finding::stale || s.found == finding::absent;
  }
  return due ? exit_action_due : found ? exit_stale : 0;
}

// ---------------------------------------------------------------------------------------------
// The state, then the output

// Writes the output; when it fails after the state was written, the state is put back (the
// actions were not reported, so the next run must report them again).
void write_output(const std::vector<station_report>& all, hour_t now, const tool::context& cx,
                  io::watch_state_file* file, bool directed, const std::string& method) {
  const auto& p = cx.profile();
  const auto f = cx.options().format;
  try {
    io::output out(cx.options().output);
    if (f == io::format::csv || f == io::format::jsonl)
      write_rows(all, now, p, out, f, directed, method);
    else
      out << decision_text(all, now, p, f, directed, method);
    out.commit();
  } catch (const error& e) {
    if (!file) throw;
    if (file->restore()) throw error(std::string(e.what()) + "; the state was put back: the next run reports the same");
    throw error(std::string(e.what()) + "; and " + file->path() +
                " could not be put back: it records actions this run did not report");
  }
}

// Do two states keep the same in the file?
bool same_kept(const io::watch_state& a, const io::watch_state& b) {
  auto kept = [](const io::watch_state& s) {
    std::vector<std::pair<std::string, io::station_state>> v;
    for (const auto& [name, st] : s)
      if (io::kept_in_file(st)) v.emplace_back(name, st);
    return v;
  };
  return kept(a) == kept(b);
}

int decide_now(const args& a, tool::context& cx) {
  const auto& p = cx.profile();
  std::optional<io::watch_state_file> file;
  if (!a.state.empty()) {
    file.emplace(a.state);  // its folder is checked before anything is read
    // The output replaces its file after the state is written: it must be neither the state nor its lock.
    if (const char* what = file->holds(cx.options().output))
      throw CLI::ValidationError(
          "--output", cx.options().output + " is " + what + " (--state " + a.state + "): the output would replace it");
  }
  const auto directives = read_directives(a, cx);
  const auto books = read_forecasts(a, cx);
  const auto t = read_timeline(cx, decision_reading(a, file, p));
  clock_view c{0, clock_hour(a), a.max_age, !a.now.empty()};
  if (c.given)
    c.now = c.reference;
  else if (t.last_observed)
    c.now = *t.last_observed;
  else
    throw error(t.source + ": no observed rows to take the decision hour from: give --now");
  check_forget(a.forget, t, cx);

  io::watch_state state;
  if (file) {
    if (!file->lock(!a.no_wait)) {
      std::cerr << spec.name << ": " << a.state << ": another run holds its lock (" << file->lock_path()
                << "); nothing decided (--no-wait)\n";
      return exit_state_busy;
    }
    state = file->read(p);
  }
  const auto before = state;
  auto all = forget(state, a.forget, p);
  for (auto& r : decide_all(t, c, state, directives, books, cx, a.state)) all.push_back(std::move(r));
  if (!directives.empty()) tool::warn_unused_directives(cx, a.directives, directives, station_names(t));
  if (file && !(file->existed() && same_kept(before, state)))  // a run that decided nothing leaves it as it was
    file->write(io::format_watch_state(state, p, c.now, a.state));
  write_output(all, c.now, cx, file ? &*file : nullptr, !a.directives.empty(), t.method ? to_string(*t.method) : "");
  return exit_code(all);
}

int run(const args& a, tool::context& cx) { return a.replay.empty() ? decide_now(a, cx) : replay(a, cx); }

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
