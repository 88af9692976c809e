#pragma once
// Records out, in the forms scripts read: CSV (a header, then a row per record), a JSON array of
// objects, or JSON Lines (an object per line). A tool declares its columns once and hands each
// record over as fields; a field carries its CSV text and its JSON value, and a column may be
// kept out of the CSV or out of the JSON. Records by the million take the fast path below
// (number_text, row_chunks, record_thread): the same text, made without a field per value.

#include <nlohmann/json.hpp>

#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include "hpa/io/output.hpp"
#include "hpa/time.hpp"

namespace hpa::io {

/// The output forms. `text` is for people; each tool writes its own.
enum class format { csv, json, jsonl, text };

const char* to_string(format f) noexcept;
/// The format named `text`; false when there is none.
bool from_string(std::string_view text, format& out) noexcept;

/// One value of a record: its CSV text and its JSON value.
struct field {
  std::string text;
  nlohmann::ordered_json json;

  /// A string (CSV-quoted where it needs it).
  static field string(std::string s);
  /// A string, or null in JSON when empty.
  static field string_or_null(std::string s);
  /// A string left out of the JSON object when empty.
  static field string_or_omitted(std::string s);
  /// A number with at most `decimals` decimals; empty / null when NaN.
  static field number(double v, int decimals = 2);
  static field integer(std::int64_t v);
  static field boolean(bool b);
  /// An hour as 2023-12-01T08:00.
  static field time(hour_t h);
  /// An hour, or empty / null.
  static field time(const std::optional<hour_t>& h);
  /// Anything else: its CSV text and its JSON value.
  static field custom(std::string text, nlohmann::ordered_json json);
};

/// Where a column goes.
enum class column_in { both, csv_only, json_only };

struct column {
  std::string name;
  column_in in = column_in::both;
};

/// The CSV header of `columns` (without the line end).
std::string csv_header(const std::vector<column>& columns);
/// A record as a CSV row (without the line end) and as a JSON object.
std::string csv_row(const std::vector<column>& columns, const std::vector<field>& record);
nlohmann::ordered_json json_object(const std::vector<column>& columns, const std::vector<field>& record);

/// Writes records to `out` as CSV, JSON or JSON Lines. One field per column, in column order.
class record_writer {
 public:
  record_writer(output& out, format f, std::vector<column> columns);
  record_writer(output& out, format f, const std::vector<std::string>& names);
  record_writer(const record_writer&) = delete;
  record_writer& operator=(const record_writer&) = delete;

  void write(const std::vector<field>& record);
  /// Ends the output (closes the JSON array); call once, after the last record.
  void finish();

 private:
  output& out_;
  format format_;
  std::vector<column> columns_;
  std::size_t records_ = 0;
};

// ---- The fast path: records by the million ----

/// format_number's text made without allocating, for 0 to 3 decimals: the value scaled and
/// rounded to nearest as format_number rounds the exact value. The product is itself rounded:
/// only when it lands on a half can that matter, and then its exact error (fma) says which way
/// the exact value lies; an exact half goes to even, as format_number's does.
class number_text {
 public:
  /// format_number(v, decimals), 0 <= decimals <= 3; valid until the next call.
  std::string_view operator()(double v, int decimals) {
    static constexpr double scale[] = {1, 10, 100, 1000};
    static constexpr std::uint64_t units_of_one[] = {1, 10, 100, 1000};
    if (std::isnan(v)) return {};
    const double k = scale[decimals];
    const double y = v * k;
    if (!(std::fabs(y) < 1e15)) return long_text(v, decimals);
    double r = std::nearbyint(y);  // to nearest, a half to even
    if (std::fabs(y - std::trunc(y)) == 0.5) {
      const double error = std::fma(v, k, -y);  // v * k - y, exactly
      if (error != 0) r = error > 0 ? y + 0.5 : y - 0.5;
    }
    const auto units = static_cast<std::int64_t>(r);
    std::uint64_t a = units < 0 ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
    char* end = buf_ + sizeof buf_;
    char* p = end;
    std::uint64_t frac = a % units_of_one[decimals];
    a /= units_of_one[decimals];
    bool digits = false;  // no trailing zeros
    for (int i = 0; i < decimals; ++i, frac /= 10)
      if (digits || frac % 10) {
        *--p = static_cast<char>('0' + frac % 10);
        digits = true;
      }
    if (digits) *--p = '.';
    do *--p = static_cast<char>('0' + a % 10);
    while (a /= 10);
    if (units < 0) *--p = '-';
    return {p, static_cast<std::size_t>(end - p)};
  }

 private:
  std::string_view long_text(double v, int decimals);  // format_number itself, kept out of line

  char buf_[32];
  std::string long_;  // a value too large for the fast path
};

/// The rows of a writer of millions of records, each copied straight into a chunk of the output
/// from pieces its writer made once (a station's part, the text that depends on a few values:
/// csv_field and nlohmann's JSON, as record_writer writes them) and numbers from number_text.
class row_chunks {
 public:
  explicit row_chunks(output& out) : out_(out) {}
  row_chunks(const row_chunks&) = delete;
  row_chunks& operator=(const row_chunks&) = delete;

  /// Starts a row of at most `n` bytes.
  void begin(std::size_t n) {
    if (used_ + n > chunk_.size()) {
      flush();
      if (n > chunk_.size()) chunk_.resize(n);
    }
    at_ = chunk_.data() + used_;
  }
  /// Copies text into the row begun.
  template <class... Text>
  void put(const Text&... text) {
    auto copy = [&](std::string_view t) {
      if (!t.empty()) std::memcpy(at_, t.data(), t.size());  // an empty view's data() may be null
      at_ += t.size();
    };
    (copy(std::string_view(text)), ...);
  }
  /// Ends the row begun.
  void end() noexcept { used_ = static_cast<std::size_t>(at_ - chunk_.data()); }
  /// Hands the rows held to the output.
  void flush() {
    out_.write(std::string_view(chunk_.data(), used_));
    used_ = 0;
  }

 private:
  static constexpr std::size_t chunk_size = 1 << 16;
  output& out_;
  std::string chunk_ = std::string(chunk_size, '\0');
  std::size_t used_ = 0;
  char* at_ = nullptr;
};

/// Hands items to a thread that writes them (`write(item)`), in order, batch by batch: where
/// making the records and writing them take about as long as each other, they run side by side.
/// At most `depth` batches wait; their vectors are used again. Where no thread can be started
/// (a process limit), the items are written as they come.
template <class Item, class Write>
class record_thread {
 public:
  explicit record_thread(Write write) : write_(std::move(write)) {
    batch_.reserve(batch_size);
    try {
      thread_ = std::thread([this] { work(); });
    } catch (const std::system_error&) {
    }
  }
  record_thread(const record_thread&) = delete;
  record_thread& operator=(const record_thread&) = delete;
  ~record_thread() {  // unwinding from an error: the writer stops where it is
    if (!thread_.joinable()) return;
    {
      std::lock_guard lock(m_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

  void add(const Item& item) {
    if (!thread_.joinable()) return write_(item);
    batch_.push_back(item);
    if (batch_.size() == batch_size) hand_over();
  }

  /// Writes what is left and waits for the writer; rethrows what it threw (a closed pipe).
  void finish() {
    if (!thread_.joinable()) return;
    hand_over();
    {
      std::lock_guard lock(m_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
    if (failed_) std::rethrow_exception(failed_);
  }

 private:
  static constexpr std::size_t batch_size = 1 << 14, depth = 4;

  void hand_over() {
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return queue_.size() < depth || failed_; });
    if (failed_) std::rethrow_exception(failed_);  // stop making items: nothing more can be written
    queue_.push_back(std::move(batch_));
    if (spare_.empty()) {
      batch_ = {};
      batch_.reserve(batch_size);
    } else {
      batch_ = std::move(spare_.back());
      spare_.pop_back();
    }
    lock.unlock();
    cv_.notify_all();
  }

  void work() {
    try {
      for (;;) {
        std::unique_lock lock(m_);
        cv_.wait(lock, [&] { return !queue_.empty() || done_ || stop_; });
        if (stop_ || queue_.empty()) return;
        auto batch = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        cv_.notify_all();
        for (const auto& item : batch) write_(item);
        batch.clear();
        lock.lock();
        spare_.push_back(std::move(batch));
      }
    } catch (...) {
      std::lock_guard lock(m_);
      failed_ = std::current_exception();
    }
    cv_.notify_all();
  }

  Write write_;
  std::vector<Item> batch_;
  std::deque<std::vector<Item>> queue_;
  std::vector<std::vector<Item>> spare_;
  std::mutex m_;
  std::condition_variable cv_;
  bool done_ = false, stop_ = false;
  std::exception_ptr failed_;
  std::thread thread_;  // started last, once the rest is ready
};

}  // namespace hpa::io
