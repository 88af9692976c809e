// The national file readers (site files, station exports, UCI), the merge, and the AQI of each row.
#include <sstream>

#include "hpa/error.hpp"
#include "hpa/io/national.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto format = static_cast<hpa::io::national_format>(data[0] % 3);
  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  try {
    std::vector<hpa::io::measurement> rows;
    hpa::io::read_national(format, in, "fuzz.csv", rows);
    hpa::io::sort_and_merge(rows, [](const std::string&) {});
    for (const auto& m : rows) {
      (void)hpa::hourly_aqi(m.c, hpa::aqi_edition::hj633_2012);
      (void)hpa::hourly_aqi(m.c, hpa::aqi_edition::hj633_2026);
      (void)hpa::daily_aqi_of(m.c, hpa::aqi_edition::hj633_2026);
      (void)hpa::io::measurement_csv_row(m);
    }
  } catch (const hpa::error&) {
  }
  return 0;
}
