// What the two timelines share: the series lines, the axes, the grid and the foot.
#include "axes.hpp"

#include <cmath>
#include <cstdint>

namespace hpa::plot::detail {

namespace {

void grid(svg::writer& w, const time_scale& s, const time_ticks& t, const y_scale& ys, double step) {
  for (const auto& k : t.fine)
    w.tag("line")
        .at("x1", s.x(k.at))
        .at("y1", ys.top)
        .at("x2", s.x(k.at))
        .at("y2", ys.bottom)
        .at("stroke", grid_grey)
        .close();
  for (const auto& k : t.coarse)
    if (k.at > s.span.from)
      w.tag("line")
          .at("x1", s.x(k.at))
          .at("y1", ys.top)
          .at("x2", s.x(k.at))
          .at("y2", ys.bottom)
          .at("stroke", "#C4C4C4")
          .close();
  for (double v = step; v < ys.max; v += step)
    w.tag("line").at("x1", s.x0).at("y1", ys.y(v)).at("x2", s.x1).at("y2", ys.y(v)).at("stroke", grid_grey).close();
}

void time_labels(svg::writer& w, const time_scale& s, const time_ticks& t, double y) {
  for (const auto& k : t.fine) {
    w.tag("line").at("x1", s.x(k.at)).at("y1", y).at("x2", s.x(k.at)).at("y2", y + 4).at("stroke", axis_grey).close();
    w.tag("text")
        .at("x", s.x(k.at))
        .at("y", y + 16)
        .at("font-size", font_label)
        .at("fill", text_grey)
        .at("text-anchor", "middle")
        .text(k.label);
  }
  for (const auto& k : t.coarse)
    w.tag("text")
        .at("x", std::max(s.x(k.at), s.x0) + 3)
        .at("y", y + 33)
        .at("font-size", font_label)
        .at("fill", "#222222")
        .text(k.label);
}

}  // namespace

std::string series_path(const std::vector<double>& v, hour_t first, const time_scale& s, const y_scale& ys) {
  std::string d;
  bool pen = false;
  auto point = [&](double x, double value) {
    d += pen ? 'L' : 'M';
    d += svg::num(x) + "," + svg::num(ys.y(value));
    pen = true;
  };
  const hour_t from = std::max(s.span.from, first), to = std::min(s.span.to, first + static_cast<hour_t>(v.size()) - 1);
  const double dx = (s.x1 - s.x0) / static_cast<double>(s.span.to + 1 - s.span.from);
  auto at = [&](hour_t h) { return v[static_cast<std::size_t>(h - first)]; };
  if (dx >= 0.5) {
    for (hour_t h = from; h <= to; ++h) {
      if (!has_value(at(h))) {
        pen = false;
        continue;
      }
      point(s.x(h) + dx / 2, at(h));
    }
    return d;
  }
  std::int64_t col = -1;
  double lo = 0, hi = 0;
  hour_t lo_h = 0, hi_h = 0;
  bool any = false;
  auto flush = [&] {
    if (!any) {
      pen = false;
      return;
    }
    const double x = s.x0 + static_cast<double>(col) + 0.5;
    if (lo_h <= hi_h) {
      point(x, lo);
      if (hi != lo) point(x, hi);
    } else {
      point(x, hi);
      if (hi != lo) point(x, lo);
    }
    any = false;
  };
  for (hour_t h = from; h <= to; ++h) {
    const auto c = static_cast<std::int64_t>(std::floor(s.x(h) - s.x0));
    if (c != col) {
      if (col >= 0) flush();
      col = c;
    }
    const double value = at(h);
    if (!has_value(value)) continue;
    if (!any || value < lo) {
      lo = value;
      lo_h = h;
    }
    if (!any || value > hi) {
      hi = value;
      hi_h = h;
    }
    any = true;
  }
  if (col >= 0) flush();
  return d;
}

void series_line(svg::writer& w, const char* cls, const std::string& d, bool round_joins) {
  const bool daily = std::string_view(cls) == "daily";
  auto e = w.tag("path");
  e.at("class", cls).at("d", d).at("fill", "none").at("stroke", daily ? daily_ink : hourly_ink);
  e.at("stroke-width", daily ? 1.6 : 0.8);
  if (round_joins) e.at("stroke-linejoin", "round");
  e.close();
}

std::function<void(svg::writer&, double x, double y)> line_swatch(std::string ink, double width) {
  return [ink = std::move(ink), width](svg::writer& w, double x, double y) {
    w.tag("line")
        .at("x1", x)
        .at("y1", y - 4)
        .at("x2", x + 18)
        .at("y2", y - 4)
        .at("stroke", ink)
        .at("stroke-width", width)
        .close();
  };
}

double picture_legend(svg::writer& w, const std::vector<legend_item>& items, const time_scale& s, double width) {
  return legend(w, items, s.x0, legend_y, width - 12, font_label);
}

double panels_top(const std::vector<legend_item>& items, const time_scale& s, double width) {
  std::string scratch;  // drawn to measure, then dropped
  svg::writer dry(scratch);
  return legend_y + picture_legend(dry, items, s, width);
}

double picture_height(double top, std::size_t panels, double panel_h, bool with_source) {
  return top + static_cast<double>(panels) * panel_h + axis_h - panel_gap + 12 + (with_source ? source_h : 0);
}

void picture_title(svg::writer& w, const time_scale& s, const std::string& title) {
  w.tag("text")
      .at("x", s.x0)
      .at("y", title_y)
      .at("font-size", font_title)
      .at("font-weight", "bold")
      .at("fill", "#111111")
      .text(title);
}

std::string station_name(svg::writer& w, const time_scale& s, double top, const std::string& name, language lang) {
  std::string shown = name.empty() ? tr(lang, "（无站名）", "(unnamed)") : name;
  w.tag("text")
      .at("x", s.x0)
      .at("y", top + 14)
      .at("font-size", 13)
      .at("font-weight", "bold")
      .at("fill", "#111111")
      .text(shown);
  return shown;
}

void plot_frame(svg::writer& w, const time_scale& s, const time_ticks& t, const y_scale& ys, double step) {
  w.tag("rect")
      .at("x", s.x0)
      .at("y", ys.top)
      .length("width", s.x0, s.x1)
      .at("height", plot_h)
      .at("fill", "#FFFFFF")
      .at("stroke", "#BBBBBB")
      .close();
  grid(w, s, t, ys, step);
}

void side_labels::add(svg::writer& w, const time_scale& s, double line_y, const std::string& text) {
  y_ = std::min(line_y + 4, y_ - (font_small + 2));
  w.tag("text").at("x", s.x1 + 5).at("y", y_).at("font-size", font_small + 1).at("fill", axis_grey).text(text);
}

void value_axis(svg::writer& w, const time_scale& s, const y_scale& ys, double step, const std::string& title) {
  for (double v = 0; v <= ys.max; v += step)
    w.tag("text")
        .at("x", s.x0 - 6)
        .at("y", ys.y(v) + 4)
        .at("font-size", font_small + 1)
        .at("fill", text_grey)
        .at("text-anchor", "end")
        .text(svg::num(v));
  const double x = axis_title_x, y = (ys.top + ys.bottom) / 2;
  w.tag("text")
      .at("class", "axis-title")
      .at("x", x)
      .at("y", y)
      .at("font-size", font_small + 1)
      .at("fill", text_grey)
      .at("text-anchor", "middle")
      .at("transform", "rotate(-90 " + svg::num(x) + " " + svg::num(y) + ")")
      .text(title);
}

void picture_foot(svg::writer& w, const time_scale& s, const time_ticks& t, double panels_end,
                  const std::string& source, double height, double width) {
  time_labels(w, s, t, panels_end - panel_gap + 2);
  if (!source.empty())
    w.tag("text")
        .at("class", "source")
        .at("x", s.x0)
        .at("y", height - 8)
        .at("font-size", font_small)
        .at("fill", text_grey)
        .text(svg::fit(source, font_small, width - 12 - s.x0));
  w.end();
}

}  // namespace hpa::plot::detail
