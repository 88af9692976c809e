#include "hpa/plot/plot.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "hpa/plot/input.hpp"
#include "hpa/plot/svg.hpp"
#include "hpa/version.hpp"

using namespace hpa;
namespace plot = hpa::plot;
namespace svg = hpa::plot::svg;

namespace {

const hour_t t0 = days_from_civil(2023, 12, 1) * 24;

// The elements of one class, one per line as the writer puts them, with their attributes.
struct element {
  std::map<std::string, std::string> at;
  double num(const std::string& name) const { return std::stod(at.at(name)); }
  std::int64_t hundredths(const std::string& name) const { return std::llround(num(name) * 100); }
};
std::vector<element> of_class(const std::string& svg_text, const std::string& cls) {
  std::vector<element> v;
  std::istringstream in(svg_text);
  static const std::regex attr(R"re(([a-z][a-z0-9-]*)="([^"]*)")re");
  for (std::string line; std::getline(in, line);) {
    if (line.find("class=\"" + cls + "\"") == std::string::npos) continue;
    element e;
    for (std::sregex_iterator it(line.begin(), line.end(), attr), end; it != end; ++it) e.at[(*it)[1]] = (*it)[2];
    v.push_back(e);
  }
  return v;
}
std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// A station with an orange-then-red episode, as recorders would give it.
plot::station_hours one_station(bool pending = false) {
  plot::station_hours s;
  s.name = "S";
  s.first = t0;
  const std::size_t n = 240;
  s.hourly.assign(n, 100);
  s.daily.assign(n, 100);
  s.condition.assign(n, 0);
  s.in_force.assign(n, 0);
  episode e;
  e.start = t0 + 60;
  e.end = t0 + 120;
  e.level = 3;
  e.issue_by = e.start - 48;
  e.segments = {{2, t0 + 60, t0 + 90}, {3, t0 + 91, t0 + 120}};
  e.pending = pending;
  if (!pending) e.lift = e.end + 1;
  for (const auto& seg : e.segments)
    for (hour_t h = seg.from; h <= seg.to; ++h) s.in_force[static_cast<std::size_t>(h - t0)] = seg.level;
  s.episodes.push_back(e);
  return s;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The picture must equal tests/expected/plot/NAME byte for byte (HPA_UPDATE_EXPECTED rewrites it).
void golden(const std::string& name, const std::string& got) {
  const std::string path = std::string(HPA_TEST_EXPECTED) + "/plot/" + name;
#ifdef HPA_UPDATE_GOLDEN
  std::ofstream(path, std::ios::binary) << got;
#endif
  const std::string want = read_text(path);
  if (want == got) return;
  std::size_t line = 1, at = 0;
  while (at < want.size() && at < got.size() && want[at] == got[at]) line += want[at++] == '\n';
  FAIL(path << " differs from line " << line << " on (" << want.size() << " bytes expected, " << got.size() << " got)");
}

const std::string season = std::string(HPA_TEST_DATA) + "/plot_season.csv";

std::vector<plot::station_hours> season_hours(const profile& p) {
  std::ifstream in(season, std::ios::binary);
  return plot::read_hours(in, "plot_season.csv", p, {}, std::nullopt, 24);
}

std::vector<plot::station_days> season_days(const profile& p) {
  std::ifstream in(season, std::ios::binary);
  io::read_options o;
  o.stream = &in;
  o.source = "plot_season.csv";
  return plot::read_days(o, p, {}, std::nullopt);
}

}  // namespace

TEST_CASE("plot: an episode's bands span exactly its hours at the scale's x positions", "[plot]") {
  const auto p = pingdingshan_2023();
  const std::vector<plot::station_hours> st = {one_station()};
  const plot::timeline_options o;
  const auto s = plot::timeline_scale(o, plot::timeline_period(st, std::nullopt));
  REQUIRE(s.span == plot::period{t0, t0 + 239});
  const auto out = plot::timeline(st, p, o);

  const auto bands = of_class(out, "band");
  REQUIRE(bands.size() == 2);  // one per segment
  CHECK(bands[0].at.at("x") == svg::num(s.x(t0 + 60)));
  CHECK(bands[0].hundredths("x") + bands[0].hundredths("width") == svg::hundredths(s.x(t0 + 91)));
  CHECK(bands[0].at.at("fill") == plot::level_colour(p, 2));
  CHECK(bands[1].at.at("x") == svg::num(s.x(t0 + 91)));
  CHECK(bands[1].hundredths("x") + bands[1].hundredths("width") == svg::hundredths(s.x(t0 + 121)));
  CHECK(bands[1].at.at("fill") == plot::level_colour(p, 3));
  const auto caps = of_class(out, "band-cap");
  REQUIRE(caps.size() == 2);
  CHECK(caps[0].at.at("x") == bands[0].at.at("x"));
  CHECK(caps[1].at.at("width") == bands[1].at.at("width"));

  const auto lift = of_class(out, "lift");
  REQUIRE(lift.size() == 1);
  CHECK(lift[0].at.at("x1") == svg::num(s.x(t0 + 121)));
  const auto issue = of_class(out, "issue-by");
  REQUIRE(issue.size() == 1);
  CHECK(issue[0].at.at("x1") == svg::num(s.x(t0 + 12)));
  CHECK(of_class(out, "pending").empty());

  // the strip of the level in force holds the same stretches
  const auto strip = of_class(out, "in-force");
  REQUIRE(strip.size() == 3);  // the background, orange, red
  CHECK(strip[1].at.at("x") == bands[0].at.at("x"));
  CHECK(strip[1].at.at("width") == bands[0].at.at("width"));
  CHECK(strip[2].at.at("fill") == "#E0001B");
}

TEST_CASE("plot: a band is cut at the edges of the period drawn, a pending episode has an open end", "[plot]") {
  const auto p = pingdingshan_2023();
  SECTION("cut") {
    const std::vector<plot::station_hours> st = {one_station()};
    plot::timeline_options o;
    o.range = plot::period{t0 + 72, t0 + 110};
    const auto s = plot::timeline_scale(o, *o.range);
    const auto out = plot::timeline(st, p, o);
    const auto bands = of_class(out, "band");
    REQUIRE(bands.size() == 2);
    CHECK(bands[0].at.at("x") == svg::num(s.x0));
    CHECK(bands[1].hundredths("x") + bands[1].hundredths("width") == svg::hundredths(s.x1));
    CHECK(of_class(out, "issue-by").empty());  // before the period
    CHECK(of_class(out, "lift").empty());      // after it
  }
  SECTION("pending") {
    const std::vector<plot::station_hours> st = {one_station(true)};
    const auto out = plot::timeline(st, p, {});
    CHECK(of_class(out, "pending").size() == 1);
    CHECK(of_class(out, "lift").empty());
  }
}

TEST_CASE("plot: an issued warning's band spans exactly its hours, a dot where it was announced", "[plot]") {
  const auto p = pingdingshan_2023();
  std::vector<plot::station_hours> st = {one_station()};
  const std::vector<io::issued_entry> log = {{"S", 2, t0 + 40, t0 + 64, t0 + 118, 2},        // start to the lift
                                             {"S", 3, t0 + 200, t0 + 210, std::nullopt, 3},  // not lifted
                                             {"T", 3, t0, t0 + 10, t0 + 20, 4}};             // not drawn
  CHECK(plot::attach(st, log) == 2);
  REQUIRE(st[0].issued.size() == 2);
  plot::timeline_options o;
  o.lang = plot::language::en;
  o.issued_lane = true;
  const auto s = plot::timeline_scale(o, plot::timeline_period(st, std::nullopt));
  const auto out = plot::timeline(st, p, o);

  const auto bands = of_class(out, "issued-band");
  REQUIRE(bands.size() == 2);
  CHECK(bands[0].at.at("x") == svg::num(s.x(t0 + 64)));
  CHECK(bands[0].hundredths("x") + bands[0].hundredths("width") == svg::hundredths(s.x(t0 + 118)));  // lift excluded
  CHECK(bands[0].at.at("fill") == plot::level_colour(p, 2));
  CHECK(bands[1].at.at("x") == svg::num(s.x(t0 + 210)));
  CHECK(bands[1].hundredths("x") + bands[1].hundredths("width") == svg::hundredths(s.x1));  // to the end
  CHECK(bands[1].at.at("fill") == plot::level_colour(p, 3));
  const auto dots = of_class(out, "issued-at");
  REQUIRE(dots.size() == 2);
  CHECK(dots[0].at.at("cx") == svg::num(s.x(t0 + 40)));
  const auto leads = of_class(out, "issued-lead");
  REQUIRE(leads.size() == 2);
  CHECK(leads[0].at.at("x1") == svg::num(s.x(t0 + 40)));
  CHECK(leads[0].at.at("x2") == svg::num(s.x(t0 + 64)));

  // the lane lies under the strip of the level in force, a lane's height apart
  const auto in_force = of_class(out, "in-force");
  const auto lane = of_class(out, "issued-lane");
  REQUIRE(lane.size() == 1);
  CHECK(lane[0].num("y") == in_force[0].num("y") + 12);
  CHECK(bands[0].at.at("y") == lane[0].at.at("y"));
  CHECK(out.find("; issued orange warning 2023-12-03 16:00 – 2023-12-05 21:00 (announced 2023-12-02 16:00)") !=
        std::string::npos);

  // cut at the period drawn; nothing without the lane
  o.range = plot::period{t0 + 80, t0 + 100};
  const auto cut = of_class(plot::timeline(st, p, o), "issued-band");
  REQUIRE(cut.size() == 1);
  CHECK(cut[0].at.at("x") == svg::num(plot::timeline_scale(o, *o.range).x0));
  CHECK(of_class(plot::timeline(st, p, {}), "issued-lane").empty());
  CHECK(of_class(plot::timeline(st, p, {}), "issued-band").empty());
}

TEST_CASE("plot: online decisions are marks at their decision hours, by the level they move to", "[plot]") {
  const auto p = pingdingshan_2023();
  std::vector<plot::station_hours> st = {one_station()};
  const std::vector<plot::decision_mark> d = {{"S", t0 + 60, "issue", 0, 2, t0 + 60, 2},
                                              {"S", t0 + 91, "upgrade", 2, 3, t0 + 91, 3},
                                              {"S", t0 + 100, "announce-downgrade", 3, 2, t0 + 110, 4},
                                              {"S", t0 + 121, "lift", 2, 0, t0 + 121, 5}};
  CHECK(plot::attach(st, d) == 4);
  plot::timeline_options o;
  o.lang = plot::language::en;
  o.decisions_lane = true;
  const auto s = plot::timeline_scale(o, plot::timeline_period(st, std::nullopt));
  const auto out = plot::timeline(st, p, o);
  const auto marks = of_class(out, "decision");
  REQUIRE(marks.size() == 4);
  auto x_of = [](const element& e) { return e.at.at("d").substr(1, e.at.at("d").find(',') - 1); };  // "Mx,y…"
  CHECK(x_of(marks[0]) == svg::num(s.x(t0 + 60)));
  CHECK(x_of(marks[3]) == svg::num(s.x(t0 + 121)));
  CHECK(marks[0].at.at("fill") == plot::level_colour(p, 2));
  CHECK(marks[1].at.at("fill") == plot::level_colour(p, 3));
  CHECK(marks[2].at.at("fill") == "#FFFFFF");  // announced: open, in the colour it announces
  CHECK(marks[2].at.at("stroke") == plot::level_colour(p, 2));
  CHECK(marks[3].at.at("fill") == "#666666");  // to none
  CHECK(out.find(
            "<title>2023-12-05 04:00: announce-downgrade red → orange, effective 2023-12-05 14:00 (line 4)</title>") !=
        std::string::npos);
  CHECK(out.find("; 4 online decisions.") != std::string::npos);
}

TEST_CASE("plot: withheld and advisory episodes are outlined over their hours, never in force", "[plot]") {
  const auto p = pingdingshan_2023();
  auto hours = [&](const std::string& file) {
    std::ifstream in(std::string(HPA_TEST_DATA) + "/" + file, std::ios::binary);
    return plot::read_hours(in, file, p, {}, std::nullopt, 24);
  };
  const auto dust = hours("dust.csv");
  REQUIRE(dust.size() == 1);
  CHECK(dust[0].episodes.empty());
  REQUIRE(dust[0].withheld.size() == 1);
  const auto& e = dust[0].withheld[0];
  CHECK(e.status == episode_status::withheld);
  CHECK(std::all_of(dust[0].in_force.begin(), dust[0].in_force.end(), [](level_t l) { return l == 0; }));

  const auto s = plot::timeline_scale({}, plot::timeline_period(dust, std::nullopt));
  const auto out = plot::timeline(dust, p, {});
  const auto bands = of_class(out, "withheld-band");
  REQUIRE(bands.size() == 1);
  CHECK(bands[0].at.at("x") == svg::num(s.x(e.start)));
  CHECK(bands[0].hundredths("x") + bands[0].hundredths("width") == svg::hundredths(s.x(e.end + 1)));
  CHECK(bands[0].at.at("stroke") == plot::level_colour(p, e.level));
  CHECK(bands[0].at.at("stroke-dasharray") == "6 3");
  CHECK(bands[0].at.at("fill") == "url(#hpa-hatch-3)");
  CHECK(out.find("<pattern id=\"hpa-hatch-3\"") != std::string::npos);
  CHECK(of_class(out, "band").empty());  // no band of a warning in force
  CHECK(out.find("S: 无预警; 不发布 红色预警 2024-03-10 05:00 – 2024-03-14 23:00.") != std::string::npos);

  const auto ozone = hours("ozone.csv");
  REQUIRE(ozone.at(0).withheld.size() == 1);
  const auto o3 = plot::timeline(ozone, p, {});
  const auto advisory = of_class(o3, "withheld-band");
  REQUIRE(advisory.size() == 1);
  CHECK(advisory[0].at.at("stroke-dasharray") == "1.5 2.5");  // dotted: an advisory
  CHECK(advisory[0].at.at("stroke") == plot::level_colour(p, 2));
  CHECK(o3.find("<g class=\"advisory\">") != std::string::npos);
  CHECK(o3.find("健康提示（臭氧）") != std::string::npos);  // in the legend

  plot::timeline_options en;
  en.lang = plot::language::en;
  golden("timeline_withheld.svg", plot::timeline(dust, p, en));
}

TEST_CASE("plot: the threshold lines are the profile's, not numbers of the picture's own", "[plot]") {
  const std::vector<plot::station_hours> st = {one_station()};
  auto p = pingdingshan_2023();
  auto out = plot::timeline(st, p, {});
  CHECK(of_class(out, "threshold").size() == 3);
  CHECK(count(out, ">&gt; 150<") == 1);
  CHECK(count(out, ">&gt; 200<") == 1);
  CHECK(count(out, ">&gt; 300<") == 1);

  p.levels[0].any_of[1].main.over.value = 175;  // yellow: > 175 for 48 h
  p.levels[1].any_of[1].main.over.value = 175;  // orange: > 175 for 72 h
  out = plot::timeline(st, p, {});
  CHECK(count(out, ">&gt; 150<") == 0);
  CHECK(count(out, ">&gt; 175<") == 1);

  out = plot::timeline(st, mee_2018(), {});  // red also at 500 and more: the axis stops at 500
  CHECK(count(out, ">&gt; 150<") == 0);
  CHECK(of_class(out, "threshold").size() == 2);
  CHECK(plot::thresholds_of(mee_2018()).back() == threshold{500, true});
}

TEST_CASE("plot: level colours follow the levels' names", "[plot]") {
  CHECK(plot::level_colour(pingdingshan_2023(), 0) == "none");
  CHECK(plot::level_colour(pingdingshan_2023(), 1) == "#F0C000");
  CHECK(plot::level_colour(pingdingshan_2023(), 2) == "#FF7F00");
  CHECK(plot::level_colour(pingdingshan_2023(), 3) == "#E0001B");
  CHECK(plot::level_colour(mee_2017(), 1) == "#1F6FD6");      // blue
  CHECK(plot::level_colour(mee_2017(), 4) == "#E0001B");      // red is the fourth there
  CHECK(plot::level_colour(jiangsu_2026(), 1) == "#8E6CB8");  // pre-control: not a colour
  auto p = pingdingshan_2023();
  p.levels[2].name = "level-3";
  CHECK(plot::level_colour(p, 3) == "#E0001B");  // still 红色 by its Chinese name
  p.levels[2].name_zh = "三级";
  CHECK(plot::level_colour(p, 3) == "#8E6CB8");
}

TEST_CASE("plot: time-axis labels do not overlap for a week, a season, a year or three", "[plot]") {
  const plot::timeline_options o;
  for (int days : {7, 91, 366, 1096}) {
    for (auto lang : {plot::language::en, plot::language::zh}) {
      const auto s = plot::timeline_scale(o, {t0, t0 + hour_t{days} * 24 - 1});
      const auto t = plot::time_axis(s, lang, 12);
      CAPTURE(days, lang == plot::language::en);
      CHECK(t.fine.size() >= 4);
      CHECK(t.fine_are_months == (days > 700));
      double right = -1e9;
      for (const auto& k : t.fine) {  // centred on the tick
        const double w = svg::text_width(k.label, 12), x = s.x(k.at);
        CHECK(x - w / 2 >= right);
        right = x + w / 2;
      }
      right = -1e9;
      for (const auto& k : t.coarse) {  // from just right of the tick
        const double x = std::max(s.x(k.at), s.x0) + 3;
        CHECK(x >= right);
        right = x + svg::text_width(k.label, 12);
        CHECK(right <= s.x1);
      }
      if (days == 91) {  // every month of a season is named
        REQUIRE(t.coarse.size() == 3);
        CHECK(t.coarse[1].label == (lang == plot::language::en ? "Jan 2024" : "2024年1月"));
        CHECK(t.coarse[1].at == days_from_civil(2024, 1, 1) * 24);
      }
      if (days == 366) CHECK(t.coarse.size() == 12);
    }
  }
}

TEST_CASE("plot: the calendar colours each day by its HJ 633 category and outlines warning days", "[plot]") {
  plot::station_days d;
  d.name = "S";
  d.first_day = t0 / 24;
  d.aqi = {48, 150.2, no_value, 320};
  d.level = {0, 3, 0, 2};
  d.valid_hours = {24, 24, 0, 24};
  const auto p = pingdingshan_2023();
  const std::vector<plot::station_days> st = {d};
  plot::calendar_options o;
  o.lang = plot::language::en;
  const auto out = plot::calendar(st, p, o);
  auto cell = [&](const std::string& date) {  // the lines of the day's group
    const auto at = out.find("<title>" + date);
    REQUIRE(at != std::string::npos);
    return out.substr(at, out.find("</g>", at) - at);
  };
  const auto d1 = cell("2023-12-01"), d2 = cell("2023-12-02"), d3 = cell("2023-12-03"), d4 = cell("2023-12-04");
  CHECK(d1.find("fill=\"#00E400\"") != std::string::npos);  // 优
  CHECK(d1.find("class=\"outline\"") == std::string::npos);
  CHECK(d2.find("AQI 151 (moderate)") != std::string::npos);  // over 150 prints over it
  CHECK(d2.find("fill=\"#FF0000\"") != std::string::npos);
  CHECK(d2.find("class=\"outline\"") != std::string::npos);
  CHECK(d2.find("stroke=\"#E0001B\"") != std::string::npos);
  CHECK(d2.find(">151</text>") != std::string::npos);
  CHECK(d3.find("no daily AQI") != std::string::npos);
  CHECK(d4.find("fill=\"#7E0023\"") != std::string::npos);  // 严重 over 300
  CHECK(d4.find("stroke=\"#FF7F00\"") != std::string::npos);
  CHECK(count(out, "class=\"day") == 31);  // the whole of December
  CHECK(out.find("<desc>") != std::string::npos);
  CHECK(out.find("red warning 1 day") != std::string::npos);
}

TEST_CASE("plot: a warning day's outline reads on every cell colour: a dark edge, the band, white, the day", "[plot]") {
  const auto p = pingdingshan_2023();
  plot::station_days d;  // a yellow warning on a 良 (yellow) day, a red one on a 中度 (red) day
  d.name = "S";
  d.first_day = t0 / 24;
  d.aqi = {80, 180};
  d.level = {1, 3};
  d.valid_hours = {24, 24};
  const std::vector<plot::station_days> st = {d};
  const auto out = plot::calendar(st, p, {});
  std::vector<element> days;
  std::istringstream in(out);
  static const std::regex attr(R"re(([a-z][a-z0-9-]*)="([^"]*)")re");
  bool inside = false;
  std::vector<element> rects;
  for (std::string line; std::getline(in, line);) {
    if (line.find("class=\"day warning\"") != std::string::npos) inside = true;
    if (!inside || line.rfind("<rect", 0) != 0) continue;
    element e;
    for (std::sregex_iterator it(line.begin(), line.end(), attr), end; it != end; ++it) e.at[(*it)[1]] = (*it)[2];
    rects.push_back(e);
    if (rects.size() % 3 == 0) inside = false;
  }
  REQUIRE(rects.size() == 6);
  for (std::size_t k = 0; k < 2; ++k) {
    const auto& fill = rects[3 * k];
    const auto& band = rects[3 * k + 1];
    const auto& edge = rects[3 * k + 2];
    CHECK(fill.at.at("fill") == (k == 0 ? "#FFFF00" : "#FF0000"));
    CHECK(band.at.at("class") == "outline");
    CHECK(band.at.at("stroke") == (k == 0 ? plot::level_colour(p, 1) : plot::level_colour(p, 3)));
    const double band_inner = band.num("x") + band.num("stroke-width") / 2;
    CHECK(fill.num("x") - band_inner >= 1);  // white between the band and the day's colour
    CHECK(edge.at.at("stroke") == "#222222");
    CHECK(edge.num("x") + 0.5 <= band.num("x") - band.num("stroke-width") / 2);  // dark just outside it
  }
}

TEST_CASE("plot: the AQI axis has its title and unit, one scale when asked, and a source line", "[plot]") {
  const auto p = pingdingshan_2023();
  auto high = one_station();
  for (auto& v : high.daily) v = 420;
  const std::vector<plot::station_hours> low_set = {one_station()}, high_set = {high};
  plot::timeline_options o;
  o.lang = plot::language::en;
  const auto plain = plot::timeline(low_set, p, o);
  CHECK(count(plain, "class=\"axis-title\"") == 1);
  CHECK(plain.find(">AQI (index, no unit)</text>") != std::string::npos);
  CHECK(plain.find("class=\"source\"") == std::string::npos);
  // by default each picture has its own top; with aqi_max the thresholds fall on the same rows
  auto threshold_rows = [](const std::string& svg_text) {
    std::vector<std::string> ys;
    for (const auto& e : of_class(svg_text, "threshold")) ys.push_back(e.at.at("y1"));
    return ys;
  };
  CHECK(threshold_rows(plain) != threshold_rows(plot::timeline(high_set, p, o)));
  o.aqi_max = 500;
  const auto low = plot::timeline(low_set, p, o);
  CHECK(threshold_rows(low) == threshold_rows(plot::timeline(high_set, p, o)));
  CHECK(low.find(">500</text>") != std::string::npos);
  o.source = plot::source_line(o.lang, "winter <2023>.csv", p, "hpa-plot");
  const auto sourced = plot::timeline(low_set, p, o);
  REQUIRE(of_class(sourced, "source").size() == 1);
  CHECK(sourced.find(">data: winter &lt;2023&gt;.csv · profile: pingdingshan-2023 · hpa-plot " +
                     std::string(hpa::version) + "</text>") != std::string::npos);
  CHECK(plot::source_line(plot::language::zh, "a.csv", p, "hpa-report") ==
        "数据：a.csv · 配置：pingdingshan-2023 · hpa-report " + std::string(hpa::version));
}

TEST_CASE("plot: a pollutant's timeline draws its HJ 633 breakpoints where they are, with its unit", "[plot]") {
  plot::station_series s;
  s.name = "S";
  s.first = t0;
  s.hourly.assign(48, 80);
  s.daily = {80, 80};
  const std::vector<plot::station_series> st = {s};
  plot::concentration_options o;
  o.lang = plot::language::en;
  const auto out = plot::concentration_timeline(st, o);
  CHECK(out.find(">PM2.5 (µg/m³)</text>") != std::string::npos);
  // up to past the breakpoint above the data (115), in round steps: the lines at 35, 75 and 115 µg/m³
  const auto lines = of_class(out, "breakpoint");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].at.at("stroke") == "#FFFF00");  // 良 begins above 35
  CHECK(lines[1].at.at("stroke") == "#FF7E00");  // 轻度 above 75
  CHECK(lines[2].at.at("stroke") == "#FF0000");  // 中度 above 115
  // on the axis: the rows of 35 and 75 µg/m³ between 0 (the plot's bottom) and 150 (its top)
  const double y0 = lines[0].num("y1") - 0.5, y1 = lines[1].num("y1") - 0.5;
  CHECK((y0 - y1) == Approx((75.0 - 35.0) / 150 * 170).margin(1));
  CHECK(out.find(">&gt; 35</text>") != std::string::npos);
  CHECK(out.find(">&gt; 75</text>") != std::string::npos);
  CHECK(out.find(">&gt; 115</text>") != std::string::npos);
  CHECK(out.find(">150</text>") != std::string::npos);
  o.what = plot::pollutant::co;
  CHECK(plot::concentration_timeline(st, o).find(">CO (mg/m³)</text>") != std::string::npos);
}

TEST_CASE("plot: the overview draws the area's own row above its sites, set apart", "[plot]") {
  const auto p = pingdingshan_2023();
  auto days = season_days(p);
  auto city = days[1];  // an area's series, drawn first whatever the order of the sites
  city.name = "Z city";
  days.insert(days.begin(), city);
  plot::overview_options o;
  o.lang = plot::language::en;
  o.order = plot::overview_order::warning_days;
  o.area_rows = 1;
  const auto out = plot::overview(days, p, o);
  const auto z = out.find(">Z city</text>"), a = out.find(">A</text>"), b = out.find(">B</text>");
  REQUIRE(z != std::string::npos);
  CHECK(z < b);
  CHECK(z < a);
  CHECK(count(out, "class=\"row area\"") == 1);
  CHECK(out.find("font-weight=\"bold\" text-anchor=\"end\">Z city") != std::string::npos);
  const auto line = of_class(out, "area-separator");
  REQUIRE(line.size() == 1);
  CHECK(out.find("class=\"area-separator\"") < b);
  o.area_rows = 0;  // without it the area is a row like the others, sorted among them
  CHECK(of_class(plot::overview(days, p, o), "area-separator").empty());
}

TEST_CASE("plot: the overview has a row per station, by name or by warning days", "[plot]") {
  auto station = [](std::string name, std::vector<level_t> levels) {
    plot::station_days d;
    d.name = std::move(name);
    d.first_day = t0 / 24;
    d.level = levels;
    d.aqi.assign(levels.size(), 100);
    d.valid_hours.assign(levels.size(), 24);
    return d;
  };
  const std::vector<plot::station_days> st = {station("b", {0, 1, 1, 0}), station("a", {0, 0, 0, 0}),
                                              station("c", {3, 3, 2, 0})};
  const auto p = pingdingshan_2023();
  plot::overview_options o;
  auto names = [](const std::string& out) {
    std::string v;
    std::regex name(R"re(text-anchor="end">([a-z])</text>)re");
    for (std::sregex_iterator it(out.begin(), out.end(), name), end; it != end; ++it) v += (*it)[1];
    return v;
  };
  CHECK(names(plot::overview(st, p, o)) == "abc");
  o.order = plot::overview_order::warning_days;
  const auto out = plot::overview(st, p, o);
  CHECK(names(out) == "cba");
  // a rect per run of days: c is red, red, orange, none
  CHECK(count(out, "fill=\"#E0001B\"") == 2);  // c's red run and the legend
  CHECK(st[2].warning_days() == 3);
}

TEST_CASE("plot: recorders keep what the pipeline reports, hour by hour and day by day", "[plot]") {
  const auto p = pingdingshan_2023();
  const auto hours = season_hours(p);
  REQUIRE(hours.size() == 2);
  const auto& a = hours[0];
  CHECK(a.name == "A");
  CHECK(a.first == t0);
  CHECK(a.hours() == plot::period{t0, t0 + 14 * 24 - 1});
  REQUIRE(a.episodes.size() == 1);
  for (const auto& seg : a.episodes[0].segments)
    for (hour_t h = seg.from; h <= seg.to; ++h) CHECK(a.in_force[static_cast<std::size_t>(h - t0)] == seg.level);
  CHECK(a.in_force[static_cast<std::size_t>(a.episodes[0].start - t0 - 1)] == 0);
  REQUIRE(a.excluded.size() == 1);
  CHECK(a.excluded[0].from == t0 + 9 * 24 + 6);
  CHECK(a.excluded[0].why == "dust");
  CHECK(a.hourly[static_cast<std::size_t>(9 * 24 + 6)] == 420);  // drawn as read, hatched
  CHECK(hours[1].episodes.at(0).pending);

  const auto days = season_days(p);
  REQUIRE(days.size() == 2);
  CHECK(days[0].first_day == t0 / 24);
  CHECK(days[0].days() == 14);
  double sum = 0;  // Dec 2 of A: the mean of its 24 hours
  for (int h = 24; h < 48; ++h) sum += a.hourly[static_cast<std::size_t>(h)];
  CHECK(days[0].aqi[1] == sum / 24);
  CHECK(days[0].aqi[5] == 340);  // the red day
  CHECK(days[0].level[5] == 3);
  CHECK(days[0].valid_hours[0] == 5);  // a window is valid from its 20th hour
  CHECK(days[1].warning_days() == 4);
}

TEST_CASE("plot: a dust day shows its AQI, the excluded hours counted, marked as not counted for warnings", "[plot]") {
  const auto p = pingdingshan_2023();
  const auto hours = season_hours(p);
  const auto days = season_days(p);
  const auto& a = days[0];
  REQUIRE(a.aqi_counted.size() == a.aqi.size());
  CHECK(std::isnan(a.aqi[9]));  // Dec 10: 12 dust hours, too few left for the rules
  double sum = 0;               // the air's AQI: all 24 hours as read
  for (int h = 9 * 24; h < 10 * 24; ++h) sum += hours[0].hourly[static_cast<std::size_t>(h)];
  CHECK(a.aqi_counted[9] == Approx(sum / 24).epsilon(1e-12));
  for (std::size_t d = 0; d < a.aqi.size(); ++d)
    if (d != 9) CHECK(std::isnan(a.aqi_counted[d]));  // no day without excluded hours
  plot::calendar_options o;
  o.lang = plot::language::en;
  const auto out = plot::calendar(days, p, o);
  const auto at = out.find("<title>2023-12-10: ");
  REQUIRE(at != std::string::npos);
  const auto cell = out.substr(at, out.find("</g>", at) - at);
  CHECK(cell.find("AQI 251 (heavy); excluded hours (dust, O3): not counted for warnings") != std::string::npos);
  CHECK(cell.find(">251</text>") != std::string::npos);
  CHECK(cell.find("class=\"excluded\"") != std::string::npos);
  CHECK(count(out, "class=\"excluded\"") == 2);  // the day and the legend
  CHECK(out.find("<pattern id=\"hpa-hatch\"") != std::string::npos);
}

TEST_CASE("plot: the pictures of the fixture are the same bytes every time", "[plot]") {
  const auto p = pingdingshan_2023();
  const auto hours = season_hours(p);
  const auto days = season_days(p);
  plot::timeline_options t;
  t.lang = plot::language::en;
  const auto timeline = plot::timeline(hours, p, t);
  CHECK(timeline == plot::timeline(season_hours(p), p, t));
  golden("timeline.svg", timeline);
  golden("calendar.svg", plot::calendar(days, p, {}));
  plot::overview_options o;
  o.order = plot::overview_order::warning_days;
  o.lang = plot::language::en;
  golden("overview.svg", plot::overview(days, p, o));

  // the overlays: the warnings issued and the online decisions, from their files
  auto overlaid = hours;
  std::ifstream log(std::string(HPA_TEST_DATA) + "/plot_issued.csv", std::ios::binary);
  CHECK(plot::attach(overlaid, io::read_issued_log(log, "plot_issued.csv", p)) == 2);
  std::ifstream decisions(std::string(HPA_TEST_DATA) + "/plot_decisions.csv", std::ios::binary);
  CHECK(plot::attach(overlaid, plot::read_decisions(decisions, "plot_decisions.csv", p)) == 6);
  t.issued_lane = t.decisions_lane = true;
  golden("timeline_overlays.svg", plot::timeline(overlaid, p, t));

  for (const auto* pic : {&timeline}) {
    CHECK(pic->find("<script") == std::string::npos);
    CHECK(pic->find("href") == std::string::npos);
    CHECK(pic->find("@import") == std::string::npos);
  }
}

TEST_CASE("plot: the timeline streams panel by panel, the overview row by row", "[plot]") {
  const auto p = pingdingshan_2023();
  const auto hours = season_hours(p);
  std::vector<std::string> pieces;
  plot::timeline(hours, p, {}, [&](std::string_view s) { pieces.emplace_back(s); });
  CHECK(pieces.size() == 4);  // the head, a panel per station, the axis and the end
  std::string whole;
  for (const auto& s : pieces) whole += s;
  CHECK(whole == plot::timeline(hours, p, {}));
}
