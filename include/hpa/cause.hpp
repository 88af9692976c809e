#pragma once
// The cause gate (RULES.md §1): sand and dust episodes are outside the plan (§1.3), and under the
// national guidance only PM2.5-driven episodes get colour warnings while ozone-driven ones get
// health advice. Hours so flagged do not count toward a warning; the warning they would have given
// is reported as withheld (dust) or as an advisory (ozone) instead.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hpa/profile.hpp"
#include "hpa/time.hpp"

namespace hpa {

/// Why an hour does not count toward a warning.
enum class exclusion : std::uint8_t {
  none,
  outside_plan,  ///< a cause the profile excludes (dust, §1.3): no warning at all
  advisory       ///< an advisory primary pollutant (O3): a health advisory, not a colour warning
};

/// The gate's verdict on one hour: the exclusion and what caused it, a view of the profile's own
/// spelling ("dust", "O3") that lives as long as the profile.
struct gate_result {
  exclusion kind = exclusion::none;
  std::string_view why;
  explicit operator bool() const noexcept { return kind != exclusion::none; }
};

namespace detail {
inline char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline bool iequal_prefix(std::string_view text, std::string_view prefix) noexcept {
  if (prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (ascii_lower(text[i]) != ascii_lower(prefix[i])) return false;
  return true;
}
inline std::string_view trim_blanks(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace detail

/// §1.3 and the national guidance, for one hour: its cause is one the profile excludes
/// (`excluded_causes`, matched whole, case-blind), or its primary pollutant starts with one of
/// the profile's `advisory_pollutants` (case-blind, so "O3_8h" and "o3" are ozone). A cause wins
/// over a primary pollutant. Does not allocate.
inline gate_result cause_gate(const profile& p, std::string_view cause, std::string_view primary) noexcept {
  cause = detail::trim_blanks(cause);
  if (!cause.empty())
    for (const auto& c : p.excluded_causes)
      if (c.size() == cause.size() && detail::iequal_prefix(cause, c)) return {exclusion::outside_plan, c};
  primary = detail::trim_blanks(primary);
  if (!primary.empty())
    for (const auto& a : p.advisory_pollutants)
      if (!a.empty() && detail::iequal_prefix(primary, a)) return {exclusion::advisory, a};
  return {};
}

/// A stretch of hours [from, to] excluded for one reason.
struct excluded_run {
  hour_t from = 0, to = 0;
  std::string why;
  exclusion kind = exclusion::outside_plan;
  friend bool operator==(const excluded_run&, const excluded_run&) = default;
};

/// Adds hours [from, to] excluded by `gate` to `runs`, joining the last run when it has the same
/// cause and touches them.
inline void note_excluded(std::vector<excluded_run>& runs, hour_t from, hour_t to, const gate_result& gate) {
  if (!runs.empty() && runs.back().why == gate.why && runs.back().to + 1 >= from) {
    runs.back().to = to;
    return;
  }
  runs.push_back({from, to, std::string(gate.why), gate.kind});
}

/// How an episode stands: a warning in force, or one the excluded hours kept from being given.
enum class episode_status : std::uint8_t {
  warning,   ///< a warning under the rules
  withheld,  ///< the rules would warn only with dust hours counted: no warning (§1.3)
  advisory   ///< the rules would warn only with ozone-driven hours counted: a health advisory
};

inline const char* to_string(episode_status s) noexcept {
  switch (s) {
    case episode_status::warning:
      return "warning";
    case episode_status::withheld:
      return "withheld";
    case episode_status::advisory:
      return "advisory";
  }
  return "warning";
}

/// The status named `text`; false when there is none.
inline bool from_string(std::string_view text, episode_status& out) noexcept {
  for (auto s : {episode_status::warning, episode_status::withheld, episode_status::advisory})
    if (text == to_string(s)) {
      out = s;
      return true;
    }
  return false;
}

/// The excluded runs behind a warning the rules give only when excluded hours count, and its
/// status: advisory when every one of them is an advisory pollutant, else withheld. A run is
/// behind it when its hours reach into the episode or into a daily window ending in it.
inline episode_status withheld_status(hour_t start, hour_t end, const std::vector<excluded_run>& runs, int window_hours,
                                      std::vector<excluded_run>& behind) {
  bool advisory_only = true;
  behind.clear();
  for (const auto& x : runs) {
    if (x.to < start - window_hours || x.from > end) continue;
    behind.push_back(x);
    advisory_only &= x.kind == exclusion::advisory;
  }
  return advisory_only ? episode_status::advisory : episode_status::withheld;
}

}  // namespace hpa
