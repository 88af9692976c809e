#pragma once
// The rules run over the stations of an input: one pipeline per station, fed the rows a reader
// hands over in their order. A row carries what the reader read (an AQI, a forecast's range, its
// origin, cause and primary pollutant); the value it counts as and whether it counts are the
// rules' (forecast_value, §3.2.2; cause_gate, §1.3). Hours must rise within
// a station: a repeated hour with the same value is dropped with a warning, one with another
// value is an error naming both lines, an earlier hour is an error. An input with rows and not
// one AQI value (nor concentrations to compute it from) is an error naming the step that is
// missing, at its end: never "no episode" for data that hold no AQI.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hpa/aqi.hpp"
#include "hpa/cause.hpp"
#include "hpa/error.hpp"
#include "hpa/forecast.hpp"
#include "hpa/number_format.hpp"
#include "hpa/pipeline.hpp"
#include "hpa/profile.hpp"
#include "hpa/time.hpp"

namespace hpa {

/// Where a value comes from, as the input says.
enum class origin : std::uint8_t { unknown, observed, forecast };

/// A row's cause and primary pollutant as read ("" where it gives none).
struct row_texts {
  std::string_view cause, primary;
};

/// One row of an input as read: nothing in it is decided yet.
struct station_row {
  std::string_view station;  ///< "" when the input has no station column
  hour_t hour = 0;           ///< the hour; for a daily series the first hour of the day
  /// The AQI as read, each NaN where the row gives none: the central value and a forecast's range.
  double aqi = no_value, aqi_low = no_value, aqi_high = no_value;
  /// Its cause and primary pollutant as read, null where it gives neither: they live until the
  /// reader's next row (a block of rows keeps its own, station_reader.hpp).
  const row_texts* texts = nullptr;
  std::uint64_t line = 0;
  const std::string* source = nullptr;  ///< the file the row is in, for messages; may be null
  // The small members side by side: a block of rows by time is copied twice (station_reader.hpp).
  std::uint32_t time_column = 0;  ///< 1-based, for messages about the hour
  origin from = origin::unknown;
  bool concentrations = false;  ///< the input has concentration columns (pm25, …): AQI can come from them
  /// The parts of the AQI the value stands on (pollutant_list names them), when the input says:
  /// from concentrations, or a basis column ("PM2.5 PM10 SO2 NO2 CO O3", as hpa-aqi --daily
  /// writes it; O3 stands for both of its statistics).
  std::optional<aqi_parts> basis;

  /// The AQI the row counts as under `p` (§3.2.2, forecast_value); NaN = a missing hour.
  double value(const profile& p) const noexcept { return forecast_value(aqi, aqi_low, aqi_high, p); }
  /// Whether the hour counts toward a warning under `p` (§1.3, cause_gate).
  gate_result gate(const profile& p) const noexcept {
    if (!texts || (texts->cause.empty() && (texts->primary.empty() || p.advisory_pollutants.empty())))
      return {};  // the common case
    return cause_gate(p, texts->cause, texts->primary);
  }
  std::string_view cause() const noexcept { return texts ? texts->cause : std::string_view{}; }
  std::string_view primary() const noexcept { return texts ? texts->primary : std::string_view{}; }
};

/// What a reader takes of the profile: the scale's top (a value above it is an error, or capped
/// where the profile says so) and how concentrations make the AQI (HJ 633: the profile's
/// daily_aqi and min_valid_hours). The rest of the profile is the driver's.
struct aqi_reading {
  double max_aqi;
  bool cap_above_max;
  daily_aqi_method daily_aqi;
  int min_valid_hours;
};
inline aqi_reading aqi_reading_of(const profile& p) noexcept {
  return {p.max_aqi, p.cap_above_max, p.daily_aqi, p.min_valid_hours};
}

/// Receives warnings: "file:line: text".
using warn_fn = std::function<void(const std::string&)>;

/// The stations of one input, each with its pipeline and the sink it reports to.
template <class Sink>
class station_driver {
 public:
  struct entry {
    std::string name;
    Sink sink;
    std::optional<station_pipeline<Sink>> pipe;
    hour_t last = 0;
    double last_value = 0;
    std::uint64_t last_line = 0;
    const std::string* last_source = nullptr;  // the file of last_line, when the reader says
  };

  /// `make(name)` makes each station's sink; `p` must outlive the driver. `source` names the
  /// input in messages where a row does not name its file.
  template <class Make>
  station_driver(const profile& p, series_kind kind, std::string source, Make&& make, warn_fn warn = {})
      : p_(&p),
        rules_(p),
        kind_(kind),
        source_(std::move(source)),
        make_(std::forward<Make>(make)),
        warn_(std::move(warn)) {}
  station_driver(const profile&&, series_kind, std::string, auto&&, warn_fn = {}) = delete;  // would dangle

  void feed(const station_row& r) {
    entry& e = find(r.station);
    const double value = r.value(*p_);
    ++rows_;
    values_ += !std::isnan(value);
    concentrations_ |= r.concentrations;
    if (r.source != source_seen_) {  // for the hint of finish(): one file, or several
      several_sources_ |= source_seen_ != nullptr;
      source_seen_ = r.source;
    }
    if (!e.pipe) {
      e.pipe.emplace(*p_, rules_, r.hour, kind_);
    } else if (r.hour <= e.last) {
      repeated(e, r, value);
      return;
    }
    const hour_t step = kind_ == series_kind::daily ? hours_per_day : 1;
    if (e.last_line && r.hour - e.last - step > hours_per_day && warn_)  // defined: missing hours; said: the hole
      warn_(to_string(here(r)) + ": " + who(e) + "no data for " + std::to_string(r.hour - e.last - step) +
            " h before " + format_time(r.hour) +
            " (missing hours count as missing: windows lose validity, chains break)");
    e.pipe->push(r.hour, value, r.gate(*p_), e.sink);
    e.last = r.hour;
    e.last_value = value;
    e.last_line = r.line;
    e.last_source = r.source;
  }

  /// Rows whose stations are known by number (0 … stations-1), fed station by station, each
  /// station's rows in their order: a station's state stays warm over many of its rows, and each
  /// pipeline sees what feeding row by row gives it. `scratch` is reused from call to call.
  struct grouped_scratch {
    std::vector<std::size_t> counts;
    std::vector<station_row> sorted;
  };
  void feed_grouped(std::span<const station_row> rows, std::span<const std::uint32_t> station, std::size_t stations,
                    grouped_scratch& scratch) {
    auto& counts = scratch.counts;  // a counting sort by station
    counts.assign(stations + 1, 0);
    for (auto s : station) ++counts[s + 1];
    for (std::size_t s = 1; s <= stations; ++s) counts[s] += counts[s - 1];
    scratch.sorted.resize(rows.size());  // moved into place, so that feeding walks memory in order
    for (std::size_t i = 0; i < rows.size(); ++i) scratch.sorted[counts[station[i]]++] = rows[i];
    for (const auto& r : scratch.sorted) feed(r);
  }

  /// The data end for every station. Throws needs_step when rows came and not one held an AQI
  /// value, nor could (no concentration columns): the AQI has yet to be computed.
  void finish() {
    if (rows_ > 0 && values_ == 0 && !concentrations_)
      throw needs_step(source_ + ": no AQI value in " + std::to_string(rows_) + " rows: compute it first",
                       several_sources_ ? missing_step::compute_aqi_each_file : missing_step::compute_aqi, source_);
    for (auto& e : entries_) e->pipe->finish(e->sink);
  }

  /// The stations sorted by name (byte order).
  std::vector<entry*> sorted() {
    std::vector<entry*> v;
    for (auto& e : entries_) v.push_back(e.get());
    std::sort(v.begin(), v.end(), [](const entry* a, const entry* b) { return a->name < b->name; });
    return v;
  }

  const rule_set& rules() const noexcept { return rules_; }

 private:
  location here(const station_row& r) const { return {r.source ? *r.source : source_, r.line, r.time_column}; }
  static std::string who(const entry& e) { return e.name.empty() ? std::string() : "station " + e.name + ": "; }

  // A row at or before the station's last hour: an error, or a repeat that agrees, dropped.
  void repeated(const entry& e, const station_row& r, double value) const {
    if (r.hour < e.last)
      throw error(here(r), who(e) + format_time(r.hour) + " comes after " + format_time(e.last) + " (" +
                               last_line(e, r) + "): sort the rows by station and time");
    const bool same = (std::isnan(value) && std::isnan(e.last_value)) || value == e.last_value;
    if (!same)
      throw error(here(r), who(e) + "two values for " + format_time(r.hour) + ": " + format_number(e.last_value) +
                               " (" + last_line(e, r) + ") and " + format_number(value));
    if (warn_)
      warn_(to_string(here(r)) + ": " + who(e) + "duplicate row for " + format_time(r.hour) + " (same as " +
            last_line(e, r) + "), ignored");
  }

  // "line 5", or "a.csv:5" when the row before came from another file of the input.
  static std::string last_line(const entry& e, const station_row& r) {
    if (e.last_source && r.source && e.last_source != r.source)
      return *e.last_source + ":" + std::to_string(e.last_line);
    return "line " + std::to_string(e.last_line);
  }

  entry& find(std::string_view name) {
    if (last_ && last_->name == name) return *last_;
    auto it = index_.find(std::string(name));
    if (it != index_.end()) return *(last_ = entries_[it->second].get());
    entries_.push_back(
        std::unique_ptr<entry>(new entry{std::string(name), make_(name), std::nullopt, 0, 0, 0, nullptr}));
    index_.emplace(std::string(name), entries_.size() - 1);
    return *(last_ = entries_.back().get());
  }

  const profile* p_;
  rule_set rules_;
  series_kind kind_;
  std::string source_;
  std::function<Sink(std::string_view)> make_;
  warn_fn warn_;
  std::vector<std::unique_ptr<entry>> entries_;
  std::unordered_map<std::string, std::size_t> index_;
  entry* last_ = nullptr;
  std::uint64_t rows_ = 0, values_ = 0;
  bool concentrations_ = false, several_sources_ = false;
  const std::string* source_seen_ = nullptr;
};

}  // namespace hpa
