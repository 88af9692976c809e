#pragma once
// Whether concentrations are in the units the AQI takes them in (HJ 633: µg/m³, CO mg/m³), told by
// the median of each column. A unit off by a thousand does not fail a parse: CO written in µg/m³
// reads as CO in mg/m³ a thousand times too high, every hour's AQI becomes 500, and the answer is
// wrong without a word. The median of a season sits far from such mistakes, whatever the weather:
// the bounds below leave a wide margin on both sides of what any station in China records.
// The median is kept in a small histogram (no value is stored), so a file of any length costs
// the same few hundred bytes per column.

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hpa {

/// The median of a stream of non-negative values, to within 12.5 % (each octave in four bins),
/// in a fixed histogram of 2^-16 .. 2^24 (about 1.5e-5 .. 1.7e7; values outside count in the
/// end bins). Does not allocate.
class median_sketch {
 public:
  static constexpr int min_exponent = -16, max_exponent = 24, bins_per_octave = 4;
  static constexpr std::size_t bins = static_cast<std::size_t>(max_exponent - min_exponent) * bins_per_octave;

  /// Counts one value; NaN (missing) and negative values are left out.
  void add(double v) noexcept {
    if (!(v >= 0)) return;
    ++counts_[bin(v)];
    ++count_;
  }
  std::uint64_t count() const noexcept { return count_; }
  /// The middle of the bin holding the median; nullopt with no value.
  std::optional<double> median() const noexcept {
    if (count_ == 0) return std::nullopt;
    std::uint64_t seen = 0;
    std::size_t b = 0;
    while (b + 1 < bins && (seen += counts_[b]) * 2 < count_ + 1) ++b;
    const auto octave = static_cast<int>(b / bins_per_octave), quarter = static_cast<int>(b % bins_per_octave);
    return std::ldexp(1.0 + (quarter + 0.5) / bins_per_octave, min_exponent + octave);
  }

 private:
  static std::size_t bin(double v) noexcept {
    if (v <= 0) return 0;
    int e = 0;
    const double m = std::frexp(v, &e);  // v = m * 2^e, m in [0.5, 1): e - 1 is the octave
    const int octave = e - 1 - min_exponent;
    if (octave < 0) return 0;
    if (octave >= max_exponent - min_exponent) return bins - 1;
    const int sub = static_cast<int>((m - 0.5) * 2 * bins_per_octave);  // the quarter of the octave
    return static_cast<std::size_t>(octave * bins_per_octave + sub);
  }

  std::array<std::uint64_t, bins> counts_{};
  std::uint64_t count_ = 0;
};

/// Where the median of a concentration column may lie in the unit the AQI reads, and what a
/// median outside says about the unit the file used.
struct unit_bounds {
  std::string_view pollutant;        ///< as in messages: "CO", "PM2.5"
  std::string_view unit;             ///< the unit read: "mg/m³", "µg/m³"
  double low, high;                  ///< a median outside [low, high] is not this unit
  std::string_view if_low, if_high;  ///< the likely unit of a median below `low` or above `high`
};

/// The most any concentration can be: 1 kg/m³, short of the weight of air itself (1.2 kg/m³ at sea
/// level), so no pollutant in air reaches it. Every unit mistake above stays far below it (a heavy
/// day's PM2.5 in ng/m³ is 1e6), so a value past it is no measurement but a broken file.
inline constexpr double max_concentration_ug = 1e9;  ///< µg/m³
inline constexpr double max_concentration_mg = 1e6;  ///< mg/m³ (CO)

/// Fewer values than a day of hours say little about a unit: no judgement below this.
inline constexpr std::uint64_t unit_check_min_values = 24;

// CO: hourly values in China run 0.1-10 mg/m³ (HJ 633's scale ends at 150 mg/m³ for 1 h); in µg/m³
// the same air reads 100-10000, so a median over 100 is µg/m³.
inline constexpr unit_bounds co_bounds{"CO", "mg/m³", 0.0, 100.0, "", "µg/m³ (divide by 1000)"};
// PM2.5 and PM10: medians run 5-200 µg/m³ (a dust storm's hours reach 2000, not its season); in
// mg/m³ the same air reads 0.005-0.2, so a median under 1 is mg/m³, one over 2000 ng/m³.
inline constexpr unit_bounds pm25_bounds{
    "PM2.5", "µg/m³", 1.0, 2000.0, "mg/m³ (multiply by 1000)", "ng/m³ (divide by 1000)"};
inline constexpr unit_bounds pm10_bounds{
    "PM10", "µg/m³", 1.0, 2000.0, "mg/m³ (multiply by 1000)", "ng/m³ (divide by 1000)"};
// SO2, NO2 and O3: medians run 2-150 µg/m³ (ppb differ from µg/m³ by a factor of about 2, within
// these bounds); in mg/m³ the same air reads 0.002-0.15: a median under 0.5 is mg/m³.
inline constexpr unit_bounds so2_bounds{
    "SO2", "µg/m³", 0.5, 2000.0, "mg/m³ (multiply by 1000)", "ng/m³ (divide by 1000)"};
inline constexpr unit_bounds no2_bounds{
    "NO2", "µg/m³", 0.5, 2000.0, "mg/m³ (multiply by 1000)", "ng/m³ (divide by 1000)"};
inline constexpr unit_bounds o3_bounds{
    "O3", "µg/m³", 0.5, 2000.0, "mg/m³ (multiply by 1000)", "ng/m³ (divide by 1000)"};

/// What check_unit found wrong: the median and the unit it points to.
struct unit_doubt {
  double median;
  std::string_view likely_unit;
};

/// A doubt when the median of a column (at least unit_check_min_values values) lies outside its
/// bounds; nullopt when it lies within, or there are too few values to tell.
inline std::optional<unit_doubt> check_unit(const median_sketch& s, const unit_bounds& b) noexcept {
  if (s.count() < unit_check_min_values) return std::nullopt;
  const double m = *s.median();
  if (m < b.low) return unit_doubt{m, b.if_low};
  if (m > b.high) return unit_doubt{m, b.if_high};
  return std::nullopt;
}

}  // namespace hpa
