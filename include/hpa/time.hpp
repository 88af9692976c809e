#pragma once
// Local clock hours (RULES.md §1: city time, UTC+8, no daylight saving). An hour is a count of
// hours since 1970-01-01T00:00 local, so hour % 24 is the hour of the day and hour / 24 the day.

#include <cstdint>
#include <string>
#include <string_view>

namespace hpa {

/// Hours since 1970-01-01T00:00 local time. Negative before 1970.
using hour_t = std::int64_t;

/// The hours of a calendar day (RULES.md §1: no daylight saving).
inline constexpr int hours_per_day = 24;

/// The calendar day holding hour t, in days since 1970-01-01 (negative before), rounding down.
constexpr std::int64_t day_of(hour_t t) noexcept { return (t >= 0 ? t : t - (hours_per_day - 1)) / hours_per_day; }

/// The first hour (00:00) of the calendar day holding hour t.
constexpr hour_t day_start(hour_t t) noexcept { return day_of(t) * hours_per_day; }

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

/// The plan's clock in minutes east of UTC: city time, UTC+8, no daylight saving (RULES.md §1).
/// Timestamps that carry another offset (`Z`, `+00:00`) are converted to it.
inline constexpr int plan_utc_offset_minutes = 8 * 60;

/// The widest UTC offset a clock has (UTC-12 to UTC+14); anything wider is a typing error.
inline constexpr int max_utc_offset_minutes = 14 * 60;

/// What parse_time found: the hour, whether the text was a date only, and on failure the
/// 0-based offset of the first bad character and why.
struct time_result {
  hour_t hour = 0;
  bool date_only = false;
  bool has_offset = false;      // the text carried its UTC offset (`Z`, `+08:00`)
  const char* error = nullptr;  // null on success
  std::size_t error_offset = 0;
  explicit operator bool() const noexcept { return error == nullptr; }
};

/// What parse_utc_offset found: minutes east of UTC, and how many characters it read.
struct offset_result {
  int minutes = 0;
  std::size_t length = 0;
  const char* error = nullptr;
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

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/// The fields of a timestamp as written, before they are checked.
struct time_fields {
  unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  bool has_time = false;  // false: a date
  bool has_offset = false;
  int offset_minutes = 0;                                              // the text's own, when has_offset
  std::size_t month_at = 5, day_at = 8, hour_at = 11, minute_at = 14;  // where each was, for errors
};

/// Checks the fields and turns them into an hour of the plan's clock; a time without its own
/// offset is taken to be at `assumed_offset` minutes east of UTC.
constexpr time_result make_time(const time_fields& f, int assumed_offset) noexcept {
  time_result r;
  auto fail = [&](const char* why, std::size_t at) {
    r.error = why;
    r.error_offset = at;
    return r;
  };
  if (f.year < 1 || f.year > 9999) return fail("year out of range (0001-9999)", 0);
  if (f.month < 1 || f.month > 12) return fail("month out of range", f.month_at);
  if (f.day < 1 || f.day > days_in_month(f.year, f.month)) return fail("day out of range for the month", f.day_at);
  const std::int64_t day = days_from_civil(f.year, f.month, f.day);
  if (!f.has_time) {
    r.hour = day * 24;
    r.date_only = true;
    return r;
  }
  if (f.hour > 23) return fail("hour out of range (00-23)", f.hour_at);
  if (f.minute > 59 || f.second > 59) return fail("time is not on the hour", f.minute_at);
  const int offset = f.has_offset ? f.offset_minutes : assumed_offset;
  const std::int64_t minutes = (day * 24 + f.hour) * 60 + f.minute - offset + plan_utc_offset_minutes;
  if (f.second != 0 || minutes % 60 != 0)
    return fail(offset == plan_utc_offset_minutes ? "time is not on the hour"
                                                  : "time is not on the hour of the plan's clock (UTC+8)",
                f.minute_at);
  r.hour = floor_div(minutes, 60);
  r.has_offset = f.has_offset;
  return r;
}
}  // namespace detail

/// Parses a UTC offset at the start of `s`: `Z`, `+08:00`, `+0800` or `+08` (and `-`), as ISO 8601
/// writes them after a time. Does not throw and does not allocate.
constexpr offset_result parse_utc_offset(std::string_view s) noexcept {
  offset_result r;
  unsigned h = 0, m = 0;
  if (!s.empty() && (s[0] == 'Z' || s[0] == 'z')) {
    r.length = 1;
    return r;
  }
  if (s.empty() || (s[0] != '+' && s[0] != '-') || !detail::digits(s, 1, 2, h)) {
    r.error = "expected a UTC offset as Z, +HH:MM or +HHMM";
    return r;
  }
  r.length = 3;
  if (s.size() > 3 && s[3] == ':') {
    if (!detail::digits(s, 4, 2, m)) {
      r.error = "expected a UTC offset as Z, +HH:MM or +HHMM";
      return r;
    }
    r.length = 6;
  } else if (detail::digits(s, 3, 2, m)) {
    r.length = 5;
  }
  r.minutes = static_cast<int>(h * 60 + m) * (s[0] == '-' ? -1 : 1);
  if (m > 59 || h * 60 + m > static_cast<unsigned>(max_utc_offset_minutes))
    r.error = "UTC offset out of range (-14:00 to +14:00)";
  return r;
}

/// Parses `2023-12-01T08:00`, `2023-12-01 08:00`, `2023-12-01T08`, `2023-12-01T08:00:00` or a
/// date `2023-12-01`. A time may end in its UTC offset (`Z`, `+08:00`, `+0800`, `+08`) and is then
/// converted to the plan's clock (UTC+8); one without is taken to be at `assumed_offset` minutes
/// east of UTC (the plan's clock unless the input says otherwise). A date is a calendar day and
/// is not converted. Times must be on the hour of the plan's clock (an hourly value is labelled
/// by its hour); years 0001 to 9999 (ISO 8601's four digits; year 0000 is not a calendar year of
/// any record). Does not throw and does not allocate.
constexpr time_result parse_time(std::string_view s, int assumed_offset = plan_utc_offset_minutes) noexcept {
  time_result r;
  detail::time_fields f;
  auto fail = [&](const char* why, std::size_t at) {
    r.error = why;
    r.error_offset = at;
    return r;
  };
  if (!detail::digits(s, 0, 4, f.year) || s.size() < 5 || s[4] != '-' || !detail::digits(s, 5, 2, f.month) ||
      s.size() < 8 || s[7] != '-' || !detail::digits(s, 8, 2, f.day))
    return fail("expected a date as YYYY-MM-DD", 0);
  if (s.size() == 10) return detail::make_time(f, assumed_offset);
  if (s[10] != 'T' && s[10] != ' ') return fail("expected 'T' or a space after the date", 10);
  if (!detail::digits(s, 11, 2, f.hour)) return fail("expected the hour as HH", 11);
  f.has_time = true;
  std::size_t at = 13;
  if (at < s.size() && s[at] == ':') {
    if (!detail::digits(s, 14, 2, f.minute)) return fail("expected minutes as :MM", 13);
    at = 16;
    if (at < s.size() && s[at] == ':') {
      if (!detail::digits(s, 17, 2, f.second)) return fail("unexpected text after the time", 16);
      at = 19;
    }
  } else if (at < s.size() && s[at] != 'Z' && s[at] != 'z' && s[at] != '+' && s[at] != '-') {
    return fail("expected minutes as :MM", 13);
  }
  if (at < s.size()) {
    const char c = s[at];
    if (c != 'Z' && c != 'z' && c != '+' && c != '-') return fail("unexpected text after the time", at);
    const auto o = parse_utc_offset(s.substr(at));
    if (!o) return fail(o.error, at);
    if (at + o.length != s.size()) return fail("unexpected text after the time", at + o.length);
    f.has_offset = true;
    f.offset_minutes = o.minutes;
  }
  return detail::make_time(f, assumed_offset);
}

/// `YYYY-MM-DDTHH:MM`, the form every hpa output uses (a year outside 0000-9999, which only
/// arithmetic far from the data can reach, gets more digits or a minus sign: never garbage).
inline std::string format_time(hour_t t) {
  const std::int64_t day = day_of(t);
  const auto c = civil_from_days(day);
  const unsigned hh = static_cast<unsigned>(t - day_start(t));
  char buf[32];
  char* p = buf + sizeof buf;
  auto put2 = [&](unsigned v) {
    *--p = char('0' + v % 10);
    *--p = char('0' + v / 10 % 10);
  };
  put2(0);
  *--p = ':';
  put2(hh);
  *--p = 'T';
  put2(c.day);
  *--p = '-';
  put2(c.month);
  *--p = '-';
  const bool negative = c.year < 0;
  std::uint64_t y = negative ? 0 - static_cast<std::uint64_t>(c.year) : static_cast<std::uint64_t>(c.year);
  for (int i = 0; i < 4 || y > 0; ++i) {
    *--p = char('0' + y % 10);
    y /= 10;
  }
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
