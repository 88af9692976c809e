#include "hpa/io/watch_state.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "hpa/error.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/utf8.hpp"
#include "json_text.hpp"

namespace hpa::io {

namespace {
constexpr const char* state_format = "hpa-watch-state";

std::string why() { return std::strerror(errno); }

// Reads one station's entry; a station without its own decision hour was decided at the file's.
station_state station_of(const nlohmann::json& s, const std::string& name, const std::string& path, const profile& p,
                         std::optional<hour_t> file_decided_at) {
  auto level = [&](const char* key) {
    const auto l = p.find_level(s.at(key).get<std::string>());
    if (!l) throw error(path + ": station " + name + ": unknown level " + detail::json_quote(s.at(key)));
    return *l;
  };
  auto hour = [&](const char* key) {
    const auto t = parse_time(s.at(key).get<std::string>());
    if (!t) throw error(path + ": station " + name + ": bad time " + detail::json_quote(s.at(key)));
    return t.hour;
  };
  station_state st;
  issued_warning& w = st.issued;
  w.level = level("level");
  if (w.level > 0) {
    w.start = hour("start");
    // a file without "since" (an older one) held a warning in force from its start
    if (s.contains("since"))
      w.since = hour("since");
    else if (!s.contains("ahead"))
      w.since = w.start;
  }
  if (s.contains("announced_at")) {
    w.announced_at = hour("announced_at");
    w.announced_to = level("announced_to");
  }
  if (s.contains("lifted_at")) w.lifted_at = hour("lifted_at");
  st.decided_at = s.contains("decided_at") ? std::optional<hour_t>(hour("decided_at")) : file_decided_at;
  if (s.contains("directives")) st.directives = s.at("directives").get<std::vector<std::string>>();
  return st;
}

// Does `back` (the text read back) hold what `state` meant to store?
void check_read_back(const watch_state& state, const watch_state& back, const std::string& source) {
  std::size_t n = 0;
  for (const auto& [name, s] : state) {
    if (!kept_in_file(s)) continue;
    ++n;
    const auto it = back.find(name);
    if (it == back.end() || !(it->second.issued == s.issued) || it->second.directives != s.directives)
      throw error(source + ": station " + quote(name) + " cannot be kept in the state file: it does not read back");
  }
  if (n != back.size()) throw error(source + ": the state does not read back as written");
}
}  // namespace

watch_state parse_watch_state(std::string_view text, const std::string& path, const profile& p) {
  const auto j = detail::parse_json(text, path, "damaged state file (", "); fix or remove it");
  auto text_of = [&](const char* key) {
    return j.is_object() && j.contains(key) && j.at(key).is_string() ? j.at(key).get<std::string>() : std::string();
  };
  if (text_of("format") != state_format)
    throw error(path + ": not a watch state file (no \"format\": \"" + state_format + "\"); refusing to replace it");
  // Exactly the whole number written: JSON's 1.0 compares equal to 1, and neither it nor "1" is
  // what format_watch_state writes, so such a file was made or edited by something else.
  if (!j.contains("version") || !j.at("version").is_number_integer() || j.at("version") != 1)
    throw error(path + ": state file version " +
                (j.contains("version") ? detail::json_quote(j.at("version")) : "(none)") + " is not 1");
  if (text_of("profile") != p.name)
    throw error(path + ": state written under profile '" + text_of("profile") + "', not '" + p.name + "'");
  std::optional<hour_t> decided_at;
  if (const auto t = parse_time(text_of("decided_at"))) decided_at = t.hour;
  watch_state m;
  try {
    if (!j.contains("stations") || !j.at("stations").is_object())
      throw error(path + ": damaged state file: no stations object");
    for (const auto& item : j.at("stations").items()) {
      if (item.key().find('\0') != std::string::npos)  // no feed can name it: it was not written by a run
        throw error(path + ": damaged state file: station " + quote(item.key()) + " holds a NUL byte");
      m[item.key()] = station_of(item.value(), item.key(), path, p, decided_at);
    }
  } catch (const nlohmann::json::exception& e) {
    throw error(path + ": damaged state file: " + detail::json_message(e));
  }
  return m;
}

watch_state read_watch_state(const std::string& path, const profile& p) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) throw error(path + ": cannot read the state file");
    return {};  // the first run
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_watch_state(ss.str(), path, p);
}

std::string format_watch_state(const watch_state& state, const profile& p, hour_t decided_at,
                               const std::string& source) {
  nlohmann::ordered_json stations = nlohmann::ordered_json::object();
  for (const auto& [name, st] : state) {
    if (!kept_in_file(st)) continue;
    const auto& w = st.issued;
    if (!is_utf8(name))
      throw error(source + ": station " + quote(name) + " cannot be kept in the state file: not UTF-8");
    nlohmann::ordered_json s = {{"level", p.level_name(w.level)}};
    if (w.level > 0) {
      s["start"] = format_time(w.start);
      if (!w.since)
        s["ahead"] = true;
      else if (*w.since != w.start)
        s["since"] = format_time(*w.since);
    }
    if (w.announced_at) {
      s["announced_at"] = format_time(*w.announced_at);
      s["announced_to"] = p.level_name(w.announced_to);
    }
    if (w.lifted_at) s["lifted_at"] = format_time(*w.lifted_at);
    if (st.decided_at && *st.decided_at != decided_at) s["decided_at"] = format_time(*st.decided_at);
    if (!st.directives.empty()) s["directives"] = st.directives;
    stations[name] = s;
  }
  nlohmann::ordered_json j = {{"format", state_format},
                              {"version", 1},
                              {"profile", p.name},
                              {"decided_at", format_time(decided_at)},
                              {"stations", stations}};
  std::string text;
  try {
    text = j.dump(2) + "\n";
  } catch (const nlohmann::json::exception& e) {
    throw error(source + ": the state cannot be written: " + detail::json_message(e));
  }
  check_read_back(state, parse_watch_state(text, source, p), source);
  return text;
}

namespace {
// The file `path` leads to, its symbolic links followed (as io::output follows them when it
// replaces a file), even where the last one leads to no file yet; `what` names it in errors.
std::filesystem::path followed(const std::string& path, const std::string& what) {
  namespace fs = std::filesystem;
  fs::path file = path;
  struct stat st {};
  for (int hops = 0; ::lstat(file.c_str(), &st) == 0 && S_ISLNK(st.st_mode); ++hops) {
    std::error_code ec;
    const fs::path to = fs::read_symlink(file, ec);
    if (ec || hops == 40)
      throw error(what + ": cannot follow the symbolic link: " + (ec ? ec.message() : "too many levels"));
    file = to.is_absolute() ? to : file.parent_path() / to;
  }
  return file;
}

// Whether two paths name one file: the same path once links, `.` and `..` are resolved, or the
// same device and inode (a hard link).
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code ea, eb;
  const auto ca = std::filesystem::weakly_canonical(a, ea), cb = std::filesystem::weakly_canonical(b, eb);
  if (!ea && !eb && ca == cb) return true;
  struct stat sa {
  }, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
}  // namespace

watch_state_file::watch_state_file(std::string path) : path_(std::move(path)) {
  namespace fs = std::filesystem;
  // As given, so that messages name what the user typed; a link is followed (as the output that
  // replaces the state follows it), so that the lock goes beside the file itself.
  const fs::path file = followed(path_, path_);
  struct stat st {};
  if (file.filename().empty() || file.filename() == "." || file.filename() == "..")
    throw error(path_ + ": is a folder, not a state file");
  const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
  if (::stat(folder.c_str(), &st) != 0)
    throw error(path_ + ": cannot keep the state there: the folder " + quote(folder.string()) + " " +
                (errno == ENOENT ? std::string("does not exist") : why()));
  if (!S_ISDIR(st.st_mode))
    throw error(path_ + ": cannot keep the state there: " + quote(folder.string()) + " is not a folder");
  if (::access(folder.c_str(), W_OK | X_OK) != 0)
    throw error(path_ + ": cannot keep the state there: cannot write in the folder " + quote(folder.string()) + ": " +
                why());
  if (::stat(file.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
    throw error(path_ + (S_ISDIR(st.st_mode) ? ": is a folder, not a state file"
                                             : ": is not a plain file; a state file must be one"));
  target_ = file.string();
  lock_path_ = target_ + ".lock";
}

const char* watch_state_file::holds(const std::string& path) const {
  if (path.empty() || path == "-") return nullptr;
  const auto file = followed(path, path);
  if (same_file(file, target_)) return "the state file";
  if (same_file(file, lock_path_)) return "the state file's lock";
  return nullptr;
}

watch_state_file::~watch_state_file() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock
}

bool watch_state_file::lock(bool wait) {
  if (lock_fd_ < 0) {
    lock_fd_ = ::open(lock_path_.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (lock_fd_ < 0) throw error(lock_path_ + ": cannot make the lock file of " + path_ + ": " + why());
  }
  while (::flock(lock_fd_, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
    if (errno == EINTR) continue;
    if (errno == EWOULDBLOCK) return false;
    throw error(lock_path_ + ": cannot lock: " + why());
  }
  return true;
}

watch_state watch_state_file::read(const profile& p) {
  std::ifstream in(path_, std::ios::binary);
  if (!in) {
    struct stat st {};
    if (::stat(path_.c_str(), &st) == 0) throw error(path_ + ": cannot read the state file");
    before_.reset();
    return {};  // the first run
  }
  std::stringstream ss;
  ss << in.rdbuf();
  before_ = ss.str();
  return parse_watch_state(*before_, path_, p);
}

std::optional<watch_state> watch_state_file::peek(const profile& p) const {
  try {
    return read_watch_state(path_, p);
  } catch (const error&) {
    return std::nullopt;  // read() says what is wrong, under the lock
  }
}

void watch_state_file::write(const std::string& text) {
  output file(path_);
  file << text;
  file.commit();
}

bool watch_state_file::restore() noexcept {
  try {
    if (before_) {
      write(*before_);
      return true;
    }
    return std::remove(target_.c_str()) == 0 || errno == ENOENT;
  } catch (...) {
    return false;
  }
}

}  // namespace hpa::io
