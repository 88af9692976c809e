#include "hpa/io/aqi_csv.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <cmath>
#include <sstream>

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

// Concentration columns: the AQI can be computed from them (hpa-aqi), so an input that has them
// and no AQI value is not a mistake of the same kind as one that has neither.
constexpr std::string_view concentration_names[] = {"pm25", "pm2.5", "pm10", "so2", "no2", "co", "o3",
                                                    "pm25_24h", "pm10_24h", "so2_24h", "no2_24h", "co_24h", "o3_8h"};

std::string joined(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ",") + n;
  return s;
}

// A field that reads as a number or a time: a line of data, not a header.
bool looks_like_data(const std::vector<std::string_view>& fields, const input_layout& layout) {
  for (auto f : fields) {
    const auto s = trim(f);
    if (s.empty()) continue;
    double v = 0;
    const auto r = fast_float::from_chars(s.data(), s.data() + s.size(), v);
    if ((r.ec == std::errc() && r.ptr == s.data() + s.size()) || parse_time(s) || layout.time.parse(s)) return true;
  }
  return false;
}

// "a daily", "an hourly": what a header's time column makes of a series (a rolling daily AQI
// is hourly rows).
const char* a_series(series_kind k) { return k == series_kind::daily ? "a daily" : "an hourly"; }

// The start of a line, to recognise it in a message.
std::string line_start(const std::vector<std::string_view>& f) {
  constexpr std::size_t shown = 3;
  std::string line;
  for (std::size_t i = 0; i < f.size() && i < shown; ++i) line += (i ? "," : "") + std::string(f[i]);
  if (f.size() > shown) line += ",…";
  return quote(line);
}
}  // namespace

aqi_reader::aqi_reader(std::istream& in, std::string source, const profile& p, warn_fn warn,
                       std::span<const std::string> quiet_columns)
    : p_(&p), warn_(std::move(warn)), quiet_(quiet_columns.begin(), quiet_columns.end()) {
  if (const auto* chain = dynamic_cast<const input_chain*>(&in)) {
    parts_ = chain->parts();
    layout_ = chain->layout();
  } else {
    parts_.push_back({&in, std::move(source)});
  }
  if (parts_.empty()) throw error("no input");
  fast_time_ = !layout_.converts_time();
  open_part(0);
  kind_ = col_.kind;
  if (kind_ == series_kind::daily && layout_.utc_offset_minutes != plan_utc_offset_minutes)
    throw error(location{csv_->source(), 1, 0},
                "a daily series has dates, which are calendar days: no clock converts them (leave out --tz)");
}

// Reads the first line of file k as its header (or takes the layout's columns).
void aqi_reader::open_part(std::size_t k) {
  part_ = k;
  const auto& name = parts_[k].name;
  csv_.emplace(*parts_[k].stream, name, warn_);
  columns col;
  if (layout_.has_header()) {
    if (!csv_->next()) {
      if (csv_->empty_input())
        throw error(location{name, 0, 0}, "empty input: expected a header such as station,time,aqi");
      throw error(location{name, 0, 0}, "no header: expected a header such as station,time,aqi");
    }
    if (looks_like_data(csv_->fields(), layout_))
      throw error(location{name, csv_->line(), 0}, "the header is missing: line " + std::to_string(csv_->line()) +
                                                       " is data (" + line_start(csv_->fields()) +
                                                       "); give a header such as station,time,aqi, or the columns: "
                                                       "--no-header --columns station,time,aqi");
    std::vector<std::string> names;
    for (auto f : csv_->fields()) names.push_back(lower(trim(f)));
    col = map_header(*csv_, k == 0 || names != header_);  // the same header again: its warnings were given
    header_ = std::move(names);
  } else {
    std::istringstream text(joined(layout_.columns) + "\n");
    csv_reader names(text, "--columns");
    names.next();
    col = map_header(names, k == 0);
    header_.clear();
    for (const auto& c : layout_.columns) header_.push_back(lower(trim(c)));
  }
  if (k > 0 && col.kind != kind_)
    throw error(location{name, 1, 0}, std::string(a_series(col.kind)) + " series after " + a_series(kind_) + " one (" +
                                          parts_[0].name + "): give them to separate runs");
  col_ = col;
}

aqi_reader::columns aqi_reader::map_header(const csv_reader& header, bool warn_unknown) const {
  const header_map h(header, aqi_columns, unknown_columns::warn, warn_unknown ? warn_ : warn_fn{}, quiet_);
  columns c;
  c.width = h.width();
  c.station = h[station_col];
  c.time = h[time_col] >= 0 ? h[time_col] : h[date_col];
  if (h[time_col] >= 0 && h[date_col] >= 0)
    throw error(header.at(static_cast<std::uint64_t>(h[date_col]) + 1), "column 'date' given beside 'time'");
  if (h[date_col] >= 0) c.kind = series_kind::daily;
  c.aqi = h[aqi_col];
  c.high = h[high_col];
  c.low = h[low_col];
  c.origin = h[origin_col];
  c.cause = h[cause_col];
  c.primary = h[primary_col];
  const int daily = h[daily_col];
  if (c.time < 0) throw h.missing("'time' (or 'date' for a daily series)");
  if (daily >= 0 && c.aqi < 0 && c.high < 0) {  // the rolling daily AQI, as hpa-aqi --daily writes it
    if (c.kind == series_kind::daily)
      throw error(location{header.source(), header.line(), 0}, "a 'daily_aqi' column goes with 'time', not 'date'");
    c.kind = series_kind::rolling;
    c.aqi = daily;
  }
  if (c.aqi < 0 && c.high < 0) throw h.missing("'aqi' (or 'aqi_high' for a forecast, or 'daily_aqi')");
  for (std::size_t i = 0; i < h.width(); ++i)
    c.concentrations |= std::find(std::begin(concentration_names), std::end(concentration_names), lower(h.name(i))) !=
                        std::end(concentration_names);
  return c;
}

// The current record is a header, not data: the header again (files joined with cat), skipped;
// or another one, whose columns the rows after it have. False when it is not a header.
bool aqi_reader::header_again() {
  const auto& f = csv_->fields();
  std::vector<std::string> names;
  for (auto x : f) names.push_back(lower(trim(x)));
  const auto here = to_string(location{csv_->source(), csv_->line(), 0});
  if (names == header_) {
    if (warn_)
      warn_(here + (layout_.has_header() ? ": the header again (files joined with cat?), skipped"
                                         : ": a header line, though --no-header says there is none, skipped"));
    return true;
  }
  if (looks_like_data(f, layout_) ||
      std::none_of(names.begin(), names.end(), [](const std::string& n) { return n == "time" || n == "date"; }))
    return false;
  if (!layout_.has_header())
    throw error(location{csv_->source(), csv_->line(), 0},
                "a header line (" + line_start(f) +
                    "), though --no-header says there is none: leave out --no-header and --columns");
  if (warn_) warn_(here + ": another header (files joined with cat?): the rows after it are read by it");
  const auto col = map_header(*csv_, true);
  if (col.kind != kind_)
    throw error(location{csv_->source(), csv_->line(), 0},
                std::string("a header for ") + a_series(col.kind) + " series inside " + a_series(kind_) +
                    " one: give them to separate runs");
  col_ = col;
  header_ = std::move(names);
  return true;
}

double aqi_reader::number(std::string_view text, int column, const char* what) const {
  const auto where = csv_->at(static_cast<std::uint64_t>(column) + 1);
  double v = parse_number(text, where, what);
  if (v > p_->max_aqi) {
    if (!p_->cap_above_max)
      throw error(where, std::string(what) + " " + std::string(trim(text)) + " is above the scale's top of " +
                             format_number(p_->max_aqi) + " (set the profile's cap_above_max to cap it)");
    v = p_->max_aqi;
  }
  return v;
}

// The hour of a row whose timestamp is not on the day of the row before (or not hpa's own).
time_result aqi_reader::parse_hour(std::string_view ts) {
  if (!fast_time_) return layout_.time.parse(ts, layout_.utc_offset_minutes);
  const time_result t = parse_time(ts);
  if (t && !t.has_offset && ts.size() >= 11) {  // an offset may move the hour to another day
    last_day_text_.assign(ts.substr(0, 11));
    last_day_hour_ = t.hour - hpa::detail::floor_mod(t.hour, 24);
  }
  return t;
}

bool aqi_reader::next(aqi_record& r) {
  for (;;) {
    if (!csv_->next()) {
      if (part_ + 1 == parts_.size()) return false;
      open_part(part_ + 1);
      continue;
    }
    if (csv_->unterminated() && warn_)
      warn_(to_string(csv_->at()) + ": the last line has no newline; was the file cut short?");
    const auto& f = csv_->fields();
    if (f.size() != col_.width) {
      if (header_again()) continue;
      throw error(csv_->at(std::min(f.size(), col_.width) + 1),
                  "expected " + std::to_string(col_.width) + " fields, got " + std::to_string(f.size()));
    }
    r.line = csv_->line();
    r.station = col_.station >= 0 ? trim(f[static_cast<std::size_t>(col_.station)]) : std::string_view{};
    if (!r.station.empty()) {
      bool ascii = true;
      for (char c : r.station) ascii &= static_cast<unsigned char>(c) < 0x80;
      if (!ascii) check_utf8(r.station, csv_->at(static_cast<std::uint64_t>(col_.station) + 1));
    } else if (col_.station >= 0) {
      throw error(csv_->at(static_cast<std::uint64_t>(col_.station) + 1), "empty station name");
    }
    const auto ts = trim(f[static_cast<std::size_t>(col_.time)]);
    time_result t;
    if (fast_time_ && ts.size() == 16 && ts.compare(0, 11, last_day_text_, 0, 11) == 0 && ts[13] == ':' &&
        ts[14] == '0' && ts[15] == '0' && ts[11] >= '0' && ts[11] <= '2' && ts[12] >= '0' && ts[12] <= '9' &&
        (ts[11] - '0') * 10 + (ts[12] - '0') < 24)
      t.hour = last_day_hour_ + (ts[11] - '0') * 10 + (ts[12] - '0');  // same day as the last row
    else
      t = parse_hour(ts);
    const auto tcol = static_cast<std::uint64_t>(col_.time) + 1;
    if (!t) {
      if (header_again()) continue;
      if (layout_.time.is_iso()) throw error(csv_->at(tcol), std::string(t.error) + ", got " + quote(ts));
      throw error(csv_->at(tcol), std::string(t.error) + " (" + layout_.time_format + "), got " + quote(ts));
    }
    if (kind_ == series_kind::daily && !t.date_only)
      throw error(csv_->at(tcol), "expected a date (" + (layout_.time.is_iso() ? "YYYY-MM-DD" : layout_.time_format) +
                                      ") in a daily series, got " + quote(ts));
    if (kind_ != series_kind::daily && t.date_only)
      throw error(csv_->at(tcol), "expected an hour (" +
                                      (layout_.time.is_iso() ? "YYYY-MM-DDTHH:MM" : layout_.time_format) +
                                      "), got the date " + quote(ts) + ": use a 'date' column for a daily series");
    r.hour = t.hour;
    r.time_column = tcol;
    r.source = &parts_[part_].name;
    r.concentrations = col_.concentrations;
    r.value = no_value;
    if (col_.high >= 0 && p_->forecast_upper_bound && !is_missing(trim(f[static_cast<std::size_t>(col_.high)])))
      r.value = number(f[static_cast<std::size_t>(col_.high)], col_.high, "aqi_high");
    else if (col_.aqi >= 0 && !is_missing(trim(f[static_cast<std::size_t>(col_.aqi)])))
      r.value = number(f[static_cast<std::size_t>(col_.aqi)], col_.aqi, kind_ == series_kind::rolling ? "daily_aqi" : "aqi");
    if (col_.low >= 0 && !is_missing(trim(f[static_cast<std::size_t>(col_.low)])))
      number(f[static_cast<std::size_t>(col_.low)], col_.low, "aqi_low");  // checked, not used
    r.from = origin::unknown;
    if (col_.origin >= 0) {
      const auto o = lower(trim(f[static_cast<std::size_t>(col_.origin)]));
      if (o == "observed") r.from = origin::observed;
      else if (o == "forecast") r.from = origin::forecast;
      else if (!o.empty())
        throw error(csv_->at(static_cast<std::uint64_t>(col_.origin) + 1),
                    "origin must be 'observed' or 'forecast', got " + quote(o));
    }
    r.gate = cause_gate(*p_, col_.cause >= 0 ? f[static_cast<std::size_t>(col_.cause)] : std::string_view{},
                        col_.primary >= 0 ? f[static_cast<std::size_t>(col_.primary)] : std::string_view{});
    return true;
  }
}

}  // namespace hpa::io
