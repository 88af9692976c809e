#pragma once
// Records out, in the forms scripts read: CSV (a header, then a row per record), a JSON array of
// objects, or JSON Lines (an object per line). A tool declares its columns once and hands each
// record over as fields; a field carries its CSV text and its JSON value, and a column may be
// kept out of the CSV or out of the JSON.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hpa/io/output.hpp"
#include "hpa/time.hpp"

namespace hpa::io {

/// The output forms. `text` is for people; each tool writes its own.
enum class format { csv, json, jsonl, text };

const char* to_string(format f) noexcept;
/// The format named `text`; false when there is none.
bool from_string(std::string_view text, format& out) noexcept;

/// One value of a record: its CSV text and its JSON value.
struct field {
  std::string text;
  nlohmann::ordered_json json;

  /// A string (CSV-quoted where it needs it).
  static field string(std::string s);
  /// A string, or null in JSON when empty.
  static field string_or_null(std::string s);
  /// A string left out of the JSON object when empty.
  static field string_or_omitted(std::string s);
  /// A number with at most `decimals` decimals; empty / null when NaN.
  static field number(double v, int decimals = 2);
  static field integer(std::int64_t v);
  static field boolean(bool b);
  /// An hour as 2023-12-01T08:00.
  static field time(hour_t h);
  /// An hour, or empty / null.
  static field time(const std::optional<hour_t>& h);
  /// Anything else: its CSV text and its JSON value.
  static field custom(std::string text, nlohmann::ordered_json json);
};

/// Where a column goes.
enum class column_in { both, csv_only, json_only };

struct column {
  std::string name;
  column_in in = column_in::both;
};

/// The CSV header of `columns` (without the line end).
std::string csv_header(const std::vector<column>& columns);
/// A record as a CSV row (without the line end) and as a JSON object.
std::string csv_row(const std::vector<column>& columns, const std::vector<field>& record);
nlohmann::ordered_json json_object(const std::vector<column>& columns, const std::vector<field>& record);

/// Writes records to `out` as CSV, JSON or JSON Lines. One field per column, in column order.
class record_writer {
 public:
  record_writer(output& out, format f, std::vector<column> columns);
  record_writer(output& out, format f, const std::vector<std::string>& names);
  record_writer(const record_writer&) = delete;
  record_writer& operator=(const record_writer&) = delete;

  void write(const std::vector<field>& record);
  /// Ends the output (closes the JSON array); call once, after the last record.
  void finish();

 private:
  output& out_;
  format format_;
  std::vector<column> columns_;
  std::size_t records_ = 0;
};

}  // namespace hpa::io
