#pragma once
// Reading emission-reduction lists: the spreadsheet analysts keep, as CSV (one row per source,
// a totals file, an exceptions file), or one equivalent JSON document. Quantities are converted
// to tonnes per day; the unit is stated in the header ("so2 [t/a]") or the document ("units").

#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hpa/reduction.hpp"

namespace hpa::io {

struct reduction_input {
  std::map<std::string, emissions> totals;
  std::vector<source> sources;
  std::vector<granted_exception> exceptions;
};

/// `default_unit`: "t/d" or "t/a" for columns whose header states none; empty: they must.
std::map<std::string, emissions> read_totals_csv(std::istream& in, const std::string& source_name,
                                                 const std::string& default_unit = {});
std::vector<source> read_sources_csv(std::istream& in, const std::string& source_name,
                                     const std::string& default_unit = {});
std::vector<granted_exception> read_exceptions_csv(std::istream& in, const std::string& source_name);

/// {"units": "t/d", "totals": [...], "sources": [...], "exceptions": [...]}
reduction_input read_reduction_json(std::string_view text, const std::string& source_name);

}  // namespace hpa::io
