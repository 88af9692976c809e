#pragma once
// The issued-warnings log: the warnings a city actually issued, one per line,
//   station,level,issued_at,start[,lift]
// (level: a level name of the profile; times: the plan's local clock, on the hour; lift: the hour
// the warning was lifted, empty while it is in force). hpa-report checks each against the rules;
// hpa-plot draws them under the rules' warnings. Other columns are ignored.

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "hpa/levels.hpp"
#include "hpa/profile.hpp"
#include "hpa/time.hpp"

namespace hpa::io {

/// One warning issued.
struct issued_entry {
  std::string station;
  level_t level = 0;           ///< a level of the profile (never 0)
  hour_t issued_at = 0;        ///< when it was announced
  hour_t start = 0;            ///< the first hour in force
  std::optional<hour_t> lift;  ///< the first hour no longer in force; none: in force to the end
  std::uint64_t line = 0;      ///< its line in the log (1-based), for messages
};

/// Reads an issued log. Throws hpa::error naming `source`, line and column: an empty input, a
/// missing column (station, level, issued_at and start are required), a level the profile does
/// not have, a time that is not one, a lift before the start.
std::vector<issued_entry> read_issued_log(std::istream& in, const std::string& source, const profile& p);

}  // namespace hpa::io
