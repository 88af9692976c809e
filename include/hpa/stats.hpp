#pragma once
// Statistics over periods, per station: by month, winter (October to March), heating season (the
// profile's), calendar year or the whole series, the calendar days with a valid daily AQI, the
// days in each AQI category (HJ 633), the heavy-pollution days, the days and hours each warning
// level was in force, the episodes, the peak daily AQI and, from concentrations, the annual
// statistics of HJ 663-2013 (means of PM2.5, PM10, SO2 and NO2, the 95th percentile of CO, the
// 90th percentile of the O3 daily maximum 8 h mean).
//
// Streaming: a station keeps one record per period it has seen; only the percentiles need the
// daily values of a period (CO and O3, at most 366 numbers each for a year).

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "hpa/aqi.hpp"
#include "hpa/episodes.hpp"
#include "hpa/profile.hpp"
#include "hpa/time.hpp"

namespace hpa {

// Data capture (GB 3095-2012 §8 table 4, restated by HJ 663-2013 for the statistics it defines).
/// A calendar day's mean needs 20 of its 24 hourly values ("每日至少有20个小时平均浓度值").
inline constexpr int hours_for_daily_mean = 20;
/// An 8 h moving mean needs 6 of its 8 hourly values.
inline constexpr int hours_for_8h_mean = 6;
/// The O3 daily maximum 8 h mean is taken over the 17 8 h windows that lie inside the day (HJ
/// 663: "8时至24时"; here the windows ending at 07:00 … 23:00 of hours labelled 00 … 23) and needs
/// 14 of them valid ...
inline constexpr int o3_windows_in_day = 17;
inline constexpr int o3_windows_for_daily_max = 14;
/// ... unless fewer are valid and their maximum already exceeds the limit (GB 3095 grade II,
/// µg/m³): an exceedance seen is an exceedance.
inline constexpr double o3_8h_limit = 160;
/// A calendar year's statistic needs 324 daily values, and every month 27 (February 25).
inline constexpr int days_for_year = 324;
inline constexpr int days_for_month = 27;
inline constexpr int days_for_february = 25;
/// A heavy-pollution day (重污染天): daily AQI above 200, the categories 重度污染 and 严重污染.
inline constexpr double heavy_pollution_above = 200;

/// The lowest AQI of each category of HJ 633 table 2 (优 … 严重污染): category(category_lowest[k])
/// names category k.
inline constexpr std::array<int, 6> category_lowest = {0, 51, 101, 151, 201, 301};

/// How days are grouped into periods.
enum class period_by {
  month,           ///< calendar months, "2016-12"
  winter,          ///< October to March, "2016-17"; April to September is in no winter
  heating_season,  ///< the profile's heating season, "2016-17" (or "2016" within one year)
  year,            ///< calendar years, "2016"
  all              ///< the whole series, "all"
};

inline constexpr std::array<std::pair<std::string_view, period_by>, 5> period_by_names = {{
    {"month", period_by::month},
    {"winter", period_by::winter},
    {"heating-season", period_by::heating_season},
    {"year", period_by::year},
    {"all", period_by::all},
}};

/// The grouping named `name` ("month", "winter", "heating-season", "year", "all"), or nullopt.
inline std::optional<period_by> parse_period_by(std::string_view name) {
  for (auto [n, b] : period_by_names)
    if (n == name) return b;
  return std::nullopt;
}

namespace detail {
/// The month and day of a day (since 1970-01-01).
constexpr month_day month_day_of(std::int64_t day) noexcept {
  const auto c = civil_from_days(day);
  return {c.month, c.day};
}
constexpr bool crosses_new_year(const heating_season& h) noexcept { return h.last < h.first; }
}  // namespace detail

/// A period: its key (ordered in time) and its calendar span, both days included.
struct period {
  std::int64_t id = 0;         ///< months since year 0, a year, or the year a season starts in
  std::int64_t first_day = 0;  ///< days since 1970-01-01
  std::int64_t last_day = 0;
};

/// The key of the period holding `day` (days since 1970-01-01), or nullopt when the day lies in
/// none (a day of summer by winter or by heating season).
inline std::optional<std::int64_t> period_of(period_by by, std::int64_t day, const heating_season& hs) {
  const auto c = civil_from_days(day);
  switch (by) {
    case period_by::month:
      return c.year * 12 + (c.month - 1);
    case period_by::winter:
      if (c.month >= 10) return c.year;
      if (c.month <= 3) return c.year - 1;
      return std::nullopt;
    case period_by::heating_season: {
      const month_day md{c.month, c.day};
      if (!detail::crosses_new_year(hs)) {
        if (hs.first <= md && md <= hs.last) return c.year;
        return std::nullopt;
      }
      if (md >= hs.first) return c.year;
      if (md <= hs.last) return c.year - 1;
      return std::nullopt;
    }
    case period_by::year:
      return c.year;
    case period_by::all:
      return 0;
  }
  return std::nullopt;
}

/// The calendar span of period `id`. For `all` there is none: the span is the data's, so this
/// gives {0, 0}.
inline period period_span(period_by by, std::int64_t id, const heating_season& hs) {
  switch (by) {
    case period_by::month: {
      const std::int64_t y = id / 12;
      const unsigned m = static_cast<unsigned>(id % 12) + 1;
      return {id, days_from_civil(y, m, 1), days_from_civil(y, m, days_in_month(y, m))};
    }
    case period_by::winter:
      return {id, days_from_civil(id, 10, 1), days_from_civil(id + 1, 3, 31)};
    case period_by::heating_season: {
      const std::int64_t end_year = detail::crosses_new_year(hs) ? id + 1 : id;
      return {id, days_from_civil(id, hs.first.month, hs.first.day),
              days_from_civil(end_year, hs.last.month, hs.last.day)};
    }
    case period_by::year:
      return {id, days_from_civil(id, 1, 1), days_from_civil(id, 12, 31)};
    case period_by::all:
      return {0, 0, 0};
  }
  return {id, 0, 0};
}

/// "2016-12" (month), "2016-17" (winter; a heating season across the new year), "2016" (year;
/// a heating season within one), "all".
inline std::string period_label(period_by by, std::int64_t id, const heating_season& hs) {
  auto two = [](std::int64_t v) { return std::string{char('0' + v / 10 % 10), char('0' + v % 10)}; };
  switch (by) {
    case period_by::month:
      return std::to_string(id / 12) + "-" + two(id % 12 + 1);
    case period_by::winter:
      return std::to_string(id) + "-" + two((id + 1) % 100);
    case period_by::heating_season:
      return detail::crosses_new_year(hs) ? std::to_string(id) + "-" + two((id + 1) % 100) : std::to_string(id);
    case period_by::year:
      return std::to_string(id);
    case period_by::all:
      return "all";
  }
  return {};
}

/// The p-th percentile (0 … 100) as HJ 663-2013 appendix A defines it: the values sorted
/// ascending X(1) … X(n), k = 1 + (n − 1)·p %, s the whole part of k, and
/// X(s) + (X(s+1) − X(s))·(k − s). NaN for no values.
inline double hj663_percentile(std::vector<double> v, double p) {
  if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(v.begin(), v.end());
  const double k = 1 + static_cast<double>(v.size() - 1) * p / 100;
  const auto s = static_cast<std::size_t>(k);  // 1-based
  if (s >= v.size()) return v.back();
  return v[s - 1] + (v[s] - v[s - 1]) * (k - static_cast<double>(s));
}

/// Whether a daily AQI stands on PM2.5 or PM10, when the input says (a plain enum, not an
/// optional<bool>, which GCC 12 takes for uninitialised when inlined).
enum class pm_basis : std::uint8_t { unknown, pm, no_pm };

/// The calendar days of an hourly series: the mean of each day's hourly values, valid with 20
/// of its 24 hours (a day's AQI as the mean of its hourly AQI, RULES.md §2, on the calendar
/// day). Push hours in rising order; emit(day, mean) is called for each day once an hour of a
/// later day arrives, or on finish(); the mean is NaN when the day had too few values. Hours
/// that say whether their AQI stands on PM2.5 or PM10 (`with_pm`) make the day say it too:
/// emit(day, mean, with_pm) then hears whether 20 of its hours had PM in their AQI.
class daily_mean {
 public:
  template <class Emit>
  void push(hour_t t, double v, Emit&& emit) {
    push(t, v, pm_basis::unknown, emit);
  }
  template <class Emit>
  void push(hour_t t, double v, pm_basis with_pm, Emit&& emit) {
    const std::int64_t d = day_of(t);
    if (open_ && d != day_) finish(emit);
    if (!open_) {
      open_ = true;
      day_ = d;
      sum_ = 0;
      n_ = 0;
      pm_ = 0;
      basis_known_ = false;
    }
    if (!std::isnan(v)) {
      sum_ += v;
      ++n_;
      pm_ += with_pm == pm_basis::pm;
    }
    basis_known_ |= with_pm != pm_basis::unknown;
  }
  template <class Emit>
  void finish(Emit&& emit) {
    if (!open_) return;
    open_ = false;
    const double mean = n_ >= hours_for_daily_mean ? sum_ / n_ : std::numeric_limits<double>::quiet_NaN();
    if constexpr (std::is_invocable_v<Emit, std::int64_t, double, pm_basis>)
      emit(day_, mean,
           !basis_known_                 ? pm_basis::unknown
           : pm_ >= hours_for_daily_mean ? pm_basis::pm
                                         : pm_basis::no_pm);
    else
      emit(day_, mean);
  }

 private:
  bool open_ = false;
  std::int64_t day_ = 0;
  double sum_ = 0;
  int n_ = 0;
  int pm_ = 0;  // hours with a value that stands on PM
  bool basis_known_ = false;
};

/// The six statistics of HJ 663's annual assessment, in column order.
enum class hj663_item { pm25, pm10, so2, no2, co, o3_8h };
inline constexpr std::size_t hj663_item_count = 6;

/// A calendar day's values as HJ 663 evaluates them: the 24 h means of PM2.5, PM10, SO2, NO2
/// (µg/m³) and CO (mg/m³), and the O3 daily maximum 8 h mean (µg/m³). NaN = not valid.
using day_concentrations = std::array<double, hj663_item_count>;

/// What each of a day's values stands on: the valid hours of the 24 h means (of 24), and the
/// valid 8 h means of the O3 maximum (of o3_windows_in_day).
using day_counts = std::array<int, hj663_item_count>;

/// The calendar days of an hourly concentration series (HJ 663 data capture: a mean needs 20 of
/// 24 hours; an 8 h mean 6 of 8; the daily O3 maximum 14 of the day's 17 8 h means, or fewer
/// whose maximum exceeds 160). Push hours in rising order; emit(day, day_concentrations) as with
/// daily_mean, or emit(day, day_concentrations, day_counts) to hear what each value stands on
/// (counted whether the value is valid or not).
class daily_concentrations {
 public:
  template <class Emit>
  void push(hour_t t, const concentrations& c, Emit&& emit) {
    const std::int64_t d = day_of(t);
    if (open_ && d != day_) finish(emit);
    if (!open_) start(d);
    const double in[5] = {c.pm25, c.pm10, c.so2, c.no2, c.co};
    for (std::size_t p = 0; p < 5; ++p)
      if (!std::isnan(in[p])) {
        sum_[p] += in[p];
        ++n_[p];
      }
    o3_[static_cast<std::size_t>(t - d * 24)] = c.o3;
  }
  template <class Emit>
  void finish(Emit&& emit) {
    if (!open_) return;
    open_ = false;
    day_concentrations out;
    day_counts counts;
    for (std::size_t p = 0; p < 5; ++p) {
      out[p] = n_[p] >= hours_for_daily_mean ? sum_[p] / n_[p] : nan();
      counts[p] = n_[p];
    }
    const std::size_t o3 = static_cast<std::size_t>(hj663_item::o3_8h);
    out[o3] = o3_daily_max_8h(counts[o3]);
    if constexpr (std::is_invocable_v<Emit, std::int64_t, const day_concentrations&, const day_counts&>)
      emit(day_, out, counts);
    else
      emit(day_, out);
  }

 private:
  static double nan() { return std::numeric_limits<double>::quiet_NaN(); }
  void start(std::int64_t d) {
    open_ = true;
    day_ = d;
    sum_.fill(0);
    n_.fill(0);
    o3_.fill(nan());
  }
  // `valid` hears how many of the day's 8 h means are valid.
  double o3_daily_max_8h(int& valid) const {
    double best = nan();
    valid = 0;
    for (int end = 24 - o3_windows_in_day; end < 24; ++end) {  // 8 h windows ending 07 … 23
      double sum = 0;
      int n = 0;
      for (int h = end - 7; h <= end; ++h)
        if (!std::isnan(o3_[static_cast<std::size_t>(h)])) {
          sum += o3_[static_cast<std::size_t>(h)];
          ++n;
        }
      if (n < hours_for_8h_mean) continue;
      ++valid;
      if (std::isnan(best) || sum / n > best) best = sum / n;
    }
    return valid >= o3_windows_for_daily_max || best > o3_8h_limit ? best : nan();
  }

  bool open_ = false;
  std::int64_t day_ = 0;
  std::array<double, 5> sum_{};
  std::array<int, 5> n_{};
  std::array<double, 24> o3_{};
};

/// What one period of one station holds.
struct period_stats {
  std::int64_t first_day = std::numeric_limits<std::int64_t>::max();  ///< first day with data
  std::int64_t last_day = std::numeric_limits<std::int64_t>::min();   ///< last day with data
  int days_valid = 0;                                                 ///< calendar days with a valid daily AQI
  std::array<int, 6> category_days{};  ///< per HJ 633 category: 优, 良, 轻度, 中度, 重度, 严重污染
  int heavy_pollution_days = 0;        ///< daily AQI > 200
  /// Of the valid days, those whose daily AQI stands on neither PM2.5 nor PM10 (a day of O3
  /// alone, AQI.md: the AQI of the pollutants with a valid statistic), counted among days_valid
  /// too; days_with_basis says how many days told what they stand on.
  int days_without_pm = 0;
  int days_with_basis = 0;
  double peak = std::numeric_limits<double>::quiet_NaN();  ///< the highest daily AQI
  std::int64_t peak_day = 0;                               ///< its day (the first, if tied)
  int episodes = 0;                                        ///< warning episodes starting in the period
  /// Days and hours with a warning in force, by level (index = level; index 0 = any level). A
  /// day counts for a level when that level is in force at any of its hours, so one day may
  /// count for two levels (an upgrade at noon), and once for index 0.
  std::vector<int> warning_days, warning_hours;

  std::array<int, hj663_item_count> conc_days{};  ///< valid daily values per pollutant
  std::array<double, hj663_item_count> conc_sum{};
  std::vector<double> co_days, o3_days;                                 ///< the daily values, for the percentiles
  std::array<std::array<int, 12>, hj663_item_count> conc_month_days{};  ///< for the data-capture rule

  /// 优良天数比例: the share of the valid days with a daily AQI of at most 100, in percent; NaN
  /// when no day is valid.
  double excellent_good_share() const {
    if (days_valid == 0) return std::numeric_limits<double>::quiet_NaN();
    return 100.0 * (category_days[0] + category_days[1]) / days_valid;
  }

  /// The period's statistic of HJ 663: the mean of the daily values (PM2.5, PM10, SO2, NO2), the
  /// 95th percentile of the daily CO means, the 90th percentile of the O3 daily maximum 8 h
  /// means. NaN without a valid day.
  double statistic(hj663_item p) const {
    const auto i = static_cast<std::size_t>(p);
    if (p == hj663_item::co) return hj663_percentile(co_days, 95);
    if (p == hj663_item::o3_8h) return hj663_percentile(o3_days, 90);
    return conc_days[i] ? conc_sum[i] / conc_days[i] : std::numeric_limits<double>::quiet_NaN();
  }

  /// Whether every one of the six statistics meets HJ 663's data capture: a calendar year 324
  /// daily values and 27 in each month (February 25), a month 27 (February 25). nullopt for the
  /// other periods, for which HJ 663 sets no rule (compare conc_days with the days of the period).
  std::optional<bool> hj663_complete(period_by by, const period& span) const {
    auto month_ok = [](int days, unsigned month) { return days >= (month == 2 ? days_for_february : days_for_month); };
    if (by == period_by::month) {
      const unsigned m = civil_from_days(span.first_day).month;
      return std::all_of(conc_days.begin(), conc_days.end(), [&](int d) { return month_ok(d, m); });
    }
    if (by != period_by::year) return std::nullopt;
    for (std::size_t p = 0; p < hj663_item_count; ++p) {
      if (conc_days[p] < days_for_year) return false;
      for (unsigned m = 1; m <= 12; ++m)
        if (!month_ok(conc_month_days[p][m - 1], m)) return false;
    }
    return true;
  }
};

/// The statistics of one station, period by period. Feed it calendar days (their AQI and, when
/// known, their concentrations) and the warning episodes as they close.
class station_stats {
 public:
  /// `levels`: the number of warning levels of the profile.
  station_stats(period_by by, const heating_season& hs, std::size_t levels)
      : by_(by), hs_(hs), levels_(levels), last_warning_day_(levels + 1, std::numeric_limits<std::int64_t>::min()) {}

  /// A calendar day and its daily AQI; NaN: the day has data but no valid daily AQI. Give each
  /// valid day once. `with_pm`: whether the daily AQI stands on PM2.5 or PM10, when known.
  void add_day_aqi(std::int64_t day, double aqi, pm_basis with_pm = pm_basis::unknown) {
    period_stats* s = at(day);
    if (!s || std::isnan(aqi)) return;
    ++s->days_valid;
    if (with_pm != pm_basis::unknown) {
      ++s->days_with_basis;
      s->days_without_pm += with_pm == pm_basis::no_pm;
    }
    ++s->category_days[static_cast<std::size_t>(category(static_cast<int>(std::ceil(aqi))).level - 1)];
    if (aqi > heavy_pollution_above) ++s->heavy_pollution_days;
    if (std::isnan(s->peak) || aqi > s->peak) {
      s->peak = aqi;
      s->peak_day = day;
    }
  }

  /// A calendar day's concentrations (NaN where not valid). Give each day once.
  void add_day_concentrations(std::int64_t day, const day_concentrations& c) {
    period_stats* s = at(day);
    if (!s) return;
    const unsigned month = civil_from_days(day).month;
    for (std::size_t p = 0; p < hj663_item_count; ++p) {
      if (std::isnan(c[p])) continue;
      ++s->conc_days[p];
      ++s->conc_month_days[p][month - 1];
      s->conc_sum[p] += c[p];
      if (p == static_cast<std::size_t>(hj663_item::co)) s->co_days.push_back(c[p]);
      if (p == static_cast<std::size_t>(hj663_item::o3_8h)) s->o3_days.push_back(c[p]);
    }
  }

  /// A closed episode: counted in the period of its first hour; its hours in force, segment by
  /// segment, in the periods they fall in. Episodes must come in time order (as a pipeline
  /// closes them).
  void add_episode(const episode& e) {
    if (period_stats* s = at(day_of(e.start))) ++s->episodes;
    for (const auto& seg : e.segments) add_warning(seg.level, seg.from, seg.to);
  }

  /// Hours [from, to] with warning level `l` (1 … levels) in force, in time order.
  void add_warning(level_t l, hour_t from, hour_t to) {
    if (l == 0 || l > levels_ || to < from) return;
    for (std::int64_t d = day_of(from); d <= day_of(to); ++d) {
      const int hours = static_cast<int>(std::min(to, d * 24 + 23) - std::max(from, d * 24) + 1);
      period_stats* s = at(d);
      if (!s) continue;
      for (const std::size_t i : {std::size_t{l}, std::size_t{0}}) {
        s->warning_hours[i] += hours;
        if (last_warning_day_[i] != d) ++s->warning_days[i];
        last_warning_day_[i] = d;
      }
    }
  }

  /// The periods seen, by key (in time order), and every period between them (with no data, 0 days).
  const std::map<std::int64_t, period_stats>& periods() const noexcept { return periods_; }

  /// The span of a period: the calendar's, or for `all` the days with data.
  period span(std::int64_t id, const period_stats& s) const {
    if (by_ == period_by::all) return {0, s.first_day, s.last_day};
    return period_span(by_, id, hs_);
  }

  period_by by() const noexcept { return by_; }

 private:
  // Called once a day (not an hour), so a map lookup each time costs nothing that matters.
  period_stats* at(std::int64_t day) {
    const auto id = period_of(by_, day, hs_);
    if (!id) return nullptr;
    auto [it, fresh] = periods_.try_emplace(*id);
    period_stats& s = it->second;
    if (fresh) {
      start(s);
      // A period inside the data's span without a row is still one: it counts 0 valid days, and
      // leaving it out would hide the gap. Period keys are consecutive, so the map stays whole.
      if (it != periods_.begin()) add_empty(std::prev(it)->first + 1, *id);
      if (const auto next = std::next(it); next != periods_.end()) add_empty(*id + 1, next->first);
    }
    s.first_day = std::min(s.first_day, day);
    s.last_day = std::max(s.last_day, day);
    return &s;
  }

  void start(period_stats& s) const {
    s.warning_days.assign(levels_ + 1, 0);
    s.warning_hours.assign(levels_ + 1, 0);
  }
  // The periods [from, to), with no data.
  void add_empty(std::int64_t from, std::int64_t to) {
    for (auto id = from; id < to; ++id) start(periods_.try_emplace(id).first->second);
  }

  period_by by_;
  heating_season hs_;
  std::size_t levels_;
  std::vector<std::int64_t> last_warning_day_;  // per level, 0 = any: the last day counted
  std::map<std::int64_t, period_stats> periods_;
};

}  // namespace hpa
