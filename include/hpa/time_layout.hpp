#pragma once
// Timestamps as other programs write them. A layout is a small strftime-like pattern:
//   %Y  year, four digits             %m  month, 1 or 2 digits      %d  day, 1 or 2 digits
//   %H  hour 0-23, 1 or 2 digits      %M  minutes, 1 or 2 digits     %S  seconds, 1 or 2 digits
//   %I  hour 1-12 with %p (AM or PM)  %z  UTC offset: Z, +08:00, +0800 or +08     %%  a percent sign
// Any other character stands for itself. `%Y/%m/%d %H:%M` reads `2023/12/1 8:00` as spreadsheets
// save it; a layout without an hour (`%Y/%m/%d`) reads dates, for a daily series. Compiled once,
// parsed per field without allocating.

#include <array>
#include <cstddef>
#include <string_view>

#include "hpa/time.hpp"

namespace hpa {

class time_layout;

/// What time_layout::compile found: the layout, or why the pattern is not one.
struct layout_result;

class time_layout {
 public:
  /// The most directives and literal characters a layout holds (a timestamp is short).
  static constexpr std::size_t max_tokens = 32;

  /// The layout of hpa's own timestamps: parse() is parse_time().
  constexpr time_layout() noexcept = default;

  /// Compiles a pattern (see the top of this header).
  static constexpr layout_result compile(std::string_view pattern) noexcept;

  /// True for hpa's own layout (ISO 8601 forms, see parse_time).
  constexpr bool is_iso() const noexcept { return count_ == 0; }
  /// True when the layout has no hour: it reads dates.
  constexpr bool date_only() const noexcept { return !is_iso() && !has_hour_; }

  /// Parses `s` in this layout into an hour of the plan's clock; a time without its own offset
  /// (%z) is taken to be at `assumed_offset` minutes east of UTC. Errors as parse_time's, and
  /// "expected …" naming what the layout wanted where the text differs from it.
  constexpr time_result parse(std::string_view s, int assumed_offset = plan_utc_offset_minutes) const noexcept;

 private:
  struct token {
    char directive = 0;  // Y m d H M S I p z, or 0 for a literal
    char literal = 0;
  };
  std::array<token, max_tokens> tokens_{};
  std::size_t count_ = 0;
  bool has_hour_ = false;
};

struct layout_result {
  time_layout layout;
  const char* error = nullptr;  // null on success
  std::size_t error_offset = 0;
  explicit operator bool() const noexcept { return error == nullptr; }
};

constexpr layout_result time_layout::compile(std::string_view pattern) noexcept {
  layout_result r;
  auto fail = [&](const char* why, std::size_t at) {
    r.error = why;
    r.error_offset = at;
    return r;
  };
  auto& l = r.layout;
  bool seen[128] = {};
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (l.count_ == max_tokens) return fail("layout too long (at most 32 directives and characters)", i);
    token t;
    if (pattern[i] != '%') {
      t.literal = pattern[i];
    } else if (++i == pattern.size()) {
      return fail("a '%' ends the layout: write %% for a percent sign", i - 1);
    } else if (pattern[i] == '%') {
      t.literal = '%';
    } else {
      const char d = pattern[i];
      if (std::string_view("YmdHMSIpz").find(d) == std::string_view::npos)
        return fail("unknown directive: the layout takes %Y %m %d %H %M %S %I %p %z and %%", i - 1);
      if (seen[static_cast<unsigned char>(d)]) return fail("directive given twice", i - 1);
      seen[static_cast<unsigned char>(d)] = true;
      t.directive = d;
    }
    l.tokens_[l.count_++] = t;
  }
  auto has = [&](char c) { return seen[static_cast<unsigned char>(c)]; };
  if (!has('Y') || !has('m') || !has('d')) return fail("a layout needs %Y, %m and %d", 0);
  if (has('H') && has('I')) return fail("%H and %I both give the hour: use one", 0);
  if (has('I') != has('p')) return fail("%I (hour 1-12) goes with %p (AM or PM)", 0);
  if ((has('M') || has('S') || has('z')) && !has('H') && !has('I'))
    return fail("minutes, seconds or %z without an hour", 0);
  l.has_hour_ = has('H') || has('I');
  return r;
}

constexpr time_result time_layout::parse(std::string_view s, int assumed_offset) const noexcept {
  if (is_iso()) return parse_time(s, assumed_offset);
  time_result r;
  auto fail = [&](const char* why, std::size_t at) {
    r.error = why;
    r.error_offset = at;
    return r;
  };
  detail::time_fields f;
  f.has_time = has_hour_;
  bool pm = false;
  std::size_t at = 0;
  // 1 or 2 digits, as strptime reads them (a spreadsheet writes 8:00 and 12/1)
  auto number = [&](unsigned& out, std::size_t& where) {
    where = at;
    if (at >= s.size() || s[at] < '0' || s[at] > '9') return false;
    out = static_cast<unsigned>(s[at++] - '0');
    if (at < s.size() && s[at] >= '0' && s[at] <= '9') out = out * 10 + static_cast<unsigned>(s[at++] - '0');
    return true;
  };
  std::size_t ignored = 0;
  for (std::size_t k = 0; k < count_; ++k) {
    const token t = tokens_[k];
    switch (t.directive) {
      case 0:
        if (at >= s.size() || s[at] != t.literal) return fail("the text does not match the time layout", at);
        ++at;
        break;
      case 'Y':
        if (!detail::digits(s, at, 4, f.year)) return fail("expected the year as 4 digits", at);
        at += 4;
        break;
      case 'm':
        if (!number(f.month, f.month_at)) return fail("expected the month", at);
        break;
      case 'd':
        if (!number(f.day, f.day_at)) return fail("expected the day", at);
        break;
      case 'H':
        if (!number(f.hour, f.hour_at)) return fail("expected the hour", at);
        break;
      case 'I':
        if (!number(f.hour, f.hour_at)) return fail("expected the hour", at);
        if (f.hour < 1 || f.hour > 12) return fail("hour out of range (1-12 with AM or PM)", f.hour_at);
        break;
      case 'M':
        if (!number(f.minute, f.minute_at)) return fail("expected the minutes", at);
        break;
      case 'S':
        if (!number(f.second, ignored)) return fail("expected the seconds", at);
        break;
      case 'p': {
        auto up = [&](std::size_t i) { return i < s.size() ? static_cast<char>(s[i] & ~0x20) : '\0'; };
        if ((up(at) != 'A' && up(at) != 'P') || up(at + 1) != 'M') return fail("expected AM or PM", at);
        pm = up(at) == 'P';
        at += 2;
        break;
      }
      case 'z': {
        const auto o = parse_utc_offset(s.substr(at));
        if (!o) return fail(o.error, at);
        f.has_offset = true;
        f.offset_minutes = o.minutes;
        at += o.length;
        break;
      }
      default:
        break;
    }
  }
  if (at != s.size()) return fail("unexpected text after the time", at);
  for (std::size_t k = 0; k < count_; ++k)
    if (tokens_[k].directive == 'I') f.hour = f.hour % 12 + (pm ? 12 : 0);
  return detail::make_time(f, assumed_offset);
}

}  // namespace hpa
