#pragma once
// hpa-report --season: the season's document for the bureau's chief, from what the other tools
// compute (hpa-stats' statistics, the episodes and the log checked as hpa-report checks them,
// hpa-plot's pictures), in Chinese or English, written as Markdown or as one HTML page.

#include <optional>
#include <string>
#include <vector>

#include "hpa/io/document.hpp"
#include "hpa/plot/plot.hpp"
#include "report_check.hpp"
#include "stats_reading.hpp"

namespace hpa::tool {

/// One warning episode of the season, with the log's answer when a log was given.
struct season_episode {
  std::string station;
  episode e;
  std::optional<check> checked;
};

struct season_content {
  plot::language lang = plot::language::zh;
  std::string source;                           ///< the input, as messages name it
  std::string issued_log;                       ///< the log's name ("" without --issued)
  std::vector<stats_row> stats;                 ///< hpa-stats --by all, one row per station
  bool concentrations = false;                  ///< HJ 663's statistics are in `stats`
  std::vector<season_episode> episodes;         ///< in station order, then time
  std::vector<const issued_entry*> no_episode;  ///< logged warnings no episode matched
  std::string timeline, calendar;               ///< the pictures (SVG)
};

/// The document: statistics, episodes, pictures, findings (§5).
io::document season_document(const season_content& c, const profile& p);

}  // namespace hpa::tool
