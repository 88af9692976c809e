#include "tool.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <thread>

#include "hpa/error.hpp"
#include "hpa/io/input.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/profile_json.hpp"
#include "hpa/io/utf8.hpp"
#include "hpa/time_layout.hpp"
#include "hpa/version.hpp"

namespace hpa::tool {

namespace {

constexpr const char* common_group = "Common options";
constexpr const char* input_group = "Input layout";

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
         "-f,--format", [&c](const std::string& v) { io::from_string(v, c.format); },
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
    throw CLI::ValidationError(option,
                               "expected a date (2023-12-01) or an hour (2023-12-01T08:00), got " + io::quote(text));
  return t.date_only && end ? t.hour + 23 : t.hour;
}

// The exit codes line of a tool's help.
std::string exit_codes(const spec& s) {
  std::string codes = "Exit codes: 0 success, 1 data or I/O error, 2 usage error";
  if (s.exit_codes) codes += std::string(", ") + s.exit_codes;
  return codes + ".";
}

// Inputs as they come: several files, timestamps in a layout or another clock, no header.
void add_series_input(CLI::App& app, common& c) {
  app.add_option("input", c.inputs,
                 "CSV files to read, one after the other as one input (each with its own header); "
                 "absent or - reads stdin")
      ->group(common_group);
  app.add_option("--time-format", c.time_format,
                 "Timestamps laid out so, e.g. '%Y/%m/%d %H:%M' for 2023/12/1 8:00: %Y %m %d %H %M %S, %I with %p "
                 "(AM/PM), %z (+08:00, Z), %%; default 2023-12-01T08:00 and its ISO 8601 forms")
      ->group(input_group);
  app.add_option("--tz", c.tz,
                 "The clock of timestamps without an offset: UTC, +08:00, -05:00, UTC+8 …; converted to the "
                 "plan's (UTC+8, the default). Timestamps with an offset (Z, +08:00) are converted anyway")
      ->group(input_group);
  auto* no_header =
      app.add_flag("--no-header", c.no_header, "The files have no header line: --columns names their columns")
          ->group(input_group);
  auto* columns =
      app.add_option("--columns", c.columns, "The columns of files without a header, in order, e.g. station,time,aqi")
          ->group(input_group);
  no_header->needs(columns);
  columns->needs(no_header);
}

// A stream that counts the bytes read through it and shows them on a progress line.
class counting_buf : public std::streambuf {
 public:
  counting_buf(std::streambuf* source, std::string name, std::uint64_t total, std::shared_ptr<progress_line> line)
      : source_(source),
        name_(std::filesystem::path(name).filename().string()),
        total_(total),
        line_(std::move(line)) {}

 protected:
  int_type underflow() override {
    const auto n = counted(source_->sgetn(data_.data(), static_cast<std::streamsize>(data_.size())));
    if (n <= 0) return traits_type::eof();
    setg(data_.data(), data_.data(), data_.data() + n);
    return traits_type::to_int_type(data_[0]);
  }
  // Large reads go straight to the caller's buffer, as the file's own would.
  std::streamsize xsgetn(char* s, std::streamsize count) override {
    std::streamsize done = std::min<std::streamsize>(count, egptr() - gptr());
    if (done > 0) std::memcpy(s, gptr(), static_cast<std::size_t>(done));  // no buffer yet: gptr() is null
    gbump(static_cast<int>(done));
    if (done < count) done += std::max<std::streamsize>(0, counted(source_->sgetn(s + done, count - done)));
    return done;
  }

 private:
  std::streamsize counted(std::streamsize n) {
    if (n <= 0) {
      line_->clear();  // the input is read: what follows (the output) starts on a clean line
      return n;
    }
    done_ += static_cast<std::uint64_t>(n);
    line_->show([&] {
      if (total_ == 0) return fmt::format("{}: {:.0f} MB read", name_, done_ / 1e6);
      return fmt::format("{}: {:.0f} % of {:.0f} MB read", name_,
                         100.0 * static_cast<double>(done_) / static_cast<double>(total_), total_ / 1e6);
    });
    return n;
  }

  std::streambuf* source_;
  std::string name_;
  std::uint64_t total_, done_ = 0;
  std::shared_ptr<progress_line> line_;
  std::array<char, 1 << 16> data_{};
};

class counting_stream : public std::istream {
 public:
  counting_stream(std::istream& source, std::string name, std::uint64_t total, std::shared_ptr<progress_line> line)
      : std::istream(nullptr), buf_(source.rdbuf(), std::move(name), total, std::move(line)) {
    rdbuf(&buf_);
  }

 private:
  counting_buf buf_;
};

// The layout --time-format, --tz and --columns give; their errors are usage errors.
io::input_layout layout_of(const common& c) {
  io::input_layout l;
  if (!c.time_format.empty()) {
    const auto r = time_layout::compile(c.time_format);
    if (!r)
      throw CLI::ValidationError(
          "--time-format", fmt::format("{} (at character {} of '{}')", r.error, r.error_offset + 1, c.time_format));
    l.time = r.layout;
    l.time_format = c.time_format;
  }
  try {
    if (!c.tz.empty()) l.utc_offset_minutes = io::parse_tz(c.tz);
    if (c.no_header) l.columns = io::parse_columns(c.columns);
  } catch (const error& e) {
    throw CLI::ValidationError(e.what());
  }
  return l;
}

}  // namespace

bool progress_wanted(bool quiet, bool stderr_is_terminal, bool output_is_terminal, const char* term) noexcept {
  return !quiet && stderr_is_terminal && !output_is_terminal && !(term && std::string_view(term) == "dumb");
}

progress_line::progress_line(std::string tool, bool on) : tool_(std::move(tool)), on_(on) {}

progress_line::~progress_line() { clear(); }

void progress_line::show(const std::function<std::string()>& text) {
  if (!on_) return;
  constexpr auto every = std::chrono::milliseconds(250);  // fast enough to see it move, slow enough to cost nothing
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < every) return;
  std::cerr << "\r\033[K" << tool_ << ": " << text() << std::flush;
  drawn_ = true;
  last_ = now;
}

void progress_line::step(const std::string& text) {
  if (!on_) return;
  std::lock_guard lock(mutex_);
  std::cerr << "\r\033[K" << tool_ << ": " << text << std::flush;
  drawn_ = true;
  last_ = std::chrono::steady_clock::now();
}

void progress_line::clear() {
  if (!on_) return;
  std::lock_guard lock(mutex_);
  if (drawn_) std::cerr << "\r\033[K" << std::flush;  // leave the terminal as it was
  drawn_ = false;
}

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
    app.add_option("input", c.inputs, "Files to read, one after the other; absent or - reads stdin")
        ->group(common_group);
  if (s.takes & takes::output)
    app.add_option("-o,--output", c.output, "Write to FILE instead of stdout: whole or not at all")
        ->group(common_group);
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
  if (s.takes & takes::series) add_series_input(app, c);
}

// What the tools say to do for an input that needs another tool first.
std::string the_step(const io::needs_step& e, const std::string& tool) {
  switch (e.step) {
    case io::missing_step::compute_aqi:
      return ": hpa-aqi --daily " + e.source + " | " + tool;
    case io::missing_step::compute_aqi_each_file:
      return ", file by file: hpa-aqi --daily FILE > FILE-aqi.csv";
    case io::missing_step::convert_daily_city:
      return " (a daily city file? hpa-convert --from daily-city)";
    case io::missing_step::write_episodes_json:
      return ", as hpa-episodes --format json writes them";
  }
  return "";
}

int main(CLI::App& app, const spec& s, common& c, int argc, char** argv, const std::function<int(context&)>& body) {
  io::ensure_standard_fds();      // before any file is opened: none may become stdout or stderr
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
  if (s.takes & takes::profile) c.profile_given = app.count("--profile") > 0;
  try {
    context cx(s, c);
    return body(cx);
  } catch (const io::broken_pipe&) {
    return 0;
  } catch (const CLI::ParseError& e) {  // an option value the tool found wrong (--at 2023-13-01)
    return usage(e.what());
  } catch (const io::needs_step& e) {
    std::cerr << s.name << ": " << e.what() << the_step(e, s.name) << '\n';
    return 1;
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

context::context(const spec& s, const common& c) : name_(s.name), common_(c), takes_(s.takes) {
  if (s.takes & takes::profile) profile();  // a bad --profile or --as-of fails before any work
  if (s.takes & takes::series) {
    layout_ = layout_of(c);
    if (std::count_if(c.inputs.begin(), c.inputs.end(), [](const std::string& p) { return p.empty() || p == "-"; }) > 1)
      throw CLI::ValidationError("input", "stdin (-) can be read once");
  }
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
    if (!l)
      throw CLI::ValidationError("--level", "no level " + io::quote(c.min_level) + " in profile " + (p ? p->name : ""));
    min_level_ = *l;
  }
}

bool filter::station(std::string_view name) const {
  return stations_.empty() || std::find(stations_.begin(), stations_.end(), name) != stations_.end();
}

void filter::missing_station(const std::string& name, const std::string& source) {
  throw error(source + ": no station named " + io::quote(name));
}

std::shared_ptr<progress_line> context::progress() const {
  if (!progress_) {
    const char* term = std::getenv("TERM");
    const bool to_stdout = common_.output.empty() || common_.output == "-";
    progress_ = std::make_shared<progress_line>(
        name_, progress_wanted(common_.quiet, ::isatty(2) == 1, to_stdout && ::isatty(1) == 1, term));
  }
  return progress_;
}

const hpa::profile& context::profile() const {
  if (profile_) return *profile_;
  auto p = profile_option(common_.profile, "--profile");
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

hpa::profile profile_option(const std::string& value, const char* option) {
  try {
    return io::load_profile(value);
  } catch (const error& e) {
    if (std::error_code ec; io::find_builtin(value) || std::filesystem::exists(value, ec)) throw;
    throw CLI::ValidationError(option, e.what());
  }
}

void context::warn(const std::string& text) const {
  if (!common_.quiet) std::cerr << name_ << ": " << text << '\n';
}

io::warn_fn context::warner() const {
  return [this](const std::string& text) { warn(text); };
}

input context::open(const std::string& path) const {
  input in;
  if (path.empty() || path == "-") {
    in.stream = &std::cin;
    in.name = "stdin";
  } else {
    in.file = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*in.file) throw error(path + ": cannot open: " + std::strerror(errno));
    if (std::error_code ec; std::filesystem::is_directory(path, ec)) throw error(path + ": is a directory");
    in.stream = in.file.get();
    in.name = path;
  }
  if (auto line = progress(); line->on()) {
    std::error_code ec;
    const auto size = in.file && std::filesystem::is_regular_file(path, ec) ? std::filesystem::file_size(path, ec) : 0;
    in.counted = std::make_unique<counting_stream>(*in.stream, in.name, ec ? 0 : size, line);
    in.stream = in.counted.get();
  }
  return in;
}

input context::open_beside(const std::string& path, const char* option) const {
  const auto& main = common_.inputs.empty() ? std::string() : common_.inputs.front();
  if (path == "-" && (main.empty() || main == "-"))
    throw CLI::ValidationError(option, "stdin can feed only one of the two inputs");
  return open(path);
}

input context::open_input() const {
  if (!(takes_ & takes::series)) return open(common_.inputs.front());
  input in = open(common_.inputs.front());
  std::vector<io::input_chain::part> parts = {{in.stream, in.name}};
  for (std::size_t i = 1; i < common_.inputs.size(); ++i) {
    in.more.push_back(open(common_.inputs[i]));
    parts.push_back({in.more.back().stream, in.more.back().name});
  }
  in.chain = std::make_unique<io::input_chain>(std::move(parts), layout_);
  in.stream = in.chain.get();
  for (const auto& more : in.more) in.name += " + " + more.name;  // what the input is, in reports
  return in;
}

const std::vector<std::string>& context::quiet_columns() const { return aqi_companion_columns; }

io::read_options context::reading(input& in) const {
  io::read_options r;
  // One file with a header line is read by its path, on several cores where it can be.
  const bool one_file = in.file && in.more.empty() && layout_.has_header();
  r.path = one_file ? in.name : std::string();
  r.stream = in.stream;
  r.source = in.name;
  r.threads = common_.threads ? common_.threads : std::max(1u, std::thread::hardware_concurrency());
  r.warn = warner();
  r.quiet_columns = quiet_columns();
  r.layout = layout_;
  // Read by its path, the file shows rows read; a stream shows the bytes its counter counts.
  if (auto line = progress(); line->on() && one_file)
    r.progress = [line](std::uint64_t rows, bool done) {
      if (done)
        line->clear();
      else
        line->show([&] { return fmt::format("{:.1f} M rows read", rows / 1e6); });
    };
  return r;
}

hour_t hour_option(const std::string& text, const char* option) {
  const auto t = parse_time(text);
  if (!t || t.date_only)
    throw CLI::ValidationError(option, "expected an hour such as 2023-12-01T08:00, got '" + text + "'");
  return t.hour;
}

hour_t date_option(const std::string& text, const char* option) {
  const auto t = parse_time(text);
  if (!t || !t.date_only) throw CLI::ValidationError(option, "expected a date such as 2016-12-01, got '" + text + "'");
  return t.hour;
}

void warn_unused_directives(const context& cx, const std::string& source, std::span<const directive> ds,
                            const std::vector<std::string_view>& stations) {
  std::vector<std::string_view> warned;
  for (const auto& d : ds) {
    const std::string_view area = d.area;
    if (area.empty() || std::find(stations.begin(), stations.end(), area) != stations.end() ||
        std::find(warned.begin(), warned.end(), area) != warned.end())
      continue;
    warned.push_back(area);
    cx.warn(source + ": no station '" + d.area + "' in the input: its directives are not used");
  }
}

}  // namespace hpa::tool
