#pragma once
// A CSV record reader (RFC 4180 with the usual latitude): a UTF-8 BOM is skipped (one at the
// start of a later record too, as files joined with cat have, with a warning), CRLF and LF
// both end a line, quoted fields may hold commas, quotes ("") and newlines, blank lines are
// skipped, and a last line without a newline is read. Fields are views into the reader's buffer,
// valid until the next call. Errors name the source and the 1-based line. UTF-16 text is refused
// with the iconv command that converts it.

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "hpa/error.hpp"

namespace hpa::io {

/// Hears a warning, "source:line: text".
using warn_fn = std::function<void(const std::string&)>;

class csv_reader {
 public:
  /// The longest record accepted; a longer one is an error, not a memory blow-up.
  static constexpr std::size_t max_record_bytes = std::size_t{1} << 20;
  /// The bytes at the start looked at to tell UTF-16 text (a line of a header or two).
  static constexpr std::size_t utf16_probe_bytes = 64;

  /// `warn` hears of what is read but suspicious: a byte-order mark at the start of a record
  /// after the first (files joined with cat), which is removed, never glued to the first field.
  csv_reader(std::istream& in, std::string source, warn_fn warn = {});

  /// Reads the next record into fields(); false at the end of the input.
  bool next();

  const std::vector<std::string_view>& fields() const noexcept { return fields_; }
  /// The line the current record starts on (1-based).
  std::uint64_t line() const noexcept { return record_line_; }
  const std::string& source() const noexcept { return source_; }
  /// A location in the current record: `column` is the 1-based field number.
  location at(std::uint64_t column = 0) const { return {source_, record_line_, column}; }
  /// Throws "expected N fields, got M" at the current record unless it has `n` fields.
  void expect_fields(std::size_t n) const;
  /// True when the current record is the last and no newline ends it (a file cut short?).
  bool unterminated() const noexcept { return unterminated_; }
  /// True when the input held no bytes at all (an empty file).
  bool empty_input() const noexcept { return total_bytes_ == 0; }
  /// Byte-order marks removed after the start of the input so far.
  std::uint64_t inner_byte_order_marks() const noexcept { return inner_boms_; }

 private:
  bool fill();  // reads more input, keeping [pos_, end_) ; false at EOF with nothing read
  void parse_quoted_record();
  void skip_inner_bom();
  void refuse_utf16() const;

  std::istream& in_;
  std::string source_;
  std::vector<char> buf_;
  std::size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  bool first_ = true;
  bool unterminated_ = false;
  std::uint64_t line_ = 1, record_line_ = 0, total_bytes_ = 0, inner_boms_ = 0;
  warn_fn warn_;
  std::vector<std::string_view> fields_;
  std::string scratch_;  // unescaped quoted fields live here
  std::vector<std::pair<std::size_t, std::size_t>> spans_;
};

}  // namespace hpa::io
