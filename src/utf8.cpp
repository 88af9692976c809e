#include "hpa/io/utf8.hpp"

#include <algorithm>

namespace hpa::io {

namespace {

// The length of the well-formed sequence at the start of `s` (Unicode Table 3-7), 0 if none.
std::size_t sequence_length(std::string_view s) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = byte(0);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;  // C0, C1: overlong forms of ASCII
  else if (c == 0xE0)
    n = 3, lo = 0xA0;  // below: overlong
  else if (c == 0xED)
    n = 3, hi = 0x9F;  // above: the surrogates D800-DFFF
  else if (c >= 0xE1 && c <= 0xEF)
    n = 3;
  else if (c == 0xF0)
    n = 4, lo = 0x90;  // below: overlong
  else if (c == 0xF4)
    n = 4, hi = 0x8F;  // above: beyond U+10FFFF
  else if (c >= 0xF1 && c <= 0xF3)
    n = 4;
  else
    return 0;  // a continuation byte, or F5-FF
  if (s.size() < n || byte(1) < lo || byte(1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if ((byte(k) & 0xC0) != 0x80) return 0;
  return n;
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view text) noexcept { return text.empty() ? 0 : sequence_length(text); }

std::size_t utf8_valid_prefix(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = sequence_length(text.substr(i));
    if (n == 0) break;
    i += n;
  }
  return i;
}

void check_utf8(std::string_view text, const location& where) {
  if (!is_utf8(text)) throw error(where, "text is not UTF-8 (GBK? convert the file first: iconv -f GBK -t UTF-8)");
}

void check_name(std::string_view name, const location& where, std::string_view what) {
  check_utf8(name, where);
  if (name.find('\0') != std::string_view::npos)
    throw error(where, std::string(what) + " must not hold a NUL byte, got " + quote(name));
}

std::string printable(std::string_view text, std::size_t max_bytes) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x20 || c == 0x7F ? 0 : sequence_length(text.substr(i));
    if (i + std::max<std::size_t>(n, 1) > max_bytes) break;
    if (n == 0) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
      n = 1;
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  if (i < text.size()) out += "\u2026";
  return out;
}

std::string quote(std::string_view text, std::size_t max_bytes) {
  std::string out = "'";
  out.append(printable(text, max_bytes)).append("'");
  if (text.size() > max_bytes) out += " (" + std::to_string(text.size()) + " bytes)";
  return out;
}

}  // namespace hpa::io
