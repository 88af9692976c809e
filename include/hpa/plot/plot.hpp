#pragma once
// hpa's pictures, each one self-contained SVG (svg.hpp), the same bytes for the same input:
//   timeline  one station or several sharing the time axis: hourly AQI, the rolling daily AQI,
//             the profile's thresholds, the condition level and the level in force per hour, the
//             warnings as bands by segment with issue_by and an open end while pending, excluded
//             hours hatched, withheld and advisory episodes outlined; optionally the warnings
//             actually issued and the online decisions (hpa-watch --replay) in lanes beneath;
//   calendar  a month grid per station, each day in its HJ 633 AQI category colour with its AQI,
//             days under a warning outlined in the warning's colour;
//   overview  one row per station, one column per day, coloured by the level in force.
// The input is plain data (station_hours, station_days) that the recorders below build from a
// station pipeline hour by hour, or a caller fills by hand. Thresholds and levels come from the
// profile, category colours from hpa::category(); the clock is the plan's local clock.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hpa/aqi.hpp"
#include "hpa/episodes.hpp"
#include "hpa/io/issued_log.hpp"
#include "hpa/levels.hpp"
#include "hpa/pipeline.hpp"
#include "hpa/profile.hpp"
#include "hpa/time.hpp"

namespace hpa::plot {

/// The language of titles, labels and legends.
enum class language { zh, en };

/// The hours [from, to], both drawn.
struct period {
  hour_t from = 0;
  hour_t to = -1;
  bool empty() const noexcept { return to < from; }
  friend bool operator==(const period&, const period&) = default;
};

/// The most days one picture draws: 20 years. A timeline's hours, a calendar's months and an
/// overview's columns grow with the days drawn, and so do the memory and the file; far past this
/// no picture shows anything (rows dated 0001 and 9999 would be 3.6 million days).
inline constexpr std::int64_t max_picture_days = 7305;

/// The days from that of `hours.from` to that of `hours.to`, both counted; 0 when empty.
std::int64_t days_spanned(period hours) noexcept;

/// Refuses, as an hpa::error, `what` spanning `hours`, more than max_picture_days: "WHAT: from
/// 0001-01-01 to 9999-12-31, 3652059 days: one picture shows at most 7305 days (20 years); pick
/// the days to draw with --since and --until".
[[noreturn]] void refuse_span(const std::string& what, period hours);

/// A stretch of hours [from, to] that does not count toward a warning, and why ("dust", "O3").
struct excluded_hours {
  hour_t from = 0;
  hour_t to = 0;
  std::string why;
};

/// An online decision, as hpa-watch --replay records it: `action` taken at hour `at` (the decision
/// hour), moving the warning from level `from` to level `to` (0: none, as after a lift).
struct decision_mark {
  std::string station;
  hour_t at = 0;
  std::string action;  ///< issue, upgrade, downgrade, lift, announce-downgrade, announce-lift, reschedule
  level_t from = 0;
  level_t to = 0;
  std::optional<hour_t> effective;  ///< when the action takes effect, where the record says
  std::uint64_t line = 0;           ///< its line in the file (1-based)
};

/// One station's hours, for the timeline. The vectors hold one value per hour from `first`
/// (`hourly` may be empty: a daily series has no hourly AQI).
struct station_hours {
  std::string name;
  hour_t first = 0;
  std::vector<double> hourly;      ///< hourly AQI as read; NaN = missing
  std::vector<double> daily;       ///< rolling daily AQI (§3.2.1); NaN = fewer valid hours than needed
  std::vector<level_t> condition;  ///< condition level of the hour (§3.2.1)
  std::vector<level_t> in_force;   ///< warning level in force (§3.2.4)
  std::vector<excluded_hours> excluded;
  std::vector<episode> episodes;         ///< those that overlap the hours kept
  std::vector<episode> withheld;         ///< withheld (dust, §1.3) and advisory (ozone) episodes that overlap
                                         ///< them: never in force, drawn apart from the warnings
  std::vector<io::issued_entry> issued;  ///< overlay: the warnings actually issued
  std::vector<decision_mark> decisions;  ///< overlay: the online decisions
  /// The hours the vectors cover (empty when they are).
  period hours() const noexcept {
    const auto n = std::max({hourly.size(), daily.size(), condition.size(), in_force.size()});
    return {first, first + static_cast<hour_t>(n) - 1};
  }
};

/// One station's calendar days, for the calendar and the overview: one value per day from
/// `first_day` (days since 1970-01-01 local).
struct station_days {
  std::string name;
  std::int64_t first_day = 0;
  std::vector<double> aqi;                ///< the day's AQI: its 00:00-23:00 window; NaN = none
  std::vector<level_t> level;             ///< the highest level in force during the day
  std::vector<std::uint8_t> valid_hours;  ///< hours of the day with a valid rolling daily AQI
  /// Where the cause gate excluded hours of the day's window (dust, O3) and that changes its AQI:
  /// the AQI with those hours counted (the air's, as hpa-stats counts it); NaN elsewhere.
  std::vector<double> aqi_counted;
  std::int64_t days() const noexcept { return static_cast<std::int64_t>(level.size()); }
  /// Days with a warning in force at some hour.
  std::int64_t warning_days() const noexcept;
};

/// Where hours go across: hour h covers [x(h), x(h + 1)); x(span.from) = x0, x(span.to + 1) = x1.
struct time_scale {
  period span;
  double x0 = 0;
  double x1 = 0;
  double x(hour_t h) const noexcept {
    return x0 + (x1 - x0) * static_cast<double>(h - span.from) / static_cast<double>(span.to + 1 - span.from);
  }
};

/// A time-axis label: the hour of its tick and its text.
struct tick {
  hour_t at = 0;
  std::string label;
};

/// The labels under a time axis, in two rows: days of the month (or months, for long spans)
/// and above them the months (or years). Each row's labels are spaced so none overlap at
/// `font_px`; the placement (`centred` or starting at the tick) is what the check assumed.
struct time_ticks {
  std::vector<tick> fine;    ///< centred on their tick
  std::vector<tick> coarse;  ///< starting just right of their tick (the first may be moved to x0)
  bool fine_are_months = false;
};
time_ticks time_axis(const time_scale& s, language lang, double font_px);

/// The colour of a warning level. The plan names each level by its colour (§3.2.1: 黄色, 橙色,
/// 红色; older gradings 蓝色): blue, yellow, orange and red as a profile names them (in English
/// or Chinese) get that colour, in shades that read on white; any other level (pre-control)
/// a neutral violet. Level 0 has no colour ("none").
std::string level_colour(const profile& p, level_t level);

/// The thresholds the profile's rules use (every level's main and within), lowest first, each once.
std::vector<threshold> thresholds_of(const profile& p);

using write_fn = std::function<void(std::string_view)>;

struct timeline_options {
  language lang = language::zh;
  double width = 1200;          ///< px
  std::optional<period> range;  ///< default: whole days around the stations' hours
  bool issued_lane = false;     ///< a lane of station_hours::issued under each panel (empty: none issued)
  bool decisions_lane = false;  ///< a lane of station_hours::decisions under each panel
  /// The top of the AQI axis; default: the data's and the thresholds' (steps of 50, 100 past 300).
  /// Give the same to every picture of a set so they share one scale.
  std::optional<double> aqi_max = {};
  std::string source = {};  ///< a line under the axis naming the data, profile and tool ("": none)
};

/// The hours a timeline draws: `range`, or from the first day to the last of all the stations.
period timeline_period(std::span<const station_hours> stations, const std::optional<period>& range);
/// The time scale of a timeline drawn with `o` over `hours`.
time_scale timeline_scale(const timeline_options& o, period hours);

/// Hands each warning of `log` to the station of its name (in log order), and each decision;
/// returns how many found a station (the others are for stations not drawn).
std::size_t attach(std::span<station_hours> stations, std::span<const io::issued_entry> log);
std::size_t attach(std::span<station_hours> stations, std::span<const decision_mark> decisions);

/// The line under a timeline that says where it comes from: "数据：winter.csv · 配置：pingdingshan-2023
/// · hpa-plot 0.1.0" (or in English), `tool` with hpa's version.
std::string source_line(language lang, std::string_view input, const profile& p, std::string_view tool);

/// The timeline, one panel per station sharing the time and AQI axes, written panel by panel.
void timeline(std::span<const station_hours> stations, const profile& p, const timeline_options& o,
              const write_fn& write);
std::string timeline(std::span<const station_hours> stations, const profile& p, const timeline_options& o);

struct calendar_options {
  language lang = language::zh;
  std::optional<period> range;  ///< the months holding it are drawn; default: the stations' days
  int months_per_row = 4;
};

/// The calendar: per station, a grid per month (Monday first), written station by station.
void calendar(std::span<const station_days> stations, const profile& p, const calendar_options& o,
              const write_fn& write);
std::string calendar(std::span<const station_days> stations, const profile& p, const calendar_options& o);

enum class overview_order { name, warning_days };

struct overview_options {
  language lang = language::zh;
  double width = 1200;          ///< px
  std::optional<period> range;  ///< default: the stations' days
  overview_order order = overview_order::name;
  /// The first `area_rows` stations are areas (hpa-area's rows, the city): drawn first, in the
  /// order given, names in bold, a line between them and the sites sorted below.
  std::size_t area_rows = 0;
};

/// The season overview: one row per station (sorted by name, or by warning days, most first,
/// then name), one column per day, written row by row.
void overview(std::span<const station_days> stations, const profile& p, const overview_options& o,
              const write_fn& write);
std::string overview(std::span<const station_days> stations, const profile& p, const overview_options& o);

/// One station's hourly concentration of one pollutant and its HJ 663 daily values, for the
/// concentration timeline: `hourly` from hour `first`, `daily` from the day of `first`.
struct station_series {
  std::string name;
  hour_t first = 0;
  std::vector<double> hourly;  ///< µg/m³ (CO mg/m³); NaN = missing
  std::vector<double> daily;   ///< HJ 663's daily value (24 h mean, O3 its daily maximum 8 h mean); NaN = not valid
  period hours() const noexcept { return {first, first + static_cast<hour_t>(hourly.size()) - 1}; }
};

/// The pollutants a concentration timeline draws, each against the HJ 633 breakpoints of its
/// daily value (PM2.5, PM10, SO2, NO2, CO: 24 h means; O3: daily maximum 8 h mean).
enum class pollutant { pm25, pm10, so2, no2, co, o3 };
/// "pm25", "pm10", "so2", "no2", "co", "o3"; nullopt for any other name.
std::optional<pollutant> pollutant_named(std::string_view name);

struct concentration_options {
  language lang = language::zh;
  double width = 1200;          ///< px
  std::optional<period> range;  ///< default: whole days around the stations' hours
  pollutant what = pollutant::pm25;
  aqi_edition edition = aqi_edition::hj633_2012;  ///< whose breakpoints
  std::string source = {};                        ///< a line under the axis naming the data and tool ("": none)
};

/// A timeline of one pollutant's concentration, as openair's timePlot: per station the hourly
/// values (faint), the HJ 663 daily values (dark, one step a day) and the HJ 633 breakpoints of
/// the daily value as lines named by their category, on one axis with its title and unit.
void concentration_timeline(std::span<const station_series> stations, const concentration_options& o,
                            const write_fn& write);
std::string concentration_timeline(std::span<const station_series> stations, const concentration_options& o);

/// A station pipeline's sink that builds a station_hours, keeping the hours of `keep` only (all
/// without it); withheld and advisory episodes go to `withheld`, the others set the level in force.
/// The pipeline does not report the hourly AQI: whoever reads the rows hands each value to
/// hourly(). Memory: the hours kept, refused (refuse_span) past max_picture_days from the first.
class hours_recorder : public station_sink {
 public:
  hours_recorder(std::string name, series_kind kind, std::optional<period> keep = {});
  void on_daily(hour_t t, double daily, int valid_hours);
  void on_hour(hour_t h, double daily, const hour_condition& c);
  void on_episode(const episode& e);
  void hourly(hour_t h, double aqi);
  /// The series so far, with the excluded stretches that fall in the hours kept.
  station_hours result(std::span<const excluded_hours> excluded = {}) const;

 private:
  bool kept(hour_t h) const noexcept { return !keep_ || (h >= keep_->from && h <= keep_->to); }
  std::size_t slot(hour_t h);  // grows the vectors to hold h
  station_hours s_;
  series_kind kind_;
  std::optional<period> keep_;
  bool started_ = false;
};

/// A station pipeline's sink that builds a station_days: O(1) work per hour, one entry per day
/// (days of `keep` only, all without it; none with an empty `keep`), refused (refuse_span) past
/// max_picture_days from the first.
class days_recorder : public station_sink {
 public:
  explicit days_recorder(std::string name, std::optional<period> keep = {});
  // Inline: they run for every hour of every station.
  void on_daily(hour_t t, double daily, int) {
    if (!kept(t)) return;
    if (t < day_start_ || t >= day_start_ + 24) enter(t);
    // the window ending at 23:00 is the calendar day (RULES.md §2: the daily value of a date)
    if (t - day_start_ == 23) s_.aqi[day_index_] = daily;
  }
  void on_hour(hour_t h, double daily, const hour_condition&) {
    if (!has_value(daily) || !kept(h)) return;
    const auto i = static_cast<std::size_t>(day_of(h) - s_.first_day);  // on_daily saw the hour first
    if (i < s_.valid_hours.size()) ++s_.valid_hours[i];
  }
  /// The window with the excluded hours counted: kept for the calendar day where it differs.
  void on_daily_counted(hour_t t, double daily, int) {
    if (!kept(t) || t - day_start_ != 23) return;  // on_daily entered the day of t just before
    const double rules = s_.aqi[day_index_];
    if (has_value(daily) && !(has_value(rules) && rules == daily)) s_.aqi_counted[day_index_] = daily;
  }
  void on_episode(const episode& e);
  const station_days& result() const noexcept { return s_; }

 private:
  bool kept(hour_t h) const noexcept { return !keep_ || (h >= keep_->from && h <= keep_->to); }
  void enter(hour_t t);  // the day holding t becomes the current one
  std::size_t slot(std::int64_t day);
  station_days s_;
  std::optional<period> keep_;
  bool started_ = false;
  hour_t day_start_ = 0;
  std::size_t day_index_ = 0;
};

}  // namespace hpa::plot
