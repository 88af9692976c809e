#include "hpa/io/station_reader.hpp"

#include <fstream>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "text.hpp"

namespace hpa::io::detail {

namespace {

// The line of `in` that starts at byte `at`, or the one that ends there (before = true).
std::string line_at(std::ifstream& in, std::uint64_t at, bool before) {
  constexpr std::uint64_t window = 1 << 16;  // longer rows than this are not worth a guess
  const std::uint64_t from = before ? (at > window ? at - window : 0) : at;
  std::string s(static_cast<std::size_t>(before ? at - from : window), '\0');
  in.clear();
  in.seekg(static_cast<std::streamoff>(from));
  in.read(s.data(), static_cast<std::streamsize>(s.size()));
  s.resize(static_cast<std::size_t>(in.gcount()));
  if (before) {
    if (!s.empty() && s.back() == '\n') s.pop_back();
    const auto nl = s.rfind('\n');
    return nl == std::string::npos ? s : s.substr(nl + 1);
  }
  return s.substr(0, s.find('\n'));
}

std::string_view field(std::string_view line, std::size_t index) {
  for (std::size_t i = 0; i < index; ++i) {
    const auto c = line.find(',');
    if (c == std::string_view::npos) return {};
    line.remove_prefix(c + 1);
  }
  return trim(line.substr(0, line.find(',')));
}

}  // namespace

bool ordered_by_time(const std::string& path, const std::vector<file_part>& parts, const input_layout& layout) {
  if (parts.size() < 2) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string header = line_at(in, 0, false);
  if (header.rfind("\xEF\xBB\xBF", 0) == 0) header.erase(0, 3);
  std::size_t column = 0;
  for (std::string_view h = header;; ++column) {
    const auto name = lower(trim(h.substr(0, h.find(','))));
    if (name == "time" || name == "date") break;
    if (h.find(',') == std::string_view::npos) return false;
    h.remove_prefix(h.find(',') + 1);
  }
  auto time_of = [&](std::uint64_t at, bool before) -> std::optional<hour_t> {
    const auto t = layout.time.parse(field(line_at(in, at, before), column), layout.utc_offset_minutes);
    return t ? std::optional(t.hour) : std::nullopt;
  };
  const auto first = time_of(parts.front().begin, false);
  if (!first) return false;
  bool advanced = false;
  for (std::size_t k = 1; k < parts.size(); ++k) {
    const auto last = time_of(parts[k].begin, true), next = time_of(parts[k].begin, false);
    if (!last || !next || *next < *last) return false;  // the time goes back: stations come one after another
    advanced |= *next > *first;
  }
  return advanced;
}

void release_free_memory() noexcept {
#if defined(__GLIBC__)
  ::malloc_trim(0);
#endif
}

}  // namespace hpa::io::detail
