#pragma once
// hpa::error: the one exception type of hpa. Its message names the source, the 1-based line and
// column where they are known ("aqi.csv:14:3: expected a number, got 'n/a'"), as compilers do.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

namespace hpa {

/// Where a diagnostic points: a source name ("stdin" or a path), 1-based line and column
/// (0 = unknown, then it is left out of the message).
struct location {
  std::string source;
  std::uint64_t line = 0;
  std::uint64_t column = 0;
};

inline std::string to_string(const location& where) {
  std::string s = where.source;
  if (where.line) {
    s += ':' + std::to_string(where.line);
    if (where.column) s += ':' + std::to_string(where.column);
  }
  return s;
}

/// Every error hpa raises: bad input, a bad profile, an I/O failure.
class error : public std::runtime_error {
 public:
  explicit error(const std::string& message) : std::runtime_error(message) {}
  error(const location& where, const std::string& message)
      : std::runtime_error(to_string(where) + ": " + message), where_(where) {}
  const location& where() const noexcept { return where_; }

 private:
  location where_;
};

/// The step an input needs before it can be taken: another tool's job, which the tool layer
/// names (the rules and the readers know what is missing, not the tools).
enum class missing_step : std::uint8_t {
  compute_aqi,            ///< rows and not one AQI value, nor concentrations to make them from
  compute_aqi_each_file,  ///< the same, over several files: each is computed apart
  convert_daily_city,     ///< a headerless daily city history file
  write_episodes_json,    ///< JSON that is not an array of episode records
};

/// An input that cannot give the answer until `step` is done; what() says what is wrong with it.
struct needs_step : error {
  needs_step(const std::string& what, missing_step step, std::string source)
      : error(what), step(step), source(std::move(source)) {}
  missing_step step;
  std::string source;  ///< the input, as messages name it
};

}  // namespace hpa
