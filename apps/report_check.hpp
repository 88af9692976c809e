#pragma once
// The log of warnings issued against the rules' episodes (§5), as hpa-report checks it: its
// episode tables and its season report read the same answer.

#include <limits>
#include <string>
#include <vector>

#include "hpa/episodes.hpp"
#include "hpa/io/issued_log.hpp"

namespace hpa::tool {

using io::issued_entry;

// The logged warning that covers episode e, if any: the first of the station's not yet matched.
inline const issued_entry* match(const std::vector<issued_entry>& log, std::vector<bool>& matched,
                                 const std::string& station, const episode& e) {
  for (std::size_t i = 0; i < log.size(); ++i) {
    const auto& x = log[i];
    // a warning logged without its lift is in force to the end of the data
    const hour_t x_end = x.lift ? *x.lift - 1 : std::numeric_limits<hour_t>::max();
    if (!matched[i] && x.station == station && x.start <= e.end && e.start <= x_end) {
      matched[i] = true;
      return &x;
    }
  }
  return nullptr;
}

// The log against the rules for one episode.
struct check {
  const issued_entry* w = nullptr;  // none: no warning was issued
  hour_t lead = 0;                  // hours from the issue to the start
  bool level = false, start = false, lift = true, on_time = false;

  check(const issued_entry* issued, const episode& e) : w(issued) {
    if (!w) return;
    lead = e.start - w->issued_at;
    level = w->level == e.level;
    start = w->start == e.start;
    if (w->lift && e.lift) lift = *w->lift == *e.lift;
    on_time = lead >= e.start - e.issue_by;  // lead_hours, or less when due on instruction (§3.2.3)
  }
  bool matches() const noexcept { return w && level && start && lift && on_time; }
};

}  // namespace hpa::tool
