#include "hpa/io/aqi_csv.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <cmath>

#include "hpa/io/output.hpp"
#include "hpa/levels.hpp"
#include "hpa/rolling.hpp"
#include "text.hpp"

namespace hpa::io {

namespace {

using detail::lower;
using detail::trim;

// Optimal string alignment distance: edits plus swaps of neighbours ("tiem" is 1 from "time").
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

// Empty, NA or NaN in any case, as the national exports and the UCI files write it.
bool is_missing(std::string_view s) {
  auto up = [](char c) { return static_cast<char>(c & ~0x20); };
  return s.empty() || (s.size() == 2 && up(s[0]) == 'N' && up(s[1]) == 'A') ||
         (s.size() == 3 && up(s[0]) == 'N' && up(s[1]) == 'A' && up(s[2]) == 'N');
}

}  // namespace

aqi_reader::aqi_reader(std::istream& in, std::string source, const profile& p, warn_fn warn)
    : csv_(in, std::move(source)), p_(&p), warn_(std::move(warn)) {
  if (!csv_.next()) {
    if (csv_.empty_input())
      throw error(location{csv_.source(), 0, 0}, "empty input: expected a header such as station,time,aqi");
    throw error(location{csv_.source(), 0, 0}, "no header: expected a header such as station,time,aqi");
  }
  static constexpr std::string_view known[] = {"station", "time", "date", "aqi", "aqi_high",
                                               "aqi_low", "origin", "cause", "primary", "daily_aqi"};
  const auto& h = csv_.fields();
  columns_ = h.size();
  std::string seen;
  for (std::size_t i = 0; i < h.size(); ++i) {
    const auto name = lower(trim(h[i]));
    seen += (i ? ", " : "") + name;
    int* slot = name == "station" ? &station_ : name == "time" ? &time_ : name == "date" ? &time_
              : name == "aqi" ? &aqi_ : name == "aqi_high" ? &high_ : name == "aqi_low" ? &low_
              : name == "origin" ? &origin_ : name == "cause" ? &cause_
              : name == "primary" || name == "primary_pollutant" ? &primary_
              : name == "daily_aqi" ? &daily_ : nullptr;
    if (!slot) {
      if (name == "category" || name == "valid_hours" || name.rfind("iaqi_", 0) == 0) continue;  // hpa-aqi's own
      for (auto k : known)
        if (edit_distance(name, k) <= (name.size() <= 4 ? 1u : 2u))
          throw error(csv_.at(i + 1), "unknown column " + quote(name) + ": did you mean '" + std::string(k) + "'?");
      if (warn_) warn_(to_string(csv_.at(i + 1)) + ": ignoring column " + quote(name));
      continue;
    }
    if (*slot >= 0) throw error(csv_.at(i + 1), "column '" + name + "' given twice");
    *slot = static_cast<int>(i);
    if (name == "date") kind_ = series_kind::daily;
  }
  auto missing = [&](const char* what) {
    return error(location{csv_.source(), 1, 0},
                 std::string("missing column ") + what + " (the header has: " + printable(seen, 200) + ")");
  };
  for (const auto& a : p.advisory_pollutants) advisory_lower_.push_back(lower(a));  // once, not per row
  if (time_ < 0) throw missing("'time' (or 'date' for a daily series)");
  if (daily_ >= 0 && aqi_ < 0 && high_ < 0) {  // the rolling daily AQI, as hpa-aqi --daily writes it
    if (kind_ == series_kind::daily) throw error(location{csv_.source(), 1, 0}, "a 'daily_aqi' column goes with 'time', not 'date'");
    kind_ = series_kind::rolling;
    aqi_ = daily_;
  }
  if (aqi_ < 0 && high_ < 0) throw missing("'aqi' (or 'aqi_high' for a forecast, or 'daily_aqi')");
}

double aqi_reader::number(std::string_view text, int column, const char* what) const {
  const auto s = trim(text);
  if (!s.empty() && s.size() <= 3) {  // the common case: a whole AQI such as 87 or 215
    unsigned v = 0;
    bool digits = true;
    for (char c : s) {
      digits &= c >= '0' && c <= '9';
      v = v * 10 + static_cast<unsigned>(c - '0');
    }
    if (digits && v <= p_->max_aqi) return v;
  }
  double v = 0;
  const auto r = fast_float::from_chars(s.data(), s.data() + s.size(), v);
  const auto where = csv_.at(static_cast<std::uint64_t>(column) + 1);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size())
    throw error(where, std::string("expected a number for ") + what + ", got " + quote(text));
  if (!std::isfinite(v)) throw error(where, std::string("expected a finite number for ") + what + ", got " + quote(text));
  if (v < 0) throw error(where, std::string(what) + " cannot be negative, got " + quote(text));
  if (v > p_->max_aqi) {
    if (!p_->cap_above_max)
      throw error(where, std::string(what) + " " + std::string(s) + " is above the scale's top of " +
                             format_number(p_->max_aqi) + " (set the profile's cap_above_max to cap it)");
    v = p_->max_aqi;
  }
  return v;
}

bool aqi_reader::next(aqi_record& r) {
  if (!csv_.next()) return false;
  if (csv_.unterminated() && warn_)
    warn_(to_string(csv_.at()) + ": the last line has no newline; was the file cut short?");
  const auto& f = csv_.fields();
  if (f.size() != columns_)
    throw error(csv_.at(std::min(f.size(), columns_) + 1),
                "expected " + std::to_string(columns_) + " fields, got " + std::to_string(f.size()));
  r.line = csv_.line();
  r.station = station_ >= 0 ? trim(f[static_cast<std::size_t>(station_)]) : std::string_view{};
  if (!r.station.empty()) {
    bool ascii = true;
    for (char c : r.station) ascii &= static_cast<unsigned char>(c) < 0x80;
    if (!ascii) check_utf8(r.station, csv_.at(static_cast<std::uint64_t>(station_) + 1));
  } else if (station_ >= 0) {
    throw error(csv_.at(static_cast<std::uint64_t>(station_) + 1), "empty station name");
  }
  const auto ts = trim(f[static_cast<std::size_t>(time_)]);
  time_result t;
  if (ts.size() == 16 && ts.compare(0, 11, last_day_text_, 0, 11) == 0 && ts[13] == ':' &&
      ts[14] == '0' && ts[15] == '0' && ts[11] >= '0' && ts[11] <= '2' && ts[12] >= '0' && ts[12] <= '9' &&
      (ts[11] - '0') * 10 + (ts[12] - '0') < 24) {
    t.hour = last_day_hour_ + (ts[11] - '0') * 10 + (ts[12] - '0');  // same day as the last row
  } else {
    t = parse_time(ts);
    if (t && ts.size() >= 11) {
      last_day_text_.assign(ts.substr(0, 11));
      last_day_hour_ = t.hour - hpa::detail::floor_mod(t.hour, 24);
    }
  }
  const auto tcol = static_cast<std::uint64_t>(time_) + 1;
  if (!t) throw error(csv_.at(tcol), std::string(t.error) + ", got " + quote(ts));
  if (kind_ == series_kind::daily && !t.date_only)
    throw error(csv_.at(tcol), "expected a date (YYYY-MM-DD) in a daily series, got " + quote(ts));
  if (kind_ != series_kind::daily && t.date_only)
    throw error(csv_.at(tcol), "expected an hour (YYYY-MM-DDTHH:MM), got the date " + quote(ts) +
                                   ": use a 'date' column for a daily series");
  r.hour = t.hour;
  r.time_column = tcol;
  r.raw = no_value;
  if (high_ >= 0 && p_->forecast_upper_bound && !is_missing(trim(f[static_cast<std::size_t>(high_)])))
    r.raw = number(f[static_cast<std::size_t>(high_)], high_, "aqi_high");
  else if (aqi_ >= 0 && !is_missing(trim(f[static_cast<std::size_t>(aqi_)])))
    r.raw = number(f[static_cast<std::size_t>(aqi_)], aqi_, kind_ == series_kind::rolling ? "daily_aqi" : "aqi");
  if (low_ >= 0 && !is_missing(trim(f[static_cast<std::size_t>(low_)])))
    number(f[static_cast<std::size_t>(low_)], low_, "aqi_low");  // checked, not used
  r.from = origin::unknown;
  if (origin_ >= 0) {
    const auto o = lower(trim(f[static_cast<std::size_t>(origin_)]));
    if (o == "observed") r.from = origin::observed;
    else if (o == "forecast") r.from = origin::forecast;
    else if (!o.empty())
      throw error(csv_.at(static_cast<std::uint64_t>(origin_) + 1),
                  "origin must be 'observed' or 'forecast', got " + quote(o));
  }
  r.excluded = false;
  r.why = {};
  if (cause_ >= 0) {
    cause_text_ = lower(trim(f[static_cast<std::size_t>(cause_)]));
    if (std::find(p_->excluded_causes.begin(), p_->excluded_causes.end(), cause_text_) != p_->excluded_causes.end()) {
      r.excluded = true;
      r.why = cause_text_;
    }
  }
  if (primary_ >= 0 && !r.excluded) {
    const auto prim = lower(trim(f[static_cast<std::size_t>(primary_)]));
    for (std::size_t k = 0; k < advisory_lower_.size(); ++k)
      if (!advisory_lower_[k].empty() && prim.compare(0, advisory_lower_[k].size(), advisory_lower_[k]) == 0) {
        r.excluded = true;
        r.why = p_->advisory_pollutants[k];
      }
  }
  r.value = r.excluded ? no_value : r.raw;
  return true;
}

}  // namespace hpa::io
