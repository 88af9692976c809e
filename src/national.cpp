#include "hpa/io/national.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "hpa/error.hpp"
#include "hpa/io/csv.hpp"
#include "hpa/io/fields.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/utf8.hpp"
#include "text.hpp"

namespace hpa::io {

namespace {

// The quantities of a measurement, in the order of the long CSV.
constexpr const char* quantity_names[] = {"aqi", "pm25", "pm25_24h", "pm10", "pm10_24h", "so2", "so2_24h",
                                          "no2", "co", "o3", "o3_8h"};
constexpr std::size_t quantity_count = sizeof quantity_names / sizeof *quantity_names;

double* quantity(measurement& m, std::size_t q) {
  double* slots[] = {&m.aqi, &m.c.pm25, &m.c.pm25_24h, &m.c.pm10, &m.c.pm10_24h, &m.c.so2, &m.c.so2_24h,
                     &m.c.no2, &m.c.co, &m.c.o3, &m.c.o3_8h};
  return slots[q];
}

// A concentration (or published AQI), NaN when missing.
double value(std::string_view text, const csv_reader& csv, std::uint64_t column, std::string_view what) {
  return parse_value(text, csv.at(column), what);
}

hour_t hour_of(unsigned y, unsigned m, unsigned d, unsigned h, const csv_reader& csv, std::uint64_t column) {
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m) || h > 23)
    throw error(csv.at(column), fmt::format("no such hour: {:04}-{:02}-{:02} {:02}:00", y, m, d, h));
  return days_from_civil(y, m, d) * 24 + h;
}

unsigned whole(std::string_view text, const csv_reader& csv, std::uint64_t column) {
  const auto s = detail::trimmed(text);
  unsigned v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || s.empty())
    throw error(csv.at(column), "expected a whole number, got " + quote(s));
  return v;
}

// A first line with a number or a date in it is data: the file has no header (a daily city
// file, or a header lost when files were cut or joined).
bool looks_like_data(const std::vector<std::string_view>& fields) {
  for (auto f : fields) {
    const auto s = detail::trim(f);
    if (s.empty()) continue;
    double v = 0;
    const auto r = fast_float::from_chars(s.data(), s.data() + s.size(), v);
    if ((r.ec == std::errc() && r.ptr == s.data() + s.size()) || parse_time(s)) return true;
  }
  return false;
}

// The error for a file whose first line is data, naming what the header should be.
error missing_header(const csv_reader& csv, const std::string& expected) {
  constexpr std::size_t shown = 3;  // enough fields to recognise the line
  const auto& f = csv.fields();
  std::string line;
  for (std::size_t i = 0; i < f.size() && i < shown; ++i) line += (i ? "," : "") + std::string(f[i]);
  if (f.size() > shown) line += ",…";
  std::string hint;
  if (f.size() == 12 && parse_time(detail::trim(f[1])).date_only) hint = " (a daily city file? hpa-convert --from daily-city)";
  return error(location{csv.source(), csv.line(), 0},
               "the header is missing: line " + std::to_string(csv.line()) + " is data ('" + line + "'); expected a header " +
                   expected + hint);
}

void read_cnemc(std::istream& in, const std::string& source, std::vector<measurement>& out, const warn_fn& warn) {
  csv_reader csv(in, source, warn);
  if (!csv.next()) throw error(location{source, 0, 0}, "empty input: expected date,hour,type,<sites>");
  const std::vector<std::string> header(csv.fields().begin(), csv.fields().end());
  if (header.size() < 4 || header[0] != "date" || header[1] != "hour" || header[2] != "type") {
    if (looks_like_data(csv.fields())) throw missing_header(csv, "date,hour,type,<site or city …>");
    throw error(location{source, 1, 0}, "expected a header date,hour,type,<site or city …>");
  }
  static const std::map<std::string, std::size_t> types = {
      {"AQI", 0}, {"PM2.5", 1}, {"PM2.5_24h", 2}, {"PM10", 3}, {"PM10_24h", 4}, {"SO2", 5}, {"SO2_24h", 6},
      {"NO2", 7}, {"CO", 8}, {"O3", 9}, {"O3_8h", 10}};
  std::map<std::pair<hour_t, std::size_t>, std::size_t> at;  // (hour, site) -> row in out
  while (csv.next()) {
    const auto& f = csv.fields();
    if (f.size() >= 3 && f[0] == "date" && f[1] == "hour") continue;  // the header of a concatenated file
    csv.expect_fields(header.size());
    const auto date = detail::trimmed(f[0]);
    if (date.size() != 8) throw error(csv.at(1), "expected a date as YYYYMMDD, got " + quote(date));
    const unsigned y = whole(std::string_view(date).substr(0, 4), csv, 1), m = whole(std::string_view(date).substr(4, 2), csv, 1),
                   d = whole(std::string_view(date).substr(6, 2), csv, 1);
    const hour_t h = hour_of(y, m, d, whole(f[1], csv, 2), csv, 2);
    const auto type = detail::trimmed(f[2]);
    auto t = types.find(type);
    if (t == types.end()) continue;  // other types (e.g. O3_24h) are not needed
    for (std::size_t s = 3; s < f.size(); ++s) {
      const double v = value(f[s], csv, s + 1, type);
      if (std::isnan(v)) continue;
      auto [it, fresh] = at.try_emplace({h, s}, out.size());
      if (fresh) {
        measurement row;
        row.station = header[s];
        row.hour = h;
        row.source = source;
        row.line = csv.line();
        out.push_back(row);
      }
      double* slot = quantity(out[it->second], t->second);
      if (!std::isnan(*slot) && *slot != v)
        throw error(csv.at(s + 1), fmt::format("{} {} at {}: {} here, {} before", header[s], type, format_time(h),
                                               format_number(v, 3), format_number(*slot, 3)));
      *slot = v;
    }
  }
}

// A fixed format's header: the columns it must have (`required`) and may have (`optional`), by
// name; the others are left alone.
struct named_header {
  std::vector<std::string_view> names;
  std::vector<int> col;
  std::size_t width = 0;
  int find(std::string_view name) const {
    return col[static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin())];
  }
  std::size_t operator[](std::string_view name) const { return static_cast<std::size_t>(find(name)); }
};

named_header read_header(csv_reader& csv, const char* expected, std::initializer_list<std::string_view> required,
                         std::initializer_list<std::string_view> optional = {}) {
  if (!csv.next()) throw error(location{csv.source(), 0, 0}, std::string("empty input: expected ") + expected);
  named_header h;
  h.names = required;
  h.names.insert(h.names.end(), optional.begin(), optional.end());
  std::vector<known_column> known;
  for (auto name : h.names) known.push_back({name});
  const header_map map(csv, known, unknown_columns::ignore);
  h.width = map.width();
  for (std::size_t k = 0; k < known.size(); ++k) {
    if (map[k] < 0 && k < required.size()) {
      if (looks_like_data(csv.fields())) throw missing_header(csv, expected);
      throw map.missing(fmt::format("'{}'", known[k].name));
    }
    h.col.push_back(map[k]);
  }
  return h;
}

// The next row as an empty measurement of this source and line; false at the end.
bool next_row(csv_reader& csv, const named_header& h, measurement& m) {
  if (!csv.next()) return false;
  csv.expect_fields(h.width);
  m = measurement{};
  m.source = csv.source();
  m.line = csv.line();
  return true;
}

void read_station(std::istream& in, const std::string& source, std::vector<measurement>& out, const warn_fn& warn) {
  csv_reader csv(in, source, warn);
  const auto h = read_header(csv, "Date,Hour,WatchPoint,AQI,…",
                             {"Date", "Hour", "WatchPoint", "AQI", "PM2.5", "PM10", "CO", "NO2", "O3_1h", "O3_8h", "SO2"},
                             {"PrimaryPollution"});
  const std::pair<std::string_view, std::size_t> quantities[] = {{"AQI", 0}, {"PM2.5", 1}, {"PM10", 3}, {"SO2", 5},
                                                                 {"NO2", 7}, {"CO", 8}, {"O3_1h", 9}, {"O3_8h", 10}};
  const int primary = h.find("PrimaryPollution");
  measurement m;
  while (next_row(csv, h, m)) {
    const auto& f = csv.fields();
    const auto date = detail::trimmed(f[h["Date"]]);
    const auto dc = h["Date"] + 1;
    if (date.size() != 8) throw error(csv.at(dc), "expected a date as YYYYMMDD, got " + quote(date));
    m.hour = hour_of(whole(std::string_view(date).substr(0, 4), csv, dc), whole(std::string_view(date).substr(4, 2), csv, dc),
                     whole(std::string_view(date).substr(6, 2), csv, dc), whole(f[h["Hour"]], csv, h["Hour"] + 1), csv, dc);
    m.station = detail::trimmed(f[h["WatchPoint"]]);
    check_utf8(m.station, csv.at(h["WatchPoint"] + 1));
    for (auto [name, q] : quantities) *quantity(m, q) = value(f[h[name]], csv, h[name] + 1, name);
    if (primary >= 0 && !is_missing(f[static_cast<std::size_t>(primary)]))
      m.primary = detail::trimmed(f[static_cast<std::size_t>(primary)]);
    out.push_back(std::move(m));
  }
}

void read_uci(std::istream& in, const std::string& source, std::vector<measurement>& out, const warn_fn& warn) {
  csv_reader csv(in, source, warn);
  const auto h = read_header(csv, "No,year,month,day,hour,PM2.5,…,station",
                             {"year", "month", "day", "hour", "PM2.5", "PM10", "SO2", "NO2", "CO", "O3", "station"});
  measurement m;
  while (next_row(csv, h, m)) {
    const auto& f = csv.fields();
    auto number = [&](std::string_view name) { return value(f[h[name]], csv, h[name] + 1, name); };
    m.hour = hour_of(whole(f[h["year"]], csv, h["year"] + 1), whole(f[h["month"]], csv, h["month"] + 1),
                     whole(f[h["day"]], csv, h["day"] + 1), whole(f[h["hour"]], csv, h["hour"] + 1), csv,
                     h["year"] + 1);
    m.station = detail::trimmed(f[h["station"]]);
    m.c.pm25 = number("PM2.5");
    m.c.pm10 = number("PM10");
    m.c.so2 = number("SO2");
    m.c.no2 = number("NO2");
    m.c.co = number("CO") / 1000.0;  // µg/m³ in these files
    m.c.o3 = number("O3");
    out.push_back(std::move(m));
  }
}

bool same(const measurement& a, const measurement& b) {
  measurement x = a, y = b;
  for (std::size_t q = 0; q < quantity_count; ++q) {
    const double u = *quantity(x, q), v = *quantity(y, q);
    if (!(std::isnan(u) && std::isnan(v)) && u != v) return false;
  }
  return a.primary == b.primary;
}

std::string cell(double v) { return std::isnan(v) ? std::string() : format_number(v, 3); }

}  // namespace

void read_national(national_format f, std::istream& in, const std::string& source, std::vector<measurement>& out,
                   const warn_fn& warn) {
  switch (f) {
    case national_format::cnemc: return read_cnemc(in, source, out, warn);
    case national_format::station: return read_station(in, source, out, warn);
    case national_format::uci: return read_uci(in, source, out, warn);
  }
}

void sort_and_merge(std::vector<measurement>& rows, const warn_fn& warn) {
  std::stable_sort(rows.begin(), rows.end(), [](const measurement& a, const measurement& b) {
    return a.station != b.station ? a.station < b.station : a.hour < b.hour;
  });
  std::vector<measurement> kept;
  kept.reserve(rows.size());
  for (auto& r : rows) {
    if (!kept.empty() && kept.back().station == r.station && kept.back().hour == r.hour) {
      const auto& k = kept.back();
      if (!same(k, r))
        throw error(fmt::format("{}:{}: {} at {} differs from {}:{}", r.source, r.line, r.station, format_time(r.hour),
                                k.source, k.line));
      if (warn) warn(fmt::format("{}:{}: duplicate of {}:{} ({} at {}), dropped", r.source, r.line, k.source, k.line,
                                 r.station, format_time(r.hour)));
      continue;
    }
    kept.push_back(std::move(r));
  }
  rows = std::move(kept);
}

std::string measurement_csv_header() {
  std::string s = "station,time,primary";
  for (const char* q : quantity_names) s += std::string(",") + q;
  return s + "\n";
}

std::string measurement_csv_row(const measurement& m) {
  measurement x = m;
  std::string s = csv_field(m.station) + "," + format_time(m.hour) + "," + csv_field(m.primary);
  for (std::size_t q = 0; q < quantity_count; ++q) {
    s += ',';
    s += cell(*quantity(x, q));
  }
  return s + "\n";
}

namespace {
// The columns of the long concentration CSV: station, time, then the quantities in order.
std::vector<known_column> concentration_columns() {
  std::vector<known_column> c = {{"station"}, {"time"}, {"primary"}};
  for (const char* q : quantity_names) c.push_back({q});
  c[3 + 1].aliases = {"pm2.5"};  // pm25
  c.push_back({"sites"});        // an area's hour: how many sites it stands on (read, not used)
  return c;
}
}  // namespace

concentration_reader::concentration_reader(std::istream& in, std::string source, warn_fn warn)
    : csv_(in, std::move(source), warn) {
  if (!csv_.next()) throw error(location{csv_.source(), 0, 0}, "empty input: expected a header such as station,time,pm25,pm10,so2,no2,co,o3");
  if (looks_like_data(csv_.fields())) throw missing_header(csv_, "such as station,time,pm25,pm10,so2,no2,co,o3");
  const auto known = concentration_columns();
  const header_map h(csv_, known, unknown_columns::warn, warn);
  width_ = h.width();
  station_ = h[0];
  time_ = h[1];
  primary_ = h[2];
  for (std::size_t q = 0; q < quantity_count; ++q) quantity_column_[q] = h[3 + q];
  if (time_ < 0) throw h.missing("'time'");
}

bool concentration_reader::next(measurement& m) {
  if (!csv_.next()) return false;
  const auto& f = csv_.fields();
  csv_.expect_fields(width_);
  m = measurement{};
  m.source = csv_.source();
  m.line = csv_.line();
  if (station_ >= 0) {
    m.station = detail::trimmed(f[static_cast<std::size_t>(station_)]);
    check_utf8(m.station, csv_.at(static_cast<std::uint64_t>(station_) + 1));
  }
  const auto ts = detail::trimmed(f[static_cast<std::size_t>(time_)]);
  const auto t = parse_time(ts);
  if (!t || t.date_only)
    throw error(csv_.at(static_cast<std::uint64_t>(time_) + 1), std::string(t ? "expected an hour" : t.error) + ", got " + quote(ts));
  m.hour = t.hour;
  if (primary_ >= 0) m.primary = detail::trimmed(f[static_cast<std::size_t>(primary_)]);
  for (std::size_t q = 0; q < quantity_count; ++q)
    if (const int c = quantity_column_[q]; c >= 0)
      *quantity(m, q) = value(f[static_cast<std::size_t>(c)], csv_, static_cast<std::uint64_t>(c) + 1, quantity_names[q]);
  return true;
}

// ---- daily city files -------------------------------------------------------------------------

namespace {

// The columns of a daily city file, which has no header.
enum daily_city_column : std::size_t { dc_city, dc_date, dc_aqi, dc_range, dc_category, dc_pm25, dc_pm10, dc_so2,
                                       dc_co, dc_no2, dc_o3, dc_rank, dc_width };

bool same_day(const daily_city_row& a, const daily_city_row& b) {
  const double x[] = {a.aqi, a.pm25_24h, a.pm10_24h, a.so2_24h, a.no2_24h, a.co_24h, a.o3_max_1h};
  const double y[] = {b.aqi, b.pm25_24h, b.pm10_24h, b.so2_24h, b.no2_24h, b.co_24h, b.o3_max_1h};
  for (std::size_t i = 0; i < std::size(x); ++i)
    if (!(std::isnan(x[i]) && std::isnan(y[i])) && x[i] != y[i]) return false;
  return true;
}

}  // namespace

void read_daily_city(std::istream& in, const std::string& source, std::vector<daily_city_row>& out, const warn_fn& warn) {
  csv_reader csv(in, source, warn);
  bool first = true;
  while (csv.next()) {
    const auto& f = csv.fields();
    const auto date = detail::trimmed(f.size() > dc_date ? f[dc_date] : std::string_view());
    const auto t = parse_time(date);
    if (first && !(t && t.date_only) && !looks_like_data(f))
      throw error(csv.at(), "line 1 looks like a header, but daily city files have none "
                             "(city,date,AQI,range,category,PM2.5,PM10,SO2,CO,NO2,O3,rank)");
    first = false;
    csv.expect_fields(dc_width);
    if (!t || !t.date_only)
      throw error(csv.at(dc_date + 1), std::string(t ? "expected a date, not an hour" : t.error) + ", got '" + date + "'");
    daily_city_row d;
    d.city = detail::trimmed(f[dc_city]);
    check_utf8(d.city, csv.at(dc_city + 1));
    d.day = t.hour;
    d.aqi = value(f[dc_aqi], csv, dc_aqi + 1, "AQI");
    d.pm25_24h = value(f[dc_pm25], csv, dc_pm25 + 1, "PM2.5");
    d.pm10_24h = value(f[dc_pm10], csv, dc_pm10 + 1, "PM10");
    d.so2_24h = value(f[dc_so2], csv, dc_so2 + 1, "SO2");
    d.co_24h = value(f[dc_co], csv, dc_co + 1, "CO");
    d.no2_24h = value(f[dc_no2], csv, dc_no2 + 1, "NO2");
    d.o3_max_1h = value(f[dc_o3], csv, dc_o3 + 1, "O3");
    d.source = source;
    d.line = csv.line();
    out.push_back(std::move(d));
  }
}

void sort_and_merge(std::vector<daily_city_row>& rows, const warn_fn& warn) {
  std::stable_sort(rows.begin(), rows.end(), [](const daily_city_row& a, const daily_city_row& b) {
    return a.city != b.city ? a.city < b.city : a.day < b.day;
  });
  std::vector<daily_city_row> kept;
  kept.reserve(rows.size());
  for (auto& r : rows) {
    if (!kept.empty() && kept.back().city == r.city && kept.back().day == r.day) {
      const auto& k = kept.back();
      const auto day = format_time(r.day).substr(0, 10);
      if (!same_day(k, r))
        throw error(fmt::format("{}:{}: {} on {} differs from {}:{}", r.source, r.line, r.city, day, k.source, k.line));
      if (warn) warn(fmt::format("{}:{}: duplicate of {}:{} ({} on {}), dropped", r.source, r.line, k.source, k.line, r.city, day));
      continue;
    }
    kept.push_back(std::move(r));
  }
  rows = std::move(kept);
}

std::string daily_city_csv_header() { return "station,date,aqi,pm25_24h,pm10_24h,so2_24h,no2_24h,co_24h,o3_max_1h\n"; }

std::string daily_city_csv_row(const daily_city_row& d) {
  return csv_field(d.city) + "," + format_time(d.day).substr(0, 10) + "," + cell(d.aqi) + "," + cell(d.pm25_24h) + "," +
         cell(d.pm10_24h) + "," + cell(d.so2_24h) + "," + cell(d.no2_24h) + "," + cell(d.co_24h) + "," + cell(d.o3_max_1h) +
         "\n";
}

}  // namespace hpa::io
