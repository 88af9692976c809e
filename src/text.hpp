#pragma once
// Small text helpers the readers share.

#include <cctype>
#include <string>
#include <string_view>

namespace hpa::io::detail {

/// Without leading and trailing spaces and tabs.
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// trim(), as a string of its own.
inline std::string trimmed(std::string_view s) { return std::string(trim(s)); }

/// ASCII letters in lower case.
inline std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace hpa::io::detail
