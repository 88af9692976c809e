#pragma once
// The daily AQI from concentrations over the 24 h window ending at each hour, across calendar
// days (RULES.md §2, daily_aqi = aqi_of_mean_concentration): the AQI of the 24 h mean
// concentrations, each valid with 20 of its 24 hours; O3 by its largest 8 h moving mean (valid
// with 6 of 8) among the 8 h windows inside the 24 h, and (2012) its largest 1 h value.

#include <array>
#include <cstdint>
#include <vector>

#include "hpa/aqi.hpp"

namespace hpa {

class rolling_concentrations {
 public:
  explicit rolling_concentrations(int min_valid = 20) : min_valid_(min_valid) {}

  /// Takes the next hour's concentrations (NaN = missing) and returns the concentrations of the
  /// 24 h window ending at it: the means that have enough hours, NaN for the others.
  concentrations push(const concentrations& c) {
    const double in[5] = {c.so2, c.no2, c.co, c.pm10, c.pm25};
    for (int p = 0; p < 5; ++p) means_[p].push(in[p]);
    o3_.push(c.o3);
    o3_8h_.push(o8_.push_mean(c.o3, 6));
    concentrations w;
    double* out[5] = {&w.so2, &w.no2, &w.co, &w.pm10, &w.pm25};
    for (int p = 0; p < 5; ++p) *out[p] = means_[p].mean(min_valid_);
    w.o3 = o3_.max();
    w.o3_8h = o3_8h_.max();
    return w;
  }

 private:
  // A ring of the last N values kept in thousandths, for exact means.
  template <std::size_t N>
  struct ring {
    std::array<std::int64_t, N> v{};
    std::array<bool, N> has{};
    std::size_t at = 0;
    std::int64_t sum = 0;
    int count = 0;
    void push(double x) {
      if (has[at]) { sum -= v[at]; --count; }
      has[at] = !std::isnan(x);
      if (has[at]) { v[at] = std::llround(x * 1000); sum += v[at]; ++count; }
      at = (at + 1) % N;
    }
    double mean(int min_valid) const { return count >= min_valid ? static_cast<double>(sum) / (1000.0 * count) : NAN; }
    double push_mean(double x, int min_valid) { push(x); return mean(min_valid); }
    double max() const {
      double m = NAN;
      for (std::size_t i = 0; i < N; ++i)
        if (has[i] && (std::isnan(m) || v[i] / 1000.0 > m)) m = static_cast<double>(v[i]) / 1000.0;
      return m;
    }
  };

  int min_valid_;
  std::array<ring<24>, 5> means_;  // SO2, NO2, CO, PM10, PM2.5
  ring<24> o3_;                    // O3 1 h values of the window
  ring<8> o8_;                     // O3 of the last 8 hours, for the moving mean
  ring<17> o3_8h_;                 // the 8 h means whose windows lie inside the 24 h
};

}  // namespace hpa
