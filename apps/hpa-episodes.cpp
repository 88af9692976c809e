// hpa-episodes: the warning episodes of every station (§3.2.1-§3.2.4).
#include <fmt/format.h>

#include "hpa/aqi_series.hpp"
#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/episode_format.hpp"
#include "hpa/io/output.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {

const tool::spec spec = {
    "hpa-episodes", "Find the warning episodes of every station: level, span, tier and issue deadline.",
    "Daily AQI (the rolling 24-hour mean, §3.2.1) gives each hour a condition level; processes\n"
    "less than 36 h apart merge into one episode that starts at its highest level; a level is\n"
    "lowered or lifted only after 36 h below it (§3.2.4); the warning must be issued 48 h before\n"
    "the start (§3.2.3). An episode the data end inside is pending (lift empty).\n"
    "Formats: csv (one row per episode), json (an array of objects), jsonl (an object per line),\n"
    "text (for people).\n"
    "--summary prints one row per station instead: hours with a daily AQI, the highest daily\n"
    "AQI, hours at each condition level, hours at each warning level, episodes.\n"
    "Concentrations in (station,time,pm25,pm10,so2,no2,co,o3, as hpa-convert and hpa-area\n"
    "write them): the daily AQI is made as the profile's daily_aqi says, the mean of the\n"
    "hourly AQI (mean_of_hourly_aqi) or the AQI of the 24 h mean concentrations\n"
    "(aqi_of_mean_concentration), and every record says which in a daily_aqi_method column.\n"
    "Streams: memory is bounded by the stations and the longest episode, not the input.",
    tool::takes::input | tool::takes::output | tool::takes::profile | tool::takes::as_of | tool::takes::threads |
        tool::takes::quiet | tool::takes::format,
    {io::format::csv, io::format::json, io::format::jsonl, io::format::text}};

struct args {
  tool::common common;
  bool summary = false;
};

void options(CLI::App& app, args& a) {
  app.add_flag("--summary", a.summary, "One row per station: the season in numbers");
}

// A station's episodes, or its season in numbers for --summary.
struct episode_sink : station_sink {
  bool summary = false;
  std::vector<episode> episodes;  // warnings and withheld ones, in the order they close
  std::int64_t hours_valid = 0;
  double max_daily = no_value;
  std::vector<std::int64_t> condition_hours, warning_hours;
  int warnings = 0;

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
    ++warnings;
  }
};

using table = io::station_results<episode_sink>;

void write_summary(const table& t, const profile& p, const tool::common& o, io::output& out) {
  std::vector<std::string> columns = {"station", "hours_valid", "max_mean"};
  for (const auto& l : p.levels) columns.push_back(l.name + "_h");
  for (const auto& l : p.levels) columns.push_back("warn_" + l.name + "_h");
  columns.emplace_back("episodes");
  if (t.method) columns.emplace_back("daily_aqi_method");
  io::record_writer rows(out, o.format, columns);
  for (auto* e : t.sorted()) {
    const auto& s = e->sink;
    std::vector<io::field> f = {io::field::string(e->name), io::field::integer(s.hours_valid),
                                has_value(s.max_daily) ? io::field::custom(fmt::format("{:.2f}", s.max_daily), s.max_daily)
                                                       : io::field::number(no_value)};
    for (std::size_t l = 1; l <= p.levels.size(); ++l) f.push_back(io::field::integer(s.condition_hours[l]));
    for (std::size_t l = 1; l <= p.levels.size(); ++l) f.push_back(io::field::integer(s.warning_hours[l]));
    f.push_back(io::field::integer(s.warnings));
    if (t.method) f.push_back(io::field::string(to_string(*t.method)));
    rows.write(f);
  }
  rows.finish();
}

// The line that says how the daily AQI was made from concentrations; "" for AQI input.
std::string method_text(const table& t) {
  if (!t.method) return "";
  return *t.method == daily_aqi_method::mean_of_hourly_aqi
             ? "  daily AQI  the mean of the hourly AQI of the concentrations (mean_of_hourly_aqi)\n"
             : "  daily AQI  the AQI of the 24 h mean concentrations (aqi_of_mean_concentration)\n";
}

void write_episodes(const table& t, const profile& p, const tool::common& o, io::output& out) {
  auto in_order = [](std::vector<episode>& v) -> const std::vector<episode>& {
    std::stable_sort(v.begin(), v.end(), [](const episode& a, const episode& b) { return a.start < b.start; });
    return v;
  };
  if (o.format == io::format::text) {
    bool any = false;
    for (auto* e : t.sorted())
      for (const auto& ep : in_order(e->sink.episodes)) {
        out << (any ? "\n" : "") << io::episode_text(e->name, ep, p) << method_text(t);
        any = true;
      }
    if (!any) out << "no warning episodes\n" << method_text(t);
    return;
  }
  auto columns = io::episode_columns();
  if (t.method) columns.push_back({"daily_aqi_method"});
  io::record_writer rows(out, o.format, columns);
  for (auto* e : t.sorted())
    for (const auto& ep : in_order(e->sink.episodes)) {
      auto f = io::episode_fields(e->name, ep, p);
      if (t.method) f.push_back(io::field::string(to_string(*t.method)));
      rows.write(f);
    }
  rows.finish();
}

int run(const args& a, tool::context& cx) {
  const auto& p = cx.profile();
  auto in = cx.open_input();
  const auto t = io::read_stations<episode_sink>(cx.reading(in), p, [&](std::string_view) {
    episode_sink s;
    s.summary = a.summary;
    s.condition_hours.assign(p.levels.size() + 1, 0);
    s.warning_hours.assign(p.levels.size() + 1, 0);
    return s;
  });
  io::output out(cx.options().output);
  if (a.summary) write_summary(t, p, cx.options(), out);
  else write_episodes(t, p, cx.options(), out);
  out.commit();
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
