#include "tool.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <filesystem>
#include <iostream>
#include <thread>

#include "hpa/error.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/profile_json.hpp"
#include "hpa/io/utf8.hpp"
#include "hpa/version.hpp"

namespace hpa::tool {

namespace {

constexpr const char* common_group = "Common options";

// What hpa-aqi writes beside the AQI it computes: an AQI reader takes them without a warning.
const std::vector<std::string> aqi_companion_columns = {"category", "valid_hours", "iaqi_"};

std::string format_list(const std::vector<io::format>& formats) {
  std::string s;
  for (std::size_t i = 0; i < formats.size(); ++i)
    s += std::string(i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + io::to_string(formats[i]);
  return s;
}

void add_format(CLI::App& app, const spec& s, common& c) {
  c.format = s.formats.front();
  std::vector<std::string> names;
  for (auto f : s.formats) names.emplace_back(io::to_string(f));
  app.add_option_function<std::string>(
         "-f,--format",
         [&c](const std::string& v) { io::from_string(v, c.format); },
         format_list(s.formats) + " (default " + names.front() + ")")
      ->check(CLI::IsMember(names))
      ->group(common_group);
}

// ---- the output filters ----

constexpr const char* filter_group = "Filters (the rules see the whole input; only the output is cut)";

void add_filters(CLI::App& app, const spec& s, common& c) {
  if (s.takes & takes::stations)
    app.add_option("--station", c.stations, "Only this station (its exact name); repeat for several")
        ->allow_extra_args(false)  // `--station A file.csv`: the file is the input, not a station
        ->group(filter_group);
  if (s.takes & takes::period) {
    app.add_option("--since", c.since, "Only from this day (2023-12-01) or hour (2023-12-01T08:00) on")
        ->group(filter_group);
    app.add_option("--until", c.until, "Only up to this day (to its 23:00) or hour")->group(filter_group);
  }
  if (s.takes & takes::min_level)
    app.add_option("--level", c.min_level, "Only warnings at or above this level of the profile (yellow, orange, red)")
        ->group(filter_group);
}

// --since and --until: a date is its first hour for --since, its last (23:00) for --until.
std::optional<hour_t> window_bound(const std::string& text, const char* option, bool end) {
  if (text.empty()) return std::nullopt;
  const auto t = parse_time(text);
  if (!t)
    throw CLI::ValidationError(option, "expected a date (2023-12-01) or an hour (2023-12-01T08:00), got " + io::quote(text));
  return t.date_only && end ? t.hour + 23 : t.hour;
}

// The exit codes line of a tool's help.
std::string exit_codes(const spec& s) {
  std::string codes = "Exit codes: 0 success, 1 data or I/O error, 2 usage error";
  if (s.exit_codes) codes += std::string(", ") + s.exit_codes;
  return codes + ".";
}

}  // namespace

namespace detail {

void define(CLI::App& app, const spec& s, common& c) {
  app.name(s.name);
  app.description(std::string(s.summary) + "\n\n" + s.details);
  app.footer(exit_codes(s));
  app.get_formatter()->column_width(30);
  app.set_version_flag("--version", std::string(s.name) + " " + hpa::version, "Print the version and exit");
  if (s.takes & takes::input)
    app.add_option("input", c.inputs.front(), "CSV file to read; absent or - reads stdin")->group(common_group);
  if (s.takes & takes::inputs)
    app.add_option("input", c.inputs, "Files to read, one after the other; absent or - reads stdin")->group(common_group);
  if (s.takes & takes::output)
    app.add_option("-o,--output", c.output, "Write to FILE instead of stdout: whole or not at all")->group(common_group);
  if (s.takes & takes::profile)
    app.add_option("--profile", c.profile, "Policy profile: a built-in name (hpa-profile list) or a JSON file")
        ->capture_default_str()
        ->group(common_group);
  if (s.takes & takes::as_of)
    app.add_option("--as-of", c.as_of, "Use the profile of --profile's lineage in force on this date (YYYY-MM-DD)")
        ->group(common_group);
  if (s.takes & takes::threads)
    app.add_option("--threads", c.threads, "Threads for a file grouped by station (default: one per core)")
        ->group(common_group);
  if (s.takes & takes::format) add_format(app, s, c);
  if (s.takes & takes::quiet) app.add_flag("-q,--quiet", c.quiet, "No warnings on stderr")->group(common_group);
  add_filters(app, s, c);
}

int main(CLI::App& app, const spec& s, common& c, int argc, char** argv, const std::function<int(context&)>& body) {
  io::ensure_standard_fds();  // before any file is opened: none may become stdout or stderr
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows up as EPIPE, handled as a quiet stop
  std::ios::sync_with_stdio(false);
  const auto usage = [&](const std::string& what) {
    std::cerr << s.name << ": " << what << "\nRun with --help for usage.\n";
    return 2;  // CLI11 2.1 returns 100-114 for these; hpa says 2 for every usage error
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion& e) {
    std::cout << e.what() << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    return usage(e.what());
  }
  try {
    context cx(s, c);
    return body(cx);
  } catch (const io::broken_pipe&) {
    return 0;
  } catch (const CLI::ParseError& e) {  // an option value the tool found wrong (--at 2023-13-01)
    return usage(e.what());
  } catch (const error& e) {
    std::cerr << s.name << ": " << e.what() << '\n';
    return 1;
  } catch (const std::bad_alloc&) {
    std::cerr << s.name << ": out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << s.name << ": " << e.what() << '\n';
    return 1;
  }
}

}  // namespace detail

context::context(const spec& s, const common& c) : name_(s.name), common_(c) {
  if (s.takes & takes::profile) profile();  // a bad --profile or --as-of fails before any work
  if (s.takes & takes::filters) filter_ = tool::filter(c, s.takes & takes::profile ? &profile() : nullptr);
}

filter::filter(const common& c, const hpa::profile* p)
    : stations_(c.stations),
      since_(window_bound(c.since, "--since", false)),
      until_(window_bound(c.until, "--until", true)) {
  if (since_ && until_ && *until_ < *since_)
    throw CLI::ValidationError("--until", c.until + " is before --since " + c.since);
  if (!c.min_level.empty()) {
    const auto l = p ? p->find_level(c.min_level) : std::nullopt;
    if (!l) throw CLI::ValidationError("--level", "no level " + io::quote(c.min_level) + " in profile " + (p ? p->name : ""));
    min_level_ = *l;
  }
}

bool filter::station(std::string_view name) const {
  return stations_.empty() || std::find(stations_.begin(), stations_.end(), name) != stations_.end();
}

void filter::missing_station(const std::string& name, const std::string& source) {
  throw error(source + ": no station named " + io::quote(name));
}

const hpa::profile& context::profile() const {
  if (profile_) return *profile_;
  auto p = io::load_profile(common_.profile);
  if (!common_.as_of.empty()) {
    const auto t = parse_time(common_.as_of);
    if (!t || !t.date_only)
      throw CLI::ValidationError("--as-of", "expected a date such as 2016-12-01, got '" + common_.as_of + "'");
    auto then = profile_as_of(p.lineage, common_.as_of);
    if (!then)
      throw error("--as-of " + common_.as_of + ": no " + p.lineage +
                  " profile was in force then (the oldest built-in starts later)");
    p = std::move(*then);
  }
  return profile_.emplace(std::move(p));
}

void context::warn(const std::string& text) const {
  if (!common_.quiet) std::cerr << name_ << ": " << text << '\n';
}

io::warn_fn context::warner() const {
  return [this](const std::string& text) { warn(text); };
}

input context::open(const std::string& path) const {
  if (path.empty() || path == "-") return {nullptr, &std::cin, "stdin"};
  auto f = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*f) throw error(path + ": cannot open: " + std::strerror(errno));
  if (std::error_code ec; std::filesystem::is_directory(path, ec)) throw error(path + ": is a directory");
  auto* s = f.get();
  return {std::move(f), s, path};
}

const std::vector<std::string>& context::quiet_columns() const { return aqi_companion_columns; }

io::read_options context::reading(input& in) const {
  io::read_options r;
  r.path = in.file ? in.name : std::string();
  r.stream = in.stream;
  r.source = in.name;
  r.threads = common_.threads ? common_.threads : std::max(1u, std::thread::hardware_concurrency());
  r.warn = warner();
  r.quiet_columns = quiet_columns();
  const char* term = std::getenv("TERM");
  if (!common_.quiet && ::isatty(2) && !(term && std::string_view(term) == "dumb"))
    r.progress = [name = name_](std::uint64_t rows, bool done) {
      if (done) std::cerr << "\r\033[K" << std::flush;  // leave the terminal as it was
      else std::cerr << fmt::format("\r{}: {:.1f} M rows read", name, rows / 1e6) << std::flush;
    };
  return r;
}

hour_t hour_option(const std::string& text, const char* option) {
  const auto t = parse_time(text);
  if (!t || t.date_only) throw CLI::ValidationError(option, "expected an hour such as 2023-12-01T08:00, got '" + text + "'");
  return t.hour;
}

hour_t date_option(const std::string& text, const char* option) {
  const auto t = parse_time(text);
  if (!t || !t.date_only) throw CLI::ValidationError(option, "expected a date such as 2016-12-01, got '" + text + "'");
  return t.hour;
}

}  // namespace hpa::tool
