#pragma once
// Local clock hours (RULES.md §1: city time, UTC+8, no daylight saving). An hour is a count of
// hours since 1970-01-01T00:00 local, so hour % 24 is the hour of the day and hour / 24 the day.

#include <cstdint>
#include <string>
#include <string_view>

namespace hpa {

/// Hours since 1970-01-01T00:00 local time. Negative before 1970.
using hour_t = std::int64_t;

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct civil_date {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

constexpr civil_date civil_from_days(std::int64_t z) noexcept {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

constexpr bool is_leap(std::int64_t y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr unsigned days_in_month(std::int64_t y, unsigned m) noexcept {
  constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/// What parse_time found: the hour, whether the text was a date only, and on failure the
/// 0-based offset of the first bad character and why.
struct time_result {
  hour_t hour = 0;
  bool date_only = false;
  const char* error = nullptr;  // null on success
  std::size_t error_offset = 0;
  explicit operator bool() const noexcept { return error == nullptr; }
};

namespace detail {
constexpr bool digits(std::string_view s, std::size_t at, std::size_t n, unsigned& out) noexcept {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + static_cast<unsigned>(s[i] - '0');
  }
  return true;
}
}  // namespace detail

/// Parses `2023-12-01T08:00`, `2023-12-01 08:00`, `2023-12-01T08`, `2023-12-01T08:00:00` or a
/// date `2023-12-01`. Times must be on the hour (an hourly value is labelled by its hour); years
/// 0001 to 9999 (ISO 8601's four digits; year 0000 is not a calendar year of any record).
/// Does not throw and does not allocate.
constexpr time_result parse_time(std::string_view s) noexcept {
  time_result r;
  unsigned y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  auto fail = [&](const char* why, std::size_t at) {
    r.error = why;
    r.error_offset = at;
    return r;
  };
  if (!detail::digits(s, 0, 4, y) || s.size() < 5 || s[4] != '-' || !detail::digits(s, 5, 2, mo) ||
      s.size() < 8 || s[7] != '-' || !detail::digits(s, 8, 2, d))
    return fail("expected a date as YYYY-MM-DD", 0);
  if (y < 1) return fail("year out of range (0001-9999)", 0);
  if (mo < 1 || mo > 12) return fail("month out of range", 5);
  if (d < 1 || d > days_in_month(y, mo)) return fail("day out of range for the month", 8);
  const std::int64_t day = days_from_civil(y, mo, d);
  if (s.size() == 10) {
    r.hour = day * 24;
    r.date_only = true;
    return r;
  }
  if (s[10] != 'T' && s[10] != ' ') return fail("expected 'T' or a space after the date", 10);
  if (!detail::digits(s, 11, 2, h)) return fail("expected the hour as HH", 11);
  if (h > 23) return fail("hour out of range (00-23)", 11);
  if (s.size() > 13) {
    if (s[13] != ':' || !detail::digits(s, 14, 2, mi)) return fail("expected minutes as :MM", 13);
    if (s.size() > 16) {
      if (s.size() != 19 || s[16] != ':' || !detail::digits(s, 17, 2, sec))
        return fail("unexpected text after the time", 16);
    }
    if (mi != 0 || sec != 0) return fail("time is not on the hour", 14);
  }
  r.hour = day * 24 + h;
  return r;
}

/// `YYYY-MM-DDTHH:MM`, the form every hpa output uses (a year outside 0000-9999, which only
/// arithmetic far from the data can reach, gets more digits or a minus sign: never garbage).
inline std::string format_time(hour_t t) {
  const std::int64_t day = t >= 0 ? t / 24 : (t - 23) / 24;
  const auto c = civil_from_days(day);
  const unsigned hh = static_cast<unsigned>(t - day * 24);
  char buf[32];
  char* p = buf + sizeof buf;
  auto put2 = [&](unsigned v) { *--p = char('0' + v % 10); *--p = char('0' + v / 10 % 10); };
  put2(0); *--p = ':'; put2(hh); *--p = 'T'; put2(c.day); *--p = '-'; put2(c.month); *--p = '-';
  const bool negative = c.year < 0;
  std::uint64_t y = negative ? 0 - static_cast<std::uint64_t>(c.year) : static_cast<std::uint64_t>(c.year);
  for (int i = 0; i < 4 || y > 0; ++i) { *--p = char('0' + y % 10); y /= 10; }
  if (negative) *--p = '-';
  return std::string(p, buf + sizeof buf);
}

/// `YYYY-MM-DD HH:MM`, for text people read (notices, reports).
inline std::string format_time_readable(hour_t t) {
  auto s = format_time(t);
  s[10] = ' ';
  return s;
}

/// `YYYY-MM-DD` of the day holding hour t.
inline std::string format_date(hour_t t) { return format_time(t).substr(0, 10); }

}  // namespace hpa
