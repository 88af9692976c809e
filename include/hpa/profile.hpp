#pragma once
// The policy profile: every threshold, duration and reading choice of RULES.md as data. The
// default is the Pingdingshan 2023 plan (平政办〔2023〕20号), whose grading is the national one.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hpa/reduction.hpp"

namespace hpa {

/// A warning level by its rank in profile::levels: 0 = none, 1 = the lowest level, and so on.
using level_t = std::uint8_t;

/// How "lasting 48 h" is read (RULES.md §3).
enum class duration_mode {
  blocks,        ///< k consecutive 24 h windows t, t-24, … each over the threshold (default)
  hourly_run,    ///< the daily AQI over the threshold at every hour of a run of that many hours
  calendar_days  ///< natural-day means only, consecutive calendar days
};

/// Which level a merged episode starts at (RULES.md §4, step 2).
enum class merged_start { highest, as_reached };

/// How the daily AQI is made from hourly data (RULES.md §2).
enum class daily_aqi_method { mean_of_hourly_aqi, aqi_of_mean_concentration };

/// "daily AQI > 200" (inclusive = false) or "daily AQI reaches 500" (inclusive = true).
struct threshold {
  double value = 0;
  bool inclusive = false;
  bool passed_by(double daily_aqi) const noexcept { return inclusive ? daily_aqi >= value : daily_aqi > value; }
  friend bool operator==(const threshold&, const threshold&) = default;
};

/// A day of the year, for dates that recur every year (the heating season's ends).
struct month_day {
  unsigned month = 1;  ///< 1 … 12
  unsigned day = 1;    ///< 1 … the days of the month in a common year (29 February never recurs)
  friend auto operator<=>(const month_day&, const month_day&) = default;
};

/// The heating season (采暖期): every day from `first` to `last`, both included, across the new
/// year when `last` comes before `first`. The default is the usual season of northern China, 15
/// November to 15 March, as 北京市供热采暖管理办法 (北京市人民政府令第216号, 2010) art. 8 states it:
/// "采暖期为当年11月15日至次年3月15日". A city whose season differs (or is extended in a cold
/// year) sets its own dates.
struct heating_season {
  month_day first{11, 15};
  month_day last{3, 15};
  friend bool operator==(const heating_season&, const heating_season&) = default;
};

/// How a directive from above (directives.hpp: a prompt of the provincial office, §3.2.2(2), or a
/// regional linkage request, §3.2.3) combines with the city's own rules.
enum class directive_level {
  /// §3.2.2(2) "根据预警提示信息，结合我市实际及时启动相应级别预警" with §3.2.4 "及时采取升级措施": from
  /// its start the level in force is at least the directive's, and the rules may raise it.
  at_least,
  /// Over its span the directive's level is the level in force, below the rules' too (for
  /// provinces whose prompts also lower or lift the cities' warnings).
  as_directed
};

/// The directive settings of a profile. Either way, when a directive ends the city's own rules
/// decide again: a warning they hold continues, otherwise it is lifted at the directive's end.
struct directive_policy {
  directive_level level = directive_level::at_least;
  /// Hours after receipt by which a directive's warning must be issued: 0, at once (§3.2.3 "及时
  /// 启动预警"); a directive received earlier than lead_hours before its start is due lead_hours ahead.
  int issue_hours = 0;
  friend bool operator==(const directive_policy&, const directive_policy&) = default;
};

/// Daily AQI past `over` lasting `hours` (a multiple of 24 in blocks and calendar_days modes).
struct duration_rule {
  threshold over;
  int hours = 24;
};

/// One way to reach a level: `main` lasting, and optionally `within` it a shorter, higher run
/// (red: > 200 for 72 h and > 300 for 24 h within them).
struct condition {
  duration_rule main;
  std::optional<duration_rule> within;
};

/// A warning level: its names, its response tier (§4.1) and the conditions that reach it (any one).
struct level_def {
  std::string name;     ///< machine name, e.g. "yellow"
  std::string name_zh;  ///< e.g. "黄色"
  std::string tier;     ///< response tier, e.g. "III"
  std::vector<condition> any_of;
};

struct profile {
  std::string name;                  ///< e.g. "pingdingshan-2023"
  std::string title;                 ///< a human title
  std::string source;                ///< the document it encodes
  std::string lineage = "national";  ///< profiles of one lineage replace each other over time
  std::string in_force_from;         ///< YYYY-MM-DD, for picking a profile --as-of a date
  std::vector<level_def> levels;     ///< lowest first; the level in force is an index into this + 1
  duration_mode mode = duration_mode::blocks;
  int window_hours = 24;     ///< daily AQI = mean over this many hours (§3.2.1); profiles may give only 24
  int min_valid_hours = 20;  ///< a window needs this many values (GB 3095, 20 of 24)
  int lift_hours = 36;       ///< improvement confirmed after this many hours (§3.2.4)
  /// Deciding online (RULES.md §9): an announced downgrade or lift is announced again, and an
  /// issued warning rescheduled, only when its hour moves by more than this (or its level changes).
  int announce_tolerance_hours = 12;
  /// A downgrade or lift is announced ahead (§3.2.4 "并提前发布信息") once it is this close: a
  /// forecast further ahead is revised too often to promise on (the evening before, as cities do).
  int announce_hours = 24;
  merged_start start = merged_start::highest;  ///< §3.2.4 "从高级别启动预警"
  int lead_hours = 48;                         ///< issue at least this long before the start (§3.2.3)
  int assessment_days = 5;                     ///< the assessment is due this many days after the lift (§5)
  /// Monitoring override (§3.2.4 "监测到…已达到重度污染，且预测未来24小时内不会有明显改善"): observed
  /// daily AQI over this (heavy pollution, AQI > 200) and the forecast over it for the next
  /// override_hours hours adjust the warning at once to what the timeline gives.
  double override_over = 200;
  int override_hours = 24;  ///< hours ahead with no clear improvement (§3.2.4 "未来24小时")
  daily_aqi_method daily_aqi = daily_aqi_method::mean_of_hourly_aqi;
  bool forecast_upper_bound = true;  ///< §3.2.2 "按照空气质量预报结果上限"
  /// A day's forecast in a rolling timeline gives the daily AQI of its last hour: true, C_max reads
  /// the hours between on the straight line through the days (a downgrade or lift needs them
  /// below); false, they count as no condition, clean air (forecast.hpp, forecast_bounds).
  bool forecast_line_between_days = true;
  /// A forecast issued longer ago than this is stale: a decision does not use it, and says so.
  int forecast_stale_hours = 36;
  std::vector<std::string> excluded_causes = {"dust"};  ///< §1.3: sand and dust are outside
  /// Hours whose primary pollutant is one of these get a health advisory, not a colour warning
  /// (national guidance: only PM2.5-driven episodes are warned). Matched case-blind as a prefix.
  std::vector<std::string> advisory_pollutants = {"O3", "臭氧"};
  double max_aqi = 500;         ///< HJ 633's scale tops at 500
  bool cap_above_max = false;   ///< an AQI above max_aqi: false = input error, true = max_aqi
  reduction_policy reduction;   ///< §4.2.1: 10/20/30 % and the SO2/NOx reading
  heating_season heating;       ///< the city's heating season, for statistics by season
  directive_policy directives;  ///< how directives from above combine with the rules (§3.2.2(2))
  /// The catalogue of its response measures (measures.hpp), by the name of the built-in whose
  /// plan lists them; "" when the profile lists none.
  std::string measures;

  /// "none" for 0, else the level's name.
  const std::string& level_name(level_t l) const {
    static const std::string none = "none";
    return l == 0 ? none : levels.at(l - 1u).name;
  }
  /// "" for 0, else the level's tier.
  const std::string& level_tier(level_t l) const {
    static const std::string none;
    return l == 0 ? none : levels.at(l - 1u).tier;
  }
  /// The level named `name` ("none" is 0), or nullopt.
  std::optional<level_t> find_level(const std::string& name) const {
    if (name == "none") return level_t{0};
    for (std::size_t i = 0; i < levels.size(); ++i)
      if (levels[i].name == name) return static_cast<level_t>(i + 1);
    return std::nullopt;
  }
};

/// The name of the profile used where none is named: the first of builtin_profiles().
inline constexpr const char* default_profile_name = "pingdingshan-2023";

namespace detail {
inline duration_rule over(double v, int hours) { return {threshold{v, false}, hours}; }
inline duration_rule at_least(double v, int hours) { return {threshold{v, true}, hours}; }
}  // namespace detail

/// The Pingdingshan 2023 plan, §3.2.1: yellow > 200, or > 150 for 48 h; orange > 200 for 48 h,
/// or > 150 for 72 h; red > 200 for 72 h and > 300 for 24 h. Tiers III, II, I (§4.1).
inline profile pingdingshan_2023() {
  using detail::over;
  profile p;
  p.name = default_profile_name;
  p.title = "平顶山市重污染天气应急预案 (2023), national grading of 2020";
  p.source = "平政办〔2023〕20号 §3.2.1; MEE 环大气〔2024〕6号";
  p.in_force_from = "2020-10-01";
  p.measures = default_profile_name;  // §4.2.2-§4.2.4, §4.3
  p.levels = {
      {"yellow", "黄色", "III", {{over(200, 24), {}}, {over(150, 48), {}}}},
      {"orange", "橙色", "II", {{over(200, 48), {}}, {over(150, 72), {}}}},
      {"red", "红色", "I", {{over(200, 72), over(300, 24)}}},
  };
  return p;
}

/// Beijing 2023: the same thresholds stated in days, counted as calendar days.
inline profile beijing_2023() {
  profile p = pingdingshan_2023();
  p.name = "beijing-2023";
  p.title = "北京市空气重污染应急预案 (2023 revision)";
  p.source = "北京市空气重污染应急预案（2023年修订）";
  p.lineage = "beijing";
  p.in_force_from = "2023-11-01";
  p.mode = duration_mode::calendar_days;
  p.measures.clear();  // its plan's own, not held here
  return p;
}

/// Beijing 2015 (京政发〔2015〕11号, issued 2015-03-16, published 2015-03-30): four colours by how
/// long 空气重污染 (daily AQI > 200) is forecast to last: blue 1 day (24 h), yellow 2 days (48 h),
/// orange 3 days (72 h), red "3天以上（72小时以上）". Reading: red is more than three days, i.e.
/// four calendar days (96 h). By the legal convention "以上" includes the number, but then red
/// would be orange's 72 h and orange could never be reached; Xinhua (2015-03-30) and China Daily
/// (2015-12-08) report "more than three days", and the first red alert (raised 2015-12-07 from an
/// orange in force since 00:00 that day) came when the forecast ran to noon on the 10th, past
/// 72 h. Some reports say "three days": a stricter reading is a profile file away
/// ({"extends": "beijing-2015", …} with red at 72 h). The daily AQI of 2015 is the calendar-day mean
/// (the cross-day 24 h mean came with MEE's 2017 grading), so days are calendar days. Red is issued
/// 24 h ahead. The lift rule of the text is not encoded; the 36 h of the later plans is kept.
/// Unlike the plans from 2018 on, no ozone carve-out.
inline profile beijing_2015() {
  using detail::over;
  profile p;
  p.name = "beijing-2015";
  p.title = "北京市空气重污染应急预案 (2015 revision)";
  p.source = "北京市空气重污染应急预案（2015年修订），京政发〔2015〕11号";
  p.lineage = "beijing";
  p.in_force_from = "2015-03-30";
  p.mode = duration_mode::calendar_days;
  p.lead_hours = 24;
  p.advisory_pollutants = {};
  p.levels = {
      {"blue", "蓝色", "IV", {{over(200, 24), {}}}},
      {"yellow", "黄色", "III", {{over(200, 48), {}}}},
      {"orange", "橙色", "II", {{over(200, 72), {}}}},
      {"red", "红色", "I", {{over(200, 96), {}}}},
  };
  return p;
}

/// MEE 2018: three colours, blue dropped; red also when the daily AQI reaches 500.
inline profile mee_2018() {
  using detail::over;
  profile p;
  p.name = "mee-2018";
  p.title = "MEE 2018 guidance, as quoted in 2019 city plans";
  p.source = "环办大气函〔2018〕875号";
  p.in_force_from = "2018-10-01";
  p.advisory_pollutants = {};
  p.levels = {
      {"yellow", "黄色", "III", {{over(200, 48), {}}}},
      {"orange", "橙色", "II", {{over(200, 72), {}}}},
      {"red", "红色", "I", {{over(200, 96), over(300, 48)}, {detail::at_least(500, 24), {}}}},
  };
  return p;
}

/// MEP 2017 and the 2016 Beijing-Tianjin-Hebei unified grading: four colours with blue; lead
/// time 24 h as the older texts give it.
inline profile mee_2017() {
  using detail::over;
  profile p;
  p.name = "mee-2017";
  p.title = "MEP 2017 grading (four colours), = the 2016 Beijing-Tianjin-Hebei unified grading";
  p.source = "环大气〔2017〕86号";
  p.in_force_from = "2016-10-01";
  p.lead_hours = 24;
  p.advisory_pollutants = {};
  p.levels = {
      {"blue", "蓝色", "IV", {{over(200, 24), {}}}},
      {"yellow", "黄色", "III", {{over(200, 48), {}}}},
      {"orange", "橙色", "II", {{over(200, 72), over(300, 24)}}},
      {"red", "红色", "I", {{over(200, 96), over(300, 48)}, {detail::at_least(500, 24), {}}}},
  };
  return p;
}

/// Beijing 2016 (北京市空气重污染应急预案（2016年修订）, released 2016-11-21, in force from
/// 2016-12-15; cited as "2016年底修订" still in November 2017): the Beijing-Tianjin-Hebei unified
/// grading, = mee-2017's levels: blue > 200 for 1 day; yellow > 200 for 2 days; orange > 200 for
/// 3 days with a day > 300; red > 200 for 4 days with 2 days > 300, or a day reaching 500. Its red
/// rule was piloted from the end of March 2016. Days are calendar days, as in beijing-2015.
inline profile beijing_2016() {
  profile p = beijing_2015();
  p.name = "beijing-2016";
  p.title = "北京市空气重污染应急预案 (2016 revision), the Beijing-Tianjin-Hebei unified grading";
  p.source = "北京市空气重污染应急预案（2016年修订）";
  p.in_force_from = "2016-12-15";
  p.levels = mee_2017().levels;  // the unified grading, counted in calendar days
  return p;
}

/// Jiangsu/Yangzhou 2026: a pre-control tier (temporary controls) below yellow; the colour
/// levels are the national ones. A warning drops to pre-control after 36 h below yellow.
inline profile jiangsu_2026() {
  using detail::over;
  profile p = pingdingshan_2023();
  p.name = "jiangsu-2026";
  p.title = "Jiangsu/Yangzhou 2026 plan, with a pre-control tier";
  p.source = "扬州市重污染天气应急预案（2026）";
  p.lineage = "jiangsu";
  p.in_force_from = "2026-01-01";
  p.measures.clear();  // its plan's own, not held here
  p.levels.insert(p.levels.begin(),
                  {"pre-control", "预警前临时管控", "pre", {{over(150, 24), {}}, {over(100, 48), {}}}});
  return p;
}

/// The profiles hpa knows by name; the first is the default.
inline std::vector<profile> builtin_profiles() {
  return {pingdingshan_2023(), beijing_2023(), beijing_2016(), beijing_2015(), mee_2018(), mee_2017(), jiangsu_2026()};
}

/// The profile of `lineage` in force on `date` (YYYY-MM-DD): the latest whose in_force_from is
/// on or before it; nullopt when the date is older than every one.
inline std::optional<profile> profile_as_of(const std::string& lineage, const std::string& date) {
  std::optional<profile> best;
  for (auto& p : builtin_profiles())
    if (p.lineage == lineage && p.in_force_from <= date && (!best || best->in_force_from < p.in_force_from))
      best = std::move(p);
  return best;
}

}  // namespace hpa
