// hpa-watch: the decision at a given hour, for cron: what must be issued, upgraded, downgraded,
// lifted or announced now, remembering what was issued before.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/stations.hpp"
#include "hpa/io/watch_state.hpp"
#include "hpa/watch.hpp"
#include "tool.hpp"

using namespace hpa;
using nlohmann::ordered_json;

namespace {

struct stored_row {
  std::string station;
  io::aqi_record r;
};

}  // namespace

int main(int argc, char** argv) {
  tool::common_options o;
  std::string now_text, state_path, format = "csv";
  CLI::App app;
  tool::describe(
      app, "hpa-watch", "Decide what must be done now: issue, upgrade, downgrade, lift, announce, or nothing.",
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
      "Holds its input in memory (a recent timeline is small).\n"
      "Exit codes: 0 nothing to do, 3 an action is due, 1 data or I/O error, 2 usage error.");
  tool::add_common(app, o);
  tool::add_as_of(app, o);
  app.add_option("--now", now_text, "The decision hour, as 2023-12-01T08:00 (default: the last observed hour)");
  app.add_option("--state", state_path, "Remember what was issued in FILE (JSON)");
  app.add_option("-f,--format", format, "csv, json or text")->check(CLI::IsMember({"csv", "json", "text"}))->capture_default_str();
  bool action_due = false;
  const int rc = tool::run(app, argc, argv, [&] {
    const auto p = tool::load(o);
    auto in = tool::open_input(o.input);
    io::aqi_reader reader(*in.stream, in.name, p, tool::warn);
    std::vector<stored_row> rows;
    std::optional<hour_t> last_observed;
    io::aqi_record r;
    while (reader.next(r)) {
      rows.push_back({std::string(r.station), r});
      const hour_t end = r.hour + (reader.kind() == series_kind::daily ? 23 : 0);
      if (r.from != io::origin::forecast && (!last_observed || end > *last_observed)) last_observed = end;
    }
    hour_t now;
    if (!now_text.empty()) {
      const auto t = parse_time(now_text);
      if (!t || t.date_only) throw CLI::ValidationError("--now", "expected an hour such as 2023-12-01T08:00, got '" + now_text + "'");
      now = t.hour;
    } else if (last_observed) {
      now = *last_observed;
    } else {
      throw error(in.name + ": no observed rows to take the decision hour from: give --now");
    }
    // The timeline at --now: observed rows up to it, forecast rows after (RULES.md §9).
    std::size_t ignored = 0;
    const bool daily = reader.kind() == series_kind::daily;
    io::station_table<station_sink> table(p, reader.kind(), in.name, [](std::string_view) { return station_sink{}; },
                                          tool::warn);
    std::map<std::string, std::vector<timeline_point>> timelines;
    for (auto& row : rows) {
      if (row.r.from != io::origin::forecast && row.r.hour + (daily ? 23 : 0) > now) { ++ignored; continue; }
      row.r.station = row.station;
      table.feed(row.r);
      auto& t = timelines[row.station];
      if (t.empty() || row.r.hour > t.back().hour) t.push_back({row.r.hour, row.r.value});
    }
    table.finish();
    if (ignored)
      tool::warn(in.name + ": " + std::to_string(ignored) + " observed row" + (ignored == 1 ? "" : "s") + " after --now " +
                 format_time(now) + " ignored (not yet observed at the decision hour)");

    auto state = state_path.empty() ? io::watch_state{} : io::read_watch_state(state_path, p);
    struct line { std::string station; watch_decision d; };
    std::vector<line> lines;
    for (auto* e : table.sorted()) {
      auto d = decide(timelines[e->name], reader.kind(), now, state[e->name], p);
      state[e->name] = d.next;
      action_due |= !d.actions.empty();
      lines.push_back({e->name, std::move(d)});
    }

    io::output out(o.output);
    auto level = [&](level_t l) { return p.level_name(l); };
    auto late = [](const watch_action& a) { return a.deadline ? std::to_string(a.late_hours) : std::string(); };
    if (format == "csv") {
      out << "station,now,required,tier,action,from,to,effective,issue_by,late_hours,override,note\n";
      for (const auto& [station, d] : lines) {
        const auto head = fmt::format("{},{},{},{}", io::csv_field(station), format_time(now), level(d.required), p.level_tier(d.required));
        if (d.actions.empty()) out << head << fmt::format(",none,,,,,,false,{}\n", io::csv_field(d.hold));
        for (const auto& a : d.actions)
          out << head << fmt::format(",{},{},{},{},{},{},{},\n", to_string(a.kind), level(a.from), level(a.to),
                                     format_time(a.effective), a.deadline ? format_time(*a.deadline) : "", late(a),
                                     a.monitoring_override ? "true" : "false");
      }
    } else if (format == "json") {
      auto all = ordered_json::array();
      for (const auto& [station, d] : lines) {
        auto acts = ordered_json::array();
        for (const auto& a : d.actions)
          acts.push_back({{"action", to_string(a.kind)}, {"from", level(a.from)}, {"to", level(a.to)},
                          {"effective", format_time(a.effective)},
                          {"issue_by", a.deadline ? ordered_json(format_time(*a.deadline)) : ordered_json(nullptr)},
                          {"late_hours", a.deadline ? ordered_json(a.late_hours) : ordered_json(nullptr)},
                          {"monitoring_override", a.monitoring_override}});
        all.push_back({{"station", station}, {"now", format_time(now)}, {"required", level(d.required)},
                       {"tier", p.level_tier(d.required)}, {"actions", acts}, {"note", d.hold}});
      }
      out << all.dump(2) << "\n";
    } else {
      for (const auto& [station, d] : lines) {
        out << fmt::format("{}{}at {}: {} must be in force{}\n", station, station.empty() ? "" : " ", format_time(now),
                           d.required ? level(d.required) + " (tier " + p.level_tier(d.required) + ")" : "no warning",
                           d.hold.empty() ? "" : "; " + d.hold);
        if (d.actions.empty()) out << "  no change\n";
        for (const auto& a : d.actions) {
          const bool lift = a.kind == action_kind::lift || a.kind == action_kind::announce_lift;
          std::string s = fmt::format("  {} {}", to_string(a.kind), lift ? level(a.from) : level(a.to));
          if (!lift && a.kind != action_kind::issue) s += " (was " + level(a.from) + ")";
          s += ", effective " + format_time(a.effective);
          if (a.deadline)
            s += a.late_hours > 0 ? fmt::format("; issue now: {} h late (due {})", a.late_hours, format_time(*a.deadline))
                                  : fmt::format("; issue by {} ({} h from now), on time", format_time(*a.deadline), *a.deadline - now);
          if (a.monitoring_override) s += "; monitoring override (§3.2.4): heavy pollution observed, no improvement within 24 h";
          out << s << "\n";
        }
      }
    }
    out.commit();
    if (!state_path.empty()) {
      io::output file(state_path);
      file << io::format_watch_state(state, p, now);
      file.commit();
    }
  });
  return rc == 0 && action_due ? 3 : rc;
}
