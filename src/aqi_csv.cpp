#include "hpa/io/aqi_csv.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <cmath>

#include "hpa/io/fields.hpp"
#include "hpa/io/output.hpp"
#include "hpa/levels.hpp"
#include "hpa/rolling.hpp"
#include "text.hpp"

namespace hpa::io {

using detail::lower;
using detail::trim;

namespace {
// The columns of the AQI CSV, in the order of aqi_reader's slots.
const known_column aqi_columns[] = {{"station"},  {"time"},   {"date"},  {"aqi"},   {"aqi_high"},
                                    {"aqi_low"},  {"origin"}, {"cause"}, {"primary", {"primary_pollutant"}},
                                    {"daily_aqi"}};
enum slot { station_col, time_col, date_col, aqi_col, high_col, low_col, origin_col, cause_col, primary_col, daily_col };
}  // namespace

aqi_reader::aqi_reader(std::istream& in, std::string source, const profile& p, warn_fn warn,
                       std::span<const std::string> quiet_columns)
    : csv_(in, std::move(source)), p_(&p), warn_(std::move(warn)) {
  if (!csv_.next()) {
    if (csv_.empty_input())
      throw error(location{csv_.source(), 0, 0}, "empty input: expected a header such as station,time,aqi");
    throw error(location{csv_.source(), 0, 0}, "no header: expected a header such as station,time,aqi");
  }
  const header_map h(csv_, aqi_columns, unknown_columns::warn, warn_, quiet_columns);
  columns_ = h.width();
  station_ = h[station_col];
  time_ = h[time_col] >= 0 ? h[time_col] : h[date_col];
  if (h[time_col] >= 0 && h[date_col] >= 0)
    throw error(csv_.at(static_cast<std::uint64_t>(h[date_col]) + 1), "column 'date' given beside 'time'");
  if (h[date_col] >= 0) kind_ = series_kind::daily;
  aqi_ = h[aqi_col];
  high_ = h[high_col];
  low_ = h[low_col];
  origin_ = h[origin_col];
  cause_ = h[cause_col];
  primary_ = h[primary_col];
  const int daily = h[daily_col];
  if (time_ < 0) throw h.missing("'time' (or 'date' for a daily series)");
  if (daily >= 0 && aqi_ < 0 && high_ < 0) {  // the rolling daily AQI, as hpa-aqi --daily writes it
    if (kind_ == series_kind::daily) throw error(location{csv_.source(), 1, 0}, "a 'daily_aqi' column goes with 'time', not 'date'");
    kind_ = series_kind::rolling;
    aqi_ = daily;
  }
  if (aqi_ < 0 && high_ < 0) throw h.missing("'aqi' (or 'aqi_high' for a forecast, or 'daily_aqi')");
}

double aqi_reader::number(std::string_view text, int column, const char* what) const {
  const auto where = csv_.at(static_cast<std::uint64_t>(column) + 1);
  double v = parse_number(text, where, what);
  if (v > p_->max_aqi) {
    if (!p_->cap_above_max)
      throw error(where, std::string(what) + " " + std::string(trim(text)) + " is above the scale's top of " +
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
  r.value = no_value;
  if (high_ >= 0 && p_->forecast_upper_bound && !is_missing(trim(f[static_cast<std::size_t>(high_)])))
    r.value = number(f[static_cast<std::size_t>(high_)], high_, "aqi_high");
  else if (aqi_ >= 0 && !is_missing(trim(f[static_cast<std::size_t>(aqi_)])))
    r.value = number(f[static_cast<std::size_t>(aqi_)], aqi_, kind_ == series_kind::rolling ? "daily_aqi" : "aqi");
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
  r.gate = cause_gate(*p_, cause_ >= 0 ? f[static_cast<std::size_t>(cause_)] : std::string_view{},
                      primary_ >= 0 ? f[static_cast<std::size_t>(primary_)] : std::string_view{});
  return true;
}

}  // namespace hpa::io
