#pragma once
// Reading one CSV file on several cores: the file is cut where the station changes, and each
// piece is read as if it were a file of its own (the header line, then its rows).

#include <cstdint>
#include <istream>
#include <memory>
#include <streambuf>
#include <string>
#include <vector>

namespace hpa::io {

/// Bytes [begin, end) of a file: whole rows, the first of a station that the previous rows do
/// not hold (as far as grouping goes: a station may still come back later in the file).
struct file_part {
  std::uint64_t begin = 0, end = 0;
};

/// Cuts a CSV file into at most `n` parts of about equal size, after its header line, where the
/// `station` column changes. One part (the whole file) when it cannot tell: no station column,
/// quotes near a cut, a file too small to be worth it, or `n` < 2.
std::vector<file_part> split_by_station(const std::string& path, std::size_t n,
                                        std::uint64_t min_part_bytes = std::uint64_t{4} << 20);

/// Whether the rows of a CSV file interleave their stations (rows by time, then station, as the
/// national site files are): within its first 256 KiB a station comes back after another one.
/// False when it cannot tell (no station column, quotes, not a plain file).
bool stations_interleave(const std::string& path);

/// An istream that reads a file's header line, then bytes [begin, end) of it.
class part_stream : public std::istream {
 public:
  part_stream(const std::string& path, const file_part& part);
  ~part_stream() override;

 private:
  class buffer;
  std::unique_ptr<buffer> buf_;
};

}  // namespace hpa::io
