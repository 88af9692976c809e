#pragma once
// AQI from concentrations (HJ 633-2012 and HJ 633-2026, ../shared/AQI.md): IAQI by linear
// interpolation between breakpoints, rounded up; AQI the largest IAQI; the special rules for SO2
// 1 h and O3 8 h above 800; the 2026 rounding of concentrations; primary pollutants; categories.
// Arithmetic is on integers (concentrations in thousandths, a window's mean as its sum and
// count), so every breakpoint gives exactly its IAQI, a mean is never rounded before the lookup,
// and the ceiling never sees a floating-point error.

#include <algorithm>
#include <array>
#include <bit>
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
      {0, 50, 150, 475, 800, 1600, 2100, 2620},    // SO2 24 h
      {0, 150, 500, 650, 800, -1, -1, -1},         // SO2 1 h
      {0, 40, 80, 180, 280, 565, 750, 940},        // NO2 24 h
      {0, 100, 200, 700, 1200, 2340, 3090, 3840},  // NO2 1 h
      {0, 50, 150, 250, 350, 420, 500, 600},       // PM10 24 h
      {0, 2, 4, 14, 24, 36, 48, 60},               // CO 24 h
      {0, 5, 10, 35, 60, 90, 120, 150},            // CO 1 h
      {0, 160, 200, 300, 400, 800, 1000, 1200},    // O3 1 h
      {0, 100, 160, 215, 265, 800, -1, -1},        // O3 8 h
      {0, 35, 75, 115, 150, 250, 350, 500},        // PM2.5 24 h
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
/// The largest concentration held, in thousandths: far past every table (whose tops are at most
/// 3840 µg/m³), so that any finite input has an integer and sums of a window cannot overflow.
inline constexpr std::int64_t max_thousandths = std::int64_t{1} << 40;
inline std::int64_t thousandths(double c) {
  return c > static_cast<double>(max_thousandths) / 1000.0 ? max_thousandths : std::llround(c * 1000.0);
}
/// The breakpoints of an indicator in thousandths (µg/m³ × 1000, CO mg/m³ × 1000); -1 for "—".
inline const std::array<std::int64_t, 8>& breakpoints_milli(aqi_edition e, indicator i) {
  static const auto tables = [] {
    std::array<std::array<std::array<std::int64_t, 8>, 10>, 2> t{};
    for (int y = 0; y < 2; ++y)
      for (std::size_t k = 0; k < 10; ++k)
        for (std::size_t b = 0; b < 8; ++b) {
          const double v =
              breakpoints(y ? aqi_edition::hj633_2026 : aqi_edition::hj633_2012, static_cast<indicator>(k))[b];
          t[static_cast<std::size_t>(y)][k][b] = v < 0 ? -1 : std::llround(v * 1000);
        }
    return t;
  }();
  return tables[e == aqi_edition::hj633_2026][static_cast<std::size_t>(i)];
}
inline bool is_co(indicator i) noexcept { return i == indicator::co_24h || i == indicator::co_1h; }
/// The mean sum / n (thousandths) rounded half to even to whole µg/m³ (CO to 0.1 mg/m³), in
/// thousandths (HJ 633-2026, GB/T 8170); exact.
inline std::int64_t round_mean_2026(indicator i, std::int64_t sum, std::int64_t n) noexcept {
  const std::int64_t unit = is_co(i) ? 100 : 1000, d = unit * n;
  std::int64_t q = sum / d;
  const std::int64_t r = sum - q * d;
  if (2 * r > d || (2 * r == d && q % 2 != 0)) ++q;
  return q * unit;
}
}  // namespace detail

/// IAQI of the mean of `n` concentrations whose sum is `sum` thousandths (µg/m³ × 1000, CO
/// mg/m³ × 1000), exactly: on the segment BP_lo·n < sum <= BP_hi·n, IAQI_lo + ceil((IAQI_hi -
/// IAQI_lo)(sum - BP_lo·n) / ((BP_hi - BP_lo)·n)) with integer operands (HJ 633 §6.2). The mean
/// itself is not rounded (the 2026 rounding is the caller's: hourly_breakdown, daily_breakdown).
/// A mean at a breakpoint gives exactly its IAQI, one above it by any amount at least one more.
/// Past the last breakpoint: 500 with above_scale; past a table that ends early: undefined.
/// `n` >= 1, 0 <= sum <= n × 2^40. Does not throw or allocate.
inline iaqi_result iaqi_of_mean(aqi_edition e, indicator i, std::int64_t sum, std::int64_t n) noexcept {
  if (sum <= 0) return {0, true, false};
  const auto& bp = detail::breakpoints_milli(e, i);
  for (std::size_t k = 1; k < bp.size(); ++k) {
    if (bp[k] < 0) return {0, false, false};
    if (sum <= bp[k] * n) {
      const std::int64_t num = (iaqi_steps[k] - iaqi_steps[k - 1]) * (sum - bp[k - 1] * n),
                         den = (bp[k] - bp[k - 1]) * n;
      // ceil(num / den) through one correctly rounded division of exact integers (below 2^53):
      // a quotient that is not whole lies at least 1/den (> 4e-8) above the whole number below
      // it, far more than the rounding near 100 (1.4e-14) can take away, so its ceiling is exact
      return {iaqi_steps[k - 1] + static_cast<int>(std::ceil(static_cast<double>(num) / static_cast<double>(den))),
              true, false};
    }
  }
  return {500, true, true};
}

/// IAQI of a concentration: (Ih - Il) / (Bh - Bl) × (C - Bl) + Il, rounded up (HJ 633 §6.2),
/// the concentration taken to the nearest 0.001. A concentration past the last breakpoint gives
/// 500 with above_scale set; one past a table that ends early ("—") is undefined. Does not throw.
inline iaqi_result iaqi(aqi_edition e, indicator i, double c) { return iaqi_of_mean(e, i, detail::thousandths(c), 1); }

/// HJ 633-2026 rounds concentrations before the lookup, half to even (GB/T 8170): whole
/// numbers, CO to 0.1 mg/m³.
inline double round_concentration_2026(indicator i, double c) {
  return static_cast<double>(detail::round_mean_2026(i, detail::thousandths(c), 1)) / 1000.0;
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

/// The parts of an AQI, in the order its IAQIs and primary pollutants are listed.
enum class aqi_part : std::uint8_t { so2, no2, co, o3, o3_8h, pm10, pm25 };
inline constexpr std::size_t aqi_part_count = 7;
inline constexpr std::array<const char*, aqi_part_count> aqi_part_names = {"SO2",   "NO2",  "CO",   "O3",
                                                                           "O3_8h", "PM10", "PM2.5"};
/// A set of parts: bit 1 << part.
using aqi_parts = std::uint8_t;
constexpr aqi_parts part_bit(aqi_part p) noexcept { return static_cast<aqi_parts>(1u << static_cast<unsigned>(p)); }
/// PM2.5 and PM10: the particles a daily AQI may stand without.
inline constexpr aqi_parts pm_parts = part_bit(aqi_part::pm10) | part_bit(aqi_part::pm25);

/// An AQI with its IAQIs, as plain numbers: what hourly_aqi and daily_aqi_of compute, without
/// allocating.
struct aqi_breakdown {
  std::array<std::int16_t, aqi_part_count> iaqi{-1, -1, -1, -1, -1, -1, -1};  ///< -1: not counted
  int aqi = -1;           ///< -1: none (nothing counted; 2026: <= 100 with a pollutant missing)
  aqi_parts counted = 0;  ///< the parts with an IAQI: what the AQI stands on
  aqi_parts primary = 0;  ///< when AQI > 50: every part whose IAQI is the AQI
  bool above_scale = false;
};

/// Concentrations in thousandths (µg/m³ × 1000, CO mg/m³ × 1000); -1 = not measured.
struct concentrations_milli {
  std::int64_t so2 = -1, no2 = -1, co = -1, o3 = -1, o3_8h = -1, pm10 = -1, pm25 = -1;
  std::int64_t so2_24h = -1, pm10_24h = -1, pm25_24h = -1;
};

inline concentrations_milli to_thousandths(const concentrations& c) {
  auto m = [](double v) {
    return std::isnan(v) ? std::int64_t{-1} : std::max<std::int64_t>(0, detail::thousandths(v));
  };
  return {m(c.so2),  m(c.no2),  m(c.co),      m(c.o3),       m(c.o3_8h),
          m(c.pm10), m(c.pm25), m(c.so2_24h), m(c.pm10_24h), m(c.pm25_24h)};
}

namespace detail {
inline void count(aqi_breakdown& r, aqi_part p, int v) {
  r.iaqi[static_cast<std::size_t>(p)] = static_cast<std::int16_t>(v);
  r.counted |= part_bit(p);
}
/// Counts the mean sum / n of part p (n = 0: not measured).
inline void add(aqi_breakdown& r, aqi_part p, aqi_edition e, indicator i, std::int64_t sum, std::int64_t n) {
  if (n <= 0 || sum < 0) return;
  if (e == aqi_edition::hj633_2026) {  // 2026 rounds the concentration (the mean), exactly
    sum = round_mean_2026(i, sum, n);
    n = 1;
  }
  const auto v = iaqi_of_mean(e, i, sum, n);
  if (!v) return;
  r.above_scale |= v.above_scale;
  count(r, p, v.value);
}
inline void add(aqi_breakdown& r, aqi_part p, aqi_edition e, indicator i, std::int64_t value) {
  add(r, p, e, i, value, value < 0 ? 0 : 1);
}
inline void finish(aqi_breakdown& r, aqi_edition e, int expected) {
  for (std::size_t p = 0; p < aqi_part_count; ++p)
    if (r.iaqi[p] > r.aqi) r.aqi = r.iaqi[p];
  // 2026: with a pollutant missing the AQI is published only when above 100
  if (e == aqi_edition::hj633_2026 && r.aqi >= 0 && std::popcount(r.counted) < expected && r.aqi <= 100) r.aqi = -1;
  if (r.aqi > 50)
    for (std::size_t p = 0; p < aqi_part_count; ++p)
      if (r.iaqi[p] == r.aqi) r.primary |= static_cast<aqi_parts>(1u << p);
}
}  // namespace detail

/// The hourly (real-time) AQI of concentrations in thousandths; see hourly_aqi.
inline aqi_breakdown hourly_breakdown(const concentrations_milli& c, aqi_edition e, const realtime_options& o = {}) {
  aqi_breakdown r;
  const bool y2026 = e == aqi_edition::hj633_2026;
  if (c.so2 > 800000) {
    if (y2026)
      detail::count(r, aqi_part::so2, 200);
    else if (o.so2_24h_fallback)
      detail::add(r, aqi_part::so2, e, indicator::so2_24h, c.so2_24h);
  } else {
    detail::add(r, aqi_part::so2, e, indicator::so2_1h, c.so2);
  }
  detail::add(r, aqi_part::no2, e, indicator::no2_1h, c.no2);
  detail::add(r, aqi_part::co, e, indicator::co_1h, c.co);
  detail::add(r, aqi_part::o3, e, indicator::o3_1h, c.o3);
  if (!y2026 && o.o3_8h && !(c.o3_8h > 800000)) detail::add(r, aqi_part::o3_8h, e, indicator::o3_8h, c.o3_8h);
  const bool moving = !y2026 && o.pm == realtime_pm::moving_24h;
  detail::add(r, aqi_part::pm10, e, indicator::pm10_24h, moving ? c.pm10_24h : c.pm10);
  detail::add(r, aqi_part::pm25, e, indicator::pm25_24h, moving ? c.pm25_24h : c.pm25);
  detail::finish(r, e, 6);
  return r;
}

/// The statistics a daily AQI is made of, exactly: for SO2, NO2, CO, PM10 and PM2.5 the sum of
/// the window's values in thousandths and how many they are (0: none valid), the largest O3 1 h
/// value (-1: none) and the largest O3 8 h mean as a sum and count (0: none).
struct daily_statistics {
  std::int64_t so2_sum = 0, no2_sum = 0, co_sum = 0, pm10_sum = 0, pm25_sum = 0;
  int so2_n = 0, no2_n = 0, co_n = 0, pm10_n = 0, pm25_n = 0;
  std::int64_t o3_max = -1;
  std::int64_t o3_8h_sum = 0;
  int o3_8h_n = 0;
};

/// The daily AQI of a window's statistics. O3 8 h above 800: 2012 leaves it to O3 1 h, 2026 says
/// 300. No floating point: a mean just above a breakpoint is above it.
inline aqi_breakdown daily_breakdown(const daily_statistics& s, aqi_edition e) {
  aqi_breakdown r;
  const bool y2026 = e == aqi_edition::hj633_2026;
  detail::add(r, aqi_part::so2, e, indicator::so2_24h, s.so2_sum, s.so2_n);
  detail::add(r, aqi_part::no2, e, indicator::no2_24h, s.no2_sum, s.no2_n);
  detail::add(r, aqi_part::co, e, indicator::co_24h, s.co_sum, s.co_n);
  if (!y2026) detail::add(r, aqi_part::o3, e, indicator::o3_1h, s.o3_max);
  if (s.o3_8h_n > 0 && s.o3_8h_sum > 800000 * std::int64_t{s.o3_8h_n}) {
    if (y2026) detail::count(r, aqi_part::o3_8h, 300);
  } else {
    detail::add(r, aqi_part::o3_8h, e, indicator::o3_8h, s.o3_8h_sum, s.o3_8h_n);
  }
  detail::add(r, aqi_part::pm10, e, indicator::pm10_24h, s.pm10_sum, s.pm10_n);
  detail::add(r, aqi_part::pm25, e, indicator::pm25_24h, s.pm25_sum, s.pm25_n);
  detail::finish(r, e, y2026 ? 6 : 7);
  return r;
}

struct pollutant_iaqi {
  std::string name;  ///< SO2, NO2, CO, O3, O3_8h, PM10, PM2.5
  int iaqi;
};

struct aqi_result {
  std::optional<int> aqi;            ///< none: nothing measured (or 2026: <= 100 with a pollutant missing)
  std::vector<pollutant_iaqi> iaqi;  ///< the pollutants that counted
  std::vector<std::string> primary;  ///< when AQI > 50: every pollutant whose IAQI is the AQI
  bool above_scale = false;          ///< some concentration was past the table (capped at 500)
};

/// The breakdown with names.
inline aqi_result to_result(const aqi_breakdown& b) {
  aqi_result r;
  if (b.aqi >= 0) r.aqi = b.aqi;
  for (std::size_t p = 0; p < aqi_part_count; ++p) {
    if (b.counted & (1u << p)) r.iaqi.push_back({aqi_part_names[p], b.iaqi[p]});
    if (b.primary & (1u << p)) r.primary.emplace_back(aqi_part_names[p]);
  }
  r.above_scale = b.above_scale;
  return r;
}

/// The hourly (real-time) AQI. 2012: SO2, NO2, CO, O3 1 h values and PM, with the options'
/// readings; O3 8 h above 800 is left to O3 1 h. 2026: the six 1 h values only, PM against the
/// 24 h breakpoints; SO2 1 h above 800 is 200. Concentrations are taken to the nearest 0.001.
inline aqi_result hourly_aqi(const concentrations& c, aqi_edition e, const realtime_options& o = {}) {
  return to_result(hourly_breakdown(to_thousandths(c), e, o));
}

/// The daily AQI of 24 h means (so2, no2, co, pm10, pm25), the day's O3 1 h maximum (`o3`, 2012
/// only) and O3 8 h maximum (`o3_8h`), each taken to the nearest 0.001. O3 8 h above 800: 2012
/// leaves it to O3 1 h, 2026 says 300. For the means of a window, exactly, see daily_breakdown.
inline aqi_result daily_aqi_of(const concentrations& c, aqi_edition e) {
  const auto m = to_thousandths(c);
  auto one = [](std::int64_t v) { return v < 0 ? 0 : 1; };
  daily_statistics s;
  s.so2_sum = m.so2, s.so2_n = one(m.so2);
  s.no2_sum = m.no2, s.no2_n = one(m.no2);
  s.co_sum = m.co, s.co_n = one(m.co);
  s.pm10_sum = m.pm10, s.pm10_n = one(m.pm10);
  s.pm25_sum = m.pm25, s.pm25_n = one(m.pm25);
  s.o3_max = m.o3;
  s.o3_8h_sum = m.o3_8h, s.o3_8h_n = one(m.o3_8h);
  return to_result(daily_breakdown(s, e));
}

/// The pollutants (not indicators: O3 1 h and 8 h are O3) of a set of parts, in the order
/// "PM2.5 PM10 SO2 NO2 CO O3"; "" for none.
inline std::string pollutant_list(aqi_parts parts) {
  static constexpr std::pair<aqi_parts, const char*> order[] = {
      {part_bit(aqi_part::pm25), "PM2.5"},
      {part_bit(aqi_part::pm10), "PM10"},
      {part_bit(aqi_part::so2), "SO2"},
      {part_bit(aqi_part::no2), "NO2"},
      {part_bit(aqi_part::co), "CO"},
      {static_cast<aqi_parts>(part_bit(aqi_part::o3) | part_bit(aqi_part::o3_8h)), "O3"}};
  std::string s;
  for (const auto& [bits, name] : order)
    if (parts & bits) {
      if (!s.empty()) s += ' ';
      s += name;
    }
  return s;
}

struct aqi_category {
  int level;            ///< 1 … 6 (一级 … 六级)
  const char* name_zh;  ///< 优, 良, 轻度污染, 中度污染, 重度污染, 严重污染
  const char* name_en;
  std::array<int, 3> rgb;
};

/// The category of an AQI (HJ 633 table 2).
inline aqi_category category(int aqi) {
  static constexpr aqi_category c[] = {
      {1, "优", "excellent", {0, 228, 0}},     {2, "良", "good", {255, 255, 0}},
      {3, "轻度污染", "light", {255, 126, 0}}, {4, "中度污染", "moderate", {255, 0, 0}},
      {5, "重度污染", "heavy", {153, 0, 76}},  {6, "严重污染", "severe", {126, 0, 35}}};
  return aqi <= 50 ? c[0] : aqi <= 100 ? c[1] : aqi <= 150 ? c[2] : aqi <= 200 ? c[3] : aqi <= 300 ? c[4] : c[5];
}

}  // namespace hpa
