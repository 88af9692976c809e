#pragma once
// The daily AQI from concentrations over the 24 h window ending at each hour, across calendar
// days (RULES.md §2, daily_aqi = aqi_of_mean_concentration): the AQI of the 24 h mean
// concentrations, each valid with 20 of its 24 hours; O3 by its largest 8 h moving mean (valid
// with 6 of 8) among the 8 h windows inside the 24 h, and (2012) its largest 1 h value.
//
// Exact: values are held in thousandths, a window is its integer sum and count, and the IAQI is
// computed from them with integer operands (aqi.hpp, iaqi_of_mean), so a mean is never rounded
// before the lookup (AQI.md, 2012: 23 hours of PM2.5 150 and one of 150.001 are over 200).

#include <array>
#include <cstdint>

#include "hpa/aqi.hpp"

namespace hpa {

/// The hours of the daily window (HJ 633: the 24 h mean).
inline constexpr int daily_window_hours = 24;
/// The 8 h windows of O3 that lie inside the 24 h (ending at t-16 … t).
inline constexpr int o3_8h_windows = daily_window_hours - 8 + 1;
/// An 8 h mean needs 6 of its 8 hours (GB 3095).
inline constexpr int o3_8h_min_valid = 6;

class rolling_concentrations {
 public:
  /// `min_valid`: the hours a 24 h mean needs (the profile's min_valid_hours), 1 … 24.
  explicit rolling_concentrations(int min_valid) : min_valid_(min_valid) {}

  /// Takes the next hour's concentrations (thousandths, -1 = missing) and returns the
  /// statistics of the 24 h window ending at it: the means with at least `min_valid` hours (as
  /// sums and counts), the largest O3 1 h value, the largest valid O3 8 h mean. Does not
  /// allocate.
  const daily_statistics& push(const concentrations_milli& c) noexcept {
    const std::int64_t in[5] = {c.so2, c.no2, c.co, c.pm10, c.pm25};
    for (std::size_t p = 0; p < 5; ++p) {
      std::int64_t& slot = values_[p][at_];
      if (slot >= 0) sums_[p] -= slot, --counts_[p];
      slot = in[p];
      if (slot >= 0) sums_[p] += slot, ++counts_[p];
    }
    // O3: the 1 h values of the window, the 8 h moving mean, the 8 h means inside the window.
    // The maxima are kept with their slots and looked for again only when theirs is written
    // over: most hours cost a comparison, not a pass over 24 values and 17 means.
    std::int64_t& o3 = o3_[at_];
    if (o3 >= 0) --o3_count_;
    o3 = c.o3;
    if (o3 >= 0) ++o3_count_;
    if (o3_at_ == at_) {
      o3_at_ = none_at;
      for (std::size_t k = 0; k < o3_.size(); ++k)
        if (o3_[k] >= 0 && (o3_at_ == none_at || o3_[k] > o3_[o3_at_])) o3_at_ = k;
    } else if (o3 >= 0 && (o3_at_ == none_at || o3 > o3_[o3_at_])) {
      o3_at_ = at_;
    }
    std::int64_t& o8 = o8_[at8_];
    if (o8 >= 0) o8_sum_ -= o8, --o8_n_;
    o8 = c.o3;
    if (o8 >= 0) o8_sum_ += o8, ++o8_n_;
    at8_ = (at8_ + 1) % 8;
    m8_sum_[at17_] = o8_n_ >= o3_8h_min_valid ? o8_sum_ : 0;
    m8_n_[at17_] = o8_n_ >= o3_8h_min_valid ? o8_n_ : 0;
    if (m8_at_ == at17_) {
      m8_at_ = none_at;
      for (std::size_t k = 0; k < o3_8h_windows; ++k)
        if (m8_n_[k] > 0 && (m8_at_ == none_at || mean_above(k, m8_at_))) m8_at_ = k;
    } else if (m8_n_[at17_] > 0 && (m8_at_ == none_at || mean_above(at17_, m8_at_))) {
      m8_at_ = at17_;
    }
    at17_ = (at17_ + 1) % o3_8h_windows;
    at_ = (at_ + 1) % daily_window_hours;

    daily_statistics& s = stats_;
    const int m = min_valid_;
    s.so2_n = counts_[0] >= m ? counts_[0] : 0, s.so2_sum = sums_[0];
    s.no2_n = counts_[1] >= m ? counts_[1] : 0, s.no2_sum = sums_[1];
    s.co_n = counts_[2] >= m ? counts_[2] : 0, s.co_sum = sums_[2];
    s.pm10_n = counts_[3] >= m ? counts_[3] : 0, s.pm10_sum = sums_[3];
    s.pm25_n = counts_[4] >= m ? counts_[4] : 0, s.pm25_sum = sums_[4];
    s.o3_max = o3_at_ == none_at ? -1 : o3_[o3_at_];
    s.o3_8h_sum = m8_at_ == none_at ? 0 : m8_sum_[m8_at_];  // the largest 8 h mean, as a fraction
    s.o3_8h_n = m8_at_ == none_at ? 0 : m8_n_[m8_at_];
    return s;
  }

  /// push() of concentrations in µg/m³ (CO mg/m³), NaN = missing, taken to the nearest 0.001.
  const daily_statistics& push(const concentrations& c) noexcept { return push(to_thousandths(c)); }

  /// Whether the window holds no value at all: then, until a value comes, every daily AQI is
  /// missing.
  bool empty() const noexcept {
    int n = o3_count_;
    for (int c : counts_) n += c;
    return n == 0;
  }

 private:
  static std::array<std::int64_t, daily_window_hours> none() {
    std::array<std::int64_t, daily_window_hours> a;
    a.fill(-1);
    return a;
  }

  static constexpr std::size_t none_at = ~std::size_t{0};
  // Whether the 8 h mean of slot a is above that of slot b: sums over counts, compared exactly.
  bool mean_above(std::size_t a, std::size_t b) const noexcept { return m8_sum_[a] * m8_n_[b] > m8_sum_[b] * m8_n_[a]; }

  int min_valid_;
  std::size_t at_ = 0, at8_ = 0, at17_ = 0;
  std::size_t o3_at_ = none_at, m8_at_ = none_at;  // the slots of the largest O3 1 h value and 8 h mean
  std::array<std::array<std::int64_t, daily_window_hours>, 5> values_{none(), none(), none(), none(),
                                                                      none()};  // SO2, NO2, CO, PM10, PM2.5
  std::array<std::int64_t, 5> sums_{};
  std::array<int, 5> counts_{};
  std::array<std::int64_t, daily_window_hours> o3_ = none();  // the O3 1 h values of the window
  int o3_count_ = 0;
  std::array<std::int64_t, 8> o8_{-1, -1, -1, -1, -1, -1, -1, -1};  // O3 of the last 8 hours
  std::int64_t o8_sum_ = 0;
  int o8_n_ = 0;
  std::array<std::int64_t, o3_8h_windows> m8_sum_{};  // the valid 8 h means inside the window (n = 0: none)
  std::array<int, o3_8h_windows> m8_n_{};
  daily_statistics stats_;
};

}  // namespace hpa
