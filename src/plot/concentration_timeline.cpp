// One pollutant's concentration over time: per station the hourly values, HJ 663's daily values
// and the HJ 633 breakpoints of the daily value.
#include <array>
#include <cmath>
#include <utility>

#include "axes.hpp"
#include "hpa/aqi.hpp"
#include "hpa/plot/plot.hpp"
#include "hpa/plot/svg.hpp"

namespace hpa::plot {

using namespace detail;

std::optional<pollutant> pollutant_named(std::string_view name) {
  static constexpr std::pair<std::string_view, pollutant> names[] = {
      {"pm25", pollutant::pm25}, {"pm10", pollutant::pm10}, {"so2", pollutant::so2},
      {"no2", pollutant::no2},   {"co", pollutant::co},     {"o3", pollutant::o3}};
  for (const auto& [n, p] : names)
    if (n == name) return p;
  return std::nullopt;
}

namespace {

struct pollutant_info {
  const char* name;  // as printed
  const char* unit;
  const char* daily_zh;  // what the daily value is
  const char* daily_en;
  indicator daily;  // whose breakpoints
};

pollutant_info info(pollutant p) {
  switch (p) {
    case pollutant::pm25:
      return {"PM2.5", "µg/m³", "24 小时平均", "24 h mean", indicator::pm25_24h};
    case pollutant::pm10:
      return {"PM10", "µg/m³", "24 小时平均", "24 h mean", indicator::pm10_24h};
    case pollutant::so2:
      return {"SO2", "µg/m³", "24 小时平均", "24 h mean", indicator::so2_24h};
    case pollutant::no2:
      return {"NO2", "µg/m³", "24 小时平均", "24 h mean", indicator::no2_24h};
    case pollutant::co:
      return {"CO", "mg/m³", "24 小时平均", "24 h mean", indicator::co_24h};
    case pollutant::o3:
      break;
  }
  return {"O3", "µg/m³", "日最大 8 小时平均", "daily maximum 8 h mean", indicator::o3_8h};
}

// The series' top: the data and the breakpoint above the highest value (so the band it is in
// shows whole), in round steps.
double concentration_max(std::span<const station_series> stations, const std::array<double, 8>& bp, period span) {
  double top = 0;
  for (const auto& s : stations)
    for (hour_t h = std::max(span.from, s.first); h <= std::min(span.to, s.hours().to); ++h) {
      const double v = s.hourly[static_cast<std::size_t>(h - s.first)];
      if (has_value(v)) top = std::max(top, v);
    }
  for (const double b : bp)
    if (b > top) {
      top = b;
      break;
    }
  const double step = top <= 10 ? 1 : top <= 100 ? 10 : top <= 500 ? 50 : 100;
  return std::max(step, std::ceil(top / step) * step);
}

// The daily values as steps: each day's value across its 24 hours.
std::vector<double> daily_steps(const station_series& s) {
  std::vector<double> v(s.hourly.size(), no_value);
  const std::int64_t first_day = day_of(s.first);
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto d = static_cast<std::size_t>(day_of(s.first + static_cast<hour_t>(i)) - first_day);
    if (d < s.daily.size()) v[i] = s.daily[d];
  }
  return v;
}

// The line where each category above the first begins, in its colour, named by the category and
// labelled with the concentration it starts above.
void breakpoint_lines(svg::writer& w, const time_scale& s, const y_scale& ys, const std::array<double, 8>& bp,
                      const pollutant_info& pi, language lang) {
  side_labels labels;
  for (std::size_t k = 2; k < bp.size(); ++k) {
    if (bp[k] < 0 || bp[k - 1] >= ys.max) continue;
    const double y = std::round(ys.y(bp[k - 1])) + 0.5;  // on a pixel row: a crisp line
    const int lowest_aqi = iaqi_steps[k - 1] + 1;
    const auto c = category(lowest_aqi);
    w.tag("line")
        .at("class", "breakpoint")
        .at("x1", s.x0)
        .at("y1", y)
        .at("x2", s.x1)
        .at("y2", y)
        .at("stroke", category_colour(lowest_aqi))
        .at("stroke-width", 1.5)
        .open();
    w.title(std::string(lang == language::zh ? c.name_zh : c.name_en) + " > " + svg::num(bp[k - 1]) + " " + pi.unit);
    w.close("line");
    labels.add(w, s, y, "> " + svg::num(bp[k - 1]));
  }
}

void concentration_panel(svg::writer& w, const station_series& st, const time_scale& s, double top, double ymax,
                         const time_ticks& ticks, const std::array<double, 8>& bp, const pollutant_info& pi,
                         language lang) {
  const y_scale ys = plot_scale(top, ymax);
  const double step = ymax <= 10 ? 1 : ymax <= 100 ? 10 : ymax <= 300 ? 50 : 100;
  w.tag("g").at("class", "station").open();
  station_name(w, s, top, st.name, lang);
  plot_frame(w, s, ticks, ys, step);
  breakpoint_lines(w, s, ys, bp, pi, lang);
  series_line(w, "hourly", series_path(st.hourly, st.first, s, ys), true);
  series_line(w, "daily", series_path(daily_steps(st), st.first, s, ys), false);  // steps: square corners
  value_axis(
      w, s, ys, step,
      std::string(pi.name) + (lang == language::zh ? "（" : " (") + pi.unit + (lang == language::zh ? "）" : ")"));
  w.close("g");
}

std::vector<legend_item> concentration_legend(const pollutant_info& pi, language lang) {
  std::vector<legend_item> items;
  items.push_back({std::string(tr(lang, "小时浓度", "hourly concentration")), line_swatch(hourly_ink, 1.2)});
  items.push_back({std::string(tr(lang, "日值（HJ 663，", "daily value (HJ 663, ")) +
                       (lang == language::zh ? pi.daily_zh : pi.daily_en) + tr(lang, "）", ")"),
                   line_swatch(daily_ink, 2)});
  items.push_back({std::string(tr(lang, "HJ 633 分级浓度限值（日值，线色为其起始类别）",
                                  "HJ 633 breakpoints (daily value; a line in the colour of the category it begins)")),
                   line_swatch(category_colour(151), 1.5)});
  return items;
}

}  // namespace

void concentration_timeline(std::span<const station_series> stations, const concentration_options& o,
                            const write_fn& write) {
  const period span = whole_days(stations, o.range);
  if (span.empty()) throw error("concentration timeline: no hours to draw");
  check_span(span, o.range);
  const auto s = across(span, o.width);
  const auto ticks = time_axis(s, o.lang, font_label);
  const auto pi = info(o.what);
  const auto& bp = breakpoints(o.edition, pi.daily);
  const double ymax = concentration_max(stations, bp, span);
  const auto items = concentration_legend(pi, o.lang);
  const double each = panel_head + plot_h + panel_gap;
  const double top = panels_top(items, s, o.width);
  const double height = picture_height(top, stations.size(), each, !o.source.empty());
  const std::string title = std::string(pi.name) +
                            tr(o.lang, " 浓度与 HJ 633 分级：", " concentration and the HJ 633 breakpoints, ") +
                            when(span.from) + " – " + when(span.to);
  std::string desc = title + tr(o.lang, "。", ". ");
  for (const auto& st : stations) desc += st.name + tr(o.lang, "；", "; ");
  std::string buf;
  svg::writer w(buf);
  w.begin(o.width, height, title, desc);
  picture_title(w, s, title);
  picture_legend(w, items, s, o.width);
  write(buf);
  buf.clear();
  double y = top;
  for (const auto& st : stations) {
    concentration_panel(w, st, s, y, ymax, ticks, bp, pi, o.lang);
    y += each;
    write(buf);
    buf.clear();
  }
  picture_foot(w, s, ticks, y, o.source, height, o.width);
  write(buf);
}

std::string concentration_timeline(std::span<const station_series> stations, const concentration_options& o) {
  std::string out;
  concentration_timeline(stations, o, [&](std::string_view s) { out.append(s); });
  return out;
}

}  // namespace hpa::plot
