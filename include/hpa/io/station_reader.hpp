#pragma once
// Reads an AQI CSV into one pipeline per station, on several cores when the input is a file
// grouped by station: each part is read by its own thread into its own station table. A file
// whose rows interleave the stations (by time, then station) is read in blocks of rows fed
// station by station, the reading of one block beside the feeding of the one before. Any
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
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/input.hpp"
#include "hpa/io/split.hpp"
#include "hpa/stations.hpp"

namespace hpa::io {

template <class Sink>
struct station_results {
  using entry = typename station_driver<Sink>::entry;
  std::vector<std::unique_ptr<station_driver<Sink>>> tables;
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
  std::string path;  ///< "" or "-": read `stream` instead
  std::istream* stream = nullptr;
  std::string source;  ///< the name in messages
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

/// Rows of an interleaved file held between reading and feeding: enough to keep each station's
/// state warm over many of its rows (1000 stations: 32 hours each), little memory (about 6 MiB a
/// block, two blocks being read and fed at once).
inline constexpr std::size_t interleaved_block_rows = std::size_t{1} << 15;

/// A hash of station names that finds a std::string key from a string_view.
struct name_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// The stations of an interleaved file, numbered as they first come.
class station_numbers {
 public:
  /// The number of station `name`; `last` is the number of the row before. The stations of each
  /// hour come in the same order, mostly: the one that followed `last` the time before is tried first.
  std::uint32_t number(std::string_view name, std::uint32_t last) {
    if (!names_.empty() && *names_[follower_[last]] == name) return follower_[last];
    auto it = ids_.find(name);
    if (it == ids_.end()) {
      it = ids_.emplace(std::string(name), static_cast<std::uint32_t>(names_.size())).first;
      names_.push_back(&it->first);  // the key lives as long as the map
      follower_.push_back(0);
    }
    follower_[last] = it->second;
    return it->second;
  }
  /// The name of station `id`, which lives as long as this.
  const std::string& name(std::uint32_t id) const { return *names_[id]; }
  std::size_t size() const noexcept { return names_.size(); }

 private:
  std::unordered_map<std::string, std::uint32_t, name_hash, std::equal_to<>> ids_;
  std::vector<const std::string*> names_;  // by number
  std::vector<std::uint32_t> follower_;    // the station that came after each one last time
};

// The texts of an interleaved file's rows (cause and primary pollutant) kept for as long as the
// reading, each pair once. They are few: the first ones are found by a look along them, cheaper
// than a key for every row.
class kept_texts {
 public:
  const row_texts* keep(const row_texts* t) {
    if (!t) return nullptr;
    for (const auto* k : first_)
      if (k->cause == t->cause && k->primary == t->primary) return k;
    std::string key = std::to_string(t->cause.size()) + ':';  // the cause's length: no two pairs alike
    key.append(t->cause).append(t->primary);
    auto [it, added] = kept_.try_emplace(std::move(key));
    auto& k = it->second;
    if (added) {
      k.cause.assign(t->cause);
      k.primary.assign(t->primary);
      k.texts = {k.cause, k.primary};
      if (first_.size() < 16) first_.push_back(&k.texts);
    }
    return &k.texts;
  }

 private:
  struct kept {
    std::string cause, primary;
    row_texts texts;  // views of the two above, which stay where they are in the map's node
  };
  std::unordered_map<std::string, kept> kept_;
  std::vector<const row_texts*> first_;  // the first 16 kept
};

// What the blocks keep of their rows' texts: the reader's are gone by the next row.
struct kept_for_blocks {
  station_numbers numbers;
  kept_texts texts;
};

// A block of rows of an interleaved file, each with its station's number.
struct numbered_rows {
  std::vector<aqi_record> rows;
  std::vector<std::uint32_t> station;
  std::size_t stations = 0;  // the stations numbered once the block was read

  /// Reads up to `n` rows of `reader`; false when none was left.
  bool read(aqi_reader& reader, kept_for_blocks& kept, std::size_t n) {
    auto& numbers = kept.numbers;
    rows.clear();
    station.clear();
    aqi_record r;
    std::uint32_t last = 0;
    while (rows.size() < n && reader.next(r)) {
      last = numbers.number(r.station, last);
      r.station = numbers.name(last);
      r.texts = kept.texts.keep(r.texts);
      rows.push_back(r);
      station.push_back(last);
    }
    stations = numbers.size();
    return !rows.empty();
  }
};

// Reads blocks of `reader` into `feed(block)`; with `parallel`, one thread reads the next block
// while another feeds this one. `count` counts the rows read.
template <class Feed>
void read_blocks(aqi_reader& reader, bool parallel, std::atomic<std::uint64_t>& count, Feed feed) {
  kept_for_blocks kept;
  numbered_rows a, b;
  auto read = [&](numbered_rows& block) {
    const bool any = block.read(reader, kept, interleaved_block_rows);
    count += block.rows.size();
    return any;
  };
  if (!parallel) {
    while (read(a)) feed(a);
    return;
  }
  std::future<void> feeding;
  try {
    while (read(a)) {
      if (feeding.valid()) feeding.get();
      std::swap(a, b);
      feeding = std::async(std::launch::async, feed, std::ref(b));
    }
  } catch (...) {
    if (feeding.valid()) feeding.wait();
    throw;
  }
  if (feeding.valid()) feeding.get();
}

// Rows by time, then station: fed row by row, the driver would jump to a cold station at every
// row. Each block of rows is fed station by station (station_driver::feed_grouped), so each
// pipeline sees what the plain reading gives it. Messages could come in another order across
// stations: false, with `out` to be dropped, on any message (the caller reads plainly then).
// With `parallel`, one thread reads the next block while another feeds this one.
template <class Sink, class Make>
bool read_interleaved(const read_options& o, const profile& p, Make& make, bool parallel,
                      std::atomic<std::uint64_t>& count, station_results<Sink>& out) {
  std::ifstream in(o.path, std::ios::binary);
  if (!in) return false;
  std::mutex m;
  bool said = false;
  const warn_fn note = [&](const std::string&) {
    std::lock_guard lock(m);
    said = true;
  };
  try {
    input_chain laid_out({{&in, o.source}}, o.layout);
    aqi_reader reader(laid_out, o.source, aqi_reading_of(p), note, o.quiet_columns);
    out.kind = reader.kind();
    out.method = reader.method();
    out.tables.push_back(std::make_unique<station_driver<Sink>>(p, reader.kind(), o.source, make, note));
    auto& driver = *out.tables.back();
    typename station_driver<Sink>::grouped_scratch scratch;
    read_blocks(reader, parallel, count,
                [&](numbered_rows& block) { driver.feed_grouped(block.rows, block.station, block.stations, scratch); });
    driver.finish();
  } catch (...) {
    return false;
  }
  return !said;
}

// One reading of an input into station tables: plainly, by interleaved blocks, or by parts on
// several threads, counting the rows for the progress line. The profile is the drivers' (each
// station's rules), handed through to them.
template <class Sink, class Make>
class station_reading {
 public:
  station_reading(const read_options& o, Make& make) : o_(o), make_(make) {}

  /// `run()` with the progress line updated beside it, when the options ask for one.
  template <class Run>
  auto watched(Run run) {
    if (!o_.progress) return run();
    std::future<decltype(run())> job;
    try {
      job = std::async(std::launch::async, run);
    } catch (const std::system_error&) {  // no thread to spare (a process limit): the work, without the line
      auto out = run();
      o_.progress(rows_.load(), true);
      return out;
    }
    while (job.wait_for(std::chrono::milliseconds(250)) != std::future_status::ready) o_.progress(rows_.load(), false);
    o_.progress(rows_.load(), true);
    return job.get();
  }

  /// The whole input, row after row, on this thread.
  station_results<Sink> plain(const profile& p) {
    station_results<Sink> out;
    if (o_.path.empty() || o_.path == "-") {
      read_one(*o_.stream, o_.warn, out, make_, p);
      return out;
    }
    std::ifstream in(o_.path, std::ios::binary);
    if (!in) throw error(o_.path + ": cannot open");
    read_one(in, o_.warn, out, make_, p);
    return out;
  }

  /// Rows by time, then station, in blocks (read_interleaved); nullopt where a plain reading must decide.
  std::optional<station_results<Sink>> interleaved(const profile& p) {
    station_results<Sink> out;
    if (!read_interleaved(o_, p, make_, o_.threads > 1, rows_, out)) return std::nullopt;
    return out;
  }

  /// The file's parts, each on a thread of its own; nullopt on any doubt (an error, a later part's
  /// warning, a station in two parts), the parts freed, for a plain reading to decide.
  std::optional<station_results<Sink>> by_parts(const std::vector<file_part>& parts, const profile& p) {
    struct part_result {
      station_results<Sink> out;
      std::vector<std::string> warnings;
      std::exception_ptr failed;
    };
    std::vector<part_result> results(parts.size());
    station_claims claims;
    auto read_part = [&](std::size_t i) {
      // Part 0's warnings are the plain reading's first ones; a later part's are not (they would
      // come out of order), so one of them stops the parallel reading too.
      auto doubt = [&] {
        stop_ = true;
        throw part_abandoned{};
      };
      try {
        part_stream in(o_.path, parts[i]);
        read_one(
            in,
            [&, i](const std::string& w) {
              if (i > 0) doubt();
              results[i].warnings.push_back(w);
            },
            results[i].out,
            [&](std::string_view name) {
              if (!claims.claim(name)) doubt();
              return make_(name);
            },
            p);
      } catch (...) {
        stop_ = true;
        results[i].failed = std::current_exception();
      }
    };
    watched([&] {
      std::vector<std::thread> threads;
      for (std::size_t i = 0; i < parts.size(); ++i) try {
          threads.emplace_back(read_part, i);
        } catch (const std::system_error&) {  // no thread to spare: the parts started stop, one core reads
          stop_ = true;
          results[i].failed = std::current_exception();
          break;
        }
      for (auto& t : threads) t.join();
      return true;
    });
    if (std::any_of(results.begin(), results.end(), [](const part_result& r) { return r.failed != nullptr; })) {
      results.clear();  // before reading again: the parts' stations must not stay beside the whole file's
      release_free_memory();
      rows_ = 0;
      stop_ = false;
      return std::nullopt;
    }
    if (o_.warn)
      for (const auto& w : results[0].warnings) o_.warn(w);
    station_results<Sink> out;
    out.kind = results[0].out.kind;
    out.method = results[0].out.method;
    for (auto& r : results)
      for (auto& t : r.out.tables) out.tables.push_back(std::move(t));
    return out;
  }

 private:
  template <class MakeSink>
  void read_one(std::istream& file, warn_fn warn, station_results<Sink>& out, MakeSink&& make_sink, const profile& p) {
    std::optional<input_chain> laid_out;  // a file (or a part of one) read in the layout of the options
    if (!dynamic_cast<input_chain*>(&file))
      laid_out.emplace(std::vector<input_chain::part>{{&file, o_.source}}, o_.layout);
    aqi_reader reader(laid_out ? *laid_out : file, o_.source, aqi_reading_of(p), warn, o_.quiet_columns);
    out.kind = reader.kind();
    out.method = reader.method();
    out.tables.push_back(std::make_unique<station_driver<Sink>>(p, reader.kind(), o_.source, make_sink, warn));
    auto& table = *out.tables.back();
    aqi_record r;
    std::uint64_t n = 0;
    while (reader.next(r)) {
      table.feed(r);
      if ((++n & 0xFFFF) == 0) {
        rows_ += 0x10000;
        if (stop_.load(std::memory_order_relaxed)) throw part_abandoned{};
      }
    }
    table.finish();
  }

  const read_options& o_;
  Make& make_;
  std::atomic<std::uint64_t> rows_{0};
  std::atomic<bool> stop_{false};  // a part found a doubt: the others need not go on
};

}  // namespace detail

template <class Sink, class Make>
station_results<Sink> read_stations(const read_options& o, const profile& p, Make make) {
  detail::station_reading<Sink, Make> reading(o, make);
  // Each block or part is read after the file's header line: a file without one is read plainly.
  const bool file = !o.path.empty() && o.path != "-" && o.layout.has_header();
  if (file && stations_interleave(o.path)) {
    if (auto out = reading.watched([&] { return reading.interleaved(p); })) return std::move(*out);
  } else if (file && o.threads > 1) {
    const auto parts = split_by_station(o.path, o.threads);
    if (parts.size() >= 2 && !detail::ordered_by_time(o.path, parts, o.layout))
      if (auto out = reading.by_parts(parts, p)) return std::move(*out);
  }
  return reading.watched([&] { return reading.plain(p); });
}

}  // namespace hpa::io
