#include "hpa/io/output.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace hpa::io {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + '"';
}

void ensure_standard_fds() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) >= 0 || errno != EBADF) continue;
    // open() takes the lowest free descriptor: this one, as the lower ones are open by now
    const int n = ::open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY);
    if (n >= 0 && n != fd) {
      ::dup2(n, fd);
      ::close(n);
    }
  }
}

namespace {

std::string why() { return std::strerror(errno); }

// The temporary files to remove on SIGTERM, SIGHUP and SIGINT. A fixed table of fixed buffers:
// the handler may only use async-signal-safe calls, so it reads no std::string and takes no lock.
struct temp_slot {
  std::atomic<bool> claimed{false};  // taken by an output (set and cleared outside the handler)
  std::atomic<bool> armed{false};    // path is complete: the handler may unlink it
  char path[PATH_MAX];
};
constexpr int temp_slots = 16;  // outputs open at once; more are not removed on a signal
temp_slot temps[temp_slots];
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler reads these");

constexpr int cleanup_signals[] = {SIGTERM, SIGHUP, SIGINT};

extern "C" void remove_temps_and_die(int sig) {
  const int saved = errno;
  for (auto& t : temps)
    if (t.armed.load()) ::unlink(t.path);
  errno = saved;
  ::signal(sig, SIG_DFL);
  ::raise(sig);  // delivered when the handler returns: the exit status says which signal
}

// Installs the handler for the signals left at their default (nohup's ignored SIGHUP stays
// ignored, a handler of the program's own stays). Checked at each arm: cheap, and right after fork.
void install_handlers() {
  for (int sig : cleanup_signals) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;
    struct sigaction sa {};
    sa.sa_handler = remove_temps_and_die;
    ::sigemptyset(&sa.sa_mask);
    for (int other : cleanup_signals) ::sigaddset(&sa.sa_mask, other);
    ::sigaction(sig, &sa, nullptr);
  }
}

int arm(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < temp_slots; ++i) {
    bool free = false;
    if (!temps[i].claimed.compare_exchange_strong(free, true)) continue;
    std::memcpy(temps[i].path, path.c_str(), path.size() + 1);
    temps[i].armed.store(true);
    install_handlers();
    return i;
  }
  return -1;
}

void disarm(int slot) {
  if (slot < 0) return;
  temps[slot].armed.store(false);
  temps[slot].claimed.store(false);
}

// The file `path` names once symbolic links are followed (for a dangling link, the file it
// would create). Links are resolved relative to the folder of the link.
std::string follow_links(const std::string& path) {
  std::string p = path;
  for (int hops = 0; hops < 40; ++hops) {  // Linux's own limit
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
    std::string to(PATH_MAX, '\0');
    const ssize_t n = ::readlink(p.c_str(), to.data(), to.size());
    if (n <= 0) throw error(path + ": cannot read the symbolic link: " + why());
    to.resize(static_cast<std::size_t>(n));
    const auto slash = p.rfind('/');
    p = to.front() == '/' || slash == std::string::npos ? to : p.substr(0, slash + 1) + to;
  }
  throw error(path + ": too many levels of symbolic links");
}

// ".NAME.hpa-tmp.": how the temporary files of target NAME begin (the name cut to stay within
// the 255 bytes a file name may have).
std::string temp_prefix(std::string_view base) {
  std::string s = ".";
  s.append(base.substr(0, 200)).append(".hpa-tmp.");
  return s;
}

// Is `rest` "PID.XXXXXX" of a process that no longer exists?
bool dead_writer(std::string_view rest) {
  const auto dot = rest.find('.');
  if (dot == 0 || dot == std::string_view::npos || dot > 9 || rest.size() - dot - 1 != 6) return false;
  long pid = 0;
  for (char c : rest.substr(0, dot)) {
    if (c < '0' || c > '9') return false;
    pid = pid * 10 + (c - '0');
  }
  if (pid <= 0 || pid == ::getpid()) return false;
  return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

// Removes temporary files of this target left by writers killed with SIGKILL: only regular files
// of this user, named by the pattern, whose writer no longer exists.
void remove_stale_temps(const std::string& dir, const std::string& prefix) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  while (const dirent* e = ::readdir(d)) {
    const std::string_view name = e->d_name;
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    if (!dead_writer(name.substr(prefix.size()))) continue;
    const std::string path = dir + std::string(name);
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid()) ::unlink(path.c_str());
  }
  ::closedir(d);
}

}  // namespace

output::output(const std::string& path) {
  if (path.empty() || path == "-") return;
  path_ = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) throw error(path + ": is a directory");
    target_ = path;  // opened by the kernel: /dev/fd/63 of `>(gzip)` is a link no path can follow
    open_through();
    if (owns_fd_) return;
  }
  target_ = follow_links(path);
  open_temp();
}

// A FIFO, a device or a socket: written in place, as the text comes.
void output::open_through() {
  fd_ = ::open(target_.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd_ < 0) throw error(path_ + ": cannot open: " + why());
  owns_fd_ = true;
  struct stat st {};
  if (::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) {  // replaced by a file meanwhile: write it whole
    ::close(fd_);
    owns_fd_ = false;
  }
}

void output::open_temp() {
  const auto slash = target_.rfind('/');
  const std::string dir = slash == std::string::npos ? std::string() : target_.substr(0, slash + 1);
  const std::string base = target_.substr(dir.size());
  if (base.empty() || base == "." || base == "..") throw error(path_ + ": is a directory");
  // The rename needs only the folder's permission: without this, a read-only file would be replaced.
  if (::faccessat(AT_FDCWD, target_.c_str(), W_OK, AT_EACCESS) != 0 && errno != ENOENT)
    throw error(path_ + ": cannot open for writing: " + why());
  const std::string prefix = temp_prefix(base);
  remove_stale_temps(dir.empty() ? "./" : dir, prefix);
  std::string tmpl = dir + prefix + std::to_string(::getpid()) + ".XXXXXX";
  fd_ = ::mkostemp(tmpl.data(), O_CLOEXEC);
  if (fd_ < 0) throw error(path_ + ": cannot create a temporary file beside it: " + why());
  owns_fd_ = true;
  temp_ = tmpl;
  slot_ = arm(temp_);
  struct stat st {};
  if (::stat(target_.c_str(), &st) == 0) {  // keep what the file had; only root may give it away
    if (::fchown(fd_, st.st_uid, st.st_gid) != 0 && ::fchown(fd_, static_cast<uid_t>(-1), st.st_gid) != 0) {
      // neither: the new file is the writer's, as an editor's save would make it
    }
    ::fchmod(fd_, st.st_mode & 07777);
  } else {
    const mode_t mask = ::umask(0);  // mkstemp makes 0600; a new file gets the usual mode
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);
  }
}

output::~output() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
  if (!temp_.empty() && !committed_) ::unlink(temp_.c_str());
  disarm(slot_);
}

void output::flush() {
  const char* p = buf_.data();
  std::size_t n = buf_.size();
  while (n) {
    const ssize_t w = ::write(fd_, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      const bool reader_gone = errno == EPIPE && temp_.empty();
      const std::string what = (path_.empty() ? std::string("stdout") : path_) + ": write failed: " + why();
      if (reader_gone) throw broken_pipe(what);
      throw error(what);
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  buf_.clear();
}

void output::commit() {
  flush();
  if (!owns_fd_) return;
  const bool synced = temp_.empty() || ::fsync(fd_) == 0;
  const bool closed = ::close(fd_) == 0;
  fd_ = -1;
  if (!synced || !closed) throw error(path_ + ": write failed: " + why());
  if (temp_.empty()) return;
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) throw error(path_ + ": cannot replace it: " + why());
  committed_ = true;
  disarm(slot_);
  slot_ = -1;
}

}  // namespace hpa::io
