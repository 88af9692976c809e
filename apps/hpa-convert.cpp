// hpa-convert: the national file formats to hpa's long CSV.
#include <fmt/format.h>

#include "hpa/io/national.hpp"
#include "hpa/io/output.hpp"
#include "tool.hpp"

using namespace hpa;

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
      "Output, sorted by station and time: station,time,primary,aqi,pm25,pm25_24h,pm10,pm10_24h,\n"
      "so2,so2_24h,no2,co,o3,o3_8h (the published AQI where the file has one). A row repeated\n"
      "with the same values is dropped with a warning; repeated with other values it is an\n"
      "error naming both lines. Holds the rows in memory to sort them.");
  app.add_option("input", inputs, "Files (- = stdin); several are read as one")->required();
  app.add_option("--from", from, "cnemc, station or uci")->required()->check(CLI::IsMember({"cnemc", "station", "uci"}));
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
    const auto format = from == "cnemc" ? io::national_format::cnemc : from == "station" ? io::national_format::station : io::national_format::uci;
    std::vector<io::measurement> rows;
    for (const auto& path : inputs) {
      auto in = tool::open_input(path);
      io::read_national(format, *in.stream, in.name, rows);
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
