#include "hpa/io/national.hpp"

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "hpa/error.hpp"
#include "hpa/io/csv.hpp"
#include "hpa/io/fields.hpp"
#include "hpa/io/input.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/table.hpp"
#include "hpa/io/utf8.hpp"
#include "text.hpp"

namespace hpa::io {

namespace {

// The quantities of a measurement, in the order of the long CSV.
constexpr const char* quantity_names[] = {"aqi",     "pm25", "pm25_24h", "pm10", "pm10_24h", "so2",
                                          "so2_24h", "no2",  "co",       "o3",   "o3_8h"};
constexpr std::size_t quantity_count = sizeof quantity_names / sizeof *quantity_names;
// What each may be: the AQI as published, concentrations in µg/m³, CO in mg/m³.
constexpr number_kind quantity_kinds[] = {
    number_kind::non_negative,     number_kind::concentration, number_kind::concentration, number_kind::concentration,
    number_kind::concentration,    number_kind::concentration, number_kind::concentration, number_kind::concentration,
    number_kind::concentration_mg, number_kind::concentration, number_kind::concentration};
static_assert(std::size(quantity_kinds) == quantity_count);

double* quantity(measurement& m, std::size_t q) {
  double* slots[] = {&m.aqi,       &m.c.pm25, &m.c.pm25_24h, &m.c.pm10, &m.c.pm10_24h, &m.c.so2,
                     &m.c.so2_24h, &m.c.no2,  &m.c.co,       &m.c.o3,   &m.c.o3_8h};
  return slots[q];
}
double quantity(const measurement& m, std::size_t q) {
  const double slots[] = {m.aqi,       m.c.pm25, m.c.pm25_24h, m.c.pm10, m.c.pm10_24h, m.c.so2,
                          m.c.so2_24h, m.c.no2,  m.c.co,       m.c.o3,   m.c.o3_8h};
  return slots[q];
}

// A concentration (or published AQI) of `kind`, NaN when missing. The location for a message is
// built only when there is one to give: most files hold a value in every field.
double value(std::string_view text, const csv_reader& csv, std::uint64_t column, std::string_view what,
             number_kind kind) {
  const auto s = detail::trim(text);
  if (!s.empty() && ((s[0] >= '0' && s[0] <= '9') || s[0] == '.')) {
    double v = 0;
    const auto r = fast_float::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(v) && v <= most_of(kind)) return v;
  }
  return parse_value(text, csv.at(column), what, kind);
}

// The hour of the plan's clock, checked as every timestamp is (years 0001 to 9999).
time_result make_hour(unsigned y, unsigned m, unsigned d, unsigned h) noexcept {
  hpa::detail::time_fields f;
  f.year = y;
  f.month = m;
  f.day = d;
  f.hour = h;
  f.has_time = true;
  return hpa::detail::make_time(f, plan_utc_offset_minutes);
}

hour_t hour_of(unsigned y, unsigned m, unsigned d, unsigned h, const csv_reader& csv, std::uint64_t column) {
  const auto t = make_hour(y, m, d, h);
  if (!t) throw error(csv.at(column), fmt::format("no such hour: {:04}-{:02}-{:02} {:02}:00: {}", y, m, d, h, t.error));
  return t.hour;
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

// Throws the error for a file whose first line is data, naming what the header should be.
[[noreturn]] void missing_header(const csv_reader& csv, const std::string& expected) {
  constexpr std::size_t shown = 3;  // enough fields to recognise the line
  const auto& f = csv.fields();
  std::string line;
  for (std::size_t i = 0; i < f.size() && i < shown; ++i) line += (i ? "," : "") + std::string(f[i]);
  if (f.size() > shown) line += ",…";
  const error missing(location{csv.source(), csv.line(), 0}, "the header is missing: line " +
                                                                 std::to_string(csv.line()) + " is data ('" + line +
                                                                 "'); expected a header " + expected);
  if (f.size() == 12 && parse_time(detail::trim(f[1])).date_only)  // the daily city history files have no header
    throw needs_step(missing.what(), missing_step::convert_daily_city, csv.source());
  throw missing;
}

void read_cnemc(std::istream& in, const std::string& source, std::vector<measurement>& out, const warn_fn& warn) {
  csv_reader csv(in, source, warn);
  if (!csv.next()) throw error(location{source, 0, 0}, "empty input: expected date,hour,type,<sites>");
  const std::vector<std::string> header(csv.fields().begin(), csv.fields().end());
  if (header.size() < 4 || header[0] != "date" || header[1] != "hour" || header[2] != "type") {
    if (looks_like_data(csv.fields())) missing_header(csv, "date,hour,type,<site or city …>");
    throw error(location{source, 1, 0}, "expected a header date,hour,type,<site or city …>");
  }
  for (std::size_t s = 3; s < header.size(); ++s) {
    if (detail::trim(header[s]).empty())
      throw error(location{source, 1, s + 1}, "empty site name in the header: every column after type names a site");
    check_name(header[s], location{source, 1, s + 1});
  }
  static const std::map<std::string, std::size_t, std::less<>> types = {
      {"AQI", 0},     {"PM2.5", 1}, {"PM2.5_24h", 2}, {"PM10", 3}, {"PM10_24h", 4}, {"SO2", 5},
      {"SO2_24h", 6}, {"NO2", 7},   {"CO", 8},        {"O3", 9},   {"O3_8h", 10}};
  // Types the network publishes that hpa does not read; any other is reported, once, at the end.
  static const std::set<std::string, std::less<>> unused_types = {"CO_24h", "NO2_24h", "O3_24h", "O3_8h_24h"};
  struct unknown_type {
    std::uint64_t line = 0, rows = 0;  // its first line, and how many rows it has
  };
  std::map<std::string, unknown_type, std::less<>> unknown;
  // (hour, site) -> row in out: the rows of an hour come together, so the hour's table is kept at hand
  std::unordered_map<hour_t, std::vector<std::size_t>> at;
  constexpr std::size_t none = ~std::size_t{0};
  hour_t current = 0;
  std::vector<std::size_t>* rows_of_hour = nullptr;
  while (csv.next()) {
    const auto& f = csv.fields();
    if (f.size() >= 3 && f[0] == "date" && f[1] == "hour") continue;  // the header of a concatenated file
    csv.expect_fields(header.size());
    const auto date = detail::trimmed(f[0]);
    if (date.size() != 8) throw error(csv.at(1), "expected a date as YYYYMMDD, got " + quote(date));
    const unsigned y = whole(std::string_view(date).substr(0, 4), csv, 1),
                   m = whole(std::string_view(date).substr(4, 2), csv, 1),
                   d = whole(std::string_view(date).substr(6, 2), csv, 1);
    const hour_t h = hour_of(y, m, d, whole(f[1], csv, 2), csv, 2);
    const auto type = detail::trimmed(f[2]);
    auto t = types.find(type);
    if (t == types.end()) {
      if (!unused_types.contains(type)) {
        auto& u = unknown.try_emplace(type, unknown_type{csv.line(), 0}).first->second;
        ++u.rows;
      }
      continue;
    }
    if (!rows_of_hour || h != current) {
      rows_of_hour = &at.try_emplace(h, header.size(), none).first->second;
      current = h;
    }
    for (std::size_t s = 3; s < f.size(); ++s) {
      const double v = value(f[s], csv, s + 1, type, quantity_kinds[t->second]);
      if (std::isnan(v)) continue;
      auto& index = (*rows_of_hour)[s];
      if (index == none) {
        index = out.size();
        measurement& row = out.emplace_back();
        row.station = header[s];
        row.hour = h;
        row.source = source;
        row.line = csv.line();
      }
      double* slot = quantity(out[index], t->second);
      if (!std::isnan(*slot) && *slot != v)
        throw error(csv.at(s + 1), fmt::format("{} {} at {}: {} here, {} before", header[s], type, format_time(h),
                                               format_number(v, 3), format_number(*slot, 3)));
      *slot = v;
    }
  }
  // A warning, not an error: the network adds types over the years, and one hpa does not read
  // should not stop the conversion of years of files; but a type left out without a word could
  // be a pollutant misspelled (pm2.5), and its data would be lost unseen.
  if (!warn) return;
  for (const auto& [type, u] : unknown) {
    std::string known;
    for (const auto& [name, q] : types) known += (known.empty() ? "" : ", ") + name;
    warn(fmt::format("{}:{}:3: unknown type {} left out ({} row{}); the types read are {}", source, u.line, quote(type),
                     u.rows, u.rows == 1 ? "" : "s", known));
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
      if (looks_like_data(csv.fields())) missing_header(csv, expected);
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
  const auto h =
      read_header(csv, "Date,Hour,WatchPoint,AQI,…",
                  {"Date", "Hour", "WatchPoint", "AQI", "PM2.5", "PM10", "CO", "NO2", "O3_1h", "O3_8h", "SO2"},
                  {"PrimaryPollution"});
  const std::pair<std::string_view, std::size_t> quantities[] = {{"AQI", 0}, {"PM2.5", 1}, {"PM10", 3},  {"SO2", 5},
                                                                 {"NO2", 7}, {"CO", 8},    {"O3_1h", 9}, {"O3_8h", 10}};
  const int primary = h.find("PrimaryPollution");
  measurement m;
  while (next_row(csv, h, m)) {
    const auto& f = csv.fields();
    const auto date = detail::trimmed(f[h["Date"]]);
    const auto dc = h["Date"] + 1;
    if (date.size() != 8) throw error(csv.at(dc), "expected a date as YYYYMMDD, got " + quote(date));
    m.hour = hour_of(
        whole(std::string_view(date).substr(0, 4), csv, dc), whole(std::string_view(date).substr(4, 2), csv, dc),
        whole(std::string_view(date).substr(6, 2), csv, dc), whole(f[h["Hour"]], csv, h["Hour"] + 1), csv, dc);
    m.station = detail::trimmed(f[h["WatchPoint"]]);
    check_name(m.station, csv.at(h["WatchPoint"] + 1));
    for (auto [name, q] : quantities) *quantity(m, q) = value(f[h[name]], csv, h[name] + 1, name, quantity_kinds[q]);
    if (primary >= 0 && !is_missing(f[static_cast<std::size_t>(primary)]))
      m.primary = detail::trimmed(f[static_cast<std::size_t>(primary)]);
    out.push_back(std::move(m));
  }
}

void read_uci_csv(std::istream& in, const std::string& source, std::vector<measurement>& out, const warn_fn& warn);

// The UCI files as they come (the header below, no quotes but around whole fields, no blank or
// odd lines): split by hand, past the CSV reader's path for quoted fields. False at anything
// else, a bad value included, with `out` as it was: the CSV reader then reads the text and
// gives the messages.
bool read_uci_plain(std::string_view text, const std::string& source, std::vector<measurement>& out) {
  static constexpr std::string_view header =
      R"("No","year","month","day","hour","PM2.5","PM10","SO2","NO2","CO","O3","TEMP","PRES","DEWP","RAIN","wd","WSPM","station")";
  constexpr std::size_t width = 18;
  const std::size_t kept = out.size();
  auto fail = [&] {
    out.resize(kept);
    return false;
  };
  auto line_of = [&](std::size_t& at) {  // the next line without its end; at moves past it
    const auto nl = text.find('\n', at);
    auto line = text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    at = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  };
  std::size_t at = 0;
  if (line_of(at) != header) return false;
  if (const std::size_t need = kept + text.size() / 64; out.capacity() < need)  // rows are about 70 bytes
    out.reserve(std::max(need, 2 * out.capacity()));
  std::array<std::string_view, width> f;
  for (std::uint64_t line = 2; at < text.size(); ++line) {
    const auto l = line_of(at);
    if (l.empty() || static_cast<unsigned char>(l[0]) == 0xEF) return fail();  // blank, or a byte-order mark
    std::size_t n = 0;
    for (std::size_t from = 0;; ++n) {
      if (n == width) return fail();
      const auto comma = l.find(',', from);
      f[n] = l.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from);
      if (!f[n].empty() && (f[n].front() == '"' || f[n].back() == '"')) {
        if (f[n].size() < 2 || f[n].front() != '"' || f[n].back() != '"') return fail();
        f[n] = f[n].substr(1, f[n].size() - 2);
        if (f[n].find('"') != std::string_view::npos) return fail();
      } else if (f[n].find('"') != std::string_view::npos) {
        return fail();
      }
      if (comma == std::string_view::npos) break;
      from = comma + 1;
    }
    if (n + 1 != width || !is_printable_ascii(f[17])) return fail();  // the station: the CSV reader checks others
    unsigned date[4];
    for (std::size_t i = 0; i < 4; ++i) {
      const auto r = std::from_chars(f[i + 1].data(), f[i + 1].data() + f[i + 1].size(), date[i]);
      if (r.ec != std::errc() || r.ptr != f[i + 1].data() + f[i + 1].size() || f[i + 1].empty()) return fail();
    }
    const auto hour = make_hour(date[0], date[1], date[2], date[3]);
    if (!hour) return fail();
    double v[6];
    for (std::size_t i = 0; i < 6; ++i) {
      const auto t = f[i + 5];
      if (is_missing(t)) {
        v[i] = NAN;
        continue;
      }
      const auto r = fast_float::from_chars(t.data(), t.data() + t.size(), v[i]);
      if (r.ec != std::errc() || r.ptr != t.data() + t.size() || t.empty() ||
          !(v[i] >= 0 && v[i] <= max_concentration_ug))
        return fail();
    }
    measurement& m = out.emplace_back();
    m.source = source;
    m.line = line;
    m.hour = hour.hour;
    m.station = detail::trim(f[17]);
    m.c.pm25 = v[0];
    m.c.pm10 = v[1];
    m.c.so2 = v[2];
    m.c.no2 = v[3];
    m.c.co = v[4] / 1000.0;  // µg/m³ in these files
    m.c.o3 = v[5];
  }
  return true;
}

void read_uci(std::istream& in, const std::string& source, std::vector<measurement>& out, const warn_fn& warn) {
  std::string text(std::istreambuf_iterator<char>(in), {});
  if (in.bad()) throw error(location{source, 0, 0}, "read error");
  if (read_uci_plain(text, source, out)) return;
  std::istringstream again(std::move(text));
  read_uci_csv(again, source, out, warn);
}

void read_uci_csv(std::istream& in, const std::string& source, std::vector<measurement>& out, const warn_fn& warn) {
  csv_reader csv(in, source, warn);
  const auto h = read_header(csv, "No,year,month,day,hour,PM2.5,…,station",
                             {"year", "month", "day", "hour", "PM2.5", "PM10", "SO2", "NO2", "CO", "O3", "station"});
  const std::size_t year = h["year"], month = h["month"], day = h["day"], hour = h["hour"], station = h["station"];
  const std::size_t pm25 = h["PM2.5"], pm10 = h["PM10"], so2 = h["SO2"], no2 = h["NO2"], co = h["CO"], o3 = h["O3"];
  while (csv.next()) {
    csv.expect_fields(h.width);
    const auto& f = csv.fields();
    measurement& m = out.emplace_back();
    m.source = csv.source();
    m.line = csv.line();
    // all in µg/m³, CO too
    auto number = [&](std::size_t i, std::string_view name) {
      return value(f[i], csv, i + 1, name, number_kind::concentration);
    };
    m.hour = hour_of(whole(f[year], csv, year + 1), whole(f[month], csv, month + 1), whole(f[day], csv, day + 1),
                     whole(f[hour], csv, hour + 1), csv, year + 1);
    m.station = detail::trim(f[station]);
    check_name(m.station, csv.at(station + 1));
    m.c.pm25 = number(pm25, "PM2.5");
    m.c.pm10 = number(pm10, "PM10");
    m.c.so2 = number(so2, "SO2");
    m.c.no2 = number(no2, "NO2");
    m.c.co = number(co, "CO") / 1000.0;  // µg/m³ in these files
    m.c.o3 = number(o3, "O3");
  }
}

bool same(const measurement& a, const measurement& b) {
  for (std::size_t q = 0; q < quantity_count; ++q) {
    const double u = quantity(a, q), v = quantity(b, q);
    if (!(std::isnan(u) && std::isnan(v)) && u != v) return false;
  }
  return a.primary == b.primary;
}

std::string cell(double v) { return std::isnan(v) ? std::string() : format_number(v, 3); }

}  // namespace

void read_national(national_format f, std::istream& in, const std::string& source, std::vector<measurement>& out,
                   const warn_fn& warn) {
  switch (f) {
    case national_format::cnemc:
      return read_cnemc(in, source, out, warn);
    case national_format::station:
      return read_station(in, source, out, warn);
    case national_format::uci:
      return read_uci(in, source, out, warn);
  }
}

void sort_and_merge(std::vector<measurement>& rows, const warn_fn& warn) {
  auto before = [](const measurement& a, const measurement& b) {
    const int c = a.station.compare(b.station);
    return c != 0 ? c < 0 : a.hour < b.hour;
  };
  // Files of one station each, in time order, given in the order of their stations are sorted
  // already; else the order is found on small keys and the rows are moved once.
  bool sorted = true, repeats = false;
  for (std::size_t i = 1; i < rows.size() && sorted; ++i) {
    sorted = !before(rows[i], rows[i - 1]);
    repeats |= rows[i].hour == rows[i - 1].hour && rows[i].station == rows[i - 1].station;
  }
  if (sorted && !repeats) return;
  if (!sorted) {
    // The stations ranked by name, the rows counted into their station's place in file order,
    // then each station's rows by hour: the stable sort by (station, hour), with the names
    // compared once per station rather than once per comparison.
    std::unordered_map<std::string_view, std::uint32_t> id;
    std::vector<std::uint32_t> row_station(rows.size());
    std::vector<std::string_view> names;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto [it, fresh] = id.try_emplace(rows[i].station, static_cast<std::uint32_t>(names.size()));
      if (fresh) names.push_back(rows[i].station);
      row_station[i] = it->second;
    }
    std::vector<std::uint32_t> by_name(names.size()), rank(names.size());
    for (std::uint32_t k = 0; k < by_name.size(); ++k) by_name[k] = k;
    std::sort(by_name.begin(), by_name.end(), [&](std::uint32_t a, std::uint32_t b) { return names[a] < names[b]; });
    for (std::uint32_t r = 0; r < by_name.size(); ++r) rank[by_name[r]] = r;
    std::vector<std::size_t> start(names.size() + 1, 0);
    for (auto st : row_station) ++start[rank[st] + 1];
    for (std::size_t r = 1; r <= names.size(); ++r) start[r] += start[r - 1];
    std::vector<std::uint32_t> order(rows.size());
    {
      auto next = start;
      for (std::uint32_t i = 0; i < rows.size(); ++i) order[next[rank[row_station[i]]]++] = i;
    }
    for (std::size_t r = 0; r < names.size(); ++r) {
      const auto from = order.begin() + static_cast<std::ptrdiff_t>(start[r]),
                 to = order.begin() + static_cast<std::ptrdiff_t>(start[r + 1]);
      auto by_hour = [&](std::uint32_t a, std::uint32_t b) { return rows[a].hour < rows[b].hour; };
      if (!std::is_sorted(from, to, by_hour)) std::stable_sort(from, to, by_hour);
    }
    // row k takes row order[k]: moved in place, cycle by cycle (order[k] = k once done)
    for (std::size_t k = 0; k < rows.size(); ++k) {
      if (order[k] == k) continue;
      measurement held = std::move(rows[k]);
      std::size_t j = k;
      for (;;) {
        const std::size_t from = order[j];
        order[j] = static_cast<std::uint32_t>(j);
        if (from == k) {
          rows[j] = std::move(held);
          break;
        }
        rows[j] = std::move(rows[from]);
        j = from;
      }
    }
  }
  std::size_t kept = 0;  // rows[0, kept) are the rows kept so far, in place
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto& r = rows[i];
    if (kept > 0 && rows[kept - 1].station == r.station && rows[kept - 1].hour == r.hour) {
      const auto& k = rows[kept - 1];
      if (!same(k, r))
        throw error(fmt::format("{}:{}: {} at {} differs from {}:{}", r.source, r.line, r.station, format_time(r.hour),
                                k.source, k.line));
      if (warn)
        warn(fmt::format("{}:{}: duplicate of {}:{} ({} at {}), dropped", r.source, r.line, k.source, k.line, r.station,
                         format_time(r.hour)));
      continue;
    }
    if (kept != i) rows[kept] = std::move(r);
    ++kept;
  }
  rows.resize(kept);
}

std::string measurement_csv_header() {
  std::string s = "station,time,primary";
  for (const char* q : quantity_names) s += std::string(",") + q;
  return s + "\n";
}

std::string measurement_csv_row(const measurement& m) {
  std::string s;
  s.reserve(96);
  s += csv_field(m.station);
  s += ',';
  s += format_time(m.hour);
  s += ',';
  s += csv_field(m.primary);
  number_text number;  // cell(v), without its cost: a file has millions of them
  for (std::size_t q = 0; q < quantity_count; ++q) {
    s += ',';
    s += number(quantity(m, q), 3);
  }
  s += '\n';
  return s;
}

namespace {
// The columns of the long concentration CSV: station, time, then the quantities in order.
std::vector<known_column> concentration_columns() {
  std::vector<known_column> c = {{"station"}, {"time"}, {"primary"}};
  for (const char* q : quantity_names) c.push_back({q});
  c[3 + 1].aliases = {"pm2.5"};  // pm25
  c.push_back({"sites"});        // an area's hour: how many sites it stands on (read, not used)
  // the other published statistics, known so that a near name is not taken for a typing slip of
  // so2_24h (read, not used: the statistics come from the hourly values)
  for (const char* published : {"no2_24h", "co_24h", "o3_max_1h"}) c.push_back({published});
  return c;
}
}  // namespace

concentration_reader::concentration_reader(std::istream& in, std::string source, warn_fn warn)
    : csv_(in, std::move(source), warn) {
  if (!csv_.next())
    throw error(location{csv_.source(), 0, 0},
                "empty input: expected a header such as station,time,pm25,pm10,so2,no2,co,o3");
  if (looks_like_data(csv_.fields())) missing_header(csv_, "such as station,time,pm25,pm10,so2,no2,co,o3");
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
    check_name(m.station, csv_.at(static_cast<std::uint64_t>(station_) + 1));
  }
  const auto ts = detail::trimmed(f[static_cast<std::size_t>(time_)]);
  const auto t = parse_time(ts);
  if (!t || t.date_only)
    throw error(csv_.at(static_cast<std::uint64_t>(time_) + 1),
                std::string(t ? "expected an hour" : t.error) + ", got " + quote(ts));
  m.hour = t.hour;
  if (primary_ >= 0) m.primary = detail::trimmed(f[static_cast<std::size_t>(primary_)]);
  for (std::size_t q = 0; q < quantity_count; ++q)
    if (const int c = quantity_column_[q]; c >= 0)
      *quantity(m, q) = value(f[static_cast<std::size_t>(c)], csv_, static_cast<std::uint64_t>(c) + 1,
                              quantity_names[q], quantity_kinds[q]);
  return true;
}

// ---- daily city files -------------------------------------------------------------------------

namespace {

// The columns of a daily city file, which has no header.
enum daily_city_column : std::size_t {
  dc_city,
  dc_date,
  dc_aqi,
  dc_range,
  dc_category,
  dc_pm25,
  dc_pm10,
  dc_so2,
  dc_co,
  dc_no2,
  dc_o3,
  dc_rank,
  dc_width
};

bool same_day(const daily_city_row& a, const daily_city_row& b) {
  const double x[] = {a.aqi, a.pm25_24h, a.pm10_24h, a.so2_24h, a.no2_24h, a.co_24h, a.o3_max_1h};
  const double y[] = {b.aqi, b.pm25_24h, b.pm10_24h, b.so2_24h, b.no2_24h, b.co_24h, b.o3_max_1h};
  for (std::size_t i = 0; i < std::size(x); ++i)
    if (!(std::isnan(x[i]) && std::isnan(y[i])) && x[i] != y[i]) return false;
  return true;
}

}  // namespace

void read_daily_city(std::istream& in, const std::string& source, std::vector<daily_city_row>& out,
                     const warn_fn& warn) {
  csv_reader csv(in, source, warn);
  bool first = true;
  while (csv.next()) {
    const auto& f = csv.fields();
    const auto date = detail::trimmed(f.size() > dc_date ? f[dc_date] : std::string_view());
    const auto t = parse_time(date);
    if (first && !(t && t.date_only) && !looks_like_data(f))
      throw error(csv.at(),
                  "line 1 looks like a header, but daily city files have none "
                  "(city,date,AQI,range,category,PM2.5,PM10,SO2,CO,NO2,O3,rank)");
    first = false;
    csv.expect_fields(dc_width);
    if (!t || !t.date_only)
      throw error(csv.at(dc_date + 1),
                  std::string(t ? "expected a date, not an hour" : t.error) + ", got '" + date + "'");
    daily_city_row d;
    d.city = detail::trimmed(f[dc_city]);
    check_name(d.city, csv.at(dc_city + 1), "a city name");
    d.day = t.hour;
    constexpr auto ug = number_kind::concentration;
    d.aqi = value(f[dc_aqi], csv, dc_aqi + 1, "AQI", number_kind::non_negative);
    d.pm25_24h = value(f[dc_pm25], csv, dc_pm25 + 1, "PM2.5", ug);
    d.pm10_24h = value(f[dc_pm10], csv, dc_pm10 + 1, "PM10", ug);
    d.so2_24h = value(f[dc_so2], csv, dc_so2 + 1, "SO2", ug);
    d.co_24h = value(f[dc_co], csv, dc_co + 1, "CO", number_kind::concentration_mg);
    d.no2_24h = value(f[dc_no2], csv, dc_no2 + 1, "NO2", ug);
    d.o3_max_1h = value(f[dc_o3], csv, dc_o3 + 1, "O3", ug);
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
      if (warn)
        warn(fmt::format("{}:{}: duplicate of {}:{} ({} on {}), dropped", r.source, r.line, k.source, k.line, r.city,
                         day));
      continue;
    }
    kept.push_back(std::move(r));
  }
  rows = std::move(kept);
}

std::string daily_city_csv_header() { return "station,date,aqi,pm25_24h,pm10_24h,so2_24h,no2_24h,co_24h,o3_max_1h\n"; }

std::string daily_city_csv_row(const daily_city_row& d) {
  return csv_field(d.city) + "," + format_time(d.day).substr(0, 10) + "," + cell(d.aqi) + "," + cell(d.pm25_24h) + "," +
         cell(d.pm10_24h) + "," + cell(d.so2_24h) + "," + cell(d.no2_24h) + "," + cell(d.co_24h) + "," +
         cell(d.o3_max_1h) + "\n";
}

// ---- daily concentrations (HJ 663 calendar days) ----------------------------------------------

namespace {
// Per HJ 663 statistic, in the order of hj663_item: the value column hpa writes, its other
// spelling, the count column, and what a message calls it.
struct daily_column {
  const char* value;
  const char* alias;
  const char* count;
  const char* what;
  number_kind kind;
};
constexpr daily_column daily_columns[] = {
    {"pm25_24h", "pm25", "pm25_hours", "PM2.5 24 h mean", number_kind::concentration},
    {"pm10_24h", "pm10", "pm10_hours", "PM10 24 h mean", number_kind::concentration},
    {"so2_24h", "so2", "so2_hours", "SO2 24 h mean", number_kind::concentration},
    {"no2_24h", "no2", "no2_hours", "NO2 24 h mean", number_kind::concentration},
    {"co_24h", "co", "co_hours", "CO 24 h mean", number_kind::concentration_mg},
    {"o3_8h_max", "o3_8h", "o3_8h_windows", "O3 daily maximum 8 h mean", number_kind::concentration}};
static_assert(std::size(daily_columns) == hj663_item_count);
}  // namespace

const std::vector<std::string>& daily_concentration_columns() {
  static const std::vector<std::string> c = [] {
    std::vector<std::string> names = {"station", "date"};
    for (const auto& d : daily_columns) {
      names.emplace_back(d.value);
      names.emplace_back(d.count);
    }
    return names;
  }();
  return c;
}

std::vector<field> daily_concentration_fields(const std::string& station, std::int64_t day, const day_concentrations& v,
                                              const day_counts& n) {
  constexpr int ug_decimals = 2, mg_decimals = 3;  // CO is in mg/m³: a thousandth is a µg/m³
  std::vector<field> f = {field::string(station), field::string(format_date(day * 24))};
  for (std::size_t p = 0; p < hj663_item_count; ++p) {
    f.push_back(
        field::number(v[p], daily_columns[p].kind == number_kind::concentration_mg ? mg_decimals : ug_decimals));
    f.push_back(field::integer(n[p]));
  }
  return f;
}

daily_concentration_reader::daily_concentration_reader(std::istream& in, std::string source, warn_fn warn)
    : csv_(in, std::move(source), warn) {
  if (!csv_.next())
    throw error(location{csv_.source(), 0, 0}, "empty input: expected a header such as station,date,pm25_24h");
  if (looks_like_data(csv_.fields()))
    missing_header(csv_, "such as station,date,pm25_24h,pm10_24h,so2_24h,no2_24h,co_24h");
  std::vector<known_column> known = {{"station"}, {"date"}};
  for (const auto& d : daily_columns) known.push_back({d.value, {d.alias}});
  for (const auto& d : daily_columns) known.push_back({d.count});
  for (const char* written_beside : {"aqi", "o3_max_1h"}) known.push_back({written_beside});
  const header_map h(csv_, known, unknown_columns::warn, warn);
  width_ = h.width();
  station_ = h[0];
  date_ = h[1];
  for (std::size_t p = 0; p < hj663_item_count; ++p) {
    value_[p] = h[2 + p];
    count_[p] = h[2 + hj663_item_count + p];
  }
  if (date_ < 0) throw h.missing("'date'");
}

bool daily_concentration_reader::next(daily_concentration_row& r) {
  if (!csv_.next()) return false;
  const auto& f = csv_.fields();
  csv_.expect_fields(width_);
  r = daily_concentration_row{};
  r.source = csv_.source();
  r.line = csv_.line();
  if (station_ >= 0) {
    r.station = detail::trimmed(f[static_cast<std::size_t>(station_)]);
    check_name(r.station, csv_.at(static_cast<std::uint64_t>(station_) + 1));
  }
  const auto ds = detail::trimmed(f[static_cast<std::size_t>(date_)]);
  const auto t = parse_time(ds);
  if (!t || !t.date_only)
    throw error(csv_.at(static_cast<std::uint64_t>(date_) + 1),
                std::string(t ? "expected a date" : t.error) + ", got " + quote(ds));
  r.day = hpa::day_of(t.hour);
  for (std::size_t p = 0; p < hj663_item_count; ++p) {
    const int v = value_[p], n = count_[p];
    r.values[p] = v < 0 ? NAN
                        : value(f[static_cast<std::size_t>(v)], csv_, static_cast<std::uint64_t>(v) + 1,
                                daily_columns[p].what, daily_columns[p].kind);
    r.counts[p] =
        n < 0 || is_missing(f[static_cast<std::size_t>(n)])
            ? -1
            : static_cast<int>(parse_number(f[static_cast<std::size_t>(n)], csv_.at(static_cast<std::uint64_t>(n) + 1),
                                            daily_columns[p].count));
  }
  return true;
}

}  // namespace hpa::io
