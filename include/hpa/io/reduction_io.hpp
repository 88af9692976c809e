#pragma once
// Reading emission-reduction lists: the spreadsheet analysts keep, as CSV (one row per source,
// a totals file, an exceptions file), or one equivalent JSON document. Quantities are converted
// to tonnes per day; the unit is stated in the header ("so2 [t/a]") or the document ("units").
//
// Both forms pass the same conversions, field by field. In CSV every column the checks read is
// required (a missing one would read as zero or empty and change the answer silently); the
// columns of the enterprise plan (measure_iii …, key_indicators, prep_time, responsible, contact),
// stopped_lines_iii … and industry may be left out (the plan's findings then name what is
// missing); other columns are ignored with a warning. In JSON a key left out of a row is an empty
// field, and a key that is not known (a misspelt or wrongly cased name) is an error at its path.

#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hpa/reduction.hpp"

namespace hpa::io {

/// Receives warnings: "file:line:column: text", or "file: /json/path: text".
using warn_fn = std::function<void(const std::string&)>;

struct reduction_input {
  std::map<std::string, emissions> totals;
  std::vector<source> sources;
  std::vector<granted_exception> exceptions;
};

/// `default_unit`: "t/d" or "t/a" for columns whose header states none; empty: they must.
std::map<std::string, emissions> read_totals_csv(std::istream& in, const std::string& source_name,
                                                 const std::string& default_unit = {}, const warn_fn& warn = {});
/// Also warns when tonnage cuts exceed their source's baseline (is "30" meant as 30 %? is the unit
/// right?): once, at the first such cut, with the number of the others.
std::vector<source> read_sources_csv(std::istream& in, const std::string& source_name,
                                     const std::string& default_unit = {}, const warn_fn& warn = {});
std::vector<granted_exception> read_exceptions_csv(std::istream& in, const std::string& source_name,
                                                   const warn_fn& warn = {});

/// {"units": "t/d", "totals": [...], "sources": [...], "exceptions": [...]}; a source's per-tier
/// fields under "tiers": {"III": {"measure": …, "stopped_lines": …, "cut": {"so2": …}}, "II": …}.
/// Errors name the JSON path ("l.json: /sources/2/tiers/I/cut/so2: …").
reduction_input read_reduction_json(std::string_view text, const std::string& source_name, const warn_fn& warn = {});

}  // namespace hpa::io
