// The AQI CSV reader and the whole pipeline behind it: anything in, an hpa::error or a result out.
#include <sstream>

#include "hpa/error.hpp"
#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/station_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto p = hpa::pingdingshan_2023();
  struct sink : hpa::station_sink {
    int episodes = 0;
    void on_episode(const hpa::episode& e) { episodes += e.end >= e.start; }
  };
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    hpa::io::aqi_reader reader(in, "fuzz.csv", aqi_reading_of(p), [](const std::string&) {});
    hpa::io::station_table<sink> table(p, reader.kind(), "fuzz.csv", [](std::string_view) { return sink{}; });
    hpa::io::aqi_record r;
    while (reader.next(r)) table.feed(r);
    table.finish();
  } catch (const hpa::error&) {
  }
  return 0;
}
