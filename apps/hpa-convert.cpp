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
    "           hour and type (AQI, PM2.5, PM2.5_24h, PM10, …); daily files may be concatenated\n"
    "  station  station exports: Date,Hour,WatchPoint,AQI,Level,PrimaryPollution,PM2.5,PM10,CO,\n"
    "           NO2,O3_1h,O3_8h,SO2 (NaN = missing)\n"
    "  uci      the UCI Beijing multi-site files (NA = missing, CO converted from µg/m³ to mg/m³)\n"
    "Output, sorted by station and time: station,time,primary,aqi,pm25,pm25_24h,pm10,pm10_24h,\n"
    "so2,so2_24h,no2,co,o3,o3_8h (the published AQI where the file has one). A row repeated\n"
    "with the same values is dropped with a warning; repeated with other values it is an\n"
    "error naming both lines. Holds the rows in memory to sort them.",
    tool::takes::inputs | tool::takes::output | tool::takes::quiet};

struct args {
  tool::common common;
  std::string from, since, until;
};

void options(CLI::App& app, args& a) {
  app.add_option("--from", a.from, "cnemc, station or uci")->required()->check(CLI::IsMember({"cnemc", "station", "uci"}));
  app.add_option("--since", a.since, "Keep hours from this date (YYYY-MM-DD)");
  app.add_option("--until", a.until, "Keep hours up to this date, inclusive (YYYY-MM-DD)");
}

int run(const args& a, tool::context& cx) {
  const std::optional<hour_t> lo = a.since.empty() ? std::nullopt : std::optional(tool::date_option(a.since, "--since"));
  const std::optional<hour_t> hi = a.until.empty() ? std::nullopt : std::optional(tool::date_option(a.until, "--until"));
  const auto format = a.from == "cnemc"     ? io::national_format::cnemc
                      : a.from == "station" ? io::national_format::station
                                            : io::national_format::uci;
  std::vector<io::measurement> rows;
  for (const auto& path : cx.options().inputs) {
    auto in = cx.open(path);
    io::read_national(format, *in.stream, in.name, rows);
    if (lo || hi)
      std::erase_if(rows, [&](const io::measurement& m) { return (lo && m.hour < *lo) || (hi && m.hour >= *hi + 24); });
  }
  io::sort_and_merge(rows, cx.warner());
  io::output out(cx.options().output);
  out << io::measurement_csv_header();
  for (const auto& m : rows) out << io::measurement_csv_row(m);
  out.commit();
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
