#pragma once
// The forecasts file (§3.2.2): every issue of the forecast a bureau received, one row per station
// and day (or hour) of an issue,
//   issued_at,station,date,aqi_low,aqi_high
//   2016-12-01T16:00,Dongsi,2016-12-02,180,230
// `date` for a calendar day's AQI ("12月1日 AQI 180–230"), or `time` for an hourly value; `aqi`
// (a central value) may stand beside or instead of the range. `station` may be left out for a
// file of one unnamed station. Columns in any order and case; several issues in one file, in any
// order. Hours are local city hours.

#include <istream>
#include <map>
#include <string>
#include <vector>

#include "hpa/forecast.hpp"
#include "hpa/io/fields.hpp"
#include "hpa/profile.hpp"

namespace hpa::io {

/// Reads the file into each station's rows. Errors name source, line and column: a bad hour or
/// date, a value outside 0..max_aqi, a range whose low end is above its high end, a row with no
/// value, the same day or hour twice in one issue. `warn` hears of columns it ignores.
std::map<std::string, std::vector<forecast_row>> read_forecasts(std::istream& in, const std::string& source,
                                                                const profile& p, const warn_fn& warn = {});

}  // namespace hpa::io
