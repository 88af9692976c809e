#pragma once
// Episodes as CSV rows, JSON objects and text, the forms hpa-episodes and its followers print.

#include <nlohmann/json.hpp>
#include <string>

#include "hpa/episodes.hpp"
#include "hpa/levels.hpp"
#include "hpa/profile.hpp"

namespace hpa::io {

/// "red: daily AQI > 200 lasting 72 h, with > 300 lasting 24 h within them; chain
/// 2023-12-01T00:00..2023-12-03T23:00": the rule behind an episode's highest level.
std::string episode_rule(const episode& e, const profile& p, const rule_set& rules);

/// "lift" or "downgrade to orange": what a pending episode waits for.
std::string pending_action(const episode& e, const profile& p);

nlohmann::ordered_json episode_json(const std::string& station, const episode& e, const profile& p,
                            const rule_set& rules);

std::string episode_csv_header();
std::string episode_csv_row(const std::string& station, const episode& e, const profile& p,
                            const rule_set& rules);

/// A few lines for a person.
std::string episode_text(const std::string& station, const episode& e, const profile& p,
                         const rule_set& rules);

/// Quotes a CSV field when it needs it.
std::string csv_field(const std::string& s);

}  // namespace hpa::io
