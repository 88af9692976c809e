#include "tool.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <thread>

#include "hpa/error.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/profile_json.hpp"

namespace hpa::tool {

namespace {
std::string tool_name = "hpa";
bool quiet = false;
}  // namespace

void describe(CLI::App& app, const std::string& name, const std::string& summary, const std::string& details) {
  tool_name = name;
  app.name(name);
  app.description(summary + "\n\n" + details);
  app.footer(
      "Common options:\n"
      "  [input]           CSV file to read; absent or - reads stdin\n"
      "  -o, --output FILE write here instead of stdout; the file is written whole or not at all\n"
      "  --profile NAME|FILE  policy profile: a built-in name (hpa-profile list) or a JSON file\n"
      "  -q, --quiet       no warnings on stderr\n\n"
      "Exit codes: 0 success, 1 data or I/O error, 2 usage error.");
  app.get_formatter()->column_width(28);
}

void add_common(CLI::App& app, common_options& o) {
  app.add_option("input", o.input, "CSV file (absent or - = stdin)");
  app.add_option("-o,--output", o.output, "Write to FILE (whole or not at all)");
  app.add_option("--profile", o.profile, "Built-in profile name or JSON file")->capture_default_str();
  app.add_flag("-q,--quiet", o.quiet, "No warnings on stderr");
}

input open_input(const std::string& path) {
  if (path.empty() || path == "-") return {nullptr, &std::cin, "stdin"};
  auto f = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*f) throw error(path + ": cannot open: " + std::strerror(errno));
  if (std::error_code ec; std::filesystem::is_directory(path, ec)) throw error(path + ": is a directory");
  auto* s = f.get();
  return {std::move(f), s, path};
}

void add_threads(CLI::App& app, common_options& o) {
  app.add_option("--threads", o.threads, "Threads for a file grouped by station (default: one per core)");
}

io::read_options reading(const common_options& o, input& in) {
  io::read_options r;
  r.path = in.file ? o.input : std::string();
  r.stream = in.stream;
  r.source = in.name;
  r.threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  r.warn = warn;
  if (!o.quiet && ::isatty(2))
    r.progress = [](std::uint64_t rows, bool done) {
      if (done) std::cerr << "\r\033[K" << std::flush;  // leave the terminal as it was
      else std::cerr << fmt::format("\r{}: {:.1f} M rows read", tool_name, rows / 1e6) << std::flush;
    };
  return r;
}

void add_as_of(CLI::App& app, common_options& o) {
  app.add_option("--as-of", o.as_of,
                 "Use the profile of --profile's lineage that was in force on this date (YYYY-MM-DD)");
}

profile load(const common_options& o) {
  quiet = o.quiet;
  auto p = io::load_profile(o.profile);
  if (o.as_of.empty()) return p;
  const auto t = parse_time(o.as_of);
  if (!t || !t.date_only) throw CLI::ValidationError("--as-of", "expected a date such as 2016-12-01, got '" + o.as_of + "'");
  auto then = profile_as_of(p.lineage, o.as_of);
  if (!then) throw error("--as-of " + o.as_of + ": no " + p.lineage + " profile was in force then (the oldest built-in starts later)");
  return *then;
}

void warn(const std::string& text) {
  if (!quiet) std::cerr << tool_name << ": " << text << '\n';
}

int run(CLI::App& app, int argc, char** argv, const std::function<void()>& body) {
  io::ensure_standard_fds();  // before any file is opened: none may become stdout or stderr
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows up as EPIPE, handled as a quiet stop
  std::ios::sync_with_stdio(false);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp& e) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::ParseError& e) {
    std::cerr << tool_name << ": " << e.what() << "\n" << "Run with --help for usage.\n";
    return 2;  // CLI11 2.1 returns 100-114 for these; hpa says 2 for every usage error
  }
  try {
    body();
    return 0;
  } catch (const io::broken_pipe&) {
    return 0;
  } catch (const CLI::ParseError& e) {  // an option value the body found wrong (--at 2023-13-01)
    std::cerr << tool_name << ": " << e.what() << "\nRun with --help for usage.\n";
    return 2;
  } catch (const error& e) {
    std::cerr << tool_name << ": " << e.what() << '\n';
    return 1;
  } catch (const std::bad_alloc&) {
    std::cerr << tool_name << ": out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << tool_name << ": " << e.what() << '\n';
    return 1;
  }
}

}  // namespace hpa::tool
