#pragma once
// UTF-8 for the readers: full validation (RFC 3629: no overlong forms, no surrogates, nothing
// above U+10FFFF), and input text made safe to show in a message (binary input such as a gzip
// or an xlsx file is shown as \x1f\x8b, never sent raw to the terminal).

#include <cstddef>
#include <string>
#include <string_view>

#include "hpa/error.hpp"

namespace hpa::io {

/// The length in bytes of the longest prefix of `text` that is well-formed UTF-8 (the whole
/// size when all of it is). Does not throw and does not allocate.
std::size_t utf8_valid_prefix(std::string_view text) noexcept;

/// The length in bytes of the well-formed UTF-8 sequence `text` starts with (1 for ASCII), 0
/// when it starts with none (or is empty). Does not throw and does not allocate.
std::size_t utf8_sequence_length(std::string_view text) noexcept;

/// Whether all of `text` is well-formed UTF-8.
inline bool is_utf8(std::string_view text) noexcept { return utf8_valid_prefix(text) == text.size(); }

/// Throws hpa::error at `where` unless `text` is well-formed UTF-8; GBK text (common in Chinese
/// exports) is refused with the iconv command that converts it.
void check_utf8(std::string_view text, const location& where);

/// Whether every byte of `text` is printable ASCII (0x20 to 0x7E): such a name needs no other
/// check, the fast path of the readers.
inline bool is_printable_ascii(std::string_view text) noexcept {
  bool plain = true;
  for (const char c : text) plain &= static_cast<unsigned char>(c) - 0x20u < 0x5Fu;
  return plain;
}

/// Throws hpa::error at `where` unless `name` (`what`: "a station name", "an area") is UTF-8, as
/// check_utf8, without a NUL byte: no text holds one, a C string ends there, and no --station
/// could name it. (Line breaks and tabs are text a quoted CSV field may hold, and are kept.)
void check_name(std::string_view name, const location& where, std::string_view what = "a station name");

/// At most `max_bytes` bytes of `text`, safe to print: control bytes and bytes that are not
/// UTF-8 as `\xNN`; a longer text is cut at a character and ends in "…" and its length in bytes
/// ("…' (10485760 bytes)" when quoted).
std::string printable(std::string_view text, std::size_t max_bytes = 80);

/// printable(text) in single quotes, for a message that quotes input: "got 'n/a'". (Not named
/// quoted: std::quoted would win by argument-dependent lookup for a std::string.)
std::string quote(std::string_view text, std::size_t max_bytes = 80);

}  // namespace hpa::io
