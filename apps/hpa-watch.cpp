// hpa-watch: the decision at a given hour, for cron: what must be issued, upgraded, downgraded,
// lifted or announced now, remembering what was issued before; or, with --replay, the decision
// at every hour of a past season, compared with the episodes of the whole season.
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
#include "hpa/watch_replay.hpp"
#include "tool.hpp"

using namespace hpa;
using nlohmann::ordered_json;

namespace {

// The exit codes beyond 0, 1 and 2: findings a cron line acts on.
constexpr int exit_action_due = 3;
constexpr int exit_state_busy = 4;  // --no-wait and another run holds the state's lock
constexpr int exit_stale = 5;       // a station's data too old to decide on, or gone with a warning in force

// An hourly feed is published within the hour; three hours without a new hour is a fault of the
// feed, not a delay, and a decision on it would be taken at an old hour.
constexpr int default_max_age_hours = 3;
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
    "for a later process), the announcement ahead of a downgrade or lift (§3.2.4; made again\n"
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
    "(its upper bound, §3.2.2) after the observed hours; an issue older than the profile's\n"
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

struct args {
  tool::common common;
  std::string now, state, replay;
  int max_age = default_max_age_hours;
  bool no_wait = false;
  std::vector<std::string> forget;
  int forecast_hours = 0;
  bool summary = false;
  std::string directives;
  std::string forecasts;
};

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
  app.add_option("--forecasts", a.forecasts,
                 "Forecasts as issued: issued_at,station,date (or time),aqi_low,aqi_high; the latest by each hour counts")
      ->excludes("--forecast-hours");
}

// The forecasts of each station (--forecasts), every issue.
using forecast_books = std::map<std::string, forecast_book>;

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

// --directives: read once, before the timeline (stdin feeds one of the two at most).
std::vector<directive> read_directives(const args& a, tool::context& cx) {
  if (a.directives.empty()) return {};
  auto in = cx.open_beside(a.directives, "--directives");
  return io::read_directives(*in.stream, in.name, cx.profile(), cx.warner());
}

// ---------------------------------------------------------------------------------------------
// The input

// The input: every station's timeline, its rows checked as they are read (io/timeline.hpp).
io::timeline read_timeline(tool::context& cx, const io::timeline_options& o) {
  auto in = cx.open_input();
  return io::read_timeline(*in.stream, in.name, cx.profile(), o, cx.warner(), cx.quiet_columns());
}

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
    case finding::none: return "";
    case finding::stale: return "stale";
    case finding::absent: return "absent";
    case finding::forgotten: return "forget";
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
  std::vector<timeline_point> points = in.points;
  std::string said;  // what the decision says of the forecast it could not use
  if (book) {
    const auto f = pick_forecast(*book, c.now, p);
    const hour_t after = points.empty() ? c.now : points.back().hour + (kind == series_kind::daily ? 23 : 0);
    if (f.usable())
      for (const auto& x : book->points(*f.issued_at, after, kind, p)) points.push_back(x);
    else
      said = f.issued_at ? fmt::format("forecast issued {} is {} h old (stale after {} h): decided on observed hours only",
                                       format_time(*f.issued_at), c.now - *f.issued_at, p.forecast_stale_hours)
                         : std::string("no forecast issued by now: decided on observed hours only");
  }
  auto with = [&](std::string note) { return said.empty() ? note : note.empty() ? said : note + "; " + said; };
  if (ds.empty() && s.directives.empty()) {
    auto d = decide(points, kind, c.now, s.issued, p);
    s.issued = d.next;
    s.decided_at = c.now;
    return {name, d.required, on_rules(d.actions), with(std::move(d.hold)), finding::none, 0, basis::rules, {}};
  }
  auto d = decide_with_directives(final_conditions(points, kind, p), c.now, s.issued, ds,
                                  {s.decided_at, s.directives}, p);
  s.issued = d.next;
  s.decided_at = c.now;
  s.directives = std::move(d.acted);
  return {name, d.required, std::move(d.actions), with(std::move(d.note)), finding::none, 0, d.why, std::move(d.source)};
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
    out.push_back({name, in_force(s.issued, c.now), {}, std::move(note), finding::absent, s.issued.level, basis::rules,
                   {}});
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

// The stations of the input, for --station and for the directives that name none of them.
std::vector<std::string_view> station_names(const io::timeline& t) {
  std::vector<std::string_view> names;
  for (const auto& s : t.stations) names.push_back(s.name);
  return names;
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
      throw error(fmt::format("{}: station {} was last decided at {}, after {}: a state only goes forward in time; "
                              "nothing decided (decide the past with a state file of its own, or --replay)",
                              state_path, io::quote(in.name), format_time(*s.decided_at), decision_hour(c)));
    // Its points were cut for the warning the state held before the input was read.
    const hour_t needed = s.issued.level > 0 ? std::min(c.now, s.issued.start) : c.now;
    if (in.exact_from && needed < *in.exact_from)
      throw error(fmt::format("{}: another run changed it while the input was read (station {}: {} from {}); "
                              "nothing decided: run again",
                              state_path, io::quote(in.name), cx.profile().level_name(s.issued.level),
                              format_time(s.issued.start)));
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
  std::vector<std::string> columns = {"station",  "now",      "required",   "tier",     "action",
                                      "from",     "to",       "effective",  "replaces", "issue_by",
                                      "late_hours", "override", "note"};
  if (directed) columns.insert(columns.begin() + 7, {"basis", "source"});
  if (!method.empty()) columns.push_back("daily_aqi_method");
  io::record_writer rows(out, f, columns);
  for (const auto& s : all) {
    const std::vector<field> head = {field::string(s.station), field::time(now),
                                     field::string(p.level_name(s.required)), field::string(p.level_tier(s.required))};
    auto row = [&](std::vector<field> rest, std::optional<basis> why, const std::string& source) {
      auto r = head;
      if (directed)
        rest.insert(rest.begin() + 3, {why ? field::string(to_string(*why)) : field::string_or_null(""),
                                       field::string_or_null(source)});
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
    if (f == io::format::csv || f == io::format::jsonl) write_rows(all, now, p, out, f, directed, method);
    else out << decision_text(all, now, p, f, directed, method);
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
      throw CLI::ValidationError("--output", cx.options().output + " is " + what + " (--state " + a.state +
                                                "): the output would replace it");
  }
  const auto directives = read_directives(a, cx);
  const auto books = read_forecasts(a, cx);
  const auto t = read_timeline(cx, decision_reading(a, file, p));
  clock_view c{0, clock_hour(a), a.max_age, !a.now.empty()};
  if (c.given) c.now = c.reference;
  else if (t.last_observed) c.now = *t.last_observed;
  else throw error(t.source + ": no observed rows to take the decision hour from: give --now");
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

// ---------------------------------------------------------------------------------------------
// The replay

// --replay FROM..TO: dates (a day from 00:00 to 23:00) or hours; an empty end is the file's.
struct span_option {
  std::optional<hour_t> from, to;
};

span_option replay_span(const std::string& text) {
  const auto dots = text.find("..");
  if (dots == std::string::npos)
    throw CLI::ValidationError("--replay", "expected FROM..TO, as 2016-12-01..2017-01-15, got '" + text + "'");
  auto end = [&](const std::string& s, bool to) -> std::optional<hour_t> {
    if (s.empty()) return std::nullopt;
    const auto t = parse_time(s);
    if (!t)
      throw CLI::ValidationError("--replay", "expected a date or an hour such as 2016-12-01T08:00, got '" + s + "'");
    return t.hour + (t.date_only && to ? 23 : 0);
  };
  const span_option s{end(text.substr(0, dots), false), end(text.substr(dots + 2), true)};
  if (s.from && s.to && *s.to < *s.from)
    throw CLI::ValidationError("--replay", "the span ends before it starts: '" + text + "'");
  return s;
}

struct station_replay {
  std::string station;
  std::vector<replay_action> actions;
  replay_summary summary;
  std::vector<directed_replay_action> directed;  // with --directives: the same actions with their basis
};

std::vector<station_replay> replay_all(const std::vector<io::station_timeline>& stations, series_kind kind,
                                       const replay_options& o, const std::vector<directive>& directives,
                                       const forecast_books& books, const profile& p) {
  std::vector<station_replay> out;
  const forecast_book none;  // --forecasts without this station: no forecast at any hour
  for (const auto& in : stations) {
    const std::string& name = in.name;
    const auto ds = directives_for(directives, name);
    auto with = o;
    if (!books.empty()) with.forecasts = book_of(books, name) ? book_of(books, name) : &none;
    auto run = replay_season(in.points, kind, with, p, ds);
    const auto hindsight = hindsight_episodes(in.points, kind, p, ds);
    auto summary = compare_with_hindsight(run, hindsight, o);
    auto actions = plain_actions(run.actions);
    std::vector<directed_replay_action> directed;
    if (!ds.empty()) directed = std::move(run.actions);
    out.push_back({name, std::move(actions), std::move(summary), std::move(directed)});
  }
  return out;
}

// The basis and document of a replayed action (the rules' without directives for its station).
std::pair<basis, std::string> basis_of(const station_replay& s, std::size_t i) {
  if (s.directed.empty()) return {basis::rules, {}};
  return {s.directed[i].why, s.directed[i].source};
}

bool contradicted(const replay_summary& s, const replay_action& a) {
  for (const auto& c : s.contradictions)
    if (c.decided_at == a.decided_at && c.action.kind == a.action.kind && c.action.effective == a.action.effective)
      return true;
  return false;
}

void write_replay_actions(const std::vector<station_replay>& all, const profile& p, io::output& out, io::format f,
                          bool directed) {
  using io::field;
  if (f == io::format::text) {
    for (const auto& s : all)
      for (std::size_t i = 0; i < s.actions.size(); ++i) {
        const auto& r = s.actions[i];
        const auto& a = r.action;
        std::string line = fmt::format("{}{}{}: {} {} -> {}, effective {}", s.station, s.station.empty() ? "" : " at ",
                                       format_time(r.decided_at), to_string(a.kind), p.level_name(a.from),
                                       p.level_name(a.to), format_time(a.effective));
        if (a.deadline && a.late_hours > 0) line += fmt::format("; {} h late", a.late_hours);
        if (directed) {
          const auto [why, source] = basis_of(s, i);
          line += fmt::format("; basis {}{}", to_string(why), source.empty() ? "" : " (" + source + ")");
        }
        if (contradicted(s.summary, r)) line += "; CONTRADICTED by hindsight";
        out << line << "\n";
      }
    return;
  }
  std::vector<std::string> columns = {"station",  "decided_at", "action",   "from",          "to",          "effective",
                                      "issue_by", "late_hours", "override", "warning_start", "contradicted"};
  if (directed) columns.insert(columns.begin() + 5, {"basis", "source"});
  io::record_writer rows(out, f, columns);
  for (const auto& s : all)
    for (std::size_t i = 0; i < s.actions.size(); ++i) {
      const auto& r = s.actions[i];
      const auto& a = r.action;
      std::vector<field> row = {field::string(s.station), field::time(r.decided_at), field::string(to_string(a.kind)),
                                field::string(p.level_name(a.from)), field::string(p.level_name(a.to)),
                                field::time(a.effective), field::time(a.deadline),
                                a.deadline ? field::integer(a.late_hours) : field::number(no_value),
                                field::boolean(a.monitoring_override), field::time(r.warning_start),
                                field::boolean(contradicted(s.summary, r))};
      if (directed) {
        const auto [why, source] = basis_of(s, i);
        row.insert(row.begin() + 5, {field::string(to_string(why)), field::string_or_null(source)});
      }
      rows.write(row);
    }
  rows.finish();
}

std::optional<int> median_of(const std::vector<int>& v) { return median_hours(v); }

// The columns of a summary row: the counts, then the median lags (none: no episode to measure).
// Then the site-hours against hindsight (RULES.md §9's test) and the notices a bureau gave.
const std::vector<std::string> summary_columns = {
    "station",       "episodes",    "issues",          "upgrades",    "downgrades",   "lifts",
    "announcements", "updates",     "reschedules",     "notices",     "per_episode",  "reported_missed",
    "unannounced",   "contradicted", "issued_twice",   "missed",      "issue_lag_h",  "lift_lag_h",
    "hours_same",    "hours_above", "hours_below",     "longest_above_h"};

// The values of a summary row; notices per episode with one decimal, the rest whole numbers.
std::vector<io::field> summary_values(const replay_summary& s) {
  std::vector<io::field> out;
  auto whole = [&](std::optional<int> v) {
    out.push_back(v ? io::field::integer(*v) : io::field::number(no_value));
  };
  for (const auto v : {s.episodes, s.issues, s.upgrades, s.downgrades, s.lifts, s.announcements, s.updates,
                       s.reschedules, s.notices()})
    whole(v);
  out.push_back(io::field::number(s.episodes ? double(s.notices()) / s.episodes : no_value, 1));
  for (const auto v : {s.reported_missed, s.unannounced, s.contradicted, s.issued_twice, s.missed}) whole(v);
  whole(median_of(s.issue_lag));
  whole(median_of(s.lift_lag));
  for (const auto v : {s.hours_same, s.hours_above, s.hours_below, s.longest_above}) whole(v);
  return out;
}

// The stations pooled: counts added, lags pooled before their median.
replay_summary pooled(const std::vector<station_replay>& all) {
  replay_summary t;
  for (const auto& r : all) {
    const auto& s = r.summary;
    t.issues += s.issues, t.upgrades += s.upgrades, t.downgrades += s.downgrades, t.lifts += s.lifts;
    t.announcements += s.announcements, t.reschedules += s.reschedules, t.episodes += s.episodes;
    t.contradicted += s.contradicted, t.issued_twice += s.issued_twice, t.missed += s.missed;
    t.updates += s.updates, t.reported_missed += s.reported_missed, t.unannounced += s.unannounced;
    t.hours_same += s.hours_same, t.hours_above += s.hours_above, t.hours_below += s.hours_below;
    t.longest_above = std::max(t.longest_above, s.longest_above);
    t.issue_lag.insert(t.issue_lag.end(), s.issue_lag.begin(), s.issue_lag.end());
    t.lift_lag.insert(t.lift_lag.end(), s.lift_lag.begin(), s.lift_lag.end());
  }
  return t;
}

// The columns a name takes on a terminal: CJK and full-width characters two, others one.
std::size_t terminal_columns(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
    n += wide ? 2 : 1;
    i += len;
  }
  return n;
}

// A table for people: a column per count, right-aligned under its name, and a last row `all`.
void write_summary_text(const std::vector<station_replay>& all, io::output& out) {
  std::size_t w = std::string_view("station").size();
  for (const auto& r : all) w = std::max(w, terminal_columns(r.station));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s = cells[0] + std::string(w - terminal_columns(cells[0]), ' ');
    for (std::size_t i = 1; i < cells.size(); ++i) s += fmt::format(" {:>{}}", cells[i], summary_columns[i].size());
    out << s << "\n";
  };
  auto cells = [](const std::string& name, const replay_summary& s) {
    std::vector<std::string> c = {name};
    for (const auto& v : summary_values(s)) c.push_back(v.text.empty() ? "-" : v.text);
    return c;
  };
  line(summary_columns);
  for (const auto& r : all) line(cells(r.station, r.summary));
  line(cells("all", pooled(all)));
}

void write_replay_summary(const std::vector<station_replay>& all, io::output& out, io::format f) {
  if (f == io::format::text) return write_summary_text(all, out);
  io::record_writer rows(out, f, summary_columns);
  for (const auto& r : all) {
    std::vector<io::field> row = {io::field::string(r.station)};
    for (auto& v : summary_values(r.summary)) row.push_back(std::move(v));
    rows.write(row);
  }
  rows.finish();
}

int replay(const args& a, tool::context& cx) {
  const auto& p = cx.profile();
  const auto span = replay_span(a.replay);  // a usage error before the input is read
  const auto directives = read_directives(a, cx);
  const auto books = read_forecasts(a, cx);
  const auto t = read_timeline(cx, {});
  const auto& stations = t.stations;
  const auto forecast = t.forecast_rows;
  if (forecast)
    cx.warn(fmt::format("{}: {} forecast row{} taken as what happened (a replay reads the file as the season)",
                        t.source, forecast, forecast == 1 ? "" : "s"));
  if (stations.empty()) throw error(t.source + ": no rows to replay");
  hour_t first = stations.front().points.front().hour, last = first;
  for (const auto& in : stations) {
    first = std::min(first, in.points.front().hour);
    last = std::max(last, in.points.back().hour + t.row_hours);
  }
  const replay_options o{span.from.value_or(first), span.to.value_or(last), a.forecast_hours};
  // A span without data would decide on none: every warning of the file issued late, or nothing.
  if (o.to < o.from || o.from > last || o.to < first)
    throw error(fmt::format("--replay {}: the file's data ({}..{}) are outside it", a.replay, format_time(first),
                            format_time(last)));
  if (!directives.empty()) tool::warn_unused_directives(cx, a.directives, directives, station_names(t));
  const auto all = replay_all(stations, t.kind, o, directives, books, p);
  io::output out(cx.options().output);
  if (a.summary) write_replay_summary(all, out, cx.options().format);
  else write_replay_actions(all, p, out, cx.options().format, !a.directives.empty());
  out.commit();
  return 0;
}

int run(const args& a, tool::context& cx) { return a.replay.empty() ? decide_now(a, cx) : replay(a, cx); }

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
