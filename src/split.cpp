#include "hpa/io/split.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "hpa/error.hpp"
#include "text.hpp"

namespace hpa::io {

namespace {

struct fd_guard {
  int fd;
  ~fd_guard() {
    if (fd >= 0) ::close(fd);
  }
};

std::string read_at(int fd, std::uint64_t at, std::size_t n) {
  std::string s(n, '\0');
  const ssize_t got = ::pread(fd, s.data(), n, static_cast<off_t>(at));
  s.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
  return s;
}

// The header line (with its newline), or "" when there is none within 64 KiB.
std::string header_line(int fd) {
  const auto head = read_at(fd, 0, 1 << 16);
  const auto nl = head.find('\n');
  return nl == std::string::npos ? std::string() : head.substr(0, nl + 1);
}

std::string_view field(std::string_view line, int index) {
  for (int i = 0; i < index; ++i) {
    const auto c = line.find(',');
    if (c == std::string_view::npos) return {};
    line.remove_prefix(c + 1);
  }
  return line.substr(0, line.find(','));
}

// The field number of the station column in a header line, or -1.
int station_column(std::string_view h) {
  if (h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);
  for (std::size_t at = 0, i = 0;; ++i) {
    auto name = h.substr(at, h.find(',', at) - at);
    while (!name.empty() && (name.back() == '\n' || name.back() == '\r' || name.back() == ' ')) name.remove_suffix(1);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    if (detail::lower(name) == "station") return static_cast<int>(i);
    at = h.find(',', at);
    if (at == std::string_view::npos) return -1;
    ++at;
  }
}

}  // namespace

bool stations_interleave(const std::string& path) {
  fd_guard f{::open(path.c_str(), O_RDONLY)};
  struct stat st {};
  if (f.fd < 0 || ::fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode)) return false;
  const auto head = read_at(f.fd, 0, std::size_t{1} << 18);
  const auto nl = head.find('\n');
  if (nl == std::string::npos || head.find('"') != std::string::npos) return false;
  const int station = station_column(std::string_view(head).substr(0, nl));
  if (station < 0) return false;
  std::vector<std::string> seen;  // the stations in the order they start
  std::string_view prev;
  for (std::size_t at = nl + 1;;) {
    const auto end = head.find('\n', at);
    if (end == std::string::npos) return false;  // the last line may be cut
    const auto name = field(std::string_view(head).substr(at, end - at), station);
    if (name != prev) {
      if (std::find(seen.begin(), seen.end(), name) != seen.end()) return true;
      if (seen.size() == 4096) return false;  // that many stations in a row: grouped enough
      seen.emplace_back(name);
      prev = name;
    }
    at = end + 1;
  }
}

std::vector<file_part> split_by_station(const std::string& path, std::size_t n, std::uint64_t min_part_bytes) {
  fd_guard f{::open(path.c_str(), O_RDONLY)};
  struct stat st {};
  if (f.fd < 0 || ::fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode)) return {};
  const auto size = static_cast<std::uint64_t>(st.st_size);
  const auto header = header_line(f.fd);
  if (header.empty()) return {{0, size}};
  std::vector<file_part> whole{{header.size(), size}};
  if (n < 2 || size < 2 * min_part_bytes || header.find('"') != std::string::npos) return whole;
  n = std::min<std::size_t>(n, size / min_part_bytes);

  const int station = station_column(header);  // split only on it
  if (station < 0) return whole;

  std::vector<file_part> parts;
  std::uint64_t begin = header.size();
  for (std::size_t k = 1; k < n; ++k) {
    std::uint64_t at = std::max(begin, size * k / n);
    // Find the first line start after `at` whose station differs from the line before it.
    std::string prev;
    bool have_prev = false, found = false;
    std::string carry;
    while (!found && at < size) {
      std::string chunk = carry + read_at(f.fd, at, 1 << 16);
      const std::uint64_t chunk_at = at - carry.size();
      if (chunk.size() == carry.size()) break;
      if (chunk.find('"') != std::string::npos) return whole;  // a newline may be quoted: don't guess
      std::size_t pos = 0;
      if (!have_prev && chunk_at != 0) {  // skip the partial line we landed in
        const auto nl = chunk.find('\n');
        if (nl == std::string::npos) {
          carry.clear();
          at += chunk.size();
          continue;
        }
        pos = nl + 1;
      }
      for (;;) {
        const auto nl = chunk.find('\n', pos);
        if (nl == std::string::npos) break;
        const auto st = std::string(field(std::string_view(chunk).substr(pos, nl - pos), station));
        if (have_prev && st != prev) {
          at = chunk_at + pos;
          found = true;
          break;
        }
        prev = st;
        have_prev = true;
        pos = nl + 1;
      }
      if (!found) {
        carry = chunk.substr(pos);
        at = chunk_at + chunk.size();
      }
    }
    if (!found) break;
    parts.push_back({begin, at});
    begin = at;
  }
  parts.push_back({begin, size});
  return parts;
}

class part_stream::buffer : public std::streambuf {
 public:
  buffer(const std::string& path, const file_part& part) : pos_(part.begin), end_(part.end) {
    fd_ = ::open(path.c_str(), O_RDONLY);
    if (fd_ < 0) throw error(path + ": cannot open: " + std::strerror(errno));
    header_ = header_line(fd_);
    setg(header_.data(), header_.data(), header_.data() + header_.size());
  }
  ~buffer() override { ::close(fd_); }

 protected:
  int_type underflow() override {
    const auto n = fill(one_, 1);
    if (n == 0) return traits_type::eof();
    setg(one_, one_, one_ + 1);
    return traits_type::to_int_type(one_[0]);
  }
  // Large reads go straight from the file into the caller's buffer, as ifstream's do.
  std::streamsize xsgetn(char* s, std::streamsize count) override {
    std::streamsize done = std::min<std::streamsize>(count, egptr() - gptr());
    if (done > 0) std::memcpy(s, gptr(), static_cast<std::size_t>(done));  // no buffer yet: gptr() is null
    gbump(static_cast<int>(done));
    if (done < count) done += fill(s + done, count - done);
    return done;
  }

 private:
  std::streamsize fill(char* s, std::streamsize count) {
    std::streamsize done = 0;
    while (done < count && pos_ < end_) {
      const auto want =
          static_cast<std::size_t>(std::min<std::uint64_t>(static_cast<std::uint64_t>(count - done), end_ - pos_));
      const ssize_t got = ::pread(fd_, s + done, want, static_cast<off_t>(pos_));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) break;
      pos_ += static_cast<std::uint64_t>(got);
      done += got;
    }
    return done;
  }

  int fd_ = -1;
  std::string header_;
  std::uint64_t pos_, end_;
  char one_[1];
};

part_stream::part_stream(const std::string& path, const file_part& part)
    : std::istream(nullptr), buf_(std::make_unique<buffer>(path, part)) {
  rdbuf(buf_.get());
}

part_stream::~part_stream() = default;

}  // namespace hpa::io
