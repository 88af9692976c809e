#include "hpa/io/forecasts.hpp"

#include <set>
#include <tuple>

#include "hpa/error.hpp"
#include "hpa/io/csv.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/utf8.hpp"
#include "text.hpp"

namespace hpa::io {

namespace {

constexpr const char* header_text = "issued_at,station,date (or time),aqi_low,aqi_high (or aqi)";

enum column_index : std::size_t { issued_at, station, date, time, low, high, aqi };
const known_column known[] = {{"issued_at"}, {"station"}, {"date"}, {"time"}, {"aqi_low"}, {"aqi_high"}, {"aqi"}};

}  // namespace

std::map<std::string, std::vector<forecast_row>> read_forecasts(std::istream& in, const std::string& source,
                                                                const profile& p, const warn_fn& warn) {
  csv_reader csv(in, source, warn);
  if (!csv.next())
    throw error(location{source, 0, 0}, std::string("empty forecasts file: expected the header ") + header_text);
  const header_map h(csv, known, unknown_columns::warn, warn);
  if (h[issued_at] < 0) throw h.missing(std::string("'issued_at' (expected ") + header_text + ")");
  if ((h[date] < 0) == (h[time] < 0))
    throw h.missing(std::string("one of 'date' and 'time' (expected ") + header_text + ")");
  if (h[high] < 0 && h[aqi] < 0) throw h.missing(std::string("'aqi_high' or 'aqi' (expected ") + header_text + ")");
  const bool daily = h[date] >= 0;
  std::map<std::string, std::vector<forecast_row>> out;
  std::set<std::tuple<std::string, hour_t, hour_t>> seen;
  while (csv.next()) {
    csv.expect_fields(h.width());
    auto at = [&](std::size_t k) { return csv.at(static_cast<std::uint64_t>(h[k]) + 1); };
    auto field = [&](std::size_t k) {
      return h[k] < 0 ? std::string_view() : csv.fields()[static_cast<std::size_t>(h[k])];
    };
    auto hour = [&](std::size_t k, bool want_date) {
      const auto text = detail::trim(field(k));
      const auto t = parse_time(text);
      if (!t) throw error(at(k), std::string(t.error) + ", got " + quote(text));
      if (want_date && !t.date_only) throw error(at(k), "expected a date (YYYY-MM-DD), got " + quote(text));
      if (!want_date && t.date_only)
        throw error(at(k), "expected an hour such as " + std::string(text) + "T16:00, got the date " + quote(text));
      return t.hour;
    };
    auto value = [&](std::size_t k) {
      if (h[k] < 0) return no_value;
      const double v = parse_value(field(k), at(k), known[k].name);
      if (has_value(v) && v > p.max_aqi)
        throw error(at(k), std::string(known[k].name) + " above the profile's max_aqi " + format_number(p.max_aqi) +
                               ", got " + quote(detail::trim(field(k))));
      return v;
    };
    forecast_row r;
    r.issued_at = hour(issued_at, false);
    r.daily = daily;
    r.hour = hour(daily ? date : time, daily);
    r.low = value(low);
    r.high = value(high);
    r.aqi = value(aqi);
    if (has_value(r.low) && has_value(r.high) && r.low > r.high)
      throw error(at(low), "aqi_low " + format_number(r.low) + " is above aqi_high " + format_number(r.high));
    if (!has_value(forecast_value(r.aqi, r.low, r.high, p)))
      throw error(at(h[high] >= 0 ? high : aqi), "no forecast value (aqi_high, aqi or aqi_low) in this row");
    std::string name;
    if (h[station] >= 0) {
      check_utf8(field(station), at(station));
      name = detail::trimmed(field(station));
    }
    if (!seen.emplace(name, r.issued_at, r.hour).second)
      throw error(at(daily ? date : time), "the same " + std::string(daily ? "day" : "hour") +
                                               " twice in the issue of " + format_time(r.issued_at) +
                                               (name.empty() ? "" : " for " + quote(name)));
    out[name].push_back(r);
  }
  return out;
}

}  // namespace hpa::io
