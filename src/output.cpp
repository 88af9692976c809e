#include "hpa/io/output.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace hpa::io {

std::string format_number(double v, int decimals) {
  if (std::isnan(v)) return {};
  auto s = fmt::format("{:.{}f}", v, decimals);
  if (s.find('.') != std::string::npos) {
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + '"';
}

output::output(const std::string& path) {
  if (path.empty() || path == "-") return;
  path_ = path;
  std::string tmpl = path + ".tmp.XXXXXX";
  fd_ = ::mkstemp(tmpl.data());
  if (fd_ < 0) throw error(path + ": cannot create a temporary file beside it: " + std::strerror(errno));
  temp_ = tmpl;
}

output::~output() {
  if (temp_.empty()) return;
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temp_.c_str());
}

void output::flush() {
  const char* p = buf_.data();
  std::size_t n = buf_.size();
  while (n) {
    const ssize_t w = ::write(fd_, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE && temp_.empty()) throw broken_pipe{};
      throw error((temp_.empty() ? std::string("stdout") : path_) + ": write failed: " + std::strerror(errno));
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  buf_.clear();
}

void output::commit() {
  flush();
  if (temp_.empty()) return;
  if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
    fd_ = -1;
    throw error(path_ + ": write failed: " + std::strerror(errno));
  }
  fd_ = -1;
  const mode_t mask = ::umask(0);  // mkstemp makes 0600; give the file the usual mode
  ::umask(mask);
  ::chmod(temp_.c_str(), 0666 & ~mask);
  if (std::rename(temp_.c_str(), path_.c_str()) != 0)
    throw error(path_ + ": cannot replace it: " + std::strerror(errno));
  committed_ = true;
}

}  // namespace hpa::io
