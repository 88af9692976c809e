#pragma once
// Parsing JSON text for hpa's readers: every nlohmann exception (a syntax error, and also a
// number out of range, which is not a parse_error) becomes an hpa::error naming the source.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "hpa/error.hpp"

namespace hpa::io::detail {

/// nlohmann's message without its "[json.exception.parse_error.101] " id.
inline std::string json_message(const nlohmann::json::exception& e) {
  std::string what = e.what();
  if (auto at = what.find("] "); at != std::string::npos) what = what.substr(at + 2);
  return what;
}

/// Parses `text`; on failure throws hpa::error "<source>: <prefix><nlohmann's message><suffix>".
inline nlohmann::json parse_json(std::string_view text, const std::string& source, const std::string& prefix = {},
                                 const std::string& suffix = {}) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw error(source + ": " + prefix + json_message(e) + suffix);
  }
}

}  // namespace hpa::io::detail
