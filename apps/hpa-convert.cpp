// hpa-convert: the national file formats to hpa's long CSV.
#include <fmt/format.h>
#include <optional>

#include "hpa/io/national.hpp"
#include "hpa/io/output.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {
// The daily city files give days, not hours: their own reader and long form (a date column).
void convert_daily_city(const std::vector<std::string>& inputs, std::optional<hour_t> lo, std::optional<hour_t> hi,
                        const std::string& output) {
  std::vector<io::daily_city_row> rows;
  for (const auto& path : inputs) {
    auto in = tool::open_input(path);
    io::read_daily_city(*in.stream, in.name, rows, tool::warn);
  }
  std::erase_if(rows, [&](const io::daily_city_row& d) { return (lo && d.day < *lo) || (hi && d.day > *hi); });
  io::sort_and_merge(rows, tool::warn);
  io::output out(output);
  out << io::daily_city_csv_header();
  for (const auto& d : rows) out << io::daily_city_csv_row(d);
  out.commit();
}
}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  std::string from, since, until, output;
  bool quiet = false;
  CLI::App app;
  tool::describe(
      app, "hpa-convert", "Convert national monitoring files to hpa's long CSV.",
      "Formats (--from):\n"
      "  cnemc    the national network's site or city files: date,hour,type,<site …>, one row per\n"
      "           hour and type (AQI, PM2.5, PM2.5_24h, PM10, …); daily files may be concatenated\n"
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
      "error naming both lines. Holds the rows in memory to sort them.");
  app.add_option("input", inputs, "Files (- = stdin); several are read as one")->required();
  app.add_option("--from", from, "cnemc, station, uci or daily-city")->required()->check(CLI::IsMember({"cnemc", "station", "uci", "daily-city"}));
  app.add_option("--since", since, "Keep hours from this date (YYYY-MM-DD)");
  app.add_option("--until", until, "Keep hours up to this date, inclusive (YYYY-MM-DD)");
  app.add_option("-o,--output", output, "Write to FILE (whole or not at all)");
  app.add_flag("-q,--quiet", quiet, "No warnings on stderr");
  return tool::run(app, argc, argv, [&] {
    tool::common_options o;
    o.quiet = quiet;
    tool::load(o);
    auto date = [](const std::string& s, const char* opt) -> std::optional<hour_t> {
      if (s.empty()) return std::nullopt;
      const auto t = parse_time(s);
      if (!t || !t.date_only) throw CLI::ValidationError(opt, "expected a date such as 2016-12-01, got '" + s + "'");
      return t.hour;
    };
    const auto lo = date(since, "--since"), hi = date(until, "--until");
    if (from == "daily-city") return convert_daily_city(inputs, lo, hi, output);
    const auto format = from == "cnemc" ? io::national_format::cnemc : from == "station" ? io::national_format::station : io::national_format::uci;
    std::vector<io::measurement> rows;
    for (const auto& path : inputs) {
      auto in = tool::open_input(path);
      io::read_national(format, *in.stream, in.name, rows, tool::warn);
      if (lo || hi)
        rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const io::measurement& m) {
                     return (lo && m.hour < *lo) || (hi && m.hour >= *hi + 24);
                   }), rows.end());
    }
    io::sort_and_merge(rows, tool::warn);
    io::output out(output);
    out << io::measurement_csv_header();
    for (const auto& m : rows) out << io::measurement_csv_row(m);
    out.commit();
  });
}
