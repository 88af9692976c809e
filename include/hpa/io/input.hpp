#pragma once
// Inputs as they come: several files read one after the other as one input, and a layout other
// than hpa's own (timestamps from a spreadsheet or in UTC, no header line). An input_chain is an
// istream of its files' bytes one after the other, so any reader can read it; the AQI reader
// (aqi_csv.hpp) knows it and reads each file as a file of its own: its name and lines in
// messages, its own header (or the columns of the layout), its timestamps in the layout.

#include <cstdint>
#include <istream>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "hpa/error.hpp"
#include "hpa/time_layout.hpp"

namespace hpa::io {

/// How an input is laid out where it is not as hpa writes it.
struct input_layout {
  time_layout time;         ///< the timestamps' layout; the default is hpa's own (ISO 8601 forms)
  std::string time_format;  ///< the pattern `time` was compiled from, for messages ("" for hpa's own)
  int utc_offset_minutes = plan_utc_offset_minutes;  ///< the clock of timestamps without an offset
  std::vector<std::string> columns;  ///< not empty: the files have no header line; these are their columns

  bool has_header() const noexcept { return columns.empty(); }
  /// The time is not hpa's own: a layout, or a clock other than the plan's.
  bool converts_time() const noexcept { return !time.is_iso() || utc_offset_minutes != plan_utc_offset_minutes; }
};

/// Parses --tz: `UTC` (or `Z`), an offset `+08:00`, `+0800`, `+8`, `-05:00`, or `UTC+8`.
/// Minutes east of UTC; throws hpa::error naming the option on anything else (named zones
/// such as Asia/Shanghai are not read: their offsets change with history).
int parse_tz(std::string_view text);

/// Parses --columns: names separated by commas, none empty (`station,time,aqi`).
std::vector<std::string> parse_columns(std::string_view text);

using hpa::missing_step;  // error.hpp: the rules find one missing step too (no AQI value)
using hpa::needs_step;

/// Several files read one after the other as one input, in a layout.
class input_chain : public std::istream {
 public:
  struct part {
    std::istream* stream;
    std::string name;  ///< for messages: the path, or "stdin"
  };

  /// The streams must outlive the chain, or be handed to keep().
  explicit input_chain(std::vector<part> parts, input_layout layout = {});
  ~input_chain() override;

  /// Keeps `s` alive as long as the chain (a file it opened for a part).
  void keep(std::unique_ptr<std::istream> s) { owned_.push_back(std::move(s)); }

  const std::vector<part>& parts() const noexcept { return parts_; }
  const input_layout& layout() const noexcept { return layout_; }

 private:
  class buffer;
  std::vector<part> parts_;
  input_layout layout_;
  std::vector<std::unique_ptr<std::istream>> owned_;
  std::unique_ptr<buffer> buf_;
};

}  // namespace hpa::io
