#pragma once
// What every reader shares: the one missing-value rule, the one number parser and its messages,
// and the mapping of a CSV header onto the columns a reader knows.

#include <functional>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hpa/error.hpp"
#include "hpa/io/csv.hpp"
#include "hpa/unit_check.hpp"

namespace hpa::io {

/// Receives warnings (a duplicate row that agrees, ignored columns): "file:line: text".
using warn_fn = std::function<void(const std::string&)>;

/// A missing value, as the files write it: empty, NA or NaN in any case, or a dash ("-", "—")
/// as the national network's files do. Blanks around it are ignored.
bool is_missing(std::string_view text) noexcept;

/// What a number may be.
enum class number_kind {
  any,               ///< finite
  non_negative,      ///< finite and >= 0 (AQI, emissions)
  concentration,     ///< >= 0 and at most max_concentration_ug µg/m³ (unit_check.hpp)
  concentration_mg,  ///< >= 0 and at most max_concentration_mg mg/m³ (CO)
};

/// The largest number of `kind` (infinity where there is no bound).
constexpr double most_of(number_kind kind) noexcept {
  switch (kind) {
    case number_kind::concentration:
      return max_concentration_ug;
    case number_kind::concentration_mg:
      return max_concentration_mg;
    default:
      return std::numeric_limits<double>::infinity();
  }
}

/// The number in a field (blanks around it ignored), named `what` in errors at `where`:
/// "expected a number for aqi, got 'n/a'", "expected a finite number for …", "aqi cannot be
/// negative, got '-1'", "pm25 '1e308' is above 1e+09 µg/m³ …". Whole numbers of up to three
/// digits take a fast path.
double parse_number(std::string_view text, const location& where, std::string_view what,
                    number_kind kind = number_kind::non_negative);

/// parse_number, or NaN for a missing value.
double parse_value(std::string_view text, const location& where, std::string_view what,
                   number_kind kind = number_kind::non_negative);

/// A column a reader knows: its name and the other spellings it takes.
struct known_column {
  std::string_view name;
  std::vector<std::string_view> aliases = {};
};

/// What to do with a column a reader does not know.
enum class unknown_columns {
  warn,   ///< ignore it with a warning; a near miss of a known name is an error that suggests it
  ignore  ///< ignore it (fixed formats with columns hpa has no use for)
};

/// A CSV header mapped onto the columns a reader knows. Names match in any case with blanks
/// around them ignored; a known column given twice is an error.
class header_map {
 public:
  /// Reads the header from `csv`'s current record. `quiet` lists names (or prefixes ending in
  /// '_') the caller knows it can ignore without a warning.
  header_map(const csv_reader& csv, std::span<const known_column> known, unknown_columns unknown,
             const warn_fn& warn = {}, std::span<const std::string> quiet = {});

  /// The field of known column k (its index in `known`), or -1 when the header lacks it.
  int operator[](std::size_t k) const noexcept { return index_[k]; }
  /// The name the header gives field i, as written.
  const std::string& name(std::size_t i) const { return names_.at(i); }
  /// How many fields the header has.
  std::size_t width() const noexcept { return names_.size(); }
  /// The error for a missing column: "missing column <what> (the header has: a, b)" at line 1.
  error missing(std::string_view what) const;

 private:
  std::string source_;
  std::vector<std::string> names_;
  std::vector<int> index_;
};

}  // namespace hpa::io
