// hpa-level: the level in force at one hour, per station.
#include <fmt/format.h>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/episode_format.hpp"
#include "hpa/io/output.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {
struct level_sink : station_sink {
  std::optional<hour_t> at;  // none: the last hour of the data
  hour_t seen = 0;
  bool found = false;
  double daily = no_value;
  hour_condition cond;
  std::optional<episode> in_force;

  void on_hour(hour_t h, double d, const hour_condition& c) {
    if (at && h != *at) return;
    seen = h;
    found = true;
    daily = d;
    cond = c;
  }
  void on_episode(const episode& e) {
    if (e.warns() && (!at || (e.start <= *at && *at <= e.end))) in_force = e;
  }
};

struct answer {
  std::string station, time, daily, condition, level, tier, since, until, action;
  bool pending = false;
};

answer answer_for(const std::string& station, const level_sink& s, const profile& p) {
  answer a;
  a.station = station;
  const hour_t t = s.at ? *s.at : s.seen;
  a.time = format_time(t);
  if (!s.found) {
    a.level = "none";
    a.action = "no data at this hour";
    return a;
  }
  a.daily = io::format_number(s.daily);
  a.condition = p.level_name(s.cond.level);
  level_t l = 0;
  if (s.in_force && s.in_force->start <= t && t <= s.in_force->end) {
    for (const auto& seg : s.in_force->segments)
      if (seg.from <= t && t <= seg.to) {
        l = seg.level;
        a.since = format_time(seg.from);
        a.until = format_time(seg.to);
      }
    a.pending = s.in_force->pending;
  }
  a.level = p.level_name(l);
  a.tier = p.level_tier(l);
  if (l == 0) {
    a.action = "no warning in force";
  } else {
    a.action = fmt::format("{} warning in force since {}: tier {} emergency response (§4.1)", a.level, a.since, a.tier);
    if (a.pending) a.action += "; " + io::pending_action(*s.in_force, p);
    else a.action += fmt::format("; lift at {}", format_time(*s.in_force->lift));
  }
  return a;
}
}  // namespace

int main(int argc, char** argv) {
  tool::common_options o;
  std::string format = "csv", at_text;
  CLI::App app;
  tool::describe(
      app, "hpa-level", "Tell the warning level in force at one hour, its tier and what it asks, per station.",
      "For each station: the daily AQI and the condition level at that hour, the warning level in\n"
      "force (after merging, holding and 36 h confirmation, §3.2.4), since when and until when,\n"
      "its response tier (§4.1), and whether the end of the data leaves a lift pending. --at\n"
      "defaults to each station's last hour. Reads the whole input once; memory is bounded by\n"
      "the stations and the longest episode.");
  tool::add_common(app, o);
  tool::add_threads(app, o);
  tool::add_as_of(app, o);
  app.add_option("--at", at_text, "The hour, as 2023-12-01T08:00 (default: each station's last hour)");
  app.add_option("-f,--format", format, "csv, json or text")->check(CLI::IsMember({"csv", "json", "text"}))->capture_default_str();
  return tool::run(app, argc, argv, [&] {
    std::optional<hour_t> at;
    if (!at_text.empty()) {
      const auto t = parse_time(at_text);
      if (!t || t.date_only) throw CLI::ValidationError("--at", "expected an hour such as 2023-12-01T08:00, got '" + at_text + "'");
      at = t.hour;
    }
    const auto p = tool::load(o);
    auto in = tool::open_input(o.input);
    const auto table = io::read_stations<level_sink>(tool::reading(o, in), p, [&](std::string_view) {
      level_sink s;
      s.at = at;
      return s;
    });

    io::output out(o.output);
    std::vector<answer> answers;
    for (auto* e : table.sorted()) answers.push_back(answer_for(e->name, e->sink, p));
    if (format == "csv") {
      out << "station,time,daily_aqi,condition,level,tier,since,until,pending,action\n";
      for (const auto& a : answers)
        out << fmt::format("{},{},{},{},{},{},{},{},{},{}\n", io::csv_field(a.station), a.time, a.daily, a.condition,
                           a.level, a.tier, a.since, a.until, a.pending ? "true" : "false", io::csv_field(a.action));
    } else if (format == "json") {
      auto all = nlohmann::ordered_json::array();
      for (const auto& a : answers)
        all.push_back({{"station", a.station}, {"time", a.time},
                       {"daily_aqi", a.daily.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(std::stod(a.daily))},
                       {"condition", a.condition.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(a.condition)},
                       {"level", a.level}, {"tier", a.tier}, {"since", a.since.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(a.since)},
                       {"until", a.until.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(a.until)},
                       {"pending", a.pending}, {"action", a.action}});
      out << all.dump(2) << "\n";
    } else {
      for (const auto& a : answers)
        out << fmt::format("{}{}{}  daily AQI {}  condition {}  in force: {}{}\n  {}\n", a.station,
                           a.station.empty() ? "" : " ", a.time, a.daily.empty() ? "-" : a.daily,
                           a.condition.empty() ? "-" : a.condition, a.level,
                           a.tier.empty() ? "" : " (tier " + a.tier + ")", a.action);
    }
    out.commit();
  });
}
