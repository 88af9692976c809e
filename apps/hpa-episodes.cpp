// hpa-episodes: the warning episodes of every station (§3.2.1-§3.2.4).
#include <fmt/format.h>

#include "hpa/aqi_series.hpp"
#include "hpa/directives.hpp"
#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/directives.hpp"
#include "hpa/io/episode_format.hpp"
#include "hpa/io/output.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {

const tool::spec spec = {"hpa-episodes",
                         "Find the warning episodes of every station: level, span, tier and issue deadline.",
                         "Daily AQI (the rolling 24-hour mean, §3.2.1) gives each hour a condition level; processes\n"
                         "less than 36 h apart merge into one episode that starts at its highest level; a level is\n"
                         "lowered or lifted only after 36 h below it (§3.2.4); the warning must be issued 48 h before\n"
                         "the start (§3.2.3). An episode the data end inside is pending (lift empty).\n"
                         "Formats: csv (one row per episode), json (an array of objects), jsonl (an object per line),\n"
                         "text (for people).\n"
                         "--summary prints one row per station instead: hours with a daily AQI, the highest daily\n"
                         "AQI, hours at each condition level, hours at each warning level, episodes. Its columns\n"
                         "<level>_h and warn_<level>_h are the profile's levels (yellow, orange, red by default);\n"
                         "the others, and every column of the episode records, are there under every profile.\n"
                         "Filters: an episode is written whole when it is in force at some hour of --since..--until\n"
                         "and its highest level reaches --level; --summary counts the hours of the window and the\n"
                         "episodes written.\n"
                         "Concentrations in (station,time,pm25,pm10,so2,no2,co,o3, as hpa-convert and hpa-area\n"
                         "write them): the daily AQI is made as the profile's daily_aqi says, the mean of the\n"
                         "hourly AQI (mean_of_hourly_aqi) or the AQI of the 24 h mean concentrations\n"
                         "(aqi_of_mean_concentration), and every record says which in a daily_aqi_method column.\n"
                         "--directives FILE (received_at,level,start,end,area,source, CSV or JSON) adds the\n"
                         "directives from above (§3.2.2(2), §3.2.3): from a directive's start the level in force is\n"
                         "at least its level for the stations whose name is its area (every station when it names\n"
                         "none); when it ends the rules decide again. One received later supersedes the earlier from\n"
                         "its start; one received at or after its end is ignored with a warning. Each episode says\n"
                         "its basis (rules, directive\n"
                         "or both), per stretch in its segments, and its rule names the documents.\n"
                         "Streams: memory is bounded by the stations and the longest episode, not the input (with\n"
                         "--directives, a station a directive names also keeps its daily AQI, 16 bytes an hour).",
                         tool::takes::series | tool::takes::output | tool::takes::profile | tool::takes::as_of |
                             tool::takes::threads | tool::takes::quiet | tool::takes::format | tool::takes::filters,
                         {io::format::csv, io::format::json, io::format::jsonl, io::format::text}};

struct args {
  tool::common common;
  bool summary = false;
  std::string directives;
};

void options(CLI::App& app, args& a) {
  app.add_flag("--summary", a.summary, "One row per station: the season in numbers");
  app.add_option("--directives", a.directives, "Directives from above: received_at,level,start,end,area,source");
}

// A station's episodes, or its season in numbers for --summary.
struct episode_sink : station_sink {
  bool summary = false;
  const tool::filter* keep = nullptr;
  std::vector<episode> episodes;                 // warnings and withheld ones, in the order they close
  std::vector<directive> directives;             // those naming this station
  std::vector<std::pair<hour_t, double>> daily;  // with directives: every daily AQI, for their episodes
  std::optional<hour_t> first_hour, last_hour;
  std::int64_t hours_valid = 0;
  double max_daily = no_value;
  std::vector<std::int64_t> condition_hours, warning_hours;
  int warnings = 0;

  void on_hour(hour_t h, double d, const hour_condition& c) {
    if (!first_hour) first_hour = h;
    last_hour = h;
    if (!directives.empty() && has_value(d)) daily.emplace_back(h, d);
    if (!summary || !keep->hour(h)) return;
    if (has_value(d)) {
      ++hours_valid;
      if (!has_value(max_daily) || d > max_daily) max_daily = d;
    }
    ++condition_hours[c.level];
  }
  void on_episode(const episode& e) {
    if (!summary || !directives.empty()) {
      episodes.push_back(e);
      return;
    }
    count(e);
  }
  // A warning in the summary: its hours in the window, once it is kept.
  void count(const episode& e) {
    if (!e.warns() || !keep->episode(e)) return;
    for (const auto& s : e.segments)
      if (const auto [from, to] = keep->cut(s.from, s.to); from <= to) warning_hours[s.level] += to - from + 1;
    ++warnings;
  }
};

using table = io::station_results<episode_sink>;

// --directives: the episodes of each station with the directives that name it (§3.2.2(2)).

std::vector<directive> read_directives(const std::string& path, tool::context& cx) {
  auto in = cx.open_beside(path, "--directives");
  return io::read_directives(*in.stream, in.name, cx.profile(), cx.warner());
}

// A station's episodes in order of start, each with its basis.
std::vector<directed_episode> directed_episodes(const episode_sink& s, const profile& p) {
  std::vector<directed_episode> out;
  if (s.directives.empty() || !s.last_hour) {
    for (const auto& e : s.episodes) out.push_back(from_rules(e));
  } else {
    auto daily_at = [&](hour_t h) {
      auto it = std::lower_bound(s.daily.begin(), s.daily.end(), std::pair<hour_t, double>{h, -1.0});
      return it != s.daily.end() && it->first == h ? it->second : no_value;
    };
    out = with_directives(s.episodes, s.directives, *s.first_hour, *s.last_hour, p, daily_at);
    for (const auto& e : s.episodes)
      if (!e.warns()) out.push_back(from_rules(e));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.e.start < b.e.start; });
  return out;
}

// --summary with directives: the warning hours and episodes of the combined warnings.
void count_directed(episode_sink& s, const profile& p) {
  if (s.directives.empty()) return;
  for (const auto& d : directed_episodes(s, p)) s.count(d.e);
}

void write_directed(const table& t, const profile& p, const tool::common& o, const tool::filter& keep,
                    io::output& out) {
  auto kept = [&](const auto& station) {
    std::vector<directed_episode> v;
    if (!keep.station(station.name)) return v;
    for (auto& d : directed_episodes(station.sink, p))
      if (keep.episode(d.e)) v.push_back(std::move(d));
    return v;
  };
  if (o.format == io::format::text) {
    bool any = false;
    for (auto* e : t.sorted())
      for (const auto& d : kept(*e)) {
        out << (any ? "\n" : "") << io::directed_episode_text(e->name, d, p);
        any = true;
      }
    if (!any) out << "no warning episodes\n";
    return;
  }
  io::record_writer rows(out, o.format, io::directed_episode_columns());
  for (auto* e : t.sorted())
    for (const auto& d : kept(*e)) rows.write(io::directed_episode_fields(e->name, d, p));
  rows.finish();
}

void write_summary(const table& t, const profile& p, const tool::common& o, const tool::filter& keep, io::output& out) {
  std::vector<std::string> columns = {"station", "hours_valid", "max_mean"};
  for (const auto& l : p.levels) columns.push_back(l.name + "_h");
  for (const auto& l : p.levels) columns.push_back("warn_" + l.name + "_h");
  columns.emplace_back("episodes");
  if (t.method) columns.emplace_back("daily_aqi_method");
  io::record_writer rows(out, o.format, columns);
  for (auto* e : t.sorted()) {
    if (!keep.station(e->name)) continue;
    const auto& s = e->sink;
    std::vector<io::field> f = {io::field::string(e->name), io::field::integer(s.hours_valid),
                                has_value(s.max_daily)
                                    ? io::field::custom(fmt::format("{:.2f}", s.max_daily), s.max_daily)
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

void write_episodes(const table& t, const profile& p, const tool::common& o, const tool::filter& keep,
                    io::output& out) {
  // a station's episodes written, by start
  auto in_order = [&](const std::string& station, std::vector<episode>& v) {
    std::vector<const episode*> kept;
    if (!keep.station(station)) return kept;
    std::stable_sort(v.begin(), v.end(), [](const episode& a, const episode& b) { return a.start < b.start; });
    for (const auto& e : v)
      if (keep.episode(e)) kept.push_back(&e);
    return kept;
  };
  if (o.format == io::format::text) {
    bool any = false;
    for (auto* e : t.sorted())
      for (const auto* ep : in_order(e->name, e->sink.episodes)) {
        out << (any ? "\n" : "") << io::episode_text(e->name, *ep, p) << method_text(t);
        any = true;
      }
    if (!any) out << "no warning episodes\n" << method_text(t);
    return;
  }
  auto columns = io::episode_columns();
  if (t.method) columns.push_back({"daily_aqi_method"});
  io::record_writer rows(out, o.format, columns);
  for (auto* e : t.sorted())
    for (const auto* ep : in_order(e->name, e->sink.episodes)) {
      auto f = io::episode_fields(e->name, *ep, p);
      if (t.method) f.push_back(io::field::string(to_string(*t.method)));
      rows.write(f);
    }
  rows.finish();
}

int run(const args& a, tool::context& cx) {
  const auto& p = cx.profile();
  const auto directives = a.directives.empty() ? std::vector<directive>{} : read_directives(a.directives, cx);
  auto in = cx.open_input();
  const auto t = io::read_stations<episode_sink>(cx.reading(in), p, [&](std::string_view name) {
    episode_sink s;
    s.summary = a.summary;
    s.keep = &cx.filter();
    s.condition_hours.assign(p.levels.size() + 1, 0);
    s.warning_hours.assign(p.levels.size() + 1, 0);
    s.directives = directives_for(directives, name);
    return s;
  });
  std::vector<std::string_view> names;
  for (auto* e : t.sorted()) names.push_back(e->name);
  cx.filter().check_stations(names, in.name);
  if (!directives.empty()) tool::warn_unused_directives(cx, a.directives, directives, names);
  io::output out(cx.options().output);
  if (a.summary) {
    for (auto* e : t.sorted()) count_directed(e->sink, p);
    write_summary(t, p, cx.options(), cx.filter(), out);
  } else if (!a.directives.empty()) {
    write_directed(t, p, cx.options(), cx.filter(), out);
  } else {
    write_episodes(t, p, cx.options(), cx.filter(), out);
  }
  out.commit();
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
