#pragma once
// Episodes as CSV rows, JSON objects and text, the forms hpa-episodes and its followers print.

#include <nlohmann/json.hpp>
#include <string>

#include "hpa/episodes.hpp"
#include "hpa/io/stations.hpp"
#include "hpa/levels.hpp"
#include "hpa/profile.hpp"

namespace hpa::io {

/// How an episode stands: a warning, or one withheld because of excluded hours.
struct episode_status {
  std::string status = "warning";  ///< warning | withheld (dust, §1.3) | advisory (ozone-driven)
  std::string why;                 ///< for the others: the excluded hours behind it
};

/// The episodes of the data with excluded hours counted (`shadow`) that no real episode
/// overlaps: warnings withheld because of dust, or turned into health advisories (ozone).
std::vector<std::pair<episode, episode_status>> withheld_of(const std::vector<episode>& real,
                                                            const std::vector<episode>& shadow,
                                                            const std::vector<excluded_run>& excluded,
                                                            const profile& p);

/// "red: daily AQI > 200 lasting 72 h, with > 300 lasting 24 h within them; chain
/// 2023-12-01T00:00..2023-12-03T23:00": the rule behind an episode's highest level.
std::string episode_rule(const episode& e, const profile& p, const rule_set& rules);

/// "lift" or "downgrade to orange": what a pending episode waits for.
std::string pending_action(const episode& e, const profile& p);

nlohmann::ordered_json episode_json(const std::string& station, const episode& e, const profile& p,
                                    const rule_set& rules, const episode_status& status = {});

std::string episode_csv_header();
std::string episode_csv_row(const std::string& station, const episode& e, const profile& p,
                            const rule_set& rules, const episode_status& status = {});

/// One episode read back from `hpa-episodes --format json`.
struct episode_record {
  std::string station;
  episode_status status;
  episode e;
};

/// Reads the JSON array hpa-episodes writes; errors name `source` and the JSON path.
std::vector<episode_record> episodes_from_json(std::string_view text, const std::string& source, const profile& p);

/// A few lines for a person.
std::string episode_text(const std::string& station, const episode& e, const profile& p,
                         const rule_set& rules, const episode_status& status = {});

}  // namespace hpa::io
