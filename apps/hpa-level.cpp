// hpa-level: the level in force at one hour, per station.
#include <fmt/format.h>

#include "hpa/aqi_series.hpp"
#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/episode_format.hpp"
#include "hpa/io/output.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {

const tool::spec spec = {
    "hpa-level", "Tell the warning level in force at one hour, its tier and what it asks, per station.",
    "For each station: the daily AQI and the condition level at that hour, the warning level in\n"
    "force (after merging, holding and 36 h confirmation, §3.2.4), since when and until when,\n"
    "its response tier (§4.1), and whether the end of the data leaves a lift pending. --at\n"
    "defaults to each station's last hour. Reads the whole input once; memory is bounded by\n"
    "the stations and the longest episode.",
    tool::takes::input | tool::takes::output | tool::takes::profile | tool::takes::as_of | tool::takes::threads |
        tool::takes::quiet | tool::takes::format,
    {io::format::csv, io::format::json, io::format::jsonl, io::format::text}};

struct args {
  tool::common common;
  std::string at;
};

void options(CLI::App& app, args& a) {
  app.add_option("--at", a.at, "The hour, as 2023-12-01T08:00 (default: each station's last hour)");
}

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

// The answer for one station at its hour.
struct answer {
  hour_t time = 0;
  double daily = no_value;
  std::string condition, level = "none", tier, action;
  std::optional<hour_t> since, until;
  bool pending = false;
};

answer answer_for(const level_sink& s, const profile& p) {
  answer a;
  a.time = s.at ? *s.at : s.seen;
  if (!s.found) {
    a.action = "no data at this hour";
    return a;
  }
  a.daily = s.daily;
  a.condition = p.level_name(s.cond.level);
  const level_t l = s.in_force ? level_in_force(*s.in_force, a.time) : level_t{0};
  a.level = p.level_name(l);
  a.tier = p.level_tier(l);
  if (l == 0) {
    a.action = "no warning in force";
    return a;
  }
  for (const auto& seg : s.in_force->segments)
    if (seg.from <= a.time && a.time <= seg.to) {
      a.since = seg.from;
      a.until = seg.to;
    }
  a.pending = s.in_force->pending;
  a.action = fmt::format("{} warning in force since {}: tier {} emergency response (§4.1)", a.level,
                         format_time(*a.since), a.tier);
  a.action += a.pending ? "; " + io::pending_action(*s.in_force, p) : "; lift at " + format_time(*s.in_force->lift);
  return a;
}

std::string text_of(const std::string& station, const answer& a) {
  const auto daily = io::format_number(a.daily);
  return fmt::format("{}{}{}  daily AQI {}  condition {}  in force: {}{}\n  {}\n", station, station.empty() ? "" : " ",
                     format_time(a.time), daily.empty() ? "-" : daily, a.condition.empty() ? "-" : a.condition, a.level,
                     a.tier.empty() ? "" : " (tier " + a.tier + ")", a.action);
}

std::vector<io::field> fields_of(const std::string& station, const answer& a) {
  using io::field;
  return {field::string(station), field::time(a.time),     field::number(a.daily), field::string_or_null(a.condition),
          field::string(a.level), field::string(a.tier),   field::time(a.since),   field::time(a.until),
          field::boolean(a.pending), field::string(a.action)};
}

int run(const args& a, tool::context& cx) {
  std::optional<hour_t> at;
  if (!a.at.empty()) at = tool::hour_option(a.at, "--at");
  const auto& p = cx.profile();
  auto in = cx.open_input();
  const auto t = io::read_stations<level_sink>(cx.reading(in), p, [&](std::string_view) {
    level_sink s;
    s.at = at;
    return s;
  });
  io::output out(cx.options().output);
  // from concentrations, every answer says how its daily AQI was made
  const std::string method = t.method ? to_string(*t.method) : "";
  if (cx.options().format == io::format::text) {
    for (auto* e : t.sorted())
      out << text_of(e->name, answer_for(e->sink, p)) << (method.empty() ? "" : "  daily AQI by " + method + "\n");
  } else {
    std::vector<std::string> columns = {"station", "time", "daily_aqi", "condition", "level", "tier",
                                        "since", "until", "pending", "action"};
    if (t.method) columns.push_back("daily_aqi_method");
    io::record_writer rows(out, cx.options().format, columns);
    for (auto* e : t.sorted()) {
      auto f = fields_of(e->name, answer_for(e->sink, p));
      if (t.method) f.push_back(io::field::string(method));
      rows.write(f);
    }
    rows.finish();
  }
  out.commit();
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
