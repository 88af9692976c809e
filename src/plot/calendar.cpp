// The calendar: per station a grid per month, each day in its HJ 633 AQI category colour.
#include <algorithm>
#include <array>
#include <cmath>

#include "common.hpp"
#include "hpa/aqi.hpp"
#include "hpa/plot/plot.hpp"
#include "hpa/plot/svg.hpp"

namespace hpa::plot {

using namespace detail;

namespace {

// Layout, px (whole numbers, so cell edges and outlines fall on pixel boundaries).
constexpr double margin = 24;
constexpr double min_width = 640;
constexpr double title_y = 28, legend_y = 56;
constexpr double cell_w = 36, cell_h = 30;
constexpr double month_gap_x = 20, month_gap_y = 14;
constexpr double month_head = 36;  // the month's name and the weekday row
constexpr double month_h = month_head + 6 * cell_h;
constexpr double station_head = 28;
constexpr double outline_w = 3;              // a warning's outline, inside the cell
constexpr double gap_w = 1;                  // white between the outline and the day's colour
constexpr const char* edge_ink = "#222222";  // the line around a warning day's outline
constexpr double excluded_corner = 12;       // the hatched corner of a day whose AQI counts excluded hours
constexpr double font_title = 16, font_label = 12, font_small = 10;

// Monday = 0 (the Chinese calendar week); 1970-01-01 was a Thursday.
int weekday(std::int64_t day) { return static_cast<int>(((day + 3) % 7 + 7) % 7); }

struct month {
  std::int64_t year;
  unsigned m;
};

std::vector<month> months_of(period span) {
  std::vector<month> v;
  auto c = civil_from_days(day_of(span.from));
  const auto e = civil_from_days(day_of(span.to));
  for (std::int64_t y = c.year; y <= e.year; ++y)
    for (unsigned m = (y == c.year ? c.month : 1); m <= (y == e.year ? e.month : 12); ++m) v.push_back({y, m});
  return v;
}

// The HJ 633 categories as ranges of whole AQI, read off hpa::category() itself.
struct category_range {
  int lo, hi;  // hi = -1: open above
};
std::vector<category_range> category_ranges() {
  std::vector<category_range> v{{0, 0}};
  for (int a = 1; a <= 500; ++a) {
    if (category(a).level != category(a - 1).level)
      v.push_back({a, a});
    else
      v.back().hi = a;
  }
  v.back().hi = -1;
  return v;
}

// A day whose AQI counts hours the rules exclude: a hatched corner, top right at (x, y).
void excluded_mark(svg::writer& w, double x, double y) {
  w.tag("path")
      .at("class", "excluded")
      .at("d", triangle(x - excluded_corner, y, x, y, x, y + excluded_corner))
      .at("fill", hatch_fill)
      .at("stroke", axis_grey)
      .at("stroke-width", 0.5)
      .close();
}

std::vector<legend_item> calendar_legend(const profile& p, language lang, bool excluded) {
  std::vector<legend_item> items;
  for (const auto& r : category_ranges()) {
    const auto c = category(r.lo);
    const auto fill = category_colour(r.lo);
    std::string label = lang == language::zh ? c.name_zh : c.name_en;
    if (r.hi < 0)
      label.append(" > ").append(std::to_string(r.lo - 1));
    else
      label.append(" ").append(std::to_string(r.lo)).append("–").append(std::to_string(r.hi));
    items.push_back({label, [fill](svg::writer& w, double x, double y) {
                       w.tag("rect")
                           .at("x", x)
                           .at("y", y - 11)
                           .at("width", 18)
                           .at("height", 14)
                           .at("fill", fill)
                           .at("stroke", "#999999")
                           .at("stroke-width", 0.5)
                           .close();
                     }});
  }
  items.push_back({tr(lang, "无数据", "no data"), [](svg::writer& w, double x, double y) {
                     w.tag("rect")
                         .at("x", x)
                         .at("y", y - 11)
                         .at("width", 18)
                         .at("height", 14)
                         .at("fill", no_data_fill)
                         .at("stroke", "#999999")
                         .at("stroke-width", 0.5)
                         .close();
                   }});
  if (excluded)
    items.push_back(
        {tr(lang, "含剔除时段（沙尘等，不计入预警）", "with excluded hours (dust, O3: not counted for warnings)"),
         [](svg::writer& w, double x, double y) {
           w.tag("rect")
               .at("x", x)
               .at("y", y - 11)
               .at("width", 18)
               .at("height", 14)
               .at("fill", "#FFFFFF")
               .at("stroke", "#999999")
               .at("stroke-width", 0.5)
               .close();
           excluded_mark(w, x + 18, y - 11);
         }});
  for (level_t l = 1; l <= p.levels.size(); ++l) {
    const auto colour = level_colour(p, l);
    items.push_back(
        {warning_name(p, l, lang) + tr(lang, "（边框）", " (outline)"), [colour](svg::writer& w, double x, double y) {
           w.tag("rect")
               .at("x", x + 1.5)
               .at("y", y - 9.5)
               .at("width", 15)
               .at("height", 11)
               .at("fill", "#FFFFFF")
               .at("stroke", colour)
               .at("stroke-width", outline_w)
               .close();
           w.tag("rect")
               .at("x", x - 0.5)
               .at("y", y - 11.5)
               .at("width", 19)
               .at("height", 15)
               .at("fill", "none")
               .at("stroke", edge_ink)
               .at("stroke-width", 1)
               .close();
         }});
  }
  return items;
}

bool any_excluded(std::span<const station_days> stations) {
  return std::any_of(stations.begin(), stations.end(), [](const station_days& s) {
    return std::any_of(s.aqi_counted.begin(), s.aqi_counted.end(), [](double v) { return has_value(v); });
  });
}

// What a day's cell shows.
struct day_shown {
  double rules_aqi;  // the daily AQI the rules count
  bool excluded;     // the AQI shown counts hours the rules leave out
  bool valued;       // an AQI to show
  int whole;         // the AQI shown, rounded up as HJ 633 rounds (valued only)
  level_t level;     // in force, 0 for none
  std::string fill;  // the AQI's category colour, or no data
};

day_shown shown_on(const station_days& st, std::int64_t day) {
  const auto i = day - st.first_day;
  const bool in = i >= 0 && i < st.days();
  const double rules_aqi = in ? st.aqi[static_cast<std::size_t>(i)] : no_value;
  const double counted = in && static_cast<std::size_t>(i) < st.aqi_counted.size()
                             ? st.aqi_counted[static_cast<std::size_t>(i)]
                             : no_value;
  const bool excluded = has_value(counted);  // shown with its value, marked: the rules left hours out
  const double aqi = excluded ? counted : rules_aqi;
  const level_t level = in ? st.level[static_cast<std::size_t>(i)] : 0;
  const bool valued = has_value(aqi);
  const int whole = valued ? whole_aqi(aqi) : 0;
  return {rules_aqi, excluded, valued, whole, level, valued ? category_colour(whole) : no_data_fill};
}

// The cell's tooltip: the date, the AQI and its category, what the rules count instead, the warning.
std::string day_about(const day_shown& d, std::int64_t day, const profile& p, language lang) {
  std::string about = date_of_day(day) + ": ";
  if (d.valued)
    about += "AQI " + std::to_string(d.whole) + " (" +
             (lang == language::zh ? category(d.whole).name_zh : category(d.whole).name_en) + ")";
  else
    about += tr(lang, "无日 AQI", "no daily AQI");
  if (d.excluded)
    about += has_value(d.rules_aqi)
                 ? std::string(tr(lang, "；剔除沙尘等时段后 ", "; with the excluded hours (dust, O3) left out, ")) +
                       std::to_string(whole_aqi(d.rules_aqi)) + tr(lang, "（预警按此计）", " (what the warnings count)")
                 : std::string(tr(lang, "；剔除沙尘等时段，不计入预警",
                                  "; excluded hours (dust, O3): not counted for warnings"));
  if (d.level) about += "; " + warning_name(p, d.level, lang);
  return about;
}

// A day under a warning at (x, y): the warning's colour as a band at the cell's edge, a dark line
// outside it and a white gap inside it, the day's colour within. The band reads on every category
// colour (a yellow warning on a yellow 良 day, a red one on a red 中度 day) and on the white page alike.
void warning_cell(svg::writer& w, const std::string& fill, const std::string& warning, double x, double y) {
  const double inset = 1 + outline_w + gap_w;
  w.tag("rect")
      .at("x", x + inset)
      .at("y", y + inset)
      .at("width", cell_w - 2 * inset)
      .at("height", cell_h - 2 * inset)
      .at("fill", fill)
      .close();
  w.tag("rect")
      .at("class", "outline")
      .at("x", x + 1 + outline_w / 2)
      .at("y", y + 1 + outline_w / 2)
      .at("width", cell_w - 2 - outline_w)
      .at("height", cell_h - 2 - outline_w)
      .at("fill", "none")
      .at("stroke", warning)
      .at("stroke-width", outline_w)
      .close();
  w.tag("rect")
      .at("x", x + 0.5)
      .at("y", y + 0.5)
      .at("width", cell_w - 1)
      .at("height", cell_h - 1)
      .at("fill", "none")
      .at("stroke", edge_ink)
      .at("stroke-width", 1)
      .close();
}

// The day of the month at the top left, the AQI (when there is one) large in the middle.
void day_numbers(svg::writer& w, const day_shown& d, unsigned day_of_month, double x, double y) {
  const char* ink = d.valued ? ink_on(d.fill) : "#999999";
  w.tag("text").at("x", x + 5).at("y", y + 11).at("font-size", 8).at("fill", ink).text(std::to_string(day_of_month));
  if (d.valued)
    w.tag("text")
        .at("x", x + cell_w / 2 + 2)
        .at("y", y + cell_h - 7)
        .at("font-size", font_label)
        .at("text-anchor", "middle")
        .at("fill", ink)
        .text(std::to_string(d.whole));
}

void day_cell(svg::writer& w, const station_days& st, std::int64_t day, double x, double y, const profile& p,
              language lang) {
  const day_shown d = shown_on(st, day);
  w.tag("g").at("class", d.level ? "day warning" : "day").open();
  w.title(day_about(d, day, p, lang));
  if (d.level)
    warning_cell(w, d.fill, level_colour(p, d.level), x, y);
  else
    w.tag("rect")
        .at("x", x + 1)
        .at("y", y + 1)
        .at("width", cell_w - 2)
        .at("height", cell_h - 2)
        .at("fill", d.fill)
        .close();
  if (d.excluded) excluded_mark(w, x + cell_w - 1, y + 1);
  day_numbers(w, d, civil_from_days(day).day, x, y);
  w.close("g");
}

void month_grid(svg::writer& w, const station_days& st, month mo, double x, double y, const profile& p, language lang) {
  w.tag("text")
      .at("x", x + 1)
      .at("y", y + 14)
      .at("font-size", 13)
      .at("fill", "#111111")
      .at("font-weight", "bold")
      .text(month_title(lang, mo.year, mo.m));
  static constexpr std::array<const char*, 7> zh = {"一", "二", "三", "四", "五", "六", "日"};
  static constexpr std::array<const char*, 7> en = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
  for (int d = 0; d < 7; ++d)
    w.tag("text")
        .at("x", x + d * cell_w + cell_w / 2)
        .at("y", y + month_head - 6)
        .at("font-size", font_small)
        .at("text-anchor", "middle")
        .at("fill", text_grey)
        .text(lang == language::zh ? zh[d] : en[d]);
  const std::int64_t first = days_from_civil(mo.year, mo.m, 1);
  const int lead = weekday(first);
  for (unsigned d = 1; d <= days_in_month(mo.year, mo.m); ++d) {
    const int k = lead + static_cast<int>(d) - 1;
    day_cell(w, st, first + d - 1, x + (k % 7) * cell_w, y + month_head + (k / 7) * cell_h, p, lang);
  }
}

std::string description(std::span<const station_days> stations, const profile& p, period span, language lang) {
  std::string d = lang == language::zh
                      ? "逐日 AQI 日历，" + date_of_day(day_of(span.from)) + " 至 " + date_of_day(day_of(span.to)) +
                            "：每天按其日 AQI（00:00–23:00 均值）的 HJ 633 "
                            "类别着色并标出数值，预警生效的日子以预警颜色描边（配置 " +
                            p.name + "）。"
                      : "Calendar of daily AQI, " + date_of_day(day_of(span.from)) + " to " +
                            date_of_day(day_of(span.to)) +
                            ": each day coloured by the HJ 633 category of its daily AQI (the 00:00-23:00 mean) with "
                            "the value printed; days under a warning outlined in the warning's colour (profile " +
                            p.name + ").";
  for (const auto& s : stations) {
    d += " " + s.name + ":";
    for (level_t l = 1; l <= p.levels.size(); ++l) {
      const auto n = std::count(s.level.begin(), s.level.end(), l);
      if (n)
        d.append(" ")
            .append(warning_name(p, l, lang))
            .append(" ")
            .append(std::to_string(n))
            .append(tr(lang, " 天", n == 1 ? " day" : " days"));
    }
    if (!s.warning_days()) d += tr(lang, " 无预警", " no warning");
    d += ".";
  }
  return d;
}

period calendar_period(std::span<const station_days> stations, const std::optional<period>& range) {
  if (range) return *range;
  period all{0, -1};
  for (const auto& s : stations) {
    if (!s.days()) continue;
    const period h{s.first_day * 24, (s.first_day + s.days()) * 24 - 1};
    if (all.empty()) all = h;
    all.from = std::min(all.from, h.from);
    all.to = std::max(all.to, h.to);
  }
  return all;
}

}  // namespace

void calendar(std::span<const station_days> stations, const profile& p, const calendar_options& o,
              const write_fn& write) {
  const period span = calendar_period(stations, o.range);
  if (span.empty()) throw error("calendar: no days to draw");
  check_span(span, o.range);
  const auto months = months_of(span);
  const int cols = std::clamp(static_cast<int>(months.size()), 1, std::max(1, o.months_per_row));
  const int rows = (static_cast<int>(months.size()) + cols - 1) / cols;
  const std::string title =
      std::string(tr(o.lang, "逐日 AQI 日历与预警：", "Daily AQI calendar and warnings, ")) +
      month_title(o.lang, months.front().year, months.front().m) +
      (months.size() > 1 ? " – " + month_title(o.lang, months.back().year, months.back().m) : std::string());
  // a month or two still get room for the title and a legend of a few rows
  const double width = std::max({2 * margin + cols * 7 * cell_w + (cols - 1) * month_gap_x,
                                 2 * margin + svg::text_width(title, font_title), min_width});
  const bool excluded = any_excluded(stations);
  const auto items = calendar_legend(p, o.lang, excluded);
  std::string scratch;
  svg::writer dry(scratch);
  const double top = legend_y + legend(dry, items, margin, legend_y, width - margin, font_label);
  const double station_h = station_head + rows * (month_h + month_gap_y);
  const double height = top + static_cast<double>(stations.size()) * station_h + 4;

  std::string buf;
  svg::writer w(buf);
  w.begin(width, height, title, description(stations, p, span, o.lang));
  if (excluded) {
    w.tag("defs").open();
    hatch_pattern(w);
    w.close("defs");
  }
  w.tag("text")
      .at("x", margin)
      .at("y", title_y)
      .at("font-size", font_title)
      .at("font-weight", "bold")
      .at("fill", "#111111")
      .text(title);
  legend(w, items, margin, legend_y, width - margin, font_label);
  write(buf);
  buf.clear();
  double y = top;
  for (const auto& st : stations) {
    w.tag("g").at("class", "station").open();
    w.tag("text")
        .at("x", margin)
        .at("y", y + 18)
        .at("font-size", 14)
        .at("font-weight", "bold")
        .at("fill", "#111111")
        .text(st.name.empty() ? tr(o.lang, "（无站名）", "(unnamed)") : st.name);
    for (std::size_t k = 0; k < months.size(); ++k) {
      const double mx = margin + static_cast<double>(k % cols) * (7 * cell_w + month_gap_x);
      const double my = y + station_head + static_cast<double>(k / cols) * (month_h + month_gap_y);
      month_grid(w, st, months[k], mx, my, p, o.lang);
    }
    w.close("g");
    y += station_h;
    write(buf);
    buf.clear();
  }
  w.end();
  write(buf);
}

std::string calendar(std::span<const station_days> stations, const profile& p, const calendar_options& o) {
  std::string out;
  calendar(stations, p, o, [&](std::string_view s) { out.append(s); });
  return out;
}

}  // namespace hpa::plot
