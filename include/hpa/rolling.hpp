#pragma once
// The daily AQI of the plan (§3.2.1, RULES.md §2): "按照连续24小时（可以跨自然日）均值计算", the mean
// of the hourly AQI over the window ending at each hour, valid with 20 of its 24 values.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace hpa {

/// The value of "no value": a missing hour, or an hour whose window has too few values.
inline constexpr double no_value = std::numeric_limits<double>::quiet_NaN();

inline bool has_value(double x) noexcept { return !std::isnan(x); }

/// Rolling daily AQI, one hour at a time, exact for the decimals AQI data carry.
///
/// Each hourly value is held as a whole number of millionths of an AQI point, so a window's sum
/// is an exact integer and never drifts over a long series. For values below 10^6 and windows
/// of up to 1000 hours (the plan's is 24):
/// - a value with at most 6 decimals (whole AQI, forecast bounds, AQI from concentrations) is
///   held exactly: the double read from its text is within 10^-10 of it, and rounding to the
///   nearest millionth gives the decimal back;
/// - the mean is one correctly rounded division of two exact integers (the sum stays below
///   2^53). It is `>` (or `>=`) a whole threshold N exactly when the exact mean is: a mean over
///   N exceeds it by at least 1 / (10^6 x hours), more than the division's rounding (half a unit
///   in the last place, 2.8e-14 at 500) can take away, so RULES.md §3's comparisons are decided
///   as with fractions. For whole AQI the result is sum / count correctly rounded;
/// - a value with more decimals is rounded to the nearest millionth first (half up): the mean
///   is within 5e-7 of the exact one, and only an exact mean that close to a threshold can be
///   decided the other way.
/// Values above `max_held` (no AQI comes near) are held as `max_held`, so that the conversion to
/// an integer is defined for any input. Each hour costs one multiply-and-round in and one
/// division out, whole AQI or not.
class rolling_daily {
 public:
  /// Millionths of an AQI point: the finest step held exactly.
  static constexpr double units_per_aqi = 1e6;
  /// The largest value held (AQI); larger ones are held as this.
  static constexpr double max_held = 1e9;

  /// A value as the window holds it: in millionths of an AQI point.
  static std::int64_t units(double aqi) noexcept {
    return static_cast<std::int64_t>(std::min(aqi, max_held) * units_per_aqi + 0.5);  // nearest millionth
  }
  /// A value as the window holds it, in AQI: no mean of values held at or below it exceeds it.
  static double held(double aqi) noexcept { return static_cast<double>(units(aqi)) / units_per_aqi; }

  /// `window` hours per mean, `min_valid` values needed (the profile's window_hours and
  /// min_valid_hours).
  rolling_daily(int window, int min_valid) : units_(static_cast<std::size_t>(window), missing), min_valid_(min_valid) {}

  /// Takes the next hour's AQI (NaN = missing; AQI is never negative) and returns the daily AQI
  /// of the window ending at it, or NaN when fewer than `min_valid` hours of it have a value.
  double push(double aqi) noexcept {
    auto& slot = units_[at_];
    if (slot != missing) {
      sum_ -= slot;
      --count_;
    }
    slot = missing;
    if (has_value(aqi)) {
      slot = units(aqi);
      sum_ += slot;
      ++count_;
    }
    if (++at_ == units_.size()) at_ = 0;
    return current();
  }

  /// The daily AQI of the window ending at the last hour pushed (NaN when not valid).
  double current() const noexcept {
    // one correctly rounded division of exact integers: for whole AQI it is exactly sum / count
    return count_ >= min_valid_ ? static_cast<double>(sum_) / (units_per_aqi * count_) : no_value;
  }
  /// How many hours of the current window have a value.
  int valid_hours() const noexcept { return count_; }

 private:
  static constexpr std::int64_t missing = std::numeric_limits<std::int64_t>::min();
  std::vector<std::int64_t> units_;  // each hour of the window in millionths, or `missing`
  std::size_t at_ = 0;
  std::int64_t sum_ = 0;
  int count_ = 0;
  int min_valid_;
};

/// The daily AQI ending at each hour of a gap-free hourly series (NaN = missing). The first
/// hours see only part of a window: they have a value once `min_valid` hours are in.
inline std::vector<double> daily_aqi(std::span<const double> hourly, int window, int min_valid) {
  rolling_daily roll(window, min_valid);
  std::vector<double> out;
  out.reserve(hourly.size());
  for (double v : hourly) out.push_back(roll.push(v));
  return out;
}

}  // namespace hpa
