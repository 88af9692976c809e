// UTF-8 validation and the quoting of input in messages, against nlohmann's own UTF-8 check.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "hpa/error.hpp"
#include "hpa/io/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bool valid = hpa::io::is_utf8(text);
  // nlohmann refuses to write text that is not UTF-8: the two must agree
  bool dumps = true;
  try {
    (void)nlohmann::json(std::string(text)).dump();
  } catch (const nlohmann::json::type_error&) {
    dumps = false;
  }
  if (valid != dumps) std::abort();
  bool refused = false;
  try {
    hpa::io::check_utf8(text, {"fuzz", 1, 1});
  } catch (const hpa::error&) {
    refused = true;
  }
  if (refused == valid) std::abort();
  // what a message shows is UTF-8, without control bytes, and short
  const auto shown = hpa::io::quote(text);
  if (!hpa::io::is_utf8(shown) || shown.size() > 4 * 80 + 64) std::abort();
  for (unsigned char c : shown)
    if (c < 0x20 || c == 0x7F) std::abort();
  return 0;
}
