#pragma once
// hpa: heavy-pollution alert rules as a header library. One header per concept:
//   time.hpp       local clock hours, parsing and formatting
//   profile.hpp    the policy profile (thresholds, durations, readings) and the built-ins
//   rolling.hpp    the 24-hour rolling daily AQI (§3.2.1)
//   levels.hpp     the condition level of each hour (§3.2.1)
//   cause.hpp      the cause gate: dust and ozone-driven hours (§1.3)
//   episodes.hpp   the warning in force, merging, downgrade and lift (§3.2.4), issue lead (§3.2.3)
//   directives.hpp directives from above (§3.2.2(2), §3.2.3) combined with the rules
//   pipeline.hpp   the whole pipeline for one station, hour by hour
//   in_force.hpp   the warning level in force hour by hour, streaming
//   watch.hpp      the decision at an hour (§3.2.2-§3.2.4)
//   aqi.hpp        AQI from concentrations (HJ 633)
//   aqi_daily.hpp  the rolling daily AQI from concentrations
//   measures.hpp   the response measures of each tier (§4.2-§4.3)
//   reduction.hpp  the emission-reduction checks (§4.2.1)
//   series.hpp     one call for a series in memory: daily AQI, levels, episodes
//   final_conditions.hpp  the conditions more data can no longer change (RULES.md §9)
//   watch_replay.hpp      the hourly decision replayed over a season, against hindsight
//   area.hpp       area values from stations (HJ 663-2013)
//   stats.hpp      period statistics: category days, warning days, HJ 663 statistics
//   forecast.hpp   forecasts as issued and the value a forecast counts as (§3.2.2)
//   stations.hpp   the rules over every station of an input's rows (the stations driver)
//   timeline_tail.hpp  what of a timeline a decision at one hour can still look at
//   aqi_series.hpp, time_layout.hpp, unit_check.hpp, number_format.hpp  inputs and numbers as
//                  files give them

#include "hpa/aqi.hpp"
#include "hpa/aqi_daily.hpp"
#include "hpa/aqi_series.hpp"
#include "hpa/area.hpp"
#include "hpa/cause.hpp"
#include "hpa/directives.hpp"
#include "hpa/episodes.hpp"
#include "hpa/error.hpp"
#include "hpa/final_conditions.hpp"
#include "hpa/forecast.hpp"
#include "hpa/in_force.hpp"
#include "hpa/levels.hpp"
#include "hpa/measures.hpp"
#include "hpa/number_format.hpp"
#include "hpa/pipeline.hpp"
#include "hpa/profile.hpp"
#include "hpa/reduction.hpp"
#include "hpa/rolling.hpp"
#include "hpa/series.hpp"
#include "hpa/stations.hpp"
#include "hpa/stats.hpp"
#include "hpa/time.hpp"
#include "hpa/time_layout.hpp"
#include "hpa/timeline_tail.hpp"
#include "hpa/unit_check.hpp"
#include "hpa/version.hpp"
#include "hpa/watch.hpp"
#include "hpa/watch_replay.hpp"
