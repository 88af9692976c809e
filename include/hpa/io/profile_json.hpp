#pragma once
// Policy profiles as JSON: the built-ins by name, or a file. A file may "extends" a built-in and
// change only what differs; unknown keys, wrong types and impossible values are errors that name
// the file and the JSON path ("/levels/1/any_of/0/hours").

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
