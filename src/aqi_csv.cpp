#include "hpa/io/aqi_csv.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "hpa/aqi_series.hpp"

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
const known_column aqi_columns[] = {{"station"},
                                    {"time"},
                                    {"date"},
                                    {"aqi"},
                                    {"aqi_high"},
                                    {"aqi_low"},
                                    {"origin"},
                                    {"cause"},
                                    {"primary", {"primary_pollutant"}},
                                    {"daily_aqi"},
                                    {"basis"},
                                    // concentrations: the hourly values, in the order of conc_value
                                    {"pm25", {"pm2.5"}},
                                    {"pm10"},
                                    {"so2"},
                                    {"no2"},
                                    {"co"},
                                    {"o3"},
                                    // beside them, not used: published statistics, an area's sites
                                    {"pm25_24h"},
                                    {"pm10_24h"},
                                    {"so2_24h"},
                                    {"no2_24h"},
                                    {"co_24h"},
                                    {"o3_8h"},
                                    {"sites"},
                                    // what else hpa writes beside an AQI or concentrations, not used: the
                                    // daily city files' O3 (hpa-convert), the daily means' (hpa-aqi --daily-means)
                                    {"o3_max_1h"},
                                    {"o3_8h_max"},
                                    {"pm25_hours"},
                                    {"pm10_hours"},
                                    {"so2_hours"},
                                    {"no2_hours"},
                                    {"co_hours"},
                                    {"o3_8h_windows"}};
enum slot {
  station_col,
  time_col,
  date_col,
  aqi_col,
  high_col,
  low_col,
  origin_col,
  cause_col,
  primary_col,
  daily_col,
  basis_col,
  first_conc_col,
  first_beside_col = first_conc_col + 6,
  sites_col = first_beside_col + 6,
  end_col = sites_col + 1 + 8
};
static_assert(end_col == std::size(aqi_columns));

// The known columns of a series read as AQI: the AQI columns, and those hpa writes beside them,
// read without a word; an hourly pollutant (pm25 …) beside an AQI is not used, and says so.
const std::vector<known_column>& aqi_known_columns() {
  static const std::vector<known_column> c = [] {
    std::vector<known_column> v(std::begin(aqi_columns), std::begin(aqi_columns) + first_conc_col);
    v.insert(v.end(), std::begin(aqi_columns) + first_beside_col, std::end(aqi_columns));
    return v;
  }();
  return c;
}
enum conc_value { pm25, pm10, so2, no2, co, o3 };

std::int64_t& value_of(concentrations_milli& c, std::size_t v) {
  std::int64_t* slots[] = {&c.pm25, &c.pm10, &c.so2, &c.no2, &c.co, &c.o3};
  return *slots[v];
}

// The primary pollutants of a set of parts as hpa-aqi writes them ("PM10 PM2.5"), for the cause
// gate: the same text whether the AQI came through hpa-aqi or straight from concentrations.
std::string_view primary_text(aqi_parts primary) {
  static const auto texts = [] {
    std::array<std::string, 1u << aqi_part_count> t;
    for (std::size_t m = 0; m < t.size(); ++m)
      for (std::size_t p = 0; p < aqi_part_count; ++p)
        if (m & (1u << p)) {
          if (!t[m].empty()) t[m] += ' ';
          t[m] += aqi_part_names[p];
        }
    return t;
  }();
  return texts[primary & ((1u << aqi_part_count) - 1)];
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
// A number, not a missing value: the common case is told by its first byte.
bool starts_with_digit(std::string_view s) { return !s.empty() && is_digit(s.front()); }

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

// The concentration columns of the input and each station's series.
struct aqi_reader::concentrations_in {
  std::array<int, 6> column{};  // the field of each conc_value, -1 = absent
  daily_aqi_method method = daily_aqi_method::mean_of_hourly_aqi;
  int min_valid = 0;  // the profile's min_valid_hours, set as the reader opens

  struct station {
    concentration_series series;
    concentrations_milli last;  // the row of the last hour, for a repeat
    double last_value = no_value;
    std::string_view last_primary;  // a static text (primary_text)
    std::optional<aqi_parts> last_basis;
    std::uint64_t last_line = 0;
  };
  struct name_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::unique_ptr<station>, name_hash, std::equal_to<>> stations;
  station* last = nullptr;
  std::string_view last_name;  // a view of the key of `last`

  // The hours a row gives (those of a gap its window covers, then its own), returned one by one.
  struct hour_value {
    hour_t hour;
    double value;
    aqi_parts basis;
    std::string_view cause, primary;
  };
  std::vector<hour_value> waiting;
  std::size_t next_waiting = 0;
  aqi_record row;  // the row they come from

  station& find(std::string_view name) {
    if (last && last_name == name) return *last;
    auto it = stations.find(name);
    if (it == stations.end())
      it = stations
               .emplace(std::string(name), std::make_unique<station>(station{
                                               concentration_series(method, min_valid), {}, no_value, {}, {}, 0}))
               .first;
    last_name = it->first;
    return *(last = it->second.get());
  }
  bool pop(aqi_record& r, row_texts& texts) {
    if (next_waiting == waiting.size()) return false;
    const auto& h = waiting[next_waiting++];
    r = row;
    r.hour = h.hour;
    r.aqi = h.value;
    r.basis = h.basis;
    texts = {h.cause, h.primary};
    r.texts = &texts;
    return true;
  }
};

aqi_reader::~aqi_reader() = default;
aqi_reader::aqi_reader(aqi_reader&&) noexcept = default;

std::optional<daily_aqi_method> aqi_reader::method() const noexcept {
  return conc_ ? std::optional(conc_->method) : std::nullopt;
}

aqi_reader::aqi_reader(std::istream& in, std::string source, aqi_reading how, warn_fn warn,
                       std::span<const std::string> quiet_columns)
    : how_(how), warn_(std::move(warn)), quiet_(quiet_columns.begin(), quiet_columns.end()) {
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
  if (col_.from_concentrations) {
    conc_ = std::make_unique<concentrations_in>();
    conc_->method = how_.daily_aqi;
    conc_->min_valid = std::clamp(how_.min_valid_hours, 1, daily_window_hours);
  } else if (kind_ == series_kind::hourly && how_.daily_aqi == daily_aqi_method::aqi_of_mean_concentration && warn_) {
    warn_(csv_->source() +
          ": the profile's daily_aqi is aqi_of_mean_concentration, but the input holds AQI, not "
          "concentrations: the daily AQI is the mean of the hourly AQI");
  }
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
  if (k > 0 && col.from_concentrations != (conc_ != nullptr))
    throw error(location{name, 1, 0}, std::string(col.from_concentrations ? "concentrations" : "AQI") + " after " +
                                          (conc_ ? "concentrations" : "AQI") + " (" + parts_[0].name +
                                          "): give them to separate runs");
  if (k > 0 && col.kind != kind_)
    throw error(location{name, 1, 0}, std::string(a_series(col.kind)) + " series after " + a_series(kind_) + " one (" +
                                          parts_[0].name + "): give them to separate runs");
  col_ = col;
}

aqi_reader::columns aqi_reader::map_header(const csv_reader& header, bool warn_unknown) const {
  // Concentrations decide when an hourly file has all six, or some and no AQI column: a stray
  // pm25 beside an aqi column is another column, ignored with a warning as any other.
  const header_map probe(header, aqi_columns, unknown_columns::ignore);
  int pollutants = 0;
  for (std::size_t v = 0; v < 6; ++v) pollutants += probe[first_conc_col + v] >= 0;
  // any concentration column, the 24 h ones too: the AQI can be computed from them (hpa-aqi), so
  // an input that has them and no AQI value is not a mistake of the same kind as one that has neither
  bool any_concentration = false;
  for (std::size_t k = first_conc_col; k < sites_col; ++k) any_concentration |= probe[k] >= 0;
  const bool from_concentrations =
      probe[date_col] < 0 &&
      (pollutants == 6 || (pollutants > 0 && probe[aqi_col] < 0 && probe[high_col] < 0 && probe[daily_col] < 0));
  const header_map h(header, from_concentrations ? std::span<const known_column>(aqi_columns) : aqi_known_columns(),
                     unknown_columns::warn, warn_unknown ? warn_ : warn_fn{}, quiet_);
  columns c;
  c.concentrations = any_concentration;
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
  c.basis = h[basis_col];
  const int daily = h[daily_col];
  if (c.time < 0) throw h.missing("'time' (or 'date' for a daily series)");
  if (from_concentrations) {  // they decide: the AQI columns beside them are not used
    c.from_concentrations = true;
    for (std::size_t v = 0; v < 6; ++v) c.conc[v] = h[first_conc_col + v];
    c.kind = series_kind_of(how_.daily_aqi);
    c.aqi = c.high = c.low = c.primary = c.basis = -1;
    return c;
  }
  if (daily >= 0 && c.aqi < 0 && c.high < 0) {  // the rolling daily AQI, as hpa-aqi --daily writes it
    if (c.kind == series_kind::daily)
      throw error(location{header.source(), header.line(), 0}, "a 'daily_aqi' column goes with 'time', not 'date'");
    c.kind = series_kind::rolling;
    c.aqi = daily;
  }
  if (c.aqi < 0 && c.high < 0) throw h.missing("'aqi' (or 'aqi_high' for a forecast, or 'daily_aqi')");
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
    throw error(location{csv_->source(), csv_->line(), 0}, std::string("a header for ") + a_series(col.kind) +
                                                               " series inside " + a_series(kind_) +
                                                               " one: give them to separate runs");
  if (col.from_concentrations != (conc_ != nullptr))
    throw error(location{csv_->source(), csv_->line(), 0},
                std::string("a header for ") + (col.from_concentrations ? "concentrations" : "AQI") + " inside " +
                    (conc_ ? "concentrations" : "AQI") + ": give them to separate runs");
  col_ = col;
  header_ = std::move(names);
  return true;
}

double aqi_reader::number(std::string_view text, int column, const char* what) const {
  // The common case, a whole AQI of up to four digits, without building a location for messages.
  if (!text.empty() && text.size() <= 4) {
    unsigned v = 0;
    bool digits = true;
    for (char c : text) {
      digits &= is_digit(c);
      v = v * 10 + static_cast<unsigned>(c - '0');
    }
    if (digits && v <= how_.max_aqi) return v;
  }
  const auto where = csv_->at(static_cast<std::uint64_t>(column) + 1);
  double v = parse_number(text, where, what);
  if (v > how_.max_aqi) {
    if (!how_.cap_above_max)
      throw error(where, std::string(what) + " " + std::string(trim(text)) + " is above the scale's top of " +
                             format_number(how_.max_aqi) + " (set the profile's cap_above_max to cap it)");
    v = how_.max_aqi;
  }
  return v;
}

// The hour of a row whose timestamp is not on the day of the row before (or not hpa's own).
time_result aqi_reader::parse_hour(std::string_view ts) {
  if (!fast_time_) return layout_.time.parse(ts, layout_.utc_offset_minutes);
  const time_result t = parse_time(ts);
  if (t && !t.has_offset && ts.size() >= 11) {  // an offset may move the hour to another day
    last_day_text_.assign(ts.substr(0, 11));
    last_day_hour_ = day_start(t.hour);
  }
  return t;
}

bool aqi_reader::next(aqi_record& r) {
  if (conc_ && conc_->pop(r, texts_)) return true;
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
      if (!is_printable_ascii(r.station)) check_name(r.station, csv_->at(static_cast<std::uint64_t>(col_.station) + 1));
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
    r.time_column = static_cast<std::uint32_t>(tcol);  // a column: far below 2^32
    r.source = &parts_[part_].name;
    r.concentrations = col_.concentrations;
    const auto read = [&](int column, const char* what) {  // NaN where the column is absent or empty
      if (column < 0) return no_value;
      const auto text = f[static_cast<std::size_t>(column)];
      return starts_with_digit(text) || !is_missing(trim(text)) ? number(text, column, what) : no_value;
    };
    r.aqi = read(col_.aqi, kind_ == series_kind::rolling ? "daily_aqi" : "aqi");
    r.aqi_high = read(col_.high, "aqi_high");
    r.aqi_low = read(col_.low, "aqi_low");
    r.from = origin::unknown;
    if (col_.origin >= 0) {
      const auto o = lower(trim(f[static_cast<std::size_t>(col_.origin)]));
      if (o == "observed")
        r.from = origin::observed;
      else if (o == "forecast")
        r.from = origin::forecast;
      else if (!o.empty())
        throw error(csv_->at(static_cast<std::uint64_t>(col_.origin) + 1),
                    "origin must be 'observed' or 'forecast', got " + quote(o));
    }
    const auto cause = col_.cause >= 0 ? f[static_cast<std::size_t>(col_.cause)] : std::string_view{};
    if (conc_) return next_concentrations(r, cause);
    r.basis =
        col_.basis >= 0 ? std::optional(read_basis(f[static_cast<std::size_t>(col_.basis)], col_.basis)) : std::nullopt;
    texts_ = {cause, col_.primary >= 0 ? f[static_cast<std::size_t>(col_.primary)] : std::string_view{}};
    r.texts = texts_.cause.empty() && texts_.primary.empty() ? nullptr : &texts_;
    return true;
  }
}

aqi_parts aqi_reader::read_basis(std::string_view text, int column) const {
  static constexpr std::pair<std::string_view, aqi_parts> names[] = {
      {"PM2.5", part_bit(aqi_part::pm25)}, {"PM10", part_bit(aqi_part::pm10)}, {"SO2", part_bit(aqi_part::so2)},
      {"NO2", part_bit(aqi_part::no2)},    {"CO", part_bit(aqi_part::co)},     {"O3", part_bit(aqi_part::o3)}};
  aqi_parts parts = 0;
  for (auto rest = trim(text); !rest.empty();) {
    const auto word = rest.substr(0, rest.find(' '));
    rest = trim(rest.substr(word.size()));
    const auto* it = std::find_if(std::begin(names), std::end(names), [&](const auto& n) { return n.first == word; });
    if (it == std::end(names))
      throw error(csv_->at(static_cast<std::uint64_t>(column) + 1),
                  "basis names the pollutants PM2.5 PM10 SO2 NO2 CO O3, got " + quote(word));
    parts |= it->second;
  }
  return parts;
}

namespace {
// A concentration of `kind` in thousandths, -1 when missing: whole numbers and up to three
// decimals exactly, anything else (and anything near the bound of `kind`) through the one number
// parser and its messages, rounded to the nearest thousandth.
std::int64_t thousandths(std::string_view text, const csv_reader& csv, int column, const char* what, number_kind kind) {
  const char *p = text.data(), *e = p + text.size();
  if (p == e) return -1;
  std::int64_t whole = 0;
  int digits = 0;
  for (; p < e && is_digit(*p) && digits < 12; ++p, ++digits) whole = whole * 10 + (*p - '0');
  std::int64_t frac = 0, scale = 1000;
  if (p < e && *p == '.' && digits > 0)
    for (++p; p < e && is_digit(*p) && scale > 1; ++p) frac = frac * 10 + (*p - '0'), scale /= 10;
  if (p == e && digits > 0 && static_cast<double>(whole) < most_of(kind)) return whole * 1000 + frac * scale;
  const double v = parse_value(text, csv.at(static_cast<std::uint64_t>(column) + 1), what, kind);
  return std::isnan(v) ? -1 : hpa::detail::thousandths(v);
}
}  // namespace

bool aqi_reader::next_concentrations(aqi_record& r, std::string_view cause) {
  static const char* const names[] = {"pm25", "pm10", "so2", "no2", "co", "o3"};
  auto& in = *conc_;
  const auto& f = csv_->fields();
  r.aqi_low = r.aqi_high = no_value;  // the AQI comes from the concentrations alone
  concentrations_milli c;
  for (std::size_t v = 0; v < 6; ++v)
    if (const int col = col_.conc[v]; col >= 0)
      value_of(c, v) = thousandths(f[static_cast<std::size_t>(col)], *csv_, col, names[v],
                                   v == co ? number_kind::concentration_mg : number_kind::concentration);
  auto& st = in.find(r.station);
  if (st.series.started() && r.hour < st.series.next_hour()) {
    // A repeated hour or one out of order: the station table that takes the record decides, on
    // the value of that hour (a repeat that agrees is dropped with a warning).
    const bool repeat = r.hour + 1 == st.series.next_hour();
    const bool same = c.pm25 == st.last.pm25 && c.pm10 == st.last.pm10 && c.so2 == st.last.so2 &&
                      c.no2 == st.last.no2 && c.co == st.last.co && c.o3 == st.last.o3;
    if (repeat && !same)
      throw error(location{csv_->source(), r.line, r.time_column},
                  (r.station.empty() ? std::string() : "station " + std::string(r.station) + ": ") + "two rows for " +
                      format_time(r.hour) + " with other concentrations (line " + std::to_string(st.last_line) + ")");
    r.aqi = repeat ? st.last_value : no_value;
    texts_ = {cause, repeat ? st.last_primary : std::string_view{}};
    r.texts = &texts_;
    r.basis = repeat ? st.last_basis : std::nullopt;
    return true;
  }
  in.waiting.clear();
  in.next_waiting = 0;
  st.series.push(r.hour, c, [&](hour_t h, const aqi_breakdown& b) {
    // a cause is the row's; the hours of a gap before it have none
    const double value = b.aqi >= 0 ? static_cast<double>(b.aqi) : no_value;
    const auto hour_cause = h == r.hour ? cause : std::string_view{};
    if (h == r.hour && in.waiting.empty()) {  // the common case: the row's own hour alone
      r.aqi = value;
      r.basis = b.counted;
      texts_ = {hour_cause, primary_text(b.primary)};
      r.texts = &texts_;
    } else {
      in.waiting.push_back({h, value, b.counted, hour_cause, primary_text(b.primary)});
    }
  });
  st.last = c;
  st.last_line = r.line;
  if (in.waiting.empty()) {
    st.last_value = r.aqi;
    st.last_primary = texts_.primary;
    st.last_basis = r.basis;
    return true;
  }
  st.last_value = in.waiting.back().value;
  st.last_primary = in.waiting.back().primary;
  st.last_basis = in.waiting.back().basis;
  in.row = r;
  return in.pop(r, texts_);
}

}  // namespace hpa::io
