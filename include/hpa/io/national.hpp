#pragma once
// Readers for the files analysts actually hold, into one row type:
//   cnemc       the national network's wide site/city files: date,hour,type,<site or city …>, one
//               row per hour and type (AQI, PM2.5, PM2.5_24h, …); daily files may be concatenated
//   station     station exports: Date,Hour,WatchPoint,AQI,Level,PrimaryPollution,PM2.5,PM10,CO,
//               NO2,O3_1h,O3_8h,SO2 with NaN for missing values
//   uci         the UCI Beijing multi-site files: No,year,month,day,hour,PM2.5,PM10,SO2,NO2,CO,O3,
//               …,station, NA for missing, CO in µg/m³
//   daily-city  the daily city history files, with no header: city,date,AQI,range,category,
//               PM2.5,PM10,SO2,CO,NO2,O3,rank (calendar-day means; O3 the day's largest hourly value)
// and the long CSV hpa's other tools read (station,time,aqi,pm25,…).

#include <array>
#include <istream>
#include <string>
#include <vector>

#include "hpa/aqi.hpp"
#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/table.hpp"
#include "hpa/stats.hpp"

namespace hpa::io {

struct measurement {
  std::string station;
  hour_t hour = 0;
  double aqi = NAN;     ///< as published, when the file has it
  std::string primary;  ///< as published
  concentrations c;     ///< µg/m³, CO mg/m³
  std::string source;
  std::uint64_t line = 0;
};

enum class national_format { cnemc, station, uci };

/// Appends the rows of one file. Throws hpa::error naming source, line and column. A file with
/// no header is told so. `warn` hears of byte-order marks inside the input (files joined with
/// cat), which are removed.
void read_national(national_format f, std::istream& in, const std::string& source, std::vector<measurement>& out,
                   const warn_fn& warn = {});

/// One day of one city from the daily city history files, as published. The concentrations are
/// calendar-day means (µg/m³, CO mg/m³); O3 is the day's largest hourly value (it equals the
/// largest hourly O3 of the Beijing sites' mean, July 2016).
struct daily_city_row {
  std::string city;
  hour_t day = 0;    ///< the first hour of the date
  double aqi = NAN;  ///< the files' own daily AQI; not always the AQI of the day's means
  double pm25_24h = NAN, pm10_24h = NAN, so2_24h = NAN, no2_24h = NAN, co_24h = NAN, o3_max_1h = NAN;
  std::string source;
  std::uint64_t line = 0;
};

/// Appends the rows of one daily city file (no header; files may be joined with cat).
void read_daily_city(std::istream& in, const std::string& source, std::vector<daily_city_row>& out,
                     const warn_fn& warn = {});

/// Sorts by city and date; a repeated day that agrees is dropped with a warning, one that
/// disagrees is an error naming both lines.
void sort_and_merge(std::vector<daily_city_row>& rows, const warn_fn& warn);

/// The long CSV of daily rows: a `date` column instead of `time` marks a row as a day, and the
/// _24h suffix marks a calendar-day mean: station,date,aqi,pm25_24h,pm10_24h,so2_24h,no2_24h,
/// co_24h,o3_max_1h.
std::string daily_city_csv_header();
std::string daily_city_csv_row(const daily_city_row& d);

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
  /// True when the header has a concentration column (quantity 0 is the published AQI).
  bool has_concentrations() const noexcept {
    for (std::size_t q = 1; q < quantity_column_.size(); ++q)
      if (quantity_column_[q] >= 0) return true;
    return false;
  }

 private:
  csv_reader csv_;
  std::size_t width_ = 0;
  int station_ = -1, time_ = -1, primary_ = -1;
  std::array<int, 11> quantity_column_{};  // the field of each quantity of the long CSV, -1 = absent
};

/// A calendar day of one station or area as HJ 663 evaluates it (stats.hpp, daily_concentrations):
/// the 24 h means of PM2.5, PM10, SO2, NO2 (µg/m³) and CO (mg/m³), the O3 daily maximum 8 h mean
/// (µg/m³), NaN where not valid; and what each stands on (valid hours, valid 8 h means), -1 when
/// the file does not say.
struct daily_concentration_row {
  std::string station;
  std::int64_t day = 0;  ///< days since 1970-01-01
  day_concentrations values{};
  day_counts counts{};
  std::string source;
  std::uint64_t line = 0;
};

/// The columns of the daily concentrations hpa writes (hpa-aqi and hpa-area --daily-means):
/// station,date, then per pollutant its value and what it stands on: pm25_24h,pm25_hours, …,
/// co_24h,co_hours,o3_8h_max,o3_8h_windows.
const std::vector<std::string>& daily_concentration_columns();
/// A day's record in those columns (µg/m³ to 2 decimals, CO mg/m³ to 3; empty where not valid).
std::vector<field> daily_concentration_fields(const std::string& station, std::int64_t day, const day_concentrations& v,
                                              const day_counts& n);

/// Reads daily concentrations, one row at a time: station (optional), date, and any of pm25_24h,
/// pm10_24h, so2_24h, no2_24h, co_24h (or pm25, pm10, … on a date) and o3_8h_max (or o3_8h):
/// what hpa-aqi --daily-means, hpa-area --daily-means and hpa-convert --from daily-city write.
/// The columns hpa writes beside them (aqi, the _hours and o3_8h_windows counts, o3_max_1h,
/// which is no HJ 663 statistic) are read without a word; other columns with a warning.
class daily_concentration_reader {
 public:
  daily_concentration_reader(std::istream& in, std::string source, warn_fn warn = {});
  bool next(daily_concentration_row& r);

 private:
  csv_reader csv_;
  std::size_t width_ = 0;
  int station_ = -1, date_ = -1;
  std::array<int, hj663_item_count> value_{}, count_{};
};

}  // namespace hpa::io
