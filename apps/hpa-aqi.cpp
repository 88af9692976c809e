// hpa-aqi: AQI from concentrations, hourly or as the rolling daily AQI.
#include <fmt/format.h>

#include <array>
#include <cmath>
#include <map>

#include "hpa/aqi.hpp"
#include "hpa/aqi_daily.hpp"
#include "hpa/io/national.hpp"
#include "hpa/io/output.hpp"
#include "hpa/stats.hpp"
#include "hpa/unit_check.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {

const tool::spec spec = {
    "hpa-aqi",
    "Compute the AQI from pollutant concentrations (HJ 633-2012 and HJ 633-2026).",
    "Input: long CSV station,time,pm25,pm10,so2,no2,co,o3 (µg/m³, CO mg/m³), and optionally\n"
    "pm25_24h, pm10_24h, so2_24h, o3_8h (what hpa-convert writes). Output per hour: the AQI,\n"
    "its category, the primary pollutant(s) and each IAQI. By default the hourly (real-time)\n"
    "AQI as the national network publishes it: six 1 h values, PM against the 24 h\n"
    "breakpoints (it matches every published value in ../shared/data). --daily gives instead\n"
    "the daily AQI of the 24 h ending at each hour, across calendar days (the AQI of the 24 h\n"
    "mean concentrations, each needing 20 of 24 hours; O3 by its largest 8 h mean, 6 of 8):\n"
    "its daily_aqi column is what hpa-episodes reads to warn from concentrations. Exact: a\n"
    "window is its sum and count, and the IAQI of its mean is computed from them in integers\n"
    "(2012: the mean is never rounded before the lookup). Its basis column names the\n"
    "pollutants the daily AQI stands on, those with a valid statistic in the window (\"PM2.5\n"
    "PM10 SO2 NO2 CO O3\", or \"O3\" alone while PM2.5 and PM10 have fewer than 20 hours).\n"
    "--daily-means writes instead, per station and calendar day, HJ 663's daily values: the\n"
    "24 h means of PM2.5, PM10, SO2, NO2 (µg/m³) and CO (mg/m³), each valid with 20 of the day's\n"
    "24 hours, and the O3 daily maximum 8 h mean (of the 17 8 h means ending 07:00 … 23:00, each\n"
    "valid with 6 of 8, the maximum with 14 of 17 or above 160), beside the valid hours (the\n"
    "8 h means for O3) each stands on: what analysts compare with published daily values, and\n"
    "what hpa-stats --concentrations takes.\n"
    "--standard auto takes HJ 633-2026 from 2026-03-01. Streams: memory is a window per station.\n"
    "A file with no concentration column is an error; a column whose median is far from its\n"
    "unit (CO over 100 mg/m³, PM under 1 µg/m³, …: CO in µg/m³ would make every hour 500) is\n"
    "named in a warning, with the unit it looks like.",
    tool::takes::input | tool::takes::output | tool::takes::profile | tool::takes::quiet | tool::takes::format,
    {io::format::csv, io::format::json, io::format::jsonl}};

struct args {
  tool::common common;
  std::string standard = "auto", pm = "hourly";
  bool daily = false, daily_means = false, o3_8h = false, so2_fallback = false;
};

void options(CLI::App& app, args& a) {
  app.add_option("--standard", a.standard, "2012, 2026 or auto")
      ->check(CLI::IsMember({"2012", "2026", "auto"}))
      ->capture_default_str();
  auto* daily = app.add_flag("--daily", a.daily, "The daily AQI of the 24 h ending at each hour");
  app.add_flag("--daily-means", a.daily_means,
               "Per calendar day, HJ 663's 24 h means and O3 maximum 8 h mean with their valid hours")
      ->excludes(daily);
  app.add_option("--realtime-pm", a.pm, "2012 real-time PM: hourly (1 h vs 24 h breakpoints) or moving (24 h mean)")
      ->check(CLI::IsMember({"hourly", "moving"}))
      ->capture_default_str();
  app.add_flag("--o3-8h", a.o3_8h, "2012 real-time: count the O3 8 h moving mean (the standard's text)");
  app.add_flag("--so2-24h-fallback", a.so2_fallback, "2012 real-time: SO2 1 h above 800 reports the SO2 24 h IAQI");
}

// The iaqi_* columns, in the order of aqi_part.
constexpr const char* iaqi_columns[] = {"iaqi_so2",   "iaqi_no2",  "iaqi_co",  "iaqi_o3",
                                        "iaqi_o3_8h", "iaqi_pm10", "iaqi_pm25"};

std::vector<std::string> columns(bool daily) {
  std::vector<std::string> c = {"station", "time", daily ? "daily_aqi" : "aqi", "category", "primary"};
  c.insert(c.end(), std::begin(iaqi_columns), std::end(iaqi_columns));
  if (daily) c.emplace_back("basis");
  return c;
}

std::vector<io::field> fields(const std::string& station, hour_t t, const aqi_breakdown& r) {
  using io::field;
  std::string primary;
  for (std::size_t p = 0; p < aqi_part_count; ++p)
    if (r.primary & (1u << p)) primary += (primary.empty() ? "" : " ") + std::string(aqi_part_names[p]);
  std::vector<field> f = {
      field::string(station), field::time(t), r.aqi >= 0 ? field::integer(r.aqi) : field::number(no_value),
      field::string_or_null(r.aqi >= 0 ? category(r.aqi).name_en : ""), field::string_or_null(primary)};
  for (std::size_t p = 0; p < aqi_part_count; ++p)
    f.push_back(r.iaqi[p] >= 0 ? field::integer(r.iaqi[p]) : field::number(no_value));
  return f;
}

// The daily AQI's fields and what it stands on: the pollutants with a valid statistic.
std::vector<io::field> daily_fields(const std::string& station, hour_t t, const aqi_breakdown& r) {
  auto f = fields(station, t, r);
  f.push_back(io::field::string_or_null(pollutant_list(r.counted)));
  return f;
}

// A median known to 12.5 %, in two significant digits: 1400, 0.012.
std::string two_digits(double v) {
  if (!(v > 0)) return "0";
  const int magnitude = static_cast<int>(std::floor(std::log10(v))) - 1;
  const double step = std::pow(10.0, magnitude);
  return io::format_number(std::round(v / step) * step, std::max(0, -magnitude));
}

// The median of each concentration column, to tell a unit that is off by a thousand.
class unit_watch {
 public:
  void add(const concentrations& c) {
    for (std::size_t i = 0; i < std::size(columns_); ++i) sketches_[i].add(c.*columns_[i].value);
  }
  void warn(const std::string& source, const tool::context& cx) const {
    for (std::size_t i = 0; i < std::size(columns_); ++i)
      if (const auto doubt = check_unit(sketches_[i], *columns_[i].bounds))
        cx.warn(fmt::format("{}: {} has a median of about {} over {} values: {} is read in {}; this looks like {}",
                            source, columns_[i].name, two_digits(doubt->median), sketches_[i].count(),
                            columns_[i].bounds->pollutant, columns_[i].bounds->unit, doubt->likely_unit));
  }

 private:
  struct column {
    const char* name;
    double concentrations::*value;
    const unit_bounds* bounds;
  };
  static constexpr column columns_[] = {
      {"pm25", &concentrations::pm25, &pm25_bounds}, {"pm25_24h", &concentrations::pm25_24h, &pm25_bounds},
      {"pm10", &concentrations::pm10, &pm10_bounds}, {"pm10_24h", &concentrations::pm10_24h, &pm10_bounds},
      {"so2", &concentrations::so2, &so2_bounds},    {"so2_24h", &concentrations::so2_24h, &so2_bounds},
      {"no2", &concentrations::no2, &no2_bounds},    {"co", &concentrations::co, &co_bounds},
      {"o3", &concentrations::o3, &o3_bounds},       {"o3_8h", &concentrations::o3_8h, &o3_bounds}};
  std::array<median_sketch, std::size(columns_)> sketches_{};
};

// The rolling daily AQI of one station, with the missing hours between its rows.
struct daily_state {
  rolling_concentrations window;
  hour_t next = 0;
  std::uint64_t line = 0;
};

// Per station, HJ 663's calendar days of its hours, written as each day ends.
class daily_means_writer {
 public:
  explicit daily_means_writer(io::record_writer& rows) : rows_(rows) {}
  // Writes a day of `station` (a name that outlives the call).
  auto emit(const std::string& station) {
    return [this, &station](std::int64_t day, const day_concentrations& v, const day_counts& n) {
      rows_.write(io::daily_concentration_fields(station, day, v, n));
    };
  }
  void push(const io::measurement& m) {
    auto [it, fresh] = stations_.try_emplace(m.station);
    auto& st = it->second;
    if (!fresh && m.hour <= st.last)
      throw error(location{m.source, m.line, 0}, (m.station.empty() ? std::string() : "station " + m.station + ": ") +
                                                     format_time(m.hour) + " is not after line " +
                                                     std::to_string(st.line) +
                                                     ": sort the rows by station and time, one row per hour");
    st.last = m.hour;
    st.line = m.line;
    st.days.push(m.hour, m.c, emit(m.station));
  }
  void finish() {
    for (auto& [name, st] : stations_) st.days.finish(emit(name));
  }

 private:
  struct station {
    daily_concentrations days;
    hour_t last = 0;
    std::uint64_t line = 0;
  };
  io::record_writer& rows_;
  std::map<std::string, station> stations_;
};

int run(const args& a, tool::context& cx) {
  auto in = cx.open_input();
  io::concentration_reader reader(*in.stream, in.name, cx.warner());
  if (!reader.has_concentrations())
    throw error(location{in.name, 1, 0},
                "no concentration column: the AQI is computed from pm25, pm10, so2, no2, co and o3 "
                "(µg/m³, CO mg/m³; their _24h and o3_8h forms too)");
  unit_watch units;
  const realtime_options ro{a.pm == "moving" ? realtime_pm::moving_24h : realtime_pm::hourly_vs_24h, a.o3_8h,
                            a.so2_fallback};
  auto edition = [&](hour_t t) {
    return a.standard == "2012"   ? aqi_edition::hj633_2012
           : a.standard == "2026" ? aqi_edition::hj633_2026
                                  : edition_for(t);
  };
  io::output out(cx.options().output);
  io::record_writer rows(out, cx.options().format,
                         a.daily_means ? io::daily_concentration_columns() : columns(a.daily));
  std::map<std::string, daily_state> stations;
  daily_means_writer days(rows);
  io::measurement m;
  while (reader.next(m)) {
    units.add(m.c);
    if (a.daily_means) {
      days.push(m);
      continue;
    }
    if (!a.daily) {
      rows.write(fields(m.station, m.hour, hourly_breakdown(to_thousandths(m.c), edition(m.hour), ro)));
      continue;
    }
    auto [it, fresh] =
        stations.try_emplace(m.station, daily_state{rolling_concentrations(cx.profile().min_valid_hours)});
    auto& st = it->second;
    if (!fresh && m.hour < st.next)
      throw error(location{m.source, m.line, 0}, (m.station.empty() ? std::string() : "station " + m.station + ": ") +
                                                     format_time(m.hour) + " is not after line " +
                                                     std::to_string(st.line) +
                                                     ": sort the rows by station and time, one row per hour");
    if (fresh) st.next = m.hour;
    // Missing hours: written while the window still holds values; after a window of them it is
    // empty, and the hours up to the next row have no daily AQI to write.
    for (int missing = 0; st.next < m.hour; ++st.next, ++missing) {
      if (missing == 24) break;
      rows.write(
          daily_fields(m.station, st.next, daily_breakdown(st.window.push(concentrations_milli{}), edition(st.next))));
    }
    rows.write(daily_fields(m.station, m.hour, daily_breakdown(st.window.push(m.c), edition(m.hour))));
    st.next = m.hour + 1;
    st.line = m.line;
  }
  days.finish();
  rows.finish();
  out.commit();
  units.warn(in.name, cx);
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
