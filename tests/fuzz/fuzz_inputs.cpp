// The AQI reader on inputs as they come: two files as one input, no header, a time layout, another
// clock; and the time layouts on their own. Byte 0 picks the layout, byte 1 where the text is cut
// into the two files; the rest is the text. Anything in, an hpa::error or a result out.
#include <sstream>

#include "hpa/error.hpp"
#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/input.hpp"
#include "hpa/io/station_table.hpp"
#include "hpa/time_layout.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  static const auto p = hpa::pingdingshan_2023();
  const unsigned mode = data[0];
  const std::string text(reinterpret_cast<const char*>(data) + 2, size - 2);
  const std::size_t cut = text.size() * data[1] / 255;
  if (mode & 0x80) {  // a pattern and a timestamp, straight into the layout
    const auto l = hpa::time_layout::compile(std::string_view(text).substr(0, cut));
    if (l) (void)l.layout.parse(std::string_view(text).substr(cut), (mode & 1) ? 0 : hpa::plan_utc_offset_minutes);
    (void)hpa::parse_time(text);
    return 0;
  }
  hpa::io::input_layout layout;
  if (mode & 1) layout.columns = {"station", "time", "aqi"};
  if (mode & 2) layout.utc_offset_minutes = (mode & 4) ? -5 * 60 : 0;
  static constexpr const char* patterns[] = {"%Y/%m/%d %H:%M", "%m/%d/%Y %I:%M %p", "%Y%m%d%H%M%S%z", "%d.%m.%Y"};
  if (mode & 8) {
    layout.time_format = patterns[(mode >> 4) & 3];
    layout.time = hpa::time_layout::compile(layout.time_format).layout;
  }
  struct sink : hpa::station_sink {
    int episodes = 0;
    void on_episode(const hpa::episode& e) { episodes += e.end >= e.start; }
  };
  std::istringstream a(text.substr(0, cut)), b(text.substr(cut));
  hpa::io::input_chain chain({{&a, "a.csv"}, {&b, "b.csv"}}, layout);
  try {
    hpa::io::aqi_reader reader(chain, "a.csv", aqi_reading_of(p), [](const std::string&) {});
    hpa::io::station_table<sink> table(p, reader.kind(), "a.csv", [](std::string_view) { return sink{}; });
    hpa::io::aqi_record r;
    while (reader.next(r)) table.feed(r);
    table.finish();
  } catch (const hpa::error&) {
  }
  return 0;
}
