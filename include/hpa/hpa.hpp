#pragma once
// hpa: heavy-pollution alert rules as a header library. One header per concept:
//   time.hpp      local clock hours, parsing and formatting
//   profile.hpp   the policy profile (thresholds, durations, readings) and the default
//   rolling.hpp   the 24-hour rolling daily AQI (§3.2.1)
//   levels.hpp    the condition level of each hour (§3.2.1)
//   episodes.hpp  the warning in force, merging, downgrade and lift (§3.2.4), issue lead (§3.2.3)
//   station.hpp   the whole pipeline for one station, hour by hour

#include "hpa/episodes.hpp"
#include "hpa/error.hpp"
#include "hpa/levels.hpp"
#include "hpa/profile.hpp"
#include "hpa/rolling.hpp"
#include "hpa/station.hpp"
#include "hpa/time.hpp"

namespace hpa {
inline constexpr int version_major = 0;
inline constexpr int version_minor = 1;
}  // namespace hpa
