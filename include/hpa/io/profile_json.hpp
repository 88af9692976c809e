#pragma once
// Policy profiles as JSON: the built-ins by name, or a file. A file may "extends" a built-in and
// change only what differs; unknown keys, a key given twice, wrong types and impossible values
// are errors that name the file and the JSON path ("/levels/1/any_of/0/hours").
//
// "measures" names the catalogue of response measures (measures.hpp: "pingdingshan-2023"), or is
// null for none. A file that extends a built-in inherits its measures; one that does not lists
// none unless it names them.
//
// Every number has bounds (durations at most a year, max_aqi 100 to 10000, thresholds above 0
// and below max_aqi, at most 256 conditions: the audit trail numbers them in one byte); level
// names are [a-z0-9_-]{1,32}, as they name CSV columns. Levels must rise: no condition of a
// level may imply a condition of a higher level, as then that way of reaching the lower level
// would always reach the higher one. Condition A implies B when A's threshold passes B's (> 300
// passes > 200 and >= 200; >= 200 does not pass > 200), A lasts at least as long, and B's inner
// rule, if any, is implied by A's main or inner rule.

#include <nlohmann/json.hpp>
#include <string>

#include "hpa/profile.hpp"

namespace hpa::io {

nlohmann::ordered_json to_json(const profile& p);

/// Builds a profile from JSON; `source` names it in errors.
profile profile_from_json(const nlohmann::json& j, const std::string& source);

/// Parses JSON text into a profile.
profile parse_profile(std::string_view text, const std::string& source);

/// A built-in profile by name, or nullptr.
const profile* find_builtin(const std::string& name);

/// A built-in by name, else a JSON file at that path (read here: the one I/O of this header).
profile load_profile(const std::string& name_or_path);

}  // namespace hpa::io
