#pragma once
// The state hpa-watch keeps between runs: what was issued for each station, as JSON
// {"format": "hpa-watch-state", "version": 1, "profile": …, "decided_at": …, "stations": {…}}.
// A file that is damaged or not hpa-watch's is an error: it is never silently replaced.
//
// Each station also keeps the decision hour of the last run that decided it. It is written only
// where it differs from the file's own "decided_at" (a station this run did not see: another
// feed's, or one that left the feed), so a file of one feed reads as before and a file without
// it is one where every station was decided at the file's hour.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hpa/profile.hpp"
#include "hpa/watch.hpp"

namespace hpa::io {

/// What the state keeps of one station.
struct station_state {
  station_state() = default;
  station_state(issued_warning i, std::optional<hour_t> at = std::nullopt, std::vector<std::string> acted = {})
      : issued(i), decided_at(at), directives(std::move(acted)) {}

  issued_warning issued;                ///< with directives: the rules' own warning (decide_with_directives)
  std::optional<hour_t> decided_at;     ///< the decision hour of the last run that decided it
  std::vector<std::string> directives;  ///< directive_key of each directive acted on ("directives"; absent: none)
  friend bool operator==(const station_state&, const station_state&) = default;
};

using watch_state = std::map<std::string, station_state>;

/// Whether the file keeps a station: something issued, a lift (an issue in the same episode
/// counts its lateness from it), or a directive acted on. Others are decided afresh each run.
inline bool kept_in_file(const station_state& s) noexcept {
  return s.issued.level != 0 || s.issued.lifted_at || !s.directives.empty();
}

/// Parses a state; `source` names it in errors.
watch_state parse_watch_state(std::string_view text, const std::string& source, const profile& p);

/// Reads the state at `path`; a file that does not exist is the first run (empty state).
watch_state read_watch_state(const std::string& path, const profile& p);

/// The JSON text of a state decided at `decided_at` (the stations kept_in_file). Checked to read back as the same
/// state: a station that cannot be kept (a name that is not UTF-8) is an hpa::error naming it, with `source` (the
/// state's path).
std::string format_watch_state(const watch_state& state, const profile& p, hour_t decided_at,
                               const std::string& source = "state");

/// The state file of one run, safe when runs overlap (cron, two feeds sharing one file): its
/// folder is checked before anything is decided, and a lock (flock on PATH.lock, beside the file
/// the path leads to) is held from reading the state to writing it, so that runs take turns and
/// each one writes what the last one wrote plus its own stations. The lock file is left in place
/// (removing it would let a waiting run and a new one lock different files); it holds nothing.
class watch_state_file {
 public:
  /// Checks that the folder of `path` exists and can be written, and that `path` is not a
  /// folder or a special file; throws hpa::error naming what is wrong.
  explicit watch_state_file(std::string path);
  watch_state_file(const watch_state_file&) = delete;
  watch_state_file& operator=(const watch_state_file&) = delete;
  ~watch_state_file();  ///< releases the lock

  /// What of this state a file written at `path` would replace: "the state file", "the state
  /// file's lock", or nullptr for neither (and for "" or "-", stdout). Compared as the files they
  /// lead to: the same path once links, `.` and `..` are resolved, or the same device and inode.
  const char* holds(const std::string& path) const;

  /// Takes the lock, waiting for a run that holds it; with `wait` false returns false at once
  /// when another run holds it. Throws hpa::error when the lock file cannot be made.
  bool lock(bool wait);
  /// Reads the state (empty on the first run), remembering its text for restore().
  watch_state read(const profile& p);
  /// The state as it is now, read without the lock, to plan the reading of the input by (another
  /// run may write it before read() finds it under the lock); none when it cannot be read.
  std::optional<watch_state> peek(const profile& p) const;
  /// Replaces the state with `text`: whole or not at all.
  void write(const std::string& text);
  /// Puts back what read() found (no file, when there was none); false when it cannot.
  bool restore() noexcept;

  /// Whether read() found a file.
  bool existed() const noexcept { return before_.has_value(); }
  const std::string& path() const noexcept { return path_; }
  const std::string& lock_path() const noexcept { return lock_path_; }

 private:
  std::string path_;       // as given, for messages
  std::string target_;     // the file path_ leads to (links followed)
  std::string lock_path_;  // beside it
  int lock_fd_ = -1;
  std::optional<std::string> before_;  // the text read() found; none: there was no file
};

}  // namespace hpa::io
