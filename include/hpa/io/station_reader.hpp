#pragma once
// Reads an AQI CSV into one pipeline per station, on several cores when the input is a file
// grouped by station: each part is read by its own thread into its own station table. Any
// doubt (an error, a warning, a station found in two parts) and the file is read again on one
// core, so messages and results are always those of the plain sequential reading. The parts
// stop at the first doubt and are freed before that second reading: a file whose parts share
// stations (rows ordered by time) costs little more than reading it on one core.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_set>
#include <thread>
#include <string>
#include <vector>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/input.hpp"
#include "hpa/io/split.hpp"
#include "hpa/io/station_table.hpp"

namespace hpa::io {

template <class Sink>
struct station_results {
  using entry = typename station_table<Sink>::entry;
  std::vector<std::unique_ptr<station_table<Sink>>> tables;
  series_kind kind = series_kind::hourly;

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
  input_layout layout;  ///< how the file at `path` is laid out (a `stream` that is an input_chain has its own)
};

namespace detail {

// Which part first held each station: a second part finding one stops the parallel reading.
class station_claims {
 public:
  /// False when another part holds `name` already.
  bool claim(std::string_view name) {
    std::lock_guard lock(mutex_);
    return names_.emplace(name).second;
  }

 private:
  std::mutex mutex_;
  std::unordered_set<std::string> names_;
};

// Thrown inside a part's reading to stop it: its result is not used.
struct part_abandoned {};

// True when the rows around every cut between `parts` look ordered by time, not grouped by
// station: the time never goes back across a cut and has moved on from the first row's. Every
// part would then hold nearly every station, so reading them apart is only extra work.
bool ordered_by_time(const std::string& path, const std::vector<file_part>& parts, const input_layout& layout = {});

// Gives the memory the parts' threads freed back to the system, where the C library keeps it per
// thread (glibc's arenas), so that reading again on one core does not stand on top of it.
void release_free_memory() noexcept;

}  // namespace detail

template <class Sink, class Make>
station_results<Sink> read_stations(const read_options& o, const profile& p, Make make) {
  std::atomic<std::uint64_t> rows{0};
  std::atomic<bool> stop{false};  // a part found a doubt: the others need not go on
  auto read_one = [&](std::istream& file, warn_fn warn, station_results<Sink>& out, auto&& make_sink) {
    std::optional<input_chain> laid_out;  // a file (or a part of one) read in the layout of the options
    if (!dynamic_cast<input_chain*>(&file))
      laid_out.emplace(std::vector<input_chain::part>{{&file, o.source}}, o.layout);
    aqi_reader reader(laid_out ? *laid_out : file, o.source, p, warn, o.quiet_columns);
    out.kind = reader.kind();
    out.tables.push_back(std::make_unique<station_table<Sink>>(p, reader.kind(), o.source, make_sink, warn));
    auto& table = *out.tables.back();
    aqi_record r;
    std::uint64_t n = 0;
    while (reader.next(r)) {
      table.feed(r);
      if ((++n & 0xFFFF) == 0) {
        rows += 0x10000;
        if (stop.load(std::memory_order_relaxed)) throw detail::part_abandoned{};
      }
    }
    table.finish();
  };
  auto sequential = [&] {
    station_results<Sink> out;
    if (o.path.empty() || o.path == "-") {
      read_one(*o.stream, o.warn, out, make);
      return out;
    }
    std::ifstream in(o.path, std::ios::binary);
    if (!in) throw error(o.path + ": cannot open");
    read_one(in, o.warn, out, make);
    return out;
  };
  auto with_progress = [&](auto&& run) {
    auto job = std::async(std::launch::async, run);
    while (job.wait_for(std::chrono::milliseconds(250)) != std::future_status::ready) o.progress(rows.load(), false);
    o.progress(rows.load(), true);
    return job.get();
  };

  // Each part is read after the file's header line: a file without one is read on one core.
  const auto parts = (o.threads > 1 && !o.path.empty() && o.path != "-" && o.layout.has_header())
                         ? split_by_station(o.path, o.threads) : std::vector<file_part>{};
  if (parts.size() < 2 || detail::ordered_by_time(o.path, parts, o.layout))
    return o.progress ? with_progress(sequential) : sequential();

  struct part_result {
    station_results<Sink> out;
    std::vector<std::string> warnings;
    std::exception_ptr failed;
  };
  std::vector<part_result> results(parts.size());
  detail::station_claims claims;
  auto parallel = [&] {
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < parts.size(); ++i)
      threads.emplace_back([&, i] {
        // Part 0's warnings are the sequential reading's first ones; a later part's are not
        // (they would come out of order), so one of them stops the parallel reading too.
        auto doubt = [&] {
          stop = true;
          throw detail::part_abandoned{};
        };
        try {
          part_stream in(o.path, parts[i]);
          read_one(in, [&, i](const std::string& w) {
            if (i > 0) doubt();
            results[i].warnings.push_back(w);
          }, results[i].out, [&](std::string_view name) {
            if (!claims.claim(name)) doubt();
            return make(name);
          });
        } catch (...) {
          stop = true;
          results[i].failed = std::current_exception();
        }
      });
    for (auto& t : threads) t.join();
    return true;
  };
  o.progress ? with_progress(parallel) : parallel();

  const bool clean =
      std::none_of(results.begin(), results.end(), [](const part_result& r) { return r.failed != nullptr; });
  if (!clean) {
    results.clear();  // before reading again: the parts' stations must not stay beside the whole file's
    detail::release_free_memory();
    rows = 0;
    stop = false;
    return o.progress ? with_progress(sequential) : sequential();
  }
  if (o.warn)
    for (const auto& w : results[0].warnings) o.warn(w);
  station_results<Sink> out;
  out.kind = results[0].out.kind;
  for (auto& r : results)
    for (auto& t : r.out.tables) out.tables.push_back(std::move(t));
  return out;
}

}  // namespace hpa::io
