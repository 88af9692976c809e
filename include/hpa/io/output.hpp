#pragma once
// Where tools write: stdout, or a file that is written whole or not at all (a temporary file in
// the same folder, flushed, synced and renamed over the target on commit()).

#include <string>
#include <string_view>

#include "hpa/error.hpp"

namespace hpa::io {

/// Thrown when the reader of stdout went away (`hpa-daily x.csv | head`): not an error.
struct broken_pipe {};

/// "287.5", "150", "153.33": at most `decimals` decimals, no trailing zeros; "" for NaN.
std::string format_number(double v, int decimals = 2);

/// Quotes a CSV field when it needs it (a comma, a quote or a line break in it).
std::string csv_field(const std::string& s);

class output {
 public:
  /// `path` empty or "-": stdout. Otherwise a temporary file beside `path` until commit().
  explicit output(const std::string& path = {});
  output(const output&) = delete;
  output& operator=(const output&) = delete;
  ~output();

  void write(std::string_view text) {
    buf_.append(text);
    if (buf_.size() >= (1u << 16)) flush();
  }
  output& operator<<(std::string_view text) { write(text); return *this; }

  /// Flushes everything; for a file, syncs it and renames it over the target.
  void commit();

 private:
  void flush();

  std::string path_, temp_;
  int fd_ = 1;
  bool committed_ = false;
  std::string buf_;
};

}  // namespace hpa::io
