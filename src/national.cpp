#include "hpa/io/national.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "hpa/error.hpp"
#include "hpa/io/csv.hpp"
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

// A number, or NaN for the missing-value spellings of these files.
double value(std::string_view text, const csv_reader& csv, std::uint64_t column) {
  const auto s = detail::trimmed(text);
  if (s.empty() || s == "NA" || s == "NaN" || s == "nan" || s == "—" || s == "-") return NAN;
  double v = 0;
  const auto r = fast_float::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v))
    throw error(csv.at(column), "expected a number, got " + quote(s));
  if (v < 0) throw error(csv.at(column), "a concentration cannot be negative, got " + quote(s));
  return v;
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

void read_cnemc(std::istream& in, const std::string& source, std::vector<measurement>& out) {
  csv_reader csv(in, source);
  if (!csv.next()) throw error(location{source, 0, 0}, "empty input: expected date,hour,type,<sites>");
  const std::vector<std::string> header(csv.fields().begin(), csv.fields().end());
  if (header.size() < 4 || header[0] != "date" || header[1] != "hour" || header[2] != "type")
    throw error(location{source, 1, 0}, "expected a header date,hour,type,<site or city …>");
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
      const double v = value(f[s], csv, s + 1);
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

// The columns of a named header, and the width every row must have.
struct named_header {
  std::map<std::string, std::size_t> col;
  std::size_t width = 0;
};

named_header read_header(csv_reader& csv, const char* expected, std::initializer_list<const char*> required) {
  if (!csv.next()) throw error(location{csv.source(), 0, 0}, std::string("empty input: expected ") + expected);
  named_header h;
  h.width = csv.fields().size();
  for (std::size_t i = 0; i < h.width; ++i) h.col[detail::trimmed(csv.fields()[i])] = i;
  for (const char* c : required)
    if (!h.col.count(c)) throw error(location{csv.source(), 1, 0}, std::string("missing column '") + c + "'");
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

void read_station(std::istream& in, const std::string& source, std::vector<measurement>& out) {
  csv_reader csv(in, source);
  auto h = read_header(csv, "Date,Hour,WatchPoint,AQI,…",
                       {"Date", "Hour", "WatchPoint", "AQI", "PM2.5", "PM10", "CO", "NO2", "O3_1h", "O3_8h", "SO2"});
  auto& col = h.col;
  const std::pair<const char*, std::size_t> map[] = {{"AQI", 0}, {"PM2.5", 1}, {"PM10", 3}, {"SO2", 5}, {"NO2", 7},
                                                     {"CO", 8}, {"O3_1h", 9}, {"O3_8h", 10}};
  measurement m;
  while (next_row(csv, h, m)) {
    const auto& f = csv.fields();
    const auto date = detail::trimmed(f[col["Date"]]);
    const auto dc = col["Date"] + 1;
    if (date.size() != 8) throw error(csv.at(dc), "expected a date as YYYYMMDD, got " + quote(date));
    m.hour = hour_of(whole(std::string_view(date).substr(0, 4), csv, dc), whole(std::string_view(date).substr(4, 2), csv, dc),
                     whole(std::string_view(date).substr(6, 2), csv, dc), whole(f[col["Hour"]], csv, col["Hour"] + 1), csv, dc);
    m.station = detail::trimmed(f[col["WatchPoint"]]);
    check_utf8(m.station, csv.at(col["WatchPoint"] + 1));
    for (auto [name, q] : map) *quantity(m, q) = value(f[col[name]], csv, col[name] + 1);
    if (col.count("PrimaryPollution")) {
      m.primary = detail::trimmed(f[col["PrimaryPollution"]]);
      if (m.primary == "NaN") m.primary.clear();
    }
    out.push_back(std::move(m));
  }
}

void read_uci(std::istream& in, const std::string& source, std::vector<measurement>& out) {
  csv_reader csv(in, source);
  auto h = read_header(csv, "No,year,month,day,hour,PM2.5,…,station",
                       {"year", "month", "day", "hour", "PM2.5", "PM10", "SO2", "NO2", "CO", "O3", "station"});
  auto& col = h.col;
  measurement m;
  while (next_row(csv, h, m)) {
    const auto& f = csv.fields();
    m.hour = hour_of(whole(f[col["year"]], csv, col["year"] + 1), whole(f[col["month"]], csv, col["month"] + 1),
                     whole(f[col["day"]], csv, col["day"] + 1), whole(f[col["hour"]], csv, col["hour"] + 1), csv,
                     col["year"] + 1);
    m.station = detail::trimmed(f[col["station"]]);
    m.c.pm25 = value(f[col["PM2.5"]], csv, col["PM2.5"] + 1);
    m.c.pm10 = value(f[col["PM10"]], csv, col["PM10"] + 1);
    m.c.so2 = value(f[col["SO2"]], csv, col["SO2"] + 1);
    m.c.no2 = value(f[col["NO2"]], csv, col["NO2"] + 1);
    m.c.co = value(f[col["CO"]], csv, col["CO"] + 1) / 1000.0;  // µg/m³ in these files
    m.c.o3 = value(f[col["O3"]], csv, col["O3"] + 1);
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

void read_national(national_format f, std::istream& in, const std::string& source, std::vector<measurement>& out) {
  switch (f) {
    case national_format::cnemc: return read_cnemc(in, source, out);
    case national_format::station: return read_station(in, source, out);
    case national_format::uci: return read_uci(in, source, out);
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
  for (std::size_t q = 0; q < quantity_count; ++q) s += "," + cell(*quantity(x, q));
  return s + "\n";
}

concentration_reader::concentration_reader(std::istream& in, std::string source, warn_fn warn) : csv_(in, std::move(source)) {
  if (!csv_.next()) throw error(location{csv_.source(), 0, 0}, "empty input: expected a header such as station,time,pm25,pm10,so2,no2,co,o3");
  for (std::size_t i = 0; i < csv_.fields().size(); ++i) {
    std::string name = detail::lower(detail::trim(csv_.fields()[i]));
    if (name == "pm2.5") name = "pm25";
    int q = -1;
    for (std::size_t k = 0; k < quantity_count; ++k)
      if (name == quantity_names[k]) q = static_cast<int>(k);
    if (name == "station") station_ = static_cast<int>(i);
    else if (name == "time") time_ = static_cast<int>(i);
    else if (name == "primary") q = 100;
    else if (q < 0 && warn) warn(to_string(csv_.at(i + 1)) + ": ignoring column " + quote(name));
    column_.push_back(q);
  }
  if (time_ < 0) throw error(location{csv_.source(), 1, 0}, "missing column 'time'");
}

bool concentration_reader::next(measurement& m) {
  if (!csv_.next()) return false;
  const auto& f = csv_.fields();
  csv_.expect_fields(column_.size());
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
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (column_[i] == 100) m.primary = detail::trimmed(f[i]);
    else if (column_[i] >= 0) *quantity(m, static_cast<std::size_t>(column_[i])) = value(f[i], csv_, i + 1);
  }
  return true;
}

}  // namespace hpa::io
