// The emission-list readers (sources, totals, exceptions CSV; the JSON document) and the checks.
#include <sstream>

#include "hpa/error.hpp"
#include "hpa/io/reduction_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    hpa::io::reduction_input list;
    std::istringstream in(text);
    switch (data[0] % 4) {
      case 0:
        list = hpa::io::read_reduction_json(text, "fuzz.json");
        break;
      case 1:
        list.sources = hpa::io::read_sources_csv(in, "fuzz.csv", "t/d");
        break;
      case 2:
        list.totals = hpa::io::read_totals_csv(in, "fuzz.csv");
        break;
      default:
        list.exceptions = hpa::io::read_exceptions_csv(in, "fuzz.csv");
        break;
    }
    for (const auto& s : list.sources) list.totals.try_emplace(s.county, hpa::emissions{1, 1, 1, 1});
    const auto result = hpa::check_reductions(list.totals, list.sources, list.exceptions, {});
    (void)hpa::doubtfully_small_shares(result);
    (void)hpa::cuts_above_totals(result);
  } catch (const hpa::error&) {
  }
  return 0;
}
