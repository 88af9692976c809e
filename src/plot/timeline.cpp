// The timeline: one panel per station over a shared time axis.
#include <algorithm>
#include <cmath>

#include "axes.hpp"
#include "common.hpp"
#include "hpa/aqi.hpp"
#include "hpa/plot/plot.hpp"
#include "hpa/plot/svg.hpp"

namespace hpa::plot {

using namespace detail;

namespace {

// Layout, px (the rest, shared with the concentration timeline, in axes.hpp).
constexpr double strip_h = 8, strip_gap = 4;
constexpr double band_opacity = 0.22;  // bands sit behind the lines: light enough to read through
constexpr double cap_h = 5;            // the solid strip on top of a band
constexpr const char* lane_fill = "#F0F0F0";
constexpr double mark_r = 4.5;       // half the height of a decision's diamond
constexpr double issued_at_r = 3.5;  // the dot at the hour a warning was announced

// The lanes under the plot: the condition level, the level in force, then the overlays asked for.
int lanes(const timeline_options& o) { return 2 + int{o.issued_lane} + int{o.decisions_lane}; }
double panel_height(const timeline_options& o) {
  return panel_head + plot_h + lanes(o) * (strip_gap + strip_h) + panel_gap;
}

// The top of the AQI axis: the data and the highest threshold with room above, in steps of 50
// (100 past 300), never past the profile's scale.
double axis_max(std::span<const station_hours> stations, const profile& p, period span) {
  const auto thresholds = thresholds_of(p);
  double top = 0;
  for (const auto& t : thresholds) top = std::max(top, t.value + 25);
  for (const auto& s : stations)
    for (hour_t h = std::max(span.from, s.first); h <= std::min(span.to, s.hours().to); ++h) {
      const auto i = static_cast<std::size_t>(h - s.first);
      if (i < s.daily.size() && has_value(s.daily[i])) top = std::max(top, s.daily[i]);
      if (i < s.hourly.size() && has_value(s.hourly[i])) top = std::max(top, s.hourly[i]);
    }
  auto nice = [](double v) {
    const double step = v <= 300 ? 50 : 100;
    return std::ceil(v / step) * step;
  };
  return std::min(nice(top), nice(std::max(p.max_aqi, thresholds.empty() ? 0.0 : thresholds.back().value)));
}

// Runs of one level across the hours of a strip.
void level_strip(svg::writer& w, const std::vector<level_t>& levels, hour_t first, const time_scale& s, double y,
                 const profile& p, const char* cls) {
  w.tag("rect")
      .at("class", cls)
      .at("x", s.x0)
      .at("y", y)
      .length("width", s.x0, s.x1)
      .at("height", strip_h)
      .at("fill", lane_fill)
      .close();
  const hour_t from = std::max(s.span.from, first),
               to = std::min(s.span.to, first + static_cast<hour_t>(levels.size()) - 1);
  for (hour_t h = from; h <= to;) {
    const level_t l = levels[static_cast<std::size_t>(h - first)];
    hour_t e = h;
    while (e + 1 <= to && levels[static_cast<std::size_t>(e + 1 - first)] == l) ++e;
    if (l > 0)
      w.tag("rect")
          .at("class", cls)
          .at("x", s.x(h))
          .at("y", y)
          .length("width", s.x(h), s.x(e + 1))
          .at("height", strip_h)
          .at("fill", level_colour(p, l))
          .close();
    h = e + 1;
  }
}

// Where a warning ends in the picture: the line of its lift, or an open end while pending.
void episode_end(svg::writer& w, const episode& e, const time_scale& s, double top, double bottom, const profile& p) {
  if (e.end < s.span.from || e.end > s.span.to) return;
  const auto last = level_colour(p, e.segments.back().level);
  const double x = s.x(e.end + 1);
  if (e.pending)  // an open end: the warning goes on past the data
    w.tag("path")
        .at("class", "pending")
        .at("d", triangle(x, top - 2, x + 9, top + cap_h / 2, x, top + cap_h + 2))
        .at("fill", last)
        .close();
  else
    w.tag("line")
        .at("class", "lift")
        .at("x1", x)
        .at("y1", top)
        .at("x2", x)
        .at("y2", bottom)
        .at("stroke", last)
        .at("stroke-width", 1.5)
        .close();
}

// The hour a warning must be issued by: a dashed line, a mark above it and a dotted lead to the
// warning's start.
void issue_by_marks(svg::writer& w, const episode& e, const time_scale& s, double top, double bottom,
                    const profile& p) {
  if (e.issue_by < s.span.from || e.issue_by > s.span.to) return;
  const double x = s.x(e.issue_by), lead_to = s.x(std::min(e.start, s.span.to + 1));
  const auto first = level_colour(p, e.segments.front().level);
  w.tag("line")
      .at("class", "issue-by")
      .at("x1", x)
      .at("y1", top)
      .at("x2", x)
      .at("y2", bottom)
      .at("stroke", first)
      .at("stroke-width", 1.2)
      .at("stroke-dasharray", "3 3")
      .close();
  w.tag("line")
      .at("class", "lead")
      .at("x1", x)
      .at("y1", top - 4)
      .at("x2", lead_to)
      .at("y2", top - 4)
      .at("stroke", first)
      .at("stroke-width", 1)
      .at("stroke-dasharray", "2 2")
      .close();
  w.tag("path")
      .at("class", "issue-by-mark")
      .at("d", triangle(x - 4.5, top - 10, x + 4.5, top - 10, x, top - 1))
      .at("fill", first)
      .close();
}

// A warning: its bands by segment, its end and its issue-by hour, named in its tooltip.
void episode_marks(svg::writer& w, const episode& e, const time_scale& s, double top, double bottom, const profile& p,
                   language lang) {
  const period span = s.span;
  if (e.end < span.from || e.start > span.to) {
    if (!(e.issue_by >= span.from && e.issue_by <= span.to)) return;
  }
  std::string about =
      warning_name(p, e.level, lang) + tr(lang, "，生效 ", ", in force ") + when(e.start) + " – " + when(e.end);
  if (e.lift)
    about += tr(lang, "，解除 ", ", lifted ") + when(*e.lift);
  else
    about += tr(lang, "，未解除（数据结束时仍在观察）", ", pending (the data end before a lift is confirmed)");
  about += tr(lang, "；最晚发布 ", "; issue by ") + when(e.issue_by);
  w.tag("g").at("class", "episode").open();
  w.title(about);
  for (const auto& seg : e.segments) {
    const hour_t a = std::max(seg.from, span.from), b = std::min(seg.to, span.to);
    if (a > b) continue;
    const auto colour = level_colour(p, seg.level);
    w.tag("rect")
        .at("class", "band")
        .at("x", s.x(a))
        .at("y", top)
        .length("width", s.x(a), s.x(b + 1))
        .at("height", bottom - top)
        .at("fill", colour)
        .at("fill-opacity", band_opacity)
        .close();
    w.tag("rect")
        .at("class", "band-cap")
        .at("x", s.x(a))
        .at("y", top)
        .length("width", s.x(a), s.x(b + 1))
        .at("height", cap_h)
        .at("fill", colour)
        .close();
  }
  episode_end(w, e, s, top, bottom, p);
  issue_by_marks(w, e, s, top, bottom, p);
  w.close("g");
}

// The fill of a withheld or advisory episode of `level`: stripes in its colour (withheld_patterns).
std::string withheld_hatch(level_t level) { return "url(#hpa-hatch-" + std::to_string(level) + ")"; }

// The stripes of each level a withheld or advisory episode has, leaning the other way from the
// grey hatch of excluded hours so the two read apart where they overlap.
void withheld_patterns(svg::writer& w, std::span<const station_hours> stations, const profile& p) {
  std::vector<level_t> levels;
  for (const auto& st : stations)
    for (const auto& e : st.withheld) levels.push_back(e.level);
  std::sort(levels.begin(), levels.end());
  levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
  for (level_t l : levels) {
    w.tag("pattern")
        .at("id", "hpa-hatch-" + std::to_string(l))
        .at("width", 6)
        .at("height", 6)
        .at("patternUnits", "userSpaceOnUse")
        .at("patternTransform", "rotate(-45)")
        .open();
    w.tag("rect").at("width", 1.5).at("height", 6).at("fill", level_colour(p, l)).at("fill-opacity", 0.35).close();
    w.close("pattern");
  }
}

// A withheld (dust, §1.3) or advisory (ozone) episode: what the rules would have warned with the
// excluded hours counted. Never in force, so never a band: an outline over its hours, dashed
// (withheld) or dotted (advisory), hatched in the level's colour.
void withheld_marks(svg::writer& w, const episode& e, const time_scale& s, double top, double bottom, const profile& p,
                    language lang) {
  const hour_t a = std::max(e.start, s.span.from), b = std::min(e.end, s.span.to);
  if (a > b) return;
  const bool advisory = e.status == episode_status::advisory;
  std::string why;
  for (const auto& x : e.excluded)
    if (why.find(x.why) == std::string::npos) why += (why.empty() ? "" : ", ") + x.why;
  std::string about = advisory ? std::string(tr(lang, "健康提示，而非", "health advisory instead of an ")) +
                                     warning_name(p, e.level, lang)
                               : warning_name(p, e.level, lang) + tr(lang, "不发布", " withheld");
  about += tr(lang, "（剔除时段：", " (excluded hours: ") + why + tr(lang, "）；若计入则 ", "); with them counted ") +
           when(e.start) + " – " + when(e.end);
  w.tag("g").at("class", advisory ? "advisory" : "withheld").open();
  w.title(about);
  const auto colour = level_colour(p, e.level);
  w.tag("rect")
      .at("class", "withheld-band")
      .at("x", s.x(a))
      .at("y", top)
      .length("width", s.x(a), s.x(b + 1))
      .at("height", bottom - top)
      .at("fill", withheld_hatch(e.level))
      .at("stroke", colour)
      .at("stroke-width", 1.5)
      .at("stroke-dasharray", advisory ? "1.5 2.5" : "6 3")
      .close();
  const double room = s.x(b + 1) - s.x(a) - 8;
  const std::string label = advisory ? tr(lang, "健康提示", "advisory") : tr(lang, "不发布", "withheld");
  if (room >= svg::text_width(label, font_small))
    w.tag("text")
        .at("class", "withheld-label")
        .at("x", s.x(a) + 4)
        .at("y", top + cap_h + 12)
        .at("font-size", font_small)
        .at("fill", text_grey)
        .text(label);
  w.close("g");
}

// The warnings actually issued, in a lane under the rules' strips: a band from the start to the
// lift in the level's colour, a dot at the hour it was announced and a dotted lead to its start.
void issued_lane(svg::writer& w, const station_hours& st, const profile& p, const time_scale& s, double y,
                 language lang) {
  w.tag("rect")
      .at("class", "issued-lane")
      .at("x", s.x0)
      .at("y", y)
      .length("width", s.x0, s.x1)
      .at("height", strip_h)
      .at("fill", lane_fill)
      .close();
  const double mid = y + strip_h / 2;
  for (const auto& x : st.issued) {
    const hour_t last = x.lift ? *x.lift - 1 : s.span.to;  // logged without a lift: in force to the end
    const hour_t a = std::max(x.start, s.span.from), b = std::min(last, s.span.to);
    const bool announced = x.issued_at >= s.span.from && x.issued_at <= s.span.to;
    if (a > b && !announced) continue;
    std::string about = warning_name(p, x.level, lang) + tr(lang, "，发布于 ", " issued ") + when(x.issued_at) +
                        tr(lang, "，生效 ", ", in force from ") + when(x.start);
    about += x.lift ? tr(lang, "，解除 ", ", lifted ") + when(*x.lift) : tr(lang, "，日志未记解除", ", no lift logged");
    about += tr(lang, "（日志第 ", " (log line ") + std::to_string(x.line) + tr(lang, " 行）", ")");
    const auto colour = level_colour(p, x.level);
    w.tag("g").at("class", "issued").open();
    w.title(about);
    if (a <= b)
      w.tag("rect")
          .at("class", "issued-band")
          .at("x", s.x(a))
          .at("y", y)
          .length("width", s.x(a), s.x(b + 1))
          .at("height", strip_h)
          .at("fill", colour)
          .close();
    if (announced) {
      const double at = s.x(x.issued_at);
      if (x.start > x.issued_at)
        w.tag("line")
            .at("class", "issued-lead")
            .at("x1", at)
            .at("y1", mid)
            .at("x2", s.x(std::min(x.start, s.span.to + 1)))
            .at("y2", mid)
            .at("stroke", colour)
            .at("stroke-width", 1)
            .at("stroke-dasharray", "2 2")
            .close();
      w.tag("circle")
          .at("class", "issued-at")
          .at("cx", at)
          .at("cy", mid)
          .at("r", issued_at_r)
          .at("fill", colour)
          .at("stroke", "#FFFFFF")
          .at("stroke-width", 1)
          .close();
    }
    w.close("g");
  }
}

// An announcement (of a downgrade or a lift to come) is drawn open; every other action filled.
bool announcement(std::string_view action) { return action.starts_with("announce"); }

std::string diamond(double x, double y, double r) {
  std::string d = "M";
  d.append(svg::num(x)).append(",").append(svg::num(y - r)).append("L").append(svg::num(x + r)).append(",");
  d.append(svg::num(y)).append("L").append(svg::num(x)).append(",").append(svg::num(y + r)).append("L");
  d.append(svg::num(x - r)).append(",").append(svg::num(y)).append("Z");
  return d;
}

// The online decisions (hpa-watch --replay), a diamond at each decision hour in the colour of the
// level the action moves to (grey: none, after a lift).
void decisions_lane(svg::writer& w, const station_hours& st, const profile& p, const time_scale& s, double y,
                    language lang) {
  const double mid = y + strip_h / 2;
  w.tag("line")
      .at("class", "decisions-lane")
      .at("x1", s.x0)
      .at("y1", mid)
      .at("x2", s.x1)
      .at("y2", mid)
      .at("stroke", "#D0D0D0")
      .close();
  for (const auto& d : st.decisions) {
    if (d.at < s.span.from || d.at > s.span.to) continue;
    const auto colour = d.to == 0 ? std::string(axis_grey) : level_colour(p, d.to);
    std::string about = when(d.at) + ": " + d.action;
    if (d.from || d.to)
      about.append(" ").append(level_label(p, d.from, lang)).append(" → ").append(level_label(p, d.to, lang));
    if (d.effective) about += tr(lang, "，生效 ", ", effective ") + when(*d.effective);
    about += tr(lang, "（第 ", " (line ") + std::to_string(d.line) + tr(lang, " 行）", ")");
    auto mark = w.tag("path");
    mark.at("class", "decision").at("d", diamond(s.x(d.at), mid, mark_r));
    if (announcement(d.action))
      mark.at("fill", "#FFFFFF").at("stroke", colour).at("stroke-width", 1.5);
    else
      mark.at("fill", colour).at("stroke", "#FFFFFF").at("stroke-width", 0.8);
    mark.open();
    w.title(about);
    w.close("path");
  }
}

// The line beside a station's name: its warnings, withheld and advisory episodes, and its peak
// daily AQI over the hours drawn.
std::string panel_summary(const station_hours& st, const time_scale& s, language lang) {
  int warnings = 0;
  double peak = no_value;
  for (const auto& e : st.episodes) warnings += e.end >= s.span.from && e.start <= s.span.to;
  for (hour_t h = std::max(s.span.from, st.first);
       h <= std::min(s.span.to, st.first + static_cast<hour_t>(st.daily.size()) - 1); ++h) {
    const double d = st.daily[static_cast<std::size_t>(h - st.first)];
    if (has_value(d) && (!has_value(peak) || d > peak)) peak = d;
  }
  std::string summary = lang == language::zh ? "预警 " + std::to_string(warnings) + " 次"
                                             : std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
  int withheld = 0, advisories = 0;
  for (const auto& e : st.withheld)
    if (e.end >= s.span.from && e.start <= s.span.to) ++(e.status == episode_status::advisory ? advisories : withheld);
  if (withheld) summary += tr(lang, " · 不发布 ", " · ") + std::to_string(withheld) + tr(lang, " 次", " withheld");
  if (advisories)
    summary += lang == language::zh
                   ? " · 健康提示 " + std::to_string(advisories) + " 次"
                   : " · " + std::to_string(advisories) + (advisories == 1 ? " advisory" : " advisories");
  if (has_value(peak)) summary += tr(lang, " · 日 AQI 峰值 ", " · peak daily AQI ") + std::to_string(whole_aqi(peak));
  return summary;
}

// The excluded hours, hatched over the plot, each named with why.
void excluded_marks(svg::writer& w, const station_hours& st, const time_scale& s, const y_scale& ys, language lang) {
  for (const auto& x : st.excluded) {
    const hour_t a = std::max(x.from, s.span.from), b = std::min(x.to, s.span.to);
    if (a > b) continue;
    w.tag("rect")
        .at("class", "excluded")
        .at("x", s.x(a))
        .at("y", ys.top)
        .length("width", s.x(a), s.x(b + 1))
        .at("height", plot_h)
        .at("fill", hatch_fill)
        .open();
    w.title(std::string(tr(lang, "剔除：", "excluded: ")) + x.why + " " + when(a) + " – " + when(b));
    w.close("rect");
  }
}

// The profile's thresholds under the top of the axis, a grey line each, labelled on the right.
void threshold_lines(svg::writer& w, const time_scale& s, const y_scale& ys, const profile& p) {
  side_labels labels;
  for (const auto& t : thresholds_of(p)) {
    if (t.value >= ys.max) continue;
    const double y = std::round(ys.y(t.value)) + 0.5;  // on a pixel row: a crisp line
    w.tag("line")
        .at("class", "threshold")
        .at("x1", s.x0)
        .at("y1", y)
        .at("x2", s.x1)
        .at("y2", y)
        .at("stroke", axis_grey)
        .at("stroke-width", 1)
        .close();
    labels.add(w, s, y, threshold_label(t));
  }
}

// The lanes under the plot from `y`, each named on the left: the condition level, the level in
// force, then the overlays asked for.
void panel_lanes(svg::writer& w, const station_hours& st, const profile& p, const time_scale& s, double y,
                 const timeline_options& o) {
  auto lane_label = [&](const char* zh, const char* en) {
    w.tag("text")
        .at("x", s.x0 - 6)
        .at("y", y + strip_h)
        .at("font-size", font_small)
        .at("fill", text_grey)
        .at("text-anchor", "end")
        .text(tr(o.lang, zh, en));
  };
  lane_label("条件等级", "condition");
  level_strip(w, st.condition, st.first, s, y, p, "condition");
  y += strip_h + strip_gap;
  lane_label("预警生效", "in force");
  level_strip(w, st.in_force, st.first, s, y, p, "in-force");
  if (o.issued_lane) {
    y += strip_h + strip_gap;
    lane_label("实际发布", "issued");
    issued_lane(w, st, p, s, y, o.lang);
  }
  if (o.decisions_lane) {
    y += strip_h + strip_gap;
    lane_label("在线决策", "decisions");
    decisions_lane(w, st, p, s, y, o.lang);
  }
}

// One station: its name, the plot with everything on it, and the lanes below.
void panel(svg::writer& w, const station_hours& st, const profile& p, const time_scale& s, double top, double ymax,
           const time_ticks& ticks, const timeline_options& o) {
  const language lang = o.lang;
  const y_scale ys = plot_scale(top, ymax);
  const double step = ymax <= 300 ? 50 : 100;
  const std::string summary = panel_summary(st, s, lang);
  w.tag("g").at("class", "station").open();
  const std::string name = station_name(w, s, top, st.name, lang);
  w.tag("text")
      .at("x", s.x0 + svg::text_width(name, 13) + 14)
      .at("y", top + 14)
      .at("font-size", font_small + 1)
      .at("fill", text_grey)
      .text(summary);
  plot_frame(w, s, ticks, ys, step);
  excluded_marks(w, st, s, ys, lang);
  for (const auto& e : st.withheld) withheld_marks(w, e, s, ys.top, ys.bottom, p, lang);
  for (const auto& e : st.episodes) episode_marks(w, e, s, ys.top, ys.bottom, p, lang);
  threshold_lines(w, s, ys, p);
  if (!st.hourly.empty()) series_line(w, "hourly", series_path(st.hourly, st.first, s, ys), true);
  series_line(w, "daily", series_path(st.daily, st.first, s, ys), true);
  value_axis(w, s, ys, step, tr(lang, "AQI（指数，无单位）", "AQI (index, no unit)"));
  panel_lanes(w, st, p, s, ys.bottom + strip_gap, o);
  w.close("g");
}

// The legend of the series and the warnings: the lines, each level's band and the issue-by mark.
void series_items(std::vector<legend_item>& items, std::span<const station_hours> stations, const profile& p,
                  language lang) {
  const bool hourly = std::any_of(stations.begin(), stations.end(), [](const auto& s) { return !s.hourly.empty(); });
  if (hourly) {
    items.push_back({tr(lang, "小时 AQI", "hourly AQI"), line_swatch(hourly_ink, 1.2)});
    items.push_back(
        {tr(lang, "日 AQI（24 小时滑动均值）", "daily AQI (24 h rolling mean)"), line_swatch(daily_ink, 2)});
  } else {  // a daily series: one value per calendar day
    items.push_back({tr(lang, "日 AQI", "daily AQI"), line_swatch(daily_ink, 2)});
  }
  items.push_back({tr(lang, "阈值", "threshold"), line_swatch(axis_grey, 1)});
  for (level_t l = 1; l <= p.levels.size(); ++l) {
    const auto colour = level_colour(p, l);
    items.push_back({warning_name(p, l, lang), [colour](svg::writer& w, double x, double y) {
                       w.tag("rect")
                           .at("x", x)
                           .at("y", y - 10)
                           .at("width", 18)
                           .at("height", 12)
                           .at("fill", colour)
                           .at("fill-opacity", band_opacity)
                           .close();
                       w.tag("rect")
                           .at("x", x)
                           .at("y", y - 10)
                           .at("width", 18)
                           .at("height", cap_h / 2 + 1)
                           .at("fill", colour)
                           .close();
                     }});
  }
  items.push_back(
      {tr(lang, "最晚发布时间（提前 ", "issue by (") + std::to_string(p.lead_hours) + tr(lang, " 小时）", " h ahead)"),
       [](svg::writer& w, double x, double y) {
         w.tag("path").at("d", triangle(x + 4.5, y - 10, x + 13.5, y - 10, x + 9, y - 1)).at("fill", axis_grey).close();
       }});
}

// The legend of the marks the stations drawn have: pending ends, excluded hours, withheld and
// advisory episodes.
void mark_items(std::vector<legend_item>& items, std::span<const station_hours> stations, language lang) {
  bool pending = false, excluded = false;
  for (const auto& s : stations) {
    excluded |= !s.excluded.empty();
    for (const auto& e : s.episodes) pending |= e.pending;
  }
  if (pending)
    items.push_back(
        {tr(lang, "未解除（数据结束）", "pending (data end)"), [](svg::writer& w, double x, double y) {
           w.tag("path").at("d", triangle(x + 4, y - 10, x + 14, y - 4, x + 4, y + 2)).at("fill", axis_grey).close();
         }});
  if (excluded)
    items.push_back(
        {tr(lang, "剔除时段（沙尘、臭氧）", "excluded hours (dust, ozone)"), [](svg::writer& w, double x, double y) {
           w.tag("rect")
               .at("x", x)
               .at("y", y - 10)
               .at("width", 18)
               .at("height", 12)
               .at("fill", hatch_fill)
               .at("stroke", "#7A7A7A")
               .at("stroke-width", 0.5)
               .close();
         }});
  bool withheld = false, advisory = false;
  for (const auto& s : stations)
    for (const auto& e : s.withheld) (e.status == episode_status::advisory ? advisory : withheld) = true;
  auto outline = [](const char* dashes) {
    return [=](svg::writer& w, double x, double y) {
      w.tag("rect")
          .at("x", x + 0.75)
          .at("y", y - 9.25)
          .at("width", 16.5)
          .at("height", 10.5)
          .at("fill", "none")
          .at("stroke", axis_grey)
          .at("stroke-width", 1.5)
          .at("stroke-dasharray", dashes)
          .close();
    };
  };
  if (withheld)
    items.push_back({tr(lang, "不发布的预警（沙尘，§1.3）", "warning withheld (dust, §1.3)"), outline("6 3")});
  if (advisory) items.push_back({tr(lang, "健康提示（臭氧）", "health advisory (ozone)"), outline("1.5 2.5")});
}

// The legend of the overlay lanes asked for.
void lane_items(std::vector<legend_item>& items, const timeline_options& o) {
  if (o.issued_lane)
    items.push_back(
        {tr(o.lang, "实际发布的预警（日志；圆点：发布时刻）", "warning issued (log; dot: when announced)"),
         [](svg::writer& w, double x, double y) {
           w.tag("rect").at("x", x).at("y", y - 8).at("width", 18).at("height", strip_h).at("fill", axis_grey).close();
           w.tag("circle")
               .at("cx", x + 4)
               .at("cy", y - 4)
               .at("r", issued_at_r)
               .at("fill", axis_grey)
               .at("stroke", "#FFFFFF")
               .at("stroke-width", 1)
               .close();
         }});
  if (o.decisions_lane)
    items.push_back({tr(o.lang, "在线决策（颜色：转入的等级；空心：预告）",
                        "online decision (colour: the level it moves to; open: announced)"),
                     [](svg::writer& w, double x, double y) {
                       w.tag("path").at("d", diamond(x + 5, y - 4, mark_r)).at("fill", axis_grey).close();
                       w.tag("path")
                           .at("d", diamond(x + 14, y - 4, mark_r - 0.75))
                           .at("fill", "#FFFFFF")
                           .at("stroke", axis_grey)
                           .at("stroke-width", 1.5)
                           .close();
                     }});
}

std::vector<legend_item> timeline_legend(std::span<const station_hours> stations, const profile& p,
                                         const timeline_options& o) {
  std::vector<legend_item> items;
  series_items(items, stations, p, o.lang);
  mark_items(items, stations, o.lang);
  lane_items(items, o);
  return items;
}

std::string description(std::span<const station_hours> stations, const profile& p, period span, language lang) {
  std::string d;
  if (lang == language::zh) {
    d = "小时 AQI（浅色）与 24 小时滑动日 AQI（深色），" + when(span.from) + " 至 " + when(span.to) + "，" +
        std::to_string(stations.size()) + " 个站点；阈值";
  } else {
    d = "Hourly AQI (faint) and the rolling 24-hour daily AQI (dark), " + when(span.from) + " to " + when(span.to) +
        ", " + std::to_string(stations.size()) + (stations.size() == 1 ? " station" : " stations") + "; thresholds";
  }
  for (const auto& t : thresholds_of(p)) d.append(" ").append(threshold_label(t));
  d += tr(lang, "（配置 ", " (profile ") + p.name + tr(lang, "）。", ").");
  for (const auto& s : stations) {
    d += " " + s.name + ":";
    bool any = false;
    for (const auto& e : s.episodes) {
      if (e.end < span.from || e.start > span.to) continue;
      d += std::string(any ? ";" : "") + " " + warning_name(p, e.level, lang) + " " + when(e.start) + " – " +
           when(e.end);
      if (e.pending) d += tr(lang, "（未解除）", " (pending)");
      any = true;
    }
    if (!any) d += tr(lang, " 无预警", " no warning");
    for (const auto& e : s.withheld) {
      if (e.end < span.from || e.start > span.to) continue;
      d += std::string("; ") +
           (e.status == episode_status::advisory ? tr(lang, "健康提示 ", "health advisory ")
                                                 : tr(lang, "不发布 ", "withheld ")) +
           warning_name(p, e.level, lang) + " " + when(e.start) + " – " + when(e.end);
    }
    for (const auto& x : s.issued) {
      if ((x.lift && *x.lift <= span.from) || x.start > span.to) continue;
      d += std::string(tr(lang, "；实际发布 ", "; issued ")) + warning_name(p, x.level, lang) + " " + when(x.start) +
           " – " + (x.lift ? when(*x.lift - 1) : std::string("…")) + tr(lang, "（发布于 ", " (announced ") +
           when(x.issued_at) + tr(lang, "）", ")");
    }
    std::size_t decisions = 0;
    for (const auto& m : s.decisions) decisions += m.at >= span.from && m.at <= span.to;
    if (decisions)
      d += lang == language::zh
               ? "；在线决策 " + std::to_string(decisions) + " 项"
               : "; " + std::to_string(decisions) + (decisions == 1 ? " online decision" : " online decisions");
    d += ".";
  }
  return d;
}

}  // namespace

period timeline_period(std::span<const station_hours> stations, const std::optional<period>& range) {
  return whole_days(stations, range);
}

time_scale timeline_scale(const timeline_options& o, period hours) { return across(hours, o.width); }

void timeline(std::span<const station_hours> stations, const profile& p, const timeline_options& o,
              const write_fn& write) {
  const period span = timeline_period(stations, o.range);
  if (span.empty()) throw error("timeline: no hours to draw");
  check_span(span, o.range);
  const auto s = timeline_scale(o, span);
  const auto ticks = time_axis(s, o.lang, font_label);
  const auto items = timeline_legend(stations, p, o);
  const double top = panels_top(items, s, o.width);
  const double height = picture_height(top, stations.size(), panel_height(o), !o.source.empty());
  const double ymax = o.aqi_max ? *o.aqi_max : axis_max(stations, p, span);

  std::string buf;
  svg::writer w(buf);
  const std::string title =
      std::string(tr(o.lang, "日 AQI 与重污染天气预警：", "Daily AQI and heavy-pollution warnings, ")) +
      when(span.from) + " – " + when(span.to);
  w.begin(o.width, height, title, description(stations, p, span, o.lang));
  w.tag("defs").open();
  hatch_pattern(w);
  withheld_patterns(w, stations, p);
  w.close("defs");
  picture_title(w, s, title);
  const std::string profile_label = tr(o.lang, "配置 ", "profile ") + p.name;
  if (s.x0 + svg::text_width(title, font_title) + 20 + svg::text_width(profile_label, font_small + 1) <= o.width - 12)
    w.tag("text")
        .at("x", o.width - 12)
        .at("y", title_y)
        .at("font-size", font_small + 1)
        .at("fill", text_grey)
        .at("text-anchor", "end")
        .text(profile_label);  // else in <desc> only
  picture_legend(w, items, s, o.width);
  write(buf);
  buf.clear();
  double y = top;
  for (const auto& st : stations) {
    panel(w, st, p, s, y, ymax, ticks, o);
    y += panel_height(o);
    write(buf);
    buf.clear();
  }
  picture_foot(w, s, ticks, y, o.source, height, o.width);
  write(buf);
}

std::string timeline(std::span<const station_hours> stations, const profile& p, const timeline_options& o) {
  std::string out;
  timeline(stations, p, o, [&](std::string_view s) { out.append(s); });
  return out;
}

}  // namespace hpa::plot
