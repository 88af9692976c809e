#pragma once
// Reads an AQI CSV into one pipeline per station, on several cores when the input is a file
// grouped by station: each part is read by its own thread into its own station table. Any
// doubt (an error, a warning, a station found in two parts) and the file is read again on one
// core, so messages and results are always those of the plain sequential reading.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <thread>
#include <string>
#include <vector>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/split.hpp"
#include "hpa/io/station_table.hpp"

namespace hpa::io {

template <class Sink>
struct station_results {
  using entry = typename station_table<Sink>::entry;
  std::vector<std::unique_ptr<station_table<Sink>>> tables;
  series_kind kind = series_kind::hourly;
  /// How the daily AQI was made when the input held concentrations (aqi_reader::method).
  std::optional<daily_aqi_method> method;

  /// Every station of every part, by name.
  std::vector<entry*> sorted() const {
    std::vector<entry*> all;
    for (const auto& t : tables) {
      auto s = t->sorted();
      all.insert(all.end(), s.begin(), s.end());
    }
    std::sort(all.begin(), all.end(), [](const entry* a, const entry* b) { return a->name < b->name; });
    return all;
  }
  const rule_set& rules() const { return tables.front()->rules(); }
};

struct read_options {
  std::string path;            ///< "" or "-": read `stream` instead
  std::istream* stream = nullptr;
  std::string source;          ///< the name in messages
  unsigned threads = 1;
  warn_fn warn;
  std::vector<std::string> quiet_columns;  ///< columns to ignore without a warning (see header_map)
  std::function<void(std::uint64_t rows, bool done)> progress;  ///< now and then, and once done
};

template <class Sink, class Make>
station_results<Sink> read_stations(const read_options& o, const profile& p, Make make) {
  std::atomic<std::uint64_t> rows{0};
  auto read_one = [&](std::istream& in, warn_fn warn, station_results<Sink>& out) {
    aqi_reader reader(in, o.source, p, warn, o.quiet_columns);
    out.kind = reader.kind();
    out.method = reader.method();
    out.tables.push_back(std::make_unique<station_table<Sink>>(p, reader.kind(), o.source, make, warn));
    auto& table = *out.tables.back();
    aqi_record r;
    std::uint64_t n = 0;
    while (reader.next(r)) {
      table.feed(r);
      if ((++n & 0xFFFF) == 0) rows += 0x10000;
    }
    table.finish();
  };
  auto sequential = [&] {
    station_results<Sink> out;
    if (o.path.empty() || o.path == "-") {
      read_one(*o.stream, o.warn, out);
      return out;
    }
    std::ifstream in(o.path, std::ios::binary);
    if (!in) throw error(o.path + ": cannot open");
    read_one(in, o.warn, out);
    return out;
  };
  auto with_progress = [&](auto&& run) {
    auto job = std::async(std::launch::async, run);
    while (job.wait_for(std::chrono::milliseconds(250)) != std::future_status::ready) o.progress(rows.load(), false);
    o.progress(rows.load(), true);
    return job.get();
  };

  const auto parts = (o.threads > 1 && !o.path.empty() && o.path != "-")
                         ? split_by_station(o.path, o.threads) : std::vector<file_part>{};
  if (parts.size() < 2) return o.progress ? with_progress(sequential) : sequential();

  struct part_result {
    station_results<Sink> out;
    std::vector<std::string> warnings;
    std::exception_ptr failed;
  };
  std::vector<part_result> results(parts.size());
  auto parallel = [&] {
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < parts.size(); ++i)
      threads.emplace_back([&, i] {
        try {
          part_stream in(o.path, parts[i]);
          read_one(in, [&, i](const std::string& w) { results[i].warnings.push_back(w); }, results[i].out);
        } catch (...) {
          results[i].failed = std::current_exception();
        }
      });
    for (auto& t : threads) t.join();
    return true;
  };
  o.progress ? with_progress(parallel) : parallel();

  bool clean = true;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < results.size() && clean; ++i) {
    clean = !results[i].failed && (i == 0 || results[i].warnings.empty());
    for (const auto& t : results[i].out.tables)
      for (auto* e : t->sorted()) clean = clean && seen.insert(e->name).second;
  }
  if (!clean) return o.progress ? with_progress(sequential) : sequential();
  if (o.warn)
    for (const auto& w : results[0].warnings) o.warn(w);
  station_results<Sink> out;
  out.kind = results[0].out.kind;
  out.method = results[0].out.method;
  for (auto& r : results)
    for (auto& t : r.out.tables) out.tables.push_back(std::move(t));
  return out;
}

}  // namespace hpa::io
