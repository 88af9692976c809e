// hpa-episodes: the warning episodes of every station (§3.2.1-§3.2.4).
#include <fmt/format.h>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/episode_format.hpp"
#include "hpa/io/output.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {
struct episode_sink : station_sink {
  std::vector<episode> episodes;
  // the season in numbers, for --summary
  std::int64_t hours_valid = 0;
  double max_daily = no_value;
  std::vector<std::int64_t> condition_hours, warning_hours;
  bool summary = false;

  void on_hour(hour_t, double d, const hour_condition& c) {
    if (!summary) return;
    if (has_value(d)) {
      ++hours_valid;
      if (!has_value(max_daily) || d > max_daily) max_daily = d;
    }
    ++condition_hours[c.level];
  }
  void on_episode(const episode& e) {
    if (!summary) {
      episodes.push_back(e);
      return;
    }
    if (!e.warns()) return;
    for (const auto& s : e.segments) warning_hours[s.level] += s.to - s.from + 1;
    ++count;
  }
  int count = 0;
};

// The station's warnings and withheld warnings, in time order.
const std::vector<episode>& all_of(io::station_table<episode_sink>::entry& e) {
  auto& v = e.sink.episodes;
  std::stable_sort(v.begin(), v.end(), [](const episode& a, const episode& b) { return a.start < b.start; });
  return v;
}
}  // namespace

int main(int argc, char** argv) {
  tool::common_options o;
  std::string format = "csv";
  bool summary = false;
  CLI::App app;
  tool::describe(
      app, "hpa-episodes", "Find the warning episodes of every station: level, span, tier and issue deadline.",
      "Daily AQI (the rolling 24-hour mean, §3.2.1) gives each hour a condition level; processes\n"
      "less than 36 h apart merge into one episode that starts at its highest level; a level is\n"
      "lowered or lifted only after 36 h below it (§3.2.4); the warning must be issued 48 h before\n"
      "the start (§3.2.3). An episode the data end inside is pending (lift empty).\n"
      "Formats: csv (one row per episode), json (an array of objects), text (for people).\n"
      "--summary prints one row per station instead: hours with a daily AQI, the highest daily\n"
      "AQI, hours at each condition level, hours at each warning level, episodes.\n"
      "Streams: memory is bounded by the stations and the longest episode, not the input.");
  tool::add_common(app, o);
  tool::add_threads(app, o);
  tool::add_as_of(app, o);
  app.add_option("-f,--format", format, "csv, json or text")->check(CLI::IsMember({"csv", "json", "text"}))->capture_default_str();
  app.add_flag("--summary", summary, "One row per station: the season in numbers");
  return tool::run(app, argc, argv, [&] {
    const auto p = tool::load(o);
    auto in = tool::open_input(o.input);
    const auto table = io::read_stations<episode_sink>(tool::reading(o, in), p, [&](std::string_view) {
      episode_sink s;
      s.summary = summary;
      s.condition_hours.assign(p.levels.size() + 1, 0);
      s.warning_hours.assign(p.levels.size() + 1, 0);
      return s;
    });

    io::output out(o.output);
    if (summary) {
      std::string head = "station,hours_valid,max_mean";
      for (const auto& l : p.levels) head += "," + l.name + "_h";
      for (const auto& l : p.levels) head += ",warn_" + l.name + "_h";
      out << head << ",episodes\n";
      for (auto* e : table.sorted()) {
        const auto& s = e->sink;
        std::string row = io::csv_field(e->name) + "," + std::to_string(s.hours_valid) + ",";
        if (has_value(s.max_daily)) row += fmt::format("{:.2f}", s.max_daily);
        for (std::size_t l = 1; l <= p.levels.size(); ++l) row += "," + std::to_string(s.condition_hours[l]);
        for (std::size_t l = 1; l <= p.levels.size(); ++l) row += "," + std::to_string(s.warning_hours[l]);
        out << row << "," << std::to_string(s.count) << "\n";
      }
    } else if (format == "json") {
      auto all = nlohmann::ordered_json::array();
      for (auto* e : table.sorted())
        for (const auto& ep : all_of(*e)) all.push_back(io::episode_json(e->name, ep, p));
      out << all.dump(2) << "\n";
    } else if (format == "csv") {
      out << io::episode_csv_header();
      for (auto* e : table.sorted())
        for (const auto& ep : all_of(*e)) out << io::episode_csv_row(e->name, ep, p);
    } else {
      bool any = false;
      for (auto* e : table.sorted())
        for (const auto& ep : all_of(*e)) {
          out << (any ? "\n" : "") << io::episode_text(e->name, ep, p);
          any = true;
        }
      if (!any) out << "no warning episodes\n";
    }
    out.commit();
  });
}
