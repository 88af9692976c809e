#pragma once
// Episodes as CSV rows, JSON objects and text, the forms hpa-episodes and its followers print.

#include <nlohmann/json.hpp>
#include <string>

#include "hpa/episodes.hpp"
#include "hpa/io/table.hpp"
#include "hpa/profile.hpp"

namespace hpa::io {

/// "red: daily AQI > 200 lasting 72 h, with > 300 lasting 24 h within them; chain
/// 2023-12-01T00:00..2023-12-03T23:00": the rule behind an episode's highest level.
std::string episode_rule(const episode& e, const profile& p);

/// "lift" or "downgrade to orange": what a pending episode waits for.
std::string pending_action(const episode& e, const profile& p);

/// "dust 2023-12-01T05:00..2023-12-03T22:00; O3 …": the excluded hours behind a withheld episode.
std::string excluded_text(const episode& e);

/// The columns of an episode record (CSV leaves out what only JSON carries), and its fields.
const std::vector<column>& episode_columns();
std::vector<field> episode_fields(const std::string& station, const episode& e, const profile& p);

nlohmann::ordered_json episode_json(const std::string& station, const episode& e, const profile& p);

std::string episode_csv_header();
std::string episode_csv_row(const std::string& station, const episode& e, const profile& p);

/// One episode read back from `hpa-episodes --format json`.
struct episode_record {
  std::string station;
  episode e;
};

/// Reads the JSON array hpa-episodes writes; errors name `source` and the JSON path.
std::vector<episode_record> episodes_from_json(std::string_view text, const std::string& source, const profile& p);

/// A few lines for a person.
std::string episode_text(const std::string& station, const episode& e, const profile& p);

}  // namespace hpa::io
