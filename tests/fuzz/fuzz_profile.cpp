// Profile JSON: parse, and when it parses, run a short series through it.
#include "hpa/error.hpp"
#include "hpa/io/profile_json.hpp"
#include "hpa/pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto p = hpa::io::parse_profile(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
    const hpa::rule_set rules(p);
    hpa::station_sink sink;
    hpa::station_pipeline<hpa::station_sink> pipe(p, rules, 0, hpa::series_kind::hourly);
    for (int h = 0; h < 400; ++h) pipe.push(h, (h / 24) % 2 ? 320.0 : 90.0, sink);
    pipe.finish(sink);
  } catch (const hpa::error&) {
  }
  return 0;
}
