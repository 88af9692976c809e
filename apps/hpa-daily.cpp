// hpa-daily: the rolling daily AQI of every hour (§3.2.1).
#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/station_table.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {

const tool::spec spec = {"hpa-daily",
                         "Print the daily AQI of every hour: the mean of the 24 hours ending at it.",
                         "The plan's daily AQI is a rolling 24-hour mean that may cross calendar days (§3.2.1). A\n"
                         "window has a value when at least 20 of its 24 hours do (the profile's min_valid_hours).\n"
                         "Output, in input order: station,time,daily_aqi,valid_hours, one row per hour whose window\n"
                         "holds any value; daily_aqi is empty when the window has too few. A daily input series (a\n"
                         "'date' column) gives one row per day, at its last hour. Streams: memory does not grow with\n"
                         "the input. --since/--until cut the rows; the windows still count the hours before.",
                         tool::takes::series | tool::takes::output | tool::takes::profile | tool::takes::as_of |
                             tool::takes::quiet | tool::takes::format | tool::takes::stations | tool::takes::period,
                         {io::format::csv, io::format::json, io::format::jsonl}};

struct args {
  tool::common common;
};

struct daily_sink : station_sink {
  io::record_writer* out;
  std::string station;
  const tool::filter* keep;
  bool wanted;
  void on_daily(hour_t t, double d, int valid) {
    if (valid == 0 || !wanted || !keep->hour(t)) return;
    out->write({io::field::string(station), io::field::time(t), io::field::number(d), io::field::integer(valid)});
  }
};

int run(const args&, tool::context& cx) {
  const auto& p = cx.profile();
  auto in = cx.open_input();
  io::aqi_reader reader(*in.stream, in.name, aqi_reading_of(p), cx.warner(), cx.quiet_columns());
  io::output out(cx.options().output);
  io::record_writer rows(out, cx.options().format, {"station", "time", "daily_aqi", "valid_hours"});
  io::station_table<daily_sink> table(
      p, reader.kind(), in.name,
      [&](std::string_view name) {
        daily_sink s;
        s.out = &rows;
        s.station = std::string(name);
        s.keep = &cx.filter();
        s.wanted = cx.filter().station(name);
        return s;
      },
      cx.warner());
  io::aqi_record r;
  while (reader.next(r)) table.feed(r);
  table.finish();
  std::vector<std::string_view> names;
  for (auto* e : table.sorted()) names.push_back(e->name);
  cx.filter().check_stations(names, in.name);
  rows.finish();
  out.commit();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return tool::main<args>(
      argc, argv, spec, [](CLI::App&, args&) {}, run);
}
