#pragma once
// What the two timelines share and do not export: the AQI's (timeline.cpp) and one pollutant's
// concentration (concentration_timeline.cpp) lay out their panels alike, draw their values as the
// same lines against the same value axis and grid, and end in the same foot.

#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common.hpp"
#include "hpa/plot/plot.hpp"
#include "hpa/plot/svg.hpp"

namespace hpa::plot::detail {

// Layout, px.
inline constexpr double margin_left = 78, margin_right = 58;
inline constexpr double title_y = 26, legend_y = 52;
inline constexpr double panel_head = 30;  // the station's name, and room above the plot for markers
inline constexpr double plot_h = 170;
inline constexpr double panel_gap = 14;
inline constexpr double axis_h = 40;        // two rows of time labels under the last panel
inline constexpr double axis_title_x = 18;  // the baseline of the value axis' title, turned up the left side
inline constexpr double source_h = 18;      // the line that names the data, the profile and the tool
inline constexpr double font_title = 16, font_label = 12, font_small = 10;
inline constexpr const char* hourly_ink = "#8FA3B8";
inline constexpr const char* daily_ink = "#1B2A41";

/// Where values go up a plot: 0 at `bottom`, `max` at `top`, values outside [0, max] clamped.
struct y_scale {
  double top, bottom, max;
  double y(double v) const { return bottom - (bottom - top) * std::clamp(v, 0.0, max) / max; }
};

/// The plot of a panel whose head (the station's name) starts at `top`, for values up to `max`.
inline y_scale plot_scale(double top, double max) { return {top + panel_head, top + panel_head + plot_h, max}; }

/// The hours across a picture `width` px wide, between its margins.
inline time_scale across(period hours, double width) { return {hours, margin_left, width - margin_right}; }

/// `range`, or the whole days from the earliest of the stations' hours to the latest (empty when
/// no station has any); `Station` has hours() (station_hours, station_series).
template <class Station>
period whole_days(std::span<const Station> stations, const std::optional<period>& range) {
  if (range) return *range;
  period all{0, -1};
  for (const auto& s : stations) {
    const auto h = s.hours();
    if (h.empty()) continue;
    if (all.empty()) all = h;
    all.from = std::min(all.from, h.from);
    all.to = std::max(all.to, h.to);
  }
  if (all.empty()) return all;
  return {day_of(all.from) * 24, day_of(all.to) * 24 + 23};
}

/// A value per hour from `first` as path data through the middle of each hour, broken where values
/// are missing; the size of the picture, not of the series (past two hours a pixel, each pixel
/// column keeps its lowest and highest value).
std::string series_path(const std::vector<double>& v, hour_t first, const time_scale& s, const y_scale& ys);

/// A series as a line: class "hourly" thin and light, "daily" thick and dark; `round_joins` for a
/// series that moves hour by hour, square corners for steps.
void series_line(svg::writer& w, const char* cls, const std::string& d, bool round_joins);

/// A legend swatch: a line of `ink`, `width` px thick, as series_line draws it.
std::function<void(svg::writer&, double x, double y)> line_swatch(std::string ink, double width);

/// The picture's legend under its title, wrapping before the right edge of a picture `width` px
/// wide. Returns its height.
double picture_legend(svg::writer& w, const std::vector<legend_item>& items, const time_scale& s, double width);

/// Where the panels start: under the legend picture_legend() draws.
double panels_top(const std::vector<legend_item>& items, const time_scale& s, double width);

/// The height of a picture of `panels` panels each `panel_h` px high from `top`, with the time
/// axis under them and the source line when there is one.
double picture_height(double top, std::size_t panels, double panel_h, bool with_source);

/// The picture's title, bold along its top.
void picture_title(svg::writer& w, const time_scale& s, const std::string& title);

/// A panel's station name, bold at the top left of its head; "(unnamed)" for none. Returns the
/// text drawn.
std::string station_name(svg::writer& w, const time_scale& s, double top, const std::string& name, language lang);

/// The plot's white frame and its grid: a line at every time tick (darker at the coarse ones) and
/// at every `step` of the values.
void plot_frame(svg::writer& w, const time_scale& s, const time_ticks& t, const y_scale& ys, double step);

/// The labels right of the plot of lines across it (thresholds, breakpoints): the lines rise, so
/// each label goes at its line or above the one before, never on it.
class side_labels {
 public:
  void add(svg::writer& w, const time_scale& s, double line_y, const std::string& text);

 private:
  double y_ = 1e300;
};

/// The value axis up the left side: a label at every `step`, and its title (what the values are and
/// their unit).
void value_axis(svg::writer& w, const time_scale& s, const y_scale& ys, double step, const std::string& title);

/// The picture's foot and end: the time labels under the last panel (which ends at `panels_end`,
/// its gap included) and the line naming the `source` (input file, profile, tool) when given.
void picture_foot(svg::writer& w, const time_scale& s, const time_ticks& t, double panels_end,
                  const std::string& source, double height, double width);

}  // namespace hpa::plot::detail
