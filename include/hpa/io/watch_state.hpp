#pragma once
// The state hpa-watch keeps between runs: what was issued for each station, as JSON
// {"format": "hpa-watch-state", "version": 1, "profile": …, "decided_at": …, "stations": {…}}.
// A file that is damaged or not hpa-watch's is an error: it is never silently replaced.

#include <map>
#include <string>
#include <string_view>

#include "hpa/profile.hpp"
#include "hpa/watch.hpp"

namespace hpa::io {

using watch_state = std::map<std::string, issued_warning>;

/// Parses a state; `source` names it in errors.
watch_state parse_watch_state(std::string_view text, const std::string& source, const profile& p);

/// Reads the state at `path`; a file that does not exist is the first run (empty state).
watch_state read_watch_state(const std::string& path, const profile& p);

/// The JSON text of a state.
std::string format_watch_state(const watch_state& state, const profile& p, hour_t decided_at);

}  // namespace hpa::io
