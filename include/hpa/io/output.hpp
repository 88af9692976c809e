#pragma once
// Where tools write: stdout, or a named target.
//
// A regular file (or a new one) is written whole or not at all: the text goes to a temporary
// file beside it, `.NAME.hpa-tmp.PID.XXXXXX`, which commit() flushes, syncs and renames over
// it. An existing file keeps its mode, and its owner and group where the writer may set them (as
// root). A symbolic link is followed: the file it points to is the one replaced, the link stays.
// Anything else (a FIFO, a terminal, /dev/null, a pipe such as `>(gzip > x.gz)`) is opened and
// written through as the text comes, as `sort -o` does; no temporary file then.
//
// The temporary file is removed when the output is dropped without commit() (an error), and on
// SIGTERM, SIGHUP and SIGINT (and so under `timeout`). SIGKILL, a crash or a power cut can leave
// one behind; the next output to the same file removes those whose writing process (the PID in
// the name) no longer exists. The hidden name with `hpa-tmp` and a PID cannot be a user's file.

#include <string>
#include <string_view>

#include "hpa/error.hpp"
#include "hpa/number_format.hpp"

namespace hpa::io {

/// Thrown when the reader of stdout (or of a FIFO written through) went away
/// (`hpa-daily x.csv | head`). tool::main makes it a quiet stop; an hpa::error all the same, so that
/// a caller that recorded something before writing (hpa-watch --state) takes it as the failure it
/// is for that record.
struct broken_pipe : error {
  using error::error;
};

using hpa::format_number;  // the rules' messages and the records write numbers alike

/// Quotes a CSV field when it needs it (a comma, a quote or a line break in it).
std::string csv_field(const std::string& s);

/// Opens /dev/null on each of the descriptors 0, 1 and 2 that is closed, so that no file opened
/// later becomes stdin, stdout or stderr (with `2>&-` the output file would be fd 2 and warnings
/// would land in it). Call it first thing in main. A closed stdout gets /dev/null read-only: a
/// write to it still fails ("Bad file descriptor"), as the output of `tool >&-` is lost.
void ensure_standard_fds();

class output {
 public:
  /// `path` empty or "-": stdout. A regular file or none: a temporary file beside it (after
  /// removing stale ones of dead writers) until commit(). Anything else: opened for writing
  /// (a FIFO waits for its reader). Throws hpa::error when it cannot (a directory, no access, an
  /// existing file the writer may not write: the rename would replace it all the same).
  explicit output(const std::string& path = {});
  output(const output&) = delete;
  output& operator=(const output&) = delete;
  ~output();

  void write(std::string_view text) {
    buf_.append(text);
    if (buf_.size() >= (1u << 16)) flush();
  }
  output& operator<<(std::string_view text) {
    write(text);
    return *this;
  }

  /// Flushes everything; for a file, syncs it and renames it over the target.
  void commit();

 private:
  void flush();
  void open_through();
  void open_temp();

  std::string path_;    // as given, for messages
  std::string target_;  // path_ with symbolic links followed
  std::string temp_;    // the temporary file, when writing one
  int fd_ = 1;
  bool owns_fd_ = false;
  bool committed_ = false;
  int slot_ = -1;  // in the table of temporary files removed on a signal
  std::string buf_;
};

}  // namespace hpa::io
