#pragma once
// Many stations in one file, grouped or interleaved: one pipeline per station, fed in file order.
// Hours must rise within a station: a repeated hour with the same value is dropped with a
// warning, one with another value is an error naming both lines, an earlier hour is an error.
// An input with rows and not one AQI value (nor concentrations to compute it from) is an error
// naming the step that is missing, at its end: never "no episode" for data that hold no AQI.

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/input.hpp"
#include "hpa/io/output.hpp"
#include "hpa/pipeline.hpp"

namespace hpa::io {

template <class Sink>
class station_table {
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

  /// `make(name)` makes each station's sink; `p` must outlive the table.
  template <class Make>
  station_table(const profile& p, series_kind kind, std::string source, Make&& make, warn_fn warn = {})
      : p_(&p), rules_(p), kind_(kind), source_(std::move(source)), make_(std::forward<Make>(make)),
        warn_(std::move(warn)) {}
  station_table(const profile&&, series_kind, std::string, auto&&, warn_fn = {}) = delete;  // would dangle

  void feed(const aqi_record& r) {
    entry& e = find(r.station);
    ++rows_;
    values_ += !std::isnan(r.value);
    concentrations_ |= r.concentrations;
    if (r.source != source_seen_) {  // for the hint of finish(): one file, or several
      several_sources_ |= source_seen_ != nullptr;
      source_seen_ = r.source;
    }
    auto here = [&] { return location{r.source ? *r.source : source_, r.line, r.time_column}; };  // for messages only
    if (!e.pipe) {
      e.pipe.emplace(*p_, rules_, r.hour, kind_);
    } else if (r.hour <= e.last) {
      const std::string who = e.name.empty() ? std::string() : "station " + e.name + ": ";
      if (r.hour < e.last)
        throw error(here(), who + format_time(r.hour) + " comes after " + format_time(e.last) + " (" + last_line(e, r) +
                              "): sort the rows by station and time");
      const bool same = (std::isnan(r.value) && std::isnan(e.last_value)) || r.value == e.last_value;
      if (!same)
        throw error(here(), who + "two values for " + format_time(r.hour) + ": " + format_number(e.last_value) + " (" +
                              last_line(e, r) + ") and " + format_number(r.value));
      if (warn_)
        warn_(to_string(here()) + ": " + who + "duplicate row for " + format_time(r.hour) + " (same as " +
              last_line(e, r) + "), ignored");
      return;
    }
    const hour_t step = kind_ == series_kind::daily ? 24 : 1;
    if (e.last_line && r.hour - e.last - step > 24 && warn_)  // defined: missing hours; said: the hole
      warn_(to_string(here()) + ": " + (e.name.empty() ? "" : "station " + e.name + ": ") +
            "no data for " + std::to_string(r.hour - e.last - step) + " h before " + format_time(r.hour) +
            " (missing hours count as missing: windows lose validity, chains break)");
    e.pipe->push(r.hour, r.value, r.gate, e.sink);
    e.last = r.hour;
    e.last_value = r.value;
    e.last_line = r.line;
    e.last_source = r.source;
  }

  /// The data end for every station. Throws hpa::error when rows came and not one held an AQI
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
  // "line 5", or "a.csv:5" when the row before came from another file of the input.
  static std::string last_line(const entry& e, const aqi_record& r) {
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

}  // namespace hpa::io
