#pragma once
// AQI from concentrations (HJ 633-2012 and HJ 633-2026, ../shared/AQI.md): IAQI by linear
// interpolation between breakpoints, rounded up; AQI the largest IAQI; the special rules for SO2
// 1 h and O3 8 h above 800; the 2026 rounding of concentrations; primary pollutants; categories.
// Arithmetic is on integers (concentrations in thousandths), so every breakpoint gives exactly
// its IAQI and the ceiling never sees a floating-point error.

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "hpa/time.hpp"

namespace hpa {

enum class aqi_edition { hj633_2012, hj633_2026 };

/// HJ 633-2026 applies from 2026-03-01; before, HJ 633-2012 (`auto` by the data's date).
inline aqi_edition edition_for(hour_t t) {
  return t >= days_from_civil(2026, 3, 1) * 24 ? aqi_edition::hj633_2026 : aqi_edition::hj633_2012;
}

enum class indicator { so2_24h, so2_1h, no2_24h, no2_1h, pm10_24h, co_24h, co_1h, o3_1h, o3_8h, pm25_24h };

inline constexpr std::array<int, 8> iaqi_steps = {0, 50, 100, 150, 200, 300, 400, 500};

/// The breakpoints of one indicator (µg/m³, CO mg/m³); -1 where the table has "—".
inline const std::array<double, 8>& breakpoints(aqi_edition e, indicator i) {
  static const std::array<std::array<double, 8>, 10> t2012 = {{
      {0, 50, 150, 475, 800, 1600, 2100, 2620},   // SO2 24 h
      {0, 150, 500, 650, 800, -1, -1, -1},        // SO2 1 h
      {0, 40, 80, 180, 280, 565, 750, 940},       // NO2 24 h
      {0, 100, 200, 700, 1200, 2340, 3090, 3840}, // NO2 1 h
      {0, 50, 150, 250, 350, 420, 500, 600},      // PM10 24 h
      {0, 2, 4, 14, 24, 36, 48, 60},              // CO 24 h
      {0, 5, 10, 35, 60, 90, 120, 150},           // CO 1 h
      {0, 160, 200, 300, 400, 800, 1000, 1200},   // O3 1 h
      {0, 100, 160, 215, 265, 800, -1, -1},       // O3 8 h
      {0, 35, 75, 115, 150, 250, 350, 500},       // PM2.5 24 h
  }};
  static const std::array<std::array<double, 8>, 10> t2026 = [] {
    auto t = t2012;
    t[static_cast<int>(indicator::pm10_24h)] = {0, 50, 120, 250, 350, 420, 500, 600};
    t[static_cast<int>(indicator::pm25_24h)] = {0, 35, 60, 115, 150, 250, 350, 500};
    return t;
  }();
  return (e == aqi_edition::hj633_2012 ? t2012 : t2026)[static_cast<std::size_t>(i)];
}

/// An IAQI: a whole number, or undefined (above a table that ends early), or above the scale.
struct iaqi_result {
  int value = 0;
  bool defined = false;
  bool above_scale = false;  ///< past the last breakpoint: capped at 500 here
  explicit operator bool() const noexcept { return defined; }
};

namespace detail {
inline std::int64_t thousandths(double c) { return std::llround(c * 1000.0); }
}  // namespace detail

/// IAQI of a concentration: (Ih - Il) / (Bh - Bl) × (C - Bl) + Il, rounded up (HJ 633 §6.2).
/// A concentration past the last breakpoint gives 500 with above_scale set; one past a table
/// that ends early ("—") is undefined. Does not throw.
inline iaqi_result iaqi(aqi_edition e, indicator i, double c) {
  const auto& bp = breakpoints(e, i);
  const std::int64_t cm = detail::thousandths(c);
  if (cm <= 0) return {0, true, false};
  for (std::size_t k = 1; k < bp.size(); ++k) {
    if (bp[k] < 0) return {0, false, false};
    const auto hi = static_cast<std::int64_t>(bp[k] * 1000), lo = static_cast<std::int64_t>(bp[k - 1] * 1000);
    if (cm <= hi) {
      const std::int64_t num = (iaqi_steps[k] - iaqi_steps[k - 1]) * (cm - lo), den = hi - lo;
      return {iaqi_steps[k - 1] + static_cast<int>((num + den - 1) / den), true, false};
    }
  }
  return {500, true, true};
}

/// HJ 633-2026 rounds concentrations before the lookup, half to even (GB/T 8170): whole
/// numbers, CO to 0.1 mg/m³.
inline double round_concentration_2026(indicator i, double c) {
  const bool co = i == indicator::co_24h || i == indicator::co_1h;
  const std::int64_t unit = co ? 100 : 1000;  // in thousandths
  const std::int64_t cm = detail::thousandths(c), q = cm / unit, r = cm % unit;
  const std::int64_t n = 2 * r > unit || (2 * r == unit && q % 2 != 0) ? q + 1 : q;
  return static_cast<double>(n * unit) / 1000.0;
}

/// The pollutants an AQI is made of. NaN = not measured.
struct concentrations {
  double so2 = NAN, no2 = NAN, co = NAN, o3 = NAN, o3_8h = NAN, pm10 = NAN, pm25 = NAN;
  double so2_24h = NAN, pm10_24h = NAN, pm25_24h = NAN;  ///< for the 2012 real-time rules
};

enum class realtime_pm {
  hourly_vs_24h,  ///< the 1 h PM concentration against the 24 h breakpoints (CNEMC since 2014; 2026)
  moving_24h      ///< the 24 h moving mean (2013 practice)
};

/// The readings of the 2012 real-time AQI. The defaults are what the national network
/// publishes: they reproduce every published hourly AQI of ../shared/data (25,736 site-hours of
/// 2017-01-01 and 1,292 station-hours of 2020). The HJ 633-2012 text also counts the O3 8 h
/// moving mean, and reports SO2 by its 24 h IAQI when the 1 h value is above 800.
struct realtime_options {
  realtime_pm pm = realtime_pm::hourly_vs_24h;
  bool o3_8h = false;             ///< count the O3 8 h moving mean (HJ 633-2012 text)
  bool so2_24h_fallback = false;  ///< SO2 1 h above 800: its 24 h IAQI (text) or none (published)
};

struct pollutant_iaqi {
  std::string name;  ///< SO2, NO2, CO, O3, O3_8h, PM10, PM2.5
  int iaqi;
};

struct aqi_result {
  std::optional<int> aqi;               ///< none: nothing measured (or 2026: <= 100 with a pollutant missing)
  std::vector<pollutant_iaqi> iaqi;     ///< the pollutants that counted
  std::vector<std::string> primary;     ///< when AQI > 50: every pollutant whose IAQI is the AQI
  bool above_scale = false;             ///< some concentration was past the table (capped at 500)
};

namespace detail {
inline void add(aqi_result& r, const char* name, aqi_edition e, indicator i, double c) {
  if (std::isnan(c)) return;
  if (e == aqi_edition::hj633_2026) c = round_concentration_2026(i, c);
  const auto v = iaqi(e, i, c);
  if (!v) return;
  r.above_scale |= v.above_scale;
  r.iaqi.push_back({name, v.value});
}
inline void finish(aqi_result& r, aqi_edition e, int expected) {
  for (const auto& p : r.iaqi)
    if (!r.aqi || p.iaqi > *r.aqi) r.aqi = p.iaqi;
  // 2026: with a pollutant missing the AQI is published only when above 100
  if (e == aqi_edition::hj633_2026 && r.aqi && static_cast<int>(r.iaqi.size()) < expected && *r.aqi <= 100) r.aqi.reset();
  if (r.aqi && *r.aqi > 50)
    for (const auto& p : r.iaqi)
      if (p.iaqi == *r.aqi) r.primary.push_back(p.name);
}
}  // namespace detail

/// The hourly (real-time) AQI. 2012: SO2, NO2, CO, O3 1 h values and PM, with the options'
/// readings; O3 8 h above 800 is left to O3 1 h. 2026: the six 1 h values only, PM against the
/// 24 h breakpoints; SO2 1 h above 800 is 200.
inline aqi_result hourly_aqi(const concentrations& c, aqi_edition e, const realtime_options& o = {}) {
  aqi_result r;
  const bool y2026 = e == aqi_edition::hj633_2026;
  if (!std::isnan(c.so2) && c.so2 > 800) {
    if (y2026) r.iaqi.push_back({"SO2", 200});
    else if (o.so2_24h_fallback) detail::add(r, "SO2", e, indicator::so2_24h, c.so2_24h);
  } else {
    detail::add(r, "SO2", e, indicator::so2_1h, c.so2);
  }
  detail::add(r, "NO2", e, indicator::no2_1h, c.no2);
  detail::add(r, "CO", e, indicator::co_1h, c.co);
  detail::add(r, "O3", e, indicator::o3_1h, c.o3);
  if (!y2026 && o.o3_8h && !(c.o3_8h > 800)) detail::add(r, "O3_8h", e, indicator::o3_8h, c.o3_8h);
  const bool moving = !y2026 && o.pm == realtime_pm::moving_24h;
  detail::add(r, "PM10", e, indicator::pm10_24h, moving ? c.pm10_24h : c.pm10);
  detail::add(r, "PM2.5", e, indicator::pm25_24h, moving ? c.pm25_24h : c.pm25);
  detail::finish(r, e, 6);
  return r;
}

/// The daily AQI of 24 h means (so2, no2, co, pm10, pm25), the day's O3 1 h maximum (`o3`, 2012
/// only) and O3 8 h maximum (`o3_8h`). O3 8 h above 800: 2012 leaves it to O3 1 h, 2026 says 300.
inline aqi_result daily_aqi_of(const concentrations& c, aqi_edition e) {
  aqi_result r;
  const bool y2026 = e == aqi_edition::hj633_2026;
  detail::add(r, "SO2", e, indicator::so2_24h, c.so2);
  detail::add(r, "NO2", e, indicator::no2_24h, c.no2);
  detail::add(r, "CO", e, indicator::co_24h, c.co);
  if (!y2026) detail::add(r, "O3", e, indicator::o3_1h, c.o3);
  if (c.o3_8h > 800) {
    if (y2026) r.iaqi.push_back({"O3_8h", 300});
  } else {
    detail::add(r, "O3_8h", e, indicator::o3_8h, c.o3_8h);
  }
  detail::add(r, "PM10", e, indicator::pm10_24h, c.pm10);
  detail::add(r, "PM2.5", e, indicator::pm25_24h, c.pm25);
  detail::finish(r, e, y2026 ? 6 : 7);
  return r;
}

struct aqi_category {
  int level;              ///< 1 … 6 (一级 … 六级)
  const char* name_zh;    ///< 优, 良, 轻度污染, 中度污染, 重度污染, 严重污染
  const char* name_en;
  std::array<int, 3> rgb;
};

/// The category of an AQI (HJ 633 table 2).
inline aqi_category category(int aqi) {
  static constexpr aqi_category c[] = {
      {1, "优", "excellent", {0, 228, 0}},        {2, "良", "good", {255, 255, 0}},
      {3, "轻度污染", "light", {255, 126, 0}},     {4, "中度污染", "moderate", {255, 0, 0}},
      {5, "重度污染", "heavy", {153, 0, 76}},      {6, "严重污染", "severe", {126, 0, 35}}};
  return aqi <= 50 ? c[0] : aqi <= 100 ? c[1] : aqi <= 150 ? c[2] : aqi <= 200 ? c[3] : aqi <= 300 ? c[4] : c[5];
}

}  // namespace hpa
