#pragma once
// Readers for the files analysts actually hold, into one row type:
//   cnemc       the national network's wide site/city files: date,hour,type,<site or city …>, one
//               row per hour and type (AQI, PM2.5, PM2.5_24h, …); daily files may be concatenated
//   station     station exports: Date,Hour,WatchPoint,AQI,Level,PrimaryPollution,PM2.5,PM10,CO,
//               NO2,O3_1h,O3_8h,SO2 with NaN for missing values
//   uci         the UCI Beijing multi-site files: No,year,month,day,hour,PM2.5,PM10,SO2,NO2,CO,O3,
//               …,station, NA for missing, CO in µg/m³
// and the long CSV hpa's other tools read (station,time,aqi,pm25,…).

#include <array>
#include <istream>
#include <string>
#include <vector>

#include "hpa/aqi.hpp"
#include "hpa/io/aqi_csv.hpp"

namespace hpa::io {

struct measurement {
  std::string station;
  hour_t hour = 0;
  double aqi = NAN;      ///< as published, when the file has it
  std::string primary;   ///< as published
  concentrations c;      ///< µg/m³, CO mg/m³
  std::string source;
  std::uint64_t line = 0;
};

enum class national_format { cnemc, station, uci };

/// Appends the rows of one file. Throws hpa::error naming source, line and column.
void read_national(national_format f, std::istream& in, const std::string& source, std::vector<measurement>& out);

/// Sorts by station and hour; a repeated row that agrees is dropped with a warning, one that
/// disagrees is an error naming both lines.
void sort_and_merge(std::vector<measurement>& rows, const warn_fn& warn);

/// The long CSV header and row of a measurement (empty cells for what is missing).
std::string measurement_csv_header();
std::string measurement_csv_row(const measurement& m);

/// Reads hpa's long concentration CSV (station,time,pm25,pm10,so2,no2,co,o3, and optionally
/// aqi, so2_24h, pm10_24h, pm25_24h, o3_8h, primary), one row at a time.
class concentration_reader {
 public:
  concentration_reader(std::istream& in, std::string source, warn_fn warn = {});
  bool next(measurement& m);

 private:
  csv_reader csv_;
  std::size_t width_ = 0;
  int station_ = -1, time_ = -1, primary_ = -1;
  std::array<int, 11> quantity_column_{};  // the field of each quantity of the long CSV, -1 = absent
};

}  // namespace hpa::io
