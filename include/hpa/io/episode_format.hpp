#pragma once
// Episodes as CSV rows, JSON objects and text, the forms hpa-episodes and its followers print.

#include <nlohmann/json.hpp>
#include <string>

#include "hpa/directives.hpp"
#include "hpa/episodes.hpp"
#include "hpa/io/input.hpp"  // needs_step, which episodes_from_json throws
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
  /// With directives (`hpa-episodes --directives`): where each stretch comes from; else empty.
  std::vector<basis_segment> parts;
  basis why = basis::rules;  ///< the episode's `basis` (rules when it has none)
};

/// Reads a JSON array of episode records, as episode_json writes them, under profile `p`; errors
/// name `source` and the JSON path, and JSON that is not an array is needs_step
/// (write_episodes_json). An episode made under another profile (its `profile`) is an error; one
/// that names none (written before episodes named their profile) is read under `p`.
std::vector<episode_record> episodes_from_json(std::string_view text, const std::string& source, const profile& p);

/// The profile the episodes of `text` were made under, as their `profile` names it; "" when none
/// names one. Episodes of two profiles are an error.
std::string episodes_profile(std::string_view text, const std::string& source);

/// A few lines for a person.
std::string episode_text(const std::string& station, const episode& e, const profile& p);

// Episodes with directives (§3.2.2(2), §3.2.3; hpa-episodes --directives).

/// "directive: orange per 豫气攻坚办〔2016〕153号 (received 2016-12-29T08:00)
/// 2016-12-29T15:00..2017-01-05T11:00": the directives behind an episode, after its rule.
std::string directed_rule(const directed_episode& d, const profile& p);

/// pending_action(), or what a directive without an end waits for.
std::string directed_pending_action(const directed_episode& d, const profile& p);

/// episode_columns() with `basis` after `tier` and, in JSON only, `directives`; the segments
/// are cut where the basis changes and carry it, the rules' level and the document.
const std::vector<column>& directed_episode_columns();
std::vector<field> directed_episode_fields(const std::string& station, const directed_episode& d, const profile& p);

/// episode_text() with the directives and the basis of each stretch.
std::string directed_episode_text(const std::string& station, const directed_episode& d, const profile& p);

}  // namespace hpa::io
