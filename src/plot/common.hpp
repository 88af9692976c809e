#pragma once
// What the three pictures share and do not export: words in two languages, dates as labels,
// colours, and the legend row.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "hpa/error.hpp"
#include "hpa/plot/plot.hpp"
#include "hpa/plot/svg.hpp"

namespace hpa::plot::detail {

inline const char* tr(language l, const char* zh, const char* en) { return l == language::zh ? zh : en; }

using hpa::day_of;  // the calendar day of an hour (time.hpp)

/// Refuses (refuse_span) a picture of more than max_picture_days: the days asked for (`range`)
/// or those of the stations drawn.
inline void check_span(period span, const std::optional<period>& range) {
  if (days_spanned(span) > max_picture_days) refuse_span(range ? "the days asked for" : "the stations drawn", span);
}

/// "2023-12-14 08:00": what a reader of a picture wants, in the plan's local clock.
std::string when(hour_t h);
/// "2023-12-14".
std::string date_of_day(std::int64_t day);
/// "Dec 2023" or "2023年12月".
std::string month_title(language l, std::int64_t year, unsigned month);
/// "Dec" or "12月".
std::string month_short(language l, unsigned month);
/// "warning" words for a level: "red warning" / "红色预警".
std::string warning_name(const profile& p, level_t level, language l);
/// The level's name as the picture shows it: "red" / "红色".
std::string level_label(const profile& p, level_t level, language l);
/// "> 200" or "≥ 500".
std::string threshold_label(const threshold& t);

/// The daily AQI as a whole number, rounded up as HJ 633 rounds an index: a value over a
/// threshold (> 150) then prints over it (151), and its category agrees with the rules.
int whole_aqi(double daily);
/// "#00E400": the HJ 633 colour of a category.
std::string category_colour(int aqi);
/// Black or white, whichever reads on `fill` (a "#RRGGBB").
const char* ink_on(std::string_view fill);

/// A closed triangle as path data.
std::string triangle(double x1, double y1, double x2, double y2, double x3, double y3);

/// The hatch pattern for excluded hours, under the id "hpa-hatch".
void hatch_pattern(svg::writer& w);
inline constexpr const char* hatch_fill = "url(#hpa-hatch)";

/// A legend laid out left to right from (x, y), wrapping at `right`; each item a swatch drawn by
/// the caller's function and a label. Returns the height used.
struct legend_item {
  std::string label;
  std::function<void(svg::writer&, double x, double y)> swatch;  // draws in [x, x+18] × [y-9, y+3]
};
double legend(svg::writer& w, const std::vector<legend_item>& items, double x, double y, double right, double font_px);

/// Grey used for axes, labels and threshold lines.
inline constexpr const char* axis_grey = "#666666";
inline constexpr const char* text_grey = "#444444";
inline constexpr const char* grid_grey = "#E4E4E4";
/// A day with data and no warning in force (overview), and a day with no data.
inline constexpr const char* no_warning_fill = "#E6EBF0";
inline constexpr const char* no_data_fill = "#F7F7F7";

}  // namespace hpa::plot::detail
