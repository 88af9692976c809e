#pragma once
// A station's hourly concentrations as the AQI series a warning pipeline takes (RULES.md §2,
// the profile's `daily_aqi`):
//   mean_of_hourly_aqi         the hourly (real-time) AQI of each hour, as the national network
//                              publishes it (aqi.hpp, hourly_aqi); the pipeline then takes the
//                              mean of the 24 hours ending at each hour (series_kind::hourly)
//   aqi_of_mean_concentration  the daily AQI of the 24 h ending at each hour, from the 24 h and
//                              8 h statistics of each pollutant (aqi_daily.hpp), handed to the
//                              pipeline as it is (series_kind::rolling)
// Each value comes with what it stands on and its primary pollutants, for the cause gate.

#include <optional>

#include "hpa/aqi.hpp"
#include "hpa/aqi_daily.hpp"
#include "hpa/pipeline.hpp"
#include "hpa/profile.hpp"
#include "hpa/time.hpp"

namespace hpa {

/// "mean_of_hourly_aqi" or "aqi_of_mean_concentration", as profiles spell it.
inline const char* to_string(daily_aqi_method m) noexcept {
  return m == daily_aqi_method::mean_of_hourly_aqi ? "mean_of_hourly_aqi" : "aqi_of_mean_concentration";
}

/// What a pipeline fed by `m` takes: hourly AQI to be averaged, or daily AQI already made.
constexpr series_kind series_kind_of(daily_aqi_method m) noexcept {
  return m == daily_aqi_method::mean_of_hourly_aqi ? series_kind::hourly : series_kind::rolling;
}

/// One station's concentrations in, its AQI series out, hour by hour. Memory: one 24 h window.
class concentration_series {
 public:
  /// `min_valid`: hours a 24 h mean needs (GB 3095: 20). `edition`: HJ 633-2012 or -2026, or by
  /// the date of each hour (edition_for) when not given. `realtime`: the readings of the hourly
  /// AQI (the defaults are the published practice).
  explicit concentration_series(daily_aqi_method m, int min_valid, std::optional<aqi_edition> edition = {},
                                realtime_options realtime = {})
      : method_(m), edition_(edition), realtime_(realtime), window_(min_valid) {}

  daily_aqi_method method() const noexcept { return method_; }
  /// Whether an hour has been pushed.
  bool started() const noexcept { return started_; }
  /// The hour after the last one pushed.
  hour_t next_hour() const noexcept { return next_; }

  /// Pushes the concentrations (thousandths, -1 = missing) of hour t, at or after next_hour().
  /// Calls emit(hour, const aqi_breakdown&) for hour t and, with aqi_of_mean_concentration, first
  /// for the hours missing before it while the window still holds a value (at most 23: the
  /// daily AQI of an hour with no row of its own, say from the O3 1 h maximum). The hours after
  /// those have no daily AQI. Does not allocate.
  template <class Emit>
  void push(hour_t t, const concentrations_milli& c, Emit&& emit) {
    if (!started_) next_ = t;
    started_ = true;
    if (method_ == daily_aqi_method::mean_of_hourly_aqi) {
      next_ = t + 1;
      emit(t, hourly_breakdown(c, edition(t), realtime_));
      return;
    }
    for (; next_ < t && !window_.empty(); ++next_)
      emit(next_, daily_breakdown(window_.push(concentrations_milli{}), edition(next_)));
    if (next_ < t) next_ = t;  // the window is empty: the rest of the gap changes nothing in it
    next_ = t + 1;
    emit(t, daily_breakdown(window_.push(c), edition(t)));
  }

 private:
  aqi_edition edition(hour_t t) const noexcept { return edition_ ? *edition_ : edition_for(t); }

  daily_aqi_method method_;
  std::optional<aqi_edition> edition_;
  realtime_options realtime_;
  rolling_concentrations window_;
  bool started_ = false;
  hour_t next_ = 0;
};

}  // namespace hpa
