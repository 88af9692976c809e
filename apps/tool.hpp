#pragma once
// What every hpa-* tool shares: the common options, opening the input, exit codes
// (0 success, 1 data or I/O error, 2 usage error), diagnostics on stderr prefixed with the
// tool's name, and a quiet exit when the reader of stdout goes away.

#include <CLI/CLI.hpp>

#include <fstream>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "hpa/io/station_reader.hpp"
#include "hpa/profile.hpp"

namespace hpa::tool {

struct common_options {
  std::string input = "-";
  std::string output;
  std::string profile = "pingdingshan-2023";
  bool quiet = false;
  unsigned threads = 0;  // 0: one per core
  std::string as_of;     // pick the profile of --profile's lineage in force on this date
};

/// Describes a tool: its name, a one-line summary and a paragraph on what it computes and costs.
void describe(CLI::App& app, const std::string& name, const std::string& summary, const std::string& details);

/// Adds [input], -o/--output, --profile, -q/--quiet.
void add_common(CLI::App& app, common_options& o);

/// Parses, runs `body`, and maps every failure to its exit code and message.
int run(CLI::App& app, int argc, char** argv, const std::function<void()>& body);

/// The input: a file, or stdin for "-". The returned name is for messages ("stdin" or the path).
struct input {
  std::unique_ptr<std::ifstream> file;
  std::istream* stream;
  std::string name;
};
input open_input(const std::string& path);

/// Adds --as-of, for the tools that decide a warning.
void add_as_of(CLI::App& app, common_options& o);

/// Adds --threads, for the tools that read a whole file before they write.
void add_threads(CLI::App& app, common_options& o);

/// How to read the input: the file or stdin, threads, warnings and, when stderr is a terminal
/// and not --quiet, a progress line.
io::read_options reading(const common_options& o, input& in);

/// The profile named or the file given with --profile.
profile load(const common_options& o);

/// A warning on stderr, "hpa-x: text", unless --quiet.
void warn(const std::string& text);

}  // namespace hpa::tool
