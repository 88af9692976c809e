#pragma once
// The daily AQI of the plan (§3.2.1, RULES.md §2): "按照连续24小时（可以跨自然日）均值计算", the mean
// of the hourly AQI over the window ending at each hour, valid with 20 of its 24 values.

#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace hpa {

/// The value of "no value": a missing hour, or an hour whose window has too few values.
inline constexpr double no_value = std::numeric_limits<double>::quiet_NaN();

inline bool has_value(double x) noexcept { return !std::isnan(x); }

/// Rolling daily AQI, one hour at a time. Sums are kept in thousandths of an AQI point as
/// integers, so the mean of integer AQI is exact and never drifts over a long series.
class rolling_daily {
 public:
  /// `window` hours per mean (24), `min_valid` values needed (20).
  explicit rolling_daily(int window = 24, int min_valid = 20)
      : milli_(static_cast<std::size_t>(window), missing), min_valid_(min_valid) {}

  /// Takes the next hour's AQI (NaN = missing; AQI is never negative) and returns the daily AQI
  /// of the window ending at it, or NaN when fewer than `min_valid` hours of it have a value.
  double push(double aqi) noexcept {
    auto& slot = milli_[at_];
    if (slot != missing) { sum_ -= slot; --count_; }
    slot = missing;
    if (has_value(aqi)) {
      slot = static_cast<std::int64_t>(aqi * 1000.0 + 0.5);  // nearest thousandth
      sum_ += slot;
      ++count_;
    }
    if (++at_ == milli_.size()) at_ = 0;
    return current();
  }

  /// The daily AQI of the window ending at the last hour pushed (NaN when not valid).
  double current() const noexcept {
    // one correctly rounded division: for whole AQI it is exactly sum / count
    return count_ >= min_valid_ ? static_cast<double>(sum_) / (1000.0 * count_) : no_value;
  }
  /// How many hours of the current window have a value.
  int valid_hours() const noexcept { return count_; }

 private:
  static constexpr std::int64_t missing = std::numeric_limits<std::int64_t>::min();
  std::vector<std::int64_t> milli_;
  std::size_t at_ = 0;
  std::int64_t sum_ = 0;
  int count_ = 0;
  int min_valid_;
};

/// The daily AQI ending at each hour of a gap-free hourly series (NaN = missing). The first
/// hours see only part of a window: they have a value once `min_valid` hours are in.
inline std::vector<double> daily_aqi(std::span<const double> hourly, int window = 24,
                                     int min_valid = 20) {
  rolling_daily roll(window, min_valid);
  std::vector<double> out;
  out.reserve(hourly.size());
  for (double v : hourly) out.push_back(roll.push(v));
  return out;
}

}  // namespace hpa
