#pragma once
// Numbers as hpa writes them, in records and in messages: fixed decimals, no trailing zeros.

#include <array>
#include <charconv>
#include <cmath>
#include <string>

namespace hpa {

/// "287.5", "150", "153.33": `v` rounded to at most `decimals` decimals (0 … 17), no trailing
/// zeros, never "-0"; "" for NaN.
inline std::string format_number(double v, int decimals = 2) {
  if (std::isnan(v)) return {};
  std::array<char, 400> buf;  // the largest double in fixed notation has 309 digits
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, decimals);
  std::string s(buf.data(), r.ptr);
  if (s.find('.') != std::string::npos) {
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

}  // namespace hpa
