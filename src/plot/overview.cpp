// The season overview: one row per station, one column per day, coloured by the level in force.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "common.hpp"
#include "hpa/plot/plot.hpp"
#include "hpa/plot/svg.hpp"

namespace hpa::plot {

using namespace detail;

namespace {

constexpr double area_gap = 8;  // between the area's own rows and its sites' (px)

// Layout, px.
constexpr double margin = 12;
constexpr double title_y = 26, legend_y = 52;
constexpr double row_h = 14, bar_h = 11;
constexpr double axis_h = 40;       // two rows of date labels
constexpr double days_column = 52;  // warning days, right of the rows
constexpr double max_name_w = 200;
constexpr double font_title = 16, font_label = 12, font_row = 11;
constexpr std::size_t rows_for_bottom_axis = 30;  // a long list repeats the date axis under it

period overview_period(std::span<const station_days> stations, const std::optional<period>& range) {
  if (range) return {day_of(range->from) * 24, day_of(range->to) * 24 + 23};
  std::int64_t from = 0, to = -1;
  for (const auto& s : stations) {
    if (!s.days()) continue;
    if (to < from) {
      from = s.first_day;
      to = s.first_day + s.days() - 1;
    }
    from = std::min(from, s.first_day);
    to = std::max(to, s.first_day + s.days() - 1);
  }
  return {from * 24, to * 24 + 23};
}

// What a day shows: no data, no warning, or the level in force.
constexpr int no_data = -1;
int state(const station_days& s, std::int64_t day) {
  const auto i = day - s.first_day;
  if (i < 0 || i >= s.days()) return no_data;
  const auto k = static_cast<std::size_t>(i);
  if (s.level[k]) return s.level[k];
  return s.valid_hours[k] ? 0 : no_data;
}

const char* fill_of(int st, const std::vector<std::string>& colours) {
  return st == no_data ? no_data_fill : st == 0 ? no_warning_fill : colours[static_cast<std::size_t>(st)].c_str();
}

// The days of `span` with a warning in force.
std::int64_t warning_days(const station_days& s, period span) {
  std::int64_t warned = 0;
  for (std::int64_t d = day_of(span.from); d <= day_of(span.to); ++d) warned += state(s, d) > 0;
  return warned;
}

void row(svg::writer& w, const station_days& s, const time_scale& sc, double y, double name_x,
         const std::vector<std::string>& colours, language lang, bool area = false) {
  w.tag("g").at("class", area ? "row area" : "row").open();
  auto name = w.tag("text");
  name.at("x", name_x).at("y", y + bar_h - 1).at("font-size", font_row).at("fill", "#222222");
  if (area) name.at("font-weight", "bold");
  name.at("text-anchor", "end")
      .text(s.name.empty() ? tr(lang, "（无站名）", "(unnamed)") : svg::fit(s.name, font_row, max_name_w));
  const std::int64_t d0 = day_of(sc.span.from), d1 = day_of(sc.span.to);
  for (std::int64_t d = d0; d <= d1;) {  // runs of one state: work per day, a rect per run
    const int st = state(s, d);
    std::int64_t e = d;
    while (e + 1 <= d1 && state(s, e + 1) == st) ++e;
    w.tag("rect")
        .at("x", sc.x(d * 24))
        .at("y", y)
        .length("width", sc.x(d * 24), sc.x((e + 1) * 24))
        .at("height", bar_h)
        .at("fill", fill_of(st, colours))
        .close();
    d = e + 1;
  }
  w.tag("text")
      .at("x", sc.x1 + days_column - 8)
      .at("y", y + bar_h - 1)
      .at("font-size", font_row)
      .at("fill", "#222222")
      .at("text-anchor", "end")
      .text(std::to_string(warning_days(s, sc.span)));
  w.close("g");
}

void date_axis(svg::writer& w, const time_scale& s, const time_ticks& t, double y) {
  for (const auto& k : t.coarse)
    w.tag("text")
        .at("x", std::max(s.x(k.at), s.x0) + 3)
        .at("y", y + 14)
        .at("font-size", font_label)
        .at("fill", "#222222")
        .text(k.label);
  for (const auto& k : t.fine)
    w.tag("text")
        .at("x", s.x(k.at))
        .at("y", y + 31)
        .at("font-size", font_label)
        .at("fill", text_grey)
        .at("text-anchor", "middle")
        .text(k.label);
}

// The rows top to bottom: the first `areas` (the area's own) as given, then the sites by name or
// by warning days (most first, then by name).
std::vector<std::size_t> row_order(std::span<const station_days> stations, period span, std::size_t areas,
                                   overview_order by) {
  std::vector<std::size_t> order(stations.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::vector<std::int64_t> warned(stations.size(), 0);
  for (std::size_t i = 0; i < stations.size(); ++i) warned[i] = warning_days(stations[i], span);
  std::stable_sort(order.begin() + static_cast<std::ptrdiff_t>(areas), order.end(), [&](std::size_t a, std::size_t b) {
    if (by == overview_order::warning_days && warned[a] != warned[b]) return warned[a] > warned[b];
    return stations[a].name < stations[b].name;
  });
  return order;
}

// The column of station names: as wide as the longest, within [40, max_name_w] px.
double names_width(std::span<const station_days> stations) {
  double name_w = 40;
  for (const auto& s : stations) name_w = std::max(name_w, svg::text_width(s.name, font_row));
  return std::min(name_w, max_name_w);
}

std::vector<legend_item> overview_legend(const profile& p, const std::vector<std::string>& colours, language lang) {
  std::vector<legend_item> items;
  auto swatch = [](std::string fill) {
    return [fill](svg::writer& w, double x, double y) {
      w.tag("rect").at("x", x).at("y", y - 10).at("width", 18).at("height", bar_h).at("fill", fill).close();
    };
  };
  for (level_t l = 1; l <= p.levels.size(); ++l) items.push_back({warning_name(p, l, lang), swatch(colours[l])});
  items.push_back({tr(lang, "无预警", "no warning"), swatch(no_warning_fill)});
  items.push_back({tr(lang, "无数据", "no data"), swatch(no_data_fill)});
  return items;
}

// Where everything goes: worked out before the first byte, since the height comes first.
struct layout {
  time_scale sc;
  time_ticks ticks;
  std::vector<std::string> colours;  // by level, [0] unused
  std::vector<legend_item> legend;
  double rows_top;   // under the legend and the date axis
  double apart;      // between the area's rows and its sites' (0: not both)
  bool bottom_axis;  // the date axis again under a long list
  double height;
};

layout overview_layout(std::span<const station_days> stations, const profile& p, const overview_options& o, period span,
                       std::size_t areas) {
  const time_scale sc{span, margin + names_width(stations) + 8, o.width - margin - days_column};
  std::vector<std::string> colours(p.levels.size() + 1);
  for (level_t l = 1; l <= p.levels.size(); ++l) colours[l] = level_colour(p, l);
  auto items = overview_legend(p, colours, o.lang);
  std::string scratch;
  svg::writer dry(scratch);
  const double rows_top = legend_y + legend(dry, items, sc.x0, legend_y, o.width - margin, font_label) + axis_h;
  const bool bottom_axis = stations.size() > rows_for_bottom_axis;
  const double apart = areas > 0 && areas < stations.size() ? area_gap : 0;
  const double height =
      rows_top + static_cast<double>(stations.size()) * row_h + apart + (bottom_axis ? axis_h : 0) + 8;
  return {.sc = sc,
          .ticks = time_axis(sc, o.lang, font_label),
          .colours = std::move(colours),
          .legend = std::move(items),
          .rows_top = rows_top,
          .apart = apart,
          .bottom_axis = bottom_axis,
          .height = height};
}

std::string overview_title(period span, language lang) {
  return std::string(tr(lang, "预警概览：", "Warnings at a glance, ")) + date_of_day(day_of(span.from)) + " – " +
         date_of_day(day_of(span.to));
}

std::string overview_description(std::size_t stations, const profile& p, const overview_options& o) {
  return o.lang == language::zh
             ? std::to_string(stations) + " 个站点逐日生效的预警级别（每行一个站点，每列一天，" +
                   (o.order == overview_order::name ? "按站名排序" : "按预警天数排序") + "；配置 " + p.name + "）。"
             : "The warning level in force each day at " + std::to_string(stations) +
                   " stations (a row per station, a column per day, sorted by " +
                   (o.order == overview_order::name ? "name" : "warning days") + "; profile " + p.name + ").";
}

// Above the rows: the title, the profile's name right of it when there is room, the legend, the
// date axis and the warning days' column title.
void overview_head(svg::writer& w, const std::string& title, const profile& p, const overview_options& o,
                   const layout& l) {
  w.tag("text")
      .at("x", margin)
      .at("y", title_y)
      .at("font-size", font_title)
      .at("font-weight", "bold")
      .at("fill", "#111111")
      .text(title);
  const std::string profile_label = tr(o.lang, "配置 ", "profile ") + p.name;
  if (margin + svg::text_width(title, font_title) + 20 + svg::text_width(profile_label, font_row) <= o.width - margin)
    w.tag("text")
        .at("x", o.width - margin)
        .at("y", title_y)
        .at("font-size", font_row)
        .at("fill", text_grey)
        .at("text-anchor", "end")
        .text(profile_label);  // else in <desc> only
  legend(w, l.legend, l.sc.x0, legend_y, o.width - margin, font_label);
  date_axis(w, l.sc, l.ticks, l.rows_top - axis_h);
  w.tag("text")
      .at("x", l.sc.x1 + days_column - 8)
      .at("y", l.rows_top - 6)
      .at("font-size", font_row)
      .at("fill", text_grey)
      .at("text-anchor", "end")
      .text(tr(o.lang, "预警天", "days"));
}

// The rows in `order` from l.rows_top, written out every 64 KiB. Returns the bottom of the last.
double overview_rows(svg::writer& w, const write_fn& write, std::span<const station_days> stations,
                     const std::vector<std::size_t>& order, std::size_t areas, const layout& l, language lang) {
  std::string& buf = w.out();
  double y = l.rows_top;
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (l.apart > 0 && k == areas) {  // the area's rows, a line, then its sites
      w.tag("line")
          .at("class", "area-separator")
          .at("x1", margin)
          .at("y1", y + l.apart / 2)
          .at("x2", l.sc.x1)
          .at("y2", y + l.apart / 2)
          .at("stroke", axis_grey)
          .at("stroke-width", 1)
          .close();
      y += l.apart;
    }
    row(w, stations[order[k]], l.sc, y + (row_h - bar_h) / 2, l.sc.x0 - 6, l.colours, lang, k < areas);
    y += row_h;
    if (buf.size() >= (1u << 16)) {
      write(buf);
      buf.clear();
    }
  }
  return y;
}

}  // namespace

void overview(std::span<const station_days> stations, const profile& p, const overview_options& o,
              const write_fn& write) {
  const period span = overview_period(stations, o.range);
  if (span.empty()) throw error("overview: no days to draw");
  check_span(span, o.range);
  const std::size_t areas = std::min(o.area_rows, stations.size());
  const auto order = row_order(stations, span, areas, o.order);
  const layout l = overview_layout(stations, p, o, span, areas);
  std::string buf;
  svg::writer w(buf);
  const std::string title = overview_title(span, o.lang);
  w.begin(o.width, l.height, title, overview_description(stations.size(), p, o));
  overview_head(w, title, p, o, l);
  write(buf);
  buf.clear();
  const double bottom = overview_rows(w, write, stations, order, areas, l, o.lang);
  if (l.bottom_axis) date_axis(w, l.sc, l.ticks, bottom + 2);
  w.end();
  write(buf);
}

std::string overview(std::span<const station_days> stations, const profile& p, const overview_options& o) {
  std::string out;
  overview(stations, p, o, [&](std::string_view s) { out.append(s); });
  return out;
}

}  // namespace hpa::plot
