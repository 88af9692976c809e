// hpa-aqi: AQI from concentrations, hourly or as the rolling daily AQI.
#include <fmt/format.h>

#include <map>

#include "hpa/aqi.hpp"
#include "hpa/aqi_daily.hpp"
#include "hpa/io/national.hpp"
#include "hpa/io/output.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {
// The pollutants of the iaqi_* columns, in order.
const char* iaqi_columns[] = {"SO2", "NO2", "CO", "O3", "O3_8h", "PM10", "PM2.5"};

std::string row(const std::string& station, hour_t t, const aqi_result& r) {
  std::string s = io::csv_field(station) + "," + format_time(t) + ",";
  if (r.aqi) s += fmt::format("{},{},", *r.aqi, category(*r.aqi).name_en);
  else s += ",,";
  std::string primary;
  for (const auto& p : r.primary) primary += (primary.empty() ? "" : " ") + p;
  s += primary;
  for (const char* name : iaqi_columns) {
    s += ",";
    for (const auto& p : r.iaqi)
      if (p.name == name) s += std::to_string(p.iaqi);
  }
  return s + "\n";
}
}  // namespace

int main(int argc, char** argv) {
  tool::common_options o;
  std::string standard = "auto", pm = "hourly";
  bool daily = false, o3_8h = false, so2_fallback = false;
  CLI::App app;
  tool::describe(
      app, "hpa-aqi", "Compute the AQI from pollutant concentrations (HJ 633-2012 and HJ 633-2026).",
      "Input: long CSV station,time,pm25,pm10,so2,no2,co,o3 (µg/m³, CO mg/m³), and optionally\n"
      "pm25_24h, pm10_24h, so2_24h, o3_8h (what hpa-convert writes). Output per hour: the AQI,\n"
      "its category, the primary pollutant(s) and each IAQI. By default the hourly (real-time)\n"
      "AQI as the national network publishes it: six 1 h values, PM against the 24 h\n"
      "breakpoints (it matches every published value in ../shared/data). --daily gives instead\n"
      "the daily AQI of the 24 h ending at each hour, across calendar days (the AQI of the 24 h\n"
      "mean concentrations, each needing 20 of 24 hours; O3 by its largest 8 h mean, 6 of 8):\n"
      "its daily_aqi column is what hpa-episodes reads to warn from concentrations.\n"
      "--standard auto takes HJ 633-2026 from 2026-03-01. Streams: memory is a window per station.");
  tool::add_common(app, o);
  app.add_option("--standard", standard, "2012, 2026 or auto")->check(CLI::IsMember({"2012", "2026", "auto"}))->capture_default_str();
  app.add_flag("--daily", daily, "The daily AQI of the 24 h ending at each hour");
  app.add_option("--realtime-pm", pm, "2012 real-time PM: hourly (1 h vs 24 h breakpoints) or moving (24 h mean)")
      ->check(CLI::IsMember({"hourly", "moving"}))->capture_default_str();
  app.add_flag("--o3-8h", o3_8h, "2012 real-time: count the O3 8 h moving mean (the standard's text)");
  app.add_flag("--so2-24h-fallback", so2_fallback, "2012 real-time: SO2 1 h above 800 reports the SO2 24 h IAQI");
  return tool::run(app, argc, argv, [&] {
    tool::load(o);  // validates --profile and sets --quiet
    auto in = tool::open_input(o.input);
    io::concentration_reader reader(*in.stream, in.name, tool::warn);
    const realtime_options ro{pm == "moving" ? realtime_pm::moving_24h : realtime_pm::hourly_vs_24h, o3_8h, so2_fallback};
    auto edition = [&](hour_t t) {
      return standard == "2012" ? aqi_edition::hj633_2012 : standard == "2026" ? aqi_edition::hj633_2026 : edition_for(t);
    };
    io::output out(o.output);
    std::string head = daily ? "station,time,daily_aqi,category,primary" : "station,time,aqi,category,primary";
    for (const char* c : {"so2", "no2", "co", "o3", "o3_8h", "pm10", "pm25"}) head += std::string(",iaqi_") + c;
    out << head << "\n";
    struct state {
      rolling_concentrations window;
      hour_t next = 0;
      std::uint64_t line = 0;
    };
    std::map<std::string, state> stations;
    io::measurement m;
    while (reader.next(m)) {
      if (!daily) {
        out << row(m.station, m.hour, hourly_aqi(m.c, edition(m.hour), ro));
        continue;
      }
      auto [it, fresh] = stations.try_emplace(m.station);
      auto& st = it->second;
      if (!fresh && m.hour < st.next)
        throw error(location{m.source, m.line, 0}, (m.station.empty() ? std::string() : "station " + m.station + ": ") +
                                                       format_time(m.hour) + " is not after line " + std::to_string(st.line) +
                                                       ": sort the rows by station and time, one row per hour");
      if (fresh) st.next = m.hour;
      // Missing hours: written while the window still holds values; after 24 of them it is empty,
      // and the hours up to the next row have no daily AQI to write.
      for (int missing = 0; st.next < m.hour; ++st.next, ++missing) {
        if (missing == 24) break;
        out << row(m.station, st.next, daily_aqi_of(st.window.push(concentrations{}), edition(st.next)));
      }
      out << row(m.station, m.hour, daily_aqi_of(st.window.push(m.c), edition(m.hour)));
      st.next = m.hour + 1;
      st.line = m.line;
    }
    out.commit();
  });
}
