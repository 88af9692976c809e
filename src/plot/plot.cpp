// What the pictures share: recorders, colours, thresholds, the time axis, legends.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "common.hpp"
#include "hpa/aqi.hpp"
#include "hpa/io/utf8.hpp"
#include "hpa/version.hpp"

namespace hpa::plot {

using namespace io;  // the readers and text helpers the pictures use

using detail::day_of;

std::int64_t station_days::warning_days() const noexcept {
  return std::count_if(level.begin(), level.end(), [](level_t l) { return l > 0; });
}

std::string source_line(language lang, std::string_view input, const profile& p, std::string_view tool) {
  return std::string(detail::tr(lang, "数据：", "data: ")) + std::string(input) +
         detail::tr(lang, " · 配置：", " · profile: ") + p.name + " · " + std::string(tool) + " " + version;
}

std::int64_t days_spanned(period hours) noexcept {
  return hours.empty() ? 0 : day_of(hours.to) - day_of(hours.from) + 1;
}

void refuse_span(const std::string& what, period hours) {
  throw error(what + ": from " + detail::date_of_day(day_of(hours.from)) + " to " +
              detail::date_of_day(day_of(hours.to)) + ", " + std::to_string(days_spanned(hours)) +
              " days: one picture shows at most " + std::to_string(max_picture_days) +
              " days (20 years); pick the days to draw with --since and --until");
}

// --- colours and thresholds -------------------------------------------------------------------

std::string level_colour(const profile& p, level_t level) {
  if (level == 0 || level > p.levels.size()) return "none";
  struct named {
    const char* en;
    const char* zh;
    const char* rgb;
  };
  // Warning-signal colours, the yellow darkened to gold so a band or an outline shows on white.
  static constexpr std::array<named, 4> colours = {{{"blue", "蓝色", "#1F6FD6"},
                                                    {"yellow", "黄色", "#F0C000"},
                                                    {"orange", "橙色", "#FF7F00"},
                                                    {"red", "红色", "#E0001B"}}};
  const auto& l = p.levels[level - 1u];
  for (const auto& c : colours)
    if (l.name == c.en || l.name_zh == c.zh) return c.rgb;
  return "#8E6CB8";
}

std::vector<threshold> thresholds_of(const profile& p) {
  std::vector<threshold> v;
  auto add = [&](const threshold& t) {
    if (std::find(v.begin(), v.end(), t) == v.end()) v.push_back(t);
  };
  for (const auto& l : p.levels)
    for (const auto& c : l.any_of) {
      add(c.main.over);
      if (c.within) add(c.within->over);
    }
  std::sort(v.begin(), v.end(), [](const threshold& a, const threshold& b) {
    return a.value != b.value ? a.value < b.value : a.inclusive < b.inclusive;
  });
  return v;
}

// --- recorders --------------------------------------------------------------------------------

hours_recorder::hours_recorder(std::string name, series_kind kind, std::optional<period> keep)
    : kind_(kind), keep_(keep) {
  s_.name = std::move(name);
}

std::size_t hours_recorder::slot(hour_t h) {
  if (!started_) {
    s_.first = keep_ ? keep_->from : h;
    started_ = true;
  }
  const auto i = static_cast<std::size_t>(h - s_.first);
  if (i >= s_.daily.size()) {
    // before the vectors grow: a row far from the first would make them as long as the gap
    if (days_spanned({s_.first, h}) > max_picture_days) refuse_span("station " + quote(s_.name), {s_.first, h});
    s_.daily.resize(i + 1, no_value);
    s_.condition.resize(i + 1, 0);
    s_.in_force.resize(i + 1, 0);
    if (kind_ == series_kind::hourly) s_.hourly.resize(i + 1, no_value);
  }
  return i;
}

void hours_recorder::on_daily(hour_t t, double daily, int) {
  if (kind_ != series_kind::daily) {
    if (kept(t)) s_.daily[slot(t)] = daily;
    return;
  }
  // a day's value arrives at its last hour and holds for the whole day
  if (hpa::detail::floor_mod(t, 24) != 23) return;
  for (hour_t h = t - 23; h <= t; ++h)
    if (kept(h)) s_.daily[slot(h)] = daily;
}

void hours_recorder::on_hour(hour_t h, double, const hour_condition& c) {
  if (kept(h)) s_.condition[slot(h)] = c.level;
}

void hours_recorder::on_episode(const episode& e) {
  if (keep_ && (e.end < keep_->from || e.start > keep_->to)) return;
  if (!e.warns()) {  // withheld and advisory ones are never in force
    s_.withheld.push_back(e);
    return;
  }
  for (const auto& seg : e.segments)
    for (hour_t h = seg.from; h <= seg.to; ++h)
      if (kept(h)) s_.in_force[slot(h)] = seg.level;
  s_.episodes.push_back(e);
}

void hours_recorder::hourly(hour_t h, double aqi) {
  if (kind_ == series_kind::hourly && kept(h)) s_.hourly[slot(h)] = aqi;
}

station_hours hours_recorder::result(std::span<const excluded_hours> excluded) const {
  station_hours s = s_;
  for (const auto& x : excluded) {
    const hour_t from = keep_ ? std::max(x.from, keep_->from) : x.from;
    const hour_t to = keep_ ? std::min(x.to, keep_->to) : x.to;
    if (from <= to) s.excluded.push_back({from, to, x.why});
  }
  return s;
}

namespace {

template <class T>
std::size_t attach_by_station(std::span<station_hours> stations, std::span<const T> items,
                              std::vector<T> station_hours::*to) {
  std::size_t n = 0;
  for (const auto& x : items)
    for (auto& s : stations)
      if (s.name == x.station) {
        (s.*to).push_back(x);
        ++n;
        break;
      }
  return n;
}

}  // namespace

std::size_t attach(std::span<station_hours> stations, std::span<const io::issued_entry> log) {
  return attach_by_station(stations, log, &station_hours::issued);
}

std::size_t attach(std::span<station_hours> stations, std::span<const decision_mark> decisions) {
  return attach_by_station(stations, decisions, &station_hours::decisions);
}

days_recorder::days_recorder(std::string name, std::optional<period> keep) : keep_(keep) {
  s_.name = std::move(name);
  day_start_ = std::numeric_limits<hour_t>::min() / 2;  // no current day yet
}

std::size_t days_recorder::slot(std::int64_t day) {
  if (!started_) {
    s_.first_day = keep_ ? day_of(keep_->from) : day;
    started_ = true;
  }
  const auto i = static_cast<std::size_t>(day - s_.first_day);
  if (i >= s_.level.size()) {
    if (day - s_.first_day >= max_picture_days) refuse_span("station " + quote(s_.name), {s_.first_day * 24, day * 24});
    s_.aqi.resize(i + 1, no_value);
    s_.level.resize(i + 1, 0);
    s_.valid_hours.resize(i + 1, 0);
    s_.aqi_counted.resize(i + 1, no_value);
  }
  return i;
}

void days_recorder::enter(hour_t t) {
  const auto day = day_of(t);
  day_index_ = slot(day);
  day_start_ = day * 24;
}

void days_recorder::on_episode(const episode& e) {
  if (!e.warns()) return;
  for (const auto& seg : e.segments) {
    const hour_t from = keep_ ? std::max(seg.from, keep_->from) : seg.from;
    const hour_t to = keep_ ? std::min(seg.to, keep_->to) : seg.to;
    if (from > to) continue;
    for (std::int64_t d = day_of(from); d <= day_of(to); ++d) {
      auto& l = s_.level[slot(d)];
      l = std::max(l, seg.level);
    }
  }
}

// --- the time axis ----------------------------------------------------------------------------

namespace {

// Keeps the labels that do not overlap the one kept before them (left to right).
template <class Extent>
std::vector<tick> spaced(std::vector<tick> ticks, double gap, Extent extent) {
  std::vector<tick> kept;
  double right = -1e300;
  for (auto& t : ticks) {
    const auto [a, b] = extent(t);
    if (a < right + gap) continue;
    right = b;
    kept.push_back(std::move(t));
  }
  return kept;
}

// The first hour of each month that starts within the scale, with `step` months between them.
std::vector<hour_t> month_starts(const time_scale& s, unsigned step) {
  std::vector<hour_t> v;
  auto c = civil_from_days(day_of(s.span.from));
  std::int64_t y = c.year;
  unsigned m = c.month;
  if (c.day != 1 || s.span.from % 24 != 0) {  // the next month
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  for (;;) {
    const hour_t h = days_from_civil(y, m, 1) * 24;
    if (h > s.span.to) break;
    if ((m - 1) % step == 0) v.push_back(h);
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  return v;
}

}  // namespace

time_ticks time_axis(const time_scale& s, language lang, double font_px) {
  time_ticks out;
  if (s.span.empty()) return out;
  const double gap = font_px * 0.6;
  const double px_day = (s.x1 - s.x0) * 24.0 / static_cast<double>(s.span.to + 1 - s.span.from);
  auto centred = [&](const tick& t) {
    const double w = svg::text_width(t.label, font_px), x = s.x(t.at);
    return std::pair{x - w / 2, x + w / 2};
  };
  auto starting = [&](const tick& t) {
    const double x = std::max(s.x(t.at), s.x0) + 3;
    return std::pair{x, x + svg::text_width(t.label, font_px)};
  };

  // fine row: days of the month 1, 1+step, ... (a day too near the next 1st is left out)
  const double day_label = svg::text_width("28", font_px) + gap;
  int day_step = 0;
  for (int step : {1, 2, 5, 10, 15})
    if (step * px_day >= day_label) {
      day_step = step;
      break;
    }
  const std::int64_t d0 = day_of(s.span.from + 23), d1 = day_of(s.span.to);  // whole days in view
  if (day_step) {
    for (std::int64_t d = d0; d <= d1; ++d) {
      const auto c = civil_from_days(d);
      const auto dim = static_cast<int>(days_in_month(c.year, c.month));
      const int dom = static_cast<int>(c.day);
      if ((dom - 1) % day_step == 0 && dim + 1 - dom >= day_step) out.fine.push_back({d * 24, std::to_string(dom)});
    }
    out.fine = spaced(std::move(out.fine), gap, centred);
  } else {
    out.fine_are_months = true;
    double widest = 0;
    for (unsigned m = 1; m <= 12; ++m)
      widest = std::max(widest, svg::text_width(detail::month_short(lang, m), font_px));
    unsigned step = 12;
    for (unsigned st : {1u, 2u, 3u, 6u})
      if (st * px_day * 30 >= widest + gap) {
        step = st;
        break;
      }
    for (hour_t h : month_starts(s, step))
      out.fine.push_back({h, detail::month_short(lang, civil_from_days(day_of(h)).month)});
    out.fine = spaced(std::move(out.fine), gap, centred);
  }

  // coarse row: months (or years), labelled from their first day; the partial first one at x0
  std::vector<tick> coarse;
  for (hour_t h : month_starts(s, 1)) {
    const auto c = civil_from_days(day_of(h));
    if (!out.fine_are_months)
      coarse.push_back({h, detail::month_title(lang, c.year, c.month)});
    else if (c.month == 1)
      coarse.push_back({h, std::to_string(c.year) + detail::tr(lang, "年", "")});
  }
  const auto c0 = civil_from_days(day_of(s.span.from));
  tick first{s.span.from, out.fine_are_months ? std::to_string(c0.year) + detail::tr(lang, "年", "")
                                              : detail::month_title(lang, c0.year, c0.month)};
  if (coarse.empty() || coarse.front().at != s.span.from) {
    const auto [a, b] = starting(first);
    if (coarse.empty() || b + gap <= starting(coarse.front()).first) coarse.insert(coarse.begin(), first);
  }
  coarse = spaced(std::move(coarse), gap, starting);
  while (!coarse.empty() && starting(coarse.back()).second > s.x1) coarse.pop_back();
  out.coarse = std::move(coarse);
  return out;
}

namespace detail {

std::string when(hour_t h) { return format_time_readable(h); }

std::string date_of_day(std::int64_t day) { return format_date(day * 24); }

std::string month_title(language l, std::int64_t year, unsigned month) {
  if (l == language::zh) return std::to_string(year) + "年" + std::to_string(month) + "月";
  return month_short(l, month) + " " + std::to_string(year);
}

std::string month_short(language l, unsigned month) {
  static constexpr std::array<const char*, 12> en = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (l == language::zh) return std::to_string(month) + "月";
  return en[month - 1];
}

std::string level_label(const profile& p, level_t level, language l) {
  if (level == 0) return tr(l, "无", "none");
  const auto& d = p.levels[level - 1u];
  return l == language::zh && !d.name_zh.empty() ? d.name_zh : d.name;
}

std::string warning_name(const profile& p, level_t level, language l) {
  return level_label(p, level, l) + tr(l, "预警", " warning");
}

std::string threshold_label(const threshold& t) {
  // whole values print without decimals; a profile may hold 187.5
  const double r = std::round(t.value * 100) / 100;
  std::string v = svg::num(r);
  return std::string(t.inclusive ? "≥ " : "> ") + v;
}

int whole_aqi(double daily) { return static_cast<int>(std::ceil(daily - 1e-9)); }

std::string category_colour(int aqi) {
  const auto c = category(aqi);
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string s = "#";
  for (int v : c.rgb) {
    s += hex[(v >> 4) & 15];
    s += hex[v & 15];
  }
  return s;
}

const char* ink_on(std::string_view fill) {
  auto channel = [&](std::size_t at) { return std::stoi(std::string(fill.substr(at, 2)), nullptr, 16); };
  if (fill.size() != 7 || fill[0] != '#') return "#000000";
  const double luma = 0.299 * channel(1) + 0.587 * channel(3) + 0.114 * channel(5);
  return luma < 140 ? "#FFFFFF" : "#000000";
}

std::string triangle(double x1, double y1, double x2, double y2, double x3, double y3) {
  std::string d = "M";
  d.append(svg::num(x1)).append(",").append(svg::num(y1)).append("L").append(svg::num(x2)).append(",");
  d.append(svg::num(y2)).append("L").append(svg::num(x3)).append(",").append(svg::num(y3)).append("Z");
  return d;
}

void hatch_pattern(svg::writer& w) {
  w.tag("pattern")
      .at("id", "hpa-hatch")
      .at("width", 6)
      .at("height", 6)
      .at("patternUnits", "userSpaceOnUse")
      .at("patternTransform", "rotate(45)")
      .open();
  w.tag("rect").at("width", 6).at("height", 6).at("fill", "#FFFFFF").at("fill-opacity", 0.6).close();
  w.tag("rect").at("width", 2).at("height", 6).at("fill", "#7A7A7A").close();
  w.close("pattern");
}

double legend(svg::writer& w, const std::vector<legend_item>& items, double x, double y, double right, double font_px) {
  const double row = font_px + 8, start = x;
  double top = y;
  for (const auto& it : items) {
    const double width = 18 + 5 + svg::text_width(it.label, font_px);
    if (x > start && x + width > right) {
      x = start;
      y += row;
    }
    it.swatch(w, x, y);
    w.tag("text").at("x", x + 23).at("y", y).at("font-size", font_px).at("fill", text_grey).text(it.label);
    x += width + 16;
  }
  return y - top + row;
}

}  // namespace detail
}  // namespace hpa::plot
