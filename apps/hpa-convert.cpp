// hpa-convert: the national file formats to hpa's long CSV.
#include <fmt/format.h>

#include "hpa/io/national.hpp"
#include "hpa/io/output.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {

const tool::spec spec = {
    "hpa-convert", "Convert national monitoring files to hpa's long CSV.",
    "Formats (--from):\n"
    "  cnemc    the national network's site or city files: date,hour,type,<site …>, one row per\n"
    "           hour and type (AQI, PM2.5, PM2.5_24h, PM10, …); daily files may be concatenated;\n"
    "           a type hpa does not read is left out with a warning (CO_24h, NO2_24h, O3_24h and\n"
    "           O3_8h_24h without one)\n"
    "  station  station exports: Date,Hour,WatchPoint,AQI,Level,PrimaryPollution,PM2.5,PM10,CO,\n"
    "           NO2,O3_1h,O3_8h,SO2 (NaN = missing)\n"
    "  uci      the UCI Beijing multi-site files (NA = missing, CO converted from µg/m³ to mg/m³)\n"
    "  daily-city  the daily city history files, no header: city,date,AQI,range,category,PM2.5,\n"
    "           PM10,SO2,CO,NO2,O3,rank. Output, one row per city and day: station,date,aqi,\n"
    "           pm25_24h,pm10_24h,so2_24h,no2_24h,co_24h,o3_max_1h: `date` marks a daily row, the\n"
    "           _24h columns are calendar-day means, o3_max_1h the day's largest hourly O3, aqi\n"
    "           the files' own (hpa-episodes reads station,date,aqi as a daily series)\n"
    "Output, sorted by station and time: station,time,primary,aqi,pm25,pm25_24h,pm10,pm10_24h,\n"
    "so2,so2_24h,no2,co,o3,o3_8h (the published AQI where the file has one). A row repeated\n"
    "with the same values is dropped with a warning; repeated with other values it is an\n"
    "error naming both lines. A concentration above 1 kg/m³ (1e9 µg/m³, CO 1e6 mg/m³: more than\n"
    "air weighs) is an error. Holds the rows in memory to sort them. On a terminal, stderr shows\n"
    "how far the reading, sorting and writing are (not with -q).",
    tool::takes::inputs | tool::takes::output | tool::takes::quiet};

struct args {
  tool::common common;
  std::string from, since, until;
};

void options(CLI::App& app, args& a) {
  app.add_option("--from", a.from, "cnemc, station, uci or daily-city")
      ->required()
      ->check(CLI::IsMember({"cnemc", "station", "uci", "daily-city"}));
  app.add_option("--since", a.since, "Keep hours from this date (YYYY-MM-DD)");
  app.add_option("--until", a.until, "Keep hours up to this date, inclusive (YYYY-MM-DD)");
}

// The daily city files give days, not hours: their own reader and long form (a date column).
void convert_daily_city(const tool::context& cx, std::optional<hour_t> lo, std::optional<hour_t> hi) {
  std::vector<io::daily_city_row> rows;
  for (const auto& path : cx.options().inputs) {
    auto in = cx.open(path);
    io::read_daily_city(*in.stream, in.name, rows, cx.warner());
  }
  std::erase_if(rows, [&](const io::daily_city_row& d) { return (lo && d.day < *lo) || (hi && d.day > *hi); });
  const auto progress = cx.progress();
  progress->step(fmt::format("sorting {} rows", rows.size()));
  io::sort_and_merge(rows, cx.warner());
  progress->step(fmt::format("writing {} rows", rows.size()));
  io::output out(cx.options().output);
  out << io::daily_city_csv_header();
  for (const auto& d : rows) out << io::daily_city_csv_row(d);
  out.commit();
  progress->clear();
}

int run(const args& a, tool::context& cx) {
  const std::optional<hour_t> lo =
      a.since.empty() ? std::nullopt : std::optional(tool::date_option(a.since, "--since"));
  const std::optional<hour_t> hi =
      a.until.empty() ? std::nullopt : std::optional(tool::date_option(a.until, "--until"));
  if (a.from == "daily-city") {
    convert_daily_city(cx, lo, hi);
    return 0;
  }
  const auto format = a.from == "cnemc"     ? io::national_format::cnemc
                      : a.from == "station" ? io::national_format::station
                                            : io::national_format::uci;
  std::vector<io::measurement> rows;
  for (const auto& path : cx.options().inputs) {
    auto in = cx.open(path);
    io::read_national(format, *in.stream, in.name, rows, cx.warner());
    if (lo || hi)
      std::erase_if(rows, [&](const io::measurement& m) { return (lo && m.hour < *lo) || (hi && m.hour >= *hi + 24); });
  }
  const auto progress = cx.progress();
  progress->step(fmt::format("sorting {} rows", rows.size()));
  io::sort_and_merge(rows, cx.warner());
  progress->step(fmt::format("writing {} rows", rows.size()));
  io::output out(cx.options().output);
  out << io::measurement_csv_header();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out << io::measurement_csv_row(rows[i]);
    if ((i & 0xFFFF) == 0) progress->show([&] { return fmt::format("writing: {:.0f} %", 100.0 * i / rows.size()); });
  }
  out.commit();
  progress->clear();
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
