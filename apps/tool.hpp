#pragma once
// The shape every hpa-* tool has: a `spec` (name, summary, what it computes and costs, the common
// options it takes, its formats, its extra exit codes), a `struct args` with its own options, and
// `int run(const args&, context&)`. tool::main parses, runs and maps every failure to its exit
// code (0 success, 1 data or I/O error, 2 usage error) and message ("hpa-x: …" on stderr); a
// reader of stdout that goes away is a quiet stop.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>
#include <iosfwd>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hpa/directives.hpp"
#include "hpa/episodes.hpp"
#include "hpa/io/input.hpp"
#include "hpa/io/station_reader.hpp"
#include "hpa/io/table.hpp"
#include "hpa/profile.hpp"

namespace hpa::tool {

/// The common options, each taken by the tools it makes sense for.
namespace takes {
enum : unsigned {
  input = 1u << 0,    ///< [input]: a file, absent or - for stdin
  inputs = 1u << 1,   ///< [input …]: several files, read one after the other
  output = 1u << 2,   ///< -o FILE
  profile = 1u << 3,  ///< --profile NAME|FILE
  as_of = 1u << 4,    ///< --as-of DATE: the profile of --profile's lineage in force that day
  threads = 1u << 5,  ///< --threads N
  quiet = 1u << 6,    ///< -q
  format = 1u << 7,   ///< -f FORMAT, one of spec::formats
  // The output filters (their own bits, from 16 up): the rules always see the whole input, only
  // what is written is cut. See tool::filter.
  stations = 1u << 16,   ///< --station NAME, repeatable: only these stations
  period = 1u << 17,     ///< --since, --until: only what falls in this window
  min_level = 1u << 18,  ///< --level NAME: only warnings at or above this level
  filters = stations | period | min_level,
  // inputs as they come
  series = 1u << 8,  ///< [input …]: AQI CSV files read one after the other as one input, in the
                     ///< layout --time-format, --tz, --no-header and --columns give (instead of input)
};
}  // namespace takes

/// What a tool is, for its help and its messages.
struct spec {
  const char* name;
  const char* summary;                   ///< one line
  const char* details;                   ///< what it computes, from what, and what it costs
  unsigned takes = 0;                    ///< the common options it takes
  std::vector<io::format> formats = {};  ///< with `format`: the first is the default
  const char* exit_codes = nullptr;      ///< its own codes beyond 0, 1 and 2, e.g. "3 an action is due"
};

/// The values of the common options.
struct common {
  std::vector<std::string> inputs = {"-"};
  std::string output;
  std::string profile = default_profile_name;
  bool profile_given = false;  ///< --profile was on the command line (`profile` is not the default)
  std::string as_of;
  unsigned threads = 0;  ///< 0: one per core
  bool quiet = false;
  io::format format = io::format::csv;
  // The output filters (takes::stations, period, min_level), as given.
  std::vector<std::string> stations;
  std::string since, until, min_level;
  // inputs as they come (takes::series)
  std::string time_format, tz, columns;
  bool no_header = false;
};

/// The output filters, the same for every tool that takes them: --station NAME (repeatable),
/// --since and --until (a date or an hour; a date --until is its 23:00), --level NAME (at least).
/// The rules always see the whole input; a filter only cuts what is written. An episode is kept
/// whole when any hour of it in force falls in the window (its start, lift and levels are the
/// rules', never cut to the window), and kept by --level when its highest level reaches it.
class filter {
 public:
  /// Keeps everything.
  filter() = default;
  /// From the common options; a date, an hour or a level that does not parse is a usage error
  /// (CLI::ValidationError), as is --until before --since. `p`: for the level names.
  filter(const common& c, const hpa::profile* p);

  /// Whether a station is written (every one without --station).
  bool station(std::string_view name) const;
  /// Whether hour h is in the window.
  bool hour(hour_t h) const noexcept { return (!since_ || h >= *since_) && (!until_ || h <= *until_); }
  /// Whether the hours [from, to] overlap the window.
  bool overlaps(hour_t from, hour_t to) const noexcept {
    return (!since_ || to >= *since_) && (!until_ || from <= *until_);
  }
  /// The hours [from, to] cut to the window: first > second when none is in it.
  std::pair<hour_t, hour_t> cut(hour_t from, hour_t to) const noexcept {
    return {since_ ? std::max(from, *since_) : from, until_ ? std::min(to, *until_) : to};
  }
  /// Whether level l reaches --level (every level, none included, without it).
  bool level(level_t l) const noexcept { return l >= min_level_; }
  /// Whether an episode is written: in force in the window, its highest level reaching --level.
  bool episode(const hpa::episode& e) const noexcept { return overlaps(e.start, e.end) && level(e.level); }
  /// Whether an hour is written: in the window, the level in force there reaching --level.
  bool hour(hour_t h, level_t in_force) const noexcept { return hour(h) && level(in_force); }

  bool by_station() const noexcept { return !stations_.empty(); }
  bool by_period() const noexcept { return since_ || until_; }
  bool by_level() const noexcept { return min_level_ > 0; }
  const std::optional<hour_t>& since() const noexcept { return since_; }
  const std::optional<hour_t>& until() const noexcept { return until_; }

  /// A --station that names no station of the input is an error (hpa::error, "SOURCE: no station
  /// named 'X'"), never a silent empty output: `names` are the input's stations.
  template <class Names>
  void check_stations(const Names& names, const std::string& source) const {
    for (const auto& s : stations_) {
      bool found = false;
      for (const auto& n : names) found = found || std::string_view(n) == s;
      if (!found) missing_station(s, source);
    }
  }

 private:
  [[noreturn]] static void missing_station(const std::string& name, const std::string& source);

  std::vector<std::string> stations_;
  std::optional<hour_t> since_, until_;
  level_t min_level_ = 0;
};

/// Whether a long step shows its progress on stderr: only when stderr is a terminal, never with
/// -q or TERM=dumb (a terminal that cannot redraw a line), nor when the output itself goes to the
/// terminal (the line would be drawn over it).
bool progress_wanted(bool quiet, bool stderr_is_terminal, bool output_is_terminal, const char* term) noexcept;

/// A line on stderr that says how far a long step is, redrawn at most four times a second and
/// cleared when the step ends; silent unless progress_wanted().
class progress_line {
 public:
  progress_line(std::string tool, bool on);
  ~progress_line();
  progress_line(const progress_line&) = delete;
  progress_line& operator=(const progress_line&) = delete;

  bool on() const noexcept { return on_; }
  /// Shows "tool: text" unless a line was shown less than a quarter of a second ago; `text`
  /// is only made when it will be shown.
  void show(const std::function<std::string()>& text);
  /// Shows "tool: text" now (a new step: "sorting 8.7 M rows").
  void step(const std::string& text);
  /// Removes the line (it is drawn again by the next show).
  void clear();

 private:
  std::string tool_;
  bool on_, drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
  std::mutex mutex_;  // a reading thread and the one that waits for it may both show
};

/// An open input: a file, or stdin for "-". `name` is for messages ("stdin" or the path; several
/// files as one input are "a.csv + b.csv", and their rows name their own file).
/// `stream` reads it, counting for the progress line where there is one.
struct input {
  std::unique_ptr<std::ifstream> file;
  std::istream* stream;
  std::string name;
  // what counts the bytes read for the progress line; with takes::series the files after the
  // first, and the chain that reads them all as one input (declared last: it goes first)
  std::unique_ptr<std::istream> counted;
  std::vector<input> more;
  std::unique_ptr<io::input_chain> chain;
};

/// What one run of a tool shares: its name for messages, the common options, the profile.
class context {
 public:
  context(const spec& s, const common& c);

  const std::string& name() const noexcept { return name_; }
  const common& options() const noexcept { return common_; }
  /// The profile of --profile (and --as-of), loaded once.
  const hpa::profile& profile() const;

  /// A warning on stderr, "hpa-x: text", unless -q.
  void warn(const std::string& text) const;
  /// warn() for a reader to call.
  io::warn_fn warner() const;

  /// Opens a file, or stdin for "-"; a directory or an unreadable file is an error naming it.
  /// On a terminal its reading shows a progress line (see progress_wanted).
  input open(const std::string& path) const;
  /// A second input, given to `option`: as open(), but stdin ("-") only when the main input is
  /// not stdin too (a usage error otherwise).
  input open_beside(const std::string& path, const char* option) const;
  /// The input: the first file, or with takes::series every file as one input_chain in the layout
  /// of the options.
  input open_input() const;
  /// A progress line for a long step of this tool (silent unless progress_wanted).
  std::shared_ptr<progress_line> progress() const;
  /// Columns an AQI reader takes without a warning: what hpa-aqi and hpa-daily write beside the AQI.
  const std::vector<std::string>& quiet_columns() const;
  /// How to read the input: the file or stdin, threads, warnings and, when stderr is a terminal
  /// (not TERM=dumb) and not -q, a progress line.
  io::read_options reading(input& in) const;
  /// The output filters of --station, --since, --until and --level (everything kept when the
  /// tool takes none), checked before any work.
  const tool::filter& filter() const noexcept { return filter_; }

 private:
  std::string name_;
  common common_;
  mutable std::optional<hpa::profile> profile_;
  tool::filter filter_;
  // inputs as they come
  unsigned takes_ = 0;
  io::input_layout layout_;
  mutable std::shared_ptr<progress_line> progress_;
};

namespace detail {
/// Makes the app: name, help, --version, the common options of `s` bound to `c`.
void define(CLI::App& app, const spec& s, common& c);
/// Parses, makes the context and calls `body`; maps every failure to its exit code.
int main(CLI::App& app, const spec& s, common& c, int argc, char** argv, const std::function<int(context&)>& body);
}  // namespace detail

/// The whole main() of a tool: `Args` has a `common` member named `common` where the tool takes
/// common options; `options(app, args)` adds its own; `run(args, context)` returns its exit code.
template <class Args, class Options, class Run>
int main(int argc, char** argv, const spec& s, Options&& options, Run&& run) {
  Args a;
  CLI::App app;
  detail::define(app, s, a.common);
  options(app, a);
  return detail::main(app, s, a.common, argc, argv, [&](context& cx) { return run(a, cx); });
}

/// Parses an hour option (--at, --now): "2023-12-01T08:00"; a usage error otherwise.
hour_t hour_option(const std::string& text, const char* option);
/// Parses a date option (--since, --until): "2023-12-01"; a usage error otherwise.
hour_t date_option(const std::string& text, const char* option);

/// The profile an option names (--profile): a built-in or a JSON file. A value that is neither a
/// built-in name nor an existing file is a usage error (exit 2), as any bad option value; a file
/// that exists but cannot be read or parsed is a data error (exit 1).
hpa::profile profile_option(const std::string& value, const char* option);

/// Warns, once per area, of the directives (read from `source`) whose area is none of the
/// input's `stations`: they apply to nothing.
void warn_unused_directives(const context& cx, const std::string& source, std::span<const directive> ds,
                            const std::vector<std::string_view>& stations);

}  // namespace hpa::tool
