// hpa-watch's state file, and the episodes JSON that hpa-notice reads.
#include "hpa/error.hpp"
#include "hpa/io/episode_format.hpp"
#include "hpa/io/watch_state.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto p = hpa::pingdingshan_2023();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto s = hpa::io::parse_watch_state(text, "state.json", p);
    (void)hpa::io::format_watch_state(s, p, 0);
  } catch (const hpa::error&) {
  }
  try {
    (void)hpa::io::episodes_from_json(text, "episodes.json", p);
  } catch (const hpa::error&) {
  }
  return 0;
}
