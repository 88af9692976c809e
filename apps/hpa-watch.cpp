// hpa-watch: the decision at a given hour, for cron: what must be issued, upgraded, downgraded,
// lifted or announced now, remembering what was issued before.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>

#include "hpa/aqi_series.hpp"
#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/station_table.hpp"
#include "hpa/io/watch_state.hpp"
#include "hpa/watch.hpp"
#include "tool.hpp"

using namespace hpa;
using nlohmann::ordered_json;

namespace {

const tool::spec spec = {
    "hpa-watch", "Decide what must be done now: issue, upgrade, downgrade, lift, announce, or nothing.",
    "Reads one observed+forecast timeline per station (the origin column tells them apart; the\n"
    "forecast's upper bound counts, §3.2.2) and decides at --now (default: the last observed\n"
    "hour in the file) which warning must be in force and what is due: an issue with its\n"
    "deadline (start - 48 h, §3.2.3) and how late it is, an upgrade at once, a downgrade or\n"
    "lift once 36 h of improvement are confirmed, the announcement ahead of a confirmed\n"
    "downgrade or lift (§3.2.4), or no change (with the reason when a level is held). The\n"
    "monitoring override (§3.2.4) is flagged when observed air is heavily polluted (daily AQI\n"
    "> 200) and the forecast shows no improvement within 24 h.\n"
    "With --state FILE it remembers what was issued and reports only what changed since; the\n"
    "file is replaced whole or not at all, and one that is not hpa-watch's is never touched.\n"
    "Holds its input in memory (a recent timeline is small).",
    tool::takes::input | tool::takes::output | tool::takes::profile | tool::takes::as_of | tool::takes::quiet |
        tool::takes::format,
    {io::format::csv, io::format::json, io::format::jsonl, io::format::text},
    "3 an action is due"};

struct args {
  tool::common common;
  std::string now, state;
};

void options(CLI::App& app, args& a) {
  app.add_option("--now", a.now, "The decision hour, as 2023-12-01T08:00 (default: the last observed hour)");
  app.add_option("--state", a.state, "Remember what was issued in FILE (JSON)");
}

// The timeline as read: every row, kept to decide once the decision hour is known.
struct timeline {
  std::string source;
  series_kind kind = series_kind::hourly;
  std::vector<std::pair<std::string, io::aqi_record>> rows;
  std::optional<hour_t> last_observed;
  std::optional<daily_aqi_method> method;  // from concentrations: how the daily AQI is made
};

timeline read_timeline(tool::context& cx) {
  auto in = cx.open_input();
  io::aqi_reader reader(*in.stream, in.name, cx.profile(), cx.warner(), cx.quiet_columns());
  timeline t;
  t.source = in.name;
  t.kind = reader.kind();
  t.method = reader.method();
  io::aqi_record r;
  while (reader.next(r)) {
    t.rows.emplace_back(std::string(r.station), r);
    const hour_t end = r.hour + (t.kind == series_kind::daily ? 23 : 0);
    if (r.from != io::origin::forecast && (!t.last_observed || end > *t.last_observed)) t.last_observed = end;
  }
  return t;
}

struct station_decision {
  std::string station;
  watch_decision d;
};

// Decides every station at `now` on its timeline: observed rows up to now, forecast rows after
// (RULES.md §9). Rows pass through a station table first, for its checks of order and repeats.
std::vector<station_decision> decide_all(const timeline& t, hour_t now, io::watch_state& state, const tool::context& cx) {
  const auto& p = cx.profile();
  io::station_table<station_sink> table(p, t.kind, t.source, [](std::string_view) { return station_sink{}; }, cx.warner());
  std::map<std::string, std::vector<timeline_point>> points;
  std::size_t ignored = 0;
  const hour_t row_hours = t.kind == series_kind::daily ? 23 : 0;
  for (auto [station, r] : t.rows) {
    if (r.from != io::origin::forecast && r.hour + row_hours > now) {
      ++ignored;
      continue;
    }
    r.station = station;
    table.feed(r);
    auto& v = points[station];
    if (v.empty() || r.hour > v.back().hour) v.push_back({r.hour, r.gate ? no_value : r.value});
  }
  table.finish();
  if (ignored)
    cx.warn(fmt::format("{}: {} observed row{} after --now {} ignored (not yet observed at the decision hour)", t.source,
                        ignored, ignored == 1 ? "" : "s", format_time(now)));
  std::vector<station_decision> out;
  for (auto* e : table.sorted()) {
    auto d = decide(points[e->name], t.kind, now, state[e->name], p);
    state[e->name] = d.next;
    out.push_back({e->name, std::move(d)});
  }
  return out;
}

std::string text_of(const station_decision& s, hour_t now, const profile& p) {
  const auto& d = s.d;
  auto level = [&](level_t l) { return p.level_name(l); };
  std::string out = fmt::format("{}{}at {}: {} must be in force{}\n", s.station, s.station.empty() ? "" : " ", format_time(now),
                                d.required ? level(d.required) + " (tier " + p.level_tier(d.required) + ")" : "no warning",
                                d.hold.empty() ? "" : "; " + d.hold);
  if (d.actions.empty()) out += "  no change\n";
  for (const auto& a : d.actions) {
    const bool lift = a.kind == action_kind::lift || a.kind == action_kind::announce_lift;
    std::string line = fmt::format("  {} {}", to_string(a.kind), lift ? level(a.from) : level(a.to));
    if (!lift && a.kind != action_kind::issue) line += " (was " + level(a.from) + ")";
    line += ", effective " + format_time(a.effective);
    if (a.deadline)
      line += a.late_hours > 0 ? fmt::format("; issue now: {} h late (due {})", a.late_hours, format_time(*a.deadline))
                               : fmt::format("; issue by {} ({} h from now), on time", format_time(*a.deadline), *a.deadline - now);
    if (a.monitoring_override) line += "; monitoring override (§3.2.4): heavy pollution observed, no improvement within 24 h";
    out += line + "\n";
  }
  return out;
}

ordered_json json_of(const station_decision& s, hour_t now, const profile& p) {
  auto acts = ordered_json::array();
  for (const auto& a : s.d.actions)
    acts.push_back({{"action", to_string(a.kind)}, {"from", p.level_name(a.from)}, {"to", p.level_name(a.to)},
                    {"effective", format_time(a.effective)},
                    {"issue_by", a.deadline ? ordered_json(format_time(*a.deadline)) : ordered_json(nullptr)},
                    {"late_hours", a.deadline ? ordered_json(a.late_hours) : ordered_json(nullptr)},
                    {"monitoring_override", a.monitoring_override}});
  return {{"station", s.station}, {"now", format_time(now)}, {"required", p.level_name(s.d.required)},
          {"tier", p.level_tier(s.d.required)}, {"actions", acts}, {"note", s.d.hold}};
}

// One record per action (or one `none` record per station), for CSV and JSON Lines.
// `method`: how the daily AQI was made from concentrations, a last column; "" for AQI input.
void write_rows(const std::vector<station_decision>& all, hour_t now, const profile& p, io::output& out, io::format f,
                const std::string& method) {
  using io::field;
  std::vector<std::string> columns = {"station", "now", "required", "tier", "action", "from", "to", "effective",
                                      "issue_by", "late_hours", "override", "note"};
  if (!method.empty()) columns.push_back("daily_aqi_method");
  io::record_writer rows(out, f, columns);
  for (const auto& [station, d] : all) {
    const std::vector<field> head = {field::string(station), field::time(now), field::string(p.level_name(d.required)),
                                     field::string(p.level_tier(d.required))};
    auto row = [&](std::vector<field> rest) {
      auto r = head;
      r.insert(r.end(), rest.begin(), rest.end());
      if (!method.empty()) r.push_back(field::string(method));
      rows.write(r);
    };
    if (d.actions.empty())
      row({field::string("none"), field::string_or_null(""), field::string_or_null(""), field::time(std::nullopt),
           field::time(std::nullopt), field::number(no_value), field::boolean(false), field::string(d.hold)});
    for (const auto& a : d.actions)
      row({field::string(to_string(a.kind)), field::string(p.level_name(a.from)), field::string(p.level_name(a.to)),
           field::time(a.effective), field::time(a.deadline),
           a.deadline ? field::integer(a.late_hours) : field::number(no_value), field::boolean(a.monitoring_override),
           field::string("")});
  }
  rows.finish();
}

int run(const args& a, tool::context& cx) {
  const auto& p = cx.profile();
  const auto t = read_timeline(cx);
  hour_t now;
  if (!a.now.empty()) now = tool::hour_option(a.now, "--now");
  else if (t.last_observed) now = *t.last_observed;
  else throw error(t.source + ": no observed rows to take the decision hour from: give --now");

  auto state = a.state.empty() ? io::watch_state{} : io::read_watch_state(a.state, p);
  const auto all = decide_all(t, now, state, cx);
  bool action_due = false;
  for (const auto& s : all) action_due |= !s.d.actions.empty();

  io::output out(cx.options().output);
  const auto f = cx.options().format;
  const std::string method = t.method ? to_string(*t.method) : "";
  if (f == io::format::text) {
    for (const auto& s : all) out << text_of(s, now, p) << (method.empty() ? "" : "  daily AQI by " + method + "\n");
  } else if (f == io::format::json) {
    auto j = ordered_json::array();
    for (const auto& s : all) {
      j.push_back(json_of(s, now, p));
      if (t.method) j.back()["daily_aqi_method"] = method;
    }
    out << j.dump(2) << "\n";
  } else {
    write_rows(all, now, p, out, f, method);
  }
  out.commit();
  if (!a.state.empty()) {
    io::output file(a.state);
    file << io::format_watch_state(state, p, now);
    file.commit();
  }
  return action_due ? 3 : 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
