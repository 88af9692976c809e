#pragma once
// The AQI series reader: long CSV with a header, one value per row.
//   station,time,aqi            hourly (time as 2023-12-01T08:00, 2023-12-01 08:00, 2023-12-01T08)
//   station,date,aqi            daily  (date as 2023-12-01)
// Optional columns: aqi_high and aqi_low (a forecast's range: forecast_value picks the value, §3.2.2), origin
// (observed|forecast), cause (e.g. dust: such hours never count, §1.3), primary (the primary
// pollutant: an ozone-driven hour gets a health advisory, not a warning; cause_gate decides, on
// the row as read), basis (the pollutants a
// daily AQI stands on, as hpa-aqi --daily writes them). station may be left out
// for a single series. Other columns are ignored. Empty, NA and NaN values are missing hours.
// Inputs as they come (io/input.hpp): given an input_chain, the reader reads its files one after
// the other, each with its own header (or the layout's columns), timestamps in the layout. A
// line equal to the header inside a file (files joined with cat) is skipped with a note; another
// header there is taken as the header of the rows after it, with a note. UTF-16 text is refused
// with the iconv command that converts it.
//
// Concentrations instead of AQI: an hourly file with the columns pm25 (pm2.5), pm10, so2, no2,
// co, o3 (µg/m³, CO mg/m³; what hpa-convert and hpa-area write), or with some of them and no
// aqi, aqi_high or daily_aqi column, is read as the AQI
// series the profile's daily_aqi asks for (aqi_series.hpp), per station: the hourly AQI of each
// hour (mean_of_hourly_aqi), or the daily AQI of the 24 h ending at each hour
// (aqi_of_mean_concentration, a rolling series, with the hours of a gap the window still covers).
// The edition of HJ 633 goes by the date of each hour (2026 from 2026-03-01). The aqi, aqi_high,
// aqi_low, daily_aqi and primary columns beside them are not used, nor are the published 24 h and
// 8 h statistics (pm25_24h, pm10_24h, so2_24h, no2_24h, co_24h, o3_8h) and an area's sites count:
// the statistics come from the hourly values. The primary pollutant of each value is the row's,
// as the primary column would give it.

#include <array>
#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hpa/aqi.hpp"
#include "hpa/cause.hpp"
#include "hpa/io/csv.hpp"
#include "hpa/io/fields.hpp"
#include "hpa/io/input.hpp"
#include "hpa/io/utf8.hpp"  // check_utf8, which the readers share
#include "hpa/pipeline.hpp"
#include "hpa/stations.hpp"
#include "hpa/time.hpp"

namespace hpa::io {

// The rows the reader hands over are the driver's (stations.hpp): the values as read; the driver
// decides what they count as.
using hpa::origin;
using aqi_record = station_row;

class aqi_reader {
 public:
  /// Reads the header at once: throws hpa::error on an empty input or a missing column. Unknown
  /// columns are ignored with a warning, except those `quiet_columns` names (see header_map).
  /// When `in` is an input_chain, its files and layout are read (see the top of this header).
  aqi_reader(std::istream& in, std::string source, aqi_reading how, warn_fn warn = {},
             std::span<const std::string> quiet_columns = {});
  ~aqi_reader();
  aqi_reader(aqi_reader&&) noexcept;

  /// The next row; false at the end. Throws hpa::error naming line and column on a bad value.
  bool next(aqi_record& r);

  series_kind kind() const noexcept { return kind_; }
  bool has_station() const noexcept { return col_.station >= 0; }
  /// How the values are made, when the input holds concentrations; nullopt for AQI input.
  std::optional<daily_aqi_method> method() const noexcept;
  /// The file being read.
  const std::string& source() const noexcept { return csv_->source(); }

 private:
  // Where each column is in the current file's rows (-1: absent).
  struct columns {
    int station = -1, time = -1, aqi = -1, high = -1, low = -1, origin = -1, cause = -1, primary = -1, basis = -1;
    std::array<int, 6> conc{-1, -1, -1, -1, -1, -1};  // pm25, pm10, so2, no2, co, o3
    std::size_t width = 0;
    series_kind kind = series_kind::hourly;
    bool concentrations = false;       // concentration columns are there (the AQI could come from them)
    bool from_concentrations = false;  // and they are read: the AQI is made from them
  };
  columns map_header(const csv_reader& header, bool warn_unknown) const;
  void open_part(std::size_t k);
  bool header_again();
  time_result parse_hour(std::string_view ts);
  double number(std::string_view text, int column, const char* what) const;
  struct concentrations_in;  // the concentration columns and each station's series
  bool next_concentrations(aqi_record& r, std::string_view cause);
  aqi_parts read_basis(std::string_view text, int column) const;

  std::vector<input_chain::part> parts_;  // the files, one after the other
  input_layout layout_;
  std::size_t part_ = 0;
  std::optional<csv_reader> csv_;
  aqi_reading how_;
  row_texts texts_;  // those of the row handed over last
  warn_fn warn_;
  std::vector<std::string> quiet_;
  series_kind kind_ = series_kind::hourly;
  columns col_;
  std::vector<std::string> header_;  // the current header's names, trimmed and in lower case
  bool fast_time_ = true;            // hpa's own timestamps in the plan's clock: the same-day shortcut holds
  std::string last_day_text_;        // "2023-12-01T" of the last row, whose day is last_day_hour_
  hour_t last_day_hour_ = 0;
  std::unique_ptr<concentrations_in> conc_;  // null for AQI input
};

}  // namespace hpa::io
