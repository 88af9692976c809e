// hpa-daily: the rolling daily AQI of every hour (§3.2.1).
#include <fmt/format.h>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/episode_format.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/profile_json.hpp"
#include "hpa/io/station_table.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {
struct daily_sink : station_sink {
  io::output* out;
  std::string station;
  void on_daily(hour_t t, double d, int valid) {
    if (valid == 0) return;
    out->write(fmt::format("{},{},{},{}\n", station, format_time(t), io::format_number(d), valid));
  }
};
}  // namespace

int main(int argc, char** argv) {
  tool::common_options o;
  CLI::App app;
  tool::describe(
      app, "hpa-daily", "Print the daily AQI of every hour: the mean of the 24 hours ending at it.",
      "The plan's daily AQI is a rolling 24-hour mean that may cross calendar days (§3.2.1). A\n"
      "window has a value when at least 20 of its 24 hours do (the profile's min_valid_hours).\n"
      "Output, CSV in input order: station,time,daily_aqi,valid_hours, one row per hour whose\n"
      "window holds any value; daily_aqi is empty when the window has too few. A daily input\n"
      "series (a 'date' column) gives one row per day, at its last hour. Streams: memory does\n"
      "not grow with the input.");
  tool::add_common(app, o);
  return tool::run(app, argc, argv, [&] {
    const auto p = tool::load(o);
    auto in = tool::open_input(o.input);
    io::aqi_reader reader(*in.stream, in.name, p, tool::warn);
    io::output out(o.output);
    out << "station,time,daily_aqi,valid_hours\n";
    io::station_table<daily_sink> table(p, reader.kind(), in.name, [&](std::string_view name) {
      daily_sink s;
      s.out = &out;
      s.station = io::csv_field(std::string(name));
      return s;
    }, tool::warn);
    io::aqi_record r;
    while (reader.next(r)) table.feed(r);
    table.finish();
    out.commit();
  });
}
